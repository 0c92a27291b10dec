//! RV32IM conformance test: LW (word load).
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
    # Every element through positive offsets from the first
    #-------------------------------------------------------------
    TEST_LD_OP 2, lw, 0x00ff00ff, 0, tdat
    TEST_LD_OP 3, lw, 0xff00ff00, 4, tdat
    TEST_LD_OP 4, lw, 0x0ff00ff0, 8, tdat
    TEST_LD_OP 5, lw, 0xf00ff00f, 12, tdat
    TEST_LD_OP 6, lw, 0x7fffffff, 16, tdat
    TEST_LD_OP 7, lw, 0x80000000, 20, tdat
    TEST_LD_OP 8, lw, 0x00000001, 24, tdat
    TEST_LD_OP 9, lw, 0xfffffffe, 28, tdat

    #-------------------------------------------------------------
    # Every element through negative offsets from the last
    #-------------------------------------------------------------
    TEST_LD_OP 10, lw, 0x00ff00ff, -28, tdat7
    TEST_LD_OP 11, lw, 0xff00ff00, -24, tdat7
    TEST_LD_OP 12, lw, 0x0ff00ff0, -20, tdat7
    TEST_LD_OP 13, lw, 0xf00ff00f, -16, tdat7
    TEST_LD_OP 14, lw, 0x7fffffff, -12, tdat7
    TEST_LD_OP 15, lw, 0x80000000, -8, tdat7
    TEST_LD_OP 16, lw, 0x00000001, -4, tdat7
    TEST_LD_OP 17, lw, 0xfffffffe, 0, tdat7

    #-------------------------------------------------------------
    # Base register not pointing at the data; extreme 12-bit offsets
    #-------------------------------------------------------------
    TEST_LD_OP 18, lw, 0x0ff00ff0, -32, tdat2+32
    TEST_LD_OP 19, lw, 0xf00ff00f, 7, tdat3-7
    TEST_LD_OP 20, lw, 0xff00ff00, 2047, tdat1-2047
    TEST_LD_OP 21, lw, 0x80000000, -2048, tdat5+2048
    TEST_LD_OP 22, lw, 0x00ff00ff, 0, tdat0

    #-------------------------------------------------------------
    # Destination equal to the base register
    #-------------------------------------------------------------
    TEST_LD_SRC1_EQ_DEST 23, lw, 0xff00ff00, 4, tdat
    TEST_LD_SRC1_EQ_DEST 24, lw, 0x80000000, -4, tdat6

    #-------------------------------------------------------------
    # Bypassing
    #-------------------------------------------------------------
    TEST_LD_DEST_BYPASS 25, 0, lw, 0xff00ff00, 4, tdat
    TEST_LD_DEST_BYPASS 26, 1, lw, 0x0ff00ff0, 8, tdat
    TEST_LD_DEST_BYPASS 27, 2, lw, 0xf00ff00f, 12, tdat
    TEST_LD_SRC1_BYPASS 28, 0, lw, 0x80000000, 20, tdat
    TEST_LD_SRC1_BYPASS 29, 1, lw, 0x00000001, 24, tdat
    TEST_LD_SRC1_BYPASS 30, 2, lw, 0xfffffffe, 28, tdat
    TEST_LD_WAW 31, lw, tdat

    #-------------------------------------------------------------
    # A load into x0 is ignored
    #-------------------------------------------------------------
    TEST_LD_ZERODEST 32, lw, 0, tdat0

    TEST_PASSFAIL
    RVTEST_DATA_BEGIN
tdat:
tdat0:  .word 0x00ff00ff
tdat1:  .word 0xff00ff00
tdat2:  .word 0x0ff00ff0
tdat3:  .word 0xf00ff00f
tdat4:  .word 0x7fffffff
tdat5:  .word 0x80000000
tdat6:  .word 0x00000001
tdat7:  .word 0xfffffffe
    RVTEST_DATA_END
"#,
    options(raw)
);

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}
