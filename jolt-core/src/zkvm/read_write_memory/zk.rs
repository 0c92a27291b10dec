//! Registers and RAM ([`super`]) in zero knowledge: the tuple evaluations at the GKR's points
//! are committed rows of a BlindFold [`Circuit`], and the verifier's leaf checks are
//! constraints over them.
//!
//! The rows hold, in order: `RS1..=GAP_RD` at the register cycle point, the final register
//! value and timestamp at the register cell point, `RAM_WORD..=GAP_RAM` at the RAM cycle
//! point, the final RAM value and timestamp at the RAM cell point, the four read gaps at the
//! range cycle point, and, for a run with a private input region, `V_private(r_mem)`: the
//! private region's part of the initial RAM at the RAM cell point. Every leaf check of
//! [`super::verify::verify_evals`] is linear in these values once the challenges are fixed
//! (slot weights, timestamps `4·t + j`, `t + 1`, the address and public initial-value MLEs are
//! public), so the check costs no product: the initial RAM value is
//! `init_mle(r_mem) + V_private(r_mem)` with the second term hidden, and the read timestamps
//! are `T − gap`.
//!
//! # Soundness
//! The transparent check's ([`super`]) over committed values under the same challenges, once
//! the circuit is proven (BlindFold) and the accumulator's opening verified. The caller MUST
//! prove the returned private value against the private region's commitment.
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

use super::verify::memory_checking_error;
use super::{cols, MemoryInit, RwError, RwMemory, LOG_REGISTERS, LOG_SLOTS, NUM_POLYS};
use crate::commitment::dory::Gt;
use crate::field::{Fr, JoltField};
use crate::lasso::memory_checking::zk::ZkMemoryCheckingClaims;
use crate::lasso::memory_checking::{MemoryCheckingError, MemoryCheckingOpenings, TupleEvals};
use crate::opening_accumulator::zk::{ZkProverAccumulator, ZkVerifierAccumulator};
use crate::poly::EqPolynomial;
use crate::subprotocols::blindfold::{Circuit, Lc, PedersenGenerators, ROW_WIDTH};
use crate::transcript::Transcript;
use crate::utils::serialization::SafeVec;
use crate::zkvm::memory_common::{identity_mle, public_mle, slot_weights};
use ark_bn254::G1Affine;
use ark_ff::Field;
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize};
use ark_std::rand::{CryptoRng, RngCore};

const EVALS: &[u8] = b"rw_memory_eval_rows";

/// The opened columns in row order, each with the index of its point in [`Points`] order
/// (register cycle, register cell, RAM cycle, RAM cell, range cycle).
const OPENED: [(usize, usize); 22] = [
    (cols::RS1, 0),
    (cols::RS2, 0),
    (cols::RD, 0),
    (cols::RS1_VALUE, 0),
    (cols::RS2_VALUE, 0),
    (cols::RD_OLD, 0),
    (cols::RD_WRITE, 0),
    (cols::GAP_RS1, 0),
    (cols::GAP_RS2, 0),
    (cols::GAP_RD, 0),
    (cols::NUM, 1),
    (cols::NUM + 1, 1),
    (cols::RAM_WORD, 2),
    (cols::RAM_READ, 2),
    (cols::RAM_WRITE, 2),
    (cols::GAP_RAM, 2),
    (cols::NUM + 2, 3),
    (cols::NUM + 3, 3),
    (cols::GAP_RS1, 4),
    (cols::GAP_RS2, 4),
    (cols::GAP_RD, 4),
    (cols::GAP_RAM, 4),
];

/// The range multiplicities' index among the [`NUM_POLYS`] polynomials.
const MULTIPLICITIES: usize = cols::NUM + 4;

/// A zero-knowledge registers-and-RAM proof (without its GKR, commitments and opening).
#[derive(Clone, Debug, PartialEq, Eq, CanonicalSerialize, CanonicalDeserialize)]
pub struct ZkRwProof {
    /// The rows of the tuple evaluations (see the module documentation).
    pub evals: SafeVec<G1Affine>,
}

/// The points the evaluations are at: register cycle, register cell, RAM cycle, RAM cell,
/// range cycle (cycle points without their slot bits), and the range cell point.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Points {
    /// The five opening points: register cycle, register cell, RAM cycle, RAM cell, range cycle.
    pub opened: [Vec<Fr>; 5],
    /// The range multiplicities' point.
    pub range_cell: Vec<Fr>,
}

impl Points {
    /// The RAM cell point (where the final RAM and `V_private` are opened).
    pub fn ram_cell(&self) -> &[Fr] {
        &self.opened[3]
    }

    /// The register cell point (where the final registers are opened).
    pub fn register_cell(&self) -> &[Fr] {
        &self.opened[1]
    }
}

/// What the leaf checks return to the caller.
#[derive(Clone, Debug)]
pub struct RwClaims {
    /// The points of every evaluation.
    pub points: Points,
    /// The hidden final register values at the register cell point.
    pub register_value: Lc,
    /// The hidden final RAM values at the RAM cell point.
    pub ram_value: Lc,
    /// The hidden `V_private(r_mem)`, for a run with a private input region.
    pub private_value: Option<Lc>,
}

