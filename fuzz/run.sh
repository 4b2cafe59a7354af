#!/bin/sh
# Build (as cargo-fuzz does: sancov + libFuzzer, no cargo-fuzz needed) and run each fuzz
# target, at the lowest priority, for SECS seconds each; then merge what was new into
# seeds/<target>/ (the corpus kept in git). Targets run one after the other, or all at
# once with PARALLEL=1. Usage: [PARALLEL=1] fuzz/run.sh SECS [TARGET...]
set -e
cd "$(dirname "$0")"
SECS=${1:-600}; shift || true
TARGETS=${*:-feed epaper_html config bookmarks import_page import_bytes}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target}
export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 -Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table -Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing -Cdebug-assertions -Coverflow-checks"
nice -n 19 cargo build --release --target x86_64-unknown-linux-gnu --bins
BIN=$CARGO_TARGET_DIR/x86_64-unknown-linux-gnu/release

run_one() {
    t=$1
    mkdir -p corpus/$t seeds/$t artifacts/$t
    cp -n seeds/$t/* corpus/$t/ 2>/dev/null || true
    echo "== $t: ${SECS}s"
    nice -n 19 $BIN/$t -max_total_time=$SECS -rss_limit_mb=1024 -timeout=10 \
        -artifact_prefix=artifacts/$t/ corpus/$t >artifacts/$t.log 2>&1 || true
    grep -E "^(#[0-9]+ +DONE|Done|==|SUMMARY|.*panicked|.*deadly)" artifacts/$t.log | sed "s/^/$t: /" || true
    nice -n 19 $BIN/$t -merge=1 seeds/$t corpus/$t 2>&1 | tail -1 | sed "s/^/$t: /"
}

if [ -n "$PARALLEL" ]; then
    for t in $TARGETS; do run_one "$t" & done
    wait
else
    for t in $TARGETS; do run_one "$t"; done
fi
