//! The batched sumcheck with committed round polynomials: the zero-knowledge form of
//! [`crate::subprotocols::sumcheck`], which proves the same equation
//! ```text
//!   Σ_k ρ_k · 2^{n − n_k} · C_k = Σ_{x ∈ {0,1}^n} Σ_k ρ_k · g_k(x_{n−n_k..})
//! ```
//! with hidden claims `C_k` (linear forms over earlier rows of the [`Circuit`]).
//!
//! Each round the prover commits to all `d + 1` coefficients of the combined round polynomial
//! `h_i` as one message row, absorbs the commitment and draws `r_i`. The verifier cannot check
//! `h_i(0) + h_i(1) = c_{i−1}`; it records it as the constraint
//! `2·h_{i,0} + h_{i,1} + … + h_{i,d} = c_{i−1}` and carries `c_i = Σ_k h_{i,k} r_i^k` as a
//! linear form. The reduced claim is returned as a linear form too: the caller writes its final
//! check `c_n = Σ_k ρ_k g_k(r_k)` as constraints.
//!
//! # Transcript
//! The batching coefficients are drawn first (the claims are not absorbed: they are hidden;
//! the caller must have absorbed every commitment a claim reads, and any public claim); then
//! each round's commitment is absorbed before its challenge.
//!
//! # Soundness
//! The constraints are exactly the checks of [`crate::subprotocols::sumcheck::verify()`], over
//! the committed coefficients, which are bound before each challenge; once the
//! [`super::BlindFoldProof`] shows the circuit satisfied, the usual sumcheck soundness
//! (`n·d/|F|`) applies. Variable order and batching are those of the transparent sumcheck.
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

use super::circuit::{Circuit, Lc, ROW_WIDTH};
use super::pedersen::PedersenGenerators;
use super::BlindFoldError;
use crate::field::Fr;
use crate::subprotocols::sumcheck::prove::run_batched;
use crate::subprotocols::sumcheck::SumcheckInstance;
use crate::transcript::{labels, Absorb, Sample, Transcript};
use crate::utils::serialization::SafeVec;
use ark_bn254::G1Affine;
use ark_ff::Field;
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize};
use ark_std::rand::{CryptoRng, RngCore};

const ROUND: &[u8] = b"blindfold_sumcheck_round";

/// A committed sumcheck proof: one row commitment per round.
#[derive(Clone, Debug, PartialEq, Eq, CanonicalSerialize, CanonicalDeserialize)]
pub struct CommittedSumcheckProof {
    /// The commitment to round `i`'s coefficients `h_{i,0}, …, h_{i,d}`.
    pub rounds: SafeVec<G1Affine>,
}

/// What a committed sumcheck reduces to: `Σ_k ρ_k g_k(r_k) = value`, with `value` hidden.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommittedClaim {
    /// The point `r` (length `max_k n_k`); instance `k`'s point is its suffix of length `n_k`.
    pub point: Vec<Fr>,
    /// The reduced claim, as a linear form in the circuit's variables.
    pub value: Lc,
    /// The batching coefficients `ρ_k` (the first is 1).
    pub coefficients: Vec<Fr>,
}

/// `ρ = (1, ρ_1, …)` and the batched claim `Σ_k ρ_k 2^{n − n_k} C_k`.
fn batch(claims: &[(Lc, usize)], transcript: &mut Transcript) -> (Vec<Fr>, Lc) {
    let mut coefficients = vec![Fr::ONE];
    coefficients.extend(
        transcript
            .challenge_vector::<Fr>(labels::SUMCHECK_BATCHING, claims.len().saturating_sub(1)),
    );
    let n = claims.iter().map(|(_, n)| *n).max().unwrap_or(0);
    let weights: Vec<Fr> = claims
        .iter()
        .zip(&coefficients)
        .map(|((_, n_k), rho)| *rho * Fr::from(2u64).pow([(n - n_k) as u64]))
        .collect();
    (
        coefficients,
        Lc::combination(claims.iter().map(|(c, _)| c), &weights),
    )
}

