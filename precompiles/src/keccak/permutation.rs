//! Keccak-f\[1600\] on the bit-interleaved state, and the Keccak-256 / SHA3-256 sponges.

use super::guest::{andn, even, rotl_xor, zip};
use super::to_interleaved;

/// Bytes absorbed per permutation by a sponge of capacity 512 (Keccak-256, SHA3-256).
const RATE: usize = 136;

/// Iota's round constants.
const RC: [u64; 24] = [
    0x0000_0000_0000_0001,
    0x0000_0000_0000_8082,
    0x8000_0000_0000_808a,
    0x8000_0000_8000_8000,
    0x0000_0000_0000_808b,
    0x0000_0000_8000_0001,
    0x8000_0000_8000_8081,
    0x8000_0000_0000_8009,
    0x0000_0000_0000_008a,
    0x0000_0000_0000_0088,
    0x0000_0000_8000_8009,
    0x0000_0000_8000_000a,
    0x0000_0000_8000_808b,
    0x8000_0000_0000_008b,
    0x8000_0000_0000_8089,
    0x8000_0000_0000_8003,
    0x8000_0000_0000_8002,
    0x8000_0000_0000_0080,
    0x0000_0000_0000_800a,
    0x8000_0000_8000_000a,
    0x8000_0000_8000_8081,
    0x8000_0000_0000_8080,
    0x0000_0000_8000_0001,
    0x8000_0000_8000_8008,
];

/// [`RC`] in the interleaved form.
pub(super) const ROUND_CONSTANTS: [[u32; 2]; 24] = {
    let mut out = [[0; 2]; 24];
    let mut i = 0;
    while i < 24 {
        out[i] = to_interleaved(RC[i]);
        i += 1;
    }
    out
};

/// Keccak-f\[1600\] on the interleaved state: lane `x + 5y` is words `2(x + 5y)` (its even bits)
/// and `2(x + 5y) + 1` (its odd bits); see [`super::to_interleaved`].
pub fn keccak_f(state: &mut [u32; 50]) {
    let mut scratch = [0u32; SCRATCH_WORDS];
    scratch[..50].copy_from_slice(state);
    permute(&mut scratch);
    state.copy_from_slice(&scratch[..50]);
}

/// Words of the permutation's working memory: the state (`[0, 50)`), the other state buffer
/// of the rounds (`[50, 100)`) and the column parities of the state a round reads (from
/// [`PARITY`]).
pub(super) const SCRATCH_WORDS: usize = 110;
/// Where the column parities start: word `PARITY + 2x + h` is the XOR of half `h` of the five
/// lanes of column `x`.
pub(super) const PARITY: usize = 100;

/// Keccak-f\[1600\] on the interleaved state in `scratch[..50]`.
fn permute(scratch: &mut [u32; SCRATCH_WORDS]) {
    for i in 0..10 {
        scratch[PARITY + i] = (0..5).fold(0, |acc, y| acc ^ scratch[i + 10 * y]);
    }
    #[cfg(target_arch = "riscv32")]
    super::rv32::permute(scratch);
    #[cfg(not(target_arch = "riscv32"))]
    permute_rust(scratch);
}

/// [`permute`] in Rust over the lane instructions: what the RV32 assembly computes, in the
/// same order, and the permutation everywhere else.
#[cfg(not(target_arch = "riscv32"))]
fn permute_rust(scratch: &mut [u32; SCRATCH_WORDS]) {
    let (state, rest) = scratch.split_at_mut(50);
    let (other, parity) = rest.split_at_mut(50);
    let state: &mut [u32; 50] = state.try_into().expect("50 words");
    let other: &mut [u32; 50] = other.try_into().expect("50 words");
    let parity: &mut [u32; 10] = parity.try_into().expect("10 words");
    for rc in ROUND_CONSTANTS.chunks_exact(2) {
        round(state, other, parity, rc[0]);
        round(other, state, parity, rc[1]);
    }
}

