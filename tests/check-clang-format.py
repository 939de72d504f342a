#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The files listed in tests/clang-format-checked.txt are as .clang-format would write them.

Usage: check-clang-format.py SOURCE-ROOT
Prints TAP, one test per listed file. Skips without clang-format, and with a clang-format other
than version 14 (Debian 12's), since versions lay the same code out differently."""

import os
import re
import shutil
import subprocess
import sys

root = sys.argv[1]
clang_format = shutil.which("clang-format-14") or shutil.which("clang-format")
if clang_format is None:
    print("1..0 # SKIP clang-format is not installed")
    sys.exit(0)
version = subprocess.run([clang_format, "--version"], capture_output=True, text=True).stdout
major = re.search(r"version (\d+)", version)
if major is None or major.group(1) != "14":
    print(f"1..0 # SKIP the list is kept with clang-format 14, this is {version.strip()}")
    sys.exit(0)

with open(os.path.join(root, "tests", "clang-format-checked.txt"), encoding="utf-8") as f:
    listed = [line.strip() for line in f if line.strip() and not line.startswith("#")]

print(f"1..{len(listed) + 1}")
missing = [path for path in listed if not os.path.isfile(os.path.join(root, path))]
print(f"{'not ok' if missing else 'ok'} 1 - every file listed exists")
for path in missing:
    print(f"# {path} is listed but not there")
failed = bool(missing)
for number, path in enumerate(listed, 2):
    full = os.path.join(root, path)
    if not os.path.isfile(full):
        print(f"not ok {number} - {path} # missing")
        continue
    with open(full, encoding="utf-8") as f:
        original = f.read()
    result = subprocess.run([clang_format, "--style=file", "--assume-filename=" + full],
                            input=original, capture_output=True, text=True, cwd=root)
    if result.returncode != 0:
        print(f"not ok {number} - {path} # clang-format failed: {result.stderr.strip()}")
        failed = True
        continue
    differing = [i + 1 for i, (a, b) in enumerate(zip(original.splitlines(),
                                                     result.stdout.splitlines())) if a != b]
    same = result.stdout == original
    print(f"{'ok' if same else 'not ok'} {number} - {path} is formatted as .clang-format says")
    if not same:
        first = differing[0] if differing else min(len(original.splitlines()),
                                                     len(result.stdout.splitlines())) + 1
        print(f"# first difference at line {first}: run clang-format -i {path}")
        failed = True
sys.exit(1 if failed else 0)
