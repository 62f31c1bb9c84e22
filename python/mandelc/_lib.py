"""_lib.py - libmandelc (include/mandelc.h) through ctypes.

The library is looked for, in order:
  1. $MANDELC_LIBRARY, a path to libmandelc.so (or .so.0);
  2. the build tree holding this package (python/mandelc/ in the source
     tree: build*/libmandelc.so* beside python/);
  3. beside the installed package: `cmake --install` puts the package in
     PREFIX/lib/pythonX.Y/site-packages/mandelc and the library in
     PREFIX/lib; and PREFIX/lib for a `mandelc` found on PATH;
  4. the system's loader (libmandelc.so.0 on the library path).
The structures below are mandelc.h's, field for field.
"""

import ctypes
import glob
import os
import shutil
import threading

SONAME = "libmandelc.so.0"
ENV = "MANDELC_LIBRARY"

NONE, BOOL, INT, FLOAT, COMPLEX, LIST = range(6)  # enum mandelc_kind


class Complex(ctypes.Structure):
    _fields_ = [("re", ctypes.c_double), ("im", ctypes.c_double)]


class Scalar(ctypes.Union):
    _fields_ = [("b", ctypes.c_bool), ("i", ctypes.c_int64),
                ("f", ctypes.c_double), ("c", Complex)]


class Value(ctypes.Structure):
    _fields_ = [("kind", ctypes.c_int), ("elem", ctypes.c_int),
                ("scalar", Scalar), ("data", ctypes.c_void_p),
                ("len", ctypes.c_int64)]


class Options(ctypes.Structure):
    _fields_ = [("target", ctypes.c_char_p), ("kernel", ctypes.c_char_p),
                ("filename", ctypes.c_char_p), ("threads", ctypes.c_int),
                ("no_simd", ctypes.c_bool), ("fast_math", ctypes.c_bool),
                ("no_cache", ctypes.c_bool)]


class Error(ctypes.Structure):
    _fields_ = [("kind", ctypes.c_char * 64), ("message", ctypes.c_char * 512),
                ("file", ctypes.c_char * 256), ("line", ctypes.c_int),
                ("column", ctypes.c_int)]

    def text(self, field):
        return getattr(self, field).decode("utf-8", "replace")


class LibraryNotFound(OSError):
    """libmandelc could not be found or loaded."""


def candidates():
    """Where the library is looked for, in order (see the docstring)."""
    out = []
    env = os.environ.get(ENV)
    if env:
        out.append(env)
        return out
    pkg = os.path.dirname(os.path.abspath(__file__))
    tree = os.path.dirname(os.path.dirname(pkg))  # python/mandelc -> top
    for build in sorted(glob.glob(os.path.join(tree, "build*"))):
        out += [os.path.join(build, "libmandelc.so"),
                os.path.join(build, SONAME)]
    for up in (1, 2, 3):
        d = pkg
        for _ in range(up):
            d = os.path.dirname(d)
        out.append(os.path.join(d, SONAME))
    exe = shutil.which("mandelc")
    if exe:
        prefix = os.path.dirname(os.path.dirname(os.path.realpath(exe)))
        for libdir in ("lib", "lib64", "lib/x86_64-linux-gnu"):
            out.append(os.path.join(prefix, libdir, SONAME))
        out.append(os.path.join(os.path.dirname(os.path.realpath(exe)),
                                "libmandelc.so"))
    out.append(SONAME)  # the system's loader
    return out


_lib = None
_path = None
_lock = threading.Lock()


def library():
    """The loaded library (ctypes.CDLL), loaded on first use."""
    global _lib, _path
    with _lock:
        if _lib is None:
            tried = []
            for path in candidates():
                if os.sep in path and not os.path.exists(path):
                    tried.append(path + " (absent)")
                    continue
                try:
                    lib = ctypes.CDLL(path)
                except OSError as e:
                    tried.append("%s (%s)" % (path, e))
                    continue
                declare(lib)
                _lib, _path = lib, path
                break
            else:
                raise LibraryNotFound(
                    "libmandelc not found; build mandelc (cmake --build"
                    " build) or set %s to its path. Tried: %s"
                    % (ENV, "; ".join(tried)))
        return _lib


def preload():
    """Starts loading the library in a thread (`import mandelc` does): the
    dynamic loader's work (tens of milliseconds for a library linked with
    LLVM) then overlaps the program's own start, and the first call finds
    it done. A failure here is raised again by the first real use."""
    def load():
        try:
            library()
        except OSError:
            pass
    threading.Thread(target=load, name="mandelc preload",
                     daemon=True).start()


def library_path():
    """The path of the library in use (loading it if need be)."""
    library()
    return _path


def declare(lib):
    P, I, B = ctypes.c_void_p, ctypes.c_int, ctypes.c_bool
    S = ctypes.c_char_p
    perr = ctypes.POINTER(Error)
    popt = ctypes.POINTER(Options)
    sigs = {
        "mandelc_compile": (P, [S, popt, perr]),
        "mandelc_compile_file": (P, [S, popt, perr]),
        "mandelc_kernel_free": (None, [P]),
        "mandelc_kernel_name": (S, [P]),
        "mandelc_kernel_nparams": (I, [P]),
        "mandelc_kernel_param_name": (S, [P, I]),
        "mandelc_kernel_param_type": (S, [P, I]),
        "mandelc_kernel_result_type": (S, [P]),
        "mandelc_call": (B, [P, ctypes.POINTER(Value), I,
                             ctypes.POINTER(Value), perr]),
        "mandelc_kernel_output": (P, [P, ctypes.POINTER(ctypes.c_size_t)]),
        "mandelc_cancel": (None, [P]),
        "mandelc_free": (None, [P]),
        "mandelc_emit": (P, [S, S, popt, perr]),
        "mandelc_version": (S, []),
    }
    for name, (res, args) in sigs.items():
        f = getattr(lib, name)
        f.restype = res
        f.argtypes = args
