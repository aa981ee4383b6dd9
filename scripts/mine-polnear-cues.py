#!/usr/bin/env python3
"""Lists cue-word candidates mined from a PolNeAR-style split (train only: never dev or test).

For every single-word cue span in the split's gold attributions that the quote lexicon
(src/Crosscheck.Annotation/Quotes/Data/cues.txt) does not hold, it counts how often the word
occurs in the split's texts (tot) and how often an occurrence lies inside a gold cue span (hit).
Words with hit >= MIN_HITS and hit/tot >= MIN_PRECISION are printed; a person then keeps the
speech verbs among them (the list also holds nouns and verbs of seeming: "expected", "appears").

usage: scripts/mine-polnear-cues.py ../shared/data/attribution-polnear/train [MIN_HITS=4] [MIN_PRECISION=0.5]
"""
import collections, glob, os, re, sys

split = sys.argv[1]
min_hits = int(sys.argv[2]) if len(sys.argv) > 2 else 4
min_precision = float(sys.argv[3]) if len(sys.argv) > 3 else 0.5
here = os.path.dirname(os.path.abspath(__file__))
lexicon = set()
with open(os.path.join(here, '..', 'src', 'Crosscheck.Annotation', 'Quotes', 'Data', 'cues.txt'), encoding='utf-8') as f:
    for line in f:
        if line.strip() and not line.startswith('#'):
            lexicon.add(line.split('\t')[0].strip().lower().split()[0])

candidates = collections.Counter()
documents = []
for path in sorted(glob.glob(os.path.join(split, 'text', '*.txt'))):
    base = os.path.basename(path)[:-4]
    annotations = sorted(a for a in glob.glob(os.path.join(split, 'attributions', base + '_*.ann'))
                         if os.path.basename(a)[:-4].rfind('_') == len(base))
    if not annotations:
        continue
    text = open(path, encoding='utf-8').read()
    in_cue = bytearray(len(text))
    for line in open(annotations[0], encoding='utf-8'):
        fields = line.rstrip('\n').split('\t')
        if len(fields) < 3 or not fields[0].startswith('T') or not fields[1].startswith('Cue '):
            continue
        words = fields[2].lower().split()
        if len(words) == 1 and re.fullmatch(r"[a-z]+", words[0]):
            candidates[words[0]] += 1
        for part in fields[1][4:].split(';'):
            start, end = map(int, part.split())
            in_cue[start:end] = b'\x01' * (end - start)
    documents.append((text.lower(), in_cue))

rows = []
for word in candidates:
    if word in lexicon:
        continue
    pattern = re.compile(r'\b' + word + r'\b')
    total = hits = 0
    for text, in_cue in documents:
        for m in pattern.finditer(text):
            total += 1
            hits += in_cue[m.start()]
    if hits >= min_hits and hits / total >= min_precision:
        rows.append((hits, total, word))
for hits, total, word in sorted(rows, reverse=True):
    print(f'{word}\thit={hits}\ttot={total}\tprecision={hits / total:.2f}')
