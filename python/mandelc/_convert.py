"""_convert.py - Python values to mandelc_value and back.

A parameter's type (Python's spelling, from the library) decides what an
argument may be:
  int, float, complex, bool   a number (numpy scalars too); int to float
                              and float to complex widen as in Python
  list[T] (T a number type)   a list, an array.array, or any object with
                              the buffer protocol (numpy) of one dimension

A list is copied into a contiguous array and, after the call, the elements
the kernel changed are written back into it (the list keeps its other
element objects). A buffer whose format is T's own (int64 'q'/'l', float64
'd', complex128 'Zd', bool '?') and that is C-contiguous and writable is
passed as is, no copy: the kernel writes into it. Any other buffer is
copied (and written back); one whose elements are not T's numbers is a
TypeError, one of more than one dimension a ValueError.
"""

import array
import ctypes
import operator
import sys
from . import _lib

SCALARS = {"bool": _lib.BOOL, "int": _lib.INT, "float": _lib.FLOAT,
           "complex": _lib.COMPLEX}
SIZES = {_lib.BOOL: 1, _lib.INT: 8, _lib.FLOAT: 8, _lib.COMPLEX: 16}
# array typecodes for a copy of each element kind (complex: two doubles)
CODES = {_lib.BOOL: "B", _lib.INT: "q", _lib.FLOAT: "d", _lib.COMPLEX: "d"}
# buffer formats passed without a copy
NATIVE = {_lib.BOOL: ("?",), _lib.INT: ("q", "l", "<q", "<l", "=q"),
          _lib.FLOAT: ("d", "<d", "=d"), _lib.COMPLEX: ("Zd", "<Zd", "=Zd")}
NUMPY_DTYPES = {_lib.BOOL: "bool", _lib.INT: "int64", _lib.FLOAT: "float64",
                _lib.COMPLEX: "complex128"}
INT_FORMATS = set("bBhHiIlLqQ")
INT64_MIN, INT64_MAX = -2 ** 63, 2 ** 63 - 1
REAL, IMAG = operator.attrgetter("real"), operator.attrgetter("imag")


def parse_type(spelling):
    """(kind, elem) for a parameter's or result's type; kind None for a
    type the package cannot pass (tuples, nested lists)."""
    if spelling == "None":
        return _lib.NONE, _lib.NONE
    if spelling in SCALARS:
        return SCALARS[spelling], _lib.NONE
    if spelling.startswith("list[") and spelling[5:-1] in SCALARS:
        return _lib.LIST, SCALARS[spelling[5:-1]]
    return None, None


class Param:
    def __init__(self, name, spelling):
        self.name = name
        self.type = spelling
        self.kind, self.elem = parse_type(spelling)


def describe(v):
    return type(v).__name__


def scalar(p, v, where):
    """Fills a Value's scalar for parameter p from v."""
    val = _lib.Value()
    val.kind = p.kind
    kind = p.kind
    try:
        if kind == _lib.BOOL:
            if not (isinstance(v, bool) or type(v).__name__ == "bool_"):
                raise TypeError
            val.scalar.b = bool(v)
        elif kind == _lib.INT:
            if isinstance(v, (float, complex, str, bytes)):
                raise TypeError
            i = operator.index(v)
            if not INT64_MIN <= i <= INT64_MAX:
                raise OverflowError(
                    "%s: argument '%s' = %d does not fit in 64 bits"
                    % (where, p.name, i))
            val.scalar.i = i
        elif kind == _lib.FLOAT:
            if isinstance(v, (complex, str, bytes)) and not isinstance(
                    v, float):
                raise TypeError
            val.scalar.f = float(v)
        else:
            if isinstance(v, (str, bytes)):
                raise TypeError
            c = complex(v)
            val.scalar.c.re, val.scalar.c.im = c.real, c.imag
    except (TypeError, ValueError) as e:
        if isinstance(e, OverflowError):
            raise
        raise TypeError("%s: argument '%s' must be %s, not %s"
                        % (where, p.name, p.type, describe(v))) from None
    return val


