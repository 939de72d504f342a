#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Figures for the foundation (issue 2), never a pass or fail: how long heed-cli takes on demo
# practices of 1,000, 10,000 and 100,000 cases, its peak memory, and the same search run by the
# sqlite3 shell on the same file as the floor to compare with.
#
# Usage: tests/bench/bench-core.sh [BUILD-DIR] [SIZES...]
set -eu

build=${1:-build}
shift || true
sizes=${*:-1000 10000 100000}
cli="$build/src/heed-cli"
work=$(mktemp -d /tmp/heed-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT

# Seconds (wall) and peak resident memory (MB) of a command, best of $repeat runs.
measure() {
  repeat=$1
  shift
  best_s=""
  best_mb=""
  i=0
  while [ "$i" -lt "$repeat" ]; do
    /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>"$work/err" || {
      cat "$work/err" >&2
      return 1
    }
    read -r s kb < "$work/time"
    mb=$(awk "BEGIN { printf \"%.1f\", $kb / 1024 }")
    if [ -z "$best_s" ] || awk "BEGIN { exit !($s < $best_s) }"; then
      best_s=$s
      best_mb=$mb
    fi
    i=$((i + 1))
  done
  printf '%s s  %s MB' "$best_s" "$best_mb"
}

# Milliseconds of a command, best of 20, timed by the shell's clock in nanoseconds.
measure_ms() {
  best=""
  i=0
  while [ "$i" -lt 20 ]; do
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s%N)
    ms=$(( (end - start) / 1000000 ))
    if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then
      best=$ms
    fi
    i=$((i + 1))
  done
  printf '%s ms' "$best"
}

printf 'Machine: %s, %s cores, %s\n' "$(uname -m)" "$(nproc)" \
  "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
printf '%-8s | %-22s | %-12s | %-14s | %-14s | %-22s | %-16s\n' cases "demo (create)" "file size" \
  "search (cli)" "search (sqlite3)" "list all (cli)" "check"
for n in $sizes; do
  file="$work/demo-$n.heed"
  create=$(measure 1 "$cli" demo "$file" --cases "$n" --seed 1)
  size=$(du -m "$file" | cut -f1)
  search=$(measure_ms "$cli" list "$file" --search surgery)
  floor=$(measure_ms sqlite3 "$file" \
    "SELECT c.reference, c.received_at, c.kind, c.status, c.summary FROM cases c WHERE c.id IN (SELECT rowid FROM case_search WHERE case_search MATCH '\"surgery\"*') ORDER BY c.received_at;")
  list=$(measure 3 "$cli" list "$file")
  check=$(measure 1 "$cli" check "$file")
  printf '%-8s | %-22s | %-12s | %-14s | %-16s | %-22s | %-16s\n' "$n" "$create" "$size MB" \
    "$search" "$floor" "$list" "$check"
done

# The annual report (issue 6) for the last whole financial year, on the same files: the figures
# as CSV, the web page and the PDF, against the bare aggregates the sqlite3 shell computes.
year=$(date +%Y)
month=$(date +%m)
if [ "${month#0}" -ge 4 ]; then fy=$((year - 1)); else fy=$((year - 2)); fi
printf '\nReport for the financial year %s-%s\n' "$fy" "$((fy + 1))"
printf '%-8s | %-16s | %-16s | %-16s | %-16s\n' cases "figures (csv)" "web page (html)" \
  "PDF" "sql aggregates"
for n in $sizes; do
  file="$work/demo-$n.heed"
  figures=$(measure_ms "$cli" report "$file" --year "$fy" --format csv -o "$work/r.csv")
  html=$(measure_ms "$cli" report "$file" --year "$fy" --format html -o "$work/r.html")
  if "$cli" report "$file" --year "$fy" --format pdf -o "$work/r.pdf" >/dev/null 2>&1; then
    pdf=$(measure_ms "$cli" report "$file" --year "$fy" --format pdf -o "$work/r.pdf")
  else
    pdf="not available"
  fi
  floor=$(measure_ms sqlite3 "$file" \
    "SELECT kind, channel, outcome, strftime('%m', received_at), count(*) FROM cases
       WHERE status != 'draft' AND received_at >= '$fy-04-01' AND received_at < '$((fy + 1))-04-01'
       GROUP BY 1, 2, 3, 4;
     SELECT e.subject, e.staff_group, count(*) FROM case_elements e JOIN cases c ON c.id = e.\"case\"
       WHERE c.received_at >= '$fy-04-01' AND c.received_at < '$((fy + 1))-04-01' GROUP BY 1, 2;")
  printf '%-8s | %-16s | %-16s | %-16s | %-16s\n' "$n" "$figures" "$html" "$pdf" "$floor"
done

# The day's other work on the same files (issue 8): open one case, what is due, one letter,
# 100 letters, a backup; each beside what the sqlite3 shell takes for the same reads, the floor.
printf '\nEveryday work (best of 20 unless said)\n'
printf '%-8s | %-18s | %-18s | %-10s | %-22s | %-16s | %-18s\n' cases "open, show a case" \
  "deadlines" "one letter" "100 letters (1 process)" "backup" "check (sqlite3)"
bench_letters="$build/tests/bench-letters"
for n in $sizes; do
  file="$work/demo-$n.heed"
  ref=$("$cli" list "$file" --kind complaint --format csv | sed -n 2p | cut -d, -f1)
  show=$(measure_ms "$cli" show "$file" "$ref")
  show_floor=$(measure_ms sqlite3 "$file" "SELECT * FROM cases WHERE reference = '$ref';")
  due=$(measure_ms "$cli" deadlines "$file")
  due_floor=$(measure_ms sqlite3 "$file" \
    "SELECT reference, received_at, acknowledged_on, agreed_response_date FROM cases
       WHERE status NOT IN ('draft', 'closed') ORDER BY received_at;")
  letter=$(measure_ms "$cli" letter "$file" "$ref" final-response -o "$work/one.pdf")
  if [ -x "$bench_letters" ]; then
    hundred=$("$bench_letters" "$file" 2>/dev/null | tail -n 1 | sed 's/.*process: \([0-9]*\) ms.*/\1 ms/')
  else
    hundred="not built"
  fi
  backup=$(measure 1 "$cli" backup "$file" "$work/backup-$n.heed")
  rm -f "$work/backup-$n.heed"
  backup_floor=$(measure 1 sqlite3 "$file" ".backup '$work/floor-$n.heed'")
  rm -f "$work/floor-$n.heed"
  check_floor=$(measure 1 sqlite3 "$file" "PRAGMA integrity_check;")
  printf '%-8s | %-18s | %-18s | %-10s | %-22s | %-16s | %-18s\n' "$n" \
    "$show ($show_floor)" "$due ($due_floor)" "$letter" "$hundred" \
    "$backup ($backup_floor)" "$check_floor"
done
printf '(in brackets: the sqlite3 shell reading the same rows or copying the same file)\n'
