//! RV32IM conformance test: harness self-check. It MUST fail: it exits with a0 = 3 (test case 3 is wrong on purpose).
//!
//! Linked at 0x8000_0000 by link.x; exits via `ecall` (a7 = 93) with a0 = 0
//! on success or a0 = the number of the first failing test case.
#![no_std]
#![no_main]

core::arch::global_asm!(
    include_str!("../macros.s"),
    r#"
    RVTEST_CODE_BEGIN

    # Test case 2 passes.
    TEST_RR_OP 2, add, 0x00000003, 0x00000001, 0x00000002
    # Test case 3 checks a deliberately wrong result: 1 + 2 != 4.
    TEST_RR_OP 3, add, 0x00000004, 0x00000001, 0x00000002
    # Never reached: would pass.
    TEST_RR_OP 4, add, 0x00000000, 0x00000000, 0x00000000

    TEST_PASSFAIL
"#,
    options(raw)
);

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}
