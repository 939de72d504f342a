#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""heed-cli as a script would use it: every command, its output and its errors.

Usage: test-cli.py PATH-TO-HEED-CLI [postgres]
Prints TAP. Each error must be exactly one line on stderr with a non-zero exit, and a
command that fails must leave the practice exactly as it was.

On a practice file by default; with "postgres" (or HEED_TEST_ENGINE=postgres) each practice
the test makes is a fresh database of the run's cluster (HEED_TEST_PG_HOST, its socket folder,
and HEED_TEST_PG_USER), dropped at the end, and without a cluster the test is skipped. What
heed-cli writes out (backups, PDFs, CSVs, XML) is a file on both engines."""

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
import urllib.parse

HEED_CLI = sys.argv[1]
ON_SERVER = (len(sys.argv) > 2 and sys.argv[2] == "postgres") or \
    os.environ.get("HEED_TEST_ENGINE") == "postgres"
PG_HOST = os.environ.get("HEED_TEST_PG_HOST", "")
PG_USER = os.environ.get("HEED_TEST_PG_USER", "heed")
PG_BIN = os.environ.get("HEED_PG_BIN", "/usr/lib/postgresql/15/bin")
ENV = {**os.environ, "LC_ALL": "C.UTF-8", "TZ": "UTC"}
# The test's own PostgreSQL programs talk to the cluster; Heed is given locations only.
ENV.pop("PGHOST", None)
ENV.pop("PGDATABASE", None)
results = []
databases = []

if ON_SERVER and not PG_HOST:
    print("1..0 # SKIP no PostgreSQL cluster for this run (HEED_TEST_PG_HOST is not set)")
    sys.exit(0)


def run(*args, expect=0):
    proc = subprocess.run([HEED_CLI, *args], capture_output=True, text=True, env=ENV)
    return proc


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def digest(path):
    if not os.path.exists(path):
        return "missing"
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def pg(program, *args):
    proc = subprocess.run([os.path.join(PG_BIN, program), "-h", PG_HOST, "-U", PG_USER, *args],
                          capture_output=True, text=True, env=ENV)
    if proc.returncode != 0:
        raise RuntimeError(f"{program}: {proc.stderr}")
    return proc.stdout


def server_location(database):
    host = urllib.parse.quote(PG_HOST, safe="/")
    user = urllib.parse.quote(PG_USER, safe="")
    return f"postgresql:///{database}?host={host}&user={user}"


def database_of(where):
    return urllib.parse.urlsplit(where).path.lstrip("/")


def new_practice(name):
    """Where a new practice called NAME may be made: a path in the test's folder, or a fresh,
    empty database on the server."""
    if not ON_SERVER:
        return os.path.join(tmp, name)
    database = f"heed_cli_{os.getpid()}_{len(databases)}"
    pg("createdb", database)
    databases.append(database)
    return server_location(database)


def missing_practice(name):
    """A practice location with nothing there: no file, or no such database."""
    if not ON_SERVER:
        return os.path.join(tmp, name)
    return server_location(f"heed_cli_{os.getpid()}_no_" + re.sub(r"\W", "_", name))


def shown_name(where):
    """How a message names a practice: a file's name, or a server's database."""
    return database_of(where) if ON_SERVER else os.path.basename(where)


def holds_practice(where):
    if not ON_SERVER:
        return os.path.exists(where)
    return sql(where, "SELECT count(*) FROM settings WHERE key = 'name'") == [("1",)]


def state(where):
    """What a practice holds, to see that a command changed nothing: a file's bytes, or every
    row of a server's database (the sequences left out: a refused insert may use a number)."""
    if not ON_SERVER:
        return digest(where)
    dump = pg("pg_dump", "--data-only", "--no-owner", database_of(where))
    kept = [line for line in dump.splitlines()
            if not line.startswith(("--", "\\restrict", "\\unrestrict",
                                    "SELECT pg_catalog.setval"))]
    return hashlib.sha256("\n".join(kept).encode()).hexdigest()


def literal(value):
    if isinstance(value, int):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


def sql(where, query, params=()):
    """Rows of QUERY, straight from the practice behind Heed's back, each value as text. The
    query is written once for both engines, with ? for each of PARAMS."""
    if not ON_SERVER:
        db = sqlite3.connect(where)
        try:
            rows = db.execute(query, params).fetchall()
            db.commit()
        finally:
            db.close()
        return [tuple(None if v is None else str(v) for v in row) for row in rows]
    parts = query.split("?")
    assert len(parts) == len(params) + 1, query
    text = parts[0] + "".join(literal(v) + part for v, part in zip(params, parts[1:]))
    out = pg("psql", "-X", "-q", "-A", "-t", "-F", "\x1f", "-R", "\x1e", "-v", "ON_ERROR_STOP=1",
             "-d", database_of(where), "-c", text)
    return [tuple(record.split("\x1f")) for record in out.rstrip("\n").split("\x1e") if record]


def one_line_error(proc):
    lines = proc.stderr.splitlines()
    return proc.returncode != 0 and len(lines) == 1 and lines[0].startswith("heed-cli: ")


tmp = tempfile.mkdtemp(prefix="heed-cli-test-")

