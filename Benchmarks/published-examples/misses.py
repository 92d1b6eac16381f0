#!/usr/bin/env python3
"""Lists what score.py counts against TokenAudit: every missed positive and every flagged negative.

Usage: misses.py DATA_DIR [--bin PATH]

Same data, same exclusions and the same scan as score.py (whose `collect` and `scan` it calls).
One line per case: `MISS` or `FP <rule ids>`, then source/provider, then the example (shortened to
300 characters, Python-quoted). Extra scan flags can be passed in $EXTRA.
"""
import argparse, importlib.util, os

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("score", os.path.join(here, "score.py"))
score = importlib.util.module_from_spec(spec)
spec.loader.exec_module(score)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("--bin", default=os.path.join(here, "../../.build/release/tokenaudit"))
    args = ap.parse_args()
    cases, _ = score.collect(args.data)
    rules = score.scan(cases, args.bin, os.environ.get("EXTRA", "").split())
    for k, (source, provider, kind, text) in enumerate(cases):
        hit = k in rules
        if (kind == "pos" and not hit) or (kind == "neg" and hit):
            tag = "MISS" if kind == "pos" else "FP " + ",".join(sorted(map(str, rules[k])))
            print(f"{tag}\t{source}/{provider}\t{text.strip()[:300]!r}")


if __name__ == "__main__":
    main()
