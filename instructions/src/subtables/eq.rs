//! `eq[(a << 8) | b] = 1 if a == b else 0`.

use ark_ff::One;

use super::{eq_bit, halves, materialize_bytes};
use crate::{Fr, Subtable};

/// Equality of the two bytes.
#[derive(Clone, Copy, Debug, Default)]
pub struct Eq;

impl Subtable for Eq {
    fn name(&self) -> &'static str {
        "eq"
    }

    fn materialize(&self) -> Vec<u64> {
        materialize_bytes(|a, b| u64::from(a == b))
    }

    fn evaluate_mle(&self, point: &[Fr]) -> Fr {
        let (a, b) = halves(point);
        a.iter()
            .zip(b)
            .fold(Fr::one(), |acc, (&x, &y)| acc * eq_bit(x, y))
    }
}
