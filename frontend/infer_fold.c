// infer_fold.c - module constants computed at compile time.
//
// `LOG2 = math.log(2.0)`, `C = complex(-0.62772, -0.42193)`, `MAXITER =
// 2 ** 8`: CPython computes these once, when the module runs, and a kernel
// only ever reads the result. So does mandelc: once a constant's value is
// typed (with its conversions made explicit, frontend.h), it is evaluated
// here, node by node in the typed tree, and replaced by one Constant (a
// list or tuple display of Constants for `PALETTE = [0, 7, 15]`). The back
// ends then never see the arithmetic, which is what lets the GPU read
// `math.log(2.0)` although it refuses libm's log in float64.
//
// Exactness: every operation is CPython's own. The algorithms come from
// pymath.h, the same text the CPU runtime and the CUDA prelude use (it is
// the bottom floor's numerics, see STYLE §1), and the math functions call
// the C library exactly as Modules/mathmodule.c does (math_1, math_2,
// m_log, float_pow), with CPython's error rules. A constant whose
// computation raises in CPython (math.log(0.0), 1 / 0) is a compile error
// naming the exception; so is an int that leaves 64 bits, the kernels'
// OverflowError (docs/language.md §5). This file is built without FMA
// contraction (frontend/CMakeLists.txt), like runtime/pymath.c.
#include <assert.h>
#include <errno.h>
#include <math.h>

#include "../compiler/pymath.h"
#include "infer_internal.h"

typedef struct {
  Infer *in;
  const char *name;  // the constant being computed, for messages
} Fold;

static ConstValue fold(Fold *f, Node *n);

// CPython's exception names, by pymath.h's PYM_EXC_ numbers.
static const char *exception_name(int exc) {
  switch (exc) {
  case PYM_EXC_ZERO_DIVISION: return "ZeroDivisionError";
  case PYM_EXC_OVERFLOW: return "OverflowError";
  default: return "ValueError";
  }
}

_Noreturn static void raise_at(Fold *f, Node *n, const char *exc,
                               const char *msg) {
  diag_error_node(f->in->d, n, "computing module constant '%s' raises "
                  "%s: %s", f->name, exc, msg);
}

// Reports a pymath.h error code, if one was set.
static void check(Fold *f, Node *n, int err) {
  if (err != PYM_OK)
    raise_at(f, n, exception_name(pym_error_exc(err)),
             pym_error_message(err));
}

_Noreturn static void cannot_fold(Fold *f, Node *n, const char *what) {
  diag_error_node(f->in->d, n, "%s in module constant '%s' cannot be "
                  "computed at compile time; compute it in the kernel",
                  what, f->name);
}

static ConstValue int_value(int64_t i) {
  return (ConstValue){.kind = CONST_INT, .ival = i};
}

static ConstValue float_value(double x) {
  return (ConstValue){.kind = CONST_FLOAT, .fval = x};
}

static ConstValue complex_value(double re, double im) {
  return (ConstValue){.kind = CONST_COMPLEX, .fval = re, .imag = im};
}

// A value widened to type t: bool -> int -> float -> complex, as the
// ND_CONVERT nodes and retyped Constants of the typed tree say.
static ConstValue widen(ConstValue c, const Type *t) {
  double x = c.kind == CONST_FLOAT || c.kind == CONST_COMPLEX
                 ? c.fval : (double)c.ival;
  switch (t->kind) {
  case TY_BOOL:
    return c;
  case TY_INT:
    return int_value(c.ival);
  case TY_FLOAT:
    return float_value(x);
  default:
    return complex_value(x, c.kind == CONST_COMPLEX ? c.imag : 0.0);
  }
}

// ---- operators -------------------------------------------------------------

// int << and >> on 64 bits: a negative count is ValueError, a left shift
// that loses bits the kernels' OverflowError (long_lshift, long_rshift).
static int64_t int_shift(Fold *f, Node *n, int64_t a, int64_t b) {
  if (b < 0)
    raise_at(f, n, "ValueError", "negative shift count");
  if (n->op == OP_RSHIFT)
    return b >= 63 ? (a < 0 ? -1 : 0) : a >> b;
  if (a == 0)
    return 0;
  if (b >= 63 || (a << b) >> b != a)
    check(f, n, PYM_INT_OVERFLOW);
  return (int64_t)((uint64_t)a << b);
}

