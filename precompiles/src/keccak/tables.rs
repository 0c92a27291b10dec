//! The lookup tables of the Keccak instructions and their registration (feature `host`); the
//! decompositions are described in the [module doc](super).

extern crate alloc;

use alloc::boxed::Box;
use alloc::vec;
use alloc::vec::Vec;

use ark_ff::{AdditiveGroup, One, Zero as _};
use jolt_instructions::subtables::Xor;
use jolt_instructions::{
    ChunkPositions, CustomInstruction, Fr, IndexPacking, Instruction, Subtable,
};

use super::{andn_ref, even_ref, rotl_xor_ref, FUNCT3, FUNCT7_ANDN, FUNCT7_EVEN};
use crate::byte_tables::{halves, materialize_bytes, XorHigh};

/// `Σ_i vals[i] · 2^(8(3 − i))`: four bytes, most significant first.
fn bytes_to_word(vals: &[Fr]) -> Fr {
    let base = Fr::from(256u64);
    vals[..4].iter().fold(Fr::zero(), |acc, &v| acc * base + v)
}

/// `keccak_andn[a, b] = !a & b` (bytes).
#[derive(Clone, Copy, Debug, Default)]
pub struct AndNByte;

impl Subtable for AndNByte {
    fn name(&self) -> &'static str {
        "keccak_andn"
    }

    fn materialize(&self) -> Vec<u64> {
        materialize_bytes(|a, b| !a & b & 0xff)
    }

    fn evaluate_mle(&self, point: &[Fr]) -> Fr {
        let (a, b) = halves(point);
        a.iter().zip(b).fold(Fr::zero(), |acc, (&x, &y)| {
            acc.double() + (Fr::one() - x) * y
        })
    }
}

/// `keccak_even[a, b] = even4(a) | even4(b) << 16`, `even4` the bits 0, 2, 4, 6 of a byte.
#[derive(Clone, Copy, Debug, Default)]
pub struct EvenBits;

/// Bits 0, 2, 4, 6 of the byte `a`, packed.
fn even4(a: u64) -> u64 {
    (0..4).map(|j| (a >> (2 * j) & 1) << j).sum()
}

impl Subtable for EvenBits {
    fn name(&self) -> &'static str {
        "keccak_even"
    }

    fn materialize(&self) -> Vec<u64> {
        materialize_bytes(|a, b| even4(a) | even4(b) << 16)
    }

    fn evaluate_mle(&self, point: &[Fr]) -> Fr {
        let (a, b) = halves(point);
        // Bit 2j of a byte is point index 7 − 2j: indices 1, 3, 5, 7, most significant first.
        let packed = |bits: &[Fr]| {
            [1, 3, 5, 7]
                .iter()
                .fold(Fr::zero(), |acc, &k| acc.double() + bits[k])
        };
        packed(a) + packed(b) * Fr::from(1u64 << 16)
    }
}

/// `KECCAK_ROTL_XOR_k`: `rotl32(x ^ y, k)`.
#[derive(Clone, Copy, Debug)]
pub struct RotlXor {
    k: u32,
    name: &'static str,
}

impl RotlXor {
    /// The rotation amount `k`.
    pub fn k(&self) -> u32 {
        self.k
    }
}

macro_rules! rotl_xor {
    ($($k:literal)*) => {
        [$(RotlXor { k: $k, name: concat!("KECCAK_ROTL_XOR_", $k) }),*]
    };
}

/// `KECCAK_ROTL_XOR_k` for each `k` of [`super::ROTATIONS`], in that order.
pub static ROTL_XOR: [RotlXor; 23] =
    rotl_xor!(1 2 3 4 5 7 8 9 10 11 12 13 14 18 19 20 21 22 23 27 28 30 31);

