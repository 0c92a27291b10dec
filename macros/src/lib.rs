//! `#[jolt::provable]`: what turns a Rust function into one the zkVM runs and proves.
//!
//! Use it as `jolt::provable` (the `jolt` crate re-exports it); a guest crate depends on `jolt`,
//! not on this crate. `jolt new <name>` makes a guest and a host that use it.
//!
//! ```ignore
//! // guest/src/lib.rs: a no_std guest with the default limits, except for the cycle bound
//! #![cfg_attr(feature = "guest", no_std)]
//!
//! #[jolt::provable(max_cycles = 100_000_000)]
//! pub fn fib(n: u32) -> u128 { /* ... */ }
//!
//! // the host, depending on the guest crate as `guest`
//! let (prove, verify) = guest::build_fib()?;
//! let (output, proof) = prove(50)?;
//! verify(50, output, &proof)?;
//! ```
//!
//! On a function `fn f(a: A, b: B) -> R` in a guest crate the macro keeps the function and adds:
//! - in the guest build (`feature = "guest"`, compiled for riscv32im): the entry `_jolt_start_f`,
//!   which sets up the stack and heap, decodes `(A, B)` from the input region with postcard,
//!   calls `f`, encodes `R` into the output region and exits through `ecall`;
//! - in the host build: `compile_f()`, `analyze_f(a, b)`, `memory_layout_f()`, and for proofs
//!   `preprocess_f()`, `prove_f(&pk, a, b)`, `verify_f(&vk, a, b, output, &proof)` and
//!   `build_f()` (a prove closure and a verify closure sharing one preprocessing). Both
//!   preprocess with `jolt::host::GuestProgram::preprocess` (Dory: transparent, no trusted
//!   setup). In zero-knowledge mode, `prove_zk_f(&pk, a, b)` and
//!   `verify_zk_f(&vk, a, b, output, &proof)` take the same key: the proof reveals nothing
//!   beyond the public arguments, the output and the padded length of the run (its RAM is
//!   the whole `memory_size`: keep it small).
//!
//! Attributes (all optional): `max_input_size`, `max_private_input_size`, `max_output_size`,
//! `stack_size`, `memory_size` (bytes of RAM for image + stack + heap) and `max_cycles`.
//!
//! An argument marked `#[private]` is a private input: the guest reads it from the private
//! input region (`max_private_input_size` bytes, one page by default), the proof commits to
//! it, and `verify_f` and the verify closure of `build_f` take only the public arguments.
//! `prove_f`, `analyze_f` and the prove closure take every argument in the function's order.
//!
//! The guest build also records the function in its ELF ([`jolt_common::record`]): name,
//! entry symbol, layout, cycle bound and the argument and return types, in the
//! non-allocated section `.jolt.functions`; `jolt run`/`prove`/`verify` read it, so the ELF
//! alone runs and proves the way the host API does.

#![warn(missing_docs)]

mod attributes;
mod record;

use proc_macro::TokenStream;
use quote::{format_ident, quote};
use syn::{parse_macro_input, FnArg, ItemFn, Pat, ReturnType};

use attributes::Attributes;

/// Marks a function as provable: see the `jolt_macros` crate documentation for what it
/// generates and the attributes it takes.
#[proc_macro_attribute]
pub fn provable(attr: TokenStream, item: TokenStream) -> TokenStream {
    let mut attributes = parse_macro_input!(attr as Attributes);
    let func = parse_macro_input!(item as ItemFn);
    match expand(&mut attributes, func) {
        Ok(tokens) => tokens.into(),
        Err(e) => e.to_compile_error().into(),
    }
}

