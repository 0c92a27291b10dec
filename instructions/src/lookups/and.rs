//! AND: `x & y`, byte by byte: the `and` subtable on every interleaved chunk, the four bytes
//! concatenated. Also serves ANDI.

use super::concat_bytes;
use crate::subtables;
use crate::{ChunkPositions, Fr, IndexPacking, Instruction, Subtable};

/// The AND table.
#[derive(Clone, Copy, Debug, Default)]
pub struct And;

impl Instruction for And {
    fn name(&self) -> &'static str {
        "AND"
    }

    fn lookup_entry(&self, x: u32, y: u32) -> u32 {
        x & y
    }

    fn packing(&self) -> IndexPacking {
        IndexPacking::Interleaved
    }

    fn subtables(&self) -> Vec<(Box<dyn Subtable>, ChunkPositions)> {
        vec![(Box::new(subtables::And), ChunkPositions::all())]
    }

    fn combine_lookups(&self, vals: &[Fr]) -> Fr {
        concat_bytes(vals)
    }

    fn g_degree(&self) -> usize {
        1
    }
}
