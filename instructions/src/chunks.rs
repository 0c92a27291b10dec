//! Splitting a lookup index into its [`C`] chunks of [`LOG_M`] bits, chunk 0 most significant.
//!
//! Three layouts are used (see [`crate::IndexPacking`] for which table uses which):
//! - [`interleave`]`(x, y)`: chunk i is byte i of x, then byte i of y (bytes counted from the most
//!   significant); bitwise and comparison tables.
//! - [`split`]`(z)`: the 64-bit value z cut into 16-bit pieces; tables whose index is a sum,
//!   difference or product formed outside the lookup.
//! - [`shift_chunks`]`(x, y)`: chunk i is byte i of x, then the low byte of y; shifts, so that
//!   every chunk sees the shift amount.

use core::ops::Range;

use crate::{C, LOG_M};

/// Which of the [`C`] chunks of an index a subtable is applied to (bit i set: chunk i).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChunkPositions(u8);

impl ChunkPositions {
    /// Every chunk.
    pub fn all() -> Self {
        Self::range(0..C)
    }

    /// The chunks in `r`. Panics if `r` reaches past chunk `C - 1`.
    pub fn range(r: Range<usize>) -> Self {
        assert!(r.end <= C, "chunk range {r:?} past C = {C}");
        Self(r.fold(0, |mask, i| mask | 1 << i))
    }

    /// Chunk `i` alone. Panics if `i >= C`.
    pub fn single(i: usize) -> Self {
        Self::range(i..i + 1)
    }

    /// The chosen chunks, ascending.
    pub fn iter(self) -> impl Iterator<Item = usize> {
        (0..C).filter(move |&i| self.contains(i))
    }

    /// Whether chunk `i` is chosen.
    pub fn contains(self, i: usize) -> bool {
        i < C && self.0 >> i & 1 == 1
    }

    /// How many chunks are chosen.
    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// Whether no chunk is chosen.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

/// Byte `i` of `w`, counted from the most significant (byte 0 is bits 31..24).
#[inline]
fn byte(w: u32, i: usize) -> usize {
    (w >> (8 * (C - 1 - i)) & 0xff) as usize
}

/// Chunk i is `(byte i of x) << 8 | (byte i of y)`, bytes counted from the most significant.
#[inline]
pub fn interleave(x: u32, y: u32) -> [usize; C] {
    core::array::from_fn(|i| byte(x, i) << 8 | byte(y, i))
}

/// Chunk i is `(byte i of x) << 8 | (y & 0xff)`: every chunk carries the low byte of y, whose low
/// 5 bits are the shift amount.
#[inline]
pub fn shift_chunks(x: u32, y: u32) -> [usize; C] {
    core::array::from_fn(|i| byte(x, i) << 8 | (y & 0xff) as usize)
}

/// `z` cut into [`C`] chunks of [`LOG_M`] bits, chunk 0 most significant.
#[inline]
pub fn split(z: u64) -> [usize; C] {
    core::array::from_fn(|i| (z >> (LOG_M * (C - 1 - i)) & ((1 << LOG_M) - 1)) as usize)
}
