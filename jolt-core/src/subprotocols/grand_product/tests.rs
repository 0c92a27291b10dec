use super::*;
use crate::field::Fr;
use crate::poly::DensePolynomial;
use crate::subprotocols::grand_product::leaves::{Input, Leaves};
use crate::transcript::Transcript;
use ark_ff::Field;
use ark_std::{test_rng, UniformRand};

fn products(num_vars: &[usize]) -> Vec<Shape> {
    num_vars.iter().map(|n| Shape::product(*n)).collect()
}

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
    let shapes: Vec<Shape> = inputs
        .iter()
        .map(|v| Shape::product(v.len().trailing_zeros() as usize))
        .collect();
    let mut t = Transcript::new(b"gp-test");
    let out = verify(&shapes, proof, &mut t)?;
    for (b, v) in inputs.iter().enumerate() {
        assert_eq!(out.outputs[b], [v.iter().product::<Fr>()], "naive product");
        assert_eq!(out.points[b].len(), shapes[b].num_vars);
        assert_eq!(
            out.input_claims[b],
            [DensePolynomial::new(v.clone()).evaluate(&out.points[b])]
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
        verify(&products(&[3, 3]), &bad, &mut t),
        Err(GrandProductError::LayerCheck { layer: 0 })
    );
    for round in 0..2 {
        let mut bad = proof.clone();
        bad.layers[2].rounds[round].known += Fr::ONE;
        let mut t = Transcript::new(b"gp-test");
        assert_eq!(
            verify(&products(&[3, 3]), &bad, &mut t),
            Err(GrandProductError::LayerCheck { layer: 2 })
        );
        let mut bad = proof.clone();
        bad.layers[2].rounds[round].at_two += Fr::ONE;
        let mut t = Transcript::new(b"gp-test");
        assert_eq!(
            verify(&products(&[3, 3]), &bad, &mut t),
            Err(GrandProductError::LayerCheck { layer: 2 })
        );
    }
    let mut bad = proof.clone();
    bad.layers[1].rounds.pop();
    let mut t = Transcript::new(b"gp-test");
    assert_eq!(
        verify(&products(&[3, 3]), &bad, &mut t),
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
        verify(&products(&[3, 3, 3]), &proof, &mut t),
        Err(GrandProductError::WrongNumberOfOutputs { .. })
    ));
    let mut t = Transcript::new(b"gp-test");
    assert!(matches!(
        verify(&products(&[4, 4]), &proof, &mut t),
        Err(GrandProductError::WrongNumberOfLayers { .. })
    ));
    let mut bad = proof.clone();
    bad.layers[0].left.pop();
    let mut t = Transcript::new(b"gp-test");
    assert_eq!(
        verify(&products(&[3, 3]), &bad, &mut t),
        Err(GrandProductError::LayerShape {
            layer: 0,
            expected: 2
        })
    );
    let mut t = Transcript::new(b"gp-test");
    assert_eq!(verify(&[], &proof, &mut t), Err(GrandProductError::Empty));
}

