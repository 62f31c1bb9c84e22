#!/usr/bin/env python3
"""show_test.py - mandelc shows its work: --emit, --annotate, --profile,
--image, --compare, --json and progress, on every example.

    python3 tests/show/show_test.py MANDELC BUILD_DIR [unittest args, -k X]

Checks are on structure, not bytes, so they survive LLVM updates: every
stage names the kernel's lines (the token positions, the AST's line:col,
the IR's DILocations, the assembly's and PTX's `.loc`, CUDA C's `#line`);
the report has a row for every source line and finds each line's code
through those marks; the PNG is decoded here (zlib and struct only) and
must have the grid's size and show structure; progress appears on a
terminal (a pty) and never in a pipe or with --json. The browser test is
tests/show/browser_test.py.
"""

import ctypes
import json
import os
import pty
import re
import struct
import subprocess
import sys
import tempfile
import unittest
import zlib
from html.parser import HTMLParser

MANDELC = None
BUILD = None
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
EXAMPLES = sorted(
    os.path.join(ROOT, "examples", f)
    for f in os.listdir(os.path.join(ROOT, "examples")) if f.endswith(".py"))
TUTORIAL = os.path.join(ROOT, "examples", "pure_python_2.py")


def mandelc(*args, timeout=300, **kw):
    return subprocess.run([MANDELC, *args], capture_output=True, text=True,
                          timeout=timeout, **kw)


def source_lines(path):
    with open(path) as f:
        return f.read().split("\n")


def line_of(path, text):
    """The number of the first line of path containing text."""
    for n, line in enumerate(source_lines(path), 1):
        if text in line:
            return n
    raise AssertionError(f"{text!r} not in {path}")


def kernel_lines(path):
    """Lines the compiled kernel reaches, from --emit=types: the lines
    that fixed a variable's type (`name: type  (line N)`)."""
    r = mandelc(path, "--emit=types")
    assert r.returncode == 0, r.stderr
    return sorted({int(n) for n in re.findall(r"\(line (\d+)\)", r.stdout)})


def kernel_range(path):
    """The lines of the kernel function: from its `def` to the line before
    the next statement at column 0."""
    r = mandelc(path, "--emit=types")
    name = re.match(r"def (\w+)\(", r.stdout).group(1)
    src = source_lines(path)
    first = line_of(path, f"def {name}(")
    last = first
    for n in range(first + 1, len(src) + 1):
        text = src[n - 1]
        if text and not text[0].isspace() and not text.startswith("#"):
            break
        if text.strip():
            last = n
    return set(range(first, last + 1))


def cuda_capable(path):
    return mandelc(path, "--emit=cuda").returncode == 0


def decode_png(path):
    """(width, height, rows of RGB bytes) of an 8-bit RGB PNG."""
    with open(path, "rb") as f:
        data = f.read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, ihdr = 8, b"", None
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    w, h, depth, colour = ihdr[:4]
    assert (depth, colour) == (8, 2), f"not 8-bit RGB: {ihdr}"
    raw, stride, rows, prev = zlib.decompress(idat), 3 * w, [], None
    for y in range(h):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        prev = prev or bytearray(stride)
        for i in range(stride):
            a = line[i - 3] if i >= 3 else 0
            b, c = prev[i], prev[i - 3] if i >= 3 else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[i] = (line[i] + pred) & 255
        rows.append(bytes(line))
        prev = line
    return w, h, rows


class Report(HTMLParser):
    """The annotate page: rows (line -> source text), panels (line ->
    {section class: text}), and anything that would load from elsewhere."""

    def __init__(self):
        super().__init__()
        self.rows, self.panels, self.external = {}, {}, []
        self._row = self._panel = self._section = None
        self._in_py = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("script", "img", "iframe") and "src" in a:
            self.external.append((tag, a["src"]))
        if tag == "link":
            self.external.append((tag, a.get("href")))
        if tag == "tr" and (a.get("id") or "").startswith("L"):
            self._row = int(a["id"][1:])
            self.rows[self._row] = ""
        if tag == "td" and a.get("class") == "py":
            self._in_py = True
        if tag == "tr" and (a.get("id") or "").startswith("D"):
            self._panel = int(a["id"][1:])
            self.panels[self._panel] = {}
        if tag == "section" and self._panel is not None:
            self._section = a.get("class")
            self.panels[self._panel][self._section] = ""

    def handle_endtag(self, tag):
        if tag == "td":
            self._in_py = False
        if tag == "section":
            self._section = None
        if tag == "tr":
            self._row = self._panel = None

    def handle_data(self, data):
        if self._in_py and self._row is not None:
            self.rows[self._row] += data
        if self._section is not None:
            self.panels[self._panel][self._section] += data


