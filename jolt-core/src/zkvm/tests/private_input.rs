//! Private inputs: a run on a private input proves and verifies without the verifier seeing
//! it, the proof's commitments pin the private words the run read, and a proof cannot add or
//! drop the private input region its program declares.

use super::proof::config;
use super::proof_attacks::{checked, li, tamper_sections, Honest};
use super::*;
use crate::commitment::hyperkzg::{HyperKzg, HyperKzgParameters};
use crate::continuations::{prove_sharded, verify_sharded};
use crate::zkvm::read_write_memory::private_input::{self, PrivateInputProof};
use crate::zkvm::{prove_witness, verify, ZkvmError, ZkvmWitness};
use jolt_common::PAGE_BYTES;
use jolt_tracer::Trace;
use std::sync::OnceLock;

type Pcs = HyperKzg;
const PARAMS: HyperKzgParameters = HyperKzgParameters::InsecureDevelopment;

/// [`config`] with a private input region of two pages.
fn private_config() -> RunConfig {
    let mut c = config();
    c.layout.max_private_input_size = 2 * PAGE_BYTES;
    c
}

/// Outputs `private[0] + private[1024] + input[0]` (the first word of each private page and
/// the first public word) and exits with 0.
fn sum_program(layout: &MemoryLayout) -> Program {
    let private = layout.private_input_start();
    let mut code = Vec::new();
    code.extend(li(5, private));
    code.push(lw(11, 5, 0));
    code.extend(li(6, private + PAGE_BYTES));
    code.push(lw(12, 6, 0));
    code.extend(li(7, layout.input_start()));
    code.push(lw(13, 7, 0));
    code.push(add(14, 11, 12));
    code.push(add(14, 14, 13));
    code.extend(li(28, layout.output_start()));
    code.push(sw(14, 28, 0));
    code.push(addi(A0, 0, 0));
    code.extend(exit());
    program(&code, &[])
}

const PUBLIC: [u8; 4] = 5u32.to_le_bytes();

/// The private input: `first` in the first word of the first page, `second` in the second's.
fn private_bytes(first: u32, second: u32) -> Vec<u8> {
    let mut bytes = vec![0u8; PAGE_BYTES as usize + 4];
    bytes[..4].copy_from_slice(&first.to_le_bytes());
    bytes[PAGE_BYTES as usize..].copy_from_slice(&second.to_le_bytes());
    bytes
}

fn honest_with(first: u32, second: u32) -> Honest<Pcs> {
    let config = private_config();
    let private = private_bytes(first, second);
    Honest::with_private_input(
        &sum_program(&config.layout),
        (&PUBLIC, &private),
        &config,
        &PARAMS,
    )
}

/// The honest proof of [`sum_program`] on the private words 1000 and 7, built once.
fn honest() -> &'static Honest<Pcs> {
    static HONEST: OnceLock<Honest<Pcs>> = OnceLock::new();
    HONEST.get_or_init(|| honest_with(1000, 7))
}

fn private_part(h: &Honest<Pcs>) -> &PrivateInputProof {
    h.proof
        .private_input
        .as_ref()
        .expect("the proof commits to the private input")
}

#[test]
fn a_run_on_a_private_input_verifies_without_it() {
    let h = honest();
    assert_eq!(h.io.outputs[..4], 1012u32.to_le_bytes(), "1000 + 7 + 5");
    assert_eq!(
        h.io.inputs, PUBLIC,
        "the public I/O holds only the public input"
    );
    let p = private_part(h);
    assert_eq!(p.pages.len(), private_input::private_pages(&h.vk().layout));
    assert_eq!(p.pages.len(), 2);
    assert_eq!(verify(h.vk(), &h.io, &h.proof), Ok(()));
}

#[test]
fn two_private_inputs_with_one_public_output_give_proofs_of_one_shape() {
    let (a, b) = (honest(), honest_with(7, 1000));
    assert_eq!(a.io, b.io, "one public statement");
    assert_eq!(a.proof.size_breakdown(), b.proof.size_breakdown());
    assert_ne!(private_part(a).pages, private_part(&b).pages);
    assert_ne!(a.proof, b.proof);
    assert_eq!(verify(a.vk(), &a.io, &b.proof), Ok(()));
    // Neither verifies for another output.
    let mut other = b.io.clone();
    other.outputs[0] ^= 1;
    assert!(verify(b.vk(), &other, &b.proof).is_err());
}

