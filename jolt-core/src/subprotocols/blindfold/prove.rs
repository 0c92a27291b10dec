//! The BlindFold prover (see the [module documentation](super)).

use super::circuit::{Circuit, LOG_ROW_WIDTH, ROW_WIDTH};
use super::opening::{commit_rows, open_rows};
use super::r1cs::{assemble_z, R1cs};
use super::{absorb_rows, error_log_cols, generators, labels, BlindFoldProof};
use crate::field::Fr;
use crate::poly::{DensePolynomial, EqPolynomial, MultilinearPolynomial};
use crate::subprotocols::sumcheck::{self, ProductSumcheck, SumcheckInstance};
use crate::transcript::{Absorb, Sample, Transcript};
use ark_ff::{AdditiveGroup, Field};
use ark_std::rand::{CryptoRng, RngCore};
use ark_std::UniformRand;

fn dense(values: Vec<Fr>) -> MultilinearPolynomial<Fr> {
    MultilinearPolynomial::Dense(DensePolynomial::new(values))
}

/// `x + s · y`, entry by entry.
fn fold(x: &[Fr], s: Fr, y: &[Fr]) -> Vec<Fr> {
    x.iter().zip(y).map(|(a, b)| *a + s * b).collect()
}

/// Proves that the prover's `circuit` is satisfied by its committed rows.
///
/// # Panics
/// On a verifier's circuit, or if the folding challenge is zero (probability `1/|F|`). An
/// unsatisfied circuit gives a proof the verifier rejects.
#[allow(clippy::expect_used)]
pub fn prove<R: RngCore + CryptoRng>(
    circuit: &Circuit,
    transcript: &mut Transcript,
    rng: &mut R,
) -> BlindFoldProof {
    let r1cs = R1cs::new(circuit);
    let layout = r1cs.layout;
    let witness = circuit.witness.as_ref().expect("a prover's circuit");
    let gens = generators(layout.log_constraints);
    let e_cols = error_log_cols(layout.log_constraints);
    let num_rows = 1usize << layout.log_rows;

    // The real instance: message rows, then the auxiliary rows, committed now.
    let message_len = layout.message_rows * ROW_WIDTH;
    let mut w1: Vec<Fr> = witness.rows.iter().flatten().copied().collect();
    w1.extend(&witness.aux);
    w1.resize(message_len + layout.aux_rows * ROW_WIDTH, Fr::ZERO);
    let (aux_rows, aux_blinds) = commit_rows(&w1[message_len..], LOG_ROW_WIDTH, &gens, rng);
    absorb_rows(labels::AUX_ROWS, &aux_rows, transcript);
    w1.resize(layout.w_len(), Fr::ZERO);
    let mut b1 = witness.blinds.clone();
    b1.extend(aux_blinds);
    b1.resize(num_rows, Fr::ZERO);
    let z1 = assemble_z(&w1, Fr::ONE);
    let [a1, bb1, c1] = r1cs.multiply(&z1);

    // The random instance.
    let w2: Vec<Fr> = (0..layout.w_len()).map(|_| Fr::rand(rng)).collect();
    let u2 = Fr::rand(rng);
    let [a2, bb2, c2] = r1cs.multiply(&assemble_z(&w2, u2));
    let e2: Vec<Fr> = (0..a2.len()).map(|i| a2[i] * bb2[i] - u2 * c2[i]).collect();
    let (random_rows, b2) = commit_rows(&w2, LOG_ROW_WIDTH, &gens, rng);
    let (random_error_rows, be2) = commit_rows(&e2, e_cols, &gens, rng);
    absorb_rows(labels::RANDOM_INSTANCE, &random_rows, transcript);
    transcript.append_scalar(labels::RANDOM_INSTANCE, &u2);
    absorb_rows(labels::RANDOM_INSTANCE, &random_error_rows, transcript);

    // The cross term (u₁ = 1).
    let t: Vec<Fr> = (0..a1.len())
        .map(|i| a1[i] * bb2[i] + a2[i] * bb1[i] - c2[i] - u2 * c1[i])
        .collect();
    let (cross_rows, bt) = commit_rows(&t, e_cols, &gens, rng);
    absorb_rows(labels::CROSS_TERM, &cross_rows, transcript);

    // Fold.
    let r: Fr = transcript.challenge_scalar(labels::FOLD);
    assert!(r != Fr::ZERO, "zero folding challenge");
    let w = fold(&w1, r, &w2);
    let blinds = fold(&b1, r, &b2);
    let u = Fr::ONE + r * u2;
    let r2 = r.square();
    let e: Vec<Fr> = t.iter().zip(&e2).map(|(t, e)| r * t + r2 * e).collect();
    let e_blinds: Vec<Fr> = bt.iter().zip(&be2).map(|(t, e)| r * t + r2 * e).collect();
    let (az, bz, cz) = (fold(&a1, r, &a2), fold(&bb1, r, &bb2), fold(&c1, r, &c2));

    // Spartan's outer sumcheck on the folded instance.
    let tau: Vec<Fr> = transcript.challenge_vector(labels::TAU, layout.log_constraints);
    let mut outer = ProductSumcheck::new(
        vec![
            dense(EqPolynomial::evals(&tau)),
            dense(az),
            dense(bz),
            dense(cz),
            dense(e.clone()),
        ],
        3,
        Fr::ZERO,
        move |v: &[Fr]| v[0] * (v[1] * v[2] - u * v[3] - v[4]),
    );
    let (outer_proof, r_x, _) = sumcheck::prove(&mut outer, transcript);
    let outer_evals: Vec<Fr> = outer.final_evals()[1..4].to_vec();
    transcript.append_scalars(labels::OUTER_EVALS, &outer_evals);
    let error_opening = open_rows(
        &e,
        &e_blinds,
        e_cols,
        &r_x[..layout.log_constraints - e_cols],
        transcript,
    );

    // The inner sumcheck.
    let rho: Fr = transcript.challenge_scalar(labels::INNER_BATCHING);
    let bound = r1cs.bind_constraints(&EqPolynomial::evals(&r_x), rho);
    let claim = outer_evals[0] + rho * outer_evals[1] + rho.square() * outer_evals[2];
    let mut inner = ProductSumcheck::new(
        vec![dense(bound), dense(assemble_z(&w, u))],
        2,
        claim,
        |v: &[Fr]| v[0] * v[1],
    );
    let (inner_proof, r_y, _) = sumcheck::prove(&mut inner, transcript);
    let witness_opening = open_rows(
        &w,
        &blinds,
        LOG_ROW_WIDTH,
        &r_y[1..1 + layout.log_rows],
        transcript,
    );

    BlindFoldProof {
        aux_rows: aux_rows.into(),
        random_rows: random_rows.into(),
        random_u: u2,
        random_error_rows: random_error_rows.into(),
        cross_rows: cross_rows.into(),
        outer: outer_proof,
        outer_evals: outer_evals.into(),
        error_opening,
        inner: inner_proof,
        witness_opening,
    }
}
