//! The Miller loop's step `f ← f·ℓ` for a sparse line `ℓ`, with lazy reduction.
//!
//! # Equation
//! arkworks' tower is `F_{p^12} = F_{p^6}[w]/(w² − v)`, `F_{p^6} = F_{p^2}[v]/(v³ − ξ)`,
//! `ξ = 9 + u`; so `F_{p^12} = F_{p^2}[w]/(w⁶ − ξ)` and an element is `Σ_{k<6} g_k·w^k` with
//! `(g_0, …, g_5) = (c0.c0, c1.c0, c0.c1, c1.c1, c0.c2, c1.c2)`. BN254's lines (D-type twist)
//! are `ℓ = ℓ_0 + ℓ_1·w + ℓ_3·w³` (the coefficients `c0, c3, c4` of arkworks' `mul_by_034`),
//! hence, with indices modulo 6 and a factor `ξ` on the terms whose degrees add up past 5:
//! ```text
//!   (f·ℓ)_k = g_k·ℓ_0 + g_{k−1}·ℓ_1 + g_{k−3}·ℓ_3
//! ```
//! three `F_{p^2}` products per coefficient.
//!
//! # Lazy reduction
//! A field element is its Montgomery representative `x̃ = x·R mod p` (`R = 2^256`), and
//! `REDC(X) ≡ X·R^{−1} (mod p)`, so `REDC(Σ x̃_i·ỹ_i)` is the representative of `Σ x_i·y_i`.
//! Each product `x·y` in `F_{p^2}` takes three integer products of representatives
//! (Karatsuba): `a = x_0 y_0`, `b = x_1 y_1`, `c = (x_0 + x_1)(y_0 + y_1)`, and the coefficient
//! is `(Σ a − Σ b) + (Σ c − Σ a − Σ b)·u` over its three products, summed as 512-bit integers
//! and reduced once per `F_p` coefficient: 54 integer products and 12 reductions per step,
//! where arkworks' `mul_by_034` makes 13 `F_{p^2}` multiplications of two reductions each
//! and adds reduced values (830 ns against 1,340 ns here).
//!
//! Bounds (`p < 2^253.7`, so `12p² < 2^511`): representatives are `< p`, so `Σ a, Σ b < 3p²`,
//! `Σ c < 12p² < 2^512`, and the real part is computed as `Σ a + 3p² − Σ b ∈ (0, 6p²)`, the
//! imaginary part `Σ c − Σ a − Σ b = Σ (x_0 y_1 + x_1 y_0) ∈ [0, 6p²)` (exact, no borrow).
//! Montgomery reduction of `X < 6p²` adds `m·p < R·p` and divides by `R`: no limb overflows
//! (`6p² + R·p < 2^511`) and the quotient is below `6p²/R + p < 3p`, made canonical with at
//! most two subtractions of `p`.

use ark_bn254::{Fq, Fq12, Fq2, Fq6, Fq6Config};
use ark_ff::fields::Fp6Config;
use ark_ff::{BigInt, PrimeField};

type Wide = [u64; 8];

const P: [u64; 4] = Fq::MODULUS.0;

/// `x·y` as an integer.
#[inline(always)]
fn mul_wide(x: &[u64; 4], y: &[u64; 4]) -> Wide {
    let mut r = [0u64; 8];
    for i in 0..4 {
        let mut carry = 0u64;
        for j in 0..4 {
            // (2^64 − 1)^2 + 2·(2^64 − 1) < 2^128: no overflow.
            let t = (x[i] as u128) * (y[j] as u128) + r[i + j] as u128 + carry as u128;
            r[i + j] = t as u64;
            carry = (t >> 64) as u64;
        }
        r[i + 4] = carry;
    }
    r
}

/// `acc += x` (the bounds of the module documentation exclude a carry out).
#[inline(always)]
fn add_wide(acc: &mut Wide, x: &Wide) {
    let mut carry = false;
    for (a, b) in acc.iter_mut().zip(x) {
        let (s, c1) = a.overflowing_add(*b);
        let (s, c2) = s.overflowing_add(carry as u64);
        *a = s;
        carry = c1 | c2;
    }
}

