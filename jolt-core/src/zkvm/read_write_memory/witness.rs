//! The registers-and-RAM witness: per-cycle accesses replayed against the register file and
//! RAM to get old values, read timestamps, final state and range-check counts.

use super::{cols, MemoryInit, LOG_REGISTERS, LOG_SLOTS};
use crate::field::Fr;
use crate::poly::MultilinearPolynomial;
use crate::zkvm::bytecode::{Flag, RowFields};
use crate::zkvm::memory_common::compact;
use jolt_tracer::Cycle;

/// What one cycle reads and writes (the constraint system's columns).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CycleAccess {
    /// The first source register's number.
    pub rs1: u8,
    /// The second source register's number.
    pub rs2: u8,
    /// 0 when the row writes no register.
    pub rd: u8,
    /// The value read from `rs1`.
    pub rs1_value: u32,
    /// The value read from `rs2`.
    pub rs2_value: u32,
    /// The value written to rd (0 when the row writes none).
    pub rd_write: u32,
    /// [`super::ram_word`]: `WORD_OFFSET + address / 4` of the RAM access, 0 without one.
    pub ram_word: u64,
    /// The word before the RAM access.
    pub ram_read: u32,
    /// The word after the RAM access: the stored word for a store, `ram_read` otherwise.
    pub ram_write: u32,
}

/// The accesses of `cycles` executing the bytecode table `rows` (no padding).
///
/// # Panics
/// If a cycle's row is outside `rows`.
pub fn accesses(rows: &[RowFields], cycles: &[Cycle]) -> Vec<CycleAccess> {
    cycles
        .iter()
        .map(|c| {
            let f = &rows[c.row as usize];
            let writes =
                f.flag(Flag::WriteLookup) || f.flag(Flag::WriteLink) || f.flag(Flag::WriteLoad);
            CycleAccess {
                rs1: f.rs1,
                rs2: f.rs2,
                rd: f.rd,
                rs1_value: c.rs1_value,
                rs2_value: c.rs2_value,
                rd_write: if writes { c.rd_value } else { 0 },
                ram_word: super::ram_word(f.flag(Flag::Load) || f.flag(Flag::Store), c.ram.address),
                ram_read: c.ram.read,
                ram_write: c.ram.write,
            }
        })
        .collect()
}

/// The witness as integer columns (tests tamper with them).
#[derive(Clone, Debug)]
pub struct RwWitness {
    /// `n`.
    pub log_cycles: usize,
    /// The [`cols::NUM`] cycle columns (`2^n` entries).
    pub cycle: Vec<Vec<u64>>,
    /// Final register values and timestamps (`2^6`).
    pub reg_final: [Vec<u64>; 2],
    /// Final RAM values and timestamps (`2^m`).
    pub ram_final: [Vec<u64>; 2],
    /// Range-check multiplicities: the reads of each `d` (`2^{n+2}`).
    pub range_final: Vec<u64>,
}

/// A running memory: values and last-write timestamps.
struct State {
    value: Vec<u64>,
    ts: Vec<u64>,
}

impl State {
    /// Reads cell `a` (returns its value and timestamp) and writes `v` at `ts` unless
    /// `forged` (a forged access reads at its own timestamp and leaves the cell untouched).
    fn access(
        &mut self,
        a: usize,
        v: impl FnOnce(u64) -> u64,
        ts: u64,
        forged: bool,
    ) -> (u64, u64) {
        let old = (self.value[a], self.ts[a]);
        if forged {
            return (old.0, ts);
        }
        self.value[a] = v(old.0);
        self.ts[a] = ts;
        old
    }
}

impl RwWitness {
    /// The witness of `accesses`, padded to `2^n ≥ 2` with no-access cycles.
    ///
    /// # Panics
    /// If a register is outside the register file.
    pub fn new(ram: &MemoryInit, accesses: &[CycleAccess]) -> Self {
        Self::new_forged(ram, accesses, None)
    }

