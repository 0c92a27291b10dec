//! The grand-product prover (see the [module documentation](super)).

use super::{GrandProductProof, LayerProof};
use crate::field::JoltField;
use crate::poly::{EqPolynomial, MultilinearPolynomial};
use crate::subprotocols::sumcheck::{self, ProductSumcheck, SumcheckInstance};
use crate::transcript::{labels, Absorb, Sample, Transcript};
#[allow(unused_imports)]
use crate::utils::parallel::*;
use crate::{cfg_into_iter, cfg_iter};

/// The layers of one vector: `layers[m]` has `2^m` entries (`layers[n]` is the input).
fn build_layers<F: JoltField>(input: Vec<F>) -> Vec<Vec<F>> {
    let n = input.len().trailing_zeros() as usize;
    let mut layers = vec![Vec::new(); n + 1];
    layers[n] = input;
    for m in (0..n).rev() {
        let prev = &layers[m + 1];
        let (lo, hi) = prev.split_at(prev.len() / 2);
        let next: Vec<F> = if lo.len() >= 1 << 12 {
            cfg_iter!(lo)
                .zip(cfg_iter!(hi))
                .map(|(a, b)| *a * b)
                .collect()
        } else {
            lo.iter().zip(hi).map(|(a, b)| *a * b).collect()
        };
        layers[m] = next;
    }
    layers
}

/// Proves the products of `inputs` (all of the same power-of-two length).
/// Returns the proof, the point `r` and the evaluations `v_b(r)` of the inputs there
/// (which the caller then proves with openings).
pub fn prove<F: JoltField>(
    inputs: Vec<Vec<F>>,
    transcript: &mut Transcript,
) -> (GrandProductProof<F>, Vec<F>, Vec<F>) {
    assert!(
        !inputs.is_empty(),
        "grand product needs at least one vector"
    );
    let len = inputs[0].len();
    assert!(
        len.is_power_of_two(),
        "vector length must be a power of two"
    );
    assert!(
        inputs.iter().all(|v| v.len() == len),
        "all vectors must have the same length"
    );
    let n = len.trailing_zeros() as usize;
    let k = inputs.len();

    let all_layers: Vec<Vec<Vec<F>>> = cfg_into_iter!(inputs).map(build_layers).collect();
    let outputs: Vec<F> = all_layers.iter().map(|l| l[0][0]).collect();
    transcript.append_scalars(labels::GRAND_PRODUCT_OUTPUTS, &outputs);

    let mut point: Vec<F> = Vec::new();
    let mut claims = outputs.clone();
    let mut layer_proofs = Vec::with_capacity(n);
    for m in 0..n {
        let lambda_powers: Vec<F> =
            transcript.challenge_powers(labels::GRAND_PRODUCT_LAYER_BATCHING, k);
        let claim: F = claims.iter().zip(&lambda_powers).map(|(c, l)| *c * l).sum();
        let mut polys: Vec<MultilinearPolynomial<F>> = Vec::with_capacity(2 * k + 1);
        polys.push(EqPolynomial::evals(&point).into());
        for layers in &all_layers {
            let below = &layers[m + 1];
            let (lo, hi) = below.split_at(below.len() / 2);
            polys.push(lo.to_vec().into());
            polys.push(hi.to_vec().into());
        }
        let lp = lambda_powers.clone();
        let comb = move |v: &[F]| -> F {
            let mut acc = F::ZERO;
            for (b, l) in lp.iter().enumerate() {
                acc += *l * v[2 * b + 1] * v[2 * b + 2];
            }
            v[0] * acc
        };
        let mut instance = ProductSumcheck::new(polys, 3, claim, comb);
        let (sumcheck, r, _) = sumcheck::prove(&mut instance, transcript);
        let finals = instance.final_evals();
        let left: Vec<F> = (0..k).map(|b| finals[2 * b + 1]).collect();
        let right: Vec<F> = (0..k).map(|b| finals[2 * b + 2]).collect();
        transcript.append_scalars(labels::GRAND_PRODUCT_LAYER_CLAIMS, &left);
        transcript.append_scalars(labels::GRAND_PRODUCT_LAYER_CLAIMS, &right);
        let mu: F = transcript.challenge_scalar(labels::GRAND_PRODUCT_LAYER_CHALLENGE);
        claims = left
            .iter()
            .zip(&right)
            .map(|(l, r)| *l + mu * (*r - l))
            .collect();
        point = std::iter::once(mu).chain(r).collect();
        layer_proofs.push(LayerProof {
            sumcheck,
            left: left.into(),
            right: right.into(),
        });
    }
    let proof = GrandProductProof {
        outputs: outputs.into(),
        layers: layer_proofs.into(),
    };
    (proof, point, claims)
}
