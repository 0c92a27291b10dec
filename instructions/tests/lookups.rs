//! Every built-in lookup table: its decomposition reproduces its entries on random and edge
//! operands, every chunk is read by a subtable, and the entries agree with `alu` for the opcodes
//! that query the table.

mod common;

use std::collections::HashSet;

use jolt_instructions::check::{check_coverage, check_queries};
use jolt_instructions::{alu, expand, lookup_query, IndexPacking, Instr, LookupId, Opcode, M};
use rand::Rng;

#[test]
fn decompositions_reproduce_the_entries() {
    let pairs = common::operand_pairs(1, 10_000);
    for id in LookupId::ALL {
        check_queries(id.table(), pairs.iter().copied()).unwrap();
    }
}

#[test]
fn every_chunk_is_read_by_a_subtable() {
    for id in LookupId::ALL {
        check_coverage(id.table()).unwrap();
    }
}

#[test]
fn every_index_chunk_is_below_m() {
    let pairs = common::operand_pairs(2, 1_000);
    for id in LookupId::ALL {
        for &(x, y) in &pairs {
            assert!(
                id.table().to_indices(x, y).iter().all(|&i| i < M),
                "{id:?} ({x:#x}, {y:#x})"
            );
        }
    }
}

#[test]
fn table_names_are_unique() {
    let names: HashSet<_> = LookupId::ALL.iter().map(|id| id.table().name()).collect();
    assert_eq!(names.len(), LookupId::ALL.len());
}

/// Opcodes that have no lookup of their own.
const WITHOUT_LOOKUP: &[Opcode] = {
    use Opcode::*;
    &[
        Lb, Lh, Lw, Lbu, Lhu, Sb, Sh, Sw, Fence, Ecall, Ebreak, Mulh, Mulhsu, Div, Divu, Rem, Remu,
    ]
};

#[test]
fn the_right_opcodes_have_lookups() {
    for &op in Opcode::ALL {
        assert_eq!(
            op.lookup().is_none(),
            WITHOUT_LOOKUP.contains(&op),
            "{op:?}"
        );
        // The instructions without a lookup other than LW, SW, FENCE, ECALL, EBREAK are expanded.
        let instr = Instr {
            opcode: op,
            rd: 1,
            rs1: 2,
            rs2: 3,
            imm: 4,
        };
        let plain = expand(instr) == vec![instr];
        let native = matches!(
            op,
            Opcode::Lw | Opcode::Sw | Opcode::Fence | Opcode::Ecall | Opcode::Ebreak
        );
        assert_eq!(plain, op.lookup().is_some() || native, "{op:?}");
    }
    let used: HashSet<_> = Opcode::ALL.iter().filter_map(|op| op.lookup()).collect();
    assert_eq!(
        used,
        LookupId::ALL.iter().copied().collect(),
        "every table is used, and listed in ALL"
    );
}

#[test]
fn lookup_entries_agree_with_alu() {
    let mut rng = common::rng(3);
    let pairs = common::operand_pairs(4, 2_000);
    for &op in Opcode::ALL {
        for &(a, b) in &pairs {
            let instr = Instr {
                opcode: op,
                rd: 1,
                rs1: 2,
                rs2: 3,
                imm: rng.gen(),
            };
            let pc = rng.gen::<u32>() & !3;
            if let Some((id, x, y)) = lookup_query(&instr, pc, a, b) {
                assert_eq!(
                    id.table().lookup_entry(x, y),
                    alu(op, x, y),
                    "{op:?} ({x:#x}, {y:#x})"
                );
            }
        }
    }
}

#[test]
fn lookup_queries_select_the_operands() {
    use LookupId as L;
    use Opcode::*;
    let i = |opcode, imm| Instr {
        opcode,
        rd: 1,
        rs1: 2,
        rs2: 3,
        imm,
    };
    let (pc, a, b, imm) = (0x8000_0010, 0x1234_5678, 0x9abc_def0, 0xffff_f800);
    let q = |instr: Instr| lookup_query(&instr, pc, a, b);
    assert_eq!(q(i(Addi, imm)), Some((L::Add, a, imm)));
    assert_eq!(q(i(Add, 0)), Some((L::Add, a, b)));
    assert_eq!(q(i(Auipc, 0x1000)), Some((L::Add, pc, 0x1000)));
    assert_eq!(q(i(Jal, imm)), Some((L::Add, pc, imm)));
    assert_eq!(q(i(Lui, 0xabcd_e000)), Some((L::Add, 0, 0xabcd_e000)));
    assert_eq!(q(i(Jalr, imm)), Some((L::JalrTarget, a, imm)));
    assert_eq!(q(i(Beq, 8)), Some((L::Eq, a, b)));
    assert_eq!(q(i(Bne, 8)), Some((L::Ne, a, b)));
    assert_eq!(q(i(Blt, 8)), Some((L::Slt, a, b)));
    assert_eq!(q(i(Bge, 8)), Some((L::Ge, a, b)));
    assert_eq!(q(i(Bltu, 8)), Some((L::Sltu, a, b)));
    assert_eq!(q(i(Bgeu, 8)), Some((L::Geu, a, b)));
    assert_eq!(q(i(Slli, 3)), Some((L::Sll, a, 3)));
    assert_eq!(q(i(Sra, 0)), Some((L::Sra, a, b)));
    assert_eq!(q(i(Sltiu, imm)), Some((L::Sltu, a, imm)));
    assert_eq!(q(i(VirtualAdvice, 0)), Some((L::Move, a, 0)));
    assert_eq!(
        q(i(VirtualAssertHalfwordAligned, imm)),
        Some((L::AssertHalfwordAligned, a, imm))
    );
    assert_eq!(q(i(Lw, imm)), None);
    assert_eq!(q(i(Sw, imm)), None);
    assert_eq!(q(i(Div, 0)), None);
}

#[test]
fn packings_are_as_documented() {
    let (x, y) = (0x1234_5678, 0x9abc_def0);
    assert_eq!(
        IndexPacking::Interleaved.indices(x, y),
        [0x129a, 0x34bc, 0x56de, 0x78f0]
    );
    assert_eq!(
        IndexPacking::Shift.indices(x, y),
        [0x12f0, 0x34f0, 0x56f0, 0x78f0]
    );
    assert_eq!(IndexPacking::Word.indices(x, y), [0, 0, 0x1234, 0x5678]);
    assert_eq!(IndexPacking::Sum.indices(x, y), [0, 0, 0xacf1, 0x3568]);
    assert_eq!(
        IndexPacking::Sum.indices(u32::MAX, u32::MAX),
        [0, 1, 0xffff, 0xfffe]
    );
    assert_eq!(
        IndexPacking::Difference.indices(x, y),
        [0, 0, 0x7777, 0x7788]
    );
    assert_eq!(
        IndexPacking::Difference.indices(y, x),
        [0, 1, 0x8888, 0x8878]
    );
    assert_eq!(
        IndexPacking::Product.indices(u32::MAX, u32::MAX),
        [0xffff, 0xfffe, 0, 1]
    );
}
