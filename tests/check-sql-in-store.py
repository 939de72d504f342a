#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""No SQL outside the store: SQLite's API (sqlite3_…), libpq's (PQ…, PGconn, PGresult), their
headers, the store's private header, and string literals of SQL statements appear only in
src/core/store. Everything above the store uses the store's functions.

Usage: check-sql-in-store.py SOURCE-ROOT
Prints TAP: one test per rule, over every .c and .h file under src/."""

import os
import re
import sys

root = sys.argv[1]
STORE = os.path.join("src", "core", "store") + os.sep

RULES = [
    ("SQLite's API is used only in the store", re.compile(r"\bsqlite3_\w+|<sqlite3\.h>")),
    ("libpq's API is used only in the store",
     re.compile(r"\bPQ[a-z]\w*\s*\(|\bPG(conn|result|cancel|notify)\b|<libpq-fe\.h>")),
    ("the store's private header is included only in the store",
     re.compile(r'#\s*include\s+"heed-store-private\.h"')),
    ("no SQL statement is written outside the store",
     re.compile(r'"[^"\n]*\b(SELECT\s+[^"\n]*\bFROM|INSERT\s+INTO|DELETE\s+FROM|'
                r'UPDATE\s+\w+\s+SET|CREATE\s+(TABLE|INDEX|VIEW|TRIGGER)|PRAGMA\s+\w+)\b')),
]

# Each rule must be able to fail: it finds what it is meant to in a line that breaks it.
SAMPLES = [
    "  rc = sqlite3_step (stmt);",
    "  result = PQexec (conn, query);",
    '#include "heed-store-private.h"',
    '  "SELECT id FROM cases WHERE kind = :kind"',
]

sources = []
for dirpath, _, files in os.walk(os.path.join(root, "src")):
    for name in sorted(files):
        if name.endswith((".c", ".h")):
            relative = os.path.relpath(os.path.join(dirpath, name), root)
            if not relative.startswith(STORE):
                sources.append(relative)
sources.sort()

print(f"1..{len(RULES) + 1}")
failed = False
broken = [i for i, (_, rule) in enumerate(RULES) if not rule.search(SAMPLES[i])]
print(f"{'not ok' if broken else 'ok'} 1 - each rule finds a line that breaks it")
failed |= bool(broken)
for number, (title, rule) in enumerate(RULES, 2):
    found = []
    for relative in sources:
        with open(os.path.join(root, relative), encoding="utf-8", errors="replace") as f:
            for line_number, line in enumerate(f, 1):
                if rule.search(line):
                    found.append(f"{relative}:{line_number}: {line.strip()}")
    print(f"{'not ok' if found else 'ok'} {number} - {title} ({len(sources)} files outside it)")
    for item in found[:40]:
        print(f"# {item}")
    failed |= bool(found)
sys.exit(1 if failed else 0)
