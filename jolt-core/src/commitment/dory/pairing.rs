//! Multi-pairings `Π_i e(P_i, Q_i)` of many G1 points against prepared G2 points (the Dory
//! commitment's `Σ_i e(T_i, Γ_2[i])`, hundreds of pairs per commitment).
//!
//! The optimal-ate Miller loop multiplies one line value per pair and loop step into an
//! accumulator `f`, squared once per step. arkworks runs a separate accumulator for every
//! four pairs (four squarings per step for sixteen pairs); here each thread keeps one
//! accumulator for its share of the pairs, so a step costs one squaring per thread, and the
//! accumulators are multiplied together before the shared final exponentiation. The product
//! is the same element of `F_{p^12}` as arkworks' (the same factors in another order), hence
//! the same pairing (tested).
//!
//! BN254 has a D-type twist and a positive loop parameter `u`: the lines are sparse with
//! coefficients at positions 0, 3 and 4, and the loop's value needs no inversion.

use crate::cfg_chunks;
#[allow(unused_imports)]
use crate::utils::parallel::*;
use ark_bn254::{Bn254, Config, Fq12, G1Affine};
use ark_ec::bn::{BnConfig, G2Prepared, TwistType};
use ark_ec::pairing::{MillerLoopOutput, Pairing, PairingOutput};
use ark_ec::AffineRepr;
use ark_ff::Field;

const _: () = assert!(!<Config as BnConfig>::X_IS_NEGATIVE);
const _: () = assert!(matches!(<Config as BnConfig>::TWIST_TYPE, TwistType::D));

/// Fewest pairs given to one thread's accumulator.
const MIN_PAIRS_PER_THREAD: usize = 16;

/// `f ← f · ℓ(P)`, the line of coefficients `coeffs` evaluated at `p`.
fn mul_by_line(
    f: &mut Fq12,
    coeffs: &(ark_bn254::Fq2, ark_bn254::Fq2, ark_bn254::Fq2),
    p: &G1Affine,
) {
    let (mut c0, mut c1) = (coeffs.0, coeffs.1);
    c0.mul_assign_by_fp(&p.y);
    c1.mul_assign_by_fp(&p.x);
    super::line::mul_by_line(f, &c0, &c1, &coeffs.2);
}

/// The Miller loop's value for `pairs` (non-zero points), lines after the loop included.
fn miller_loop(pairs: &[(G1Affine, &G2Prepared<Config>)]) -> Fq12 {
    let bits = <Config as BnConfig>::ATE_LOOP_COUNT;
    let mut f = Fq12::ONE;
    let mut k = 0;
    for i in (1..bits.len()).rev() {
        if i != bits.len() - 1 {
            f.square_in_place();
        }
        for (p, q) in pairs {
            mul_by_line(&mut f, &q.ell_coeffs[k], p);
        }
        k += 1;
        if bits[i - 1] != 0 {
            for (p, q) in pairs {
                mul_by_line(&mut f, &q.ell_coeffs[k], p);
            }
            k += 1;
        }
    }
    // The two Frobenius lines.
    for (p, q) in pairs {
        mul_by_line(&mut f, &q.ell_coeffs[k], p);
        mul_by_line(&mut f, &q.ell_coeffs[k + 1], p);
    }
    f
}

/// `Π_i e(g1[i], g2[i])` over the pairs of non-zero points.
pub(super) fn multi_pairing(g1: &[G1Affine], g2: &[G2Prepared<Config>]) -> PairingOutput<Bn254> {
    let pairs: Vec<(G1Affine, &G2Prepared<Config>)> = g1
        .iter()
        .zip(g2)
        .filter(|(p, q)| !p.is_zero() && !q.infinity)
        .map(|(p, q)| (*p, q))
        .collect();
    let chunk = pairs
        .len()
        .div_ceil(num_threads())
        .max(MIN_PAIRS_PER_THREAD);
    let f: Fq12 = cfg_chunks!(pairs, chunk).map(miller_loop).product();
    Bn254::final_exponentiation(MillerLoopOutput(f)).expect("a product of lines is non-zero")
}

#[cfg(test)]
mod tests {
    use super::*;
    use ark_bn254::{G1Projective, G2Affine};
    use ark_std::{test_rng, UniformRand};

    #[test]
    fn multi_pairing_equals_arkworks_with_zero_points() {
        let mut rng = test_rng();
        for n in [0usize, 1, 5, 40, 200] {
            let mut g1: Vec<G1Affine> = (0..n).map(|_| G1Affine::rand(&mut rng)).collect();
            let g2: Vec<G2Affine> = (0..n).map(|_| G2Affine::rand(&mut rng)).collect();
            if n > 3 {
                g1[2] = G1Projective::default().into();
            }
            let prepared: Vec<G2Prepared<Config>> = g2.iter().map(|q| (*q).into()).collect();
            assert_eq!(
                multi_pairing(&g1, &prepared),
                Bn254::multi_pairing(g1.clone(), g2.clone()),
                "n = {n}"
            );
        }
    }
}
