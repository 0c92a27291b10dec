//! Proving is a function of program, inputs and key: the same run proves to the same bytes,
//! under the same key or one rebuilt from the same program, and two proofs made at once in
//! two threads of one process both verify.

#[path = "../../tracer/tests/asm/mod.rs"]
mod asm;

use asm::*;
use jolt_common::MemoryLayout;
use jolt_core::commitment::{dory::Dory, hyrax::Hyrax, CommitmentScheme};
use jolt_core::zkvm::{prove, verify, ProverKey};
use jolt_tracer::{Program, RunConfig};

fn config() -> RunConfig {
    RunConfig {
        layout: MemoryLayout {
            max_input_size: 16,
            max_private_input_size: 0,
            max_output_size: 16,
            stack_size: 4096,
            memory_size: 1 << 16,
        },
        max_cycles: 1 << 12,
        stack_guard: false,
    }
}

/// Exits with the first input word times 3, after a short loop.
fn program() -> Program {
    let input = config().layout.input_start();
    let mut code = vec![
        lui(5, input.wrapping_add(0x800)),
        addi(5, 5, ((input & 0xfff) as i32) << 20 >> 20),
        lw(A0, 5, 0),
        addi(6, 0, 3),
        mul(A0, A0, 6),
        addi(7, 0, 20),
        addi(7, 7, -1),
        bne(7, 0, -4),
    ];
    code.extend(exit());
    asm::program(&code, &[])
}

fn same_bytes<PCS: CommitmentScheme<Parameters = ()>>() {
    let pk = ProverKey::<PCS>::new(&program(), &config(), &()).unwrap();
    let input = 14u32.to_le_bytes();
    let (io, first) = prove(&pk, &input).unwrap();
    assert_eq!(io.exit_code, 42);
    let (_, second) = prove(&pk, &input).unwrap();
    assert_eq!(first.to_bytes(), second.to_bytes(), "same key");
    let rebuilt = ProverKey::<PCS>::new(&program(), &config(), &()).unwrap();
    let (_, third) = prove(&rebuilt, &input).unwrap();
    assert_eq!(
        first.to_bytes(),
        third.to_bytes(),
        "key rebuilt from the program"
    );
    let (_, other) = prove(&pk, &15u32.to_le_bytes()).unwrap();
    assert_ne!(first.to_bytes(), other.to_bytes(), "other inputs");
}

fn at_once<PCS: CommitmentScheme<Parameters = ()>>() {
    let pk = ProverKey::<PCS>::new(&program(), &config(), &()).unwrap();
    let results = std::thread::scope(|s| {
        let threads: Vec<_> = [5u32, 7]
            .into_iter()
            .map(|x| {
                let pk = &pk;
                s.spawn(move || prove(pk, &x.to_le_bytes()).unwrap())
            })
            .collect();
        threads
            .into_iter()
            .map(|t| t.join().unwrap())
            .collect::<Vec<_>>()
    });
    for ((io, proof), expected) in results.iter().zip([15, 21]) {
        assert_eq!(io.exit_code, expected);
        assert_eq!(verify(&pk.vk, io, proof), Ok(()));
    }
    assert_eq!(
        verify(&pk.vk, &results[0].0, &results[1].1).map_err(|_| ()),
        Err(()),
        "each proof is of its own run"
    );
}

#[test]
fn the_same_run_proves_to_the_same_bytes_with_dory() {
    same_bytes::<Dory>();
}

#[test]
fn the_same_run_proves_to_the_same_bytes_with_hyrax() {
    same_bytes::<Hyrax>();
}

#[test]
fn two_proofs_made_at_once_both_verify_with_dory() {
    at_once::<Dory>();
}

#[test]
fn two_proofs_made_at_once_both_verify_with_hyrax() {
    at_once::<Hyrax>();
}
