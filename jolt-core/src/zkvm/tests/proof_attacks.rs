//! Soundness tests of the assembled zkVM proof: a proof of one statement must not verify for
//! another, and a proof built from a dishonest witness must not verify at all.
//!
//! Two kinds of lie are tried:
//! * the honest proof checked against another statement (other I/O, another program's key,
//!   tampered bytes, swapped commitments): the statement and the commitments are absorbed
//!   before any challenge, so a change surfaces at the first sub-proof that uses a challenge;
//! * a proof built by a prover that lies consistently (its transcript is the verifier's):
//!   a tampered trace or witness ([`prove_trace`], [`prove_witness`]), or an honest trace
//!   with a false claimed I/O. These are caught by the sub-proof whose obligation the lie
//!   breaks (listed in [`crate::zkvm`]): the constraint system, Surge, bytecode, registers and
//!   RAM, or the I/O check.
//!
//! Every rejection must be a typed [`ZkvmError`], never a panic: verification of arbitrary
//! bytes runs under [`catch_unwind`].
//!
//! Each lie is also told to the zero-knowledge prover and verifier ([`crate::zkvm::zk`]), with
//! the same run proven in that mode: every one must be rejected there too.

use super::proof::{config, proven};
use super::*;
use crate::commitment::dory::Dory;
use crate::commitment::hyperkzg::{HyperKzg, HyperKzgParameters};
use crate::commitment::{hyrax::Hyrax, CommitmentScheme};
use crate::utils::serialization::SafeVec;
use crate::zkvm::proof::JoltCommitments;
use crate::zkvm::zk::prover::prove_zk_witness;
use crate::zkvm::zk::{prove_zk, verify_zk, ZkJoltProof};
use crate::zkvm::{
    prove_trace, prove_with_private_input, prove_witness, verify, verify_bytes, JoltProof,
    ProverKey, VerifierKey, ZkvmError, ZkvmWitness,
};
use ark_std::rand::{Rng, SeedableRng};
use jolt_tracer::{run_with_private_input, Cycle, ProgramIo};
use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::OnceLock;

type Pcs = HyperKzg;
/// The development SRS, allowed on every key here (the attacks are on the proof, not on the
/// parameters).
const PARAMS: HyperKzgParameters = HyperKzgParameters::InsecureDevelopment;

/// An honest run: the key, the public I/O, the proof and the trace it was built from.
pub(super) struct Honest<PCS: CommitmentScheme> {
    pub pk: ProverKey<PCS>,
    pub io: ProgramIo,
    pub proof: JoltProof<PCS>,
    pub cycles: Vec<Cycle>,
    /// The same run in zero knowledge.
    pub zk: ZkHonest,
}

/// An honest run proven in zero knowledge: the key and the proof.
pub(super) struct ZkHonest {
    pub pk: ProverKey<Dory>,
    pub proof: ZkJoltProof,
}

impl ZkHonest {
    pub fn new(
        program: &Program,
        (inputs, private_input): (&[u8], &[u8]),
        config: &RunConfig,
    ) -> Self {
        let pk = ProverKey::<Dory>::new(program, config, &()).expect("preprocesses");
        let (io, proof) = prove_zk(&pk, inputs, private_input, &mut zk_rng()).expect("proves");
        assert_eq!(verify_zk(&pk.vk, &io, &proof), Ok(()), "the honest proof");
        Self { pk, proof }
    }

    /// Proves `witness` with the public I/O `io` in zero knowledge and verifies the result.
    fn prove_and_verify_io(&self, witness: ZkvmWitness, io: &ProgramIo) -> Result<(), ZkvmError> {
        let proof = prove_zk_witness(&self.pk, io, witness, &mut zk_rng()).expect("proves");
        checked(
            || verify_zk(&self.pk.vk, io, &proof),
            "a dishonest zero-knowledge proof",
        )
    }
}

fn zk_rng() -> rand_chacha::ChaCha20Rng {
    rand_chacha::ChaCha20Rng::from_entropy()
}

impl<PCS: CommitmentScheme> Honest<PCS> {
    fn new(program: &Program, inputs: &[u8], params: &PCS::Parameters) -> Self {
        Self::with_config(program, inputs, &config(), params)
    }