/// A batch of products, fractions and unit fractions (as values and computed) of different
/// lengths: the outputs are the naive product and sum `p/q`, and the claims the
/// evaluations of the numerators and denominators at each vector's point.
#[test]
fn fractions_and_products_in_one_batch() {
    let mut rng = test_rng();
    let mut random = |n: usize| -> Vec<Fr> { (0..1 << n).map(|_| Fr::rand(&mut rng)).collect() };
    let (prod, p, q, unit_q, single_q) = (random(6), random(9), random(9), random(11), random(0));
    let small_unit = random(1);
    let inputs = || -> Vec<Input<'_, Fr>> {
        vec![
            Input::Product(Leaves::Slice(&prod)),
            Input::Fraction {
                numerators: Some(Leaves::computed(p.len(), |i| p[i])),
                denominators: Leaves::Slice(&q),
            },
            Input::Fraction {
                numerators: None,
                denominators: Leaves::computed(unit_q.len(), |i| unit_q[i]),
            },
            Input::Fraction {
                numerators: None,
                denominators: Leaves::Slice(&single_q),
            },
            Input::Fraction {
                numerators: None,
                denominators: Leaves::Slice(&small_unit),
            },
        ]
    };
    let shapes: Vec<Shape> = inputs().iter().map(Input::shape).collect();
    assert_eq!(
        shapes,
        [
            Shape::product(6),
            Shape::fraction(9, false),
            Shape::fraction(11, true),
            Shape::fraction(0, true),
            Shape::fraction(1, true),
        ]
    );
    let (proof, points, claims) = prove(inputs(), &mut Transcript::new(b"gp-test"));
    let out = verify(&shapes, &proof, &mut Transcript::new(b"gp-test")).expect("verifies");
    assert_eq!(out.points, points);
    assert_eq!(out.input_claims, claims);
    let sum = |p: &dyn Fn(usize) -> Fr, q: &[Fr]| -> Fr {
        q.iter()
            .enumerate()
            .map(|(i, q)| p(i) * q.inverse().unwrap())
            .sum()
    };
    let ratio = |o: &[Fr]| o[0] * o[1].inverse().unwrap();
    assert_eq!(out.outputs[0], [prod.iter().product::<Fr>()]);
    assert_eq!(ratio(&out.outputs[1]), sum(&|i| p[i], &q));
    assert_eq!(ratio(&out.outputs[2]), sum(&|_| Fr::ONE, &unit_q));
    assert_eq!(out.outputs[3], [Fr::ONE, single_q[0]]);
    assert_eq!(ratio(&out.outputs[4]), sum(&|_| Fr::ONE, &small_unit));
    let eval = |v: &[Fr], b: usize| DensePolynomial::new(v.to_vec()).evaluate(&out.points[b]);
    assert_eq!(out.input_claims[0], [eval(&prod, 0)]);
    assert_eq!(out.input_claims[1], [eval(&p, 1), eval(&q, 1)]);
    assert_eq!(out.input_claims[2], [eval(&unit_q, 2)]);
    assert_eq!(out.input_claims[3], [single_q[0]]);
    assert_eq!(out.input_claims[4], [eval(&small_unit, 4)]);
    assert_eq!(out.points[1].len(), 9);
    assert_eq!(out.points[2].len(), 11);
}

/// Each tampered fraction claim is rejected: a layer's numerator or denominator (the
/// input layer's denominators of unit fractions too), an output, a single unit fraction's
/// numerator, and the shape (a unit fraction verified as one with numerators).
#[test]
fn rejects_tampered_fractions() {
    let mut rng = test_rng();
    let q: Vec<Fr> = (0..1 << 4).map(|_| Fr::rand(&mut rng)).collect();
    let p: Vec<Fr> = (0..1 << 4).map(|_| Fr::rand(&mut rng)).collect();
    let single = [Fr::rand(&mut rng)];
    let inputs = vec![
        Input::Fraction {
            numerators: None,
            denominators: Leaves::Slice(&q),
        },
        Input::Fraction {
            numerators: Some(Leaves::Slice(&p)),
            denominators: Leaves::Slice(&q),
        },
        Input::Fraction {
            numerators: None,
            denominators: Leaves::Slice(&single),
        },
    ];
    let shapes: Vec<Shape> = inputs.iter().map(Input::shape).collect();
    let (proof, _, _) = prove(inputs, &mut Transcript::new(b"gp-test"));
    let check = |proof: &GrandProductProof<Fr>, shapes: &[Shape]| {
        verify(shapes, proof, &mut Transcript::new(b"gp-test")).map(|_| ())
    };
    assert_eq!(check(&proof, &shapes), Ok(()));
    // Layer 3 reads the input layers: [q_L] (unit), [p_L, q_L]; the others [p, q] twice.
    for (layer, width) in [(0, 4), (2, 4), (3, 3)] {
        for i in 0..width {
            let mut bad = proof.clone();
            bad.layers[layer].left[i] += Fr::ONE;
            assert_eq!(
                check(&bad, &shapes),
                Err(GrandProductError::LayerCheck { layer })
            );
        }
    }
    for i in 0..4 {
        let mut bad = proof.clone();
        bad.outputs[i] += Fr::ONE;
        assert_eq!(
            check(&bad, &shapes),
            Err(GrandProductError::LayerCheck { layer: 0 })
        );
    }
    let mut bad = proof.clone();
    bad.outputs[4] += Fr::ONE;
    assert!(check(&bad, &shapes).is_err(), "the outputs are absorbed");
    let mut wrong = shapes.clone();
    wrong[0] = Shape::fraction(4, false);
    assert!(check(&proof, &wrong).is_err());
    // A single fraction 2/q proven with its numerator, passed off as unit.
    let two = [Fr::from(2u64)];
    let (proof, _, _) = prove(
        vec![Input::Fraction {
            numerators: Some(Leaves::Slice(&two)),
            denominators: Leaves::Slice(&single),
        }],
        &mut Transcript::new(b"gp-test"),
    );
    assert_eq!(
        check(&proof, &[Shape::fraction(0, true)]),
        Err(GrandProductError::UnitNumerator { vector: 0 })
    );
}
