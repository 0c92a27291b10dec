//! JALR_TARGET: `(x + y) & !1 mod 2^32`, the JALR jump target. As [`super::Add`], with bit 0 of
//! the lowest chunk cleared (`clear_lsb`).

use crate::subtables::{ClearLsb, Identity, Zero};
use crate::{ChunkPositions, Fr, IndexPacking, Instruction, Subtable};

/// The JALR target table.
#[derive(Clone, Copy, Debug, Default)]
pub struct JalrTarget;

impl Instruction for JalrTarget {
    fn name(&self) -> &'static str {
        "JALR_TARGET"
    }

    fn lookup_entry(&self, x: u32, y: u32) -> u32 {
        x.wrapping_add(y) & !1
    }

    fn packing(&self) -> IndexPacking {
        IndexPacking::Sum
    }

    fn subtables(&self) -> Vec<(Box<dyn Subtable>, ChunkPositions)> {
        vec![
            (Box::new(Zero), ChunkPositions::range(0..2)),
            (Box::new(Identity), ChunkPositions::single(2)),
            (Box::new(ClearLsb), ChunkPositions::single(3)),
        ]
    }

    /// `vals = [0, 0, chunk 2, chunk 3 & !1]`.
    fn combine_lookups(&self, vals: &[Fr]) -> Fr {
        vals[2] * Fr::from(1u64 << 16) + vals[3]
    }

    fn g_degree(&self) -> usize {
        1
    }
}
