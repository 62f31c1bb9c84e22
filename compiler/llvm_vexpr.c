// llvm_vexpr.c - values and expressions in SPMD form, and single lanes.
//
// A per-point value is a vector of `width` lanes: i1 for bool, i64 for
// int, double for float, and a pair of double vectors for complex. Each
// expression helper mirrors its scalar twin of llvm_expr.c/llvm_arith.c
// lane by lane: every lane performs exactly the IEEE operations of the
// scalar code (fmul and fadd on vectors without fast-math flags stay
// separate instructions, so no FMA appears and sums stay CPython's). What
// a lane cannot do exactly in vector form (an int overflow, a division by
// zero) abandons the block through S->bail: the caller re-runs it scalar,
// which raises as CPython does. A float or complex variable keeps its
// squares beside it (Simd.squares), so `z * z` and `abs(z)` in the escape
// loop multiply as the hand-written kernels do: three products a step.
// `abs(z) > C` costs one compare while no lane is near the bound. The
// rare exact abs(z), int division, refills and print records need one lane
// at a time: ll_each_lane loops over the set bits of a mask with a
// run-time index, so the code stays short at any width, and reaches the
// vector variables through a copy of their lanes in memory (Staged).
#include "llvm_lower.h"
#include "pymath.h"

// Abandons the block (the caller re-runs it scalar) if any active lane is
// `bad`.
static void bail_if(Simd *S, LLVMValueRef bad) {
  Lower *L = S->L;
  LLVMBasicBlockRef ok = new_block(L, "simd.ok");
  ll_unlikely(L, LLVMBuildCondBr(L->b,
                                 vany(S, LLVMBuildAnd(L->b, bad, S->mask, "")),
                                 S->bail, ok));
  move_to(L, ok);
}

// Widens v (bool < int < float < complex), or takes its truth value.
LLVMValueRef ll_vconvert(Simd *S, LLVMValueRef v, const Type *from,
                         const Type *to) {
  Lower *L = S->L;
  TypeKind f = kind_of(from), t = kind_of(to);
  if (f == t)
    return v;
  if (t == TY_BOOL) {
    if (f == TY_INT)
      return icmp(L, LLVMIntNE, v, LLVMConstNull(S->vi64));
    if (f == TY_FLOAT)
      return fcmp(L, LLVMRealUNE, v, LLVMConstNull(S->vf64));
    return LLVMBuildOr(L->b,
                       fcmp(L, LLVMRealUNE, vre(S, v), LLVMConstNull(S->vf64)),
                       fcmp(L, LLVMRealUNE, vim(S, v), LLVMConstNull(S->vf64)),
                       "");
  }
  if (f == TY_BOOL) {
    v = LLVMBuildZExt(L->b, v, S->vi64, "");
    f = TY_INT;
  }
  if (t == TY_INT)
    return v;
  if (f == TY_INT)
    v = LLVMBuildSIToFP(L->b, v, S->vf64, "");
  if (t == TY_FLOAT)
    return v;
  return vcplx(S, v, LLVMConstNull(S->vf64));
}

static LLVMValueRef vconstant(Simd *S, Node *n) {
  Lower *L = S->L;
  const ConstValue *c = &n->cval;
  LLVMValueRef v;
  const Type *t;
  switch (c->kind) {
  case CONST_BOOL:
    v = vsplat(S, LLVMConstInt(L->t_i1, c->ival != 0, false));
    t = &ty_bool;
    break;
  case CONST_INT:
    v = vsplat(S, i64c(L, c->ival));
    t = &ty_int;
    break;
  case CONST_FLOAT:
    v = vsplat(S, f64c(L, c->fval));
    t = &ty_float;
    break;
  case CONST_COMPLEX:
    v = vcplx(S, vsplat(S, f64c(L, c->fval)), vsplat(S, f64c(L, c->imag)));
    t = &ty_complex;
    break;
  default: assert(!"not a number constant"); return NULL;
  }
  return ll_vconvert(S, v, t, n->ty);
}

// The binding of an inlined function's parameter v, or NULL.
static const VBind *bound(const VBind *b, const Var *v) {
  for (; v && b; b = b->next)
    if (b->param == v)
      return b;
  return NULL;
}

static LLVMValueRef vname(Simd *S, Node *n) {
  Var *v = n->var;
  const VBind *b = bound(S->binds, v);
  if (b && b->place)  // the argument's place, read again (it is pure)
    return ll_vconvert(S, ll_vexpr(S, b->place), b->place->ty, n->ty);
  if (b)
    return ll_vconvert(S, b->value, v->ty, n->ty);
  if (!v) {
    // math.pi and friends, imported by name: infer.c typed them float.
    double c = !strcmp(n->name, "pi")  ? 3.141592653589793
               : !strcmp(n->name, "e") ? 2.718281828459045
               : !strcmp(n->name, "tau") ? 6.283185307179586
               : !strcmp(n->name, "inf") ? INFINITY
                                         : NAN;
    return vsplat(S, f64c(S->L, c));
  }
  if (v->kind == VAR_CONST)  // loop-invariant: LLVM folds or hoists it
    return ll_vconvert(S, ll_vexpr(S, v->value), v->value->ty, n->ty);
  if (S->hot && v == S->hot->s->target->var) {  // lazy: made when read
    LLVMValueRef k = ll_vconvert(S, ll_vloop_target(S, S->hot, 0), &ty_int,
                                 v->ty);
    return ll_vconvert(S, k, v->ty, n->ty);
  }
  LLVMValueRef x = vload(S, vtype(S, v->ty), S->slots[v->index]);
  return ll_vconvert(S, x, v->ty, n->ty);
}

int ll_vitem_index(Simd *S, const Var *list) {
  for (int i = 0; i < S->lists.len; i++)
    if (S->lists.data[i] == list)
      return i;
  assert(!"list not collected");
  return -1;
}

static LLVMValueRef vitem(Simd *S, Node *n) {
  Var *x = n->value->var;
  LLVMValueRef v =
      vload(S, vtype(S, x->ty->elem), S->items[ll_vitem_index(S, x)]);
  return ll_vconvert(S, v, x->ty->elem, n->ty);
}

// int +, -, *: a lane that overflows abandons the block (the scalar run
// raises OverflowError there).
static LLVMValueRef vint_checked(Simd *S, const char *name, LLVMValueRef a,
                                 LLVMValueRef b) {
  LLVMValueRef args[2] = {a, b};
  LLVMValueRef r = ll_intrinsic(S->L, name, S->vi64, 2, args);
  bail_if(S, LLVMBuildExtractValue(S->L->b, r, 1, "ovf"));
  return LLVMBuildExtractValue(S->L->b, r, 0, "");
}

// x86 has no vector division of int64: LLVM would divide all the lanes
// one by one, so the lanes of the mask only are divided here, one by one
// (after a refill, the statements before the loop run for a few lanes).
typedef struct {
  Operator op;
  LLVMValueRef a, b, res;  // allocas: the operands' lanes, the result's
  LLVMValueRef bc;         // the divisor when it is one constant, or NULL
} DivLane;

// The lanes' one value when v is a constant splat, else NULL.
static LLVMValueRef splat_value(Simd *S, LLVMValueRef v) {
  LLVMValueRef x = LLVMIsAConstant(v) ? LLVMGetAggregateElement(v, 0) : NULL;
  for (unsigned i = 1; x && i < S->width; i++)
    if (LLVMGetAggregateElement(v, i) != x)
      return NULL;
  return x;
}

