use super::*;
use crate::field::Fr;
use crate::poly::DensePolynomial;
use crate::transcript::Transcript;
use ark_ff::Field;
use ark_std::{test_rng, UniformRand};

fn random_vectors(k: usize, n: usize) -> Vec<Vec<Fr>> {
    let mut rng = test_rng();
    (0..k)
        .map(|_| (0..1 << n).map(|_| Fr::rand(&mut rng)).collect())
        .collect()
}

/// Verifies and does the caller's checks against the true vectors.
fn verify_against(
    inputs: &[Vec<Fr>],
    proof: &GrandProductProof<Fr>,
) -> Result<GrandProductClaim<Fr>, GrandProductError> {
    let num_vars: Vec<usize> = inputs
        .iter()
        .map(|v| v.len().trailing_zeros() as usize)
        .collect();
    let mut t = Transcript::new(b"gp-test");
    let out = verify(&num_vars, proof, &mut t)?;
    for (b, v) in inputs.iter().enumerate() {
        assert_eq!(out.outputs[b], v.iter().product::<Fr>(), "naive product");
        assert_eq!(out.points[b].len(), num_vars[b]);
        assert_eq!(
            out.input_claims[b],
            DensePolynomial::new(v.clone()).evaluate(&out.points[b])
        );
    }
    Ok(out)
}

#[test]
fn completeness_random_vectors() {
    for (k, n) in [(1, 0), (1, 1), (3, 4), (2, 9)] {
        let inputs = random_vectors(k, n);
        let mut t = Transcript::new(b"gp-test");
        let (proof, points, claims) = prove(inputs.clone(), &mut t);
        let out = verify_against(&inputs, &proof).expect("honest proof verifies");
        assert_eq!(out.points, points);
        assert_eq!(out.input_claims, claims);
    }
}

/// Computed inputs (read in blocks, never materialised) give the proof, points and claims of
/// the same values, across the block size and the recomputed layers, mixed with value inputs.
#[test]
fn computed_inputs_prove_exactly_as_their_values() {
    let mut inputs = random_vectors(2, 13);
    inputs.extend(random_vectors(1, 4));
    inputs.extend(random_vectors(1, 0));
    let (expected, points, claims) = prove(inputs.clone(), &mut Transcript::new(b"gp-test"));
    let leaves: Vec<Leaves<'_, Fr>> = inputs
        .iter()
        .enumerate()
        .map(|(b, v)| match b % 2 {
            0 => Leaves::computed(v.len(), move |i| v[i]),
            _ => Leaves::Values(v.clone()),
        })
        .collect();
    let computed = prove(leaves, &mut Transcript::new(b"gp-test"));
    assert_eq!(computed, (expected, points, claims));
}

/// Vectors of different lengths in one batch: layers aligned at the output, each vector
/// leaving the batch at its own depth with its own point.
#[test]
fn completeness_vectors_of_different_lengths() {
    let mut inputs = random_vectors(2, 5);
    inputs.extend(random_vectors(1, 0));
    inputs.extend(random_vectors(2, 3));
    inputs.push(random_vectors(1, 5).remove(0));
    let mut t = Transcript::new(b"gp-test");
    let (proof, points, claims) = prove(inputs.clone(), &mut t);
    assert_eq!(proof.layers.len(), 5);
    assert_eq!(
        proof.layers[3].left.len(),
        3,
        "the 2^3 vectors left after layer 2"
    );
    let out = verify_against(&inputs, &proof).expect("honest proof verifies");
    assert_eq!(out.points, points);
    assert_eq!(out.input_claims, claims);
    assert_eq!(points[0], points[5], "equal lengths share their point");
    assert_eq!(points[3], points[4]);
    let mut bad = proof.clone();
    bad.layers[1].left[3] += Fr::ONE;
    assert_eq!(
        verify_against(&inputs, &bad),
        Err(GrandProductError::LayerCheck { layer: 1 })
    );
}

#[test]
fn rejects_changed_layer_claim() {
    let inputs = random_vectors(2, 4);
    let mut t = Transcript::new(b"gp-test");
    let (proof, _, _) = prove(inputs.clone(), &mut t);
    for layer in 0..4 {
        let mut bad = proof.clone();
        bad.layers[layer].left[1] += Fr::ONE;
        assert_eq!(
            verify_against(&inputs, &bad),
            Err(GrandProductError::LayerCheck { layer })
        );
        let mut bad = proof.clone();
        bad.layers[layer].right[0] += Fr::ONE;
        assert_eq!(
            verify_against(&inputs, &bad),
            Err(GrandProductError::LayerCheck { layer })
        );
    }
}

#[test]
fn rejects_changed_output_and_sumcheck() {
    let inputs = random_vectors(2, 3);
    let mut t = Transcript::new(b"gp-test");
    let (proof, _, _) = prove(inputs.clone(), &mut t);
    let mut bad = proof.clone();
    bad.outputs[0] += Fr::ONE;
    let mut t = Transcript::new(b"gp-test");
    assert_eq!(
        verify(&[3, 3], &bad, &mut t),
        Err(GrandProductError::LayerCheck { layer: 0 })
    );
    for round in 0..2 {
        let mut bad = proof.clone();
        bad.layers[2].rounds[round].known += Fr::ONE;
        let mut t = Transcript::new(b"gp-test");
        assert_eq!(
            verify(&[3, 3], &bad, &mut t),
            Err(GrandProductError::LayerCheck { layer: 2 })
        );
        let mut bad = proof.clone();
        bad.layers[2].rounds[round].at_two += Fr::ONE;
        let mut t = Transcript::new(b"gp-test");
        assert_eq!(
            verify(&[3, 3], &bad, &mut t),
            Err(GrandProductError::LayerCheck { layer: 2 })
        );
    }
    let mut bad = proof.clone();
    bad.layers[1].rounds.pop();
    let mut t = Transcript::new(b"gp-test");
    assert_eq!(
        verify(&[3, 3], &bad, &mut t),
        Err(GrandProductError::WrongNumberOfRounds {
            layer: 1,
            expected: 1,
            got: 0
        })
    );
}

#[test]
fn rejects_wrong_shapes() {
    let inputs = random_vectors(2, 3);
    let mut t = Transcript::new(b"gp-test");
    let (proof, _, _) = prove(inputs, &mut t);
    let mut t = Transcript::new(b"gp-test");
    assert!(matches!(
        verify(&[3, 3, 3], &proof, &mut t),
        Err(GrandProductError::WrongNumberOfOutputs { .. })
    ));
    let mut t = Transcript::new(b"gp-test");
    assert!(matches!(
        verify(&[4, 4], &proof, &mut t),
        Err(GrandProductError::WrongNumberOfLayers { .. })
    ));
    let mut bad = proof.clone();
    bad.layers[0].left.pop();
    let mut t = Transcript::new(b"gp-test");
    assert_eq!(
        verify(&[3, 3], &bad, &mut t),
        Err(GrandProductError::LayerShape {
            layer: 0,
            expected: 2
        })
    );
    let mut t = Transcript::new(b"gp-test");
    assert_eq!(verify(&[], &proof, &mut t), Err(GrandProductError::Empty));
}
