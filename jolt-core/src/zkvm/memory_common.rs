//! Shared pieces of the zkVM's memory checks ([`super::bytecode_checking`],
//! [`super::read_write_memory`]): integer columns turned into compact polynomials, the
//! verifier's own MLE evaluations of public columns, and a self-contained proof wrapper
//! (commitments, sub-proof, one batched opening).
//!
//! A *slotted* cycle-side vector interleaves `2^s` per-cycle accesses: entry
//! `slot·2^n + t` is access `slot` of cycle `t` (the slot bits are the most significant), so
//! its MLE at `(r_slot, r_cycle)` is `Σ_slot eq(r_slot, slot) · column_slot(r_cycle)`.
//!
//! Variable order: `x_0` is the most significant bit of an index.
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

use crate::commitment::CommitmentScheme;
use crate::field::{Fr, JoltField};
use crate::poly::{EqPolynomial, MultilinearPolynomial};
use crate::transcript::{labels, Absorb, Transcript};
use crate::utils::serialization::SafeVec;
use ark_ff::{AdditiveGroup, Field};

pub use crate::poly::identity_mle;
pub use crate::poly::smallest_compact as compact;

/// The MLE at `r` of the public column `value(0), …, value(len − 1)` followed by zeros (up to
/// `2^|r|` entries), in `O(len)`: with `2^k ≥ len`, only the points whose top `|r| − k` bits
/// are 0 contribute, so the MLE is `Π_{i < |r|−k} (1 − r_i) · Σ_{j < len} eq(r_{low}, j)·value(j)`
/// (the verifier's cost for a column it builds itself).
pub fn public_mle(r: &[Fr], len: usize, value: impl Fn(usize) -> u64) -> Fr {
    let k = len.max(1).next_power_of_two().trailing_zeros() as usize;
    let (high, low) = r.split_at(r.len().saturating_sub(k));
    let zero_prefix: Fr = high.iter().map(|x| Fr::ONE - x).product();
    let sum: Fr = EqPolynomial::evals(low)
        .iter()
        .take(len)
        .enumerate()
        .filter_map(|(i, e)| match value(i) {
            0 => None,
            v => Some(*e * Fr::from_u64(v)),
        })
        .sum();
    zero_prefix * sum
}

/// `Σ_{j < len} eq(r, j)`: the MLE at `r` of the indicator of the first `len` indices, in
/// `O(|r|)` (`j < len` iff at the first bit where they differ, `len` has a 1 and `j` a 0).
pub fn prefix_mle(r: &[Fr], len: u64) -> Fr {
    let m = r.len();
    if u32::try_from(m).is_ok_and(|m| m < 64 && len >= 1 << m) {
        return Fr::ONE;
    }
    let (mut sum, mut prefix) = (Fr::ZERO, Fr::ONE);
    for (i, x) in r.iter().enumerate() {
        let shift = u32::try_from(m - 1 - i).unwrap_or(u32::MAX);
        if len.checked_shr(shift).unwrap_or(0) & 1 == 1 {
            sum += prefix * (Fr::ONE - x);
            prefix *= x;
        } else {
            prefix *= Fr::ONE - x;
        }
    }
    sum
}

/// The MLEs at `r` of `width` public columns `value(j, k)`, `k < width`, sharing one
/// `eq(r, ·)` table (`O(2^|r| · width)`).
pub fn public_mles(r: &[Fr], width: usize, value: impl Fn(usize, usize) -> u64) -> Vec<Fr> {
    let eq = EqPolynomial::evals(r);
    (0..width)
        .map(|k| {
            eq.iter()
                .enumerate()
                .filter_map(|(j, e)| match value(j, k) {
                    0 => None,
                    v => Some(*e * Fr::from_u64(v)),
                })
                .sum()
        })
        .collect()
}

/// `eq(r_slot, slot)` for every `slot < 2^|r_slot|`.
pub fn slot_weights(r_slot: &[Fr]) -> Vec<Fr> {
    EqPolynomial::evals(r_slot)
}

/// Commits to `polys` and absorbs the commitments (count first).
pub fn commit_and_absorb<PCS: CommitmentScheme>(
    setup: &PCS::ProverSetup,
    polys: &[MultilinearPolynomial<Fr>],
    transcript: &mut Transcript,
) -> SafeVec<PCS::Commitment> {
    let commitments = commit::<PCS>(setup, polys);
    absorb::<PCS>(&commitments, transcript);
    commitments
}

/// Commits to `polys` (one commitment each, in order).
pub fn commit<PCS: CommitmentScheme>(
    setup: &PCS::ProverSetup,
    polys: &[MultilinearPolynomial<Fr>],
) -> SafeVec<PCS::Commitment> {
    polys
        .iter()
        .map(|p| PCS::commit(setup, p))
        .collect::<Vec<_>>()
        .into()
}

/// Absorbs commitments (count first).
pub fn absorb<PCS: CommitmentScheme>(commitments: &[PCS::Commitment], transcript: &mut Transcript) {
    transcript.append_u64(labels::NUM_VARS, commitments.len() as u64);
    for c in commitments {
        transcript.append(labels::COMMITMENT, c);
    }
}

/// A self-contained proof (commitments, sub-proof, one batched opening).
pub use crate::opening_accumulator::StandaloneProof;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::poly::DensePolynomial;
    use ark_ff::AdditiveGroup;
    use ark_std::{test_rng, UniformRand};

    #[test]
    fn prefix_mle_matches_the_dense_indicator() {
        let mut rng = test_rng();
        for m in [0, 1, 3, 5] {
            let r: Vec<Fr> = (0..m).map(|_| Fr::rand(&mut rng)).collect();
            for len in 0..=(1u64 << m) + 1 {
                let dense: Vec<Fr> = (0..1u64 << m)
                    .map(|j| if j < len { Fr::ONE } else { Fr::ZERO })
                    .collect();
                let expected = DensePolynomial::new(dense).evaluate(&r);
                assert_eq!(prefix_mle(&r, len), expected, "m = {m}, len = {len}");
            }
        }
    }

    #[test]
    fn public_mle_of_a_prefix_matches_the_dense_evaluation() {
        let mut rng = test_rng();
        for (m, len) in [(0, 1), (3, 1), (3, 5), (5, 8), (5, 32), (6, 9)] {
            let r: Vec<Fr> = (0..m).map(|_| Fr::rand(&mut rng)).collect();
            let value = |j: usize| (j as u64 * 7 + 3) % 11;
            let dense: Vec<Fr> = (0..1usize << m)
                .map(|j| {
                    if j < len {
                        Fr::from_u64(value(j))
                    } else {
                        Fr::ZERO
                    }
                })
                .collect();
            assert_eq!(
                public_mle(&r, len, value),
                DensePolynomial::new(dense).evaluate(&r),
                "m = {m}, len = {len}"
            );
        }
    }
}
