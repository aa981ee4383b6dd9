#!/usr/bin/env python3
"""Per-page word F1 of `crosscheck eval extraction --out FILE` predictions, by half and page type.

The benchmark's metric (lowercased \\w+ tokens, multiset overlap, P/R/F1 per page averaged over pages) recomputed
from the predictions file, so that two builds can be compared page by page and a line rule simulated on a
build's output before it is coded. Halves as `--half` splits them: the last byte of MD5(page id), even = choosing.

  scores  PRED [--half even]            per-type word F1 of one predictions file
  compare BEFORE AFTER [--half even]    both, and every page whose F1 moved (read only the choosing half's pages)
  lines   PRED ID                       a page's output lines, marked XX where under half their words are in the reference
  where   PRED [--half even]            per type, the summed per-page F1 gained if the lines marked XX were all dropped,
                                        by where they sit: before the first kept reference line, inside, after the last
  missing PRED [--half even]            per type, the reference words the output lacks, by where their text sits in the HTML:
                                        a skipped element (nav, aside, footer...), hidden, under a furniture-named class/id
                                        (the hint named), plain, or "unmatched" (the line is not one text node of the page)
  under   PRED PATTERN [--tag] [--half even]
                                        per type, the summed per-page F1 change if the output lines made (half or more) of
                                        text under elements whose class or id (with --tag: tag name) matches PATTERN went

Examples:
  crosscheck eval extraction /work/shared/data/extraction-wcxb-dev --held-out-page-types --half even --out before.json
  scripts/wcxb-page-scores.py compare before.json after.json --half even
"""
import argparse
import collections
import gzip
import hashlib
import html.parser
import json
import os
import re
import sys

WORD = re.compile(r"\w+")


def tokens(text):
    return collections.Counter(WORD.findall(text.lower()))


def page_score(predicted, reference):
    """(precision, recall, F1) of one page; an empty reference and an empty output agree."""
    p, r = tokens(predicted), tokens(reference)
    if not p and not r:
        return 1.0, 1.0, 1.0
    if not p or not r:
        return 0.0, 0.0, 0.0
    overlap = sum((p & r).values())
    precision, recall = overlap / sum(p.values()), overlap / sum(r.values())
    return precision, recall, (2 * precision * recall / (precision + recall) if overlap else 0.0)


def half_of(page_id):
    return "even" if hashlib.md5(page_id.encode("utf-8")).digest()[-1] % 2 == 0 else "odd"


class Benchmark:
    def __init__(self, directory):
        with open(f"{directory}/ground-truth.json", encoding="utf-8") as f:
            self.truth = {k: v.get("articleBody") or "" for k, v in json.load(f).items()}
        with open(f"{directory}/meta.json", encoding="utf-8") as f:
            self.types = {k: v.get("page_type", "?") for k, v in json.load(f).items()}

    def scores(self, predictions, half):
        return {k: page_score(body, self.truth[k]) for k, body in predictions.items()
                if k in self.truth and (half is None or half_of(k) == half)}


def load(path):
    with open(path, encoding="utf-8") as f:
        return {k: v["articleBody"] for k, v in json.load(f).items()}


def summary(bench, scores, label):
    by_type = collections.defaultdict(list)
    for page_id, (_, _, f1) in scores.items():
        by_type["all"].append(f1)
        by_type[bench.types.get(page_id, "?")].append(f1)
    cells = " ".join(f"{t} {sum(v) / len(v):.4f} ({len(v)})" for t, v in sorted(by_type.items(), key=lambda item: (item[0] != "all", item[0])))
    print(f"{label}: {cells}")


def in_reference(line, reference):
    """Whether at least half the line's words occur in the reference (a line with no words counts as in)."""
    words = WORD.findall(line.lower())
    return not words or sum(w in reference for w in words) / len(words) >= 0.5


