//! `clear_lsb[i] = i & !1`: the low chunk of a JALR target.

use ark_ff::AdditiveGroup;

use super::from_bits;
use crate::{Fr, Subtable, LOG_M, M};

/// The chunk with its least significant bit cleared.
#[derive(Clone, Copy, Debug, Default)]
pub struct ClearLsb;

impl Subtable for ClearLsb {
    fn name(&self) -> &'static str {
        "clear_lsb"
    }

    fn materialize(&self) -> Vec<u64> {
        (0..M as u64).map(|i| i & !1).collect()
    }

    fn evaluate_mle(&self, point: &[Fr]) -> Fr {
        from_bits(&point[..LOG_M - 1]).double()
    }
}
