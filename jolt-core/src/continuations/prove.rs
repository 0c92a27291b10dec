//! The shard prover: one untraced pass records the checkpoints, then each shard is re-executed
//! from its checkpoint and proven as a zkVM segment.

use super::proof::{ShardProof, ShardedProof};
use crate::commitment::CommitmentScheme;
use crate::zkvm::boundary::{MachineState, Start};
use crate::zkvm::read_write_memory::page_commitments::commit_slots;
use crate::zkvm::read_write_memory::{log_cells, MemoryInit, LOG_PAGE};
use crate::zkvm::statement::guest_words;
use crate::zkvm::{prove_segment, Exit, ProveError, ProverKey, SegmentWitness, ZkvmWitness};
pub use jolt_tracer::Inputs;
use jolt_tracer::{checkpoints, resume, Checkpoint, Execution, ProgramIo, ShardEnd, Trace};

/// The default `k`: shards of `2^20` cycles, whose proving peaks at a few GB.
pub const DEFAULT_LOG_SHARD_CYCLES: u32 = 20;

/// The cycles of a shard of `2^log_shard` (`1 ≤ log_shard ≤ 40`). A `2^k` at or above a
/// program's cycle bound makes one shard of the whole run.
pub fn shard_cycles(log_shard: u32) -> Result<u64, ProveError> {
    match log_shard {
        1..=40 => Ok(1 << log_shard),
        _ => Err(ProveError::Statement(format!(
            "shards of 2^{log_shard} cycles: choose k between 1 and 40"
        ))),
    }
}

/// Runs the program on `inputs` (public, private) without a trace; returns the run and the
/// checkpoint at the start of every shard of `2^log_shard` cycles (in run order, the first at
/// cycle 0).
#[tracing::instrument(skip_all, name = "checkpoints", fields(cycles = tracing::field::Empty))]
pub fn run_checkpoints<PCS: CommitmentScheme>(
    pk: &ProverKey<PCS>,
    inputs: Inputs,
    log_shard: u32,
) -> Result<(Execution, Vec<Checkpoint>), ProveError> {
    let vk = &pk.vk;
    let mut all = vec![];
    let execution = checkpoints(
        &vk.program,
        &pk.bytecode,
        &vk.run_config(),
        inputs,
        shard_cycles(log_shard)?,
        |c| all.push(c),
    )
    .map_err(ProveError::Run)?;
    tracing::Span::current().record("cycles", execution.cycles);
    Ok((execution, all))
}

/// Proves the shard of at most `2^log_shard` cycles that starts at `checkpoint` (of a run of
/// this program on `inputs`, public and private). Deterministic: the same shard proves to the
/// same bytes anywhere. The first shard commits to the private input region; the others start
/// from page commitments, which cover it.
#[tracing::instrument(skip_all, name = "shard", fields(shard = checkpoint.cycle >> log_shard.min(63), start_cycle = checkpoint.cycle))]
pub fn prove_shard<PCS: CommitmentScheme>(
    pk: &ProverKey<PCS>,
    inputs: Inputs,
    checkpoint: &Checkpoint,
    log_shard: u32,
) -> Result<ShardProof<PCS>, ProveError> {
    let vk = &pk.vk;
    let mut trace = Trace::default();
    let span = tracing::info_span!("trace").entered();
    let end = resume(
        &vk.program,
        &pk.bytecode,
        &vk.run_config(),
        inputs,
        checkpoint,
        shard_cycles(log_shard)?,
        &mut trace,
    )
    .map_err(ProveError::Run)?;
    drop(span);
    let mut witness = ZkvmWitness::new(vk, &trace.cycles);
    drop(trace);
    let (public, private) = inputs;
    let exit = match &end {
        ShardEnd::Paused(next) => Exit::Pause { row: next.row },
        ShardEnd::Halted(execution) => Exit::Halt(&execution.io),
    };
    if checkpoint.cycle == 0 {
        witness.private_input = private.to_vec();
        let segment = SegmentWitness {
            start_cycle: 0,
            start: Start::Entry { inputs: public },
            start_words: &[],
            exit,
        };
        let proof = prove_segment(pk, &segment, witness)?;
        return Ok(ShardProof {
            start_cycle: 0,
            start: None,
            proof,
        });
    }
    let memory = checkpoint
        .memory(&vk.layout, &vk.program, public, private)
        .map_err(ProveError::Run)?;
    let pages = witness.ram_pages.clone();
    let ram = MemoryInit::paged(
        checkpoint.registers.clone(),
        guest_words(&vk.layout),
        memory.words().to_vec(),
        pages.clone(),
        log_cells(pages.len()),
    )
    .map_err(|e| ProveError::Statement(e.to_string()))?;
    drop(memory);
    let values: Vec<u64> = (0..(pages.len() + 1) << LOG_PAGE)
        .map(|j| ram.value(j))
        .collect();
    let state = MachineState {
        row: checkpoint.row,
        registers: checkpoint.registers.clone().into(),
        pages: commit_slots(&values, pages.len()).into(),
    };
    let segment = SegmentWitness {
        start_cycle: checkpoint.cycle,
        start: Start::Resume(&state),
        start_words: &ram.words,
        exit,
    };
    let proof = prove_segment(pk, &segment, witness)?;
    Ok(ShardProof {
        start_cycle: checkpoint.cycle,
        start: Some(state),
        proof,
    })
}

/// Runs the program on `inputs` (public, private) and proves the run in shards of at most
/// `2^log_shard` cycles, one after the other. Returns the public I/O and the proof.
#[tracing::instrument(skip_all, name = "prove", fields(shards = tracing::field::Empty))]
pub fn prove_sharded<PCS: CommitmentScheme>(
    pk: &ProverKey<PCS>,
    inputs: Inputs,
    log_shard: u32,
) -> Result<(ProgramIo, ShardedProof<PCS>), ProveError> {
    let (execution, checkpoints) = run_checkpoints(pk, inputs, log_shard)?;
    tracing::Span::current().record("shards", checkpoints.len());
    let shards = checkpoints
        .iter()
        .map(|c| prove_shard(pk, inputs, c, log_shard))
        .collect::<Result<Vec<_>, _>>()?;
    Ok((
        execution.io,
        ShardedProof {
            shards: shards.into(),
        },
    ))
}