static void divmod_lane(Simd *S, LLVMValueRef lane, void *arg) {
  DivLane *d = arg;
  Lower *L = S->L;
  LLVMValueRef a = ll_get_lane(S, S->vi64, d->a, lane);
  LLVMValueRef b = d->bc ? d->bc : ll_get_lane(S, S->vi64, d->b, lane);
  LLVMValueRef zero = i64c(L, 0);
  LLVMValueRef q = LLVMBuildSDiv(L->b, a, b, "");
  LLVMValueRef r = LLVMBuildSRem(L->b, a, b, "");
  LLVMValueRef adj = LLVMBuildAnd(
      L->b, icmp(L, LLVMIntNE, r, zero),
      icmp(L, LLVMIntSLT, LLVMBuildXor(L->b, r, b, ""), zero), "");
  LLVMValueRef x =
      d->op == OP_FLOORDIV
          ? LLVMBuildSub(L->b, q, LLVMBuildZExt(L->b, adj, L->t_i64, ""), "")
          : LLVMBuildSelect(L->b, adj, LLVMBuildAdd(L->b, r, b, ""), r, "");
  ll_set_lane(S, d->res, lane, x);
}

// int // and %, CPython's long_div/long_mod: the quotient rounded toward
// minus infinity, the remainder with the divisor's sign. A zero divisor
// and INT64_MIN // -1 abandon the block (the scalar run raises or gets
// them right); lanes outside the mask are not divided (they read 0).
static LLVMValueRef vint_divmod(Simd *S, Operator op, LLVMValueRef a,
                                LLVMValueRef b) {
  Lower *L = S->L;
  LLVMValueRef zero = LLVMConstNull(S->vi64);
  LLVMValueRef min = vsplat(S, i64c(L, INT64_MIN));
  LLVMValueRef bad = LLVMBuildOr(
      L->b, icmp(L, LLVMIntEQ, b, zero),
      LLVMBuildAnd(L->b, icmp(L, LLVMIntEQ, a, min),
                   icmp(L, LLVMIntEQ, b, vsplat(S, i64c(L, -1))), ""),
      "");
  bail_if(S, bad);
  DivLane d = {.op = op, .a = ll_entry_alloca(L, S->vi64, "dividend"),
               .b = ll_entry_alloca(L, S->vi64, "divisor"),
               .res = ll_entry_alloca(L, S->vi64, "quotient")};
  LLVMBuildStore(L->b, a, d.a);
  LLVMBuildStore(L->b, b, d.b);
  LLVMBuildStore(L->b, zero, d.res);
  d.bc = splat_value(S, b);  // x % 1000: LLVM divides by multiplying
  ll_each_lane(S, S->mask, divmod_lane, &d);
  return vload(S, S->vi64, d.res);
}

// int / int (llvm_arith.c's int_true_div) in every lane: the quotient of
// the two exact doubles, and for the lanes past 2**53 rt_int_true_div,
// one lane at a time. A zero divisor abandons the block (the scalar run
// raises ZeroDivisionError).
typedef struct {
  LLVMValueRef a, b, res;  // allocas: the operands' lanes, the result's
} TrueDivLane;

static void true_div_lane(Simd *S, LLVMValueRef lane, void *arg) {
  TrueDivLane *d = arg;
  LLVMValueRef a = ll_get_lane(S, S->vi64, d->a, lane);
  LLVMValueRef b = ll_get_lane(S, S->vi64, d->b, lane);
  ll_set_lane(S, d->res, lane, ll_rt(S->L, "rt_int_true_div", 2, a, b));
}

static LLVMValueRef vint_true_div(Simd *S, LLVMValueRef a, LLVMValueRef b) {
  Lower *L = S->L;
  bail_if(S, icmp(L, LLVMIntEQ, b, LLVMConstNull(S->vi64)));
  LLVMValueRef q = fmath(L, LLVMBuildFDiv(L->b,
                                          LLVMBuildSIToFP(L->b, a, S->vf64, ""),
                                          LLVMBuildSIToFP(L->b, b, S->vf64, ""),
                                          ""));
  LLVMValueRef fits = LLVMBuildAnd(L->b, ll_int_fits_double(L, a),
                                   ll_int_fits_double(L, b), "");
  LLVMValueRef big = vand_not(S, S->mask, fits);
  TrueDivLane d = {.a = ll_entry_alloca(L, S->vi64, "dividend"),
                   .b = ll_entry_alloca(L, S->vi64, "divisor"),
                   .res = ll_entry_alloca(L, S->vf64, "quotient")};
  LLVMBuildStore(L->b, q, d.res);
  LLVMBasicBlockRef slow = new_block(L, "div.big");
  LLVMBasicBlockRef done = new_block(L, "div.done");
  ll_unlikely(L, LLVMBuildCondBr(L->b, vany(S, big), slow, done));
  move_to(L, slow);
  LLVMBuildStore(L->b, a, d.a);
  LLVMBuildStore(L->b, b, d.b);
  ll_each_lane(S, big, true_div_lane, &d);
  LLVMBuildBr(L->b, done);
  move_to(L, done);
  return vload(S, S->vf64, d.res);
}

// The scalar arithmetic of llvm_arith.c, lane by lane (binop_ok's subset).
LLVMValueRef ll_varith(Simd *S, Operator op, LLVMValueRef a, LLVMValueRef b,
                       const Type *ty) {
  Lower *L = S->L;
  switch (kind_of(ty)) {
  case TY_BOOL:
    if (op == OP_BITAND) return LLVMBuildAnd(L->b, a, b, "");
    if (op == OP_BITOR) return LLVMBuildOr(L->b, a, b, "");
    return LLVMBuildXor(L->b, a, b, "");
  case TY_INT:
    if (op == OP_ADD) return vint_checked(S, "llvm.sadd.with.overflow", a, b);
    if (op == OP_SUB) return vint_checked(S, "llvm.ssub.with.overflow", a, b);
    if (op == OP_MUL) return vint_checked(S, "llvm.smul.with.overflow", a, b);
    return vint_divmod(S, op, a, b);
  case TY_FLOAT:
    if (op == OP_ADD) return fadd(L, a, b);
    if (op == OP_SUB) return fsub(L, a, b);
    if (op == OP_MUL) return fmul(L, a, b);
    bail_if(S, fcmp(L, LLVMRealOEQ, b, LLVMConstNull(S->vf64)));
    return fmath(L, LLVMBuildFDiv(L->b, a, b, ""));
  default: break;
  }
  LLVMValueRef ar = vre(S, a), ai = vim(S, a), br = vre(S, b), bi = vim(S, b);
  if (op == OP_ADD) return vcplx(S, fadd(L, ar, br), fadd(L, ai, bi));
  if (op == OP_SUB) return vcplx(S, fsub(L, ar, br), fsub(L, ai, bi));
  // _Py_c_prod: four products, no FMA, in this order.
  return vcplx(S, fsub(L, fmul(L, ar, br), fmul(L, ai, bi)),
               fadd(L, fmul(L, ar, bi), fmul(L, ai, br)));
}

