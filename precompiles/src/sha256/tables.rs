//! The instruction tables of the SHA-256 instructions (feature `host`): their subtables, their
//! collations, and the registration [`EXTENSIONS`]. The decompositions are described in the
//! module doc of [`super`].

extern crate alloc;

use alloc::boxed::Box;
use alloc::vec::Vec;

use ark_ff::{AdditiveGroup, Zero as _};
use jolt_instructions::{
    subtables, ChunkPositions, CustomInstruction, Fr, IndexPacking, Instruction, Subtable, C, LOG_M,
};

use crate::byte_tables::materialize_bytes;
pub use crate::byte_tables::XorHigh;

use super::ops::{
    bswap, rotrshr, rotrshr_funct7, xorrotr, xorrotr_funct7, BSWAP_FUNCT7, FUNCT3, ROTRSHR_AMOUNTS,
    XORROTR_AMOUNTS,
};

/// Bits per byte of a chunk (a chunk is a byte of each operand).
const BYTE: usize = LOG_M / 2;

/// `sha256_shr_wrap_m[(a << 8) | b] = (a mod 2^m) · 2^(32 − m) + ((a ^ b) >> m)`, for
/// `m ∈ {2, 3}`: the byte of `ROTRSHR 8q + m` that the rotation splits, both pieces in place.
#[derive(Clone, Copy, Debug)]
pub struct ShrWrap {
    m: u32,
}

impl ShrWrap {
    /// The subtable for `m` (2 or 3). Panics otherwise.
    pub fn new(m: u32) -> Self {
        assert!(matches!(m, 2 | 3), "shr_wrap_{m}: m must be 2 or 3");
        Self { m }
    }
}

impl Subtable for ShrWrap {
    fn name(&self) -> &'static str {
        if self.m == 2 {
            "sha256_shr_wrap_2"
        } else {
            "sha256_shr_wrap_3"
        }
    }

    fn materialize(&self) -> Vec<u64> {
        let m = self.m;
        materialize_bytes(|a, b| ((a & ((1 << m) - 1)) << (32 - m)) + ((a ^ b) >> m))
    }

    /// `2^(32−m) · Σ_j 2^(m−1−j) a_j` over the `m` least significant bits of `a`
    /// (`point[8−m..8]`), plus [`XorHigh`]'s sum over the other bits.
    fn evaluate_mle(&self, point: &[Fr]) -> Fr {
        let keep = BYTE - self.m as usize;
        let low = point[keep..BYTE]
            .iter()
            .fold(Fr::zero(), |acc, &x| acc.double() + x);
        low * Fr::from(1u64 << (32 - self.m)) + XorHigh::new(self.m).evaluate_mle(point)
    }
}

/// `sha256_left[(a << 8) | b] = a`: a byte of `rs1` that a shift of `rs2` leaves alone.
#[derive(Clone, Copy, Debug, Default)]
pub struct Left;

impl Subtable for Left {
    fn name(&self) -> &'static str {
        "sha256_left"
    }

    fn materialize(&self) -> Vec<u64> {
        materialize_bytes(|a, _| a)
    }

    /// `Σ_j 2^(7−j) a_j` (`point[0..8]`).
    fn evaluate_mle(&self, point: &[Fr]) -> Fr {
        point[..BYTE]
            .iter()
            .fold(Fr::zero(), |acc, &x| acc.double() + x)
    }
}

/// Which subtable a term of a collation reads.
#[derive(Clone, Copy, Debug)]
enum Part {
    /// The built-in `xor`.
    Xor,
    /// [`XorHigh`] for `m`.
    XorHigh(u32),
    /// [`ShrWrap`] for `m`.
    ShrWrap(u32),
    /// [`Left`].
    Left,
}

impl Part {
    fn subtable(self) -> Box<dyn Subtable> {
        match self {
            Part::Xor => Box::new(subtables::Xor),
            Part::XorHigh(m) => Box::new(XorHigh::new(m)),
            Part::ShrWrap(m) => Box::new(ShrWrap::new(m)),
            Part::Left => Box::new(Left),
        }
    }
}

/// A term's constant: `2^p`, or `−(2^32 − 1)` (moves a value from bit 32 down to bit 0).
#[derive(Clone, Copy, Debug)]
enum Coefficient {
    Pow(u32),
    Unwrap,
}

impl Coefficient {
    fn value(self) -> Fr {
        match self {
            Coefficient::Pow(p) => Fr::from(1u64 << p),
            Coefficient::Unwrap => -Fr::from(u64::from(u32::MAX)),
        }
    }
}

/// What a SHA-256 table computes.
#[derive(Clone, Copy, Debug)]
enum Op {
    /// `rotr(x ^ y, k)`.
    XorRotr(u32),
    /// `rotr(x, k) ^ (y >> k)`.
    RotrShr(u32),
    /// `swap_bytes(x ^ y)`.
    Bswap,
}

