//! An inner-product argument (Bünz et al., "Bulletproofs", 2018, §3) opening a Pedersen vector
//! commitment at an eq vector: for `C = ⟨a, G⟩` over `n = 2^k` generators and a point
//! `r ∈ F^k`, it proves
//! ```text
//!   v = ⟨a, eq(r, ·)⟩ = ã(r)        (ã the multilinear extension of a)
//! ```
//! with `2k` group elements and two field elements, where sending `a` takes `n` field elements.
//!
//! # Protocol
//! With `b = eq(r, ·)`, an extra generator `U` and `P = C + v·U`, each of the `k` rounds halves
//! the vectors by their top index bit (`lo`: bit 0, `hi`: bit 1):
//! ```text
//!   L = ⟨a_lo, G_hi⟩ + ⟨a_lo, b_hi⟩·U,    R = ⟨a_hi, G_lo⟩ + ⟨a_hi, b_lo⟩·U,    x ← transcript
//!   a' = x·a_lo + x⁻¹·a_hi,   b' = x⁻¹·b_lo + x·b_hi,   G' = x⁻¹·G_lo + x·G_hi,   P' = x²·L + P + x⁻²·R
//! ```
//! so that `P' = ⟨a', G'⟩ + ⟨a', b'⟩·U` whenever `P = ⟨a, G⟩ + ⟨a, b⟩·U`. The prover ends by
//! sending the last `a`; the verifier checks, in one MSM,
//! ```text
//!   C + v·U + Σ_j (x_j²·L_j + x_j⁻²·R_j) = a·Σ_i s_i·G_i + a·b_final·U
//! ```
//! with `s_i = Π_j x_j^{±1}` (`+` where bit `j` of `i`, counted from the top, is 1) and, since
//! `b` is an eq vector, `b_final = Π_j ((1 − r_j)·x_j⁻¹ + r_j·x_j)` in `O(k)`.
//!
//! # Soundness
//! Knowledge soundness under discrete log in G1, given generators with no known relation: the
//! caller's `G` (hashed to the curve from a public seed) and `U` ([`generator_u`], hashed from
//! its own seed). The caller must have bound `C` and `r` to the transcript (absorbed the
//! commitments `C` is combined from before drawing `r`); the argument absorbs `v`, then each
//! `L_j, R_j` before drawing `x_j`. A zero challenge (probability `k/|F|`) is refused.
//! Not zero-knowledge: `a` is not blinded.
//!
//! Variable order: `r_0` and the first round belong to the most significant index bit.
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

use crate::commitment::msm::{msm_field, msm_serial};
use crate::commitment::OpeningError;
use crate::field::Fr;
use crate::poly::EqPolynomial;
use crate::transcript::{Absorb, Sample, Transcript};
use crate::utils::serialization::SafeVec;
use ark_bn254::{G1Affine, G1Projective};
use ark_ec::{AdditiveGroup, CurveGroup};
use ark_ff::Field;
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize};
use std::sync::OnceLock;

const VALUE: &[u8] = b"ipa_value";
const ROUND: &[u8] = b"ipa_round";
const CHALLENGE: &[u8] = b"ipa_challenge";

/// An inner-product proof of `v = ã(r)` for a committed vector `a`.
#[derive(Clone, Debug, PartialEq, Eq, CanonicalSerialize, CanonicalDeserialize)]
pub struct IpaProof {
    /// `v = ã(r)`.
    pub value: Fr,
    /// `(L_j, R_j)` of each round.
    pub rounds: SafeVec<(G1Affine, G1Affine)>,
    /// The last `a`.
    pub last: Fr,
}

/// The extra generator `U`, hashed to G1 from its own public seed.
pub fn generator_u() -> G1Affine {
    static U: OnceLock<G1Affine> = OnceLock::new();
    *U.get_or_init(|| {
        use ark_std::UniformRand;
        use rand_chacha::rand_core::SeedableRng;
        let mut t = merlin::Transcript::new(b"jolt-core inner-product generator U v1");
        let mut seed = [0u8; 32];
        t.challenge_bytes(b"seed", &mut seed);
        G1Affine::rand(&mut rand_chacha::ChaCha20Rng::from_seed(seed))
    })
}

/// Draws a round's challenge and its inverse; `None` for a zero challenge.
fn challenge(l: &G1Affine, r: &G1Affine, transcript: &mut Transcript) -> Option<(Fr, Fr)> {
    transcript.append(ROUND, l);
    transcript.append(ROUND, r);
    let x: Fr = transcript.challenge_scalar(CHALLENGE);
    Some((x, x.inverse()?))
}