def where_extra_lines_sit(bench, predictions, half):
    """The most a line filter could gain: per type, F1 summed over pages if the lines out of the reference went."""
    gains = collections.defaultdict(collections.Counter)
    for page_id, body in predictions.items():
        if page_id not in bench.truth or (half is not None and half_of(page_id) != half):
            continue
        reference = set(tokens(bench.truth[page_id]))
        lines = body.split("\n\n")
        kept = [in_reference(line, reference) for line in lines]
        if not any(kept):
            continue
        first, last = kept.index(True), len(kept) - 1 - kept[::-1].index(True)
        before = page_score(body, bench.truth[page_id])[2]
        for part, outside in (("leading", lambda i: i < first), ("inside", lambda i: first < i < last), ("trailing", lambda i: i > last)):
            text = "\n\n".join(line for i, line in enumerate(lines) if kept[i] or not outside(i))
            gains[bench.types.get(page_id, "?")][part] += page_score(text, bench.truth[page_id])[2] - before
    for page_type, parts in sorted(gains.items()):
        print(f"{page_type:13s} " + " ".join(f"{part} {parts[part]:+.3f}" for part in ("leading", "inside", "trailing")))


VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
SKIPPED_TAGS = {"nav", "aside", "footer", "header", "figcaption", "dialog", "menu", "button", "select", "option", "textarea",
                "noscript", "template"}
# Beside this script in the repository, wherever it is run from (the docstring's examples run it from /work/... too).
HINTS_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "Crosscheck.Extraction", "Heuristics", "negative-class-hints.txt")


class TextNodes(html.parser.HTMLParser):
    """Every text node of a page (whitespace collapsed, scripts and styles aside) with the open elements above it, each
    as (tag, lower-cased class and id, hidden): the hidden attribute, aria-hidden or a display:none/visibility:hidden style."""

    def __init__(self):
        super().__init__()
        self.stack, self.texts = [], []

    def handle_starttag(self, tag, attrs):
        if tag in VOID_TAGS:
            return
        a = dict(attrs)
        style = (a.get("style") or "").replace(" ", "").lower()
        hidden = "hidden" in a or a.get("aria-hidden") == "true" or "display:none" in style or "visibility:hidden" in style
        self.stack.append((tag, f"{a.get('class') or ''} {a.get('id') or ''}".lower(), hidden))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        text = " ".join(data.split())
        if text and not any(tag in ("script", "style") for tag, _, _ in self.stack):
            self.texts.append((text, tuple(self.stack)))


def text_nodes(directory, page_id):
    parser = TextNodes()
    path = f"{directory}/html/{page_id}.html"
    try:
        with gzip.open(path + ".gz", "rt", encoding="utf-8", errors="replace") as f:
            parser.feed(f.read())
    except FileNotFoundError:
        with open(path, encoding="utf-8", errors="replace") as f:
            parser.feed(f.read())
    return parser.texts


def context_of(stack, hints):
    """Where a text node sits, as the content pass would judge it first: a skipped element, hidden, furniture, or plain."""
    skipped = next((tag for tag, _, _ in stack if tag in SKIPPED_TAGS), None)
    if skipped:
        return "skipped " + skipped
    if any(hidden for _, _, hidden in stack):
        return "hidden"
    hint = next((h for _, names, _ in stack for h in hints if h in names), None)
    return f"furniture '{hint}'" if hint else "plain"


def missing_by_context(bench, predictions, half, directory):
    with open(HINTS_FILE, encoding="utf-8") as f:
        hints = [line.strip() for line in f if line.strip() and not line.startswith("#")]
    words = collections.defaultdict(collections.Counter)
    for page_id, body in predictions.items():
        if page_id not in bench.truth or (half is not None and half_of(page_id) != half):
            continue
        contexts = {}
        for text, stack in text_nodes(directory, page_id):
            contexts.setdefault(text, stack)
        output = set(tokens(body))
        for line in bench.truth[page_id].split("\n"):
            line = " ".join(line.split())
            if not line or in_reference(line, output):
                continue
            stack = contexts.get(line, contexts.get(line.lstrip("- ")))
            context = "unmatched" if stack is None else context_of(stack, hints)
            for page_type in ("all", bench.types.get(page_id, "?")):
                words[page_type][context] += len(WORD.findall(line))
    for page_type, counts in sorted(words.items(), key=lambda item: (item[0] != "all", item[0])):
        print(f"{page_type:13s} {sum(counts.values()):6d} words: " + ", ".join(f"{c} {n}" for c, n in counts.most_common(10)))


