//! SUB: `x - y mod 2^32`, as the low word of `x + 2^32 - y` (formed outside the lookup, so it is
//! never negative); chunks 0, 1 (the borrow) are truncated.

use super::{low_word, low_word_subtables};
use crate::{ChunkPositions, Fr, IndexPacking, Instruction, Subtable};

/// The SUB table.
#[derive(Clone, Copy, Debug, Default)]
pub struct Sub;

impl Instruction for Sub {
    fn name(&self) -> &'static str {
        "SUB"
    }

    fn lookup_entry(&self, x: u32, y: u32) -> u32 {
        x.wrapping_sub(y)
    }

    fn packing(&self) -> IndexPacking {
        IndexPacking::Difference
    }

    fn subtables(&self) -> Vec<(Box<dyn Subtable>, ChunkPositions)> {
        low_word_subtables()
    }

    fn combine_lookups(&self, vals: &[Fr]) -> Fr {
        low_word(vals)
    }

    fn g_degree(&self) -> usize {
        1
    }
}
