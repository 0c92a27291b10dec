//! Continuations: a run of any length, proven as a chain of shards of at most `2^k` cycles.
//!
//! # The statement
//! One untraced pass over the run records a checkpoint at the start of every shard
//! ([`jolt_tracer::checkpoints`]); each shard is then proven alone, in any order, on any
//! machine, from the program, the inputs and its checkpoint ([`prove_shard`]). A shard proof
//! is a zkVM proof of one segment ([`crate::zkvm::boundary`]): from a start state to an end
//! state in its cycles, each state being the next bytecode row, every register and a
//! commitment to each RAM page the shard lists. A [`ShardedProof`] is the shard proofs in run
//! order; proving deterministically, the shards proven anywhere assemble to the same bytes.
//!
//! # The chain verifier ([`verify_sharded`])
//! * The first shard starts at the program's entry with the claimed inputs (the zkVM verifier
//!   derives that state itself); every later shard resumes a state.
//! * Shard `i + 1` starts at the cycle shard `i` ended at, in the state shard `i` paused in:
//!   the same row, the same registers, and for each page it lists the commitment the chain
//!   holds for it — the last commitment a shard paused with, or, for a page no earlier shard
//!   listed, the commitment of its initial contents (image and inputs), which the verifier
//!   computes.
//! * Every shard but the last pauses after all its `2^n` cycles; the last halts, with the
//!   claimed outputs, panic flag and exit code, within the program's cycle bound.
//!
//! Verification costs one zkVM verification per shard plus one page commitment per page of
//! the image the run touches: linear in the number of shards. Aggregating the shard proofs by
//! recursion, so that the cost stops growing, is later work.
//!
//! # Soundness
//! A state's page commitments are binding (Pedersen with hashed generators), and each shard's
//! transcript absorbs both its states before any challenge, so a shard proves exactly one
//! transition between two committed states; the chain makes consecutive states equal and
//! pins the first one to the program's. Reordered, dropped, duplicated or foreign shards
//! break a link (position, row, register or page) or the first or last shard's statement.

mod proof;
mod prove;
mod verify;

pub use proof::{LinkError, ShardError, ShardProof, ShardedProof};
pub use prove::{
    prove_shard, prove_sharded, run_checkpoints, shard_cycles, Inputs, DEFAULT_LOG_SHARD_CYCLES,
};
pub use verify::{image_page_commitment, verify_sharded, verify_sharded_bytes};

#[cfg(test)]
mod tests;
