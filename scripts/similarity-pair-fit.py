#!/usr/bin/env python3
"""Fit the pair score's channel mix on the SemEval training pairs and measure it, pairwise and offline.

Usage:
  crosscheck eval similarity DIR --db F --tune --orders 8 --defaults-only --pair-scores pairs.tsv
  python3 scripts/similarity-pair-fit.py DIR pairs.tsv [--seeds 5] [--folds 5] [--weights-out FILE]

`pairs.tsv` is the clusterer's dump of the judged TRAINING pairs only (held-out pairs are never written to it, and this script
reads no other pair: the rated pairs it joins from DIR/pairs.tsv are only those named in the dump). For each pair it takes the
clusterer's channels (terms, entities, specifics cosines, the score, the pair's threshold) and a few plain text measures computed
here from DIR/articles.jsonl (TF-IDF cosine of the whole text and of the title, shared numbers, shared capitalised words, rare
shared words, lengths), then cross-validates, grouped by article (two pairs sharing an article are always in one fold):

  * the clusterer's own decision (score >= the pair's threshold; nothing fitted),
  * the score with a threshold picked on the training folds,
  * a logistic regression over the three channels (+ the threshold) and over channels + the text measures,
    the decision threshold picked on the training folds for the best F1,

  * a veto: a regression fitted on the training pairs that already pass their threshold, cut for the best overall F1,

separately for pairs within one language and across two, with the ROC AUC of each. Pure Python (no numpy), L2-regularised
logistic regression by full-batch gradient descent on standardised features. With --weights-out FILE the regression over the
three channels fitted on all the training pairs of one analysed language other than English (the pairs
ClusteringOptions.AnalysedSameLanguageWeights applies to) is written, as the clusterer's weights (the direction, summing to 1)
and the threshold its best-F1 cut implies for a pair with all three channels: the constants of
SimilarityTuning.FittedWeightsGrid (`eval similarity DIR --db F --tune --orders 8 --grid fitted-weights`) were made so.
"""
import argparse
import json
import math
import random
import re
import sys
from collections import Counter, defaultdict

WORD = re.compile(r"[^\W\d_]+|\d+(?:[.,]\d+)*", re.UNICODE)
HAN = re.compile(r"[\u4e00-\u9fff]")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
CAPITAL = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-ZÀ-ÞА-ЯĄĆĘŁŃÓŚŹŻÇĞİÖŞÜ][\w'-]+)", re.UNICODE)


def tokens(text):
    out = []
    for m in WORD.finditer(text.lower()):
        w = m.group(0)
        if HAN.search(w):
            han = [c for c in w if HAN.match(c)]
            out.extend(han[i] + han[i + 1] for i in range(len(han) - 1))
        else:
            out.append(w)
    return out


def tfidf(counter, idf):
    v = {w: (1 + math.log(c)) * idf.get(w, 0.0) for w, c in counter.items()}
    n = math.sqrt(sum(x * x for x in v.values())) or 1.0
    return {w: x / n for w, x in v.items()}


def cosine(a, b):
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(w, 0.0) for w, x in a.items())


def jaccard(a, b):
    return len(a & b) / len(a | b) if a or b else 0.0


def read_articles(path):
    arts = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            key = d["url"].rstrip("/").rsplit("/", 1)[-1]
            arts[key] = d
    return arts


