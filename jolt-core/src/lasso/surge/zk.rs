//! Surge in zero knowledge: the lookup argument of the [module documentation](super) with
//! hiding commitments, every message a committed row of a BlindFold [`Circuit`], and the
//! verifier's checks as constraints.
//!
//! * `lookup_output(r)` is a row; it is the committed primary sumcheck's hidden claim.
//! * The primary sumcheck (degree `2 + max deg g`) commits its rounds; `flag_f(r_z)` and
//!   `E_m(r_z)` are rows, and its final check
//!   `c = eq(r, r_z) · Σ_f flag_f · g_f(E)` is recorded with each table's `g_f` as a circuit
//!   ([`BoundedPolynomial`], recovered from the table's `combine_lookups`), one more product
//!   per table for its flag.
//! * Memory checking runs in zero knowledge ([`crate::lasso::memory_checking::zk`]); the
//!   evaluations `dim_i(r_cycle)`, `E_m(r_cycle)` are rows, the read leaves are constrained to
//!   their fingerprints, and the table leaves to the subtables' MLEs the verifier computes.
//! * Every evaluation goes to the zero-knowledge opening accumulator with its hidden value.
//!
//! # Soundness
//! The transparent verifier's checks on committed values under the same challenges; a table
//! whose `combine_lookups` is not of its stated degree is refused when the circuits are
//! built ([`SurgeCircuits::new`]), since the recovered polynomial would not be `g`.
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

use super::primary::PrimarySumcheck;
use super::prove::lookup_leaves;
use super::verify::{read_tuples, table_tuples};
use super::{SurgeCommitments, SurgeError, SurgePreprocessing, SurgeWitness, MAX_LOG_CYCLES};
use crate::commitment::dory::zk;
use crate::commitment::dory::{Dory, DorySetup};
use crate::field::Fr;
use crate::lasso::labels;
use crate::lasso::memory_checking::verify::CheckStatement;
use crate::lasso::memory_checking::zk::{
    prove_batch_zk, verify_batch_zk, ZkMemoryCheckingClaims, ZkMemoryCheckingProof,
};
use crate::lasso::memory_checking::{Fingerprint, MemoryCheckingError};
use crate::opening_accumulator::zk::{ZkProverAccumulator, ZkVerifierAccumulator};
use crate::poly::{EqPolynomial, MultilinearPolynomial};
use crate::subprotocols::blindfold::interpolation::BoundedPolynomial;
use crate::subprotocols::blindfold::sumcheck::{self as committed, CommittedSumcheckProof};
use crate::subprotocols::blindfold::{Circuit, Lc, PedersenGenerators, ROW_WIDTH};
use crate::subprotocols::sumcheck::SumcheckInstance;
use crate::transcript::{Absorb, Sample, Transcript};
use crate::utils::serialization::SafeVec;
use ark_bn254::G1Affine;
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize};
use ark_std::rand::{CryptoRng, RngCore};
use jolt_instructions::{C, LOG_M};

/// The blinds of hiding commitments to a Surge witness, in the layout of [`SurgeCommitments`].
#[derive(Clone, Debug)]
pub struct SurgeBlinds {
    /// `dim_i`'s.
    pub dim: Vec<Fr>,
    /// `E_m`'s.
    pub e_polys: Vec<Fr>,
    /// `m_i`'s.
    pub multiplicities: Vec<Fr>,
    /// `flag_f`'s.
    pub flags: Vec<Fr>,
    /// `lookup_output`'s.
    pub lookup_output: Fr,
}

/// Hiding Dory commitments to every polynomial of `witness`, and their blinds.
pub fn commit_hiding<R: RngCore + CryptoRng>(
    witness: &SurgeWitness,
    setup: &DorySetup,
    rng: &mut R,
) -> (SurgeCommitments<Dory>, SurgeBlinds) {
    let (commitments, blinds): (Vec<_>, Vec<_>) = witness
        .polys()
        .into_iter()
        .map(|p| zk::commit_hiding(setup, p, rng))
        .unzip();
    let (dim, e_polys, multiplicities, flags, lookup_output) = witness.split(commitments);
    let (b_dim, b_e, b_m, b_f, b_out) = witness.split(blinds);
    (
        SurgeCommitments {
            dim: dim.into(),
            e_polys: e_polys.into(),
            multiplicities: multiplicities.into(),
            flags: flags.into(),
            lookup_output,
        },
        SurgeBlinds {
            dim: b_dim,
            e_polys: b_e,
            multiplicities: b_m,
            flags: b_f,
            lookup_output: b_out,
        },
    )
}

