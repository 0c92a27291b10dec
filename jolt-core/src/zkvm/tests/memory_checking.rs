//! Bytecode and registers/RAM memory checking on real traces: completeness, and one named
//! test per way to cheat, each rejected with a typed error.

#[path = "../../../../tracer/tests/asm/mod.rs"]
#[allow(clippy::duplicate_mod)]
mod asm;

use super::bytecode::{program_rows, RowFields};
use super::bytecode_checking::{self as bc, BytecodeError, BytecodeTable, BytecodeWitness};
use super::read_write_memory::{
    self as rw, accesses, cols, CycleAccess, MemoryInit, RwError, RwMemory, RwWitness,
};
use super::tests::every_opcode_program;
use crate::commitment::hyperkzg::{HyperKzg, HyperKzgSrs};
use crate::lasso::memory_checking::MemoryCheckingError;
use crate::transcript::Transcript;
use asm::*;
use jolt_common::MemoryLayout;
use jolt_instructions::{LookupId, Opcode};
use jolt_tracer::{initial_registers, run, Bytecode, Cycle, Memory, Program, RunConfig, Trace};
use std::sync::OnceLock;

fn srs() -> &'static HyperKzgSrs {
    static SRS: OnceLock<HyperKzgSrs> = OnceLock::new();
    SRS.get_or_init(|| HyperKzgSrs::setup_insecure_dev(1 << 15))
}

struct Fixture {
    bytecode: Bytecode,
    rows: Vec<RowFields>,
    cycles: Vec<Cycle>,
    ram: MemoryInit,
}

fn execute(program: &Program) -> Fixture {
    let layout = MemoryLayout {
        max_input_size: 64,
        max_private_input_size: 0,
        max_output_size: 64,
        stack_size: 1 << 12,
        memory_size: 1 << 16,
    };
    let config = RunConfig {
        layout,
        max_cycles: 1 << 16,
        stack_guard: false,
    };
    let bytecode = Bytecode::new(program);
    let mut trace = Trace::default();
    run(program, &bytecode, &config, &[], &mut trace).expect("the program runs to its exit");
    let ram = MemoryInit::new(
        &Memory::new(&layout, program, &[], &[]),
        initial_registers(&config, program.image_end()).to_vec(),
    );
    Fixture {
        rows: program_rows(&bytecode),
        bytecode,
        cycles: trace.cycles,
        ram,
    }
}

impl Fixture {
    fn find_op(&self, op: Opcode) -> usize {
        self.cycles
            .iter()
            .position(|c| self.bytecode.rows[c.row as usize].instr.map(|i| i.opcode) == Ok(op))
            .expect("the program executes the opcode")
    }
    fn accesses(&self) -> Vec<CycleAccess> {
        accesses(&self.rows, &self.cycles)
    }
    fn table(&self) -> BytecodeTable {
        BytecodeTable::new(&self.rows, LookupId::ALL.len())
    }
    fn bytecode_witness(&self) -> BytecodeWitness {
        let rows: Vec<u32> = self.cycles.iter().map(|c| c.row).collect();
        BytecodeWitness::new(&self.table(), &rows)
    }
}

/// Stores 1..=8 to DATA, reloads them with every width, sums and divides.
fn memory_loop_program() -> Program {
    let mut code = vec![lui(8, DATA), addi(5, 0, 8), addi(6, 8, 0)];
    // loop: sw x5, 0(x6); addi x6, x6, 4; addi x5, x5, -1; bne x5, x0, loop
    code.extend([sw(5, 6, 0), addi(6, 6, 4), addi(5, 5, -1), bne(5, 0, -12)]);
    code.extend([
        lw(9, 8, 0),
        lb(10, 8, 4),
        lhu(11, 8, 8),
        add(9, 9, 10),
        add(9, 9, 11),
    ]);
    code.extend([
        sb(9, 8, 1),
        sh(9, 8, 6),
        lw(12, 8, 4),
        addi(13, 0, 3),
        div(A0, 12, 13),
    ]);
    code.extend(exit());
    program(&code, &[0; 64])
}

fn prove_bytecode(f: &Fixture, w: &BytecodeWitness) -> bc::BytecodeStandaloneProof<HyperKzg> {
    bc::prove_standalone::<HyperKzg>(&f.table(), srs(), w, &mut Transcript::new(b"bytecode-test"))
}

fn verify_bytecode(
    f: &Fixture,
    n: usize,
    p: &bc::BytecodeStandaloneProof<HyperKzg>,
) -> Result<(), BytecodeError> {
    bc::verify_standalone::<HyperKzg>(
        &f.table(),
        &srs().verifier_key(),
        n,
        p,
        &mut Transcript::new(b"bytecode-test"),
    )
}

