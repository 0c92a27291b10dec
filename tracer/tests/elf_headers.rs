//! ELFs linked by GNU ld's default script with `-Ttext=0x80000000`: the first `PT_LOAD`
//! segment starts at `0x7ffff000` and maps the ELF and program headers below RAM. The loader
//! drops those bytes (no section covers them) and runs the program, as qemu-riscv32 does; a
//! section below RAM is still an error.

mod asm;

use asm::*;
use jolt_common::{MemoryLayout, RAM_START};
use jolt_tracer::{run, Bytecode, ElfError, NoTrace, Program, RunConfig};

const PAGE: u32 = 0x1000;
const HEADERS_VADDR: u32 = RAM_START - PAGE;

/// The ELF GNU ld writes for `code` in `.text` at `text_addr`: one R+X `PT_LOAD` from file
/// offset 0 at `0x7ffff000` (headers, padding, then the code at offset `0x1000`), and the
/// section headers `NULL`, `.text`, `.shstrtab` (none when `with_sections` is false).
fn gnu_ld_elf(code: &[u32], text_addr: u32, with_sections: bool) -> Vec<u8> {
    let text: Vec<u8> = code.iter().flat_map(|w| w.to_le_bytes()).collect();
    let shstrtab = b"\0.text\0.shstrtab\0";
    let text_offset = PAGE as usize;
    let shstrtab_offset = text_offset + text.len();
    let sh_offset = (shstrtab_offset + shstrtab.len()).next_multiple_of(4);
    let mut out = Vec::new();
    let h16 = |out: &mut Vec<u8>, v: u16| out.extend_from_slice(&v.to_le_bytes());
    let h32 = |out: &mut Vec<u8>, v: u32| out.extend_from_slice(&v.to_le_bytes());
    out.extend_from_slice(&[0x7f, b'E', b'L', b'F', 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    h16(&mut out, 2); // ET_EXEC
    h16(&mut out, 243); // EM_RISCV
    h32(&mut out, 1);
    h32(&mut out, RAM_START); // entry
    h32(&mut out, 52); // program headers
    h32(&mut out, if with_sections { sh_offset as u32 } else { 0 });
    h32(&mut out, 0); // flags
    h16(&mut out, 52);
    h16(&mut out, 32);
    h16(&mut out, 1);
    h16(&mut out, 40);
    h16(&mut out, if with_sections { 3 } else { 0 });
    h16(&mut out, if with_sections { 2 } else { 0 });
    // PT_LOAD, offset 0, the headers' page below RAM, R+X.
    let size = (text_offset + text.len()) as u32;
    for v in [1, 0, HEADERS_VADDR, HEADERS_VADDR, size, size, 5, PAGE] {
        h32(&mut out, v);
    }
    out.resize(text_offset, 0);
    out.extend_from_slice(&text);
    out.extend_from_slice(shstrtab);
    out.resize(sh_offset, 0);
    if with_sections {
        let sections: [[u32; 10]; 3] = [
            [0; 10],
            // .text: PROGBITS, ALLOC | EXECINSTR
            [
                1,
                1,
                6,
                text_addr,
                text_offset as u32,
                text.len() as u32,
                0,
                0,
                4,
                0,
            ],
            // .shstrtab: STRTAB
            [
                7,
                3,
                0,
                0,
                shstrtab_offset as u32,
                shstrtab.len() as u32,
                0,
                0,
                1,
                0,
            ],
        ];
        for v in sections.iter().flatten() {
            h32(&mut out, *v);
        }
    }
    out
}

fn code() -> Vec<u32> {
    let mut code = vec![addi(A0, 0, 7)];
    code.extend(exit());
    code
}

#[test]
fn headers_mapped_below_ram_are_not_program_memory() {
    let program = Program::from_elf(&gnu_ld_elf(&code(), RAM_START, true)).expect("loads");
    assert_eq!(program.segments.len(), 1);
    let segment = &program.segments[0];
    assert_eq!(segment.vaddr, RAM_START);
    assert!(segment.executable);
    let words: Vec<u32> = segment
        .data
        .chunks(4)
        .map(|w| u32::from_le_bytes(w.try_into().unwrap()))
        .collect();
    assert_eq!(words, code());
    let config = RunConfig {
        layout: MemoryLayout::default(),
        max_cycles: 1000,
        stack_guard: true,
    };
    let bytecode = Bytecode::for_run(&program, &config, &[]).expect("guarded bytecode");
    let execution = run(&program, &bytecode, &config, &[], &mut NoTrace).expect("runs");
    assert_eq!(execution.io.exit_code, 7);
}

#[test]
fn a_section_below_ram_is_still_an_error() {
    // `.text` placed in the headers' page, below RAM.
    let elf = gnu_ld_elf(&code(), HEADERS_VADDR + 0x100, true);
    assert!(matches!(
        Program::from_elf(&elf),
        Err(ElfError::SegmentOutsideRam {
            vaddr: HEADERS_VADDR,
            ..
        })
    ));
}

#[test]
fn without_section_headers_a_segment_below_ram_is_an_error() {
    let elf = gnu_ld_elf(&code(), RAM_START, false);
    assert!(matches!(
        Program::from_elf(&elf),
        Err(ElfError::SegmentOutsideRam {
            vaddr: HEADERS_VADDR,
            ..
        })
    ));
}
