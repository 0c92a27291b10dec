//! The zero-knowledge verifier ([module documentation](super)): replays the prover's
//! transcript ([`super::prover`]), records every check in a BlindFold circuit and verifies
//! the circuit's proof last. Single-threaded, shape-checked, no panics on proof data.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic,
        clippy::panic_in_result_fn
    )
)]

use super::{
    a0_point, first_cycle_point, last_cycle_point, zk_pages, ZkJoltProof, HALT, ZK_DOMAIN,
};
use crate::commitment::dory::Dory;
use crate::field::{Fr, JoltField};
use crate::lasso::memory_checking::zk::verify_batch_zk;
use crate::lasso::memory_checking::MemoryCheckingError;
use crate::lasso::surge::zk::{verify_zk as verify_surge_zk, SurgeCircuits};
use crate::opening_accumulator::zk::ZkVerifierAccumulator;
use crate::r1cs::spartan::zk::verify_zk as verify_spartan_zk;
use crate::subprotocols::blindfold::{self, Circuit, Lc, PedersenGenerators, ROW_WIDTH};
use crate::transcript::{Absorb, Transcript};
use crate::zkvm::boundary::Segment;
use crate::zkvm::byte_range;
use crate::zkvm::bytecode::Flag;
use crate::zkvm::bytecode_checking;
use crate::zkvm::commitment_layout::{check_commitments, layout_error, CheckCommitments};
use crate::zkvm::preprocessing::VerifierKey;
use crate::zkvm::proof::ZkvmError;
use crate::zkvm::read_write_memory::{
    self as rw, cols, log_cells, private_input, private_input_zk,
};
use crate::zkvm::statement::{append_statement, io_statement, memory_init};
use crate::zkvm::{byte_range_zk, bytecode_zk, io_check_zk};
use jolt_tracer::ProgramIo;

