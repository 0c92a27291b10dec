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
    let n = inputs[0].len().trailing_zeros() as usize;
    let mut t = Transcript::new(b"gp-test");
    let out = verify(inputs.len(), n, proof, &mut t)?;
    for (b, v) in inputs.iter().enumerate() {
        assert_eq!(out.outputs[b], v.iter().product::<Fr>(), "naive product");
        assert_eq!(
            out.input_claims[b],
            DensePolynomial::new(v.clone()).evaluate(&out.point)
        );
    }
    Ok(out)
}

#[test]
fn completeness_random_vectors() {
    for (k, n) in [(1, 0), (1, 1), (3, 4), (2, 9)] {
        let inputs = random_vectors(k, n);
        let mut t = Transcript::new(b"gp-test");
        let (proof, point, claims) = prove(inputs.clone(), &mut t);
        let out = verify_against(&inputs, &proof).expect("honest proof verifies");
        assert_eq!(out.point, point);
        assert_eq!(out.input_claims, claims);
    }
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
        verify(2, 3, &bad, &mut t),
        Err(GrandProductError::LayerCheck { layer: 0 })
    );
    let mut bad = proof.clone();
    bad.layers[2].sumcheck.round_polys[1].coeffs_except_linear[0] += Fr::ONE;
    let mut t = Transcript::new(b"gp-test");
    assert_eq!(
        verify(2, 3, &bad, &mut t),
        Err(GrandProductError::LayerCheck { layer: 2 })
    );
    let mut bad = proof.clone();
    bad.layers[1].sumcheck.round_polys.pop();
    let mut t = Transcript::new(b"gp-test");
    assert!(matches!(
        verify(2, 3, &bad, &mut t),
        Err(GrandProductError::Sumcheck { layer: 1, .. })
    ));
}

#[test]
fn rejects_wrong_shapes() {
    let inputs = random_vectors(2, 3);
    let mut t = Transcript::new(b"gp-test");
    let (proof, _, _) = prove(inputs, &mut t);
    let mut t = Transcript::new(b"gp-test");
    assert!(matches!(
        verify(3, 3, &proof, &mut t),
        Err(GrandProductError::WrongNumberOfOutputs { .. })
    ));
    let mut t = Transcript::new(b"gp-test");
    assert!(matches!(
        verify(2, 4, &proof, &mut t),
        Err(GrandProductError::WrongNumberOfLayers { .. })
    ));
    let mut bad = proof.clone();
    bad.layers[0].left.pop();
    let mut t = Transcript::new(b"gp-test");
    assert_eq!(
        verify(2, 3, &bad, &mut t),
        Err(GrandProductError::LayerShape {
            layer: 0,
            expected: 2
        })
    );
    let mut t = Transcript::new(b"gp-test");
    assert_eq!(verify(0, 3, &proof, &mut t), Err(GrandProductError::Empty));
}
