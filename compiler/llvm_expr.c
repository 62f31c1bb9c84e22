// llvm_expr.c - expressions, one helper per node kind.
//
// ll_expr dispatches on the kind (cases in NodeKind order) and gives every
// instruction the node's line and column. Each expression becomes one LLVM
// value: i1 for bool, i64 for int, double for float, {double, double} for
// complex, a pointer for lists and strings, an LLVM struct for tuples.
// Short-circuit operators and comparison chains become branches joined by
// phis; `abs(z) OP C` decides on |z|**2 outside a safe margin (abs_compare).
#include "llvm_lower.h"
#include "pymath.h"

// ---- expressions ------------------------------------------------------------

static LLVMValueRef constant(Lower *L, Node *n) {
  const ConstValue *c = &n->cval;
  LLVMValueRef v;
  const Type *t;
  switch (c->kind) {
  case CONST_BOOL:
    v = LLVMConstInt(L->t_i1, c->ival != 0, false);
    t = &ty_bool;
    break;
  case CONST_INT: v = i64c(L, c->ival); t = &ty_int; break;
  case CONST_FLOAT: v = f64c(L, c->fval); t = &ty_float; break;
  case CONST_COMPLEX: {
    LLVMValueRef parts[2] = {f64c(L, c->fval), f64c(L, c->imag)};
    v = LLVMConstNamedStruct(L->t_cplx, parts, 2);
    t = &ty_complex;
    break;
  }
  case CONST_STR: return ll_const_str(L, c->str, c->slen);
  default: return NULL;  // None
  }
  return type_is_number(n->ty) ? ll_convert(L, v, t, n->ty) : v;
}

// math.pi and friends, whether written `math.pi` or imported by name.
static bool math_constant(const char *name, double *v) {
  static const struct {
    const char *name;
    double value;
  } consts[] = {{"pi", 3.141592653589793}, {"e", 2.718281828459045},
                {"tau", 6.283185307179586}, {"inf", INFINITY},
                {"nan", NAN}};
  for (size_t i = 0; i < sizeof consts / sizeof *consts; i++) {
    if (!strcmp(name, consts[i].name)) {
      *v = consts[i].value;
      return true;
    }
  }
  return false;
}

// A module list (`PALETTE = [0, 7, 15]`, read-only in kernels: infer.c lets
// it only be indexed, measured and looped over) is one constant RtList in
// the module, made at its first read, with its items beside it: no read
// allocates, and LLVM may fold the reads of its length and of items at
// constant indexes. Private constants, so llvm_split may copy them.
static LLVMValueRef module_list(Lower *L, const Var *v) {
  const char *name = arena_sprintf(L->a, "%s.const", v->name);
  LLVMValueRef g = LLVMGetNamedGlobal(L->m, name);
  if (g)
    return g;
  const Type *elem = v->ty->elem;
  int len = v->value->elts.len;
  LLVMTypeRef et = ll_elem_type(L, elem);
  LLVMValueRef *items = arena_alloc(L->a, sizeof *items * (size_t)len);
  for (int i = 0; i < len; i++) {
    const ConstValue *c = &((Node *)v->value->elts.data[i])->cval;
    LLVMValueRef parts[2] = {f64c(L, c->fval), f64c(L, c->imag)};
    items[i] = kind_of(elem) == TY_BOOL  ? LLVMConstInt(et, c->ival, false)
               : kind_of(elem) == TY_INT ? i64c(L, c->ival)
               : kind_of(elem) == TY_FLOAT
                   ? f64c(L, c->fval)
                   : LLVMConstNamedStruct(L->t_cplx, parts, 2);
  }
  LLVMTypeRef at = LLVMArrayType2(et, (uint64_t)len);
  LLVMValueRef data = LLVMAddGlobal(L->m, at, arena_sprintf(L->a, "%s.items",
                                                            v->name));
  LLVMSetInitializer(data, LLVMConstArray2(et, items, (uint64_t)len));
  LLVMValueRef fields[4] = {i64c(L, len), i64c(L, len),
                            i64c(L, layout_of(elem).size), data};
  g = LLVMAddGlobal(L->m, L->t_list, name);
  LLVMSetInitializer(g, LLVMConstNamedStruct(L->t_list, fields, 4));
  LLVMValueRef both[2] = {data, g};
  for (int i = 0; i < 2; i++) {
    LLVMSetGlobalConstant(both[i], true);
    LLVMSetLinkage(both[i], LLVMPrivateLinkage);
    LLVMSetUnnamedAddress(both[i], LLVMGlobalUnnamedAddr);
  }
  return g;
}

