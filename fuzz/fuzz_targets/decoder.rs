//! Any instruction word decodes or is a `DecodeError`; any sequence of words, loaded as a
//! program, expands into bytecode and runs to its exit or to an `EmulatorError`.
#![no_main]

use jolt_common::RAM_START;
use jolt_instructions::decode;
use jolt_tracer::{run, Bytecode, NoTrace, Program, Segment};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for word in data.chunks_exact(4) {
        let _ = decode(u32::from_le_bytes([word[0], word[1], word[2], word[3]]));
    }
    let program = Program {
        entry: RAM_START,
        segments: vec![Segment {
            vaddr: RAM_START,
            data: data.to_vec(),
            mem_size: data.len() as u32,
            executable: true,
        }],
        functions: vec![],
    };
    let bytecode = Bytecode::new(&program);
    let _ = run(&program, &bytecode, &jolt_fuzz::config(), &[], &mut NoTrace);
});
