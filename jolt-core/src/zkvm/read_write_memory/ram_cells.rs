//! The initial registers and the RAM's cells: which word of guest memory each memory-side
//! cell of the RAM holds, so that a proof's cost follows the memory its run touches.
//!
//! Guest memory is cut into **pages** of `2^LOG_PAGE` words (4 KiB), numbered by absolute
//! word address: page `P` holds the words `P·2^p .. (P + 1)·2^p` (`p = LOG_PAGE`). A proof's
//! RAM holds only the pages its run touches and the pages of the I/O region, listed in the
//! proof in increasing order. Cell `j = k·2^p + o` is offset `o` of **slot** `k`:
//! - slot 0, the null page: cell 0 is the no-access cell (address 0) of cycles without an
//!   access; cells `1 ≤ o < 2^p` have addresses `o`, which no access produces;
//! - slot `1 ≤ k ≤ n` holds page `P_k`: offset `o` is the word `w = P_k·2^p + o` at address
//!   `WORD_OFFSET + w` (the `ram_word` of an access to it) if `w` is a word of guest memory
//!   `[private_input_start, RAM_START + memory_size)`, else at `PADDING_ADDRESS + j`;
//! - slot `k > n` is padding, every cell at `PADDING_ADDRESS + j`.
//!
//! # Soundness
//! An access's `ram_word` lies in `[2^30, 2^32)` (the constraint system), so it matches a cell
//! only if that cell holds a word of guest memory; the listed pages are strictly increasing,
//! so each word has at most one cell, and an access replays against exactly its word's
//! history. An access to a word of an unlisted page matches no cell and is rejected like an
//! access outside guest memory. The verifier checks the list ([`MemoryInit::paged`]: strictly
//! increasing, every page meeting guest memory, the I/O region's pages first, so the output
//! words and the panic flag are consecutive cells) and evaluates the address and initial-value
//! MLEs itself, in `O(2^{m−p} + 2^p + image)` ([`MemoryInit::address_mle`],
//! [`MemoryInit::init_mle`]).
//!
//! Variable order: `x_0` is the most significant bit of a cell index (slot bits first).

use super::{PADDING_ADDRESS, WORD_OFFSET};
use crate::field::{Fr, JoltField};
use crate::poly::{identity_mle, EqPolynomial};
use ark_ff::AdditiveGroup;
use jolt_common::RAM_START;
use jolt_tracer::Memory;

/// `log2` of the words of a page.
pub const LOG_PAGE: usize = jolt_common::LOG_PAGE_WORDS as usize;
const PAGE_MASK: u64 = (1 << LOG_PAGE) - 1;

/// A page list a verifier refuses.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PageError {
    /// Pages not strictly increasing.
    #[error("the RAM pages are not strictly increasing at page {0:#x}")]
    NotIncreasing(u32),
    /// A page without a word of guest memory.
    #[error("RAM page {0:#x} holds no word of guest memory")]
    OutsideMemory(u32),
    /// The I/O region's pages are not the first ones.
    #[error("the RAM pages do not begin with the I/O region's pages")]
    MissingIoPages,
    /// More cells than the claimed RAM size.
    #[error("{pages} RAM pages do not fit in 2^{log_size} cells")]
    TooMany {
        /// The number of listed pages.
        pages: usize,
        /// The claimed `m`: the RAM has `2^m` cells, fewer than the null slot and the pages
        /// need ([`log_cells`]).
        log_size: usize,
    },
}

/// The initial registers and RAM, which the verifier builds from the program, its layout,
/// the public inputs and the proof's page list (as the emulator starts).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemoryInit {
    /// The initial registers ([`jolt_tracer::initial_registers`]); those past its end start
    /// at 0.
    pub registers: Vec<u32>,
    /// `private_input_start / 4`: the first word of guest memory.
    pub first_word: u64,
    /// `(RAM_START + memory_size) / 4`: one past the last word of guest memory.
    pub end_word: u64,
    /// The initial words from `private_input_start` on (image and inputs; the rest is zero;
    /// on the prover's side the private input too).
    pub words: Vec<u32>,
    /// The listed pages, strictly increasing: slot `k ≥ 1` holds `pages[k − 1]`.
    pub pages: Vec<u32>,
    /// `m`: `2^m` cells, at least `2^p` per slot for the null slot and the pages.
    pub log_size: usize,
}

