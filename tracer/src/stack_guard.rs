//! The stack guard: a stack overflow ends the run as a proven panic.
//!
//! A guest built by `jolt` keeps its stack in `[stack_bottom, stack_top)`, directly above the
//! program image, and `sp` starts at `stack_top`. A stack that outgrows its region would
//! silently overwrite the image's statics, so with the guard a write that puts `sp` below
//! `stack_bottom` sets the public panic flag and halts, exactly as a panic in the guest does.
//!
//! The guard is made of bytecode rows, so the emulator and the proof execute the same thing
//! and no separate rule exists to disagree on:
//! - [`STACK_GUARD_REGISTER`] starts at `stack_bottom` (as `sp` starts at `stack_top`); no
//!   instruction writes it.
//! - Every instruction that may lower `sp` gets one more row at the end of its sequence:
//!   `bltu sp, guard, HANDLER_ADDRESS`.
//! - The handler is a synthetic exit call at [`HANDLER_ADDRESS`] (above any code, after a
//!   gap row that fails, so nothing falls through into it): it stores 1 to the panic flag and
//!   halts with [`PANIC_EXIT_CODE`].
//!
//! Writes that cannot lower `sp` go unchecked: `addi sp, sp, imm` with `imm ≥ 0` (a frame
//! released; `sp` stays at or above the bottom unless the sum wraps past `2^32`, which no
//! stack below the top of the address space does), and JAL/JALR, whose rd gets a return
//! address (no compiler links into `sp`) and whose next row is the jump target.

use jolt_common::{PANIC_ADDRESS, PANIC_EXIT_CODE};
use jolt_instructions::{Instr, Opcode, STACK_GUARD_REGISTER};

use crate::emulator::writes_rd;

/// The address of the handler's synthetic exit call: word-aligned, above every code word the
/// guard allows, and below `2^32 − 4` (so `pc + 4` does not wrap).
pub const HANDLER_ADDRESS: u32 = 0xFFFF_FFF8;

/// The encoding of `ecall`: the handler's word.
pub(crate) const ECALL_WORD: u32 = 0x0000_0073;

/// `sp`.
const SP: u8 = 2;

/// Where the guard's rows are in a bytecode (the stack's bottom, which the check compares
/// `sp` with, is the initial value of [`STACK_GUARD_REGISTER`]:
/// [`crate::initial_registers`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StackGuard {
    /// Index of the handler's first row; the handler's rows are the last ones.
    pub handler_row: usize,
}

/// Whether `source` may write `sp` below its value before the instruction (see the module
/// documentation for the writes that go unchecked).
pub(crate) fn may_lower_sp(source: &Instr) -> bool {
    use Opcode::*;
    let links = matches!(source.opcode, Jal | Jalr);
    let releases_frame = source.opcode == Addi && source.rs1 == SP && (source.imm as i32) >= 0;
    writes_rd(source.opcode) && !links && source.rd == SP && !releases_frame
}

/// The row appended to an instruction at `address` that may lower `sp`: branch to the
/// handler when `sp < bottom` (unsigned), else fall through to the next instruction.
pub(crate) fn check_step(address: u32) -> Instr {
    Instr {
        opcode: Opcode::Bltu,
        rd: 0,
        rs1: SP,
        rs2: STACK_GUARD_REGISTER,
        imm: HANDLER_ADDRESS.wrapping_sub(address),
    }
}

/// The handler: store 1 to the panic flag, set `a0` to [`PANIC_EXIT_CODE`], then the halting
/// row of the exit call (`halt`, which reads the exit code from `a0`).
pub(crate) fn handler_sequence(scratch: u8, exit_code_register: u8, halt: Instr) -> Vec<Instr> {
    let i = |opcode, rd, rs1, rs2, imm: u32| Instr {
        opcode,
        rd,
        rs1,
        rs2,
        imm,
    };
    vec![
        i(Opcode::Addi, scratch, 0, 0, 1),
        i(Opcode::Sw, 0, 0, scratch, PANIC_ADDRESS),
        i(Opcode::Addi, exit_code_register, 0, 0, PANIC_EXIT_CODE),
        halt,
    ]
}

/// The panic message of a run the handler halted, for the host (not part of the statement).
pub(crate) fn overflow_message(stack_size: u32) -> String {
    format!(
        "stack overflow: the guest's stack outgrew its {stack_size} bytes; raise the stack_size attribute of #[jolt::provable]"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use jolt_instructions::decode;

    fn instr(word: u32) -> Instr {
        decode(word).unwrap()
    }

    #[test]
    fn frame_allocation_is_checked_and_release_is_not() {
        // addi sp, sp, -16 / addi sp, sp, 16
        assert!(may_lower_sp(&instr(0xff01_0113)));
        assert!(!may_lower_sp(&instr(0x0101_0113)));
        // mv sp, s0 (addi sp, s0, 0): restores a frame pointer, checked.
        assert!(may_lower_sp(&instr(0x0004_0113)));
        // sub sp, sp, a0 (a dynamic allocation), lw sp, 0(a0), lui sp, 0x80000.
        assert!(may_lower_sp(&instr(0x40a1_0133)));
        assert!(may_lower_sp(&instr(0x0005_2103)));
        assert!(may_lower_sp(&instr(0x8000_0137)));
        // jal sp, 0 and writes to other registers are not.
        assert!(!may_lower_sp(&instr(0x0000_016f)));
        assert!(!may_lower_sp(&instr(0xff01_0093)));
    }

    #[test]
    fn the_check_branches_to_the_handler() {
        for address in [0x8000_0000u32, 0, HANDLER_ADDRESS - 8] {
            let step = check_step(address);
            assert_eq!(address.wrapping_add(step.imm), HANDLER_ADDRESS);
        }
    }
}
