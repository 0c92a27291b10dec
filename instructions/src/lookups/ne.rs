//! NE: 1 if `x != y` else 0: one minus [`super::Eq`]. Serves BNE.

use ark_ff::One;

use super::Eq;
use crate::{ChunkPositions, Fr, IndexPacking, Instruction, Subtable};

/// The NE table.
#[derive(Clone, Copy, Debug, Default)]
pub struct Ne;

impl Instruction for Ne {
    fn name(&self) -> &'static str {
        "NE"
    }

    fn lookup_entry(&self, x: u32, y: u32) -> u32 {
        u32::from(x != y)
    }

    fn packing(&self) -> IndexPacking {
        Eq.packing()
    }

    fn subtables(&self) -> Vec<(Box<dyn Subtable>, ChunkPositions)> {
        Eq.subtables()
    }

    fn combine_lookups(&self, vals: &[Fr]) -> Fr {
        Fr::one() - Eq.combine_lookups(vals)
    }

    fn g_degree(&self) -> usize {
        Eq.g_degree()
    }
}
