//! Bytecode: lookups proving that every cycle executes a row of the program.
//!
//! The table is the verifier's bytecode table ([`super::bytecode::program_rows`], padded with
//! all-zero rows to `2^m`); cell `j` holds the vector of the row's
//! [`BytecodeTable::num_fields`] fields ([`field_values`]: address, step, rs1, rs2, rd, imm,
//! the 14 circuit flags, then one flag per lookup table, set for the row's table). Cycle `t`
//! reads cell `row(t)` with the fields the constraint system uses. Every flag of a cell is 0
//! or 1 and at most one table flag is set, so the check also proves that every cycle's flags
//! are boolean and its table flags one-hot (or all zero): the constraint system needs no
//! booleanity constraint for them. With the vector fingerprint
//! `h(a, v) = (a·γ^k + Σ_j v_j·γ^{k−j})·γ − τ`
//! ([`crate::lasso::memory_checking`]) and the multiplicity `m(j)` of row `j` (its number of
//! cycles), by sums of fractions ([`crate::lasso::memory_checking::lookups`]):
//! ```text
//!   Σ_t 1 / h(row(t), fields(t))  =  Σ_j m(j) / h(j, table_j)
//! ```
//! # Committed witness
//! `row` and the field columns (`2^n` entries each), then `m` (`2^m`). In the
//! full zkVM the row and field columns are the constraint system's columns (the same
//! commitments); here they are committed on their own.
//!
//! # Soundness
//! The verifier computes `init`/`final`'s address and table values itself, from the program:
//! the table MLEs cost `O(2^m)` field operations per field, the table flags only their
//! non-zero entries (acceptable for now; a preprocessed commitment to the table would make it
//! `O(m)` plus openings). Every evaluation
//! the prover sends goes to the opening accumulator, whose batched opening the caller MUST
//! verify ([`verify_standalone`] does). That cycle 0 executes the entry row and the padding
//! rows are the no-op row are the constraint system's obligations.
//!
//! Variable order: `x_0` is the most significant bit of a cycle or row index.

use super::bytecode::{Flag, RowFields};
use super::memory_common::{self, compact, identity_mle, public_mles, StandaloneProof};
use crate::commitment::CommitmentScheme;
use crate::field::{Fr, JoltField};
use crate::lasso::memory_checking::{
    self, CheckLeaves, CheckSetup, CheckedProof, Fingerprint, LookupLeaves, MemoryCheckingClaims,
    MemoryCheckingError, MemoryCheckingOpenings,
};
use crate::opening_accumulator::{
    AccumulatorError, ProverOpeningAccumulator, VerifierOpeningAccumulator,
};
use crate::poly::{EqPolynomial, MultilinearPolynomial};
use crate::subprotocols::grand_product::Leaves;
use crate::transcript::{Absorb, Transcript};
use crate::utils::serialization::SafeVec;
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize};

/// Fields of a bytecode cell before its table flags: address, step, rs1, rs2, rd, imm and the
/// circuit flags.
pub const ROW_FIELDS: usize = 6 + Flag::ALL.len();
/// Largest supported `n` (counts are `u32`).
pub const MAX_LOG_CYCLES: usize = 31;

const STATEMENT: &[u8] = b"bytecode_statement";
const EVALS: &[u8] = b"bytecode_evals";

/// The value vector of a row in a bytecode table of `num_tables` lookup tables: the
/// [`ROW_FIELDS`], then the table flags (a row's table index is below `num_tables` by
/// construction of the key).
pub fn field_values(f: &RowFields, num_tables: usize) -> Vec<u64> {
    let mut v = vec![
        f.address.into(),
        f.step.into(),
        f.rs1.into(),
        f.rs2.into(),
        f.rd.into(),
        f.imm.into(),
    ];
    v.extend(f.flags.map(u64::from));
    v.resize(ROW_FIELDS + num_tables, 0);
    if let Some(flag) = f.table.and_then(|k| v.get_mut(ROW_FIELDS + k)) {
        *flag = 1;
    }
    v
}