static ConstValue int_binop(Fold *f, Node *n, int64_t a, int64_t b) {
  int err = PYM_OK;
  int64_t r = 0;
  switch (n->op) {
  case OP_ADD:
    if (__builtin_add_overflow(a, b, &r))
      err = PYM_INT_OVERFLOW;
    break;
  case OP_SUB:
    if (__builtin_sub_overflow(a, b, &r))
      err = PYM_INT_OVERFLOW;
    break;
  case OP_MUL: r = pym_int_mul(a, b, &err); break;
  case OP_FLOORDIV: r = pym_int_floordiv(a, b, &err); break;
  case OP_MOD: r = pym_int_mod(a, b, &err); break;
  case OP_POW: r = pym_int_pow(a, b, &err); break;
  case OP_LSHIFT:
  case OP_RSHIFT: r = int_shift(f, n, a, b); break;
  case OP_BITOR: r = a | b; break;
  case OP_BITXOR: r = a ^ b; break;
  case OP_BITAND: r = a & b; break;
  default: cannot_fold(f, n, "this operator");
  }
  check(f, n, err);
  return int_value(r);
}

// float_pow (Objects/floatobject.c): pymath.h's special cases, then the C
// library's pow, with _Py_ADJUST_ERANGE1 (a zero result is an underflow).
static double float_pow(Fold *f, Node *n, double x, double y) {
  int err = PYM_OK, negate;
  double r;
  if (pym_float_pow_special(&x, y, &r, &negate, &err)) {
    check(f, n, err);
    return r;
  }
  errno = 0;
  r = pow(x, y);
  if (isinf(r) || (errno == ERANGE && r != 0.0))
    check(f, n, PYM_FLOAT_POW_RANGE);
  if (errno == EDOM)
    raise_at(f, n, "ValueError", "math domain error");
  return negate ? -r : r;
}

static ConstValue float_binop(Fold *f, Node *n, double a, double b) {
  int err = PYM_OK;
  double r = 0;
  switch (n->op) {
  case OP_ADD: r = a + b; break;
  case OP_SUB: r = a - b; break;
  case OP_MUL: r = a * b; break;
  case OP_DIV: r = pym_float_div(a, b, &err); break;
  case OP_FLOORDIV: r = pym_float_floordiv(a, b, &err); break;
  case OP_MOD: r = pym_float_mod(a, b, &err); break;
  case OP_POW: r = float_pow(f, n, a, b); break;
  default: cannot_fold(f, n, "this operator");
  }
  check(f, n, err);
  return float_value(r);
}

// complex_pow: an exponent with a small integral real value takes c_powi
// (pymath.h); the general _Py_c_pow is left to the kernel.
static PymComplex complex_pow(Fold *f, Node *n, PymComplex a, PymComplex b) {
  if (b.im != 0.0 || b.re != floor(b.re) ||
      fabs(b.re) > PYM_COMPLEX_POWI_MAX)
    cannot_fold(f, n, "a complex power with a non-integral exponent");
  int err = PYM_OK;
  PymComplex r = pym_complex_powi(a, (int64_t)b.re, &err);
  check(f, n, err);
  return r;
}

static ConstValue complex_binop(Fold *f, Node *n, ConstValue x,
                                ConstValue y) {
  PymComplex a = pym_complex(x.fval, x.imag), b = pym_complex(y.fval, y.imag);
  PymComplex r;
  int err = PYM_OK;
  switch (n->op) {
  case OP_ADD: r = pym_complex(a.re + b.re, a.im + b.im); break;
  case OP_SUB: r = pym_complex(a.re - b.re, a.im - b.im); break;
  case OP_MUL: r = pym_complex_prod(a, b); break;
  case OP_DIV: r = pym_complex_div(a, b, &err); break;
  case OP_POW: r = complex_pow(f, n, a, b); break;
  default: cannot_fold(f, n, "this operator");
  }
  check(f, n, err);
  return complex_value(r.re, r.im);
}

