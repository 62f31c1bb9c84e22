#!/usr/bin/env python3
"""cli_test.py - mandelc's command line: exit codes, output, options.

    python3 tests/cli/cli_test.py MANDELC [unittest arguments, e.g. -k Usage]

Runs the mandelc binary as a user would and checks what docs/language.md
§1 promises:
exit status 2 for every kind of bad command line, the tutorial's three
lines on stdout and nothing else, -v and --compare on stderr, --json as
one JSON object, the same sum for any --threads, --image as a PNG of the
grid's size (decoded here with zlib and struct only), --emit printing each
stage, exit 3 with `FILE:LINE: Error: msg` for a kernel's error, exit 4 for
an unavailable target. CPython's sums (docs/language.md §2) are the
expected values.
"""

import ctypes
import json
import os
import pty
import re
import signal
import struct
import subprocess
import sys
import tempfile
import unittest
import zlib

MANDELC = None
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
KERNELS = os.path.join(ROOT, "tests", "cli", "kernels")
EXAMPLE = os.path.join(KERNELS, "quiet.py")

# CPython's validation sums of the tutorial's kernel (docs/language.md §2).
SUMS = {(100, 30): 6502, (200, 200): 36170, (300, 100): 75014}


def mandelc(*args, timeout=120, **kw):
    return subprocess.run([MANDELC, *args], capture_output=True, text=True,
                          timeout=timeout, **kw)


def has_gpu():
    """True when libcuda loads and reports a device (as launch.c would)."""
    try:
        cuda = ctypes.CDLL("libcuda.so.1")
        count = ctypes.c_int(0)
        return (cuda.cuInit(0) == 0 and
                cuda.cuDeviceGetCount(ctypes.byref(count)) == 0 and
                count.value > 0)
    except OSError:
        return False


def kernel(name):
    return os.path.join(KERNELS, name)


def grid_size(w, x1=-2.13, x2=0.77, y1=-1.3, y2=1.3):
    """len(x), len(y) exactly as calc_pure_python computes them."""
    x_step = (float(x2 - x1) / float(w)) * 2
    y_step = (float(y1 - y2) / float(w)) * 2
    nx, v = 0, x1
    while v < x2:
        nx, v = nx + 1, v + x_step
    ny, v = 0, y2
    while v > y1:
        ny, v = ny + 1, v + y_step
    return nx, ny


def cpu_has(flag):
    """True when /proc/cpuinfo lists the x86 feature flag."""
    try:
        with open("/proc/cpuinfo") as f:
            return any(l.startswith("flags") and flag in l.split()
                       for l in f)
    except OSError:
        return False


def julia_sum(w, maxiter, c=-0.8 + 0.156j):
    """CPython's sum of examples/julia.py over calc_pure_python's grid."""
    x1, x2, y1, y2 = -2.13, 0.77, -1.3, 1.3
    x_step = (float(x2 - x1) / float(w)) * 2
    y_step = (float(y1 - y2) / float(w)) * 2
    xs, ys, v = [], [], x1
    while v < x2:
        xs.append(v)
        v += x_step
    v = y2
    while v > y1:
        ys.append(v)
        v += y_step
    total = 0
    for y in ys:
        for x in xs:
            z = complex(x, y)
            for n in range(maxiter):
                z = z * z + c
                if abs(z) > 2.0:
                    total += n
                    break
    return total


THREE_LINES = re.compile(
    r"Total elements: (\d+)\n"
    r"Main took \d+:\d\d:\d\d(\.\d{6})?\n"
    r"Total sum of elements \(for validation\): (-?\d+)\n\Z")


