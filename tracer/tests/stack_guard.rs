//! The stack guard in the emulator: `sp` below the stack region ends the run as a panic, with
//! the panic flag, the panic exit code and a message naming the attribute to raise; every
//! other run is the unguarded run.

mod asm;

use asm::*;
use jolt_common::{MemoryLayout, PANIC_ADDRESS, PANIC_EXIT_CODE};
use jolt_instructions::STACK_GUARD_REGISTER;
use jolt_tracer::{
    initial_registers, run, Bytecode, BytecodeError, EmulatorError, Execution, NoTrace, Program,
    RunConfig, HANDLER_ADDRESS,
};

const SP: u32 = 2;
const STACK_SIZE: u32 = 4096;

fn config(stack_guard: bool) -> RunConfig {
    RunConfig {
        layout: MemoryLayout {
            stack_size: STACK_SIZE,
            memory_size: 1 << 16,
            ..MemoryLayout::default()
        },
        max_cycles: 1000,
        stack_guard,
    }
}

fn execute(program: &Program, stack_guard: bool) -> Result<Execution, EmulatorError> {
    let config = config(stack_guard);
    let bytecode = Bytecode::for_run(program, &config, &[]).expect("bytecode");
    run(program, &bytecode, &config, &[], &mut NoTrace)
}

/// `code`, then `exit(a0)` with a0 = 0.
fn with_exit(code: &[u32]) -> Program {
    let mut words = code.to_vec();
    words.push(addi(A0, 0, 0));
    words.extend(exit());
    program(&words, &[])
}

fn assert_overflow(execution: &Execution) {
    assert!(execution.io.panic, "the panic flag is set");
    assert_eq!(execution.io.exit_code, PANIC_EXIT_CODE);
    let message = execution.panic_message.as_deref().unwrap_or_default();
    assert!(
        message.contains("stack overflow") && message.contains("raise the stack_size attribute"),
        "{message}"
    );
    assert_eq!(execution.memory.load(PANIC_ADDRESS), Some(1));
}

#[test]
fn a_stack_that_stays_in_its_region_runs_as_without_the_guard() {
    // Down to the bottom exactly, and back up.
    let program = with_exit(&[
        addi(SP, SP, -2048),
        addi(SP, SP, -2048),
        addi(SP, SP, 2047),
        addi(SP, SP, 2047),
        addi(SP, SP, 2),
    ]);
    let guarded = execute(&program, true).unwrap();
    let plain = execute(&program, false).unwrap();
    assert_eq!(guarded.io, plain.io);
    assert!(!guarded.io.panic && guarded.panic_message.is_none());
    // One check row per frame allocation, none for the releases.
    assert_eq!(guarded.cycles, plain.cycles + 2);
}

#[test]
fn sp_below_the_bottom_is_a_panic() {
    let program = with_exit(&[
        addi(SP, SP, -2048),
        addi(SP, SP, -2048),
        addi(SP, SP, -4),
        // Never executed: the run halted at the check above.
        sw(0, SP, 0),
    ]);
    assert_overflow(&execute(&program, true).unwrap());
    // A raw ELF may keep its stack anywhere: unguarded, the same program exits normally.
    let plain = execute(&program, false).unwrap();
    assert!(!plain.io.panic && plain.io.exit_code == 0);
}

#[test]
fn every_write_that_may_lower_sp_is_checked() {
    // A frame pointer restored below the bottom (mv sp, a0), a dynamic allocation
    // (sub sp, sp, a0), and a loaded sp (lw sp, 0(a0) with a0 → a zero word).
    let mv = with_exit(&[addi(A0, 0, 16), addi(SP, A0, 0)]);
    let sub = with_exit(&[lui(A0, 0x0010_0000), r(0x20, A0, SP, 0, SP)]);
    let load = with_exit(&[lui(A0, PANIC_ADDRESS.wrapping_add(4)), lw(SP, A0, -8)]);
    for program in [mv, sub, load] {
        assert_overflow(&execute(&program, true).unwrap());
    }
}

#[test]
fn the_handler_is_not_reached_by_falling_through() {
    // No exit: execution falls off the end of the code into the gap before the handler.
    let program = program(&[addi(A0, 0, 1)], &[]);
    let error = execute(&program, true).unwrap_err();
    assert!(
        matches!(error, EmulatorError::IllegalInstruction { .. }),
        "{error}"
    );
}

#[test]
fn the_guard_rows_are_in_the_bytecode() {
    let program = with_exit(&[addi(SP, SP, -16), addi(SP, SP, 16)]);
    let plain = Bytecode::for_run(&program, &config(false), &[]).unwrap();
    let guarded = Bytecode::for_run(&program, &config(true), &[]).unwrap();
    assert!(plain.stack_guard.is_none());
    let guard = guarded.stack_guard.expect("guard");
    assert_eq!(
        initial_registers(&config(true), program.image_end())[STACK_GUARD_REGISTER as usize],
        config(true).layout.stack_bottom(program.image_end())
    );
    // The check after the allocation, a gap row, and the handler's four rows.
    assert_eq!(guarded.rows.len(), plain.rows.len() + 1 + 1 + 4);
    assert_eq!(guarded.rows[guard.handler_row].address, HANDLER_ADDRESS);
    assert_eq!(guarded.row_of(HANDLER_ADDRESS), Some(guard.handler_row));
}

#[test]
fn code_at_the_handler_address_has_no_room_for_the_guard() {
    let mut program = with_exit(&[]);
    program.segments[0].vaddr = HANDLER_ADDRESS - 4;
    assert!(matches!(
        Bytecode::for_run(&program, &config(true), &[]),
        Err(BytecodeError::NoRoomForStackGuard { .. })
    ));
}

#[test]
fn a_mismatched_bytecode_is_refused() {
    let program = with_exit(&[]);
    let bytecode = Bytecode::for_run(&program, &config(false), &[]).unwrap();
    let error = run(&program, &bytecode, &config(true), &[], &mut NoTrace).unwrap_err();
    assert!(matches!(error, EmulatorError::Internal { .. }), "{error}");
}
