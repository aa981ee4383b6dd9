#!/usr/bin/env python3
"""What the learned cue detector's attributions are worth on held-out folds, and what it misses (the aim: a fold the rules were not chosen on within 0.02 of dev).

  crosscheck train attribution-cues TRAIN --folds 2,3,4 --out cv1.model.gz               # and 1,3,4 / 1,2,4 / 1,2,3
  crosscheck eval attribution TRAIN --fold 1/5 --cue-model cv1.model.gz --out found1.jsonl  # each fold with its own model
  scripts/polnear-learned-cues.py TRAIN found1.jsonl found2.jsonl found3.jsonl found4.jsonl

Each found file holds one fold's attributions (the fold is read from its articles). Per fold and in all: the gold attributions whose
cue no table lists ("unlisted", as scripts/polnear-fold-gap.py classes them) and how many are matched; the attributions carrying
the LearnedCue rule, split into matched (content and source, the scorer's one-to-one matching over all found), content matched
but source wrong, and nothing; how many found attributions per article match nothing; all-attribution content+source F1 (four
places); and for the unlisted gold missed, whether a learned attribution's cue fell inside its gold cue (found, but its speaker or
content wrong) or not (the cue never taken). Run it on train folds only: choose on folds 1-4.
"""
import argparse, collections, importlib.util, json, os

HERE = os.path.dirname(os.path.abspath(__file__))


def load(name):
    spec = importlib.util.spec_from_file_location(name.replace('-', '_'), os.path.join(HERE, name + '.py'))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


cues = load('select-polnear-cues')
gap = load('polnear-fold-gap')


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('train')
    parser.add_argument('found', nargs='+', help='--out files of `eval attribution --fold K/5`, one per fold')
    parser.add_argument('--folds', default='1,2,3,4', type=lambda s: {int(x) for x in s.split(',')},
                        help='the folds the found files cover (an article of them with nothing found still counts its gold)')
    args = parser.parse_args()
    listed = cues.listed_cues()
    found = collections.defaultdict(list)
    for path in args.found:
        for line in open(path, encoding='utf-8'):
            a = json.loads(line)
            found[a['file']].append(a)
    folds = collections.defaultdict(collections.Counter)
    for name, fold, text, ann in cues.articles(args.train, args.folds):
        gold, inside = gap.gold_with_cues(text, ann)
        raw, _ = cues.gold_of(text, ann)
        cue_spans = [c for content, _, c in raw if not inside(content)]
        mine = [a for a in found[name] if not inside([tuple(a['content'])])]
        pairs = [([tuple(a['content'])], [tuple(a['source'])] if a['source'] else None) for a in mine]
        used_found, used_gold = cues.matching(pairs, [(g[0], g[1]) for g in gold])
        c = folds[fold]
        c['articles'] += 1
        c['gold'] += len(gold)
        c['found'] += len(mine)
        c['hit'] += len(used_found)
        learned_cue_at = []
        for i, a in enumerate(mine):
            if 'LearnedCue' not in (a['rule'] or ''):
                continue
            c['learned'] += 1
            if i in used_found:
                c['learned matched'] += 1
            elif any(cues.share(pairs[i][0], g[0]) >= 0.5 for g in gold):
                c['learned content only'] += 1
            else:
                c['learned nothing'] += 1
            # the learned cue's place: the word just before the content (ContentAfterCue) is not known; take the cue text's
            # occurrences between source and content as its place
            start = min(x for x in [pairs[i][0][0][0]] + ([pairs[i][1][0][0]] if pairs[i][1] else []))
            end = max(x for x in [pairs[i][0][0][1]] + ([pairs[i][1][0][1]] if pairs[i][1] else []))
            at = text.find(a['cue'] or '\0', start, end)
            if at >= 0:
                learned_cue_at.append(at)
        for j, g in enumerate(gold):
            if gap.kind(g, listed) != 'unlisted':
                continue
            c['unlisted'] += 1
            if j in used_gold:
                c['unlisted matched'] += 1
            elif any(a <= at < b for at in learned_cue_at for a, b in cue_spans[j]):
                c['unlisted missed, cue taken'] += 1
            else:
                c['unlisted missed, cue not taken'] += 1
    print(f'{"fold":<6} {"unlisted":>8} {"matched":>8} {"cue taken, wrong":>17} {"cue not taken":>14}   {"learned":>7} {"matched":>8} '
          f'{"content only":>12} {"nothing":>8}   {"wrong/art":>9} {"F1 c+s":>7}')
    total = collections.Counter()
    for fold in sorted(folds) + ['all']:
        c = folds[fold] if fold != 'all' else total
        if fold != 'all':
            total.update(c)
        print(f'{fold!s:<6} {c["unlisted"]:8d} {c["unlisted matched"]:8d} {c["unlisted missed, cue taken"]:17d} {c["unlisted missed, cue not taken"]:14d}   '
              f'{c["learned"]:7d} {c["learned matched"]:8d} {c["learned content only"]:12d} {c["learned nothing"]:8d}   '
              f'{(c["found"] - c["hit"]) / c["articles"]:9.2f} {2 * c["hit"] / (c["found"] + c["gold"]):7.4f}')


if __name__ == '__main__':
    main()