#[test]
fn the_private_input_is_bound_to_the_words_the_run_read() {
    let h = honest();
    // A prover commits to another private input than the one its trace read.
    let mut witness = ZkvmWitness::new(h.vk(), &h.cycles);
    witness.private_input = private_bytes(999, 7);
    let r = h.prove_and_verify(witness);
    assert!(matches!(r, Err(ZkvmError::ReadWrite(_))), "{r:?}");
    // The honest witness proves.
    let mut witness = ZkvmWitness::new(h.vk(), &h.cycles);
    witness.private_input = private_bytes(1000, 7);
    assert_eq!(h.prove_and_verify(witness), Ok(()));
}

#[test]
fn a_replaced_commitment_or_opening_is_rejected() {
    let h = honest();
    let p = private_part(h);
    let mut proof = h.proof.clone();
    proof.private_input.as_mut().unwrap().pages.swap(0, 1);
    let r = checked(|| verify(h.vk(), &h.io, &proof), "swapped page commitments");
    assert!(r.is_err(), "swapped private commitments were accepted");
    assert_ne!(p.pages[0], p.pages[1]);

    // A false value of the private part fails the memory check; a forged proof of the true
    // value fails the opening.
    let mut proof = h.proof.clone();
    proof.private_input.as_mut().unwrap().opening.value += Fr::from(1u64);
    let r = checked(|| verify(h.vk(), &h.io, &proof), "a false private value");
    assert!(matches!(r, Err(ZkvmError::ReadWrite(_))), "{r:?}");
    let mut proof = h.proof.clone();
    proof.private_input.as_mut().unwrap().opening.last += Fr::from(1u64);
    let r = checked(|| verify(h.vk(), &h.io, &proof), "a forged opening");
    assert!(matches!(r, Err(ZkvmError::PrivateInput(_))), "{r:?}");
}

#[test]
fn a_proof_cannot_drop_or_add_the_private_region() {
    let h = honest();
    let mut dropped = h.proof.clone();
    dropped.private_input = None;
    let r = checked(|| verify(h.vk(), &h.io, &dropped), "no private commitments");
    assert!(matches!(r, Err(ZkvmError::Statement(_))), "{r:?}");

    let mut short = h.proof.clone();
    short.private_input.as_mut().unwrap().pages.pop();
    let r = checked(|| verify(h.vk(), &h.io, &short), "a page missing");
    assert!(matches!(r, Err(ZkvmError::Commitments { .. })), "{r:?}");

    // A program without a private region: commitments the prover adds are refused.
    let config = config();
    let public =
        Honest::<Pcs>::with_config(&sum_program(&config.layout), &PUBLIC, &config, &PARAMS);
    let mut added = public.proof.clone();
    added.private_input = h.proof.private_input.clone();
    let r = checked(
        || verify(public.vk(), &public.io, &added),
        "added commitments",
    );
    assert!(matches!(r, Err(ZkvmError::Statement(_))), "{r:?}");
}

#[test]
fn tampered_bytes_of_the_private_part_are_rejected() {
    let h = honest();
    let seen = tamper_sections(h.vk(), &h.io, &h.proof, &[0x01]);
    let private = seen
        .iter()
        .find(|(name, _)| *name == "private_input")
        .expect("the proof has a private input section");
    println!("private_input: {:?}", private.1);
}

#[test]
fn a_sharded_run_on_a_private_input_verifies() {
    let h = honest();
    let private = private_bytes(1000, 7);
    let (io, proof) = prove_sharded(&h.pk, (&PUBLIC, &private), 4).expect("proves");
    assert_eq!(io, h.io);
    assert!(proof.shards.len() >= 2, "{} shards", proof.shards.len());
    assert!(proof.shards[0].proof.private_input.is_some());
    assert!(proof.shards[1..]
        .iter()
        .all(|s| s.proof.private_input.is_none()));
    assert_eq!(verify_sharded(h.vk(), &io, &proof), Ok(()));
    // The emulator agrees on the run.
    let mut trace = Trace::default();
    let execution = jolt_tracer::run_with_private_input(
        &h.vk().program,
        &h.pk.bytecode,
        &h.vk().run_config(),
        &PUBLIC,
        &private,
        &mut trace,
    )
    .expect("runs");
    assert_eq!(execution.io, io);
}

