// cuda_call.c - lists made on the device, builtins and calls.
//
// Lists live in the thread's heap (py_list_new, freed with the thread by
// py_free_all); a list literal or comprehension is a C++ lambda that
// allocates and fills one, so it stays an expression. A builtin becomes
// inline C where CPython's result is one IEEE operation (fabs, a cast)
// and otherwise a prelude helper with CPython's algorithm and errors;
// math functions whose CUDA libm results may differ from glibc's are
// refused in float64 (cg_require_inexact_libm), but for exp, log, log2,
// log10, pow, sin, cos, atan, atan2, sinh, cosh and tanh: glibc's own code
// on the device (pymath_libm.h). User
// functions are the __device__ def_NAME, called with ts first; recursive
// ones count their depth (py_enter/py_leave) as the CPU's rt_enter_call
// does.
#include "cuda_gen.h"

// ---- lists made on the device -----------------------------------------------

// A value as a list stores it (complex numbers as doubles).
static const char *to_storage(CudaGen *g, const Type *t, const char *v) {
  return t->kind == TY_COMPLEX ? fmt(g, "py_complex_store(%s)", v) : v;
}

// [a, b, c]: allocated, then filled in order.
const char *cg_list_literal(CudaGen *g, Node *e) {
  const char *type = cg_c_type(g, e, e->ty);
  const char *elem = cg_storage_type(g, e, e->ty->elem);
  const char *fill = "";
  for (int k = 0; k < e->elts.len; k++) {
    Node *v = e->elts.data[k];
    fill = fmt(g, "%s l->data[%d] = %s;", fill, k,
               to_storage(g, e->ty->elem, cg_expr(g, v)));
  }
  g->raises = true;
  if (g->host)
    return fmt(g, "({ %s l = %s(ts, %d, %d); if (l) {%s } l; })", type,
               cg_list_fn(g, e, e->ty, "new"), e->elts.len, e->line, fill);
  return fmt(g, "[&]() -> %s { %s l = py_list_new<%s>(ts, %d, %d); "
             "if (l) {%s } return l; }()", type, type, elem, e->elts.len,
             e->line, fill);
}

// One `for target in iter` of a comprehension, opened as C text; the
// caller closes its brace.
static const char *generator_loop(CudaGen *g, Node *gen) {
  Node *t = gen->target;
  if (t->kind != ND_NAME || !t->var)
    cg_unsupported(g, t, "unpacking in a comprehension");
  const char *name = cg_var_name(g, t->var), *k = cg_new_temp(g, "k");
  Node *it = gen->iter;
  if (gen->range_loop) {
    int n = it->args.len;
    const char *start = n >= 2 ? cg_expr(g, arg(it, 0)) : "0LL";
    const char *stop = cg_expr(g, arg(it, n >= 2 ? 1 : 0));
    const char *step = n == 3 ? cg_expr(g, arg(it, 2)) : "1LL";
    const char *c = cg_new_temp(g, "count");
    g->raises = true;
    return fmt(g, "long long %s_start = %s, %s_step = %s; long long %s = "
               "py_range_len(ts, %s_start, %s, %s_step, %d); "
               "for (long long %s = 0; %s < %s && !ts->raised; %s++) { "
               "%s = %s_start + %s * %s_step;", k, start, k, step, c, k,
               stop, k, gen->line, k, k, c, k, name, k, k, k);
  }
  if (!is_kind(it, TY_LIST))
    cg_unsupported(g, it, "this comprehension");
  const char *l = cg_new_temp(g, "list");
  return fmt(g, "%s %s = %s; for (long long %s = 0; %s && %s < %s->len; "
             "%s++) { %s = %s%s->data[%s]%s;", cg_c_type(g, it, it->ty), l,
             cg_expr(g, it), k, l, k, l, k, name,
             is_kind(t, TY_COMPLEX) ? "py_complex_load(" : "", l, k,
             is_kind(t, TY_COMPLEX) ? ")" : "");
}

