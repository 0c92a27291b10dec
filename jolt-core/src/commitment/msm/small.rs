//! MSM for small scalars: `Σ_i s_i · G_i` with `s_i < 2^k` stored as `u8 … u64`.
//!
//! Pippenger's bucket method where only the `b = bits(max s_i)` low bits are ever looked at:
//! `ceil(b / c)` windows of `c` bits instead of the `254 / c` windows a field-scalar MSM
//! walks through. The window size `c` minimises `windows · (n + 2^{c+1})` (one addition per
//! point per window plus the bucket reduction), so for `n = 2^20` scalars below
//! `2^16` it picks a single 16-bit window: one addition per point. Within a window the
//! *buckets* are split among the threads in contiguous ranges of about equal work, so every
//! bucket is accumulated and reduced once (the field-scalar MSM parallelises over windows,
//! which leaves threads idle when only the lowest windows carry non-zero digits).
//!
//! Bucket additions use affine coordinates with batched inversion ("batch-affine"): a batch of
//! independent additions `B_j + P_i` costs one inversion plus 5 multiplications and a squaring
//! each, against 11 for a mixed Jacobian addition. The bucket reduction (running sums) runs in
//! 512 interleaved blocks so that it, too, is made of batch-affine additions. Batches need
//! distinct buckets, so windows with few buckets per thread (small inputs) use Jacobian
//! buckets instead; the window size is chosen with both costs in mind.
//!
//! Cost for `2^20` scalars below `2^16`: about `2^20 + 2^17` affine additions, versus about
//! `1.75 · 2^20` Jacobian mixed additions (two non-zero wNAF windows) for the generic MSM.

use crate::field::SmallScalar;
use crate::utils::parallel::num_threads;
#[allow(unused_imports)]
use crate::utils::parallel::*;
use crate::{cfg_into_iter, cfg_iter};
use ark_bn254::{Fq, G1Affine, G1Projective};
use ark_ec::{AdditiveGroup, AffineRepr, CurveGroup};
use ark_ff::{Field, Zero};

/// `Σ_i scalars[i] · bases[i]` for small unsigned scalars (lengths must match).
pub fn msm_small<T: SmallScalar>(bases: &[G1Affine], scalars: &[T]) -> G1Projective {
    assert_eq!(bases.len(), scalars.len(), "msm: length mismatch");
    assert!(bases.len() <= u32::MAX as usize, "msm: at most 2^32 points");
    let max = if scalars.len() >= 1 << 12 {
        cfg_iter!(scalars).map(|s| s.as_u64()).max().unwrap_or(0)
    } else {
        scalars.iter().map(|s| s.as_u64()).max().unwrap_or(0)
    };
    if max == 0 {
        return G1Projective::zero();
    }
    let bits = (64 - max.leading_zeros()) as usize;
    let parts = if bases.len() >= 1 << 12 {
        num_threads().max(1)
    } else {
        1
    };
    let c = window_size(bits, bases.len(), parts);
    let windows = bits.div_ceil(c);
    let mask = (1u64 << c) - 1;
    // Combine: Σ_w 2^{c·w} · S_w, highest window first.
    let mut acc = G1Projective::zero();
    for w in (0..windows).rev() {
        for _ in 0..c {
            acc.double_in_place();
        }
        let window_bits = (bits - w * c).min(c);
        let shift = w * c;
        let digit = move |s: &T| ((s.as_u64() >> shift) & mask) as u32;
        acc += window_sum(bases, scalars, digit, 1 << window_bits, parts);
    }
    acc
}

/// Buckets per thread below which batch-affine accumulation stalls on conflicts (too few
/// distinct buckets to fill a batch) and Jacobian buckets are used instead.
const MIN_AFFINE_BUCKETS: usize = 4 * BATCH;

/// Relative costs (in field multiplications) of one bucket addition.
const AFFINE_ADD: usize = 6;
const JACOBIAN_ADD: usize = 11;

/// Whether a window with `num_buckets` buckets split over `parts` threads uses batch-affine
/// accumulation.
fn use_affine(num_buckets: usize, parts: usize) -> bool {
    num_buckets / parts.max(1) >= MIN_AFFINE_BUCKETS
}

