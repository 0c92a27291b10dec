//! Completeness of the RV32IM constraints on real traces (a hand-assembled program using every
//! opcode, and the RV32IM conformance ELFs when built), Spartan on one trace, and (in
//! [`attacks`]) one named test per way to cheat.

mod agreement;
#[path = "../../../../tracer/tests/asm/mod.rs"]
pub(crate) mod asm;
mod attacks;
mod parameters;
mod private_input;
mod proof;
mod proof_attacks;
mod ram_pages;
mod stack_guard;
mod zero_knowledge;

use super::bytecode::{program_rows, Flag, RowFields};
use super::constraints::{rv32im_shape, Columns};
use super::witness::WitnessTable;
use crate::field::Fr;
use crate::r1cs::spartan::{self, SpartanError};
use crate::r1cs::UniformShape;
use crate::transcript::Transcript;
use asm::*;
use jolt_common::MemoryLayout;
use jolt_instructions::Opcode;
use jolt_tracer::{run, Bytecode, Program, RunConfig, Trace};
use std::collections::BTreeSet;

/// A traced run: the bytecode, its table, and the cycles.
pub(super) struct Run {
    pub bytecode: Bytecode,
    pub rows: Vec<RowFields>,
    pub trace: Trace,
}

pub(super) fn execute(program: &Program) -> Run {
    let config = RunConfig {
        layout: MemoryLayout {
            memory_size: 1 << 20,
            ..MemoryLayout::default()
        },
        max_cycles: 1 << 20,
        stack_guard: false,
    };
    let bytecode = Bytecode::new(program);
    let mut trace = Trace::default();
    run(program, &bytecode, &config, &[], &mut trace).expect("the program runs to its exit");
    let rows = program_rows(&bytecode);
    Run {
        bytecode,
        rows,
        trace,
    }
}

impl Run {
    pub fn witness(&self, cols: &Columns) -> WitnessTable {
        WitnessTable::new(cols, &self.rows, &self.trace.cycles)
    }

    /// Executed opcodes (the rows' and their source instructions').
    pub fn opcodes(&self) -> BTreeSet<Opcode> {
        let mut ops = BTreeSet::new();
        for c in &self.trace.cycles {
            let r = &self.bytecode.rows[c.row as usize];
            ops.insert(r.source.opcode);
            ops.insert(r.instr.expect("executed rows decode").opcode);
        }
        ops
    }

    /// The first cycle whose bytecode row satisfies `pred`.
    pub fn find(&self, pred: impl Fn(&jolt_tracer::BytecodeRow) -> bool) -> usize {
        self.trace
            .cycles
            .iter()
            .position(|c| pred(&self.bytecode.rows[c.row as usize]))
            .expect("the program has such a cycle")
    }

    /// The first cycle executing `opcode` (as a row, not as a source instruction).
    pub fn find_op(&self, opcode: Opcode) -> usize {
        self.find(|r| r.instr.map(|i| i.opcode) == Ok(opcode))
    }
}

pub(super) fn check(
    shape: &UniformShape,
    w: &WitnessTable,
) -> Result<(), crate::r1cs::Unsatisfied> {
    shape.check_witness::<Fr>(&w.clone().into_polynomials())
}

fn r_type(f7: u32, f3: u32) -> impl Fn(u32, u32, u32) -> u32 {
    move |rd, rs1, rs2| r(f7, rs2, rs1, f3, rd)
}
fn i_alu(f3: u32) -> impl Fn(u32, u32, i32) -> u32 {
    move |rd, rs1, imm| i(0x13, imm, rs1, f3, rd)
}
fn auipc(rd: u32, upper: u32) -> u32 {
    upper & 0xffff_f000 | rd << 7 | 0x17
}

