//! Sharded proofs: an honest run in many small shards verifies, proves to the same bytes in
//! any order, and every way to bend the chain is rejected with a typed error.

use super::*;
use crate::commitment::dory::Dory;
use crate::zkvm::boundary::{End, Segment, Start};
use crate::zkvm::tests::asm::*;
use crate::zkvm::{
    prove, prove_segment, verify_segment, Exit, ProverKey, SegmentWitness, ZkvmError, ZkvmWitness,
};
use jolt_common::MemoryLayout;
use jolt_tracer::{resume, run, Checkpoint, Program, ProgramIo, RunConfig, ShardEnd, Trace};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::OnceLock;

type Pcs = Dory;
/// Shards of 2^5 cycles: the test run spans about ten.
const LOG_SHARD: u32 = 5;

fn config() -> RunConfig {
    RunConfig {
        layout: MemoryLayout {
            memory_size: 1 << 20,
            max_input_size: 64,
            max_output_size: 64,
            ..MemoryLayout::default()
        },
        max_cycles: 1 << 12,
        stack_guard: false,
    }
}

/// `rd := value` (LUI, ADDI).
fn li(rd: u32, value: u32) -> [u32; 2] {
    let low = ((value << 20) as i32) >> 20;
    [lui(rd, value.wrapping_sub(low as u32)), addi(rd, rd, low)]
}

/// Loops `input` times over a call (MUL, DIV), a word store, a byte store and a load on one
/// page and a store near the top of RAM on another, then writes the result to the output and
/// exits with it. Jumps, taken and untaken branches, falls-through and virtual sequences all
/// land on shard boundaries somewhere.
fn looping_program(factor: i32) -> Program {
    let layout = config().layout;
    let mut c = Vec::new();
    c.extend(li(5, layout.input_start()));
    c.push(lw(6, 5, 0));
    c.extend(li(7, DATA));
    c.extend(li(8, (layout.ram_end() - 8) as u32));
    c.push(addi(9, 0, 0));
    c.push(addi(A0, 0, 1));
    c.push(addi(13, 0, factor));
    let top = c.len();
    let call = c.len();
    c.push(0);
    c.push(sw(A0, 7, 0));
    c.push(sb(9, 7, 1));
    c.push(lw(11, 7, 0));
    c.push(add(A0, A0, 11));
    c.push(sw(A0, 8, 0));
    c.push(addi(7, 7, 4));
    c.push(addi(9, 9, 1));
    let branch = c.len();
    c.push(bne(9, 6, (top as i32 - branch as i32) * 4));
    c.extend(li(12, layout.output_start()));
    c.push(sw(A0, 12, 0));
    c.extend(exit());
    let f = c.len();
    c.push(mul(A0, A0, 13));
    c.push(add(A0, A0, 9));
    c.push(div(14, A0, 13));
    c.push(add(A0, A0, 14));
    c.push(jalr(0, 1, 0));
    c[call] = jal(1, (f - call) as i32 * 4);
    program(&c, &[])
}

fn key(program: &Program) -> ProverKey<Pcs> {
    ProverKey::new(program, &config(), &()).expect("preprocesses")
}

fn input(n: u32) -> Vec<u8> {
    n.to_le_bytes().to_vec()
}

/// An honest sharded proof: the key, the inputs, the I/O, the proof and the checkpoints.
struct Sharded {
    pk: ProverKey<Pcs>,
    inputs: Vec<u8>,
    io: ProgramIo,
    proof: ShardedProof<Pcs>,
    checkpoints: Vec<Checkpoint>,
}

impl Sharded {
    fn new(program: &Program, inputs: Vec<u8>) -> Self {
        let pk = key(program);
        let (io, proof) = prove_sharded(&pk, (&inputs, &[]), LOG_SHARD).expect("proves");
        let (_, checkpoints) = run_checkpoints(&pk, (&inputs, &[]), LOG_SHARD).expect("runs");
        Self {
            pk,
            inputs,
            io,
            proof,
            checkpoints,
        }
    }

    fn verify(&self, proof: &ShardedProof<Pcs>) -> Result<(), ShardError> {
        self.verify_io(&self.io, proof)
    }

