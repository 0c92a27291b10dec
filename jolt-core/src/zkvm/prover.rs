//! The zkVM prover: runs the program, builds every witness from the trace, commits once and
//! proves all sub-protocols over one transcript, ending with one batched opening.
//!
//! Transcript order (the verifier's, [`super::verifier`]): statement
//! ([`super::statement::append_statement`], with a segment's start and end states), the
//! private input's page commitments (a program with a private input region, at the entry),
//! commitments, Spartan (and its column claims), the boundary claims (`row(0) = start row`,
//! then `flag_halt(cycles − 1) = 1` and `rs1_value(cycles − 1) = exit code`, or a paused
//! segment's last-cycle columns, [`boundary_claims`]), Surge's primary sumcheck, the
//! statements and fingerprints of the four memory checks (Surge, bytecode, registers/RAM,
//! byte range), their one grand product, then each check's evaluations in that order (the RAM
//! openings of a resumed start, of the private input and of a paused end,
//! [`super::boundary`], after registers/RAM's), I/O (a halting segment), the batched opening.

use super::boundary::{last_cycle_columns, End, MachineState, PauseProof, Segment, Start};
use super::byte_range::{self, ByteRangeWitness};
use super::bytecode_checking::{self, BytecodeWitness};
use super::io_check;
use super::memory_common::compact;
use super::preprocessing::{ProverKey, VerifierKey};
use super::proof::{JoltCommitments, JoltProof, RW_OWN_COLUMNS};
use super::read_write_memory::page_commitments::{commit_slots, prove_opening};
use super::read_write_memory::private_input::{self, PrivateInputProof};
use super::read_write_memory::{self as rw, cols, CycleAccess, MemoryInit, RwWitness};
use super::statement::{
    append_statement, boundary_claims, byte_columns, bytecode_columns, guest_words, io_statement,
    le_words, memory_init, DOMAIN,
};
use super::witness::WitnessTable;
use crate::commitment::{CommitmentScheme, SetupError};
use crate::field::Fr;
use crate::field::JoltField;
use crate::lasso::memory_checking;
use crate::lasso::surge::{self, SurgeWitness};
use crate::opening_accumulator::ProverOpeningAccumulator;
use crate::poly::MultilinearPolynomial;
use crate::r1cs::spartan;
use crate::transcript::Transcript;
use crate::utils::serialization::SafeVec;
use jolt_instructions::{LOG_M, REGISTER_COUNT};
use jolt_tracer::{run_with_private_input, Cycle, EmulatorError, ProgramIo, Trace};

/// Why a proof could not be produced.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProveError {
    /// The program failed to run to its exit (including not halting within the bound).
    #[error("{0}")]
    Run(EmulatorError),
    /// The run does not fit the statement (e.g. too many outputs).
    #[error("{0}")]
    Statement(String),
    /// The commitment parameters do not cover the run.
    #[error("{0}")]
    Setup(SetupError),
}

/// Runs the program on `inputs` and proves the run. Returns the public I/O and the proof.
pub fn prove<PCS: CommitmentScheme>(
    pk: &ProverKey<PCS>,
    inputs: &[u8],
) -> Result<(ProgramIo, JoltProof<PCS>), ProveError> {
    prove_with_private_input(pk, inputs, &[])
}

/// Runs the program on `inputs` and `private_input` (in its private input region) and proves
/// the run. Returns the public I/O and the proof; the proof commits to the private input
/// region and the verifier never sees it.
#[tracing::instrument(skip_all, name = "prove")]
pub fn prove_with_private_input<PCS: CommitmentScheme>(
    pk: &ProverKey<PCS>,
    inputs: &[u8],
    private_input: &[u8],
) -> Result<(ProgramIo, JoltProof<PCS>), ProveError> {
    let (io, witness) = execute(pk, inputs, private_input)?;
    let proof = prove_witness(pk, &io, witness)?;
    Ok((io, proof))
}

