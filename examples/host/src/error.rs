//! What can go wrong in an example: each error names the cause and what to do.

/// An example failed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Building, running, proving or verifying the guest failed.
    #[error(transparent)]
    Jolt(#[from] jolt::host::Error),
    #[error(transparent)]
    Build(#[from] jolt::host::BuildError),
    /// The command line is not what the example takes.
    #[error("{0}")]
    Usage(String),
    /// The proven result is not what the host computed natively.
    #[error(
        "the proven {what} differs from the one computed natively: the guest and the host disagree"
    )]
    Mismatch { what: &'static str },
    /// Reading or writing the prover's and verifier's files failed.
    #[error("{0}")]
    File(String),
}
