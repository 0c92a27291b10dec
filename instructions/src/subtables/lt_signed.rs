//! `lt_signed[(a << 8) | b] = 1 if (a as i8) < (b as i8) else 0`: the comparison of the most
//! significant chunk of two signed words.

use ark_ff::One;

use super::{eq_bit, halves, ltu::ltu_mle, materialize_bytes};
use crate::{Fr, Subtable};

/// Signed less-than of the two bytes.
#[derive(Clone, Copy, Debug, Default)]
pub struct LtSigned;

impl Subtable for LtSigned {
    fn name(&self) -> &'static str {
        "lt_signed"
    }

    fn materialize(&self) -> Vec<u64> {
        materialize_bytes(|a, b| u64::from((a as u8 as i8) < (b as u8 as i8)))
    }

    /// The sign bits decide when they differ (a negative, b not); otherwise as unsigned.
    fn evaluate_mle(&self, point: &[Fr]) -> Fr {
        let (a, b) = halves(point);
        let sign_lt = a[0] * (Fr::one() - b[0]);
        ltu_mle(&a[1..], &b[1..], sign_lt, eq_bit(a[0], b[0]))
    }
}
