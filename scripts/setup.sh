#!/usr/bin/env bash
# Installs what building RV32IM guests needs, if it is missing. Idempotent.
#   - a rustup target riscv32im-unknown-none-elf is used when installed;
#   - otherwise Debian's packaged Rust with its standard library sources and lld.
set -euo pipefail

if rustup target list --installed 2>/dev/null | grep -qx riscv32im-unknown-none-elf; then
    exit 0
fi
if [ -x /usr/bin/cargo ] && [ -x /usr/bin/rustc ] && [ -x /usr/bin/ld.lld ] \
    && [ -d /usr/lib/rustlib/src/rust/library/core ]; then
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "installing the RV32IM guest toolchain (Debian: rustc-web cargo-web rust-web-src lld)" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq rustc-web cargo-web rust-web-src lld >/dev/null