    fn verify_io(&self, io: &ProgramIo, proof: &ShardedProof<Pcs>) -> Result<(), ShardError> {
        catch_unwind(AssertUnwindSafe(|| verify_sharded(&self.pk.vk, io, proof)))
            .unwrap_or_else(|_| panic!("the chain verifier panicked"))
    }

    /// The honest proof with shard `i` proven from `checkpoint` instead.
    fn with_shard_from(&self, i: usize, checkpoint: &Checkpoint) -> ShardedProof<Pcs> {
        let mut proof = self.proof.clone();
        proof.shards[i] =
            prove_shard(&self.pk, (&self.inputs, &[]), checkpoint, LOG_SHARD).expect("proves");
        proof
    }
}

fn honest() -> &'static Sharded {
    static HONEST: OnceLock<Sharded> = OnceLock::new();
    HONEST.get_or_init(|| Sharded::new(&looping_program(3), input(12)))
}

fn link_error(r: Result<(), ShardError>) -> (usize, LinkError) {
    match r {
        Err(ShardError::Link { shard, error }) => (shard, error),
        other => panic!("expected a link error, got {other:?}"),
    }
}

#[test]
fn an_honest_run_in_shards_verifies_and_matches_the_emulator() {
    let h = honest();
    let shards = h.proof.shards.len();
    assert!(shards >= 6, "{shards} shards");
    assert_eq!(h.verify(&h.proof), Ok(()));
    let mut trace = Trace::default();
    let vk = &h.pk.vk;
    let execution = run(
        &vk.program,
        &h.pk.bytecode,
        &vk.run_config(),
        &h.inputs,
        &mut trace,
    )
    .expect("runs");
    assert_eq!(execution.io, h.io);
    assert_eq!(h.proof.cycles(), execution.cycles);
    for s in &h.proof.shards[..shards - 1] {
        assert_eq!(s.proof.cycles, 1 << LOG_SHARD, "a paused shard is full");
    }
    let bytes = h.proof.to_bytes();
    assert_eq!(verify_sharded_bytes(vk, &h.io, &bytes), Ok(()));
    println!(
        "{} cycles in {shards} shards, {} bytes",
        execution.cycles,
        bytes.len()
    );
}

#[test]
fn shards_prove_alone_in_any_order_to_the_same_bytes() {
    let h = honest();
    let mut shards: Vec<_> = h
        .checkpoints
        .iter()
        .enumerate()
        .rev()
        .map(|(i, c)| {
            let bytes = checkpoint_round_trip(c);
            (
                i,
                prove_shard(&h.pk, (&h.inputs, &[]), &bytes, LOG_SHARD).expect("proves"),
            )
        })
        .collect();
    shards.sort_by_key(|(i, _)| *i);
    let assembled = ShardedProof {
        shards: shards
            .into_iter()
            .map(|(_, s)| s)
            .collect::<Vec<_>>()
            .into(),
    };
    assert_eq!(assembled.to_bytes(), h.proof.to_bytes());
}

fn checkpoint_round_trip(c: &Checkpoint) -> Checkpoint {
    Checkpoint::from_bytes(&c.to_bytes()).expect("decodes")
}

#[test]
fn a_run_that_fits_one_shard_is_the_unsharded_proof() {
    let pk = key(&looping_program(3));
    let inputs = input(2);
    let (io, sharded) = prove_sharded(&pk, (&inputs, &[]), 12).expect("proves");
    let (io_whole, whole) = prove(&pk, &inputs).expect("proves");
    assert_eq!(io, io_whole);
    assert_eq!(sharded.shards.len(), 1);
    assert_eq!(sharded.shards[0].proof, whole);
    assert_eq!(verify_sharded(&pk.vk, &io, &sharded), Ok(()));
}

#[test]
fn reordered_shards_are_rejected() {
    let h = honest();
    let mut proof = h.proof.clone();
    proof.shards.swap(2, 3);
    let (shard, error) = link_error(h.verify(&proof));
    assert_eq!(shard, 2);
    assert!(matches!(error, LinkError::Position { .. }), "{error:?}");
}

