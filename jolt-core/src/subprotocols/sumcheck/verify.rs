//! The sumcheck verifier (see the [module documentation](super) for the protocol).
//!
//! Single-threaded, no allocation proportional to anything but the number of rounds, and no
//! panics on proof data: shapes are checked first and failures are [`SumcheckError`]s.
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

use super::{SumcheckError, SumcheckProof};
use crate::field::JoltField;
use crate::transcript::{labels, Absorb, Sample, Transcript};

/// The claim a sumcheck reduces to: `g(point) = value`, which the caller must check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SumcheckClaim<F> {
    /// The random point `r` (in the crate's variable order).
    pub point: Vec<F>,
    /// The reduced claim `claim_n`.
    pub value: F,
}

impl<F: JoltField> SumcheckClaim<F> {
    /// Compares the reduced claim with the caller's own evaluation of `g(point)`.
    pub fn check(&self, expected: F) -> Result<(), SumcheckError> {
        if self.value == expected {
            Ok(())
        } else {
            Err(SumcheckError::FinalEvaluation {
                expected: expected.to_string(),
                claimed: self.value.to_string(),
            })
        }
    }
}

/// The claim a batched sumcheck reduces to: `Σ_k ρ_k g_k(r_k) = value`, where `r_k` is the
/// suffix of `point` of length `num_rounds[k]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BatchedSumcheckClaim<F> {
    /// The full point `r` of length `max_k n_k`.
    pub point: Vec<F>,
    /// The reduced batched claim.
    pub value: F,
    /// The batching coefficients `ρ_k` (the first is 1).
    pub coefficients: Vec<F>,
    /// Number of variables of each instance.
    pub num_rounds: Vec<usize>,
}

impl<F: JoltField> BatchedSumcheckClaim<F> {
    /// The point of instance `k`: the suffix of [`Self::point`] of length `n_k`.
    pub fn instance_point(&self, k: usize) -> Option<&[F]> {
        let n = *self.num_rounds.get(k)?;
        self.point.get(self.point.len().checked_sub(n)?..)
    }

    /// Checks `Σ_k ρ_k · evaluations[k] = value`, where `evaluations[k] = g_k(r_k)` is the
    /// caller's own evaluation of instance `k` at [`Self::instance_point`].
    pub fn check(&self, evaluations: &[F]) -> Result<(), SumcheckError> {
        if evaluations.len() != self.coefficients.len() {
            return Err(SumcheckError::MalformedBatch(
                "one evaluation per instance expected",
            ));
        }
        let expected: F = evaluations
            .iter()
            .zip(&self.coefficients)
            .map(|(e, c)| *e * c)
            .sum();
        if expected == self.value {
            Ok(())
        } else {
            Err(SumcheckError::FinalEvaluation {
                expected: expected.to_string(),
                claimed: self.value.to_string(),
            })
        }
    }
}

/// Verifies a sumcheck proof of `Σ_{x ∈ {0,1}^num_rounds} g(x) = claim` with `g` of degree
/// `degree`. Returns the claim `g(r) = value` that the caller MUST check.
pub fn verify<F: JoltField>(
    claim: F,
    num_rounds: usize,
    degree: usize,
    proof: &SumcheckProof<F>,
    transcript: &mut Transcript,
) -> Result<SumcheckClaim<F>, SumcheckError> {
    let batched = verify_batched(&[(claim, num_rounds)], degree, proof, transcript)?;
    Ok(SumcheckClaim {
        point: batched.point,
        value: batched.value,
    })
}

/// Verifies a batched sumcheck proof for the instances `(claim_k, n_k)`, all of degree
/// ≤ `degree`. Returns the batched claim that the caller MUST check.
pub fn verify_batched<F: JoltField>(
    instances: &[(F, usize)],
    degree: usize,
    proof: &SumcheckProof<F>,
    transcript: &mut Transcript,
) -> Result<BatchedSumcheckClaim<F>, SumcheckError> {
    if instances.is_empty() {
        return Err(SumcheckError::MalformedBatch("no instances"));
    }
    if degree == 0 {
        return Err(SumcheckError::MalformedBatch("degree must be at least 1"));
    }
    let num_rounds = instances.iter().map(|(_, n)| *n).max().unwrap_or(0);
    // Shape first.
    if proof.round_polys.len() != num_rounds {
        return Err(SumcheckError::WrongNumberOfRounds {
            expected: num_rounds,
            got: proof.round_polys.len(),
        });
    }
    for (round, poly) in proof.round_polys.iter().enumerate() {
        if poly.degree() != degree {
            return Err(SumcheckError::WrongDegree {
                round,
                expected: degree,
                got: poly.degree(),
            });
        }
    }

    let claims: Vec<F> = instances.iter().map(|(c, _)| *c).collect();
    transcript.append_scalars(labels::SUMCHECK_CLAIMS, &claims);
    let mut coefficients = vec![F::ONE];
    coefficients
        .extend(transcript.challenge_vector::<F>(labels::SUMCHECK_BATCHING, instances.len() - 1));
    let two = F::from_u64(2);
    let mut claim: F = instances
        .iter()
        .zip(&coefficients)
        .map(|((c, n), rho)| *c * rho * two.pow([(num_rounds - n) as u64]))
        .sum();

    let mut point = Vec::with_capacity(num_rounds);
    for poly in proof.round_polys.iter() {
        transcript.append_scalars(labels::SUMCHECK_ROUND_POLY, &poly.coeffs_except_linear);
        let r: F = transcript.challenge_scalar(labels::SUMCHECK_ROUND_CHALLENGE);
        claim = poly.evaluate_with_hint(claim, r);
        point.push(r);
    }
    Ok(BatchedSumcheckClaim {
        point,
        value: claim,
        coefficients,
        num_rounds: instances.iter().map(|(_, n)| *n).collect(),
    })
}
