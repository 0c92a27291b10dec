//! Hyrax prover: row commitments and the row combination.

use super::{HyraxCommitment, HyraxProof, HyraxSetup};
use crate::commitment::msm::{msm_small, msm_wide};
use crate::field::{Fr, SmallScalar};
use crate::poly::{EqPolynomial, MultilinearPolynomial};
use crate::transcript::{labels, Absorb, Transcript};
#[allow(unused_imports)]
use crate::utils::parallel::*;
use crate::{cfg_chunks, cfg_into_iter};
use ark_bn254::{G1Affine, G1Projective};
use ark_ec::CurveGroup;
use ark_ff::AdditiveGroup;

fn commit_rows_small<T: SmallScalar>(
    gens: &[G1Affine],
    values: &[T],
    cols: usize,
) -> Vec<G1Projective> {
    cfg_chunks!(values, cols)
        .map(|row| msm_small(gens, row))
        .collect()
}

/// Row commitments of `poly`.
pub(super) fn commit(setup: &HyraxSetup, poly: &MultilinearPolynomial<Fr>) -> HyraxCommitment {
    let (_, log_cols) = setup.shape(poly.num_vars());
    let cols = 1usize << log_cols;
    let gens = &setup.generators[..cols];
    let rows: Vec<G1Projective> = match poly {
        MultilinearPolynomial::Dense(d) => cfg_chunks!(d.evals(), cols)
            .map(|row| msm_wide(gens, row))
            .collect(),
        MultilinearPolynomial::U8(p) => commit_rows_small(gens, p.values(), cols),
        MultilinearPolynomial::U16(p) => commit_rows_small(gens, p.values(), cols),
        MultilinearPolynomial::U32(p) => commit_rows_small(gens, p.values(), cols),
        MultilinearPolynomial::U64(p) => commit_rows_small(gens, p.values(), cols),
    };
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
    let cols = 1usize << log_cols;
    let left = EqPolynomial::evals(&point[..log_rows]);
    // Partial sums over blocks of rows, then added up.
    let block = (left.len() / (4 * num_threads())).max(1);
    let starts: Vec<usize> = (0..left.len()).step_by(block).collect();
    let partials: Vec<Vec<Fr>> = cfg_into_iter!(starts)
        .map(|s| {
            let mut u = vec![Fr::ZERO; cols];
            for (i, l) in left.iter().enumerate().skip(s).take(block) {
                for (j, u_j) in u.iter_mut().enumerate() {
                    *u_j += *l * poly.get(i * cols + j);
                }
            }
            u
        })
        .collect();
    let mut u = vec![Fr::ZERO; cols];
    for p in partials {
        u.iter_mut().zip(p).for_each(|(a, b)| *a += b);
    }
    transcript.append_scalars(labels::HYRAX_ROW_COMBINATION, &u);
    HyraxProof {
        row_combination: u.into(),
    }
}
