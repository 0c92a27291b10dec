//! The stack guard in the proof: a run whose `sp` goes below the stack region is proven as a
//! panic, and a prover cannot prove the same program as having run on past the overflow.

use super::proof_attacks::Honest;
use super::*;
use crate::commitment::dory::Dory;
use crate::zkvm::boundary::Start;
use crate::zkvm::statement::memory_init;
use crate::zkvm::{verify, ProverKey, ZkvmError, ZkvmWitness};
use jolt_common::{PANIC_EXIT_CODE, RAM_START};
use jolt_instructions::STACK_GUARD_REGISTER;
use jolt_tracer::{checkpoints, initial_registers, resume, Cycle, ProgramIo, ShardEnd};

type Pcs = Dory;

const SP: u32 = 2;

/// A guarded run with a 4 KiB stack.
fn guarded() -> RunConfig {
    RunConfig {
        layout: MemoryLayout {
            max_input_size: 64,
            max_private_input_size: 0,
            max_output_size: 64,
            stack_size: 1 << 12,
            memory_size: 1 << 14,
        },
        max_cycles: 1 << 12,
        stack_guard: true,
    }
}

/// Allocates 4096 + `extra` bytes of stack in three frames, stores below the last one, exits
/// with code 0.
fn allocate(extra: i32) -> Program {
    let mut code = vec![
        addi(SP, SP, -2048),
        addi(SP, SP, -2048),
        addi(SP, SP, -extra),
        sw(0, SP, 0),
        addi(A0, 0, 0),
    ];
    code.extend(exit());
    program(&code, &[])
}

/// The public I/O of a run that exited normally with code 0 and no output.
fn exited_normally(io: &ProgramIo) -> ProgramIo {
    ProgramIo {
        outputs: vec![0; io.outputs.len()],
        panic: false,
        exit_code: 0,
        ..io.clone()
    }
}

/// The trace of `h`'s program run with the stack guard register starting at 0 (resumed from
/// its first checkpoint with that register cleared): every check falls through, so the run
/// goes on past the overflow and exits normally.
fn run_without_the_guards_bound(h: &Honest<Pcs>) -> (Vec<Cycle>, ProgramIo) {
    let (program, config) = (&h.vk().program, h.vk().run_config());
    let mut start = None;
    checkpoints(program, &h.pk.bytecode, &config, (&[], &[]), 1 << 20, |c| {
        start.get_or_insert(c);
    })
    .expect("runs");
    let mut start = start.expect("the first checkpoint");
    start.registers[usize::from(STACK_GUARD_REGISTER)] = 0;
    let mut trace = Trace::default();
    let end = resume(
        program,
        &h.pk.bytecode,
        &config,
        (&[], &[]),
        &start,
        1 << 20,
        &mut trace,
    )
    .expect("runs to its exit");
    let ShardEnd::Halted(execution) = end else {
        panic!("one shard holds the run")
    };
    assert!(!execution.io.panic && execution.io.exit_code == 0);
    (trace.cycles, execution.io)
}

#[test]
fn a_stack_within_its_region_proves_as_a_normal_exit() {
    let h = Honest::<Pcs>::with_config(&allocate(0), &[], &guarded(), &());
    assert!(!h.io.panic);
    assert_eq!(h.io.exit_code, 0);
    let init = memory_init(
        h.vk(),
        &Start::Entry { inputs: &[] },
        h.proof.log_ram as usize,
        &h.proof.ram_pages,
    )
    .expect("fits");
    let bottom = guarded().layout.stack_bottom(h.vk().program.image_end());
    assert_eq!(
        init.register(usize::from(STACK_GUARD_REGISTER)),
        u64::from(bottom)
    );
}

#[test]
fn an_overflow_proves_as_a_panic_and_claiming_a_normal_exit_is_rejected() {
    let h = Honest::<Pcs>::with_config(&allocate(16), &[], &guarded(), &());
    assert!(h.io.panic);
    assert_eq!(h.io.exit_code, PANIC_EXIT_CODE);
    let claim = exited_normally(&h.io);
    let r = verify(h.vk(), &claim, &h.proof);
    assert!(r.is_err(), "{r:?}");
    let r = crate::zkvm::zk::verify_zk(&h.zk.pk.vk, &claim, &h.zk.proof);
    assert!(r.is_err(), "zero knowledge: {r:?}");
}

/// The run on past the overflow, proven with the guard register's reads at 0: the register
/// check's initial value of the guard register (the stack's bottom, derived by the verifier)
/// rejects it.
#[test]
fn rejects_the_run_with_the_guard_register_at_zero() {
    let h = Honest::<Pcs>::with_config(&allocate(16), &[], &guarded(), &());
    let (cycles, io) = run_without_the_guards_bound(&h);
    let r = h.prove_and_verify_io(ZkvmWitness::new(h.vk(), &cycles), &io);
    assert!(matches!(r, Err(ZkvmError::ReadWrite(_))), "{r:?}");
}

/// The same run with the guard register read honestly, but the overflowing check claiming
/// `sp ≥ bottom`: the lookup argument rejects the false comparison.
#[test]
fn rejects_a_check_that_claims_sp_is_above_the_bottom() {
    let h = Honest::<Pcs>::with_config(&allocate(16), &[], &guarded(), &());
    let (mut cycles, io) = run_without_the_guards_bound(&h);
    let bottom = guarded().layout.stack_bottom(h.vk().program.image_end());
    let mut lies = 0;
    for cycle in &mut cycles {
        let row = &h.pk.bytecode.rows[cycle.row as usize];
        if row.instr.is_ok_and(|i| i.rs2 == STACK_GUARD_REGISTER) {
            cycle.rs2_value = bottom;
            let lookup = cycle.lookup.as_mut().expect("the check looks up");
            lookup.y = bottom;
            lies += usize::from(lookup.x < bottom);
        }
    }
    assert_eq!(lies, 1, "only the third frame is below the bottom");
    let r = h.prove_and_verify_io(ZkvmWitness::new(h.vk(), &cycles), &io);
    assert!(matches!(r, Err(ZkvmError::Surge(_))), "{r:?}");
}

/// Whether a key has the guard is part of the statement: a proof made with the unguarded key
/// does not verify against the guarded one.
#[test]
fn the_guard_is_part_of_the_key() {
    let plain_config = RunConfig {
        stack_guard: false,
        ..guarded()
    };
    let plain = Honest::<Pcs>::with_config(&allocate(0), &[], &plain_config, &());
    let guarded = ProverKey::<Pcs>::new(&allocate(0), &guarded(), &()).expect("preprocesses");
    assert_ne!(guarded.vk.digest(), plain.vk().digest());
    assert!(guarded.vk.run_config().stack_guard);
    let r = verify(&guarded.vk, &plain.io, &plain.proof);
    assert!(r.is_err(), "{r:?}");
    let r = crate::zkvm::zk::verify_zk(&guarded.vk, &plain.io, &plain.zk.proof);
    assert!(r.is_err(), "zero knowledge: {r:?}");
    let registers = initial_registers(&guarded.vk.run_config(), guarded.vk.program.image_end());
    assert!(RAM_START < registers[usize::from(STACK_GUARD_REGISTER)]);
}
