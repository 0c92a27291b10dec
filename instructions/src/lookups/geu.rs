//! GEU: 1 if `x >= y` (unsigned) else 0: one minus [`super::Sltu`]. Serves BGEU.

use ark_ff::One;

use super::Sltu;
use crate::{ChunkPositions, Fr, IndexPacking, Instruction, Subtable};

/// The GEU table.
#[derive(Clone, Copy, Debug, Default)]
pub struct Geu;

impl Instruction for Geu {
    fn name(&self) -> &'static str {
        "GEU"
    }

    fn lookup_entry(&self, x: u32, y: u32) -> u32 {
        u32::from(x >= y)
    }

    fn packing(&self) -> IndexPacking {
        Sltu.packing()
    }

    fn subtables(&self) -> Vec<(Box<dyn Subtable>, ChunkPositions)> {
        Sltu.subtables()
    }

    fn combine_lookups(&self, vals: &[Fr]) -> Fr {
        Fr::one() - Sltu.combine_lookups(vals)
    }

    fn g_degree(&self) -> usize {
        Sltu.g_degree()
    }
}
