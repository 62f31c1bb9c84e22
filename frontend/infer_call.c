// infer_call.c - step 2 for calls: user functions, builtins, methods, the
// math module and print's arguments.
//
// A call is resolved by name the way Python would at run time: a local
// shadows everything (and is an error, since variables hold no
// functions), then a top-level def, then an import, then a builtin. Each
// builtin the back ends lower has a row in a table with its arity; its
// typing rule (CPython's result types: abs(complex) is a float, round(x)
// an int) is a case below, and its arguments are converted to what the
// rule says so the back ends never widen. A user function's unannotated
// parameters take the join of the types at every call site. print is only
// ever an argument list to walk: strings, %-formats and numbers.
#include <math.h>
#include <string.h>

#include "infer_internal.h"

// ---- tables ----------------------------------------------------------------

static const struct {
  const char *name;
  Builtin builtin;
  int min_args, max_args;  // -1: no limit
} builtin_funcs[] = {
    {"abs", BI_ABS, 1, 1},         {"len", BI_LEN, 1, 1},
    {"range", BI_RANGE, 1, 3},     {"xrange", BI_RANGE, 1, 3},
    {"min", BI_MIN, 1, -1},        {"max", BI_MAX, 1, -1},
    {"sum", BI_SUM, 1, 1},         {"int", BI_INT, 0, 1},
    {"float", BI_FLOAT, 0, 1},     {"complex", BI_COMPLEX, 0, 2},
    {"bool", BI_BOOL, 0, 1},       {"round", BI_ROUND, 1, 2},
    {"pow", BI_POW, 2, 2},         {"divmod", BI_DIVMOD, 2, 2},
    {"print", BI_PRINT, 0, -1},
};

// Python builtins outside the kernel language, for a better message than
// "not defined".
static const char *const unsupported_builtins[] = {
    "enumerate", "zip",   "map",    "filter", "sorted", "reversed",
    "list",      "dict",  "set",    "tuple",  "str",    "repr",
    "isinstance", "type", "any",    "all",    "input",  "open",
    "iter",      "next",  "hex",    "oct",    "bin",    "chr",
    "ord",       "hash",  "id",     "getattr", "setattr", "format",
    "frozenset", "object", "super", "vars",   "eval",   "exec",
};

typedef struct {
  const char *name;
  Builtin builtin;
  int min_args, max_args;
  TypeKind result;
} MathFunc;

static const MathFunc math_funcs[] = {
    {"sqrt", BI_MATH_SQRT, 1, 1, TY_FLOAT},
    {"exp", BI_MATH_EXP, 1, 1, TY_FLOAT},
    {"log", BI_MATH_LOG, 1, 2, TY_FLOAT},
    {"log2", BI_MATH_LOG2, 1, 1, TY_FLOAT},
    {"log10", BI_MATH_LOG10, 1, 1, TY_FLOAT},
    {"sin", BI_MATH_SIN, 1, 1, TY_FLOAT},
    {"cos", BI_MATH_COS, 1, 1, TY_FLOAT},
    {"tan", BI_MATH_TAN, 1, 1, TY_FLOAT},
    {"asin", BI_MATH_ASIN, 1, 1, TY_FLOAT},
    {"acos", BI_MATH_ACOS, 1, 1, TY_FLOAT},
    {"atan", BI_MATH_ATAN, 1, 1, TY_FLOAT},
    {"atan2", BI_MATH_ATAN2, 2, 2, TY_FLOAT},
    {"sinh", BI_MATH_SINH, 1, 1, TY_FLOAT},
    {"cosh", BI_MATH_COSH, 1, 1, TY_FLOAT},
    {"tanh", BI_MATH_TANH, 1, 1, TY_FLOAT},
    {"hypot", BI_MATH_HYPOT, 2, 2, TY_FLOAT},
    {"floor", BI_MATH_FLOOR, 1, 1, TY_INT},
    {"ceil", BI_MATH_CEIL, 1, 1, TY_INT},
    {"trunc", BI_MATH_TRUNC, 1, 1, TY_INT},
    {"fabs", BI_MATH_FABS, 1, 1, TY_FLOAT},
    {"pow", BI_MATH_POW, 2, 2, TY_FLOAT},
    {"fmod", BI_MATH_FMOD, 2, 2, TY_FLOAT},
    {"copysign", BI_MATH_COPYSIGN, 2, 2, TY_FLOAT},
    {"isnan", BI_MATH_ISNAN, 1, 1, TY_BOOL},
    {"isinf", BI_MATH_ISINF, 1, 1, TY_BOOL},
    {"isfinite", BI_MATH_ISFINITE, 1, 1, TY_BOOL},
    {"degrees", BI_MATH_DEGREES, 1, 1, TY_FLOAT},
    {"radians", BI_MATH_RADIANS, 1, 1, TY_FLOAT},
};