class ListArg:
    """One list argument: its Value, the memory behind it, and how to
    give the caller back what the kernel changed."""

    def __init__(self, p, v, where):
        self.p = p
        self.obj = v
        self.value = _lib.Value()
        self.value.kind = _lib.LIST
        self.value.elem = p.elem
        self.copy = None     # array.array holding a copy
        self.before = None   # its bytes before the call
        self.keep = None     # the ctypes view of a buffer passed as is
        self.flavour = "list"
        elem = p.elem
        if isinstance(v, list):
            self.copy = list_to_array(v, elem, p, where)
        elif isinstance(v, (str, bytes, bytearray, dict, set, tuple)) or (
                not hasattr(v, "__buffer__") and not is_buffer(v)):
            raise TypeError("%s: argument '%s' must be %s (a list, an"
                            " array.array or a numpy array), not %s"
                            % (where, p.name, p.type, describe(v)))
        else:
            self.flavour = ("numpy" if hasattr(v, "__array_interface__")
                            else "array" if isinstance(v, array.array)
                            else "buffer")
            self.from_buffer(v, p, where)
        if self.copy is not None:
            n = len(self.copy) // (2 if elem == _lib.COMPLEX else 1)
            self.before = self.copy.tobytes()
            addr, _ = self.copy.buffer_info()
            self.value.data = addr if n else None
            self.value.len = n
        self.data0 = self.value.data

    def from_buffer(self, v, p, where):
        m = memoryview(v)
        if m.ndim != 1:
            raise ValueError("%s: argument '%s' has %d dimensions; %s takes"
                             " one" % (where, p.name, m.ndim, p.type))
        fmt = m.format
        elem = p.elem
        if (fmt in NATIVE[elem] and m.itemsize == SIZES[elem]
                and m.c_contiguous and not m.readonly):
            if m.nbytes:
                self.keep = (ctypes.c_char * m.nbytes).from_buffer(m)
                self.value.data = ctypes.addressof(self.keep)
            else:
                self.value.data = None
            self.value.len = len(m)
            self.view = m
            return
        # a copy: a strided or read-only buffer, or another number format
        base = fmt.lstrip("@=<>!")
        if elem == _lib.COMPLEX and base in ("Zd", "Zf"):
            pairs = m.tolist()
            self.copy = list_to_array(pairs, elem, p, where)
        elif base in INT_FORMATS | {"d", "f", "?", "e"}:
            if elem == _lib.INT and base not in INT_FORMATS:
                raise TypeError("%s: argument '%s' must be %s; a buffer of"
                                " '%s' is not" % (where, p.name, p.type, fmt))
            if elem == _lib.BOOL and base != "?":
                raise TypeError("%s: argument '%s' must be %s; a buffer of"
                                " '%s' is not" % (where, p.name, p.type, fmt))
            self.copy = list_to_array(m.tolist(), elem, p, where)
        else:
            raise TypeError("%s: argument '%s' must be %s; a buffer of"
                            " format '%s' is not" % (where, p.name, p.type,
                                                      fmt))
        self.view = m if not m.readonly else None

    def write_back(self):
        """Gives the caller what the kernel changed: a new length (the
        library's new buffer, freed here), or changed elements."""
        lib = _lib.library()
        v = self.value
        if v.data != self.data0:  # the kernel changed the length
            values = read_list(v.data, v.len, self.p.elem)
            lib.mandelc_free(v.data)
            if isinstance(self.obj, list):
                self.obj[:] = values
                return
            raise ValueError("the kernel changed the length of argument"
                             " '%s', a buffer, which cannot grow"
                             % self.p.name)
        if self.copy is None or self.copy.tobytes() == self.before:
            return
        new = array_values(self.copy, self.p.elem)
        if isinstance(self.obj, list):
            # an element the kernel left equal keeps its object (an int 0
            # in a list[complex] stays 0); a -0.0 written over 0.0 is
            # missed
            self.obj[:] = [o if o == n else n for o, n in zip(self.obj, new)]
        elif self.view is not None:
            for i, x in enumerate(new):
                if self.view[i] != x:
                    self.view[i] = x


def is_buffer(v):
    try:
        memoryview(v)
        return True
    except TypeError:
        return False


def list_to_array(values, elem, p, where):
    try:
        if elem == _lib.COMPLEX:  # a str or None has no .real
            re = array.array("d", map(REAL, values))
            im = array.array("d", map(IMAG, values))
            out = array.array("d", bytes(16 * len(values)))
            out[0::2] = re
            out[1::2] = im
            return out
        if elem == _lib.FLOAT:
            return array.array("d", values)
        if elem == _lib.INT:  # array refuses floats and strings itself
            return array.array("q", values)
        if any(not isinstance(x, bool) and type(x).__name__ != "bool_"
               for x in values):
            raise TypeError
        return array.array("B", [bool(x) for x in values])
    except OverflowError:
        raise OverflowError("%s: argument '%s': an element does not fit in"
                            " 64 bits" % (where, p.name)) from None
    except (TypeError, AttributeError):
        bad = [x for x in values if not fits(x, elem)][:1]
        raise TypeError("%s: argument '%s' must be %s; it holds %s"
                        % (where, p.name, p.type,
                           describe(bad[0]) if bad
                           else "something else")) from None


def fits(x, elem):
    if isinstance(x, (str, bytes)):
        return False
    if elem == _lib.BOOL:
        return isinstance(x, bool)
    if elem == _lib.INT:
        return isinstance(x, int) or hasattr(x, "__index__")
    if elem == _lib.FLOAT:
        return isinstance(x, (int, float))
    return isinstance(x, (int, float, complex))