fn prove_rw(f: &Fixture, w: &RwWitness) -> rw::RwStandaloneProof<HyperKzg> {
    rw::prove_standalone::<HyperKzg>(&f.ram, srs(), w, &mut Transcript::new(b"rw-test"))
}

fn verify_rw(f: &Fixture, n: usize, p: &rw::RwStandaloneProof<HyperKzg>) -> Result<(), RwError> {
    rw::verify_standalone::<HyperKzg>(
        &f.ram,
        &srs().verifier_key(),
        n,
        p,
        &mut Transcript::new(b"rw-test"),
    )
}

fn rw_result(f: &Fixture, w: &RwWitness) -> Result<(), RwError> {
    verify_rw(f, w.log_cycles, &prove_rw(f, w))
}

fn multiset(memory: RwMemory) -> RwError {
    RwError::MemoryChecking {
        memory,
        error: MemoryCheckingError::MultisetMismatch {
            memory: memory as usize,
        },
    }
}

#[test]
fn bytecode_checking_completeness_and_bytes() {
    for program in [every_opcode_program(), memory_loop_program()] {
        let f = execute(&program);
        let w = f.bytecode_witness();
        let proof = prove_bytecode(&f, &w);
        assert_eq!(verify_bytecode(&f, w.log_cycles, &proof), Ok(()));
        let bytes = crate::utils::serialization::to_bytes(&proof);
        eprintln!(
            "bytecode: 2^{} cycles, {} rows, proof {} bytes",
            w.log_cycles,
            f.rows.len(),
            bytes.len()
        );
        let table = f.table();
        let vk = srs().verifier_key();
        let check = |b: &[u8]| {
            bc::verify_standalone_bytes::<HyperKzg>(
                &table,
                &vk,
                w.log_cycles,
                b,
                &mut Transcript::new(b"bytecode-test"),
            )
        };
        assert_eq!(check(&bytes), Ok(()));
        assert_eq!(
            check(&bytes[..bytes.len() - 1]),
            Err(BytecodeError::Deserialization)
        );
        let random: Vec<u8> = (0..bytes.len()).map(|i| (i * 131 + 7) as u8).collect();
        assert_eq!(check(&random), Err(BytecodeError::Deserialization));
    }
}

#[test]
fn bytecode_rejects_changed_field() {
    let f = execute(&every_opcode_program());
    let t = f.find_op(Opcode::Sw);
    // Column 0 is the row; 1 + 5 is imm, 1 + 2 is rs1, 1 + 6 the first circuit flag, the
    // last a table flag.
    for k in [1 + 5, 1 + 2, 1 + 6, f.table().num_fields()] {
        let mut columns = f.bytecode_witness().integer_columns();
        columns[k][t] ^= 1;
        let w = BytecodeWitness::from_columns(&f.table(), columns);
        let r = verify_bytecode(&f, w.log_cycles, &prove_bytecode(&f, &w));
        assert_eq!(
            r,
            Err(BytecodeError::MemoryChecking(
                MemoryCheckingError::LookupMismatch { memory: 0 }
            )),
            "field {k}"
        );
    }
    // The right fields under another row's index.
    let mut columns = f.bytecode_witness().integer_columns();
    columns[0][t] += 1;
    let w = BytecodeWitness::from_columns(&f.table(), columns);
    let r = verify_bytecode(&f, w.log_cycles, &prove_bytecode(&f, &w));
    let mismatch = Err(BytecodeError::MemoryChecking(
        MemoryCheckingError::LookupMismatch { memory: 0 },
    ));
    assert_eq!(r, mismatch);
    // Multiplicities that do not count the cycles of each row.
    let mut w = f.bytecode_witness();
    let row = w.integer_columns()[0][t] as usize;
    w.multiplicities[row] += 1;
    assert_eq!(
        verify_bytecode(&f, w.log_cycles, &prove_bytecode(&f, &w)),
        mismatch
    );
    w.multiplicities[row] -= 2;
    w.multiplicities[row + 1] += 1;
    assert_eq!(
        verify_bytecode(&f, w.log_cycles, &prove_bytecode(&f, &w)),
        mismatch
    );
}

