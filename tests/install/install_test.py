#!/usr/bin/env python3
"""install_test.py - `cmake --install` and a C program built against it.

    python3 tests/install/install_test.py BUILD_DIR SOURCE_DIR

Installs BUILD_DIR into a temporary prefix and checks, from the installed
files only (the build tree is neither on PATH nor named to the builds):

* the files: bin/mandelc, lib/libmandelc_rt.a, include/mandelc.h,
  lib/pkgconfig/mandelc.pc, the CMake package, the man page, bash
  completion;
* the man page passes `mandoc -T lint` and names every option and --emit
  stage that the installed `mandelc --help` (the option table) lists; the
  bash completion offers every option and every stage;
* examples/c, copied out of the tree with the tutorial's kernel, builds
  with find_package(mandelc) (CMAKE_PREFIX_PATH = the prefix), and its
  driver prints the lines CPython prints (tests/refdriver.py, the oracle)
  but for the time;
* the same driver built with plain cc and `pkg-config mandelc` against an
  object file (-o kernel.o), and against a shared library (-o libk.so);
  two kernels' objects link into one program; a kernel's exception
  reaches C as CPython's exception, line and message;
* the Python package (python/mandelc), installed beside the library,
  finds it alone: a program with @mandelc.jit prints what CPython prints;
* tests/install/api_check.c links against the library alone, and
  point_check.c calls a point kernel (a complex parameter) as CPython;
* libmandelc: its soname is libmandelc.so.MAJOR and it exports mandelc_*
  only; examples/c/compile_and_call.c, built with find_package(mandelc)
  and with `pkg-config libmandelc`, prints the lines CPython prints for
  examples/pure_python3.py.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

BUILD = SOURCE = PREFIX = None
TMP = None


def run(cmd, ok=True, **kw):
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=600,
                       **kw)
    if ok and r.returncode != 0:
        raise AssertionError("%s exited %d:\n%s\n%s" % (
            " ".join(cmd), r.returncode, r.stdout[-2000:], r.stderr[-3000:]))
    return r


def env():
    """An environment without the build tree: the prefix's bin on PATH."""
    e = dict(os.environ)
    e["PATH"] = os.path.join(PREFIX, "bin") + ":/usr/bin:/bin"
    e["PKG_CONFIG_PATH"] = os.path.join(PREFIX, "lib", "pkgconfig")
    e["XDG_CACHE_HOME"] = os.path.join(TMP, "cache")
    return e


def cpython_lines(kernel, *args):
    """(returncode, stdout without the time, stderr) under CPython."""
    r = run([sys.executable, os.path.join(SOURCE, "tests", "refdriver.py"),
             kernel, *args], ok=False)
    return r.returncode, mask_time(r.stdout), r.stderr


def mask_time(text):
    return re.sub(r"^Main took \d+:\d\d:\d\d(\.\d{6})?$", "Main took T",
                  text, flags=re.M)


def help_lists():
    """The options and the --emit stages that the installed mandelc's
    --help (its option table) lists."""
    out = run([os.path.join(PREFIX, "bin", "mandelc"), "--help"]).stdout
    opts = re.findall(r"^  (?:-\w, |    )--([\w-]+)", out, re.M)
    stages = re.findall(r"^  ([\w-]+)  ", out.split("stages of --emit:")[1],
                        re.M)
    return opts, stages


