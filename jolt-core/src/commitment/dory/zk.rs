//! Dory in zero knowledge: hiding commitments and evaluation proofs that reveal only a
//! Pedersen commitment to the value (`dory-pcs`'s `ZK` mode).
//!
//! # Commitment
//! `C = Σ_i e(T_i, Γ_2[i]) + r · HT` with a uniform `r` and `HT = e(H_1, H_2)` from
//! [`super::setup`]: perfectly hiding, binding under SXDH, still additively homomorphic (the
//! blinds combine with the commitments) and padding-invariant.
//!
//! # Opening
//! To prove `p(x) = y` without revealing `y`, the prover runs the Eval-VMV-RE protocol with
//! every message blinded (`C, D_2, E_1, E_2` masked by `HT`, `H_1`, `H_2`), sends
//! `y_com = y · Γ_1[0] + r_y · H_1`, proves with Σ₁ that `E_2` and `y_com` hold the same `y`
//! and with Σ₂ that `E_1` is consistent with `D_2`, and ends with the zero-knowledge scalar
//! product proof instead of the folded witness. The verifier checks all of it against the
//! commitment and returns `y_com`; what `y` must satisfy is the caller's to prove (e.g. its
//! equality with a committed message, [`crate::subprotocols::blindfold::equality`]).
//!
//! # Soundness and zero knowledge
//! Knowledge soundness as the transparent proof (Dory, §3–4) plus the special soundness of
//! the Σ-protocols; honest-verifier zero knowledge of every message given `y_com`
//! (`dory-pcs`'s `zk_statistical` tests the distribution). The blinds come from the
//! operating system's generator inside `dory-pcs`. The verifier derives `(ν, σ)` from the
//! point, checks every `GT` element's membership on decoding ([`super::gt`]), and `dory-pcs`
//! rejects any proof that mixes transparent and zero-knowledge fields.

use super::bridge::{dory_point, DoryTranscript, G2Routines};
use super::proof::{ark_g1, ark_g2, ark_gt, g1, g2, gt, rounds_from_dory, rounds_to_dory};
use super::proof::{FirstRound, SecondRound};
use super::{combination, run_opening, setup, Dory, DoryParameters, DorySetup, Gt};
use crate::commitment::{CommitmentScheme, OpeningError};
use crate::field::Fr;
use crate::poly::MultilinearPolynomial;
use crate::transcript::{labels, Absorb, Transcript};
use crate::utils::serialization::{impl_canonical_fields, SafeVec};
use ark_bn254::{G1Affine, G2Affine};
use dory_pcs::backends::arkworks::{ArkDoryProof, ArkFr, ArkGT, G1Routines, BN254};
use dory_pcs::primitives::arithmetic::Group;
use dory_pcs::{ScalarProductProof, Sigma1Proof, Sigma2Proof, ZK};

/// Σ₁: `E_2` and `y_com` hold the same `y`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sigma1 {
    /// The G2 announcement.
    pub a1: G2Affine,
    /// The G1 announcement.
    pub a2: G1Affine,
    /// The responses.
    pub z1: Fr,
    /// See `z1`.
    pub z2: Fr,
    /// See `z1`.
    pub z3: Fr,
}

/// Σ₂: `e(E_1, Γ_{2,fin}) − D_2` is a commitment to zero.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sigma2 {
    /// The announcement.
    pub a: Gt,
    /// The responses.
    pub z1: Fr,
    /// See `z1`.
    pub z2: Fr,
}

/// The zero-knowledge scalar product proof that closes the reduction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScalarProduct {
    /// `GT` announcements.
    pub p1: Gt,
    /// See `p1`.
    pub p2: Gt,
    /// See `p1`.
    pub q: Gt,
    /// See `p1`.
    pub r: Gt,
    /// The masked G1 witness.
    pub e1: G1Affine,
    /// The masked G2 witness.
    pub e2: G2Affine,
    /// The responses.
    pub r1: Fr,
    /// See `r1`.
    pub r2: Fr,
    /// See `r1`.
    pub r3: Fr,
}

/// A zero-knowledge Dory evaluation proof.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ZkDoryProof {
    /// The blinded VMV message `(C, D_2, E_1)`.
    pub vmv_c: Gt,
    /// See `vmv_c`.
    pub vmv_d2: Gt,
    /// See `vmv_c`.
    pub vmv_e1: G1Affine,
    /// The blinded `E_2 = y · Γ_{2,fin} + r_{e2} · H_2`.
    pub vmv_e2: G2Affine,
    /// `y_com = y · Γ_1[0] + r_y · H_1`.
    pub y_com: G1Affine,
    /// The reduce rounds' first messages (`σ`).
    pub first: SafeVec<FirstRound>,
    /// The reduce rounds' second messages (`σ`).
    pub second: SafeVec<SecondRound>,
    /// Σ₁.
    pub sigma1: Sigma1,
    /// Σ₂.
    pub sigma2: Sigma2,
    /// The scalar product proof.
    pub scalar_product: ScalarProduct,
}