// The operands already have the BinOp's type, except the shifts, the
// bitwise operators on bools and int / int, which divides the ints
// exactly (frontend.h, "The typed AST").
static ConstValue binop(Fold *f, Node *n) {
  ConstValue a = fold(f, n->left), b = fold(f, n->right);
  if (n->op == OP_DIV && a.kind == CONST_INT && b.kind == CONST_INT) {
    int err = PYM_OK;
    double q = pym_int_true_div(a.ival, b.ival, &err);
    check(f, n, err);
    return float_value(q);
  }
  switch (n->ty->kind) {
  case TY_BOOL:
    return (ConstValue){.kind = CONST_BOOL,
                        .ival = n->op == OP_BITAND   ? a.ival & b.ival
                                : n->op == OP_BITOR ? a.ival | b.ival
                                                    : a.ival ^ b.ival};
  case TY_INT:
    return int_binop(f, n, a.ival, b.ival);
  case TY_FLOAT:
    return float_binop(f, n, a.fval, b.fval);
  default:
    return complex_binop(f, n, a, b);
  }
}

static ConstValue unaryop(Fold *f, Node *n) {
  ConstValue c = widen(fold(f, n->value), n->ty);
  if (n->op == OP_UADD)
    return c;
  if (n->op == OP_INVERT)
    return int_value(~c.ival);
  switch (c.kind) {
  case CONST_INT:
    if (c.ival == PYM_INT64_MIN)
      check(f, n, PYM_INT_OVERFLOW);
    return int_value(-c.ival);
  case CONST_FLOAT:
    return float_value(-c.fval);
  default:
    return complex_value(-c.fval, -c.imag);
  }
}

// ---- calls -----------------------------------------------------------------

// math_1 (Modules/mathmodule.c): a NaN from a non-NaN is a domain error,
// an infinity from a finite x an overflow where the function can overflow
// and a domain error (a pole) elsewhere; errno decides the rest.
static double math_1(Fold *f, Node *n, double (*fn)(double), double x,
                     bool can_overflow) {
  errno = 0;
  double r = fn(x);
  if (isnan(r) && !isnan(x))
    check(f, n, PYM_MATH_DOMAIN);
  if (isinf(r) && isfinite(x))
    check(f, n, can_overflow ? PYM_MATH_RANGE : PYM_MATH_DOMAIN);
  if (isfinite(r) && errno == ERANGE && fabs(r) >= 1.5)
    check(f, n, PYM_MATH_RANGE);
  if (isfinite(r) && errno && errno != ERANGE)
    check(f, n, PYM_MATH_DOMAIN);
  return r;
}

// m_atan2: the IEEE special cases before the C library sees them.
static double m_atan2(double y, double x) {
  const double pi = 3.14159265358979323846;  // Py_MATH_PI
  if (isnan(x) || isnan(y))
    return pym_nan();
  if (isinf(y)) {
    if (isinf(x))
      return copysign(copysign(1., x) == 1. ? 0.25 * pi : 0.75 * pi, y);
    return copysign(0.5 * pi, y);
  }
  if (isinf(x) || y == 0.)
    return copysign(copysign(1., x) == 1. ? 0. : pi, y);
  return atan2(y, x);
}

// math_2: a NaN from non-NaNs is a domain error, an infinity from finite
// arguments an overflow.
static double math_2(Fold *f, Node *n, double (*fn)(double, double),
                     double x, double y) {
  double r = fn(x, y);
  if (isnan(r) && !isnan(x) && !isnan(y))
    check(f, n, PYM_MATH_DOMAIN);
  if (isinf(r) && isfinite(x) && isfinite(y))
    check(f, n, PYM_MATH_RANGE);
  return r;
}

// math.pow (math_pow_impl): C99 Annex F for non-finite arguments, the C
// library's pow otherwise, where a NaN is a domain error and an infinity
// is 0 ** negative (domain) or an overflow.
static double math_pow(Fold *f, Node *n, double x, double y) {
  if (!isfinite(x) || !isfinite(y)) {
    if (isnan(x))
      return y == 0. ? 1. : x;
    if (isnan(y))
      return x == 1. ? 1. : y;
    return pow(x, y);  // the infinities: IEEE's answers, no error
  }
  double r = pow(x, y);
  if (isnan(r))
    check(f, n, PYM_MATH_DOMAIN);
  if (isinf(r))
    check(f, n, x == 0. ? PYM_MATH_DOMAIN : PYM_MATH_RANGE);
  return r;
}

// math.fmod: fmod(x, +-inf) is x for finite x; a NaN from non-NaNs is a
// domain error.
static double math_fmod(Fold *f, Node *n, double x, double y) {
  if (isinf(y) && isfinite(x))
    return x;
  double r = fmod(x, y);
  if (isnan(r) && !isnan(x) && !isnan(y))
    check(f, n, PYM_MATH_DOMAIN);
  return r;
}

