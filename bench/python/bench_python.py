"""bench_python.py - what bench/bench_python.sh runs (see there)."""

import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
RESULTS = os.path.join(ROOT, "bench", "RESULTS.md")
VARIANTS = (("mandelc", "@mandelc.jit"),
            ("mandelc_numpy", "@mandelc.jit, numpy arrays in"),
            ("numba", "@numba.njit"),
            ("cython", "Cython (cy_kernel.pyx, lists)"))


def cpu():
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.machine()


def run(cmd, env, timeout=900):
    r = subprocess.run(cmd, capture_output=True, text=True, env=env,
                       timeout=timeout)
    if r.returncode:
        raise SystemExit("bench_python: %s failed:\n%s%s"
                         % (" ".join(cmd), r.stdout[-2000:],
                            r.stderr[-3000:]))
    return r.stdout


def program(tmp, variant):
    """examples/pure_python3.py with its kernel under the variant."""
    with open(os.path.join(ROOT, "examples", "pure_python3.py")) as f:
        text = f.read()
    deco = {"mandelc": "import mandelc\n@mandelc.jit\n",
            "mandelc_numpy": "import mandelc\n@mandelc.jit\n",
            "numba": "import numba\n@numba.njit\n"}.get(variant)
    head = "def calculate_z_serial_purepython(q, maxiter, z):\n"
    assert head in text
    if variant == "cython":
        text = text.replace(head, "from cy_kernel import "
                            "calculate_z_serial_purepython\n\n\ndef _unused(q,"
                            " maxiter, z):\n")
    else:
        text = text.replace(head, deco + head)
    path = os.path.join(tmp, "prog_%s.py" % variant)
    with open(path, "w") as f:
        f.write(text)
    return path


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("w", nargs="?", type=int, default=1000)
    ap.add_argument("maxiter", nargs="?", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--cython-dir", required=True)
    ap.add_argument("--no-record", action="store_true")
    a = ap.parse_args()
    mandelc = os.path.join(a.build, "mandelc")
    tmp = tempfile.mkdtemp(prefix="bench_python_")
    try:
        rows, notes = measure(a, mandelc, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    table = render(a, rows, notes)
    print(table)
    if not a.no_record:
        with open(RESULTS, "a") as f:
            f.write("\n" + table)


def measure(a, mandelc, tmp):
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([os.path.join(ROOT, "python"),
                                         a.cython_dir])
    env["MANDELC_LIBRARY"] = os.path.join(a.build, "libmandelc.so.0")
    warm = os.path.join(tmp, "cache_warm")
    size = [str(a.w), str(a.maxiter)]
    rows = []
    # the command line's kernel time (the "Main took" call alone)
    cli = []
    for _ in range(a.runs):
        out = run([mandelc, os.path.join(ROOT, "examples", "pure_python3.py")]
                  + size + ["--json"], dict(env, XDG_CACHE_HOME=warm))
        cli.append(json.loads(out)["main_seconds"])
    cli_sum = json.loads(out)["sum"]
    for variant, label in VARIANTS:
        timer = [sys.executable, os.path.join(HERE, "kernel_time.py"),
                 variant] + size + [str(a.runs)]
        cold = os.path.join(tmp, "cache_cold_" + variant)
        first_cold = json.loads(run(timer, dict(env, XDG_CACHE_HOME=cold)))
        run(timer, dict(env, XDG_CACHE_HOME=warm))  # fills the cache
        firsts, laters, tinies = [], [], []
        for _ in range(3):
            r = json.loads(run(timer, dict(env, XDG_CACHE_HOME=warm)))
            firsts.append(r["first"])
            laters += r["later"]
            tinies.append(r["tiny_us"])
        prog = program(tmp, variant)
        whole = []
        for _ in range(a.runs if variant != "mandelc_numpy" else 0):
            t = datetime.datetime.now()
            out = run([sys.executable, prog] + size,
                      dict(env, XDG_CACHE_HOME=warm))
            whole.append((datetime.datetime.now() - t).total_seconds())
        if whole:
            prog_sum = int(out.strip().split()[-1])
        assert prog_sum == r["sum"] == first_cold["sum"], (
            prog_sum, r["sum"], first_cold["sum"])
        rows.append(dict(label=label, whole=statistics.median(whole)
                         if whole else None,
                         first_cold=first_cold["first"],
                         first=statistics.median(firsts),
                         later=statistics.median(laters),
                         tiny=statistics.median(tinies), sum=prog_sum))
    notes = dict(cli=statistics.median(cli), cli_sum=cli_sum)
    return rows, notes


def render(a, rows, notes):
    now = datetime.datetime.now(datetime.timezone.utc)
    base = rows[0]["later"]
    out = ["### bench_python.sh: %s UTC, %s, %d cores" % (
        now.strftime("%Y-%m-%d %H:%M"), cpu(), os.cpu_count()), "",
        "The tutorial's program (examples/pure_python3.py) at %d %d from"
        " Python (%s), its kernel under each compiler; median of %d runs"
        " (later calls: of %d). Whole program: the process, wall time, the"
        " compile cache warm. First call: compile + one run, in a new"
        " process (cold: mandelc's cache empty). Later calls: the kernel"
        " alone, converting the lists included. Compile: first (warm) -"
        " later. One call: add(a, b), two ints. The command line's kernel"
        " (`mandelc --json`, main_seconds, all cores): %.4f s, sum %d."
        " Goals (issue 15): the kernel from Python within 1.1x of the"
        " command line's: %.2fx with lists, %.2fx with numpy arrays; a first"
        " call under 100 ms: %.0f ms warm, %.0f ms cold (the library's"
        " load included; Python's import of mandelc not). The numpy row's"
        " program is the lists one." % (
            a.w, a.maxiter, "Python " + platform.python_version(), a.runs,
            3 * a.runs, notes["cli"], notes["cli_sum"],
            base / notes["cli"], rows[1]["later"] / notes["cli"],
            rows[0]["first"] * 1000,
            rows[0]["first_cold"] * 1000), "",
        "| kernel | whole program s | first call s (cold) | first call s"
        " | compile s | later calls s | vs @mandelc.jit | one call us |"
        " sum |",
        "|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        out.append("| %s | %s | %.3f | %.3f | %.3f | %.4f | %.2fx | %.2f |"
                   " %d |" % (r["label"], "%.3f" % r["whole"]
                              if r["whole"] is not None else "-",
                              r["first_cold"],
                              r["first"], r["first"] - r["later"],
                              r["later"], r["later"] / base, r["tiny"],
                              r["sum"]))
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    main()
