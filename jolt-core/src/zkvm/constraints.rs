//! The per-cycle constraints of the RV32IM machine, `(A z)·(B z) = (C z)` at every cycle, over
//! the witness columns of [`Columns`]. Each constraint has a one-line name (listed in the book).
//!
//! # Columns (per cycle `t`)
//! * **Bytecode row** (authenticated by the bytecode check): `row`, `address` (pc), `step`,
//!   `rs1`, `rs2`, `rd` (0 if the row writes no register), `imm`, the 14 circuit flags of
//!   [`Flag`], and one flag per table (set for the row's table, all 0 for a row without
//!   lookup).
//! * **Registers**: `rs1_value`, `rs2_value` (read), `rd_write` (written to `rd`).
//! * **Operands**: `x`, `y` of the instruction (and of its lookup query); `product = x·y`.
//! * **Advice**: `advice`, the untrusted value of a `VirtualAdvice` step.
//! * **RAM**: `ram_word` (`2^31 + address / 4`; 0 = no access), `ram_read`, `ram_write`, and `carry`
//!   (the 2^32 wrap of rs1 + imm for LW/SW, of pc + imm for a taken branch).
//! * **Lookup**: `lookup_output`, `chunk_i` (`i < C`, Surge's `dim_i`), the byte halves
//!   `x_byte_i`, `y_byte_i` of interleaved / shift chunks, and
//!   `take_branch = flag_branch·lookup_output`.
//!
//! # Constraints
//! Booleanity of `carry` (the flags need none: the bytecode check pins them to the verifier's
//! table, whose circuit flags are bits and whose table flags are one-hot or zero). Operand
//! selection from the x/y flags. Packing of the chunks per the table's [`IndexPacking`]:
//! split packings `Σ chunk_i·2^{16(C−1−i)} = x | x+y | x+2^32−y | x·y`;
//! interleaved / shift packings `x = Σ x_byte_i·2^{8(C−1−i)}`, the same for y, and
//! `chunk_i = 2^8·x_byte_i + y_byte_i` (interleaved) or `+ y_byte_{C−1}` (shift). No table ⇒
//! output 0. rd: lookup output, pc + 4, or the RAM read, else 0 (this covers x0). Assertions
//! need output 1. RAM: `4·(ram_word − 2^31) = x + y − 2^32·carry` for LW/SW, no access ⇒
//! `ram_word` 0 and value 0, only SW changes memory and writes `rs2_value`. PC (cross-step): jump ⇒ next
//! address = output; taken branch ⇒ next address = pc + imm (mod 2^32); both ⇒ next step = 0
//! (a jump lands on the first row of a word); otherwise next row = row + 1 (fall-through and
//! virtual sequences, in order); padding stays on its row, starts only after the halting row
//! and never ends.
//!
//! # Soundness obligations left to other parts
//! See [`crate::zkvm`]: bytecode (which also makes every flag boolean and the table flags
//! one-hot or zero), register and RAM memory checking (the RAM cells pin an access's
//! `ram_word` to a word of guest memory, 0 being the no-access cell no access reaches), Surge for `lookup_output`/chunks (`chunk_i < 2^16`), a range check `< 2^8` of the
//! `2·C` byte columns (they are NOT part of the Surge query: a read-only Lasso check against
//! the table of the 2^16 byte pairs, C reads of a pair per cycle), and the boundary claims: the entry row
//! at cycle 0, the halting row at the last real cycle. The bytecode table must hold no address
//! `≥ 2^32 − 4` (so `pc + 4` needs no wrap; preprocessing checks it). Cross-step constraints
//! do not apply at the last cycle, which is the halting row or padding (the halting claim and
//! the padding constraint), leaving nothing to check there.

use super::bytecode::Flag;
use super::read_write_memory::WORD_OFFSET;
use crate::r1cs::{Lc, R1csBuilder, UniformShape, Variable};
use jolt_instructions::{IndexPacking, Instruction, LookupId, C};

/// Storage width of a column (its values fit).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Width {
    /// `< 2^8`.
    U8,
    /// `< 2^16`.
    U16,
    /// `< 2^32`.
    U32,
    /// `< 2^64`.
    U64,
}

