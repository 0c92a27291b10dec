//! Small integer types that a compact polynomial or a small-scalar MSM stores.

use super::JoltField;

/// An unsigned integer type that stands for a field element (`u8`, `u16`, `u32`, `u64`).
pub trait SmallScalar:
    Copy + Send + Sync + Default + PartialEq + std::fmt::Debug + 'static
{
    /// Number of bits of the type.
    const BITS: u32;
    /// The value as a `u64`.
    fn as_u64(self) -> u64;
    /// The value as a field element.
    #[inline]
    fn to_field<F: JoltField>(self) -> F {
        F::from_u64(self.as_u64())
    }
}

macro_rules! impl_small_scalar {
    ($($t:ty),*) => {$(
        impl SmallScalar for $t {
            const BITS: u32 = <$t>::BITS;
            #[inline]
            fn as_u64(self) -> u64 {
                self as u64
            }
        }
    )*};
}
impl_small_scalar!(u8, u16, u32, u64);