static LLVMValueRef name_load(Lower *L, Node *n) {
  Var *v = n->var;
  double c;
  if (!v && math_constant(n->name, &c))
    return f64c(L, c);
  if (!v)
    diag_error_node(L->d, n, "name '%s' is not defined in compiled code",
                    n->name);
  if (v->kind == VAR_CONST && kind_of(v->ty) == TY_LIST)
    return module_list(L, v);
  if (v->kind == VAR_CONST)
    return ll_convert(L, ll_expr(L, v->value), v->value->ty, n->ty);
  ll_check_bound(L, n);
  LLVMValueRef x =
      LLVMBuildLoad2(L->b, ll_type(L, v->ty), L->fs->slots[v->index], v->name);
  return ll_convert(L, x, v->ty, n->ty);
}

// `a and b`, `a or b`: short-circuit, with Python's value (the last
// operand evaluated), widened to the node's type.
static LLVMValueRef boolop(Lower *L, Node *n) {
  LLVMBasicBlockRef done = new_block(L, n->op == OP_AND ? "and" : "or");
  LLVMTypeRef t = ll_type(L, n->ty);
  LLVMValueRef phi = NULL;
  PtrVec vals = {0}, bbs = {0};
  for (int i = 0; i < n->values.len; i++) {
    Node *e = n->values.data[i];
    LLVMValueRef v = ll_expr(L, e);
    LLVMValueRef res = ll_convert(L, v, e->ty, n->ty);
    vec_push(L->a, &vals, res);
    vec_push(L->a, &bbs, LLVMGetInsertBlock(L->b));
    if (i == n->values.len - 1) {
      LLVMBuildBr(L->b, done);
      break;
    }
    LLVMBasicBlockRef next = new_block(L, "next");
    LLVMValueRef c = ll_truth(L, v, e->ty);
    if (n->op == OP_AND)
      LLVMBuildCondBr(L->b, c, next, done);
    else
      LLVMBuildCondBr(L->b, c, done, next);
    move_to(L, next);
  }
  move_to(L, done);
  phi = LLVMBuildPhi(L->b, t, "");
  LLVMAddIncoming(phi, (LLVMValueRef *)vals.data,
                  (LLVMBasicBlockRef *)bbs.data, (unsigned)vals.len);
  return phi;
}

static bool is_widened_int(const Node *n) {
  return n->kind == ND_CONVERT && kind_of(n->ty) == TY_FLOAT &&
         (kind_of(n->value->ty) == TY_INT || kind_of(n->value->ty) == TY_BOOL);
}

static LLVMValueRef binop(Lower *L, Node *n) {
  Node *l = n->left, *r = n->right;
  if (n->op == OP_MOD && kind_of(l->ty) == TY_STR)
    return ll_str_format(L, n);
  if (n->op == OP_MUL && kind_of(n->ty) == TY_LIST)
    return kind_of(l->ty) == TY_LIST
               ? ll_list_repeat(L, l, r, false, n->ty, n->line)
               : ll_list_repeat(L, r, l, true, n->ty, n->line);
  if (kind_of(n->ty) == TY_LIST || kind_of(n->ty) == TY_STR)
    diag_error_node(L->d, n, "'%s' on %s is not supported",
                    operator_names[n->op], type_name(L->a, n->ty));
  // int / int: infer.c widened both operands to float, but CPython's
  // message for a zero divisor is the int one ("division by zero").
  if (n->op == OP_DIV && is_widened_int(l) && is_widened_int(r)) {
    l = l->value;
    r = r->value;
  }
  LLVMValueRef a = ll_expr(L, l);
  LLVMValueRef b = ll_expr(L, r);
  at(L, n);
  return ll_arith(L, n->op, a, l->ty, b, r->ty, n->ty, n->line);
}

