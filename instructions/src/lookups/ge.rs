//! GE: 1 if `x >= y` (signed) else 0: one minus [`super::Slt`]. Serves BGE.

use ark_ff::One;

use super::Slt;
use crate::{ChunkPositions, Fr, IndexPacking, Instruction, Subtable};

/// The GE table.
#[derive(Clone, Copy, Debug, Default)]
pub struct Ge;

impl Instruction for Ge {
    fn name(&self) -> &'static str {
        "GE"
    }

    fn lookup_entry(&self, x: u32, y: u32) -> u32 {
        u32::from((x as i32) >= (y as i32))
    }

    fn packing(&self) -> IndexPacking {
        Slt.packing()
    }

    fn subtables(&self) -> Vec<(Box<dyn Subtable>, ChunkPositions)> {
        Slt.subtables()
    }

    fn combine_lookups(&self, vals: &[Fr]) -> Fr {
        Fr::one() - Slt.combine_lookups(vals)
    }

    fn g_degree(&self) -> usize {
        Slt.g_degree()
    }
}
