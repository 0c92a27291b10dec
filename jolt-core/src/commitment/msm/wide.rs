//! MSM for arbitrary field scalars with the machinery of [`super::small`]: Pippenger over the
//! 254-bit scalars in `c`-bit windows (`c ≈ 16` for `2^20` points), batch-affine buckets split
//! among the threads by bucket range, batch-affine bucket reduction.
//!
//! About `⌈254 / c⌉ · (n + 2^{c+1})` affine additions (6 multiplications each) against
//! `⌈254 / c'⌉ · n` Jacobian mixed additions (11 each) for arkworks' wNAF MSM. Below
//! [`WIDE_THRESHOLD`] points the arkworks MSM is used.

use super::small::{window_size, window_sum};
use crate::cfg_iter;
use crate::field::Fr;
use crate::utils::parallel::num_threads;
#[allow(unused_imports)]
use crate::utils::parallel::*;
use ark_bn254::{G1Affine, G1Projective};
use ark_ec::{AdditiveGroup, VariableBaseMSM};
use ark_ff::{BigInt, PrimeField, Zero};

/// Below this many points, arkworks' MSM (less set-up per window) is used.
pub const WIDE_THRESHOLD: usize = 1 << 12;

/// Bits `start .. start + len` (`len ≤ 32`) of a 256-bit integer.
#[inline]
fn bits_at(b: &BigInt<4>, start: usize, len: usize) -> u32 {
    let (limb, offset) = (start / 64, start % 64);
    let mut v = b.0.get(limb).copied().unwrap_or(0) >> offset;
    if offset + len > 64 {
        v |= b.0.get(limb + 1).copied().unwrap_or(0) << (64 - offset);
    }
    (v & ((1u64 << len) - 1)) as u32
}

/// `Σ_i scalars[i] · bases[i]` for arbitrary field scalars (lengths must match).
pub fn msm_wide(bases: &[G1Affine], scalars: &[Fr]) -> G1Projective {
    assert_eq!(bases.len(), scalars.len(), "msm: length mismatch");
    assert!(bases.len() <= u32::MAX as usize, "msm: at most 2^32 points");
    if bases.len() < WIDE_THRESHOLD {
        return G1Projective::msm_unchecked(bases, scalars);
    }
    let bigints: Vec<BigInt<4>> = cfg_iter!(scalars).map(|s| s.into_bigint()).collect();
    let bits = Fr::MODULUS_BIT_SIZE as usize;
    let parts = num_threads().max(1);
    let c = window_size(bits, bases.len(), parts);
    let mut acc = G1Projective::zero();
    for w in (0..bits.div_ceil(c)).rev() {
        for _ in 0..c {
            acc.double_in_place();
        }
        let (start, len) = (w * c, (bits - w * c).min(c));
        let digit = move |b: &BigInt<4>| bits_at(b, start, len);
        acc += window_sum(bases, &bigints, digit, 1 << len, parts);
    }
    acc
}

#[cfg(test)]
mod tests {
    use super::*;
    use ark_ec::ScalarMul;
    use ark_std::{test_rng, UniformRand};

    #[test]
    fn wide_msm_matches_arkworks() {
        let mut rng = test_rng();
        for n in [1usize, 100, WIDE_THRESHOLD, 1 << 14] {
            let bases = G1Projective::rand(&mut rng)
                .batch_mul(&(0..n).map(|_| Fr::rand(&mut rng)).collect::<Vec<_>>());
            let mut scalars: Vec<Fr> = (0..n).map(|_| Fr::rand(&mut rng)).collect();
            scalars[0] = -Fr::from(1u64);
            if n > 2 {
                scalars[1] = Fr::zero();
                scalars[2] = Fr::from(1u64);
            }
            assert_eq!(
                msm_wide(&bases, &scalars),
                G1Projective::msm_unchecked(&bases, &scalars),
                "n = {n}"
            );
        }
    }

    #[test]
    fn bit_extraction_across_limbs() {
        let b = BigInt::<4>([u64::MAX, 0x1234_5678_9abc_def0, 7, 1 << 61]);
        assert_eq!(bits_at(&b, 0, 16), 0xffff);
        assert_eq!(bits_at(&b, 56, 16), 0xf0ff);
        assert_eq!(bits_at(&b, 120, 16), 0x0712);
        assert_eq!(bits_at(&b, 253, 1), 1);
        assert_eq!(bits_at(&b, 250, 16), 0x8);
    }
}
