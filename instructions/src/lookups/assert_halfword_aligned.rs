//! ASSERT_HALFWORD_ALIGNED: 1 if `x + y` (an address: base register plus offset) is even, else 0:
//! `is_even` on the lowest chunk of the sum, the others read only to range-check them. Serves
//! `VirtualAssertHalfwordAligned`.

use crate::subtables::{IsEven, Zero};
use crate::{ChunkPositions, Fr, IndexPacking, Instruction, Subtable, C};

/// The ASSERT_HALFWORD_ALIGNED table.
#[derive(Clone, Copy, Debug, Default)]
pub struct AssertHalfwordAligned;

impl Instruction for AssertHalfwordAligned {
    fn name(&self) -> &'static str {
        "ASSERT_HALFWORD_ALIGNED"
    }

    fn lookup_entry(&self, x: u32, y: u32) -> u32 {
        u32::from(x.wrapping_add(y) & 1 == 0)
    }

    fn packing(&self) -> IndexPacking {
        IndexPacking::Sum
    }

    fn subtables(&self) -> Vec<(Box<dyn Subtable>, ChunkPositions)> {
        vec![
            (Box::new(Zero), ChunkPositions::range(0..C - 1)),
            (Box::new(IsEven), ChunkPositions::single(C - 1)),
        ]
    }

    /// `vals = [0, 0, 0, is_even_3]`.
    fn combine_lookups(&self, vals: &[Fr]) -> Fr {
        vals[C - 1]
    }

    fn g_degree(&self) -> usize {
        1
    }
}
