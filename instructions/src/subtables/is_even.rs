//! `is_even[i] = 1 if i is even else 0`.

use ark_ff::One;

use crate::{Fr, Subtable, LOG_M, M};

/// Whether the chunk's least significant bit is 0.
#[derive(Clone, Copy, Debug, Default)]
pub struct IsEven;

impl Subtable for IsEven {
    fn name(&self) -> &'static str {
        "is_even"
    }

    fn materialize(&self) -> Vec<u64> {
        (0..M).map(|i| u64::from(i & 1 == 0)).collect()
    }

    fn evaluate_mle(&self, point: &[Fr]) -> Fr {
        Fr::one() - point[LOG_M - 1]
    }
}
