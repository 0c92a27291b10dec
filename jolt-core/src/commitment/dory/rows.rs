//! Row commitments `T_r = Σ_j M[r][j] · Γ_1[j]` for Dory, and a cache that lets an opening
//! reuse the rows computed when committing.
//!
//! # Compact rows from byte tables
//! Rows are short (`2^σ` points), so a bucket MSM per row spends much of its time reducing
//! buckets. Since every row has the same bases, the prover instead keeps the table
//! `v · Γ_1[j]` for every byte `v` and column `j` ([`DoryParameters::byte_table`]): a row of
//! `b`-byte values is `Σ_k 2^{8k} Σ_j table[j][byte_k(M[r][j])]`, one affine addition per
//! non-zero byte, summed pairwise in affine coordinates (each level of the pairwise sums of
//! eight rows' bytes sharing one inversion), and `8(b − 1)` doublings. Dense rows (field
//! elements) use the generic MSMs.
//!
//! # Cache
//! [`commit_rows`] keeps each compact polynomial's rows, keyed by `σ` and a hash of its
//! values, for [`cached_rows`] to take when the polynomial is opened in a combination (a miss
//! recomputes them). The cache is an optimisation only: the proof does not depend on it.

use super::setup::DoryParameters;
use crate::cfg_chunks;
use crate::commitment::matrix;
use crate::commitment::msm::small::batch_add_assign;
use crate::field::{Fr, SmallScalar};
use crate::poly::MultilinearPolynomial;
#[allow(unused_imports)]
use crate::utils::parallel::*;
use ark_bn254::{Fq, G1Affine, G1Projective};
use ark_ec::AdditiveGroup;
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::{Arc, Mutex, OnceLock};

/// A level of the affine tree with fewer additions than this is finished in Jacobian
/// coordinates (an inversion would cost more than the additions it serves).
const AFFINE_LEVEL_MIN: usize = 16;

/// Rows summed together, sharing each level's inversion.
const ROWS_PER_TASK: usize = 8;

/// Buffers of [`sum_segments`], kept across calls.
#[derive(Default)]
struct TreeScratch {
    next: Vec<G1Affine>,
    low: Vec<G1Affine>,
    high: Vec<G1Affine>,
    inverses: (Vec<Fq>, Vec<Fq>),
}

/// The sum of each segment of `points` (consumed), segment `i` being the next `lens[i]`
/// points: at each level every segment's halves are added pairwise in affine coordinates,
/// with one inversion for the level's additions of all segments; the last few levels are
/// summed in Jacobian coordinates.
fn sum_segments(
    points: &mut Vec<G1Affine>,
    lens: &mut [usize],
    scratch: &mut TreeScratch,
) -> Vec<G1Projective> {
    loop {
        let pairs: usize = lens.iter().map(|len| len / 2).sum();
        if pairs < AFFINE_LEVEL_MIN {
            break;
        }
        let TreeScratch {
            next,
            low,
            high,
            inverses,
        } = scratch;
        low.clear();
        high.clear();
        let mut start = 0;
        for len in lens.iter() {
            let half = len / 2;
            low.extend_from_slice(&points[start..start + half]);
            high.extend_from_slice(&points[start + half..start + 2 * half]);
            start += len;
        }
        batch_add_assign(low, high, inverses);
        next.clear();
        let (mut start, mut summed) = (0, 0);
        for len in lens.iter_mut() {
            let half = *len / 2;
            next.extend_from_slice(&low[summed..summed + half]);
            if *len % 2 == 1 {
                next.push(points[start + *len - 1]);
            }
            summed += half;
            start += *len;
            *len = half + *len % 2;
        }
        std::mem::swap(points, next);
    }
    let mut start = 0;
    lens.iter()
        .map(|len| {
            let segment = &points[start..start + len];
            start += len;
            segment.iter().fold(G1Projective::ZERO, |acc, p| acc + p)
        })
        .collect()
}

fn small_rows<T: SmallScalar>(
    params: &DoryParameters,
    values: &[T],
    cols: usize,
) -> Vec<G1Projective> {
    let max = values.iter().map(|v| v.as_u64()).max().unwrap_or(0);
    let bytes = (64 - max.leading_zeros()).div_ceil(8) as usize;
    if bytes == 0 {
        return vec![G1Projective::ZERO; values.len().div_ceil(cols)];
    }
    // Bits read the generators themselves (adjacent in memory), wider values the byte table.
    let (generators, table) = (&params.g1_affine[..], params.byte_table());
    let point = |j: usize, byte: usize| {
        if max <= 1 {
            generators[j]
        } else {
            table[256 * j + byte]
        }
    };
    cfg_chunks!(values, cols * ROWS_PER_TASK)
        .map(|rows| {
            // One segment per (row, byte), bytes most significant first.
            let mut points = Vec::new();
            let mut lens = Vec::with_capacity(rows.len().div_ceil(cols) * bytes);
            for row in rows.chunks(cols) {
                for k in (0..bytes).rev() {
                    let before = points.len();
                    points.extend(row.iter().enumerate().filter_map(|(j, v)| {
                        let byte = (v.as_u64() >> (8 * k)) as usize & 0xff;
                        (byte != 0).then(|| point(j, byte))
                    }));
                    lens.push(points.len() - before);
                }
            }
            let sums = sum_segments(&mut points, &mut lens, &mut TreeScratch::default());
            sums.chunks(bytes)
                .map(|by_byte| {
                    by_byte.iter().fold(G1Projective::ZERO, |mut acc, sum| {
                        for _ in 0..8 {
                            acc.double_in_place();
                        }
                        acc + sum
                    })
                })
                .collect::<Vec<_>>()
        })
        .collect::<Vec<_>>()
        .concat()
}

