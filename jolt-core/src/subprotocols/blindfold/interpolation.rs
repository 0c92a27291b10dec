//! A polynomial of bounded total degree known only as a function, recovered from its values
//! and evaluated over hidden values as circuit products.
//!
//! A lookup table's combining polynomial `g` is given by its evaluation
//! (`Instruction::combine_lookups`) and its total degree `d`; a zero-knowledge verifier must
//! evaluate it on committed values, one product at a time. Newton's forward-difference
//! formula on the simplex recovers it exactly from the values at the `C(k + d, d)` integer
//! points `β ∈ ℕ^k` with `|β| ≤ d`:
//! ```text
//!   g(x) = Σ_{|α| ≤ d} (Δ^α g)(0) · Π_i C(x_i, α_i),
//!   (Δ^α g)(0) = Σ_{β ≤ α} (−1)^{|α| − |β|} · Π_i C(α_i, β_i) · g(β),
//! ```
//! (`Δ_i f(x) = f(x + e_i) − f(x)`; every `Δ^α` with `|α| > d` annihilates a polynomial of
//! total degree `d`, so the series is finite and exact). The basis `Π_i C(x_i, α_i)` equals
//! the monomial `Π_i x_i` for a multilinear `g`, so the usual tables (sums of products of
//! distinct values) keep their few terms.
//!
//! # Soundness
//! The recovered polynomial is `g` exactly when `g` has total degree `≤ d` over the field;
//! an instruction that understates its degree yields another polynomial, which
//! [`BoundedPolynomial::agrees_with`] detects at random points. Nothing here depends on the
//! proof: both sides derive it from the table.
//!
//! Cost in a circuit: one product per factor beyond the first of each term (`x_i` to a power
//! `a ≥ 2` costs `a − 1` more), with the prefixes that terms share computed once.

use super::circuit::{Circuit, Lc};
use crate::field::Fr;
use ark_ff::{AdditiveGroup, Field};
use std::collections::HashMap;

/// A polynomial in the binomial basis: `Σ_α c_α Π_i C(x_i, α_i)` over its non-zero terms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BoundedPolynomial {
    num_vars: usize,
    /// Each term's factors `(i, α_i)` with `α_i > 0`, and its coefficient.
    terms: Vec<(Vec<(usize, usize)>, Fr)>,
}

/// Every `α ∈ ℕ^k` with `|α| ≤ d`, as dense exponent vectors.
fn simplex(k: usize, d: usize) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    let mut current = vec![0usize; k];
    fn fill(i: usize, left: usize, current: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
        if i == current.len() {
            out.push(current.clone());
            return;
        }
        for a in 0..=left {
            current[i] = a;
            fill(i + 1, left - a, current, out);
        }
        current[i] = 0;
    }
    fill(0, d, &mut current, &mut out);
    out
}

impl BoundedPolynomial {
    /// Recovers `f`, a polynomial of total degree `≤ degree` in `num_vars` variables, from its
    /// values on the simplex.
    pub fn interpolate(num_vars: usize, degree: usize, f: impl Fn(&[Fr]) -> Fr) -> Self {
        let points = simplex(num_vars, degree);
        let index: HashMap<&[usize], usize> = points
            .iter()
            .enumerate()
            .map(|(j, p)| (p.as_slice(), j))
            .collect();
        let mut values: Vec<Fr> = points
            .iter()
            .map(|p| {
                let x: Vec<Fr> = p.iter().map(|a| Fr::from(*a as u64)).collect();
                f(&x)
            })
            .collect();
        // Δ^α f(0) = Π_i Δ_i^{α_i} f(0): along each axis in turn, the 1-D forward differences
        // of every line of the simplex (which is closed under lowering a coordinate), so the
        // value at α becomes Δ_0^{α_0}…Δ_i^{α_i} of the previous axes' values at α.
        for axis in 0..num_vars {
            // Below each point on its line: `below[j]` is the index of `p − e_axis`.
            let below: Vec<Option<usize>> = points
                .iter()
                .map(|p| {
                    let mut q = p.clone();
                    q[axis] = q[axis].checked_sub(1)?;
                    index.get(q.as_slice()).copied()
                })
                .collect();
            let mut order: Vec<usize> = (0..points.len()).collect();
            order.sort_by_key(|j| std::cmp::Reverse(points[*j][axis]));
            for level in 1..=degree {
                for &j in &order {
                    if points[j][axis] < level {
                        break;
                    }
                    if let Some(k) = below[j] {
                        values[j] = values[j] - values[k];
                    }
                }
            }
        }
        let terms = points
            .iter()
            .zip(values)
            .filter(|(_, c)| *c != Fr::ZERO)
            .map(|(alpha, c)| {
                let factors = (0..num_vars)
                    .filter(|i| alpha[*i] > 0)
                    .map(|i| (i, alpha[i]))
                    .collect();
                (factors, c)
            })
            .collect();
        Self { num_vars, terms }
    }

    /// Number of non-zero terms.
    pub fn num_terms(&self) -> usize {
        self.terms.len()
    }

    /// The value at `x`.
    pub fn evaluate(&self, x: &[Fr]) -> Fr {
        self.terms
            .iter()
            .map(|(factors, c)| {
                factors.iter().fold(*c, |acc, (i, a)| {
                    let xi = x.get(*i).copied().unwrap_or(Fr::ZERO);
                    let falling = (0..*a).fold(Fr::ONE, |p, j| p * (xi - Fr::from(j as u64)));
                    acc * falling * factorial_inverse(*a)
                })
            })
            .sum()
    }

