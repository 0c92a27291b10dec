//! The I/O check ([`super::io_check`]) in zero knowledge: the sumcheck
//! `0 = Σ_j eq(r, j)·mask(j)·(F_k(j) − io(j))` commits its rounds, `F_k(r')` is a committed
//! row of a BlindFold [`Circuit`], and the final check
//! `c = eq(r, r')·mask(r')·(F_k(r') − io(r'))` is a linear constraint (`eq`, `mask` and `io`
//! are public). The claim on the final RAM goes to the zero-knowledge accumulator.
//!
//! # Soundness
//! The transparent check's over committed values under the same challenges, once the circuit
//! is proven (BlindFold). The statement (the range and its values) is public and absorbed
//! before `r` as in the transparent check.
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

use super::io_check::{IoError, IoStatement, CHALLENGE, DEGREE};
use crate::commitment::dory::Gt;
use crate::field::Fr;
use crate::opening_accumulator::zk::{ZkProverAccumulator, ZkVerifierAccumulator};
use crate::poly::{EqPolynomial, MultilinearPolynomial};
use crate::subprotocols::blindfold::sumcheck::{
    self as committed, CommittedClaim, CommittedSumcheckProof,
};
use crate::subprotocols::blindfold::{Circuit, Lc, PedersenGenerators};
use crate::subprotocols::sumcheck::SumcheckInstance;
use crate::transcript::{Absorb, Sample, Transcript};
use ark_bn254::G1Affine;
use ark_ff::AdditiveGroup;
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize};
use ark_std::rand::{CryptoRng, RngCore};

const FINAL_EVAL: &[u8] = b"io_final_eval_row";

/// A zero-knowledge I/O proof.
#[derive(Clone, Debug, PartialEq, Eq, CanonicalSerialize, CanonicalDeserialize)]
pub struct ZkIoProof {
    /// The committed sumcheck.
    pub sumcheck: CommittedSumcheckProof,
    /// The row of `F_k(r')`.
    pub final_eval: G1Affine,
}

/// The final check over the hidden `F_k(r')`; returns the final RAM's point `0^{m−k} ‖ r'`.
fn final_check(
    statement: &IoStatement,
    log_ram: usize,
    r: &[Fr],
    reduced: &CommittedClaim,
    final_eval: &Lc,
    circuit: &mut Circuit,
) -> Result<Vec<Fr>, IoError> {
    let (mask, io) = statement
        .range_mles(&reduced.point)
        .ok_or(IoError::OutOfRange {
            first: statement.first,
            len: statement.values.len(),
            log_ram,
        })?;
    let weight = EqPolynomial::evaluate(r, &reduced.point) * mask;
    let mut expected = final_eval * weight;
    expected.add_scaled(&Lc::constant(io), -weight);
    circuit.assert_equal(&reduced.value, &expected);
    let mut point = vec![Fr::ZERO; log_ram.saturating_sub(r.len())];
    point.extend_from_slice(&reduced.point);
    Ok(point)
}

/// Proves `statement` about `ram_final_value` (committed with the blind `blind`, its
/// commitment absorbed by the caller) in zero knowledge; the claim goes to `accumulator`.
///
/// # Panics
/// As [`super::io_check::prove`], or on a verifier's circuit.
#[allow(clippy::too_many_arguments, clippy::panic, clippy::expect_used)]
pub fn prove_zk<R: RngCore + CryptoRng>(
    statement: &IoStatement,
    ram_final_value: &MultilinearPolynomial<Fr>,
    blind: Fr,
    circuit: &mut Circuit,
    generators: &PedersenGenerators,
    transcript: &mut Transcript,
    rng: &mut R,
    accumulator: &mut ZkProverAccumulator,
) -> ZkIoProof {
    let m = ram_final_value.num_vars();
    let k = statement
        .num_vars(m)
        .unwrap_or_else(|e| panic!("I/O statement: {e}"));
    statement.absorb(m, transcript);
    let r: Vec<Fr> = transcript.challenge_vector(CHALLENGE, k);
    let mut instance = statement.instance(ram_final_value, &r);
    let zero = [Lc::constant(Fr::ZERO)];
    let (sumcheck, reduced) = committed::prove(
        &mut [&mut instance],
        &zero,
        circuit,
        generators,
        transcript,
        rng,
    );
    let value = *instance
        .final_evals()
        .get(2)
        .expect("F_k is the third polynomial");
    let (final_eval, vars) = circuit.prover_row(&[value], generators, rng);
    transcript.append(FINAL_EVAL, &final_eval);
    let hidden = vars.first().cloned().expect("one value");
    let point = final_check(statement, m, &r, &reduced, &hidden, circuit).expect("the range fits");
    accumulator.append(ram_final_value.clone(), point, value, hidden, blind);
    ZkIoProof {
        sumcheck,
        final_eval,
    }
}

