//! Opening accumulators: gather evaluation claims `p_i(r_i) = v_i` from many sub-protocols
//! and prove them all with **one** opening of the commitment scheme.
//!
//! Reduction (`n_i = |r_i|`, `n = max n_i`):
//! 1. claims at the same point `r_g` are grouped (in order of first appearance) and combined
//!    with powers of a challenge `β_g` into `C_g = Σ_{i ∈ g} β_g^{j(i)} p_i`; a batched
//!    sumcheck (degree 2, instances of different sizes) proves
//!    `Σ_{x ∈ {0,1}^{n_g}} eq(r_g, x) · C_g(x) = Σ_{i ∈ g} β_g^{j(i)} v_i` for all groups at
//!    once and ends at a point `ρ` of length `n`; group `g` ends at the suffix `ρ_g` of length
//!    `n_g`;
//! 2. the prover sends `c_g = C_g(ρ_g)`, one value per group; the verifier checks the
//!    sumcheck's reduced claim against `eq(r_g, ρ_g) · c_g`;
//! 3. with `γ` from the transcript, one opening proves
//!    `P(ρ) = Σ_g γ^g · Π_{j < n − n_g} (1 − ρ_j) · c_g` for `P = Σ_g γ^g C'_g`, where `C'_g`
//!    is `C_g` zero-padded at the end to `n` variables (its extra top variables must be 0).
//!    The verifier gets `P`'s commitment `Σ_i γ^{g(i)} β_g^{j(i)} com_i` from
//!    [`CommitmentScheme::combine_commitments`].
//!
//! # Transcript
//! Absorbs every point and value, draws the `β_g`, runs the sumcheck, absorbs the `c_g`,
//! draws `γ`, opens.
//!
//! # Soundness
//! The commitments must have been absorbed by the caller before the points were drawn. The
//! scheme must be homomorphic and padding-invariant (both schemes of this crate are).
//! Variable order as everywhere: `x_0` is the most significant index bit.
//!
//! [`CommitmentScheme::combine_commitments`]: crate::commitment::CommitmentScheme::combine_commitments

mod eq_sumcheck;
mod prover;
mod verifier;
pub mod zk;

pub use prover::ProverOpeningAccumulator;
pub use verifier::VerifierOpeningAccumulator;

use crate::commitment::{CommitmentScheme, OpeningError};
use crate::field::Fr;
use crate::subprotocols::sumcheck::{SumcheckError, SumcheckProof};
use crate::transcript::{labels, Absorb, Sample, Transcript};
use crate::utils::serialization::{impl_canonical_fields, SafeVec};
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize};

/// The proof of all accumulated claims: a batched sumcheck, the reduced evaluations and one
/// opening proof.
#[derive(Clone)]
pub struct BatchedOpeningProof<PCS: CommitmentScheme> {
    /// The batched sumcheck reducing every claim to the common point `ρ`.
    pub sumcheck: SumcheckProof<Fr>,
    /// `c_g = C_g(ρ_g)` for each group of claims at one point.
    pub evals: SafeVec<Fr>,
    /// The opening of the combined polynomial at `ρ`.
    pub opening: PCS::Proof,
}

impl<PCS: CommitmentScheme> PartialEq for BatchedOpeningProof<PCS> {
    fn eq(&self, other: &Self) -> bool {
        self.sumcheck == other.sumcheck
            && self.evals == other.evals
            && self.opening == other.opening
    }
}

impl<PCS: CommitmentScheme> std::fmt::Debug for BatchedOpeningProof<PCS> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BatchedOpeningProof")
            .field("sumcheck", &self.sumcheck)
            .field("evals", &self.evals)
            .field("opening", &self.opening)
            .finish()
    }
}

impl_canonical_fields!([PCS: CommitmentScheme] BatchedOpeningProof<PCS> where [] {
    sumcheck,
    evals,
    opening,
});

