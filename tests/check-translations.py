#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every translation in po/ is complete, well formed and up to date with the sources: msgfmt's
checks pass (formats, header, accelerators), nothing is untranslated or fuzzy, and merging it
with a template made afresh from po/POTFILES.in leaves nothing new, untranslated or obsolete. The national categories of data/categories.xml are
among the messages.

Usage: check-translations.py SOURCE-ROOT"""

import os
import re
import subprocess
import sys
import tempfile

# The glib preset of meson's i18n.gettext and po/meson.build's own keywords, so the fresh
# template matches `heed-pot`.
XGETTEXT_ARGS = [
    "--from-code=UTF-8", "--add-comments",
    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
    # Strings of documents (po/meson.build adds the same).
    "--keyword=D_", "--keyword=heed_document_ngettext:1,2",
    "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format", "--flag=NC_:2:pass-c-format",
    "--flag=g_dngettext:2:pass-c-format", "--flag=g_strdup_printf:1:c-format",
    "--flag=g_string_printf:2:c-format", "--flag=g_string_append_printf:2:c-format",
    "--flag=g_error_new:3:c-format", "--flag=g_set_error:4:c-format",
    "--flag=g_markup_printf_escaped:1:c-format", "--flag=g_log:3:c-format",
    "--flag=g_print:1:c-format", "--flag=g_printerr:1:c-format",
    "--flag=g_printf:1:c-format", "--flag=g_fprintf:2:c-format",
    "--flag=g_sprintf:2:c-format", "--flag=g_snprintf:3:c-format",
]

PLURAL_FORMS = {
    "cy": "nplurals=6; plural=(n==0) ? 0 : (n==1) ? 1 : (n==2) ? 2 : (n==3) ? 3 : "
          "(n==6) ? 4 : 5;",
}

HOW_TO_UPDATE = ("run `meson compile -C build heed-update-po`, then translate the new and "
                 "changed messages in po/%s.po (and remove the `fuzzy` marks)")

root = sys.argv[1]
po_dir = os.path.join(root, "po")
results = []


def check(name, ok, detail=""):
    results.append((name, ok, detail))


def run(args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, **kwargs)


def msgids(po_text):
    """The msgids of a catalogue's live (not obsolete) entries, header left out."""
    found = []
    for block in re.split(r"\n\s*\n", po_text):
        lines = [l for l in block.splitlines() if not l.startswith("#")]
        text = "\n".join(lines)
        m = re.search(r'^msgid ((?:".*"\n?)+)', text, re.M)
        if m:
            msgid = "".join(re.findall(r'"(.*)"', m.group(1)))
            if msgid:
                found.append(msgid)
    return found


def entries(po_text):
    """(msgid, [msgstr...]) of each translated live entry, for the markup check."""
    out = []
    for block in re.split(r"\n\s*\n", po_text):
        lines = [l for l in block.splitlines() if not l.startswith("#")]
        current, fields = None, {}
        for line in lines:
            m = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d\])?) "(.*)"$', line)
            if m:
                current = m.group(1)
                fields[current] = m.group(2)
            elif current and line.startswith('"'):
                fields[current] += line[1:-1]
        if fields.get("msgid"):
            out.append((fields["msgid"], [v for k, v in fields.items() if k.startswith("msgstr")]))
    return out


with open(os.path.join(po_dir, "LINGUAS")) as f:
    linguas = [w for line in f if not line.startswith("#") for w in line.split()]
on_disk = sorted(n[:-3] for n in os.listdir(po_dir) if n.endswith(".po"))
check("po/LINGUAS lists every catalogue in po/ and nothing else",
      sorted(linguas) == on_disk,
      "LINGUAS: %s; po files: %s" % (" ".join(linguas) or "none", " ".join(on_disk) or "none"))

