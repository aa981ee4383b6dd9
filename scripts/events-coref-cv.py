#!/usr/bin/env python3
"""Topic-grouped cross-validation of event-coreference ideas over `crosscheck eval events --out` predictions.

Reads ../shared/data/events-ecbplus-dev/documents.jsonl, keeping ONLY the 27 choosing topics (1-35 without the
dev topics 2, 5, 12, 18, 21, 23, 34, 35; the test topics 36-45 are not in the file), and the predictions of
`crosscheck eval events FILE --gold-mentions --topics 1,3,4,6-11,13-17,19,20,22,24-33 --out PRED.json`, whose
cluster ids are "STORY|CLASS#n" for a grouped mention and "alone:ID" otherwise. It scores with the file's README
metric (MUC, B-cubed, CEAF-e, CoNLL F1 over one partition, singletons included; it reproduces the C# figure
exactly) and tries, each scored by leaving topics out (9 folds of 3 topics, or --folds 27):

  score     the predictions as they are, and the oracles: gold singletons isolated; groups with pair precision
            under 0.1 split; (a) every wrong join split, or only across the gold sub-topics (look-alike events);
            (b) every missed join made (clusters whose majority is one gold event joined)
  errors    where the CoNLL points are lost (no model): wrongly joined and missed mention pairs by kind (one or
            two documents, one or two sub-topics, a gold singleton; other classes, other stories, a lone mention),
            oracles that fix one kind only (wrong joins split: gold singletons, other sub-topic, documents without
            the cluster's event; missed joins made: other classes sharing a document or not, sayings, stories),
            the stories that mix sub-topics, document chains and the chain-level split oracle, and the class pairs
            of one story whose missed joins cost most
  wordnet   two groups of one story with other classes joined when WordNet (Debian's wordnet-base, read from
            /usr/share/wordnet) relates their head words: the same lemma, a synonym (first 1 / 2 / any senses),
            a derivation, a hypernym; the relation (or none) chosen inside each fold
  mentions  a mention model (is this mention a gold singleton?) over mentions in groups of 2+; mentions above
            the threshold leave their group
  groups    a group model (are the members of this (story, class) group nearly all apart: pair precision under
            0.1?); groups above the threshold are split into singletons
  pairs     a table of predicate-class pairs that co-refer in the training topics' gold, joining the two
            classes' groups inside a story of the held-out topic
  classpairs a model of two groups of one story with different classes (do most of their mention pairs
            co-refer?): their sentences' TF-IDF cosines, shared documents and sentences, lead and story shares,
            shared names and content words next to the mentions, the classes' common prefix; pairs above the
            threshold are joined (training negatives kept at 1 in 5, the logit corrected for it); --wordnet adds
            the WordNet relations of the wordnet mode as features, --thesaurus the thesaurus mode's relation
  vectors   distributional word vectors: positive PMI with the words within --window K (default 3; --directed
            keeps left and right apart) over text the project may train on (GMB/VOA, CoNLL-2003 train, PolNeAR
            train, and the ECB+ text of the choosing topics outside the held-out fold; never a dev topic's
            text); two groups of one story with different classes joined when the cosine of their head words'
            vectors is high, then the cosine beside argument agreement (the share of their cross-document
            mention pairs whose nearby content words meet, same sentences, shared documents, sizes) in a
            group-pair model, then a two-threshold rule (cosine and argument agreement) chosen inside the folds
  sayings   acts of saying (reporting verbs; the C# grouping's "STORY|CLASS@ID" clusters and the "alone:" mentions
            with a predicate) of one class in two documents of one story joined when the shares of their context
            words (content words within K words either side in the sentence) agree by Jaccard >= t; K and t
            chosen inside each fold's other topics (what EventGrouper.ContextWindow / SameSayingAgreement ship)

  mentionpairs a mention-pair model over every two mentions of one story (today's cluster, same lemma, shared
            stem, word class, sentence and context-word overlap, shared names and numbers, same document and sentence
            distance, lead lines, the lemmas' documents in the story) and, unless --no-table, the learned lexical
            table: the lemma pair's co-reference rate on the training topics (smoothed; a row's own topic left out);
            first how far that table carries to a held-out topic, then average-link clustering of the out-of-fold
            probabilities, --start today (merges of today's clusters), alone (instead of today's grouping) or split
            (inside each of today's clusters), the threshold chosen inside each fold's other topics

  context   events13: context against both kinds, each setting chosen inside the folds: (1) argument conflicts
            from the mention's sentence (sums of money, casualty counts, dates, weekdays, years, months, places,
            the names nearest before and after) as a veto inside today's clusters; (2) a document-pair affinity
            from today's joins (the share of event clusters two documents hold in common) for joins across
            classes, for mentions whose document shares little with the cluster's others, and as a lower context
            share for sayings; (3) a year in the sentence other than the document's, background phrases

  substitutes events14: a story's documents naming its lead event each in their own words ("cut" / "damaged"):
            (1) group pairs of other classes of one story by shared documents, spread, lead lines and coverage
            (complementary distribution), the share mostly co-referring; (2) in a document without the story's
            lead group, its first lead-line mentions of small groups joined to that group, settings chosen in folds
  thesaurus events14: two groups of one story with other classes joined when Debian's aiksaurus thesaurus (Moby's
            broad meaning sets; apt-get install aiksaurus) relates their head words: always, with both in the lead
            lines and no shared document, or with a cross-document context-word Jaccard >= t; chosen in folds

  documents events15: PRED.json PAIRS (PAIRS from `crosscheck eval events FILE --document-pairs PAIRS`: each
            document's story and the story clusterer's own score of every two documents): the stories re-cut by
            that score, each split by average link at t (parts under k documents joined to the nearest part), then
            the parts of the file joined by average link at u; with --groups instead each (story, class) event
            group's documents split by average link at t (average link inside a group instead of the class's
            closure); settings chosen inside the folds
  classes   events15: the predicate-class lexicon audited class by class: a class whose groups hold several lemmas
            split into its lemmas in a held-out fold when that raises the other folds' CoNLL F1

  variants  several prediction files (PRED.json PRED2.json ...; one setting of the C# each): in each fold the file
            scoring best on the other topics is chosen and scored on the held-out topics; prints each file's own
            score, the choice of every fold and the out-of-fold CoNLL F1 of the choices

Pure Python (no numpy): logistic regression by Newton steps, or --trees for boosted depth-3 trees.
Findings: docs/BENCHMARKS.md, "2026-12-05 afternoon" (events4), "2026-12-05 late evening" (events5, classpairs),
"2026-12-06 night" (events6, vectors), "2026-12-06 morning" (events7, sayings) and "2026-12-06 midday" (events11,
errors and wordnet), "2026-12-06 afternoon" (events12, mentionpairs), "2026-12-06 late night" (events13, context),
"2026-12-07 early morning" (events14, substitutes), "2026-12-07 evening" (events15, documents and classes).

Usage (from the repository root): scripts/events-coref-cv.py {score|errors|context|substitutes|thesaurus|wordnet|mentions|groups|pairs|classpairs|vectors|sayings|mentionpairs|classes} PRED.json
       scripts/events-coref-cv.py documents PRED.json PAIRS [--groups]
       scripts/events-coref-cv.py variants PRED.json PRED2.json ...
[--trees] [--folds N] [--window K] [--directed] [--wordnet] [--thesaurus] [--start today|alone|split] [--no-table]
"""
import csv
import io
import json
import math
import os
import re
import shutil
import subprocess
import sys
import zipfile
import zlib
from collections import Counter, defaultdict
from itertools import combinations

SHARED = '../shared/data'
DATA = SHARED + '/events-ecbplus-dev/documents.jsonl'
CHOOSING = [1, 3, 4, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16, 17, 19, 20, 22, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33]
THRESHOLDS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]
WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*|\d[\d,.]*")
STOP = set("a an the of to in on at for by with from and or but is was were are be been has have had it its he she "
           "they his her their this that these those as after before over into about than who which what when where "
           "while not no said says say will would could may might can".split())
MODAL = {"will", "would", "could", "may", "might", "can", "should", "must", "shall", "to", "if", "want", "wants", "plan",
         "plans", "expected", "likely", "possible"}
NEGATION = {"not", "n't", "never", "no", "without", "denied", "deny", "denies"}
DETERMINERS = {"a", "an", "the", "his", "her", "their", "its", "this", "that", "our", "my", "your", "these", "those", "of"}
BACKGROUND = {"had", "previously", "earlier", "former", "last", "since", "once"}


def load_documents():
    # Never keeps a dev topic's document: the dev topics are reported once, by the C# command, not tuned on here.
    with open(DATA, encoding='utf-8') as fh:
        return [d for d in map(json.loads, fh) if d['topic'] in CHOOSING]


# ---- the README metric ----------------------------------------------------------------------------------------

def clusters_of(assignment):
    found = defaultdict(set)
    for mention, cluster in assignment.items():
        found[cluster].add(mention)
    return list(found.values())


def muc_counts(keys, response):
    parts = sum(len(k) - len({response[m] for m in k}) for k in keys)
    return parts, sum(len(k) - 1 for k in keys)