// [elt for x in xs if cond]: appended to a new list in a lambda.
const char *cg_listcomp(CudaGen *g, Node *e) {
  const char *type = cg_c_type(g, e, e->ty);
  const char *elem = cg_storage_type(g, e, e->ty->elem);
  const char *body = "", *close = "";
  for (int k = 0; k < e->generators.len; k++) {
    Node *gen = e->generators.data[k];
    body = fmt(g, "%s %s", body, generator_loop(g, gen));
    close = fmt(g, "%s }", close);
    for (int n = 0; n < gen->ifs.len; n++) {
      body = fmt(g, "%s if (%s) {", body, cg_truth(g, gen->ifs.data[n]));
      close = fmt(g, "%s }", close);
    }
  }
  g->raises = true;
  if (g->host)
    return fmt(g, "({ %s r = %s(ts, 0, %d);%s %s(ts, r, %s, %d);%s r; })",
               type, cg_list_fn(g, e, e->ty, "new"), e->line, body,
               cg_list_fn(g, e, e->ty, "append"),
               to_storage(g, e->ty->elem, cg_expr(g, e->elt)), e->line,
               close);
  return fmt(g, "[&]() -> %s { %s r = py_list_new<%s>(ts, 0, %d);%s "
             "py_list_append<%s>(ts, r, %s, %d);%s return r; }()", type,
             type, elem, e->line, body, elem,
             to_storage(g, e->ty->elem, cg_expr(g, e->elt)), e->line, close);
}

static const char *append(CudaGen *g, Node *e) {
  Node *l = e->func->value;
  const char *elem = cg_storage_type(g, e, l->ty->elem);
  Operands o = {0};
  cg_operand(g, &o, l);
  cg_operand(g, &o, arg(e, 0));
  const char *decl = cg_needs_order(&o) ? cg_order_operands(g, &o) : NULL;
  g->raises = true;
  const char *c = fmt(g, "%s(ts, %s, %s, %d)",
                      g->host ? cg_list_fn(g, e, l->ty, "append")
                              : fmt(g, "py_list_append<%s>", elem),
                      o.val[0], to_storage(g, l->ty->elem, o.val[1]),
                      e->line);
  return decl ? cg_in_order(g, "void", decl, c) : c;
}

// sum, min and max of a list of numbers.
static const char *list_reduce(CudaGen *g, Node *e) {
  Node *l = arg(e, 0);
  TypeKind k = l->ty->elem->kind;
  if (k != TY_INT && k != TY_FLOAT)
    cg_unsupported(g, e, fmt(g, "%s() of %s", builtin_names[e->builtin],
                             type_name(g->a, l->ty)));
  g->raises = true;
  if (g->host)
    return fmt(g, "%s(ts, %s, %s%d)",
               cg_list_fn(g, e, l->ty, e->builtin == BI_SUM ? "sum"
                                                             : "min_max"),
               cg_expr(g, l), e->builtin == BI_SUM ? ""
                              : e->builtin == BI_MIN ? "true, " : "false, ",
               e->line);
  if (e->builtin == BI_SUM)
    return fmt(g, "py_list_sum(ts, %s, %d)", cg_expr(g, l), e->line);
  return fmt(g, "py_list_min_max<%s>(ts, %s, %s, %d)",
             cg_storage_type(g, e, l->ty->elem), cg_expr(g, l),
             e->builtin == BI_MIN ? "true" : "false", e->line);
}

// min(a, b, ...) / max(...) over numbers: a left fold that keeps the first
// of equal values, as Python's min and max do.
static const char *min_max(CudaGen *g, Node *e) {
  bool is_min = e->builtin == BI_MIN;
  if (e->args.len < 2 || is_kind(arg(e, 0), TY_LIST))
    cg_unsupported(g, e, fmt(g, "%s of a list", is_min ? "min" : "max"));
  const char *fn = fmt(g, "py_%s_%s", is_min ? "min" : "max",
                       is_kind(e, TY_INT) ? "int" : "float");
  if (!is_kind(e, TY_INT) && !is_kind(e, TY_FLOAT))
    cg_unsupported(g, e, fmt(g, "%s of %s", is_min ? "min" : "max",
                             type_name(g->a, e->ty)));
  const char *s = cg_expr(g, arg(e, 0));
  for (int k = 1; k < e->args.len; k++)
    s = fmt(g, "%s(%s, %s)", fn, s, cg_expr(g, arg(e, k)));
  return s;
}