    /// The honest run of `program` on `inputs` under `config`, proven and verified.
    pub fn with_config(
        program: &Program,
        inputs: &[u8],
        config: &RunConfig,
        params: &PCS::Parameters,
    ) -> Self {
        Self::with_private_input(program, (inputs, &[]), config, params)
    }

    /// The honest run of `program` on `(inputs, private_input)` under `config`, proven and
    /// verified.
    pub fn with_private_input(
        program: &Program,
        (inputs, private_input): (&[u8], &[u8]),
        config: &RunConfig,
        params: &PCS::Parameters,
    ) -> Self {
        let mut pk = ProverKey::<PCS>::new(program, config, params).expect("preprocesses");
        pk.vk.allow_insecure_parameters();
        let (io, proof) = prove_with_private_input(&pk, inputs, private_input).expect("proves");
        let mut trace = Trace::default();
        run_with_private_input(
            &pk.vk.program,
            &pk.bytecode,
            &pk.vk.run_config(),
            inputs,
            private_input,
            &mut trace,
        )
        .expect("the program runs to its exit");
        assert_eq!(verify(&pk.vk, &io, &proof), Ok(()), "the honest proof");
        let zk = ZkHonest::new(program, (inputs, private_input), config);
        Self {
            pk,
            io,
            proof,
            cycles: trace.cycles,
            zk,
        }
    }

    pub fn vk(&self) -> &VerifierKey<PCS> {
        &self.pk.vk
    }

    /// The bytecode row of cycle `t`.
    fn row(&self, t: usize) -> &jolt_tracer::BytecodeRow {
        &self.pk.bytecode.rows[self.cycles[t].row as usize]
    }

    /// The first cycle whose bytecode row satisfies `pred`.
    pub fn find(&self, pred: impl Fn(&jolt_tracer::BytecodeRow) -> bool) -> usize {
        (0..self.cycles.len())
            .find(|&t| pred(self.row(t)))
            .expect("the program has such a cycle")
    }

    /// Proves `witness` with the honest I/O and verifies the result.
    pub fn prove_and_verify(&self, witness: ZkvmWitness) -> Result<(), ZkvmError> {
        self.prove_and_verify_io(witness, &self.io)
    }

    /// Proves `witness` with the public I/O `io` and verifies the result.
    pub fn prove_and_verify_io(
        &self,
        witness: ZkvmWitness,
        io: &ProgramIo,
    ) -> Result<(), ZkvmError> {
        let r_zk = self.zk.prove_and_verify_io(witness.clone(), io);
        let proof = prove_witness(&self.pk, io, witness).expect("proves");
        let r = checked(|| verify(self.vk(), io, &proof), "a dishonest proof");
        assert_eq!(
            r_zk.is_ok(),
            r.is_ok(),
            "the modes disagree: {r_zk:?} / {r:?}"
        );
        r
    }

    /// Proves `cycles` with the honest I/O and verifies the result.
    pub fn prove_trace_and_verify(&self, cycles: &[Cycle]) -> Result<(), ZkvmError> {
        self.prove_and_verify(ZkvmWitness::new(self.vk(), cycles))
    }
}

/// The honest HyperKZG proof of [`every_opcode_program`], built once.
fn every_opcode() -> &'static Honest<Pcs> {
    static HONEST: OnceLock<Honest<Pcs>> = OnceLock::new();
    HONEST.get_or_init(|| Honest::new(&every_opcode_program(), &[], &PARAMS))
}

/// The input word [`echo_program`] is proven on.
const ECHO_INPUT: [u8; 4] = [0xde, 0xad, 0xbe, 0xef];

/// The honest HyperKZG proof of [`echo_program`] on [`ECHO_INPUT`], built once.
fn echo() -> &'static Honest<Pcs> {
    static HONEST: OnceLock<Honest<Pcs>> = OnceLock::new();
    HONEST.get_or_init(|| {
        let h = Honest::new(&echo_program(), &ECHO_INPUT, &PARAMS);
        assert_eq!(
            h.io.outputs[..4],
            ECHO_INPUT,
            "the program echoes its input"
        );
        h
    })
}

/// `rd := value` (LUI, ADDI).
pub(super) fn li(rd: u32, value: u32) -> [u32; 2] {
    let low = ((value << 20) as i32) >> 20;
    [lui(rd, value.wrapping_sub(low as u32)), addi(rd, rd, low)]
}

