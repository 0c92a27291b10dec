//! The guest address space.
//!
//! ```text
//!   private_input_start ── private input bytes (postcard), max_private_input_size rounded up
//!                          to whole pages, ending at the page boundary at or below input_start
//!   input_start ── input bytes (postcard), max_input_size rounded up to a word
//!   output_start ─ output bytes (postcard), max_output_size rounded up to a word
//!   PANIC_ADDRESS        panic flag        (RAM_START - 4)
//!   RAM_START = 0x8000_0000 ── program image (ELF PT_LOAD segments)
//!   stack_bottom = align16(image_end) ── stack, stack_size bytes, grows down from stack_top
//!   heap_start = stack_top ── heap up to RAM_START + memory_size
//! ```
//! The I/O region `[private_input_start, RAM_START)` ends where RAM begins, so guest memory is
//! one contiguous range `[private_input_start, RAM_START + memory_size)`. The private input
//! region is whole pages ([`PAGE_BYTES`]) that share no page with the public input, so a proof
//! can commit to its pages without touching a public word; without private input
//! (`max_private_input_size = 0`) it is empty and starts at `input_start`. Termination and the exit code are
//! not memory words: the exit call is the only way to halt, and its exit code is `a0`.

use crate::{align_up, defaults, CONTROL_START, IMAGE_ALIGN, LOG_PAGE_WORDS, RAM_START};

/// Bytes of a memory page: the private input region is a whole number of pages.
pub const PAGE_BYTES: u32 = 4 << LOG_PAGE_WORDS;

/// Sizes that fix the guest address space. The program image's end is the one input from the ELF.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct MemoryLayout {
    /// Capacity of the input region in bytes.
    pub max_input_size: u32,
    /// Capacity of the private input region in bytes (0: no private input). The region
    /// takes whole pages below the input region; the verifier never sees its contents.
    pub max_private_input_size: u32,
    /// Capacity of the output region in bytes.
    pub max_output_size: u32,
    /// Bytes reserved for the stack, directly above the program image.
    pub stack_size: u32,
    /// Bytes of RAM from `RAM_START`: program image, stack and heap.
    pub memory_size: u32,
}

/// A layout that cannot hold the program.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LayoutError {
    /// Image, stack and (empty) heap do not fit in `memory_size`.
    ProgramTooLarge {
        /// Bytes the image and the stack need from `RAM_START`.
        needed: u64,
        /// `memory_size` of the layout.
        available: u32,
    },
    /// The I/O region (private input included) would reach below address 0.
    IoRegionTooLarge,
}

impl core::fmt::Display for LayoutError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            Self::ProgramTooLarge { needed, available } => write!(
                f,
                "program image and stack need {needed} bytes but memory_size is {available}; raise memory_size (--memory-size on the command line)"
            ),
            Self::IoRegionTooLarge => {
                write!(f, "max_input_size, max_private_input_size and max_output_size exceed the address space below RAM; lower them")
            }
        }
    }
}

impl Default for MemoryLayout {
    fn default() -> Self {
        Self {
            max_input_size: defaults::MAX_INPUT_SIZE,
            max_private_input_size: 0,
            max_output_size: defaults::MAX_OUTPUT_SIZE,
            stack_size: defaults::STACK_SIZE,
            memory_size: defaults::MEMORY_SIZE,
        }
    }
}

impl MemoryLayout {
    /// Start of the output region.
    pub const fn output_start(&self) -> u32 {
        CONTROL_START.wrapping_sub(align_up(self.max_output_size, 4))
    }

    /// Start of the input region.
    pub const fn input_start(&self) -> u32 {
        self.output_start()
            .wrapping_sub(align_up(self.max_input_size, 4))
    }

    /// Bytes the private input region takes: `max_private_input_size` in whole pages.
    pub const fn private_input_capacity(&self) -> u32 {
        align_up(self.max_private_input_size, PAGE_BYTES)
    }

    /// Start of the private input region, which is also the lowest guest address: whole pages
    /// ending at the page boundary at or below `input_start` (`input_start` itself when there
    /// is no private input; 0 for a region too large to fit, which [`Self::check`] refuses).
    pub const fn private_input_start(&self) -> u32 {
        if self.max_private_input_size == 0 {
            return self.input_start();
        }
        (self.input_start() & !(PAGE_BYTES - 1)).saturating_sub(self.private_input_capacity())
    }

