//! The function record a guest build writes into its ELF ([`jolt_common::record`]): the
//! assembly of a non-allocated `.jolt.functions` section holding the encoded record, and the
//! type names it carries.

use jolt_common::{record::SECTION, FunctionRecord};
use proc_macro2::TokenStream;

/// The name of a type as written in source, with the spaces the token printer adds removed
/// where they separate punctuation (`Vec < u8 >` becomes `Vec<u8>`), and one space after commas.
pub fn type_name(tokens: &TokenStream) -> String {
    let printed = tokens.to_string();
    let chars: Vec<char> = printed.chars().collect();
    let word = |c: Option<&char>| c.is_some_and(|c| c.is_alphanumeric() || *c == '_' || *c == '\'');
    let mut name = String::with_capacity(printed.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' {
            let before = i.checked_sub(1).and_then(|j| chars.get(j));
            if word(before) && word(chars.get(i + 1)) {
                name.push(' ');
            }
            continue;
        }
        name.push(c);
        if c == ',' && chars.get(i + 1).is_some_and(|&n| n != ')') {
            name.push(' ');
        }
    }
    name
}

/// Assembly that places the encoded `record` in the record section, which the linker keeps
/// and does not load into guest memory (section flags `""`).
pub fn section_asm(record: &FunctionRecord<'_>) -> String {
    let mut bytes = vec![0u8; record.encoded_len()];
    record.encode_into(&mut bytes);
    let listed: Vec<String> = bytes.iter().map(u8::to_string).collect();
    format!(
        ".pushsection {SECTION},\"\",@progbits\n.byte {}\n.popsection\n",
        listed.join(",")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    #[test]
    fn type_names_read_as_written() {
        assert_eq!(type_name(&quote!(Vec<u8>)), "Vec<u8>");
        assert_eq!(type_name(&quote!((u32, bool,))), "(u32, bool,)");
        assert_eq!(type_name(&quote!((u32,))), "(u32,)");
        assert_eq!(type_name(&quote!(&'static str)), "&'static str");
        assert_eq!(
            type_name(&quote!(Option<(u64, String)>)),
            "Option<(u64, String)>"
        );
    }

    #[test]
    fn the_section_holds_the_encoded_record() {
        let record = FunctionRecord {
            name: "f",
            entry: "_jolt_start_f",
            layout: jolt_common::MemoryLayout::default(),
            max_cycles: 7,
            inputs: "()",
            private_inputs: "()",
            output: "()",
        };
        let asm = section_asm(&record);
        assert!(asm
            .starts_with(".pushsection .jolt.functions,\"\",@progbits\n.byte 74,79,76,84,70,78,"));
        let listed = asm.lines().nth(1).unwrap().trim_start_matches(".byte ");
        let bytes: Vec<u8> = listed.split(',').map(|b| b.parse().unwrap()).collect();
        let decoded: Vec<_> = jolt_common::record::Records::new(&bytes).collect();
        assert_eq!(decoded, vec![Ok(record)]);
    }
}
