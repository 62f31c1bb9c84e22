// llvm_arith.c - conversions, Python's arithmetic, lists and strings.
//
// infer.c made every widening an ND_CONVERT; ll_convert performs it. Int
// arithmetic is 64-bit with OverflowError where CPython's unbounded int
// would not fit; floor division and modulo follow the divisor's sign as
// CPython's l_divmod does. Float and complex arithmetic is written out as
// CPython's (_Py_c_sum, _Py_c_prod, ...) with no fast-math flag, so LLVM
// neither contracts nor reassociates; long algorithms (complex division and
// power, float floor division) are calls into runtime/pymath.c. Lists are
// RtList headers whose items are read and written with TBAA tags.
#include "llvm_lower.h"
#include "pymath.h"

// ---- conversions ------------------------------------------------------------

// Python's truth value of v as an i1 (nan is true: `fcmp une`).
LLVMValueRef ll_truth(Lower *L, LLVMValueRef v, const Type *t) {
  switch (kind_of(t)) {
  case TY_BOOL: return v;
  case TY_INT: return LLVMBuildICmp(L->b, LLVMIntNE, v, i64c(L, 0), "");
  case TY_FLOAT: return fcmp(L, LLVMRealUNE, v, f64c(L, 0.0));
  case TY_COMPLEX:
    return LLVMBuildOr(L->b, fcmp(L, LLVMRealUNE, re_of(L, v), f64c(L, 0)),
                       fcmp(L, LLVMRealUNE, im_of(L, v), f64c(L, 0)), "");
  case TY_LIST:
  case TY_STR: {
    LLVMTypeRef st = kind_of(t) == TY_LIST ? L->t_list : L->t_str;
    LLVMValueRef lenp = LLVMBuildStructGEP2(L->b, st, v, 0, "");
    LLVMValueRef len = LLVMBuildLoad2(L->b, L->t_i64, lenp, "len");
    return LLVMBuildICmp(L->b, LLVMIntNE, len, i64c(L, 0), "");
  }
  default: return LLVMConstInt(L->t_i1, 0, false);
  }
}

// Widens v from type `from` to type `to` (bool < int < float < complex), as
// infer.c's ND_CONVERT asks. int -> float rounds to nearest like CPython's
// PyLong_AsDouble for every int64 value.
LLVMValueRef ll_convert(Lower *L, LLVMValueRef v, const Type *from,
                        const Type *to) {
  TypeKind f = kind_of(from), t = kind_of(to);
  if (f == t || !v)
    return v;
  if (t == TY_BOOL)
    return ll_truth(L, v, from);
  if (f == TY_BOOL) {
    v = LLVMBuildZExt(L->b, v, L->t_i64, "");
    f = TY_INT;
  }
  if (t == TY_INT && f == TY_INT)
    return v;
  if (f == TY_INT) {
    v = LLVMBuildSIToFP(L->b, v, L->t_f64, "");
    f = TY_FLOAT;
  }
  if (t == TY_FLOAT && f == TY_FLOAT)
    return v;
  if (t == TY_COMPLEX && f == TY_FLOAT)
    return cplx(L, v, f64c(L, 0.0));
  assert(!"impossible conversion");
  return v;
}

// The wider numeric type of two (for comparisons and min/max).
Type *ll_wider(Type *a, Type *b) {
  return kind_of(a) >= kind_of(b) ? a : b;
}

// ---- arithmetic -------------------------------------------------------------

// int +, -, * : CPython's ints are unbounded, ours are 64 bits, so a result
// that does not fit raises OverflowError instead of wrapping.
LLVMValueRef ll_int_checked(Lower *L, const char *name, LLVMValueRef a,
                            LLVMValueRef b, int line) {
  LLVMValueRef args[2] = {a, b};
  LLVMValueRef r = ll_intrinsic(L, name, L->t_i64, 2, args);
  ll_check(L, LLVMBuildExtractValue(L->b, r, 1, "ovf"), RT_EXC_OVERFLOW, line,
           MSG_INT_OVERFLOW);
  return LLVMBuildExtractValue(L->b, r, 0, "");
}

