//! The statement a proof was made for, and rejections that explain themselves.
//!
//! [`verify`] always runs the cryptographic check ([`verify_sharded`]) on the verifier's
//! claim, and compares the claim with the statement the proof file records. When the check
//! fails and they differ, the rejection names the part (program, a bound, inputs, outputs,
//! panic flag, exit code, key) and both values; when they agree, it says in words which check
//! failed ([`explain`]). The recorded statement can never make a proof verify; a file whose
//! proof checks out but whose statement is not the claim was altered, and is rejected too, so
//! that a proof file has one encoding.

use jolt_common::MemoryLayout;
use jolt_tracer::{Program, ProgramIo};

use crate::commitment::CommitmentScheme;
use crate::continuations::{verify_sharded, ShardError};
use crate::utils::serialization::{impl_canonical_fields, SafeVec};
use crate::zkvm::{VerifierKey, ZkvmError};

use super::{Proof, ZkProof};
use crate::commitment::dory::Dory;

/// What a proof proves: this program, with these bounds and this key, run on these inputs,
/// halts with these outputs, panic flag and exit code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Statement {
    /// Digest of the program's loaded segments.
    pub program: [u8; 32],
    /// The entry point.
    pub entry: u32,
    /// The memory layout.
    pub layout: MemoryLayout,
    /// The cycle bound.
    pub max_cycles: u64,
    /// Whether the run has a `jolt` guest's stack guard.
    pub stack_guard: bool,
    /// The verifier key's digest (program, bounds, commitment parameters, instructions).
    pub key: [u8; 32],
    /// Inputs, outputs, panic flag and exit code.
    pub io: ProgramIo,
}

/// The serialized statement.
#[derive(Clone, Debug, Default)]
pub(super) struct StatementData {
    program: [u8; 32],
    entry: u32,
    layout: [u32; 5],
    max_cycles: u64,
    stack_guard: bool,
    key: [u8; 32],
    inputs: SafeVec<u8>,
    outputs: SafeVec<u8>,
    panic: bool,
    exit_code: u32,
}

impl_canonical_fields!([] StatementData where [] {
    program, entry, layout, max_cycles, stack_guard, key, inputs, outputs, panic, exit_code
});

