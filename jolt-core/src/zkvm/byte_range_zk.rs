//! The byte range check ([`super::byte_range`]) in zero knowledge: the byte columns'
//! evaluations at the reads' point are one committed row of a BlindFold [`Circuit`], and the
//! verifier's leaf checks are constraints.
//!
//! At the slotted point `(r_slot, r_cycle)` the read tuple is
//! `(Σ_k eq(r_slot, k)·x_byte_k(r_cycle), Σ_k eq(r_slot, k)·y_byte_k(r_cycle))`, linear in the
//! hidden evaluations; the table's tuple at `r_mem` is public. The evaluations and the
//! multiplicities' claim go to the zero-knowledge accumulator with their hidden values.
//!
//! # Soundness
//! The transparent check's (see [`super::byte_range`]) over committed values under the same
//! challenges, once the circuit is proven (BlindFold).
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

use super::byte_range::{
    ByteRangeError, ByteRangeWitness, LOG_SLOTS, NUM_BYTE_COLUMNS, NUM_COUNT_POLYS, NUM_PAIRS,
};
use super::memory_common::{identity_mle, slot_weights};
use crate::commitment::dory::Gt;
use crate::field::Fr;
use crate::lasso::memory_checking::zk::ZkMemoryCheckingClaims;
use crate::lasso::memory_checking::{MemoryCheckingError, MemoryCheckingOpenings};
use crate::opening_accumulator::zk::{ZkProverAccumulator, ZkVerifierAccumulator};
use crate::poly::{EqPolynomial, MultilinearPolynomial};
use crate::subprotocols::blindfold::{Circuit, Lc, PedersenGenerators};
use crate::transcript::{Absorb, Transcript};
use ark_bn254::G1Affine;
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize};
use ark_std::rand::{CryptoRng, RngCore};

const EVALS: &[u8] = b"byte_range_eval_row";

/// A zero-knowledge byte range proof (without its GKR, commitments and opening).
#[derive(Clone, Debug, PartialEq, Eq, CanonicalSerialize, CanonicalDeserialize)]
pub struct ZkByteRangeProof {
    /// The row of `byte_k(r_cycle)` for every column `k`.
    pub byte_evals: G1Affine,
}

/// The leaf checks over the hidden byte evaluations; returns `r_cycle`.
fn leaf_checks(
    circuit: &mut Circuit,
    claims: &ZkMemoryCheckingClaims,
    bytes: &[Lc],
) -> Result<Vec<Fr>, ByteRangeError> {
    let lookups = &claims.openings.lookups;
    let no_memory = ByteRangeError::MemoryChecking(MemoryCheckingError::NoMemories);
    let (Some(r_slotted), Some(r_mem)) = (lookups.r_read.first(), lookups.r_table.first()) else {
        return Err(no_memory);
    };
    let Some((r_slot, r_cycle)) = r_slotted.split_at_checked(LOG_SLOTS) else {
        return Err(ByteRangeError::Shape {
            what: "cycle point",
            expected: LOG_SLOTS,
            got: r_slotted.len(),
        });
    };
    let w = slot_weights(r_slot);
    let (high, low) = bytes.split_at(NUM_PAIRS.min(bytes.len()));
    claims
        .check_reads(
            circuit,
            &[(Lc::combination(high, &w), vec![Lc::combination(low, &w)])],
        )
        .map_err(ByteRangeError::MemoryChecking)?;
    let (r_hi, r_lo) = r_mem.split_at(r_mem.len() / 2);
    claims
        .check_table(circuit, &[(identity_mle(r_hi), vec![identity_mle(r_lo)])])
        .map_err(ByteRangeError::MemoryChecking)?;
    Ok(r_cycle.to_vec())
}

/// After the zero-knowledge GKR (whose openings for this check are `clear` and `hidden`): the
/// byte columns' evaluations as a row, the leaf checks, and the claims accumulated with the
/// columns' blinds `byte_blinds` and the multiplicities' `count_blind`.
///
/// # Panics
/// On a verifier's circuit, or with openings of another check.
#[allow(
    clippy::too_many_arguments,
    clippy::expect_used,
    clippy::indexing_slicing
)]
pub fn prove_evals_zk<R: RngCore + CryptoRng>(
    bytes: &[MultilinearPolynomial<Fr>],
    byte_blinds: &[Fr],
    witness: &ByteRangeWitness,
    count_blind: Fr,
    (clear, claims): (&MemoryCheckingOpenings<Fr>, &ZkMemoryCheckingClaims),
    circuit: &mut Circuit,
    generators: &PedersenGenerators,
    transcript: &mut Transcript,
    rng: &mut R,
    accumulator: &mut ZkProverAccumulator,
) -> ZkByteRangeProof {
    let r_cycle = clear.lookups.r_read[0][LOG_SLOTS..].to_vec();
    let eq_cycle = EqPolynomial::evals(&r_cycle);
    let evals: Vec<Fr> = bytes.iter().map(|p| p.dot(&eq_cycle)).collect();
    let (byte_evals, vars) = circuit.prover_row(&evals, generators, rng);
    transcript.append(EVALS, &byte_evals);
    leaf_checks(circuit, claims, &vars).expect("the prover's openings");
    for (((p, b), v), h) in bytes.iter().zip(byte_blinds).zip(&evals).zip(&vars) {
        accumulator.append(p.clone(), r_cycle.clone(), *v, h.clone(), *b);
    }
    let [multiplicities]: [MultilinearPolynomial<Fr>; 1] = witness
        .polynomials()
        .try_into()
        .expect("one multiplicity polynomial");
    accumulator.append(
        multiplicities,
        clear.lookups.r_table[0].clone(),
        clear.lookups.multiplicity[0],
        claims.openings.lookups.multiplicity[0].clone(),
        count_blind,
    );
    ZkByteRangeProof { byte_evals }
}

