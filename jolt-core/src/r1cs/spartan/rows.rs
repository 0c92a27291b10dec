//! The prover's view of `Az(t, c)`, `Bz(t, c)`, `Cz(t, c)`: the `3N` rows of one cycle
//! evaluated straight from the witness columns, never stored for all cycles.
//!
//! A row whose columns are all compact (`u8 … u64`) and whose coefficients are small enough
//! (`Σ|coeff|·2^{bits} + |constant| < 2^{126}`) is evaluated in `i128`, exactly: the cycle's
//! column values are gathered once, then every integer row is a short dot product over them.
//! The other rows (a dense field column, or huge coefficients) are evaluated in the field.
//! Rows are ordered `A` (`0 … N−1`), `B` (`N … 2N−1`), `C` (`2N … 3N−1`), the layout of every
//! per-cycle buffer of the prover.

use crate::field::{JoltField, WideSum};
use crate::poly::MultilinearPolynomial;
use crate::r1cs::builder::{Lc, Var};
use crate::r1cs::shape::{FieldRow, Matrix, UniformShape};

/// A compact witness column.
#[derive(Clone, Copy)]
enum Compact<'a> {
    U8(&'a [u8]),
    U16(&'a [u16]),
    U32(&'a [u32]),
    U64(&'a [u64]),
}

impl Compact<'_> {
    fn bits(self) -> u32 {
        match self {
            Compact::U8(_) => 8,
            Compact::U16(_) => 16,
            Compact::U32(_) => 32,
            Compact::U64(_) => 64,
        }
    }

    fn of<F: JoltField>(p: &MultilinearPolynomial<F>) -> Option<Compact<'_>> {
        match p {
            MultilinearPolynomial::U8(c) => Some(Compact::U8(c.values())),
            MultilinearPolynomial::U16(c) => Some(Compact::U16(c.values())),
            MultilinearPolynomial::U32(c) => Some(Compact::U32(c.values())),
            MultilinearPolynomial::U64(c) => Some(Compact::U64(c.values())),
            MultilinearPolynomial::Dense(_) => None,
        }
    }
}

/// The value of one row at one cycle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Value<F> {
    /// An exact integer.
    Int(i128),
    /// A field element.
    Field(F),
}

impl<F: JoltField> Value<F> {
    /// The value as a field element.
    #[inline]
    pub(super) fn field(self) -> F {
        match self {
            Value::Int(v) => int_to_field(v),
            Value::Field(f) => f,
        }
    }
}

/// `v` as a field element (a table lookup below `2^16`).
#[inline]
pub(super) fn int_to_field<F: JoltField>(v: i128) -> F {
    let abs = v.unsigned_abs();
    let f = match u64::try_from(abs) {
        Ok(small) => F::from_u64(small),
        Err(_) => F::from_u128(abs),
    };
    if v < 0 {
        -f
    } else {
        f
    }
}

