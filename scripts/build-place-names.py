#!/usr/bin/env python3
"""Builds src/Crosscheck.Stories/Clustering/Glossary/place-names.tsv: the names of countries and of the cities the
time zones are named after, in each news language, from Unicode CLDR as Debian ships it (unicode-cldr-core; Unicode
licence), so the clusterer can give "Deutschland", "Allemagne", "Германия", "德国" and "Germany" one feature.

Usage: python3 scripts/build-place-names.py [--out FILE]   (needs `apt-get install unicode-cldr-core`)
"""
import argparse
import os
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
LANGUAGES_FILE = os.path.join(HERE, "..", "src", "Crosscheck.Core", "WordLists", "news-languages.txt")
DEFAULT_OUT = os.path.join(HERE, "..", "src", "Crosscheck.Stories", "Clustering", "Glossary", "place-names.tsv")
CLDR = "/usr/share/unicode/cldr/common/main"


def languages():
    with open(LANGUAGES_FILE, encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip() and not line.startswith("#")]


def names(language):
    """(name, key) pairs: country names keyed by their ISO 3166 code, cities by their time zone."""
    root = ET.parse(os.path.join(CLDR, language + ".xml")).getroot()
    for territory in root.iterfind("./localeDisplayNames/territories/territory"):
        code = territory.get("type", "")
        # Two letters: a country or territory; three digits are continents and regions ("Europe", "World").
        # Only the short alternative ("US", "UK", "США"); "variant" spellings are rare in news.
        if len(code) == 2 and code.isalpha() and territory.get("alt") in (None, "short") and territory.text:
            yield territory.text.strip(), code.lower()
    for zone in root.iterfind("./dates/timeZoneNames/zone"):
        city = zone.find("exemplarCity")
        if city is not None and city.text and city.get("alt") is None:
            yield city.text.strip(), zone.get("type")
    if language == "en":
        # English is CLDR's root: most zones carry no exemplar city there, the zone's own name is the English one.
        with open(os.path.join(CLDR, "..", "supplemental", "metaZones.xml"), encoding="utf-8") as f:
            meta = ET.parse(f).getroot()
        for zone in meta.iterfind(".//timezone"):
            zone_id = zone.get("type", "")
            if "/" in zone_id and not zone_id.startswith("Etc/"):
                yield zone_id.rsplit("/", 1)[1].replace("_", " "), zone_id


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=DEFAULT_OUT)
    args = parser.parse_args()
    rows = set()
    for language in languages():
        for name, key in names(language):
            rows.add((language, name, key))
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# language\tplace name\tkey (ISO 3166 code or time zone); built by scripts/build-place-names.py from Unicode CLDR (unicode-cldr-core)\n")
        for row in sorted(rows):
            f.write("\t".join(row) + "\n")
    print(f"{len(rows)} names -> {args.out}")


if __name__ == "__main__":
    main()
