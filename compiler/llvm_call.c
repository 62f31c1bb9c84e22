// llvm_call.c - calls: builtins, math functions, print and user functions.
//
// A builtin lowers inline when CPython's result is one IEEE operation or a
// short exact sequence (abs, min/max, int() of a float, complex()), and
// otherwise calls runtime/pymath.c with the kernel.py line, so domain errors
// carry CPython's message. User functions are called with rtabi.h's
// convention, recursive ones bracketed by rt_enter_call/rt_leave_call.
#include "llvm_lower.h"

// ---- calls ------------------------------------------------------------------

// Python's int() of a float (also after floor/ceil/trunc): exact in the
// int64 range; outside it, or for nan and inf, rt_float_to_int raises
// CPython's ValueError/OverflowError.
static LLVMValueRef float_to_int(Lower *L, LLVMValueRef x, int line) {
  LLVMValueRef lo = fcmp(L, LLVMRealOGE, x, f64c(L, -0x1p63));
  LLVMValueRef hi = fcmp(L, LLVMRealOLT, x, f64c(L, 0x1p63));
  LLVMBasicBlockRef pre = LLVMGetInsertBlock(L->b);
  LLVMBasicBlockRef slow = new_block(L, "toint.slow");
  LLVMBasicBlockRef done = new_block(L, "toint.done");
  LLVMValueRef fast = LLVMBuildFPToSI(L->b, x, L->t_i64, "");
  ll_unlikely(
      L, LLVMBuildCondBr(L->b,
                         LLVMBuildNot(L->b, LLVMBuildAnd(L->b, lo, hi, ""), ""),
                         slow, done));
  move_to(L, slow);
  LLVMValueRef r = ll_rt(L, "rt_float_to_int", 3, L->fs->ctx, x, i32c(L, line));
  ll_check_exc(L);
  LLVMBasicBlockRef slow_end = LLVMGetInsertBlock(L->b);
  LLVMBuildBr(L->b, done);
  move_to(L, done);
  return ll_phi2(L, L->t_i64, fast, pre, r, slow_end);
}

static Node *arg_at(Node *n, int i) { return n->args.data[i]; }

static LLVMValueRef arg_as(Lower *L, Node *n, int i, const Type *t) {
  Node *a = arg_at(n, i);
  return ll_convert(L, ll_expr(L, a), a->ty, t);
}

static LLVMValueRef builtin_abs(Lower *L, Node *n) {
  Node *a = arg_at(n, 0);
  LLVMValueRef x = ll_expr(L, a);
  at(L, n);
  switch (kind_of(a->ty)) {
  case TY_FLOAT: return ll_intrinsic1(L, "llvm.fabs", x);
  case TY_COMPLEX: {
    // CPython's complex_abs: hypot, OverflowError when that overflows.
    LLVMValueRef r = ll_rt(L, "rt_complex_abs", 4, L->fs->ctx, re_of(L, x),
                           im_of(L, x), i32c(L, n->line));
    ll_check_exc(L);
    return r;
  }
  default: break;
  }
  x = ll_convert(L, x, a->ty, &ty_int);
  ll_check(L, icmp(L, LLVMIntEQ, x, i64c(L, INT64_MIN)), RT_EXC_OVERFLOW,
           n->line, MSG_INT_OVERFLOW);
  return LLVMBuildSelect(L->b, icmp(L, LLVMIntSLT, x, i64c(L, 0)),
                         LLVMBuildNeg(L->b, x, ""), x, "");
}

typedef struct {
  Operator op;      // OP_LT for min, OP_GT for max
  LLVMValueRef acc; // alloca of the best item so far
  Type *ty;
  const Node *n;
} MinMax;

// min/max keep the first extreme item: `if item < best: best = item`,
// exactly as CPython's min_max (so min(nan, 1) is nan, min(1, nan) is 1).
static LLVMValueRef better(Lower *L, MinMax *m, LLVMValueRef best,
                           LLVMValueRef item) {
  LLVMValueRef c = ll_compare_values(L, m->op, item, best, m->ty, m->n);
  return LLVMBuildSelect(L->b, c, item, best, "");
}

static void minmax_step(Lower *L, LLVMValueRef item, void *arg) {
  MinMax *m = arg;
  LLVMValueRef best = LLVMBuildLoad2(L->b, ll_type(L, m->ty), m->acc, "");
  LLVMBuildStore(L->b, better(L, m, best, item), m->acc);
}

