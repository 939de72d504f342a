#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""heed-cli check against someone who edits the practice file behind Heed's back.

Usage: test-hostile-check.py PATH-TO-HEED-CLI
Prints TAP.

Each tampering is made with SQLite itself, as anyone who can write to the file could make it:
a trail entry deleted (refused by the file; with its trigger dropped, seen), the whole chain
rewritten consistently (seen by --against an older backup and by the anchor log), a sent
letter's PDF, a setting, a risk matrix cell, a category, a reference counter, a record of a
destroyed case changed, and a case taken out of the search index (seen; --rebuild-index puts
it back and search finds it again). Each time an untouched copy of the same practice keeps its
digest and passes its check, so what the check says is about the change and nothing else."""

import base64
import hashlib
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile

HEED_CLI = sys.argv[1]
results = []
tmp = tempfile.mkdtemp(prefix="heed-hostile-check-")
HOME = os.path.join(tmp, "home")
ENV = {**os.environ, "LC_ALL": "C.UTF-8", "TZ": "UTC", "XDG_DATA_HOME": HOME}


def run(*args, env=None):
    return subprocess.run([HEED_CLI, *map(str, args)], capture_output=True, text=True,
                          env=env or ENV)


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))
    return bool(condition)


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def sql(path, *statements):
    """Runs the statements as one script; SQLite's error message, or None."""
    db = sqlite3.connect(path)
    try:
        db.executescript(";\n".join(statements))
        db.commit()
        return None
    except sqlite3.Error as error:
        return str(error)
    finally:
        db.close()


def one_value(path, query):
    db = sqlite3.connect(path)
    try:
        row = db.execute(query).fetchone()
        return row[0] if row else None
    finally:
        db.close()


def build_base():
    """A practice of a few cases, one with a sent letter, and one destroyed case's record."""
    demo = os.path.join(tmp, "demo.heed")
    export = os.path.join(tmp, "demo.xml")
    letter = os.path.join(tmp, "letter.pdf")
    base = os.path.join(tmp, "base.heed")
    for args in (("demo", demo, "--cases", "12", "--years", "1", "--seed", "4"),
                 ("export", demo, "--xml", "-o", export)):
        proc = run(*args)
        assert proc.returncode == 0, proc.stderr
    reference = one_value(demo, "SELECT reference FROM cases ORDER BY id LIMIT 1")
    proc = run("letter", demo, reference, "acknowledgement", "-o", letter)
    assert proc.returncode == 0, proc.stderr
    with open(letter, "rb") as f:
        pdf = base64.b64encode(f.read()).decode()
    with open(export, encoding="utf-8") as f:
        xml = f.read()
    sent = ('<letters><letter id="1"><template>acknowledgement</template>'
            '<title>Acknowledgement</title><created-at>2026-01-05T10:00:00</created-at>'
            '<sent-at>2026-01-05T10:30:00</sent-at><sent-by>post</sent-by>'
            f'<pdf><chunk>{pdf}</chunk></pdf></letter></letters>')
    first_case_end = xml.index("</events>") + len("</events>")
    xml = xml[:first_case_end] + sent + xml[first_case_end:]
    tombstone = ('<destroyed><tombstone reference="C-2014-007" kind="complaint">'
                 '<closed-on>2014-05-01</closed-on>'
                 '<destroyed-at>2025-06-02T10:00:00</destroyed-at>'
                 '<destroyed-by>Practice manager</destroyed-by>'
                 '<reason>Retention period over, reviewed</reason></tombstone></destroyed>')
    xml = xml.replace("<destroyed/>", tombstone)
    with open(export, "w", encoding="utf-8") as f:
        f.write(xml)
    for args in (("create", base, "--name", "Hostile Lane Surgery", "--nation", "england"),
                 ("import", base, export)):
        proc = run(*args)
        assert proc.returncode == 0, proc.stderr
    proc = run("check", base)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return base, reference


