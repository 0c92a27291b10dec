//! Sums `Σ_i w_i·k_i` of field elements `w_i` times integers `k_i` with one modular reduction
//! at the end instead of one Montgomery multiplication (and one conversion of `k_i`) per term.
//!
//! A field element is stored in Montgomery form, the integer `w̃ = w·R mod p` (`R = 2^256`).
//! The plain integer `X = Σ w̃_i·k_i` (at most `384 + log(terms)` bits: seven limbs) satisfies
//! `X ≡ (Σ w_i k_i)·R`, so `X mod p` *is* the Montgomery form of the sum. Writing
//! `X = X_lo + 2^256·X_hi`, the element with Montgomery form `X_lo mod p` plus the element
//! whose value is `X_hi` (because `2^256·X_hi ≡ X_hi·R`) is the sum: a few subtractions and one
//! conversion per reduction. A term costs four (or eight, for `|k| ≥ 2^64`) 64-bit
//! multiplications. Negative `k` go to a second accumulator, subtracted at the end.

use super::JoltField;

/// Seven limbs: `2^448` exceeds any sum of fewer than `2^64` terms `w̃·|k|`, `|k| < 2^128`.
const LIMBS: usize = 7;

/// A lazily reduced sum `Σ w_i·k_i` (see the module documentation).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WideSum<F> {
    positive: [u64; LIMBS],
    negative: [u64; LIMBS],
    /// Terms that are field elements (added reduced).
    field: F,
}

impl<F: JoltField> Default for WideSum<F> {
    fn default() -> Self {
        Self::ZERO
    }
}

/// `acc += w·k·2^{64·shift}`.
#[inline(always)]
fn mac(acc: &mut [u64; LIMBS], w: &[u64; 4], k: u64, shift: usize) {
    let mut carry = 0u64;
    for (i, wi) in w.iter().enumerate() {
        // (2^64 − 1)^2 + 2·(2^64 − 1) = 2^128 − 1: no overflow.
        let t = (*wi as u128) * (k as u128) + acc[i + shift] as u128 + carry as u128;
        acc[i + shift] = t as u64;
        carry = (t >> 64) as u64;
    }
    for limb in acc.iter_mut().skip(4 + shift) {
        if carry == 0 {
            break;
        }
        let (sum, overflow) = limb.overflowing_add(carry);
        *limb = sum;
        carry = overflow as u64;
    }
}

impl<F: JoltField> WideSum<F> {
    /// The empty sum.
    pub const ZERO: Self = Self {
        positive: [0; LIMBS],
        negative: [0; LIMBS],
        field: F::ZERO,
    };

    /// `self += w·k`.
    #[inline]
    pub fn add_mul_u64(&mut self, w: &F, k: u64) {
        mac(&mut self.positive, &w.montgomery_limbs(), k, 0);
    }

    /// `self += w·k`.
    #[inline]
    pub fn add_mul_i128(&mut self, w: &F, k: i128) {
        let acc = if k < 0 {
            &mut self.negative
        } else {
            &mut self.positive
        };
        let limbs = w.montgomery_limbs();
        let abs = k.unsigned_abs();
        mac(acc, &limbs, abs as u64, 0);
        if abs >> 64 != 0 {
            mac(acc, &limbs, (abs >> 64) as u64, 1);
        }
    }

    /// `self += f`.
    #[inline]
    pub fn add_field(&mut self, f: F) {
        self.field += f;
    }

    /// Whether nothing was added (or only zeros).
    #[inline]
    pub fn is_zero(&self) -> bool {
        self.positive == [0; LIMBS] && self.negative == [0; LIMBS] && self.field.is_zero()
    }

    /// The sum, reduced.
    pub fn reduce(&self) -> F {
        reduce_limbs::<F>(&self.positive) - reduce_limbs::<F>(&self.negative) + self.field
    }
}

/// The element whose Montgomery form is `x mod p`.
fn reduce_limbs<F: JoltField>(x: &[u64; LIMBS]) -> F {
    if *x == [0; LIMBS] {
        return F::ZERO;
    }
    let low = F::from_montgomery_limbs([x[0], x[1], x[2], x[3]]);
    if x[4..] == [0; LIMBS - 4] {
        return low;
    }
    let mut high = F::from_u128(x[4] as u128 | (x[5] as u128) << 64);
    if x[6] != 0 {
        high += F::from_u64(x[6]) * F::from_u128(1 << 127).double();
    }
    low + high
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::field::Fr;
    use ark_ff::{AdditiveGroup, Field};
    use ark_std::{test_rng, UniformRand};
    use rand::Rng;

    fn naive(terms: &[(Fr, i128)]) -> Fr {
        terms
            .iter()
            .map(|(w, k)| {
                let f = Fr::from(k.unsigned_abs());
                if *k < 0 {
                    -(*w * f)
                } else {
                    *w * f
                }
            })
            .sum()
    }

    /// Sums of random and extreme terms (both signs, `|k|` up to `2^127`, `w = −1`, `w = 0`)
    /// equal the products summed in the field.
    #[test]
    fn wide_sums_equal_field_sums() {
        let mut rng = test_rng();
        let extremes = [
            0i128,
            1,
            -1,
            u64::MAX as i128,
            -(u64::MAX as i128),
            i128::MAX,
            i128::MIN + 1,
        ];
        for len in [0usize, 1, 2, 7, 100, 5000] {
            let terms: Vec<(Fr, i128)> = (0..len)
                .map(|i| {
                    let w = match i % 5 {
                        0 => -Fr::ONE,
                        1 => Fr::ZERO,
                        _ => Fr::rand(&mut rng),
                    };
                    let k = match i % 3 {
                        0 => extremes[i % extremes.len()],
                        1 => rng.gen::<u64>() as i128,
                        _ => rng.gen::<i128>() >> (i % 100),
                    };
                    (w, k)
                })
                .collect();
            let mut sum = WideSum::<Fr>::ZERO;
            for (w, k) in &terms {
                sum.add_mul_i128(w, *k);
            }
            assert_eq!(sum.reduce(), naive(&terms), "len = {len}");
            let mut unsigned = WideSum::<Fr>::ZERO;
            let mut expected = Fr::ZERO;
            for (w, k) in &terms {
                let k = *k as u64;
                unsigned.add_mul_u64(w, k);
                expected += *w * Fr::from(k);
            }
            unsigned.add_field(Fr::from(7u64));
            assert_eq!(unsigned.reduce(), expected + Fr::from(7u64), "len = {len}");
        }
    }

    /// The largest sums a caller can build (`2^16` terms `(p − 1)·(2^128 − 1)`) still reduce
    /// correctly: every limb is in use.
    #[test]
    fn the_largest_sums_reduce() {
        let w = -Fr::ONE;
        let k = i128::MAX;
        let mut sum = WideSum::<Fr>::ZERO;
        let mut negative = WideSum::<Fr>::ZERO;
        for _ in 0..1 << 16 {
            sum.add_mul_i128(&w, k);
            negative.add_mul_i128(&w, -k);
        }
        let expected = Fr::from(1u64 << 16) * w * Fr::from(k as u128);
        assert_eq!(sum.reduce(), expected);
        assert_eq!(negative.reduce(), -expected);
        assert!(!sum.is_zero());
        assert!(WideSum::<Fr>::ZERO.is_zero());
        assert_eq!(WideSum::<Fr>::ZERO.reduce(), Fr::ZERO);
    }
}