#[test]
fn a_private_input_larger_than_its_region_is_refused() {
    let h = honest();
    let too_long = vec![1u8; h.vk().layout.max_private_input_size as usize + 1];
    let r = crate::zkvm::prove_with_private_input(&h.pk, &PUBLIC, &too_long);
    assert!(r.is_err());
    let mut witness = ZkvmWitness::new(h.vk(), &h.cycles);
    witness.private_input = too_long;
    assert!(prove_witness(&h.pk, &h.io, witness).is_err());
}

/// In zero knowledge: the run on a private input verifies; two private inputs with one public
/// output give proofs of one length that differ; the region's commitment cannot be replaced,
/// dropped or added.
#[test]
fn a_private_input_proves_in_zero_knowledge_and_is_bound() {
    use crate::zkvm::zk::{verify_zk, ZkJoltProof};
    let (a, b) = (honest(), honest_with(7, 1000));
    let (zk_a, zk_b) = (&a.zk, &b.zk);
    let vk = &zk_a.pk.vk;
    assert_eq!(verify_zk(vk, &a.io, &zk_a.proof), Ok(()));
    assert_eq!(
        verify_zk(vk, &a.io, &zk_b.proof),
        Ok(()),
        "one public statement"
    );
    let (bytes_a, bytes_b) = (zk_a.proof.to_bytes(), zk_b.proof.to_bytes());
    assert_eq!(bytes_a.len(), bytes_b.len(), "one shape");
    assert_ne!(bytes_a, bytes_b);
    // The messages a transparent proof would send (values and evaluations that depend on the
    // private input) appear nowhere in a zero-knowledge proof of the run.
    let (_, proof, circuit) = crate::zkvm::zk::prover::prove_zk_with_circuit(
        &zk_a.pk,
        &PUBLIC,
        &private_bytes(1000, 7),
        &mut <rand_chacha::ChaCha20Rng as rand_chacha::rand_core::SeedableRng>::seed_from_u64(8),
    )
    .expect("proves");
    let bytes = proof.to_bytes();
    let encoded = |v: &Fr| {
        let mut out = Vec::new();
        ark_serialize::CanonicalSerialize::serialize_compressed(v, &mut out).unwrap();
        out
    };
    let small = |v: &Fr| *v < Fr::from(1u64 << 20) || -*v < Fr::from(1u64 << 20);
    let mut hidden = circuit.message_values().unwrap();
    hidden.retain(|v| !small(v));
    for v in &hidden {
        let needle = encoded(v);
        assert!(!bytes.windows(needle.len()).any(|w| w == needle.as_slice()));
    }
    assert!(hidden.len() > 1000);

    let replaced = |f: &dyn Fn(&mut ZkJoltProof)| {
        let mut proof = zk_a.proof.clone();
        f(&mut proof);
        checked(|| verify_zk(vk, &a.io, &proof), "a changed private region")
    };
    let other_region = zk_b.proof.private_input.as_ref().unwrap().region;
    let r = replaced(&|p| p.private_input.as_mut().unwrap().region = other_region);
    assert!(r.is_err(), "another region's commitment was accepted");
    let r = replaced(&|p| p.private_input = None);
    assert!(matches!(r, Err(ZkvmError::Statement(_))), "{r:?}");
    let config = config();
    let public =
        Honest::<Pcs>::with_config(&sum_program(&config.layout), &PUBLIC, &config, &PARAMS);
    let mut added = public.zk.proof.clone();
    added.private_input = zk_a.proof.private_input.clone();
    let r = checked(
        || verify_zk(&public.zk.pk.vk, &public.io, &added),
        "an added region",
    );
    assert!(matches!(r, Err(ZkvmError::Statement(_))), "{r:?}");
}
