#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every source file with translatable strings must be in po/POTFILES.in, and every file
listed there must exist. Usage: check-potfiles.py SOURCE-ROOT"""

import os
import re
import sys

root = sys.argv[1]
with open(os.path.join(root, "po", "POTFILES.in")) as f:
    listed = {line.strip() for line in f if line.strip() and not line.startswith("#")}

marker_c = re.compile(r'\b(N?_|C_|NC_|g_dngettext)\s*\(')
needed = set()
for folder in ("src", "ui", "data"):
    for dirpath, _, files in os.walk(os.path.join(root, folder)):
        for name in files:
            path = os.path.join(dirpath, name)
            relative = os.path.relpath(path, root)
            text = open(path, encoding="utf-8", errors="replace").read()
            if name.endswith(".c") and marker_c.search(text):
                needed.add(relative)
            elif name.endswith(".ui") and 'translatable="yes"' in text:
                needed.add(relative)
            elif name.endswith((".desktop.in", ".metainfo.xml.in", ".gschema.xml")):
                needed.add(relative)

failed = False
for path in sorted(needed - listed):
    print(f"not ok: {path} has translatable strings but is not in po/POTFILES.in")
    failed = True
for path in sorted(listed):
    if not os.path.exists(os.path.join(root, path)):
        print(f"not ok: po/POTFILES.in lists {path}, which does not exist")
        failed = True
if not failed:
    print(f"ok: {len(listed)} files in po/POTFILES.in, none missing")
sys.exit(1 if failed else 0)
