//! ASSERT_VALID_DIV0: 1 if `x != 0 || y == 0xffff_ffff` else 0, for a divisor x and quotient y
//! (the spec's quotient of a division by zero is all ones). With `z = Π_i left_is_zero_i`
//! (x == 0) and `w = Π_i left_zero_right_ones_i` (x == 0 and y all ones, so w <= z):
//! `g = 1 - z + w`. Serves `VirtualAssertValidDiv0`.

use ark_ff::One;

use super::product;
use crate::subtables::{LeftIsZero, LeftZeroRightOnes};
use crate::{ChunkPositions, Fr, IndexPacking, Instruction, Subtable, C};

/// The ASSERT_VALID_DIV0 table.
#[derive(Clone, Copy, Debug, Default)]
pub struct AssertValidDiv0;

impl Instruction for AssertValidDiv0 {
    fn name(&self) -> &'static str {
        "ASSERT_VALID_DIV0"
    }

    fn lookup_entry(&self, x: u32, y: u32) -> u32 {
        u32::from(x != 0 || y == u32::MAX)
    }

    fn packing(&self) -> IndexPacking {
        IndexPacking::Interleaved
    }

    fn subtables(&self) -> Vec<(Box<dyn Subtable>, ChunkPositions)> {
        vec![
            (Box::new(LeftIsZero), ChunkPositions::all()),
            (Box::new(LeftZeroRightOnes), ChunkPositions::all()),
        ]
    }

    /// `vals = [left_is_zero_0..3, left_zero_right_ones_0..3]`.
    fn combine_lookups(&self, vals: &[Fr]) -> Fr {
        Fr::one() - product(&vals[..C]) + product(&vals[C..])
    }

    fn g_degree(&self) -> usize {
        C
    }
}