static const char *abs_call(CudaGen *g, Node *e) {
  Node *x = arg(e, 0);
  if (is_kind(x, TY_INT))
    return cg_raising(g, e, "py_int_abs", cg_expr(g, x));
  if (is_kind(x, TY_FLOAT))
    return fmt(g, "fabs(%s)", cg_expr(g, x));
  if (is_kind(x, TY_COMPLEX))
    return cg_raising(g, e, "py_complex_abs", cg_expr(g, x));
  cg_unsupported(g, e, "abs of this value");
}

// round(x, n) with n a constant from -22 to 22: the prelude's exact
// integer algorithms (glibc's printf and strtod, which CPython's digits
// match, are not on the GPU).
static const char *round_ndigits(CudaGen *g, Node *e) {
  Node *n = arg(e, 1);
  int64_t sign = 1;
  while (n->kind == ND_CONVERT ||
         (n->kind == ND_UNARYOP && (n->op == OP_USUB || n->op == OP_UADD))) {
    if (n->kind == ND_UNARYOP && n->op == OP_USUB)
      sign = -sign;
    n = n->value ? n->value : n->left;
  }
  int64_t nd = n->kind == ND_CONSTANT && n->cval.kind == CONST_INT
                   ? sign * n->cval.ival : INT64_MAX;
  if (nd < -22 || nd > 22)
    cg_unsupported(g, e, "round(x, n) with n other than a constant from -22 "
                   "to 22");
  if (nd < 0)  // to tens, hundreds, ...
    return fmt(g, "py_float_round_tens(%s, %lldLL)", cg_expr(g, arg(e, 0)),
               (long long)-nd);
  return fmt(g, "py_float_round_ndigits(%s, %lldLL)", cg_expr(g, arg(e, 0)),
             (long long)nd);
}

// divmod(a, b) of ints or floats, a before b.
static const char *divmod_call(CudaGen *g, Node *e) {
  Node *a = arg(e, 0);
  if (!is_kind(a, TY_INT) && !is_kind(a, TY_FLOAT))
    cg_unsupported(g, e, fmt(g, "divmod() of %s", type_name(g->a, a->ty)));
  Operands o = {0};
  cg_operand(g, &o, a);
  cg_operand(g, &o, arg(e, 1));
  const char *decl = cg_needs_order(&o) ? cg_order_operands(g, &o) : NULL;
  const char *c = cg_raising(g, e, is_kind(a, TY_INT) ? "py_int_divmod"
                                                      : "py_float_divmod",
                             fmt(g, "%s, %s", o.val[0], o.val[1]));
  return decl ? cg_in_order(g, cg_c_type(g, e, e->ty), decl, c) : c;
}

// int(x), float(x), complex(re, im), bool(x), round(x)
static const char *constructor(CudaGen *g, Node *e) {
  Node *x = e->args.len > 0 ? arg(e, 0) : NULL;
  switch (e->builtin) {
  case BI_INT:
    if (!x)
      return "0LL";
    if (is_kind(x, TY_FLOAT))
      return cg_raising(g, e, "py_float_to_int", cg_expr(g, x));
    return fmt(g, "(long long)%s", cg_expr(g, x));
  case BI_FLOAT:
    return x ? fmt(g, "(pyfloat)%s", cg_expr(g, x)) : "(pyfloat)0";
  case BI_BOOL:
    return x ? cg_truth(g, x) : "false";
  case BI_COMPLEX:
    if (!x)
      return "py_complex(0, 0)";
    if (e->args.len == 1 && is_kind(x, TY_COMPLEX))
      return cg_expr(g, x);
    if (e->args.len == 1)
      return fmt(g, "py_complex((pyfloat)%s, 0)", cg_expr(g, x));
    if (is_kind(x, TY_COMPLEX) || is_kind(arg(e, 1), TY_COMPLEX))
      cg_unsupported(g, e, "complex() of complex parts");
    return fmt(g, "py_complex((pyfloat)%s, (pyfloat)%s)", cg_expr(g, x),
               cg_expr(g, arg(e, 1)));
  case BI_ROUND:
    if (e->args.len == 2 && is_kind(x, TY_FLOAT))
      return round_ndigits(g, e);
    if (e->args.len == 1 && is_kind(x, TY_INT))  // round(n) is n itself
      return cg_expr(g, x);
    if (e->args.len != 1 || !is_kind(x, TY_FLOAT))
      cg_unsupported(g, e, "round() of this value");
    return cg_raising(g, e, "py_float_round_int", cg_expr(g, x));
  default:
    unreachable();
  }
}

