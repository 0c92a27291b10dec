//! Byte range check: every entry of the constraint system's `2·C` byte columns
//! (`x_byte_i`, `y_byte_i`, see [`super::constraints`]) is below `2^8`, by lookups into the
//! table of all byte pairs ([`crate::lasso::memory_checking::lookups`], LogUp).
//!
//! # Equation
//! One read-only memory of [`TABLE_SIZE`] `= 2^16` cells, cell `j` holding the pair
//! `(hi, lo) = (⌊j / 2^8⌋, j mod 2^8)`. The columns are read in [`NUM_PAIRS`] pairs
//! `(x_byte_k, y_byte_k)`, `k < C` (in the caller's order, column `k` with column `C + k`). The
//! read side is *slotted* ([`super::memory_common`]) with one slot per pair: entry
//! `k·2^n + t` reads the pair `(x_byte_k(t), y_byte_k(t))`. With `m(j)` the number of reads
//! of cell `j` and the fingerprint `h(a, v) = a·γ² + v·γ − τ`
//! ([`crate::lasso::memory_checking`]):
//! ```text
//!   Σ_{k,t} 1 / h(x_byte_k(t), y_byte_k(t))  =  Σ_j m(j) / h(hi(j), lo(j))
//! ```
//! At the slotted point `(r_slot, r_cycle)` the read tuple is the `eq(r_slot, k)`-weighted sum
//! over the pairs of `(x_byte_k(r_cycle), y_byte_k(r_cycle))`; at the cell point
//! `r_mem = (r_hi ‖ r_lo)` the table's tuple is `(Σ_j r_hi,j·2^{7−j}, Σ_j r_lo,j·2^{7−j})`,
//! computed by the verifier. Reading pairs, not single bytes, halves the reads for a table
//! of `2^16` cells instead of `2^8`.
//!
//! # Why it proves the range
//! The lookup argument proves that every read pair is a pair of the table, i.e. both its
//! entries are bytes (its soundness, with `2^{n+2} < p` reads, is in
//! [`crate::lasso::memory_checking::lookups`]). The multiplicities need no check of their own.
//!
//! # Committed witness
//! The byte columns belong to the caller (they are the constraint system's columns, committed
//! and absorbed by it). This module's one polynomial ([`ByteRangeWitness::polynomials`]) is
//! the multiplicities `m` (`2^16` entries).
//!
//! # Soundness obligations
//! The caller absorbs the commitments to the byte columns and the multiplicities before
//! [`prove`]/[`verify`] (the fingerprint challenges are drawn after them), and MUST verify
//! the opening accumulator's batched opening: every evaluation the prover sends (bytes at
//! `r_cycle`, `m` at `r_mem`) is only a claim until then. The verifier computes the table's
//! tuples itself. The verifier and prover absorb the statement (`n`, `log2` of the table)
//! first and every evaluation they exchange.
//!
//! Variable order: `x_0` is the most significant bit of an index (on the cycle side the two
//! slot bits come first; a cell's high byte is its top eight bits).

use super::memory_common::{compact, identity_mle, slot_weights};
use crate::commitment::CommitmentScheme;
use crate::field::{Fr, JoltField};
use crate::lasso::memory_checking::{
    self, CheckLeaves, CheckSetup, CheckedProof, Fingerprint, LookupLeaves, MemoryCheckingClaims,
    MemoryCheckingError, MemoryCheckingOpenings,
};
use crate::opening_accumulator::{ProverOpeningAccumulator, VerifierOpeningAccumulator};
use crate::poly::{EqPolynomial, MultilinearPolynomial};
use crate::subprotocols::grand_product::Leaves;
use crate::transcript::{Absorb, Transcript};
use crate::utils::serialization::SafeVec;
use ark_ff::AdditiveGroup;
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize};
use jolt_instructions::C;

