//! Fixtures shared by the fuzz targets: a small program, its keys and an honest proof, built
//! once per process.

#[path = "../../tracer/tests/asm/mod.rs"]
mod asm;

use std::sync::OnceLock;

use asm::*;
use jolt_common::MemoryLayout;
use jolt_core::commitment::hyrax::Hyrax;
use jolt_core::zkvm::{prove, JoltProof, ProverKey};
use jolt_tracer::{Program, ProgramIo, RunConfig};

/// The run bounds of the fixture program (and of fuzzed ELFs run by the loader target).
pub fn config() -> RunConfig {
    RunConfig {
        layout: MemoryLayout {
            max_input_size: 64,
            max_private_input_size: 0,
            max_output_size: 64,
            stack_size: 4096,
            memory_size: 1 << 16,
        },
        max_cycles: 1 << 12,
        stack_guard: false,
    }
}

/// A few instructions: arithmetic, a store into the output region, exit 0.
pub fn program() -> Program {
    let output = config().layout.output_start();
    let mut code = vec![
        lui(5, output.wrapping_add(0x800)),
        addi(5, 5, ((output & 0xfff) as i32) << 20 >> 20),
        addi(6, 0, 7),
        mul(7, 6, 6),
        sw(7, 5, 0),
        addi(A0, 0, 0),
    ];
    code.extend(exit());
    asm::program(&code, &[])
}

/// The fixture: prover key, the run's public I/O and its proof.
pub struct Fixture {
    pub pk: ProverKey<Hyrax>,
    pub io: ProgramIo,
    pub proof: JoltProof<Hyrax>,
    pub proof_bytes: Vec<u8>,
}

/// The fixture, built on first use.
pub fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let pk = ProverKey::<Hyrax>::new(&program(), &config(), &()).expect("the fixture preprocesses");
        let (io, proof) = prove(&pk, &[]).expect("the fixture proves");
        let proof_bytes = proof.to_bytes();
        Fixture {
            pk,
            io,
            proof,
            proof_bytes,
        }
    })
}

/// Applies `edits` to `bytes`: each 5-byte record is a position (u32, taken modulo the length)
/// and a byte to xor there; a trailing 1–4 byte record truncates to that position instead.
pub fn mutate(bytes: &[u8], edits: &[u8]) -> Vec<u8> {
    let mut out = bytes.to_vec();
    for record in edits.chunks(5) {
        if out.is_empty() {
            break;
        }
        let mut pos = [0u8; 4];
        pos[..record.len().min(4)].copy_from_slice(&record[..record.len().min(4)]);
        let pos = u32::from_le_bytes(pos) as usize % out.len();
        match record.get(4) {
            Some(&x) => out[pos] ^= x,
            None => out.truncate(pos),
        }
    }
    out
}
