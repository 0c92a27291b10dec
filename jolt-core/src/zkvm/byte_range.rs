//! Byte range check: every entry of the constraint system's `2·C` byte columns
//! (`x_byte_i`, `y_byte_i`, see [`super::constraints`]) is below `2^8`, by read-only offline
//! memory checking (Lasso) against the table of all byte pairs.
//!
//! # Equation
//! One memory of [`TABLE_SIZE`] `= 2^16` cells, cell `j` holding the pair
//! `(hi, lo) = (⌊j / 2^8⌋, j mod 2^8)`. The columns are read in [`NUM_PAIRS`] pairs
//! `(x_byte_k, y_byte_k)`, `k < C` (in the caller's order, column `k` with column `C + k`). The
//! cycle side is *slotted* ([`super::memory_common`]) with one slot per pair: entry
//! `k·2^n + t` reads the cell of the pair `(x_byte_k(t), y_byte_k(t))`. With `read_cts_k(t)`
//! the number of earlier reads of the same cell (slot-major order) and `final_cts(j)` all
//! reads of cell `j`, and the one-value fingerprint `h(a, v, t) = a·γ² + v·γ + t − τ`
//! ([`crate::lasso::memory_checking`]):
//! ```text
//!   read  = (x_byte_k(t), y_byte_k(t), read_cts_k(t))   write = (…, read_cts_k(t) + 1)
//!   init  = (hi(j), lo(j), 0)                           final = (hi(j), lo(j), final_cts(j))
//!   Π init · Π write = Π read · Π final
//! ```
//! At the slotted point `(r_slot, r_cycle)` the read tuple is the `eq(r_slot, k)`-weighted sum
//! over the pairs of `(x_byte_k(r_cycle), y_byte_k(r_cycle), read_cts_k(r_cycle))`; at the cell
//! point `r_mem = (r_hi ‖ r_lo)` the init tuple is `(Σ_j r_hi,j·2^{7−j}, Σ_j r_lo,j·2^{7−j}, 0)`,
//! computed by the verifier. Reading pairs, not single bytes, halves the reads and the count
//! columns for a table of `2^16` cells instead of `2^8`.
//!
//! # Why it proves the range
//! Fix a pair `(a, b)` that some read takes and that is not `(hi(j), lo(j))` for any cell `j`,
//! i.e. `a` or `b` is not a byte. Only reads and writes carry it (init and final hold the
//! table's pairs), so the multiset equation forces `{c : (a, b, c) read} = {c + 1 : (a, b, c)
//! read}`; summing both sides gives `N ≡ 0 (mod p)` for the `N > 0` reads of `(a, b)`,
//! impossible while `N < p` (here `N ≤ 2^{31}`, so no wrap-around). No count needs a range
//! check of its own.
//!
//! # Committed witness
//! The byte columns belong to the caller (they are the constraint system's columns, committed
//! and absorbed by it). This module's polynomials ([`ByteRangeWitness::polynomials`]) are the
//! [`NUM_PAIRS`] read-count columns (`2^n` entries each) then `final_cts` (`2^16`).
//!
//! # Soundness obligations
//! The caller absorbs the commitments to the byte columns and the count columns before
//! [`prove`]/[`verify`] (the fingerprint challenges are drawn after them), and MUST verify
//! the opening accumulator's batched opening: every evaluation the prover sends (bytes and
//! read counts at `r_cycle`, `final_cts` at `r_mem`) is only a claim until then. The
//! verifier computes the init tuples itself. The verifier and prover absorb the statement
//! (`n`, `log2` of the table) first and every evaluation they exchange.
//!
//! Variable order: `x_0` is the most significant bit of an index (on the cycle side the two
//! slot bits come first; a cell's high byte is its top eight bits).