/// Runs the program on `inputs` and `private_input` and returns its public I/O and the
/// witness of the run.
pub(super) fn execute<PCS: CommitmentScheme>(
    pk: &ProverKey<PCS>,
    inputs: &[u8],
    private_input: &[u8],
) -> Result<(ProgramIo, ZkvmWitness), ProveError> {
    let mut trace = Trace::default();
    let config = pk.vk.run_config();
    let span = tracing::info_span!("trace", cycles = tracing::field::Empty).entered();
    let execution = run_with_private_input(
        &pk.vk.program,
        &pk.bytecode,
        &config,
        inputs,
        private_input,
        &mut trace,
    )
    .map_err(ProveError::Run)?;
    span.record("cycles", execution.cycles);
    drop(span);
    let mut witness = ZkvmWitness::new(&pk.vk, &trace.cycles);
    witness.private_input = private_input.to_vec();
    Ok((execution.io, witness))
}

/// Writes `private_input` into the private input region of the initial RAM `ram` (the lowest
/// words of guest memory).
pub(super) fn load_private_input<PCS: CommitmentScheme>(
    vk: &VerifierKey<PCS>,
    ram: &mut MemoryInit,
    private_input: &[u8],
) -> Result<(), ProveError> {
    if private_input.len() > vk.layout.max_private_input_size as usize {
        return Err(ProveError::Statement(format!(
            "{} private input bytes, but the program takes at most {}",
            private_input.len(),
            vk.layout.max_private_input_size
        )));
    }
    for (w, v) in ram.words.iter_mut().zip(le_words(private_input)) {
        *w = v;
    }
    Ok(())
}

#[tracing::instrument(skip_all, name = "commit", fields(batch = %batch, polys = polys.len()))]
fn commit<PCS: CommitmentScheme>(
    batch: &'static str,
    setup: &PCS::ProverSetup,
    polys: &[&MultilinearPolynomial<Fr>],
) -> SafeVec<PCS::Commitment> {
    PCS::batch_commit(setup, polys).into()
}

/// Proves a trace of the program with public I/O `io`, run without private input. An honest
/// trace (from [`jolt_tracer::run`]) gives a proof that verifies; anything else gives one that
/// does not. (A run on a private input: set [`ZkvmWitness::private_input`] and call
/// [`prove_witness`].)
///
/// # Panics
/// If a cycle refers to a row outside the program, or the trace is longer than
/// `2^`[`super::preprocessing::MAX_LOG_CYCLES`].
pub fn prove_trace<PCS: CommitmentScheme>(
    pk: &ProverKey<PCS>,
    io: &ProgramIo,
    cycles: &[Cycle],
) -> Result<JoltProof<PCS>, ProveError> {
    prove_witness(pk, io, ZkvmWitness::new(&pk.vk, cycles))
}

/// The per-cycle witness a proof is built from: the constraint system's columns, the register
/// and RAM accesses, and the bytecode row of every cycle. Everything else (counts,
/// timestamps, final memory, lookups) is derived from it by [`prove_witness`].
#[derive(Clone, Debug)]
pub struct ZkvmWitness {
    /// The constraint system's columns (padded to a power of two).
    pub table: WitnessTable,
    /// The register and RAM accesses of the real cycles.
    pub accesses: Vec<CycleAccess>,
    /// The bytecode row of every real cycle.
    pub cycle_rows: Vec<u32>,
    /// The pages of guest memory the RAM holds: the I/O region's and the accessed ones.
    pub ram_pages: Vec<u32>,
    /// The private input the run started with (a segment starting at the entry).
    pub private_input: Vec<u8>,
}

