#!/usr/bin/env python3
"""cache_test.py - the compile cache, through mandelc's command line.

    python3 tests/cli/cache_test.py MANDELC [unittest arguments]

Every test runs mandelc with XDG_CACHE_HOME and HOME pointed at fresh
temporary directories (never the real home) and checks what issue 6
promises: a second run is a "hit" with the same validation sum; options
that change code get their own entries; a truncated entry, one with a
flipped byte and one with a foreign header are each detected, the run
still gives CPython's sum, and the entry is rewritten; --no-cache leaves
the cache untouched; an unwritable cache only warns (with -v); mandelc
processes racing on one cache all get the right answer. CPython's sums
(docs/language.md §2) are the expected values.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

MANDELC = None
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
KERNELS = os.path.join(ROOT, "tests", "cli", "kernels")
QUIET = os.path.join(KERNELS, "quiet.py")
HEADER_BYTES = 88  # runtime/cache.c's EntryHeader
SUM_200 = 36170    # CPython, pure_python_2.py 200 200
SUM_100 = 6502     # CPython, pure_python_2.py 100 30


class CacheTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="mandelc-cache-cli-")
        self.xdg = os.path.join(self.tmp, "xdg")
        self.home = os.path.join(self.tmp, "home")
        os.mkdir(self.home)
        self.dir = os.path.join(self.xdg, "mandelc")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def env(self, xdg=True):
        env = dict(os.environ, HOME=self.home)
        env.pop("XDG_CACHE_HOME", None)
        if xdg:
            env["XDG_CACHE_HOME"] = self.xdg
        return env

    def run_mandelc(self, *args, xdg=True, status=0):
        r = subprocess.run([MANDELC, *args], capture_output=True, text=True,
                           timeout=120, env=self.env(xdg))
        self.assertEqual(r.returncode, status, r.stderr)
        return r

    def run_json(self, *args, kernel=QUIET, size=("200", "200"), **kw):
        r = self.run_mandelc(kernel, *size, "--json", *args, **kw)
        return json.loads(r.stdout), r.stderr

    def entries(self, where=None):
        where = where or self.dir
        if not os.path.isdir(where):
            return []
        return sorted(os.path.join(where, n) for n in os.listdir(where))

    def read(self, path):
        with open(path, "rb") as f:
            return f.read()

    def write(self, path, data):
        with open(path, "wb") as f:
            f.write(data)

    # ---- hits and misses ---------------------------------------------------

    def test_second_run_is_a_hit_with_the_same_sum(self):
        first, _ = self.run_json()
        second, _ = self.run_json()
        self.assertEqual((first["cache"], first["sum"]), ("miss", SUM_200))
        self.assertEqual((second["cache"], second["sum"]), ("hit", SUM_200))
        self.assertEqual(len(self.entries()), 1)
        self.assertIsInstance(second["compile_seconds"], float)

    def test_cold_compiles_make_the_same_object(self):
        # Two caches filled by two cold compiles hold the same bytes: the
        # code a hit runs is the code a cold compile (--no-cache) runs.
        self.run_json()
        (first,) = self.entries()
        self.xdg = os.path.join(self.tmp, "xdg2")
        self.dir = os.path.join(self.xdg, "mandelc")
        self.run_json()
        (second,) = self.entries()
        self.assertEqual(os.path.basename(first), os.path.basename(second))
        self.assertEqual(self.read(first), self.read(second))

    def test_verbose_reports_hit_and_miss(self):
        r = self.run_mandelc(QUIET, "100", "30", "-v")
        self.assertIn("compile cache miss", r.stderr)
        r = self.run_mandelc(QUIET, "100", "30", "-v")
        self.assertIn("compile cache hit", r.stderr)
        self.assertIn("Total sum of elements (for validation): %d" % SUM_100,
                      r.stdout)

    def test_verbose_says_which_form_runs_on_a_hit_too(self):
        # A hit lowers nothing: the entry keeps what the lowering said.
        for args in ((), ("--simd=off",)):
            miss = self.run_mandelc(QUIET, "100", "30", "-v", *args)
            hit = self.run_mandelc(QUIET, "100", "30", "-v", *args)
            self.assertIn("compile cache hit", hit.stderr)
            said = [l for l in miss.stderr.splitlines() if "simd:" in l]
            self.assertEqual(len(said), 1, miss.stderr)
            self.assertEqual(
                [l for l in hit.stderr.splitlines() if "simd:" in l], said)
        self.assertIn("--simd=off", said[0])
        # ... and says it only with -v
        self.assertNotIn("simd:", self.run_mandelc(QUIET, "100", "30").stderr)
        # --json says it too, in "simd", on a miss and on a hit.
        name = "calculate_z_serial_purepython"
        for args in (("--no-cache",), (), ("--simd=off",)):
            obj, _ = self.run_json(*args, size=("100", "30"))
            self.assertEqual(obj["cache"],
                             "off" if "--no-cache" in args else "hit")
            self.assertRegex(obj["simd"], "^%s runs [0-9]+ lanes" % name
                             if "--simd=off" not in args else
                             "^not used for %s: --simd=off$" % name)

    def test_run_time_values_do_not_matter(self):
        self.run_json("--threads=2")
        for args in (("--threads=1",), ("--region=-2,0.5,-1,1",)):
            obj, _ = self.run_json(*args, size=("100", "30"))
            self.assertEqual(obj["cache"], "hit", args)
        self.assertEqual(len(self.entries()), 1)

    def test_code_options_get_their_own_entries(self):
        variants = ((), ("--simd=off",), ("--fast-math",),
                    ("--mcpu=x86-64-v2",), ("--mcpu=x86-64",))
        for args in variants:
            obj, _ = self.run_json(*args)
            self.assertEqual(obj["cache"], "miss", args)
        self.assertEqual(len(self.entries()), len(variants))
        for args in variants:
            obj, _ = self.run_json(*args)
            self.assertEqual(obj["cache"], "hit", args)
            if "--fast-math" not in args:
                self.assertEqual(obj["sum"], SUM_200, args)

    def test_changed_source_is_a_miss(self):
        kernel = os.path.join(self.tmp, "kernel.py")
        shutil.copy(QUIET, kernel)
        self.run_json(kernel=kernel)
        with open(kernel, "a") as f:
            f.write("# one more line\n")
        obj, _ = self.run_json(kernel=kernel)
        self.assertEqual((obj["cache"], obj["sum"]), ("miss", SUM_200))
        self.assertEqual(len(self.entries()), 2)

    def test_other_kernel_forms_hit_with_the_same_sums(self):
        for name in ("point.py", "grid.py"):
            kernel = os.path.join(KERNELS, name)
            first, _ = self.run_json(kernel=kernel)
            second, _ = self.run_json(kernel=kernel)
            self.assertEqual(first["cache"], "miss", name)
            self.assertEqual(second["cache"], "hit", name)
            self.assertEqual(first["sum"], second["sum"], name)

    def test_kernel_errors_are_the_same_on_a_hit(self):
        kernel = os.path.join(KERNELS, "div_zero.py")
        first = self.run_mandelc(kernel, "100", "30", status=3)
        second = self.run_mandelc(kernel, "100", "30", "-v", status=3)
        self.assertIn("compile cache hit", second.stderr)
        self.assertIn("ZeroDivisionError", first.stderr)
        self.assertEqual(first.stderr.splitlines()[-1],
                         second.stderr.splitlines()[-1])

    # ---- damaged entries -----------------------------------------------------

    def check_rebuilt(self, damage):
        """Damages the one entry; the next run must refuse it, give the
        right sum, and leave a whole entry that the run after hits."""
        self.run_json()
        (entry,) = self.entries()
        good = self.read(entry)
        bad = damage(good)
        self.assertNotEqual(bad, good)
        self.write(entry, bad)
        r = self.run_mandelc(QUIET, "200", "200", "--json", "-v")
        obj = json.loads(r.stdout)
        self.assertEqual((obj["cache"], obj["sum"]), ("miss", SUM_200))
        self.assertIn("rebuilding", r.stderr)
        self.assertEqual(self.entries(), [entry])
        self.assertEqual(len(self.read(entry)), len(good))
        self.assertNotEqual(self.read(entry), bad)
        obj, _ = self.run_json()
        self.assertEqual((obj["cache"], obj["sum"]), ("hit", SUM_200))

    def test_truncated_entry_is_rebuilt(self):
        self.check_rebuilt(lambda b: b[:len(b) // 2])

    def test_entry_with_a_flipped_byte_is_rebuilt(self):
        mid = HEADER_BYTES + 100  # inside the object
        self.check_rebuilt(lambda b: b[:mid] + bytes([b[mid] ^ 0x01]) +
                           b[mid + 1:])

    def test_entry_with_a_flipped_last_byte_is_rebuilt(self):
        self.check_rebuilt(lambda b: b[:-1] + bytes([b[-1] ^ 0x80]))

    def test_entry_with_a_foreign_header_is_rebuilt(self):
        # A bare ELF object where the header should be.
        self.check_rebuilt(lambda b: b"\x7fELF\x02\x01\x01\x00" + b[8:])

    def test_empty_entry_is_rebuilt(self):
        self.check_rebuilt(lambda b: b"")

    # ---- where the cache is, and when it is not ------------------------------

    def test_no_cache_leaves_an_empty_cache_absent(self):
        obj, _ = self.run_json("--no-cache")
        self.assertEqual((obj["cache"], obj["sum"]), ("off", SUM_200))
        self.assertFalse(os.path.exists(self.xdg))

    def test_no_cache_leaves_entries_untouched(self):
        self.run_json()
        (entry,) = self.entries()
        before = (self.read(entry), os.stat(entry).st_mtime_ns)
        self.write(entry, before[0][:10])  # even a damaged one stays
        damaged = (self.read(entry), os.stat(entry).st_mtime_ns)
        obj, _ = self.run_json("--no-cache")
        self.assertEqual((obj["cache"], obj["sum"]), ("off", SUM_200))
        self.assertEqual(self.entries(), [entry])
        self.assertEqual((self.read(entry), os.stat(entry).st_mtime_ns),
                         damaged)

    def test_xdg_cache_home_is_respected(self):
        self.run_json()
        self.assertEqual(len(self.entries()), 1)
        self.assertEqual(os.listdir(self.home), [])

    def test_without_xdg_the_cache_is_in_home(self):
        self.run_json(xdg=False)
        obj, _ = self.run_json(xdg=False)
        self.assertEqual(obj["cache"], "hit")
        where = os.path.join(self.home, ".cache", "mandelc")
        self.assertEqual(len(self.entries(where)), 1)
        self.assertFalse(os.path.exists(self.xdg))

    def test_unwritable_cache_warns_only_with_verbose(self):
        os.makedirs(self.xdg)
        self.write(self.dir, b"a file where the directory should be")
        obj, err = self.run_json()
        self.assertEqual((obj["cache"], obj["sum"]), ("miss", SUM_200))
        self.assertEqual(err, "")
        r = self.run_mandelc(QUIET, "200", "200", "-v")
        self.assertIn("warning: compile cache", r.stderr)
        self.assertIn("Total sum of elements (for validation): %d" % SUM_200,
                      r.stdout)

    def test_emit_stages_do_not_use_the_cache(self):
        self.run_mandelc(QUIET, "--emit=llvm")
        self.run_mandelc(QUIET, "--emit=asm")
        self.assertFalse(os.path.exists(self.xdg))

    def test_concurrent_processes_share_the_cache_safely(self):
        def start():
            return subprocess.Popen(
                [MANDELC, QUIET, "200", "200", "--json"],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                env=self.env())
        for _ in range(2):  # the first round races to write, then to read
            procs = [start() for _ in range(6)]
            for p in procs:
                out, err = p.communicate(timeout=120)
                self.assertEqual(p.returncode, 0, err)
                self.assertEqual(json.loads(out)["sum"], SUM_200)
        self.assertEqual(len(self.entries()), 1)  # no temporary files left
        obj, _ = self.run_json()
        self.assertEqual(obj["cache"], "hit")


def main():
    global MANDELC
    if len(sys.argv) < 2:
        sys.exit("usage: cache_test.py MANDELC [unittest arguments]")
    MANDELC = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)


if __name__ == "__main__":
    main()
