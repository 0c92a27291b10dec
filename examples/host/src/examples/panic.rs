//! A guest panic is a proven result: `a / b` panics when `b` is 0, the proof carries the public
//! panic flag, and a claim that the function returned instead is rejected.

use crate::{prove_and_verify, Error, Proven};

/// The dividend.
pub const DIVIDEND: u32 = 100;

/// Proves `checked_div(100, divisor)` (a panic when `divisor` is 0) and checks that the
/// opposite claim does not verify.
pub fn run(divisor: u32) -> Result<Proven<u32>, Error> {
    let proven = prove_and_verify(
        panic_guest::compile_checked_div,
        &(DIVIDEND, divisor),
        |output| match output {
            Some(q) => format!("checked_div({DIVIDEND}, {divisor}) = {q}"),
            None => format!(
                "checked_div({DIVIDEND}, {divisor}) panicked: the proof shows the panic flag"
            ),
        },
    )?;
    // The opposite claim: a value for a panicked run, a panic for a run that returned.
    let opposite = match proven.output {
        None => Some(0),
        Some(_) => None,
    };
    let claim =
        panic_guest::verify_checked_div(&proven.vk, DIVIDEND, divisor, opposite, &proven.proof);
    match claim {
        Err(jolt::host::Error::Invalid(_)) => {
            println!(
                "the opposite claim ({}) is rejected",
                match opposite {
                    Some(_) => "a returned value",
                    None => "a panic",
                }
            );
            Ok(proven)
        }
        Err(e) => Err(e.into()),
        Ok(()) => Err(Error::Mismatch { what: "panic flag" }),
    }
}