/// `acc −= x` (the bounds of the module documentation exclude a borrow out).
#[inline(always)]
fn sub_wide(acc: &mut Wide, x: &Wide) {
    let mut borrow = false;
    for (a, b) in acc.iter_mut().zip(x) {
        let (s, b1) = a.overflowing_sub(*b);
        let (s, b2) = s.overflowing_sub(borrow as u64);
        *a = s;
        borrow = b1 | b2;
    }
}

/// `3p²`.
const THREE_P_SQUARED: Wide = {
    let mut r = [0u64; 8];
    let mut i = 0;
    while i < 4 {
        let mut carry = 0u64;
        let mut j = 0;
        while j < 4 {
            let t = (P[i] as u128) * (P[j] as u128) + r[i + j] as u128 + carry as u128;
            r[i + j] = t as u64;
            carry = (t >> 64) as u64;
            j += 1;
        }
        r[i + 4] = carry;
        i += 1;
    }
    let mut carry = 0u128;
    let mut k = 0;
    while k < 8 {
        let t = 3 * (r[k] as u128) + carry;
        r[k] = t as u64;
        carry = t >> 64;
        k += 1;
    }
    r
};

/// Whether `x ≥ p`.
#[inline(always)]
fn at_least_p(x: &[u64; 4]) -> bool {
    for i in (0..4).rev() {
        if x[i] != P[i] {
            return x[i] > P[i];
        }
    }
    true
}

/// The element whose representative is `X·R^{−1} mod p`, for `X < 6p²`.
#[inline(always)]
fn reduce(mut t: Wide) -> Fq {
    for i in 0..4 {
        let m = t[i].wrapping_mul(Fq::INV);
        let mut carry = 0u64;
        for j in 0..4 {
            let s = (m as u128) * (P[j] as u128) + t[i + j] as u128 + carry as u128;
            t[i + j] = s as u64;
            carry = (s >> 64) as u64;
        }
        for limb in t.iter_mut().skip(i + 4) {
            let (s, c) = limb.overflowing_add(carry);
            *limb = s;
            carry = c as u64;
        }
    }
    let mut r = [t[4], t[5], t[6], t[7]];
    while at_least_p(&r) {
        let mut borrow = false;
        for (a, b) in r.iter_mut().zip(P) {
            let (s, b1) = a.overflowing_sub(b);
            let (s, b2) = s.overflowing_sub(borrow as u64);
            *a = s;
            borrow = b1 | b2;
        }
    }
    Fq::new_unchecked(BigInt(r))
}

/// An `F_{p^2}` element's representatives and their (unreduced) sum, as Karatsuba reads it.
#[derive(Clone, Copy)]
struct Operand {
    re: [u64; 4],
    im: [u64; 4],
    /// `re + im < 2p < 2^255`.
    sum: [u64; 4],
}

impl Operand {
    #[inline(always)]
    fn new(x: &Fq2) -> Self {
        let (re, im) = (x.c0.0 .0, x.c1.0 .0);
        let mut sum = [0u64; 4];
        let mut carry = false;
        for i in 0..4 {
            let (s, c1) = re[i].overflowing_add(im[i]);
            let (s, c2) = s.overflowing_add(carry as u64);
            sum[i] = s;
            carry = c1 | c2;
        }
        Self { re, im, sum }
    }
}

/// `Σ_i x_i·y_i` over three pairs, reduced once per coefficient.
#[inline(always)]
fn sum_of_three(terms: [(&Operand, &Operand); 3]) -> Fq2 {
    let (mut a, mut b, mut c) = ([0u64; 8], [0u64; 8], [0u64; 8]);
    for (x, y) in terms {
        add_wide(&mut a, &mul_wide(&x.re, &y.re));
        add_wide(&mut b, &mul_wide(&x.im, &y.im));
        add_wide(&mut c, &mul_wide(&x.sum, &y.sum));
    }
    sub_wide(&mut c, &a);
    sub_wide(&mut c, &b);
    add_wide(&mut a, &THREE_P_SQUARED);
    sub_wide(&mut a, &b);
    Fq2::new(reduce(a), reduce(c))
}