class Installed(unittest.TestCase):

    def test_files(self):
        for path in ("bin/mandelc", "lib/libmandelc_rt.a",
                     "lib/libmandelc.so.0", "lib/libmandelc.a",
                     "lib/pkgconfig/libmandelc.pc",
                     "include/mandelc.h", "lib/pkgconfig/mandelc.pc",
                     "lib/cmake/mandelc/mandelcConfig.cmake",
                     "lib/cmake/mandelc/mandelcConfigVersion.cmake",
                     "share/man/man1/mandelc.1",
                     "share/bash-completion/completions/mandelc"):
            with self.subTest(path=path):
                self.assertTrue(os.path.isfile(os.path.join(PREFIX, path)))
        r = run(["mandelc", "--version"], env=env())
        self.assertRegex(r.stdout, r"^mandelc \d+\.\d+\.\d+")

    def test_man_page(self):
        page = os.path.join(PREFIX, "share", "man", "man1", "mandelc.1")
        r = run(["mandoc", "-T", "lint", "-W", "warning", page], ok=False)
        self.assertEqual((r.returncode, r.stdout + r.stderr), (0, ""))
        with open(page) as f:
            text = f.read().replace("\\-", "-")
        opts, stages = help_lists()
        self.assertGreater(len(opts), 10)
        for opt in opts:
            self.assertTrue("--" + opt in text, "the man page lacks --" + opt)
        for stage in stages:
            self.assertTrue("\n.B %s\n" % stage in text,
                            "the man page lacks the stage " + stage)

    def complete(self, *words):
        script = os.path.join(PREFIX, "share", "bash-completion",
                              "completions", "mandelc")
        line = " ".join("'%s'" % w for w in words)
        r = run(["bash", "-c", 'source "$0"; COMP_WORDS=(%s); '
                 'COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _mandelc; '
                 'printf "%%s\\n" "${COMPREPLY[@]}"' % line, script],
                env=env())
        return r.stdout.split()

    def test_bash_completion(self):
        opts, stages = help_lists()
        got = {w.rstrip("=") for w in self.complete("mandelc", "k.py", "--")}
        self.assertEqual(got, {"--" + o for o in opts})
        self.assertEqual(self.complete("mandelc", "k.py", "--emit", "="),
                         stages)
        self.assertEqual(self.complete("mandelc", "k.py", "--target", "="),
                         ["llvm", "cuda"])
        self.assertEqual(self.complete("mandelc", "k.py", "--emit", "ll"),
                         ["llvm-raw", "llvm"])
        # -o FILE completes file names; -j N nothing
        os.chdir(TMP)
        self.assertIn("prefix", self.complete("mandelc", "k.py", "-o", "pre"))
        self.assertEqual(self.complete("mandelc", "k.py", "-j", ""), [])


