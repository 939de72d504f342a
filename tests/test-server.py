#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A practice on a real PostgreSQL server, through heed-cli, as a practice's seats use it.

Usage: test-server.py PATH-TO-HEED-CLI
Needs the test run's cluster (HEED_TEST_PG_HOST, its socket folder, and HEED_TEST_PG_USER);
without one every test is reported as skipped. Prints TAP.

- many seats at once: 8 processes each logging 50 calls make 400 distinct references and a
  trail that checks;
- a writer killed with SIGKILL in the middle of an import loses only its own work;
- a practice copied from a file to a server and back prints the same lists, cases, deadlines
  and reports, and checks on every side; backup and restore of a server practice;
- a password in a location never appears in anything Heed prints."""

import csv
import os
import re
import signal
import subprocess
import sys
import tempfile
import time

HEED_CLI = sys.argv[1]
PG_HOST = os.environ.get("HEED_TEST_PG_HOST", "")
PG_USER = os.environ.get("HEED_TEST_PG_USER", "heed")
PG_BIN = os.environ.get("HEED_PG_BIN", "/usr/lib/postgresql/15/bin")
results = []
databases = []
ENV = {**os.environ, "LC_ALL": "C.UTF-8", "TZ": "UTC"}
# The test's own PostgreSQL programs talk to the cluster; Heed is given locations only.
ENV.pop("PGHOST", None)
ENV.pop("PGDATABASE", None)


def run(*args):
    return subprocess.run([HEED_CLI, *args], capture_output=True, text=True, env=ENV)


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def psql(database, sql):
    proc = subprocess.run([os.path.join(PG_BIN, "psql"), "-X", "-q", "-A", "-t", "-h", PG_HOST,
                           "-U", PG_USER, "-d", database, "-v", "ON_ERROR_STOP=1", "-c", sql],
                          capture_output=True, text=True, env=ENV)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr)
    return proc.stdout.strip()


def new_database():
    name = f"heed_srv_{os.getpid()}_{len(databases)}"
    subprocess.run([os.path.join(PG_BIN, "createdb"), "-h", PG_HOST, "-U", PG_USER, name],
                   check=True, env=ENV)
    databases.append(name)
    return name


def location(database, password=None):
    who = PG_USER if password is None else f"{PG_USER}:{password}"
    return f"postgresql://{who}@/{database}?host={PG_HOST}"


def references(listing):
    return [row[0] for row in csv.reader(listing.splitlines()[1:]) if row]


def finish():
    for name in databases:
        subprocess.run([os.path.join(PG_BIN, "dropdb"), "-h", PG_HOST, "-U", PG_USER,
                        "--force", "--if-exists", name], capture_output=True, env=ENV)
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

tmp = tempfile.mkdtemp(prefix="heed-server-test-")

try:
    # A practice made on an empty database, and refused on one that holds a practice.
    seats = new_database()
    seats_at = location(seats)
    proc = run("create", seats_at, "--name", "Server Surgery", "--nation", "england")
    check("create on an empty database", proc.returncode == 0, proc.stdout + proc.stderr)
    proc = run("check", seats_at)
    check("a new server practice checks", proc.returncode == 0, proc.stdout + proc.stderr)
    proc = run("create", seats_at, "--name", "Again", "--nation", "england")
    check("create on a database that holds a practice is refused in one line",
          proc.returncode != 0 and len(proc.stderr.splitlines()) == 1, proc.stderr)
    proc = run("list", location("heed_no_such_database"))
    check("a database that is not there: one line naming it",
          proc.returncode != 0 and len(proc.stderr.splitlines()) == 1
          and "heed_no_such_database" in proc.stderr, proc.stderr)

    # Eight seats logging fifty calls each, all at once.
    script = ("for i in $(seq 1 50); do \"$0\" add \"$1\" --kind complaint --channel phone "
              "--received 2026-03-02T09:$(printf %02d $((i % 60))) "
              "--summary \"Call $i from seat $2\" --surname \"Seat$2\" || exit 1; done")
    workers = [subprocess.Popen(["sh", "-c", script, HEED_CLI, seats_at, str(seat)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                env=ENV)
               for seat in range(8)]
    printed = []
    failures = []
    for worker in workers:
        out, err = worker.communicate()
        printed += out.split()
        if worker.returncode != 0:
            failures.append(err)
    check("8 seats × 50 calls at once: every add succeeds", not failures, "\n".join(failures))
    check("… printing 400 references, all distinct",
          len(printed) == 400 and len(set(printed)) == 400, f"{len(printed)} printed, "
          f"{len(set(printed))} distinct")
    check("… each a reference of the year it was received",
          all(re.fullmatch(r"C-2026-\d{3,}", ref) for ref in printed), printed[:5])
    proc = run("list", seats_at, "--format", "csv")
    listed = references(proc.stdout)
    check("… and the list holds those 400 cases",
          proc.returncode == 0 and sorted(listed) == sorted(printed),
          f"{len(listed)} listed" + proc.stderr)
    proc = run("check", seats_at)
    check("… and the trail is one chain that checks", proc.returncode == 0,
          proc.stdout + proc.stderr)

    # A writer killed mid-import loses only its own work.
    big = os.path.join(tmp, "big-log.csv")
    with open(big, "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["Ref", "Date Rec'd", "Name", "Type", "Summary"])
        for i in range(20000):
            writer.writerow([f"OLD-{i}", "03/04/2024", f"Mr Test Person{i}", "Complaint",
                             f"Imported complaint number {i}"])
    before = run("list", seats_at, "--format", "csv").stdout
    importer = subprocess.Popen([HEED_CLI, "import-table", seats_at, big],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV)
    in_transaction = False
    # Waits for the import's transaction to be open on the server, then kills its writer.
    while importer.poll() is None and not in_transaction:
        in_transaction = psql(seats, "SELECT count (*) FROM pg_stat_activity "
                                     f"WHERE datname = '{seats}' AND xact_start IS NOT NULL "
                                     "AND pid <> pg_backend_pid () "
                                     "AND application_name = 'Heed'") != "0"
        if not in_transaction:
            time.sleep(0.01)
    importer.send_signal(signal.SIGKILL)
    importer.communicate()
    check("the import was killed inside its transaction", in_transaction,
          "it finished before its transaction was seen")
    # The server rolls the dead writer's transaction back once it sees the socket closed.
    while psql(seats, "SELECT count (*) FROM pg_stat_activity "
                      f"WHERE datname = '{seats}' AND pid <> pg_backend_pid ()") != "0":
        time.sleep(0.05)
    after = run("list", seats_at, "--format", "csv").stdout
    check("… nothing of the killed import is there, and nothing else is lost",
          after == before, f"{len(references(before))} before, {len(references(after))} after")
    proc = run("add", seats_at, "--kind", "concern", "--channel", "email",
               "--received", "2026-03-03T10:00", "--summary", "After the kill")
    check("… the next seat saves at once", proc.returncode == 0 and
          re.fullmatch(r"CN-2026-\d{3,}\n", proc.stdout), proc.stdout + proc.stderr)
    proc = run("check", seats_at)
    check("… and the practice checks", proc.returncode == 0, proc.stdout + proc.stderr)

    # A practice file copied onto a server and back prints the same everywhere.
    demo = os.path.join(tmp, "demo.heed")
    proc = run("demo", demo, "--cases", "120", "--years", "2", "--seed", "7")
    check("a demo practice file", proc.returncode == 0, proc.stderr)
    served = new_database()
    served_at = location(served)
    proc = run("copy", demo, served_at)
    check("copy a practice file onto a server", proc.returncode == 0, proc.stdout + proc.stderr)
    back = os.path.join(tmp, "back.heed")
    proc = run("copy", served_at, back)
    check("copy it back into a new file", proc.returncode == 0, proc.stdout + proc.stderr)

    def prints(where):
        shown = {}
        listing = run("list", where, "--format", "csv")
        shown["list"] = listing.stdout + listing.stderr
        for ref in references(listing.stdout)[::10]:
            shown[f"show {ref}"] = run("show", where, ref).stdout
        shown["list --search"] = run("list", where, "--search", "appointment").stdout
        shown["deadlines"] = run("deadlines", where, "--today", "2026-06-01").stdout
        shown["ko41b"] = run("ko41b", where, "--year", "2025", "--format", "csv").stdout
        out = os.path.join(tmp, "report.csv")
        run("report", where, "--year", "2025", "--format", "csv", "-o", out)
        with open(out) as f:
            shown["report"] = f.read()
        os.unlink(out)
        return shown

    on_file, on_server, on_copy = prints(demo), prints(served_at), prints(back)
    check("the file's list is not empty", len(references(on_file["list"])) >= 100,
          on_file["list"][:400])
    for name in on_file:
        check(f"{name}: the same on the server as in the file",
              on_server.get(name) == on_file[name],
              f"file:\n{on_file[name][:800]}\nserver:\n{str(on_server.get(name))[:800]}")
        check(f"{name}: the same in the copy back as in the file",
              on_copy.get(name) == on_file[name], str(on_copy.get(name))[:800])
    for where in (served_at, back):
        proc = run("check", where)
        check(f"the copy checks ({'server' if where == served_at else 'file'})",
              proc.returncode == 0, proc.stdout + proc.stderr)
    taken = new_database()
    proc = run("copy", demo, location(taken))
    proc = run("copy", demo, location(taken))
    check("copy onto a database that holds a practice is refused, in one line",
          proc.returncode != 0 and len(proc.stderr.splitlines()) == 1, proc.stderr)

    # Backup and restore of a server practice.
    backup = os.path.join(tmp, "backup.heed")
    proc = run("backup", served_at, backup)
    check("backup of a server practice writes a practice file",
          proc.returncode == 0 and os.path.exists(backup), proc.stdout + proc.stderr)
    proc = run("check", backup)
    check("… which checks", proc.returncode == 0, proc.stdout + proc.stderr)
    restored = new_database()
    proc = run("restore", backup, location(restored))
    check("restore a backup into an empty database", proc.returncode == 0,
          proc.stdout + proc.stderr)
    check("… which lists what the practice held",
          run("list", location(restored), "--format", "csv").stdout == on_file["list"])

    # Restoring over a server practice: refused without --force, while anyone is connected,
    # and to anyone but the database's owner; with --force, all of it replaced at once.
    proc = run("add", location(restored), "--kind", "complaint", "--channel", "phone",
               "--summary", "Logged after the backup", "--surname", "Later")
    later = proc.stdout.strip()
    check("a case logged after the backup", proc.returncode == 0 and later, proc.stderr)
    proc = run("restore", backup, location(restored))
    check("restore over a server practice without --force: refused in one line naming --force",
          proc.returncode != 0 and len(proc.stderr.splitlines()) == 1
          and "--force" in proc.stderr, proc.stderr)
    seat = subprocess.Popen([os.path.join(PG_BIN, "psql"), "-X", "-q", "-h", PG_HOST, "-U",
                             PG_USER, "-d", restored, "-c", "SELECT pg_sleep (60)"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    try:
        for _ in range(200):
            if psql(restored, "SELECT count (*) FROM pg_stat_activity WHERE datname = "
                              "current_database () AND pid <> pg_backend_pid () AND backend_type = 'client backend'") != "0":
                break
            time.sleep(0.05)
        proc = run("restore", backup, location(restored), "--force")
        check("restore --force while another seat is connected: refused in one line",
              proc.returncode != 0 and len(proc.stderr.splitlines()) == 1
              and "still connected" in proc.stderr, proc.stderr)
    finally:
        seat.kill()
        seat.wait()
        # The server would keep the seat's backend until its sleep ends.
        psql(restored, "SELECT count (pg_terminate_backend (pid)) FROM pg_stat_activity "
                       "WHERE datname = current_database () AND pid <> pg_backend_pid ()")
    check("… and nothing was changed", later in run("list", location(restored)).stdout)
    stranger = f"heed_stranger_{os.getpid()}"
    psql("postgres", f'CREATE ROLE "{stranger}" LOGIN')
    try:
        psql(restored, f'GRANT ALL ON ALL TABLES IN SCHEMA public TO "{stranger}"')
        proc = run("restore", backup, f"postgresql://{stranger}@/{restored}?host={PG_HOST}",
                   "--force")
        check("restore --force by a role that does not own the database: refused in one line",
              proc.returncode != 0 and len(proc.stderr.splitlines()) == 1
              and "owner" in proc.stderr, proc.stderr)
    finally:
        psql(restored, f'REVOKE ALL ON ALL TABLES IN SCHEMA public FROM "{stranger}"')
        psql("postgres", f'DROP ROLE "{stranger}"')
    for _ in range(200):
        if psql(restored, "SELECT count (*) FROM pg_stat_activity WHERE datname = "
                          "current_database () AND pid <> pg_backend_pid () AND backend_type = 'client backend'") == "0":
            break
        time.sleep(0.05)
    proc = run("restore", backup, location(restored), "--force")
    check("restore --force by the owner, nobody connected", proc.returncode == 0,
          proc.stdout + proc.stderr)
    listing = run("list", location(restored), "--format", "csv").stdout
    check("… puts back what the backup held, the later case gone",
          listing == on_file["list"] and later not in listing, listing[:300])
    proc = run("check", location(restored))
    check("… and the practice checks", proc.returncode == 0, proc.stdout + proc.stderr)

    # A password given in the location is used, never shown.
    secret = "Sekr1t-pass-7781"
    outputs = []
    for args in (["list", location(served, secret), "--kind", "compliment"],
                 ["check", location(served, secret)],
                 ["show", location(served, secret), "C-1999-999"],
                 ["list", location("heed_not_there", secret)],
                 ["backup", location(served, secret), os.path.join(tmp, "pw.heed")],
                 ["add", location(served, secret), "--kind", "complaint"],
                 ["create", location(served, secret), "--name", "X", "--nation", "wales"]):
        proc = run(*args)
        outputs.append(proc.stdout + proc.stderr)
    check("a password in the location appears in no output or message",
          all(secret not in out for out in outputs) and any(out for out in outputs),
          "\n".join(out for out in outputs if secret in out))
    dumped = psql(served, "SELECT string_agg (CAST (t AS TEXT), ' ') FROM audit AS t")
    check("… nor in the trail", secret not in dumped and dumped != "")
except Exception as exc:  # noqa: BLE001 - any failure is a failed test, said plainly
    check("the test ran to its end", False, repr(exc))
finally:
    finish()
