//! RV32IM conformance test: LH (sign-extended halfword load).
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
    TEST_LD_OP 2, lh, 0x000000ff, 0, tdat
    TEST_LD_OP 3, lh, 0xffffff00, 2, tdat
    TEST_LD_OP 4, lh, 0x00000ff0, 4, tdat
    TEST_LD_OP 5, lh, 0xfffff00f, 6, tdat
    TEST_LD_OP 6, lh, 0x00007fff, 8, tdat
    TEST_LD_OP 7, lh, 0xffff8000, 10, tdat
    TEST_LD_OP 8, lh, 0x00000001, 12, tdat
    TEST_LD_OP 9, lh, 0xfffffffe, 14, tdat

    #-------------------------------------------------------------
    # Every element through negative offsets from the last
    #-------------------------------------------------------------
    TEST_LD_OP 10, lh, 0x000000ff, -14, tdat7
    TEST_LD_OP 11, lh, 0xffffff00, -12, tdat7
    TEST_LD_OP 12, lh, 0x00000ff0, -10, tdat7
    TEST_LD_OP 13, lh, 0xfffff00f, -8, tdat7
    TEST_LD_OP 14, lh, 0x00007fff, -6, tdat7
    TEST_LD_OP 15, lh, 0xffff8000, -4, tdat7
    TEST_LD_OP 16, lh, 0x00000001, -2, tdat7
    TEST_LD_OP 17, lh, 0xfffffffe, 0, tdat7

    #-------------------------------------------------------------
    # Base register not pointing at the data; extreme 12-bit offsets
    #-------------------------------------------------------------
    TEST_LD_OP 18, lh, 0x00000ff0, -32, tdat2+32
    TEST_LD_OP 19, lh, 0xfffff00f, 7, tdat3-7
    TEST_LD_OP 20, lh, 0xffffff00, 2047, tdat1-2047
    TEST_LD_OP 21, lh, 0xffff8000, -2048, tdat5+2048
    TEST_LD_OP 22, lh, 0x000000ff, 0, tdat0

    #-------------------------------------------------------------
    # Destination equal to the base register
    #-------------------------------------------------------------
    TEST_LD_SRC1_EQ_DEST 23, lh, 0xffffff00, 2, tdat
    TEST_LD_SRC1_EQ_DEST 24, lh, 0xffff8000, -2, tdat6

    #-------------------------------------------------------------
    # Bypassing
    #-------------------------------------------------------------
    TEST_LD_DEST_BYPASS 25, 0, lh, 0xffffff00, 2, tdat
    TEST_LD_DEST_BYPASS 26, 1, lh, 0x00000ff0, 4, tdat
    TEST_LD_DEST_BYPASS 27, 2, lh, 0xfffff00f, 6, tdat
    TEST_LD_SRC1_BYPASS 28, 0, lh, 0xffff8000, 10, tdat
    TEST_LD_SRC1_BYPASS 29, 1, lh, 0x00000001, 12, tdat
    TEST_LD_SRC1_BYPASS 30, 2, lh, 0xfffffffe, 14, tdat
    TEST_LD_WAW 31, lh, tdat

    #-------------------------------------------------------------
    # A load into x0 is ignored
    #-------------------------------------------------------------
    TEST_LD_ZERODEST 32, lh, 0, tdat0

    TEST_PASSFAIL
    RVTEST_DATA_BEGIN
tdat:
tdat0:  .half 0x00ff
tdat1:  .half 0xff00
tdat2:  .half 0x0ff0
tdat3:  .half 0xf00f
tdat4:  .half 0x7fff
tdat5:  .half 0x8000
tdat6:  .half 0x0001
tdat7:  .half 0xfffe
    RVTEST_DATA_END
"#,
    options(raw)
);

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}