void ll_check_int_divisor(Lower *L, LLVMValueRef a, LLVMValueRef b, int line,
                          const char *msg) {
  ll_check(L, icmp(L, LLVMIntEQ, b, i64c(L, 0)), RT_EXC_ZERO_DIVISION, line,
           msg);
  // INT64_MIN // -1 is 2**63: too big, and a trap for the CPU's divide.
  LLVMValueRef min = icmp(L, LLVMIntEQ, a, i64c(L, INT64_MIN));
  LLVMValueRef m1 = icmp(L, LLVMIntEQ, b, i64c(L, -1));
  ll_check(L, LLVMBuildAnd(L->b, min, m1, ""), RT_EXC_OVERFLOW, line,
           MSG_INT_OVERFLOW);
}

// Floor division and modulo by the sign of the divisor, as CPython's
// l_divmod: C's truncating quotient, corrected by one when the remainder
// is non-zero and has the opposite sign of the divisor. The divisor has
// been checked (non-zero, not INT64_MIN / -1).
void ll_int_divmod(Lower *L, LLVMValueRef a, LLVMValueRef b, LLVMValueRef *q,
                   LLVMValueRef *r) {
  LLVMValueRef q0 = LLVMBuildSDiv(L->b, a, b, "");
  LLVMValueRef r0 = LLVMBuildSRem(L->b, a, b, "");
  LLVMValueRef nz = icmp(L, LLVMIntNE, r0, i64c(L, 0));
  LLVMValueRef sign = icmp(L, LLVMIntSLT, LLVMBuildXor(L->b, r0, b, ""),
                           i64c(L, 0));
  LLVMValueRef adj = LLVMBuildAnd(L->b, nz, sign, "");
  if (q)
    *q = LLVMBuildSub(L->b, q0, LLVMBuildZExt(L->b, adj, L->t_i64, ""), "");
  if (r)
    *r = LLVMBuildSelect(L->b, adj, LLVMBuildAdd(L->b, r0, b, ""), r0, "");
}

// `%` on ints. INT64_MIN % -1 is 0 in Python but traps in srem, so a
// divisor of -1 is replaced by 1 (same remainder).
static LLVMValueRef int_mod(Lower *L, LLVMValueRef a, LLVMValueRef b,
                            int line) {
  ll_check(L, icmp(L, LLVMIntEQ, b, i64c(L, 0)), RT_EXC_ZERO_DIVISION, line,
           MSG_MOD_ZERO);
  LLVMValueRef m1 = icmp(L, LLVMIntEQ, b, i64c(L, -1));
  LLVMValueRef safe = LLVMBuildSelect(L->b, m1, i64c(L, 1), b, "");
  LLVMValueRef r;
  ll_int_divmod(L, a, safe, NULL, &r);
  return r;
}

// `<<` and `>>`: a negative count is ValueError; a left shift that loses
// bits is OverflowError; counts of 64 and more saturate.
static LLVMValueRef int_shift(Lower *L, Operator op, LLVMValueRef a,
                              LLVMValueRef b, int line) {
  ll_check(L, icmp(L, LLVMIntSLT, b, i64c(L, 0)), RT_EXC_VALUE, line,
           MSG_NEG_SHIFT);
  LLVMValueRef big = icmp(L, LLVMIntUGT, b, i64c(L, 63));
  LLVMValueRef n = LLVMBuildSelect(L->b, big, i64c(L, 63), b, "");
  if (op == OP_RSHIFT)
    return LLVMBuildAShr(L->b, a, n, "");
  LLVMValueRef r = LLVMBuildShl(L->b, a, n, "");
  LLVMValueRef lost = icmp(L, LLVMIntNE, LLVMBuildAShr(L->b, r, n, ""), a);
  LLVMValueRef nz = icmp(L, LLVMIntNE, a, i64c(L, 0));
  lost = LLVMBuildOr(L->b, lost, LLVMBuildAnd(L->b, big, nz, ""), "");
  ll_check(L, lost, RT_EXC_OVERFLOW, line, MSG_INT_OVERFLOW);
  return r;
}

