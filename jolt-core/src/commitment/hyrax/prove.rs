//! Hyrax prover: row commitments and the row combination.

use super::{HyraxCommitment, HyraxProof, HyraxSetup};
use crate::commitment::matrix;
use crate::field::Fr;
use crate::poly::{EqPolynomial, MultilinearPolynomial};
use crate::transcript::{labels, Absorb, Transcript};
use ark_bn254::G1Projective;
use ark_ec::CurveGroup;

/// Row commitments of `poly`.
pub(super) fn commit(setup: &HyraxSetup, poly: &MultilinearPolynomial<Fr>) -> HyraxCommitment {
    let (_, log_cols) = setup.shape(poly.num_vars());
    let rows = matrix::commit_rows(&setup.generators[..1 << log_cols], poly);
    HyraxCommitment {
        row_commitments: G1Projective::normalize_batch(&rows).into(),
    }
}

/// The row combination `u = Lᵀ M` for `point`.
pub(super) fn open(
    setup: &HyraxSetup,
    poly: &MultilinearPolynomial<Fr>,
    point: &[Fr],
    transcript: &mut Transcript,
) -> HyraxProof {
    let n = poly.num_vars();
    assert_eq!(point.len(), n, "hyrax open: point has the wrong length");
    let value = poly.evaluate(point);
    transcript.append_scalars(labels::OPENING_POINT, point);
    transcript.append_scalar(labels::OPENING_VALUE, &value);
    let (log_rows, log_cols) = setup.shape(n);
    let left = EqPolynomial::evals(&point[..log_rows]);
    let u = matrix::row_combination(poly, &left, 1 << log_cols);
    transcript.append_scalars(labels::HYRAX_ROW_COMBINATION, &u);
    HyraxProof {
        row_combination: u.into(),
    }
}