/// Copies the first input word to the first output word, then exits with code 0.
fn echo_program() -> Program {
    let layout = config().layout;
    let mut code = Vec::new();
    code.extend(li(5, layout.input_start()));
    code.push(lw(6, 5, 0));
    code.extend(li(7, layout.output_start()));
    code.push(sw(6, 7, 0));
    code.push(addi(A0, 0, 0));
    code.extend(exit());
    program(&code, &[])
}

/// Runs a verification, failing the test if it panics.
pub(super) fn checked(
    f: impl FnOnce() -> Result<(), ZkvmError>,
    what: &str,
) -> Result<(), ZkvmError> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|_| panic!("the verifier panicked on {what}"))
}

/// The name of the outcome's variant.
fn variant(r: &Result<(), ZkvmError>) -> &'static str {
    match r {
        Ok(()) => "accepted",
        Err(ZkvmError::Statement(_)) => "Statement",
        Err(ZkvmError::Cycles { .. }) => "Cycles",
        Err(ZkvmError::Commitments { .. }) => "Commitments",
        Err(ZkvmError::Spartan(_)) => "Spartan",
        Err(ZkvmError::Surge(_)) => "Surge",
        Err(ZkvmError::Bytecode(_)) => "Bytecode",
        Err(ZkvmError::ReadWrite(_)) => "ReadWrite",
        Err(ZkvmError::ByteRange(_)) => "ByteRange",
        Err(ZkvmError::MemoryChecking(_)) => "MemoryChecking",
        Err(ZkvmError::Io(_)) => "Io",
        Err(ZkvmError::Ends(_)) => "Ends",
        Err(ZkvmError::Transition(_)) => "Transition",
        Err(ZkvmError::PausedRegisters) => "PausedRegisters",
        Err(ZkvmError::Pages { .. }) => "Pages",
        Err(ZkvmError::PrivateInput(_)) => "PrivateInput",
        Err(ZkvmError::Opening(_)) => "Opening",
        Err(ZkvmError::Deserialization) => "Deserialization",
        Err(ZkvmError::Key(_)) => "Key",
        Err(ZkvmError::InsecureParameters) => "InsecureParameters",
        Err(ZkvmError::BlindFold(_)) => "BlindFold",
    }
}

/// The byte range of each field of `proof.to_bytes()`, in field order.
fn sections<PCS: CommitmentScheme>(
    proof: &JoltProof<PCS>,
) -> Vec<(&'static str, std::ops::Range<usize>)> {
    let mut sizes = vec![("log_cycles", 4), ("cycles", 8), ("log_ram", 4)];
    sizes.extend(proof.size_breakdown());
    let mut start = 0;
    let ranges: Vec<_> = sizes
        .into_iter()
        .map(|(name, len)| {
            start += len;
            (name, start - len..start)
        })
        .collect();
    let bytes = proof.to_bytes();
    assert_eq!(start, bytes.len(), "the sections cover the encoding");
    assert_eq!(bytes[..4], proof.log_cycles.to_le_bytes());
    assert_eq!(bytes[4..12], proof.cycles.to_le_bytes());
    assert_eq!(bytes[12..16], proof.log_ram.to_le_bytes());
    ranges
}

/// Flips `mask` in each of the first, middle and last byte of every section; every result
/// must be rejected. Returns the variants seen per section.
pub(super) fn tamper_sections<PCS: CommitmentScheme>(
    vk: &VerifierKey<PCS>,
    io: &ProgramIo,
    proof: &JoltProof<PCS>,
    masks: &[u8],
) -> Vec<(&'static str, BTreeMap<&'static str, usize>)> {
    let bytes = proof.to_bytes();
    assert_eq!(verify_bytes(vk, io, &bytes), Ok(()));
    sections(proof)
        .into_iter()
        .map(|(name, range)| {
            let mut seen = BTreeMap::new();
            for offset in [range.start, (range.start + range.end) / 2, range.end - 1] {
                for &mask in masks {
                    let mut bad = bytes.clone();
                    bad[offset] ^= mask;
                    let what = format!("{name}: byte {offset} ^ {mask:#04x}");
                    let r = checked(|| verify_bytes(vk, io, &bad), &what);
                    assert!(r.is_err(), "{what} was accepted");
                    *seen.entry(variant(&r)).or_insert(0) += 1;
                }
            }
            (name, seen)
        })
        .collect()
}

