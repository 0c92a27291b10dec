//! MOVSIGN: `0xffff_ffff` if x is negative (as i32), else 0: the sign bit read from chunk 0
//! (`left_msb`), the other chunks read only to range-check them. Serves `VirtualMovsign`.

use crate::subtables::{LeftMsb, Zero};
use crate::{ChunkPositions, Fr, IndexPacking, Instruction, Subtable, C};

/// The MOVSIGN table.
#[derive(Clone, Copy, Debug, Default)]
pub struct Movsign;

impl Instruction for Movsign {
    fn name(&self) -> &'static str {
        "MOVSIGN"
    }

    fn lookup_entry(&self, x: u32, _y: u32) -> u32 {
        ((x as i32) >> 31) as u32
    }

    fn packing(&self) -> IndexPacking {
        IndexPacking::Interleaved
    }

    fn subtables(&self) -> Vec<(Box<dyn Subtable>, ChunkPositions)> {
        vec![
            (Box::new(LeftMsb), ChunkPositions::single(0)),
            (Box::new(Zero), ChunkPositions::range(1..C)),
        ]
    }

    /// `vals = [sign, 0, 0, 0]`.
    fn combine_lookups(&self, vals: &[Fr]) -> Fr {
        vals[0] * Fr::from(u32::MAX)
    }

    fn g_degree(&self) -> usize {
        1
    }
}
