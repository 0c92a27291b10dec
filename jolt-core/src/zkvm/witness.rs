//! The per-cycle witness columns of [`super::constraints::Columns`], built from an emulator
//! trace and the program's bytecode table ([`super::bytecode::program_rows`]).
//!
//! The trace is padded to a power of two (at least 2) with cycles executing the no-op row; a
//! padding cycle has every value 0. Columns are stored at their declared [`Width`] (u8 … u64),
//! never as field elements, and turn into compact [`MultilinearPolynomial`]s.
//!
//! The witness is derived, not copied: operands, chunks and bytes are recomputed from the row's
//! flags and the recorded register values, so an honest trace always satisfies the shape. Only
//! `rs1_value`, `rs2_value`, `rd_write`, `advice`, the RAM access and the lookup output come
//! from the trace (they are what the memory checks and Surge prove).

use super::bytecode::{Flag, RowFields};
use super::constraints::{Columns, Width};
use super::read_write_memory::ram_word;
use crate::field::JoltField;
use crate::poly::MultilinearPolynomial;
use jolt_instructions::{IndexPacking, C};
use jolt_tracer::Cycle;

/// One column's values at its width.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ColumnData {
    /// A [`Width::U8`] column, one entry per cycle.
    U8(Vec<u8>),
    /// A [`Width::U16`] column.
    U16(Vec<u16>),
    /// A [`Width::U32`] column.
    U32(Vec<u32>),
    /// A [`Width::U64`] column.
    U64(Vec<u64>),
}

impl ColumnData {
    fn zeros(width: Width, len: usize) -> Self {
        match width {
            Width::U8 => Self::U8(vec![0; len]),
            Width::U16 => Self::U16(vec![0; len]),
            Width::U32 => Self::U32(vec![0; len]),
            Width::U64 => Self::U64(vec![0; len]),
        }
    }

    /// Sets entry `t` (truncated to the width: callers write values that fit).
    pub fn set(&mut self, t: usize, v: u64) {
        match self {
            Self::U8(c) => c[t] = v as u8,
            Self::U16(c) => c[t] = v as u16,
            Self::U32(c) => c[t] = v as u32,
            Self::U64(c) => c[t] = v,
        }
    }

    /// Entry `t`.
    pub fn get(&self, t: usize) -> u64 {
        match self {
            Self::U8(c) => c[t].into(),
            Self::U16(c) => c[t].into(),
            Self::U32(c) => c[t].into(),
            Self::U64(c) => c[t],
        }
    }

    fn into_poly<F: JoltField>(self) -> MultilinearPolynomial<F> {
        match self {
            Self::U8(c) => c.into(),
            Self::U16(c) => c.into(),
            Self::U32(c) => c.into(),
            Self::U64(c) => c.into(),
        }
    }
}

/// All witness columns of a padded trace, by column index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WitnessTable {
    /// Column `k` of the shape.
    pub columns: Vec<ColumnData>,
    /// The number of cycles (a power of two).
    pub len: usize,
}

impl WitnessTable {
    /// Builds the columns of `trace` executed on `rows` (the bytecode table, whose last row
    /// is the no-op row), padded to a power of two.
    ///
    /// # Panics
    /// If a cycle refers to a row outside `rows`, or `rows` does not end with the no-op row.
    pub fn new(cols: &Columns, rows: &[RowFields], trace: &[Cycle]) -> Self {
        let noop = *rows
            .last()
            .expect("the bytecode table ends with the no-op row");
        assert!(
            noop.flag(Flag::Noop),
            "the bytecode table ends with the no-op row"
        );
        let len = trace.len().max(2).next_power_of_two();
        let mut columns: Vec<ColumnData> = cols
            .widths
            .iter()
            .map(|&w| ColumnData::zeros(w, len))
            .collect();
        let mut values = Vec::with_capacity(cols.len());
        for t in 0..len {
            let (fields, cycle) = match trace.get(t) {
                Some(cycle) => (rows[cycle.row as usize], Some(cycle)),
                None => (noop, None),
            };
            values.clear();
            cycle_values(cols, &fields, cycle, &mut values);
            for &(k, v) in &values {
                columns[k].set(t, v);
            }
        }
        Self { columns, len }
    }

