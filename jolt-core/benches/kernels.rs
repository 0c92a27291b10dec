//! Criterion benches of the proof system's hot kernels. Each bench says what it measures.
//! Run: `cargo bench -p jolt-core --bench kernels` (results quoted in BENCHMARKS.md).

use ark_ec::ScalarMul;
use ark_std::{rand::Rng, UniformRand};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use jolt_core::commitment::hyperkzg::{HyperKzg, HyperKzgSrs};
use jolt_core::commitment::hyrax::{Hyrax, HyraxSetup};
use jolt_core::commitment::msm::{msm_field, msm_small, msm_wide};
use jolt_core::commitment::CommitmentScheme;
use jolt_core::field::Fr;
use jolt_core::poly::{DensePolynomial, EqPolynomial, MultilinearPolynomial};
use jolt_core::subprotocols::{grand_product, sumcheck};
use jolt_core::transcript::{labels, Absorb, Sample, Transcript};
use rand_chacha::rand_core::SeedableRng;
use std::time::Duration;

fn random_fr(n: usize) -> Vec<Fr> {
    let mut rng = ark_std::test_rng();
    (0..n).map(|_| Fr::rand(&mut rng)).collect()
}

fn random_u16(n: usize) -> Vec<u16> {
    let mut rng = ark_std::test_rng();
    (0..n).map(|_| rng.gen()).collect()
}

/// Generic (arkworks Pippenger on field scalars) vs small-scalar MSM, scalars < 2^16.
fn bench_msm(c: &mut Criterion) {
    let mut rng = ark_std::test_rng();
    let bases_all = ark_bn254::G1Projective::rand(&mut rng).batch_mul(&random_fr(1 << 20));
    for log_n in [16usize, 20] {
        let bases = &bases_all[..1 << log_n];
        let small = random_u16(1 << log_n);
        let field: Vec<Fr> = small.iter().map(|s| Fr::from(*s as u64)).collect();
        c.bench_function(&format!("msm/generic/2^{log_n} scalars<2^16"), |b| {
            b.iter(|| msm_field(bases, &field))
        });
        c.bench_function(&format!("msm/small/2^{log_n} scalars<2^16"), |b| {
            b.iter(|| msm_small(bases, &small))
        });
    }
}

/// Full-width random scalars: arkworks' MSM vs `msm_wide` (batch-affine buckets).
fn bench_msm_wide(c: &mut Criterion) {
    let mut rng = ark_std::test_rng();
    let bases = ark_bn254::G1Projective::rand(&mut rng).batch_mul(&random_fr(1 << 20));
    let scalars = random_fr(1 << 20);
    c.bench_function("msm/generic/2^20 random", |b| {
        b.iter(|| msm_field(&bases, &scalars))
    });
    c.bench_function("msm/wide/2^20 random", |b| {
        b.iter(|| msm_wide(&bases, &scalars))
    });
}

/// Commitment to 2^16 evaluations: random field elements and u16 values.
fn bench_commit(c: &mut Criterion) {
    let srs = HyperKzgSrs::setup_insecure_dev(1 << 16);
    let hyrax = HyraxSetup::new(16);
    let dense: MultilinearPolynomial<Fr> = random_fr(1 << 16).into();
    let compact: MultilinearPolynomial<Fr> = random_u16(1 << 16).into();
    c.bench_function("commit/hyperkzg/2^16 dense", |b| {
        b.iter(|| HyperKzg::commit(&srs, &dense))
    });
    c.bench_function("commit/hyperkzg/2^16 u16", |b| {
        b.iter(|| HyperKzg::commit(&srs, &compact))
    });
    c.bench_function("commit/hyrax/2^16 dense", |b| {
        b.iter(|| Hyrax::commit(&hyrax, &dense))
    });
    c.bench_function("commit/hyrax/2^16 u16", |b| {
        b.iter(|| Hyrax::commit(&hyrax, &compact))
    });
}

/// All 2^20 evaluations of eq(r, ·).
fn bench_eq(c: &mut Criterion) {
    let r = random_fr(20);
    c.bench_function("eq/evals/2^20", |b| b.iter(|| EqPolynomial::evals(&r)));
}