// The values of CPython's Modules/mathmodule.c: M_PI, M_E, 2*M_PI (exact),
// Py_INFINITY and a quiet NaN.
static const struct {
  const char *name;
  double value;
} math_consts[] = {
    {"pi", M_PI}, {"e", M_E}, {"tau", 2 * M_PI}, {"inf", INFINITY},
    {"nan", NAN},
};

#define COUNT(array) ((int)(sizeof(array) / sizeof((array)[0])))

static const MathFunc *find_math_func(const char *name) {
  for (int i = 0; i < COUNT(math_funcs); i++)
    if (strcmp(math_funcs[i].name, name) == 0)
      return &math_funcs[i];
  return NULL;
}

static bool find_math_const(const char *name, double *value) {
  for (int i = 0; i < COUNT(math_consts); i++)
    if (strcmp(math_consts[i].name, name) == 0) {
      *value = math_consts[i].value;
      return true;
    }
  return false;
}

static int find_builtin(const char *name) {
  for (int i = 0; i < COUNT(builtin_funcs); i++)
    if (strcmp(builtin_funcs[i].name, name) == 0)
      return i;
  return -1;
}

static bool is_unsupported_builtin(const char *name) {
  for (int i = 0; i < COUNT(unsupported_builtins); i++)
    if (strcmp(unsupported_builtins[i], name) == 0)
      return true;
  return false;
}

bool infer_is_builtin(const char *name) {
  return find_builtin(name) >= 0;
}

bool infer_is_math_name(const char *name) {
  double unused;
  return find_math_func(name) || find_math_const(name, &unused);
}

// Every public name of CPython 3.11's math module (dir(math)).
static const char *const cpython_math_names[] = {
    "acos",  "acosh",    "asin",     "asinh",    "atan",    "atan2",
    "atanh", "cbrt",     "ceil",     "comb",     "copysign", "cos",
    "cosh",  "degrees",  "dist",     "e",        "erf",     "erfc",
    "exp",   "exp2",     "expm1",    "fabs",     "factorial", "floor",
    "fmod",  "frexp",    "fsum",     "gamma",    "gcd",     "hypot",
    "inf",   "isclose",  "isfinite", "isinf",    "isnan",   "isqrt",
    "lcm",   "ldexp",    "lgamma",   "log",      "log10",   "log1p",
    "log2",  "modf",     "nan",      "nextafter", "perm",   "pi",
    "pow",   "prod",     "radians",  "remainder", "sin",    "sinh",
    "sqrt",  "tan",      "tanh",     "tau",      "trunc",   "ulp",
};

// A math name mandelc lacks: CPython's AttributeError, with its
// did-you-mean, for a name math does not have; else what kernels lack.
_Noreturn static void math_unknown(Infer *in, Node *n, const char *name) {
  for (int i = 0; i < COUNT(cpython_math_names); i++)
    if (!strcmp(cpython_math_names[i], name))
      diag_error_node(in->d, n, "'math.%s' is not supported in kernels",
                      name);
  diag_error_node(in->d, n, "module 'math' has no attribute '%s'%s", name,
                  infer_did_you_mean(in, infer_suggest(
                      name, cpython_math_names, COUNT(cpython_math_names))));
}