def dropped_under(bench, predictions, half, directory, pattern, by_tag):
    """Per type, the summed F1 change if output lines made (half or more) of text under matching elements were dropped."""
    matcher = re.compile(pattern)
    changes = collections.defaultdict(collections.Counter)
    for page_id, body in sorted(predictions.items()):
        if page_id not in bench.truth or (half is not None and half_of(page_id) != half):
            continue
        under = {text for text, stack in text_nodes(directory, page_id) if len(text) > 1
                 and any(matcher.fullmatch(tag) if by_tag else matcher.search(names) for tag, names, _ in stack)}
        under = [text for text in under if text in body]
        if not under:
            continue
        lines = body.split("\n\n")
        kept = [line for line in lines if not any(text in line and 2 * len(text) >= len(line) for text in under)]
        if len(kept) == len(lines):
            continue
        before = page_score(body, bench.truth[page_id])[2]
        after = page_score("\n\n".join(kept), bench.truth[page_id])[2]
        page_type = bench.types.get(page_id, "?")
        changes[page_type]["pages"] += 1
        changes[page_type]["up" if after > before else "down" if after < before else "level"] += 1
        changes[page_type]["sum"] += after - before
        if abs(after - before) >= 0.005:
            print(f"{after - before:+.3f} {page_id} {page_type:13s} {before:.3f} -> {after:.3f} e.g. {under[:3]!r:.120s}")
    for page_type, c in sorted(changes.items()):
        print(f"{page_type:13s} pages {c['pages']:3d} (up {c['up']}, down {c['down']}) sum {c['sum']:+.3f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["scores", "compare", "lines", "where", "missing", "under"])
    parser.add_argument("files", nargs="+", help="predictions file(s); for lines, the file and a page id; for under, the file and a pattern")
    parser.add_argument("--tag", action="store_true", help="under: PATTERN matches the whole tag name, not the class and id")
    parser.add_argument("--half", choices=["even", "odd"], help="only this half's pages (default all)")
    parser.add_argument("--data", default="/work/shared/data/extraction-wcxb-dev", help="the benchmark directory")
    args = parser.parse_args()
    bench = Benchmark(args.data)

    if args.command == "scores":
        summary(bench, bench.scores(load(args.files[0]), args.half), args.files[0])
    elif args.command == "compare":
        before, after = (bench.scores(load(path), args.half) for path in args.files[:2])
        summary(bench, before, "before")
        summary(bench, after, "after")
        moved = sorted((after[k][2] - before[k][2], k) for k in before if k in after and abs(after[k][2] - before[k][2]) > 1e-9)
        print(f"pages moved {len(moved)}: up {sum(d > 0 for d, _ in moved)}, down {sum(d < 0 for d, _ in moved)}, sum {sum(d for d, _ in moved):+.3f}")
        for delta, page_id in moved:
            print(f"{delta:+.3f} {page_id} {bench.types.get(page_id, '?'):13s} {before[page_id][2]:.3f} -> {after[page_id][2]:.3f}")
    elif args.command == "where":
        where_extra_lines_sit(bench, load(args.files[0]), args.half)
    elif args.command == "missing":
        missing_by_context(bench, load(args.files[0]), args.half, args.data)
    elif args.command == "under":
        if len(args.files) < 2:
            sys.exit("under needs a predictions file and a pattern")
        dropped_under(bench, load(args.files[0]), args.half, args.data, args.files[1], args.tag)
    else:
        if len(args.files) < 2:
            sys.exit("lines needs a predictions file and a page id")
        page_id = args.files[1]
        reference = set(tokens(bench.truth[page_id]))
        for line in load(args.files[0])[page_id].split("\n\n"):
            print(f"{'  ' if in_reference(line, reference) else 'XX'} {len(WORD.findall(line)):4d} {line[:150]!r}")


if __name__ == "__main__":
    main()
