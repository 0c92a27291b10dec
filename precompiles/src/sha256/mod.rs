//! SHA-256 with three families of user-defined instructions (`funct3 = 1`), each one lookup:
//!
//! | instruction | `rd :=` | `funct7` |
//! |---|---|---|
//! | `XORROTR k`, k ∈ {2, 4, 7, 9, 11, 13, 14} | `rotr(rs1 ^ rs2, k)` | `k` |
//! | `ROTRSHR k`, k ∈ {3, 10} | `rotr(rs1, k) ^ (rs2 >> k)` | `32 + k` |
//! | `BSWAP` | `swap_bytes(rs1 ^ rs2)` | `64` |
//!
//! A 3-input XOR of rotations of one word is not local to the chunks of a lookup, but a chain
//! of three of these instructions is (`rotr(x, k)` is `XORROTR k` with `rs2 = x0`):
//! ```text
//! Σ0(x) = XORROTR2(x, XORROTR11(x, rotr(x, 9)))    = rotr(x, 2) ^ rotr(x, 13) ^ rotr(x, 22)
//! Σ1(x) = XORROTR11(x, XORROTR14(x, rotr(x, 13)))  = rotr(x, 6) ^ rotr(x, 11) ^ rotr(x, 25)
//! σ0(x) = ROTRSHR3(XORROTR4(x, rotr(x, 11)), x)    = rotr(x, 7) ^ rotr(x, 18) ^ (x >> 3)
//! σ1(x) = ROTRSHR10(XORROTR7(x, rotr(x, 2)), x)    = rotr(x, 17) ^ rotr(x, 19) ^ (x >> 10)
//! ```
//! (rotations add up along a chain: `XORROTR c(x, XORROTR b(x, rotr(x, a)))` is
//! `rotr(x, c) ^ rotr(x, b + c) ^ rotr(x, a + b + c)`; the amounts were chosen so that the
//! instructions share as many subtables as possible). `BSWAP` turns a little-endian word load
//! into a big-endian message word. Ch and Maj stay plain RV32 code (three operations each, see
//! [`compress::compress_words`]).
//!
//! # The lookups
//! Every table is [`Interleaved`](jolt_instructions::IndexPacking::Interleaved): chunk `i`
//! (0 most significant) is `(a, b)` = (byte `3 − i` of `rs1`, byte `3 − i` of `rs2`), byte `n`
//! counted from the least significant and covering bits `8n .. 8n + 8`. The subtables:
//! - `xor` (the built-in one: `a ^ b`), on every chunk;
//! - `xor_high_m` = `(a ^ b) >> m` (shared with Keccak, [`crate::byte_tables`]), for `1 ≤ m ≤ 7`;
//! - `sha256_shr_wrap_m` = `(a mod 2^m) · 2^(32 − m) + ((a ^ b) >> m)`, for `m ∈ {2, 3}`;
//! - `sha256_left` = `a`.
//!
//! The collation `g` is linear (degree 1): a sum of subtable values times constants. For
//! `XORROTR k` with `k = 8q + m`, byte `n ≠ q` moves whole, to bit `(8n − k) mod 32`:
//! `xor · 2^((8n − k) mod 32)`. Byte `q` (when `m > 0`) splits: its low `m` bits go to the top,
//! its high bits to bit 0. With `v = xor = lo + 2^m · hi` and `hi = xor_high_m`,
//! `v · 2^(32 − m) − hi · (2^32 − 1) = lo · 2^(32 − m) + hi`, exactly (the field is far larger
//! than 2^64), so only `hi` needs a subtable of its own, at one chunk. `ROTRSHR k` is
//! `rotr(rs1 ^ (rs2 with its low k bits cleared), k)`: the same for bytes `n > q`; bytes `n < q`
//! read `left` (`rs1`'s byte alone); byte `q` reads `shr_wrap_m`, both pieces in place.
//! `BSWAP` places each chunk's `xor` at the mirrored byte.
//!
//! New memories (subtable, chunk) beyond the built-in tables' (chunk 0 most significant):
//! `xor_high_2`@3, `xor_high_4`@3, `xor_high_7`@3 (k = 2, 4, 7); `xor_high_1`@2,
//! `xor_high_3`@2, `xor_high_5`@2, `xor_high_6`@2 (k = 9, 11, 13, 14); `shr_wrap_3`@3
//! (`ROTRSHR 3`); `left`@3 and `shr_wrap_2`@2 (`ROTRSHR 10`): **10**, next to the built-in
//! tables' 55. The chains above are the ones with the fewest distinct `(m, q)` among all
//! orders of the rotation amounts.
//!
//! # Soundness obligations
//! Those of [`jolt_instructions::Instruction`], tested in `precompiles/tests/sha256.rs` with
//! [`jolt_instructions::check`]: each subtable's MLE equals its table on the whole hypercube,
//! every chunk is read (every table reads `xor`, `left` or `shr_wrap_m` at each chunk), `g` of
//! the subtable values equals the reference function ([`ops`]) on edge and random operands, and
//! the registration ([`EXTENSIONS`]) is accepted next to the built-in tables (the names are
//! identities: `xor` is the built-in subtable itself). As for every `Interleaved` table, the
//! constraint system pins each chunk's two bytes to the operands.
//!
//! # Cost
//! A compression takes 1,866 cycles with the instructions (from words; 1,882 from an aligned
//! 64-byte block, words loaded and byte-swapped), against 4,389 for the `sha2` crate's plain
//! RV32IM code: per round 21 (6 for Σ0 and Σ1, 6 for Ch and Maj, 7 additions, 2 loads), per
//! scheduled word 12 more (6 for σ0 and σ1, 3 additions, loads and stores). SHA-256 of 1,024
//! bytes (17 compressions) in the `sha2` example guest, the argument decoded in one block:
//! 36,161 cycles for the whole run against 78,861 with the `sha2` crate (2.18x fewer). Decoded
//! as a `Vec<u8>`, byte by byte, the argument alone costs 26,450 cycles.

