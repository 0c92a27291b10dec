//! The opcodes of RV32IM plus the virtual opcodes that appear only inside virtual sequences.
//!
//! How the emulator executes a virtual opcode (`x`, `y` from [`crate::operands`]):
//! - `VirtualAdvice`: writes rd := the value [`crate::advice`] gives for this step.
//! - `VirtualMove`, `VirtualMovsign`: write rd := [`crate::alu`]`(opcode, x, y)`.
//! - `VirtualAssert*` ([`Opcode::is_assertion`]): write nothing; execution fails unless
//!   `alu(opcode, x, y) == 1`.
//!
//! [`Opcode::Custom`] is a word of the custom-0 opcode space: it executes only where a
//! [`crate::CustomInstruction`] is registered for its function bits, as rd := that table's
//! entry at (rs1, rs2).

/// An instruction's operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Opcode {
    // RV32I
    /// `lui rd, imm`: rd := imm (the upper immediate, low 12 bits zero).
    Lui,
    /// `auipc rd, imm`: rd := pc + imm (the upper immediate).
    Auipc,
    /// `jal rd, offset`: rd := pc + 4, then jump to pc + offset.
    Jal,
    /// `jalr rd, offset(rs1)`: rd := pc + 4, then jump to (rs1 + offset) & !1.
    Jalr,
    /// `beq rs1, rs2, offset`: branch to pc + offset if rs1 == rs2.
    Beq,
    /// `bne rs1, rs2, offset`: branch to pc + offset if rs1 != rs2.
    Bne,
    /// `blt rs1, rs2, offset`: branch to pc + offset if rs1 < rs2 (signed).
    Blt,
    /// `bge rs1, rs2, offset`: branch to pc + offset if rs1 >= rs2 (signed).
    Bge,
    /// `bltu rs1, rs2, offset`: branch to pc + offset if rs1 < rs2 (unsigned).
    Bltu,
    /// `bgeu rs1, rs2, offset`: branch to pc + offset if rs1 >= rs2 (unsigned).
    Bgeu,
    /// `lb rd, offset(rs1)`: rd := the byte at rs1 + offset, sign-extended.
    Lb,
    /// `lh rd, offset(rs1)`: rd := the halfword at rs1 + offset, sign-extended.
    Lh,
    /// `lw rd, offset(rs1)`: rd := the word at rs1 + offset.
    Lw,
    /// `lbu rd, offset(rs1)`: rd := the byte at rs1 + offset, zero-extended.
    Lbu,
    /// `lhu rd, offset(rs1)`: rd := the halfword at rs1 + offset, zero-extended.
    Lhu,
    /// `sb rs2, offset(rs1)`: stores the low byte of rs2 at rs1 + offset.
    Sb,
    /// `sh rs2, offset(rs1)`: stores the low halfword of rs2 at rs1 + offset.
    Sh,
    /// `sw rs2, offset(rs1)`: stores rs2 at rs1 + offset.
    Sw,
    /// `addi rd, rs1, imm`: rd := rs1 + imm.
    Addi,
    /// `slti rd, rs1, imm`: rd := 1 if rs1 < imm (signed), else 0.
    Slti,
    /// `sltiu rd, rs1, imm`: rd := 1 if rs1 < imm (unsigned, imm sign-extended), else 0.
    Sltiu,
    /// `xori rd, rs1, imm`: rd := rs1 ^ imm.
    Xori,
    /// `ori rd, rs1, imm`: rd := rs1 | imm.
    Ori,
    /// `andi rd, rs1, imm`: rd := rs1 & imm.
    Andi,
    /// `slli rd, rs1, shamt`: rd := rs1 << shamt.
    Slli,
    /// `srli rd, rs1, shamt`: rd := rs1 >> shamt (logical).
    Srli,
    /// `srai rd, rs1, shamt`: rd := rs1 >> shamt (arithmetic).
    Srai,
    /// `add rd, rs1, rs2`: rd := rs1 + rs2.
    Add,
    /// `sub rd, rs1, rs2`: rd := rs1 - rs2.
    Sub,
    /// `sll rd, rs1, rs2`: rd := rs1 << (rs2 & 31).
    Sll,
    /// `slt rd, rs1, rs2`: rd := 1 if rs1 < rs2 (signed), else 0.
    Slt,
    /// `sltu rd, rs1, rs2`: rd := 1 if rs1 < rs2 (unsigned), else 0.
    Sltu,
    /// `xor rd, rs1, rs2`: rd := rs1 ^ rs2.
    Xor,
    /// `srl rd, rs1, rs2`: rd := rs1 >> (rs2 & 31) (logical).
    Srl,
    /// `sra rd, rs1, rs2`: rd := rs1 >> (rs2 & 31) (arithmetic).
    Sra,
    /// `or rd, rs1, rs2`: rd := rs1 | rs2.
    Or,
    /// `and rd, rs1, rs2`: rd := rs1 & rs2.
    And,
    /// `fence` (and FENCE.TSO, PAUSE, FENCE.I): a no-op on this single-hart machine.
    Fence,
    /// `ecall`: the system call; with a7 = 93 (exit) it halts with exit code a0.
    Ecall,
    /// `ebreak`: the emulator stops with an error.
    Ebreak,
    // M
    /// `mul rd, rs1, rs2`: rd := the low word of rs1 * rs2.
    Mul,
    /// `mulh rd, rs1, rs2`: rd := the high word of rs1 * rs2 (signed × signed).
    Mulh,
    /// `mulhsu rd, rs1, rs2`: rd := the high word of rs1 * rs2 (signed × unsigned).
    Mulhsu,
    /// `mulhu rd, rs1, rs2`: rd := the high word of rs1 * rs2 (unsigned × unsigned).
    Mulhu,
    /// `div rd, rs1, rs2`: rd := rs1 / rs2 (signed, rounded toward zero; -1 if rs2 = 0,
    /// `i32::MIN` for `i32::MIN / -1`).
    Div,
    /// `divu rd, rs1, rs2`: rd := rs1 / rs2 (unsigned; `0xffff_ffff` if rs2 = 0).
    Divu,
    /// `rem rd, rs1, rs2`: rd := rs1 % rs2 (signed, the sign of rs1; rs1 if rs2 = 0, 0 for
    /// `i32::MIN % -1`).
    Rem,
    /// `remu rd, rs1, rs2`: rd := rs1 % rs2 (unsigned; rs1 if rs2 = 0).
    Remu,
    // Custom-0
    /// A custom-0 (major opcode 0x0B) R-type word: rd := the lookup entry of the table
    /// registered for its `funct3`/`funct7` at (rs1, rs2). The decoded `imm` holds
    /// `funct7 << 3 | funct3` ([`crate::CustomInstruction::selector`]).
    Custom,
    // Virtual
    /// rd := untrusted advice (range-checked to 32 bits by its lookup).
    VirtualAdvice,
    /// rd := rs1.
    VirtualMove,
    /// rd := 0xffff_ffff if rs1 is negative, else 0.
    VirtualMovsign,
    /// Assert rs1 == rs2.
    VirtualAssertEq,
    /// Assert rs1 <= rs2 (unsigned).
    VirtualAssertLte,
    /// Assert rs2 == 0 or rs1 < rs2 (unsigned): rs1 is a valid remainder for divisor rs2.
    VirtualAssertValidUnsignedRemainder,
    /// Assert rs1 != 0 or rs2 == 0xffff_ffff: the quotient of a division by rs1 = 0 is all ones.
    VirtualAssertValidDiv0,
    /// Assert rs1 + imm is even.
    VirtualAssertHalfwordAligned,
    /// Assert rs1 * rs2 < 2^32 (unsigned, as integers).
    VirtualAssertMulUNoOverflow,
}

