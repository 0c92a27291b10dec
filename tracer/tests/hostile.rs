//! Hostile ELFs and instruction words: the fuzz targets `elf_loader` and `decoder` (see
//! `fuzz/`) as bounded property tests. Loading gives a program or an `ElfError`, decoding an
//! instruction or a `DecodeError`, and running any loaded program ends at its exit or in an
//! `EmulatorError` within the cycle bound — never a panic.

mod asm;

use asm::*;
use jolt_common::{MemoryLayout, RAM_START};
use jolt_instructions::decode;
use jolt_tracer::{run, Bytecode, NoTrace, Program, RunConfig, Segment};
use proptest::prelude::*;

fn config() -> RunConfig {
    RunConfig {
        layout: MemoryLayout {
            max_input_size: 64,
            max_private_input_size: 0,
            max_output_size: 64,
            stack_size: 4096,
            memory_size: 1 << 16,
        },
        max_cycles: 1 << 12,
        stack_guard: false,
    }
}

/// Loads `elf` and, if it loads, runs it.
fn load_and_run(elf: &[u8]) {
    if let Ok(program) = Program::from_elf(elf) {
        let bytecode = Bytecode::new(&program);
        let _ = run(&program, &bytecode, &config(), &[], &mut NoTrace);
    }
}

fn good_elf() -> Vec<u8> {
    let mut code = vec![addi(A0, 0, 3), sw(A0, 0, 0), lw(A0, 0, 0)];
    code.extend(exit());
    program(&code, &[1, 2, 3]).to_elf()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_bytes_never_panic_the_loader(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        load_and_run(&bytes);
    }

    #[test]
    fn changed_elfs_never_panic_the_loader(
        flips in prop::collection::vec((any::<usize>(), 1..=255u8), 1..6),
        cut in prop::option::of(any::<usize>()),
    ) {
        let mut elf = good_elf();
        for (pos, x) in flips {
            let len = elf.len();
            elf[pos % len] ^= x;
        }
        if let Some(cut) = cut {
            elf.truncate(cut % elf.len());
        }
        load_and_run(&elf);
    }

    #[test]
    fn any_words_decode_or_fail_and_run_or_stop(words in prop::collection::vec(any::<u32>(), 0..64)) {
        let decoded: Vec<_> = words.iter().map(|&w| decode(w)).collect();
        let program = Program {
            entry: RAM_START,
            segments: vec![Segment {
                vaddr: RAM_START,
                data: words.iter().flat_map(|w| w.to_le_bytes()).collect(),
                mem_size: 4 * words.len() as u32,
                executable: true,
            }],
            functions: vec![],
        };
        let bytecode = Bytecode::new(&program);
        prop_assert!(bytecode.rows.len() >= decoded.iter().filter(|d| d.is_ok()).count());
        let _ = run(&program, &bytecode, &config(), &[], &mut NoTrace);
    }
}

/// Found by the `elf_loader` fuzz target: a second executable segment 700 MB above the first
/// made decoding allocate rows for the whole gap (6.6 GB).
#[test]
fn far_apart_code_segments_cost_memory_for_their_code_only() {
    load_and_run(include_bytes!("regressions/elf_loader_far_segments.elf"));
    let segment = |vaddr, code: &[u32]| Segment {
        vaddr,
        data: code.iter().flat_map(|w| w.to_le_bytes()).collect(),
        mem_size: 4 * code.len() as u32,
        executable: true,
    };
    let jump_far = jal(0, 0x7ff00);
    let high = RAM_START + 0x7ff00;
    let mut tail = vec![addi(A0, 0, 5)];
    tail.extend(exit());
    let program = Program {
        entry: RAM_START,
        segments: vec![
            segment(RAM_START + 0x8_0000, &[addi(A0, 0, 1)]),
            segment(high, &tail),
            segment(RAM_START, &[jump_far]),
        ],
        functions: vec![],
    };
    let bytecode = Bytecode::new(&program);
    // One row per word, the gap rows after the first and the second segment, and the exit
    // sequence's extra rows.
    assert!(bytecode.rows.len() < 16, "{} rows", bytecode.rows.len());
    assert_eq!(bytecode.row_of(RAM_START), Some(0));
    assert_eq!(
        bytecode
            .row_of(RAM_START + 4)
            .map(|r| bytecode.rows[r].word),
        Some(0)
    );
    assert_eq!(bytecode.row_of(RAM_START + 8), None, "inside a gap");
    assert_eq!(
        bytecode.row_of(high).map(|r| bytecode.rows[r].word),
        Some(tail[0])
    );
    let config = RunConfig {
        layout: MemoryLayout {
            memory_size: 1 << 20,
            ..config().layout
        },
        ..config()
    };
    let execution = run(&program, &bytecode, &config, &[], &mut NoTrace).expect("runs");
    assert_eq!(execution.io.exit_code, 5);
}
