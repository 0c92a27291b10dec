//! # jolt-core: the proof-system core of a Jolt-style zkVM
//!
//! The building blocks that the zkVM proof is assembled from:
//!
//! | module | what it provides |
//! | --- | --- |
//! | [`field`] | BN254's scalar field [`field::Fr`] and fast small-integer conversion |
//! | [`poly`] | dense and compact multilinear polynomials, `eq`, univariate round polynomials |
//! | [`transcript`] | a merlin Fiat–Shamir transcript with typed appends and challenges |
//! | [`subprotocols::sumcheck`] | sumcheck for sums of products of multilinears, batched |
//! | [`subprotocols::grand_product`] | a batched layered (GKR) grand-product argument |
//! | [`commitment`] | the [`commitment::CommitmentScheme`] trait, HyperKZG, Hyrax, small-scalar MSM |
//! | [`opening_accumulator`] | gathers evaluation claims and proves them with one batched opening |
//! | [`utils`] | the rayon shim and bounded (panic-free) deserialization helpers |
//! | [`files`] | the proof and key files the host API and the command line share |
//!
//! ## Conventions used everywhere
//! * **Variable order.** A multilinear polynomial in `n` variables is stored as its `2^n`
//!   evaluations on the boolean hypercube. Variable `x_0` is the **most significant** bit of
//!   the evaluation index: `evals[i] = f(x_0, …, x_{n-1})` with `i = Σ_j x_j·2^{n-1-j}`.
//!   A point `r = (r_0, …, r_{n-1})` is given in the same order.
//! * **Binding.** Sumcheck binds `x_0` first ("bind the top variable"), so the challenges it
//!   returns form a point in the same order as [`poly::dense::DensePolynomial::evaluate`].
//! * **Verifiers never panic** on proof data: they return typed errors. Verifier modules deny
//!   `unwrap`/`expect`/indexing/`panic!` through clippy lints at their top.
//! * **Proof objects** serialize with ark-serialize, compressed, validated on read; see
//!   [`utils::serialization`].

pub mod commitment;
pub mod continuations;
pub mod field;
pub mod files;
pub mod lasso;
pub mod opening_accumulator;
pub mod poly;
pub mod r1cs;
pub mod subprotocols;
pub mod transcript;
pub mod utils;
pub mod zkvm;
