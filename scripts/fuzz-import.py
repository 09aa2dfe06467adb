#!/usr/bin/env python3
"""Fuzzes `marquee import wordpress` with mutated WordPress exports (libFuzzer's target,
scripts/fuzz.sh, covers the reader of review files; the importer runs Foundation's XMLParser and
libxml2, which it cannot instrument).

    scripts/fuzz-import.py MARQUEE SECONDS [SEED]

MARQUEE is a marquee binary (copy it first: a rebuild while this runs replaces it). Each input is
one of the WordPress exports (../shared/fixtures/wordpress and the test fixture) with a few
mutations: XML and WordPress tokens inserted, spans deleted or repeated, bytes changed, the file
cut short. Each is imported into a fresh folder, and what was imported is built. A run that ends
by a signal (a crash, a trap) or that takes more than 20 s (import) or 60 s (build) is a finding:
its input is kept as FINDINGS/import-*.xml (FINDINGS defaults to .build-fuzz/import-findings).
Prints one line per finding and a count at the end; exits 1 when there was a finding.
"""
import os
import random
import shutil
import subprocess
import sys
import tempfile

from fuzz_loop import died, loop

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
binary, seconds = sys.argv[1], float(sys.argv[2])
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
findings = os.environ.get("FINDINGS", os.path.join(root, ".build-fuzz", "import-findings"))
shared = os.path.join(root, "..", "shared", "fixtures", "wordpress")
fixtures = [os.path.join(shared, n) for n in ("small-export.xml", "wordpress-com-2025.xml")] + \
           [os.path.join(root, "Tests", "MarqueeKitTests", "Fixtures", "import", "film-blog.xml")]
seeds = [open(f, "rb").read() for f in fixtures if os.path.exists(f)]
tokens = [b"<![CDATA[", b"]]>", b"<!-- ", b" -->", b"<wp:comment>", b"</wp:comment>", b"<item>", b"</item>", b"&amp;", b"&#x0;",
          b"&#1114112;", b"<wp:postmeta><wp:meta_key>rating</wp:meta_key><wp:meta_value>", b"</wp:meta_value></wp:postmeta>",
          b"[gallery ids=\"1,2\"]", b"[caption]", b"<img src=\"../../../etc/passwd\">", b"\x00", b"\xff\xfe", b"\xe2\x80\xae", b"\xe9",
          b"<wp:post_name>../../x</wp:post_name>", b"<wp:status>publish</wp:status>", b"<wp:post_type>page</wp:post_type>",
          b"<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>", b"&b;", b"<wp:comment_parent>",
          b"<wp:post_date>2012-13-45 99:99:99</wp:post_date>", b"<table><tr><td>", b"<script>", b"<p>", b"</div>" * 5,
          b" encoding=\"ISO-8859-1\"", b" encoding=\"nonsense\""]


def mutate(data):
    data = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        op, at = rng.random(), rng.randrange(len(data) + 1)
        if op < 0.3:
            data[at:at] = rng.choice(tokens)
        elif op < 0.5 and len(data) > 10:
            del data[at:at + rng.randint(1, 200)]
        elif op < 0.7 and len(data) > 10:
            start = rng.randrange(len(data))
            data[at:at] = data[start:start + rng.randint(1, 400)]
        elif op < 0.85 and at < len(data):
            data[at] = rng.randrange(256)
        else:
            data = data[:at]
    return bytes(data)


work = tempfile.mkdtemp(prefix="marquee-fuzz-import-")


def make_input():
    export = os.path.join(work, "in.xml")
    with open(export, "wb") as f:
        f.write(mutate(rng.choice(seeds)))
    return export


def check(export):
    site = os.path.join(work, "site")
    shutil.rmtree(site, ignore_errors=True)
    if died(subprocess.run([binary, "import", "wordpress", export, "--into", site], capture_output=True, timeout=20)):
        return "the import ended by a signal"
    if os.path.exists(os.path.join(site, "site.yml")):
        built = subprocess.run([binary, "build", "--source", site, "--output", os.path.join(work, "public")], capture_output=True, timeout=60)
        if died(built):
            return "the build of the imported site ended by a signal"
    return None


loop(seconds, findings, "import", make_input, check, work)
