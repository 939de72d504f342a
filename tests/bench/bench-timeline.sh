#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Figures for the timeline (issue 4), never a pass or fail: loading the practice timeline and
# drawing one 1280x800 frame of it at each zoom level, at scale 1 and 2. First on a made-up
# practice of 2,000 open complaints with 50,000 events; then, when given a size, on a demo
# practice of that many cases (the issue asks for the 100,000-case demo's open cases).
#
# Usage: tests/bench/bench-timeline.sh [BUILD-DIR] [DEMO-CASES]
set -eu

build=${1:-build}
cases=${2:-}
bench="$build/tests/bench-timeline"
cli="$build/src/heed-cli"
ninja -C "$build" tests/bench-timeline src/heed-cli >/dev/null

echo "== 2,000 open cases, 50,000 events"
"$bench"

if [ -n "$cases" ]; then
  work=$(mktemp -d -t heed-bench-XXXXXX)
  trap 'rm -rf "$work"' EXIT
  echo "== demo practice of $cases cases"
  start=$(date +%s)
  "$cli" demo "$work/demo.heed" --cases "$cases" --seed 1 >/dev/null
  echo "made in $(( $(date +%s) - start )) s"
  "$bench" "$work/demo.heed"
fi
