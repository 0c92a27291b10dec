//! RV32IM conformance test: SH (stores the low halfword of rs2 only).
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
    # Store then load back: positive offsets
    #-------------------------------------------------------------
    TEST_ST_OP 2, lh, sh, 0x000000aa, 0, tdat
    TEST_ST_OP 3, lh, sh, 0xffffaa00, 2, tdat
    TEST_ST_OP 4, lh, sh, 0x00000aa0, 4, tdat
    TEST_ST_OP 5, lh, sh, 0xffffa00a, 6, tdat

    #-------------------------------------------------------------
    # Store then load back: negative offsets
    #-------------------------------------------------------------
    TEST_ST_OP 6, lh, sh, 0xffff8000, -8, tdat9
    TEST_ST_OP 7, lh, sh, 0x00007fff, -6, tdat9
    TEST_ST_OP 8, lh, sh, 0xffffffff, -4, tdat9
    TEST_ST_OP 9, lh, sh, 0x00000001, -2, tdat9

    #-------------------------------------------------------------
    # Base register not pointing at the data; extreme 12-bit offsets
    #-------------------------------------------------------------
    TEST_ST_OP 10, lh, sh, 0x00005a5a, -32, tdat9+32
    TEST_ST_OP 11, lh, sh, 0x00005678, 7, tdat9-7
    TEST_ST_OP 12, lh, sh, 0xffffffff, 2047, tdat0-2047
    TEST_ST_OP 13, lh, sh, 0x00000001, -2048, tdat1+2048

    #-------------------------------------------------------------
    # Zero-extending read back
    #-------------------------------------------------------------
    TEST_ST_OP 14, lhu, sh, 0x0000ffff, 4, tdat
    TEST_ST_OP 15, lhu, sh, 0x00008000, 4, tdat

    #-------------------------------------------------------------
    # Only the addressed bytes change (checked with lw of the enclosing word)
    #-------------------------------------------------------------
    TEST_ST_WORD 16, sh, 0x123456ab, 16, tword, 16, 0xdead56ab
    TEST_ST_WORD 17, sh, 0xfedcba98, 18, tword, 16, 0xba9856ab
    TEST_ST_WORD 18, sh, 0x00000000, 20, tword, 20, 0xdead0000
    TEST_ST_WORD 19, sh, 0xffffffff, 22, tword, 20, 0xffff0000
    TEST_NUM 20
    la x15, tword
    lw x14, 12(x15)
    CHECK x14, 0xdeadbeef
    TEST_NUM 21
    la x15, tword
    lw x14, 24(x15)
    CHECK x14, 0xdeadbeef

    #-------------------------------------------------------------
    # Bypassing
    #-------------------------------------------------------------
    TEST_ST_SRC12_BYPASS 22, 0, 0, lh, sh, 0xffffccdd, 0, tdat
    TEST_ST_SRC12_BYPASS 23, 0, 1, lh, sh, 0xffffbccd, 2, tdat
    TEST_ST_SRC12_BYPASS 24, 0, 2, lh, sh, 0xffffbbcc, 4, tdat
    TEST_ST_SRC12_BYPASS 25, 1, 0, lh, sh, 0xffffabbc, 6, tdat
    TEST_ST_SRC12_BYPASS 26, 1, 1, lh, sh, 0xffffaabb, 8, tdat
    TEST_ST_SRC12_BYPASS 27, 2, 0, lh, sh, 0xffffdaab, 10, tdat
    TEST_ST_SRC21_BYPASS 28, 0, 0, lh, sh, 0xffffccdd, 0, tdat
    TEST_ST_SRC21_BYPASS 29, 0, 1, lh, sh, 0xffffbccd, 2, tdat
    TEST_ST_SRC21_BYPASS 30, 0, 2, lh, sh, 0xffffbbcc, 4, tdat
    TEST_ST_SRC21_BYPASS 31, 1, 0, lh, sh, 0xffffabbc, 6, tdat
    TEST_ST_SRC21_BYPASS 32, 1, 1, lh, sh, 0xffffaabb, 8, tdat
    TEST_ST_SRC21_BYPASS 33, 2, 0, lh, sh, 0xffffdaab, 10, tdat

    #-------------------------------------------------------------
    # Storing x0 stores zero
    #-------------------------------------------------------------
    TEST_ST_ZEROSRC 34, lh, sh, 6, tdat

    TEST_PASSFAIL
    RVTEST_DATA_BEGIN
tdat:
tdat0:  .half 0xbeef
tdat1:  .half 0xbeef
tdat2:  .half 0xbeef
tdat3:  .half 0xbeef
tdat4:  .half 0xbeef
tdat5:  .half 0xbeef
tdat6:  .half 0xbeef
tdat7:  .half 0xbeef
tdat8:  .half 0xbeef
tdat9:  .half 0xbeef
    .p2align 4
tword:
    .word 0xdeadbeef
    .word 0xdeadbeef
    .word 0xdeadbeef
    .word 0xdeadbeef
    .word 0xdeadbeef
    .word 0xdeadbeef
    .word 0xdeadbeef
    .word 0xdeadbeef
    RVTEST_DATA_END
"#,
    options(raw)
);

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}