// complex_pow with a whole exponent 0 <= e <= 100, as CPython computes
// it: c_powu's repeated squaring (r starts at 1+0j and every product is
// _Py_c_prod's four, even by 1+0j: 0 * inf is nan) for e > 0; for e == 0
// c_powi's 1 / x ** 0, exactly 1+0j. An infinite part is the OverflowError
// of Py_ADJUST_ERANGE2: the scalar run raises it.
static LLVMValueRef vcomplex_powi(Simd *S, LLVMValueRef x, int64_t e) {
  Lower *L = S->L;
  LLVMValueRef one = vsplat(S, f64c(L, 1.0)), zero = LLVMConstNull(S->vf64);
  LLVMValueRef r = vcplx(S, one, zero), p = x;
  if (e == 0)
    return r;
  for (int64_t mask = 1; mask > 0 && e >= mask; mask <<= 1) {
    if (e & mask)
      r = ll_varith(S, OP_MUL, r, p, &ty_complex);
    if (mask <= e >> 1)  // c_powu squares once more, unused: LLVM drops it
      p = ll_varith(S, OP_MUL, p, p, &ty_complex);
  }
  LLVMValueRef inf = vsplat(S, f64c(L, INFINITY));
  LLVMValueRef re = ll_intrinsic1(L, "llvm.fabs", vre(S, r));
  LLVMValueRef im = ll_intrinsic1(L, "llvm.fabs", vim(S, r));
  bail_if(S, LLVMBuildOr(L->b, fcmp(L, LLVMRealOEQ, re, inf),
                         fcmp(L, LLVMRealOEQ, im, inf), ""));
  return r;
}

static LLVMValueRef vunary(Simd *S, Node *n) {
  Lower *L = S->L;
  Node *e = n->value ? n->value : n->left;
  LLVMValueRef v = ll_vexpr(S, e);
  if (n->op == OP_NOT)
    return LLVMBuildNot(L->b, ll_vconvert(S, v, e->ty, &ty_bool), "");
  v = ll_vconvert(S, v, e->ty, n->ty);
  if (n->op == OP_UADD)
    return v;
  if (kind_of(n->ty) == TY_COMPLEX)  // complex_neg: both parts negated
    return vcplx(S, fmath(L, LLVMBuildFNeg(L->b, vre(S, v), "")),
                 fmath(L, LLVMBuildFNeg(L->b, vim(S, v), "")));
  if (kind_of(n->ty) == TY_INT)  // -INT64_MIN overflows: 0 - x, checked
    return vint_checked(S, "llvm.ssub.with.overflow", LLVMConstNull(S->vi64),
                        v);
  return fmath(L, LLVMBuildFNeg(L->b, v, ""));
}

// `a and b` / `a or b` on bools: b only matters (and only runs) in the
// lanes where a did not decide.
static LLVMValueRef vboolop(Simd *S, Node *n) {
  LLVMValueRef outer = S->mask, r = NULL;
  for (int i = 0; i < n->values.len; i++) {
    Node *e = n->values.data[i];
    LLVMValueRef v = ll_vconvert(S, ll_vexpr(S, e), e->ty, &ty_bool);
    r = r ? (n->op == OP_AND ? LLVMBuildAnd(S->L->b, r, v, "")
                             : LLVMBuildOr(S->L->b, r, v, ""))
          : v;
    S->mask = n->op == OP_AND ? LLVMBuildAnd(S->L->b, S->mask, r, "")
                              : vand_not(S, S->mask, r);
  }
  S->mask = outer;
  return ll_vconvert(S, r, &ty_bool, n->ty);
}

static LLVMValueRef vifexp(Simd *S, Node *n) {
  LLVMValueRef outer = S->mask;
  LLVMValueRef c = ll_vconvert(S, ll_vexpr(S, n->test), n->test->ty, &ty_bool);
  S->mask = LLVMBuildAnd(S->L->b, outer, c, "");
  LLVMValueRef a =
      ll_vconvert(S, ll_vexpr(S, n->body_expr), n->body_expr->ty, n->ty);
  S->mask = vand_not(S, outer, c);
  LLVMValueRef b =
      ll_vconvert(S, ll_vexpr(S, n->orelse_expr), n->orelse_expr->ty, n->ty);
  S->mask = outer;
  return vselect(S, c, a, b);
}

static LLVMValueRef vcompare_values(Simd *S, Operator op, LLVMValueRef a,
                                    LLVMValueRef b, const Type *t) {
  static const LLVMIntPredicate ip[] = {LLVMIntEQ, LLVMIntNE, LLVMIntSLT,
                                        LLVMIntSLE, LLVMIntSGT, LLVMIntSGE};
  static const LLVMRealPredicate fp[] = {LLVMRealOEQ, LLVMRealUNE,
                                         LLVMRealOLT, LLVMRealOLE,
                                         LLVMRealOGT, LLVMRealOGE};
  Lower *L = S->L;
  int i = op - OP_EQ;
  switch (kind_of(t)) {
  case TY_BOOL:
  case TY_INT:
    return icmp(L, ip[i], ll_vconvert(S, a, t, &ty_int),
                ll_vconvert(S, b, t, &ty_int));
  case TY_FLOAT: return fcmp(L, fp[i], a, b);
  default: break;
  }
  LLVMValueRef r = fcmp(L, fp[i], vre(S, a), vre(S, b));
  LLVMValueRef m = fcmp(L, fp[i], vim(S, a), vim(S, b));
  return op == OP_EQ ? LLVMBuildAnd(L->b, r, m, "")
                     : LLVMBuildOr(L->b, r, m, "");
}

// ---- squares kept with their variables (Simd.squares) ---------------------

// x*x, or re*re and im*im: what a store of x puts in its squares.
static LLVMValueRef squares_of(Simd *S, LLVMValueRef x, const Type *t) {
  Lower *L = S->L;
  if (kind_of(t) != TY_COMPLEX)
    return fmul(L, x, x);
  LLVMValueRef re = vre(S, x), im = vim(S, x);
  return vcplx(S, fmul(L, re, re), fmul(L, im, im));
}

// A slot's lanes in m = x, and its squares (sq, or NULL) with it: those of
// every lane of the new value, which outside m are the old squares again
// (no blend to make).
void ll_vstore_squared(Simd *S, LLVMValueRef slot, LLVMValueRef sq,
                       const Type *t, LLVMValueRef m, LLVMValueRef x) {
  vstore_lanes(S, slot, m, x);
  if (sq)
    LLVMBuildStore(S->L->b, squares_of(S, vload(S, LLVMTypeOf(x), slot), t),
                   sq);
}

// A slot's lane `lane` = the scalar x, and its squares (sq) with it.
void ll_vset_lane_squared(Simd *S, LLVMValueRef slot, LLVMValueRef sq,
                          const Type *t, LLVMValueRef lane, LLVMValueRef x) {
  Lower *L = S->L;
  ll_set_lane_value(S, slot, t, lane, x);
  if (!sq)
    return;
  if (kind_of(t) != TY_COMPLEX) {
    ll_set_lane(S, sq, lane, fmul(L, x, x));
    return;
  }
  LLVMValueRef re = re_of(L, x), im = im_of(L, x);
  ll_set_lane_value(S, sq, t, lane, cplx(L, fmul(L, re, re), fmul(L, im, im)));
}

// A number variable's lanes in m = x (Simd.squares kept).
void ll_vstore_var(Simd *S, const Var *v, LLVMValueRef m, LLVMValueRef x) {
  ll_vstore_squared(S, S->slots[v->index], S->squares[v->index], v->ty, m,
                    x);
}

