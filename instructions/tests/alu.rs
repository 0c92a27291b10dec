//! Reference semantics against the RISC-V spec: shifts use the low 5 bits, division by zero
//! and overflow, the signs of the high multiplications, comparisons, jumps, and operand
//! selection.

mod common;

use jolt_instructions::{alu, operands, Instr, Opcode};
use Opcode::*;

const MIN: u32 = i32::MIN as u32;
const NEG1: u32 = u32::MAX;

fn neg(v: i32) -> u32 {
    v as u32
}

#[test]
fn shifts_use_the_low_five_bits() {
    for (op, opi) in [(Sll, Slli), (Srl, Srli), (Sra, Srai)] {
        for (x, y) in common::operand_pairs(20, 1_000) {
            assert_eq!(alu(op, x, y), alu(op, x, y & 31));
            assert_eq!(alu(op, x, y), alu(opi, x, y));
        }
    }
    assert_eq!(alu(Sll, 1, 33), 2);
    assert_eq!(alu(Sll, 1, 31), MIN);
    assert_eq!(alu(Sll, 0xdead_beef, 32), 0xdead_beef);
    assert_eq!(alu(Srl, MIN, 63), 1);
    assert_eq!(alu(Srl, NEG1, 4), 0x0fff_ffff);
    assert_eq!(alu(Sra, MIN, 31), NEG1);
    assert_eq!(alu(Sra, neg(-16), 2), neg(-4));
    assert_eq!(alu(Sra, 0x7fff_ffff, 30), 1);
    assert_eq!(alu(Sra, MIN, 32), MIN);
}

#[test]
fn division_by_zero_and_overflow() {
    for x in common::EDGES.into_iter().chain([7, neg(-7), 12345]) {
        assert_eq!(alu(Div, x, 0), NEG1);
        assert_eq!(alu(Divu, x, 0), NEG1);
        assert_eq!(alu(Rem, x, 0), x);
        assert_eq!(alu(Remu, x, 0), x);
    }
    assert_eq!(alu(Div, MIN, NEG1), MIN);
    assert_eq!(alu(Rem, MIN, NEG1), 0);
    assert_eq!(alu(Divu, MIN, NEG1), 0);
    assert_eq!(alu(Remu, MIN, NEG1), MIN);
}

#[test]
fn signed_division_rounds_towards_zero() {
    assert_eq!(alu(Div, neg(-7), 2), neg(-3));
    assert_eq!(alu(Rem, neg(-7), 2), neg(-1));
    assert_eq!(alu(Div, 7, neg(-2)), neg(-3));
    assert_eq!(alu(Rem, 7, neg(-2)), 1);
    assert_eq!(alu(Div, neg(-7), neg(-2)), 3);
    assert_eq!(alu(Rem, neg(-7), neg(-2)), neg(-1));
    assert_eq!(alu(Divu, neg(-7), 2), 0x7fff_fffc);
    for (x, y) in common::operand_pairs(21, 10_000) {
        let (sx, sy) = (i64::from(x as i32), i64::from(y as i32));
        if sy != 0 {
            // i64 does not overflow: the truncating quotient and the matching remainder.
            assert_eq!(alu(Div, x, y), (sx / sy) as u32, "{x:#x} / {y:#x}");
            assert_eq!(alu(Rem, x, y), (sx % sy) as u32, "{x:#x} % {y:#x}");
            assert_eq!(alu(Divu, x, y), x / y);
            assert_eq!(alu(Remu, x, y), x % y);
        }
    }
}

#[test]
fn high_multiplications_have_the_right_signs() {
    assert_eq!(alu(Mulh, NEG1, NEG1), 0);
    assert_eq!(alu(Mulhu, NEG1, NEG1), 0xffff_fffe);
    assert_eq!(alu(Mulhsu, NEG1, NEG1), NEG1);
    assert_eq!(alu(Mulhsu, NEG1, 1), NEG1);
    assert_eq!(alu(Mulh, MIN, MIN), 0x4000_0000);
    assert_eq!(alu(Mulhsu, MIN, NEG1), MIN);
    assert_eq!(alu(Mulh, MIN, 1), NEG1);
    assert_eq!(alu(Mul, MIN, NEG1), MIN);
    for (x, y) in common::operand_pairs(22, 10_000) {
        let (sx, sy, ux, uy) = (
            i128::from(x as i32),
            i128::from(y as i32),
            i128::from(x),
            i128::from(y),
        );
        assert_eq!(alu(Mulh, x, y), ((sx * sy) >> 32) as u32);
        assert_eq!(alu(Mulhsu, x, y), ((sx * uy) >> 32) as u32);
        assert_eq!(alu(Mulhu, x, y), ((ux * uy) >> 32) as u32);
        assert_eq!(alu(Mul, x, y), (ux * uy) as u32);
    }
}