/// The verifier's table: the program's rows (ending with the no-op row), padded to `2^m`.
#[derive(Clone, Debug)]
pub struct BytecodeTable {
    /// The rows' value vectors (each of [`Self::num_fields`] values).
    pub values: Vec<Vec<u64>>,
    /// The number of lookup tables (of table flags).
    pub num_tables: usize,
    /// `m`.
    pub log_size: usize,
}

impl BytecodeTable {
    /// From [`super::bytecode::program_rows`], for a constraint system of `num_tables` lookup
    /// tables.
    pub fn new(rows: &[RowFields], num_tables: usize) -> Self {
        let values: Vec<_> = rows.iter().map(|r| field_values(r, num_tables)).collect();
        let log_size = values.len().max(1).next_power_of_two().trailing_zeros() as usize;
        Self {
            values,
            num_tables,
            log_size,
        }
    }

    /// Values per cell.
    pub fn num_fields(&self) -> usize {
        ROW_FIELDS + self.num_tables
    }

    /// Committed polynomials: row, the fields, the multiplicities.
    pub fn num_polys(&self) -> usize {
        self.num_fields() + 2
    }

    pub(super) fn value(&self, j: usize, k: usize) -> u64 {
        self.values
            .get(j)
            .and_then(|v| v.get(k))
            .copied()
            .unwrap_or(0)
    }
}

/// Why a bytecode proof was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BytecodeError {
    /// A wrong number of commitments or evaluations.
    #[error("bytecode: {what} has {got} entries, expected {expected}")]
    Shape {
        /// The part of the proof or statement with the wrong length (e.g. `"commitments"`).
        what: &'static str,
        /// The length the verifier derives from the statement.
        expected: usize,
        /// The length it has.
        got: usize,
    },
    /// Too many cycles.
    #[error("bytecode: 2^{0} cycles is not supported")]
    TooManyCycles(usize),
    /// The lookups failed (a cycle read a row that is not in the program).
    #[error("bytecode: {0}")]
    MemoryChecking(MemoryCheckingError),
    /// The batched opening failed.
    #[error("bytecode: {0}")]
    Opening(AccumulatorError),
    /// The proof bytes do not decode.
    #[error("bytecode: malformed proof bytes")]
    Deserialization,
}

/// The bytecode witness: its row and field columns as compact polynomials, and the
/// multiplicities (tests tamper with both).
#[derive(Clone, Debug)]
pub struct BytecodeWitness {
    /// `n`.
    pub log_cycles: usize,
    /// `row` then the table's fields, `2^n` entries each (compact; in the zkVM, the
    /// constraint system's columns themselves).
    pub columns: Vec<MultilinearPolynomial<Fr>>,
    /// Reads per row (`2^m`).
    pub multiplicities: Vec<u64>,
}

impl BytecodeWitness {
    /// The witness of cycles executing `cycle_rows`, padded to `2^n ≥ 2` with the no-op row
    /// (the table's last row).
    pub fn new(table: &BytecodeTable, cycle_rows: &[u32]) -> Self {
        let len = cycle_rows.len().max(2).next_power_of_two();
        let noop = table.values.len().saturating_sub(1) as u64;
        let rows: Vec<u64> = (0..len)
            .map(|t| cycle_rows.get(t).map_or(noop, |&r| r.into()))
            .collect();
        let mut columns = vec![rows.clone()];
        for k in 0..table.num_fields() {
            columns.push(rows.iter().map(|&r| table.value(r as usize, k)).collect());
        }
        Self::from_columns(table, columns)
    }

    /// The witness of given row and field columns (multiplicities recomputed from the row
    /// column).
    pub fn from_columns(table: &BytecodeTable, columns: Vec<Vec<u64>>) -> Self {
        Self::from_polynomials(table, columns.iter().map(|c| compact(c)).collect())
    }

