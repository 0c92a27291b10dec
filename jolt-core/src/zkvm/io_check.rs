//! The I/O check: the final RAM holds the claimed public values on a range of cells.
//!
//! Statement ([`IoStatement`]): cells `[first, first + len)` of `ram_final_value` (the final
//! RAM `F` of [`super::read_write_memory`], `2^m` cells, whose first pages are the I/O
//! region's, so its words are consecutive cells) hold `values`. Let `k` be the
//! smallest integer with `2^k ≥ first + len` (`k ≤ m`), `F_k(j) = F(0^{m−k}, j)` the first
//! `2^k` cells, `mask` the indicator of the range and `io` the values on it (0 elsewhere). The
//! verifier draws `r ∈ F^k` and a degree-3 sumcheck over `k` variables proves
//! ```text
//!   0 = Σ_{j ∈ {0,1}^k} eq(r, j) · mask(j) · (F_k(j) − io(j))
//! ```
//! At the sumcheck's point `r'` the prover sends `F_k(r') = F(0^{m−k}, r')`; the verifier
//! evaluates `eq(r, r')`, `mask(r')` and `io(r')` itself (`O(2^k)`), checks the reduced claim
//! and hands the claim `F(0^{m−k} ‖ r') = F_k(r')` to the opening accumulator.
//!
//! # Transcript
//! Absorbs `m`, `first`, `len` and the values, draws `r`, runs the sumcheck, absorbs `F_k(r')`.
//!
//! # Soundness
//! The sum is the MLE of `g = mask · (F_k − io)` at `r`: if `g` is not zero on the hypercube,
//! it vanishes at a random `r` with probability at most `k/|F|`, and the sumcheck adds
//! `3k/|F|`. Cells outside the range are not constrained. The caller MUST
//! * absorb the commitment to `ram_final_value` before [`prove`] / [`verify`] (the statement is
//!   absorbed here, before `r` is drawn), and use the commitment the RAM check opens;
//! * pass its own `log_ram = m` and the values it holds to be public: for a guest, the output
//!   words and the panic flag ([`super::statement::io_statement`]);
//! * verify the accumulator's batched opening.
//!
//! Variable order: `x_0` is the most significant bit of a cell index, so fixing `F`'s top
//! `m − k` variables to 0 selects the cells below `2^k`.
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

use crate::commitment::CommitmentScheme;
use crate::field::{Fr, JoltField};
use crate::opening_accumulator::{ProverOpeningAccumulator, VerifierOpeningAccumulator};
use crate::poly::{EqPolynomial, MultilinearPolynomial};
use crate::subprotocols::sumcheck::{
    self, ProductSumcheck, SumcheckError, SumcheckInstance, SumcheckProof,
};
use crate::transcript::{Absorb, Sample, Transcript};
use ark_ff::{AdditiveGroup, Field};
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize};

const STATEMENT: &[u8] = b"io_statement";
const VALUES: &[u8] = b"io_values";
pub(super) const CHALLENGE: &[u8] = b"io_challenge";
const FINAL_EVAL: &[u8] = b"io_final_eval";
/// `eq · mask · (F − io)` has degree 3 in each variable.
pub(super) const DEGREE: usize = 3;

/// Cells [first, first + values.len()) of the final RAM must hold `values`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IoStatement {
    /// The first cell of the range.
    pub first: usize,
    /// The claimed words, one per cell.
    pub values: Vec<u64>,
}

/// The I/O proof: the sumcheck and `F(0^{m−k} ‖ r')`.
#[derive(Clone, Debug, PartialEq, Eq, CanonicalSerialize, CanonicalDeserialize)]
pub struct IoProof {
    sumcheck: SumcheckProof<Fr>,
    final_eval: Fr,
}