#[test]
fn a_dropped_shard_is_rejected() {
    let h = honest();
    let mut proof = h.proof.clone();
    proof.shards.remove(3);
    let (shard, error) = link_error(h.verify(&proof));
    assert_eq!(shard, 3);
    assert!(matches!(error, LinkError::Position { .. }), "{error:?}");
}

#[test]
fn a_duplicated_shard_is_rejected() {
    let h = honest();
    let mut proof = h.proof.clone();
    let copy = proof.shards[2].clone();
    proof.shards.insert(3, copy);
    let (shard, _) = link_error(h.verify(&proof));
    assert_eq!(shard, 3);
}

#[test]
fn a_shard_from_a_run_on_other_inputs_is_rejected() {
    let h = honest();
    let other = Sharded::new(&looping_program(3), input(13));
    let mut proof = h.proof.clone();
    proof.shards[3] = other.proof.shards[3].clone();
    let (shard, error) = link_error(h.verify(&proof));
    assert_eq!(shard, 3);
    assert!(
        matches!(error, LinkError::Register { index: 6, .. }),
        "the loop bound differs: {error:?}"
    );
}

#[test]
fn a_shard_from_another_program_is_rejected() {
    let h = honest();
    let other = Sharded::new(&looping_program(5), input(12));
    let mut proof = h.proof.clone();
    // Its first shard: the same start at the entry, but another program's run.
    proof.shards[0] = other.proof.shards[0].clone();
    assert!(matches!(
        h.verify(&proof),
        Err(ShardError::Shard { shard: 0, .. })
    ));
    // A middle shard: its states are the other program's, and its transcript the other key's.
    let mut proof = h.proof.clone();
    proof.shards[4] = other.proof.shards[4].clone();
    assert!(matches!(
        h.verify(&proof),
        Err(ShardError::Link { shard: 4, .. } | ShardError::Shard { shard: 4, .. })
    ));
}

#[test]
fn a_start_state_off_by_one_register_is_rejected() {
    let h = honest();
    let mut checkpoint = h.checkpoints[3].clone();
    checkpoint.registers[9] ^= 1;
    let (shard, error) = link_error(h.verify(&h.with_shard_from(3, &checkpoint)));
    assert_eq!(shard, 3);
    assert!(
        matches!(error, LinkError::Register { index: 9, .. }),
        "{error:?}"
    );
}

#[test]
fn a_start_state_off_by_one_ram_word_is_rejected() {
    let h = honest();
    let mut checkpoint = h.checkpoints[3].clone();
    let (page, words) = checkpoint
        .pages
        .first_mut()
        .expect("the run has written memory by then");
    words[1] ^= 1;
    let page = *page;
    let (shard, error) = link_error(h.verify(&h.with_shard_from(3, &checkpoint)));
    assert_eq!(shard, 3);
    assert_eq!(error, LinkError::Page { page });
}

#[test]
fn a_start_state_at_another_pc_is_rejected() {
    let h = honest();
    let mut checkpoint = h.checkpoints[3].clone();
    checkpoint.row += 1;
    let (shard, error) = link_error(h.verify(&h.with_shard_from(3, &checkpoint)));
    assert_eq!(shard, 3);
    assert!(matches!(error, LinkError::Row { .. }), "{error:?}");
}

#[test]
fn a_shard_proving_another_start_than_it_claims_is_rejected() {
    let h = honest();
    let mut checkpoint = h.checkpoints[3].clone();
    checkpoint.registers[9] ^= 1;
    let mut proof = h.with_shard_from(3, &checkpoint);
    proof.shards[3].start = h.proof.shards[3].start.clone();
    assert!(matches!(
        h.verify(&proof),
        Err(ShardError::Shard { shard: 3, .. })
    ));
}

#[test]
fn an_end_state_the_shard_did_not_reach_is_rejected_even_when_the_next_shard_agrees() {
    let h = honest();
    let edits: [&dyn Fn(&mut crate::zkvm::boundary::MachineState); 3] =
        [&|s| s.registers[5] ^= 1, &|s| s.row += 1, &|s| {
            s.pages.swap(0, 1)
        }];
    for edit in edits {
        let mut proof = h.proof.clone();
        edit(&mut proof.shards[2].proof.pause.as_mut().expect("pauses").state);
        edit(proof.shards[3].start.as_mut().expect("resumes"));
        assert!(matches!(
            h.verify(&proof),
            Err(ShardError::Shard { shard: 2, .. })
        ));
    }
}