impl Instruction for RotlXor {
    fn name(&self) -> &'static str {
        self.name
    }

    fn lookup_entry(&self, x: u32, y: u32) -> u32 {
        rotl_xor_ref(self.k, x, y)
    }

    fn packing(&self) -> IndexPacking {
        IndexPacking::Interleaved
    }

    fn subtables(&self) -> Vec<(Box<dyn Subtable>, ChunkPositions)> {
        let (q, m) = ((self.k / 8) as usize, self.k % 8);
        let mut subtables: Vec<(Box<dyn Subtable>, ChunkPositions)> =
            vec![(Box::new(Xor), ChunkPositions::all())];
        if m > 0 {
            subtables.push((Box::new(XorHigh::new(8 - m)), ChunkPositions::single(q)));
        }
        subtables
    }

    /// `vals = [v_0, v_1, v_2, v_3]` (the XOR bytes), then `h` (the wrapping bits of chunk `q`)
    /// when `m > 0`.
    fn combine_lookups(&self, vals: &[Fr]) -> Fr {
        let (q, m) = (self.k / 8, self.k % 8);
        let mut sum = (0..4u32).fold(Fr::zero(), |acc, i| {
            let at = (8 * (3 - i) + 8 * q) % 32 + m;
            acc + vals[i as usize] * Fr::from(1u64 << at)
        });
        if m > 0 {
            sum += vals[4] * (Fr::one() - Fr::from(1u64 << 32));
        }
        sum
    }

    fn g_degree(&self) -> usize {
        1
    }
}

/// `KECCAK_ANDN`: `!x & y`.
#[derive(Clone, Copy, Debug, Default)]
pub struct AndN;

impl Instruction for AndN {
    fn name(&self) -> &'static str {
        "KECCAK_ANDN"
    }

    fn lookup_entry(&self, x: u32, y: u32) -> u32 {
        andn_ref(x, y)
    }

    fn packing(&self) -> IndexPacking {
        IndexPacking::Interleaved
    }

    fn subtables(&self) -> Vec<(Box<dyn Subtable>, ChunkPositions)> {
        vec![(Box::new(AndNByte), ChunkPositions::all())]
    }

    fn combine_lookups(&self, vals: &[Fr]) -> Fr {
        bytes_to_word(vals)
    }

    fn g_degree(&self) -> usize {
        1
    }
}

/// `KECCAK_EVEN`: the even bits of `x` (low half) and `y` (high half).
#[derive(Clone, Copy, Debug, Default)]
pub struct Even;

impl Instruction for Even {
    fn name(&self) -> &'static str {
        "KECCAK_EVEN"
    }

    fn lookup_entry(&self, x: u32, y: u32) -> u32 {
        even_ref(x, y)
    }

    fn packing(&self) -> IndexPacking {
        IndexPacking::Interleaved
    }

    fn subtables(&self) -> Vec<(Box<dyn Subtable>, ChunkPositions)> {
        vec![(Box::new(EvenBits), ChunkPositions::all())]
    }

    /// `Σ_i s_i · 2^(4(3 − i))`: byte `i` holds bits `4(3 − i)..` of each half.
    fn combine_lookups(&self, vals: &[Fr]) -> Fr {
        let base = Fr::from(16u64);
        vals[..4].iter().fold(Fr::zero(), |acc, &v| acc * base + v)
    }

    fn g_degree(&self) -> usize {
        1
    }
}

/// The registration of `table` for `funct3 = 2` and `funct7`.
const fn other(funct7: u8, table: &'static dyn Instruction) -> CustomInstruction {
    CustomInstruction {
        funct3: FUNCT3,
        funct7,
        table,
    }
}

static ANDN: AndN = AndN;
static EVEN: Even = Even;

/// The registration of the Keccak instructions: `KECCAK_ROTL_XOR_k` (`funct7 = k`) for each
/// `k` of [`super::ROTATIONS`], then `KECCAK_ANDN` and `KECCAK_EVEN`, all with `funct3 = 2`.
pub static EXTENSIONS: [CustomInstruction; 25] = {
    let mut out = [other(FUNCT7_ANDN, &ANDN); 25];
    let mut i = 0;
    while i < ROTL_XOR.len() {
        out[i] = other(ROTL_XOR[i].k as u8, &ROTL_XOR[i]);
        i += 1;
    }
    out[23] = other(FUNCT7_ANDN, &ANDN);
    out[24] = other(FUNCT7_EVEN, &EVEN);
    out
};
