//! Hyrax verifier: two MSMs of size `√N` and an inner product, single-threaded.
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

use super::{HyraxCommitment, HyraxProof, HyraxSetup};
use crate::commitment::msm::msm_serial;
use crate::commitment::scheme::OpeningError;
use crate::field::Fr;
use crate::poly::dense::inner_product_serial;
use crate::poly::EqPolynomial;
use crate::transcript::{labels, Absorb, Transcript};
use ark_bn254::G1Affine;
use ark_ff::Field;

/// Checks `Σ_j u_j G_j = Σ_i L_i C_i` and `⟨u, R⟩ = value`.
pub(super) fn verify(
    setup: &HyraxSetup,
    commitment: &HyraxCommitment,
    point: &[Fr],
    value: &Fr,
    proof: &HyraxProof,
    transcript: &mut Transcript,
) -> Result<(), OpeningError> {
    let max = 2 * setup.log_cols as usize;
    if point.len() > max {
        return Err(OpeningError::PointTooLong {
            max,
            got: point.len(),
        });
    }
    let (log_rows, log_cols) = setup.shape(point.len());
    let (rows, cols) = (1usize << log_rows, 1usize << log_cols);
    if proof.row_combination.len() != cols {
        return Err(OpeningError::ProofShape(
            "row combination length ≠ number of columns",
        ));
    }
    // A commitment with fewer rows is a zero-padded polynomial; more rows cannot be.
    if commitment.row_commitments.len() > rows || commitment.row_commitments.is_empty() {
        return Err(OpeningError::CommitmentShape("number of row commitments"));
    }
    let gens = setup
        .generators
        .get(..cols)
        .ok_or(OpeningError::CommitmentShape(
            "setup has too few generators",
        ))?;
    let (r_row, r_col) = point.split_at(log_rows);

    transcript.append_scalars(labels::OPENING_POINT, point);
    transcript.append_scalar(labels::OPENING_VALUE, value);
    transcript.append_scalars(labels::HYRAX_ROW_COMBINATION, &proof.row_combination);

    check_row_combination(
        gens,
        &commitment.row_commitments,
        (r_row, r_col),
        value,
        &proof.row_combination,
    )
}

/// The Hyrax opening check of a row combination `u` of the matrix whose rows commit (with
/// `gens`) to `rows` (missing rows are zero): `Σ_j u_j G_j = Σ_i L_i C_i` and
/// `⟨u, R⟩ = value`, with `L = eq(r_row, ·)`, `R = eq(r_col, ·)`. `O(2^|r_row| + |gens|)`.
fn check_row_combination(
    gens: &[G1Affine],
    rows: &[G1Affine],
    (r_row, r_col): (&[Fr], &[Fr]),
    value: &Fr,
    u: &[Fr],
) -> Result<(), OpeningError> {
    let left = EqPolynomial::evals_serial(r_row, Fr::ONE);
    let right = EqPolynomial::evals_serial(r_col, Fr::ONE);
    if inner_product_serial(u, &right) != *value {
        return Err(OpeningError::EvaluationMismatch);
    }
    let lhs = msm_serial(gens, u);
    let rhs = msm_serial(rows, &left);
    if lhs != rhs {
        return Err(OpeningError::CommitmentMismatch);
    }
    Ok(())
}
