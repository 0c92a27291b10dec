//! `right_is_zero[(a << 8) | b] = 1 if b == 0 else 0`.

use ark_ff::One;

use super::{halves, materialize_bytes};
use crate::{Fr, Subtable};

/// Whether the y byte is zero.
#[derive(Clone, Copy, Debug, Default)]
pub struct RightIsZero;

impl Subtable for RightIsZero {
    fn name(&self) -> &'static str {
        "right_is_zero"
    }

    fn materialize(&self) -> Vec<u64> {
        materialize_bytes(|_, b| u64::from(b == 0))
    }

    fn evaluate_mle(&self, point: &[Fr]) -> Fr {
        let (_, b) = halves(point);
        b.iter().fold(Fr::one(), |acc, &y| acc * (Fr::one() - y))
    }
}
