#!/usr/bin/env bash
# The ten-paper, ten-year scale bench (issue 21): generates each paper's ten years from
# the corpus pages, imports it with the release `dubao` (whole process: wall, CPU,
# peak resident memory), deletes the source (so the run needs disk only for the
# library), then measures the library with `examples/library_bench.rs --no-import`,
# the page cache of the library dropped first for a cold open.
#
#   cargo build --release --example gen_archive --example library_bench && cargo build --release
#   [DUBAO_RELEASE=dir-with-dubao-and-examples] [FIRST_PAPER=K] benches/scale.sh WORK [PAPERS] [YEARS] [PAGES_DIR]
#   (FIRST_PAPER: go on adding to WORK's library from paper K, after a run stopped)
set -euo pipefail
work=${1:?WORK folder}; papers=${2:-10}; years=${3:-10}; pages=${4:-../shared/corpus/pages}
rel=${DUBAO_RELEASE:-$(dirname "$0")/../target/release}
home=$work/home; src=$work/src
mkdir -p "$home"
for k in $(seq "${FIRST_PAPER:-1}" "$papers"); do
  rm -rf "$src"
  "$rel/examples/gen_archive" "$src" "$years" 16 --pages "$pages" --papers "$papers" --only "$k" >/dev/null
  mb=$(du -sm --apparent-size "$src" | cut -f1)
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.$k" \
    env XDG_DATA_HOME="$home" HOME="$home" "$rel/dubao" import "$src" >"$work/import.$k.log" 2>&1
  read -r wall user sys rss <"$work/time.$k"
  echo "paper $k: $mb MB in $wall s wall, $(echo "$user + $sys" | bc) CPU s, peak $((rss / 1024)) MB resident" | tee -a "$work/summary"
done
rm -rf "$src"; mkdir -p "$src"
python3 - "$home/dubao/library" <<'PY'
import os, sys
for d, _, fs in os.walk(sys.argv[1]):
    for f in fs:
        fd = os.open(os.path.join(d, f), os.O_RDONLY)
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        os.close(fd)
PY
"$rel/examples/library_bench" "$src" "$home" --no-import | tee -a "$work/summary"
du -sh "$home/dubao/library" | tee -a "$work/summary"
