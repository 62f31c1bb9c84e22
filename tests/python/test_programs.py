"""test_programs.py - whole programs with the kernel under @mandelc.jit
print what CPython prints without it.

* every program of examples/ that has its own driver (the tutorial's
  programs: pure_python.py, pure_python_2.py, pure_python3.py), its Python 2
  prints made calls, its kernel decorated;
* python/examples/julia1_nopil.py, the book's julia1_nopil.py written
  afresh: its own driver builds zs and cs and calls
  calculate_z_serial_purepython(maxiter, zs, cs), decorated.

Whole stdout is compared, timing lines masked, and the exit status.
"""

import ast
import glob
import os

import pytest

from common import (ROOT, decorate, mask, python3_text, refdriver, run,
                    undecorate)

ARGS = ["120", "40"]


def programs():
    out = []
    for path in sorted(glob.glob(os.path.join(ROOT, "examples", "*.py"))):
        with open(path, encoding="utf-8") as f:
            if "__main__" in f.read():
                out.append(os.path.relpath(path, ROOT))
    return out


def kernel_name(path, text):
    tree = ast.parse(text)
    return refdriver.select_kernel(path, tree, None).fn.name


def compare(tmp_path, plain, decorated, args):
    (tmp_path / "plain.py").write_text(plain)
    (tmp_path / "jit.py").write_text(decorated)
    want = run([str(tmp_path / "plain.py")] + args, cwd=tmp_path)
    got = run([str(tmp_path / "jit.py")] + args, cwd=tmp_path)
    assert got.stderr == want.stderr or want.returncode != 0, got.stderr
    assert (got.returncode, mask(got.stdout)) == \
        (want.returncode, mask(want.stdout))
    assert "Total" in want.stdout
    return want, got


def test_programs_found():
    assert "examples/pure_python_2.py" in programs()
    assert len(programs()) >= 3


@pytest.mark.parametrize("program", programs())
def test_tutorial_program(tmp_path, program):
    path = os.path.join(ROOT, program)
    text = python3_text(path)
    name = kernel_name(path, text)
    compare(tmp_path, text, decorate(text, name), ARGS)


def test_julia1_nopil(tmp_path):
    path = os.path.join(ROOT, "python", "examples", "julia1_nopil.py")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    assert "@mandelc.jit\ndef calculate_z_serial_purepython(maxiter, zs," \
        " cs):" in text
    want, got = compare(tmp_path, undecorate(text), text, ["150", "60"])
    assert "Sum of escape counts:" in want.stdout
