//! Commitments to pages of RAM, and the opening that ties them to a proof's RAM.
//!
//! A page's commitment is the Pedersen vector commitment `C(P) = Σ_o P[o]·G_o` of its
//! `2^p` words (`p` = [`LOG_PAGE`]) under generators hashed to BN254 G1 from a public seed
//! (Hyrax's, [`HyraxSetup`]), so nobody knows a discrete-log relation between them and the
//! commitment binds. A machine state between two shards holds one such commitment per page
//! (see [`crate::zkvm::boundary`]).
//!
//! # The opening
//! A proof's RAM is the matrix whose row `k` is its slot `k` ([`super::MemoryInit`]): row 0
//! the null page, rows `1..=n` the listed pages, the rest padding, every row but the pages'
//! zero at the start and at the end of a run. At a cell point `r = (r_slot, r_o)` the RAM's
//! value MLE is `V(r) = Σ_k eq(r_slot, k)·P̃_k(r_o)`: the MLE at `r_o` of the row combination
//! `u = Σ_k eq(r_slot, k)·P_k`, whose commitment the verifier computes as
//! `Σ_{k=1..n} eq(r_slot, k)·C_k`. An inner-product argument ([`crate::commitment::ipa`])
//! proves `V(r) = ũ(r_o)` against it in `2·p` group elements, where sending `u` would take
//! `2^p` field elements. Soundness: the page commitments must be fixed (absorbed) before `r` is
//! drawn; the argument is then knowledge-sound under discrete log.
//!
//! Variable order: `x_0` is the most significant bit of a cell index (slot bits first).
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic,
        clippy::panic_in_result_fn
    )
)]

use super::LOG_PAGE;
use crate::cfg_into_iter;
use crate::commitment::hyrax::HyraxSetup;
use crate::commitment::ipa::{self, IpaProof};
use crate::commitment::msm::{msm_serial, msm_small};
use crate::commitment::OpeningError;
use crate::field::{Fr, JoltField};
use crate::poly::EqPolynomial;
use crate::transcript::Transcript;
#[allow(unused_imports)]
use crate::utils::parallel::*;
use ark_bn254::{G1Affine, G1Projective};
use ark_ec::CurveGroup;
use ark_ff::{AdditiveGroup, Field};
use std::sync::OnceLock;

/// A page's commitment.
pub type PageCommitment = G1Affine;

/// The `2^p` generators of page commitments.
pub fn page_generators() -> &'static [G1Affine] {
    static SETUP: OnceLock<HyraxSetup> = OnceLock::new();
    &SETUP
        .get_or_init(|| HyraxSetup::new(2 * LOG_PAGE))
        .generators
}

/// The commitment of one page's words (on the calling thread: the verifier's).
pub fn commit_page(words: &[u32]) -> PageCommitment {
    let scalars: Vec<Fr> = words.iter().map(|w| Fr::from_u64((*w).into())).collect();
    msm_serial(page_generators(), &scalars).into_affine()
}

/// The commitments of slots `1..=pages` of a RAM whose cells hold `values` (slot-major,
/// `2^p` cells a slot), in parallel.
pub fn commit_slots(values: &[u64], pages: usize) -> Vec<PageCommitment> {
    let gens = page_generators();
    let rows: Vec<G1Projective> = cfg_into_iter!(1..=pages)
        .map(|k| {
            let row = values
                .get(k << LOG_PAGE..(k + 1) << LOG_PAGE)
                .unwrap_or(&[]);
            match gens.get(..row.len()) {
                Some(g) if !row.is_empty() => msm_small(g, row),
                _ => G1Projective::ZERO,
            }
        })
        .collect();
    G1Projective::normalize_batch(&rows)
}

/// `u = Σ_{k=1..pages} eq(r_slot, k)·slot_k` for the cells `values` (slot-major).
fn row_combination(values: &[u64], pages: usize, r_slot: &[Fr]) -> Vec<Fr> {
    let left = EqPolynomial::evals(r_slot);
    let mut u = vec![Fr::ZERO; 1 << LOG_PAGE];
    let rows = values.chunks(1 << LOG_PAGE).zip(&left).take(pages + 1);
    for (row, l) in rows.skip(1) {
        for (x, v) in u.iter_mut().zip(row) {
            if *v != 0 {
                *x += *l * Fr::from_u64(*v);
            }
        }
    }
    u
}