def array_values(a, elem):
    if elem == _lib.COMPLEX:
        return list(map(complex, a[0::2], a[1::2]))
    if elem == _lib.BOOL:
        return [bool(x) for x in a]
    return a.tolist()


def read_list(data, n, elem):
    """The n elements at data as Python values."""
    if not n:
        return []
    raw = ctypes.string_at(data, n * SIZES[elem])
    a = array.array(CODES[elem])
    a.frombytes(raw)
    return array_values(a, elem)


def read_result(val, flavour):
    """A result Value as a Python value: a list result in the flavour of
    the list arguments (numpy in, numpy out; array.array in, array out)."""
    k = val.kind
    if k == _lib.NONE:
        return None
    if k == _lib.BOOL:
        return bool(val.scalar.b)
    if k == _lib.INT:
        return val.scalar.i
    if k == _lib.FLOAT:
        return val.scalar.f
    if k == _lib.COMPLEX:
        return complex(val.scalar.c.re, val.scalar.c.im)
    assert k == _lib.LIST, k
    elem = val.elem
    n = val.len
    try:
        raw = ctypes.string_at(val.data, n * SIZES[elem]) if n else b""
    finally:
        if val.data:
            _lib.library().mandelc_free(val.data)
    if flavour == "numpy" and "numpy" in sys.modules:
        np = sys.modules["numpy"]
        return np.frombuffer(bytearray(raw), dtype=NUMPY_DTYPES[elem])
    a = array.array(CODES[elem])
    a.frombytes(raw)
    if flavour == "array" and elem != _lib.COMPLEX:
        return a if elem != _lib.BOOL else array.array("B", a)
    return array_values(a, elem)


# ---- the type of an argument, for a kernel compiled on its first call ----

NUMBER_SPELLING = ((bool, "bool"), (int, "int"), (float, "float"),
                   (complex, "complex"))
FORMAT_SPELLING = dict([(c, "int") for c in INT_FORMATS] +
                       [("d", "float"), ("f", "float"), ("e", "float"),
                        ("Zd", "complex"), ("Zf", "complex"),
                        ("?", "bool")])


def number_spelling(v):
    if type(v).__name__ in ("bool_", "bool"):
        return "bool"
    if isinstance(v, bool):
        return "bool"
    for cls, name in NUMBER_SPELLING[1:]:
        if isinstance(v, cls):
            return name
    module = type(v).__module__
    if module == "numpy" and getattr(v, "shape", None) == ():
        # numpy scalars that are not Python numbers
        kind = getattr(getattr(v, "dtype", None), "kind", "")
        return {"i": "int", "u": "int", "f": "float", "c": "complex",
                "b": "bool"}.get(kind)
    return None


def spelling_of_type(t, items):
    """The spelling of the first item of type t (numpy scalars, number
    subclasses), or None."""
    return number_spelling(next(x for x in items if type(x) is t))


def type_of(v, whole=True):
    """Python's spelling of the kernel type an argument calls for (None
    when it says nothing, e.g. an empty list): a number's type, or
    list[T] for a list (T the widest of its elements: bool < int < float
    < complex; with whole=False, the first element's), an array.array or
    a buffer."""
    if isinstance(v, list):
        if not v:
            return None
        items = v if whole else v[:1]
        # one spelling per Python type present (a C-speed pass)
        names = {number_spelling(t()) if t in (bool, int, float, complex)
                 else spelling_of_type(t, items) for t in set(map(type, items))}
        if None in names:
            return None
        for name in ("complex", "float", "int"):
            if name in names:
                return "list[%s]" % name
        return "list[bool]"
    t = number_spelling(v)
    if t is not None:
        return t
    if isinstance(v, (str, bytes, bytearray, dict, set, tuple)):
        return None
    try:
        m = memoryview(v)
    except TypeError:
        return None
    if m.ndim != 1:
        raise ValueError("an argument of %d dimensions (%s); mandelc"
                         " kernels take lists, of one" % (m.ndim,
                                                          describe(v)))
    t = FORMAT_SPELLING.get(m.format.lstrip("@=<>!"))
    return "list[%s]" % t if t else None


WIDER = {"bool": ("bool", "int", "float", "complex"),
         "int": ("int", "float", "complex"), "float": ("float", "complex"),
         "complex": ("complex",)}


def accepts(param_type, arg_type):
    """Whether a parameter of param_type takes an argument of arg_type
    (None: unknown, e.g. an empty list) as Python would: a number widens
    (bool < int < float < complex); a list's elements must be the
    parameter's (a list of ints is no list of floats to a kernel that
    stores floats into it)."""
    if arg_type is None:
        return param_type.startswith("list[")
    if param_type.startswith("list["):
        return arg_type == param_type
    return param_type in WIDER.get(arg_type, ())
