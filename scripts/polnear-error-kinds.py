#!/usr/bin/env python3
"""What PolNeAR attribution errors cost, by kind, weighed in points of content+source F1 (the aim: a fold the rules were not chosen on within 0.02 of dev).

  crosscheck eval attribution TRAIN --fold K/5 --out foundK.jsonl          # each choosing fold K
  scripts/polnear-error-kinds.py TRAIN found1.jsonl found2.jsonl ... [--folds 1,2,3,4] [--direct] [--examples KIND]

After the scorer's one-to-one matching, every unmatched gold attribution and every unmatched found attribution is given
one kind:
  - a pair: an unmatched found attribution whose content shares half of an unmatched gold's (best share first) is a
    "source" error (source missing, source where gold has none, or a different source span; gold sources that stand in an
    earlier sentence, or that are nominal — "according to X", "X's report" — are told apart), and one whose source agrees
    but whose content shares less than half is a "content" error (too long or too short against gold);
  - a gold attribution with no such pair is "not found", by its cue (saying, listed, unlisted, none) and whether it holds a
    quotation mark;
  - a found attribution with no such pair is "spurious", by the rule that made it.
Each kind is weighed by the F1 it would add if all its errors were mended (a pair: one true find for a false find and a
miss; a miss: one true find; a spurious find: removed), so the kinds can be attacked largest first. Fold 5 and dev are
not for choosing: pass the choosing folds' files only.
"""
import argparse, collections, importlib.util, json, os, re

HERE = os.path.dirname(os.path.abspath(__file__))


# The scorer's reading of PolNeAR (select-polnear-cues) and the cue classes (polnear-fold-gap), as polnear-learned-cues loads them.
_spec = importlib.util.spec_from_file_location('learned_cues', os.path.join(HERE, 'polnear-learned-cues.py'))
_learned = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_learned)
cues, gap = _learned.cues, _learned.gap
SENTENCE_END = re.compile(r'[.!?][”"’\')]*\s')


def length(spans):
    return sum(b - a for a, b in spans)


def source_kind(text, gold_content, gold_source, found_source):
    if gold_source is None:
        return 'source where gold has none'
    if found_source is None:
        return 'source missing' + gold_source_place(text, gold_content, gold_source)
    return 'source wrong span' + gold_source_place(text, gold_content, gold_source)


def gold_source_place(text, content, source):
    """' (earlier sentence)' when a sentence ends between the gold source and its content, ' (nominal)' for a source
    introduced by "according to" or holding a possessive, else ''."""
    s0, s1 = min(a for a, _ in source), max(b for _, b in source)
    c0, c1 = min(a for a, _ in content), max(b for _, b in content)
    if s1 <= c0 and SENTENCE_END.search(text[s1:c0]):
        return ' (earlier sentence)'
    if s0 >= c1 and SENTENCE_END.search(text[c1:s0]):
        return ' (later sentence)'
    before = text[max(0, s0 - 14):s0].lower()
    if 'according to' in before or re.search(r"['’]s?\b", text[s0:s1]):
        return ' (nominal)'
    return ''


def miss_kind(text, g, listed):
    direct = 'quoted' if cues.is_direct(text, g[0]) else 'no quote'
    return f'not found: {gap.kind(g, listed)}, {direct}'


def spurious_kind(found, text):
    rule = (found['rule'] or '?').split('+')
    base = rule[0] + ('+LearnedCue' if 'LearnedCue' in rule[1:] else '')
    direct = 'quoted' if cues.is_direct(text, [tuple(found['content'])]) else 'no quote'
    return f'spurious: {base}, {direct}'


