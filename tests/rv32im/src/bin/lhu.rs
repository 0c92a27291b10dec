//! RV32IM conformance test: LHU (zero-extended halfword load).
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
    TEST_LD_OP 2, lhu, 0x000000ff, 0, tdat
    TEST_LD_OP 3, lhu, 0x0000ff00, 2, tdat
    TEST_LD_OP 4, lhu, 0x00000ff0, 4, tdat
    TEST_LD_OP 5, lhu, 0x0000f00f, 6, tdat
    TEST_LD_OP 6, lhu, 0x00007fff, 8, tdat
    TEST_LD_OP 7, lhu, 0x00008000, 10, tdat
    TEST_LD_OP 8, lhu, 0x00000001, 12, tdat
    TEST_LD_OP 9, lhu, 0x0000fffe, 14, tdat

    #-------------------------------------------------------------
    # Every element through negative offsets from the last
    #-------------------------------------------------------------
    TEST_LD_OP 10, lhu, 0x000000ff, -14, tdat7
    TEST_LD_OP 11, lhu, 0x0000ff00, -12, tdat7
    TEST_LD_OP 12, lhu, 0x00000ff0, -10, tdat7
    TEST_LD_OP 13, lhu, 0x0000f00f, -8, tdat7
    TEST_LD_OP 14, lhu, 0x00007fff, -6, tdat7
    TEST_LD_OP 15, lhu, 0x00008000, -4, tdat7
    TEST_LD_OP 16, lhu, 0x00000001, -2, tdat7
    TEST_LD_OP 17, lhu, 0x0000fffe, 0, tdat7

    #-------------------------------------------------------------
    # Base register not pointing at the data; extreme 12-bit offsets
    #-------------------------------------------------------------
    TEST_LD_OP 18, lhu, 0x00000ff0, -32, tdat2+32
    TEST_LD_OP 19, lhu, 0x0000f00f, 7, tdat3-7
    TEST_LD_OP 20, lhu, 0x0000ff00, 2047, tdat1-2047
    TEST_LD_OP 21, lhu, 0x00008000, -2048, tdat5+2048
    TEST_LD_OP 22, lhu, 0x000000ff, 0, tdat0

    #-------------------------------------------------------------
    # Destination equal to the base register
    #-------------------------------------------------------------
    TEST_LD_SRC1_EQ_DEST 23, lhu, 0x0000ff00, 2, tdat
    TEST_LD_SRC1_EQ_DEST 24, lhu, 0x00008000, -2, tdat6

    #-------------------------------------------------------------
    # Bypassing
    #-------------------------------------------------------------
    TEST_LD_DEST_BYPASS 25, 0, lhu, 0x0000ff00, 2, tdat
    TEST_LD_DEST_BYPASS 26, 1, lhu, 0x00000ff0, 4, tdat
    TEST_LD_DEST_BYPASS 27, 2, lhu, 0x0000f00f, 6, tdat
    TEST_LD_SRC1_BYPASS 28, 0, lhu, 0x00008000, 10, tdat
    TEST_LD_SRC1_BYPASS 29, 1, lhu, 0x00000001, 12, tdat
    TEST_LD_SRC1_BYPASS 30, 2, lhu, 0x0000fffe, 14, tdat
    TEST_LD_WAW 31, lhu, tdat

    #-------------------------------------------------------------
    # A load into x0 is ignored
    #-------------------------------------------------------------
    TEST_LD_ZERODEST 32, lhu, 0, tdat0

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
