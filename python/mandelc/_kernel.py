"""_kernel.py - compiled kernels, @jit and compile()."""

import builtins
import ctypes
import functools
import inspect
import os
import sys
import threading

from . import _convert, _lib, _source

STAGES = ("tokens", "ast", "types", "llvm-raw", "llvm", "asm", "cuda", "ptx",
          "cuda-prelude", "c", "header")
TARGETS = ("llvm", "cuda")



class MandelcError(Exception):
    """Base of the errors that come from mandelc itself."""


class CompileError(MandelcError):
    """The code is outside the subset mandelc compiles: the diagnostic,
    with .filename, .lineno, .column, .message."""

    def __init__(self, message, filename="", lineno=0, column=0):
        self.message = message
        self.filename = filename
        self.lineno = lineno
        self.column = column
        where = filename
        if lineno:
            where += ":%d" % lineno
            if column:
                where += ":%d" % column
        super().__init__("%s: error: %s" % (where, message) if where
                         else message)


class TargetUnavailable(MandelcError, RuntimeError):
    """The target cannot run here (target="cuda" without a GPU or CUDA)."""


class Options:
    def __init__(self, target="llvm", kernel=None, threads=0, simd=True,
                 fastmath=False, cache=True):
        if target not in TARGETS:
            raise ValueError("target must be one of %s, not %r"
                             % (", ".join(TARGETS), target))
        if not isinstance(threads, int) or not 0 <= threads <= 1024:
            raise ValueError("threads must be an int from 0 (one per core)"
                             " to 1024, not %r" % (threads,))
        self.target = target
        self.kernel = kernel
        self.threads = threads
        self.simd = bool(simd)
        self.fastmath = bool(fastmath)
        self.cache = bool(cache)

    def c(self, filename):
        o = _lib.Options()
        o.target = self.target.encode()
        o.kernel = self.kernel.encode() if self.kernel else None
        o.filename = filename.encode() if filename else None
        o.threads = self.threads
        o.no_simd = not self.simd
        o.fast_math = self.fastmath
        o.no_cache = not self.cache
        return o


def raise_error(err, lines=None, cause=None):
    """Raises the Python exception for a mandelc_error."""
    kind = err.text("kind")
    message = err.text("message")
    filename, line = err.text("file"), err.line
    if lines is not None and line:
        filename, line = lines.lookup(line)
    if kind == "CompileError":
        raise CompileError(message, filename, line, err.column)
    if kind == "RuntimeError" and not line:
        raise TargetUnavailable(message)
    if kind == "KeyboardInterrupt":
        raise KeyboardInterrupt
    cls = getattr(builtins, kind, None)
    if not (isinstance(cls, type) and issubclass(cls, BaseException)):
        cls = MandelcError
        message = "%s: %s" % (kind, message)
    text = message
    if line:
        text = "%s (%s, line %d)" % (message, filename, line)
    elif filename:
        text = "%s (%s)" % (message, filename)
    try:
        exc = cls(text)
    except TypeError:  # an exception class with other arguments
        exc = MandelcError("%s: %s" % (kind, text))
    exc.kernel_message = message
    exc.kernel_file = filename
    exc.kernel_line = line
    raise exc


class Worker:
    """The thread kernels called from the main thread run in, so that
    Ctrl-C reaches Python while one runs: ctypes releases the GIL, but
    Python runs its SIGINT handler in the main thread only, and only
    between bytecodes, so the main thread waits on a lock (which a signal
    interrupts) while the worker makes the call. On KeyboardInterrupt the
    main thread cancels the call (mandelc_cancel: parallel loops and the
    driver stop at their next chunk) and waits GRACE_S for it; a kernel
    that does not notice (a serial loop checks nothing) is left running in
    its thread, which is abandoned with its kernel handle: the interpreter
    goes on, the next call gets a new worker (and @jit a new handle)."""

    def __init__(self):
        self.go = threading.Lock()
        self.go.acquire()
        self.done = threading.Lock()
        self.done.acquire()
        self.job = None
        self.result = None
        threading.Thread(target=self.loop, daemon=True,
                         name="mandelc worker").start()

    def loop(self):
        while True:
            self.go.acquire()
            fn, args = self.job
            self.job = None
            try:
                self.result = fn(*args)
            finally:
                self.done.release()

    def run(self, kernel, fn, args):
        self.job = (fn, args)
        self.go.release()
        try:
            self.done.acquire()  # a signal interrupts it
        except KeyboardInterrupt:
            kernel._lib.mandelc_cancel(kernel._k)
            if not self.done.acquire(timeout=GRACE_S):
                global WORKER
                WORKER = None  # this one stays busy: abandoned
                kernel._abandoned = True
            raise
        return self.result


