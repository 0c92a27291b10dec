//! The host API's opt-in report: `progress::show()` with `JOLT_TRACE` set writes a Chrome
//! trace of preprocessing, proving and verifying a function; `GuestProgram::prepare` builds the
//! commitment parameters before `prove`, which then holds only proving work.
#![cfg(feature = "host")]

#[path = "../../tracer/tests/asm/mod.rs"]
mod asm;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use asm::*;
use jolt::host::progress::{self, ReportError, TRACE_ENV};
use jolt::host::tracer::Bytecode;
use jolt::host::{GuestProgram, GuestSpec};
use serde_json::Value;

/// A function of no arguments returning `()`: counts down from 200, then exits with 0.
fn countdown() -> GuestProgram {
    let t0 = 5;
    let mut code = vec![
        addi(t0, 0, 200),
        addi(t0, t0, -1),
        bne(t0, 0, -4),
        addi(A0, 0, 0),
    ];
    code.extend(exit());
    let program = program(&code, &[]);
    let spec = GuestSpec {
        manifest_dir: "",
        package: "countdown",
        function: "countdown",
        layout: jolt::MemoryLayout::default(),
        max_cycles: 1 << 16,
    };
    let bytecode = Bytecode::for_run(&program, &spec.run_config(), &[]).unwrap();
    GuestProgram {
        spec,
        elf_path: PathBuf::new(),
        program,
        bytecode,
        extensions: &[],
    }
}

/// The phases of this project in a Chrome trace: (name, start, end, arguments at the end).
fn phases(path: &Path) -> Vec<(String, f64, f64, Value)> {
    let events: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(path).unwrap())
        .expect("the trace is a JSON array");
    let mut open: BTreeMap<u64, Vec<&Value>> = BTreeMap::new();
    let mut phases = vec![];
    for event in &events {
        let thread = open.entry(event["tid"].as_u64().unwrap_or(0)).or_default();
        match event["ph"].as_str() {
            Some("B") => thread.push(event),
            Some("E") => {
                let begin = thread.pop().expect("every end has a begin");
                if begin["cat"].as_str().is_some_and(|c| c.starts_with("jolt")) {
                    phases.push((
                        begin["name"].as_str().unwrap().to_string(),
                        begin["ts"].as_f64().unwrap(),
                        event["ts"].as_f64().unwrap(),
                        event["args"].clone(),
                    ));
                }
            }
            _ => {}
        }
    }
    phases
}

#[test]
fn show_writes_the_trace_that_jolt_trace_names() {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("host-progress.json");
    std::env::set_var(TRACE_ENV, &path);
    let report = progress::show().unwrap();
    assert_eq!(
        progress::show().unwrap_err(),
        ReportError::AlreadyInstalled,
        "one report per process"
    );

    let program = countdown();
    let pk = program.preprocess().unwrap();
    let cycles = program.prepare(&pk, &(), &()).unwrap();
    assert!(cycles > 400, "{cycles} cycles");
    let (output, proof) = program.prove::<(), ()>(&pk, &()).unwrap();
    assert_eq!(output, Some(()));
    jolt::host::verify(&pk.vk, &(), output.as_ref(), &proof).unwrap();
    drop(report);

    let phases = phases(&path);
    let find = |name: &str| phases.iter().filter(|p| p.0 == name).collect::<Vec<_>>();
    for name in [
        "prover key",
        "prepare",
        "commitment parameters",
        "prove",
        "shard",
        "spartan",
        "surge",
        "opening proof",
        "verify",
    ] {
        assert!(!find(name).is_empty(), "no {name:?} phase in {path:?}");
    }
    let prepare = find("prepare")[0];
    assert_eq!(
        prepare.3["cycles"].as_str(),
        Some(cycles.to_string().as_str())
    );
    let prove = find("prove")[0];
    for setup in find("commitment parameters") {
        assert!(
            setup.1 >= prepare.1 && setup.2 <= prepare.2,
            "the parameters are built while preparing: {setup:?}"
        );
        assert!(setup.2 <= prove.1, "not while proving: {setup:?}");
    }
}
