// cuda_expr.c - expressions, one helper per node kind.
//
// cg_expr dispatches on the kind (cases in NodeKind order) and returns the
// expression as C text: bool, long long, pyfloat (double, or float under
// --precision=float32), struct pycomplex, pylist<T> * or pytupleN<...>.
// Python's arithmetic is the prelude's py_* helpers; a helper that may
// raise takes ts first and the line last (cg_raising) and sets g->raises,
// so that the statement tests ts->raised after it. Where two operands may
// raise, cg_operand and cg_order_operands keep Python's left-to-right
// order; `a and b` of non-bools, chained comparisons and ordered operands
// become C++ lambdas, which evaluate each operand once.
#include "cuda_gen.h"
#include "pymath.h"

// ---- expressions ------------------------------------------------------------

// An exponent that CPython's complex ** takes through c_powi, with no
// libm: a constant integral real number up to PYM_COMPLEX_POWI_MAX.
static bool is_powi_exponent(const Node *e) {
  while (e->kind == ND_CONVERT)
    e = e->value;
  if (e->kind != ND_CONSTANT)
    return false;
  double v = e->cval.kind == CONST_INT ? (double)e->cval.ival
             : e->cval.kind == CONST_FLOAT || e->cval.kind == CONST_COMPLEX
                 ? e->cval.fval
                 : NAN;
  if (e->cval.kind == CONST_COMPLEX && e->cval.imag != 0)
    return false;
  return v == floor(v) && fabs(v) <= PYM_COMPLEX_POWI_MAX;
}

// A double constant that reads back to the same bits.
static const char *float_literal(CudaGen *g, double v) {
  if (isnan(v))
    return "(pyfloat)pym_nan()";
  if (isinf(v))
    return v > 0 ? "(pyfloat)pym_inf()" : "(pyfloat)-pym_inf()";
  char buf[40];
  for (int prec = 15; prec <= 17; prec++) {
    snprintf(buf, sizeof buf, "%.*g", prec, v);
    if (strtod(buf, NULL) == v)
      break;
  }
  if (!strpbrk(buf, ".eni"))
    strcat(buf, ".0");
  // float32: the constant is rounded once, by the compiler; float64: as is
  return g->opt && g->opt->float32 ? fmt(g, "(pyfloat)%s", buf)
                                   : fmt(g, "%s", buf);
}

static const char *int_literal(CudaGen *g, int64_t v) {
  if (v == INT64_MIN)
    return "(-9223372036854775807LL - 1)";
  return fmt(g, "%lldLL", (long long)v);
}

static const char *constant(CudaGen *g, Node *e) {
  switch (e->cval.kind) {
  case CONST_BOOL:
    return e->cval.ival ? "true" : "false";
  case CONST_INT:
    return int_literal(g, e->cval.ival);
  case CONST_FLOAT:
    return float_literal(g, e->cval.fval);
  case CONST_COMPLEX:
    return fmt(g, "py_complex(%s, %s)", float_literal(g, e->cval.fval),
               float_literal(g, e->cval.imag));
  default:
    cg_unsupported(g, e, "this constant");
  }
}

// Python truth of a value: nonzero number, nonempty list.
const char *cg_truth(CudaGen *g, Node *e) {
  const char *v = cg_expr(g, e);
  switch (e->ty->kind) {
  case TY_BOOL:
    return v;
  case TY_INT:
  case TY_FLOAT:
    return fmt(g, "(%s != 0)", v);
  case TY_COMPLEX:
    return fmt(g, "py_complex_truth(%s)", v);
  case TY_LIST:
    return fmt(g, "(%s->len != 0)", v);
  default:
    cg_unsupported(g, e, "the truth of this value");
  }
}

// A helper that may raise: ts first, the line last.
const char *cg_raising(CudaGen *g, const Node *at, const char *fn,
                       const char *args) {
  g->raises = true;
  return fmt(g, "%s(ts, %s, %d)", fn, args, at->line);
}