/// Verifies a zero-knowledge proof that the program of `vk`, run on `io.inputs`, halts with
/// `io.outputs`, `io.panic` and `io.exit_code`.
#[tracing::instrument(skip_all, name = "verify zk")]
pub fn verify_zk(
    vk: &VerifierKey<Dory>,
    io: &ProgramIo,
    proof: &ZkJoltProof,
) -> Result<(), ZkvmError> {
    let n = proof.log_cycles as usize;
    if n == 0 || n > vk.max_log_cycles {
        return Err(ZkvmError::Statement(format!(
            "2^{n} cycles is outside the program's bound of 2^{}",
            vk.max_log_cycles
        )));
    }
    let private_pages = private_input::private_pages(&vk.layout);
    if proof.private_input.is_some() != (private_pages > 0) {
        return Err(ZkvmError::Statement(
            "the proof's private input commitment does not match the program's private input \
             region"
                .into(),
        ));
    }
    let circuits = SurgeCircuits::new(&vk.surge).ok_or_else(|| {
        ZkvmError::Statement("an instruction table's g has a higher degree than it states".into())
    })?;
    let segment = Segment::whole(io);
    let pages = zk_pages(vk);
    let log_ram = log_cells(pages.len());
    let ram = memory_init(vk, &segment.start, log_ram, &pages)?;
    let io_stmt = io_statement(&ram, &vk.layout, io)?;

    let cm = &proof.commitments;
    let c = &vk.columns;
    let CheckCommitments {
        surge: surge_commitments,
        bytecode: bytecode_commitments,
        read_write: rw_commitments,
        byte_columns: byte_commitments,
    } = check_commitments(vk, cm)?;
    let column = |v: crate::r1cs::Variable| {
        cm.witness
            .get(v.index())
            .copied()
            .ok_or_else(|| layout_error("constraint-system"))
    };
    let rw_commitment = |k: usize| {
        rw_commitments
            .get(k)
            .copied()
            .ok_or_else(|| layout_error("registers/RAM"))
    };

    let mut transcript = Transcript::new(ZK_DOMAIN);
    append_statement(vk, &segment, None, (n, 1 << n, log_ram), &mut transcript);
    if let Some(p) = &proof.private_input {
        private_input_zk::append_commitment(&p.region, &mut transcript);
    }
    cm.append_to_transcript(&mut transcript);
    let t = &mut transcript;
    let mut circuit = Circuit::for_verifier();
    let mut acc = ZkVerifierAccumulator::new();

    // Constraint system, and the run's ends.
    let claims = verify_spartan_zk(&vk.shape, n, &proof.spartan, &mut circuit, t)
        .map_err(ZkvmError::Spartan)?;
    for (commitment, h) in cm.witness.iter().zip(&claims.hidden) {
        acc.append(*commitment, claims.point.clone(), h.clone());
    }
    let entry = Fr::from_u64(segment.start_row(vk));
    acc.append(column(c.row)?, first_cycle_point(n), Lc::constant(entry));
    let halt = circuit.verifier_row(proof.halt, 1);
    t.append(HALT, &proof.halt);
    let halt = halt.first().cloned().unwrap_or_default();
    let last = last_cycle_point(n);
    acc.append(column(c.flag(Flag::Halt))?, last.clone(), halt.clone());
    acc.append(
        column(c.flag(Flag::Noop))?,
        last,
        &Lc::constant(Fr::from_u64(1)) - &halt,
    );
    acc.append(
        rw_commitment(cols::NUM)?,
        a0_point(),
        Lc::constant(Fr::from_u64(io.exit_code.into())),
    );

    // Lookups.
    verify_surge_zk(
        &vk.surge,
        &circuits,
        n,
        &surge_commitments,
        &proof.surge,
        &mut circuit,
        t,
        &mut acc,
    )
    .map_err(ZkvmError::Surge)?;

    // The other memory checks.
    let bytecode_setup = bytecode_checking::fingerprint_setup(&vk.bytecode_table, n, t);
    let rw_setup = rw::fingerprint_setup(&ram, n, t).map_err(ZkvmError::ReadWrite)?;
    let byte_setup = byte_range::fingerprint_setup(n, t);
    let checks = [
        bytecode_setup.statement(),
        rw_setup.statement(),
        byte_setup.statement(),
    ];
    let claims = verify_batch_zk(&checks, &proof.memory_checking, &mut circuit, t)
        .map_err(ZkvmError::MemoryChecking)?;
    let [bytecode_claims, rw_claims, byte_claims]: [_; 3] = claims
        .try_into()
        .map_err(|_| ZkvmError::MemoryChecking(MemoryCheckingError::NoMemories))?;
    bytecode_zk::verify_evals_zk(
        &vk.bytecode_table,
        &bytecode_commitments,
        &proof.bytecode,
        &bytecode_claims,
        &mut circuit,
        t,
        &mut acc,
    )
    .map_err(ZkvmError::Bytecode)?;
    let rw_claims = rw::zk::verify_evals_zk(
        &ram,
        &rw_commitments,
        private_pages > 0,
        &proof.read_write,
        &rw_claims,
        &mut circuit,
        t,
        &mut acc,
    )
    .map_err(ZkvmError::ReadWrite)?;
    if let (Some(p), Some(value)) = (&proof.private_input, &rw_claims.private_value) {
        private_input_zk::verify_zk(
            private_pages,
            (rw_claims.points.ram_cell(), value),
            p,
            &mut circuit,
            t,
            &mut acc,
        )
        .map_err(ZkvmError::BlindFold)?;
    }
    byte_range_zk::verify_evals_zk(
        &byte_commitments,
        &cm.byte_range,
        &proof.byte_range,
        &byte_claims,
        &mut circuit,
        t,
        &mut acc,
    )
    .map_err(ZkvmError::ByteRange)?;

    // I/O, the opening, and the proof of every check.
    io_check_zk::verify_zk(
        &io_stmt,
        log_ram,
        &rw_commitment(cols::NUM + 2)?,
        &proof.io,
        &mut circuit,
        t,
        &mut acc,
    )
    .map_err(ZkvmError::Io)?;
    let gens = PedersenGenerators::new(ROW_WIDTH);
    acc.verify(vk.pcs(), &proof.opening, &mut circuit, &gens, t)
        .map_err(ZkvmError::Opening)?;
    blindfold::verify(&circuit, &proof.blindfold, t).map_err(ZkvmError::BlindFold)
}

/// Decodes a zero-knowledge proof and verifies it ([`verify_zk`]).
pub fn verify_zk_bytes(
    vk: &VerifierKey<Dory>,
    io: &ProgramIo,
    proof: &[u8],
) -> Result<(), ZkvmError> {
    verify_zk(vk, io, &ZkJoltProof::from_bytes(proof)?)
}