/// The digest of a program's segments.
fn program_digest(program: &Program) -> [u8; 32] {
    let mut t = merlin::Transcript::new(b"jolt program");
    for s in &program.segments {
        t.append_message(b"vaddr", &s.vaddr.to_le_bytes());
        t.append_message(b"mem_size", &s.mem_size.to_le_bytes());
        t.append_message(b"executable", &[u8::from(s.executable)]);
        t.append_message(b"data", &s.data);
    }
    let mut digest = [0u8; 32];
    t.challenge_bytes(b"digest", &mut digest);
    digest
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A byte string for a message: its length and (up to 32 bytes of) hex.
fn describe(bytes: &[u8]) -> String {
    let shown = &bytes[..bytes.len().min(32)];
    let more = if bytes.len() > shown.len() { "…" } else { "" };
    match bytes.len() {
        0 => "nothing".into(),
        n => format!("{n} bytes {}{more}", hex(shown)),
    }
}

/// Bytes without their trailing zeros (a region's zero padding does not change its claim).
fn trimmed(bytes: &[u8]) -> &[u8] {
    let len = bytes.iter().rposition(|&b| b != 0).map_or(0, |i| i + 1);
    &bytes[..len]
}

impl Statement {
    /// The statement of `io` under the key `vk`.
    pub fn new<PCS: CommitmentScheme>(vk: &VerifierKey<PCS>, io: &ProgramIo) -> Self {
        let config = vk.run_config();
        Self {
            program: program_digest(&vk.program),
            entry: vk.program.entry,
            layout: config.layout,
            max_cycles: config.max_cycles,
            stack_guard: config.stack_guard,
            key: *vk.digest(),
            io: io.clone(),
        }
    }

    pub(super) fn to_data(&self) -> StatementData {
        let l = &self.layout;
        StatementData {
            program: self.program,
            entry: self.entry,
            layout: [
                l.max_input_size,
                l.max_private_input_size,
                l.max_output_size,
                l.stack_size,
                l.memory_size,
            ],
            max_cycles: self.max_cycles,
            stack_guard: self.stack_guard,
            key: self.key,
            inputs: self.io.inputs.clone().into(),
            outputs: self.io.outputs.clone().into(),
            panic: self.io.panic,
            exit_code: self.io.exit_code,
        }
    }

    pub(super) fn from_data(d: StatementData) -> Self {
        let [max_input_size, max_private_input_size, max_output_size, stack_size, memory_size] =
            d.layout;
        Self {
            program: d.program,
            entry: d.entry,
            layout: MemoryLayout {
                max_input_size,
                max_private_input_size,
                max_output_size,
                stack_size,
                memory_size,
            },
            max_cycles: d.max_cycles,
            stack_guard: d.stack_guard,
            key: d.key,
            io: ProgramIo {
                inputs: d.inputs.into_inner(),
                outputs: d.outputs.into_inner(),
                panic: d.panic,
                exit_code: d.exit_code,
            },
        }
    }

    /// How `claim` differs from this statement (the one a proof was made for), part by part
    /// in the order program, bounds, inputs, outputs, panic flag, exit code, key; `None` if
    /// it does not.
    pub fn difference(&self, claim: &Statement) -> Option<String> {
        let mut parts = Vec::new();
        if self.program != claim.program || self.entry != claim.entry {
            parts.push(if self.program == claim.program {
                format!(
                    "the entry point: the claim starts at {:#010x}, the proof at {:#010x} (another function of the same program)",
                    claim.entry, self.entry
                )
            } else {
                format!(
                    "the program: the proof was made for another program (digest {}, the claim's is {})",
                    hex(&self.program[..8]),
                    hex(&claim.program[..8])
                )
            });
        }
        let bounds = [
            (
                "max_input_size",
                self.layout.max_input_size.into(),
                claim.layout.max_input_size.into(),
            ),
            (
                "max_private_input_size",
                self.layout.max_private_input_size.into(),
                claim.layout.max_private_input_size.into(),
            ),
            (
                "max_output_size",
                self.layout.max_output_size.into(),
                claim.layout.max_output_size.into(),
            ),
            (
                "stack_size",
                self.layout.stack_size.into(),
                claim.layout.stack_size.into(),
            ),
            (
                "memory_size",
                self.layout.memory_size.into(),
                claim.layout.memory_size.into(),
            ),
            ("max_cycles", self.max_cycles, claim.max_cycles),
        ];
        for (name, proven, claimed) in bounds {
            if proven != claimed {
                parts.push(format!(
                    "{name}: the claim has {claimed}, the proof was made for {proven}"
                ));
            }
        }
        if self.stack_guard != claim.stack_guard {
            let with = |guard: bool| {
                if guard {
                    "a #[jolt::provable] function's entry (stack guard on)"
                } else {
                    "a plain ELF's entry (no stack guard)"
                }
            };
            parts.push(format!(
                "the run: the claim is of {}, the proof of {}",
                with(claim.stack_guard),
                with(self.stack_guard)
            ));
        }
        let (proven, claimed) = (&self.io, &claim.io);
        if trimmed(&proven.inputs) != trimmed(&claimed.inputs) {
            parts.push(format!(
                "the inputs: the claim has {}, the proof was made for {}",
                describe(trimmed(&claimed.inputs)),
                describe(trimmed(&proven.inputs))
            ));
        }
        if trimmed(&proven.outputs) != trimmed(&claimed.outputs) {
            parts.push(format!(
                "the outputs: the claim has {}, the proof is of {}",
                describe(trimmed(&claimed.outputs)),
                describe(trimmed(&proven.outputs))
            ));
        }
        if proven.panic != claimed.panic {
            let said = |panic: bool| if panic { "panicked" } else { "did not panic" };
            parts.push(format!(
                "the panic flag: the claim says the guest {}, the proof that it {}",
                said(claimed.panic),
                said(proven.panic)
            ));
        }
        if proven.exit_code != claimed.exit_code {
            parts.push(format!(
                "the exit code: the claim has {}, the proof was made for {}",
                claimed.exit_code, proven.exit_code
            ));
        }
        if parts.is_empty() && self.key != claim.key {
            parts.push(
                "the verifier key: program, bounds and I/O agree, but the key's commitment \
                 parameters or custom instructions differ from the prover's"
                    .into(),
            );
        }
        (!parts.is_empty()).then(|| parts.join("; "))
    }
}

/// Why [`verify`] rejected a proof.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Rejection {
    /// The claim is not the statement the proof was made for (and the check failed).
    #[error("the claim differs from what the proof was made for: {difference}")]
    Claim {
        /// The parts that differ, with both values.
        difference: String,
        /// The check that failed.
        check: ShardError,
    },
    /// The claim is the proof's statement, and the proof does not prove it.
    #[error("{}", explain(.0))]
    Check(ShardError),
    /// The proof proves the claim, but the file's statement is another: the file was altered.
    #[error("the proof file was altered: its proof checks out, but the statement it records differs from the claim in {0}")]
    Altered(String),
}

