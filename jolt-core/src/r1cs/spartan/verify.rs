//! The Spartan verifier (see the [module documentation](super) for the protocol).
//!
//! Single-threaded; work `O(nnz + N + n_t)` plus the two sumchecks; no panics on proof data.
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
    draw_rho, labels, shift_mle, SpartanError, SpartanProof, WitnessClaims, MAX_LOG_CYCLES,
};
use crate::field::JoltField;
use crate::poly::EqPolynomial;
use crate::r1cs::shape::UniformShape;
use crate::subprotocols::sumcheck;
use crate::transcript::{Absorb, Sample, Transcript};

/// The outer sumcheck's weight `E(r) = eq(τ, r) − [last cycle](τ_t) · [last cycle](r_t) ·
/// Σ_{c cross-step} eq(τ_c, c) · eq(r_c, c)` at its point `r = (r_t, r_c)`, with `r_t` and the
/// table of `eq(r_c, ·)` (public values both verifiers need).
pub(super) fn outer_weight<F: JoltField>(
    shape: &UniformShape,
    n_t: usize,
    tau: &[F],
    point: &[F],
) -> Result<(F, Vec<F>, Vec<F>), SpartanError> {
    let split = |v: &[F]| -> Result<(Vec<F>, Vec<F>), SpartanError> {
        let hi = v
            .get(..n_t)
            .ok_or(SpartanError::Statement("point too short"))?;
        let lo = v
            .get(n_t..)
            .ok_or(SpartanError::Statement("point too short"))?;
        Ok((hi.to_vec(), lo.to_vec()))
    };
    let (r_t, r_c) = split(point)?;
    let (tau_t, tau_c) = split(tau)?;
    let eq_rc = EqPolynomial::evals_serial(&r_c, F::ONE);
    let eq_tau_c = EqPolynomial::evals_serial(&tau_c, F::ONE);
    let masked: F = shape
        .cross_step_rows()
        .map(|c| match (eq_tau_c.get(c), eq_rc.get(c)) {
            (Some(a), Some(b)) => *a * b,
            _ => F::ZERO,
        })
        .sum();
    let last_t: F = tau_t.iter().product::<F>() * r_t.iter().product::<F>();
    Ok((
        EqPolynomial::evaluate(tau, point) - last_t * masked,
        r_t,
        eq_rc,
    ))
}

/// Verifies that the columns committed by the caller satisfy `shape` (built by the verifier
/// itself) at every one of `2^log_num_cycles` cycles. Returns the claims `w_k(s) = v_k` that
/// the caller MUST check against the commitments (e.g. through the opening accumulator).
pub fn verify<F: JoltField>(
    shape: &UniformShape,
    log_num_cycles: usize,
    proof: &SpartanProof<F>,
    transcript: &mut Transcript,
) -> Result<WitnessClaims<F>, SpartanError> {
    let n_t = log_num_cycles;
    let n_c = shape.log_num_constraints();
    if n_t > MAX_LOG_CYCLES {
        return Err(SpartanError::Statement("too many cycles"));
    }
    // Shape first (the sumcheck verifiers check their own round counts and degrees).
    if proof.witness_evals.len() != shape.num_vars() {
        return Err(SpartanError::WrongNumberOfWitnessEvals {
            expected: shape.num_vars(),
            got: proof.witness_evals.len(),
        });
    }

    shape.append_to_transcript(labels::SHAPE, transcript);
    transcript.append_u64(labels::LOG_CYCLES, n_t as u64);
    let tau: Vec<F> = transcript.challenge_vector(labels::TAU, n_t + n_c);

    // Outer sumcheck.
    let outer = sumcheck::verify(F::ZERO, n_t + n_c, 3, &proof.outer, transcript)
        .map_err(SpartanError::Outer)?;
    let (e_r, r_t, eq_rc) = outer_weight(shape, n_t, &tau, &outer.point)?;
    outer
        .check(e_r * (proof.az * proof.bz - proof.cz))
        .map_err(SpartanError::Outer)?;
    transcript.append_scalars(labels::OUTER_CLAIMS, &[proof.az, proof.bz, proof.cz]);
    let rho = draw_rho::<F>(transcript);

    // Inner sumcheck.
    let m = shape.combine_rows(&eq_rc, rho);
    let [ra, rb, rc] = rho;
    let inner_claim = ra * proof.az + rb * proof.bz + rc * proof.cz - m.constant;
    let inner = sumcheck::verify(inner_claim, n_t, 2, &proof.inner, transcript)
        .map_err(SpartanError::Inner)?;
    let s = inner.point.clone();
    let dot = |weights: &[F]| -> F {
        weights
            .iter()
            .zip(proof.witness_evals.iter())
            .map(|(w, v)| *w * v)
            .sum()
    };
    let expected =
        EqPolynomial::evaluate(&r_t, &s) * dot(&m.cur) + shift_mle(&r_t, &s) * dot(&m.next);
    inner.check(expected).map_err(SpartanError::Inner)?;
    transcript.append_scalars(labels::WITNESS_EVALS, &proof.witness_evals);

    Ok(WitnessClaims {
        point: s,
        evals: proof.witness_evals.to_vec(),
    })
}