/// Byte columns checked: `x_byte_0..C` and `y_byte_0..C`, in the caller's order.
pub const NUM_BYTE_COLUMNS: usize = 2 * C;
/// Pairs of byte columns read together: column `k` with column `C + k`.
pub const NUM_PAIRS: usize = C;
/// `log2` of the table size: a cell per pair of bytes.
pub const LOG_TABLE: usize = 16;
/// Cells of the table of byte pairs.
pub const TABLE_SIZE: usize = 1 << LOG_TABLE;
/// `log2` of [`NUM_PAIRS`]: the slot bits of the cycle side.
pub const LOG_SLOTS: usize = NUM_PAIRS.trailing_zeros() as usize;
/// Polynomials committed by this module: the multiplicities.
pub const NUM_COUNT_POLYS: usize = 1;
/// Largest supported `n` (`2^{n+2}` slotted reads stay far below the field size).
pub const MAX_LOG_CYCLES: usize = 29;

const STATEMENT: &[u8] = b"byte_range_statement";
const EVALS: &[u8] = b"byte_range_evals";

const _: () = assert!(NUM_PAIRS == 1 << LOG_SLOTS && NUM_BYTE_COLUMNS == 2 * NUM_PAIRS);

/// The cell of the byte pair `(hi, lo)`, if both are bytes.
fn cell(hi: u64, lo: u64) -> Option<usize> {
    (hi < 256 && lo < 256).then_some((hi << 8 | lo) as usize)
}

/// The multiplicities of a byte range check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ByteRangeWitness {
    /// `n`: each byte column has `2^n` entries.
    pub log_cycles: usize,
    /// `multiplicities[i]`: the reads of cell `i` ([`TABLE_SIZE`] entries).
    pub multiplicities: Vec<u64>,
}

impl ByteRangeWitness {
    /// From the byte columns' values (`columns[k][t]`, each < 256, all of length 2^n).
    ///
    /// # Panics
    /// If there are not [`NUM_BYTE_COLUMNS`] columns of one power-of-two length, or an entry
    /// is not a byte (an honest prover never builds such a witness).
    pub fn new(columns: &[Vec<u64>]) -> Self {
        assert_eq!(columns.len(), NUM_BYTE_COLUMNS, "byte column count");
        let len = columns[0].len();
        assert!(len.is_power_of_two(), "byte columns have 2^n entries");
        assert!(
            columns.iter().all(|c| c.len() == len),
            "byte columns have one length"
        );
        let mut multiplicities = vec![0u64; TABLE_SIZE];
        let (high, low) = columns.split_at(NUM_PAIRS);
        for (high, low) in high.iter().zip(low) {
            for (&hi, &lo) in high.iter().zip(low) {
                let count = cell(hi, lo)
                    .and_then(|j| multiplicities.get_mut(j))
                    .unwrap_or_else(|| panic!("byte column entries {hi}, {lo} not bytes"));
                *count += 1;
            }
        }
        Self {
            log_cycles: len.trailing_zeros() as usize,
            multiplicities,
        }
    }

    /// The committed polynomials: the multiplicities.
    pub fn polynomials(&self) -> Vec<MultilinearPolynomial<Fr>> {
        vec![compact(&self.multiplicities)]
    }
}

/// A byte range proof (without its GKR, commitments and opening): the byte columns'
/// evaluations at the reads' point (the multiplicities' is the GKR's claim).
#[derive(Clone, Debug, PartialEq, Eq, CanonicalSerialize, CanonicalDeserialize)]
pub struct ByteRangeProof {
    /// `byte_k(r_cycle)` for every column `k`.
    pub byte_evals: SafeVec<Fr>,
}

/// Why a byte range proof was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ByteRangeError {
    /// A wrong number of commitments or evaluations.
    #[error("byte range: {what} has {got} entries, expected {expected}")]
    Shape {
        /// The part of the proof or statement with the wrong length (e.g. `"count commitments"`).
        what: &'static str,
        /// The length the verifier derives from the statement.
        expected: usize,
        /// The length it has.
        got: usize,
    },
    /// Too many cycles.
    #[error("byte range: 2^{0} cycles is not supported")]
    TooManyCycles(usize),
    /// The lookups failed (an entry is not a byte).
    #[error("byte range: {0}")]
    MemoryChecking(MemoryCheckingError),
}

fn statement(log_cycles: usize, transcript: &mut Transcript) {
    transcript.append_u64(STATEMENT, log_cycles as u64);
    transcript.append_u64(STATEMENT, LOG_TABLE as u64);
}