/// Binding the top variable of a 2^20 dense polynomial (in place), and of a u16 compact one.
fn bench_bind(c: &mut Criterion) {
    let evals = random_fr(1 << 20);
    let r = Fr::from(12345u64);
    c.bench_function("bind/dense top/2^20", |b| {
        b.iter_batched(
            || DensePolynomial::new(evals.clone()),
            |mut p| p.bind_top(r),
            BatchSize::LargeInput,
        )
    });
    let compact: MultilinearPolynomial<Fr> = random_u16(1 << 20).into();
    c.bench_function("bind/u16 top/2^20", |b| {
        b.iter_batched(
            || compact.clone(),
            |mut p| p.bind_top(r),
            BatchSize::LargeInput,
        )
    });
}

/// Degree-3 sumcheck Σ eq(r,x)·a(x)·b(x) over 2^20 terms (prover only).
fn bench_sumcheck(c: &mut Criterion) {
    let r = random_fr(20);
    let polys: Vec<MultilinearPolynomial<Fr>> = vec![
        EqPolynomial::evals(&r).into(),
        random_fr(1 << 20).into(),
        random_fr(1 << 20).into(),
    ];
    c.bench_function("sumcheck/degree 3/2^20", |b| {
        b.iter_batched(
            || polys.clone(),
            |polys| {
                let mut inst =
                    sumcheck::ProductSumcheck::new(polys, 3, Fr::from(0u64), |v: &[Fr]| {
                        v[0] * v[1] * v[2]
                    });
                sumcheck::prove(&mut inst, &mut Transcript::new(b"bench"))
            },
            BatchSize::LargeInput,
        )
    });
}

/// Batched grand product of 4 vectors of 2^18 elements (2^20 in all), prover only.
fn bench_grand_product(c: &mut Criterion) {
    let inputs: Vec<Vec<Fr>> = (0..4).map(|_| random_fr(1 << 18)).collect();
    c.bench_function("grand_product/4 x 2^18", |b| {
        b.iter_batched(
            || inputs.clone(),
            |inputs| grand_product::prove(inputs, &mut Transcript::new(b"bench")),
            BatchSize::LargeInput,
        )
    });
}

/// HyperKZG open (prover) and verify (verifier) of a 2^16 and a 2^20 polynomial.
fn bench_hyperkzg(c: &mut Criterion) {
    let srs = HyperKzgSrs::setup_insecure_dev(1 << 20);
    let vk = srs.verifier_key();
    for log_n in [16usize, 20] {
        let poly: MultilinearPolynomial<Fr> = random_fr(1 << log_n).into();
        let commitment = HyperKzg::commit(&srs, &poly);
        let point = random_fr(log_n);
        let value = poly.evaluate(&point);
        let proof = HyperKzg::open(&srs, &poly, &point, &mut Transcript::new(b"bench"));
        c.bench_function(&format!("hyperkzg/open/2^{log_n}"), |b| {
            b.iter(|| HyperKzg::open(&srs, &poly, &point, &mut Transcript::new(b"bench")))
        });
        c.bench_function(&format!("hyperkzg/verify/2^{log_n}"), |b| {
            b.iter(|| {
                let mut t = Transcript::new(b"bench");
                HyperKzg::verify(&vk, &commitment, &point, &value, &proof, &mut t)
                    .expect("verifies")
            })
        });
    }
    // Sanity: the transcript API used by callers.
    let mut t = Transcript::new(b"bench");
    t.append_u64(labels::NUM_VARS, 1);
    let _: Fr = t.challenge_scalar(labels::CHALLENGE);
}