def text_features(arts):
    df, tdf = Counter(), Counter()
    toks, ttoks = {}, {}
    for k, d in arts.items():
        toks[k] = Counter(tokens(d.get("text") or ""))
        ttoks[k] = Counter(tokens(d.get("title") or ""))
        df.update(toks[k].keys())
        tdf.update(ttoks[k].keys())
    n = len(arts)
    idf = {w: math.log(n / c) for w, c in df.items()}
    tidf = {w: math.log(n / c) for w, c in tdf.items()}
    vec = {k: tfidf(c, idf) for k, c in toks.items()}
    tvec = {k: tfidf(c, tidf) for k, c in ttoks.items()}
    nums = {k: {x for x in NUMBER.findall(d.get("text") or "") if len(x) >= 2} for k, d in arts.items()}
    caps = {k: Counter(m.group(1).lower() for m in CAPITAL.finditer(d.get("text") or "")) for k, d in arts.items()}
    cdf = Counter()
    for c in caps.values():
        cdf.update(c.keys())
    cidf = {w: math.log(n / c) for w, c in cdf.items()}
    cvec = {k: tfidf(c, cidf) for k, c in caps.items()}
    top = {k: {w for w, _ in sorted(v.items(), key=lambda x: -x[1])[:10]} for k, v in vec.items()}
    return dict(df=df, vec=vec, tvec=tvec, nums=nums, cvec=cvec, top=top, toks=toks)


def pair_extras(tf, a, b):
    shared = set(tf["toks"][a]) & set(tf["toks"][b])
    la, lb = sum(tf["toks"][a].values()), sum(tf["toks"][b].values())
    return {
        "cos_text": cosine(tf["vec"][a], tf["vec"][b]),
        "cos_title": cosine(tf["tvec"][a], tf["tvec"][b]),
        "num_jacc": jaccard(tf["nums"][a], tf["nums"][b]),
        "cap_cos": cosine(tf["cvec"][a], tf["cvec"][b]),
        "rare_shared": math.log1p(sum(1 for w in shared if tf["df"][w] <= 5)),
        "top10": len(tf["top"][a] & tf["top"][b]) / 10.0,
        "len_ratio": abs(math.log((la + 1) / (lb + 1))),
        "len_min": math.log1p(min(la, lb)),
    }


