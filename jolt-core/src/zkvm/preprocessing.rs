//! Preprocessing: everything about a program that prover and verifier fix before a run.
//!
//! The [`VerifierKey`] holds the program (entry and segments), its memory layout, its cycle
//! bound and the commitment scheme's verifier parameters; from them it derives (never from a
//! proof) the bytecode table, the entry row, the initial RAM image, the uniform constraint
//! system and the lookup tables. Its [`VerifierKey::digest`] is the first message of every
//! proof's transcript, so a proof for one program (or layout, or bound) cannot verify
//! against another's key. The [`ProverKey`] adds the decoded bytecode and the prover's
//! commitment parameters, built for the size a trace needs ([`ProverKey::setup`]).
//!
//! Both keys serialize; the verifier key is small (the program image and a few group
//! elements, see [`VerifierKey::to_bytes`]).
//!
//! The commitment parameters come from the caller ([`CommitmentScheme::Parameters`]: `()` for
//! a transparent scheme, a ceremony file or the development SRS for HyperKZG). A key whose
//! parameters have a known trapdoor ([`VerifierKey::is_insecure`]) is refused by the verifier
//! unless [`VerifierKey::allow_insecure_parameters`] was called on it; that permission is not
//! part of the key's bytes.
//!
//! User-defined instructions ([`CustomInstruction`], custom-0 opcode space) are code, not key
//! data: a program using them is preprocessed with [`VerifierKey::with_extensions`] /
//! [`ProverKey::with_extensions`], and a stored key is read back with
//! [`VerifierKey::from_bytes_with_extensions`] given the same list. Their tables follow the
//! built-in ones in the table list, and the digest covers each one's name and function bits, so
//! a key with other (or no) extensions yields a different digest. Without a registration a
//! custom word is an unexecutable row.

use super::bytecode::{program_rows, RowFields};
use super::bytecode_checking::BytecodeTable;
use super::constraints::{rv32im_tables, shape, Columns};
use super::read_write_memory::{log_cells, pages_of, LOG_PAGE};
use super::statement::guest_words;
use crate::commitment::{CommitmentScheme, SetupError};
use crate::lasso::surge::SurgePreprocessing;
use crate::r1cs::UniformShape;
use crate::utils::serialization::{from_bytes, impl_canonical_fields, to_bytes, SafeVec};
use jolt_common::MemoryLayout;
use jolt_instructions::{CustomInstruction, Instruction, LOG_M};
use jolt_tracer::{Bytecode, BytecodeError, Program, RunConfig, Segment};
use std::sync::{Arc, Mutex};

/// Largest supported `log2` of the padded cycle count.
pub const MAX_LOG_CYCLES: usize = 29;

/// Why a program cannot be preprocessed, or a key does not decode.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PreprocessingError {
    /// The entry point is not an instruction of the program.
    #[error("the entry point {0:#010x} is not an instruction of the program")]
    BadEntry(u32),
    /// A code address too high for `pc + 4` to stay below `2^32`.
    #[error("code at {0:#010x} is too close to the top of the address space")]
    CodeTooHigh(u32),
    /// The program does not fit the memory layout.
    #[error("the program does not fit the memory layout: {0}")]
    Layout(String),
    /// The cycle bound is out of the supported range.
    #[error("max_cycles = {0} is not supported (at most 2^{MAX_LOG_CYCLES})")]
    MaxCycles(u64),
    /// The key bytes do not decode.
    #[error("the key file is corrupt or not a key of this scheme")]
    Corrupt,
    /// The custom instructions cannot be registered together, or the stack guard does not fit.
    #[error("{0}")]
    Bytecode(BytecodeError),
    /// Guest memory or the code is larger than a key may describe (checked before anything
    /// of that size is allocated, so a hostile key file cannot exhaust memory).
    #[error("{what} spans {size} bytes; at most {max} are supported")]
    TooLarge {
        /// What is too large: guest memory or the code.
        what: &'static str,
        /// Its size in bytes.
        size: u64,
        /// The largest size supported, in bytes.
        max: u64,
    },
    /// More lookup tables than a row's `table` field (8 bits, 0 for none) can name.
    #[error("{0} lookup tables with the custom instructions; at most {MAX_TABLES} are supported")]
    TooManyTables(usize),
    /// The commitment parameters cannot be set up.
    #[error("{0}")]
    Setup(SetupError),
    /// A prover key read back with other commitment parameters than it was made with.
    #[error(
        "the commitment parameters are not the ones the key was made with: \
         use the same .ptau file (or the development SRS) as when preprocessing"
    )]
    ParametersMismatch,
}

