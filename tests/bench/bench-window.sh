#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Figures for the window (issue 3), never a pass or fail: on demo practices of 1,000, 10,000
# and 100,000 cases, the time until the window is on screen with its first list drawn, search
# as you type from the last key to the new list drawn, and peak memory; with GTK's Cairo and
# GL renderers. For comparison, how long GNOME Text Editor takes to show an empty window on
# the same machine (when it is installed), both timed until the window is mapped, as xdotool
# sees it, with their peak memory. Runs its own Xvfb when there is no display.
#
# Usage: tests/bench/bench-window.sh [BUILD-DIR] [SIZES...]   (an optimised build is best)
set -eu

build=${1:-build}
shift || true
sizes=${*:-1000 10000 100000}
work=$(mktemp -d "${TMPDIR:-/tmp}/heed-bench-window-XXXXXX")
trap 'rm -rf "$work"' EXIT

if [ -z "${DISPLAY:-}" ] && [ -z "${HEED_BENCH_IN_XVFB:-}" ]; then
  HEED_BENCH_IN_XVFB=1 exec xvfb-run -a -s '-screen 0 1280x800x24' "$0" "$build" $sizes
fi

export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data" GTK_A11Y=none NO_AT_BRIDGE=1

# Starts a program, waits until it has a window on screen (mapped, as xdotool sees it), and
# prints the milliseconds that took and the program's peak memory two seconds later.
time_mapped () {
  label=$1
  shift
  start=$(date +%s%N)
  HOME=$(mktemp -d "$work/home-XXXXXX") "$@" >/dev/null 2>&1 &
  pid=$!
  # Given up on after 20 seconds: it may not start here at all.
  tries=0
  while ! xdotool search --onlyvisible --pid "$pid" >/dev/null 2>&1 && [ "$tries" -lt 2000 ]; do
    sleep 0.01
    tries=$((tries + 1))
  done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  sleep 2
  peak=$(sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$pid/status" 2>/dev/null || true)
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [ "$tries" -ge 2000 ]; then
    echo "$label: no window within 20 seconds"
  else
    echo "$label: window mapped after $ms ms, peak memory $(( ${peak:-0} / 1024 )) MB"
  fi
}

have_xdotool=false
command -v xdotool >/dev/null && have_xdotool=true

for n in $sizes; do
  file="$work/demo-$n.heed"
  "$build/src/heed-cli" demo "$file" --cases "$n" --seed 7 >/dev/null
  for renderer in cairo gl; do
    # Three runs: the first after making the file is slower (a cold cache), later ones show
    # a practice opened as it is every morning.
    for run in 1 2 3; do
      echo "== $n cases, GSK_RENDERER=$renderer, run $run"
      GSK_RENDERER=$renderer "$build/tests/bench-window" "$file" 2>/dev/null
    done
  done
  # Heed itself, timed as GNOME Text Editor is below.
  if $have_xdotool; then
    for renderer in cairo gl; do
      for run in 1 2 3; do
        GSK_RENDERER=$renderer time_mapped "== Heed, $n cases, GSK_RENDERER=$renderer" \
          "$build/src/heed" "$file"
      done
    done
  fi
  rm -f "$file" "$file-wal" "$file-shm" "$file.lock"
done

# The yardstick: GNOME Text Editor's empty window, three runs with each renderer.
if command -v gnome-text-editor >/dev/null && $have_xdotool; then
  for renderer in cairo gl; do
    for run in 1 2 3; do
      GSK_RENDERER=$renderer time_mapped "== GNOME Text Editor, empty, GSK_RENDERER=$renderer" \
        gnome-text-editor --ignore-session --new-window
    done
  done
else
  echo "== GNOME Text Editor not installed: apt-get install gnome-text-editor xdotool to compare"
fi