def read_report(path):
    p = Report()
    with open(path) as f:
        text = f.read()
    p.feed(text)
    return p, text


class Emit(unittest.TestCase):
    """Every stage of every example keeps the kernel's lines visible."""

    def check_stage(self, path, stage, pattern, lines, need_all=False):
        r = mandelc(path, f"--emit={stage}")
        self.assertEqual(r.returncode, 0, f"{path} {stage}: {r.stderr}")
        found = {int(n) for n in re.findall(pattern, r.stdout, re.M)}
        self.assertTrue(found, f"{path} --emit={stage}: no line marks")
        missing = set(lines) - found
        if need_all:
            self.assertFalse(missing, f"{path} --emit={stage}: lines "
                             f"{sorted(missing)} not shown")
        else:
            self.assertTrue(found & set(lines), f"{path} --emit={stage}")
        return r.stdout

    def test_every_stage_names_kernel_lines(self):
        for path in EXAMPLES:
            with self.subTest(path=path):
                lines, body = kernel_lines(path), kernel_range(path)
                self.assertTrue(lines)
                self.check_stage(path, "tokens", r"^(\d+):\d+ ", lines, True)
                self.check_stage(path, "ast", r"\b[A-Z]\w* (\d+):\d+", lines,
                                 True)
                self.check_stage(path, "types", r"\(line (\d+)\)", lines)
                for stage in ("llvm-raw", "llvm"):
                    ir = self.check_stage(path, stage,
                                          r"!DILocation\(line: (\d+)", body)
                    self.check_ir_comments(path, ir)
                asm = self.check_stage(path, "asm", r"^\s*\.loc\s+\d+ (\d+)",
                                       body)
                self.check_asm_comments(path, asm)
                if cuda_capable(path):
                    self.check_stage(path, "cuda", r'^\s*#line (\d+) "',
                                     body)
                    self.check_stage(path, "ptx", r"^\s*\.loc\s+\d+ (\d+)",
                                     body)

    def check_ir_comments(self, path, ir):
        """`; FILE:N: text` comments quote line N of the kernel file, and
        the instruction after one carries a !dbg of that line."""
        src = source_lines(path)
        locs = dict(re.findall(r"^!(\d+) = !DILocation\(line: (\d+)", ir,
                               re.M))
        quotes = re.findall(r"^  ; (.+):(\d+): (.*)\n(.*)$", ir, re.M)
        self.assertTrue(quotes, f"{path}: no source comments in the IR")
        for _, n, text, insn in quotes:
            self.assertEqual(src[int(n) - 1].strip(), text.strip())
            dbg = re.search(r", !dbg !(\d+)", insn)
            self.assertEqual(locs[dbg.group(1)], n, insn)

    def check_asm_comments(self, path, asm):
        """`# FILE:N: text` comments quote line N of the kernel file."""
        src = source_lines(path)
        quotes = re.findall(r"^\t# (.+):(\d+): (.*)$", asm, re.M)
        self.assertTrue(quotes, f"{path}: no source comments in asm")
        for _, n, text in quotes:
            self.assertEqual(src[int(n) - 1].strip(), text.strip())

    def test_some_examples_reach_cuda(self):
        self.assertTrue(any(cuda_capable(p) for p in EXAMPLES))

    def test_cuda_listing_is_the_kernel_s_own_code(self):
        # The shared prelude is a header the listing includes, printed by
        # --emit=cuda-prelude: the kernel's first line comes early, and
        # none of the prelude's definitions are in the listing.
        prelude = mandelc(TUTORIAL, "--emit=cuda-prelude")
        self.assertEqual(prelude.returncode, 0, prelude.stderr)
        self.assertIn("py_complex_abs_cmp", prelude.stdout)
        self.assertIn("#pragma once", prelude.stdout)
        for path in filter(cuda_capable, EXAMPLES):
            with self.subTest(path=path):
                cu = mandelc(path, "--emit=cuda").stdout
                lines = cu.split("\n")
                self.assertIn('#include "mandelc_prelude.cuh"', lines)
                first = next(i for i, t in enumerate(lines)
                             if re.match(r'#line \d+ ".*\.py"$', t))
                self.assertLess(first, 80, path)  # was 1,670
                self.assertNotIn("py_complex_abs_cmp(pyts", cu)
                self.assertLess(len(lines), len(prelude.stdout.split("\n")))
                # the same prelude for every kernel
                self.assertEqual(mandelc(path, "--emit=cuda-prelude").stdout,
                                 prelude.stdout)

    def test_ptx_lines_stay_inside_the_kernel_file(self):
        # PTX `.loc FILE LINE` (and `inlined_at FILE LINE`) for the kernel
        # file never point past its last line; the prelude is a file of
        # its own, and so are the generated file's own lines (FILE.cu).
        prelude_seen = False
        for path in filter(cuda_capable, EXAMPLES):
            with self.subTest(path=path):
                r = mandelc(path, "--emit=ptx")
                self.assertEqual(r.returncode, 0, r.stderr)
                files = dict(re.findall(r'^\s*\.file\s+(\d+) "([^"]*)"',
                                        r.stdout, re.M))
                kernel = [n for n, f in files.items() if f.endswith(
                    os.path.relpath(path, ROOT))]
                self.assertEqual(len(kernel), 1, files)
                prelude_seen |= any(f.endswith("mandelc_prelude.cuh")
                                    for f in files.values())
                refs = re.findall(r"(?:\.loc|inlined_at)\s+(\d+) (\d+)",
                                  r.stdout)
                used = [int(n) for f, n in refs if f == kernel[0]]
                self.assertTrue(used, path)
                self.assertLessEqual(max(used), len(source_lines(path)))
        self.assertTrue(prelude_seen)


