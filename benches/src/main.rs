//! End-to-end benchmark: traces, proves and verifies a guest program at a target size and
//! prints one line of JSON per (program, size):
//!
//! ```sh
//! cargo run --release -p jolt-benches -- [fib|sha256-chain|mixed|all] [dory|dory-zk|hyperkzg|hyrax|all] [log2 cycles ...]
//! # e.g. all sizes of both programs with the default scheme (default sizes 16 18 20):
//! cargo run --release -p jolt-benches -- all dory 16 18 20
//! ```
//!
//! Each case runs in a fresh child process so that its peak memory (`VmHWM`) is its own. A size
//! above `2^20` cycles is proven in shards of `2^20` ([`jolt_core::continuations`]). The
//! fields: `program`, `pcs`, `cycles`, `padded_cycles` (summed over the shards), `shards`,
//! `preprocess_s` (keys and the commitment parameters for the size, or the shard size),
//! `prove_s` (witness, commitments and every sub-proof; tracing excluded for one shard, while
//! a sharded run includes its checkpoint pass and each shard's tracing), `verify_ms` (the
//! median of five verifications),
//! `proof_bytes`,
//! `cycles_per_s` (cycles / prove_s), `peak_rss_mb`, `phases` (each prover phase's wall time
//! `s` and, at the top level, its peak resident memory `peak_mb`; see [`phases`]), and `r_s`:
//! the time of 2^24 sequential BN254 scalar multiplications on one thread, measured in the
//! same process just before proving and again just after (`r_before_s`, `r_after_s`; `r_s` is
//! their mean, so a machine whose speed drifts during the proof is measured against both),
//! with `prove_r` and `verify_r` the times in units of it (machines here differ by 2× in
//! speed; ratios to `r_s` compare across them). HyperKZG runs on the insecure
//! development SRS (benchmarks only). `dory-zk` proves in zero knowledge
//! ([`jolt_core::zkvm::zk`]; one proof of at most `2^20` cycles, whose RAM is the program's
//! whole `memory_size`).

use std::process::{Command, ExitCode};
use std::time::Instant;

mod phases;

use jolt::host::{tracer, GuestProgram};
use jolt_core::commitment::hyperkzg::{HyperKzg, HyperKzgParameters};
use jolt_core::commitment::{dory::Dory, hyrax::Hyrax, CommitmentScheme};
use jolt_core::continuations::{self, DEFAULT_LOG_SHARD_CYCLES};
use jolt_core::field::Fr;
use jolt_core::zkvm;
use serde_json::json;
use tracing_subscriber::layer::SubscriberExt;

/// Sizes above `2^LOG_SHARD` cycles are proven in shards of `2^LOG_SHARD`.
const LOG_SHARD: u32 = DEFAULT_LOG_SHARD_CYCLES;

/// The commitment schemes a case can use.
const SCHEMES: [&str; 4] = ["dory", "dory-zk", "hyperkzg", "hyrax"];

/// R: seconds for 2^24 sequential BN254 scalar-field multiplications on this thread.
fn reference_seconds() -> f64 {
    use ark_ff::Field;
    let mut x = Fr::from(3u64);
    let y = std::hint::black_box(Fr::from(5u64));
    let start = Instant::now();
    for _ in 0..1 << 24 {
        x *= y;
    }
    std::hint::black_box(x.square());
    start.elapsed().as_secs_f64()
}

/// A benchmark program: its guest and the input for about `2^log` cycles.
struct Case {
    name: &'static str,
    program: fn() -> Result<GuestProgram, jolt::host::BuildError>,
    /// Input for a little under `2^log` cycles (so the trace pads to `2^log`).
    input: fn(log: u32) -> Vec<u8>,
}

/// 90% of `2^log`: the cycle count the inputs aim at.
fn target(log: u32) -> u32 {
    (9u64 << log).div_euclid(10) as u32
}

const CASES: [Case; 3] = [
    Case {
        name: "fib",
        program: fibonacci_guest::compile_fib,
        // About 23 cycles per iteration (u128 addition), plus the runtime.
        input: |log| postcard::to_stdvec(&((target(log) - 1200) / 23,)).expect("encodes"),
    },
    Case {
        name: "sha256-chain",
        program: sha2_guest::compile_sha256_chain,
        // About 4,700 cycles per 32-byte hash.
        input: |log| {
            postcard::to_stdvec(&([7u8; 32], (target(log) - 1500) / 4700)).expect("encodes")
        },
    },
    Case {
        name: "mixed",
        program: mixed_guest::compile_mixed,
        // About 93 cycles per iteration, plus about 4,000 for the runtime and the buffer.
        input: |log| postcard::to_stdvec(&((target(log) - 4000) / 93,)).expect("encodes"),
    },
];

fn peak_rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