#[test]
fn tampered_bytes_in_each_subproof_are_rejected() {
    let h = every_opcode();
    let seen = tamper_sections(h.vk(), &h.io, &h.proof, &[0x01, 0x80]);
    assert_eq!(seen.len(), 16);
    for (name, variants) in seen {
        println!("{name}: {variants:?}");
    }
}

pub(super) fn groups_mut<PCS: CommitmentScheme>(
    cm: &mut JoltCommitments<PCS>,
) -> [&mut SafeVec<PCS::Commitment>; 5] {
    [
        &mut cm.witness,
        &mut cm.bytecode,
        &mut cm.read_write,
        &mut cm.surge,
        &mut cm.byte_range,
    ]
}

#[test]
fn each_commitment_replaced_is_rejected() {
    let h = every_opcode();
    let mut honest = h.proof.commitments.clone();
    let slots: Vec<(usize, usize)> = groups_mut(&mut honest)
        .iter()
        .enumerate()
        .flat_map(|(g, group)| (0..group.len()).map(move |i| (g, i)))
        .collect();
    let flat: Vec<_> = groups_mut(&mut honest)
        .into_iter()
        .flat_map(|group| group.iter().cloned().collect::<Vec<_>>())
        .collect();
    assert_eq!(flat.len(), h.proof.commitments.len());
    let mut seen = BTreeMap::new();
    for (k, &(g, i)) in slots.iter().enumerate() {
        let other = (1..flat.len())
            .map(|d| &flat[(k + d) % flat.len()])
            .find(|c| **c != flat[k])
            .expect("the proof has two different commitments");
        let mut proof = h.proof.clone();
        groups_mut(&mut proof.commitments)[g][i] = *other;
        let what = format!("commitment {i} of group {g}");
        let r = checked(|| verify(h.vk(), &h.io, &proof), &what);
        assert!(r.is_err(), "{what} replaced was accepted");
        *seen.entry(variant(&r)).or_insert(0) += 1;
    }
    println!("{} commitments replaced: {seen:?}", flat.len());
}

/// A false claimed I/O is rejected both for the honest proof and for a proof of the honest
/// trace built with the false statement in its transcript; the latter's error must satisfy
/// `expected`. Returns the two variants.
fn assert_io_lie_rejected(
    h: &Honest<Pcs>,
    lie: &ProgramIo,
    expected: fn(&ZkvmError) -> bool,
) -> [&'static str; 2] {
    let r = checked(|| verify(h.vk(), lie, &h.proof), "a false statement");
    assert!(r.is_err(), "the honest proof verifies for {lie:?}");
    let zk = &h.zk;
    let r_zk = checked(|| verify_zk(&zk.pk.vk, lie, &zk.proof), "a false statement");
    assert!(
        r_zk.is_err(),
        "the honest zero-knowledge proof verifies for {lie:?}"
    );
    let witness = ZkvmWitness::new(&zk.pk.vk, &h.cycles);
    if let Ok(proof) = prove_zk_witness(&zk.pk, lie, witness, &mut zk_rng()) {
        let r = checked(|| verify_zk(&zk.pk.vk, lie, &proof), "a false statement");
        assert!(r.is_err(), "a consistent zero-knowledge prover of {lie:?}");
    }
    let consistent = match prove_trace(&h.pk, lie, &h.cycles) {
        Ok(proof) => {
            let r2 = checked(|| verify(h.vk(), lie, &proof), "a false statement");
            assert!(r2.as_ref().is_err_and(expected), "{lie:?}: {r2:?}");
            variant(&r2)
        }
        Err(e) => {
            // The prover refuses a statement the layout cannot hold; so does the verifier.
            assert!(matches!(r, Err(ZkvmError::Statement(_))), "{e}: {r:?}");
            "refused"
        }
    };
    [variant(&r), consistent]
}

