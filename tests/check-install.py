#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Installs the build into a temporary folder and checks that every part lands where GNOME
looks for it. Usage: check-install.py BUILD-DIR SOURCE-DIR APP-ID"""

import os
import subprocess
import sys
import tempfile

build, source, app_id = sys.argv[1:4]
results = []


def check(name, ok, detail=""):
    results.append((name, ok, detail))


with tempfile.TemporaryDirectory(prefix="heed-install-") as destdir:
    run = subprocess.run(["meson", "install", "-C", build, "--no-rebuild", "--quiet",
                          "--destdir", destdir], capture_output=True, text=True)
    check("meson install succeeds", run.returncode == 0, (run.stdout + run.stderr).strip())

    prefix = None
    for root, dirs, files in os.walk(destdir):
        if "heed-cli" in files and os.path.basename(root) == "bin":
            prefix = os.path.dirname(root)
            break
    check("the programs are installed in a bin folder", prefix is not None)
    prefix = prefix or destdir
    share = os.path.join(prefix, "share")

    expected = {
        "the window program": os.path.join(prefix, "bin", "heed"),
        "heed-cli": os.path.join(prefix, "bin", "heed-cli"),
        "the desktop file": os.path.join(share, "applications", app_id + ".desktop"),
        "the AppStream metainfo": os.path.join(share, "metainfo", app_id + ".metainfo.xml"),
        "the GSettings schema": os.path.join(share, "glib-2.0", "schemas",
                                             app_id + ".gschema.xml"),
        "the application icon": os.path.join(share, "icons", "hicolor", "scalable", "apps",
                                             app_id + ".svg"),
        "the symbolic icon": os.path.join(share, "icons", "hicolor", "symbolic", "apps",
                                          app_id + "-symbolic.svg"),
        "the MIME type": os.path.join(share, "mime", "packages", app_id + ".xml"),
        # The help keeps the release's id in a development build too.
        "the help's first page": os.path.join(share, "help", "C",
                                              app_id.removesuffix(".Devel"), "index.page"),
    }
    for name, path in expected.items():
        check(name + " is installed", os.path.isfile(path),
              "missing: " + os.path.relpath(path, destdir))
    for name in ("heed", "heed-cli"):
        path = os.path.join(prefix, "bin", name)
        check(name + " can be run", os.access(path, os.X_OK))

    # Every translation listed in po/LINGUAS, compiled, under share/locale.
    with open(os.path.join(source, "po", "LINGUAS")) as linguas:
        languages = [w for line in linguas for w in line.split() if not line.startswith("#")]
    for language in languages:
        path = os.path.join(share, "locale", language, "LC_MESSAGES", "heed.mo")
        check("the %s translation is installed" % language, os.path.isfile(path),
              "missing: " + os.path.relpath(path, destdir))

    # Only what a GNOME application installs: nothing outside the prefix.
    stray = [os.path.relpath(os.path.join(root, f), destdir)
             for root, dirs, files in os.walk(destdir) for f in files
             if not os.path.join(root, f).startswith(prefix + os.sep)]
    check("nothing is installed outside the prefix", not stray, "\n".join(stray[:10]))

print("1..%d" % len(results))
failed = False
for number, (name, ok, detail) in enumerate(results, 1):
    print("%s %d - %s" % ("ok" if ok else "not ok", number, name))
    if not ok:
        failed = True
        for line in detail.splitlines():
            print("# " + line)
sys.exit(1 if failed else 0)