/// A program executing every RV32IM instruction (and so every virtual sequence) and ECALL:
/// negative and positive operands, division by zero, taken and untaken branches, a negative
/// memory offset that wraps (rs1 + imm ≥ 2^32), jumps with and without link, a write to x0.
pub(super) fn every_opcode_program() -> Program {
    let (x1, x2, x3) = (1, 2, 3);
    let mut code = vec![
        lui(5, 0x1234_5000),
        auipc(6, 0x1000),
        addi(x1, 0, -7),
        addi(x2, 0, 3),
        addi(x3, 0, 0),
    ];
    // R-type ALU and M extension, on (-7, 3) and (-7, 0).
    let rr = [
        (0, 0),
        (0x20, 0),
        (0, 1),
        (0, 2),
        (0, 3),
        (0, 4),
        (0, 5),
        (0x20, 5),
        (0, 6),
        (0, 7),
    ];
    for (k, (f7, f3)) in rr.into_iter().enumerate() {
        code.push(r_type(f7, f3)(7 + k as u32 % 8, x1, x2));
    }
    for f3 in 0..8 {
        code.push(r_type(1, f3)(16 + f3, x1, x2));
        code.push(r_type(1, f3)(24 + f3 % 4, x2, x3));
    }
    // I-type ALU.
    for f3 in [0, 2, 3, 4, 6, 7] {
        code.push(i_alu(f3)(7 + f3, x1, -5));
    }
    code.extend([
        i_alu(1)(7, x1, 4),
        i_alu(5)(8, x1, 4),
        i_alu(5)(9, x1, 0x400 | 4),
    ]);
    // Memory: data at DATA (x8), every width, and a negative offset from x10 = DATA + 8.
    code.extend([
        lui(8, DATA),
        sw(x1, 8, 0),
        sw(x2, 8, 4),
        lw(9, 8, 4),
        lb(9, 8, 1),
        lbu(9, 8, 2),
        lh(9, 8, 2),
        lhu(9, 8, 0),
        sb(x2, 8, 3),
        sh(x1, 8, 6),
        addi(10, 8, 8),
        lw(9, 10, -8),
        sw(x2, 10, -4),
        0x0ff0_000f, // fence
    ]);
    // Branches: each skips the following addi when taken (all six taken, then none).
    let skip = addi(20, 20, 1);
    for (f3, taken) in [
        (0, (x1, x1)),
        (1, (x1, x2)),
        (4, (x1, x2)),
        (5, (x2, x1)),
        (6, (x2, x1)),
        (7, (x1, x2)),
    ] {
        code.extend([b(8, taken.1, taken.0, f3), skip]);
    }
    for (f3, not_taken) in [
        (0, (x1, x2)),
        (1, (x1, x1)),
        (4, (x2, x1)),
        (5, (x1, x2)),
        (6, (x1, x2)),
        (7, (x2, x1)),
    ] {
        code.extend([b(8, not_taken.1, not_taken.0, f3), skip]);
    }
    code.extend([
        jal(11, 8),
        skip,
        auipc(12, 0),
        jalr(13, 12, 12),
        skip,
        jal(0, 8),
        skip,
        add(0, x1, x2), // a write to x0 is dropped
        addi(10, 0, 0),
    ]);
    code.extend(exit());
    program(
        &code,
        &[0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0, 0, 0, 0],
    )
}

#[test]
fn every_opcode_satisfies_the_constraints() {
    let (shape, cols) = rv32im_shape();
    let run = execute(&every_opcode_program());
    let ops = run.opcodes();
    let missing: Vec<_> = Opcode::ALL
        .iter()
        .filter(|o| !ops.contains(o) && **o != Opcode::Ebreak)
        .collect();
    assert!(missing.is_empty(), "not executed: {missing:?}");
    let w = run.witness(&cols);
    assert!(w.len > run.trace.cycles.len(), "the trace is padded");
    assert_eq!(check(&shape, &w), Ok(()));
    println!(
        "{} constraints, {} columns, {} bytes/cycle, {} cycles",
        shape.num_constraints(),
        shape.num_vars(),
        w.bytes_per_cycle(),
        run.trace.cycles.len()
    );
}

/// Every constraint is listed in the book (the four per-chunk packing constraints with `i` for
/// the chunk).
#[test]
fn every_constraint_is_in_the_book() {
    let book = include_str!("../../../../book/src/constraints.md");
    let (shape, _) = rv32im_shape();
    for c in shape.constraints() {
        let name = &c.name;
        let generic = (0..jolt_instructions::C).fold(name.clone(), |n, i| {
            n.replace(
                &format!("chunk {i} = x byte {i}, y byte {i}"),
                "chunk i = x byte i, y byte i",
            )
            .replace(
                &format!("chunk {i} = x byte {i}, low"),
                "chunk i = x byte i, low",
            )
        });
        let listed = book.contains(&format!("`{generic}`"))
            || book.contains(&format!("`{generic}` (i = 0…3)"));
        assert!(
            listed,
            "constraint `{name}` is not in book/src/constraints.md"
        );
    }
}

#[test]
fn constraint_names_are_unique_and_listed() {
    let (shape, cols) = rv32im_shape();
    let names: BTreeSet<_> = shape.constraints().iter().map(|c| c.name.clone()).collect();
    assert_eq!(names.len(), shape.num_constraints(), "unique names");
    assert_eq!(cols.len(), shape.num_vars());
    assert_eq!(shape.cross_step_rows().count(), 6);
    for c in shape.constraints() {
        println!("{}", c.name);
    }
}

