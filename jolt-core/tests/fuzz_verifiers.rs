//! "The verifier never panics": every proof type's deserializer and verifier are fed
//! truncated, oversized, bit-flipped and random byte strings. Deserialization must fail
//! cleanly or produce an object that the verifier rejects with an error — never a panic, and
//! never an acceptance of a changed proof.

use ark_ff::Field;
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize};
use ark_std::rand::{Rng, SeedableRng};
use ark_std::UniformRand;
use jolt_core::commitment::dory::{Dory, DoryProof, DorySetup, Gt};
use jolt_core::commitment::hyperkzg::{HyperKzg, HyperKzgSrs};
use jolt_core::commitment::hyrax::{Hyrax, HyraxSetup};
use jolt_core::commitment::CommitmentScheme;
use jolt_core::field::Fr;
use jolt_core::opening_accumulator::{
    BatchedOpeningProof, ProverOpeningAccumulator, VerifierOpeningAccumulator,
};
use jolt_core::poly::{CompressedUniPoly, DensePolynomial, MultilinearPolynomial};
use jolt_core::subprotocols::grand_product::{self, GrandProductProof, Input, Leaves, Shape};
use jolt_core::subprotocols::sumcheck::{self, ProductSumcheck, SumcheckInstance, SumcheckProof};
use jolt_core::transcript::{labels, Absorb, Sample, Transcript};
use jolt_core::utils::serialization::{from_bytes, to_bytes};
use rand_chacha::ChaCha20Rng;

/// Runs the byte-level attacks on `honest`; `accepts` runs the verifier on a candidate.
fn fuzz<T>(name: &str, honest: &T, accepts: impl Fn(&T) -> bool)
where
    T: CanonicalSerialize + CanonicalDeserialize + PartialEq + std::fmt::Debug,
{
    let mut rng = ChaCha20Rng::seed_from_u64(0x5eed);
    let bytes = to_bytes(honest);
    assert_eq!(
        &from_bytes::<T>(&bytes).expect("round trip"),
        honest,
        "{name}: round trip"
    );
    assert!(accepts(honest), "{name}: honest proof rejected");

    // Truncated: every prefix (sampled for long encodings) must fail to deserialize.
    let step = (bytes.len() / 256).max(1);
    for len in (0..bytes.len()).step_by(step) {
        assert!(
            from_bytes::<T>(&bytes[..len]).is_err(),
            "{name}: truncated to {len} accepted"
        );
    }
    // Oversized: trailing bytes are rejected.
    for extra in [1usize, 32, 1000] {
        let mut longer = bytes.clone();
        longer.extend((0..extra).map(|_| rng.gen::<u8>()));
        assert!(
            from_bytes::<T>(&longer).is_err(),
            "{name}: {extra} trailing bytes accepted"
        );
    }
    // Bit flips: either not decodable or rejected by the verifier.
    for _ in 0..64 {
        let mut flipped = bytes.clone();
        let pos = rng.gen_range(0..flipped.len());
        flipped[pos] ^= 1 << rng.gen_range(0..8);
        if let Ok(candidate) = from_bytes::<T>(&flipped) {
            if &candidate != honest {
                assert!(!accepts(&candidate), "{name}: flipped byte {pos} accepted");
            }
        }
    }
    // Length prefixes that lie (huge or slightly off) must not allocate or panic.
    for lie in [u64::MAX, u64::MAX / 2, 1 << 40, 3] {
        let mut lying = bytes.clone();
        if lying.len() >= 8 {
            lying[..8].copy_from_slice(&lie.to_le_bytes());
            if let Ok(candidate) = from_bytes::<T>(&lying) {
                if &candidate != honest {
                    assert!(!accepts(&candidate), "{name}: lying length accepted");
                }
            }
        }
    }
    // Random byte strings of various lengths.
    for _ in 0..200 {
        let len = rng.gen_range(0..2 * bytes.len() + 8);
        let random: Vec<u8> = (0..len).map(|_| rng.gen()).collect();
        if let Ok(candidate) = from_bytes::<T>(&random) {
            if &candidate != honest {
                assert!(!accepts(&candidate), "{name}: random bytes accepted");
            }
        }
    }
}

fn random_poly(n: usize, seed: u64) -> MultilinearPolynomial<Fr> {
    let mut rng = ChaCha20Rng::seed_from_u64(seed);
    (0..1 << n)
        .map(|_| Fr::rand(&mut rng))
        .collect::<Vec<_>>()
        .into()
}