/// Absorbs the statement, draws the fingerprint and returns the leaves for the GKR: the
/// reads `h(x_byte_k(t), y_byte_k(t))` computed from the integer columns when read (never
/// stored), the table's `h(hi(j), lo(j))` and the multiplicities stored.
/// `bytes`: the 8 byte-column polynomials (committed and absorbed by the caller), same order
/// as commitments; the caller also committed and absorbed `witness.polynomials()`.
///
/// # Panics
/// If `bytes` are not [`NUM_BYTE_COLUMNS`] polynomials of `witness.log_cycles` variables.
#[tracing::instrument(skip_all, name = "byte range leaves")]
pub fn leaves<'w>(
    bytes: &'w [MultilinearPolynomial<Fr>],
    witness: &'w ByteRangeWitness,
    transcript: &mut Transcript,
) -> CheckLeaves<'w, Fr> {
    let fp = fingerprint_setup(witness.log_cycles, transcript).fingerprint;
    leaves_with(bytes, witness, fp)
}

/// The leaves of [`leaves`] under the fingerprint `fp` (already drawn).
///
/// # Panics
/// As [`leaves`].
pub(super) fn leaves_with<'w>(
    bytes: &'w [MultilinearPolynomial<Fr>],
    witness: &'w ByteRangeWitness,
    fp: Fingerprint<Fr>,
) -> CheckLeaves<'w, Fr> {
    let n = witness.log_cycles;
    assert_eq!(bytes.len(), NUM_BYTE_COLUMNS, "byte column count");
    assert!(
        bytes.iter().all(|p| p.num_vars() == n),
        "byte columns have 2^n entries"
    );
    let ifp = fp.integers();
    let f = Fr::from_u64;
    let mask = (1usize << n) - 1;
    // A byte column the prover holds as field elements takes the field path.
    let read = move |i: usize| -> Fr {
        let (slot, t) = (i >> n, i & mask);
        let (high, low) = (&bytes[slot], &bytes[NUM_PAIRS + slot]);
        match (high.get_small(t), low.get_small(t)) {
            (Some(hi), Some(lo)) => ifp.h(hi, lo, 0),
            _ => fp.h(high.get(t), &[low.get(t)], Fr::ZERO),
        }
    };
    let table = fp.leaves_vec(TABLE_SIZE, 1, |j, lo| {
        lo[0] = f(j as u64 & 0xff);
        (f(j as u64 >> 8), Fr::ZERO)
    });
    CheckLeaves::lookups(vec![LookupLeaves {
        reads: Leaves::computed(NUM_PAIRS << n, read),
        table: Leaves::Values(table),
        multiplicities: Leaves::Values(witness.multiplicities.iter().map(|m| f(*m)).collect()),
    }])
}

/// After the GKR: the evaluations of the byte columns at the reads' point and of the
/// multiplicities at the table's, absorbed (the byte columns') and accumulated.
#[tracing::instrument(skip_all, name = "byte range check")]
pub fn prove_evals<PCS: CommitmentScheme>(
    bytes: &[MultilinearPolynomial<Fr>],
    witness: &ByteRangeWitness,
    openings: &MemoryCheckingOpenings<Fr>,
    transcript: &mut Transcript,
    accumulator: &mut ProverOpeningAccumulator<PCS>,
) -> ByteRangeProof {
    let lookups = &openings.lookups;
    let (r_slotted, r_mem) = (&lookups.r_read[0], &lookups.r_table[0]);
    let r_cycle = r_slotted[LOG_SLOTS..].to_vec();
    // `p(r) = Σ_x eq(r, x)·p(x)`.
    let eq_cycle = EqPolynomial::evals(&r_cycle);
    let byte_evals: Vec<Fr> = bytes
        .iter()
        .map(|p| {
            let v = p.dot(&eq_cycle);
            accumulator.append(p.clone(), r_cycle.clone(), v);
            v
        })
        .collect();
    transcript.append_scalars(EVALS, &byte_evals);
    let [multiplicities]: [MultilinearPolynomial<Fr>; 1] = witness
        .polynomials()
        .try_into()
        .expect("one multiplicity polynomial");
    accumulator.append(multiplicities, r_mem.clone(), lookups.multiplicity[0]);
    ByteRangeProof {
        byte_evals: byte_evals.into(),
    }
}