/// One term of a collation: `coefficient · part[chunk]`.
type Term = (Part, usize, Coefficient);

/// The collation of `op`, term by term, in the order of [`Instruction::subtables`].
fn terms(op: Op) -> Vec<Term> {
    let mut terms = Vec::new();
    for chunk in 0..C {
        // Byte `n` from the least significant: bits 8n .. 8n + 8.
        let n = (C - 1 - chunk) as u32;
        match op {
            Op::Bswap => terms.push((Part::Xor, chunk, Coefficient::Pow(8 * (3 - n)))),
            Op::XorRotr(k) | Op::RotrShr(k) => {
                let (q, m) = (k / 8, k % 8);
                let shr = matches!(op, Op::RotrShr(_));
                let moved = Coefficient::Pow((8 * n + 32 - k) % 32);
                if n == q && m > 0 {
                    if shr {
                        terms.push((Part::ShrWrap(m), chunk, Coefficient::Pow(0)));
                    } else {
                        terms.push((Part::Xor, chunk, Coefficient::Pow(32 - m)));
                        terms.push((Part::XorHigh(m), chunk, Coefficient::Unwrap));
                    }
                } else if shr && n < q {
                    terms.push((Part::Left, chunk, moved));
                } else {
                    terms.push((Part::Xor, chunk, moved));
                }
            }
        }
    }
    terms
}

/// One SHA-256 instruction's table.
#[derive(Debug)]
pub struct Sha256Op {
    name: &'static str,
    op: Op,
}

impl Instruction for Sha256Op {
    fn name(&self) -> &'static str {
        self.name
    }

    fn lookup_entry(&self, x: u32, y: u32) -> u32 {
        match self.op {
            Op::XorRotr(k) => xorrotr(x, y, k),
            Op::RotrShr(k) => rotrshr(x, y, k),
            Op::Bswap => bswap(x, y),
        }
    }

    fn packing(&self) -> IndexPacking {
        IndexPacking::Interleaved
    }

    fn subtables(&self) -> Vec<(Box<dyn Subtable>, ChunkPositions)> {
        terms(self.op)
            .into_iter()
            .map(|(part, chunk, _)| (part.subtable(), ChunkPositions::single(chunk)))
            .collect()
    }

    fn combine_lookups(&self, vals: &[Fr]) -> Fr {
        terms(self.op)
            .iter()
            .zip(vals)
            .map(|(&(_, _, coefficient), &v)| coefficient.value() * v)
            .sum()
    }

    fn g_degree(&self) -> usize {
        1
    }
}

macro_rules! table {
    ($name:literal, $op:expr) => {
        Sha256Op {
            name: $name,
            op: $op,
        }
    };
}

static XORROTR: [Sha256Op; XORROTR_AMOUNTS.len()] = [
    table!("SHA256_XORROTR_2", Op::XorRotr(2)),
    table!("SHA256_XORROTR_4", Op::XorRotr(4)),
    table!("SHA256_XORROTR_7", Op::XorRotr(7)),
    table!("SHA256_XORROTR_9", Op::XorRotr(9)),
    table!("SHA256_XORROTR_11", Op::XorRotr(11)),
    table!("SHA256_XORROTR_13", Op::XorRotr(13)),
    table!("SHA256_XORROTR_14", Op::XorRotr(14)),
];

static ROTRSHR: [Sha256Op; ROTRSHR_AMOUNTS.len()] = [
    table!("SHA256_ROTRSHR_3", Op::RotrShr(3)),
    table!("SHA256_ROTRSHR_10", Op::RotrShr(10)),
];

static BSWAP: Sha256Op = table!("SHA256_BSWAP", Op::Bswap);

/// Registers `XORROTR k` for amount `i` of [`XORROTR_AMOUNTS`].
const fn xorrotr_at(i: usize) -> CustomInstruction {
    CustomInstruction {
        funct3: FUNCT3,
        funct7: xorrotr_funct7(XORROTR_AMOUNTS[i]),
        table: &XORROTR[i],
    }
}

/// Registers `ROTRSHR k` for amount `i` of [`ROTRSHR_AMOUNTS`].
const fn rotrshr_at(i: usize) -> CustomInstruction {
    CustomInstruction {
        funct3: FUNCT3,
        funct7: rotrshr_funct7(ROTRSHR_AMOUNTS[i]),
        table: &ROTRSHR[i],
    }
}

/// The registration of the SHA-256 instructions, to preprocess programs that use them with
/// (`GuestProgram::with_extensions`).
pub static EXTENSIONS: [CustomInstruction; 10] = [
    xorrotr_at(0),
    xorrotr_at(1),
    xorrotr_at(2),
    xorrotr_at(3),
    xorrotr_at(4),
    xorrotr_at(5),
    xorrotr_at(6),
    rotrshr_at(0),
    rotrshr_at(1),
    CustomInstruction {
        funct3: FUNCT3,
        funct7: BSWAP_FUNCT7,
        table: &BSWAP,
    },
];