    /// The witness of given compact row and field polynomials (multiplicities recomputed from
    /// the row polynomial).
    ///
    /// # Panics
    /// If a polynomial is dense, or a row index is outside the table.
    pub fn from_polynomials(
        table: &BytecodeTable,
        columns: Vec<MultilinearPolynomial<Fr>>,
    ) -> Self {
        let len = columns[0].len();
        let mut multiplicities = vec![0u64; 1 << table.log_size];
        for t in 0..len {
            multiplicities[small(&columns[0], t) as usize] += 1;
        }
        Self {
            log_cycles: len.trailing_zeros() as usize,
            columns,
            multiplicities,
        }
    }

    /// The integer columns (`row` then the fields), for tests to tamper with.
    #[cfg(test)]
    pub(crate) fn integer_columns(&self) -> Vec<Vec<u64>> {
        self.columns
            .iter()
            .map(|c| (0..c.len()).map(|t| small(c, t)).collect())
            .collect()
    }

    /// The committed polynomials, in order.
    pub fn polynomials(&self) -> Vec<MultilinearPolynomial<Fr>> {
        let mut polys = self.columns.clone();
        polys.push(compact(&self.multiplicities));
        polys
    }
}

/// Entry `t` of a compact polynomial.
fn small(p: &MultilinearPolynomial<Fr>, t: usize) -> u64 {
    p.get_small(t).expect("bytecode columns are compact")
}

/// A bytecode proof (without its GKR, commitments and opening): the read tuple's
/// evaluations at the reads' point (the multiplicities' is the GKR's claim).
#[derive(Clone, Debug, PartialEq, Eq, CanonicalSerialize, CanonicalDeserialize)]
pub struct BytecodeProof {
    /// `row, fields…` at `r_cycle`.
    pub cycle_evals: SafeVec<Fr>,
}

fn statement(table: &BytecodeTable, log_cycles: usize, transcript: &mut Transcript) {
    transcript.append_u64(STATEMENT, log_cycles as u64);
    transcript.append_u64(STATEMENT, table.log_size as u64);
}

/// Absorbs the statement, draws the fingerprint and computes the leaves of `witness` for the
/// GKR (commitments absorbed by the caller): the reads, the table and the multiplicities,
/// stored.
#[tracing::instrument(skip_all, name = "bytecode leaves")]
pub fn leaves(
    table: &BytecodeTable,
    witness: &BytecodeWitness,
    transcript: &mut Transcript,
) -> CheckLeaves<'static, Fr> {
    let fp = fingerprint_setup(table, witness.log_cycles, transcript).fingerprint;
    leaves_with(table, witness, fp)
}

/// The leaves of [`leaves`] under the fingerprint `fp` (already drawn).
pub(super) fn leaves_with(
    table: &BytecodeTable,
    witness: &BytecodeWitness,
    fp: Fingerprint<Fr>,
) -> CheckLeaves<'static, Fr> {
    let cols = &witness.columns;
    let reads = fp.integer_leaves_vec(cols[0].len(), table.num_fields(), |t, v| {
        for (x, c) in v.iter_mut().zip(&cols[1..]) {
            *x = small(c, t);
        }
        (small(&cols[0], t), 0)
    });
    let table_leaves = fp.integer_leaves_vec(1 << table.log_size, table.num_fields(), |j, v| {
        for (k, x) in v.iter_mut().enumerate() {
            *x = table.value(j, k);
        }
        (j as u64, 0)
    });
    let multiplicities = witness
        .multiplicities
        .iter()
        .map(|m| Fr::from_u64(*m))
        .collect::<Vec<_>>();
    CheckLeaves::lookups(vec![LookupLeaves {
        reads: Leaves::Values(reads),
        table: Leaves::Values(table_leaves),
        multiplicities: Leaves::Values(multiplicities),
    }])
}

