#!/usr/bin/env bash
# Builds the RV32IM conformance ELFs (one per src/bin/*.rs) and prints the directory that
# holds them. Uses a rustup target riscv32im-unknown-none-elf when one is installed, otherwise
# Debian's rustc/cargo (with rust-src for -Zbuild-std) and ld.lld (see scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")"
ROOT="$(cd ../.. && pwd)"
export CARGO_TARGET_DIR="$ROOT/target/rv32im-tests"
OUT="$CARGO_TARGET_DIR/riscv32im-unknown-none-elf/release"
unset RUSTFLAGS CARGO_ENCODED_RUSTFLAGS CARGO_BUILD_RUSTFLAGS RUSTC_WRAPPER RUSTC_WORKSPACE_WRAPPER RUSTC CARGO
FLAGS="-C link-arg=-T$PWD/link.x -C target-feature=-c"
if rustup target list --installed 2>/dev/null | grep -qx riscv32im-unknown-none-elf; then
    RUSTFLAGS="$FLAGS" cargo build --release --target riscv32im-unknown-none-elf >&2
else
    RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 \
    RUSTFLAGS="-C linker=ld.lld -C linker-flavor=ld.lld $FLAGS" \
    /usr/bin/cargo build --release --target riscv32im-unknown-none-elf -Zbuild-std=core >&2
fi
echo "$OUT"