/// Why an I/O statement or proof was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IoError {
    /// The range does not fit in the `2^log_ram` cells of the RAM.
    #[error("I/O check: cells [{first}, {first} + {len}) do not fit in 2^{log_ram} cells")]
    OutOfRange {
        /// The range's first cell ([`IoStatement::first`]).
        first: usize,
        /// The number of claimed words.
        len: usize,
        /// `m`: the RAM has `2^m` cells.
        log_ram: usize,
    },
    /// The sumcheck failed: a cell of the range differs from its claimed value, or the proof
    /// was changed.
    #[error("I/O check: {0}")]
    Sumcheck(#[from] SumcheckError),
    /// A zero-knowledge sumcheck's proof has the wrong shape.
    #[error("I/O check: {0}")]
    Committed(crate::subprotocols::blindfold::BlindFoldError),
}

impl IoStatement {
    /// `k`: the number of sumcheck variables for a RAM of `2^log_ram` cells.
    pub fn num_vars(&self, log_ram: usize) -> Result<usize, IoError> {
        let out_of_range = || IoError::OutOfRange {
            first: self.first,
            len: self.values.len(),
            log_ram,
        };
        let k = self
            .end()
            .and_then(usize::checked_next_power_of_two)
            .ok_or_else(out_of_range)?
            .trailing_zeros() as usize;
        if k > log_ram {
            return Err(out_of_range());
        }
        Ok(k)
    }

    fn end(&self) -> Option<usize> {
        self.first.checked_add(self.values.len())
    }

    pub(super) fn absorb(&self, log_ram: usize, transcript: &mut Transcript) {
        for x in [log_ram, self.first, self.values.len()] {
            transcript.append_u64(STATEMENT, x as u64);
        }
        let bytes: Vec<u8> = self.values.iter().flat_map(|v| v.to_le_bytes()).collect();
        transcript.append_bytes(VALUES, &bytes);
    }

    /// The sumcheck `Σ_j eq(r, j)·mask(j)·(F_k(j) − io(j)) = 0` over `k = |r|` variables.
    pub(super) fn instance(
        &self,
        ram_final_value: &MultilinearPolynomial<Fr>,
        r: &[Fr],
    ) -> ProductSumcheck<Fr, fn(&[Fr]) -> Fr> {
        let size = 1usize << r.len();
        let range = self.first..self.first + self.values.len();
        let mask: Vec<u8> = (0..size).map(|j| u8::from(range.contains(&j))).collect();
        let mut io = vec![0u64; size];
        for (x, v) in io.iter_mut().skip(self.first).zip(&self.values) {
            *x = *v;
        }
        let low: Vec<Fr> = (0..size).map(|j| ram_final_value.get(j)).collect();
        let polys = vec![
            EqPolynomial::evals(r).into(),
            mask.into(),
            low.into(),
            io.into(),
        ];
        ProductSumcheck::new(polys, DEGREE, Fr::ZERO, comb as fn(&[Fr]) -> Fr)
    }

    /// `(mask(r), io(r))` from the `2^|r|` values `eq(r, ·)`, on the calling thread.
    pub(super) fn range_mles(&self, r: &[Fr]) -> Option<(Fr, Fr)> {
        let eq = EqPolynomial::evals_serial(r, Fr::ONE);
        let window = eq.get(self.first..self.end()?)?;
        let mask = window.iter().sum();
        let io = window
            .iter()
            .zip(&self.values)
            .map(|(e, v)| *e * Fr::from_u64(*v))
            .sum();
        Some((mask, io))
    }
}

/// `eq · mask · (F − io)` on the polynomials `[eq, mask, F_k, io]`.
fn comb(v: &[Fr]) -> Fr {
    match v {
        [eq, mask, f, io] => *eq * mask * (*f - io),
        _ => Fr::ZERO,
    }
}