class Annotate(unittest.TestCase):
    """The report: every line, its code found through debug locations."""

    def make(self, path, *args):
        out = tempfile.mktemp(suffix=".html")
        r = mandelc(path, "100", "30", f"--annotate={out}", *args)
        # The report is written before a GPU is looked for: without one
        # --target=cuda exits 4 (unavailable) with the report written.
        ok = (0, 4) if "--target=cuda" in args else (0,)
        self.assertIn(r.returncode, ok, r.stderr)
        self.addCleanup(lambda: os.path.exists(out) and os.remove(out))
        return read_report(out)

    def test_every_example(self):
        for path in EXAMPLES:
            with self.subTest(path=path):
                rep, text = self.make(path)
                src = source_lines(path)
                if src[-1] == "":
                    src = src[:-1]
                self.assertEqual(sorted(rep.rows), list(range(1, len(src) + 1)))
                for n, line in enumerate(src, 1):
                    self.assertEqual(rep.rows[n], line)
                self.assertEqual(rep.external, [])
                self.assertNotRegex(text, r"https?://")
                lines = kernel_lines(path)
                with_ir = [n for n in lines if "ir" in rep.panels.get(n, {})]
                with_asm = [n for n in lines
                            if "asm" in rep.panels.get(n, {})]
                self.assertTrue(with_ir and with_asm, path)

    def test_ir_and_asm_come_from_the_right_line(self):
        rep, _ = self.make(TUTORIAL)
        n = line_of(TUTORIAL, "zi = zi * zi + qi")
        panel = rep.panels[n]
        self.assertRegex(panel["ir"], r"fmul|fsub|fadd")
        self.assertRegex(panel["asm"], r"mul[sp]d")
        self.assertIn("types", rep.panels[line_of(TUTORIAL, "output = [0]")])
        # the docstring and comments made no code
        self.assertNotIn(line_of(TUTORIAL, "# area of space"), rep.panels)

    def test_vector_and_scalar_paths_are_labelled(self):
        # Line 25 runs in the vector form's 32 (or 16, 8) lanes and, for a
        # point handed back, in the scalar body: the panel says which code
        # is which, in the IR and in the assembly. --simd=off has one path
        # and no labels.
        n = line_of(TUTORIAL, "zi = zi * zi + qi")
        panel = self.make(TUTORIAL)[0].panels[n]
        self.assertRegex(panel["ir"], r"; ---- vector path.*\n(.*\n)*?.*"
                         r"fmul <\d+ x double>")
        self.assertIn("; ---- scalar fallback", panel["ir"])
        self.assertIn("# ---- vector path", panel["asm"])
        self.assertIn("scalar fallback", panel["asm"])
        off = self.make(TUTORIAL, "--simd=off")[0].panels[n]
        self.assertNotIn("----", off["ir"] + off["asm"])

    def test_cuda_report_has_cuda_c_and_ptx(self):
        path = next(p for p in EXAMPLES if cuda_capable(p))
        rep, text = self.make(path, "--target=cuda")
        sections = set()
        for panel in rep.panels.values():
            sections |= set(panel)
        self.assertTrue({"cuda", "ptx", "ir", "asm"} <= sections, sections)

    def test_cuda_report_says_whose_code_has_no_line(self):
        # PTX of no kernel line is the prelude's, the compiler's line 0,
        # or the launch code that mandelc writes around the kernel, and
        # the summary says how much of each. The entry's own code (the
        # thread's point, the prologue, the return) is the def line's, so
        # no launch code is left; mandelc_fill_points, the driver's q and
        # z, is no kernel's code and not counted. Code inlined into code
        # the prelude inlined into the kernel counts for the kernel line,
        # however deep: multibrot's z ** 3 is py_complex_pow's repeated
        # multiplication, two inlinings down.
        for name, defline in (("multibrot.py", "def multibrot"),
                              ("pure_python_2.py", "def calculate_z")):
            path = os.path.join(ROOT, "examples", name)
            rep, text = self.make(path, "--target=cuda")
            m = re.search(r"(\d+) PTX instructions \((\d+) of them with no "
                          r"kernel line: (\d+) from the prelude's functions,"
                          r" mandelc_prelude\.cuh, (\d+) that the compiler "
                          r"put at line 0 \(no line\), and (\d+) from the "
                          r"launch code mandelc writes around the kernel\)",
                          text)
            self.assertTrue(m, re.findall(r"<p class=summary>.*", text))
            total, unlined, prelude, line0, launch = map(int, m.groups())
            self.assertEqual(unlined, prelude + line0 + launch)
            self.assertGreater(prelude, 0)
            self.assertLess(line0, 10)
            self.assertEqual(launch, 0, name)
            self.assertLess(unlined, total)
            ptx = rep.panels[line_of(path, defline)]["ptx"]
            self.assertIn("mandelc_kernel_param", ptx)  # the prologue
        path = os.path.join(ROOT, "examples", "multibrot.py")
        rep, text = self.make(path, "--target=cuda")
        def code(line):
            ptx = rep.panels[line_of(path, line)]["ptx"]
            return [t for t in ptx.splitlines() if t.strip() and t[0] != "#"]
        self.assertGreater(len(code("z = z ** 3 + c")), 50)
        # Each statement's code is its own line's, not the next one's
        # (NVRTC's input pins every C line of a statement to its line):
        # abs(z) > 2.0 is the margin test on x*x + y*y and the call of the
        # exact fallback, no power.
        test = code("if abs(z) > 2.0")
        self.assertLess(len(test), 50, test)
        self.assertTrue(any(t.startswith("mul.rn.f64") for t in test), test)
        self.assertTrue(any(t.startswith("call") for t in test), test)

    def test_cycles_estimate_per_line(self):
        # llvm-mca's static estimate: a number for each line with machine
        # code, none for a comment; the escape loop's arithmetic costs
        # cycles, and the report says whose estimate it is.
        rep, text = self.make(TUTORIAL, "--mcpu=x86-64-v4")
        self.assertIn("llvm-mca", text)
        self.assertNotIn("cycles: none", text)
        cells = dict(re.findall(r"<tr id=L(\d+)[^>]*>(?:<td[^>]*>.*?</td>)"
                                r"{3}<td class=c[^>]*>([^<]*)</td>", text))
        n = line_of(TUTORIAL, "zi = zi * zi + qi")
        self.assertGreater(float(cells[str(n)]), 0)
        self.assertEqual(cells[str(line_of(TUTORIAL, "# area of space"))],
                         "")

    def test_profile_shades_time(self):
        rep, text = self.make(TUTORIAL, "--profile")
        self.assertIn("--profile took", text)


