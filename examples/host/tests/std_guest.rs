//! A guest with Rust's standard library (`examples/guests/collections`): `HashMap`, `format!`,
//! `println!`/`eprintln!` reaching the host, panics with their message, and proofs of both.

#[test]
fn std_collections_run_and_print_to_the_host() {
    let text = "the quick brown fox jumps over the lazy dog The DOG sleeps".to_string();
    let summary = collections_guest::analyze_word_stats(text.clone()).unwrap();
    let expected = collections_guest::word_stats(text);
    assert_eq!(summary.output, Some(expected.clone()));
    assert_eq!(expected.0[0], ("the".to_string(), 3));
    let printed: Vec<String> = expected
        .0
        .iter()
        .map(|(word, count)| format!("{word}: {count}\n"))
        .collect();
    assert_eq!(summary.stdout, printed.concat());
    assert_eq!(summary.stderr, "12 words, 9 distinct\n");
}

#[test]
fn std_guest_panic_is_the_panic_flag_with_its_message() {
    let ok = collections_guest::analyze_checked_ratio(10, 3).unwrap();
    assert_eq!((ok.output, ok.panicked), (Some(3), false));
    assert_eq!(ok.stdout, "dividing 10 by 3\n");
    let panicked = collections_guest::analyze_checked_ratio(1, 0).unwrap();
    assert!(panicked.panicked);
    assert_eq!(panicked.output, None);
    assert_eq!(panicked.exit_code, jolt::PANIC_EXIT_CODE);
    assert_eq!(panicked.stdout, "dividing 1 by 0\n");
    let message = panicked.panic_message.expect("a panic message");
    assert!(
        message.starts_with("panicked at collections/src/lib.rs:")
            && message.ends_with("cannot divide 1 by zero"),
        "{message}"
    );
}

#[test]
fn std_guest_proves_and_verifies_a_panic_and_a_result() {
    let (prove, verify) = collections_guest::build_checked_ratio().unwrap();
    let (output, proof) = prove(12, 4).unwrap();
    assert_eq!(output, Some(3));
    verify(12, 4, output, &proof).unwrap();
    assert!(verify(12, 4, Some(4), &proof).is_err());
    let (output, proof) = prove(1, 0).unwrap();
    assert_eq!(output, None);
    verify(1, 0, None, &proof).unwrap();
    assert!(verify(1, 0, Some(0), &proof).is_err());
}

/// A no_std guest that uses `std` fails to build with the compiler's errors as cargo printed
/// them (real lines, not an escaped string), then a hint naming the `guest-std` feature.
#[test]
fn a_no_std_guest_using_std_gets_the_compiler_errors_and_the_fix() {
    let spec = jolt::host::GuestSpec {
        manifest_dir: concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../jolt/tests/guests/needs-std"
        ),
        package: "needs-std",
        function: "distinct",
        layout: jolt::MemoryLayout::default(),
        max_cycles: 1 << 20,
    };
    let message = spec.compile().unwrap_err().to_string();
    assert!(message.contains("needs-std"), "{message}");
    assert!(
        message.contains("\nerror[E0433]") || message.contains("\nerror[E0463]"),
        "{message}"
    );
    assert!(
        message.contains("guest = [\"jolt/guest-std\"]"),
        "{message}"
    );
    assert!(!message.contains("\\n"), "no escaped newlines: {message}");
}