// A number variable's lane `lane` = x (Simd.squares kept).
void ll_vset_var_lane(Simd *S, const Var *v, LLVMValueRef lane,
                      LLVMValueRef x) {
  ll_vset_lane_squared(S, S->slots[v->index], S->squares[v->index], v->ty,
                       lane, x);
}

// Where n's value and its squares are kept: a plain float or complex
// variable, or the lane's X[i] of a list of them. Returns the squares'
// alloca (NULL if none) and sets *slot.
static LLVMValueRef squared_place(Simd *S, const Node *n, LLVMValueRef *slot) {
  if (n->kind == ND_SUBSCRIPT) {
    const Var *x = n->value->var;
    if (n->value->kind != ND_NAME || !x || n->index->kind != ND_NAME ||
        !S->ivar || n->index->var != S->ivar || kind_of(x->ty) != TY_LIST ||
        kind_of(n->ty) != kind_of(x->ty->elem))
      return NULL;
    int k = ll_vitem_index(S, x);
    *slot = S->items[k];
    return S->item_squares[k];
  }
  const Var *v = n->kind == ND_NAME ? n->var : NULL;
  if (!v || v->kind == VAR_CONST || kind_of(n->ty) != kind_of(v->ty))
    return NULL;
  const VBind *b = bound(S->binds, v);
  if (b)  // an inlined function's parameter: its argument's place
    return b->place ? squared_place(S, b->place, slot) : NULL;
  *slot = S->slots[v->index];
  return S->squares[v->index];
}

// ---- which places keep squares ---------------------------------------------

// The variable of a place that may keep squares (x, or X of X[i]), or NULL;
// an inlined function's parameter is its argument's place, if a place.
static const Var *place_var(const VBind *binds, const Node *n) {
  if (n->kind == ND_SUBSCRIPT)
    n = n->value;
  if (n->kind != ND_NAME || !n->var || n->var->kind == VAR_CONST)
    return NULL;
  const VBind *b = bound(binds, n->var);
  if (b)
    return b->place ? place_var(binds, b->place) : NULL;
  return n->var;
}

static void mark_squared(bool *marks, const VBind *binds, const Node *n);

static void mark_all(bool *marks, const VBind *binds, const PtrVec *v) {
  for (int i = 0; i < v->len; i++)
    mark_squared(marks, binds, v->data[i]);
}

// A call of the file's own function, inlined: its body squares what its
// place arguments hold (the binding vbind_args makes).
static void mark_call(bool *marks, const VBind *binds, const Node *n) {
  const Func *g = n->callee;
  Node *r = ll_inline_return(g);
  if (!r || n->args.len != g->nparams || !g->nparams)
    return;
  VBind b[g->nparams];
  for (int i = 0; i < g->nparams; i++) {
    Node *a = n->args.data[i];
    bool place = (a->kind == ND_NAME || a->kind == ND_SUBSCRIPT) &&
                 kind_of(a->ty) == kind_of(g->params[i]->ty);
    b[i] = (VBind){.param = g->params[i], .place = place ? a : NULL,
                   .next = i + 1 < g->nparams ? &b[i + 1] : (VBind *)binds};
  }
  mark_squared(marks, b, r->value);
}

// Marks the places n squares: x * x of one variable or lane item, and
// abs(z) (its squared modulus).
static void mark_squared(bool *marks, const VBind *binds, const Node *n) {
  if (!n)
    return;
  const Var *v = NULL;
  if (n->kind == ND_BINOP && n->op == OP_MUL && place_var(binds, n->left) &&
      place_var(binds, n->left) == place_var(binds, n->right) &&
      n->left->kind == n->right->kind)
    v = place_var(binds, n->left);
  if (n->kind == ND_CALL && !n->callee && n->builtin == BI_ABS &&
      n->args.len == 1)
    v = place_var(binds, n->args.data[0]);
  if (n->kind == ND_CALL && n->callee && !n->callee->recursive)
    mark_call(marks, binds, n);
  if (v)
    marks[v->index] = true;
  const Node *kids[] = {n->left, n->right, n->value, n->test, n->body_expr,
                        n->orelse_expr, n->iter};
  for (size_t i = 0; i < sizeof kids / sizeof *kids; i++)
    mark_squared(marks, binds, kids[i]);
  const PtrVec *vecs[] = {&n->targets, &n->elts, &n->values, &n->comparators,
                          &n->args, &n->body, &n->orelse};
  for (size_t i = 0; i < sizeof vecs / sizeof *vecs; i++)
    mark_all(marks, binds, vecs[i]);
}

// By Var index: whether body squares the variable (or the list's lane
// item), so that its stores keep squares; others need none.
bool *ll_squared_places(Simd *S, const PtrVec *body) {
  bool *marks = arena_alloc(S->L->a, sizeof *marks * (S->f->vars.len + 1));
  memset(marks, 0, sizeof *marks * (S->f->vars.len + 1));
  mark_all(marks, NULL, body);
  return marks;
}

// x * x of one place from its squares: x*x for a float; for a complex
// _Py_c_prod with a == b, re*re - im*im and re*im + im*re, two of its
// four products kept. NULL when n is no such product.
static LLVMValueRef vsquare(Simd *S, Node *n) {
  LLVMValueRef slot = NULL, other = NULL;
  LLVMValueRef sq = squared_place(S, n->left, &slot);
  if (!sq || squared_place(S, n->right, &other) != sq ||
      kind_of(n->ty) != kind_of(n->left->ty))
    return NULL;
  Lower *L = S->L;
  if (kind_of(n->ty) != TY_COMPLEX)
    return vload(S, S->vf64, sq);
  LLVMValueRef z = vload(S, S->vcplx, slot), s2 = vload(S, S->vcplx, sq);
  LLVMValueRef re = vre(S, z), im = vim(S, z);
  return vcplx(S, fsub(L, vre(S, s2), vim(S, s2)),
               fadd(L, fmul(L, re, im), fmul(L, im, re)));
}

// ---- lanes one at a time ---------------------------------------------------

// Inside ll_each_lane a vector alloca is reached lane by lane through a
// copy of its lanes in memory ([width x T], a mask's lanes as bytes):
// spilled once before the loop, the first time the loop touches it, and
// reloaded after the loop if it wrote it. A lane then costs one scalar
// load or store, not a whole vector through the stack.
typedef struct {
  LLVMValueRef slot, mem[2];  // the alloca; its lanes (both complex parts)
  LLVMTypeRef vt;             // its type: a vector, or S->vcplx
  bool written;
} Staged;

struct LaneStage {
  PtrVec staged;          // Staged *
  LLVMBasicBlockRef pre;  // the block before the loop: the spills
};

static LLVMTypeRef part_type(Simd *S, LLVMTypeRef vt) {
  return vt == S->vcplx ? S->vf64 : vt;
}

static LLVMTypeRef mem_elem(Simd *S, LLVMTypeRef vt) {
  LLVMTypeRef e = LLVMGetElementType(part_type(S, vt));
  return e == S->L->t_i1 ? S->L->t_i8 : e;
}