/// One round's checks: the constraint `h(0) + h(1) = claim` over the coefficients `h`, and the
/// next claim `h(r)`.
fn round(circuit: &mut Circuit, h: &[Lc], claim: &Lc, r: Fr) -> Lc {
    let mut at_zero_and_one = Lc::default();
    let mut at_r = Lc::default();
    let mut power = Fr::ONE;
    for (k, c) in h.iter().enumerate() {
        at_zero_and_one.add_scaled(c, if k == 0 { Fr::from(2u64) } else { Fr::ONE });
        at_r.add_scaled(c, power);
        power *= r;
    }
    circuit.assert_equal(&at_zero_and_one, claim);
    at_r
}

/// Proves a batch of sumcheck instances whose claims are the hidden `claims` (in the
/// instances' order). Returns the proof and the reduced claim; the instances are left bound
/// to their points.
///
/// # Panics
/// If `instances` is empty, if the degree exceeds `ROW_WIDTH − 1`, or on a verifier's circuit.
pub fn prove<R: RngCore + CryptoRng>(
    instances: &mut [&mut dyn SumcheckInstance<Fr>],
    claims: &[Lc],
    circuit: &mut Circuit,
    generators: &PedersenGenerators,
    transcript: &mut Transcript,
    rng: &mut R,
) -> (CommittedSumcheckProof, CommittedClaim) {
    assert!(
        !instances.is_empty() && claims.len() == instances.len(),
        "one claim per instance"
    );
    let degree = instances.iter().map(|i| i.degree()).max().unwrap_or(1);
    assert!(degree < ROW_WIDTH, "a round polynomial fits one row");
    let shaped: Vec<(Lc, usize)> = claims
        .iter()
        .zip(instances.iter())
        .map(|(c, i)| (c.clone(), i.num_rounds()))
        .collect();
    let (coefficients, mut claim) = batch(&shaped, transcript);
    let mut rounds = Vec::new();
    let (point, _) = run_batched(instances, &coefficients, |h| {
        let (commitment, vars) = circuit.prover_row(&h.coeffs, generators, rng);
        transcript.append(ROUND, &commitment);
        let r: Fr = transcript.challenge_scalar(labels::SUMCHECK_ROUND_CHALLENGE);
        claim = round(circuit, &vars, &claim, r);
        rounds.push(commitment);
        r
    });
    (
        CommittedSumcheckProof {
            rounds: rounds.into(),
        },
        CommittedClaim {
            point,
            value: claim,
            coefficients,
        },
    )
}

/// Verifies a committed batched sumcheck of the instances `(C_k, n_k)` of degree ≤ `degree`,
/// recording its checks in `circuit`. Returns the reduced claim, whose final check the caller
/// MUST add to the circuit.
pub fn verify(
    claims: &[(Lc, usize)],
    degree: usize,
    proof: &CommittedSumcheckProof,
    circuit: &mut Circuit,
    transcript: &mut Transcript,
) -> Result<CommittedClaim, BlindFoldError> {
    if claims.is_empty() {
        return Err(BlindFoldError::Shape("a sumcheck without instances"));
    }
    if degree == 0 || degree >= ROW_WIDTH {
        return Err(BlindFoldError::Shape("a sumcheck degree that fits no row"));
    }
    let num_rounds = claims.iter().map(|(_, n)| *n).max().unwrap_or(0);
    if proof.rounds.len() != num_rounds {
        return Err(BlindFoldError::Shape("number of sumcheck rounds"));
    }
    let (coefficients, mut claim) = batch(claims, transcript);
    let mut point = Vec::with_capacity(num_rounds);
    for commitment in proof.rounds.iter() {
        let vars = circuit.verifier_row(*commitment, degree + 1);
        transcript.append(ROUND, commitment);
        let r: Fr = transcript.challenge_scalar(labels::SUMCHECK_ROUND_CHALLENGE);
        claim = round(circuit, &vars, &claim, r);
        point.push(r);
    }
    Ok(CommittedClaim {
        point,
        value: claim,
        coefficients,
    })
}
