//! EQ: 1 if `x == y` else 0: the product of the byte equalities. Serves BEQ and
//! `VirtualAssertEq`.

use super::product;
use crate::subtables;
use crate::{ChunkPositions, Fr, IndexPacking, Instruction, Subtable, C};

/// The EQ table.
#[derive(Clone, Copy, Debug, Default)]
pub struct Eq;

impl Instruction for Eq {
    fn name(&self) -> &'static str {
        "EQ"
    }

    fn lookup_entry(&self, x: u32, y: u32) -> u32 {
        u32::from(x == y)
    }

    fn packing(&self) -> IndexPacking {
        IndexPacking::Interleaved
    }

    fn subtables(&self) -> Vec<(Box<dyn Subtable>, ChunkPositions)> {
        vec![(Box::new(subtables::Eq), ChunkPositions::all())]
    }

    fn combine_lookups(&self, vals: &[Fr]) -> Fr {
        product(vals)
    }

    fn g_degree(&self) -> usize {
        C
    }
}
