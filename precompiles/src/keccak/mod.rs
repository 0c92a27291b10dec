//! Keccak-f\[1600\] on RV32 with four lane instructions, and Keccak-256 / SHA3-256 on top.
//!
//! # Representation
//! The permutation keeps its 25 lanes **bit-interleaved**: lane `L` (64 bits) is the two words
//! `even(L)` (its bits 0, 2, …, 62) and `odd(L)` (bits 1, 3, …, 63), stored at `2l` and
//! `2l + 1` of a `[u32; 50]` (lane `l = x + 5y`). A 64-bit rotation is then two 32-bit
//! rotations: by `2t`, each half rotates by `t`; by `2t + 1`, the new even half is the odd half
//! rotated by `t + 1` and the new odd half is the even half rotated by `t`. Theta's `A ^ D` and rho's
//! rotation fuse into one instruction per word, and chi's `a ^ (!b & c)` takes two.
//!
//! # Instructions (custom-0, `funct3 = 2`)
//! | `funct7` | name | `rd :=` |
//! |---|---|---|
//! | `k` ∈ [`ROTATIONS`] | `KECCAK_ROTL_XOR_k` | `rotl32(rs1 ^ rs2, k)` ([`rotl_xor_ref`]) |
//! | 32 | `KECCAK_ANDN` | `!rs1 & rs2` ([`andn_ref`]) |
//! | 33 | `KECCAK_EVEN` | the even bits of `rs1` (low half) and `rs2` (high half) ([`even_ref`]) |
//!
//! Into the interleaved form, a lane `(lo, hi)` (its little-endian words) is
//! `(even(lo, hi), even(lo >> 1, hi >> 1))`: the odd bits are the even bits of the words shifted
//! by one. Out of it, the words are [`zip`]s: `lo = zip(e & 0xffff | o << 16)` and
//! `hi = zip(e >> 16 | o & 0xffff_0000)`, where `zip` (bit `j` of the low half to bit `2j`, of
//! the high half to `2j + 1`) is the inverse of [`unzip`]`(w) = even(w, w >> 1)`. `unzip` is a
//! perfect shuffle of 32 = 2^5 bits, of order 5, so `zip` is four `unzip`s: eight instructions,
//! for the eight words of a digest, without tables of its own. The rotation amounts registered
//! are the 23 that Keccak-f's theta and rho need (the 24 rho offsets, and 1 for theta's `D`);
//! rotation by 0 is the base `xor`.
//!
//! # Lookup decompositions
//! Every table uses [`jolt_instructions::IndexPacking::Interleaved`]: chunk `i` (chunk 0 most
//! significant) is `(a, b)` = (byte `i` of `rs1`, byte `i` of `rs2`), which sits at bit
//! `P_i = 8(3 − i)` of the operands. The collations are of degree 1.
//! - `KECCAK_ROTL_XOR_k`, `k = 8q + m` (`m < 8`): the base `xor` subtable at every chunk gives
//!   `v_i = a ^ b`; rotated, byte `i` lands at bit `P_i + k` (mod 32), and without wrapping
//!   its contribution is `v_i · 2^(P_i + k)`. Only the chunk with `(P_i + 8q) mod 32 = 24`, which
//!   is chunk `q`, wraps when `m > 0`: its top `m` bits belong at the bottom of the word. The
//!   subtable `xor_high_(8 − m)` at chunk `q` gives `h = v_q >> (8 − m)`, and
//!   `g = Σ_i v_i · 2^((P_i + 8q) mod 32 + m) + h · (1 − 2^32)` (the `h` term moves those bits
//!   from bit 32 up to bit 0).
//! - `KECCAK_ANDN`: `keccak_andn[a, b] = !a & b` at every chunk, `g = Σ_i s_i · 2^(P_i)`.
//! - `KECCAK_EVEN`: `keccak_even[a, b] = even4(a) | even4(b) << 16` (`even4` the 4 even bits of a
//!   byte) at every chunk, `g = Σ_i s_i · 2^(4(3 − i))`.
//!
//! New memories (subtable, chunk) a program registering [`tables::EXTENSIONS`] commits to: 22
//! `xor_high_n` pairs (one per distinct `(8 − m, q)` of the registered `k`; the subtables are
//! [`crate::byte_tables::XorHigh`], shared with SHA-256), 4 `keccak_andn` and 4 `keccak_even`:
//! 30 in all; `xor` is the base one.
//!
//! # Soundness obligations
//! Those of [`jolt_instructions::Instruction`] for each table: every chunk is read by a
//! subtable, each subtable's MLE is its table, and `g` of the subtable values equals the
//! reference function of this module (the `_ref` functions, which the guest fallback runs too).
//! `precompiles/tests/keccak.rs` checks all three with [`jolt_instructions::check`], and the
//! registration with [`jolt_instructions::check_extensions`].
//!
//! # Cycles
//! On RV32 the rounds are hand-written assembly (`rv32.rs`): per round 52 `KECCAK_ROTL_XOR_k`,
//! 50 `KECCAK_ANDN`, 105 XORs, and about 60 loads and 58 stores (the state, and the parities
//! between the halves): 324 instructions. Measured by the `keccak_precompile` test of the examples (1,024 bytes):
//!
//! | | `sha3` crate | these instructions |
//! |---|---|---|
//! | one Keccak-f\[1600\] | 16,476 | 7,977 |
//! | Keccak-256 of 1,024 bytes (8 permutations, absorbing, padding) | 141,019 | 66,659 |
//! | the whole guest run | 145,577 | 70,673 (2.06x fewer) |

