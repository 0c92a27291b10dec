//! Guest memory: one word-addressed array covering
//! `[private_input_start, RAM_START + memory_size)` (see [`MemoryLayout`]).
//! The machine's RAM is word-addressed; sub-word loads and stores are virtual sequences over
//! aligned word accesses, so the only accesses here are aligned 32-bit loads and stores.

use jolt_common::{MemoryLayout, LOG_PAGE_WORDS};

use crate::elf::Program;

/// Word-addressed guest memory.
#[derive(Clone, Debug)]
pub struct Memory {
    base: u32,
    words: Vec<u32>,
    /// One bit per page ([`Self::pages`] order): set once [`Self::store`] wrote to it.
    stored: Vec<u64>,
    /// The offset of the first word in its page.
    first_offset: usize,
}

impl Memory {
    /// Memory for `layout`, holding the program image, the input bytes and the private input
    /// bytes.
    pub fn new(
        layout: &MemoryLayout,
        program: &Program,
        input: &[u8],
        private_input: &[u8],
    ) -> Self {
        let base = layout.private_input_start();
        let len = ((layout.ram_end() - u64::from(base)) / 4) as usize;
        let first_offset = (base / 4 % (1 << LOG_PAGE_WORDS)) as usize;
        let pages = (len + first_offset).div_ceil(1 << LOG_PAGE_WORDS);
        let mut memory = Self {
            base,
            words: vec![0; len],
            stored: vec![0; pages.div_ceil(64)],
            first_offset,
        };
        for segment in &program.segments {
            memory.write_bytes(segment.vaddr, &segment.data);
        }
        memory.write_bytes(layout.input_start(), input);
        memory.write_bytes(base, private_input);
        memory
    }

    /// Lowest address.
    pub fn base(&self) -> u32 {
        self.base
    }

    /// One past the highest address.
    pub fn end(&self) -> u64 {
        u64::from(self.base) + 4 * self.words.len() as u64
    }

    #[inline(always)]
    fn index(&self, address: u32) -> Option<usize> {
        let i = (address.wrapping_sub(self.base) >> 2) as usize;
        (address & 3 == 0 && i < self.words.len()).then_some(i)
    }

    /// The word at an aligned address inside memory.
    #[inline(always)]
    pub fn load(&self, address: u32) -> Option<u32> {
        self.index(address).map(|i| self.words[i])
    }

    /// Writes the word at an aligned address inside memory and returns the old word.
    #[inline(always)]
    pub fn store(&mut self, address: u32, value: u32) -> Option<u32> {
        let i = self.index(address)?;
        let page = (i + self.first_offset) >> LOG_PAGE_WORDS;
        if let Some(bits) = self.stored.get_mut(page / 64) {
            *bits |= 1 << (page % 64);
        }
        Some(std::mem::replace(&mut self.words[i], value))
    }

