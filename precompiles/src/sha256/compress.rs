//! The SHA-256 compression function on the instructions of [`super::ops`], fully unrolled.
//!
//! Each Σ/σ function is a chain of three instructions (see the module doc of [`super`]); Ch and
//! Maj use plain RV32 operations: `Ch(e, f, g) = g ^ (e & (f ^ g))` and
//! `Maj(a, b, c) = b ^ ((a ^ b) & (b ^ c))`, where `b ^ c` is the previous round's `a ^ b`, so
//! the compiler computes it once. The 64 rounds are unrolled with the working variables renamed
//! instead of moved, and the message schedule is computed in a ring of 16 words just before
//! the round that consumes it.

use super::ops::{
    byte_swap, rotr11, rotr13, rotr2, rotr9, rotrshr10, rotrshr3, xorrotr11, xorrotr14, xorrotr2,
    xorrotr4, xorrotr7,
};

/// The round constants.
const K: [u32; 64] = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

/// `Σ0(x) = rotr(x, 2) ^ rotr(x, 13) ^ rotr(x, 22)`: three instructions.
#[inline(always)]
pub fn big_sigma0(x: u32) -> u32 {
    xorrotr2(x, xorrotr11(x, rotr9(x)))
}

/// `Σ1(x) = rotr(x, 6) ^ rotr(x, 11) ^ rotr(x, 25)`: three instructions.
#[inline(always)]
pub fn big_sigma1(x: u32) -> u32 {
    xorrotr11(x, xorrotr14(x, rotr13(x)))
}

/// `σ0(x) = rotr(x, 7) ^ rotr(x, 18) ^ (x >> 3)`: three instructions.
#[inline(always)]
pub fn small_sigma0(x: u32) -> u32 {
    rotrshr3(xorrotr4(x, rotr11(x)), x)
}

/// `σ1(x) = rotr(x, 17) ^ rotr(x, 19) ^ (x >> 10)`: three instructions.
#[inline(always)]
pub fn small_sigma1(x: u32) -> u32 {
    rotrshr10(xorrotr7(x, rotr2(x)), x)
}

/// One round on the working variables named in their current roles; updates `d` and `h`
/// (which become the next round's `e` and `a`).
macro_rules! round {
    ($k:expr, $w:expr;
     $a:ident, $b:ident, $c:ident, $d:ident, $e:ident, $f:ident, $g:ident, $h:ident) => {
        let ch = $g ^ ($e & ($f ^ $g));
        let maj = $b ^ (($a ^ $b) & ($b ^ $c));
        let t1 = $h
            .wrapping_add(big_sigma1($e))
            .wrapping_add(ch)
            .wrapping_add($k)
            .wrapping_add($w);
        let t2 = big_sigma0($a).wrapping_add(maj);
        $d = $d.wrapping_add(t1);
        $h = t1.wrapping_add(t2);
    };
}

/// Eight rounds starting at round `$t` (a multiple of 8), with `$w` giving each round's word.
macro_rules! eight_rounds {
    ($k:ident, $w:ident, $t:expr, $next:ident;
     $a:ident, $b:ident, $c:ident, $d:ident, $e:ident, $f:ident, $g:ident, $h:ident) => {
        round!($k[$t], $next!($w, $t); $a, $b, $c, $d, $e, $f, $g, $h);
        round!($k[$t + 1], $next!($w, $t + 1); $h, $a, $b, $c, $d, $e, $f, $g);
        round!($k[$t + 2], $next!($w, $t + 2); $g, $h, $a, $b, $c, $d, $e, $f);
        round!($k[$t + 3], $next!($w, $t + 3); $f, $g, $h, $a, $b, $c, $d, $e);
        round!($k[$t + 4], $next!($w, $t + 4); $e, $f, $g, $h, $a, $b, $c, $d);
        round!($k[$t + 5], $next!($w, $t + 5); $d, $e, $f, $g, $h, $a, $b, $c);
        round!($k[$t + 6], $next!($w, $t + 6); $c, $d, $e, $f, $g, $h, $a, $b);
        round!($k[$t + 7], $next!($w, $t + 7); $b, $c, $d, $e, $f, $g, $h, $a);
    };
}

/// Word `t < 16` of the schedule: the message word itself, also kept in the ring.
macro_rules! message {
    ($w:ident, $t:expr) => {{
        $w.0[$t] = ($w.1)($t);
        $w.0[$t]
    }};
}