impl ZkvmWitness {
    /// The witness of `cycles`.
    #[tracing::instrument(skip_all, name = "witness table", fields(cycles = cycles.len()))]
    pub fn new<PCS: CommitmentScheme>(vk: &VerifierKey<PCS>, cycles: &[Cycle]) -> Self {
        let accesses = rw::accesses(&vk.rows, cycles);
        let ram_pages =
            MemoryInit::pages_for(guest_words(&vk.layout), accesses.iter().map(|a| a.ram_word));
        Self {
            table: WitnessTable::new(&vk.columns, &vk.rows, cycles),
            accesses,
            cycle_rows: cycles.iter().map(|cy| cy.row).collect(),
            ram_pages,
            private_input: Vec::new(),
        }
    }
}

/// The sub-protocols' witnesses of a run, built from its per-cycle witness.
pub(super) struct SubWitnesses {
    /// The constraint system's columns.
    pub w: Vec<MultilinearPolynomial<Fr>>,
    /// Registers and RAM.
    pub rw: RwWitness,
    /// Registers and RAM's polynomials ([`rw::NUM_POLYS`] of them).
    pub rw_polys: Vec<MultilinearPolynomial<Fr>>,
    /// The bytecode check's.
    pub bytecode: BytecodeWitness,
    /// Surge's (its chunks, flags and output are constraint-system columns).
    pub surge: SurgeWitness,
    /// The byte range check's.
    pub bytes: ByteRangeWitness,
    /// The byte columns the byte range check reads (constraint-system columns).
    pub byte_columns: Vec<MultilinearPolynomial<Fr>>,
    /// The bytecode check's multiplicities (its only polynomial that is not a column).
    pub bytecode_counts: MultilinearPolynomial<Fr>,
    /// The byte range check's multiplicities.
    pub byte_counts: MultilinearPolynomial<Fr>,
}

impl SubWitnesses {
    /// The witnesses of the run whose columns are `table` and accesses `accesses`, starting
    /// with the RAM `ram`.
    #[tracing::instrument(skip_all, name = "witness")]
    pub fn new<PCS: CommitmentScheme>(
        vk: &VerifierKey<PCS>,
        table: WitnessTable,
        accesses: &[CycleAccess],
        ram: &MemoryInit,
    ) -> Self {
        let c = &vk.columns;
        let len = table.len;
        let col = |v: crate::r1cs::Variable| -> Vec<u64> {
            (0..len).map(|t| table.get(v.index(), t)).collect()
        };
        let rw = RwWitness::new(ram, accesses);
        let lookups: Vec<(Option<usize>, u32, u32)> = (0..len)
            .map(|t| {
                let k = c
                    .table_flags
                    .iter()
                    .position(|v| table.get(v.index(), t) != 0);
                let x = table.get(c.x.index(), t) as u32;
                let y = table.get(c.y.index(), t) as u32;
                (k, x, y)
            })
            .collect();
        let mut surge = SurgeWitness::new(&vk.surge, &lookups);
        let bytes =
            ByteRangeWitness::new(&byte_columns(c).into_iter().map(col).collect::<Vec<_>>());
        let w: Vec<MultilinearPolynomial<Fr>> = table.into_polynomials();
        // The bytecode check reads the committed columns (a dishonest witness's included).
        let bytecode = BytecodeWitness::from_polynomials(
            &vk.bytecode_table,
            bytecode_columns(c)
                .iter()
                .map(|v| w[v.index()].clone())
                .collect(),
        );
        // Shared polynomials: Surge reads the constraint system's columns.
        surge.dim = c.chunks.iter().map(|v| w[v.index()].clone()).collect();
        surge.flags = c.table_flags.iter().map(|v| w[v.index()].clone()).collect();
        surge.lookup_output = w[c.lookup_output.index()].clone();
        let byte_columns = byte_columns(c)
            .iter()
            .map(|v| w[v.index()].clone())
            .collect();
        Self {
            rw_polys: rw.polynomials(),
            bytecode_counts: compact(&bytecode.multiplicities),
            byte_counts: compact(&bytes.multiplicities),
            w,
            rw,
            bytecode,
            surge,
            bytes,
            byte_columns,
        }
    }

