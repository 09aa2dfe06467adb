#!/usr/bin/env python3
"""Count what a build wrote.

usage: count-pages.py OUT

Prints one line: "PAGES STUBS FILES BYTES" where PAGES is the number of *.html
files that are real pages, STUBS the *.html files that only redirect (a
meta http-equiv="refresh" page under 4,000 bytes, as Hugo writes for /page/1/;
the same test as ../shared/bench/check-output.py), FILES every file and BYTES
their total size.
"""
import os
import sys


def is_stub(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        head = f.read(4000)
    return 'http-equiv="refresh"' in head and len(head) < 4000


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    pages = stubs = files = size = 0
    for root, _, names in os.walk(sys.argv[1]):
        for name in names:
            path = os.path.join(root, name)
            files += 1
            size += os.path.getsize(path)
            if name.endswith(".html"):
                if is_stub(path):
                    stubs += 1
                else:
                    pages += 1
    print(pages, stubs, files, size)


if __name__ == "__main__":
    main()
