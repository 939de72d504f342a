#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Figures for a practice on a PostgreSQL server (issue 16), never a pass or fail. For each size
# a demo practice file is made and copied onto a local server; then heed-cli's reads on the
# server are timed, each beside psql doing the same reads (the floor), and 10 seats log calls
# at once (tests/bench/bench-seats.c): saves a second, the 95th-percentile save, and the delay
# before another seat sees a new case.
#
# Usage: tests/bench/bench-server.sh [BUILD-DIR] [SIZES...]
# Uses the cluster of HEED_TEST_PG_HOST (a socket folder) when set, else starts one of its own.
set -eu

build=${1:-build}
shift || true
sizes=${*:-1000 10000 100000}
top=$(cd "$(dirname "$0")/../.." && pwd)
cli="$build/src/heed-cli"
seats="$build/tests/bench-seats"
pg=${HEED_PG_BIN:-/usr/lib/postgresql/15/bin}
work=$(mktemp -d /tmp/heed-bench-server-XXXXXX)
own_cluster=""
if [ -z "${HEED_TEST_PG_HOST:-}" ]; then
  own_cluster=$(sh "$top/build-aux/pg-test-cluster" start)
  HEED_TEST_PG_HOST=$own_cluster
  HEED_TEST_PG_USER=heed
fi
host=$HEED_TEST_PG_HOST
user=${HEED_TEST_PG_USER:-heed}
cleanup() {
  [ -n "$own_cluster" ] && sh "$top/build-aux/pg-test-cluster" stop "$own_cluster"
  rm -rf "$work"
}
trap cleanup EXIT

# Milliseconds of a command, best of $1 runs.
measure_ms() {
  repeat=$1
  shift
  best=""
  i=0
  while [ "$i" -lt "$repeat" ]; do
    start=$(date +%s%N)
    "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; return 1; }
    end=$(date +%s%N)
    ms=$(( (end - start) / 1000000 ))
    if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
    i=$((i + 1))
  done
  printf '%s ms' "$best"
}

psql_on() {
  db=$1
  shift
  "$pg/psql" -X -q -A -t -h "$host" -U "$user" -d "$db" -c "$*"
}

year=$(date +%Y)
month=$(date +%m)
if [ "${month#0}" -ge 4 ]; then fy=$((year - 1)); else fy=$((year - 2)); fi

printf 'Machine: %s, %s cores, %s; PostgreSQL %s on a local socket\n' "$(uname -m)" "$(nproc)" \
  "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')" \
  "$("$pg/postgres" --version | awk '{print $3}')"
printf '%-8s | %-10s | %-18s | %-18s | %-18s | %-20s | %-18s\n' cases "copy" \
  "open, show (psql)" "search (psql)" "deadlines (psql)" "annual report (psql)" "check (psql)"
for n in $sizes; do
  file="$work/demo-$n.heed"
  db="heed_bench_$n"
  where="postgresql://$user@/$db?host=$host"
  "$cli" demo "$file" --cases "$n" --seed 1 >/dev/null
  "$pg/dropdb" -h "$host" -U "$user" --if-exists "$db"
  "$pg/createdb" -h "$host" -U "$user" "$db"
  copy=$(measure_ms 1 "$cli" copy "$file" "$where")
  psql_on "$db" "VACUUM ANALYZE" >/dev/null
  ref=$("$cli" list "$where" --kind complaint --format csv | sed -n 2p | cut -d, -f1)
  show=$(measure_ms 10 "$cli" show "$where" "$ref")
  show_floor=$(measure_ms 10 psql_on "$db" "SELECT * FROM cases WHERE reference = '$ref'")
  search=$(measure_ms 10 "$cli" list "$where" --search surgery)
  search_floor=$(measure_ms 10 psql_on "$db" \
    "SELECT c.reference, c.received_at, c.kind, c.status, c.summary FROM cases c
       JOIN case_search s ON s.case_id = c.id
       WHERE s.document @@ to_tsquery ('heed_search', 'surgery:*') ORDER BY c.received_at")
  due=$(measure_ms 10 "$cli" deadlines "$where")
  due_floor=$(measure_ms 10 psql_on "$db" \
    "SELECT reference, received_at, acknowledged_on, agreed_response_date FROM cases
       WHERE status NOT IN ('draft', 'closed') ORDER BY received_at")
  report=$(measure_ms 3 "$cli" report "$where" --year "$fy" --format csv -o "$work/r.csv")
  report_floor=$(measure_ms 3 psql_on "$db" \
    "SELECT kind, channel, outcome, substr (received_at, 6, 2), count (*) FROM cases
       WHERE status != 'draft' AND received_at >= '$fy-04-01' AND received_at < '$((fy + 1))-04-01'
       GROUP BY 1, 2, 3, 4")
  check=$(measure_ms 1 "$cli" check "$where")
  check_floor=$(measure_ms 1 psql_on "$db" \
    "SELECT count (*), sum (length (CAST (a AS text))) FROM audit a")
  printf '%-8s | %-10s | %-18s | %-18s | %-18s | %-20s | %-18s\n' "$n" "$copy" \
    "$show ($show_floor)" "$search ($search_floor)" "$due ($due_floor)" \
    "$report ($report_floor)" "$check ($check_floor)"
  if [ "$n" = "$(echo "$sizes" | awk '{print $NF}')" ]; then
    printf '\n10 seats logging 50 calls each at once, on the practice of %s cases:\n' "$n"
    "$seats" "$where" 10 50
  fi
done
printf '(in brackets: psql reading the same rows; heed-cli times include starting the process)\n'