static Staged *staged(Simd *S, LLVMValueRef slot, LLVMTypeRef vt) {
  struct LaneStage *st = S->stage;
  for (int i = 0; i < st->staged.len; i++) {
    Staged *g = st->staged.data[i];
    if (g->slot == slot)
      return g;
  }
  Lower *L = S->L;
  Staged *g = arena_alloc(L->a, sizeof *g);
  *g = (Staged){.slot = slot, .vt = vt};
  LLVMBasicBlockRef cur = LLVMGetInsertBlock(L->b);
  LLVMPositionBuilderBefore(L->b, LLVMGetBasicBlockTerminator(st->pre));
  LLVMValueRef v = vload(S, vt, slot);
  LLVMTypeRef at = LLVMArrayType2(mem_elem(S, vt), S->width);
  for (int p = 0; p < (vt == S->vcplx ? 2 : 1); p++) {
    LLVMValueRef x = vt == S->vcplx ? LLVMBuildExtractValue(L->b, v, p, "")
                                    : v;
    if (part_type(S, vt) == S->vi1)
      x = LLVMBuildZExt(L->b, x, LLVMVectorType(L->t_i8, S->width), "");
    g->mem[p] = ll_entry_alloca(L, at, "lanes");
    LLVMSetAlignment(g->mem[p], 64);
    LLVMSetAlignment(LLVMBuildStore(L->b, x, g->mem[p]), 64);
  }
  move_to(L, cur);
  vec_push(L->a, &st->staged, g);
  return g;
}

// After the loop: the written copies back into their allocas.
static void unstage(Simd *S, struct LaneStage *st) {
  Lower *L = S->L;
  for (int i = 0; i < st->staged.len; i++) {
    Staged *g = st->staged.data[i];
    if (!g->written)
      continue;
    LLVMTypeRef pt = part_type(S, g->vt);
    LLVMTypeRef mt = LLVMVectorType(mem_elem(S, g->vt), S->width);
    LLVMValueRef v[2];
    for (int p = 0; p < (g->vt == S->vcplx ? 2 : 1); p++) {
      v[p] = LLVMBuildLoad2(L->b, mt, g->mem[p], "");
      LLVMSetAlignment(v[p], 64);  // the array's, not the vector type's
      if (pt == S->vi1)
        v[p] = LLVMBuildTrunc(L->b, v[p], pt, "");
    }
    LLVMBuildStore(L->b, g->vt == S->vcplx ? vcplx(S, v[0], v[1]) : v[0],
                   g->slot);
  }
}

// The address of lane `lane` of part p of slot (of type vt) in its copy.
static LLVMValueRef lane_ptr(Simd *S, LLVMValueRef slot, LLVMTypeRef vt,
                             int p, LLVMValueRef lane, bool write) {
  Staged *g = staged(S, slot, vt);
  g->written |= write;
  return LLVMBuildGEP2(S->L->b, mem_elem(S, vt), g->mem[p], &lane, 1, "");
}

static void store_lane(Simd *S, LLVMValueRef slot, LLVMTypeRef vt, int p,
                       LLVMValueRef lane, LLVMValueRef x) {
  Lower *L = S->L;
  if (LLVMTypeOf(x) == L->t_i1)
    x = LLVMBuildZExt(L->b, x, L->t_i8, "");
  LLVMBuildStore(L->b, x, lane_ptr(S, slot, vt, p, lane, true));
}

static LLVMValueRef load_lane(Simd *S, LLVMValueRef slot, LLVMTypeRef vt,
                              int p, LLVMValueRef lane) {
  Lower *L = S->L;
  LLVMTypeRef e = mem_elem(S, vt);
  LLVMValueRef x = LLVMBuildLoad2(L->b, e, lane_ptr(S, slot, vt, p, lane,
                                                    false), "");
  return LLVMGetElementType(part_type(S, vt)) == L->t_i1
             ? LLVMBuildTrunc(L->b, x, L->t_i1, "")
             : x;
}

// for lane in 0..width-1: if m[lane]: fn(lane), over the set bits of m
// (lowest first), so the loop costs nothing for the lanes not in m. The
// lane is a run-time index, so the code stays short whatever the width;
// fn reaches vector allocas through ll_set_lane and friends only (see
// Staged), and does not nest another ll_each_lane.
void ll_each_lane(Simd *S, LLVMValueRef m, LaneFn fn, void *arg) {
  Lower *L = S->L;
  struct LaneStage st = {.pre = LLVMGetInsertBlock(L->b)};
  LLVMTypeRef bt = LLVMIntTypeInContext(L->c, S->width);
  LLVMValueRef bits0 = LLVMBuildBitCast(L->b, m, bt, "lanes");
  LLVMBasicBlockRef head = new_block(L, "lane"), body = new_block(L, "lane.on");
  LLVMBasicBlockRef next = new_block(L, "lane.next");
  LLVMBasicBlockRef done = new_block(L, "lanes.done");
  LLVMBuildBr(L->b, head);
  move_to(L, head);
  LLVMValueRef bits = LLVMBuildPhi(L->b, bt, "lanes");
  LLVMBuildCondBr(L->b, icmp(L, LLVMIntNE, bits, LLVMConstNull(bt)), body,
                  done);
  move_to(L, body);
  LLVMValueRef args[2] = {bits, LLVMConstInt(L->t_i1, 1, false)};
  LLVMValueRef k = LLVMBuildIntCast2(
      L->b, ll_intrinsic(L, "llvm.cttz", bt, 2, args), L->t_i32, false, "lane");
  S->stage = &st;
  fn(S, k, arg);
  S->stage = NULL;
  branch_to(L, next);
  move_to(L, next);
  LLVMValueRef rest = LLVMBuildAnd(
      L->b, bits, LLVMBuildSub(L->b, bits, LLVMConstInt(bt, 1, false), ""),
      "");
  LLVMBuildBr(L->b, head);
  LLVMValueRef vals[2] = {bits0, rest};
  LLVMBasicBlockRef bbs[2] = {st.pre, next};
  LLVMAddIncoming(bits, vals, bbs, 2);
  move_to(L, done);
  unstage(S, &st);
}

// slot[lane] = x, for a vector alloca.
void ll_set_lane(Simd *S, LLVMValueRef slot, LLVMValueRef lane,
                 LLVMValueRef x) {
  LLVMTypeRef t = LLVMVectorType(LLVMTypeOf(x), S->width);
  if (S->stage) {
    store_lane(S, slot, t, 0, lane, x);
    return;
  }
  LLVMValueRef v = vload(S, t, slot);
  LLVMBuildStore(S->L->b, LLVMBuildInsertElement(S->L->b, v, x, lane, ""),
                 slot);
}

LLVMValueRef ll_get_lane(Simd *S, LLVMTypeRef vt, LLVMValueRef slot,
                         LLVMValueRef lane) {
  if (S->stage)
    return load_lane(S, slot, vt, 0, lane);
  return LLVMBuildExtractElement(S->L->b, vload(S, vt, slot), lane, "");
}

// abs(z) OP C, as llvm_expr.c's abs_compare decides it: the squared modulus
// outside the margin answers; lanes inside it (or infinite, or nan) call
// the exact rt_complex_abs one at a time.
typedef struct {
  LLVMValueRef re, im, res;  // res: alloca of the answers
  Operator op;
  double c;
  int line;
} AbsLane;

