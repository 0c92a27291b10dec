//! The registers-and-RAM prover (see the [module documentation](super)).

use super::{cols, statement, MemoryInit, RwProof, RwStandaloneProof, RwWitness, EVALS, LOG_SLOTS};
use crate::commitment::CommitmentScheme;
use crate::field::{Fr, JoltField};
use crate::lasso::memory_checking::{
    self, CheckLeaves, CheckedProof, Fingerprint, LookupLeaves, MemoryCheckingOpenings,
};
use crate::opening_accumulator::ProverOpeningAccumulator;
use crate::poly::EqPolynomial;
use crate::subprotocols::grand_product::Leaves;
use crate::transcript::{Absorb, Transcript};
use crate::zkvm::memory_common::{self, StandaloneProof};
use ark_ff::Field;
use std::sync::Arc;

/// Register slots: (address, read value, write value, read gap) columns.
const REG_SLOTS: [(usize, usize, usize, usize); 3] = [
    (cols::RS1, cols::RS1_VALUE, cols::RS1_VALUE, cols::GAP_RS1),
    (cols::RS2, cols::RS2_VALUE, cols::RS2_VALUE, cols::GAP_RS2),
    (cols::RD, cols::RD_OLD, cols::RD_WRITE, cols::GAP_RD),
];

/// Absorbs the statement, draws the fingerprint and returns the leaves of the three memories
/// (in [`super::RwMemory`] order) for the grand product, all computed from the integer columns
/// when read (never stored). Commitments absorbed by the caller.
#[tracing::instrument(skip_all, name = "registers and RAM leaves")]
pub fn leaves<'w>(
    ram: &'w MemoryInit,
    witness: &'w RwWitness,
    transcript: &mut Transcript,
) -> CheckLeaves<'w, Fr> {
    statement(ram, witness.log_cycles, transcript);
    leaves_with(ram, witness, Fingerprint::<Fr>::draw(transcript))
}

/// The leaves of the three memories under the fingerprint `fp` (drawn after the statement,
/// [`super::fingerprint_setup`]).
pub fn leaves_with<'w>(
    ram: &'w MemoryInit,
    witness: &'w RwWitness,
    fp: Fingerprint<Fr>,
) -> CheckLeaves<'w, Fr> {
    let n = witness.log_cycles;
    let len = 1usize << n;
    let slotted = LOG_SLOTS + n;
    let ifp = fp.integers();
    let (f, c) = (Fr::from_u64, &witness.cycle);

    // A read tuple's fingerprint at `t_old = now − gap` (a gap beyond `now`, which only a
    // dishonest witness has, takes the field path).
    let read_leaf = {
        let ifp = Arc::clone(&ifp);
        move |a: u64, v: u64, now: u64, gap: u64| -> Fr {
            match now.checked_sub(gap) {
                Some(t_old) => ifp.h(a, v, t_old),
                None => fp.h(f(a), &[f(v)], f(now) - f(gap)),
            }
        }
    };

    // Registers (slotted: entry slot·2^n + t; slot j's timestamp is 4t + j + 1).
    let reg_now = |slot: usize, t: usize| 4 * t as u64 + slot as u64 + 1;
    let reg_read = {
        let (read_leaf, ifp) = (read_leaf.clone(), Arc::clone(&ifp));
        move |i: usize| -> Fr {
            let (slot, t) = (i >> n, i & (len - 1));
            match REG_SLOTS.get(slot) {
                Some(&(a, rv, _, gap)) => read_leaf(c[a][t], c[rv][t], reg_now(slot, t), c[gap][t]),
                None => ifp.h(0, 0, 0),
            }
        }
    };
    let read = Leaves::computed(1 << slotted, reg_read);
    let write = ifp.computed(1 << slotted, move |i| {
        let (slot, t) = (i >> n, i & (len - 1));
        match REG_SLOTS.get(slot) {
            Some(&(a, _, wv, _)) => (c[a][t], c[wv][t], reg_now(slot, t)),
            None => (0, 0, 0),
        }
    });
    let [fv, fts] = &witness.reg_final;
    let init = ifp.computed(fv.len(), |i| (i as u64, ram.register(i), 0));
    let fin = ifp.computed(fv.len(), |i| (i as u64, fv[i], fts[i]));
    let registers = ((read, write), (init, fin));

    // RAM.
    let col = move |k: usize, t: usize| c[k][t];
    let read = Leaves::computed(len, move |t| {
        read_leaf(
            col(cols::RAM_WORD, t),
            col(cols::RAM_READ, t),
            t as u64 + 1,
            col(cols::GAP_RAM, t),
        )
    });
    let write = ifp.computed(len, move |t| {
        (
            col(cols::RAM_WORD, t),
            col(cols::RAM_WRITE, t),
            t as u64 + 1,
        )
    });
    let [fv, fts] = &witness.ram_final;
    let init = ifp.computed(fv.len(), |j| (ram.address(j), ram.value(j), 0));
    let fin = ifp.computed(fv.len(), |j| (ram.address(j), fv[j], fts[j]));
    let ram_memory = ((read, write), (init, fin));

    // Timestamp range: lookups of d = gap − 1 into the identity table (a negative d, which
    // only a dishonest witness has, takes the field path).
    let range_read = {
        let ifp = Arc::clone(&ifp);
        move |i: usize| -> Fr {
            let (slot, t) = (i >> n, i & (len - 1));
            let gap = match REG_SLOTS.get(slot) {
                Some(&(_, _, _, gap)) => c[gap][t],
                None => c[cols::GAP_RAM][t],
            };
            match gap.checked_sub(1) {
                Some(d) => ifp.h_without_values(d, 0),
                None => fp.h(-Fr::ONE, &[], f(0)),
            }
        }
    };
    let range = LookupLeaves {
        reads: Leaves::computed(1 << slotted, range_read),
        table: Leaves::computed(1 << slotted, move |j| ifp.h_without_values(j as u64, 0)),
        multiplicities: Leaves::computed(1 << slotted, move |j| f(witness.range_final[j])),
    };

    let (cycle_side, memory_side) = [registers, ram_memory].into_iter().unzip();
    CheckLeaves::new(cycle_side, memory_side).with_lookups(vec![range])
}

