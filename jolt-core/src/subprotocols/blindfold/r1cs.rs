//! A [`Circuit`] as a relaxed R1CS `(A, B, C)` over `z = (W, u, 0, …, 0)`:
//! ```text
//!   (A z) ∘ (B z) = u · (C z) + E
//! ```
//! `W` is the witness grid flattened row by row (`2^{ℓ+3}` entries for `2^ℓ` rows of
//! [`ROW_WIDTH`], zero rows padding the message and auxiliary rows to a power of two), `u` is
//! the slot that holds 1 in a strict instance (every constant of the circuit multiplies it),
//! and the rest of the second half of `z` is zero, so `|z| = 2^{ℓ+4}` and
//! ```text
//!   z̃(y_0, y') = (1 − y_0) · W̃(y') + y_0 · u · eq(y', 0).
//! ```
//! The constraints are padded with empty ones to `2^k`, `k ≥ 1`.
//!
//! Bit order: `W̃`'s first `ℓ` variables select the row, its last three the entry; constraint
//! `i` and `z`'s entry `j` are the points `i` and `j` in the crate's order (most significant
//! bit first).
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

#[cfg(test)]
use super::circuit::Lc;
use super::circuit::{Circuit, Var, LOG_ROW_WIDTH, ROW_WIDTH};
use crate::field::Fr;
use ark_ff::{AdditiveGroup, Field};

/// The sizes of a circuit's grid and constraint system.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Layout {
    /// Rows that carry messages, then auxiliary values.
    pub(super) message_rows: usize,
    pub(super) aux_rows: usize,
    /// `ℓ`: log2 of the grid's rows after padding.
    pub(super) log_rows: usize,
    /// `k`: log2 of the constraints after padding.
    pub(super) log_constraints: usize,
}

impl Layout {
    /// Entries of `W`: `2^{ℓ+3}`.
    pub(super) fn w_len(&self) -> usize {
        1 << (self.log_rows + LOG_ROW_WIDTH)
    }

    /// Variables of `z̃`: `ℓ + 4`.
    pub(super) fn z_vars(&self) -> usize {
        self.log_rows + LOG_ROW_WIDTH + 1
    }
}

/// `⌈log2 n⌉` (0 for `n ≤ 1`).
pub(super) fn log2_ceil(n: usize) -> usize {
    n.max(1).next_power_of_two().trailing_zeros() as usize
}

/// One non-zero matrix entry: constraint, position in `z`, coefficient.
type Entry = (usize, usize, Fr);

/// The sparse matrices of a circuit.
#[derive(Clone, Debug)]
pub(super) struct R1cs {
    pub(super) layout: Layout,
    pub(super) matrices: [Vec<Entry>; 3],
}

impl R1cs {
    pub(super) fn new(circuit: &Circuit) -> Self {
        let message_rows = circuit.num_message_rows();
        let aux_rows = circuit.num_aux.div_ceil(ROW_WIDTH);
        let layout = Layout {
            message_rows,
            aux_rows,
            log_rows: log2_ceil(message_rows + aux_rows),
            log_constraints: log2_ceil(circuit.constraints.len()).max(1),
        };
        let index = |v: &Var| match *v {
            Var::Message { row, col } => row * ROW_WIDTH + col,
            Var::Aux(k) => message_rows * ROW_WIDTH + k,
        };
        let u_slot = layout.w_len();
        let mut matrices: [Vec<Entry>; 3] = Default::default();
        for (i, c) in circuit.constraints.iter().enumerate() {
            for (m, lc) in matrices.iter_mut().zip([&c.a, &c.b, &c.c]) {
                m.extend(lc.terms.iter().map(|(v, x)| (i, index(v), *x)));
                if lc.constant != Fr::ZERO {
                    m.push((i, u_slot, lc.constant));
                }
            }
        }
        Self { layout, matrices }
    }

    /// `(Az, Bz, Cz)`, each of `2^k` entries.
    pub(super) fn multiply(&self, z: &[Fr]) -> [Vec<Fr>; 3] {
        let n = 1 << self.layout.log_constraints;
        self.matrices.clone().map(|m| {
            let mut out = vec![Fr::ZERO; n];
            for (i, j, x) in m {
                if let (Some(o), Some(zj)) = (out.get_mut(i), z.get(j)) {
                    *o += *zj * x;
                }
            }
            out
        })
    }

    /// `M(r_x, ·) = Σ_i eq(r_x, i) · (A + ρB + ρ²C)[i][·]` over `z`'s `2^{ℓ+4}` positions.
    pub(super) fn bind_constraints(&self, eq_rx: &[Fr], rho: Fr) -> Vec<Fr> {
        let mut out = vec![Fr::ZERO; 1 << self.layout.z_vars()];
        for (m, w) in self.matrices.iter().zip([Fr::ONE, rho, rho.square()]) {
            for (i, j, x) in m {
                if let (Some(o), Some(e)) = (out.get_mut(*j), eq_rx.get(*i)) {
                    *o += *e * w * x;
                }
            }
        }
        out
    }

