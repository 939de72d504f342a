#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""heed-cli import-table as a practice manager would use it: last year's messy spreadsheet log
(tests/data/table: the same log as CSV in UTF-8, UTF-8 with a BOM and Windows-1252 with
semicolons or tabs, and as .xlsx and .ods made once with LibreOffice), with and without a
mapping, bad rows, and hostile files.

Usage: test-import-table.py PATH-TO-HEED-CLI DATA-DIR
Prints TAP."""

import csv
import hashlib
import io
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import zipfile

HEED_CLI = sys.argv[1]
DATA = sys.argv[2]
results = []


def run(*args):
    return subprocess.run([HEED_CLI, *args], capture_output=True, text=True,
                          env={**os.environ, "LC_ALL": "C.UTF-8", "TZ": "UTC"})


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def digest(path):
    if not os.path.exists(path):
        return "missing"
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def one_line_error(proc):
    lines = proc.stderr.splitlines()
    return proc.returncode != 0 and len(lines) == 1 and lines[0].startswith("heed-cli: ")


def data(name):
    return os.path.join(DATA, name)


def fresh(name):
    path = os.path.join(tmp, name)
    if os.path.exists(path):
        os.remove(path)
    proc = run("create", path, "--name", "Example Lane Surgery", "--nation", "england")
    assert proc.returncode == 0, proc.stderr
    return path


def listed(practice):
    proc = run("list", practice, "--format", "csv")
    return list(csv.DictReader(io.StringIO(proc.stdout)))


def report_value(practice, year, section, row, column):
    out = os.path.join(tmp, f"report-{year}.csv")
    proc = run("report", practice, "--year", str(year), "--format", "csv", "-o", out)
    if proc.returncode != 0:
        return proc.stderr
    with open(out, newline="") as f:
        for r in csv.reader(f):
            if r[:3] == [section, row, column]:
                return r[3]
    return None


def import_entries(practice):
    db = sqlite3.connect(practice)
    try:
        return {detail for (detail,) in
                db.execute("SELECT detail FROM audit WHERE action = 'import'")}
    finally:
        db.close()


tmp = tempfile.mkdtemp(prefix="heed-import-table-")
try:
    proc = run("import-table", "--help")
    check("import-table --help", proc.returncode == 0 and "--skip-bad-rows" in proc.stdout and
          "--map" in proc.stdout and "--dry-run" in proc.stdout, proc.stdout + proc.stderr)

    # The same log, six ways: every one makes the same 24 cases.
    variants = ["complaints-log.csv", "complaints-log-bom.csv",
                "complaints-log-1252-semicolon.csv", "complaints-log-1252-tab.txt",
                "complaints-log.xlsx", "complaints-log.ods"]
    dry_runs = {}
    for variant in variants:
        practice = fresh("log.heed")
        before = digest(practice)
        proc = run("import-table", practice, data(variant), "--dry-run")
        dry_runs[variant] = proc.stdout.splitlines()[1:]
        check(f"{variant}: --dry-run says what each row would become and writes nothing",
              proc.returncode == 0 and "Would import 24 cases; 0 rows have problems." in
              proc.stdout and digest(practice) == before and listed(practice) == [],
              proc.stdout + proc.stderr)
        proc = run("import-table", practice, data(variant))
        check(f"{variant}: imported", proc.returncode == 0 and
              f"Imported 24 cases from {variant}" in proc.stdout and
              "Row 31: left out (a totals row)" in proc.stdout, proc.stdout + proc.stderr)
        cases = {c["reference"]: c for c in listed(practice)}
        check(f"{variant}: 24 cases, keeping the log's references", len(cases) == 24 and
              "2024-001" in cases and "2024-024" in cases and "2024-004" not in cases,
              sorted(cases))
        new_refs = [r for r in cases if not r.startswith("2024-")]
        check(f"{variant}: a row without a reference gets a new one",
              new_refs == ["CN-2024-001"], new_refs)
        # 03/04/2024 is 3 April; 45414 (Excel's serial) is 2 May; 22/04/24; 3rd June 2024.
        check(f"{variant}: UK dates read every way",
              cases["2024-001"]["received"].startswith("2024-04-03") and
              cases["2024-005"]["received"].startswith("2024-05-02") and
              cases["CN-2024-001"]["received"].startswith("2024-04-22") and
              cases["2024-007"]["received"].startswith("2024-06-03") and
              cases["2024-024"]["received"].startswith("2025-03-10"),
              {r: c["received"] for r, c in cases.items()})
        check(f"{variant}: names from one Name column",
              cases["2024-001"]["name"] == "Mrs Jane Smith" and
              cases["2024-002"]["name"] == "Jane Smith" and
              cases["2024-006"]["name"] == "Zoë O'Brien" and
              cases["2024-011"]["name"] == "Harpreet Jones-Kaur" and
              cases["2024-003"]["name"] == "Mr Aled Price" and
              cases["CN-2024-001"]["name"] == "Siân Llewellyn",
              {r: c["name"] for r, c in cases.items()})
        check(f"{variant}: kinds, channels and statuses",
              cases["2024-008"]["kind"] == "compliment" and
              cases["2024-012"]["kind"] == "comment" and
              cases["CN-2024-001"]["kind"] == "concern" and
              cases["2024-006"]["channel"] == "email" and
              cases["2024-007"]["channel"] == "phone" and
              cases["2024-010"]["channel"] == "online-form" and
              cases["2024-006"]["status"] == "withdrawn" and
              cases["2024-011"]["status"] == "in-progress" and
              cases["2024-001"]["status"] == "closed", cases.get("2024-006"))
        proc = run("show", practice, "2024-002")
        check(f"{variant}: outcome, apology, dates and subject of a row", proc.returncode == 0 and
              "Outcome: partly-upheld" in proc.stdout and "Apology given: yes" in proc.stdout and
              "Acknowledged: 2024-04-09" in proc.stdout and "Closed: 2024-04-30" in proc.stdout
              and "Subject: prescribing" in proc.stdout, proc.stdout)
        proc = run("show", practice, "2024-006")
        check(f"{variant}: text in Windows-1252 and UTF-8 comes out the same",
              "Charged £25 for a letter" in proc.stdout and "Zoë" in proc.stdout, proc.stdout)
        proc = run("show", practice, "2024-003")
        check(f"{variant}: not upheld is not upheld", "Outcome: not-upheld" in proc.stdout and
              "Apology given" not in proc.stdout, proc.stdout)
        check(f"{variant}: the trail records the file and row of each case",
              f"{variant}, row 5" in import_entries(practice) and
              f"{variant}, row 29" in import_entries(practice) and
              len(import_entries(practice)) == 24, sorted(import_entries(practice))[:3])
        proc = run("check", practice)
        check(f"{variant}: the practice checks after the import", proc.returncode == 0,
              proc.stdout + proc.stderr)
        if variant == "complaints-log.xlsx":
            # The imported year is the annual report's previous period.
            check("the imported year is the next report's previous period",
                  report_value(practice, 2025, "received-by-kind", "complaint",
                               "previous-period") == "19" and
                  report_value(practice, 2024, "received-by-kind", "complaint",
                               "this-period") == "19",
                  report_value(practice, 2025, "received-by-kind", "complaint",
                               "previous-period"))
            exported = os.path.join(tmp, "exported.xml")
            copy = fresh("copy.heed")
            proc = run("export", practice, "--xml", "-o", exported)
            proc = run("import", copy, exported)
            check("imported cases go out and back in through Heed's own XML exchange",
                  proc.returncode == 0 and len(listed(copy)) == 24, proc.stdout + proc.stderr)
            before = digest(practice)
            proc = run("import-table", practice, data(variant))
            check("importing the same log again is refused, all of it",
                  one_line_error(proc) and "already used" in proc.stderr and
                  digest(practice) == before, proc.stdout + proc.stderr)
    check("every form of the log reads the same",
          all(dry_runs[v] == dry_runs[variants[0]] for v in variants),
          {v: len(d) for v, d in dry_runs.items()})

    # Sheets.
    practice = fresh("sheets.heed")
    proc = run("import-table", practice, data("complaints-log.ods"), "--sheet", "Log 2024-25",
               "--dry-run")
    check("--sheet by name", proc.returncode == 0 and "Would import 24 cases" in proc.stdout,
          proc.stdout + proc.stderr)
    proc = run("import-table", practice, data("complaints-log.xlsx"), "--sheet", "Totals")
    check("--sheet that is not there names the sheets there are", one_line_error(proc) and
          "“Log 2024-25”, “Notes”" in proc.stderr, proc.stderr)
    proc = run("import-table", practice, data("complaints-log.xlsx"), "--sheet", "Notes")
    check("a sheet of notes imports nothing", one_line_error(proc) and
          listed(practice) == [], proc.stdout + proc.stderr)

    # A log whose headings Heed cannot guess, with and without a mapping.
    practice = fresh("mapped.heed")
    before = digest(practice)
    proc = run("import-table", practice, data("unmapped-headings.csv"))
    check("without a mapping, headings Heed cannot guess import nothing",
          one_line_error(proc) and "Give a summary" in proc.stderr and
          digest(practice) == before, proc.stdout + proc.stderr)
    proc = run("import-table", practice, data("unmapped-headings.csv"), "--map", "When=received",
               "--map", "who=name", "--map", "What = summary")
    cases = listed(practice)
    check("--map 'Heading=field' imports them", proc.returncode == 0 and len(cases) == 3 and
          {c["name"] for c in cases} == {"Mrs Jane Smith", "Ravi Patel", "Ms Kim Ng"} and
          sorted(c["received"][:10] for c in cases) == ["2024-04-03", "2024-04-04",
                                                         "2024-04-05"],
          proc.stdout + proc.stderr + repr(cases))
    proc = run("import-table", practice, data("complaints-log.csv"), "--map", "Subject=ignore",
               "--map", "Details=summary", "--dry-run")
    check("--map overrides a guess, and ignore leaves a column out", proc.returncode == 0 and
          "“Subject” → not imported" in proc.stdout and "“Details” → summary" in proc.stdout and
          "“Summary” → not imported" in proc.stdout and
          "Rang every morning at 8am" in proc.stdout, proc.stdout + proc.stderr)
    for args, message in [
        (["--map", "Nowhere=received"], "no column headed “Nowhere”"),
        (["--map", "When=birthday"], "not a field Heed imports"),
        (["--map", "When"], "--map takes a heading and a field"),
    ]:
        before = digest(practice)
        proc = run("import-table", practice, data("unmapped-headings.csv"), *args)
        check("bad mapping: " + " ".join(args), one_line_error(proc) and message in proc.stderr
              and digest(practice) == before, proc.stderr)

    # Bad rows: all or nothing, or the good ones and a report by row.
    practice = fresh("bad.heed")
    before = digest(practice)
    proc = run("import-table", practice, data("bad-log.csv"))
    check("a log with bad rows imports nothing", one_line_error(proc) and
          "Row 2:" in proc.stderr and "8 rows have problems" in proc.stderr and
          digest(practice) == before, proc.stdout + proc.stderr)
    proc = run("import-table", practice, data("bad-log.csv"), "--dry-run")
    lines = proc.stdout.splitlines()
    check("--dry-run on bad rows lists each by row and fails", proc.returncode != 0 and
          digest(practice) == before and
          "Row 8: B-7 · complaint · letter · 2024-03-11 · Mr Lee Fox · closed (partly-upheld) · "
          "Prescription lost" in lines, proc.stdout)
    proc = run("import-table", practice, data("bad-log.csv"), "--skip-bad-rows")
    expected = {
        2: "is not a date: February 2024 has only 29 days",
        3: "“maybe” under “Outcome” is not an outcome",
        4: "cannot be in the future",
        5: "B-1 is on an earlier row too",
        6: "Say who is complaining",
        7: "“perhaps” under “Apology” is neither Y nor N",
        9: "Give a summary",
        10: "phone number",
    }
    for row, reason in expected.items():
        check(f"--skip-bad-rows reports row {row} and why",
              any(line.startswith(f"Row {row}: not imported: ") and reason in line
                  for line in proc.stdout.splitlines()), proc.stdout)
    cases = listed(practice)
    check("--skip-bad-rows imports the good rows", proc.returncode == 0 and
          sorted(c["reference"] for c in cases) == ["B-10", "B-7"] and
          "Imported 2 cases from bad-log.csv" in proc.stdout, proc.stdout + proc.stderr)

    # What Excel does to a CSV: "sep=;" on the first line, and a phone number read as a number.
    path = os.path.join(tmp, "excel-sep.csv")
    with open(path, "w", encoding="cp1252", newline="") as f:
        f.write("sep=;\r\nDate received;Name;Telephone;Summary\r\n"
                "03/04/2024;Mrs Ann Lee;1632960441;Lost référral\r\n")
    practice = fresh("excel.heed")
    proc = run("import-table", practice, path)
    show = run("show", practice, "C-2024-001")
    check("Excel's sep= line and a phone number that lost its 0", proc.returncode == 0 and
          "01632 960441" in show.stdout and "Lost référral" in show.stdout and
          "Received: 2024-04-03" in show.stdout, proc.stdout + proc.stderr + show.stdout)

    # An old complaint past the time limit is expected, and marked as imported.
    practice = fresh("late.heed")
    proc = run("import-table", practice, data("late-complaint.csv"))
    show = run("show", practice, "C-2024-001")
    check("an old complaint made late is imported and marked so", proc.returncode == 0 and
          "When it happened: 2022-01-10" in show.stdout and
          "Imported from late-complaint.csv, row 2" in show.stdout, proc.stderr + show.stdout)

    # Hostile and wrong files are refused cleanly, the practice untouched.
    practice = fresh("hostile.heed")
    hostile = {}

    def xlsx(name, sheet_xml, extra=None, compress=zipfile.ZIP_DEFLATED):
        path = os.path.join(tmp, name)
        with zipfile.ZipFile(path, "w", compress) as z:
            z.writestr("[Content_Types].xml", "<Types/>")
            z.writestr("xl/workbook.xml",
                       '<workbook xmlns:r="r"><sheets><sheet name="Log" sheetId="1" '
                       'r:id="rId1"/></sheets></workbook>')
            z.writestr("xl/_rels/workbook.xml.rels",
                       '<Relationships><Relationship Id="rId1" '
                       'Target="worksheets/sheet1.xml"/></Relationships>')
            z.writestr("xl/worksheets/sheet1.xml", sheet_xml)
            for member, content in (extra or {}).items():
                z.writestr(member, content)
        return path

    hostile["a zip bomb"] = (xlsx("bomb.xlsx", "<worksheet><sheetData>" + " " * (40 << 20) +
                                  "</sheetData></worksheet>"), "unpacks to far more")
    laughs = ('<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">'
              '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
              '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
              '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&c;</t></is>'
              '</c></row></sheetData></worksheet>')
    hostile["entities in a sheet"] = (xlsx("laughs.xlsx", laughs), "document type declaration")
    hostile["a sheet that is not XML"] = (xlsx("broken.xlsx", "<worksheet><sheetData><row>"),
                                          "not well-formed")
    path = os.path.join(tmp, "many-rows.ods")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml",
                   '<d xmlns:table="t" xmlns:office="o" xmlns:text="x"><office:body>'
                   '<office:spreadsheet><table:table table:name="Log">'
                   '<table:table-row table:number-rows-repeated="5000000"><table:table-cell '
                   'office:value-type="string"><text:p>x</text:p></table:table-cell>'
                   '</table:table-row></table:table></office:spreadsheet></office:body></d>')
    hostile["five million repeated rows"] = (path, "too many rows")
    path = os.path.join(tmp, "old.xls")
    with open(path, "wb") as f:
        f.write(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096))
    hostile["an old .xls"] = (path, "old Excel file")
    path = os.path.join(tmp, "picture.png")
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    hostile["a picture"] = (path, "not a spreadsheet Heed can read")
    path = os.path.join(tmp, "not-a-zip.xlsx")
    with open(path, "wb") as f:
        f.write(b"PK\x03\x04" + b"\xff" * 100)
    hostile["a damaged zip"] = (path, "damaged")
    path = os.path.join(tmp, "other.zip")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "hello")
    hostile["a zip of something else"] = (path, "neither an Excel")
    path = os.path.join(tmp, "empty.csv")
    open(path, "w").close()
    hostile["an empty file"] = (path, "empty")
    hostile["a folder"] = (tmp, "is a folder")
    hostile["a missing file"] = (os.path.join(tmp, "missing.csv"), "Could not read")
    for name, (path, message) in hostile.items():
        before = digest(practice)
        proc = run("import-table", practice, path)
        check(f"refused cleanly: {name}", one_line_error(proc) and message in proc.stderr and
              digest(practice) == before, f"rc={proc.returncode} {proc.stderr!r}")
    path = os.path.join(tmp, "trailing.ods")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("content.xml",
                   '<d xmlns:table="t" xmlns:office="o" xmlns:text="x"><office:body>'
                   '<office:spreadsheet><table:table table:name="Log"><table:table-row>'
                   + "".join(f'<table:table-cell office:value-type="string"><text:p>{h}'
                             '</text:p></table:table-cell>'
                             for h in ("Date received", "Name", "Summary")) +
                   '<table:table-cell table:number-columns-repeated="16000"/>'
                   '</table:table-row><table:table-row>' +
                   '<table:table-cell office:value-type="date" office:date-value="2024-05-01">'
                   '<text:p>01/05/2024</text:p></table:table-cell>'
                   '<table:table-cell office:value-type="string"><text:p>Mr Ian Cole</text:p>'
                   '</table:table-cell><table:table-cell office:value-type="string"><text:p>'
                   'Lost letter</text:p></table:table-cell></table:table-row>'
                   '<table:table-row table:number-rows-repeated="1048570"><table:table-cell '
                   'table:number-columns-repeated="1024"/></table:table-row>'
                   '</table:table></office:spreadsheet></office:body></d>')
    proc = run("import-table", practice, path)
    check("an .ods with a million empty rows and columns after the log, as LibreOffice writes",
          proc.returncode == 0 and "Imported 1 case" in proc.stdout, proc.stdout + proc.stderr)
    proc = run("import-table", practice)
    check("import-table without a file", proc.returncode != 0 and "needs a FILE" in proc.stderr,
          proc.stderr)
finally:
    shutil.rmtree(tmp, ignore_errors=True)

print(f"1..{len(results)}")
for number, (name, ok, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {number} - {name}")
    if not ok:
        print(f"# {str(detail)[:2000]}")
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