    /// Whether the polynomial equals `f` at `points` (a check that `f`'s stated degree holds).
    pub fn agrees_with(&self, f: impl Fn(&[Fr]) -> Fr, points: &[Vec<Fr>]) -> bool {
        points.iter().all(|p| self.evaluate(p) == f(p))
    }

    /// The value at the hidden `x`, as a linear form over new product variables of `circuit`.
    /// Factors shared by several terms' prefixes are multiplied once; the variables are
    /// ordered by how many terms use them.
    pub fn evaluate_in(&self, circuit: &mut Circuit, x: &[Lc]) -> Lc {
        let mut uses = vec![0usize; self.num_vars];
        for (factors, _) in &self.terms {
            for (i, _) in factors {
                if let Some(u) = uses.get_mut(*i) {
                    *u += 1;
                }
            }
        }
        let mut powers: HashMap<(usize, usize), Lc> = HashMap::new();
        let mut prefixes: HashMap<Vec<(usize, usize)>, Lc> = HashMap::new();
        let mut total = Lc::default();
        for (factors, c) in &self.terms {
            let mut ordered = factors.clone();
            ordered.sort_by_key(|(i, _)| (std::cmp::Reverse(uses.get(*i).copied()), *i));
            let mut product = Lc::constant(Fr::ONE);
            for k in 0..ordered.len() {
                let key = ordered[..=k].to_vec();
                if let Some(p) = prefixes.get(&key) {
                    product = p.clone();
                    continue;
                }
                let (i, a) = ordered[k];
                let factor = powers
                    .entry((i, a))
                    .or_insert_with(|| {
                        binomial_in(circuit, x.get(i).cloned().unwrap_or_default(), a)
                    })
                    .clone();
                product = if k == 0 {
                    factor
                } else {
                    circuit.product(&product, &factor)
                };
                prefixes.insert(key, product.clone());
            }
            total.add_scaled(&product, *c);
        }
        total
    }
}

/// `1 / a!`.
fn factorial_inverse(a: usize) -> Fr {
    (1..=a)
        .fold(Fr::ONE, |acc, j| acc * Fr::from(j as u64))
        .inverse()
        .unwrap_or(Fr::ONE)
}

/// `C(x, a) = x (x − 1) ⋯ (x − a + 1) / a!` of a hidden `x` (`a − 1` products).
fn binomial_in(circuit: &mut Circuit, x: Lc, a: usize) -> Lc {
    let mut product = x.clone();
    for j in 1..a {
        let shifted = &x - &Lc::constant(Fr::from(j as u64));
        product = circuit.product(&product, &shifted);
    }
    &product * factorial_inverse(a)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::subprotocols::blindfold::{PedersenGenerators, ROW_WIDTH};
    use ark_std::UniformRand;
    use jolt_instructions::LookupId;
    use rand_chacha::rand_core::SeedableRng;

    fn random_points(k: usize, n: usize, rng: &mut impl ark_std::rand::RngCore) -> Vec<Vec<Fr>> {
        (0..n)
            .map(|_| (0..k).map(|_| Fr::rand(rng)).collect())
            .collect()
    }

    /// The circuit's value of the polynomial at hidden random values equals the function.
    fn check_circuit(p: &BoundedPolynomial, f: &dyn Fn(&[Fr]) -> Fr, k: usize) -> usize {
        let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(9);
        let gens = PedersenGenerators::new(ROW_WIDTH);
        let values = random_points(k, 1, &mut rng).remove(0);
        let mut circuit = Circuit::for_prover();
        let mut vars = Vec::new();
        for chunk in values.chunks(ROW_WIDTH) {
            vars.extend(circuit.prover_row(chunk, &gens, &mut rng).1);
        }
        let out = p.evaluate_in(&mut circuit, &vars);
        assert_eq!(circuit.value(&out), Some(f(&values)));
        assert_eq!(circuit.is_satisfied(), Some(true));
        circuit.num_aux
    }

    #[test]
    fn recovers_polynomials_with_powers_exactly() {
        let f = |x: &[Fr]| {
            Fr::from(3u64) * x[0].square() * x[1] - x[1] * x[1].square()
                + x[2] * x[0]
                + Fr::from(5u64)
        };
        let p = BoundedPolynomial::interpolate(3, 3, f);
        let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(1);
        assert!(p.agrees_with(f, &random_points(3, 20, &mut rng)));
        check_circuit(&p, &f, 3);
        // An understated degree is caught.
        let low = BoundedPolynomial::interpolate(3, 2, f);
        assert!(!low.agrees_with(f, &random_points(3, 4, &mut rng)));
    }

    /// Every built-in table's `g`, recovered from `combine_lookups` and its stated degree,
    /// equals it at random points, and its circuit computes it with few products.
    #[test]
    fn every_table_is_recovered_from_its_evaluations() {
        let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(2);
        for id in LookupId::ALL {
            let table = id.table();
            let k: usize = table.subtables().iter().map(|(_, pos)| pos.len()).sum();
            let f = |x: &[Fr]| table.combine_lookups(x);
            let p = BoundedPolynomial::interpolate(k, table.g_degree(), f);
            assert!(
                p.agrees_with(f, &random_points(k, 8, &mut rng)),
                "{}",
                table.name()
            );
            let products = check_circuit(&p, &f, k);
            assert!(products <= 4 * k, "{}: {products} products", table.name());
        }
    }
}