// Rewrites a math constant (math.pi, or pi from `from math import pi`) in
// place into a float Constant.
Type *infer_math_constant(Infer *in, Node *n, const char *name) {
  double value;
  if (!find_math_const(name, &value)) {
    if (find_math_func(name))
      diag_error_node(in->d, n, "'math.%s' is a function; call it", name);
    math_unknown(in, n, name);
  }
  n->kind = ND_CONSTANT;
  n->cval = (ConstValue){.kind = CONST_FLOAT, .fval = value};
  n->value = NULL;
  n->ty = &ty_float;
  return &ty_float;
}

// An imported name from a module other than math (numpy, cmath, ...).
_Noreturn void infer_not_available(Infer *in, Node *n, ModuleName *m) {
  diag_error_node(in->d, n, "'%s' is not available in kernels; use lists and "
                  "the math module", m->attr ? arena_sprintf(in->a, "%s.%s",
                  m->module, m->attr) : m->module);
}

// ---- calls -----------------------------------------------------------------

// "1 argument", "2 to 3 arguments", "at least 1 argument", for arity
// errors worded like CPython's.
static const char *count_args(Infer *in, int min, int max) {
  if (min == max)
    return arena_sprintf(in->a, "%d argument%s", min, min == 1 ? "" : "s");
  if (max < 0)
    return arena_sprintf(in->a, "at least %d argument%s", min,
                         min == 1 ? "" : "s");
  return arena_sprintf(in->a, "%d to %d arguments", min, max);
}

static void check_arity(Infer *in, Node *n, const char *name, int min,
                        int max) {
  int k = n->args.len;
  if (k < min || (max >= 0 && k > max))
    diag_error_node(in->d, n, "%s() takes %s but %d %s given", name,
                    count_args(in, min, max), k, k == 1 ? "was" : "were");
}

// Types every argument; false while one is unknown.
static bool type_args(Infer *in, Node *n, Type **types, int max) {
  bool known = true;
  bool reads_list = n->args.len == 1 &&
                    (n->builtin == BI_LEN || n->builtin == BI_SUM ||
                     n->builtin == BI_MIN || n->builtin == BI_MAX);
  for (int i = 0; i < n->args.len; i++) {
    Type *t = reads_list ? infer_list_read(in, (Node **)&n->args.data[i])
                         : infer_expr(in, (Node **)&n->args.data[i]);
    if (i < max)
      types[i] = t;
    known = known && t;
  }
  return known;
}

// The slot of argument i, for infer_expr and infer_coerce to replace.
static Node **arg_slot(Node *n, int i) {
  return (Node **)&n->args.data[i];
}

// Passes an argument to a parameter: an unannotated parameter joins the
// types of all its call sites (widening), an annotated one converts.
static void pass_argument(Infer *in, FuncInfo *f, int i, Node *arg,
                          Type *t) {
  VarInfo *p = (VarInfo *)f->func.params[i];
  if (!t)
    return;
  if (p->declared) {
    if (!infer_can_retype(arg, t, p->var.ty))
      diag_error_node(in->d, arg,
                      "parameter '%s' of '%s' is declared as %s "
                      "but is passed %s here",
                      p->var.name, f->func.name, tname(in, p->var.ty),
                      a_type(in, t));
  } else if (!infer_widen(in, &p->var.ty, &p->var.def, t, arg, arg)) {
    infer_conflict(
        in, arg, p->var.def,
        arena_sprintf(in->a, "'%s' was inferred as %s here", p->var.name,
                      tname(in, p->var.ty)),
        "parameter '%s' of '%s' was inferred as %s at line %d but is "
        "passed %s here",
        p->var.name, f->func.name, tname(in, p->var.ty), p->var.def->line,
        a_type(in, t));
  }
  infer_refine_name(in, arg, p->var.ty);
}

