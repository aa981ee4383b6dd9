#!/usr/bin/env python3
"""Audit of the attribution rule table on PolNeAR train folds 1-4: what switching each rule off does, and a greedy removal.

  crosscheck train attribution-cues TRAIN --folds 2,3,4 --threshold 0.45 --out cv1.model.gz   # and 1,3,4 / 1,2,4 / 1,2,3
  scripts/polnear-rule-audit.py TRAIN --cli "dotnet .../crosscheck.dll" --models cv1.model.gz ... cv4.model.gz \
      --work DIR single RULE RULE ...        # each rule switched off alone, against the full table
  scripts/polnear-rule-audit.py TRAIN ... greedy RULE RULE ...   # remove in this order, one at a time; each stays out only
                                                                # while the table without all removed so far does not lose
                                                                # against the starting table by the rule

Each variant is four runs, `crosscheck eval attribution TRAIN --fold K/5 --cue-model cvK.model.gz [--without R ...] --out`,
fold K scored by the cue model trained on the other three folds; fold 5 is never run. Scored here with the scorer's
one-to-one matching (scripts/polnear-run-diff.py), content+source F1, all and direct, six places per fold and the mean.
The rule (docs/BENCHMARKS.md, attrib16): a rule earns its place when switching it off lowers the mean over folds 1-4 of
all-attributions F1 or of direct F1 by more than --margin (0.0005).
"""
import argparse, concurrent.futures, hashlib, importlib.util, json, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location('run_diff', os.path.join(HERE, 'polnear-run-diff.py'))
rd = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(rd)
cues, gap = rd.cues, rd.gap
FOLDS = (1, 2, 3, 4)


def load_gold(train):
    gold = {}
    for name, fold, text, ann in cues.articles(train, set(FOLDS)):
        g, inside = gap.gold_with_cues(text, ann)
        gold[name] = (fold, text, g, inside, [x for x in g if cues.is_direct(text, x[0])])
    return gold


def score(gold, paths):
    found = rd.read_found(paths)
    totals = {(fold, scope): [0, 0, 0] for fold in FOLDS for scope in ('all', 'direct')}
    for name, (fold, text, g, inside, dg) in gold.items():
        mine = [a for a in found[name] if not inside([tuple(a['content'])])]
        _, tp, nf, ng = rd.matched(text, g, mine)
        dmine = [a for a in mine if cues.is_direct(text, [tuple(a['content'])])]
        _, dtp, dnf, dng = rd.matched(text, dg, dmine)
        for scope, counts in (('all', (tp, nf, ng)), ('direct', (dtp, dnf, dng))):
            for i, v in enumerate(counts):
                totals[(fold, scope)][i] += v
    return {scope: [rd.f1(*totals[(fold, scope)]) for fold in FOLDS] for scope in ('all', 'direct')}


def run_variant(args, without, tag):
    if args.one_pass:
        # One process over train (`--folds 5`, the shipped cue model, trained on folds 1-4); only folds 1-4 are scored, its report is not read.
        out = os.path.join(args.work, f'{tag}.all.jsonl')
        if not os.path.exists(out):
            cmd = args.cli.split() + ['eval', 'attribution', args.train, '--folds', '5', '--out', out + '.tmp']
            for rule in without:
                cmd += ['--without', rule]
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
            os.replace(out + '.tmp', out)
        return [out]

    def one(k):
        out = os.path.join(args.work, f'{tag}.f{k}.jsonl')
        if not os.path.exists(out):
            cmd = args.cli.split() + ['eval', 'attribution', args.train, '--fold', f'{k}/5', '--cue-model', args.models[k - 1], '--out', out + '.tmp']
            for rule in without:
                cmd += ['--without', rule]
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
            os.replace(out + '.tmp', out)
        return out
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        return list(pool.map(one, FOLDS))


def line(label, s, base=None):
    mean = {scope: sum(v) / len(v) for scope, v in s.items()}
    text = f"{label:32} all {' / '.join(f'{x:.4f}' for x in s['all'])} ({mean['all']:.6f})  direct {' / '.join(f'{x:.4f}' for x in s['direct'])} ({mean['direct']:.6f})"
    if base:
        bmean = {scope: sum(v) / len(v) for scope, v in base.items()}
        text += f"  d_all {mean['all'] - bmean['all']:+.6f} d_direct {mean['direct'] - bmean['direct']:+.6f}"
    return text


def earns(base, variant, margin):
    """Switching off lowers the mean all or the mean direct by more than margin."""
    d = lambda scope: sum(variant[scope]) / 4 - sum(base[scope]) / 4
    return d('all') < -margin or d('direct') < -margin


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('train')
    p.add_argument('--cli', required=True)
    p.add_argument('--models', nargs=4, required=True)
    p.add_argument('--work', required=True)
    p.add_argument('--jobs', type=int, default=2)
    p.add_argument('--one-pass', action='store_true', help='one `--folds 5` process per variant with the shipped cue model (in-sample on folds 1-4: faster, biased for the learned cues)')
    p.add_argument('--margin', type=float, default=0.0005)
    p.add_argument('--removed', nargs='*', default=[], help='rules already out of the table (the base run is without them)')
    p.add_argument('mode', choices=('single', 'greedy'))
    p.add_argument('rules', nargs='*')
    args = p.parse_args()
    os.makedirs(args.work, exist_ok=True)
    gold = load_gold(args.train)
    removed = list(args.removed)
    tag = lambda rules: 'w-' + hashlib.sha1(' '.join(sorted(rules)).encode()).hexdigest()[:12] if rules else 'base'
    base_tag = tag(removed)
    base = score(gold, run_variant(args, removed, base_tag))
    print(line('full table' if not removed else 'without ' + ','.join(removed), base), flush=True)
    if args.mode == 'single':
        def measure(rule):
            return rule, score(gold, run_variant(args, removed + [rule], tag(removed + [rule])))
        with concurrent.futures.ThreadPoolExecutor(args.jobs if args.one_pass else 1) as pool:
            results = pool.map(measure, args.rules)
            for rule, s in results:
                print(line('-' + rule, s, base) + ('  KEEP' if earns(base, s, args.margin) else '  remove?'), flush=True)
    else:
        # Each removal is judged against the table the run started from (--removed), so losses under the margin cannot add up.
        # With --one-pass the next step is run beside each step, guessing that the rule goes out (only the order of runs changes).
        current = base
        pool = concurrent.futures.ThreadPoolExecutor(args.jobs)
        pending = {}
        def start(rules):
            key = tag(rules)
            if key not in pending:
                pending[key] = pool.submit(lambda: score(gold, run_variant(args, rules, key)))
            return pending[key]
        for i, rule in enumerate(args.rules):
            trial = removed + [rule]
            future = start(trial)
            if args.one_pass and i + 1 < len(args.rules):
                start(trial + [args.rules[i + 1]])
            s = future.result()
            if earns(base, s, args.margin):
                print(line('-' + rule + ' (back in)', s, base) + '  KEEP', flush=True)
            else:
                print(line('-' + rule + ' (out)', s, base) + '  REMOVED', flush=True)
                removed, current = trial, s
        print('removed:', ' '.join(removed[len(args.removed):]))
        print(line('final table', current, base))


if __name__ == '__main__':
    main()