/// Most lookup tables a program can have, built-in and custom together.
pub const MAX_TABLES: usize = u8::MAX as usize;
/// Largest guest memory (I/O region and RAM, `[private_input_start, RAM_START + memory_size)`), in
/// bytes.
pub const MAX_GUEST_MEMORY: u64 = 1 << 30;
/// Largest span of the executable segments (first code byte to last), in bytes: the bytecode
/// table has a row per word of it.
pub const MAX_CODE_SPAN: u64 = 1 << 26;

/// Checks the sizes a key implies before anything of that size is allocated: guest memory
/// (which also keeps it inside the 32-bit address space) and the code span.
fn check_sizes(layout: &MemoryLayout, program: &Program) -> Result<(), PreprocessingError> {
    let memory = layout.ram_end() - u64::from(layout.private_input_start());
    if memory > MAX_GUEST_MEMORY {
        return Err(PreprocessingError::TooLarge {
            what: "guest memory (input, output and memory_size)",
            size: memory,
            max: MAX_GUEST_MEMORY,
        });
    }
    let code = program.segments.iter().filter(|s| s.executable);
    let start = code.clone().map(|s| u64::from(s.vaddr)).min();
    let end = code.map(|s| u64::from(s.vaddr) + s.data.len() as u64).max();
    let span = end.zip(start).map_or(0, |(e, s)| e.saturating_sub(s));
    if span > MAX_CODE_SPAN {
        return Err(PreprocessingError::TooLarge {
            what: "the code",
            size: span,
            max: MAX_CODE_SPAN,
        });
    }
    Ok(())
}

/// The initial RAM words from `private_input_start` (the lowest guest address) on, up to the
/// last non-zero byte of the image (what `Memory::new(layout, program, &[], &[])` holds
/// there, without allocating all of memory).
/// The program must fit the layout.
fn image_words(layout: &MemoryLayout, program: &Program) -> Vec<u32> {
    let base = u64::from(layout.private_input_start());
    let end = program
        .segments
        .iter()
        .filter_map(|s| {
            let last = s.data.iter().rposition(|b| *b != 0)?;
            Some(u64::from(s.vaddr) + last as u64 + 1)
        })
        .max()
        .unwrap_or(base);
    let mut words = vec![0u32; (end.saturating_sub(base)).div_ceil(4) as usize];
    for s in &program.segments {
        for (k, &b) in s.data.iter().enumerate() {
            let a = u64::from(s.vaddr) + k as u64;
            if let Some(w) = a
                .checked_sub(base)
                .and_then(|o| words.get_mut((o / 4) as usize))
            {
                let shift = 8 * (a % 4);
                *w = (*w & !(0xff << shift)) | (u32::from(b) << shift);
            }
        }
    }
    words
}