// A call of a top-level def: Python's positional binding, then each
// argument converted to its parameter's (joined) type in the final pass.
// The type is the callee's return type, unknown until one of its returns
// is known.
static Type *user_call(Infer *in, Node *n, FuncInfo *f) {
  n->callee = &f->func;
  if (n->args.len != f->func.nparams)
    diag_error_node(in->d, n, "'%s' takes %s but %d %s given", f->func.name,
                    count_args(in, f->func.nparams, f->func.nparams),
                    n->args.len, n->args.len == 1 ? "was" : "were");
  for (int i = 0; i < n->args.len; i++)
    pass_argument(in, f, i, n->args.data[i], infer_expr(in, arg_slot(n, i)));
  for (int i = 0; i < n->args.len; i++)
    infer_coerce(in, arg_slot(n, i), f->func.params[i]->ty);
  return f->func.ret;
}

// Reports an argument that is not a real number (bool, int or float).
static void expect_real(Infer *in, Node *arg, Type *t, const char *fname) {
  if (rank(t) == 0 || t == &ty_complex)
    diag_error_node(in->d, arg, "%s() needs a real number, not %s", fname,
                    tname(in, t));
}

// math.floor/ceil/trunc of an int is the int itself (CPython returns it
// unchanged), so the final pass replaces the call by its argument.
static Type *math_call(Infer *in, Node **slot, const char *name) {
  Node *n = *slot;
  if (!strcmp(name, "isclose")) {
    *slot = infer_isclose(in, n);
    return infer_expr(in, slot);
  }
  const MathFunc *mf = find_math_func(name);
  double unused;
  if (!mf && find_math_const(name, &unused))
    diag_error_node(in->d, n, "'math.%s' is a number, not a function", name);
  if (!mf)
    math_unknown(in, n, name);
  n->builtin = mf->builtin;
  const char *full = arena_sprintf(in->a, "math.%s", name);
  check_arity(in, n, full, mf->min_args, mf->max_args);
  Type *types[2];
  if (!type_args(in, n, types, 2))
    return rank_type(mf->result == TY_INT ? 2 : mf->result == TY_BOOL ? 1 : 3);
  for (int i = 0; i < n->args.len; i++)
    expect_real(in, n->args.data[i], types[i], full);
  if (mf->result == TY_INT && rank(types[0]) <= 2) {
    infer_coerce(in, arg_slot(n, 0), &ty_int);
    if (in->final)
      *slot = n->args.data[0];
    return &ty_int;
  }
  for (int i = 0; i < n->args.len; i++)
    infer_coerce(in, arg_slot(n, i), &ty_float);
  return mf->result == TY_INT ? &ty_int
         : mf->result == TY_BOOL ? &ty_bool : &ty_float;
}

// print(...) as a function: its values go through the same rules as the
// Python 2 statement's (infer_print_arg).
static Type *print_call(Infer *in, Node *n) {
  for (int i = 0; i < n->args.len; i++)
    infer_print_arg(in, arg_slot(n, i));
  in->p->uses_print = true;
  return &ty_none;
}

// min and max: of two or more numbers, or of one list.
static Type *min_max(Infer *in, Node *n, Type **types) {
  if (n->args.len == 1) {
    if (has_unknown(types[0]) && !in->final)
      return NULL;
    if (!is_kind(types[0], TY_LIST) || !types[0]->elem)
      diag_error_node(in->d, n, "%s() of one argument needs a list",
                      builtin_names[n->builtin]);
    expect_real(in, n, types[0]->elem, builtin_names[n->builtin]);
    return types[0]->elem;
  }
  Type *t = NULL;
  for (int i = 0; i < n->args.len; i++) {
    expect_real(in, n->args.data[i], types[i], builtin_names[n->builtin]);
    t = number_join(t, types[i]);
  }
  for (int i = 0; i < n->args.len; i++)
    infer_coerce(in, arg_slot(n, i), t);
  return t;
}

