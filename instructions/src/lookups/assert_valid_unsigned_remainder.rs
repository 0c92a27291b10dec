//! ASSERT_VALID_UNSIGNED_REMAINDER: 1 if `y == 0 || x < y` (unsigned) else 0, for a remainder x
//! and divisor y: [`super::Sltu`]'s chain plus `Π_i right_is_zero_i` (the two never hold
//! together). Serves `VirtualAssertValidUnsignedRemainder`.

use super::{lt_chain, product};
use crate::subtables::{Eq, Ltu, RightIsZero};
use crate::{ChunkPositions, Fr, IndexPacking, Instruction, Subtable, C};

/// The ASSERT_VALID_UNSIGNED_REMAINDER table.
#[derive(Clone, Copy, Debug, Default)]
pub struct AssertValidUnsignedRemainder;

impl Instruction for AssertValidUnsignedRemainder {
    fn name(&self) -> &'static str {
        "ASSERT_VALID_UNSIGNED_REMAINDER"
    }

    fn lookup_entry(&self, x: u32, y: u32) -> u32 {
        u32::from(y == 0 || x < y)
    }

    fn packing(&self) -> IndexPacking {
        IndexPacking::Interleaved
    }

    fn subtables(&self) -> Vec<(Box<dyn Subtable>, ChunkPositions)> {
        vec![
            (Box::new(Ltu), ChunkPositions::all()),
            (Box::new(Eq), ChunkPositions::range(0..C - 1)),
            (Box::new(RightIsZero), ChunkPositions::all()),
        ]
    }

    /// `vals = [ltu_0..ltu_3, eq_0..eq_2, right_is_zero_0..right_is_zero_3]`.
    fn combine_lookups(&self, vals: &[Fr]) -> Fr {
        let (lt, rest) = vals.split_at(C);
        let (eq, y_zero) = rest.split_at(C - 1);
        lt_chain(lt, eq) + product(y_zero)
    }

    fn g_degree(&self) -> usize {
        C
    }
}
