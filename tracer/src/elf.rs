//! ELF loading: a 32-bit little-endian RISC-V executable becomes a [`Program`]: its `PT_LOAD`
//! segments, entry point and function symbols. Loading never decodes instructions, so data,
//! padding and zero words inside executable segments are fine here (only executing one fails).
//!
//! GNU ld's default script maps the ELF and program headers into the first `PT_LOAD` segment,
//! so a program linked at `0x8000_0000` has a segment starting a page below RAM. The bytes of a
//! segment below RAM that no allocated section covers are not program memory and are dropped;
//! a section below RAM (code or data there), or such a segment in an ELF without section
//! headers, is an error.

use std::path::Path;

use object::elf::{self, FileHeader32, ProgramHeader32};
use object::read::elf::{FileHeader, ProgramHeader, SectionHeader};
use object::{LittleEndian, Object, ObjectSymbol, SymbolKind};

use jolt_common::RAM_START;

/// Why a file is not a program this machine runs.
#[derive(Clone, Debug, thiserror::Error, PartialEq, Eq)]
pub enum ElfError {
    /// The file cannot be read.
    #[error("cannot read {path}: {reason}")]
    Io {
        /// The file.
        path: String,
        /// The operating system's error.
        reason: String,
    },
    /// The file does not start with the ELF magic bytes.
    #[error("not an ELF file (bad magic bytes)")]
    NotElf,
    /// A 64-bit ELF.
    #[error("64-bit ELF: build for riscv32im-unknown-none-elf (a 32-bit target)")]
    Not32Bit,
    /// A big-endian ELF.
    #[error("big-endian ELF: RISC-V programs are little-endian")]
    BigEndian,
    /// An ELF for another machine than RISC-V (its `e_machine`).
    #[error(
        "ELF for machine {0} (not RISC-V, which is 243): build for riscv32im-unknown-none-elf"
    )]
    WrongMachine(u16),
    /// An ELF with compressed instructions (the C extension).
    #[error("ELF uses compressed instructions (RVC flag set): build for riscv32im, without the C extension")]
    Compressed,
    /// An ELF for a hardware floating-point ABI (its flags).
    #[error("ELF uses floating-point ABI flags {0:#x}: build for riscv32im with the soft-float ilp32 ABI")]
    FloatAbi(u32),
    /// The ELF parser's error.
    #[error("malformed or truncated ELF: {0}")]
    Malformed(String),
    /// No `PT_LOAD` segment.
    #[error("ELF has no loadable segments")]
    NoSegments,
    /// A segment outside guest RAM.
    #[error("segment at {vaddr:#010x} (+{size:#x} bytes) lies outside guest RAM, which starts at {RAM_START:#010x}")]
    SegmentOutsideRam {
        /// The segment's address.
        vaddr: u32,
        /// Its size in memory.
        size: u32,
    },
    /// The entry point is not an instruction of an executable segment.
    #[error("entry point {0:#010x} is not 4-byte aligned inside an executable segment")]
    BadEntry(u32),
}

/// One `PT_LOAD` segment: `data` is the file image, zero-filled up to `mem_size`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// Its address in guest memory.
    pub vaddr: u32,
    /// Its bytes in the file (zeros follow, up to `mem_size`).
    pub data: Vec<u8>,
    /// Its size in memory.
    pub mem_size: u32,
    /// Whether it holds code.
    pub executable: bool,
}

/// A function symbol, for profiles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FunctionSymbol {
    /// Its first byte.
    pub address: u32,
    /// Its size in bytes.
    pub size: u32,
    /// Its name, demangled.
    pub name: String,
}

/// A loaded RV32IM executable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Program {
    /// The address execution starts at.
    pub entry: u32,
    /// The loadable segments.
    pub segments: Vec<Segment>,
    /// Function symbols sorted by address (empty for a stripped ELF).
    pub functions: Vec<FunctionSymbol>,
}

const EF_RISCV_RVC: u32 = 0x1;
const EF_RISCV_FLOAT_ABI: u32 = 0x6;

impl Program {
    /// Reads and loads the ELF at `path`.
    pub fn read(path: impl AsRef<Path>) -> Result<Self, ElfError> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|e| ElfError::Io {
            path: path.display().to_string(),
            reason: e.to_string(),
        })?;
        Self::from_elf(&bytes)
    }

    /// Loads an ELF image held in memory.
    pub fn from_elf(bytes: &[u8]) -> Result<Self, ElfError> {
        check_ident(bytes)?;
        let header = FileHeader32::<LittleEndian>::parse(bytes).map_err(malformed)?;
        let e = LittleEndian;
        let machine = header.e_machine(e);
        if machine != elf::EM_RISCV {
            return Err(ElfError::WrongMachine(machine));
        }
        let flags = header.e_flags(e);
        if flags & EF_RISCV_RVC != 0 {
            return Err(ElfError::Compressed);
        }
        if flags & EF_RISCV_FLOAT_ABI != 0 {
            return Err(ElfError::FloatAbi(flags & EF_RISCV_FLOAT_ABI));
        }
        let sections = allocated_sections(header, bytes)?;
        let mut segments = Vec::new();
        for ph in header.program_headers(e, bytes).map_err(malformed)? {
            if ph.p_type(e) != elf::PT_LOAD || ph.p_memsz(e) == 0 {
                continue;
            }
            segments.extend(load_segment(ph, bytes, &sections)?);
        }
        if segments.is_empty() {
            return Err(ElfError::NoSegments);
        }
        segments.sort_by_key(|s| s.vaddr);
        let entry = header.e_entry(e);
        let entry_ok = entry % 4 == 0
            && segments.iter().any(|s| {
                s.executable
                    && entry >= s.vaddr
                    && u64::from(entry) < u64::from(s.vaddr) + s.data.len() as u64
            });
        if !entry_ok {
            return Err(ElfError::BadEntry(entry));
        }
        Ok(Self {
            entry,
            segments,
            functions: function_symbols(bytes),
        })
    }

    /// One past the highest address of the program image (saturating at `u32::MAX`).
    pub fn image_end(&self) -> u32 {
        let end = self
            .segments
            .iter()
            .map(|s| u64::from(s.vaddr) + u64::from(s.mem_size))
            .max();
        end.map_or(RAM_START, |e| u32::try_from(e).unwrap_or(u32::MAX))
    }

    /// The address of a symbol, if the ELF has it.
    pub fn symbol(&self, name: &str) -> Option<u32> {
        self.functions
            .iter()
            .find(|f| f.name == name)
            .map(|f| f.address)
    }
}

