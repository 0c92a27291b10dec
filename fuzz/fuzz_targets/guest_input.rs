//! A guest decodes any input bytes: a built guest (word_stats, taking a `String`) run on
//! arbitrary input region contents returns or panics (the public panic flag), never stops
//! with an emulator error; the host decodes any output region to a value or a typed error.
#![no_main]

use std::sync::OnceLock;

use jolt::host::{decode_output, GuestProgram};
use jolt_tracer::{run, NoTrace};
use libfuzzer_sys::fuzz_target;

fn guest() -> &'static GuestProgram {
    static GUEST: OnceLock<GuestProgram> = OnceLock::new();
    GUEST.get_or_init(|| collections_guest::compile_word_stats().expect("the guest builds"))
}

type Output = (Vec<(String, u32)>, Vec<String>);

fuzz_target!(|data: &[u8]| {
    let g = guest();
    let max = g.spec.layout.max_input_size as usize;
    let input = &data[..data.len().min(max)];
    let execution = run(
        &g.program,
        &g.bytecode,
        &g.run_config(),
        input,
        &mut NoTrace,
    )
    .expect("any input is a result or a guest panic");
    let decoded = decode_output::<Output>(&execution.io);
    assert!(execution.io.panic || matches!(decoded, Ok(Some(_))));
    let mut io = execution.io;
    io.panic = false;
    io.outputs = data.to_vec();
    let _ = decode_output::<Output>(&io);
});
