//! ASSERT_MULU_NO_OVERFLOW: 1 if `x * y < 2^32` (unsigned, as integers) else 0: the high word of
//! the 64-bit product (chunks 0, 1) is zero. Serves `VirtualAssertMulUNoOverflow`.

use super::product;
use crate::subtables::{IsZero, Zero};
use crate::{ChunkPositions, Fr, IndexPacking, Instruction, Subtable};

/// The ASSERT_MULU_NO_OVERFLOW table.
#[derive(Clone, Copy, Debug, Default)]
pub struct AssertMulUNoOverflow;

impl Instruction for AssertMulUNoOverflow {
    fn name(&self) -> &'static str {
        "ASSERT_MULU_NO_OVERFLOW"
    }

    fn lookup_entry(&self, x: u32, y: u32) -> u32 {
        u32::from(u64::from(x) * u64::from(y) <= u64::from(u32::MAX))
    }

    fn packing(&self) -> IndexPacking {
        IndexPacking::Product
    }

    fn subtables(&self) -> Vec<(Box<dyn Subtable>, ChunkPositions)> {
        vec![
            (Box::new(IsZero), ChunkPositions::range(0..2)),
            (Box::new(Zero), ChunkPositions::range(2..4)),
        ]
    }

    /// `vals = [is_zero_0, is_zero_1, 0, 0]`.
    fn combine_lookups(&self, vals: &[Fr]) -> Fr {
        product(&vals[..2])
    }

    fn g_degree(&self) -> usize {
        2
    }
}
