#!/usr/bin/env python3
"""refdriver.py - mandelc's driver written in Python: the oracle of the tests.

    python3 tests/refdriver.py KERNEL.py [W [MAXITER]] [--kernel=NAME]
                               [--bind=ROLE=PARAM,...] [--julia=C]
                               [--region=X1,X2,Y1,Y2] [--int64]
                               [--show-binding]

does under CPython what `mandelc KERNEL.py W MAXITER` does
(docs/language.md §1-3), with the standard library only, so the
conformance tests can diff the two.

How it works:

1. The kernel file is read and its Python 2 print statements become
   Python 3 print() calls (see convert_python2 below; mandelc gives the
   statement the same meaning). `xrange` is defined as `range`. The file is
   then executed as a module whose __name__ is not "__main__", so a whole
   tutorial program only defines its functions.
2. The kernel is chosen and bound as docs/language.md section 3 says,
   implemented here a second time from that text (never from mandelc's
   code): each parameter's type from its annotation, default value, use
   and name; roles by type, then name and position; a chunk's items bind
   in its place; --kernel=NAME binds by position where names leave a
   choice, --bind=ROLE=PARAM,... settles roles, --julia=C puts the grid in
   the starting values and C in every point's constant. Python 2 tuple
   parameters (`def f((q, maxiter)):`) are unpacked first, as Python 2 did.
   --show-binding prints the kernel and its binding, as mandelc -v does,
   and stops.
3. The grid is built exactly as the tutorial's calc_pure_python builds it;
   the kernel is called; the three lines of the tutorial are printed:
       Total elements: N
       Main took 0:00:00.123456
       Total sum of elements (for validation): S
   with anything the kernel prints between the first two.

Errors, as mandelc reports them (docs/language.md §1, §5):
  * a Python exception raised by the kernel prints
    `KERNEL.py:LINE: ExcName: message` on stderr and exits 3. KERNEL.py is
    the path as given on the command line; LINE is the line of the
    innermost traceback frame that lies in the kernel file. RecursionError's
    message is normalised to "maximum recursion depth exceeded".
  * no bindable kernel, several candidates, or a bad --kernel: exit 1.
  * a bad command line (a --bind that cannot apply, --julia on a kernel
    without starting values): exit 2.

--int64 emulates mandelc's 64-bit ints (docs/language.md §5: "an int
result outside 64 bits raises OverflowError"): every int produced by an
operator, an augmented assignment or a call is checked, and one outside
[-2**63, 2**63 - 1] raises OverflowError("int result does not fit in 64
bits") at its line. Plain CPython would go on with a big int instead.
Bools are never checked (they are ints in Python but never large).
"""

import ast
import datetime
import io
import math
import os
import sys
import tokenize
import types

EXIT_OK, EXIT_COMPILE, EXIT_USAGE, EXIT_KERNEL = 0, 1, 2, 3

DEFAULT_REGION = (-2.13, 0.77, -1.3, 1.3)  # the tutorial's x1, x2, y1, y2

INT64_MIN, INT64_MAX = -2 ** 63, 2 ** 63 - 1
OVERFLOW_MESSAGE = "int result does not fit in 64 bits"
MAX_STUB_MODULES = 20  # missing imports replaced by empty modules


class UsageError(Exception):
    pass


class CompileError(Exception):
    pass


# ---- Python 2 print statements ---------------------------------------------
#
# The conversion, token by token (comments, strings and line numbers are
# untouched; edits never add or remove a line):
#   print                  ->  print()
#   print a, b             ->  print(a, b)
#   print a, b,            ->  print(a, b, end=" ")
#   print("x") / print(x)  ->  unchanged: a `print` followed by `(` is taken
#                              as the Python 3 call (so `print (a, b)` prints
#                              "a b", not the Python 2 tuple "(a, b)")
# Python 2's "soft space" after a trailing comma is approximated by end=" ":
# `print a,` then `print b` gives "a b\n" as in Python 2, but a trailing-comma
# print that ends the output leaves a trailing space that Python 2 would not
# write. `print >>f, x` is not supported (left as is: a syntax error).
# A statement `print` is recognised where a statement can start: at the
# beginning of a logical line, or after `;` or the `:` of a one-line
# compound statement (`if x: print "a"`).

STATEMENT_STARTERS = (tokenize.NEWLINE, tokenize.NL, tokenize.INDENT,
                      tokenize.DEDENT, tokenize.ENCODING)
STATEMENT_ENDERS = (tokenize.NEWLINE, tokenize.ENDMARKER)