#[test]
fn wrong_claimed_output_is_rejected() {
    let h = echo();
    let is_io = |e: &ZkvmError| matches!(e, ZkvmError::Io(_));
    let mut lies = Vec::new();
    let mut other = h.io.clone();
    other.outputs[1] ^= 1;
    lies.push(other);
    let mut missing = h.io.clone();
    missing.outputs.truncate(3);
    lies.push(missing);
    let mut extra = h.io.clone();
    extra.outputs[4] = 1;
    lies.push(extra);
    let mut none = h.io.clone();
    none.outputs.clear();
    lies.push(none);
    for lie in &lies {
        println!("{:?}", assert_io_lie_rejected(h, lie, is_io));
    }
    // More bytes than the output region holds.
    let mut too_long = h.io.clone();
    too_long.outputs.push(1);
    let r = verify(h.vk(), &too_long, &h.proof);
    assert!(matches!(r, Err(ZkvmError::Statement(_))), "{r:?}");
}

#[test]
fn wrong_claimed_inputs_are_rejected() {
    let h = echo();
    let is_rw = |e: &ZkvmError| matches!(e, ZkvmError::ReadWrite(_));
    // Inputs the program reads: a consistent prover is caught by the RAM check (its trace
    // reads the honest word, the initial RAM holds another).
    for inputs in [
        vec![0xde, 0xad, 0xbe, 0xee],
        vec![0xdf, 0xad, 0xbe, 0xef],
        vec![0xde, 0xad, 0xbe],
        vec![],
    ] {
        let lie = ProgramIo {
            inputs,
            ..h.io.clone()
        };
        println!("{:?}", assert_io_lie_rejected(h, &lie, is_rw));
    }
    // An extra byte, and more bytes than the input region holds.
    for (inputs, statement) in [
        ([0xde, 0xad, 0xbe, 0xef, 1].to_vec(), false),
        (vec![1; 65], true),
    ] {
        let lie = ProgramIo {
            inputs,
            ..h.io.clone()
        };
        let r = checked(|| verify(h.vk(), &lie, &h.proof), "extra inputs");
        assert!(r.is_err(), "{lie:?}");
        assert_eq!(
            matches!(r, Err(ZkvmError::Statement(_))),
            statement,
            "{r:?}"
        );
    }
}

#[test]
fn wrong_panic_flag_is_rejected() {
    let h = every_opcode();
    assert!(!h.io.panic);
    let lie = ProgramIo {
        panic: true,
        ..h.io.clone()
    };
    let seen = assert_io_lie_rejected(h, &lie, |e| matches!(e, ZkvmError::Io(_)));
    println!("{seen:?}");
}

#[test]
fn wrong_exit_code_is_rejected() {
    // The exit code is the claim `rs1_value(halting cycle) = exit code`: a consistent prover
    // fails the batched opening.
    let h = every_opcode();
    for exit_code in [h.io.exit_code ^ 1, u32::MAX] {
        let lie = ProgramIo {
            exit_code,
            ..h.io.clone()
        };
        let seen = assert_io_lie_rejected(h, &lie, |e| matches!(e, ZkvmError::Opening(_)));
        println!("{seen:?}");
    }
}

#[test]
fn wrong_instruction_result_is_rejected() {
    let h = every_opcode();
    let t = h.find(|r| r.instr.is_ok_and(|i| i.opcode == Opcode::Add && i.rd != 0));
    let mut cycles = h.cycles.clone();
    let cycle = &mut cycles[t];
    cycle.rd_value = cycle.rd_value.wrapping_add(1);
    let lookup = cycle.lookup.as_mut().expect("ADD queries a table");
    lookup.output = lookup.output.wrapping_add(1);
    let r = h.prove_trace_and_verify(&cycles);
    assert!(matches!(r, Err(ZkvmError::Surge(_))), "{r:?}");
}

#[test]
fn truncated_trace_is_rejected() {
    let h = every_opcode();
    let len = h.cycles.len();
    let exit = h.find(|r| r.source.opcode == Opcode::Ecall);
    let mut seen = Vec::new();
    // Cut inside the exit sequence, before it, and at half the run: padding after a row that
    // does not halt breaks the constraints.
    for keep in [len - 1, exit + 1, exit, len / 2] {
        assert!(!keep.is_power_of_two());
        let r = h.prove_trace_and_verify(&h.cycles[..keep]);
        assert!(
            matches!(r, Err(ZkvmError::Spartan(_))),
            "{keep} of {len} cycles: {r:?}"
        );
        seen.push((keep, variant(&r)));
    }
    // A power of two needs no padding, and cross-step constraints do not apply at the last
    // cycle: only the claim that the last real cycle halts catches it.
    for keep in [64, 128] {
        let r = h.prove_trace_and_verify(&h.cycles[..keep]);
        assert!(
            matches!(r, Err(ZkvmError::Opening(_))),
            "{keep} of {len} cycles: {r:?}"
        );
        seen.push((keep, variant(&r)));
    }
    println!("{len} cycles, exit sequence from {exit}: {seen:?}");
}