static LLVMValueRef float_arith(Lower *L, Operator op, LLVMValueRef a,
                                LLVMValueRef b, int line);

// ---- ints meeting floats (pymath.h) -----------------------------------------
//
// float(n) is exact for |n| <= 2**53, and there converting first gives
// CPython's answer; past it CPython divides ints exactly and compares an
// int with a float exactly. These builders work on scalars and on vectors
// of lanes alike (llvm_vexpr.c calls them too).

// A constant of type t (a scalar or a vector type) from a scalar one.
static LLVMValueRef const_as(Lower *L, LLVMTypeRef t, LLVMValueRef c) {
  if (LLVMGetTypeKind(t) != LLVMVectorTypeKind)
    return c;
  unsigned n = LLVMGetVectorSize(t);
  LLVMValueRef *lanes = arena_alloc(L->a, sizeof *lanes * n);
  for (unsigned i = 0; i < n; i++)
    lanes[i] = c;
  return LLVMConstVector(lanes, n);
}

// Whether float(v) is exact: -2**53 <= v <= 2**53, one unsigned compare.
LLVMValueRef ll_int_fits_double(Lower *L, LLVMValueRef v) {
  LLVMTypeRef t = LLVMTypeOf(v);
  LLVMValueRef sum =
      LLVMBuildAdd(L->b, v, const_as(L, t, i64c(L, PYM_EXACT_INT)), "");
  return icmp(L, LLVMIntULE, sum, const_as(L, t, i64c(L, 2 * PYM_EXACT_INT)));
}

// `i OP x` for the int i and the float x exactly, as pym_int_float_cmp
// decides it, without a branch: where float(i) != x the float comparison
// is right (rounding keeps the order); where they are equal x is an
// integral float, compared as an int (2**63, past every int64, is above
// all of them). An int constant within 2**53 takes the plain comparison.
LLVMValueRef ll_int_float_compare(Lower *L, Operator op, LLVMValueRef i,
                                  LLVMValueRef x) {
  static const LLVMRealPredicate fp[] = {LLVMRealOEQ, LLVMRealUNE,
                                         LLVMRealOLT, LLVMRealOLE,
                                         LLVMRealOGT, LLVMRealOGE};
  LLVMTypeRef ft = LLVMTypeOf(x), it = LLVMTypeOf(i);
  LLVMValueRef fi = LLVMBuildSIToFP(L->b, i, ft, "");
  if (LLVMIsAConstantInt(i) &&
      pym_int_fits_double(LLVMConstIntGetSExtValue(i)))
    return fcmp(L, fp[op - OP_EQ], fi, x);
  LLVMValueRef eq = fcmp(L, LLVMRealOEQ, fi, x);
  LLVMValueRef top =
      fcmp(L, LLVMRealOGE, x, const_as(L, ft, f64c(L, 0x1p63)));
  LLVMValueRef below = LLVMBuildNot(L->b, top, "");
  LLVMValueRef as_int = LLVMBuildAnd(L->b, eq, below, "");
  LLVMValueRef safe = LLVMBuildSelect(L->b, as_int, x, LLVMConstNull(ft), "");
  LLVMValueRef xi = LLVMBuildFPToSI(L->b, safe, it, "");
  // on the integral path: i < x, i > x
  LLVMValueRef lt = LLVMBuildOr(L->b, icmp(L, LLVMIntSLT, i, xi), top, "");
  LLVMValueRef gt = LLVMBuildAnd(L->b, icmp(L, LLVMIntSGT, i, xi), below, "");
  LLVMValueRef flt = fcmp(L, LLVMRealOLT, fi, x);
  LLVMValueRef fgt = fcmp(L, LLVMRealOGT, fi, x);
  LLVMValueRef same = LLVMBuildAnd(
      L->b, eq, LLVMBuildNot(L->b, LLVMBuildOr(L->b, lt, gt, ""), ""), "");
  switch (op) {
  case OP_EQ: return same;
  case OP_NOTEQ: return LLVMBuildNot(L->b, same, "");
  case OP_LT: return LLVMBuildOr(L->b, flt, LLVMBuildAnd(L->b, eq, lt, ""), "");
  case OP_LTE:
    return LLVMBuildOr(L->b, flt,
                       LLVMBuildAnd(L->b, eq, LLVMBuildNot(L->b, gt, ""), ""),
                       "");
  case OP_GT: return LLVMBuildOr(L->b, fgt, LLVMBuildAnd(L->b, eq, gt, ""), "");
  case OP_GTE:
    return LLVMBuildOr(L->b, fgt,
                       LLVMBuildAnd(L->b, eq, LLVMBuildNot(L->b, lt, ""), ""),
                       "");
  default: break;
  }
  assert(!"not a comparison operator");
  return NULL;
}

