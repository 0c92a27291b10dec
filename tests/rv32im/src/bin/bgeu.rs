//! RV32IM conformance test: BGEU (unsigned): taken and not taken, forwards and backwards.
//!
//! Linked at 0x8000_0000 by link.x; exits via `ecall` (a7 = 93) with a0 = 0
//! on success or a0 = the number of the first failing test case.
#![no_std]
#![no_main]

core::arch::global_asm!(
    include_str!("../macros.s"),
    r#"
    RVTEST_CODE_BEGIN

    #-------------------------------------------------------------
    # Every pair of 0, 1, -1, INT_MIN, INT_MAX, -2
    #-------------------------------------------------------------
    TEST_BR2_OP_TAKEN 2, bgeu, 0x00000000, 0x00000000
    TEST_BR2_OP_NOTTAKEN 3, bgeu, 0x00000000, 0x00000001
    TEST_BR2_OP_NOTTAKEN 4, bgeu, 0x00000000, 0xffffffff
    TEST_BR2_OP_NOTTAKEN 5, bgeu, 0x00000000, 0x80000000
    TEST_BR2_OP_NOTTAKEN 6, bgeu, 0x00000000, 0x7fffffff
    TEST_BR2_OP_NOTTAKEN 7, bgeu, 0x00000000, 0xfffffffe
    TEST_BR2_OP_TAKEN 8, bgeu, 0x00000001, 0x00000000
    TEST_BR2_OP_TAKEN 9, bgeu, 0x00000001, 0x00000001
    TEST_BR2_OP_NOTTAKEN 10, bgeu, 0x00000001, 0xffffffff
    TEST_BR2_OP_NOTTAKEN 11, bgeu, 0x00000001, 0x80000000
    TEST_BR2_OP_NOTTAKEN 12, bgeu, 0x00000001, 0x7fffffff
    TEST_BR2_OP_NOTTAKEN 13, bgeu, 0x00000001, 0xfffffffe
    TEST_BR2_OP_TAKEN 14, bgeu, 0xffffffff, 0x00000000
    TEST_BR2_OP_TAKEN 15, bgeu, 0xffffffff, 0x00000001
    TEST_BR2_OP_TAKEN 16, bgeu, 0xffffffff, 0xffffffff
    TEST_BR2_OP_TAKEN 17, bgeu, 0xffffffff, 0x80000000
    TEST_BR2_OP_TAKEN 18, bgeu, 0xffffffff, 0x7fffffff
    TEST_BR2_OP_TAKEN 19, bgeu, 0xffffffff, 0xfffffffe
    TEST_BR2_OP_TAKEN 20, bgeu, 0x80000000, 0x00000000
    TEST_BR2_OP_TAKEN 21, bgeu, 0x80000000, 0x00000001
    TEST_BR2_OP_NOTTAKEN 22, bgeu, 0x80000000, 0xffffffff
    TEST_BR2_OP_TAKEN 23, bgeu, 0x80000000, 0x80000000
    TEST_BR2_OP_TAKEN 24, bgeu, 0x80000000, 0x7fffffff
    TEST_BR2_OP_NOTTAKEN 25, bgeu, 0x80000000, 0xfffffffe
    TEST_BR2_OP_TAKEN 26, bgeu, 0x7fffffff, 0x00000000
    TEST_BR2_OP_TAKEN 27, bgeu, 0x7fffffff, 0x00000001
    TEST_BR2_OP_NOTTAKEN 28, bgeu, 0x7fffffff, 0xffffffff
    TEST_BR2_OP_NOTTAKEN 29, bgeu, 0x7fffffff, 0x80000000
    TEST_BR2_OP_TAKEN 30, bgeu, 0x7fffffff, 0x7fffffff
    TEST_BR2_OP_NOTTAKEN 31, bgeu, 0x7fffffff, 0xfffffffe
    TEST_BR2_OP_TAKEN 32, bgeu, 0xfffffffe, 0x00000000
    TEST_BR2_OP_TAKEN 33, bgeu, 0xfffffffe, 0x00000001
    TEST_BR2_OP_NOTTAKEN 34, bgeu, 0xfffffffe, 0xffffffff
    TEST_BR2_OP_TAKEN 35, bgeu, 0xfffffffe, 0x80000000
    TEST_BR2_OP_TAKEN 36, bgeu, 0xfffffffe, 0x7fffffff
    TEST_BR2_OP_TAKEN 37, bgeu, 0xfffffffe, 0xfffffffe

    #-------------------------------------------------------------
    # Assorted operands
    #-------------------------------------------------------------
    TEST_BR2_OP_NOTTAKEN 38, bgeu, 0x12345678, 0x12345679
    TEST_BR2_OP_TAKEN 39, bgeu, 0x12345679, 0x12345678
    TEST_BR2_OP_NOTTAKEN 40, bgeu, 0x00010000, 0xffff0000
    TEST_BR2_OP_TAKEN 41, bgeu, 0xffff0000, 0x00010000

    #-------------------------------------------------------------
    # Both operands the same register
    #-------------------------------------------------------------
    TEST_BR1_SAME_TAKEN 42, bgeu, 0x00000000
    TEST_BR1_SAME_TAKEN 43, bgeu, 0xffffffff
    TEST_BR1_SAME_TAKEN 44, bgeu, 0x80000000

    #-------------------------------------------------------------
    # Bypassing (not taken)
    #-------------------------------------------------------------
    TEST_BR2_SRC12_BYPASS 45, 0, 0, bgeu, 0x00000000, 0x00000001
    TEST_BR2_SRC12_BYPASS 46, 0, 1, bgeu, 0x00000000, 0x00000001
    TEST_BR2_SRC12_BYPASS 47, 0, 2, bgeu, 0x00000000, 0x00000001
    TEST_BR2_SRC12_BYPASS 48, 1, 0, bgeu, 0x00000000, 0x00000001
    TEST_BR2_SRC12_BYPASS 49, 1, 1, bgeu, 0x00000000, 0x00000001
    TEST_BR2_SRC12_BYPASS 50, 2, 0, bgeu, 0x00000000, 0x00000001
    TEST_BR2_SRC21_BYPASS 51, 0, 0, bgeu, 0x00000000, 0x00000001
    TEST_BR2_SRC21_BYPASS 52, 0, 1, bgeu, 0x00000000, 0x00000001
    TEST_BR2_SRC21_BYPASS 53, 0, 2, bgeu, 0x00000000, 0x00000001
    TEST_BR2_SRC21_BYPASS 54, 1, 0, bgeu, 0x00000000, 0x00000001
    TEST_BR2_SRC21_BYPASS 55, 1, 1, bgeu, 0x00000000, 0x00000001
    TEST_BR2_SRC21_BYPASS 56, 2, 0, bgeu, 0x00000000, 0x00000001

    #-------------------------------------------------------------
    # Instructions after a taken branch are skipped
    #-------------------------------------------------------------
    TEST_BR2_SKIP 57, bgeu, 0x00000001, 0x00000000

    TEST_PASSFAIL
"#,
    options(raw)
);

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}