/// The serialized part of a verifier key.
#[derive(Clone, Debug, PartialEq)]
struct KeyData<PCS: CommitmentScheme> {
    /// `max_input_size, max_private_input_size, max_output_size, stack_size, memory_size`.
    layout: SafeVec<u32>,
    max_cycles: u64,
    /// Whether the bytecode has the stack guard's rows ([`RunConfig::stack_guard`]).
    stack_guard: bool,
    entry: u32,
    /// `(vaddr, mem_size, executable, data)` per segment.
    segments: SafeVec<SegmentData>,
    pcs: PCS::VerifierSetup,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct SegmentData {
    vaddr: u32,
    mem_size: u32,
    executable: bool,
    data: SafeVec<u8>,
}

impl_canonical_fields!([] SegmentData where [] { vaddr, mem_size, executable, data });

/// The serialized prover key: the verifier key's bytes and the commitment parameters built
/// so far (with the number of variables they cover).
struct ProverKeyData<PCS: CommitmentScheme> {
    vk: SafeVec<u8>,
    setup: Option<(u64, PCS::ProverSetup)>,
}

impl_canonical_fields!([PCS: CommitmentScheme] ProverKeyData<PCS> where [] { vk, setup });
impl_canonical_fields!([PCS: CommitmentScheme] KeyData<PCS> where [] {
    layout, max_cycles, stack_guard, entry, segments, pcs
});

/// What the verifier knows about a program (see the [module documentation](self)).
pub struct VerifierKey<PCS: CommitmentScheme> {
    data: KeyData<PCS>,
    /// The program (no symbols).
    pub program: Program,
    /// The memory layout.
    pub layout: MemoryLayout,
    /// The cycle bound.
    pub max_cycles: u64,
    /// The bytecode table (rows of the program, then the no-op row).
    pub rows: Vec<RowFields>,
    /// The bytecode memory of [`super::bytecode_checking`].
    pub bytecode_table: BytecodeTable,
    /// The row cycle 0 executes.
    pub entry_row: u64,
    /// The initial RAM words from `private_input_start` on, inputs excluded, trailing zeros
    /// trimmed.
    pub image: Vec<u32>,
    /// The lookup tables, in table-flag order: the built-in ones, then `extensions`'.
    pub tables: Vec<&'static dyn Instruction>,
    /// The registered custom instructions.
    pub extensions: &'static [CustomInstruction],
    /// The uniform constraint system and its columns.
    pub shape: UniformShape,
    /// The witness columns of `shape`, as its variables.
    pub columns: Columns,
    /// Surge's layout of the tables.
    pub surge: SurgePreprocessing,
    /// `log2` of the padded cycle bound.
    pub max_log_cycles: usize,
    /// `log2` of the number of RAM cells the layout allows (cell 0 is the dummy).
    pub max_log_ram: usize,
    /// The largest number of variables of a committed polynomial.
    pub max_num_vars: usize,
    digest: [u8; 32],
    /// Accept proofs although the parameters are insecure (never serialized).
    allow_insecure: bool,
}

fn ceil_log2(x: u64) -> usize {
    x.max(1).next_power_of_two().trailing_zeros() as usize
}

/// The largest number of variables of a polynomial a proof of runs bounded by `config`
/// commits to: parameters for `2^max_num_vars` evaluations cover every run.
pub fn max_num_vars(config: &RunConfig) -> Result<usize, PreprocessingError> {
    Ok(size_bounds(&config.layout, config.max_cycles)?.2)
}

/// `(max_log_cycles, max_log_ram, max_num_vars)` of a layout and cycle bound: the padded
/// cycle bound, the RAM cells of every page of guest memory (and the null page) and the largest
/// committed polynomial (the slotted timestamp range table, RAM, or Surge's counts).
fn size_bounds(
    layout: &MemoryLayout,
    max_cycles: u64,
) -> Result<(usize, usize, usize), PreprocessingError> {
    let max_log_cycles = ceil_log2(max_cycles.max(2));
    if max_log_cycles > MAX_LOG_CYCLES {
        return Err(PreprocessingError::MaxCycles(max_cycles));
    }
    let (first_word, end_word) = guest_words(layout);
    let pages = pages_of(first_word, end_word);
    let max_log_ram = log_cells((pages.end() - pages.start() + 1) as usize);
    let max_num_vars = (max_log_cycles + 2).max(max_log_ram).max(LOG_M);
    Ok((max_log_cycles, max_log_ram, max_num_vars))
}

impl<PCS: CommitmentScheme> VerifierKey<PCS> {
    /// Preprocesses `program` for runs bounded by `config` (its layout, cycle bound and stack
    /// guard are part of the statement), without custom instructions, with commitment
    /// parameters `params`.
    pub fn new(
        program: &Program,
        config: &RunConfig,
        params: &PCS::Parameters,
    ) -> Result<Self, PreprocessingError> {
        Self::with_extensions(program, config, &[], params)
    }

