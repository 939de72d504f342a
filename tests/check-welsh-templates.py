#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every built-in letter template ID.xml has a Welsh version ID.cy.xml, valid against
data/heed-letter-template.rng, that says language="cy" and has exactly the same structure: the
same id, version and recipient, the same merge fields, conditions, for-each loops and free-text
parts, each inside the same conditions, and the same blocks in the same order. Only the words
may differ, and they must: a Welsh block that is still the English one is reported.
Usage: check-welsh-templates.py SOURCE-ROOT"""

import collections
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

BLOCKS = {"p", "h", "list", "item", "table", "row", "cell", "space", "page-break"}
INLINE_MARKUP = {"b", "i", "br"}
# Blocks this short may well read the same in both languages ("1.", a single name).
MIN_WORDS_TO_COMPARE = 3


class Unreadable(Exception):
    pass


def load(path):
    try:
        return ET.parse(path).getroot()
    except (ET.ParseError, OSError) as error:
        raise Unreadable(f"{os.path.basename(path)} cannot be read: {error}") from error


def own_text(element):
    """The words of a block, without merge fields or nested blocks."""
    parts = [element.text or ""]
    for child in element:
        if child.tag not in BLOCKS and child.tag not in ("field", "if", "for-each"):
            parts.append(own_text(child))
        elif child.tag == "if":
            parts.append(own_text(child))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def describe(template):
    """What must match between the languages, and the words of each block in order."""
    logic = collections.Counter()
    markup = collections.Counter()
    blocks = []
    texts = []

    def walk(element, context):
        for child in element:
            tag = child.tag
            where = " > ".join(context) or "top level"
            if tag == "field":
                logic[f"field “{child.get('name')}” ({where})"] += 1
            elif tag == "free-text":
                logic[f"free-text “{child.get('name')}” ({where})"] += 1
                walk(child, context + [f"free-text {child.get('name')}"])
                continue
            elif tag == "if":
                logic[f"if “{child.get('test')}” ({where})"] += 1
                walk(child, context + [f"if {child.get('test')}"])
                continue
            elif tag == "for-each":
                logic[f"for-each “{child.get('select')}” ({where})"] += 1
                walk(child, context + [f"for-each {child.get('select')}"])
                continue
            elif tag in BLOCKS:
                attributes = " ".join(f"{k}={v}" for k, v in sorted(child.attrib.items()))
                blocks.append(f"<{tag}{' ' + attributes if attributes else ''}> ({where})")
                texts.append(own_text(child) if tag in ("p", "h", "item", "cell") else "")
            elif tag in INLINE_MARKUP:
                markup[f"<{tag}> ({where})"] += 1
            walk(child, context)

    for part in ("title", "body"):
        found = template.find(part)
        if found is not None:
            walk(found, [part])
    return logic, markup, blocks, texts


def straight_apostrophes(template):
    for element in template.iter():
        for text in (element.text, element.tail, element.get("label")):
            if text and "'" in text:
                yield " ".join(text.split())


def schema_problems(schema, path):
    """xmllint's complaints about a template (Heed checks the same schema when it loads it)."""
    xmllint = shutil.which("xmllint")
    if xmllint is None:
        return []
    result = subprocess.run([xmllint, "--noout", "--nonet", "--relaxng", schema, path],
                            capture_output=True, text=True)
    if result.returncode == 0:
        return []
    lines = [line for line in result.stderr.splitlines() if "validates" not in line]
    return ["does not follow the template schema: " + " | ".join(lines)]


