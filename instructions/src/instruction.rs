//! One instruction's lookup table `T[x || y]` and its decomposition into subtables.
//!
//! The index of a query is cut into [`C`] chunks (chunk 0 most significant) as its
//! [`IndexPacking`] says; subtable `s` applied at chunk `i` reads `s[index_i]`, and the collation
//! polynomial `g` ([`Instruction::combine_lookups`]) combines those reads into the table entry.
//!
//! # Soundness obligations
//! Every chunk must be read by at least one subtable (which range-checks it to `< M`), and
//! `g(subtable values at the chunks of the query) = lookup_entry(x, y)` for all operands. The
//! constraint system must tie the chunks to the operands exactly as [`IndexPacking`] says.

use crate::{interleave, shift_chunks, split, ChunkPositions, Fr, Subtable, C};

/// How the chunk indices of a query are formed from its operands x, y: what the constraint
/// system packs and constrains.
///
/// For the split packings (`Word`, `Sum`, `Difference`, `Product`) the chunks are the base-2^16
/// digits of a value below 2^64, so `value = Σ_i chunk_i · 2^(16(C-1-i))` with every chunk
/// range-checked by the lookup pins them. For `Interleaved` and `Shift` it does not: the
/// constraint system must also pin each chunk's two bytes (e.g. pack x and y from byte-sized,
/// range-checked halves of the chunks), since `Σ_i chunk_i · 2^(8(C-1-i)) = 2^8·x + y` alone
/// admits other chunk vectors.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IndexPacking {
    /// [`interleave`]`(x, y)`: chunk i = byte i of x, byte i of y.
    Interleaved,
    /// [`shift_chunks`]`(x, y)`: chunk i = byte i of x, low byte of y. The constraint system must
    /// pin that byte to the low byte of y (the shift amount is y's low 5 bits).
    Shift,
    /// [`split`]`(x)`: x alone (y is not part of the index).
    Word,
    /// [`split`]`(x + y)`: the 33-bit sum.
    Sum,
    /// [`split`]`(x + 2^32 - y)`: the difference, kept non-negative.
    Difference,
    /// [`split`]`(x * y)`: the 64-bit product.
    Product,
}

impl IndexPacking {
    /// The chunk indices of the query (x, y).
    #[inline]
    pub fn indices(self, x: u32, y: u32) -> [usize; C] {
        let (x64, y64) = (u64::from(x), u64::from(y));
        match self {
            IndexPacking::Interleaved => interleave(x, y),
            IndexPacking::Shift => shift_chunks(x, y),
            IndexPacking::Word => split(x64),
            IndexPacking::Sum => split(x64 + y64),
            IndexPacking::Difference => split(x64 + (1 << 32) - y64),
            IndexPacking::Product => split(x64 * y64),
        }
    }
}

/// One instruction's lookup table T[x || y], decomposed into subtables.
pub trait Instruction: Send + Sync + core::fmt::Debug + 'static {
    /// Stable unique name.
    fn name(&self) -> &'static str;
    /// Ground truth: must equal [`crate::alu`]`(opcode, x, y)` for the opcodes using this table.
    fn lookup_entry(&self, x: u32, y: u32) -> u32;
    /// How the chunk indices are formed from the operands.
    fn packing(&self) -> IndexPacking;
    /// The C chunk indices of the query, each < M.
    fn to_indices(&self, x: u32, y: u32) -> [usize; C] {
        self.packing().indices(x, y)
    }
    /// The subtables and the chunks each one reads.
    fn subtables(&self) -> Vec<(Box<dyn Subtable>, ChunkPositions)>;
    /// g: `vals` holds, for each (subtable, positions) of `subtables()` in order and each position
    /// ascending, the subtable's value at that chunk's index. Returns lookup_entry as a field
    /// element.
    fn combine_lookups(&self, vals: &[Fr]) -> Fr;
    /// Total degree of g in `vals`.
    fn g_degree(&self) -> usize;
}
