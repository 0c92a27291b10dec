//! SRL: `x >> (y & 31)` (logical). Chunk i holds byte i of x and the low byte of y; `srl_i` gives
//! that byte's contribution to the shifted word, and g sums the four. Also serves SRLI.

use crate::subtables;
use crate::{ChunkPositions, Fr, IndexPacking, Instruction, Subtable, C};

/// The SRL table.
#[derive(Clone, Copy, Debug, Default)]
pub struct Srl;

/// `srl_i` on chunk i, for every chunk.
pub(super) fn srl_subtables() -> Vec<(Box<dyn Subtable>, ChunkPositions)> {
    (0..C)
        .map(|i| {
            (
                Box::new(subtables::Srl::new(i)) as Box<dyn Subtable>,
                ChunkPositions::single(i),
            )
        })
        .collect()
}

impl Instruction for Srl {
    fn name(&self) -> &'static str {
        "SRL"
    }

    fn lookup_entry(&self, x: u32, y: u32) -> u32 {
        x.wrapping_shr(y)
    }

    fn packing(&self) -> IndexPacking {
        IndexPacking::Shift
    }

    fn subtables(&self) -> Vec<(Box<dyn Subtable>, ChunkPositions)> {
        srl_subtables()
    }

    fn combine_lookups(&self, vals: &[Fr]) -> Fr {
        vals.iter().sum()
    }

    fn g_degree(&self) -> usize {
        1
    }
}
