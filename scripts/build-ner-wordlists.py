#!/usr/bin/env python3
"""Builds the dictionary word lists the entity trainer turns into gazetteer lists for a language's model.

Reads Debian's FreeDict dictionaries (packages dict-freedict-XXX-eng; the dictd files under /usr/share/dictd)
and writes src/Crosscheck.Training/NerWordLists/<lang>.tsv.gz: one line per headword of one word, a tab, then
its class:
  common  a word the dictionary lists with English translations in lower case (for German: a noun, so a
          capitalised German word that is one is rarely a name, since German capitalises every noun);
  proper  a word most of whose senses are translated by a capitalised English word ("Europa", "Amerikaner"):
          a name or a word made from one (CoNLL tags the latter MISC). Words are kept as written (German nouns
capitalised); the trainer matches them case-insensitively. The trainer reads only the files written here, never
/usr/share. Licences: see NerWordLists/README.md. Run again when the dictionaries change.

Usage: scripts/build-ner-wordlists.py [DICTD_DIR]
"""
import gzip
import importlib.util
import os
import re
import sys

# The FreeDict reader of the glossary builder (its file name is not a module name).
_SPEC = importlib.util.spec_from_file_location("build_glossary", os.path.join(os.path.dirname(os.path.abspath(__file__)), "build-glossary.py"))
freedict = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(freedict)

# Languages whose lists were measured to help their models (docs/BENCHMARKS.md, 2026-12-05 midday).
LANGUAGES = {"deu": "de", "nld": "nl", "spa": "es"}
WORD = re.compile(r"^[^\W\d_]{2,}$")
TRANSLATION = re.compile(r"^\s*(?:\[[^\]]*\]\s*)*([^\s\[<(]+)")


def headword_and_votes(body):
    """The headword as the entry writes it, and its senses translated by a capitalised / a lower-case English word."""
    lines = body.split("\n")
    headword = lines[0].split(" /")[0].split(" <")[0].strip()
    capitalised = lower = 0
    for line in lines[1:]:  # the first line is the headword, pronunciation and part of speech
        stripped = line.strip()
        if not stripped or re.match(r"^(see|Synonyms?|Note|Antonym|Example|Usage|Syn)\b", stripped, re.IGNORECASE) or stripped.startswith('"'):
            continue
        match = TRANSLATION.match(line)
        if not match or not match.group(1)[0].isalpha():
            continue
        if match.group(1)[0].isupper() and match.group(1) != "I":
            capitalised += 1
        else:
            lower += 1
    return headword, capitalised, lower


def build(directory, source, target, out_dir):
    dictionary = freedict.entries(directory, source)
    if dictionary is None:
        return
    votes = {}
    for _, body in dictionary:
        headword, capitalised, lower = headword_and_votes(body)
        if not WORD.match(headword) or capitalised + lower == 0:
            continue
        known = votes.setdefault(headword, [0, 0])
        known[0] += capitalised
        known[1] += lower
    words = {word: "proper" if capitalised > lower else "common" for word, (capitalised, lower) in votes.items()}
    path = os.path.join(out_dir, f"{target}.tsv.gz")
    with gzip.GzipFile(path, "wb", mtime=0) as out:
        for word in sorted(words):
            out.write(f"{word}\t{words[word]}\n".encode("utf-8"))
    counts = {k: sum(1 for v in words.values() if v == k) for k in ("common", "proper")}
    print(f"{source} -> {path}: {len(words)} words ({counts['common']} common, {counts['proper']} proper)")


def main():
    directory = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/dictd"
    out_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "Crosscheck.Training", "NerWordLists")
    os.makedirs(out_dir, exist_ok=True)
    for source, target in sorted(LANGUAGES.items()):
        build(directory, source, target, out_dir)


if __name__ == "__main__":
    main()
