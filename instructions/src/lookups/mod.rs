//! The built-in lookup tables, one file each, and which instruction queries which.
//!
//! Each table implements [`Instruction`]: its entry `T[x || y]`, how the query's chunks are packed
//! from x and y ([`crate::IndexPacking`]), the subtables read at each chunk and the collation g.
//! Chunk 0 is the most significant; `vals` passed to g lists, for each (subtable, positions) in
//! order, the subtable's value at each position ascending.
//!
//! Instructions without a lookup: LW and SW (the address x + y is formed by the constraint
//! system and the word goes through RAM checking), FENCE, ECALL, EBREAK, and the instructions
//! [`crate::expand`] replaces by virtual sequences (LB, LBU, LH, LHU, SB, SH, MULH, MULHSU, DIV,
//! DIVU, REM, REMU), whose steps carry the lookups.

mod add;
mod and;
mod assert_halfword_aligned;
mod assert_lte;
mod assert_mulu_no_overflow;
mod assert_valid_div0;
mod assert_valid_unsigned_remainder;
mod eq;
mod ge;
mod geu;
mod jalr_target;
mod r#move;
mod movsign;
mod mul;
mod mulhu;
mod ne;
mod or;
mod sll;
mod slt;
mod sltu;
mod sra;
mod srl;
mod sub;
mod xor;

pub use add::Add;
pub use and::And;
pub use assert_halfword_aligned::AssertHalfwordAligned;
pub use assert_lte::AssertLte;
pub use assert_mulu_no_overflow::AssertMulUNoOverflow;
pub use assert_valid_div0::AssertValidDiv0;
pub use assert_valid_unsigned_remainder::AssertValidUnsignedRemainder;
pub use eq::Eq;
pub use ge::Ge;
pub use geu::Geu;
pub use jalr_target::JalrTarget;
pub use movsign::Movsign;
pub use mul::Mul;
pub use mulhu::Mulhu;
pub use ne::Ne;
pub use or::Or;
pub use r#move::Move;
pub use sll::Sll;
pub use slt::Slt;
pub use sltu::Sltu;
pub use sra::Sra;
pub use srl::Srl;
pub use sub::Sub;
pub use xor::Xor;

use ark_ff::{One, Zero as _};

use crate::subtables;
use crate::{operands, ChunkPositions, Fr, Instr, Instruction, Opcode, Subtable};

/// A built-in lookup table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LookupId {
    /// [`Add`]: `x + y mod 2^32`.
    Add,
    /// [`Sub`]: `x - y mod 2^32`.
    Sub,
    /// [`Mul`]: the low word of `x * y`.
    Mul,
    /// [`Mulhu`]: the high word of the unsigned `x * y`.
    Mulhu,
    /// [`And`]: `x & y`.
    And,
    /// [`Or`]: `x | y`.
    Or,
    /// [`Xor`]: `x ^ y`.
    Xor,
    /// [`Sll`]: `x << (y & 31)`.
    Sll,
    /// [`Srl`]: `x >> (y & 31)`, logical.
    Srl,
    /// [`Sra`]: `x >> (y & 31)`, arithmetic.
    Sra,
    /// [`Slt`]: 1 if `x < y` (signed), else 0.
    Slt,
    /// [`Sltu`]: 1 if `x < y` (unsigned), else 0.
    Sltu,
    /// [`Eq`](struct@Eq): 1 if `x == y`, else 0.
    Eq,
    /// [`Ne`]: 1 if `x != y`, else 0.
    Ne,
    /// [`Ge`]: 1 if `x >= y` (signed), else 0.
    Ge,
    /// [`Geu`]: 1 if `x >= y` (unsigned), else 0.
    Geu,
    /// [`JalrTarget`]: `(x + y) & !1`, the JALR jump target.
    JalrTarget,
    /// [`Move`]: `x` (range-checked to 32 bits).
    Move,
    /// [`Movsign`]: `0xffff_ffff` if x is negative, else 0.
    Movsign,
    /// [`AssertLte`]: 1 if `x <= y` (unsigned), else 0.
    AssertLte,
    /// [`AssertValidUnsignedRemainder`]: 1 if `y == 0 || x < y` (unsigned), else 0.
    AssertValidUnsignedRemainder,
    /// [`AssertValidDiv0`]: 1 if `x != 0 || y == 0xffff_ffff`, else 0.
    AssertValidDiv0,
    /// [`AssertHalfwordAligned`]: 1 if `x + y` is even, else 0.
    AssertHalfwordAligned,
    /// [`AssertMulUNoOverflow`]: 1 if `x * y < 2^32` (unsigned), else 0.
    AssertMulUNoOverflow,
}