with tempfile.TemporaryDirectory() as tmp:
    pot = os.path.join(tmp, "heed.pot")
    made = run(["xgettext", "--package-name=heed", "-D", root,
                "-f", os.path.join(po_dir, "POTFILES.in"), "-o", pot] + XGETTEXT_ARGS)
    check("xgettext makes a template from po/POTFILES.in", made.returncode == 0,
          made.stderr.strip())
    if made.returncode == 0:
        # xgettext ends a message where a macro such as G_GINT64_FORMAT follows a "%", so
        # the program asks for a message no catalogue can have.
        cut_short = []
        for block in re.split(r"\n\s*\n", open(pot, encoding="utf-8").read()):
            for ref in re.findall(r"^#: (.*)$", block, re.M):
                for place in ref.split():
                    path, _, line = place.rpartition(":")
                    with open(os.path.join(root, path), encoding="utf-8") as source:
                        text = source.read().split("\n")[int(line) - 1]
                    if re.search(r'%"\s*[A-Z_][A-Z0-9_]*', text):
                        cut_short.append(place)
        check("no message is cut short by a format macro xgettext cannot follow "
              "(use %lld and a cast instead of G_GINT64_FORMAT)", not cut_short,
              "; ".join(cut_short))

        # A practice file keeps the national categories in English; they are shown through
        # the catalogue, so each label must be a message (listed in src/core/store/heed-store-seed.c).
        template_ids = set(msgids(open(pot, encoding="utf-8").read()))
        with open(os.path.join(root, "data", "categories.xml"), encoding="utf-8") as f:
            labels = re.findall(r'\blabel="([^"]*)"', f.read())
        untranslatable = sorted({l for l in labels if l not in template_ids})
        check("every label in data/categories.xml is a message to translate", not untranslatable,
              "not in national_category_labels: " + "; ".join(untranslatable))

    for lang in linguas:
        po = os.path.join(po_dir, lang + ".po")
        if not os.path.exists(po):
            continue
        fmt = run(["msgfmt", "--check", "--check-format", "--check-accelerators=_",
                   "--statistics", "-o", os.devnull, po], env=dict(os.environ, LC_ALL="C"))
        check("%s.po passes msgfmt --check --check-format --check-accelerators" % lang,
              fmt.returncode == 0, fmt.stderr.strip())
        complete = "fuzzy" not in fmt.stderr \
            and "untranslated" not in fmt.stderr and "translated message" in fmt.stderr
        check("%s.po has every message translated, none fuzzy" % lang, complete,
              fmt.stderr.strip() + "; " + HOW_TO_UPDATE % lang)

        text = open(po, encoding="utf-8").read()
        want = PLURAL_FORMS.get(lang)
        if want:
            header = "".join(re.findall(r'^"(.*)"$', re.split(r"\n\s*\n", text)[0], re.M))
            m = re.search(r"Plural-Forms: *(.*?)\\n", header)
            check("%s.po has the Plural-Forms of its language" % lang,
                  m is not None and m.group(1).strip() == want,
                  "found: %s; expected: %s" % (m.group(1) if m else "none", want))

        # Markup and the element names of messages about XML files must come through as is.
        tag = re.compile(r"</?[A-Za-z%][^<>\s]*>")
        changed = ["%s" % msgid for msgid, strs in entries(text)
                   if any(s and sorted(tag.findall(s)) != sorted(tag.findall(msgid))
                          for s in strs)]
        check("%s.po keeps the markup and <element> names of every message" % lang,
              not changed, "; ".join(changed[:10]))

        if made.returncode != 0:
            continue
        merged = os.path.join(tmp, lang + ".po")
        merge = run(["msgmerge", "--quiet", "--no-fuzzy-matching", "-o", merged, po, pot])
        if merge.returncode != 0:
            check("%s.po merges with the fresh template" % lang, False, merge.stderr.strip())
            continue
        untranslated = run(["msgattrib", "--untranslated", "--no-obsolete", merged]).stdout
        missing = msgids(untranslated)
        check("%s.po has every message of the sources" % lang, not missing,
              "%d missing, such as: %s; %s" % (len(missing), " | ".join(missing[:5]),
                                               HOW_TO_UPDATE % lang))
        obsolete = run(["msgattrib", "--only-obsolete", merged]).stdout
        stale = re.findall(r'^#~ msgid "(.*)"', obsolete, re.M)
        check("%s.po has no message the sources no longer use" % lang, not stale,
              "%d stale, such as: %s; %s" % (len(stale), " | ".join(stale[:5]),
                                             HOW_TO_UPDATE % lang))

print("1..%d" % len(results))
for number, (name, ok, detail) in enumerate(results, 1):
    print("%s %d - %s" % ("ok" if ok else "not ok", number, name))
    if not ok and detail:
        for line in detail.splitlines():
            print("# " + line)
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
