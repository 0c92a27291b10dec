//! `zero[i] = 0`: a chunk read only to range-check it to `< M` (and to truncate the bits it holds,
//! such as the carry of a sum or the high word of a product).

use ark_ff::Zero as _;

use crate::{Fr, Subtable, M};

/// Returns 0.
#[derive(Clone, Copy, Debug, Default)]
pub struct Zero;

impl Subtable for Zero {
    fn name(&self) -> &'static str {
        "zero"
    }

    fn materialize(&self) -> Vec<u64> {
        vec![0; M]
    }

    fn evaluate_mle(&self, _point: &[Fr]) -> Fr {
        Fr::zero()
    }
}
