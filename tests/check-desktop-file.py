#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""desktop-file-validate on the built desktop file, with its hints counted as failures too: a
hint such as "more than one main category" means Heed may show twice in a menu.

Usage: check-desktop-file.py PATH-TO-DESKTOP-FILE-VALIDATE DESKTOP-FILE"""

import subprocess
import sys

validate, desktop = sys.argv[1], sys.argv[2]
result = subprocess.run([validate, desktop], capture_output=True, text=True)
said = (result.stdout + result.stderr).strip()
if said:
    print(said)
if result.returncode != 0 or said:
    sys.exit(1)
with open(desktop, encoding="utf-8") as f:
    categories = [line.split("=", 1)[1] for line in f if line.startswith("Categories=")]
main = {"AudioVideo", "Audio", "Video", "Development", "Education", "Game", "Graphics",
        "Network", "Office", "Science", "Settings", "System", "Utility"}
found = [c for c in categories[0].split(";") if c in main] if categories else []
if found != ["Office"]:
    print(f"main categories {found}, not Office alone")
    sys.exit(1)