#[test]
fn proof_for_another_program_is_rejected() {
    let h = every_opcode();
    let mut other = every_opcode_program();
    let (from, to) = (addi(2, 0, 3).to_le_bytes(), addi(2, 0, 4).to_le_bytes());
    let code = &mut other.segments[0].data;
    let at = code
        .chunks(4)
        .position(|w| w == from)
        .expect("the program sets x2 := 3");
    code[4 * at..4 * at + 4].copy_from_slice(&to);
    let mut pk = ProverKey::<Pcs>::new(&other, &config(), &PARAMS).expect("preprocesses");
    pk.vk.allow_insecure_parameters();
    assert_ne!(pk.vk.digest(), h.vk().digest());
    let r = checked(
        || verify(&pk.vk, &h.io, &h.proof),
        "another program's proof",
    );
    assert!(r.is_err(), "{r:?}");
    let zk = &h.zk;
    let other_zk = ProverKey::<Dory>::new(&other, &config(), &()).expect("preprocesses");
    let r = checked(
        || verify_zk(&other_zk.vk, &h.io, &zk.proof),
        "another program's zero-knowledge proof",
    );
    assert!(r.is_err(), "{r:?}");
    // Program A's witness proven under program B's key. The prover derives the bytecode
    // check's field polynomials from B's table, so its claims on them do not match the
    // committed columns (A's immediate): the batched opening rejects. Claims matching the
    // columns would fail the bytecode check instead (a cycle's row is not a row of B).
    let witness = ZkvmWitness::new(h.vk(), &h.cycles);
    let proof = prove_witness(&pk, &h.io, witness).expect("proves");
    let r2 = checked(
        || verify(&pk.vk, &h.io, &proof),
        "another program's witness",
    );
    assert!(
        matches!(r2, Err(ZkvmError::Bytecode(_) | ZkvmError::Opening(_))),
        "{r2:?}"
    );
    println!("{} / {}", variant(&r), variant(&r2));
}

#[test]
fn nonzero_write_to_x0_is_rejected() {
    let h = every_opcode();
    let c = &h.vk().columns;
    let honest = ZkvmWitness::new(h.vk(), &h.cycles);
    // A write of 5 at a cycle that writes no register: the registers replay it into x0.
    let t = (0..h.cycles.len())
        .find(|&t| honest.accesses[t].rd == 0)
        .expect("a cycle writes no register");
    let mut w = honest.clone();
    w.table.set(c.rd_write.index(), t, 5);
    w.accesses[t].rd_write = 5;
    let r = h.prove_and_verify(w);
    assert!(matches!(r, Err(ZkvmError::Spartan(_))), "{r:?}");
    // A read of x0 returning 5 without any write, at a cycle that ignores rs1's value (so the
    // constraint system holds): only the register check sees it.
    let t = (0..h.cycles.len())
        .find(|&t| {
            honest.accesses[t].rs1 == 0 && !h.vk().rows[h.cycles[t].row as usize].flag(Flag::XRs1)
        })
        .expect("a cycle reads x0 and ignores its value");
    let mut w = honest.clone();
    w.table.set(c.rs1_value.index(), t, 5);
    w.accesses[t].rs1_value = 5;
    let r = h.prove_and_verify(w);
    assert!(matches!(r, Err(ZkvmError::ReadWrite(_))), "{r:?}");
}