    /// The committed polynomials, by the groups of [`JoltCommitments`] (each polynomial that
    /// several sub-proofs use is committed once, in the first group that has it).
    pub fn committed<PCS: CommitmentScheme>(
        &self,
        vk: &VerifierKey<PCS>,
    ) -> [Vec<&MultilinearPolynomial<Fr>>; 5] {
        let rw_own = RW_OWN_COLUMNS
            .iter()
            .copied()
            .chain(cols::NUM..rw::NUM_POLYS)
            .map(|k| &self.rw_polys[k])
            .collect();
        let surge_own = self
            .surge
            .e_polys
            .iter()
            .enumerate()
            // An identity memory's E_m is its chunk, a committed column.
            .filter(|(m, _)| !vk.surge.reads_dim(*m))
            .map(|(_, e)| e)
            .chain(&self.surge.multiplicities)
            .collect();
        [
            self.w.iter().collect(),
            vec![&self.bytecode_counts],
            rw_own,
            surge_own,
            vec![&self.byte_counts],
        ]
    }
}

/// The number of variables the commitment parameters must cover for `2^n` cycles and `2^m`
/// RAM cells.
pub(super) fn commitment_vars<PCS: CommitmentScheme>(
    vk: &VerifierKey<PCS>,
    n: usize,
    log_ram: usize,
) -> usize {
    (n + rw::LOG_SLOTS)
        .max(log_ram)
        .max(LOG_M)
        .max(vk.bytecode_table.log_size)
        .max(byte_range::LOG_TABLE)
}

/// Proves `witness` of a whole run (see [`prove_trace`]; tests build dishonest witnesses
/// with it).
///
/// # Panics
/// If a register or RAM access lies outside its memory (an honest witness never does).
pub fn prove_witness<PCS: CommitmentScheme>(
    pk: &ProverKey<PCS>,
    io: &ProgramIo,
    witness: ZkvmWitness,
) -> Result<JoltProof<PCS>, ProveError> {
    let segment = SegmentWitness {
        start_cycle: 0,
        start: Start::Entry { inputs: &io.inputs },
        start_words: &[],
        exit: Exit::Halt(io),
    };
    prove_segment(pk, &segment, witness)
}

/// How a segment's run ends, for its prover.
#[derive(Clone, Copy, Debug)]
pub enum Exit<'a> {
    /// Halted with this public I/O.
    Halt(&'a ProgramIo),
    /// Paused after all its cycles; `row` is the bytecode row executed next.
    Pause {
        /// The bytecode row executed next (the paused state's row).
        row: u32,
    },
}

/// What a segment is proven from besides its cycles (see [`super::boundary`]).
#[derive(Clone, Copy, Debug)]
pub struct SegmentWitness<'a> {
    /// The cycles of the run before this segment.
    pub start_cycle: u64,
    /// Where the segment's run starts: the entry with the inputs, or a resumed state.
    pub start: Start<'a>,
    /// On resumption, the words of guest memory from `private_input_start` on at the start (the
    /// state's page commitments must commit to them); unused at the entry.
    pub start_words: &'a [u32],
    /// How the segment's run ends: halted with its public I/O, or paused.
    pub exit: Exit<'a>,
}

