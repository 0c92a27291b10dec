//! Writing a [`Program`] back out as a minimal ELF32 executable (header and `PT_LOAD` program
//! headers, no sections or symbols): for tools that assemble programs, and for tests.

use crate::elf::Program;

const HEADER_SIZE: u32 = 52;
const PROGRAM_HEADER_SIZE: u32 = 32;

impl Program {
    /// The program as an ELF32 little-endian RISC-V executable.
    pub fn to_elf(&self) -> Vec<u8> {
        let mut out = Vec::new();
        let u16le = |out: &mut Vec<u8>, v: u16| out.extend_from_slice(&v.to_le_bytes());
        let u32le = |out: &mut Vec<u8>, v: u32| out.extend_from_slice(&v.to_le_bytes());
        out.extend_from_slice(&[0x7f, b'E', b'L', b'F', 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        u16le(&mut out, 2); // ET_EXEC
        u16le(&mut out, 243); // EM_RISCV
        u32le(&mut out, 1);
        u32le(&mut out, self.entry);
        u32le(&mut out, HEADER_SIZE);
        u32le(&mut out, 0); // no section headers
        u32le(&mut out, 0); // flags: soft-float ABI, no RVC
        u16le(&mut out, HEADER_SIZE as u16);
        u16le(&mut out, PROGRAM_HEADER_SIZE as u16);
        u16le(&mut out, self.segments.len() as u16);
        u16le(&mut out, 40);
        u16le(&mut out, 0);
        u16le(&mut out, 0);
        let mut offset = HEADER_SIZE + PROGRAM_HEADER_SIZE * self.segments.len() as u32;
        for s in &self.segments {
            u32le(&mut out, 1); // PT_LOAD
            u32le(&mut out, offset);
            u32le(&mut out, s.vaddr);
            u32le(&mut out, s.vaddr);
            u32le(&mut out, s.data.len() as u32);
            u32le(&mut out, s.mem_size);
            u32le(&mut out, if s.executable { 5 } else { 6 }); // R+X or R+W
            u32le(&mut out, 4);
            offset += s.data.len() as u32;
        }
        for s in &self.segments {
            out.extend_from_slice(&s.data);
        }
        out
    }
}
