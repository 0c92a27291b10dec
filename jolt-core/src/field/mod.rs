//! The scalar field of the proof system: BN254's scalar field `Fr`.
//!
//! Both commitment schemes work over BN254, so the concrete field is [`Fr`]. Generic code
//! (polynomials, sumcheck, grand products) is written over `F: JoltField`, a thin extension of
//! [`ark_ff::PrimeField`] that adds the conversions the prover uses in its hot loops.
//!
//! Small integers (`u8 … u64`, `i64`, `u128`) convert into the field with
//! [`JoltField::from_u64`] and friends. For values below `2^16` the conversion is a lookup in
//! a table of precomputed Montgomery forms (built once, 2 MiB), which avoids the Montgomery
//! multiplication that `From<u64>` costs; witness values in a zkVM are mostly of this size.

mod scaled;
mod small;
mod wide_sum;

pub use ark_bn254::Fr;
pub use scaled::ScaledDigits;
pub use small::SmallScalar;
pub use wide_sum::WideSum;

use ark_ff::PrimeField;
use std::sync::OnceLock;

/// The field trait used by the generic prover code.
pub trait JoltField: PrimeField {
    /// Number of bytes drawn from the transcript for one challenge (twice the field size,
    /// so that the reduction modulo `p` is statistically close to uniform).
    const CHALLENGE_BYTES: usize = 64;

    /// Converts a `u64` into the field.
    #[inline]
    fn from_u64(x: u64) -> Self {
        Self::from(x)
    }

    /// Converts an `i64` into the field (negative values map to `p - |x|`).
    #[inline]
    fn from_i64(x: i64) -> Self {
        let abs = Self::from_u64(x.unsigned_abs());
        if x < 0 {
            -abs
        } else {
            abs
        }
    }

    /// Converts a `u128` into the field.
    #[inline]
    fn from_u128(x: u128) -> Self {
        Self::from(x)
    }

    /// The four 64-bit limbs of the Montgomery form `x·2^256 mod p` (least significant first).
    fn montgomery_limbs(&self) -> [u64; 4];

    /// The element whose Montgomery form is `limbs mod p` (any 256-bit integer).
    fn from_montgomery_limbs(limbs: [u64; 4]) -> Self;

    /// Converts a boolean into `0` or `1`.
    #[inline]
    fn from_bool(b: bool) -> Self {
        if b {
            Self::ONE
        } else {
            Self::ZERO
        }
    }
}

/// Montgomery forms of `0 .. 2^16`, computed on first use.
fn small_table() -> &'static [Fr] {
    static TABLE: OnceLock<Vec<Fr>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = Vec::with_capacity(1 << 16);
        let mut acc = Fr::from(0u64);
        for _ in 0..(1u32 << 16) {
            table.push(acc);
            acc += Fr::from(1u64);
        }
        table
    })
}

impl JoltField for Fr {
    #[inline]
    fn montgomery_limbs(&self) -> [u64; 4] {
        self.0 .0
    }

    #[inline]
    fn from_montgomery_limbs(limbs: [u64; 4]) -> Self {
        use ark_ff::{BigInt, BigInteger};
        let mut x = BigInt(limbs);
        // 2^256 < 6p: at most five subtractions.
        while x >= Fr::MODULUS {
            x.sub_with_borrow(&Fr::MODULUS);
        }
        ark_ff::Fp::new_unchecked(x)
    }

    #[inline]
    fn from_u64(x: u64) -> Self {
        if x < (1 << 16) {
            // x < 2^16 = table length, so the index is in bounds.
            small_table()[x as usize]
        } else {
            Fr::from(x)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ark_ff::{AdditiveGroup, Field};

    #[test]
    fn small_conversions_match_from() {
        for x in [
            0u64,
            1,
            2,
            255,
            256,
            65_535,
            65_536,
            u32::MAX as u64,
            u64::MAX,
        ] {
            assert_eq!(Fr::from_u64(x), Fr::from(x));
        }
        for x in [0i64, 1, -1, i64::MIN, i64::MAX, -65_536] {
            assert_eq!(Fr::from_i64(x), Fr::from(x));
        }
        assert_eq!(Fr::from_u128(u128::MAX), Fr::from(u128::MAX));
        assert_eq!(Fr::from_bool(true), Fr::ONE);
        assert_eq!(Fr::from_bool(false), Fr::ZERO);
    }
}