/// The conformance ELFs of `tests/rv32im` (built by its `build.sh`); skipped when not built.
#[test]
fn conformance_elfs_satisfy_the_constraints() {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../target/rv32im-tests/riscv32im-unknown-none-elf/release"
    );
    let Ok(entries) = std::fs::read_dir(dir) else {
        eprintln!("skipped: {dir} not built (tests/rv32im/build.sh)");
        return;
    };
    let (shape, cols) = rv32im_shape();
    let mut ops = BTreeSet::new();
    let mut checked = 0;
    for e in entries.flatten() {
        let path = e.path();
        if !path.is_file() || path.extension().is_some() {
            continue;
        }
        let Ok(program) = Program::read(&path) else {
            continue;
        };
        let run = execute(&program);
        ops.extend(run.opcodes());
        let w = run.witness(&cols);
        assert_eq!(check(&shape, &w), Ok(()), "{}", path.display());
        checked += 1;
    }
    println!("{checked} conformance ELFs satisfy the constraints");
    if checked > 0 {
        let missing: Vec<_> = Opcode::ALL
            .iter()
            .filter(|o| !ops.contains(o) && **o != Opcode::Ebreak)
            .collect();
        assert!(
            missing.is_empty(),
            "not executed by the conformance ELFs: {missing:?}"
        );
    }
}

#[test]
fn padding_rows_are_noops() {
    let (shape, cols) = rv32im_shape();
    let run = execute(&every_opcode_program());
    let w = run.witness(&cols);
    let last = run.trace.cycles.len() - 1;
    assert_eq!(
        w.get(cols.flag(Flag::Halt).index(), last),
        1,
        "the last real cycle halts"
    );
    for t in last + 1..w.len {
        assert_eq!(w.get(cols.flag(Flag::Noop).index(), t), 1);
        for k in [
            cols.rd_write,
            cols.ram_word,
            cols.ram_write,
            cols.lookup_output,
            cols.rs1_value,
        ] {
            assert_eq!(w.get(k.index(), t), 0);
        }
    }
    assert_eq!(check(&shape, &w), Ok(()));
}

#[test]
fn unexecutable_rows_cannot_be_satisfied() {
    // EBREAK and a word that does not decode: an assertion without a table, whose output must
    // be both 1 and 0.
    let bytecode = Bytecode::new(&program(&[0x0010_0073, 0, addi(1, 0, 1)], &[]));
    let rows = program_rows(&bytecode);
    assert_eq!(rows.len(), 4);
    for r in &rows[..2] {
        assert!(r.flag(Flag::Assert) && r.table.is_none(), "{r:?}");
    }
    assert!(!rows[2].flag(Flag::Assert) && rows[2].table.is_some());
    assert!(rows[3].flag(Flag::Noop));
}

const DOMAIN: &[u8] = b"zkvm-constraints-test";

/// Proves with Spartan and verifies, checking the witness claims directly on the columns
/// (what the batched opening does in the full proof).
fn prove_and_verify(shape: &UniformShape, w: &WitnessTable) -> Result<(), SpartanError> {
    let polys = w.clone().into_polynomials::<Fr>();
    let (proof, _) = spartan::prove(shape, &polys, &mut Transcript::new(DOMAIN));
    let log_t = w.len.trailing_zeros() as usize;
    let claims = spartan::verify(shape, log_t, &proof, &mut Transcript::new(DOMAIN))?;
    for (p, v) in polys.iter().zip(&claims.evals) {
        assert_eq!(
            p.evaluate(&claims.point),
            *v,
            "the claims are the column evaluations"
        );
    }
    Ok(())
}

#[test]
fn spartan_proves_an_honest_trace_and_rejects_a_tampered_one() {
    let (shape, cols) = rv32im_shape();
    let run = execute(&every_opcode_program());
    let w = run.witness(&cols);
    assert_eq!(prove_and_verify(&shape, &w), Ok(()));

    let mut bad = w.clone();
    let t = run.find_op(Opcode::Add);
    bad.set(
        cols.rd_write.index(),
        t,
        bad.get(cols.rd_write.index(), t) + 1,
    );
    assert!(check(&shape, &bad).is_err());
    assert!(matches!(
        prove_and_verify(&shape, &bad),
        Err(SpartanError::Outer(_))
    ));
}