static LLVMValueRef unaryop(Lower *L, Node *n) {
  Node *e = n->value ? n->value : n->left;
  LLVMValueRef v = ll_expr(L, e);
  at(L, n);
  if (n->op == OP_NOT)
    return LLVMBuildNot(L->b, ll_truth(L, v, e->ty), "");
  if (n->op == OP_UADD)
    return ll_convert(L, v, e->ty, n->ty);
  switch (kind_of(n->ty)) {
  case TY_FLOAT: return fmath(L, LLVMBuildFNeg(L->b, v, ""));
  case TY_COMPLEX:  // complex_neg: both parts negated
    return cplx(L, fmath(L, LLVMBuildFNeg(L->b, re_of(L, v), "")),
                fmath(L, LLVMBuildFNeg(L->b, im_of(L, v), "")));
  default: break;
  }
  v = ll_convert(L, v, e->ty, &ty_int);
  if (n->op == OP_INVERT)
    return LLVMBuildNot(L->b, v, "");
  return ll_int_checked(L, "llvm.ssub.with.overflow", i64c(L, 0), v, n->line);
}

static LLVMValueRef ifexp(Lower *L, Node *n) {
  LLVMValueRef c = ll_truth(L, ll_expr(L, n->test), n->test->ty);
  LLVMBasicBlockRef yes = new_block(L, "ifexp.then");
  LLVMBasicBlockRef no = new_block(L, "ifexp.else");
  LLVMBasicBlockRef done = new_block(L, "ifexp.end");
  LLVMBuildCondBr(L->b, c, yes, no);
  move_to(L, yes);
  LLVMValueRef a =
      ll_convert(L, ll_expr(L, n->body_expr), n->body_expr->ty, n->ty);
  LLVMBasicBlockRef abb = LLVMGetInsertBlock(L->b);
  LLVMBuildBr(L->b, done);
  move_to(L, no);
  LLVMValueRef b =
      ll_convert(L, ll_expr(L, n->orelse_expr), n->orelse_expr->ty, n->ty);
  LLVMBasicBlockRef bbb = LLVMGetInsertBlock(L->b);
  LLVMBuildBr(L->b, done);
  move_to(L, done);
  if (kind_of(n->ty) == TY_NONE)
    return NULL;
  return ll_phi2(L, ll_type(L, n->ty), a, abb, b, bbb);
}

// One comparison of two values of type t. Python's `!=` is true for nan,
// hence `une`; the ordered predicates are false for nan, as in C.
LLVMValueRef ll_compare_values(Lower *L, Operator op, LLVMValueRef a,
                               LLVMValueRef b, const Type *t, const Node *n) {
  static const LLVMIntPredicate ip[] = {LLVMIntEQ, LLVMIntNE, LLVMIntSLT,
                                        LLVMIntSLE, LLVMIntSGT, LLVMIntSGE};
  static const LLVMRealPredicate fp[] = {LLVMRealOEQ, LLVMRealUNE,
                                         LLVMRealOLT, LLVMRealOLE,
                                         LLVMRealOGT, LLVMRealOGE};
  if (op == OP_IS) op = OP_EQ;
  if (op == OP_ISNOT) op = OP_NOTEQ;
  if (op < OP_EQ || op > OP_GTE)
    diag_error_node(L->d, n, "'%s' is not supported in compiled code",
                    operator_names[op]);
  int i = op - OP_EQ;
  switch (kind_of(t)) {
  case TY_NONE: return LLVMConstInt(L->t_i1, op == OP_EQ, false);
  case TY_BOOL:
  case TY_INT:
    return icmp(L, ip[i], ll_convert(L, a, t, &ty_int),
                ll_convert(L, b, t, &ty_int));
  case TY_FLOAT: return fcmp(L, fp[i], a, b);
  case TY_COMPLEX:
    if (op == OP_EQ || op == OP_NOTEQ) {
      LLVMValueRef r = fcmp(L, fp[i], re_of(L, a), re_of(L, b));
      LLVMValueRef m = fcmp(L, fp[i], im_of(L, a), im_of(L, b));
      return op == OP_EQ ? LLVMBuildAnd(L->b, r, m, "")
                         : LLVMBuildOr(L->b, r, m, "");
    }
    break;
  default: break;
  }
  diag_error_node(L->d, n, "'%s' between %s values is not supported",
                  operator_names[op], type_name(L->a, t));
}

