"""test_package.py - `import mandelc`: arguments, results, errors, prints,
Ctrl-C, compile(), against CPython running the same functions undecorated.

Each kernel here is defined once, in kernels_src below, written to a file
and imported twice: plain (CPython, the oracle) and with every function
decorated by @mandelc.jit.
"""

import array
import importlib.util
import math
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time

import numpy as np
import pytest

from common import ROOT, env

import mandelc

KERNELS = '''
import math

LIMIT = 2.0
SCALE = (1, 2.5, 3j)
ROWS = [3, 1, 4, 1, 5]


def escape(c, maxiter):
    z = 0j
    for n in range(maxiter):
        z = z * z + c
        if abs(z) > LIMIT:
            return n
    return maxiter


def counts(q, maxiter, z):
    output = [0] * len(q)
    for i in range(len(q)):
        zi = z[i]
        for n in range(maxiter):
            zi = zi * zi + q[i]
            if abs(zi) > LIMIT:
                output[i] = n
                break
    return output


def fill(q, maxiter, output):
    for i in range(len(q)):
        output[i] = escape(q[i], maxiter)


def scale(xs, k):
    total = 0.0
    for i in range(len(xs)):
        xs[i] = xs[i] * k + SCALE[1]
        total += xs[i]
    return total


def halves(xs):
    out = [0.0] * len(xs)
    for i in range(len(xs)):
        out[i] = xs[i] / 2 + math.sqrt(abs(xs[i]))
    return out


def flags(bs, n):
    count = 0
    for i in range(n):
        if bs[i]:
            count += ROWS[i % len(ROWS)]
    return count


def divide(xs, d):
    total = 0
    for x in xs:
        total += x // d
    return total


def pick(xs, i):
    return xs[i] * 2


def noisy(n):
    for i in range(n):
        print("step", i, i * 0.5)
    return n


def grow(xs, n):
    for i in range(n):
        xs.append(i * 10)
    return len(xs)


def spin(n):
    k = 0
    while n > 0:
        k = (k * 7 + 1) % 1000003
    return k


def root(x):
    return math.sqrt(x)


def power(x, n):
    return x ** n
'''


