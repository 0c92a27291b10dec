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
//! value MLE is `V(r) = Σ_k eq(r_slot, k)·P̃_k(r_o)`. The prover sends the row combination
//! `u = Σ_k eq(r_slot, k)·P_k` (`2^p` field elements); the verifier checks
//! ```text
//!   Σ_o u_o·G_o = Σ_{k=1..n} eq(r_slot, k)·C_k     and takes     V(r) = ⟨u, eq(r_o, ·)⟩
//! ```
//! (the Hyrax opening, [`crate::commitment::hyrax`]). Soundness: the page commitments must be
//! fixed (absorbed) before `r` is drawn; then a `u` other than the true combination would
//! open the combined commitment two ways, breaking discrete log.
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
use crate::commitment::hyrax::{check_row_combination, HyraxSetup};
use crate::commitment::msm::{msm_serial, msm_small};
use crate::commitment::OpeningError;
use crate::field::{Fr, JoltField};
use crate::poly::EqPolynomial;
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

/// The row combination `u = Σ_k eq(r_slot, k)·slot_k` of the cells `values` at a cell point
/// `r` (prover).
pub fn row_combination(values: &[u64], r: &[Fr]) -> Vec<Fr> {
    let (r_slot, _) = r.split_at(r.len().saturating_sub(LOG_PAGE));
    let left = EqPolynomial::evals(r_slot);
    let mut u = vec![Fr::ZERO; 1 << LOG_PAGE];
    for (row, l) in values.chunks(1 << LOG_PAGE).zip(&left) {
        for (x, v) in u.iter_mut().zip(row) {
            if *v != 0 {
                *x += *l * Fr::from_u64(*v);
            }
        }
    }
    u
}

/// Checks that `u` is the row combination at the cell point `r` of the RAM whose listed pages
/// commit to `pages` (the other slots zero), and returns the RAM's value MLE at `r`.
pub fn open(pages: &[PageCommitment], r: &[Fr], u: &[Fr]) -> Result<Fr, OpeningError> {
    if r.len() < LOG_PAGE || u.len() != 1 << LOG_PAGE {
        return Err(OpeningError::ProofShape("page row combination"));
    }
    let slots = 1usize.checked_shl((r.len() - LOG_PAGE) as u32).unwrap_or(0);
    if pages.len() >= slots {
        return Err(OpeningError::CommitmentShape("more pages than slots"));
    }
    let (r_slot, r_o) = r.split_at(r.len() - LOG_PAGE);
    let rows: Vec<G1Affine> = std::iter::once(G1Affine::identity())
        .chain(pages.iter().copied())
        .collect();
    let value = EqPolynomial::evals_serial(r_o, Fr::ONE)
        .iter()
        .zip(u)
        .map(|(e, x)| *e * x)
        .sum();
    check_row_combination(page_generators(), &rows, (r_slot, r_o), &value, u)?;
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::poly::{DensePolynomial, MultilinearPolynomial};
    use ark_std::{test_rng, UniformRand};

    #[test]
    fn the_opening_matches_the_ram_mle_and_refuses_a_wrong_combination() {
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
        let u = row_combination(&values, &r);
        let poly = MultilinearPolynomial::Dense(DensePolynomial::new(
            values.iter().map(|v| Fr::from_u64(*v)).collect(),
        ));
        assert_eq!(open(&commitments, &r, &u).unwrap(), poly.evaluate(&r));
        let mut forged = u.clone();
        forged[5] += Fr::ONE;
        assert!(open(&commitments, &r, &forged).is_err());
        let mut swapped = commitments.clone();
        swapped.swap(0, 1);
        assert!(open(&swapped, &r, &u).is_err());
        assert!(open(&commitments, &r, &u[1..]).is_err());
        assert!(
            open(&[commitments[0]; 4], &r, &u).is_err(),
            "4 pages need 5 slots"
        );
    }
}
