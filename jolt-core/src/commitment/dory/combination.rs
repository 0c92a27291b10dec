//! The row commitments of a combination `P = Σ_i c_i · p_i` from those of the `p_i`.
//!
//! `P`'s evaluations are dense field elements, so committing its rows directly costs a
//! full-width MSM per row. The `p_i` are mostly compact (small integers), so their rows are
//! cheap, and `T_r(P) = Σ_i c_i · T_r(p_i)` by linearity: one MSM of (number of distinct `p_i`)
//! points per row. Equal polynomials (the same column claimed at several points) are merged
//! first, their coefficients added.

use super::DorySetup;
use crate::cfg_into_iter;
use crate::commitment::matrix;
use crate::commitment::msm::msm_serial;
use crate::field::Fr;
use crate::poly::MultilinearPolynomial;
#[allow(unused_imports)]
use crate::utils::parallel::*;
use ark_bn254::{G1Affine, G1Projective};
use ark_ec::CurveGroup;
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

/// A hash of a polynomial's storage (equal polynomials in the same storage hash alike).
fn fingerprint(poly: &MultilinearPolynomial<Fr>) -> u64 {
    let mut h = DefaultHasher::new();
    match poly {
        MultilinearPolynomial::Dense(d) => (0u8, d.evals()).hash(&mut h),
        MultilinearPolynomial::U8(p) => (1u8, p.values()).hash(&mut h),
        MultilinearPolynomial::U16(p) => (2u8, p.values()).hash(&mut h),
        MultilinearPolynomial::U32(p) => (3u8, p.values()).hash(&mut h),
        MultilinearPolynomial::U64(p) => (4u8, p.values()).hash(&mut h),
    }
    h.finish()
}

/// The distinct polynomials of `polys` with their summed coefficients.
fn merge_equal<'a>(
    polys: &[&'a MultilinearPolynomial<Fr>],
    coeffs: &[Fr],
) -> Vec<(&'a MultilinearPolynomial<Fr>, Fr)> {
    let hashes: Vec<u64> = cfg_into_iter!(polys.to_vec()).map(fingerprint).collect();
    let mut distinct: Vec<(&MultilinearPolynomial<Fr>, Fr)> = Vec::new();
    let mut by_hash: HashMap<u64, Vec<usize>> = HashMap::new();
    for ((p, c), h) in polys.iter().zip(coeffs).zip(hashes) {
        let slots = by_hash.entry(h).or_default();
        match slots.iter().find(|k| distinct[**k].0 == *p) {
            Some(k) => distinct[*k].1 += c,
            None => {
                slots.push(distinct.len());
                distinct.push((p, *c));
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
    let sigma = setup.log_cols as usize;
    let distinct = merge_equal(polys, coeffs);
    let rows: Vec<Vec<G1Affine>> = distinct
        .iter()
        .map(|(p, _)| {
            let (_, log_cols) = matrix::shape(p.num_vars(), sigma);
            G1Projective::normalize_batch(&matrix::commit_rows(
                &params.g1_affine[..1 << log_cols],
                p,
            ))
        })
        .collect();
    let num_rows = rows.iter().map(Vec::len).max().unwrap_or(0);
    cfg_into_iter!(0..num_rows)
        .map(|r| {
            let (bases, scalars): (Vec<G1Affine>, Vec<Fr>) = rows
                .iter()
                .zip(&distinct)
                .filter_map(|(t, (_, c))| t.get(r).map(|t| (*t, *c)))
                .unzip();
            msm_serial(&bases, &scalars)
        })
        .collect()
}
