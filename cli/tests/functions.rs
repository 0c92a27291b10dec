//! A `#[jolt::provable]` guest's ELF through the command line: `jolt build` lists the
//! functions it records; `run`, `prove` and `verify` use the recorded entry, layout and bound
//! with no flags (`--function` picks one of several, flags override), print the output
//! decoded; a proof or key written by the host API verifies with `jolt verify` and one
//! written by `jolt` through the host API; a wrong claim is named before the failed check.

mod common;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use common::*;
use jolt::host::{GuestProgram, GuestSpec};
use jolt_common::MemoryLayout;
use object::{Object, ObjectSection};
use serde_json::{json, Value};

const GUEST_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/guest");

fn scratch(name: &str, bytes: &[u8]) -> PathBuf {
    let path = scratch_dir_of("function-tests").join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// `jolt build --json` of the test guest: the ELF path and the listed functions.
fn built() -> &'static (PathBuf, Value) {
    static BUILT: OnceLock<(PathBuf, Value)> = OnceLock::new();
    BUILT.get_or_init(|| {
        let output = jolt(&[p("build"), p(GUEST_DIR), p("--json")]);
        assert_success(&output);
        let v = json(&output);
        (
            PathBuf::from(v["elf"].as_str().unwrap()),
            v["functions"].clone(),
        )
    })
}

fn elf() -> &'static Path {
    &built().0
}

/// Runs `jolt` with string arguments and `--json`.
fn run_json(args: &[&str]) -> (std::process::Output, Option<Value>) {
    let mut all: Vec<&Path> = args.iter().map(|a| p(a)).collect();
    all.push(p("--json"));
    let output = jolt(&all);
    let v = output.status.success().then(|| json(&output));
    (output, v)
}

/// The test guest's `add` as the host API compiles it (the macro's attributes).
fn host_add() -> &'static GuestProgram {
    static PROGRAM: OnceLock<GuestProgram> = OnceLock::new();
    PROGRAM.get_or_init(|| {
        GuestSpec {
            manifest_dir: GUEST_DIR,
            package: "records-guest",
            function: "add",
            layout: MemoryLayout::default(),
            max_cycles: 100_000,
        }
        .compile()
        .unwrap()
    })
}

