#!/usr/bin/env python3
"""Learns attribution cues from the annotated cues of chosen PolNeAR train folds (never dev or test, never the held-out fold).

Two steps, with a run of the engine between them:

  1. candidates: gold cue spans of the folds (1-4 words, letters only; leading auxiliaries and adverbs such as "has",
     "also", "to" cut off) not already in src/Crosscheck.Annotation/Quotes/Data/cues.txt and sharing no word with a listed
     cue, that occur at least MIN_HITS times inside gold cue spans of those folds at a rate of at least MIN_RATE of all
     their occurrences:
       scripts/select-polnear-cues.py candidates TRAIN --folds 1,2,3,4 > pool.txt
  2. run the engine with the candidates added, writing what it found:
       crosscheck eval attribution TRAIN --folds 5 --cues pool.txt --out found.jsonl
  3. select: keep a candidate when the attributions it made in the folds match gold content and source (the scorer's
     one-to-one matching) at least MIN_PRECISION of the time, at least MIN_FOUND found:
       scripts/select-polnear-cues.py select TRAIN --folds 1,2,3,4 --candidates pool.txt --found found.jsonl > learned.txt
  Cross-validation inside the folds: run 1 and 3 on three folds, score the fourth with `--cues learned.txt --fold K/5`.
  Folds are those of `crosscheck eval attribution --folds 5`: article i in file-name order is in fold i mod 5 + 1.
"""
import argparse, collections, glob, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
CUES = os.path.join(HERE, '..', 'src', 'Crosscheck.Annotation', 'Quotes', 'Data', 'cues.txt')
LEADING = {'has', 'have', 'had', 'is', 'are', 'was', 'were', 'also', 'to', 'will', 'would', 'did', 'can', 'the', 'a', 'an',
           'now', 'later', 'just', 'often', 'recently', 'initially', 'previously', 'first', 'never', 'not', 'new'}
# Handled by the SourcelessStance rule or listed as verbs of saying in other forms.
STANCE = re.compile(r'^(seem|seems|seemed|appear|appears|appeared|expected|expect|expects|said|says|say)\b')
WORD = re.compile(r'^[a-z][a-z\-]*$')


def listed_cues():
    with open(CUES, encoding='utf-8') as f:
        return {line.split('\t')[0].strip().lower() for line in f if line.strip() and not line.startswith('#')}


def articles(split, folds):
    """(name, fold, text, annotation path or None) of the folds' articles."""
    for i, path in enumerate(sorted(glob.glob(os.path.join(split, 'text', '*.txt')))):
        if i % 5 + 1 not in folds:
            continue
        base = os.path.basename(path)[:-4]
        anns = sorted(a for a in glob.glob(os.path.join(split, 'attributions', base + '_*.ann'))
                      if os.path.basename(a)[:-4].rfind('_') == len(base))
        yield os.path.basename(path), i % 5 + 1, open(path, encoding='utf-8').read(), anns[0] if anns else None


QUOTE_MARKS = set('"\u201C\u00AB\u201E\u2039\u201D\u00BB\u203A')  # QuoteMarks.IsQuoteChar


def is_direct(text, content):
    """Whether an attribution is a direct quote as the scorer counts it: a quotation mark inside its content spans."""
    return any(ch in QUOTE_MARKS for a, b in content for ch in text[a:b])


def spans(field):
    out = []
    for part in field.split(';'):
        bounds = part.split()
        if len(bounds) == 2 and int(bounds[1]) > int(bounds[0]):
            out.append((int(bounds[0]), int(bounds[1])))
    return out


def normalised(cue, listed_words):
    words = cue.split()
    while words and words[0] in LEADING:
        words = words[1:]
    phrase = ' '.join(words)
    if not words or any(w in listed_words for w in words) or STANCE.match(phrase):
        return None
    return phrase


def candidates(args):
    listed = listed_cues()
    listed_words = {w for c in listed for w in c.split()}
    counts, documents = collections.Counter(), []
    for _, _, text, ann in articles(args.train, args.folds):
        in_cue = bytearray(len(text) + 1)
        for line in open(ann, encoding='utf-8') if ann else []:
            fields = line.rstrip('\n').split('\t')
            if len(fields) < 3 or not fields[0].startswith('T') or not fields[1].startswith('Cue '):
                continue
            for start, end in spans(fields[1][4:]):
                in_cue[start:end] = b'\x01' * (end - start)
            words = fields[2].lower().split()
            if 1 <= len(words) <= 4 and all(WORD.match(w) for w in words):
                counts[' '.join(words)] += 1
        documents.append((text.lower(), in_cue))
    kept = set()
    for cue, n in counts.items():
        # at least two gold spans of exactly this text (a cheap filter before counting every occurrence)
        if cue in listed or n < 2:
            continue
        pattern = re.compile(r'\b' + re.escape(cue) + r'\b')
        total = hits = 0
        for text, in_cue in documents:
            for m in pattern.finditer(text):
                total += 1
                hits += in_cue[m.start()]
        if hits >= args.min_hits and hits / total >= args.min_rate and (phrase := normalised(cue, listed_words)):
            kept.add(phrase)
    print('\n'.join(sorted(kept)))