static void abs_lane(Simd *S, LLVMValueRef lane, void *arg) {
  Lower *L = S->L;
  AbsLane *a = arg;
  LLVMValueRef re = LLVMBuildExtractElement(L->b, a->re, lane, "");
  LLVMValueRef im = LLVMBuildExtractElement(L->b, a->im, lane, "");
  LLVMValueRef r = ll_rt(L, "rt_complex_abs", 4, L->fs->ctx, re, im,
                         i32c(L, a->line));
  ll_check_exc(L);  // OverflowError: the block re-runs scalar
  LLVMValueRef v = LLVMBuildInsertElement(L->b, vsplat(S, r), r, lane, "");
  LLVMValueRef c = vsplat(S, f64c(L, a->c));
  LLVMValueRef b = vcompare_values(S, a->op, v, c, &ty_float);
  ll_set_lane(S, a->res, lane, LLVMBuildExtractElement(L->b, b, lane, ""));
}

// |z|^2 as abs_compare computes it: re*re + im*im, the squares a plain
// variable or lane item keeps reused.
static LLVMValueRef vabs_squared(Simd *S, Node *arg) {
  Lower *L = S->L;
  LLVMValueRef slot = NULL, sq = squared_place(S, arg, &slot);
  if (sq && kind_of(arg->ty) == TY_COMPLEX) {
    sq = vload(S, S->vcplx, sq);
    return fadd(L, vre(S, sq), vim(S, sq));
  }
  LLVMValueRef z = ll_vexpr(S, arg);
  LLVMValueRef re = vre(S, z), im = vim(S, z);
  return fadd(L, fmul(L, re, re), fmul(L, im, im));
}

// The lanes of m not surely below the band decide in abs_slow: above it
// (and finite) from the squared modulus, in it by the exact abs.
static void abs_slow(Simd *S, AbsLane *a, LLVMValueRef s, LLVMValueRef m,
                     LLVMValueRef below) {
  Lower *L = S->L;
  double c = a->c;
  LLVMValueRef hi = vsplat(S, f64c(L, c * c * (1 + 0x1p-40)));
  LLVMValueRef above =
      LLVMBuildAnd(L->b, fcmp(L, LLVMRealOGT, s, hi),
                   fcmp(L, LLVMRealOLE, s, vsplat(S, f64c(L, DBL_MAX))), "");
  bool less = a->op == OP_LT || a->op == OP_LTE;
  LLVMBuildStore(L->b, less ? below : above, a->res);
  LLVMValueRef unsure = vand_not(S, m, above);
  LLVMBasicBlockRef slow = new_block(L, "abs.exact");
  LLVMBasicBlockRef done = new_block(L, "abs.decided");
  LLVMBuildCondBr(L->b, vany(S, unsure), slow, done);
  move_to(L, slow);
  ll_each_lane(S, unsure, abs_lane, a);
  LLVMBuildBr(L->b, done);
  move_to(L, done);
}

// abs(z) OP C (ll_abs_bound) with one compare on the hot path: while
// every lane of the mask is below the band's lower edge the answer is the
// same in all of them (true for < and <=, false for > and >=), and the
// code branches to `below`, as the hand-written kernels test. Any other
// lane (near or past the bound, or nan) goes on to abs_slow, after which
// the builder is left with the answers of the lanes of the mask.
LLVMValueRef ll_vabs_compare(Simd *S, Node *n, LLVMBasicBlockRef below_bb) {
  Lower *L = S->L;
  double c = 0;
  ll_abs_bound(n, &c);
  Operator op = (Operator)(intptr_t)n->ops.data[0];
  Node *arg = ((Node *)n->left)->args.data[0];
  LLVMValueRef s = vabs_squared(S, arg);
  LLVMValueRef lo = vsplat(S, f64c(L, c * c * (1 - 0x1p-40)));
  LLVMValueRef below = fcmp(L, LLVMRealOLT, s, lo);
  LLVMValueRef rest = vand_not(S, S->mask, below);
  LLVMBasicBlockRef slow = new_block(L, "abs.near");
  ll_unlikely(L, LLVMBuildCondBr(L->b, vany(S, rest), slow, below_bb));
  move_to(L, slow);
  LLVMValueRef z = ll_vexpr(S, arg);
  AbsLane a = {.re = vre(S, z), .im = vim(S, z), .op = op, .c = c,
               .line = n->line};
  a.res = ll_entry_alloca(L, S->vi1, "abs.lanes");
  abs_slow(S, &a, s, rest, below);
  return vload(S, S->vi1, a.res);
}

// As a value: the answer of the lanes below the band joins abs_slow's.
static LLVMValueRef vabs_compare(Simd *S, Node *n) {
  Lower *L = S->L;
  Operator op = (Operator)(intptr_t)n->ops.data[0];
  bool less = op == OP_LT || op == OP_LTE;
  LLVMBasicBlockRef below = new_block(L, "abs.below");
  LLVMBasicBlockRef done = new_block(L, "abs.done");
  LLVMValueRef slow = ll_vabs_compare(S, n, below);
  LLVMBasicBlockRef slow_end = LLVMGetInsertBlock(L->b);
  LLVMBuildBr(L->b, done);
  move_to(L, below);
  LLVMBuildBr(L->b, done);
  move_to(L, done);
  LLVMValueRef r = LLVMBuildPhi(L->b, S->vi1, "abs");
  LLVMValueRef vals[2] = {slow, less ? vones(S) : vnone(S)};
  LLVMBasicBlockRef bbs[2] = {slow_end, below};
  LLVMAddIncoming(r, vals, bbs, 2);
  return r;
}

// The constant C of `abs(z) OP C` (also `2` widened to float).
bool ll_abs_bound(const Node *n, double *c) {
  const Node *l = n->left, *k = n->comparators.data[0];
  if (n->ops.len != 1 || l->kind != ND_CALL || l->builtin != BI_ABS)
    return false;
  if (k->kind == ND_CONVERT)
    k = k->value;
  if (k->kind == ND_NAME && k->var && k->var->kind == VAR_CONST)
    k = k->var->value;  // LIMIT = 2.0
  if (k->kind != ND_CONSTANT)
    return false;
  *c = k->cval.kind == CONST_INT ? (double)k->cval.ival : k->cval.fval;
  Operator op = (Operator)(intptr_t)n->ops.data[0];
  // past 2**53 an int bound is compared exactly, not as *c
  return ((k->cval.kind == CONST_INT && pym_int_fits_double(k->cval.ival)) ||
          k->cval.kind == CONST_FLOAT) &&
         op >= OP_LT && *c >= 0x1p-400 && *c <= 0x1p400;
}

// llvm_expr.c's compare_int_mixed in every lane: `i OP x` for an int i
// and a float or complex x (== and != only), exactly.
static LLVMValueRef vcompare_int_mixed(Simd *S, Operator op, LLVMValueRef i,
                                       LLVMValueRef x, const Type *xty) {
  Lower *L = S->L;
  if (kind_of(xty) == TY_FLOAT)
    return ll_int_float_compare(L, op, i, x);
  LLVMValueRef im0 = fcmp(L, LLVMRealOEQ, vim(S, x), LLVMConstNull(S->vf64));
  LLVMValueRef eq = LLVMBuildAnd(
      L->b, im0, ll_int_float_compare(L, OP_EQ, i, vre(S, x)), "");
  return op == OP_EQ ? eq : LLVMBuildNot(L->b, eq, "");
}

