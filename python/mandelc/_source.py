"""_source.py - the text mandelc compiles for a decorated Python function.

mandelc compiles a file: the kernel, the functions it calls and the module
constants it reads (docs/language.md section 4). A function decorated with
@mandelc.jit lives in an ordinary program, so its file may hold anything;
gather() writes a file of its own instead, from what the running program
holds: the function's source (inspect.getsource, dedented, decorators
removed), the module's functions it calls (again, transitively), the
`math` imports it uses, and the values of the module's constants it reads,
spelled as Python literals (`NAME = 0.5`, `PALETTE = [0, 7, 15]`).

Each function keeps its own lines where it can (blank lines pad the file up
to the line it starts at in its module), and a LineMap maps every line of
the written file back to its file and line, so that errors name the
program's own lines.
"""

import ast
import builtins
import inspect
import math
import textwrap
import types

MATH_MODULES = ("math", "cmath")


class SourceError(Exception):
    """The function's source cannot be had (a builtin, a lambda typed in
    the interpreter, a file that is gone)."""


class LineMap:
    """Lines of the written file -> (file, line) of the program."""

    def __init__(self, filename):
        self.filename = filename
        self.spans = []  # (first written line, count, file, first line)

    def add(self, first, count, filename, orig_first):
        self.spans.append((first, count, filename, orig_first))

    def lookup(self, line):
        for first, count, filename, orig in self.spans:
            if first <= line < first + count:
                return filename, orig + (line - first)
        return self.filename, line


def unwrap(fn):
    """The plain Python function under a mandelc or Numba dispatcher."""
    for attr in ("py_func", "__wrapped__"):
        inner = getattr(fn, attr, None)
        if isinstance(inner, types.FunctionType):
            return inner
    return fn


def function_text(fn, annotations=None):
    """(text without decorators, file, line of its `def`, ast node); each
    parameter named in annotations that has none in the text gets that
    type (`q` -> `q: list[complex]`)."""
    try:
        lines, start = inspect.getsourcelines(fn)
        filename = inspect.getsourcefile(fn) or "<string>"
    except (OSError, TypeError) as e:
        raise SourceError("cannot read the source of %r: %s" % (fn, e))
    text = textwrap.dedent("".join(lines))
    try:
        tree = ast.parse(text)
    except SyntaxError as e:
        raise SourceError("cannot parse the source of %s: %s"
                          % (fn.__qualname__, e))
    node = tree.body[0] if tree.body else None
    if not isinstance(node, ast.FunctionDef):
        raise SourceError("%s is not a function defined with def"
                          % fn.__qualname__)
    if annotations:
        text = annotate(text, node, annotations)
    body = text.splitlines()[node.lineno - 1:]
    body = "\n".join(body[:node.end_lineno - node.lineno + 1])
    return body + "\n", filename, start + node.lineno - 1, node


def annotate(text, node, annotations):
    """text with `: TYPE` after each parameter of node (a def in text)
    that annotations names and the text does not annotate."""
    lines = text.split("\n")
    a = node.args
    edits = []
    for arg in a.posonlyargs + a.args + a.kwonlyargs:
        t = annotations.get(arg.arg)
        if t and arg.annotation is None:
            edits.append((arg.end_lineno - 1, arg.end_col_offset, ": " + t))
    for row, col, add in sorted(edits, reverse=True):
        raw = lines[row].encode("utf-8")
        lines[row] = (raw[:col] + add.encode() + raw[col:]).decode("utf-8")
    return "\n".join(lines)


def code_names(code):
    """The global names a code object and the code nested in it use."""
    names = set(code.co_names)
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            names |= code_names(const)
    return names


def loaded_names(node):
    """Names the function's text reads as plain names."""
    return {n.id for n in ast.walk(node)
            if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}


def is_number(v):
    return type(v) in (int, float, complex, bool) or (
        isinstance(v, (int, float, complex)) and not isinstance(v, bool)
        and type(v).__module__ == "numpy")


def spell(v):
    """A Python literal (an expression mandelc folds) for a constant, or
    None when the value is none of mandelc's: numbers, and tuples and lists
    of them."""
    if isinstance(v, bool):
        return repr(v)
    if isinstance(v, int) and is_number(v):
        return repr(int(v))
    if isinstance(v, float) and is_number(v):
        return spell_float(float(v))
    if isinstance(v, complex) and is_number(v):
        v = complex(v)
        return "complex(%s, %s)" % (spell_float(v.real), spell_float(v.imag))
    if isinstance(v, (tuple, list)) and type(v) in (tuple, list):
        items = [spell(x) for x in v]
        if any(x is None for x in items):
            return None
        if isinstance(v, tuple):
            return "(%s)" % (items[0] + "," if len(items) == 1
                             else ", ".join(items))
        return "[" + ", ".join(items) + "]"
    return None


