//! What a guest prints: the bytes of its console hints ([`jolt_common::CONSOLE_HINT`]), kept
//! per stream for the host.
//!
//! A print is an observation of the run, never part of it: a hint with a bad stream number or
//! an address range outside memory prints nothing (or zeros for the bytes outside memory) and
//! the run goes on exactly as the proof sees it.

use jolt_common::{STDERR, STDOUT};

/// Bytes kept per stream; later prints are dropped and the stream ends with a note saying so.
pub const MAX_CONSOLE_BYTES: usize = 16 << 20;

/// What the guest wrote to its standard output and standard error.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Console {
    /// The bytes written to standard output, in order.
    pub stdout: Vec<u8>,
    /// The bytes written to standard error, in order.
    pub stderr: Vec<u8>,
}

const TRUNCATED: &[u8] = b"\n[jolt: guest output truncated]\n";

impl Console {
    /// Appends `bytes` to the stream `fd`; ignores other stream numbers.
    pub(crate) fn write(&mut self, fd: u32, bytes: &[u8]) {
        let stream = match fd {
            STDOUT => &mut self.stdout,
            STDERR => &mut self.stderr,
            _ => return,
        };
        if stream.len() > MAX_CONSOLE_BYTES {
            return; // already cut
        }
        let room = MAX_CONSOLE_BYTES - stream.len();
        if bytes.len() <= room {
            stream.extend_from_slice(bytes);
        } else {
            stream.extend_from_slice(&bytes[..room]);
            stream.extend_from_slice(TRUNCATED);
        }
    }

    /// How many more bytes the stream `fd` keeps (0 for an unknown stream).
    pub(crate) fn room(&self, fd: u32) -> usize {
        match fd {
            STDOUT => MAX_CONSOLE_BYTES.saturating_sub(self.stdout.len()),
            STDERR => MAX_CONSOLE_BYTES.saturating_sub(self.stderr.len()),
            _ => 0,
        }
    }

    /// Whether the guest printed nothing.
    pub fn is_empty(&self) -> bool {
        self.stdout.is_empty() && self.stderr.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_are_kept_apart_and_unknown_streams_ignored() {
        let mut console = Console::default();
        console.write(STDOUT, b"out ");
        console.write(STDERR, b"err");
        console.write(7, b"lost");
        console.write(STDOUT, b"again");
        assert_eq!(console.stdout, b"out again");
        assert_eq!(console.stderr, b"err");
    }

    #[test]
    fn a_stream_stops_at_its_bound_with_a_note() {
        let mut console = Console::default();
        console.write(STDOUT, &vec![b'x'; MAX_CONSOLE_BYTES - 2]);
        console.write(STDOUT, b"abcd");
        console.write(STDOUT, b"more");
        assert_eq!(console.stdout.len(), MAX_CONSOLE_BYTES + TRUNCATED.len());
        assert!(console.stdout.ends_with(TRUNCATED));
        assert_eq!(
            &console.stdout[MAX_CONSOLE_BYTES - 2..MAX_CONSOLE_BYTES],
            b"ab"
        );
    }
}