/// Proves `ã(r)` for `a` (`2^{|r|}` entries) committed as `⟨a, generators⟩`.
///
/// # Panics
/// If `a` and `generators` do not have `2^{|r|}` entries, or a challenge is zero (probability
/// `|r|/|F|`).
#[allow(clippy::expect_used, clippy::indexing_slicing)]
pub fn prove(generators: &[G1Affine], a: &[Fr], r: &[Fr], transcript: &mut Transcript) -> IpaProof {
    let n = 1usize << r.len();
    assert!(a.len() == n && generators.len() >= n, "ipa: vector sizes");
    let value: Fr = EqPolynomial::evals(r)
        .iter()
        .zip(a)
        .map(|(e, x)| *e * x)
        .sum();
    transcript.append_scalar(VALUE, &value);
    let u = generator_u();
    let (mut a, mut b, mut g) = (a.to_vec(), EqPolynomial::evals(r), generators[..n].to_vec());
    let mut rounds = Vec::with_capacity(r.len());
    while a.len() > 1 {
        let half = a.len() / 2;
        let (a_lo, a_hi) = a.split_at(half);
        let (b_lo, b_hi) = b.split_at(half);
        let (g_lo, g_hi) = g.split_at(half);
        let dot = |x: &[Fr], y: &[Fr]| -> Fr { x.iter().zip(y).map(|(p, q)| *p * q).sum() };
        let l = msm_field(g_hi, a_lo) + u * dot(a_lo, b_hi);
        let rr = msm_field(g_lo, a_hi) + u * dot(a_hi, b_lo);
        let [l, rr]: [G1Affine; 2] = G1Projective::normalize_batch(&[l, rr])
            .try_into()
            .expect("two points");
        let (x, x_inv) = challenge(&l, &rr, transcript).expect("a non-zero challenge");
        rounds.push((l, rr));
        let fold = |lo: &[Fr], hi: &[Fr], c_lo: Fr, c_hi: Fr| -> Vec<Fr> {
            lo.iter()
                .zip(hi)
                .map(|(p, q)| c_lo * p + c_hi * q)
                .collect()
        };
        let g_next: Vec<G1Projective> = g_lo
            .iter()
            .zip(g_hi)
            .map(|(p, q)| *p * x_inv + *q * x)
            .collect();
        a = fold(a_lo, a_hi, x, x_inv);
        b = fold(b_lo, b_hi, x_inv, x);
        g = G1Projective::normalize_batch(&g_next);
    }
    IpaProof {
        value,
        rounds: rounds.into(),
        last: a.first().copied().unwrap_or(Fr::ZERO),
    }
}

/// Checks `proof` against the commitment `c = ⟨a, generators⟩` at `r` (on the calling thread)
/// and returns `ã(r)`.
pub fn verify(
    generators: &[G1Affine],
    c: &G1Projective,
    r: &[Fr],
    proof: &IpaProof,
    transcript: &mut Transcript,
) -> Result<Fr, OpeningError> {
    let n = 1usize
        .checked_shl(r.len() as u32)
        .filter(|n| *n <= generators.len())
        .ok_or(OpeningError::ProofShape("inner-product point"))?;
    if proof.rounds.len() != r.len() {
        return Err(OpeningError::ProofShape("inner-product rounds"));
    }
    transcript.append_scalar(VALUE, &proof.value);
    let mut challenges = Vec::with_capacity(r.len());
    for (l, rr) in proof.rounds.iter() {
        challenges.push(
            challenge(l, rr, transcript).ok_or(OpeningError::ProofShape("a zero challenge"))?,
        );
    }
    // s_i = Π_j x_j^{±1}, bit j of i from the top; b_final = Π_j ((1 − r_j)·x_j⁻¹ + r_j·x_j).
    let mut s = vec![Fr::ONE];
    let mut b_final = Fr::ONE;
    for ((x, x_inv), r_j) in challenges.iter().zip(r) {
        s = s.iter().flat_map(|v| [*v * x_inv, *v * x]).collect();
        b_final *= (Fr::ONE - r_j) * x_inv + *r_j * x;
    }
    let last = proof.last;
    let scalars: Vec<Fr> = s.iter().map(|v| *v * last).collect();
    let mut rhs = msm_serial(generators.get(..n).unwrap_or_default(), &scalars);
    rhs += generator_u() * (last * b_final - proof.value);
    let mut lhs = *c;
    for ((l, rr), (x, x_inv)) in proof.rounds.iter().zip(&challenges) {
        lhs += *l * x.square() + *rr * x_inv.square();
    }
    if lhs == rhs {
        Ok(proof.value)
    } else {
        Err(OpeningError::CommitmentMismatch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commitment::hyrax::HyraxSetup;
    use crate::poly::{DensePolynomial, MultilinearPolynomial};
    use ark_std::{test_rng, UniformRand};

    fn transcript() -> Transcript {
        Transcript::new(b"ipa test")
    }

    #[test]
    fn the_proof_opens_the_mle_and_refuses_forgeries() {
        let mut rng = test_rng();
        let gens = HyraxSetup::new(12).generators.to_vec();
        for k in [0, 1, 3, 6] {
            let a: Vec<Fr> = (0..1 << k).map(|_| Fr::rand(&mut rng)).collect();
            let r: Vec<Fr> = (0..k).map(|_| Fr::rand(&mut rng)).collect();
            let c = msm_field(&gens[..1 << k], &a);
            let proof = prove(&gens, &a, &r, &mut transcript());
            assert_eq!(proof.rounds.len(), k);
            let mle = MultilinearPolynomial::Dense(DensePolynomial::new(a.clone()));
            assert_eq!(
                verify(&gens, &c, &r, &proof, &mut transcript()),
                Ok(mle.evaluate(&r))
            );
            let mut wrong_value = proof.clone();
            wrong_value.value += Fr::ONE;
            assert!(verify(&gens, &c, &r, &wrong_value, &mut transcript()).is_err());
            let mut wrong_last = proof.clone();
            wrong_last.last += Fr::ONE;
            assert!(verify(&gens, &c, &r, &wrong_last, &mut transcript()).is_err());
            let other = c + gens[0];
            assert!(verify(&gens, &other, &r, &proof, &mut transcript()).is_err());
            if k > 0 {
                let mut swapped = proof.clone();
                let (l, rr) = swapped.rounds[0];
                swapped.rounds[0] = (rr, l);
                assert!(verify(&gens, &c, &r, &swapped, &mut transcript()).is_err());
                let mut other_point = r.clone();
                other_point[0] += Fr::ONE;
                assert!(verify(&gens, &c, &other_point, &proof, &mut transcript()).is_err());
                let short = IpaProof {
                    rounds: proof.rounds[1..].to_vec().into(),
                    ..proof.clone()
                };
                assert!(verify(&gens, &c, &r, &short, &mut transcript()).is_err());
            }
        }
    }
}
