//! Private input: a commitment to the private input region, and the opening that adds its
//! contents to the RAM's initial values without the verifier seeing them.
//!
//! The private input region ([`jolt_common::MemoryLayout::private_input_start`]) is `K` whole
//! pages at the bottom of guest memory, sharing no page with a public word; they are the
//! first listed pages of every proof's RAM ([`super::MemoryInit`]), slots `1..=K`. The
//! verifier's initial RAM ([`super::MemoryInit::init_mle`]) holds zeros there; the proof
//! supplies the rest:
//! ```text
//!   V_init(r) = V_public(r) + V_private(r),   V_private(r) = Σ_{k=1..K} Σ_o eq(r, (k, o))·P_k[o]
//! ```
//!
//! # Commitment
//! Each page is a matrix of `2^{p−c}` rows of `2^c` words (`p` = [`LOG_PAGE`],
//! `c` = [`LOG_ROW`]); row `h` of page `k` commits as the Pedersen vector commitment
//! `C_{k,h} = Σ_l P_k[h·2^c + l]·G_l` under the page generators
//! ([`super::page_commitments::page_generators`], hashed to the curve: no known discrete-log
//! relation). The proof carries the `K·2^{p−c}` row commitments.
//!
//! # Opening
//! A cell point splits as `r = (r_row, r_col)`, `r_row` the slot and row bits, `r_col` the
//! last `c`. The prover sends `u = Σ_{k,h} eq(r_row, (k, h))·P_k[h·2^c..(h+1)·2^c]`
//! (`2^c` field elements); the verifier checks the Hyrax equation
//! ```text
//!   Σ_l u_l·G_l = Σ_{k,h} eq(r_row, (k, h))·C_{k,h}     and takes     V_private(r) = ⟨u, eq(r_col, ·)⟩
//! ```
//! with slot 0 and the slots past `K` contributing no rows.
//!
//! # Soundness
//! The row commitments must be absorbed before any challenge ([`append_commitments`], right
//! after the statement); a `u` other than the true combination then opens the combined
//! commitment two ways, breaking discrete log. Every word a commitment can hold is a private
//! word (whole pages), so whatever the prover commits is just another private input: the
//! public words stay the verifier's. Not hiding: a commitment to a guessable input can be
//! recognised (the zero-knowledge mode blinds it).
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

use super::page_commitments::page_generators;
use super::LOG_PAGE;
use crate::cfg_into_iter;
use crate::commitment::hyrax::check_row_combination;
use crate::commitment::msm::msm_small;
use crate::commitment::OpeningError;
use crate::field::{Fr, JoltField};
use crate::poly::EqPolynomial;
use crate::transcript::{Absorb, Transcript};
#[allow(unused_imports)]
use crate::utils::parallel::*;
use crate::utils::serialization::SafeVec;
use ark_bn254::{G1Affine, G1Projective};
use ark_ec::CurveGroup;
use ark_ff::{AdditiveGroup, Field};
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize};
use jolt_common::MemoryLayout;

/// `log2` of the words of a committed row: half a page's bits, so that the row commitments
/// of a page and the row combination are both `2^5` elements.
pub const LOG_ROW: usize = LOG_PAGE / 2;
/// Rows per page.
const ROWS_PER_PAGE: usize = 1 << (LOG_PAGE - LOG_ROW);

const COMMITMENTS: &[u8] = b"zkvm_private_input";

/// The private input's part of a proof: the row commitments (absorbed with the statement)
/// and the row combination at the RAM cell point (sent after the memory check).
#[derive(Clone, Debug, PartialEq, Eq, CanonicalSerialize, CanonicalDeserialize)]
pub struct PrivateInputProof {
    /// `C_{k,h}` for the private pages `k = 1..=K` and their rows `h`, page-major.
    pub commitments: SafeVec<G1Affine>,
    /// `u`: the row combination at the RAM cell point.
    pub row_combination: SafeVec<Fr>,
}

/// The pages of the private input region of `layout` (0 without private input).
pub fn private_pages(layout: &MemoryLayout) -> usize {
    (layout.private_input_capacity() as usize) >> (LOG_PAGE + 2)
}

/// The number of row commitments of a proof for `layout`: every row of every private page.
pub fn num_commitments(layout: &MemoryLayout) -> usize {
    private_pages(layout) * ROWS_PER_PAGE
}

/// The row commitments of the first `pages` pages after the null slot of a RAM whose cells
/// hold `values` (slot-major, `2^p` cells a slot), in parallel.
pub fn commit(values: &[u64], pages: usize) -> Vec<G1Affine> {
    let gens = page_generators().get(..1 << LOG_ROW).unwrap_or_default();
    let first = 1 << LOG_PAGE;
    let rows: Vec<G1Projective> = cfg_into_iter!(0..pages * ROWS_PER_PAGE)
        .map(|i| {
            let start = first + (i << LOG_ROW);
            match values.get(start..start + (1 << LOG_ROW)) {
                Some(row) => msm_small(gens, row),
                None => G1Projective::ZERO,
            }
        })
        .collect();
    G1Projective::normalize_batch(&rows)
}

