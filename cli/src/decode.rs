//! A program's output, shown: its bytes in hex, and decoded when the ELF records the
//! function's return type and the type is one of the integer types, `bool`, `String`/`&str`,
//! `Vec<u8>`, `()` or a tuple of these (postcard, as the guest encoded it).

use serde_json::{json, Value};

/// A return type the command line decodes.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Ty {
    Bool,
    U8,
    U16,
    U32,
    U64,
    U128,
    I8,
    I16,
    I32,
    I64,
    I128,
    Str,
    Bytes,
    Tuple(Vec<Ty>),
}

/// The top-level, comma-separated parts of a tuple's inside.
fn split_top(inside: &str) -> Vec<&str> {
    let (mut parts, mut depth, mut start) = (Vec::new(), 0i32, 0);
    for (i, c) in inside.char_indices() {
        match c {
            '(' | '<' | '[' => depth += 1,
            ')' | '>' | ']' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inside[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inside[start..]);
    parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// Parses a type name as the record spells it.
fn parse(name: &str) -> Option<Ty> {
    let name = name.trim();
    if let Some(inside) = name.strip_prefix('(').and_then(|n| n.strip_suffix(')')) {
        return split_top(inside)
            .into_iter()
            .map(parse)
            .collect::<Option<_>>()
            .map(Ty::Tuple);
    }
    let last = name.rsplit("::").next().unwrap_or(name);
    Some(match last {
        "bool" => Ty::Bool,
        "u8" => Ty::U8,
        "u16" => Ty::U16,
        "u32" | "usize" => Ty::U32,
        "u64" => Ty::U64,
        "u128" => Ty::U128,
        "i8" => Ty::I8,
        "i16" => Ty::I16,
        "i32" | "isize" => Ty::I32,
        "i64" => Ty::I64,
        "i128" => Ty::I128,
        "String" | "&str" | "&'static str" => Ty::Str,
        _ if name.ends_with("Vec<u8>") => Ty::Bytes,
        _ => return None,
    })
}

/// A decoded value: its JSON and its text.
struct Decoded {
    json: Value,
    text: String,
}

fn int<T: serde::de::DeserializeOwned + ToString + Copy>(
    bytes: &[u8],
    to_json: impl Fn(T) -> Value,
) -> Option<(Decoded, &[u8])> {
    let (v, rest) = postcard::take_from_bytes::<T>(bytes).ok()?;
    Some((
        Decoded {
            json: to_json(v),
            text: v.to_string(),
        },
        rest,
    ))
}

/// A 128-bit integer in JSON: a number when it fits 64 bits, its decimal string otherwise.
fn wide(v: impl TryInto<i64> + TryInto<u64> + ToString + Copy) -> Value {
    match (TryInto::<u64>::try_into(v), TryInto::<i64>::try_into(v)) {
        (Ok(u), _) => json!(u),
        (_, Ok(i)) => json!(i),
        _ => json!(v.to_string()),
    }
}

fn decode_ty<'a>(ty: &Ty, bytes: &'a [u8]) -> Option<(Decoded, &'a [u8])> {
    match ty {
        Ty::Bool => int::<bool>(bytes, |v| json!(v)),
        Ty::U8 => int::<u8>(bytes, |v| json!(v)),
        Ty::U16 => int::<u16>(bytes, |v| json!(v)),
        Ty::U32 => int::<u32>(bytes, |v| json!(v)),
        Ty::U64 => int::<u64>(bytes, |v| json!(v)),
        Ty::U128 => int::<u128>(bytes, wide),
        Ty::I8 => int::<i8>(bytes, |v| json!(v)),
        Ty::I16 => int::<i16>(bytes, |v| json!(v)),
        Ty::I32 => int::<i32>(bytes, |v| json!(v)),
        Ty::I64 => int::<i64>(bytes, |v| json!(v)),
        Ty::I128 => int::<i128>(bytes, wide),
        Ty::Str => {
            let (s, rest) = postcard::take_from_bytes::<String>(bytes).ok()?;
            Some((
                Decoded {
                    text: format!("{s:?}"),
                    json: json!(s),
                },
                rest,
            ))
        }
        Ty::Bytes => {
            let (v, rest) = postcard::take_from_bytes::<Vec<u8>>(bytes).ok()?;
            Some((
                Decoded {
                    text: format!("{v:?}"),
                    json: json!(v),
                },
                rest,
            ))
        }
        Ty::Tuple(parts) => {
            let (mut json, mut texts, mut rest) = (Vec::new(), Vec::new(), bytes);
            for part in parts {
                let (d, r) = decode_ty(part, rest)?;
                json.push(d.json);
                texts.push(d.text);
                rest = r;
            }
            let text = match texts.as_slice() {
                [one] => format!("({one},)"),
                _ => format!("({})", texts.join(", ")),
            };
            Some((
                Decoded {
                    json: Value::Array(json),
                    text,
                },
                rest,
            ))
        }
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A run's output region, shown for the return type `ty` (if known).
pub struct Output {
    /// The encoded output: the bytes the decoding consumed, or the region without its
    /// trailing zeros when it does not decode.
    pub hex: String,
    /// The type, when recorded.
    pub ty: Option<String>,
    decoded: Option<Decoded>,
}

impl Output {
    /// Reads the output region `region`; `panicked` runs have no output.
    pub fn new(region: &[u8], ty: Option<&str>, panicked: bool) -> Self {
        let decoded = match (ty.and_then(parse), panicked) {
            (Some(parsed), false) => decode_ty(&parsed, region),
            _ => None,
        };
        let encoded = match &decoded {
            Some((_, rest)) => &region[..region.len() - rest.len()],
            None => {
                let end = region.iter().rposition(|&b| b != 0).map_or(0, |i| i + 1);
                &region[..end]
            }
        };
        Self {
            hex: hex(encoded),
            ty: ty.map(str::to_string),
            decoded: decoded.map(|(d, _)| d),
        }
    }

    /// The JSON fields `output_hex`, `output_type` and `output` (the decoded value or null).
    pub fn json_fields(&self, value: &mut Value) {
        value["output_hex"] = json!(self.hex);
        value["output_type"] = json!(self.ty);
        value["output"] = self
            .decoded
            .as_ref()
            .map_or(Value::Null, |d| d.json.clone());
    }

    /// The text lines: the decoded value with its type, then the hex.
    pub fn print(&self) {
        if let (Some(d), Some(ty)) = (&self.decoded, &self.ty) {
            println!("output: {}  (type {ty})", d.text);
        }
        match self.hex.as_str() {
            "" => println!("output bytes: none"),
            hex => println!("output bytes: {hex}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(ty: &str, value: &impl serde::Serialize) -> (String, Value) {
        let mut region = postcard::to_stdvec(value).unwrap();
        region.resize(64, 0);
        let out = Output::new(&region, Some(ty), false);
        let d = out.decoded.expect("decodes");
        (d.text, d.json)
    }

    #[test]
    fn integers_bools_strings_bytes_and_tuples_decode() {
        assert_eq!(shown("u128", &12_586_269_025u128).0, "12586269025");
        assert_eq!(shown("u128", &u128::MAX).1, json!(u128::MAX.to_string()));
        assert_eq!(shown("i32", &-7i32).1, json!(-7));
        assert_eq!(shown("usize", &9u32).0, "9");
        assert_eq!(shown("bool", &true).1, json!(true));
        assert_eq!(shown("String", &"hi").0, "\"hi\"");
        assert_eq!(shown("&'static str", &"hi").1, json!("hi"));
        assert_eq!(shown("alloc::vec::Vec<u8>", &vec![1u8, 2]).1, json!([1, 2]));
        let (text, value) = shown("(u64, bool)", &(5u64, false));
        assert_eq!(text, "(5, false)");
        assert_eq!(value, json!([5, false]));
        assert_eq!(shown("(u8,)", &(3u8,)).0, "(3,)");
    }

    #[test]
    fn hex_is_the_encoding_and_unknown_types_stay_hex() {
        let mut region = postcard::to_stdvec(&(0u32, 0u8)).unwrap();
        region.resize(16, 0);
        assert_eq!(Output::new(&region, Some("(u32, u8)"), false).hex, "0000");
        let opaque = Output::new(&[7, 1, 0, 0], Some("MyStruct"), false);
        assert!(opaque.decoded.is_none());
        assert_eq!(opaque.hex, "0701");
        assert!(Output::new(&[7], Some("u8"), true).decoded.is_none());
        assert!(Output::new(&[0xff], Some("String"), false)
            .decoded
            .is_none());
    }
}
