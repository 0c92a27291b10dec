//! Memory checking in zero knowledge: the checks of [`super`] over the zero-knowledge GKR
//! ([`crate::subprotocols::grand_product::zk`]), recorded as constraints of a BlindFold
//! [`Circuit`].
//!
//! * Each memory checked by products: `init · write = read · final` (two products).
//! * Each read-only memory: `p_read · q_table = p_table · q_read` (two products) and
//!   `q_read ≠ 0`, `q_table ≠ 0` (each `q · q⁻¹ = 1`).
//! * The caller's leaf checks: each claim equals the fingerprint `h(a, v, t)` of its tuple's
//!   hidden evaluations, which is linear in them (`γ`, `τ` are public), so costs no product.
//!
//! # Soundness
//! The transparent checks over committed values under the same challenges (see [`super`]
//! and [`super::lookups`] for why they are sound); the caller opens the tuple evaluations
//! with the zero-knowledge accumulator and proves the circuit with BlindFold.
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

use super::prove::{split_openings, CheckLeaves, MemoryCheckingOpenings};
use super::verify::{gkr_shapes, CheckStatement};
use super::{Fingerprint, MemoryCheckingError, Multiset, TupleEvals};
use crate::field::Fr;
use crate::subprotocols::blindfold::{Circuit, Lc, PedersenGenerators};
use crate::subprotocols::grand_product::zk::{prove_zk, verify_zk, ZkGrandProductProof};
use crate::subprotocols::grand_product::Input;
use crate::transcript::Transcript;
use ark_ff::Field;
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize};
use ark_std::rand::{CryptoRng, RngCore};

/// A zero-knowledge memory-checking proof: one zero-knowledge GKR for all checks.
#[derive(Clone, Debug, PartialEq, Eq, CanonicalSerialize, CanonicalDeserialize)]
pub struct ZkMemoryCheckingProof {
    /// The GKR of every multiset.
    pub grand_product: ZkGrandProductProof,
}

/// What a check reduces to, with hidden leaf claims the caller MUST constrain.
#[derive(Clone, Debug)]
pub struct ZkMemoryCheckingClaims {
    /// The fingerprint challenges the leaves were built with.
    pub fingerprint: Fingerprint<Fr>,
    /// The points and the hidden leaf claims.
    pub openings: MemoryCheckingOpenings<Fr, Lc>,
}

/// `h(a, v, t) = a·γ^{k+1} + Σ_j v_j·γ^{k+1−j} + t − τ` of hidden evaluations.
pub fn fingerprint_of(fingerprint: &Fingerprint<Fr>, tuple: &TupleEvals<Lc>) -> Lc {
    let mut acc = tuple.a.clone();
    for v in &tuple.v {
        acc = &acc * fingerprint.gamma;
        acc.add_scaled(v, Fr::ONE);
    }
    let mut h = &acc * fingerprint.gamma;
    h.add_scaled(&tuple.t, Fr::ONE);
    h.add_scaled(&Lc::constant(fingerprint.tau), -Fr::ONE);
    h
}

/// The output checks of every check: `memories[c] = (k, l)` as in [`split_openings`],
/// `outputs` the GKR's, in its order.
fn constrain_outputs(
    circuit: &mut Circuit,
    memories: &[(usize, usize)],
    outputs: &[Vec<Lc>],
) -> Result<(), MemoryCheckingError> {
    let first = |v: Option<&Vec<Lc>>| v.and_then(|o| o.first().cloned());
    let mut offset = 0;
    for (k, l) in memories {
        for memory in 0..*k {
            let at = |j: usize| first(outputs.get(j));
            let (read, write) = (at(offset + 2 * memory), at(offset + 2 * memory + 1));
            let (init, final_) = (
                at(offset + 2 * k + 2 * memory),
                at(offset + 2 * k + 2 * memory + 1),
            );
            let (Some(r), Some(w), Some(i), Some(f)) = (read, write, init, final_) else {
                return Err(MemoryCheckingError::MultisetMismatch { memory });
            };
            let lhs = circuit.product(&i, &w);
            let rhs = circuit.product(&r, &f);
            circuit.assert_equal(&lhs, &rhs);
        }
        offset += 4 * k;
        for memory in 0..*l {
            let pair = |j: usize| match outputs.get(j).map(Vec::as_slice) {
                Some([p, q]) => Some((p.clone(), q.clone())),
                _ => None,
            };
            let (Some((p_read, q_read)), Some((p_table, q_table))) =
                (pair(offset + 2 * memory), pair(offset + 2 * memory + 1))
            else {
                return Err(MemoryCheckingError::LookupMismatch { memory });
            };
            let lhs = circuit.product(&p_read, &q_table);
            let rhs = circuit.product(&p_table, &q_read);
            circuit.assert_equal(&lhs, &rhs);
            circuit.assert_nonzero(&q_read);
            circuit.assert_nonzero(&q_table);
        }
        offset += 2 * l;
    }
    Ok(())
}

/// Proves the checks' one GKR in zero knowledge. Returns the proof and, per check, the
/// prover's openings with their values and with their hidden forms.
///
/// # Panics
/// As [`super::prove_batch`], or on a verifier's circuit.
#[allow(clippy::expect_used)]
#[allow(clippy::type_complexity)]
pub fn prove_batch_zk<R: RngCore + CryptoRng>(
    checks: Vec<CheckLeaves<'_, Fr>>,
    circuit: &mut Circuit,
    generators: &PedersenGenerators,
    transcript: &mut Transcript,
    rng: &mut R,
) -> (
    ZkMemoryCheckingProof,
    Vec<(MemoryCheckingOpenings<Fr>, MemoryCheckingOpenings<Fr, Lc>)>,
) {
    let memories: Vec<(usize, usize)> = checks.iter().map(CheckLeaves::num_memories).collect();
    let vectors: Vec<Input<'_, Fr>> = checks
        .into_iter()
        .flat_map(CheckLeaves::into_vectors)
        .collect();
    let (grand_product, claim, values) = prove_zk(vectors, circuit, generators, transcript, rng);
    constrain_outputs(circuit, &memories, &claim.outputs)
        .expect("the prover's outputs have their shapes");
    let clear = split_openings(&memories, &claim.points, &values);
    let hidden = split_openings(&memories, &claim.points, &claim.input_claims);
    (
        ZkMemoryCheckingProof { grand_product },
        clear.into_iter().zip(hidden).collect(),
    )
}