impl_canonical_fields!([] Sigma1 where [] { a1, a2, z1, z2, z3 });
impl_canonical_fields!([] Sigma2 where [] { a, z1, z2 });
impl_canonical_fields!([] ScalarProduct where [] { p1, p2, q, r, e1, e2, r1, r2, r3 });
impl_canonical_fields!([] ZkDoryProof where [] {
    vmv_c, vmv_d2, vmv_e1, vmv_e2, y_com, first, second, sigma1, sigma2, scalar_product
});

impl ZkDoryProof {
    /// The encoding of a zero-knowledge `dory-pcs` proof; `None` for a transparent one.
    fn from_dory(p: &ArkDoryProof) -> Option<Self> {
        let (s1, s2, sp) = (
            p.sigma1_proof.as_ref()?,
            p.sigma2_proof.as_ref()?,
            p.scalar_product_proof.as_ref()?,
        );
        let ((vmv_c, vmv_d2, vmv_e1), first, second) = rounds_from_dory(p);
        Some(Self {
            vmv_c,
            vmv_d2,
            vmv_e1,
            vmv_e2: g2(p.e2.as_ref()?),
            y_com: g1(p.y_com.as_ref()?),
            first,
            second,
            sigma1: Sigma1 {
                a1: g2(&s1.a1),
                a2: g1(&s1.a2),
                z1: s1.z1.0,
                z2: s1.z2.0,
                z3: s1.z3.0,
            },
            sigma2: Sigma2 {
                a: gt(&s2.a),
                z1: s2.z1.0,
                z2: s2.z2.0,
            },
            scalar_product: ScalarProduct {
                p1: gt(&sp.p1),
                p2: gt(&sp.p2),
                q: gt(&sp.q),
                r: gt(&sp.r),
                e1: g1(&sp.e1),
                e2: g2(&sp.e2),
                r1: sp.r1.0,
                r2: sp.r2.0,
                r3: sp.r3.0,
            },
        })
    }

    /// The `dory-pcs` proof of a `2^nu × 2^sigma` matrix carrying these messages.
    fn to_dory(&self, nu: usize, sigma: usize) -> ArkDoryProof {
        let mut p = rounds_to_dory(
            (&self.vmv_c, &self.vmv_d2, &self.vmv_e1),
            &self.first,
            &self.second,
            nu,
            sigma,
        );
        let (s1, s2, sp) = (&self.sigma1, &self.sigma2, &self.scalar_product);
        p.e2 = Some(ark_g2(&self.vmv_e2));
        p.y_com = Some(ark_g1(&self.y_com));
        p.sigma1_proof = Some(Sigma1Proof {
            a1: ark_g2(&s1.a1),
            a2: ark_g1(&s1.a2),
            z1: ArkFr(s1.z1),
            z2: ArkFr(s1.z2),
            z3: ArkFr(s1.z3),
        });
        p.sigma2_proof = Some(Sigma2Proof {
            a: ark_gt(&s2.a),
            z1: ArkFr(s2.z1),
            z2: ArkFr(s2.z2),
        });
        p.scalar_product_proof = Some(ScalarProductProof {
            p1: ark_gt(&sp.p1),
            p2: ark_gt(&sp.p2),
            q: ark_gt(&sp.q),
            r: ark_gt(&sp.r),
            e1: ark_g1(&sp.e1),
            e2: ark_g2(&sp.e2),
            r1: ArkFr(sp.r1),
            r2: ArkFr(sp.r2),
            r3: ArkFr(sp.r3),
        });
        p
    }
}

/// `commitment + blind · HT`: hides a commitment (or, with `−blind`, unhides it).
pub fn blind_commitment(setup: &DorySetup, commitment: &Gt, blind: &Fr) -> Gt {
    let ht: ArkGT = setup.parameters().prover.ht;
    gt(&(ark_gt(commitment) + ht.scale(&ArkFr(*blind))))
}

/// A hiding commitment to `poly` and its blind.
pub fn commit_hiding<R: ark_std::rand::RngCore + ark_std::rand::CryptoRng>(
    setup: &DorySetup,
    poly: &MultilinearPolynomial<Fr>,
    rng: &mut R,
) -> (Gt, Fr) {
    use ark_std::UniformRand;
    let blind = Fr::rand(rng);
    (
        blind_commitment(setup, &Dory::commit(setup, poly), &blind),
        blind,
    )
}

