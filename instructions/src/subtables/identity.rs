//! `identity[i] = i`.

use super::from_bits;
use crate::{Fr, Subtable, M};

/// Returns the chunk itself.
#[derive(Clone, Copy, Debug, Default)]
pub struct Identity;

impl Subtable for Identity {
    fn name(&self) -> &'static str {
        "identity"
    }

    fn materialize(&self) -> Vec<u64> {
        (0..M as u64).collect()
    }

    fn evaluate_mle(&self, point: &[Fr]) -> Fr {
        from_bits(point)
    }
}
