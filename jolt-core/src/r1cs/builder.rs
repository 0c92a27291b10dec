//! A small builder for uniform constraint systems.
//!
//! Variables are named per-cycle witness columns `w_k`. A [`Variable`] is the value of its
//! column at the current cycle `t`; [`Variable::next`] is its value at cycle `t + 1`.
//! Linear combinations ([`Lc`]) are built with `+`, `-`, unary `-` and `* i128` from variables,
//! their `next` values and integer constants. Every constraint is an R1CS row `a · b = c`.
//!
//! A constraint that mentions a `next` value is a **cross-step** constraint: it is enforced at
//! cycles `t = 0 … T − 2` only (there is no cycle `T`); see [`crate::r1cs`].
//!
//! ```
//! use jolt_core::r1cs::builder::{Lc, R1csBuilder};
//! let mut b = R1csBuilder::new();
//! let x = b.var("x");
//! let step = b.var("step");
//! b.constrain_eq("counter", x.next(), x + step);      // x(t+1) = x(t) + step(t)
//! b.constrain_binary("step is a bit", step);           // step·(1 − step) = 0
//! let shape = b.build();
//! assert_eq!(shape.num_constraints(), 2);
//! assert!(shape.constraints()[0].is_cross_step());
//! ```

use super::shape::{Constraint, UniformShape};
use std::collections::BTreeMap;
use std::ops::{Add, Mul, Neg, Sub};

/// A witness column, by index; as an expression it is the value at the current cycle.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Variable(pub(crate) usize);

impl Variable {
    /// The column index `k` of `w_k`.
    pub fn index(self) -> usize {
        self.0
    }

    /// The value of this column at the next cycle, `w_k(t + 1)`.
    pub fn next(self) -> Lc {
        Lc::term(Var::Next(self.0), 1)
    }
}

/// A term of a linear combination: a column at the current or at the next cycle.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Var {
    /// `w_k(t)`.
    Cur(usize),
    /// `w_k(t + 1)`.
    Next(usize),
}

/// A linear combination `Σ coeff · var + constant` with integer coefficients.
///
/// Terms are kept sorted and merged, zero coefficients dropped, so equal combinations have
/// equal representations (the shape digest relies on this).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Lc {
    terms: Vec<(Var, i128)>,
    constant: i128,
}

impl Lc {
    /// The zero combination.
    pub fn zero() -> Self {
        Self::default()
    }

    /// The constant `c`.
    pub fn constant(c: i128) -> Self {
        Self {
            terms: Vec::new(),
            constant: c,
        }
    }

    /// The single term `coeff · var`.
    pub fn term(var: Var, coeff: i128) -> Self {
        Self::from_terms(vec![(var, coeff)], 0)
    }

    fn from_terms(terms: Vec<(Var, i128)>, constant: i128) -> Self {
        let mut merged: BTreeMap<Var, i128> = BTreeMap::new();
        for (v, c) in terms {
            *merged.entry(v).or_insert(0) += c;
        }
        let terms = merged.into_iter().filter(|(_, c)| *c != 0).collect();
        Self { terms, constant }
    }

    /// The terms `(var, coeff)`, sorted by variable, no zero coefficients.
    pub fn terms(&self) -> &[(Var, i128)] {
        &self.terms
    }

    /// The constant term (the coefficient of the constant-1 column).
    pub fn constant_term(&self) -> i128 {
        self.constant
    }

    /// True if some term refers to the next cycle.
    pub fn has_next(&self) -> bool {
        self.terms.iter().any(|(v, _)| matches!(v, Var::Next(_)))
    }

    /// Evaluates the combination with `value(var)` giving each variable's value.
    pub fn evaluate<T, V>(&self, mut value: V, from_i128: impl Fn(i128) -> T) -> T
    where
        T: Copy + Add<Output = T> + Mul<Output = T>,
        V: FnMut(Var) -> T,
    {
        self.terms
            .iter()
            .fold(from_i128(self.constant), |acc, (v, c)| {
                acc + from_i128(*c) * value(*v)
            })
    }
}

impl From<Variable> for Lc {
    fn from(v: Variable) -> Self {
        Lc::term(Var::Cur(v.0), 1)
    }
}

impl From<i128> for Lc {
    fn from(c: i128) -> Self {
        Lc::constant(c)
    }
}

impl<R: Into<Lc>> Add<R> for Lc {
    type Output = Lc;
    fn add(self, rhs: R) -> Lc {
        let rhs = rhs.into();
        let mut terms = self.terms;
        terms.extend(rhs.terms);
        Lc::from_terms(terms, self.constant + rhs.constant)
    }
}

impl Neg for Lc {
    type Output = Lc;
    fn neg(self) -> Lc {
        self * -1
    }
}

impl<R: Into<Lc>> Sub<R> for Lc {
    type Output = Lc;
    fn sub(self, rhs: R) -> Lc {
        self + (-rhs.into())
    }
}