/// BlindFold on a circuit of the size the zkVM's verifier checks are estimated at (2^20
/// cycles): 600 message rows, 1,100 products and 3,000 linear checks, prover and verifier.
fn bench_blindfold(c: &mut Criterion) {
    use jolt_core::subprotocols::blindfold::{self, Circuit, Lc, PedersenGenerators, ROW_WIDTH};
    let gens = PedersenGenerators::new(ROW_WIDTH);
    let values: Vec<Vec<Fr>> = (0..600).map(|_| random_fr(ROW_WIDTH)).collect();
    let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(1);
    // The same checks on both sides: products of pairs, then sums of four entries equal to
    // their (public, in this bench) values.
    let checks = |circuit: &mut Circuit, rows: &[Vec<Lc>]| {
        let vars: Vec<&Lc> = rows.iter().flatten().collect();
        for k in 0..1100 {
            circuit.product(vars[2 * k], vars[2 * k + 1]);
        }
        let flat: Vec<Fr> = values.iter().flatten().copied().collect();
        for k in 0..3000 {
            let idx = [
                k,
                (7 * k + 1) % flat.len(),
                (13 * k + 5) % flat.len(),
                (k * k + 3) % flat.len(),
            ];
            let lc = Lc::combination(idx.iter().map(|i| vars[*i]), &[Fr::from(1u64); 4]);
            let sum: Fr = idx.iter().map(|i| flat[*i]).sum();
            circuit.assert_equal(&lc, &Lc::constant(sum));
        }
    };
    let mut prover = Circuit::for_prover();
    let mut commitments = Vec::new();
    let rows: Vec<Vec<Lc>> = values
        .iter()
        .map(|v| {
            let (c, vars) = prover.prover_row(v, &gens, &mut rng);
            commitments.push(c);
            vars
        })
        .collect();
    checks(&mut prover, &rows);
    let mut verifier = Circuit::for_verifier();
    let rows: Vec<Vec<Lc>> = commitments
        .iter()
        .map(|c| verifier.verifier_row(*c, ROW_WIDTH))
        .collect();
    checks(&mut verifier, &rows);
    let proof = blindfold::prove(&prover, &mut Transcript::new(b"bench"), &mut rng);
    c.bench_function("blindfold/prove/600 rows, 4100 checks", |b| {
        b.iter(|| blindfold::prove(&prover, &mut Transcript::new(b"bench"), &mut rng))
    });
    c.bench_function("blindfold/verify/600 rows, 4100 checks", |b| {
        b.iter(|| {
            blindfold::verify(&verifier, &proof, &mut Transcript::new(b"bench")).expect("verifies")
        })
    });
}

/// Dory's transparent and zero-knowledge openings of a dense 2^16 polynomial (prover), and
/// their verifiers.
fn bench_dory_zk(c: &mut Criterion) {
    use jolt_core::commitment::dory::zk::{commit_hiding, open_combination_zk, verify_zk};
    use jolt_core::commitment::dory::{Dory, DorySetup};
    let log_n = 16;
    let setup = DorySetup::new(log_n);
    let poly: MultilinearPolynomial<Fr> = random_fr(1 << log_n).into();
    let point = random_fr(log_n);
    let value = poly.evaluate(&point);
    let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(2);
    let commitment = Dory::commit(&setup, &poly);
    let (hiding, blind) = commit_hiding(&setup, &poly, &mut rng);
    let one = [Fr::from(1u64)];
    let open_zk = || {
        open_combination_zk(
            &setup,
            &[&poly],
            &one,
            &poly,
            blind,
            &point,
            &mut Transcript::new(b"bench"),
        )
    };
    let proof = Dory::open(&setup, &poly, &point, &mut Transcript::new(b"bench"));
    let (zk_proof, _) = open_zk();
    c.bench_function("dory/open/2^16", |b| {
        b.iter(|| Dory::open(&setup, &poly, &point, &mut Transcript::new(b"bench")))
    });
    c.bench_function("dory/open zk/2^16", |b| b.iter(open_zk));
    c.bench_function("dory/verify/2^16", |b| {
        b.iter(|| {
            Dory::verify(
                &setup,
                &commitment,
                &point,
                &value,
                &proof,
                &mut Transcript::new(b"bench"),
            )
            .expect("verifies")
        })
    });
    c.bench_function("dory/verify zk/2^16", |b| {
        b.iter(|| {
            verify_zk(
                &setup,
                &hiding,
                &point,
                &zk_proof,
                &mut Transcript::new(b"bench"),
            )
            .expect("verifies")
        })
    });
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
}

criterion_group! {
    name = kernels;
    config = config();
    targets = bench_msm, bench_msm_wide, bench_commit, bench_eq, bench_bind, bench_sumcheck, bench_grand_product, bench_hyperkzg, bench_blindfold, bench_dory_zk
}
criterion_main!(kernels);
