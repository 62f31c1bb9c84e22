#!/usr/bin/env python3
"""peers.py - mandelc against the tutorial's other routes, in one run.

    python3 bench/peers/peers.py --mandelc PATH --build DIR [options]

bench/peers.sh installs the peers, builds the C kernels and the Cython
modules into DIR, and calls this. It times, at W MAXITER (default 1000
1000), each variant's kernel alone - the median of --runs runs, except
CPython (one run: it takes seconds) and any variant whose first run
passes --slow seconds - and checks every validation sum against
CPython's (1148485 at 1000 1000; at other sizes, the CPython row's). Then
mandelc's compile times (cold: --no-cache; cached), the whole process's
wall time, how time grows with W, MAXITER and threads (SVG figures drawn
by svgplot.py), and the issue's targets, met or not, with the measured
figures. The dated table goes to stdout and, unless --no-record, is
appended to bench/RESULTS.md with the figures beside it.
"""

import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import svgplot  # noqa: E402

KERNEL = "examples/pure_python_2.py"
# The same kernel without the progress print (pure_python.py's z[i] form):
# shows what a print in the outer loop costs mandelc's SIMD path.
QUIET_KERNEL = "examples/pure_python3.py"
# CPython's validation sums of pure_python_2.py (docs/language.md §2).
KNOWN_SUMS = {(100, 30): 6502, (200, 200): 36170, (300, 100): 75014,
              (1000, 1000): 1148485}
DEBIAN_PYTHON = "/usr/bin/python3"  # the interpreter Debian's packages use


