//! The emulator against the RISC-V specification, on hand-assembled programs.

mod asm;

use asm::*;
use jolt_common::MemoryLayout;
use jolt_tracer::{run, Bytecode, EmulatorError, Execution, NoTrace, Program, RunConfig, Trace};

fn config() -> RunConfig {
    RunConfig {
        layout: MemoryLayout {
            memory_size: 1 << 20,
            ..MemoryLayout::default()
        },
        max_cycles: 10_000,
        stack_guard: false,
    }
}

fn execute(program: &Program) -> Result<(Execution, Trace), EmulatorError> {
    let bytecode = Bytecode::new(program);
    let mut trace = Trace::default();
    let execution = run(program, &bytecode, &config(), &[], &mut trace)?;
    let untraced = run(program, &bytecode, &config(), &[], &mut NoTrace)?;
    assert_eq!(
        untraced.cycles, execution.cycles,
        "tracing does not change the run"
    );
    assert_eq!(trace.cycles.len() as u64, execution.cycles);
    Ok((execution, trace))
}

/// Runs `code` followed by exit(a0) and returns the exit code.
fn exit_code(code: &[u32], data: &[u8]) -> u32 {
    let mut words = code.to_vec();
    words.extend(exit());
    execute(&program(&words, data)).unwrap().0.io.exit_code
}

#[test]
fn exit_code_is_a0() {
    assert_eq!(exit_code(&[addi(A0, 0, 42)], &[]), 42);
    assert_eq!(exit_code(&[addi(A0, 0, -1)], &[]), u32::MAX);
}

#[test]
fn writes_to_x0_are_ignored() {
    assert_eq!(exit_code(&[addi(0, 0, 5), add(A0, 0, 0)], &[]), 0);
    assert_eq!(exit_code(&[lui(0, 0x1000), addi(A0, 0, 0)], &[]), 0);
    assert_eq!(
        exit_code(&[jal(0, 8), addi(A0, 0, 9), add(A0, A0, 0)], &[]),
        0
    );
}

#[test]
fn immediates_are_sign_extended() {
    assert_eq!(exit_code(&[addi(A0, 0, -2048)], &[]), (-2048i32) as u32);
    assert_eq!(exit_code(&[addi(A0, 0, 2047)], &[]), 2047);
    assert_eq!(exit_code(&[lui(A0, 0xfffff000)], &[]), 0xfffff000);
}

#[test]
fn branch_and_jump_offsets() {
    // forward branch skips one instruction; backward branch loops 3 times
    assert_eq!(
        exit_code(&[beq(0, 0, 8), addi(A0, 0, 1), addi(A0, A0, 2)], &[]),
        2
    );
    let countdown = [
        addi(5, 0, 3),
        addi(A0, A0, 10),
        addi(5, 5, -1),
        bne(5, 0, -8),
    ];
    assert_eq!(exit_code(&countdown, &[]), 30);
    // jal links pc + 4; the target is pc + imm
    assert_eq!(
        exit_code(&[jal(A0, 8), addi(A0, 0, 0)], &[]),
        jolt_common::RAM_START + 4
    );
}

#[test]
fn jalr_clears_bit_zero() {
    // x5 = address of the 5th instruction + 1; jalr to it lands on the 5th instruction
    let code = [
        lui(5, jolt_common::RAM_START),
        addi(5, 5, 17),
        jalr(6, 5, 0),
        addi(A0, 0, 1),
        addi(A0, A0, 100),
    ];
    assert_eq!(exit_code(&code, &[]), 100);
}

#[test]
fn sub_word_loads_sign_and_zero_extend() {
    let data = [0x80, 0xff, 0x34, 0x12, 0x78, 0x56, 0xfe, 0x7f];
    let base = [lui(5, DATA)];
    let load = |op: fn(u32, u32, i32) -> u32, offset| {
        let mut code = base.to_vec();
        code.push(op(A0, 5, offset));
        exit_code(&code, &data)
    };
    assert_eq!(load(lb, 0), 0xffff_ff80);
    assert_eq!(load(lbu, 0), 0x80);
    assert_eq!(load(lb, 3), 0x12);
    assert_eq!(load(lh, 0), 0xffff_ff80);
    assert_eq!(load(lhu, 0), 0xff80);
    assert_eq!(load(lh, 2), 0x1234);
    assert_eq!(load(lh, 6), 0x7ffe);
    assert_eq!(load(lw, 4), 0x7ffe_5678);
    assert_eq!(load(lbu, 7), 0x7f);
}