class Case:
    """One tampering: a copy to change and an untouched copy beside it, each with the anchor
    log as it was when the practice was made."""

    def __init__(self, name):
        self.folder = os.path.join(tmp, name)
        os.makedirs(self.folder)
        self.home = os.path.join(self.folder, "home")
        shutil.copytree(HOME, self.home)
        self.env = {**ENV, "XDG_DATA_HOME": self.home}
        self.work = os.path.join(self.folder, "practice.heed")
        self.untouched = os.path.join(self.folder, "untouched.heed")
        shutil.copy(BASE, self.work)
        shutil.copy(BASE, self.untouched)
        self.untouched_digest = digest(self.untouched)
        self.name = name

    def cli(self, *args):
        return run(*args, env=self.env)

    def fails_with(self, what, expected, *args):
        before = digest(self.work)
        proc = self.cli("check", self.work, *args)
        check(f"{self.name}: check fails, saying {what}",
              proc.returncode != 0 and expected in proc.stderr and
              proc.stderr.rstrip().splitlines()[-1].startswith("heed-cli: "),
              proc.stdout + proc.stderr)
        check(f"{self.name}: the check changed nothing in the file", digest(self.work) == before)
        return proc

    def untouched_passes(self):
        proc = self.cli("check", self.untouched)
        check(f"{self.name}: the untouched copy is unchanged and passes its check",
              proc.returncode == 0 and digest(self.untouched) == self.untouched_digest,
              proc.stdout + proc.stderr)


def trail_hash(prev, at, os_user, staff, action, table, row_id, detail):
    """The chain's hash as heed-store-audit.c computes it, as an attacker would recompute it."""
    h = hashlib.sha256()
    for part in (prev, at, os_user, staff, action, table, str(row_id), detail):
        h.update((part or "").encode())
        h.update(b"\x1f")
    return h.hexdigest()


def rewrite_chain(path, first):
    """Changes who made entry @first and recomputes every hash from there on: a trail that is
    whole again inside the file."""
    db = sqlite3.connect(path)
    db.executescript("DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;")
    rows = db.execute("SELECT id, at, os_user, staff, action, tbl, row_id, detail, prev_hash "
                      "FROM audit WHERE id >= ? ORDER BY id", (first,)).fetchall()
    prev = rows[0][8]
    for id_, at, user, staff, action, table, row, detail, _ in rows:
        if id_ == first:
            user = "somebody-else"
        new = trail_hash(prev, at, user, staff, action, table, row, detail)
        db.execute("UPDATE audit SET os_user = ?, prev_hash = ?, hash = ? WHERE id = ?",
                   (user, prev, new, id_))
        prev = new
    db.commit()
    db.close()


def test_delete_entry():
    case = Case("delete-entry")
    before = digest(case.work)
    error = sql(case.work, "DELETE FROM audit WHERE id = 40")
    check("delete-entry: the file refuses to delete an audit entry",
          error is not None and "the audit trail cannot be changed" in error, str(error))
    check("delete-entry: the refused delete left the file as it was", digest(case.work) == before)
    proc = case.cli("check", case.work)
    check("delete-entry: after the refused delete the check passes", proc.returncode == 0,
          proc.stdout + proc.stderr)
    error = sql(case.work, "DROP TRIGGER audit_no_delete", "DELETE FROM audit WHERE id = 40")
    check("delete-entry: with its trigger dropped the entry goes", error is None, str(error))
    case.fails_with("the trail is broken there", "broken before entry 41")
    case.untouched_passes()


