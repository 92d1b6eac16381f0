#!/usr/bin/env python3
"""Writes a log with one generated credential per line, for measuring scans with many findings.

Deterministic (same arguments, same bytes). The values have the shape a built-in rule reports and
are random (never real credentials):
  github     `GITHUB_TOKEN=ghp_<36 letters and digits>`: one github-pat-classic finding a line
  sirportly  `X-Auth-Token: <token> X-Auth-Secret: <secret>`: a Sirportly token+secret pair a line
             (two findings a line, all linked into credential pairs)

Usage: generate.py --out FILE [--lines 500000] [--kind github|sirportly] [--seed 14]
"""
import argparse
import random
import string

ALNUM = string.ascii_letters + string.digits
HEX = "0123456789abcdef"


def github(rng):
    return "GITHUB_TOKEN=ghp_" + "".join(rng.choice(ALNUM) for _ in range(36))


def sirportly(rng):
    token = "-".join("".join(rng.choice(HEX) for _ in range(n)) for n in (8, 4, 4, 4, 12))
    secret = "".join(rng.choice(ALNUM) for _ in range(50))
    return f"X-Auth-Token: {token} X-Auth-Secret: {secret}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--lines", type=int, default=500_000)
    parser.add_argument("--kind", choices=("github", "sirportly"), default="github")
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    make = github if args.kind == "github" else sirportly
    with open(args.out, "w") as out:
        for i in range(args.lines):
            out.write(f"2026-12-05T00:{i // 60 % 60:02d}:{i % 60:02d}Z INFO worker={i % 7} request={i} {make(rng)}\n")


if __name__ == "__main__":
    main()