// The operator that gives `x OP i` as `i SWAPPED x`.
Operator ll_swapped_compare(Operator op) {
  switch (op) {
  case OP_LT: return OP_GT;
  case OP_LTE: return OP_GTE;
  case OP_GT: return OP_LT;
  case OP_GTE: return OP_LTE;
  default: return op;
  }
}

// int / int: CPython's long_true_divide. When both are within 2**53 (the
// usual case) it is the quotient of the two exact doubles; past that
// rt_int_true_div divides exactly. b is not zero.
static LLVMValueRef int_true_div(Lower *L, LLVMValueRef a, LLVMValueRef b) {
  LLVMValueRef fits = LLVMBuildAnd(L->b, ll_int_fits_double(L, a),
                                   ll_int_fits_double(L, b), "");
  LLVMBasicBlockRef fast = new_block(L, "div.exact");
  LLVMBasicBlockRef slow = new_block(L, "div.big");
  LLVMBasicBlockRef done = new_block(L, "div.done");
  ll_unlikely(L, LLVMBuildCondBr(L->b, LLVMBuildNot(L->b, fits, ""), slow,
                                 fast));
  move_to(L, fast);
  LLVMValueRef q = fmath(L, LLVMBuildFDiv(
                                L->b, LLVMBuildSIToFP(L->b, a, L->t_f64, ""),
                                LLVMBuildSIToFP(L->b, b, L->t_f64, ""), ""));
  LLVMBuildBr(L->b, done);
  move_to(L, slow);
  LLVMValueRef r = ll_rt(L, "rt_int_true_div", 2, a, b);
  LLVMBuildBr(L->b, done);
  move_to(L, done);
  return ll_phi2(L, L->t_f64, q, fast, r, slow);
}

// An int operator whose operands are ints; `ty` is the result type (float
// for `/` and for `**` with a negative exponent, as infer.c decides).
static LLVMValueRef int_arith(Lower *L, Operator op, LLVMValueRef a,
                              LLVMValueRef b, const Type *ty, int line) {
  LLVMValueRef q;
  switch (op) {
  case OP_ADD: return ll_int_checked(L, "llvm.sadd.with.overflow", a, b, line);
  case OP_SUB: return ll_int_checked(L, "llvm.ssub.with.overflow", a, b, line);
  case OP_MUL: return ll_int_checked(L, "llvm.smul.with.overflow", a, b, line);
  case OP_DIV:
    ll_check(L, icmp(L, LLVMIntEQ, b, i64c(L, 0)), RT_EXC_ZERO_DIVISION, line,
             MSG_DIV_ZERO);
    return int_true_div(L, a, b);
  case OP_FLOORDIV:
    ll_check_int_divisor(L, a, b, line, MSG_FLOORDIV_ZERO);
    ll_int_divmod(L, a, b, &q, NULL);
    return q;
  case OP_MOD: return int_mod(L, a, b, line);
  case OP_POW:
    if (kind_of(ty) == TY_FLOAT)  // int ** negative int is float_pow
      return float_arith(L, op, LLVMBuildSIToFP(L->b, a, L->t_f64, ""),
                         LLVMBuildSIToFP(L->b, b, L->t_f64, ""), line);
    q = ll_rt(L, "rt_int_pow", 4, L->fs->ctx, a, b, i32c(L, line));
    ll_check_exc(L);
    return q;
  case OP_LSHIFT:
  case OP_RSHIFT: return int_shift(L, op, a, b, line);
  case OP_BITOR: return LLVMBuildOr(L->b, a, b, "");
  case OP_BITXOR: return LLVMBuildXor(L->b, a, b, "");
  case OP_BITAND: return LLVMBuildAnd(L->b, a, b, "");
  default: break;
  }
  assert(!"not an int operator");
  return NULL;
}