class Usage(unittest.TestCase):
    """Bad command lines exit 2 with a message and a hint on stderr."""

    def assert_usage_error(self, *args, message=None, hint=True):
        r = mandelc(*args)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertEqual(r.stdout, "")
        self.assertIn("mandelc: error:", r.stderr)
        if hint:  # a bad command line, not a bad file, gets the hint
            self.assertIn("--help", r.stderr)
        if message:
            self.assertIn(message, r.stderr)

    def test_help_lists_only_working_options(self):
        r = mandelc("--help")
        self.assertEqual(r.returncode, 0)
        self.assertIn("usage: mandelc KERNEL.py [W [MAXITER]]", r.stdout)
        for opt in ("--target=", "--kernel=", "--emit=", "--image=",
                    "--compare", "--threads=", "--precision=",
                    "--fast-math", "--region=", "--json", "--timeout=",
                    "--version", "--annotate="):
            self.assertIn(opt, r.stdout)
        self.assertEqual(mandelc("-h").stdout, r.stdout)

    def test_version(self):
        r = mandelc("--version")
        self.assertEqual(r.returncode, 0)
        self.assertRegex(r.stdout, r"^mandelc \d+\.\d+\.\d+\n")

    def test_no_arguments(self):
        self.assert_usage_error(message="no kernel file")

    def test_unknown_option(self):
        self.assert_usage_error(EXAMPLE, "--frobnicate",
                                message="unknown option '--frobnicate'")

    def test_missing_file(self):
        self.assert_usage_error(os.path.join(KERNELS, "no_such_file.py"),
                                message="cannot open", hint=False)

    def test_directory_as_file(self):
        self.assert_usage_error(KERNELS, hint=False)

    def test_bad_w(self):
        for w in ("0", "-5", "abc", "12x", "100001", "", "1e3"):
            with self.subTest(w=w):
                self.assert_usage_error(EXAMPLE, w, message="W must be")

    def test_negative_maxiter(self):
        self.assert_usage_error(EXAMPLE, "100", "-1",
                                message="MAXITER must be")

    def test_too_many_arguments(self):
        self.assert_usage_error(EXAMPLE, "100", "30", "7",
                                message="unexpected argument")

    def test_bad_option_values(self):
        for arg in ("--threads=0", "--threads=x", "--target=gpu",
                    "--emit=bytecode", "--precision=float16",
                    "--region=1,2,3", "--region=2,1,0,1",
                    "--region=a,b,c,d", "--timeout=0", "--timeout=nan",
                    "--simd=maybe", "--threads", "--mcpu=pentium9",
                    "--mcpu=", "--mcpu"):
            with self.subTest(arg=arg):
                self.assert_usage_error(EXAMPLE, "100", "30", arg)


