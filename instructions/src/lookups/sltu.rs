//! SLTU: 1 if `x < y` (unsigned) else 0. The first chunk whose bytes differ decides:
//! `Σ_i ltu_i · Π_{j<i} eq_j`. Serves SLTU, SLTIU and BLTU.

use super::lt_chain;
use crate::subtables::{Eq, Ltu};
use crate::{ChunkPositions, Fr, IndexPacking, Instruction, Subtable, C};

/// The SLTU table.
#[derive(Clone, Copy, Debug, Default)]
pub struct Sltu;

impl Instruction for Sltu {
    fn name(&self) -> &'static str {
        "SLTU"
    }

    fn lookup_entry(&self, x: u32, y: u32) -> u32 {
        u32::from(x < y)
    }

    fn packing(&self) -> IndexPacking {
        IndexPacking::Interleaved
    }

    fn subtables(&self) -> Vec<(Box<dyn Subtable>, ChunkPositions)> {
        vec![
            (Box::new(Ltu), ChunkPositions::all()),
            (Box::new(Eq), ChunkPositions::range(0..C - 1)),
        ]
    }

    /// `vals = [ltu_0..ltu_3, eq_0..eq_2]`.
    fn combine_lookups(&self, vals: &[Fr]) -> Fr {
        lt_chain(&vals[..C], &vals[C..])
    }

    fn g_degree(&self) -> usize {
        C
    }
}