/// One round from `a` into `o`; `c` holds the column parities of `a` (words `2x`, `2x + 1`)
/// and receives those of `o`. Each half of chi's rows depends only on the same half of the
/// rotated lanes, so the even halves are done first, then the odd ones.
#[cfg(not(target_arch = "riscv32"))]
#[inline(always)]
fn round(a: &[u32; 50], o: &mut [u32; 50], c: &mut [u32; 10], rc: [u32; 2]) {
    // Theta: D[x] = C[x-1] ^ rotl64(C[x+1], 1) from the column parities C[x] (words 2x, 2x + 1).
    let d0 = c[8] ^ rotl_xor::<1>(c[3], 0);
    let d1 = c[9] ^ c[2];
    let d2 = c[0] ^ rotl_xor::<1>(c[5], 0);
    let d3 = c[1] ^ c[4];
    let d4 = c[2] ^ rotl_xor::<1>(c[7], 0);
    let d5 = c[3] ^ c[6];
    let d6 = c[4] ^ rotl_xor::<1>(c[9], 0);
    let d7 = c[5] ^ c[8];
    let d8 = c[6] ^ rotl_xor::<1>(c[1], 0);
    let d9 = c[7] ^ c[0];
    // Rho and pi (B[y, 2x + 3y] = rotl64(A[x, y] ^ D[x], r[x, y])), chi and iota row by row,
    // summing the new column parities on the way.
    // The even halves.
    let b0 = a[0] ^ d0;
    let b1 = rotl_xor::<22>(a[12], d2);
    let b2 = rotl_xor::<22>(a[25], d5);
    let b3 = rotl_xor::<11>(a[37], d7);
    let b4 = rotl_xor::<7>(a[48], d8);
    let t0 = b0 ^ andn(b1, b2) ^ rc[0];
    let t1 = b1 ^ andn(b2, b3);
    let t2 = b2 ^ andn(b3, b4);
    let t3 = b3 ^ andn(b4, b0);
    let t4 = b4 ^ andn(b0, b1);
    o[0] = t0;
    o[2] = t1;
    o[4] = t2;
    o[6] = t3;
    o[8] = t4;
    let mut p0 = t0;
    let mut p1 = t1;
    let mut p2 = t2;
    let mut p3 = t3;
    let mut p4 = t4;
    let b0 = rotl_xor::<14>(a[6], d6);
    let b1 = rotl_xor::<10>(a[18], d8);
    let b2 = rotl_xor::<2>(a[21], d1);
    let b3 = rotl_xor::<23>(a[33], d3);
    let b4 = rotl_xor::<31>(a[45], d5);
    let t0 = b0 ^ andn(b1, b2);
    let t1 = b1 ^ andn(b2, b3);
    let t2 = b2 ^ andn(b3, b4);
    let t3 = b3 ^ andn(b4, b0);
    let t4 = b4 ^ andn(b0, b1);
    o[10] = t0;
    o[12] = t1;
    o[14] = t2;
    o[16] = t3;
    o[18] = t4;
    p0 ^= t0;
    p1 ^= t1;
    p2 ^= t2;
    p3 ^= t3;
    p4 ^= t4;
    let b0 = rotl_xor::<1>(a[3], d3);
    let b1 = rotl_xor::<3>(a[14], d4);
    let b2 = rotl_xor::<13>(a[27], d7);
    let b3 = rotl_xor::<4>(a[38], d8);
    let b4 = rotl_xor::<9>(a[40], d0);
    let t0 = b0 ^ andn(b1, b2);
    let t1 = b1 ^ andn(b2, b3);
    let t2 = b2 ^ andn(b3, b4);
    let t3 = b3 ^ andn(b4, b0);
    let t4 = b4 ^ andn(b0, b1);
    o[20] = t0;
    o[22] = t1;
    o[24] = t2;
    o[26] = t3;
    o[28] = t4;
    p0 ^= t0;
    p1 ^= t1;
    p2 ^= t2;
    p3 ^= t3;
    p4 ^= t4;
    let b0 = rotl_xor::<14>(a[9], d9);
    let b1 = rotl_xor::<18>(a[10], d0);
    let b2 = rotl_xor::<5>(a[22], d2);
    let b3 = rotl_xor::<8>(a[35], d5);
    let b4 = rotl_xor::<28>(a[46], d6);
    let t0 = b0 ^ andn(b1, b2);
    let t1 = b1 ^ andn(b2, b3);
    let t2 = b2 ^ andn(b3, b4);
    let t3 = b3 ^ andn(b4, b0);
    let t4 = b4 ^ andn(b0, b1);
    o[30] = t0;
    o[32] = t1;
    o[34] = t2;
    o[36] = t3;
    o[38] = t4;
    p0 ^= t0;
    p1 ^= t1;
    p2 ^= t2;
    p3 ^= t3;
    p4 ^= t4;
    let b0 = rotl_xor::<31>(a[4], d4);
    let b1 = rotl_xor::<28>(a[17], d7);
    let b2 = rotl_xor::<20>(a[29], d9);
    let b3 = rotl_xor::<21>(a[31], d1);
    let b4 = rotl_xor::<1>(a[42], d2);
    let t0 = b0 ^ andn(b1, b2);
    let t1 = b1 ^ andn(b2, b3);
    let t2 = b2 ^ andn(b3, b4);
    let t3 = b3 ^ andn(b4, b0);
    let t4 = b4 ^ andn(b0, b1);
    o[40] = t0;
    o[42] = t1;
    o[44] = t2;
    o[46] = t3;
    o[48] = t4;
    p0 ^= t0;
    p1 ^= t1;
    p2 ^= t2;
    p3 ^= t3;
    p4 ^= t4;
    c[0] = p0;
    c[2] = p1;
    c[4] = p2;
    c[6] = p3;
    c[8] = p4;
    // The odd halves.
    let b0 = a[1] ^ d1;
    let b1 = rotl_xor::<22>(a[13], d3);
    let b2 = rotl_xor::<21>(a[24], d4);
    let b3 = rotl_xor::<10>(a[36], d6);
    let b4 = rotl_xor::<7>(a[49], d9);
    let t0 = b0 ^ andn(b1, b2) ^ rc[1];
    let t1 = b1 ^ andn(b2, b3);
    let t2 = b2 ^ andn(b3, b4);
    let t3 = b3 ^ andn(b4, b0);
    let t4 = b4 ^ andn(b0, b1);
    o[1] = t0;
    o[3] = t1;
    o[5] = t2;
    o[7] = t3;
    o[9] = t4;
    let mut p0 = t0;
    let mut p1 = t1;
    let mut p2 = t2;
    let mut p3 = t3;
    let mut p4 = t4;
    let b0 = rotl_xor::<14>(a[7], d7);
    let b1 = rotl_xor::<10>(a[19], d9);
    let b2 = rotl_xor::<1>(a[20], d0);
    let b3 = rotl_xor::<22>(a[32], d2);
    let b4 = rotl_xor::<30>(a[44], d4);
    let t0 = b0 ^ andn(b1, b2);
    let t1 = b1 ^ andn(b2, b3);
    let t2 = b2 ^ andn(b3, b4);
    let t3 = b3 ^ andn(b4, b0);
    let t4 = b4 ^ andn(b0, b1);
    o[11] = t0;
    o[13] = t1;
    o[15] = t2;
    o[17] = t3;
    o[19] = t4;
    p0 ^= t0;
    p1 ^= t1;
    p2 ^= t2;
    p3 ^= t3;
    p4 ^= t4;
    let b0 = a[2] ^ d2;
    let b1 = rotl_xor::<3>(a[15], d5);
    let b2 = rotl_xor::<12>(a[26], d6);
    let b3 = rotl_xor::<4>(a[39], d9);
    let b4 = rotl_xor::<9>(a[41], d1);
    let t0 = b0 ^ andn(b1, b2);
    let t1 = b1 ^ andn(b2, b3);
    let t2 = b2 ^ andn(b3, b4);
    let t3 = b3 ^ andn(b4, b0);
    let t4 = b4 ^ andn(b0, b1);
    o[21] = t0;
    o[23] = t1;
    o[25] = t2;
    o[27] = t3;
    o[29] = t4;
    p0 ^= t0;
    p1 ^= t1;
    p2 ^= t2;
    p3 ^= t3;
    p4 ^= t4;
    let b0 = rotl_xor::<13>(a[8], d8);
    let b1 = rotl_xor::<18>(a[11], d1);
    let b2 = rotl_xor::<5>(a[23], d3);
    let b3 = rotl_xor::<7>(a[34], d4);
    let b4 = rotl_xor::<28>(a[47], d7);
    let t0 = b0 ^ andn(b1, b2);
    let t1 = b1 ^ andn(b2, b3);
    let t2 = b2 ^ andn(b3, b4);
    let t3 = b3 ^ andn(b4, b0);
    let t4 = b4 ^ andn(b0, b1);
    o[31] = t0;
    o[33] = t1;
    o[35] = t2;
    o[37] = t3;
    o[39] = t4;
    p0 ^= t0;
    p1 ^= t1;
    p2 ^= t2;
    p3 ^= t3;
    p4 ^= t4;
    let b0 = rotl_xor::<31>(a[5], d5);
    let b1 = rotl_xor::<27>(a[16], d6);
    let b2 = rotl_xor::<19>(a[28], d8);
    let b3 = rotl_xor::<20>(a[30], d0);
    let b4 = rotl_xor::<1>(a[43], d3);
    let t0 = b0 ^ andn(b1, b2);
    let t1 = b1 ^ andn(b2, b3);
    let t2 = b2 ^ andn(b3, b4);
    let t3 = b3 ^ andn(b4, b0);
    let t4 = b4 ^ andn(b0, b1);
    o[41] = t0;
    o[43] = t1;
    o[45] = t2;
    o[47] = t3;
    o[49] = t4;
    p0 ^= t0;
    p1 ^= t1;
    p2 ^= t2;
    p3 ^= t3;
    p4 ^= t4;
    c[1] = p0;
    c[3] = p1;
    c[5] = p2;
    c[7] = p3;
    c[9] = p4;
}