/// Verifications timed per case; the median is reported (one takes tens of milliseconds, short
/// enough for the machine's noise to show in a single one).
const VERIFY_RUNS: usize = 5;

/// The median wall time of [`VERIFY_RUNS`] runs of `verify`, in milliseconds; the first error
/// if one fails.
fn median_verify_ms<E: std::error::Error + 'static>(
    verify: impl Fn() -> Result<(), E>,
) -> Result<f64, Box<dyn std::error::Error>> {
    let mut times = Vec::with_capacity(VERIFY_RUNS);
    for _ in 0..VERIFY_RUNS {
        let start = Instant::now();
        verify()?;
        times.push(start.elapsed().as_secs_f64() * 1e3);
    }
    times.sort_by(f64::total_cmp);
    Ok(times[VERIFY_RUNS / 2])
}

/// What proving a case measured.
struct Measured {
    prove_s: f64,
    verify_ms: f64,
    padded_cycles: u64,
    shards: usize,
    proof_bytes: usize,
    proof_parts: serde_json::Value,
}

/// Proves a run that fits one shard from its trace (tracing excluded from `prove_s`).
fn prove_whole<PCS: CommitmentScheme>(
    pk: &zkvm::ProverKey<PCS>,
    program: &GuestProgram,
    input: &[u8],
) -> Result<(u64, Measured), Box<dyn std::error::Error>> {
    let mut trace = tracer::Trace::default();
    let execution = tracer::run(
        &program.program,
        &program.bytecode,
        &program.run_config(),
        input,
        &mut trace,
    )?;
    let start = Instant::now();
    let proof = zkvm::prove_trace(pk, &execution.io, &trace.cycles)?;
    let prove_s = start.elapsed().as_secs_f64();
    drop(trace);
    let verify_ms = median_verify_ms(|| zkvm::verify(&pk.vk, &execution.io, &proof))?;
    let parts = proof.size_breakdown().into_iter();
    Ok((
        execution.cycles,
        Measured {
            prove_s,
            verify_ms,
            padded_cycles: 1 << proof.log_cycles,
            shards: 1,
            proof_bytes: proof.size_in_bytes(),
            proof_parts: parts.map(|(k, v)| (k.to_string(), json!(v))).collect(),
        },
    ))
}

/// Proves a run that fits one shard in zero knowledge from its trace (tracing excluded).
fn prove_whole_zk(
    pk: &zkvm::ProverKey<Dory>,
    program: &GuestProgram,
    input: &[u8],
) -> Result<(u64, Measured), Box<dyn std::error::Error>> {
    let mut trace = tracer::Trace::default();
    let execution = tracer::run(
        &program.program,
        &program.bytecode,
        &program.run_config(),
        input,
        &mut trace,
    )?;
    let start = Instant::now();
    let witness = zkvm::ZkvmWitness::new(&pk.vk, &trace.cycles);
    drop(trace);
    let proof =
        zkvm::zk::prover::prove_zk_witness(pk, &execution.io, witness, &mut zkvm::zk::OsRng)?;
    let prove_s = start.elapsed().as_secs_f64();
    let verify_ms = median_verify_ms(|| zkvm::zk::verify_zk(&pk.vk, &execution.io, &proof))?;
    Ok((
        execution.cycles,
        Measured {
            prove_s,
            verify_ms,
            padded_cycles: 1 << proof.log_cycles,
            shards: 1,
            proof_bytes: proof.to_bytes().len(),
            proof_parts: json!({}),
        },
    ))
}

/// Proves a run in shards of `2^LOG_SHARD` (the checkpoint pass and each shard's tracing
/// included in `prove_s`).
fn prove_in_shards<PCS: CommitmentScheme>(
    pk: &zkvm::ProverKey<PCS>,
    input: &[u8],
) -> Result<(u64, Measured), Box<dyn std::error::Error>> {
    let start = Instant::now();
    let (io, proof) = continuations::prove_sharded(pk, (input, &[]), LOG_SHARD)?;
    let prove_s = start.elapsed().as_secs_f64();
    let verify_ms = median_verify_ms(|| continuations::verify_sharded(&pk.vk, &io, &proof))?;
    let padded = proof
        .shards
        .iter()
        .map(|s| 1u64 << s.proof.log_cycles)
        .sum();
    Ok((
        proof.cycles(),
        Measured {
            prove_s,
            verify_ms,
            padded_cycles: padded,
            shards: proof.shards.len(),
            proof_bytes: proof.size_in_bytes(),
            proof_parts: json!({}),
        },
    ))
}