#[test]
fn comparisons_and_branches() {
    assert_eq!(alu(Slt, NEG1, 0), 1);
    assert_eq!(alu(Sltu, NEG1, 0), 0);
    assert_eq!(alu(Slti, 0, NEG1), 0);
    assert_eq!(alu(Sltiu, 0, 1), 1, "seqz");
    assert_eq!(
        alu(Sltiu, 5, NEG1),
        1,
        "the immediate is sign-extended, then compared unsigned"
    );
    for (x, y) in common::operand_pairs(23, 2_000) {
        let (sx, sy) = (x as i32, y as i32);
        assert_eq!(alu(Beq, x, y), u32::from(x == y));
        assert_eq!(alu(Bne, x, y), u32::from(x != y));
        assert_eq!(alu(Blt, x, y), u32::from(sx < sy));
        assert_eq!(alu(Bge, x, y), u32::from(sx >= sy));
        assert_eq!(alu(Bltu, x, y), u32::from(x < y));
        assert_eq!(alu(Bgeu, x, y), u32::from(x >= y));
        assert_eq!(alu(Slt, x, y), alu(Blt, x, y));
        assert_eq!(alu(Sltu, x, y), alu(Bltu, x, y));
    }
}

#[test]
fn jumps_and_upper_immediates() {
    assert_eq!(alu(Jalr, 0x1001, 0), 0x1000);
    assert_eq!(alu(Jalr, 0x1000, neg(-1)), 0xffe);
    assert_eq!(alu(Jalr, NEG1, 2), 0);
    assert_eq!(alu(Jal, 0x8000_0000, neg(-4)), 0x7fff_fffc);
    assert_eq!(alu(Auipc, 0x8000_0000, 0x8000_0000), 0);
    assert_eq!(alu(Lui, 0, 0xabcd_e000), 0xabcd_e000);
}

#[test]
fn operands_are_selected_per_opcode() {
    let (pc, a, b) = (0x8000_0100, 11, 22);
    let i = |opcode| Instr {
        opcode,
        rd: 1,
        rs1: 2,
        rs2: 3,
        imm: 33,
    };
    assert_eq!(operands(&i(Lui), pc, a, b), (0, 33));
    assert_eq!(operands(&i(Auipc), pc, a, b), (pc, 33));
    assert_eq!(operands(&i(Jal), pc, a, b), (pc, 33));
    assert_eq!(operands(&i(Jalr), pc, a, b), (a, 33));
    assert_eq!(operands(&i(Beq), pc, a, b), (a, b));
    assert_eq!(operands(&i(Lw), pc, a, b), (a, 33));
    assert_eq!(operands(&i(Sw), pc, a, b), (a, 33));
    assert_eq!(operands(&i(Addi), pc, a, b), (a, 33));
    assert_eq!(operands(&i(Add), pc, a, b), (a, b));
    assert_eq!(operands(&i(Divu), pc, a, b), (a, b));
    assert_eq!(operands(&i(VirtualAssertEq), pc, a, b), (a, b));
    assert_eq!(operands(&i(VirtualMovsign), pc, a, b), (a, 33));
    assert_eq!(operands(&i(VirtualAdvice), pc, a, b), (a, 33));
    assert_eq!(
        alu(Lw, 0x1000, neg(-4)),
        0xffc,
        "memory instructions compute the address"
    );
}

#[test]
fn virtual_operations() {
    assert_eq!(alu(VirtualMovsign, MIN, 0), NEG1);
    assert_eq!(alu(VirtualMovsign, 0x7fff_ffff, 0), 0);
    assert_eq!(alu(VirtualMove, 5, 0), 5);
    assert_eq!(alu(VirtualAssertLte, 5, 5), 1);
    assert_eq!(alu(VirtualAssertLte, 6, 5), 0);
    assert_eq!(alu(VirtualAssertValidUnsignedRemainder, 9, 0), 1);
    assert_eq!(alu(VirtualAssertValidUnsignedRemainder, 9, 9), 0);
    assert_eq!(alu(VirtualAssertValidDiv0, 0, NEG1), 1);
    assert_eq!(alu(VirtualAssertValidDiv0, 0, 1), 0);
    assert_eq!(alu(VirtualAssertValidDiv0, 3, 1), 1);
    assert_eq!(alu(VirtualAssertHalfwordAligned, 1, 1), 1);
    assert_eq!(alu(VirtualAssertHalfwordAligned, 2, 1), 0);
    assert_eq!(alu(VirtualAssertMulUNoOverflow, 0x1_0000, 0xffff), 1);
    assert_eq!(alu(VirtualAssertMulUNoOverflow, 0x1_0000, 0x1_0000), 0);
}