    /// Preprocesses `program`, whose custom-0 words execute the instructions of `extensions`.
    #[tracing::instrument(skip_all, name = "verifier key")]
    pub fn with_extensions(
        program: &Program,
        config: &RunConfig,
        extensions: &'static [CustomInstruction],
        params: &PCS::Parameters,
    ) -> Result<Self, PreprocessingError> {
        let layout = config.layout;
        let (_, _, max_num_vars) = size_bounds(&layout, config.max_cycles)?;
        let data = KeyData::<PCS> {
            layout: vec![
                layout.max_input_size,
                layout.max_private_input_size,
                layout.max_output_size,
                layout.stack_size,
                layout.memory_size,
            ]
            .into(),
            max_cycles: config.max_cycles,
            stack_guard: config.stack_guard,
            entry: program.entry,
            segments: program
                .segments
                .iter()
                .map(|s| SegmentData {
                    vaddr: s.vaddr,
                    mem_size: s.mem_size,
                    executable: s.executable,
                    data: s.data.clone().into(),
                })
                .collect::<Vec<_>>()
                .into(),
            pcs: PCS::verifier_setup(params, max_num_vars).map_err(PreprocessingError::Setup)?,
        };
        Self::from_data(data, extensions)
    }

    fn from_data(
        data: KeyData<PCS>,
        extensions: &'static [CustomInstruction],
    ) -> Result<Self, PreprocessingError> {
        let [max_input_size, max_private_input_size, max_output_size, stack_size, memory_size] =
            data.layout[..]
        else {
            return Err(PreprocessingError::Corrupt);
        };
        let layout = MemoryLayout {
            max_input_size,
            max_private_input_size,
            max_output_size,
            stack_size,
            memory_size,
        };
        let program = Program {
            entry: data.entry,
            segments: data
                .segments
                .iter()
                .map(|s| Segment {
                    vaddr: s.vaddr,
                    data: s.data.to_vec(),
                    mem_size: s.mem_size,
                    executable: s.executable,
                })
                .collect(),
            functions: Vec::new(),
        };
        check_sizes(&layout, &program)?;
        layout
            .check(program.image_end())
            .map_err(|e| PreprocessingError::Layout(e.to_string()))?;
        let (max_log_cycles, max_log_ram, max_num_vars) = size_bounds(&layout, data.max_cycles)?;

        let mut tables = rv32im_tables();
        tables.extend(extensions.iter().map(|e| e.table));
        if tables.len() > MAX_TABLES {
            return Err(PreprocessingError::TooManyTables(tables.len()));
        }
        let config = RunConfig {
            layout,
            max_cycles: data.max_cycles,
            stack_guard: data.stack_guard,
        };
        let bytecode = Bytecode::for_run(&program, &config, extensions)
            .map_err(PreprocessingError::Bytecode)?;
        let entry_row = bytecode
            .row_of(program.entry)
            .ok_or(PreprocessingError::BadEntry(program.entry))? as u64;
        if let Some(r) = bytecode.rows.iter().find(|r| r.address >= u32::MAX - 3) {
            return Err(PreprocessingError::CodeTooHigh(r.address));
        }
        let rows = program_rows(&bytecode);
        let bytecode_table = BytecodeTable::new(&rows, tables.len());
        let image = image_words(&layout, &program);
        let (shape, columns) = shape(&tables);
        let surge = SurgePreprocessing::new(&tables);
        let digest = Self::compute_digest(&data, &tables, extensions);
        Ok(Self {
            max_cycles: data.max_cycles,
            data,
            program,
            layout,
            rows,
            bytecode_table,
            entry_row,
            image,
            tables,
            extensions,
            shape,
            columns,
            surge,
            max_log_cycles,
            max_log_ram,
            max_num_vars,
            digest,
            allow_insecure: false,
        })
    }

