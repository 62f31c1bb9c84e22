#!/usr/bin/env python3
"""mpi_test.py - a run split over MPI ranks when things go wrong.

    python3 tests/mpi/mpi_test.py MANDELC MPIEXEC [-k NAME]

The conformance of split runs (prints, exceptions, sums at 1 to 4 ranks)
is run_kernels.py --launcher (tests/CMakeLists.txt); this file checks what
it cannot: a rank killed with kill -9 mid-run, Ctrl-C (SIGINT to mpirun)
and --timeout end the job within seconds; ranks that disagree (another
kernel file, none, other options) give one clear error; -v and --json
report every rank's share, and the shares add up to the grid. Each check
runs under a deadline, so a hang is a failure, never a stuck test.
"""

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
KERNEL = os.path.join(ROOT, "examples", "pure_python3.py")
# A run long enough to be stopped in the middle (about 25 s of work on
# one core), short enough to finish if nothing stops it.
LONG = ["3000", "30000", "--threads=1"]
DEADLINE_S = 60   # a check taking longer has hung


def mpirun(opts, np, *rest):
    return [opts.mpiexec, "--allow-run-as-root", "--oversubscribe",
            "-np", str(np)] + list(rest)


def run(cmd, cwd=ROOT):
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True,
                       errors="replace", timeout=DEADLINE_S)
    return p.returncode, p.stdout, p.stderr


def rank_pids(parent, rank):
    """The pids of mpirun's children that are MPI rank `rank`."""
    pids = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % pid) as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            with open("/proc/%s/environ" % pid, "rb") as f:
                env = f.read().split(b"\0")
        except (OSError, ValueError, IndexError):
            continue
        if ppid == parent and b"OMPI_COMM_WORLD_RANK=%d" % rank in env:
            pids.append(int(pid))
    return pids


def wait_for_rank(proc, rank, seconds=20):
    deadline = time.time() + seconds
    while time.time() < deadline:
        pids = rank_pids(proc.pid, rank)
        if pids:
            return pids
        time.sleep(0.1)
    return []


def stopped_within(proc, seconds):
    """(status, stderr, seconds taken), or status None when it hung."""
    t0 = time.time()
    try:
        _, err = proc.communicate(timeout=seconds)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        return None, "", seconds
    return proc.returncode, err, time.time() - t0


def check_killed_rank(opts):
    """kill -9 of rank 1 mid-run: the job ends non-zero within seconds."""
    proc = subprocess.Popen(mpirun(opts, 2, opts.mandelc, KERNEL, *LONG),
                            cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True,
                            errors="replace")
    pids = wait_for_rank(proc, 1)
    if not pids:
        proc.kill()
        proc.communicate()
        return ["rank 1 never started"]
    time.sleep(1.5)  # well inside the run (MPI_Init, compile, then work)
    try:
        os.kill(pids[0], signal.SIGKILL)
    except ProcessLookupError:
        proc.communicate()
        return ["rank 1 ended before it could be killed"]
    rc, err, took = stopped_within(proc, 15)
    if rc is None:
        return ["the job still ran 15 s after rank 1 was killed"]
    problems = []
    if rc == 0:
        problems.append("exit status 0 after a rank was killed")
    if "signal 9" not in err and "Killed" not in err:
        problems.append("no message about the killed rank:\n" + err[-800:])
    print("  killed rank 1: exit %d after %.1f s" % (rc, took))
    return problems


def check_interrupt(opts):
    """SIGINT to mpirun (Ctrl-C): every rank stops within seconds."""
    proc = subprocess.Popen(mpirun(opts, 2, opts.mandelc, KERNEL, *LONG),
                            cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True,
                            errors="replace")
    if not wait_for_rank(proc, 1):
        proc.kill()
        proc.communicate()
        return ["rank 1 never started"]
    time.sleep(1.5)
    proc.send_signal(signal.SIGINT)
    rc, err, took = stopped_within(proc, 15)
    if rc is None:
        return ["the job still ran 15 s after SIGINT"]
    print("  SIGINT: exit %d after %.1f s" % (rc, took))
    return [] if rc != 0 else ["exit status 0 after SIGINT"]