/// Proves that every entry of `bytes` is a byte, with its own grand product (see
/// [`leaves`]). Every claim goes to `accumulator`.
///
/// # Panics
/// As [`leaves`].
pub fn prove<PCS: CommitmentScheme>(
    bytes: &[MultilinearPolynomial<Fr>],
    witness: &ByteRangeWitness,
    transcript: &mut Transcript,
    accumulator: &mut ProverOpeningAccumulator<PCS>,
) -> CheckedProof<Fr, ByteRangeProof> {
    let check = leaves(bytes, witness, transcript);
    let (memory_checking, openings) = memory_checking::prove(check, transcript);
    CheckedProof {
        memory_checking,
        rest: prove_evals(bytes, witness, &openings, transcript, accumulator),
    }
}

#[cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic,
        clippy::panic_in_result_fn
    )
)]
fn shape(what: &'static str, expected: usize, got: usize) -> Result<(), ByteRangeError> {
    if expected == got {
        Ok(())
    } else {
        Err(ByteRangeError::Shape {
            what,
            expected,
            got,
        })
    }
}

/// The verifier's side before the GKR: checks the proof's shape, absorbs the statement and
/// draws the fingerprint. `byte_commitments`: [`NUM_BYTE_COLUMNS`]; `count_commitments`:
/// [`NUM_COUNT_POLYS`] (the multiplicities). Returns the check's statement in the GKR (its one
/// read-only memory's sizes and the fingerprint).
#[cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic,
        clippy::panic_in_result_fn
    )
)]
pub fn verify_fingerprint(
    log_cycles: usize,
    num_byte_commitments: usize,
    num_count_commitments: usize,
    proof: &ByteRangeProof,
    transcript: &mut Transcript,
) -> Result<CheckSetup<Fr>, ByteRangeError> {
    if log_cycles > MAX_LOG_CYCLES {
        return Err(ByteRangeError::TooManyCycles(log_cycles));
    }
    shape("byte commitments", NUM_BYTE_COLUMNS, num_byte_commitments)?;
    shape("count commitments", NUM_COUNT_POLYS, num_count_commitments)?;
    shape("byte evaluations", NUM_BYTE_COLUMNS, proof.byte_evals.len())?;
    Ok(fingerprint_setup(log_cycles, transcript))
}

/// Absorbs the statement, draws the fingerprint and returns the check's statement in the
/// GKR (shared with the zero-knowledge verifier, [`super::byte_range_zk`]).
pub(super) fn fingerprint_setup(log_cycles: usize, transcript: &mut Transcript) -> CheckSetup<Fr> {
    statement(log_cycles, transcript);
    let fp = Fingerprint::<Fr>::draw(transcript);
    CheckSetup {
        sizes: Vec::new(),
        lookup_sizes: vec![(log_cycles + LOG_SLOTS, LOG_TABLE)],
        fingerprint: fp,
    }
}

/// The verifier's side after the GKR: checks the read claim against the proof's
/// evaluations and the table claim against the table's tuple (computed here), and
/// accumulates the evaluations against the commitments. The caller verifies the batched
/// opening.
#[cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic,
        clippy::panic_in_result_fn
    )
)]
pub fn verify_evals<PCS: CommitmentScheme>(
    byte_commitments: &[PCS::Commitment],
    count_commitments: &[PCS::Commitment],
    proof: &ByteRangeProof,
    claims: &MemoryCheckingClaims<Fr>,
    transcript: &mut Transcript,
    accumulator: &mut VerifierOpeningAccumulator<PCS>,
) -> Result<(), ByteRangeError> {
    let ([multiplicity_commitment], [multiplicity]) =
        (count_commitments, claims.lookups.multiplicities())
    else {
        return Err(ByteRangeError::Shape {
            what: "count commitments",
            expected: NUM_COUNT_POLYS,
            got: count_commitments.len(),
        });
    };
    let (r_slotted, r_mem) =
        claims
            .lookups
            .shared_points()
            .ok_or(ByteRangeError::MemoryChecking(
                MemoryCheckingError::NoMemories,
            ))?;
    let Some((r_slot, r_cycle)) = r_slotted.split_at_checked(LOG_SLOTS) else {
        return Err(ByteRangeError::Shape {
            what: "cycle point",
            expected: LOG_SLOTS,
            got: r_slotted.len(),
        });
    };
    let w = slot_weights(r_slot);
    let dot = |x: &[Fr]| -> Fr { w.iter().zip(x).map(|(a, b)| *a * b).sum() };
    let (high, low) = proof
        .byte_evals
        .split_at(NUM_PAIRS.min(proof.byte_evals.len()));
    claims
        .lookups
        .check_reads(&[(dot(high), vec![dot(low)])])
        .map_err(ByteRangeError::MemoryChecking)?;
    let (r_hi, r_lo) = r_mem.split_at(r_mem.len() / 2);
    claims
        .lookups
        .check_table(&[(identity_mle(r_hi), vec![identity_mle(r_lo)])])
        .map_err(ByteRangeError::MemoryChecking)?;

    // Evaluations, in the prover's order.
    for (c, v) in byte_commitments.iter().zip(proof.byte_evals.iter()) {
        accumulator.append(c.clone(), r_cycle.to_vec(), *v);
    }
    transcript.append_scalars(EVALS, &proof.byte_evals);
    accumulator.append(
        multiplicity_commitment.clone(),
        r_mem.to_vec(),
        *multiplicity,
    );
    Ok(())
}

