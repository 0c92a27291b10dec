//! Multi-scalar multiplication `Σ_i s_i · G_i` over BN254 G1.
//!
//! * [`msm_field`]: arbitrary field scalars, arkworks' Pippenger (wNAF buckets): the generic
//!   baseline.
//! * [`msm_wide`]: arbitrary field scalars with the batch-affine bucket machinery of
//!   [`small`] (used by the commitment schemes for dense polynomials).
//! * [`msm_small`]: scalars below `2^k` stored as `u8 … u64` (see [`small`]): a bucket method
//!   whose windows only cover the `k` bits that can be non-zero, parallel over the points.
//! * [`msm`]: dispatches on a [`MultilinearPolynomial`]'s storage.

pub mod small;
pub mod wide;

pub use small::msm_small;
pub use wide::msm_wide;

use crate::field::Fr;
use crate::poly::MultilinearPolynomial;
use ark_bn254::{G1Affine, G1Projective};
use ark_ec::VariableBaseMSM;

/// `Σ_i scalars[i] · bases[i]` for arbitrary field scalars (lengths must match).
pub fn msm_field(bases: &[G1Affine], scalars: &[Fr]) -> G1Projective {
    assert_eq!(bases.len(), scalars.len(), "msm: length mismatch");
    G1Projective::msm_unchecked(bases, scalars)
}

/// `Σ_i p[i] · bases[i]` choosing the MSM that fits the polynomial's storage.
pub fn msm(bases: &[G1Affine], poly: &MultilinearPolynomial<Fr>) -> G1Projective {
    match poly {
        MultilinearPolynomial::Dense(d) => msm_wide(bases, d.evals()),
        MultilinearPolynomial::U8(p) => msm_small(bases, p.values()),
        MultilinearPolynomial::U16(p) => msm_small(bases, p.values()),
        MultilinearPolynomial::U32(p) => msm_small(bases, p.values()),
        MultilinearPolynomial::U64(p) => msm_small(bases, p.values()),
    }
}

/// `Σ_i scalars[i] · bases[i]` on the calling thread only (for verifiers): Pippenger with
/// unsigned windows. Extra elements of the longer slice are ignored.
pub fn msm_serial(bases: &[G1Affine], scalars: &[Fr]) -> G1Projective {
    use ark_ec::AdditiveGroup;
    use ark_ff::{BigInteger, PrimeField, Zero};
    let n = bases.len().min(scalars.len());
    if n == 0 {
        return G1Projective::zero();
    }
    let bigints: Vec<_> = scalars.iter().take(n).map(|s| s.into_bigint()).collect();
    let c = if n < 32 {
        3
    } else {
        (usize::BITS - n.leading_zeros()) as usize * 2 / 3 + 1
    };
    let num_bits = Fr::MODULUS_BIT_SIZE as usize;
    let mut acc = G1Projective::zero();
    let mut buckets = vec![G1Projective::zero(); (1 << c) - 1];
    for w in (0..num_bits.div_ceil(c)).rev() {
        for _ in 0..c {
            acc.double_in_place();
        }
        buckets.iter_mut().for_each(|b| *b = G1Projective::zero());
        for (b, s) in bases.iter().zip(&bigints) {
            let mut digit = 0usize;
            for k in 0..c {
                let bit = w * c + k;
                if bit < num_bits && s.get_bit(bit) {
                    digit |= 1 << k;
                }
            }
            if let Some(bucket) = digit.checked_sub(1).and_then(|d| buckets.get_mut(d)) {
                *bucket += b;
            }
        }
        let mut running = G1Projective::zero();
        for b in buckets.iter().rev() {
            running += b;
            acc += running;
        }
    }
    acc
}

/// Projective to affine on the calling thread (verifier side): one field inversion for the
/// whole slice (Montgomery's trick on the `z` coordinates; points at infinity stay there).
pub fn normalize_serial(points: &[G1Projective]) -> Vec<G1Affine> {
    use ark_ff::{AdditiveGroup, Field, Zero};
    let mut prefix = Vec::with_capacity(points.len());
    let mut acc = ark_bn254::Fq::ONE;
    for p in points {
        prefix.push(acc);
        if !p.z.is_zero() {
            acc *= p.z;
        }
    }
    let mut inv = acc.inverse().unwrap_or(ark_bn254::Fq::ZERO);
    let mut out = vec![G1Affine::identity(); points.len()];
    for ((p, pre), o) in points.iter().zip(&prefix).zip(out.iter_mut()).rev() {
        if p.z.is_zero() {
            continue;
        }
        let z_inv = inv * pre;
        inv *= p.z;
        // Jacobian coordinates: (X / Z², Y / Z³).
        let z_inv2 = z_inv.square();
        *o = G1Affine::new_unchecked(p.x * z_inv2, p.y * z_inv2 * z_inv);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ark_ec::ScalarMul;
    use ark_std::{test_rng, UniformRand};

    #[test]
    fn serial_normalization_matches_arkworks() {
        use ark_ec::CurveGroup;
        use ark_ff::Zero;
        let mut rng = test_rng();
        let mut points: Vec<G1Projective> = (0..9).map(|_| G1Projective::rand(&mut rng)).collect();
        points[3] = G1Projective::zero();
        points.push(points[1] + points[1]);
        assert_eq!(
            normalize_serial(&points),
            G1Projective::normalize_batch(&points)
        );
        assert!(normalize_serial(&[]).is_empty());
    }

    #[test]
    fn serial_msm_matches_arkworks() {
        let mut rng = test_rng();
        for n in [0usize, 1, 5, 40, 300] {
            let bases = G1Projective::rand(&mut rng)
                .batch_mul(&(0..n).map(|_| Fr::rand(&mut rng)).collect::<Vec<_>>());
            let scalars: Vec<Fr> = (0..n).map(|_| Fr::rand(&mut rng)).collect();
            assert_eq!(msm_serial(&bases, &scalars), msm_field(&bases, &scalars));
        }
    }
}