#[test]
fn sub_word_stores_merge_into_the_word() {
    let byte = [addi(7, 0, 0xab)];
    let half = [lui(7, 0xd000), addi(7, 7, -0x255)]; // 0xcdab
    type Store = fn(u32, u32, i32) -> u32;
    let cases: [(&[u32], Store, i32, u32); 4] = [
        (&byte, sb, 1, 0x0000_ab00),
        (&byte, sb, 3, 0xab00_0000),
        (&half, sh, 2, 0xcdab_0000),
        (&half, sh, 0, 0xcdab),
    ];
    for (value, store, offset, expected) in cases {
        let mut code = vec![lui(5, DATA)];
        code.extend_from_slice(value);
        code.extend([store(7, 5, offset), lw(A0, 5, 0)]);
        assert_eq!(exit_code(&code, &[0; 8]), expected, "offset {offset}");
    }
}

#[test]
fn division_by_zero_and_overflow() {
    // div x / 0 = -1; i32::MIN / -1 = i32::MIN
    assert_eq!(exit_code(&[addi(5, 0, 7), div(A0, 5, 0)], &[]), u32::MAX);
    assert_eq!(
        exit_code(&[lui(5, 0x8000_0000), addi(6, 0, -1), div(A0, 5, 6)], &[]),
        0x8000_0000
    );
    assert_eq!(
        exit_code(&[addi(5, 0, -7), addi(6, 0, 2), div(A0, 5, 6)], &[]),
        (-3i32) as u32
    );
    assert_eq!(
        exit_code(&[addi(5, 0, -7), addi(6, 0, 3), mul(A0, 5, 6)], &[]),
        (-21i32) as u32
    );
}

#[test]
fn every_recorded_lookup_matches_its_table() {
    let code = [
        addi(5, 0, -7),
        addi(6, 0, 3),
        mul(7, 5, 6),
        div(8, 5, 6),
        lui(9, DATA),
        sb(5, 9, 1),
        lh(A0, 9, 0),
    ];
    let mut words = code.to_vec();
    words.extend(exit());
    let (_, trace) = execute(&program(&words, &[0; 4])).unwrap();
    let mut lookups = 0;
    for cycle in &trace.cycles {
        if let Some(l) = cycle.lookup {
            assert_eq!(l.table.table(&[]).unwrap().lookup_entry(l.x, l.y), l.output);
            lookups += 1;
        }
    }
    assert!(lookups > code.len(), "virtual sequences add lookups");
}

#[test]
fn trace_record_is_small() {
    let size = std::mem::size_of::<jolt_tracer::Cycle>();
    assert!(size <= 200, "a cycle record is {size} bytes");
}

#[test]
fn unknown_instruction_names_pc_and_word() {
    let program = program(&[addi(A0, 0, 1), 0xffff_ffff], &[]);
    let err = execute(&program).unwrap_err();
    assert!(
        matches!(
            err,
            EmulatorError::IllegalInstruction {
                pc: 0x8000_0004,
                word: 0xffff_ffff,
                ..
            }
        ),
        "{err}"
    );
    assert!(
        err.to_string().contains("0x80000004") && err.to_string().contains("0xffffffff"),
        "{err}"
    );
}

#[test]
fn data_words_in_code_only_fail_when_executed() {
    // a zero word and garbage after the exit never stop loading
    let mut words = vec![addi(A0, 0, 3)];
    words.extend(exit());
    words.extend([0, 0xffff_ffff, 0x0000_4501]);
    assert_eq!(execute(&program(&words, &[])).unwrap().0.io.exit_code, 3);
    let err = execute(&program(&[jal(0, 8), addi(A0, 0, 1), 0], &[])).unwrap_err();
    assert!(
        matches!(
            err,
            EmulatorError::IllegalInstruction {
                pc: 0x8000_0008,
                word: 0,
                ..
            }
        ),
        "{err}"
    );
}

