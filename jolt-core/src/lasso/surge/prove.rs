//! The Surge prover (see the [module documentation](super)).

use super::primary::PrimarySumcheck;
use super::{SurgePreprocessing, SurgeProof, SurgeWitness};
use crate::commitment::CommitmentScheme;
use crate::field::Fr;
use crate::lasso::labels;
use crate::lasso::memory_checking::{
    self, CheckLeaves, CheckedProof, Fingerprint, MemoryCheckingOpenings,
};
use crate::opening_accumulator::ProverOpeningAccumulator;
use crate::poly::{EqPolynomial, MultilinearPolynomial};
use crate::subprotocols::grand_product::Leaves;
use crate::subprotocols::sumcheck::{self, SumcheckInstance, SumcheckProof};
use crate::transcript::{Absorb, Sample, Transcript};
#[allow(unused_imports)]
use crate::utils::parallel::*;
use crate::{cfg_into_iter, cfg_iter};
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

    // 2. Memory checking of the C folded memories: chunk i holds, at cell j, the values
    //    s[j] of all its memories (subtable s, chunk i), read at dim_i with counts read_cts_i.
    //    h is `t − τ` plus a term without t, so write = read + 1 and final = init + final_cts.
    let fp = Fingerprint::<Fr>::draw(transcript);
    let span = tracing::info_span!("fingerprints").entered();
    let len = 1usize << n;
    let materialized = pre.materialized();
    let reads: Vec<Vec<Fr>> = cfg_into_iter!(0..C)
        .map(|i| {
            let mems = pre.chunk_memories(i);
            let (dim, rc) = (&witness.dim[i], &witness.read_cts[i]);
            let e = |m: &usize| &witness.e_polys[*m];
            let compact = |p: &MultilinearPolynomial<Fr>| p.as_dense().is_none();
            if compact(dim) && compact(rc) && mems.iter().all(|m| compact(e(m))) {
                let int = |p: &MultilinearPolynomial<Fr>, t| p.get_small(t).unwrap_or_default();
                fp.integer_leaves_vec(len, mems.len(), |t, v| {
                    for (x, m) in v.iter_mut().zip(mems) {
                        *x = int(e(m), t);
                    }
                    (int(dim, t), int(rc, t))
                })
            } else {
                fp.leaves_vec(len, mems.len(), |t, v| {
                    for (x, m) in v.iter_mut().zip(mems) {
                        *x = e(m).get(t);
                    }
                    (dim.get(t), rc.get(t))
                })
            }
        })
        .collect();
    let init_final: Vec<_> = cfg_into_iter!(0..C)
        .map(|i| {
            let mems = pre.chunk_memories(i);
            let init = fp.integer_leaves_vec(M, mems.len(), |j, v| {
                for (x, m) in v.iter_mut().zip(mems) {
                    *x = materialized[pre.memories()[*m].0][j];
                }
                (j as u64, 0)
            });
            let fc = &witness.final_cts[i];
            let fin: Vec<Fr> = cfg_iter!(init)
                .enumerate()
                .map(|(j, h)| *h + fc.get(j))
                .collect();
            (Leaves::Values(init), Leaves::Values(fin))
        })
        .collect();
    drop(span);
    let primary = SurgePrimary {
        lookup_output_eval,
        primary_sumcheck,
        flag_evals,
        primary_e_evals,
    };
    let leaves = CheckLeaves::new(
        reads
            .into_iter()
            .map(memory_checking::read_only_leaves)
            .collect(),
        init_final,
    );
    (primary, leaves)
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
    let (r_cycle, r_mem) = (&openings.r_cycle[0], &openings.r_mem[0]);

    // One `eq` table per point: `p(r) = Σ_x eq(r, x)·p(x)`.
    let (eq_cycle, eq_mem) = (EqPolynomial::evals(r_cycle), EqPolynomial::evals(r_mem));
    let eval_all = |ps: &[MultilinearPolynomial<Fr>], eq: &[Fr]| -> Vec<Fr> {
        ps.iter().map(|p| p.dot(eq)).collect()
    };
    let dim_evals = eval_all(&witness.dim, &eq_cycle);
    let e_evals = eval_all(&witness.e_polys, &eq_cycle);
    let read_cts_evals = eval_all(&witness.read_cts, &eq_cycle);
    let final_cts_evals = eval_all(&witness.final_cts, &eq_mem);
    for evals in [&dim_evals, &e_evals, &read_cts_evals, &final_cts_evals] {
        transcript.append_scalars(labels::SURGE_MEMORY_EVALS, evals);
    }
    let cycle_claims = [
        (&witness.dim, &dim_evals),
        (&witness.e_polys, &e_evals),
        (&witness.read_cts, &read_cts_evals),
    ];
    for (ps, evals) in cycle_claims {
        for (p, v) in ps.iter().zip(evals) {
            accumulator.append(p.clone(), r_cycle.clone(), *v);
        }
    }
    for (p, v) in witness.final_cts.iter().zip(&final_cts_evals) {
        accumulator.append(p.clone(), r_mem.clone(), *v);
    }

    SurgeProof {
        lookup_output_eval,
        primary_sumcheck,
        flag_evals: flag_evals.into(),
        primary_e_evals: primary_e_evals.into(),
        dim_evals: dim_evals.into(),
        e_evals: e_evals.into(),
        read_cts_evals: read_cts_evals.into(),
        final_cts_evals: final_cts_evals.into(),
    }
}
