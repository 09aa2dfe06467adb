#!/usr/bin/env python3
"""The share of a callgrind profile's instructions spent in some modules' functions.

usage: template-share.py EXCLUSIVE CALLERS MODULE...

EXCLUSIVE is `callgrind_annotate --threshold=100 --auto=no --show-percs=no OUT` and CALLERS
`callgrind_annotate --inclusive=yes --tree=caller --threshold=100 --auto=no --show-percs=no OUT`.
A function belongs to the modules when one of them (the MODULE names) defines it: its symbol,
mangled since callgrind does not demangle Swift, starts with `$s<length><module>` (closures,
specializations and thunks of the module's functions included); a symbol that only mentions a
module's type (a MarqueeKit function taking a TemplateValue) does not. Prints one line of six fields:

  total  exclusive  entries  exclusive%  entries%  functions

* exclusive: the sum of the functions' own costs (inclusive costs nest, so they cannot be summed);
  what they call outside the modules (the Swift runtime, the standard library, malloc) is left out:
  a lower bound of the time the modules take.
* entries: the inclusive cost of the calls into the modules from functions outside them — the work
  done for the modules, their callees included. A call back into the modules from outside code they
  called (a closure run by the standard library) is counted again inside the outer call: an upper
  bound.
"""
import re
import sys

COUNT = re.compile(r"^\s*([0-9][0-9,]*)\s+(.*)$")


def function_name(rest):
    """'???:$s8Mustache...  [/path/marquee]' (maybe with '(2x)') -> the symbol."""
    rest = re.sub(r"\s+\[[^\]]*\]\s*$", "", rest.strip())
    rest = re.sub(r"\s+\(\d+x\)$", "", rest)
    file, sep, name = rest.partition(":")
    return name if sep else rest


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    exclusive_path, callers_path, modules = sys.argv[1], sys.argv[2], sys.argv[3:]
    prefixes = tuple(f"{mark}{len(m)}{m}" for m in modules for mark in ("$s", "_$s", "$S", "_$S"))
    demangled = tuple(f"{m}." for m in modules)

    def ours(name):
        return name.startswith(prefixes) or name.startswith(demangled)

    total = None
    exclusive = 0
    functions = 0
    with open(exclusive_path, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = COUNT.match(line)
            if not m:
                continue
            cost, rest = int(m.group(1).replace(",", "")), m.group(2)
            if rest.strip() == "PROGRAM TOTALS":
                total = cost
            elif ours(function_name(rest)):
                exclusive += cost
                functions += 1
    if not total:
        sys.exit(f"template-share.py: no PROGRAM TOTALS line in {exclusive_path}")

    # The caller tree: for each function, its callers ('<' lines, the cost of their calls to it),
    # then the function itself ('*' line).
    entries = 0
    pending = []
    with open(callers_path, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = COUNT.match(line)
            if not m:
                if not line.strip():
                    pending = []
                continue
            cost, rest = int(m.group(1).replace(",", "")), m.group(2).strip()
            if rest.startswith("<"):
                pending.append((cost, function_name(rest[1:])))
            elif rest.startswith("*"):
                if ours(function_name(rest[1:])):
                    entries += sum(c for c, caller in pending if not ours(caller))
                pending = []
            else:
                pending = []

    print(total, exclusive, entries, f"{100 * exclusive / total:.1f}", f"{100 * entries / total:.1f}", functions)


main()
