//! `jolt prove`, `jolt verify` and `jolt preprocess`.
//!
//! The statement a proof file proves: the program of the ELF, with the layout and cycle bound
//! of the flags (the input region grown to the claimed inputs, as `jolt run` does), run on the
//! claimed inputs, reaches its exit call with the claimed outputs, panic flag and exit code.
//! The verifier key fixes program, layout and bound, and its digest opens the proof's
//! transcript, so a proof checked against any other key is rejected.
//!
//! The commitment scheme and its parameters come from the flags ([`crate::scheme`]); the
//! proof and key files record the scheme, and `jolt verify` uses the proof file's. A key with
//! insecure parameters (HyperKZG's development SRS) is refused unless `--allow-insecure`.
//!
//! A run longer than a shard (`2^k` cycles, `--shard-log-cycles k`) is proven in shards
//! ([`jolt_core::continuations`]): one pass records the checkpoints, then each shard is traced
//! and proven in turn, so memory follows the shard size, not the run's length. The proof file
//! holds the shard proofs (one for a short run).
//!
//! Timings: `preprocess_s` covers the prover key and the commitment parameters for the
//! shard's size (the run is first traced without recording to learn its cycle count);
//! `prove_s` covers tracing, witness generation and the proof only. A run whose RAM reaches far beyond its image
//! and stack makes the prover grow the parameters inside `prove_s`.

use std::path::Path;
use std::time::Instant;

use jolt_core::commitment::dory::Dory;
use jolt_core::commitment::hyperkzg::HyperKzg;
use jolt_core::continuations::{prove_sharded, shard_cycles, verify_sharded};
use jolt_core::zkvm::{max_num_vars, ProverKey, VerifierKey};
use jolt_tracer::{NoTrace, Program};
use serde_json::json;

use crate::files;
use crate::run::{read_program, run_config, Job};
use crate::scheme::{CliScheme, ParamFlags, Scheme};

pub fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

pub fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Verifier keys need no powers of tau beyond their own.
const VERIFIER_POWERS: usize = 1;

/// `jolt prove`: proves a run of `job` with the commitment parameters `flags` select and
/// writes the proof file to `output`.
pub fn prove(
    job: &Job,
    flags: &ParamFlags,
    log_shard: u32,
    output: &Path,
    json: bool,
) -> Result<(), String> {
    match flags.scheme() {
        Scheme::HyperKzg => prove_with::<HyperKzg>(job, flags, log_shard, output, json),
        Scheme::Dory => prove_with::<Dory>(job, flags, log_shard, output, json),
    }
}

/// The prover key of `job` with parameters for shards of up to `max_cycles` cycles.
pub fn prover_key<PCS: CliScheme>(
    job: &Job,
    flags: &ParamFlags,
    max_cycles: u64,
) -> Result<ProverKey<PCS>, String> {
    let max_num_vars = max_num_vars(&job.config).map_err(|e| e.to_string())?;
    let params = PCS::parameters(flags, 1 << max_num_vars)?;
    if let Some(warning) = PCS::warning(&params) {
        eprintln!("{warning}");
    }
    let pk =
        ProverKey::<PCS>::new(&job.program, &job.config, &params).map_err(|e| e.to_string())?;
    pk.prepare(max_cycles).map_err(|e| e.to_string())?;
    Ok(pk)
}

fn prove_with<PCS: CliScheme>(
    job: &Job,
    flags: &ParamFlags,
    log_shard: u32,
    output: &Path,
    json: bool,
) -> Result<(), String> {
    let shard = shard_cycles(log_shard).map_err(|e| e.to_string())?;
    let execution = jolt_tracer::run(
        &job.program,
        &job.bytecode,
        &job.config,
        &job.input,
        &mut NoTrace,
    )
    .map_err(|e| e.to_string())?;

    let start = Instant::now();
    let pk = prover_key::<PCS>(job, flags, execution.cycles.min(shard))?;
    let preprocess_s = start.elapsed().as_secs_f64();

    let start = Instant::now();
    let (io, proof) = prove_sharded(&pk, &job.input, log_shard).map_err(|e| e.to_string())?;
    let prove_s = start.elapsed().as_secs_f64();

    let file = files::encode_proof(&io, &proof);
    write(output, &file)?;
    let shards = proof.shards.len();
    let padded_cycles: u64 = proof
        .shards
        .iter()
        .map(|s| 1u64 << s.proof.log_cycles)
        .sum();
    let proof_bytes = proof.size_in_bytes();
    if json {
        let value = json!({
            "cycles": execution.cycles,
            "shards": shards,
            "padded_cycles": padded_cycles,
            "exit_code": io.exit_code,
            "panic": io.panic,
            "preprocess_s": preprocess_s,
            "prove_s": prove_s,
            "proof_bytes": proof_bytes,
            "file_bytes": file.len(),
        });
        println!("{value}");
    } else {
        println!(
            "cycles: {} (padded to {padded_cycles}, in {shards} shard{})",
            execution.cycles,
            if shards == 1 { "" } else { "s" }
        );
        println!("exit code: {}", io.exit_code);
        if io.panic {
            println!("the guest panicked");
        }
        println!("preprocess: {preprocess_s:.3} s");
        println!(
            "prove: {prove_s:.3} s ({:.1} k cycles/s)",
            execution.cycles as f64 / prove_s / 1e3
        );
        println!(
            "proof: {proof_bytes} bytes, written with the public I/O to {} ({} bytes)",
            output.display(),
            file.len()
        );
    }
    Ok(())
}

