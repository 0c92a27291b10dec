//! Any byte string given to the ELF loader is a program or an `ElfError`; a loaded program
//! decodes, and runs to its exit or to an `EmulatorError` within the cycle bound.
#![no_main]

use jolt_tracer::{run, Bytecode, NoTrace, Program};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(program) = Program::from_elf(data) else {
        return;
    };
    let bytecode = Bytecode::new(&program);
    let _ = run(&program, &bytecode, &jolt_fuzz::config(), &[], &mut NoTrace);
});
