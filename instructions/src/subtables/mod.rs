//! The subtables: each maps a [`LOG_M`]-bit chunk index to a value, and evaluates its
//! multilinear extension in closed form.
//!
//! # Bit order
//! The index bit of weight 2^15 is `point[0]` of the MLE, the bit of weight 2^0 is `point[15]`.
//! Subtables over an interleaved or shift chunk read the index as `(a << 8) | b`: `a` (a byte of
//! x) is `point[0..8]`, `b` (a byte of y) is `point[8..16]`, both most significant bit first.

mod and;
mod clear_lsb;
mod eq;
mod identity;
mod is_even;
mod is_zero;
mod left_is_zero;
mod left_msb;
mod left_zero_right_ones;
mod lt_signed;
mod ltu;
mod or;
mod right_is_zero;
mod sll;
mod sra_sign;
mod srl;
mod xor;
mod zero;

pub use and::And;
pub use clear_lsb::ClearLsb;
pub use eq::Eq;
pub use identity::Identity;
pub use is_even::IsEven;
pub use is_zero::IsZero;
pub use left_is_zero::LeftIsZero;
pub use left_msb::LeftMsb;
pub use left_zero_right_ones::LeftZeroRightOnes;
pub use lt_signed::LtSigned;
pub use ltu::Ltu;
pub use or::Or;
pub use right_is_zero::RightIsZero;
pub use sll::Sll;
pub use sra_sign::SraSign;
pub use srl::Srl;
pub use xor::Xor;
pub use zero::Zero;

use ark_ff::{AdditiveGroup, One, Zero as _};

use crate::{Fr, LOG_M, M};

/// Bits of the byte operands: `(a bits, b bits)` of a point, each most significant first.
fn halves(point: &[Fr]) -> (&[Fr], &[Fr]) {
    debug_assert_eq!(point.len(), LOG_M);
    point.split_at(LOG_M / 2)
}

/// The MLE of equality of two bits.
fn eq_bit(a: Fr, b: Fr) -> Fr {
    a * b + (Fr::one() - a) * (Fr::one() - b)
}

/// `Σ_k 2^(n-1-k) bits[k]`: the integer with these bits, most significant first.
fn from_bits(bits: &[Fr]) -> Fr {
    bits.iter().fold(Fr::zero(), |acc, &b| acc.double() + b)
}

/// The table of `f(a, b)` over every index `(a << 8) | b`.
fn materialize_bytes(f: impl Fn(u64, u64) -> u64) -> Vec<u64> {
    (0..M as u64).map(|i| f(i >> 8, i & 0xff)).collect()
}

/// The shift amount of a shift chunk index: the low 5 bits of b.
fn shift_amount(i: u64) -> u32 {
    (i & 31) as u32
}

/// `eq(s, point[11..16])` for every shift amount s in 0..32 (s's bit 4 is `point[11]`).
fn shift_amount_eq(point: &[Fr]) -> Vec<Fr> {
    debug_assert_eq!(point.len(), LOG_M);
    point[LOG_M - 5..]
        .iter()
        .fold(vec![Fr::one()], |table, &r| {
            table
                .iter()
                .flat_map(|&v| [v * (Fr::one() - r), v * r])
                .collect()
        })
}
