//! The function record: what `#[jolt::provable]` writes into a guest ELF about each function,
//! so that tools holding only the ELF (the `jolt` command line) run and prove it the way the
//! host API does.
//!
//! The records live in the ELF section [`SECTION`], which is not allocated (not loaded into
//! guest memory); one record per provable function, concatenated. A record is
//!
//! ```text
//!   magic        6 bytes  b"JOLTFN"
//!   version      u16      RECORD_VERSION
//!   body length  u32      bytes that follow, up to the next record
//!   max_input_size, max_private_input_size, max_output_size, stack_size, memory_size
//!                         u32 each
//!   max_cycles   u64
//!   name, entry, inputs, private_inputs, output                 u32 length + UTF-8 bytes each
//! ```
//!
//! all integers little-endian. `entry` is the entry symbol (`_jolt_start_<name>`), `inputs` the
//! public argument types as a tuple (`(u32, Vec<u8>)`), `private_inputs` the private ones
//! (`()` without any), `output` the return type, all as
//! `stringify!` spells them. Zero bytes between records (alignment padding) are skipped.
//! [`FunctionRecord::encode_into`] is a `const fn`; [`Records`] decodes untrusted bytes
//! without panicking.

use crate::MemoryLayout;

/// The ELF section holding the records.
pub const SECTION: &str = ".jolt.functions";
/// The first bytes of every record.
pub const RECORD_MAGIC: [u8; 6] = *b"JOLTFN";
/// The record format this crate writes and reads.
pub const RECORD_VERSION: u16 = 2;

/// Bytes before the body: magic, version, body length.
const HEADER_LEN: usize = 12;
/// Bytes of the body's fixed part: five `u32` sizes and the `u64` cycle bound.
const FIXED_LEN: usize = 28;

/// One provable function of a guest ELF.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FunctionRecord<'a> {
    /// The function's name.
    pub name: &'a str,
    /// The symbol of its entry point.
    pub entry: &'a str,
    /// The memory layout it runs with.
    pub layout: MemoryLayout,
    /// Its cycle bound.
    pub max_cycles: u64,
    /// Its public argument types, as a tuple.
    pub inputs: &'a str,
    /// Its private argument types, as a tuple (`()` without any).
    pub private_inputs: &'a str,
    /// Its return type.
    pub output: &'a str,
}

/// Why the bytes of a record section do not decode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordError {
    /// A record does not start with [`RECORD_MAGIC`].
    BadMagic {
        /// Where the record starts in the section.
        offset: usize,
    },
    /// A record has another format version than [`RECORD_VERSION`].
    Version {
        /// Where the record starts in the section.
        offset: usize,
        /// Its format version.
        version: u16,
    },
    /// A record ends early, or its parts do not add up to its length.
    Truncated {
        /// Where the record starts in the section.
        offset: usize,
    },
    /// A name or type is not UTF-8.
    NotUtf8 {
        /// Where the record starts in the section.
        offset: usize,
    },
}

impl core::fmt::Display for RecordError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            Self::BadMagic { offset } => write!(
                f,
                "the {SECTION} section is corrupt: no record starts at byte {offset}"
            ),
            Self::Version { offset, version } => write!(
                f,
                "the function record at byte {offset} of {SECTION} has format version {version}, \
                 this jolt reads version {RECORD_VERSION}: use the jolt the guest was built with"
            ),
            Self::Truncated { offset } => write!(
                f,
                "the {SECTION} section is corrupt: the record at byte {offset} is truncated"
            ),
            Self::NotUtf8 { offset } => write!(
                f,
                "the {SECTION} section is corrupt: the record at byte {offset} holds a name that is not UTF-8"
            ),
        }
    }
}

const fn put(out: &mut [u8], at: usize, bytes: &[u8]) -> usize {
    let mut i = 0;
    while i < bytes.len() {
        out[at + i] = bytes[i];
        i += 1;
    }
    at + bytes.len()
}

const fn put_str(out: &mut [u8], at: usize, s: &str) -> usize {
    let at = put(out, at, &(s.len() as u32).to_le_bytes());
    put(out, at, s.as_bytes())
}