def read_dump(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if p[0] == "pair_id" or p[0].startswith("#") or len(p) < 12:
                continue
            num = lambda s: float("nan") if s.lower() == "nan" else float(s.replace(",", "."))
            rows.append(dict(id=p[0], l1=p[1], l2=p[2], same=int(p[4]), joined=int(p[5]), orders=int(p[6]),
                             score=num(p[7]), threshold=num(p[8]), terms=num(p[9]), entities=num(p[10]), specifics=num(p[11])))
    return rows


def groups(rows):
    parent = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for r in rows:
        a, b = r["id"].split("_", 1)
        parent[find(a)] = find(b)
    return [find(r["id"].split("_", 1)[0]) for r in rows]


def standardise(X):
    m = len(X[0])
    mu = [sum(x[j] for x in X) / len(X) for j in range(m)]
    sd = [math.sqrt(sum((x[j] - mu[j]) ** 2 for x in X) / len(X)) for j in range(m)]
    sd = [s if s > 1e-9 else 1.0 for s in sd]
    return mu, sd


def fit_lr(X, y, l2=1.0, steps=800, rate=0.5):
    mu, sd = standardise(X)
    Z = [[(x[j] - mu[j]) / sd[j] for j in range(len(x))] for x in X]
    w, b, n = [0.0] * len(X[0]), 0.0, len(Z)
    for _ in range(steps):
        gw, gb = [0.0] * len(w), 0.0
        for z, t in zip(Z, y):
            s = b + sum(wi * zi for wi, zi in zip(w, z))
            p = 1 / (1 + math.exp(-max(-30, min(30, s))))
            e = p - t
            gb += e
            for j, zj in enumerate(z):
                gw[j] += e * zj
        b -= rate * gb / n
        w = [wj - rate * (gj / n + l2 * wj / n) for wj, gj in zip(w, gw)]
    return lambda x: b + sum(wj * (xj - mu[j]) / sd[j] for j, (wj, xj) in enumerate(zip(w, x))), (w, b, mu, sd)


def best_threshold(scores, y):
    pairs = sorted(zip(scores, y), key=lambda x: -x[0])
    pos = sum(y)
    tp = fp = 0
    best, thr = -1.0, float("inf")
    for i, (s, t) in enumerate(pairs):
        tp += t
        fp += 1 - t
        if i + 1 < len(pairs) and pairs[i + 1][0] == s:
            continue
        f1 = 2 * tp / (tp + fp + pos) if pos else 0
        if f1 > best:
            best, thr = f1, s
    return thr


def auc(scores, y):
    pos = [s for s, t in zip(scores, y) if t]
    neg = [s for s, t in zip(scores, y) if not t]
    if not pos or not neg:
        return float("nan")
    wins = sum((p > q) + 0.5 * (p == q) for p in pos for q in neg)
    return wins / (len(pos) * len(neg))


def f1(tp, fp, fn):
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def clean(v):
    return 0.0 if math.isnan(v) else v


def models(extras_names):
    ch = lambda r: [clean(r["terms"]), clean(r["entities"]), clean(r["specifics"]),
                    float(math.isnan(r["entities"])), float(math.isnan(r["specifics"])), r["threshold"]]
    return {
        "score (own threshold)": None,
        "score, CV threshold": lambda r: [r["score"] - r["threshold"]],
        "LR channels": ch,
        "LR channels + score": lambda r: ch(r) + [r["score"] - r["threshold"]],
        "LR channels + text": lambda r: ch(r) + [r["score"] - r["threshold"]] + [r["x"][k] for k in extras_names],
        "LR text only": lambda r: [r["x"][k] for k in extras_names],
        "veto: LR on pairs passing": "veto",
    }


def evaluate(rows, feats, folds, seeds, l2):
    y = [r["same"] for r in rows]
    g = groups(rows)
    keys = sorted(set(g))
    tp = fp = fn = 0
    scores_all = []
    for seed in range(seeds):
        rng = random.Random(seed)
        order = keys[:]
        rng.shuffle(order)
        fold_of = {k: i % folds for i, k in enumerate(order)}
        oof = [0.0] * len(rows)
        for f in range(folds):
            tr = [i for i in range(len(rows)) if fold_of[g[i]] != f]
            te = [i for i in range(len(rows)) if fold_of[g[i]] == f]
            if feats == "veto":
                full = models(list(rows[0]["x"].keys()))["LR channels + text"]
                alone_tr = [i for i in tr if rows[i]["score"] >= rows[i]["threshold"]]
                model, _ = fit_lr([full(rows[i]) for i in alone_tr], [y[i] for i in alone_tr], l2=l2)
                pos = sum(y[i] for i in tr)
                ranked = sorted(((model(full(rows[i])), y[i]) for i in alone_tr), key=lambda x: x[0])
                best, cut = -1.0, -float("inf")
                ktp, kfp = sum(t for _, t in ranked), sum(1 - t for _, t in ranked)
                for j in range(len(ranked) + 1):
                    val = f1(ktp, kfp, pos - ktp)
                    if val > best:
                        best, cut = val, (ranked[j][0] if j < len(ranked) else float("inf"))
                    if j < len(ranked):
                        ktp -= ranked[j][1]
                        kfp -= 1 - ranked[j][1]
                for i in te:
                    a = rows[i]["score"] >= rows[i]["threshold"]
                    s = model(full(rows[i])) if a else -float("inf")
                    oof[i] = s if a else -50 + rows[i]["score"]
                    pred = a and s >= cut
                    tp += pred and y[i]
                    fp += pred and not y[i]
                    fn += (not pred) and y[i]
                continue
            if feats is None:
                for i in te:
                    pred = rows[i]["score"] >= rows[i]["threshold"]
                    oof[i] = rows[i]["score"] - rows[i]["threshold"]
                    tp += pred and y[i]
                    fp += pred and not y[i]
                    fn += (not pred) and y[i]
                continue
            X = [feats(rows[i]) for i in tr]
            if len(X[0]) == 1:
                model = lambda x: x[0]
            else:
                model, _ = fit_lr(X, [y[i] for i in tr], l2=l2)
            thr = best_threshold([model(x) for x in X], [y[i] for i in tr])
            for i in te:
                s = model(feats(rows[i]))
                oof[i] = s
                pred = s >= thr
                tp += pred and y[i]
                fp += pred and not y[i]
                fn += (not pred) and y[i]
        scores_all.append(auc(oof, y))
    return f1(tp, fp, fn), tp / (tp + fp) if tp + fp else 0, tp / (tp + fn) if tp + fn else 0, sum(scores_all) / len(scores_all)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("dump")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seeds", type=int, default=5)
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--weights-out")
    ap.add_argument("--only", help="run only the models whose name contains this")
    ap.add_argument("--alone-only", action="store_true", help="also report on the pairs whose score alone reaches their threshold")
    a = ap.parse_args()
    rows = read_dump(a.dump)
    arts = read_articles(a.data.rstrip("/") + "/articles.jsonl")
    tf = text_features(arts)
    for r in rows:
        x, y = r["id"].split("_", 1)
        r["x"] = pair_extras(tf, x, y)
    extras = list(rows[0]["x"].keys())
    print(f"{len(rows)} training pairs from the dump; text measures: {', '.join(extras)}")
    for kind, sel in (("same-language", lambda r: r["l1"] == r["l2"]), ("cross-language", lambda r: r["l1"] != r["l2"])):
        part = [r for r in rows if sel(r)]
        print(f"\n{kind}: {len(part)} pairs, {sum(r['same'] for r in part)} same story")
        print("  single measures, ROC AUC (all / pairs reaching their threshold alone):")
        alone = [r for r in part if r["score"] >= r["threshold"]]
        for name, get in [("score", lambda r: r["score"]), ("terms", lambda r: clean(r["terms"])), ("entities", lambda r: clean(r["entities"])),
                          ("specifics", lambda r: clean(r["specifics"]))] + [(k, (lambda k: lambda r: r["x"][k])(k)) for k in extras]:
            print(f"    {name:<12} {auc([get(r) for r in part], [r['same'] for r in part]):.3f} / "
                  f"{auc([get(r) for r in alone], [r['same'] for r in alone]):.3f}")
        print(f"  grouped {a.folds}-fold CV x {a.seeds} seeds (pairwise F1 P R, out-of-fold AUC):")
        for name, feats in models(extras).items():
            if a.only and a.only not in name and feats is not None:
                continue
            f, p, rc, u = evaluate(part, feats, a.folds, a.seeds if feats else 1, a.l2)
            print(f"    {name:<24} F1 {f:.3f}  P {p:.3f}  R {rc:.3f}  AUC {u:.3f}")
        if a.weights_out and kind == "same-language":
            # The clusterer's own weights within one analysed language (AnalysedSameLanguageWeights) apply to the pairs of
            # one analysed language other than English (those at the analysed threshold): fitted on those alone, three channels,
            # then written as the clusterer's weights (the direction, summing to 1) and the threshold the fitted cut implies
            # for a pair with all three channels.
            fit = [r for r in part if r["l1"] != "en"]
            three = lambda r: [clean(r["terms"]), clean(r["entities"]), clean(r["specifics"])]
            model, (w, b, mu, sd) = fit_lr([three(r) for r in fit], [r["same"] for r in fit], l2=a.l2)
            raw = [wj / sj for wj, sj in zip(w, sd)]
            bias = b - sum(wj * mj / sj for wj, mj, sj in zip(w, mu, sd))
            cut = best_threshold([model(three(r)) for r in fit], [r["same"] for r in fit])
            total = sum(raw)
            with open(a.weights_out, "w", encoding="utf-8") as out:
                out.write(f"# scripts/similarity-pair-fit.py {a.data} {a.dump} --l2 {a.l2}: {len(fit)} training pairs of one analysed language other than English\n")
                out.write(f"logistic\tbias {bias:.4f}\tterms {raw[0]:.4f}\tentities {raw[1]:.4f}\tspecifics {raw[2]:.4f}\tbest-F1 cut {cut:.4f}\n")
                out.write(f"weights\tterms {raw[0] / total:.3f}\tentities {raw[1] / total:.3f}\tspecifics {raw[2] / total:.3f}"
                          f"\tthreshold {(cut - bias) / total:.3f}\n")


if __name__ == "__main__":
    sys.exit(main())
