//! A tiny RV32IM assembler for emulator tests: instruction encoders and a program builder.
#![allow(dead_code)]

use jolt_common::RAM_START;
use jolt_tracer::{Program, Segment};

pub fn r(funct7: u32, rs2: u32, rs1: u32, funct3: u32, rd: u32) -> u32 {
    funct7 << 25 | rs2 << 20 | rs1 << 15 | funct3 << 12 | rd << 7 | 0x33
}
pub fn i(opcode: u32, imm: i32, rs1: u32, funct3: u32, rd: u32) -> u32 {
    ((imm as u32) & 0xfff) << 20 | rs1 << 15 | funct3 << 12 | rd << 7 | opcode
}
pub fn s(imm: i32, rs2: u32, rs1: u32, funct3: u32) -> u32 {
    let imm = imm as u32;
    (imm >> 5 & 0x7f) << 25 | rs2 << 20 | rs1 << 15 | funct3 << 12 | (imm & 0x1f) << 7 | 0x23
}
pub fn b(imm: i32, rs2: u32, rs1: u32, funct3: u32) -> u32 {
    let imm = imm as u32;
    (imm >> 12 & 1) << 31
        | (imm >> 5 & 0x3f) << 25
        | rs2 << 20
        | rs1 << 15
        | funct3 << 12
        | (imm >> 1 & 0xf) << 8
        | (imm >> 11 & 1) << 7
        | 0x63
}
pub fn addi(rd: u32, rs1: u32, imm: i32) -> u32 {
    i(0x13, imm, rs1, 0, rd)
}
pub fn add(rd: u32, rs1: u32, rs2: u32) -> u32 {
    r(0, rs2, rs1, 0, rd)
}
pub fn mul(rd: u32, rs1: u32, rs2: u32) -> u32 {
    r(1, rs2, rs1, 0, rd)
}
pub fn div(rd: u32, rs1: u32, rs2: u32) -> u32 {
    r(1, rs2, rs1, 4, rd)
}
pub fn lui(rd: u32, upper: u32) -> u32 {
    upper & 0xffff_f000 | rd << 7 | 0x37
}
pub fn jal(rd: u32, imm: i32) -> u32 {
    let imm = imm as u32;
    (imm >> 20 & 1) << 31
        | (imm >> 1 & 0x3ff) << 21
        | (imm >> 11 & 1) << 20
        | (imm >> 12 & 0xff) << 12
        | rd << 7
        | 0x6f
}
pub fn jalr(rd: u32, rs1: u32, imm: i32) -> u32 {
    i(0x67, imm, rs1, 0, rd)
}
pub fn beq(rs1: u32, rs2: u32, imm: i32) -> u32 {
    b(imm, rs2, rs1, 0)
}
pub fn bne(rs1: u32, rs2: u32, imm: i32) -> u32 {
    b(imm, rs2, rs1, 1)
}
pub fn lb(rd: u32, rs1: u32, imm: i32) -> u32 {
    i(0x03, imm, rs1, 0, rd)
}
pub fn lh(rd: u32, rs1: u32, imm: i32) -> u32 {
    i(0x03, imm, rs1, 1, rd)
}
pub fn lw(rd: u32, rs1: u32, imm: i32) -> u32 {
    i(0x03, imm, rs1, 2, rd)
}
pub fn lbu(rd: u32, rs1: u32, imm: i32) -> u32 {
    i(0x03, imm, rs1, 4, rd)
}
pub fn lhu(rd: u32, rs1: u32, imm: i32) -> u32 {
    i(0x03, imm, rs1, 5, rd)
}
pub fn sb(rs2: u32, rs1: u32, imm: i32) -> u32 {
    s(imm, rs2, rs1, 0)
}
pub fn sh(rs2: u32, rs1: u32, imm: i32) -> u32 {
    s(imm, rs2, rs1, 1)
}
pub fn sw(rs2: u32, rs1: u32, imm: i32) -> u32 {
    s(imm, rs2, rs1, 2)
}
pub const ECALL: u32 = 0x73;
pub const A0: u32 = 10;
pub const A7: u32 = 17;

/// `exit(a0)`: a7 = 93; ecall.
pub fn exit() -> [u32; 2] {
    [addi(A7, 0, 93), ECALL]
}

/// A program: `code` at RAM_START, then a writable `data` segment at the next 4 KiB page.
pub fn program(code: &[u32], data: &[u8]) -> Program {
    let code_bytes: Vec<u8> = code.iter().flat_map(|w| w.to_le_bytes()).collect();
    let mut segments = vec![Segment {
        vaddr: RAM_START,
        mem_size: code_bytes.len() as u32,
        data: code_bytes,
        executable: true,
    }];
    if !data.is_empty() {
        segments.push(Segment {
            vaddr: DATA,
            data: data.to_vec(),
            mem_size: data.len() as u32,
            executable: false,
        });
    }
    Program {
        entry: RAM_START,
        segments,
        functions: vec![],
    }
}

/// Address of the data segment of [`program`].
pub const DATA: u32 = RAM_START + 0x1000;