// A runtime helper (double, double) -> double that may raise.
LLVMValueRef ll_float_helper(Lower *L, const char *name, LLVMValueRef a,
                             LLVMValueRef b, int line) {
  LLVMValueRef r = ll_rt(L, name, 4, L->fs->ctx, a, b, i32c(L, line));
  ll_check_exc(L);
  return r;
}

static LLVMValueRef float_arith(Lower *L, Operator op, LLVMValueRef a,
                                LLVMValueRef b, int line) {
  switch (op) {
  case OP_ADD: return fadd(L, a, b);
  case OP_SUB: return fsub(L, a, b);
  case OP_MUL: return fmul(L, a, b);
  case OP_DIV:
    ll_check(L, fcmp(L, LLVMRealOEQ, b, f64c(L, 0.0)), RT_EXC_ZERO_DIVISION,
             line, MSG_FLOAT_DIV_ZERO);
    return fmath(L, LLVMBuildFDiv(L->b, a, b, ""));
  // CPython's float_floor_div, float_rem and float_pow, in pymath.c.
  case OP_FLOORDIV: return ll_float_helper(L, "rt_float_floordiv", a, b, line);
  case OP_MOD: return ll_float_helper(L, "rt_float_mod", a, b, line);
  case OP_POW: return ll_float_helper(L, "rt_float_pow", a, b, line);
  default: break;
  }
  assert(!"not a float operator");
  return NULL;
}

// A complex-valued runtime helper that may raise.
static LLVMValueRef complex_helper(Lower *L, const char *name, LLVMValueRef a,
                                   LLVMValueRef b, int line) {
  LLVMValueRef r = ll_rt(L, name, 6, L->fs->ctx, re_of(L, a), im_of(L, a),
                         re_of(L, b), im_of(L, b), i32c(L, line));
  ll_check_exc(L);
  return r;
}

// Complex operators; b is complex except for `**` with an int exponent.
static LLVMValueRef complex_arith(Lower *L, Operator op, LLVMValueRef a,
                                  LLVMValueRef b, const Type *bty, int line) {
  if (op == OP_POW && kind_of(bty) != TY_COMPLEX) {
    if (kind_of(bty) == TY_FLOAT) {
      b = ll_convert(L, b, bty, &ty_complex);
    } else {
      // CPython's c_powi (repeated squaring) for an integral exponent.
      b = ll_convert(L, b, bty, &ty_int);
      LLVMValueRef r = ll_rt(L, "rt_complex_powi", 5, L->fs->ctx, re_of(L, a),
                             im_of(L, a), b, i32c(L, line));
      ll_check_exc(L);
      return r;
    }
  }
  LLVMValueRef ar = re_of(L, a), ai = im_of(L, a);
  LLVMValueRef br = re_of(L, b), bi = im_of(L, b);
  switch (op) {
  case OP_ADD: return cplx(L, fadd(L, ar, br), fadd(L, ai, bi));
  case OP_SUB: return cplx(L, fsub(L, ar, br), fsub(L, ai, bi));
  case OP_MUL:
    // _Py_c_prod: four products, no FMA, in this order.
    return cplx(L, fsub(L, fmul(L, ar, br), fmul(L, ai, bi)),
                fadd(L, fmul(L, ar, bi), fmul(L, ai, br)));
  case OP_DIV: return complex_helper(L, "rt_complex_div", a, b, line);
  case OP_POW: return complex_helper(L, "rt_complex_pow", a, b, line);
  default: break;
  }
  assert(!"not a complex operator");
  return NULL;
}