    /// `M(r_x, r_y) = Σ_{i,j} eq(r_x, i) · eq(r_y, j) · (A + ρB + ρ²C)[i][j]` in `O(nnz)`
    /// given the two eq tables.
    pub(super) fn evaluate(&self, eq_rx: &[Fr], eq_ry: &[Fr], rho: Fr) -> Fr {
        let mut total = Fr::ZERO;
        for (m, w) in self.matrices.iter().zip([Fr::ONE, rho, rho.square()]) {
            let mut part = Fr::ZERO;
            for (i, j, x) in m {
                if let (Some(a), Some(b)) = (eq_rx.get(*i), eq_ry.get(*j)) {
                    part += *a * b * x;
                }
            }
            total += part * w;
        }
        total
    }
}

/// `z = (W, u, 0, …)` from the grid's entries (`2^{ℓ+3}`, already padded) and `u`.
pub(super) fn assemble_z(w: &[Fr], u: Fr) -> Vec<Fr> {
    let mut z = Vec::with_capacity(2 * w.len());
    z.extend_from_slice(w);
    z.push(u);
    z.resize(2 * w.len(), Fr::ZERO);
    z
}

/// The value of a linear form, given `z` and the layout (a test helper for the matrices).
#[cfg(test)]
pub(super) fn evaluate_lc(lc: &Lc, z: &[Fr], layout: &Layout) -> Fr {
    lc.terms
        .iter()
        .fold(lc.constant * z[layout.w_len()], |acc, (v, c)| {
            let j = match *v {
                Var::Message { row, col } => row * ROW_WIDTH + col,
                Var::Aux(k) => layout.message_rows * ROW_WIDTH + k,
            };
            acc + z[j] * c
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::poly::{DensePolynomial, EqPolynomial};
    use crate::subprotocols::blindfold::pedersen::PedersenGenerators;
    use ark_std::UniformRand;
    use rand_chacha::rand_core::SeedableRng;

    #[test]
    fn matrices_agree_with_the_circuit_and_their_evaluation_with_the_naive_sum() {
        let gens = PedersenGenerators::new(ROW_WIDTH);
        let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(3);
        let mut circuit = Circuit::for_prover();
        let (_, x) = circuit.prover_row(
            &[Fr::from(2u64), Fr::from(7u64), Fr::from(9u64)],
            &gens,
            &mut rng,
        );
        let (_, y) = circuit.prover_row(&[Fr::from(11u64)], &gens, &mut rng);
        let p = circuit.product(&x[0], &(&x[1] + &y[0]));
        let q = circuit.product(&p, &Lc::constant(Fr::from(3u64)));
        circuit.assert_equal(&q, &(&x[2] * Fr::from(12u64)));
        assert_eq!(circuit.is_satisfied(), Some(true));

        let r1cs = R1cs::new(&circuit);
        assert_eq!(r1cs.layout.message_rows, 2);
        assert_eq!(r1cs.layout.aux_rows, 1);
        assert_eq!(r1cs.layout.log_rows, 2);
        assert_eq!(r1cs.layout.log_constraints, 2);
        let w = circuit.witness.as_ref().unwrap();
        let mut grid: Vec<Fr> = w.rows.iter().flatten().copied().collect();
        grid.extend(&w.aux);
        grid.resize(r1cs.layout.w_len(), Fr::ZERO);
        let z = assemble_z(&grid, Fr::ONE);
        let [az, bz, cz] = r1cs.multiply(&z);
        for (i, c) in circuit.constraints.iter().enumerate() {
            assert_eq!(az[i], evaluate_lc(&c.a, &z, &r1cs.layout));
            assert_eq!(bz[i], evaluate_lc(&c.b, &z, &r1cs.layout));
            assert_eq!(cz[i], evaluate_lc(&c.c, &z, &r1cs.layout));
            assert_eq!(az[i] * bz[i], cz[i]);
        }

        let rx: Vec<Fr> = (0..2).map(|_| Fr::rand(&mut rng)).collect();
        let ry: Vec<Fr> = (0..r1cs.layout.z_vars())
            .map(|_| Fr::rand(&mut rng))
            .collect();
        let rho = Fr::rand(&mut rng);
        let (ex, ey) = (EqPolynomial::evals(&rx), EqPolynomial::evals(&ry));
        let bound = r1cs.bind_constraints(&ex, rho);
        let naive: Fr = bound.iter().zip(&ey).map(|(a, b)| *a * b).sum();
        assert_eq!(r1cs.evaluate(&ex, &ey, rho), naive);
        // z̃(y_0, y') = (1 − y_0) W̃(y') + y_0 · u · eq(y', 0).
        let z_at = DensePolynomial::new(z.clone()).evaluate(&ry);
        let w_at = DensePolynomial::new(grid).evaluate(&ry[1..]);
        let zero = vec![Fr::ZERO; ry.len() - 1];
        let expected = (Fr::ONE - ry[0]) * w_at + ry[0] * EqPolynomial::evaluate(&ry[1..], &zero);
        assert_eq!(z_at, expected);
    }
}
