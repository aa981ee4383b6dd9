#!/usr/bin/env python3
"""Which gold cue words the attribution recogniser misses most, by stem, and how often each is a cue at all (the aim: to see
whether an unlisted report or stance verb is worth a rule or a cue before building one).

  crosscheck eval attribution TRAIN --fold K/5 --cue-model cvK.model.gz --out foundK.jsonl     # K = 1..4, out-of-fold cue models
  scripts/polnear-missed-cues.py TRAIN found1.jsonl found2.jsonl found3.jsonl found4.jsonl --models cv1.model.gz ... cv4.model.gz

Each found file holds one fold's attributions (the fold is read from its articles, as in scripts/polnear-learned-cues.py). Every
gold attribution outside `Discard` spans is matched with the scorer's one-to-one matching (content shares half of the shorter one,
sources overlap) and its cue head taken: the first word of the gold cue that is no auxiliary or adverb ("has long argued" ->
"argued"). Heads are put in four kinds: listed (cues.txt holds the cue or its head), scored (the head's stem, CueFeatures.Stem's
crude one, is among that fold's cue model's stems), inflection (the stem is a listed one-word cue's stem, unscored), unknown. Per
kind: gold, missed, missed with no found content overlapping. Then the most-missed stems of the chosen kinds with their forms and,
over every occurrence of those forms in the folds' texts, how many lie in a gold cue span: a word that is a cue in fewer than about
F1/2 (~0.36) of its occurrences cannot pay as a cue on its own. Run it on the choosing folds only.
"""
import argparse, collections, gzip, importlib.util, json, os, re

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location('cues', os.path.join(HERE, 'select-polnear-cues.py'))
cues = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(cues)

SKIP = cues.LEADING | {'been', 'be', 'being', 'still', 'publicly', 'repeatedly', 'long', 'previously', 'already', 'openly',
                       'reportedly', 'strongly', 'even', 'then', "n't"}
WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")


def stem(word):
    """CueFeatures.Stem: lower case, one of "-ing", "-ed", "-es", "-s" cut while three letters stay, then a final "e"."""
    word = word.lower()
    for ending in ('ing', 'ed', 'es', 's'):
        if len(word) - len(ending) >= 3 and word.endswith(ending):
            word = word[:-len(ending)]
            break
    return word[:-1] if len(word) > 3 and word.endswith('e') else word


def model_stems(path):
    with gzip.open(path, 'rt', encoding='utf-8') as f:
        return {line.split('\t')[1].strip() for line in f if line.startswith('stem\t')}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('train')
    parser.add_argument('found', nargs='+')
    parser.add_argument('--models', nargs='*', default=[], help="each found file's out-of-fold cue model, in the same order")
    parser.add_argument('--kinds', default='unknown,inflection,scored')
    parser.add_argument('--top', type=int, default=30)
    args = parser.parse_args()
    listed = cues.listed_cues()
    listed_stems = {stem(c) for c in listed if ' ' not in c}
    fold_of = {name: fold for name, fold, _, _ in cues.articles(args.train, {1, 2, 3, 4, 5})}
    found = collections.defaultdict(list)
    model_of_fold = {}
    for n, path in enumerate(args.found):
        for line in open(path, encoding='utf-8'):
            a = json.loads(line)
            found[a['file']].append(a)
            model_of_fold[fold_of[a['file']]] = n
    stems = [model_stems(p) for p in args.models]
    rows, occurrences, in_cue = [], collections.Counter(), collections.Counter()
    for name, fold, text, ann in cues.articles(args.train, set(model_of_fold)):
        scored = stems[model_of_fold[fold]] if stems else set()
        gold_raw, discarded = cues.gold_of(text, ann)
        inside = lambda c: discarded and all(any(d[0] <= x[0] and x[1] <= d[1] for d in discarded) for x in c)
        gold = [g for g in gold_raw if not inside(g[0])]
        mine = [a for a in found[name] if not inside([tuple(a['content'])])]
        pairs = [([tuple(a['content'])], [tuple(a['source'])] if a['source'] else None) for a in mine]
        _, hit = cues.matching(pairs, [(g[0], g[1]) for g in gold])
        cue_chars = bytearray(len(text) + 1)
        for g in gold_raw:
            for s, e in g[2]:
                cue_chars[s:e] = b'\x01' * (e - s)
        for m in WORD.finditer(text):
            occurrences[m.group().lower()] += 1
            in_cue[m.group().lower()] += cue_chars[m.start()]
        for j, (content, _, cue) in enumerate(gold):
            words = [w.lower() for s, e in sorted(cue) for w in WORD.findall(text[s:e])]
            phrase = ' '.join(words)
            heads = [w for w in words if w not in SKIP]
            head = heads[0] if heads else (words[0] if words else '')
            kind = ('none' if not cue else 'listed' if phrase in listed or head in listed else 'scored' if stem(head) in scored
                    else 'inflection' if stem(head) in listed_stems else 'unknown')
            overlap = any(cues.share(p[0], content) > 0 for p in pairs)
            rows.append((kind, head, j in hit, overlap))
    print(f"{len(rows)} gold attributions, {sum(r[2] for r in rows)} matched")
    for kind in ('listed', 'scored', 'inflection', 'unknown', 'none'):
        mine = [r for r in rows if r[0] == kind]
        if mine:
            print(f"{kind:11s} gold {len(mine):6d}  missed {sum(not r[2] for r in mine):5d}  "
                  f"missed, no found content overlapping {sum(not r[2] and not r[3] for r in mine):5d}  "
                  f"stems missed {len({stem(r[1]) for r in mine if not r[2]})}")
    for kind in args.kinds.split(','):
        missed, forms, gold_of_stem = collections.Counter(), collections.defaultdict(collections.Counter), collections.Counter()
        for k, head, hit, _ in rows:
            if k != kind or not head:
                continue
            gold_of_stem[stem(head)] += 1
            if not hit:
                missed[stem(head)] += 1
                forms[stem(head)][head] += 1
        print(f"\n{kind}: {sum(missed.values())} missed over {len(missed)} stems ({sum(1 for n in missed.values() if n == 1)} missed once)")
        print(f"{'stem':14s} {'missed':>6s} {'gold':>5s}  {'occ':>6s} {'in cue':>6s} {'rate':>5s}  forms missed")
        for s, n in missed.most_common(args.top):
            occ = sum(occurrences[f] for f in forms[s])
            cue = sum(in_cue[f] for f in forms[s])
            print(f"{s:14s} {n:6d} {gold_of_stem[s]:5d}  {occ:6d} {cue:6d} {cue / max(occ, 1):5.2f}  "
                  + ', '.join(f'{f} {c}' for f, c in forms[s].most_common(4)))


if __name__ == '__main__':
    main()