// complex(x) or complex(re, im) of reals: each part converted to float.
// complex(z) of a complex is z; a complex part (complex(1, 2j)) would need
// CPython's mixing rule, which kernels write as a + b * 1j instead.
static Type *complex_call(Infer *in, Node *n, Type **types) {
  if (n->args.len == 1 && types[0] == &ty_complex)
    return &ty_complex;
  for (int i = 0; i < n->args.len; i++) {
    if (types[i] == &ty_complex)
      diag_error_node(in->d, n->args.data[i], "complex() with a complex "
                      "argument is not supported in kernels; write a + b "
                      "* 1j");
    expect_real(in, n->args.data[i], types[i], "complex");
    infer_coerce(in, arg_slot(n, i), &ty_float);
  }
  return &ty_complex;
}

// round(x) is an int (CPython's round to even), round(x, n) a float; the
// second form is only lowered for a float x.
static Type *round_call(Infer *in, Node *n, Type *t0, Type *t1) {
  expect_real(in, n->args.data[0], t0, "round");
  if (!t1) {
    infer_coerce(in, arg_slot(n, 0), t0 == &ty_bool ? &ty_int : t0);
    return &ty_int;
  }
  if (t0 != &ty_float)
    diag_error_node(in->d, n, "round() with a number of digits needs a "
                    "float in kernels, not %s", tname(in, t0));
  if (rank(t1) == 0 || rank(t1) > 2)
    diag_error_node(in->d, n->args.data[1], "round() needs an int number "
                    "of digits, not %s", tname(in, t1));
  infer_coerce(in, arg_slot(n, 1), &ty_int);
  return &ty_float;
}

// The numeric builtins, their arguments already typed.
static Type *numeric_builtin(Infer *in, Node *n, Type **types) {
  Type *t0 = types[0], *t1 = n->args.len > 1 ? types[1] : NULL;
  const char *name = builtin_names[n->builtin];
  switch (n->builtin) {
  case BI_ABS:  // CPython's abs(complex) is a float
    if (!rank(t0))
      diag_error_node(in->d, n, "bad operand type for abs(): %s",
                      tname(in, t0));
    infer_coerce(in, arg_slot(n, 0), t0 == &ty_bool ? &ty_int : t0);
    return t0 == &ty_complex ? &ty_float : t0 == &ty_bool ? &ty_int : t0;
  case BI_INT:
    expect_real(in, n->args.data[0], t0, name);
    infer_coerce(in, arg_slot(n, 0), t0 == &ty_bool ? &ty_int : t0);
    return &ty_int;
  case BI_FLOAT:
    expect_real(in, n->args.data[0], t0, name);
    infer_coerce(in, arg_slot(n, 0), &ty_float);
    return &ty_float;
  case BI_COMPLEX:
    return complex_call(in, n, types);
  case BI_ROUND:
    return round_call(in, n, t0, t1);
  default:
    break;
  }
  return NULL;
}

// pow(a, b) types as a ** b; divmod(a, b) is the tuple (a // b, a % b).
static Type *pow_divmod(Infer *in, Node *n, Type **types) {
  const char *name = builtin_names[n->builtin];
  for (int i = 0; i < 2; i++)
    if (!rank(types[i]))
      diag_error_node(in->d, n->args.data[i], "%s() needs numbers, not %s",
                      name, tname(in, types[i]));
  Type *lt, *rt;
  Operator op = n->builtin == BI_POW ? OP_POW : OP_FLOORDIV;
  Type *t =
      infer_arith(in, n, op, types[0], types[1], n->args.data[1], &lt, &rt);
  infer_coerce(in, arg_slot(n, 0), lt);
  infer_coerce(in, arg_slot(n, 1), rt);
  if (n->builtin == BI_POW)
    return t;
  Type *pair[2] = {t, t};
  return type_tuple(in->a, pair, 2);
}

