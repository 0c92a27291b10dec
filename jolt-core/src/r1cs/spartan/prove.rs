//! The Spartan prover (see the [module documentation](super) for the protocol).

use super::columns;
use super::outer::{OuterSumcheck, MIN_STREAM_ROUNDS, TABLE_BUDGET};
use super::{draw_rho, labels, SpartanProof, WitnessClaims};
use crate::field::JoltField;
use crate::poly::{EqPolynomial, MultilinearPolynomial};
use crate::r1cs::shape::UniformShape;
use crate::subprotocols::sumcheck::{self, ProductSumcheck, SumcheckInstance};
use crate::transcript::{Absorb, Sample, Transcript};

/// Proves that `witness` (one column per variable of `shape`, all with `n_t` variables)
/// satisfies `shape` at every cycle. The caller must have absorbed the columns' commitments;
/// it must then prove the returned claims (one batched opening).
///
/// An unsatisfying witness yields a proof that the verifier rejects (the prover does not
/// check; use [`UniformShape::check_witness`] to debug a witness).
///
/// # Panics
/// If the witness does not have one column per variable, or columns of different lengths.
#[tracing::instrument(skip_all, name = "spartan")]
pub fn prove<F: JoltField>(
    shape: &UniformShape,
    witness: &[MultilinearPolynomial<F>],
    transcript: &mut Transcript,
) -> (SpartanProof<F>, WitnessClaims<F>) {
    assert_eq!(
        witness.len(),
        shape.num_vars(),
        "one witness column per variable"
    );
    let n_t = witness[0].num_vars();
    assert!(
        witness.iter().all(|w| w.num_vars() == n_t),
        "columns of different lengths"
    );
    let n_c = shape.log_num_constraints();

    shape.append_to_transcript(labels::SHAPE, transcript);
    transcript.append_u64(labels::LOG_CYCLES, n_t as u64);
    let tau: Vec<F> = transcript.challenge_vector(labels::TAU, n_t + n_c);

    // Outer sumcheck: Σ_{t,c} E(t,c)·(Az·Bz − Cz) = 0.
    let span = tracing::info_span!("outer sumcheck").entered();
    let mut outer = OuterSumcheck::new(shape, witness, &tau, TABLE_BUDGET, MIN_STREAM_ROUNDS);
    let (outer_proof, r, _) = sumcheck::prove(&mut outer, transcript);
    let outer_evals = outer.final_evals();
    drop(outer);
    drop(span);
    let (az_r, bz_r, cz_r) = (outer_evals[1], outer_evals[2], outer_evals[3]);
    transcript.append_scalars(labels::OUTER_CLAIMS, &[az_r, bz_r, cz_r]);
    let rho = draw_rho::<F>(transcript);

    // Inner sumcheck: Σ_s eq(r_t,s)·W_cur(s) + sh(r_t,s)·W_next(s).
    let span = tracing::info_span!("inner sumcheck").entered();
    let mut inner = inner_instance(shape, witness, &r, n_t, rho);
    let (inner_proof, s, _) = sumcheck::prove(&mut inner, transcript);
    drop(inner);
    drop(span);

    let eq_s = EqPolynomial::evals(&s);
    let witness_evals = columns::evaluations(witness, &eq_s);
    transcript.append_scalars(labels::WITNESS_EVALS, &witness_evals);

    let proof = SpartanProof {
        outer: outer_proof,
        az: az_r,
        bz: bz_r,
        cz: cz_r,
        inner: inner_proof,
        witness_evals: witness_evals.clone().into(),
    };
    (
        proof,
        WitnessClaims {
            point: s,
            evals: witness_evals,
        },
    )
}

/// The inner sumcheck `Σ_s eq(r_t, s)·W_cur(s) + sh(r_t, s)·W_next(s)` at the outer point
/// `r = (r_t, r_c)`, where `W_cur`, `W_next` combine the columns with the rows of
/// `ρ_A A + ρ_B B + ρ_C C` bound to `r_c`.
pub(super) fn inner_instance<F: JoltField>(
    shape: &UniformShape,
    witness: &[MultilinearPolynomial<F>],
    r: &[F],
    n_t: usize,
    rho: [F; 3],
) -> ProductSumcheck<F, impl Fn(&[F]) -> F + Send + Sync> {
    let (r_t, r_c) = r.split_at(n_t);
    let eq_rc = EqPolynomial::evals(r_c);
    let m = shape.combine_rows(&eq_rc, rho);
    let w_cur = columns::weighted_sum(witness, &m.cur);
    let w_next = columns::weighted_sum(witness, &m.next);
    let eq_rt = EqPolynomial::evals(r_t);
    let mut shift = Vec::with_capacity(eq_rt.len());
    shift.push(F::ZERO);
    shift.extend_from_slice(&eq_rt[..eq_rt.len() - 1]);
    let polys: Vec<MultilinearPolynomial<F>> =
        vec![eq_rt.into(), w_cur.into(), shift.into(), w_next.into()];
    ProductSumcheck::new_computing_claim(polys, 2, |v: &[F]| v[0] * v[1] + v[2] * v[3])
}
