#!/usr/bin/env python3
"""Whether a decision over a clause's main verb could find the unlisted attributions the cues miss (the aim: a fold the rules were not chosen on within 0.02 of dev).

  crosscheck eval attribution TRAIN --fold 1/5 --cue-model cv1.model.gz --out found1.jsonl   # each choosing fold, its CV model
  scripts/polnear-clause-verbs.py TRAIN found1.jsonl found2.jsonl found3.jsonl found4.jsonl

A candidate is a verb in a subject-verb frame: a lowercase word of four letters or more ending in "-ed" or "-s", no word of
Quotes/Data/cues.txt, whose subject (the word before it, past auxiliaries and adverbs such as "has long") is a subject pronoun or a
capitalised word ("Doe slammed the proposal", "she has long argued for ..."). Candidates inside the span of an attribution already
found (source to content) are left out: only the new ones could add anything. A candidate is right when it heads a gold cue (its
first word that is no auxiliary or adverb) whose source overlaps the subject: an upper bound on content+source precision (the
content must match too). An extra attribution raises content+source F1 only when its precision is above about F1/2 (~0.36 on
these folds), so the script prints, per frame (subject kind x what follows the verb), how many new candidates there are and how
many are right; then, leave-one-fold-out over the folds given, (a) a verb table drawn from the other folds (stems whose new
candidates were right at least MIN_RATE of at least MIN_COUNT times) and (b) a logistic model (AdaGrad, L2, as the cue trainer)
over the verb, its stem and suffix, the subject kind, the next word or its kind, the object's head after a determiner, "that",
"to", "for", "against" or "on" within five words, the auxiliaries before it, and whether the line holds a quotation mark; each
scored on the held-out fold, found / right per threshold. Run it on train folds only: choose on folds 1-4.
"""
import argparse, collections, importlib.util, json, math, os, random, re

# select-polnear-cues.py's readers (articles, gold, listed cues), as polnear-fold-gap.py loads them
_spec = importlib.util.spec_from_file_location('gap', os.path.join(os.path.dirname(os.path.abspath(__file__)), 'polnear-fold-gap.py'))
_gap = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_gap)
cues = _gap.cues

TOKEN = re.compile(r"\w[\w'’.-]*\w|\w|[^\w\s]")
# auxiliaries and adverbs between a subject and its verb, and before a cue's head word
SKIP = {'has', 'have', 'had', 'is', 'was', 'were', 'been', 'be', 'will', 'would', 'also', 'not', 'long', 'repeatedly', 'publicly',
        'already', 'never', 'did', 'does', 'do', 'recently', 'strongly', 'once', 'previously', 'could', 'may', 'might', 'should',
        'can', 'just', 'even', 'still', 'then', 'now', 'quickly', 'openly', 'reportedly', 'initially', 'ultimately', 'later', 'first'}
SUBJECT_PRONOUNS = {'he', 'she', 'they', 'we', 'i'}
NOT_SUBJECTS = {'The', 'A', 'An', 'In', 'But', 'And', 'It', 'This', 'That', 'If', 'When', 'As'}
DETERMINERS = {'the', 'his', 'her', 'their', 'its', 'a', 'an', 'this', 'that', 'these', 'those', 'our', 'my', 'your'}
FOLLOWERS = {'for', 'against', 'to', 'that', 'on', 'with', 'about', 'in', 'over', 'as', 'at', 'by', 'from', 'into', 'off', 'up',
             'out', 'back', 'down'}
QUOTE_MARKS = '“”"'


def stem(word):
    for suffix in ('ed', 'es', 's'):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[:-len(suffix)]
    return word


def gold_cue_heads(tokens, text, ann):
    """Start of each gold cue's head word -> the attribution's source spans (attributions with a source and a cue)."""
    heads = {}
    gold, _ = cues.gold_of(text, ann)
    for _, source, cue in gold:
        if not source or not cue:
            continue
        words = [t for t in tokens if any(a <= t[0] < b for a, b in cue) and t[2].lower() not in SKIP]
        if words:
            heads[words[0][0]] = source
    return heads


def candidates(text, tokens, listed_words):
    """(token index, subject index, subject kind, what follows) of each verb in a subject-verb frame."""
    for i in range(1, len(tokens) - 2):
        word = tokens[i][2]
        if not (word.isalpha() and word.islower() and len(word) >= 4) or word in listed_words or word in SKIP:
            continue
        if not (word.endswith('ed') or (word.endswith('s') and not word.endswith('ss'))):
            continue
        j = i - 1
        while j > 0 and tokens[j][2].lower() in SKIP:
            j -= 1
        subject = tokens[j][2]
        if subject.lower() in SUBJECT_PRONOUNS:
            kind = 'pronoun'
        elif subject[0].isupper() and subject.isalpha() and subject not in NOT_SUBJECTS:
            kind = 'name'
        else:
            continue
        after = tokens[i + 1][2]
        follows = (after.lower() if after.lower() in FOLLOWERS else 'determiner' if after.lower() in DETERMINERS
                   else 'capitalised' if after[0].isupper() else 'punctuation' if not after[0].isalnum() else 'other')
        yield i, j, kind, follows


