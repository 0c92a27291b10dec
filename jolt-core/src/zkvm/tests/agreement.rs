//! The emulator is the specification: every run the proof accepts is a run the emulator
//! performs (same initial registers, same memory bounds, same cycle bound, termination only
//! by the exit call), and every honest run proves. Each attack below is a run the emulator
//! refuses (or does not perform), proven by a prover that bypasses it, and rejected by the
//! part of the proof that names it.

use super::proof_attacks::{li, Honest};
use super::*;
use crate::commitment::dory::Dory;
use crate::zkvm::boundary::Start;
use crate::zkvm::read_write_memory::{ram_word, MemoryInit};
use crate::zkvm::statement::memory_init;
use crate::zkvm::{prove_trace, verify, ProverKey, ZkvmError, ZkvmWitness};
use jolt_tracer::{Cycle, EmulatorError, ProgramIo};

type Pcs = Dory;

/// A small layout (so that proofs touching the top of memory stay small).
fn small() -> RunConfig {
    RunConfig {
        layout: MemoryLayout {
            max_input_size: 64,
            max_private_input_size: 0,
            max_output_size: 64,
            stack_size: 1 << 12,
            memory_size: 1 << 14,
        },
        max_cycles: 1 << 12,
        stack_guard: false,
    }
}

fn emulate(program: &Program, config: &RunConfig, inputs: &[u8]) -> Result<u64, EmulatorError> {
    let bytecode = Bytecode::new(program);
    run(program, &bytecode, config, inputs, &mut Trace::default()).map(|e| e.cycles)
}

/// Sets the halting cycle's `a0` (the exit code) to `value`.
fn set_exit_code(cycles: &mut [Cycle], value: u32) {
    let halt = cycles.last_mut().expect("a run has cycles");
    halt.rs1_value = value;
    let lookup = halt.lookup.as_mut().expect("the halting row adds a0 + 0");
    lookup.x = value;
    lookup.output = value;
}

/// Writes `'A'` to the output region, counts down from 100, then exits with code 0.
fn output_then_loop() -> Program {
    let layout = small().layout;
    let mut code = Vec::new();
    code.extend(li(5, layout.output_start()));
    code.push(addi(6, 0, 0x41));
    code.push(sw(6, 5, 0));
    code.push(addi(7, 0, 100));
    code.push(addi(7, 7, -1));
    code.push(bne(7, 0, -4));
    code.push(addi(A0, 0, 0));
    code.extend(exit());
    program(&code, &[])
}

/// A run cut at a power of two has no padding to break, and the cross-step constraints do
/// not reach past its last cycle; its final memory already holds the honest outputs. Only
/// the claim that the last real cycle is the exit call's halting row rejects it.
#[test]
fn a_run_cut_short_is_not_a_finished_run() {
    let h = Honest::<Pcs>::with_config(&output_then_loop(), &[], &small(), &());
    assert_eq!(h.io.outputs[0], 0x41);
    assert!(h.cycles.len() > 128);
    for keep in [64, 128] {
        let r = h.prove_trace_and_verify(&h.cycles[..keep]);
        assert!(matches!(r, Err(ZkvmError::Opening(_))), "{keep}: {r:?}");
    }
    // Claiming the cut run's own cycle count as a different one changes nothing: the halting
    // row must be at the claimed index.
    let mut witness = ZkvmWitness::new(h.vk(), &h.cycles[..128]);
    witness.cycle_rows.truncate(100);
    let r = h.prove_and_verify(witness);
    assert!(matches!(r, Err(ZkvmError::Opening(_))), "{r:?}");
}

/// `a0 := sp`, a store and a load below it, exit with `a0`.
fn reads_sp() -> Program {
    let mut code = vec![addi(A0, 2, 0), sw(A0, 2, -4), lw(6, 2, -4), add(A0, 6, 0)];
    code.extend(exit());
    program(&code, &[])
}

#[test]
fn a_raw_program_reading_sp_proves_with_the_emulators_sp() {
    let config = small();
    let h = Honest::<Pcs>::with_config(&reads_sp(), &[], &config, &());
    let sp = config.layout.stack_top(h.vk().program.image_end());
    assert_eq!(h.io.exit_code, sp);
    let init = memory_init(
        h.vk(),
        &Start::Entry { inputs: &[] },
        h.proof.log_ram as usize,
        &h.proof.ram_pages,
    )
    .expect("fits");
    assert_eq!(init.register(2), u64::from(sp));
}

/// The run with `sp = 0` (the register file all zero): its first read of `sp` returns 0, so
/// it exits with 0. The register check's initial `sp` rejects it.
#[test]
fn rejects_the_run_that_starts_with_sp_zero() {
    let mut code = vec![addi(A0, 2, 0)];
    code.extend(exit());
    let h = Honest::<Pcs>::with_config(&program(&code, &[]), &[], &small(), &());
    let mut cycles = h.cycles.clone();
    let first = &mut cycles[0];
    first.rs1_value = 0;
    first.rd_value = 0;
    let lookup = first.lookup.as_mut().expect("ADDI looks up");
    lookup.x = 0;
    lookup.output = 0;
    set_exit_code(&mut cycles, 0);
    let io = ProgramIo {
        exit_code: 0,
        ..h.io.clone()
    };
    let r = h.prove_and_verify_io(ZkvmWitness::new(h.vk(), &cycles), &io);
    assert!(matches!(r, Err(ZkvmError::ReadWrite(_))), "{r:?}");
}

