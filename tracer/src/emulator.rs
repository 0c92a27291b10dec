//! The RV32IM machine: 32 registers plus the virtual registers of virtual sequences, word
//! memory, and a loop that executes bytecode rows until the exit call halts it.
//!
//! The loop is generic over a [`Recorder`], so the same code runs as the fast un-traced
//! interpreter (`NoTrace`), the tracer (`Trace`) and the profiler.
//!
//! A registered custom-0 row executes as `rd := table.lookup_entry(rs1, rs2)` with the table of
//! its [`jolt_instructions::TableId::Custom`], and records that lookup.

use jolt_common::{MemoryLayout, CONSOLE_HINT, MAX_PANIC_MESSAGE, PANIC_ADDRESS};
use jolt_instructions::{
    advice, alu, operands, Instr, Opcode, TableId, REGISTER_COUNT, STACK_GUARD_REGISTER,
};

use crate::bytecode::{Bytecode, BytecodeRow, EXIT_CODE_REGISTER};
use crate::console::Console;
use crate::elf::Program;
use crate::error::EmulatorError;
use crate::io::ProgramIo;
use crate::memory::Memory;
use crate::stack_guard::overflow_message;
use crate::trace::{Cycle, LookupRecord, RamAccess, Recorder};

/// How a run is bounded and checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RunConfig {
    /// The memory layout: RAM size, stack, input and output regions.
    pub layout: MemoryLayout,
    /// The run fails when it has not halted after this many cycles.
    pub max_cycles: u64,
    /// Run with the stack guard: `sp` going below the stack region halts the run as a panic
    /// (for guests built by `jolt`, which keep their stack there; a raw ELF may keep its
    /// stack anywhere). Part of the proof statement: the guard's rows are bytecode rows
    /// ([`Bytecode::for_run`]).
    pub stack_guard: bool,
}

/// A finished run.
#[derive(Clone, Debug)]
pub struct Execution {
    /// Cycles executed, virtual sequence steps included.
    pub cycles: u64,
    /// Public inputs and outputs.
    pub io: ProgramIo,
    /// Memory at the halt.
    pub memory: Memory,
    /// The message a panicking guest passed at its exit (see
    /// [`jolt_common::MAX_PANIC_MESSAGE`]), or the stack guard's when the stack overflowed;
    /// not part of the proof statement.
    pub panic_message: Option<String>,
    /// What the guest printed through console hints; not part of the proof statement.
    pub console: Console,
}

/// Runs `program` (decoded as `bytecode`) on `input` from its entry point to the exit call.
pub fn run<R: Recorder>(
    program: &Program,
    bytecode: &Bytecode,
    config: &RunConfig,
    input: &[u8],
    recorder: &mut R,
) -> Result<Execution, EmulatorError> {
    run_with_private_input(program, bytecode, config, input, &[], recorder)
}

/// [`run`] with `private_input` in the private input region (see [`MemoryLayout`]): the
/// guest reads it like its input, but it is not part of the run's public [`ProgramIo`].
pub fn run_with_private_input<R: Recorder>(
    program: &Program,
    bytecode: &Bytecode,
    config: &RunConfig,
    input: &[u8],
    private_input: &[u8],
    recorder: &mut R,
) -> Result<Execution, EmulatorError> {
    let mut machine = Machine::start(program, bytecode, config, input, private_input)?;
    match machine.execute(recorder, u64::MAX)? {
        Stop::Halted { halting_row } => Ok(machine.finish(config, input, halting_row)),
        Stop::Paused => Err(machine.internal("a run paused without a pause point")),
    }
}

/// The registers at the first cycle of a run under `config` of a program whose image ends at
/// `image_end`: `sp` at the stack top, with the stack guard the guard register at the stack's
/// bottom, every other register 0. The proof's register memory starts the same way.
pub fn initial_registers(config: &RunConfig, image_end: u32) -> [u32; REGISTER_COUNT] {
    let layout = &config.layout;
    let mut registers = [0; REGISTER_COUNT];
    registers[2] = layout.stack_top(image_end);
    if config.stack_guard {
        registers[usize::from(STACK_GUARD_REGISTER)] = layout.stack_bottom(image_end);
    }
    registers
}