// math.f(x) for the functions with CPython's math_1 error rules.
static const char *math_call(CudaGen *g, Node *e) {
  switch (e->builtin) {
  case BI_MATH_EXP: case BI_MATH_LOG: case BI_MATH_POW: case BI_MATH_SIN:
  case BI_MATH_COS: case BI_MATH_ATAN: case BI_MATH_ATAN2: case BI_MATH_LOG2:
  case BI_MATH_LOG10: case BI_MATH_SINH: case BI_MATH_COSH: case BI_MATH_TANH:
    if (!cg_libm_is_glibc())  // else glibc's own (pymath_libm.h)
      cg_require_inexact_libm(g, e, builtin_names[e->builtin]);
    break;
  case BI_MATH_TAN: case BI_MATH_ASIN: case BI_MATH_ACOS:
    cg_require_inexact_libm(g, e, builtin_names[e->builtin]);
    break;
  default:
    break;
  }
  const char *x = e->args.len > 0 ? cg_expr(g, arg(e, 0)) : "";
  const char *y = e->args.len > 1 ? cg_expr(g, arg(e, 1)) : "";
  const char *xy = fmt(g, "%s, %s", x, y);
  switch (e->builtin) {
  case BI_MATH_SQRT: return cg_raising(g, e, "py_math_sqrt", x);
  case BI_MATH_EXP: return cg_raising(g, e, "py_math_exp", x);
  case BI_MATH_LOG:
    if (e->args.len == 2)
      return cg_raising(g, e, "py_math_log_base", xy);
    return cg_raising(g, e, "py_math_log", x);
  case BI_MATH_LOG2: return cg_raising(g, e, "py_math_log2", x);
  case BI_MATH_LOG10: return cg_raising(g, e, "py_math_log10", x);
  case BI_MATH_SIN: return cg_raising(g, e, "py_math_sin", x);
  case BI_MATH_COS: return cg_raising(g, e, "py_math_cos", x);
  case BI_MATH_TAN: return cg_raising(g, e, "py_math_tan", x);
  case BI_MATH_ASIN: return cg_raising(g, e, "py_math_asin", x);
  case BI_MATH_ACOS: return cg_raising(g, e, "py_math_acos", x);
  case BI_MATH_ATAN: return cg_raising(g, e, "py_math_atan", x);
  case BI_MATH_ATAN2: return fmt(g, "py_math_atan2(%s)", xy);
  case BI_MATH_SINH: return cg_raising(g, e, "py_math_sinh", x);
  case BI_MATH_COSH: return cg_raising(g, e, "py_math_cosh", x);
  case BI_MATH_TANH: return cg_raising(g, e, "py_math_tanh", x);
  case BI_MATH_HYPOT: return fmt(g, "py_math_hypot(%s)", xy);
  case BI_MATH_FLOOR:
    if (is_kind(arg(e, 0), TY_INT))
      return x;
    return cg_raising(g, e, "py_math_floor", x);
  case BI_MATH_CEIL:
    if (is_kind(arg(e, 0), TY_INT))
      return x;
    return cg_raising(g, e, "py_math_ceil", x);
  case BI_MATH_TRUNC:
    if (is_kind(arg(e, 0), TY_INT))
      return x;
    return cg_raising(g, e, "py_float_to_int", x);
  case BI_MATH_FABS: return fmt(g, "fabs((double)%s)", x);
  case BI_MATH_POW: return cg_raising(g, e, "py_math_pow", xy);
  case BI_MATH_FMOD: return cg_raising(g, e, "py_math_fmod", xy);
  case BI_MATH_COPYSIGN:
    return fmt(g, "copysign((double)%s, (double)%s)", x, y);
  case BI_MATH_ISNAN: return fmt(g, "py_isnan(%s)", x);
  case BI_MATH_ISINF: return fmt(g, "py_isinf(%s)", x);
  case BI_MATH_ISFINITE: return fmt(g, "py_isfinite(%s)", x);
  case BI_MATH_DEGREES: return fmt(g, "py_math_degrees(%s)", x);
  case BI_MATH_RADIANS: return fmt(g, "py_math_radians(%s)", x);
  default: unreachable();
  }
}