def test_rewritten_chain():
    case = Case("rewritten-chain")
    backup = os.path.join(case.folder, "backup.heed")
    proc = case.cli("backup", case.work, backup)
    head = re.search(r"^Audit trail: entry (\d+), SHA-256 ([0-9a-f]{64})$", proc.stdout, re.M)
    check("rewritten-chain: the backup says the trail's head", proc.returncode == 0 and head,
          proc.stdout + proc.stderr)
    entries = int(head.group(1)) if head else 0
    # The annual report and the CQC summary print the same head: a printed copy anchors it.
    for kind, args in (("annual report", ("--year", "2025", "--format", "pdf")),
                       ("CQC summary", ("--kind", "cqc", "--to", "2026-03-31"))):
        pdf = os.path.join(case.folder, "report.pdf")
        proc = case.cli("report", case.work, *args, "-o", pdf)
        text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True,
                              text=True).stdout if proc.returncode == 0 else ""
        check(f"rewritten-chain: the {kind} prints the trail's head",
              head and f"Audit trail: entry {entries}, SHA-256" in text and
              head.group(2) in text.replace("\n", ""), proc.stderr + text[:400])
    rewrite_chain(case.work, 30)
    # Inside the file alone the rewrite cannot be seen: that is what the anchors are for.
    proc = run("check", case.work, env={**ENV, "XDG_DATA_HOME": os.path.join(case.folder, "none")})
    check("rewritten-chain: with nothing outside the file to compare with, the check passes "
          "(the honest limit)", proc.returncode == 0 and "holds nothing for this practice" in
          proc.stdout, proc.stdout + proc.stderr)
    proc = case.fails_with("the anchor log does not match",
                           f"is not the one the anchor log recorded")
    check("rewritten-chain: the first entry named is the newest anchored one it differs at",
          f"Audit entry {entries} is not the one" in proc.stderr, proc.stderr)
    env = {**ENV, "XDG_DATA_HOME": os.path.join(case.folder, "none")}
    before = digest(case.work)
    proc = run("check", case.work, "--against", backup, env=env)
    check("rewritten-chain: check --against the older backup fails, naming entry 30",
          proc.returncode != 0 and "differs from it at entry 30" in proc.stderr,
          proc.stdout + proc.stderr)
    check("rewritten-chain: the check --against changed nothing", digest(case.work) == before)
    proc = run("check", case.untouched, "--against", backup, env=env)
    check("rewritten-chain: the untouched copy extends the backup unchanged",
          proc.returncode == 0 and f"this trail begins with its {entries} audit entries, unchanged" in
          proc.stdout, proc.stdout + proc.stderr)
    case.untouched_passes()


def test_letter_pdf():
    case = Case("letter-pdf")
    error = sql(case.work, "UPDATE letters SET pdf = CAST('%PDF-1.4 forged' AS BLOB)")
    check("letter-pdf: a sent letter refuses to change", error is not None and
          "a sent letter cannot be changed" in error, str(error))
    error = sql(case.work, "DROP TRIGGER letters_frozen",
                "UPDATE letters SET pdf = CAST('%PDF-1.4 forged' AS BLOB)")
    check("letter-pdf: with its trigger dropped the PDF is replaced", error is None, str(error))
    case.fails_with("which sent letter changed",
                    f"The sent letter 1 (“Acknowledgement”, case {REFERENCE}) was changed "
                    "outside Heed: its PDF is not the one that was sent.")
    case.untouched_passes()


def simple(name, statement, what, expected, backups=False):
    case = Case(name)
    args = []
    if backups:
        # Backups named as the window names them, in a folder given to the check.
        folder = os.path.join(case.folder, "backups")
        os.mkdir(folder)
        older = os.path.join(folder, "practice-backup-20260101-090000.heed")
        newest = os.path.join(folder, "practice-backup-20260102-090000.heed")
        for path in (older, newest):
            proc = case.cli("backup", case.work, path)
            check(f"{name}: a backup in the folder", proc.returncode == 0, proc.stderr)
        sql(newest, statement)
        args = ["--backups", folder]
    error = sql(case.work, statement)
    check(f"{name}: the change is made", error is None, str(error))
    proc = case.fails_with(what, expected, *args)
    if backups:
        check(f"{name}: the check names the newest backup that checks clean, not a newer "
              "one with the same change", f"The newest backup that checks clean: {older}" in
              proc.stderr, proc.stderr)
    else:
        check(f"{name}: without a backup folder the check says no backup was found",
              "No backup was found" in proc.stderr, proc.stderr)
    case.untouched_passes()


def test_search_index():
    case = Case("search-index")
    case_id = one_value(case.work, "SELECT id FROM cases WHERE reference = '%s'" % REFERENCE)
    found = case.cli("list", case.work, "--search", REFERENCE)
    check("search-index: search finds the case to begin with", REFERENCE in found.stdout,
          found.stdout + found.stderr)
    error = sql(case.work, f"DELETE FROM case_search WHERE rowid = {case_id}")
    check("search-index: its index row is deleted", error is None, str(error))
    found = case.cli("list", case.work, "--search", REFERENCE)
    check("search-index: search no longer finds it", REFERENCE not in found.stdout,
          found.stdout)
    case.fails_with("the case is missing from the index",
                    f"Case {REFERENCE} (row {case_id} of cases) is missing from the search "
                    "index")
    proc = case.cli("check", case.work, "--rebuild-index")
    check("search-index: check --rebuild-index rebuilds it and then passes",
          proc.returncode == 0 and "Rebuilt the search index" in proc.stdout,
          proc.stdout + proc.stderr)
    found = case.cli("list", case.work, "--search", REFERENCE)
    check("search-index: search finds the case again", REFERENCE in found.stdout,
          found.stdout + found.stderr)
    cases = [case.cli("list", path, "--format", "csv").stdout for path in (case.work,
                                                                         case.untouched)]
    check("search-index: every case is still there, as in the untouched copy",
          cases[0] == cases[1], cases[0] + cases[1])
    case.untouched_passes()


