//! The Surge prover (see the [module documentation](super)).

use super::primary::PrimarySumcheck;
use super::{SurgePreprocessing, SurgeProof, SurgeWitness};
use crate::cfg_into_iter;
use crate::commitment::CommitmentScheme;
use crate::field::Fr;
use crate::lasso::labels;
use crate::lasso::memory_checking::{
    self, CheckLeaves, CheckedProof, Fingerprint, LookupLeaves, MemoryCheckingOpenings,
};
use crate::opening_accumulator::ProverOpeningAccumulator;
use crate::poly::{EqPolynomial, MultilinearPolynomial};
use crate::subprotocols::grand_product::Leaves;
use crate::subprotocols::sumcheck::{self, SumcheckInstance, SumcheckProof};
use crate::transcript::{Absorb, Sample, Transcript};
#[allow(unused_imports)]
use crate::utils::parallel::*;
use jolt_instructions::{C, M};

/// Proves the lookups of `witness` with their own grand product. The caller must have
/// absorbed the witness commitments; every evaluation claim is appended to `accumulator`,
/// which the caller proves at the end.
pub fn prove<PCS: CommitmentScheme>(
    pre: &SurgePreprocessing,
    witness: &SurgeWitness,
    transcript: &mut Transcript,
    accumulator: &mut ProverOpeningAccumulator<PCS>,
) -> CheckedProof<Fr, SurgeProof> {
    let (primary, leaves) = prove_lookups(pre, witness, transcript, accumulator);
    let (memory_checking, openings) = memory_checking::prove(leaves, transcript);
    CheckedProof {
        memory_checking,
        rest: prove_evals(witness, primary, &openings, transcript, accumulator),
    }
}

/// The primary sumcheck's part of a Surge proof, kept while the grand product runs.
pub struct SurgePrimary {
    lookup_output_eval: Fr,
    primary_sumcheck: SumcheckProof<Fr>,
    flag_evals: Vec<Fr>,
    primary_e_evals: Vec<Fr>,
}

/// Proves the primary sumcheck of `witness`'s lookups, then draws the fingerprint and
/// computes the memory-checking leaves of the `C` folded memories (the reads stored, the
/// writes `read + 1`). The caller must have absorbed the witness commitments; every
/// evaluation claim is appended to `accumulator`.
#[tracing::instrument(skip_all, name = "surge", fields(lookups = witness.lookup_output.len()))]
pub fn prove_lookups<PCS: CommitmentScheme>(
    pre: &SurgePreprocessing,
    witness: &SurgeWitness,
    transcript: &mut Transcript,
    accumulator: &mut ProverOpeningAccumulator<PCS>,
) -> (SurgePrimary, CheckLeaves<'static, Fr>) {
    let n = witness.log_cycles;
    let num_tables = pre.num_tables();
    pre.append_statement(n, transcript);

    // 1. Primary sumcheck.
    let r: Vec<Fr> = transcript.challenge_vector(labels::SURGE_PRIMARY_POINT, n);
    let lookup_output_eval = witness.lookup_output.evaluate(&r);
    transcript.append_scalar(labels::SURGE_LOOKUP_OUTPUT, &lookup_output_eval);
    accumulator.append(witness.lookup_output.clone(), r.clone(), lookup_output_eval);

    let polys: Vec<MultilinearPolynomial<Fr>> = witness
        .flags
        .iter()
        .chain(&witness.e_polys)
        .cloned()
        .collect();
    let span = tracing::info_span!("primary sumcheck").entered();
    let mut instance = PrimarySumcheck::new(pre, r.clone(), polys, lookup_output_eval);
    let (primary_sumcheck, r_z, _) = sumcheck::prove(&mut instance, transcript);
    let finals = instance.final_evals();
    let flag_evals: Vec<Fr> = finals[..num_tables].to_vec();
    let primary_e_evals: Vec<Fr> = finals[num_tables..].to_vec();
    drop(instance);
    drop(span);
    transcript.append_scalars(labels::SURGE_PRIMARY_EVALS, &flag_evals);
    transcript.append_scalars(labels::SURGE_PRIMARY_EVALS, &primary_e_evals);
    for (p, v) in witness.flags.iter().zip(&flag_evals) {
        accumulator.append(p.clone(), r_z.clone(), *v);
    }
    for (p, v) in witness.e_polys.iter().zip(&primary_e_evals) {
        accumulator.append(p.clone(), r_z.clone(), *v);
    }

    // 2. Lookups into the C folded memories.
    let fp = Fingerprint::<Fr>::draw(transcript);
    let leaves = lookup_leaves(pre, witness, &fp);
    let primary = SurgePrimary {
        lookup_output_eval,
        primary_sumcheck,
        flag_evals,
        primary_e_evals,
    };
    (primary, leaves)
}