class Bench:
    def __init__(self, args):
        self.a = args
        self.threads = len(os.sched_getaffinity(0))
        self.rows = []        # (variant, threads, seconds, runs, sum, extra)
        self.expected = KNOWN_SUMS.get((args.w, args.maxiter))
        self.notes = []

    # ---- running things ---------------------------------------------------

    def run(self, cmd, env=None):
        r = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT,
                           env=env, timeout=self.a.timeout)
        if r.returncode != 0:
            raise RuntimeError("%s exited %d: %s" % (" ".join(cmd),
                                                     r.returncode,
                                                     r.stderr[-500:]))
        return r.stdout

    def mandelc(self, w, maxiter, threads, *extra, kernel=KERNEL):
        out = self.run([self.a.mandelc, kernel, str(w), str(maxiter),
                        "--json", "--threads=%d" % threads, *extra])
        o = json.loads(out)
        return {"seconds": o["main_seconds"], "sum": o["sum"],
                "compile_seconds": o["compile_seconds"],
                "cache": o.get("cache")}

    def hand(self, name, w, maxiter, threads):
        args = [os.path.join(self.a.build, name)]
        if name == "mandel_ref":
            args.append("complex")
        secs, total = self.run(args + [str(w), str(maxiter),
                                       str(threads)]).split()
        return {"seconds": float(secs), "sum": int(total)}

    def peer(self, python, variant, threads):
        out = self.run([python, os.path.join(HERE, "run_peer.py"), variant,
                        str(self.a.w), str(self.a.maxiter), str(threads),
                        self.a.build])
        return json.loads(out.strip().splitlines()[-1])

    def measure(self, fn, runs=None):
        """Medians of fn()'s "seconds" (and "compile_seconds") over runs;
        one run only when the first is slower than --slow."""
        runs = runs or self.a.runs
        results = [fn()]
        if results[0]["seconds"] > self.a.slow:
            runs = 1
        while len(results) < runs:
            results.append(fn())
        sums = {r["sum"] for r in results}
        med = {"seconds": statistics.median(r["seconds"] for r in results),
               "runs": len(results),
               "sum": results[0]["sum"] if len(sums) == 1 else None}
        compiles = [r["compile_seconds"] for r in results
                    if r.get("compile_seconds") is not None]
        if compiles:
            med["compile_seconds"] = statistics.median(compiles)
        return med

    def add(self, name, threads, fn, runs=None):
        if name in self.a.skip:
            return None
        try:
            m = self.measure(fn, runs)
        except (RuntimeError, OSError, subprocess.TimeoutExpired) as e:
            self.notes.append("%s: not measured (%s)" % (name, str(e)[:200]))
            print("  %-34s not measured: %s" % (name, e), file=sys.stderr)
            return None
        self.rows.append((name, threads, m))
        print("  %-34s %2d thr %10.6f s  sum %s" % (name, threads,
                                                    m["seconds"], m["sum"]),
              file=sys.stderr)
        return m

    # ---- the table's rows -------------------------------------------------

    def peers(self):
        n = self.threads
        py = DEBIAN_PYTHON
        cpy = self.add("CPython pure_python_2", 1,
                       lambda: self.peer(py, "purepython", 1), runs=1)
        if self.expected is None and cpy:
            self.expected = cpy["sum"]
        if shutil.which("pypy3"):
            self.add("PyPy pure_python_2", 1,
                     lambda: self.peer("pypy3", "purepython", 1))
        for variant, name, t in (
                ("cython_lists", "Cython, lists", 1),
                ("cython_memoryview", "Cython, memoryviews", 1),
                ("cython_prange", "Cython, memoryviews + prange", n),
                ("numba_njit", "Numba @njit", 1),
                ("numba_parallel", "Numba @njit(parallel=True)", n),
                ("numpy_vector", "numpy vectors", 1),
                ("numexpr", "numexpr", n)):
            self.add(name, t, lambda v=variant, t=t: self.peer(py, v, t))

    def mandelc_rows(self):
        a, n = self.a, self.threads
        for t in sorted({1, n}):
            for simd, label in (("off", "scalar"), ("on", "SIMD")):
                # warm the cache so each timed run is a hit
                self.mandelc(a.w, a.maxiter, t, "--simd=" + simd)
                self.add("mandelc %s" % label, t,
                         lambda t=t, s=simd: self.mandelc(
                             a.w, a.maxiter, t, "--simd=" + s))
            self.mandelc(a.w, a.maxiter, t, kernel=QUIET_KERNEL)
            self.add("mandelc SIMD, %s" % os.path.basename(QUIET_KERNEL), t,
                     lambda t=t: self.mandelc(a.w, a.maxiter, t,
                                              kernel=QUIET_KERNEL))

    def hand_rows(self):
        a, n = self.a, self.threads
        for t in sorted({1, n}):
            self.add("C, complex + cabs (scalar)", t,
                     lambda t=t: self.hand("mandel_ref", a.w, a.maxiter, t))
            for isa in ("avx2", "avx512"):
                exe = os.path.join(a.build, "simd_" + isa)
                if os.path.exists(exe):
                    self.add("C, %s intrinsics" % isa.upper().replace(
                        "AVX512", "AVX-512"), t,
                        lambda t=t, i=isa: self.hand("simd_" + i, a.w,
                                                     a.maxiter, t))

    def compile_times(self):
        """Cold and cached compile+JIT, and whole-process wall times."""
        a = self.a
        res = {}
        cold = [self.mandelc(100, 30, 1, "--no-cache")["compile_seconds"]
                for _ in range(a.runs)]
        self.mandelc(100, 30, 1)
        hit = [self.mandelc(100, 30, 1) for _ in range(a.runs)]
        res["cold compile + JIT (--no-cache)"] = statistics.median(cold)
        if all(h["cache"] == "hit" for h in hit):
            res["cache hit"] = statistics.median(
                h["compile_seconds"] for h in hit)
        else:
            self.notes.append("the cache did not hit: %s"
                              % [h["cache"] for h in hit])
        for label, extra in (("whole process, cached", ()),
                             ("whole process, --no-cache", ("--no-cache",))):
            walls = []
            for _ in range(a.runs):
                start = time.perf_counter()
                subprocess.run([a.mandelc, KERNEL, str(a.w), str(a.maxiter),
                                *extra], cwd=ROOT, capture_output=True,
                               check=True)
                walls.append(time.perf_counter() - start)
            res[label] = statistics.median(walls)
        return res

    # ---- scaling ------------------------------------------------------------

    def best_hand(self):
        for isa in ("avx512", "avx2"):
            if os.path.exists(os.path.join(self.a.build, "simd_" + isa)):
                return "simd_" + isa
        return None

    def sweep(self, points, run):
        """{series: [(x, seconds)]} and sums that disagree, if any."""
        series, bad = {}, []
        for x in points:
            sums = {}
            for name, fn in run(x):
                m = self.measure(fn, runs=self.a.scaling_runs)
                series.setdefault(name, []).append((x, m["seconds"]))
                sums[name] = m["sum"]
            if len(set(sums.values())) != 1:
                bad.append((x, sums))
            print("  scaling %s: %s" % (x, sums), file=sys.stderr)
        return series, bad

    def scaling(self, figdir):
        a, hand = self.a, self.best_hand()
        hand_name = {"simd_avx512": "C, AVX-512 intrinsics",
                     "simd_avx2": "C, AVX2 intrinsics"}.get(hand)

        def variants(w, maxiter, t=1):
            v = [("mandelc SIMD", lambda: self.mandelc(w, maxiter, t)),
                 ("mandelc scalar",
                  lambda: self.mandelc(w, maxiter, t, "--simd=off"))]
            if hand:
                v.append((hand_name,
                          lambda: self.hand(hand, w, maxiter, t)))
            return v
        figs, bad = [], []
        s, b = self.sweep(a.w_sweep, lambda w: variants(w, a.maxiter))
        bad += b
        figs.append(("peers_w.svg", "Time against W (MAXITER %d, 1 thread)"
                     % a.maxiter, "W", s, True))
        s, b = self.sweep(a.maxiter_sweep, lambda m: variants(a.w, m))
        bad += b
        figs.append(("peers_maxiter.svg", "Time against MAXITER (W %d, "
                     "1 thread)" % a.w, "MAXITER", s, True))
        s, b = self.sweep(range(1, self.threads + 1),
                          lambda t: variants(a.w, a.maxiter, t))
        bad += b
        figs.append(("peers_threads.svg", "Time against threads (%d %d)"
                     % (a.w, a.maxiter), "threads", s, False))
        for name, title, xlabel, series, log in figs:
            svgplot.plot(os.path.join(figdir, name), title, xlabel,
                         "kernel seconds (median)", series, logx=log,
                         logy=log, integer_x=xlabel == "threads")
        for x, sums in bad:
            self.notes.append("scaling at %s: the sums differ: %s"
                              % (x, sums))
        return [(f[0], f[1]) for f in figs], figs

    # ---- the report ---------------------------------------------------------

    def find(self, name, threads):
        for n, t, m in self.rows:
            if n == name and t == threads:
                return m
        return None

    def versions(self):
        def out(cmd):
            try:
                return subprocess.run(cmd, capture_output=True, text=True,
                                      timeout=60).stdout.strip()
            except OSError:
                return ""
        py = out([DEBIAN_PYTHON, "-c", "import sys, Cython, numba, numpy, "
                  "numexpr; print('CPython %s, Cython %s, Numba %s, numpy "
                  "%s, numexpr %s' % (sys.version.split()[0], "
                  "Cython.__version__, numba.__version__, numpy.__version__,"
                  " numexpr.__version__))"])
        pypy = out(["pypy3", "-c", "import sys; print('PyPy %d.%d.%d' % "
                    "sys.pypy_version_info[:3])"])
        gcc = out(["gcc", "-dumpfullversion"])
        mandelc = " ".join(out([self.a.mandelc, "--version"]).split("\n"))
        return ", ".join(x for x in (py, pypy, "gcc " + gcc, mandelc) if x)

    def table(self, load_before, compile_res, figs, targets):
        a, n = self.a, self.threads
        cpu = "unknown CPU"
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
        load_after = " ".join(open("/proc/loadavg").read().split()[:3])
        now = datetime.datetime.now(datetime.timezone.utc)
        lines = [
            "### peers.sh: %s, %s, %s" % (now.strftime("%Y-%m-%d %H:%M UTC"),
                                          platform.machine(), cpu),
            "",
            "The tutorial's kernel at `%d %d`, kernel time only; the median "
            "of the runs shown. mandelc runs `%s` (cached, so compile time "
            "is not in these numbers; see below), and `%s`, the same kernel "
            "without the progress print. %d cores; load average before: %s,"
            " after: %s. %s."
            % (a.w, a.maxiter, KERNEL, QUIET_KERNEL, n, load_before,
               load_after, self.versions()),
            "\"× mandelc\" is the row's time over mandelc SIMD's at the "
            "same thread count; a sum is ✓ when it is CPython's (%s)."
            % self.expected,
            "",
            "| variant | threads | seconds | runs | validation sum | "
            "× mandelc |",
            "|---|---:|---:|---:|---:|---:|"]
        for name, t, m in self.rows:
            base = self.find("mandelc SIMD", t)
            ratio = ("%.2f" % (m["seconds"] / base["seconds"])
                     if base and base["seconds"] > 0 else "")
            ok = "✓" if m["sum"] == self.expected else "✗ (expected %s)" \
                % self.expected
            extra = ""
            if m.get("compile_seconds") is not None and "Numba" in name:
                extra = " (+ %.2f s to compile)" % m["compile_seconds"]
            lines.append("| %s%s | %d | %.6f | %d | %s %s | %s |"
                         % (name, extra, t, m["seconds"], m["runs"],
                            m["sum"], ok, ratio))
        lines += ["", "| mandelc | median of %d |" % a.runs, "|---|---:|"]
        for label, secs in compile_res.items():
            lines.append("| %s | %.1f ms |" % (label, secs * 1e3))
        lines += ["", "Targets of issue 6, from this run:", "",
                  "| measure | target | measured | met |",
                  "|---|---|---:|---|"]
        for label, target, measured, met in targets:
            lines.append("| %s | %s | %s | %s |"
                         % (label, target, measured,
                            "yes" if met else "**no**" if met is not None
                            else "not measured"))
        if figs:
            lines += ["", " ".join("![%s](%s)" % (title, name)
                                   for name, title in figs)]
        for note in self.notes:
            lines.append("\n- %s" % note)
        return "\n".join(lines) + "\n"

    def targets(self, compile_res):
        n, t = self.threads, []

        def ratio(label, target, a, b, limit, inverse=False):
            if not a or not b:
                t.append((label, target, "", None))
                return
            r = a["seconds"] / b["seconds"]
            t.append((label, target, "%.2fx" % r,
                      r >= limit if inverse else r <= limit))
        hand = (self.find("C, AVX-512 intrinsics", 1) and "AVX-512") or \
            (self.find("C, AVX2 intrinsics", 1) and "AVX2")
        hname = "C, %s intrinsics" % hand
        ratio("mandelc SIMD, 1 thread / hand %s" % hand, "<= 1.25x",
              self.find("mandelc SIMD", 1), self.find(hname, 1), 1.25)
        ratio("mandelc SIMD, %d threads / hand %s, %d threads"
              % (n, hand, n), "<= 1.25x", self.find("mandelc SIMD", n),
              self.find(hname, n), 1.25)
        ratio("Cython memoryviews / mandelc SIMD, 1 thread", ">= 10x",
              self.find("Cython, memoryviews", 1),
              self.find("mandelc SIMD", 1), 10, inverse=True)
        ratio("Numba @njit / mandelc SIMD, 1 thread", ">= 10x",
              self.find("Numba @njit", 1), self.find("mandelc SIMD", 1), 10,
              inverse=True)
        for label, key, limit in (
                ("cold compile + JIT", "cold compile + JIT (--no-cache)",
                 0.050),
                ("cache hit", "cache hit", 0.005),
                ("whole `mandelc %s %d %d` process" % (KERNEL, self.a.w,
                                                       self.a.maxiter),
                 "whole process, cached", 0.1)):
            v = compile_res.get(key)
            t.append((label, "<= %g ms" % (limit * 1e3),
                      "%.1f ms" % (v * 1e3) if v is not None else "",
                      v <= limit if v is not None else None))
        return t


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--mandelc", required=True)
    p.add_argument("--build", required=True,
                   help="where peers.sh built the C kernels and Cython")
    p.add_argument("--w", type=int, default=1000)
    p.add_argument("--maxiter", type=int, default=1000)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--scaling-runs", type=int, default=3)
    p.add_argument("--slow", type=float, default=10.0,
                   help="a variant slower than this runs once")
    p.add_argument("--timeout", type=float, default=600)
    p.add_argument("--w-sweep", type=lambda s: [int(x) for x in s.split(",")],
                   default=[250, 500, 1000, 2000])
    p.add_argument("--maxiter-sweep",
                   type=lambda s: [int(x) for x in s.split(",")],
                   default=[100, 300, 1000, 3000])
    p.add_argument("--skip", type=lambda s: s.split(","), default=[],
                   help="variant names to leave out (comma-separated)")
    p.add_argument("--no-scaling", action="store_true")
    p.add_argument("--no-record", action="store_true",
                   help="print only: no RESULTS.md entry, figures in "
                        "--build")
    return p.parse_args()


def main():
    a = parse_args()
    b = Bench(a)
    load_before = " ".join(open("/proc/loadavg").read().split()[:3])
    print("peers at %d %d, %d threads" % (a.w, a.maxiter, b.threads),
          file=sys.stderr)
    b.peers()
    b.mandelc_rows()
    b.hand_rows()
    compile_res = b.compile_times()
    figdir = a.build if a.no_record else os.path.join(ROOT, "bench")
    figs = [] if a.no_scaling else b.scaling(figdir)[0]
    text = b.table(load_before, compile_res, figs, b.targets(compile_res))
    print(text)
    if not a.no_record:
        with open(os.path.join(ROOT, "bench", "RESULTS.md"), "a") as f:
            f.write("\n" + text)


if __name__ == "__main__":
    main()
