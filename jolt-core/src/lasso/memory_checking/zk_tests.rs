//! Zero-knowledge memory checking end to end: a read-write memory and two read-only memories
//! (lookups) in one zero-knowledge GKR, the leaf checks as constraints against the true
//! columns' evaluations, and the circuit's BlindFold proof.

use super::lookups::LookupLeaves;
use super::tests::{check_leaves, read_only, read_write, sizes_of, Columns, Memory};
use super::verify::CheckStatement;
use super::zk::{prove_batch_zk, verify_batch_zk, ZkMemoryCheckingProof};
use super::{CheckLeaves, Fingerprint, TupleEvals};
use crate::field::Fr;
use crate::poly::DensePolynomial;
use crate::subprotocols::blindfold::{
    self, BlindFoldProof, Circuit, Lc, PedersenGenerators, ROW_WIDTH,
};
use crate::transcript::Transcript;
use ark_bn254::G1Affine;
use ark_ec::AffineRepr;
use ark_ff::{AdditiveGroup, Field};
use ark_serialize::CanonicalSerialize;
use ark_std::test_rng;
use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha20Rng;

/// The statement: read-write memories, read-only memories and their multiplicities.
#[derive(Clone)]
struct Statement {
    read_write: Vec<Memory>,
    lookups: Vec<Memory>,
    multiplicities: Vec<Vec<Fr>>,
}

fn statement() -> Statement {
    let mut rng = test_rng();
    let lookups: Vec<Memory> = (0..2).map(|_| read_only(3, 4, &mut rng)).collect();
    let multiplicities = lookups.iter().map(|m| m[3].t.clone()).collect();
    Statement {
        read_write: vec![read_write(3, 4, &mut rng)],
        lookups,
        multiplicities,
    }
}

fn untimed(c: &Columns) -> Columns {
    Columns {
        t: vec![Fr::ZERO; c.a.len()],
        ..c.clone()
    }
}

fn constant(t: TupleEvals<Fr>) -> TupleEvals<Lc> {
    TupleEvals::new(
        Lc::constant(t.a),
        t.v.into_iter().map(Lc::constant).collect(),
        Lc::constant(t.t),
    )
}

/// The caller's leaf checks, against the true columns (public in this test).
fn leaf_checks(circuit: &mut Circuit, s: &Statement, claims: &[super::zk::ZkMemoryCheckingClaims]) {
    let (lookups, rw) = (&claims[0], &claims[1]);
    let at = |mems: &[Memory], k: usize, points: &[Vec<Fr>]| -> Vec<TupleEvals<Lc>> {
        mems.iter()
            .zip(points)
            .map(|(m, r)| constant(m[k].evals(r)))
            .collect()
    };
    let o = &rw.openings;
    rw.check_cycle_side(
        circuit,
        &at(&s.read_write, 1, &o.r_cycle),
        &at(&s.read_write, 2, &o.r_cycle),
    )
    .unwrap();
    rw.check_memory_side(
        circuit,
        &at(&s.read_write, 0, &o.r_mem),
        &at(&s.read_write, 3, &o.r_mem),
    )
    .unwrap();
    let l = &lookups.openings.lookups;
    let reads: Vec<(Lc, Vec<Lc>)> = s
        .lookups
        .iter()
        .zip(&l.r_read)
        .map(|(m, r)| {
            let e = m[1].evals(r);
            (
                Lc::constant(e.a),
                e.v.into_iter().map(Lc::constant).collect(),
            )
        })
        .collect();
    lookups.check_reads(circuit, &reads).unwrap();
    let table: Vec<(Fr, Vec<Fr>)> = s
        .lookups
        .iter()
        .zip(&l.r_table)
        .map(|(m, r)| {
            let e = m[0].evals(r);
            (e.a, e.v)
        })
        .collect();
    lookups.check_table(circuit, &table).unwrap();
    for ((m, r), claim) in s.multiplicities.iter().zip(&l.r_table).zip(&l.multiplicity) {
        let value = DensePolynomial::new(m.clone()).evaluate(r);
        circuit.assert_equal(claim, &Lc::constant(value));
    }
}

#[derive(Clone)]
struct Run {
    proof: ZkMemoryCheckingProof,
    blindfold: BlindFoldProof,
    messages: Vec<Fr>,
}

