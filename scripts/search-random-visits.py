#!/usr/bin/env python3
"""Bytes of second queries over many visits, not only the few of bench-search.sh.

    search-random-visits.py SITE [VISITS]

SITE is a built site. Each visit starts with a word of a random review's title; the second query
either adds another word of that title (A: a reader narrowing "ashes" to "ashes of") or is a word
of another title (B: a new search). Words are the titles' words of three letters or more that
are not common. Runs scripts/search-query-bytes.py on each visit (the same count of gzipped bytes)
and prints the median, 90th percentile and largest second query of each kind, and how many went
over 10 KB. Seeded: the same site gives the same visits. Informational: exits 0.
"""
import json
import os
import random
import re
import statistics
import subprocess
import sys

site = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 100
meta = json.load(open(os.path.join(site, "search/meta.json")))
common = set(meta["common"])
rows = []
for n in range((meta["documents"] + meta["perFile"] - 1) // meta["perFile"]):
    rows += json.load(open(os.path.join(site, f"search/docs/{n}.json"), encoding="utf-8"))
random.seed(7)


def words(title):
    return [w for w in re.split(r"[^a-z0-9]+", title.lower()) if len(w) >= 3 and w not in common]


narrowing, new = [], []
for _ in range(count):
    first, other = words(random.choice(rows)[0]), words(random.choice(rows)[0])
    if len(first) >= 2:
        narrowing.append([first[0], f"{first[0]} {first[1]}"])
    if first and other:
        new.append([first[0], other[-1]])
script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "search-query-bytes.py")


def kilobytes(visit):
    lines = subprocess.run([sys.executable, script, site, *visit], capture_output=True, text=True).stdout.splitlines()
    return [float(line.split("KB")[0].split()[-1]) for line in lines[:-1]]


for name, visits in [("A, a word added from the same title", narrowing), ("B, a word of another title", new)]:
    second = sorted(kilobytes(visit)[1] for visit in visits)
    print(f"{name}: {len(visits)} visits; second query median {statistics.median(second):.1f} KB, "
          f"90th percentile {second[int(0.9 * len(second))]:.1f}, largest {second[-1]:.1f}, "
          f"over 10 KB: {sum(kb > 10 for kb in second)}")