class Output(unittest.TestCase):
    """stdout carries the tutorial's three lines and nothing else."""

    def run_ok(self, *args):
        r = mandelc(*args)
        self.assertEqual(r.returncode, 0, r.stderr)
        return r

    def test_three_lines_and_cpython_sums(self):
        for (w, m), want in SUMS.items():
            with self.subTest(w=w, maxiter=m):
                r = self.run_ok(EXAMPLE, str(w), str(m))
                got = THREE_LINES.match(r.stdout)
                self.assertIsNotNone(got, r.stdout)
                nx, ny = grid_size(w)
                self.assertEqual(int(got.group(1)), nx * ny)
                self.assertEqual(int(got.group(3)), want)
                self.assertEqual(r.stderr, "")

    def test_same_sum_for_any_thread_count(self):
        sums = set()
        for t in ("1", "2", "3", "7"):
            r = self.run_ok(EXAMPLE, "200", "200", "--threads=" + t)
            sums.add(THREE_LINES.match(r.stdout).group(3))
        self.assertEqual(sums, {"36170"})

    def test_verbose_goes_to_stderr(self):
        r = self.run_ok(EXAMPLE, "100", "30", "-v")
        self.assertIsNotNone(THREE_LINES.match(r.stdout), r.stdout)
        self.assertIn("target llvm", r.stderr)
        self.assertIn("threads", r.stderr)

    def test_json_is_one_object(self):
        r = self.run_ok(EXAMPLE, "200", "200", "--json", "--threads=2")
        obj = json.loads(r.stdout)
        self.assertEqual(obj["sum"], 36170)
        self.assertEqual(obj["elements"], 101 * 100)
        self.assertEqual(obj["target"], "llvm")
        self.assertEqual(obj["threads"], 2)
        self.assertEqual(obj["kernel"], "calculate_z_serial_purepython")
        self.assertEqual(obj["form"], "list")
        self.assertEqual((obj["width"], obj["height"]), grid_size(200))
        self.assertEqual(obj["maxiter"], 200)
        for key in ("main_seconds", "compile_seconds"):
            self.assertIsInstance(obj[key], float)

    def test_kernel_prints_between_first_lines(self):
        r = self.run_ok(kernel("prints.py"), "100", "30", "--threads=2")
        lines = r.stdout.splitlines()
        self.assertEqual(lines[0], "Total elements: 2500")
        self.assertEqual(lines[1], "kernel starts with 2500 points")
        self.assertEqual(lines[2], "100.00% complete")
        self.assertTrue(lines[3].startswith("Main took "))
        self.assertEqual(lines[4],
                         "Total sum of elements (for validation): 2500")
        self.assertEqual(len(lines), 5)

    def test_compare_table_on_stderr(self):
        r = self.run_ok(EXAMPLE, "200", "200", "--compare")
        self.assertIsNotNone(THREE_LINES.match(r.stdout), r.stdout)
        rows = [l for l in r.stderr.splitlines() if l.startswith("C ")]
        self.assertTrue(rows[0].startswith("C complex, cabs"), r.stderr)
        for row in rows:  # a row in the table computed the same thing
            self.assertIn(" 36170 ", row)  # CPython's sum
        if cpu_has("avx512f") or cpu_has("avx2"):  # the hand SIMD kernel
            self.assertTrue(any(" by hand " in l for l in rows), r.stderr)

    def test_compare_leaves_out_other_computations(self):
        # julia.py computes a Julia set: the hand-written Mandelbrot
        # kernels compute CPython's tutorial sum, not this one, so no
        # row of the table may compare their time with it.
        julia = os.path.join(ROOT, "examples", "julia.py")
        want = julia_sum(100, 30)
        self.assertNotEqual(want, SUMS[(100, 30)])
        r = self.run_ok(julia, "100", "30", "--compare")
        self.assertEqual(int(THREE_LINES.match(r.stdout).group(3)), want)
        lines = r.stderr.splitlines()
        table = lines[1:[l.startswith("left out: ")
                         for l in lines].index(True)]
        self.assertEqual([l.split()[0] for l in table],
                         ["mandelc", "generated"], r.stderr)
        for row in table:
            self.assertEqual(int(row.split()[-2]), want, row)
        out = [l for l in lines if l.startswith("left out: ")]
        self.assertGreaterEqual(len(out), 2, r.stderr)
        for l in out:
            self.assertIn("its sum %d is not the kernel's %d"
                          % (SUMS[(100, 30)], want), l)
        obj = json.loads(mandelc(julia, "100", "30", "--compare",
                                 "--json").stdout)
        self.assertEqual([row["sum"] for row in obj["compare"]], [want])
        self.assertEqual(len(obj["left_out"]), len(out))
        for row in obj["left_out"]:
            self.assertEqual(row["sum"], SUMS[(100, 30)])
            self.assertIn("computes something else", row["reason"])

    def test_region(self):
        r = self.run_ok(EXAMPLE, "100", "30", "--json",
                        "--region=-1,1,-1,1")
        obj = json.loads(r.stdout)
        self.assertEqual((obj["width"], obj["height"]),
                         grid_size(100, -1.0, 1.0, -1.0, 1.0))

    def test_accepted_switches(self):
        for args in (["--simd=off"], ["--simd=on"], ["--fast-math"],
                     ["--precision=float64"], ["--kernel=calculate_z_"
                                               "serial_purepython"]):
            with self.subTest(args=args):
                r = self.run_ok(EXAMPLE, "100", "30", *args)
                self.assertIsNotNone(THREE_LINES.match(r.stdout), r.stdout)

    def test_closed_stdout_ends_quietly(self):
        p = subprocess.Popen([MANDELC, EXAMPLE, "100", "30"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        p.stdout.close()  # every write now fails with EPIPE
        _, err = p.communicate(timeout=60)
        # as SIGPIPE ends other tools: no message, no crash
        self.assertEqual(p.returncode, -signal.SIGPIPE, err)
        self.assertEqual(err, b"")

# A value for each option that takes one (the two forms of each must give
# the same result). An option added to mandelc needs its row here.
VALUE_SAMPLES = {
    "target": "cuda", "kernel": "calculate_z_serial_purepython",
    "emit": "tokens", "annotate": "/nonexistent/a.html",
    "image": "/nonexistent/m.png", "threads": "2", "precision": "float64",
    "simd": "off", "mcpu": "x86-64-v2", "region": "-1,1,-1,1",
    "diagnostics-format": "sarif",
    "timeout": "60", "output": "/nonexistent/out.txt",
    "header": "/nonexistent/k.h", "bind": "points=q,maxiter=maxiter,start=z",
    "julia": "-0.8+0.156j",
}


def help_options():
    """{name: value name or ""} of the options --help lists."""
    out = mandelc("--help").stdout
    return {m.group(2): m.group(3) or "" for m in re.finditer(
        r"^  (-\w, |    )--([\w-]+)(?:=(\S+))?", out, re.M)}


class CommandLine(unittest.TestCase):
    """Options as people type them (issue 16 section 4)."""

    def same(self, a, b):
        ra, rb = mandelc(*a), mandelc(*b)
        self.assertEqual((ra.returncode, ra.stdout, ra.stderr),
                         (rb.returncode, rb.stdout, rb.stderr), (a, b))
        return ra

    def test_every_value_as_next_argument(self):
        opts = help_options()
        self.assertIn("threads", opts)
        for name, value in opts.items():
            if not value:
                continue
            with self.subTest(option=name):
                self.assertIn(name, VALUE_SAMPLES,
                              "add a sample value for --%s" % name)
                v = VALUE_SAMPLES[name]
                base = [EXAMPLE, "100", "30"]
                if name != "emit":
                    base.append("--emit=types")
                r = self.same(base + ["--%s=%s" % (name, v)],
                              base + ["--" + name, v])
                self.assertNotIn("unknown option", r.stderr)

    def test_flags_take_no_value(self):
        for name, value in help_options().items():
            if value or name in ("help", "version"):
                continue
            with self.subTest(option=name):
                r = mandelc(EXAMPLE, "--%s=1" % name)
                self.assertEqual(r.returncode, 2, r.stderr)
                self.assertIn("takes no value", r.stderr)

    def test_short_forms(self):
        r = mandelc(EXAMPLE, "100", "30", "--json", "-j", "2")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(json.loads(r.stdout)["threads"], 2)
        self.same([EXAMPLE, "100", "30", "--emit=types", "-j2"],
                  [EXAMPLE, "100", "30", "--emit=types", "-j", "2"])
        r = mandelc(EXAMPLE, "100", "30", "-vj1", "--json")  # bundled
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(json.loads(r.stdout)["threads"], 1)
        self.assertIn("target llvm", r.stderr)
        self.assertEqual(mandelc("-vh").stdout, mandelc("--help").stdout)

    def test_missing_value(self):
        for args in (["--threads"], ["-j"], ["--emit"]):
            with self.subTest(args=args):
                r = mandelc(EXAMPLE, *args)
                self.assertEqual(r.returncode, 2, r.stderr)
                self.assertIn("needs a value", r.stderr)

    def test_nearest_option_suggested(self):
        for arg, near in (("--threds=2", "'--threads'"),
                          ("--thread", "'--threads'"),
                          ("--jsno", "'--json'"),
                          ("--emit=lvm", "'llvm'"),
                          ("--emit=tokes", "'tokens'"),
                          ("--target=cdua", "'cuda'"),
                          ("--simd=of", "'off'")):
            with self.subTest(arg=arg):
                r = mandelc(EXAMPLE, arg)
                self.assertEqual(r.returncode, 2, r.stderr)
                self.assertIn("did you mean " + near, r.stderr)
        r = mandelc(EXAMPLE, "--frobnicate")
        self.assertNotIn("did you mean", r.stderr)

    def test_option_for_the_other_target(self):
        r = mandelc(EXAMPLE, "100", "30", "--precision=float32")
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn("--precision=float32 is for --target=cuda", r.stderr)
        r = mandelc(EXAMPLE, "--emit=ptx", "--target=llvm")
        self.assertEqual(r.returncode, 2, r.stderr)
        r = mandelc(EXAMPLE, "--emit=cuda", "--simd=off", "--no-cache")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("warning: --simd does nothing with --target=cuda",
                      r.stderr)
        self.assertIn("warning: --no-cache does nothing", r.stderr)

    def test_run_options_with_emit_warn(self):
        r = mandelc(EXAMPLE, "--emit=types", "--image=m.png", "--compare")
        self.assertEqual(r.returncode, 0, r.stderr)
        for name in ("--image", "--compare"):
            self.assertIn("warning: %s does nothing with --emit=types" % name,
                          r.stderr)
        r = mandelc(EXAMPLE, "100", "30")
        self.assertEqual(r.stderr, "")  # no warning where all applies

    def test_output_files(self):
        with tempfile.TemporaryDirectory() as d:
            ll, h = os.path.join(d, "k.ll"), os.path.join(d, "k.h")
            r = mandelc(EXAMPLE, "--emit=llvm", "-o", ll)
            self.assertEqual((r.returncode, r.stdout), (0, ""), r.stderr)
            with open(ll) as f:
                self.assertIn("define", f.read())
            r = mandelc(EXAMPLE, "-H", h)  # alone: the header only
            self.assertEqual((r.returncode, r.stdout), (0, ""), r.stderr)
            with open(h) as f:
                self.assertIn("mandelc_list *calculate_z_serial_purepython("
                              "mandelc_context *ctx", f.read())
            self.assertEqual(mandelc(EXAMPLE, "--emit=header").stdout,
                             open(h).read().replace("k.h", "kernel.h")
                             .replace("K_H_", "KERNEL_H_"))
            # ELF type: 1 relocatable object, 3 shared library.
            for name, etype in (("k.o", 1), ("libk.so", 3)):
                path = os.path.join(d, name)
                r = mandelc(EXAMPLE, "-o", path)
                self.assertEqual(r.returncode, 0, r.stderr)
                with open(path, "rb") as f:
                    head = f.read(18)
                self.assertEqual(head[:4], b"\x7fELF")
                self.assertEqual(struct.unpack("<H", head[16:18])[0], etype)
            r = subprocess.run([MANDELC, EXAMPLE, "--emit=obj"],
                               capture_output=True, timeout=120)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(r.stdout[:4], b"\x7fELF")
        # --mcpu: x86-64 code has no AVX registers, x86-64-v3's has some.
        with tempfile.TemporaryDirectory() as d:
            for cpu, avx in (("x86-64", False), ("x86-64-v3", True)):
                path = os.path.join(d, cpu + ".o")
                r = mandelc(EXAMPLE, "--mcpu=" + cpu, "-o", path)
                self.assertEqual(r.returncode, 0, r.stderr)
                asm = subprocess.run(["objdump", "-d", path],
                                     capture_output=True, text=True).stdout
                self.assertEqual(bool(re.search(r"%[yz]mm", asm)), avx, cpu)
        # An object file is not for a terminal.
        master, slave = pty.openpty()
        p = subprocess.run([MANDELC, EXAMPLE, "--emit=obj"], stdout=slave,
                           stderr=subprocess.PIPE, text=True, timeout=120)
        os.close(slave)
        os.close(master)
        self.assertEqual(p.returncode, 2)
        self.assertIn("give -o FILE.o or redirect stdout", p.stderr)
        r = mandelc(EXAMPLE, "-o", "k.o", "--target=cuda")
        self.assertEqual(r.returncode, 2)
        self.assertIn("--emit=obj is a stage of --target=llvm", r.stderr)

    def test_help_fits_80_columns(self):
        for line in mandelc("--help").stdout.splitlines():
            self.assertLessEqual(len(line), 80, line)

    def test_closed_pipe_is_quiet(self):
        r = subprocess.run(["sh", "-c", '"$0" "$1" --emit=llvm | head -1',
                            MANDELC, EXAMPLE], capture_output=True,
                           text=True, timeout=120)
        self.assertEqual(r.stderr, "")
        self.assertEqual(len(r.stdout.splitlines()), 1)


class Structured(unittest.TestCase):
    """--json errors and --diagnostics-format=sarif."""

    def text_diagnostic(self, path):
        """file, line, column, message of the text diagnostic."""
        r = mandelc(path)
        m = re.match(r"(.*):(\d+):(\d+): error: (.*)", r.stderr)
        self.assertIsNotNone(m, r.stderr)
        return r.returncode, m.group(1), int(m.group(2)), int(m.group(3)), \
            m.group(4)

    def test_compile_error_as_json(self):
        path = kernel("syntax_error.py")
        rc, f, line, col, msg = self.text_diagnostic(path)
        r = mandelc(path, "--json")
        self.assertEqual(r.returncode, rc)
        self.assertEqual(json.loads(r.stdout), {"error": {
            "kind": "compile", "name": "CompileError", "message": msg,
            "file": f, "line": line, "column": col}})

    def test_exception_as_json(self):
        path = kernel("div_zero.py")
        text = mandelc(path, "100", "30")
        m = re.search(r":(\d+): (\w+): (.*)", text.stderr)
        r = mandelc(path, "100", "30", "--json")
        self.assertEqual(r.returncode, 3)
        self.assertEqual(json.loads(r.stdout), {"error": {
            "kind": "exception", "name": m.group(2), "message": m.group(3),
            "file": path, "line": int(m.group(1)), "column": None}})

    def test_timeout_as_json(self):
        r = mandelc(kernel("forever.py"), "10", "10", "--json",
                    "--timeout=0.5")
        self.assertEqual(r.returncode, 3)
        err = json.loads(r.stdout)["error"]
        self.assertEqual((err["kind"], err["name"]),
                         ("exception", "TimeoutError"))

    def test_sarif(self):
        path = kernel("syntax_error.py")
        rc, f, line, col, msg = self.text_diagnostic(path)
        r = mandelc(path, "--diagnostics-format=sarif")
        self.assertEqual(r.returncode, rc)
        log = json.loads(r.stderr)
        self.assertEqual(log["version"], "2.1.0")
        run, = log["runs"]
        self.assertEqual(run["tool"]["driver"]["name"], "mandelc")
        res = run["results"][0]
        self.assertEqual((res["level"], res["message"]["text"]),
                         ("error", msg))
        loc = res["locations"][0]["physicalLocation"]
        self.assertEqual(loc["artifactLocation"]["uri"], f)
        self.assertEqual(loc["region"], {"startLine": line,
                                         "startColumn": col})
        ok = mandelc(EXAMPLE, "100", "30", "--diagnostics-format=sarif")
        self.assertEqual(ok.returncode, 0)
        self.assertEqual(json.loads(ok.stderr)["runs"][0]["results"], [])


class Forms(unittest.TestCase):
    """The grid and point forms give pure_python_2's sums too."""

    def test_forms_agree(self):
        for name in ("grid.py", "point.py"):
            for t in ("1", "2"):
                with self.subTest(kernel=name, threads=t):
                    r = mandelc(kernel(name),
                                "200", "200", "--threads=" + t)
                    self.assertEqual(r.returncode, 0, r.stderr)
                    self.assertEqual(
                        THREE_LINES.match(r.stdout).group(3), "36170")


BINDING = os.path.join(ROOT, "tests", "kernels", "binding")
REFDRIVER = os.path.join(ROOT, "tests", "refdriver.py")


def oracle(*args):
    """tests/refdriver.py (CPython) with these arguments."""
    return subprocess.run([sys.executable, REFDRIVER, *args],
                          capture_output=True, text=True, timeout=120)


class Binding(unittest.TestCase):
    """docs/language.md 3: ambiguity, --bind, --julia, the -v line."""

    AMBIGUOUS = os.path.join(BINDING, "ambiguous_lists.py")

    def test_ambiguity_names_the_bind_that_would_choose(self):
        r = mandelc(self.AMBIGUOUS, "100", "30")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("'a' and 'b' are both list and no name says which "
                      "holds the grid points and which the starting values; "
                      "choose with --bind=points=a,start=b or "
                      "--bind=points=b,start=a (or --kernel=kernel, which "
                      "binds by position)", r.stderr)
        for choice in ("--bind=points=a,start=b", "--bind=points=b,start=a",
                       "--kernel=kernel"):
            with self.subTest(choice=choice):
                r = mandelc(self.AMBIGUOUS, "100", "30", choice)
                want = oracle(self.AMBIGUOUS, "100", "30", choice)
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertEqual(THREE_LINES.match(r.stdout).group(3),
                                 THREE_LINES.match(want.stdout).group(3))

    def test_bad_bind_is_exit_2_naming_the_option(self):
        cases = {
            "--bind=points=nope": "--bind: 'kernel' has no parameter 'nope'",
            "--bind=points=a,points=b": "--bind: the role points is given "
                                        "twice",
            "--bind=maxiter=a": "--bind: 'a' (list) cannot take the role "
                                "maxiter",
            "--bind=colour=a": "--bind: unknown role 'colour'",
            "--bind=a": "--bind: 'a' is not ROLE=PARAM",
        }
        for opt, text in cases.items():
            with self.subTest(opt=opt):
                r = mandelc(self.AMBIGUOUS, "100", "30", opt)
                self.assertEqual(r.returncode, 2, r.stderr)
                self.assertIn("mandelc: error: " + text, r.stderr)
                self.assertEqual(r.stdout, "")
                self.assertEqual(oracle(self.AMBIGUOUS, opt).returncode, 2)

    def test_julia_gives_cpythons_sums(self):
        region = "--region=-1.8,1.8,-1.8,1.8"
        for name, c in (("julia_book.py", "-0.62772-0.42193j"),
                        ("julia_output.py", "-0.8+0.156j"),
                        ("chunk.py", "(0.285+0.01j)"),
                        ("book_zs_cs.py", "-0.4+0.6j")):
            with self.subTest(kernel=name, c=c):
                path = os.path.join(BINDING, name)
                args = (path, "120", "50", "--julia=" + c, region)
                r = mandelc(*args)
                want = oracle(*args)
                self.assertEqual(want.returncode, 0, want.stderr)
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertEqual(THREE_LINES.match(r.stdout).group(3),
                                 THREE_LINES.match(want.stdout).group(3))

    def test_bad_julia_is_exit_2(self):
        point = os.path.join(BINDING, "c_max_iter.py")
        book = os.path.join(BINDING, "book_zs_cs.py")
        cases = [((point, "--julia=-0.8"), "--julia: 'mandelbrot' takes no "
                  "starting values z"),
                 ((book, "--julia=1+2"), "--julia needs a complex number"),
                 ((book, "--julia=x"), "--julia needs a complex number")]
        for args, text in cases:
            with self.subTest(args=args):
                r = mandelc(*args)
                self.assertEqual(r.returncode, 2, r.stderr)
                self.assertIn(text, r.stderr)

    def test_verbose_and_json_say_the_binding_on_a_cache_hit_too(self):
        book = os.path.join(BINDING, "book_zs_cs.py")
        line = ("mandelc: binding: maxiter <- MAXITER, zs <- z (start), "
                "cs <- q (points)")
        with tempfile.TemporaryDirectory() as cache:
            env = dict(os.environ, XDG_CACHE_HOME=cache)
            for state in ("miss", "hit"):
                with self.subTest(cache=state):
                    r = mandelc(book, "100", "30", "-v", env=env)
                    self.assertEqual(r.returncode, 0, r.stderr)
                    self.assertIn("compile cache %s" % state, r.stderr)
                    self.assertIn(line, r.stderr.splitlines())
                    r = mandelc(book, "100", "30", "--json", env=env)
                    self.assertEqual(json.loads(r.stdout)["binding"],
                                     line[len("mandelc: binding: "):])

    def test_new_shapes_keep_the_parallel_and_vector_paths(self):
        for name, paths in (("book_zs_cs.py", ("parallel", "lanes")),
                            ("output_arg.py", ("parallel", "lanes")),
                            ("q_maxiter.py", ("parallel", "lanes")),
                            ("chunk.py", ("parallel", "lanes")),
                            ("tuple_param.py", ("parallel", "lanes")),
                            ("numba_xy.py", ("lanes",)),
                            ("re_im.py", ("lanes",)),
                            ("julia_fixed.py", ("lanes",))):
            with self.subTest(kernel=name):
                r = mandelc(os.path.join(BINDING, name), "100", "30", "-v",
                            "--no-cache")
                self.assertEqual(r.returncode, 0, r.stderr)
                if "parallel" in paths:
                    self.assertIn("the outer loop runs in parallel",
                                  r.stderr)
                self.assertRegex(r.stderr, r"simd: \w+ runs \d+ lanes")


class Errors(unittest.TestCase):
    """Compile errors exit 1, kernel errors 3, missing targets 4."""

    def test_kernel_error_names_line(self):
        for t in ("1", "2"):
            r = mandelc(kernel("div_zero.py"), "100", "30", "--threads=" + t)
            self.assertEqual(r.returncode, 3, r.stderr)
            self.assertRegex(r.stderr, r"div_zero\.py:11: ZeroDivisionError: ")
            self.assertEqual(r.stdout, "Total elements: 2500\n")

    def test_module_level_code_is_said_once(self):
        r = mandelc(kernel("module_code.py"), "100", "30")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stderr, "mandelc: module-level code at line 9 "
                         "is not run\n")
        self.assertRegex(r.stdout, THREE_LINES)
        r = mandelc(kernel("div_zero.py"), "100", "30")  # defs only: silent
        self.assertNotIn("module-level", r.stderr)

    def test_compile_error(self):
        r = mandelc(kernel("syntax_error.py"))
        self.assertEqual(r.returncode, 1)
        self.assertRegex(r.stderr, r"syntax_error\.py:3:\d+: error: ")

    def test_binary_garbage(self):
        with tempfile.NamedTemporaryFile(suffix=".py") as f:
            f.write(bytes(range(256)) * 64)
            f.flush()
            r = mandelc(f.name, "100", "30")
        self.assertIn(r.returncode, (1, 2), r.stderr)
        self.assertIn("error", r.stderr)

    def test_timeout_stops_a_kernel_that_never_ends(self):
        r = mandelc(kernel("forever.py"), "100", "30", "--timeout=1",
                    timeout=30)
        self.assertEqual(r.returncode, 3, r.stderr)
        self.assertIn("TimeoutError", r.stderr)

    def test_huge_grid_is_a_memory_error_not_a_crash(self):
        r = mandelc(EXAMPLE, "100000", "1")
        self.assertEqual(r.returncode, 3, r.stderr)
        self.assertIn("MemoryError", r.stderr)

    def test_ctrl_c_exits_130(self):
        import signal
        import time
        # -v's "compiled in" line comes after the watcher thread took the
        # signals: a SIGINT sent before it (a fixed sleep on a loaded
        # machine) would meet the default action, not mandelc.
        p = subprocess.Popen([MANDELC, kernel("forever.py"), "100", "30",
                              "-v"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
        seen = []
        for line in p.stderr:
            seen.append(line)
            if "compiled in" in line:
                break
        time.sleep(0.2)  # into the run
        p.send_signal(signal.SIGINT)
        out, rest = p.communicate(timeout=30)
        err = "".join(seen) + rest
        self.assertEqual(p.returncode, 130, err)
        self.assertIn("mandelc: interrupted", err)

    def test_cuda_unavailable_without_driver(self):
        if has_gpu():
            self.skipTest("a GPU is present: covered by the GPU tests")
        r = mandelc(EXAMPLE, "100", "30", "--target=cuda")
        self.assertEqual(r.returncode, 4, r.stderr)
        self.assertIn("--target=cuda is unavailable", r.stderr)
        self.assertEqual(r.stdout, "")


class Stages(unittest.TestCase):
    """Every --emit stage prints something and stops."""

    def test_each_stage_prints(self):
        marks = {"tokens": "NAME", "ast": "FunctionDef",
                 "types": "calculate_z_serial_purepython",
                 "llvm-raw": "define", "llvm": "define", "asm": "ret",
                 "cuda": "__global__", "ptx": ".entry"}
        for stage, mark in marks.items():
            with self.subTest(stage=stage):
                r = mandelc(EXAMPLE, "--emit=" + stage)
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertIn(mark.lower(), r.stdout.lower())
                self.assertNotIn("Total elements", r.stdout)

    def test_c_stage_is_one_program(self):
        """--emit=c: the kernel with its names and lines, the driver, and
        the file's own ban on FMA contraction."""
        r = mandelc(EXAMPLE, "--emit=c")
        self.assertEqual(r.returncode, 0, r.stderr)
        for mark in ("#pragma STDC FP_CONTRACT OFF",
                     '#pragma GCC optimize("fp-contract=off")',
                     "def_calculate_z_serial_purepython(",
                     "// output = [0] * len(q)", "int main(int argc"):
            self.assertIn(mark, r.stdout)
        self.assertNotIn("static __device__", r.stdout)  # C, not CUDA C

    def test_mcpu_chooses_the_code_s_cpu(self):
        # --mcpu=NAME picks the vector registers the listing uses, whatever
        # the host: xmm for x86-64-v2, ymm for -v3, zmm for -v4, and the
        # vector form's lanes follow (4 interleaved registers of doubles).
        want = {"x86-64-v2": ("xmm", 8), "x86-64-v3": ("ymm", 16),
                "x86-64-v4": ("zmm", 32)}
        for cpu, (reg, lanes) in want.items():
            with self.subTest(cpu=cpu):
                asm = mandelc(EXAMPLE, "--emit=asm", "--mcpu=" + cpu)
                self.assertEqual(asm.returncode, 0, asm.stderr)
                widest = max(re.findall(r"%([xyz])mm", asm.stdout),
                             key="xyz".index)
                self.assertEqual(widest + "mm", reg)
                ir = mandelc(EXAMPLE, "--emit=llvm", "--mcpu=" + cpu)
                self.assertIn(f"<{lanes} x double>", ir.stdout)
                self.assertNotIn(f"<{lanes * 2} x double>", ir.stdout)
                self.assertIn(f'"target-cpu"="{cpu}"', ir.stdout)

    def test_mcpu_native_is_the_default(self):
        plain = mandelc(EXAMPLE, "--emit=llvm")
        native = mandelc(EXAMPLE, "--emit=llvm", "--mcpu=native")
        self.assertEqual(native.returncode, 0, native.stderr)
        self.assertEqual(plain.stdout, native.stdout)

    def test_mcpu_runs_give_cpython_s_sum(self):
        # Only the CPUs whose instructions this host has can run.
        with open("/proc/cpuinfo") as f:
            flags = set(re.search(r"^flags\s*:(.*)$", f.read(),
                                  re.M).group(1).split())
        cpus = ["x86-64-v2"] + (["x86-64-v3"] if "avx2" in flags else []) \
            + (["x86-64-v4"] if "avx512f" in flags else [])
        for cpu in cpus:
            with self.subTest(cpu=cpu):
                r = mandelc(EXAMPLE, "200", "200", "--no-cache",
                            "--mcpu=" + cpu)
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertEqual(THREE_LINES.match(r.stdout).group(3),
                                 str(SUMS[(200, 200)]))

    def test_float64_ir_has_no_fast_math(self):
        r = mandelc(EXAMPLE, "--emit=llvm")
        self.assertEqual(r.returncode, 0, r.stderr)
        for flag in ("fast ", "contract ", "reassoc ", "llvm.fma"):
            self.assertNotIn(flag, r.stdout)


def read_png(path):
    """(width, height, rows of RGB bytes) of an 8-bit RGB PNG."""
    with open(path, "rb") as f:
        data = f.read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, ihdr = 8, b"", None
    while pos < len(data):
        (n,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + n]
        if zlib.crc32(kind + body) != struct.unpack(
                ">I", data[pos + 8 + n:pos + 12 + n])[0]:
            raise AssertionError("bad CRC in " + kind.decode())
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    w, h, depth, colour = ihdr[:4]
    assert (depth, colour) == (8, 2), "not 8-bit RGB"
    raw = zlib.decompress(idat)
    assert len(raw) == h * (1 + 3 * w), "pixel data of the wrong size"
    return w, h, raw


class Annotate(unittest.TestCase):
    def test_report_shows_lines_types_and_code(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "a.html")
            r = mandelc(EXAMPLE, "100", "30", "--annotate=" + path)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertIsNotNone(THREE_LINES.match(r.stdout), r.stdout)
            with open(path) as f:
                html = f.read()
        self.assertIn("z[i] = z[i] * z[i] + q[i]", html)
        self.assertIn("output: list[int]", html)
        # the multiplication's IR sits on the row of its source line
        row = [l for l in html.splitlines()
               if "z[i] = z[i] * z[i] + q[i]" in l][0]
        self.assertIn("fmul", row + html.split(row, 1)[1].split("<tr>")[0])


class Image(unittest.TestCase):
    def test_png_has_the_grids_size(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "m.png")
            r = mandelc(EXAMPLE, "200", "50", "--image=" + path)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertIsNotNone(THREE_LINES.match(r.stdout), r.stdout)
            w, h, raw = read_png(path)
            self.assertEqual((w, h), grid_size(200))
            self.assertGreater(len(set(raw)), 8)  # a picture, not a fill

    def test_unwritable_path(self):
        r = mandelc(EXAMPLE, "100", "30", "--image=/nonexistent/dir/m.png")
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("cannot write", r.stderr)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: cli_test.py MANDELC [unittest args]")
    MANDELC = os.path.abspath(sys.argv[1])
    unittest.main(argv=[sys.argv[0]] + sys.argv[2:], verbosity=2)
