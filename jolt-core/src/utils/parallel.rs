//! The one place that decides between rayon and serial iterators.
//!
//! Every parallel loop in the prover is written once with these macros. With the `parallel`
//! feature (on by default) they expand to rayon's parallel iterators; without it, to the
//! standard serial iterators, so the serial build is the same code.
//!
//! Verifier code must not use these macros: the verifier is single-threaded by design.

#[cfg(feature = "parallel")]
pub use rayon::prelude::*;

/// `iter()` or `par_iter()`.
#[macro_export]
macro_rules! cfg_iter {
    ($e:expr) => {{
        #[cfg(feature = "parallel")]
        let it = $e.par_iter();
        #[cfg(not(feature = "parallel"))]
        let it = $e.iter();
        it
    }};
}

/// `iter_mut()` or `par_iter_mut()`.
#[macro_export]
macro_rules! cfg_iter_mut {
    ($e:expr) => {{
        #[cfg(feature = "parallel")]
        let it = $e.par_iter_mut();
        #[cfg(not(feature = "parallel"))]
        let it = $e.iter_mut();
        it
    }};
}

/// `into_iter()` or `into_par_iter()`.
#[macro_export]
macro_rules! cfg_into_iter {
    ($e:expr) => {{
        #[cfg(feature = "parallel")]
        let it = $e.into_par_iter();
        #[cfg(not(feature = "parallel"))]
        let it = $e.into_iter();
        it
    }};
}

/// `chunks(n)` or `par_chunks(n)`.
#[macro_export]
macro_rules! cfg_chunks {
    ($e:expr, $n:expr) => {{
        #[cfg(feature = "parallel")]
        let it = $e.par_chunks($n);
        #[cfg(not(feature = "parallel"))]
        let it = $e.chunks($n);
        it
    }};
}

/// `chunks_mut(n)` or `par_chunks_mut(n)`.
#[macro_export]
macro_rules! cfg_chunks_mut {
    ($e:expr, $n:expr) => {{
        #[cfg(feature = "parallel")]
        let it = $e.par_chunks_mut($n);
        #[cfg(not(feature = "parallel"))]
        let it = $e.chunks_mut($n);
        it
    }};
}

/// Runs two closures, in parallel when the `parallel` feature is on.
pub fn join<A, B, RA, RB>(a: A, b: B) -> (RA, RB)
where
    A: FnOnce() -> RA + Send,
    B: FnOnce() -> RB + Send,
    RA: Send,
    RB: Send,
{
    #[cfg(feature = "parallel")]
    {
        rayon::join(a, b)
    }
    #[cfg(not(feature = "parallel"))]
    {
        (a(), b())
    }
}

/// Number of worker threads the prover's parallel loops use.
pub fn num_threads() -> usize {
    #[cfg(feature = "parallel")]
    {
        rayon::current_num_threads()
    }
    #[cfg(not(feature = "parallel"))]
    {
        1
    }
}
