#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""heed-cli as a careless user or an attacker would use it: outputs aimed at the practice,
links and pipes planted beside it, damaged backups, standard output on a full disk, and values
at the edges.

Usage: test-hostile-outputs.py PATH-TO-HEED-CLI
Prints TAP. Every refusal is one line on stderr with a non-zero exit, and after each class of
attack the practice file is exactly as it was (its SHA-256) and `heed-cli check` passes."""

import hashlib
import os
import resource
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import tempfile

HEED_CLI = sys.argv[1]
ENV = {**os.environ, "LC_ALL": "C.UTF-8", "TZ": "UTC"}
TIMEOUT = 30  # a command waiting on a pipe would wait for ever: this is the bound, not a timing
results = []


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))
    return bool(condition)


def skip(name, why):
    results.append((f"{name} # SKIP {why}", True, ""))


def run(*args, stdout=subprocess.PIPE, preexec_fn=None, program=None):
    try:
        return subprocess.run(program or [HEED_CLI, *map(str, args)], stdout=stdout,
                              stderr=subprocess.PIPE, text=True, env=ENV, timeout=TIMEOUT,
                              preexec_fn=preexec_fn)
    except subprocess.TimeoutExpired as expired:
        return subprocess.CompletedProcess(expired.cmd, "timeout", "", "timed out: it hung")


def one_line_error(proc):
    lines = (proc.stderr or "").splitlines()
    return (proc.returncode not in (0, "timeout") and len(lines) == 1
            and lines[0].startswith("heed-cli: "))


def digest(path):
    if not os.path.exists(path):
        return "missing"
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def unchanged(what, path, before):
    """The practice file after an attack: the same bytes, and it passes its check."""
    check(f"{what}: the practice file is unchanged", digest(path) == before,
          f"{before} -> {digest(path)}")
    proc = run("check", path)
    check(f"{what}: heed-cli check passes", proc.returncode == 0, proc.stdout + proc.stderr)


def listing(folder):
    return sorted(os.listdir(folder))


tmp = tempfile.mkdtemp(prefix="heed-hostile-test-")
practice = os.path.join(tmp, "F.heed")
os.umask(0o022)
# The anchor log of this test alone: each class puts the same pristine practice back in
# place, which to the anchor log is an older copy put in place outside Heed, so fresh()
# starts the log afresh too.
ENV["XDG_DATA_HOME"] = os.path.join(tmp, "data-home")


def make_demo(path):
    proc = run("demo", path, "--cases", "30", "--seed", "1")
    assert proc.returncode == 0, proc.stderr
    return path


def fresh():
    """Each class starts from the same untouched demo practice, so one class's damage cannot
    hide or cause another's."""
    for suffix in ("", "-wal", "-shm", ".lock"):
        if os.path.lexists(practice + suffix):
            os.unlink(practice + suffix)
    anchors = os.path.join(ENV["XDG_DATA_HOME"], "heed", "anchors")
    if os.path.exists(anchors):
        os.unlink(anchors)
    shutil.copy2(pristine, practice)