#[test]
fn bytecode_rejects_tampered_proof() {
    let f = execute(&memory_loop_program());
    let w = f.bytecode_witness();
    let mut proof = prove_bytecode(&f, &w);
    proof.proof.rest.cycle_evals.0[3] += crate::field::Fr::from(1u64);
    let r = verify_bytecode(&f, w.log_cycles, &proof);
    assert!(
        matches!(
            r,
            Err(BytecodeError::MemoryChecking(
                MemoryCheckingError::LeafMismatch { .. }
            ))
        ),
        "{r:?}"
    );
    let mut proof = prove_bytecode(&f, &w);
    proof.commitments.0.swap(1, 2);
    // The commitments are absorbed first: the challenges change and the grand products fail.
    let r = verify_bytecode(&f, w.log_cycles, &proof);
    assert!(
        matches!(
            r,
            Err(BytecodeError::MemoryChecking(_) | BytecodeError::Opening(_))
        ),
        "{r:?}"
    );
    let mut proof = prove_bytecode(&f, &w);
    proof.commitments.0.pop();
    assert!(matches!(
        verify_bytecode(&f, w.log_cycles, &proof),
        Err(BytecodeError::Shape { .. })
    ));
}

#[test]
fn rw_memory_completeness_and_bytes() {
    for program in [every_opcode_program(), memory_loop_program()] {
        let f = execute(&program);
        let w = RwWitness::new(&f.ram, &f.accesses());
        let proof = prove_rw(&f, &w);
        assert_eq!(verify_rw(&f, w.log_cycles, &proof), Ok(()));
        let bytes = crate::utils::serialization::to_bytes(&proof);
        eprintln!(
            "registers+RAM: 2^{} cycles, 2^{} RAM cells, proof {} bytes",
            w.log_cycles,
            f.ram.log_size,
            bytes.len()
        );
        let vk = srs().verifier_key();
        let check = |b: &[u8]| {
            rw::verify_standalone_bytes::<HyperKzg>(
                &f.ram,
                &vk,
                w.log_cycles,
                b,
                &mut Transcript::new(b"rw-test"),
            )
        };
        assert_eq!(check(&bytes), Ok(()));
        assert_eq!(
            check(&bytes[..bytes.len() / 2]),
            Err(RwError::Deserialization)
        );
        let random: Vec<u8> = (0..bytes.len()).map(|i| (i * 37 + 11) as u8).collect();
        assert_eq!(check(&random), Err(RwError::Deserialization));
    }
}

#[test]
fn rw_rejects_changed_register_read() {
    let f = execute(&every_opcode_program());
    let mut acc = f.accesses();
    let t = f.find_op(Opcode::Add);
    acc[t].rs2_value ^= 4;
    assert_eq!(
        rw_result(&f, &RwWitness::new(&f.ram, &acc)),
        Err(multiset(RwMemory::Registers))
    );
}

#[test]
fn rw_rejects_nonzero_read_of_x0() {
    let f = execute(&every_opcode_program());
    let mut acc = f.accesses();
    let t = acc
        .iter()
        .position(|a| a.rs1 == 0)
        .expect("some cycle reads x0");
    acc[t].rs1_value = 5;
    assert_eq!(
        rw_result(&f, &RwWitness::new(&f.ram, &acc)),
        Err(multiset(RwMemory::Registers))
    );
}

#[test]
fn rw_rejects_changed_ram_read() {
    let f = execute(&memory_loop_program());
    let mut acc = f.accesses();
    let t = f.find_op(Opcode::Lw);
    acc[t].ram_read ^= 1;
    acc[t].ram_write ^= 1;
    assert_eq!(
        rw_result(&f, &RwWitness::new(&f.ram, &acc)),
        Err(multiset(RwMemory::Ram))
    );
}

/// A read gap naming another timestamp than the last write's (an older one, or one before the
/// run, whose leaf is computed in the field) breaks the multisets.
#[test]
fn rw_rejects_read_gap_off_the_last_write() {
    let f = execute(&memory_loop_program());
    let t = f.find_op(Opcode::Lw);
    let older: fn(u64, u64) -> u64 = |gap, _| gap + 4;
    let before_the_run: fn(u64, u64) -> u64 = |_, now| now + 5;
    for (col, now, memory) in [
        (cols::GAP_RS1, 4 * t as u64 + 1, RwMemory::Registers),
        (cols::GAP_RAM, t as u64 + 1, RwMemory::Ram),
    ] {
        for forge in [older, before_the_run] {
            let mut w = RwWitness::new(&f.ram, &f.accesses());
            w.cycle[col][t] = forge(w.cycle[col][t], now);
            assert_eq!(rw_result(&f, &w), Err(multiset(memory)), "{memory:?}");
        }
    }
}