/// The leaves of the lookups into the `C` folded memories under `fp`: chunk `i` holds, at
/// cell `j`, the values `s[j]` of all its memories (subtable `s`, chunk `i`), read at `dim_i`
/// `m_i(j)` times.
pub(super) fn lookup_leaves(
    pre: &SurgePreprocessing,
    witness: &SurgeWitness,
    fp: &Fingerprint<Fr>,
) -> CheckLeaves<'static, Fr> {
    let n = witness.log_cycles;
    let span = tracing::info_span!("fingerprints").entered();
    let len = 1usize << n;
    let materialized = pre.materialized();
    let reads: Vec<Vec<Fr>> = cfg_into_iter!(0..C)
        .map(|i| {
            let mems = pre.chunk_memories(i);
            let dim = &witness.dim[i];
            let e = |m: &usize| &witness.e_polys[*m];
            let compact = |p: &MultilinearPolynomial<Fr>| p.as_dense().is_none();
            if compact(dim) && mems.iter().all(|m| compact(e(m))) {
                let int = |p: &MultilinearPolynomial<Fr>, t| p.get_small(t).unwrap_or_default();
                fp.integer_leaves_vec(len, mems.len(), |t, v| {
                    for (x, m) in v.iter_mut().zip(mems) {
                        *x = int(e(m), t);
                    }
                    (int(dim, t), 0)
                })
            } else {
                fp.leaves_vec(len, mems.len(), |t, v| {
                    for (x, m) in v.iter_mut().zip(mems) {
                        *x = e(m).get(t);
                    }
                    (dim.get(t), Fr::from(0u64))
                })
            }
        })
        .collect();
    let tables: Vec<Vec<Fr>> = cfg_into_iter!(0..C)
        .map(|i| {
            let mems = pre.chunk_memories(i);
            fp.integer_leaves_vec(M, mems.len(), |j, v| {
                for (x, m) in v.iter_mut().zip(mems) {
                    *x = materialized[pre.memories()[*m].0][j];
                }
                (j as u64, 0)
            })
        })
        .collect();
    drop(span);
    CheckLeaves::lookups(
        reads
            .into_iter()
            .zip(tables)
            .zip(&witness.multiplicities)
            .map(|((reads, table), m)| LookupLeaves {
                reads: Leaves::Values(reads),
                table: Leaves::Values(table),
                multiplicities: Leaves::Values((0..M).map(|j| m.get(j)).collect()),
            })
            .collect(),
    )
}

/// After the grand product: the tuple evaluations at its points, absorbed and accumulated,
/// completing the proof begun by [`prove_lookups`].
#[tracing::instrument(skip_all, name = "surge evaluations")]
pub fn prove_evals<PCS: CommitmentScheme>(
    witness: &SurgeWitness,
    primary: SurgePrimary,
    openings: &MemoryCheckingOpenings<Fr>,
    transcript: &mut Transcript,
    accumulator: &mut ProverOpeningAccumulator<PCS>,
) -> SurgeProof {
    let SurgePrimary {
        lookup_output_eval,
        primary_sumcheck,
        flag_evals,
        primary_e_evals,
    } = primary;
    // All C memories have the same sizes, hence the same points.
    let lookups = &openings.lookups;
    let (r_cycle, r_mem) = (&lookups.r_read[0], &lookups.r_table[0]);

    // `p(r) = Σ_x eq(r, x)·p(x)`.
    let eq_cycle = EqPolynomial::evals(r_cycle);
    let eval_all = |ps: &[MultilinearPolynomial<Fr>]| -> Vec<Fr> {
        ps.iter().map(|p| p.dot(&eq_cycle)).collect()
    };
    let dim_evals = eval_all(&witness.dim);
    let e_evals = eval_all(&witness.e_polys);
    for evals in [&dim_evals, &e_evals] {
        transcript.append_scalars(labels::SURGE_MEMORY_EVALS, evals);
    }
    for (ps, evals) in [(&witness.dim, &dim_evals), (&witness.e_polys, &e_evals)] {
        for (p, v) in ps.iter().zip(evals) {
            accumulator.append(p.clone(), r_cycle.clone(), *v);
        }
    }
    for (p, v) in witness.multiplicities.iter().zip(&lookups.multiplicity) {
        accumulator.append(p.clone(), r_mem.clone(), *v);
    }

    SurgeProof {
        lookup_output_eval,
        primary_sumcheck,
        flag_evals: flag_evals.into(),
        primary_e_evals: primary_e_evals.into(),
        dim_evals: dim_evals.into(),
        e_evals: e_evals.into(),
    }
}