/// Verifies in zero knowledge that cells `[first, first + len)` of the final RAM (`2^log_ram`
/// cells, its hiding commitment absorbed by the caller) hold `statement.values`, recording the
/// checks in `circuit` and the claim in `accumulator`.
pub fn verify_zk(
    statement: &IoStatement,
    log_ram: usize,
    ram_final_value: &Gt,
    proof: &ZkIoProof,
    circuit: &mut Circuit,
    transcript: &mut Transcript,
    accumulator: &mut ZkVerifierAccumulator,
) -> Result<(), IoError> {
    let k = statement.num_vars(log_ram)?;
    statement.absorb(log_ram, transcript);
    let r: Vec<Fr> = transcript.challenge_vector(CHALLENGE, k);
    let zero = [(Lc::constant(Fr::ZERO), k)];
    let reduced = committed::verify(&zero, DEGREE, &proof.sumcheck, circuit, transcript)
        .map_err(IoError::Committed)?;
    let vars = circuit.verifier_row(proof.final_eval, 1);
    transcript.append(FINAL_EVAL, &proof.final_eval);
    let hidden = vars.first().cloned().unwrap_or_default();
    let point = final_check(statement, log_ram, &r, &reduced, &hidden, circuit)?;
    accumulator.append(*ram_final_value, point, hidden);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commitment::dory::zk::commit_hiding;
    use crate::commitment::dory::DorySetup;
    use crate::opening_accumulator::zk::ZkOpeningProof;
    use crate::subprotocols::blindfold::{self, BlindFoldProof, ROW_WIDTH};
    use ark_ff::Field;
    use ark_serialize::CanonicalSerialize;
    use rand_chacha::rand_core::SeedableRng;
    use rand_chacha::ChaCha20Rng;

    const LOG_RAM: usize = 7;

    struct Run {
        commitment: Gt,
        io: ZkIoProof,
        opening: ZkOpeningProof,
        blindfold: BlindFoldProof,
        messages: Vec<Fr>,
    }

    fn ram() -> Vec<u64> {
        (0..1u64 << LOG_RAM).map(|j| j * j + 3).collect()
    }

    fn prove(statement: &IoStatement, ram: &[u64], seed: u64) -> Run {
        let setup = DorySetup::new(LOG_RAM);
        let gens = PedersenGenerators::new(ROW_WIDTH);
        let mut rng = ChaCha20Rng::seed_from_u64(seed);
        let poly: MultilinearPolynomial<Fr> = ram.to_vec().into();
        let (commitment, blind) = commit_hiding(&setup, &poly, &mut rng);
        let mut t = Transcript::new(b"zk-io");
        t.append(b"c", &commitment);
        let mut circuit = Circuit::for_prover();
        let mut acc = ZkProverAccumulator::new();
        let io = prove_zk(
            statement,
            &poly,
            blind,
            &mut circuit,
            &gens,
            &mut t,
            &mut rng,
            &mut acc,
        );
        let opening = acc.prove(&setup, &mut circuit, &gens, &mut t, &mut rng);
        let blindfold = blindfold::prove(&circuit, &mut t, &mut rng);
        Run {
            commitment,
            io,
            opening,
            blindfold,
            messages: circuit.message_values().unwrap(),
        }
    }

    fn verify(statement: &IoStatement, run: &Run) -> Result<(), String> {
        let setup = DorySetup::new(LOG_RAM);
        let gens = PedersenGenerators::new(ROW_WIDTH);
        let mut t = Transcript::new(b"zk-io");
        t.append(b"c", &run.commitment);
        let mut circuit = Circuit::for_verifier();
        let mut acc = ZkVerifierAccumulator::new();
        verify_zk(
            statement,
            LOG_RAM,
            &run.commitment,
            &run.io,
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
    fn the_outputs_are_checked_in_zero_knowledge() {
        let ram = ram();
        let statement = IoStatement {
            first: 37,
            values: ram[37..50].to_vec(),
        };
        let run = prove(&statement, &ram, 1);
        assert_eq!(verify(&statement, &run), Ok(()));
        let mut bytes = Vec::new();
        run.io.serialize_compressed(&mut bytes).unwrap();
        run.opening.serialize_compressed(&mut bytes).unwrap();
        run.blindfold.serialize_compressed(&mut bytes).unwrap();
        let mut hidden = run.messages.clone();
        hidden.retain(|v| *v != Fr::ZERO && *v != Fr::ONE);
        assert!(hidden.len() > 10);
        for v in &hidden {
            let mut needle = Vec::new();
            v.serialize_compressed(&mut needle).unwrap();
            assert!(
                !bytes.windows(32).any(|w| w == needle.as_slice()),
                "a message leaks"
            );
        }
    }

    #[test]
    fn a_wrong_output_is_rejected() {
        let ram = ram();
        let mut values = ram[37..50].to_vec();
        values[4] += 1;
        let statement = IoStatement { first: 37, values };
        let run = prove(&statement, &ram, 2);
        assert!(verify(&statement, &run).is_err());
        let honest = IoStatement {
            first: 37,
            values: ram[37..50].to_vec(),
        };
        let mut run = prove(&honest, &ram, 3);
        run.io.final_eval = G1Affine::default();
        assert!(verify(&honest, &run).is_err());
    }
}