class Profile(unittest.TestCase):
    """--profile: a table of samples by line on stderr."""

    def test_inner_loop_takes_the_time(self):
        r = mandelc(TUTORIAL, "1000", "1000", "--profile", "--threads=1")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertRegex(r.stdout, r"Total sum of elements \(for "
                         r"validation\): 1148485\n\Z")
        rows = re.findall(r"^\s+(\d+)\s+(\d+)\s+([\d.]+)[? ]  (.*)$",
                          r.stderr, re.M)
        self.assertIn("samples", r.stderr)
        self.assertTrue(rows, r.stderr)
        share = {int(n): float(p) for n, _, p, _ in rows}
        src = source_lines(TUTORIAL)
        for n, _, _, text in rows:
            if int(n):
                self.assertEqual(src[int(n) - 1], text)
        # the escape loop's lines; in SIMD code the lanes' bookkeeping
        # (masks, counters, refills) is the loop statement's
        inner = (line_of(TUTORIAL, "for iteration in range(maxiter)"),
                 line_of(TUTORIAL, "zi = zi * zi + qi"),
                 line_of(TUTORIAL, "if abs(zi) > 2.0"))
        self.assertGreater(sum(share.get(n, 0) for n in inner), 50,
                           r.stderr)

    def test_every_example(self):
        for path in EXAMPLES:
            with self.subTest(path=path):
                r = mandelc(path, "200", "200", "--profile")
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertRegex(r.stderr, r"profile of .*: \d+ samples")
                self.assertNotIn("no profile", r.stderr)

    def test_default_size_takes_enough_samples(self):
        # A run of the default size lasts a few scheduler ticks; the
        # kernel is repeated until the profile has enough samples, and
        # the table says so. A figure from fewer than 100 samples is
        # marked with ?, one from more is not.
        r = mandelc(TUTORIAL, "--profile", "--threads=1")
        self.assertEqual(r.returncode, 0, r.stderr)
        total = int(re.search(r": (\d+) samples in", r.stderr).group(1))
        self.assertGreaterEqual(total, 200, r.stderr)  # was 4
        self.assertRegex(r.stderr, r"the kernel ran \d+ times")
        rows = re.findall(r"^\s+(\d+|-)\s+(\d+)\s+[\d.]+(\?| )  ",
                          r.stderr, re.M)
        self.assertTrue(rows, r.stderr)
        for _, n, mark in rows:
            self.assertEqual(mark == "?", int(n) < 100, r.stderr)
        self.assertTrue(any(int(n) >= 100 for _, n, _ in rows), r.stderr)

    def test_debug_jit_tells_perf_the_kernel_s_functions(self):
        # --debug-jit registers LLVM's perf listener: its jitdump file
        # (what `perf inject --jit` reads) names the kernel's functions,
        # and its debug-info records (id 2, JIT_CODE_DEBUG_INFO) give
        # their lines in the kernel's file.
        with tempfile.TemporaryDirectory() as tmp:
            r = mandelc(TUTORIAL, "100", "30", "--debug-jit",
                        env=dict(os.environ, JITDUMPDIR=tmp))
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertIn("Total sum of elements (for validation): 6502",
                          r.stdout)
            dumps = [os.path.join(d, f) for d, _, fs in os.walk(tmp)
                     for f in fs if f.startswith("jit-")]
            self.assertEqual(len(dumps), 1, dumps)
            with open(dumps[0], "rb") as f:
                data = f.read()
            self.assertEqual(data[:4], b"JiTD"[::-1])  # its magic, LE
            self.assertIn(b"calculate_z_serial_purepython.body.simd\0",
                          data)
            ids, at = [], struct.unpack_from("<I", data, 8)[0]
            while at + 8 <= len(data):
                rid, size = struct.unpack_from("<II", data, at)
                self.assertGreater(size, 0)
                ids.append(rid)
                at += size
            self.assertIn(0, ids)  # JIT_CODE_LOAD
            self.assertIn(2, ids)  # JIT_CODE_DEBUG_INFO
            self.assertIn(os.path.basename(TUTORIAL).encode() + b"\0", data)

    def test_cuda_is_refused(self):
        r = mandelc(TUTORIAL, "--profile", "--target=cuda")
        self.assertEqual(r.returncode, 2)
        self.assertIn("--profile", r.stderr)


