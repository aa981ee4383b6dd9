#!/usr/bin/env python3
"""Scores the statements a dossier shows against hand judgments of ECB+ wording pairs (choosing topics only).

`crosscheck eval events ../shared/data/events-ecbplus-dev/documents.jsonl --topics 1,3,4,6-11,13-17,19,20,22,24-33
--statements OUT.jsonl` writes one JSON line per shown statement (story, predicate, each article's wording). The
samples in scripts/statements-hand-check/ are pairs of wordings of one statement, in two articles, drawn at random from
the statements shown with the same-happening rule off (`--every-event`; one pair per sampled
statement), each judged by hand, before any rule was scored on it, as "same": the two sentences report the same
happening (the same act, by the same actors, at the same time), or not. sample1.jsonl (60 pairs) was looked at while
the rule was chosen (events10); sample2.jsonl (40 pairs, seed 7070) only after.

For each sample: of the pairs a rule still shows together (both articles in one statement of the same story and
predicate), how many are the same happening (precision), and how many of the same-happening pairs it keeps.

Usage: scripts/statements-hand-check.py OUT.jsonl [SAMPLE.jsonl ...]
"""
import json
import os
import sys


def kept_together(statements, pair):
    for s in statements:
        if s['story'] != pair['story'] or s['predicate'] != pair['predicate']:
            continue
        articles = {w['article'] for w in s['wordings']}
        if pair['a']['article'] in articles and pair['b']['article'] in articles:
            return True
    return False


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    statements = [json.loads(line) for line in open(sys.argv[1], encoding='utf-8')]
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'statements-hand-check')
    samples = sys.argv[2:] or [os.path.join(here, name) for name in sorted(os.listdir(here)) if name.endswith('.jsonl')]
    for path in samples:
        pairs = [json.loads(line) for line in open(path, encoding='utf-8')]
        kept = [p for p in pairs if kept_together(statements, p)]
        same = sum(p['same'] for p in kept)
        positives = sum(p['same'] for p in pairs)
        precision = same / len(kept) if kept else 0.0
        print(f"{os.path.basename(path)}: {len(pairs)} pairs ({positives} same happening); shown together {len(kept)}, "
              f"{same} same: precision {precision:.3f}, same-happening pairs kept {same}/{positives}")


if __name__ == '__main__':
    main()
