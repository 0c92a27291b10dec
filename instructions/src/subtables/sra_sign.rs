//! `sra_sign[(a << 8) | b] = 2^32 - 2^(32-s)` if a's top bit is set, else 0, with `s = b & 31`:
//! the s copies of the sign bit that an arithmetic right shift of x by s brings in (read from
//! x's most significant chunk).

use super::{halves, materialize_bytes, shift_amount, shift_amount_eq};
use crate::{Fr, Subtable};

/// The sign-fill of an arithmetic right shift.
#[derive(Clone, Copy, Debug, Default)]
pub struct SraSign;

/// The top `s` bits of a word set.
fn fill(s: u32) -> u64 {
    (1u64 << 32) - (1u64 << (32 - s))
}

impl Subtable for SraSign {
    fn name(&self) -> &'static str {
        "sra_sign"
    }

    fn materialize(&self) -> Vec<u64> {
        materialize_bytes(|a, b| (a >> 7) * fill(shift_amount(b)))
    }

    fn evaluate_mle(&self, point: &[Fr]) -> Fr {
        let sign = halves(point).0[0];
        let fills: Fr = shift_amount_eq(point)
            .iter()
            .enumerate()
            .map(|(s, &eq)| eq * Fr::from(fill(s as u32)))
            .sum();
        sign * fills
    }
}