// One link of a chain (llvm_expr.c's compare_pair).
static LLVMValueRef vcompare_pair(Simd *S, Operator op, LLVMValueRef a,
                                  const Type *aty, LLVMValueRef b,
                                  const Type *bty) {
  TypeKind ak = kind_of(aty), bk = kind_of(bty);
  if (ak == TY_INT && (bk == TY_FLOAT || bk == TY_COMPLEX))
    return vcompare_int_mixed(S, op, a, b, bty);
  if (bk == TY_INT && (ak == TY_FLOAT || ak == TY_COMPLEX))
    return vcompare_int_mixed(S, ll_swapped_compare(op), b, a, aty);
  const Type *t = ak >= bk ? aty : bty;
  return vcompare_values(S, op, ll_vconvert(S, a, aty, t),
                         ll_vconvert(S, b, bty, t), t);
}

// A comparison chain: every comparison is made in every lane; a lane's
// answer is the AND of its own comparisons (operands have no effects).
static LLVMValueRef vcompare(Simd *S, Node *n) {
  double c;
  if (n->left->kind == ND_CALL && n->left->builtin == BI_ABS &&
      kind_of(((Node *)n->left->args.data[0])->ty) == TY_COMPLEX) {
    if (ll_abs_bound(n, &c))
      return vabs_compare(S, n);
  }
  LLVMValueRef a = ll_vexpr(S, n->left), r = NULL;
  Type *aty = n->left->ty;
  for (int i = 0; i < n->ops.len; i++) {
    Node *rn = n->comparators.data[i];
    LLVMValueRef b = ll_vexpr(S, rn);
    LLVMValueRef x = vcompare_pair(S, (Operator)(intptr_t)n->ops.data[i], a,
                                   aty, b, rn->ty);
    r = r ? LLVMBuildAnd(S->L->b, r, x, "") : x;
    a = b;
    aty = rn->ty;
  }
  return r;
}

static LLVMValueRef vattribute(Simd *S, Node *n) {
  Node *v = n->value;
  if (v->kind == ND_NAME && !v->var)
    return vname(S, &(Node){.kind = ND_NAME, .name = n->name, .ty = n->ty});
  LLVMValueRef z = ll_vexpr(S, v);
  return !strcmp(n->name, "real") ? vre(S, z) : vim(S, z);
}

// complex(re[, im]) of real numbers: the parts as they are (builtin_complex
// adds nothing when neither argument is complex).
static LLVMValueRef vcomplex(Simd *S, Node *n) {
  Node *a = n->args.data[0];
  LLVMValueRef re = ll_vconvert(S, ll_vexpr(S, a), a->ty, &ty_float);
  LLVMValueRef im = LLVMConstNull(S->vf64);
  if (n->args.len > 1) {
    Node *b = n->args.data[1];
    im = ll_vconvert(S, ll_vexpr(S, b), b->ty, &ty_float);
  }
  return vcplx(S, re, im);
}

// ---- math functions and float powers ---------------------------------------

// A call the scalar code makes to a runtime helper, made for each active
// lane with that lane's operands: rt_math1 and rt_math2 (CPython's
// mathmodule code around the C library's function, domain checks
// included) and rt_float_pow (float_pow around pow). A lane that raises
// leaves the block to the scalar run, which raises in point order.
typedef struct {
  const char *helper;
  int builtin;          // rt_math1/2: the function; else -1
  LLVMValueRef x, y;    // allocas of the operands (y: NULL for one)
  LLVMValueRef res;     // alloca of the results
  int line;
} HelperLane;

static void helper_lane(Simd *S, LLVMValueRef lane, void *arg) {
  Lower *L = S->L;
  HelperLane *h = arg;
  LLVMValueRef x = ll_get_lane(S, S->vf64, h->x, lane);
  LLVMValueRef y = h->y ? ll_get_lane(S, S->vf64, h->y, lane) : NULL;
  LLVMValueRef r;
  if (h->builtin < 0)
    r = ll_rt(L, h->helper, 4, L->fs->ctx, x, y, i32c(L, h->line));
  else if (y)
    r = ll_rt(L, h->helper, 5, L->fs->ctx, i32c(L, h->builtin), x, y,
              i32c(L, h->line));
  else
    r = ll_rt(L, h->helper, 4, L->fs->ctx, i32c(L, h->builtin), x,
              i32c(L, h->line));
  ll_check_exc(L);
  ll_set_lane(S, h->res, lane, r);
}

static LLVMValueRef vhelper(Simd *S, const char *helper, int builtin,
                            LLVMValueRef x, LLVMValueRef y, int line) {
  Lower *L = S->L;
  HelperLane h = {.helper = helper, .builtin = builtin, .line = line,
                  .x = ll_entry_alloca(L, S->vf64, "arg"),
                  .y = y ? ll_entry_alloca(L, S->vf64, "arg2") : NULL,
                  .res = ll_entry_alloca(L, S->vf64, "result")};
  LLVMBuildStore(L->b, x, h.x);
  if (y)
    LLVMBuildStore(L->b, y, h.y);
  LLVMBuildStore(L->b, LLVMConstNull(S->vf64), h.res);
  ll_each_lane(S, S->mask, helper_lane, &h);
  return vload(S, S->vf64, h.res);
}

// int() of floor/ceil/trunc's float: exact in the int64 range; a lane
// outside it (or nan, inf) leaves the block for the scalar run's error.
static LLVMValueRef vfloat_to_int(Simd *S, LLVMValueRef x) {
  Lower *L = S->L;
  LLVMValueRef lo = fcmp(L, LLVMRealOGE, x, vsplat(S, f64c(L, -0x1p63)));
  LLVMValueRef hi = fcmp(L, LLVMRealOLT, x, vsplat(S, f64c(L, 0x1p63)));
  bail_if(S, LLVMBuildNot(L->b, LLVMBuildAnd(L->b, lo, hi, ""), ""));
  // lanes outside the mask may hold anything: no poison from them
  LLVMValueRef safe = vselect(S, LLVMBuildAnd(L->b, lo, hi, ""), x,
                              LLVMConstNull(S->vf64));
  return LLVMBuildFPToSI(L->b, safe, S->vi64, "");
}

// math.NAME(x[, y]) of real numbers, as llvm_call.c's builtin_math: IEEE
// gives sqrt (a negative lane raises ValueError in the scalar run), fabs,
// copysign, floor/ceil/trunc and the tests exactly in vector code; the
// others run CPython's code per lane (vhelper).
static LLVMValueRef vmath(Simd *S, Node *n) {
  Lower *L = S->L;
  Node *a = n->args.data[0];
  LLVMValueRef x = ll_vconvert(S, ll_vexpr(S, a), a->ty, &ty_float);
  LLVMValueRef y = NULL;
  if (n->args.len > 1) {
    Node *b = n->args.data[1];
    y = ll_vconvert(S, ll_vexpr(S, b), b->ty, &ty_float);
  }
  LLVMValueRef inf = vsplat(S, f64c(L, INFINITY));
  switch (n->builtin) {
  case BI_MATH_SQRT:
    bail_if(S, fcmp(L, LLVMRealOLT, x, LLVMConstNull(S->vf64)));
    return ll_intrinsic1(L, "llvm.sqrt", x);
  case BI_MATH_FABS: return ll_intrinsic1(L, "llvm.fabs", x);
  case BI_MATH_FLOOR:
    return vfloat_to_int(S, ll_intrinsic1(L, "llvm.floor", x));
  case BI_MATH_CEIL: return vfloat_to_int(S, ll_intrinsic1(L, "llvm.ceil", x));
  case BI_MATH_TRUNC:
    return vfloat_to_int(S, ll_intrinsic1(L, "llvm.trunc", x));
  case BI_MATH_COPYSIGN: {
    LLVMValueRef args[2] = {x, y};
    return ll_intrinsic(L, "llvm.copysign", S->vf64, 2, args);
  }
  case BI_MATH_ISNAN: return fcmp(L, LLVMRealUNO, x, x);
  case BI_MATH_ISINF:
    return fcmp(L, LLVMRealOEQ, ll_intrinsic1(L, "llvm.fabs", x), inf);
  case BI_MATH_ISFINITE:
    return fcmp(L, LLVMRealOLT, ll_intrinsic1(L, "llvm.fabs", x), inf);
  default: break;
  }
  return vhelper(S, y ? "rt_math2" : "rt_math1", n->builtin, x, y, n->line);
}

