//! The RAM holds the pages a run touches: cost follows the memory used, not the address space,
//! and the page list in the proof cannot be bent to give a word two histories or none.

use super::proof_attacks::{li, Honest};
use super::*;
use crate::commitment::dory::Dory;
use crate::zkvm::read_write_memory::{log_cells, LOG_PAGE};
use crate::zkvm::{prove_witness, verify, ZkvmError, ZkvmWitness};
use jolt_common::RAM_START;
use std::time::Instant;

type Pcs = Dory;

/// The default layout (32 MiB of RAM) with a small cycle bound.
fn large_memory() -> RunConfig {
    RunConfig {
        layout: MemoryLayout::default(),
        max_cycles: 1 << 10,
        stack_guard: false,
    }
}

/// Stores 42 to the top word of guest memory, loads it back and exits with it.
fn store_at_the_top(config: &RunConfig) -> Program {
    let top = (config.layout.ram_end() - 4) as u32;
    let mut code = Vec::new();
    code.extend(li(5, top));
    code.push(addi(6, 0, 42));
    code.push(sw(6, 5, 0));
    code.push(lw(A0, 5, 0));
    code.extend(exit());
    program(&code, &[])
}

fn page(address: u32) -> u32 {
    (address / 4) >> LOG_PAGE
}

#[test]
fn a_store_at_the_top_of_32_mib_costs_one_page() {
    let config = large_memory();
    let start = Instant::now();
    let h = Honest::<Pcs>::with_config(&store_at_the_top(&config), &[], &config, &());
    let elapsed = start.elapsed();
    assert_eq!(h.io.exit_code, 42);
    let top = page((config.layout.ram_end() - 4) as u32);
    // The I/O region's pages, then the top page.
    assert_eq!(h.proof.ram_pages.last(), Some(&top));
    assert!(h.proof.ram_pages.len() <= 4, "{:?}", h.proof.ram_pages);
    assert_eq!(h.proof.log_ram as usize, log_cells(h.proof.ram_pages.len()));
    assert!(h.proof.log_ram <= 13, "2^{} cells", h.proof.log_ram);
    assert!(elapsed.as_secs() < 60, "took {elapsed:?}");
}

/// The honest proof with its page list replaced: the verifier checks the list before it
/// builds anything from it, and a different valid list changes the statement.
#[test]
fn a_bent_page_list_is_refused() {
    let config = large_memory();
    let h = Honest::<Pcs>::with_config(&store_at_the_top(&config), &[], &config, &());
    let pages = h.proof.ram_pages.to_vec();
    let io_pages = pages.len() - 1;
    let top = pages[io_pages];
    let statement = |list: Vec<u32>| {
        let mut proof = h.proof.clone();
        proof.ram_pages = list.into();
        verify(h.vk(), &h.io, &proof)
    };
    let mut twice = pages.clone();
    twice.push(top);
    let mut past_memory = pages.clone();
    past_memory.push(top + 1);
    let without_io = pages[1..].to_vec();
    for (what, list) in [
        ("a page twice", twice),
        ("a page past memory", past_memory),
        ("no I/O page", without_io),
    ] {
        let r = statement(list);
        assert!(matches!(r, Err(ZkvmError::Statement(_))), "{what}: {r:?}");
    }
    // Another valid list: one more page below the top one.
    let mut other = pages.clone();
    other.insert(io_pages, page(RAM_START));
    assert!(statement(other).is_err());
}

/// The run proven with the top page left out: the store and the load have no cell, so
/// the memory check rejects them.
#[test]
fn rejects_an_access_to_an_unlisted_page() {
    let config = large_memory();
    let h = Honest::<Pcs>::with_config(&store_at_the_top(&config), &[], &config, &());
    let mut witness = ZkvmWitness::new(h.vk(), &h.cycles);
    assert_eq!(witness.ram_pages.pop(), h.proof.ram_pages.last().copied());
    let proof = prove_witness(&h.pk, &h.io, witness).expect("proves");
    let r = verify(h.vk(), &h.io, &proof);
    assert!(matches!(r, Err(ZkvmError::ReadWrite(_))), "{r:?}");
}