/// Loads the word at the address given as input and exits with it.
fn load_from_input_address() -> Program {
    let layout = small().layout;
    let mut code = Vec::new();
    code.extend(li(5, layout.input_start()));
    code.push(lw(6, 5, 0));
    code.push(lw(A0, 6, 0));
    code.extend(exit());
    program(&code, &[])
}

/// The honest run loading the top word of guest memory, and a trace of the same program
/// loading `address` instead (which the emulator refuses), with exit code 0.
fn load_at(address: u32) -> (Honest<Pcs>, Vec<Cycle>, ProgramIo) {
    let config = small();
    let top = (config.layout.ram_end() - 4) as u32;
    let h =
        Honest::<Pcs>::with_config(&load_from_input_address(), &top.to_le_bytes(), &config, &());
    let inputs = address.to_le_bytes().to_vec();
    let e = emulate(&h.vk().program, &config, &inputs).expect_err("the emulator refuses");
    assert!(matches!(e, EmulatorError::OutOfBounds { .. }), "{e}");
    let mut cycles = h.cycles.clone();
    let loads: Vec<usize> = (0..cycles.len())
        .filter(|&t| h.vk().rows[cycles[t].row as usize].flag(Flag::Load))
        .collect();
    let [input, load] = loads[..] else {
        panic!("two loads")
    };
    let c = &mut cycles[input];
    (c.ram.read, c.ram.write, c.rd_value) = (address, address, address);
    let c = &mut cycles[load];
    c.rs1_value = address;
    c.ram.address = address;
    (c.ram.read, c.ram.write, c.rd_value) = (0, 0, 0);
    set_exit_code(&mut cycles, 0);
    let io = ProgramIo {
        inputs,
        exit_code: 0,
        ..h.io.clone()
    };
    (h, cycles, io)
}

#[test]
fn the_top_word_of_guest_memory_proves() {
    let (h, _, _) = load_at(0);
    assert_eq!(verify(h.vk(), &h.io, &h.proof), Ok(()));
}

/// A load from the first word past `memory_size`: no listed page holds it, so no RAM cell has
/// its address.
#[test]
fn rejects_a_load_past_memory_size() {
    let end = small().layout.ram_end() as u32;
    let (h, cycles, io) = load_at(end);
    let r = h.prove_and_verify_io(ZkvmWitness::new(h.vk(), &cycles), &io);
    assert!(matches!(r, Err(ZkvmError::ReadWrite(_))), "{r:?}");
}

/// A load from the word just below the input region: it lies in the first listed page (the
/// I/O region does not start on a page boundary), whose cells below guest memory have
/// addresses no access produces.
#[test]
fn rejects_a_load_below_the_input_region_in_a_listed_page() {
    let below = small().layout.input_start() - 4;
    let (h, cycles, io) = load_at(below);
    let witness = ZkvmWitness::new(h.vk(), &cycles);
    assert!(
        witness
            .ram_pages
            .contains(&((below / 4) >> jolt_common::LOG_PAGE_WORDS)),
        "the word's page is listed"
    );
    let r = h.prove_and_verify_io(witness, &io);
    assert!(matches!(r, Err(ZkvmError::ReadWrite(_))), "{r:?}");
}

/// A load from address 0, below the input region: no RAM cell has its `ram_word`, and the
/// no-access cell it used to share with cycles without an access is out of its reach.
#[test]
fn rejects_a_load_from_address_zero() {
    let (h, cycles, io) = load_at(0);
    let init: MemoryInit = memory_init(
        h.vk(),
        &Start::Entry { inputs: &io.inputs },
        h.proof.log_ram as usize,
        &h.proof.ram_pages,
    )
    .unwrap();
    assert_eq!(
        init.cell(ram_word(true, 0)),
        None,
        "no cell to replay it on"
    );
    let mut witness = ZkvmWitness::new(h.vk(), &cycles);
    let t = (0..cycles.len())
        .filter(|&t| witness.accesses[t].ram_word != 0)
        .nth(1)
        .expect("the second load");
    witness.accesses[t].ram_word = 0;
    witness.table.set(h.vk().columns.ram_word.index(), t, 0);
    let r = h.prove_and_verify_io(witness, &io);
    assert!(matches!(r, Err(ZkvmError::Spartan(_))), "{r:?}");
}

/// The cycle bound is `max_cycles` itself, not the power of two above it: a run of exactly
/// `max_cycles` cycles proves, one of `max_cycles + 1` is refused by the emulator and by the
/// verifier.
#[test]
fn the_cycle_bound_is_max_cycles() {
    let program = output_then_loop();
    let cycles = emulate(&program, &small(), &[]).expect("runs");
    assert!(!(cycles - 1).is_power_of_two());
    let exact = RunConfig {
        max_cycles: cycles,
        ..small()
    };
    let h = Honest::<Pcs>::with_config(&program, &[], &exact, &());
    assert_eq!(h.proof.cycles, cycles);
    let short = RunConfig {
        max_cycles: cycles - 1,
        ..small()
    };
    let e = emulate(&program, &short, &[]).expect_err("one cycle too many");
    assert!(matches!(e, EmulatorError::MaxCycles { .. }), "{e}");
    let pk = ProverKey::<Pcs>::new(&program, &short, &()).expect("preprocesses");
    let proof = prove_trace(&pk, &h.io, &h.cycles).expect("proves");
    assert_eq!(
        verify(&pk.vk, &h.io, &proof),
        Err(ZkvmError::Cycles {
            cycles,
            max_cycles: cycles - 1,
            padded: cycles.next_power_of_two(),
        })
    );
}
