//! `jolt prove`, `jolt verify` and `jolt preprocess`.
//!
//! The statement a proof file proves: the program of the ELF (the recorded function's entry,
//! [`crate::function`]), with its layout, stack guard and cycle bound (the record's, the
//! flags', or for a plain ELF the defaults with the input region grown to the claimed inputs,
//! as `jolt run` does), run on the claimed inputs, reaches its exit call with the claimed
//! outputs, panic flag and exit code. The verifier key fixes program, layout and bound, and
//! its digest opens the proof's transcript, so a proof checked against any other key is
//! rejected.
//!
//! The proof file ([`jolt_core::files`], the format the host API writes too) records the
//! statement the prover made the proof for; `jolt verify` claims its I/O, derives program and
//! bounds itself, always runs the cryptographic check, and when it fails says first which
//! part of the claim differs from the recorded statement.
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
use jolt_core::continuations::{prove_sharded, shard_cycles};
use jolt_core::files::{self, Kind, Proof, Rejection, Statement, ZkProof};
use jolt_core::zkvm::{max_num_vars, ProverKey, VerifierKey};
use jolt_tracer::{NoTrace, Program, ProgramIo};
use serde_json::json;

use crate::files::{decode_proof, read, read_key, scheme_of, write};
use crate::function::Bounds;
use crate::run::Job;
use crate::scheme::{CliScheme, ParamFlags, Scheme};

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
    let execution = job.execute(&mut NoTrace)?;

    let start = Instant::now();
    let pk = prover_key::<PCS>(job, flags, execution.cycles.min(shard))?;
    let preprocess_s = start.elapsed().as_secs_f64();

    let start = Instant::now();
    let (io, proof) = prove_sharded(&pk, job.inputs(), log_shard).map_err(|e| e.to_string())?;
    let prove_s = start.elapsed().as_secs_f64();

    let statement = Statement::new(&pk.vk, &io);
    let proof = Proof { statement, proof };
    let file = proof.to_file();
    write(output, &file)?;
    let shards = proof.shards.len();
    let padded_cycles: u64 = proof
        .shards
        .iter()
        .map(|s| 1u64 << s.proof.log_cycles)
        .sum();
    let proof_bytes = proof.size_in_bytes();
    if json {
        let mut value = json!({
            "cycles": execution.cycles,
            "shards": shards,
            "padded_cycles": padded_cycles,
            "preprocess_s": preprocess_s,
            "prove_s": prove_s,
            "proof_bytes": proof_bytes,
            "file_bytes": file.len(),
        });
        job.json_result(&io, &mut value);
        println!("{value}");
    } else {
        println!(
            "cycles: {} (padded to {padded_cycles}, in {shards} shard{})",
            execution.cycles,
            if shards == 1 { "" } else { "s" }
        );
        job.print_result(&io, execution.panic_message.as_deref());
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

/// `jolt prove --zk`: proves a run of `job` in zero knowledge (Dory only) and writes the
/// zero-knowledge proof file to `output`. The proof is one piece of `2^n` cycles (no shards).
pub fn prove_zk(job: &Job, flags: &ParamFlags, output: &Path, json: bool) -> Result<(), String> {
    if flags.scheme() != Scheme::Dory {
        return Err(
            "a zero-knowledge proof needs the Dory scheme: drop --ptau and --insecure-dev-srs"
                .into(),
        );
    }
    let execution = job.execute(&mut NoTrace)?;
    let start = Instant::now();
    let pk = prover_key::<Dory>(job, flags, execution.cycles)?;
    let preprocess_s = start.elapsed().as_secs_f64();

    let start = Instant::now();
    let (inputs, private_input) = job.inputs();
    let (io, proof) =
        jolt_core::zkvm::zk::prove_zk(&pk, inputs, private_input, &mut jolt_core::zkvm::zk::OsRng)
            .map_err(|e| e.to_string())?;
    let prove_s = start.elapsed().as_secs_f64();

    let padded_cycles = 1u64 << proof.log_cycles;
    let proof_bytes = proof.to_bytes().len();
    let statement = Statement::new(&pk.vk, &io);
    let file = ZkProof { statement, proof }.to_file();
    write(output, &file)?;
    if json {
        let mut value = json!({
            "zero_knowledge": true,
            "cycles": execution.cycles,
            "padded_cycles": padded_cycles,
            "preprocess_s": preprocess_s,
            "prove_s": prove_s,
            "proof_bytes": proof_bytes,
            "file_bytes": file.len(),
        });
        job.json_result(&io, &mut value);
        println!("{value}");
    } else {
        println!(
            "cycles: {} (padded to {padded_cycles}; the proof reveals only the padded length)",
            execution.cycles
        );
        job.print_result(&io, execution.panic_message.as_deref());
        println!("preprocess: {preprocess_s:.3} s");
        println!(
            "prove (zero knowledge): {prove_s:.3} s ({:.1} k cycles/s)",
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
    /// A file written by `jolt preprocess` or the host API's `write_verifier_key`.
    File(&'a Path),
    /// Built from the ELF, the bounds and these commitment parameters.
    Flags(&'a ParamFlags),
}

/// Refuses a key whose program is not the ELF's (with the chosen function's entry).
fn check_key_program<PCS: CliScheme>(
    vk: &VerifierKey<PCS>,
    program: &Program,
    key: &Path,
) -> Result<(), String> {
    if vk.program.segments != program.segments {
        Err(format!("the key {} is for another program", key.display()))
    } else if vk.program.entry != program.entry {
        Err(format!(
            "the key {} is for another function of this ELF (entry {:#010x}, not {:#010x}): pick it with --function",
            key.display(),
            vk.program.entry,
            program.entry
        ))
    } else {
        Ok(())
    }
}

/// What `jolt verify` is asked.
pub struct VerifyArgs<'a> {
    /// The ELF the proof is for.
    pub elf: &'a Path,
    /// The proof file.
    pub proof: &'a Path,
    /// A file of the claimed inputs (default: the proof file's).
    pub input: Option<&'a Path>,
    pub key: KeySource<'a>,
    /// The function and bounds (without a key file).
    pub bounds: &'a Bounds,
    /// Accept a key with insecure parameters.
    pub allow_insecure: bool,
    pub json: bool,
}

/// `jolt verify`: checks the proof file for the ELF's function (chosen by the bounds), with
/// the commitment scheme the file names. Succeeds only when the proof is valid (and, if the
/// key's parameters are insecure, `allow_insecure`).
pub fn verify(args: VerifyArgs) -> Result<(), String> {
    let bytes = read(args.proof)?;
    if bytes.starts_with(Kind::ZkProof.magic()) {
        let proof =
            ZkProof::from_file(&bytes).map_err(|e| format!("{}: {e}", args.proof.display()))?;
        return verify_with::<Dory>(args, &proof.statement, |vk, io| {
            files::verify_zk(vk, io, &proof)
        });
    }
    match scheme_of(Kind::Proof, args.proof, &bytes)? {
        Scheme::HyperKzg => {
            let proof = decode_proof::<HyperKzg>(args.proof, &bytes)?;
            verify_with(args, &proof.statement, |vk, io| {
                files::verify(vk, io, &proof)
            })
        }
        Scheme::Dory => {
            let proof = decode_proof::<Dory>(args.proof, &bytes)?;
            verify_with(args, &proof.statement, |vk, io| {
                files::verify(vk, io, &proof)
            })
        }
    }
}

/// Checks a proof file's proof with `check` against the claim: the statement's I/O (or the
/// `--input` file's inputs), for the ELF's function under the key.
fn verify_with<PCS: CliScheme>(
    args: VerifyArgs,
    statement: &Statement,
    check: impl FnOnce(&VerifierKey<PCS>, &ProgramIo) -> Result<(), Rejection>,
) -> Result<(), String> {
    let VerifyArgs {
        elf,
        proof: _,
        input,
        key,
        bounds,
        allow_insecure,
        json,
    } = args;
    // The claim: the I/O the proof file names (the inputs of `input` if given), for the
    // ELF's function with the bounds the record and the flags give.
    let mut io = statement.io.clone();
    if let Some(input) = input {
        io.inputs = read(input)?;
    }
    let job = Job::claimed(elf, bounds, io.inputs.clone())?;
    let (mut vk, key_check) = match key {
        KeySource::File(path) => {
            let vk = read_key::<PCS>(path)?;
            let check = check_key_program(&vk, &job.program, path);
            (vk, check)
        }
        KeySource::Flags(params) => {
            let params = PCS::parameters(params, VERIFIER_POWERS)?;
            let vk =
                VerifierKey::new(&job.program, &job.config, &params).map_err(|e| e.to_string())?;
            (vk, Ok(()))
        }
    };
    if allow_insecure {
        vk.allow_insecure_parameters();
    }

    let start = Instant::now();
    let result = key_check.and_then(|()| check(&vk, &io).map_err(|e| e.to_string()));
    let verify_ms = start.elapsed().as_secs_f64() * 1e3;

    if json {
        let mut value = json!({
            "valid": result.is_ok(),
            "verify_ms": verify_ms,
        });
        job.json_result(&io, &mut value);
        if let Err(e) = &result {
            value["error"] = json!(e);
        }
        println!("{value}");
    } else if result.is_ok() {
        println!("valid proof");
        job.print_result(&io, None);
        println!("verify: {verify_ms:.1} ms");
    }
    result
}

/// `jolt preprocess`: writes the verifier key of the ELF's function for the given bounds and
/// commitment parameters.
pub fn preprocess(
    elf: &Path,
    output: &Path,
    bounds: &Bounds,
    flags: &ParamFlags,
) -> Result<(), String> {
    match flags.scheme() {
        Scheme::HyperKzg => preprocess_with::<HyperKzg>(elf, output, bounds, flags),
        Scheme::Dory => preprocess_with::<Dory>(elf, output, bounds, flags),
    }
}

fn preprocess_with<PCS: CliScheme>(
    elf: &Path,
    output: &Path,
    bounds: &Bounds,
    flags: &ParamFlags,
) -> Result<(), String> {
    let job = Job::claimed(elf, bounds, Vec::new())?;
    let params = PCS::parameters(flags, VERIFIER_POWERS)?;
    if let Some(warning) = PCS::warning(&params) {
        eprintln!("{warning}");
    }
    let vk =
        VerifierKey::<PCS>::new(&job.program, &job.config, &params).map_err(|e| e.to_string())?;
    let file = files::verifier_key_file(&vk);
    write(output, &file)?;
    if let Some(f) = &job.function {
        println!("function: {}", f.name);
    }
    println!(
        "verifier key: {} bytes written to {} (digest {})",
        file.len(),
        output.display(),
        hex(vk.digest())
    );
    Ok(())
}
