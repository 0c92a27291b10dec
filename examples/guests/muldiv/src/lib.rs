//! The M extension on the operands where the spec is subtle: signs, zero divisors and overflow.
#![cfg_attr(feature = "guest", no_std)]

/// Every M-extension result for (a, b), in the order mul, mulh, mulhsu, mulhu, div, divu, rem, remu.
#[jolt::provable(memory_size = 262_144)]
pub fn muldiv(a: i32, b: i32) -> [u32; 8] {
    let (ua, ub) = (a as u32, b as u32);
    let mulh = ((i64::from(a) * i64::from(b)) >> 32) as u32;
    let mulhsu = ((i64::from(a) * i64::from(ub)) >> 32) as u32;
    let mulhu = ((u64::from(ua) * u64::from(ub)) >> 32) as u32;
    let div = if b == 0 {
        u32::MAX
    } else {
        a.wrapping_div(b) as u32
    };
    let divu = ua.checked_div(ub).unwrap_or(u32::MAX);
    let rem = if b == 0 { ua } else { a.wrapping_rem(b) as u32 };
    let remu = if ub == 0 { ua } else { ua % ub };
    [
        a.wrapping_mul(b) as u32,
        mulh,
        mulhsu,
        mulhu,
        div,
        divu,
        rem,
        remu,
    ]
}