    /// As [`Self::new`], but access `(cycle, slot)` (slot 3: RAM) is *forged*: it reads at
    /// its own write timestamp without touching memory, which balances the multisets for
    /// any read value. Only the timestamp range check rejects it (a test of soundness).
    #[allow(clippy::needless_range_loop)]
    pub fn new_forged(
        ram: &MemoryInit,
        accesses: &[CycleAccess],
        forged: Option<(usize, usize)>,
    ) -> Self {
        let len = accesses.len().max(2).next_power_of_two();
        let n = len.trailing_zeros() as usize;
        let mut cycle = vec![vec![0u64; len]; cols::NUM];
        let mut regs = State {
            value: (0..1 << LOG_REGISTERS).map(|i| ram.register(i)).collect(),
            ts: vec![0; 1 << LOG_REGISTERS],
        };
        let cells = 1usize << ram.log_size;
        let mut mem = State {
            value: (0..cells).map(|j| ram.value(j)).collect(),
            ts: vec![0; cells],
        };
        let mut range_final = vec![0u64; len << LOG_SLOTS];
        let range_size = (len << LOG_SLOTS) as u64;
        for t in 0..len {
            let a = accesses.get(t).copied().unwrap_or_default();
            let forge = |slot| forged == Some((t, slot));
            let base = 4 * t as u64;
            let (_, ts1) = regs.access(a.rs1.into(), |_| a.rs1_value.into(), base + 1, forge(0));
            let (_, ts2) = regs.access(a.rs2.into(), |_| a.rs2_value.into(), base + 2, forge(1));
            let (old, tsd) = regs.access(a.rd.into(), |_| a.rd_write.into(), base + 3, forge(2));
            // A word without a cell (outside guest memory or its listed pages) replays
            // against the no-access cell, whose address it does not match: rejected.
            let j = ram.cell(a.ram_word).unwrap_or(0);
            let (_, tsm) = mem.access(j, |_| a.ram_write.into(), t as u64 + 1, forge(3));
            // Read gaps T − t_old (t_old ≤ T: a read sees a past write, or its own timestamp
            // when forged).
            let gaps = [
                (base + 1, ts1),
                (base + 2, ts2),
                (base + 3, tsd),
                (t as u64 + 1, tsm),
            ]
            .map(|(now, old)| now - old);
            let row = [
                (cols::RS1, a.rs1.into()),
                (cols::RS2, a.rs2.into()),
                (cols::RD, a.rd.into()),
                (cols::RS1_VALUE, a.rs1_value.into()),
                (cols::RS2_VALUE, a.rs2_value.into()),
                (cols::RD_OLD, old),
                (cols::RD_WRITE, a.rd_write.into()),
                (cols::GAP_RS1, gaps[0]),
                (cols::GAP_RS2, gaps[1]),
                (cols::GAP_RD, gaps[2]),
                (cols::RAM_WORD, a.ram_word),
                (cols::RAM_READ, a.ram_read.into()),
                (cols::RAM_WRITE, a.ram_write.into()),
                (cols::GAP_RAM, gaps[3]),
            ];
            for (k, v) in row {
                cycle[k][t] = v;
            }
            // Range check: d = g − 1; a forged read has d = −1, counted nowhere.
            for gap in gaps {
                if let Some(d) = gap.checked_sub(1).filter(|d| *d < range_size) {
                    range_final[d as usize] += 1;
                }
            }
        }
        Self {
            log_cycles: n,
            cycle,
            reg_final: [regs.value, regs.ts],
            ram_final: [mem.value, mem.ts],
            range_final,
        }
    }

    /// The committed polynomials, in order ([`super::NUM_POLYS`]).
    pub fn polynomials(&self) -> Vec<MultilinearPolynomial<Fr>> {
        let mut polys: Vec<_> = self.cycle.iter().map(|c| compact(c)).collect();
        for c in self.reg_final.iter().chain(&self.ram_final) {
            polys.push(compact(c));
        }
        polys.push(compact(&self.range_final));
        polys
    }
}
