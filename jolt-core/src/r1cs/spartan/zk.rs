//! Spartan in zero knowledge: the protocol of the [module documentation](super) with every
//! message hidden in a committed row of a BlindFold [`Circuit`].
//!
//! The outer sumcheck (degree 3) and the inner sumcheck (degree 2) commit their rounds
//! ([`crate::subprotocols::blindfold::sumcheck`]); `Az(r), Bz(r), Cz(r)` are one message row and the witness
//! evaluations `w_k(s)` rows of [`ROW_WIDTH`]. The verifier records its checks as
//! constraints:
//! ```text
//!   outer:  c_outer = E(r) · (Az·Bz − Cz)                        (one product)
//!   inner:  input   = ρ_A Az + ρ_B Bz + ρ_C Cz − M_const          (linear)
//!           c_inner = eq(r_t, s) · ⟨M_cur, w(s)⟩ + sh(r_t, s) · ⟨M_next, w(s)⟩   (linear)
//! ```
//! with `E(r)`, `M`, `eq` and `sh` public. It returns the claims `w_k(s)` with hidden values,
//! which the caller opens with the zero-knowledge accumulator.
//!
//! # Soundness
//! That of transparent Spartan once the circuit is shown satisfied (BlindFold): the same
//! challenges, drawn after the same messages' commitments. Transcript: shape, `log T`, `τ`,
//! the outer rounds, the row of `Az, Bz, Cz`, `ρ`, the inner rounds, the rows of `w(s)`.
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

use super::outer::{OuterSumcheck, MIN_STREAM_ROUNDS, TABLE_BUDGET};
use super::prove::inner_instance;
use super::verify::outer_weight;
use super::{columns, draw_rho, labels, shift_mle, SpartanError, MAX_LOG_CYCLES};
use crate::field::Fr;
use crate::poly::{EqPolynomial, MultilinearPolynomial};
use crate::r1cs::shape::UniformShape;
use crate::subprotocols::blindfold::sumcheck::{self as committed, CommittedSumcheckProof};
use crate::subprotocols::blindfold::{Circuit, Lc, PedersenGenerators, ROW_WIDTH};
use crate::subprotocols::sumcheck::SumcheckInstance;
use crate::transcript::{Absorb, Sample, Transcript};
use crate::utils::serialization::SafeVec;
use ark_bn254::G1Affine;
use ark_ff::{AdditiveGroup, Field};
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize};
use ark_std::rand::{CryptoRng, RngCore};

/// A zero-knowledge Spartan proof: commitments only.
#[derive(Clone, Debug, PartialEq, Eq, CanonicalSerialize, CanonicalDeserialize)]
pub struct ZkSpartanProof {
    /// The outer sumcheck's rounds.
    pub outer: CommittedSumcheckProof,
    /// The row `(Az(r), Bz(r), Cz(r))`.
    pub outer_claims: G1Affine,
    /// The inner sumcheck's rounds.
    pub inner: CommittedSumcheckProof,
    /// The rows of `w_k(s)`.
    pub witness_evals: SafeVec<G1Affine>,
}

/// What zero-knowledge Spartan reduces to: `w_k(point) = evals[k]`, hidden as `hidden[k]`.
#[derive(Clone, Debug)]
pub struct ZkWitnessClaims {
    /// The point `s`.
    pub point: Vec<Fr>,
    /// The prover's values `w_k(s)` (empty on the verifier's side).
    pub evals: Vec<Fr>,
    /// `w_k(s)` as linear forms over the circuit's rows.
    pub hidden: Vec<Lc>,
}

/// The outer check `c = E(r)·(Az·Bz − Cz)` and the inner sumcheck's hidden input claim.
fn outer_checks(
    circuit: &mut Circuit,
    outer_value: &Lc,
    claims: &[Lc],
    e_r: Fr,
    rho: [Fr; 3],
    constant: Fr,
) -> Option<Lc> {
    let [az, bz, cz] = claims else { return None };
    let ab = circuit.product(az, bz);
    circuit.assert_equal(outer_value, &(&(&ab - cz) * e_r));
    let mut input = Lc::combination([az, bz, cz], &rho);
    input.add_scaled(&Lc::constant(constant), -Fr::ONE);
    Some(input)
}

/// The inner check `c = eq(r_t, s)·⟨M_cur, w⟩ + sh(r_t, s)·⟨M_next, w⟩`.
fn inner_check(circuit: &mut Circuit, value: &Lc, evals: &[Lc], weights: (&[Fr], &[Fr])) {
    let mut expected = Lc::combination(evals, weights.0);
    expected.add_scaled(&Lc::combination(evals, weights.1), Fr::ONE);
    circuit.assert_equal(value, &expected);
}