class Walkthrough(unittest.TestCase):
    """docs/make_walkthrough.py --check fails when a quoted output of the
    docs no longer matches what mandelc prints; only run-to-run noise
    (timings) is masked. Checked on a page made of the walkthrough's own
    blocks, one of them changed."""

    SCRIPT = os.path.join(ROOT, "docs", "make_walkthrough.py")

    def blocks(self, *commands):
        with open(os.path.join(ROOT, "docs", "walkthrough.md")) as f:
            text = f.read()
        found = re.findall(r"<!-- BEGIN .*? -->\n```text\n.*?```\n"
                           r"<!-- END -->\n", text, re.S)
        picked = []  # the first block of each command, in the order asked
        for c in commands:
            first = [b for b in found if c in b.split("\n")[0]]
            self.assertTrue(first, c)
            picked.append(first[0])
        return picked

    def check(self, page):
        with tempfile.NamedTemporaryFile("w", suffix=".md",
                                         delete=False) as f:
            f.write(page)
        self.addCleanup(os.remove, f.name)
        return subprocess.run([sys.executable, self.SCRIPT, "--check",
                               "--mandelc", MANDELC, "--doc", f.name],
                              capture_output=True, text=True, timeout=300)

    def test_docs_as_they_are_pass(self):
        page = "".join(self.blocks("--emit=types", "--compare"))
        r = self.check(page)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)

    def test_a_changed_quote_fails(self):
        types, compare = self.blocks("--emit=types", "--compare")
        self.assertIn("zi: complex  (line 19)", types)
        r = self.check(types.replace("zi: complex  (line 19)",
                                     "zi: float  (line 19)") + compare)
        self.assertEqual(r.returncode, 1, r.stdout)
        self.assertIn("out of date: mandelc examples/pure_python_2.py "
                      "--emit=types", r.stdout)
        self.assertIn("-  zi: float  (line 19)", r.stdout)
        self.assertIn("+  zi: complex  (line 19)", r.stdout)

    def test_timings_are_masked_but_sums_are_not(self):
        types, compare = self.blocks("--emit=types", "--compare")
        slower = re.sub(r"(Main took \d+:\d\d:\d\d\.)\d+", r"\g<1>999999",
                        compare)
        slower = re.sub(r"(?<= )\d+\.\d{6}(?= )", "9.999999", slower)
        self.assertNotEqual(slower, compare)
        r = self.check(types + slower)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        r = self.check(types + slower.replace("1148485", "1148486", 1))
        self.assertEqual(r.returncode, 1, r.stdout)


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