fn split_slots(r: &[Fr]) -> Result<(&[Fr], &[Fr]), RwError> {
    r.split_at_checked(LOG_SLOTS).ok_or(RwError::Shape {
        what: "slotted point",
        expected: LOG_SLOTS,
        got: r.len(),
    })
}

/// The points of the openings `openings` (with any claims' type).
fn points<V>(openings: &MemoryCheckingOpenings<Fr, V>) -> Result<Points, RwError> {
    let no_memories = RwError::GrandProduct(MemoryCheckingError::NoMemories);
    let ([reg_cycle, ram_cycle], [reg_mem, ram_mem], [range_cycle], [range_mem]) = (
        openings.r_cycle.as_slice(),
        openings.r_mem.as_slice(),
        openings.lookups.r_read.as_slice(),
        openings.lookups.r_table.as_slice(),
    ) else {
        return Err(no_memories);
    };
    Ok(Points {
        opened: [
            split_slots(reg_cycle)?.1.to_vec(),
            reg_mem.clone(),
            ram_cycle.clone(),
            ram_mem.clone(),
            split_slots(range_cycle)?.1.to_vec(),
        ],
        range_cell: range_mem.clone(),
    })
}

/// The leaf checks of [`super::verify::verify_evals`] over the hidden evaluations `evals`
/// (the [`OPENED`] ones, then `V_private` if present).
fn leaf_checks(
    ram: &MemoryInit,
    circuit: &mut Circuit,
    claims: &ZkMemoryCheckingClaims,
    evals: &[Lc],
) -> Result<RwClaims, RwError> {
    let points = points(&claims.openings)?;
    let (
        [rs1, rs2, rd, v1, v2, old, rdw, g1, g2, gd, reg_fv, reg_fts, word, ram_read, ram_write, g_ram, ram_fv, ram_fts, rg1, rg2, rgd, rg_ram],
        private,
    ) = match evals.split_first_chunk::<22>() {
        Some((opened, [])) => (opened, None),
        Some((opened, [private])) => (opened, Some(private.clone())),
        _ => {
            return Err(RwError::Shape {
                what: "evaluation rows",
                expected: OPENED.len(),
                got: evals.len(),
            })
        }
    };
    let openings = &claims.openings;
    let (Some(reg_cycle), Some(range_cycle)) =
        (openings.r_cycle.first(), openings.lookups.r_read.first())
    else {
        return Err(RwError::GrandProduct(MemoryCheckingError::NoMemories));
    };
    let f = Fr::from_u64;
    let [reg_point, reg_mem, ram_point, ram_mem, _] = &points.opened;

    // Registers: slot j of cycle t has timestamp 4t + j + 1 and reads at T − gap.
    let w = slot_weights(split_slots(reg_cycle)?.0);
    let id = identity_mle(reg_point);
    let now: Vec<Fr> = (1..=3u64).map(|j| f(4) * id + f(j)).collect();
    let a = Lc::combination([rs1, rs2, rd], &w);
    let t_old: Vec<Lc> = now
        .iter()
        .zip([g1, g2, gd])
        .map(|(t, g)| &Lc::constant(*t) - g)
        .collect();
    let reg_read = TupleEvals::single(
        a.clone(),
        Lc::combination([v1, v2, old], &w),
        Lc::combination(&t_old, &w),
    );
    let reg_write = TupleEvals::single(
        a,
        Lc::combination([v1, v2, rdw], &w),
        Lc::constant(now.iter().zip(&w).map(|(t, x)| *t * x).sum()),
    );
    let reg_cell = Lc::constant(identity_mle(reg_mem));
    let reg_v0 = public_mle(reg_mem, 1 << LOG_REGISTERS, |i| ram.register(i));
    let reg_init = TupleEvals::single(reg_cell.clone(), Lc::constant(reg_v0), Lc::default());
    let reg_final = TupleEvals::single(reg_cell, reg_fv.clone(), reg_fts.clone());

    // RAM: the access of cycle t has timestamp t + 1.
    let ram_now = Lc::constant(identity_mle(ram_point) + Fr::ONE);
    let ram_read_tuple = TupleEvals::single(word.clone(), ram_read.clone(), &ram_now - g_ram);
    let ram_write_tuple = TupleEvals::single(word.clone(), ram_write.clone(), ram_now);
    let address = Lc::constant(ram.address_mle(ram_mem));
    let mut v0 = Lc::constant(ram.init_mle(ram_mem));
    if let Some(p) = &private {
        v0 = &v0 + p;
    }
    let ram_init = TupleEvals::single(address.clone(), v0, Lc::default());
    let ram_final = TupleEvals::single(address, ram_fv.clone(), ram_fts.clone());

    // Timestamp range: d = gap − 1 of every slot.
    let range_error = |error| RwError::MemoryChecking {
        memory: RwMemory::TimestampRange,
        error,
    };
    let w = slot_weights(split_slots(range_cycle)?.0);
    let one = Lc::constant(Fr::ONE);
    let d: Vec<Lc> = [rg1, rg2, rgd, rg_ram].iter().map(|g| *g - &one).collect();
    claims
        .check_reads(circuit, &[(Lc::combination(&d, &w), vec![])])
        .map_err(range_error)?;
    claims
        .check_table(circuit, &[(identity_mle(&points.range_cell), vec![])])
        .map_err(range_error)?;

    claims
        .check_cycle_side(
            circuit,
            &[reg_read, ram_read_tuple],
            &[reg_write, ram_write_tuple],
        )
        .map_err(memory_checking_error)?;
    claims
        .check_memory_side(circuit, &[reg_init, ram_init], &[reg_final, ram_final])
        .map_err(memory_checking_error)?;
    Ok(RwClaims {
        points,
        register_value: reg_fv.clone(),
        ram_value: ram_fv.clone(),
        private_value: private,
    })
}

