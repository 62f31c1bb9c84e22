#!/usr/bin/env python3
"""make_walkthrough.py - pastes mandelc's real outputs into walkthrough.md.

    python3 docs/make_walkthrough.py [--mandelc PATH] [--check]

docs/walkthrough.md holds marked blocks:

    <!-- BEGIN mandelc ARGS... [ | from REGEX] [ | lines N] [ | grep REGEX]
         [ | stderr] [ | volatile] -->
    ```text
    (output, replaced on every run)
    ```
    <!-- END -->

and `<!-- BEGIN source FILE FIRST-LAST -->` for lines of a file. Each
block's command runs from the repository root (so paths read
`examples/...`); `from` starts at the first output line matching REGEX,
`lines` keeps that many, `grep` keeps matching lines only, `stderr` takes
stderr (with stdout before it). The script rewrites the file in place and
writes docs/mandelbrot.png, the picture the README shows. docs/annotate.png
is the browser test's screenshot (build/show/annotate.png after ctest),
copied by hand when the report's look changes.

--check writes nothing: it regenerates into memory and fails when a block
differs from the file, with timings masked. Blocks marked `volatile`
depend on the machine (assembly for the host CPU, timings, samples); for
them --check only requires that the command still succeeds with output.
"""

import argparse
import os
import re
import shlex
import subprocess
import sys

DOCS = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(DOCS)
WALKTHROUGH = os.path.join(DOCS, "walkthrough.md")
BLOCK = re.compile(r"(<!-- BEGIN (?P<spec>.*?) -->\n)```text\n(?P<body>.*?)"
                   r"```\n(<!-- END -->)", re.S)
# Timings (Main took 0:00:00.123456, seconds columns, ms) vary every run.
TIMING = re.compile(r"\d+:\d\d:\d\d(\.\d+)?|\d+\.\d+")


def parse_spec(spec):
    parts = [p.strip() for p in spec.split(" | ")]
    opts = {"from": None, "lines": None, "grep": None, "stderr": False,
            "volatile": False}
    for p in parts[1:]:
        key, _, value = p.partition(" ")
        if key in ("stderr", "volatile"):
            opts[key] = True
        elif key == "lines":
            opts["lines"] = int(value)
        elif key in ("from", "grep"):
            opts[key] = value
        else:
            raise SystemExit(f"unknown block option {key!r} in {spec!r}")
    return parts[0], opts


def run_block(mandelc, command, opts):
    words = shlex.split(command)
    if words[0] == "source":
        path, span = words[1], words[2]
        first, last = (int(x) for x in span.split("-"))
        with open(os.path.join(ROOT, path)) as f:
            lines = f.read().split("\n")[first - 1:last]
        return "\n".join(f"{n:3} {t}" for n, t in
                         enumerate(lines, first)).rstrip() + "\n"
    assert words[0] == "mandelc", command
    r = subprocess.run([mandelc, *words[1:]], cwd=ROOT, capture_output=True,
                       text=True, timeout=600)
    if r.returncode != 0:
        raise SystemExit(f"`{command}` failed ({r.returncode}):\n{r.stderr}")
    text = r.stdout + r.stderr if opts["stderr"] else r.stdout
    lines = text.rstrip("\n").split("\n")
    if opts["from"]:
        start = next((i for i, t in enumerate(lines)
                      if re.search(opts["from"], t)), None)
        if start is None:
            raise SystemExit(f"`{command}`: nothing matches {opts['from']}")
        lines = lines[start:]
    if opts["grep"]:
        lines = [t for t in lines if re.search(opts["grep"], t)]
    if opts["lines"]:
        lines = lines[:opts["lines"]]
    if not any(t.strip() for t in lines):
        raise SystemExit(f"`{command}`: no output")
    return "\n".join(t.rstrip() for t in lines) + "\n"


def regenerate(text, mandelc, check):
    """The walkthrough with every block's output pasted; in check mode,
    the list of blocks that differ."""
    stale = []

    def paste(m):
        command, opts = parse_spec(m.group("spec"))
        body = run_block(mandelc, command, opts)
        old = m.group("body")
        if not opts["volatile"] and TIMING.sub("T", old) != \
                TIMING.sub("T", body):
            stale.append(command)
        return f"{m.group(1)}```text\n{body}```\n{m.group(4)}"

    new = BLOCK.sub(paste, text)
    return new, stale


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mandelc", default=os.path.join(ROOT, "build",
                                                      "mandelc"))
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    mandelc = os.path.abspath(args.mandelc)
    with open(WALKTHROUGH) as f:
        text = f.read()
    if not BLOCK.search(text):
        raise SystemExit("no marked blocks in walkthrough.md")
    new, stale = regenerate(text, mandelc, args.check)
    if args.check:
        if stale:
            print("walkthrough.md is out of date; run "
                  "`python3 docs/make_walkthrough.py`. Stale blocks:")
            for c in stale:
                print("  " + c)
            return 1
        print(f"walkthrough.md is up to date "
              f"({len(BLOCK.findall(text))} blocks)")
        return 0
    with open(WALKTHROUGH, "w") as f:
        f.write(new)
    picture = os.path.join(DOCS, "mandelbrot.png")
    subprocess.run([mandelc, "examples/pure_python_2.py", "1200", "1000",
                    f"--image={picture}"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    print(f"wrote {WALKTHROUGH} and {picture}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
