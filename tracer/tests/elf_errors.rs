//! Files that are not RV32IM executables give one clear error, never a panic.

mod asm;

use asm::*;
use jolt_tracer::{ElfError, Program};

fn good_elf() -> Vec<u8> {
    let mut words = vec![addi(A0, 0, 0)];
    words.extend(exit());
    program(&words, &[]).to_elf()
}

#[test]
fn good_elf_loads() {
    assert!(Program::from_elf(&good_elf()).is_ok());
}

#[test]
fn not_an_elf() {
    assert_eq!(
        Program::from_elf(b"#!/bin/sh\necho hi\n"),
        Err(ElfError::NotElf)
    );
    assert_eq!(Program::from_elf(&[]), Err(ElfError::NotElf));
}

#[test]
fn sixty_four_bit_elf() {
    let mut elf = good_elf();
    elf[4] = 2; // ELFCLASS64
    assert_eq!(Program::from_elf(&elf), Err(ElfError::Not32Bit));
    // the test binary itself is a 64-bit host ELF
    let host = std::fs::read(std::env::current_exe().unwrap()).unwrap();
    assert_eq!(Program::from_elf(&host), Err(ElfError::Not32Bit));
}

#[test]
fn another_machines_elf() {
    let mut elf = good_elf();
    elf[18..20].copy_from_slice(&3u16.to_le_bytes()); // EM_386
    assert_eq!(Program::from_elf(&elf), Err(ElfError::WrongMachine(3)));
}

#[test]
fn compressed_instructions_flag() {
    let mut elf = good_elf();
    elf[36] |= 1; // EF_RISCV_RVC
    assert_eq!(Program::from_elf(&elf), Err(ElfError::Compressed));
}

#[test]
fn big_endian() {
    let mut elf = good_elf();
    elf[5] = 2;
    assert_eq!(Program::from_elf(&elf), Err(ElfError::BigEndian));
}

#[test]
fn every_truncation_is_an_error() {
    let elf = good_elf();
    for len in 0..elf.len() {
        let result = Program::from_elf(&elf[..len]);
        assert!(result.is_err(), "truncated to {len} bytes");
    }
}

#[test]
fn random_bytes_after_the_magic_never_panic() {
    use rand::{Rng, SeedableRng};
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(1);
    let good = good_elf();
    for _ in 0..2000 {
        let mut elf = good.clone();
        for _ in 0..rng.gen_range(1..8) {
            let k = rng.gen_range(4..elf.len());
            elf[k] = rng.gen();
        }
        let _ = Program::from_elf(&elf);
    }
}

#[test]
fn missing_file_names_the_path() {
    let err = Program::read("/nonexistent/program.elf").unwrap_err();
    assert!(matches!(err, ElfError::Io { .. }));
    assert!(
        err.to_string().contains("/nonexistent/program.elf"),
        "{err}"
    );
}