/// Verifies `proof` for the claim that the program of `vk`, run on `io.inputs`, halts with
/// `io`'s outputs, panic flag and exit code; a rejection says first how the claim differs
/// from the statement the proof was made for.
pub fn verify<PCS: CommitmentScheme>(
    vk: &VerifierKey<PCS>,
    io: &ProgramIo,
    proof: &Proof<PCS>,
) -> Result<(), Rejection> {
    let check = verify_sharded(vk, io, &proof.proof);
    judge(check, &proof.statement, &Statement::new(vk, io))
}

/// [`verify`] for a zero-knowledge proof (its check's error is reported as its one shard's).
pub fn verify_zk(vk: &VerifierKey<Dory>, io: &ProgramIo, proof: &ZkProof) -> Result<(), Rejection> {
    let check = crate::zkvm::zk::verify_zk(vk, io, &proof.proof)
        .map_err(|error| ShardError::Shard { shard: 0, error });
    judge(check, &proof.statement, &Statement::new(vk, io))
}

/// The verdict on a check of the claim `claim` by a proof made for `proven`.
fn judge(
    check: Result<(), ShardError>,
    proven: &Statement,
    claim: &Statement,
) -> Result<(), Rejection> {
    match (check, proven.difference(claim)) {
        (Ok(()), None) => Ok(()),
        (Ok(()), Some(difference)) => Err(Rejection::Altered(difference)),
        (Err(check), Some(difference)) => Err(Rejection::Claim { difference, check }),
        (Err(check), None) => Err(Rejection::Check(check)),
    }
}

