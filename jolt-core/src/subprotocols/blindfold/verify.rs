//! The BlindFold verifier (see the [module documentation](super)): single-threaded, no panics
//! on proof data.
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

use super::circuit::{Circuit, LOG_ROW_WIDTH};
use super::opening::{check_rows, combine_commitments};
use super::r1cs::R1cs;
use super::{absorb_rows, error_log_cols, generators, labels, BlindFoldError, BlindFoldProof};
use crate::field::Fr;
use crate::poly::EqPolynomial;
use crate::subprotocols::sumcheck;
use crate::transcript::{Absorb, Sample, Transcript};
use ark_bn254::G1Affine;
use ark_ff::{AdditiveGroup, Field};

/// Verifies that the rows committed in the verifier's `circuit` satisfy its constraints.
pub fn verify(
    circuit: &Circuit,
    proof: &BlindFoldProof,
    transcript: &mut Transcript,
) -> Result<(), BlindFoldError> {
    let r1cs = R1cs::new(circuit);
    let layout = r1cs.layout;
    let k = layout.log_constraints;
    let e_cols = error_log_cols(k);
    let e_rows = 1usize << (k - e_cols);
    if proof.aux_rows.len() != layout.aux_rows {
        return Err(BlindFoldError::Shape("number of auxiliary rows"));
    }
    if proof.random_rows.len() != 1 << layout.log_rows {
        return Err(BlindFoldError::Shape("number of random rows"));
    }
    if proof.random_error_rows.len() != e_rows || proof.cross_rows.len() != e_rows {
        return Err(BlindFoldError::Shape("number of error rows"));
    }
    let [az, bz, cz] = match proof.outer_evals.as_slice() {
        [a, b, c] => [*a, *b, *c],
        _ => return Err(BlindFoldError::Shape("three outer evaluations")),
    };
    let gens = generators(k);

    absorb_rows(labels::AUX_ROWS, &proof.aux_rows, transcript);
    absorb_rows(labels::RANDOM_INSTANCE, &proof.random_rows, transcript);
    transcript.append_scalar(labels::RANDOM_INSTANCE, &proof.random_u);
    absorb_rows(
        labels::RANDOM_INSTANCE,
        &proof.random_error_rows,
        transcript,
    );
    absorb_rows(labels::CROSS_TERM, &proof.cross_rows, transcript);
    let r: Fr = transcript.challenge_scalar(labels::FOLD);
    if r == Fr::ZERO {
        return Err(BlindFoldError::ZeroChallenge);
    }
    let u = Fr::ONE + r * proof.random_u;

    // Outer: eq(τ, r_x) · (Az Bz − u Cz − E(r_x)), with E = r T + r² E₂ opened at r_x.
    let tau: Vec<Fr> = transcript.challenge_vector(labels::TAU, k);
    let outer = sumcheck::verify(Fr::ZERO, k, 3, &proof.outer, transcript)?;
    transcript.append_scalars(labels::OUTER_EVALS, &proof.outer_evals);
    let (r_x_row, r_x_col) = outer.point.split_at(k - e_cols);
    let left = EqPolynomial::evals_serial(r_x_row, Fr::ONE);
    let left_r: Vec<Fr> = left.iter().map(|l| *l * r).collect();
    let left_r2: Vec<Fr> = left_r.iter().map(|l| *l * r).collect();
    let combined = combine_commitments(
        &[&proof.cross_rows, &proof.random_error_rows],
        &[&left_r, &left_r2],
    );
    let e_at = check_rows(&gens, combined, &proof.error_opening, r_x_col, transcript)?;
    outer.check(EqPolynomial::evaluate(&tau, &outer.point) * (az * bz - u * cz - e_at))?;

    // Inner: M(r_x, r_y) · z(r_y), with z(y_0, y') = (1 − y_0) W(y') + y_0 u eq(y', 0).
    let rho: Fr = transcript.challenge_scalar(labels::INNER_BATCHING);
    let claim = az + rho * bz + rho.square() * cz;
    let inner = sumcheck::verify(claim, layout.z_vars(), 2, &proof.inner, transcript)?;
    let (y0, y_rest) = inner
        .point
        .split_first()
        .ok_or(BlindFoldError::Shape("inner point"))?;
    let (y_row, y_col) = y_rest.split_at(layout.log_rows);
    let left = EqPolynomial::evals_serial(y_row, Fr::ONE);
    let left_r: Vec<Fr> = left.iter().map(|l| *l * r).collect();
    let real_rows: Vec<G1Affine> = circuit
        .row_commitments
        .iter()
        .chain(proof.aux_rows.iter())
        .copied()
        .collect();
    let combined = combine_commitments(&[&real_rows, &proof.random_rows], &[&left, &left_r]);
    debug_assert_eq!(y_col.len(), LOG_ROW_WIDTH);
    let w_at = check_rows(&gens, combined, &proof.witness_opening, y_col, transcript)?;
    let at_zero: Fr = y_rest.iter().map(|y| Fr::ONE - y).product();
    let z_at = (Fr::ONE - y0) * w_at + *y0 * u * at_zero;
    let m_at = r1cs.evaluate(
        &EqPolynomial::evals_serial(&outer.point, Fr::ONE),
        &EqPolynomial::evals_serial(&inner.point, Fr::ONE),
        rho,
    );
    inner.check(m_at * z_at)?;
    Ok(())
}