/// Each table's `g_f` as a polynomial the circuit can evaluate.
pub struct SurgeCircuits {
    tables: Vec<BoundedPolynomial>,
}

impl SurgeCircuits {
    /// Recovers every table's `g_f` from `combine_lookups` and its degree, and checks the
    /// recovery at points derived from the table's name. `None` if a table's `g` is not of
    /// its stated degree.
    pub fn new(pre: &SurgePreprocessing) -> Option<Self> {
        let mut tables = Vec::with_capacity(pre.num_tables());
        for (f, table) in pre.tables().iter().enumerate() {
            let k = pre.table_memories(f).len();
            let g = |x: &[Fr]| table.combine_lookups(x);
            let poly = BoundedPolynomial::interpolate(k, table.g_degree(), g);
            let mut t = Transcript::new(b"surge table check");
            t.append_bytes(labels::SURGE_STATEMENT, table.name().as_bytes());
            let points: Vec<Vec<Fr>> = (0..2)
                .map(|_| t.challenge_vector(labels::SURGE_PRIMARY_POINT, k))
                .collect();
            if !poly.agrees_with(g, &points) {
                return None;
            }
            tables.push(poly);
        }
        Some(Self { tables })
    }

    /// `Σ_f flag_f · g_f(E)` over hidden flags and memory values.
    fn combine(
        &self,
        pre: &SurgePreprocessing,
        circuit: &mut Circuit,
        flags: &[Lc],
        e: &[Lc],
    ) -> Lc {
        let mut total = Lc::default();
        for (f, (poly, flag)) in self.tables.iter().zip(flags).enumerate() {
            let values: Vec<Lc> = pre
                .table_memories(f)
                .iter()
                .map(|m| e.get(*m).cloned().unwrap_or_default())
                .collect();
            let g = poly.evaluate_in(circuit, &values);
            total.add_scaled(&circuit.product(flag, &g), ark_ff::Field::ONE);
        }
        total
    }
}

/// A zero-knowledge Surge proof.
#[derive(Clone, Debug, PartialEq, Eq, CanonicalSerialize, CanonicalDeserialize)]
pub struct ZkSurgeProof {
    /// The row of `lookup_output(r)`.
    pub lookup_output: G1Affine,
    /// The primary sumcheck's rounds.
    pub primary: CommittedSumcheckProof,
    /// The rows of `flag_f(r_z)`, then `E_m(r_z)`.
    pub primary_evals: SafeVec<G1Affine>,
    /// The zero-knowledge GKR of the `C` memories.
    pub memory_checking: ZkMemoryCheckingProof,
    /// The rows of `dim_i(r_cycle)`, then `E_m(r_cycle)`.
    pub memory_evals: SafeVec<G1Affine>,
}

/// The variables of `count` values received as rows under `label`.
fn receive_rows(
    rows: &[G1Affine],
    count: usize,
    label: &'static [u8],
    circuit: &mut Circuit,
    transcript: &mut Transcript,
) -> Result<Vec<Lc>, SurgeError> {
    circuit
        .verifier_rows(rows, count, label, transcript)
        .ok_or(SurgeError::Shape {
            what: "evaluation rows",
            expected: count.div_ceil(ROW_WIDTH),
            got: rows.len(),
        })
}

/// The memory checks' leaf constraints: reads against the hidden `dim`, `E` evaluations,
/// tables against the subtables' MLEs at `r_mem`.
fn leaf_checks(
    pre: &SurgePreprocessing,
    circuit: &mut Circuit,
    claims: &ZkMemoryCheckingClaims,
    dim: &[Lc],
    e: &[Lc],
) -> Result<(), SurgeError> {
    let r_mem = claims
        .openings
        .lookups
        .r_table
        .first()
        .ok_or(SurgeError::MemoryChecking(MemoryCheckingError::NoMemories))?;
    claims
        .check_reads(circuit, &read_tuples(pre, dim, e)?)
        .map_err(SurgeError::MemoryChecking)?;
    claims
        .check_table(circuit, &table_tuples(pre, r_mem)?)
        .map_err(SurgeError::MemoryChecking)
}

