//! User-defined instructions in the custom-0 opcode space.
//!
//! A crate defines an instruction by implementing [`Instruction`] (with [`crate::Subtable`]s of
//! its own or built-in ones) and registers it for a pair of function bits with a
//! [`CustomInstruction`]. A guest emits the R-type word
//! `.insn r 0x0B, funct3, funct7, rd, rs1, rs2`; [`crate::decode`] reads it as
//! [`Opcode::Custom`], and a program given the registration executes it as
//! `rd := table.lookup_entry(rs1, rs2)`, proven by the same lookup argument as the built-in
//! tables: the query is `(x, y) = (rs1, rs2)`, packed as the table's
//! [`crate::IndexPacking`] says.
//!
//! [`TableId`] numbers the lookup tables of a program: the built-in ones in [`LookupId::ALL`]
//! order, then the registered ones in registration order.
//!
//! # Soundness obligations
//! - The registered table meets the obligations of [`Instruction`] (test it with
//!   [`crate::check`]): its collation of its subtables is its `lookup_entry`.
//! - A custom word without a registration is not executable ([`resolve_custom`] reports
//!   [`DecodeError::Unregistered`]); a proof system must make such rows unprovable.
//! - Names are identities: the proof system de-duplicates tables and subtables by name, so
//!   [`check_extensions`] rejects a table name used twice and a subtable name shared by two
//!   subtables with different entries.

use crate::{DecodeError, Instr, Instruction, LookupId, Opcode, Subtable};

/// The major opcode of the custom-0 space.
pub const CUSTOM_0: u32 = 0b000_1011;

/// A user-defined instruction: the table executing the custom-0 words with these function bits.
#[derive(Clone, Copy, Debug)]
pub struct CustomInstruction {
    /// Bits 14..12 of the word (below 8).
    pub funct3: u8,
    /// Bits 31..25 of the word (below 128).
    pub funct7: u8,
    /// What the instruction computes, and how the proof checks it.
    pub table: &'static dyn Instruction,
}

impl CustomInstruction {
    /// `funct7 << 3 | funct3`: the `imm` [`crate::decode`] gives the words of this instruction.
    pub fn selector(&self) -> u32 {
        u32::from(self.funct7) << 3 | u32::from(self.funct3)
    }

    /// The instruction word `rd := table(rs1, rs2)` (registers below 32).
    pub fn encode(&self, rd: u8, rs1: u8, rs2: u8) -> u32 {
        u32::from(self.funct7 & 0x7f) << 25
            | u32::from(rs2 & 31) << 20
            | u32::from(rs1 & 31) << 15
            | u32::from(self.funct3 & 7) << 12
            | u32::from(rd & 31) << 7
            | CUSTOM_0
    }
}

/// A lookup table of a program: built-in, or the `k`-th registered [`CustomInstruction`]'s.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TableId {
    /// A built-in table.
    Builtin(LookupId),
    /// The table of the `k`-th registered [`CustomInstruction`].
    Custom(u16),
}

impl TableId {
    /// Position in the program's table list: [`LookupId::ALL`], then the registered tables.
    pub fn index(self) -> usize {
        match self {
            TableId::Builtin(id) => id.index(),
            TableId::Custom(k) => LookupId::ALL.len() + usize::from(k),
        }
    }

    /// The table, given the program's registered instructions (`None` for a `Custom(k)` past
    /// their end).
    pub fn table(self, extensions: &[CustomInstruction]) -> Option<&'static dyn Instruction> {
        match self {
            TableId::Builtin(id) => Some(id.table()),
            TableId::Custom(k) => extensions.get(usize::from(k)).map(|e| e.table),
        }
    }
}

/// The table a decoded instruction queries, given the program's registered instructions:
/// `Ok(None)` for instructions without a lookup, [`DecodeError::Unregistered`] for a custom
/// word nobody registered.
pub fn resolve_custom(
    instr: &Instr,
    extensions: &[CustomInstruction],
) -> Result<Option<TableId>, DecodeError> {
    if instr.opcode != Opcode::Custom {
        return Ok(instr.opcode.lookup().map(TableId::Builtin));
    }
    extensions
        .iter()
        .position(|e| e.selector() == instr.imm)
        .and_then(|k| u16::try_from(k).ok())
        .map(|k| Some(TableId::Custom(k)))
        .ok_or(DecodeError::Unregistered {
            funct3: (instr.imm & 7) as u8,
            funct7: (instr.imm >> 3) as u8,
        })
}

/// Why a list of custom instructions cannot be registered together.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ExtensionError {
    /// A function code does not fit its field of the instruction word.
    #[error(
        "custom instruction {name}: funct3 = {funct3} / funct7 = {funct7} do not fit 3 / 7 bits"
    )]
    FunctOutOfRange {
        /// The instruction.
        name: &'static str,
        /// Its `funct3` (3 bits).
        funct3: u8,
        /// Its `funct7` (7 bits).
        funct7: u8,
    },
    /// Two instructions claim the same instruction words.
    #[error("custom instructions {first} and {second} are both registered for funct3 = {funct3}, funct7 = {funct7:#04x}")]
    SameEncoding {
        /// One instruction.
        first: &'static str,
        /// The other.
        second: &'static str,
        /// Their `funct3`.
        funct3: u8,
        /// Their `funct7`.
        funct7: u8,
    },
    /// Two tables have the same name.
    #[error("table name {0} is used twice (custom table names must differ from each other and from the built-in ones)")]
    TableName(&'static str),
    /// Two different subtables have the same name.
    #[error("subtable name {0} names two different subtables (a subtable's name is its identity)")]
    SubtableName(&'static str),
}

/// Checks that `extensions` can be registered together with the built-in tables (see the
/// soundness obligations of [`CustomInstruction`]).
pub fn check_extensions(extensions: &[CustomInstruction]) -> Result<(), ExtensionError> {
    for (i, e) in extensions.iter().enumerate() {
        if e.funct3 > 7 || e.funct7 > 0x7f {
            return Err(ExtensionError::FunctOutOfRange {
                name: e.table.name(),
                funct3: e.funct3,
                funct7: e.funct7,
            });
        }
        if let Some(first) = extensions[..i]
            .iter()
            .find(|f| f.selector() == e.selector())
        {
            return Err(ExtensionError::SameEncoding {
                first: first.table.name(),
                second: e.table.name(),
                funct3: e.funct3,
                funct7: e.funct7,
            });
        }
    }
    let mut tables: Vec<&'static dyn Instruction> =
        LookupId::ALL.iter().map(|id| id.table()).collect();
    let mut subtables: Vec<Box<dyn Subtable>> = Vec::new();
    for table in &tables {
        for (s, _) in table.subtables() {
            if !subtables.iter().any(|t| t.name() == s.name()) {
                subtables.push(s);
            }
        }
    }
    for e in extensions {
        if tables.iter().any(|t| t.name() == e.table.name()) {
            return Err(ExtensionError::TableName(e.table.name()));
        }
        tables.push(e.table);
        for (s, _) in e.table.subtables() {
            match subtables.iter().find(|t| t.name() == s.name()) {
                Some(t) if t.materialize() != s.materialize() => {
                    return Err(ExtensionError::SubtableName(s.name()))
                }
                Some(_) => {}
                None => subtables.push(s),
            }
        }
    }
    Ok(())
}