impl<'a> FunctionRecord<'a> {
    /// The number of bytes [`Self::encode_into`] writes.
    pub const fn encoded_len(&self) -> usize {
        HEADER_LEN
            + FIXED_LEN
            + 20
            + self.name.len()
            + self.entry.len()
            + self.inputs.len()
            + self.private_inputs.len()
            + self.output.len()
    }

    /// Writes the record to the start of `out`, which must hold [`Self::encoded_len`] bytes
    /// (a shorter buffer panics: at compile time in a const context). Returns the length.
    pub const fn encode_into(&self, out: &mut [u8]) -> usize {
        let body = (self.encoded_len() - HEADER_LEN) as u32;
        let mut at = put(out, 0, &RECORD_MAGIC);
        at = put(out, at, &RECORD_VERSION.to_le_bytes());
        at = put(out, at, &body.to_le_bytes());
        at = put(out, at, &self.layout.max_input_size.to_le_bytes());
        at = put(out, at, &self.layout.max_private_input_size.to_le_bytes());
        at = put(out, at, &self.layout.max_output_size.to_le_bytes());
        at = put(out, at, &self.layout.stack_size.to_le_bytes());
        at = put(out, at, &self.layout.memory_size.to_le_bytes());
        at = put(out, at, &self.max_cycles.to_le_bytes());
        at = put_str(out, at, self.name);
        at = put_str(out, at, self.entry);
        at = put_str(out, at, self.inputs);
        at = put_str(out, at, self.private_inputs);
        put_str(out, at, self.output)
    }
}

/// The records of a section's bytes, in order: an iterator that stops after the first error.
pub struct Records<'a> {
    bytes: &'a [u8],
    offset: usize,
    failed: bool,
}

impl<'a> Records<'a> {
    /// Decodes the contents of a [`SECTION`].
    pub fn new(bytes: &'a [u8]) -> Self {
        Self {
            bytes,
            offset: 0,
            failed: false,
        }
    }
}

/// A cursor over one record's bytes; every read is bounds-checked.
struct Reader<'a> {
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, rest) = self.rest.split_at_checked(n)?;
        self.rest = rest;
        Some(head)
    }

    fn u32(&mut self) -> Option<u32> {
        self.take(4)?.try_into().ok().map(u32::from_le_bytes)
    }

    fn u64(&mut self) -> Option<u64> {
        self.take(8)?.try_into().ok().map(u64::from_le_bytes)
    }

    fn str(&mut self) -> Option<Result<&'a str, core::str::Utf8Error>> {
        let len = usize::try_from(self.u32()?).ok()?;
        self.take(len).map(core::str::from_utf8)
    }
}

fn decode(bytes: &[u8], offset: usize) -> Result<(FunctionRecord<'_>, usize), RecordError> {
    let truncated = RecordError::Truncated { offset };
    let mut r = Reader { rest: bytes };
    if r.take(6) != Some(&RECORD_MAGIC[..]) {
        return Err(RecordError::BadMagic { offset });
    }
    let version = r
        .take(2)
        .and_then(|v| v.try_into().ok())
        .map(u16::from_le_bytes)
        .ok_or(truncated)?;
    if version != RECORD_VERSION {
        return Err(RecordError::Version { offset, version });
    }
    let body_len = r
        .u32()
        .and_then(|n| usize::try_from(n).ok())
        .ok_or(truncated)?;
    let mut body = Reader {
        rest: r.take(body_len).ok_or(truncated)?,
    };
    let mut fields = || -> Option<_> {
        let layout = MemoryLayout {
            max_input_size: body.u32()?,
            max_private_input_size: body.u32()?,
            max_output_size: body.u32()?,
            stack_size: body.u32()?,
            memory_size: body.u32()?,
        };
        let max_cycles = body.u64()?;
        Some((
            layout,
            max_cycles,
            [
                body.str()?,
                body.str()?,
                body.str()?,
                body.str()?,
                body.str()?,
            ],
        ))
    };
    let (layout, max_cycles, strings) = fields().ok_or(truncated)?;
    if !body.rest.is_empty() {
        return Err(truncated);
    }
    let [name, entry, inputs, private_inputs, output] = strings.map(|s| s.ok());
    let (Some(name), Some(entry), Some(inputs), Some(private_inputs), Some(output)) =
        (name, entry, inputs, private_inputs, output)
    else {
        return Err(RecordError::NotUtf8 { offset });
    };
    let record = FunctionRecord {
        name,
        entry,
        layout,
        max_cycles,
        inputs,
        private_inputs,
        output,
    };
    Ok((record, HEADER_LEN + body_len))
}