/// A self-contained proof: the commitments `C` to the witness polynomials, the sub-proof
/// `P`, and the batched opening of every evaluation claim. Encoded as the concatenation of
/// the three.
#[derive(Clone)]
pub struct StandaloneProof<
    PCS: CommitmentScheme,
    P,
    C = SafeVec<<PCS as CommitmentScheme>::Commitment>,
> {
    /// The witness commitments, in the sub-protocol's order.
    pub commitments: C,
    /// The sub-proof.
    pub proof: P,
    /// The batched opening.
    pub opening: BatchedOpeningProof<PCS>,
}

impl<PCS: CommitmentScheme, P: PartialEq, C: PartialEq> PartialEq for StandaloneProof<PCS, P, C> {
    fn eq(&self, other: &Self) -> bool {
        self.commitments == other.commitments
            && self.proof == other.proof
            && self.opening == other.opening
    }
}

impl<PCS: CommitmentScheme, P: std::fmt::Debug, C: std::fmt::Debug> std::fmt::Debug
    for StandaloneProof<PCS, P, C>
{
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StandaloneProof")
            .field("commitments", &self.commitments)
            .field("proof", &self.proof)
            .field("opening", &self.opening)
            .finish()
    }
}

impl_canonical_fields!([PCS: CommitmentScheme, P, C] StandaloneProof<PCS, P, C>
    where [P: CanonicalSerialize + CanonicalDeserialize, C: CanonicalSerialize + CanonicalDeserialize] {
    commitments,
    proof,
    opening,
});

#[cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic,
        clippy::panic_in_result_fn
    )
)]
impl<PCS: CommitmentScheme, P, C> StandaloneProof<PCS, P, C> {
    /// Runs a sub-protocol's prover between its commitments and one batched opening:
    /// `absorb`s `commitments`, runs `prove` with a fresh accumulator, then opens every claim.
    pub fn prove_with(
        setup: &PCS::ProverSetup,
        commitments: C,
        transcript: &mut Transcript,
        absorb: impl FnOnce(&C, &mut Transcript),
        prove: impl FnOnce(&mut Transcript, &mut ProverOpeningAccumulator<PCS>) -> P,
    ) -> Self {
        absorb(&commitments, transcript);
        let mut accumulator = ProverOpeningAccumulator::<PCS>::new();
        let proof = prove(transcript, &mut accumulator);
        let opening = accumulator.prove(setup, transcript);
        Self {
            commitments,
            proof,
            opening,
        }
    }

    /// The verifier's counterpart of [`Self::prove_with`]: `absorb`s the commitments, runs
    /// `verify` with a fresh accumulator, then checks the batched opening (its failure mapped
    /// by `opening_error`).
    pub fn verify_with<T, E>(
        &self,
        setup: &PCS::VerifierSetup,
        transcript: &mut Transcript,
        absorb: impl FnOnce(&C, &mut Transcript),
        verify: impl FnOnce(
            &C,
            &P,
            &mut Transcript,
            &mut VerifierOpeningAccumulator<PCS>,
        ) -> Result<T, E>,
        opening_error: impl FnOnce(AccumulatorError) -> E,
    ) -> Result<T, E> {
        absorb(&self.commitments, transcript);
        let mut accumulator = VerifierOpeningAccumulator::<PCS>::new();
        let verified = verify(&self.commitments, &self.proof, transcript, &mut accumulator)?;
        accumulator
            .verify(setup, &self.opening, transcript)
            .map_err(opening_error)?;
        Ok(verified)
    }
}