static ConstValue math_call(Fold *f, Node *n, double x, double y) {
  const double pi = 3.14159265358979323846;  // Py_MATH_PI
  switch (n->builtin) {
  case BI_MATH_SQRT: return float_value(math_1(f, n, sqrt, x, false));
  case BI_MATH_EXP: return float_value(math_1(f, n, exp, x, true));
  case BI_MATH_LOG:
    if (n->args.len == 2) {  // loghelper on each, then a float division
      double num = math_1(f, n, log, x, false);
      double den = math_1(f, n, log, y, false);
      int err = PYM_OK;
      double r = pym_float_div(num, den, &err);
      check(f, n, err);
      return float_value(r);
    }
    return float_value(math_1(f, n, log, x, false));
  case BI_MATH_LOG2: return float_value(math_1(f, n, log2, x, false));
  case BI_MATH_LOG10: return float_value(math_1(f, n, log10, x, false));
  case BI_MATH_SIN: return float_value(math_1(f, n, sin, x, false));
  case BI_MATH_COS: return float_value(math_1(f, n, cos, x, false));
  case BI_MATH_TAN: return float_value(math_1(f, n, tan, x, false));
  case BI_MATH_ASIN: return float_value(math_1(f, n, asin, x, false));
  case BI_MATH_ACOS: return float_value(math_1(f, n, acos, x, false));
  case BI_MATH_ATAN: return float_value(math_1(f, n, atan, x, false));
  case BI_MATH_SINH: return float_value(math_1(f, n, sinh, x, true));
  case BI_MATH_COSH: return float_value(math_1(f, n, cosh, x, true));
  case BI_MATH_TANH: return float_value(math_1(f, n, tanh, x, false));
  case BI_MATH_FABS: return float_value(fabs(x));
  case BI_MATH_ATAN2: return float_value(math_2(f, n, m_atan2, x, y));
  case BI_MATH_COPYSIGN: return float_value(copysign(x, y));
  case BI_MATH_HYPOT: return float_value(pym_math_hypot(x, y));
  case BI_MATH_POW: return float_value(math_pow(f, n, x, y));
  case BI_MATH_FMOD: return float_value(math_fmod(f, n, x, y));
  case BI_MATH_DEGREES: return float_value(x * (180.0 / pi));  // radToDeg
  case BI_MATH_RADIANS: return float_value(x * (pi / 180.0));  // degToRad
  case BI_MATH_ISNAN: return (ConstValue){.kind = CONST_BOOL,
                                          .ival = isnan(x) != 0};
  case BI_MATH_ISINF: return (ConstValue){.kind = CONST_BOOL,
                                          .ival = isinf(x) != 0};
  case BI_MATH_ISFINITE: return (ConstValue){.kind = CONST_BOOL,
                                             .ival = isfinite(x) != 0};
  default: break;
  }
  int err = PYM_OK;  // math.floor, ceil, trunc of a float: an int
  double r = n->builtin == BI_MATH_FLOOR ? floor(x)
             : n->builtin == BI_MATH_CEIL ? ceil(x) : trunc(x);
  int64_t i = pym_float_to_int(r, &err);
  check(f, n, err);
  return int_value(i);
}

// max and min keep the first of equal values and compare with > and <,
// so a NaN first stays (builtin_max's min_max loop).
static ConstValue min_max(Fold *f, Node *n) {
  if (n->args.len == 1)
    cannot_fold(f, n, "min() or max() of a list");
  ConstValue best = fold(f, n->args.data[0]);
  for (int i = 1; i < n->args.len; i++) {
    ConstValue c = fold(f, n->args.data[i]);
    double x = c.kind == CONST_FLOAT ? c.fval : (double)c.ival;
    double b = best.kind == CONST_FLOAT ? best.fval : (double)best.ival;
    bool more = c.kind == CONST_FLOAT ? x > b : c.ival > best.ival;
    bool less = c.kind == CONST_FLOAT ? x < b : c.ival < best.ival;
    if (n->builtin == BI_MAX ? more : less)
      best = c;
  }
  return best;
}

