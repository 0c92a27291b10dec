//! The examples in zero knowledge: each proves with `prove_zk`, verifies for its output and
//! not for another, and two proofs of one run differ but have one length. (The SHA-256
//! preimage, a private input in zero knowledge, is in `private_input.rs`.)

use jolt::host::{Error, GuestProgram};
use serde::{de::DeserializeOwned, Serialize};

/// Proves `inputs` twice in zero knowledge, checks both proofs and a false claim, and returns
/// the output.
fn check<I: Serialize, O: DeserializeOwned + Serialize + PartialEq + std::fmt::Debug>(
    program: GuestProgram,
    inputs: &I,
    other: Option<O>,
) -> Option<O> {
    let pk = program.preprocess().unwrap();
    let (output, proof) = program.prove_zk::<_, _, O>(&pk, inputs, &()).unwrap();
    jolt::host::verify_zk(&pk.vk, inputs, output.as_ref(), &proof).unwrap();
    let (again, proof2) = program.prove_zk::<_, _, O>(&pk, inputs, &()).unwrap();
    assert_eq!(again, output);
    jolt::host::verify_zk(&pk.vk, inputs, output.as_ref(), &proof2).unwrap();
    let (a, b) = (proof.proof.to_bytes(), proof2.proof.to_bytes());
    assert_eq!(a.len(), b.len(), "one shape");
    assert_ne!(a, b, "fresh blinds");
    let wrong = jolt::host::verify_zk(&pk.vk, inputs, other.as_ref(), &proof);
    assert!(matches!(wrong, Err(Error::Invalid(_))), "{wrong:?}");
    output
}

#[test]
fn fibonacci_in_zero_knowledge() {
    let output = check(
        fibonacci_guest::compile_fib().unwrap(),
        &(50u32,),
        Some(1u128),
    );
    assert_eq!(output, Some(12_586_269_025));
}

#[test]
fn collatz_muldiv_and_a_panic_in_zero_knowledge() {
    let output = check(
        collatz_guest::compile_longest_collatz().unwrap(),
        &(100u32,),
        Some((1u32, 1u32)),
    );
    assert_eq!(output, Some(collatz_guest::longest_collatz(100)));
    let output = check(
        muldiv_guest::compile_muldiv().unwrap(),
        &(-7i32, 3i32),
        Some([0u32; 8]),
    );
    assert_eq!(output, Some(muldiv_guest::muldiv(-7, 3)));
    // A panic is a proven result: the claim that it returned is rejected.
    let output = check(
        panic_guest::compile_checked_div().unwrap(),
        &(100u32, 0u32),
        Some(0u32),
    );
    assert_eq!(output, None);
}

#[test]
fn a_user_defined_instruction_in_zero_knowledge() {
    let program = custom_guest::compile_blend()
        .unwrap()
        .with_extensions(&jolt_extension_example::EXTENSIONS)
        .unwrap();
    let a = [0x1020_3040u32; 8];
    let b = [0xf0e0_d0c0u32; 8];
    let output = check(program, &(a, b, 3u32), Some([0u32; 8]));
    assert_eq!(output, Some(custom_guest::blend(a, b, 3)));
}
