//! RV32IM conformance test: BLTU (unsigned): taken and not taken, forwards and backwards.
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
    TEST_BR2_OP_NOTTAKEN 2, bltu, 0x00000000, 0x00000000
    TEST_BR2_OP_TAKEN 3, bltu, 0x00000000, 0x00000001
    TEST_BR2_OP_TAKEN 4, bltu, 0x00000000, 0xffffffff
    TEST_BR2_OP_TAKEN 5, bltu, 0x00000000, 0x80000000
    TEST_BR2_OP_TAKEN 6, bltu, 0x00000000, 0x7fffffff
    TEST_BR2_OP_TAKEN 7, bltu, 0x00000000, 0xfffffffe
    TEST_BR2_OP_NOTTAKEN 8, bltu, 0x00000001, 0x00000000
    TEST_BR2_OP_NOTTAKEN 9, bltu, 0x00000001, 0x00000001
    TEST_BR2_OP_TAKEN 10, bltu, 0x00000001, 0xffffffff
    TEST_BR2_OP_TAKEN 11, bltu, 0x00000001, 0x80000000
    TEST_BR2_OP_TAKEN 12, bltu, 0x00000001, 0x7fffffff
    TEST_BR2_OP_TAKEN 13, bltu, 0x00000001, 0xfffffffe
    TEST_BR2_OP_NOTTAKEN 14, bltu, 0xffffffff, 0x00000000
    TEST_BR2_OP_NOTTAKEN 15, bltu, 0xffffffff, 0x00000001
    TEST_BR2_OP_NOTTAKEN 16, bltu, 0xffffffff, 0xffffffff
    TEST_BR2_OP_NOTTAKEN 17, bltu, 0xffffffff, 0x80000000
    TEST_BR2_OP_NOTTAKEN 18, bltu, 0xffffffff, 0x7fffffff
    TEST_BR2_OP_NOTTAKEN 19, bltu, 0xffffffff, 0xfffffffe
    TEST_BR2_OP_NOTTAKEN 20, bltu, 0x80000000, 0x00000000
    TEST_BR2_OP_NOTTAKEN 21, bltu, 0x80000000, 0x00000001
    TEST_BR2_OP_TAKEN 22, bltu, 0x80000000, 0xffffffff
    TEST_BR2_OP_NOTTAKEN 23, bltu, 0x80000000, 0x80000000
    TEST_BR2_OP_NOTTAKEN 24, bltu, 0x80000000, 0x7fffffff
    TEST_BR2_OP_TAKEN 25, bltu, 0x80000000, 0xfffffffe
    TEST_BR2_OP_NOTTAKEN 26, bltu, 0x7fffffff, 0x00000000
    TEST_BR2_OP_NOTTAKEN 27, bltu, 0x7fffffff, 0x00000001
    TEST_BR2_OP_TAKEN 28, bltu, 0x7fffffff, 0xffffffff
    TEST_BR2_OP_TAKEN 29, bltu, 0x7fffffff, 0x80000000
    TEST_BR2_OP_NOTTAKEN 30, bltu, 0x7fffffff, 0x7fffffff
    TEST_BR2_OP_TAKEN 31, bltu, 0x7fffffff, 0xfffffffe
    TEST_BR2_OP_NOTTAKEN 32, bltu, 0xfffffffe, 0x00000000
    TEST_BR2_OP_NOTTAKEN 33, bltu, 0xfffffffe, 0x00000001
    TEST_BR2_OP_TAKEN 34, bltu, 0xfffffffe, 0xffffffff
    TEST_BR2_OP_NOTTAKEN 35, bltu, 0xfffffffe, 0x80000000
    TEST_BR2_OP_NOTTAKEN 36, bltu, 0xfffffffe, 0x7fffffff
    TEST_BR2_OP_NOTTAKEN 37, bltu, 0xfffffffe, 0xfffffffe

    #-------------------------------------------------------------
    # Assorted operands
    #-------------------------------------------------------------
    TEST_BR2_OP_TAKEN 38, bltu, 0x12345678, 0x12345679
    TEST_BR2_OP_NOTTAKEN 39, bltu, 0x12345679, 0x12345678
    TEST_BR2_OP_TAKEN 40, bltu, 0x00010000, 0xffff0000
    TEST_BR2_OP_NOTTAKEN 41, bltu, 0xffff0000, 0x00010000

    #-------------------------------------------------------------
    # Both operands the same register
    #-------------------------------------------------------------
    TEST_BR1_SAME_NOTTAKEN 42, bltu, 0x00000000
    TEST_BR1_SAME_NOTTAKEN 43, bltu, 0xffffffff
    TEST_BR1_SAME_NOTTAKEN 44, bltu, 0x80000000

    #-------------------------------------------------------------
    # Bypassing (not taken)
    #-------------------------------------------------------------
    TEST_BR2_SRC12_BYPASS 45, 0, 0, bltu, 0x00000001, 0x00000000
    TEST_BR2_SRC12_BYPASS 46, 0, 1, bltu, 0x00000001, 0x00000000
    TEST_BR2_SRC12_BYPASS 47, 0, 2, bltu, 0x00000001, 0x00000000
    TEST_BR2_SRC12_BYPASS 48, 1, 0, bltu, 0x00000001, 0x00000000
    TEST_BR2_SRC12_BYPASS 49, 1, 1, bltu, 0x00000001, 0x00000000
    TEST_BR2_SRC12_BYPASS 50, 2, 0, bltu, 0x00000001, 0x00000000
    TEST_BR2_SRC21_BYPASS 51, 0, 0, bltu, 0x00000001, 0x00000000
    TEST_BR2_SRC21_BYPASS 52, 0, 1, bltu, 0x00000001, 0x00000000
    TEST_BR2_SRC21_BYPASS 53, 0, 2, bltu, 0x00000001, 0x00000000
    TEST_BR2_SRC21_BYPASS 54, 1, 0, bltu, 0x00000001, 0x00000000
    TEST_BR2_SRC21_BYPASS 55, 1, 1, bltu, 0x00000001, 0x00000000
    TEST_BR2_SRC21_BYPASS 56, 2, 0, bltu, 0x00000001, 0x00000000

    #-------------------------------------------------------------
    # Instructions after a taken branch are skipped
    #-------------------------------------------------------------
    TEST_BR2_SKIP 57, bltu, 0x00000000, 0x00000001

    TEST_PASSFAIL
"#,
    options(raw)
);

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}
