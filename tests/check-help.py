#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The user guide stays valid and true: yelp-check's validate, links, ids, orphans and media
find nothing wrong, every page and figure in help/C is installed and every figure shown, and
the keyboard shortcuts page lists the shortcuts of the shortcuts window with the same keys.

Usage: check-help.py SOURCE-ROOT YELP-CHECK|- PAGE... FIGURE..."""

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

MALLARD = "{http://projectmallard.org/1.0/}"

root, yelp_check = sys.argv[1], sys.argv[2]
pages = [a for a in sys.argv[3:] if a.endswith(".page")]
figures = [a for a in sys.argv[3:] if not a.endswith(".page")]
help_dir = os.path.join(root, "help", "C")
results = []


def check(name, ok, detail=""):
    results.append((name, ok, detail))


def skip(name, why):
    results.append((name, None, why))


# Installed pages: what meson installs is what is in the folder.
on_disk = sorted(f for f in os.listdir(help_dir) if f.endswith(".page"))
missing = sorted(set(on_disk) - set(pages))
absent = sorted(set(pages) - set(on_disk))
check("every page in help/C is installed by help/meson.build", not missing and not absent,
      "not installed: %s; listed but missing: %s" % (", ".join(missing) or "none",
                                                     ", ".join(absent) or "none"))

figures_dir = os.path.join(help_dir, "figures")
figures_on_disk = sorted("figures/" + f for f in os.listdir(figures_dir)) \
    if os.path.isdir(figures_dir) else []
missing = sorted(set(figures_on_disk) - set(figures))
absent = sorted(set(figures) - set(figures_on_disk))
check("every figure in help/C/figures is installed by help/meson.build",
      not missing and not absent,
      "not installed: %s; listed but missing: %s" % (", ".join(missing) or "none",
                                                     ", ".join(absent) or "none"))

referenced = set()
for page_name in pages:
    if os.path.exists(os.path.join(help_dir, page_name)):
        tree = ET.parse(os.path.join(help_dir, page_name))
        referenced |= {m.get("src") for m in tree.iter(MALLARD + "media")}
unused = sorted(set(figures) - referenced)
check("every figure is shown on some page", not unused, "not shown: " + ", ".join(unused))

# yelp-check's own checks.
if yelp_check == "-" or not os.path.exists(yelp_check):
    for command in ("validate", "links", "ids", "orphans", "media"):
        skip("yelp-check " + command, "yelp-check is not installed")
else:
    paths = [os.path.join(help_dir, p) for p in pages]
    for command, args in (("validate", paths), ("links", [help_dir]), ("ids", [help_dir]),
                          ("orphans", [help_dir]), ("media", [help_dir])):
        run = subprocess.run([yelp_check, command] + args, cwd=help_dir,
                             capture_output=True, text=True)
        output = (run.stdout + run.stderr).strip()
        check("yelp-check " + command, run.returncode == 0 and not output, output)


# The shortcuts page against the shortcuts window.
def accelerator_text(accel):
    """'<Primary><Shift>n' -> 'Ctrl+Shift+N', as a person reads it."""
    names = {"Primary": "Ctrl", "Control": "Ctrl", "Shift": "Shift", "Alt": "Alt"}
    keys = {"Return": "Enter", "Left": "←", "Right": "→", "Up": "↑", "Down": "↓",
            "comma": ",", "question": "?", "plus": "+", "minus": "-", "equal": "="}
    parts = re.findall(r"<(\w+)>", accel)
    key = re.sub(r"<\w+>", "", accel)
    out = [names.get(p, p) for p in parts]
    out.append(keys.get(key, key.upper() if len(key) == 1 else key))
    return "+".join(out)


overlay = ET.parse(os.path.join(root, "ui", "help-overlay.ui"))
expected = {}
for shortcut in overlay.iter("object"):
    if shortcut.get("class") != "GtkShortcutsShortcut":
        continue
    props = {p.get("name"): (p.text or "") for p in shortcut.findall("property")}
    expected[props["title"]] = accelerator_text(props["accelerator"])

page = ET.parse(os.path.join(help_dir, "shortcuts.page"))
listed = {}
for row in page.iter(MALLARD + "tr"):
    cells = row.findall(MALLARD + "td")
    if len(cells) != 2:
        continue
    title = "".join(cells[0].itertext()).strip()
    keyseq = cells[1].find(".//" + MALLARD + "keyseq")
    if keyseq is None:
        continue
    listed[title] = "+".join((k.text or "").strip() for k in keyseq.findall(MALLARD + "key"))

check("the shortcuts page lists every shortcut of the shortcuts window",
      set(expected) <= set(listed),
      "missing: " + ", ".join(sorted(set(expected) - set(listed))))
wrong = ["%s: page says %s, window says %s" % (t, listed[t], expected[t])
         for t in sorted(set(expected) & set(listed)) if listed[t] != expected[t]]
check("the shortcuts page gives the same keys as the shortcuts window", not wrong,
      "; ".join(wrong))

print("1..%d" % len(results))
failed = False
for number, (name, ok, detail) in enumerate(results, 1):
    if ok is None:
        print("ok %d - %s # SKIP %s" % (number, name, detail))
    elif ok:
        print("ok %d - %s" % (number, name))
    else:
        failed = True
        print("not ok %d - %s" % (number, name))
        for line in detail.splitlines():
            print("# " + line)
            print("%s: %s" % (name, line), file=sys.stderr)
sys.exit(1 if failed else 0)