/// Absorbs the row commitments (both sides, right after the statement).
pub fn append_commitments(commitments: &[G1Affine], transcript: &mut Transcript) {
    transcript.append_u64(COMMITMENTS, commitments.len() as u64);
    for c in commitments {
        transcript.append(COMMITMENTS, c);
    }
}

/// The row combination `u` at the cell point `r` of the private pages (`pages` slots from
/// slot 1) of a RAM whose cells hold `values` (prover).
pub fn row_combination(values: &[u64], pages: usize, r: &[Fr]) -> Vec<Fr> {
    let (r_row, _) = r.split_at(r.len().saturating_sub(LOG_ROW));
    let left = EqPolynomial::evals(r_row);
    let mut u = vec![Fr::ZERO; 1 << LOG_ROW];
    let first_row = ROWS_PER_PAGE;
    for i in first_row..first_row + pages * ROWS_PER_PAGE {
        let (Some(l), Some(row)) = (left.get(i), values.get(i << LOG_ROW..(i + 1) << LOG_ROW))
        else {
            break;
        };
        for (x, v) in u.iter_mut().zip(row) {
            if *v != 0 {
                *x += *l * Fr::from_u64(*v);
            }
        }
    }
    u
}

/// Checks that `u` is the row combination at the cell point `r` of the private pages that
/// `commitments` commit to, and returns their part `V_private(r)` of the RAM's initial value.
pub fn open(commitments: &[G1Affine], r: &[Fr], u: &[Fr]) -> Result<Fr, OpeningError> {
    if r.len() < LOG_PAGE || u.len() != 1 << LOG_ROW {
        return Err(OpeningError::ProofShape("private input row combination"));
    }
    let rows_total = 1usize.checked_shl((r.len() - LOG_ROW) as u32).unwrap_or(0);
    if commitments.len() % ROWS_PER_PAGE != 0 || commitments.len() + ROWS_PER_PAGE > rows_total {
        return Err(OpeningError::CommitmentShape("private input pages"));
    }
    let (r_row, r_col) = r.split_at(r.len() - LOG_ROW);
    let rows: Vec<G1Affine> = std::iter::repeat_n(G1Affine::identity(), ROWS_PER_PAGE)
        .chain(commitments.iter().copied())
        .collect();
    let value = EqPolynomial::evals_serial(r_col, Fr::ONE)
        .iter()
        .zip(u)
        .map(|(e, x)| *e * x)
        .sum();
    let gens = page_generators()
        .get(..1 << LOG_ROW)
        .ok_or(OpeningError::CommitmentShape("page generators"))?;
    check_row_combination(gens, &rows, (r_row, r_col), &value, u)?;
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::poly::{DensePolynomial, MultilinearPolynomial};
    use ark_std::{test_rng, UniformRand};

    #[test]
    fn the_opening_is_the_private_pages_mle_and_refuses_a_forgery() {
        let mut rng = test_rng();
        let (pages, m) = (2, LOG_PAGE + 2);
        let values: Vec<u64> = (0..1u64 << m).map(|j| j * 7 + 1).collect();
        let private: Vec<u64> = values
            .iter()
            .enumerate()
            .map(|(j, v)| {
                if (1..=pages).contains(&(j >> LOG_PAGE)) {
                    *v
                } else {
                    0
                }
            })
            .collect();
        let commitments = commit(&values, pages);
        assert_eq!(commitments.len(), pages * ROWS_PER_PAGE);
        let r: Vec<Fr> = (0..m).map(|_| Fr::rand(&mut rng)).collect();
        let u = row_combination(&values, pages, &r);
        let mle = MultilinearPolynomial::Dense(DensePolynomial::new(
            private.iter().map(|v| Fr::from_u64(*v)).collect(),
        ));
        assert_eq!(open(&commitments, &r, &u).unwrap(), mle.evaluate(&r));
        let mut forged = u.clone();
        forged[3] += Fr::ONE;
        assert!(open(&commitments, &r, &forged).is_err());
        let mut swapped = commitments.clone();
        swapped.swap(0, 1);
        assert!(open(&swapped, &r, &u).is_err());
        assert!(open(&commitments[1..], &r, &u).is_err(), "a partial page");
        assert!(open(&commitments, &r, &u[1..]).is_err());
        let too_many = [commitments.clone(), commitments.clone()].concat();
        assert!(open(&too_many, &r, &u).is_err(), "4 pages need 5 slots");
    }
}