/// Verifies the checks' one zero-knowledge GKR, recording the output checks in `circuit`.
/// Returns each check's hidden claims.
pub fn verify_batch_zk(
    checks: &[CheckStatement<'_, Fr>],
    proof: &ZkMemoryCheckingProof,
    circuit: &mut Circuit,
    transcript: &mut Transcript,
) -> Result<Vec<ZkMemoryCheckingClaims>, MemoryCheckingError> {
    if checks.is_empty()
        || checks
            .iter()
            .any(|c| c.sizes.is_empty() && c.lookup_sizes.is_empty())
    {
        return Err(MemoryCheckingError::NoMemories);
    }
    let shapes = gkr_shapes(checks);
    let claim = verify_zk(&shapes, &proof.grand_product, circuit, transcript)
        .map_err(MemoryCheckingError::GrandProduct)?;
    let memories: Vec<(usize, usize)> = checks
        .iter()
        .map(|c| (c.sizes.len(), c.lookup_sizes.len()))
        .collect();
    constrain_outputs(circuit, &memories, &claim.outputs)?;
    Ok(
        split_openings(&memories, &claim.points, &claim.input_claims)
            .into_iter()
            .zip(checks)
            .map(|(openings, c)| ZkMemoryCheckingClaims {
                fingerprint: c.fingerprint,
                openings,
            })
            .collect(),
    )
}

impl ZkMemoryCheckingClaims {
    fn check_side(
        &self,
        circuit: &mut Circuit,
        claims: &[Lc],
        tuples: &[TupleEvals<Lc>],
        multiset: Multiset,
    ) -> Result<(), MemoryCheckingError> {
        if tuples.len() != claims.len() {
            return Err(MemoryCheckingError::TupleCount {
                multiset,
                expected: claims.len(),
                got: tuples.len(),
            });
        }
        for (claim, tuple) in claims.iter().zip(tuples) {
            circuit.assert_equal(claim, &fingerprint_of(&self.fingerprint, tuple));
        }
        Ok(())
    }

    fn check_widths(
        first: &[TupleEvals<Lc>],
        second: &[TupleEvals<Lc>],
        multiset: Multiset,
    ) -> Result<(), MemoryCheckingError> {
        for (memory, (x, y)) in first.iter().zip(second).enumerate() {
            if x.width() != y.width() {
                return Err(MemoryCheckingError::TupleWidth {
                    multiset,
                    memory,
                    expected: x.width(),
                    got: y.width(),
                });
            }
        }
        Ok(())
    }

    /// Constrains the read and write leaf claims to the fingerprints of the hidden tuple
    /// evaluations at `r_cycle`.
    pub fn check_cycle_side(
        &self,
        circuit: &mut Circuit,
        read: &[TupleEvals<Lc>],
        write: &[TupleEvals<Lc>],
    ) -> Result<(), MemoryCheckingError> {
        Self::check_widths(read, write, Multiset::Write)?;
        self.check_side(circuit, &self.openings.read, read, Multiset::Read)?;
        self.check_side(circuit, &self.openings.write, write, Multiset::Write)
    }

    /// Constrains the init and final leaf claims to the fingerprints of the tuple evaluations
    /// at `r_mem` (the init tuples public or computed by the verifier).
    pub fn check_memory_side(
        &self,
        circuit: &mut Circuit,
        init: &[TupleEvals<Lc>],
        final_: &[TupleEvals<Lc>],
    ) -> Result<(), MemoryCheckingError> {
        Self::check_widths(init, final_, Multiset::Final)?;
        self.check_side(circuit, &self.openings.init, init, Multiset::Init)?;
        self.check_side(circuit, &self.openings.final_, final_, Multiset::Final)
    }

    /// Constrains each read-only memory's read claim to `h(a, v, 0)` of its read tuple's
    /// hidden evaluations at `r_read`.
    pub fn check_reads(
        &self,
        circuit: &mut Circuit,
        tuples: &[(Lc, Vec<Lc>)],
    ) -> Result<(), MemoryCheckingError> {
        let t: Vec<TupleEvals<Lc>> = tuples
            .iter()
            .map(|(a, v)| TupleEvals::new(a.clone(), v.clone(), Lc::default()))
            .collect();
        self.check_side(circuit, &self.openings.lookups.read, &t, Multiset::Read)
    }

    /// Constrains each read-only memory's table claim to `h(i, v, 0)` of the table's
    /// evaluations at `r_table`, which the verifier computes itself.
    pub fn check_table(
        &self,
        circuit: &mut Circuit,
        tuples: &[(Fr, Vec<Fr>)],
    ) -> Result<(), MemoryCheckingError> {
        let t: Vec<TupleEvals<Lc>> = tuples
            .iter()
            .map(|(a, v)| {
                TupleEvals::new(
                    Lc::constant(*a),
                    v.iter().map(|x| Lc::constant(*x)).collect(),
                    Lc::default(),
                )
            })
            .collect();
        self.check_side(circuit, &self.openings.lookups.table, &t, Multiset::Init)
    }
}
