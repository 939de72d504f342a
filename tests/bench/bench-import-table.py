#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Figures, never a pass or fail: heed-cli import-table on a 10,000-row log (goal: under 10 s),
as CSV and as .xlsx (zipped XML with shared strings and Excel's serial dates, as Excel writes
it), with --dry-run beside the real import.

Usage: tests/bench/bench-import-table.py PATH-TO-HEED-CLI [ROWS]   (meson test --benchmark)"""

import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import date, timedelta
from xml.sax.saxutils import escape

HEED_CLI = sys.argv[1]
ROWS = int(sys.argv[2]) if len(sys.argv) > 2 else 10000

FIRST = ["Jane", "Aled", "Siân", "Tomasz", "Zoë", "Priya", "Gareth", "Renée", "Kwame", "Ellie",
         "Ivan", "Olwen", "Hannah", "Daniel", "Fatima", "Luca", "Margaret", "Chloe", "Jack"]
LAST = ["Smith", "Price", "Llewellyn", "Nowak", "O'Brien", "Chauhan", "Evans", "Dubois",
        "Mensah", "Hartley", "Petrov", "Bowen", "Goldberg", "Reid", "Begum", "Romano"]
SUMMARIES = ["Could not get an appointment", "Repeat prescription not ready",
             "Receptionist was dismissive", "Test results not passed on",
             "Waited 50 minutes past appointment time", "Referral letter delayed",
             "Records sent to the wrong practice", "Charged for a letter"]
OUTCOMES = ["Upheld", "partly", "Not upheld", "withdrawn", ""]
CHANNELS = ["Letter", "Email", "Phone", "In person", "Online form"]
HEADINGS = ["Ref", "Date Rec'd", "Name", "Type", "How received", "Summary", "Details",
            "Outcome", "Apology? (Y/N)"]


def rows():
    rng = random.Random(7)
    start = date(2015, 4, 1)
    for i in range(ROWS):
        received = start + timedelta(days=i * 3650 // ROWS)
        name = f"{rng.choice(['Mrs', 'Mr', 'Ms', 'Dr', ''])} {rng.choice(FIRST)} " \
               f"{rng.choice(LAST)}".strip()
        if rng.random() < 0.2:
            name = f"{rng.choice(LAST).upper()}, {rng.choice(FIRST)}"
        outcome = rng.choice(OUTCOMES)
        yield [f"L{i + 1:05d}", received, name, "Complaint", rng.choice(CHANNELS),
               rng.choice(SUMMARIES), "Written up from the paper log; " * rng.randint(1, 4),
               outcome, rng.choice(["Y", "N"]) if outcome else ""]


def write_csv(path):
    import csv
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Example Lane Surgery - complaints log"])
        w.writerow([])
        w.writerow(HEADINGS)
        for r in rows():
            r[1] = r[1].strftime("%d/%m/%Y")
            w.writerow(r)
        w.writerow(["Total", "", "", "", "", "", "", "", ROWS])


def write_xlsx(path):
    strings, index = [], {}

    def s(text):
        if text not in index:
            index[text] = len(strings)
            strings.append(text)
        return index[text]

    def col(n):
        return "ABCDEFGHIJ"[n]

    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://'
           'schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    out.append('<row r="1">' + "".join(f'<c r="{col(c)}1" t="s"><v>{s(h)}</v></c>'
                                       for c, h in enumerate(HEADINGS)) + "</row>")
    for n, r in enumerate(rows(), 2):
        cells = []
        for c, value in enumerate(r):
            if isinstance(value, date):
                serial = (value - date(1899, 12, 30)).days
                cells.append(f'<c r="{col(c)}{n}" s="1"><v>{serial}</v></c>')
            elif value != "":
                cells.append(f'<c r="{col(c)}{n}" t="s"><v>{s(value)}</v></c>')
        out.append(f'<row r="{n}">' + "".join(cells) + "</row>")
    out.append("</sheetData></worksheet>")
    shared = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://'
              'schemas.openxmlformats.org/spreadsheetml/2006/main">']
    shared += [f"<si><t>{escape(t)}</t></si>" for t in strings]
    shared.append("</sst>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", '<workbook xmlns:r="http://schemas.openxmlformats.org/'
                   'officeDocument/2006/relationships"><sheets><sheet name="Log" sheetId="1" '
                   'r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<Relationships><Relationship Id="rId1" '
                   'Target="worksheets/sheet1.xml"/></Relationships>')
        z.writestr("xl/worksheets/sheet1.xml", "".join(out))
        z.writestr("xl/sharedStrings.xml", "".join(shared))


def timed(*args):
    """Wall seconds, and CPU seconds (user + system): on a shared machine the CPU time is the
    steadier figure."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    proc = subprocess.run([HEED_CLI, *args], capture_output=True, text=True)
    elapsed = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode != 0:
        print(f"# failed: {proc.stderr.strip()}")
    return elapsed, cpu, proc


work = tempfile.mkdtemp(prefix="heed-bench-import-")
try:
    csv_path = os.path.join(work, "log.csv")
    xlsx_path = os.path.join(work, "log.xlsx")
    write_csv(csv_path)
    write_xlsx(xlsx_path)
    print(f"import-table of {ROWS:,} rows (goal: under 10 s); CSV {os.path.getsize(csv_path):,} "
          f"bytes, .xlsx {os.path.getsize(xlsx_path):,} bytes")
    for name, path in [("CSV", csv_path), (".xlsx", xlsx_path)]:
        practice = os.path.join(work, f"bench-{name.strip('.')}.heed")
        subprocess.run([HEED_CLI, "create", practice, "--name", "Bench", "--nation", "england"],
                       check=True, capture_output=True)
        dry, dry_cpu, _ = timed("import-table", practice, path, "--dry-run")
        real, real_cpu, proc = timed("import-table", practice, path)
        last = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else ""
        print(f"{name:6} --dry-run {dry:6.2f} s (CPU {dry_cpu:5.2f} s)   "
              f"import {real:6.2f} s (CPU {real_cpu:5.2f} s, {ROWS / real:,.0f} rows/s)   "
              f"{last.split(';')[0]}")
finally:
    shutil.rmtree(work, ignore_errors=True)
