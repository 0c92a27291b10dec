//! RV32IM conformance test: BEQ: taken and not taken, forwards and backwards.
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
    TEST_BR2_OP_TAKEN 2, beq, 0x00000000, 0x00000000
    TEST_BR2_OP_NOTTAKEN 3, beq, 0x00000000, 0x00000001
    TEST_BR2_OP_NOTTAKEN 4, beq, 0x00000000, 0xffffffff
    TEST_BR2_OP_NOTTAKEN 5, beq, 0x00000000, 0x80000000
    TEST_BR2_OP_NOTTAKEN 6, beq, 0x00000000, 0x7fffffff
    TEST_BR2_OP_NOTTAKEN 7, beq, 0x00000000, 0xfffffffe
    TEST_BR2_OP_NOTTAKEN 8, beq, 0x00000001, 0x00000000
    TEST_BR2_OP_TAKEN 9, beq, 0x00000001, 0x00000001
    TEST_BR2_OP_NOTTAKEN 10, beq, 0x00000001, 0xffffffff
    TEST_BR2_OP_NOTTAKEN 11, beq, 0x00000001, 0x80000000
    TEST_BR2_OP_NOTTAKEN 12, beq, 0x00000001, 0x7fffffff
    TEST_BR2_OP_NOTTAKEN 13, beq, 0x00000001, 0xfffffffe
    TEST_BR2_OP_NOTTAKEN 14, beq, 0xffffffff, 0x00000000
    TEST_BR2_OP_NOTTAKEN 15, beq, 0xffffffff, 0x00000001
    TEST_BR2_OP_TAKEN 16, beq, 0xffffffff, 0xffffffff
    TEST_BR2_OP_NOTTAKEN 17, beq, 0xffffffff, 0x80000000
    TEST_BR2_OP_NOTTAKEN 18, beq, 0xffffffff, 0x7fffffff
    TEST_BR2_OP_NOTTAKEN 19, beq, 0xffffffff, 0xfffffffe
    TEST_BR2_OP_NOTTAKEN 20, beq, 0x80000000, 0x00000000
    TEST_BR2_OP_NOTTAKEN 21, beq, 0x80000000, 0x00000001
    TEST_BR2_OP_NOTTAKEN 22, beq, 0x80000000, 0xffffffff
    TEST_BR2_OP_TAKEN 23, beq, 0x80000000, 0x80000000
    TEST_BR2_OP_NOTTAKEN 24, beq, 0x80000000, 0x7fffffff
    TEST_BR2_OP_NOTTAKEN 25, beq, 0x80000000, 0xfffffffe
    TEST_BR2_OP_NOTTAKEN 26, beq, 0x7fffffff, 0x00000000
    TEST_BR2_OP_NOTTAKEN 27, beq, 0x7fffffff, 0x00000001
    TEST_BR2_OP_NOTTAKEN 28, beq, 0x7fffffff, 0xffffffff
    TEST_BR2_OP_NOTTAKEN 29, beq, 0x7fffffff, 0x80000000
    TEST_BR2_OP_TAKEN 30, beq, 0x7fffffff, 0x7fffffff
    TEST_BR2_OP_NOTTAKEN 31, beq, 0x7fffffff, 0xfffffffe
    TEST_BR2_OP_NOTTAKEN 32, beq, 0xfffffffe, 0x00000000
    TEST_BR2_OP_NOTTAKEN 33, beq, 0xfffffffe, 0x00000001
    TEST_BR2_OP_NOTTAKEN 34, beq, 0xfffffffe, 0xffffffff
    TEST_BR2_OP_NOTTAKEN 35, beq, 0xfffffffe, 0x80000000
    TEST_BR2_OP_NOTTAKEN 36, beq, 0xfffffffe, 0x7fffffff
    TEST_BR2_OP_TAKEN 37, beq, 0xfffffffe, 0xfffffffe

    #-------------------------------------------------------------
    # Assorted operands
    #-------------------------------------------------------------
    TEST_BR2_OP_NOTTAKEN 38, beq, 0x12345678, 0x12345679
    TEST_BR2_OP_NOTTAKEN 39, beq, 0x12345679, 0x12345678
    TEST_BR2_OP_NOTTAKEN 40, beq, 0x00010000, 0xffff0000
    TEST_BR2_OP_NOTTAKEN 41, beq, 0xffff0000, 0x00010000

    #-------------------------------------------------------------
    # Both operands the same register
    #-------------------------------------------------------------
    TEST_BR1_SAME_TAKEN 42, beq, 0x00000000
    TEST_BR1_SAME_TAKEN 43, beq, 0xffffffff
    TEST_BR1_SAME_TAKEN 44, beq, 0x80000000

    #-------------------------------------------------------------
    # Bypassing (not taken)
    #-------------------------------------------------------------
    TEST_BR2_SRC12_BYPASS 45, 0, 0, beq, 0x00000000, 0x00000001
    TEST_BR2_SRC12_BYPASS 46, 0, 1, beq, 0x00000000, 0x00000001
    TEST_BR2_SRC12_BYPASS 47, 0, 2, beq, 0x00000000, 0x00000001
    TEST_BR2_SRC12_BYPASS 48, 1, 0, beq, 0x00000000, 0x00000001
    TEST_BR2_SRC12_BYPASS 49, 1, 1, beq, 0x00000000, 0x00000001
    TEST_BR2_SRC12_BYPASS 50, 2, 0, beq, 0x00000000, 0x00000001
    TEST_BR2_SRC21_BYPASS 51, 0, 0, beq, 0x00000000, 0x00000001
    TEST_BR2_SRC21_BYPASS 52, 0, 1, beq, 0x00000000, 0x00000001
    TEST_BR2_SRC21_BYPASS 53, 0, 2, beq, 0x00000000, 0x00000001
    TEST_BR2_SRC21_BYPASS 54, 1, 0, beq, 0x00000000, 0x00000001
    TEST_BR2_SRC21_BYPASS 55, 1, 1, beq, 0x00000000, 0x00000001
    TEST_BR2_SRC21_BYPASS 56, 2, 0, beq, 0x00000000, 0x00000001

    #-------------------------------------------------------------
    # Instructions after a taken branch are skipped
    #-------------------------------------------------------------
    TEST_BR2_SKIP 57, beq, 0x00000000, 0x00000000

    TEST_PASSFAIL
"#,
    options(raw)
);

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}