def spell_float(f):
    if math.isinf(f):
        return "1e999" if f > 0 else "-1e999"
    if math.isnan(f):  # mandelc folds inf - inf as CPython does
        return "(%s(1e999 - 1e999))" % ("-" if math.copysign(1, f) < 0
                                       else "")
    return repr(f)


class Gathered:
    """The file to compile: text, kernel name, LineMap."""

    def __init__(self, text, name, lines, filename):
        self.text = text
        self.name = name
        self.lines = lines
        self.filename = filename


def gather(fn, annotations=None):
    """The file mandelc compiles for fn: see the module's docstring.
    annotations: parameter name -> type for fn's parameters that its text
    leaves unannotated (the types of the first call's arguments)."""
    fn = unwrap(fn)
    if not isinstance(fn, types.FunctionType):
        raise TypeError("mandelc.jit needs a Python function, not %s"
                        % type(fn).__name__)
    if fn.__name__ == "<lambda>":
        raise SourceError("mandelc.jit compiles functions defined with def,"
                          " not a lambda")
    funcs = []   # (fn, text, file, def line), kernel first
    seen = {}
    imports = {}  # text of the line -> order
    consts = {}   # name -> literal
    todo = [fn]
    while todo:
        f = todo.pop(0)
        if f in seen:
            continue
        text, filename, line, node = function_text(
            f, annotations if f is fn else None)
        seen[f] = True
        funcs.append((f, text, filename, line))
        used = loaded_names(node) & code_names(f.__code__)
        for default in node.args.defaults + node.args.kw_defaults:
            if default is not None:
                used |= loaded_names(default)
        scope = dict(f.__globals__)
        if f.__closure__:
            scope.update(zip(f.__code__.co_freevars,
                             (c.cell_contents for c in f.__closure__
                              if not is_empty_cell(c))))
            used |= set(f.__code__.co_freevars) & loaded_names(node)
        for name in sorted(used):
            if name == f.__name__ and scope.get(name) in (f, None):
                continue  # recursion
            if name not in scope:
                continue  # a builtin, or a name the compiler reports
            v = scope[name]
            if isinstance(v, types.ModuleType):
                if v.__name__ in MATH_MODULES:
                    imports.setdefault(import_line(v.__name__, name),
                                       len(imports))
                continue
            if (isinstance(v, types.BuiltinFunctionType) and
                    getattr(v, "__self__", None) is not None and
                    getattr(v.__self__, "__name__", "") in MATH_MODULES):
                imports.setdefault(
                    from_line(v.__self__.__name__, v.__name__, name),
                    len(imports))
                continue
            inner = unwrap(v)
            if isinstance(inner, types.FunctionType):
                if name != inner.__name__:
                    raise SourceError(
                        "%s calls %s under another name (%s); mandelc"
                        " compiles functions by their own names"
                        % (f.__name__, inner.__name__, name))
                todo.append(inner)
                continue
            literal = spell(v)
            if literal is not None:
                if name in consts and consts[name] != literal:
                    raise SourceError("two functions read two values"
                                      " named %s" % name)
                consts[name] = literal
    return assemble(fn, funcs, imports, consts)


def is_empty_cell(cell):
    try:
        cell.cell_contents
        return False
    except ValueError:
        return True


def import_line(module, name):
    if module == name:
        return "import %s" % module
    return "import %s as %s" % (module, name)


def from_line(module, attr, name):
    if attr == name:
        return "from %s import %s" % (module, attr)
    return "from %s import %s as %s" % (module, attr, name)


def assemble(fn, funcs, imports, consts):
    kernel_file = funcs[0][2]
    lines = LineMap(kernel_file)
    out = sorted(imports, key=imports.get)
    out += ["%s = %s" % (n, consts[n]) for n in sorted(consts)]
    header = len(out)
    # the kernel's file first, in the order of its lines; others after
    ordered = sorted((f for f in funcs if f[2] == kernel_file),
                     key=lambda f: f[3])
    ordered += [f for f in funcs if f[2] != kernel_file]
    for f, text, filename, line in ordered:
        body = text.rstrip("\n").split("\n")
        if filename == kernel_file and len(out) < line - 1:
            out += [""] * (line - 1 - len(out))
        elif out:
            out.append("")
        lines.add(len(out) + 1, len(body), filename, line)
        out += body
    del header
    return Gathered("\n".join(out) + "\n", fn.__name__, lines, kernel_file)