impl<'a> Iterator for Records<'a> {
    type Item = Result<FunctionRecord<'a>, RecordError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        let rest = self.bytes.get(self.offset..)?;
        let padding = rest.iter().take_while(|&&b| b == 0).count();
        self.offset += padding;
        let rest = self.bytes.get(self.offset..).filter(|r| !r.is_empty())?;
        match decode(rest, self.offset) {
            Ok((record, len)) => {
                self.offset += len;
                Some(Ok(record))
            }
            Err(e) => {
                self.failed = true;
                Some(Err(e))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    extern crate std;
    use super::*;
    use std::{vec, vec::Vec};

    const FIB: FunctionRecord<'static> = FunctionRecord {
        name: "fib",
        entry: "_jolt_start_fib",
        layout: MemoryLayout {
            max_input_size: 8192,
            max_private_input_size: 4096,
            max_output_size: 16,
            stack_size: 4096,
            memory_size: 1 << 20,
        },
        max_cycles: 1 << 30,
        inputs: "(u32,)",
        private_inputs: "([u8; 32],)",
        output: "u128",
    };

    const FIB_BYTES: [u8; FIB.encoded_len()] = {
        let mut out = [0; FIB.encoded_len()];
        FIB.encode_into(&mut out);
        out
    };

    fn two_records() -> [u8; 2 * FIB.encoded_len() + 3] {
        let mut bytes = [0; 2 * FIB.encoded_len() + 3];
        let n = FIB.encode_into(&mut bytes);
        let other = FunctionRecord {
            name: "gib",
            entry: "_jolt_start_gib",
            ..FIB
        };
        other.encode_into(&mut bytes[n + 3..]);
        bytes
    }

    #[test]
    fn records_round_trip_in_a_const_context() {
        let records: Vec<_> = Records::new(&FIB_BYTES).collect();
        assert_eq!(records, vec![Ok(FIB)]);
        let bytes = two_records();
        let names: Vec<_> = Records::new(&bytes).map(|r| r.unwrap().name).collect();
        assert_eq!(names, ["fib", "gib"]);
        assert_eq!(Records::new(&[0, 0, 0]).count(), 0);
    }

    #[test]
    fn every_truncation_and_byte_flip_is_an_error_not_a_panic() {
        let bytes = two_records();
        for cut in 1..bytes.len() {
            let decoded: Vec<_> = Records::new(&bytes[..cut]).collect();
            let complete = decoded.iter().filter(|r| r.is_ok()).count();
            assert!(complete <= 2);
            if cut < FIB.encoded_len() {
                assert!(decoded.last().is_some_and(|r| r.is_err()), "cut at {cut}");
            }
        }
        for i in 0..bytes.len() {
            for flip in [0x01, 0x80, 0xff] {
                let mut bad = bytes;
                bad[i] ^= flip;
                // Decoding a corrupt section yields records or one error, and never panics.
                assert!(Records::new(&bad).count() <= 3);
            }
        }
    }

    #[test]
    fn errors_name_the_offset_and_version() {
        let mut future = FIB_BYTES;
        future[6] = 3;
        assert_eq!(
            Records::new(&future).next(),
            Some(Err(RecordError::Version {
                offset: 0,
                version: 3
            }))
        );
        let mut lying = FIB_BYTES;
        lying[8..12].copy_from_slice(&u32::MAX.to_le_bytes());
        assert_eq!(
            Records::new(&lying).next(),
            Some(Err(RecordError::Truncated { offset: 0 }))
        );
        assert_eq!(
            Records::new(b"JUNK").next(),
            Some(Err(RecordError::BadMagic { offset: 0 }))
        );
    }
}