def load(tmp_path_factory, decorate):
    d = tmp_path_factory.mktemp("jit" if decorate else "plain")
    # the same lines in both: the plain module has blank lines where the
    # decorated one has `import mandelc` and the decorators
    text = "import mandelc\n" + KERNELS.replace("\ndef ",
                                                "\n@mandelc.jit\ndef ")
    if not decorate:
        text = text.replace("import mandelc\n", "\n").replace(
            "@mandelc.jit\n", "\n")
    path = d / "kernels_mod.py"
    path.write_text(text)
    spec = importlib.util.spec_from_file_location(
        "kernels_%s" % ("jit" if decorate else "plain"), path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def py(tmp_path_factory):
    return load(tmp_path_factory, False)


@pytest.fixture(scope="module")
def mc(tmp_path_factory):
    return load(tmp_path_factory, True)


def grid(n=40):
    return [complex(-2.13 + 2.9 * i / n, -1.3 + 2.6 * j / n)
            for j in range(n // 2) for i in range(n)]


def same(a, b):
    assert type(a) is type(b), (a, b)
    assert repr(a) == repr(b)


# ---- values in, values out ------------------------------------------------


def test_point_scalars(py, mc):
    for c in grid(20):
        same(mc.escape(c, 50), py.escape(c, 50))
    same(mc.escape(c=0.3 + 0.5j, maxiter=80), py.escape(0.3 + 0.5j, 80))
    same(mc.root(2.0), py.root(2.0))


def test_list_in_list_out(py, mc):
    q = grid()
    want = py.counts(q, 60, [0j] * len(q))
    got = mc.counts(q, 60, [0j] * len(q))
    assert type(got) is list and got == want
    assert mc.counts([], 60, []) == []


def test_later_calls_reuse_the_kernel(mc):
    q = grid(8)
    k = mc.counts.compile(q, 10, [0j] * len(q))
    n = len(mc.counts.signatures)
    mc.counts(q, 10, [0j] * len(q))
    mc.counts(q, True, [0j] * len(q))  # a bool is an int
    assert mc.counts.compile(q, 10, [0j] * len(q)) is k
    assert len(mc.counts.signatures) == n
    assert str(mc.counts.signature) == \
        "(q: list[complex], maxiter: int, z: list[complex]) -> list[int]"


def test_numpy_in_numpy_out(py, mc):
    q = grid()
    want = py.counts(q, 60, [0j] * len(q))
    got = mc.counts(np.array(q), 60, np.zeros(len(q), complex))
    assert isinstance(got, np.ndarray) and got.dtype == np.int64
    assert got.tolist() == want
    xs = np.linspace(-3, 7, 101)
    got = mc.halves(xs)
    assert got.dtype == np.float64
    assert [repr(x) for x in got.tolist()] == \
        [repr(x) for x in py.halves(xs.tolist())]


def test_numpy_output_written_in_place_without_copy(py, mc):
    q = grid()
    want = [0] * len(q)
    py.fill(q, 40, want)
    out = np.zeros(len(q), dtype=np.int64)
    before = out.__array_interface__["data"][0]
    assert mc.fill(np.array(q), 40, out) is None
    assert out.__array_interface__["data"][0] == before
    assert out.tolist() == want


def test_list_arguments_written_back(py, mc):
    xs = [1.5, -2.0, 3.25, 0.0]
    ys = list(xs)
    same(mc.scale(xs, 3), py.scale(ys, 3))
    assert [repr(x) for x in xs] == [repr(y) for y in ys]
    out = [0] * 10
    want = [0] * 10
    mc.fill(grid(4)[:10], 30, out)
    py.fill(grid(4)[:10], 30, want)
    assert out == want


def test_array_array(py, mc):
    xs = array.array("d", [1.5, -2.0, 3.25])
    ys = xs.tolist()
    same(mc.scale(xs, 2), py.scale(ys, 2))
    assert xs.tolist() == ys
    got = mc.halves(array.array("d", [4.0, 9.0]))
    assert isinstance(got, array.array) and got.tolist() == \
        py.halves([4.0, 9.0])
    assert mc.divide(array.array("q", [7, -7, 9]), 2) == \
        py.divide([7, -7, 9], 2)


def test_non_contiguous_numpy_is_copied_and_written_back(py, mc):
    a = np.arange(20, dtype=np.float64)
    view = a[::2]
    want = view.tolist()
    total = py.scale(want, 1.5)
    same(mc.scale(view, 1.5), total)
    assert a[::2].tolist() == want
    assert a[1::2].tolist() == list(np.arange(1, 20, 2, dtype=float))


def test_other_numpy_dtypes_copied(py, mc):
    assert mc.divide(np.array([7, -7, 9], dtype=np.int32), 2) == \
        py.divide([7, -7, 9], 2)
    got = mc.halves(np.array([4.0, 9.0], dtype=np.float32))
    assert got.tolist() == py.halves([4.0, 9.0])


def test_bools(py, mc):
    bs = [True, False, True, True, False, True]
    assert mc.flags(bs, 6) == py.flags(bs, 6)
    assert mc.flags(np.array(bs), 6) == py.flags(bs, 6)


def test_length_change_reaches_the_list(py, mc):
    xs, ys = [1, 2], [1, 2]
    assert mc.grow(xs, 3) == py.grow(ys, 3)
    assert xs == ys


# ---- errors ----------------------------------------------------------------


def kernel_exception(fn, *args):
    try:
        fn(*args)
    except Exception as e:
        return e
    raise AssertionError("no exception")


@pytest.mark.parametrize("name,args", [
    ("divide", ([1, 2], 0)),
    ("pick", ([1, 2, 3], 5)),
    ("root", (-1.0,)),
    ("power", (10.0, 400)),
])
def test_exceptions_as_cpython(py, mc, name, args):
    want = kernel_exception(getattr(py, name), *args)
    got = kernel_exception(getattr(mc, name), *args)
    assert type(got) is type(want)
    assert got.kernel_message == str(want)
    tb = want.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    assert got.kernel_line == tb.tb_lineno
    assert os.path.basename(got.kernel_file) == "kernels_mod.py"
    assert str(got) == "%s (%s, line %d)" % (str(want), got.kernel_file,
                                             tb.tb_lineno)


def test_prints_reach_sys_stdout(py, mc, capsys):
    py.noisy(3)
    want = capsys.readouterr().out
    assert mc.noisy(3) == 3
    assert capsys.readouterr().out == want


@pytest.mark.parametrize("args,exc", [
    ((grid(2), "10", [0j]), TypeError),
    ((grid(2), 10.0, [0j]), TypeError),
    ((grid(2),), TypeError),
    (("abc", 10, [0j]), TypeError),
    (([1, "x"], 10, [0j, 0j]), TypeError),
    ((grid(2), 2 ** 70, [0j]), OverflowError),
    ((np.zeros((2, 2), complex), 10, [0j]), ValueError),
    ((np.zeros(3, dtype="U3"), 10, [0j]), TypeError),
])
def test_bad_arguments(mc, args, exc):
    with pytest.raises(exc):
        mc.counts(*args)


def test_compile_error(tmp_path):
    with pytest.raises(mandelc.CompileError) as info:
        mandelc.compile("def f(x):\n    d = {1: x}\n    return d[1]\n",
                        kernel="f")
    assert "<string>:2" in str(info.value)
    assert info.value.lineno == 2
    src = tmp_path / "outside.py"
    src.write_text("import mandelc\n\n\n@mandelc.jit\n"
                   "def f(x):\n    class A:\n        pass\n    return x\n"
                   "try:\n    f(1)\nexcept mandelc.CompileError as e:\n"
                   "    print(e.filename, e.lineno, e)\n")
    r = subprocess.run([sys.executable, str(src)], capture_output=True,
                       text=True, env=env(), timeout=60)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("%s 6 " % src), r.stdout


def test_jit_options():
    with pytest.raises(TypeError):
        mandelc.jit(nopython=True, bogus=1)
    with pytest.raises(ValueError):
        mandelc.jit(nopython=False)
    with pytest.raises(ValueError):
        mandelc.jit(target="opencl")
    assert mandelc.njit is mandelc.jit
    with pytest.raises(TypeError):
        mandelc.jit(42)


def test_cuda_without_gpu_is_a_clear_error(tmp_path):
    src = "def f(c, maxiter):\n    return maxiter\n"
    try:
        k = mandelc.compile(src, kernel="f", target="cuda")
        k(0j, 3)
    except mandelc.TargetUnavailable as e:
        assert "GPU" in str(e) or "CUDA" in str(e) or "cuda" in str(e)
    else:  # a GPU is here: then the kernel ran
        assert k(0j, 3) == 3


def test_compile_path_and_emit():
    path = os.path.join(ROOT, "examples", "pure_python_2.py")
    k = mandelc.compile(path)
    assert k.__name__ == "calculate_z_serial_purepython"
    assert str(k.signature) == ("(q: list[complex], maxiter: int,"
                                " z: list[complex]) -> list[int]")
    assert "define" in k.emit("llvm")
    with pytest.raises(ValueError):
        k.emit("nonsense")
    with pytest.raises(OSError):
        mandelc.compile("/nonexistent/kernel.py")


def test_gil_released_while_the_kernel_runs(mc):
    mc.escape(0j, 5)  # compiled
    ticks = []
    done = threading.Event()

    def tick():
        while not done.is_set():
            ticks.append(1)
            time.sleep(0.001)
    t = threading.Thread(target=tick)
    t0 = time.perf_counter()
    t.start()
    for _ in range(5):
        assert mc.escape(0j, 10 ** 7) == 10 ** 7
    done.set()
    t.join()
    elapsed = time.perf_counter() - t0
    assert elapsed > 0.05, "the kernel ran too fast to tell"
    assert len(ticks) > elapsed * 1000 / 4


INTERRUPT = '''
import sys, time
sys.path.insert(0, sys.argv[1])
import mandelc

@mandelc.jit
def spin(n):
    k = 0
    while n > 0:
        k = (k * 7 + 1) % 1000003
    return k

spin(0)
print("running", flush=True)
try:
    spin(1)
except KeyboardInterrupt:
    print("interrupted %.3f" % time.monotonic(), flush=True)
print("after", spin(0), flush=True)
'''


def test_ctrl_c_raises_keyboard_interrupt(tmp_path):
    script = tmp_path / "spin.py"
    script.write_text(INTERRUPT)
    p = subprocess.Popen([sys.executable, str(script),
                          os.path.join(ROOT, "python")],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True, env=env())
    try:
        assert p.stdout.readline() == "running\n"
        time.sleep(0.3)
        sent = time.monotonic()
        p.send_signal(signal.SIGINT)
        out, err = p.communicate(timeout=30)
    finally:
        p.kill()
    lines = out.splitlines()
    assert p.returncode == 0, err
    assert lines[0].startswith("interrupted"), out
    assert float(lines[0].split()[1]) - sent < 1.0
    assert lines[1] == "after 0"
