#!/bin/sh
# Runs every fuzz target for $1 seconds (default 600), one after the other, and appends the
# command and libFuzzer's summary of each run to fuzz/RESULTS.md.
set -u
cd "$(dirname "$0")"
secs=${1:-600}
for t in elf_loader decoder proof keys guest_input; do
    mkdir -p "corpus/$t"
    cmd="cargo +nightly fuzz run $t corpus/$t seeds/$t -- -max_total_time=$secs"
    start=$(date -u +%FT%TZ)
    $cmd >"$t.log" 2>&1
    status=$?
    {
        echo "## $t ($start, exit status $status)"
        echo "\$ $cmd"
        grep -E "^Done|DONE|ERROR|panicked|SUMMARY" "$t.log" | tail -n 5
        echo
    } >>RESULTS.md
done
