#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Duties on a real PostgreSQL server: what each may and may not do, through heed-cli and
through psql signed in as that role.

Usage: test-duties.py PATH-TO-HEED-CLI
Needs the test run's cluster (HEED_TEST_PG_HOST, its socket folder, and HEED_TEST_PG_USER, its
superuser, who owns the practice here); without one every test is reported as skipped. The
cluster lets every role in on its socket (trust), so each person's role signs in by name.
Prints TAP.

- grant, revoke and duties refuse a practice file, an unknown duty, a role name with odd
  characters and a role that does not exist, each in one line, changing nothing;
- reception adds and lists, but reads no investigation notes, attachments, letters or
  outcomes, and no confidential case, with Heed or with psql;
- a handler sees only the cases assigned to them, a confidential one of theirs included;
- a reader gets the reports' counts and nothing with a name;
- a manager sees everything and gives the other duties;
- the trail refuses UPDATE, DELETE and TRUNCATE from every duty, and an entry naming anyone
  but the role signed in; check passes after all of it."""

import atexit
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile

HEED_CLI = sys.argv[1]
PG_HOST = os.environ.get("HEED_TEST_PG_HOST", "")
PG_USER = os.environ.get("HEED_TEST_PG_USER", "heed")
PG_BIN = os.environ.get("HEED_PG_BIN", "/usr/lib/postgresql/15/bin")
ENV = {**os.environ, "LC_ALL": "C.UTF-8", "TZ": "UTC"}
ENV.pop("PGHOST", None)
ENV.pop("PGDATABASE", None)
ENV.pop("PGUSER", None)
results = []
roles = []
DATABASE = f"heed_duties_{os.getpid()}"
CREATED = f"heed_duties_{os.getpid()}_made"
WORK = tempfile.mkdtemp(prefix="heed-duties-")
atexit.register(shutil.rmtree, WORK, True)


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def run(*args):
    return subprocess.run([HEED_CLI, *args], capture_output=True, text=True, env=ENV)


def psql_as(user, sql, database=DATABASE):
    """psql signed in as @user: (return code, output, errors)."""
    proc = subprocess.run([os.path.join(PG_BIN, "psql"), "-X", "-q", "-A", "-t", "-h", PG_HOST,
                           "-U", user, "-d", database, "-v", "ON_ERROR_STOP=1", "-c", sql],
                          capture_output=True, text=True, env=ENV)
    return proc.returncode, proc.stdout.strip(), proc.stderr.strip()


def owner(sql, database=DATABASE):
    code, out, err = psql_as(PG_USER, sql, database)
    if code != 0:
        raise RuntimeError(err)
    return out


def at(user):
    return f"postgresql://{user}@/{DATABASE}?host={PG_HOST}"


def one_line_failure(proc, *words):
    lines = proc.stderr.splitlines()
    return (proc.returncode != 0 and len(lines) == 1
            and all(word in lines[0] for word in words)
            and "ERROR" not in proc.stderr and "SELECT" not in proc.stderr
            and "permission denied" not in proc.stderr)


def listed(proc):
    return sorted(line.split()[0] for line in proc.stdout.splitlines() if line.strip())


def refs(sql):
    return sorted(line for line in owner(sql).splitlines() if line)


def finish():
    for database in (DATABASE, CREATED):
        subprocess.run([os.path.join(PG_BIN, "dropdb"), "-h", PG_HOST, "-U", PG_USER, "--force",
                        "--if-exists", database], capture_output=True, env=ENV)
    for role in roles + [f"heed_{database}_{duty}" for database in (DATABASE, CREATED)
                         for duty in ("reception", "handler", "manager", "reader")]:
        psql_as(PG_USER, f'DROP ROLE IF EXISTS "{role}"', "postgres")
    print(f"1..{len(results)}")
    for i, (name, ok, detail) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {i} - {name}")
        if not ok and detail:
            for line in str(detail).splitlines()[:40]:
                print(f"# {line}")
    sys.exit(0 if all(ok for _, ok, _ in results) else 1)


if not PG_HOST:
    print("1..0 # SKIP no PostgreSQL cluster for this run (HEED_TEST_PG_HOST is not set)")
    sys.exit(0)

try:
    pid = os.getpid()
    REC, REC2, HAND, HAND2, MGR, RDR, NEWBIE, NODUTY = (f"duty_{name}_{pid}" for name in (
        "rec", "rectwo", "hand", "hand2", "mgr", "rdr", "newbie", "noduty"))
    for role in (REC, REC2, HAND, HAND2, MGR, RDR, NEWBIE, NODUTY):
        owner(f'CREATE ROLE "{role}" LOGIN', "postgres")
        roles.append(role)
    for database in (DATABASE, CREATED):
        subprocess.run([os.path.join(PG_BIN, "createdb"), "-h", PG_HOST, "-U", PG_USER,
                        database], check=True, env=ENV)
    OWNER = at(PG_USER)

    proc = run("create", f"postgresql://{PG_USER}@/{CREATED}?host={PG_HOST}", "--name",
               "Duty Surgery", "--nation", "england")
    check("create on a server", proc.returncode == 0 and proc.stderr == "", proc.stderr)
    made = owner(f"SELECT count (*) FROM pg_roles WHERE rolname IN ("
                 f"'heed_{CREATED}_reception', 'heed_{CREATED}_handler', "
                 f"'heed_{CREATED}_manager', 'heed_{CREATED}_reader')", CREATED)
    check("… makes the practice's four duty roles, named after its database", made == "4", made)
    # A demo practice has none until its owner gives the first duty.
    proc = run("demo", OWNER, "--cases", "40", "--seed", "3")
    check("a demo practice on a server", proc.returncode == 0, proc.stderr)

    # The staff members the duties map to: two who handle cases, and the manager.
    handlers = owner("SELECT handler FROM cases WHERE handler IS NOT NULL "
                     "GROUP BY handler ORDER BY count (*) DESC, handler").split()
    check("the demo assigns cases to at least two handlers", len(handlers) >= 2, handlers)
    STAFF, STAFF2 = handlers[0], handlers[1]
    MANAGER_STAFF = owner("SELECT max (id) FROM staff")

    # Confidential cases, one for each handler, added with heed-cli.
    proc = run("add", OWNER, "--kind", "complaint", "--channel", "letter", "--surname", "Quill",
               "--summary", "A confidential matter", "--confidential", "--handler", STAFF,
               "--what-happened", "Words only its handler may read")
    check("add --confidential --handler", proc.returncode == 0, proc.stderr)
    CONF = proc.stdout.strip()
    proc = run("add", OWNER, "--kind", "concern", "--channel", "phone", "--summary",
               "Another confidential matter", "--confidential", "--handler", STAFF2)
    CONF2 = proc.stdout.strip()
    check("… marks the case confidential on the server",
          owner(f"SELECT confidential FROM cases WHERE reference = '{CONF}'") == "t"
          and owner(f"SELECT handler FROM cases WHERE reference = '{CONF}'") == STAFF, CONF)

    # Refusals: one line, non-zero, nothing done.
    before = run("duties", OWNER)
    tmp_file = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"heed-duties-{pid}.heed")
    run("create", tmp_file, "--name", "File Surgery", "--nation", "england")
    for args in (("grant", tmp_file, REC, "reception"), ("revoke", tmp_file, REC),
                 ("duties", tmp_file)):
        proc = run(*args)
        check(f"{args[0]} on a practice file: one line, the account is the only gate",
              one_line_failure(proc, "only gate"), proc.stderr)
    os.unlink(tmp_file)
    proc = run("grant", OWNER, REC, "janitor")
    check("grant of an unknown duty: one line", one_line_failure(proc, "janitor"), proc.stderr)
    proc = run("grant", OWNER, 'x"; DROP TABLE cases; --', "reader")
    check("grant to a role name with odd characters: one line",
          one_line_failure(proc, "not a role name"), proc.stderr)
    proc = run("grant", OWNER, f"nobody_{pid}", "reader")
    check("grant to a role that does not exist: one line",
          one_line_failure(proc, f"nobody_{pid}"), proc.stderr)
    proc = run("grant", OWNER, HAND, "handler")
    check("grant handler without a staff member: one line", one_line_failure(proc, "--staff"),
          proc.stderr)
    proc = run("grant", OWNER, HAND, "handler", "--staff", "99999")
    check("grant with a staff id that does not exist: one line",
          one_line_failure(proc, "99999"), proc.stderr)
    proc = run("grant", OWNER, HAND, "handler", "--staff", "seven")
    check("grant with a staff id that is not a number: one line",
          one_line_failure(proc, "seven"), proc.stderr)
    after = run("duties", OWNER)
    check("… and none of them changed anything",
          after.stdout == before.stdout and owner("SELECT count (*) FROM staff "
                                                  "WHERE login_role IS NOT NULL") == "0",
          after.stdout)

    # The duties.
    for args in ((REC, "reception"), (REC2, "reception"), (HAND, "handler", "--staff", STAFF),
                 (HAND2, "handler", "--staff", STAFF2), (MGR, "manager", "--staff",
                                                         MANAGER_STAFF), (RDR, "reader")):
        proc = run("grant", OWNER, *args)
        check(f"grant {args[1]} to a role", proc.returncode == 0, proc.stderr)
    proc = run("duties", OWNER)
    rows = {line.split("\t")[0]: line.split("\t") for line in proc.stdout.splitlines()}
    check("duties lists who has which, with their staff member",
          proc.returncode == 0 and rows.get(REC, [None, None])[1] == "reception"
          and rows.get(HAND, [None, None, None])[1:3] == ["handler", STAFF]
          and rows.get(MGR, [None, None])[1] == "manager"
          and rows.get(RDR, [None, None])[1] == "reader", proc.stdout)

    everything = refs("SELECT reference FROM cases")
    not_confidential = refs("SELECT reference FROM cases WHERE NOT confidential")
    mine = refs(f"SELECT reference FROM cases WHERE handler = {STAFF}")

    # Reception.
    proc = run("add", at(REC), "--kind", "complaint", "--channel", "phone", "--surname", "Ode",
               "--summary", "Called about a repeat prescription", "--phone", "01234 567890",
               "--what-happened", "The pharmacy had nothing")
    check("reception adds feedback with heed-cli", proc.returncode == 0
          and re.fullmatch(r"C-\d{4}-\d{3,}", proc.stdout.strip()), proc.stderr)
    LOGGED = proc.stdout.strip()
    signed = owner(f"SELECT DISTINCT os_user FROM audit WHERE tbl = 'cases' AND row_id = "
                   f"(SELECT id FROM cases WHERE reference = '{LOGGED}')")
    check("… and the trail names the role the server signed in", signed == REC, signed)
    proc = run("list", at(REC))
    check("reception lists every case but the confidential ones",
          proc.returncode == 0 and listed(proc) == sorted(not_confidential + [LOGGED]),
          proc.stdout + proc.stderr)
    proc = run("list", at(REC), "--search", "Ode")
    check("reception searches the list", proc.returncode == 0 and listed(proc) == [LOGGED],
          proc.stdout + proc.stderr)
    proc = run("list", at(REC), "--search", "Quill")
    check("… and a confidential case's words find nothing", proc.returncode == 0
          and listed(proc) == [], proc.stdout + proc.stderr)
    proc = run("show", at(REC), LOGGED)
    check("reception's show is refused in one clear line naming the duty",
          one_line_failure(proc, "duty (reception)"), proc.stderr)
    for table in ("events", "attachments", "letters", "case_elements", "actions"):
        code, out, err = psql_as(REC, f"SELECT * FROM {table}")
        check(f"psql as reception: SELECT * FROM {table} is refused",
              code != 0 and "permission denied" in err, out + err)
    for column in ("description", "outcome", "lessons", "outcome_notes"):
        code, out, err = psql_as(REC, f"SELECT {column} FROM cases")
        check(f"psql as reception: the cases' {column} is refused",
              code != 0 and "permission denied" in err, out + err)
    code, out, err = psql_as(REC, f"SELECT reference FROM cases WHERE reference IN "
                                  f"('{CONF}', '{CONF2}')")
    check("psql as reception: a confidential case's row gives nothing",
          code == 0 and out == "", out + err)
    code, out, err = psql_as(REC, "SELECT count (*) FROM cases")
    check("psql as reception: the list's rows are the cases that are not confidential",
          code == 0 and out == str(len(not_confidential) + 1), out + err)

    # People are seen with their cases.
    for who, surname, seen in ((REC, "Ode", "1"), (REC, "Quill", "0"), (HAND, "Quill", "1"),
                               (HAND2, "Quill", "0"), (MGR, "Quill", "1")):
        code, out, err = psql_as(who, f"SELECT count (*) FROM people "
                                      f"WHERE last_name = '{surname}'")
        check(f"psql as {who.split('_')[1]}: {surname}, "
              f"{'seen' if seen == '1' else 'not seen'} with "
              f"{'the confidential case' if surname == 'Quill' else 'the case they logged'}",
              code == 0 and out == seen, out + err)
    code, out, err = psql_as(REC, "SELECT count (*) FROM people")
    seen = owner("SELECT count (*) FROM people p WHERE p.id IN (SELECT complainant FROM cases "
                 "WHERE NOT confidential) OR NOT heed_person_in_use (p.id)")
    check("psql as reception: the people are those of the cases it sees", code == 0
          and out == seen and int(seen) < int(owner("SELECT count (*) FROM people")),
          f"{out} {seen} {err}")

    # Typing not yet saved is its typist's alone.
    code, out, err = psql_as(REC, "INSERT INTO form_drafts (form, title, content, os_user, "
                                  "updated_at) VALUES ('feedback', 'Complaint from Ann Lee', "
                                  f"'[feedback]', '{REC}', '2026-12-08T09:00:00Z')")
    check("psql as reception: keeps a draft of its own", code == 0, err)
    code, out, err = psql_as(REC, "SELECT count (*) FROM form_drafts")
    check("… and reads it back", code == 0 and out == "1", out + err)
    for who in (REC2, MGR, HAND):
        code, out, err = psql_as(who, "SELECT count (*) FROM form_drafts")
        check(f"psql as {who.split('_')[1]}: another person's draft gives nothing",
              code == 0 and out == "0", out + err)
    code, out, err = psql_as(REC2, "INSERT INTO form_drafts (form, title, content, os_user, "
                                   "updated_at) VALUES ('feedback', 'x', 'x', "
                                   f"'{REC}', '2026-12-08T09:00:00Z')")
    check("psql as reception: a draft in another's name is refused", code != 0
          and "row-level security" in err, err)

    # Handlers.
    proc = run("list", at(HAND))
    check("a handler lists only the cases assigned to them, the confidential one included",
          proc.returncode == 0 and listed(proc) == mine and CONF in mine,
          proc.stdout + proc.stderr)
    proc = run("show", at(HAND), CONF)
    check("… and sees theirs in full", proc.returncode == 0
          and "Words only its handler may read" in proc.stdout, proc.stderr)
    proc = run("show", at(HAND), CONF2)
    check("… but not another handler's confidential case", proc.returncode != 0
          and "Words" not in proc.stdout, proc.stdout)
    code, out, err = psql_as(HAND, "SELECT count (*) FROM cases")
    check("psql as a handler: only their cases", code == 0 and out == str(len(mine)), out + err)
    code, out, err = psql_as(HAND, "SELECT count (*) FROM events")
    theirs = owner(f"SELECT count (*) FROM events e JOIN cases c ON c.id = e.\"case\" "
                   f"WHERE c.handler = {STAFF}")
    check("psql as a handler: only their cases' events", code == 0 and out == theirs,
          f"{out} {theirs} {err}")
    code, out, err = psql_as(HAND, f"BEGIN; WITH u AS (UPDATE cases SET summary = summary "
                                   f"WHERE reference IN ('{CONF}', '{CONF2}') RETURNING 1) "
                                   f"SELECT count (*) FROM u; ROLLBACK")
    check("psql as a handler: an UPDATE reaches their own case and not another's",
          code == 0 and out == "1", out + err)
    code, out, err = psql_as(HAND2, f"SELECT reference FROM cases WHERE reference = '{CONF}'")
    check("psql as another handler: the confidential case gives nothing",
          code == 0 and out == "", out + err)

    # The reader.
    proc = run("list", at(RDR))
    check("a reader's list is refused in one line", one_line_failure(proc, "reader"),
          proc.stderr)
    for sql in ("SELECT * FROM cases", "SELECT * FROM people", "SELECT name FROM staff",
                "SELECT summary FROM cases", "SELECT reference FROM cases",
                "SELECT first_name, last_name FROM people", "SELECT * FROM events",
                "SELECT * FROM letters", "SELECT description, finding FROM case_elements"):
        code, out, err = psql_as(RDR, sql)
        check(f"psql as a reader: {sql} is refused", code != 0 and "permission denied" in err,
              out + err)
    code, out, err = psql_as(RDR, "SELECT sum (cases) FROM heed_report_counts "
                                  "('0000-01-01', '9999-12-31')")
    check("psql as a reader: the reports' counts, all cases counted",
          code == 0 and out == str(len(everything) + 1), out + err)

    for year in ("2025", "2026"):
        report = {}
        for who, where in (("reader", at(RDR)), ("owner", OWNER)):
            out_csv = os.path.join(WORK, f"report-{who}-{year}.csv")
            proc = run("report", where, "--year", year, "--format", "csv", "-o", out_csv)
            report[who] = (proc.returncode, open(out_csv).read() if proc.returncode == 0
                           else proc.stderr)
        check(f"a reader's annual report for {year} counts what the owner's does, "
              "confidential cases included",
              report["reader"][0] == 0 and report["reader"] == report["owner"],
              str(report["reader"])[:300])
    out_pdf = os.path.join(WORK, "report-reader.pdf")
    proc = run("report", at(RDR), "--year", "2026", "--format", "pdf", "-o", out_pdf)
    text = subprocess.run(["pdftotext", out_pdf, "-"], capture_output=True,
                          text=True).stdout if proc.returncode == 0 else ""
    names = [n for n in owner("SELECT string_agg (last_name, ' ') FROM people "
                              "WHERE last_name IS NOT NULL").split() if len(n) > 2]
    check("a reader's annual report names nobody",
          proc.returncode == 0 and "Complaints and feedback" in text
          and not any(re.search(rf"\b{re.escape(n)}\b", text) for n in names),
          proc.stderr + str([n for n in names if n in text]))

    # A handler's own call is theirs to handle.
    proc = run("add", at(HAND), "--kind", "concern", "--channel", "in-person", "--surname",
               "Vane", "--summary", "Raised at the end of an appointment")
    HLOGGED = proc.stdout.strip()
    check("a handler logs feedback with heed-cli", proc.returncode == 0
          and re.fullmatch(r"[A-Z]+-\d{4}-\d{3,}", HLOGGED), proc.stderr)
    check("… and the case is theirs to handle", owner(
        f"SELECT handler FROM cases WHERE reference = '{HLOGGED}'") == STAFF, HLOGGED)
    proc = run("show", at(HAND), HLOGGED)
    check("… which they see in full", proc.returncode == 0 and "Vane" in proc.stdout,
          proc.stdout + proc.stderr)
    code, out, err = psql_as(HAND2, f"SELECT count (*) FROM cases WHERE reference = "
                                    f"'{HLOGGED}'")
    check("… and another handler does not", code == 0 and out == "0", out + err)

    # The manager.
    proc = run("list", at(MGR))
    check("a manager lists every case", proc.returncode == 0
          and listed(proc) == sorted(everything + [LOGGED, HLOGGED]), proc.stderr)
    proc = run("show", at(MGR), CONF2)
    check("… confidential ones included", proc.returncode == 0, proc.stderr)
    code, out, err = psql_as(MGR, "SELECT count (*) FROM events")
    check("psql as a manager: every event", code == 0
          and out == owner("SELECT count (*) FROM events"), out + err)
    proc = run("grant", at(MGR), NEWBIE, "reception")
    check("a manager gives the reception duty", proc.returncode == 0, proc.stderr)
    proc = run("grant", at(MGR), NEWBIE, "manager")
    check("… but not the manager duty", one_line_failure(proc, "owner"), proc.stderr)
    proc = run("revoke", at(MGR), NEWBIE)
    check("… and takes duties away", proc.returncode == 0, proc.stderr)
    proc = run("list", at(NEWBIE))
    check("a role with no duty reads nothing", proc.returncode != 0, proc.stdout)
    proc = run("grant", at(REC), NEWBIE, "reception")
    check("reception may not give duties", one_line_failure(proc, "owner or a manager"),
          proc.stderr)
    proc = run("check", at(REC))
    check("reception may not check the whole practice", one_line_failure(proc, "reception"),
          proc.stderr)

    # The trail: add to it, and nothing else.
    for who in (REC, HAND, MGR, RDR, NODUTY):
        for sql in ("UPDATE audit SET detail = 'rewritten'", "DELETE FROM audit",
                    "TRUNCATE audit"):
            code, out, err = psql_as(who, sql)
            check(f"psql as {who.split('_')[1]}: {sql.split()[0]} on the trail is refused",
                  code != 0 and "permission denied" in err, err)
    for who in (REC, HAND, MGR, RDR):
        code, out, err = psql_as(who, "INSERT INTO audit (at, os_user, action, tbl, prev_hash, "
                                      "hash) VALUES ('2026-01-01T00:00:00Z', 'someone_else', "
                                      "'edit', 'cases', '', '')")
        check(f"psql as {who.split('_')[1]}: an entry naming another is refused",
              code != 0 and "must name the role signed in" in err, err)
    for who in (REC, HAND, MGR, RDR):
        code, out, err = psql_as(who, "INSERT INTO audit (at, os_user, action, tbl, prev_hash, "
                                      f"hash) SELECT '2026-01-01T00:00:00Z', '{who}', 'edit', "
                                      "'cases', hash, repeat ('0', 64) FROM audit "
                                      "ORDER BY id DESC LIMIT 1")
        check(f"psql as {who.split('_')[1]}: an entry in their own name with a made-up hash "
              "is refused", code != 0 and "chain onto the trail" in err, err)
    head = owner("SELECT hash FROM audit ORDER BY id DESC LIMIT 1")
    forged = hashlib.sha256("\x1f".join(["0" * 64, "2026-01-01T00:00:00Z", REC, "", "edit",
                                         "cases", "0", ""]).encode() + b"\x1f").hexdigest()
    code, out, err = psql_as(REC, "INSERT INTO audit (at, os_user, action, tbl, row_id, "
                                  f"prev_hash, hash) VALUES ('2026-01-01T00:00:00Z', '{REC}', "
                                  f"'edit', 'cases', 0, '{'0' * 64}', '{forged}')")
    check("psql as reception: an entry hashed right but chained onto another head is refused",
          code != 0 and "chain onto the trail" in err and head != "0" * 64, err)
    count = owner("SELECT count (*) FROM audit")
    code, out, err = psql_as(REC, "SELECT * FROM audit")
    check("psql as reception: the trail's entries are not to be read",
          code != 0 and "permission denied" in err, err)
    code, out, err = psql_as(REC, "SELECT hash FROM audit ORDER BY id DESC LIMIT 1")
    check("… only its head, to chain onto", code == 0 and len(out) == 64, out + err)

    proc = run("revoke", OWNER, REC, "reception")
    check("revoke reception", proc.returncode == 0, proc.stderr)
    proc = run("list", at(REC))
    check("… and reception's list is refused after", proc.returncode != 0, proc.stdout)
    proc = run("revoke", OWNER, REC)
    check("revoking a duty no longer held: one line", one_line_failure(proc, REC), proc.stderr)

    proc = run("check", OWNER)
    check("check passes after all of it", proc.returncode == 0, proc.stdout + proc.stderr)
    check("… and says who owns the trail", f"belongs to {PG_USER}" in proc.stdout, proc.stdout)
    proc = run("check", at(MGR))
    check("a manager's check passes too", proc.returncode == 0, proc.stdout + proc.stderr)

    # A backup put back over the practice keeps everyone's duties.
    backup = os.path.join(WORK, "duties-backup.heed")
    proc = run("backup", OWNER, backup)
    check("backup of a practice with duties", proc.returncode == 0, proc.stderr)
    proc = run("restore", backup, OWNER, "--force")
    check("restore --force over it", proc.returncode == 0, proc.stdout + proc.stderr)
    proc = run("list", at(HAND))
    check("… and a handler still lists only their cases", proc.returncode == 0
          and listed(proc) == sorted(mine + [HLOGGED]), proc.stdout + proc.stderr)
    code, out, err = psql_as(REC2, f"SELECT reference FROM cases WHERE reference = '{CONF}'")
    check("… reception still sees no confidential case", code == 0 and out == "", out + err)
    code, out, err = psql_as(REC2, "UPDATE audit SET detail = 'rewritten'")
    check("… and the trail is still append-only", code != 0 and "permission denied" in err,
          err)
except Exception as exception:  # noqa: BLE001 - report, then clean up
    check("the test ran to its end", False, repr(exception))
finally:
    finish()
