//! Serialization of proof objects: ark-serialize, compressed, validated on read.
//!
//! Two hazards of deserializing untrusted bytes with ark-serialize's stock `Vec<T>` impl are
//! closed here:
//! * a length prefix like `2^60` makes `Vec::with_capacity` abort the process. [`SafeVec`]
//!   reads the length and then grows the vector element by element (capacity capped), so a
//!   lying length prefix fails with an `Io` error at the end of the input instead;
//! * trailing bytes after a valid object are silently ignored by `deserialize_compressed`,
//!   and some encodings are malleable (the coordinate bytes of the point at infinity are
//!   ignored). [`from_bytes`] rejects both: it accepts only the canonical encoding.
//!
//! Every proof type in this crate uses [`SafeVec`] for its variable-length fields.

use ark_serialize::{
    CanonicalDeserialize, CanonicalSerialize, Compress, Read, SerializationError, Valid, Validate,
    Write,
};
use std::ops::{Deref, DerefMut};

/// Largest capacity reserved up front while reading a vector of untrusted length.
const MAX_PREALLOCATION: usize = 1 << 10;

/// Serializes `value` in compressed form.
pub fn to_bytes<T: CanonicalSerialize>(value: &T) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(value.compressed_size());
    // Writing into a Vec cannot fail.
    let _ = value.serialize_compressed(&mut bytes);
    bytes
}

/// Deserializes a compressed, validated `T` that must span all of `bytes` and be its
/// canonical encoding (re-encoding gives `bytes` back: e.g. the point at infinity's ignored
/// coordinate bytes must be zero), so that every accepted byte string is the one encoding of
/// its value.
pub fn from_bytes<T: CanonicalSerialize + CanonicalDeserialize>(
    bytes: &[u8],
) -> Result<T, SerializationError> {
    let mut reader = bytes;
    let value = T::deserialize_with_mode(&mut reader, Compress::Yes, Validate::Yes)?;
    if reader.is_empty() && to_bytes(&value) == bytes {
        Ok(value)
    } else {
        Err(SerializationError::InvalidData)
    }
}

/// A `Vec<T>` whose deserialization never trusts the length prefix for allocation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SafeVec<T>(pub Vec<T>);

impl<T> SafeVec<T> {
    /// The inner vector.
    pub fn into_inner(self) -> Vec<T> {
        self.0
    }
}

impl<T> From<Vec<T>> for SafeVec<T> {
    fn from(v: Vec<T>) -> Self {
        SafeVec(v)
    }
}

impl<T> Deref for SafeVec<T> {
    type Target = Vec<T>;
    fn deref(&self) -> &Vec<T> {
        &self.0
    }
}

impl<T> DerefMut for SafeVec<T> {
    fn deref_mut(&mut self) -> &mut Vec<T> {
        &mut self.0
    }
}

impl<T: CanonicalSerialize> CanonicalSerialize for SafeVec<T> {
    fn serialize_with_mode<W: Write>(
        &self,
        writer: W,
        compress: Compress,
    ) -> Result<(), SerializationError> {
        self.0.serialize_with_mode(writer, compress)
    }

    fn serialized_size(&self, compress: Compress) -> usize {
        self.0.serialized_size(compress)
    }
}

impl<T: Valid> Valid for SafeVec<T> {
    fn check(&self) -> Result<(), SerializationError> {
        self.0.iter().try_for_each(Valid::check)
    }
}

impl<T: CanonicalDeserialize> CanonicalDeserialize for SafeVec<T> {
    fn deserialize_with_mode<R: Read>(
        mut reader: R,
        compress: Compress,
        validate: Validate,
    ) -> Result<Self, SerializationError> {
        let len = u64::deserialize_with_mode(&mut reader, compress, validate)?;
        let len = usize::try_from(len).map_err(|_| SerializationError::InvalidData)?;
        let mut values = Vec::with_capacity(len.min(MAX_PREALLOCATION));
        for _ in 0..len {
            values.push(T::deserialize_with_mode(&mut reader, compress, validate)?);
        }
        Ok(SafeVec(values))
    }
}

/// Implements `CanonicalSerialize`, `Valid` and `CanonicalDeserialize` for a struct by
/// (de)serializing the listed fields in order, with nothing in between (the encoding is the
/// concatenation of the fields' encodings).
///
/// `impl_canonical_fields!([generics] Type where [bounds] { field, … });`
macro_rules! impl_canonical_fields {
    ([$($gen:tt)*] $ty:ty where [$($bounds:tt)*] { $($field:ident),+ $(,)? }) => {
        impl<$($gen)*> ark_serialize::CanonicalSerialize for $ty where $($bounds)* {
            fn serialize_with_mode<W: ark_serialize::Write>(
                &self,
                mut w: W,
                compress: ark_serialize::Compress,
            ) -> Result<(), ark_serialize::SerializationError> {
                $(ark_serialize::CanonicalSerialize::serialize_with_mode(
                    &self.$field,
                    &mut w,
                    compress,
                )?;)+
                Ok(())
            }

            fn serialized_size(&self, compress: ark_serialize::Compress) -> usize {
                0 $(+ ark_serialize::CanonicalSerialize::serialized_size(&self.$field, compress))+
            }
        }

        impl<$($gen)*> ark_serialize::Valid for $ty where $($bounds)* {
            fn check(&self) -> Result<(), ark_serialize::SerializationError> {
                $(ark_serialize::Valid::check(&self.$field)?;)+
                Ok(())
            }
        }

        impl<$($gen)*> ark_serialize::CanonicalDeserialize for $ty where $($bounds)* {
            fn deserialize_with_mode<R: ark_serialize::Read>(
                mut r: R,
                compress: ark_serialize::Compress,
                validate: ark_serialize::Validate,
            ) -> Result<Self, ark_serialize::SerializationError> {
                Ok(Self {
                    $($field: ark_serialize::CanonicalDeserialize::deserialize_with_mode(
                        &mut r,
                        compress,
                        validate,
                    )?,)+
                })
            }
        }
    };
}
pub(crate) use impl_canonical_fields;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::field::Fr;

    #[test]
    fn safe_vec_round_trip_and_rejects_lying_length() {
        let v: SafeVec<Fr> = vec![Fr::from(1u64), Fr::from(7u64)].into();
        let bytes = to_bytes(&v);
        assert_eq!(from_bytes::<SafeVec<Fr>>(&bytes).unwrap(), v);
        // Trailing byte.
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(from_bytes::<SafeVec<Fr>>(&longer).is_err());
        // A huge length prefix must fail cleanly, not abort.
        let mut huge = bytes.clone();
        huge[..8].copy_from_slice(&(u64::MAX / 2).to_le_bytes());
        assert!(from_bytes::<SafeVec<Fr>>(&huge).is_err());
    }

    #[test]
    fn only_canonical_encodings_decode() {
        use ark_ec::AffineRepr;
        let infinity = ark_bn254::G1Affine::zero();
        let bytes = to_bytes(&infinity);
        assert_eq!(from_bytes::<ark_bn254::G1Affine>(&bytes).unwrap(), infinity);
        // arkworks ignores the coordinate bytes of the point at infinity; we do not.
        let mut other = bytes.clone();
        other[3] ^= 8;
        assert!(from_bytes::<ark_bn254::G1Affine>(&other).is_err());
    }
}
