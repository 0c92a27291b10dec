//! The uniform shape: `N` constraints `a_c · b_c = c_c` over one cycle's columns.
//!
//! Seen as matrices, `A`, `B`, `C` are `N × (2K + 1)` and sparse: columns `0 … K−1` multiply
//! `w_k(t)`, column `K` the constant 1, columns `K+1 … 2K` multiply `w_k(t + 1)` (the
//! cross-step block, zero for ordinary constraints). The same rows hold at every cycle.
//! The verifier builds the shape itself (from the same builder code as the prover) and only
//! ever evaluates these small matrices, never a `T·N`-sized one.

use super::builder::{Lc, Var};
use crate::field::JoltField;
use crate::poly::MultilinearPolynomial;
use crate::transcript::Absorb;

/// One constraint row `a · b = c`, with a human-readable name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Constraint {
    /// What the constraint means (listed in the book).
    pub name: String,
    /// Left factor.
    pub a: Lc,
    /// Right factor.
    pub b: Lc,
    /// Product.
    pub c: Lc,
}

impl Constraint {
    /// True if the row refers to the next cycle (enforced at `t = 0 … T−2` only).
    pub fn is_cross_step(&self) -> bool {
        self.a.has_next() || self.b.has_next() || self.c.has_next()
    }
}

/// Which of the three matrices.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Matrix {
    /// `A`.
    A,
    /// `B`.
    B,
    /// `C`.
    C,
}

/// A witness violates the shape at `cycle` in constraint `constraint`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("constraint {constraint} ({name}) is violated at cycle {cycle}")]
pub struct Unsatisfied {
    /// The cycle `t`.
    pub cycle: usize,
    /// The constraint index.
    pub constraint: usize,
    /// The constraint name.
    pub name: String,
}

/// A uniform constraint system over `K` named columns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UniformShape {
    var_names: Vec<String>,
    constraints: Vec<Constraint>,
}

impl UniformShape {
    pub(crate) fn new(var_names: Vec<String>, constraints: Vec<Constraint>) -> Self {
        Self {
            var_names,
            constraints,
        }
    }

    /// Number of witness columns `K`.
    pub fn num_vars(&self) -> usize {
        self.var_names.len()
    }

    /// Column names.
    pub fn var_names(&self) -> &[String] {
        &self.var_names
    }

    /// The constraints.
    pub fn constraints(&self) -> &[Constraint] {
        &self.constraints
    }

    /// Number of constraints `N`.
    pub fn num_constraints(&self) -> usize {
        self.constraints.len()
    }

    /// `log2` of `N` rounded up to a power of two: the number of constraint-index variables.
    pub fn log_num_constraints(&self) -> usize {
        crate::utils::math::log2_ceil(self.constraints.len())
    }

    /// Number of non-zero entries of `A`, `B` and `C` together (constants included).
    pub fn num_nonzeros(&self) -> usize {
        self.constraints
            .iter()
            .flat_map(|c| [&c.a, &c.b, &c.c])
            .map(|lc| lc.terms().len() + usize::from(lc.constant_term() != 0))
            .sum()
    }

