//! Where each sub-check's polynomials sit among a proof's five commitment groups
//! ([`super::proof::JoltCommitments`]): a polynomial that several sub-checks use is committed
//! once, in the first group that has it, and every sub-check takes it from there.
//!
//! The same layout serves commitments (both verifiers) and the blinds of hiding commitments
//! (the zero-knowledge prover), so it is generic over the item.
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

use super::byte_range;
use super::constraints::Columns;
use super::preprocessing::VerifierKey;
use super::proof::{JoltCommitments, ZkvmError, RW_OWN_COLUMNS};
use super::read_write_memory::{self as rw, cols};
use super::statement::{byte_columns, bytecode_columns, rw_column};
use crate::commitment::CommitmentScheme;
use crate::lasso::surge::{SurgeCommitments, SurgePreprocessing};
use crate::r1cs::Variable;
use jolt_instructions::C;

/// The five groups of a proof's commitments (or of their blinds), in
/// [`super::proof::JoltCommitments`] order.
#[derive(Clone, Copy, Debug)]
pub struct Groups<'a, T> {
    /// The constraint system's columns.
    pub witness: &'a [T],
    /// The bytecode's multiplicities.
    pub bytecode: &'a [T],
    /// Registers/RAM polynomials that are not columns: [`super::proof::RW_OWN_COLUMNS`],
    /// then the five final-state polynomials.
    pub read_write: &'a [T],
    /// Surge's `E_m` of the memories that do not read a chunk, then the multiplicities.
    pub surge: &'a [T],
    /// The byte range check's multiplicities.
    pub byte_range: &'a [T],
}

/// Surge's polynomials, by role.
#[derive(Clone, Debug)]
pub struct SurgeParts<T> {
    /// `dim_i` (the chunk columns).
    pub dim: Vec<T>,
    /// `E_m`, every memory (a chunk's column for a memory that reads it).
    pub e_polys: Vec<T>,
    /// `m_i`.
    pub multiplicities: Vec<T>,
    /// `flag_f` (the table flag columns).
    pub flags: Vec<T>,
    /// `lookup_output` (a column).
    pub lookup_output: T,
}

impl<T: Clone> Groups<'_, T> {
    /// The items of the columns `vs`; `None` if a column is missing.
    pub fn columns(&self, vs: &[Variable]) -> Option<Vec<T>> {
        vs.iter()
            .map(|v| self.witness.get(v.index()).cloned())
            .collect()
    }

    /// The bytecode check's polynomials, in its order: `row` and the fields (columns), then
    /// the multiplicities.
    pub fn bytecode(&self, c: &Columns) -> Option<Vec<T>> {
        let mut items = self.columns(&bytecode_columns(c))?;
        items.extend(self.bytecode.iter().cloned());
        Some(items)
    }

    /// The registers-and-RAM check's [`rw::NUM_POLYS`] polynomials, in its order; `None` if
    /// the groups do not hold them.
    pub fn read_write(&self, c: &Columns) -> Option<Vec<T>> {
        let mut own = self.read_write.iter();
        let mut items = Vec::with_capacity(rw::NUM_POLYS);
        for k in 0..cols::NUM {
            items.push(match rw_column(c, k) {
                Some(v) => self.witness.get(v.index())?.clone(),
                None => own.next()?.clone(),
            });
        }
        items.extend(own.cloned());
        (items.len() == rw::NUM_POLYS).then_some(items)
    }

    /// The byte range check's byte columns.
    pub fn byte_columns(&self, c: &Columns) -> Option<Vec<T>> {
        self.columns(&byte_columns(c))
    }

    /// Surge's polynomials; `None` if the groups do not hold them.
    pub fn surge(&self, pre: &SurgePreprocessing, c: &Columns) -> Option<SurgeParts<T>> {
        let dim = self.columns(&c.chunks)?;
        let mut own = self.surge.iter();
        let e_polys = (0..pre.num_memories())
            .map(|m| match pre.reads_dim(m) {
                true => pre
                    .memories()
                    .get(m)
                    .and_then(|(_, chunk)| dim.get(*chunk))
                    .cloned(),
                false => own.next().cloned(),
            })
            .collect::<Option<Vec<_>>>()?;
        let multiplicities: Vec<T> = own.cloned().collect();
        (multiplicities.len() == dim.len()).then_some(())?;
        Some(SurgeParts {
            flags: self.columns(&c.table_flags)?,
            lookup_output: self.witness.get(c.lookup_output.index())?.clone(),
            dim,
            e_polys,
            multiplicities,
        })
    }
}

/// Each sub-check's commitments, taken from a proof's groups.
pub struct CheckCommitments<PCS: CommitmentScheme> {
    /// Surge's.
    pub surge: SurgeCommitments<PCS>,
    /// The bytecode check's, in its order.
    pub bytecode: Vec<PCS::Commitment>,
    /// The registers-and-RAM check's [`rw::NUM_POLYS`], in its order.
    pub read_write: Vec<PCS::Commitment>,
    /// The byte range check's byte columns.
    pub byte_columns: Vec<PCS::Commitment>,
}

/// `Ok` when a group of commitments has the `expected` size.
pub fn count(what: &'static str, expected: usize, got: usize) -> Result<(), ZkvmError> {
    if expected == got {
        Ok(())
    } else {
        Err(ZkvmError::Commitments {
            what,
            expected,
            got,
        })
    }
}

/// The error of a commitment group that does not hold a sub-check's polynomials.
pub fn layout_error(what: &str) -> ZkvmError {
    ZkvmError::Statement(format!(
        "the {what} commitments do not fit the key's layout"
    ))
}

/// Checks the size of each commitment group against the key and takes every sub-check's
/// commitments from them (both verifiers).
pub fn check_commitments<PCS: CommitmentScheme>(
    vk: &VerifierKey<PCS>,
    cm: &JoltCommitments<PCS>,
) -> Result<CheckCommitments<PCS>, ZkvmError> {
    let c = &vk.columns;
    count("constraint-system", c.len(), cm.witness.len())?;
    count("bytecode", 1, cm.bytecode.len())?;
    count(
        "registers/RAM",
        RW_OWN_COLUMNS.len() + 5,
        cm.read_write.len(),
    )?;
    let memories = vk.surge.num_memories();
    let own_e = (0..memories).filter(|m| !vk.surge.reads_dim(*m)).count();
    count("Surge", own_e + C, cm.surge.len())?;
    count(
        "byte range",
        byte_range::NUM_COUNT_POLYS,
        cm.byte_range.len(),
    )?;
    let groups = cm.groups();
    let parts = groups
        .surge(&vk.surge, c)
        .ok_or_else(|| layout_error("Surge"))?;
    Ok(CheckCommitments {
        surge: SurgeCommitments {
            dim: parts.dim.into(),
            e_polys: parts.e_polys.into(),
            multiplicities: parts.multiplicities.into(),
            flags: parts.flags.into(),
            lookup_output: parts.lookup_output,
        },
        bytecode: groups.bytecode(c).ok_or_else(|| layout_error("bytecode"))?,
        read_write: groups
            .read_write(c)
            .ok_or_else(|| layout_error("registers/RAM"))?,
        byte_columns: groups
            .byte_columns(c)
            .ok_or_else(|| layout_error("byte range"))?,
    })
}