/// The pages meeting the words `[first, end)`.
pub fn pages_of(first: u64, end: u64) -> std::ops::RangeInclusive<u64> {
    (first >> LOG_PAGE)..=(end.saturating_sub(1) >> LOG_PAGE)
}

/// `m` for the null slot and `pages` pages.
pub fn log_cells(pages: usize) -> usize {
    LOG_PAGE + (pages + 1).next_power_of_two().trailing_zeros() as usize
}

impl MemoryInit {
    /// The RAM of a proof whose run uses `pages`, checked as a verifier does: the layout's
    /// guest memory is the words `[first_word, end_word)`, `words` its initial contents from
    /// `first_word` on, and the cells number `2^log_size`.
    pub fn paged(
        registers: Vec<u32>,
        (first_word, end_word): (u64, u64),
        words: Vec<u32>,
        pages: Vec<u32>,
        log_size: usize,
    ) -> Result<Self, PageError> {
        for pair in pages.windows(2) {
            if pair[0] >= pair[1] {
                return Err(PageError::NotIncreasing(pair[1]));
            }
        }
        let memory = pages_of(first_word, end_word);
        if let Some(&page) = pages.iter().find(|p| !memory.contains(&u64::from(**p))) {
            return Err(PageError::OutsideMemory(page));
        }
        let io = pages_of(first_word, u64::from(RAM_START / 4));
        if !io
            .clone()
            .eq(pages.iter().take(io.clone().count()).map(|&p| u64::from(p)))
        {
            return Err(PageError::MissingIoPages);
        }
        if log_size < log_cells(pages.len()) {
            return Err(PageError::TooMany {
                pages: pages.len(),
                log_size,
            });
        }
        Ok(Self {
            registers,
            first_word,
            end_word,
            words,
            pages,
            log_size,
        })
    }

    /// The pages a run needs: the I/O region's and those of the accessed words of guest
    /// memory (`ram_words` as in [`super::ram_word`]; 0 and words outside guest memory are
    /// skipped), in increasing order.
    pub fn pages_for(
        (first_word, end_word): (u64, u64),
        ram_words: impl IntoIterator<Item = u64>,
    ) -> Vec<u32> {
        let accessed = ram_words
            .into_iter()
            .filter_map(|rw| rw.checked_sub(WORD_OFFSET))
            .filter(|w| (first_word..end_word).contains(w))
            .map(|w| w >> LOG_PAGE);
        let mut pages: Vec<u32> = pages_of(first_word, u64::from(RAM_START / 4))
            .chain(accessed)
            .filter_map(|p| u32::try_from(p).ok())
            .collect();
        pages.sort_unstable();
        pages.dedup();
        pages
    }

    /// The state the emulator starts with, every page listed: `memory`
    /// (`Memory::new(layout, program, input)`) and the registers.
    pub fn new(memory: &Memory, registers: Vec<u32>) -> Self {
        let words = memory.words().to_vec();
        let first_word = u64::from(memory.base() / 4);
        let end_word = first_word + words.len() as u64;
        let pages: Vec<u32> = pages_of(first_word, end_word)
            .filter_map(|p| u32::try_from(p).ok())
            .collect();
        let log_size = log_cells(pages.len());
        Self {
            registers,
            first_word,
            end_word,
            words,
            pages,
            log_size,
        }
    }

    /// The initial value of register `i`.
    pub fn register(&self, i: usize) -> u64 {
        self.registers.get(i).map_or(0, |&v| v.into())
    }

