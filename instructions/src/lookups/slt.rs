//! SLT: 1 if `x < y` (signed) else 0. As [`super::Sltu`], except that chunk 0, which holds the
//! sign bits, is compared as signed bytes (`lt_signed`). Serves SLT, SLTI and BLT.

use super::lt_chain;
use crate::subtables::{Eq, LtSigned, Ltu};
use crate::{ChunkPositions, Fr, IndexPacking, Instruction, Subtable, C};

/// The SLT table.
#[derive(Clone, Copy, Debug, Default)]
pub struct Slt;

impl Instruction for Slt {
    fn name(&self) -> &'static str {
        "SLT"
    }

    fn lookup_entry(&self, x: u32, y: u32) -> u32 {
        u32::from((x as i32) < (y as i32))
    }

    fn packing(&self) -> IndexPacking {
        IndexPacking::Interleaved
    }

    fn subtables(&self) -> Vec<(Box<dyn Subtable>, ChunkPositions)> {
        vec![
            (Box::new(LtSigned), ChunkPositions::single(0)),
            (Box::new(Ltu), ChunkPositions::range(1..C)),
            (Box::new(Eq), ChunkPositions::range(0..C - 1)),
        ]
    }

    /// `vals = [lt_signed_0, ltu_1..ltu_3, eq_0..eq_2]`.
    fn combine_lookups(&self, vals: &[Fr]) -> Fr {
        lt_chain(&vals[..C], &vals[C..])
    }

    fn g_degree(&self) -> usize {
        C
    }
}
