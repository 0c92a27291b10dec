#!/usr/bin/env bash
# Installs what building RV32IM guests and the tests need, if it is missing. Idempotent.
#   - a rustup target riscv32im-unknown-none-elf is used when installed;
#   - otherwise Debian's packaged Rust with its standard library sources and lld;
#   - Ray (PyPI) for python3, which the cluster-proving driver (ray/) and its tests use;
#   - mdBook (crates.io), which builds and tests the book (book/).
set -euo pipefail

RAY_VERSION="2.60.0"
MDBOOK_VERSION="0.5.4"

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

guest_toolchain_present() {
    if rustup target list --installed 2>/dev/null | grep -qx riscv32im-unknown-none-elf; then
        return 0
    fi
    [ -x /usr/bin/cargo ] && [ -x /usr/bin/rustc ] && [ -x /usr/bin/ld.lld ] \
        && [ -d /usr/lib/rustlib/src/rust/library/core ]
}

if ! guest_toolchain_present; then
    echo "installing the RV32IM guest toolchain (Debian: rustc-web cargo-web rust-web-src lld)" >&2
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq rustc-web cargo-web rust-web-src lld >/dev/null
fi

if ! python3 -c "import ray, sys; sys.exit(ray.__version__ != '$RAY_VERSION')" 2>/dev/null; then
    echo "installing Ray $RAY_VERSION for python3 (PyPI)" >&2
    python3 -m pip install --quiet --disable-pip-version-check "ray==$RAY_VERSION"
fi

# mdBook goes where `cargo install` puts binaries; the book's test looks there too. Only the
# `search` feature: the book is built and tested here, not served (no `mdbook serve`/`watch`).
mdbook_present() {
    local bin
    for bin in "$(command -v mdbook || true)" "${CARGO_HOME:-$HOME/.cargo}/bin/mdbook"; do
        if [ -x "$bin" ] && [ "$("$bin" --version 2>/dev/null)" = "mdbook v$MDBOOK_VERSION" ]; then
            return 0
        fi
    done
    return 1
}

if ! mdbook_present; then
    echo "installing mdBook $MDBOOK_VERSION (crates.io; about two minutes on two cores)" >&2
    cargo install --quiet --locked mdbook --version "$MDBOOK_VERSION" \
        --no-default-features --features search
fi