/// The flags have no booleanity constraint: the bytecode check alone pins them to the row's.
/// A non-boolean circuit flag, and another table's flag, each in a witness that satisfies
/// every constraint and every lookup, are rejected by it.
#[test]
fn flags_that_are_not_the_rows_are_rejected_by_the_bytecode_check() {
    let h = every_opcode();
    let c = &h.vk().columns;
    let honest = ZkvmWitness::new(h.vk(), &h.cycles);
    let row = |t: usize| &h.vk().rows[h.cycles[t].row as usize];
    let output = |t: usize| honest.table.get(c.lookup_output.index(), t);
    // flag_assert = 2 where the output is 1 anyway: `flag_assert · (output − 1) = 0` holds.
    let t = (0..h.cycles.len())
        .find(|&t| output(t) == 1 && !row(t).flag(Flag::Assert))
        .expect("a cycle outputs 1 without an assertion");
    let mut w = honest.clone();
    w.table.set(c.flag(Flag::Assert).index(), t, 2);
    let r = h.prove_and_verify(w);
    assert!(matches!(r, Err(ZkvmError::Bytecode(_))), "{r:?}");
    // Another table of the same packing whose entry at the cycle's operands is the output.
    let tables = &h.vk().tables;
    let (t, k, other) = (0..h.cycles.len())
        .find_map(|t| {
            let k = row(t).table?;
            let (x, y) = (
                honest.table.get(c.x.index(), t) as u32,
                honest.table.get(c.y.index(), t) as u32,
            );
            let other = (0..tables.len()).find(|&g| {
                g != k
                    && tables[g].packing() == tables[k].packing()
                    && u64::from(tables[g].lookup_entry(x, y)) == output(t)
            })?;
            Some((t, k, other))
        })
        .expect("a cycle's output is also another table's entry");
    let mut w = honest.clone();
    w.table.set(c.table_flags[k].index(), t, 0);
    w.table.set(c.table_flags[other].index(), t, 1);
    let r = h.prove_and_verify(w);
    assert!(matches!(r, Err(ZkvmError::Bytecode(_))), "{r:?}");
}

/// Re-executes the cycles after `t` of the virtual sequence `t` belongs to from their
/// registers (so a changed value at `t` flows into them): operands, lookup outputs and writes
/// as the emulator computes them. Register values come from the accesses before `t` and the
/// write of `t`.
fn replay_sequence(h: &Honest<Pcs>, cycles: &mut [Cycle], t: usize) {
    let rows = &h.vk().rows;
    let mut regs = [0u32; 256];
    let accesses = ZkvmWitness::new(h.vk(), cycles).accesses;
    for a in &accesses[..=t] {
        if a.rd != 0 {
            regs[usize::from(a.rd)] = a.rd_write;
        }
    }
    let address = rows[cycles[t].row as usize].address;
    for cycle in cycles[t + 1..]
        .iter_mut()
        .take_while(|c| rows[c.row as usize].address == address)
    {
        let f = &rows[cycle.row as usize];
        cycle.rs1_value = regs[usize::from(f.rs1)];
        cycle.rs2_value = regs[usize::from(f.rs2)];
        let x = if f.flag(Flag::XRs1) {
            cycle.rs1_value
        } else if f.flag(Flag::XAdvice) {
            cycle.advice
        } else {
            assert!(!f.flag(Flag::XPc), "no sequence row reads the pc");
            0
        };
        let y = if f.flag(Flag::YImm) {
            f.imm
        } else {
            cycle.rs2_value
        };
        if let (Some(k), Some(lookup)) = (f.table, cycle.lookup.as_mut()) {
            *lookup = jolt_tracer::LookupRecord {
                x,
                y,
                output: h.vk().tables[k].lookup_entry(x, y),
                ..*lookup
            };
        }
        assert!(!f.flag(Flag::WriteLoad) && !f.flag(Flag::WriteLink));
        if f.flag(Flag::WriteLookup) && f.rd != 0 {
            cycle.rd_value = cycle.lookup.map_or(0, |l| l.output);
            regs[usize::from(f.rd)] = cycle.rd_value;
        }
    }
}

