//! RV32IM conformance test: SW (word store).
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
    TEST_ST_OP 2, lw, sw, 0x00aa00aa, 0, tdat
    TEST_ST_OP 3, lw, sw, 0xaa00aa00, 4, tdat
    TEST_ST_OP 4, lw, sw, 0x0aa00aa0, 8, tdat
    TEST_ST_OP 5, lw, sw, 0xa00aa00a, 12, tdat

    #-------------------------------------------------------------
    # Store then load back: negative offsets
    #-------------------------------------------------------------
    TEST_ST_OP 6, lw, sw, 0x80000000, -16, tdat9
    TEST_ST_OP 7, lw, sw, 0x7fffffff, -12, tdat9
    TEST_ST_OP 8, lw, sw, 0xffffffff, -8, tdat9
    TEST_ST_OP 9, lw, sw, 0x00000001, -4, tdat9

    #-------------------------------------------------------------
    # Base register not pointing at the data; extreme 12-bit offsets
    #-------------------------------------------------------------
    TEST_ST_OP 10, lw, sw, 0x00aa00ff, -32, tdat9+32
    TEST_ST_OP 11, lw, sw, 0x12345678, 7, tdat9-7
    TEST_ST_OP 12, lw, sw, 0xffffffff, 2047, tdat0-2047
    TEST_ST_OP 13, lw, sw, 0x00000001, -2048, tdat1+2048

    #-------------------------------------------------------------
    # Only the addressed bytes change (checked with lw of the enclosing word)
    #-------------------------------------------------------------
    TEST_ST_WORD 14, sw, 0x123456ab, 16, tword, 16, 0x123456ab
    TEST_ST_WORD 15, sw, 0xfedcba98, 20, tword, 20, 0xfedcba98
    TEST_NUM 16
    la x15, tword
    lw x14, 12(x15)
    CHECK x14, 0xdeadbeef
    TEST_NUM 17
    la x15, tword
    lw x14, 24(x15)
    CHECK x14, 0xdeadbeef

    #-------------------------------------------------------------
    # Bypassing
    #-------------------------------------------------------------
    TEST_ST_SRC12_BYPASS 18, 0, 0, lw, sw, 0xaabbccdd, 0, tdat
    TEST_ST_SRC12_BYPASS 19, 0, 1, lw, sw, 0xdaabbccd, 4, tdat
    TEST_ST_SRC12_BYPASS 20, 0, 2, lw, sw, 0xddaabbcc, 8, tdat
    TEST_ST_SRC12_BYPASS 21, 1, 0, lw, sw, 0xcddaabbc, 12, tdat
    TEST_ST_SRC12_BYPASS 22, 1, 1, lw, sw, 0xccddaabb, 16, tdat
    TEST_ST_SRC12_BYPASS 23, 2, 0, lw, sw, 0xbccddaab, 20, tdat
    TEST_ST_SRC21_BYPASS 24, 0, 0, lw, sw, 0xaabbccdd, 0, tdat
    TEST_ST_SRC21_BYPASS 25, 0, 1, lw, sw, 0xdaabbccd, 4, tdat
    TEST_ST_SRC21_BYPASS 26, 0, 2, lw, sw, 0xddaabbcc, 8, tdat
    TEST_ST_SRC21_BYPASS 27, 1, 0, lw, sw, 0xcddaabbc, 12, tdat
    TEST_ST_SRC21_BYPASS 28, 1, 1, lw, sw, 0xccddaabb, 16, tdat
    TEST_ST_SRC21_BYPASS 29, 2, 0, lw, sw, 0xbccddaab, 20, tdat

    #-------------------------------------------------------------
    # Storing x0 stores zero
    #-------------------------------------------------------------
    TEST_ST_ZEROSRC 30, lw, sw, 12, tdat

    TEST_PASSFAIL
    RVTEST_DATA_BEGIN
tdat:
tdat0:  .word 0xdeadbeef
tdat1:  .word 0xdeadbeef
tdat2:  .word 0xdeadbeef
tdat3:  .word 0xdeadbeef
tdat4:  .word 0xdeadbeef
tdat5:  .word 0xdeadbeef
tdat6:  .word 0xdeadbeef
tdat7:  .word 0xdeadbeef
tdat8:  .word 0xdeadbeef
tdat9:  .word 0xdeadbeef
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