// One operand into o, its C type and whether it may raise recorded
// (Operands, in cuda_gen.h, says why).
void cg_operand(CudaGen *g, Operands *o, Node *e) {
  bool before = g->raises;
  g->raises = false;
  const char *v = cg_expr(g, e);
  if (o->n < MAX_ORDERED) {
    o->val[o->n] = v;
    o->type[o->n] = cg_c_type(g, e, e->ty);
    o->nraising += g->raises;
  } else {
    o->nraising = 0;  // too many to order: C++'s order
  }
  o->n++;
  g->raises = g->raises || before;
}

bool cg_needs_order(const Operands *o) {
  return o->nraising >= 2 && o->n <= MAX_ORDERED;
}

// Replaces each operand by its slot of the ordered struct `o_`; returns
// the struct's declaration, to go before the use in a lambda. (C orders
// neither a braced list nor the arguments of a call, but it does order
// declarations: the C target declares one temporary an operand.)
const char *cg_order_operands(CudaGen *g, Operands *o) {
  if (g->host) {
    const char *decls = "";
    for (int k = 0; k < o->n; k++) {
      const char *t = cg_new_temp(g, "o");
      decls = fmt(g, "%s%s%s %s = %s;", decls, k ? " " : "", o->type[k], t,
                  o->val[k]);
      o->val[k] = t;
    }
    return decls;
  }
  const char *fields = "", *init = "";
  for (int k = 0; k < o->n; k++) {
    fields = fmt(g, "%s %s v%d;", fields, o->type[k], k);
    init = fmt(g, "%s%s%s", init, k ? ", " : "", o->val[k]);
    o->val[k] = fmt(g, "o_.v%d", k);
  }
  return fmt(g, "struct {%s } o_{%s};", fields, init);
}

// `use` (written with the o_.vK slots) inside a lambda after the struct;
// in the C target a GNU statement expression, the lambda's C spelling.
const char *cg_in_order(CudaGen *g, const char *type, const char *decl,
                        const char *use) {
  if (g->host)
    return fmt(g, "({ %s %s; })", decl, use);
  return fmt(g, "[&]() -> %s { %s return %s; }()", type, decl, use);
}

static const char *int_binop(CudaGen *g, Node *e, const char *l,
                             const char *r) {
  const char *args = fmt(g, "%s, %s", l, r);
  switch (e->op) {
  case OP_ADD: return cg_raising(g, e, "py_int_add", args);
  case OP_SUB: return cg_raising(g, e, "py_int_sub", args);
  case OP_MUL: return cg_raising(g, e, "py_int_mul", args);
  case OP_FLOORDIV: return cg_raising(g, e, "py_int_floordiv", args);
  case OP_MOD: return cg_raising(g, e, "py_int_mod", args);
  case OP_POW: return cg_raising(g, e, "py_int_pow", args);
  case OP_LSHIFT: return cg_raising(g, e, "py_int_lshift", args);
  case OP_RSHIFT: return cg_raising(g, e, "py_int_rshift", args);
  case OP_BITOR: return fmt(g, "(%s | %s)", l, r);
  case OP_BITXOR: return fmt(g, "(%s ^ %s)", l, r);
  case OP_BITAND: return fmt(g, "(%s & %s)", l, r);
  default: cg_unsupported(g, e, "this int operator");
  }
}

static const char *float_binop(CudaGen *g, Node *e, const char *l,
                               const char *r) {
  const char *args = fmt(g, "%s, %s", l, r);
  switch (e->op) {
  case OP_ADD: return fmt(g, "(%s + %s)", l, r);
  case OP_SUB: return fmt(g, "(%s - %s)", l, r);
  case OP_MUL: return fmt(g, "(%s * %s)", l, r);
  case OP_DIV: return cg_raising(g, e, "py_float_div", args);
  case OP_FLOORDIV: return cg_raising(g, e, "py_float_floordiv", args);
  case OP_MOD: return cg_raising(g, e, "py_float_mod", args);
  case OP_POW:
    if (!cg_libm_is_glibc())  // else glibc's pow (pymath_libm.h)
      cg_require_inexact_libm(g, e, "float ** (C's pow)");
    return cg_raising(g, e, "py_float_pow", args);
  default: cg_unsupported(g, e, "this float operator");
  }
}

