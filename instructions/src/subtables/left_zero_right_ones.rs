//! `left_zero_right_ones[(a << 8) | b] = 1 if a == 0 and b == 0xff else 0`: the byte-wise
//! "divisor zero, quotient all ones" test of a division by zero.

use ark_ff::One;

use super::{halves, materialize_bytes};
use crate::{Fr, Subtable};

/// Whether the x byte is 0 and the y byte is 0xff.
#[derive(Clone, Copy, Debug, Default)]
pub struct LeftZeroRightOnes;

impl Subtable for LeftZeroRightOnes {
    fn name(&self) -> &'static str {
        "left_zero_right_ones"
    }

    fn materialize(&self) -> Vec<u64> {
        materialize_bytes(|a, b| u64::from(a == 0 && b == 0xff))
    }

    fn evaluate_mle(&self, point: &[Fr]) -> Fr {
        let (a, b) = halves(point);
        a.iter()
            .zip(b)
            .fold(Fr::one(), |acc, (&x, &y)| acc * (Fr::one() - x) * y)
    }
}