// The float value of a constant operand (also `2` widened to float), for
// the fast path of abs(z) compared with a constant.
static bool float_constant(const Node *n, double *c) {
  if (n->kind == ND_CONVERT)
    n = n->value;
  if (n->kind != ND_CONSTANT)
    return false;
  if (n->cval.kind == CONST_FLOAT)
    *c = n->cval.fval;
  else if (n->cval.kind == CONST_INT && pym_int_fits_double(n->cval.ival))
    *c = (double)n->cval.ival;  // past 2**53 the int is compared exactly
  else
    return false;
  return true;
}

// `abs(z) OP C` for complex z and a constant C. CPython computes
// hypot(re, im) and compares; we first look at s = re*re + im*im, which
// needs no square root. The rounded s is within 2 ulps (relative 2**-52)
// of |z|**2, hypot is within 1 ulp of |z| (so its square within 2**-51),
// and C*C with its margin is rounded twice more: all of it is far below
// the margin 2**-40 used here. So s < C*C*(1 - 2**-40) proves abs(z) < C
// and s > C*C*(1 + 2**-40) proves abs(z) > C, as long as nothing
// overflowed or underflowed: C*C must be a normal number far from both
// ends (checked when compiling) and s finite (checked at run time; an
// infinite s may come from finite parts whose hypot is finite, or raise
// OverflowError in CPython). Only when s is within the margin, infinite or
// nan does the exact rt_complex_abs decide.
static LLVMValueRef abs_compare(Lower *L, Node *n, Operator op, Node *call,
                                double c) {
  Node *arg = call->args.data[0];
  LLVMValueRef z = ll_expr(L, arg);
  at(L, n);
  LLVMValueRef re = re_of(L, z), im = im_of(L, z);
  LLVMValueRef s = fadd(L, fmul(L, re, re), fmul(L, im, im));
  double lo = c * c * (1 - 0x1p-40), hi = c * c * (1 + 0x1p-40);
  bool less = op == OP_LT || op == OP_LTE;
  LLVMBasicBlockRef bb0 = LLVMGetInsertBlock(L->b);
  LLVMBasicBlockRef above = new_block(L, "abs.above");
  LLVMBasicBlockRef slow = new_block(L, "abs.exact");
  LLVMBasicBlockRef done = new_block(L, "abs.done");
  LLVMBuildCondBr(L->b, fcmp(L, LLVMRealOLT, s, f64c(L, lo)), done, above);
  move_to(L, above);
  LLVMValueRef big = LLVMBuildAnd(L->b, fcmp(L, LLVMRealOGT, s, f64c(L, hi)),
                                  fcmp(L, LLVMRealOLE, s, f64c(L, DBL_MAX)),
                                  "");
  LLVMBuildCondBr(L->b, big, done, slow);
  move_to(L, slow);
  LLVMValueRef a =
      ll_rt(L, "rt_complex_abs", 4, L->fs->ctx, re, im, i32c(L, n->line));
  ll_check_exc(L);
  LLVMValueRef exact = ll_compare_values(L, op, a, f64c(L, c), &ty_float, n);
  LLVMBasicBlockRef slow_end = LLVMGetInsertBlock(L->b);
  LLVMBuildBr(L->b, done);
  move_to(L, done);
  LLVMValueRef phi = LLVMBuildPhi(L->b, L->t_i1, "abs.cmp");
  LLVMValueRef vals[3] = {LLVMConstInt(L->t_i1, less, false),
                          LLVMConstInt(L->t_i1, !less, false), exact};
  LLVMBasicBlockRef bbs[3] = {bb0, above, slow_end};
  LLVMAddIncoming(phi, vals, bbs, 3);
  return phi;
}