class CExample(unittest.TestCase):
    """examples/c against the prefix alone, and CPython as the oracle."""

    def copy_example(self, name):
        src = os.path.join(TMP, name)
        shutil.copytree(os.path.join(SOURCE, "examples", "c"), src)
        for k in ("pure_python_2.py", "point.py"):
            shutil.copy(os.path.join(SOURCE, "examples", k), src)
        shutil.copy(os.path.join(SOURCE, "tests", "cli", "kernels",
                                 "div_zero.py"), src)
        return src

    def assert_like_cpython(self, cmd, kernel, *args, environ=None):
        want = cpython_lines(kernel, *args)
        r = run(cmd + list(args), ok=False, env=environ or env())
        self.assertEqual((r.returncode, mask_time(r.stdout), r.stderr), want)

    def test_find_package(self):
        src = self.copy_example("cmake_src")
        build = os.path.join(TMP, "cmake_build")
        run(["cmake", "-S", src, "-B", build, "-DCMAKE_PREFIX_PATH=" + PREFIX,
             "-DKERNEL=" + os.path.join(src, "pure_python_2.py")], env=env())
        run(["cmake", "--build", build], env=env())
        driver = [os.path.join(build, "driver")]
        kernel = os.path.join(src, "pure_python_2.py")
        for args in (("100", "30"), ("200", "200"), ("1000", "1000")):
            with self.subTest(args=args):
                self.assert_like_cpython(driver, kernel, *args)
        r = run(driver + ["1000", "1000"], env=env())
        self.assertIn("(for validation): 1148485\n", r.stdout)
        # No JIT, no LLVM at run time.
        self.assertNotIn("LLVM", run(["ldd", driver[0]]).stdout)
        # The kernel compiled at run time by libmandelc.
        self.assert_like_pure_python3(
            [os.path.join(build, "compile_and_call")], "200", "200")

    def assert_like_pure_python3(self, cmd, *args):
        want = run([sys.executable, os.path.join(
            SOURCE, "examples", "pure_python3.py"), *args]).stdout
        r = run(cmd + list(args), env=env())
        self.assertEqual(mask_time(r.stdout), mask_time(want))

    def cc(self, out, *args):
        flags = run(["pkg-config", "--cflags", "--libs", "mandelc"],
                    env=env()).stdout.split()
        run(["cc", "-O2", "-ffp-contract=off", "-o", out, *args, *flags],
            env=env())

    def test_pkg_config_object_and_shared_library(self):
        src = self.copy_example("pc_src")
        kernel = os.path.join(src, "pure_python_2.py")
        driver_c = os.path.join(src, "driver.c")
        os.chdir(src)
        run(["mandelc", kernel, "-o", "kernel.o", "-H", "kernel.h"],
            env=env())
        self.cc("drv_o", "-I.", driver_c, "kernel.o")
        self.assert_like_cpython(["./drv_o"], kernel, "300", "100")
        # For another CPU (--mcpu): the same lines.
        run(["mandelc", kernel, "--mcpu=x86-64-v2", "-o", "v2.o"], env=env())
        self.cc("drv_v2", "-I.", driver_c, "v2.o")
        self.assert_like_cpython(["./drv_v2"], kernel, "200", "200")
        # Two kernels' objects in one program: their runtimes are weak.
        run(["mandelc", "point.py", "-o", "point.o"], env=env())
        self.cc("drv_two", "-I.", driver_c, "kernel.o", "point.o")
        self.assert_like_cpython(["./drv_two"], kernel, "100", "30")
        # A shared library.
        run(["mandelc", kernel, "-o", "libk.so"], env=env())
        self.cc("drv_so", "-I.", driver_c, "-L.", "-lk")
        self.assert_like_cpython(["./drv_so"], kernel, "200", "200",
                                 environ=dict(env(), LD_LIBRARY_PATH=src))

    def test_exception_reaches_c(self):
        src = self.copy_example("exc_src")
        os.chdir(src)
        run(["mandelc", "div_zero.py", "-o", "dz.o", "-H", "dz.h"],
            env=env())
        self.cc("drv_dz", "-I.", '-DKERNEL_H="dz.h"',
                "-DKERNEL_FUNCTION=calculate_z",
                '-DKERNEL_FILE="div_zero.py"', "driver.c", "dz.o")
        self.assert_like_cpython(["./drv_dz"], "div_zero.py", "100", "30")

    def test_point_kernel_with_a_complex_parameter(self):
        src = self.copy_example("point_src")
        os.chdir(src)
        run(["mandelc", "point.py", "-o", "point.o", "-H", "point.h"],
            env=env())
        self.cc("point_check", "-I.", os.path.join(
            SOURCE, "tests", "install", "point_check.c"), "point.o")
        want = run([sys.executable, "-c", "import sys; sys.path[0] = '.'; "
                    "from point import escape_count as f; "
                    "[print(f(complex(x, y), 300)) for x, y in "
                    "((0.0, 0.0), (-0.75, 0.1), (0.3, 0.5), (-2.1, 0.0), "
                    "(0.25, 0.0))]"]).stdout
        self.assertEqual(run(["./point_check"]).stdout, want)

    def test_libmandelc(self):
        lib = os.path.join(PREFIX, "lib", "libmandelc.so")
        self.assertIn("Library soname: [libmandelc.so.0]",
                      run(["readelf", "-d", lib]).stdout)
        names = [line.split()[-1].split("@")[0] for line in run(
            ["nm", "-D", "--defined-only", lib]).stdout.splitlines()]
        self.assertIn("mandelc_compile", names)
        self.assertEqual([n for n in names if not n.startswith("mandelc_")
                          and n != "MANDELC_0"], [])
        src = self.copy_example("lib_src")
        out = os.path.join(TMP, "compile_and_call")
        flags = run(["pkg-config", "--cflags", "--libs", "libmandelc"],
                    env=env()).stdout.split()
        if "libasan" in run(["readelf", "-d", lib]).stdout:
            # a sanitized build's library: ASan's runtime must come first
            flags.append("-fsanitize=address,undefined")
        run(["cc", "-O2", "-ffp-contract=off", "-o", out,
             os.path.join(src, "compile_and_call.c"), *flags, "-lm",
             "-Wl,-rpath," + os.path.join(PREFIX, "lib")], env=env())
        for args in (("100", "30"), ("300", "100")):
            with self.subTest(args=args):
                self.assert_like_pure_python3([out], *args)

    def test_python_package(self):
        # cmake --install puts python/mandelc in PREFIX/lib/pythonX.Y/
        # site-packages, where it finds PREFIX/lib/libmandelc.so.0 itself.
        import glob
        found = glob.glob(os.path.join(PREFIX, "lib", "python3*",
                                       "site-packages", "mandelc",
                                       "__init__.py"))
        self.assertEqual(len(found), 1, found)
        site = os.path.dirname(os.path.dirname(found[0]))
        program = (
            "import sys\n"
            "def escape(c, maxiter):\n"
            "    z = 0j\n"
            "    for n in range(maxiter):\n"
            "        z = z * z + c\n"
            "        if abs(z) > 2.0:\n"
            "            return n\n"
            "    return maxiter\n"
            "print([escape(complex(x / 7, y / 5), 200)\n"
            "       for x in range(-14, 5) for y in range(-6, 7)])\n")
        plain = os.path.join(TMP, "py_plain.py")
        jit = os.path.join(TMP, "py_jit.py")
        with open(plain, "w") as f:
            f.write(program)
        with open(jit, "w") as f:
            f.write("import mandelc\n" + program.replace(
                "def escape", "@mandelc.jit\ndef escape") +
                "print(mandelc.library_path())\n")
        e = env()
        e.pop("MANDELC_LIBRARY", None)
        e["PYTHONPATH"] = site
        lib = os.path.join(PREFIX, "lib", "libmandelc.so.0")
        if "libasan" in run(["readelf", "-d", lib]).stdout:
            # a sanitized build's library: ASan's runtime must come first
            # into python, whose own allocations are not ours to check
            rts = [run(["cc", "-print-file-name=lib%s.so" % n]).stdout.strip()
                   for n in ("asan", "ubsan")]
            e["LD_PRELOAD"] = ":".join(rts)
            e["ASAN_OPTIONS"] = "detect_leaks=0"
        want = run([sys.executable, plain], env=e, cwd=TMP).stdout
        got = run([sys.executable, jit], env=e, cwd=TMP).stdout
        self.assertEqual(got.splitlines()[0], want.strip())
        self.assertEqual(got.splitlines()[1],
                         os.path.join(PREFIX, "lib", "libmandelc.so.0"))

    def test_api_alone(self):
        out = os.path.join(TMP, "api_check")
        self.cc(out, os.path.join(SOURCE, "tests", "install", "api_check.c"))
        r = run([out])
        self.assertEqual(r.stdout, "list 5, 1.5; huge refused: MemoryError\n")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit("usage: install_test.py BUILD_DIR SOURCE_DIR [unittest args]")
    BUILD, SOURCE = map(os.path.abspath, sys.argv[1:3])
    with tempfile.TemporaryDirectory(prefix="mandelc_install_") as TMP:
        PREFIX = os.path.join(TMP, "prefix")
        run(["cmake", "--install", BUILD, "--prefix", PREFIX])
        unittest.main(argv=[sys.argv[0]] + sys.argv[3:], verbosity=2)
