//! `--trace <file>`: `jolt prove` and `jolt verify` write a Chrome trace holding every phase
//! (preprocessing apart from proving, each shard, each sub-proof); without a terminal the
//! progress lines stay off stderr; a trace file that cannot be created is one `error:` line.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::*;
use serde_json::Value;

/// A phase of a Chrome trace: its name, the module it comes from, start and end
/// (microseconds) and arguments.
#[derive(Debug)]
struct Phase {
    name: String,
    module: String,
    start: f64,
    end: f64,
    args: Value,
}

/// The phases of a Chrome trace file (its `B`/`E` pairs, per thread).
fn read_phases(path: &Path) -> Vec<Phase> {
    let text = std::fs::read_to_string(path).expect("the trace file is written");
    let events: Vec<Value> = serde_json::from_str(&text).expect("the trace is a JSON array");
    let mut open: BTreeMap<u64, Vec<&Value>> = BTreeMap::new();
    let mut phases = Vec::new();
    for event in &events {
        let tid = event["tid"].as_u64().unwrap_or(0);
        match event["ph"].as_str() {
            Some("B") => open.entry(tid).or_default().push(event),
            Some("E") => {
                let begin = open
                    .get_mut(&tid)
                    .and_then(Vec::pop)
                    .expect("every end has a begin");
                phases.push(Phase {
                    name: begin["name"].as_str().unwrap_or_default().to_string(),
                    module: begin["cat"].as_str().unwrap_or_default().to_string(),
                    start: begin["ts"].as_f64().unwrap(),
                    end: event["ts"].as_f64().unwrap(),
                    args: begin["args"].clone(),
                });
            }
            _ => {}
        }
    }
    assert!(open.values().all(Vec::is_empty), "unfinished phases");
    phases
}

/// The phases called `name` of this project (dependencies have their own, e.g. Dory's).
fn named<'a>(phases: &'a [Phase], name: &str) -> Vec<&'a Phase> {
    phases
        .iter()
        .filter(|p| p.name == name && p.module.starts_with("jolt"))
        .collect()
}

fn scratch(name: &str) -> PathBuf {
    scratch_dir_of("trace-tests").join(name)
}

#[test]
fn prove_and_verify_write_a_chrome_trace_of_every_phase() {
    let elf = suite().join("add");
    let proof = scratch("add.proof");
    let trace = scratch("prove.json");
    // Shards of 2^9 cycles: `add` runs a little over 512, so two shards.
    let output = jolt(&[
        p("prove"),
        &elf,
        p("-o"),
        &proof,
        p("--shard-log-cycles"),
        p("9"),
        p("--json"),
        p("--trace"),
        &trace,
    ]);
    assert_success(&output);
    assert!(
        output.stderr.is_empty(),
        "no progress lines without a terminal: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report = json(&output);
    assert_eq!(report["shards"].as_u64(), Some(2), "{report}");

    let phases = read_phases(&trace);
    for name in [
        "prover key",
        "verifier key",
        "commitment parameters",
        "prove",
        "checkpoints",
        "shard",
        "trace",
        "witness",
        "commitments",
        "commit",
        "spartan",
        "surge",
        "memory checking",
        "grand product",
        "bytecode check",
        "registers and RAM check",
        "byte range check",
        "opening proof",
    ] {
        assert!(!named(&phases, name).is_empty(), "no {name:?} phase");
    }
    let shards = named(&phases, "shard");
    assert_eq!(shards.len(), 2);
    assert_eq!(
        shards[1].args["shard"].as_str(),
        Some("1"),
        "{:?}",
        shards[1]
    );
    let batches: Vec<&str> = named(&phases, "commit")
        .iter()
        .filter_map(|p| p.args["batch"].as_str())
        .collect();
    assert!(batches.contains(&"lookups"), "{batches:?}");

    // The commitment parameters are preprocessing: built before proving starts, so that
    // `prove_s` counts proving work only.
    let prove = named(&phases, "prove")[0];
    for setup in named(&phases, "commitment parameters") {
        assert!(setup.end <= prove.start, "{setup:?} inside {prove:?}");
    }
    let prove_s = report["prove_s"].as_f64().unwrap();
    let traced_s = (prove.end - prove.start) / 1e6;
    assert!(
        traced_s <= prove_s,
        "prove phase {traced_s} s, prove_s {prove_s} s"
    );

    let trace = scratch("verify.json");
    let output = jolt(&[p("verify"), &elf, &proof, p("--trace"), &trace]);
    assert_success(&output);
    let phases = read_phases(&trace);
    assert_eq!(named(&phases, "verify").len(), 1);
    assert_eq!(named(&phases, "verify shard").len(), 2);
    assert_eq!(named(&phases, "verify segment").len(), 2);
}

#[test]
fn a_trace_file_that_cannot_be_created_is_one_error_line() {
    let elf = suite().join("add");
    let output = jolt(&[
        p("prove"),
        &elf,
        p("-o"),
        &scratch("unused.proof"),
        p("--trace"),
        p("/nonexistent-directory/trace.json"),
    ]);
    assert_clean_failure(
        &output,
        "cannot create the trace file /nonexistent-directory/trace.json",
    );
}