/// The window size minimising `Σ_windows (n · add_cost + 2^{b_w + 1} · AFFINE_ADD)` (one
/// addition per point and window plus the bucket reduction), where window `w` has
/// `b_w = min(c, bits − w·c)` bits and its own choice of bucket coordinates.
pub(super) fn window_size(bits: usize, n: usize, parts: usize) -> usize {
    (1..=bits.min(20))
        .min_by_key(|c| {
            (0..bits.div_ceil(*c))
                .map(|w| {
                    let b = (bits - w * c).min(*c);
                    let add = if use_affine(1 << b, parts) {
                        AFFINE_ADD
                    } else {
                        JACOBIAN_ADD
                    };
                    n * add + (2usize << b) * AFFINE_ADD
                })
                .sum::<usize>()
        })
        .unwrap_or(1)
}

/// `Σ_i digit(scalars[i]) · bases[i]`. The bucket range `1 .. num_buckets` is split into
/// `parts` contiguous ranges of about equal work (points + 2 per bucket, estimated on a sample
/// of the digits), one per thread, so each bucket is accumulated and reduced exactly once.
pub(super) fn window_sum<T: Sync>(
    bases: &[G1Affine],
    scalars: &[T],
    digit: impl Fn(&T) -> u32 + Sync,
    num_buckets: usize,
    parts: usize,
) -> G1Projective {
    let bounds = balanced_bounds(scalars, &digit, num_buckets, parts);
    let jobs: Vec<(usize, usize)> = bounds.windows(2).map(|w| (w[0], w[1])).collect();
    let partials: Vec<G1Projective> = cfg_into_iter!(jobs)
        .map(|(lo, hi)| {
            let (lo32, hi32) = (lo as u32, hi as u32);
            let list: Vec<(u32, u32)> = scalars
                .iter()
                .enumerate()
                .filter_map(|(i, s)| {
                    let d = digit(s);
                    (lo32..hi32).contains(&d).then(|| (d - lo32, i as u32))
                })
                .collect();
            if use_affine(num_buckets, parts) {
                let buckets = accumulate_buckets(bases, list, hi - lo);
                reduce_buckets(&buckets, lo)
            } else {
                let mut buckets = vec![G1Projective::zero(); hi - lo];
                for (d, i) in list {
                    buckets[d as usize] += bases[i as usize];
                }
                reduce_buckets_jacobian(&buckets, lo)
            }
        })
        .collect();
    partials.into_iter().sum()
}

/// Boundaries `1 = b_0 < b_1 < … < b_parts = num_buckets` splitting the buckets into ranges
/// of about equal work.
fn balanced_bounds<T>(
    scalars: &[T],
    digit: impl Fn(&T) -> u32,
    num_buckets: usize,
    parts: usize,
) -> Vec<usize> {
    if parts <= 1 || num_buckets <= 2 {
        return vec![1, num_buckets.max(1)];
    }
    // A sample of the digits estimates the number of points per bucket.
    let stride = (scalars.len() / (num_buckets * 4)).clamp(1, 16);
    let mut counts = vec![0usize; num_buckets];
    for s in scalars.iter().step_by(stride) {
        counts[digit(s) as usize] += stride;
    }
    counts[0] = 0;
    let total: usize = counts.iter().skip(1).map(|c| c + 2).sum();
    let mut bounds = vec![1usize];
    let mut acc = 0;
    for (d, count) in counts.iter().enumerate().skip(1) {
        acc += count + 2;
        if acc * parts >= total * bounds.len() && bounds.len() < parts && d + 1 < num_buckets {
            bounds.push(d + 1);
        }
    }
    bounds.push(num_buckets);
    bounds
}

