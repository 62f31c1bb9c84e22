#!/usr/bin/env python3
"""bench_test.py - bench/RESULTS.md holds only what the scripts write.

    python3 tests/bench/bench_test.py MANDELC [unittest arguments]

bench/RESULTS.md is appended to by the benchmark scripts alone; analysis
and hand-made measurements live in bench/ANALYSIS.md. Checks that every
section of RESULTS.md is one a script writes (its heading, its fixed
text, then its table, and nothing after it), and that bench_llvm.sh
--no-record prints its table and leaves RESULTS.md as it was.
"""

import hashlib
import os
import re
import subprocess
import sys
import unittest

MANDELC = None
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
RESULTS = os.path.join(ROOT, "bench", "RESULTS.md")
# The headings the scripts write: bench_llvm.sh and bench_cuda.sh, dated
# with the machine; the others (peers.sh, bench_binding.sh, mpi.sh) named.
HEADING = re.compile(r"^### ([a-z_]+\.sh: )?\d{4}-\d\d-\d\d \d\d:\d\d UTC, ")


def sections(text):
    """(heading, lines after it) for each `#`-heading of text."""
    out, cur = [], None
    for line in text.split("\n"):
        if line.startswith("#"):
            cur = (line, [])
            out.append(cur)
        elif cur:
            cur[1].append(line)
    return out


class Results(unittest.TestCase):
    def test_every_section_is_a_script_s(self):
        with open(RESULTS) as f:
            secs = sections(f.read())
        self.assertEqual(secs[0][0], "# Benchmark results")
        self.assertTrue(len(secs) > 1)
        for heading, body in secs[1:]:
            with self.subTest(heading=heading):
                self.assertRegex(heading, HEADING)
                text = [t for t in body if t.strip()]
                # a script's section ends with its table (or, peers.sh,
                # the line of its figures): no paragraph after it
                last = text[-1]
                self.assertTrue(last.startswith("|") or
                                last.startswith("!["), last)
                self.assertTrue(any(t.startswith("|") for t in text))

    def test_no_record_leaves_results_alone(self):
        with open(RESULTS, "rb") as f:
            before = hashlib.sha256(f.read()).hexdigest()
        r = subprocess.run(["bash", os.path.join(ROOT, "bench",
                                                 "bench_llvm.sh"),
                            "60", "20", "--no-record"],
                           capture_output=True, text=True, timeout=300,
                           env=dict(os.environ, MANDELC=MANDELC))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertRegex(r.stdout, r"\| 1 \| mandelc --target=llvm \| ")
        self.assertIn("--no-record", r.stdout)
        with open(RESULTS, "rb") as f:
            self.assertEqual(hashlib.sha256(f.read()).hexdigest(), before)

    def test_unknown_option_is_refused(self):
        r = subprocess.run(["bash", os.path.join(ROOT, "bench",
                                                 "bench_llvm.sh"), "--nope"],
                           capture_output=True, text=True, timeout=60)
        self.assertEqual(r.returncode, 2)


if __name__ == "__main__":
    MANDELC = os.path.abspath(sys.argv.pop(1))
    unittest.main()
