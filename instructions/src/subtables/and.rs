//! `and[(a << 8) | b] = a & b`.

use ark_ff::{AdditiveGroup, Zero as _};

use super::{halves, materialize_bytes};
use crate::{Fr, Subtable};

/// Bitwise AND of the two bytes.
#[derive(Clone, Copy, Debug, Default)]
pub struct And;

impl Subtable for And {
    fn name(&self) -> &'static str {
        "and"
    }

    fn materialize(&self) -> Vec<u64> {
        materialize_bytes(|a, b| a & b)
    }

    fn evaluate_mle(&self, point: &[Fr]) -> Fr {
        let (a, b) = halves(point);
        a.iter()
            .zip(b)
            .fold(Fr::zero(), |acc, (&x, &y)| acc.double() + x * y)
    }
}
