//! SLL: `x << (y & 31)`. Chunk i holds byte i of x and the low byte of y; `sll_i` gives that
//! byte's contribution to the shifted word, and g sums the four. Also serves SLLI.

use crate::subtables;
use crate::{ChunkPositions, Fr, IndexPacking, Instruction, Subtable, C};

/// The SLL table.
#[derive(Clone, Copy, Debug, Default)]
pub struct Sll;

impl Instruction for Sll {
    fn name(&self) -> &'static str {
        "SLL"
    }

    fn lookup_entry(&self, x: u32, y: u32) -> u32 {
        x.wrapping_shl(y)
    }

    fn packing(&self) -> IndexPacking {
        IndexPacking::Shift
    }

    fn subtables(&self) -> Vec<(Box<dyn Subtable>, ChunkPositions)> {
        (0..C)
            .map(|i| {
                (
                    Box::new(subtables::Sll::new(i)) as Box<dyn Subtable>,
                    ChunkPositions::single(i),
                )
            })
            .collect()
    }

    fn combine_lookups(&self, vals: &[Fr]) -> Fr {
        vals.iter().sum()
    }

    fn g_degree(&self) -> usize {
        1
    }
}