    fn compute_digest(
        data: &KeyData<PCS>,
        tables: &[&'static dyn Instruction],
        extensions: &[CustomInstruction],
    ) -> [u8; 32] {
        let mut t = merlin::Transcript::new(b"jolt verifier key");
        t.append_message(b"key", &to_bytes(data));
        for table in tables {
            t.append_message(b"table", table.name().as_bytes());
        }
        for e in extensions {
            t.append_message(b"custom", &[e.funct3, e.funct7]);
        }
        let mut digest = [0u8; 32];
        t.challenge_bytes(b"digest", &mut digest);
        digest
    }

    /// The key's digest: the first message of every proof's transcript.
    pub fn digest(&self) -> &[u8; 32] {
        &self.digest
    }

    /// The run configuration the key fixes.
    pub fn run_config(&self) -> RunConfig {
        RunConfig {
            layout: self.layout,
            max_cycles: self.max_cycles,
            stack_guard: self.data.stack_guard,
        }
    }

    /// The commitment scheme's verifier parameters.
    pub fn pcs(&self) -> &PCS::VerifierSetup {
        &self.data.pcs
    }

    /// True when the commitment parameters have a known trapdoor (HyperKZG's development
    /// SRS): anyone can forge proofs against this key.
    pub fn is_insecure(&self) -> bool {
        PCS::is_insecure(&self.data.pcs)
    }

    /// Lets the verifier accept proofs against this key even if [`Self::is_insecure`]
    /// (development and tests only). The permission is not serialized.
    pub fn allow_insecure_parameters(&mut self) {
        self.allow_insecure = true;
    }

    /// Whether [`Self::allow_insecure_parameters`] was called.
    pub fn allows_insecure_parameters(&self) -> bool {
        self.allow_insecure
    }

    /// Serializes the key (compressed ark-serialize).
    pub fn to_bytes(&self) -> Vec<u8> {
        to_bytes(&self.data)
    }

    /// Decodes a key written by [`Self::to_bytes`] and re-derives everything from it.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, PreprocessingError> {
        Self::from_bytes_with_extensions(bytes, &[])
    }

    /// Decodes a key of a program with custom instructions (see [`Self::with_extensions`]);
    /// `extensions` must be the list the key was made with, or proofs will not verify.
    pub fn from_bytes_with_extensions(
        bytes: &[u8],
        extensions: &'static [CustomInstruction],
    ) -> Result<Self, PreprocessingError> {
        let data: KeyData<PCS> = from_bytes(bytes).map_err(|_| PreprocessingError::Corrupt)?;
        Self::from_data(data, extensions)
    }
}

impl<PCS: CommitmentScheme> std::fmt::Debug for VerifierKey<PCS> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VerifierKey")
            .field("layout", &self.layout)
            .field("max_cycles", &self.max_cycles)
            .field("bytecode_rows", &self.rows.len())
            .field("digest", &self.digest)
            .field("insecure", &self.is_insecure())
            .finish()
    }
}

/// What the prover needs: the verifier key, the decoded bytecode and the commitment
/// parameters (built on first use for the size a trace needs, then kept).
pub struct ProverKey<PCS: CommitmentScheme> {
    /// The verifier key.
    pub vk: VerifierKey<PCS>,
    /// The decoded program.
    pub bytecode: Bytecode,
    params: PCS::Parameters,
    setup: Mutex<Option<(usize, Arc<PCS::ProverSetup>)>>,
}

impl<PCS: CommitmentScheme> ProverKey<PCS> {
    /// Preprocesses `program` (see [`VerifierKey::new`]).
    pub fn new(
        program: &Program,
        config: &RunConfig,
        params: &PCS::Parameters,
    ) -> Result<Self, PreprocessingError> {
        Self::with_extensions(program, config, &[], params)
    }