/// Verifies a byte range proof with its own grand product for `2^log_cycles` cycles (see
/// [`verify_fingerprint`], [`verify_evals`]; all commitments absorbed by the caller). The
/// caller verifies the batched opening.
pub fn verify<PCS: CommitmentScheme>(
    log_cycles: usize,
    byte_commitments: &[PCS::Commitment],
    count_commitments: &[PCS::Commitment],
    proof: &CheckedProof<Fr, ByteRangeProof>,
    transcript: &mut Transcript,
    accumulator: &mut VerifierOpeningAccumulator<PCS>,
) -> Result<(), ByteRangeError> {
    let setup = verify_fingerprint(
        log_cycles,
        byte_commitments.len(),
        count_commitments.len(),
        &proof.rest,
        transcript,
    )?;
    let claims = memory_checking::verify(&setup, &proof.memory_checking, transcript)
        .map_err(ByteRangeError::MemoryChecking)?;
    verify_evals(
        byte_commitments,
        count_commitments,
        &proof.rest,
        &claims,
        transcript,
        accumulator,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commitment::hyrax::{Hyrax, HyraxSetup};
    use crate::zkvm::memory_common::{absorb, commit};
    use ark_ff::Field;
    use ark_std::{rand::Rng, test_rng};
    use std::sync::OnceLock;

    /// Largest `n` the tests use.
    const LOG_MAX: usize = 10;

    fn setup() -> &'static HyraxSetup {
        static SETUP: OnceLock<HyraxSetup> = OnceLock::new();
        SETUP.get_or_init(|| HyraxSetup::new(LOG_MAX.max(LOG_TABLE)))
    }

    fn random_columns(log_cycles: usize) -> Vec<Vec<u64>> {
        let mut rng = test_rng();
        (0..NUM_BYTE_COLUMNS)
            .map(|_| {
                (0..1 << log_cycles)
                    .map(|_| rng.gen_range(0..256u64))
                    .collect()
            })
            .collect()
    }

    /// What a caller sends: the commitments, the sub-proof, the batched opening.
    #[derive(Clone)]
    struct Transcripted {
        bytes: Vec<<Hyrax as CommitmentScheme>::Commitment>,
        counts: Vec<<Hyrax as CommitmentScheme>::Commitment>,
        proof: CheckedProof<Fr, ByteRangeProof>,
        opening: crate::opening_accumulator::BatchedOpeningProof<Hyrax>,
    }

    /// Commits to `bytes` and the counts of `witness`, absorbs them, proves, opens.
    fn prove_all(bytes: &[MultilinearPolynomial<Fr>], witness: &ByteRangeWitness) -> Transcripted {
        let mut transcript = Transcript::new(b"byte-range-test");
        let byte_commitments = commit::<Hyrax>(setup(), bytes).into_inner();
        let counts = commit::<Hyrax>(setup(), &witness.polynomials()).into_inner();
        absorb::<Hyrax>(&byte_commitments, &mut transcript);
        absorb::<Hyrax>(&counts, &mut transcript);
        let mut accumulator = ProverOpeningAccumulator::<Hyrax>::new();
        let proof = prove(bytes, witness, &mut transcript, &mut accumulator);
        let opening = accumulator.prove(setup(), &mut transcript);
        Transcripted {
            bytes: byte_commitments,
            counts,
            proof,
            opening,
        }
    }

    /// Verifies, then (on success) the batched opening; an opening failure panics (it would
    /// mean a claim slipped past the checks above).
    fn verify_all(log_cycles: usize, t: &Transcripted) -> Result<(), ByteRangeError> {
        let mut transcript = Transcript::new(b"byte-range-test");
        absorb::<Hyrax>(&t.bytes, &mut transcript);
        absorb::<Hyrax>(&t.counts, &mut transcript);
        let mut accumulator = VerifierOpeningAccumulator::<Hyrax>::new();
        verify(
            log_cycles,
            &t.bytes,
            &t.counts,
            &t.proof,
            &mut transcript,
            &mut accumulator,
        )?;
        accumulator
            .verify(setup(), &t.opening, &mut transcript)
            .expect("the batched opening of an accepted proof verifies");
        Ok(())
    }

    fn polys(columns: &[Vec<u64>]) -> Vec<MultilinearPolynomial<Fr>> {
        columns.iter().map(|c| compact(c)).collect()
    }

    fn lookup_mismatch() -> ByteRangeError {
        ByteRangeError::MemoryChecking(MemoryCheckingError::LookupMismatch { memory: 0 })
    }

    #[test]
    fn witness_counts_every_read() {
        let columns = random_columns(4);
        let w = ByteRangeWitness::new(&columns);
        assert_eq!(w.log_cycles, 4);
        assert_eq!(
            w.multiplicities.iter().sum::<u64>(),
            (NUM_PAIRS << 4) as u64
        );
        for (j, &m) in w.multiplicities.iter().enumerate() {
            let reads = (0..NUM_PAIRS)
                .flat_map(|k| (0..16).map(move |t| (k, t)))
                .filter(|&(k, t)| cell(columns[k][t], columns[NUM_PAIRS + k][t]) == Some(j))
                .count();
            assert_eq!(reads as u64, m, "cell {j}");
        }
        assert_eq!(w.polynomials().len(), NUM_COUNT_POLYS);
    }

    /// A pair is read from the cell whose high byte is the first column's entry.
    #[test]
    fn pairs_are_read_from_their_cell() {
        assert_eq!(cell(0, 0), Some(0));
        assert_eq!(cell(1, 2), Some(258));
        assert_eq!(cell(255, 255), Some(TABLE_SIZE - 1));
        assert_eq!(cell(256, 0), None);
        assert_eq!(cell(0, 256), None);
    }

    #[test]
    fn accepts_honest_bytes() {
        for n in [0, 1, 5, LOG_MAX] {
            let mut columns = random_columns(n);
            // The extremes of the range.
            columns[0][0] = 0;
            columns[NUM_BYTE_COLUMNS - 1][0] = 255;
            let t = prove_all(&polys(&columns), &ByteRangeWitness::new(&columns));
            assert_eq!(verify_all(n, &t), Ok(()), "n = {n}");
            let bytes = crate::utils::serialization::to_bytes(&t.proof);
            let decoded: CheckedProof<Fr, ByteRangeProof> =
                crate::utils::serialization::from_bytes(&bytes)
                    .expect("a serialized proof decodes");
            assert_eq!(decoded, t.proof);
        }
    }

    #[test]
    fn rejects_entry_256() {
        let n = 5;
        let mut columns = random_columns(n);
        columns[3][17] = 256;
        // The best counts available: the bad entry counted as a read of cell 0.
        let mut as_zero = columns.clone();
        as_zero[3][17] = 0;
        let t = prove_all(&polys(&columns), &ByteRangeWitness::new(&as_zero));
        assert_eq!(verify_all(n, &t), Err(lookup_mismatch()));
    }

    /// A pair whose low entry carries into the high one, `(1, 256)` counted as cell `(2, 0)`
    /// (the same value `2^8·hi + lo`), is not a pair of the table.
    #[test]
    fn rejects_a_carry_between_the_bytes_of_a_pair() {
        let n = 4;
        let mut columns = random_columns(n);
        columns[1][5] = 2;
        columns[NUM_PAIRS + 1][5] = 0;
        let witness = ByteRangeWitness::new(&columns);
        columns[1][5] = 1;
        columns[NUM_PAIRS + 1][5] = 256;
        let t = prove_all(&polys(&columns), &witness);
        assert_eq!(verify_all(n, &t), Err(lookup_mismatch()));
    }

    #[test]
    fn rejects_negative_entry() {
        // −1 as a field element (p − 1): counts built as if it were 255.
        let n = 4;
        let mut columns = random_columns(n);
        columns[6][3] = 255;
        let witness = ByteRangeWitness::new(&columns);
        let mut bytes = polys(&columns);
        let mut evals: Vec<Fr> = (0..1 << n).map(|t| bytes[6].get(t)).collect();
        evals[3] = -Fr::ONE;
        bytes[6] = MultilinearPolynomial::Dense(crate::poly::dense::DensePolynomial::new(evals));
        let t = prove_all(&bytes, &witness);
        assert_eq!(verify_all(n, &t), Err(lookup_mismatch()));
    }

    /// Multiplicities that do not count the reads: one more read of a cell read, one read of
    /// a cell moved to another.
    #[test]
    fn rejects_tampered_multiplicities() {
        let n = 5;
        let columns = random_columns(n);
        let honest = ByteRangeWitness::new(&columns);
        let read_cell = cell(columns[0][0], columns[NUM_PAIRS][0]).expect("bytes");
        let mut w = honest.clone();
        w.multiplicities[read_cell] += 1;
        assert_eq!(
            verify_all(n, &prove_all(&polys(&columns), &w)),
            Err(lookup_mismatch())
        );
        let mut w = honest;
        w.multiplicities[read_cell] -= 1;
        w.multiplicities[(read_cell + 1) % TABLE_SIZE] += 1;
        assert_eq!(
            verify_all(n, &prove_all(&polys(&columns), &w)),
            Err(lookup_mismatch())
        );
    }

    #[test]
    fn rejects_changed_evaluation() {
        let n = 3;
        let columns = random_columns(n);
        let honest = prove_all(&polys(&columns), &ByteRangeWitness::new(&columns));
        for k in 0..NUM_BYTE_COLUMNS {
            let mut t = honest.clone();
            t.proof.rest.byte_evals.0[k] += Fr::ONE;
            assert!(matches!(
                verify_all(n, &t),
                Err(ByteRangeError::MemoryChecking(
                    MemoryCheckingError::LeafMismatch { .. }
                ))
            ));
        }
    }

    #[test]
    fn rejects_wrong_shapes() {
        let n = 3;
        let columns = random_columns(n);
        let honest = prove_all(&polys(&columns), &ByteRangeWitness::new(&columns));
        let mut t = honest.clone();
        t.bytes.pop();
        assert_eq!(
            verify_all(n, &t),
            Err(ByteRangeError::Shape {
                what: "byte commitments",
                expected: NUM_BYTE_COLUMNS,
                got: NUM_BYTE_COLUMNS - 1
            })
        );
        let mut t = honest.clone();
        t.counts.push(t.counts[0].clone());
        assert!(matches!(
            verify_all(n, &t),
            Err(ByteRangeError::Shape {
                what: "count commitments",
                ..
            })
        ));
        let mut t = honest;
        t.proof.rest.byte_evals.0.pop();
        assert!(matches!(
            verify_all(n, &t),
            Err(ByteRangeError::Shape {
                what: "byte evaluations",
                ..
            })
        ));
    }

    #[test]
    fn rejects_other_cycle_counts() {
        let n = 4;
        let columns = random_columns(n);
        let t = prove_all(&polys(&columns), &ByteRangeWitness::new(&columns));
        for other in [n - 1, n + 1, 0] {
            assert!(matches!(
                verify_all(other, &t),
                Err(ByteRangeError::MemoryChecking(_))
            ));
        }
        assert_eq!(
            verify_all(MAX_LOG_CYCLES + 1, &t),
            Err(ByteRangeError::TooManyCycles(MAX_LOG_CYCLES + 1))
        );
    }
}
