//! MULHU: the high word of the 64-bit unsigned product `x * y` (formed outside the lookup):
//! chunks 0, 1 kept, the low word (chunks 2, 3) truncated.

use crate::subtables::{Identity, Zero};
use crate::{ChunkPositions, Fr, IndexPacking, Instruction, Subtable};

/// The MULHU table.
#[derive(Clone, Copy, Debug, Default)]
pub struct Mulhu;

impl Instruction for Mulhu {
    fn name(&self) -> &'static str {
        "MULHU"
    }

    fn lookup_entry(&self, x: u32, y: u32) -> u32 {
        ((u64::from(x) * u64::from(y)) >> 32) as u32
    }

    fn packing(&self) -> IndexPacking {
        IndexPacking::Product
    }

    fn subtables(&self) -> Vec<(Box<dyn Subtable>, ChunkPositions)> {
        vec![
            (Box::new(Identity), ChunkPositions::range(0..2)),
            (Box::new(Zero), ChunkPositions::range(2..4)),
        ]
    }

    /// `vals = [chunk 0, chunk 1, 0, 0]`.
    fn combine_lookups(&self, vals: &[Fr]) -> Fr {
        vals[0] * Fr::from(1u64 << 16) + vals[1]
    }

    fn g_degree(&self) -> usize {
        1
    }
}