static LLVMValueRef builtin_minmax(Lower *L, Node *n) {
  MinMax m = {.op = n->builtin == BI_MIN ? OP_LT : OP_GT, .ty = n->ty,
              .n = n};
  if (n->args.len >= 2) {
    LLVMValueRef *v = arena_alloc(L->a, sizeof *v * (size_t)n->args.len);
    for (int i = 0; i < n->args.len; i++)
      v[i] = arg_as(L, n, i, n->ty);
    at(L, n);
    LLVMValueRef best = v[0];
    for (int i = 1; i < n->args.len; i++)
      best = better(L, &m, best, v[i]);
    return best;
  }
  Iter it;
  ll_open_list(L, arg_at(n, 0), &it);
  at(L, n);
  ll_check(L, icmp(L, LLVMIntEQ, ll_list_len(L, it.list), i64c(L, 0)),
           RT_EXC_VALUE, n->line,
           n->builtin == BI_MIN ? "min() arg is an empty sequence"
                                : "max() arg is an empty sequence");
  m.acc = ll_entry_alloca(L, ll_type(L, n->ty), "best");
  LLVMValueRef first = ll_load_item(L, ll_list_data(L, it.list), it.elem);
  LLVMBuildStore(L->b, ll_convert(L, first, it.elem, n->ty), m.acc);
  ll_iterate(L, &it, NULL, minmax_step, &m, NULL);
  return LLVMBuildLoad2(L->b, ll_type(L, n->ty), m.acc, "");
}

typedef struct {
  LLVMValueRef acc;
  Type *ty, *elem;
  int line;
} Sum;

static void sum_step(Lower *L, LLVMValueRef item, void *arg) {
  Sum *s = arg;
  LLVMValueRef acc = LLVMBuildLoad2(L->b, ll_type(L, s->ty), s->acc, "");
  LLVMValueRef r =
      ll_arith(L, OP_ADD, acc, s->ty, item, s->elem, s->ty, s->line);
  LLVMBuildStore(L->b, r, s->acc);
}

// sum(list[, start]): CPython 3.11 adds left to right from start (0), in
// doubles for floats (no compensated summation; that came in 3.12), so
// sum([-0.0]) is 0.0.
static LLVMValueRef builtin_sum(Lower *L, Node *n) {
  Iter it;
  ll_open_list(L, arg_at(n, 0), &it);
  LLVMValueRef start = n->args.len > 1 ? arg_as(L, n, 1, n->ty)
                                       : ll_zero_of(L, n->ty);
  at(L, n);
  Sum s = {.ty = n->ty, .elem = it.elem, .line = n->line};
  s.acc = ll_entry_alloca(L, ll_type(L, n->ty), "sum");
  LLVMBuildStore(L->b, start, s.acc);
  ll_iterate(L, &it, NULL, sum_step, &s, NULL);
  return LLVMBuildLoad2(L->b, ll_type(L, n->ty), s.acc, "");
}

static LLVMValueRef builtin_int(Lower *L, Node *n) {
  Node *a = arg_at(n, 0);
  LLVMValueRef x = ll_expr(L, a);
  at(L, n);
  if (kind_of(a->ty) == TY_FLOAT)
    return float_to_int(L, ll_intrinsic1(L, "llvm.trunc", x), n->line);
  return ll_convert(L, x, a->ty, &ty_int);
}

// complex(re, im) as CPython's complex_new: with real arguments the parts
// are taken as they are; a complex argument contributes its other part.
static LLVMValueRef builtin_complex(Lower *L, Node *n) {
  if (n->args.len == 0)
    return ll_zero_of(L, &ty_complex);
  Node *a = arg_at(n, 0);
  LLVMValueRef x = ll_expr(L, a);
  if (n->args.len == 1)
    return ll_convert(L, x, a->ty, &ty_complex);
  Node *b = arg_at(n, 1);
  LLVMValueRef y = ll_expr(L, b);
  at(L, n);
  LLVMValueRef re, im;
  if (kind_of(a->ty) == TY_COMPLEX) {
    re = re_of(L, x);
  } else {
    re = ll_convert(L, x, a->ty, &ty_float);
  }
  if (kind_of(b->ty) == TY_COMPLEX) {
    re = fsub(L, re, im_of(L, y));
    im = re_of(L, y);
  } else {
    im = ll_convert(L, y, b->ty, &ty_float);
  }
  if (kind_of(a->ty) == TY_COMPLEX)
    im = fadd(L, im, im_of(L, x));
  return cplx(L, re, im);
}