static const char *complex_binop(CudaGen *g, Node *e, const char *l,
                                 const char *r) {
  switch (e->op) {
  case OP_ADD: return fmt(g, "py_complex_add(%s, %s)", l, r);
  case OP_SUB: return fmt(g, "py_complex_sub(%s, %s)", l, r);
  case OP_MUL: return fmt(g, "py_complex_mul(%s, %s)", l, r);
  case OP_DIV:
    return cg_raising(g, e, "py_complex_div", fmt(g, "%s, %s", l, r));
  case OP_POW:
    if (!is_powi_exponent(e->right) && !cg_libm_is_glibc())
      cg_require_inexact_libm(g, e, "complex ** with an exponent that is not "
                              "a constant integer up to 100 (C's pow, exp, "
                              "log)");
    if (is_kind(e->right, TY_INT))  // z ** n: CPython's c_powi
      return cg_raising(g, e, "py_complex_powi", fmt(g, "%s, %s", l, r));
    return cg_raising(g, e, "py_complex_pow", fmt(g, "%s, %s", l, r));
  default: cg_unsupported(g, e, "this complex operator");
  }
}

// Operands have the BinOp's type (infer.c converts them), except the
// right of ** and shifts, which keep theirs, and int / int, whose ints
// are divided exactly.
const char *cg_binop_of(CudaGen *g, Node *e, const char *l,
                        const char *r) {
  switch (e->ty->kind) {
  case TY_INT:
    return int_binop(g, e, l, r);
  case TY_FLOAT:
    if (e->op == OP_DIV && !is_kind(e->left, TY_FLOAT))  // int / int
      return cg_raising(g, e, "py_int_true_div", fmt(g, "%s, %s", l, r));
    if (e->op == OP_POW && is_kind(e->right, TY_INT))
      r = fmt(g, "(pyfloat)%s", r);
    return float_binop(g, e, l, r);
  case TY_COMPLEX:
    return complex_binop(g, e, l, r);
  case TY_LIST:
    if (e->op == OP_MUL) {  // [a, b] * n or n * [a, b]
      bool left = is_kind(e->left, TY_LIST);
      g->raises = true;
      return fmt(g, "%s(ts, %s, %s, %d)",
                 cg_list_fn(g, e, e->ty, "repeat"), left ? l : r,
                 left ? r : l, e->line);
    }
    break;
  case TY_BOOL:
    if (e->op == OP_BITAND || e->op == OP_BITOR || e->op == OP_BITXOR)
      return fmt(g, "(bool)(%s %s %s)", l, operator_names[e->op], r);
    break;
  default:
    break;
  }
  cg_unsupported(g, e, fmt(g, "'%s' on %s", operator_names[e->op],
                           type_name(g->a, e->ty)));
}

const char *cg_binop(CudaGen *g, Node *e) {
  Operands o = {0};
  cg_operand(g, &o, e->left);
  cg_operand(g, &o, e->right);
  if (!cg_needs_order(&o))
    return cg_binop_of(g, e, o.val[0], o.val[1]);
  const char *decl = cg_order_operands(g, &o);
  return cg_in_order(g, cg_c_type(g, e, e->ty), decl,
                     cg_binop_of(g, e, o.val[0], o.val[1]));
}

static const char *unaryop(CudaGen *g, Node *e) {
  if (e->op == OP_NOT)
    return fmt(g, "(!%s)", cg_truth(g, e->value ? e->value : e->left));
  Node *v = e->value ? e->value : e->left;
  const char *s = cg_expr(g, v);
  if (e->op == OP_UADD)
    return s;
  if (e->op == OP_INVERT && is_kind(e, TY_INT))
    return fmt(g, "(~%s)", s);
  if (e->op == OP_USUB) {
    if (is_kind(e, TY_INT))
      return cg_raising(g, e, "py_int_neg", s);
    if (is_kind(e, TY_FLOAT))
      return fmt(g, "(-%s)", s);
    if (is_kind(e, TY_COMPLEX))
      return fmt(g, "py_complex_neg(%s)", s);
  }
  cg_unsupported(g, e, fmt(g, "unary '%s' on %s", operator_names[e->op],
                           type_name(g->a, e->ty)));
}

