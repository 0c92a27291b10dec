//! Proving one run on many machines: `jolt checkpoints`, `jolt prove-shard` and
//! `jolt assemble` (the Ray driver in `ray/` runs them; see the book's continuations chapter).
//!
//! 1. `jolt checkpoints ELF -o DIR` runs the program once without a trace and writes the
//!    checkpoint at the start of every shard of `2^k` cycles to `DIR/shard-NNNNN.ckpt`.
//! 2. `jolt prove-shard ELF CHECKPOINT -o SHARD` proves one shard from its checkpoint, on any
//!    machine that has the ELF and the input file.
//! 3. `jolt assemble ELF SHARD... -o PROOF` re-runs the program (without a trace) for the
//!    public I/O and writes the proof file of the shards, in run order, with the statement
//!    (it takes the commitment flags `prove-shard` took, to name the key): the same bytes
//!    `jolt prove` writes for the same `k` and commitment parameters.

use std::path::{Path, PathBuf};
use std::time::Instant;

use jolt_core::commitment::dory::Dory;
use jolt_core::commitment::hyperkzg::HyperKzg;
use jolt_core::continuations::{prove_shard as prove_one, shard_cycles, ShardedProof};
use jolt_core::files::{self, Kind, Proof, Statement};
use jolt_core::zkvm::VerifierKey;
use jolt_tracer::{checkpoints as record, Checkpoint, NoTrace};
use serde_json::json;

use crate::files::{read, read_shard, scheme_of, write};
use crate::prove::prover_key;
use crate::run::Job;
use crate::scheme::{CliScheme, ParamFlags, Scheme};

/// The checkpoint file of shard `i`.
pub fn checkpoint_path(dir: &Path, i: usize) -> PathBuf {
    dir.join(format!("shard-{i:05}.ckpt"))
}

/// `jolt checkpoints`: writes the checkpoint of every shard of `2^log_shard` cycles to `dir`.
pub fn checkpoints(job: &Job, log_shard: u32, dir: &Path, json: bool) -> Result<(), String> {
    let shard = shard_cycles(log_shard).map_err(|e| e.to_string())?;
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let start = Instant::now();
    let mut paths = vec![];
    let mut failure = Ok(());
    let execution = record(
        &job.program,
        &job.bytecode,
        &job.config,
        job.inputs(),
        shard,
        |checkpoint| {
            let path = checkpoint_path(dir, paths.len());
            if failure.is_ok() {
                failure = write(&path, &checkpoint.to_bytes());
            }
            paths.push(path);
        },
    )
    .map_err(|e| e.to_string())?;
    failure?;
    let seconds = start.elapsed().as_secs_f64();
    let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    if json {
        let value = json!({
            "cycles": execution.cycles,
            "shards": paths.len(),
            "log_shard_cycles": log_shard,
            "checkpoints": names,
            "exit_code": execution.io.exit_code,
            "run_s": seconds,
        });
        println!("{value}");
    } else {
        println!("cycles: {}", execution.cycles);
        println!("{} shards of up to 2^{log_shard} cycles", paths.len());
        println!("checkpoints written to {}", dir.display());
    }
    Ok(())
}

/// `jolt prove-shard`: proves the shard that starts at the checkpoint file `checkpoint`.
pub fn prove_shard(
    job: &Job,
    flags: &ParamFlags,
    log_shard: u32,
    checkpoint: &Path,
    output: &Path,
    json: bool,
) -> Result<(), String> {
    match flags.scheme() {
        Scheme::HyperKzg => {
            prove_shard_with::<HyperKzg>(job, flags, log_shard, checkpoint, output, json)
        }
        Scheme::Dory => prove_shard_with::<Dory>(job, flags, log_shard, checkpoint, output, json),
    }
}

fn prove_shard_with<PCS: CliScheme>(
    job: &Job,
    flags: &ParamFlags,
    log_shard: u32,
    checkpoint: &Path,
    output: &Path,
    json: bool,
) -> Result<(), String> {
    let shard = shard_cycles(log_shard).map_err(|e| e.to_string())?;
    let checkpoint = Checkpoint::from_bytes(&read(checkpoint)?)
        .map_err(|e| format!("{}: {e}", checkpoint.display()))?;
    let start = Instant::now();
    let pk = prover_key::<PCS>(job, flags, shard.min(job.config.max_cycles))?;
    let preprocess_s = start.elapsed().as_secs_f64();
    let start = Instant::now();
    let proof = prove_one(&pk, job.inputs(), &checkpoint, log_shard).map_err(|e| e.to_string())?;
    let prove_s = start.elapsed().as_secs_f64();
    let file = files::shard_file(&proof);
    write(output, &file)?;
    if json {
        let value = json!({
            "start_cycle": proof.start_cycle,
            "cycles": proof.proof.cycles,
            "halted": proof.proof.pause.is_none(),
            "preprocess_s": preprocess_s,
            "prove_s": prove_s,
            "file_bytes": file.len(),
        });
        println!("{value}");
    } else {
        println!(
            "shard at cycle {}: {} cycles proven in {prove_s:.3} s, written to {}",
            proof.start_cycle,
            proof.proof.cycles,
            output.display()
        );
    }
    Ok(())
}

/// `jolt assemble`: writes the proof file of the shard files `shards` (in run order).
pub fn assemble(
    job: &Job,
    flags: &ParamFlags,
    shards: &[PathBuf],
    output: &Path,
) -> Result<(), String> {
    let first = shards
        .first()
        .ok_or("assemble needs the shard files, in run order")?;
    match scheme_of(Kind::Shard, first, &read(first)?)? {
        Scheme::HyperKzg => assemble_with::<HyperKzg>(job, flags, shards, output),
        Scheme::Dory => assemble_with::<Dory>(job, flags, shards, output),
    }
}

fn assemble_with<PCS: CliScheme>(
    job: &Job,
    flags: &ParamFlags,
    shards: &[PathBuf],
    output: &Path,
) -> Result<(), String> {
    let shards = shards
        .iter()
        .map(|path| read_shard::<PCS>(path))
        .collect::<Result<Vec<_>, _>>()?;
    let execution = job.execute(&mut NoTrace)?;
    // The statement the proof file records names the verifier key.
    let params = PCS::parameters(flags, 1)?;
    let vk =
        VerifierKey::<PCS>::new(&job.program, &job.config, &params).map_err(|e| e.to_string())?;
    let proof = Proof {
        statement: Statement::new(&vk, &execution.io),
        proof: ShardedProof::<PCS> {
            shards: shards.into(),
        },
    };
    let file = proof.to_file();
    write(output, &file)?;
    println!(
        "{} shards assembled into {} ({} bytes)",
        proof.shards.len(),
        output.display(),
        file.len()
    );
    Ok(())
}