    /// One past the highest guest address.
    pub const fn ram_end(&self) -> u64 {
        RAM_START as u64 + self.memory_size as u64
    }

    /// Bottom of the stack for a program image ending at `image_end`.
    pub const fn stack_bottom(&self, image_end: u32) -> u32 {
        align_up(image_end, IMAGE_ALIGN)
    }

    /// Initial stack pointer for a program image ending at `image_end`.
    pub const fn stack_top(&self, image_end: u32) -> u32 {
        self.stack_bottom(image_end).wrapping_add(self.stack_size)
    }

    /// Checks that the I/O region and the program fit.
    pub const fn check(&self, image_end: u32) -> Result<(), LayoutError> {
        let io = align_up(self.max_input_size, 4) as u64 + align_up(self.max_output_size, 4) as u64;
        if io > CONTROL_START as u64 {
            return Err(LayoutError::IoRegionTooLarge);
        }
        let private = self.private_input_capacity() as u64;
        let below_inputs = (CONTROL_START as u64 - io) & !(PAGE_BYTES as u64 - 1);
        if self.max_private_input_size > 0
            && (private > below_inputs
                || self.max_private_input_size > self.private_input_capacity())
        {
            return Err(LayoutError::IoRegionTooLarge);
        }
        let needed =
            self.stack_bottom(image_end) as u64 + self.stack_size as u64 - RAM_START as u64;
        if image_end < RAM_START || needed > self.memory_size as u64 {
            return Err(LayoutError::ProgramTooLarge {
                needed,
                available: self.memory_size,
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::PANIC_ADDRESS;

    #[test]
    fn regions_are_contiguous_and_word_aligned() {
        let l = MemoryLayout {
            max_input_size: 5,
            max_private_input_size: 0,
            max_output_size: 9,
            stack_size: 4096,
            memory_size: 1 << 20,
        };
        assert_eq!(l.output_start(), PANIC_ADDRESS - 12);
        assert_eq!(l.input_start(), l.output_start() - 8);
        assert_eq!(PANIC_ADDRESS + 4, RAM_START);
        assert_eq!(l.stack_bottom(RAM_START + 17), RAM_START + 32);
        assert_eq!(l.stack_top(RAM_START + 17), RAM_START + 32 + 4096);
        assert_eq!(
            l.private_input_start(),
            l.input_start(),
            "no private region"
        );
    }

    #[test]
    fn the_private_region_is_whole_pages_below_the_inputs() {
        let l = MemoryLayout {
            max_input_size: 5,
            max_private_input_size: PAGE_BYTES + 1,
            max_output_size: 9,
            stack_size: 4096,
            memory_size: 1 << 20,
        };
        let start = l.private_input_start();
        assert_eq!(start % PAGE_BYTES, 0);
        assert_eq!(l.private_input_capacity(), 2 * PAGE_BYTES);
        let end = start + l.private_input_capacity();
        assert!(end <= l.input_start() && l.input_start() - end < PAGE_BYTES);
        assert_eq!(end % PAGE_BYTES, 0, "no page shared with the public inputs");
        assert!(l.check(RAM_START).is_ok());
        let huge = MemoryLayout {
            max_private_input_size: u32::MAX - 5,
            ..l
        };
        assert_eq!(huge.check(RAM_START), Err(LayoutError::IoRegionTooLarge));
    }

    #[test]
    fn check_rejects_programs_that_do_not_fit() {
        let l = MemoryLayout {
            max_input_size: 0,
            max_private_input_size: 0,
            max_output_size: 0,
            stack_size: 4096,
            memory_size: 8192,
        };
        assert!(l.check(RAM_START + 4096).is_ok());
        assert!(matches!(
            l.check(RAM_START + 4097),
            Err(LayoutError::ProgramTooLarge { .. })
        ));
        let huge = MemoryLayout {
            max_input_size: u32::MAX,
            ..l
        };
        assert_eq!(huge.check(RAM_START), Err(LayoutError::IoRegionTooLarge));
    }
}
