"""mandelc: the Mandelbrot kernels of "High Performance Python", compiled.

    import mandelc

    @mandelc.jit                  # or @mandelc.jit(nopython=True, ...)
    def calculate_z(q, maxiter, z):
        ...

compiles the function with mandelc (LLVM, all cores; CPython's results bit
for bit) on its first call, and runs it on the later ones; a program
written for Numba switches by its import line (`from mandelc import
njit`). mandelc.compile(path_or_source, kernel=..., target=...) compiles a
kernel file or text explicitly. Pure Python over libmandelc (ctypes): see
_lib.py for where the library is looked for.
"""

from ._kernel import (CompileError, Kernel, MandelcError, Signature,
                      TargetUnavailable, compile, jit, njit)
from ._lib import LibraryNotFound, library_path, preload
from ._source import SourceError

preload()

__version__ = "0.1.0"
__all__ = ["jit", "njit", "compile", "Kernel", "Signature", "CompileError",
           "MandelcError", "TargetUnavailable", "LibraryNotFound",
           "SourceError", "library_path"]
