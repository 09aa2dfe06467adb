#!/usr/bin/env python3
"""Bytes a reader's browser fetches for search queries, gzipped as a static host serves them.

    search-query-bytes.py SITE QUERY [QUERY ...]

SITE is a built site (its search/ folder and search.js). The queries run one after another in
one visit, as search.js runs them: the first fetches the page, the script, meta.json, one term
shard per word and the docs/ files of those of the first ten results whose rows no shard fetched so
far carries; each later query only the files not fetched yet. Each file counts its `gzip -9` size. Queries are ASCII words here (the fold of
SearchFolding.swift is then: lower-case, split at anything but a-z and 0-9).

Prints one line per query (files fetched, KB) and the totals; exits 1 when the first query
fetches more than FIRST_KB (default 50) or a later one more than NEXT_KB (default 10).
"""
import gzip
import json
import os
import re
import sys


def fnv(text):
    h = 0x811C9DC5
    for b in text.encode("utf-8"):
        h = ((h ^ b) * 0x01000193) & 0xFFFFFFFF
    return h


def main():
    site, queries = sys.argv[1], sys.argv[2:]
    first_limit = float(os.environ.get("FIRST_KB", "50"))
    next_limit = float(os.environ.get("NEXT_KB", "10"))
    fetched = set()
    sizes = {}
    rows = set()  # documents whose rows the shards fetched so far carry

    def size(path):
        if path not in sizes:
            with open(os.path.join(site, path), "rb") as f:
                sizes[path] = len(gzip.compress(f.read(), 9))
        return sizes[path]

    def load(path):
        with open(os.path.join(site, path), encoding="utf-8") as f:
            return json.load(f)

    meta = load("search/meta.json")
    failed = False
    for number, query in enumerate(queries):
        wanted = ["search/index.html", "search.js", "search/meta.json"]
        words = list(dict.fromkeys(w for w in re.split(r"[^a-z0-9]+", query.lower()) if w))
        scores, bonus, common = None, {}, set(meta["common"])
        for i, word in enumerate(words):
            shard_path = f"search/terms/{fnv(word[:3]) % meta['shards']}.json"
            wanted.append(shard_path)
            loaded = load(shard_path)
            rows.update(int(d) for d in loaded["results"])
            shard = loaded["terms"]
            fields = {}
            terms = [t for t in shard if t.startswith(word)] if i == len(words) - 1 and len(word) > 2 else [word] if word in shard else []
            for term in terms:
                doc = 0
                for posting in shard[term]:
                    doc += posting >> 4
                    fields[doc] = fields.get(doc, 0) | posting & 15
            weight = lambda f: 8 if f & 1 else 4 if f & 2 else 2 if f & 4 else 1  # noqa: E731
            if not (i == len(words) - 1 and len(word) > 2) and word in common:
                for d, f in fields.items():
                    bonus[d] = bonus.get(d, 0) + weight(f)
                continue
            scores = {d: weight(f) for d, f in fields.items()} if scores is None else \
                {d: s + weight(fields[d]) for d, s in scores.items() if d in fields}
        scores = bonus if scores is None else {d: s + bonus.get(d, 0) for d, s in scores.items()}
        results = sorted(scores, key=lambda d: (-scores[d], d))
        for doc in results[:10]:
            if doc not in rows:
                wanted.append(f"search/docs/{doc // meta['perFile']}.json")
        new = [p for p in dict.fromkeys(wanted) if p not in fetched]
        fetched.update(new)
        kb = sum(size(p) for p in new) / 1000
        limit = first_limit if number == 0 else next_limit
        verdict = "ok" if kb <= limit else f"OVER {limit:g} KB"
        failed |= kb > limit
        print(f"{query!r:24} {len(results):6} results  {len(new):2} files  {kb:6.1f} KB  {verdict}")
    total = sum(
        len(gzip.compress(open(os.path.join(root, name), "rb").read(), 9))
        for root, _, names in os.walk(os.path.join(site, "search")) for name in names if name.endswith(".json"))
    raw = sum(os.path.getsize(os.path.join(root, name))
              for root, _, names in os.walk(os.path.join(site, "search")) for name in names if name.endswith(".json"))
    print(f"the index: {meta['documents']} documents, {raw / 1e6:.2f} MB raw, {total / 1e6:.2f} MB gzipped in all; search.js {size('search.js') / 1000:.1f} KB")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