/// Word `t >= 16` of the schedule, computed into the ring slot of word `t - 16`.
macro_rules! expand {
    ($w:ident, $t:expr) => {{
        let t = $t % 16;
        let ring = &mut $w.0;
        ring[t] = small_sigma1(ring[(t + 14) % 16])
            .wrapping_add(ring[(t + 9) % 16])
            .wrapping_add(small_sigma0(ring[(t + 1) % 16]))
            .wrapping_add(ring[t]);
        ring[t]
    }};
}

/// Compresses one block into `state`; `word(t)` is its big-endian word `t < 16`.
#[inline(always)]
fn compress_with(state: &mut [u32; 8], word: impl Fn(usize) -> u32) {
    // Through an opaque reference the constants are loaded (one instruction each) rather than
    // built from immediates (two).
    let k: &[u32; 64] = core::hint::black_box(&K);
    // The schedule's ring of 16 words, and where its first 16 words come from.
    let mut w = ([0u32; 16], word);
    let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut h] = *state;
    eight_rounds!(k, w, 0, message; a, b, c, d, e, f, g, h);
    eight_rounds!(k, w, 8, message; a, b, c, d, e, f, g, h);
    eight_rounds!(k, w, 16, expand; a, b, c, d, e, f, g, h);
    eight_rounds!(k, w, 24, expand; a, b, c, d, e, f, g, h);
    eight_rounds!(k, w, 32, expand; a, b, c, d, e, f, g, h);
    eight_rounds!(k, w, 40, expand; a, b, c, d, e, f, g, h);
    eight_rounds!(k, w, 48, expand; a, b, c, d, e, f, g, h);
    eight_rounds!(k, w, 56, expand; a, b, c, d, e, f, g, h);
    for (s, v) in state.iter_mut().zip([a, b, c, d, e, f, g, h]) {
        *s = s.wrapping_add(v);
    }
}

/// Compresses one block, given as its 16 big-endian words, into `state`.
#[inline(never)]
pub fn compress_words(state: &mut [u32; 8], block: &[u32; 16]) {
    compress_with(state, |t| block[t]);
}

/// Compresses the block at `words` into `state`, reading each word with one load and
/// [`byte_swap`].
///
/// # Safety
/// `words` points to 64 readable bytes and is 4-aligned.
#[inline(never)]
unsafe fn compress_aligned(state: &mut [u32; 8], words: *const u32) {
    // SAFETY: the caller guarantees 16 readable, aligned words.
    compress_with(state, |t| byte_swap(unsafe { words.add(t).read() }.to_le()));
}

/// The big-endian words of `bytes` (a multiple of 4 long, at most 64 bytes) into `out`: one
/// load and one instruction per word when `bytes` is word-aligned, byte by byte otherwise.
#[inline(always)]
pub fn load_words(bytes: &[u8], out: &mut [u32]) {
    let words = bytes.as_ptr().cast::<u32>();
    let aligned = words.is_aligned();
    for (i, (slot, chunk)) in out.iter_mut().zip(bytes.chunks_exact(4)).enumerate() {
        *slot = if aligned {
            // SAFETY: word i lies within `bytes` (chunk i is its 4 bytes) and is aligned.
            byte_swap(unsafe { words.add(i).read() }.to_le())
        } else {
            u32::from_be_bytes([chunk[0], chunk[1], chunk[2], chunk[3]])
        };
    }
}

/// Compresses one 64-byte block into `state`. The words are read with aligned word loads and
/// [`byte_swap`] when the block is word-aligned (two instructions per word), byte by byte
/// otherwise.
#[inline(always)]
pub fn compress(state: &mut [u32; 8], block: &[u8; 64]) {
    let words = block.as_ptr().cast::<u32>();
    if words.is_aligned() {
        // SAFETY: the block is 64 bytes long and 4-aligned.
        unsafe { compress_aligned(state, words) }
    } else {
        compress_unaligned(state, block);
    }
}

/// [`compress`] for a block that is not word-aligned: its words assembled byte by byte.
#[inline(never)]
fn compress_unaligned(state: &mut [u32; 8], block: &[u8; 64]) {
    let mut w = [0; 16];
    load_words(block, &mut w);
    compress_words(state, &w);
}