def analyse(train, found_paths, folds, direct_only, listed):
    found = collections.defaultdict(list)
    for path in found_paths:
        for line in open(path, encoding='utf-8'):
            a = json.loads(line)
            found[a['file']].append(a)
    kinds = collections.Counter()
    examples = collections.defaultdict(list)
    tp = fp = fn = 0
    for name, fold, text, ann in cues.articles(train, folds):
        gold, inside = gap.gold_with_cues(text, ann)
        mine = [a for a in found[name] if not inside([tuple(a['content'])])]
        if direct_only:
            gold = [g for g in gold if cues.is_direct(text, g[0])]
            mine = [a for a in mine if cues.is_direct(text, [tuple(a['content'])])]
        pairs = [([tuple(a['content'])], [tuple(a['source'])] if a['source'] else None) for a in mine]
        used_found, used_gold = cues.matching(pairs, [(g[0], g[1]) for g in gold])
        tp += len(used_found)
        fp += len(mine) - len(used_found)
        fn += len(gold) - len(used_gold)
        free_found = [i for i in range(len(mine)) if i not in used_found]
        free_gold = [j for j in range(len(gold)) if j not in used_gold]
        # Pairs: content shares half (source differs), or sources agree and contents overlap at all.
        candidates = []
        for i in free_found:
            for j in free_gold:
                shared = cues.share(pairs[i][0], gold[j][0])
                if shared >= 0.5:
                    candidates.append((0, -shared, i, j))
                elif shared > 0 and pairs[i][1] is not None and cues.agree(pairs[i][1], gold[j][1]):
                    candidates.append((1, -shared, i, j))
        paired_found, paired_gold = set(), set()
        for level, _, i, j in sorted(candidates):
            if i in paired_found or j in paired_gold:
                continue
            paired_found.add(i)
            paired_gold.add(j)
            g_content, g_source, _ = gold[j]
            if level == 0:
                k = source_kind(text, g_content, g_source, pairs[i][1])
            else:
                k = 'content too long' if length(pairs[i][0]) > length(g_content) else 'content too short'
            kinds[('pair', k)] += 1
            examples[k].append((name, mine[i], gold[j], text))
        for j in free_gold:
            if j not in paired_gold:
                k = miss_kind(text, gold[j], listed)
                kinds[('miss', k)] += 1
                examples[k].append((name, None, gold[j], text))
        for i in free_found:
            if i not in paired_found:
                k = spurious_kind(mine[i], text)
                kinds[('spurious', k)] += 1
                examples[k].append((name, mine[i], None, text))
    return kinds, examples, tp, fp, fn


def f1(tp, fp, fn):
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def show(span_list, text):
    return ' | '.join(text[a:b] for a, b in span_list) if span_list else '-'


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('train')
    parser.add_argument('found', nargs='+', help='the --out files of the choosing folds')
    parser.add_argument('--folds', default='1,2,3,4')
    parser.add_argument('--direct', action='store_true', help='direct quotes only (a quotation mark in the content)')
    parser.add_argument('--top', type=int, default=30)
    parser.add_argument('--examples', help='print examples of this kind (its text as printed)')
    parser.add_argument('--count', type=int, default=20)
    args = parser.parse_args()
    folds = {int(f) for f in args.folds.split(',')}
    kinds, examples, tp, fp, fn = analyse(args.train, args.found, folds, args.direct, cues.listed_cues())
    base = f1(tp, fp, fn)
    print(f'content+source F1 {base:.4f} (tp {tp}, fp {fp}, fn {fn}); points = F1 gained if every error of the kind were mended')
    rows = []
    for (group, k), n in kinds.items():
        if group == 'pair':
            gain = f1(tp + n, fp - n, fn - n) - base
        elif group == 'miss':
            gain = f1(tp + n, fp, fn - n) - base
        else:
            gain = f1(tp, fp - n, fn) - base
        rows.append((gain, n, k))
    for gain, n, k in sorted(rows, reverse=True)[:args.top]:
        print(f'{100 * gain:6.2f} pts  {n:5d}  {k}')
    if args.examples:
        for name, mine, g, text in examples[args.examples][:args.count]:
            print('---', name)
            if g:
                print('  gold   ', repr(show(g[1], text)), '<', g[2], '>', repr(show(g[0], text)[:160]))
            if mine:
                print('  found  ', repr(show([tuple(mine['source'])] if mine['source'] else None, text)), '<', mine['cue'], '>',
                      repr(show([tuple(mine['content'])], text)[:160]), mine['rule'])


if __name__ == '__main__':
    main()
