#!/usr/bin/env python3
"""refdriver.py - mandelc's driver written in Python: the oracle of the tests.

    python3 tests/refdriver.py KERNEL.py [W [MAXITER]] [--kernel=NAME]
                               [--region=X1,X2,Y1,Y2] [--int64]

does under CPython what `mandelc KERNEL.py W MAXITER` does
(docs/language.md §1-3), with the standard library only, so the
conformance tests can diff the two.

How it works:

1. The kernel file is read and its Python 2 print statements become
   Python 3 print() calls (see convert_python2 below; mandelc gives the
   statement the same meaning). `xrange` is defined as `range`. The file is
   then executed as a module whose __name__ is not "__main__", so a whole
   tutorial program only defines its functions.
2. The kernel is chosen as docs/language.md §3 says: --kernel=NAME, else
   the one top-level `def` whose parameter names the driver can bind:
   {q, maxiter, z} (list form), {xs, ys, maxiter} (grid form),
   {c, maxiter} or {x, y, maxiter} (point forms). Arguments are passed by
   name, so parameter order is free.
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
  * a bad command line: exit 2.

--int64 emulates mandelc's 64-bit ints (docs/language.md §5: "an int
result outside 64 bits raises OverflowError"): every int produced by an operator, an
augmented assignment or a call is checked, and one outside
[-2**63, 2**63 - 1] raises OverflowError("int result does not fit in 64
bits") at its line. Plain CPython would go on with a big int instead.
Bools are never checked (they are ints in Python but never large).
"""

import ast
import datetime
import io
import os
import sys
import tokenize
import types

EXIT_OK, EXIT_COMPILE, EXIT_USAGE, EXIT_KERNEL = 0, 1, 2, 3

DEFAULT_REGION = (-2.13, 0.77, -1.3, 1.3)  # the tutorial's x1, x2, y1, y2

# The kernel forms of docs/language.md §3: the set of parameter names -> form.
FORMS = {
    frozenset(["q", "maxiter", "z"]): "list",
    frozenset(["xs", "ys", "maxiter"]): "grid",
    frozenset(["c", "maxiter"]): "point_complex",
    frozenset(["x", "y", "maxiter"]): "point_xy",
}

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


def convert_python2(source):
    """The kernel file's text with its print statements made calls."""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return source  # compile() reports the error with its line
    lines = source.splitlines(keepends=True)
    # Apply from the end so earlier positions stay valid.
    for row, col, old_len, text in sorted(find_print_edits(tokens),
                                          reverse=True):
        line = lines[row - 1]
        lines[row - 1] = line[:col] + text + line[col + old_len:]
    return "".join(lines)


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


# ---- loading the kernel ----------------------------------------------------


class StubModule(types.ModuleType):
    """An empty stand-in for a missing module; any attribute is another."""

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return StubModule(self.__name__ + "." + name)


def load_module(path, source, int64):
    """Executes the converted kernel file; returns (globals, ast module)."""
    text = convert_python2(source)
    try:
        tree = ast.parse(text, filename=path)
    except SyntaxError as err:
        raise CompileError("%s:%s:%s: error: %s" % (
            path, err.lineno, err.offset, err.msg))
    run_tree = tree
    if int64:
        run_tree = ast.fix_missing_locations(
            Int64Checks().visit(ast.parse(text, filename=path)))
    code = compile(run_tree, path, "exec")
    # A module the kernel file imports but this machine lacks (numpy, PIL
    # in a tutorial program) is replaced by an empty one: mandelc skips such
    # imports too, and a kernel that used one would not compile anyway.
    for _ in range(MAX_STUB_MODULES):
        env = {"__name__": "mandelc_kernel", "__file__": path,
               "xrange": range, "__check_int64__": check_int64}
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


def bindable_form(fn):
    """The kernel form a top-level def can be bound to, or None."""
    a = fn.args
    if a.vararg or a.kwarg or a.kwonlyargs or a.posonlyargs or a.defaults:
        return None
    return FORMS.get(frozenset(arg.arg for arg in a.args)) if len(
        set(arg.arg for arg in a.args)) == len(a.args) else None


def select_kernel(path, tree, name):
    """(function name, form) of the kernel, as docs/language.md §3
    chooses it."""
    defs = [n for n in tree.body if isinstance(n, ast.FunctionDef)]
    if name is not None:
        for fn in defs:
            if fn.name == name:
                form = bindable_form(fn)
                if form is None:
                    raise CompileError("%s:%d: error: function '%s' is not "
                                       "a kernel form" % (path, fn.lineno,
                                                          name))
                return name, form
        raise CompileError("%s: error: no function named '%s'" % (path, name))
    found = [(fn.name, bindable_form(fn)) for fn in defs
             if bindable_form(fn) is not None]
    if len(found) != 1:
        names = ", ".join(n for n, _ in found) or "none"
        raise CompileError("%s: error: need exactly one kernel function, "
                           "found: %s (use --kernel=NAME)" % (path, names))
    return found[0]


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


def run_kernel(fn, form, x, y, q, maxiter):
    """Calls the kernel in its form; returns the validation sum."""
    if form == "list":
        z = [0 + 0j] * len(q)
        return sum(fn(q=q, maxiter=maxiter, z=z))
    if form == "grid":
        return sum(sum(row) for row in fn(xs=x, ys=y, maxiter=maxiter))
    total = 0
    if form == "point_complex":
        for c in q:
            total += fn(c=c, maxiter=maxiter)
    else:
        for c in q:
            total += fn(x=c.real, y=c.imag, maxiter=maxiter)
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
    opts = {"kernel": None, "region": DEFAULT_REGION, "int64": False}
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
        name, form = select_kernel(path, tree, opts["kernel"])
    except CompileError as err:
        print(str(err), file=sys.stderr)
        return EXIT_COMPILE
    x, y, q = build_grid(opts["w"], opts["region"])
    print("Total elements:", len(q))
    start_time = datetime.datetime.now()
    try:
        total = run_kernel(env[name], form, x, y, q, opts["maxiter"])
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
