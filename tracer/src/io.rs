//! The public inputs and outputs of a run: what the verifier is told and checks.

/// Public I/O of a finished run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProgramIo {
    /// The bytes placed in the input region.
    pub inputs: Vec<u8>,
    /// The whole output region at the halt (trailing zero bytes included).
    pub outputs: Vec<u8>,
    /// Whether the guest set the panic flag.
    pub panic: bool,
    /// The exit code given to the exit call.
    pub exit_code: u32,
}
