//! The zero-knowledge prover ([module documentation](super)). Transcript order (the
//! verifier's, [`super::verifier`]): the statement under [`super::ZK_DOMAIN`] with the padded
//! length in place of the cycle count, the hiding commitments, Spartan, the row of
//! `halt(2^n − 1)`, Surge (with its own grand product), the statements and fingerprints of
//! the bytecode, registers/RAM and byte range checks, their one grand product, each check's
//! evaluation rows in that order, the I/O check, the opening, and BlindFold.

use super::{
    a0_point, first_cycle_point, last_cycle_point, zk_pages, ZkJoltProof, HALT, ZK_DOMAIN,
};
use crate::commitment::dory::zk::{batch_commit_hiding, commit_hiding};
use crate::commitment::dory::{Dory, DorySetup};
use crate::field::{Fr, JoltField};
use crate::lasso::memory_checking::zk::{prove_batch_zk, ZkMemoryCheckingClaims};
use crate::lasso::memory_checking::MemoryCheckingOpenings;
use crate::lasso::surge::zk::{prove_zk as prove_surge_zk, SurgeBlinds, SurgeCircuits};
use crate::opening_accumulator::zk::ZkProverAccumulator;
use crate::poly::MultilinearPolynomial;
use crate::r1cs::spartan::zk::prove_zk as prove_spartan_zk;
use crate::subprotocols::blindfold::{self, Circuit, Lc, PedersenGenerators, ROW_WIDTH};
use crate::transcript::{Absorb, Transcript};
use crate::zkvm::boundary::Segment;
use crate::zkvm::bytecode::Flag;
use crate::zkvm::commitment_layout::Groups;
use crate::zkvm::preprocessing::ProverKey;
use crate::zkvm::proof::JoltCommitments;
use crate::zkvm::prover::{
    commitment_vars, execute, load_private_input, ProveError, SubWitnesses, ZkvmWitness,
};
use crate::zkvm::read_write_memory::{
    self as rw, cols, log_cells, private_input, private_input_zk, LOG_PAGE,
};
use crate::zkvm::statement::{append_statement, io_statement, memory_init};
use crate::zkvm::{byte_range, byte_range_zk, bytecode_checking, bytecode_zk, io_check_zk};
use ark_std::rand::{CryptoRng, RngCore};
use jolt_tracer::ProgramIo;

/// Hiding commitments to every group of committed polynomials, and their blinds.
fn commit_groups<R: RngCore + CryptoRng>(
    setup: &DorySetup,
    groups: [Vec<&MultilinearPolynomial<Fr>>; 5],
    rng: &mut R,
) -> (JoltCommitments<Dory>, [Vec<Fr>; 5]) {
    let [a, b, c, d, e] = groups.map(|g| batch_commit_hiding(setup, &g, rng));
    let commitments = JoltCommitments {
        witness: a.0.into(),
        bytecode: b.0.into(),
        read_write: c.0.into(),
        surge: d.0.into(),
        byte_range: e.0.into(),
    };
    (commitments, [a.1, b.1, c.1, d.1, e.1])
}

/// Runs the program on `inputs` and `private_input` (in its private input region) and proves
/// the run in zero knowledge, with randomness from
/// `rng` (which must be a cryptographic generator, seeded unpredictably: the proof hides the
/// run only as well as `rng` is secret). Returns the public I/O and the proof.
///
/// # Errors
/// As [`crate::zkvm::prove_with_private_input`]; also for a table whose `g` understates its
/// degree.
#[tracing::instrument(skip_all, name = "prove zk")]
pub fn prove_zk<R: RngCore + CryptoRng>(
    pk: &ProverKey<Dory>,
    inputs: &[u8],
    private_input: &[u8],
    rng: &mut R,
) -> Result<(ProgramIo, ZkJoltProof), ProveError> {
    prove_zk_with_circuit(pk, inputs, private_input, rng).map(|(io, proof, _)| (io, proof))
}

/// [`prove_zk`], also returning the prover's circuit (whose message rows are the values a
/// transparent proof would reveal: what the leak detectors search for).
pub(crate) fn prove_zk_with_circuit<R: RngCore + CryptoRng>(
    pk: &ProverKey<Dory>,
    inputs: &[u8],
    private_input: &[u8],
    rng: &mut R,
) -> Result<(ProgramIo, ZkJoltProof, Circuit), ProveError> {
    let (io, witness) = execute(pk, inputs, private_input)?;
    let (proof, circuit) = prove_zk_witness_with_circuit(pk, &io, witness, rng)?;
    Ok((io, proof, circuit))
}

/// Proves `witness` of a whole run with public I/O `io` in zero knowledge (see
/// [`crate::zkvm::prove_witness`]; tests build dishonest witnesses with it).
pub fn prove_zk_witness<R: RngCore + CryptoRng>(
    pk: &ProverKey<Dory>,
    io: &ProgramIo,
    witness: ZkvmWitness,
    rng: &mut R,
) -> Result<ZkJoltProof, ProveError> {
    prove_zk_witness_with_circuit(pk, io, witness, rng).map(|(proof, _)| proof)
}

