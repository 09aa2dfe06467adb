#!/usr/bin/env python3
"""Fuzzes the template engine and its checker with mutated copies of the default theme.

    scripts/fuzz-templates.py MARQUEE SECONDS [SEED]

MARQUEE is a marquee binary (copy it first: a rebuild while this runs replaces it). Each run puts
one to three of the theme's templates, mutated, into the templates/ folder of a copy of the
example site: Mustache tags inserted (sections, partials and parents naming the theme's own
templates, delimiter changes, stray bytes), spans deleted or repeated. Then `marquee check` runs
on it. A run that ends by a signal or takes more than 60 s is a finding. Its templates are kept
under FINDINGS/templates-* (FINDINGS defaults to .build-fuzz/template-findings). Prints one line
per finding and a count; exits 1 when there was one.
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
findings = os.environ.get("FINDINGS", os.path.join(root, ".build-fuzz", "template-findings"))
theme = os.path.join(root, "templates")
names = sorted(n for n in os.listdir(theme) if n.endswith(".mustache"))
originals = {n: open(os.path.join(theme, n), "rb").read() for n in names}
partials = [n[:-len(".mustache")].encode() for n in names]
tokens = [b"{{", b"}}", b"{{{", b"}}}", b"{{#", b"{{/", b"{{^", b"{{>", b"{{<", b"{{$", b"{{!", b"{{=<% %>=}}", b"<%", b"%>",
          b"{{&", b"{{.}}", b"{{*", b"{{>*", b"\x00", b"\xff", b"{{#review}}", b"{{/review}}", b"{{review.title}}"] + \
         [b"{{> " + p + b"}}" for p in partials] + [b"{{< " + p + b"}}{{/" + p + b"}}" for p in partials]

work = tempfile.mkdtemp(prefix="marquee-fuzz-templates-")
site = os.path.join(work, "site")
for name in ["content", "static"]:
    shutil.copytree(os.path.join(root, name), os.path.join(site, name))
shutil.copy(os.path.join(root, "site.yml"), site)


def make_input():
    folder = os.path.join(site, "templates")
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    for name in rng.sample(names, rng.randint(1, 3)):
        data = bytearray(originals[name])
        for _ in range(rng.randint(1, 6)):
            at, op = rng.randrange(len(data) + 1), rng.random()
            if op < 0.5:
                data[at:at] = rng.choice(tokens)
            elif op < 0.75:
                del data[at:at + rng.randint(1, 40)]
            else:
                start = rng.randrange(len(data) or 1)
                data[at:at] = data[start:start + rng.randint(1, 200)]
        with open(os.path.join(folder, name), "wb") as f:
            f.write(bytes(data))
    return folder


def check(folder):
    if died(subprocess.run([binary, "check", "--source", site], capture_output=True, timeout=60)):
        return "ended by a signal"
    return None


loop(seconds, findings, "templates", make_input, check, work)