// `a and b` / `a or b`: bools as && and ||; other types keep Python's
// value (the deciding operand) through a lambda that evaluates each once.
static const char *boolop(CudaGen *g, Node *e) {
  const char *c_op = e->op == OP_AND ? "&&" : "||";
  if (is_kind(e, TY_BOOL)) {
    const char *s = cg_truth(g, e->values.data[0]);
    for (int k = 1; k < e->values.len; k++)
      s = fmt(g, "(%s %s %s)", s, c_op, cg_truth(g, e->values.data[k]));
    return s;
  }
  const char *type = cg_c_type(g, e, e->ty);
  Node *last = e->values.data[e->values.len - 1];
  const char *s = cg_expr(g, last);
  for (int k = e->values.len - 2; k >= 0; k--) {
    Node *v = e->values.data[k];
    const char *t = cg_new_temp(g, "v");
    const char *test = is_kind(v, TY_BOOL) ? t
                       : is_kind(v, TY_COMPLEX)
                           ? fmt(g, "py_complex_truth(%s)", t)
                           : fmt(g, "(%s != 0)", t);
    // and: cg_truth(v) ? rest : v;  or: cg_truth(v) ? v : rest
    if (g->host) {
      s = fmt(g, "({ %s %s = %s; %s ? %s : %s; })", type, t, cg_expr(g, v),
              test, e->op == OP_AND ? s : t, e->op == OP_AND ? t : s);
      continue;
    }
    s = fmt(g, "[&]() -> %s { %s %s = %s; return %s ? %s : %s; }()", type,
            type, t, cg_expr(g, v), test, e->op == OP_AND ? s : t,
            e->op == OP_AND ? t : s);
  }
  return s;
}

// abs(z) OP x for complex z: decided by the sum of squares where it can
// be, with CPython's abs (the libc hypot) as the fallback.
static bool is_complex_abs(const Node *e) {
  return e->kind == ND_CALL && e->builtin == BI_ABS && e->args.len == 1 &&
         is_kind(e->args.data[0], TY_COMPLEX);
}

// The comparisons that NVVM can fold wrongly when both sides are one NaN
// made from constants (see py_isnan in cuda_prelude.h): == != <= >= of
// two computed floats go through a helper that tests for NaN first. A
// literal operand is never NaN and keeps the plain operator.
static const char *float_compare_helper(Operator op) {
  switch (op) {
  case OP_EQ: return "py_feq";
  case OP_NOTEQ: return "py_fne";
  case OP_LTE: return "py_fle";
  case OP_GTE: return "py_fge";
  default: return NULL;
  }
}

_Static_assert(OP_GTE - OP_EQ == PYM_CMP_GE && OP_LT - OP_EQ == PYM_CMP_LT,
               "pymath.h numbers comparisons as Operator does");

// An int i beside a float or complex x, compared exactly as CPython's
// float_richcompare and complex_richcompare do (pymath.h).
static const char *compare_int_mixed(CudaGen *g, Node *at, Operator op,
                                     const char *i, Node *x, const char *xs) {
  if (is_kind(x, TY_FLOAT))
    return fmt(g, "pym_int_float_compare(%s, (double)%s, %d)", i, xs,
               (int)(op - OP_EQ));
  if (op != OP_EQ && op != OP_NOTEQ)
    cg_unsupported(g, at, "ordering complex numbers");
  return fmt(g, "(%spy_int_complex_eq(%s, %s))", op == OP_EQ ? "" : "!", i,
             xs);
}

