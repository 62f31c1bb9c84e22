#!/usr/bin/env python3
"""run_shim.py - the CUDA lowering checked without a GPU.

    python3 tests/cuda/run_shim.py MANDELC BUILD_DIR [--ptx] [-j N]
                                   [--min-mapped N] [FILE_OR_DIR...]

For every kernel (by default examples/ and tests/kernels/**) that the CUDA
mapping accepts (`MANDELC FILE --emit=cuda` exits 0):
  * the CUDA C is compiled as C++ with g++ -O2 -ffp-contract=off together
    with tests/cuda/shim.h and shim_runner.cpp, run at the kernel's sizes,
    and its output must equal CPython's (tests/refdriver.py --int64, the
    oracle): all of stdout but the "Main took" time (so what the kernel
    prints, formatted on the host by runtime/launch.c from the GPU's print
    records, in iteration order), and the run-time error line
    `FILE:LINE: ExcName: message` (for OverflowError only up to the name,
    as tests/run_kernels.py compares it);
  * with --ptx, `MANDELC FILE --emit=ptx` (NVRTC) must succeed and ptxas
    must accept the PTX for sm_80 and sm_90.
Kernels the mapping refuses are listed with the reason (a compile error,
exit 1) and counted; a crash or any other exit status is a failure.
Kernels refused only because they call C's libm (exp, log, pow, sin, ...:
CUDA's may round differently from glibc, so float64 refuses them) are
run again with --fast-math, which accepts that, and listed as PASS-FM:
on the host the shim uses glibc, so this checks the lowering, not the
GPU's libm. Ends with `N matched (N with --fast-math), N failed, N not
mapped, N skipped (of N)`; exit status 1 on any failure or when fewer
than --min-mapped kernels were mapped.
"""

import argparse
import concurrent.futures
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
REFDRIVER = os.path.join(ROOT, "tests", "refdriver.py")
PTXAS = os.environ.get("PTXAS", "/usr/local/cuda/bin/ptxas")
ERROR_LINE = re.compile(r"^(\S+?):(\d+): ([A-Za-z]+Error)(: .*)?$", re.M)
TIME_LINE = re.compile(r"Main took \S+$", re.M)  # after print(end='') too


def headers(path):
    """args, mandelc options and targets from the file's leading comments."""
    h = {"args": ["100", "30"], "mandelc": [], "targets": None}
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if not line.startswith("#"):
                break
            key, _, value = line[1:].strip().partition(":")
            if key in ("args", "mandelc", "targets"):
                h[key] = value.split()
    return h


def run(cmd, timeout=300):
    try:
        p = subprocess.run(cmd, capture_output=True, text=True,
                           errors="replace", timeout=timeout)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return -1, "", "timed out"


def outcome(rc, out, err):
    """What must match: stdout without the time, and the error line."""
    out = TIME_LINE.sub("Main took (time)", out)
    m = ERROR_LINE.search(err)
    if rc == 3 and m:
        name = m.group(3)
        tail = "" if name == "OverflowError" else (m.group(4) or "")
        return "%serror %s:%s: %s%s" % (out, os.path.basename(m.group(1)),
                                       m.group(2), name, tail)
    return "%sexit %d" % (out, rc)


def check_ptx(mandelc, path, opts, tmp):
    rc, ptx, err = run([mandelc, path, "--emit=ptx"] + opts)
    if rc < 0 or rc in (134, 139):
        # mandelc died on a signal (seen only at process exit, under load,
        # in main.c's watcher thread); said on stderr, then tried again
        sys.stderr.write("note: %s --emit=ptx died (%d); retried\n" %
                         (path, rc))
        rc, ptx, err = run([mandelc, path, "--emit=ptx"] + opts)
    if rc != 0:
        return "NVRTC failed:\n" + err
    ptx_file = os.path.join(tmp, "k.ptx")
    with open(ptx_file, "w") as f:
        f.write(ptx)
    for arch in ("sm_80", "sm_90"):
        rc, _, err = run([PTXAS, "-arch=" + arch, ptx_file, "-o",
                          os.path.join(tmp, "k.cubin")])
        if rc != 0:
            return "ptxas -arch=%s rejected the PTX:\n%s" % (arch, err)
    return None


