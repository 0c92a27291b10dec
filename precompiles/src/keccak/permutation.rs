//! Keccak-f[1600] on the bit-interleaved state, and the Keccak-256 / SHA3-256 sponges.

use super::guest::{andn, even, merge_hi, merge_lo, rotl_xor};
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
const ROUND_CONSTANTS: [[u32; 2]; 24] = {
    let mut out = [[0; 2]; 24];
    let mut i = 0;
    while i < 24 {
        out[i] = to_interleaved(RC[i]);
        i += 1;
    }
    out
};

/// Keccak-f[1600] on the interleaved state: lane `x + 5y` is words `2(x + 5y)` (its even bits)
/// and `2(x + 5y) + 1` (its odd bits); see [`super::to_interleaved`].
pub fn keccak_f(state: &mut [u32; 50]) {
    let mut other = [0u32; 50];
    for rc in ROUND_CONSTANTS.chunks_exact(2) {
        round(state, &mut other, rc[0]);
        round(&other, state, rc[1]);
    }
}

/// One round from `a` into `o`. Each half of chi's rows depends only on the same half of the
/// rotated lanes, so the even halves are done first, then the odd ones.
#[inline(always)]
fn round(a: &[u32; 50], o: &mut [u32; 50], rc: [u32; 2]) {
    // Theta: the column parities C[x] (words 2x, 2x + 1) and D[x] = C[x-1] ^ rotl64(C[x+1], 1).
    let c0 = a[0] ^ a[10] ^ a[20] ^ a[30] ^ a[40];
    let c1 = a[1] ^ a[11] ^ a[21] ^ a[31] ^ a[41];
    let c2 = a[2] ^ a[12] ^ a[22] ^ a[32] ^ a[42];
    let c3 = a[3] ^ a[13] ^ a[23] ^ a[33] ^ a[43];
    let c4 = a[4] ^ a[14] ^ a[24] ^ a[34] ^ a[44];
    let c5 = a[5] ^ a[15] ^ a[25] ^ a[35] ^ a[45];
    let c6 = a[6] ^ a[16] ^ a[26] ^ a[36] ^ a[46];
    let c7 = a[7] ^ a[17] ^ a[27] ^ a[37] ^ a[47];
    let c8 = a[8] ^ a[18] ^ a[28] ^ a[38] ^ a[48];
    let c9 = a[9] ^ a[19] ^ a[29] ^ a[39] ^ a[49];
    let d0 = c8 ^ rotl_xor::<1>(c3, 0);
    let d1 = c9 ^ c2;
    let d2 = c0 ^ rotl_xor::<1>(c5, 0);
    let d3 = c1 ^ c4;
    let d4 = c2 ^ rotl_xor::<1>(c7, 0);
    let d5 = c3 ^ c6;
    let d6 = c4 ^ rotl_xor::<1>(c9, 0);
    let d7 = c5 ^ c8;
    let d8 = c6 ^ rotl_xor::<1>(c1, 0);
    let d9 = c7 ^ c0;
    // Rho and pi (B[y, 2x + 3y] = rotl64(A[x, y] ^ D[x], r[x, y])), then chi, row by row.
    // The even halves.
    let b0 = a[0] ^ d0;
    let b1 = rotl_xor::<22>(a[12], d2);
    let b2 = rotl_xor::<22>(a[25], d5);
    let b3 = rotl_xor::<11>(a[37], d7);
    let b4 = rotl_xor::<7>(a[48], d8);
    o[0] = b0 ^ andn(b1, b2);
    o[2] = b1 ^ andn(b2, b3);
    o[4] = b2 ^ andn(b3, b4);
    o[6] = b3 ^ andn(b4, b0);
    o[8] = b4 ^ andn(b0, b1);
    let b0 = rotl_xor::<14>(a[6], d6);
    let b1 = rotl_xor::<10>(a[18], d8);
    let b2 = rotl_xor::<2>(a[21], d1);
    let b3 = rotl_xor::<23>(a[33], d3);
    let b4 = rotl_xor::<31>(a[45], d5);
    o[10] = b0 ^ andn(b1, b2);
    o[12] = b1 ^ andn(b2, b3);
    o[14] = b2 ^ andn(b3, b4);
    o[16] = b3 ^ andn(b4, b0);
    o[18] = b4 ^ andn(b0, b1);
    let b0 = rotl_xor::<1>(a[3], d3);
    let b1 = rotl_xor::<3>(a[14], d4);
    let b2 = rotl_xor::<13>(a[27], d7);
    let b3 = rotl_xor::<4>(a[38], d8);
    let b4 = rotl_xor::<9>(a[40], d0);
    o[20] = b0 ^ andn(b1, b2);
    o[22] = b1 ^ andn(b2, b3);
    o[24] = b2 ^ andn(b3, b4);
    o[26] = b3 ^ andn(b4, b0);
    o[28] = b4 ^ andn(b0, b1);
    let b0 = rotl_xor::<14>(a[9], d9);
    let b1 = rotl_xor::<18>(a[10], d0);
    let b2 = rotl_xor::<5>(a[22], d2);
    let b3 = rotl_xor::<8>(a[35], d5);
    let b4 = rotl_xor::<28>(a[46], d6);
    o[30] = b0 ^ andn(b1, b2);
    o[32] = b1 ^ andn(b2, b3);
    o[34] = b2 ^ andn(b3, b4);
    o[36] = b3 ^ andn(b4, b0);
    o[38] = b4 ^ andn(b0, b1);
    let b0 = rotl_xor::<31>(a[4], d4);
    let b1 = rotl_xor::<28>(a[17], d7);
    let b2 = rotl_xor::<20>(a[29], d9);
    let b3 = rotl_xor::<21>(a[31], d1);
    let b4 = rotl_xor::<1>(a[42], d2);
    o[40] = b0 ^ andn(b1, b2);
    o[42] = b1 ^ andn(b2, b3);
    o[44] = b2 ^ andn(b3, b4);
    o[46] = b3 ^ andn(b4, b0);
    o[48] = b4 ^ andn(b0, b1);
    // The odd halves.
    let b0 = a[1] ^ d1;
    let b1 = rotl_xor::<22>(a[13], d3);
    let b2 = rotl_xor::<21>(a[24], d4);
    let b3 = rotl_xor::<10>(a[36], d6);
    let b4 = rotl_xor::<7>(a[49], d9);
    o[1] = b0 ^ andn(b1, b2);
    o[3] = b1 ^ andn(b2, b3);
    o[5] = b2 ^ andn(b3, b4);
    o[7] = b3 ^ andn(b4, b0);
    o[9] = b4 ^ andn(b0, b1);
    let b0 = rotl_xor::<14>(a[7], d7);
    let b1 = rotl_xor::<10>(a[19], d9);
    let b2 = rotl_xor::<1>(a[20], d0);
    let b3 = rotl_xor::<22>(a[32], d2);
    let b4 = rotl_xor::<30>(a[44], d4);
    o[11] = b0 ^ andn(b1, b2);
    o[13] = b1 ^ andn(b2, b3);
    o[15] = b2 ^ andn(b3, b4);
    o[17] = b3 ^ andn(b4, b0);
    o[19] = b4 ^ andn(b0, b1);
    let b0 = a[2] ^ d2;
    let b1 = rotl_xor::<3>(a[15], d5);
    let b2 = rotl_xor::<12>(a[26], d6);
    let b3 = rotl_xor::<4>(a[39], d9);
    let b4 = rotl_xor::<9>(a[41], d1);
    o[21] = b0 ^ andn(b1, b2);
    o[23] = b1 ^ andn(b2, b3);
    o[25] = b2 ^ andn(b3, b4);
    o[27] = b3 ^ andn(b4, b0);
    o[29] = b4 ^ andn(b0, b1);
    let b0 = rotl_xor::<13>(a[8], d8);
    let b1 = rotl_xor::<18>(a[11], d1);
    let b2 = rotl_xor::<5>(a[23], d3);
    let b3 = rotl_xor::<7>(a[34], d4);
    let b4 = rotl_xor::<28>(a[47], d7);
    o[31] = b0 ^ andn(b1, b2);
    o[33] = b1 ^ andn(b2, b3);
    o[35] = b2 ^ andn(b3, b4);
    o[37] = b3 ^ andn(b4, b0);
    o[39] = b4 ^ andn(b0, b1);
    let b0 = rotl_xor::<31>(a[5], d5);
    let b1 = rotl_xor::<27>(a[16], d6);
    let b2 = rotl_xor::<19>(a[28], d8);
    let b3 = rotl_xor::<20>(a[30], d0);
    let b4 = rotl_xor::<1>(a[43], d3);
    o[41] = b0 ^ andn(b1, b2);
    o[43] = b1 ^ andn(b2, b3);
    o[45] = b2 ^ andn(b3, b4);
    o[47] = b3 ^ andn(b4, b0);
    o[49] = b4 ^ andn(b0, b1);
    o[0] ^= rc[0];
    o[1] ^= rc[1];
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
    let mut state = [0u32; 50];
    let mut blocks = data.chunks_exact(RATE);
    for block in &mut blocks {
        absorb(&mut state, block);
        keccak_f(&mut state);
    }
    let rest = blocks.remainder();
    let mut last = [0u8; RATE];
    last[..rest.len()].copy_from_slice(rest);
    last[rest.len()] ^= pad;
    last[RATE - 1] ^= 0x80;
    absorb(&mut state, &last);
    keccak_f(&mut state);
    let mut out = [0u8; 32];
    for (lane, bytes) in out.chunks_exact_mut(8).enumerate() {
        let (e, o) = (state[2 * lane], state[2 * lane + 1]);
        bytes[..4].copy_from_slice(&merge_lo(e, o).to_le_bytes());
        bytes[4..].copy_from_slice(&merge_hi(e, o).to_le_bytes());
    }
    out
}

/// XORs a block of [`RATE`] bytes into the rate lanes of the state.
#[inline(always)]
fn absorb(state: &mut [u32; 50], block: &[u8]) {
    for (lane, bytes) in block.chunks_exact(8).enumerate() {
        let lo = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
        let hi = u32::from_le_bytes([bytes[4], bytes[5], bytes[6], bytes[7]]);
        state[2 * lane] ^= even(lo, hi);
        state[2 * lane + 1] ^= even(lo >> 1, hi >> 1);
    }
}