static const char *compare_pair(CudaGen *g, Node *at, Operator op, Node *l,
                                const char *ls, Node *r, const char *rs) {
  const char *sym = operator_names[op];
  if (op == OP_IS || op == OP_ISNOT || op == OP_IN || op == OP_NOTIN)
    cg_unsupported(g, at, fmt(g, "'%s'", sym));
  bool lf = is_kind(l, TY_FLOAT) || is_kind(l, TY_COMPLEX);
  bool rf = is_kind(r, TY_FLOAT) || is_kind(r, TY_COMPLEX);
  if (is_kind(l, TY_INT) && rf)
    return compare_int_mixed(g, at, op, ls, r, rs);
  if (is_kind(r, TY_INT) && lf)
    return compare_int_mixed(g, at, (Operator)(OP_EQ + pym_cmp_swapped(
                                                           op - OP_EQ)),
                             rs, l, ls);
  if (is_kind(l, TY_COMPLEX) || is_kind(r, TY_COMPLEX)) {
    if (op != OP_EQ && op != OP_NOTEQ)
      cg_unsupported(g, at, "ordering complex numbers");
    return fmt(g, "(%spy_complex_eq(%s, %s))", op == OP_EQ ? "" : "!", ls,
               rs);
  }
  if (is_kind(l, TY_LIST) || is_kind(r, TY_LIST))
    cg_unsupported(g, at, "comparing lists");
  const char *safe = float_compare_helper(op);
  if (safe && is_kind(l, TY_FLOAT) && is_kind(r, TY_FLOAT) &&
      l->kind != ND_CONSTANT && r->kind != ND_CONSTANT)
    return fmt(g, "%s(%s, %s)", safe, ls, rs);
  return fmt(g, "(%s %s %s)", ls, sym, rs);
}

// The C target's chain from link k on, l (text ls) on its left: each
// link a statement expression `({ T c = right; left OP c && rest; })`.
static const char *compare_chain(CudaGen *g, Node *e, int k, Node *l,
                                 const char *ls) {
  Node *r = e->comparators.data[k];
  const char *t = cg_new_temp(g, "c");
  const char *link = compare_pair(g, e, (Operator)(intptr_t)e->ops.data[k],
                                  l, ls, r, t);
  const char *rest = k + 1 < e->comparators.len
                         ? fmt(g, " && %s", compare_chain(g, e, k + 1, r, t))
                         : "";
  return fmt(g, "({ %s %s = %s; %s%s; })", cg_c_type(g, r, r->ty), t,
             cg_expr(g, r), link, rest);
}

// A comparison operand: abs(z) against a float becomes py_complex_abs_cmp.
static const char *compare(CudaGen *g, Node *e) {
  Node *first = e->comparators.data[0];
  if (e->comparators.len == 1 && is_complex_abs(e->left) &&
      is_kind(first, TY_FLOAT)) {
    Node *z = e->left->args.data[0];
    const char *args = fmt(g, "%s, %s", cg_expr(g, z), cg_expr(g, first));
    return fmt(g, "(%s %s 0)", cg_raising(g, e, "py_complex_abs_cmp", args),
               operator_names[(intptr_t)e->ops.data[0]]);
  }
  Node *l = e->left;
  if (e->comparators.len == 1) {
    Operands o = {0};
    cg_operand(g, &o, l);
    cg_operand(g, &o, first);
    const char *decl = cg_needs_order(&o) ? cg_order_operands(g, &o) : NULL;
    const char *c = compare_pair(g, e, (Operator)(intptr_t)e->ops.data[0],
                                 l, o.val[0], first, o.val[1]);
    return decl ? cg_in_order(g, "bool", decl, c) : c;
  }
  const char *ls = cg_expr(g, l);
  // a < b < c: each middle operand evaluated once, and the chain stops at
  // the first false link, as Python's does
  if (g->host)
    return compare_chain(g, e, 0, l, ls);
  const char *body = "";
  for (int k = 0; k < e->comparators.len; k++) {
    Node *r = e->comparators.data[k];
    const char *t = cg_new_temp(g, "c");
    body = fmt(g, "%s %s %s = %s; if (!%s) return false;", body,
               cg_c_type(g, r, r->ty), t, cg_expr(g, r),
               compare_pair(g, e, (Operator)(intptr_t)e->ops.data[k], l, ls,
                            r, t));
    l = r;
    ls = t;
  }
  return fmt(g, "[&]() -> bool {%s return true; }()", body);
}