static LLVMValueRef builtin_round(Lower *L, Node *n) {
  Node *a = arg_at(n, 0);
  LLVMValueRef x = ll_expr(L, a);
  LLVMValueRef nd = n->args.len > 1 ? arg_as(L, n, 1, &ty_int) : NULL;
  at(L, n);
  if (kind_of(a->ty) != TY_FLOAT) {
    if (nd)
      diag_error_node(L->d, n, "round() of an int with ndigits is not "
                      "supported");
    return ll_convert(L, x, a->ty, &ty_int);
  }
  LLVMValueRef r =
      nd ? ll_rt(L, "rt_float_round", 4, L->fs->ctx, x, nd, i32c(L, n->line))
         : ll_rt(L, "rt_float_round_int", 3, L->fs->ctx, x, i32c(L, n->line));
  ll_check_exc(L);
  return r;
}

// divmod(a, b) as a tuple (a // b, a % b).
static LLVMValueRef builtin_divmod(Lower *L, Node *n) {
  Node *a = arg_at(n, 0), *b = arg_at(n, 1);
  Type *t = ll_wider(a->ty, b->ty);
  if (kind_of(t) < TY_INT)
    t = &ty_int;
  LLVMValueRef x = ll_convert(L, ll_expr(L, a), a->ty, t);
  LLVMValueRef y = ll_convert(L, ll_expr(L, b), b->ty, t);
  at(L, n);
  LLVMValueRef q, r;
  if (kind_of(t) == TY_INT) {
    ll_check_int_divisor(L, x, y, n->line, MSG_FLOORDIV_ZERO);
    ll_int_divmod(L, x, y, &q, &r);
  } else if (kind_of(t) == TY_FLOAT) {
    ll_check(L, fcmp(L, LLVMRealOEQ, y, f64c(L, 0.0)), RT_EXC_ZERO_DIVISION,
             n->line, MSG_FLOAT_DIVMOD_ZERO);
    q = ll_float_helper(L, "rt_float_floordiv", x, y, n->line);
    r = ll_float_helper(L, "rt_float_mod", x, y, n->line);
  } else {
    diag_error_node(L->d, n, "divmod() of %s is not supported",
                    type_name(L->a, t));
  }
  LLVMTypeRef pair[2] = {LLVMTypeOf(q), LLVMTypeOf(r)};
  LLVMValueRef v = LLVMGetPoison(LLVMStructTypeInContext(L->c, pair, 2, 0));
  v = LLVMBuildInsertValue(L->b, v, q, 0, "");
  return LLVMBuildInsertValue(L->b, v, r, 1, "");
}

// How pyprint.c learns a list's element type: its TypeKind, with a
// nested list's own code in the bits above the low four.
static int32_t kind_code(const Type *elem) {
  if (kind_of(elem) == TY_LIST)
    return TY_LIST | kind_code(elem->elem) << 4;
  return (int32_t)kind_of(elem);
}

static void print_value(Lower *L, LLVMValueRef v, const Type *t,
                        const Node *n) {
  LLVMValueRef ctx = L->fs->ctx;
  switch (kind_of(t)) {
  case TY_NONE: ll_rt(L, "rt_print_none", 1, ctx); return;
  case TY_BOOL:
    ll_rt(L, "rt_print_bool", 2, ctx, LLVMBuildZExt(L->b, v, L->t_i8, ""));
    return;
  case TY_INT: ll_rt(L, "rt_print_int", 2, ctx, v); return;
  case TY_FLOAT: ll_rt(L, "rt_print_float", 2, ctx, v); return;
  case TY_COMPLEX:
    ll_rt(L, "rt_print_complex", 3, ctx, re_of(L, v), im_of(L, v));
    return;
  case TY_STR: ll_rt(L, "rt_print_rtstr", 2, ctx, v); return;
  case TY_LIST:
    ll_rt(L, "rt_print_list", 3, ctx, v, i32c(L, kind_code(t->elem)));
    return;
  case TY_TUPLE: break;
  }
  diag_error_node(L->d, n, "printing a %s is not supported",
                  type_name(L->a, t));
}

// print(a, b) and Python 2's `print a, b`: items separated by one space,
// then the end of line (none after a trailing comma).
void ll_print_values(Lower *L, PtrVec *values, bool nl, const Node *n) {
  LLVMValueRef *v = arena_alloc(L->a, sizeof *v * (size_t)(values->len + 1));
  for (int i = 0; i < values->len; i++)
    v[i] = ll_expr(L, values->data[i]);
  at(L, n);
  for (int i = 0; i < values->len; i++) {
    Node *e = values->data[i];
    if (i > 0)
      ll_rt(L, "rt_print_sep", 1, L->fs->ctx);
    print_value(L, v[i], e->ty, e);
  }
  ll_rt(L, "rt_print_end", 2, L->fs->ctx, LLVMConstInt(L->t_i8, nl, false));
}

