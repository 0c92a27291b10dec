//! The sub-word load and store sequences (LB, LBU, LH, LHU, SB, SH), run step by step by the
//! reference machine: every byte offset, sign and zero extension, the merge into the
//! containing word, and misaligned halfwords.

mod common;

use common::machine::{register_choices, Fault, Machine};
use jolt_instructions::{Instr, Opcode};
use rand::Rng;
use Opcode::*;

/// The value a load of `width` bytes at `address` reads from memory `m`.
fn expected_load(m: &Machine, address: u32, width: u32, signed: bool) -> u32 {
    let word = m.load(address & !3);
    let bits = 8 * width;
    let v = (word >> (8 * (address & 3))) & ((1u64 << bits) - 1) as u32;
    if signed {
        ((v << (32 - bits)) as i32 >> (32 - bits)) as u32
    } else {
        v
    }
}

#[test]
fn loads_read_every_offset_with_the_right_extension() {
    let mut rng = common::rng(35);
    for (op, width, signed) in [
        (Lb, 1, true),
        (Lbu, 1, false),
        (Lh, 2, true),
        (Lhu, 2, false),
    ] {
        for k in 0..2_000 {
            let choices = register_choices(&mut rng);
            let (rd, rs1, _) = choices[k % choices.len()];
            let imm = rng.gen_range(-2048i32..2048) as u32;
            let mut m = Machine::new(&mut rng);
            m.regs[0] = 0;
            if rs1 != 0 {
                m.regs[rs1 as usize] = (rng.gen::<u32>() & !3)
                    .wrapping_sub(imm)
                    .wrapping_add(k as u32 % 4);
            }
            let address = m.regs[rs1 as usize].wrapping_add(imm);
            let instr = Instr {
                opcode: op,
                rd,
                rs1,
                rs2: 0,
                imm,
            };
            let expected = expected_load(&m, address, width, signed);
            let result = m.run_honest(instr);
            if width == 2 && address & 1 == 1 {
                assert_eq!(
                    result,
                    Err(Fault::Assertion {
                        step: 0,
                        opcode: VirtualAssertHalfwordAligned
                    })
                );
                continue;
            }
            result.unwrap_or_else(|f| panic!("{op:?} at {address:#x}: {f:?}"));
            assert_eq!(
                m.regs[rd as usize],
                if rd == 0 { 0 } else { expected },
                "{op:?} at {address:#x}"
            );
        }
    }
}

#[test]
fn loads_sign_extend() {
    let mut m = Machine::new(&mut common::rng(36));
    m.memory.insert(0x1000, 0x80ff_7f01);
    m.regs[6] = 0x1000;
    let cases = [
        (Lb, 0, 0x01),
        (Lb, 1, 0x7f),
        (Lb, 2, 0xffff_ffff),
        (Lb, 3, 0xffff_ff80),
        (Lbu, 2, 0xff),
        (Lbu, 3, 0x80),
        (Lh, 0, 0x7f01),
        (Lh, 2, 0xffff_80ff),
        (Lhu, 2, 0x80ff),
    ];
    for (op, imm, expected) in cases {
        m.run_honest(Instr {
            opcode: op,
            rd: 5,
            rs1: 6,
            rs2: 0,
            imm,
        })
        .unwrap();
        assert_eq!(m.regs[5], expected, "{op:?} offset {imm}");
    }
}

#[test]
fn stores_merge_into_the_containing_word() {
    let mut rng = common::rng(37);
    for (op, width) in [(Sb, 1u32), (Sh, 2)] {
        for k in 0..2_000 {
            let choices = register_choices(&mut rng);
            let (_, rs1, rs2) = choices[k % choices.len()];
            let imm = rng.gen_range(-2048i32..2048) as u32;
            let mut m = Machine::new(&mut rng);
            m.regs[0] = 0;
            if rs1 != 0 {
                m.regs[rs1 as usize] = (rng.gen::<u32>() & !3)
                    .wrapping_sub(imm)
                    .wrapping_add(k as u32 % 4);
            }
            let address = m.regs[rs1 as usize].wrapping_add(imm);
            let value = m.regs[rs2 as usize];
            let aligned = address & !3;
            let (before, neighbours) = (
                m.load(aligned),
                [
                    m.load(aligned.wrapping_sub(4)),
                    m.load(aligned.wrapping_add(4)),
                ],
            );
            let regs = m.regs;
            let result = m.run_honest(Instr {
                opcode: op,
                rd: 0,
                rs1,
                rs2,
                imm,
            });
            if width == 2 && address & 1 == 1 {
                assert_eq!(
                    result,
                    Err(Fault::Assertion {
                        step: 0,
                        opcode: VirtualAssertHalfwordAligned
                    })
                );
                continue;
            }
            result.unwrap_or_else(|f| panic!("{op:?} at {address:#x}: {f:?}"));
            let shift = 8 * (address & 3);
            let mask = (((1u64 << (8 * width)) - 1) as u32) << shift;
            assert_eq!(
                m.load(aligned),
                (before & !mask) | ((value << shift) & mask),
                "{op:?} at {address:#x}"
            );
            assert_eq!(
                [
                    m.load(aligned.wrapping_sub(4)),
                    m.load(aligned.wrapping_add(4))
                ],
                neighbours
            );
            assert_eq!(m.regs[..32], regs[..32], "{op:?} writes no real register");
        }
    }
}

#[test]
fn misaligned_halfword_accesses_fail() {
    let mut m = Machine::new(&mut common::rng(38));
    m.regs[6] = 0x1001;
    for op in [Lh, Lhu, Sh] {
        let instr = Instr {
            opcode: op,
            rd: 5,
            rs1: 6,
            rs2: 7,
            imm: 2,
        };
        assert_eq!(
            m.clone().run_honest(instr),
            Err(Fault::Assertion {
                step: 0,
                opcode: VirtualAssertHalfwordAligned
            })
        );
        let instr = Instr { imm: 1, ..instr };
        assert!(m.clone().run_honest(instr).is_ok(), "{op:?} at 0x1002");
    }
}