/// The witness columns, as variables of the uniform system (see the module documentation).
#[derive(Clone, Debug)]
pub struct Columns {
    /// The index of the bytecode row the cycle executes.
    pub row: Variable,
    /// The row's pc: the address of the instruction word it comes from.
    pub address: Variable,
    /// The row's index in its virtual sequence (0 for a word's first row).
    pub step: Variable,
    /// The row's first source register.
    pub rs1: Variable,
    /// The row's second source register.
    pub rs2: Variable,
    /// The row's destination register (0 if it writes none).
    pub rd: Variable,
    /// The row's immediate (sign-extended, as 32 bits).
    pub imm: Variable,
    /// Indexed by [`Flag`].
    pub flags: Vec<Variable>,
    /// The value read from `rs1`.
    pub rs1_value: Variable,
    /// The value read from `rs2`.
    pub rs2_value: Variable,
    /// The value written to `rd` (0 without a write flag).
    pub rd_write: Variable,
    /// The untrusted advice of a `VirtualAdvice` step (0 elsewhere).
    pub advice: Variable,
    /// The first operand: `rs1_value`, pc, advice or 0, by the row's x flags.
    pub x: Variable,
    /// The second operand: `imm` or `rs2_value`, by the row's y flag.
    pub y: Variable,
    /// `x·y` (a 64-bit value).
    pub product: Variable,
    /// `2^31 + address / 4` of the RAM access, 0 without one.
    pub ram_word: Variable,
    /// The word the RAM access reads (0 without one).
    pub ram_read: Variable,
    /// The word the RAM access leaves (the read word unless a store).
    pub ram_write: Variable,
    /// The `2^32` wrap of `rs1 + imm` (load/store) or `pc + imm` (taken branch).
    pub carry: Variable,
    /// `flag_branch · lookup_output`: 1 on a taken branch.
    pub take_branch: Variable,
    /// The lookup query's result (0 without a lookup).
    pub lookup_output: Variable,
    /// The query's chunks (Surge's `dim_i`, each `< 2^16`), most significant first.
    pub chunks: [Variable; C],
    /// The bytes of `x`, most significant first (interleaved and shift packings).
    pub x_bytes: [Variable; C],
    /// The bytes of `y`, most significant first (interleaved and shift packings).
    pub y_bytes: [Variable; C],
    /// One per table, in the order of the table list (bytecode fields).
    pub table_flags: Vec<Variable>,
    /// The width of every column, by column index.
    pub widths: Vec<Width>,
    /// The packing of every table, in the order of the table list.
    pub packings: Vec<IndexPacking>,
}

impl Columns {
    /// The variable of `flag`.
    pub fn flag(&self, flag: Flag) -> Variable {
        self.flags[flag as usize]
    }

    /// Number of columns.
    pub fn len(&self) -> usize {
        self.widths.len()
    }

    /// Whether there are no columns (never).
    pub fn is_empty(&self) -> bool {
        self.widths.is_empty()
    }
}

/// The RV32IM built-in tables in [`LookupId::ALL`] order (the order of the table flags).
pub fn rv32im_tables() -> Vec<&'static dyn Instruction> {
    LookupId::ALL.iter().map(|id| id.table()).collect()
}

/// The uniform shape for the RV32IM tables ([`rv32im_tables`]) and its columns.
pub fn rv32im_shape() -> (UniformShape, Columns) {
    shape(&rv32im_tables())
}

fn declare(b: &mut R1csBuilder, widths: &mut Vec<Width>, name: &str, w: Width) -> Variable {
    widths.push(w);
    b.var(name)
}

fn sum(terms: impl IntoIterator<Item = Lc>) -> Lc {
    terms.into_iter().fold(Lc::zero(), |acc, t| acc + t)
}

/// `Σ_i v_i·2^{bits·(C−1−i)}`: the digits `v`, most significant first.
fn digits(v: &[Variable; C], bits: u32) -> Lc {
    sum(v
        .iter()
        .enumerate()
        .map(|(i, &d)| d * (1i128 << (bits * (C - 1 - i) as u32))))
}

