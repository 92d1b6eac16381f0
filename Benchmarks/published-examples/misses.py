#!/usr/bin/env python3
"""Lists what score.py counts against TokenAudit: every missed positive and every flagged negative.

Usage: misses.py DATA_DIR [--bin PATH]

Same data, same placeholder exclusion and same cross-provider rule as score.py (imported from this
directory). One line per case: `MISS` or `FP <rule ids>`, then source/provider, then the example
(shortened to 300 characters, Python-quoted). Extra scan flags can be passed in $EXTRA.
"""
import argparse, importlib.util, json, os, re, subprocess, tempfile

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("score", os.path.join(here, "score.py"))
score = importlib.util.module_from_spec(spec)
spec.loader.exec_module(score)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("--bin", default=os.path.join(here, "../../.build/release/tokenaudit"))
    args = ap.parse_args()
    files = []
    for source in sorted(os.listdir(args.data)):
        sdir = os.path.join(args.data, source)
        if not os.path.isdir(sdir):
            continue
        for name in sorted(os.listdir(sdir)):
            files.append((source, re.sub(r"\.(ya?ml|json)$", "", name), *score.load(os.path.join(sdir, name))))
    every_positive = {p for f in files for p in f[2]}
    cases = []
    for source, provider, pos, neg in files:
        cases += [(source, provider, "pos", p) for p in pos if not score.PLACEHOLDER.search(p)]
        cases += [(source, provider, "neg", n) for n in neg if n not in every_positive]
    with tempfile.TemporaryDirectory() as work:
        for k, case in enumerate(cases):
            with open(os.path.join(work, f"c{k:05d}"), "w", encoding="utf-8") as f:
                f.write(case[3] if case[3].endswith("\n") else case[3] + "\n")
        run = subprocess.run([args.bin, "scan", "--format", "json", "--quiet"] + os.environ.get("EXTRA", "").split() + [work],
                             stdout=subprocess.PIPE, text=True)
        report = json.loads(run.stdout)
    rules = {}
    for finding in report["findings"]:
        rules.setdefault(os.path.basename(finding["file"]), set()).add(finding.get("ruleID"))
    for k, (source, provider, kind, text) in enumerate(cases):
        hit = f"c{k:05d}" in rules
        if (kind == "pos" and not hit) or (kind == "neg" and hit):
            tag = "MISS" if kind == "pos" else "FP " + ",".join(sorted(map(str, rules[f"c{k:05d}"])))
            print(f"{tag}\t{source}/{provider}\t{text.strip()[:300]!r}")


if __name__ == "__main__":
    main()
