#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check Heed's Flatpak manifest.

Usage: check-flatpak-manifest.py MANIFEST REPO_ROOT

Checks that the manifest parses as JSON, names the right app id, runtime, SDK
and command, asks for no more sandbox permissions than Heed needs (no network,
no file system: files come through the document portal), builds Heed last with
meson from the repository itself, and that every local source exists.

Prints one "ok:" line for each check that passes and one "error:" line for each
problem, and exits with status 1 if there was any problem (2 for bad usage).
Standard library only.
"""

import json
import os
import sys

APP_ID = "io.github.heedapp.Heed"
RUNTIME = "org.gnome.Platform"
SDK = "org.gnome.Sdk"
COMMAND = "heed"
ALLOWED_FINISH_ARGS = {
    "--share=ipc",
    "--socket=fallback-x11",
    "--socket=wayland",
    "--device=dri",
}


class Checker:
    def __init__(self):
        self.problems = 0

    def ok(self, message):
        print(f"ok: {message}")

    def error(self, message):
        self.problems += 1
        print(f"error: {message}", file=sys.stderr)

    def expect(self, condition, ok_message, error_message):
        if condition:
            self.ok(ok_message)
        else:
            self.error(error_message)
        return condition


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def finish_arg_problem(arg):
    """Says what is wrong with a finish-arg outside the allowed set."""
    if not isinstance(arg, str):
        return f"finish-args entry {arg!r} is not a string"
    if arg in ("--share=network",) or arg.startswith("--share=network"):
        return f"finish-args must not give network access ({arg}): Heed works offline"
    if arg.startswith("--filesystem"):
        return (f"finish-args must not give file system access ({arg}): "
                "practice files are opened through the document portal")
    if arg.startswith(("--device=all", "--socket=x11")):
        return f"finish-args entry {arg} is broader than Heed needs"
    return (f"finish-args entry {arg} is not in the allowed set "
            f"({', '.join(sorted(ALLOWED_FINISH_ARGS))})")


def module_name(module, index):
    if isinstance(module, dict) and isinstance(module.get("name"), str):
        return module["name"]
    return f"#{index}"


def resolve_modules(check, modules, base_dir, where, top_level=True):
    """Yields (module, base_dir, label, last_top_level) for each module,
    following module files given by path and nested "modules" lists."""
    if not isinstance(modules, list):
        check.error(f"{where}: \"modules\" is not a list")
        return
    for index, module in enumerate(modules):
        last_top_level = top_level and index == len(modules) - 1
        module_base = base_dir
        if isinstance(module, str):
            path = os.path.join(base_dir, module)
            if not os.path.isfile(path):
                check.error(f"{where}: module file {module} does not exist ({path})")
                continue
            try:
                module = load_json(path)
            except (OSError, ValueError) as e:
                check.error(f"{where}: module file {module} is not valid JSON: {e}")
                continue
            module_base = os.path.dirname(path)
        if not isinstance(module, dict):
            check.error(f"{where}: module #{index} is not an object")
            continue
        label = f"module {module_name(module, index)}"
        yield module, module_base, label, last_top_level
        if "modules" in module:
            yield from resolve_modules(check, module["modules"], module_base, label,
                                       top_level=False)


def resolve_sources(check, module, base_dir, label):
    """Yields (source, base_dir) for each source of a module, following source
    files given by path."""
    sources = module.get("sources", [])
    if not isinstance(sources, list):
        check.error(f"{label}: \"sources\" is not a list")
        return
    for source in sources:
        source_base = base_dir
        if isinstance(source, str):
            path = os.path.join(base_dir, source)
            try:
                loaded = load_json(path)
            except (OSError, ValueError) as e:
                check.error(f"{label}: source file {source} cannot be read: {e}")
                continue
            source_base = os.path.dirname(path)
            items = loaded if isinstance(loaded, list) else [loaded]
            for item in items:
                yield item, source_base
            continue
        yield source, source_base


def main(argv):
    if len(argv) != 3:
        print(f"usage: {os.path.basename(argv[0])} MANIFEST REPO_ROOT", file=sys.stderr)
        return 2
    manifest_path, repo_root = argv[1], argv[2]
    check = Checker()

    try:
        manifest = load_json(manifest_path)
    except OSError as e:
        check.error(f"cannot read {manifest_path}: {e.strerror}")
        return 1
    except ValueError as e:
        check.error(f"{manifest_path} is not valid JSON: {e}")
        return 1
    if not isinstance(manifest, dict):
        check.error(f"{manifest_path} is JSON but not an object")
        return 1
    check.ok(f"{manifest_path} parses as JSON")
    base_dir = os.path.dirname(os.path.abspath(manifest_path))

    # Identity
    ids = {key: manifest[key] for key in ("id", "app-id") if key in manifest}
    if not ids:
        check.error(f"no \"id\" (or \"app-id\"): expected {APP_ID}")
    for key, value in ids.items():
        check.expect(value == APP_ID, f"{key} is {APP_ID}",
                     f"{key} is {value!r}, expected {APP_ID!r}")
    for key, expected in (("runtime", RUNTIME), ("sdk", SDK), ("command", COMMAND)):
        value = manifest.get(key)
        check.expect(value == expected, f"{key} is {expected}",
                     f"{key} is {value!r}, expected {expected!r}")

    # Sandbox permissions
    finish_args = manifest.get("finish-args", [])
    if not isinstance(finish_args, list):
        check.error("finish-args is not a list")
        finish_args = []
    bad_args = [arg for arg in finish_args if arg not in ALLOWED_FINISH_ARGS]
    for arg in bad_args:
        check.error(finish_arg_problem(arg))
    if not bad_args:
        check.ok("finish-args are within the minimal set "
                 f"({' '.join(finish_args) if finish_args else 'none'})")
    duplicates = sorted({arg for arg in finish_args
                         if isinstance(arg, str) and finish_args.count(arg) > 1})
    for arg in duplicates:
        check.error(f"finish-args lists {arg} more than once")

    # Modules
    top_modules = manifest.get("modules")
    if not isinstance(top_modules, list) or not top_modules:
        check.error("\"modules\" is missing or empty")
        return 1

    all_modules = list(resolve_modules(check, top_modules, base_dir, "manifest"))
    module_sources = {}
    for module, module_base, label, _ in all_modules:
        sources = list(resolve_sources(check, module, module_base, label))
        module_sources[id(module)] = sources
        for source, source_base in sources:
            if not isinstance(source, dict):
                check.error(f"{label}: a source is not an object")
                continue
            kind = source.get("type")
            if kind not in ("dir", "file"):
                continue
            path = source.get("path")
            if not isinstance(path, str) or not path:
                check.error(f"{label}: {kind} source has no \"path\"")
                continue
            full = os.path.normpath(os.path.join(source_base, path))
            exists = os.path.isdir(full) if kind == "dir" else os.path.isfile(full)
            check.expect(exists, f"{label}: {kind} source {path} exists",
                         f"{label}: {kind} source {path} does not exist ({full})")

    # The last top-level module is Heed itself, built with meson from this repository.
    last = [(m, b, l) for m, b, l, is_last in all_modules if is_last]
    if not last:
        check.error("the last module could not be read")
        return 1
    last_module, _, last_label = last[0]
    check.expect(last_module.get("buildsystem") == "meson",
                 f"last {last_label} is built with meson",
                 f"last {last_label} has buildsystem {last_module.get('buildsystem')!r}, "
                 "expected 'meson'")

    repo_root_abs = os.path.abspath(repo_root)
    if not os.path.isfile(os.path.join(repo_root_abs, "meson.build")):
        check.error(f"repository root {repo_root_abs} has no meson.build")
    dir_paths = [os.path.normpath(os.path.join(b, s["path"]))
                 for s, b in module_sources[id(last_module)]
                 if isinstance(s, dict) and s.get("type") == "dir"
                 and isinstance(s.get("path"), str)]
    matching = [p for p in dir_paths
                if os.path.isdir(p) and os.path.samefile(p, repo_root_abs)]
    if matching:
        check.ok(f"last {last_label} is built from the repository root "
                 f"({repo_root_abs}, contains meson.build)")
    elif dir_paths:
        check.error(f"last {last_label}: no dir source resolves to the repository root "
                    f"{repo_root_abs} (found {', '.join(dir_paths)})")
    else:
        check.error(f"last {last_label} has no dir source pointing at the repository root")

    if check.problems:
        print(f"{check.problems} problem(s) in {manifest_path}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