#[test]
fn sumcheck_proofs_never_panic_the_verifier() {
    let polys = vec![random_poly(5, 1), random_poly(5, 2), random_poly(5, 3)];
    let comb = |v: &[Fr]| v[0] * v[1] * v[2];
    let mut inst = ProductSumcheck::new_computing_claim(polys.clone(), 3, comb);
    let claim = inst.input_claim();
    let (proof, _, _) = sumcheck::prove(&mut inst, &mut Transcript::new(b"fuzz"));
    fuzz::<SumcheckProof<Fr>>("sumcheck", &proof, |p| {
        let mut t = Transcript::new(b"fuzz");
        match sumcheck::verify(claim, 5, 3, p, &mut t) {
            Ok(out) => {
                let evals: Vec<Fr> = polys.iter().map(|q| q.evaluate(&out.point)).collect();
                out.check(comb(&evals)).is_ok()
            }
            Err(_) => false,
        }
    });
    let round = proof.round_polys[0].clone();
    fuzz::<CompressedUniPoly<Fr>>("round polynomial", &round, |p| p == &round);
}

#[test]
fn grand_product_proofs_never_panic_the_verifier() {
    let mut rng = ChaCha20Rng::seed_from_u64(9);
    let inputs: Vec<Vec<Fr>> = (0..3)
        .map(|_| (0..16).map(|_| Fr::rand(&mut rng)).collect())
        .collect();
    // Two products and a sum of unit fractions.
    let gkr_inputs = || -> Vec<Input<'_, Fr>> {
        vec![
            Input::Product(Leaves::Slice(&inputs[0])),
            Input::Product(Leaves::Slice(&inputs[1])),
            Input::Fraction {
                numerators: None,
                denominators: Leaves::Slice(&inputs[2]),
            },
        ]
    };
    let shapes: Vec<Shape> = gkr_inputs().iter().map(Input::shape).collect();
    let (proof, _, _) = grand_product::prove(gkr_inputs(), &mut Transcript::new(b"fuzz"));
    let sum: Fr = inputs[2].iter().map(|q| q.inverse().unwrap()).sum();
    fuzz::<GrandProductProof<Fr>>("grand product", &proof, |p| {
        let mut t = Transcript::new(b"fuzz");
        match grand_product::verify(&shapes, p, &mut t) {
            Ok(out) => {
                let eval =
                    |b: usize| DensePolynomial::new(inputs[b].clone()).evaluate(&out.points[b]);
                (0..2).all(|b| {
                    out.outputs[b] == [inputs[b].iter().product::<Fr>()]
                        && out.input_claims[b] == [eval(b)]
                }) && out.outputs[2][0] == sum * out.outputs[2][1]
                    && out.input_claims[2] == [eval(2)]
            }
            Err(_) => false,
        }
    });
}

/// Commit, absorb, draw a point, open: the honest transcript of a standalone opening.
fn opening_fixture<PCS: CommitmentScheme>(
    setup: &PCS::ProverSetup,
    n: usize,
) -> (PCS::Commitment, Vec<Fr>, Fr, PCS::Proof) {
    let poly = random_poly(n, 17);
    let c = PCS::commit(setup, &poly);
    let mut t = Transcript::new(b"fuzz-open");
    t.append(labels::COMMITMENT, &c);
    let point: Vec<Fr> = t.challenge_vector(labels::OPENING_POINT, n);
    let value = poly.evaluate(&point);
    let proof = PCS::open(setup, &poly, &point, &mut t);
    (c, point, value, proof)
}

fn opening_accepts<PCS: CommitmentScheme>(
    vsetup: &PCS::VerifierSetup,
    c: &PCS::Commitment,
    point: &[Fr],
    value: &Fr,
    proof: &PCS::Proof,
) -> bool {
    let mut t = Transcript::new(b"fuzz-open");
    t.append(labels::COMMITMENT, c);
    let _: Vec<Fr> = t.challenge_vector(labels::OPENING_POINT, point.len());
    PCS::verify(vsetup, c, point, value, proof, &mut t).is_ok()
}