def check(args, path):
    """('match'|'fail'|'unmapped', detail) for one kernel file."""
    h = headers(path)
    if h["targets"] is not None and "cuda" not in h["targets"]:
        return "skip", "not for the cuda target"
    opts = [o for o in h["mandelc"]
            if o.startswith(("--kernel", "--region", "--bind"))]
    rc, cu, err = run([args.mandelc, path, "--emit=cuda"] + opts)
    fast_math = rc == 1 and "CUDA's libm" in err
    if fast_math:
        opts.append("--fast-math")
        rc, cu, err = run([args.mandelc, path, "--emit=cuda"] + opts)
    if rc == 1:
        return "unmapped", err.strip().splitlines()[0] if err.strip() else ""
    if rc != 0:
        return "fail", "--emit=cuda exited %d:\n%s" % (rc, err)
    with tempfile.TemporaryDirectory() as tmp:
        cu_file = os.path.join(tmp, "kernel.cu")
        with open(cu_file, "w") as f:
            f.write(cu)
        # the header the kernel's CUDA C includes, found beside it
        rc, prelude, err = run([args.mandelc, path, "--emit=cuda-prelude"]
                               + opts)
        if rc != 0:
            return "fail", "--emit=cuda-prelude exited %d:\n%s" % (rc, err)
        with open(os.path.join(tmp, "mandelc_prelude.cuh"), "w") as f:
            f.write(prelude)
        exe = os.path.join(tmp, "runner")
        b = args.build_dir
        rc, _, err = run(["g++", "-std=c++17", "-O2", "-ffp-contract=off",
                          "-w", "-I" + HERE,
                          '-DKERNEL_CU="%s"' % cu_file,
                          '-DMANDELC_FILE="%s"' % path,
                          os.path.join(HERE, "shim_runner.cpp"),
                          "-x", "c", os.path.join(HERE, "shim_print.c"),
                          "-x", "none",
                          os.path.join(b, "runtime", "libmandelc_runtime.a"),
                          os.path.join(b, "compiler", "libmandelc_compiler.a"),
                          os.path.join(b, "frontend", "libmandelc_frontend.a"),
                          "-lffi", "-lpng", "-ldl", "-lpthread", "-lm",
                          "-o", exe] +
                         # a sanitizer build's libraries need its runtime
                         os.environ.get("SHIM_CXXFLAGS", "").split())
        if rc != 0:
            return "fail", "g++ rejected the CUDA C:\n" + err[:4000]
        region = [o for o in opts if o.startswith("--region")]
        # --julia=C for the runner as RE,IM (Python reads C, as mandelc does)
        julia = ["--julia=%r,%r" % (c.real, c.imag) for c in
                 (complex(o[len("--julia="):]) for o in h["mandelc"]
                  if o.startswith("--julia="))]
        got = outcome(*run([exe] + h["args"] + region + julia))
        want = outcome(*run([sys.executable, REFDRIVER, path] + h["args"] +
                            h["mandelc"] + ["--int64"]))
        if got != want:
            return "fail", "CPython:\n%s\nshim:\n%s" % (want, got)
        if args.ptx:
            bad = check_ptx(args.mandelc, path, opts, tmp)
            if bad:
                return "fail", bad
    return ("match-fm" if fast_math else "match"), ""


def kernel_files(paths):
    for p in paths:
        if os.path.isdir(p):
            for d, _, files in sorted(os.walk(p)):
                for f in sorted(files):
                    if f.endswith(".py"):
                        yield os.path.join(d, f)
        else:
            yield p


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mandelc")
    ap.add_argument("build_dir")
    ap.add_argument("--ptx", action="store_true")
    ap.add_argument("-j", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--min-mapped", type=int, default=1)
    ap.add_argument("paths", nargs="*")
    args = ap.parse_intermixed_args()
    os.chdir(ROOT)
    paths = args.paths or ["examples", os.path.join("tests", "kernels")]
    files = list(kernel_files(paths))
    counts = {"match": 0, "match-fm": 0, "fail": 0, "unmapped": 0,
              "skip": 0}
    with concurrent.futures.ThreadPoolExecutor(args.j) as pool:
        for path, (kind, detail) in zip(files, pool.map(
                lambda f: check(args, f), files)):
            counts[kind] += 1
            label = {"match": "PASS", "match-fm": "PASS-FM", "fail": "FAIL",
                     "unmapped": "UNMAPPED", "skip": "SKIP"}[kind]
            print("%-8s %s%s" % (label, path, ("  " + detail.replace(
                "\n", "\n    ")) if detail else ""))
    mapped = counts["match"] + counts["match-fm"] + counts["fail"]
    print("%d matched (%d with --fast-math), %d failed, %d not mapped, "
          "%d skipped (of %d)" %
          (counts["match"] + counts["match-fm"], counts["match-fm"],
           counts["fail"], counts["unmapped"], counts["skip"], len(files)))
    ok = counts["fail"] == 0 and mapped >= args.min_mapped
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