impl Mul<i128> for Lc {
    type Output = Lc;
    fn mul(self, k: i128) -> Lc {
        let terms = self.terms.into_iter().map(|(v, c)| (v, c * k)).collect();
        Lc::from_terms(terms, self.constant * k)
    }
}

impl<R: Into<Lc>> Add<R> for Variable {
    type Output = Lc;
    fn add(self, rhs: R) -> Lc {
        Lc::from(self) + rhs
    }
}

impl<R: Into<Lc>> Sub<R> for Variable {
    type Output = Lc;
    fn sub(self, rhs: R) -> Lc {
        Lc::from(self) - rhs
    }
}

impl Neg for Variable {
    type Output = Lc;
    fn neg(self) -> Lc {
        -Lc::from(self)
    }
}

impl Mul<i128> for Variable {
    type Output = Lc;
    fn mul(self, k: i128) -> Lc {
        Lc::from(self) * k
    }
}

/// Builds a [`UniformShape`]: declare the columns, then add constraints.
#[derive(Clone, Debug, Default)]
pub struct R1csBuilder {
    var_names: Vec<String>,
    constraints: Vec<Constraint>,
}

impl R1csBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// Declares a new witness column.
    pub fn var(&mut self, name: impl Into<String>) -> Variable {
        self.var_names.push(name.into());
        Variable(self.var_names.len() - 1)
    }

    /// Number of declared columns.
    pub fn num_vars(&self) -> usize {
        self.var_names.len()
    }

    /// The raw row `a · b = c`.
    pub fn constrain_prod(
        &mut self,
        name: impl Into<String>,
        a: impl Into<Lc>,
        b: impl Into<Lc>,
        c: impl Into<Lc>,
    ) {
        let (a, b, c) = (a.into(), b.into(), c.into());
        for lc in [&a, &b, &c] {
            for (v, _) in lc.terms() {
                let (Var::Cur(k) | Var::Next(k)) = *v;
                assert!(
                    k < self.var_names.len(),
                    "constraint uses an undeclared column {k}"
                );
            }
        }
        self.constraints.push(Constraint {
            name: name.into(),
            a,
            b,
            c,
        });
    }

    /// `lhs = rhs`, as the row `(lhs − rhs) · 1 = 0`.
    pub fn constrain_eq(
        &mut self,
        name: impl Into<String>,
        lhs: impl Into<Lc>,
        rhs: impl Into<Lc>,
    ) {
        self.constrain_prod(name, lhs.into() - rhs, Lc::constant(1), Lc::zero());
    }

    /// `cond ⇒ lhs = rhs`, as the row `cond · (lhs − rhs) = 0` (`cond` should be boolean).
    pub fn constrain_eq_if(
        &mut self,
        name: impl Into<String>,
        cond: impl Into<Lc>,
        lhs: impl Into<Lc>,
        rhs: impl Into<Lc>,
    ) {
        self.constrain_prod(name, cond, lhs.into() - rhs, Lc::zero());
    }

    /// `result = cond ? then : otherwise`, as the row
    /// `cond · (then − otherwise) = result − otherwise` (`cond` should be boolean).
    pub fn constrain_if_else(
        &mut self,
        name: impl Into<String>,
        cond: impl Into<Lc>,
        then: impl Into<Lc>,
        otherwise: impl Into<Lc>,
        result: impl Into<Lc>,
    ) {
        let otherwise = otherwise.into();
        self.constrain_prod(
            name,
            cond,
            then.into() - otherwise.clone(),
            result.into() - otherwise,
        );
    }

    /// `x ∈ {0, 1}`, as the row `x · (1 − x) = 0`.
    pub fn constrain_binary(&mut self, name: impl Into<String>, x: impl Into<Lc>) {
        let x = x.into();
        self.constrain_prod(name, x.clone(), Lc::constant(1) - x, Lc::zero());
    }

    /// The finished shape.
    ///
    /// # Panics
    /// If no column or no constraint was declared.
    pub fn build(self) -> UniformShape {
        assert!(!self.var_names.is_empty(), "a uniform shape needs a column");
        assert!(
            !self.constraints.is_empty(),
            "a uniform shape needs a constraint"
        );
        UniformShape::new(self.var_names, self.constraints)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linear_combinations_merge_and_cancel() {
        let mut b = R1csBuilder::new();
        let x = b.var("x");
        let y = b.var("y");
        let lc = (x + y * 3 + 5i128) - (x + 2i128) - y * 3;
        assert_eq!(lc, Lc::constant(3));
        let lc = x.next() - x + y;
        assert!(lc.has_next());
        assert_eq!(
            lc.terms(),
            &[(Var::Cur(0), -1), (Var::Cur(1), 1), (Var::Next(0), 1)]
        );
        let v = lc.evaluate(
            |v| match v {
                Var::Cur(0) => 10i128,
                Var::Cur(_) => 4,
                Var::Next(_) => 7,
            },
            |c| c,
        );
        assert_eq!(v, 7 - 10 + 4);
    }
}
