//! The verifier's accumulator: single-threaded, typed errors, no panics on proof data.
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

use super::{
    absorb_and_group, claim_coefficients, merge_commitments, padding_factor, AccumulatorError,
    BatchedOpeningProof,
};
use crate::commitment::CommitmentScheme;
use crate::field::Fr;
use crate::poly::EqPolynomial;
use crate::subprotocols::sumcheck::{self, SumcheckError};
use crate::transcript::{labels, Absorb, Sample, Transcript};

/// One claim: the committed polynomial evaluates to `value` at `point`.
struct VerifierClaim<C> {
    commitment: C,
    point: Vec<Fr>,
    value: Fr,
}

/// Gathers the verifier's evaluation claims and checks them against one batched opening.
pub struct VerifierOpeningAccumulator<PCS: CommitmentScheme> {
    claims: Vec<VerifierClaim<PCS::Commitment>>,
}

impl<PCS: CommitmentScheme> Default for VerifierOpeningAccumulator<PCS> {
    fn default() -> Self {
        Self::new()
    }
}

impl<PCS: CommitmentScheme> VerifierOpeningAccumulator<PCS> {
    /// An empty accumulator.
    pub fn new() -> Self {
        Self { claims: Vec::new() }
    }

    /// Number of accumulated claims.
    pub fn len(&self) -> usize {
        self.claims.len()
    }

    /// True if no claim was accumulated.
    pub fn is_empty(&self) -> bool {
        self.claims.is_empty()
    }

    /// Adds the claim "the polynomial committed in `commitment` evaluates to `value` at
    /// `point`".
    pub fn append(&mut self, commitment: PCS::Commitment, point: Vec<Fr>, value: Fr) {
        self.claims.push(VerifierClaim {
            commitment,
            point,
            value,
        });
    }

    /// Verifies every accumulated claim against `proof`.
    pub fn verify(
        &self,
        setup: &PCS::VerifierSetup,
        proof: &BatchedOpeningProof<PCS>,
        transcript: &mut Transcript,
    ) -> Result<(), AccumulatorError> {
        if self.claims.is_empty() {
            return Err(AccumulatorError::Empty);
        }
        // 1. The batched sumcheck (one instance per distinct point) and its final check.
        let (groups, betas) = absorb_and_group(
            self.claims.iter().map(|c| (c.point.as_slice(), &c.value)),
            transcript,
        );
        if proof.evals.len() != groups.len() {
            return Err(AccumulatorError::WrongNumberOfEvals {
                expected: groups.len(),
                got: proof.evals.len(),
            });
        }
        // Each group's point, claim and combined commitment Σ_j β_g^j C_i.
        let mut instances: Vec<(Fr, usize)> = Vec::with_capacity(groups.len());
        let mut points: Vec<&[Fr]> = Vec::with_capacity(groups.len());
        for (members, beta) in groups.iter().zip(&betas) {
            let mut claim = Fr::from(0u64);
            let mut point: &[Fr] = &[];
            for (i, b) in members.iter().zip(beta) {
                let c = self.claims.get(*i).ok_or(AccumulatorError::Empty)?;
                claim += *b * c.value;
                point = &c.point;
            }
            instances.push((claim, point.len()));
            points.push(point);
        }
        let reduced = sumcheck::verify_batched(&instances, 2, &proof.sumcheck, transcript)?;
        let mut expected = Vec::with_capacity(groups.len());
        for (k, (point, c)) in points.iter().zip(proof.evals.iter()).enumerate() {
            let rho_g = reduced
                .instance_point(k)
                .ok_or(SumcheckError::MalformedBatch("instance point out of range"))?;
            expected.push(EqPolynomial::evaluate(point, rho_g) * c);
        }
        reduced.check(&expected)?;
        // 2. One opening of Σ_g γ^g C'_g, whose commitment is Σ_i γ^{g(i)} β_g^{j(i)} C_i.
        transcript.append_scalars(labels::ACCUMULATOR_EVALS, &proof.evals);
        let gamma: Vec<Fr> = transcript.challenge_powers(labels::ACCUMULATOR_COMBINE, groups.len());
        let claim_coeffs = claim_coefficients(&groups, &betas, &gamma, self.claims.len());
        let all: Vec<&PCS::Commitment> = self.claims.iter().map(|c| &c.commitment).collect();
        let (commitments, coeffs) = merge_commitments(&all, &claim_coeffs);
        let combined = PCS::combine_commitments(&commitments, &coeffs)
            .ok_or(AccumulatorError::CommitmentShape)?;
        let value: Fr = points
            .iter()
            .zip(proof.evals.iter())
            .zip(&gamma)
            .map(|((point, c), g)| *g * padding_factor(&reduced.point, point.len()) * c)
            .sum();
        PCS::verify(
            setup,
            &combined,
            &reduced.point,
            &value,
            &proof.opening,
            transcript,
        )?;
        Ok(())
    }
}
