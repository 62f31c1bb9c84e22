#!/usr/bin/env python3
"""make_walkthrough.py - pastes mandelc's real outputs into the docs.

    python3 docs/make_walkthrough.py [--mandelc PATH] [--check]
                                     [--doc FILE ...] [--build DIR]

The pages (docs/walkthrough.md, vector_form.md and binding.md unless --doc
names others) hold marked blocks:

    <!-- BEGIN mandelc ARGS... [ | from REGEX] [ | lines N] [ | grep REGEX]
         [ | stderr] [ | mask REGEX] [ | status N] ... -->
    ```text
    (output, replaced on every run)
    ```
    <!-- END -->

and `<!-- BEGIN source FILE FIRST-LAST -->` for lines of a file. Each
block's command runs from the repository root (so paths read
`examples/...`); `from` starts at the first output line matching REGEX,
`lines` keeps that many, `grep` keeps matching lines only, `stderr` takes
stderr (with stdout before it), `status` is the exit status the command
must end with (0 unless given: an error shown on purpose says so). A listing that depends on the CPU names
one with --mcpu (so every machine prints the same text); mandelc runs
with CUDA_VISIBLE_DEVICES empty, so --emit=ptx compiles for the same
architecture (compute_75) with or without a GPU. The checkout's own
directory, where an output names it, reads /path/to/mandelc.

Without --check the script rewrites the pages in place, writes
docs/mandelbrot.png (the README's picture) and, when the browser test has
run (BUILD/show/annotate.png, from ctest -R show_browser), copies its
screenshot of the report to docs/annotate.png.

--check writes nothing: it regenerates every block and fails (exit 1,
naming each block and showing the difference) when any differs from the
page. Nothing is skipped. Only what truly varies from run to run is
masked, in both texts, before they are compared: timings (`Main took
0:00:00.123456`), addresses (0x7f...) and cache paths everywhere, and what
a block's own `mask REGEX` names (the seconds of a --compare table, a
profile's sample counts). tests/show/show_test.py (group Walkthrough)
checks that a changed quote makes --check fail; ctest runs --check itself
as show_walkthrough.
"""

import argparse
import difflib
import os
import re
import shlex
import shutil
import subprocess
import sys

DOCS = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(DOCS)
PAGES = [os.path.join(DOCS, "walkthrough.md"),
         os.path.join(DOCS, "vector_form.md"),
         os.path.join(DOCS, "binding.md")]
BLOCK = re.compile(r"(<!-- BEGIN (?P<spec>.*?) -->\n)```text\n(?P<body>.*?)"
                   r"```\n(<!-- END -->)", re.S)
# The checkout's directory, wherever it is, as the pages show it.
CHECKOUT = "/path/to/mandelc"
# What varies on every run, whatever the block: the tutorial's timing,
# addresses, and the compile cache's paths.
MASKS = [r"(?<=Main took )\d+:\d\d:\d\d(\.\d+)?",
         r"0x[0-9a-f]{8,}",
         r"/\S*/mandelc/[0-9a-f]{16,}\S*"]


def parse_spec(spec):
    parts = [p.strip() for p in spec.split(" | ")]
    opts = {"from": None, "lines": None, "grep": None, "stderr": False,
            "mask": [], "status": 0}
    for p in parts[1:]:
        key, _, value = p.partition(" ")
        if key == "stderr":
            opts[key] = True
        elif key in ("lines", "status"):
            opts[key] = int(value)
        elif key in ("from", "grep"):
            opts[key] = value
        elif key == "mask":
            opts["mask"].append(value)
        else:  # `volatile` is gone: no block escapes the check
            raise SystemExit(f"unknown block option {key!r} in {spec!r}")
    return parts[0], opts


def run_source(words):
    path, span = words[1], words[2]
    first, last = (int(x) for x in span.split("-"))
    with open(os.path.join(ROOT, path)) as f:
        lines = f.read().split("\n")[first - 1:last]
    return "\n".join(f"{n:3} {t}" for n, t in
                     enumerate(lines, first)).rstrip() + "\n"


def run_block(mandelc, command, opts):
    words = shlex.split(command)
    if words[0] == "source":
        return run_source(words)
    assert words[0] == "mandelc", command
    env = dict(os.environ, CUDA_VISIBLE_DEVICES="")
    r = subprocess.run([mandelc, *words[1:]], cwd=ROOT, capture_output=True,
                       text=True, timeout=600, env=env)
    if r.returncode != opts["status"]:
        raise SystemExit(f"`{command}` exited {r.returncode}, not "
                         f"{opts['status']}:\n{r.stderr}")
    text = r.stdout + r.stderr if opts["stderr"] else r.stdout
    # The checkout's place on disk (PTX names files by absolute path).
    text = text.replace(ROOT + "/", CHECKOUT + "/")
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


def masked(text, opts):
    for pattern in MASKS + opts["mask"]:
        text = re.sub(pattern, "<masked>", text)
    return text


def regenerate(text, mandelc):
    """The page with every block's output pasted, and the differences:
    (command, unified diff of the masked texts) for each block that
    changed."""
    stale = []

    def paste(m):
        command, opts = parse_spec(m.group("spec"))
        body = run_block(mandelc, command, opts)
        old, new = masked(m.group("body"), opts), masked(body, opts)
        if old != new:
            diff = difflib.unified_diff(old.splitlines(), new.splitlines(),
                                        "page", "mandelc", lineterm="", n=1)
            stale.append((command, "\n".join(diff)))
        return f"{m.group(1)}```text\n{body}```\n{m.group(4)}"

    return BLOCK.sub(paste, text), stale


def copy_screenshot(build):
    shot = os.path.join(build, "show", "annotate.png")
    if os.path.exists(shot):
        shutil.copyfile(shot, os.path.join(DOCS, "annotate.png"))
        print(f"copied {shot} to docs/annotate.png")
    else:
        print(f"no {shot}: run `ctest -R show_browser` to remake "
              f"docs/annotate.png")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mandelc", default=os.path.join(ROOT, "build",
                                                      "mandelc"))
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--doc", action="append",
                    help="a page to regenerate (default: the docs' pages)")
    args = ap.parse_args()
    mandelc = os.path.abspath(args.mandelc)
    failed, blocks = False, 0
    for page in args.doc or PAGES:
        with open(page) as f:
            text = f.read()
        if not BLOCK.search(text):
            raise SystemExit(f"no marked blocks in {page}")
        blocks += len(BLOCK.findall(text))
        new, stale = regenerate(text, mandelc)
        if args.check:
            for command, diff in stale:
                print(f"{page}: out of date: {command}\n{diff}\n")
            failed |= bool(stale)
        else:
            with open(page, "w") as f:
                f.write(new)
            print(f"wrote {page}")
    if args.check:
        if failed:
            print("run `python3 docs/make_walkthrough.py` and read the "
                  "changes")
            return 1
        print(f"the docs are up to date ({blocks} blocks)")
        return 0
    picture = os.path.join(DOCS, "mandelbrot.png")
    subprocess.run([mandelc, "examples/pure_python_2.py", "1200", "1000",
                    f"--image={picture}"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    print(f"wrote {picture}")
    copy_screenshot(args.build)
    return 0


if __name__ == "__main__":
    sys.exit(main())