/// Why a batched opening was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AccumulatorError {
    /// No claims were accumulated.
    #[error("opening accumulator: no claims")]
    Empty,
    /// The proof carries a different number of reduced evaluations than there are claims.
    #[error("opening accumulator: expected {expected} reduced evaluations, got {got}")]
    WrongNumberOfEvals {
        /// Number of claims.
        expected: usize,
        /// Evaluations in the proof.
        got: usize,
    },
    /// The batched sumcheck failed.
    #[error("opening accumulator: {0}")]
    Sumcheck(#[from] SumcheckError),
    /// The commitments could not be combined.
    #[error("opening accumulator: commitments cannot be combined")]
    CommitmentShape,
    /// The final opening failed.
    #[error("opening accumulator: {0}")]
    Opening(#[from] OpeningError),
    /// A zero-knowledge check on committed values failed.
    #[error("opening accumulator: {0}")]
    BlindFold(crate::subprotocols::blindfold::BlindFoldError),
}

/// Steps shared by prover and verifier: absorbs every claim's point and value, groups the
/// claims by point and draws each group's powers of `β_g` ([`group_and_draw`]).
pub(crate) fn absorb_and_group<'a>(
    claims: impl Iterator<Item = (&'a [Fr], &'a Fr)> + Clone,
    transcript: &mut Transcript,
) -> (Vec<Vec<usize>>, Vec<Vec<Fr>>) {
    for (point, value) in claims.clone() {
        transcript.append_scalars(labels::OPENING_POINT, point);
        transcript.append_scalar(labels::OPENING_VALUE, value);
    }
    group_and_draw(claims.map(|(point, _)| point), transcript)
}

/// Groups the claims by point ([`group_by_point`]) and draws each group's powers of `β_g`.
pub(crate) fn group_and_draw<'a>(
    points: impl Iterator<Item = &'a [Fr]>,
    transcript: &mut Transcript,
) -> (Vec<Vec<usize>>, Vec<Vec<Fr>>) {
    let groups = group_by_point(points);
    let betas = groups
        .iter()
        .map(|g| transcript.challenge_powers(labels::ACCUMULATOR_GROUP, g.len()))
        .collect();
    (groups, betas)
}

/// Each claim's coefficient `γ^{g(i)} β_g^{j(i)}` in the opened combination `Σ_g γ^g C'_g`.
pub(crate) fn claim_coefficients(
    groups: &[Vec<usize>],
    betas: &[Vec<Fr>],
    gamma: &[Fr],
    num_claims: usize,
) -> Vec<Fr> {
    let mut coeffs = vec![Fr::from(0u64); num_claims];
    for ((members, beta), k) in groups.iter().zip(betas).zip(gamma) {
        for (i, b) in members.iter().zip(beta) {
            if let Some(c) = coeffs.get_mut(*i) {
                *c += *k * b;
            }
        }
    }
    coeffs
}

/// The distinct commitments of the claims and their coefficients in the opened combination:
/// a commitment opened at several points enters once, with the sum of its coefficients.
pub(crate) fn merge_commitments<'a, C: PartialEq>(
    commitments: &[&'a C],
    coeffs: &[Fr],
) -> (Vec<&'a C>, Vec<Fr>) {
    let mut distinct: Vec<&'a C> = Vec::with_capacity(commitments.len());
    let mut merged: Vec<Fr> = Vec::with_capacity(commitments.len());
    for (c, k) in commitments.iter().zip(coeffs) {
        match distinct.iter().position(|d| *d == *c) {
            Some(j) => {
                if let Some(m) = merged.get_mut(j) {
                    *m += k;
                }
            }
            None => {
                distinct.push(c);
                merged.push(*k);
            }
        }
    }
    (distinct, merged)
}

/// Indices of the claims grouped by equal points, groups in order of first appearance.
pub(crate) fn group_by_point<'a>(points: impl Iterator<Item = &'a [Fr]>) -> Vec<Vec<usize>> {
    let mut groups: Vec<(&'a [Fr], Vec<usize>)> = Vec::new();
    for (i, p) in points.enumerate() {
        match groups.iter_mut().find(|(q, _)| *q == p) {
            Some((_, members)) => members.push(i),
            None => groups.push((p, vec![i])),
        }
    }
    groups.into_iter().map(|(_, members)| members).collect()
}

/// `Π_{j < n − n_i} (1 − ρ_j)`: the factor that zero-padding to `n` variables introduces.
pub(crate) fn padding_factor(rho: &[Fr], num_vars: usize) -> Fr {
    use ark_ff::Field;
    let pad = rho.len().saturating_sub(num_vars);
    rho.iter().take(pad).map(|r| Fr::ONE - r).product()
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod zk_tests;
