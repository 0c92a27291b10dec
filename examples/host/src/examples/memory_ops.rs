//! Memory operations: byte, halfword and word stores, read back by signed and unsigned loads
//! of every width.

use crate::{prove_and_verify, Error, Proven};

/// Proves the memory-operations guest over `words` words of memory.
pub fn run(words: u32) -> Result<Proven<[u32; 6]>, Error> {
    prove_and_verify(
        memory_guest::compile_memory_ops,
        &(words,),
        |output: Option<&[u32; 6]>| match output {
            Some([lb, lbu, lh, lhu, lw, bytes_of_words]) => format!(
                "checksums over {words} words: lb {lb:#010x}, lbu {lbu:#010x}, lh {lh:#010x}, \
             lhu {lhu:#010x}, lw {lw:#010x}, bytes of words {bytes_of_words:#010x}"
            ),
            None => format!("memory_ops({words}) panicked"),
        },
    )
}