/// The row commitments of `poly` in a matrix of `2^σ` columns (`params`' size).
pub(super) fn commit_rows(
    params: &DoryParameters,
    poly: &MultilinearPolynomial<Fr>,
) -> Vec<G1Projective> {
    let (_, log_cols) = matrix::shape(poly.num_vars(), params.log_cols as usize);
    let cols = 1usize << log_cols;
    match poly {
        MultilinearPolynomial::Dense(_) => matrix::commit_rows(&params.g1_affine[..cols], poly),
        MultilinearPolynomial::U8(p) => small_rows(params, p.values(), cols),
        MultilinearPolynomial::U16(p) => small_rows(params, p.values(), cols),
        MultilinearPolynomial::U32(p) => small_rows(params, p.values(), cols),
        MultilinearPolynomial::U64(p) => small_rows(params, p.values(), cols),
    }
}

/// A hash of a polynomial's storage (equal polynomials in the same storage hash alike).
pub(super) fn fingerprint(poly: &MultilinearPolynomial<Fr>) -> u64 {
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

/// Most polynomials' rows kept at once (beyond it the cache starts over).
const CACHE_ENTRIES: usize = 4096;

type RowCache = Mutex<HashMap<(u32, u64), Arc<Vec<G1Affine>>>>;

fn cache() -> &'static RowCache {
    static CACHE: OnceLock<RowCache> = OnceLock::new();
    CACHE.get_or_init(Default::default)
}

/// Keeps the rows of `poly` (of hash `hash`) for [`cached_rows`].
pub(super) fn keep_rows(log_cols: u32, hash: u64, rows: Arc<Vec<G1Affine>>) {
    let mut map = cache().lock().unwrap_or_else(|e| e.into_inner());
    if map.len() >= CACHE_ENTRIES {
        map.clear();
    }
    map.insert((log_cols, hash), rows);
}

/// The rows [`keep_rows`] kept for a polynomial of hash `hash` (taken out of the cache).
pub(super) fn cached_rows(log_cols: u32, hash: u64) -> Option<Arc<Vec<G1Affine>>> {
    cache()
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .remove(&(log_cols, hash))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commitment::dory::DorySetup;
    use ark_ec::AffineRepr;
    use ark_ec::CurveGroup;
    use ark_std::{test_rng, UniformRand};

    #[test]
    fn segment_sums_match_jacobian_sums_with_repeats_and_identities() {
        let mut rng = test_rng();
        let p = G1Affine::rand(&mut rng);
        for lens in [
            vec![],
            vec![0],
            vec![1],
            vec![16, 17],
            vec![0, 100, 1, 1000, 33],
        ] {
            let segments: Vec<Vec<G1Affine>> = lens
                .iter()
                .map(|&n| {
                    let mut points: Vec<G1Affine> =
                        (0..n).map(|_| G1Affine::rand(&mut rng)).collect();
                    if n > 20 {
                        // Equal points, opposite points and the identity along the way.
                        points[3] = p;
                        points[3 + n / 2] = p;
                        points[5] = -p;
                        points[5 + n / 2] = p;
                        points[7] = G1Affine::zero();
                    }
                    points
                })
                .collect();
            let expected: Vec<G1Projective> = segments
                .iter()
                .map(|s| s.iter().fold(G1Projective::ZERO, |a, q| a + q))
                .collect();
            let mut points = segments.concat();
            let mut lens = lens.clone();
            let sums = sum_segments(&mut points, &mut lens, &mut TreeScratch::default());
            assert_eq!(sums, expected, "lengths {lens:?}");
        }
    }

    #[test]
    fn byte_table_rows_match_the_generic_msm() {
        let params = DorySetup::new(10).parameters();
        let gens = &params.g1_affine[..32];
        for max in [0u64, 1, 255, 256, 65_535, u32::MAX as u64, u64::MAX] {
            let values: Vec<u64> = (0..1023u64)
                .map(|i| (i.wrapping_mul(0x9e37_79b9_7f4a_7c15) % max.max(1)) * (i % 3).min(1))
                .chain([max])
                .collect();
            let poly: MultilinearPolynomial<Fr> = values.into();
            assert_eq!(
                G1Projective::normalize_batch(&commit_rows(&params, &poly)),
                G1Projective::normalize_batch(&matrix::commit_rows(gens, &poly)),
                "max = {max}"
            );
        }
    }
}