static const char *ifexp(CudaGen *g, Node *e) {
  return fmt(g, "(%s ? %s : %s)", cg_truth(g, e->test),
             cg_expr(g, e->body_expr), cg_expr(g, e->orelse_expr));
}

// xs[i] on a list: the element, its index checked (and negative indices
// counted from the end).
const char *cg_element(CudaGen *g, Node *e, CudaError msg) {
  if (!is_kind(e->value, TY_LIST))
    cg_unsupported(g, e, "indexing this value");
  if (g->grid_i && cg_is_result_store(g, e))
    cg_unsupported(g, e, "reading the result list back");
  Operands o = {0};
  cg_operand(g, &o, e->value);
  cg_operand(g, &o, e->index);
  g->raises = true;
  const char *decl = cg_needs_order(&o) ? cg_order_operands(g, &o) : NULL;
  if (g->host) {  // the element's address, so that stores go through it
    const char *at = fmt(g, "%s(ts, %s, %s, %s, %d)",
                         cg_list_fn(g, e, e->value->ty, "item"), o.val[0],
                         o.val[1], cg_error_name(msg), e->line);
    return fmt(g, "(*%s)", decl ? cg_in_order(g, "", decl, at) : at);
  }
  const char *item = fmt(g, "py_item(ts, %s, %s, %s, %d)", o.val[0],
                         o.val[1], cg_error_name(msg), e->line);
  if (!decl)
    return item;
  return cg_in_order(g, fmt(g, "%s &", cg_storage_type(g, e, e->ty)), decl,
                     item);
}

// t[k] of a tuple: k is a constant (infer.c checked its range).
static const char *tuple_item(CudaGen *g, Node *e) {
  const Type *t = e->value->ty;
  Node *k = e->index;
  if (k->kind != ND_CONSTANT || k->cval.kind != CONST_INT ||
      k->cval.ival < -t->nitems || k->cval.ival >= t->nitems)
    cg_unsupported(g, e, "a tuple index that is not a constant in range");
  int i = (int)(k->cval.ival < 0 ? k->cval.ival + t->nitems : k->cval.ival);
  return cg_convert_to(g, e, fmt(g, "%s.v%d", cg_expr(g, e->value), i),
                       t->items[i], e->ty);
}

// (a, b): the tuple, its items evaluated in order (a braced list; in C,
// which orders no braced list, a compound literal of ordered operands).
static const char *tuple_display(CudaGen *g, Node *e) {
  if (g->host) {
    Operands o = {0};
    for (int k = 0; k < e->elts.len; k++)
      cg_operand(g, &o, e->elts.data[k]);
    const char *decl = cg_needs_order(&o) ? cg_order_operands(g, &o) : NULL;
    const char *items = "";
    for (int k = 0; k < e->elts.len; k++) {
      Node *x = e->elts.data[k];
      items = fmt(g, "%s%s%s", items, k ? ", " : "",
                  cg_convert_to(g, x, o.val[k], x->ty, e->ty->items[k]));
    }
    const char *t = cg_c_type(g, e, e->ty);
    const char *lit = fmt(g, "(%s){%s}", t, items);
    return decl ? cg_in_order(g, t, decl, lit) : lit;
  }
  const char *items = "";
  for (int k = 0; k < e->elts.len; k++) {
    Node *x = e->elts.data[k];
    items = fmt(g, "%s%s%s", items, k ? ", " : "",
                cg_convert_to(g, x, cg_expr(g, x), x->ty, e->ty->items[k]));
  }
  return fmt(g, "%s{%s}", cg_c_type(g, e, e->ty), items);
}