    /// Entry `t` of column `k`.
    pub fn get(&self, k: usize, t: usize) -> u64 {
        self.columns[k].get(t)
    }

    /// Sets entry `t` of column `k` (tests use it to tamper).
    pub fn set(&mut self, k: usize, t: usize, v: u64) {
        self.columns[k].set(t, v);
    }

    /// The columns as compact multilinear polynomials, in column order.
    pub fn into_polynomials<F: JoltField>(self) -> Vec<MultilinearPolynomial<F>> {
        self.columns
            .into_iter()
            .map(ColumnData::into_poly)
            .collect()
    }

    /// Bytes of witness storage per cycle.
    pub fn bytes_per_cycle(&self) -> usize {
        self.columns
            .iter()
            .map(|c| match c {
                ColumnData::U8(_) => 1,
                ColumnData::U16(_) => 2,
                ColumnData::U32(_) => 4,
                ColumnData::U64(_) => 8,
            })
            .sum()
    }
}

/// Byte `i` of `w`, most significant first.
fn byte(w: u32, i: usize) -> u64 {
    u64::from(w >> (8 * (C - 1 - i)) & 0xff)
}

/// The non-zero `(column, value)` pairs of one cycle (`cycle = None`: padding).
fn cycle_values(cols: &Columns, f: &RowFields, cycle: Option<&Cycle>, out: &mut Vec<(usize, u64)>) {
    let mut put = |v: crate::r1cs::Variable, x: u64| out.push((v.index(), x));
    put(cols.row, f.row.into());
    put(cols.address, f.address.into());
    put(cols.step, f.step.into());
    put(cols.rs1, f.rs1.into());
    put(cols.rs2, f.rs2.into());
    put(cols.rd, f.rd.into());
    put(cols.imm, f.imm.into());
    for flag in Flag::ALL {
        put(cols.flag(flag), f.flag(flag).into());
    }
    let Some(cy) = cycle else { return };
    put(cols.rs1_value, cy.rs1_value.into());
    put(cols.rs2_value, cy.rs2_value.into());
    put(cols.advice, cy.advice.into());
    let writes = f.flag(Flag::WriteLookup) || f.flag(Flag::WriteLink) || f.flag(Flag::WriteLoad);
    put(cols.rd_write, if writes { cy.rd_value.into() } else { 0 });
    let x = if f.flag(Flag::XRs1) {
        cy.rs1_value
    } else if f.flag(Flag::XPc) {
        f.address
    } else if f.flag(Flag::XAdvice) {
        cy.advice
    } else {
        0
    };
    let y = if f.flag(Flag::YImm) {
        f.imm
    } else {
        cy.rs2_value
    };
    put(cols.x, x.into());
    put(cols.y, y.into());
    put(cols.product, u64::from(x) * u64::from(y));
    let output = cy.lookup.map_or(0, |l| l.output);
    put(cols.lookup_output, output.into());
    // RAM and the carry of rs1 + imm (LW/SW) or pc + imm (taken branch).
    let take = f.flag(Flag::Branch) && output == 1;
    put(cols.take_branch, take.into());
    let wraps = |a: u32, b: u32| a.checked_add(b).is_none();
    let carry = if f.flag(Flag::Load) || f.flag(Flag::Store) {
        wraps(x, y)
    } else {
        take && wraps(f.address, f.imm)
    };
    put(cols.carry, carry.into());
    let access = f.flag(Flag::Load) || f.flag(Flag::Store);
    put(cols.ram_word, ram_word(access, cy.ram.address));
    put(cols.ram_read, cy.ram.read.into());
    put(cols.ram_write, cy.ram.write.into());
    // The lookup query.
    if let Some(k) = f.table {
        let packing = cols.packings[k];
        for (i, chunk) in packing.indices(x, y).into_iter().enumerate() {
            put(cols.chunks[i], chunk as u64);
        }
        if matches!(packing, IndexPacking::Interleaved | IndexPacking::Shift) {
            for i in 0..C {
                put(cols.x_bytes[i], byte(x, i));
                put(cols.y_bytes[i], byte(y, i));
            }
        }
        put(cols.table_flags[k], 1);
    }
}
