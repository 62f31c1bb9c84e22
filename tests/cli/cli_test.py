#!/usr/bin/env python3
"""cli_test.py - mandelc's command line: exit codes, output, options.

    python3 tests/cli/cli_test.py MANDELC [unittest arguments, e.g. -k Usage]

Runs the mandelc binary as a user would and checks what SPEC 1 promises:
exit status 2 for every kind of bad command line, the tutorial's three
lines on stdout and nothing else, -v and --compare on stderr, --json as
one JSON object, the same sum for any --threads, --image as a PNG of the
grid's size (decoded here with zlib and struct only), --emit printing each
stage, exit 3 with `FILE:LINE: Error: msg` for a kernel's error, exit 4 for
an unavailable target. CPython's sums (SPEC 2) are the expected values.
"""

import ctypes
import json
import os
import re
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

# CPython's validation sums of the tutorial's kernel (SPEC 2).
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
                    "--simd=maybe", "--threads"):
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
        self.assertEqual(len(rows), 2, r.stderr)
        self.assertIn(" 36170 ", rows[0])  # cabs: CPython's bits

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

    def test_closed_stdout_is_an_error_not_a_crash(self):
        p = subprocess.Popen([MANDELC, EXAMPLE, "100", "30"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        p.stdout.close()  # every write now fails with EPIPE
        _, err = p.communicate(timeout=60)
        self.assertGreater(p.returncode, 0, err)  # < 0 would be a signal
        self.assertIn(b"cannot write", err)


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


class Errors(unittest.TestCase):
    """Compile errors exit 1, kernel errors 3, missing targets 4."""

    def test_kernel_error_names_line(self):
        for t in ("1", "2"):
            r = mandelc(kernel("div_zero.py"), "100", "30", "--threads=" + t)
            self.assertEqual(r.returncode, 3, r.stderr)
            self.assertRegex(r.stderr, r"div_zero\.py:11: ZeroDivisionError: ")
            self.assertEqual(r.stdout, "Total elements: 2500\n")

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
        p = subprocess.Popen([MANDELC, kernel("forever.py"), "100", "30"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
        time.sleep(0.5)
        p.send_signal(signal.SIGINT)
        out, err = p.communicate(timeout=30)
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
