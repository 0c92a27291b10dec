//! The `key = value` attributes of `#[provable(...)]`.

use proc_macro2::TokenStream;
use quote::quote;
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::{Expr, ExprLit, Lit, MetaNameValue, Token};

/// Parsed attributes; `None` means "use the default from `jolt::defaults`".
#[derive(Default)]
pub struct Attributes {
    max_input_size: Option<u64>,
    max_private_input_size: Option<u64>,
    /// Whether the function has `#[private]` arguments (set by the expansion, not parsed).
    pub has_private_arguments: bool,
    max_output_size: Option<u64>,
    stack_size: Option<u64>,
    memory_size: Option<u64>,
    max_cycles: Option<u64>,
}

use jolt_common::{defaults, MemoryLayout};

impl Parse for Attributes {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let mut attributes = Attributes::default();
        for pair in Punctuated::<MetaNameValue, Token![,]>::parse_terminated(input)? {
            let value = match &pair.value {
                Expr::Lit(ExprLit {
                    lit: Lit::Int(int), ..
                }) => int.base10_parse::<u64>()?,
                other => {
                    return Err(syn::Error::new_spanned(
                        other,
                        "expected an integer literal",
                    ))
                }
            };
            let key = pair
                .path
                .get_ident()
                .map(ToString::to_string)
                .unwrap_or_default();
            let slot = match key.as_str() {
                "max_input_size" => &mut attributes.max_input_size,
                "max_private_input_size" => &mut attributes.max_private_input_size,
                "max_output_size" => &mut attributes.max_output_size,
                "stack_size" => &mut attributes.stack_size,
                "memory_size" => &mut attributes.memory_size,
                "max_cycles" => &mut attributes.max_cycles,
                _ => {
                    return Err(syn::Error::new_spanned(
                        &pair.path,
                        "unknown attribute: expected max_input_size, max_private_input_size, max_output_size, stack_size, memory_size or max_cycles",
                    ))
                }
            };
            if key != "max_cycles" && value > u64::from(u32::MAX) {
                return Err(syn::Error::new_spanned(
                    &pair.value,
                    "sizes must fit in 32 bits",
                ));
            }
            *slot = Some(value);
        }
        Ok(attributes)
    }
}

fn size(value: Option<u64>, default: TokenStream) -> TokenStream {
    match value {
        Some(v) => {
            let v = v as u32;
            quote!(#v)
        }
        None => default,
    }
}

impl Attributes {
    /// The private input region's size: the attribute, else one page with `#[private]`
    /// arguments and none without.
    fn max_private_input_size(&self) -> u32 {
        let default = match self.has_private_arguments {
            true => defaults::MAX_PRIVATE_INPUT_SIZE,
            false => 0,
        };
        self.max_private_input_size.map_or(default, |v| v as u32)
    }

    /// An error if `max_private_input_size` is given to a function without private arguments.
    pub fn check(&self) -> Result<(), &'static str> {
        match (self.max_private_input_size, self.has_private_arguments) {
            (Some(_), false) => Err("max_private_input_size needs a #[private] argument"),
            _ => Ok(()),
        }
    }

    /// Stack size as a number, for the entry stub's assembly.
    pub fn stack_size(&self) -> u64 {
        self.stack_size.unwrap_or(defaults::STACK_SIZE.into())
    }

    /// The layout as numbers, defaults filled in (for the function record).
    pub fn layout(&self) -> MemoryLayout {
        let size = |v: Option<u64>, default: u32| v.map_or(default, |v| v as u32);
        MemoryLayout {
            max_input_size: size(self.max_input_size, defaults::MAX_INPUT_SIZE),
            max_private_input_size: self.max_private_input_size(),
            max_output_size: size(self.max_output_size, defaults::MAX_OUTPUT_SIZE),
            stack_size: size(self.stack_size, defaults::STACK_SIZE),
            memory_size: size(self.memory_size, defaults::MEMORY_SIZE),
        }
    }

    /// The cycle bound as a number, the default filled in.
    pub fn max_cycles(&self) -> u64 {
        self.max_cycles.unwrap_or(defaults::MAX_CYCLES)
    }

    /// A `jolt::MemoryLayout` constant expression.
    pub fn layout_tokens(&self) -> TokenStream {
        let max_input_size = size(
            self.max_input_size,
            quote!(::jolt::defaults::MAX_INPUT_SIZE),
        );
        let max_output_size = size(
            self.max_output_size,
            quote!(::jolt::defaults::MAX_OUTPUT_SIZE),
        );
        let stack_size = size(Some(self.stack_size()), quote!());
        let memory_size = size(self.memory_size, quote!(::jolt::defaults::MEMORY_SIZE));
        let max_private_input_size = self.max_private_input_size();
        quote! {
            ::jolt::MemoryLayout {
                max_input_size: #max_input_size,
                max_private_input_size: #max_private_input_size,
                max_output_size: #max_output_size,
                stack_size: #stack_size,
                memory_size: #memory_size,
            }
        }
    }

    /// The cycle bound as a `u64` expression.
    pub fn max_cycles_tokens(&self) -> TokenStream {
        match self.max_cycles {
            Some(v) => quote!(#v),
            None => quote!(::jolt::defaults::MAX_CYCLES),
        }
    }
}