// Whether `abs(z) OP C` can take the fast path of abs_compare.
static bool is_abs_compare(const Node *n, double *c) {
  if (n->ops.len != 1)
    return false;
  Operator op = (Operator)(intptr_t)n->ops.data[0];
  const Node *l = n->left;
  if (op < OP_LT || op > OP_GTE || l->kind != ND_CALL ||
      l->builtin != BI_ABS || l->args.len != 1 ||
      kind_of(((Node *)l->args.data[0])->ty) != TY_COMPLEX)
    return false;
  if (!float_constant(n->comparators.data[0], c))
    return false;
  return *c >= 0x1p-400 && *c <= 0x1p400;
}

// `i OP x` for an int i and a float or complex x, exactly as CPython's
// float_richcompare and complex_richcompare (== and != only: equal when
// the imaginary part is zero and the real part equals i).
static LLVMValueRef compare_int_mixed(Lower *L, Operator op, LLVMValueRef i,
                                      LLVMValueRef x, const Type *xty,
                                      const Node *n) {
  if (kind_of(xty) == TY_FLOAT)
    return ll_int_float_compare(L, op, i, x);
  if (op != OP_EQ && op != OP_NOTEQ)
    diag_error_node(L->d, n, "'%s' between int and complex values is not "
                    "supported", operator_names[op]);
  LLVMValueRef eq =
      LLVMBuildAnd(L->b, fcmp(L, LLVMRealOEQ, im_of(L, x), f64c(L, 0.0)),
                   ll_int_float_compare(L, OP_EQ, i, re_of(L, x)), "");
  return op == OP_EQ ? eq : LLVMBuildNot(L->b, eq, "");
}

// One link of a chain, a OP b: an int beside a float or complex compared
// exactly, any other pair in the wider type.
static LLVMValueRef compare_pair(Lower *L, Operator op, LLVMValueRef a,
                                 const Type *aty, LLVMValueRef b,
                                 const Type *bty, const Node *n) {
  TypeKind ak = kind_of(aty), bk = kind_of(bty);
  if (op >= OP_EQ && op <= OP_GTE) {
    if (ak == TY_INT && (bk == TY_FLOAT || bk == TY_COMPLEX))
      return compare_int_mixed(L, op, a, b, bty, n);
    if (bk == TY_INT && (ak == TY_FLOAT || ak == TY_COMPLEX))
      return compare_int_mixed(L, ll_swapped_compare(op), b, a, aty, n);
  }
  Type *t = ll_wider((Type *)aty, (Type *)bty);
  return ll_compare_values(L, op, ll_convert(L, a, aty, t),
                           ll_convert(L, b, bty, t), t, n);
}

// A comparison chain: each operand evaluated once, stopping at the first
// false comparison.
static LLVMValueRef compare(Lower *L, Node *n) {
  double c;
  if (is_abs_compare(n, &c))
    return abs_compare(L, n, (Operator)(intptr_t)n->ops.data[0], n->left, c);
  LLVMBasicBlockRef done = new_block(L, "cmp.end");
  LLVMValueRef a = ll_expr(L, n->left);
  Type *aty = n->left->ty;
  PtrVec vals = {0}, bbs = {0};
  for (int i = 0; i < n->ops.len; i++) {
    Node *rn = n->comparators.data[i];
    LLVMValueRef b = ll_expr(L, rn);
    at(L, n);
    LLVMValueRef r = compare_pair(L, (Operator)(intptr_t)n->ops.data[i], a,
                                  aty, b, rn->ty, n);
    vec_push(L->a, &vals, r);
    vec_push(L->a, &bbs, LLVMGetInsertBlock(L->b));
    if (i == n->ops.len - 1) {
      LLVMBuildBr(L->b, done);
      break;
    }
    LLVMBasicBlockRef next = new_block(L, "cmp.next");
    LLVMBuildCondBr(L->b, r, next, done);
    move_to(L, next);
    a = b;
    aty = rn->ty;
  }
  move_to(L, done);
  LLVMValueRef phi = LLVMBuildPhi(L->b, L->t_i1, "");
  LLVMAddIncoming(phi, (LLVMValueRef *)vals.data,
                  (LLVMBasicBlockRef *)bbs.data, (unsigned)vals.len);
  return phi;
}

