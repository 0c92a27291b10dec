//! Which commitment scheme, with which parameters: chosen by flags when proving or
//! preprocessing, recorded in every proof and key file (one byte, [`Scheme`], [`jolt_core::files`]), and taken from
//! the proof file when verifying.
//!
//! Without a flag the scheme is Dory: transparent, its parameters derived from a public seed.
//! HyperKZG needs parameters whose trapdoor nobody knows: `--ptau <file>` reads them from a
//! snarkjs powers-of-tau ceremony file. `--insecure-dev-srs` selects the development SRS, whose
//! trapdoor is public; its keys are refused by `jolt verify` unless `--allow-insecure` is given.

use std::path::PathBuf;

use clap::Args;
use jolt_core::commitment::dory::Dory;
use jolt_core::commitment::hyperkzg::{HyperKzg, HyperKzgParameters};
use jolt_core::files::FileScheme;
pub use jolt_core::files::Scheme;

/// The flags that choose the commitment parameters.
#[derive(Args, Clone, Debug)]
pub struct ParamFlags {
    /// Commit with HyperKZG using the powers of tau of this snarkjs ceremony file (BN254,
    /// "phase 1" or later), validated when read.
    #[arg(long, value_name = "FILE", conflicts_with = "insecure_dev_srs")]
    pub ptau: Option<PathBuf>,
    /// Commit with HyperKZG using the INSECURE development SRS: its trapdoor is public, so
    /// anyone can forge proofs for the key. For development only.
    #[arg(long)]
    pub insecure_dev_srs: bool,
}

impl ParamFlags {
    /// The scheme the flags select: HyperKZG with either flag, Dory otherwise.
    pub fn scheme(&self) -> Scheme {
        if self.ptau.is_some() || self.insecure_dev_srs {
            Scheme::HyperKzg
        } else {
            Scheme::Dory
        }
    }
}

/// A commitment scheme the command line writes and reads.
pub trait CliScheme: FileScheme {
    /// The parameters `flags` select, for polynomials of up to `max_len` evaluations.
    fn parameters(flags: &ParamFlags, max_len: usize) -> Result<Self::Parameters, String>;

    /// A warning to print when writing a proof or key with these parameters.
    fn warning(params: &Self::Parameters) -> Option<&'static str>;
}

impl CliScheme for HyperKzg {
    fn parameters(flags: &ParamFlags, max_len: usize) -> Result<HyperKzgParameters, String> {
        match (&flags.ptau, flags.insecure_dev_srs) {
            (Some(path), _) => {
                HyperKzgParameters::from_ptau_file(path, max_len).map_err(|e| e.to_string())
            }
            (None, true) => Ok(HyperKzgParameters::InsecureDevelopment),
            (None, false) => Err(format!(
                "{} needs --ptau <file> or --insecure-dev-srs",
                Scheme::HyperKzg.name()
            )),
        }
    }

    fn warning(params: &HyperKzgParameters) -> Option<&'static str> {
        matches!(params, HyperKzgParameters::InsecureDevelopment).then_some(
            "warning: the INSECURE development SRS: its trapdoor is public, so anyone can \
             forge proofs for this key (development only; verify with --allow-insecure)",
        )
    }
}

impl CliScheme for Dory {
    fn parameters(_flags: &ParamFlags, _max_len: usize) -> Result<(), String> {
        Ok(())
    }

    fn warning(_params: &()) -> Option<&'static str> {
        None
    }
}
