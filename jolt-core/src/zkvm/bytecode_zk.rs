//! The bytecode check ([`super::bytecode_checking`]) in zero knowledge: the read tuple's
//! evaluations (`row` and the fields at the reads' point) are committed rows of a BlindFold
//! [`Circuit`]; the read leaf is constrained to their fingerprint, the table leaf to the
//! program table's MLEs (public, computed by the verifier), and every claim goes to the
//! zero-knowledge accumulator with its hidden value.
//!
//! # Soundness
//! The transparent check's (see [`super::bytecode_checking`]) over committed values under the
//! same challenges, once the circuit is proven (BlindFold).
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

use super::bytecode_checking::{BytecodeError, BytecodeTable, BytecodeWitness};
use super::memory_common::{identity_mle, public_mles};
use crate::commitment::dory::Gt;
use crate::field::Fr;
use crate::lasso::memory_checking::zk::ZkMemoryCheckingClaims;
use crate::lasso::memory_checking::{MemoryCheckingError, MemoryCheckingOpenings};
use crate::opening_accumulator::zk::{ZkProverAccumulator, ZkVerifierAccumulator};
use crate::poly::EqPolynomial;
use crate::subprotocols::blindfold::{Circuit, Lc, PedersenGenerators, ROW_WIDTH};
use crate::transcript::Transcript;
use crate::utils::serialization::SafeVec;
use ark_bn254::G1Affine;
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize};
use ark_std::rand::{CryptoRng, RngCore};

const EVALS: &[u8] = b"bytecode_eval_rows";

/// A zero-knowledge bytecode proof (without its GKR, commitments and opening).
#[derive(Clone, Debug, PartialEq, Eq, CanonicalSerialize, CanonicalDeserialize)]
pub struct ZkBytecodeProof {
    /// The rows of `row, fields…` at `r_cycle`.
    pub cycle_evals: SafeVec<G1Affine>,
}

/// The leaf checks: the read claim against the hidden `(row, fields)`, the table claim
/// against the program's MLEs. Returns `(r_cycle, r_mem)`.
fn leaf_checks(
    table: &BytecodeTable,
    circuit: &mut Circuit,
    claims: &ZkMemoryCheckingClaims,
    evals: &[Lc],
) -> Result<(Vec<Fr>, Vec<Fr>), BytecodeError> {
    let lookups = &claims.openings.lookups;
    let (Some(r_cycle), Some(r_mem), Some((row, fields))) = (
        lookups.r_read.first(),
        lookups.r_table.first(),
        evals.split_first(),
    ) else {
        return Err(BytecodeError::MemoryChecking(
            MemoryCheckingError::NoMemories,
        ));
    };
    claims
        .check_reads(circuit, &[(row.clone(), fields.to_vec())])
        .map_err(BytecodeError::MemoryChecking)?;
    let table_evals = public_mles(r_mem, table.num_fields(), |j, k| table.value(j, k));
    claims
        .check_table(circuit, &[(identity_mle(r_mem), table_evals)])
        .map_err(BytecodeError::MemoryChecking)?;
    Ok((r_cycle.clone(), r_mem.clone()))
}

