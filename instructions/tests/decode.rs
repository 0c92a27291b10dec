//! Decoding conformance with the RISC-V unprivileged spec (RV32I + M): every encoding, and the
//! immediate formats at their edges.

mod common;

use common::encode::{b, i, instr, j, r, s};
use jolt_instructions::{decode, Opcode};
use rand::Rng;
use Opcode::*;

#[test]
fn words_from_an_assembler() {
    let cases = [
        (0xfff0_0093, instr(Addi, 1, 0, 0, -1)),  // addi ra, zero, -1
        (0xfe01_0113, instr(Addi, 2, 2, 0, -32)), // addi sp, sp, -32
        (0xffdf_f0ef, instr(Jal, 1, 0, 0, -4)),   // jal ra, -4
        (0x8000_0063, instr(Beq, 0, 0, 0, -4096)), // beq zero, zero, -4096
        (0x7e00_0fe3, instr(Beq, 0, 0, 0, 4094)), // beq zero, zero, 4094
        (0x0000_8067, instr(Jalr, 0, 1, 0, 0)),   // ret
        (0x40b5_0533, instr(Sub, 10, 10, 11, 0)), // sub a0, a0, a1
        (0x02b5_0533, instr(Mul, 10, 10, 11, 0)), // mul a0, a0, a1
        (0x4015_d513, instr(Srai, 10, 11, 0, 1)), // srai a0, a1, 1
        (0x01f5_9513, instr(Slli, 10, 11, 0, 31)), // slli a0, a1, 31
        (0x0011_2e23, instr(Sw, 0, 2, 1, 28)),    // sw ra, 28(sp)
        (0xfe11_2e23, instr(Sw, 0, 2, 1, -4)),    // sw ra, -4(sp)
        (0xfff0_0537, instr(Lui, 10, 0, 0, -0x10_0000)), // lui a0, 0xfff00
        (0x0000_0517, instr(Auipc, 10, 0, 0, 0)), // auipc a0, 0
        (0xffc5_4503, instr(Lbu, 10, 10, 0, -4)), // lbu a0, -4(a0)
        (0x0ff0_000f, instr(Fence, 0, 0, 0, 0)),  // fence iorw, iorw
        (0x8330_000f, instr(Fence, 0, 0, 0, 0)),  // fence.tso
        (0x0100_000f, instr(Fence, 0, 0, 0, 0)),  // pause
        (0x0000_100f, instr(Fence, 0, 0, 0, 0)),  // fence.i
        (0x0000_0073, instr(Ecall, 0, 0, 0, 0)),  // ecall
        (0x0010_0073, instr(Ebreak, 0, 0, 0, 0)), // ebreak
        (0x00b5_0033, instr(Add, 0, 10, 11, 0)),  // add zero, a0, a1: rd = x0 decodes
    ];
    for (word, expected) in cases {
        assert_eq!(decode(word), Ok(expected), "{word:#010x}");
    }
}

#[test]
fn register_register_instructions() {
    let table = [
        (0, 0, Add),
        (0x20, 0, Sub),
        (0, 1, Sll),
        (0, 2, Slt),
        (0, 3, Sltu),
        (0, 4, Xor),
        (0, 5, Srl),
        (0x20, 5, Sra),
        (0, 6, Or),
        (0, 7, And),
        (1, 0, Mul),
        (1, 1, Mulh),
        (1, 2, Mulhsu),
        (1, 3, Mulhu),
        (1, 4, Div),
        (1, 5, Divu),
        (1, 6, Rem),
        (1, 7, Remu),
    ];
    let mut rng = common::rng(10);
    for (funct7, funct3, opcode) in table {
        for _ in 0..50 {
            let (rd, rs1, rs2) = (
                rng.gen_range(0..32),
                rng.gen_range(0..32),
                rng.gen_range(0..32),
            );
            assert_eq!(
                decode(r(funct7, rs2, rs1, funct3, rd, 0x33)),
                Ok(instr(opcode, rd, rs1, rs2, 0))
            );
        }
    }
}

/// Edge immediates of a `bits`-bit signed field whose low `low_zero` bits are implicitly 0.
fn edge_immediates(bits: u32, low_zero: u32) -> Vec<i32> {
    let max = (1i32 << (bits - 1)) - (1 << low_zero);
    let min = -(1i32 << (bits - 1));
    let step = 1 << low_zero;
    vec![
        0,
        step,
        -step,
        max,
        min,
        max - step,
        min + step,
        0x555 << low_zero & max,
        -(0x2aa << low_zero),
    ]
}

#[test]
fn immediate_instructions_sign_extend() {
    let table = [
        (0x13, 0, Addi),
        (0x13, 2, Slti),
        (0x13, 3, Sltiu),
        (0x13, 4, Xori),
        (0x13, 6, Ori),
        (0x13, 7, Andi),
        (0x67, 0, Jalr),
        (0x03, 0, Lb),
        (0x03, 1, Lh),
        (0x03, 2, Lw),
        (0x03, 4, Lbu),
        (0x03, 5, Lhu),
    ];
    for (op, funct3, opcode) in table {
        for imm in edge_immediates(12, 0) {
            assert_eq!(
                decode(i(imm, 7, funct3, 9, op)),
                Ok(instr(opcode, 9, 7, 0, imm)),
                "{opcode:?} {imm}"
            );
        }
    }
    for (funct3, opcode) in [(0, Sb), (1, Sh), (2, Sw)] {
        for imm in edge_immediates(12, 0) {
            assert_eq!(
                decode(s(imm, 5, 6, funct3, 0x23)),
                Ok(instr(opcode, 0, 6, 5, imm)),
                "{opcode:?} {imm}"
            );
        }
    }
}

#[test]
fn branch_and_jump_offsets() {
    let table = [(0, Beq), (1, Bne), (4, Blt), (5, Bge), (6, Bltu), (7, Bgeu)];
    for (funct3, opcode) in table {
        for imm in edge_immediates(13, 1) {
            assert_eq!(
                decode(b(imm, 3, 4, funct3)),
                Ok(instr(opcode, 0, 4, 3, imm)),
                "{opcode:?} {imm}"
            );
        }
    }
    for imm in edge_immediates(21, 1) {
        assert_eq!(decode(j(imm, 1)), Ok(instr(Jal, 1, 0, 0, imm)), "jal {imm}");
    }
}

#[test]
fn upper_immediates_are_shifted() {
    for upper in [0u32, 1, 0x7ffff, 0x80000, 0xfffff, 0x12345] {
        let imm = (upper << 12) as i32;
        assert_eq!(
            decode(upper << 12 | 3 << 7 | 0x37),
            Ok(instr(Lui, 3, 0, 0, imm))
        );
        assert_eq!(
            decode(upper << 12 | 3 << 7 | 0x17),
            Ok(instr(Auipc, 3, 0, 0, imm))
        );
    }
}

#[test]
fn shift_immediates_keep_the_shift_amount() {
    for shamt in [0, 1, 15, 31] {
        assert_eq!(
            decode(r(0, shamt, 1, 1, 2, 0x13)),
            Ok(instr(Slli, 2, 1, 0, shamt as i32))
        );
        assert_eq!(
            decode(r(0, shamt, 1, 5, 2, 0x13)),
            Ok(instr(Srli, 2, 1, 0, shamt as i32))
        );
        assert_eq!(
            decode(r(0x20, shamt, 1, 5, 2, 0x13)),
            Ok(instr(Srai, 2, 1, 0, shamt as i32))
        );
    }
}