    /// Preprocesses `program` with custom instructions (see [`VerifierKey::with_extensions`]).
    #[tracing::instrument(skip_all, name = "prover key")]
    pub fn with_extensions(
        program: &Program,
        config: &RunConfig,
        extensions: &'static [CustomInstruction],
        params: &PCS::Parameters,
    ) -> Result<Self, PreprocessingError> {
        let vk = VerifierKey::with_extensions(program, config, extensions, params)?;
        let bytecode = Bytecode::for_run(&vk.program, &vk.run_config(), extensions)
            .map_err(PreprocessingError::Bytecode)?;
        Ok(Self {
            vk,
            bytecode,
            params: params.clone(),
            setup: Mutex::new(None),
        })
    }

    /// Serializes the key: the verifier key and the commitment parameters built so far
    /// (compressed ark-serialize).
    pub fn to_bytes(&self) -> Vec<u8> {
        // The encoding of `ProverKeyData` (an `Option` is a flag, then its value), written
        // without copying the parameters.
        use ark_serialize::CanonicalSerialize;
        let guard = self.setup.lock().unwrap_or_else(|e| e.into_inner());
        let mut out = to_bytes(&SafeVec::from(self.vk.to_bytes()));
        out.extend(to_bytes(&guard.is_some()));
        if let Some((n, setup)) = guard.as_ref() {
            out.extend(to_bytes(&(*n as u64)));
            // Writing into a Vec cannot fail.
            let _ = setup.serialize_compressed(&mut out);
        }
        out
    }

    /// Decodes a key written by [`Self::to_bytes`] (of a program without custom instructions)
    /// made with the commitment parameters `params`.
    pub fn from_bytes(bytes: &[u8], params: &PCS::Parameters) -> Result<Self, PreprocessingError> {
        Self::from_bytes_with_extensions(bytes, &[], params)
    }

    /// Decodes a key written by [`Self::to_bytes`] (with the custom instructions and the
    /// commitment parameters it was made with).
    pub fn from_bytes_with_extensions(
        bytes: &[u8],
        extensions: &'static [CustomInstruction],
        params: &PCS::Parameters,
    ) -> Result<Self, PreprocessingError> {
        let data: ProverKeyData<PCS> =
            from_bytes(bytes).map_err(|_| PreprocessingError::Corrupt)?;
        let vk = VerifierKey::from_bytes_with_extensions(&data.vk, extensions)?;
        let expected =
            PCS::verifier_setup(params, vk.max_num_vars).map_err(PreprocessingError::Setup)?;
        if &expected != vk.pcs() {
            return Err(PreprocessingError::ParametersMismatch);
        }
        let bytecode = Bytecode::for_run(&vk.program, &vk.run_config(), extensions)
            .map_err(PreprocessingError::Bytecode)?;
        Ok(Self {
            vk,
            bytecode,
            params: params.clone(),
            setup: Mutex::new(data.setup.map(|(n, s)| (n as usize, Arc::new(s)))),
        })
    }

    /// Builds the commitment parameters a run of `cycles` cycles needs (the part of
    /// preprocessing that depends on the size) and the lookup subtables, so that proving does
    /// not; a run whose RAM reaches far beyond its image and stack may still grow them.
    pub fn prepare(&self, cycles: u64) -> Result<(), SetupError> {
        self.vk.surge.materialized();
        let log_cycles = ceil_log2(cycles.max(2));
        // The pages of the image (from the input region on) and of the stack above it.
        let words = self.vk.image.len() as u64 + u64::from(self.vk.layout.stack_size) / 4;
        let log_ram = log_cells(words.div_ceil(1 << LOG_PAGE) as usize + 1);
        self.setup((log_cycles + 2).max(log_ram).max(LOG_M))
            .map(|_| ())
    }

