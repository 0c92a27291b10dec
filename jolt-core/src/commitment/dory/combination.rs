//! The row commitments of a combination `P = Σ_i c_i · p_i` from those of the `p_i`.
//!
//! `P`'s evaluations are dense field elements, so committing its rows directly costs a
//! full-width MSM per row. The `p_i` are mostly compact (small integers), so their rows are
//! cheap, and `T_r(P) = Σ_i c_i · T_r(p_i)` by linearity: one MSM of (number of distinct `p_i`)
//! points per row. Equal polynomials (the same column claimed at several points) are merged
//! first, their coefficients added; the rows of each are those kept when it was committed
//! ([`rows::cached_rows`]), or recomputed.

use super::{rows, DorySetup};
use crate::commitment::msm::msm_serial;
use crate::field::Fr;
use crate::poly::MultilinearPolynomial;
#[allow(unused_imports)]
use crate::utils::parallel::*;
use crate::{cfg_into_iter, cfg_iter};
use ark_bn254::{G1Affine, G1Projective};
use ark_ec::CurveGroup;
use std::collections::HashMap;
use std::sync::Arc;

/// The distinct polynomials of `polys` with their hashes and summed coefficients.
fn merge_equal<'a>(
    polys: &[&'a MultilinearPolynomial<Fr>],
    coeffs: &[Fr],
) -> Vec<(&'a MultilinearPolynomial<Fr>, u64, Fr)> {
    let hashes: Vec<u64> = cfg_iter!(polys).map(|p| rows::fingerprint(p)).collect();
    let mut distinct: Vec<(&MultilinearPolynomial<Fr>, u64, Fr)> = Vec::new();
    let mut by_hash: HashMap<u64, Vec<usize>> = HashMap::new();
    for ((p, c), h) in polys.iter().zip(coeffs).zip(hashes) {
        let slots = by_hash.entry(h).or_default();
        match slots.iter().find(|k| distinct[**k].0 == *p) {
            Some(k) => distinct[*k].2 += c,
            None => {
                slots.push(distinct.len());
                distinct.push((p, h, *c));
            }
        }
    }
    distinct
}

/// The row commitments of `Σ_i coeffs[i] · polys[i]` (each zero-padded) in `setup`'s layout.
pub(super) fn row_commitments(
    setup: &DorySetup,
    polys: &[&MultilinearPolynomial<Fr>],
    coeffs: &[Fr],
) -> Vec<G1Projective> {
    let params = setup.parameters();
    let distinct = merge_equal(polys, coeffs);
    let rows: Vec<Arc<Vec<G1Affine>>> = distinct
        .iter()
        .map(|(p, hash, _)| {
            rows::cached_rows(setup.log_cols, *hash).unwrap_or_else(|| {
                Arc::new(G1Projective::normalize_batch(&rows::commit_rows(
                    &params, p,
                )))
            })
        })
        .collect();
    let num_rows = rows.iter().map(|r| r.len()).max().unwrap_or(0);
    cfg_into_iter!(0..num_rows)
        .map(|r| {
            let (bases, scalars): (Vec<G1Affine>, Vec<Fr>) = rows
                .iter()
                .zip(&distinct)
                .filter_map(|(t, (_, _, c))| t.get(r).map(|t| (*t, *c)))
                .unzip();
            msm_serial(&bases, &scalars)
        })
        .collect()
}