#[tracing::instrument(skip_all, name = "prove zk witness")]
fn prove_zk_witness_with_circuit<R: RngCore + CryptoRng>(
    pk: &ProverKey<Dory>,
    io: &ProgramIo,
    witness: ZkvmWitness,
    rng: &mut R,
) -> Result<(ZkJoltProof, Circuit), ProveError> {
    let vk = &pk.vk;
    let circuits = SurgeCircuits::new(&vk.surge).ok_or_else(|| {
        ProveError::Statement("an instruction table's g has a higher degree than it states".into())
    })?;
    let c = &vk.columns;
    let len = witness.table.len;
    let n = len.trailing_zeros() as usize;
    let segment = Segment::whole(io);

    // The RAM holds every page of guest memory.
    let statement_err = |e: crate::zkvm::ZkvmError| ProveError::Statement(e.to_string());
    let pages = zk_pages(vk);
    let log_ram = log_cells(pages.len());
    let mut ram = memory_init(vk, &segment.start, log_ram, &pages).map_err(statement_err)?;
    // The verifier's initial RAM: the private input region is the proof's to supply.
    let public_ram = ram.clone();
    load_private_input(vk, &mut ram, &witness.private_input)?;
    let io_stmt = io_statement(&ram, &vk.layout, io).map_err(statement_err)?;
    let halted = witness.table.get(c.flag(Flag::Halt).index(), len - 1);
    let sub = SubWitnesses::new(vk, witness.table, &witness.accesses, &ram);

    // Hiding commitments.
    let setup = pk
        .setup(commitment_vars(vk, n, log_ram))
        .map_err(ProveError::Setup)?;
    let span = tracing::info_span!("commitments").entered();
    let (commitments, blinds) = commit_groups(&setup, sub.committed(vk), rng);
    let private_pages = private_input::private_pages(&vk.layout);
    let private_cells: Vec<u64> = (0..(private_pages + 1) << LOG_PAGE)
        .map(|j| ram.value(j))
        .collect();
    let region = (private_pages > 0).then(|| {
        let poly = private_input_zk::region_polynomial(&private_cells, private_pages);
        let (commitment, blind) = commit_hiding(&setup, &poly, rng);
        (poly, commitment, blind)
    });
    drop(span);
    let [wb, bb, rb, sb, yb] = &blinds;
    let blind_groups = Groups {
        witness: wb,
        bytecode: bb,
        read_write: rb,
        surge: sb,
        byte_range: yb,
    };
    let layout = "the prover's blinds follow the layout";
    let surge_parts = blind_groups.surge(&vk.surge, c).expect(layout);
    let surge_blinds = SurgeBlinds {
        dim: surge_parts.dim,
        e_polys: surge_parts.e_polys,
        multiplicities: surge_parts.multiplicities,
        flags: surge_parts.flags,
        lookup_output: surge_parts.lookup_output,
    };
    let rw_blinds = blind_groups.read_write(c).expect(layout);
    let bytecode_blinds = blind_groups.bytecode(c).expect(layout);
    let byte_blinds = blind_groups.byte_columns(c).expect(layout);
    let SubWitnesses {
        w,
        rw: rw_witness,
        rw_polys,
        bytecode: bytecode_witness,
        surge: surge_witness,
        bytes: byte_witness,
        byte_columns,
        ..
    } = sub;

    let mut transcript = Transcript::new(ZK_DOMAIN);
    append_statement(
        vk,
        &segment,
        None,
        (n, len as u64, log_ram),
        &mut transcript,
    );
    if let Some((_, commitment, _)) = &region {
        private_input_zk::append_commitment(commitment, &mut transcript);
    }
    commitments.append_to_transcript(&mut transcript);
    let gens = PedersenGenerators::new(ROW_WIDTH);
    let mut circuit = Circuit::for_prover();
    let mut acc = ZkProverAccumulator::new();
    let t = &mut transcript;

    // Constraint system, and the run's ends: the entry row at cycle 0, the last cycle
    // halting or padding, the exit code in the final a0 (see the module documentation).
    let span = tracing::info_span!("spartan").entered();
    let (spartan, claims) = prove_spartan_zk(&vk.shape, &w, &mut circuit, &gens, t, rng);
    drop(span);
    for (k, (v, h)) in claims.evals.iter().zip(&claims.hidden).enumerate() {
        acc.append(w[k].clone(), claims.point.clone(), *v, h.clone(), wb[k]);
    }
    let column = |v: crate::r1cs::Variable| (w[v.index()].clone(), wb[v.index()]);
    let (row, row_blind) = column(c.row);
    let entry = Fr::from_u64(segment.start_row(vk));
    acc.append(
        row,
        first_cycle_point(n),
        entry,
        Lc::constant(entry),
        row_blind,
    );
    let (halt_row, halt_var) = circuit.prover_row(&[Fr::from_u64(halted)], &gens, rng);
    t.append(HALT, &halt_row);
    let [halt_var]: [Lc; 1] = halt_var.try_into().expect("one value");
    let (halt, halt_blind) = column(c.flag(Flag::Halt));
    let (noop, noop_blind) = column(c.flag(Flag::Noop));
    let last = last_cycle_point(n);
    acc.append(
        halt,
        last.clone(),
        Fr::from_u64(halted),
        halt_var.clone(),
        halt_blind,
    );
    acc.append(
        noop,
        last,
        Fr::from_u64(1 - halted),
        &Lc::constant(Fr::from_u64(1)) - &halt_var,
        noop_blind,
    );
    let exit = Fr::from_u64(io.exit_code.into());
    acc.append(
        rw_polys[cols::NUM].clone(),
        a0_point(),
        exit,
        Lc::constant(exit),
        rw_blinds[cols::NUM],
    );

    // Lookups.
    let span = tracing::info_span!("surge").entered();
    let surge = prove_surge_zk(
        &vk.surge,
        &circuits,
        &surge_witness,
        &surge_blinds,
        &mut circuit,
        &gens,
        t,
        rng,
        &mut acc,
    );
    drop(surge_witness);
    drop(span);

    // The other memory checks: fingerprints and leaves, one grand product, evaluations.
    let bytecode_fp = bytecode_checking::fingerprint_setup(&vk.bytecode_table, n, t).fingerprint;
    let bytecode_leaves =
        bytecode_checking::leaves_with(&vk.bytecode_table, &bytecode_witness, bytecode_fp);
    let rw_fp = rw::fingerprint_setup(&ram, n, t)
        .map_err(|e| ProveError::Statement(e.to_string()))?
        .fingerprint;
    let rw_leaves = rw::leaves_with(&ram, &rw_witness, rw_fp);
    let byte_fp = byte_range::fingerprint_setup(n, t).fingerprint;
    let byte_leaves = byte_range::leaves_with(&byte_columns, &byte_witness, byte_fp);
    let span = tracing::info_span!("memory checking").entered();
    let (memory_checking, openings) = prove_batch_zk(
        vec![bytecode_leaves, rw_leaves, byte_leaves],
        &mut circuit,
        &gens,
        t,
        rng,
    );
    let claims = |(clear, hidden), fingerprint| {
        (
            clear,
            ZkMemoryCheckingClaims {
                fingerprint,
                openings: hidden,
            },
        )
    };
    drop(span);
    let span = tracing::info_span!("evaluations").entered();
    let [bytecode_openings, rw_openings, byte_openings]: [(MemoryCheckingOpenings<Fr>, _); 3] =
        openings.try_into().expect("three checks");
    let (clear, hidden) = claims(bytecode_openings, bytecode_fp);
    let bytecode = bytecode_zk::prove_evals_zk(
        &vk.bytecode_table,
        &bytecode_witness,
        &bytecode_blinds,
        (&clear, &hidden),
        &mut circuit,
        &gens,
        t,
        rng,
        &mut acc,
    );
    let (clear, hidden) = claims(rw_openings, rw_fp);
    let (read_write, rw_claims) = rw::zk::prove_evals_zk(
        &public_ram,
        &rw_witness,
        &rw_blinds,
        region.is_some().then_some(&private_cells[..]),
        (&clear, &hidden),
        &mut circuit,
        &gens,
        t,
        rng,
        &mut acc,
    );
    let private_input = region.map(|(poly, commitment, blind)| {
        let value = rw_claims
            .private_value
            .as_ref()
            .expect("a private value row");
        private_input_zk::prove_zk(
            (&poly, commitment, blind),
            private_pages,
            (rw_claims.points.ram_cell(), value),
            &mut circuit,
            &gens,
            t,
            rng,
            &mut acc,
        )
    });
    let (clear, hidden) = claims(byte_openings, byte_fp);
    let byte_range = byte_range_zk::prove_evals_zk(
        &byte_columns,
        &byte_blinds,
        &byte_witness,
        yb[0],
        (&clear, &hidden),
        &mut circuit,
        &gens,
        t,
        rng,
        &mut acc,
    );

    drop(span);
    // I/O, the opening, and the proof of every check.
    let io_proof = io_check_zk::prove_zk(
        &io_stmt,
        &rw_polys[cols::NUM + 2],
        rw_blinds[cols::NUM + 2],
        &mut circuit,
        &gens,
        t,
        rng,
        &mut acc,
    );
    let span = tracing::info_span!("opening proof").entered();
    let opening = acc.prove(&setup, &mut circuit, &gens, t, rng);
    drop(span);
    let span = tracing::info_span!("blindfold", rows = circuit.num_message_rows()).entered();
    let blindfold = blindfold::prove(&circuit, t, rng);
    drop(span);
    let proof = ZkJoltProof {
        log_cycles: n as u32,
        commitments,
        spartan,
        halt: halt_row,
        surge,
        memory_checking,
        bytecode,
        read_write,
        byte_range,
        io: io_proof,
        private_input,
        opening,
        blindfold,
    };
    Ok((proof, circuit))
}