/// A read at its own write timestamp (gap 0, the least of the read timestamps not from the
/// past) balances the multisets for any value (plain Spice is unsound without the range
/// check): only the timestamp range check catches it.
#[test]
fn rw_range_check_rejects_self_timestamped_reads() {
    let f = execute(&memory_loop_program());
    let t = f.find_op(Opcode::Lw);
    let mut acc = f.accesses();
    acc[t].rs1_value ^= 8;
    let w = RwWitness::new_forged(&f.ram, &acc, Some((t, 0)));
    assert!(matches!(
        rw_result(&f, &w),
        Err(RwError::MemoryChecking {
            memory: RwMemory::TimestampRange,
            ..
        })
    ));
    let mut acc = f.accesses();
    acc[t].ram_read = 0xdead;
    acc[t].ram_write = 0xdead;
    let w = RwWitness::new_forged(&f.ram, &acc, Some((t, 3)));
    assert!(matches!(
        rw_result(&f, &w),
        Err(RwError::MemoryChecking {
            memory: RwMemory::TimestampRange,
            ..
        })
    ));
}

/// Range multiplicities that do not count the gaps (one more read of the gap 1, or one read
/// moved from the gap 1 to the gap 2) fail the range check's lookups.
#[test]
fn rw_range_check_rejects_tampered_multiplicities() {
    let f = execute(&memory_loop_program());
    let honest = RwWitness::new(&f.ram, &f.accesses());
    let range_mismatch = Err(RwError::MemoryChecking {
        memory: RwMemory::TimestampRange,
        error: MemoryCheckingError::LookupMismatch { memory: 0 },
    });
    let mut w = honest.clone();
    w.range_final[0] += 1;
    assert_eq!(rw_result(&f, &w), range_mismatch);
    let mut w = honest;
    w.range_final[0] -= 1;
    w.range_final[1] += 1;
    assert_eq!(rw_result(&f, &w), range_mismatch);
}

#[test]
fn rw_rejects_changed_final_state() {
    let f = execute(&memory_loop_program());
    let honest = RwWitness::new(&f.ram, &f.accesses());
    let mut w = honest.clone();
    w.reg_final[0][9] += 1;
    assert_eq!(rw_result(&f, &w), Err(multiset(RwMemory::Registers)));
    let mut w = honest.clone();
    let j = f
        .ram
        .cell(rw::ram_word(true, DATA))
        .expect("DATA is in RAM");
    w.ram_final[0][j] += 1;
    assert_eq!(rw_result(&f, &w), Err(multiset(RwMemory::Ram)));
    let mut w = honest;
    w.ram_final[1][j] = 0;
    assert_eq!(rw_result(&f, &w), Err(multiset(RwMemory::Ram)));
}

#[test]
fn rw_rejects_tampered_proof() {
    let f = execute(&memory_loop_program());
    let w = RwWitness::new(&f.ram, &f.accesses());
    let mut proof = prove_rw(&f, &w);
    proof.proof.rest.ram_cycle_evals.0[1] += crate::field::Fr::from(1u64);
    let r = verify_rw(&f, w.log_cycles, &proof);
    assert!(
        matches!(
            r,
            Err(RwError::MemoryChecking {
                memory: RwMemory::Ram,
                ..
            })
        ),
        "{r:?}"
    );
    let mut proof = prove_rw(&f, &w);
    proof.commitments.0.swap(cols::RS1_VALUE, cols::RS2_VALUE);
    let r = verify_rw(&f, w.log_cycles, &proof);
    assert!(
        matches!(
            r,
            Err(RwError::MemoryChecking { .. } | RwError::GrandProduct(_) | RwError::Opening(_))
        ),
        "{r:?}"
    );
    let mut proof = prove_rw(&f, &w);
    proof.proof.rest.range_cycle_evals.0.pop();
    assert!(matches!(
        verify_rw(&f, w.log_cycles, &proof),
        Err(RwError::Shape { .. })
    ));
}

/// Write timestamps are not in the proof (the verifier computes `4t + j + 1` and `t + 1`); a
/// final timestamp from the future is the prover's only place to claim one.
#[test]
fn rw_rejects_final_timestamp_from_the_future() {
    let f = execute(&memory_loop_program());
    let mut w = RwWitness::new(&f.ram, &f.accesses());
    w.reg_final[1][5] += 4;
    assert_eq!(rw_result(&f, &w), Err(multiset(RwMemory::Registers)));
}

#[test]
fn verifiers_reject_a_wrong_cycle_count() {
    let f = execute(&memory_loop_program());
    let w = RwWitness::new(&f.ram, &f.accesses());
    let proof = prove_rw(&f, &w);
    for n in [w.log_cycles - 1, w.log_cycles + 1, 0, 40] {
        assert!(verify_rw(&f, n, &proof).is_err(), "n = {n}");
    }
    let w = f.bytecode_witness();
    let proof = prove_bytecode(&f, &w);
    for n in [w.log_cycles - 1, w.log_cycles + 1, 0, 40] {
        assert!(verify_bytecode(&f, n, &proof).is_err(), "n = {n}");
    }
}
