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
use crate::opening_accumulator::BatchedOpeningProof;
use crate::poly::{EqPolynomial, MultilinearPolynomial};
use crate::transcript::{labels, Absorb, Transcript};
use crate::utils::serialization::SafeVec;
use ark_ff::AdditiveGroup;
use ark_serialize::{
    CanonicalDeserialize, CanonicalSerialize, Compress, Read, SerializationError, Valid, Validate,
    Write,
};

/// The smallest compact polynomial that holds `values`.
pub fn compact(values: &[u64]) -> MultilinearPolynomial<Fr> {
    let max = values.iter().copied().max().unwrap_or(0);
    if max <= u64::from(u8::MAX) {
        values.iter().map(|&v| v as u8).collect::<Vec<_>>().into()
    } else if max <= u64::from(u16::MAX) {
        values.iter().map(|&v| v as u16).collect::<Vec<_>>().into()
    } else if max <= u64::from(u32::MAX) {
        values.iter().map(|&v| v as u32).collect::<Vec<_>>().into()
    } else {
        values.to_vec().into()
    }
}

/// `Σ_j r_j 2^{m−1−j}`: the MLE of the identity `i ↦ i` at `r`.
pub fn identity_mle(r: &[Fr]) -> Fr {
    r.iter().fold(Fr::ZERO, |acc, x| acc.double() + x)
}

/// The MLE at `r` of the public column `value(0), …, value(2^|r| − 1)`, in `O(2^|r|)` (the
/// verifier's cost for a column it builds itself).
pub fn public_mle(r: &[Fr], value: impl Fn(usize) -> u64) -> Fr {
    EqPolynomial::evals(r)
        .iter()
        .enumerate()
        .filter_map(|(i, e)| match value(i) {
            0 => None,
            v => Some(*e * Fr::from_u64(v)),
        })
        .sum()
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
    let commitments: Vec<PCS::Commitment> = polys.iter().map(|p| PCS::commit(setup, p)).collect();
    absorb::<PCS>(&commitments, transcript);
    commitments.into()
}

/// Absorbs commitments (count first).
pub fn absorb<PCS: CommitmentScheme>(commitments: &[PCS::Commitment], transcript: &mut Transcript) {
    transcript.append_u64(labels::NUM_VARS, commitments.len() as u64);
    for c in commitments {
        transcript.append(labels::COMMITMENT, c);
    }
}

/// A self-contained proof: commitments to the witness polynomials, the sub-proof `P`, and
/// the batched opening of every evaluation claim.
#[derive(Clone)]
pub struct StandaloneProof<PCS: CommitmentScheme, P> {
    /// One commitment per witness polynomial, in the sub-protocol's order.
    pub commitments: SafeVec<PCS::Commitment>,
    /// The sub-proof.
    pub proof: P,
    /// The batched opening.
    pub opening: BatchedOpeningProof<PCS>,
}

impl<PCS: CommitmentScheme, P: PartialEq> PartialEq for StandaloneProof<PCS, P> {
    fn eq(&self, other: &Self) -> bool {
        self.commitments == other.commitments
            && self.proof == other.proof
            && self.opening == other.opening
    }
}

impl<PCS: CommitmentScheme, P: std::fmt::Debug> std::fmt::Debug for StandaloneProof<PCS, P> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StandaloneProof")
            .field("commitments", &self.commitments.0.len())
            .field("proof", &self.proof)
            .finish()
    }
}

impl<PCS: CommitmentScheme, P: CanonicalSerialize> CanonicalSerialize for StandaloneProof<PCS, P> {
    fn serialize_with_mode<W: Write>(
        &self,
        mut w: W,
        compress: Compress,
    ) -> Result<(), SerializationError> {
        self.commitments.serialize_with_mode(&mut w, compress)?;
        self.proof.serialize_with_mode(&mut w, compress)?;
        self.opening.serialize_with_mode(&mut w, compress)
    }

    fn serialized_size(&self, compress: Compress) -> usize {
        self.commitments.serialized_size(compress)
            + self.proof.serialized_size(compress)
            + self.opening.serialized_size(compress)
    }
}

impl<PCS: CommitmentScheme, P: Valid> Valid for StandaloneProof<PCS, P> {
    fn check(&self) -> Result<(), SerializationError> {
        self.commitments.check()?;
        self.proof.check()?;
        self.opening.check()
    }
}

impl<PCS: CommitmentScheme, P: CanonicalDeserialize> CanonicalDeserialize
    for StandaloneProof<PCS, P>
{
    fn deserialize_with_mode<R: Read>(
        mut r: R,
        compress: Compress,
        validate: Validate,
    ) -> Result<Self, SerializationError> {
        Ok(Self {
            commitments: SafeVec::deserialize_with_mode(&mut r, compress, validate)?,
            proof: P::deserialize_with_mode(&mut r, compress, validate)?,
            opening: BatchedOpeningProof::deserialize_with_mode(&mut r, compress, validate)?,
        })
    }
}
