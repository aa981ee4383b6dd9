#!/usr/bin/env python3
"""Where a PolNeAR fold's attribution F1 differs from the others': the kinds of attribution it holds, or how well each
kind is found (the aim: a fold the rules were not chosen on within 0.02 of dev).

  crosscheck eval attribution TRAIN --folds 5 --out found.jsonl
  scripts/polnear-fold-gap.py TRAIN found.jsonl                      # the five train folds
  scripts/polnear-fold-gap.py TRAIN found.jsonl --predict DEV        # also DEV's gold mix (its gold only, nothing found)
  scripts/polnear-fold-gap.py TRAIN found.jsonl --direct             # direct quotes only (a quotation mark in the content)

Each gold attribution (the scorer's reading: first annotator's file, `Discard` text left out) falls in one class by its
cue: "saying" (a form of say or tell, or "according to"), "listed" (another word of Quotes/Data/cues.txt), "unlisted"
(no listed word), or "no source". Per fold the script prints the share of each class, its recall (content and source
matched, the scorer's one-to-one matching), the found attributions that match nothing per article, and the
all-attribution content+source F1. Then the mix model: each fold's F1 predicted from the OTHER folds' recall per class and
their unmatched found attributions per article, applied to the fold's own class counts and article count. When the
prediction meets the fold's F1, the fold scores lower or higher for the kinds of attribution it holds, not for how well
each kind is found. --predict does the same for another split from its gold alone (all chosen folds as the model).
"""
import argparse, collections, importlib.util, json, os, re

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location('cues', os.path.join(HERE, 'select-polnear-cues.py'))
cues = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(cues)
SAYING = {'say', 'says', 'said', 'saying', 'tell', 'tells', 'told', 'telling'}
PRONOUNS = {'he', 'she', 'they', 'i', 'we', 'you', 'it', 'who'}
CLASSES = ('saying', 'listed', 'unlisted', 'no source')
WORD = re.compile(r"[a-z’']+")


def gold_with_cues(text, ann):
    """(content spans, source spans or None, cue text) per gold attribution, `Discard` text left out as the scorer does."""
    gold, discarded = cues.gold_of(text, ann)
    inside = lambda c: discarded and all(any(d[0] <= x[0] and x[1] <= d[1] for d in discarded) for x in c)
    return [(content, source, ' '.join(text[a:b] for a, b in cue).lower()) for content, source, cue in gold if not inside(content)], inside


def kind(gold, listed):
    _, source, cue = gold
    words = WORD.findall(cue)
    if source is None:
        return 'no source'
    if 'according to' in cue or any(w in SAYING for w in words):
        return 'saying'
    return 'listed' if cue.strip() in listed or any(w in listed for w in words) else 'unlisted'


def article_rows(split, found_path, folds, listed, direct_only=False):
    """Per article: fold, word count, Counter of gold per class and matched per class, found, found matching nothing.
    With direct_only, only attributions whose content holds a quotation mark (the scorer's direct quotes) count."""
    found = collections.defaultdict(list)
    for line in open(found_path, encoding='utf-8') if found_path else []:
        a = json.loads(line)
        found[a['file']].append(([tuple(a['content'])], [tuple(a['source'])] if a['source'] else None))
    for name, fold, text, ann in cues.articles(split, folds):
        gold, inside = gold_with_cues(text, ann)
        mine = [f for f in found[name] if not inside(f[0])]
        if direct_only:
            gold, mine = [g for g in gold if cues.is_direct(text, g[0])], [f for f in mine if cues.is_direct(text, f[0])]
        used_found, used_gold = cues.matching(mine, [(g[0], g[1]) for g in gold])
        counts = collections.Counter()
        for j, g in enumerate(gold):
            k = kind(g, listed)
            counts['gold ' + k] += 1
            counts['hit ' + k] += j in used_gold
            counts['pronoun source'] += bool(g[1]) and ' '.join(text[a:b] for a, b in g[1]).strip().lower() in PRONOUNS
            counts['content words'] += sum(len(WORD.findall(text[a:b].lower())) for a, b in g[0])
        counts['gold'], counts['hit'], counts['found'] = len(gold), len(used_gold), len(mine)
        counts['words'] = len(WORD.findall(text.lower()))
        yield fold, counts


def total(rows):
    out = collections.Counter()
    for _, counts in rows:
        out.update(counts)
    out['articles'] = len(rows)
    return out


def f1(found, gold, hit):
    return 2 * hit / (found + gold) if found + gold else 0


def predicted_f1(model, target):
    """F1 of target's class counts with model's recall per class and model's unmatched found per article."""
    hit = sum(model['hit ' + k] / model['gold ' + k] * target['gold ' + k] for k in CLASSES if model['gold ' + k])
    wrong = (model['found'] - model['hit']) / model['articles'] * target['articles']
    return f1(hit + wrong, target['gold'], hit)


def describe(label, t, model=None):
    shares = ' '.join(f'{t["gold " + k] / t["gold"]:.3f}' for k in CLASSES)
    recall = ' '.join(f'{t["hit " + k] / t["gold " + k]:.3f}' if t['gold ' + k] else '  -  ' for k in CLASSES)
    line = (f'{label:<8} {t["articles"]:4d} {t["words"] / t["articles"]:6.0f} {t["gold"] / t["articles"]:6.1f} '
            f'{t["pronoun source"] / t["gold"]:6.3f} {t["content words"] / t["gold"]:5.1f}  {shares}  ')
    if t['found']:
        line += f'{recall}  {(t["found"] - t["hit"]) / t["articles"]:5.2f}  {f1(t["found"], t["gold"], t["hit"]):.4f}'
    else:
        line += ' ' * 48
    return line + (f'  {predicted_f1(model, t):.4f}' if model else '')


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('train')
    parser.add_argument('found', help='the --out file of `crosscheck eval attribution TRAIN --folds 5`')
    parser.add_argument('--folds', default='1,2,3,4,5', type=lambda s: sorted({int(x) for x in s.split(',')}))
    parser.add_argument('--predict', help='another split (e.g. dev): its gold mix only, predicted from the chosen folds')
    parser.add_argument('--direct', action='store_true', help='direct quotes only (the scorer\'s direct scope)')
    args = parser.parse_args()
    listed = cues.listed_cues()
    rows = list(article_rows(args.train, args.found, set(args.folds), listed, args.direct))
    print('shares and recall per class: ' + ' / '.join(CLASSES) + '; "wrong" = found matching nothing, per article')
    print(f'{"set":<8} {"arts":>4} {"words":>6} {"gold":>6} {"pron":>6} {"cont":>5}  {"shares":<27}  {"recall":<27}  '
          f'{"wrong":>5}  {"F1":<6}  predicted from the other folds')
    for fold in args.folds:
        others = total([r for r in rows if r[0] != fold]) if len(args.folds) > 1 else None
        print(describe(f'fold {fold}', total([r for r in rows if r[0] == fold]), others))
    everything = total(rows)
    print(describe('chosen', everything))
    if args.predict:
        target = total(list(article_rows(args.predict, None, {1, 2, 3, 4, 5}, listed, args.direct)))
        print(describe(os.path.basename(args.predict.rstrip('/')), target, everything))


if __name__ == '__main__':
    main()