pub mod compress;
pub mod ops;
#[cfg(feature = "host")]
mod tables;

pub use compress::{big_sigma0, big_sigma1, small_sigma0, small_sigma1};
use compress::{compress, compress_words, load_words};
#[cfg(feature = "host")]
pub use tables::{Left, Sha256Op, ShrWrap, XorHigh, EXTENSIONS};

/// The initial hash value.
const H0: [u32; 8] = [
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
];

/// A block buffer, word-aligned so that [`compress::compress`] reads it with word loads.
#[derive(Clone, Debug)]
#[repr(align(4))]
struct Block([u8; 64]);

/// An incremental SHA-256 hasher on the instructions.
#[derive(Clone, Debug)]
pub struct Sha256 {
    state: [u32; 8],
    /// The bytes of an incomplete block.
    buffer: Block,
    /// How many bytes of `buffer` are filled (below 64).
    buffered: usize,
    /// The message length so far, in bytes.
    length: u64,
}

impl Default for Sha256 {
    fn default() -> Self {
        Self::new()
    }
}

impl Sha256 {
    /// A hasher of the empty message.
    pub fn new() -> Self {
        Self {
            state: H0,
            buffer: Block([0; 64]),
            buffered: 0,
            length: 0,
        }
    }

    /// Appends `data` to the message. Whole blocks are compressed straight from `data`.
    pub fn update(&mut self, mut data: &[u8]) {
        self.length = self.length.wrapping_add(data.len() as u64);
        if self.buffered > 0 {
            let take = data.len().min(64 - self.buffered);
            self.buffer.0[self.buffered..self.buffered + take].copy_from_slice(&data[..take]);
            self.buffered += take;
            data = &data[take..];
            if self.buffered < 64 {
                return;
            }
            compress(&mut self.state, &self.buffer.0);
            self.buffered = 0;
        }
        let mut blocks = data.chunks_exact(64);
        for block in &mut blocks {
            compress(
                &mut self.state,
                block.try_into().expect("chunks_exact(64) gives 64 bytes"),
            );
        }
        let rest = blocks.remainder();
        self.buffer.0[..rest.len()].copy_from_slice(rest);
        self.buffered = rest.len();
    }

    /// The digest of the message.
    pub fn finalize(mut self) -> [u8; 32] {
        let tail = &self.buffer.0[..self.buffered];
        finish(&mut self.state, tail, self.length)
    }
}

/// Pads the message's last `tail.len() < 64` bytes (`0x80`, zeros, the bit length `8 · length`
/// big-endian), compresses the last one or two blocks, and returns the digest.
fn finish(state: &mut [u32; 8], tail: &[u8], length: u64) -> [u8; 32] {
    let whole = tail.len() / 4;
    let rest = &tail[4 * whole..];
    let mut last = 0x80 << (24 - 8 * rest.len());
    for (i, &byte) in rest.iter().enumerate() {
        last |= u32::from(byte) << (24 - 8 * i);
    }
    let mut w = [0u32; 16];
    load_words(&tail[..4 * whole], &mut w[..whole]);
    w[whole] = last;
    if whole >= 14 {
        compress_words(state, &w);
        w = [0; 16];
    }
    let bits = length.wrapping_mul(8);
    w[14] = (bits >> 32) as u32;
    w[15] = bits as u32;
    compress_words(state, &w);
    let mut out = [0; 32];
    for (bytes, word) in out.chunks_exact_mut(4).zip(*state) {
        bytes.copy_from_slice(&word.to_be_bytes());
    }
    out
}

/// SHA-256 of `data`.
pub fn digest(data: &[u8]) -> [u8; 32] {
    let mut state = H0;
    let mut blocks = data.chunks_exact(64);
    for block in &mut blocks {
        compress(
            &mut state,
            block.try_into().expect("chunks_exact(64) gives 64 bytes"),
        );
    }
    finish(&mut state, blocks.remainder(), data.len() as u64)
}
