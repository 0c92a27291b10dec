//! A user-defined instruction end to end: `AVGU8` is defined outside the zkVM's crates
//! (`jolt-extension-example`), used by a guest through `.insn` in the custom-0 space, and a run
//! of the guest is proven and verified (Dory, the default scheme). Without the registration the word is an
//! illegal instruction and cannot be proven, and a claimed output other than the run's is
//! rejected.

use jolt::host::tracer::{self, Trace};
use jolt::host::{EmulatorError, Error, GuestProgram};
use jolt_core::commitment::dory::Dory;
use jolt_core::zkvm::{self, ProveError, ProverKey, VerifierKey, ZkvmError};
use jolt_extension_example::{avgu8, EXTENSIONS, FUNCT3, FUNCT7};
use jolt_instructions::DecodeError;

type Args = ([u32; 8], [u32; 8], u32);

fn args() -> Args {
    let a = [
        0x0000_0000,
        0xffff_ffff,
        0x1234_5678,
        0x8080_7f7f,
        0x00ff_00ff,
        0xdead_beef,
        0x0102_0304,
        0xfe01_fe01,
    ];
    let b = [
        0xffff_ffff,
        0x0000_0000,
        0x8765_4321,
        0x7f7f_8080,
        0x00ff_ff00,
        0x0bad_f00d,
        0x0403_0201,
        0x01fe_01fe,
    ];
    (a, b, 3)
}

fn compile() -> GuestProgram {
    custom_guest::compile_blend().expect("the custom guest builds")
}

#[test]
fn the_guest_and_the_registration_agree() {
    assert_eq!(
        (custom_guest::AVGU8_FUNCT3, custom_guest::AVGU8_FUNCT7),
        (FUNCT3, FUNCT7)
    );
    let (a, b, _) = args();
    for (&x, &y) in a.iter().zip(&b) {
        assert_eq!(custom_guest::avgu8(x, y), avgu8(x, y), "({x:#x}, {y:#x})");
    }
}

#[test]
fn a_custom_instruction_is_proven_and_verified() {
    let program = compile();
    let custom_words = program
        .program
        .segments
        .iter()
        .filter(|s| s.executable)
        .flat_map(|s| s.data.chunks_exact(4))
        .filter(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]]) & 0x7f == 0x0b)
        .count();
    assert!(custom_words > 0, "the guest uses the custom instruction");

    let pk = ProverKey::<Dory>::with_extensions(
        &program.program,
        &program.run_config(),
        &EXTENSIONS,
        &(),
    )
    .unwrap();
    let args = args();
    let (output, proof): (Option<[u32; 8]>, _) = program.prove(&pk, &args).unwrap();
    let (a, b, rounds) = args;
    assert_eq!(output, Some(custom_guest::blend(a, b, rounds)));
    jolt::host::verify(&pk.vk, &args, output.as_ref(), &proof).unwrap();

    let mut wrong = output.unwrap();
    wrong[0] ^= 1;
    assert!(matches!(
        jolt::host::verify(&pk.vk, &args, Some(&wrong), &proof),
        Err(Error::Invalid(_))
    ));

    // The key round-trips with the same registration; read without it, it is another key.
    let bytes = pk.vk.to_bytes();
    let vk = VerifierKey::<Dory>::from_bytes_with_extensions(&bytes, &EXTENSIONS).unwrap();
    assert_eq!(vk.digest(), pk.vk.digest());
    jolt::host::verify(&vk, &args, output.as_ref(), &proof).unwrap();
    let plain = VerifierKey::<Dory>::from_bytes(&bytes).unwrap();
    assert_ne!(plain.digest(), pk.vk.digest());
    assert!(matches!(
        jolt::host::verify(&plain, &args, output.as_ref(), &proof),
        Err(Error::Invalid(_))
    ));
    println!(
        "blend: {} cycles, proof {} bytes",
        proof.cycles(),
        proof.size_in_bytes()
    );
}

#[test]
fn without_the_registration_the_word_is_illegal_and_unprovable() {
    let program = compile();
    let plain = ProverKey::<Dory>::new(&program.program, &program.run_config(), &()).unwrap();
    let input = postcard::to_stdvec(&args()).unwrap();
    let err = zkvm::prove(&plain, &input).unwrap_err();
    let ProveError::Run(EmulatorError::IllegalInstruction { reason, .. }) = &err else {
        panic!("not an illegal instruction: {err}");
    };
    assert_eq!(
        *reason,
        DecodeError::Unregistered {
            funct3: FUNCT3,
            funct7: FUNCT7
        }
    );
    let message = err.to_string();
    assert!(
        message.contains("custom-0") && message.contains("with_extensions"),
        "{message}"
    );

    // The honest trace of the run with the registration, proven against the key without it:
    // the custom rows are unexecutable there, so the constraints fail and the proof does not
    // verify.
    let with = ProverKey::<Dory>::with_extensions(
        &program.program,
        &program.run_config(),
        &EXTENSIONS,
        &(),
    )
    .unwrap();
    let mut trace = Trace::default();
    let execution = tracer::run(
        &with.vk.program,
        &with.bytecode,
        &with.vk.run_config(),
        &input,
        &mut trace,
    )
    .unwrap();
    assert_eq!(plain.vk.rows.len(), with.vk.rows.len());
    let proof = zkvm::prove_trace(&plain, &execution.io, &trace.cycles).unwrap();
    assert!(matches!(
        zkvm::verify(&plain.vk, &execution.io, &proof),
        Err(ZkvmError::Spartan(_))
    ));
}

/// The same through the host API: the compiled program with the registration runs, proves
/// and verifies.
#[test]
fn the_host_api_runs_and_proves_with_the_registration() {
    // ANCHOR: host_api
    let program = compile().with_extensions(&EXTENSIONS).unwrap();
    let args = args();
    let summary = program.analyze::<_, [u32; 8]>(&args).unwrap();
    assert_eq!(
        summary.output,
        Some(custom_guest::blend(args.0, args.1, args.2))
    );
    let pk = program.preprocess().unwrap();
    let (output, proof) = program.prove::<_, [u32; 8]>(&pk, &args).unwrap();
    assert_eq!(output, summary.output);
    jolt::host::verify(&pk.vk, &args, output.as_ref(), &proof).unwrap();
    assert!(matches!(
        jolt::host::verify(&pk.vk, &args, Some(&[0u32; 8]), &proof),
        Err(Error::Invalid(_))
    ));
    // ANCHOR_END: host_api
}
