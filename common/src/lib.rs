//! Constants and the memory layout shared by the guest runtime (`no_std`), the emulator and the
//! prover. Everything here is a `const fn` so a guest can compute its addresses at compile time
//! from the attributes of `#[jolt::provable]`, and the host arrives at the same numbers.
//!
//! Start with [`MemoryLayout`]: the sizes that fix a guest's address space (input and output
//! regions below [`RAM_START`], then program image, stack and heap), with [`defaults`] for
//! what an attribute leaves out. [`record`] is the description of each provable function that
//! a guest ELF carries.
//!
//! ```
//! use jolt_common::{MemoryLayout, PANIC_ADDRESS, RAM_START};
//!
//! let layout = MemoryLayout {
//!     max_input_size: 100,
//!     ..MemoryLayout::default()
//! };
//! // The I/O region ends where RAM begins: input, output (word-aligned), then the panic flag.
//! assert_eq!(layout.output_start() + 4096, PANIC_ADDRESS);
//! assert_eq!(layout.input_start() + 100, layout.output_start());
//! assert_eq!(PANIC_ADDRESS + 4, RAM_START);
//! // A program image ending at 0x8000_1001: the stack starts at the next 16-byte boundary.
//! assert_eq!(layout.stack_bottom(0x8000_1001), 0x8000_1010);
//! assert!(layout.check(0x8000_1001).is_ok());
//! ```
#![no_std]
#![warn(missing_docs)]

mod layout;
pub mod record;

pub use layout::{LayoutError, MemoryLayout, PAGE_BYTES};
pub use record::FunctionRecord;

/// Where RISC-V programs are conventionally linked and where guest RAM begins.
pub const RAM_START: u32 = 0x8000_0000;

/// `a7` value of the exit system call: `ecall` with a7 = 93 halts with exit code a0.
pub const EXIT_SYSCALL: u32 = 93;

/// The console hint, `add x0, a0, a1`: the guest asks the host to print `a1` bytes at address
/// `a0` to the stream `a2` ([`STDOUT`] or [`STDERR`]).
///
/// An `add` that writes `x0` is a HINT in RISC-V: it changes no architectural state, so it
/// proves as the ordinary `add` it is. The emulator copies the bytes to the host in execution
/// mode; they are not part of the proof statement.
pub const CONSOLE_HINT: u32 = 0x00B5_0033;
/// The stream number of the guest's standard output in the console hint.
pub const STDOUT: u32 = 1;
/// The stream number of the guest's standard error in the console hint.
pub const STDERR: u32 = 2;

/// Exit code of a guest whose function panicked (the panic flag is set as well).
pub const PANIC_EXIT_CODE: u32 = 101;

/// Exit code of a guest whose function returned an output that does not fit its output region
/// (`max_output_size`); the region is left empty and the panic flag clear.
pub const OUTPUT_TOO_LARGE_EXIT_CODE: u32 = 102;

/// Longest panic message a guest reports (bytes of UTF-8; longer messages are cut).
///
/// At a panic exit a guest built by `jolt` passes its formatted panic message (`panicked at
/// file:line:column:` and the message) in registers: `a1` its address, `a2` its length. The
/// emulator reads it for the host; it is not part of the proof statement.
pub const MAX_PANIC_MESSAGE: u32 = 512;

/// Address of the panic flag (1 if the guest function panicked).
///
/// Termination and the exit code are not memory: a run terminates only by executing the exit
/// call, whose exit code is `a0` at that moment (no store can forge either).
pub const PANIC_ADDRESS: u32 = RAM_START - 4;
/// First address above the output region: the panic flag sits between it and RAM_START.
pub const CONTROL_START: u32 = PANIC_ADDRESS;

/// Alignment of the end of the program image, where the stack region begins.
pub const IMAGE_ALIGN: u32 = 16;
/// `log2` of the words of a memory page (4 KiB): the unit in which a proof's RAM and a
/// checkpoint's memory are kept.
pub const LOG_PAGE_WORDS: u32 = 10;

/// Default sizes, used for raw ELFs and when a `#[provable]` attribute is absent.
pub mod defaults {
    /// Bytes of guest input.
    pub const MAX_INPUT_SIZE: u32 = 4096;
    /// Bytes of private input of a function with private arguments (one page).
    pub const MAX_PRIVATE_INPUT_SIZE: u32 = 4096;
    /// Bytes of guest output.
    pub const MAX_OUTPUT_SIZE: u32 = 4096;
    /// Bytes of stack.
    pub const STACK_SIZE: u32 = 64 * 1024;
    /// Bytes of RAM from `RAM_START`: program image, stack and heap together.
    pub const MEMORY_SIZE: u32 = 32 * 1024 * 1024;
    /// Cycles after which a run is stopped.
    pub const MAX_CYCLES: u64 = 1 << 24;
}

/// Rounds `x` up to a multiple of `align` (a power of two), saturating at the top of the space.
pub const fn align_up(x: u32, align: u32) -> u32 {
    match x.checked_add(align - 1) {
        Some(v) => v & !(align - 1),
        None => !(align - 1),
    }
}
