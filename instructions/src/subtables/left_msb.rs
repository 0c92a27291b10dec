//! `left_msb[(a << 8) | b] = a >> 7`: the sign bit of a word, read from its most significant
//! chunk.

use super::{halves, materialize_bytes};
use crate::{Fr, Subtable};

/// The most significant bit of the x byte.
#[derive(Clone, Copy, Debug, Default)]
pub struct LeftMsb;

impl Subtable for LeftMsb {
    fn name(&self) -> &'static str {
        "left_msb"
    }

    fn materialize(&self) -> Vec<u64> {
        materialize_bytes(|a, _| a >> 7)
    }

    fn evaluate_mle(&self, point: &[Fr]) -> Fr {
        halves(point).0[0]
    }
}