/// After the zero-knowledge GKR (this check's openings `clear` and `claims`): the read
/// tuple's evaluations as rows, the leaf checks, and every claim accumulated with the
/// commitments' `blinds` (in the order of [`BytecodeWitness::polynomials`]).
///
/// # Panics
/// On a verifier's circuit, or with openings of another check.
#[allow(clippy::too_many_arguments, clippy::expect_used)]
pub fn prove_evals_zk<R: RngCore + CryptoRng>(
    table: &BytecodeTable,
    witness: &BytecodeWitness,
    blinds: &[Fr],
    (clear, claims): (&MemoryCheckingOpenings<Fr>, &ZkMemoryCheckingClaims),
    circuit: &mut Circuit,
    generators: &PedersenGenerators,
    transcript: &mut Transcript,
    rng: &mut R,
    accumulator: &mut ZkProverAccumulator,
) -> ZkBytecodeProof {
    let mut polys = witness.polynomials();
    let multiplicities = polys.pop().expect("the multiplicities are last");
    let r_cycle = clear.lookups.r_read.first().expect("one memory");
    let eq_cycle = EqPolynomial::evals(r_cycle);
    let evals: Vec<Fr> = polys.iter().map(|p| p.dot(&eq_cycle)).collect();
    let (rows, vars) = circuit.prover_rows(&evals, EVALS, generators, transcript, rng);
    let (r_cycle, r_mem) =
        leaf_checks(table, circuit, claims, &vars).expect("the prover's openings");
    let (count_blind, cycle_blinds) = blinds.split_last().expect("one blind per polynomial");
    for (((p, b), v), h) in polys.into_iter().zip(cycle_blinds).zip(&evals).zip(&vars) {
        accumulator.append(p, r_cycle.clone(), *v, h.clone(), *b);
    }
    let hidden = claims
        .openings
        .lookups
        .multiplicity
        .first()
        .expect("one memory");
    let value = clear.lookups.multiplicity.first().expect("one memory");
    accumulator.append(multiplicities, r_mem, *value, hidden.clone(), *count_blind);
    ZkBytecodeProof {
        cycle_evals: rows.into(),
    }
}