/// Proves the value at the cell point `r` of the RAM whose slots `1..=pages` hold the cells
/// `values` (slot-major, `2^p` cells a slot) and whose other slots are zero (prover).
pub fn prove_opening(
    values: &[u64],
    pages: usize,
    r: &[Fr],
    transcript: &mut Transcript,
) -> IpaProof {
    let (r_slot, r_o) = r.split_at(r.len().saturating_sub(LOG_PAGE));
    let u = row_combination(values, pages, r_slot);
    ipa::prove(page_generators(), &u, r_o, transcript)
}

/// Checks `proof` of the value at the cell point `r` of the RAM whose listed pages commit to
/// `pages` (the other slots zero), and returns that value.
pub fn verify_opening(
    pages: &[PageCommitment],
    r: &[Fr],
    proof: &IpaProof,
    transcript: &mut Transcript,
) -> Result<Fr, OpeningError> {
    if r.len() < LOG_PAGE {
        return Err(OpeningError::ProofShape("page opening point"));
    }
    let slots = 1usize.checked_shl((r.len() - LOG_PAGE) as u32).unwrap_or(0);
    if pages.len() >= slots {
        return Err(OpeningError::CommitmentShape("more pages than slots"));
    }
    let (r_slot, r_o) = r.split_at(r.len() - LOG_PAGE);
    let left = EqPolynomial::evals_serial(r_slot, Fr::ONE);
    let combined = msm_serial(pages, left.get(1..).unwrap_or_default());
    ipa::verify(page_generators(), &combined, r_o, proof, transcript)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::poly::{DensePolynomial, MultilinearPolynomial};
    use ark_std::{test_rng, UniformRand};

    fn transcript() -> Transcript {
        Transcript::new(b"page opening test")
    }

    #[test]
    fn the_opening_matches_the_ram_mle_and_refuses_a_forgery() {
        let mut rng = test_rng();
        let pages = 3;
        let m = LOG_PAGE + 2;
        let values: Vec<u64> = (0..1u64 << m)
            .map(|j| {
                let slot = j >> LOG_PAGE;
                if (1..=pages as u64).contains(&slot) {
                    j * 7 + 1
                } else {
                    0
                }
            })
            .collect();
        let commitments = commit_slots(&values, pages);
        let words: Vec<u32> = values[1 << LOG_PAGE..2 << LOG_PAGE]
            .iter()
            .map(|v| *v as u32)
            .collect();
        assert_eq!(commitments[0], commit_page(&words));
        let r: Vec<Fr> = (0..m).map(|_| Fr::rand(&mut rng)).collect();
        let proof = prove_opening(&values, pages, &r, &mut transcript());
        assert_eq!(
            proof.rounds.len(),
            LOG_PAGE,
            "2·p group elements, not 2^p scalars"
        );
        let poly = MultilinearPolynomial::Dense(DensePolynomial::new(
            values.iter().map(|v| Fr::from_u64(*v)).collect(),
        ));
        let open = |c: &[PageCommitment], r: &[Fr], p: &IpaProof| {
            verify_opening(c, r, p, &mut transcript())
        };
        assert_eq!(open(&commitments, &r, &proof), Ok(poly.evaluate(&r)));
        let mut forged = proof.clone();
        forged.value += Fr::ONE;
        assert!(open(&commitments, &r, &forged).is_err());
        let mut swapped = commitments.clone();
        swapped.swap(0, 1);
        assert!(open(&swapped, &r, &proof).is_err());
        assert!(
            open(&commitments, &r[1..], &proof).is_err(),
            "another point"
        );
        assert!(
            open(&[commitments[0]; 4], &r, &proof).is_err(),
            "4 pages need 5 slots"
        );
        // Only the listed pages count: the null slot is not part of the opened RAM.
        let mut extra = values.clone();
        extra[5] = 5;
        let proof = prove_opening(&extra, pages, &r, &mut transcript());
        assert_eq!(open(&commitments, &r, &proof), Ok(poly.evaluate(&r)));
    }
}
