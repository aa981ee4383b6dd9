#!/usr/bin/env python3
"""How far apart two disjoint sets of PolNeAR articles score by chance: the spread that a gap between dev (84 articles)
and a train fold (168) must be read against (the aim: a fold the rules were not chosen on within 0.02 of dev).

  crosscheck eval attribution TRAIN --folds 5 --out found.jsonl
  scripts/polnear-fold-spread.py TRAIN found.jsonl --folds 1,2,3,4

Scores each article of the chosen folds (never the held-out fold) with the scorer's one-to-one matching (content shares half
of the shorter one, sources overlap), then draws pairs of disjoint article sets of SIZE_A and SIZE_B and reports the spread of
all-attribution and direct-quote content+source F1 and how often the two sets differ by more than a gap. The draws treat
articles as exchangeable: a larger gap than they allow says the sets differ by more than chance (tuning, or kinds of text).
"""
import argparse, collections, importlib.util, json, os, random, statistics

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location('cues', os.path.join(HERE, 'select-polnear-cues.py'))
cues = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(cues)


def matched(found, gold):
    return len(cues.matching(found, gold)[0])


def article_counts(train, found_path, folds):
    """Per article: (found, gold, matched) over all attributions, then over direct quotes."""
    found = collections.defaultdict(list)
    for line in open(found_path, encoding='utf-8'):
        a = json.loads(line)
        found[a['file']].append(([tuple(a['content'])], [tuple(a['source'])] if a['source'] else None))
    rows = []
    for name, _, text, ann in cues.articles(train, folds):
        gold, discarded = cues.gold_of(text, ann)
        inside = lambda c: discarded and all(any(d[0] <= x[0] and x[1] <= d[1] for d in discarded) for x in c)
        gold = [g for g in gold if not inside(g[0])]
        mine = [f for f in found[name] if not inside(f[0])]
        direct = lambda c: cues.is_direct(text, c)
        gold_direct, mine_direct = [g for g in gold if direct(g[0])], [f for f in mine if direct(f[0])]
        rows.append((len(mine), len(gold), matched(mine, gold), len(mine_direct), len(gold_direct), matched(mine_direct, gold_direct)))
    return rows


def f1(rows, at):
    found, gold, hit = (sum(r[at + k] for r in rows) for k in range(3))
    return 2 * hit / (found + gold) if found + gold else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('train')
    parser.add_argument('found')
    parser.add_argument('--folds', default='1,2,3,4', type=lambda s: {int(x) for x in s.split(',')})
    parser.add_argument('--size-a', type=int, default=84)
    parser.add_argument('--size-b', type=int, default=168)
    parser.add_argument('--gaps', default='0.02,0.041,0.067', type=lambda s: [float(x) for x in s.split(',')])
    parser.add_argument('--draws', type=int, default=2000)
    parser.add_argument('--seed', type=int, default=1)
    args = parser.parse_args()
    rows = article_counts(args.train, args.found, args.folds)
    rng = random.Random(args.seed)
    print(f'{len(rows)} articles of folds {sorted(args.folds)}')
    for at, scope in ((0, 'all'), (3, 'direct')):
        singles, gaps = [], []
        for _ in range(args.draws):
            drawn = rng.sample(rows, args.size_a + args.size_b)
            a, b = f1(drawn[:args.size_a], at), f1(drawn[args.size_a:], at)
            singles.append(a)
            gaps.append(abs(a - b))
        gaps.sort()
        beyond = ', '.join(f'P(gap > {g}) {sum(x > g for x in gaps) / len(gaps):.3f}' for g in args.gaps)
        print(f'{scope}: F1 of {args.size_a} articles mean {statistics.mean(singles):.4f} sd {statistics.stdev(singles):.4f}; '
              f'|{args.size_a} - {args.size_b}| median {gaps[len(gaps) // 2]:.4f}; {beyond}')


if __name__ == '__main__':
    main()
