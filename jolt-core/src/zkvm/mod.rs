//! The zkVM proof: a program, run on public inputs (and a private input it commits to),
//! halted with public outputs, panic flag and exit code. [`prove`] runs the program and proves the run; [`verify`] checks a
//! [`JoltProof`] against a [`VerifierKey`] and the claimed [`jolt_tracer::ProgramIo`].
//!
//! * [`preprocessing`]: the prover and verifier keys of a program (the verifier key's digest
//!   opens every transcript).
//! * [`statement`]: what prover and verifier derive alike: the statement absorbed first, the
//!   initial RAM, the I/O region, and which constraint-system columns the other parts share.
//! * [`prover`] / [`verifier`]: the assembly (one transcript, shared commitments, one batched
//!   opening); [`proof`]: the proof object and [`ZkvmError`].
//! * [`boundary`]: a segment's two ends: the entry or a resumed machine state, the halt or a
//!   paused one.
//! * [`bytecode`]: the constraint system's view of a bytecode row — its fields and boolean
//!   circuit flags ([`bytecode::RowFields`]), derived from the decoded program only.
//! * [`constraints`]: the witness columns ([`constraints::Columns`]) and the named per-cycle
//!   constraints ([`constraints::rv32im_shape`]), built with [`crate::r1cs::R1csBuilder`].
//! * [`witness`]: the columns of a trace, padded to a power of two with no-op cycles, stored
//!   compactly ([`witness::WitnessTable`]).
//! * [`bytecode_checking`], [`read_write_memory`], [`byte_range`], [`io_check`]: the memory
//!   and I/O arguments the constraints rely on (below).
//!
//! # What the constraints prove, and what they rely on
//! Per cycle `t` the R1CS ties the bytecode row, the register values, the RAM access, the advice
//! and the lookup query together (operand selection, chunk packing, rd write, RAM address and
//! value flow, assertions) and links `t` to `t + 1` (next row / next address, padding). The
//! other parts of the proof MUST establish (each is an obligation of the prover/verifier
//! assembly; see [`constraints`] for the exact list):
//! 1. **Bytecode** (read-only memory checking): the tuple `(row, address, step, rs1, rs2, rd,
//!    imm, circuit flags, table flags)` of every cycle is a row of the verifier's bytecode
//!    table ([`bytecode::program_rows`]: the program's rows followed by one no-op padding row;
//!    no row is both halting and padding). This also makes every flag boolean and the table
//!    flags one-hot or all zero, which the constraint system does not check.
//! 2. **Registers** (read-write memory checking): `rs1_value`/`rs2_value` are the values of
//!    registers `rs1`/`rs2`, and `rd_write` is written to register `rd`. The registers start
//!    as the emulator's: `sp` at the layout's stack top for the program image, the stack
//!    guard register at the stack's bottom if the key has the guard
//!    ([`jolt_tracer::stack_guard`]), every other register (x0 included) at 0.
//! 3. **RAM** (read-write memory checking): `ram_read` is the word at `4·(ram_word − 2^31)`
//!    and `ram_write` is stored there. The RAM memory's cells are the no-access cell (address
//!    0), the words of guest memory `[private_input_start, RAM_START + memory_size)` in the
//!    pages the proof lists (address `2^31 + word`; the list is checked by the verifier, see
//!    [`read_write_memory::MemoryInit`]) and cells at addresses no access produces. Since
//!    `4·ram_word = x + y − 2^32·carry + 2^33` with 32-bit `x`, `y` and a boolean carry puts
//!    an access's `ram_word` in `[2^30, 2^32)` when integral (and far outside the cells when
//!    the address is misaligned), an access reaches exactly the words the emulator allows;
//!    cycles without one use the no-access cell (always 0).
//! 4. **Lookups** (Surge): `lookup_output = T_f[chunks]` for the one-hot `flag_f`, each chunk
//!    `< 2^16`; the chunk columns and flag columns are the same committed polynomials as
//!    Surge's `dim_i` and `flag_f`.
//! 5. **Byte range check**: the `2·C` byte columns `x_byte_i`, `y_byte_i` are `< 2^8` (a
//!    read-only Lasso check of the pairs `(x_byte_i, y_byte_i)` against the table of all
//!    2^16 byte pairs).
//! 6. **I/O**: the final memory holds the claimed outputs and panic flag; the initial memory
//!    holds the image and the public inputs, and, in a program with a private input region,
//!    the words the proof's private input commitments open to there
//!    ([`read_write_memory::private_input`]).
//! 7. **Boundary claims** ([`statement::boundary_claims`], opened with everything else):
//!    `row(0)` is the entry row; `flag_halt(cycles − 1) = 1` for the proof's real cycle count
//!    `cycles ≤ max_cycles`, so (with "padding starts only after the halting row and never
//!    ends") the run ends with the exit call and only padding follows; and
//!    `rs1_value(cycles − 1)` (`a0` of the halting row) is the exit code. Termination and the
//!    exit code are thereby not memory a store could forge.
//!
//! A proof may also cover one **segment** of a longer run ([`boundary`]): it then starts in a
//! resumed machine state (its row, registers and committed RAM pages instead of the entry
//! row, the initial registers and the image) or pauses in one (every cycle real, the last
//! one leading to the state's row, the final registers and RAM being the state's) instead of
//! halting. [`crate::continuations`] chains segments into a proof of the whole run.

pub mod boundary;
pub mod byte_range;
pub mod byte_range_zk;
pub mod bytecode;
pub mod bytecode_checking;
pub mod bytecode_zk;
pub mod commitment_layout;
pub mod constraints;
pub mod io_check;
pub mod io_check_zk;
pub mod memory_common;
pub mod preprocessing;
pub mod proof;
pub mod prover;
pub mod read_write_memory;
pub mod statement;
pub mod verifier;
pub mod witness;
pub mod zk;

pub use preprocessing::{max_num_vars, PreprocessingError, ProverKey, VerifierKey};
pub use proof::{JoltProof, ZkvmError};
pub use prover::{
    prove, prove_segment, prove_trace, prove_with_private_input, prove_witness, Exit, ProveError,
    SegmentWitness, ZkvmWitness,
};
pub use verifier::{verify, verify_bytes, verify_segment};

#[cfg(test)]
#[path = "tests/memory_checking.rs"]
mod memory_checking_tests;
#[cfg(test)]
pub(crate) mod tests;