fn fuzz_scheme<PCS: CommitmentScheme>(
    name: &str,
    setup: &PCS::ProverSetup,
    vsetup: &PCS::VerifierSetup,
) where
    PCS::Commitment: PartialEq + std::fmt::Debug,
    PCS::Proof: PartialEq + std::fmt::Debug,
{
    for n in [0, 3, 6] {
        let (c, point, value, proof) = opening_fixture::<PCS>(setup, n);
        fuzz::<PCS::Proof>(&format!("{name} proof n={n}"), &proof, |p| {
            opening_accepts::<PCS>(vsetup, &c, &point, &value, p)
        });
        fuzz::<PCS::Commitment>(&format!("{name} commitment n={n}"), &c, |cc| {
            opening_accepts::<PCS>(vsetup, cc, &point, &value, &proof)
        });
        // A proof for a different size must be rejected, not panic.
        let (_, _, _, other) = opening_fixture::<PCS>(setup, if n == 0 { 2 } else { n - 1 });
        assert!(
            !opening_accepts::<PCS>(vsetup, &c, &point, &value, &other),
            "{name}: wrong-size proof"
        );
    }
}

/// Dory lays every polynomial out by the size of the one opened, so each size gets its setup;
/// the verifier's is a bound.
#[test]
fn dory_opening_proofs_never_panic_the_verifier() {
    let bound = DorySetup::new(12);
    for n in [1, 4, 6] {
        let setup = DorySetup::new(n);
        let (c, point, value, proof) = opening_fixture::<Dory>(&setup, n);
        fuzz::<DoryProof>(&format!("dory proof n={n}"), &proof, |p| {
            opening_accepts::<Dory>(&bound, &c, &point, &value, p)
        });
        fuzz::<Gt>(&format!("dory commitment n={n}"), &c, |cc| {
            opening_accepts::<Dory>(&bound, cc, &point, &value, &proof)
        });
        let (_, _, _, other) = opening_fixture::<Dory>(&DorySetup::new(n + 2), n + 2);
        assert!(
            !opening_accepts::<Dory>(&bound, &c, &point, &value, &other),
            "dory: wrong-size proof"
        );
    }
    let setup = DorySetup::new(5);
    fuzz_accumulator::<Dory>("accumulator/dory", &setup, &bound);
}

#[test]
fn opening_proofs_never_panic_the_verifier() {
    let srs = HyperKzgSrs::setup_insecure_dev(1 << 6);
    fuzz_scheme::<HyperKzg>("hyperkzg", &srs, &srs.verifier_key());
    let setup = HyraxSetup::new(6);
    fuzz_scheme::<Hyrax>("hyrax", &setup, &setup);
}

fn fuzz_accumulator<PCS: CommitmentScheme>(
    name: &str,
    setup: &PCS::ProverSetup,
    vsetup: &PCS::VerifierSetup,
) where
    PCS::Proof: PartialEq + std::fmt::Debug,
{
    let polys = [random_poly(5, 1), random_poly(3, 2)];
    let commitments: Vec<PCS::Commitment> = polys.iter().map(|p| PCS::commit(setup, p)).collect();
    let points = [vec![Fr::from(3u64); 5], vec![Fr::from(5u64); 3]];
    let values: Vec<Fr> = polys
        .iter()
        .zip(&points)
        .map(|(p, r)| p.evaluate(r))
        .collect();
    let mut acc = ProverOpeningAccumulator::<PCS>::new();
    for ((p, r), v) in polys.iter().zip(&points).zip(&values) {
        acc.append(p.clone(), r.clone(), *v);
    }
    let proof = acc.prove(setup, &mut Transcript::new(b"fuzz-acc"));
    fuzz::<BatchedOpeningProof<PCS>>(name, &proof, |p| {
        let mut v = VerifierOpeningAccumulator::<PCS>::new();
        for ((c, r), y) in commitments.iter().zip(&points).zip(&values) {
            v.append(c.clone(), r.clone(), *y);
        }
        v.verify(vsetup, p, &mut Transcript::new(b"fuzz-acc"))
            .is_ok()
    });
    // The verifier with no claims, or with a claim too many, rejects.
    let v = VerifierOpeningAccumulator::<PCS>::new();
    assert!(v
        .verify(vsetup, &proof, &mut Transcript::new(b"fuzz-acc"))
        .is_err());
    let mut v = VerifierOpeningAccumulator::<PCS>::new();
    for _ in 0..3 {
        v.append(
            commitments[0].clone(),
            points[0].clone(),
            values[0] + Fr::ONE,
        );
    }
    assert!(v
        .verify(vsetup, &proof, &mut Transcript::new(b"fuzz-acc"))
        .is_err());
}

#[test]
fn batched_opening_proofs_never_panic_the_verifier() {
    let srs = HyperKzgSrs::setup_insecure_dev(1 << 5);
    fuzz_accumulator::<HyperKzg>("accumulator/hyperkzg", &srs, &srs.verifier_key());
    let setup = HyraxSetup::new(5);
    fuzz_accumulator::<Hyrax>("accumulator/hyrax", &setup, &setup);
}