// Applies a binary operator to two values; the operands' types are given,
// `ty` is the result's. infer.c made the operands of arithmetic the
// result's type, but widening here too keeps `/` and `**` on ints and
// mixed shapes working either way.
LLVMValueRef ll_arith(Lower *L, Operator op, LLVMValueRef a, const Type *aty,
                      LLVMValueRef b, const Type *bty, const Type *ty,
                      int line) {
  TypeKind k = kind_of(ty);
  if (k == TY_BOOL && kind_of(aty) == TY_BOOL && kind_of(bty) == TY_BOOL) {
    if (op == OP_BITAND) return LLVMBuildAnd(L->b, a, b, "");
    if (op == OP_BITOR) return LLVMBuildOr(L->b, a, b, "");
    if (op == OP_BITXOR) return LLVMBuildXor(L->b, a, b, "");
  }
  if (kind_of(aty) <= TY_INT && kind_of(bty) <= TY_INT &&
      (op == OP_DIV || op == OP_POW)) {
    return int_arith(L, op, ll_convert(L, a, aty, &ty_int),
                     ll_convert(L, b, bty, &ty_int), ty, line);
  }
  if (k == TY_COMPLEX) {
    a = ll_convert(L, a, aty, ty);
    if (op != OP_POW) {
      b = ll_convert(L, b, bty, ty);
      bty = ty;
    }
    return complex_arith(L, op, a, b, bty, line);
  }
  if (k == TY_FLOAT)
    return float_arith(L, op, ll_convert(L, a, aty, ty),
                       ll_convert(L, b, bty, ty), line);
  return int_arith(L, op, ll_convert(L, a, aty, &ty_int),
                   ll_convert(L, b, bty, &ty_int), &ty_int, line);
}

// ---- lists and strings ------------------------------------------------------

LLVMValueRef ll_list_len(Lower *L, LLVMValueRef list) {
  LLVMValueRef p = LLVMBuildStructGEP2(L->b, L->t_list, list, 0, "");
  return ll_tbaa(L, LLVMBuildLoad2(L->b, L->t_i64, p, "len"), L->tbaa_header);
}

LLVMValueRef ll_list_data(Lower *L, LLVMValueRef list) {
  LLVMValueRef p = LLVMBuildStructGEP2(L->b, L->t_list, list, 3, "");
  return ll_tbaa(L, LLVMBuildLoad2(L->b, L->t_ptr, p, "data"), L->tbaa_header);
}

// The address of list[idx] with Python's negative indices; IndexError
// (with `msg`) outside the list. One unsigned compare checks both ends.
LLVMValueRef ll_list_item_ptr(Lower *L, LLVMValueRef list, LLVMValueRef idx,
                              const Type *elem, int line, const char *msg) {
  LLVMValueRef len = ll_list_len(L, list);
  LLVMValueRef neg = icmp(L, LLVMIntSLT, idx, i64c(L, 0));
  idx = LLVMBuildSelect(L->b, neg, LLVMBuildAdd(L->b, idx, len, ""), idx, "");
  ll_check(L, icmp(L, LLVMIntUGE, idx, len), RT_EXC_INDEX, line, msg);
  LLVMValueRef data = ll_list_data(L, list);
  return LLVMBuildGEP2(L->b, ll_elem_type(L, elem), data, &idx, 1, "");
}

LLVMValueRef ll_load_item(Lower *L, LLVMValueRef p, const Type *elem) {
  LLVMValueRef v = LLVMBuildLoad2(L->b, ll_elem_type(L, elem), p, "");
  ll_tbaa(L, v, L->tbaa_item[kind_of(elem)]);
  if (kind_of(elem) == TY_BOOL)
    v = LLVMBuildTrunc(L->b, v, L->t_i1, "");
  return v;
}

