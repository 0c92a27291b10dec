//! RV32IM for the zkVM: decoding, reference semantics, lookup-table decompositions and virtual
//! sequences. There is no proof code here; the emulator and the prover both build on this crate.
//!
//! - [`decode`] turns an instruction word into an [`Instr`].
//! - [`alu`] is the reference semantics: the one source of truth for what an instruction computes
//!   from its two operands, which [`operands`] selects (rs1 or pc, rs2 or the immediate).
//! - [`expand`] replaces the instructions without a lookup decomposition (MULH, MULHSU, DIV*,
//!   REM*, and the sub-word loads and stores) by short virtual sequences; [`advice`] supplies their
//!   untrusted advice values.
//! - [`lookup_query`] names the lookup table an instruction queries ([`LookupId`]) and the
//!   operands of the query; [`LookupId::table`] gives the table's decomposition into subtables
//!   (the [`Instruction`] and [`Subtable`] traits, which other crates may implement too).
//! - [`CustomInstruction`] registers such a user-defined table for words of the custom-0 opcode
//!   space ([`Opcode::Custom`]); [`TableId`] names a program's tables, built-in or registered.
//!
//! # Bit order
//! Everywhere in this crate, index bits and chunks are counted from the most significant:
//! chunk 0 of a lookup index is its most significant chunk, byte 0 of a word is its most
//! significant byte, and `point[0]` of a subtable MLE point is the most significant bit of the
//! subtable index. A lookup index has [`C`] chunks of [`LOG_M`] bits; each chunk indexes a
//! subtable of [`M`] entries.
//!
//! # Where to start
//! Decode a word, find the table its result is looked up in, and check the table's
//! decomposition on that query (what [`check`] does for every table, on many operands):
//!
//! ```
//! use jolt_instructions::{alu, decode, lookup_query, Fr, LookupId, Opcode};
//!
//! // add a0, a1, a2
//! let instr = decode(0x00c5_8533).unwrap();
//! assert_eq!((instr.opcode, instr.rd, instr.rs1, instr.rs2), (Opcode::Add, 10, 11, 12));
//!
//! // With a1 = 7 and a2 = 0xffff_ffff the sum wraps to 6: a query of the ADD table.
//! let (id, x, y) = lookup_query(&instr, 0x8000_0000, 7, u32::MAX).unwrap();
//! assert_eq!(id, LookupId::Add);
//! assert_eq!(alu(Opcode::Add, x, y), 6);
//!
//! // The subtables, read at the query's chunks and combined by g, give the table's entry.
//! let table = id.table();
//! let chunks = table.to_indices(x, y);
//! let mut reads = Vec::new();
//! for (subtable, positions) in table.subtables() {
//!     let entries = subtable.materialize();
//!     reads.extend(positions.iter().map(|i| Fr::from(entries[chunks[i]])));
//! }
//! assert_eq!(table.combine_lookups(&reads), Fr::from(table.lookup_entry(x, y)));
//! ```
#![warn(missing_docs)]

mod alu;
pub mod check;
mod chunks;
mod custom;
mod decode;
mod instr;
mod instruction;
pub mod lookups;
mod opcode;
mod subtable;
pub mod subtables;
mod virtual_sequences;

pub use alu::{alu, operands, XSource, YSource};
pub use ark_bn254::Fr;
pub use chunks::{interleave, shift_chunks, split, ChunkPositions};
pub use custom::{
    check_extensions, resolve_custom, CustomInstruction, ExtensionError, TableId, CUSTOM_0,
};
pub use decode::{decode, DecodeError};
pub use instr::Instr;
pub use instruction::{IndexPacking, Instruction};
pub use lookups::{lookup_query, LookupId};
pub use opcode::Opcode;
pub use subtable::Subtable;
pub use virtual_sequences::{advice, expand};

/// Chunks per lookup index.
pub const C: usize = 4;
/// Bits per chunk.
pub const LOG_M: usize = 16;
/// Entries of a subtable.
pub const M: usize = 1 << LOG_M;
/// Registers the machine has: x0..x31, the virtual registers of virtual sequences, then the
/// stack guard register.
pub const REGISTER_COUNT: usize = 32 + VIRTUAL_REGISTER_COUNT + 1;
/// Virtual registers, numbered 32.. and used only inside virtual sequences.
pub const VIRTUAL_REGISTER_COUNT: usize = 8;
/// The register holding the bottom of the guest's stack, for the stack guard's check: set
/// before the first cycle and written by no instruction (it is neither an architectural nor
/// a sequence's virtual register).
pub const STACK_GUARD_REGISTER: u8 = (32 + VIRTUAL_REGISTER_COUNT) as u8;