/// Proves that `witness` satisfies `shape` at every cycle (see [`super::prove()`]), in zero
/// knowledge. The caller must have absorbed the columns' hiding commitments, and must open the
/// returned claims with the zero-knowledge accumulator.
///
/// # Panics
/// As [`super::prove()`], or on a verifier's circuit.
#[allow(clippy::expect_used, clippy::indexing_slicing)]
pub fn prove_zk<R: RngCore + CryptoRng>(
    shape: &UniformShape,
    witness: &[MultilinearPolynomial<Fr>],
    circuit: &mut Circuit,
    generators: &PedersenGenerators,
    transcript: &mut Transcript,
    rng: &mut R,
) -> (ZkSpartanProof, ZkWitnessClaims) {
    assert_eq!(
        witness.len(),
        shape.num_vars(),
        "one witness column per variable"
    );
    let n_t = witness[0].num_vars();
    let n_c = shape.log_num_constraints();
    shape.append_to_transcript(labels::SHAPE, transcript);
    transcript.append_u64(labels::LOG_CYCLES, n_t as u64);
    let tau: Vec<Fr> = transcript.challenge_vector(labels::TAU, n_t + n_c);

    let mut outer = OuterSumcheck::new(shape, witness, &tau, TABLE_BUDGET, MIN_STREAM_ROUNDS);
    let zero = [Lc::constant(Fr::ZERO)];
    let (outer_proof, reduced) = committed::prove(
        &mut [&mut outer],
        &zero,
        circuit,
        generators,
        transcript,
        rng,
    );
    let outer_evals = outer.final_evals()[1..4].to_vec();
    drop(outer);
    let (outer_claims, claim_vars) = circuit.prover_row(&outer_evals, generators, rng);
    transcript.append(labels::OUTER_CLAIMS, &outer_claims);
    let rho = draw_rho::<Fr>(transcript);
    let (e_r, r_t, eq_rc) = outer_weight(shape, n_t, &tau, &reduced.point)
        .expect("the point has n_t + n_c coordinates");
    let m = shape.combine_rows(&eq_rc, rho);
    let input = outer_checks(circuit, &reduced.value, &claim_vars, e_r, rho, m.constant)
        .expect("three outer claims");

    let mut inner = inner_instance(shape, witness, &reduced.point, n_t, rho);
    let (inner_proof, inner_reduced) = committed::prove(
        &mut [&mut inner],
        &[input],
        circuit,
        generators,
        transcript,
        rng,
    );
    drop(inner);
    let s = inner_reduced.point;
    let evals = columns::evaluations(witness, &EqPolynomial::evals(&s));
    let (rows, hidden) =
        circuit.prover_rows(&evals, labels::WITNESS_EVALS, generators, transcript, rng);
    let weights: Vec<Fr> = m
        .cur
        .iter()
        .map(|w| *w * EqPolynomial::evaluate(&r_t, &s))
        .collect();
    let shifted: Vec<Fr> = m.next.iter().map(|w| *w * shift_mle(&r_t, &s)).collect();
    inner_check(circuit, &inner_reduced.value, &hidden, (&weights, &shifted));
    (
        ZkSpartanProof {
            outer: outer_proof,
            outer_claims,
            inner: inner_proof,
            witness_evals: rows.into(),
        },
        ZkWitnessClaims {
            point: s,
            evals,
            hidden,
        },
    )
}

/// Verifies a zero-knowledge Spartan proof, recording its checks in `circuit` (whose
/// BlindFold proof the caller verifies). Returns the hidden claims `w_k(s)` the caller MUST
/// check against the hiding commitments (zero-knowledge accumulator).
pub fn verify_zk(
    shape: &UniformShape,
    log_num_cycles: usize,
    proof: &ZkSpartanProof,
    circuit: &mut Circuit,
    transcript: &mut Transcript,
) -> Result<ZkWitnessClaims, SpartanError> {
    let n_t = log_num_cycles;
    let n_c = shape.log_num_constraints();
    if n_t > MAX_LOG_CYCLES {
        return Err(SpartanError::Statement("too many cycles"));
    }
    let k = shape.num_vars();
    if proof.witness_evals.len() != k.div_ceil(ROW_WIDTH) {
        return Err(SpartanError::WrongNumberOfWitnessEvals {
            expected: k.div_ceil(ROW_WIDTH),
            got: proof.witness_evals.len(),
        });
    }
    shape.append_to_transcript(labels::SHAPE, transcript);
    transcript.append_u64(labels::LOG_CYCLES, n_t as u64);
    let tau: Vec<Fr> = transcript.challenge_vector(labels::TAU, n_t + n_c);

    let zero = [(Lc::constant(Fr::ZERO), n_t + n_c)];
    let reduced = committed::verify(&zero, 3, &proof.outer, circuit, transcript)
        .map_err(SpartanError::Committed)?;
    let claim_vars = circuit.verifier_row(proof.outer_claims, 3);
    transcript.append(labels::OUTER_CLAIMS, &proof.outer_claims);
    let rho = draw_rho::<Fr>(transcript);
    let (e_r, r_t, eq_rc) = outer_weight(shape, n_t, &tau, &reduced.point)?;
    let m = shape.combine_rows(&eq_rc, rho);
    let input = outer_checks(circuit, &reduced.value, &claim_vars, e_r, rho, m.constant)
        .ok_or(SpartanError::Statement("three outer claims"))?;

    let inner = committed::verify(&[(input, n_t)], 2, &proof.inner, circuit, transcript)
        .map_err(SpartanError::Committed)?;
    let s = inner.point;
    let hidden = circuit
        .verifier_rows(&proof.witness_evals, k, labels::WITNESS_EVALS, transcript)
        .ok_or(SpartanError::WrongNumberOfWitnessEvals {
            expected: k.div_ceil(ROW_WIDTH),
            got: proof.witness_evals.len(),
        })?;
    let weights: Vec<Fr> = m
        .cur
        .iter()
        .map(|w| *w * EqPolynomial::evaluate(&r_t, &s))
        .collect();
    let shifted: Vec<Fr> = m.next.iter().map(|w| *w * shift_mle(&r_t, &s)).collect();
    inner_check(circuit, &inner.value, &hidden, (&weights, &shifted));
    Ok(ZkWitnessClaims {
        point: s,
        evals: Vec::new(),
        hidden,
    })
}
