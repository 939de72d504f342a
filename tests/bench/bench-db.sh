#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Figures for the storage seam, never a pass or fail: N practice-like cases (100,000 unless
# given) loaded through the driver into a practice file and into a PostgreSQL database, then
# the same reads timed through the driver (every column of every row read as text) and by
# the engines' own shells (sqlite3's .timer, psql's \timing, output thrown away), best of 5.
#
# Usage: tests/bench/bench-db.sh [BUILD-DIR] [N]
# The server is the run's cluster when HEED_TEST_PG_HOST is set, else a throwaway one of its
# own (build-aux/pg-test-cluster), else the server half is left out.
set -u

build=${1:-build}
count=${2:-100000}
top=$(cd "$(dirname "$0")/../.." && pwd)
bench="$build/tests/bench-db"
work=$(mktemp -d)
own_cluster=""

cleanup() {
  [ -n "$own_cluster" ] && sh "$top/build-aux/pg-test-cluster" stop "$own_cluster"
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

if [ ! -x "$bench" ]; then
  echo "bench-db.sh: build $bench first (ninja -C $build tests/bench-db)" >&2
  exit 0
fi

host=${HEED_TEST_PG_HOST:-}
user=${HEED_TEST_PG_USER:-heed}
if [ -z "$host" ] && [ -d /usr/lib/postgresql/15/bin ]; then
  if own_cluster=$(sh "$top/build-aux/pg-test-cluster" start); then
    host=$own_cluster
  else
    own_cluster=""
  fi
fi

file="$work/bench.heed"
database="heed_bench_$$"

# psql and sqlite3 on the same reads; prints NAME<TAB>MS, best of 5 after a first warming run.
shell_times() {
  engine=$1
  "$bench" sql "$engine" | while IFS="$(printf '\t')" read -r name sql; do
    if [ "$engine" = sqlite ]; then
      {
        printf '.output /dev/null\n.timer on\n'
        for i in 1 2 3 4 5 6; do printf '%s;\n' "$sql"; done
      } | sqlite3 "$file" 2>&1 | sed -n 's/^Run Time: real \([0-9.]*\).*/\1/p' | tail -n 5 |
        awk -v name="$name" 'NR == 1 || $1 < best { best = $1 }
                             END { printf "%s\t%.2f\n", name, best * 1000 }'
    else
      {
        printf '\\o /dev/null\n\\timing on\n'
        for i in 1 2 3 4 5 6; do printf '%s;\n' "$sql"; done
      } | psql -X -q "host=$host user=$user dbname=$database" 2>&1 |
        sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -n 5 |
        awk -v name="$name" 'NR == 1 || $1 < best { best = $1 }
                             END { printf "%s\t%.2f\n", name, best }'
    fi
  done
}

printf 'Machine: %s, %s cores, %s; %s cases\n' "$(uname -m)" "$(nproc)" \
  "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')" "$count"

"$bench" load "$file" "$count" > "$work/load-sqlite" || exit 0
"$bench" read "$file" > "$work/driver-sqlite" || exit 0
shell_times sqlite > "$work/shell-sqlite"

if [ -n "$host" ]; then
  psql -X -q "host=$host user=$user dbname=postgres" -c "CREATE DATABASE $database" >/dev/null &&
    "$bench" load "postgresql:///$database?host=$host&user=$user" "$count" > "$work/load-pg" &&
    "$bench" read "postgresql:///$database?host=$host&user=$user" > "$work/driver-pg" &&
    shell_times postgres > "$work/shell-pg"
fi

printf '\nload (one transaction, through the driver): file %s ms' "$(cut -f3 "$work/load-sqlite")"
[ -s "$work/load-pg" ] && printf ', server %s ms' "$(cut -f3 "$work/load-pg")"
printf '\n\n%-24s %8s | %12s %12s %6s | %12s %12s %6s\n' read rows "file driver" sqlite3 ratio \
  "server driver" psql ratio
while IFS="$(printf '\t')" read -r name rows ms; do
  shell=$(awk -v n="$name" -F '\t' '$1 == n { print $2 }' "$work/shell-sqlite")
  pg_ms=$(awk -v n="$name" -F '\t' '$1 == n { print $3 }' "$work/driver-pg" 2>/dev/null)
  pg_shell=$(awk -v n="$name" -F '\t' '$1 == n { print $2 }' "$work/shell-pg" 2>/dev/null)
  awk -v name="$name" -v rows="$rows" -v a="$ms" -v b="$shell" -v c="${pg_ms:-}" \
      -v d="${pg_shell:-}" 'BEGIN {
    r1 = (b > 0) ? sprintf("%.2f", a / b) : "-"
    r2 = (c != "" && d > 0) ? sprintf("%.2f", c / d) : "-"
    printf "%-24s %8s | %9.2f ms %9.2f ms %6s | %9s ms %9s ms %6s\n", name, rows, a, b, r1,
      (c == "" ? "-" : c), (d == "" ? "-" : d), r2
  }'
done < "$work/driver-sqlite"

if [ -n "$host" ]; then
  psql -X -q "host=$host user=$user dbname=postgres" \
    -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null 2>&1
fi
exit 0
