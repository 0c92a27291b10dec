//! RV32IM conformance test: BGE (signed): taken and not taken, forwards and backwards.
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
    TEST_BR2_OP_TAKEN 2, bge, 0x00000000, 0x00000000
    TEST_BR2_OP_NOTTAKEN 3, bge, 0x00000000, 0x00000001
    TEST_BR2_OP_TAKEN 4, bge, 0x00000000, 0xffffffff
    TEST_BR2_OP_TAKEN 5, bge, 0x00000000, 0x80000000
    TEST_BR2_OP_NOTTAKEN 6, bge, 0x00000000, 0x7fffffff
    TEST_BR2_OP_TAKEN 7, bge, 0x00000000, 0xfffffffe
    TEST_BR2_OP_TAKEN 8, bge, 0x00000001, 0x00000000
    TEST_BR2_OP_TAKEN 9, bge, 0x00000001, 0x00000001
    TEST_BR2_OP_TAKEN 10, bge, 0x00000001, 0xffffffff
    TEST_BR2_OP_TAKEN 11, bge, 0x00000001, 0x80000000
    TEST_BR2_OP_NOTTAKEN 12, bge, 0x00000001, 0x7fffffff
    TEST_BR2_OP_TAKEN 13, bge, 0x00000001, 0xfffffffe
    TEST_BR2_OP_NOTTAKEN 14, bge, 0xffffffff, 0x00000000
    TEST_BR2_OP_NOTTAKEN 15, bge, 0xffffffff, 0x00000001
    TEST_BR2_OP_TAKEN 16, bge, 0xffffffff, 0xffffffff
    TEST_BR2_OP_TAKEN 17, bge, 0xffffffff, 0x80000000
    TEST_BR2_OP_NOTTAKEN 18, bge, 0xffffffff, 0x7fffffff
    TEST_BR2_OP_TAKEN 19, bge, 0xffffffff, 0xfffffffe
    TEST_BR2_OP_NOTTAKEN 20, bge, 0x80000000, 0x00000000
    TEST_BR2_OP_NOTTAKEN 21, bge, 0x80000000, 0x00000001
    TEST_BR2_OP_NOTTAKEN 22, bge, 0x80000000, 0xffffffff
    TEST_BR2_OP_TAKEN 23, bge, 0x80000000, 0x80000000
    TEST_BR2_OP_NOTTAKEN 24, bge, 0x80000000, 0x7fffffff
    TEST_BR2_OP_NOTTAKEN 25, bge, 0x80000000, 0xfffffffe
    TEST_BR2_OP_TAKEN 26, bge, 0x7fffffff, 0x00000000
    TEST_BR2_OP_TAKEN 27, bge, 0x7fffffff, 0x00000001
    TEST_BR2_OP_TAKEN 28, bge, 0x7fffffff, 0xffffffff
    TEST_BR2_OP_TAKEN 29, bge, 0x7fffffff, 0x80000000
    TEST_BR2_OP_TAKEN 30, bge, 0x7fffffff, 0x7fffffff
    TEST_BR2_OP_TAKEN 31, bge, 0x7fffffff, 0xfffffffe
    TEST_BR2_OP_NOTTAKEN 32, bge, 0xfffffffe, 0x00000000
    TEST_BR2_OP_NOTTAKEN 33, bge, 0xfffffffe, 0x00000001
    TEST_BR2_OP_NOTTAKEN 34, bge, 0xfffffffe, 0xffffffff
    TEST_BR2_OP_TAKEN 35, bge, 0xfffffffe, 0x80000000
    TEST_BR2_OP_NOTTAKEN 36, bge, 0xfffffffe, 0x7fffffff
    TEST_BR2_OP_TAKEN 37, bge, 0xfffffffe, 0xfffffffe

    #-------------------------------------------------------------
    # Assorted operands
    #-------------------------------------------------------------
    TEST_BR2_OP_NOTTAKEN 38, bge, 0x12345678, 0x12345679
    TEST_BR2_OP_TAKEN 39, bge, 0x12345679, 0x12345678
    TEST_BR2_OP_TAKEN 40, bge, 0x00010000, 0xffff0000
    TEST_BR2_OP_NOTTAKEN 41, bge, 0xffff0000, 0x00010000

    #-------------------------------------------------------------
    # Both operands the same register
    #-------------------------------------------------------------
    TEST_BR1_SAME_TAKEN 42, bge, 0x00000000
    TEST_BR1_SAME_TAKEN 43, bge, 0xffffffff
    TEST_BR1_SAME_TAKEN 44, bge, 0x80000000

    #-------------------------------------------------------------
    # Bypassing (not taken)
    #-------------------------------------------------------------
    TEST_BR2_SRC12_BYPASS 45, 0, 0, bge, 0x00000000, 0x00000001
    TEST_BR2_SRC12_BYPASS 46, 0, 1, bge, 0x00000000, 0x00000001
    TEST_BR2_SRC12_BYPASS 47, 0, 2, bge, 0x00000000, 0x00000001
    TEST_BR2_SRC12_BYPASS 48, 1, 0, bge, 0x00000000, 0x00000001
    TEST_BR2_SRC12_BYPASS 49, 1, 1, bge, 0x00000000, 0x00000001
    TEST_BR2_SRC12_BYPASS 50, 2, 0, bge, 0x00000000, 0x00000001
    TEST_BR2_SRC21_BYPASS 51, 0, 0, bge, 0x00000000, 0x00000001
    TEST_BR2_SRC21_BYPASS 52, 0, 1, bge, 0x00000000, 0x00000001
    TEST_BR2_SRC21_BYPASS 53, 0, 2, bge, 0x00000000, 0x00000001
    TEST_BR2_SRC21_BYPASS 54, 1, 0, bge, 0x00000000, 0x00000001
    TEST_BR2_SRC21_BYPASS 55, 1, 1, bge, 0x00000000, 0x00000001
    TEST_BR2_SRC21_BYPASS 56, 2, 0, bge, 0x00000000, 0x00000001

    #-------------------------------------------------------------
    # Instructions after a taken branch are skipped
    #-------------------------------------------------------------
    TEST_BR2_SKIP 57, bge, 0x00000001, 0x00000000

    TEST_PASSFAIL
"#,
    options(raw)
);

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}