mod guest;
mod permutation;
#[cfg(target_arch = "riscv32")]
mod rv32;
#[cfg(feature = "host")]
pub mod tables;

pub use guest::{andn, even, rotl_xor, unzip, zip};
pub use permutation::{keccak256, keccak_f, sha3_256};

/// The `funct3` of every Keccak instruction.
pub const FUNCT3: u8 = 2;
/// The `funct7` of `KECCAK_ANDN`.
pub const FUNCT7_ANDN: u8 = 32;
/// The `funct7` of `KECCAK_EVEN`.
pub const FUNCT7_EVEN: u8 = 33;

/// The rotation amounts `k` of the registered `KECCAK_ROTL_XOR_k` (its `funct7` is `k`): those
/// of Keccak-f's rho and theta in the interleaved form.
pub const ROTATIONS: [u32; 23] = [
    1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14, 18, 19, 20, 21, 22, 23, 27, 28, 30, 31,
];

/// Whether `KECCAK_ROTL_XOR_k` is registered.
pub const fn is_registered_rotation(k: u32) -> bool {
    let mut i = 0;
    while i < ROTATIONS.len() {
        if ROTATIONS[i] == k {
            return true;
        }
        i += 1;
    }
    false
}

/// Reference semantics of `KECCAK_ROTL_XOR_k`: `(x ^ y)` rotated left by `k`.
pub const fn rotl_xor_ref(k: u32, x: u32, y: u32) -> u32 {
    (x ^ y).rotate_left(k)
}

/// Reference semantics of `KECCAK_ANDN`: `!x & y`.
pub const fn andn_ref(x: u32, y: u32) -> u32 {
    !x & y
}

/// Reference semantics of `KECCAK_EVEN`: bits 0, 2, …, 30 of `x` as the low half, those of `y`
/// as the high half.
pub const fn even_ref(x: u32, y: u32) -> u32 {
    gather_even(x) | gather_even(y) << 16
}

/// Bits 0, 2, …, 30 of `w`, packed into the low 16 bits.
pub const fn gather_even(w: u32) -> u32 {
    let mut w = w & 0x5555_5555;
    w = (w | w >> 1) & 0x3333_3333;
    w = (w | w >> 2) & 0x0f0f_0f0f;
    w = (w | w >> 4) & 0x00ff_00ff;
    (w | w >> 8) & 0xffff
}

/// Bit `j` of the 16-bit `h` at bit `2j`: the inverse of [`gather_even`].
pub const fn spread(h: u32) -> u32 {
    let mut w = h & 0xffff;
    w = (w | w << 8) & 0x00ff_00ff;
    w = (w | w << 4) & 0x0f0f_0f0f;
    w = (w | w << 2) & 0x3333_3333;
    (w | w << 1) & 0x5555_5555
}

/// The interleaved words `(even, odd)` of the 64-bit lane `v`.
pub const fn to_interleaved(v: u64) -> [u32; 2] {
    let (lo, hi) = (v as u32, (v >> 32) as u32);
    [even_ref(lo, hi), even_ref(lo >> 1, hi >> 1)]
}

/// The 64-bit lane of the interleaved words `(even, odd)`.
pub const fn from_interleaved(w: [u32; 2]) -> u64 {
    let lo = spread(w[0] & 0xffff) | spread(w[1] & 0xffff) << 1;
    let hi = spread(w[0] >> 16) | spread(w[1] >> 16) << 1;
    (hi as u64) << 32 | lo as u64
}
