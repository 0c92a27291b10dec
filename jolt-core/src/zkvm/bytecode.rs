//! The constraint system's view of the program: one [`RowFields`] per bytecode row.
//!
//! Every field here is a function of the decoded program only (never of run-time values), so
//! the verifier builds the same table from the ELF and the bytecode memory check authenticates
//! each cycle's copy. [`program_rows`] lists the tracer's rows in order (row `k` of the table is
//! row `k` of [`Bytecode::rows`], so falling through is `row + 1`) followed by one **no-op
//! row**, the row every padding cycle executes.
//!
//! Rows the machine can never execute (words that do not decode, custom-0 words without a
//! registered instruction, EBREAK, an unexpanded instruction) get the flag `assert` and no lookup
//! table: their assertion needs `lookup_output = 1` while "no table ⇒ lookup_output = 0", so no
//! cycle can execute them.
//!
//! A row's table is its [`TableId::index`]: the built-in tables in `LookupId::ALL` order, then
//! the bytecode's registered custom instructions, which is the table order of
//! [`super::constraints::shape`] in [`super::preprocessing`]. A registered custom row reads
//! `x = rs1`, `y = rs2` and writes `rd := lookup_output`.

use jolt_instructions::{Opcode, TableId, XSource, YSource};
use jolt_tracer::{Bytecode, BytecodeRow};

/// The boolean circuit flags of a bytecode row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(usize)]
pub enum Flag {
    /// x = `rs1_value`.
    XRs1,
    /// x = the row's address (pc).
    XPc,
    /// x = `advice` (a `VirtualAdvice` step). With none of the three x flags, x = 0.
    XAdvice,
    /// y = `imm` (otherwise y = `rs2_value`).
    YImm,
    /// rd ≠ x0 and rd := `lookup_output`.
    WriteLookup,
    /// rd ≠ x0 and rd := pc + 4 (JAL, JALR).
    WriteLink,
    /// rd ≠ x0 and rd := `ram_read` (LW).
    WriteLoad,
    /// JAL, JALR: the next address is `lookup_output` (the jump target).
    Jump,
    /// A conditional branch: `lookup_output` is the condition, the target pc + imm.
    Branch,
    /// LW: reads the word at rs1 + imm.
    Load,
    /// SW: writes rs2 to the word at rs1 + imm.
    Store,
    /// A virtual assertion: `lookup_output` must be 1.
    Assert,
    /// The last row of the exit (ECALL) sequence: the machine halts after it.
    Halt,
    /// The padding row: does nothing, and every later cycle is padding too.
    Noop,
}

impl Flag {
    /// Every flag, in column order.
    pub const ALL: [Flag; 14] = [
        Flag::XRs1,
        Flag::XPc,
        Flag::XAdvice,
        Flag::YImm,
        Flag::WriteLookup,
        Flag::WriteLink,
        Flag::WriteLoad,
        Flag::Jump,
        Flag::Branch,
        Flag::Load,
        Flag::Store,
        Flag::Assert,
        Flag::Halt,
        Flag::Noop,
    ];

    /// The column name.
    pub fn name(self) -> &'static str {
        match self {
            Flag::XRs1 => "flag_x_rs1",
            Flag::XPc => "flag_x_pc",
            Flag::XAdvice => "flag_x_advice",
            Flag::YImm => "flag_y_imm",
            Flag::WriteLookup => "flag_write_lookup",
            Flag::WriteLink => "flag_write_link",
            Flag::WriteLoad => "flag_write_load",
            Flag::Jump => "flag_jump",
            Flag::Branch => "flag_branch",
            Flag::Load => "flag_load",
            Flag::Store => "flag_store",
            Flag::Assert => "flag_assert",
            Flag::Halt => "flag_halt",
            Flag::Noop => "flag_noop",
        }
    }
}

