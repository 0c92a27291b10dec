//! The chain verifier (see the [module documentation](super)): single-threaded, no panics on
//! proof data, every failure a [`ShardError`].
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic,
        clippy::panic_in_result_fn
    )
)]

use super::proof::{LinkError, ShardError, ShardedProof};
use crate::commitment::CommitmentScheme;
use crate::zkvm::boundary::page_commitments::{commit_page, PageCommitment};
use crate::zkvm::boundary::{End, MachineState, Segment, Start};
use crate::zkvm::read_write_memory::LOG_PAGE;
use crate::zkvm::statement::{guest_words, initial_words};
use crate::zkvm::{verify_segment, VerifierKey};
use ark_bn254::G1Affine;
use jolt_tracer::ProgramIo;
use std::collections::BTreeMap;

/// The commitment of `page`'s contents at the entry: `words` are the initial words of guest
/// memory from `first_word` on ([`initial_words`]); words outside them are zero.
pub fn image_page_commitment(words: &[u32], first_word: u64, page: u32) -> PageCommitment {
    let start = u64::from(page) << LOG_PAGE;
    let contents: Vec<u32> = (start..start + (1 << LOG_PAGE))
        .map(|w| {
            w.checked_sub(first_word)
                .and_then(|i| words.get(usize::try_from(i).ok()?))
                .copied()
                .unwrap_or(0)
        })
        .collect();
    if contents.iter().all(|w| *w == 0) {
        G1Affine::identity()
    } else {
        commit_page(&contents)
    }
}

/// The latest commitment of every page the chain has seen.
struct PageChain<'a> {
    latest: BTreeMap<u32, PageCommitment>,
    initial_words: &'a [u32],
    first_word: u64,
}

impl PageChain<'_> {
    fn commitment(&self, page: u32) -> PageCommitment {
        self.latest
            .get(&page)
            .copied()
            .unwrap_or_else(|| image_page_commitment(self.initial_words, self.first_word, page))
    }
}

/// Checks that `start` is the state the chain holds: `previous`'s row and registers, and
/// the chain's commitment of each of `pages`.
fn check_link(
    previous: &MachineState,
    start: &MachineState,
    pages: &[u32],
    chain: &PageChain,
) -> Result<(), LinkError> {
    if start.row != previous.row {
        return Err(LinkError::Row {
            expected: previous.row,
            got: start.row,
        });
    }
    let registers = previous.registers.iter().zip(start.registers.iter());
    if let Some((index, (expected, got))) = registers.enumerate().find(|(_, (a, b))| a != b) {
        return Err(LinkError::Register {
            index,
            expected: *expected,
            got: *got,
        });
    }
    if start.pages.len() != pages.len() {
        return Err(LinkError::PageCount {
            expected: pages.len(),
            got: start.pages.len(),
        });
    }
    for (page, commitment) in pages.iter().zip(start.pages.iter()) {
        if *commitment != chain.commitment(*page) {
            return Err(LinkError::Page { page: *page });
        }
    }
    Ok(())
}

/// Verifies that the program of `vk`, run on `io.inputs`, halts with `io.outputs`,
/// `io.panic` and `io.exit_code`, from a proof of the run in shards.
#[tracing::instrument(skip_all, name = "verify", fields(shards = proof.shards.len()))]
pub fn verify_sharded<PCS: CommitmentScheme>(
    vk: &VerifierKey<PCS>,
    io: &ProgramIo,
    proof: &ShardedProof<PCS>,
) -> Result<(), ShardError> {
    let last = proof
        .shards
        .len()
        .checked_sub(1)
        .ok_or(ShardError::NoShards)?;
    let words = initial_words(vk, &io.inputs).map_err(ShardError::Statement)?;
    let mut chain = PageChain {
        latest: BTreeMap::new(),
        initial_words: &words,
        first_word: guest_words(&vk.layout).0,
    };
    let mut previous: Option<&MachineState> = None;
    let mut cycle = 0u64;
    for (shard, s) in proof.shards.iter().enumerate() {
        let _span = tracing::info_span!("verify shard", shard).entered();
        let link = |error| ShardError::Link { shard, error };
        if s.start_cycle != cycle {
            return Err(link(LinkError::Position {
                expected: cycle,
                got: s.start_cycle,
            }));
        }
        let start = match (previous, &s.start) {
            (None, None) => Start::Entry { inputs: &io.inputs },
            (None, Some(_)) => return Err(link(LinkError::FirstShardResumes)),
            (Some(_), None) => return Err(link(LinkError::MissingStart)),
            (Some(previous), Some(start)) => {
                check_link(previous, start, &s.proof.ram_pages, &chain).map_err(link)?;
                Start::Resume(start)
            }
        };
        let end = if shard == last {
            if s.proof.pause.is_some() {
                return Err(ShardError::NotHalted { shard });
            }
            End::Halt(io)
        } else {
            End::Pause
        };
        let segment = Segment {
            start_cycle: cycle,
            start,
            end,
        };
        verify_segment(vk, &segment, &s.proof)
            .map_err(|error| ShardError::Shard { shard, error })?;
        if let Some(pause) = &s.proof.pause {
            for (page, commitment) in s.proof.ram_pages.iter().zip(pause.state.pages.iter()) {
                chain.latest.insert(*page, *commitment);
            }
            previous = Some(&pause.state);
        }
        cycle = cycle.saturating_add(s.proof.cycles);
    }
    Ok(())
}

/// Decodes a sharded proof and verifies it ([`verify_sharded`]).
pub fn verify_sharded_bytes<PCS: CommitmentScheme>(
    vk: &VerifierKey<PCS>,
    io: &ProgramIo,
    proof: &[u8],
) -> Result<(), ShardError> {
    verify_sharded(vk, io, &ShardedProof::from_bytes(proof)?)
}
