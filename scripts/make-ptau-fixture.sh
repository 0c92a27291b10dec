#!/usr/bin/env bash
# Regenerates jolt-core/tests/fixtures/bn128-pot8.ptau: a snarkjs powers-of-tau "phase 1" file
# for BN254 (snarkjs calls it bn128) of power 8 (511 powers of tau in G1, 256 in G2), with two
# contributions (the prepare-phase2 step is not needed: HyperKZG reads sections 1-3 only). Each
# contribution mixes the entropy below with the system's randomness, so every run writes a
# different, equally valid file. Test data only. Needs node and npm; snarkjs is installed into
# a temporary directory.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/jolt-core/tests/fixtures/bn128-pot8.ptau"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

cd "$WORK"
npm install --silent --no-audit --no-fund snarkjs@0.7.6 >/dev/null
SNARKJS="$WORK/node_modules/.bin/snarkjs"
"$SNARKJS" powersoftau new bn128 8 pot_0.ptau
"$SNARKJS" powersoftau contribute pot_0.ptau pot_1.ptau --name="first" -e="jolt test fixture one"
"$SNARKJS" powersoftau contribute pot_1.ptau pot_2.ptau --name="second" -e="jolt test fixture two"
"$SNARKJS" powersoftau verify pot_2.ptau
mkdir -p "$(dirname "$OUT")"
cp pot_2.ptau "$OUT"
echo "wrote $OUT"