/// The fields of one bytecode row as the constraint system sees them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RowFields {
    /// Index of the row in the table.
    pub row: u32,
    /// Address of the instruction word the row comes from (0 for the no-op row).
    pub address: u32,
    /// Index of the row in its virtual sequence (0 for the first row of every word).
    pub step: u8,
    /// Registers read (virtual registers 32.. included).
    pub rs1: u8,
    /// Second register read.
    pub rs2: u8,
    /// Register written; 0 when the row writes none.
    pub rd: u8,
    /// The immediate (sign-extended, as bits).
    pub imm: u32,
    /// The lookup table: index into the constraint system's table list, if any.
    pub table: Option<usize>,
    /// The circuit flags, indexed by [`Flag`].
    pub flags: [bool; Flag::ALL.len()],
}

impl RowFields {
    /// Whether `flag` is set.
    pub fn flag(&self, flag: Flag) -> bool {
        self.flags[flag as usize]
    }

    /// The no-op padding row at index `row`.
    pub fn noop(row: u32) -> Self {
        let mut flags = [false; Flag::ALL.len()];
        flags[Flag::Noop as usize] = true;
        Self {
            row,
            address: 0,
            step: 0,
            rs1: 0,
            rs2: 0,
            rd: 0,
            imm: 0,
            table: None,
            flags,
        }
    }

    /// A row no cycle can execute (see the module documentation).
    fn unexecutable(index: u32, r: &BytecodeRow) -> Self {
        let mut flags = [false; Flag::ALL.len()];
        flags[Flag::Assert as usize] = true;
        Self {
            row: index,
            address: r.address,
            step: r.step,
            rs1: 0,
            rs2: 0,
            rd: 0,
            imm: 0,
            table: None,
            flags,
        }
    }

    /// The fields of tracer row `r` at index `index`.
    pub fn of(index: u32, r: &BytecodeRow) -> Self {
        use Opcode::*;
        let Ok(instr) = r.instr else {
            return Self::unexecutable(index, r);
        };
        let op = instr.opcode;
        let executable = !matches!(
            op,
            Ebreak
                | Ecall
                | Lb
                | Lh
                | Lbu
                | Lhu
                | Sb
                | Sh
                | Mulh
                | Mulhsu
                | Div
                | Divu
                | Rem
                | Remu
        );
        if !executable {
            return Self::unexecutable(index, r);
        }
        let (xs, ys) = op.operand_sources();
        let jump = matches!(op, Jal | Jalr);
        let branch = matches!(op, Beq | Bne | Blt | Bge | Bltu | Bgeu);
        let no_rd = branch || op.is_assertion() || matches!(op, Sw | Fence);
        let writes = !no_rd && instr.rd != 0;
        let mut flags = [false; Flag::ALL.len()];
        let mut set = |f: Flag, v: bool| flags[f as usize] = v;
        set(Flag::XRs1, xs == XSource::Rs1);
        set(Flag::XPc, xs == XSource::Pc);
        set(Flag::XAdvice, xs == XSource::Advice);
        set(Flag::YImm, ys == YSource::Imm);
        set(Flag::WriteLink, writes && jump);
        set(Flag::WriteLoad, writes && op == Lw);
        set(Flag::WriteLookup, writes && !jump && op != Lw);
        set(Flag::Jump, jump);
        set(Flag::Branch, branch);
        set(Flag::Load, op == Lw);
        set(Flag::Store, op == Sw);
        set(Flag::Assert, op.is_assertion());
        set(Flag::Halt, r.source.opcode == Ecall && r.remaining == 0);
        Self {
            row: index,
            address: r.address,
            step: r.step,
            rs1: instr.rs1,
            rs2: instr.rs2,
            rd: if writes { instr.rd } else { 0 },
            imm: instr.imm,
            table: r.table.map(TableId::index),
            flags,
        }
    }
}

