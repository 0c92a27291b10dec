//! MUL: the low word of the 64-bit product `x * y` (formed outside the lookup); the high word
//! (chunks 0, 1) is truncated.

use super::{low_word, low_word_subtables};
use crate::{ChunkPositions, Fr, IndexPacking, Instruction, Subtable};

/// The MUL table.
#[derive(Clone, Copy, Debug, Default)]
pub struct Mul;

impl Instruction for Mul {
    fn name(&self) -> &'static str {
        "MUL"
    }

    fn lookup_entry(&self, x: u32, y: u32) -> u32 {
        x.wrapping_mul(y)
    }

    fn packing(&self) -> IndexPacking {
        IndexPacking::Product
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
