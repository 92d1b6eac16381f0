#!/usr/bin/env python3
"""Scores a scanner's flagged lines against Corpus/labels.json, per class.

Usage: score.py LABELS FLAGGED_LINES_JSON
FLAGGED_LINES_JSON is a JSON list of [file, line] pairs (file relative to Corpus/). A flagged line
counts as a hit for every class labelled on that line (lenient to the scanner: no rule matching);
a flagged line with no label is a false positive.
"""
import json
import sys

CLASSES = ["sirportly-token", "sirportly-secret", "sirportly-application-token", "password", "other"]


def label_class(rule):
    if rule.startswith("sirportly-"):
        return rule
    if rule.startswith("password-"):
        return "password"
    return "other"


def main():
    labels = json.load(open(sys.argv[1]))
    flagged = {(f, int(n)) for f, n in json.load(open(sys.argv[2]))}
    expected = {}
    for label in labels["findings"]:
        expected.setdefault((label["file"], label["line"]), set()).add(label_class(label["rule"]))
    negatives = {(n["file"], n["line"]) for n in labels["negatives"]}
    print(f"{'class':30s} {'labelled':>8s} {'flagged':>8s} {'recall':>7s}")
    for cls in CLASSES:
        lines = [key for key, classes in expected.items() if cls in classes]
        hits = sum(1 for key in lines if key in flagged)
        print(f"{cls:30s} {len(lines):8d} {hits:8d} {hits / max(1, len(lines)):7.3f}")
    unlabelled = [key for key in flagged if key not in expected]
    print(f"flagged lines: {len(flagged)}; with no label (false positives): {len(unlabelled)}; "
          f"on labelled hard negatives: {sum(1 for key in unlabelled if key in negatives)}")


if __name__ == "__main__":
    main()
