"""test_pip.py - the package installed as a user would, offline: a venv
made with Debian's python3 (`-m venv --system-site-packages`, since Debian's
own Python refuses pip installs), `pip install --no-build-isolation
--no-index` of a copy of python/ (no package index is reachable; Debian's
setuptools builds it), then programs run by the venv's python from outside
the source tree: the tutorial's program (examples/pure_python3.py) with its
kernel under @mandelc.jit, and python/examples/julia1_nopil.py, each
printing what CPython prints without the decorator."""

import os
import shutil
import subprocess
import sys

from common import ROOT, decorate, mask, undecorate

SYSTEM_PYTHON = "/usr/bin/python3"


def sh(cmd, **kw):
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=300,
                       **kw)
    assert r.returncode == 0, "%s: %s%s" % (" ".join(cmd), r.stdout,
                                           r.stderr)
    return r


def test_offline_pip_install(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(os.path.join(ROOT, "python"), src,
                    ignore=shutil.ignore_patterns("build", "*.egg-info",
                                                  "__pycache__"))
    venv = tmp_path / "venv"
    sh([SYSTEM_PYTHON, "-m", "venv", "--system-site-packages", str(venv)])
    e = dict(os.environ)
    e.pop("PYTHONPATH", None)
    e["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    e["PIP_NO_INDEX"] = "1"
    sh([str(venv / "bin" / "pip"), "install", "--no-build-isolation",
        "--no-index", str(src)], env=e, cwd=tmp_path)
    py = str(venv / "bin" / "python")
    where = sh([py, "-c", "import mandelc; print(mandelc.__file__)"],
               env=e, cwd=tmp_path).stdout.strip()
    assert where.startswith(str(venv)), where

    with open(os.path.join(ROOT, "examples", "pure_python3.py")) as f:
        plain = f.read()
    jit = decorate(plain, "calculate_z_serial_purepython")
    with open(os.path.join(ROOT, "python", "examples",
                           "julia1_nopil.py")) as f:
        julia = f.read()
    for name, text, oracle, args in (
            ("tutorial", jit, plain, ["200", "200"]),
            ("julia", julia, undecorate(julia), ["120", "80"])):
        (tmp_path / (name + ".py")).write_text(text)
        (tmp_path / (name + "_plain.py")).write_text(oracle)
        got = sh([py, name + ".py"] + args, env=e, cwd=tmp_path)
        want = sh([sys.executable, name + "_plain.py"] + args, env=e,
                  cwd=tmp_path)
        assert mask(got.stdout) == mask(want.stdout)
        assert "Total elements" in want.stdout
        if name == "tutorial":
            assert "(for validation): 36170\n" in want.stdout
