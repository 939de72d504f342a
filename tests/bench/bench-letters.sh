#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Figures for letters (issue 5), never a pass or fail: the time heed-cli takes to produce one
# letter end to end (open the practice, merge, lay out, write the PDF; best of 5), and 100
# letters one after another for different cases, on a demo practice of 1,000 cases.
#
# Usage: tests/bench/bench-letters.sh [BUILD-DIR]
set -eu

build=${1:-build}
cli="$build/src/heed-cli"
work=$(mktemp -d /tmp/heed-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT

now_ms() {
  echo $(($(date +%s%N) / 1000000))
}

"$cli" demo "$work/demo.heed" --cases 1000 --seed 5 >/dev/null
refs=$("$cli" list "$work/demo.heed" --kind complaint --format csv | tail -n +2 | cut -d, -f1 \
       | head -n 100)
first=$(echo "$refs" | head -n 1)

for template in acknowledgement final-response; do
  best=""
  for _ in 1 2 3 4 5; do
    start=$(now_ms)
    "$cli" letter "$work/demo.heed" "$first" "$template" -o "$work/one.pdf" >/dev/null 2>&1
    took=$(($(now_ms) - start))
    if [ -z "$best" ] || [ "$took" -lt "$best" ]; then best=$took; fi
  done
  echo "one $template letter: ${best} ms (goal under 50 ms)"
done

start=$(now_ms)
count=0
for ref in $refs; do
  "$cli" letter "$work/demo.heed" "$ref" final-response -o "$work/$ref.pdf" >/dev/null 2>&1
  count=$((count + 1))
done
echo "$count final-response letters, one heed-cli each: $(($(now_ms) - start)) ms" \
     "(goal under 3000 ms)"
"$build/tests/bench-letters" "$work/demo.heed"