def first_reference(path):
    proc = run("list", path, "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.splitlines()[1].split(",")[0]


def output_commands(ref, target):
    """Every heed-cli command that writes a file, aimed at @target."""
    return {
        "letter": ["letter", practice, ref, "acknowledgement", "-o", target],
        "export --xml": ["export", practice, "--xml", "-o", target],
        "export --csv": ["export", practice, "--csv", "-o", target],
        "report pdf": ["report", practice, "--year", "2025", "--format", "pdf", "-o", target],
        "report html": ["report", practice, "--year", "2025", "--format", "html", "-o", target],
        "report csv": ["report", practice, "--year", "2025", "--format", "csv", "-o", target],
        "publicity": ["publicity", practice, "--kind", "poster", "-o", target],
        "timeline pdf": ["timeline", practice, "-o", target],
        "timeline png": ["timeline", practice, ref, "-o", target],
    }


def outputs_never_replace_a_practice(ref):
    """Class 1: -o the practice, its companions, a link to it, a folder, a pipe, a device."""
    fresh()
    before = digest(practice)
    other = make_demo(os.path.join(tmp, "other.heed"))
    other_before = digest(other)
    link = os.path.join(tmp, "link.pdf")
    os.symlink(practice, link)
    png_link = os.path.join(tmp, "link.png")
    os.symlink(practice, png_link)
    folder = os.path.join(tmp, "folder.pdf")
    os.mkdir(folder)
    fifo = os.path.join(tmp, "pipe.pdf")
    os.mkfifo(fifo)
    # The -wal and -shm are there while the practice is open; -o names them even when not.
    targets = {
        "the practice": practice,
        "another practice": other,
        "its -wal": practice + "-wal",
        "its -shm": practice + "-shm",
        "its .lock": practice + ".lock",
        "a link to it": link,
        "a folder": folder,
        "a FIFO": fifo,
        "/dev/null": "/dev/null",
        "/dev/full": "/dev/full",
    }
    existed = {name: os.path.lexists(path) for name, path in targets.items()}
    for target_name, target in targets.items():
        for command, args in output_commands(ref, target).items():
            # timeline picks PDF or PNG by the name, so it is aimed only at .pdf and .png
            # names (a link, a folder, a pipe named so); the PNG at a link named .png.
            if command == "timeline pdf" and not target.endswith(".pdf"):
                continue
            if command == "timeline png":
                if target != link:
                    continue
                args = args[:-1] + [png_link]
            proc = run(*args)
            check(f"{command} -o {target_name}: refused with one line", one_line_error(proc),
                  f"{proc.returncode} {proc.stdout} {proc.stderr}")
    check("the link still points at the practice", os.path.islink(link)
          and os.readlink(link) == practice)
    check("the FIFO is still a FIFO", stat.S_ISFIFO(os.lstat(fifo).st_mode))
    check("the folder is still an empty folder", os.path.isdir(folder) and not os.listdir(folder))
    check("the other practice is unchanged", digest(other) == other_before)
    for name, path in targets.items():
        if path.startswith(tmp) and not existed[name]:
            check(f"nothing was made under {name}", not os.path.lexists(path))
    leftovers = [n for n in listing(tmp) if ".partial-" in n]
    check("no temporary file is left behind", not leftovers, leftovers)
    unchanged("outputs aimed at the practice", practice, before)

    # Refused for the window's Save as PDF too: it is the same writer (tests/test-safe-output.c
    # covers heed_page_flow_write_pdf and the report writer against a practice file).


def file_size_limit(limit):
    def apply():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def failing_writes_leave_nothing(ref):
    """Class 1: a write that fails half way (the disk full, as a file size limit makes it for
    one process, or a real small disk) leaves nothing under the final name, or the old file."""
    fresh()
    before = digest(practice)
    out = os.path.join(tmp, "full")
    os.mkdir(out)
    for command, args in output_commands(ref, "").items():
        name = "out.png" if command == "timeline png" else "out.pdf"
        target = os.path.join(out, name)
        args = args[:-1] + [target]
        proc = run(*args, preexec_fn=file_size_limit(2048))
        check(f"{command} on a full disk: fails with one line", one_line_error(proc),
              f"{proc.returncode} {proc.stderr}")
        check(f"{command} on a full disk: nothing under the final name, no temporary file",
              listing(out) == [], listing(out))
    # Over an existing output: the old one stays whole.
    target = os.path.join(out, "kept.pdf")
    with open(target, "w") as f:
        f.write("the old letter\n")
    proc = run("letter", practice, ref, "acknowledgement", "-o", target,
               preexec_fn=file_size_limit(2048))
    with open(target) as f:
        kept = f.read()
    check("a failed letter over an old one leaves the old one whole", proc.returncode != 0
          and kept == "the old letter\n" and listing(out) == ["kept.pdf"], kept)
    os.unlink(target)

    # A real full disk (ENOSPC): a small tmpfs in a private mount namespace, where allowed.
    script = ('mount -t tmpfs -o size=16k heed-full "$1" || exit 97; "$2" letter "$3" "$4" '
              'acknowledgement -o "$1/out.pdf"; echo "== status $?"; ls -A "$1"; echo "== end"')
    proc = subprocess.run(["unshare", "-r", "-m", "/bin/sh", "-c", script, "sh", out, HEED_CLI,
                           practice, ref], capture_output=True, text=True, env=ENV,
                          timeout=TIMEOUT)
    if proc.returncode == 97 or "== status" not in proc.stdout:
        skip("letter on a really full disk (16 KB tmpfs)", "no private mount namespace here")
    else:
        body = proc.stdout.split("== status ")[1]
        status, _, rest = body.partition("\n")
        check("letter on a really full disk: non-zero, the disk named as full, nothing left",
              status != "0" and rest.strip() == "== end" and "disk is full" in proc.stderr,
              proc.stdout + proc.stderr)
    unchanged("failing writes", practice, before)


def outputs_are_private(ref):
    """Class 9: every output holds personal data, so only its owner may read it."""
    fresh()
    before = digest(practice)
    out = os.path.join(tmp, "private")
    os.mkdir(out)
    for command, args in output_commands(ref, "").items():
        name = command.replace(" ", "").replace("--", "-") + (".png" if "png" in command
                                                             else ".pdf")
        target = os.path.join(out, name)
        proc = run(*(args[:-1] + [target]))
        mode = stat.S_IMODE(os.stat(target).st_mode) if os.path.exists(target) else None
        check(f"{command}: written with mode 0600 under umask 022", proc.returncode == 0
              and mode == 0o600, f"{proc.stderr} {oct(mode) if mode else mode}")
    backup = os.path.join(out, "backup.heed")
    proc = run("backup", practice, backup)
    mode = stat.S_IMODE(os.stat(backup).st_mode) if os.path.exists(backup) else None
    check("backup: written with mode 0600", proc.returncode == 0 and mode == 0o600, proc.stderr)
    unchanged("private outputs", practice, before)


def links_and_fifos():
    """Class 2: a link or a pipe planted as the lock, a temporary file, the practice or an
    import file."""
    fresh()
    victim = os.path.join(tmp, "victim.txt")
    with open(victim, "w") as f:
        f.write("precious\n")
    before = digest(practice)
    lock = practice + ".lock"

    os.symlink(victim, lock)
    proc = run("demo", practice, "--cases", "1", "--seed", "2")
    check("a link planted as the lock: writing is refused with one line", one_line_error(proc)
          and "lock" in proc.stderr, proc.stderr)
    check("a link planted as the lock: what it points to is untouched",
          open(victim).read() == "precious\n")
    proc = run("list", practice)
    check("a link planted as the lock: reading still works", proc.returncode == 0, proc.stderr)
    if os.path.lexists(lock):
        os.unlink(lock)

    os.mkfifo(lock)
    proc = run("demo", practice, "--cases", "1", "--seed", "2")
    check("a FIFO planted as the lock: writing is refused at once, not hung",
          one_line_error(proc), f"{proc.returncode} {proc.stderr}")
    proc = run("list", practice)
    check("a FIFO planted as the lock: reading does not hang", proc.returncode == 0, proc.stderr)
    if os.path.lexists(lock):
        os.unlink(lock)
    check("a link or FIFO planted as the lock: what it points to is untouched",
          open(victim).read() == "precious\n")
    unchanged("links and pipes as the lock", practice, before)

    # The backup's and the outputs' temporary file, planted under this very process's name
    # (exec keeps the shell's PID, so $$ is heed-cli's).
    dest = os.path.join(tmp, "planted-backup.heed")
    script = 'ln -s "$1" "$2.partial-$$" && exec "$3" backup "$4" "$2"'
    proc = run(program=["/bin/sh", "-c", script, "sh", victim, dest, HEED_CLI, practice])
    check("a link planted as the backup's temporary file: the victim is untouched",
          open(victim).read() == "precious\n", proc.stderr)
    planted = [n for n in listing(tmp) if n.startswith("planted-backup.heed.partial-")]
    check("a link planted as the backup's temporary file: the backup is made beside it",
          proc.returncode == 0 and digest(dest) != "missing" and len(planted) == 1
          and os.path.islink(os.path.join(tmp, planted[0])), f"{proc.stderr} {planted}")
    proc = run("check", dest)
    check("a link planted as the backup's temporary file: the backup checks clean",
          proc.returncode == 0, proc.stderr)
    ref = first_reference(practice)
    out = os.path.join(tmp, "planted.pdf")
    script = 'ln -s "$1" "$2.partial-$$" && exec "$3" letter "$4" "$5" acknowledgement -o "$2"'
    proc = run(program=["/bin/sh", "-c", script, "sh", victim, out, HEED_CLI, practice, ref])
    check("a link planted as a letter's temporary file: the victim is untouched, the letter "
          "written", open(victim).read() == "precious\n" and proc.returncode == 0
          and open(out, "rb").read(5) == b"%PDF-", proc.stderr)

    # A FIFO as the practice, and as the file to import.
    fifo_practice = os.path.join(tmp, "pipe.heed")
    os.mkfifo(fifo_practice)
    for args in (["list", fifo_practice], ["show", fifo_practice, "C-2025-001"],
                 ["demo", fifo_practice, "--cases", "1"], ["check", fifo_practice], ["backup", fifo_practice,
                                                    os.path.join(tmp, "b.heed")],
                 ["restore", fifo_practice, os.path.join(tmp, "restored.heed")]):
        proc = run(*args)
        check(f"a FIFO as the practice: {args[0]} refuses at once with one line",
              one_line_error(proc), f"{proc.returncode} {proc.stderr}")
    fifo_import = os.path.join(tmp, "pipe.xml")
    os.mkfifo(fifo_import)
    proc = run("import", practice, fifo_import)
    check("a FIFO as the import file: refused at once with one line", one_line_error(proc),
          f"{proc.returncode} {proc.stderr}")
    proc = run("demo", practice, "--cases", "1", "--seed", "2")
    check("after the refused import the practice is not left locked", proc.returncode == 0,
          proc.stderr)
    # That demo added a case on purpose: the digest from here on.
    before = digest(practice)
    unchanged("pipes as the practice and the import", practice, before)


def damage_pages(path):
    """Overwrites the middle of the cases table's pages, as a failing disk would."""
    db = sqlite3.connect(path)
    page_size = db.execute("PRAGMA page_size").fetchone()[0]
    root = db.execute("SELECT rootpage FROM sqlite_schema WHERE name = 'cases'").fetchone()[0]
    db.close()
    with open(path, "r+b") as f:
        f.seek((root - 1) * page_size)
        f.write(b"\xff" * 64)
        f.seek((root - 1) * page_size + page_size // 2)
        f.write(b"\x00\x13" * 200)


def tamper_trail(path):
    """Rewrites one entry of the audit trail behind Heed's back."""
    db = sqlite3.connect(path)
    db.execute("DROP TRIGGER audit_no_update")
    db.execute("UPDATE audit SET detail = 'nothing happened' WHERE id = 3")
    db.commit()
    db.close()


def backups_that_are_checked():
    """Class 3: a damaged practice is not backed up; a damaged backup is not restored."""
    fresh()
    before = digest(practice)
    for how, damage in (("damaged pages", damage_pages), ("a rewritten trail", tamper_trail)):
        damaged = os.path.join(tmp, f"damaged-{damage.__name__}.heed")
        shutil.copy(practice, damaged)
        damage(damaged)
        dest = os.path.join(tmp, f"backup-of-{damage.__name__}.heed")
        proc = run("backup", damaged, dest)
        check(f"backup of a practice with {how}: refused with one line, no 'checked the copy'",
              one_line_error(proc) and "checked the copy" not in proc.stdout,
              f"{proc.returncode} {proc.stdout} {proc.stderr}")
        check(f"backup of a practice with {how}: nothing under DEST, no temporary file",
              not os.path.lexists(dest)
              and not [n for n in listing(tmp) if n.startswith(os.path.basename(dest))])

        good = os.path.join(tmp, f"good-backup-{damage.__name__}.heed")
        proc = run("backup", practice, good)
        check(f"backup of the good practice ({how} case): made and checked",
              proc.returncode == 0 and "checked the copy" in proc.stdout, proc.stderr)
        damage(good)
        for force in ([], ["--force"]):
            proc = run("restore", good, practice, *force)
            check(f"restore {' '.join(force)} from a backup with {how}: refused with one line",
                  one_line_error(proc), f"{proc.returncode} {proc.stderr}")
        restored = os.path.join(tmp, f"restored-{damage.__name__}.heed")
        proc = run("restore", good, restored)
        check(f"restore from a backup with {how} to a new name: refused, nothing made",
              one_line_error(proc) and not os.path.lexists(restored), proc.stderr)
    unchanged("backups and restores of damage", practice, before)

    # And the good way still works: a checked backup restores over the practice.
    good = os.path.join(tmp, "good.heed")
    proc = run("backup", practice, good)
    check("a good backup is made", proc.returncode == 0, proc.stderr)
    proc = run("restore", good, practice, "--force")
    check("a good backup restores with --force", proc.returncode == 0, proc.stderr)
    check("the restored practice holds the same records", run("check", practice).returncode == 0)


def stdout_on_a_full_disk(ref):
    """Class 1: standard output that cannot be written is a failure."""
    fresh()
    before = digest(practice)
    for args in (["list", practice], ["list", practice, "--format", "csv"],
                 ["show", practice, ref], ["deadlines", practice],
                 ["ko41b", practice, "--year", "2025"], ["check", practice],
                 ["workdays", "--nation", "england", "--from", "2025-06-03", "--add", "5"],
                 ["--help"], ["--version"]):
        with open("/dev/full", "w") as full:
            proc = run(*args, stdout=full)
        check(f"{' '.join(args[:1])} > /dev/full: exits non-zero with one line",
              one_line_error(proc), f"{proc.returncode} {proc.stderr}")
    unchanged("standard output on a full disk", practice, before)


def workdays_at_the_edges():
    """Class 9: dates outside what the calendar knows are refused in a sentence."""
    for start, add in (("9999-12-30", "5"), ("0001-01-01", "5"), ("0001-01-01", "-5"),
                       ("2200-12-30", "5"), ("1900-01-02", "-3"), ("2025-01-01", "99999"),
                       ("2025-01-01", "-99999"), ("2025-01-01", "99999999999999999999")):
        proc = run("workdays", "--nation", "england", "--from", start, "--add", add)
        check(f"workdays --from {start} --add {add}: refused with one line, no CRITICAL",
              one_line_error(proc) and "CRITICAL" not in proc.stderr and proc.stdout == "",
              f"{proc.returncode} {proc.stdout} {proc.stderr}")
    for start, add, expected in (("2200-12-01", "5", "2200-12-08"),
                                 ("1900-01-10", "-5", "1900-01-03")):
        proc = run("workdays", "--nation", "england", "--from", start, "--add", add)
        check(f"workdays --from {start} --add {add}: inside the calendar still counts",
              proc.returncode == 0 and proc.stdout == expected + "\n", proc.stdout + proc.stderr)


def searches_of_no_words(ref):
    """Class 9: a search of punctuation or an emoji finds nothing, and says why."""
    fresh()
    before = digest(practice)
    proc = run("list", practice, "--search", ref)
    check("a search for a reference finds it", proc.returncode == 0 and ref in proc.stdout,
          proc.stdout + proc.stderr)
    for text in ("!!!", "😀", "...", "—", "*", "\"", "-"):
        proc = run("list", practice, "--search", text, "--format", "csv")
        rows = proc.stdout.splitlines()[1:]
        check(f"list --search {text!r}: no case, and a note why", proc.returncode == 0
              and rows == [] and "no letter or digit" in proc.stderr, f"{rows} {proc.stderr}")
    unchanged("searches of no words", practice, before)


def control_characters(ref):
    """Class 9: a practice name or a reference with a line break or control character."""
    fresh()
    before = digest(practice)
    for name in ("Line\nBreak Surgery", "Tab\tSurgery", "Esc\x1b[31mSurgery", "Bell\x07",
                 "Del\x7fSurgery", "Next\u0085Line", "Sep\u2028Surgery"):
        path = os.path.join(tmp, "named.heed")
        proc = run("create", path, "--name", name, "--nation", "england")
        check(f"create --name {name!r}: refused with one line, no file", one_line_error(proc)
              and not os.path.lexists(path), proc.stderr)
    for bad in (ref + "\n", ref[:2] + "\x1b" + ref[2:], ref + "\t"):
        proc = run("show", practice, bad)
        check(f"show {bad!r}: refused with one line", one_line_error(proc)
              and "control" in proc.stderr, proc.stderr)

    # An import whose practice name holds a line break (XML can carry &#10; and &#9;).
    export = os.path.join(tmp, "named.xml")
    proc = run("export", practice, "--xml", "-o", export)
    assert proc.returncode == 0, proc.stderr
    with open(export, encoding="utf-8") as f:
        text = f.read()
    for char in ("&#10;", "&#9;"):
        target = os.path.join(tmp, "import-target.heed")
        if os.path.exists(target):
            os.unlink(target)
        proc = run("create", target, "--name", "Target Surgery", "--nation", "england")
        assert proc.returncode == 0, proc.stderr
        target_before = digest(target)
        bad = os.path.join(tmp, "bad-name.xml")
        with open(bad, "w", encoding="utf-8") as f:
            f.write(text.replace('<setting key="name">Example Lane Surgery',
                                 f'<setting key="name">Example{char}Lane Surgery', 1))
        proc = run("import", target, bad)
        check(f"import of a practice name with {char}: refused with one line",
              one_line_error(proc) and "one line" in proc.stderr, proc.stderr)
        check(f"import of a practice name with {char}: the target is unchanged",
              digest(target) == target_before)
    unchanged("control characters", practice, before)


try:
    pristine = make_demo(os.path.join(tmp, "pristine.heed"))
    reference = first_reference(pristine)
    for attack in (outputs_never_replace_a_practice, failing_writes_leave_nothing,
                   outputs_are_private, links_and_fifos, backups_that_are_checked,
                   stdout_on_a_full_disk, workdays_at_the_edges, searches_of_no_words,
                   control_characters):
        # One class's broken harness must fail the test, not pass it, nor stop the others.
        try:
            if attack.__code__.co_argcount:
                attack(reference)
            else:
                attack()
        except Exception:
            import traceback
            check(f"{attack.__name__} ran to the end", False, traceback.format_exc())
finally:
    shutil.rmtree(tmp, ignore_errors=True)

print(f"1..{len(results)}")
for number, (name, ok, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {number} - {name}")
    if not ok:
        for line in str(detail).splitlines():
            print(f"# {line}")
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