/// Runs one case in this process and prints its JSON line.
fn run_case<PCS: CommitmentScheme>(
    case: &Case,
    pcs: &str,
    params: &PCS::Parameters,
    log: u32,
    prove: Prover<PCS>,
) -> Result<(), Box<dyn std::error::Error>> {
    let program = (case.program)()?;
    let input = (case.input)(log);

    let start = Instant::now();
    let mut pk = zkvm::ProverKey::<PCS>::with_extensions(
        &program.program,
        &program.run_config(),
        program.extensions,
        params,
    )?;
    // HyperKZG's development SRS is insecure; a benchmark only measures it.
    pk.vk.allow_insecure_parameters();
    let run = tracer::run(
        &program.program,
        &program.bytecode,
        &program.run_config(),
        &input,
        &mut tracer::NoTrace,
    )?;
    pk.prepare(run.cycles.min(1 << LOG_SHARD))?;
    let preprocess_s = start.elapsed().as_secs_f64();

    let r_before_s = reference_seconds();
    let (layer, phases) = phases::PhaseLayer::new();
    let _default = tracing::subscriber::set_default(tracing_subscriber::registry().with(layer));
    let (cycles, m) = prove(&pk, &program, &input, log)?;
    let r_after_s = reference_seconds();
    let r_s = (r_before_s + r_after_s) / 2.0;
    let line = json!({
        "program": case.name,
        "pcs": pcs,
        "cycles": cycles,
        "padded_cycles": m.padded_cycles,
        "shards": m.shards,
        "preprocess_s": preprocess_s,
        "prove_s": m.prove_s,
        "verify_ms": m.verify_ms,
        "proof_bytes": m.proof_bytes,
        "proof_parts": m.proof_parts,
        "cycles_per_s": cycles as f64 / m.prove_s,
        "r_s": r_s,
        "r_before_s": r_before_s,
        "r_after_s": r_after_s,
        "prove_r": m.prove_s / r_s,
        "verify_r": m.verify_ms / 1e3 / r_s,
        "peak_rss_mb": peak_rss_mb().max(phases::max_peak_mb(&phases)),
        "phases": phases::to_json(&phases),
    });
    println!("{line}");
    Ok(())
}

/// How a case is proven: `(key, program, input, log2 cycles)` to cycles and measurements.
type Prover<PCS> = fn(
    &zkvm::ProverKey<PCS>,
    &GuestProgram,
    &[u8],
    u32,
) -> Result<(u64, Measured), Box<dyn std::error::Error>>;

/// The transparent proof: whole up to `2^LOG_SHARD` cycles, in shards above.
fn transparent<PCS: CommitmentScheme>(
    pk: &zkvm::ProverKey<PCS>,
    program: &GuestProgram,
    input: &[u8],
    log: u32,
) -> Result<(u64, Measured), Box<dyn std::error::Error>> {
    if log > LOG_SHARD {
        prove_in_shards(pk, input)
    } else {
        prove_whole(pk, program, input)
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // A child process: `--case <name> <pcs> <log>`.
    if let [flag, name, pcs, log] = args.as_slice() {
        if flag == "--case" {
            let case = CASES.iter().find(|c| c.name == name);
            let result = match (case, pcs.as_str(), log.parse()) {
                (Some(case), "dory", Ok(log)) => {
                    run_case::<Dory>(case, pcs, &(), log, transparent::<Dory>)
                }
                (Some(case), "dory-zk", Ok(log)) => {
                    run_case::<Dory>(case, pcs, &(), log, |pk, program, input, _| {
                        prove_whole_zk(pk, program, input)
                    })
                }
                (Some(case), "hyperkzg", Ok(log)) => run_case::<HyperKzg>(
                    case,
                    pcs,
                    &HyperKzgParameters::InsecureDevelopment,
                    log,
                    transparent::<HyperKzg>,
                ),
                (Some(case), "hyrax", Ok(log)) => {
                    run_case::<Hyrax>(case, pcs, &(), log, transparent::<Hyrax>)
                }
                _ => Err(format!("unknown case {name} {pcs} {log}").into()),
            };
            return match result {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::FAILURE
                }
            };
        }
    }
    let which = args.first().map_or("all", String::as_str);
    let schemes: Vec<&str> = match args.get(1).map(String::as_str) {
        Some("all") => SCHEMES.to_vec(),
        Some(s) if SCHEMES.contains(&s) => vec![s],
        _ => vec!["dory"],
    };
    let logs: Vec<u32> = args.iter().skip(1).filter_map(|a| a.parse().ok()).collect();
    let logs = if logs.is_empty() {
        vec![16, 18, 20]
    } else {
        logs
    };
    let exe = std::env::current_exe().expect("the benchmark knows its own path");
    let mut ok = true;
    for case in CASES.iter().filter(|c| which == "all" || c.name == which) {
        for pcs in &schemes {
            for log in &logs {
                let status = Command::new(&exe)
                    .args(["--case", case.name, pcs, &log.to_string()])
                    .status();
                ok &= matches!(status, Ok(s) if s.success());
            }
        }
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