// print()'s keywords: end='' or end='\n' (sep must stay ' ').
static bool print_ends_line(Lower *L, Node *n) {
  bool nl = true;
  for (int i = 0; i < n->keywords.len; i++) {
    Node *kw = n->keywords.data[i], *v = kw->value;
    bool is_str = v->kind == ND_CONSTANT && v->cval.kind == CONST_STR;
    const char *want = !strcmp(kw->name, "end") ? "\n" : " ";
    if (is_str && !strcmp(kw->name, "end") && v->cval.slen == 0) {
      nl = false;
      continue;
    }
    if (!is_str || v->cval.slen != 1 || v->cval.str[0] != want[0] ||
        (strcmp(kw->name, "end") && strcmp(kw->name, "sep")))
      diag_error_node(L->d, kw, "print(%s=...) is only supported as "
                      "end='' or the default", kw->name);
  }
  return nl;
}

// list.append(x): the list (the method's object) first, then x.
static void builtin_append(Lower *L, Node *n) {
  Node *obj = n->func->value;
  LLVMValueRef l = ll_expr(L, obj);
  LLVMValueRef v = arg_as(L, n, 0, obj->ty->elem);
  at(L, n);
  ll_append_item(L, l, v, obj->ty->elem, n->line);
}

static LLVMValueRef builtin_math(Lower *L, Node *n) {
  LLVMValueRef x = arg_as(L, n, 0, &ty_float);
  LLVMValueRef y = n->args.len > 1 ? arg_as(L, n, 1, &ty_float) : NULL;
  at(L, n);
  LLVMValueRef r;
  switch (n->builtin) {
  case BI_MATH_SQRT:
    // llvm.sqrt is the correctly rounded IEEE sqrt, as is C's.
    ll_check(L, fcmp(L, LLVMRealOLT, x, f64c(L, 0.0)), RT_EXC_VALUE, n->line,
             MSG_DOMAIN);
    return ll_intrinsic1(L, "llvm.sqrt", x);
  case BI_MATH_FABS: return ll_intrinsic1(L, "llvm.fabs", x);
  case BI_MATH_FLOOR:
    return float_to_int(L, ll_intrinsic1(L, "llvm.floor", x), n->line);
  case BI_MATH_CEIL:
    return float_to_int(L, ll_intrinsic1(L, "llvm.ceil", x), n->line);
  case BI_MATH_TRUNC:
    return float_to_int(L, ll_intrinsic1(L, "llvm.trunc", x), n->line);
  case BI_MATH_COPYSIGN: {
    LLVMValueRef args[2] = {x, y};
    return ll_intrinsic(L, "llvm.copysign", L->t_f64, 2, args);
  }
  case BI_MATH_ISNAN: return fcmp(L, LLVMRealUNO, x, x);
  case BI_MATH_ISINF:
    return fcmp(L, LLVMRealOEQ, ll_intrinsic1(L, "llvm.fabs", x),
                f64c(L, INFINITY));
  case BI_MATH_ISFINITE:
    return fcmp(L, LLVMRealOLT, ll_intrinsic1(L, "llvm.fabs", x),
                f64c(L, INFINITY));
  default: break;
  }
  // Everything else is CPython's mathmodule code, domain checks included.
  if (y)
    r = ll_rt(L, "rt_math2", 5, L->fs->ctx, i32c(L, n->builtin), x, y,
              i32c(L, n->line));
  else
    r = ll_rt(L, "rt_math1", 4, L->fs->ctx, i32c(L, n->builtin), x,
              i32c(L, n->line));
  ll_check_exc(L);
  return r;
}

