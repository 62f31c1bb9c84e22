"""test_source.py - the file @mandelc.jit writes for a function
(mandelc/_source.py), without the library: what it takes from the module,
how it spells constants (each spelling evaluated back by CPython), and the
line map."""

import math
import os
import sys

import pytest

import common  # noqa: F401  (the package's path)
from mandelc import _source

HERE = os.path.dirname(os.path.abspath(__file__))

A, B = 0.25, -3
NAMES = (1, 2.5, 3j, True)
ROW = [1.0, float("inf"), -0.0]
NOT_A_NUMBER = {"a": 1}


def helper(z):
    return abs(z) + math.sqrt(A)


def kernel(q, maxiter, limit=B):
    total = 0
    for i in range(len(q)):
        total += int(helper(q[i])) + NAMES[0] + len(ROW) + maxiter
    return total


def uses_dict(x):
    return NOT_A_NUMBER


@pytest.mark.parametrize("value", [
    0, -5, 2 ** 62, 0.1, -0.0, 1e300, float("inf"), -float("inf"), 1 + 2j,
    complex(-0.0, 1e-300), True, False, (1,), (1, 2.5), [1, 2, 3], [],
    [(1, 2), (3, 4)]])
def test_spell_round_trips(value):
    text = _source.spell(value)
    back = eval(text)
    assert type(back) is type(value)
    assert repr(back) == repr(value)


def test_spell_nan():
    assert math.isnan(eval(_source.spell(float("nan"))))


def test_spell_refuses_other_values():
    for v in ({}, "text", None, object(), [1, "a"], {1, 2}):
        assert _source.spell(v) is None


def test_gather_takes_what_the_kernel_reads():
    g = _source.gather(kernel)
    assert g.name == "kernel"
    text = g.text
    assert "import math\n" in text
    for line in ("A = 0.25", "B = -3", "NAMES = (1, 2.5, complex(0.0, 3.0),"
                 " True)", "ROW = [1.0, 1e999, -0.0]"):
        assert line + "\n" in text
    assert "def helper(z):" in text and "def kernel(q, maxiter" in text
    assert "NOT_A_NUMBER" not in text and "uses_dict" not in text
    compile(text, "gathered", "exec")  # CPython's syntax


def test_line_map_names_the_program_lines():
    g = _source.gather(kernel)
    lines = g.text.split("\n")
    with open(__file__) as f:
        mine = f.read().split("\n")
    for n, line in enumerate(lines, 1):
        if line.startswith("def ") or line.startswith("    "):
            filename, orig = g.lines.lookup(n)
            assert filename == __file__
            assert mine[orig - 1] == line


def test_decorators_removed():
    def inner(x):
        return x
    deco = lambda f: f  # noqa: E731

    @deco
    def decorated(x):
        return inner(x) + A
    g = _source.gather(decorated)
    assert "@deco" not in g.text
    assert g.text.count("def decorated(x):") == 1
    assert "def inner(x):" in g.text  # a closure's function


def test_lambda_refused():
    with pytest.raises(_source.SourceError):
        _source.gather(lambda x: x)
    with pytest.raises(TypeError):
        _source.gather(len)
