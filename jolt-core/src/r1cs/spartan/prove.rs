//! The Spartan prover (see the [module documentation](super) for the protocol).

use super::outer::OuterSumcheck;
use super::{draw_rho, labels, SpartanProof, WitnessClaims};
use crate::field::JoltField;
use crate::poly::{EqPolynomial, MultilinearPolynomial};
use crate::r1cs::shape::{FieldRow, Matrix, UniformShape};
use crate::subprotocols::sumcheck::{self, ProductSumcheck, SumcheckInstance};
use crate::transcript::{Absorb, Sample, Transcript};
#[allow(unused_imports)]
use crate::utils::parallel::*;
use crate::{cfg_chunks_mut, cfg_into_iter, cfg_iter};

/// Proves that `witness` (one column per variable of `shape`, all with `n_t` variables)
/// satisfies `shape` at every cycle. The caller must have absorbed the columns' commitments;
/// it must then prove the returned claims (one batched opening).
///
/// An unsatisfying witness yields a proof that the verifier rejects (the prover does not
/// check; use [`UniformShape::check_witness`] to debug a witness).
///
/// # Panics
/// If the witness does not have one column per variable, or columns of different lengths.
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
    let [az, bz, cz] = matrix_vector_products(shape, witness, n_c);
    let eq_tau = masked_eq_table(shape, &tau, n_t, n_c);
    let mut outer = OuterSumcheck::new(eq_tau, [az, bz, cz], shape.num_constraints(), 1 << n_c);
    let (outer_proof, r, _) = sumcheck::prove(&mut outer, transcript);
    let outer_evals = outer.final_evals();
    drop(outer);
    let (az_r, bz_r, cz_r) = (outer_evals[1], outer_evals[2], outer_evals[3]);
    transcript.append_scalars(labels::OUTER_CLAIMS, &[az_r, bz_r, cz_r]);
    let rho = draw_rho::<F>(transcript);

    // Inner sumcheck: Σ_s eq(r_t,s)·W_cur(s) + sh(r_t,s)·W_next(s).
    let (r_t, r_c) = r.split_at(n_t);
    let eq_rc = EqPolynomial::evals(r_c);
    let m = shape.combine_rows(&eq_rc, rho);
    let w_cur = weighted_column_sum(witness, &m.cur);
    let w_next = weighted_column_sum(witness, &m.next);
    let eq_rt = EqPolynomial::evals(r_t);
    let mut shift = Vec::with_capacity(eq_rt.len());
    shift.push(F::ZERO);
    shift.extend_from_slice(&eq_rt[..eq_rt.len() - 1]);
    let polys: Vec<MultilinearPolynomial<F>> =
        vec![eq_rt.into(), w_cur.into(), shift.into(), w_next.into()];
    let mut inner =
        ProductSumcheck::new_computing_claim(polys, 2, |v: &[F]| v[0] * v[1] + v[2] * v[3]);
    let (inner_proof, s, _) = sumcheck::prove(&mut inner, transcript);
    drop(inner);

    let eq_s = EqPolynomial::evals(&s);
    let witness_evals: Vec<F> = cfg_iter!(witness)
        .map(|w| eq_s.iter().enumerate().map(|(t, e)| *e * w.get(t)).sum())
        .collect();
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

/// `Az, Bz, Cz` as tables indexed `t·2^{n_c} + c` (empty rows are 0), in parallel over cycles.
fn matrix_vector_products<F: JoltField>(
    shape: &UniformShape,
    witness: &[MultilinearPolynomial<F>],
    n_c: usize,
) -> [Vec<F>; 3] {
    let t_len = witness[0].len();
    let rows_pad = 1usize << n_c;
    let rows = [Matrix::A, Matrix::B, Matrix::C].map(|m| shape.field_rows::<F>(m));
    let mut out = [0, 1, 2].map(|_| vec![F::ZERO; t_len * rows_pad]);
    let [a, b, c] = &mut out;
    cfg_chunks_mut!(a, rows_pad)
        .zip(cfg_chunks_mut!(b, rows_pad))
        .zip(cfg_chunks_mut!(c, rows_pad))
        .enumerate()
        .for_each(|(t, ((a, b), c))| {
            let cur = |k: usize| witness[k].get(t);
            let next = |k: usize| {
                if t + 1 < t_len {
                    witness[k].get(t + 1)
                } else {
                    F::ZERO
                }
            };
            for (dst, rows) in [a, b, c].into_iter().zip(&rows) {
                for (d, row) in dst.iter_mut().zip(rows) {
                    *d = eval_row(row, &cur, &next);
                }
            }
        });
    out
}

#[inline]
fn eval_row<F: JoltField>(
    row: &FieldRow<F>,
    cur: &impl Fn(usize) -> F,
    next: &impl Fn(usize) -> F,
) -> F {
    let mut acc = row.constant;
    for (k, coeff) in &row.cur {
        acc += mul_coeff(*coeff, cur(*k));
    }
    for (k, coeff) in &row.next {
        acc += mul_coeff(*coeff, next(*k));
    }
    acc
}

/// `coeff · x`, skipping the multiplication for the common coefficients ±1.
#[inline]
fn mul_coeff<F: JoltField>(coeff: F, x: F) -> F {
    if coeff == F::ONE {
        x
    } else if coeff == -F::ONE {
        -x
    } else {
        coeff * x
    }
}

/// `E(t, c) = eq(τ, (t, c))`, with the cross-step rows zeroed at the last cycle.
fn masked_eq_table<F: JoltField>(
    shape: &UniformShape,
    tau: &[F],
    n_t: usize,
    n_c: usize,
) -> Vec<F> {
    let mut eq = EqPolynomial::evals(tau);
    let last = ((1usize << n_t) - 1) << n_c;
    for c in shape.cross_step_rows() {
        eq[last + c] = F::ZERO;
    }
    eq
}

/// `Σ_k weights[k]·w_k` as a dense table, skipping zero weights; in parallel over cycles.
fn weighted_column_sum<F: JoltField>(
    witness: &[MultilinearPolynomial<F>],
    weights: &[F],
) -> Vec<F> {
    let active: Vec<(usize, F)> = weights
        .iter()
        .enumerate()
        .filter(|(_, w)| !w.is_zero())
        .map(|(k, w)| (k, *w))
        .collect();
    let t_len = witness[0].len();
    cfg_into_iter!(0..t_len)
        .map(|t| active.iter().map(|(k, w)| *w * witness[*k].get(t)).sum())
        .collect()
}
