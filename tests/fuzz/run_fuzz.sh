#!/bin/bash
# run_fuzz.sh HARNESS SECONDS CORPUS_DIR [LIBFUZZER OPTIONS...]
#
# One seeded, time-boxed libFuzzer run (the CTest entries fuzz_*_short and
# the long runs of tests/fuzz/README.md). CORPUS_DIR starts as a copy of the
# seeds (examples/, tests/kernels/, tests/frontend/bad/ and the crash
# regressions) and keeps what the fuzzer finds, so a later run goes on from
# there; crash inputs are written next to it (CORPUS_DIR.crash-*). Prints
# libFuzzer's closing statistics; exits non-zero on any crash, leak,
# sanitizer report, timeout (10 s per input) or out-of-memory (2 GiB).
set -euo pipefail
harness=$1 seconds=$2 corpus=$3
shift 3
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
if [ ! -d "$corpus" ]; then
  mkdir -p "$corpus"
  find "$root/examples" "$root/tests/kernels" "$root/tests/frontend/bad" \
       "$here/regressions" -type f -size -64k -print0 |
    while IFS= read -r -d '' f; do
      cp "$f" "$corpus/$(cksum < "$f" | cut -d' ' -f1)"
    done
fi
exec "$harness" "$corpus" -dict="$here/python.dict" -seed=1 \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -max_len=16384 -print_final_stats=1 \
  -artifact_prefix="$corpus." "$@"