/// Proves the lookups of `witness` in zero knowledge. The caller must have absorbed the
/// hiding commitments (with `blinds`); the claims go to `accumulator`.
///
/// # Panics
/// On a verifier's circuit, or if a table's `g` is not of its stated degree.
#[allow(
    clippy::too_many_arguments,
    clippy::expect_used,
    clippy::indexing_slicing
)]
pub fn prove_zk<R: RngCore + CryptoRng>(
    pre: &SurgePreprocessing,
    circuits: &SurgeCircuits,
    witness: &SurgeWitness,
    blinds: &SurgeBlinds,
    circuit: &mut Circuit,
    generators: &PedersenGenerators,
    transcript: &mut Transcript,
    rng: &mut R,
    accumulator: &mut ZkProverAccumulator,
) -> ZkSurgeProof {
    let n = witness.log_cycles;
    let num_tables = pre.num_tables();
    pre.append_statement(n, transcript);
    let r: Vec<Fr> = transcript.challenge_vector(labels::SURGE_PRIMARY_POINT, n);
    let output = witness.lookup_output.evaluate(&r);
    let (lookup_output, out_var) = circuit.prover_row(&[output], generators, rng);
    transcript.append(labels::SURGE_LOOKUP_OUTPUT, &lookup_output);
    accumulator.append(
        witness.lookup_output.clone(),
        r.clone(),
        output,
        out_var[0].clone(),
        blinds.lookup_output,
    );
    let polys: Vec<MultilinearPolynomial<Fr>> = witness
        .flags
        .iter()
        .chain(&witness.e_polys)
        .cloned()
        .collect();
    let mut instance = PrimarySumcheck::new(pre, r.clone(), polys, output);
    let (primary, reduced) = committed::prove(
        &mut [&mut instance],
        &out_var,
        circuit,
        generators,
        transcript,
        rng,
    );
    let finals = instance.final_evals();
    drop(instance);
    let (primary_evals, vars) = circuit.prover_rows(
        &finals,
        labels::SURGE_PRIMARY_EVALS,
        generators,
        transcript,
        rng,
    );
    let (flag_vars, e_vars) = vars.split_at(num_tables);
    let combined = circuits.combine(pre, circuit, flag_vars, e_vars);
    circuit.assert_equal(
        &reduced.value,
        &(&combined * EqPolynomial::evaluate(&r, &reduced.point)),
    );
    let primary_polys = witness.flags.iter().chain(&witness.e_polys);
    let primary_blinds = blinds.flags.iter().chain(&blinds.e_polys);
    for (((p, b), v), h) in primary_polys.zip(primary_blinds).zip(&finals).zip(&vars) {
        accumulator.append(p.clone(), reduced.point.clone(), *v, h.clone(), *b);
    }

    let fp = Fingerprint::<Fr>::draw(transcript);
    let leaves = lookup_leaves(pre, witness, &fp);
    let (memory_checking, mut openings) =
        prove_batch_zk(vec![leaves], circuit, generators, transcript, rng);
    let (clear, hidden) = openings.pop().expect("one check");
    let (r_cycle, r_mem) = (&clear.lookups.r_read[0], &clear.lookups.r_table[0]);
    let eq_cycle = EqPolynomial::evals(r_cycle);
    let cycle_polys: Vec<&MultilinearPolynomial<Fr>> =
        witness.dim.iter().chain(&witness.e_polys).collect();
    let evals: Vec<Fr> = cycle_polys.iter().map(|p| p.dot(&eq_cycle)).collect();
    let (memory_evals, vars) = circuit.prover_rows(
        &evals,
        labels::SURGE_MEMORY_EVALS,
        generators,
        transcript,
        rng,
    );
    let claims = ZkMemoryCheckingClaims {
        fingerprint: fp,
        openings: hidden,
    };
    let (dim_vars, e_vars) = vars.split_at(C);
    leaf_checks(pre, circuit, &claims, dim_vars, e_vars).expect("the prover's shapes");
    let cycle_blinds = blinds.dim.iter().chain(&blinds.e_polys);
    for (((p, b), v), h) in cycle_polys
        .into_iter()
        .zip(cycle_blinds)
        .zip(&evals)
        .zip(&vars)
    {
        accumulator.append(p.clone(), r_cycle.clone(), *v, h.clone(), *b);
    }
    let multiplicities = witness.multiplicities.iter().zip(&blinds.multiplicities);
    let m_claims = clear
        .lookups
        .multiplicity
        .iter()
        .zip(&claims.openings.lookups.multiplicity);
    for ((p, b), (v, h)) in multiplicities.zip(m_claims) {
        accumulator.append(p.clone(), r_mem.clone(), *v, h.clone(), *b);
    }
    ZkSurgeProof {
        lookup_output,
        primary,
        primary_evals: primary_evals.into(),
        memory_checking,
        memory_evals: memory_evals.into(),
    }
}