#[test]
fn wrong_advice_is_rejected() {
    let h = every_opcode();
    let t = h.find(|r| {
        r.source.opcode == Opcode::Div && r.instr.is_ok_and(|i| i.opcode == Opcode::VirtualAdvice)
    });
    let mut cycles = h.cycles.clone();
    replay_sequence(h, &mut cycles, t);
    assert!(
        cycles == h.cycles,
        "the replay of the honest sequence is the emulator's"
    );
    let cycle = &mut cycles[t];
    cycle.advice = cycle.advice.wrapping_add(1);
    cycle.rd_value = cycle.advice;
    let lookup = cycle
        .lookup
        .as_mut()
        .expect("the advice row queries a table");
    lookup.x = cycle.advice;
    lookup.output = cycle.advice;
    // The sequence's later cycles still read the honest advice: the registers disagree.
    let r = h.prove_trace_and_verify(&cycles);
    assert!(matches!(r, Err(ZkvmError::ReadWrite(_))), "{r:?}");
    // The wrong quotient flows through the rest of the sequence: its assertions fail.
    replay_sequence(h, &mut cycles, t);
    let changed = (t + 1..cycles.len())
        .filter(|&s| cycles[s] != h.cycles[s])
        .count();
    assert!(changed > 0, "the advice is used later in the sequence");
    let r2 = h.prove_trace_and_verify(&cycles);
    assert!(matches!(r2, Err(ZkvmError::Spartan(_))), "{r2:?}");
    println!(
        "{} / {} ({changed} later cycles changed)",
        variant(&r),
        variant(&r2)
    );
}

#[test]
fn random_bytes_are_rejected() {
    let h = every_opcode();
    let bytes = h.proof.to_bytes();
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(7);
    let mut seen = BTreeMap::new();
    let mut record = |r: Result<(), ZkvmError>, what: &str| {
        assert!(r.is_err(), "{what} was accepted");
        *seen.entry(variant(&r)).or_insert(0) += 1;
    };
    for k in 0..1000 {
        let len = [0, 1, 100, bytes.len()][k % 4];
        let random: Vec<u8> = (0..len).map(|_| rng.gen()).collect();
        let r = checked(|| verify_bytes(h.vk(), &h.io, &random), "random bytes");
        record(r, "random bytes");
    }
    // The proof with a random tail from an offset, and truncated at it.
    for _ in 0..200 {
        let cut = rng.gen_range(0..bytes.len());
        let mut tail = bytes.clone();
        tail[cut..].iter_mut().for_each(|b| *b = rng.gen());
        let r = checked(|| verify_bytes(h.vk(), &h.io, &tail), "a random tail");
        record(r, "a random tail");
        let r = checked(
            || verify_bytes(h.vk(), &h.io, &bytes[..cut]),
            "a truncation",
        );
        record(r, "a truncation");
    }
    let mut longer = bytes.clone();
    longer.push(0);
    record(verify_bytes(h.vk(), &h.io, &longer), "a trailing byte");
    println!("{seen:?}");
}

#[test]
fn proof_round_trips_and_hyrax_rejects_tampering() {
    let (pk, io, proof) = proven::<Hyrax>(&every_opcode_program(), &());
    let bytes = proof.to_bytes();
    let decoded = JoltProof::<Hyrax>::from_bytes(&bytes).expect("decodes");
    assert_eq!(decoded, proof);
    assert_eq!(verify_bytes(&pk.vk, &io, &bytes), Ok(()));
    let (_, opening) = sections(&proof)
        .pop()
        .expect("the opening is the last section");
    for offset in [
        opening.start,
        (opening.start + opening.end) / 2,
        opening.end - 1,
    ] {
        let mut bad = bytes.clone();
        bad[offset] ^= 1;
        let r = checked(
            || verify_bytes(&pk.vk, &io, &bad),
            "a tampered Hyrax opening",
        );
        assert!(r.is_err(), "byte {offset} of the opening");
        println!("opening byte {offset}: {}", variant(&r));
    }
}

/// A commitment group with one commitment fewer or one more is rejected as such, without a
/// panic (the Surge group's identity memories take their commitments from the witness group,
/// so its own count is what the verifier derives).
#[test]
fn a_commitment_group_of_the_wrong_size_is_rejected() {
    let h = every_opcode();
    for g in 0..5 {
        for grow in [false, true] {
            let mut proof = h.proof.clone();
            let group = &mut groups_mut(&mut proof.commitments)[g];
            let mut cs: Vec<_> = group.iter().cloned().collect();
            if grow {
                cs.push(cs[0]);
            } else {
                cs.pop();
            }
            **group = cs.into();
            let what = format!("group {g} {}", if grow { "grown" } else { "shrunk" });
            let r = checked(|| verify(h.vk(), &h.io, &proof), &what);
            assert!(
                matches!(r, Err(ZkvmError::Commitments { .. })),
                "{what}: {r:?}"
            );
        }
    }
}
