//! MOVE: `x`, from the [`crate::split`] chunks of x alone: the low two chunks kept, the (zero)
//! high two read only to range-check them. Serves `VirtualMove` and `VirtualAdvice`: for advice
//! the constraint system leaves x free, and the lookup is what range-checks the advice value to
//! 32 bits.

use super::{low_word, low_word_subtables};
use crate::{ChunkPositions, Fr, IndexPacking, Instruction, Subtable};

/// The MOVE table.
#[derive(Clone, Copy, Debug, Default)]
pub struct Move;

impl Instruction for Move {
    fn name(&self) -> &'static str {
        "MOVE"
    }

    fn lookup_entry(&self, x: u32, _y: u32) -> u32 {
        x
    }

    fn packing(&self) -> IndexPacking {
        IndexPacking::Word
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