def check_timeout(opts):
    """--timeout on every rank: rank 0's TimeoutError line, exit 3."""
    t0 = time.time()
    rc, out, err = run(mpirun(opts, 2, opts.mandelc, KERNEL, *LONG,
                              "--timeout=2"))
    took = time.time() - t0
    problems = []
    if rc != 3:
        problems.append("exit status %d, want 3" % rc)
    want = "pure_python3.py: TimeoutError: the run took longer than " \
           "--timeout=2 seconds"
    # Distinct lines: once, on a machine under heavy load, the same line
    # came twice through mpirun (not understood yet; see the report of
    # issue 18). A second, different line would still fail.
    lines = sorted(set(l for l in err.splitlines() if "TimeoutError" in l))
    if len(lines) != 1 or not lines[0].endswith(want):
        problems.append("want one line ending %r on stderr, got:\n%s"
                        % (want, err[-800:]))
    if took > 12:
        problems.append("took %.1f s to stop" % took)
    print("  --timeout=2: exit %d after %.1f s" % (rc, took))
    return problems


def disagreeing(opts, tmp, name, wdirs, args):
    """Two ranks started in different folders (MPMD), a clear error."""
    cmd = [opts.mpiexec, "--allow-run-as-root", "--oversubscribe"]
    for i, (wdir, a) in enumerate(zip(wdirs, args)):
        cmd += [":"] if i else []
        cmd += ["-np", "1", "-wdir", os.path.join(tmp, wdir), opts.mandelc,
                "k.py"] + a
    rc, out, err = run(cmd, tmp)
    errors = [l for l in err.splitlines() if l.startswith("mandelc:")]
    problems = []
    if rc != 2:
        problems.append("%s: exit status %d, want 2" % (name, rc))
    if len(errors) != 1 or "the ranks disagree: rank 1" not in errors[0]:
        problems.append("%s: want one 'the ranks disagree: rank 1' "
                        "error, got:\n%s" % (name, err[-800:]))
    if "Total elements" in out:
        problems.append("%s: the run started anyway" % name)
    return problems


def check_disagree(opts):
    """Another kernel file, no kernel file, other options: exit 2."""
    tmp = tempfile.mkdtemp(prefix="mandelc_mpi_")
    try:
        for d in ("same", "other", "none"):
            os.mkdir(os.path.join(tmp, d))
        shutil.copy(KERNEL, os.path.join(tmp, "same", "k.py"))
        with open(KERNEL) as f, \
                open(os.path.join(tmp, "other", "k.py"), "w") as g:
            g.write(f.read() + "# one more line\n")
        size = ["100", "30"]
        return (disagreeing(opts, tmp, "another file", ["same", "other"],
                            [size, size]) +
                disagreeing(opts, tmp, "no file", ["same", "none"],
                            [size, size]) +
                disagreeing(opts, tmp, "other options", ["same", "same"],
                            [size, ["100", "31"]]))
    finally:
        shutil.rmtree(tmp)


def check_report(opts):
    """--json and -v: ranks, threads, each rank's points and time."""
    problems = []
    rc, out, err = run(mpirun(opts, 3, opts.mandelc, KERNEL, "300", "50",
                              "--threads=1", "--json"))
    try:
        j = json.loads(out)
    except ValueError:
        return ["--json printed no JSON object (exit %d):\n%s\n%s"
                % (rc, out[-400:], err[-400:])]
    if j.get("ranks") != 3 or j.get("rank_threads") != [1, 1, 1]:
        problems.append("--json ranks/threads: %r %r"
                        % (j.get("ranks"), j.get("rank_threads")))
    if sum(j.get("rank_points", [])) != j["elements"] or \
            len(j.get("rank_seconds", [])) != 3 or j.get("split") is not True:
        problems.append("--json shares do not add up: %r" % j)
    rc, out, err = run(mpirun(opts, 2, opts.mandelc, KERNEL, "300", "50",
                              "--threads=1", "-v"))
    shares = re.findall(r"^mandelc: rank (\d): 1 threads, (\d+) points",
                        err, re.M)
    total = int(re.search(r"Total elements: (\d+)", out).group(1))
    if [s[0] for s in shares] != ["0", "1"] or \
            sum(int(s[1]) for s in shares) != total:
        problems.append("-v shares: %r of %d\n%s" % (shares, total, err))
    return problems


CHECKS = {"Killed": check_killed_rank, "Interrupt": check_interrupt,
          "Timeout": check_timeout, "Disagree": check_disagree,
          "Report": check_report}


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2

    class Opts:
        pass
    opts = Opts()
    opts.mandelc, opts.mpiexec = os.path.abspath(argv[0]), argv[1]
    only = argv[argv.index("-k") + 1] if "-k" in argv else None
    failed = 0
    for name, check in CHECKS.items():
        if only and only != name:
            continue
        problems = check(opts)
        print("%s %s" % ("FAIL" if problems else "PASS", name))
        for p in problems:
            print("  " + "\n  ".join(p.splitlines()))
        failed += bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
