//! The table set and its memory layout, derived identically by prover and verifier.

use crate::transcript::{Absorb, Transcript};
#[allow(unused_imports)]
use crate::utils::parallel::*;
use jolt_instructions::{Instruction, Subtable, C};
use std::sync::OnceLock;

/// The ordered, de-duplicated tables of a Surge instance and their memories.
///
/// Tables are de-duplicated by [`Instruction::name`], keeping the first occurrence; subtables
/// by [`Subtable::name`], in the order of first use. A memory is a pair (subtable, chunk)
/// that some table reads, numbered in the order of first use (tables in order, then each
/// table's subtables in order, positions ascending). The memories of chunk `i`, in this order,
/// are the values of the folded memory `i` that memory checking sees
/// ([`Self::chunk_memories`]).
pub struct SurgePreprocessing {
    instructions: Vec<&'static dyn Instruction>,
    subtables: Vec<Box<dyn Subtable>>,
    /// `(subtable index, chunk)` of each memory.
    memories: Vec<(usize, usize)>,
    /// For each table, the memory of each value that its `combine_lookups` takes, in order.
    table_memories: Vec<Vec<usize>>,
    /// For each chunk `i < C`, its memories in ascending order.
    chunk_memories: Vec<Vec<usize>>,
    /// Whether each memory's subtable is the identity (`T(k) = k` at every index), so that its
    /// `E_m` is its chunk's `dim_i`.
    reads_dim: Vec<bool>,
    /// The subtables' entries, materialized on first use (prover side only).
    materialized: OnceLock<Vec<Vec<u64>>>,
    /// Largest total degree of a collation polynomial `g_f`.
    max_g_degree: usize,
}

impl std::fmt::Debug for SurgePreprocessing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SurgePreprocessing")
            .field(
                "tables",
                &self
                    .instructions
                    .iter()
                    .map(|i| i.name())
                    .collect::<Vec<_>>(),
            )
            .field(
                "subtables",
                &self.subtables.iter().map(|s| s.name()).collect::<Vec<_>>(),
            )
            .field("memories", &self.memories)
            .finish()
    }
}