def is_statement_start(prev, depth):
    if prev is None or prev.type in STATEMENT_STARTERS:
        return True
    return depth == 0 and prev.type == tokenize.OP and prev.string in ";:"


def find_print_edits(tokens):
    """Returns (row, col, old_len, new_text) edits turning print statements
    into calls; rows count from 1 as tokenize's do."""
    edits = []
    depth = 0
    prev = None
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if (tok.type == tokenize.NAME and tok.string == "print"
                and is_statement_start(prev, depth)
                and not (nxt and nxt.type == tokenize.OP
                         and nxt.string in ("(", "=", "."))):
            i = convert_one_print(tokens, i, edits)
            prev = tokens[i - 1]
            continue
        if tok.type == tokenize.OP and tok.string in "([{":
            depth += 1
        elif tok.type == tokenize.OP and tok.string in ")]}":
            depth -= 1
        if tok.type not in (tokenize.COMMENT, tokenize.NL) or depth == 0:
            prev = tok
        i += 1
    return edits


def convert_one_print(tokens, i, edits):
    """Edits the print statement starting at tokens[i]; returns the index of
    the token that ends it (NEWLINE, `;`, ENDMARKER, or a comment's NL)."""
    start = tokens[i]
    depth = 0
    j = i + 1
    last = None  # last significant token of the statement
    while j < len(tokens):
        t = tokens[j]
        if t.type in STATEMENT_ENDERS:
            break
        if depth == 0 and t.type == tokenize.OP and t.string == ";":
            break
        if t.type == tokenize.OP and t.string in "([{":
            depth += 1
        elif t.type == tokenize.OP and t.string in ")]}":
            depth -= 1
        if t.type not in (tokenize.COMMENT, tokenize.NL):
            last = t
        j += 1
    row, col = start.end
    if last is None:
        edits.append((row, col, 0, "()"))
    elif last.type == tokenize.OP and last.string == ",":
        edits.append((row, col, 0, "("))
        edits.append((last.start[0], last.start[1], 1, ', end=" ")'))
    else:
        edits.append((row, col, 0, "("))
        edits.append((last.end[0], last.end[1], 0, ")"))
    return j


# Python 2 tuple parameters: `def f((q, maxiter)):` becomes
# `def f(__tuple_param_0__):` here, and load_module puts
# `(q, maxiter) = __tuple_param_0__` first in the body, as Python 2 did.
# Only a tuple parameter on one line is converted.
TUPLE_PARAM = "__tuple_param_%d__"
TUPLE_PATTERNS = {}  # name -> the pattern's text, for this run's file


def find_tuple_param_edits(tokens, patterns):
    """Edits replacing each tuple parameter by a name; fills patterns with
    name -> the pattern's text."""
    edits = []
    i = 0
    while i + 2 < len(tokens):
        if not (tokens[i].type == tokenize.NAME and tokens[i].string == "def"
                and tokens[i + 2].string == "("):
            i += 1
            continue
        j = i + 3
        depth = 1
        prev = tokens[i + 2]
        while j < len(tokens) and depth > 0:
            t = tokens[j]
            if (depth == 1 and t.string == "(" and prev.string in "(,"
                    and prev.type == tokenize.OP):
                k, inner = j + 1, 1
                while k < len(tokens) and inner > 0:
                    inner += {"(": 1, ")": -1}.get(tokens[k].string, 0)
                    k += 1
                end = tokens[k - 1]
                if end.end[0] == t.start[0]:
                    name = TUPLE_PARAM % len(patterns)
                    line = t.line
                    patterns[name] = line[t.start[1]:end.end[1]]
                    edits.append((t.start[0], t.start[1],
                                  end.end[1] - t.start[1], name))
                prev = end
                j = k
                continue
            if t.string in "([{" and t.type == tokenize.OP:
                depth += 1
            elif t.string in ")]}" and t.type == tokenize.OP:
                depth -= 1
            if t.type not in (tokenize.NL, tokenize.COMMENT):
                prev = t
            j += 1
        i = j
    return edits


def convert_python2(source, patterns=None):
    """The kernel file's text with its print statements made calls and its
    tuple parameters named (patterns receives name -> pattern text)."""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return source  # compile() reports the error with its line
    lines = source.splitlines(keepends=True)
    edits = find_print_edits(tokens)
    if patterns is not None:
        edits += find_tuple_param_edits(tokens, patterns)
    # Apply from the end so earlier positions stay valid.
    for row, col, old_len, text in sorted(edits, reverse=True):
        line = lines[row - 1]
        lines[row - 1] = line[:col] + text + line[col + old_len:]
    return "".join(lines)