// int(), float(), complex() and bool() are zeros of their types (the
// Cython chapter's `zi = complex()`): the call becomes that Constant.
static Type *zero_value(Node *n) {
  static const struct {
    Builtin builtin;
    ConstKind kind;
    Type *type;
  } zeros[] = {{BI_INT, CONST_INT, &ty_int},
               {BI_FLOAT, CONST_FLOAT, &ty_float},
               {BI_COMPLEX, CONST_COMPLEX, &ty_complex},
               {BI_BOOL, CONST_BOOL, &ty_bool}};
  int i = 0;
  while (zeros[i].builtin != n->builtin)
    i++;
  n->kind = ND_CONSTANT;
  n->cval = (ConstValue){.kind = zeros[i].kind};
  n->builtin = BI_NONE;
  n->ty = zeros[i].type;
  return n->ty;
}

// A call of builtin_funcs[index]: range only as a loop's iterable, print
// and bool (a truth test) on their own, the rest once every argument's
// type is known.
static Type *builtin_call(Infer *in, Node *n, int index) {
  n->builtin = builtin_funcs[index].builtin;
  const char *name = builtin_funcs[index].name;
  if (n->builtin == BI_RANGE)
    diag_error_node(in->d, n, "%s() can only be looped over, in a for loop "
                    "or a comprehension", name);
  if (n->builtin == BI_PRINT)
    return print_call(in, n);
  check_arity(in, n, name, builtin_funcs[index].min_args,
              builtin_funcs[index].max_args);
  if (n->args.len == 0)  // only int, float, complex and bool allow it
    return zero_value(n);
  if (n->builtin == BI_BOOL) {
    infer_condition(in, arg_slot(n, 0));
    return &ty_bool;
  }
  Type *types[2] = {NULL, NULL};
  Type **all = arena_alloc(in->a, sizeof(Type *) * (size_t)n->args.len);
  if (!type_args(in, n, all, n->args.len))
    return NULL;
  memcpy(types, all, sizeof(Type *) * (size_t)(n->args.len < 2 ? 1 : 2));
  switch (n->builtin) {
  case BI_LEN:
    if (!is_kind(types[0], TY_LIST))
      diag_error_node(in->d, n, "len() needs a list, not %s",
                      tname(in, types[0]));
    return &ty_int;
  case BI_SUM:
    if (has_unknown(types[0]) && !in->final)
      return NULL;  // `out = []` before an append fixes it
    if (!is_kind(types[0], TY_LIST) || !rank(types[0]->elem))
      diag_error_node(in->d, n, "sum() needs a list of numbers, not %s",
                      tname(in, types[0]));
    return arith_join(types[0]->elem, &ty_bool);  // True + True is 2
  case BI_MIN:
  case BI_MAX:
    return min_max(in, n, all);
  case BI_POW:
  case BI_DIVMOD:
    return pow_divmod(in, n, types);
  default:
    return numeric_builtin(in, n, types);
  }
}

