#!/usr/bin/env python3
"""What a variant changes on PolNeAR train folds, attribution by attribution (the aim: a fold the rules were not chosen on within 0.02 of dev).

  crosscheck eval attribution TRAIN --fold K/5 --out beforeK.jsonl                  # main, each choosing fold K
  crosscheck eval attribution TRAIN --fold K/5 --without RULE --out afterK.jsonl    # the variant (or a rebuilt tree)
  scripts/polnear-run-diff.py TRAIN --before before1.jsonl ... --after after1.jsonl ... [--folds 1,2,3,4] [--show 40]

Scores both runs per fold with the scorer's one-to-one matching (content+source F1, all and direct, four places, as
scripts/polnear-fold-gap.py prints them), then lists the attributions only one run holds, each marked matched (M) or not (.)
within its own run, and counts them by rule: "+ M" are gains, "+ ." new false finds, "- M" lost matches, "- ." false finds
removed. A variant whose "+" side matches less often than about F1/2 (~0.36 on these folds) costs F1 however many it finds.
Run it on the choosing folds only.
"""
import argparse, collections, importlib.util, json, os

HERE = os.path.dirname(os.path.abspath(__file__))


# The scorer's reading of PolNeAR and the cue classes, as polnear-error-kinds loads them.
_spec = importlib.util.spec_from_file_location('learned_cues', os.path.join(HERE, 'polnear-learned-cues.py'))
_learned = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_learned)
cues, gap = _learned.cues, _learned.gap


def read_found(paths):
    found = collections.defaultdict(list)
    for path in paths:
        for line in open(path, encoding='utf-8'):
            attribution = json.loads(line)
            found[attribution['file']].append(attribution)
    return found


def key(attribution):
    """Content and source: an attribution that only changed the rule it records is no change."""
    return json.dumps([attribution['content'], attribution['source']])


def matched(text, gold, mine):
    """The key of each found attribution and whether the scorer's matching pairs it with a gold one (content and source)."""
    pairs = [([tuple(a['content'])], [tuple(a['source'])] if a['source'] else None) for a in mine]
    used_found, used_gold = cues.matching(pairs, [(g[0], g[1]) for g in gold])
    return {key(a): (i in used_found, a) for i, a in enumerate(mine)}, len(used_found), len(mine), len(gold)


def f1(tp, found, gold):
    return 2 * tp / (found + gold) if found + gold else 0.0


def show(text, attribution):
    source = text[attribution['source'][0]:attribution['source'][1]] if attribution['source'] else '-'
    content = text[attribution['content'][0]:attribution['content'][1]].replace('\n', ' ')
    return f"{attribution['rule']} | {source} | {content[:100]}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('train')
    parser.add_argument('--before', nargs='+', required=True, help='the --out files of the first run, one per fold')
    parser.add_argument('--after', nargs='+', required=True, help='the --out files of the variant, one per fold')
    parser.add_argument('--folds', default='1,2,3,4', type=lambda s: {int(x) for x in s.split(',')})
    parser.add_argument('--show', type=int, default=40, help='attributions to print on each side (0: counts only)')
    args = parser.parse_args()
    runs = {'before': read_found(args.before), 'after': read_found(args.after)}
    totals = {(run, fold, scope): [0, 0, 0] for run in runs for fold in args.folds for scope in ('all', 'direct')}
    changed = []
    for name, fold, text, ann in cues.articles(args.train, args.folds):
        gold, inside = gap.gold_with_cues(text, ann)
        flags = {}
        for run, found in runs.items():
            mine = [a for a in found[name] if not inside([tuple(a['content'])])]
            flags[run], tp, n_found, n_gold = matched(text, gold, mine)
            direct_gold = [g for g in gold if cues.is_direct(text, g[0])]
            direct_mine = [a for a in mine if cues.is_direct(text, [tuple(a['content'])])]
            _, dtp, dn_found, dn_gold = matched(text, direct_gold, direct_mine)
            for scope, counts in (('all', (tp, n_found, n_gold)), ('direct', (dtp, dn_found, dn_gold))):
                total = totals[(run, fold, scope)]
                for i, value in enumerate(counts):
                    total[i] += value
        for sign, run, other in (('-', 'before', 'after'), ('+', 'after', 'before')):
            for k in sorted(set(flags[run]) - set(flags[other])):
                hit, attribution = flags[run][k]
                changed.append((sign, hit, fold, attribution, text))
    for scope in ('all', 'direct'):
        for run in runs:
            figures = [f1(*totals[(run, fold, scope)]) for fold in sorted(args.folds)]
            print(f'{scope:6} {run:6} ' + ' / '.join(f'{x:.4f}' for x in figures) + f'  (mean {sum(figures) / len(figures):.4f})')
    by_rule = collections.Counter((sign, 'M' if hit else '.', a['rule']) for sign, hit, _, a, _ in changed)
    print('changed attributions:', ', '.join(f'{s} {m} {n}' for (s, m), n in sorted(collections.Counter((s, m) for s, m, _ in by_rule.elements()).items())))
    for (sign, hit, rule), n in by_rule.most_common(20):
        print(f'  {sign} {hit} {n:4d}  {rule}')
    for sign in ('+', '-'):
        for s, hit, fold, attribution, text in [c for c in changed if c[0] == sign][:args.show]:
            print(f"{fold} {s} {'M' if hit else '.'} {show(text, attribution)}")


if __name__ == '__main__':
    main()