/// `Σ_k (lo + k) · buckets[k]`.
///
/// The running-sum trick (`S_j = Σ_{k ≥ j} B_k`, `T = Σ_j S_j = Σ_k (k + 1) B_k`) is
/// sequential, so the buckets are cut into `R` blocks of `s` that run it in lockstep: step `j`
/// performs `R` independent additions `S_r += B_{r·s + j}` and `R` more `T_r += S_r`, each set
/// with one batched inversion (affine). Then, with `k = r·s + j`,
/// `Σ_k (lo + k) B_k = Σ_r T_r + (lo − 1)·Σ_r S_r + s·Σ_r r·S_r`.
fn reduce_buckets(buckets: &[G1Affine], lo: usize) -> G1Projective {
    let m = buckets.len();
    if m == 0 {
        return G1Projective::zero();
    }
    let s = m.div_ceil(REDUCE_BLOCKS);
    let blocks = m.div_ceil(s);
    let mut running = vec![G1Affine::zero(); blocks];
    let mut total = vec![G1Affine::zero(); blocks];
    let mut addends = vec![G1Affine::zero(); blocks];
    let mut scratch = (Vec::with_capacity(blocks), Vec::with_capacity(blocks));
    for j in (0..s).rev() {
        for (r, a) in addends.iter_mut().enumerate() {
            *a = buckets
                .get(r * s + j)
                .copied()
                .unwrap_or_else(G1Affine::zero);
        }
        batch_add_assign(&mut running, &addends, &mut scratch);
        batch_add_assign(&mut total, &running, &mut scratch);
    }
    let t_sum: G1Projective = total.iter().map(|t| t.into_group()).sum();
    let s_sum: G1Projective = running.iter().map(|t| t.into_group()).sum();
    // Σ_r r·S_r by a (short) running sum.
    let mut run = G1Projective::zero();
    let mut weighted = G1Projective::zero();
    for sr in running.iter().skip(1).rev() {
        run += sr;
        weighted += run;
    }
    t_sum
        + s_sum * ark_bn254::Fr::from((lo as u64).saturating_sub(1))
        + weighted * ark_bn254::Fr::from(s as u64)
}

/// `Σ_k (lo + k) · buckets[k]` for Jacobian buckets (the plain running-sum trick).
fn reduce_buckets_jacobian(buckets: &[G1Projective], lo: usize) -> G1Projective {
    let mut running = G1Projective::zero();
    let mut total = G1Projective::zero();
    for b in buckets.iter().rev() {
        running += b;
        total += running;
    }
    total + running * ark_bn254::Fr::from((lo as u64).saturating_sub(1))
}

/// Number of blocks whose running sums advance together in [`reduce_buckets`].
const REDUCE_BLOCKS: usize = 512;

/// `acc[i] += add[i]` for all `i` in affine coordinates with one field inversion; the
/// exceptional cases (a point at infinity, equal `x`) are done directly.
pub(crate) fn batch_add_assign(
    acc: &mut [G1Affine],
    add: &[G1Affine],
    scratch: &mut (Vec<Fq>, Vec<Fq>),
) {
    let (denominators, prefix) = scratch;
    denominators.clear();
    prefix.clear();
    let mut product = Fq::ONE;
    for (a, b) in acc.iter_mut().zip(add) {
        if b.is_zero() {
            denominators.push(Fq::ZERO);
        } else if a.is_zero() {
            *a = *b;
            denominators.push(Fq::ZERO);
        } else if a.x == b.x {
            *a = (a.into_group() + b).into_affine();
            denominators.push(Fq::ZERO);
        } else {
            let dx = b.x - a.x;
            prefix.push(product);
            product *= dx;
            denominators.push(dx);
        }
    }
    let mut inv = product.inverse().unwrap_or(Fq::ZERO);
    let mut k = prefix.len();
    for ((a, b), dx) in acc.iter_mut().zip(add).zip(denominators.iter()).rev() {
        if dx.is_zero() {
            continue;
        }
        k -= 1;
        let inv_dx = inv * prefix[k];
        inv *= dx;
        let lambda = (b.y - a.y) * inv_dx;
        let x3 = lambda.square() - a.x - b.x;
        let y3 = lambda * (a.x - x3) - a.y;
        *a = G1Affine::new_unchecked(x3, y3);
    }
}

/// Number of independent additions performed with one batched inversion.
const BATCH: usize = 1024;