/// The verifier's side after the zero-knowledge GKR: the row of byte evaluations, the leaf
/// checks as constraints, and the claims accumulated against the hiding commitments.
pub fn verify_evals_zk(
    byte_commitments: &[Gt],
    count_commitments: &[Gt],
    proof: &ZkByteRangeProof,
    claims: &ZkMemoryCheckingClaims,
    circuit: &mut Circuit,
    transcript: &mut Transcript,
    accumulator: &mut ZkVerifierAccumulator,
) -> Result<(), ByteRangeError> {
    if byte_commitments.len() != NUM_BYTE_COLUMNS {
        return Err(ByteRangeError::Shape {
            what: "byte commitments",
            expected: NUM_BYTE_COLUMNS,
            got: byte_commitments.len(),
        });
    }
    let ([count], [multiplicity]) = (
        count_commitments,
        claims.openings.lookups.multiplicity.as_slice(),
    ) else {
        return Err(ByteRangeError::Shape {
            what: "count commitments",
            expected: NUM_COUNT_POLYS,
            got: count_commitments.len(),
        });
    };
    let vars = circuit.verifier_row(proof.byte_evals, NUM_BYTE_COLUMNS);
    transcript.append(EVALS, &proof.byte_evals);
    let r_cycle = leaf_checks(circuit, claims, &vars)?;
    for (c, h) in byte_commitments.iter().zip(&vars) {
        accumulator.append(*c, r_cycle.clone(), h.clone());
    }
    let r_mem = claims
        .openings
        .lookups
        .r_table
        .first()
        .ok_or(ByteRangeError::MemoryChecking(
            MemoryCheckingError::NoMemories,
        ))?;
    accumulator.append(*count, r_mem.clone(), multiplicity.clone());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::byte_range::{fingerprint_setup, leaves_with, LOG_TABLE};
    use super::*;
    use crate::commitment::dory::zk::commit_hiding;
    use crate::commitment::dory::DorySetup;
    use crate::lasso::memory_checking::zk::ZkMemoryCheckingProof;
    use crate::lasso::memory_checking::zk::{prove_batch_zk, verify_batch_zk};
    use crate::opening_accumulator::zk::ZkOpeningProof;
    use crate::subprotocols::blindfold::{self, BlindFoldProof, ROW_WIDTH};
    use ark_ff::Field;
    use ark_serialize::CanonicalSerialize;
    use ark_std::rand::Rng;
    use rand_chacha::rand_core::SeedableRng;
    use rand_chacha::ChaCha20Rng;

    const LOG_T: usize = 5;

    struct Run {
        bytes: Vec<Gt>,
        count: Gt,
        gkr: ZkMemoryCheckingProof,
        proof: ZkByteRangeProof,
        opening: ZkOpeningProof,
        blindfold: BlindFoldProof,
        messages: Vec<Fr>,
    }

    /// Random byte columns; `bad = Some((k, t))` puts 256 in column `k` at cycle `t`.
    fn columns(seed: u64, bad: Option<(usize, usize)>) -> Vec<Vec<u64>> {
        let mut rng = ChaCha20Rng::seed_from_u64(seed);
        (0..NUM_BYTE_COLUMNS)
            .map(|k| {
                let mut c: Vec<u64> = (0..1 << LOG_T).map(|_| rng.gen_range(0..256)).collect();
                if let Some((_, t)) = bad.filter(|(col, _)| *col == k) {
                    c[t] = 256;
                }
                c
            })
            .collect()
    }

    /// The polynomials of the columns, and the multiplicities a prover would commit (a value
    /// that is not a byte counted as its low byte).
    fn committed(columns: &[Vec<u64>]) -> (Vec<MultilinearPolynomial<Fr>>, ByteRangeWitness) {
        let polys = columns.iter().map(|c| c.clone().into()).collect();
        let low: Vec<Vec<u64>> = columns
            .iter()
            .map(|c| c.iter().map(|v| v % 256).collect())
            .collect();
        (polys, ByteRangeWitness::new(&low))
    }

    fn prove(bytes: &[MultilinearPolynomial<Fr>], witness: &ByteRangeWitness, seed: u64) -> Run {
        let setup = DorySetup::new(LOG_TABLE);
        let gens = PedersenGenerators::new(ROW_WIDTH);
        let mut rng = ChaCha20Rng::seed_from_u64(seed);
        let (byte_commitments, byte_blinds): (Vec<Gt>, Vec<Fr>) = bytes
            .iter()
            .map(|p| commit_hiding(&setup, p, &mut rng))
            .unzip();
        let counts = witness.polynomials();
        let (count, count_blind) = commit_hiding(&setup, &counts[0], &mut rng);
        let mut t = Transcript::new(b"zk-bytes");
        byte_commitments
            .iter()
            .chain([&count])
            .for_each(|c| t.append(b"c", c));
        let fingerprint = fingerprint_setup(LOG_T, &mut t).fingerprint;
        let check = leaves_with(bytes, witness, fingerprint);
        let mut circuit = Circuit::for_prover();
        let (gkr, mut openings) =
            prove_batch_zk(vec![check], &mut circuit, &gens, &mut t, &mut rng);
        let (clear, hidden) = openings.pop().unwrap();
        let claims = ZkMemoryCheckingClaims {
            fingerprint,
            openings: hidden,
        };
        let mut acc = ZkProverAccumulator::new();
        let proof = prove_evals_zk(
            bytes,
            &byte_blinds,
            witness,
            count_blind,
            (&clear, &claims),
            &mut circuit,
            &gens,
            &mut t,
            &mut rng,
            &mut acc,
        );
        let opening = acc.prove(&setup, &mut circuit, &gens, &mut t, &mut rng);
        let blindfold = blindfold::prove(&circuit, &mut t, &mut rng);
        Run {
            bytes: byte_commitments,
            count,
            gkr,
            proof,
            opening,
            blindfold,
            messages: circuit.message_values().unwrap(),
        }
    }

    fn verify(run: &Run) -> Result<(), String> {
        let setup = DorySetup::new(LOG_TABLE);
        let gens = PedersenGenerators::new(ROW_WIDTH);
        let mut t = Transcript::new(b"zk-bytes");
        run.bytes
            .iter()
            .chain([&run.count])
            .for_each(|c| t.append(b"c", c));
        let check = fingerprint_setup(LOG_T, &mut t);
        let mut circuit = Circuit::for_verifier();
        let claims = verify_batch_zk(&[check.statement()], &run.gkr, &mut circuit, &mut t)
            .map_err(|e| e.to_string())?
            .pop()
            .ok_or("one check")?;
        let mut acc = ZkVerifierAccumulator::new();
        verify_evals_zk(
            &run.bytes,
            &[run.count],
            &run.proof,
            &claims,
            &mut circuit,
            &mut t,
            &mut acc,
        )
        .map_err(|e| e.to_string())?;
        acc.verify(&setup, &run.opening, &mut circuit, &gens, &mut t)
            .map_err(|e| e.to_string())?;
        blindfold::verify(&circuit, &run.blindfold, &mut t).map_err(|e| e.to_string())
    }

    #[test]
    fn bytes_check_in_zero_knowledge_and_hide_their_evaluations() {
        let (bytes, witness) = committed(&columns(1, None));
        let run = prove(&bytes, &witness, 10);
        assert_eq!(verify(&run), Ok(()));
        let mut encoded = Vec::new();
        run.gkr.serialize_compressed(&mut encoded).unwrap();
        run.proof.serialize_compressed(&mut encoded).unwrap();
        run.opening.serialize_compressed(&mut encoded).unwrap();
        run.blindfold.serialize_compressed(&mut encoded).unwrap();
        let mut hidden = run.messages.clone();
        hidden.retain(|v| *v != Fr::from(0u64) && *v != Fr::ONE);
        for v in &hidden {
            let mut needle = Vec::new();
            v.serialize_compressed(&mut needle).unwrap();
            assert!(
                !encoded.windows(32).any(|w| w == needle.as_slice()),
                "a message leaks"
            );
        }
    }

    #[test]
    fn a_value_that_is_not_a_byte_is_rejected() {
        // Column 2 holds 256 at cycle 7.
        let (bytes, witness) = committed(&columns(2, Some((2, 7))));
        let run = prove(&bytes, &witness, 11);
        assert!(verify(&run).is_err());
        let (bytes, witness) = committed(&columns(3, None));
        let mut run = prove(&bytes, &witness, 12);
        run.bytes.swap(0, 5);
        assert!(verify(&run).is_err());
    }
}
