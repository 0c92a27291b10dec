//! `or[(a << 8) | b] = a | b`.

use ark_ff::{AdditiveGroup, Zero as _};

use super::{halves, materialize_bytes};
use crate::{Fr, Subtable};

/// Bitwise OR of the two bytes.
#[derive(Clone, Copy, Debug, Default)]
pub struct Or;

impl Subtable for Or {
    fn name(&self) -> &'static str {
        "or"
    }

    fn materialize(&self) -> Vec<u64> {
        materialize_bytes(|a, b| a | b)
    }

    fn evaluate_mle(&self, point: &[Fr]) -> Fr {
        let (a, b) = halves(point);
        a.iter()
            .zip(b)
            .fold(Fr::zero(), |acc, (&x, &y)| acc.double() + x + y - x * y)
    }
}