void ll_store_item(Lower *L, LLVMValueRef p, LLVMValueRef v, const Type *elem) {
  if (kind_of(elem) == TY_BOOL)
    v = LLVMBuildZExt(L->b, v, L->t_i8, "");
  ll_tbaa(L, LLVMBuildStore(L->b, v, p), L->tbaa_item[kind_of(elem)]);
}

// A new list of n zeroed elements (rt_list_new raises MemoryError), each
// of layout.c's size, the stride of ll_elem_type's GEPs.
LLVMValueRef ll_new_list(Lower *L, const Type *elem, LLVMValueRef n, int line) {
  ll_elem_type(L, elem);  // checks that LLVM's stride is layout.c's size
  LLVMValueRef l = ll_rt(L, "rt_list_new", 4, L->fs->ctx,
                         i64c(L, layout_of(elem).size), n, i32c(L, line));
  ll_check_exc(L);
  return l;
}

// Appends v, already of the element type, to the list.
void ll_append_item(Lower *L, LLVMValueRef list, LLVMValueRef v,
                    const Type *elem, int line) {
  LLVMValueRef slot =
      ll_rt(L, "rt_list_append_slot", 3, L->fs->ctx, list, i32c(L, line));
  ll_check_exc(L);
  ll_store_item(L, slot, v, elem);
}

// Whether a constant expression is all zero bits (so rt_list_new's zero
// fill already holds it); -0.0 is not.
static bool is_zero_constant(const Node *n) {
  if (n->kind == ND_CONVERT)
    return is_zero_constant(n->value);
  if (n->kind != ND_CONSTANT)
    return false;
  const ConstValue *c = &n->cval;
  switch (c->kind) {
  case CONST_BOOL:
  case CONST_INT: return c->ival == 0;
  case CONST_FLOAT: return c->fval == 0 && !signbit(c->fval);
  case CONST_COMPLEX:
    return c->fval == 0 && !signbit(c->fval) && c->imag == 0 &&
           !signbit(c->imag);
  default: return false;
  }
}

// Stores v into items [0, n) of a fresh list.
static void fill_list(Lower *L, LLVMValueRef list, LLVMValueRef v,
                      const Type *elem) {
  LLVMValueRef n = ll_list_len(L, list), data = ll_list_data(L, list);
  LLVMBasicBlockRef pre = LLVMGetInsertBlock(L->b);
  LLVMBasicBlockRef body = new_block(L, "fill"), done = new_block(L, "filled");
  LLVMBuildCondBr(L->b, icmp(L, LLVMIntSGT, n, i64c(L, 0)), body, done);
  move_to(L, body);
  LLVMValueRef k = LLVMBuildPhi(L->b, L->t_i64, "k");
  ll_store_item(L, LLVMBuildGEP2(L->b, ll_elem_type(L, elem), data, &k, 1, ""),
                v, elem);
  LLVMValueRef k1 = LLVMBuildNUWAdd(L->b, k, i64c(L, 1), "");
  LLVMValueRef vals[2] = {i64c(L, 0), k1};
  LLVMBasicBlockRef bbs[2] = {pre, LLVMGetInsertBlock(L->b)};
  LLVMAddIncoming(k, vals, bbs, 2);
  LLVMBuildCondBr(L->b, icmp(L, LLVMIntSLT, k1, n), body, done);
  move_to(L, done);
}