/// Where `jolt verify` gets its key from.
pub enum KeySource<'a> {
    /// A file written by `jolt preprocess`.
    File(&'a Path),
    /// Built from the ELF with this cycle bound, RAM size and commitment parameters.
    Flags {
        max_cycles: u64,
        memory_size: u32,
        params: &'a ParamFlags,
    },
}

/// Refuses a key whose program is not the ELF's.
fn check_key_program<PCS: CliScheme>(
    vk: &VerifierKey<PCS>,
    program: &Program,
    key: &Path,
) -> Result<(), String> {
    if vk.program.entry == program.entry && vk.program.segments == program.segments {
        Ok(())
    } else {
        Err(format!("the key {} is for another program", key.display()))
    }
}

/// `jolt verify`: checks the proof file at `proof` for the program of `elf`, with the
/// commitment scheme the file names. Succeeds only when the proof is valid (and, if the key's
/// parameters are insecure, `allow_insecure`).
pub fn verify(
    elf: &Path,
    proof: &Path,
    key: KeySource,
    allow_insecure: bool,
    json: bool,
) -> Result<(), String> {
    let bytes = read(proof)?;
    match files::scheme_of(files::PROOF_MAGIC, "proof", &bytes)? {
        Scheme::HyperKzg => verify_with::<HyperKzg>(elf, &bytes, key, allow_insecure, json),
        Scheme::Dory => verify_with::<Dory>(elf, &bytes, key, allow_insecure, json),
    }
}

fn verify_with<PCS: CliScheme>(
    elf: &Path,
    proof: &[u8],
    key: KeySource,
    allow_insecure: bool,
    json: bool,
) -> Result<(), String> {
    let program = read_program(elf)?;
    let (io, proof) = files::decode_proof::<PCS>(proof)?;
    let (mut vk, key_check) = match key {
        KeySource::File(path) => {
            let vk = files::decode_key::<PCS>(&read(path)?)
                .map_err(|e| format!("{}: {e}", path.display()))?;
            let check = check_key_program(&vk, &program, path);
            (vk, check)
        }
        KeySource::Flags {
            max_cycles,
            memory_size,
            params,
        } => {
            let config = run_config(max_cycles, memory_size, io.inputs.len());
            let params = PCS::parameters(params, VERIFIER_POWERS)?;
            let vk = VerifierKey::new(&program, &config, &params).map_err(|e| e.to_string())?;
            (vk, Ok(()))
        }
    };
    if allow_insecure {
        vk.allow_insecure_parameters();
    }

    let start = Instant::now();
    let result = key_check
        .and_then(|()| verify_sharded(&vk, &io, &proof).map_err(|e| format!("invalid proof: {e}")));
    let verify_ms = start.elapsed().as_secs_f64() * 1e3;

    if json {
        let mut value = json!({
            "valid": result.is_ok(),
            "exit_code": io.exit_code,
            "panic": io.panic,
            "verify_ms": verify_ms,
        });
        if let Err(e) = &result {
            value["error"] = json!(e);
        }
        println!("{value}");
    } else if result.is_ok() {
        println!("valid proof");
        println!("exit code: {}", io.exit_code);
        if io.panic {
            println!("the guest panicked");
        }
        println!("verify: {verify_ms:.1} ms");
    }
    result
}

/// `jolt preprocess`: writes the verifier key of the ELF for the given bound, RAM size and
/// commitment parameters.
pub fn preprocess(
    elf: &Path,
    output: &Path,
    max_cycles: u64,
    memory_size: u32,
    flags: &ParamFlags,
) -> Result<(), String> {
    match flags.scheme() {
        Scheme::HyperKzg => {
            preprocess_with::<HyperKzg>(elf, output, max_cycles, memory_size, flags)
        }
        Scheme::Dory => preprocess_with::<Dory>(elf, output, max_cycles, memory_size, flags),
    }
}

fn preprocess_with<PCS: CliScheme>(
    elf: &Path,
    output: &Path,
    max_cycles: u64,
    memory_size: u32,
    flags: &ParamFlags,
) -> Result<(), String> {
    let program = read_program(elf)?;
    let params = PCS::parameters(flags, VERIFIER_POWERS)?;
    if let Some(warning) = PCS::warning(&params) {
        eprintln!("{warning}");
    }
    let config = run_config(max_cycles, memory_size, 0);
    let vk = VerifierKey::<PCS>::new(&program, &config, &params).map_err(|e| e.to_string())?;
    let file = files::encode_key(&vk);
    write(output, &file)?;
    println!(
        "verifier key: {} bytes written to {} (digest {})",
        file.len(),
        output.display(),
        hex(vk.digest())
    );
    Ok(())
}