    /// Indices of the cross-step constraints.
    pub fn cross_step_rows(&self) -> impl Iterator<Item = usize> + '_ {
        self.constraints
            .iter()
            .enumerate()
            .filter(|(_, c)| c.is_cross_step())
            .map(|(i, _)| i)
    }

    /// Absorbs a canonical encoding of the shape (column count, every row's sparse entries),
    /// so that prover and verifier are bound to the same constraint system.
    pub fn append_to_transcript<T: Absorb + ?Sized>(
        &self,
        label: &'static [u8],
        transcript: &mut T,
    ) {
        let mut bytes = Vec::new();
        let mut put = |x: i128| bytes.extend_from_slice(&x.to_le_bytes());
        put(self.var_names.len() as i128);
        put(self.constraints.len() as i128);
        for c in &self.constraints {
            for lc in [&c.a, &c.b, &c.c] {
                put(lc.terms().len() as i128);
                put(lc.constant_term());
                for (v, coeff) in lc.terms() {
                    let code = match v {
                        Var::Cur(k) => 2 * *k as i128,
                        Var::Next(k) => 2 * *k as i128 + 1,
                    };
                    put(code);
                    put(*coeff);
                }
            }
        }
        transcript.append_bytes(label, &bytes);
    }

    /// Checks every constraint at every cycle (cross-step ones at `t < T − 1`) on the witness
    /// columns `w_k` (all of length `T`). Returns the first violation.
    ///
    /// # Panics
    /// If the witness has the wrong number of columns or columns of different lengths.
    pub fn check_witness<F: JoltField>(
        &self,
        witness: &[MultilinearPolynomial<F>],
    ) -> Result<(), Unsatisfied> {
        assert_eq!(
            witness.len(),
            self.num_vars(),
            "one witness column per variable"
        );
        let t_len = witness[0].len();
        assert!(
            witness.iter().all(|w| w.len() == t_len),
            "columns of different lengths"
        );
        for t in 0..t_len {
            for (i, c) in self.constraints.iter().enumerate() {
                if c.is_cross_step() && t + 1 == t_len {
                    continue;
                }
                let value = |v: Var| match v {
                    Var::Cur(k) => witness[k].get(t),
                    Var::Next(k) => witness[k].get(t + 1),
                };
                let [a, b, cc] = [&c.a, &c.b, &c.c].map(|lc| lc.evaluate(value, from_i128::<F>));
                if a * b != cc {
                    return Err(Unsatisfied {
                        cycle: t,
                        constraint: i,
                        name: c.name.clone(),
                    });
                }
            }
        }
        Ok(())
    }

    /// The rows of one matrix with field coefficients: per constraint, the current-cycle
    /// terms `(k, coeff)`, the next-cycle terms `(k, coeff)` and the constant.
    pub(crate) fn field_rows<F: JoltField>(&self, m: Matrix) -> Vec<FieldRow<F>> {
        self.constraints
            .iter()
            .map(|c| {
                let lc = match m {
                    Matrix::A => &c.a,
                    Matrix::B => &c.b,
                    Matrix::C => &c.c,
                };
                let mut row = FieldRow {
                    cur: Vec::new(),
                    next: Vec::new(),
                    constant: from_i128(lc.constant_term()),
                };
                for (v, coeff) in lc.terms() {
                    match v {
                        Var::Cur(k) => row.cur.push((*k, from_i128(*coeff))),
                        Var::Next(k) => row.next.push((*k, from_i128(*coeff))),
                    }
                }
                row
            })
            .collect()
    }

    /// For row weights `e_c` (usually `eq(r_c, c)`) and matrix weights `ρ = (ρ_A, ρ_B, ρ_C)`:
    /// the column vectors `M_cur[k] = Σ_c e_c (ρ_A A + ρ_B B + ρ_C C)[c][k]`, the same for
    /// the next-cycle block, and the constant column's value. `O(nnz)`, no panics.
    pub fn combine_rows<F: JoltField>(&self, row_weights: &[F], rho: [F; 3]) -> CombinedColumns<F> {
        let k = self.num_vars();
        let mut out = CombinedColumns {
            cur: vec![F::ZERO; k],
            next: vec![F::ZERO; k],
            constant: F::ZERO,
        };
        for (c, e) in self.constraints.iter().zip(row_weights) {
            for (lc, r) in [&c.a, &c.b, &c.c].into_iter().zip(rho) {
                let w = *e * r;
                out.constant += w * from_i128::<F>(lc.constant_term());
                for (v, coeff) in lc.terms() {
                    let slot = match v {
                        Var::Cur(j) => out.cur.get_mut(*j),
                        Var::Next(j) => out.next.get_mut(*j),
                    };
                    if let Some(s) = slot {
                        *s += w * from_i128::<F>(*coeff);
                    }
                }
            }
        }
        out
    }
}

/// One sparse matrix row with field coefficients.
#[derive(Clone, Debug)]
pub(crate) struct FieldRow<F> {
    pub(crate) cur: Vec<(usize, F)>,
    pub(crate) next: Vec<(usize, F)>,
    pub(crate) constant: F,
}

/// The result of [`UniformShape::combine_rows`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CombinedColumns<F> {
    /// Weights of `w_k(t)`.
    pub cur: Vec<F>,
    /// Weights of `w_k(t + 1)`.
    pub next: Vec<F>,
    /// Weight of the constant 1.
    pub constant: F,
}

/// An `i128` as a field element.
pub fn from_i128<F: JoltField>(x: i128) -> F {
    let abs = F::from_u128(x.unsigned_abs());
    if x < 0 {
        -abs
    } else {
        abs
    }
}
