#!/usr/bin/env python3
"""Train the line scorer of the plain-text cleaner and write src/plaintext/model.rs.

    python3 scripts/train_text_model.py ../shared/bench/wcxb-dev-text ../shared/bench/dragnet-text [--no-write]

Needs numpy and scikit-learn; not run by CI. Each line of each page dump is labelled by whether
it belongs to the page's true main text (most of its words align, in order, with runs of the
truth). A gradient-boosted tree ensemble over the
generic features of scripts/text_features.py (mirrored by src/plaintext/features.rs) learns to
tell them apart, each line weighted by its words over the square root of the page's words, so
that long pages do not drown short ones. The script first reports a 2-fold cross-validation
split by page-id parity (train on one half, score the other) next to the in-sample figure, then
trains on every page and writes the trees as a data table. Given several benchmarks it reports
each one scored by a model trained on the others (leave one dataset out) instead, then trains
on all of them.
"""
import difflib
import gzip
import json
import math
import os
import re
import sys
import textwrap
from collections import Counter

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import text_features as TF  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
MODEL_RS = os.path.join(HERE, "..", "src", "plaintext", "model.rs")
PARAMS = dict(max_iter=200, max_leaf_nodes=24, max_depth=6, learning_rate=0.1, l2_regularization=1.0,
              random_state=0,
              early_stopping=False)
FLOOR = 0.05
W = re.compile(r"\w+")


def ws(s):
    return re.sub(r"\s+", " ", s).strip()


def norm(s):
    return " ".join(W.findall(s.lower()))


def read_dump(path):
    """Non-empty lines and the number of the blank-line-separated block of each."""
    out, blocks, block, blank = [], [], 0, False
    for raw in gzip.open(path, "rt", encoding="utf-8").read().split("\n"):
        x = ws(raw)
        if not x:
            blank = True
            continue
        if blank and out:
            block += 1
        blank = False
        out.append(x)
        blocks.append(block)
    return out, blocks


def labels(lines, truth):
    """Whether each line is article text: at least half of its words fall in runs of three or
    more words that the dump and the truth share in the same order. Aligning the whole dump to
    the truth, rather than looking each line up on its own, labels short lines too (a list
    item, a spec value, a heading) where they stand inside the article, and leaves out a menu
    word that merely occurs somewhere in the truth."""
    words, owner = [], []
    for k, x in enumerate(lines):
        for w in W.findall(x.lower()):
            words.append(w)
            owner.append(k)
    truth_words = W.findall(truth.get("text", "").lower())
    matcher = difflib.SequenceMatcher(None, words, truth_words, autojunk=False)
    shared, total = [0] * len(lines), Counter(owner)
    for a, _, n in matcher.get_matching_blocks():
        if n >= 3:
            for j in range(a, a + n):
                shared[owner[j]] += 1
    return [total[k] > 0 and shared[k] >= 0.5 * total[k] for k in range(len(lines))]


def word_f1(pred, true):
    p, t = Counter(W.findall(pred.lower())), Counter(W.findall(true.lower()))
    if not p and not t:
        return 1.0
    if not p or not t:
        return 0.0
    o = sum((p & t).values())
    return 2 * o / (sum(p.values()) + sum(t.values()))


def snippets(pred, truth):
    p = ws(pred)
    tp = sum(ws(s) in p for s in truth.get("with") or [])
    fn = len(truth.get("with") or []) - tp
    fp = sum(ws(s) in p for s in truth.get("without") or [])
    return tp, fn, fp


def load(bench):
    pages = {}
    for line in open(os.path.join(bench, "truth.jsonl"), encoding="utf-8"):
        t = json.loads(line)
        path = os.path.join(bench, "pages", t["id"] + ".txt.gz")
        if not os.path.exists(path):
            continue
        lines, blocks = read_dump(path)
        pages[t["id"]] = (lines, labels(lines, t), TF.page_features(lines, blocks), t)
    return pages


def arrays(pages, ids):
    X, Y, Wt = [], [], []
    for i in ids:
        lines, lab, feats, _ = pages[i]
        counts = [len(W.findall(x)) for x in lines]
        total = math.sqrt(sum(counts) or 1)
        for f, y, k in zip(feats, lab, counts):
            X.append(f)
            Y.append(int(y))
            Wt.append((k + 1) / total)
    return np.array(X), np.array(Y), np.array(Wt)


def score(pages, ids, model_for):
    f1s, tp, fn, fp = [], 0, 0, 0
    for i in ids:
        lines, _, feats, t = pages[i]
        kept = []
        if lines:
            probs = model_for(i).predict_proba(np.array(feats))[:, 1]
            kept = [lines[k] for k in best_f1_lines(lines, probs)]
        pred = "\n\n".join(kept)
        if "text" in t:
            f1s.append(word_f1(pred, t["text"]))
        a, b, c = snippets(pred, t)
        tp, fn, fp = tp + a, fn + b, fp + c
    P, R = tp / max(1, tp + fp), tp / max(1, tp + fn)
    # A set without snippets (dragnet-text) scores 0 on them.
    return sum(f1s) / max(1, len(f1s)), 2 * P * R / (P + R) if P + R else 0.0