WORKER = None
GRACE_S = 0.5


class Signature:
    """A kernel's parameters ((name, type) pairs) and its result type, in
    Python's spelling: str() gives `(q: list[complex], ...) -> list[int]`."""

    def __init__(self, params, result):
        self.params = [(p.name, p.type) for p in params]
        self.result = result

    def __str__(self):
        return "(%s) -> %s" % (", ".join("%s: %s" % p for p in self.params),
                               self.result)

    def __repr__(self):
        return "<Signature %s>" % self

    def __eq__(self, other):
        return str(self) == str(other)


class Kernel:
    """A compiled kernel: call it as the Python function."""

    def __init__(self, source, filename, options, lines=None, path=None):
        lib = _lib.library()
        self._lib = lib
        self._source = source
        self._filename = filename
        self._options = options
        self._lines = lines
        self._lock = threading.Lock()
        self._abandoned = False
        err = _lib.Error()
        copt = options.c(filename)
        if path is not None:
            k = lib.mandelc_compile_file(os.fsencode(path), copt, err)
        else:
            k = lib.mandelc_compile(source.encode("utf-8"), copt, err)
        if not k:
            raise_error(err, lines)
        self._k = k
        self.__name__ = lib.mandelc_kernel_name(k).decode()
        n = lib.mandelc_kernel_nparams(k)
        self._params = [
            _convert.Param(lib.mandelc_kernel_param_name(k, i).decode(),
                           lib.mandelc_kernel_param_type(k, i).decode())
            for i in range(n)]
        self._result = lib.mandelc_kernel_result_type(k).decode()
        self.signature = Signature(self._params, self._result)

    def __del__(self):
        k = getattr(self, "_k", None)
        if k and not self._abandoned:
            self._k = None
            self._lib.mandelc_kernel_free(k)

    def __repr__(self):
        return "<mandelc.Kernel %s%s>" % (self.__name__, self.signature)

    @property
    def source(self):
        """The Python text compiled."""
        return self._source

    def emit(self, stage):
        """One stage of the compilation as text, as --emit=STAGE prints
        it ("llvm", "asm", "cuda", ...)."""
        if stage not in STAGES:
            raise ValueError("stage must be one of %s, not %r"
                             % (", ".join(STAGES), stage))
        opts = Options(self._options.target, self.__name__,
                       self._options.threads, self._options.simd,
                       self._options.fastmath, self._options.cache)
        err = _lib.Error()
        p = self._lib.mandelc_emit(self._source.encode("utf-8"),
                                   stage.encode(), opts.c(self._filename),
                                   err)
        if not p:
            raise_error(err, self._lines)
        try:
            return ctypes.string_at(p).decode("utf-8", "replace")
        finally:
            self._lib.mandelc_free(p)

    def _bind(self, args, kwargs):
        where = self.__name__ + "()"
        if kwargs:
            names = [p.name for p in self._params]
            args = list(args) + [None] * (len(names) - len(args))
            for key, v in kwargs.items():
                if key not in names:
                    raise TypeError("%s got an unexpected keyword argument"
                                    " '%s'" % (where, key))
                i = names.index(key)
                if i < len(args) and args[i] is not None and \
                        i < len(args) - len(kwargs):
                    raise TypeError("%s got multiple values for argument"
                                    " '%s'" % (where, key))
                args[i] = v
        if len(args) < len(self._params) and any(
                isinstance(a, tuple) for a in args):
            # a chunk (the multiprocessing chapter's one tuple argument)
            # or Python 2 tuple parameters: the library takes their items
            flat = []
            for a in args:
                flat += list(a) if isinstance(a, tuple) else [a]
            if len(flat) == len(self._params):
                args = flat
        if len(args) != len(self._params):
            raise TypeError("%s takes %d arguments (%d given)"
                            % (where, len(self._params), len(args)))
        return args

    def __call__(self, *args, **kwargs):
        return self.call(self._bind(args, kwargs))

    def call(self, args):
        """Calls the kernel with one value per parameter."""
        where = self.__name__ + "()"
        values = (_lib.Value * max(1, len(args)))()
        lists = []
        flavour = "list"
        for i, (p, v) in enumerate(zip(self._params, args)):
            if p.kind is None:
                raise TypeError("%s: parameter '%s' is %s, which cannot be"
                                " passed from Python (numbers and lists of"
                                " numbers can)" % (where, p.name, p.type))
            if p.kind == _lib.LIST:
                la = _convert.ListArg(p, v, where)
                lists.append(la)
                values[i] = la.value
                if la.flavour in ("numpy", "array") and flavour == "list":
                    flavour = la.flavour
            else:
                values[i] = _convert.scalar(p, v, where)
        result = _lib.Value()
        err = _lib.Error()
        ok = self._run(values, len(args), result, err)
        for i, la in enumerate(lists):
            la.value = values[self._params.index(la.p)]
        self._print_output()
        for la in lists:
            la.write_back()
        if not ok:
            raise_error(err, self._lines)
        return _convert.read_result(result, flavour)

    def _run(self, values, n, result, err):
        """mandelc_call; from the main thread, in the Worker (Ctrl-C)."""
        global WORKER
        if self._abandoned:
            raise RuntimeError("%s was interrupted and still runs in its"
                               " abandoned thread; compile it again"
                               % self.__name__)
        call = self._lib.mandelc_call
        with self._lock:
            if threading.current_thread() is not threading.main_thread():
                return call(self._k, values, n, result, err)
            if WORKER is None:
                WORKER = Worker()
            return WORKER.run(self, call, (self._k, values, n, result,
                                           err))

    def _print_output(self):
        size = ctypes.c_size_t()
        p = self._lib.mandelc_kernel_output(self._k, ctypes.byref(size))
        if p and size.value:
            sys.stdout.write(ctypes.string_at(p, size.value).decode(
                "utf-8", "replace"))