static const char *subscript(CudaGen *g, Node *e) {
  if (is_kind(e->value, TY_TUPLE))
    return tuple_item(g, e);
  const char *s = cg_element(g, e, PY_ERR_INDEX_);
  return is_kind(e, TY_COMPLEX) ? fmt(g, "py_complex_load(%s)", s) : s;
}

static const char *attribute(CudaGen *g, Node *e) {
  if (e->value && e->value->kind == ND_NAME && !e->value->var) {
    if (!strcmp(e->name, "pi"))
      return float_literal(g, 3.141592653589793);
    if (!strcmp(e->name, "e"))
      return float_literal(g, 2.718281828459045);
    if (!strcmp(e->name, "tau"))
      return float_literal(g, 6.283185307179586);
    if (!strcmp(e->name, "inf"))
      return "(pyfloat)pym_inf()";
    if (!strcmp(e->name, "nan"))
      return "(pyfloat)pym_nan()";
  }
  const char *v = cg_expr(g, e->value);
  bool real = !strcmp(e->name, "real"), imag = !strcmp(e->name, "imag");
  if (is_kind(e->value, TY_COMPLEX) && (real || imag))
    return fmt(g, "%s.%s", v, real ? "re" : "im");
  if (real)
    return v;
  if (imag)
    return "(pyfloat)0";
  cg_unsupported(g, e, fmt(g, "the attribute '%s'", e->name));
}

static const char *convert(CudaGen *g, Node *e) {
  Node *v = e->value;
  const char *s = cg_expr(g, v);
  switch (e->ty->kind) {
  case TY_INT:
    return fmt(g, "(long long)%s", s);
  case TY_FLOAT:
    return fmt(g, "(pyfloat)%s", s);
  case TY_COMPLEX:
    if (is_kind(v, TY_COMPLEX))
      return s;
    return fmt(g, "py_complex((pyfloat)%s, 0)", s);
  case TY_BOOL:
    return cg_truth(g, v);
  default:
    if (type_equal(e->ty, v->ty))
      return s;
    cg_unsupported(g, e, fmt(g, "converting %s to %s", type_name(g->a, v->ty),
                             type_name(g->a, e->ty)));
  }
}

static const char *name(CudaGen *g, Node *e) {
  Var *v = e->var;
  if (!v)
    cg_unsupported(g, e, fmt(g, "the name '%s' here", e->name));
  if (v->kind == VAR_CONST) {
    if (v->ty->kind == TY_LIST)
      return fmt(g, "(&%s)", cg_const_list_name(g, v));
    return fmt(g, "(%s)", cg_expr(g, v->value));
  }
  // CPython's message names the variable, and the GPU's error key carries
  // only a message number, so the GPU could not say UnboundLocalError's
  if (e->maybe_unbound && g->host)
    return c_unbound_check(g, e, cg_var_name(g, v));
  if (e->maybe_unbound)
    cg_unsupported(g, e, fmt(g, "reading '%s' where it may be unassigned "
                             "(UnboundLocalError)", v->name));
  return cg_var_name(g, v);
}

const char *cg_expr(CudaGen *g, Node *e) {
  switch (e->kind) {
  case ND_BOOLOP: return boolop(g, e);
  case ND_BINOP: return cg_binop(g, e);
  case ND_UNARYOP: return unaryop(g, e);
  case ND_IFEXP: return ifexp(g, e);
  case ND_LISTCOMP: return cg_listcomp(g, e);
  case ND_COMPARE: return compare(g, e);
  case ND_CALL: return cg_call(g, e);
  case ND_CONSTANT: return constant(g, e);
  case ND_ATTRIBUTE: return attribute(g, e);
  case ND_SUBSCRIPT: return subscript(g, e);
  case ND_NAME: return name(g, e);
  case ND_LIST: return cg_list_literal(g, e);
  case ND_TUPLE: return tuple_display(g, e);
  case ND_CONVERT: return convert(g, e);
  default:
    cg_unsupported(g, e, fmt(g, "a %s expression", node_kind_names[e->kind]));
  }
}