/// Keccak-256 (the original Keccak padding, as Ethereum uses) of `data`.
pub fn keccak256(data: &[u8]) -> [u8; 32] {
    sponge(data, 0x01)
}

/// SHA3-256 (FIPS 202) of `data`.
pub fn sha3_256(data: &[u8]) -> [u8; 32] {
    sponge(data, 0x06)
}

/// The sponge of rate [`RATE`] with domain-separation byte `pad`, squeezing 32 bytes.
fn sponge(data: &[u8], pad: u8) -> [u8; 32] {
    let mut state = [0u32; SCRATCH_WORDS];
    let full = data.len() / RATE * RATE;
    // SAFETY: every bit pattern is a valid `u32`; `align_to` gives the aligned middle part.
    let (head, aligned, _) = unsafe { data[..full].align_to::<u32>() };
    if head.is_empty() {
        for block in aligned.chunks_exact(RATE / 4) {
            absorb(&mut state, |i| u32::from_le(block[i]));
            permute(&mut state);
        }
    } else {
        for block in data[..full].chunks_exact(RATE) {
            absorb(&mut state, |i| {
                u32::from_le_bytes([
                    block[4 * i],
                    block[4 * i + 1],
                    block[4 * i + 2],
                    block[4 * i + 3],
                ])
            });
            permute(&mut state);
        }
    }
    let rest = &data[full..];
    let mut last = [0u32; RATE / 4];
    let whole = rest.len() / 4;
    // SAFETY: as above.
    let (head, aligned, _) = unsafe { rest[..4 * whole].align_to::<u32>() };
    for (i, w) in last[..whole].iter_mut().enumerate() {
        *w = if head.is_empty() {
            u32::from_le(aligned[i])
        } else {
            u32::from_le_bytes([
                rest[4 * i],
                rest[4 * i + 1],
                rest[4 * i + 2],
                rest[4 * i + 3],
            ])
        };
    }
    for (j, &byte) in rest[4 * whole..].iter().enumerate() {
        last[whole] |= u32::from(byte) << (8 * j);
    }
    last[whole] ^= u32::from(pad) << (8 * (rest.len() % 4));
    last[RATE / 4 - 1] ^= 0x80 << 24;
    absorb(&mut state, |i| last[i]);
    permute(&mut state);
    let mut out = [0u8; 32];
    for (lane, bytes) in out.chunks_exact_mut(8).enumerate() {
        let (e, o) = (state[2 * lane], state[2 * lane + 1]);
        bytes[..4].copy_from_slice(&zip(e & 0xffff | o << 16).to_le_bytes());
        bytes[4..].copy_from_slice(&zip(e >> 16 | o & 0xffff_0000).to_le_bytes());
    }
    out
}

/// XORs a block of [`RATE`] bytes (`word(i)` its little-endian word `i`) into the rate lanes of
/// the state in `scratch`.
#[inline(always)]
fn absorb(scratch: &mut [u32; SCRATCH_WORDS], word: impl Fn(usize) -> u32) {
    for lane in 0..RATE / 8 {
        let (lo, hi) = (word(2 * lane), word(2 * lane + 1));
        let (e, o) = (even(lo, hi), even(lo >> 1, hi >> 1));
        scratch[2 * lane] ^= e;
        scratch[2 * lane + 1] ^= o;
    }
}