/// The record's spelling of an argument tuple's type.
fn tuple_type(types: &[syn::Type]) -> String {
    let names: Vec<String> = types
        .iter()
        .map(|ty| record::type_name(&quote!(#ty)))
        .collect();
    match names.as_slice() {
        [one] => format!("({one},)"),
        many => format!("({})", many.join(", ")),
    }
}

fn expand(attributes: &mut Attributes, mut func: ItemFn) -> syn::Result<proc_macro2::TokenStream> {
    let name = func.sig.ident.clone();
    if !func.sig.generics.params.is_empty() || func.sig.asyncness.is_some() {
        return Err(syn::Error::new_spanned(
            &func.sig,
            "a provable function cannot be generic or async",
        ));
    }
    let mut arg_names = Vec::new();
    let mut arg_types = Vec::new();
    let (mut public_names, mut public_types) = (Vec::new(), Vec::new());
    let (mut private_names, mut private_types) = (Vec::new(), Vec::new());
    for arg in func.sig.inputs.iter_mut() {
        let FnArg::Typed(typed) = arg else {
            return Err(syn::Error::new_spanned(
                arg,
                "a provable function cannot take self",
            ));
        };
        let Pat::Ident(ident) = typed.pat.as_ref() else {
            return Err(syn::Error::new_spanned(
                &typed.pat,
                "use plain argument names",
            ));
        };
        let private = typed.attrs.iter().any(|a| a.path().is_ident("private"));
        typed.attrs.retain(|a| !a.path().is_ident("private"));
        let (names, types) = match private {
            true => (&mut private_names, &mut private_types),
            false => (&mut public_names, &mut public_types),
        };
        names.push(ident.ident.clone());
        types.push(typed.ty.as_ref().clone());
        arg_names.push(ident.ident.clone());
        arg_types.push(typed.ty.as_ref().clone());
    }
    attributes.has_private_arguments = !private_names.is_empty();
    attributes
        .check()
        .map_err(|e| syn::Error::new_spanned(&func.sig, e))?;
    let output_type = match &func.sig.output {
        ReturnType::Default => quote!(()),
        ReturnType::Type(_, ty) => quote!(#ty),
    };
    let inputs = tuple_type(&public_types);
    let private_inputs = tuple_type(&private_types);

    let layout = attributes.layout_tokens();
    let max_cycles = attributes.max_cycles_tokens();
    let start_symbol = format!("_jolt_start_{name}");
    let main_symbol = format_ident!("__jolt_main_{}", name);
    let compile_fn = format_ident!("compile_{}", name);
    let analyze_fn = format_ident!("analyze_{}", name);
    let layout_fn = format_ident!("memory_layout_{}", name);
    let preprocess_fn = format_ident!("preprocess_{}", name);
    let prove_fn = format_ident!("prove_{}", name);
    let verify_fn = format_ident!("verify_{}", name);
    let prove_zk_fn = format_ident!("prove_zk_{}", name);
    let verify_zk_fn = format_ident!("verify_zk_{}", name);
    let build_fn = format_ident!("build_{}", name);
    let stack_size = attributes.stack_size();
    let function_name = name.to_string();
    let record_asm = record::section_asm(&jolt_common::FunctionRecord {
        name: &function_name,
        entry: &start_symbol,
        layout: attributes.layout(),
        max_cycles: attributes.max_cycles(),
        inputs: &inputs,
        private_inputs: &private_inputs,
        output: &record::type_name(&output_type),
    });
    let entry_asm = format!(
        ".section .text.{start_symbol},\"ax\",@progbits\n\
         .globl {start_symbol}\n\
         .type {start_symbol},@function\n\
         {start_symbol}:\n\
         la t0, _image_end\n\
         li t1, {stack_size}\n\
         add sp, t0, t1\n\
         mv a0, sp\n\
         tail {main_symbol}\n\
         .size {start_symbol}, .-{start_symbol}\n"
    );

    Ok(quote! {
        #func

        #[cfg(feature = "guest")]
        const _: () = {
            #[no_mangle]
            extern "C" fn #main_symbol(heap_start: usize) -> ! {
                const LAYOUT: ::jolt::MemoryLayout = #layout;
                // SAFETY: called once, from the entry stub, before anything else runs.
                unsafe {
                    ::jolt::guest::run::<(#(#public_types,)*), (#(#private_types,)*), #output_type>(
                        &LAYOUT,
                        heap_start,
                        |(#(#public_names,)*), (#(#private_names,)*)| #name(#(#arg_names),*),
                    )
                }
            }
        };

        #[cfg(feature = "guest")]
        ::core::arch::global_asm!(#entry_asm);

        #[cfg(feature = "guest")]
        ::core::arch::global_asm!(#record_asm);

        /// The memory layout this function's guest runs with.
        #[cfg(not(feature = "guest"))]
        pub const fn #layout_fn() -> ::jolt::MemoryLayout {
            #layout
        }

        /// Builds the guest crate for RV32IM and returns this function's program.
        #[cfg(not(feature = "guest"))]
        pub fn #compile_fn() -> ::core::result::Result<::jolt::host::GuestProgram, ::jolt::host::BuildError> {
            static PROGRAM: ::std::sync::OnceLock<
                ::core::result::Result<::jolt::host::GuestProgram, ::jolt::host::BuildError>,
            > = ::std::sync::OnceLock::new();
            PROGRAM
                .get_or_init(|| {
                    ::jolt::host::GuestSpec {
                        manifest_dir: env!("CARGO_MANIFEST_DIR"),
                        package: env!("CARGO_PKG_NAME"),
                        function: stringify!(#name),
                        layout: #layout,
                        max_cycles: #max_cycles,
                    }
                    .compile()
                })
                .clone()
        }

        /// Runs this function in the emulator (no proof): output, cycles and instruction mix.
        #[cfg(not(feature = "guest"))]
        pub fn #analyze_fn(#(#arg_names: #arg_types),*)
            -> ::core::result::Result<::jolt::host::Summary<#output_type>, ::jolt::host::Error>
        {
            let program = #compile_fn()?;
            program.analyze_private(&(#(#public_names,)*), &(#(#private_names,)*))
        }

        /// Builds the guest and preprocesses this function: the prover key, which holds the
        /// verifier key (`pk.vk`; write it with `jolt::host::write_verifier_key`). The
        /// commitment parameters are `jolt::host::GuestProgram::preprocess`'s.
        #[cfg(not(feature = "guest"))]
        pub fn #preprocess_fn() -> ::core::result::Result<::jolt::host::ProverKey, ::jolt::host::Error> {
            #compile_fn()?.preprocess()
        }

        /// Runs this function in the zkVM and proves the run: the output (`None` if the guest
        /// panicked) and the proof; `Error::OutputTooLarge` if the output does not fit
        /// `max_output_size`.
        #[cfg(not(feature = "guest"))]
        pub fn #prove_fn(pk: &::jolt::host::ProverKey, #(#arg_names: #arg_types),*)
            -> ::core::result::Result<(::core::option::Option<#output_type>, ::jolt::host::Proof), ::jolt::host::Error>
        {
            #compile_fn()?.prove_private(pk, &(#(#public_names,)*), &(#(#private_names,)*))
        }

        /// Verifies that this function, on these public arguments (and private ones the
        /// verifier does not know), returned `output` (`None`: the guest panicked). Needs only
        /// the verifier key and the proof.
        #[cfg(not(feature = "guest"))]
        pub fn #verify_fn(
            vk: &::jolt::host::VerifierKey,
            #(#public_names: #public_types,)*
            output: ::core::option::Option<#output_type>,
            proof: &::jolt::host::Proof,
        ) -> ::core::result::Result<(), ::jolt::host::Error> {
            ::jolt::host::verify(vk, &(#(#public_names,)*), output.as_ref(), proof)
        }

        /// Runs this function in the zkVM and proves the run in zero knowledge: the proof
        /// reveals nothing about the run beyond the public arguments, the output and the
        /// run's padded length.
        #[cfg(not(feature = "guest"))]
        pub fn #prove_zk_fn(pk: &::jolt::host::ProverKey, #(#arg_names: #arg_types),*)
            -> ::core::result::Result<(::core::option::Option<#output_type>, ::jolt::host::ZkProof), ::jolt::host::Error>
        {
            #compile_fn()?.prove_zk(pk, &(#(#public_names,)*), &(#(#private_names,)*))
        }

        /// Verifies a zero-knowledge proof that this function, on these public arguments,
        /// returned `output` (`None`: the guest panicked).
        #[cfg(not(feature = "guest"))]
        pub fn #verify_zk_fn(
            vk: &::jolt::host::VerifierKey,
            #(#public_names: #public_types,)*
            output: ::core::option::Option<#output_type>,
            proof: &::jolt::host::ZkProof,
        ) -> ::core::result::Result<(), ::jolt::host::Error> {
            ::jolt::host::verify_zk(vk, &(#(#public_names,)*), output.as_ref(), proof)
        }

        /// Builds and preprocesses this function once, and returns a prove closure
        /// (arguments → output and proof) and a verify closure (public arguments, claimed
        /// output — `None` for a panic — and proof → `Ok(())` if the proof is valid).
        #[cfg(not(feature = "guest"))]
        #[allow(clippy::type_complexity)]
        pub fn #build_fn() -> ::core::result::Result<
            (
                impl Fn(#(#arg_types),*) -> ::core::result::Result<(::core::option::Option<#output_type>, ::jolt::host::Proof), ::jolt::host::Error>,
                impl Fn(#(#public_types,)* ::core::option::Option<#output_type>, &::jolt::host::Proof) -> ::core::result::Result<(), ::jolt::host::Error>,
            ),
            ::jolt::host::Error,
        > {
            let program = #compile_fn()?;
            let pk = ::std::sync::Arc::new(program.preprocess()?);
            let verifier = pk.clone();
            let prove = move |#(#arg_names: #arg_types),*| {
                program.prove_private(&pk, &(#(#public_names,)*), &(#(#private_names,)*))
            };
            let verify = move |#(#public_names: #public_types,)* output: ::core::option::Option<#output_type>, proof: &::jolt::host::Proof| {
                ::jolt::host::verify(&verifier.vk, &(#(#public_names,)*), output.as_ref(), proof)
            };
            Ok((prove, verify))
        }
    })
}