    /// The pages [`Self::store`] has written to, increasing (a superset of the pages that
    /// differ from memory as [`Self::new`] made it).
    pub fn stored_pages(&self) -> impl Iterator<Item = u32> + '_ {
        let first = *self.pages().start();
        self.stored.iter().enumerate().flat_map(move |(i, &bits)| {
            (0..64)
                .filter(move |b| bits >> b & 1 == 1)
                .map(move |b| first + (64 * i + b) as u32)
        })
    }

    /// Copies bytes into memory, little-endian within words. Bytes outside memory are dropped
    /// (the loader has already checked that the image fits).
    pub fn write_bytes(&mut self, address: u32, bytes: &[u8]) {
        for (k, &b) in bytes.iter().enumerate() {
            let a = address.wrapping_add(k as u32);
            if let Some(i) = self.index(a & !3) {
                let shift = 8 * (a & 3);
                self.words[i] = (self.words[i] & !(0xff << shift)) | (u32::from(b) << shift);
            }
        }
    }

    /// Reads `len` bytes starting at `address` (bytes outside memory read as zero).
    pub fn read_bytes(&self, address: u32, len: usize) -> Vec<u8> {
        (0..len as u32)
            .map(|k| {
                let a = address.wrapping_add(k);
                self.load(a & !3).map_or(0, |w| (w >> (8 * (a & 3))) as u8)
            })
            .collect()
    }

    /// All words, lowest address first (the final memory state for the prover).
    pub fn words(&self) -> &[u32] {
        &self.words
    }

    /// The pages (of `2^LOG_PAGE_WORDS` words, numbered by absolute word address) that meet
    /// memory.
    pub fn pages(&self) -> std::ops::RangeInclusive<u32> {
        let first = self.base / 4;
        let last = (self.end() / 4 - 1) as u32;
        (first >> LOG_PAGE_WORDS)..=(last >> LOG_PAGE_WORDS)
    }

    /// The words of memory in `page`, lowest first (fewer at the ends of memory).
    pub fn page(&self, page: u32) -> &[u32] {
        let (start, end) = self.page_range(page);
        self.words.get(start..end).unwrap_or(&[])
    }

    /// Overwrites the words of memory in `page` with `words` (as [`Self::page`] returns
    /// them), as stores do; `None` if `page` does not meet memory or `words` has another
    /// length.
    pub fn set_page(&mut self, page: u32, words: &[u32]) -> Option<()> {
        let (start, end) = self.page_range(page);
        let slot = self.words.get_mut(start..end)?;
        if slot.len() != words.len() || start == end {
            return None;
        }
        slot.copy_from_slice(words);
        let k = page - self.pages().start();
        let bits = self.stored.get_mut(k as usize / 64)?;
        *bits |= 1 << (k % 64);
        Some(())
    }

    /// The indices into `words` of `page`'s words of memory.
    fn page_range(&self, page: u32) -> (usize, usize) {
        let first = u64::from(self.base / 4);
        let page_start = u64::from(page) << LOG_PAGE_WORDS;
        let start = page_start.saturating_sub(first);
        let end = (page_start + (1 << LOG_PAGE_WORDS)).saturating_sub(first);
        let len = self.words.len() as u64;
        (start.min(len) as usize, end.min(len) as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::elf::Segment;
    use jolt_common::RAM_START;

    #[test]
    fn bytes_round_trip_little_endian() {
        let layout = MemoryLayout {
            memory_size: 4096,
            ..MemoryLayout::default()
        };
        let program = Program {
            entry: RAM_START,
            segments: vec![Segment {
                vaddr: RAM_START,
                data: vec![1, 2, 3, 4, 5],
                mem_size: 8,
                executable: true,
            }],
            functions: vec![],
        };
        let mut m = Memory::new(&layout, &program, &[9, 8], &[]);
        assert_eq!(m.load(RAM_START), Some(0x0403_0201));
        assert_eq!(m.load(RAM_START + 4), Some(5));
        assert_eq!(m.load(layout.input_start()), Some(0x0809));
        assert_eq!(m.load(RAM_START + 1), None, "misaligned");
        assert_eq!(m.load(RAM_START + 4096), None, "past the end");
        assert_eq!(m.store(RAM_START, 7), Some(0x0403_0201));
        assert_eq!(m.read_bytes(RAM_START + 3, 3), vec![0, 5, 0]);
    }

    #[test]
    fn stores_and_set_pages_mark_their_pages() {
        let layout = MemoryLayout {
            memory_size: 1 << 20,
            ..MemoryLayout::default()
        };
        let program = Program {
            entry: RAM_START,
            segments: vec![],
            functions: vec![],
        };
        let mut m = Memory::new(&layout, &program, &[1, 2, 3], &[]);
        assert_eq!(
            m.stored_pages().count(),
            0,
            "loading the image is not a store"
        );
        let page = |address: u32| (address / 4) >> LOG_PAGE_WORDS;
        let far = RAM_START + (200 << 12);
        m.store(far + 8, 1).unwrap();
        m.store(layout.input_start(), 1).unwrap();
        let words = m.page(page(RAM_START)).to_vec();
        m.set_page(page(RAM_START), &words).unwrap();
        assert_eq!(
            m.stored_pages().collect::<Vec<_>>(),
            vec![page(layout.input_start()), page(RAM_START), page(far)]
        );
        assert_eq!(m.set_page(page(RAM_START), &words[1..]), None);
        assert_eq!(m.set_page(0, &words), None);
    }

    #[test]
    fn the_private_input_fills_the_pages_below_the_inputs() {
        let layout = MemoryLayout {
            memory_size: 4096,
            max_private_input_size: 5000,
            ..MemoryLayout::default()
        };
        let program = Program {
            entry: RAM_START,
            segments: vec![],
            functions: vec![],
        };
        let private: Vec<u8> = (1..=8).collect();
        let m = Memory::new(&layout, &program, &[9, 8], &private);
        let start = layout.private_input_start();
        assert_eq!(m.base(), start, "the lowest guest address");
        assert_eq!(m.load(start), Some(0x0403_0201));
        assert_eq!(m.load(start + 4), Some(0x0807_0605));
        assert_eq!(m.load(start - 4), None, "below guest memory");
        assert_eq!(m.load(layout.input_start()), Some(0x0809));
        let end = start + layout.private_input_capacity();
        assert_eq!(
            m.read_bytes(start + 8, (end - start - 8) as usize),
            vec![0; 8184]
        );
    }
}