def unpack_tuple_params(tree, patterns):
    """Puts `pattern = __tuple_param_N__` first in each def that takes one."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef):
            continue
        for arg in node.args.args:
            if arg.arg in patterns:
                target = ast.parse(patterns[arg.arg], mode="eval").body
                for sub in ast.walk(target):
                    if isinstance(sub, (ast.Name, ast.Tuple)):
                        sub.ctx = ast.Store()
                assign = ast.Assign(targets=[target],
                                    value=ast.Name(id=arg.arg,
                                                   ctx=ast.Load()))
                for sub in ast.walk(assign):
                    sub.lineno, sub.col_offset = node.lineno, 0
                    sub.end_lineno, sub.end_col_offset = node.lineno, 0
                node.body.insert(0, assign)
    return tree


# ---- 64-bit int emulation (--int64) -----------------------------------------


def check_int64(value):
    """Returns value; raises OverflowError for an int outside 64 bits."""
    if (type(value) is int and not INT64_MIN <= value <= INT64_MAX):
        raise OverflowError(OVERFLOW_MESSAGE)
    return value


class Int64Checks(ast.NodeTransformer):
    """Wraps every operator result and call result in __check_int64__(...),
    and follows every augmented assignment by a check of its target. The
    wrappers carry the original node's position, so an OverflowError is
    reported at the line of the operation."""

    def wrap(self, node):
        call = ast.Call(func=ast.Name(id="__check_int64__", ctx=ast.Load()),
                        args=[node], keywords=[])
        return ast.copy_location(call, node)

    def visit_BinOp(self, node):
        return self.wrap(self.generic_visit(node))

    def visit_UnaryOp(self, node):
        return self.wrap(self.generic_visit(node))

    def visit_Call(self, node):
        return self.wrap(self.generic_visit(node))

    def visit_AugAssign(self, node):
        node = self.generic_visit(node)
        target = ast.parse(ast.unparse(node.target), mode="eval").body
        check = ast.Expr(value=self.wrap(target))
        ast.fix_missing_locations(ast.copy_location(check, node))
        for sub in ast.walk(check):
            ast.copy_location(sub, node)
        return [node, check]


# ---- abs(complex) without a stale errno -------------------------------------
#
# CPython up to 3.14 tests errno after abs(complex) but sets it only when
# hypot runs: for a NaN part (and no infinite one) a stale ERANGE left by
# an earlier library call (math.exp underflowing) raises a spurious
# "OverflowError: absolute value too large" (CPython gh-155526, fixed in
# 3.15). docs/language.md section 5 takes the fixed rule; the oracle
# computes that case itself and leaves every other abs to CPython.


def complex_abs(x):
    """abs(x), with a NaN (and no infinite) complex part giving nan."""
    if type(x) is complex and not (math.isinf(x.real)
                                   or math.isinf(x.imag)) \
            and (math.isnan(x.real) or math.isnan(x.imag)):
        return math.nan
    return abs(x)


# ---- loading the kernel ----------------------------------------------------


class StubModule(types.ModuleType):
    """An empty stand-in for a missing module; any attribute is another."""

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return StubModule(self.__name__ + "." + name)


def load_module(path, source, int64):
    """Executes the converted kernel file; returns (globals, ast module)."""
    patterns = TUPLE_PATTERNS
    text = convert_python2(source, patterns)
    try:
        tree = unpack_tuple_params(ast.parse(text, filename=path), patterns)
    except SyntaxError as err:
        raise CompileError("%s:%s:%s: error: %s" % (
            path, err.lineno, err.offset, err.msg))
    run_tree = tree
    if int64:
        run_tree = ast.fix_missing_locations(Int64Checks().visit(
            unpack_tuple_params(ast.parse(text, filename=path), patterns)))
    code = compile(run_tree, path, "exec")
    # A module the kernel file imports but this machine lacks (numpy, PIL
    # in a tutorial program) is replaced by an empty one: mandelc skips such
    # imports too, and a kernel that used one would not compile anyway.
    for _ in range(MAX_STUB_MODULES):
        env = {"__name__": "mandelc_kernel", "__file__": path,
               "xrange": range, "__check_int64__": check_int64,
               "abs": complex_abs}
        try:
            exec(code, env)
            return env, tree
        except ModuleNotFoundError as err:
            if err.name is None or err.name in sys.modules:
                raise CompileError("%s: error: %s" % (path, err))
            sys.modules[err.name] = StubModule(err.name)
        except Exception as err:
            raise CompileError("%s: error: module code raised %s: %s" % (
                path, type(err).__name__, err))
    raise CompileError("%s: error: too many missing modules" % path)


# ---- choosing and binding the kernel (docs/language.md section 3) -----------
#
# A second implementation of the rules, from the documentation: each
# parameter's type (annotation, constant default, use in the function's own
# body, name), then one role each: points, start, maxiter, output, x, y.

MAX_PARAMS = 8
START_NAMES = ("z", "zs", "z0")
POINT_NAMES = ("c", "cs", "q", "points")
PLURAL_NAMES = ("q", "zs", "cs", "points", "xs", "ys")
X_NAMES = ("x", "xs", "re", "real")
Y_NAMES = ("y", "ys", "im", "imag")
SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)


class BindError(Exception):
    """A --bind (or --julia) that cannot apply: exit 2."""


def name_in(name, names):
    return name.lower() in names


def is_limit_name(name):
    return "iter" in name.lower()


def own_nodes(nodes):
    """Every node under the statements, nested defs, lambdas and classes
    excepted."""
    stack = list(reversed(nodes))
    while stack:
        node = stack.pop()
        if isinstance(node, SCOPES):
            continue
        yield node
        stack.extend(reversed(list(ast.iter_child_nodes(node))))


def is_name(node, name):
    return isinstance(node, ast.Name) and node.id == name


def is_call_of(node, names):
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
        and node.func.id in names


def uses_of(body, name):
    """(stored_item, listy, in_range, uses) of `name` in body."""
    stored = listy = in_range = False
    uses = 0
    for n in own_nodes(body):
        if is_name(n, name):
            uses += 1
        if isinstance(n, ast.Subscript) and is_name(n.value, name):
            listy = True
        if isinstance(n, (ast.For, ast.comprehension)) and \
                is_name(n.iter, name):
            listy = True
        if isinstance(n, ast.Call):
            if is_call_of(n, ("range", "xrange")):
                in_range |= any(is_name(a, name) for a in n.args)
            if is_call_of(n, ("len", "zip", "enumerate")):
                listy |= any(is_name(a, name) for a in n.args)
        targets = n.targets if isinstance(n, ast.Assign) else []
        for t in targets:
            items = [t] + (t.elts if isinstance(t, ast.Tuple) else [])
            stored |= any(isinstance(e, ast.Subscript) and
                          is_name(e.value, name) for e in items)
        if isinstance(n, ast.AugAssign) and \
                isinstance(n.target, ast.Subscript) and \
                is_name(n.target.value, name):
            stored = True
    return stored, listy, in_range, uses


def returns_value(body):
    for st in body:
        if isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef,
                           ast.ClassDef)):
            continue
        if isinstance(st, ast.Return):
            if st.value is not None and not (
                    isinstance(st.value, ast.Constant)
                    and st.value.value is None):
                return True
            continue
        if isinstance(st, ast.Match):  # its cases may return
            return True
        for field in ("body", "orelse", "handlers", "finalbody"):
            if returns_value(getattr(st, field, []) or []):
                return True
    return False


def annotation_type(node):
    if isinstance(node, (ast.Name, ast.Attribute)):
        name = node.id if isinstance(node, ast.Name) else node.attr
        return {"int": "int", "float": "float", "complex": "complex",
                "list": "list", "List": "list"}.get(name, "other")
    if isinstance(node, ast.Subscript) and (
            (isinstance(node.value, ast.Name)
             and node.value.id in ("list", "List"))
            or (isinstance(node.value, ast.Attribute)
                and node.value.attr == "List")):
        elem = annotation_type(node.slice)
        return {"float": "list[float]", "int": "output",
                "complex": "list"}.get(elem, "other")
    return "other"


def param_type(annotation, default, name, body, returns):
    if annotation is not None:
        t = annotation_type(annotation)
        return "other" if t == "output" and returns else t
    if isinstance(default, ast.Constant):
        v = default.value
        if type(v) is int:
            return "int"
        if type(v) is float:
            return "float"
        if type(v) is complex:
            return "complex"
        return "other"
    stored, listy, in_range, _ = uses_of(body, name)
    if stored and not returns:
        return "output"
    if listy or stored:
        return "list"
    return "int" if in_range else "number"


class Param:
    def __init__(self, name, annotation=None, default=None):
        self.name, self.annotation, self.default = name, annotation, default
        self.type, self.role = "number", None


class Sig:
    """One function as the binder sees it: params, chunk, form, why."""

    def __init__(self, fn):
        self.fn, self.params, self.chunk = fn, [], None
        self.why, self.ambiguous, self.form = None, False, None
        self.returns = returns_value(fn.body)

    def taken(self, role):
        return any(p.role == role for p in self.params)

    def open(self, ptype):
        return [p for p in self.params if p.role is None and p.type == ptype]


def chunk_unpacking(fn, name):
    body = fn.body
    i = 0
    if body and isinstance(body[0], ast.Expr) and \
            isinstance(body[0].value, ast.Constant) and \
            isinstance(body[0].value.value, str):
        i = 1
    st = body[i] if i < len(body) else None
    if not isinstance(st, ast.Assign) or len(st.targets) != 1 or \
            not is_name(st.value, name):
        return None
    t = st.targets[0]
    if not isinstance(t, (ast.Tuple, ast.List)) or \
            not all(isinstance(e, ast.Name) for e in t.elts):
        return None
    return st


def read_params(sig):
    a = sig.fn.args
    if a.vararg or a.kwarg:
        sig.why = "it takes *args or **kwargs"
        return False
    args = a.posonlyargs + a.args
    defaults = [None] * (len(args) - len(a.defaults)) + list(a.defaults)
    pairs = list(zip(args, defaults)) + list(zip(a.kwonlyargs,
                                                 a.kw_defaults))
    if len(pairs) == 1:
        unpack = chunk_unpacking(sig.fn, pairs[0][0].arg)
        if unpack is not None:
            if uses_of(sig.fn.body, pairs[0][0].arg)[3] != 1:
                sig.why = "its chunk is used beyond its unpacking"
                return False
            if len(unpack.targets[0].elts) > MAX_PARAMS:
                sig.why = "its chunk has too many items"
                return False
            sig.chunk = pairs[0][0].arg
            sig.params = [Param(e.id) for e in unpack.targets[0].elts]
            pairs = []
    if len(pairs) > MAX_PARAMS:
        sig.why = "it takes too many parameters"
        return False
    if pairs:
        sig.params = [Param(arg.arg, arg.annotation, d) for arg, d in pairs]
    for p in sig.params:
        p.type = param_type(p.annotation, p.default, p.name, sig.fn.body,
                            sig.returns)
    return True


LIST_TYPES = ("list", "list[float]", "output")


def apply_binds(sig, binds):
    """Gives --bind's roles; raises BindError; returns False (and why) when
    the function lacks a named parameter."""
    for item in binds.split(","):
        if "=" not in item:
            raise BindError("'%s' is not ROLE=PARAM" % item)
        role, name = item.split("=", 1)
        par = next((p for p in sig.params if p.name == name), None)
        if par is None:
            sig.why = "'%s' has no parameter '%s'" % (sig.fn.name, name)
            return False
        lst = par.type in LIST_TYPES
        number = par.type in ("number", "int", "float", "complex")
        if role == "points":
            r = "q" if lst else "c" if par.type in ("complex",
                                                    "number") else None
        elif role == "start":
            r = "z" if lst or par.type == "number" else None
        elif role == "maxiter":
            r = "m" if par.type in ("int", "number") else None
        elif role == "output":
            r = "o" if par.type in ("output", "list", "number") else None
        elif role in ("x", "y"):
            r = role if lst or number else None
        else:
            raise BindError("unknown role '%s'" % role)
        if r is None:
            raise BindError("'%s' cannot be the %s" % (name, role))
        for p in sig.params:
            if p.role and (p.role == r or (r in "qc" and p.role in "qc")):
                raise BindError("the role %s is given twice" % role)
        if par.role:
            raise BindError("'%s' is given two roles" % name)
        par.role = r
        if par.type == "number":
            par.type = {"o": "output", "m": "int", "c": "complex",
                        "z": "list"}.get(r, "number")
    return True


def take_by_name(sig, ptype, names, role):
    if sig.taken(role):
        return
    found = [p for p in sig.open(ptype) if name_in(p.name, names)]
    if len(found) == 1:
        found[0].role = role


def take_pair(sig, ptype, r1, r2, by_position):
    found = sig.open(ptype)
    free1, free2 = not sig.taken(r1), not sig.taken(r2)
    if len(found) == 1:
        found[0].role = r1 if free1 else r2 if free2 else None
        return
    if len(found) != 2 or not free1 or not free2:
        return
    if by_position:
        found[0].role, found[1].role = r1, r2
        return
    sig.ambiguous = True
    sig.why = "%s and %s are both %s and no name decides" % (
        found[0].name, found[1].name, ptype)


def take_limit(sig, by_position):
    found = sig.open("int")
    if not found:  # an annotation may make the limit a float
        for t in ("float", "complex"):
            named = [p for p in sig.open(t) if is_limit_name(p.name)]
            if len(named) == 1 and not sig.taken("m"):
                named[0].role = "m"
        return
    if len(found) == 1 or (len(found) > 1 and by_position):
        found[0].role = "m"
    elif len(found) > 1:
        named = [p for p in found if is_limit_name(p.name)]
        if len(named) == 1:
            named[0].role = "m"
        else:
            sig.ambiguous = True
            sig.why = "two ints and no name says which is the limit"


def type_by_name(sig, lists):
    for p in sig.params:
        if p.type != "number" or p.role:
            continue
        if is_limit_name(p.name) and not sig.taken("m") and \
                not sig.open("int"):
            p.type = "int"
        elif lists and (name_in(p.name, START_NAMES)
                        or name_in(p.name, POINT_NAMES)):
            p.type = "list"
        elif lists and (name_in(p.name, X_NAMES)
                        or name_in(p.name, Y_NAMES)):
            p.type = "list[float]"


def first_open(sig):
    for p in sig.params:
        if p.role is None:
            return "'%s' (%s) has no role" % (p.name, p.type)
    return None


def bind_lists(sig, by_position):
    type_by_name(sig, True)
    for p in sig.params:
        if p.role is None and p.type == "output" and not sig.taken("o"):
            p.role = "o"
    take_by_name(sig, "list", START_NAMES, "z")
    take_by_name(sig, "list", POINT_NAMES, "q")
    take_by_name(sig, "list", X_NAMES, "x")
    take_by_name(sig, "list", Y_NAMES, "y")
    take_by_name(sig, "list[float]", X_NAMES, "x")
    take_by_name(sig, "list[float]", Y_NAMES, "y")
    if sig.taken("x") or sig.taken("y") or sig.open("list[float]"):
        take_pair(sig, "list[float]", "x", "y", by_position)
    else:
        take_pair(sig, "list", "q", "z", by_position)
    if not sig.why:
        take_limit(sig, by_position)
    if sig.why:
        return
    grid = sig.taken("x") or sig.taken("y")
    sig.why = first_open(sig)
    if sig.why:
        return
    if grid and (not sig.taken("x") or not sig.taken("y") or
                 sig.taken("q") or sig.taken("z") or sig.taken("o")):
        sig.why = "a grid kernel takes the axes xs and ys"
    elif not grid and not sig.taken("q"):
        sig.why = "no parameter takes the grid points"
    elif not sig.taken("o") and not sig.returns:
        sig.why = "it returns nothing and fills no output list"
    elif sig.taken("o") and sig.returns:
        sig.why = "it fills an output list but also returns a value"
    sig.form = "grid" if grid else "list"


def bind_numbers(sig, by_position):
    type_by_name(sig, False)
    take_limit(sig, by_position)
    if sig.why:
        return
    nc, nf, nu = (len(sig.open(t)) for t in ("complex", "float", "number"))
    if nc + nf + nu == 1:
        for p in sig.params:
            if p.role is None and p.type not in ("float", "int", "other"):
                p.role = "c"
    elif nc == 0 and nf + nu == 2:
        for t in ("number", "float"):
            take_by_name(sig, t, X_NAMES, "x")
            take_by_name(sig, t, Y_NAMES, "y")
        found = [p for p in sig.params if p.role is None and
                 p.type in ("number", "float")]
        for p in found:
            if name_in(p.name, START_NAMES) or name_in(p.name, POINT_NAMES):
                sig.why = "'%s' is named as a complex value" % p.name
                return
        if not (sig.taken("x") or sig.taken("y") or sig.taken("m")
                or by_position):
            sig.why = "two numbers without x/y names or a limit"
            return
        for p in found:
            p.role = "y" if sig.taken("x") else "x"
    sig.why = first_open(sig)
    if sig.why:
        return
    if not sig.taken("c") and not sig.taken("x"):
        sig.why = "no parameter takes the grid points"
    elif not sig.returns:
        sig.why = "it returns nothing: a point kernel returns its count"
    sig.form = "point_complex" if sig.taken("c") else "point_xy"


def bind_sig(sig, by_position, binds):
    if not read_params(sig):
        return
    if not sig.params:
        sig.why = "it takes no parameters"
        return
    for p in sig.params:
        if p.type == "other":
            sig.why = "the driver has nothing for the type of '%s'" % p.name
            return
    if binds is not None and not apply_binds(sig, binds):
        sig.missing = True
        return
    lists = any(p.type in LIST_TYPES or (p.role and p.role in "qzo") or
                (p.type == "number" and name_in(p.name, PLURAL_NAMES))
                for p in sig.params)
    (bind_lists if lists else bind_numbers)(sig, by_position)


def mentions(node, name):
    nodes = node.body if isinstance(node, ast.FunctionDef) else [node]
    return any(is_name(n, name) for n in own_nodes(nodes))


def potential(sig):
    return not sig.why or sig.ambiguous


def preferred(tree, sigs):
    """The candidate the file's driver refers to, else the one candidate no
    other candidate refers to; None when that does not decide."""
    cands = [s for s in sigs if potential(s)]
    cand_defs = [s.fn for s in cands]
    called = [s for s in cands
              if any(st is not s.fn and st not in cand_defs and
                     mentions(st, s.fn.name) for st in tree.body)]
    if len(called) == 1:
        return called[0]
    tops = [s for s in cands
            if not any(o is not s and mentions(o.fn, s.fn.name)
                       for o in cands)]
    return tops[0] if len(tops) == 1 else None


ROLE_TEXT = {"q": "q (points)", "z": "z (start)", "m": "MAXITER",
             "x": "xs (x axis)", "y": "ys (y axis)",
             "o": "zeros (output, summed after the call)"}
POINT_ROLE_TEXT = {"c": "c (points)", "x": "x (points)", "y": "y (points)",
                   "m": "MAXITER"}


def binding_text(sig, patterns):
    """`zs <- z (start), cs <- q (points), maxiter <- MAXITER`, as
    docs/language.md section 3 writes a binding."""
    table = ROLE_TEXT if sig.form in ("list", "grid") else POINT_ROLE_TEXT
    text = ", ".join("%s <- %s" % (p.name, table[p.role])
                     for p in sig.params)
    if sig.chunk is not None:
        return "%s = (%s)" % (patterns.get(sig.chunk, sig.chunk), text)
    return text


def top_level_functions(tree):
    defs = [n for n in tree.body if isinstance(n, ast.FunctionDef)]
    return [d for i, d in enumerate(defs)
            if not any(later.name == d.name for later in defs[i + 1:])]


def select_kernel(path, tree, name, binds=None):
    """The bound Sig of the kernel, as section 3 chooses it."""
    defs = top_level_functions(tree)
    sigs = []
    for fn in defs:
        if name is not None and fn.name != name:
            continue
        sig = Sig(fn)
        sig.missing = False
        bind_sig(sig, name is not None, binds)
        sigs.append(sig)
    if binds is not None and sigs and all(s.missing for s in sigs):
        raise BindError(sigs[0].why)
    if name is not None:
        if not sigs:
            raise CompileError("%s: error: no function named '%s'" % (
                path, name))
        if sigs[0].why:
            raise CompileError("%s:%d: error: '%s' cannot be the kernel: %s"
                               % (path, sigs[0].fn.lineno, name,
                                  sigs[0].why))
        return sigs[0]
    pick = preferred(tree, sigs)
    if pick is None or pick.why:
        listing = "; ".join("%s: %s" % (s.fn.name, s.why or "binds")
                            for s in sigs) or "no functions"
        raise CompileError("%s: error: no single kernel: %s" % (path,
                                                                listing))
    return pick

# ---- the driver (the tutorial's calc_pure_python) ---------------------------


def build_grid(w, region):
    """xs, ys and q exactly as calc_pure_python makes them (h = w)."""
    x1, x2, y1, y2 = region
    h = w
    x_step = (float(x2 - x1) / float(w)) * 2
    y_step = (float(y1 - y2) / float(h)) * 2
    x = []
    y = []
    ycoord = y2
    while ycoord > y1:
        y.append(ycoord)
        ycoord += y_step
    xcoord = x1
    while xcoord < x2:
        x.append(xcoord)
        xcoord += x_step
    q = []
    for ycoord in y:
        for xcoord in x:
            q.append(complex(xcoord, ycoord))
    return x, y, q


def run_kernel(fn, sig, x, y, q, maxiter, julia=None):
    """Calls the kernel as its binding says; returns the validation sum."""
    n = len(q)
    if julia is not None:  # the grid as starting values, C as every point's
        lists = {"q": [julia] * n, "z": list(q)}
    else:
        lists = {"q": q, "z": [0 + 0j] * n}

    def call(values):
        args = [values[p.role] for p in sig.params]
        return fn(tuple(args)) if sig.chunk is not None else fn(*args)

    if sig.form in ("list", "grid"):
        output = [0] * n
        values = {"q": lists["q"], "z": lists["z"], "m": maxiter,
                  "o": output, "x": x, "y": y}
        result = call(values)
        if sig.taken("o"):
            return sum(output)
        if sig.form == "grid":
            return sum(sum(row) for row in result)
        return sum(result)
    total = 0
    for c in q:
        total += call({"c": c, "x": c.real, "y": c.imag, "m": maxiter})
    return total


def error_line(path, exc):
    """`KERNEL.py:LINE: ExcName: message` for an exception of the kernel."""
    line = 0
    want = os.path.abspath(path)
    tb = exc.__traceback__
    while tb is not None:
        if os.path.abspath(tb.tb_frame.f_code.co_filename) == want:
            line = tb.tb_lineno
        tb = tb.tb_next
    message = str(exc)
    if isinstance(exc, RecursionError):
        message = "maximum recursion depth exceeded"
    return "%s:%d: %s: %s" % (path, line, type(exc).__name__, message)


# ---- command line ----------------------------------------------------------


def parse_args(argv):
    opts = {"kernel": None, "region": DEFAULT_REGION, "int64": False,
            "bind": None, "julia": None, "show_binding": False}
    positional = []
    for arg in argv:
        if arg.startswith("--kernel="):
            opts["kernel"] = arg[len("--kernel="):]
        elif arg.startswith("--region="):
            parts = arg[len("--region="):].split(",")
            try:
                opts["region"] = tuple(float(p) for p in parts)
            except ValueError:
                raise UsageError("bad --region: " + arg)
            if len(parts) != 4:
                raise UsageError("--region needs X1,X2,Y1,Y2")
        elif arg.startswith("--bind="):
            opts["bind"] = arg[len("--bind="):]
        elif arg.startswith("--julia="):
            try:
                opts["julia"] = complex(arg[len("--julia="):])
            except ValueError:
                raise UsageError("bad --julia: " + arg)
        elif arg == "--show-binding":
            opts["show_binding"] = True
        elif arg == "--int64":
            opts["int64"] = True
        elif arg.startswith("--"):
            raise UsageError("unknown option " + arg)
        else:
            positional.append(arg)
    if not 1 <= len(positional) <= 3:
        raise UsageError("usage: refdriver.py KERNEL.py [W [MAXITER]] "
                         "[--kernel=NAME] [--region=X1,X2,Y1,Y2] [--int64]")
    try:
        nums = [int(p) for p in positional[1:]]
    except ValueError:
        raise UsageError("W and MAXITER must be integers")
    nums += [1000, 1000][len(nums):]
    if nums[0] < 1 or nums[1] < 0:
        raise UsageError("W must be >= 1 and MAXITER >= 0")
    opts["path"], opts["w"], opts["maxiter"] = positional[0], nums[0], nums[1]
    return opts


def main(argv):
    try:
        opts = parse_args(argv)
    except UsageError as err:
        print("refdriver.py: " + str(err), file=sys.stderr)
        return EXIT_USAGE
    path = opts["path"]
    try:
        with open(path, encoding="utf-8") as f:
            source = f.read()
    except OSError as err:
        print("%s: error: %s" % (path, err.strerror), file=sys.stderr)
        return EXIT_COMPILE
    try:
        env, tree = load_module(path, source, opts["int64"])
        sig = select_kernel(path, tree, opts["kernel"], opts["bind"])
        if opts["julia"] is not None and not (
                sig.form == "list" and sig.taken("z")):
            raise BindError("--julia needs a list kernel that takes "
                            "starting values (z)")
    except CompileError as err:
        print(str(err), file=sys.stderr)
        return EXIT_COMPILE
    except BindError as err:
        print("refdriver.py: " + str(err), file=sys.stderr)
        return EXIT_USAGE
    if opts["show_binding"]:  # tests/binding_test.py compares it
        print("kernel %s (%s form)" % (sig.fn.name, sig.form.split("_")[0]))
        print("binding: " + binding_text(sig, TUPLE_PATTERNS))
        return EXIT_OK
    x, y, q = build_grid(opts["w"], opts["region"])
    print("Total elements:", len(q))
    start_time = datetime.datetime.now()
    try:
        total = run_kernel(env[sig.fn.name], sig, x, y, q, opts["maxiter"],
                           opts["julia"])
        if opts["int64"]:
            check_int64(total)
    except Exception as exc:  # the kernel's own run-time error
        sys.stdout.flush()
        print(error_line(path, exc), file=sys.stderr)
        return EXIT_KERNEL
    end_time = datetime.datetime.now()
    print("Main took", end_time - start_time)
    print("Total sum of elements (for validation):", total)
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
