//! Guest input decoding: the fuzz target `guest_input` (see `fuzz/`) as a bounded property
//! test. A built guest run on any input region contents returns or panics (the public panic
//! flag, with a message), never stops with an emulator error; the host decodes any output
//! region to a value (which round-trips) or a typed error.

use jolt::host::{decode_output, tracer, GuestProgram};
use proptest::prelude::*;

type Output = (Vec<(String, u32)>, Vec<String>);

fn guest() -> &'static GuestProgram {
    static GUEST: std::sync::OnceLock<GuestProgram> = std::sync::OnceLock::new();
    GUEST.get_or_init(|| collections_guest::compile_word_stats().expect("the guest builds"))
}

fn run(input: &[u8]) -> tracer::Execution {
    let g = guest();
    tracer::run(
        &g.program,
        &g.bytecode,
        &g.run_config(),
        input,
        &mut tracer::NoTrace,
    )
    .expect("any input is a result or a guest panic")
}

#[test]
fn undecodable_input_is_a_panic_with_a_message() {
    let execution = run(&[0xff; 16]);
    assert!(execution.io.panic);
    let message = execution.panic_message.expect("a message");
    assert!(
        message.contains("the input region does not decode as the function's arguments"),
        "{message}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_input_bytes_are_a_result_or_a_panic(input in prop::collection::vec(any::<u8>(), 0..256)) {
        let execution = run(&input);
        let decoded = decode_output::<Output>(&execution.io);
        prop_assert!(execution.io.panic || matches!(decoded, Ok(Some(_))));
        prop_assert_eq!(execution.io.panic, execution.panic_message.is_some());
    }

    #[test]
    fn any_output_bytes_decode_or_fail_cleanly(outputs in prop::collection::vec(any::<u8>(), 0..256)) {
        let io = tracer::ProgramIo { outputs, ..Default::default() };
        if let Ok(Some(value)) = decode_output::<Output>(&io) {
            let again = tracer::ProgramIo { outputs: postcard::to_stdvec(&value).unwrap(), ..io };
            prop_assert_eq!(decode_output::<Output>(&again).unwrap(), Some(value));
        }
    }
}