/// Verifies a zero-knowledge Surge proof for `2^log_cycles` cycles against the hiding
/// `commitments` (absorbed by the caller), recording the checks in `circuit` and the claims in
/// `accumulator`. Returns `r` and the hidden `lookup_output(r)`.
#[allow(clippy::too_many_arguments)]
pub fn verify_zk(
    pre: &SurgePreprocessing,
    circuits: &SurgeCircuits,
    log_cycles: usize,
    commitments: &SurgeCommitments<Dory>,
    proof: &ZkSurgeProof,
    circuit: &mut Circuit,
    transcript: &mut Transcript,
    accumulator: &mut ZkVerifierAccumulator,
) -> Result<(Vec<Fr>, Lc), SurgeError> {
    if log_cycles > MAX_LOG_CYCLES {
        return Err(SurgeError::TooManyCycles {
            log_cycles,
            max: MAX_LOG_CYCLES,
        });
    }
    let (tables, memories) = (pre.num_tables(), pre.num_memories());
    if commitments.flags.len() != tables
        || commitments.e_polys.len() != memories
        || commitments.dim.len() != C
        || commitments.multiplicities.len() != C
    {
        return Err(SurgeError::Shape {
            what: "commitments",
            expected: tables + memories + 2 * C,
            got: commitments.flags.len()
                + commitments.e_polys.len()
                + commitments.dim.len()
                + commitments.multiplicities.len(),
        });
    }
    pre.append_statement(log_cycles, transcript);
    let r: Vec<Fr> = transcript.challenge_vector(labels::SURGE_PRIMARY_POINT, log_cycles);
    let out_var = circuit.verifier_row(proof.lookup_output, 1);
    transcript.append(labels::SURGE_LOOKUP_OUTPUT, &proof.lookup_output);
    let output = out_var.first().cloned().unwrap_or_default();
    accumulator.append(commitments.lookup_output, r.clone(), output.clone());
    let reduced = committed::verify(
        &[(output.clone(), log_cycles)],
        pre.primary_degree(),
        &proof.primary,
        circuit,
        transcript,
    )
    .map_err(SurgeError::Committed)?;
    let vars = receive_rows(
        &proof.primary_evals,
        tables + memories,
        labels::SURGE_PRIMARY_EVALS,
        circuit,
        transcript,
    )?;
    let (flag_vars, e_vars) = vars.split_at(tables);
    let combined = circuits.combine(pre, circuit, flag_vars, e_vars);
    circuit.assert_equal(
        &reduced.value,
        &(&combined * EqPolynomial::evaluate(&r, &reduced.point)),
    );
    for (c, h) in commitments
        .flags
        .iter()
        .chain(commitments.e_polys.iter())
        .zip(&vars)
    {
        accumulator.append(*c, reduced.point.clone(), h.clone());
    }

    let fp = Fingerprint::<Fr>::draw(transcript);
    let statement = CheckStatement {
        sizes: &[],
        lookup_sizes: &[(log_cycles, LOG_M); C],
        fingerprint: fp,
    };
    let claims = verify_batch_zk(&[statement], &proof.memory_checking, circuit, transcript)
        .map_err(SurgeError::MemoryChecking)?
        .pop()
        .ok_or(SurgeError::MemoryChecking(MemoryCheckingError::NoMemories))?;
    let vars = receive_rows(
        &proof.memory_evals,
        C + memories,
        labels::SURGE_MEMORY_EVALS,
        circuit,
        transcript,
    )?;
    let (dim_vars, e_vars) = vars.split_at(C);
    leaf_checks(pre, circuit, &claims, dim_vars, e_vars)?;
    let lookups = &claims.openings.lookups;
    let (r_cycle, r_mem) = match (lookups.r_read.first(), lookups.r_table.first()) {
        (Some(a), Some(b)) => (a, b),
        _ => return Err(SurgeError::MemoryChecking(MemoryCheckingError::NoMemories)),
    };
    for (c, h) in commitments
        .dim
        .iter()
        .chain(commitments.e_polys.iter())
        .zip(&vars)
    {
        accumulator.append(*c, r_cycle.clone(), h.clone());
    }
    for (c, h) in commitments.multiplicities.iter().zip(&lookups.multiplicity) {
        accumulator.append(*c, r_mem.clone(), h.clone());
    }
    Ok((r, output))
}