/// The machine between two cycles: every register (virtual ones included), memory, the row
/// it executes next and the cycles executed so far.
pub(crate) struct Machine<'a> {
    bytecode: &'a Bytecode,
    pub registers: [u32; REGISTER_COUNT],
    pub memory: Memory,
    pub row: usize,
    pub cycle: u64,
    max_cycles: u64,
    pub console: Console,
}

/// Why [`Machine::execute`] returned.
pub(crate) enum Stop {
    /// The exit sequence completed at this row.
    Halted { halting_row: usize },
    /// The requested cycle was reached before the halt.
    Paused,
}

/// What a row does besides computing a value.
enum Flow {
    Next,
    Jump(u32),
}

impl<'a> Machine<'a> {
    /// The machine at the entry point: `sp` at the stack top, the stack guard register at the
    /// stack's bottom (if the bytecode has the guard), memory holding the image, `input` and
    /// `private_input`.
    pub fn start(
        program: &Program,
        bytecode: &'a Bytecode,
        config: &RunConfig,
        input: &[u8],
        private_input: &[u8],
    ) -> Result<Self, EmulatorError> {
        let layout = &config.layout;
        if input.len() > layout.max_input_size as usize {
            return Err(EmulatorError::InputTooLarge {
                len: input.len(),
                max: layout.max_input_size,
            });
        }
        if private_input.len() > layout.max_private_input_size as usize {
            return Err(EmulatorError::PrivateInputTooLarge {
                len: private_input.len(),
                max: layout.max_private_input_size,
            });
        }
        let image_end = program.image_end();
        layout.check(image_end).map_err(EmulatorError::Layout)?;
        if config.stack_guard != bytecode.stack_guard.is_some() {
            return Err(EmulatorError::Internal {
                pc: program.entry,
                what: "a bytecode built for another stack guard setting than the run's",
            });
        }
        let row = bytecode
            .row_of(program.entry)
            .ok_or(EmulatorError::BadJump {
                pc: program.entry,
                word: 0,
                target: program.entry,
            })?;
        Ok(Self {
            bytecode,
            registers: initial_registers(config, image_end),
            memory: Memory::new(layout, program, input, private_input),
            row,
            cycle: 0,
            max_cycles: config.max_cycles,
            console: Console::default(),
        })
    }