// A call of a user function. Complex arguments travel as two doubles and
// bool as i8 (rtabi.h); a recursive callee is bracketed by
// rt_enter_call/rt_leave_call for RecursionError; after the call the
// exception flag is checked.
static LLVMValueRef user_call(Lower *L, Node *n) {
  const Func *f = n->callee;
  LLVMValueRef fn = LLVMGetNamedFunction(L->m, f->name);
  LLVMTypeRef fty = LLVMGlobalGetValueType(fn);
  LLVMValueRef *args = arena_alloc(L->a, sizeof *args * (2 * f->nparams + 1));
  int na = 0;
  args[na++] = L->fs->ctx;
  for (int i = 0; i < f->nparams; i++) {
    Node *a = NULL;
    Var *p = f->params[i];
    if (i < n->args.len)
      a = arg_at(n, i);
    for (int k = 0; !a && k < n->keywords.len; k++) {
      Node *kw = n->keywords.data[k];
      if (kw->name == p->name)
        a = kw->value;
    }
    if (!a)
      a = ((Node *)f->def->args.data[i])->value;  // the default value
    if (!a)
      diag_error_node(L->d, n, "missing argument '%s' in call of %s()",
                      p->name, f->name);
    LLVMValueRef v = ll_convert(L, ll_expr(L, a), a->ty, p->ty);
    if (kind_of(p->ty) == TY_COMPLEX) {
      args[na++] = re_of(L, v);
      args[na++] = im_of(L, v);
    } else {
      args[na++] = kind_of(p->ty) == TY_BOOL
                       ? LLVMBuildZExt(L->b, v, L->t_i8, "")
                       : v;
    }
  }
  at(L, n);
  if (f->recursive) {
    LLVMValueRef ok =
        ll_rt(L, "rt_enter_call", 2, L->fs->ctx, i32c(L, n->line));
    LLVMBasicBlockRef go = new_block(L, "call");
    ll_unlikely(L, LLVMBuildCondBr(L->b, icmp(L, LLVMIntEQ, ok, i32c(L, 0)),
                                   L->fs->ret_bb, go));
    move_to(L, go);
  }
  LLVMValueRef r = LLVMBuildCall2(L->b, fty, fn, args, (unsigned)na, "");
  if (f->recursive)
    ll_rt(L, "rt_leave_call", 1, L->fs->ctx);
  ll_check_exc(L);
  if (kind_of(f->ret) == TY_NONE)
    return NULL;
  if (kind_of(f->ret) == TY_BOOL)
    r = LLVMBuildTrunc(L->b, r, L->t_i1, "");
  return ll_convert(L, r, f->ret, n->ty);
}

LLVMValueRef ll_call(Lower *L, Node *n) {
  if (n->callee)
    return user_call(L, n);
  switch (n->builtin) {
  case BI_ABS: return builtin_abs(L, n);
  case BI_LEN: {
    LLVMValueRef l = ll_expr(L, arg_at(n, 0));
    at(L, n);
    return ll_list_len(L, l);  // RtStr's len sits where RtList's does
  }
  case BI_MIN:
  case BI_MAX: return builtin_minmax(L, n);
  case BI_SUM: return builtin_sum(L, n);
  case BI_INT: return builtin_int(L, n);
  case BI_FLOAT: return arg_as(L, n, 0, &ty_float);
  case BI_COMPLEX: return builtin_complex(L, n);
  case BI_BOOL: {
    Node *a = arg_at(n, 0);
    return ll_truth(L, ll_expr(L, a), a->ty);
  }
  case BI_ROUND: return builtin_round(L, n);
  case BI_POW: {
    if (n->args.len != 2)
      diag_error_node(L->d, n, "pow() with a modulus is not supported");
    Node *a = arg_at(n, 0), *b = arg_at(n, 1);
    LLVMValueRef x = ll_expr(L, a), y = ll_expr(L, b);
    at(L, n);
    return ll_arith(L, OP_POW, x, a->ty, y, b->ty, n->ty, n->line);
  }
  case BI_DIVMOD: return builtin_divmod(L, n);
  case BI_PRINT: ll_print_values(L, &n->args, print_ends_line(L, n), n);
    return NULL;
  case BI_APPEND: builtin_append(L, n); return NULL;
  case BI_BIT_LENGTH: {  // 64 - ctlz(|x|), |INT64_MIN| as unsigned
    Node *obj = n->func->value;
    LLVMValueRef x = ll_convert(L, ll_expr(L, obj), obj->ty, &ty_int);
    LLVMValueRef neg = LLVMBuildICmp(L->b, LLVMIntSLT, x, i64c(L, 0), "");
    LLVMValueRef mag = LLVMBuildSelect(
        L->b, neg, LLVMBuildNeg(L->b, x, ""), x, "");
    LLVMValueRef args[2] = {mag, LLVMConstInt(L->t_i1, 0, false)};
    LLVMValueRef lz = ll_intrinsic(L, "llvm.ctlz", L->t_i64, 2, args);
    return LLVMBuildSub(L->b, i64c(L, 64), lz, "");
  }
  case BI_CONJUGATE: {
    Node *obj = n->func->value;
    LLVMValueRef z = ll_expr(L, obj);
    if (kind_of(obj->ty) != TY_COMPLEX)  // int/float: itself
      return ll_convert(L, z, obj->ty, n->ty);
    return cplx(L, re_of(L, z), fmath(L, LLVMBuildFNeg(L->b, im_of(L, z), "")));
  }
  default:
    if (n->builtin >= BI_MATH_SQRT)
      return builtin_math(L, n);
    break;
  }
  diag_error_node(L->d, n, "this call is not supported in compiled code");
}