    /// The word of guest memory cell `j` holds, if any.
    fn word(&self, j: usize) -> Option<u64> {
        let page = self.pages.get((j >> LOG_PAGE).checked_sub(1)?)?;
        let w = u64::from(*page) << LOG_PAGE | (j as u64 & PAGE_MASK);
        (self.first_word..self.end_word).contains(&w).then_some(w)
    }

    /// The memory-side address of cell `j`.
    pub fn address(&self, j: usize) -> u64 {
        if j >> LOG_PAGE == 0 {
            j as u64
        } else {
            self.word(j)
                .map_or(PADDING_ADDRESS + j as u64, |w| WORD_OFFSET + w)
        }
    }

    /// The initial value of cell `j`.
    pub fn value(&self, j: usize) -> u64 {
        self.word(j)
            .and_then(|w| self.words.get((w - self.first_word) as usize))
            .map_or(0, |&v| v.into())
    }

    /// The cell an access with this `ram_word` replays against: 0 without an access, the
    /// word's cell if it is a word of guest memory in a listed page, else `None`.
    pub fn cell(&self, ram_word: u64) -> Option<usize> {
        if ram_word == 0 {
            return Some(0);
        }
        let w = ram_word
            .checked_sub(WORD_OFFSET)
            .filter(|w| (self.first_word..self.end_word).contains(w))?;
        let page = u32::try_from(w >> LOG_PAGE).ok()?;
        let k = self.pages.binary_search(&page).ok()? + 1;
        Some(k << LOG_PAGE | (w & PAGE_MASK) as usize)
    }

    /// `(eq(r_slot, k))_k` and `(eq(r_offset, o))_o` for a cell point `r`.
    fn eq_tables(&self, r: &[Fr]) -> (Vec<Fr>, Vec<Fr>) {
        let (r_slot, r_offset) = r.split_at(r.len().saturating_sub(LOG_PAGE));
        (EqPolynomial::evals(r_slot), EqPolynomial::evals(r_offset))
    }

    /// The MLE of [`Self::address`] at `r` (`m` coordinates): `O(2^{m−p} + 2^p)`.
    pub fn address_mle(&self, r: &[Fr]) -> Fr {
        let (eq_slot, eq_offset) = self.eq_tables(r);
        let (_, r_offset) = r.split_at(r.len().saturating_sub(LOG_PAGE));
        let n = self.pages.len();
        // Every cell as `base(k) + o`, then the cells of listed pages outside guest memory.
        let base = |k: usize| match k {
            0 => 0,
            k if k <= n => WORD_OFFSET + (u64::from(self.pages[k - 1]) << LOG_PAGE),
            k => PADDING_ADDRESS + ((k as u64) << LOG_PAGE),
        };
        let mut sum = identity_mle(r_offset);
        for (k, e) in eq_slot.iter().enumerate() {
            sum += *e * Fr::from_u64(base(k));
        }
        for (k, page) in self.pages.iter().enumerate().map(|(i, p)| (i + 1, *p)) {
            let start = u64::from(page) << LOG_PAGE;
            if start >= self.first_word && start + PAGE_MASK < self.end_word {
                continue;
            }
            for (o, e) in eq_offset.iter().enumerate() {
                let w = start + o as u64;
                if !(self.first_word..self.end_word).contains(&w) {
                    let j = (k << LOG_PAGE | o) as u64;
                    let wrong = Fr::from_u64(WORD_OFFSET + w);
                    sum += eq_slot[k] * e * (Fr::from_u64(PADDING_ADDRESS + j) - wrong);
                }
            }
        }
        sum
    }

