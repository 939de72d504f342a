#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Makes complaints-log.xlsx and complaints-log.ods from complaints-log.csv with LibreOffice,
the way a practice's log is: the CSV opened in a British LibreOffice (so its dates become date
cells, or stay text where LibreOffice does not read them), the sheet named "Log 2024-25", a
second sheet of notes, and a totals row that is a formula. Run once by hand, where LibreOffice
is installed (libreoffice-calc-nogui and python3-uno); the files it makes are kept in the
repository, so neither is needed to build or test Heed.

Usage: make-spreadsheets.py   (in this folder)"""

import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


here = os.path.dirname(os.path.abspath(__file__))
profile = tempfile.mkdtemp(prefix="heed-lo-")
office = subprocess.Popen(["soffice", "--headless", "--invisible", "--norestore",
                           f"-env:UserInstallation=file://{profile}",
                           "--accept=pipe,name=heedtables;urp;"])
try:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(60):
        try:
            context = resolver.resolve(
                "uno:pipe,name=heedtables;urp;StarOffice.ComponentContext")
            break
        except Exception:
            time.sleep(1)
    else:
        sys.exit("LibreOffice did not start")
    desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop",
                                                               context)
    # Comma, double quote, UTF-8, from line 1, standard columns, English (UK).
    url = uno.systemPathToFileUrl(os.path.join(here, "complaints-log.csv"))
    doc = desktop.loadComponentFromURL(url, "_blank", 0, (
        prop("FilterName", "Text - txt - csv (StarCalc)"),
        prop("FilterOptions", "44,34,76,1,,2057"),
        prop("Hidden", True)))
    sheets = doc.getSheets()
    log = sheets.getByIndex(0)
    log.setName("Log 2024-25")
    # The totals row counts the references, as practices' logs do.
    log.getCellRangeByName("M31").setFormula("=COUNTA(B5:B29)")
    sheets.insertNewByName("Notes", 1)
    notes = sheets.getByName("Notes")
    notes.getCellRangeByName("A1").setString("How to fill in the log")
    notes.getCellRangeByName("A2").setString(
        "One row per complaint; dates as DD/MM/YYYY; outcome upheld, partly or not upheld.")
    for name, filter_name in (("complaints-log.xlsx", "Calc Office Open XML"),
                              ("complaints-log.ods", "calc8")):
        doc.storeToURL(uno.systemPathToFileUrl(os.path.join(here, name)),
                       (prop("FilterName", filter_name),))
    doc.close(True)
finally:
    office.terminate()
    office.wait()
