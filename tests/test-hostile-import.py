#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Imports that would poison the practice file, and output that would act on whoever reads it.

Usage: test-hostile-import.py PATH-TO-HEED-CLI
Prints TAP. Each poisoned import is refused in one line that names the field and the line of
the XML, and leaves the practice file byte for byte as it was, with `check` still passing.
Text that reaches a terminal is shown escaped; CSV cells a spreadsheet would run are shown as
text. Last, a memory bound: importing a file of many small elements takes a few tens of MB,
not thirty times the file (skipped under AddressSanitizer, whose own bookkeeping is not the
importer's)."""

import base64
import csv
import hashlib
import io
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile

HEED_CLI = sys.argv[1]
ENV = {**os.environ, "LC_ALL": "C.UTF-8", "TZ": "UTC"}
results = []   # (name, ok, detail, skip reason)


def run(*args):
    return subprocess.run([HEED_CLI, *args], capture_output=True, env=ENV)


def text(data):
    return data.decode("utf-8", "replace")


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail, None))


def skip(name, reason):
    results.append((name, True, "", reason))


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def one_line_error(proc):
    lines = text(proc.stderr).splitlines()
    return proc.returncode != 0 and len(lines) == 1 and lines[0].startswith("heed-cli: ")


def b64(value):
    return base64.b64encode(value.encode("utf-8")).decode("ascii")


def line_of(document, offset):
    return document.count("\n", 0, offset) + 1


tmp = tempfile.mkdtemp(prefix="heed-hostile-")
source = os.path.join(tmp, "source.heed")
export = os.path.join(tmp, "export.xml")

