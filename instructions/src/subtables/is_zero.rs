//! `is_zero[i] = 1 if i == 0 else 0`.

use ark_ff::One;

use crate::{Fr, Subtable, M};

/// Whether the whole chunk is zero.
#[derive(Clone, Copy, Debug, Default)]
pub struct IsZero;

impl Subtable for IsZero {
    fn name(&self) -> &'static str {
        "is_zero"
    }

    fn materialize(&self) -> Vec<u64> {
        (0..M).map(|i| u64::from(i == 0)).collect()
    }

    fn evaluate_mle(&self, point: &[Fr]) -> Fr {
        point
            .iter()
            .fold(Fr::one(), |acc, &r| acc * (Fr::one() - r))
    }
}
