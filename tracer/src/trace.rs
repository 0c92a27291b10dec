//! What the emulator records per cycle, and the recorder hook that keeps the un-traced run fast.
//!
//! A cycle executes one bytecode row: it reads rs1 and rs2, writes rd, makes at most one aligned
//! word access to RAM and at most one lookup query. The record is 48 bytes.

use jolt_instructions::TableId;

/// One RAM access: `address` 0 means none (address 0 is never guest memory).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RamAccess {
    /// The address of the word accessed (a multiple of 4).
    pub address: u32,
    /// The word before the access.
    pub read: u32,
    /// The word after the access (equal to `read` for a load).
    pub write: u32,
}

/// A lookup query `T[x || y]` and its result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LookupRecord {
    /// Built-in, or the bytecode's `k`-th registered custom instruction.
    pub table: TableId,
    /// The first operand.
    pub x: u32,
    /// The second operand.
    pub y: u32,
    /// The table's entry at `x || y`.
    pub output: u32,
}

/// Everything the prover needs about one cycle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cycle {
    /// Index of the executed row in the bytecode.
    pub row: u32,
    /// Value of rs1 read by the cycle.
    pub rs1_value: u32,
    /// Value of rs2 read by the cycle.
    pub rs2_value: u32,
    /// Value of rd after the cycle (0 when rd is x0 or the row writes no register).
    pub rd_value: u32,
    /// The RAM access, if any.
    pub ram: RamAccess,
    /// The lookup query, if the row has one.
    pub lookup: Option<LookupRecord>,
    /// Untrusted advice of a virtual sequence step (0 elsewhere).
    pub advice: u32,
}

/// Receives each executed cycle. `cycle` builds the full record and is called only by recorders
/// that keep it, so an un-traced run pays nothing for it.
pub trait Recorder {
    /// Called once per cycle, in order, with the index of the executed bytecode row.
    fn record(&mut self, row: usize, cycle: impl FnOnce() -> Cycle);
}

/// Records nothing: the fastest run.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoTrace;

impl Recorder for NoTrace {
    #[inline(always)]
    fn record(&mut self, _row: usize, _cycle: impl FnOnce() -> Cycle) {}
}

/// Records every cycle.
#[derive(Clone, Debug, Default)]
pub struct Trace {
    /// The cycles, in execution order.
    pub cycles: Vec<Cycle>,
}

impl Recorder for Trace {
    #[inline(always)]
    fn record(&mut self, _row: usize, cycle: impl FnOnce() -> Cycle) {
        self.cycles.push(cycle());
    }
}