// A zero of a C type, for the branch of a call that was not made.
static const char *zero_of(CudaGen *g, const Node *at, const Type *t) {
  switch (t->kind) {
  case TY_BOOL: return "false";
  case TY_INT: return "0LL";
  case TY_FLOAT: return "(pyfloat)0";
  case TY_COMPLEX: return "py_complex(0, 0)";
  case TY_TUPLE: return fmt(g, "%s{}", cg_c_type(g, at, t));
  default: return fmt(g, "%s()", cg_c_type(g, at, t) + strlen("struct "));
  }
}

// Calls of recursive functions count the depth, and raise RecursionError
// at the call past RT_MAX_RECURSION deep, as the CPU's rt_enter_call.
static const char *user_call(CudaGen *g, Node *e) {
  Func *f = e->callee;
  if (e->keywords.len > 0)
    cg_unsupported(g, e, "calling with keyword arguments");
  Operands o = {0};
  for (int k = 0; k < e->args.len; k++)
    cg_operand(g, &o, arg(e, k));
  const char *decl = cg_needs_order(&o) ? cg_order_operands(g, &o) : NULL;
  const char *args = "ts";
  for (int k = 0; k < e->args.len; k++)
    args = fmt(g, "%s, %s", args,
               k < MAX_ORDERED ? o.val[k] : cg_expr(g, arg(e, k)));
  g->raises = true;
  const char *c = fmt(g, "%s(%s)", cg_func_name(g, f), args);
  if (g->host && f->recursive) {  // py_leave(ts, v) is a C++ template
    const char *t = cg_new_temp(g, "r");
    if (f->ret->kind == TY_NONE)
      c = fmt(g, "({ if (py_enter(ts, %d)) { %s; py_leave(ts); } })",
              e->line, c);
    else
      c = fmt(g, "({ %s %s = %s; if (py_enter(ts, %d)) { %s = %s; "
              "py_leave(ts); } %s; })", cg_c_type(g, e, f->ret), t,
              cg_zero(g, e, f->ret), e->line, t, c, t);
    return decl ? cg_in_order(g, cg_c_type(g, e, f->ret), decl, c) : c;
  }
  if (f->recursive && f->ret->kind == TY_NONE)
    c = fmt(g, "(py_enter(ts, %d) ? (%s, py_leave(ts)) : (void)0)", e->line,
            c);
  else if (f->recursive)
    c = fmt(g, "(py_enter(ts, %d) ? py_leave(ts, %s) : %s)", e->line, c,
            zero_of(g, e, f->ret));
  return decl ? cg_in_order(g, cg_c_type(g, e, f->ret), decl, c) : c;
}

const char *cg_call(CudaGen *g, Node *e) {
  if (e->callee)
    return user_call(g, e);
  switch (e->builtin) {
  case BI_ABS:
    return abs_call(g, e);
  case BI_LEN:
    return fmt(g, "%s->len", cg_expr(g, arg(e, 0)));
  case BI_MIN:
  case BI_MAX:
    if (e->args.len == 1 && is_kind(arg(e, 0), TY_LIST))
      return list_reduce(g, e);
    return min_max(g, e);
  case BI_SUM:
    if (e->args.len == 1 && is_kind(arg(e, 0), TY_LIST))
      return list_reduce(g, e);
    cg_unsupported(g, e, "sum() of this value");
  case BI_APPEND:
    return append(g, e);
  case BI_INT:
  case BI_FLOAT:
  case BI_COMPLEX:
  case BI_BOOL:
  case BI_ROUND:
    return constructor(g, e);
  case BI_POW: {
    if (e->args.len != 2)
      cg_unsupported(g, e, "pow() with a modulus");
    Node fake = *e;
    fake.kind = ND_BINOP;
    fake.op = OP_POW;
    fake.left = arg(e, 0);
    fake.right = arg(e, 1);
    return cg_binop(g, &fake);
  }
  case BI_CONJUGATE:
    return fmt(g, "py_complex_conj(%s)", cg_expr(g, e->func->value));
  case BI_BIT_LENGTH:
    return fmt(g, "py_bit_length((long long)(%s))",
               cg_expr(g, e->func->value));
  case BI_DIVMOD:
    return divmod_call(g, e);
  case BI_PRINT:
    cg_unsupported(g, e, "print() as a value");
  default:
    if (e->builtin >= BI_MATH_SQRT)
      return math_call(g, e);
    cg_unsupported(g, e, fmt(g, "%s()", builtin_names[e->builtin]));
  }
}