fn malformed(e: object::Error) -> ElfError {
    ElfError::Malformed(e.to_string())
}

/// Checks `e_ident`: magic, class (byte 4) and data encoding (byte 5).
fn check_ident(bytes: &[u8]) -> Result<(), ElfError> {
    if bytes.len() < 4 || bytes[..4] != elf::ELFMAG {
        return Err(ElfError::NotElf);
    }
    match bytes.get(4) {
        Some(&elf::ELFCLASS32) => {}
        Some(&elf::ELFCLASS64) => return Err(ElfError::Not32Bit),
        _ => return Err(ElfError::Malformed("unknown ELF class".into())),
    }
    match bytes.get(5) {
        Some(&elf::ELFDATA2LSB) => Ok(()),
        Some(&elf::ELFDATA2MSB) => Err(ElfError::BigEndian),
        _ => Err(ElfError::Malformed("unknown ELF data encoding".into())),
    }
}

/// The address ranges `[start, end)` of the sections that occupy memory (`SHF_ALLOC`), or
/// `None` when the ELF has no section headers.
fn allocated_sections(
    header: &FileHeader32<LittleEndian>,
    bytes: &[u8],
) -> Result<Option<Vec<(u64, u64)>>, ElfError> {
    let e = LittleEndian;
    let sections = header.section_headers(e, bytes).map_err(malformed)?;
    if sections.is_empty() {
        return Ok(None);
    }
    Ok(Some(
        sections
            .iter()
            .filter(|s| s.sh_flags(e) & elf::SHF_ALLOC != 0 && s.sh_size(e) != 0)
            .map(|s| {
                let start = u64::from(s.sh_addr(e));
                (start, start + u64::from(s.sh_size(e)))
            })
            .collect(),
    ))
}

/// Loads a `PT_LOAD` segment; its part below RAM is dropped when no section covers it (the
/// headers GNU ld maps there), and `None` is returned when nothing is left.
fn load_segment(
    ph: &ProgramHeader32<LittleEndian>,
    bytes: &[u8],
    sections: &Option<Vec<(u64, u64)>>,
) -> Result<Option<Segment>, ElfError> {
    let e = LittleEndian;
    let (vaddr, mem_size) = (ph.p_vaddr(e), ph.p_memsz(e));
    let file = ph
        .data(e, bytes)
        .map_err(|()| ElfError::Malformed("segment data past end of file".into()))?;
    if file.len() as u64 > u64::from(mem_size) {
        return Err(ElfError::Malformed(format!(
            "segment at {vaddr:#010x} has filesz > memsz"
        )));
    }
    let outside = ElfError::SegmentOutsideRam {
        vaddr,
        size: mem_size,
    };
    let end = u64::from(vaddr) + u64::from(mem_size);
    if end > 1 << 32 {
        return Err(outside);
    }
    let below = u64::from(RAM_START.saturating_sub(vaddr));
    if below > 0 {
        let covers_below = |&(s, e): &(u64, u64)| s < u64::from(RAM_START) && e > u64::from(vaddr);
        match sections {
            Some(sections) if !sections.iter().any(covers_below) => {}
            _ => return Err(outside),
        }
    }
    if below >= u64::from(mem_size) {
        return Ok(None);
    }
    let skip = (below as usize).min(file.len());
    let executable = ph.p_flags(e) & elf::PF_X != 0;
    Ok(Some(Segment {
        vaddr: vaddr + below as u32,
        data: file[skip..].to_vec(),
        mem_size: mem_size - below as u32,
        executable,
    }))
}

fn function_symbols(bytes: &[u8]) -> Vec<FunctionSymbol> {
    let Ok(file) = object::read::elf::ElfFile32::<LittleEndian>::parse(bytes) else {
        return Vec::new();
    };
    let mut functions: Vec<FunctionSymbol> = file
        .symbols()
        .filter(|s| s.kind() == SymbolKind::Text && s.address() != 0)
        .filter_map(|s| {
            Some(FunctionSymbol {
                address: u32::try_from(s.address()).ok()?,
                size: u32::try_from(s.size()).ok()?,
                name: format!("{:#}", rustc_demangle::demangle(s.name().ok()?)),
            })
        })
        .collect();
    functions.sort_by_key(|f| (f.address, std::cmp::Reverse(f.size)));
    functions.dedup_by_key(|f| f.address);
    functions
}