impl Opcode {
    /// Every RV32IM and virtual opcode, in declaration order. [`Opcode::Custom`] is not listed:
    /// what it computes is not built in but comes from the instruction registered for it.
    pub const ALL: &'static [Opcode] = &[
        Opcode::Lui,
        Opcode::Auipc,
        Opcode::Jal,
        Opcode::Jalr,
        Opcode::Beq,
        Opcode::Bne,
        Opcode::Blt,
        Opcode::Bge,
        Opcode::Bltu,
        Opcode::Bgeu,
        Opcode::Lb,
        Opcode::Lh,
        Opcode::Lw,
        Opcode::Lbu,
        Opcode::Lhu,
        Opcode::Sb,
        Opcode::Sh,
        Opcode::Sw,
        Opcode::Addi,
        Opcode::Slti,
        Opcode::Sltiu,
        Opcode::Xori,
        Opcode::Ori,
        Opcode::Andi,
        Opcode::Slli,
        Opcode::Srli,
        Opcode::Srai,
        Opcode::Add,
        Opcode::Sub,
        Opcode::Sll,
        Opcode::Slt,
        Opcode::Sltu,
        Opcode::Xor,
        Opcode::Srl,
        Opcode::Sra,
        Opcode::Or,
        Opcode::And,
        Opcode::Fence,
        Opcode::Ecall,
        Opcode::Ebreak,
        Opcode::Mul,
        Opcode::Mulh,
        Opcode::Mulhsu,
        Opcode::Mulhu,
        Opcode::Div,
        Opcode::Divu,
        Opcode::Rem,
        Opcode::Remu,
        Opcode::VirtualAdvice,
        Opcode::VirtualMove,
        Opcode::VirtualMovsign,
        Opcode::VirtualAssertEq,
        Opcode::VirtualAssertLte,
        Opcode::VirtualAssertValidUnsignedRemainder,
        Opcode::VirtualAssertValidDiv0,
        Opcode::VirtualAssertHalfwordAligned,
        Opcode::VirtualAssertMulUNoOverflow,
    ];

    /// The mnemonic: upper case, `VIRTUAL_` prefixed for virtual opcodes. Stable.
    pub fn name(self) -> &'static str {
        use Opcode::*;
        match self {
            Lui => "LUI",
            Auipc => "AUIPC",
            Jal => "JAL",
            Jalr => "JALR",
            Beq => "BEQ",
            Bne => "BNE",
            Blt => "BLT",
            Bge => "BGE",
            Bltu => "BLTU",
            Bgeu => "BGEU",
            Lb => "LB",
            Lh => "LH",
            Lw => "LW",
            Lbu => "LBU",
            Lhu => "LHU",
            Sb => "SB",
            Sh => "SH",
            Sw => "SW",
            Addi => "ADDI",
            Slti => "SLTI",
            Sltiu => "SLTIU",
            Xori => "XORI",
            Ori => "ORI",
            Andi => "ANDI",
            Slli => "SLLI",
            Srli => "SRLI",
            Srai => "SRAI",
            Add => "ADD",
            Sub => "SUB",
            Sll => "SLL",
            Slt => "SLT",
            Sltu => "SLTU",
            Xor => "XOR",
            Srl => "SRL",
            Sra => "SRA",
            Or => "OR",
            And => "AND",
            Fence => "FENCE",
            Ecall => "ECALL",
            Ebreak => "EBREAK",
            Mul => "MUL",
            Mulh => "MULH",
            Mulhsu => "MULHSU",
            Mulhu => "MULHU",
            Div => "DIV",
            Divu => "DIVU",
            Rem => "REM",
            Remu => "REMU",
            Custom => "CUSTOM",
            VirtualAdvice => "VIRTUAL_ADVICE",
            VirtualMove => "VIRTUAL_MOVE",
            VirtualMovsign => "VIRTUAL_MOVSIGN",
            VirtualAssertEq => "VIRTUAL_ASSERT_EQ",
            VirtualAssertLte => "VIRTUAL_ASSERT_LTE",
            VirtualAssertValidUnsignedRemainder => "VIRTUAL_ASSERT_VALID_UNSIGNED_REMAINDER",
            VirtualAssertValidDiv0 => "VIRTUAL_ASSERT_VALID_DIV0",
            VirtualAssertHalfwordAligned => "VIRTUAL_ASSERT_HALFWORD_ALIGNED",
            VirtualAssertMulUNoOverflow => "VIRTUAL_ASSERT_MULU_NO_OVERFLOW",
        }
    }

    /// Whether the opcode appears only inside virtual sequences (never decoded from a word).
    #[inline]
    pub fn is_virtual(self) -> bool {
        self >= Opcode::VirtualAdvice
    }

    /// Whether the opcode is an assertion: it writes no register, and execution fails unless
    /// [`crate::alu`] returns 1 on its operands.
    #[inline]
    pub fn is_assertion(self) -> bool {
        use Opcode::*;
        matches!(
            self,
            VirtualAssertEq
                | VirtualAssertLte
                | VirtualAssertValidUnsignedRemainder
                | VirtualAssertValidDiv0
                | VirtualAssertHalfwordAligned
                | VirtualAssertMulUNoOverflow
        )
    }
}