// list.append(v) and complex.conjugate(). Appending to a list whose
// element type is unknown (`out = []`) fixes the type of the variable.
static Type *method_call(Infer *in, Node *n) {
  Node *f = n->func;
  Type *t = infer_expr(in, &f->value);
  f->ty = t;
  if (!strcmp(f->name, "append") && (!t || is_kind(t, TY_LIST))) {
    n->builtin = BI_APPEND;
    check_arity(in, n, "append", 1, 1);
    Type *v = infer_expr(in, arg_slot(n, 0));
    if (!t || !v)
      return &ty_none;
    if (is_kind(v, TY_NONE) || is_kind(v, TY_STR))
      diag_error_node(in->d, n->args.data[0], "lists of %s are not "
                      "supported in kernels", tname(in, v));
    if (!t->elem) {
      infer_refine_name(in, f->value, type_list(in->a, v));
      return &ty_none;
    }
    if (!infer_can_retype(n->args.data[0], v, t->elem))
      diag_error_node(in->d, n->args.data[0], "cannot append %s to %s",
                      a_type(in, v), a_type(in, t));
    infer_refine_name(in, n->args.data[0], t->elem);
    infer_coerce(in, arg_slot(n, 0), t->elem);
    return &ty_none;
  }
  if (!strcmp(f->name, "bit_length") && t && rank(t) >= 1 && rank(t) <= 2) {
    n->builtin = BI_BIT_LENGTH;
    check_arity(in, n, "bit_length", 0, 0);
    return &ty_int;
  }
  if (!strcmp(f->name, "is_integer") && t == &ty_float) {
    // x.is_integer() is x % 1.0 == 0.0: inf and nan leave a nan there
    check_arity(in, n, "is_integer", 0, 0);
    Node *one = new_node(in->a, ND_CONSTANT, n->tok);
    one->cval = (ConstValue){.kind = CONST_FLOAT, .fval = 1.0};
    Node *zero = new_node(in->a, ND_CONSTANT, n->tok);
    zero->cval = (ConstValue){.kind = CONST_FLOAT, .fval = 0.0};
    Node *mod = new_node(in->a, ND_BINOP, n->tok);
    mod->op = OP_MOD;
    mod->left = f->value;
    mod->right = one;
    n->kind = ND_COMPARE;
    n->left = mod;
    n->func = NULL;
    vec_push(in->a, &n->ops, (void *)(intptr_t)OP_EQ);
    vec_push(in->a, &n->comparators, zero);
    Node *self = n;
    return infer_expr(in, &self);
  }
  if (!strcmp(f->name, "conjugate") && (!t || t == &ty_complex)) {
    n->builtin = BI_CONJUGATE;
    check_arity(in, n, "conjugate", 0, 0);
    return &ty_complex;
  }
  type_args(in, n, NULL, 0);
  if (!t)
    return NULL;
  diag_error_node(in->d, f, "%s has no method '%s' in kernels",
                  a_type(in, t), f->name);
}

// The module a Name refers to (`math` in math.sqrt), NULL if it is not one.
static ModuleName *module_ref(Infer *in, Node *n) {
  if (n->kind != ND_NAME || infer_lookup_local(in, n->name))
    return NULL;
  ModuleName *m = infer_find_modname(in, n->name);
  return m && !m->attr ? m : NULL;
}

// Resolves a call in Python's order (local, def, import, builtin) and
// types it; a method call or math.f(...) goes by its attribute.
Type *infer_call(Infer *in, Node **slot) {
  Node *n = *slot, *f = n->func;
  if (f->kind == ND_ATTRIBUTE) {
    ModuleName *m = module_ref(in, f->value);
    if (m && strcmp(m->module, "math") != 0)
      infer_not_available(in, f->value, m);
    return m ? math_call(in, slot, f->name) : method_call(in, n);
  }
  if (f->kind != ND_NAME)
    diag_error_node(in->d, f, "only functions can be called in kernels");
  VarInfo *v = infer_lookup_local(in, f->name);
  if (v)
    diag_error_node(in->d, f, "'%s' is a variable, not a function", f->name);
  Node *def = infer_find_def(in, f->name);
  if (def)
    return user_call(in, n, infer_func_of_def(in, def));
  ModuleName *m = infer_find_modname(in, f->name);
  if (m && m->attr && !strcmp(m->module, "math"))
    return math_call(in, slot, m->attr);
  if (m)
    infer_not_available(in, f, m);
  int b = find_builtin(f->name);
  if (b >= 0)
    return builtin_call(in, n, b);
  if (is_unsupported_builtin(f->name))
    diag_error_node(in->d, f, "'%s' is not supported in kernels", f->name);
  if (infer_find_class(in, f->name))
    diag_error_node(in->d, f, "'%s' is a class; classes are not supported "
                    "in kernels (use numbers, tuples and lists)", f->name);
  diag_error_node(in->d, f, "name '%s' is not defined%s", f->name,
                  infer_did_you_mean(in, infer_suggest_name(in, f->name)));
}