/// After the zero-knowledge GKR (this check's openings `clear` and `claims`): the tuple
/// evaluations as rows (with `V_private(r_mem)` of the cells `private_cells` when the run has
/// a private input region), the leaf checks, and every claim accumulated with the [`NUM_POLYS`]
/// polynomials' `blinds`. `ram` is the verifier's initial RAM: without the private input.
///
/// # Panics
/// On a verifier's circuit, or with openings of another check.
#[allow(
    clippy::too_many_arguments,
    clippy::expect_used,
    clippy::indexing_slicing
)]
pub fn prove_evals_zk<R: RngCore + CryptoRng>(
    ram: &MemoryInit,
    witness: &super::RwWitness,
    blinds: &[Fr],
    private_cells: Option<&[u64]>,
    (clear, claims): (&MemoryCheckingOpenings<Fr>, &ZkMemoryCheckingClaims),
    circuit: &mut Circuit,
    generators: &PedersenGenerators,
    transcript: &mut Transcript,
    rng: &mut R,
    accumulator: &mut ZkProverAccumulator,
) -> (ZkRwProof, RwClaims) {
    let points = points(clear).expect("the registers-and-RAM openings");
    let polys = witness.polynomials();
    let eqs = points.opened.each_ref().map(|p| EqPolynomial::evals(p));
    let mut evals: Vec<Fr> = OPENED
        .iter()
        .map(|(k, at)| polys[*k].dot(&eqs[*at]))
        .collect();
    if let Some(cells) = private_cells {
        evals.push(public_mle(points.ram_cell(), cells.len(), |j| cells[j]));
    }
    let (rows, vars) = circuit.prover_rows(&evals, EVALS, generators, transcript, rng);
    let rw_claims = leaf_checks(ram, circuit, claims, &vars).expect("the prover's openings");
    for (((k, at), v), h) in OPENED.iter().zip(&evals).zip(&vars) {
        accumulator.append(
            polys[*k].clone(),
            points.opened[*at].clone(),
            *v,
            h.clone(),
            blinds[*k],
        );
    }
    accumulator.append(
        polys[MULTIPLICITIES].clone(),
        points.range_cell.clone(),
        clear.lookups.multiplicity[0],
        claims.openings.lookups.multiplicity[0].clone(),
        blinds[MULTIPLICITIES],
    );
    (ZkRwProof { evals: rows.into() }, rw_claims)
}

/// The verifier's side after the zero-knowledge GKR: the rows of the tuple evaluations (with
/// `V_private` when `private` is set), the leaf checks as constraints, and every claim
/// accumulated against the [`NUM_POLYS`] hiding `commitments`.
#[allow(clippy::too_many_arguments)]
pub fn verify_evals_zk(
    ram: &MemoryInit,
    commitments: &[Gt],
    private: bool,
    proof: &ZkRwProof,
    claims: &ZkMemoryCheckingClaims,
    circuit: &mut Circuit,
    transcript: &mut Transcript,
    accumulator: &mut ZkVerifierAccumulator,
) -> Result<RwClaims, RwError> {
    if commitments.len() != NUM_POLYS {
        return Err(RwError::Shape {
            what: "commitments",
            expected: NUM_POLYS,
            got: commitments.len(),
        });
    }
    let count = OPENED.len() + usize::from(private);
    let vars = circuit
        .verifier_rows(&proof.evals, count, EVALS, transcript)
        .ok_or(RwError::Shape {
            what: "evaluation rows",
            expected: count.div_ceil(ROW_WIDTH),
            got: proof.evals.len(),
        })?;
    let rw_claims = leaf_checks(ram, circuit, claims, &vars)?;
    for ((k, at), h) in OPENED.iter().zip(&vars) {
        if let (Some(c), Some(point)) = (commitments.get(*k), rw_claims.points.opened.get(*at)) {
            accumulator.append(*c, point.clone(), h.clone());
        }
    }
    let (Some(c), Some(m)) = (
        commitments.get(MULTIPLICITIES),
        claims.openings.lookups.multiplicity.first(),
    ) else {
        return Err(RwError::GrandProduct(MemoryCheckingError::NoMemories));
    };
    accumulator.append(*c, rw_claims.points.range_cell.clone(), m.clone());
    Ok(rw_claims)
}