def harmonic(p, r):
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def best_alignment(weights):
    """Largest sum of a one-to-one alignment of rows to columns (rows <= columns): the Hungarian method."""
    n, m = len(weights), len(weights[0])
    u, v, match, way = [0.0] * (n + 1), [0.0] * (m + 1), [0] * (m + 1), [0] * (m + 1)
    for i in range(1, n + 1):
        match[0], j0 = i, 0
        least, used = [math.inf] * (m + 1), [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = match[j0], math.inf, 0
            for j in range(1, m + 1):
                if not used[j]:
                    cost = -weights[i0 - 1][j - 1] - u[i0] - v[j]
                    if cost < least[j]:
                        least[j], way[j] = cost, j0
                    if least[j] < delta:
                        delta, j1 = least[j], j
            for j in range(m + 1):
                if used[j]:
                    u[match[j]] += delta
                    v[j] -= delta
                else:
                    least[j] -= delta
            j0 = j1
            if match[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            match[j0] = match[j1]
            j0 = j1
    return sum(weights[match[j] - 1][j - 1] for j in range(1, m + 1) if match[j])


def ceaf_e(keys, responses):
    # The alignment splits into the connected parts of the overlap graph; each is aligned on its own.
    owner = list(range(len(keys) + len(responses)))

    def root(a):
        while owner[a] != a:
            owner[a] = owner[owner[a]]
            a = owner[a]
        return a
    key_of = {m: i for i, k in enumerate(keys) for m in k}
    for j, r in enumerate(responses):
        for m in r:
            owner[root(len(keys) + j)] = root(key_of[m])
    parts = defaultdict(lambda: ([], []))
    for i in range(len(keys)):
        parts[root(i)][0].append(keys[i])
    for j in range(len(responses)):
        parts[root(len(keys) + j)][1].append(responses[j])
    total = 0.0
    for ks, rs in parts.values():
        rows, cols = (ks, rs) if len(ks) <= len(rs) else (rs, ks)
        total += best_alignment([[2 * len(a & b) / (len(a) + len(b)) for b in cols] for a in rows])
    return total / len(responses), total / len(keys)


def conll(gold, predicted):
    predicted = {m: predicted.get(m, 'alone:' + m) for m in gold}
    keys, responses = clusters_of(gold), clusters_of(predicted)
    n1, d1 = muc_counts(keys, predicted)
    n2, d2 = muc_counts(responses, gold)
    key_index = {m: i for i, k in enumerate(keys) for m in k}
    response_index = {m: i for i, r in enumerate(responses) for m in r}
    overlap = Counter((key_index[m], response_index[m]) for m in gold)
    b3_recall = sum(c * c / len(keys[a]) for (a, _), c in overlap.items()) / len(gold)
    b3_precision = sum(c * c / len(responses[b]) for (_, b), c in overlap.items()) / len(gold)
    ceaf_precision, ceaf_recall = ceaf_e(keys, responses)
    return 100 * (harmonic(n2 / d2 if d2 else 0, n1 / d1 if d1 else 0) + harmonic(b3_precision, b3_recall)
                  + harmonic(ceaf_precision, ceaf_recall)) / 3


# ---- models ---------------------------------------------------------------------------------------------------

def sigmoid(z):
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def fit_logistic(rows, labels, l2=1.0, steps=8):
    """Newton steps on the L2-penalised log loss (the bias, column 0, unpenalised)."""
    d = len(rows[0])
    w = [0.0] * d
    for _ in range(steps):
        hessian, gradient = [[0.0] * d for _ in range(d)], [0.0] * d
        for x, t in zip(rows, labels):
            p = sigmoid(sum(a * b for a, b in zip(w, x)))
            for a in range(d):
                gradient[a] += (p - t) * x[a]
                for b in range(d):
                    hessian[a][b] += p * (1 - p) * x[a] * x[b]
        for a in range(1, d):
            gradient[a] += l2 * w[a]
            hessian[a][a] += l2
        hessian[0][0] += 1e-6
        w = [a - b for a, b in zip(w, solve(hessian, gradient))]
    return lambda x: sigmoid(sum(a * b for a, b in zip(w, x)))


def solve(matrix, vector):
    n = len(matrix)
    m = [row[:] + [vector[i]] for i, row in enumerate(matrix)]
    for c in range(n):
        pivot = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[pivot] = m[pivot], m[c]
        for r in range(n):
            if r != c and m[c][c]:
                k = m[r][c] / m[c][c]
                m[r] = [a - k * b for a, b in zip(m[r], m[c])]
    return [m[i][n] / m[i][i] if m[i][i] else 0.0 for i in range(n)]


def fit_trees(rows, labels, rounds=60, depth=3, rate=0.1, l2=1.0, least_hessian=2.0, bins=16):
    """Gradient-boosted trees of the log loss on quantile bins (Newton leaf values)."""
    d = len(rows[0])
    cuts = [sorted({sorted(r[f] for r in rows)[len(rows) * q // bins] for q in range(1, bins)}) for f in range(d)]
    binned = [[sum(1 for c in cuts[f] if r[f] > c) for f in range(d)] for r in rows]
    prior = sum(labels) / len(labels)
    start = math.log(prior / (1 - prior))
    scores, trees = [start] * len(rows), []

    def grow(index, gradient, hessian, level):
        g, h = sum(gradient[i] for i in index), sum(hessian[i] for i in index)
        best = None
        if level < depth:
            for f in range(d):
                gs, hs = [0.0] * (len(cuts[f]) + 1), [0.0] * (len(cuts[f]) + 1)
                for i in index:
                    gs[binned[i][f]] += gradient[i]
                    hs[binned[i][f]] += hessian[i]
                gl = hl = 0.0
                for b in range(len(cuts[f])):
                    gl, hl = gl + gs[b], hl + hs[b]
                    if hl >= least_hessian and h - hl >= least_hessian:
                        gain = gl * gl / (hl + l2) + (g - gl) ** 2 / (h - hl + l2) - g * g / (h + l2)
                        if gain > 0 and (best is None or gain > best[0]):
                            best = (gain, f, b)
        if best is None:
            return -g / (h + l2) * rate
        _, f, b = best
        return (f, cuts[f][b], grow([i for i in index if binned[i][f] <= b], gradient, hessian, level + 1),
                grow([i for i in index if binned[i][f] > b], gradient, hessian, level + 1))

    def value(tree, x):
        while isinstance(tree, tuple):
            tree = tree[2] if x[tree[0]] <= tree[1] else tree[3]
        return tree
    for _ in range(rounds):
        probabilities = [sigmoid(s) for s in scores]
        gradient = [p - t for p, t in zip(probabilities, labels)]
        hessian = [p * (1 - p) for p in probabilities]
        tree = grow(list(range(len(rows))), gradient, hessian, 0)
        trees.append(tree)
        scores = [s + value(tree, r) for s, r in zip(scores, rows)]
    return lambda x: sigmoid(start + sum(value(t, x) for t in trees))


def area_under_curve(scores, labels):
    ranked = sorted(zip(scores, labels))
    positives = sum(labels)
    rank_sum = sum(i + 1 for i, (_, y) in enumerate(ranked) if y)
    return (rank_sum - positives * (positives + 1) / 2) / (positives * (len(labels) - positives))


def cross_validate(samples, folds, trees, negative_share=1.0, positive_share=1.0, fold_features=None):
    """samples: (id, topic, feature dict, label); returns id -> probability, each from a model without its topic.
    With negative_share (positive_share) < 1 only that share of the training negatives (positives) is fitted (for
    speed) and the odds are scaled back by it. fold_features(held) -> {id: feature dict} adds the features that
    depend on the fold (tables learned on the training topics' gold), merged into each sample's own."""
    predicted = {}
    for k in range(folds):
        held = set(CHOOSING[k::folds])
        extra = fold_features(held) if fold_features else {}

        def features_of(s):
            return {**s[2], **extra[s[0]]} if extra else s[2]
        train = [s for s in samples if s[1] not in held
                 and zlib.crc32(str(s[0]).encode()) % 1000 < (positive_share if s[3] else negative_share) * 1000]
        names = list(features_of(train[0]))
        columns = {n: [features_of(s)[n] for s in train] for n in names}
        mean = {n: sum(column) / len(train) for n, column in columns.items()}
        spread = {n: math.sqrt(sum((x - mean[n]) ** 2 for x in column) / len(train)) or 1.0 for n, column in columns.items()}

        def vector(features):
            return [1.0] + [(features[n] - mean[n]) / spread[n] for n in names]
        fit = fit_trees if trees else fit_logistic
        model = fit([vector(features_of(s)) for s in train], [s[3] for s in train])
        for s in samples:
            if s[1] in held:
                p = model(vector(features_of(s)))
                predicted[s[0]] = p * negative_share / (p * negative_share + (1 - p) * positive_share)
    return predicted


# ---- features -------------------------------------------------------------------------------------------------

def words_of(text):
    return WORD.findall(text)


def mention_features(documents, predicted):
    """Per grouped mention: its group, its place in the document, its sentence's words and names against the
    sentences of the group's other mentions, and the shape of its words."""
    document_count, frequency = len(documents), Counter()
    for d in documents:
        frequency.update({w.lower() for w in words_of(d['text'])})
    context = {}
    for d in documents:
        lines = d['text'].split('\n')
        url_lines = 1 if d['subtopic'] == 'ecbplus' else 0
        for m in d['mentions']:
            cluster = predicted[m['id']]
            if cluster.startswith('alone:'):
                continue
            sentence = words_of(lines[m['sentence']])
            line_start = d['text'].rfind('\n', 0, m['start']) + 1
            before = [w.lower() for w in words_of(d['text'][line_start:m['start']])][-3:]
            weights = {w: c * math.log(document_count / frequency[w])
                       for w, c in Counter(w.lower() for w in sentence if w.lower() not in STOP).items()}
            norm = math.sqrt(sum(x * x for x in weights.values())) or 1.0
            context[m['id']] = dict(
                document=d['id'], topic=d['topic'], group=cluster, story=cluster.split('|')[0],
                position=m['sentence'] - url_lines, text=m['text'], before=before,
                vector={w: x / norm for w, x in weights.items()},
                names={w.lower() for i, w in enumerate(sentence) if w[0].isdigit() or (i > 0 and w[0].isupper() and w.lower() not in STOP)})
    members, story_documents = defaultdict(list), defaultdict(set)
    for mention, c in context.items():
        members[c['group']].append(mention)
        story_documents[c['story']].add(c['document'])
    features = {}
    for mention, c in context.items():
        others = [context[o] for o in members[c['group']] if o != mention]
        elsewhere = [o for o in others if o['document'] != c['document']]
        cosines = [sum(x * o['vector'].get(w, 0.0) for w, x in c['vector'].items()) for o in elsewhere]
        shared_names = [len(c['names'] & o['names']) for o in elsewhere]
        group_documents = len({o['document'] for o in others} | {c['document']})
        last = c['text'].lower().split()[-1]
        features[mention] = {
            'log_group': math.log(1 + len(members[c['group']])),
            'log_group_documents': math.log(group_documents),
            'story_share': group_documents / len(story_documents[c['story']]),
            'log_story_documents': math.log(len(story_documents[c['story']])),
            'same_document': min(len(others) - len(elsewhere), 3),
            'lead': 1 if c['position'] <= 1 else 0,
            'log_position': math.log(1 + max(c['position'], 0)),
            'cosine_max': max(cosines, default=0.0),
            'cosine_mean': sum(cosines) / len(cosines) if cosines else 0.0,
            'names_max': min(max(shared_names, default=0), 4),
            'names_share': sum(1 for x in shared_names if x) / len(shared_names) if shared_names else 0.0,
            'modal': 1 if MODAL & set(c['before']) else 0,
            'negated': 1 if NEGATION & set(c['before']) else 0,
            'background': 1 if BACKGROUND & set(c['before']) else 0,
            'determiner': 1 if c['before'][-1:] and c['before'][-1] in DETERMINERS else 0,
            'ing': 1 if last.endswith('ing') else 0,
            'ed': 1 if last.endswith('ed') else 0,
            'noun_suffix': 1 if re.search(r'(tion|sion|ment|ure|ance|ence|ity|al)$', last) else 0,
            'several_words': 1 if ' ' in c['text'].strip() else 0,
            'capitalised': 1 if c['text'][:1].isupper() else 0,
        }
    return context, members, features


def class_pair_features(documents, predicted, context, members):
    """Per two groups of one story with different classes: what their mentions' sentences, documents and
    neighbouring words share."""
    document_count, frequency = len(documents), Counter()
    for d in documents:
        frequency.update({w.lower() for w in words_of(d['text'])})
    near = {}
    for d in documents:
        tokens = [(t.start(), t.group()) for t in WORD.finditer(d['text'])]
        for m in d['mentions']:
            if m['id'] not in context:
                continue
            inside = [i for i, (start, _) in enumerate(tokens) if m['start'] <= start < m['end']] or [0]
            around = [w for _, w in tokens[max(0, inside[0] - 4):inside[0]] + tokens[inside[-1] + 1:inside[-1] + 5]]
            near[m['id']] = {w.lower() for w in around if w.lower() not in STOP and not w[0].isdigit()}
    story_groups, story_documents = defaultdict(list), defaultdict(set)
    for group, ms in members.items():
        story_groups[context[ms[0]]['story']].append(group)
        story_documents[context[ms[0]]['story']].update(context[m]['document'] for m in ms)

    def cosine(a, b):
        return sum(x * b.get(w, 0.0) for w, x in a.items())

    def centroid(ms):
        total = Counter()
        for m in ms:
            total.update(context[m]['vector'])
        norm = math.sqrt(sum(x * x for x in total.values())) or 1.0
        return {w: x / norm for w, x in total.items()}
    centroids = {g: centroid(ms) for g, ms in members.items()}
    samples = []
    for story, groups in story_groups.items():
        documents_in_story = len(story_documents[story])
        for g, h in combinations(groups, 2):
            a, b = members[g], members[h]
            docs_a, docs_b = {context[m]['document'] for m in a}, {context[m]['document'] for m in b}
            sentences_a = {(context[m]['document'], context[m]['position']) for m in a}
            sentences_b = {(context[m]['document'], context[m]['position']) for m in b}
            cosines = [cosine(context[x]['vector'], context[y]['vector']) for x in a[:12] for y in b[:12]
                       if context[x]['document'] != context[y]['document']]
            names_a, names_b = set().union(*(context[m]['names'] for m in a)), set().union(*(context[m]['names'] for m in b))
            words_a, words_b = set().union(*(near[m] for m in a)), set().union(*(near[m] for m in b))
            lead_a = sum(context[m]['position'] <= 1 for m in a) / len(a)
            lead_b = sum(context[m]['position'] <= 1 for m in b) / len(b)
            class_a, class_b = g.split('|', 1)[1].strip('='), h.split('|', 1)[1].strip('=')
            prefix = next((i for i, (x, y) in enumerate(zip(class_a, class_b)) if x != y), min(len(class_a), len(class_b)))
            features = {
                'centroid_cosine': cosine(centroids[g], centroids[h]),
                'cosine_max': max(cosines, default=0.0),
                'cosine_mean': sum(cosines) / len(cosines) if cosines else 0.0,
                'shared_documents': len(docs_a & docs_b) / min(len(docs_a), len(docs_b)),
                'shared_sentences': len(sentences_a & sentences_b) / min(len(sentences_a), len(sentences_b)),
                'lead_min': min(lead_a, lead_b), 'lead_max': max(lead_a, lead_b),
                'share_min': min(len(docs_a), len(docs_b)) / documents_in_story,
                'share_max': max(len(docs_a), len(docs_b)) / documents_in_story,
                'names_jaccard': len(names_a & names_b) / (len(names_a | names_b) or 1),
                'near_words_idf': sum(math.log(document_count / max(1, frequency[w])) for w in words_a & words_b),
                'prefix': prefix / max(1, min(len(class_a), len(class_b))),
                'log_sizes': math.log(len(a) * len(b)),
                'log_story_documents': math.log(documents_in_story),
            }
            together = sum(gold_of[x] == gold_of[y] for x in a for y in b) / (len(a) * len(b))
            samples.append(((g, h), context[a[0]]['topic'], features, 1 if together > 0.5 else 0))
    return samples


gold_of = {}


def pair_precision(mentions, gold):
    n = len(mentions)
    same = Counter(gold[m] for m in mentions)
    return sum(v * (v - 1) / 2 for v in same.values()) / (n * (n - 1) / 2)


def sweep(gold, predicted, scores, leave, what):
    print(f'  base {conll(gold, predicted):.2f}')
    for t in THRESHOLDS:
        chosen = {k for k, p in scores.items() if p > t}
        print(f'  threshold {t}: {len(chosen)} {what}, CoNLL F1 {conll(gold, leave(chosen)):.2f}')


# ---- distributional word vectors (mode "vectors") -------------------------------------------------------------

EVENT_DATA = 'src/Crosscheck.Annotation/Events/Data/'


def read_list(path):
    with open(path, encoding='utf-8') as fh:
        return [line.strip().lower() for line in fh if line.strip() and not line.startswith('#')]


IRREGULAR = {form: words[0] for words in map(str.split, read_list(EVENT_DATA + 'irregular-verbs.txt')) for form in words[1:][::-1]}
REFERENCE_WORDS = set(read_list(EVENT_DATA + 'reference-words.txt'))
FUNCTION_WORDS = set(read_list('src/Crosscheck.Core/WordLists/function-words.txt'))


def predicate_key(word):
    """PredicateLexicon.Key: the lemma (irregular forms, else inflection rules) without a final silent e."""
    w = word.lower()
    if w in IRREGULAR:
        lemma = IRREGULAR[w]
    else:
        def undouble(stem):
            return stem[:-1] if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in 'aeiouylsz' else stem
        n = len(w)
        if n > 4 and w.endswith(('ies', 'ied')):
            lemma = w[:-3] + 'y'
        elif n > 5 and w.endswith('ing'):
            lemma = undouble(w[:-3])
        elif n > 4 and w.endswith('ed'):
            lemma = undouble(w[:-2])
        elif n > 4 and (w.endswith(('ches', 'shes')) or (w.endswith('es') and w[-3] in 'sxz')):
            lemma = w[:-2]
        elif n > 3 and w[-1] == 's' and not w.endswith(('ss', 'us')):
            lemma = w[:-1]
        else:
            lemma = w
    return lemma[:-1] if len(lemma) > 3 and lemma[-1] == 'e' else lemma


LETTERS = re.compile(r"[A-Za-z][A-Za-z'\-]*[A-Za-z]|[A-Za-z]")


def general_sentences():
    """Text the project may train on: GMB/VOA (public domain), CoNLL-2003 English train, PolNeAR train (never dev)."""
    with zipfile.ZipFile(SHARED + '/ner/gmb-kaggle/ner_dataset.csv.zip') as archive:
        rows = csv.reader(io.TextIOWrapper(archive.open('ner_dataset.csv'), encoding='latin-1'))
        next(rows)
        sentence = []
        for row in rows:
            if row[0] and sentence:
                yield ' '.join(sentence)
                sentence = []
            sentence.append(row[1])
        yield ' '.join(sentence)
    sentence = []
    with open(SHARED + '/ner/conll2003/train.txt', encoding='utf-8') as fh:
        for line in fh:
            parts = line.split()
            if not parts or parts[0] == '-DOCSTART-':
                if sentence:
                    yield ' '.join(sentence)
                sentence = []
            else:
                sentence.append(parts[0])
    folder = SHARED + '/attribution-polnear/train/text/'
    for name in sorted(os.listdir(folder)):
        with open(folder + name, encoding='utf-8') as fh:
            yield from (line for line in fh if line.strip())


def cooccurrence(sentences, window, directed):
    counts = defaultdict(Counter)
    for sentence in sentences:
        keys = [predicate_key(w) for w in LETTERS.findall(sentence)]
        for i, word in enumerate(keys):
            row = counts[word]
            for j in range(max(0, i - window), min(len(keys), i + window + 1)):
                if j != i:
                    row[('<' if j < i else '>') + keys[j] if directed else keys[j]] += 1
    return counts


def head_key(text):
    words = re.findall(r"[A-Za-z][A-Za-z'\-]*", text)
    head = next((w for w in words if w.lower() not in FUNCTION_WORDS), words[0] if words else None)
    return predicate_key(head) if head else None


def vector_pairs(documents, predicted, window, directed, folds):
    """Every two groups of one story with different predicates (particle variants of one verb aside): the cosine
    of their head words' summed PPMI vectors, built without the ECB+ text of the pair's own fold."""
    general = cooccurrence(general_sentences(), window, directed)
    by_topic = {t: cooccurrence([line for d in documents if d['topic'] == t
                                 for line in d['text'].split('\n')[1 if d['subtopic'] == 'ecbplus' else 0:]], window, directed)
                for t in CHOOSING}
    column_totals = {'': Counter()}
    for row in general.values():
        column_totals[''].update(row)
    for t, counts in by_topic.items():
        column_totals[t] = Counter()
        for row in counts.values():
            column_totals[t].update(row)
    head = {m['id']: head_key(m['text']) for d in documents for m in d['mentions']}
    topic = {m['id']: d['topic'] for d in documents for m in d['mentions']}
    groups = defaultdict(list)
    for m, c in predicted.items():
        if not c.startswith('alone:'):
            groups[c].append(m)
    story_groups = defaultdict(list)
    for g in groups:
        story_groups[g.split('|')[0]].append(g)

    def base(group):
        return group.split('|', 1)[1].split('#')[0].split('+')[0]
    pairs = []
    for k in range(folds):
        held = set(CHOOSING[k::folds])
        totals = Counter(column_totals[''])
        for t in CHOOSING:
            if t not in held:
                totals.update(column_totals[t])
        smoothed = {c: n ** 0.75 for c, n in totals.items()}
        grand = sum(smoothed.values())
        vectors = {}

        def vector(word):
            if word not in vectors:
                row = Counter(general.get(word, {}))
                for t in CHOOSING:
                    if t not in held and word in by_topic[t]:
                        row.update(by_topic[t][word])
                total = sum(row.values())
                v = {c: math.log(n * grand / (total * smoothed[c])) for c, n in row.items()}
                v = {c: x for c, x in v.items() if x > 0}
                norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
                vectors[word] = {c: x / norm for c, x in v.items()}
            return vectors[word]
        group_vectors = {}
        for g, ms in groups.items():
            if topic[ms[0]] in held:
                total = Counter()
                for m in ms:
                    if head[m]:
                        total.update(vector(head[m]))
                norm = math.sqrt(sum(x * x for x in total.values())) or 1.0
                group_vectors[g] = {c: x / norm for c, x in total.items()}
        for gs in story_groups.values():
            gs = [g for g in gs if g in group_vectors]
            for g, h in combinations(gs, 2):
                if base(g) == base(h):
                    continue
                a, b = group_vectors[g], group_vectors[h]
                if len(a) > len(b):
                    a, b = b, a
                together = sum(gold_of[x] == gold_of[y] for x in groups[g] for y in groups[h]) / (len(groups[g]) * len(groups[h]))
                pairs.append(((g, h), topic[groups[g][0]], sum(x * b.get(c, 0.0) for c, x in a.items()), together))
    return pairs, groups


def argument_features(documents, pairs, groups):
    """Beside each pair's cosine: how often the two groups' mentions in different documents have a content word
    within four words in common (the predicates' own words aside), how many of the first group's mentions share a
    sentence with the second's, the share of documents they share, their sizes."""
    document_count, frequency = len(documents), Counter()
    for d in documents:
        frequency.update({predicate_key(w) for w in LETTERS.findall(d['text'])})
    near = {}
    for d in documents:
        tokens = [(t.start(), t.group()) for t in WORD.finditer(d['text'])]
        for m in d['mentions']:
            inside = [i for i, (start, _) in enumerate(tokens) if m['start'] <= start < m['end']] or [0]
            around = tokens[max(0, inside[0] - 4):inside[0]] + tokens[inside[-1] + 1:inside[-1] + 5]
            near[m['id']] = (d['id'], m['sentence'],
                             {predicate_key(w) for _, w in around if w.lower() not in STOP and w[0].isalpha() and len(w) > 2})
    samples = []
    for (g, h), topic, cosine, together in pairs:
        a, b = groups[g], groups[h]
        own = {g.split('|', 1)[1].split('#')[0].strip('=').split('+')[0], h.split('|', 1)[1].split('#')[0].strip('=').split('+')[0]}
        cross = [(near[x], near[y]) for x in a for y in b if near[x][0] != near[y][0]]
        agree = [sum(math.log(document_count / max(1, frequency[w])) for w in (p[2] & q[2]) - own) for p, q in cross]
        docs_a, docs_b = {near[x][0] for x in a}, {near[y][0] for y in b}
        sentences_b = {near[y][:2] for y in b}
        samples.append(((g, h), topic, {
            'cosine': cosine,
            'argument_rate': sum(1 for x in agree if x > 0) / len(agree) if agree else 0.0,
            'argument_mean': sum(agree) / len(agree) if agree else 0.0,
            'same_sentence': sum(1 for x in a if near[x][:2] in sentences_b) / len(a),
            'shared_documents': len(docs_a & docs_b) / min(len(docs_a), len(docs_b)),
            'log_sizes': math.log(len(a) * len(b)),
        }, 1 if together > 0.5 else 0))
    return samples


def find(owner, x):
    """The root of x in a union-find forest kept as a dict (an item absent from it is its own root)."""
    while owner.get(x, x) != x:
        x = owner[x]
    return x


def join_groups(predicted, chosen):
    owner = {}
    for g, h in chosen:
        owner[find(owner, g)] = find(owner, h)
    return {m: find(owner, c) for m, c in predicted.items()}


def vectors_mode(documents, gold, predicted, folds, trees, window, directed):
    topic = {m['id']: d['topic'] for d in documents for m in d['mentions']}
    pairs, groups = vector_pairs(documents, predicted, window, directed, folds)
    labels = [1 if p[3] > 0.5 else 0 for p in pairs]
    print(f'{len(pairs)} group pairs of one story with different predicates, {sum(labels)} mostly co-referring; '
          f'cosine AUC {area_under_curve([p[2] + 1e-12 * i for i, p in enumerate(pairs)], labels):.3f}')
    print(f'  base {conll(gold, predicted):.2f}')
    ranked = sorted(pairs, key=lambda p: -p[2])
    for top in (10, 20, 40, 80, 160):
        chosen = ranked[:top]
        print(f'  the {top} most alike joined (cosine {chosen[-1][2]:.3f}+): {sum(p[3] > 0.5 for p in chosen)} right, '
              f'CoNLL F1 {conll(gold, join_groups(predicted, [p[0] for p in chosen])):.2f}')
    samples = argument_features(documents, pairs, groups)
    scores = cross_validate(samples, folds, trees, negative_share=0.2)
    print(f'group-pair model, cosine and argument agreement: AUC '
          f'{area_under_curve([scores[s[0]] for s in samples], [s[3] for s in samples]):.3f}')
    sweep(gold, predicted, scores, lambda chosen: join_groups(predicted, chosen), 'group pairs joined')
    grid = [(c, a) for c in (0.1, 0.15, 0.2, 0.3) for a in (0.2, 0.4, 0.6, 0.8)]
    passing = {r: [s for s in samples if s[2]['cosine'] >= r[0] and s[2]['argument_rate'] >= r[1] and s[2]['same_sentence'] == 0]
               for r in grid}
    for r in grid:
        print(f'  cosine {r[0]}+ and argument agreement {r[1]}+, no shared sentence: {len(passing[r])} pairs, '
              f'{sum(s[3] for s in passing[r])} right, CoNLL F1 {conll(gold, join_groups(predicted, [s[0] for s in passing[r]])):.2f}')
    joined = []
    for k in range(folds):
        held = set(CHOOSING[k::folds])
        kept = {m: c for m, c in gold.items() if topic[m] not in held}

        def inside(rule):
            result = join_groups(predicted, [s[0] for s in passing[rule] if s[1] not in held])
            return conll(kept, {m: result[m] for m in kept})
        best = max(grid, key=inside)
        if inside(best) > conll(kept, {m: predicted[m] for m in kept}):
            joined += [s[0] for s in passing[best] if s[1] in held]
    print(f"  the rule chosen inside each fold's other topics: CoNLL F1 {conll(gold, join_groups(predicted, joined)):.2f}")


CONTEXT_TOKEN = re.compile(r"[^\W_]+(?:['\u2019-][^\W\d_]+)*")
SAYING_GRID = [(k, t) for k in (4, 6, 8, 12) for t in (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5)]


def context_words(text, start, end, window):
    """EventGrouper.ContextWords: content words within `window` words either side of text[start:end] in its line."""
    line_start = text.rfind('\n', 0, start) + 1
    line_end = text.find('\n', end)
    before = [w.lower() for w in CONTEXT_TOKEN.findall(text[line_start:start])][-window:]
    after = [w.lower() for w in CONTEXT_TOKEN.findall(text[end:len(text) if line_end < 0 else line_end])][:window]
    return {w for w in before + after if w not in FUNCTION_WORDS}


def saying_mentions(documents, predicted, windows):
    """The acts of saying the C# grouping joins by context (its "STORY|CLASS@ID" clusters and the "alone:" mentions
    with a predicate): (mention, document, story, head key, {window: context words}), and the predictions with
    every one of them alone."""
    story_of = {}
    for d in documents:
        stories = Counter(predicted[m['id']].split('|')[0] for m in d['mentions']
                          if '|' in predicted.get(m['id'], '') and '@' not in predicted[m['id']])
        story_of[d['id']] = stories.most_common(1)[0][0] if stories else 'document:' + d['id']
    sayings, base = [], dict(predicted)
    for d in documents:
        for m in d['mentions']:
            cluster = predicted.get(m['id'], 'alone:' + m['id'])
            if '@' in cluster or (cluster.startswith('alone:') and m['text'].lower() not in REFERENCE_WORDS):
                base[m['id']] = 'alone:' + m['id']
                sayings.append((m['id'], d['id'], story_of[d['id']], head_key(m['text']),
                                {k: context_words(d['text'], m['start'], m['end'], k) for k in windows}))
    return sayings, base


def sayings_mode(documents, gold, predicted, folds):
    """Sayings reset to alone, then joined by context agreement; (window, share) chosen inside each fold."""
    topic = {m['id']: d['topic'] for d in documents for m in d['mentions']}
    sayings, base = saying_mentions(documents, predicted, {k for k, _ in SAYING_GRID})
    pairs = []
    for i, a in enumerate(sayings):
        for b in sayings[i + 1:]:
            if a[1] != b[1] and a[2] == b[2] and a[3] == b[3]:
                pairs.append((a[0], b[0], {k: len(a[4][k] & b[4][k]) / max(1, len(a[4][k] | b[4][k])) for k, _ in SAYING_GRID}))

    def joined(window, share, inside):
        owner = {}

        def root(x):
            while owner.get(x, x) != x:
                x = owner[x]
            return x
        for a, b, agreement in pairs:
            if inside(topic[a]) and agreement[window] >= share:
                owner[root(a)] = root(b)
        result = dict(base)
        for m in owner:
            result[m] = 'said:' + root(m)
        for m in set(owner.values()):
            result[m] = 'said:' + root(m)
        return result
    print(f'{len(sayings)} sayings, {len(pairs)} pairs of one class in two documents of a story; all alone: {conll(gold, base):.2f}')
    for window, share in SAYING_GRID:
        chosen = [p for p in pairs if p[2][window] >= share]
        print(f'  +-{window} words, share >= {share}: {len(chosen)} pairs, {sum(gold[a] == gold[b] for a, b, _ in chosen)} '
              f'co-refer; CoNLL F1 {conll(gold, joined(window, share, lambda t: True)):.2f}')
    result, picks = dict(base), []
    for fold in [CHOOSING[i::folds] for i in range(folds)]:
        train = {m: g for m, g in gold.items() if topic[m] not in fold}
        best = max(SAYING_GRID, key=lambda ks: conll(train, {m: c for m, c in joined(*ks, lambda t: t not in fold).items() if m in train}))
        picks.append(best)
        held = joined(*best, lambda t: t in fold)
        result.update({m: held[m] for m in gold if topic[m] in fold})
    print(f'chosen per fold {picks}; CoNLL F1 by topic CV {conll(gold, result):.2f}')


def story_of_documents(documents, predicted):
    """The C# story of each document (its grouped mentions' clusters are "STORY|CLASS..."); a document whose
    mentions were all kept alone stands apart."""
    story_of = {}
    for d in documents:
        stories = Counter(predicted[m['id']].split('|')[0] for m in d['mentions'] if '|' in predicted.get(m['id'], ''))
        story_of[d['id']] = stories.most_common(1)[0][0] if stories else 'document:' + d['id']
    return story_of


def word_class(text):
    last = text.lower().split()[-1] if text.split() else ''
    return 'verb' if last.endswith(('ed', 'ing')) else 'noun' if re.search(r'(tion|sion|ment|ure|ance|ence|ity|al|age|ery|ism)$', last) else 'other'


def mention_pair_samples(documents, predicted, gold):
    """Every two mentions of one story: (a, b), their topic, the features that need no training gold, co-refer?"""
    story_of = story_of_documents(documents, predicted)
    info = {}
    for d in documents:
        lines = d['text'].split('\n')
        for m in d['mentions']:
            words = words_of(lines[m['sentence']])
            own = {w.lower() for w in words_of(m['text'])}
            info[m['id']] = dict(
                topic=d['topic'], document=d['id'], story=story_of[d['id']], sentence=m['sentence'],
                lemma=head_key(m['text']) or m['text'].lower(), cluster=predicted.get(m['id'], 'alone:' + m['id']),
                content={w.lower() for w in words if w.lower() not in FUNCTION_WORDS} - own,
                names={w.lower() for i, w in enumerate(words) if w[0].isdigit() or (i > 0 and w[0].isupper() and w.lower() not in STOP)},
                window=context_words(d['text'], m['start'], m['end'], 6) - own, shape=word_class(m['text']))

    def jaccard(x, y):
        return len(x & y) / len(x | y) if x or y else 0.0
    by_story = defaultdict(list)
    for m, i in info.items():
        by_story[i['story']].append(m)
    samples = []
    for ms in by_story.values():
        documents_of = defaultdict(set)
        for m in ms:
            documents_of[info[m]['lemma']].add(info[m]['document'])
        story_documents = len({info[m]['document'] for m in ms})
        for x, y in combinations(ms, 2):
            a, b = info[x], info[y]
            same_document = a['document'] == b['document']
            prefix = next((i for i, (p, q) in enumerate(zip(a['lemma'], b['lemma'])) if p != q), min(len(a['lemma']), len(b['lemma'])))
            features = {
                'same cluster today': 1.0 if a['cluster'] == b['cluster'] else 0.0,
                'one kept alone today': 1.0 if 'alone:' in a['cluster'] + b['cluster'] else 0.0,
                'same lemma': 1.0 if a['lemma'] == b['lemma'] else 0.0,
                'shared stem (4+ letters), other lemma': 1.0 if prefix >= 4 and a['lemma'] != b['lemma'] else 0.0,
                'same word class': 1.0 if a['shape'] == b['shape'] else 0.0,
                'sentence content words (Jaccard)': jaccard(a['content'], b['content']),
                'context words within 6 (Jaccard)': jaccard(a['window'], b['window']),
                'shared names and numbers in the sentences': min(len(a['names'] & b['names']), 4) / 4,
                'same document': 1.0 if same_document else 0.0,
                'same sentence': 1.0 if same_document and a['sentence'] == b['sentence'] else 0.0,
                'sentence distance in one document (log)': math.log(1 + abs(a['sentence'] - b['sentence'])) if same_document else 0.0,
                'both in the first three lines': 1.0 if a['sentence'] <= 2 and b['sentence'] <= 2 else 0.0,
                "story share of the rarer lemma's documents": min(len(documents_of[a['lemma']]), len(documents_of[b['lemma']])) / story_documents,
                "the two lemmas' documents (Jaccard)": jaccard(documents_of[a['lemma']], documents_of[b['lemma']]),
            }
            samples.append(((x, y), a['topic'], features, 1 if gold[x] == gold[y] else 0, tuple(sorted((a['lemma'], b['lemma'])))))
    return info, samples


def lemma_pair_table(samples, held, smoothing=2.0):
    """The learned lexical table: per pair of head lemmas, [co-referring, all] mention pairs of one story on the
    topics outside `held`, and per sample the smoothed rate of its lemma pair there with a row's own topic left out
    too (so a training row never sees its own topic's gold), how often it co-referred (log) and whether it was seen."""
    per_topic = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for s in samples:
        cell = per_topic[s[1]][s[4]]
        cell[0] += s[3]
        cell[1] += 1
    total = defaultdict(lambda: [0, 0])
    for t, table in per_topic.items():
        if t not in held:
            for key, (c, n) in table.items():
                total[key][0] += c
                total[key][1] += n
    features = {}
    for s in samples:
        c, n = total.get(s[4], (0, 0))
        if s[1] not in held:
            own = per_topic[s[1]].get(s[4], (0, 0))
            c, n = c - own[0], n - own[1]
        prior = 0.3 if s[4][0] == s[4][1] else 0.02
        features[s[0]] = {'lemma pair rate elsewhere': (c + smoothing * prior) / (n + smoothing),
                          'lemma pair co-referring elsewhere (log)': math.log(1 + c),
                          'lemma pair unseen elsewhere': 1.0 if n == 0 else 0.0}
    return features


def average_link(members, score, floor):
    """members: cluster -> mentions (one story); merges the two clusters of highest mean pair score while it is
    at least floor; returns the merges with their heights (non-increasing: average link is reducible, so every
    threshold above floor is a prefix of the one run)."""
    ids, sums = list(members), {}
    for x, y in combinations(ids, 2):
        sums[(x, y)] = sum(score(a, b) for a in members[x] for b in members[y])
    size, merges = {c: len(members[c]) for c in ids}, []
    while True:
        best, pair = floor, None
        for (c, d), total in sums.items():
            if total / (size[c] * size[d]) >= best:
                best, pair = total / (size[c] * size[d]), (c, d)
        if pair is None:
            return merges
        c, d = pair
        merges.append((best, c, d))
        del sums[pair]
        for e in [e for e in size if e not in pair]:
            sums[(c, e) if (c, e) in sums else (e, c)] += sums.pop((d, e) if (d, e) in sums else (e, d))
        size[c] += size.pop(d)


PAIR_THRESHOLDS = [0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]


def mention_pairs_mode(documents, gold, predicted, folds, trees, start, use_table):
    """A mention-pair model (every two mentions of one story, topic CV, the lemma-pair table learned out of fold)
    and average-link clustering of its probabilities, from today's clusters (merges only), from every mention
    alone (instead of today's grouping), or inside each of today's clusters (splits only); the threshold (or
    today's grouping unchanged) chosen inside each fold's other topics."""
    info, samples = mention_pair_samples(documents, predicted, gold)
    topic = {m: i['topic'] for m, i in info.items()}
    print(f'{len(samples)} mention pairs of one story, {sum(s[3] for s in samples)} co-referring; today {conll(gold, predicted):.2f}')
    # Does the learned table carry across topics? Pairs of other lemmas today's grouping leaves apart, by how their
    # lemma pair fared in the other topics (leave-one-topic-out).
    apart = [s for s in samples if s[4][0] != s[4][1] and not s[2]['same cluster today']]
    print(f'  {len(apart)} pairs of other lemmas in other clusters today, {sum(s[3] for s in apart)} co-referring; '
          'by their lemma pair in the other topics:')
    seen = defaultdict(lambda: defaultdict(lambda: [0, 0, 0]))
    for s in samples:
        seen[s[4]][s[1]][0] += s[3]
        seen[s[4]][s[1]][1] += 1
    for least_topics, least_rate in ((1, 0.0), (1, 0.5), (2, 0.0), (2, 0.5), (3, 0.0)):
        chosen = []
        for s in apart:
            others = [v for t, v in seen[s[4]].items() if t != s[1]]
            c, n, topics = sum(v[0] for v in others), sum(v[1] for v in others), sum(1 for v in others if v[0])
            if topics >= least_topics and c / (n + 1) >= least_rate:
                chosen.append(s)
        print(f'    co-referring in {least_topics}+ other topics, rate {least_rate}+: {len(chosen)} pairs, '
              f'{sum(s[3] for s in chosen)} co-referring')
    scores = cross_validate(samples, folds, trees, negative_share=0.03, positive_share=0.25,
                            fold_features=(lambda held: lemma_pair_table(samples, held)) if use_table else None)
    for what, today in (('all pairs', None), ('pairs of other clusters today', 0.0), ("pairs inside today's clusters", 1.0)):
        kept = [s for s in samples if today is None or s[2]['same cluster today'] == today]
        print(f'  pair AUC out of fold, {what}: {area_under_curve([scores[s[0]] for s in kept], [s[3] for s in kept]):.3f}')

    def score(a, b):
        if start == 'split' and info[a]['cluster'] != info[b]['cluster']:
            return 0.0
        return scores.get((a, b), scores.get((b, a), 0.0))
    base = {m: i['cluster'] if start == 'today' else 'alone:' + m for m, i in info.items()}
    groups = defaultdict(lambda: defaultdict(list))
    for m, i in info.items():
        groups[i['cluster'] if start == 'split' else i['story']][base[m]].append(m)
    merges = [merge for members in groups.values() for merge in average_link(members, score, min(PAIR_THRESHOLDS))]

    def clustered(threshold):
        owner = {}
        for height, c, d in merges:
            if height >= threshold:
                owner[find(owner, d)] = find(owner, c)
        return {m: find(owner, c) for m, c in base.items()}
    options = [('today', dict(predicted))] + [(t, clustered(t)) for t in PAIR_THRESHOLDS]
    for name, result in options[1:]:
        print(f'  from {start}, average link {name}+: CoNLL F1 {conll(gold, result):.2f}')
    result, picks = {}, []
    for fold in [CHOOSING[i::folds] for i in range(folds)]:
        train = {m: g for m, g in gold.items() if topic[m] not in fold}
        name, best = max(options, key=lambda o: conll(train, {m: o[1][m] for m in train}))
        picks.append(name)
        result.update({m: best[m] for m in gold if topic[m] in fold})
    changes = []
    for t in CHOOSING:
        kept = {m: g for m, g in gold.items() if topic[m] == t}
        if kept:
            changes.append(conll(kept, {m: result[m] for m in kept}) - conll(kept, {m: predicted[m] for m in kept}))
    print(f'chosen per fold {picks}; CoNLL F1 by topic CV {conll(gold, result):.2f} (better on {sum(c > 0.005 for c in changes)} '
          f'topics, worse on {sum(c < -0.005 for c in changes)} of {len(changes)})')


def errors_mode(documents, gold, predicted):
    """What each kind of error costs: CoNLL F1 with only that kind fixed (oracle, gold used), and its mention pairs."""
    info = {}
    for d in documents:
        for m in d['mentions']:
            info[m['id']] = (d['id'], d['subtopic'], m['text'].lower())
    story = {m: c.split('|')[0] if '|' in c else 'alone' for m, c in predicted.items()}

    def kind(c):
        if c.startswith('alone:'):
            return 'alone'
        return 'saying' if '@' in c else 'event'

    def klass(c):
        return None if c.startswith('alone:') else re.split('[#@]', c.split('|', 1)[1])[0]
    gold_size = Counter(gold.values())
    print(f'CoNLL F1 {conll(gold, predicted):.2f} on {len(gold)} mentions')
    # Mention pairs by kind (inside one topic: other pairs are never joined and never co-refer).
    by_topic = defaultdict(list)
    for m in gold:
        by_topic[m.split('_')[0]].append(m)
    wrong, missed = Counter(), Counter()
    for ms in by_topic.values():
        for a, b in combinations(ms, 2):
            same_doc = 'one document' if info[a][0] == info[b][0] else 'two documents'
            if predicted[a] == predicted[b] and gold[a] != gold[b]:
                sub = 'one sub-topic' if info[a][1] == info[b][1] else 'two sub-topics'
                single = 'a gold singleton' if 1 in (gold_size[gold[a]], gold_size[gold[b]]) else 'two gold events'
                wrong[(same_doc, sub, single)] += 1
            elif predicted[a] != predicted[b] and gold[a] == gold[b]:
                ca, cb = predicted[a], predicted[b]
                if 'alone' in (kind(ca), kind(cb)):
                    why = 'one kept alone'
                elif story[a] != story[b]:
                    why = 'other stories'
                elif klass(ca) != klass(cb):
                    why = 'other classes'
                else:
                    why = 'one class split'
                missed[(same_doc, why)] += 1
    print('wrongly joined mention pairs:')
    for k, n in wrong.most_common():
        print(f'  {n:6d}  {", ".join(k)}')
    print('missed mention pairs:')
    for k, n in missed.most_common():
        print(f'  {n:6d}  {", ".join(k)}')
    # Oracles: each fixes one kind only.
    groups = defaultdict(list)
    for m, c in predicted.items():
        groups[c].append(m)
    majority, majority_sub = {}, {}
    for c, ms in groups.items():
        event, count = Counter(gold[m] for m in ms).most_common(1)[0]
        majority[c] = event
        majority_sub[c] = Counter(info[m][1] for m in ms if gold[m] == event).most_common(1)[0][0]

    def split(condition):
        return {m: c + '@' + gold[m] if gold[m] != majority[c] and condition(m, c) else c for m, c in predicted.items()}
    print('oracles, wrong joins split (a mention of another gold event than its cluster\'s majority leaves it):')
    for name, condition in [
            ('all', lambda m, c: True),
            ('gold singletons only', lambda m, c: gold_size[gold[m]] == 1),
            ('other sub-topic than the majority', lambda m, c: info[m][1] != majority_sub[c]),
            ('same sub-topic, not a gold singleton', lambda m, c: info[m][1] == majority_sub[c] and gold_size[gold[m]] > 1),
            ('in a document holding a majority mention', lambda m, c: any(info[o][0] == info[m][0] and gold[o] == majority[c] for o in groups[c])),
            ('in no document holding a majority mention', lambda m, c: not any(info[o][0] == info[m][0] and gold[o] == majority[c] for o in groups[c]))]:
        print(f'  {conll(gold, split(condition)):6.2f}  {name}')

    def join(condition):
        owner = {}
        by_event = defaultdict(list)
        for c, ms in groups.items():
            if 2 * sum(1 for m in ms if gold[m] == majority[c]) > len(ms):
                by_event[majority[c]].append(c)
        # Two clusters' components join only when every pair across them is of the kind: the joins made are all
        # of this kind, none brought about by closing over another kind's.
        for cs in by_event.values():
            component = {c: [c] for c in cs}
            for a, b in combinations(sorted(cs, key=lambda c: -len(groups[c])), 2):
                ra, rb = find(owner, a), find(owner, b)
                if ra != rb and all(condition(x, y) for x in component[ra] for y in component[rb]):
                    owner[ra] = rb
                    component[rb] += component.pop(ra)
        return {m: find(owner, c) for m, c in predicted.items()}

    def share_document(a, b):
        return bool({info[m][0] for m in groups[a]} & {info[m][0] for m in groups[b]})
    print('oracles, missed joins made (clusters whose majority is one gold event joined, when):')
    for name, condition in [
            ('all', lambda a, b: True),
            ('one is a lone mention', lambda a, b: 'alone' in (kind(a), kind(b))),
            ('a saying involved', lambda a, b: 'saying' in (kind(a), kind(b))),
            ('other stories, one class', lambda a, b: kind(a) != 'alone' and kind(b) != 'alone' and a.split('|')[0] != b.split('|')[0] and klass(a) == klass(b)),
            ('one story, one class', lambda a, b: kind(a) != 'alone' and kind(b) != 'alone' and a.split('|')[0] == b.split('|')[0] and klass(a) == klass(b)),
            ('other classes (events), one story', lambda a, b: kind(a) == kind(b) == 'event' and a.split('|')[0] == b.split('|')[0] and klass(a) != klass(b)),
            ('other classes, sharing a document', lambda a, b: kind(a) == kind(b) == 'event' and a.split('|')[0] == b.split('|')[0] and klass(a) != klass(b) and share_document(a, b)),
            ('other classes, sharing no document', lambda a, b: kind(a) == kind(b) == 'event' and a.split('|')[0] == b.split('|')[0] and klass(a) != klass(b) and not share_document(a, b))]:
        print(f'  {conll(gold, join(condition)):6.2f}  {name}')
    # Stories against sub-topics: does each story hold one seminal event's documents?
    story_subtopics = defaultdict(Counter)
    for m, c in predicted.items():
        if '|' in c:
            story_subtopics[c.split('|')[0]][info[m][1]] += 1
    mixed = {s: dict(n) for s, n in story_subtopics.items() if len(n) > 1 and min(n.values()) > 2}
    print(f'stories: {len(story_subtopics)}, {len(mixed)} holding 3+ grouped mentions of each sub-topic')
    # Document chains (one cluster's mentions in one document): chain-level evidence helps only if chains are long.
    chains = defaultdict(list)
    for m, c in predicted.items():
        if not c.startswith('alone:'):
            chains[(c, info[m][0])].append(m)
    lengths = Counter(min(len(ms), 4) for ms in chains.values())
    wrong_chains = {k for k, ms in chains.items() if Counter(gold[m] for m in ms).most_common(1)[0][0] != majority[k[0]]}
    print(f'document chains: {len(chains)} (of 1 / 2 / 3 / 4+ mentions: {lengths[1]} / {lengths[2]} / {lengths[3]} / {lengths[4]}); '
          f'{len(wrong_chains)} whose event is not their cluster\'s ({sum(1 for k in wrong_chains if len(chains[k]) == 1)} of one mention)')
    split_chains = {m: c + '/' + info[m][0] if (c, info[m][0]) in wrong_chains else c for m, c in predicted.items()}
    print(f'  {conll(gold, split_chains):6.2f}  oracle: those chains split off whole')
    # The cross-class pairs that would pay most: class pairs by missed mention pairs.
    pairs = Counter()
    for ms in by_topic.values():
        for a, b in combinations(ms, 2):
            if gold[a] == gold[b] and predicted[a] != predicted[b] and kind(predicted[a]) == kind(predicted[b]) == 'event' and klass(predicted[a]) != klass(predicted[b]) and story[a] == story[b]:
                pairs[(a.split('_')[0],) + tuple(sorted((klass(predicted[a]), klass(predicted[b]))))] += 1
    print('cross-class missed pairs by topic and class pair (top 40):')
    for k, n in pairs.most_common(40):
        print(f'  {n:5d}  topic {k[0]}: {k[1]} / {k[2]}')


WORDNET = '/usr/share/wordnet/'


def read_wordnet():
    """Nouns and verbs of WordNet 3.0 (Debian's wordnet-base): each lemma's synsets in sense order, each synset's
    words and pointers, and the exception lists (went -> go)."""
    index, exceptions, synsets = {}, {}, {}
    for pos in ('noun', 'verb'):
        with open(WORDNET + 'index.' + pos, encoding='utf-8') as fh:
            for line in fh:
                if not line.startswith(' '):
                    p = line.split()
                    index[(p[0], pos[0])] = p[6 + int(p[3]):]
        with open(WORDNET + pos + '.exc', encoding='utf-8') as fh:
            for line in fh:
                form, base = line.split()[:2]
                exceptions[(form, pos[0])] = base
        with open(WORDNET + 'data.' + pos, encoding='utf-8') as fh:
            for line in fh:
                if line.startswith(' '):
                    continue
                p = line.split(' | ')[0].split()
                count = int(p[3], 16)
                at = 4 + 2 * count
                pointers = [(p[at + 1 + 4 * i], p[at + 2 + 4 * i], p[at + 3 + 4 * i][0])
                            for i in range(int(p[at]))]
                synsets[(p[0], pos[0])] = ([p[4 + 2 * i].lower() for i in range(count)], pointers)
    return index, exceptions, synsets


WORDNET_RELATIONS = {'lemma': 'lemma', 'synonym, first sense': (1, ()), 'synonym, first 2 senses': (2, ()),
                     'synonym or derivation, first sense': (1, ('+',)),
                     'synonym, derivation or hypernym, first sense': (1, ('+', '@', '~')), 'synonym, any sense': (99, ())}


def wordnet_relations(documents, predicted):
    """The head words of each grouped cluster (events, not sayings) and related(a, b, relation): whether WordNet
    relates the two clusters' head words by that relation (one of WORDNET_RELATIONS)."""
    if not os.path.isdir(WORDNET):
        sys.exit('WordNet: apt-get install wordnet-base')
    index, exceptions, synsets = read_wordnet()
    rules = {'n': [('s', ''), ('ses', 's'), ('xes', 'x'), ('ches', 'ch'), ('shes', 'sh'), ('ies', 'y')],
             'v': [('s', ''), ('ies', 'y'), ('es', 'e'), ('es', ''), ('ed', 'e'), ('ed', ''), ('ing', 'e'), ('ing', '')]}

    def base(word, pos):
        if (word, pos) in exceptions:
            return exceptions[(word, pos)]
        if (word, pos) in index:
            return word
        for suffix, ending in rules[pos]:
            if word.endswith(suffix) and (word[:-len(suffix)] + ending, pos) in index:
                return word[:-len(suffix)] + ending
        return None

    def senses(word, k):
        return {(o, pos) for pos in 'nv' if base(word, pos) for o in index[(base(word, pos), pos)][:k]}

    def neighbours(found, symbols):
        return {(o, pos if pos in 'nv' else 'x') for s in found for sym, o, pos in synsets[s][1] if sym in symbols}
    heads = defaultdict(set)
    for d in documents:
        for m in d['mentions']:
            c = predicted[m['id']]
            if '|' in c and '@' not in c:
                words = re.findall(r"[A-Za-z]+", m['text'].lower())
                heads[c].add(words[-1] if len(words) > 1 and not re.search(r'(ed|ing)$', words[0]) else words[0])

    def related(a, b, relation):
        if relation == 'lemma':
            def lemmas(group):
                return {form for w in heads[group] for form in [w] + [base(w, pos) for pos in 'nv'] if form}
            return bool(lemmas(a) & lemmas(b))
        k, symbols = WORDNET_RELATIONS[relation]
        sa = set().union(*[senses(w, k) for w in heads[a]])
        sb = set().union(*[senses(w, k) for w in heads[b]])
        return bool(sa & sb or (symbols and (neighbours(sa, symbols) & sb or neighbours(sb, symbols) & sa)))
    return heads, related


def wordnet_mode(documents, gold, predicted, folds):
    """Two groups of one story with other classes joined when WordNet relates their head words (the same lemma, a
    shared synset among the first k senses, a derivation, a hypernym); the relation chosen inside each fold."""
    heads, related = wordnet_relations(documents, predicted)
    topic = {m['id']: d['topic'] for d in documents for m in d['mentions']}
    members = defaultdict(list)
    for m, c in predicted.items():
        members[c].append(m)
    by_story = defaultdict(list)
    for c in heads:
        by_story[c.split('|')[0]].append(c)

    pairs = {name: [(a, b) for cs in by_story.values() for a, b in combinations(cs, 2)
                    if a.split('|', 1)[1].split('#')[0] != b.split('|', 1)[1].split('#')[0] and related(a, b, name)]
             for name in WORDNET_RELATIONS}
    pairs['none'] = []

    def joined(name, inside):
        return join_groups(predicted, [(a, b) for a, b in pairs[name] if inside(topic[members[a][0]])])
    for name, chosen in pairs.items():
        right = sum(1 for a, b in chosen if 2 * sum(gold[x] == gold[y] for x in members[a] for y in members[b]) > len(members[a]) * len(members[b]))
        print(f'  {name}: {len(chosen)} group pairs, {right} mostly co-referring; CoNLL F1 {conll(gold, joined(name, lambda t: True)):.2f}')
    result, picks = dict(predicted), []
    for fold in [CHOOSING[i::folds] for i in range(folds)]:
        train = {m: g for m, g in gold.items() if topic[m] not in fold}
        best = max(pairs, key=lambda name: conll(train, {m: c for m, c in joined(name, lambda t: t not in fold).items() if m in train}))
        picks.append(best)
        held = joined(best, lambda t: t in fold)
        result.update({m: held[m] for m in gold if topic[m] in fold})
    print(f'chosen per fold {picks}; CoNLL F1 by topic CV {conll(gold, result):.2f}')


# ---- events13: the sentence's arguments, the documents' other joins and the dates as context ---------------------

ARGUMENT_TOKEN = re.compile(r"[A-Za-z][A-Za-z'\-.]*|\d[\d,]*|[^\sA-Za-z\d]")
NUMBER_WORDS = {w: i for i, w in enumerate('zero one two three four five six seven eight nine ten eleven twelve thirteen '
                                             'fourteen fifteen sixteen seventeen eighteen nineteen twenty'.split())}
MONTHS = {name: i for i, full in enumerate('january february march april may june july august september october november '
                                           'december'.split(), 1) for name in (full, full[:3], full[:3] + '.')}
WEEKDAYS = set('monday tuesday wednesday thursday friday saturday sunday'.split())
CASUALTY_NOUNS = set('people person dead death killed injured wounded victim student men women children civilian soldier '
                     'passenger worker resident other'.split())
NOT_COUNTED = {'th', 'st', 'nd', 'rd', 'year-old', 'years', 'year', 'a.m.', 'p.m.', 'day', 'days', 'percent', '%'}
PLACE_PREPOSITIONS = {'in', 'at', 'near', 'outside', 'off', 'from'}
NOT_NAMES = STOP | {'he', 'she', 'it', 'they', 'we', 'i', 'you', 'police', 'mr', 'mrs', 'ms', 'dr'}
YEAR = re.compile(r'(?<!\d)(19[5-9]\d|20[0-2]\d)(?!\d)')
BACKGROUND_PHRASE = re.compile(r'\b(ago|last year|years? earlier|previous|in the past|former|anniversary|since)\b', re.I)
ARGUMENT_KINDS = ['money', 'casualties', 'date', 'weekday', 'year', 'month', 'place', 'name before', 'name after']


def sentence_of(text, start, end):
    """The bounds of the line holding a mention: ECB+ texts hold one sentence a line, so no sentence splitter is needed."""
    line_start = text.rfind('\n', 0, start) + 1
    line_end = text.find('\n', end)
    return line_start, len(text) if line_end < 0 else line_end


def sentence_arguments(text, start, end):
    """The arguments a mention's sentence gives, by kind: sums of money and casualty counts (a number before
    "million" or a casualty noun), dates (day and month), weekdays, years, months, places (capitalised words after
    "in", "at", "near"...) and the capitalised words nearest before and after the mention inside its clause
    (subject and object names)."""
    line_start, line_end = sentence_of(text, start, end)
    tokens = [(t.group(), t.start() + line_start, t.end() + line_start)
              for t in ARGUMENT_TOKEN.finditer(text[line_start:line_end])]
    found = {kind: set() for kind in ARGUMENT_KINDS}

    def name_word(i):
        word = tokens[i][0]
        return i > 0 and word[0].isupper() and word.lower() not in NOT_NAMES | MONTHS.keys() | WEEKDAYS
    for i, (word, _, _) in enumerate(tokens):
        lower = word.lower()
        value = int(word.replace(',', '')) if word[0].isdigit() else NUMBER_WORDS.get(lower)
        before = tokens[i - 1][0] if i > 0 else ''
        following = tokens[i + 1][0].lower() if i + 1 < len(tokens) else ''
        if value is not None:
            if re.fullmatch(r'(19|20)\d\d', word):
                found['year'].add(value)
            elif before.lower() in MONTHS or following in MONTHS:
                found['date'].add((MONTHS.get(before.lower()) or MONTHS[following], value))
            elif following not in NOT_COUNTED:
                j = i + 1
                while j < len(tokens) and j <= i + 3 and (tokens[j][0].lower() in STOP or tokens[j][0] in '-,'):
                    j += 1
                noun = tokens[j][0].lower().rstrip('s') if j < len(tokens) else ''
                if noun in ('million', 'billion') or before in ('$', '£', '€'):
                    found['money'].add(value)
                elif noun in CASUALTY_NOUNS:
                    found['casualties'].add(value)
        if lower in MONTHS:
            found['month'].add(MONTHS[lower])
        if lower in WEEKDAYS:
            found['weekday'].add(lower)
        if lower in PLACE_PREPOSITIONS and i + 1 < len(tokens) and name_word(i + 1):
            j = i + 1
            while j < len(tokens) and tokens[j][0][0].isupper():
                found['place'].add(tokens[j][0].lower())
                j += 1
    before_mention = [i for i, t in enumerate(tokens) if t[2] <= start][-6:]
    after_mention = [i for i, t in enumerate(tokens) if t[1] >= end][:6]
    for kind, near in (('name before', reversed(before_mention)), ('name after', after_mention)):
        for i in near:
            if tokens[i][0] in ',;:"()':
                break
            if name_word(i):
                found[kind].add(tokens[i][0].lower())
            elif found[kind]:
                break
    return found


def arguments_conflict(a, b, kinds):
    """Two mentions' arguments conflict when, for one of the kinds, both sentences give some and none in common."""
    return any(a[k] and b[k] and not a[k] & b[k] for k in kinds)


def arguments_agree(a, b, kinds):
    return any(a[k] & b[k] for k in kinds)


def split_on_conflicts(predicted, arguments, document_of, order, kinds):
    """Each cluster's mentions, in document order, join the largest part of it where their arguments conflict with
    no more mentions of other documents than they agree with; else they open a part of their own."""
    result, groups = {}, defaultdict(list)
    for m, c in predicted.items():
        groups[c].append(m)
    for c, ms in groups.items():
        parts = []
        for m in sorted(ms, key=order.get):
            def fits(part):
                others = [o for o in part if document_of[o] != document_of[m]]
                conflicts = sum(arguments_conflict(arguments[m], arguments[o], kinds) for o in others)
                return conflicts <= sum(arguments_agree(arguments[m], arguments[o], kinds) for o in others)
            fitting = [part for part in parts if fits(part)] if kinds else parts[:1]
            if fitting:
                max(fitting, key=len).append(m)
            else:
                parts.append([m])
        for k, part in enumerate(parts):
            result.update({m: f'{c}~{k}' for m in part})
    return result


def anchored_arguments(groups, arguments, document_of, least):
    """Each mention's arguments cut to the values that `least` or more documents of its cluster give: a value
    several outlets report anchors one event; a one-off count or name may be noise."""
    anchored = {}
    for ms in groups.values():
        documents = defaultdict(set)
        for m in ms:
            for kind in ARGUMENT_KINDS:
                for value in arguments[m][kind]:
                    documents[(kind, value)].add(document_of[m])
        for m in ms:
            anchored[m] = {kind: {v for v in arguments[m][kind] if len(documents[(kind, v)]) >= least}
                           for kind in ARGUMENT_KINDS}
    return anchored


def choose_inside_folds(gold, topic, runs, folds, base):
    """runs: setting -> predictions. In each fold the setting best on the other topics is scored on the held-out
    ones and printed beside `base` there, for the reader to apply the win rule (no fold of 3 topics down by more
    than 1; it is not applied here); returns the out-of-fold F1."""
    chosen = {}
    for k in range(folds):
        held = set(CHOOSING[k::folds])
        train = {m: g for m, g in gold.items() if topic[m] not in held}
        test = {m: g for m, g in gold.items() if topic[m] in held}
        best = max(runs, key=lambda setting: conll(train, {m: runs[setting][m] for m in train}))
        print(f'    fold {k} (topics {sorted(held)}): {best}: {conll(test, {m: runs[best][m] for m in test}):.2f} '
              f'(base {conll(test, {m: base[m] for m in test}):.2f})')
        chosen.update({m: runs[best][m] for m in test})
    print(f'    out of fold: CoNLL F1 {conll(gold, chosen):.2f} (base {conll(gold, base):.2f})')
    return conll(gold, chosen)


def document_affinity(predicted, document_of):
    """The first pass's joins between two documents: the Jaccard share of the event clusters (across 2+ documents,
    sayings left out) the two hold, without the clusters in `leave`."""
    held = defaultdict(set)
    for m, c in predicted.items():
        if '|' in c and '@' not in c:
            held[document_of[m]].add(c)
    spanning = Counter(c for clusters in held.values() for c in clusters)
    held = {d: {c for c in clusters if spanning[c] > 1} for d, clusters in held.items()}

    def affinity(a, b, leave=frozenset()):
        first, second = held.get(a, set()) - leave, held.get(b, set()) - leave
        return len(first & second) / len(first | second) if first and second else 0.0
    return affinity


def rate_table(title, counts):
    """counts: (bucket, co-referring or wrong) -> pairs or mentions; prints each bucket's size and rate."""
    print(title)
    for bucket in sorted({b for b, _ in counts}, key=str):
        n = counts[(bucket, True)] + counts[(bucket, False)]
        print(f'    {str(bucket):28s} {n:7d}  {counts[(bucket, True)] / n:.3f}')


def context_mode(documents, gold, predicted, folds):
    """events13: three kinds of context against the wrong joins of look-alike events and the missed joins, each
    scored by leaving topics out: (1) argument conflicts from the mention's sentence as a veto inside today's
    clusters; (2) a document-pair affinity from today's joins (the first pass) — for joins across classes, for
    mentions whose document shares little with the cluster's other documents, and as a lower context threshold for
    sayings; (3) dates: a year in the sentence other than the document's, and background phrases."""
    topic = {m['id']: d['topic'] for d in documents for m in d['mentions']}
    document_of = {m['id']: d['id'] for d in documents for m in d['mentions']}
    order = {m['id']: (d['id'], m['start']) for d in documents for m in d['mentions']}
    arguments = {m['id']: sentence_arguments(d['text'], m['start'], m['end']) for d in documents for m in d['mentions']}
    groups = defaultdict(list)
    for m, c in predicted.items():
        groups[c].append(m)
    majority = {c: Counter(gold[m] for m in ms).most_common(1)[0][0] for c, ms in groups.items()}

    def event(c):
        return '|' in c and '@' not in c
    print(f'CoNLL F1 {conll(gold, predicted):.2f} on {len(gold)} mentions')
    # (1) Argument conflicts among today's joins.
    counts = Counter()
    for c, ms in groups.items():
        for a, b in combinations(ms, 2):
            if document_of[a] != document_of[b]:
                for kind in ARGUMENT_KINDS:
                    x, y = arguments[a][kind], arguments[b][kind]
                    state = 'none' if not x or not y else 'conflict' if not x & y else 'agree'
                    counts[((kind, state), gold[a] == gold[b])] += 1
    rate_table('(1) joined mention pairs of two documents by argument kind: pairs, co-referring', counts)
    settings = [()] + [(k,) for k in ARGUMENT_KINDS] + [('money', 'casualties'), ('money', 'casualties', 'date', 'weekday'),
                                                        ('name before', 'name after'), ('place', 'name before', 'name after')]
    runs = {}
    for least in (1, 2, 3):
        given = anchored_arguments(groups, arguments, document_of, least) if least > 1 else arguments
        for kinds in settings[1 if least > 1 else 0:]:
            name = ('+'.join(kinds) or 'none') + (f', values of {least}+ documents' if least > 1 else '')
            runs[name] = split_on_conflicts(predicted, given, document_of, order, kinds)
    for name, run in runs.items():
        cut = [(a, b) for ms in groups.values() for a, b in combinations(ms, 2) if run[a] != run[b]]
        print(f'    {conll(gold, run):6.2f}  veto: {name} ({len(cut)} joined pairs cut, '
              f'{sum(gold[a] == gold[b] for a, b in cut)} of them co-referring)')
    choose_inside_folds(gold, topic, runs, folds, predicted)
    # (2) Document-pair affinity from today's joins.
    affinity = document_affinity(predicted, document_of)
    counts = Counter()
    stories = defaultdict(list)
    for c in groups:
        if event(c):
            stories[c.split('|')[0]].append(c)
    for cs in stories.values():
        for g, h in combinations(cs, 2):
            if re.split('[#@]', g)[0] == re.split('[#@]', h)[0]:
                continue
            pairs = [(x, y) for x in groups[g] for y in groups[h] if document_of[x] != document_of[y]]
            if pairs:
                shared = bool({document_of[m] for m in groups[g]} & {document_of[m] for m in groups[h]})
                mean = sum(affinity(document_of[x], document_of[y]) for x, y in pairs) / len(pairs)
                bucket = (min(int(mean * 10), 5) / 10, 'sharing a document' if shared else 'sharing none')
                counts[(bucket, 2 * sum(gold[x] == gold[y] for x, y in pairs) > len(pairs))] += 1
    rate_table('(2a) group pairs of one story, other classes, by mean affinity: pairs, mostly co-referring', counts)
    counts, loose = Counter(), []
    for c, ms in groups.items():
        documents_of_c = {document_of[m] for m in ms}
        if event(c) and len(documents_of_c) > 2:
            for m in ms:
                others = documents_of_c - {document_of[m]}
                mean = sum(affinity(document_of[m], d, frozenset([c])) for d in others) / len(others)
                counts[(min(int(mean * 10), 6) / 10, gold[m] != majority[c])] += 1
                loose.append((mean, m))
    rate_table('(2b) mentions of clusters in 3+ documents by their document\'s affinity to the others: mentions, '
               'not of the cluster\'s event', counts)
    runs = {f'alone under {t}': {**predicted, **{m: 'alone:' + m for mean, m in loose if mean < t}}
            for t in (0, 0.02, 0.05, 0.1, 0.15)}
    choose_inside_folds(gold, topic, runs, folds, predicted)
    sayings, alone = saying_mentions(documents, predicted, [6])
    pairs = [(a[0], b[0], len(a[4][6] & b[4][6]) / max(1, len(a[4][6] | b[4][6])), affinity(a[1], b[1]))
             for i, a in enumerate(sayings) for b in sayings[i + 1:] if a[1] != b[1] and a[2] == b[2] and a[3] == b[3]]
    counts = Counter(((min(int(share * 10), 3) / 10, min(int(near * 5), 4) / 5), gold[a] == gold[b])
                     for a, b, share, near in pairs)
    rate_table('(2c) sayings of one class in two documents of a story by (context share, affinity): pairs, co-referring',
               counts)

    def sayings_joined(low, least_affinity):
        owner = {}
        for a, b, share, near in pairs:
            if share >= 0.25 or (share >= low and near >= least_affinity):
                owner[find(owner, a)] = find(owner, b)
        return {**alone, **{m: 'said:' + find(owner, m) for m in set(owner) | set(owner.values())}}
    runs = {f'share {low} at affinity {least}': sayings_joined(low, least)
            for low, least in [(0.25, 1.0)] + [(low, least) for low in (0.1, 0.15, 0.2) for least in (0.2, 0.4, 0.6)]}
    choose_inside_folds(gold, topic, runs, folds, runs['share 0.25 at affinity 1.0'])
    # (3) Dates: the document's year (the one it names most) against its sentences'.
    year_of = {d['id']: (Counter(YEAR.findall(d['text'])).most_common(1) or [(None, 0)])[0][0] for d in documents}
    counts, marked = Counter(), defaultdict(set)
    for d in documents:
        for m in d['mentions']:
            c = predicted[m['id']]
            if event(c) and len(groups[c]) > 1:
                sentence = d['text'][slice(*sentence_of(d['text'], m['start'], m['end']))]
                years = set(YEAR.findall(sentence))
                for name, flag in (('another year than the document\'s', bool(years) and year_of[d['id']] not in years),
                                   ('a background phrase', bool(BACKGROUND_PHRASE.search(sentence)))):
                    counts[((name, flag), gold[m['id']] != majority[c])] += 1
                    if flag:
                        marked[name].add(m['id'])
    rate_table('(3) grouped mentions by their sentence\'s dates: mentions, not of the cluster\'s event', counts)
    for name, ms in marked.items():
        print(f'    {conll(gold, {**predicted, **{m: "alone:" + m for m in ms}}):6.2f}  {name} kept alone')


def variants_mode(documents, gold, paths, folds):
    """The setting chosen in each fold on the other topics, scored out of fold (cluster ids kept apart by file)."""
    topic = {m['id']: d['topic'] for d in documents for m in d['mentions']}
    runs = []
    for k, path in enumerate(paths):
        with open(path, encoding='utf-8') as fh:
            runs.append({m: f'{k}/{c}' for m, c in json.load(fh).items() if m in gold})
        print(f'{path}: CoNLL F1 {conll(gold, runs[-1]):.2f}')
    choose_inside_folds(gold, topic, dict(zip(paths, runs)), folds, runs[0])


def substitutes_mode(documents, gold, predicted, folds):
    """events14: a story's documents name its lead event each in their own words ("cut" / "damaged" cables,
    "died" / "succumbed"). (1) Complementary distribution: two groups of other classes of one story that share no
    document, each in 2+ documents, mostly in the first three lines, together in half the story's documents or more;
    the rate of such pairs that mostly co-refer. (2) Substitutes: in a document without the story's lead group (the
    group in the first two lines of the most documents; or the second such group), one of its first K event
    mentions in the first two lines, of a group in at most two documents, joins the lead group when that group is in
    the first two lines of at least a share S of the story's documents; K, S and the rank chosen inside the folds."""
    topic = {m['id']: d['topic'] for d in documents for m in d['mentions']}
    info = {m['id']: (d['id'], m['sentence'], m['start']) for d in documents for m in d['mentions']}
    groups, story_documents, lead_documents = defaultdict(list), defaultdict(set), defaultdict(set)
    for m, c in predicted.items():
        if '|' in c:
            groups[c].append(m)
            story_documents[c.split('|')[0]].add(info[m][0])
            if info[m][1] <= 1:
                lead_documents[c].add(info[m][0])
    documents_of = {c: {info[m][0] for m in ms} for c, ms in groups.items()}
    print(f'CoNLL F1 {conll(gold, predicted):.2f} on {len(gold)} mentions')
    stories = defaultdict(list)
    for c in groups:
        stories[c.split('|')[0]].append(c)
    counts = Counter()
    for story, cs in stories.items():
        for a, b in combinations(cs, 2):
            together = sum(gold[x] == gold[y] for x in groups[a] for y in groups[b]) / (len(groups[a]) * len(groups[b]))
            shared = min(len(documents_of[a] & documents_of[b]), 2)
            both = min(len(documents_of[a]), len(documents_of[b])) >= 2
            lead = min(sum(info[m][1] <= 2 for m in groups[c]) / len(groups[c]) for c in (a, b)) >= 0.5
            cover = len(documents_of[a] | documents_of[b]) >= 0.5 * len(story_documents[story])
            counts[((f'shared {shared}', 'each 2+' if both else 'one 1', 'lead' if lead else '-',
                     'half+' if cover else '-'), together >= 0.5)] += 1
    rate_table('(1) group pairs of other classes of one story: share mostly co-referring', counts)
    in_document = defaultdict(list)
    for m, c in predicted.items():
        if '@' not in c and info[m][1] <= 1:
            in_document[info[m][0]].append(m)
    for ms in in_document.values():
        ms.sort(key=lambda m: info[m][1:])
    runs, counts = {}, Counter()
    for rank in (0, 1):
        for least_share in (0.3, 0.5, 0.7):
            for first in (1, 2, 3):
                joined = dict(predicted)
                for story, cs in stories.items():
                    ordered = sorted((c for c in cs if '@' not in c), key=lambda c: -len(lead_documents[c]))
                    if len(ordered) <= rank or len(lead_documents[ordered[rank]]) < least_share * len(story_documents[story]):
                        continue
                    lead = ordered[rank]
                    for d in story_documents[story] - documents_of[lead]:
                        for m in in_document[d][:first]:
                            if len(documents_of.get(predicted[m], {d})) <= 2:
                                joined[m] = lead
                                if least_share == 0.5 and first == 3:
                                    counts[((rank, in_document[d].index(m)), gold[m] in {gold[x] for x in groups[lead]})] += 1
                runs[f'rank {rank}, share {least_share}, first {first}'] = joined
    rate_table('(2) substitutes at share 0.5 (rank, place among the document\'s lead mentions): joined right', counts)
    for setting, joined in runs.items():
        print(f'    {setting}: {conll(gold, joined):.2f}')
    choose_inside_folds(gold, topic, dict(runs, none=predicted), folds, predicted)


def thesaurus_words(words):
    """Each word's related words in Debian's aiksaurus thesaurus (Moby's broad meaning sets), read with its command
    (one call a word; an unknown word relates to none)."""
    if not shutil.which('aiksaurus'):
        sys.exit('thesaurus: apt-get install aiksaurus')
    related = {}
    for word in words:
        out = subprocess.run(['aiksaurus', word], capture_output=True, text=True).stdout
        related[word] = set() if out.startswith('***') else {
            w.strip().lower() for line in out.split('\n') if line.strip() and not line.startswith('===') for w in line.split(',')}
    return related


def word_forms(word):
    """A word and its crude base forms ("damaged" -> damage, damag; "shootings" -> shooting), for the thesaurus."""
    forms = {word}
    for suffix, ending in (('ies', 'y'), ('ied', 'y'), ('es', ''), ('s', ''), ('ing', ''), ('ing', 'e'), ('ed', ''), ('ed', 'e'), ('d', '')):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            forms.add(word[:-len(suffix)] + ending)
    return forms | {f[:-1] for f in forms if len(f) > 3 and f[-1] == f[-2]}


def thesaurus_relation(documents, predicted):
    """related(a, b): whether the thesaurus relates a head word of grouped cluster a (events, not sayings) to one
    of cluster b's, either way."""
    heads = defaultdict(set)
    for d in documents:
        for m in d['mentions']:
            c = predicted[m['id']]
            if '|' in c and '@' not in c:
                heads[c] |= word_forms(m['text'].lower().split()[-1]) | {m['text'].lower()}
    words = thesaurus_words(sorted(set().union(*heads.values())))

    def related(a, b):
        return any(words[w] & heads[b] for w in heads[a]) or any(words[w] & heads[a] for w in heads[b])
    return related


def thesaurus_mode(documents, gold, predicted, folds):
    """events14: two groups of one story with other classes joined when a broad thesaurus (aiksaurus) relates their
    head words: always, only when both are mostly in the first three lines and share no document, or only when the
    best context-word Jaccard (+-6 words) of their mentions in two documents reaches t; chosen inside the folds."""
    topic = {m['id']: d['topic'] for d in documents for m in d['mentions']}
    place = {m['id']: (d['id'], m['sentence']) for d in documents for m in d['mentions']}
    context = {m['id']: context_words(d['text'], m['start'], m['end'], 6) for d in documents for m in d['mentions']}
    groups = defaultdict(list)
    for m, c in predicted.items():
        if '|' in c and '@' not in c:
            groups[c].append(m)
    related = thesaurus_relation(documents, predicted)
    stories = defaultdict(list)
    for c in groups:
        stories[c.split('|')[0]].append(c)
    print(f'CoNLL F1 {conll(gold, predicted):.2f} on {len(gold)} mentions')
    candidates, counts = [], Counter()
    for cs in stories.values():
        for a, b in combinations(cs, 2):
            if not related(a, b):
                continue
            apart = not {place[m][0] for m in groups[a]} & {place[m][0] for m in groups[b]}
            lead = min(sum(place[m][1] <= 2 for m in groups[c]) / len(groups[c]) for c in (a, b)) >= 0.5
            agreement = max((len(context[x] & context[y]) / len(context[x] | context[y]) for x in groups[a] for y in groups[b]
                             if place[x][0] != place[y][0] and context[x] | context[y]), default=0.0)
            candidates.append((a, b, apart and lead, agreement))
            right = 2 * sum(gold[x] == gold[y] for x in groups[a] for y in groups[b]) > len(groups[a]) * len(groups[b])
            counts[(('lead, apart' if apart and lead else '-', f'context {min(int(agreement * 10), 5) / 10:.1f}+'), right)] += 1
    rate_table(f'{len(candidates)} related group pairs of other classes of one story: share mostly co-referring', counts)
    runs = {'related': join_groups(predicted, [(a, b) for a, b, _, _ in candidates]),
            'related, lead, apart': join_groups(predicted, [(a, b) for a, b, both, _ in candidates if both])}
    for least in (0.1, 0.2, 0.3, 0.4, 0.5):
        runs[f'related, context {least}+'] = join_groups(predicted, [(a, b) for a, b, _, agreement in candidates if agreement >= least])
        runs[f'related, lead, apart, context {least}+'] = join_groups(
            predicted, [(a, b) for a, b, both, agreement in candidates if both and agreement >= least])
    for setting, joined in runs.items():
        print(f'    {setting}: {conll(gold, joined):.2f}')
    choose_inside_folds(gold, topic, dict(runs, none=predicted), folds, predicted)



def fold_topics(folds):
    return [set(CHOOSING[i::folds]) for i in range(folds)]


def choose_in_folds(gold, topic, settings, folds, base):
    """Each fold's setting chosen by CoNLL F1 on the other folds' topics, scored on its own: the out-of-fold
    predictions, the choices, and each fold's CoNLL F1 against `base`'s."""
    result, picks, better, worse = {}, [], 0, 0
    for held in fold_topics(folds):
        train = {m: g for m, g in gold.items() if topic[m] not in held}
        name = max(settings, key=lambda k: conll(train, {m: settings[k][m] for m in train}))
        picks.append(name)
        test = {m: g for m, g in gold.items() if topic[m] in held}
        after, before = conll(test, {m: settings[name][m] for m in test}), conll(test, {m: base[m] for m in test})
        better += after > before + 1e-9
        worse += after < before - 1e-9
        result.update({m: settings[name][m] for m in test})
    return result, picks, better, worse


def predicate_class(c):
    return c.split('|', 1)[1].split('#')[0].split('@')[0]


def documents_mode(documents, gold, predicted, folds, pairs_path, inside_groups=False):
    """events15: the stories re-cut by the story clusterer's own document score (`crosscheck eval events FILE
    --document-pairs PAIRS`): each story split by average link at t (parts under k documents joined to the nearest
    part), then parts of all stories joined by average link at u; a joined part's event groups of one class are
    re-keyed as one (the largest with the largest). Settings chosen inside the folds."""
    story, score = {}, {}
    with open(pairs_path, encoding='utf-8') as fh:
        for line in fh:
            f = line.rstrip('\n').split('\t')
            if f[0] == '#story':
                story[f[1]] = f[2]
            else:
                score[(f[0], f[1])] = score[(f[1], f[0])] = float(f[2])
    topic = {m['id']: d['topic'] for d in documents for m in d['mentions']}
    document_of = {m['id']: d['id'] for d in documents for m in d['mentions']}
    members = defaultdict(list)
    for d, s in story.items():
        members[s].append(d)

    def link(parts, t):
        parts = [list(p) for p in parts]
        while len(parts) > 1:
            best = None
            for i in range(len(parts)):
                for j in range(i + 1, len(parts)):
                    v = sum(score.get((a, b), 0.0) for a in parts[i] for b in parts[j]) / (len(parts[i]) * len(parts[j]))
                    if best is None or v > best[0]:
                        best = (v, i, j)
            if best[0] < t:
                break
            parts[best[1]] += parts.pop(best[2])
        return parts

    def split(t, least):
        parts = []
        for ms in members.values():
            cut = link([[d] for d in ms], t) if t is not None else [ms]
            big = [p for p in cut if len(p) >= least] or [max(cut, key=len)]
            for p in cut:
                if p not in big:
                    max(big, key=lambda q: sum(score.get((a, b), 0.0) for a in p for b in q) / (len(p) * len(q))).extend(p)
            parts.extend(big)
        return parts
    # Joining over every part of the file is quadratic in parts; only parts with some score between them can join.
    cache = {}

    def recut(t, least, u):
        if (t, least) not in cache:
            cache[(t, least)] = split(t, least)
        parts = cache[(t, least)]
        part_of = {d: i for i, p in enumerate(parts) for d in p}
        # Parts of the whole file joined by average link while the best average document score between two
        # groups reaches u (pairs of groups with no score above the dump's floor are never joined).
        groups = [[i] for i in range(len(parts))]
        if u is not None:
            total = defaultdict(float)
            for i, p in enumerate(parts):
                for j, q in enumerate(parts):
                    if i < j:
                        v = sum(score.get((x, y), 0.0) for x in p for y in q)
                        if v > 0:
                            total[(i, j)] = total[(j, i)] = v
            size = {i: len(p) for i, p in enumerate(parts)}
            alive = {i: [i] for i in range(len(parts))}
            while True:
                best = max(((v / (size[i] * size[j]), i, j) for (i, j), v in total.items() if i < j), default=None)
                if best is None or best[0] < u:
                    break
                _, i, j = best
                alive[i] += alive.pop(j)
                size[i] += size.pop(j)
                for k in list(alive):
                    if k != i:
                        v = total.pop((j, k), 0.0) + total.get((i, k), 0.0)
                        total.pop((k, j), None)
                        if v > 0:
                            total[(i, k)] = total[(k, i)] = v
                total.pop((i, j), None)
                total.pop((j, i), None)
            groups = list(alive.values())
        group_of = {q: g for g in groups for q in g}
        sizes = Counter(predicted.values())
        rank, by_story_class = {}, defaultdict(list)
        for c in sizes:
            if '|' in c and '#' in c:
                by_story_class[(c.split('|')[0], predicate_class(c))].append(c)
        for cs in by_story_class.values():
            for r, c in enumerate(sorted(cs, key=lambda c: (-sizes[c], c))):
                rank[c] = r
        out = {}
        for m, c in predicted.items():
            part = part_of.get(document_of[m]) if '|' in c else None
            if part is None:
                out[m] = c
            elif '#' in c and len(group_of[part]) > 1:
                # joined parts: one class's groups re-keyed as one (the largest with the largest)
                out[m] = f'joined{group_of[part][0]}|{predicate_class(c)}#{rank[c]}'
            else:
                out[m] = f'{c}/{part}'
        return out
    if inside_groups:
        # Round 2: average link over each (story, class) group's own documents instead of the class's closure.
        groups = defaultdict(list)
        for m, c in predicted.items():
            if '|' in c and '#' in c:
                groups[c].append(m)
        settings = {(None, 1): dict(predicted)}
        for t in (0.14, 0.16, 0.18, 0.2, 0.22, 0.25, 0.3):
            for least in (1, 2, 3):
                out = dict(predicted)
                for c, ms in groups.items():
                    ds = sorted({document_of[m] for m in ms})
                    cut = link([[d] for d in ds], t)
                    big = [p for p in cut if len(p) >= least] or [max(cut, key=len)]
                    for p in cut:
                        if p not in big:
                            max(big, key=lambda q: sum(score.get((a, b), 0.0) for a in p for b in q) / (len(p) * len(q))).extend(p)
                    part = {d: i for i, p in enumerate(big) for d in p}
                    for m in ms:
                        out[m] = f'{c}/{part[document_of[m]]}'
                settings[(t, least)] = out
                print(f'  groups split at {t} (parts of {least}+): {conll(gold, out):.2f}')
        result, picks, better, worse = choose_in_folds(gold, topic, settings, folds, predicted)
        print(f'chosen per fold {picks}')
        print(f'out of fold CoNLL F1 {conll(gold, result):.2f} (folds better {better}, worse {worse})')
        return
    splits = [(None, 1)] + [(t, k) for t in (0.14, 0.16, 0.18, 0.2, 0.22, 0.25) for k in (1, 2, 3)]
    joins = [None, 0.1, 0.12, 0.15, 0.18, 0.2]
    settings = {}
    print(f'today {conll(gold, predicted):.2f}; stories {len(members)}')
    for t, least in splits:
        for u in joins:
            settings[(t, least, u)] = recut(t, least, u)
            print(f'  split at {t} (parts of {least}+), join at {u}: {conll(gold, settings[(t, least, u)]):.2f}')
    result, picks, better, worse = choose_in_folds(gold, topic, settings, folds, predicted)
    print(f'chosen per fold {picks}')
    print(f'out of fold CoNLL F1 {conll(gold, result):.2f} (folds better {better}, worse {worse})')


def classes_mode(documents, gold, predicted, folds):
    """events15: the predicate-class lexicon audited class by class: a class of predicate-classes.txt whose groups
    hold several lemmas is split into its lemmas in a held-out fold when that raises the other folds' CoNLL F1."""
    topic = {m['id']: d['topic'] for d in documents for m in d['mentions']}
    text = {m['id']: m['text'] for d in documents for m in d['mentions']}

    def lemma(t):
        words = re.findall(r"[A-Za-z][A-Za-z'\-]*", t)
        return predicate_key(words[-1]) if words else t.lower()
    lemmas = defaultdict(set)
    for m, c in predicted.items():
        if '|' in c and '#' in c and predicate_class(c).startswith('='):
            lemmas[predicate_class(c)].add(lemma(text[m]))
    listed = sorted(k for k, v in lemmas.items() if len(v) > 1)

    def split(names):
        return {m: c + '/' + lemma(text[m]) if '|' in c and '#' in c and predicate_class(c) in names else c for m, c in predicted.items()}
    base = conll(gold, predicted)
    print(f'today {base:.2f}; {len(listed)} classes hold 2+ lemmas; all split {conll(gold, split(set(listed))):.2f}')
    per_fold = {}
    held_sets = fold_topics(folds)
    for k in listed:
        p = split({k})
        per_fold[k] = [conll({m: g for m, g in gold.items() if topic[m] in h}, {m: p[m] for m in gold if topic[m] in h})
                       - conll({m: g for m, g in gold.items() if topic[m] in h}, {m: predicted[m] for m in gold if topic[m] in h}) for h in held_sets]
        print(f'  {k:14s} {conll(gold, p) - base:+.3f}  lemmas {" ".join(sorted(lemmas[k]))}')
    result, better, worse, chosen = {}, 0, 0, []
    for i, held in enumerate(held_sets):
        names = {k for k in listed if sum(per_fold[k][j] for j in range(folds) if j != i) > 0}
        chosen.append(sorted(names))
        p = split(names)
        test = {m: g for m, g in gold.items() if topic[m] in held}
        after, before = conll(test, {m: p[m] for m in test}), conll(test, {m: predicted[m] for m in test})
        better += after > before + 1e-9
        worse += after < before - 1e-9
        result.update({m: p[m] for m in test})
    print(f'classes split per fold: {chosen}')
    print(f'out of fold CoNLL F1 {conll(gold, result):.2f} (folds better {better}, worse {worse})')


def main(argv):
    folds = int(argv[argv.index('--folds') + 1]) if '--folds' in argv else 9
    window = int(argv[argv.index('--window') + 1]) if '--window' in argv else 3
    start = argv[argv.index('--start') + 1] if '--start' in argv else 'today'
    trees, directed, use_wordnet, use_table = '--trees' in argv, '--directed' in argv, '--wordnet' in argv, '--no-table' not in argv
    use_thesaurus = '--thesaurus' in argv
    inside_groups = '--groups' in argv
    argv = [a for i, a in enumerate(argv) if not a.startswith('--') and (i == 0 or argv[i - 1] not in ('--folds', '--window', '--start'))]
    if argv and argv[0] == 'variants' and len(argv) > 2:
        documents = load_documents()
        variants_mode(documents, {m['id']: m['cluster'] for d in documents for m in d['mentions']}, argv[1:], folds)
        return
    if len(argv) == 3 and argv[0] == 'documents':
        documents = load_documents()
        gold = {m['id']: m['cluster'] for d in documents for m in d['mentions']}
        with open(argv[1], encoding='utf-8') as fh:
            predicted = {m: c for m, c in json.load(fh).items() if m in gold}
        documents_mode(documents, gold, predicted, folds, argv[2], inside_groups)
        return
    if len(argv) != 2 or argv[0] not in ('classes', 'score', 'errors', 'context', 'wordnet', 'mentions', 'groups', 'pairs', 'classpairs', 'vectors', 'sayings', 'mentionpairs', 'substitutes', 'thesaurus'):
        sys.exit(__doc__)
    documents = load_documents()
    gold = {m['id']: m['cluster'] for d in documents for m in d['mentions']}
    with open(argv[1], encoding='utf-8') as fh:
        predicted = {m: c for m, c in json.load(fh).items() if m in gold}
    gold_size = Counter(gold.values())
    groups = defaultdict(list)
    for m, c in predicted.items():
        groups[c].append(m)
    topic = {m['id']: d['topic'] for d in documents for m in d['mentions']}
    gold_of.update(gold)
    if argv[0] == 'wordnet':
        wordnet_mode(documents, gold, predicted, folds)
        return
    if argv[0] == 'errors':
        errors_mode(documents, gold, predicted)
        return
    if argv[0] == 'classes':
        classes_mode(documents, gold, predicted, folds)
        return
    if argv[0] == 'context':
        context_mode(documents, gold, predicted, folds)
        return
    if argv[0] == 'thesaurus':
        thesaurus_mode(documents, gold, predicted, folds)
        return
    if argv[0] == 'substitutes':
        substitutes_mode(documents, gold, predicted, folds)
        return
    if argv[0] == 'mentionpairs':
        mention_pairs_mode(documents, gold, predicted, folds, trees, start, use_table)
        return
    if argv[0] == 'score':
        print(f'CoNLL F1 {conll(gold, predicted):.2f} on {len(gold)} mentions of the 27 choosing topics')
        isolated = {m: 'alone:' + m if gold_size[gold[m]] == 1 else c for m, c in predicted.items()}
        print(f'oracle, gold singletons isolated: {conll(gold, isolated):.2f}')
        loose = {c for c, ms in groups.items() if len(ms) > 1 and pair_precision(ms, gold) < 0.1}
        print(f'oracle, {len(loose)} groups with pair precision under 0.1 split: '
              f'{conll(gold, {m: "alone:" + m if c in loose else c for m, c in predicted.items()}):.2f}')
        # Which side of the errors is worth the time: (a) wrong joins only fixed, (b) missed joins only fixed.
        subtopic = {m['id']: d['subtopic'] for d in documents for m in d['mentions']}
        print(f'oracle (a), every wrong join split (predicted cluster x gold cluster): '
              f'{conll(gold, {m: c + "@" + gold[m] for m, c in predicted.items()}):.2f}')
        print(f'oracle (a), look-alike events of the other sub-topic only split: '
              f'{conll(gold, {m: c + "@" + subtopic[m] for m, c in predicted.items()}):.2f}')
        majority = {}
        for c, ms in groups.items():
            event, count = Counter(gold[m] for m in ms).most_common(1)[0]
            if 2 * count > len(ms):
                majority[c] = event
        print(f'oracle (b), clusters whose majority is one gold event joined: '
              f'{conll(gold, {m: "gold:" + majority[c] if c in majority else c for m, c in predicted.items()}):.2f}')
    elif argv[0] == 'mentions':
        context, members, features = mention_features(documents, predicted)
        samples = [(m, context[m]['topic'], f, 1 if gold_size[gold[m]] == 1 else 0)
                   for m, f in features.items() if len(members[context[m]['group']]) > 1]
        scores = cross_validate(samples, folds, trees)
        print(f'{len(samples)} mentions in groups of 2+, {sum(s[3] for s in samples)} gold singletons; '
              f'AUC {area_under_curve([scores[s[0]] for s in samples], [s[3] for s in samples]):.3f}')
        sweep(gold, predicted, scores, lambda out: {m: 'alone:' + m if m in out else c for m, c in predicted.items()}, 'mentions out')
    elif argv[0] == 'groups':
        context, members, features = mention_features(documents, predicted)
        samples = []
        for group, ms in members.items():
            if len(ms) < 2:
                continue
            f = {k: features[ms[0]][k] for k in ('log_group', 'log_group_documents', 'story_share', 'log_story_documents')}
            f['documents_per_mention'] = math.exp(f['log_group_documents']) / len(ms)
            for k in ('same_document', 'lead', 'log_position', 'cosine_max', 'cosine_mean', 'names_max', 'capitalised'):
                f['mean_' + k] = sum(features[m][k] for m in ms) / len(ms)
            samples.append((group, context[ms[0]]['topic'], f, 1 if pair_precision(ms, gold) < 0.1 else 0))
        scores = cross_validate(samples, folds, trees)
        print(f'{len(samples)} groups of 2+, {sum(s[3] for s in samples)} with pair precision under 0.1; '
              f'AUC {area_under_curve([scores[s[0]] for s in samples], [s[3] for s in samples]):.3f}')
        sweep(gold, predicted, scores, lambda out: {m: 'alone:' + m if c in out else c for m, c in predicted.items()}, 'groups split')
    elif argv[0] == 'sayings':
        sayings_mode(documents, gold, predicted, folds)
    elif argv[0] == 'vectors':
        vectors_mode(documents, gold, predicted, folds, trees, window, directed)
    elif argv[0] == 'classpairs':
        context, members, _ = mention_features(documents, predicted)
        samples = class_pair_features(documents, predicted, context, members)
        if use_wordnet:
            # WordNet's relations between the two groups' head words beside events5's features (events11).
            _, related = wordnet_relations(documents, predicted)
            for (g, h), _, features, _ in samples:
                for name in WORDNET_RELATIONS:
                    features['wordnet ' + name] = 1.0 if related(g, h, name) else 0.0
        if use_thesaurus:
            # The broad thesaurus's relation between the two groups' head words, alone and with the sentences'
            # best cosine (events14).
            related = thesaurus_relation(documents, predicted)
            for (g, h), _, features, _ in samples:
                features['thesaurus'] = 1.0 if related(g, h) else 0.0
                features['thesaurus x cosine_max'] = features['thesaurus'] * features['cosine_max']
        scores = cross_validate(samples, folds, trees, negative_share=0.2)
        print(f'{len(samples)} group pairs, {sum(s[3] for s in samples)} mostly co-referring; '
              f'AUC {area_under_curve([scores[s[0]] for s in samples], [s[3] for s in samples]):.3f}')
        sweep(gold, predicted, scores, lambda chosen: join_groups(predicted, chosen), 'group pairs joined')
    else:
        def predicate(c):
            return None if c.startswith('alone:') else c.split('|', 1)[1]
        present, corefer = defaultdict(set), defaultdict(set)
        classes_of_gold = defaultdict(set)
        for m, c in predicted.items():
            if predicate(c):
                present[topic[m]].add(predicate(c))
                classes_of_gold[(topic[m], gold[m])].add(predicate(c))
        for (t, _), classes in classes_of_gold.items():
            corefer[t].update(combinations(sorted(classes), 2))
        print(f'base {conll(gold, predicted):.2f}')
        for least_topics in (1, 2, 3):
            for least_rate in (0.5, 1.0):
                joined = dict(predicted)
                for held in CHOOSING:
                    seen, both = Counter(), Counter()
                    for t in CHOOSING:
                        if t != held:
                            seen.update(corefer[t])
                    for t in CHOOSING:
                        if t != held:
                            both.update(p for p in seen if p[0] in present[t] and p[1] in present[t])
                    table = {p for p in seen if seen[p] >= least_topics and seen[p] / both[p] >= least_rate}
                    owner = {}

                    def root(x):
                        while owner.get(x, x) != x:
                            x = owner[x]
                        return x
                    by_story = defaultdict(dict)
                    for m, c in predicted.items():
                        if topic[m] == held and predicate(c):
                            by_story[c.split('|')[0]][predicate(c)] = c
                    for story in by_story.values():
                        for a, b in table:
                            if a in story and b in story:
                                owner[root(story[a])] = root(story[b])
                    for m, c in predicted.items():
                        if topic[m] == held and predicate(c):
                            joined[m] = root(c)
                print(f'  pairs co-referring in {least_topics}+ other topics, rate {least_rate}+: CoNLL F1 {conll(gold, joined):.2f}')


if __name__ == '__main__':
    main(sys.argv[1:])
