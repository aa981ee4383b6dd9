#!/usr/bin/env python3
"""Would dropping the listed cues whose attributions seldom match pay on a fold they were not chosen on? (the aim: a fold the rules were not chosen on within 0.02 of dev)

  crosscheck eval attribution TRAIN --fold K/5 --out foundK.jsonl          # each choosing fold K (1-4)
  scripts/polnear-cue-prune.py TRAIN found1.jsonl found2.jsonl found3.jsonl found4.jsonl [--min-found 5,8,12] [--below 0.2,0.25,0.3,0.35]

Leave one fold out: for each fold K, the cues (the `cue` text of a found attribution not made by the learned detector) that made at
least N attributions on the other three folds and matched gold (content and source) less often than P there are dropped, and
fold K is scored without their attributions (the scorer's matching; all and direct content+source F1). Prints, for each N and P,
how many cues each fold's list holds and the change per fold and on the mean. This filters the runs' output, so it is an estimate:
a cue taken out of cues.txt can also free its words for another rule. With --list N P, prints the list chosen on all the folds
given. Run it on the choosing folds only.
"""
import argparse, collections, importlib.util, os

HERE = os.path.dirname(os.path.abspath(__file__))


# The scorer's matching and the found files' reader, shared with polnear-run-diff.
_spec = importlib.util.spec_from_file_location('run_diff', os.path.join(HERE, 'polnear-run-diff.py'))
run_diff = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(run_diff)
cues, gap = run_diff.cues, run_diff.gap


def cue_of(attribution):
    """The listed cue an attribution was made by, lowercased; None for the learned detector's and cue-less ones."""
    if not attribution['cue'] or 'LearnedCue' in (attribution['rule'] or ''):
        return None
    return attribution['cue'].lower()


def score(articles, keep, direct=False):
    tp = found = gold_count = 0
    for _, text, gold, mine in articles:
        mine = [a for a in mine if keep(a)]
        if direct:
            gold = [g for g in gold if cues.is_direct(text, g[0])]
            mine = [a for a in mine if cues.is_direct(text, [tuple(a['content'])])]
        _, hits, n_found, n_gold = run_diff.matched(text, gold, mine)
        tp += hits
        found += n_found
        gold_count += n_gold
    return run_diff.f1(tp, found, gold_count)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('train')
    parser.add_argument('found', nargs='+', help='--out files of `eval attribution --fold K/5`, one per choosing fold')
    parser.add_argument('--folds', default='1,2,3,4', type=lambda s: sorted(int(x) for x in s.split(',')))
    parser.add_argument('--min-found', default='5,8,12', type=lambda s: [int(x) for x in s.split(',')])
    parser.add_argument('--below', default='0.2,0.25,0.3,0.35', type=lambda s: [float(x) for x in s.split(',')])
    parser.add_argument('--list', nargs=2, metavar=('N', 'P'), help='print the cues chosen on all the given folds')
    args = parser.parse_args()
    found = run_diff.read_found(args.found)
    articles, rows = [], []
    for name, fold, text, ann in cues.articles(args.train, set(args.folds)):
        gold, inside = gap.gold_with_cues(text, ann)
        mine = [a for a in found[name] if not inside([tuple(a['content'])])]
        articles.append((fold, text, gold, mine))
        flags, _, _, _ = run_diff.matched(text, gold, mine)
        rows += [(fold, cue_of(a), hit) for hit, a in flags.values() if cue_of(a)]

    def chosen(folds, min_found, below):
        counts = collections.defaultdict(lambda: [0, 0])
        for fold, cue, hit in rows:
            if fold in folds:
                counts[cue][0] += 1
                counts[cue][1] += hit
        return {cue for cue, (n, m) in counts.items() if n >= min_found and m / n < below}

    by_fold = {k: [a for a in articles if a[0] == k] for k in args.folds}
    base = {k: (score(by_fold[k], lambda a: True), score(by_fold[k], lambda a: True, True)) for k in args.folds}
    mean = lambda xs: sum(xs) / len(xs)
    print('main   all ' + ' / '.join(f'{base[k][0]:.4f}' for k in args.folds) + f' (mean {mean([base[k][0] for k in args.folds]):.4f})'
          '  direct mean ' + f'{mean([base[k][1] for k in args.folds]):.4f}')
    for min_found in args.min_found:
        for below in args.below:
            sizes, gains, direct_gains = [], [], []
            for k in args.folds:
                drop = chosen(set(args.folds) - {k}, min_found, below)
                keep = lambda a, drop=drop: cue_of(a) not in drop
                sizes.append(len(drop))
                gains.append(score(by_fold[k], keep) - base[k][0])
                direct_gains.append(score(by_fold[k], keep, True) - base[k][1])
            print(f'N {min_found:2d} P {below:.2f}  cues {sizes}  all ' + ' / '.join(f'{g:+.4f}' for g in gains) +
                  f' (mean {mean(gains):+.4f})  direct mean {mean(direct_gains):+.4f}')
    if args.list:
        print(sorted(chosen(set(args.folds), int(args.list[0]), float(args.list[1]))))


if __name__ == '__main__':
    main()