// `[v] * n` (the tutorial's `[0] * len(q)`) builds the list directly;
// other `list * n` go through rt_list_repeat.
LLVMValueRef ll_list_repeat(Lower *L, Node *list, Node *count, bool count_first,
                            const Type *ty, int line) {
  LLVMValueRef n = NULL, l;
  if (count_first)
    n = ll_convert(L, ll_expr(L, count), count->ty, &ty_int);
  if (list->kind == ND_LIST && list->elts.len == 1) {
    Node *e = list->elts.data[0];
    LLVMValueRef v = ll_convert(L, ll_expr(L, e), e->ty, ty->elem);
    if (!n)
      n = ll_convert(L, ll_expr(L, count), count->ty, &ty_int);
    l = ll_new_list(L, ty->elem, n, line);
    if (!is_zero_constant(e))
      fill_list(L, l, v, ty->elem);
    return l;
  }
  l = ll_expr(L, list);
  if (!n)
    n = ll_convert(L, ll_expr(L, count), count->ty, &ty_int);
  LLVMValueRef r =
      ll_rt(L, "rt_list_repeat", 4, L->fs->ctx, l, n, i32c(L, line));
  ll_check_exc(L);
  return r;
}

// A constant RtStr {len, data} for a string literal.
LLVMValueRef ll_const_str(Lower *L, const char *s, int len) {
  LLVMValueRef text = LLVMConstStringInContext2(L->c, s, (size_t)len, false);
  LLVMValueRef data = LLVMAddGlobal(L->m, LLVMTypeOf(text), ".str.data");
  LLVMSetInitializer(data, text);
  LLVMSetGlobalConstant(data, true);
  LLVMSetLinkage(data, LLVMPrivateLinkage);
  LLVMValueRef fields[2] = {i64c(L, len), data};
  LLVMValueRef init = LLVMConstNamedStruct(L->t_str, fields, 2);
  LLVMValueRef g = LLVMAddGlobal(L->m, L->t_str, ".str");
  LLVMSetInitializer(g, init);
  LLVMSetGlobalConstant(g, true);
  LLVMSetLinkage(g, LLVMPrivateLinkage);
  return g;
}

// `fmt % args`: the arguments go to rt_str_format as 8-byte values with a
// kind letter each.
LLVMValueRef ll_str_format(Lower *L, Node *n) {
  LLVMValueRef fmt = ll_expr(L, n->left);
  Node **args = (Node **)&n->right;
  int nargs = 1;
  if (n->right->kind == ND_TUPLE) {
    args = (Node **)n->right->elts.data;
    nargs = n->right->elts.len;
  }
  char *kinds = arena_alloc(L->a, (size_t)nargs + 1);
  LLVMTypeRef at = LLVMArrayType2(L->t_i64, (uint64_t)(nargs ? nargs : 1));
  LLVMValueRef vals = ll_entry_alloca(L, at, "fmtargs");
  for (int i = 0; i < nargs; i++) {
    LLVMValueRef v = ll_expr(L, args[i]);
    switch (kind_of(args[i]->ty)) {
    case TY_INT: kinds[i] = 'i'; break;
    case TY_FLOAT:
      kinds[i] = 'f';
      v = LLVMBuildBitCast(L->b, v, L->t_i64, "");
      break;
    case TY_BOOL:
      kinds[i] = 'b';
      v = LLVMBuildZExt(L->b, v, L->t_i64, "");
      break;
    case TY_STR:
      kinds[i] = 's';
      v = LLVMBuildPtrToInt(L->b, v, L->t_i64, "");
      break;
    default:
      diag_error_node(L->d, args[i], "%%-formatting a %s is not supported",
                      type_name(L->a, args[i]->ty));
    }
    LLVMValueRef idx[2] = {i64c(L, 0), i64c(L, i)};
    LLVMBuildStore(L->b, v, LLVMBuildGEP2(L->b, at, vals, idx, 2, ""));
  }
  LLVMValueRef flen = LLVMBuildLoad2(
      L->b, L->t_i64, LLVMBuildStructGEP2(L->b, L->t_str, fmt, 0, ""), "");
  LLVMValueRef fdata = LLVMBuildLoad2(
      L->b, L->t_ptr, LLVMBuildStructGEP2(L->b, L->t_str, fmt, 1, ""), "");
  LLVMValueRef r =
      ll_rt(L, "rt_str_format", 7, L->fs->ctx, fdata, flen,
            ll_cstring(L, kinds), vals, i32c(L, nargs), i32c(L, n->line));
  ll_check_exc(L);
  return r;
}