NUMBA_OPTIONS = ("nopython", "nogil", "cache", "parallel", "fastmath",
                 "boundscheck", "error_model", "inline", "forceobj",
                 "looplift")


class Dispatcher:
    """What @mandelc.jit makes of a function: compiled on its first call,
    the compiled kernel reused by the later ones. Parameters that the
    function's text leaves unannotated take the types of the first call's
    arguments (as Numba specialises on them); arguments of other types
    later compile the function again for those."""

    def __init__(self, fn, options):
        self.py_func = fn
        self._options = options
        self._kernels = {}  # argument types -> Kernel
        self._last = None   # (types, Kernel) of the last call
        self._lock = threading.Lock()
        self._sig = inspect.signature(fn)
        self._nparams = len(self._sig.parameters)
        self._simple = all(
            p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
            for p in self._sig.parameters.values())
        functools.update_wrapper(self, fn)

    def _args(self, args, kwargs):
        if kwargs or len(args) != self._nparams or not self._simple:
            try:
                ba = self._sig.bind(*args, **kwargs)
            except TypeError as e:
                raise TypeError("%s(): %s" % (self.__name__, e)) from None
            ba.apply_defaults()
            if ba.kwargs:
                raise TypeError("%s(): mandelc kernels take no keyword-only"
                                " parameters" % self.__name__)
            args = ba.args
        return args

    def compile(self, *args, **kwargs):
        """Compiles now for these arguments (a call does it otherwise);
        the Kernel. Without arguments: with the text's annotations (and
        mandelc's inference) alone."""
        args = self._args(args, kwargs) if args or kwargs else None
        key = (tuple(_convert.type_of(a, whole=False) for a in args)
               if args is not None else None)
        return self._kernel(key, args)

    def _kernel(self, key, args):
        with self._lock:
            for old_key, old in list(self._kernels.items()):
                if old._abandoned:
                    del self._kernels[old_key]
            k = self._kernels.get(key)
            if k is None and args is not None:
                k = self._taking(key)
            if k is None:
                types = {}
                if args is not None:
                    for name, a in zip(self._sig.parameters, args):
                        t = _convert.type_of(a)
                        if t is not None:
                            types[name] = t
                g = _source.gather(self.py_func, types)
                opts = Options(**dict(self._options, kernel=g.name))
                try:
                    k = Kernel(g.text, g.filename, opts, g.lines)
                except CompileError as e:
                    if not self._kernels:
                        raise
                    raise TypeError(self._mismatch(key, e)) from e
                self._kernels[key] = k
            return k

    def _taking(self, key):
        """A kernel compiled before whose parameters take arguments of
        these types (key) as Python would (an int where a float is)."""
        for k in self._kernels.values():
            if all(_convert.accepts(t, a) for (_, t), a in
                   zip(k.signature.params, key)):
                return k
        return None

    def _mismatch(self, key, err):
        k = next(iter(self._kernels.values()))
        for (name, t), a in zip(k.signature.params, key):
            if not _convert.accepts(t, a):
                return ("%s(): argument '%s' is %s where the kernel compiled"
                        " before takes %s, and the function does not compile"
                        " for it: %s" % (self.__name__, name, a, t, err))
        return "%s(): %s" % (self.__name__, err)

    def __call__(self, *args, **kwargs):
        args = self._args(args, kwargs)
        key = tuple(_convert.type_of(a, whole=False) for a in args)
        last = self._last
        if last is not None and last[0] == key and not last[1]._abandoned:
            k = last[1]
        else:
            k = self._kernel(key, args)
            self._last = (key, k)
        return k.call(args)

    @property
    def signatures(self):
        """The Signatures compiled so far."""
        return [k.signature for k in self._kernels.values()]

    @property
    def signature(self):
        """The last call's kernel's Signature (compiling without
        arguments' types when there was none)."""
        if self._last is not None:
            return self._last[1].signature
        return self.compile().signature

    def emit(self, stage):
        k = self._last[1] if self._last is not None else self.compile()
        return k.emit(stage)

    def __get__(self, obj, objtype=None):
        return self  # a function in a class body stays a plain function

    def __repr__(self):
        return "<mandelc.jit %s>" % self.py_func.__qualname__