    /// The bytecode the machine runs.
    pub fn bytecode(&self) -> &'a Bytecode {
        self.bytecode
    }

    /// An [`EmulatorError::Internal`] at the current row.
    pub fn internal(&self, what: &'static str) -> EmulatorError {
        let pc = self.bytecode.rows.get(self.row).map_or(0, |r| r.address);
        EmulatorError::Internal { pc, what }
    }

    /// The finished run, after [`Stop::Halted`] at `halting_row`.
    pub fn finish(self, config: &RunConfig, input: &[u8], halting_row: usize) -> Execution {
        let layout = &config.layout;
        let exit_code = self.registers[usize::from(EXIT_CODE_REGISTER)];
        let memory = self.memory;
        let io = ProgramIo {
            inputs: input.to_vec(),
            outputs: memory.read_bytes(layout.output_start(), layout.max_output_size as usize),
            panic: memory.load(PANIC_ADDRESS).unwrap_or(0) != 0,
            exit_code,
        };
        let (address, len) = (self.registers[11], self.registers[12]);
        let panic_message = match self.bytecode.stack_guard {
            Some(guard) if halting_row >= guard.handler_row => {
                Some(overflow_message(layout.stack_size))
            }
            _ => (io.panic && len <= MAX_PANIC_MESSAGE).then(|| {
                String::from_utf8_lossy(&memory.read_bytes(address, len as usize)).into_owned()
            }),
        };
        Execution {
            cycles: self.cycle,
            io,
            memory,
            panic_message,
            console: self.console,
        }
    }

    /// Executes rows until an exit sequence completes or `until` cycles have been executed
    /// in all (counting from the start of the run).
    pub fn execute<R: Recorder>(
        &mut self,
        recorder: &mut R,
        until: u64,
    ) -> Result<Stop, EmulatorError> {
        let rows = &self.bytecode.rows;
        let (mut row, mut cycle) = (self.row, self.cycle);
        let result = loop {
            if cycle == until {
                break Ok(Stop::Paused);
            }
            let Some(r) = rows.get(row) else {
                let pc = rows.last().map_or(0, |r| r.address.wrapping_add(4));
                break Err(EmulatorError::BadJump {
                    pc,
                    word: 0,
                    target: pc,
                });
            };
            if cycle == self.max_cycles {
                break Err(EmulatorError::MaxCycles {
                    max_cycles: self.max_cycles,
                    pc: r.address,
                });
            }
            let instr = match r.instr {
                Ok(instr) => instr,
                Err(reason) => {
                    break Err(EmulatorError::IllegalInstruction {
                        pc: r.address,
                        word: r.word,
                        reason,
                    })
                }
            };
            let rs1 = self.registers[instr.rs1 as usize];
            let rs2 = self.registers[instr.rs2 as usize];
            let mut ram = RamAccess::default();
            let (value, flow) = match self.step(r, instr, rs1, rs2, &mut ram) {
                Ok(done) => done,
                Err(e) => break Err(e),
            };
            if instr.rd != 0 && writes_rd(instr.opcode) {
                self.registers[instr.rd as usize] = value;
            }
            let rd_value = self.registers[instr.rd as usize];
            recorder.record(row, || {
                record(r, row, instr, rs1, rs2, rd_value, value, ram)
            });
            cycle += 1;
            row = match flow {
                Flow::Next if r.remaining == 0 && r.source.opcode == Opcode::Ecall => {
                    break Ok(Stop::Halted { halting_row: row })
                }
                Flow::Next => row + 1,
                Flow::Jump(target) => match self.bytecode.row_of(target) {
                    Some(next) => next,
                    None => {
                        break Err(EmulatorError::BadJump {
                            pc: r.address,
                            word: r.word,
                            target,
                        })
                    }
                },
            };
        };
        (self.row, self.cycle) = (row, cycle);
        result
    }

    /// Executes one row: the value for rd (if the opcode writes one) and where to go next.
    #[inline(always)]
    fn step(
        &mut self,
        r: &BytecodeRow,
        instr: Instr,
        rs1: u32,
        rs2: u32,
        ram: &mut RamAccess,
    ) -> Result<(u32, Flow), EmulatorError> {
        use Opcode::*;
        let pc = r.address;
        let imm = instr.imm;
        Ok(match instr.opcode {
            Add if r.word == CONSOLE_HINT => {
                self.print(rs1, rs2);
                (alu(Add, rs1, rs2), Flow::Next)
            }
            Addi | Slti | Sltiu | Xori | Ori | Andi | Slli | Srli | Srai => {
                (alu(instr.opcode, rs1, imm), Flow::Next)
            }
            Add | Sub | Sll | Slt | Sltu | Xor | Srl | Sra | Or | And | Mul | Mulh | Mulhsu
            | Mulhu | Div | Divu | Rem | Remu => (alu(instr.opcode, rs1, rs2), Flow::Next),
            Lui => (imm, Flow::Next),
            Auipc => (pc.wrapping_add(imm), Flow::Next),
            Jal => (pc.wrapping_add(4), Flow::Jump(pc.wrapping_add(imm))),
            Jalr => (pc.wrapping_add(4), Flow::Jump(rs1.wrapping_add(imm) & !1)),
            Beq | Bne | Blt | Bge | Bltu | Bgeu => {
                let taken = alu(instr.opcode, rs1, rs2) != 0;
                (
                    0,
                    if taken {
                        Flow::Jump(pc.wrapping_add(imm))
                    } else {
                        Flow::Next
                    },
                )
            }
            Lw => {
                let address = rs1.wrapping_add(imm);
                let word = self
                    .memory
                    .load(address)
                    .ok_or_else(|| self.access_error(r, address, "load"))?;
                *ram = RamAccess {
                    address,
                    read: word,
                    write: word,
                };
                (word, Flow::Next)
            }
            Sw => {
                let address = rs1.wrapping_add(imm);
                let old = self
                    .memory
                    .store(address, rs2)
                    .ok_or_else(|| self.access_error(r, address, "store"))?;
                *ram = RamAccess {
                    address,
                    read: old,
                    write: rs2,
                };
                (0, Flow::Next)
            }
            Fence => (0, Flow::Next),
            Ebreak => return Err(EmulatorError::Ebreak { pc }),
            VirtualAdvice => {
                let (a, b) = (
                    self.registers[r.source.rs1 as usize],
                    self.registers[r.source.rs2 as usize],
                );
                (advice(r.source, r.step as usize, a, b), Flow::Next)
            }
            Custom => {
                let table = match r.table {
                    Some(TableId::Custom(k)) => self.bytecode.extensions.get(usize::from(k)),
                    _ => None,
                };
                let table = table.ok_or(EmulatorError::Internal {
                    pc,
                    what: "a custom row without its registered instruction",
                })?;
                (table.table.lookup_entry(rs1, rs2), Flow::Next)
            }
            Lb | Lh | Lbu | Lhu | Sb | Sh | Ecall => {
                return Err(EmulatorError::Internal {
                    pc,
                    what: "an instruction that should have been expanded",
                })
            }
            opcode => {
                let (x, y) = operands(&instr, pc, rs1, rs2);
                let value = alu(opcode, x, y);
                if opcode.is_assertion() && value == 0 {
                    return Err(self.assertion_error(r, instr));
                }
                (value, Flow::Next)
            }
        })
    }

    /// The console hint: `len` bytes at `address` to the stream in `a2`.
    #[cold]
    fn print(&mut self, address: u32, len: u32) {
        let fd = self.registers[12];
        // One byte past the room, so that a cut print is marked as cut.
        let len = (len as usize).min(self.console.room(fd).saturating_add(1));
        if len == 0 {
            return;
        }
        let bytes = self.memory.read_bytes(address, len);
        self.console.write(fd, &bytes);
    }

    fn access_error(&self, r: &BytecodeRow, address: u32, kind: &'static str) -> EmulatorError {
        let pc = r.address;
        let word = r.word;
        if address & 3 != 0 {
            EmulatorError::Misaligned {
                pc,
                word,
                address,
                kind,
            }
        } else {
            EmulatorError::OutOfBounds {
                pc,
                word,
                address,
                kind,
                start: self.memory.base(),
                end: self.memory.end(),
            }
        }
    }

    /// A failed assertion is a misaligned access, an unsupported ecall, or an emulator bug.
    fn assertion_error(&self, r: &BytecodeRow, instr: Instr) -> EmulatorError {
        let pc = r.address;
        match r.source.opcode {
            Opcode::Ecall => EmulatorError::UnsupportedEcall {
                pc,
                a7: self.registers[17],
            },
            Opcode::Lh | Opcode::Lhu | Opcode::Sh => {
                let address = self.registers[r.source.rs1 as usize].wrapping_add(r.source.imm);
                EmulatorError::Misaligned {
                    pc,
                    word: r.word,
                    address,
                    kind: "halfword access",
                }
            }
            _ => EmulatorError::AssertionFailed {
                pc,
                word: r.word,
                step: instr.opcode.name(),
            },
        }
    }
}