/// `buckets[d] = Σ_{(d, i) ∈ pending} bases[i]` with batch-affine additions.
///
/// Additions are queued; an addition whose bucket already has one pending in the current
/// batch waits for the next batch, so that every batch touches distinct buckets.
fn accumulate_buckets(
    bases: &[G1Affine],
    mut pending: Vec<(u32, u32)>,
    num_buckets: usize,
) -> Vec<G1Affine> {
    let mut buckets = vec![G1Affine::zero(); num_buckets];
    // Stamp of the batch in which a bucket was last scheduled (avoids clearing a bitmap).
    let mut busy = vec![u32::MAX; num_buckets];
    let mut stamp: u32 = 0;
    let mut deferred: Vec<(u32, u32)> = Vec::new();
    let mut batch: Vec<(u32, u32)> = Vec::with_capacity(BATCH);
    let mut denominators: Vec<Fq> = Vec::with_capacity(BATCH);
    let mut scratch: Vec<Fq> = Vec::with_capacity(BATCH);
    let mut passes = 0;
    while !pending.is_empty() {
        if passes == MAX_AFFINE_PASSES {
            // What is left keeps colliding (a few hot buckets): finish with Jacobian additions.
            finish_jacobian(&mut buckets, bases, &mut pending);
            break;
        }
        passes += 1;
        let mut k = 0;
        loop {
            batch.clear();
            stamp = stamp.wrapping_add(1);
            while let Some(&(d, i)) = pending.get(k) {
                k += 1;
                let bucket = d as usize;
                if busy[bucket] == stamp {
                    deferred.push((d, i));
                    continue;
                }
                let b = buckets[bucket];
                let p = bases[i as usize];
                if p.is_zero() {
                    continue;
                }
                if b.is_zero() {
                    buckets[bucket] = p;
                    continue;
                }
                if b.x == p.x {
                    // Doubling or cancellation: rare, done projectively.
                    buckets[bucket] = (b.into_group() + p).into_affine();
                    continue;
                }
                busy[bucket] = stamp;
                batch.push((d, i));
                if batch.len() == BATCH {
                    break;
                }
            }
            if batch.is_empty() {
                break;
            }
            batch_add(&mut buckets, bases, &batch, &mut denominators, &mut scratch);
        }
        pending.clear();
        std::mem::swap(&mut pending, &mut deferred);
    }
    buckets
}

/// Passes over the queue with batch-affine additions before the remaining (colliding)
/// additions are done in Jacobian coordinates. Bounds the work when many scalars are equal.
const MAX_AFFINE_PASSES: usize = 3;

/// `buckets[d] += bases[i]` for all `(d, i)` in `pending`, grouped by bucket, with Jacobian
/// mixed additions and one batched normalisation.
fn finish_jacobian(buckets: &mut [G1Affine], bases: &[G1Affine], pending: &mut [(u32, u32)]) {
    pending.sort_unstable_by_key(|(d, _)| *d);
    let mut touched = Vec::new();
    let mut sums = Vec::new();
    for group in pending.chunk_by(|a, b| a.0 == b.0) {
        let d = group[0].0 as usize;
        let mut acc = buckets[d].into_group();
        for (_, i) in group {
            acc += bases[*i as usize];
        }
        touched.push(d);
        sums.push(acc);
    }
    for (d, p) in touched
        .into_iter()
        .zip(G1Projective::normalize_batch(&sums))
    {
        buckets[d] = p;
    }
}