/// Proves one segment of a run: `witness` holds its cycles (a paused segment's fill all `2^n`
/// of them).
///
/// # Panics
/// If a register or RAM access lies outside its memory (an honest witness never does).
#[tracing::instrument(skip_all, name = "prove segment", fields(cycles = witness.cycle_rows.len()))]
pub fn prove_segment<PCS: CommitmentScheme>(
    pk: &ProverKey<PCS>,
    segment: &SegmentWitness,
    witness: ZkvmWitness,
) -> Result<JoltProof<PCS>, ProveError> {
    let vk = &pk.vk;
    let statement = Segment {
        start_cycle: segment.start_cycle,
        start: segment.start,
        end: match segment.exit {
            Exit::Halt(io) => End::Halt(io),
            Exit::Pause { .. } => End::Pause,
        },
    };
    let c = &vk.columns;
    let ZkvmWitness {
        table,
        accesses,
        cycle_rows,
        ram_pages: pages,
        private_input,
    } = witness;
    let len = table.len;
    let n = len.trailing_zeros() as usize;

    // RAM: the witness's pages (the I/O region's and the accessed ones).
    let statement_err = |e: super::proof::ZkvmError| ProveError::Statement(e.to_string());
    let log_ram = rw::log_cells(pages.len());
    let mut ram = memory_init(vk, &segment.start, log_ram, &pages).map_err(statement_err)?;
    match segment.start {
        Start::Resume(_) => ram.words = segment.start_words.to_vec(),
        // The private input region is the lowest words of guest memory.
        Start::Entry { .. } => load_private_input(vk, &mut ram, &private_input)?,
    }
    let private_pages = match segment.start {
        Start::Entry { .. } => private_input::private_pages(&vk.layout),
        Start::Resume(_) => 0,
    };
    let io_stmt = match segment.exit {
        Exit::Halt(io) => Some(io_statement(&ram, &vk.layout, io).map_err(statement_err)?),
        Exit::Pause { .. } => None,
    };
    let cycles = cycle_rows.len() as u64;
    if let Exit::Pause { .. } = segment.exit {
        if cycles != len as u64 {
            return Err(ProveError::Statement(format!(
                "a paused segment fills its 2^{n} cycles, not {cycles}"
            )));
        }
    }
    let last_cycle: Vec<Fr> = match segment.exit {
        Exit::Halt(_) => vec![],
        Exit::Pause { .. } => last_cycle_columns(c)
            .iter()
            .map(|v| Fr::from_u64(table.get(v.index(), len - 1)))
            .collect(),
    };

    let sub = SubWitnesses::new(vk, table, &accesses, &ram);

    // Commitments.
    let setup = pk
        .setup(commitment_vars(vk, n, log_ram))
        .map_err(ProveError::Setup)?;
    let span = tracing::info_span!("commitments").entered();
    let [witness_polys, bytecode_polys, rw_own, surge_own, byte_polys] = sub.committed(vk);
    let commitments = JoltCommitments::<PCS> {
        witness: commit::<PCS>("witness", &setup, &witness_polys),
        bytecode: commit::<PCS>("bytecode", &setup, &bytecode_polys),
        read_write: commit::<PCS>("registers and RAM", &setup, &rw_own),
        surge: commit::<PCS>("lookups", &setup, &surge_own),
        byte_range: commit::<PCS>("byte range", &setup, &byte_polys),
    };
    drop(span);
    let SubWitnesses {
        w,
        rw: rw_witness,
        rw_polys,
        bytecode: bytecode_witness,
        surge: surge_witness,
        bytes: byte_witness,
        byte_columns: byte_polys_r1cs,
        ..
    } = sub;
    let paused = match segment.exit {
        Exit::Halt(_) => None,
        Exit::Pause { row } => Some(MachineState {
            row,
            registers: rw_witness.reg_final[0]
                .iter()
                .take(REGISTER_COUNT)
                .map(|v| *v as u32)
                .collect::<Vec<_>>()
                .into(),
            pages: commit_slots(&rw_witness.ram_final[0], pages.len()).into(),
        }),
    };

    // The cells of the null slot and the private pages (slots 1..=K).
    let private_cells: Vec<u64> = match private_pages {
        0 => vec![],
        k => (0..(k + 1) << rw::LOG_PAGE).map(|j| ram.value(j)).collect(),
    };
    let private_commitments =
        (private_pages > 0).then(|| commit_slots(&private_cells, private_pages));

    // Sub-proofs over one transcript.
    let mut transcript = Transcript::new(DOMAIN);
    append_statement(
        vk,
        &statement,
        paused.as_ref(),
        (n, cycles, log_ram),
        &mut transcript,
    );
    if let Some(rows) = &private_commitments {
        private_input::append_commitments(rows, &mut transcript);
    }
    commitments.append_to_transcript(&mut transcript);
    let mut acc = ProverOpeningAccumulator::<PCS>::new();
    let (spartan, claims) = spartan::prove(&vk.shape, &w, &mut transcript);
    for (p, v) in w.iter().zip(&claims.evals) {
        acc.append(p.clone(), claims.point.clone(), *v);
    }
    for (v, point, value) in boundary_claims(vk, &statement, &last_cycle, n, cycles) {
        acc.append(w[v.index()].clone(), point, value);
    }
    // The memory checks' fingerprints and leaves, one grand product, then their evaluations.
    let (surge_primary, surge_leaves) =
        surge::prove_lookups(&vk.surge, &surge_witness, &mut transcript, &mut acc);
    let bytecode_leaves =
        bytecode_checking::leaves(&vk.bytecode_table, &bytecode_witness, &mut transcript);
    let rw_leaves = rw::leaves(&ram, &rw_witness, &mut transcript);
    let byte_leaves = byte_range::leaves(&byte_polys_r1cs, &byte_witness, &mut transcript);
    let (memory_checking, openings) = memory_checking::prove_batch(
        vec![surge_leaves, bytecode_leaves, rw_leaves, byte_leaves],
        &mut transcript,
    );
    let [surge_openings, bytecode_openings, rw_openings, byte_openings]: [_; 4] =
        openings.try_into().expect("four memory checks");
    let surge = surge::prove_evals(
        &surge_witness,
        surge_primary,
        &surge_openings,
        &mut transcript,
        &mut acc,
    );
    drop(surge_witness);
    let bytecode = bytecode_checking::prove_evals(
        &bytecode_witness,
        &bytecode_openings,
        &mut transcript,
        &mut acc,
    );
    let (read_write, ram_point) =
        rw::prove_evals(&rw_witness, &rw_openings, &mut transcript, &mut acc);
    // The openings of the initial RAM (a resumed state's, the private input's) and of a paused
    // segment's final RAM at the memory check's cell point.
    let start_ram = match segment.start {
        Start::Entry { .. } => None,
        Start::Resume(_) => {
            let values: Vec<u64> = (0..1usize << log_ram).map(|j| ram.value(j)).collect();
            Some(prove_opening(
                &values,
                pages.len(),
                &ram_point,
                &mut transcript,
            ))
        }
    };
    let private_input = private_commitments.map(|rows| PrivateInputProof {
        pages: rows.into(),
        opening: prove_opening(&private_cells, private_pages, &ram_point, &mut transcript),
    });
    let pause = paused.map(|state| PauseProof {
        state,
        ram: prove_opening(
            &rw_witness.ram_final[0],
            pages.len(),
            &ram_point,
            &mut transcript,
        ),
        last_cycle: last_cycle.into(),
    });
    let byte_range = byte_range::prove_evals(
        &byte_polys_r1cs,
        &byte_witness,
        &byte_openings,
        &mut transcript,
        &mut acc,
    );
    let io_proof = io_stmt.map(|io_stmt| {
        io_check::prove(
            &io_stmt,
            &rw_polys[cols::NUM + 2],
            &mut transcript,
            &mut acc,
        )
    });
    let opening = acc.prove(&setup, &mut transcript);
    Ok(JoltProof {
        log_cycles: n as u32,
        cycles,
        log_ram: log_ram as u32,
        ram_pages: pages.into(),
        commitments,
        spartan,
        surge,
        bytecode,
        read_write,
        byte_range,
        memory_checking,
        start_ram,
        private_input,
        io: io_proof,
        pause,
        opening,
    })
}