def features(text, tokens, i, j, kind, follows):
    word = tokens[i][2]
    s = stem(word)
    out = ['bias', 'v=' + word, 'st=' + s, 'suf2=' + word[-2:], 'suf3=' + word[-3:], 'sk=' + kind, 'n1=' + follows,
           'sk|n1=' + kind + '|' + follows, 'st|sk=' + s + '|' + kind]
    ahead = [t[2].lower() for t in tokens[i + 1:i + 6]]
    if follows == 'determiner':
        head = None
        for t in ahead[1:]:
            if not t.isalpha():
                break
            head = t
        out += ['obj=' + str(head), 'st|obj=' + s + '|' + str(head)]
    out += ['ahead=' + x for x in ('that', 'to', 'for', 'against', 'on') if x in ahead]
    out += ['aux=' + tokens[k][2].lower() for k in range(j + 1, i)] or ['aux=none']
    line_start = text.rfind('\n', 0, tokens[i][0]) + 1
    line_end = text.find('\n', tokens[i][0])
    out.append('quote=' + str(any(c in text[line_start:line_end if line_end >= 0 else len(text)] for c in QUOTE_MARKS)))
    return out


def train(rows, passes=8, rate=0.1, l2=1e-4, min_count=2):
    counts = collections.Counter(f for r in rows for f in r['features'])
    weights, squares = collections.defaultdict(float), collections.defaultdict(float)
    order = list(range(len(rows)))
    rng = random.Random(17)
    for _ in range(passes):
        rng.shuffle(order)
        for k in order:
            used = [f for f in rows[k]['features'] if counts[f] >= min_count]
            gradient = probability(weights, used) - rows[k]['right']
            for f in used:
                g = gradient + l2 * weights[f]
                squares[f] += g * g
                weights[f] -= rate * g / math.sqrt(squares[f] + 1e-8)
    return weights


def probability(weights, feature_list):
    z = sum(weights.get(f, 0.0) for f in feature_list)
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('train')
    parser.add_argument('found', nargs='+', help='--out files of `eval attribution --fold K/5`, one per fold')
    parser.add_argument('--folds', default='1,2,3,4', type=lambda s: [int(x) for x in s.split(',')])
    parser.add_argument('--min-count', type=int, default=2)
    parser.add_argument('--min-rate', type=float, default=0.5)
    args = parser.parse_args()
    listed_words = {w for c in cues.listed_cues() for w in c.split()}
    found = collections.defaultdict(list)
    for path in args.found:
        for line in open(path, encoding='utf-8'):
            a = json.loads(line)
            found[a['file']].append(a)
    rows = []
    for name, fold, text, ann in cues.articles(args.train, set(args.folds)):
        tokens = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]
        heads = gold_cue_heads(tokens, text, ann)
        covered = [(min(p[0] for p in parts), max(p[1] for p in parts))
                   for a in found[name] for parts in [[a['content']] + ([a['source']] if a['source'] else [])]]
        for i, j, kind, follows in candidates(text, tokens, listed_words):
            if any(a <= tokens[i][0] < b for a, b in covered):
                continue
            source = heads.get(tokens[i][0])
            right = source is not None and any(a < tokens[j][1] and tokens[j][0] < b for a, b in source)
            rows.append({'fold': fold, 'stem': stem(tokens[i][2]), 'frame': (kind, follows), 'right': int(right),
                         'features': features(text, tokens, i, j, kind, follows)})
    print(f'new candidates (outside every attribution found): {len(rows)}, right (cue head and source): {sum(r["right"] for r in rows)}')
    frames = collections.defaultdict(lambda: [0, 0])
    for r in rows:
        frames[r['frame']][0] += 1
        frames[r['frame']][1] += r['right']
    print(f'{"subject":<8} {"then":<12} {"new":>5} {"right":>5} {"rate":>5}')
    for (kind, follows), (n, right) in sorted(frames.items(), key=lambda x: -x[1][0]):
        print(f'{kind:<8} {follows:<12} {n:5d} {right:5d} {right / n:5.2f}')
    print(f'\n(a) verb table from the other folds (stems right >= {args.min_rate} of >= {args.min_count} new candidates), held-out fold: found / right')
    line = []
    for k in args.folds:
        n, right = collections.Counter(), collections.Counter()
        for r in rows:
            if r['fold'] != k:
                n[r['stem']] += 1
                right[r['stem']] += r['right']
        table = {s for s in n if n[s] >= args.min_count and right[s] / n[s] >= args.min_rate}
        held = [r['right'] for r in rows if r['fold'] == k and r['stem'] in table]
        line.append(f'fold {k}: {len(table)} stems, {len(held)} / {sum(held)}')
    print('  ' + ' | '.join(line))
    print('\n(b) logistic model trained on the other folds, held-out fold: found / right per threshold')
    scored = {}
    for k in args.folds:
        weights = train([r for r in rows if r['fold'] != k])
        scored[k] = [(probability(weights, r['features']), r['right']) for r in rows if r['fold'] == k]
    for threshold in (0.2, 0.3, 0.36, 0.4, 0.5, 0.6):
        cells = []
        for k in args.folds:
            chosen = [right for p, right in scored[k] if p >= threshold]
            cells.append(f'{len(chosen):4d} / {sum(chosen):3d}')
        print(f'  {threshold:4.2f}  ' + ' | '.join(cells))


if __name__ == '__main__':
    main()