/// Whether rows with this opcode write rd.
#[inline(always)]
pub(crate) fn writes_rd(opcode: Opcode) -> bool {
    use Opcode::*;
    !matches!(
        opcode,
        Beq | Bne | Blt | Bge | Bltu | Bgeu | Sw | Sb | Sh | Fence | Ecall | Ebreak
    ) && !opcode.is_assertion()
}

/// The record of a cycle; `value` is what the row computed for rd (before the x0 rule).
#[allow(clippy::too_many_arguments)]
fn record(
    r: &BytecodeRow,
    row: usize,
    instr: Instr,
    rs1: u32,
    rs2: u32,
    rd_value: u32,
    value: u32,
    ram: RamAccess,
) -> Cycle {
    // The advice step's lookup range-checks the advice, its x operand.
    let x_value = if instr.opcode == Opcode::VirtualAdvice {
        rd_value
    } else {
        rs1
    };
    let lookup = r.table.map(|table| {
        let (x, y) = operands(&instr, r.address, x_value, rs2);
        let output = match table {
            // `alu` is the ground truth every built-in table's `lookup_entry` is tested against.
            TableId::Builtin(_) => alu(instr.opcode, x, y),
            // The registered table's entry at (rs1, rs2), computed by `step`.
            TableId::Custom(_) => value,
        };
        LookupRecord {
            table,
            x,
            y,
            output,
        }
    });
    let advice = if instr.opcode == Opcode::VirtualAdvice {
        rd_value
    } else {
        0
    };
    Cycle {
        row: row as u32,
        rs1_value: rs1,
        rs2_value: rs2,
        rd_value,
        ram,
        lookup,
        advice,
    }
}