#[test]
fn misaligned_accesses_are_errors() {
    let err = execute(&program(&[lui(5, DATA), lw(A0, 5, 2)], &[0; 8])).unwrap_err();
    assert!(
        matches!(
            err,
            EmulatorError::Misaligned {
                pc: 0x8000_0004,
                ..
            }
        ),
        "{err}"
    );
    let err = execute(&program(&[lui(5, DATA), lh(A0, 5, 3)], &[0; 8])).unwrap_err();
    assert!(
        matches!(err, EmulatorError::Misaligned { pc: 0x8000_0004, address, .. } if address == DATA + 3),
        "{err}"
    );
    let err = execute(&program(&[lui(5, DATA), sw(A0, 5, 1)], &[0; 8])).unwrap_err();
    assert!(matches!(err, EmulatorError::Misaligned { .. }), "{err}");
}

#[test]
fn out_of_bounds_and_bad_jumps_are_errors() {
    let err = execute(&program(&[lw(A0, 0, 0)], &[])).unwrap_err();
    assert!(
        matches!(err, EmulatorError::OutOfBounds { address: 0, .. }),
        "{err}"
    );
    let err = execute(&program(&[jal(0, 0x100)], &[])).unwrap_err();
    assert!(
        matches!(
            err,
            EmulatorError::BadJump {
                target: 0x8000_0100,
                ..
            }
        ),
        "{err}"
    );
}

#[test]
fn runaway_program_stops_at_max_cycles() {
    let err = execute(&program(&[jal(0, 0)], &[])).unwrap_err();
    assert_eq!(
        err,
        EmulatorError::MaxCycles {
            max_cycles: 10_000,
            pc: 0x8000_0000
        }
    );
}

#[test]
fn only_the_exit_call_is_supported() {
    let err = execute(&program(&[addi(A7, 0, 64), ECALL], &[])).unwrap_err();
    assert_eq!(
        err,
        EmulatorError::UnsupportedEcall {
            pc: 0x8000_0004,
            a7: 64
        }
    );
}

#[test]
fn elf_round_trip() {
    let mut words = vec![addi(A0, 0, 7)];
    words.extend(exit());
    let original = program(&words, &[1, 2, 3]);
    let reloaded = Program::from_elf(&original.to_elf()).unwrap();
    assert_eq!(reloaded, original);
}

/// The console hint `add x0, a0, a1` copies a1 bytes at a0 to the stream in a2, changes no
/// register (the trace's cycle is the plain `add` to x0), and ignores a bad stream number or
/// an address outside memory (whose bytes read as zero) without disturbing the run.
#[test]
fn console_hint_prints_without_changing_the_run() {
    let hint = add(0, A0, 11);
    assert_eq!(hint, jolt_common::CONSOLE_HINT);
    let code = [
        lui(A0, DATA),
        addi(11, 0, 6),
        addi(12, 0, jolt_common::STDOUT as i32),
        hint,
        addi(A0, A0, 6),
        addi(11, 0, 3),
        addi(12, 0, jolt_common::STDERR as i32),
        hint,
        addi(12, 0, 9), // no such stream
        hint,
        lui(A0, 0x1000_0000), // outside memory
        addi(11, 0, 2),
        addi(12, 0, jolt_common::STDOUT as i32),
        hint,
        addi(A0, 0, 7),
    ];
    let mut words = code.to_vec();
    words.extend(exit());
    let (execution, trace) = execute(&program(&words, b"hello\nerr")).unwrap();
    assert_eq!(execution.io.exit_code, 7);
    assert_eq!(execution.console.stdout, b"hello\n\0\0");
    assert_eq!(execution.console.stderr, b"err");
    let hint_cycle = &trace.cycles[3];
    assert_eq!(hint_cycle.rd_value, 0, "x0 stays zero");
}