/// Hiding commitments to `polys` (committed as [`Dory::batch_commit`] does) and their
/// blinds.
pub fn batch_commit_hiding<R: ark_std::rand::RngCore + ark_std::rand::CryptoRng>(
    setup: &DorySetup,
    polys: &[&MultilinearPolynomial<Fr>],
    rng: &mut R,
) -> (Vec<Gt>, Vec<Fr>) {
    use ark_std::UniformRand;
    let blinds: Vec<Fr> = polys.iter().map(|_| Fr::rand(rng)).collect();
    let commitments = Dory::batch_commit(setup, polys)
        .iter()
        .zip(&blinds)
        .map(|(c, b)| blind_commitment(setup, c, b))
        .collect();
    (commitments, blinds)
}

/// The zero-knowledge proof of `Σ_i coeffs_i · polys_i` (= `combined`, committed with the
/// combined blind `commit_blind`) at `point`. Absorbs the point, never the value. Returns the
/// proof and the blind `r_y` of its `y_com`.
///
/// # Panics
/// As [`Dory::open_combination`].
#[allow(clippy::expect_used)]
pub fn open_combination_zk(
    setup: &DorySetup,
    polys: &[&MultilinearPolynomial<Fr>],
    coeffs: &[Fr],
    combined: &MultilinearPolynomial<Fr>,
    commit_blind: Fr,
    point: &[Fr],
    transcript: &mut Transcript,
) -> (ZkDoryProof, Fr) {
    let rows = combination::row_commitments(setup, polys, coeffs);
    transcript.append_scalars(labels::OPENING_POINT, point);
    let (proof, r_y) = run_opening::<ZK>(setup, combined, rows, commit_blind, point, transcript);
    (
        ZkDoryProof::from_dory(&proof).expect("a zero-knowledge proof has its fields"),
        r_y.expect("a zero-knowledge proof blinds its value"),
    )
}

/// Verifies a zero-knowledge evaluation proof of `commitment` at `point` (whose length fixes
/// the matrix shape, bounded by `setup`). Returns `y_com`, the Pedersen commitment
/// `y · Γ_1[0] + r_y · H_1` to the hidden value.
pub fn verify_zk(
    setup: &DorySetup,
    commitment: &Gt,
    point: &[Fr],
    proof: &ZkDoryProof,
    transcript: &mut Transcript,
) -> Result<G1Affine, OpeningError> {
    let sigma = setup::log_cols_for(point.len());
    if sigma > setup.log_cols as usize {
        return Err(OpeningError::PointTooLong {
            max: 2 * setup.log_cols as usize,
            got: point.len(),
        });
    }
    let nu = point.len().saturating_sub(sigma);
    if proof.first.len() != sigma || proof.second.len() != sigma {
        return Err(OpeningError::ProofShape("number of reduce rounds ≠ σ"));
    }
    transcript.append_scalars(labels::OPENING_POINT, point);
    dory_pcs::verify::<ArkFr, BN254, G1Routines, G2Routines, _>(
        ark_gt(commitment),
        ArkFr(Fr::from(0u64)),
        &dory_point(point, nu + sigma),
        &proof.to_dory(nu, sigma),
        DoryParameters::get(sigma as u32).verifier.clone(),
        &mut DoryTranscript(transcript),
    )
    .map_err(|_| OpeningError::PairingCheck)?;
    Ok(proof.y_com)
}