use super::memory_common::{compact, identity_mle, slot_weights};
use crate::commitment::CommitmentScheme;
use crate::field::{Fr, JoltField};
use crate::lasso::memory_checking::{
    self, CheckLeaves, CheckSetup, CheckedProof, Fingerprint, MemoryCheckingClaims,
    MemoryCheckingError, MemoryCheckingOpenings, TupleEvals,
};
use crate::opening_accumulator::{ProverOpeningAccumulator, VerifierOpeningAccumulator};
use crate::poly::{EqPolynomial, MultilinearPolynomial};
use crate::subprotocols::grand_product::Leaves;
use crate::transcript::{Absorb, Transcript};
use crate::utils::serialization::SafeVec;
use ark_ff::{AdditiveGroup, Field};
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
/// Polynomials committed by this module: the read counts, then `final_cts`.
pub const NUM_COUNT_POLYS: usize = NUM_PAIRS + 1;
/// Largest supported `n` (`2^{n+2}` slotted reads stay far below the field size).
pub const MAX_LOG_CYCLES: usize = 29;

const STATEMENT: &[u8] = b"byte_range_statement";
const EVALS: &[u8] = b"byte_range_evals";

const _: () = assert!(NUM_PAIRS == 1 << LOG_SLOTS && NUM_BYTE_COLUMNS == 2 * NUM_PAIRS);

/// The cell of the byte pair `(hi, lo)`, if both are bytes.
fn cell(hi: u64, lo: u64) -> Option<usize> {
    (hi < 256 && lo < 256).then_some((hi << 8 | lo) as usize)
}

/// The counts of a byte range check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ByteRangeWitness {
    /// `n`: each byte column has `2^n` entries.
    pub log_cycles: usize,
    /// `read_cts[k][t]`: reads of the cell of pair `k` at cycle `t` before it (slot-major).
    pub read_cts: Vec<Vec<u64>>,
    /// `final_cts[i]`: all reads of cell `i` ([`TABLE_SIZE`] entries).
    pub final_cts: Vec<u64>,
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
        let mut final_cts = vec![0u64; TABLE_SIZE];
        let (high, low) = columns.split_at(NUM_PAIRS);
        let read_cts = high
            .iter()
            .zip(low)
            .map(|(high, low)| {
                high.iter()
                    .zip(low)
                    .map(|(&hi, &lo)| {
                        let count = cell(hi, lo)
                            .and_then(|j| final_cts.get_mut(j))
                            .unwrap_or_else(|| panic!("byte column entries {hi}, {lo} not bytes"));
                        *count += 1;
                        *count - 1
                    })
                    .collect()
            })
            .collect();
        Self {
            log_cycles: len.trailing_zeros() as usize,
            read_cts,
            final_cts,
        }
    }

    /// The committed polynomials: the [`NUM_PAIRS`] read counts, then final_cts.
    pub fn polynomials(&self) -> Vec<MultilinearPolynomial<Fr>> {
        self.read_cts
            .iter()
            .chain(std::iter::once(&self.final_cts))
            .map(|c| compact(c))
            .collect()
    }
}

/// A byte range proof (without its grand product, commitments and opening): the
/// evaluations at the grand product's points.
#[derive(Clone, Debug, PartialEq, Eq, CanonicalSerialize, CanonicalDeserialize)]
pub struct ByteRangeProof {
    /// `byte_k(r_cycle)` for every column `k`.
    pub byte_evals: SafeVec<Fr>,
    /// `read_cts_k(r_cycle)` for every pair `k`.
    pub read_cts_evals: SafeVec<Fr>,
    /// `final_cts(r_mem)`.
    pub final_cts_eval: Fr,
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
    /// The memory check failed (an entry is not a byte, or the counts lie).
    #[error("byte range: {0}")]
    MemoryChecking(MemoryCheckingError),
}

fn statement(log_cycles: usize, transcript: &mut Transcript) {
    transcript.append_u64(STATEMENT, log_cycles as u64);
    transcript.append_u64(STATEMENT, LOG_TABLE as u64);
}

