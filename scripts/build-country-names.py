#!/usr/bin/env python3
"""Builds src/Crosscheck.Stories/Clustering/Glossary/country-names.tsv: the names of the countries in each news
language, from Unicode CLDR as Debian ships it (unicode-cldr-core; Unicode
licence), so the clusterer can give "Deutschland", "Allemagne", "Германия", "德国" and "Germany" one feature.

Usage: python3 scripts/build-country-names.py [--out FILE]   (needs `apt-get install unicode-cldr-core`)
"""
import argparse
import os
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
LANGUAGES_FILE = os.path.join(HERE, "..", "src", "Crosscheck.Core", "WordLists", "news-languages.txt")
DEFAULT_OUT = os.path.join(HERE, "..", "src", "Crosscheck.Stories", "Clustering", "Glossary", "country-names.tsv")
CLDR = "/usr/share/unicode/cldr/common/main"


def languages():
    with open(LANGUAGES_FILE, encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip() and not line.startswith("#")]


def names(language):
    """(name, key) pairs: country names keyed by their ISO 3166 code. Cities (CLDR's time-zone exemplar cities) were
    tried and left out: many are also surnames and words ("Casey", "Regina"), and unrelated pages met on them."""
    root = ET.parse(os.path.join(CLDR, language + ".xml")).getroot()
    for territory in root.iterfind("./localeDisplayNames/territories/territory"):
        code = territory.get("type", "")
        # Two letters: a country or territory; three digits are continents and regions ("Europe", "World").
        # Only the short alternative ("US", "UK", "США"); "variant" spellings are rare in news.
        if len(code) == 2 and code.isalpha() and territory.get("alt") in (None, "short") and territory.text:
            yield territory.text.strip(), code.lower()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=DEFAULT_OUT)
    args = parser.parse_args()
    rows = set()
    for language in languages():
        for name, key in names(language):
            rows.add((language, name, key))
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# language\tcountry name\tISO 3166 code; built by scripts/build-country-names.py from Unicode CLDR (unicode-cldr-core)\n")
        for row in sorted(rows):
            f.write("\t".join(row) + "\n")
    print(f"{len(rows)} names -> {args.out}")


if __name__ == "__main__":
    main()