static LLVMValueRef attribute(Lower *L, Node *n) {
  double c;
  Node *v = n->value;
  if (v->kind == ND_NAME && !v->var && math_constant(n->name, &c))
    return f64c(L, c);
  LLVMValueRef x = ll_expr(L, v);
  bool real = !strcmp(n->name, "real");
  if (!real && strcmp(n->name, "imag"))
    diag_error_node(L->d, n, "attribute '%s' is not supported", n->name);
  if (kind_of(v->ty) == TY_COMPLEX)
    return real ? re_of(L, x) : im_of(L, x);
  x = ll_convert(L, x, v->ty, n->ty);  // int.real, float.imag, ...
  return real ? x : ll_zero_of(L, n->ty);
}

void ll_expect_list(Lower *L, const Node *n) {
  if (kind_of(n->ty) != TY_LIST)
    diag_error_node(L->d, n, "indexing a %s is not supported; use a list",
                    type_name(L->a, n->ty));
}

// t[k] of a tuple, with k a constant (infer.c's guarantee).
static LLVMValueRef tuple_item(Lower *L, Node *n) {
  Node *k = n->index;
  int len = n->value->ty->nitems;
  if (k->kind == ND_CONVERT)
    k = k->value;
  if (k->kind != ND_CONSTANT || k->cval.kind != CONST_INT ||
      k->cval.ival < -len || k->cval.ival >= len)
    diag_error_node(L->d, n->index, "a tuple index must be a constant "
                    "between %d and %d", -len, len - 1);
  int i = (int)(k->cval.ival < 0 ? k->cval.ival + len : k->cval.ival);
  LLVMValueRef t = ll_expr(L, n->value);
  return ll_convert(L, LLVMBuildExtractValue(L->b, t, (unsigned)i, ""),
                    n->value->ty->items[i], n->ty);
}

static LLVMValueRef subscript(Lower *L, Node *n) {
  if (kind_of(n->value->ty) == TY_TUPLE)
    return tuple_item(L, n);
  ll_expect_list(L, n->value);
  LLVMValueRef l = ll_expr(L, n->value);
  LLVMValueRef i = ll_convert(L, ll_expr(L, n->index), n->index->ty, &ty_int);
  at(L, n);
  Type *elem = n->value->ty->elem;
  LLVMValueRef p = ll_list_item_ptr(L, l, i, elem, n->line, MSG_INDEX);
  return ll_convert(L, ll_load_item(L, p, elem), elem, n->ty);
}

// A list display: the items are evaluated first, then stored.
static LLVMValueRef list_display(Lower *L, Node *n) {
  Type *elem = n->ty->elem;
  int len = n->elts.len;
  LLVMValueRef *vals = arena_alloc(L->a, sizeof *vals * (size_t)(len + 1));
  for (int i = 0; i < len; i++) {
    Node *e = n->elts.data[i];
    vals[i] = ll_convert(L, ll_expr(L, e), e->ty, elem);
  }
  at(L, n);
  LLVMValueRef l = ll_new_list(L, elem, i64c(L, len), n->line);
  LLVMValueRef data = len ? ll_list_data(L, l) : NULL;
  for (int i = 0; i < len; i++) {
    LLVMValueRef idx = i64c(L, i);
    ll_store_item(L,
                  LLVMBuildGEP2(L->b, ll_elem_type(L, elem), data, &idx, 1, ""),
                  vals[i], elem);
  }
  return l;
}

