//! # jolt-core: the proof system of a Jolt-style zkVM for RV32IM
//!
//! A program (an RV32IM [`jolt_tracer::Program`]) runs on public inputs; the prover shows that
//! the run halts with the claimed outputs, panic flag and exit code ([`jolt_tracer::ProgramIo`]),
//! and the verifier checks that claim against a key it derives from the program alone.
//!
//! ## Where to start
//! * **Prove a run**: [`zkvm::ProverKey::new`] preprocesses a program for a
//!   [`jolt_tracer::RunConfig`] (memory layout, cycle bound) under a commitment scheme;
//!   [`zkvm::prove`] runs the program on its inputs and returns the public I/O and a
//!   [`zkvm::JoltProof`]; [`zkvm::verify`] checks a proof against a [`zkvm::VerifierKey`]
//!   (`pk.vk`, or one read back with [`zkvm::VerifierKey::from_bytes`]) and the claimed I/O.
//!   Proofs and keys travel as bytes: [`zkvm::JoltProof::to_bytes`], [`zkvm::verify_bytes`].
//! * **Long runs**: [`continuations::prove_sharded`] cuts a run into shards of at most `2^k`
//!   cycles, each proven alone (also on other machines: [`continuations::run_checkpoints`],
//!   [`continuations::prove_shard`]), and [`continuations::verify_sharded`] checks the chain.
//! * **Choose a commitment scheme** (the `PCS` parameter of every key and proof):
//!   [`commitment::dory::Dory`], transparent with logarithmic proofs, is the default (its
//!   parameters are `()`); [`commitment::hyperkzg::HyperKzg`] has short proofs but needs a
//!   powers-of-tau ceremony file
//!   ([`commitment::hyperkzg::HyperKzgParameters::from_ptau_file`]);
//!   [`commitment::hyrax::Hyrax`] is a simple transparent reference.
//! * **Files**: [`files`] is the one format of proof and key files that the host API and the
//!   `jolt` command line share.
//!
//! ## Example: prove and verify a tiny program
//! The program computes `6 · 7` into `a0` and exits with it (`li a7, 93; ecall`):
//! ```
//! use jolt_common::{MemoryLayout, RAM_START};
//! use jolt_core::commitment::dory::Dory;
//! use jolt_core::zkvm::{prove, verify, verify_bytes, ProverKey, VerifierKey};
//! use jolt_tracer::{Program, ProgramIo, RunConfig, Segment};
//!
//! // `addi rd, rs1, imm` (I-type) and `mul rd, rs1, rs2` (R-type, M extension).
//! fn addi(rd: u32, rs1: u32, imm: u32) -> u32 {
//!     imm << 20 | rs1 << 15 | rd << 7 | 0x13
//! }
//! fn mul(rd: u32, rs1: u32, rs2: u32) -> u32 {
//!     1 << 25 | rs2 << 20 | rs1 << 15 | rd << 7 | 0x33
//! }
//! const ECALL: u32 = 0x73;
//! let (t0, t1, a0, a7) = (5, 6, 10, 17);
//! let code = [
//!     addi(t0, 0, 6),
//!     addi(t1, 0, 7),
//!     mul(a0, t0, t1),
//!     addi(a7, 0, 93), // the exit call
//!     ECALL,
//! ];
//! let data: Vec<u8> = code.iter().flat_map(|w| w.to_le_bytes()).collect();
//! let program = Program {
//!     entry: RAM_START,
//!     segments: vec![Segment {
//!         vaddr: RAM_START,
//!         mem_size: data.len() as u32,
//!         data,
//!         executable: true,
//!     }],
//!     functions: vec![],
//! };
//! let config = RunConfig {
//!     layout: MemoryLayout {
//!         max_input_size: 64,
//!         max_private_input_size: 0,
//!         max_output_size: 64,
//!         stack_size: 4096,
//!         memory_size: 1 << 16,
//!     },
//!     max_cycles: 1 << 10,
//!     stack_guard: false,
//! };
//!
//! // Preprocess with Dory (transparent: no parameters), run and prove, verify.
//! let pk = ProverKey::<Dory>::new(&program, &config, &())?;
//! let (io, proof) = prove(&pk, &[])?;
//! assert_eq!(io.exit_code, 42);
//! verify(&pk.vk, &io, &proof)?;
//!
//! // A verifier elsewhere needs only the key's and the proof's bytes, and the claim.
//! let vk = VerifierKey::<Dory>::from_bytes(&pk.vk.to_bytes())?;
//! verify_bytes(&vk, &io, &proof.to_bytes())?;
//!
//! // The exit code is a public output (absorbed in the transcript, and a claim on `a0` at
//! // the halting cycle): claiming another one is rejected.
//! let wrong = ProgramIo { exit_code: 41, ..io };
//! let rejection = verify(&vk, &wrong, &proof).expect_err("a wrong exit code is rejected");
//! println!("{rejection}");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## The building blocks
//!
//! | module | what it provides |
//! | --- | --- |
//! | [`zkvm`] | preprocessing (keys), the prover and verifier of a run, the proof and its errors |
//! | [`continuations`] | runs of any length as chains of shard proofs, and the chain verifier |
//! | [`files`] | the proof and key files the host API and the command line share |
//! | [`lasso`] | Surge instruction lookups and offline memory checking |
//! | [`r1cs`] | the uniform per-cycle constraint builder and Spartan |
//! | [`field`] | BN254's scalar field [`field::Fr`] and fast small-integer conversion |
//! | [`poly`] | dense and compact multilinear polynomials, `eq`, univariate round polynomials |
//! | [`transcript`] | a merlin Fiat–Shamir transcript with typed appends and challenges |
//! | [`subprotocols::sumcheck`] | sumcheck for sums of products of multilinears, batched |
//! | [`subprotocols::grand_product`] | a batched layered (GKR) grand-product argument |
//! | [`commitment`] | the [`commitment::CommitmentScheme`] trait, Dory, HyperKZG, Hyrax, small-scalar MSM |
//! | [`opening_accumulator`] | gathers evaluation claims and proves them with one batched opening |
//! | [`utils`] | the rayon shim and bounded (panic-free) deserialization helpers |
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

#![warn(missing_docs)]

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