class Image(unittest.TestCase):
    """--image: len(x) by len(y), the set black, the outside in colour."""

    def test_every_example(self):
        for path in EXAMPLES:
            with self.subTest(path=path):
                out = tempfile.mktemp(suffix=".png")
                r = mandelc(path, "200", "100", f"--image={out}")
                self.assertEqual(r.returncode, 0, r.stderr)
                w, h, rows = decode_png(out)
                os.remove(out)
                self.assertEqual((w, h), grid_size(200))
                pixels = {row[i:i + 3] for row in rows
                          for i in range(0, len(row), 3)}
                self.assertGreater(len(pixels), 8, "a uniform picture")

    def test_tutorial_picture_structure(self):
        out = tempfile.mktemp(suffix=".png")
        r = mandelc(TUTORIAL, "300", "300", f"--image={out}")
        self.assertEqual(r.returncode, 0, r.stderr)
        w, h, rows = decode_png(out)
        os.remove(out)

        def pixel(x, y):
            return rows[y][3 * x:3 * x + 3]
        # c = 0 (the main cardioid) is in the set: black; the corners and
        # the left edge (|c| > 2) are outside: not black. Top row = y2.
        nx, ny = grid_size(300)
        x0 = round((0 - -2.13) / (2.9 / nx))
        self.assertEqual(pixel(x0, ny // 2), b"\0\0\0")
        for x, y in ((0, 0), (nx - 1, 0), (0, ny - 1), (0, ny // 2)):
            self.assertNotEqual(pixel(x, y), b"\0\0\0", (x, y))
        # the set (black) nearly symmetric about the real axis, as it is
        # (the grid's y values are not exactly symmetric)
        # y_j = 1.3 - j * (2.6 / 150): row j mirrors row 150 - j
        top, bottom = rows[ny // 4], rows[150 - ny // 4]
        same = sum((top[i:i + 3] == b"\0\0\0") ==
                   (bottom[i:i + 3] == b"\0\0\0")
                   for i in range(0, len(top), 3))
        self.assertGreater(same, 0.95 * nx)


class Compare(unittest.TestCase):
    """--compare: the hand-written kernels beside the compiled one."""

    def test_table(self):
        r = mandelc(TUTORIAL, "200", "200", "--compare")
        self.assertEqual(r.returncode, 0, r.stderr)
        head = re.search(r"^variant\s+seconds\s+validation sum\s+ratio$",
                         r.stderr, re.M)
        self.assertTrue(head, r.stderr)
        rows = re.findall(r"^(.+?)\s+([\d.]+)\s+(\d+)\s+([\d.]+)$",
                          r.stderr[head.end():], re.M)
        names = [n for n, _, _, _ in rows]
        self.assertEqual(names[0], "mandelc --target=llvm")
        self.assertIn("C complex, cabs", names)
        sums = {n: int(s) for n, _, s, _ in rows}
        self.assertEqual(sums["mandelc --target=llvm"], 36170)
        self.assertEqual(sums["C complex, cabs"], 36170)
        # the program of --emit=c, built by the system's cc: CPython's sum
        self.assertEqual(sums["generated C (cc -O2)"], 36170)

    def test_every_example(self):
        for path in EXAMPLES:
            with self.subTest(path=path):
                r = mandelc(path, "100", "30", "--compare")
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertRegex(r.stderr, r"C scalar doubles")


class Json(unittest.TestCase):
    def test_profile_in_json(self):
        r = mandelc(TUTORIAL, "300", "300", "--json", "--profile",
                    "--threads=1")
        self.assertEqual(r.returncode, 0, r.stderr)
        prof = json.loads(r.stdout)["profile"]
        self.assertEqual(prof["samples"],
                         sum(prof["lines"].values()) + prof["outside"])
        body = kernel_range(TUTORIAL) | {0}
        self.assertTrue(set(map(int, prof["lines"])) <= body, prof)

    def test_every_example(self):
        for path in EXAMPLES:
            with self.subTest(path=path):
                r = mandelc(path, "100", "30", "--json", "--compare")
                self.assertEqual(r.returncode, 0, r.stderr)
                obj = json.loads(r.stdout)
                self.assertEqual((obj["width"], obj["height"]),
                                 grid_size(100))
                # the three hand-written kernels and the generated C
                # program: in the table when they computed the kernel's sum,
                # left out with the reason when not
                rows, out = obj["compare"], obj["left_out"]
                self.assertEqual(len(rows) + len(out), 4)
                for row in rows:
                    self.assertEqual(set(row),
                                     {"variant", "seconds", "sum", "ratio"})
                    self.assertEqual(row["sum"], obj["sum"])
                for row in out:
                    self.assertEqual(set(row), {"variant", "sum", "reason"})
                    self.assertNotEqual(row["sum"], obj["sum"])
                    self.assertTrue(row["reason"])
                generated = rows[-1]
                self.assertEqual(generated["variant"], "generated C (cc -O2)")
                self.assertIsInstance(obj["sum"], int)


def run_with_pty_stderr(args, timeout=120):
    """Runs mandelc with stderr on a pseudo-terminal; (stdout, stderr)."""
    master, slave = pty.openpty()
    p = subprocess.Popen([MANDELC, *args], stdout=subprocess.PIPE,
                         stderr=slave)
    os.close(slave)
    err = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        err += chunk
    out = p.stdout.read()
    p.stdout.close()
    p.wait(timeout=timeout)
    os.close(master)
    return out.decode(), err.decode(errors="replace")


class Progress(unittest.TestCase):
    """A long run shows progress on a terminal, never in pipes or --json."""

    # The tutorial's kernel with a huge MAXITER never ends by itself on any
    # machine; --timeout stops it after 2.5 s, past the 1 s threshold.
    LONG = [os.path.join(ROOT, "examples", "pure_python3.py"), "400",
            "100000000", "--threads=1", "--timeout=2.5"]

    def test_terminal_shows_progress_then_clears_it(self):
        out, err = run_with_pty_stderr(self.LONG)
        self.assertRegex(err, r"\rmandelc: running .*pure_python3.py \.\.\. "
                         r"\d+\.\d s")
        # the line is erased before the next message
        self.assertRegex(err, r"\r\x1b\[K[^\r]*TimeoutError")
        self.assertNotIn("running", out)

    def test_pipe_shows_none(self):
        r = mandelc(*self.LONG)
        self.assertEqual(r.returncode, 3)
        self.assertNotIn("running", r.stderr)

    def test_json_shows_none(self):
        out, err = run_with_pty_stderr(self.LONG + ["--json"])
        self.assertNotIn("running", err)
        self.assertIn("TimeoutError", err)

    def test_short_run_shows_none(self):
        out, err = run_with_pty_stderr([TUTORIAL, "100", "30"])
        self.assertNotIn("running", err)
        self.assertIn("Total sum", out)


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


class Gpu(unittest.TestCase):
    """The CUDA target's picture, comparison and report (run only where a
    GPU is: `-k Gpu` exits 77, CTest's skip, without one)."""

    CUDA_EXAMPLE = os.path.join(ROOT, "examples", "pure_python3.py")

    def test_compare_has_the_hand_written_cuda_kernel(self):
        r = mandelc(self.CUDA_EXAMPLE, "200", "200", "--target=cuda",
                    "--compare")
        self.assertEqual(r.returncode, 0, r.stderr)
        rows = dict((n.strip(), int(s)) for n, s in re.findall(
            r"^(.+?)\s+[\d.]+\s+(\d+)\s+[\d.]+$", r.stderr, re.M))
        for name in ("mandelc --target=cuda", "CUDA C by hand, |z|^2"):
            self.assertIn(name, rows, r.stderr)
        self.assertEqual(rows["mandelc --target=cuda"], 36170)
        self.assertEqual(rows["CUDA C by hand, |z|^2"], 36170)
        self.assertEqual(rows["C complex, cabs"], 36170)

    def test_image_equals_the_cpus(self):
        pictures = []
        for target in ("llvm", "cuda"):
            out = tempfile.mktemp(suffix=".png")
            r = mandelc(self.CUDA_EXAMPLE, "200", "100",
                        f"--target={target}", f"--image={out}")
            self.assertEqual(r.returncode, 0, r.stderr)
            pictures.append(decode_png(out))
            os.remove(out)
        self.assertEqual(pictures[0], pictures[1])

    def test_report_runs_through(self):
        out = tempfile.mktemp(suffix=".html")
        r = mandelc(self.CUDA_EXAMPLE, "100", "30", "--target=cuda",
                    f"--annotate={out}")
        self.assertEqual(r.returncode, 0, r.stderr)
        rep, _ = read_report(out)
        os.remove(out)
        self.assertTrue(any("ptx" in p for p in rep.panels.values()))


if __name__ == "__main__":
    MANDELC = os.path.abspath(sys.argv.pop(1))
    BUILD = os.path.abspath(sys.argv.pop(1))
    if sys.argv[1:] == ["-k", "Gpu"] and not has_gpu():
        print("no GPU here (libcuda.so.1 with a device): skipped")
        sys.exit(77)
    unittest.main()
