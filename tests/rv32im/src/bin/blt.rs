//! RV32IM conformance test: BLT (signed): taken and not taken, forwards and backwards.
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
    TEST_BR2_OP_NOTTAKEN 2, blt, 0x00000000, 0x00000000
    TEST_BR2_OP_TAKEN 3, blt, 0x00000000, 0x00000001
    TEST_BR2_OP_NOTTAKEN 4, blt, 0x00000000, 0xffffffff
    TEST_BR2_OP_NOTTAKEN 5, blt, 0x00000000, 0x80000000
    TEST_BR2_OP_TAKEN 6, blt, 0x00000000, 0x7fffffff
    TEST_BR2_OP_NOTTAKEN 7, blt, 0x00000000, 0xfffffffe
    TEST_BR2_OP_NOTTAKEN 8, blt, 0x00000001, 0x00000000
    TEST_BR2_OP_NOTTAKEN 9, blt, 0x00000001, 0x00000001
    TEST_BR2_OP_NOTTAKEN 10, blt, 0x00000001, 0xffffffff
    TEST_BR2_OP_NOTTAKEN 11, blt, 0x00000001, 0x80000000
    TEST_BR2_OP_TAKEN 12, blt, 0x00000001, 0x7fffffff
    TEST_BR2_OP_NOTTAKEN 13, blt, 0x00000001, 0xfffffffe
    TEST_BR2_OP_TAKEN 14, blt, 0xffffffff, 0x00000000
    TEST_BR2_OP_TAKEN 15, blt, 0xffffffff, 0x00000001
    TEST_BR2_OP_NOTTAKEN 16, blt, 0xffffffff, 0xffffffff
    TEST_BR2_OP_NOTTAKEN 17, blt, 0xffffffff, 0x80000000
    TEST_BR2_OP_TAKEN 18, blt, 0xffffffff, 0x7fffffff
    TEST_BR2_OP_NOTTAKEN 19, blt, 0xffffffff, 0xfffffffe
    TEST_BR2_OP_TAKEN 20, blt, 0x80000000, 0x00000000
    TEST_BR2_OP_TAKEN 21, blt, 0x80000000, 0x00000001
    TEST_BR2_OP_TAKEN 22, blt, 0x80000000, 0xffffffff
    TEST_BR2_OP_NOTTAKEN 23, blt, 0x80000000, 0x80000000
    TEST_BR2_OP_TAKEN 24, blt, 0x80000000, 0x7fffffff
    TEST_BR2_OP_TAKEN 25, blt, 0x80000000, 0xfffffffe
    TEST_BR2_OP_NOTTAKEN 26, blt, 0x7fffffff, 0x00000000
    TEST_BR2_OP_NOTTAKEN 27, blt, 0x7fffffff, 0x00000001
    TEST_BR2_OP_NOTTAKEN 28, blt, 0x7fffffff, 0xffffffff
    TEST_BR2_OP_NOTTAKEN 29, blt, 0x7fffffff, 0x80000000
    TEST_BR2_OP_NOTTAKEN 30, blt, 0x7fffffff, 0x7fffffff
    TEST_BR2_OP_NOTTAKEN 31, blt, 0x7fffffff, 0xfffffffe
    TEST_BR2_OP_TAKEN 32, blt, 0xfffffffe, 0x00000000
    TEST_BR2_OP_TAKEN 33, blt, 0xfffffffe, 0x00000001
    TEST_BR2_OP_TAKEN 34, blt, 0xfffffffe, 0xffffffff
    TEST_BR2_OP_NOTTAKEN 35, blt, 0xfffffffe, 0x80000000
    TEST_BR2_OP_TAKEN 36, blt, 0xfffffffe, 0x7fffffff
    TEST_BR2_OP_NOTTAKEN 37, blt, 0xfffffffe, 0xfffffffe

    #-------------------------------------------------------------
    # Assorted operands
    #-------------------------------------------------------------
    TEST_BR2_OP_TAKEN 38, blt, 0x12345678, 0x12345679
    TEST_BR2_OP_NOTTAKEN 39, blt, 0x12345679, 0x12345678
    TEST_BR2_OP_NOTTAKEN 40, blt, 0x00010000, 0xffff0000
    TEST_BR2_OP_TAKEN 41, blt, 0xffff0000, 0x00010000

    #-------------------------------------------------------------
    # Both operands the same register
    #-------------------------------------------------------------
    TEST_BR1_SAME_NOTTAKEN 42, blt, 0x00000000
    TEST_BR1_SAME_NOTTAKEN 43, blt, 0xffffffff
    TEST_BR1_SAME_NOTTAKEN 44, blt, 0x80000000

    #-------------------------------------------------------------
    # Bypassing (not taken)
    #-------------------------------------------------------------
    TEST_BR2_SRC12_BYPASS 45, 0, 0, blt, 0x00000001, 0x00000000
    TEST_BR2_SRC12_BYPASS 46, 0, 1, blt, 0x00000001, 0x00000000
    TEST_BR2_SRC12_BYPASS 47, 0, 2, blt, 0x00000001, 0x00000000
    TEST_BR2_SRC12_BYPASS 48, 1, 0, blt, 0x00000001, 0x00000000
    TEST_BR2_SRC12_BYPASS 49, 1, 1, blt, 0x00000001, 0x00000000
    TEST_BR2_SRC12_BYPASS 50, 2, 0, blt, 0x00000001, 0x00000000
    TEST_BR2_SRC21_BYPASS 51, 0, 0, blt, 0x00000001, 0x00000000
    TEST_BR2_SRC21_BYPASS 52, 0, 1, blt, 0x00000001, 0x00000000
    TEST_BR2_SRC21_BYPASS 53, 0, 2, blt, 0x00000001, 0x00000000
    TEST_BR2_SRC21_BYPASS 54, 1, 0, blt, 0x00000001, 0x00000000
    TEST_BR2_SRC21_BYPASS 55, 1, 1, blt, 0x00000001, 0x00000000
    TEST_BR2_SRC21_BYPASS 56, 2, 0, blt, 0x00000001, 0x00000000

    #-------------------------------------------------------------
    # Instructions after a taken branch are skipped
    #-------------------------------------------------------------
    TEST_BR2_SKIP 57, blt, 0x00000000, 0x00000001

    TEST_PASSFAIL
"#,
    options(raw)
);

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}