/// The verifier's bytecode table: the fields of every tracer row, then the no-op row at index
/// `bytecode.rows.len()`.
pub fn program_rows(bytecode: &Bytecode) -> Vec<RowFields> {
    let mut rows: Vec<RowFields> = bytecode
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| RowFields::of(i as u32, r))
        .collect();
    rows.push(RowFields::noop(rows.len() as u32));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use jolt_instructions::{
        ChunkPositions, CustomInstruction, Fr, IndexPacking, Instruction, LookupId, Subtable,
    };
    use jolt_tracer::{Program, Segment};

    /// XOR under another name.
    #[derive(Debug)]
    struct Xor2;

    impl Instruction for Xor2 {
        fn name(&self) -> &'static str {
            "TEST_XOR2"
        }
        fn lookup_entry(&self, x: u32, y: u32) -> u32 {
            x ^ y
        }
        fn packing(&self) -> IndexPacking {
            IndexPacking::Interleaved
        }
        fn subtables(&self) -> Vec<(Box<dyn Subtable>, ChunkPositions)> {
            LookupId::Xor.table().subtables()
        }
        fn combine_lookups(&self, vals: &[Fr]) -> Fr {
            LookupId::Xor.table().combine_lookups(vals)
        }
        fn g_degree(&self) -> usize {
            1
        }
    }

    static EXTENSIONS: [CustomInstruction; 1] = [CustomInstruction {
        funct3: 2,
        funct7: 3,
        table: &Xor2,
    }];

    fn program(words: &[u32]) -> Program {
        let data: Vec<u8> = words.iter().flat_map(|w| w.to_le_bytes()).collect();
        Program {
            entry: 0x8000_0000,
            segments: vec![Segment {
                vaddr: 0x8000_0000,
                mem_size: data.len() as u32,
                data,
                executable: true,
            }],
            functions: vec![],
        }
    }

    /// `x7 := custom(x5, x6)`, then the same word with unregistered function bits, `x0` as rd.
    fn words() -> [u32; 3] {
        let registered = EXTENSIONS[0].encode(7, 5, 6);
        let other = CustomInstruction {
            funct3: 2,
            funct7: 4,
            table: &Xor2,
        }
        .encode(7, 5, 6);
        [registered, other, EXTENSIONS[0].encode(0, 5, 6)]
    }

    #[test]
    fn a_registered_custom_row_reads_rs1_rs2_and_writes_its_lookup() {
        let bytecode = Bytecode::with_extensions(&program(&words()), &EXTENSIONS).unwrap();
        let rows = program_rows(&bytecode);
        let custom = rows[0];
        assert_eq!(custom.table, Some(LookupId::ALL.len()));
        assert_eq!((custom.rs1, custom.rs2, custom.rd), (5, 6, 7));
        let set: Vec<Flag> = Flag::ALL.into_iter().filter(|&f| custom.flag(f)).collect();
        assert_eq!(set, [Flag::XRs1, Flag::WriteLookup]);
        // rd = x0: the lookup is made, nothing is written.
        assert_eq!(rows[2].table, Some(LookupId::ALL.len()));
        assert_eq!(rows[2].rd, 0);
        assert!(!rows[2].flag(Flag::WriteLookup));
    }

    #[test]
    fn an_unregistered_custom_row_is_unexecutable() {
        let with =
            program_rows(&Bytecode::with_extensions(&program(&words()), &EXTENSIONS).unwrap());
        let without = program_rows(&Bytecode::new(&program(&words())));
        for r in [with[1], without[0], without[1], without[2]] {
            assert_eq!(r.table, None);
            let set: Vec<Flag> = Flag::ALL.into_iter().filter(|&f| r.flag(f)).collect();
            assert_eq!(set, [Flag::Assert], "{r:?}");
        }
    }

    #[test]
    fn builtin_rows_keep_their_table_index() {
        // addi x5, x0, 1: the ADD table, first in LookupId::ALL.
        let rows = program_rows(
            &Bytecode::with_extensions(&program(&[0x0010_0293]), &EXTENSIONS).unwrap(),
        );
        assert_eq!(rows[0].table, Some(LookupId::Add.index()));
        assert!(rows[1].flag(Flag::Noop));
    }
}
