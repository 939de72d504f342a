#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The timeline as a screen reader meets it: real key presses on a real window, and what
AT-SPI then says has focus (its name and description).

Usage: test-timeline-a11y.py PATH-TO-TEST-TIMELINE-VIEW PATH-TO-HEED-CLI
Prints TAP. Needs Xvfb, dbus-run-session, xdotool and pyatspi; skips without them. Runs
itself again on a display and session bus of its own, where the accessibility bus lives."""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

VIEW, CLI = sys.argv[1], sys.argv[2]
INNER = len(sys.argv) > 3 and sys.argv[3] == "--inner"


def skip(reason):
    print(f"1..0 # SKIP {reason}")
    sys.exit(0)


def wait_for(what, timeout=20.0):
    """Polls until what() gives something true; a generous bound, never a timing check."""
    give_up = time.monotonic() + timeout
    while time.monotonic() < give_up:
        value = what()
        if value:
            return value
        time.sleep(0.1)
    return what()


def own_display():
    """A display of our own, so that no other test's window takes the keys: (process, name)."""
    read, write = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x1024x24",
                             "-nolisten", "tcp"], pass_fds=(write,),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as f:
        number = f.readline().strip()
    if not number:
        xvfb.kill()
        skip("Xvfb did not start")
    return xvfb, ":" + number


def outer():
    for tool in ("dbus-run-session", "xdotool", "Xvfb"):
        if shutil.which(tool) is None:
            skip(f"{tool} is not installed")
    try:
        import pyatspi  # noqa: F401
    except ImportError:
        skip("pyatspi is not installed")
    xvfb, display = own_display()
    env = {k: v for k, v in os.environ.items() if k not in ("GTK_A11Y", "NO_AT_BRIDGE")}
    env["DISPLAY"] = display
    try:
        proc = subprocess.run(["dbus-run-session", "--", sys.executable, __file__, VIEW, CLI,
                               "--inner"], env=env, capture_output=True, text=True)
    finally:
        xvfb.terminate()
        xvfb.wait()
    # Daemons started on the session bus write to the same stdout: pass on the TAP only.
    for line in proc.stdout.splitlines():
        if line.startswith(("ok ", "not ok ", "1..", "# ")):
            print(line)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr[-4000:])
    sys.exit(proc.returncode)


def focused(pyatspi):
    """(name, description) of the focused object of the timeline's program, or None."""
    def walk(node):
        try:
            if node.getState().contains(pyatspi.STATE_FOCUSED) and \
                    node.getRoleName() == "list item":
                return (node.name, node.description)
            for child in node:
                found = walk(child)
                if found:
                    return found
        except Exception:
            return None
        return None

    desktop = pyatspi.Registry.getDesktop(0)
    for app in desktop:
        if app is not None:
            found = walk(app)
            if found:
                return found
    return None


def inner():
    import pyatspi

    results = []
    subprocess.run(["dbus-update-activation-environment", "DISPLAY"], capture_output=True)
    tmp = tempfile.mkdtemp(prefix="heed-a11y-")
    practice = os.path.join(tmp, "practice.heed")
    proc = None
    try:
        subprocess.run([CLI, "demo", practice, "--cases", "300", "--seed", "4"], check=True,
                       capture_output=True)
        env = {**os.environ, "GDK_BACKEND": "x11"}
        proc = subprocess.Popen([VIEW, "--show", practice, "-", "-", "-"], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        window = wait_for(lambda: subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", "Timeline"],
            capture_output=True, text=True).stdout.split())
        if not window:
            print("1..0 # SKIP the window did not appear")
            return 0
        # With no window manager to give it focus, a click does, as a person's would.
        subprocess.run(["xdotool", "windowfocus", "--sync", window[0]], capture_output=True)
        subprocess.run(["xdotool", "mousemove", "--window", window[0], "600", "300", "click",
                        "1"], capture_output=True)

        def check(name, ok, detail=""):
            results.append((name, bool(ok), detail))

        first = wait_for(lambda: focused(pyatspi))
        check("the timeline has focus and a name", first and first[0], first)

        def press(key):
            before = focused(pyatspi)
            subprocess.run(["xdotool", "key", key], capture_output=True)
            return wait_for(lambda: (lambda now: now if now != before else None)(
                focused(pyatspi)), timeout=10) or focused(pyatspi)

        lane = press("Down")
        check("Down moves to a lane, named by its case",
              lane and lane[0].split(" ")[0] in ("Complaint", "Concern", "Comment",
                                                 "Compliment"), lane)
        # A lane of a case already answered has no deadline left; which lane comes first depends
        # on today's date, so look down the lanes for one still waiting on something.
        waiting = lane
        for _ in range(12):
            if waiting and "due" in waiting[1]:
                break
            waiting = press("Down")
        check("a waiting lane's description has its risk and deadlines",
              waiting and "risk" in waiting[1] and "due" in waiting[1], waiting)
        while waiting and waiting != lane:
            waiting = press("Up")
        entry = press("Right")
        check("Right moves to an entry of the lane, named by its kind and date",
              entry and entry[0].startswith(lane[0] + ": ")
              and re.search(r"\d{1,2} \w+ \d{4}", entry[1]), entry)
        back = press("Escape")
        check("Escape goes back to the lane", back and back[0] == lane[0], back)
        below = press("Down")
        check("Down again moves to the next lane", below and below[0] != lane[0], below)
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait()
        shutil.rmtree(tmp, ignore_errors=True)

    print(f"1..{len(results)}")
    for number, (name, ok, detail) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {number} - {name}")
        if not ok:
            print(f"# {detail!r}")
    return 0 if all(ok for _, ok, _ in results) else 1


if INNER:
    sys.exit(inner())
outer()