/// Absorbs the statement, draws the fingerprint and returns the leaves for the grand
/// product: the reads `h(x_byte_k(t), y_byte_k(t), read_cts_k(t))` computed from the integer
/// columns when read (never stored), the writes as `read + 1`, the table's `init` and `final`
/// stored.
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
    let n = witness.log_cycles;
    assert_eq!(bytes.len(), NUM_BYTE_COLUMNS, "byte column count");
    assert!(
        bytes.iter().all(|p| p.num_vars() == n),
        "byte columns have 2^n entries"
    );
    statement(n, transcript);
    let fp = Fingerprint::<Fr>::draw(transcript);
    let ifp = fp.integers();
    let f = Fr::from_u64;
    let mask = (1usize << n) - 1;
    // A byte column the prover holds as field elements takes the field path.
    let read = move |i: usize| -> Fr {
        let (slot, t) = (i >> n, i & mask);
        let count = witness.read_cts[slot][t];
        let (high, low) = (&bytes[slot], &bytes[NUM_PAIRS + slot]);
        match (high.get_small(t), low.get_small(t)) {
            (Some(hi), Some(lo)) => ifp.h(hi, lo, count),
            _ => fp.h(high.get(t), &[low.get(t)], f(count)),
        }
    };
    let init = fp.leaves_vec(TABLE_SIZE, 1, |j, lo| {
        lo[0] = f(j as u64 & 0xff);
        (f(j as u64 >> 8), Fr::ZERO)
    });
    let fin: Vec<Fr> = init
        .iter()
        .zip(&witness.final_cts)
        .map(|(h, c)| *h + f(*c))
        .collect();
    CheckLeaves::new(
        vec![memory_checking::read_only_computed_leaves(
            NUM_PAIRS << n,
            read,
        )],
        vec![(Leaves::Values(init), Leaves::Values(fin))],
    )
}

