#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Proof under stress: what a practice file looks like after the worst moments.

Usage: test-stress.py PATH-TO-STRESS-WRITER PATH-TO-HEED-CLI
Prints TAP.

- Writers killed with SIGKILL at random moments, hundreds of writes in all: afterwards the file
  passes `heed-cli check`, every write reported committed is there and whole, nothing half
  written is visible, and the next writer takes the file over. The same for `heed-cli import`,
  which must be all or nothing.
- A full disk (a file size limit on the writer), a read-only file and a read-only folder: a
  clear message, and nothing that was saved is lost.
- Two processes on one file: the second is told who holds it and works read-only; no write is
  lost or interleaved.

The random moments come from a fixed seed (HEED_STRESS_SEED), so a failure can be repeated;
HEED_STRESS_ROUNDS=500 makes a longer run.

- heed-cli check run over and over (200 times at the default rounds) while a writer writes:
  never a false alarm."""

import csv
import hashlib
import io
import os
import random
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time

WRITER = sys.argv[1]
HEED_CLI = sys.argv[2]
SEED = int(os.environ.get("HEED_STRESS_SEED", "20261123"))
ROUNDS = int(os.environ.get("HEED_STRESS_ROUNDS", "30"))
IMPORT_ROUNDS = max(6, ROUNDS // 4)
ENV = {**os.environ, "LC_ALL": "C.UTF-8", "TZ": "UTC"}

results = []


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))
    return bool(condition)


def note(text):
    results.append((None, True, text))


def run(program, *args, preexec_fn=None, stdin=None, env=None):
    return subprocess.run([program, *map(str, args)], capture_output=True, text=True,
                          env=env or ENV, preexec_fn=preexec_fn, input=stdin)


def cli(*args, preexec_fn=None, env=None):
    return run(HEED_CLI, *args, preexec_fn=preexec_fn, env=env)


def one_line_error(proc):
    lines = proc.stderr.splitlines()
    return proc.returncode != 0 and len(lines) == 1 and lines[0].startswith("heed-cli: ")


def digest(path):
    if not os.path.exists(path):
        return "missing"
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def verify(path, preexec_fn=None):
    """What stress-writer finds in the file: (first, last, count, draft), or the problem."""
    proc = run(WRITER, "verify", path, preexec_fn=preexec_fn)
    found = re.search(r"^writes (\d+) (\d+) (\d+)$", proc.stdout, re.M)
    draft = re.search(r"^draft (\d+)$", proc.stdout, re.M)
    if proc.returncode != 0 or not found or not draft:
        return None, (proc.stdout + proc.stderr).strip()
    first, last, count = map(int, found.groups())
    return (first, last, count, int(draft.group(1))), ""


def count_cases(path):
    proc = cli("list", path, "--format", "csv")
    if proc.returncode != 0:
        return None
    return len(list(csv.DictReader(io.StringIO(proc.stdout))))


class Writer:
    """A stress-writer whose output is read line by line as it writes."""

    def __init__(self, path, first, count, *extra, preexec_fn=None):
        self.proc = subprocess.Popen([WRITER, "write", path, "--from", str(first),
                                      "--count", str(count), *extra],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True, env=ENV,
                                     preexec_fn=preexec_fn)
        self.lines = []
        self.committed = 0   # the highest write reported committed
        self.drafted = 0     # the highest draft reported kept

    def _take(self, line):
        self.lines.append(line.rstrip("\n"))
        word, _, rest = line.partition(" ")
        if word == "committed":
            self.committed = int(rest)
        elif word == "draft":
            self.drafted = int(rest)

    def read_until(self, predicate):
        """Reads lines until predicate(line) holds or the output ends; the line, or None."""
        for line in self.proc.stdout:
            self._take(line)
            if predicate(line.rstrip("\n")):
                return line.rstrip("\n")
        return None

    def kill(self):
        self.proc.send_signal(signal.SIGKILL)
        return self.finish()

    def finish(self):
        # Whatever it printed before it died was printed after its commit: it counts too. Read
        # through the same file object as read_until, whose buffer may hold lines already
        # (communicate() would read past them, from the pipe underneath).
        self.proc.stdin.close()
        for line in self.proc.stdout:
            self._take(line)
        self.stderr = self.proc.stderr.read()
        self.proc.stdout.close()
        self.proc.stderr.close()
        return self.proc.wait()


tmp = tempfile.mkdtemp(prefix="heed-stress-test-")
rng = random.Random(SEED)


def new_practice(name):
    path = os.path.join(tmp, name)
    proc = cli("create", path, "--name", "Stress Surgery", "--nation", "england")
    assert proc.returncode == 0, proc.stderr
    return path


def crash_rounds():
    """Writers killed at random moments; after each, the file is judged."""
    practice = new_practice("crash.heed")
    next_write = 1
    reported = 0
    drafted = 0
    writes_before_kill = []
    unreported = 0   # kills that fell after a commit and before its line was printed
    for number in range(1, ROUNDS + 1):
        writer = Writer(practice, next_write, 100000)
        # Sometimes at once (while it opens the file), mostly after some writes, and then a
        # random moment later, which falls inside a write or between two.
        wanted = 0 if rng.random() < 0.15 else rng.randint(1, 30)
        if wanted > 0:
            writer.read_until(lambda line, w=wanted: line == f"committed {next_write + w - 1}")
        time.sleep(rng.uniform(0, 0.006))
        status = writer.kill()
        if writer.committed:
            reported = writer.committed
            writes_before_kill.append(writer.committed - next_write + 1)
        drafted = max(drafted, writer.drafted)
        if not check(f"round {number}: the writer was killed, not finished",
                     status == -signal.SIGKILL, f"status {status}: {writer.stderr}"):
            return

        found, problem = verify(practice)
        if not check(f"round {number}: every write in the file is whole", found, problem):
            return
        first, last, count, draft = found
        check(f"round {number}: every write reported committed is there "
              f"(reported {reported}, found {first}..{last})",
              (reported == 0 or first == 1) and last >= reported and count == last - first + 1,
              f"found {found}, reported {reported}")
        check(f"round {number}: nothing beyond the write in hand ({last} <= {reported + 1})",
              last <= reported + 1, f"found {found}, reported {reported}, from {next_write}, "
              f"wanted {wanted}, writer said {writer.lines} {writer.stderr}")
        check(f"round {number}: the kept draft is the last reported or newer",
              draft >= drafted, f"draft {draft}, reported {drafted}")
        proc = cli("check", practice)
        check(f"round {number}: heed-cli check passes", proc.returncode == 0,
              proc.stdout + proc.stderr)
        if last == reported + 1:
            unreported += 1
        reported = max(reported, last)
        next_write = last + 1

    # The last writer's lock died with it: a new writer takes the file over and finishes.
    writer = Writer(practice, next_write, 3)
    status = writer.finish()
    check("after the kills a writer opens the file and saves", status == 0 and
          writer.lines[0] == "open writable" and writer.committed == next_write + 2,
          "\n".join(writer.lines) + writer.stderr)
    found, problem = verify(practice)
    check("after the kills every write is there once", found and found[0] == 1 and
          found[1] == next_write + 2 and found[2] == found[1], f"{found} {problem}")
    note(f"{ROUNDS} kills, {found[1] if found else '?'} writes in all; writes between kills "
         f"{min(writes_before_kill or [0])}..{max(writes_before_kill or [0])}; "
         f"{unreported} kills fell between a commit and its report")


def import_rounds():
    """heed-cli import killed at random moments: all of it or none of it, never a part."""
    demo = os.path.join(tmp, "demo.heed")
    export = os.path.join(tmp, "demo.xml")
    empty = new_practice("empty.heed")
    proc = cli("demo", demo, "--cases", "400", "--seed", "5", "--years", "1")
    assert proc.returncode == 0, proc.stderr
    proc = cli("export", demo, "--xml", "-o", export)
    assert proc.returncode == 0, proc.stderr
    total = count_cases(demo)

    work = os.path.join(tmp, "import.heed")
    started = time.monotonic()
    shutil.copy(empty, work)
    proc = cli("import", work, export)
    whole = time.monotonic() - started
    check("an import left alone finishes", proc.returncode == 0 and count_cases(work) == total,
          proc.stderr)
    os.unlink(work)

    outcomes = {"none": 0, "all": 0}
    for number in range(1, IMPORT_ROUNDS + 1):
        # Each round puts the same empty practice back, which to the anchor log is an older
        # copy put in place outside Heed: each round keeps an anchor log of its own.
        env = {**ENV, "XDG_DATA_HOME": os.path.join(tmp, f"import-round-{number}")}
        shutil.copy(empty, work)
        child = subprocess.Popen([HEED_CLI, "import", work, export], stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL, env=env)
        time.sleep(rng.uniform(0, whole * 1.2))
        child.send_signal(signal.SIGKILL)
        child.wait()
        proc = cli("check", work, env=env)
        check(f"import kill {number}: heed-cli check passes", proc.returncode == 0,
              proc.stdout + proc.stderr)
        cases = count_cases(work)
        check(f"import kill {number}: all {total} cases or none ({cases})",
              cases in (0, total), f"{cases} cases")
        outcomes["none" if cases == 0 else "all"] += 1
        if cases == 0:
            # The dead import's lock is taken over and the import can be run again.
            proc = cli("import", work, export, env=env)
            check(f"import kill {number}: the import runs again afterwards",
                  proc.returncode == 0 and count_cases(work) == total, proc.stderr)
        for suffix in ("", "-wal", "-shm", ".lock"):
            if os.path.exists(work + suffix):
                os.unlink(work + suffix)
    note(f"{IMPORT_ROUNDS} imports killed: {outcomes['none']} left nothing, "
         f"{outcomes['all']} had finished; an import takes {whole:.2f} s")
    return export, total


CHECK_ROUNDS = max(20, ROUNDS * 20 // 3)


def check_while_writing():
    """heed-cli check over and over while writers write: it reads one moment of the file, so
    a record and its audit entry are seen together or not at all, and it never reports rows
    "added outside Heed" that Heed itself is writing."""
    writer = None
    false_alarms = []
    grew = 0
    writes = 0
    last_seen = None
    for number in range(1, CHECK_ROUNDS + 1):
        # A new practice every 40 checks keeps it small, so the checks stay quick.
        if number % 40 == 1:
            if writer is not None:
                writer.kill()
                writes += writer.committed
            practice = new_practice(f"checked-{number}.heed")
            writer = Writer(practice, 1, 100000, "--attachment-size", "256")
            writer.read_until(lambda line: line.startswith("committed "))
        proc = cli("check", practice)
        if proc.returncode != 0:
            false_alarms.append(f"check {number}: {proc.stdout}{proc.stderr}")
        entries = re.search(r"Audit trail: (\d+) entries", proc.stdout)
        if entries and entries.group(1) != last_seen:
            grew += 1
            last_seen = entries.group(1)
    writer.kill()
    writes += writer.committed
    check(f"{CHECK_ROUNDS} checks while a writer writes: no false alarm",
          not false_alarms and grew > 1,
          f"{len(false_alarms)} failed, the trail grew between {grew} checks\n"
          + "\n".join(false_alarms[:3]))
    proc = cli("check", practice)
    check("after the checks the file passes its check", proc.returncode == 0,
          proc.stdout + proc.stderr)
    note(f"{CHECK_ROUNDS} checks while writing, {writes} writes meanwhile; "
         f"the trail had grown at {grew} of them")


def one_case_export():
    """An export of one case from this year, which conflicts with no stress write (2001)."""
    path = os.path.join(tmp, "one-case.xml")
    practice = os.path.join(tmp, "one-case.heed")
    proc = cli("demo", practice, "--cases", "1", "--years", "1", "--seed", "9")
    assert proc.returncode == 0, proc.stderr
    proc = cli("export", practice, "--xml", "-o", path)
    assert proc.returncode == 0, proc.stderr
    return path


def file_size_limit(limit):
    """For a child: a disk that is full at @limit bytes, as writes see it."""
    def apply():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def disk_full(export, total):
    practice = new_practice("full.heed")
    limit = os.path.getsize(practice) + 200 * 1024
    writer = Writer(practice, 1, 1000, preexec_fn=file_size_limit(limit))
    status = writer.finish()
    check("disk full: the writer stops with an error", status == 1 and
          writer.committed < 1000, "\n".join(writer.lines[-3:]) + writer.stderr)
    # SQLite calls only ENOSPC a full disk; a size limit (EFBIG) is an I/O error to it. Either
    # way the person is told that nothing was saved; disk_full_tmpfs() checks the wording.
    check("disk full (file size limit): the message says nothing was saved",
          "Nothing was saved" in writer.stderr or "nothing was saved" in writer.stderr,
          writer.stderr)
    found, problem = verify(practice)
    check(f"disk full: all {writer.committed} writes reported committed are there, whole",
          found and writer.committed > 0 and found[:3] == (1, writer.committed, writer.committed),
          f"{found} {problem}")
    proc = cli("check", practice)
    check("disk full: heed-cli check passes afterwards", proc.returncode == 0,
          proc.stdout + proc.stderr)
    writer = Writer(practice, writer.committed + 1, 2)
    check("disk full: with room again, writing goes on", writer.finish() == 0 and
          writer.lines[-1] == "closed", "\n".join(writer.lines) + writer.stderr)

    target = new_practice("full-import.heed")
    before = digest(target)
    proc = cli("import", target, export,
               preexec_fn=file_size_limit(os.path.getsize(target) + 64 * 1024))
    check("disk full: import fails with one clear line", one_line_error(proc) and
          "Nothing was imported" in proc.stderr and "saved" in proc.stderr, proc.stderr)
    check("disk full: the practice file is as it was", digest(target) == before and
          count_cases(target) == 0)
    proc = cli("check", target)
    check("disk full: heed-cli check passes after the failed import", proc.returncode == 0,
          proc.stdout + proc.stderr)
    proc = cli("import", target, export)
    check("disk full: with room again, the import goes in whole", proc.returncode == 0 and
          count_cases(target) == total, proc.stderr)


TMPFS_SCRIPT = r"""
set -u
mount -t tmpfs -o size=1m heed-full "$1" || exit 97
cp "$4" "$1/p.heed"
echo "== write"
"$2" write "$1/p.heed" --from 1 --count 100000
echo "== status $?"
"$2" verify "$1/p.heed" 2>&1
"$3" check "$1/p.heed" >/dev/null 2>&1
echo "== check $?"
mount -o remount,size=64m "$1"
last=$("$2" verify "$1/p.heed" | sed -n 's/^writes [0-9]* \([0-9]*\) .*/\1/p')
"$2" write "$1/p.heed" --from $((last + 1)) --count 3 >/dev/null
echo "== more $?"
"$2" verify "$1/p.heed" 2>&1
"""


def disk_full_tmpfs():
    """A real full disk (ENOSPC): a 1 MB tmpfs in a private mount namespace, which a plain
    user may make where user namespaces are allowed (Debian's default)."""
    folder = os.path.join(tmp, "small-disk")
    os.mkdir(folder)
    practice = new_practice("small-disk.heed")
    proc = subprocess.run(["unshare", "-r", "-m", "/bin/sh", "-c", TMPFS_SCRIPT, "sh", folder,
                           WRITER, HEED_CLI, practice], capture_output=True, text=True, env=ENV)
    if proc.returncode == 97 or "== write" not in proc.stdout:
        results.append(("disk full on a small tmpfs # SKIP no private mount namespace here: "
                        + proc.stderr.strip().replace("\n", " "), True, ""))
        return
    out = proc.stdout
    committed = [int(n) for n in re.findall(r"^committed (\d+)$", out, re.M)]
    status = re.search(r"^== status (\d+)$", out, re.M)
    found = [tuple(map(int, m)) for m in re.findall(r"^writes (\d+) (\d+) (\d+)$", out, re.M)]
    detail = out + proc.stderr
    check("disk full (tmpfs): the writer stops with an error", status and
          status.group(1) == "1" and committed, detail)
    check("disk full (tmpfs): the message says the disk is full and nothing was saved",
          "The disk is full, so nothing was saved. Make some room and try again." in
          proc.stderr, proc.stderr)
    check("disk full (tmpfs): every write reported committed is there, whole",
          found and committed and found[0] == (1, max(committed), max(committed)), detail)
    check("disk full (tmpfs): heed-cli check passes on the full disk", "== check 0" in out,
          detail)
    check("disk full (tmpfs): with room again, writing goes on", "== more 0" in out and
          len(found) == 2 and found[1] == (1, max(committed) + 3, max(committed) + 3), detail)
    note(f"a 1 MB disk took {max(committed) if committed else 0} writes before it was full")


def as_plain_user():
    """Root may write anywhere, so when we are root the read-only cases run the child as
    nobody. Returns (preexec_fn, uid), or (None, None) when we are not root."""
    if os.geteuid() != 0:
        return None, None

    def demote():
        os.setgid(65534)
        os.setgroups([])
        os.setuid(65534)
    return demote, 65534


def read_only(export):
    demote, uid = as_plain_user()
    folder = os.path.join(tmp, "shared")
    os.mkdir(folder)
    practice = os.path.join(folder, "practice.heed")
    if uid is not None:
        os.chmod(tmp, 0o711)
        os.chown(folder, uid, uid)
        os.chmod(export, 0o644)
        proc = cli("--help", preexec_fn=demote)
        if proc.returncode != 0:
            results.append(("read-only cases # SKIP as root, and nobody cannot run heed-cli "
                            "from this build folder", True, ""))
            return
    proc = cli("create", practice, "--name", "Read Only Surgery", "--nation", "wales",
               preexec_fn=demote)
    check("read-only: a practice made by the user", proc.returncode == 0, proc.stderr)
    writer = Writer(practice, 1, 5, preexec_fn=demote)
    check("read-only: five writes saved", writer.finish() == 0 and writer.committed == 5,
          writer.stderr)

    # The file read-only, the folder writable.
    os.chmod(practice, 0o400)
    before = digest(practice)
    proc = cli("import", practice, export, preexec_fn=demote)
    check("read-only file: import fails with one clear line", one_line_error(proc) and
          "may not write to the practice file" in proc.stderr, proc.stderr)
    writer = Writer(practice, 6, 1, preexec_fn=demote)
    writer.finish()
    check("read-only file: a writer is refused at the door with a clear message",
          writer.proc.returncode == 1 and writer.lines == [] and
          "may not write to the practice file" in writer.stderr, writer.stderr)
    writer = Writer(practice, 6, 1, "--read-only-if-locked", preexec_fn=demote)
    writer.finish()
    check("read-only file: it opens read-only, takes no lock, and says why a write fails",
          writer.lines[:1] == ["open read-only: nobody (pid 0)"] and writer.committed == 0 and
          not os.path.exists(practice + ".lock") and
          "because you may not write to it" in writer.stderr,
          "\n".join(writer.lines) + writer.stderr)
    found, problem = verify(practice, preexec_fn=demote)
    check("read-only file: everything saved can still be read", found and
          found[:3] == (1, 5, 5), f"{found} {problem}")
    check("read-only file: the file is unchanged", digest(practice) == before)
    os.chmod(practice, 0o600)

    # The folder read-only (no lock file can be made), the file writable. As after a clean
    # close, there are no working files (-wal, -shm) beside it.
    for suffix in ("-wal", "-shm"):
        if os.path.exists(practice + suffix):
            os.unlink(practice + suffix)
    os.chmod(folder, 0o555)
    proc = cli("import", practice, export, preexec_fn=demote)
    check("read-only folder: import fails with one clear line", one_line_error(proc) and
          "lock file" in proc.stderr and "folder" in proc.stderr, proc.stderr)
    # Reading needs the working files too, which cannot be made: say so, not "not saved".
    proc = cli("list", practice, preexec_fn=demote)
    check("read-only folder: heed-cli list says the folder is the trouble", one_line_error(proc)
          and "cannot open the practice file in this folder" in proc.stderr and
          "saved" not in proc.stderr, proc.stderr)
    check("read-only folder: the file is unchanged", digest(practice) == before)
    os.chmod(folder, 0o755)
    found, problem = verify(practice, preexec_fn=demote)
    check("read-only folder: with the folder writable again, everything saved is there",
          found and found[:3] == (1, 5, 5), f"{found} {problem}")


def two_at_once(export):
    practice = new_practice("shared.heed")
    holder = Writer(practice, 1, 40, "--pause-after", "10")
    held = holder.read_until(lambda line: line == "holding")
    check("two at once: the first writer holds the file after 10 writes",
          held and holder.committed == 10, "\n".join(holder.lines))
    pid = holder.proc.pid
    user = subprocess.run(["id", "-un"], capture_output=True, text=True).stdout.strip()

    before = count_cases(practice)
    proc = cli("import", practice, export)
    check("two at once: a second writer is refused and told who holds the file",
          one_line_error(proc) and "in use by" in proc.stderr and user in proc.stderr and
          os.uname().nodename in proc.stderr, proc.stderr)
    check("two at once: the refused import changed nothing", count_cases(practice) == before)

    second = Writer(practice, 1000, 5, "--read-only-if-locked")
    second.finish()
    first_line = second.lines[0] if second.lines else ""
    check("two at once: the second opens read-only and is told who holds it",
          first_line.startswith("open read-only: ") and user in first_line and
          f"(pid {pid})" in first_line, "\n".join(second.lines) + second.stderr)
    check("two at once: a write from the read-only second is refused, naming the holder",
          second.proc.returncode == 1 and second.committed == 0 and
          "read-only because it is in use by" in second.stderr, second.stderr)

    found, problem = verify(practice)
    check("two at once: a reader sees the holder's 10 writes", found and
          found[:3] == (1, 10, 10), f"{found} {problem}")
    proc = cli("check", practice)
    check("two at once: heed-cli check passes while the file is held", proc.returncode == 0,
          proc.stdout + proc.stderr)

    # The holder goes on; readers look in while it writes and never see half a write.
    holder.proc.stdin.write("go on\n")
    holder.proc.stdin.flush()
    seen = []
    while holder.proc.poll() is None and len(seen) < 10:
        found, problem = verify(practice)
        if not check("two at once: a reader during the writes sees only whole writes",
                     found and found[0] == 1 and found[2] == found[1], f"{found} {problem}"):
            break
        seen.append(found[1])
    status = holder.finish()
    check("two at once: the holder finishes all 40", status == 0 and holder.committed == 40,
          holder.stderr)
    check("two at once: what readers saw only grew", seen == sorted(seen), str(seen))
    found, problem = verify(practice)
    check("two at once: all 40 writes there, once each, none from the second",
          found and found[:3] == (1, 40, 40), f"{found} {problem}")

    # Two writers started together race for the file: one wins, the other is told, and the
    # same writes are never made twice. The winner holds the file after its first write until
    # both have been heard from, so how fast each starts does not matter.
    for number in range(1, 6):
        first = found[1] + 1
        racers = [Writer(practice, first, 8, "--pause-after", "1") for _ in range(2)]
        holding = [racer.read_until(lambda line: line == "holding") for racer in racers]
        for racer, held in zip(racers, holding):
            if held:
                racer.proc.stdin.write("go on\n")
                racer.proc.stdin.flush()
        statuses = sorted(racer.finish() for racer in racers)
        refused = [r for r in racers if r.proc.returncode != 0]
        check(f"race {number}: one writer wins and the other is told the file is in use",
              statuses == [0, 1] and "in use by" in refused[0].stderr,
              f"{statuses} {[r.stderr for r in racers]}")
        found, problem = verify(practice)
        check(f"race {number}: the winner's writes are there once each",
              found and found[:3] == (1, first + 7, first + 7), f"{found} {problem}")
        if not found:
            break
    writer = Writer(practice, found[1] + 1 if found else 1, 1)
    check("two at once: once both have gone, the file opens for writing",
          writer.finish() == 0 and writer.lines[0] == "open writable", writer.stderr)


def damaged_backups():
    """A backup of a damaged file is refused; so is a restore from a damaged backup, --force
    or not, and the practice it would have replaced is left exactly as it was."""
    import sqlite3
    practice = os.path.join(tmp, "damage.heed")
    proc = cli("demo", practice, "--cases", "20", "--seed", "4")
    assert proc.returncode == 0, proc.stderr

    def damage(path):
        db = sqlite3.connect(path)
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
        root = db.execute("SELECT rootpage FROM sqlite_schema WHERE name = 'cases'").fetchone()[0]
        db.close()
        with open(path, "r+b") as f:
            f.seek((root - 1) * page_size)
            f.write(b"\xff" * 64)

    damaged = os.path.join(tmp, "damaged.heed")
    shutil.copy(practice, damaged)
    damage(damaged)
    dest = os.path.join(tmp, "backup-of-damaged.heed")
    proc = cli("backup", damaged, dest)
    check("damage: a backup of a damaged file is refused with one line", one_line_error(proc)
          and "checked the copy" not in proc.stdout, proc.stdout + proc.stderr)
    check("damage: nothing is left under the backup's name", not os.path.lexists(dest) and
          not [n for n in os.listdir(tmp) if n.startswith("backup-of-damaged.heed")])

    backup = os.path.join(tmp, "backup-then-damaged.heed")
    proc = cli("backup", practice, backup)
    check("damage: a backup of the good file is made", proc.returncode == 0, proc.stderr)
    damage(backup)
    before = digest(practice)
    proc = cli("restore", backup, practice, "--force")
    check("damage: restore --force from a damaged backup is refused with one line",
          one_line_error(proc), proc.stdout + proc.stderr)
    check("damage: the practice is exactly as it was", digest(practice) == before)
    proc = cli("check", practice)
    check("damage: the practice passes its check after the refused restore",
          proc.returncode == 0, proc.stdout + proc.stderr)


try:
    damaged_backups()
    crash_rounds()
    check_while_writing()
    export, total = import_rounds()
    disk_full(export, total)
    disk_full_tmpfs()
    one_case = one_case_export()
    read_only(one_case)
    two_at_once(one_case)
except Exception as error:  # a broken harness must fail the test, not pass it
    import traceback
    check("the stress test ran to the end", False, traceback.format_exc())
finally:
    if os.path.isdir(tmp):
        for root, dirs, files in os.walk(tmp):
            for name in dirs:
                os.chmod(os.path.join(root, name), 0o755)
        shutil.rmtree(tmp, ignore_errors=True)

tests = [r for r in results if r[0] is not None]
print(f"1..{len(tests)}")
number = 0
for name, ok, detail in results:
    if name is None:
        print(f"# {detail}")
        continue
    number += 1
    print(f"{'ok' if ok else 'not ok'} {number} - {name}")
    if not ok:
        for line in str(detail).splitlines():
            print(f"# {line}")
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