/// After the grand product: the tuple evaluations at its points, absorbed and accumulated.
/// Also returns the RAM cell point of the final-state claims
/// ([`super::FinalClaims::ram_point`]).
#[tracing::instrument(skip_all, name = "registers and RAM check")]
pub fn prove_evals<PCS: CommitmentScheme>(
    witness: &RwWitness,
    openings: &MemoryCheckingOpenings<Fr>,
    transcript: &mut Transcript,
    accumulator: &mut ProverOpeningAccumulator<PCS>,
) -> (RwProof, Vec<Fr>) {
    let point = |k: usize| (&openings.r_cycle[k], &openings.r_mem[k]);
    let ((reg_cycle, reg_mem), (ram_cycle, ram_mem)) = (point(0), point(1));
    let range = &openings.lookups;
    let (range_cycle, range_mem) = (&range.r_read[0], &range.r_table[0]);
    let polys = witness.polynomials();
    let mut open = |ids: &mut dyn Iterator<Item = usize>, point: &[Fr]| -> Vec<Fr> {
        let eq = EqPolynomial::evals(point);
        let evals: Vec<Fr> = ids
            .map(|k| {
                let v = polys[k].dot(&eq);
                accumulator.append(polys[k].clone(), point.to_vec(), v);
                v
            })
            .collect();
        transcript.append_scalars(EVALS, &evals);
        evals
    };
    let cycle_point = |r: &[Fr]| r[LOG_SLOTS..].to_vec();
    let reg_cycle_evals = open(&mut (0..cols::NUM_REG), &cycle_point(reg_cycle));
    let reg_final_evals = open(&mut (cols::NUM..cols::NUM + 2), reg_mem);
    let ram_cycle_evals = open(
        &mut (cols::RAM_WORD..cols::RAM_WORD + cols::NUM_RAM),
        ram_cycle,
    );
    let ram_final_evals = open(&mut (cols::NUM + 2..cols::NUM + 4), ram_mem);
    let range_cycle_evals = open(
        &mut cols::RANGE_OPENED.into_iter(),
        &cycle_point(range_cycle),
    );
    accumulator.append(
        polys[cols::NUM + 4].clone(),
        range_mem.clone(),
        range.multiplicity[0],
    );
    let proof = RwProof {
        reg_cycle_evals: reg_cycle_evals.into(),
        reg_final_evals: reg_final_evals.into(),
        ram_cycle_evals: ram_cycle_evals.into(),
        ram_final_evals: ram_final_evals.into(),
        range_cycle_evals: range_cycle_evals.into(),
    };
    (proof, ram_mem.clone())
}

/// Proves the register and RAM accesses of `witness` with their own grand product
/// (commitments absorbed by the caller); every claim goes to `accumulator`. Also returns the
/// RAM cell point of the final-state claims.
pub fn prove<PCS: CommitmentScheme>(
    ram: &MemoryInit,
    witness: &RwWitness,
    transcript: &mut Transcript,
    accumulator: &mut ProverOpeningAccumulator<PCS>,
) -> (CheckedProof<Fr, RwProof>, Vec<Fr>) {
    let check = leaves(ram, witness, transcript);
    let (memory_checking, openings) = memory_checking::prove(check, transcript);
    let (rest, ram_point) = prove_evals(witness, &openings, transcript, accumulator);
    (
        CheckedProof {
            memory_checking,
            rest,
        },
        ram_point,
    )
}

/// Commits to `witness`, proves it and opens every claim.
pub fn prove_standalone<PCS: CommitmentScheme>(
    ram: &MemoryInit,
    setup: &PCS::ProverSetup,
    witness: &RwWitness,
    transcript: &mut Transcript,
) -> RwStandaloneProof<PCS> {
    StandaloneProof::prove_with(
        setup,
        memory_common::commit::<PCS>(setup, &witness.polynomials()),
        transcript,
        |c, t| memory_common::absorb::<PCS>(c, t),
        |transcript, accumulator| prove(ram, witness, transcript, accumulator).0,
    )
}
