//! ADD: `x + y mod 2^32`. The 33-bit sum is formed outside the lookup; the lookup keeps its low
//! word (chunks 2, 3) and truncates the carry (chunks 0, 1, read by `zero`).
//! Also serves ADDI, AUIPC and JAL (on pc, imm) and LUI (on 0, imm).

use super::{low_word, low_word_subtables};
use crate::{ChunkPositions, Fr, IndexPacking, Instruction, Subtable};

/// The ADD table.
#[derive(Clone, Copy, Debug, Default)]
pub struct Add;

impl Instruction for Add {
    fn name(&self) -> &'static str {
        "ADD"
    }

    fn lookup_entry(&self, x: u32, y: u32) -> u32 {
        x.wrapping_add(y)
    }

    fn packing(&self) -> IndexPacking {
        IndexPacking::Sum
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