/// Performs `buckets[d] += bases[i]` for each `(d, i)` in `batch` (distinct buckets, `x`
/// coordinates distinct, neither point at infinity) with one field inversion.
fn batch_add(
    buckets: &mut [G1Affine],
    bases: &[G1Affine],
    batch: &[(u32, u32)],
    denominators: &mut Vec<Fq>,
    prefix: &mut Vec<Fq>,
) {
    denominators.clear();
    prefix.clear();
    // Montgomery's trick: prefix products of (x_p − x_b), one inversion, then walk back.
    let mut acc = Fq::ONE;
    for (d, i) in batch {
        let dx = bases[*i as usize].x - buckets[*d as usize].x;
        prefix.push(acc);
        acc *= dx;
        denominators.push(dx);
    }
    let mut inv = acc.inverse().unwrap_or(Fq::ZERO);
    for (k, (d, i)) in batch.iter().enumerate().rev() {
        let inv_dx = inv * prefix[k];
        inv *= denominators[k];
        let b = &mut buckets[*d as usize];
        let p = &bases[*i as usize];
        let lambda = (p.y - b.y) * inv_dx;
        let x3 = lambda.square() - b.x - p.x;
        let y3 = lambda * (b.x - x3) - b.y;
        *b = G1Affine::new_unchecked(x3, y3);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commitment::msm::msm_field;
    use crate::field::Fr;
    use ark_ec::ScalarMul;
    use ark_std::{rand::Rng, test_rng, UniformRand};

    fn naive(bases: &[G1Affine], scalars: &[u64]) -> G1Projective {
        bases
            .iter()
            .zip(scalars)
            .map(|(b, s)| *b * Fr::from(*s))
            .sum()
    }

    #[test]
    fn small_msm_matches_naive_and_generic() {
        let mut rng = test_rng();
        for (n, bits) in [
            (1usize, 8u32),
            (7, 1),
            (100, 8),
            (5000, 16),
            (3000, 33),
            (300, 64),
        ] {
            let bases = G1Projective::rand(&mut rng)
                .batch_mul(&(0..n).map(|_| Fr::rand(&mut rng)).collect::<Vec<_>>());
            let scalars: Vec<u64> = (0..n)
                .map(|_| {
                    if bits == 64 {
                        rng.gen()
                    } else {
                        rng.gen_range(0..1u64 << bits)
                    }
                })
                .collect();
            let expected = naive(&bases, &scalars);
            assert_eq!(
                msm_small(&bases, &scalars),
                expected,
                "n = {n}, bits = {bits}"
            );
            let field: Vec<Fr> = scalars.iter().map(|s| Fr::from(*s)).collect();
            assert_eq!(msm_field(&bases, &field), expected);
            let as_u16: Vec<u16> = scalars.iter().map(|s| *s as u16).collect();
            let trunc: Vec<u64> = as_u16.iter().map(|s| *s as u64).collect();
            assert_eq!(msm_small(&bases, &as_u16), naive(&bases, &trunc));
        }
    }

    #[test]
    fn batch_affine_path_matches_generic() {
        let mut rng = test_rng();
        let n = 1 << 15;
        // Affine buckets are used for this size; check the choice so that the test keeps
        // covering that path.
        let c = window_size(16, n, 2);
        assert!(use_affine(1 << c, 2), "c = {c}");
        let distinct = G1Projective::rand(&mut rng)
            .batch_mul(&(0..n).map(|_| Fr::rand(&mut rng)).collect::<Vec<_>>());
        // Also with few distinct bases and their negations: doublings and cancellations
        // inside buckets.
        let repeated: Vec<G1Affine> = (0..n)
            .map(|i| {
                if i % 3 == 0 {
                    -distinct[i % 5]
                } else {
                    distinct[i % 7]
                }
            })
            .collect();
        for bases in [&distinct, &repeated] {
            let scalars: Vec<u16> = (0..n).map(|_| rng.gen()).collect();
            let field: Vec<Fr> = scalars.iter().map(|s| Fr::from(*s as u64)).collect();
            assert_eq!(msm_small(bases, &scalars), msm_field(bases, &field));
        }
        // Hot buckets: 90% of the scalars equal (the Jacobian fallback finishes the queue).
        let skewed: Vec<u16> = (0..n)
            .map(|i| if i % 10 == 0 { rng.gen() } else { 40_000 })
            .collect();
        let field: Vec<Fr> = skewed.iter().map(|s| Fr::from(*s as u64)).collect();
        let start = std::time::Instant::now();
        assert_eq!(msm_small(&distinct, &skewed), msm_field(&distinct, &field));
        assert!(
            start.elapsed().as_secs() < 20,
            "skewed scalars must not be quadratic"
        );
    }

    #[test]
    fn small_msm_handles_repeated_and_opposite_points() {
        let mut rng = test_rng();
        let g = G1Projective::rand(&mut rng).into_affine();
        // The same base many times (doublings inside buckets) and its negation (cancellation).
        let bases = vec![g, g, g, -g, g, -g, g];
        let scalars = vec![3u8, 3, 3, 3, 5, 5, 0];
        let expected = naive(
            &bases,
            &scalars.iter().map(|s| *s as u64).collect::<Vec<_>>(),
        );
        assert_eq!(msm_small(&bases, &scalars), expected);
        assert_eq!(msm_small::<u8>(&[], &[]), G1Projective::zero());
    }
}