def gold_of(text, ann):
    """(content spans, source spans or None, cue spans) per gold attribution, and the `Discard` spans."""
    typed, events, discarded = {}, [], []
    for line in open(ann, encoding='utf-8') if ann else []:
        fields = line.rstrip('\n').split('\t')
        if len(fields) < 2:
            continue
        if fields[0].startswith('T'):
            kind, _, ranges = fields[1].partition(' ')
            typed[fields[0]] = spans(ranges)
            if kind == 'Discard':
                discarded += typed[fields[0]]
        elif fields[0].startswith('E'):
            events.append(dict(x.split(':', 1) for x in fields[1].split() if ':' in x))
    gold = []
    for roles in events:
        content = typed.get(roles.get('Content'))
        if content:
            gold.append((content, typed.get(roles.get('Source')) if 'Source' in roles else None, typed.get(roles.get('Cue')) or []))
    return gold, discarded


def share(a, b):
    shared = sum(max(0, min(x[1], y[1]) - max(x[0], y[0])) for x in a for y in b)
    shorter = min(sum(x[1] - x[0] for x in a), sum(x[1] - x[0] for x in b))
    return shared / shorter if shorter else 0


def agree(a, b):
    if a is None or b is None:
        return a is None and b is None
    return any(x[0] < y[1] and y[0] < x[1] for x in a for y in b)


def matching(found, gold):
    """The scorer's one-to-one matching of (content, source) pairs: content shares half of the shorter one, sources
    overlap (or both are missing), best shares first. Returns the indices of the matched found and the matched gold."""
    pairs = sorted((-share(f[0], g[0]), i, j) for i, f in enumerate(found) for j, g in enumerate(gold)
                   if share(f[0], g[0]) >= 0.5 and agree(f[1], g[1]))
    used_found, used_gold = set(), set()
    for _, i, j in pairs:
        if i not in used_found and j not in used_gold:
            used_found.add(i)
            used_gold.add(j)
    return used_found, used_gold


def select(args):
    pool = [line.strip() for line in open(args.candidates, encoding='utf-8') if line.strip() and not line.startswith('#')]
    found = collections.defaultdict(list)
    for line in open(args.found, encoding='utf-8'):
        a = json.loads(line)
        found[a['file']].append(a)
    made = collections.defaultdict(lambda: [0, 0])
    for name, _, text, ann in articles(args.train, args.folds):
        gold, discarded = gold_of(text, ann)
        inside = lambda c: discarded and all(any(d[0] <= x[0] and x[1] <= d[1] for d in discarded) for x in c)
        gold = [g for g in gold if not inside(g[0])]
        mine = [([tuple(a['content'])], [tuple(a['source'])] if a['source'] else None, (a['cue'] or '').lower())
                for a in found[name] if not inside([tuple(a['content'])])]
        used_found, _ = matching(mine, gold)
        for i, f in enumerate(mine):
            made[f[2]][0] += 1
            made[f[2]][1] += i in used_found
    for cue in pool:
        n, matched = made.get(cue, (0, 0))
        if n >= args.min_found and matched / n >= args.min_precision:
            print(cue)
        else:
            print(f'dropped {cue}: {matched} of {n} matched', file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('step', choices=['candidates', 'select'])
    parser.add_argument('train', help='the PolNeAR train directory (text/, attributions/)')
    parser.add_argument('--folds', default='1,2,3,4', help='folds of 5 to learn from (default 1,2,3,4: fold 5 is held out)')
    parser.add_argument('--min-hits', type=int, default=3)
    parser.add_argument('--min-rate', type=float, default=0.3)
    parser.add_argument('--candidates', help='select: the candidate list of step 1')
    parser.add_argument('--found', help='select: the --out file of the run with the candidates added')
    parser.add_argument('--min-found', type=int, default=3)
    parser.add_argument('--min-precision', type=float, default=0.65)
    args = parser.parse_args()
    args.folds = {int(k) for k in args.folds.split(',')}
    if 5 in args.folds:
        sys.exit('fold 5 is the held-out fold: learn from folds 1-4 only')
    candidates(args) if args.step == 'candidates' else select(args)


if __name__ == '__main__':
    main()