try:
    practice = new_practice("practice.heed")
    demo = new_practice("demo.heed")
    # What heed-cli says of a location with no practice and of one that holds one already.
    NO_PRACTICE = "There is no practice database" if ON_SERVER else "no practice file"
    EXISTS = "already holds a practice" if ON_SERVER else "already a file"
    # Help for every command of the contract.
    commands = ["create", "demo", "list", "show", "deadlines", "workdays", "letter", "timeline",
                "publicity", "report", "ko41b", "export", "import", "backup", "restore", "check",
                "add", "import-table"]
    top = run("--help")
    check("help lists every command", top.returncode == 0 and
          all(c in top.stdout for c in commands), top.stdout)
    for command in commands:
        proc = run(command, "--help")
        check(f"{command} --help", proc.returncode == 0 and "Usage:" in proc.stdout,
              proc.stdout + proc.stderr)

    # create
    proc = run("create", practice, "--name", "Test Surgery", "--nation", "wales")
    check("create", proc.returncode == 0 and holds_practice(practice), proc.stderr)
    if not ON_SERVER:
        check("create makes a private file", os.stat(practice).st_mode & 0o777 == 0o600)
    # A GP practice unless --type says dental; a dental practice's KO41(b) is the dental
    # collection's.
    dental = new_practice("dental.heed")
    proc = run("create", dental, "--name", "Smiles", "--nation", "england", "--type", "dental")
    kinds = [sql(where, "SELECT value FROM settings WHERE key = 'practice-type'")[0]
             for where in (dental, practice)]
    check("create --type dental", proc.returncode == 0 and kinds == [("dental",), ("gp",)],
          proc.stderr + repr(kinds))
    proc = run("ko41b", dental, "--year", "2025")
    check("ko41b of a dental practice is the dental collection",
          proc.returncode == 0 and "NHS Business Services Authority" not in proc.stderr
          and "Dental nurse" in proc.stdout and "Nursing" not in proc.stdout,
          proc.stdout + proc.stderr)

    # add: one piece of feedback from a script, checked as the window's form checks it
    # (in a practice of its own: the bad inputs below expect an empty one).
    intake_file = new_practice("added.heed")
    run("create", intake_file, "--name", "Added Surgery", "--nation", "england")
    proc = run("add", intake_file, "--kind", "complaint", "--channel", "phone",
               "--received", "2025-05-01T10:30", "--summary", "Rude at the front desk",
               "--title", "Mrs", "--first-name", "Ada", "--surname", "Quennell",
               "--phone", "01632960123", "--email", "ada@Example.ORG",
               "--what-happened", "Spoken to rudely when asking for an appointment.",
               "--wants", "An apology")
    added = proc.stdout.strip()
    check("add prints the new reference alone on a line", proc.returncode == 0 and
          proc.stdout == "C-2025-001\n", proc.stdout + proc.stderr)
    proc = run("show", intake_file, added)
    check("add: the case holds what was given, tidied", proc.returncode == 0 and
          "Rude at the front desk" in proc.stdout and "Quennell" in proc.stdout and
          "01632 960123" in proc.stdout and "ada@example.org" in proc.stdout and
          "2025-05-01T10:30" in proc.stdout and "Status: logged" in proc.stdout and
          "An apology" in proc.stdout, proc.stdout + proc.stderr)
    proc = run("add", intake_file, "--kind", "complaint", "--channel", "letter",
               "--summary", "A private crown came loose", "--surname", "Lee", "--care",
               "private")
    private_ref = proc.stdout.strip()
    shown = run("show", intake_file, private_ref)
    check("add --care private", proc.returncode == 0 and
          "NHS or private care: private" in shown.stdout,
          proc.stderr + shown.stdout)
    proc = run("add", intake_file, "--kind", "compliment", "--channel", "in-person",
               "--summary", "Thank you to the nurses")
    check("add: a compliment needs no name", proc.returncode == 0 and
          proc.stdout.startswith("CP-") and len(proc.stdout.splitlines()) == 1,
          proc.stdout + proc.stderr)
    add_bad = [
        (["--kind", "complaint", "--channel", "phone", "--summary", "No one named"],
         "--surname: Say who is complaining"),
        (["--kind", "grumble", "--channel", "phone", "--summary", "x", "--surname", "Lee"],
         "--kind:"),
        (["--kind", "comment", "--channel", "fax", "--summary", "x"], "--channel:"),
        (["--kind", "comment", "--channel", "email", "--summary", "  "], "--summary:"),
        (["--kind", "comment", "--channel", "email", "--summary", "x", "--phone", "12345"],
         "--phone:"),
        (["--kind", "comment", "--channel", "email", "--summary", "x", "--email", "ann@"],
         "--email:"),
        (["--kind", "comment", "--channel", "email", "--summary", "x",
          "--received", "2099-01-01T10:00"], "--received: The received date cannot be in the future"),
        (["--kind", "comment", "--channel", "email", "--summary", "x",
          "--received", "2025-02-30T10:00"], "--received:"),
        (["--kind", "comment", "--channel", "email", "--summary", "x",
          "--received", "2025-02-03T24:10"], "--received:"),
        (["--kind", "comment", "--channel", "email"], "--summary"),
        (["--channel", "email", "--summary", "x"], "--kind"),
        (["--kind", "comment", "--channel", "email", "--summary", "x", "--care", "insured"],
         "--care must be nhs or private"),
    ]
    for args, message in add_bad:
        before = state(intake_file)
        proc = run("add", intake_file, *args)
        check("bad add input: " + " ".join(args), one_line_error(proc) and
              message in proc.stderr and state(intake_file) == before,
              f"rc={proc.returncode} stderr={proc.stderr!r}")
    proc = run("add", missing_practice("missing.heed"), "--kind", "comment", "--channel",
               "email", "--summary", "x")
    check("add to a missing intake_file file", one_line_error(proc), proc.stderr)
    proc = run("check", intake_file)
    check("the trail checks after add", proc.returncode == 0, proc.stdout + proc.stderr)

    # add --from-email: a case from an email as mail programs write them, the message kept.
    mail_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "email")
    for name, summary, person in [
        ("thunderbird-attachment.eml", "Complaint about my repeat prescription", "Siân"),
        ("outlook-windows-1252.eml", "Complaint – I waited 50 minutes and wasn’t seen",
         "Dubois"),
        ("gmail-web.eml", "Online booking – no appointments ever shown", "Mensah"),
        ("apple-mail-html-only.eml", "Home visit refused", "olwen.bowen@example.com"),
    ]:
        path = os.path.join(mail_dir, name)
        proc = run("add", intake_file, "--from-email", path)
        reference = proc.stdout.strip()
        shown = run("show", intake_file, reference)
        check(f"add --from-email {name}", proc.returncode == 0 and
              len(proc.stdout.splitlines()) == 1 and reference.startswith("C-2025-") and
              "How it came in: email" in shown.stdout and f"Summary: {summary}" in
              shown.stdout and person in shown.stdout, proc.stdout + proc.stderr + shown.stdout)
        with open(path, "rb") as f:
            original = f.read()
        # The attachment's bytes as hexadecimal, in each engine's words.
        hex_data = "encode(a.data, 'hex')" if ON_SERVER else "lower(hex(a.data))"
        kept = sql(intake_file, f"SELECT {hex_data} FROM attachments a JOIN cases c ON "
                   "c.id = a.\"case\" WHERE c.reference = ? AND a.filename = ?",
                   (reference, name))
        trail = int(sql(intake_file, "SELECT count(*) FROM audit WHERE action = 'email' AND "
                        "detail LIKE ?",
                        (f"sha256:{hashlib.sha256(original).hexdigest()}%",))[0][0])
        check(f"add --from-email {name}: the message is kept unaltered, its SHA-256 in the trail",
              kept == [(original.hex(),)] and trail >= 1, (len(kept), trail))
    proc = run("add", intake_file, "--from-email", os.path.join(mail_dir, "gmail-web.eml"),
               "--kind", "concern", "--summary", "Online booking", "--received",
               "2025-10-23T09:00", "--phone", "01632 960555")
    shown = run("show", intake_file, proc.stdout.strip())
    check("add --from-email: the other options override the message", proc.returncode == 0 and
          proc.stdout.startswith("CN-2025-") and "Summary: Online booking\n" in shown.stdout and
          "2025-10-23T09:00" in shown.stdout and "01632 960555" in shown.stdout and
          "kwame.mensah@example.com" in shown.stdout, proc.stdout + proc.stderr + shown.stdout)
    not_mail = os.path.join(tmp, "not-mail.eml")
    with open(not_mail, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + bytes(64))
    deep = os.path.join(tmp, "deep.eml")
    with open(deep, "w") as f:
        f.write("From: a@example.com\r\nSubject: deep\r\n" + "".join(
            f"Content-Type: multipart/mixed; boundary=b{i}\r\n\r\n--b{i}\r\n"
            for i in range(400)))
    for args, message in [
        (["--from-email", not_mail], "not an email"),
        (["--from-email", deep], "nested"),
        (["--from-email", os.path.join(tmp, "missing.eml")], "Could not read"),
        (["--from-email", os.path.join(mail_dir, "gmail-web.eml"), "--channel", "fax"],
         "--channel:"),
    ]:
        before = state(intake_file)
        proc = run("add", intake_file, *args)
        check("bad add --from-email: " + " ".join(a.replace(tmp, "TMP") for a in args),
              one_line_error(proc) and message in proc.stderr and state(intake_file) == before,
              f"rc={proc.returncode} stderr={proc.stderr!r}")
    proc = run("check", intake_file)
    check("the trail checks after add --from-email", proc.returncode == 0,
          proc.stdout + proc.stderr)

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

    # timeline: a case's (every event of it in the PDF) and the practice's
    ref, case_id = sql(demo, "SELECT reference, id FROM cases WHERE kind = 'complaint' AND "
                       "(SELECT count(*) FROM events WHERE \"case\" = cases.id) >= 4 "
                       "ORDER BY id LIMIT 1")[0]
    summaries = [r[0] for r in sql(demo, "SELECT summary FROM events WHERE \"case\" = ? "
                                   "ORDER BY occurred_at", (int(case_id),))]
    open_refs = [r[0] for r in sql(demo, "SELECT reference FROM cases WHERE status NOT IN "
                                   "('closed', 'withdrawn', 'out-of-scope') ORDER BY received_at")]

    def pdf_words(path):
        out = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True).stdout
        return " ".join(out.split())

    case_pdf = os.path.join(tmp, "case-timeline.pdf")
    proc = run("timeline", demo, ref, "-o", case_pdf)
    words = pdf_words(case_pdf) if os.path.exists(case_pdf) else ""
    check("timeline of a case to PDF", proc.returncode == 0 and f"Timeline: Complaint {ref}"
          in words, proc.stderr + words[:200])
    missing = [t for t in summaries if " ".join(t.split()) not in words]
    check("the case's PDF has every event", summaries and not missing, missing)
    check("timeline leaves no temporary file", sorted(
        f for f in os.listdir(tmp) if f.startswith("case-timeline")) == ["case-timeline.pdf"],
        os.listdir(tmp))

    practice_pdf = os.path.join(tmp, "practice-timeline.pdf")
    proc = run("timeline", demo, "-o", practice_pdf, "--from", "2020-01-01", "--to",
               "2030-12-31")
    words = pdf_words(practice_pdf) if os.path.exists(practice_pdf) else ""
    check("practice timeline to PDF", proc.returncode == 0 and "Practice timeline" in words
          and "1 January 2020 to 31 December 2030" in words, proc.stderr + words[:300])
    check("practice timeline has every open case", open_refs and
          all(r in words for r in open_refs), [r for r in open_refs if r not in words])

    closed_pdf = os.path.join(tmp, "closed-timeline.pdf")
    proc = run("timeline", demo, "-o", closed_pdf, "--closed", "--from", "2020-01-01", "--to",
               "2030-12-31")
    closed_words = pdf_words(closed_pdf) if os.path.exists(closed_pdf) else ""
    check("--closed adds the cases closed in the period", proc.returncode == 0 and
          closed_words.count("-20") > words.count("-20"), proc.stderr)

    for name, extra in [("light", []), ("dark", ["--dark"])]:
        png = os.path.join(tmp, f"timeline-{name}.png")
        proc = run("timeline", demo, "-o", png, *extra)
        with open(png, "rb") if os.path.exists(png) else io.BytesIO() as f:
            magic = f.read(8)
        check(f"practice timeline to PNG ({name})", proc.returncode == 0 and
              magic == b"\x89PNG\r\n\x1a\n", proc.stderr)
    png = os.path.join(tmp, "case-timeline.png")
    proc = run("timeline", demo, ref, "-o", png, "--today", "2030-01-01")
    check("case timeline to PNG", proc.returncode == 0 and os.path.getsize(png) > 1000,
          proc.stderr)

    # A failed timeline leaves an earlier file of that name as it was.
    kept = os.path.join(tmp, "kept.pdf")
    with open(kept, "w") as f:
        f.write("earlier")
    proc = run("timeline", demo, "C-1999-001", "-o", kept)
    with open(kept) as f:
        check("a failed timeline keeps the earlier file", one_line_error(proc) and
              f.read() == "earlier", proc.stderr)

    proc = run("check", demo)
    check("check passes on a good file", proc.returncode == 0 and "unbroken" in proc.stdout,
          proc.stdout + proc.stderr)

    # backup and restore
    backup = os.path.join(tmp, "backup.heed")
    proc = run("backup", demo, backup)
    check("backup", proc.returncode == 0 and os.path.exists(backup), proc.stderr)
    proc = run("list", backup)
    check("backup holds the cases", len(proc.stdout.splitlines()) == 200)
    restored = new_practice("restored.heed")
    proc = run("restore", backup, restored)
    check("restore to a new practice", proc.returncode == 0 and holds_practice(restored) and
          len(run("list", restored).stdout.splitlines()) == 200, proc.stderr)

    # export and import round trip
    xml_a = os.path.join(tmp, "a.xml")
    xml_b = os.path.join(tmp, "b.xml")
    moved = new_practice("moved.heed")
    proc = run("export", demo, "--xml", "-o", xml_a)
    check("export --xml", proc.returncode == 0 and os.path.getsize(xml_a) > 0, proc.stderr)
    run("create", moved, "--name", "Moved", "--nation", "england")
    proc = run("import", moved, xml_a)
    check("import", proc.returncode == 0, proc.stderr)
    run("export", moved, "--xml", "-o", xml_b)
    check("export → import → export is identical", digest(xml_a) == digest(xml_b))
    proc = run("check", moved)
    check("check passes after import", proc.returncode == 0, proc.stderr)
    # A dental practice's categories keep their collection through export and import, and so
    # does each case's NHS or private care.
    dental_demo = new_practice("dental-demo.heed")
    dental_moved = new_practice("dental-moved.heed")
    xml_d = os.path.join(tmp, "dental.xml")
    run("demo", dental_demo, "--type", "dental", "--cases", "80", "--seed", "3")
    proc = run("export", dental_demo, "--xml", "-o", xml_d)
    run("create", dental_moved, "--name", "Moved", "--nation", "england", "--type", "dental")
    proc = run("import", dental_moved, xml_d)
    ko41b_moved = run("ko41b", dental_moved, "--year", "2025")
    private = int(sql(dental_moved, "SELECT count(*) FROM cases WHERE care = 'private'")[0][0])
    check("a dental practice's lists and private care survive export and import",
          proc.returncode == 0 and "Dental nurse" in ko41b_moved.stdout
          and "Nursing" not in ko41b_moved.stdout and private > 0,
          proc.stderr + ko41b_moved.stdout[:400] + ko41b_moved.stderr)
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
        (["letter", missing_practice("nope.heed"), complaint[0], "holding", "-o",
          os.path.join(tmp, "x.pdf")], NO_PRACTICE),
    ]
    for args, message in letter_bad:
        before = state(demo)
        proc = run(*args)
        ok = (one_line_error(proc) and message in proc.stderr and state(demo) == before
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
    # Where nothing is made: a new name, or an empty database; what is not a practice: a text
    # file, or a database with no practice in it.
    unmade = new_practice("x.heed")
    if ON_SERVER:
        not_practice, not_practice_says = new_practice("empty"), "holds no Heed practice yet"
    else:
        not_practice, not_practice_says = textfile, "not a Heed practice file"
    bad = [
        (["create", practice, "--name", "Again", "--nation", "england"], EXISTS),
        (["create", unmade, "--name", "X", "--nation", "cornwall"], "--nation must be"),
        (["create", unmade, "--nation", "england"], "needs --name"),
        (["create", unmade, "--name", "X", "--nation", "england", "--type", "vet"],
         "--type must be gp or dental"),
        (["demo", unmade, "--type", "pharmacy"], "--type must be gp or dental"),
        (["create", unmade, "--name", "  ", "--nation", "england"], "needs a name"),
        (["list", missing_practice("nope.heed")], NO_PRACTICE),
        (["list", not_practice], not_practice_says),
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
        (["demo", unmade, "--cases", "-5"], "--cases must be"),
        (["demo", unmade, "--years", "0"], "--years must be"),
        # A backup is a file on both engines: never over the practice, nor another file.
        (["backup", practice, practice],
         "A backup is written to a file" if ON_SERVER else "already a file"),
        (["backup", practice, backup], "already a file"),
        # Onto a server, a backup restores into an empty database only, --force or not.
        (["restore", backup, practice], EXISTS if ON_SERVER else "use --force"),
        (["restore", textfile, unmade], "cannot be restored"),
        (["export", practice, "-o", os.path.join(tmp, "e.xml")], "one of --xml or --csv"),
        (["export", practice, "--xml"], "needs -o"),
        (["import", practice, hostile], "Nothing was imported"),
        (["import", practice, os.path.join(tmp, "missing.xml")], "Nothing was imported"),
        (["letter", practice, "C-2025-001", "acknowledgement", "-o",
          os.path.join(tmp, "x.pdf")], "no case with the reference"),
        (["timeline", practice], "needs -o"),
        (["timeline", practice, "-o", os.path.join(tmp, "t.svg")], "must name a .pdf or .png"),
        (["timeline", practice, "C-1999-001", "-o", os.path.join(tmp, "t.pdf")],
         "no case with the reference"),
        (["timeline", practice, "-o", os.path.join(tmp, "t.pdf"), "--from", "2025-01-01"],
         "--from and --to go together"),
        (["timeline", practice, "-o", os.path.join(tmp, "t.pdf"), "--from", "2025-06-01",
          "--to", "2025-01-01"], "--from is after --to"),
        (["timeline", practice, "-o", os.path.join(tmp, "t.pdf"), "--from", "1/6/2025",
          "--to", "2025-07-01"], "YYYY-MM-DD"),
        (["timeline", practice, "-o", os.path.join(tmp, "t.pdf"), "--dark"], "--dark is for"),
        (["timeline", practice, "C-2025-001", "-o", os.path.join(tmp, "t.pdf"), "--closed",
          "--from", "2025-01-01", "--to", "2025-02-01"], "--closed is for the practice"),
        (["timeline", practice, "-o", os.path.join(tmp, "t.pdf"), "--closed"],
         "--closed needs the period"),
        (["timeline", practice, "C-2025-001", "extra", "-o", os.path.join(tmp, "t.pdf")],
         "timeline needs a FILE"),
        (["timeline", missing_practice("missing.heed"), "-o", os.path.join(tmp, "t.pdf")],
         shown_name(missing_practice("missing.heed"))),
        (["timeline", practice, "-o", os.path.join(tmp, "no-such-folder", "t.pdf")],
         "Could not write"),
        (["frobnicate"], "unknown command"),
    ]
    check("at least 30 bad inputs", len(bad) >= 30, len(bad))
    for args, message in bad:
        before = state(practice), state(unmade)
        proc = run(*args)
        ok = one_line_error(proc) and message in proc.stderr and (state(practice),
                                                                   state(unmade)) == before
        check("bad input: " + " ".join(a.replace(tmp, "TMP") for a in args), ok,
              f"rc={proc.returncode} stderr={proc.stderr!r}")

    # report and ko41b: the figures agree with the file, read here straight from SQLite.
    def report_csv(path):
        with open(path, newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        return rows[0], {(r[0], r[1], r[2]): r[3] for r in rows[1:]}

    def shown(count):
        return "fewer than 5" if 1 <= count <= 4 else str(count)

    years = [int(r[0]) for r in sql(demo, "SELECT DISTINCT CAST(substr(received_at, 1, 4) AS "
                                     "INTEGER) FROM cases ORDER BY 1")]
    fy = years[0]
    fy_complaints = int(sql(
        demo, "SELECT count(*) FROM cases WHERE kind = 'complaint' AND status != 'draft' AND "
        "NOT oral_resolved AND received_at >= ? AND received_at < ?",
        (f"{fy}-04-01", f"{fy + 1}-04-01"))[0][0])
    fy_written = int(sql(
        demo, "SELECT count(*) FROM cases WHERE kind = 'complaint' AND status NOT IN ('draft', "
        "'out-of-scope') AND NOT oral_resolved AND received_at >= ? AND received_at < ?",
        (f"{fy}-04-01", f"{fy + 1}-04-01"))[0][0])
    fy_compliments = int(sql(
        demo, "SELECT count(*) FROM cases WHERE kind = 'compliment' AND status != 'draft' AND "
        "received_at >= ? AND received_at < ?", (f"{fy}-04-01", f"{fy + 1}-04-01"))[0][0])

    out_csv = os.path.join(tmp, "report.csv")
    proc = run("report", demo, "--year", str(fy), "--format", "csv", "-o", out_csv)
    check("report --format csv", proc.returncode == 0 and os.path.exists(out_csv), proc.stderr)
    header, figures = report_csv(out_csv)
    check("report csv header", header == ["section", "row", "column", "value", "label"], header)
    check("report csv period", figures.get(("report", "from", "")) == f"{fy}-04-01" and
          figures.get(("report", "to", "")) == f"{fy + 1}-03-31", figures.get(("report", "to", "")))
    check("report csv complaints match the file",
          figures.get(("received-by-kind", "complaint", "this-period")) == shown(fy_complaints),
          (figures.get(("received-by-kind", "complaint", "this-period")), fy_complaints))
    check("report csv compliments match the file",
          figures.get(("received-by-kind", "compliment", "this-period")) == shown(fy_compliments),
          (figures.get(("received-by-kind", "compliment", "this-period")), fy_compliments))
    months = [k for k in figures if k[0] == "monthly" and k[2] == "this-period"]
    check("report csv has twelve months", len(months) == 12, months)

    proc = run("report", demo, "--from", f"{fy}-04-01", "--to", f"{fy + 1}-03-31",
               "--format", "csv", "-o", os.path.join(tmp, "same.csv"))
    check("report --from --to equals --year", proc.returncode == 0 and
          report_csv(os.path.join(tmp, "same.csv"))[1] == figures, proc.stderr)

    out_html = os.path.join(tmp, "report.html")
    proc = run("report", demo, "--year", str(fy), "--format", "html", "-o", out_html)
    check("report --format html", proc.returncode == 0, proc.stderr)
    try:
        import xml.etree.ElementTree as ET
        root = ET.parse(out_html).getroot()
        well_formed = root.tag.endswith("html") and root.get("lang") == "en-GB"
    except Exception as e:  # noqa: BLE001 - any parse failure is the finding
        well_formed = False
    check("report html is well formed, with a language", well_formed)

    # The PDF: the practice's name and the period on every page, the same headline figures.
    out_pdf = os.path.join(tmp, "report.pdf")
    proc = run("report", demo, "--year", str(fy), "--format", "pdf", "-o", out_pdf)
    check("report --format pdf", proc.returncode == 0 and os.path.exists(out_pdf), proc.stderr)
    practice_name = sql(demo, "SELECT value FROM settings WHERE key = 'name'")[0][0]
    info = subprocess.run(["pdfinfo", out_pdf], capture_output=True, text=True).stdout
    pages = int(next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:")))
    every_page = all(
        practice_name in subprocess.run(["pdftotext", "-f", str(p), "-l", str(p), out_pdf, "-"],
                                        capture_output=True, text=True).stdout
        for p in range(1, pages + 1))
    check("report pdf names the practice on every page", pages > 1 and every_page, info)
    pdf_text = " ".join(subprocess.run(["pdftotext", out_pdf, "-"], capture_output=True,
                                       text=True).stdout.split())
    complaints = figures.get(("received-by-kind", "complaint", "this-period"))
    check("report pdf shows the csv's complaints figure",
          f"Complaints received: {complaints} " in pdf_text, complaints)

    # A failed run leaves an earlier report as it was.
    before = digest(out_csv)
    proc = run("report", demo, "--year", str(fy), "--format", "csv",
               "-o", os.path.join(tmp, "no-such-folder", "r.csv"))
    check("report into a missing folder fails in one line", one_line_error(proc), proc.stderr)
    proc = run("report", demo, "--from", "2025-06-01", "--to", "2025-01-01", "--format", "csv",
               "-o", out_csv)
    check("bad report leaves the earlier file alone", one_line_error(proc) and
          digest(out_csv) == before, proc.stderr)

    proc = run("ko41b", demo, "--year", str(fy))
    check("ko41b --year", proc.returncode == 0 and "Brought forward" in proc.stdout and
          "Carried forward" in proc.stdout, proc.stdout + proc.stderr)
    quarter_new = 0
    for q in range(1, 5):
        proc = run("ko41b", demo, "--quarter", f"{fy}-Q{q}", "--format", "csv")
        ok = proc.returncode == 0
        if ok:
            rows = list(csv.reader(io.StringIO(proc.stdout)))
            values = {(r[0], r[1]): r[3] for r in rows[1:]}
            bf, new, resolved, withdrawn, cf = (int(values[("summary", k)]) for k in (
                "brought-forward", "new", "resolved", "withdrawn", "carried-forward"))
            # As the form works it out: a withdrawn complaint is not resolved.
            ok = cf == bf + new - resolved
            quarter_new += new
        check(f"ko41b --quarter {fy}-Q{q}: carried forward adds up", ok,
              proc.stdout + proc.stderr)
    proc = run("ko41b", demo, "--year", str(fy), "--format", "csv")
    year_values = {(r[0], r[1]): r[3] for r in list(csv.reader(io.StringIO(proc.stdout)))[1:]}
    check("ko41b: the quarters' new complaints make the year's",
          int(year_values[("summary", "new")]) == quarter_new == fy_written,
          (year_values.get(("summary", "new")), quarter_new, fy_written))

    proc = run("ko41b", demo, "--year", str(fy + 1), "--format", "csv")
    next_values = {(r[0], r[1]): r[3] for r in list(csv.reader(io.StringIO(proc.stdout)))[1:]}
    check("ko41b: one year's carried forward, less those withdrawn, is the next year's "
          "brought forward",
          int(year_values[("summary", "carried-forward")])
          - int(year_values[("summary", "withdrawn")]) ==
          int(next_values.get(("summary", "brought-forward"), -1)),
          (year_values[("summary", "carried-forward")], year_values[("summary", "withdrawn")],
           next_values.get(("summary", "brought-forward"))))

    # report --kind cqc and quarterly: PDFs from the same figures.
    def pdf_pages_and_text(path):
        info = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
        count = int(next(line.split()[1] for line in info.splitlines()
                         if line.startswith("Pages:")))
        texts = [subprocess.run(["pdftotext", "-f", str(p), "-l", str(p), path, "-"],
                                capture_output=True, text=True).stdout
                 for p in range(1, count + 1)]
        return info, texts, " ".join(" ".join(texts).split())

    proc = run("report", demo, "--kind", "annual", "--year", str(fy), "--format", "csv",
               "-o", os.path.join(tmp, "annual.csv"))
    check("report --kind annual is the default", proc.returncode == 0 and
          report_csv(os.path.join(tmp, "annual.csv"))[1] == figures, proc.stderr)

    out_cqc = os.path.join(tmp, "cqc.pdf")
    proc = run("report", demo, "--kind", "cqc", "--to", f"{fy + 1}-03-31", "-o", out_cqc)
    check("report --kind cqc --to", proc.returncode == 0 and os.path.exists(out_cqc), proc.stderr)
    info, texts, cqc_text = pdf_pages_and_text(out_cqc)
    # The summary itself is short; the log of each complaint follows it.
    log_page = next((i for i, t in enumerate(texts) if "Each complaint" in t), None)
    check("cqc summary is titled and short, then the log of each complaint",
          "Summary of complaints and actions taken" in info and log_page is not None
          and log_page < 3, info)
    check("cqc log gives no case reference",
          re.search(r"\b[A-Z]-\d{4}-\d+", cqc_text) is None, cqc_text[:300])
    check("cqc summary names the practice and the 12 months on every page",
          all(practice_name in t and f"1 April {fy} to 31 March {fy + 1}" in " ".join(t.split())
              for t in texts), texts[0][:300])
    check("cqc summary shows the annual csv's complaints figure",
          f"Complaints received: {complaints} " in cqc_text, complaints)
    proc = run("report", demo, "--kind", "cqc", "--year", str(fy), "--format", "pdf",
               "-o", os.path.join(tmp, "cqc-year.pdf"))
    check("report --kind cqc --year is the same 12 months", proc.returncode == 0 and
          pdf_pages_and_text(os.path.join(tmp, "cqc-year.pdf"))[2] == cqc_text, proc.stderr)

    def complaints_between(start, end):
        return int(sql(
            demo, "SELECT count(*) FROM cases WHERE kind = 'complaint' AND status != 'draft' AND "
            "NOT oral_resolved AND received_at >= ? AND received_at < ?", (start, end))[0][0])
    q3_now = complaints_between(f"{fy}-10-01", f"{fy + 1}-01-01")
    q3_before = complaints_between(f"{fy}-07-01", f"{fy}-10-01")
    out_review = os.path.join(tmp, "review.pdf")
    proc = run("report", demo, "--kind", "quarterly", "--quarter", f"{fy}-Q3", "-o", out_review)
    check("report --kind quarterly --quarter", proc.returncode == 0, proc.stderr)
    info, texts, review_text = pdf_pages_and_text(out_review)
    check("quarterly review is titled, with the quarter on every page",
          "Quarterly complaints review" in info and
          all(f"1 October {fy} to 31 December {fy}" in " ".join(t.split()) for t in texts),
          info)
    check("quarterly review counts the quarter's complaints from the file",
          f"Complaints received: {q3_now} (previous quarter: {q3_before})." in review_text,
          (q3_now, q3_before, review_text[:600]))
    proc = run("report", demo, "--kind", "quarterly", "--from", f"{fy}-10-01",
               "--to", f"{fy}-12-31", "-o", os.path.join(tmp, "review-dates.pdf"))
    check("report --kind quarterly --from --to equals --quarter", proc.returncode == 0 and
          pdf_pages_and_text(os.path.join(tmp, "review-dates.pdf"))[2] == review_text,
          proc.stderr)

    report_bad = [
        (["report", demo, "--kind", "weekly", "--year", "2025", "-o", out_csv],
         "--kind must be annual, cqc or quarterly"),
        (["report", demo, "--kind", "cqc", "--to", "2026-03-31", "--format", "csv",
          "-o", out_csv], "PDF only"),
        (["report", demo, "--kind", "quarterly", "--quarter", "2025-Q1", "--format", "html",
          "-o", out_csv], "PDF only"),
        (["report", demo, "--kind", "cqc", "-o", out_csv], "--to DATE for the 12 months"),
        (["report", demo, "--kind", "cqc", "--from", "2025-04-01", "-o", out_csv],
         "--to DATE for the 12 months"),
        (["report", demo, "--kind", "cqc", "--year", "2025", "--to", "2026-03-31",
          "-o", out_csv], "either --year"),
        (["report", demo, "--kind", "cqc", "--to", "31/03/2026", "-o", out_csv], "YYYY-MM-DD"),
        (["report", demo, "--kind", "cqc", "--from", "2026-04-01", "--to", "2026-03-31",
          "-o", out_csv], "--from is after --to"),
        (["report", demo, "--kind", "quarterly", "-o", out_csv], "Give the quarter"),
        (["report", demo, "--kind", "quarterly", "--year", "2025", "-o", out_csv],
         "--year does not go with --kind quarterly"),
        (["report", demo, "--kind", "quarterly", "--quarter", "2025-Q9", "-o", out_csv],
         "--quarter must be"),
        (["report", demo, "--kind", "quarterly", "--quarter", "2025-Q1", "--from", "2025-04-01",
          "-o", out_csv], "either --quarter"),
        (["report", demo, "--quarter", "2025-Q1", "--format", "pdf", "-o", out_csv],
         "--quarter goes with --kind quarterly"),
        (["report", demo, "--kind", "cqc", "--to", "2026-03-31"], "needs -o"),
        (["report", demo, "--kind", "quarterly", "--quarter", "2025-Q1",
          "-o", os.path.join(tmp, "no-such-folder", "q.pdf")], "heed-cli: "),
        (["report", demo, "--format", "csv", "-o", out_csv], "Give the period"),
        (["report", demo, "--year", "2025", "--from", "2025-04-01", "--format", "csv",
          "-o", out_csv], "either --year"),
        (["report", demo, "--from", "2025-04-01", "--format", "csv", "-o", out_csv],
         "both --from and --to"),
        (["report", demo, "--year", "25", "--format", "csv", "-o", out_csv], "--year must be"),
        (["report", demo, "--from", "1/4/2025", "--to", "2026-03-31", "--format", "csv",
          "-o", out_csv], "YYYY-MM-DD"),
        (["report", demo, "--year", "2025", "--format", "docx", "-o", out_csv],
         "--format must be pdf, html or csv"),
        (["report", demo, "--year", "2025", "-o", out_csv], "needs --format"),
        (["report", demo, "--year", "2025", "--format", "csv"], "needs -o"),
        (["report", missing_practice("missing.heed"), "--year", "2025", "--format", "csv",
          "-o", out_csv], NO_PRACTICE),
        (["ko41b", demo], "Give the period"),
        (["ko41b", demo, "--quarter", "2025-Q5"], "--quarter must be"),
        (["ko41b", demo, "--quarter", "25-Q1"], "--quarter must be"),
        (["ko41b", demo, "--quarter", "2025-1"], "--quarter must be"),
        (["ko41b", demo, "--year", "2025", "--quarter", "2025-Q1"], "either --year"),
        (["ko41b", demo, "--year", "2025", "--format", "pdf"], "--format must be"),
        (["ko41b"], "exactly one FILE"),
        (["ko41b", practice, "--year", "2025"], "The KO41(b) return is for practices in England"),
    ]
    for args, message in report_bad:
        before = state(demo), digest(out_csv)
        proc = run(*args)
        ok = one_line_error(proc) and message in proc.stderr and (state(demo),
                                                                   digest(out_csv)) == before
        check("bad report input: " + " ".join(a.replace(tmp, "TMP") for a in args), ok,
              f"rc={proc.returncode} stderr={proc.stderr!r}")

    # The practice's publicity: form, poster (A4 and A3) and leaflet.
    def pdf_info(path):
        return subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout

    def pdf_pages(path):
        info = pdf_info(path)
        return int(next(l.split()[-1] for l in info.splitlines() if l.startswith("Pages:")))

    def pdf_flat_text(path):
        text = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True).stdout
        return " ".join(text.split())

    demo_name = sql(demo, "SELECT value FROM settings WHERE key = 'name'")[0][0]
    for kind, heading in [("form", "Section 4: The complaint"),
                          ("poster", "We want to hear from you"),
                          ("leaflet", "Other formats and languages")]:
        out = os.path.join(tmp, f"publicity-{kind}.pdf")
        before = state(demo)
        proc = run("publicity", demo, "--kind", kind, "-o", out)
        text = pdf_flat_text(out) if os.path.exists(out) else ""
        check(f"publicity --kind {kind}", proc.returncode == 0 and "Wrote" in proc.stdout and
              demo_name in text and heading in text and state(demo) == before,
              proc.stdout + proc.stderr + text[:300])
    poster_a3 = os.path.join(tmp, "poster-a3.pdf")
    proc = run("publicity", demo, "--kind", "poster", "--size", "a3", "-o", poster_a3)
    info = pdf_info(poster_a3) if os.path.exists(poster_a3) else ""
    check("publicity poster on A3 is one A3 page", proc.returncode == 0 and "(A3)" in info and
          pdf_pages(poster_a3) == 1, proc.stderr + info)
    large = os.path.join(tmp, "leaflet-large.pdf")
    proc = run("publicity", demo, "--kind", "leaflet", "--large-print", "-o", large)
    check("publicity --large-print makes more pages", proc.returncode == 0 and
          pdf_pages(large) > pdf_pages(os.path.join(tmp, "publicity-leaflet.pdf")), proc.stderr)

    kept = os.path.join(tmp, "kept-publicity.pdf")
    with open(kept, "w") as f:
        f.write("an earlier poster")
    publicity_bad = [
        (["publicity", demo, "-o", kept], "--kind"),
        (["publicity", demo, "--kind", "flyer", "-o", kept], "--kind must be"),
        (["publicity", demo, "--kind", "poster", "--size", "a5", "-o", kept], "--size must be"),
        (["publicity", demo, "--kind", "form", "--size", "a3", "-o", kept], "only the poster"),
        (["publicity", demo, "--kind", "leaflet", "--size", "a3", "-o", kept],
         "only the poster"),
        (["publicity", demo, "--kind", "poster"], "-o OUT.pdf"),
        (["publicity", demo, "--kind", "poster", "-o", tmp], "is a folder"),
        (["publicity", "--kind", "poster", "-o", kept], "one practice FILE"),
        (["publicity", missing_practice("missing.heed"), "--kind", "poster", "-o", kept],
         NO_PRACTICE),
        (["publicity", demo, "--kind", "poster", "-o",
          os.path.join(tmp, "no-such-folder", "p.pdf")], ""),
    ]
    for args, message in publicity_bad:
        before = state(demo), digest(kept)
        proc = run(*args)
        ok = one_line_error(proc) and message in proc.stderr and (state(demo),
                                                                   digest(kept)) == before
        check("bad publicity input: " + " ".join(a.replace(tmp, "TMP") for a in args), ok,
              f"rc={proc.returncode} stderr={proc.stderr!r}")

    # Tampering behind Heed's back is found.
    sql(demo, "UPDATE cases SET summary = 'nothing happened' WHERE id = 1")
    proc = run("check", demo)
    check("check finds a case changed outside Heed", proc.returncode != 0 and
          "changed outside Heed" in proc.stderr, proc.stdout + proc.stderr)
finally:
    shutil.rmtree(tmp, ignore_errors=True)
    for database in databases:
        subprocess.run([os.path.join(PG_BIN, "dropdb"), "-h", PG_HOST, "-U", PG_USER, "--force",
                        "--if-exists", database], capture_output=True, env=ENV)

print(f"1..{len(results)}")
for number, (name, ok, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {number} - {name}")
    if not ok:
        print(f"# {detail}")
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