    /// The prover's commitment parameters for a proof whose largest polynomial has `num_vars`
    /// variables, built on first use (and rebuilt when a trace of another size needs them: a
    /// scheme may lay every polynomial out by the largest one's size).
    pub fn setup(&self, num_vars: usize) -> Result<Arc<PCS::ProverSetup>, SetupError> {
        let num_vars = num_vars.min(self.vk.max_num_vars);
        let mut guard = self.setup.lock().unwrap_or_else(|e| e.into_inner());
        match &*guard {
            Some((n, s)) if *n == num_vars => Ok(s.clone()),
            _ => {
                let _span = tracing::info_span!("commitment parameters", num_vars).entered();
                let s = Arc::new(PCS::prover_setup(
                    &self.params,
                    self.vk.max_num_vars,
                    num_vars,
                )?);
                *guard = Some((num_vars, s.clone()));
                Ok(s)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commitment::hyrax::Hyrax;
    use jolt_instructions::{ChunkPositions, ExtensionError, Fr, IndexPacking, LookupId, Subtable};
    use jolt_tracer::Segment;

    /// A built-in table under the name `.0`.
    #[derive(Debug)]
    struct Renamed(&'static str, LookupId);

    impl Instruction for Renamed {
        fn name(&self) -> &'static str {
            self.0
        }
        fn lookup_entry(&self, x: u32, y: u32) -> u32 {
            self.1.table().lookup_entry(x, y)
        }
        fn packing(&self) -> IndexPacking {
            self.1.table().packing()
        }
        fn subtables(&self) -> Vec<(Box<dyn Subtable>, ChunkPositions)> {
            self.1.table().subtables()
        }
        fn combine_lookups(&self, vals: &[Fr]) -> Fr {
            self.1.table().combine_lookups(vals)
        }
        fn g_degree(&self) -> usize {
            self.1.table().g_degree()
        }
    }

    static XOR2: Renamed = Renamed("TEST_XOR2", LookupId::Xor);
    static EXTENSIONS: [CustomInstruction; 1] = [CustomInstruction {
        funct3: 0,
        funct7: 0,
        table: &XOR2,
    }];

    fn program() -> Program {
        // x7 := custom(x5, x6); a7 := 93; ecall.
        let words = [EXTENSIONS[0].encode(7, 5, 6), 0x05d0_0893, 0x0000_0073];
        let data: Vec<u8> = words.iter().flat_map(|w| w.to_le_bytes()).collect();
        Program {
            entry: 0x8000_0000,
            segments: vec![Segment {
                vaddr: 0x8000_0000,
                mem_size: data.len() as u32,
                data,
                executable: true,
            }],
            functions: vec![],
        }
    }

    fn config() -> RunConfig {
        RunConfig {
            layout: MemoryLayout {
                memory_size: 1 << 20,
                ..MemoryLayout::default()
            },
            max_cycles: 1 << 10,
            stack_guard: false,
        }
    }

    #[test]
    fn extension_tables_follow_the_builtin_ones_and_enter_the_digest() {
        let plain = VerifierKey::<Hyrax>::new(&program(), &config(), &()).unwrap();
        let with =
            VerifierKey::<Hyrax>::with_extensions(&program(), &config(), &EXTENSIONS, &()).unwrap();
        assert_eq!(with.tables.len(), plain.tables.len() + 1);
        assert_eq!(with.tables.last().map(|t| t.name()), Some("TEST_XOR2"));
        assert_eq!(with.columns.table_flags.len(), with.tables.len());
        assert_ne!(with.digest(), plain.digest());
        assert_eq!(plain.rows[0].table, None);
        assert_eq!(with.rows[0].table, Some(LookupId::ALL.len()));

        let bytes = with.to_bytes();
        assert_eq!(
            bytes,
            plain.to_bytes(),
            "the registration is code, not key data"
        );
        let read = VerifierKey::<Hyrax>::from_bytes_with_extensions(&bytes, &EXTENSIONS).unwrap();
        assert_eq!(read.digest(), with.digest());

        // Other function bits for the same table: another key.
        static MOVED: [CustomInstruction; 1] = [CustomInstruction {
            funct3: 1,
            funct7: 0,
            table: &XOR2,
        }];
        let moved =
            VerifierKey::<Hyrax>::with_extensions(&program(), &config(), &MOVED, &()).unwrap();
        assert_ne!(moved.digest(), with.digest());
    }

    #[test]
    fn bad_registrations_are_preprocessing_errors() {
        static TWICE: [CustomInstruction; 2] = [
            CustomInstruction {
                funct3: 0,
                funct7: 0,
                table: &XOR2,
            },
            CustomInstruction {
                funct3: 1,
                funct7: 0,
                table: &XOR2,
            },
        ];
        assert!(matches!(
            ProverKey::<Hyrax>::with_extensions(&program(), &config(), &TWICE, &()),
            Err(PreprocessingError::Bytecode(BytecodeError::Extensions(
                ExtensionError::TableName("TEST_XOR2")
            )))
        ));
        let many: Vec<CustomInstruction> = (0..=MAX_TABLES - LookupId::ALL.len())
            .map(|k| {
                let name: &'static str = Box::leak(format!("TEST_{k}").into_boxed_str());
                let table: &'static Renamed = Box::leak(Box::new(Renamed(name, LookupId::Xor)));
                CustomInstruction {
                    funct3: (k % 8) as u8,
                    funct7: (k / 8) as u8,
                    table,
                }
            })
            .collect();
        let many: &'static [CustomInstruction] = Box::leak(many.into_boxed_slice());
        assert_eq!(
            VerifierKey::<Hyrax>::with_extensions(&program(), &config(), many, &()).err(),
            Some(PreprocessingError::TooManyTables(MAX_TABLES + 1))
        );
    }

    /// Key bytes whose layout claims 4 GiB of memory, or whose two code segments lie a
    /// gigabyte apart, are refused before the memory or the bytecode table is allocated.
    #[test]
    fn hostile_key_sizes_are_refused_before_allocating() {
        let honest = VerifierKey::<Hyrax>::new(&program(), &config(), &()).unwrap();
        let mut data = honest.data.clone();
        data.layout = vec![64, 0, 64, 4096, u32::MAX].into();
        let bytes = to_bytes(&data);
        assert!(matches!(
            VerifierKey::<Hyrax>::from_bytes(&bytes),
            Err(PreprocessingError::TooLarge {
                max: MAX_GUEST_MEMORY,
                ..
            })
        ));
        for private in [u32::MAX, 1 << 31] {
            let mut data = honest.data.clone();
            data.layout = vec![64, private, 64, 4096, 1 << 20].into();
            let r = VerifierKey::<Hyrax>::from_bytes(&to_bytes(&data));
            assert!(
                matches!(
                    r,
                    Err(PreprocessingError::TooLarge {
                        max: MAX_GUEST_MEMORY,
                        ..
                    })
                ),
                "{r:?}"
            );
        }
        let mut data = honest.data.clone();
        let far = SegmentData {
            vaddr: 0x8000_0000 + (1 << 29),
            mem_size: 4,
            executable: true,
            data: vec![0x13, 0, 0, 0].into(),
        };
        data.segments = vec![data.segments[0].clone(), far].into();
        data.layout = vec![64, 0, 64, 4096, 1 << 29].into();
        let bytes = to_bytes(&data);
        assert!(matches!(
            VerifierKey::<Hyrax>::from_bytes(&bytes),
            Err(PreprocessingError::TooLarge {
                max: MAX_CODE_SPAN,
                ..
            })
        ));
        // The prover key of such a key is refused the same way.
        let pk_bytes = to_bytes(&ProverKeyData::<Hyrax> {
            vk: bytes.into(),
            setup: None,
        });
        assert!(matches!(
            ProverKey::<Hyrax>::from_bytes(&pk_bytes, &()),
            Err(PreprocessingError::TooLarge {
                max: MAX_CODE_SPAN,
                ..
            })
        ));
    }

    /// The image the key derives without allocating all of memory is the emulator's memory
    /// up to its last non-zero word.
    #[test]
    fn image_words_match_the_emulators_memory() {
        let mut p = program();
        p.segments.push(Segment {
            vaddr: 0x8000_0100,
            data: vec![0, 7, 0, 0, 0, 9, 0, 0],
            mem_size: 64,
            executable: false,
        });
        let layout = config().layout;
        let memory = jolt_tracer::Memory::new(&layout, &p, &[], &[]);
        let words = memory.words();
        let used = words.iter().rposition(|w| *w != 0).map_or(0, |i| i + 1);
        assert_eq!(image_words(&layout, &p), words[..used]);
    }
}
