//! Reference semantics: the value every instruction computes from its two operands.
//!
//! [`operands`] selects the operands (x from rs1, the pc, zero or advice; y from rs2 or the
//! immediate) and [`alu`] computes the value. The emulator runs these in its hot loop, and the
//! lookup tables are tested against them.

use crate::{Instr, Opcode};

/// Where an instruction's first operand x comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum XSource {
    /// The value of register rs1.
    Rs1,
    /// The instruction's address.
    Pc,
    /// The constant 0.
    Zero,
    /// The untrusted advice value of a `VirtualAdvice` step (see [`crate::advice`]).
    Advice,
}

/// Where an instruction's second operand y comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum YSource {
    /// The value of register rs2.
    Rs2,
    /// The immediate.
    Imm,
}

impl Opcode {
    /// Where the operands of [`alu`] (and of the lookup query) come from. Static: it depends on
    /// the opcode only, so the constraint system can select operands from it.
    #[inline]
    pub fn operand_sources(self) -> (XSource, YSource) {
        use Opcode::*;
        match self {
            Lui | Fence | Ecall | Ebreak => (XSource::Zero, YSource::Imm),
            Auipc | Jal => (XSource::Pc, YSource::Imm),
            Jalr | Lb | Lh | Lw | Lbu | Lhu | Sb | Sh | Sw => (XSource::Rs1, YSource::Imm),
            Addi | Slti | Sltiu | Xori | Ori | Andi | Slli | Srli | Srai => {
                (XSource::Rs1, YSource::Imm)
            }
            VirtualMove | VirtualMovsign | VirtualAssertHalfwordAligned => {
                (XSource::Rs1, YSource::Imm)
            }
            VirtualAdvice => (XSource::Advice, YSource::Imm),
            Beq | Bne | Blt | Bge | Bltu | Bgeu => (XSource::Rs1, YSource::Rs2),
            Add | Sub | Sll | Slt | Sltu | Xor | Srl | Sra | Or | And => {
                (XSource::Rs1, YSource::Rs2)
            }
            Mul | Mulh | Mulhsu | Mulhu | Div | Divu | Rem | Remu => (XSource::Rs1, YSource::Rs2),
            Custom => (XSource::Rs1, YSource::Rs2),
            VirtualAssertEq
            | VirtualAssertLte
            | VirtualAssertValidUnsignedRemainder
            | VirtualAssertValidDiv0
            | VirtualAssertMulUNoOverflow => (XSource::Rs1, YSource::Rs2),
        }
    }
}

/// The operands (x, y) of `instr` at address `pc`, given the values of its rs1 and rs2.
/// For `VirtualAdvice` (x from [`XSource::Advice`]) pass the advice value as `rs1v`.
#[inline]
pub fn operands(instr: &Instr, pc: u32, rs1v: u32, rs2v: u32) -> (u32, u32) {
    let (xs, ys) = instr.opcode.operand_sources();
    let x = match xs {
        XSource::Rs1 | XSource::Advice => rs1v,
        XSource::Pc => pc,
        XSource::Zero => 0,
    };
    let y = match ys {
        YSource::Rs2 => rs2v,
        YSource::Imm => instr.imm,
    };
    (x, y)
}

/// The value `opcode` computes from its operands `x`, `y` (see [`operands`]).
///
/// - ALU instructions (register and immediate forms, M extension included): the result for rd,
///   with the spec's results for division by zero (quotient all ones, remainder x) and overflow
///   (`i32::MIN / -1` is `i32::MIN`, remainder 0). Shifts use the low 5 bits of y.
/// - Branches: 1 if taken, else 0. JAL, JALR: the jump target (JALR clears bit 0). LUI: y.
///   AUIPC: x + y.
/// - Loads and stores: the effective address x + y.
/// - `VirtualAdvice`, `VirtualMove`: x. `VirtualMovsign`: all ones if x is negative, else 0.
/// - Assertions: 1 if they hold, else 0.
/// - FENCE, ECALL, EBREAK: 0.
/// - `Custom`: 0. A custom instruction computes its registered table's entry
///   ([`crate::CustomInstruction`]), which is not known here.
#[inline]
pub fn alu(opcode: Opcode, x: u32, y: u32) -> u32 {
    use Opcode::*;
    let (sx, sy) = (x as i32, y as i32);
    match opcode {
        Add | Addi | Auipc | Jal => x.wrapping_add(y),
        Lb | Lh | Lw | Lbu | Lhu | Sb | Sh | Sw => x.wrapping_add(y),
        Lui => y,
        Jalr => x.wrapping_add(y) & !1,
        Sub => x.wrapping_sub(y),
        Xor | Xori => x ^ y,
        Or | Ori => x | y,
        And | Andi => x & y,
        Sll | Slli => x.wrapping_shl(y),
        Srl | Srli => x.wrapping_shr(y),
        Sra | Srai => sx.wrapping_shr(y) as u32,
        Slt | Slti | Blt => u32::from(sx < sy),
        Sltu | Sltiu | Bltu => u32::from(x < y),
        Bge => u32::from(sx >= sy),
        Bgeu => u32::from(x >= y),
        Beq | VirtualAssertEq => u32::from(x == y),
        Bne => u32::from(x != y),
        Mul => x.wrapping_mul(y),
        Mulh => ((i64::from(sx) * i64::from(sy)) >> 32) as u32,
        Mulhsu => ((i64::from(sx) * i64::from(y)) >> 32) as u32,
        Mulhu => ((u64::from(x) * u64::from(y)) >> 32) as u32,
        Div if y == 0 => u32::MAX,
        Div => sx.wrapping_div(sy) as u32,
        Divu => x.checked_div(y).unwrap_or(u32::MAX),
        Rem if y == 0 => x,
        Rem => sx.wrapping_rem(sy) as u32,
        Remu => x.checked_rem(y).unwrap_or(x),
        Fence | Ecall | Ebreak | Custom => 0,
        VirtualAdvice | VirtualMove => x,
        VirtualMovsign => (sx >> 31) as u32,
        VirtualAssertLte => u32::from(x <= y),
        VirtualAssertValidUnsignedRemainder => u32::from(y == 0 || x < y),
        VirtualAssertValidDiv0 => u32::from(x != 0 || y == u32::MAX),
        VirtualAssertHalfwordAligned => u32::from(x.wrapping_add(y) & 1 == 0),
        VirtualAssertMulUNoOverflow => {
            u32::from(u64::from(x) * u64::from(y) <= u64::from(u32::MAX))
        }
    }
}