static ConstValue builtin(Fold *f, Node *n) {
  int k = n->args.len;
  ConstValue a = k > 0 && n->builtin != BI_MIN && n->builtin != BI_MAX
                     ? fold(f, n->args.data[0]) : int_value(0);
  ConstValue b = k > 1 && n->builtin != BI_MIN && n->builtin != BI_MAX
                     ? fold(f, n->args.data[1]) : int_value(0);
  int err = PYM_OK;
  switch (n->builtin) {
  case BI_COMPLEX:  // complex(z) of a complex is z; parts are floats
    if (k == 1 && a.kind == CONST_COMPLEX)
      return a;
    return complex_value(k > 0 ? a.fval : 0.0, k > 1 ? b.fval : 0.0);
  case BI_FLOAT: return float_value(k > 0 ? a.fval : 0.0);
  case BI_INT:
    if (a.kind == CONST_FLOAT)
      a = int_value(pym_float_to_int(a.fval, &err));
    check(f, n, err);
    return a;
  case BI_ABS:
    if (a.kind == CONST_COMPLEX)
      a = float_value(pym_complex_abs(a.fval, a.imag, &err));
    else if (a.kind == CONST_FLOAT)
      a = float_value(fabs(a.fval));
    else if (a.ival == PYM_INT64_MIN)
      err = PYM_INT_OVERFLOW;
    else
      a = int_value(a.ival < 0 ? -a.ival : a.ival);
    check(f, n, err);
    return a;
  case BI_ROUND:
    if (k == 2)
      cannot_fold(f, n, "round() with a number of digits");
    if (a.kind == CONST_FLOAT)
      a = int_value(pym_float_round_int(a.fval, &err));
    check(f, n, err);
    return a;
  case BI_MIN:
  case BI_MAX: return min_max(f, n);
  case BI_POW: {
    Node op = *n;
    op.kind = ND_BINOP;
    op.op = OP_POW;
    op.left = n->args.data[0];
    op.right = n->args.data[1];
    return binop(f, &op);
  }
  default: break;
  }
  if (n->builtin >= BI_MATH_SQRT)
    return math_call(f, n, a.fval, b.fval);
  cannot_fold(f, n, arena_sprintf(f->in->a, "%s()",
                                  builtin_names[n->builtin]));
}

// ---- the walk --------------------------------------------------------------

// The value of a typed constant expression, in the kind of n->ty.
static ConstValue fold(Fold *f, Node *n) {
  ConstValue c;
  switch (n->kind) {
  case ND_CONSTANT:
    c = n->cval;
    break;
  case ND_NAME:  // another module constant, folded when it was typed
    assert(n->var && n->var->kind == VAR_CONST);
    c = fold(f, n->var->value);
    break;
  case ND_CONVERT:
    c = fold(f, n->value);
    break;
  case ND_UNARYOP:
    c = unaryop(f, n);
    break;
  case ND_BINOP:
    c = binop(f, n);
    break;
  case ND_ATTRIBUTE: {  // .real and .imag of a complex
    ConstValue z = fold(f, n->value);
    c = float_value(!strcmp(n->name, "real") ? z.fval : z.imag);
    break;
  }
  case ND_CALL:
    if (n->builtin == BI_CONJUGATE) {  // z.conjugate()
      ConstValue z = fold(f, n->func->value);
      c = complex_value(z.fval, -z.imag);
      break;
    }
    if (n->builtin == BI_BIT_LENGTH) {  // x.bit_length()
      ConstValue x = fold(f, n->func->value);
      uint64_t u = x.ival < 0 ? 0 - (uint64_t)x.ival : (uint64_t)x.ival;
      int64_t bits = 0;
      for (; u; u >>= 1)
        bits++;
      c = (ConstValue){.kind = CONST_INT, .ival = bits};
      break;
    }
    if (n->builtin == BI_NONE)
      cannot_fold(f, n, "a call of a function");
    c = builtin(f, n);
    break;
  default:
    cannot_fold(f, n, "this expression");
  }
  return widen(c, n->ty);
}

static Node *new_constant(Infer *in, Node *at, ConstValue c, Type *ty) {
  Node *k = new_node(in->a, ND_CONSTANT, at->tok);
  k->cval = c;
  k->ty = ty;
  return k;
}

Node *infer_fold_constant(Infer *in, const char *name, Node *value) {
  Fold f = {.in = in, .name = name};
  if (value->kind != ND_LIST && value->kind != ND_TUPLE)
    return new_constant(in, value, fold(&f, value), value->ty);
  for (int i = 0; i < value->elts.len; i++) {
    Node *e = value->elts.data[i];
    value->elts.data[i] = new_constant(in, e, fold(&f, e), e->ty);
  }
  return value;
}