def test_older_copy_in_place():
    """The newest entries taken away by putting an older copy in place by hand: the file agrees
    with itself, the anchor log does not. Heed's own restore is no false alarm."""
    case = Case("older-copy")
    backup = os.path.join(case.folder, "backup.heed")
    proc = case.cli("backup", case.work, backup)
    check("older-copy: a backup", proc.returncode == 0, proc.stderr)
    proc = case.cli("demo", case.work, "--cases", "2", "--seed", "8")
    check("older-copy: two more cases, anchored when heed-cli closes the file",
          proc.returncode == 0, proc.stderr)
    newer = digest(case.work)
    shutil.copy(backup, case.work)
    proc = case.fails_with("entries were removed or an older copy put in place",
                           "its newest entries were removed, or an older copy was put in "
                           "place outside Heed")
    check("older-copy: without anchors the file alone passes (the honest limit)",
          run("check", case.work, env={**ENV, "XDG_DATA_HOME": os.path.join(case.folder, "none")}
              ).returncode == 0)
    proc = case.cli("restore", backup, case.work, "--force")
    check("older-copy: restored through Heed", proc.returncode == 0, proc.stderr)
    proc = case.cli("check", case.work)
    check("older-copy: after Heed's own restore the check passes, the later anchor set aside",
          proc.returncode == 0 and "set aside" in proc.stdout, proc.stdout + proc.stderr)
    check("older-copy: the newer file was another file", newer != digest(case.work))
    case.untouched_passes()


try:
    BASE, REFERENCE = build_base()
    test_older_copy_in_place()
    test_delete_entry()
    test_rewritten_chain()
    test_letter_pdf()
    simple("setting", "UPDATE settings SET value = 'scotland' WHERE key = 'nation'",
           "which setting changed", "The setting “nation” was changed outside Heed",
           backups=True)
    simple("responsible-person",
           "UPDATE settings SET value = 'Dr Nobody' WHERE key = 'responsible-person'",
           "which setting changed", "The setting “responsible-person” was changed outside Heed")
    simple("risk-matrix",
           "UPDATE risk_matrix SET risk = 'low' WHERE seriousness = 'extreme' AND "
           "likelihood = 'almost-certain'", "which cell changed",
           "The risk matrix cell for seriousness “extreme” and likelihood “almost-certain” was "
           "changed outside Heed")
    simple("category", "UPDATE categories SET label = 'Nothing' WHERE code = 'access'",
           "which category changed", "(“access”) was changed outside Heed")
    simple("counter-lowered", "UPDATE reference_counters SET last = 1 WHERE prefix LIKE 'C-%'",
           "which counter changed", "The reference counter for C-")
    simple("counter-raised", "UPDATE reference_counters SET last = last + 100",
           "which counter changed", "The reference counter for ")
    simple("destroyed-record",
           "UPDATE destroyed SET reason = 'Nobody asked' WHERE reference = 'C-2014-007'",
           "which record of a destroyed case changed",
           "The record of the destroyed case C-2014-007 was changed outside Heed")
    simple("destroyed-record-removed", "DELETE FROM destroyed",
           "that the record of a destroyed case went",
           "The record of the destroyed case C-2014-007 was removed outside Heed")
    test_search_index()
except Exception:  # a broken harness must fail the test, not pass it
    import traceback
    check("the hostile check test ran to the end", False, traceback.format_exc())
finally:
    shutil.rmtree(tmp, ignore_errors=True)

print(f"1..{len(results)}")
for number, (name, ok, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {number} - {name}")
    if not ok:
        for line in str(detail).splitlines():
            print(f"# {line}")
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