impl LookupId {
    /// Every table.
    pub const ALL: &'static [LookupId] = &[
        LookupId::Add,
        LookupId::Sub,
        LookupId::Mul,
        LookupId::Mulhu,
        LookupId::And,
        LookupId::Or,
        LookupId::Xor,
        LookupId::Sll,
        LookupId::Srl,
        LookupId::Sra,
        LookupId::Slt,
        LookupId::Sltu,
        LookupId::Eq,
        LookupId::Ne,
        LookupId::Ge,
        LookupId::Geu,
        LookupId::JalrTarget,
        LookupId::Move,
        LookupId::Movsign,
        LookupId::AssertLte,
        LookupId::AssertValidUnsignedRemainder,
        LookupId::AssertValidDiv0,
        LookupId::AssertHalfwordAligned,
        LookupId::AssertMulUNoOverflow,
    ];

    /// Position in [`LookupId::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The table's decomposition.
    pub fn table(self) -> &'static dyn Instruction {
        match self {
            LookupId::Add => &Add,
            LookupId::Sub => &Sub,
            LookupId::Mul => &Mul,
            LookupId::Mulhu => &Mulhu,
            LookupId::And => &And,
            LookupId::Or => &Or,
            LookupId::Xor => &Xor,
            LookupId::Sll => &Sll,
            LookupId::Srl => &Srl,
            LookupId::Sra => &Sra,
            LookupId::Slt => &Slt,
            LookupId::Sltu => &Sltu,
            LookupId::Eq => &Eq,
            LookupId::Ne => &Ne,
            LookupId::Ge => &Ge,
            LookupId::Geu => &Geu,
            LookupId::JalrTarget => &JalrTarget,
            LookupId::Move => &Move,
            LookupId::Movsign => &Movsign,
            LookupId::AssertLte => &AssertLte,
            LookupId::AssertValidUnsignedRemainder => &AssertValidUnsignedRemainder,
            LookupId::AssertValidDiv0 => &AssertValidDiv0,
            LookupId::AssertHalfwordAligned => &AssertHalfwordAligned,
            LookupId::AssertMulUNoOverflow => &AssertMulUNoOverflow,
        }
    }
}

impl Opcode {
    /// The table instructions with this opcode query, if any. Static: it depends on the opcode
    /// only. JAL and AUIPC query ADD on (pc, imm), LUI on (0, imm); a `VirtualAdvice` step
    /// queries MOVE on its advice value, which range-checks it to 32 bits. `Custom` has no
    /// built-in table: it queries the table registered for it ([`crate::CustomInstruction`]).
    pub fn lookup(self) -> Option<LookupId> {
        use Opcode::*;
        Some(match self {
            Lui | Auipc | Jal | Add | Addi => LookupId::Add,
            Jalr => LookupId::JalrTarget,
            Sub => LookupId::Sub,
            Mul => LookupId::Mul,
            Mulhu => LookupId::Mulhu,
            And | Andi => LookupId::And,
            Or | Ori => LookupId::Or,
            Xor | Xori => LookupId::Xor,
            Sll | Slli => LookupId::Sll,
            Srl | Srli => LookupId::Srl,
            Sra | Srai => LookupId::Sra,
            Slt | Slti | Blt => LookupId::Slt,
            Sltu | Sltiu | Bltu => LookupId::Sltu,
            Beq | VirtualAssertEq => LookupId::Eq,
            Bne => LookupId::Ne,
            Bge => LookupId::Ge,
            Bgeu => LookupId::Geu,
            VirtualAdvice | VirtualMove => LookupId::Move,
            VirtualMovsign => LookupId::Movsign,
            VirtualAssertLte => LookupId::AssertLte,
            VirtualAssertValidUnsignedRemainder => LookupId::AssertValidUnsignedRemainder,
            VirtualAssertValidDiv0 => LookupId::AssertValidDiv0,
            VirtualAssertHalfwordAligned => LookupId::AssertHalfwordAligned,
            VirtualAssertMulUNoOverflow => LookupId::AssertMulUNoOverflow,
            Lb | Lh | Lw | Lbu | Lhu | Sb | Sh | Sw | Fence | Ecall | Ebreak | Mulh | Mulhsu
            | Div | Divu | Rem | Remu | Custom => return None,
        })
    }
}

/// Which lookup an instruction performs and its operands, given pc and the register values it
/// reads (rs1v = value of instr.rs1, rs2v = value of instr.rs2; for `VirtualAdvice`, pass the
/// advice value as rs1v). None for instructions without a lookup. The entry of the lookup,
/// `id.table().lookup_entry(x, y)`, equals [`crate::alu`]`(instr.opcode, x, y)`.
#[inline]
pub fn lookup_query(instr: &Instr, pc: u32, rs1v: u32, rs2v: u32) -> Option<(LookupId, u32, u32)> {
    let id = instr.opcode.lookup()?;
    let (x, y) = operands(instr, pc, rs1v, rs2v);
    Some((id, x, y))
}

/// `Σ_i vals[i] · 2^(8(n-1-i))`: bytes, most significant first, concatenated.
fn concat_bytes(vals: &[Fr]) -> Fr {
    let base = Fr::from(256u64);
    vals.iter().fold(Fr::zero(), |acc, &v| acc * base + v)
}

/// `Σ_i lt[i] · Π_{j<i} eq[j]`: an unsigned comparison decided by its first unequal chunk.
/// `eq` needs `lt.len() - 1` entries.
fn lt_chain(lt: &[Fr], eq: &[Fr]) -> Fr {
    let mut prefix = Fr::one();
    let mut sum = Fr::zero();
    for (i, &l) in lt.iter().enumerate() {
        sum += prefix * l;
        if let Some(&e) = eq.get(i) {
            prefix *= e;
        }
    }
    sum
}

/// `Π_i vals[i]`.
fn product(vals: &[Fr]) -> Fr {
    vals.iter().product()
}

/// Subtables of a value's low 32 bits from [`crate::split`] chunks: the high chunks truncated
/// (read only to range-check them), the low two kept.
fn low_word_subtables() -> Vec<(Box<dyn Subtable>, ChunkPositions)> {
    vec![
        (Box::new(subtables::Zero), ChunkPositions::range(0..2)),
        (Box::new(subtables::Identity), ChunkPositions::range(2..4)),
    ]
}

/// g of [`low_word_subtables`]: `vals = [0, 0, chunk 2, chunk 3]`.
fn low_word(vals: &[Fr]) -> Fr {
    vals[2] * Fr::from(1u64 << 16) + vals[3]
}