/// After the grand product: the evaluations of the byte columns and the counts at its
/// points, absorbed and accumulated.
#[tracing::instrument(skip_all, name = "byte range check")]
pub fn prove_evals<PCS: CommitmentScheme>(
    bytes: &[MultilinearPolynomial<Fr>],
    witness: &ByteRangeWitness,
    openings: &MemoryCheckingOpenings<Fr>,
    transcript: &mut Transcript,
    accumulator: &mut ProverOpeningAccumulator<PCS>,
) -> ByteRangeProof {
    let (r_slotted, r_mem) = (&openings.r_cycle[0], &openings.r_mem[0]);
    let r_cycle = r_slotted[LOG_SLOTS..].to_vec();
    let mut counts = witness.polynomials();
    let final_poly = counts.pop().expect("final_cts is last");
    // `p(r) = Σ_x eq(r, x)·p(x)`, one `eq` table per point.
    let mut open = |polys: Vec<MultilinearPolynomial<Fr>>, point: &[Fr], eq: &[Fr]| -> Vec<Fr> {
        let evals: Vec<Fr> = polys
            .into_iter()
            .map(|p| {
                let v = p.dot(eq);
                accumulator.append(p, point.to_vec(), v);
                v
            })
            .collect();
        transcript.append_scalars(EVALS, &evals);
        evals
    };
    let eq_cycle = EqPolynomial::evals(&r_cycle);
    let byte_evals = open(bytes.to_vec(), &r_cycle, &eq_cycle);
    let read_cts_evals = open(counts, &r_cycle, &eq_cycle);
    let eq_mem = EqPolynomial::evals(r_mem);
    let final_cts_eval = open(vec![final_poly], r_mem, &eq_mem)[0];
    ByteRangeProof {
        byte_evals: byte_evals.into(),
        read_cts_evals: read_cts_evals.into(),
        final_cts_eval,
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

/// The verifier's side before the grand product: checks the proof's shape, absorbs the
/// statement and draws the fingerprint. `byte_commitments`: [`NUM_BYTE_COLUMNS`];
/// `count_commitments`: [`NUM_COUNT_POLYS`] (read counts then final). Returns the check's statement in the grand product (its one memory's
/// sizes and the fingerprint).
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
    shape(
        "read count evaluations",
        NUM_PAIRS,
        proof.read_cts_evals.len(),
    )?;
    statement(log_cycles, transcript);
    let fp = Fingerprint::<Fr>::draw(transcript);
    Ok(CheckSetup {
        sizes: vec![(log_cycles + LOG_SLOTS, LOG_TABLE)],
        lookup_sizes: Vec::new(),
        fingerprint: fp,
    })
}

/// The verifier's side after the grand product: checks the leaf claims against the proof's
/// evaluations (the table's `init` computed here) and accumulates them against the
/// commitments. The caller verifies the batched opening.
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
    let Some((final_commitment, read_cts_commitments)) = count_commitments.split_last() else {
        return Err(ByteRangeError::Shape {
            what: "count commitments",
            expected: NUM_COUNT_POLYS,
            got: 0,
        });
    };
    let (r_slotted, r_mem) = claims
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
    let (hi, lo) = (dot(high), dot(low));
    let cts = dot(&proof.read_cts_evals);
    let read = TupleEvals::new(hi, vec![lo], cts);
    let write = TupleEvals::new(hi, vec![lo], cts + Fr::ONE);
    claims
        .check_cycle_side(&[read], &[write])
        .map_err(ByteRangeError::MemoryChecking)?;
    let (r_hi, r_lo) = r_mem.split_at(r_mem.len() / 2);
    let (cell_hi, cell_lo) = (identity_mle(r_hi), identity_mle(r_lo));
    let init = TupleEvals::new(cell_hi, vec![cell_lo], Fr::ZERO);
    let fin = TupleEvals::new(cell_hi, vec![cell_lo], proof.final_cts_eval);
    claims
        .check_memory_side(&[init], &[fin])
        .map_err(ByteRangeError::MemoryChecking)?;

    // Evaluations, in the prover's order.
    let mut open = |commitments: &[PCS::Commitment], evals: &[Fr], point: &[Fr]| {
        for (c, v) in commitments.iter().zip(evals) {
            accumulator.append(c.clone(), point.to_vec(), *v);
        }
        transcript.append_scalars(EVALS, evals);
    };
    open(byte_commitments, &proof.byte_evals, r_cycle);
    open(read_cts_commitments, &proof.read_cts_evals, r_cycle);
    open(
        std::slice::from_ref(final_commitment),
        std::slice::from_ref(&proof.final_cts_eval),
        r_mem,
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

    fn multiset_mismatch() -> ByteRangeError {
        ByteRangeError::MemoryChecking(MemoryCheckingError::MultisetMismatch { memory: 0 })
    }

    #[test]
    fn witness_counts_every_read() {
        let columns = random_columns(4);
        let w = ByteRangeWitness::new(&columns);
        assert_eq!(w.log_cycles, 4);
        assert_eq!(w.final_cts.iter().sum::<u64>(), (NUM_PAIRS << 4) as u64);
        for (j, &f) in w.final_cts.iter().enumerate() {
            let mut counts: Vec<u64> = (0..NUM_PAIRS)
                .flat_map(|k| {
                    let (high, low, cts) = (&columns[k], &columns[NUM_PAIRS + k], &w.read_cts[k]);
                    (0..16)
                        .filter_map(move |t| (cell(high[t], low[t]) == Some(j)).then_some(cts[t]))
                })
                .collect();
            counts.sort_unstable();
            assert_eq!(counts, (0..f).collect::<Vec<_>>(), "cell {j}");
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
        assert_eq!(verify_all(n, &t), Err(multiset_mismatch()));
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
        assert_eq!(verify_all(n, &t), Err(multiset_mismatch()));
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
        assert_eq!(verify_all(n, &t), Err(multiset_mismatch()));
    }

    #[test]
    fn rejects_tampered_read_counts() {
        let n = 5;
        let columns = random_columns(n);
        let honest = ByteRangeWitness::new(&columns);
        let mut w = honest.clone();
        w.read_cts[2][9] += 1;
        assert_eq!(
            verify_all(n, &prove_all(&polys(&columns), &w)),
            Err(multiset_mismatch())
        );
        let mut w = honest;
        let read_cell = cell(columns[0][0], columns[NUM_PAIRS][0]).expect("bytes");
        w.final_cts[read_cell] += 1;
        assert_eq!(
            verify_all(n, &prove_all(&polys(&columns), &w)),
            Err(multiset_mismatch())
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
        let mut t = honest;
        t.proof.rest.final_cts_eval += Fr::ONE;
        assert!(matches!(
            verify_all(n, &t),
            Err(ByteRangeError::MemoryChecking(
                MemoryCheckingError::LeafMismatch { .. }
            ))
        ));
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
        t.proof.rest.read_cts_evals.0.clear();
        assert!(matches!(
            verify_all(n, &t),
            Err(ByteRangeError::Shape {
                what: "read count evaluations",
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