// x.real and x.imag. On a complex value they stay an Attribute (a float);
// on an int or float the final pass rewrites them: x.real is x itself and
// x.imag a zero of x's type, as CPython's int.real and float.imag are.
Type *infer_attribute(Infer *in, Node **slot) {
  Node *n = *slot;
  ModuleName *m = module_ref(in, n->value);
  if (m && strcmp(m->module, "math") != 0)
    infer_not_available(in, n->value, m);
  if (m)
    return infer_math_constant(in, n, n->name);
  Type *t = infer_expr(in, &n->value);
  bool part = !strcmp(n->name, "real") || !strcmp(n->name, "imag");
  if (!t)
    return NULL;
  if (!part || !rank(t))
    diag_error_node(in->d, n, "%s has no attribute '%s' in kernels",
                    a_type(in, t), n->name);
  if (t == &ty_complex)
    return &ty_float;
  Type *real = t == &ty_bool ? &ty_int : t;
  if (in->final) {
    infer_coerce(in, &n->value, real);
    *slot = n->name[0] == 'r' ? n->value : new_number(in, n, real, 0);
  }
  return real;
}

// ---- print -----------------------------------------------------------------

// The number of values a %-format consumes ("%0.2f%%" takes one). Flags,
// width and precision are CPython's printf-style syntax; '*' and mapping
// keys are outside the kernel language.
static int count_conversions(Infer *in, Node *fmt) {
  const char *s = fmt->cval.str;
  int len = fmt->cval.slen, count = 0;
  for (int i = 0; i < len; i++) {
    if (s[i] != '%')
      continue;
    int start = i++;
    while (i < len && strchr("-+ #0", s[i]))
      i++;
    while (i < len && (strchr("0123456789.", s[i]) || strchr("hlL", s[i])))
      i++;
    if (i < len && (s[i] == '*' || s[i] == '('))
      diag_error_node(in->d, fmt, "'%c' in a format is not supported in "
                      "kernels", s[i]);
    if (i >= len)
      diag_error_node(in->d, fmt, "incomplete format");
    if (s[i] == '%' && i == start + 1)
      continue;
    if (!strchr("diouxXeEfFgGsr", s[i]))
      diag_error_node(in->d, fmt, "unsupported format character '%c' "
                      "(0x%x) at index %d", s[i], (unsigned char)s[i], i);
    count++;
  }
  return count;
}

// A value formatted by %: a number, a bool, None or a string.
static void format_value(Infer *in, Node **slot) {
  if (is_str_constant(*slot)) {
    (*slot)->ty = &ty_str;
    return;
  }
  Type *t = infer_expr(in, slot);
  if (t && !rank(t) && t->kind != TY_NONE)
    diag_error_node(in->d, *slot, "printing %s is not supported in kernels; "
                    "print its elements", a_type(in, t));
}

// "format" % value or "format" % (v1, v2): a str, only for printing.
static void format_string(Infer *in, Node *n) {
  n->left->ty = &ty_str;
  int want = count_conversions(in, n->left);
  Node *r = n->right;
  int have = r->kind == ND_TUPLE ? r->elts.len : 1;
  if (r->kind == ND_TUPLE) {
    Type **items = arena_alloc(in->a, sizeof(Type *) * (size_t)have);
    bool known = true;
    for (int i = 0; i < have; i++) {
      format_value(in, (Node **)&r->elts.data[i]);
      items[i] = ((Node *)r->elts.data[i])->ty;
      known = known && items[i];
    }
    r->ty = known ? type_tuple(in->a, items, have) : NULL;
  } else {
    format_value(in, &n->right);
  }
  if (want != have)
    diag_error_node(in->d, n, "the format wants %d value%s but %d %s given",
                    want, want == 1 ? "" : "s", have,
                    have == 1 ? "is" : "are");
  n->ty = &ty_str;
}

// One argument of print: a string, a %-formatted string or a value.
void infer_print_arg(Infer *in, Node **slot) {
  Node *n = *slot;
  if (n->kind == ND_BINOP && n->op == OP_MOD &&
      n->left->kind == ND_CONSTANT && n->left->cval.kind == CONST_FSTRING) {
    infer_format_spec(in, n);  // the spec, once the value is typed
    if (n->left->cval.kind == CONST_FSTRING)
      return;
  }
  if (n->kind == ND_BINOP && n->op == OP_MOD && is_str_constant(n->left))
    format_string(in, n);
  else
    format_value(in, slot);
}