static LLVMValueRef tuple(Lower *L, Node *n) {
  LLVMValueRef v = LLVMGetPoison(ll_type(L, n->ty));
  for (int i = 0; i < n->elts.len; i++) {
    Node *e = n->elts.data[i];
    LLVMValueRef x = ll_convert(L, ll_expr(L, e), e->ty, n->ty->items[i]);
    v = LLVMBuildInsertValue(L->b, v, x, (unsigned)i, "");
  }
  return v;
}

// ---- comprehensions ---------------------------------------------------------

// [elt for t1 in it1 if c1 for t2 in it2 ...]: nested loops appending to
// one fresh list, generators outermost first as Python runs them.
typedef struct {
  Node *n;
  LLVMValueRef list;
  int gen;  // the generator whose loop runs next
} Comp;

static void comp_level(Lower *L, Comp *c);

static void comp_step(Lower *L, LLVMValueRef item, void *arg) {
  (void)item;
  Comp *c = arg;
  Node *g = c->n->generators.data[c->gen];
  for (int i = 0; i < g->ifs.len; i++) {
    Node *cond = g->ifs.data[i];
    LLVMBasicBlockRef yes = new_block(L, "comp.if");
    LLVMBuildCondBr(L->b, ll_truth(L, ll_expr(L, cond), cond->ty), yes,
                    L->fs->loop->cont);
    move_to(L, yes);
  }
  c->gen++;
  comp_level(L, c);
  c->gen--;
}

static void comp_level(Lower *L, Comp *c) {
  Node *n = c->n;
  if (c->gen == n->generators.len) {
    LLVMValueRef v = ll_convert(L, ll_expr(L, n->elt), n->elt->ty, n->ty->elem);
    at(L, n);
    ll_append_item(L, c->list, v, n->ty->elem, n->line);
    return;
  }
  Node *g = n->generators.data[c->gen];
  Iter it;
  ll_open_iter(L, g->iter, g->range_loop, &it);
  ll_iterate(L, &it, g->target, comp_step, c, NULL);
}

static LLVMValueRef listcomp(Lower *L, Node *n) {
  Comp c = {.n = n};
  c.list = ll_new_list(L, n->ty->elem, i64c(L, 0), n->line);
  comp_level(L, &c);
  return c.list;
}

// The one entry for expressions, cases in NodeKind order. Every
// instruction built for n carries n's line and column.
LLVMValueRef ll_expr(Lower *L, Node *n) {
  LLVMMetadataRef outer = LLVMGetCurrentDebugLocation2(L->b);
  at(L, n);
  LLVMValueRef v;
  switch (n->kind) {
  case ND_BOOLOP: v = boolop(L, n); break;
  case ND_BINOP: v = binop(L, n); break;
  case ND_UNARYOP: v = unaryop(L, n); break;
  case ND_IFEXP: v = ifexp(L, n); break;
  case ND_LISTCOMP: v = listcomp(L, n); break;
  case ND_COMPARE: v = compare(L, n); break;
  case ND_CALL: v = ll_call(L, n); break;
  case ND_CONSTANT: v = constant(L, n); break;
  case ND_ATTRIBUTE: v = attribute(L, n); break;
  case ND_SUBSCRIPT: v = subscript(L, n); break;
  case ND_NAME: v = name_load(L, n); break;
  case ND_LIST: v = list_display(L, n); break;
  case ND_TUPLE: v = tuple(L, n); break;
  case ND_CONVERT: v = ll_convert(L, ll_expr(L, n->value), n->value->ty, n->ty);
    break;
  default:
    diag_error_node(L->d, n, "%s expressions are not supported in compiled "
                    "code", node_kind_names[n->kind]);
  }
  if (outer)
    LLVMSetCurrentDebugLocation2(L->b, outer);
  return v;
}
