//! The inner sumcheck's column arithmetic over compact witness columns: the weighted sum
//! `W(t) = Σ_k M[k]·w_k(t)` and the evaluations `w_k(s) = Σ_t eq(s, t)·w_k(t)`.
//!
//! Most columns are `u8` (flags, bytes, register indices): their products with a field weight
//! are table lookups (`W`) or bucket sums, one multiplication per distinct value (`w_k(s)`).
//! Wider columns skip zeros and ones; dense columns multiply.

use crate::field::{JoltField, SmallScalar};
use crate::poly::MultilinearPolynomial;
#[allow(unused_imports)]
use crate::utils::parallel::*;
use crate::{cfg_chunks_mut, cfg_iter};

/// Cycles per parallel task of [`weighted_sum`] (the output chunk stays in cache).
const CHUNK: usize = 1 << 12;

/// `out[i] += w·values[i]`, skipping zeros and multiplying only values above 1.
#[inline]
fn add_scaled<T: SmallScalar, F: JoltField>(out: &mut [F], w: F, values: &[T]) {
    for (o, v) in out.iter_mut().zip(values) {
        match v.as_u64() {
            0 => {}
            1 => *o += w,
            x => *o += w * F::from_u64(x),
        }
    }
}

/// `Σ_k weights[k]·w_k` as a table of `T` field elements (zero weights skipped).
pub(super) fn weighted_sum<F: JoltField>(
    witness: &[MultilinearPolynomial<F>],
    weights: &[F],
) -> Vec<F> {
    let t_len = witness.first().map_or(1, |w| w.len());
    // (column, weight, w·v for v < 256 if the column is u8)
    let active: Vec<(&MultilinearPolynomial<F>, F, Vec<F>)> = witness
        .iter()
        .zip(weights)
        .filter(|(_, w)| !w.is_zero())
        .map(|(p, w)| {
            let table = match p {
                MultilinearPolynomial::U8(_) => (0..256u64).map(|v| *w * F::from_u64(v)).collect(),
                _ => Vec::new(),
            };
            (p, *w, table)
        })
        .collect();
    let mut out = vec![F::ZERO; t_len];
    cfg_chunks_mut!(out, CHUNK)
        .enumerate()
        .for_each(|(i, out)| {
            let range = i * CHUNK..i * CHUNK + out.len();
            for (p, w, table) in &active {
                match p {
                    MultilinearPolynomial::U8(c) => {
                        for (o, v) in out.iter_mut().zip(&c.values()[range.clone()]) {
                            if *v != 0 {
                                *o += table[usize::from(*v)];
                            }
                        }
                    }
                    MultilinearPolynomial::U16(c) => {
                        add_scaled(out, *w, &c.values()[range.clone()])
                    }
                    MultilinearPolynomial::U32(c) => {
                        add_scaled(out, *w, &c.values()[range.clone()])
                    }
                    MultilinearPolynomial::U64(c) => {
                        add_scaled(out, *w, &c.values()[range.clone()])
                    }
                    MultilinearPolynomial::Dense(d) => {
                        for (o, v) in out.iter_mut().zip(&d.evals()[range.clone()]) {
                            *o += *w * v;
                        }
                    }
                }
            }
        });
    out
}

/// `Σ_t eq[t]·values[t]`, skipping zeros and multiplying only values above 1.
fn dot_small<T: SmallScalar, F: JoltField>(eq: &[F], values: &[T]) -> F {
    let mut acc = F::ZERO;
    for (e, v) in eq.iter().zip(values) {
        match v.as_u64() {
            0 => {}
            1 => acc += e,
            x => acc += *e * F::from_u64(x),
        }
    }
    acc
}

/// `Σ_t eq[t]·w_k(t)` for every column `k` (with `eq = eq(s, ·)`: the evaluations `w_k(s)`).
pub(super) fn evaluations<F: JoltField>(witness: &[MultilinearPolynomial<F>], eq: &[F]) -> Vec<F> {
    cfg_iter!(witness)
        .map(|p| match p {
            MultilinearPolynomial::U8(c) => {
                let mut buckets = [F::ZERO; 256];
                for (e, v) in eq.iter().zip(c.values()) {
                    buckets[usize::from(*v)] += e;
                }
                (1..256u64)
                    .zip(&buckets[1..])
                    .map(|(v, b)| F::from_u64(v) * b)
                    .sum()
            }
            MultilinearPolynomial::U16(c) => dot_small(eq, c.values()),
            MultilinearPolynomial::U32(c) => dot_small(eq, c.values()),
            MultilinearPolynomial::U64(c) => dot_small(eq, c.values()),
            MultilinearPolynomial::Dense(d) => eq.iter().zip(d.evals()).map(|(e, v)| *e * v).sum(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::field::Fr;
    use crate::poly::EqPolynomial;
    use ark_std::rand::Rng;
    use ark_std::{test_rng, UniformRand};

    #[test]
    fn weighted_sum_and_evaluations_match_naive() {
        let mut rng = test_rng();
        let n = 13; // more than one CHUNK
        let len = 1usize << n;
        let witness: Vec<MultilinearPolynomial<Fr>> = vec![
            (0..len)
                .map(|_| rng.gen_range(0..3u8))
                .collect::<Vec<_>>()
                .into(),
            (0..len).map(|_| rng.gen::<u8>()).collect::<Vec<_>>().into(),
            (0..len)
                .map(|_| rng.gen::<u16>())
                .collect::<Vec<_>>()
                .into(),
            (0..len)
                .map(|_| rng.gen::<u32>() >> rng.gen_range(0..32))
                .collect::<Vec<_>>()
                .into(),
            (0..len)
                .map(|_| rng.gen::<u64>())
                .collect::<Vec<_>>()
                .into(),
            (0..len)
                .map(|_| Fr::rand(&mut rng))
                .collect::<Vec<_>>()
                .into(),
            vec![0u8; len].into(),
        ];
        let mut weights: Vec<Fr> = witness.iter().map(|_| Fr::rand(&mut rng)).collect();
        weights[6] = Fr::from(0u64);
        let sum = weighted_sum(&witness, &weights);
        for t in (0..len).step_by(37) {
            let naive: Fr = witness
                .iter()
                .zip(&weights)
                .map(|(p, w)| *w * p.get(t))
                .sum();
            assert_eq!(sum[t], naive, "cycle {t}");
        }
        let point: Vec<Fr> = (0..n).map(|_| Fr::rand(&mut rng)).collect();
        let evals = evaluations(&witness, &EqPolynomial::evals(&point));
        for (p, v) in witness.iter().zip(evals) {
            assert_eq!(p.evaluate(&point), v);
        }
    }
}