/// The generators of `y_com`: `(Γ_1[0], H_1)` of the parameters for points of `num_vars`
/// coordinates.
pub fn value_generators(num_vars: usize) -> (G1Affine, G1Affine) {
    let params = DoryParameters::get(setup::log_cols_for(num_vars) as u32);
    let prover = &params.prover;
    (g1(&prover.g1_vec[0]), g1(&prover.h1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ark_ec::{AffineRepr, CurveGroup};
    use ark_std::UniformRand;
    use rand_chacha::rand_core::SeedableRng;

    fn random_poly(n: usize, rng: &mut impl ark_std::rand::RngCore) -> MultilinearPolynomial<Fr> {
        (0..1 << n)
            .map(|_| Fr::rand(rng))
            .collect::<Vec<_>>()
            .into()
    }

    #[test]
    fn a_hiding_opening_verifies_and_commits_to_the_value() {
        let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(1);
        for n in [1usize, 4, 7] {
            let setup = DorySetup::new(n);
            let poly = random_poly(n, &mut rng);
            let (com, blind) = commit_hiding(&setup, &poly, &mut rng);
            assert_ne!(
                com,
                Dory::commit(&setup, &poly),
                "the commitment is blinded"
            );
            assert_eq!(
                blind_commitment(&setup, &com, &-blind),
                Dory::commit(&setup, &poly)
            );
            let point: Vec<Fr> = (0..n).map(|_| Fr::rand(&mut rng)).collect();
            let (proof, r_y) = open_combination_zk(
                &setup,
                &[&poly],
                &[Fr::from(1u64)],
                &poly,
                blind,
                &point,
                &mut Transcript::new(b"zk"),
            );
            let y_com = verify_zk(&setup, &com, &point, &proof, &mut Transcript::new(b"zk"))
                .expect("an honest proof verifies");
            let (g, h) = value_generators(n);
            let y = poly.evaluate(&point);
            assert_eq!(y_com, (g * y + h * r_y).into_affine());
            // The wrong commitment, the unblinded one, or another point is rejected.
            let other = commit_hiding(&setup, &poly, &mut rng).0;
            assert!(
                verify_zk(&setup, &other, &point, &proof, &mut Transcript::new(b"zk")).is_err()
            );
            let plain = Dory::commit(&setup, &poly);
            assert!(
                verify_zk(&setup, &plain, &point, &proof, &mut Transcript::new(b"zk")).is_err()
            );
            let mut moved = point.clone();
            moved[0] += Fr::from(1u64);
            assert!(verify_zk(&setup, &com, &moved, &proof, &mut Transcript::new(b"zk")).is_err());
            let mut bad = proof.clone();
            bad.y_com = (bad.y_com + G1Affine::generator()).into_affine();
            assert!(verify_zk(&setup, &com, &point, &bad, &mut Transcript::new(b"zk")).is_err());
            let mut bad = proof.clone();
            bad.sigma1.z1 += Fr::from(1u64);
            assert!(verify_zk(&setup, &com, &point, &bad, &mut Transcript::new(b"zk")).is_err());
            let mut bad = proof.clone();
            bad.scalar_product.r2 += Fr::from(1u64);
            assert!(verify_zk(&setup, &com, &point, &bad, &mut Transcript::new(b"zk")).is_err());
            let mut bad = proof;
            bad.first.0.pop();
            assert!(matches!(
                verify_zk(&setup, &com, &point, &bad, &mut Transcript::new(b"zk")),
                Err(OpeningError::ProofShape(_))
            ));
        }
    }

    #[test]
    fn hiding_commitments_combine_with_their_blinds() {
        let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(2);
        let n = 5;
        let setup = DorySetup::new(n);
        let (p, q) = (random_poly(n, &mut rng), random_poly(n, &mut rng));
        let (cp, bp) = commit_hiding(&setup, &p, &mut rng);
        let (cq, bq) = commit_hiding(&setup, &q, &mut rng);
        let k = [Fr::from(3u64), Fr::rand(&mut rng)];
        let combined_com = Dory::combine_commitments(&[&cp, &cq], &k).unwrap();
        let combined: MultilinearPolynomial<Fr> =
            MultilinearPolynomial::linear_combination(&[&p, &q], &k).into();
        let point: Vec<Fr> = (0..n).map(|_| Fr::rand(&mut rng)).collect();
        let (proof, _) = open_combination_zk(
            &setup,
            &[&p, &q],
            &k,
            &combined,
            k[0] * bp + k[1] * bq,
            &point,
            &mut Transcript::new(b"zk"),
        );
        assert!(verify_zk(
            &setup,
            &combined_com,
            &point,
            &proof,
            &mut Transcript::new(b"zk")
        )
        .is_ok());
    }

    #[test]
    fn proofs_round_trip_through_bytes() {
        use ark_serialize::{CanonicalDeserialize, CanonicalSerialize};
        let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(3);
        let setup = DorySetup::new(4);
        let poly = random_poly(4, &mut rng);
        let (_, blind) = commit_hiding(&setup, &poly, &mut rng);
        let point: Vec<Fr> = (0..4).map(|_| Fr::rand(&mut rng)).collect();
        let (proof, _) = open_combination_zk(
            &setup,
            &[&poly],
            &[Fr::from(1u64)],
            &poly,
            blind,
            &point,
            &mut Transcript::new(b"zk"),
        );
        let mut bytes = Vec::new();
        proof.serialize_compressed(&mut bytes).unwrap();
        assert_eq!(
            ZkDoryProof::deserialize_compressed(&bytes[..]).unwrap(),
            proof
        );
        for cut in [0, 1, bytes.len() / 2, bytes.len() - 1] {
            assert!(ZkDoryProof::deserialize_compressed(&bytes[..cut]).is_err());
        }
    }
}