/// Declares the columns for `tables` (in that order: the table flags and a row's table index
/// refer to it).
fn columns(b: &mut R1csBuilder, tables: &[&'static dyn Instruction]) -> Columns {
    use Width::*;
    let mut w = Vec::new();
    let mut col = |name: &str, width| declare(b, &mut w, name, width);
    let (row, address, step) = (col("row", U32), col("address", U32), col("step", U8));
    let (rs1, rs2, rd) = (col("rs1", U8), col("rs2", U8), col("rd", U8));
    let imm = col("imm", U32);
    let flags = Flag::ALL.iter().map(|f| col(f.name(), U8)).collect();
    let (rs1_value, rs2_value, rd_write) = (
        col("rs1_value", U32),
        col("rs2_value", U32),
        col("rd_write", U32),
    );
    let advice = col("advice", U32);
    let (x, y, product) = (col("x", U32), col("y", U32), col("product", U64));
    let (ram_word, ram_read, ram_write) = (
        col("ram_word", U32),
        col("ram_read", U32),
        col("ram_write", U32),
    );
    let (carry, take_branch) = (col("carry", U8), col("take_branch", U8));
    let lookup_output = col("lookup_output", U32);
    let chunks = core::array::from_fn(|i| col(&format!("chunk_{i}"), U16));
    let x_bytes = core::array::from_fn(|i| col(&format!("x_byte_{i}"), U8));
    let y_bytes = core::array::from_fn(|i| col(&format!("y_byte_{i}"), U8));
    let table_flags = tables
        .iter()
        .map(|t| col(&format!("table_flag_{}", t.name()), U8))
        .collect();
    Columns {
        row,
        address,
        step,
        rs1,
        rs2,
        rd,
        imm,
        flags,
        rs1_value,
        rs2_value,
        rd_write,
        advice,
        x,
        y,
        product,
        ram_word,
        ram_read,
        ram_write,
        carry,
        take_branch,
        lookup_output,
        chunks,
        x_bytes,
        y_bytes,
        table_flags,
        widths: w,
        packings: tables.iter().map(|t| t.packing()).collect(),
    }
}

/// The uniform shape for the lookup tables `tables` (the RV32IM ones, or a superset with
/// user-defined tables appended) and its columns.
pub fn shape(tables: &[&'static dyn Instruction]) -> (UniformShape, Columns) {
    let mut b = R1csBuilder::new();
    let c = columns(&mut b, tables);
    let f = |flag: Flag| c.flag(flag);
    let one = || Lc::constant(1);

    // Booleanity (the flags come from the bytecode table: see the module documentation).
    b.constrain_binary("carry is boolean", c.carry);
    let any_table = sum(c.table_flags.iter().map(|&v| Lc::from(v)));
    b.constrain_eq_if(
        "a cycle without lookup has lookup output 0",
        one() - any_table,
        c.lookup_output,
        0i128,
    );

    // Operand selection.
    b.constrain_eq_if(
        "x = rs1 value when flag_x_rs1",
        f(Flag::XRs1),
        c.x,
        c.rs1_value,
    );
    b.constrain_eq_if("x = pc when flag_x_pc", f(Flag::XPc), c.x, c.address);
    b.constrain_eq_if(
        "x = advice when flag_x_advice",
        f(Flag::XAdvice),
        c.x,
        c.advice,
    );
    let x_zero = one() - f(Flag::XRs1) - f(Flag::XPc) - f(Flag::XAdvice);
    b.constrain_eq_if("x = 0 when no x source is flagged", x_zero, c.x, 0i128);
    b.constrain_eq_if("y = imm when flag_y_imm", f(Flag::YImm), c.y, c.imm);
    b.constrain_eq_if(
        "y = rs2 value otherwise",
        one() - f(Flag::YImm),
        c.y,
        c.rs2_value,
    );
    b.constrain_prod("product = x * y", c.x, c.y, c.product);

    // Packing of the lookup query.
    let with = |p: IndexPacking| {
        sum(c
            .packings
            .iter()
            .zip(&c.table_flags)
            .filter(|(q, _)| **q == p)
            .map(|(_, &v)| Lc::from(v)))
    };
    let split = digits(&c.chunks, 16);
    b.constrain_eq_if(
        "word packing: chunks are the digits of x",
        with(IndexPacking::Word),
        split.clone(),
        c.x,
    );
    b.constrain_eq_if(
        "sum packing: chunks are the digits of x + y",
        with(IndexPacking::Sum),
        split.clone(),
        c.x + c.y,
    );
    let diff = c.x + (1i128 << 32) - c.y;
    b.constrain_eq_if(
        "difference packing: chunks are the digits of x + 2^32 - y",
        with(IndexPacking::Difference),
        split.clone(),
        diff,
    );
    b.constrain_eq_if(
        "product packing: chunks are the digits of x * y",
        with(IndexPacking::Product),
        split,
        c.product,
    );
    let (inter, shift) = (with(IndexPacking::Interleaved), with(IndexPacking::Shift));
    let bytes = inter.clone() + shift.clone();
    b.constrain_eq_if(
        "byte packing: x is its bytes",
        bytes.clone(),
        c.x,
        digits(&c.x_bytes, 8),
    );
    b.constrain_eq_if(
        "byte packing: y is its bytes",
        bytes,
        c.y,
        digits(&c.y_bytes, 8),
    );
    for i in 0..C {
        let chunk = c.x_bytes[i] * 256 + c.y_bytes[i];
        b.constrain_eq_if(
            format!("interleaved packing: chunk {i} = x byte {i}, y byte {i}"),
            inter.clone(),
            c.chunks[i],
            chunk,
        );
    }
    for i in 0..C {
        let chunk = c.x_bytes[i] * 256 + c.y_bytes[C - 1];
        b.constrain_eq_if(
            format!("shift packing: chunk {i} = x byte {i}, low byte of y"),
            shift.clone(),
            c.chunks[i],
            chunk,
        );
    }

    // rd (x0 included: its rows have no write flag).
    b.constrain_eq_if(
        "rd := lookup output when flag_write_lookup",
        f(Flag::WriteLookup),
        c.rd_write,
        c.lookup_output,
    );
    b.constrain_eq_if(
        "rd := pc + 4 when flag_write_link",
        f(Flag::WriteLink),
        c.rd_write,
        c.address + 4i128,
    );
    b.constrain_eq_if(
        "rd := RAM read when flag_write_load",
        f(Flag::WriteLoad),
        c.rd_write,
        c.ram_read,
    );
    let no_write = one() - f(Flag::WriteLookup) - f(Flag::WriteLink) - f(Flag::WriteLoad);
    b.constrain_eq_if(
        "rd write is 0 without a write flag (x0 is never written)",
        no_write,
        c.rd_write,
        0i128,
    );
    b.constrain_eq_if(
        "an assertion's lookup output is 1",
        f(Flag::Assert),
        c.lookup_output,
        1i128,
    );

    // RAM.
    let access = f(Flag::Load) + f(Flag::Store);
    let address = c.x + c.y - Lc::from(c.carry) * (1i128 << 32);
    b.constrain_eq_if(
        "LW/SW address 4 * (ram_word - 2^31) = rs1 + imm mod 2^32 (word aligned)",
        access.clone(),
        c.ram_word * 4 - Lc::constant(4 * WORD_OFFSET as i128),
        address,
    );
    let no_access = one() - access;
    b.constrain_eq_if(
        "no RAM access: ram_word = 0",
        no_access.clone(),
        c.ram_word,
        0i128,
    );
    b.constrain_eq_if("no RAM access: ram_read = 0", no_access, c.ram_read, 0i128);
    b.constrain_eq_if(
        "only a store changes memory (a load keeps the word)",
        one() - f(Flag::Store),
        c.ram_write,
        c.ram_read,
    );
    b.constrain_eq_if(
        "SW writes rs2 value",
        f(Flag::Store),
        c.ram_write,
        c.rs2_value,
    );

    // PC update (cross-step).
    b.constrain_prod(
        "take_branch = flag_branch * lookup output",
        f(Flag::Branch),
        c.lookup_output,
        c.take_branch,
    );
    b.constrain_eq_if(
        "jump: next address = lookup output",
        f(Flag::Jump),
        c.address.next(),
        c.lookup_output,
    );
    let target = c.address + c.imm - Lc::from(c.carry) * (1i128 << 32);
    b.constrain_eq_if(
        "taken branch: next address = pc + imm mod 2^32",
        c.take_branch,
        c.address.next(),
        target,
    );
    b.constrain_eq_if(
        "jump or taken branch: next row is a word's first row",
        f(Flag::Jump) + c.take_branch,
        c.step.next(),
        0i128,
    );
    let fall = one() - f(Flag::Jump) - c.take_branch - f(Flag::Halt) - f(Flag::Noop);
    b.constrain_eq_if(
        "fall-through: next row = row + 1",
        fall,
        c.row.next(),
        c.row + 1i128,
    );
    b.constrain_eq_if(
        "padding stays on the no-op row",
        f(Flag::Noop),
        c.row.next(),
        c.row,
    );
    b.constrain_eq(
        "padding starts only after the halting row and never ends",
        f(Flag::Noop).next(),
        f(Flag::Noop) + f(Flag::Halt),
    );

    (b.build(), c)
}