def compare(template_id, english_path, welsh_path, schema):
    problems = schema_problems(schema, welsh_path)
    try:
        english = load(english_path)
        welsh = load(welsh_path)
    except Unreadable as error:
        return [str(error)]

    if welsh.get("language") != "cy":
        problems.append(f"the template must say language=\"cy\", not "
                        f"“{welsh.get('language', '')}”, or Heed treats it as English")
    if english.get("language", "en") != "en":
        problems.append(f"{template_id}.xml says language=\"{english.get('language')}\", "
                        "but it is the English template")
    for attribute in sorted((set(english.attrib) | set(welsh.attrib)) - {"language"}):
        if english.get(attribute) != welsh.get(attribute):
            in_welsh = welsh.get(attribute, "(none)")
            in_english = english.get(attribute, "(none)")
            problems.append(f"attribute {attribute} is “{in_welsh}” in Welsh but "
                            f"“{in_english}” in English")
    for part in ("name", "description"):
        english_part = english.findtext(part)
        welsh_part = welsh.findtext(part)
        if (english_part is None) != (welsh_part is None):
            problems.append(f"<{part}> is in one language only")
        elif english_part is not None and " ".join(english_part.split()) == \
                " ".join(welsh_part.split()):
            problems.append(f"<{part}> is not translated: “{' '.join(welsh_part.split())}”")

    english_logic, english_markup, english_blocks, english_texts = describe(english)
    welsh_logic, welsh_markup, welsh_blocks, welsh_texts = describe(welsh)
    for label, english_counts, welsh_counts in (("", english_logic, welsh_logic),
                                                ("markup ", english_markup, welsh_markup)):
        for key in sorted(set(english_counts) | set(welsh_counts)):
            if english_counts[key] != welsh_counts[key]:
                problems.append(f"{label}{key}: {english_counts[key]} in English, "
                                f"{welsh_counts[key]} in Welsh")

    if english_blocks != welsh_blocks:
        for index, (english_block, welsh_block) in enumerate(zip(english_blocks, welsh_blocks)):
            if english_block != welsh_block:
                problems.append(f"block {index + 1} is {welsh_block} in Welsh but "
                                f"{english_block} in English")
                break
        else:
            problems.append(f"{len(welsh_blocks)} blocks in Welsh, {len(english_blocks)} in "
                            "English")
    else:
        for english_text, welsh_text in zip(english_texts, welsh_texts):
            if len(english_text.split()) >= MIN_WORDS_TO_COMPARE and english_text == welsh_text:
                problems.append(f"a block is not translated: “{welsh_text}”")

    for text in straight_apostrophes(welsh):
        problems.append(f"straight apostrophe, where Heed’s letters use ’: “{text}”")
    return problems


def main():
    if len(sys.argv) != 2:
        print("Usage: check-welsh-templates.py SOURCE-ROOT", file=sys.stderr)
        return 2
    folder = os.path.join(sys.argv[1], "data", "templates")
    try:
        names = sorted(os.listdir(folder))
    except OSError as error:
        print(f"Bail out! cannot list the templates: {error}")
        return 1
    english_ids = [n[:-4] for n in names if n.endswith(".xml") and not n.endswith(".cy.xml")]
    welsh_ids = [n[:-7] for n in names if n.endswith(".cy.xml")]
    if not english_ids:
        print(f"Bail out! no templates in {folder}")
        return 1

    # The ids Heed ships as built-in, so that a template added there without its files fails.
    builtin_ids = []
    source = os.path.join(sys.argv[1], "src", "core", "letters", "heed-letter-template.c")
    if os.path.exists(source):
        listing = re.search(r"builtin_ids\[\]\s*=\s*\{(.*?)\}", open(source).read(), re.S)
        if listing:
            builtin_ids = re.findall(r'"([^"]+)"', listing.group(1))
    if not builtin_ids:
        print(f"Bail out! cannot find the built-in template ids in {source}")
        return 1

    ids = sorted(set(builtin_ids) | set(english_ids) | set(welsh_ids))
    print(f"1..{len(ids)}")
    failed = 0
    for number, template_id in enumerate(ids, 1):
        english_path = os.path.join(folder, template_id + ".xml")
        welsh_path = os.path.join(folder, template_id + ".cy.xml")
        if template_id not in english_ids and template_id not in welsh_ids:
            problems = [f"{template_id} is built in, but there is neither {template_id}.xml "
                        f"nor {template_id}.cy.xml"]
        elif template_id not in welsh_ids:
            problems = [f"there is no Welsh version: write data/templates/{template_id}.cy.xml"]
        elif template_id not in english_ids:
            problems = [f"{template_id}.cy.xml has no English template {template_id}.xml"]
        else:
            problems = compare(template_id, english_path, welsh_path,
                               os.path.join(sys.argv[1], "data", "heed-letter-template.rng"))
        if problems:
            failed += 1
            print(f"not ok {number} - {template_id}: the Welsh version does not match the English")
            for problem in problems:
                print(f"# {template_id}.cy.xml: {problem}")
        else:
            print(f"ok {number} - {template_id}: Welsh version has the same structure")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