fn prove(s: &Statement, seed: u64) -> Run {
    let gens = PedersenGenerators::new(ROW_WIDTH);
    let mut rng = ChaCha20Rng::seed_from_u64(seed);
    let mut t = Transcript::new(b"zk-mc");
    let (fp, fp_rw) = (Fingerprint::<Fr>::draw(&mut t), Fingerprint::draw(&mut t));
    let lookups: Vec<LookupLeaves<'static, Fr>> = s
        .lookups
        .iter()
        .zip(&s.multiplicities)
        .map(|(mem, m)| LookupLeaves {
            reads: untimed(&mem[1]).leaves(&fp).into(),
            table: untimed(&mem[0]).leaves(&fp).into(),
            multiplicities: m.clone().into(),
        })
        .collect();
    let checks = vec![
        CheckLeaves::lookups(lookups),
        check_leaves(&s.read_write, &fp_rw),
    ];
    let mut circuit = Circuit::for_prover();
    let (proof, openings) = prove_batch_zk(checks, &mut circuit, &gens, &mut t, &mut rng);
    let claims: Vec<super::zk::ZkMemoryCheckingClaims> = openings
        .into_iter()
        .zip([fp, fp_rw])
        .map(|((clear, hidden), fingerprint)| {
            for (c, h) in clear.read.iter().zip(&hidden.read) {
                assert_eq!(circuit.value(h), Some(*c));
            }
            super::zk::ZkMemoryCheckingClaims {
                fingerprint,
                openings: hidden,
            }
        })
        .collect();
    leaf_checks(&mut circuit, s, &claims);
    let blindfold = blindfold::prove(&circuit, &mut t, &mut rng);
    Run {
        proof,
        blindfold,
        messages: circuit.message_values().unwrap(),
    }
}

fn verify(s: &Statement, run: &Run) -> Result<(), String> {
    let mut t = Transcript::new(b"zk-mc");
    let (fp, fp_rw) = (Fingerprint::<Fr>::draw(&mut t), Fingerprint::draw(&mut t));
    let (lookup_sizes, rw_sizes) = (sizes_of(&s.lookups), sizes_of(&s.read_write));
    let statements = [
        CheckStatement {
            sizes: &[],
            lookup_sizes: &lookup_sizes,
            fingerprint: fp,
        },
        CheckStatement {
            sizes: &rw_sizes,
            lookup_sizes: &[],
            fingerprint: fp_rw,
        },
    ];
    let mut circuit = Circuit::for_verifier();
    let claims = verify_batch_zk(&statements, &run.proof, &mut circuit, &mut t)
        .map_err(|e| e.to_string())?;
    leaf_checks(&mut circuit, s, &claims);
    blindfold::verify(&circuit, &run.blindfold, &mut t).map_err(|e| e.to_string())
}

#[test]
fn memories_check_in_zero_knowledge() {
    let s = statement();
    let run = prove(&s, 1);
    assert_eq!(verify(&s, &run), Ok(()));
}

/// A write the next read does not see, a read outside the table and multiplicities that do
/// not count the reads each leave the circuit unsatisfied.
#[test]
fn wrong_memories_are_rejected() {
    let s = statement();
    let mut bad = s.clone();
    bad.read_write[0][2].v[0][5] += Fr::ONE;
    assert!(verify(&bad, &prove(&bad, 2)).is_err(), "a changed write");
    let mut bad = s.clone();
    bad.lookups[1][1].v[0][3] += Fr::ONE;
    assert!(
        verify(&bad, &prove(&bad, 3)).is_err(),
        "a read outside the table"
    );
    let mut bad = s.clone();
    bad.multiplicities[0][0] += Fr::ONE;
    bad.multiplicities[0][1] -= Fr::ONE;
    assert!(
        verify(&bad, &prove(&bad, 4)).is_err(),
        "wrong multiplicities"
    );
}

#[test]
fn tampered_proofs_are_rejected_and_proofs_hide_the_messages() {
    let s = statement();
    let run = prove(&s, 5);
    let g = G1Affine::generator();
    let mut bad = run.clone();
    bad.proof.grand_product.outputs[0] = g;
    assert!(verify(&s, &bad).is_err());
    let mut bad = run.clone();
    bad.proof.grand_product.layers[1].rounds[0] = g;
    assert!(verify(&s, &bad).is_err());

    let mut bytes = Vec::new();
    run.proof.serialize_compressed(&mut bytes).unwrap();
    run.blindfold.serialize_compressed(&mut bytes).unwrap();
    let mut hidden = run.messages.clone();
    hidden.retain(|v| *v != Fr::ZERO && *v != Fr::ONE);
    assert!(hidden.len() > 40);
    for v in &hidden {
        let mut needle = Vec::new();
        v.serialize_compressed(&mut needle).unwrap();
        assert!(
            !bytes.windows(32).any(|w| w == needle.as_slice()),
            "a message leaks"
        );
    }
}