/// A failed check in words: what it means for the claim first, the check's own message after.
pub fn explain(error: &ShardError) -> String {
    let (meaning, shard, detail) = match error {
        ShardError::Shard { shard, error } => {
            let meaning = match error {
                ZkvmError::Spartan(_) => "the execution's constraints do not hold for this claim",
                ZkvmError::BlindFold(_) => {
                    "the proof's hidden messages do not pass the verifier's checks"
                }
                ZkvmError::Surge(_) => {
                    "an instruction's result is not the one its lookup table gives"
                }
                ZkvmError::Bytecode(_) => "a cycle did not execute an instruction of this program",
                ZkvmError::ReadWrite(_) => "the register and memory accesses are inconsistent",
                ZkvmError::ByteRange(_) => "a byte of the run is out of range",
                ZkvmError::MemoryChecking(_) => {
                    "the lookups, instructions or memory accesses are inconsistent"
                }
                ZkvmError::Io(_) => {
                    "the final memory does not hold the claimed outputs and panic flag"
                }
                ZkvmError::Opening(_) | ZkvmError::Pages { .. } => {
                    "a committed polynomial does not open to the value the proof claims"
                }
                ZkvmError::PrivateInput(_) => {
                    "the initial memory does not open against the proof's private input commitments"
                }
                ZkvmError::Ends(_) | ZkvmError::Transition(_) | ZkvmError::PausedRegisters => {
                    "the shard does not start or end the way the run does"
                }
                ZkvmError::Statement(_) => "the claim does not fit the verifier key",
                ZkvmError::Cycles { .. } => "the proof claims more cycles than the program's bound",
                ZkvmError::Commitments { .. } | ZkvmError::Deserialization => {
                    "the proof is malformed"
                }
                ZkvmError::Key(_) | ZkvmError::InsecureParameters => "the verifier key is refused",
            };
            (meaning, Some(*shard), error.to_string())
        }
        ShardError::Link { shard, error } => (
            "the shard proofs do not chain into one run",
            Some(*shard),
            error.to_string(),
        ),
        ShardError::NotHalted { .. } => (
            "the proof stops before the run ends",
            None,
            error.to_string(),
        ),
        ShardError::Statement(e) => ("the claim does not fit the program", None, e.to_string()),
        ShardError::NoShards | ShardError::Deserialization => {
            ("the proof is malformed", None, error.to_string())
        }
    };
    match (error, shard) {
        (
            ShardError::Shard {
                error: ZkvmError::InsecureParameters,
                ..
            },
            _,
        ) => detail,
        (_, Some(shard)) => format!("the proof is invalid: {meaning} (shard {shard}: {detail})"),
        (_, None) => format!("the proof is invalid: {meaning} ({detail})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commitment::dory::Dory;
    use crate::continuations::ShardedProof;

    fn statement() -> Statement {
        Statement {
            program: [1; 32],
            entry: 0x8000_0010,
            layout: MemoryLayout::default(),
            max_cycles: 1000,
            stack_guard: true,
            key: [2; 32],
            io: ProgramIo {
                inputs: vec![5, 0, 0],
                outputs: vec![12, 1, 0, 0],
                panic: false,
                exit_code: 0,
            },
        }
    }

    #[test]
    fn the_same_claim_has_no_difference_and_zero_padding_is_not_one() {
        let proven = statement();
        assert_eq!(proven.difference(&proven), None);
        let mut padded = proven.clone();
        padded.io.outputs.truncate(2);
        padded.io.inputs.push(0);
        assert_eq!(proven.difference(&padded), None);
    }

    #[test]
    fn each_differing_part_is_named_with_both_values() {
        let proven = statement();
        let mut claim = proven.clone();
        claim.io.outputs = vec![13, 1];
        let d = proven.difference(&claim).unwrap();
        assert_eq!(
            d,
            "the outputs: the claim has 2 bytes 0d01, the proof is of 2 bytes 0c01"
        );
        let mut claim = proven.clone();
        claim.max_cycles = 5;
        claim.io.panic = true;
        claim.io.exit_code = 101;
        let d = proven.difference(&claim).unwrap();
        assert!(
            d.starts_with("max_cycles: the claim has 5, the proof was made for 1000; "),
            "{d}"
        );
        assert!(d.contains("the panic flag: the claim says the guest panicked, the proof that it did not panic"), "{d}");
        assert!(
            d.ends_with("the exit code: the claim has 101, the proof was made for 0"),
            "{d}"
        );
        let mut claim = proven.clone();
        claim.entry += 4;
        assert!(proven
            .difference(&claim)
            .unwrap()
            .starts_with("the entry point"));
        claim.program = [9; 32];
        assert!(proven
            .difference(&claim)
            .unwrap()
            .starts_with("the program"));
        let mut claim = proven.clone();
        claim.key = [3; 32];
        assert!(proven
            .difference(&claim)
            .unwrap()
            .starts_with("the verifier key"));
    }

    #[test]
    fn the_statement_round_trips_through_the_proof_file() {
        let proof = Proof::<Dory> {
            statement: statement(),
            proof: ShardedProof {
                shards: Vec::new().into(),
            },
        };
        let read = Proof::<Dory>::from_file(&proof.to_file()).unwrap();
        assert_eq!(read.statement, statement());
        assert_eq!(read.shards.len(), 0);
    }

    #[test]
    fn a_failed_check_is_explained_in_words_first() {
        let e = ShardError::NotHalted { shard: 2 };
        let text = explain(&e);
        assert!(
            text.starts_with("the proof is invalid: the proof stops before the run ends ("),
            "{text}"
        );
        let e = ShardError::Shard {
            shard: 0,
            error: ZkvmError::Cycles {
                cycles: 9,
                max_cycles: 4,
                padded: 8,
            },
        };
        let text = explain(&e);
        assert!(text.starts_with("the proof is invalid: the proof claims more cycles than the program's bound (shard 0: "), "{text}");
    }
}