/// The verifier's side after the zero-knowledge GKR: the rows of the read tuple's
/// evaluations, the leaf checks as constraints, and the claims accumulated against the
/// [`BytecodeTable::num_polys`] hiding `commitments`.
pub fn verify_evals_zk(
    table: &BytecodeTable,
    commitments: &[Gt],
    proof: &ZkBytecodeProof,
    claims: &ZkMemoryCheckingClaims,
    circuit: &mut Circuit,
    transcript: &mut Transcript,
    accumulator: &mut ZkVerifierAccumulator,
) -> Result<(), BytecodeError> {
    let num_polys = table.num_polys();
    let shape_error = BytecodeError::Shape {
        what: "commitments",
        expected: num_polys,
        got: commitments.len(),
    };
    let (Some((count, cycle_commitments)), [multiplicity]) = (
        commitments.split_last(),
        claims.openings.lookups.multiplicity.as_slice(),
    ) else {
        return Err(shape_error);
    };
    if commitments.len() != num_polys {
        return Err(shape_error);
    }
    let vars = circuit
        .verifier_rows(&proof.cycle_evals, num_polys - 1, EVALS, transcript)
        .ok_or(BytecodeError::Shape {
            what: "cycle evaluation rows",
            expected: (num_polys - 1).div_ceil(ROW_WIDTH),
            got: proof.cycle_evals.len(),
        })?;
    let (r_cycle, r_mem) = leaf_checks(table, circuit, claims, &vars)?;
    for (c, h) in cycle_commitments.iter().zip(&vars) {
        accumulator.append(*c, r_cycle.clone(), h.clone());
    }
    accumulator.append(*count, r_mem, multiplicity.clone());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::bytecode_checking::{fingerprint_setup, leaves_with, ROW_FIELDS};
    use super::*;
    use crate::commitment::dory::zk::commit_hiding;
    use crate::commitment::dory::DorySetup;
    use crate::lasso::memory_checking::zk::{
        prove_batch_zk, verify_batch_zk, ZkMemoryCheckingProof,
    };
    use crate::opening_accumulator::zk::ZkOpeningProof;
    use crate::subprotocols::blindfold::{self, BlindFoldProof};
    use crate::transcript::Absorb;
    use ark_ff::Field;
    use ark_serialize::CanonicalSerialize;
    use rand_chacha::rand_core::SeedableRng;
    use rand_chacha::ChaCha20Rng;

    struct Run {
        commitments: Vec<Gt>,
        gkr: ZkMemoryCheckingProof,
        proof: ZkBytecodeProof,
        opening: ZkOpeningProof,
        blindfold: BlindFoldProof,
        messages: Vec<Fr>,
    }

    /// A program of 11 rows of small random fields, and the no-op row.
    fn table() -> BytecodeTable {
        use ark_std::rand::Rng;
        let mut rng = ChaCha20Rng::seed_from_u64(99);
        let num_tables = 3;
        let num_fields = ROW_FIELDS + num_tables;
        let mut values: Vec<Vec<u64>> = (0..11)
            .map(|_| (0..num_fields).map(|_| rng.gen_range(0..1000)).collect())
            .collect();
        values.push(vec![0; num_fields]);
        BytecodeTable {
            values,
            num_tables,
            log_size: 4,
        }
    }

    fn setup(table: &BytecodeTable, log_cycles: usize) -> DorySetup {
        DorySetup::new(table.log_size.max(log_cycles))
    }

    fn prove(table: &BytecodeTable, witness: &BytecodeWitness, seed: u64) -> Run {
        let setup = setup(table, witness.log_cycles);
        let gens = PedersenGenerators::new(ROW_WIDTH);
        let mut rng = ChaCha20Rng::seed_from_u64(seed);
        let (commitments, blinds): (Vec<Gt>, Vec<Fr>) = witness
            .polynomials()
            .iter()
            .map(|p| commit_hiding(&setup, p, &mut rng))
            .unzip();
        let mut t = Transcript::new(b"zk-bytecode");
        commitments.iter().for_each(|c| t.append(b"c", c));
        let fingerprint = fingerprint_setup(table, witness.log_cycles, &mut t).fingerprint;
        let check = leaves_with(table, witness, fingerprint);
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
            table,
            witness,
            &blinds,
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
            commitments,
            gkr,
            proof,
            opening,
            blindfold,
            messages: circuit.message_values().unwrap(),
        }
    }

    fn verify(table: &BytecodeTable, log_cycles: usize, run: &Run) -> Result<(), String> {
        let setup = setup(table, log_cycles);
        let gens = PedersenGenerators::new(ROW_WIDTH);
        let mut t = Transcript::new(b"zk-bytecode");
        run.commitments.iter().for_each(|c| t.append(b"c", c));
        let check = fingerprint_setup(table, log_cycles, &mut t);
        let mut circuit = Circuit::for_verifier();
        let claims = verify_batch_zk(&[check.statement()], &run.gkr, &mut circuit, &mut t)
            .map_err(|e| e.to_string())?
            .pop()
            .ok_or("one check")?;
        let mut acc = ZkVerifierAccumulator::new();
        verify_evals_zk(
            table,
            &run.commitments,
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
    fn the_program_is_read_in_zero_knowledge() {
        let table = table();
        let rows: Vec<u32> = (0..13)
            .map(|t| (t * 5 % table.values.len()) as u32)
            .collect();
        let witness = BytecodeWitness::new(&table, &rows);
        let run = prove(&table, &witness, 1);
        assert_eq!(verify(&table, witness.log_cycles, &run), Ok(()));
        let mut bytes = Vec::new();
        run.gkr.serialize_compressed(&mut bytes).unwrap();
        run.proof.serialize_compressed(&mut bytes).unwrap();
        run.opening.serialize_compressed(&mut bytes).unwrap();
        run.blindfold.serialize_compressed(&mut bytes).unwrap();
        let mut hidden = run.messages.clone();
        hidden.retain(|v| *v != Fr::from(0u64) && *v != Fr::ONE);
        assert!(hidden.len() > 50);
        for v in &hidden {
            let mut needle = Vec::new();
            v.serialize_compressed(&mut needle).unwrap();
            assert!(
                !bytes.windows(32).any(|w| w == needle.as_slice()),
                "a message leaks"
            );
        }
    }

    /// A cycle that executes a field the program does not have, and a tampered proof row, are
    /// rejected.
    #[test]
    fn a_row_not_in_the_program_is_rejected() {
        let table = table();
        let rows: Vec<u32> = (0..8).collect();
        let honest = BytecodeWitness::new(&table, &rows);
        let mut columns = honest.integer_columns();
        columns[1 + 5][3] += 1; // the immediate of cycle 3
        let forged = BytecodeWitness::from_columns(&table, columns);
        assert!(verify(&table, forged.log_cycles, &prove(&table, &forged, 2)).is_err());
        let mut run = prove(&table, &honest, 3);
        run.proof.cycle_evals[1] = G1Affine::default();
        assert!(verify(&table, honest.log_cycles, &run).is_err());
    }
}
