//! RV32IM conformance test: BNE: taken and not taken, forwards and backwards.
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
    TEST_BR2_OP_NOTTAKEN 2, bne, 0x00000000, 0x00000000
    TEST_BR2_OP_TAKEN 3, bne, 0x00000000, 0x00000001
    TEST_BR2_OP_TAKEN 4, bne, 0x00000000, 0xffffffff
    TEST_BR2_OP_TAKEN 5, bne, 0x00000000, 0x80000000
    TEST_BR2_OP_TAKEN 6, bne, 0x00000000, 0x7fffffff
    TEST_BR2_OP_TAKEN 7, bne, 0x00000000, 0xfffffffe
    TEST_BR2_OP_TAKEN 8, bne, 0x00000001, 0x00000000
    TEST_BR2_OP_NOTTAKEN 9, bne, 0x00000001, 0x00000001
    TEST_BR2_OP_TAKEN 10, bne, 0x00000001, 0xffffffff
    TEST_BR2_OP_TAKEN 11, bne, 0x00000001, 0x80000000
    TEST_BR2_OP_TAKEN 12, bne, 0x00000001, 0x7fffffff
    TEST_BR2_OP_TAKEN 13, bne, 0x00000001, 0xfffffffe
    TEST_BR2_OP_TAKEN 14, bne, 0xffffffff, 0x00000000
    TEST_BR2_OP_TAKEN 15, bne, 0xffffffff, 0x00000001
    TEST_BR2_OP_NOTTAKEN 16, bne, 0xffffffff, 0xffffffff
    TEST_BR2_OP_TAKEN 17, bne, 0xffffffff, 0x80000000
    TEST_BR2_OP_TAKEN 18, bne, 0xffffffff, 0x7fffffff
    TEST_BR2_OP_TAKEN 19, bne, 0xffffffff, 0xfffffffe
    TEST_BR2_OP_TAKEN 20, bne, 0x80000000, 0x00000000
    TEST_BR2_OP_TAKEN 21, bne, 0x80000000, 0x00000001
    TEST_BR2_OP_TAKEN 22, bne, 0x80000000, 0xffffffff
    TEST_BR2_OP_NOTTAKEN 23, bne, 0x80000000, 0x80000000
    TEST_BR2_OP_TAKEN 24, bne, 0x80000000, 0x7fffffff
    TEST_BR2_OP_TAKEN 25, bne, 0x80000000, 0xfffffffe
    TEST_BR2_OP_TAKEN 26, bne, 0x7fffffff, 0x00000000
    TEST_BR2_OP_TAKEN 27, bne, 0x7fffffff, 0x00000001
    TEST_BR2_OP_TAKEN 28, bne, 0x7fffffff, 0xffffffff
    TEST_BR2_OP_TAKEN 29, bne, 0x7fffffff, 0x80000000
    TEST_BR2_OP_NOTTAKEN 30, bne, 0x7fffffff, 0x7fffffff
    TEST_BR2_OP_TAKEN 31, bne, 0x7fffffff, 0xfffffffe
    TEST_BR2_OP_TAKEN 32, bne, 0xfffffffe, 0x00000000
    TEST_BR2_OP_TAKEN 33, bne, 0xfffffffe, 0x00000001
    TEST_BR2_OP_TAKEN 34, bne, 0xfffffffe, 0xffffffff
    TEST_BR2_OP_TAKEN 35, bne, 0xfffffffe, 0x80000000
    TEST_BR2_OP_TAKEN 36, bne, 0xfffffffe, 0x7fffffff
    TEST_BR2_OP_NOTTAKEN 37, bne, 0xfffffffe, 0xfffffffe

    #-------------------------------------------------------------
    # Assorted operands
    #-------------------------------------------------------------
    TEST_BR2_OP_TAKEN 38, bne, 0x12345678, 0x12345679
    TEST_BR2_OP_TAKEN 39, bne, 0x12345679, 0x12345678
    TEST_BR2_OP_TAKEN 40, bne, 0x00010000, 0xffff0000
    TEST_BR2_OP_TAKEN 41, bne, 0xffff0000, 0x00010000

    #-------------------------------------------------------------
    # Both operands the same register
    #-------------------------------------------------------------
    TEST_BR1_SAME_NOTTAKEN 42, bne, 0x00000000
    TEST_BR1_SAME_NOTTAKEN 43, bne, 0xffffffff
    TEST_BR1_SAME_NOTTAKEN 44, bne, 0x80000000

    #-------------------------------------------------------------
    # Bypassing (not taken)
    #-------------------------------------------------------------
    TEST_BR2_SRC12_BYPASS 45, 0, 0, bne, 0x00000000, 0x00000000
    TEST_BR2_SRC12_BYPASS 46, 0, 1, bne, 0x00000000, 0x00000000
    TEST_BR2_SRC12_BYPASS 47, 0, 2, bne, 0x00000000, 0x00000000
    TEST_BR2_SRC12_BYPASS 48, 1, 0, bne, 0x00000000, 0x00000000
    TEST_BR2_SRC12_BYPASS 49, 1, 1, bne, 0x00000000, 0x00000000
    TEST_BR2_SRC12_BYPASS 50, 2, 0, bne, 0x00000000, 0x00000000
    TEST_BR2_SRC21_BYPASS 51, 0, 0, bne, 0x00000000, 0x00000000
    TEST_BR2_SRC21_BYPASS 52, 0, 1, bne, 0x00000000, 0x00000000
    TEST_BR2_SRC21_BYPASS 53, 0, 2, bne, 0x00000000, 0x00000000
    TEST_BR2_SRC21_BYPASS 54, 1, 0, bne, 0x00000000, 0x00000000
    TEST_BR2_SRC21_BYPASS 55, 1, 1, bne, 0x00000000, 0x00000000
    TEST_BR2_SRC21_BYPASS 56, 2, 0, bne, 0x00000000, 0x00000000

    #-------------------------------------------------------------
    # Instructions after a taken branch are skipped
    #-------------------------------------------------------------
    TEST_BR2_SKIP 57, bne, 0x00000000, 0x00000001

    TEST_PASSFAIL
"#,
    options(raw)
);

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}