/// Proves `statement` about `ram_final_value` (its commitment absorbed by the caller); the
/// claim on `ram_final_value` goes to `accumulator`. A false statement yields a proof that
/// [`verify`] rejects.
///
/// # Panics
/// If the range does not fit in `ram_final_value` ([`IoStatement::num_vars`]).
#[allow(clippy::panic, clippy::expect_used)]
#[tracing::instrument(skip_all, name = "I/O check")]
pub fn prove<PCS: CommitmentScheme>(
    statement: &IoStatement,
    ram_final_value: &MultilinearPolynomial<Fr>,
    transcript: &mut Transcript,
    accumulator: &mut ProverOpeningAccumulator<PCS>,
) -> IoProof {
    let m = ram_final_value.num_vars();
    let k = statement
        .num_vars(m)
        .unwrap_or_else(|e| panic!("I/O statement: {e}"));
    statement.absorb(m, transcript);
    let r: Vec<Fr> = transcript.challenge_vector(CHALLENGE, k);

    let mut instance = statement.instance(ram_final_value, &r);
    let (sumcheck, r_prime, _) = sumcheck::prove(&mut instance, transcript);
    let final_eval = *instance
        .final_evals()
        .get(2)
        .expect("F_k is the third polynomial");
    transcript.append_scalar(FINAL_EVAL, &final_eval);

    let mut point = vec![Fr::ZERO; m - k];
    point.extend(r_prime);
    accumulator.append(ram_final_value.clone(), point, final_eval);
    IoProof {
        sumcheck,
        final_eval,
    }
}