def best_f1_lines(lines, probs):
    """The lines that maximise the expected word F1 if each line is article text with its
    probability: lines by falling probability, cut where 2·Σp·w / (Σw + Σall p·w) peaks,
    never keeping a line below FLOOR; mirrored by `best_f1_lines` in src/plaintext/mod.rs."""
    counts = [len(TF.words(x)) for x in lines]
    order = sorted(range(len(lines)), key=lambda k: (-probs[k], k))
    expected = sum(p * w for p, w in zip(probs, counts))
    best, cut, mass, kept_words = -1.0, 0, 0.0, 0.0
    for rank, k in enumerate(order):
        mass += probs[k] * counts[k]
        kept_words += counts[k]
        f1 = 2 * mass / (kept_words + expected + 1e-9)
        if f1 > best:
            best, cut = f1, rank + 1
    return sorted(k for k in order[:cut] if probs[k] > FLOOR)


def parity(page_id):
    return sum(map(ord, page_id)) % 2


def export(model, n_features, datasets):
    nodes, roots = [], []
    for (tree,) in model._predictors:
        base = len(nodes)
        roots.append(base)
        for node in tree.nodes:
            if node["is_leaf"]:
                nodes.append("leaf(%r)" % float(node["value"]))
            else:
                nodes.append("split(%d, %r, %d, %d)" % (
                    node["feature_idx"], float(node["num_threshold"]),
                    base + node["left"], base + node["right"]))
    names = TF.FEATURE_NAMES
    assert len(names) == n_features
    out = []
    out.append("//! The line scorer of the plain-text cleaner: a gradient-boosted tree ensemble, as data.\n")
    out.append("//!\n//! Generated by `scripts/train_text_model.py` (scikit-learn HistGradientBoostingClassifier,\n")
    params = ", ".join("%s=%s" % kv for kv in sorted(PARAMS.items()) if kv[0] != "random_state")
    out.extend("//! %s\n" % line for line in textwrap.wrap(params + ")", 95))
    out.append("//! from the line labels of the whole-page text benchmarks %s; do not edit\n" % ", ".join(datasets))
    out.append("//! by hand. The features, in order, are [`super::features::FEATURE_NAMES`]; a line's\n")
    out.append("//! log-odds of being article text are [`BASELINE`] plus the leaf it reaches in each tree.\n\n")
    out.append("// Thresholds fall on ln(1 + n) of small counts, which clippy takes for constants.\n")
    out.append("#![allow(clippy::approx_constant)]\n\n")
    out.append("use super::features::FEATURE_COUNT;\n\n")
    out.append("/// One node of a tree: a split sends a feature value `<=` its threshold left.\n")
    out.append("#[derive(Debug, Clone, Copy)]\npub enum Node {\n    /// A split on feature `.0` at threshold `.1`, with the left and right node indices.\n")
    out.append("    Split(usize, f64, usize, usize),\n    /// A leaf adding `.0` to the log-odds.\n    Leaf(f64),\n}\n\n")
    out.append("const fn split(feature: usize, threshold: f64, left: usize, right: usize) -> Node {\n    Node::Split(feature, threshold, left, right)\n}\n\n")
    out.append("const fn leaf(value: f64) -> Node {\n    Node::Leaf(value)\n}\n\n")
    out.append("/// Number of features the trees were trained on.\npub const FEATURES: usize = %d;\n\n" % n_features)
    out.append("const _: () = assert!(FEATURES == FEATURE_COUNT);\n\n")
    out.append("/// Log-odds before any tree.\npub const BASELINE: f64 = %r;\n\n" % float(model._baseline_prediction.ravel()[0]))
    out.append("/// A line below this probability is never kept.\n")
    out.append("pub const FLOOR: f64 = %r;\n\n" % FLOOR)
    out.append("/// Index of each tree's root in [`NODES`].\n#[rustfmt::skip]\npub const ROOTS: &[usize] = &[\n")
    for k in range(0, len(roots), 16):
        out.append("    " + ", ".join(str(r) for r in roots[k:k + 16]) + ",\n")
    out.append("];\n\n/// Every tree's nodes, one after another.\n#[rustfmt::skip]\npub const NODES: &[Node] = &[\n")
    for n in nodes:
        out.append("    %s,\n" % n)
    out.append("];\n")
    return "".join(out)


def main():
    benches = [arg for arg in sys.argv[1:] if not arg.startswith("--")]
    pages = {}
    for bench in benches:
        name = os.path.basename(os.path.normpath(bench))
        for page_id, page in load(bench).items():
            pages[(name, page_id)] = page
    names = [os.path.basename(os.path.normpath(bench)) for bench in benches]
    of = {name: sorted(key for key in pages if key[0] == name) for name in names}
    if len(names) > 1:
        # Leave one dataset out: train on the others, score the one left out.
        for name in names:
            rest = [key for key in sorted(pages) if key[0] != name]
            model = HistGradientBoostingClassifier(**PARAMS).fit(*arrays(pages, rest))
            print("%-16s trained on the other sets: word %.4f snippet %.4f"
                  % ((name,) + score(pages, of[name], lambda i: model)))
    else:
        ids = of[names[0]]
        halves = [[i for i in ids if parity(i[1]) == k] for k in (0, 1)]
        held_out = [HistGradientBoostingClassifier(**PARAMS).fit(*arrays(pages, halves[1 - k]))
                    for k in (0, 1)]
        print("2-fold cross-validated: word %.4f snippet %.4f"
              % score(pages, ids, lambda i: held_out[parity(i[1])]))
    model = HistGradientBoostingClassifier(**PARAMS).fit(*arrays(pages, sorted(pages)))
    for name in names:
        print("%-16s in-sample: word %.4f snippet %.4f"
              % ((name,) + score(pages, of[name], lambda i: model)))
    if "--no-write" not in sys.argv:
        open(MODEL_RS, "w", encoding="utf-8").write(export(model, len(TF.FEATURE_NAMES), names))
        print("wrote", MODEL_RS)


if __name__ == "__main__":
    main()
