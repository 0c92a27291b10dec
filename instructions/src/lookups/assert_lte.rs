//! ASSERT_LTE: 1 if `x <= y` (unsigned) else 0: [`super::Sltu`]'s chain plus the all-equal term
//! `Π_i eq_i`. Serves `VirtualAssertLte`.

use super::{lt_chain, product};
use crate::subtables::{Eq, Ltu};
use crate::{ChunkPositions, Fr, IndexPacking, Instruction, Subtable, C};

/// The ASSERT_LTE table.
#[derive(Clone, Copy, Debug, Default)]
pub struct AssertLte;

impl Instruction for AssertLte {
    fn name(&self) -> &'static str {
        "ASSERT_LTE"
    }

    fn lookup_entry(&self, x: u32, y: u32) -> u32 {
        u32::from(x <= y)
    }

    fn packing(&self) -> IndexPacking {
        IndexPacking::Interleaved
    }

    fn subtables(&self) -> Vec<(Box<dyn Subtable>, ChunkPositions)> {
        vec![
            (Box::new(Ltu), ChunkPositions::all()),
            (Box::new(Eq), ChunkPositions::all()),
        ]
    }

    /// `vals = [ltu_0..ltu_3, eq_0..eq_3]`.
    fn combine_lookups(&self, vals: &[Fr]) -> Fr {
        lt_chain(&vals[..C], &vals[C..]) + product(&vals[C..])
    }

    fn g_degree(&self) -> usize {
        C
    }
}