/// Verifies that cells `[first, first + len)` of the final RAM (`2^log_ram` cells, committed
/// as `ram_final_value` and absorbed by the caller) hold `statement.values`. The caller MUST
/// verify `accumulator`'s batched opening.
pub fn verify<PCS: CommitmentScheme>(
    statement: &IoStatement,
    log_ram: usize,
    ram_final_value: &PCS::Commitment,
    proof: &IoProof,
    transcript: &mut Transcript,
    accumulator: &mut VerifierOpeningAccumulator<PCS>,
) -> Result<(), IoError> {
    let k = statement.num_vars(log_ram)?;
    statement.absorb(log_ram, transcript);
    let r: Vec<Fr> = transcript.challenge_vector(CHALLENGE, k);
    let reduced = sumcheck::verify(Fr::ZERO, k, DEGREE, &proof.sumcheck, transcript)?;
    let (mask, io) = statement
        .range_mles(&reduced.point)
        .ok_or(IoError::OutOfRange {
            first: statement.first,
            len: statement.values.len(),
            log_ram,
        })?;
    let eq = EqPolynomial::evaluate(&r, &reduced.point);
    reduced.check(eq * mask * (proof.final_eval - io))?;
    transcript.append_scalar(FINAL_EVAL, &proof.final_eval);

    let mut point = vec![Fr::ZERO; log_ram.saturating_sub(k)];
    point.extend_from_slice(&reduced.point);
    accumulator.append(ram_final_value.clone(), point, proof.final_eval);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commitment::hyperkzg::{HyperKzg, HyperKzgSrs};
    use crate::commitment::hyrax::{Hyrax, HyraxSetup};
    use crate::opening_accumulator::AccumulatorError;
    use crate::utils::serialization::{from_bytes, to_bytes};
    use crate::zkvm::bytecode::program_rows;
    use crate::zkvm::memory_common;
    use crate::zkvm::read_write_memory::{accesses, ram_word, MemoryInit, RwWitness};
    use crate::zkvm::statement::io_statement;
    use ark_std::rand::Rng;
    use ark_std::test_rng;
    use jolt_common::MemoryLayout;
    use jolt_tracer::{initial_registers, run as execute, Bytecode, Memory, RunConfig, Trace};
    use std::sync::OnceLock;

    /// `2^LOG_RAM` cells in the synthetic tests.
    const LOG_RAM: usize = 7;

    fn srs() -> &'static HyperKzgSrs {
        static SRS: OnceLock<HyperKzgSrs> = OnceLock::new();
        SRS.get_or_init(|| HyperKzgSrs::setup_insecure_dev(1 << 14))
    }

    #[derive(Debug)]
    enum Rejected {
        Io(IoError),
        Opening(AccumulatorError),
    }

    /// Commits to `committed`, proves `claimed` with `proved` (the same polynomial for an
    /// honest prover), lets `tamper` change the proof, then verifies `checked` and the batched
    /// opening.
    fn run_with<PCS: CommitmentScheme>(
        setup: (&PCS::ProverSetup, &PCS::VerifierSetup),
        committed: &MultilinearPolynomial<Fr>,
        proved: &MultilinearPolynomial<Fr>,
        claimed: &IoStatement,
        checked: &IoStatement,
        tamper: impl FnOnce(&mut IoProof),
    ) -> Result<(), Rejected> {
        let commitment = PCS::commit(setup.0, committed);
        let log_ram = committed.num_vars();
        let mut transcript = Transcript::new(b"io-test");
        memory_common::absorb::<PCS>(std::slice::from_ref(&commitment), &mut transcript);
        let mut accumulator = ProverOpeningAccumulator::<PCS>::new();
        let mut proof = prove(claimed, proved, &mut transcript, &mut accumulator);
        let opening = accumulator.prove(setup.0, &mut transcript);
        tamper(&mut proof);

        let mut transcript = Transcript::new(b"io-test");
        memory_common::absorb::<PCS>(std::slice::from_ref(&commitment), &mut transcript);
        let mut accumulator = VerifierOpeningAccumulator::<PCS>::new();
        verify(
            checked,
            log_ram,
            &commitment,
            &proof,
            &mut transcript,
            &mut accumulator,
        )
        .map_err(Rejected::Io)?;
        accumulator
            .verify(setup.1, &opening, &mut transcript)
            .map_err(Rejected::Opening)
    }

    fn run(
        poly: &MultilinearPolynomial<Fr>,
        claimed: &IoStatement,
        checked: &IoStatement,
    ) -> Result<(), Rejected> {
        let vk = srs().verifier_key();
        run_with::<HyperKzg>((srs(), &vk), poly, poly, claimed, checked, |_| {})
    }

    fn honest(poly: &MultilinearPolynomial<Fr>, statement: &IoStatement) -> Result<(), Rejected> {
        run(poly, statement, statement)
    }

    fn random_memory(log_ram: usize) -> Vec<u32> {
        let mut rng = test_rng();
        (0..1usize << log_ram).map(|_| rng.gen()).collect()
    }

    fn statement(memory: &[u32], first: usize, len: usize) -> IoStatement {
        IoStatement {
            first,
            values: memory[first..first + len]
                .iter()
                .map(|&w| w.into())
                .collect(),
        }
    }

    fn is_final_evaluation(r: &Result<(), Rejected>) -> bool {
        matches!(
            r,
            Err(Rejected::Io(IoError::Sumcheck(
                SumcheckError::FinalEvaluation { .. }
            )))
        )
    }

    #[test]
    fn accepts_true_statements() {
        let memory = random_memory(LOG_RAM);
        let compact: MultilinearPolynomial<Fr> = memory.clone().into();
        let dense: MultilinearPolynomial<Fr> = memory
            .iter()
            .map(|&w| Fr::from(w))
            .collect::<Vec<_>>()
            .into();
        // (first, len): k = 0 (cell 0 alone), the empty range, an exact power of two, a range
        // ending at the top of memory, and the whole memory.
        for (first, len) in [
            (0, 1),
            (3, 0),
            (0, 16),
            (9, 7),
            (37, 21),
            (100, 28),
            (0, 128),
        ] {
            let s = statement(&memory, first, len);
            assert!(honest(&compact, &s).is_ok(), "[{first}, +{len})");
        }
        let s = statement(&memory, 37, 21);
        assert!(honest(&dense, &s).is_ok());
        let setup = HyraxSetup::new(LOG_RAM);
        let r = run_with::<Hyrax>((&setup, &setup), &compact, &compact, &s, &s, |_| {});
        assert!(r.is_ok(), "{r:?}");
    }

    #[test]
    fn proof_bytes_round_trip_and_size() {
        let memory = random_memory(LOG_RAM);
        let poly: MultilinearPolynomial<Fr> = memory.clone().into();
        let s = statement(&memory, 37, 21);
        let mut accumulator = ProverOpeningAccumulator::<HyperKzg>::new();
        let proof = prove(&s, &poly, &mut Transcript::new(b"io"), &mut accumulator);
        let bytes = to_bytes(&proof);
        // k = 6 rounds of 3 coefficients, the final evaluation, one length prefix.
        assert_eq!(bytes.len(), 8 + 6 * (8 + 3 * 32) + 32);
        assert_eq!(from_bytes::<IoProof>(&bytes).ok(), Some(proof));
        assert_eq!(accumulator.len(), 1);
    }

    #[test]
    fn rejects_each_single_wrong_value() {
        let memory = random_memory(LOG_RAM);
        let poly: MultilinearPolynomial<Fr> = memory.clone().into();
        let s = statement(&memory, 37, 21);
        for i in [0, 10, 20] {
            let mut wrong = s.clone();
            wrong.values[i] ^= 1;
            // The prover runs on the false statement, or the verifier checks another one.
            assert!(is_final_evaluation(&honest(&poly, &wrong)), "value {i}");
            assert!(is_final_evaluation(&run(&poly, &s, &wrong)), "value {i}");
        }
        // A claimed value beyond 32 bits is a different field element too.
        let mut wide = s.clone();
        wide.values[5] += 1 << 32;
        assert!(is_final_evaluation(&honest(&poly, &wide)));
    }

    #[test]
    fn rejects_a_shifted_range() {
        let memory = random_memory(LOG_RAM);
        let poly: MultilinearPolynomial<Fr> = memory.clone().into();
        let s = statement(&memory, 37, 21);
        for first in [36, 38] {
            let shifted = IoStatement { first, ..s.clone() };
            assert!(
                is_final_evaluation(&honest(&poly, &shifted)),
                "first {first}"
            );
        }
    }

    #[test]
    fn rejects_a_range_outside_memory() {
        let memory = random_memory(LOG_RAM);
        let poly: MultilinearPolynomial<Fr> = memory.clone().into();
        let s = statement(&memory, 100, 28);
        let past_end = IoStatement {
            first: 101,
            ..s.clone()
        };
        let expected = IoError::OutOfRange {
            first: 101,
            len: 28,
            log_ram: LOG_RAM,
        };
        assert_eq!(past_end.num_vars(LOG_RAM), Err(expected.clone()));
        let r = run(&poly, &s, &past_end);
        assert!(
            matches!(&r, Err(Rejected::Io(e)) if *e == expected),
            "{r:?}"
        );
        let overflow = IoStatement {
            first: usize::MAX,
            values: vec![1],
        };
        assert!(matches!(
            overflow.num_vars(64),
            Err(IoError::OutOfRange { .. })
        ));
        let mut accumulator = VerifierOpeningAccumulator::<HyperKzg>::new();
        let commitment = HyperKzg::commit(srs(), &poly);
        let mut proof_accumulator = ProverOpeningAccumulator::<HyperKzg>::new();
        let proof = prove(
            &s,
            &poly,
            &mut Transcript::new(b"io"),
            &mut proof_accumulator,
        );
        let r = verify(
            &overflow,
            64,
            &commitment,
            &proof,
            &mut Transcript::new(b"io"),
            &mut accumulator,
        );
        assert!(matches!(r, Err(IoError::OutOfRange { .. })), "{r:?}");
        assert!(accumulator.is_empty());
    }

    #[test]
    fn cells_outside_the_range_are_free() {
        let memory = random_memory(LOG_RAM);
        let s = statement(&memory, 37, 21);
        let mut other = random_memory(LOG_RAM);
        other.reverse();
        other[37..58].copy_from_slice(&memory[37..58]);
        assert!(honest(&other.into(), &s).is_ok());
    }

    #[test]
    fn rejects_tampered_proofs() {
        let memory = random_memory(LOG_RAM);
        let poly: MultilinearPolynomial<Fr> = memory.clone().into();
        let s = statement(&memory, 37, 21);
        let mut accumulator = ProverOpeningAccumulator::<HyperKzg>::new();
        let proof = prove(&s, &poly, &mut Transcript::new(b"io"), &mut accumulator);
        let commitment = HyperKzg::commit(srs(), &poly);
        let check = |p: &IoProof| {
            let mut accumulator = VerifierOpeningAccumulator::<HyperKzg>::new();
            verify(
                &s,
                LOG_RAM,
                &commitment,
                p,
                &mut Transcript::new(b"io"),
                &mut accumulator,
            )
        };
        assert_eq!(check(&proof), Ok(()));
        // Every single flipped bit either fails to decode or is rejected by the I/O check
        // itself (before any opening).
        let bytes = to_bytes(&proof);
        let mut decoded = 0;
        for i in 0..bytes.len() {
            for bit in [0, 7] {
                let mut b = bytes.clone();
                b[i] ^= 1 << bit;
                if let Ok(p) = from_bytes::<IoProof>(&b) {
                    decoded += 1;
                    assert!(check(&p).is_err(), "byte {i}, bit {bit}");
                }
            }
        }
        assert!(decoded > bytes.len());
        let mut short = proof.clone();
        short.sumcheck.round_polys.0.pop();
        assert_eq!(
            check(&short),
            Err(IoError::Sumcheck(SumcheckError::WrongNumberOfRounds {
                expected: 6,
                got: 5
            }))
        );
        let mut wrong_eval = proof;
        wrong_eval.final_eval += Fr::ONE;
        assert!(matches!(
            check(&wrong_eval),
            Err(IoError::Sumcheck(SumcheckError::FinalEvaluation { .. }))
        ));
    }

    /// A prover that runs the I/O sumcheck on a memory holding the claimed values, while the
    /// commitment is to the real memory, passes the I/O check and fails the batched opening.
    #[test]
    fn rejects_a_polynomial_other_than_the_committed_one() {
        let memory = random_memory(LOG_RAM);
        let s = statement(&memory, 37, 21);
        let mut forged = memory.clone();
        forged[47] ^= 0x100;
        let committed: MultilinearPolynomial<Fr> = forged.into();
        let proved: MultilinearPolynomial<Fr> = memory.into();
        let vk = srs().verifier_key();
        let r = run_with::<HyperKzg>((srs(), &vk), &committed, &proved, &s, &s, |_| {});
        assert!(
            matches!(r, Err(Rejected::Opening(AccumulatorError::Opening(_)))),
            "{r:?}"
        );
    }

    /// The final RAM of a real run (the memory-checking witness) holds the outputs and the
    /// panic flag the emulator reports.
    #[test]
    fn real_run_final_memory() {
        let layout = MemoryLayout {
            max_input_size: 64,
            max_private_input_size: 0,
            max_output_size: 64,
            stack_size: 1 << 12,
            memory_size: 1 << 15,
        };
        let config = RunConfig {
            layout,
            max_cycles: 1 << 16,
            stack_guard: false,
        };
        let program = crate::zkvm::tests::every_opcode_program();
        let bytecode = Bytecode::new(&program);
        let mut trace = Trace::default();
        let execution =
            execute(&program, &bytecode, &config, &[], &mut trace).expect("the program exits");
        let ram = MemoryInit::new(
            &Memory::new(&layout, &program, &[], &[]),
            initial_registers(&config, program.image_end()).to_vec(),
        );
        let rows = program_rows(&bytecode);
        let witness = RwWitness::new(&ram, &accesses(&rows, &trace.cycles));
        let poly = memory_common::compact(&witness.ram_final[0]);
        let io = &execution.io;
        let s = io_statement(&ram, &layout, io).expect("the outputs fit");
        assert_eq!(s.values.len(), 16 + 1);
        let panic = ram
            .cell(ram_word(true, jolt_common::PANIC_ADDRESS))
            .expect("the flag is in RAM");
        assert_eq!(s.first + 16, panic);
        assert!(honest(&poly, &s).is_ok());

        // A panic, an output byte.
        for (i, v) in [(16, 1), (0, 7)] {
            let mut wrong = s.clone();
            wrong.values[i] = v;
            assert!(is_final_evaluation(&run(&poly, &s, &wrong)), "value {i}");
        }
    }
}
