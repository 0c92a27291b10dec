//! OR: `x | y`, byte by byte: the `or` subtable on every interleaved chunk, the four bytes
//! concatenated. Also serves ORI.

use super::concat_bytes;
use crate::subtables;
use crate::{ChunkPositions, Fr, IndexPacking, Instruction, Subtable};

/// The OR table.
#[derive(Clone, Copy, Debug, Default)]
pub struct Or;

impl Instruction for Or {
    fn name(&self) -> &'static str {
        "OR"
    }

    fn lookup_entry(&self, x: u32, y: u32) -> u32 {
        x | y
    }

    fn packing(&self) -> IndexPacking {
        IndexPacking::Interleaved
    }

    fn subtables(&self) -> Vec<(Box<dyn Subtable>, ChunkPositions)> {
        vec![(Box::new(subtables::Or), ChunkPositions::all())]
    }

    fn combine_lookups(&self, vals: &[Fr]) -> Fr {
        concat_bytes(vals)
    }

    fn g_degree(&self) -> usize {
        1
    }
}