try:
    proc = run("demo", source, "--cases", "12", "--years", "1", "--seed", "4")
    check("a demo practice to export", proc.returncode == 0, text(proc.stderr))
    proc = run("export", source, "--xml", "-o", export)
    check("its export", proc.returncode == 0, text(proc.stderr))
    with open(export, encoding="utf-8") as f:
        xml = f.read()

    first_case = xml.index("<case id=")
    summary_at = xml.index("<summary>", first_case)
    summary_end = xml.index("</summary>", summary_at) + len("</summary>")
    reference_at = xml.index("<reference>", first_case)
    received_at = xml.index("<received-at>", first_case)
    counter = re.search(r'<counter prefix="([^"]+)">(\d+)</counter>', xml)
    first_name = re.search(r"<first-name>[^<]*</first-name>", xml)
    name_setting = re.search(r'<setting key="name">[^<]*</setting>', xml)
    category = re.search(r'(<category [^>]*>)([^<]*)</category>', xml)
    status = re.search(r"<status>[^<]*</status>", xml[first_case:])
    handler = re.search(r"<handler>[^<]*</handler>", xml[first_case:])

    def splice(start, end, replacement):
        return xml[:start] + replacement + xml[end:]

    def replace_summary(value):
        return splice(summary_at, summary_end, f'<summary encoding="base64">{b64(value)}</summary>')

    # Each: name, the poisoned document, the line the refusal must name, words it must hold.
    poisoned = [
        ("reference counter at the integer limit",
         splice(counter.start(), counter.end(),
                f'<counter prefix="{counter.group(1)}">9223372036854775807</counter>'),
         line_of(xml, counter.start()), ["counter", counter.group(1)]),
        ("reference counter past what Heed reaches",
         splice(counter.start(), counter.end(),
                f'<counter prefix="{counter.group(1)}">10000000</counter>'),
         line_of(xml, counter.start()), ["counter"]),
        ("reference counter with a newline in its prefix",
         splice(counter.start(), counter.end(),
                '<counter prefix="C-2025-&#10;X">4</counter>'),
         line_of(xml, counter.start()), ["prefix"]),
        ("money over the limit",
         splice(summary_end, summary_end,
                "<remedy-financial>100000000001</remedy-financial>"),
         line_of(xml, summary_end), ["remedy-financial", "10,000,000"]),
        ("escape sequence in a summary",
         replace_summary("Fine\x1b[2J\x1b[1;1HC-2025-999 fake row"),
         line_of(xml, summary_at), ["summary", "control character"]),
        ("bell in a summary", replace_summary("Ding\x07"),
         line_of(xml, summary_at), ["summary", "control character"]),
        ("carriage return in a summary", replace_summary("Overwritten\rC-2025-001"),
         line_of(xml, summary_at), ["summary", "control character"]),
        ("backspace in a summary", replace_summary("abc\x08\x08\x08xyz"),
         line_of(xml, summary_at), ["summary", "control character"]),
        ("C1 control (CSI) in a summary", replace_summary("abc\u009b2J"),
         line_of(xml, summary_at), ["summary", "control character"]),
        ("NUL in a summary", replace_summary("abc\x00def"),
         line_of(xml, summary_at), ["summary", "NUL"]),
        ("escape in a name",
         splice(first_name.start(), first_name.end(),
                f'<first-name encoding="base64">{b64("Jane" + chr(27) + "]0;owned" + chr(7))}'
                "</first-name>"),
         line_of(xml, first_name.start()), ["first-name", "control character"]),
        ("newline in a name",
         splice(first_name.start(), first_name.end(), "<first-name>Jane&#10;Doe</first-name>"),
         line_of(xml, first_name.start()), ["first-name", "control character"]),
        ("escape in the practice's name",
         splice(name_setting.start(), name_setting.end(),
                f'<setting key="name" encoding="base64">{b64("Evil" + chr(27) + "[31m")}'
                "</setting>"),
         line_of(xml, name_setting.start()), ["setting “name”", "control characters"]),
        ("a retention period that would destroy records at once",
         xml.replace('<setting key="retention-years">10</setting>',
                     '<setting key="retention-years">-5</setting>', 1),
         line_of(xml, xml.index('<setting key="retention-years">')), ["retention", "1 to 100"]),
        ("escape in a category's label",
         splice(category.start(), category.end(),
                category.group(1).replace(">", ' encoding="base64">', 1)
                + b64("Access" + chr(27) + "[8m") + "</category>"),
         line_of(xml, category.start()), ["category", "control characters"]),
        ("reference with a newline",
         splice(reference_at, xml.index("</reference>", reference_at) + len("</reference>"),
                "<reference>C-2025-001&#10;C-2025-002</reference>"),
         line_of(xml, reference_at), ["reference"]),
        ("date before the calendar",
         splice(received_at, xml.index("</received-at>", received_at) + len("</received-at>"),
                "<received-at>0001-01-01T09:00:00</received-at>"),
         line_of(xml, received_at), ["received-at", "1900"]),
        ("negative id of a handler",
         splice(first_case + handler.start(), first_case + handler.end(),
                "<handler>-1</handler>"),
         line_of(xml, first_case + handler.start()), ["handler", "-1"]),
        ("over-long text", replace_summary("x" * 70000),
         line_of(xml, summary_at), ["summary", "too long"]),
        ("status not in the list",
         splice(first_case + status.start(), first_case + status.end(),
                "<status>hacked</status>"),
         line_of(xml, first_case + status.start()), ["status", "hacked"]),
    ]

    for name, document, line, words in poisoned:
        path = os.path.join(tmp, "poisoned.xml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(document)
        target = os.path.join(tmp, "target.heed")
        for leftover in [target + s for s in ("", "-wal", "-shm", ".lock")]:
            if os.path.exists(leftover):
                os.remove(leftover)
        proc = run("create", target, "--name", "Target Surgery", "--nation", "england")
        before = digest(target)
        proc = run("import", target, path)
        stderr = text(proc.stderr)
        refused = one_line_error(proc) and f"Line {line}" in stderr and all(
            w in stderr for w in words)
        print(f"# {name}: {stderr.strip()}")
        check(f"refused: {name}", refused, f"rc={proc.returncode} want line {line} {words}: "
              f"{stderr!r}")
        check(f"no control character echoed back: {name}",
              not re.search(rb"[\x00-\x08\x0b-\x1f\x7f]", proc.stderr.rstrip(b"\n")),
              repr(proc.stderr))
        check(f"practice file unchanged: {name}", digest(target) == before)
        proc = run("check", target)
        check(f"check passes afterwards: {name}", proc.returncode == 0,
              text(proc.stdout + proc.stderr))

    # What Heed itself accepts (a tab in a summary, a vertical tab and a lone carriage return in
    # what happened) goes in, and comes out escaped on the terminal.
    accepted = os.path.join(tmp, "accepted.heed")
    description = re.search(r"<description[^>]*>[^<]*</description>", xml[first_case:])
    document = xml
    if description is not None:
        start = first_case + description.start()
        document = (xml[:start] + '<description encoding="base64">'
                    + b64("First line\vsecond\rback over it\nThird") + "</description>"
                    + xml[first_case + description.end():])
    document = document.replace(
        xml[summary_at:summary_end],
        f'<summary encoding="base64">{b64("Waited" + chr(9) + "long")}</summary>', 1)
    path = os.path.join(tmp, "accepted.xml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(document)
    run("create", accepted, "--name", "Accepting Surgery", "--nation", "england")
    proc = run("import", accepted, path)
    check("a tab and line ends Heed allows are imported", proc.returncode == 0,
          text(proc.stderr))
    reference = re.search(r"<reference>([^<]*)</reference>", xml[first_case:]).group(1)
    proc = run("list", accepted)
    row = [r for r in text(proc.stdout).splitlines() if r.startswith(reference)]
    check("list shows the tab escaped", row and "Waited\\tlong" in row[0]
          and b"\t" not in proc.stdout, row)
    proc = run("show", accepted, reference)
    check("show shows the tab in a one-line field escaped",
          "Waited\\tlong" in text(proc.stdout), text(proc.stdout)[:400])
    check("show shows a vertical tab and a lone carriage return escaped",
          description is None or ("\\x0b" in text(proc.stdout) and "\\r" in text(proc.stdout)
                                  and b"\x0b" not in proc.stdout and b"\r" not in proc.stdout),
          text(proc.stdout)[:800])
    check("show indents the later lines of a long text",
          description is None or "\n    Third" in text(proc.stdout), text(proc.stdout)[:800])

    # A file whose text was changed behind Heed's back (or by an older Heed) still cannot act
    # on the terminal: list, show and deadlines escape what they print.
    legacy = os.path.join(tmp, "legacy.heed")
    shutil.copy(source, legacy)
    db = sqlite3.connect(legacy)
    reference = db.execute("SELECT reference FROM cases WHERE kind = 'complaint' "
                           "AND status NOT IN ('closed', 'withdrawn', 'out-of-scope', 'draft')"
                           " ORDER BY id LIMIT 1").fetchone()[0]
    db.execute("UPDATE cases SET summary = ? WHERE reference = ?",
               ("Hidden\x1b[8m secret\x1b[0m\nC-2099-001  fake row\x07", reference))
    db.execute("UPDATE staff SET name = ? WHERE id = (SELECT handler FROM cases "
               "WHERE reference = ?)", ("Dr \u202eevil\u202c", reference))
    db.commit()
    db.close()
    for args in (["list", legacy], ["show", legacy, reference], ["deadlines", legacy],
                 ["list", legacy, "--search", "Hidden"]):
        proc = run(*args)
        out = proc.stdout
        check(f"{args[0]} {' '.join(args[2:])} prints no control character".strip(),
              proc.returncode == 0 and not re.search(rb"[\x00-\x08\x0b-\x1f\x7f]", out)
              and "\u202e".encode() not in out, repr(out[:300]))
    proc = run("list", legacy)
    check("list shows the escape as \\x1b, on one row",
          "Hidden\\x1b[8m secret\\x1b[0m\\nC-2099-001" in text(proc.stdout)
          and not any(r.startswith("C-2099-001") for r in text(proc.stdout).splitlines()),
          text(proc.stdout)[:600])
    proc = run("show", legacy, reference)
    check("show shows a direction override as \\u202e", "\\u202e" in text(proc.stdout),
          text(proc.stdout)[:600])

    # Spreadsheet formulas: every CSV Heed writes shows them as text.
    formulas = os.path.join(tmp, "formulas.heed")
    starts = ["=HYPERLINK(\"http://example.com\",\"x\")", "+SUM(1,2)", "-2+3*cmd|' /C calc'!A0",
              "@SUM(A1:A2)", "\tTabbed"]
    document = xml
    cases = [m.start() for m in re.finditer(r"<case id=", xml)]
    references = []
    for number, start in enumerate(cases[:len(starts)]):
        at = document.index("<summary>", document.index(f'<case id="{number + 1}"'))
        end = document.index("</summary>", at) + len("</summary>")
        document = (document[:at] + f'<summary encoding="base64">{b64(starts[number])}'
                    "</summary>" + document[end:])
        case_at = document.index(f'<case id="{number + 1}"')
        references.append(re.search(r"<reference>([^<]*)</reference>",
                                    document[case_at:]).group(1))
    description = re.search(r"<description[^>]*>[^<]*</description>", document[cases[0]:])
    if description is not None:
        start = document.index("<description", document.index('<case id="1"'))
        end = document.index("</description>", start) + len("</description>")
        document = (document[:start] + '<description encoding="base64">'
                    + b64("\rCR first") + "</description>" + document[end:])
    path = os.path.join(tmp, "formulas.xml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(document)
    run("create", formulas, "--name", "Formula Surgery", "--nation", "england")
    proc = run("import", formulas, path)
    check("summaries that look like formulas are imported", proc.returncode == 0,
          text(proc.stderr))

    proc = run("list", formulas, "--format", "csv")
    table = {row[0]: row for row in csv.reader(io.StringIO(text(proc.stdout)))}
    for number, start in enumerate(starts):
        cell = table.get(references[number], [""] * 9)[8]
        check(f"list --format csv shows {start[:1]!r} as text", cell == "'" + start, cell)

    out = os.path.join(tmp, "export.csv")
    proc = run("export", formulas, "--csv", "-o", out)
    with open(out, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    by_reference = {row[0]: row for row in rows[1:]}
    for number, start in enumerate(starts):
        cell = by_reference.get(references[number], [""] * len(header))[header.index("summary")]
        check(f"export --csv shows {start[:1]!r} as text", cell == "'" + start, cell)
    if description is not None:
        cell = by_reference.get(references[0], [""] * len(header))[header.index("description")]
        check("export --csv shows a carriage return first as text", cell == "'\rCR first",
              repr(cell))
    received = by_reference.get(references[0], [""] * len(header))[header.index("received")]
    check("export --csv leaves dates as they are", re.match(r"^\d{4}-\d\d-\d\d", received),
          received)

    report = os.path.join(tmp, "report.csv")
    received = re.search(r"<received-at>(\d{4})-(\d\d)", xml)
    year = int(received.group(1)) - (1 if int(received.group(2)) < 4 else 0)
    for args in (["report", source, "--year", str(year), "--format", "csv", "-o", report],):
        proc = run(*args)
        with open(report, encoding="utf-8", newline="") as f:
            cells = [c for row in csv.reader(f) for c in row]
        check("report csv has no cell a spreadsheet would run",
              proc.returncode == 0 and cells and not any(
                  c[:1] in ("=", "+", "@", "\t", "\r")
                  or (c[:1] == "-" and not re.match(r"^-\d+(\.\d+)?%?$", c)) for c in cells),
              [c for c in cells if c[:1] in "=+-@\t\r"][:5])
    proc = run("ko41b", source, "--year", str(year), "--format", "csv")
    cells = [c for row in csv.reader(io.StringIO(text(proc.stdout))) for c in row]
    check("ko41b csv has no cell a spreadsheet would run",
          proc.returncode == 0 and cells and not any(
              c[:1] in ("=", "+", "@", "\t", "\r")
              or (c[:1] == "-" and not re.match(r"^-\d+(\.\d+)?%?$", c)) for c in cells),
          text(proc.stderr))

    # Memory: a file of many small elements (a practice's people) is read as a stream.
    with open(HEED_CLI, "rb") as f:
        sanitized = b"__asan_init" in f.read()
    if sanitized:
        skip("importing 60 MB of small elements stays under 150 MB",
             "built with AddressSanitizer, whose shadow memory and quarantine are not the "
             "importer's")
    else:
        big = os.path.join(tmp, "many.xml")
        people = 0
        with open(big, "w", encoding="utf-8") as f:
            f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                    '<heed-practice xmlns="https://heedapp.github.io/ns/exchange/1" '
                    'version="1">\n  <people>\n')
            while f.tell() < 60 * 1024 * 1024:
                people += 1
                f.write(f'    <person id="{people}"><first-name>P{people}</first-name>'
                        f"<last-name>Small</last-name></person>\n")
            f.write("  </people>\n</heed-practice>\n")
        size = os.path.getsize(big)
        target = os.path.join(tmp, "many.heed")
        run("create", target, "--name", "Many Surgery", "--nation", "england")
        # The peak of this one process (wait4's rusage), in KiB on Linux.
        child = subprocess.Popen([HEED_CLI, "import", target, big], env=ENV,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        stderr = child.stderr.read()
        _, status, usage = os.wait4(child.pid, 0)
        peak_kib = usage.ru_maxrss
        check("the file of many small elements is imported", os.waitstatus_to_exitcode(status) == 0,
              text(stderr))
        print(f"# imported {size / 1048576:.0f} MB ({people} people): peak {peak_kib // 1024} MB")

        # One case holding sixteen attachments of 4 MB is read one attachment at a time: the
        # importer that built the whole case first took well over 100 MB for it.
        at = xml.index("</case>", first_case)
        data_chunk = 3 * 256 * 1024
        big = os.path.join(tmp, "attachments.xml")
        with open(big, "w", encoding="utf-8") as f:
            f.write(xml[:at] + "<attachments>\n")
            for n in range(16):
                f.write(f'<attachment id="{n + 1}"><filename>scan-{n}.pdf</filename>'
                        "<mime>application/pdf</mime><added-at>2025-01-01T10:00:00</added-at>"
                        "<data>\n")
                left = 4 * 1024 * 1024
                while left > 0:
                    part = os.urandom(min(data_chunk, left))
                    left -= len(part)
                    f.write("<chunk>" + base64.b64encode(part).decode("ascii") + "</chunk>\n")
                f.write("</data></attachment>\n")
            f.write("</attachments>" + xml[at:])
        target = os.path.join(tmp, "attachments.heed")
        run("create", target, "--name", "Scans Surgery", "--nation", "england")
        child = subprocess.Popen([HEED_CLI, "import", target, big], env=ENV,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        stderr = child.stderr.read()
        _, status, usage = os.wait4(child.pid, 0)
        check("a case with sixteen attachments of 4 MB is imported",
              os.waitstatus_to_exitcode(status) == 0, text(stderr))
        print(f"# imported a case with 16 attachments of 4 MB: peak {usage.ru_maxrss // 1024} MB")
        check("a case with sixteen attachments of 4 MB is read one attachment at a time "
              "(under 100 MB)", usage.ru_maxrss < 100 * 1024,
              f"peak {usage.ru_maxrss // 1024} MB")
        check("importing 60 MB of small elements stays under 150 MB",
              peak_kib < 150 * 1024, f"peak {peak_kib // 1024} MB for {size // 1048576} MB")
finally:
    shutil.rmtree(tmp, ignore_errors=True)

print(f"1..{len(results)}")
for number, (name, ok, detail, reason) in enumerate(results, 1):
    if reason is not None:
        print(f"ok {number} - {name} # SKIP {reason}")
        continue
    print(f"{'ok' if ok else 'not ok'} {number} - {name}")
    if not ok:
        print(f"# {detail}")
sys.exit(0 if all(ok for _, ok, _, _ in results) else 1)