def jit(fn=None, *sig, nopython=True, nogil=True, cache=True,
        parallel=True, fastmath=False, target="llvm", threads=None,
        simd=True, **numba_options):
    """Compiles fn with mandelc on its first call: `@mandelc.jit`, or with
    Numba's options `@mandelc.jit(nopython=True, cache=True, parallel=True,
    fastmath=False)`. cache=False compiles afresh (no compile cache);
    parallel=False runs parallel loops on one thread; fastmath=True allows
    results that differ from CPython's; target="cuda" runs on the GPU."""
    for key in numba_options:
        if key not in NUMBA_OPTIONS:
            raise TypeError("mandelc.jit() got an unexpected keyword"
                            " argument '%s'" % key)
    if nopython is False or numba_options.get("forceobj"):
        raise ValueError("mandelc.jit compiles in nopython mode only")
    if threads is None:
        threads = 0 if parallel else 1
    options = dict(target=target, threads=threads, simd=simd,
                   fastmath=fastmath, cache=cache)
    Options(**options)  # checks them now

    def wrap(f):
        if isinstance(f, Dispatcher):
            f = f.py_func
        if not callable(f) or isinstance(f, type):
            raise TypeError("mandelc.jit decorates a function, not %s"
                            % type(f).__name__)
        return Dispatcher(f, options)

    if fn is None or isinstance(fn, (str, list, tuple)):
        return wrap  # @jit(...) or Numba's @jit("int64(int64)")
    return wrap(fn)


njit = jit


def compile(path_or_source, kernel=None, target="llvm", threads=0,
            simd=True, fastmath=False, cache=True):
    """Compiles a kernel file (a path) or Python source text, as the
    command line does (kernel: the function; None: mandelc's choice) and
    returns it as a callable Kernel (.signature, .emit(stage))."""
    opts = Options(target, kernel, threads, simd, fastmath, cache)
    src = path_or_source
    if isinstance(src, os.PathLike) or (
            isinstance(src, str) and "\n" not in src and
            not src.lstrip().startswith("def ")):
        path = os.fspath(src)
        try:
            with open(path, encoding="utf-8", errors="replace") as f:
                text = f.read()
        except OSError as e:
            raise OSError(e.errno, "mandelc.compile: cannot read %s: %s"
                          % (path, e.strerror)) from None
        return Kernel(text, path, opts, path=path)
    if not isinstance(src, str):
        raise TypeError("mandelc.compile takes a path or source text, not"
                        " %s" % type(src).__name__)
    return Kernel(src, "<string>", opts)