/// After the GKR: the read tuple's evaluations at the reads' point, absorbed and
/// accumulated, and the multiplicities' claim accumulated.
#[tracing::instrument(skip_all, name = "bytecode check")]
pub fn prove_evals<PCS: CommitmentScheme>(
    witness: &BytecodeWitness,
    openings: &MemoryCheckingOpenings<Fr>,
    transcript: &mut Transcript,
    accumulator: &mut ProverOpeningAccumulator<PCS>,
) -> BytecodeProof {
    let lookups = &openings.lookups;
    let (r_cycle, r_mem) = (&lookups.r_read[0], &lookups.r_table[0]);
    let mut polys = witness.polynomials();
    let multiplicities = polys.pop().expect("the multiplicities are last");
    let eq_cycle = EqPolynomial::evals(r_cycle);
    let cycle_evals: Vec<Fr> = polys.iter().map(|p| p.dot(&eq_cycle)).collect();
    transcript.append_scalars(EVALS, &cycle_evals);
    for (p, v) in polys.into_iter().zip(&cycle_evals) {
        accumulator.append(p, r_cycle.clone(), *v);
    }
    accumulator.append(multiplicities, r_mem.clone(), lookups.multiplicity[0]);
    BytecodeProof {
        cycle_evals: cycle_evals.into(),
    }
}

/// Proves the bytecode reads of `witness` with their own grand product (commitments absorbed
/// by the caller); every claim goes to `accumulator`.
pub fn prove<PCS: CommitmentScheme>(
    table: &BytecodeTable,
    witness: &BytecodeWitness,
    transcript: &mut Transcript,
    accumulator: &mut ProverOpeningAccumulator<PCS>,
) -> CheckedProof<Fr, BytecodeProof> {
    let check = leaves(table, witness, transcript);
    let (memory_checking, openings) = memory_checking::prove(check, transcript);
    CheckedProof {
        memory_checking,
        rest: prove_evals(witness, &openings, transcript, accumulator),
    }
}

/// The verifier's side before the GKR: checks the proof's shape, absorbs the statement and
/// draws the fingerprint. Returns the check's statement in the GKR (its one read-only
/// memory's sizes and the fingerprint).
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
    table: &BytecodeTable,
    log_cycles: usize,
    num_commitments: usize,
    proof: &BytecodeProof,
    transcript: &mut Transcript,
) -> Result<CheckSetup<Fr>, BytecodeError> {
    if log_cycles > MAX_LOG_CYCLES {
        return Err(BytecodeError::TooManyCycles(log_cycles));
    }
    let shape = |what, expected: usize, got: usize| {
        if expected == got {
            Ok(())
        } else {
            Err(BytecodeError::Shape {
                what,
                expected,
                got,
            })
        }
    };
    shape("commitments", table.num_polys(), num_commitments)?;
    shape(
        "cycle evaluations",
        table.num_polys() - 1,
        proof.cycle_evals.len(),
    )?;
    Ok(fingerprint_setup(table, log_cycles, transcript))
}

/// Absorbs the statement, draws the fingerprint and returns the check's statement in the
/// GKR (shared with the zero-knowledge check, [`super::bytecode_zk`]).
pub(super) fn fingerprint_setup(
    table: &BytecodeTable,
    log_cycles: usize,
    transcript: &mut Transcript,
) -> CheckSetup<Fr> {
    statement(table, log_cycles, transcript);
    CheckSetup {
        sizes: Vec::new(),
        lookup_sizes: vec![(log_cycles, table.log_size)],
        fingerprint: Fingerprint::<Fr>::draw(transcript),
    }
}

/// The verifier's side after the GKR: checks the read claim against the proof's tuple
/// evaluations and the table claim against the table's own MLEs, and accumulates the
/// evaluations against `commitments`. The caller MUST verify `accumulator`'s opening.
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
    table: &BytecodeTable,
    commitments: &[PCS::Commitment],
    proof: &BytecodeProof,
    claims: &MemoryCheckingClaims<Fr>,
    transcript: &mut Transcript,
    accumulator: &mut VerifierOpeningAccumulator<PCS>,
) -> Result<(), BytecodeError> {
    let (Some((row, fields)), Some((multiplicity_commitment, cycle_commitments))) =
        (proof.cycle_evals.split_first(), commitments.split_last())
    else {
        return Err(BytecodeError::Shape {
            what: "commitments",
            expected: table.num_polys(),
            got: 0,
        });
    };
    let lookups = &claims.lookups;
    let (Some((r_cycle, r_mem)), [multiplicity]) =
        (lookups.shared_points(), lookups.multiplicities())
    else {
        return Err(BytecodeError::MemoryChecking(
            MemoryCheckingError::NoMemories,
        ));
    };
    lookups
        .check_reads(&[(*row, fields.to_vec())])
        .map_err(BytecodeError::MemoryChecking)?;
    let table_evals = public_mles(r_mem, table.num_fields(), |j, k| table.value(j, k));
    lookups
        .check_table(&[(identity_mle(r_mem), table_evals)])
        .map_err(BytecodeError::MemoryChecking)?;
    transcript.append_scalars(EVALS, &proof.cycle_evals);
    for (c, v) in cycle_commitments.iter().zip(proof.cycle_evals.iter()) {
        accumulator.append(c.clone(), r_cycle.to_vec(), *v);
    }
    accumulator.append(
        multiplicity_commitment.clone(),
        r_mem.to_vec(),
        *multiplicity,
    );
    Ok(())
}

