#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""heed-cli as a script would use it: every command, its output and its errors.

Usage: test-cli.py PATH-TO-HEED-CLI
Prints TAP. Each error must be exactly one line on stderr with a non-zero exit, and a
command that fails must leave the practice file exactly as it was."""

import csv
import hashlib
import io
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

HEED_CLI = sys.argv[1]
results = []


def run(*args, expect=0):
    proc = subprocess.run([HEED_CLI, *args], capture_output=True, text=True,
                          env={**os.environ, "LC_ALL": "C.UTF-8", "TZ": "UTC"})
    return proc


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


tmp = tempfile.mkdtemp(prefix="heed-cli-test-")
practice = os.path.join(tmp, "practice.heed")
demo = os.path.join(tmp, "demo.heed")

try:
    # Help for every command of the contract.
    commands = ["create", "demo", "list", "show", "deadlines", "workdays", "letter", "timeline",
                "publicity", "report", "ko41b", "export", "import", "backup", "restore", "check"]
    top = run("--help")
    check("help lists every command", top.returncode == 0 and
          all(c in top.stdout for c in commands), top.stdout)
    for command in commands:
        proc = run(command, "--help")
        check(f"{command} --help", proc.returncode == 0 and "Usage:" in proc.stdout,
              proc.stdout + proc.stderr)

    # create
    proc = run("create", practice, "--name", "Test Surgery", "--nation", "wales")
    check("create", proc.returncode == 0 and os.path.exists(practice), proc.stderr)
    check("create makes a private file", os.stat(practice).st_mode & 0o777 == 0o600)

    # workdays
    for nation, start, add, expected in [
        ("england", "2025-12-23", "3", "2025-12-30"),
        ("england", "2026-04-02", "3", "2026-04-09"),
        ("scotland", "2025-12-31", "1", "2026-01-05"),
        ("northern-ireland", "2026-03-16", "1", "2026-03-18"),
        ("wales", "2025-06-03", "0", "2025-06-03"),
        ("england", "2025-01-02", "-1", "2024-12-31"),
    ]:
        proc = run("workdays", "--nation", nation, "--from", start, "--add", add)
        check(f"workdays {nation} {start} +{add}", proc.returncode == 0 and
              proc.stdout == expected + "\n", proc.stdout + proc.stderr)

    # demo
    proc = run("demo", demo, "--cases", "200", "--years", "2", "--seed", "3")
    check("demo", proc.returncode == 0 and "200 cases" in proc.stdout, proc.stdout + proc.stderr)
    proc = run("list", demo)
    rows = proc.stdout.splitlines()
    check("list shows every case", proc.returncode == 0 and len(rows) == 200, len(rows))

    proc = run("list", demo, "--format", "csv")
    table = list(csv.reader(io.StringIO(proc.stdout)))
    check("csv header", table and table[0][:5] == ["reference", "kind", "channel", "status",
                                                    "received"], table[:1])
    check("csv rows", len(table) == 201, len(table))
    kinds = {row[1] for row in table[1:]}
    check("demo has all four kinds", kinds == {"complaint", "concern", "comment", "compliment"},
          kinds)

    proc = run("list", demo, "--kind", "compliment", "--format", "csv")
    compliments = list(csv.reader(io.StringIO(proc.stdout)))[1:]
    check("--kind filters", compliments and all(r[1] == "compliment" for r in compliments))

    proc = run("list", demo, "--status", "closed", "--format", "csv")
    closed = list(csv.reader(io.StringIO(proc.stdout)))[1:]
    check("--status filters", closed and all(r[3] == "closed" for r in closed))

    first = table[1]
    word = first[8].split()[0]
    proc = run("list", demo, "--search", word, "--format", "csv")
    found = list(csv.reader(io.StringIO(proc.stdout)))[1:]
    check("--search finds the case it was taken from",
          any(r[0] == first[0] for r in found), (word, len(found)))

    year = int(first[4][:4]) if int(first[4][5:7]) >= 4 else int(first[4][:4]) - 1
    proc = run("list", demo, "--year", str(year), "--format", "csv")
    in_year = list(csv.reader(io.StringIO(proc.stdout)))[1:]
    check("--year is the financial year", in_year and all(
        f"{year}-04-01" <= r[4][:10] <= f"{year + 1}-03-31" for r in in_year))

    proc = run("list", demo, "--from", "2000-01-01", "--to", "2000-12-31")
    check("--from/--to with nothing in range", proc.returncode == 0 and proc.stdout == "")

    proc = run("show", demo, first[0])
    check("show", proc.returncode == 0 and first[0] in proc.stdout and "Timeline" in proc.stdout,
          proc.stdout[:300] + proc.stderr)

    proc = run("deadlines", demo, "--today", "2030-01-01")
    check("deadlines", proc.returncode == 0 and "deadlines open" in proc.stdout,
          proc.stdout[-300:] + proc.stderr)

    proc = run("check", demo)
    check("check passes on a good file", proc.returncode == 0 and "unbroken" in proc.stdout,
          proc.stdout + proc.stderr)

    # backup and restore
    backup = os.path.join(tmp, "backup.heed")
    proc = run("backup", demo, backup)
    check("backup", proc.returncode == 0 and os.path.exists(backup), proc.stderr)
    proc = run("list", backup)
    check("backup holds the cases", len(proc.stdout.splitlines()) == 200)
    restored = os.path.join(tmp, "restored.heed")
    proc = run("restore", backup, restored)
    check("restore to a new path", proc.returncode == 0 and os.path.exists(restored),
          proc.stderr)

    # export and import round trip
    xml_a = os.path.join(tmp, "a.xml")
    xml_b = os.path.join(tmp, "b.xml")
    moved = os.path.join(tmp, "moved.heed")
    proc = run("export", demo, "--xml", "-o", xml_a)
    check("export --xml", proc.returncode == 0 and os.path.getsize(xml_a) > 0, proc.stderr)
    run("create", moved, "--name", "Moved", "--nation", "england")
    proc = run("import", moved, xml_a)
    check("import", proc.returncode == 0, proc.stderr)
    run("export", moved, "--xml", "-o", xml_b)
    check("export → import → export is identical", digest(xml_a) == digest(xml_b))
    proc = run("check", moved)
    check("check passes after import", proc.returncode == 0, proc.stderr)
    csv_out = os.path.join(tmp, "cases.csv")
    proc = run("export", demo, "--csv", "-o", csv_out)
    with open(csv_out, newline="") as f:
        header = next(csv.reader(f))
    check("export --csv header", header[:5] == ["reference", "kind", "channel", "status",
                                                "received"], header[:6])

    # Letters: every built-in template for a demo complaint, as PDF.
    complaint = next(r for r in table[1:] if r[1] == "complaint")
    templates = ["acknowledgement", "consent-request", "holding", "final-response",
                 "compliment-thanks", "you-said-we-did"]
    for template in templates:
        out = os.path.join(tmp, template + ".pdf")
        proc = run("letter", demo, complaint[0], template, "-o", out, "--date", "2025-06-03")
        text = ""
        if proc.returncode == 0 and os.path.exists(out):
            text = subprocess.run(["pdftotext", out, "-"], capture_output=True,
                                  text=True).stdout
        if template == "you-said-we-did":
            ok = "You said" in text and "3 June 2025" in text
        else:
            ok = complaint[0] in text and "3 June 2025" in text
        check("letter " + template, proc.returncode == 0 and ok and "Wrote" in proc.stdout,
              proc.stdout + proc.stderr)
    check("letter is private", os.stat(os.path.join(tmp, "holding.pdf")).st_mode & 0o777 == 0o600)
    proc = run("letter", demo, complaint[0], "final-response", "-o",
               os.path.join(tmp, "final.pdf"))
    text = subprocess.run(["pdftotext", os.path.join(tmp, "final.pdf"), "-"],
                          capture_output=True, text=True).stdout
    check("final response names the Ombudsman",
          "Parliamentary and Health Service Ombudsman" in text and "0345 015 4033" in text, text)

    def pages(path):
        info = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
        return int(next(l.split()[-1] for l in info.splitlines() if l.startswith("Pages:")))

    large = os.path.join(tmp, "final-large.pdf")
    proc = run("letter", demo, complaint[0], "final-response", "-o", large, "--large-print")
    check("--large-print makes more pages", proc.returncode == 0 and
          pages(large) > pages(os.path.join(tmp, "final.pdf")), proc.stderr)
    proc = run("letter", demo, complaint[0], "holding", "-o", os.path.join(tmp, "h.pdf"),
               "--set", "delay-reason=We are waiting for the hospital’s records.",
               "--set", "new-date=18 July 2025")
    text = subprocess.run(["pdftotext", os.path.join(tmp, "h.pdf"), "-"],
                          capture_output=True, text=True).stdout
    check("--set fills in the free text", proc.returncode == 0 and
          "hospital’s records" in text and "18 July 2025" in text and
          "why the response is delayed" not in proc.stderr, proc.stderr)
    proc = run("letter", demo, complaint[0], "holding", "-o", os.path.join(tmp, "h2.pdf"))
    check("letter reports placeholders", proc.returncode == 0 and
          "why the response is delayed" in proc.stderr, proc.stderr)

    # A failed letter leaves an existing file as it was, and writes nothing new.
    kept = os.path.join(tmp, "kept.pdf")
    with open(kept, "w") as f:
        f.write("an earlier letter")
    proc = run("letter", demo, complaint[0], "farewell", "-o", kept)
    check("failed letter keeps the old file", proc.returncode != 0 and
          open(kept).read() == "an earlier letter")
    proc = run("letter", demo, complaint[0], "holding", "-o",
               os.path.join(tmp, "no-such-folder", "x.pdf"))
    check("unwritable output is one line", one_line_error(proc) and
          "Could not save the PDF" in proc.stderr and
          not os.path.exists(os.path.join(tmp, "no-such-folder")), proc.stderr)
    letter_bad = [
        (["letter", demo, complaint[0], "acknowledgement"], "needs -o"),
        (["letter", demo, complaint[0], "-o", os.path.join(tmp, "x.pdf")],
         "needs a FILE, a case reference and a TEMPLATE"),
        (["letter", demo, "C-1999-999", "acknowledgement", "-o", os.path.join(tmp, "x.pdf")],
         "no case with the reference “C-1999-999”"),
        (["letter", demo, complaint[0], "farewell", "-o", os.path.join(tmp, "x.pdf")],
         "acknowledgement, consent-request, holding, final-response, compliment-thanks, "
         "you-said-we-did"),
        (["letter", demo, complaint[0], "holding", "-o", tmp], "is a folder"),
        (["letter", demo, complaint[0], "holding", "-o", os.path.join(tmp, "x.pdf"),
          "--date", "3/6/2025"], "--date must be a date"),
        (["letter", demo, complaint[0], "holding", "-o", os.path.join(tmp, "x.pdf"),
          "--set", "no-equals"], "--set must be written NAME=TEXT"),
        (["letter", os.path.join(tmp, "nope.heed"), complaint[0], "holding", "-o",
          os.path.join(tmp, "x.pdf")], "no practice file"),
    ]
    for args, message in letter_bad:
        before = digest(demo)
        proc = run(*args)
        ok = (one_line_error(proc) and message in proc.stderr and digest(demo) == before
              and not os.path.exists(os.path.join(tmp, "x.pdf")))
        check("bad letter: " + " ".join(a.replace(tmp, "TMP") for a in args), ok,
              f"rc={proc.returncode} stderr={proc.stderr!r}")

    # Bad input: one line, non-zero, and the file untouched.
    textfile = os.path.join(tmp, "letter.txt")
    with open(textfile, "w") as f:
        f.write("Dear Sir\n")
    hostile = os.path.join(tmp, "hostile.xml")
    with open(hostile, "w") as f:
        f.write('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                '<heed-practice>&e;</heed-practice>')
    bad = [
        (["create", practice, "--name", "Again", "--nation", "england"], "already a file"),
        (["create", os.path.join(tmp, "x.heed"), "--name", "X", "--nation", "cornwall"],
         "--nation must be"),
        (["create", os.path.join(tmp, "x.heed"), "--nation", "england"], "needs --name"),
        (["create", os.path.join(tmp, "x.heed"), "--name", "  ", "--nation", "england"],
         "needs a name"),
        (["list", os.path.join(tmp, "nope.heed")], "no practice file"),
        (["list", textfile], "not a Heed practice file"),
        (["list", practice, "--kind", "moan"], "--kind must be"),
        (["list", practice, "--status", "done"], "is not a status"),
        (["list", practice, "--from", "3/6/2025"], "YYYY-MM-DD"),
        (["list", practice, "--to", "2025-02-30"], "YYYY-MM-DD"),
        (["list", practice, "--from", "2025-06-01", "--to", "2025-01-01"], "--from is after"),
        (["list", practice, "--year", "25"], "--year must be"),
        (["list", practice, "--year", "2025", "--from", "2025-01-01"], "either --year"),
        (["list", practice, "--format", "pdf"], "--format must be"),
        (["list", practice, "--colour"], "Unknown option"),
        (["list"], "exactly one FILE"),
        (["show", practice, "C-1999-001"], "no case with the reference"),
        (["show", practice], "a FILE and a case reference"),
        (["deadlines", practice, "--today", "tomorrow"], "YYYY-MM-DD"),
        (["workdays", "--nation", "mars", "--from", "2025-01-01", "--add", "1"],
         "--nation must be"),
        (["workdays", "--nation", "england", "--from", "2025-13-01", "--add", "1"],
         "YYYY-MM-DD"),
        (["workdays", "--nation", "england", "--from", "2025-01-01", "--add", "three"],
         "whole number"),
        (["workdays", "--nation", "england", "--from", "2025-01-01", "--add", "99999"],
         "between -3650 and 3650"),
        (["workdays", "--nation", "england"], "needs --nation, --from and --add"),
        (["demo", os.path.join(tmp, "d.heed"), "--cases", "-5"], "--cases must be"),
        (["demo", os.path.join(tmp, "d.heed"), "--years", "0"], "--years must be"),
        (["backup", practice, practice], "already a file"),
        (["backup", practice, backup], "already a file"),
        (["restore", backup, practice], "use --force"),
        (["restore", textfile, os.path.join(tmp, "r.heed")], "cannot be restored"),
        (["export", practice, "-o", os.path.join(tmp, "e.xml")], "one of --xml or --csv"),
        (["export", practice, "--xml"], "needs -o"),
        (["import", practice, hostile], "Nothing was imported"),
        (["import", practice, os.path.join(tmp, "missing.xml")], "Nothing was imported"),
        (["letter", practice, "C-2025-001", "acknowledgement", "-o",
          os.path.join(tmp, "x.pdf")], "no case with the reference"),
        (["frobnicate"], "unknown command"),
    ]
    check("at least 30 bad inputs", len(bad) >= 30, len(bad))
    for args, message in bad:
        before = digest(practice)
        proc = run(*args)
        ok = one_line_error(proc) and message in proc.stderr and digest(practice) == before
        check("bad input: " + " ".join(a.replace(tmp, "TMP") for a in args), ok,
              f"rc={proc.returncode} stderr={proc.stderr!r}")

    # Tampering behind Heed's back is found.
    db = sqlite3.connect(demo)
    db.execute("UPDATE cases SET summary = 'nothing happened' WHERE id = 1")
    db.commit()
    db.close()
    proc = run("check", demo)
    check("check finds a case changed outside Heed", proc.returncode != 0 and
          "changed outside Heed" in proc.stderr, proc.stdout + proc.stderr)
finally:
    shutil.rmtree(tmp, ignore_errors=True)

print(f"1..{len(results)}")
for number, (name, ok, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {number} - {name}")
    if not ok:
        print(f"# {detail}")
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
