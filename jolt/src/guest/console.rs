//! Printing to the host: the console hint ([`jolt_common::CONSOLE_HINT`]).
//!
//! In a std guest, `print!`, `println!` and `eprintln!` come here through the standard
//! library's `sys_write`; a no_std guest calls [`print`] or [`write`]. The bytes reach the host
//! when the guest runs in the emulator (`analyze_f`, `jolt run`); the proof does not carry them.

use jolt_common::{STDERR, STDOUT};

/// Writes `bytes` to the host's stream `fd` ([`STDOUT`] or [`STDERR`]).
pub fn write(fd: u32, bytes: &[u8]) {
    // SAFETY: `add x0, a0, a1` changes no register and no memory (a HINT); the emulator only
    // reads the bytes named by a0, a1 and a2.
    unsafe {
        core::arch::asm!(
            "add x0, a0, a1",
            in("a0") bytes.as_ptr(),
            in("a1") bytes.len(),
            in("a2") fd,
            options(nostack, readonly, preserves_flags),
        );
    }
}

/// Writes `text` to the host's standard output.
pub fn print(text: &str) {
    write(STDOUT, text.as_bytes());
}

/// Writes `text` to the host's standard error.
pub fn eprint(text: &str) {
    write(STDERR, text.as_bytes());
}