#[test]
fn build_lists_the_recorded_functions_in_a_section_that_is_not_loaded() {
    let functions = &built().1;
    let names: Vec<&str> = functions
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["add", "reverse", "greet", "inverse", "covers"]);
    assert_eq!(functions[0]["inputs"], "(u32, u64)");
    assert_eq!(functions[0]["output"], "(u64, bool)");
    assert_eq!(functions[0]["max_cycles"], 100_000);
    assert_eq!(functions[1]["max_input_size"], 8192);
    assert_eq!(functions[2]["stack_size"], 8192);
    assert_eq!(functions[2]["memory_size"], 1_048_576);
    assert_eq!(functions[3]["max_input_size"], 4096);
    assert_eq!(functions[3]["private_inputs"], "()");
    assert_eq!(functions[3]["max_private_input_size"], 0);
    assert_eq!(functions[4]["inputs"], "(u64,)");
    assert_eq!(functions[4]["private_inputs"], "(u64,)");
    assert_eq!(functions[4]["max_private_input_size"], 4096);

    let bytes = std::fs::read(elf()).unwrap();
    let file = object::File::parse(&*bytes).unwrap();
    let section = file
        .section_by_name(".jolt.functions")
        .expect("kept by --gc-sections");
    assert_eq!(section.address(), 0, "not allocated");
    match section.flags() {
        object::SectionFlags::Elf { sh_flags } => {
            assert_eq!(sh_flags & u64::from(object::elf::SHF_ALLOC), 0)
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_recorded_function_runs_with_no_flags_and_function_picks_one_of_several() {
    let elf = elf().to_str().unwrap();
    let (output, _) = run_json(&["run", elf]);
    assert_clean_failure(
        &output,
        "the ELF has several provable functions (add, reverse, greet, inverse, covers): pick one with --function <name>",
    );
    let (output, _) = run_json(&["run", elf, "--function", "sub"]);
    assert_clean_failure(
        &output,
        "no provable function `sub`; it has: add, reverse, greet, inverse, covers",
    );

    let input = scratch("add.in", &postcard::to_stdvec(&(5u32, 7u64)).unwrap());
    let (_, v) = run_json(&[
        "run",
        elf,
        "--function",
        "add",
        "--input",
        input.to_str().unwrap(),
    ]);
    let v = v.unwrap();
    assert_eq!(v["function"], "add");
    assert_eq!(v["output"], json!([12, true]));
    assert_eq!(v["output_hex"], "0c01");
    assert_eq!(v["output_type"], "(u64, bool)");
    assert_eq!(
        (v["exit_code"].clone(), v["panic"].clone()),
        (json!(0), json!(false))
    );

    // An input beyond the default 4096 bytes fits `reverse`'s recorded 8192-byte region.
    let data: Vec<u8> = (0..6000u32).map(|i| i as u8).collect();
    let input = scratch(
        "reverse.in",
        &postcard::to_stdvec(&(data.clone(),)).unwrap(),
    );
    let input = input.to_str().unwrap();
    let (output, v) = run_json(&["run", elf, "--function", "reverse", "--input", input]);
    assert_success(&output);
    let reversed: Vec<u8> = data.iter().rev().copied().collect();
    assert_eq!(v.unwrap()["output"], json!(reversed));
    // A flag overrides the record.
    let (output, _) = run_json(&[
        "run",
        elf,
        "--function",
        "reverse",
        "--input",
        input,
        "--max-input-size",
        "4096",
    ]);
    assert_clean_failure(&output, "input region holds 4096 (max_input_size)");
    let (output, _) = run_json(&[
        "run",
        elf,
        "--function",
        "reverse",
        "--input",
        input,
        "--max-cycles",
        "100",
    ]);
    assert_clean_failure(&output, "did not halt within 100 cycles");
}

#[test]
fn outputs_are_printed_decoded_and_as_hex_with_the_panic_flag() {
    let elf = elf().to_str().unwrap();
    let input = scratch("greet.in", &postcard::to_stdvec(&("bob",)).unwrap());
    let output = jolt(&[
        p("run"),
        p(elf),
        p("--function"),
        p("greet"),
        p("--input"),
        &input,
    ]);
    assert_success(&output);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("function: greet(String) -> String\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("output: \"hello, bob\"  (type String)\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("output bytes: 0a68656c6c6f2c20626f62\n"),
        "{stdout}"
    );
    assert!(stdout.contains("exit code: 0\n"), "{stdout}");

    let input = scratch("inverse.in", &postcard::to_stdvec(&(0i32,)).unwrap());
    let input = input.to_str().unwrap();
    let (_, v) = run_json(&["run", elf, "--function", "inverse", "--input", input]);
    let v = v.unwrap();
    assert_eq!(
        (v["panic"].clone(), v["exit_code"].clone()),
        (json!(true), json!(101))
    );
    assert_eq!(v["output"], Value::Null);
    assert!(v["panic_message"]
        .as_str()
        .unwrap()
        .contains("no inverse of zero"));
}

#[test]
fn proofs_and_keys_move_between_the_host_api_and_the_command_line() {
    let program = host_add();
    let pk = program.preprocess().unwrap();
    let args = (5u32, 7u64);
    let (output, proof) = program.prove::<_, (u64, bool)>(&pk, &args).unwrap();
    assert_eq!(output, Some((12, true)));
    let host_proof = scratch_dir_of("function-tests").join("host.proof");
    jolt::host::write_proof(&host_proof, &proof).unwrap();
    let host_key = scratch_dir_of("function-tests").join("host.key");
    jolt::host::write_verifier_key(&host_key, &pk.vk).unwrap();

    // Host API → jolt verify, with the key built from the ELF's record and with the host's key.
    let elf = elf().to_str().unwrap();
    let proof_path = host_proof.to_str().unwrap();
    let (output, v) = run_json(&["verify", elf, proof_path, "--function", "add"]);
    assert_success(&output);
    let v = v.unwrap();
    assert_eq!(
        (v["valid"].clone(), v["output"].clone()),
        (json!(true), json!([12, true]))
    );
    let key = host_key.to_str().unwrap();
    let (output, _) = run_json(&["verify", elf, proof_path, "--function", "add", "--key", key]);
    assert_success(&output);

    // jolt prove / preprocess → host API.
    let input = scratch("add-cli.in", &postcard::to_stdvec(&args).unwrap());
    let cli_proof = scratch_dir_of("function-tests").join("cli.proof");
    let cli_key = scratch_dir_of("function-tests").join("cli.key");
    let output = jolt(&[
        p("prove"),
        p(elf),
        p("--function"),
        p("add"),
        p("--input"),
        &input,
        p("-o"),
        &cli_proof,
    ]);
    assert_success(&output);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("output: (12, true)  (type (u64, bool))"),
        "{stdout}"
    );
    let output = jolt(&[
        p("preprocess"),
        p(elf),
        p("--function"),
        p("add"),
        p("-o"),
        &cli_key,
    ]);
    assert_success(&output);
    let read = jolt::host::read_proof(&cli_proof).unwrap();
    let vk = jolt::host::read_verifier_key(&cli_key).unwrap();
    assert_eq!(
        vk.digest(),
        pk.vk.digest(),
        "the same key from the record as from the macro"
    );
    jolt::host::verify(&vk, &args, Some(&(12u64, true)), &read).unwrap();
}

#[test]
fn a_wrong_claim_is_named_before_the_failed_check() {
    let program = host_add();
    let pk = program.preprocess().unwrap();
    let args = (5u32, 7u64);
    let (_, proof) = program.prove::<_, (u64, bool)>(&pk, &args).unwrap();

    let wrong = jolt::host::verify(&pk.vk, &args, Some(&(13u64, true)), &proof).unwrap_err();
    assert_eq!(
        wrong.to_string(),
        "the claim differs from what the proof was made for: the outputs: the claim has 2 bytes 0d01, the proof is of 2 bytes 0c01"
    );
    let panicked = jolt::host::verify::<_, (u64, bool)>(&pk.vk, &args, None, &proof).unwrap_err();
    let text = panicked.to_string();
    assert!(
        text.contains("the panic flag: the claim says the guest panicked"),
        "{text}"
    );
    assert!(
        text.contains("the exit code: the claim has 101, the proof was made for 0"),
        "{text}"
    );

    // A statement rewritten to match the wrong claim no longer explains it: the check does,
    // in words first. The statement never makes a proof verify, and a proof whose statement
    // was rewritten is rejected for the right claim too.
    let mut lying = proof.clone();
    lying.statement.io.outputs = postcard::to_stdvec(&(13u64, true)).unwrap();
    let rejected = jolt::host::verify(&pk.vk, &args, Some(&(13u64, true)), &lying).unwrap_err();
    let text = rejected.to_string();
    assert!(text.starts_with("the proof is invalid: "), "{text}");
    assert!(!text.contains("differs"), "{text}");
    let altered = jolt::host::verify(&pk.vk, &args, Some(&(12u64, true)), &lying).unwrap_err();
    assert_eq!(
        altered.to_string(),
        "the proof file was altered: its proof checks out, but the statement it records differs from the claim in the outputs: the claim has 2 bytes 0c01, the proof is of 2 bytes 0d01"
    );
}

#[test]
fn a_private_input_file_runs_and_proves_and_the_verifier_needs_only_the_public_one() {
    let elf = elf().to_str().unwrap();
    let amount = scratch("covers.in", &postcard::to_stdvec(&(100u64,)).unwrap());
    let balance = scratch("covers.private", &postcard::to_stdvec(&(250u64,)).unwrap());
    let (amount, balance) = (amount.to_str().unwrap(), balance.to_str().unwrap());
    let covers = ["--function", "covers", "--input", amount];
    let with_balance = [&covers[..], &["--private-input", balance]].concat();

    let args: Vec<&Path> = [&["run", elf][..], &with_balance]
        .concat()
        .iter()
        .map(|a| p(a))
        .collect();
    let output = jolt(&args);
    assert_success(&output);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("function: covers(u64) -> bool, private arguments (u64,)\n"),
        "{stdout}"
    );
    assert!(stdout.contains("output: true"), "{stdout}");
    // Without a private input file the region is zeros: a balance of 0.
    let (_, v) = run_json(&[&["run", elf][..], &covers].concat());
    assert_eq!(v.unwrap()["output"], json!(false));

    let proof = scratch_dir_of("function-tests").join("covers.proof");
    let proof = proof.to_str().unwrap();
    let (output, v) = run_json(&[&["prove", elf, "-o", proof][..], &with_balance].concat());
    assert_success(&output);
    assert_eq!(v.unwrap()["output"], json!(true));
    let (output, v) = run_json(&["verify", elf, proof, "--function", "covers"]);
    assert_success(&output);
    assert_eq!(v.unwrap()["valid"], json!(true));

    // In shards: the first commits to the private input, the others resume from page
    // commitments that cover it.
    let sharded = scratch_dir_of("function-tests").join("covers-shards.proof");
    let sharded = sharded.to_str().unwrap();
    let shards = ["--shard-log-cycles", "7"];
    let (output, v) =
        run_json(&[&["prove", elf, "-o", sharded][..], &with_balance, &shards].concat());
    assert_success(&output);
    assert!(v.unwrap()["shards"].as_u64().unwrap() > 1);
    let (output, _) = run_json(&["verify", elf, sharded, "--function", "covers"]);
    assert_success(&output);
}