// What math.NAME returns: int for floor, ceil and trunc (of a float),
// bool for the tests, else float.
static const Type *math_result(const Node *n) {
  switch (n->builtin) {
  case BI_MATH_FLOOR:
  case BI_MATH_CEIL:
  case BI_MATH_TRUNC: return &ty_int;
  case BI_MATH_ISNAN:
  case BI_MATH_ISINF:
  case BI_MATH_ISFINITE: return &ty_bool;
  default: return &ty_float;
  }
}

static LLVMValueRef vcall(Simd *S, Node *n) {
  if (n->builtin == BI_COMPLEX)
    return vcomplex(S, n);
  if (n->builtin >= BI_MATH_SQRT && n->builtin <= BI_MATH_RADIANS)
    return ll_vconvert(S, vmath(S, n), math_result(n), n->ty);
  Node *a = n->args.data[0];
  LLVMValueRef x = ll_vconvert(S, ll_vexpr(S, a), a->ty, n->ty);
  if (n->builtin == BI_ABS)
    return ll_intrinsic1(S->L, "llvm.fabs", x);
  return x;  // float(x)
}

// A call of the file's own function whose body is `return EXPR`, inlined:
// Python binds the arguments in order, then evaluates EXPR. A place
// argument (a variable, X[i], a constant: pure, read again where the
// parameter is read) of the parameter's kind is bound as it is, so the
// squares kept with it still serve `z * z` in the callee; any other is
// computed once here, converted to the parameter's type as the scalar
// call converts it. The result goes through the function's return type.
static LLVMValueRef vuser_call(Simd *S, Node *n) {
  const Func *g = n->callee;
  Node *r = ll_inline_return(g);
  assert(r && !g->recursive && n->args.len == g->nparams);
  VBind *b = arena_alloc(S->L->a, sizeof *b * (size_t)(g->nparams + 1));
  for (int i = 0; i < g->nparams; i++) {
    Node *a = n->args.data[i];
    const Var *p = g->params[i];
    bool place = (a->kind == ND_NAME || a->kind == ND_SUBSCRIPT ||
                  a->kind == ND_CONSTANT) &&
                 kind_of(a->ty) == kind_of(p->ty);
    b[i] = (VBind){.param = p, .place = place ? a : NULL,
                   .next = i + 1 < g->nparams ? &b[i + 1] : S->binds};
    if (!place)
      b[i].value = ll_vconvert(S, ll_vexpr(S, a), a->ty, p->ty);
  }
  VBind *outer = S->binds;
  if (g->nparams)
    S->binds = b;
  LLVMValueRef v = ll_vexpr(S, r->value);
  S->binds = outer;
  v = ll_vconvert(S, v, r->value->ty, g->ret);
  return ll_vconvert(S, v, g->ret, n->ty);
}

// Cases in NodeKind order, the subset expr_ok admits.
LLVMValueRef ll_vexpr(Simd *S, Node *n) {
  at(S->L, n);
  switch (n->kind) {
  case ND_BOOLOP: return vboolop(S, n);
  case ND_BINOP: {
    LLVMValueRef sq = n->op == OP_MUL ? vsquare(S, n) : NULL;
    if (sq)
      return sq;
    int64_t e;
    if (n->op == OP_POW && kind_of(n->ty) == TY_FLOAT) {  // float_pow
      LLVMValueRef a = ll_vconvert(S, ll_vexpr(S, n->left), n->left->ty,
                                   &ty_float);
      LLVMValueRef b = ll_vconvert(S, ll_vexpr(S, n->right), n->right->ty,
                                   &ty_float);
      return vhelper(S, "rt_float_pow", -1, a, b, n->line);
    }
    if (n->op == OP_POW && ll_pow_exponent(n->right, &e))
      return vcomplex_powi(S, ll_vexpr(S, n->left), e);
    LLVMValueRef a = ll_vexpr(S, n->left), b = ll_vexpr(S, n->right);
    if (n->op == OP_DIV && kind_of(n->left->ty) <= TY_INT)  // int / int
      return vint_true_div(S, ll_vconvert(S, a, n->left->ty, &ty_int),
                           ll_vconvert(S, b, n->right->ty, &ty_int));
    return ll_varith(S, n->op, a, b, n->ty);
  }
  case ND_UNARYOP: return vunary(S, n);
  case ND_IFEXP: return vifexp(S, n);
  case ND_COMPARE: return vcompare(S, n);
  case ND_CALL: return n->callee ? vuser_call(S, n) : vcall(S, n);
  case ND_CONSTANT: return vconstant(S, n);
  case ND_ATTRIBUTE: return vattribute(S, n);
  case ND_SUBSCRIPT: return vitem(S, n);
  case ND_NAME: return vname(S, n);
  case ND_CONVERT:
    return ll_vconvert(S, ll_vexpr(S, n->value), n->value->ty, n->ty);
  default: break;
  }
  assert(!"not admitted by expr_ok");
  return NULL;
}

// A lane of a complex vector alloca, or of any other.
void ll_set_lane_value(Simd *S, LLVMValueRef slot, const Type *t,
                       LLVMValueRef lane, LLVMValueRef x) {
  Lower *L = S->L;
  if (kind_of(t) != TY_COMPLEX) {
    ll_set_lane(S, slot, lane, x);
    return;
  }
  if (S->stage) {
    store_lane(S, slot, S->vcplx, 0, lane, re_of(L, x));
    store_lane(S, slot, S->vcplx, 1, lane, im_of(L, x));
    return;
  }
  LLVMValueRef z = vload(S, S->vcplx, slot);
  LLVMValueRef re = LLVMBuildInsertElement(L->b, vre(S, z), re_of(L, x),
                                           lane, "");
  LLVMValueRef im = LLVMBuildInsertElement(L->b, vim(S, z), im_of(L, x),
                                           lane, "");
  LLVMBuildStore(L->b, vcplx(S, re, im), slot);
}

LLVMValueRef ll_get_lane_value(Simd *S, LLVMValueRef slot, const Type *t,
                               LLVMValueRef lane) {
  Lower *L = S->L;
  if (kind_of(t) != TY_COMPLEX)
    return ll_get_lane(S, vtype(S, t), slot, lane);
  if (S->stage)
    return cplx(L, load_lane(S, slot, S->vcplx, 0, lane),
                load_lane(S, slot, S->vcplx, 1, lane));
  LLVMValueRef z = vload(S, S->vcplx, slot);
  return cplx(L, LLVMBuildExtractElement(L->b, vre(S, z), lane, ""),
              LLVMBuildExtractElement(L->b, vim(S, z), lane, ""));
}
