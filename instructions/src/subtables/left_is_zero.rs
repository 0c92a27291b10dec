//! `left_is_zero[(a << 8) | b] = 1 if a == 0 else 0`.

use ark_ff::One;

use super::{halves, materialize_bytes};
use crate::{Fr, Subtable};

/// Whether the x byte is zero.
#[derive(Clone, Copy, Debug, Default)]
pub struct LeftIsZero;

impl Subtable for LeftIsZero {
    fn name(&self) -> &'static str {
        "left_is_zero"
    }

    fn materialize(&self) -> Vec<u64> {
        materialize_bytes(|a, _| u64::from(a == 0))
    }

    fn evaluate_mle(&self, point: &[Fr]) -> Fr {
        let (a, _) = halves(point);
        a.iter().fold(Fr::one(), |acc, &x| acc * (Fr::one() - x))
    }
}