#[test]
fn a_last_shard_that_did_not_halt_is_rejected() {
    let h = honest();
    let mut proof = h.proof.clone();
    let last = proof.shards.len() - 1;
    proof.shards.remove(last);
    assert_eq!(
        h.verify(&proof),
        Err(ShardError::NotHalted { shard: last - 1 })
    );
}

#[test]
fn a_claimed_output_other_than_the_last_end_state_is_rejected() {
    let h = honest();
    let last = h.proof.shards.len() - 1;
    let mut io = h.io.clone();
    io.outputs[0] ^= 1;
    assert!(matches!(
        h.verify_io(&io, &h.proof),
        Err(ShardError::Shard { shard, .. }) if shard == last
    ));
    let mut io = h.io.clone();
    io.exit_code ^= 1;
    assert!(matches!(
        h.verify_io(&io, &h.proof),
        Err(ShardError::Shard { shard, .. }) if shard == last
    ));
    let mut io = h.io.clone();
    io.inputs[0] ^= 1;
    assert!(matches!(
        h.verify_io(&io, &h.proof),
        Err(ShardError::Shard { shard: 0, .. })
    ));
}

#[test]
fn a_first_shard_that_resumes_is_rejected() {
    let h = honest();
    let mut proof = h.proof.clone();
    proof.shards[0].start = proof.shards[1].start.clone();
    assert_eq!(
        link_error(h.verify(&proof)),
        (0, LinkError::FirstShardResumes)
    );
    let mut proof = h.proof.clone();
    proof.shards[1].start = None;
    assert_eq!(link_error(h.verify(&proof)), (1, LinkError::MissingStart));
    assert_eq!(
        h.verify(&ShardedProof {
            shards: vec![].into()
        }),
        Err(ShardError::NoShards)
    );
}

#[test]
fn a_pause_at_a_row_the_last_cycle_does_not_lead_to_is_rejected() {
    let h = honest();
    let vk = &h.pk.vk;
    let checkpoint = &h.checkpoints[2];
    let mut trace = Trace::default();
    let end = resume(
        &vk.program,
        &h.pk.bytecode,
        &vk.run_config(),
        (&h.inputs, &[]),
        checkpoint,
        1 << LOG_SHARD,
        &mut trace,
    )
    .expect("runs");
    let ShardEnd::Paused(next) = end else {
        panic!("shard 2 pauses")
    };
    let start = h.proof.shards[2].start.clone().expect("shard 2 resumes");
    let memory = checkpoint
        .memory(&vk.layout, &vk.program, &h.inputs, &[])
        .expect("the checkpoint fits");
    for row in [next.row + 1, next.row.wrapping_sub(1)] {
        let segment = SegmentWitness {
            start_cycle: checkpoint.cycle,
            start: Start::Resume(&start),
            start_words: memory.words(),
            exit: Exit::Pause { row },
        };
        let proof =
            prove_segment(&h.pk, &segment, ZkvmWitness::new(vk, &trace.cycles)).expect("proves");
        let statement = Segment {
            start_cycle: checkpoint.cycle,
            start: Start::Resume(&start),
            end: End::Pause,
        };
        assert!(
            matches!(
                verify_segment(vk, &statement, &proof),
                Err(ZkvmError::Transition(_))
            ),
            "row {row}"
        );
    }
}

#[test]
fn tampered_bytes_of_a_sharded_proof_are_rejected_without_panic() {
    let h = honest();
    let bytes = h.proof.to_bytes();
    let step = (bytes.len() / 23).max(1);
    for offset in (0..bytes.len()).step_by(step) {
        let mut bad = bytes.clone();
        bad[offset] ^= 0x10;
        let r = catch_unwind(AssertUnwindSafe(|| {
            verify_sharded_bytes(&h.pk.vk, &h.io, &bad)
        }))
        .unwrap_or_else(|_| panic!("the verifier panicked at byte {offset}"));
        assert!(r.is_err(), "byte {offset} was accepted");
    }
}
