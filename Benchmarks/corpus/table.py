#!/usr/bin/env python3
"""Prints compare-peers.sh's table: medians of wall time, CPU seconds and peak RSS per tool, the
throughput, ratios against tokenaudit and cat, and each scanner's recall on the planted credentials.

    table.py LABELS FILES OUT     (OUT holds times.tsv and each tool's report)

Recall counts a planted credential as found when the tool reports a finding on its file and line.
Each peer is held only to the kinds it has rules for (labels' `peers`); tokenaudit to every kind
(and `--rules sirportly` to the Sirportly ones).
"""
import json
import os
import statistics
import sys

labels_path, files, out = sys.argv[1:4]
labels = json.load(open(labels_path))
planted = labels["files"]
size = labels["bytes"]
prefix = files.rstrip("/") + "/"


def rel(path):
    path = path.removeprefix(prefix).removeprefix("./")
    return path


def found_lines(tool):
    """(file, line) pairs a tool reported, or None when its report is missing."""
    name = {"tokenaudit": "tokenaudit.json", "tokenaudit --rules sirportly": "sirportly.json",
            "kingfisher": "kingfisher.json", "betterleaks": "betterleaks.json",
            "detect-secrets": "detect-secrets.json"}.get(tool)
    if not name or not os.path.exists(os.path.join(out, name)):
        return None
    report = json.load(open(os.path.join(out, name)))
    if tool.startswith("tokenaudit"):
        return {(rel(f["file"]), f["line"]) for f in report["findings"]}
    if tool == "kingfisher":
        return {(rel(f["finding"]["path"]), f["finding"]["line"]) for f in report["findings"]}
    if tool == "betterleaks":
        return {(rel(f["location"]["path"]), f["location"]["start_line"]) for f in report["findings"]}
    return {(rel(p), r["line_number"]) for p, rs in report["results"].items() for r in rs}


def expected(tool):
    if tool == "tokenaudit":
        return planted
    if tool == "tokenaudit --rules sirportly":
        return [p for p in planted if p["kind"].startswith("sirportly")]
    return [p for p in planted if p["peers"]]


times = {}
for row in open(os.path.join(out, "times.tsv")):
    name, wall, user, system, rss = row.rstrip("\n").split("\t")
    times.setdefault(name, []).append((float(wall), float(user) + float(system), int(rss) / 1024))

med = {n: tuple(statistics.median(x[i] for x in runs) for i in range(3)) for n, runs in times.items()}
ta = med.get("tokenaudit")
cat = med.get("cat")
print(f"\n{size / 1e6:.0f} MB, {len(planted)} planted credentials; medians of {max(len(r) for r in times.values())} runs\n")
print("| tool | runs | wall s | CPU s | peak RSS MB | MB/s (wall) | wall ÷ tokenaudit's | cat's wall ÷ tool's | recall |")
print("|---|---|---|---|---|---|---|---|---|")
for name, (wall, cpu, rss) in med.items():
    lines = found_lines(name)
    if lines is None:
        recall = "—"
    else:
        want = expected(name)
        hit = sum((p["file"], p["line"]) in lines for p in want)
        recall = f"{hit}/{len(want)}"
    ratio = f"{wall / ta[0]:.2f}×" if ta else "—"
    vs_cat = f"{cat[0] / wall:.2f}×" if cat else "—"
    print(f"| {name} | {len(times[name])} | {wall:.2f} | {cpu:.2f} | {rss:.0f} | {size / 1e6 / wall:.0f} | {ratio} | {vs_cat} | {recall} |")