/// The gathered reads, one list per storage width (no dispatch in the hot loop).
#[derive(Default)]
struct Reads<'a> {
    u8: Vec<(usize, &'a [u8], usize)>,
    u16: Vec<(usize, &'a [u16], usize)>,
    u32: Vec<(usize, &'a [u32], usize)>,
    u64: Vec<(usize, &'a [u64], usize)>,
}

impl<'a> Reads<'a> {
    fn push(&mut self, slot: usize, col: Compact<'a>, offset: usize) {
        match col {
            Compact::U8(v) => self.u8.push((slot, v, offset)),
            Compact::U16(v) => self.u16.push((slot, v, offset)),
            Compact::U32(v) => self.u32.push((slot, v, offset)),
            Compact::U64(v) => self.u64.push((slot, v, offset)),
        }
    }
}

/// Per-thread buffers of [`UniformRows::eval`].
pub(super) struct Scratch<F> {
    gathered: Vec<i128>,
    /// The `3N` row values of the last evaluated cycle.
    pub(super) values: Vec<Value<F>>,
}

/// The rows of `A`, `B`, `C` over a witness of `t_len` cycles (`w_k(T) = 0`).
pub(super) struct UniformRows<'a, F> {
    /// Compact columns, by column index (`None`: dense).
    compact: Vec<Option<Compact<'a>>>,
    /// What [`Self::gather`] reads, by width: `(gathered index, column, offset)` with offset
    /// 1 for a value at `t + 1`.
    reads: Reads<'a>,
    /// Columns read at `t + 1` by an integer row; gathered after the `K` current values.
    next_cols: Vec<usize>,
    /// Integer rows: terms `(gathered index, coeff)` of row `i` at `offsets[i]..offsets[i+1]`.
    offsets: Vec<usize>,
    terms: Vec<(usize, i128)>,
    constants: Vec<i128>,
    /// `Some` for the rows evaluated in the field.
    field: Vec<Option<FieldRow<F>>>,
    witness: &'a [MultilinearPolynomial<F>],
    t_len: usize,
}

impl<'a, F: JoltField> UniformRows<'a, F> {
    /// The rows of `shape` over `witness` (one column per variable, all of length `t_len`).
    pub(super) fn new(shape: &UniformShape, witness: &'a [MultilinearPolynomial<F>]) -> Self {
        let k = witness.len();
        let compact: Vec<Option<Compact<'a>>> = witness.iter().map(Compact::of).collect();
        let mut rows = Self {
            compact,
            reads: Reads::default(),
            next_cols: Vec::new(),
            offsets: vec![0],
            terms: Vec::new(),
            constants: Vec::new(),
            field: Vec::new(),
            witness,
            t_len: witness.first().map_or(1, |w| w.len()),
        };
        for m in [Matrix::A, Matrix::B, Matrix::C] {
            for (c, field) in shape.constraints().iter().zip(shape.field_rows::<F>(m)) {
                let lc = match m {
                    Matrix::A => &c.a,
                    Matrix::B => &c.b,
                    Matrix::C => &c.c,
                };
                let int = rows.is_small(lc);
                if int {
                    for (v, coeff) in lc.terms() {
                        let slot = match v {
                            Var::Cur(j) => *j,
                            Var::Next(j) => k + rows.next_slot(*j),
                        };
                        rows.terms.push((slot, *coeff));
                    }
                }
                rows.offsets.push(rows.terms.len());
                rows.constants
                    .push(if int { lc.constant_term() } else { 0 });
                rows.field.push((!int).then_some(field));
            }
        }
        for (j, col) in rows.compact.iter().enumerate() {
            if let Some(col) = col {
                rows.reads.push(j, *col, 0);
            }
        }
        for (p, &j) in rows.next_cols.iter().enumerate() {
            if let Some(col) = rows.compact[j] {
                rows.reads.push(k + p, col, 1);
            }
        }
        rows
    }

    /// Whether `lc` reads compact columns only and `Σ|coeff|·2^{bits} + |constant| < 2^{126}`.
    fn is_small(&self, lc: &Lc) -> bool {
        let mut bound = Some(lc.constant_term().unsigned_abs());
        for (v, coeff) in lc.terms() {
            let (Var::Cur(j) | Var::Next(j)) = *v;
            let Some(col) = self.compact[j] else {
                return false;
            };
            bound = bound.and_then(|b| {
                let term = coeff.unsigned_abs().checked_mul(1u128 << col.bits())?;
                term.checked_add(b)
            });
        }
        bound.is_some_and(|b| b < 1 << 126)
    }

    /// The gathered position (after the `K` current values) of column `j` at `t + 1`.
    fn next_slot(&mut self, j: usize) -> usize {
        match self.next_cols.iter().position(|&x| x == j) {
            Some(p) => p,
            None => {
                self.next_cols.push(j);
                self.next_cols.len() - 1
            }
        }
    }

    /// Fresh buffers for [`UniformRows::eval`].
    pub(super) fn scratch(&self) -> Scratch<F> {
        Scratch {
            gathered: vec![0; self.compact.len() + self.next_cols.len()],
            values: vec![Value::Int(0); self.constants.len()],
        }
    }

    /// Whether row `i` is the empty combination (zero at every cycle).
    pub(super) fn is_empty_row(&self, i: usize) -> bool {
        self.field[i].is_none() && self.offsets[i] == self.offsets[i + 1] && self.constants[i] == 0
    }

    /// Reads the columns at cycle `t` (and `t + 1`) into `scratch` (dense columns stay 0).
    #[inline]
    fn gather(&self, t: usize, scratch: &mut Scratch<F>) {
        let g = &mut scratch.gathered;
        let last = t + 1 == self.t_len;
        macro_rules! read {
            ($list:expr) => {
                for (slot, col, offset) in &$list {
                    g[*slot] = if last && *offset == 1 {
                        0
                    } else {
                        col[t + offset].into()
                    };
                }
            };
        }
        read!(self.reads.u8);
        read!(self.reads.u16);
        read!(self.reads.u32);
        read!(self.reads.u64);
    }

    /// Row `i` at cycle `t`, after [`Self::gather`] of `t`.
    #[inline]
    fn row_value(&self, i: usize, t: usize, gathered: &[i128]) -> Value<F> {
        match &self.field[i] {
            None => {
                let terms = &self.terms[self.offsets[i]..self.offsets[i + 1]];
                let mut acc = self.constants[i];
                for (slot, coeff) in terms {
                    acc += coeff * gathered[*slot];
                }
                Value::Int(acc)
            }
            Some(row) => Value::Field(self.field_value(row, t, t + 1 < self.t_len)),
        }
    }

    /// All `3N` rows at cycle `t`, into `scratch.values`.
    pub(super) fn eval(&self, t: usize, scratch: &mut Scratch<F>) {
        self.gather(t, scratch);
        for (i, out) in scratch.values.iter_mut().enumerate() {
            *out = self.row_value(i, t, &scratch.gathered);
        }
    }

    fn field_value(&self, row: &FieldRow<F>, t: usize, has_next: bool) -> F {
        let mut acc = row.constant;
        for (j, coeff) in &row.cur {
            acc += *coeff * self.witness[*j].get(t);
        }
        if has_next {
            for (j, coeff) in &row.next {
                acc += *coeff * self.witness[*j].get(t + 1);
            }
        }
        acc
    }

    /// `out[i] += weight · row_i(t)` for the rows `i` in `rows` (zero values cost nothing;
    /// integer values are added unreduced).
    #[inline]
    pub(super) fn accumulate(
        &self,
        t: usize,
        weight: F,
        rows: &[usize],
        scratch: &mut Scratch<F>,
        out: &mut [WideSum<F>],
    ) {
        self.gather(t, scratch);
        for &i in rows {
            match self.row_value(i, t, &scratch.gathered) {
                Value::Int(0) => {}
                Value::Int(v) => out[i].add_mul_i128(&weight, v),
                Value::Field(f) => out[i].add_field(weight * f),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::field::Fr;
    use crate::r1cs::builder::R1csBuilder;
    use crate::r1cs::shape::from_i128;

    #[test]
    fn values_match_field_evaluation_and_fall_back_to_the_field() {
        let mut b = R1csBuilder::new();
        let [x, y, d] = ["x", "y", "d"].map(|n| b.var(n));
        b.constrain_prod("p", x * 3 + 5i128, y.next() - x, d);
        b.constrain_eq("huge", x * (1i128 << 100), y * (1i128 << 100));
        let shape = b.build();
        let witness: Vec<MultilinearPolynomial<Fr>> = vec![
            vec![7u64, u64::MAX, 0, 1].into(),
            vec![1u8, 2, 3, 4].into(),
            vec![
                Fr::from(9u64),
                -Fr::from(4u64),
                Fr::from(0u64),
                Fr::from(1u64),
            ]
            .into(),
        ];
        let rows = UniformRows::new(&shape, &witness);
        let mut scratch = rows.scratch();
        for t in 0..4 {
            rows.eval(t, &mut scratch);
            for (i, v) in scratch.values.iter().enumerate() {
                let (m, c) = (i / 2, i % 2);
                let con = &shape.constraints()[c];
                let lc = [&con.a, &con.b, &con.c][m];
                let expected: Fr = lc.evaluate(
                    |v| match v {
                        Var::Cur(k) => witness[k].get(t),
                        Var::Next(k) if t + 1 < 4 => witness[k].get(t + 1),
                        Var::Next(_) => Fr::from(0u64),
                    },
                    from_i128::<Fr>,
                );
                assert_eq!(v.field(), expected, "row {i}, cycle {t}");
                // Compact columns and small coefficients use integers; the dense column `d`
                // (row C of "p") and 2^100·x (row A of "huge") use the field.
                let int = matches!(v, Value::Int(_));
                assert_eq!(int, i != 1 && i != 4, "row {i}");
            }
        }
        rows.eval(1, &mut scratch);
        let expected: Vec<Fr> = scratch.values.iter().map(|v| v.field()).collect();
        let mut out = vec![WideSum::ZERO; 6];
        for o in &mut out {
            o.add_field(Fr::from(1u64));
        }
        rows.accumulate(1, Fr::from(2u64), &[0, 1, 4, 5], &mut scratch, &mut out);
        for (i, (o, v)) in out.iter().map(WideSum::reduce).zip(expected).enumerate() {
            let v = if [2, 3].contains(&i) {
                Fr::from(0u64)
            } else {
                v
            };
            assert_eq!(o, Fr::from(1u64) + Fr::from(2u64) * v);
        }
        assert!(!rows.is_empty_row(0) && !rows.is_empty_row(1) && rows.is_empty_row(5));
    }
}