/// Verifies a bytecode proof with its own grand product for `2^log_cycles` cycles against the
/// [`BytecodeTable::num_polys`] `commitments` (absorbed by the caller). The caller MUST verify
/// `accumulator`'s opening.
pub fn verify<PCS: CommitmentScheme>(
    table: &BytecodeTable,
    log_cycles: usize,
    commitments: &[PCS::Commitment],
    proof: &CheckedProof<Fr, BytecodeProof>,
    transcript: &mut Transcript,
    accumulator: &mut VerifierOpeningAccumulator<PCS>,
) -> Result<(), BytecodeError> {
    let setup = verify_fingerprint(
        table,
        log_cycles,
        commitments.len(),
        &proof.rest,
        transcript,
    )?;
    let claims = memory_checking::verify(&setup, &proof.memory_checking, transcript)
        .map_err(BytecodeError::MemoryChecking)?;
    verify_evals(
        table,
        commitments,
        &proof.rest,
        &claims,
        transcript,
        accumulator,
    )
}

/// A self-contained bytecode proof.
pub type BytecodeStandaloneProof<PCS> = StandaloneProof<PCS, CheckedProof<Fr, BytecodeProof>>;

/// Commits to `witness`, proves it and opens every claim.
pub fn prove_standalone<PCS: CommitmentScheme>(
    table: &BytecodeTable,
    setup: &PCS::ProverSetup,
    witness: &BytecodeWitness,
    transcript: &mut Transcript,
) -> BytecodeStandaloneProof<PCS> {
    StandaloneProof::prove_with(
        setup,
        memory_common::commit::<PCS>(setup, &witness.polynomials()),
        transcript,
        |c, t| memory_common::absorb::<PCS>(c, t),
        |transcript, accumulator| prove(table, witness, transcript, accumulator),
    )
}

/// Verifies a [`BytecodeStandaloneProof`] for `2^log_cycles` cycles.
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
pub fn verify_standalone<PCS: CommitmentScheme>(
    table: &BytecodeTable,
    setup: &PCS::VerifierSetup,
    log_cycles: usize,
    proof: &BytecodeStandaloneProof<PCS>,
    transcript: &mut Transcript,
) -> Result<(), BytecodeError> {
    proof.verify_with(
        setup,
        transcript,
        |c, t| memory_common::absorb::<PCS>(c, t),
        |commitments, bytecode_proof, transcript, accumulator| {
            verify(
                table,
                log_cycles,
                commitments,
                bytecode_proof,
                transcript,
                accumulator,
            )
        },
        BytecodeError::Opening,
    )
}

/// Decodes (compressed, validated, no trailing bytes) and verifies.
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
pub fn verify_standalone_bytes<PCS: CommitmentScheme>(
    table: &BytecodeTable,
    setup: &PCS::VerifierSetup,
    log_cycles: usize,
    bytes: &[u8],
    transcript: &mut Transcript,
) -> Result<(), BytecodeError> {
    let proof: BytecodeStandaloneProof<PCS> = crate::utils::serialization::from_bytes(bytes)
        .map_err(|_| BytecodeError::Deserialization)?;
    verify_standalone(table, setup, log_cycles, &proof, transcript)
}