impl SurgePreprocessing {
    /// Builds the layout of `instructions`.
    ///
    /// # Panics
    /// If `instructions` is empty (a configuration error, not proof data).
    pub fn new(instructions: &[&'static dyn Instruction]) -> Self {
        assert!(!instructions.is_empty(), "surge needs at least one table");
        let mut tables: Vec<&'static dyn Instruction> = Vec::new();
        for instr in instructions {
            if !tables.iter().any(|t| t.name() == instr.name()) {
                tables.push(*instr);
            }
        }
        let mut subtables: Vec<Box<dyn Subtable>> = Vec::new();
        let mut memories: Vec<(usize, usize)> = Vec::new();
        let mut table_memories = Vec::with_capacity(tables.len());
        for table in &tables {
            let mut mems = Vec::new();
            for (subtable, positions) in table.subtables() {
                let s = match subtables.iter().position(|s| s.name() == subtable.name()) {
                    Some(s) => s,
                    None => {
                        subtables.push(subtable);
                        subtables.len() - 1
                    }
                };
                for chunk in positions.iter() {
                    let m = match memories.iter().position(|m| *m == (s, chunk)) {
                        Some(m) => m,
                        None => {
                            memories.push((s, chunk));
                            memories.len() - 1
                        }
                    };
                    mems.push(m);
                }
            }
            table_memories.push(mems);
        }
        let max_g_degree = tables
            .iter()
            .map(|t| t.g_degree())
            .max()
            .unwrap_or(1)
            .max(1);
        let chunk_memories = (0..C)
            .map(|i| {
                (0..memories.len())
                    .filter(|m| memories[*m].1 == i)
                    .collect()
            })
            .collect();
        let identity: Vec<bool> = crate::cfg_iter!(subtables)
            .map(|s| {
                s.materialize()
                    .iter()
                    .enumerate()
                    .all(|(k, v)| *v == k as u64)
            })
            .collect();
        let reads_dim = memories.iter().map(|(s, _)| identity[*s]).collect();
        Self {
            instructions: tables,
            subtables,
            memories,
            table_memories,
            chunk_memories,
            reads_dim,
            materialized: OnceLock::new(),
            max_g_degree,
        }
    }

    /// The tables, in order (a cycle's table index refers to this list).
    pub fn tables(&self) -> &[&'static dyn Instruction] {
        &self.instructions
    }

    /// The index of the table named `name`.
    pub fn table_index(&self, name: &str) -> Option<usize> {
        self.instructions.iter().position(|t| t.name() == name)
    }

    /// The distinct subtables, in order.
    pub fn subtables(&self) -> &[Box<dyn Subtable>] {
        &self.subtables
    }

    /// `(subtable index, chunk)` of each memory.
    pub fn memories(&self) -> &[(usize, usize)] {
        &self.memories
    }

    /// The memories read at chunk `i < C`, ascending: the values, in order, of the folded
    /// memory `i` (its tuples are `(dim_i, E_m for m in chunk_memories(i), count)`).
    /// Empty for `i ≥ C`.
    pub fn chunk_memories(&self, i: usize) -> &[usize] {
        self.chunk_memories.get(i).map_or(&[], Vec::as_slice)
    }

    /// Whether memory `m`'s subtable is the identity, so that `E_m` equals its chunk's `dim_i`
    /// as a polynomial (a caller that commits `dim_i` may use that commitment for `E_m`).
    pub fn reads_dim(&self, m: usize) -> bool {
        self.reads_dim.get(m).copied().unwrap_or(false)
    }

    /// All entries of every subtable (in the order of [`Self::subtables`]), materialized once,
    /// in parallel, on first call. The verifier never needs them.
    pub fn materialized(&self) -> &[Vec<u64>] {
        self.materialized.get_or_init(|| {
            crate::cfg_iter!(self.subtables)
                .map(|s| s.materialize())
                .collect()
        })
    }

    /// For table `f`, the memory of each value its collation takes.
    pub fn table_memories(&self, f: usize) -> &[usize] {
        &self.table_memories[f]
    }

    /// Number of tables.
    pub fn num_tables(&self) -> usize {
        self.instructions.len()
    }

    /// Number of memories.
    pub fn num_memories(&self) -> usize {
        self.memories.len()
    }

    /// Degree of the primary sumcheck: `eq · flag · g`.
    pub fn primary_degree(&self) -> usize {
        2 + self.max_g_degree
    }

    /// `Σ_f flag_f · g_f(E)` for flag values `flags` and memory values `e` (both of the right
    /// length: prover-built, or shape-checked by the verifier). Tables whose flag is zero are
    /// skipped.
    pub fn combine(&self, flags: &[crate::field::Fr], e: &[crate::field::Fr]) -> crate::field::Fr {
        use ark_ff::Zero;
        let mut acc = crate::field::Fr::zero();
        let mut buf: Vec<crate::field::Fr> = Vec::with_capacity(16);
        for ((flag, table), mems) in flags
            .iter()
            .zip(&self.instructions)
            .zip(&self.table_memories)
        {
            if flag.is_zero() {
                continue;
            }
            buf.clear();
            buf.extend(mems.iter().filter_map(|m| e.get(*m).copied()));
            if buf.len() == mems.len() {
                acc += *flag * table.combine_lookups(&buf);
            }
        }
        acc
    }

    /// Absorbs the statement: table names, memory layout, `C` and `n`.
    pub fn append_statement(&self, log_cycles: usize, transcript: &mut Transcript) {
        let mut bytes = Vec::new();
        for t in &self.instructions {
            bytes.extend_from_slice(t.name().as_bytes());
            bytes.push(0);
        }
        bytes.push(0xff);
        for s in &self.subtables {
            bytes.extend_from_slice(s.name().as_bytes());
            bytes.push(0);
        }
        for (s, i) in &self.memories {
            bytes.extend_from_slice(&(*s as u32).to_le_bytes());
            bytes.extend_from_slice(&(*i as u32).to_le_bytes());
        }
        bytes.extend_from_slice(&(C as u32).to_le_bytes());
        bytes.extend_from_slice(&(log_cycles as u64).to_le_bytes());
        transcript.append_bytes(super::super::labels::SURGE_STATEMENT, &bytes);
    }
}