/// `ξ·x` (arkworks' multiplication by the `F_{p^6}` non-residue `ξ = 9 + u`).
#[inline(always)]
fn mul_by_xi(x: &Fq2) -> Fq2 {
    let mut x = *x;
    Fq6Config::mul_fp2_by_nonresidue_in_place(&mut x);
    x
}

/// `f ← f·(ℓ_0 + ℓ_1·w + ℓ_3·w³)`, equal to arkworks' `f.mul_by_034(ℓ_0, ℓ_1, ℓ_3)`.
pub(super) fn mul_by_line(f: &mut Fq12, l0: &Fq2, l1: &Fq2, l3: &Fq2) {
    let g = [f.c0.c0, f.c1.c0, f.c0.c1, f.c1.c1, f.c0.c2, f.c1.c2].map(|x| Operand::new(&x));
    let (l0, l1, l3, xl1, xl3) = (
        Operand::new(l0),
        Operand::new(l1),
        Operand::new(l3),
        Operand::new(&mul_by_xi(l1)),
        Operand::new(&mul_by_xi(l3)),
    );
    let h = [
        sum_of_three([(&g[0], &l0), (&g[5], &xl1), (&g[3], &xl3)]),
        sum_of_three([(&g[1], &l0), (&g[0], &l1), (&g[4], &xl3)]),
        sum_of_three([(&g[2], &l0), (&g[1], &l1), (&g[5], &xl3)]),
        sum_of_three([(&g[3], &l0), (&g[2], &l1), (&g[0], &l3)]),
        sum_of_three([(&g[4], &l0), (&g[3], &l1), (&g[1], &l3)]),
        sum_of_three([(&g[5], &l0), (&g[4], &l1), (&g[2], &l3)]),
    ];
    f.c0 = Fq6::new(h[0], h[2], h[4]);
    f.c1 = Fq6::new(h[1], h[3], h[5]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use ark_ff::{Field, One, Zero};
    use ark_std::{test_rng, UniformRand};

    /// The lazily reduced product equals arkworks' `mul_by_034` on random operands and on
    /// the extremes (every coefficient `0` or `p − 1`), where the bounds are tightest.
    #[test]
    fn line_product_equals_arkworks() {
        let mut rng = test_rng();
        let max = -Fq::one();
        let extreme2 = Fq2::new(max, max);
        let extreme6 = Fq6::new(extreme2, extreme2, extreme2);
        let mut cases: Vec<(Fq12, [Fq2; 3])> = (0..200)
            .map(|_| {
                (
                    Fq12::rand(&mut rng),
                    [
                        Fq2::rand(&mut rng),
                        Fq2::rand(&mut rng),
                        Fq2::rand(&mut rng),
                    ],
                )
            })
            .collect();
        cases.push((Fq12::new(extreme6, extreme6), [extreme2; 3]));
        cases.push((Fq12::zero(), [extreme2; 3]));
        cases.push((Fq12::new(extreme6, extreme6), [Fq2::zero(); 3]));
        cases.push((Fq12::one(), [Fq2::one(), extreme2, Fq2::zero()]));
        for (f, [l0, l1, l3]) in cases {
            let mut expected = f;
            expected.mul_by_034(&l0, &l1, &l3);
            let mut got = f;
            mul_by_line(&mut got, &l0, &l1, &l3);
            assert_eq!(got, expected);
        }
        // A long chain keeps every intermediate canonical.
        let (mut a, mut b) = (Fq12::rand(&mut rng), Fq12::zero());
        b += a;
        for _ in 0..1000 {
            let l = [
                Fq2::rand(&mut rng),
                Fq2::rand(&mut rng),
                Fq2::rand(&mut rng),
            ];
            a.mul_by_034(&l[0], &l[1], &l[2]);
            mul_by_line(&mut b, &l[0], &l[1], &l[2]);
            a.square_in_place();
            b.square_in_place();
        }
        assert_eq!(a, b);
    }
}
