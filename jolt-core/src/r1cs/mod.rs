//! Uniform R1CS and Spartan: `N` constraints that hold at every one of `T` cycles.
//!
//! * [`builder`]: declare named per-cycle columns and constraints (`constrain_eq`,
//!   `constrain_prod`, `constrain_if_else`, `constrain_eq_if`, `constrain_binary`, and
//!   cross-step references `x.next()`).
//! * [`shape`]: the resulting [`shape::UniformShape`] — small sparse `A`, `B`, `C` for one cycle.
//! * [`spartan`]: the outer and inner sumchecks proving the shape over committed columns.
//!
//! # The statement
//! The witness is `K` columns `w_0 … w_{K−1}`, each its own committed multilinear polynomial
//! in `n_t = log T` variables (`T` a power of two; the caller pads). Per cycle
//! `z_t = (w_0(t), …, w_{K−1}(t), 1, w_0(t+1), …, w_{K−1}(t+1))` and every row satisfies
//! `(A z_t)·(B z_t) = (C z_t)`.
//!
//! # Cross-step constraints
//! A row that mentions a next-cycle value `w_k(t+1)` is *cross-step*. It uses the third block
//! of `z_t`, so the matrices stay uniform. It is enforced at `t = 0 … T−2` only: at the last
//! cycle there is no `t + 1` (Spartan reads `w_k(T)` as 0 and masks those rows out of the
//! zero-check). The shifted values are never committed: the inner sumcheck carries, next to
//! `eq(r_t, s)`, the shift polynomial `sh(r_t, s) = Σ_t eq(r_t, t)·eq(s, t+1)` that the verifier
//! evaluates in `O(log T)`, so all claims land on the committed `w_k` at one point. The price is
//! one extra dense table in the inner sumcheck, no extra commitment and no extra claim.

pub mod builder;
pub mod shape;
pub mod spartan;

pub use builder::{Lc, R1csBuilder, Var, Variable};
pub use shape::{UniformShape, Unsatisfied};
pub use spartan::{SpartanError, SpartanProof, WitnessClaims};