    /// The MLE of [`Self::value`] at `r`: `O(2^{m−p} + 2^p + image)`.
    pub fn init_mle(&self, r: &[Fr]) -> Fr {
        let (eq_slot, eq_offset) = self.eq_tables(r);
        let mut sum = Fr::ZERO;
        for (k, page) in self.pages.iter().enumerate().map(|(i, p)| (i + 1, *p)) {
            let start = u64::from(page) << LOG_PAGE;
            // Past the initial words (or guest memory) the page is zero: the loop stops there.
            for (o, e) in eq_offset.iter().enumerate() {
                let w = start + o as u64;
                if w < self.first_word {
                    continue;
                }
                if w >= self.end_word {
                    break;
                }
                match self.words.get((w - self.first_word) as usize) {
                    Some(&v) if v != 0 => sum += eq_slot[k] * e * Fr::from_u64(v.into()),
                    Some(_) => {}
                    None => break,
                }
            }
        }
        sum
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ark_std::{test_rng, UniformRand};

    /// Guest memory from 3 words below a page boundary to 2 pages and 5 words above it.
    fn sample() -> MemoryInit {
        let first_word = (u64::from(RAM_START / 4) & !PAGE_MASK) - 3;
        let end_word = first_word + 3 + (2 << LOG_PAGE) + 5;
        let words: Vec<u32> = (1..=3000).collect();
        let pages = MemoryInit::pages_for(
            (first_word, end_word),
            [WORD_OFFSET + end_word - 1, 0, WORD_OFFSET + first_word],
        );
        let log_size = log_cells(pages.len());
        MemoryInit::paged(
            vec![0, 0, 7],
            (first_word, end_word),
            words,
            pages,
            log_size,
        )
        .unwrap()
    }

    #[test]
    fn mles_match_the_cells() {
        let ram = sample();
        assert_eq!(ram.pages.len(), 2, "the I/O page, then the last page");
        let cells = 1usize << ram.log_size;
        let mut rng = test_rng();
        let r: Vec<Fr> = (0..ram.log_size).map(|_| Fr::rand(&mut rng)).collect();
        let eq = EqPolynomial::evals(&r);
        let naive = |f: &dyn Fn(usize) -> u64| -> Fr {
            (0..cells).map(|j| eq[j] * Fr::from_u64(f(j))).sum()
        };
        assert_eq!(ram.address_mle(&r), naive(&|j| ram.address(j)));
        assert_eq!(ram.init_mle(&r), naive(&|j| ram.value(j)));
    }

    #[test]
    fn each_word_of_guest_memory_in_a_listed_page_has_one_cell() {
        let ram = sample();
        let cells = 1usize << ram.log_size;
        let mut seen = std::collections::BTreeSet::new();
        for j in 0..cells {
            let a = ram.address(j);
            assert!(seen.insert(a), "address {a:#x} twice");
            if (WORD_OFFSET..PADDING_ADDRESS).contains(&a) && a != 0 {
                assert_eq!(ram.cell(a), Some(j));
                assert_eq!(
                    ram.value(j),
                    u64::from(ram.words[(a - WORD_OFFSET - ram.first_word) as usize])
                );
            }
        }
        assert_eq!(
            ram.cell(WORD_OFFSET + ram.first_word - 1),
            None,
            "below guest memory"
        );
        assert_eq!(
            ram.cell(WORD_OFFSET + ram.end_word),
            None,
            "above guest memory"
        );
    }

    #[test]
    fn bad_page_lists_are_refused() {
        let ram = sample();
        let range = (ram.first_word, ram.end_word);
        let check =
            |pages: Vec<u32>| MemoryInit::paged(vec![], range, vec![], pages, 20).map(|_| ());
        let io = ram.pages[0];
        let last = *ram.pages.last().unwrap();
        assert_eq!(
            check(vec![io, last, last]),
            Err(PageError::NotIncreasing(last))
        );
        assert_eq!(
            check(vec![io, last + 1]),
            Err(PageError::OutsideMemory(last + 1))
        );
        assert_eq!(check(vec![last]), Err(PageError::MissingIoPages));
        assert!(matches!(
            MemoryInit::paged(vec![], range, vec![], ram.pages.clone(), LOG_PAGE + 1),
            Err(PageError::TooMany { .. })
        ));
    }
}
