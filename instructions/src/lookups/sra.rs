//! SRA: `x >> (y & 31)` (arithmetic): the logical shift (`srl_i` on every chunk) plus the sign
//! fill (`sra_sign` on chunk 0, which holds x's sign bit). Also serves SRAI.

use super::srl::srl_subtables;
use crate::subtables::SraSign;
use crate::{ChunkPositions, Fr, IndexPacking, Instruction, Subtable};

/// The SRA table.
#[derive(Clone, Copy, Debug, Default)]
pub struct Sra;

impl Instruction for Sra {
    fn name(&self) -> &'static str {
        "SRA"
    }

    fn lookup_entry(&self, x: u32, y: u32) -> u32 {
        (x as i32).wrapping_shr(y) as u32
    }

    fn packing(&self) -> IndexPacking {
        IndexPacking::Shift
    }

    fn subtables(&self) -> Vec<(Box<dyn Subtable>, ChunkPositions)> {
        let mut subtables = srl_subtables();
        subtables.push((Box::new(SraSign), ChunkPositions::single(0)));
        subtables
    }

    /// `vals = [srl_0, srl_1, srl_2, srl_3, sra_sign]`.
    fn combine_lookups(&self, vals: &[Fr]) -> Fr {
        vals.iter().sum()
    }

    fn g_degree(&self) -> usize {
        1
    }
}
