//! Every example guest, built for RV32IM and run in the emulator, agrees with the same Rust
//! function run natively on the host.

use jolt::host::{EmulatorError, Error};

#[test]
fn fibonacci_u128() {
    for n in [0, 1, 2, 50, 186] {
        let summary = fibonacci_guest::analyze_fib(n).unwrap();
        assert_eq!(summary.output, Some(fibonacci_guest::fib(n)), "fib({n})");
        assert!(!summary.panicked);
        assert_eq!(summary.exit_code, 0);
    }
    let summary = fibonacci_guest::analyze_fib(50).unwrap();
    assert_eq!(summary.output, Some(12_586_269_025));
    assert!(
        summary.cycles > 50,
        "a loop of 50 iterations takes more than 50 cycles"
    );
    assert!(summary.instruction_mix.get("ADD").copied().unwrap_or(0) > 0);
}

#[test]
fn collatz() {
    let summary = collatz_guest::analyze_longest_collatz(1000).unwrap();
    assert_eq!(summary.output, Some((871, 178)));
}

#[test]
fn sha256_from_crates_io() {
    use sha2::Digest;
    let input = [7u8; 32];
    let summary = sha2_guest::analyze_sha256(input.to_vec()).unwrap();
    let expected: [u8; 32] = sha2::Sha256::digest(input).into();
    assert_eq!(summary.output, Some(expected));
    let chain = sha2_guest::analyze_sha256_chain(input, 3).unwrap();
    assert_eq!(chain.output, Some(sha2_guest::sha256_chain(input, 3)));
}

#[test]
fn keccak_and_sha3_from_crates_io() {
    use sha3::Digest;
    let input: Vec<u8> = (0..200u8).collect();
    let summary = sha3_guest::analyze_keccak_and_sha3(input.clone()).unwrap();
    let keccak: [u8; 32] = sha3::Keccak256::digest(&input).into();
    let sha3: [u8; 32] = sha3::Sha3_256::digest(&input).into();
    assert_eq!(summary.output, Some((keccak, sha3)));
}

#[test]
fn mul_div_rem_signed_edge_cases() {
    let edges = [
        0,
        1,
        -1,
        2,
        -2,
        7,
        -7,
        i32::MIN,
        i32::MAX,
        i32::MIN + 1,
        0x1234_5678,
        -0x1234_5678,
    ];
    for &a in &edges {
        for &b in &edges {
            let summary = muldiv_guest::analyze_muldiv(a, b).unwrap();
            assert_eq!(
                summary.output,
                Some(muldiv_guest::muldiv(a, b)),
                "muldiv({a}, {b})"
            );
        }
    }
    let [.., div, _, rem, _] = muldiv_guest::analyze_muldiv(i32::MIN, -1)
        .unwrap()
        .output
        .unwrap();
    assert_eq!(
        (div, rem),
        (i32::MIN as u32, 0),
        "overflow case of the spec"
    );
}

#[test]
fn guest_panic_is_a_result_not_a_crash() {
    let ok = panic_guest::analyze_checked_div(10, 3).unwrap();
    assert_eq!((ok.output, ok.panicked), (Some(3), false));
    assert_eq!(ok.panic_message, None);
    let panicked = panic_guest::analyze_checked_div(1, 0).unwrap();
    assert!(panicked.panicked);
    assert_eq!(panicked.output, None);
    assert_eq!(panicked.exit_code, jolt::PANIC_EXIT_CODE);
    let message = panicked.panic_message.expect("a panic message");
    assert!(
        message.starts_with("panicked at panic/src/lib.rs:")
            && message.ends_with("division by zero"),
        "{message}"
    );
}

#[test]
fn allocation_failure_is_a_panic() {
    assert_eq!(
        panic_guest::analyze_allocate(1000).unwrap().output,
        Some(1000)
    );
    let failed = panic_guest::analyze_allocate(2 << 20).unwrap();
    assert!(failed.panicked);
    let message = failed.panic_message.expect("a panic message");
    assert!(
        message.contains("memory allocation of 2097152 bytes failed"),
        "{message}"
    );
}

#[test]
fn stack_overflow_is_a_panic_naming_the_attribute_to_raise() {
    assert_eq!(
        panic_guest::analyze_deep_recursion(2).unwrap().output,
        Some(panic_guest::deep_recursion(2))
    );
    let overflow = panic_guest::analyze_deep_recursion(10_000).unwrap();
    assert!(overflow.panicked && overflow.output.is_none());
    assert_eq!(overflow.exit_code, jolt::PANIC_EXIT_CODE);
    let message = overflow.panic_message.expect("a panic message");
    assert!(
        message.contains("stack overflow") && message.contains("raise the stack_size attribute"),
        "{message}"
    );
}

#[test]
fn output_larger_than_its_region_is_an_error_naming_max_output_size() {
    assert_eq!(
        panic_guest::analyze_long_output(8).unwrap().output,
        Some(vec![7; 8])
    );
    let e = panic_guest::analyze_long_output(100).unwrap_err();
    assert!(
        matches!(
            e,
            Error::OutputTooLarge {
                max_output_size: 16
            }
        ),
        "{e:?}"
    );
    assert!(e.to_string().contains("max_output_size"), "{e}");
}

#[test]
fn input_larger_than_its_region_names_max_input_size() {
    let text = "word ".repeat(2000);
    let e = collections_guest::analyze_word_stats(text).unwrap_err();
    assert!(
        matches!(
            e,
            Error::Emulator(EmulatorError::InputTooLarge { max: 8192, .. })
        ),
        "{e:?}"
    );
    assert!(e.to_string().ends_with("raise max_input_size"), "{e}");
}

#[test]
fn program_larger_than_memory_names_memory_size() {
    let e = panic_guest::analyze_too_big_for_memory().unwrap_err();
    assert!(e.to_string().contains("raise memory_size"), "{e}");
    let e = panic_guest::preprocess_too_big_for_memory()
        .err()
        .expect("refused");
    assert!(e.to_string().contains("raise memory_size"), "{e}");
}

#[test]
fn memory_heavy_guest() {
    let (n, words) = (200_000, 1 << 20);
    let summary = memory_guest::analyze_sieve_and_walk(n, words).unwrap();
    assert_eq!(summary.output, Some(memory_guest::sieve_and_walk(n, words)));
    assert_eq!(summary.output.unwrap().0, 17_984, "primes below 200,000");
}

#[test]
fn runaway_guest_stops_at_max_cycles() {
    let program = collatz_guest::compile_longest_collatz().unwrap();
    let mut spec = program.spec.clone();
    spec.max_cycles = 1000;
    let limited = jolt::host::GuestProgram { spec, ..program };
    match limited.analyze::<_, (u32, u32)>(&(1_000_000u32,)) {
        Err(
            e @ Error::Emulator(EmulatorError::MaxCycles {
                max_cycles: 1000, ..
            }),
        ) => assert!(e.to_string().contains("raise max_cycles"), "{e}"),
        Err(e) => panic!("expected the cycle bound to stop the run, got {e:?}"),
        Ok(_) => panic!("the run did not stop at the cycle bound"),
    }
}
