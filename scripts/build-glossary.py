#!/usr/bin/env python3
"""Builds the bilingual glossaries the story clusterer reads to compare articles across languages.

Reads Debian's FreeDict dictionaries (packages dict-freedict-XXX-eng; the dictd files under
/usr/share/dictd) and writes src/Crosscheck.Stories/Clustering/Glossary/<lang>.tsv.gz: one line per
foreign headword of one word, a tab, then at most three English one-word translations (the first ones the
dictionary gives), separated by spaces. Multi-word headwords and translations are left out: the clusterer
compares single stems. Run again when the dictionaries change; the shipped files are the build's output,
the clusterer never reads /usr/share. Licences: see Glossary/README.md.

Only German is shipped (its headwords also split compounds); --all builds every language below, which were
measured and gained nothing (docs/BENCHMARKS.md, 2026-12-05 night 2).

Usage: scripts/build-glossary.py [--all] [DICTD_DIR]
"""
import gzip
import os
import re
import sys

SHIPPED = {"deu"}
LANGUAGES = {"ara": "ar", "deu": "de", "fra": "fr", "ita": "it", "nld": "nl", "pol": "pl", "por": "pt", "spa": "es", "tur": "tr"}
MAX_TRANSLATIONS = 3
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
WORD = re.compile(r"^[^\W\d_]+$")
ENGLISH = re.compile(r"^[a-z]+$")


def b64(text):
    value = 0
    for c in text:
        value = value * 64 + B64.index(c)
    return value


def translations(body):
    """The English one-word translations of an entry's body, in the dictionary's order."""
    lines = body.split("\n")[1:]  # the first line is the headword, pronunciation and part of speech
    found = []
    for line in lines:
        stripped = line.strip()
        if not stripped or re.match(r"^(see|Synonyms|Note|Antonym|Example|Usage|Syn)\b", stripped, re.IGNORECASE):
            continue
        if stripped.startswith("(") and stripped.endswith(";"):  # a definition in the source language (pol)
            continue
        text = re.sub(r"\[[^\]]*\]|<[^>]*>|\([^)]*\)|\{[^}]*\}", " ", stripped)
        text = re.sub(r"^\s*\d+\.\s*", "", text)
        for part in re.split(r"[,;/]", text):
            words = part.strip().lower().split()
            if words and words[0] == "to":
                words = words[1:]
            if len(words) == 1 and ENGLISH.match(words[0]) and len(words[0]) > 1 and words[0] not in found:
                found.append(words[0])
        if len(found) >= MAX_TRANSLATIONS:
            break
    return found[:MAX_TRANSLATIONS]


def entries(directory, source):
    """(index headword, entry text) of every entry of the FreeDict source-English dictionary in DIRECTORY; None when it is missing."""
    index_path = os.path.join(directory, f"freedict-{source}-eng.index")
    if not os.path.exists(index_path):
        print(f"{source}: no dictionary in {directory}", file=sys.stderr)
        return None
    with gzip.open(os.path.join(directory, f"freedict-{source}-eng.dict.dz"), "rb") as f:
        data = f.read()
    found = []
    with open(index_path, encoding="utf-8") as index:
        for line in index:
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 3 or fields[0].startswith("00"):
                continue
            found.append((fields[0], data[b64(fields[1]):b64(fields[1]) + b64(fields[2])].decode("utf-8", "replace")))
    return found


def build(directory, source, target, out_dir):
    dictionary = entries(directory, source)
    if dictionary is None:
        return
    glossary = {}
    for index_word, body in dictionary:
        if not WORD.match(index_word):
            continue
        english = translations(body)
        if english:
            known = glossary.setdefault(index_word.lower(), [])
            known.extend(e for e in english if e not in known)
    path = os.path.join(out_dir, f"{target}.tsv.gz")
    with gzip.GzipFile(path, "wb", mtime=0) as out:
        for headword in sorted(glossary):
            out.write(f"{headword}\t{' '.join(glossary[headword][:MAX_TRANSLATIONS])}\n".encode("utf-8"))
    print(f"{source} -> {path}: {len(glossary)} headwords")


def main():
    arguments = [a for a in sys.argv[1:] if a != "--all"]
    every = "--all" in sys.argv[1:]
    directory = arguments[0] if arguments else "/usr/share/dictd"
    out_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "Crosscheck.Stories", "Clustering", "Glossary")
    os.makedirs(out_dir, exist_ok=True)
    for source, target in sorted(LANGUAGES.items()):
        if every or source in SHIPPED:
            build(directory, source, target, out_dir)


if __name__ == "__main__":
    main()
