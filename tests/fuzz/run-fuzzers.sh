#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the libFuzzer targets with clang (-fsanitize=fuzzer,address,undefined) and runs each
# for a while, starting from its seed corpus in tests/fuzz/corpus/NAME. Prints a table of
# executions and coverage (libFuzzer's "cov:" and "ft:" figures) and exits non-zero if any
# target found a crash; the input that caused it is kept and named in the table.
#
#   sh tests/fuzz/run-fuzzers.sh [-t SECONDS] [-b BUILD-DIR] [TARGET...]
#
# SECONDS per target (default 60); BUILD-DIR default build-fuzz in the source tree. Inputs the
# fuzzer finds go to a temporary folder, never into the seed corpora; to keep some, copy them
# across by hand (small ones that reach new code).
set -eu

top=$(cd "$(dirname "$0")/../.." && pwd)
seconds=60
build=$top/build-fuzz
while getopts t:b: option; do
  case $option in
    t) seconds=$OPTARG ;;
    b) build=$OPTARG ;;
    *) echo "usage: $0 [-t SECONDS] [-b BUILD-DIR] [TARGET...]" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))

case $seconds in
  ''|*[!0-9]*) echo "run-fuzzers: -t needs a whole number of seconds, not '$seconds'" >&2; exit 2 ;;
esac

if ! command -v clang >/dev/null 2>&1; then
  echo "run-fuzzers: clang is needed (apt-get install clang)" >&2
  exit 2
fi

# Warnings are errors in the gcc builds that CI runs; clang warns about more (string literals
# joined inside an array, for one), which must not stop a fuzzing run.
if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" "$top" -Dfuzzing=true -Dbuildtype=debugoptimized \
    -Db_sanitize=address,undefined -Db_lundef=false -Dwerror=false >/dev/null
fi

targets=$*
if [ -z "$targets" ]; then
  targets=$(cd "$top/tests/fuzz/corpus" && ls)
fi
# Only the targets: the rest of Heed is not needed to fuzz.
outputs=""
for name in $targets; do
  outputs="$outputs tests/fuzz-$name"
done
# shellcheck disable=SC2086
if ! ninja -C "$build" -j2 $outputs >"$build/fuzz-build.log" 2>&1; then
  echo "run-fuzzers: the build failed; see $build/fuzz-build.log" >&2
  tail -20 "$build/fuzz-build.log" >&2
  exit 2
fi

work=$(mktemp -d -t heed-fuzz-run-XXXXXX)
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS=suppressions=$top/tests/lsan.supp:print_suppressions=0
export TZ=UTC LC_ALL=C.UTF-8

failed=0
printf '%-14s %8s %12s %10s %8s %8s  %s\n' target seconds executions exec/s cov ft result
for name in $targets; do
  binary=$build/tests/fuzz-$name
  if [ ! -x "$binary" ]; then
    echo "run-fuzzers: no target $name (looked for $binary)" >&2
    failed=1
    continue
  fi
  mkdir -p "$work/$name/corpus" "$work/$name/artifacts"
  log=$work/$name/log
  status=0
  dictionary=""
  if [ -f "$top/tests/fuzz/$name.dict" ]; then
    dictionary="-dict=$top/tests/fuzz/$name.dict"
  fi
  # New inputs go to the temporary corpus first; the seeds are read only.
  # shellcheck disable=SC2086
  "$binary" -max_total_time="$seconds" -print_final_stats=1 -rss_limit_mb=2048 \
    -timeout=10 -artifact_prefix="$work/$name/artifacts/" $dictionary \
    "$work/$name/corpus" "$top/tests/fuzz/corpus/$name" >"$log" 2>&1 || status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  if [ "$status" -eq 0 ]; then
    result=ok
  else
    failed=1
    artifact=$(ls "$work/$name/artifacts" 2>/dev/null | head -1)
    result="CRASH (exit $status) $work/$name/artifacts/$artifact; log $log"
  fi
  printf '%-14s %8s %12s %10s %8s %8s  %s\n' "$name" "$seconds" "${runs:-?}" "${speed:-?}" \
    "${cov:-?}" "${ft:-?}" "$result"
done
echo "run-fuzzers: logs and new inputs in $work"
exit $failed
