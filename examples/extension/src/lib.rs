//! A user-defined instruction, outside the zkVM's crates: `AVGU8`, the byte-wise rounding
//! average of two words (like x86 `PAVGB` or Arm `URHADD` on four lanes):
//!
//! `byte_i(rd) = (byte_i(rs1) + byte_i(rs2) + 1) >> 1` for each of the four bytes.
//!
//! It implements [`Instruction`] with one subtable of its own ([`AvgU8Byte`]) and is registered
//! in the custom-0 opcode space by [`EXTENSIONS`] for `funct3 = FUNCT3`, `funct7 = FUNCT7`. A
//! guest emits it as `.insn r 0x0B, FUNCT3, FUNCT7, rd, rs1, rs2`; the host proves programs
//! using it with `jolt_core::zkvm::ProverKey::with_extensions(program, config, &EXTENSIONS, params)`.
//!
//! # The lookup
//! The query `(x, y) = (rs1, rs2)` is packed [`IndexPacking::Interleaved`]: chunk `i` (chunk 0
//! most significant) is `byte_i(x) << 8 | byte_i(y)`. The subtable maps a chunk to the average of
//! its two bytes, and the collation `g` concatenates the four averages, most significant first:
//! `g(v_0, …, v_3) = Σ_i v_i · 2^(8(3 − i))`, of degree 1.
//!
//! # The subtable's multilinear extension
//! With `a = Σ_k 2^(7−k) a_k` and `b` likewise (`a_0`, `b_0` the most significant bits,
//! `point[0..8]` and `point[8..16]`), `(a + b + 1) >> 1 = ⌊(a + b)/2⌋ + (a_7 ∨ b_7)` and
//! `⌊(a + b)/2⌋ = Σ_{k<7} 2^(6−k)(a_k + b_k) + a_7 b_7`, so
//! `avg(a, b) = Σ_{k<7} 2^(6−k)(a_k + b_k) + a_7 + b_7 − a_7 b_7`: multilinear, evaluated in
//! O(log M).
//!
//! # Soundness obligations
//! Those of [`Instruction`]: every chunk is read by the subtable, its MLE equals its table on
//! the hypercube, and `g` of the subtable values is [`avgu8`]; the tests check all three.

use ark_ff::{AdditiveGroup, Zero as _};
use jolt_instructions::{
    ChunkPositions, CustomInstruction, Fr, IndexPacking, Instruction, Subtable, LOG_M, M,
};

/// The `funct3` field of the instruction word.
pub const FUNCT3: u8 = 0;
/// The `funct7` field of the instruction word.
pub const FUNCT7: u8 = 0b000_0001;

// ANCHOR: registration
/// The registration to preprocess programs that use `AVGU8` with.
pub static EXTENSIONS: [CustomInstruction; 1] = [CustomInstruction {
    funct3: FUNCT3,
    funct7: FUNCT7,
    table: &AvgU8,
}];
// ANCHOR_END: registration

/// Reference semantics: the rounding average of each byte of `x` and `y`.
pub fn avgu8(x: u32, y: u32) -> u32 {
    let lanes = x.to_le_bytes().map(u16::from);
    let other = y.to_le_bytes().map(u16::from);
    u32::from_le_bytes(core::array::from_fn(|i| {
        ((lanes[i] + other[i] + 1) >> 1) as u8
    }))
}

// ANCHOR: subtable
/// `avg[(a << 8) | b] = (a + b + 1) >> 1` for bytes `a`, `b`.
#[derive(Clone, Copy, Debug, Default)]
pub struct AvgU8Byte;

impl Subtable for AvgU8Byte {
    fn name(&self) -> &'static str {
        "example_avg_u8"
    }

    fn materialize(&self) -> Vec<u64> {
        (0..M as u64)
            .map(|i| ((i >> 8) + (i & 0xff) + 1) >> 1)
            .collect()
    }

    fn evaluate_mle(&self, point: &[Fr]) -> Fr {
        let (a, b) = point.split_at(LOG_M / 2);
        let half = LOG_M / 2 - 1;
        let high = a[..half]
            .iter()
            .zip(&b[..half])
            .fold(Fr::zero(), |acc, (&x, &y)| acc.double() + x + y);
        let (a_low, b_low) = (a[half], b[half]);
        high + a_low + b_low - a_low * b_low
    }
}
// ANCHOR_END: subtable

// ANCHOR: instruction
/// The `AVGU8` table: [`AvgU8Byte`] on every interleaved chunk, the four bytes concatenated.
#[derive(Clone, Copy, Debug, Default)]
pub struct AvgU8;

impl Instruction for AvgU8 {
    fn name(&self) -> &'static str {
        "EXAMPLE_AVGU8"
    }

    fn lookup_entry(&self, x: u32, y: u32) -> u32 {
        avgu8(x, y)
    }

    fn packing(&self) -> IndexPacking {
        IndexPacking::Interleaved
    }

    fn subtables(&self) -> Vec<(Box<dyn Subtable>, ChunkPositions)> {
        vec![(Box::new(AvgU8Byte), ChunkPositions::all())]
    }

    fn combine_lookups(&self, vals: &[Fr]) -> Fr {
        let base = Fr::from(256u64);
        vals.iter().fold(Fr::zero(), |acc, &v| acc * base + v)
    }

    fn g_degree(&self) -> usize {
        1
    }
}
// ANCHOR_END: instruction
