// llvm_simd.c - the per-point body once more, in SPMD form (as ISPC does).
//
// Every per-point value becomes a vector of `width` lanes, one point a lane:
// i1 lanes for bool, i64 for int, double for float, and a pair of double
// vectors for complex. `if` runs both arms under lane masks (an arm no lane
// takes is skipped), loops run while any lane is active, break/continue and
// return clear lanes from the current mask. Every lane performs exactly the
// IEEE operations of the scalar code: fmul and fadd on vectors without
// fast-math flags stay separate instructions, so no FMA appears and sums stay
// CPython's. The width is twice the host's (16 doubles with AVX-512, 8 with
// AVX2): LLVM splits each operation into two independent registers, which
// keeps two chains of dependent multiply-adds in flight.
//
// The body must be P; LOOP; E: straight-line statements around one loop (the
// escape loop). A lane whose point leaves LOOP runs E, hands back its result,
// is refilled with the next point at once and runs P, while the other lanes
// stay in LOOP; so lanes never idle while a slow point finishes. Anything a
// lane cannot do exactly in vector form (a runtime error of any lane, an
// index outside a list) abandons the block: the function returns 1 and the
// caller re-runs the whole block with the scalar code, which gives CPython's
// behaviour, errors and their order included. Constructs outside the subset
// are found before any code is made (why_not), and the kernel keeps only the
// scalar path; -v says why.
//
// Two entries use it. A point-form kernel NAME(c, maxiter) gets
// NAME.points(ctx, xs, ys, nx, lo, hi, maxiter, counts), which the driver's
// workers call once a block of points. The list kernel's outlined parallel
// loop NAME.body(env, ctx, lo, hi) first tries NAME.body.simd.
#include "llvm_lower.h"

// Two registers of host width per vector: enough independent work to hide
// the latency of the escape loop's dependent multiply-add chain.
#define SIMD_INTERLEAVE 2

// The masks of the innermost loop being lowered: lanes that left it by
// break, and lanes that ended this iteration by continue.
typedef struct VLoop {
  LLVMValueRef exited, skipped;  // allocas of lane masks
  struct VLoop *outer;
} VLoop;

typedef struct {
  Lower *L;
  const Func *f;
  unsigned width;
  LLVMTypeRef vi1, vi64, vf64, vcplx;
  LLVMValueRef *slots;   // vector alloca of each number Var, by index
  LLVMValueRef done;     // lanes that returned (point kernels)
  LLVMValueRef ret;      // the returned value of each lane
  LLVMValueRef mask;     // lanes executing the current statement
  LLVMBasicBlockRef bail;
  VLoop *loop;
  Var *ivar;             // list kernel: the loop target i
  PtrVec lists;          // Var *: lists read or written as X[i]
  LLVMValueRef *items;   // per lists entry: vector alloca of X[i]
  LLVMValueRef *bases;   // per lists entry: X's data pointer
} Simd;

// ---- which bodies can run in vector form -----------------------------------

typedef struct {
  const Func *f;
  Var *ivar;
  bool point;    // a point kernel (return allowed)
  const char *why;
  const Node *where;
} Check;

static bool refuse(Check *c, const Node *n, const char *why) {
  if (!c->why) {
    c->why = why;
    c->where = n;
  }
  return false;
}

static bool is_number(const Type *t) {
  TypeKind k = kind_of(t);
  return k == TY_BOOL || k == TY_INT || k == TY_FLOAT || k == TY_COMPLEX;
}

// X[i]: a list variable indexed by the parallel loop's own variable.
static bool is_lane_item(const Check *c, const Node *n) {
  const Node *x = n->value, *i = n->index;
  return n->kind == ND_SUBSCRIPT && c->ivar && x->kind == ND_NAME && x->var &&
         x->var->kind != VAR_CONST && kind_of(x->ty) == TY_LIST &&
         is_number(x->ty->elem) && i->kind == ND_NAME && i->var == c->ivar;
}

static bool expr_ok(Check *c, const Node *n);

static bool exprs_ok(Check *c, const PtrVec *v) {
  for (int i = 0; i < v->len; i++)
    if (!expr_ok(c, v->data[i]))
      return false;
  return true;
}

static bool binop_ok(Check *c, const Node *n) {
  TypeKind k = kind_of(n->ty);
  bool ok = n->op == OP_ADD || n->op == OP_SUB || n->op == OP_MUL;
  if (k == TY_FLOAT && n->op == OP_DIV)
    ok = true;
  if (k == TY_BOOL)
    ok = n->op == OP_BITAND || n->op == OP_BITOR || n->op == OP_BITXOR;
  if (!ok || kind_of(n->left->ty) != k || kind_of(n->right->ty) != k)
    return refuse(c, n, "this operator");
  return expr_ok(c, n->left) && expr_ok(c, n->right);
}

static bool abs_bound(const Node *n, double *c);

static bool compare_ok(Check *c, const Node *n) {
  for (int i = 0; i < n->ops.len; i++) {
    Operator op = (Operator)(intptr_t)n->ops.data[i];
    if (op < OP_EQ || op > OP_GTE)
      return refuse(c, n, "this comparison");
  }
  const Node *l = n->left;
  if (l->kind == ND_CALL && l->builtin == BI_ABS && n->ops.len == 1 &&
      kind_of(((Node *)l->args.data[0])->ty) == TY_COMPLEX) {
    double bound;
    if (!abs_bound(n, &bound))
      return refuse(c, n, "abs(complex) compared with a variable");
    return expr_ok(c, l->args.data[0]);
  }
  return expr_ok(c, l) && exprs_ok(c, &n->comparators);
}

static bool call_ok(Check *c, const Node *n) {
  if (!n->callee && n->builtin == BI_ABS && n->args.len == 1 &&
      kind_of(n->ty) == TY_FLOAT &&
      kind_of(((Node *)n->args.data[0])->ty) == TY_FLOAT)
    return expr_ok(c, n->args.data[0]);
  if (!n->callee && n->builtin == BI_FLOAT && n->args.len == 1)
    return expr_ok(c, n->args.data[0]);
  return refuse(c, n, n->callee ? "a call of a function" : "this call");
}

static bool expr_ok(Check *c, const Node *n) {
  if (!is_number(n->ty))
    return refuse(c, n, "a value that is not a number");
  switch (n->kind) {
  case ND_BOOLOP: return exprs_ok(c, &n->values);
  case ND_BINOP: return binop_ok(c, n);
  case ND_UNARYOP:
    if (n->op == OP_INVERT || (n->op == OP_USUB && kind_of(n->ty) == TY_INT))
      return refuse(c, n, "this operator");
    return expr_ok(c, n->value ? n->value : n->left);
  case ND_IFEXP:
    return expr_ok(c, n->test) && expr_ok(c, n->body_expr) &&
           expr_ok(c, n->orelse_expr);
  case ND_COMPARE: return compare_ok(c, n);
  case ND_CALL: return call_ok(c, n);
  case ND_CONSTANT: return true;
  case ND_ATTRIBUTE:
    if (n->value->kind == ND_NAME && !n->value->var)
      return true;  // math.pi
    if (kind_of(n->value->ty) != TY_COMPLEX)
      return refuse(c, n, "this attribute");
    return expr_ok(c, n->value);
  case ND_SUBSCRIPT:
    return is_lane_item(c, n) ? true
                              : refuse(c, n, "a list index other than the "
                                             "loop's variable");
  case ND_NAME:
    if (n->var && n->var->kind == VAR_CONST)
      return n->var->value->kind == ND_CONSTANT
                 ? true
                 : refuse(c, n, "a module constant that is not a literal");
    return true;
  case ND_CONVERT: return expr_ok(c, n->value);
  default: return refuse(c, n, node_kind_names[n->kind]);
  }
}

static bool target_ok(Check *c, const Node *t) {
  if (t->kind == ND_NAME && t->var && t->var->kind != VAR_CONST &&
      t->var != c->ivar && is_number(t->var->ty))
    return true;
  if (is_lane_item(c, t))
    return true;
  return refuse(c, t, "this assignment target");
}

static bool stmts_ok(Check *c, const PtrVec *body);

static bool assign_ok(Check *c, const Node *s) {
  const Node *v = s->value;
  for (int i = 0; i < s->targets.len; i++) {
    const Node *t = s->targets.data[i];
    if (t->kind == ND_TUPLE || t->kind == ND_LIST) {
      if (s->targets.len != 1 || v->kind != ND_TUPLE ||
          v->elts.len != t->elts.len)
        return refuse(c, s, "this tuple assignment");
      for (int k = 0; k < t->elts.len; k++)
        if (!target_ok(c, t->elts.data[k]) || !expr_ok(c, v->elts.data[k]))
          return false;
      return true;
    }
    if (!target_ok(c, t))
      return false;
  }
  return expr_ok(c, v);
}

static bool range_ok(Check *c, const Node *s) {
  const Node *call = s->iter;
  if (!s->range_loop || call->args.len > 2)
    return refuse(c, s, "a loop other than range(a) or range(a, b)");
  return exprs_ok(c, &call->args) && target_ok(c, s->target);
}

static bool stmt_ok(Check *c, const Node *s) {
  switch (s->kind) {
  case ND_ASSIGN: return assign_ok(c, s);
  case ND_AUGASSIGN:
    if (s->target->kind != ND_NAME || !expr_ok(c, s->value) ||
        !target_ok(c, s->target))
      return refuse(c, s, "this augmented assignment");
    if (s->op == OP_ADD || s->op == OP_SUB || s->op == OP_MUL ||
        (s->op == OP_DIV && kind_of(s->ty) == TY_FLOAT))
      return true;
    return refuse(c, s, "this augmented assignment");
  case ND_FOR:
    return range_ok(c, s) && stmts_ok(c, &s->body) && stmts_ok(c, &s->orelse);
  case ND_WHILE:
  case ND_IF:
    return expr_ok(c, s->test) && stmts_ok(c, &s->body) &&
           stmts_ok(c, &s->orelse);
  case ND_RETURN:
    if (!c->point || !s->value)
      return refuse(c, s, "return");
    return expr_ok(c, s->value);
  case ND_EXPR:
    return s->value->kind == ND_CONSTANT ? true : refuse(c, s, "an expression "
                                                         "statement");
  case ND_PASS:
  case ND_BREAK:
  case ND_CONTINUE: return true;
  case ND_PRINT: return refuse(c, s, "print");
  default: return refuse(c, s, node_kind_names[s->kind]);
  }
}

static bool stmts_ok(Check *c, const PtrVec *body) {
  for (int i = 0; i < body->len; i++)
    if (!stmt_ok(c, body->data[i]))
      return false;
  return true;
}

static bool is_loop(const Node *s) {
  return s->kind == ND_FOR || s->kind == ND_WHILE;
}

static bool has_loop(const PtrVec *body) {
  for (int i = 0; i < body->len; i++) {
    const Node *s = body->data[i];
    if (is_loop(s) ||
        (s->kind == ND_IF && (has_loop(&s->body) || has_loop(&s->orelse))))
      return true;
  }
  return false;
}

// The index of the body's one top-level loop, or -1 (with the reason).
static int find_hot_loop(Check *c, const PtrVec *body) {
  int hot = -1;
  for (int i = 0; i < body->len; i++) {
    const Node *s = body->data[i];
    if (is_loop(s)) {
      if (hot >= 0)
        return refuse(c, s, "a second loop"), -1;
      hot = i;
    } else if (s->kind == ND_IF && (has_loop(&s->body) ||
                                    has_loop(&s->orelse))) {
      return refuse(c, s, "a loop inside an if"), -1;
    }
  }
  if (hot < 0)
    refuse(c, NULL, "no loop");
  return hot;
}

// NULL when body can run in vector form; else the reason, with its node.
static const char *why_not(Lower *L, const Func *f, Var *ivar,
                           const PtrVec *body, int *hot,
                           const Node **where) {
  Check c = {.f = f, .ivar = ivar, .point = ivar == NULL};
  if (!L->opt->simd)
    return "--simd=off";
  if (stmts_ok(&c, body))
    *hot = find_hot_loop(&c, body);
  *where = c.where;
  return c.why;
}

// -v: `simd: ...` on the diagnostics stream.
static void say(Lower *L, const char *fmt, const char *name, const char *why,
                const Node *where) {
  if (!L->opt->verbose)
    return;
  FILE *out = L->d->out ? L->d->out : stderr;
  fprintf(out, "mandelc: simd: ");
  fprintf(out, fmt, name, why);
  if (where && where->line > 0)
    fprintf(out, " at line %d", where->line);
  fprintf(out, "\n");
}

// ---- vector values ---------------------------------------------------------

static LLVMTypeRef vtype(Simd *S, const Type *t) {
  switch (kind_of(t)) {
  case TY_BOOL: return S->vi1;
  case TY_INT: return S->vi64;
  case TY_FLOAT: return S->vf64;
  default: return S->vcplx;
  }
}

static LLVMValueRef splat(Simd *S, LLVMValueRef x) {
  Lower *L = S->L;
  LLVMTypeRef vt = LLVMVectorType(LLVMTypeOf(x), S->width);
  LLVMValueRef v = LLVMBuildInsertElement(L->b, LLVMGetPoison(vt), x,
                                          i32c(L, 0), "");
  LLVMValueRef zeros = LLVMConstNull(LLVMVectorType(L->t_i32, S->width));
  return LLVMBuildShuffleVector(L->b, v, LLVMGetPoison(vt), zeros, "");
}

static LLVMValueRef vcplx(Simd *S, LLVMValueRef re, LLVMValueRef im) {
  LLVMValueRef v = LLVMGetPoison(S->vcplx);
  v = LLVMBuildInsertValue(S->L->b, v, re, 0, "");
  return LLVMBuildInsertValue(S->L->b, v, im, 1, "");
}

static LLVMValueRef vre(Simd *S, LLVMValueRef z) {
  return LLVMBuildExtractValue(S->L->b, z, 0, "re");
}
static LLVMValueRef vim(Simd *S, LLVMValueRef z) {
  return LLVMBuildExtractValue(S->L->b, z, 1, "im");
}

static LLVMValueRef ones(Simd *S) { return LLVMConstAllOnes(S->vi1); }
static LLVMValueRef none(Simd *S) { return LLVMConstNull(S->vi1); }

static LLVMValueRef and_not(Simd *S, LLVMValueRef a, LLVMValueRef b) {
  return LLVMBuildAnd(S->L->b, a, LLVMBuildNot(S->L->b, b, ""), "");
}

// Whether any lane of mask m is set.
static LLVMValueRef any(Simd *S, LLVMValueRef m) {
  return ll_intrinsic(S->L, "llvm.vector.reduce.or", S->vi1, 1, &m);
}

// Lanes of `m` take a, the others b (complex: part by part).
static LLVMValueRef vselect(Simd *S, LLVMValueRef m, LLVMValueRef a,
                            LLVMValueRef b) {
  LLVMBuilderRef B = S->L->b;
  if (LLVMTypeOf(a) == S->vcplx)
    return vcplx(S, LLVMBuildSelect(B, m, vre(S, a), vre(S, b), ""),
                 LLVMBuildSelect(B, m, vim(S, a), vim(S, b), ""));
  return LLVMBuildSelect(B, m, a, b, "");
}

static LLVMValueRef load(Simd *S, LLVMTypeRef t, LLVMValueRef slot) {
  return LLVMBuildLoad2(S->L->b, t, slot, "");
}

// slot = v in the lanes of m.
static void store_lanes(Simd *S, LLVMValueRef slot, LLVMValueRef m,
                        LLVMValueRef v) {
  LLVMValueRef old = load(S, LLVMTypeOf(v), slot);
  LLVMBuildStore(S->L->b, vselect(S, m, v, old), slot);
}

static void or_into(Simd *S, LLVMValueRef slot, LLVMValueRef m) {
  LLVMBuildStore(S->L->b, LLVMBuildOr(S->L->b, load(S, S->vi1, slot), m, ""),
                 slot);
}

// Abandons the block (the caller re-runs it scalar) if any active lane is
// `bad`.
static void bail_if(Simd *S, LLVMValueRef bad) {
  Lower *L = S->L;
  LLVMBasicBlockRef ok = new_block(L, "simd.ok");
  ll_unlikely(L, LLVMBuildCondBr(L->b, any(S, LLVMBuildAnd(L->b, bad,
                                                           S->mask, "")),
                                 S->bail, ok));
  move_to(L, ok);
}

static LLVMValueRef vexpr(Simd *S, Node *n);

// Widens v (bool < int < float < complex), or takes its truth value.
static LLVMValueRef vconvert(Simd *S, LLVMValueRef v, const Type *from,
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
    v = splat(S, LLVMConstInt(L->t_i1, c->ival != 0, false));
    t = &ty_bool;
    break;
  case CONST_INT: v = splat(S, i64c(L, c->ival)); t = &ty_int; break;
  case CONST_FLOAT: v = splat(S, f64c(L, c->fval)); t = &ty_float; break;
  case CONST_COMPLEX:
    v = vcplx(S, splat(S, f64c(L, c->fval)), splat(S, f64c(L, c->imag)));
    t = &ty_complex;
    break;
  default: assert(!"not a number constant"); return NULL;
  }
  return vconvert(S, v, t, n->ty);
}

static LLVMValueRef vname(Simd *S, Node *n) {
  Var *v = n->var;
  if (!v) {
    // math.pi and friends, imported by name: infer.c typed them float.
    double c = !strcmp(n->name, "pi")  ? 3.141592653589793
               : !strcmp(n->name, "e") ? 2.718281828459045
               : !strcmp(n->name, "tau") ? 6.283185307179586
               : !strcmp(n->name, "inf") ? INFINITY
                                         : NAN;
    return splat(S, f64c(S->L, c));
  }
  if (v->kind == VAR_CONST)
    return vconvert(S, vconstant(S, v->value), v->value->ty, n->ty);
  LLVMValueRef x = load(S, vtype(S, v->ty), S->slots[v->index]);
  return vconvert(S, x, v->ty, n->ty);
}

static int item_index(Simd *S, const Var *list) {
  for (int i = 0; i < S->lists.len; i++)
    if (S->lists.data[i] == list)
      return i;
  assert(!"list not collected");
  return -1;
}

static LLVMValueRef vitem(Simd *S, Node *n) {
  Var *x = n->value->var;
  LLVMValueRef v = load(S, vtype(S, x->ty->elem),
                        S->items[item_index(S, x)]);
  return vconvert(S, v, x->ty->elem, n->ty);
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

// The scalar arithmetic of llvm_arith.c, lane by lane (binop_ok's subset).
static LLVMValueRef varith(Simd *S, Operator op, LLVMValueRef a,
                           LLVMValueRef b, const Type *ty) {
  Lower *L = S->L;
  switch (kind_of(ty)) {
  case TY_BOOL:
    if (op == OP_BITAND) return LLVMBuildAnd(L->b, a, b, "");
    if (op == OP_BITOR) return LLVMBuildOr(L->b, a, b, "");
    return LLVMBuildXor(L->b, a, b, "");
  case TY_INT:
    if (op == OP_ADD) return vint_checked(S, "llvm.sadd.with.overflow", a, b);
    if (op == OP_SUB) return vint_checked(S, "llvm.ssub.with.overflow", a, b);
    return vint_checked(S, "llvm.smul.with.overflow", a, b);
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

static LLVMValueRef vunary(Simd *S, Node *n) {
  Lower *L = S->L;
  Node *e = n->value ? n->value : n->left;
  LLVMValueRef v = vexpr(S, e);
  if (n->op == OP_NOT)
    return LLVMBuildNot(L->b, vconvert(S, v, e->ty, &ty_bool), "");
  v = vconvert(S, v, e->ty, n->ty);
  if (n->op == OP_UADD)
    return v;
  if (kind_of(n->ty) == TY_COMPLEX)  // complex_neg: both parts negated
    return vcplx(S, fmath(L, LLVMBuildFNeg(L->b, vre(S, v), "")),
                 fmath(L, LLVMBuildFNeg(L->b, vim(S, v), "")));
  return fmath(L, LLVMBuildFNeg(L->b, v, ""));
}

// `a and b` / `a or b` on bools: b only matters (and only runs) in the
// lanes where a did not decide.
static LLVMValueRef vboolop(Simd *S, Node *n) {
  LLVMValueRef outer = S->mask, r = NULL;
  for (int i = 0; i < n->values.len; i++) {
    Node *e = n->values.data[i];
    LLVMValueRef v = vconvert(S, vexpr(S, e), e->ty, &ty_bool);
    r = r ? (n->op == OP_AND ? LLVMBuildAnd(S->L->b, r, v, "")
                             : LLVMBuildOr(S->L->b, r, v, ""))
          : v;
    S->mask = n->op == OP_AND ? LLVMBuildAnd(S->L->b, S->mask, r, "")
                              : and_not(S, S->mask, r);
  }
  S->mask = outer;
  return vconvert(S, r, &ty_bool, n->ty);
}

static LLVMValueRef vifexp(Simd *S, Node *n) {
  LLVMValueRef outer = S->mask;
  LLVMValueRef c = vconvert(S, vexpr(S, n->test), n->test->ty, &ty_bool);
  S->mask = LLVMBuildAnd(S->L->b, outer, c, "");
  LLVMValueRef a = vconvert(S, vexpr(S, n->body_expr), n->body_expr->ty,
                            n->ty);
  S->mask = and_not(S, outer, c);
  LLVMValueRef b = vconvert(S, vexpr(S, n->orelse_expr), n->orelse_expr->ty,
                            n->ty);
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
    return icmp(L, ip[i], vconvert(S, a, t, &ty_int),
                vconvert(S, b, t, &ty_int));
  case TY_FLOAT: return fcmp(L, fp[i], a, b);
  default: break;
  }
  LLVMValueRef r = fcmp(L, fp[i], vre(S, a), vre(S, b));
  LLVMValueRef m = fcmp(L, fp[i], vim(S, a), vim(S, b));
  return op == OP_EQ ? LLVMBuildAnd(L->b, r, m, "")
                     : LLVMBuildOr(L->b, r, m, "");
}

// ---- lanes one at a time ---------------------------------------------------

typedef void (*LaneFn)(Simd *S, LLVMValueRef lane, void *arg);

// for lane in 0..width-1: if m[lane]: fn(lane). The lane is a run-time
// index, so the loop is short code whatever the width.
static void each_lane(Simd *S, LLVMValueRef m, LaneFn fn, void *arg) {
  Lower *L = S->L;
  LLVMBasicBlockRef pre = LLVMGetInsertBlock(L->b);
  LLVMBasicBlockRef head = new_block(L, "lane"), body = new_block(L, "lane.on");
  LLVMBasicBlockRef next = new_block(L, "lane.next");
  LLVMBasicBlockRef done = new_block(L, "lanes.done");
  LLVMBuildBr(L->b, head);
  move_to(L, head);
  LLVMValueRef k = LLVMBuildPhi(L->b, L->t_i32, "lane");
  LLVMBuildCondBr(L->b, LLVMBuildExtractElement(L->b, m, k, ""), body, next);
  move_to(L, body);
  fn(S, k, arg);
  branch_to(L, next);
  move_to(L, next);
  LLVMValueRef k1 = LLVMBuildAdd(L->b, k, i32c(L, 1), "");
  LLVMBuildCondBr(L->b, icmp(L, LLVMIntULT, k1, i32c(L, S->width)), head,
                  done);
  LLVMValueRef vals[2] = {i32c(L, 0), k1};
  LLVMBasicBlockRef bbs[2] = {pre, next};
  LLVMAddIncoming(k, vals, bbs, 2);
  move_to(L, done);
}

// slot[lane] = x, for a vector alloca.
static void set_lane(Simd *S, LLVMValueRef slot, LLVMValueRef lane,
                     LLVMValueRef x) {
  LLVMTypeRef t = LLVMVectorType(LLVMTypeOf(x), S->width);
  LLVMValueRef v = load(S, t, slot);
  LLVMBuildStore(S->L->b, LLVMBuildInsertElement(S->L->b, v, x, lane, ""),
                 slot);
}

static LLVMValueRef get_lane(Simd *S, LLVMTypeRef vt, LLVMValueRef slot,
                             LLVMValueRef lane) {
  return LLVMBuildExtractElement(S->L->b, load(S, vt, slot), lane, "");
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
  LLVMValueRef v = LLVMBuildInsertElement(L->b, splat(S, r), r, lane, "");
  LLVMValueRef c = splat(S, f64c(L, a->c));
  LLVMValueRef b = vcompare_values(S, a->op, v, c, &ty_float);
  set_lane(S, a->res, lane, LLVMBuildExtractElement(L->b, b, lane, ""));
}

static LLVMValueRef vabs_compare(Simd *S, Node *n, double c) {
  Lower *L = S->L;
  Node *call = n->left;
  Operator op = (Operator)(intptr_t)n->ops.data[0];
  LLVMValueRef z = vexpr(S, call->args.data[0]);
  LLVMValueRef re = vre(S, z), im = vim(S, z);
  LLVMValueRef s = fadd(L, fmul(L, re, re), fmul(L, im, im));
  LLVMValueRef lo = splat(S, f64c(L, c * c * (1 - 0x1p-40)));
  LLVMValueRef hi = splat(S, f64c(L, c * c * (1 + 0x1p-40)));
  LLVMValueRef below = fcmp(L, LLVMRealOLT, s, lo);
  LLVMValueRef above =
      LLVMBuildAnd(L->b, fcmp(L, LLVMRealOGT, s, hi),
                   fcmp(L, LLVMRealOLE, s, splat(S, f64c(L, DBL_MAX))), "");
  bool less = op == OP_LT || op == OP_LTE;
  LLVMValueRef fast = less ? below : above;
  LLVMValueRef unsure =
      and_not(S, and_not(S, S->mask, below), above);
  AbsLane a = {.re = re, .im = im, .op = op, .c = c, .line = n->line};
  a.res = ll_entry_alloca(L, S->vi1, "abs.lanes");
  LLVMBuildStore(L->b, fast, a.res);
  LLVMBasicBlockRef slow = new_block(L, "abs.exact");
  LLVMBasicBlockRef done = new_block(L, "abs.done");
  LLVMBuildCondBr(L->b, any(S, unsure), slow, done);
  move_to(L, slow);
  each_lane(S, unsure, abs_lane, &a);
  LLVMBuildBr(L->b, done);
  move_to(L, done);
  return load(S, S->vi1, a.res);
}

// The constant C of `abs(z) OP C` (also `2` widened to float).
static bool abs_bound(const Node *n, double *c) {
  const Node *l = n->left, *k = n->comparators.data[0];
  if (n->ops.len != 1 || l->kind != ND_CALL || l->builtin != BI_ABS)
    return false;
  if (k->kind == ND_CONVERT)
    k = k->value;
  if (k->kind != ND_CONSTANT)
    return false;
  *c = k->cval.kind == CONST_INT ? (double)k->cval.ival : k->cval.fval;
  Operator op = (Operator)(intptr_t)n->ops.data[0];
  return (k->cval.kind == CONST_INT || k->cval.kind == CONST_FLOAT) &&
         op >= OP_LT && *c >= 0x1p-400 && *c <= 0x1p400;
}

// A comparison chain: every comparison is made in every lane; a lane's
// answer is the AND of its own comparisons (operands have no effects).
static LLVMValueRef vcompare(Simd *S, Node *n) {
  double c;
  if (n->left->kind == ND_CALL && n->left->builtin == BI_ABS &&
      kind_of(((Node *)n->left->args.data[0])->ty) == TY_COMPLEX) {
    if (abs_bound(n, &c))
      return vabs_compare(S, n, c);
  }
  LLVMValueRef a = vexpr(S, n->left), r = NULL;
  Type *aty = n->left->ty;
  for (int i = 0; i < n->ops.len; i++) {
    Node *rn = n->comparators.data[i];
    LLVMValueRef b = vexpr(S, rn);
    Type *t = kind_of(aty) >= kind_of(rn->ty) ? aty : rn->ty;
    LLVMValueRef x = vcompare_values(S, (Operator)(intptr_t)n->ops.data[i],
                                     vconvert(S, a, aty, t),
                                     vconvert(S, b, rn->ty, t), t);
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
  LLVMValueRef z = vexpr(S, v);
  return !strcmp(n->name, "real") ? vre(S, z) : vim(S, z);
}

static LLVMValueRef vcall(Simd *S, Node *n) {
  Node *a = n->args.data[0];
  LLVMValueRef x = vconvert(S, vexpr(S, a), a->ty, n->ty);
  if (n->builtin == BI_ABS)
    return ll_intrinsic1(S->L, "llvm.fabs", x);
  return x;  // float(x)
}

// Cases in NodeKind order, the subset expr_ok admits.
static LLVMValueRef vexpr(Simd *S, Node *n) {
  at(S->L, n);
  switch (n->kind) {
  case ND_BOOLOP: return vboolop(S, n);
  case ND_BINOP: {
    LLVMValueRef a = vexpr(S, n->left), b = vexpr(S, n->right);
    return varith(S, n->op, a, b, n->ty);
  }
  case ND_UNARYOP: return vunary(S, n);
  case ND_IFEXP: return vifexp(S, n);
  case ND_COMPARE: return vcompare(S, n);
  case ND_CALL: return vcall(S, n);
  case ND_CONSTANT: return vconstant(S, n);
  case ND_ATTRIBUTE: return vattribute(S, n);
  case ND_SUBSCRIPT: return vitem(S, n);
  case ND_NAME: return vname(S, n);
  case ND_CONVERT:
    return vconvert(S, vexpr(S, n->value), n->value->ty, n->ty);
  default: break;
  }
  assert(!"not admitted by expr_ok");
  return NULL;
}

// ---- statements under a lane mask ------------------------------------------

static void vstmts(Simd *S, PtrVec *body);

static void vassign(Simd *S, Node *t, LLVMValueRef v, const Type *vty) {
  if (t->kind == ND_NAME) {
    Var *var = t->var;
    store_lanes(S, S->slots[var->index], S->mask,
                vconvert(S, v, vty, var->ty));
    return;
  }
  Var *x = t->value->var;
  store_lanes(S, S->items[item_index(S, x)], S->mask,
              vconvert(S, v, vty, x->ty->elem));
}

static void vassign_stmt(Simd *S, Node *s) {
  Node *t0 = s->targets.data[0];
  if (t0->kind == ND_TUPLE || t0->kind == ND_LIST) {
    // the values first, then the targets: a swap reads the old values
    Node *v = s->value;
    LLVMValueRef *vals = arena_alloc(S->L->a, sizeof *vals * v->elts.len);
    for (int k = 0; k < v->elts.len; k++)
      vals[k] = vexpr(S, v->elts.data[k]);
    for (int k = 0; k < v->elts.len; k++)
      vassign(S, t0->elts.data[k], vals[k],
              ((Node *)v->elts.data[k])->ty);
    return;
  }
  LLVMValueRef v = vexpr(S, s->value);
  for (int i = 0; i < s->targets.len; i++)
    vassign(S, s->targets.data[i], v, s->value->ty);
}

static void vaugassign(Simd *S, Node *s) {
  Var *var = s->target->var;
  LLVMValueRef cur = load(S, vtype(S, var->ty), S->slots[var->index]);
  LLVMValueRef v = vconvert(S, vexpr(S, s->value), s->value->ty, var->ty);
  vassign(S, s->target, varith(S, s->op, cur, v, var->ty), var->ty);
}

// The lanes still running after a statement that may break, continue or
// return: those of `m` that did none of it.
static LLVMValueRef still_running(Simd *S, LLVMValueRef m) {
  m = and_not(S, m, load(S, S->vi1, S->done));
  if (S->loop) {
    m = and_not(S, m, load(S, S->vi1, S->loop->exited));
    m = and_not(S, m, load(S, S->vi1, S->loop->skipped));
  }
  return m;
}

// Runs body under mask m, skipping it when no lane is in m.
static void under_mask(Simd *S, LLVMValueRef m, PtrVec *body) {
  if (!body->len)
    return;
  Lower *L = S->L;
  LLVMBasicBlockRef go = new_block(L, "simd.then");
  LLVMBasicBlockRef done = new_block(L, "simd.endif");
  LLVMBuildCondBr(L->b, any(S, m), go, done);
  move_to(L, go);
  LLVMValueRef outer = S->mask;
  S->mask = m;
  vstmts(S, body);
  S->mask = outer;
  branch_to(L, done);
  move_to(L, done);
}

static void vif(Simd *S, Node *s) {
  LLVMValueRef m = S->mask;
  LLVMValueRef c = vconvert(S, vexpr(S, s->test), s->test->ty, &ty_bool);
  under_mask(S, LLVMBuildAnd(S->L->b, m, c, ""), &s->body);
  under_mask(S, and_not(S, m, c), &s->orelse);
  S->mask = still_running(S, m);
}

// A loop's per-lane state: a range loop's counter and length, the lanes
// that left it (break) and that ended it (the condition became false).
typedef struct {
  Node *s;
  VLoop loop;
  LLVMValueRef k, count, start;  // range loops (allocas)
  LLVMValueRef natural;          // lanes whose condition became false
} VFor;

static void open_vloop(Simd *S, VFor *v, Node *s) {
  Lower *L = S->L;
  v->s = s;
  v->loop.exited = ll_entry_alloca(L, S->vi1, "exited");
  v->loop.skipped = ll_entry_alloca(L, S->vi1, "skipped");
  v->natural = ll_entry_alloca(L, S->vi1, "natural");
  if (s->kind == ND_FOR) {
    v->k = ll_entry_alloca(L, S->vi64, "k");
    v->count = ll_entry_alloca(L, S->vi64, "count");
    v->start = ll_entry_alloca(L, S->vi64, "start");
  }
}

// (Re)starts the loop in the lanes of m: range(a) or range(a, b) evaluated
// there; the length is CPython's for step 1, in unsigned arithmetic.
static void start_vloop(Simd *S, VFor *v, LLVMValueRef m) {
  Lower *L = S->L;
  LLVMValueRef outer = S->mask;
  S->mask = m;
  LLVMValueRef nomask = and_not(S, ones(S), m);
  LLVMValueRef regs[3] = {v->loop.exited, v->loop.skipped, v->natural};
  for (int i = 0; i < 3; i++)
    LLVMBuildStore(L->b, LLVMBuildAnd(L->b, load(S, S->vi1, regs[i]), nomask,
                                      ""),
                   regs[i]);
  if (v->s->kind == ND_FOR) {
    Node *call = v->s->iter;
    LLVMValueRef a[2];
    for (int i = 0; i < call->args.len; i++) {
      Node *e = call->args.data[i];
      a[i] = vconvert(S, vexpr(S, e), e->ty, &ty_int);
    }
    LLVMValueRef start = call->args.len == 2 ? a[0] : LLVMConstNull(S->vi64);
    LLVMValueRef stop = call->args.len == 2 ? a[1] : a[0];
    LLVMValueRef n = LLVMBuildSelect(
        L->b, icmp(L, LLVMIntSLT, start, stop),
        LLVMBuildSub(L->b, stop, start, ""), LLVMConstNull(S->vi64), "");
    store_lanes(S, v->start, m, start);
    store_lanes(S, v->count, m, n);
    store_lanes(S, v->k, m, LLVMConstNull(S->vi64));
  }
  S->mask = outer;
}

// The lanes that go round once more out of those in `act`; those whose
// condition is false join `natural`.
static LLVMValueRef vloop_test(Simd *S, VFor *v, LLVMValueRef act) {
  Lower *L = S->L;
  LLVMValueRef c;
  if (v->s->kind == ND_FOR) {
    c = icmp(L, LLVMIntULT, load(S, S->vi64, v->k),
             load(S, S->vi64, v->count));
  } else {
    LLVMValueRef outer = S->mask;
    S->mask = act;
    c = vconvert(S, vexpr(S, v->s->test), v->s->test->ty, &ty_bool);
    S->mask = outer;
  }
  or_into(S, v->natural, and_not(S, act, c));
  return LLVMBuildAnd(L->b, act, c, "");
}

// One iteration in the lanes of m: the target set, the body, the counter
// stepped.
static void vloop_body(Simd *S, VFor *v, LLVMValueRef m) {
  Lower *L = S->L;
  LLVMBuildStore(L->b, none(S), v->loop.skipped);
  v->loop.outer = S->loop;
  S->loop = &v->loop;
  S->mask = m;
  if (v->s->kind == ND_FOR) {
    LLVMValueRef k = load(S, S->vi64, v->k);
    vassign(S, v->s->target,
            LLVMBuildAdd(L->b, load(S, S->vi64, v->start), k, ""), &ty_int);
  }
  vstmts(S, &v->s->body);
  S->loop = v->loop.outer;
  if (v->s->kind == ND_FOR) {
    LLVMValueRef k = load(S, S->vi64, v->k);
    store_lanes(S, v->k, m, LLVMBuildAdd(L->b, k, splat(S, i64c(L, 1)), ""));
  }
}

// A loop inside the escape loop: it runs until no lane of the entry mask is
// in it; then the lanes that ended it naturally run its else clause.
static void vloop(Simd *S, Node *s) {
  Lower *L = S->L;
  VFor v;
  open_vloop(S, &v, s);
  LLVMValueRef m0 = S->mask;
  start_vloop(S, &v, m0);
  LLVMBasicBlockRef head = new_block(L, "vloop"), body = new_block(L, "vbody");
  LLVMBasicBlockRef exit = new_block(L, "vloop.end");
  LLVMBuildBr(L->b, head);
  move_to(L, head);
  LLVMValueRef act = and_not(S, and_not(S, m0, load(S, S->vi1, S->done)),
                             load(S, S->vi1, v.loop.exited));
  act = and_not(S, act, load(S, S->vi1, v.natural));
  LLVMValueRef m = vloop_test(S, &v, act);
  LLVMBuildCondBr(L->b, any(S, m), body, exit);
  move_to(L, body);
  vloop_body(S, &v, m);
  LLVMBuildBr(L->b, head);
  move_to(L, exit);
  LLVMValueRef natural = and_not(S, load(S, S->vi1, v.natural),
                                 load(S, S->vi1, S->done));
  S->mask = m0;
  under_mask(S, LLVMBuildAnd(L->b, m0, natural, ""), &s->orelse);
  S->mask = still_running(S, m0);
}

static void vjump(Simd *S, Node *s) {
  or_into(S, s->kind == ND_BREAK ? S->loop->exited : S->loop->skipped,
          S->mask);
  S->mask = none(S);
}

static void vreturn(Simd *S, Node *s) {
  LLVMValueRef v = vconvert(S, vexpr(S, s->value), s->value->ty, S->f->ret);
  store_lanes(S, S->ret, S->mask, v);
  or_into(S, S->done, S->mask);
  S->mask = none(S);
}

static void vstmt(Simd *S, Node *s) {
  at(S->L, s);
  switch (s->kind) {
  case ND_RETURN: vreturn(S, s); break;
  case ND_ASSIGN: vassign_stmt(S, s); break;
  case ND_AUGASSIGN: vaugassign(S, s); break;
  case ND_FOR:
  case ND_WHILE: vloop(S, s); break;
  case ND_IF: vif(S, s); break;
  case ND_BREAK:
  case ND_CONTINUE: vjump(S, s); break;
  default: break;  // pass, docstrings
  }
}

static void vstmts(Simd *S, PtrVec *body) {
  for (int i = 0; i < body->len; i++)
    vstmt(S, body->data[i]);
}

// ---- lanes refilled point by point -----------------------------------------

// Where a lane's point comes from and where its result goes: the grid (a
// point kernel) or the parallel loop's lists (a list kernel).
typedef struct Source {
  void (*fill)(Simd *S, struct Source *src, LLVMValueRef lane, LLVMValueRef t);
  void (*finish)(Simd *S, struct Source *src, LLVMValueRef lane,
                 LLVMValueRef t);
  LLVMValueRef lo, hi, finished;  // finished[t - lo] = 1 once handed back
  LLVMValueRef xs, ys, nx, counts;      // point kernels
  LLVMValueRef start, step;             // list kernels: i = start + t*step
  bool *written;                        // list kernels: by S->lists entry
} Source;

// A lane of a complex vector alloca, or of any other.
static void set_lane_value(Simd *S, LLVMValueRef slot, const Type *t,
                           LLVMValueRef lane, LLVMValueRef x) {
  Lower *L = S->L;
  if (kind_of(t) != TY_COMPLEX) {
    set_lane(S, slot, lane, x);
    return;
  }
  LLVMValueRef z = load(S, S->vcplx, slot);
  LLVMValueRef re = LLVMBuildInsertElement(L->b, vre(S, z), re_of(L, x),
                                           lane, "");
  LLVMValueRef im = LLVMBuildInsertElement(L->b, vim(S, z), im_of(L, x),
                                           lane, "");
  LLVMBuildStore(L->b, vcplx(S, re, im), slot);
}

static LLVMValueRef get_lane_value(Simd *S, LLVMValueRef slot, const Type *t,
                                   LLVMValueRef lane) {
  Lower *L = S->L;
  if (kind_of(t) != TY_COMPLEX)
    return get_lane(S, vtype(S, t), slot, lane);
  LLVMValueRef z = load(S, S->vcplx, slot);
  return cplx(L, LLVMBuildExtractElement(L->b, vre(S, z), lane, ""),
              LLVMBuildExtractElement(L->b, vim(S, z), lane, ""));
}

static void mark_finished(Simd *S, Source *src, LLVMValueRef t) {
  Lower *L = S->L;
  LLVMValueRef off = LLVMBuildSub(L->b, t, src->lo, "");
  LLVMValueRef p = LLVMBuildGEP2(L->b, L->t_i8, src->finished, &off, 1, "");
  LLVMBuildStore(L->b, LLVMConstInt(L->t_i8, 1, false), p);
}

// Point kernels: c = complex(xs[t % nx], ys[t // nx]), as bind_point does.
static void fill_point(Simd *S, Source *src, LLVMValueRef lane,
                       LLVMValueRef t) {
  Lower *L = S->L;
  LLVMValueRef ix = LLVMBuildURem(L->b, t, src->nx, "");
  LLVMValueRef iy = LLVMBuildUDiv(L->b, t, src->nx, "");
  LLVMValueRef x = LLVMBuildLoad2(
      L->b, L->t_f64, LLVMBuildGEP2(L->b, L->t_f64, src->xs, &ix, 1, ""), "x");
  LLVMValueRef y = LLVMBuildLoad2(
      L->b, L->t_f64, LLVMBuildGEP2(L->b, L->t_f64, src->ys, &iy, 1, ""), "y");
  const Func *f = S->f;
  for (int i = 0; i < f->nparams; i++) {
    Var *v = f->params[i];
    char b = L->p->choice.binding[i];
    if (b == 'c')
      set_lane_value(S, S->slots[v->index], v->ty, lane, cplx(L, x, y));
    else if (b == 'x' || b == 'y')
      set_lane(S, S->slots[v->index], lane, b == 'x' ? x : y);
  }
}

static void finish_point(Simd *S, Source *src, LLVMValueRef lane,
                         LLVMValueRef t) {
  Lower *L = S->L;
  LLVMValueRef off = LLVMBuildSub(L->b, t, src->lo, "");
  LLVMValueRef p = LLVMBuildGEP2(L->b, L->t_i64, src->counts, &off, 1, "");
  LLVMBuildStore(L->b, get_lane(S, S->vi64, S->ret, lane), p);
  mark_finished(S, src, t);
}

// The address of X[i] for the lane's i; a lane outside the list abandons
// the block (the scalar run decides whether that is an IndexError).
static LLVMValueRef item_ptr(Simd *S, int k, LLVMValueRef i) {
  Lower *L = S->L;
  Var *x = S->lists.data[k];
  LLVMValueRef list = LLVMBuildLoad2(L->b, L->t_ptr, S->bases[k], "");
  LLVMValueRef len = ll_list_len(L, list);
  LLVMBasicBlockRef ok = new_block(L, "item.ok");
  ll_unlikely(L, LLVMBuildCondBr(L->b, icmp(L, LLVMIntUGE, i, len), S->bail,
                                 ok));
  move_to(L, ok);
  return LLVMBuildGEP2(L->b, ll_elem_type(L, x->ty->elem),
                       ll_list_data(L, list), &i, 1, "");
}

static LLVMValueRef lane_i(Simd *S, Source *src, LLVMValueRef t) {
  Lower *L = S->L;
  return LLVMBuildAdd(L->b, src->start, LLVMBuildMul(L->b, t, src->step, ""),
                      "i");
}

// List kernels: i, and every X[i] the body uses, read once per point.
static void fill_items(Simd *S, Source *src, LLVMValueRef lane,
                       LLVMValueRef t) {
  LLVMValueRef i = lane_i(S, src, t);
  set_lane(S, S->slots[S->ivar->index], lane, i);
  for (int k = 0; k < S->lists.len; k++) {
    const Type *elem = ((Var *)S->lists.data[k])->ty->elem;
    LLVMValueRef v = ll_load_item(S->L, item_ptr(S, k, i), elem);
    set_lane_value(S, S->items[k], elem, lane, v);
  }
}

static void finish_items(Simd *S, Source *src, LLVMValueRef lane,
                         LLVMValueRef t) {
  LLVMValueRef i = get_lane(S, S->vi64, S->slots[S->ivar->index], lane);
  for (int k = 0; k < S->lists.len; k++) {
    if (!src->written[k])
      continue;
    const Type *elem = ((Var *)S->lists.data[k])->ty->elem;
    ll_store_item(S->L, item_ptr(S, k, i),
                  get_lane_value(S, S->items[k], elem, lane), elem);
  }
  mark_finished(S, src, t);
}

typedef struct {
  Source *src;
  LLVMValueRef next, tvec, live;  // allocas
} Refill;

static void refill_lane(Simd *S, LLVMValueRef lane, void *arg) {
  Refill *r = arg;
  Lower *L = S->L;
  LLVMValueRef t = LLVMBuildLoad2(L->b, L->t_i64, r->next, "t");
  LLVMBasicBlockRef go = new_block(L, "refill"), skip = new_block(L, "empty");
  LLVMBuildCondBr(L->b, icmp(L, LLVMIntSLT, t, r->src->hi), go, skip);
  move_to(L, go);
  LLVMBuildStore(L->b, LLVMBuildAdd(L->b, t, i64c(L, 1), ""), r->next);
  set_lane(S, r->tvec, lane, t);
  set_lane(S, r->live, lane, LLVMConstInt(L->t_i1, 1, false));
  r->src->fill(S, r->src, lane, t);
  LLVMBuildBr(L->b, skip);
  move_to(L, skip);
}

static void finish_lane(Simd *S, LLVMValueRef lane, void *arg) {
  Refill *r = arg;
  r->src->finish(S, r->src, lane, get_lane(S, S->vi64, r->tvec, lane));
}

static PtrVec slice(Simd *S, PtrVec *v, int from, int to) {
  PtrVec r = {0};
  for (int i = from; i < to; i++)
    vec_push(S->L->a, &r, v->data[i]);
  return r;
}

// The body P; LOOP; E over points lo..hi-1, lanes refilled as they finish.
static void run_lanes(Simd *S, PtrVec *body, int hot, Source *src) {
  Lower *L = S->L;
  Node *loop = body->data[hot];
  PtrVec pre = slice(S, body, 0, hot), post = slice(S, body, hot + 1,
                                                    body->len);
  Refill r = {.src = src};
  r.next = ll_entry_alloca(L, L->t_i64, "next");
  r.tvec = ll_entry_alloca(L, S->vi64, "t");
  r.live = ll_entry_alloca(L, S->vi1, "live");
  LLVMBuildStore(L->b, src->lo, r.next);
  LLVMBuildStore(L->b, LLVMConstNull(S->vi64), r.tvec);
  LLVMBuildStore(L->b, none(S), r.live);
  VFor v;
  open_vloop(S, &v, loop);
  LLVMBuildStore(L->b, none(S), v.loop.exited);
  LLVMBuildStore(L->b, none(S), v.loop.skipped);
  LLVMBuildStore(L->b, none(S), v.natural);
  LLVMBasicBlockRef head = new_block(L, "lanes"), body_bb = new_block(L, "go");
  LLVMBasicBlockRef fin_bb = new_block(L, "finish");
  LLVMBasicBlockRef refill = new_block(L, "refill");
  LLVMBasicBlockRef start = new_block(L, "start"), exit = new_block(L, "end");
  LLVMBuildBr(L->b, refill);
  // head: which lanes go round the escape loop once more
  move_to(L, head);
  LLVMValueRef live = load(S, S->vi1, r.live);
  LLVMValueRef act = and_not(S, live, load(S, S->vi1, S->done));
  act = and_not(S, act, load(S, S->vi1, v.loop.exited));
  act = and_not(S, act, load(S, S->vi1, v.natural));
  LLVMValueRef m = vloop_test(S, &v, act);
  LLVMValueRef fin = and_not(S, live, m);
  LLVMBuildCondBr(L->b, any(S, fin), fin_bb, body_bb);
  move_to(L, body_bb);
  vloop_body(S, &v, m);
  LLVMBuildBr(L->b, head);
  // finish: else clause, E, results handed back
  move_to(L, fin_bb);
  LLVMValueRef done = load(S, S->vi1, S->done);
  LLVMValueRef nat = and_not(S, load(S, S->vi1, v.natural), done);
  S->mask = fin;
  under_mask(S, LLVMBuildAnd(L->b, fin, nat, ""), &loop->orelse);
  under_mask(S, and_not(S, fin, load(S, S->vi1, S->done)), &post);
  each_lane(S, fin, finish_lane, &r);
  LLVMBuildStore(L->b, and_not(S, load(S, S->vi1, r.live), fin), r.live);
  LLVMBuildBr(L->b, refill);
  // refill: the next points into the empty lanes; P; the loop restarted
  move_to(L, refill);
  LLVMValueRef empty = LLVMBuildNot(L->b, load(S, S->vi1, r.live), "");
  each_lane(S, empty, refill_lane, &r);
  LLVMValueRef now = load(S, S->vi1, r.live);
  LLVMValueRef fresh = LLVMBuildAnd(L->b, now, empty, "");
  LLVMBuildCondBr(L->b, any(S, now), start, exit);
  move_to(L, start);
  LLVMBuildStore(L->b, and_not(S, load(S, S->vi1, S->done), fresh), S->done);
  S->mask = fresh;
  under_mask(S, fresh, &pre);
  start_vloop(S, &v, and_not(S, fresh, load(S, S->vi1, S->done)));
  LLVMBuildBr(L->b, head);
  move_to(L, exit);
}

// ---- the entries -----------------------------------------------------------

// Points per call of a vector function: the size of its `finished` array.
#define SIMD_BLOCK 1024

// for k = from; k < to; k += step, with `k` read through c->k.
typedef struct {
  LLVMValueRef slot, k;
  LLVMBasicBlockRef head, next, exit;
} Counted;

static void open_counted(Lower *L, Counted *c, LLVMValueRef from,
                         LLVMValueRef to) {
  c->slot = ll_entry_alloca(L, L->t_i64, "k");
  LLVMBuildStore(L->b, from, c->slot);
  LLVMBasicBlockRef body = new_block(L, "do");
  c->head = new_block(L, "for");
  c->next = new_block(L, "for.next");
  c->exit = new_block(L, "for.end");
  LLVMBuildBr(L->b, c->head);
  move_to(L, c->head);
  c->k = LLVMBuildLoad2(L->b, L->t_i64, c->slot, "k");
  LLVMBuildCondBr(L->b, icmp(L, LLVMIntSLT, c->k, to), body, c->exit);
  move_to(L, body);
}

static void close_counted(Lower *L, Counted *c, LLVMValueRef step) {
  branch_to(L, c->next);
  move_to(L, c->next);
  LLVMValueRef k = LLVMBuildLoad2(L->b, L->t_i64, c->slot, "");
  LLVMBuildStore(L->b, LLVMBuildAdd(L->b, k, step, ""), c->slot);
  LLVMBuildBr(L->b, c->head);
  move_to(L, c->exit);
}

static LLVMValueRef new_fn(Lower *L, const char *name, LLVMTypeRef ret,
                           LLVMTypeRef *params, unsigned n,
                           const char *const *pnames) {
  LLVMValueRef fn = LLVMAddFunction(
      L->m, name, LLVMFunctionType(ret, params, n, false));
  ll_add_fn_attrs(L, fn);
  for (unsigned i = 0; i < n; i++)
    LLVMSetValueName2(LLVMGetParam(fn, i), pnames[i], strlen(pnames[i]));
  return fn;
}

// The state of a vector function: the lane types, a vector alloca for each
// number variable, the done and result lanes, and the bail block that
// clears the exception a helper may have raised and returns 1.
static void open_simd(Simd *S, FnState *fs, LLVMValueRef fn,
                      LLVMValueRef ctx, const char *name, int line) {
  Lower *L = S->L;
  ll_open_function(L, fs, fn, ctx, name, line);
  S->vi1 = LLVMVectorType(L->t_i1, S->width);
  S->vi64 = LLVMVectorType(L->t_i64, S->width);
  S->vf64 = LLVMVectorType(L->t_f64, S->width);
  LLVMTypeRef two[2] = {S->vf64, S->vf64};
  S->vcplx = LLVMStructTypeInContext(L->c, two, 2, false);
  S->slots = arena_alloc(L->a, sizeof *S->slots * (S->f->vars.len + 1));
  for (int i = 0; i < S->f->vars.len; i++) {
    Var *v = S->f->vars.data[i];
    if (is_number(v->ty))
      S->slots[v->index] = ll_entry_alloca(L, vtype(S, v->ty), v->name);
  }
  S->done = ll_entry_alloca(L, S->vi1, "done");
  S->ret = ll_entry_alloca(L, S->vi64, "ret");
  LLVMBuildStore(L->b, none(S), S->done);
  LLVMBuildStore(L->b, LLVMConstNull(S->vi64), S->ret);
  S->bail = fs->ret_bb;
  S->mask = ones(S);
}

static void close_simd(Simd *S, FnState *fs, LLVMBasicBlockRef start) {
  Lower *L = S->L;
  LLVMBuildRet(L->b, i32c(L, 0));
  ll_close_function(L, fs, start);
  move_to(L, fs->ret_bb);
  LLVMBuildStore(L->b, i32c(L, 0), fs->exc_flag);
  LLVMBuildRet(L->b, i32c(L, 1));
  L->fs = NULL;
}

// Lanes: twice the host's doubles a register.
static unsigned host_width(Lower *L) {
  unsigned w = strstr(L->features, "+avx512f") ? 8
               : strstr(L->features, "+avx") ? 4
                                              : 2;
  return w * SIMD_INTERLEAVE;
}

// NAME.points.simd(ctx, xs, ys, nx, lo, hi, maxiter, counts, finished).
static LLVMValueRef points_simd(Lower *L, const Func *f, int hot) {
  Simd S = {.L = L, .f = f, .width = host_width(L)};
  LLVMTypeRef p[9] = {L->t_ptr, L->t_ptr, L->t_ptr, L->t_i64, L->t_i64,
                      L->t_i64, L->t_i64, L->t_ptr, L->t_ptr};
  static const char *const names[9] = {"ctx", "xs", "ys", "nx", "lo",
                                       "hi", "maxiter", "counts",
                                       "finished"};
  const char *name = arena_sprintf(L->a, "%s.points.simd", f->name);
  LLVMValueRef fn = new_fn(L, name, L->t_i32, p, 9, names);
  LLVMSetLinkage(fn, LLVMInternalLinkage);
  FnState fs = {.func = f, .ret = f->ret};
  open_simd(&S, &fs, fn, LLVMGetParam(fn, 0), name, f->def->line);
  LLVMBasicBlockRef start = LLVMGetInsertBlock(L->b);
  for (int i = 0; i < f->nparams; i++)
    if (L->p->choice.binding[i] == 'm')
      LLVMBuildStore(L->b, splat(&S, LLVMGetParam(fn, 6)),
                     S.slots[f->params[i]->index]);
  Source src = {.fill = fill_point, .finish = finish_point,
                .xs = LLVMGetParam(fn, 1), .ys = LLVMGetParam(fn, 2),
                .nx = LLVMGetParam(fn, 3), .lo = LLVMGetParam(fn, 4),
                .hi = LLVMGetParam(fn, 5), .counts = LLVMGetParam(fn, 7),
                .finished = LLVMGetParam(fn, 8)};
  run_lanes(&S, &f->def->body, hot, &src);
  close_simd(&S, &fs, start);
  return fn;
}

// Whether the driver's grid fits f's parameters: c complex, x and y
// float, maxiter int; and the result an int.
static bool points_fit(const Program *p) {
  const Func *f = p->kernel;
  if (kind_of(f->ret) != TY_INT)
    return false;
  for (int i = 0; i < f->nparams; i++) {
    char b = p->choice.binding[i];
    TypeKind k = kind_of(f->params[i]->ty);
    if ((b == 'c' && k != TY_COMPLEX) || (b == 'm' && k != TY_INT) ||
        ((b == 'x' || b == 'y') && k != TY_FLOAT))
      return false;
  }
  return true;
}

// One scalar call of the kernel for point t: counts[t - lo] = f(...).
static void call_point(Lower *L, const Func *f, LLVMValueRef fn,
                       LLVMValueRef t, LLVMValueRef lo) {
  LLVMValueRef args[2 * 8 + 1];
  unsigned n = 0;
  args[n++] = LLVMGetParam(fn, 0);
  LLVMValueRef nx = LLVMGetParam(fn, 3);
  LLVMValueRef ix = LLVMBuildURem(L->b, t, nx, ""),
               iy = LLVMBuildUDiv(L->b, t, nx, "");
  LLVMValueRef x = LLVMBuildLoad2(
      L->b, L->t_f64, LLVMBuildGEP2(L->b, L->t_f64, LLVMGetParam(fn, 1), &ix,
                                    1, ""), "x");
  LLVMValueRef y = LLVMBuildLoad2(
      L->b, L->t_f64, LLVMBuildGEP2(L->b, L->t_f64, LLVMGetParam(fn, 2), &iy,
                                    1, ""), "y");
  for (int i = 0; i < f->nparams && n < 15; i++) {
    char b = L->p->choice.binding[i];
    if (b == 'c') {
      args[n++] = x;
      args[n++] = y;
    } else {
      args[n++] = b == 'x' ? x : b == 'y' ? y : LLVMGetParam(fn, 6);
    }
  }
  LLVMValueRef kf = LLVMGetNamedFunction(L->m, f->name);
  LLVMValueRef r = LLVMBuildCall2(L->b, LLVMGlobalGetValueType(kf), kf, args,
                                  n, "");
  ll_check_exc(L);
  LLVMValueRef off = LLVMBuildSub(L->b, t, lo, "");
  LLVMBuildStore(L->b, r, LLVMBuildGEP2(L->b, L->t_i64, LLVMGetParam(fn, 7),
                                        &off, 1, ""));
}

// The scalar run of points b..e-1 that `finished` (if any) does not mark.
static void scalar_points(Lower *L, const Func *f, LLVMValueRef fn,
                          LLVMValueRef b, LLVMValueRef e,
                          LLVMValueRef finished) {
  Counted c;
  open_counted(L, &c, b, e);
  if (finished) {
    LLVMValueRef off = LLVMBuildSub(L->b, c.k, b, "");
    LLVMValueRef flag = LLVMBuildLoad2(
        L->b, L->t_i8, LLVMBuildGEP2(L->b, L->t_i8, finished, &off, 1, ""),
        "");
    LLVMBasicBlockRef go = new_block(L, "scalar");
    LLVMBuildCondBr(L->b, icmp(L, LLVMIntNE, flag,
                               LLVMConstInt(L->t_i8, 0, false)),
                    c.next, go);
    move_to(L, go);
  }
  call_point(L, f, fn, c.k, LLVMGetParam(fn, 4));
  close_counted(L, &c, i64c(L, 1));
}

// Runs points or iterations lo..hi-1 in blocks of SIMD_BLOCK: the vector
// function `simd` first (called with the block, its arguments made by
// `args`), then, if it gave up, the scalar run of what it left.
typedef LLVMValueRef (*SimdCall)(Lower *L, LLVMValueRef fn, LLVMValueRef simd,
                                 LLVMValueRef b, LLVMValueRef e,
                                 LLVMValueRef finished);
typedef void (*ScalarRun)(Lower *L, LLVMValueRef fn, LLVMValueRef b,
                          LLVMValueRef e, LLVMValueRef finished);

static void in_blocks(Lower *L, LLVMValueRef fn, LLVMValueRef simd,
                      LLVMValueRef lo, LLVMValueRef hi, SimdCall call,
                      ScalarRun scalar) {
  LLVMTypeRef at = LLVMArrayType2(L->t_i8, SIMD_BLOCK);
  LLVMValueRef finished = ll_entry_alloca(L, at, "finished");
  Counted c;
  open_counted(L, &c, lo, hi);
  LLVMValueRef e = LLVMBuildAdd(L->b, c.k, i64c(L, SIMD_BLOCK), "");
  e = LLVMBuildSelect(L->b, icmp(L, LLVMIntSLT, e, hi), e, hi, "e");
  LLVMBuildMemSet(L->b, finished, LLVMConstInt(L->t_i8, 0, false),
                  i64c(L, SIMD_BLOCK), 8);
  LLVMValueRef r = call(L, fn, simd, c.k, e, finished);
  LLVMBasicBlockRef slow = new_block(L, "scalar.rerun");
  LLVMBuildCondBr(L->b, icmp(L, LLVMIntEQ, r, i32c(L, 0)), c.next, slow);
  move_to(L, slow);
  scalar(L, fn, c.k, e, finished);
  close_counted(L, &c, i64c(L, SIMD_BLOCK));
}

static LLVMValueRef call_points_simd(Lower *L, LLVMValueRef fn,
                                     LLVMValueRef simd, LLVMValueRef b,
                                     LLVMValueRef e, LLVMValueRef finished) {
  LLVMValueRef off = LLVMBuildSub(L->b, b, LLVMGetParam(fn, 4), "");
  LLVMValueRef args[9] = {
      LLVMGetParam(fn, 0), LLVMGetParam(fn, 1), LLVMGetParam(fn, 2),
      LLVMGetParam(fn, 3), b, e, LLVMGetParam(fn, 6),
      LLVMBuildGEP2(L->b, L->t_i64, LLVMGetParam(fn, 7), &off, 1, ""),
      finished};
  return LLVMBuildCall2(L->b, LLVMGlobalGetValueType(simd), simd, args, 9,
                        "");
}

static void rerun_points(Lower *L, LLVMValueRef fn, LLVMValueRef b,
                         LLVMValueRef e, LLVMValueRef finished) {
  scalar_points(L, L->fs->func, fn, b, e, finished);
}

void ll_simd_points(Lower *L) {
  const Program *p = L->p;
  const Func *f = p->kernel;
  if ((p->choice.form != FORM_POINT_C && p->choice.form != FORM_POINT_XY) ||
      !points_fit(p))
    return;
  int hot = -1;
  const Node *where = NULL;
  const char *why = why_not(L, f, NULL, &f->def->body, &hot, &where);
  LLVMValueRef simd = why ? NULL : points_simd(L, f, hot);
  if (why)
    say(L, "not used for %s: %s", f->name, why, where);
  else
    say(L, "%s runs %s lanes a vector", f->name,
        arena_sprintf(L->a, "%u", host_width(L)), NULL);
  LLVMTypeRef ps[8] = {L->t_ptr, L->t_ptr, L->t_ptr, L->t_i64,
                       L->t_i64, L->t_i64, L->t_i64, L->t_ptr};
  static const char *const names[8] = {"ctx", "xs", "ys", "nx",
                                       "lo", "hi", "maxiter", "counts"};
  const char *name = arena_sprintf(L->a, "%s.points", f->name);
  LLVMValueRef fn = new_fn(L, name, L->t_void, ps, 8, names);
  FnState fs = {.func = f, .ret = &ty_none};
  ll_open_function(L, &fs, fn, LLVMGetParam(fn, 0), name, f->def->line);
  LLVMBasicBlockRef start = LLVMGetInsertBlock(L->b);
  if (simd)
    in_blocks(L, fn, simd, LLVMGetParam(fn, 4), LLVMGetParam(fn, 5),
              call_points_simd, rerun_points);
  else
    scalar_points(L, f, fn, LLVMGetParam(fn, 4), LLVMGetParam(fn, 5), NULL);
  ll_close_function(L, &fs, start);
  ll_emit_return_block(L, &fs);
  L->fs = NULL;
}

// ---- the list kernel's parallel loop ---------------------------------------

typedef struct {
  Simd *S;
  bool *written;  // grows with S->lists (at most a kernel's variables)
} Collect;

static void collect_expr(Collect *c, Node *n, bool target);

static void collect_vec(Collect *c, PtrVec *v, bool target) {
  for (int i = 0; i < v->len; i++)
    collect_expr(c, v->data[i], target);
}

// Every X[i] of the body, and whether the body writes it.
static void collect_expr(Collect *c, Node *n, bool target) {
  if (!n)
    return;
  if (n->kind == ND_SUBSCRIPT && n->value->kind == ND_NAME && n->value->var) {
    Simd *S = c->S;
    int k = 0;
    while (k < S->lists.len && S->lists.data[k] != n->value->var)
      k++;
    if (k == S->lists.len)
      vec_push(S->L->a, &S->lists, n->value->var);
    c->written[k] |= target;
    return;
  }
  collect_expr(c, n->left, false);
  collect_expr(c, n->right, false);
  collect_expr(c, n->value, false);
  collect_expr(c, n->test, false);
  collect_expr(c, n->body_expr, false);
  collect_expr(c, n->orelse_expr, false);
  collect_expr(c, n->iter, false);
  collect_expr(c, n->target, true);
  collect_vec(c, &n->targets, true);
  collect_vec(c, &n->elts, target);
  collect_vec(c, &n->values, false);
  collect_vec(c, &n->comparators, false);
  collect_vec(c, &n->args, false);
  collect_vec(c, &n->body, false);
  collect_vec(c, &n->orelse, false);
}

static LLVMValueRef env_at(Lower *L, LLVMTypeRef et, LLVMValueRef env,
                           int field, int index) {
  LLVMValueRef idx[3] = {i32c(L, 0), i32c(L, field), i64c(L, index)};
  return LLVMBuildGEP2(L->b, et, env, idx, field == 2 ? 3 : 2, "");
}

// Every number variable the body reads before writing is the same in all
// lanes: the enclosing function's value, loaded through the environment.
static void load_uniforms(Simd *S, LLVMTypeRef et, LLVMValueRef env) {
  Lower *L = S->L;
  for (int i = 0; i < S->f->vars.len; i++) {
    Var *v = S->f->vars.data[i];
    if (!is_number(v->ty))
      continue;
    LLVMValueRef p = LLVMBuildLoad2(L->b, L->t_ptr,
                                    env_at(L, et, env, 2, v->index), "");
    LLVMValueRef x = LLVMBuildLoad2(L->b, ll_type(L, v->ty), p, v->name);
    LLVMValueRef vx = kind_of(v->ty) == TY_COMPLEX
                          ? vcplx(S, splat(S, re_of(L, x)),
                                  splat(S, im_of(L, x)))
                          : splat(S, x);
    LLVMBuildStore(L->b, vx, S->slots[v->index]);
  }
  S->bases = arena_alloc(L->a, sizeof *S->bases * (S->lists.len + 1));
  S->items = arena_alloc(L->a, sizeof *S->items * (S->lists.len + 1));
  for (int k = 0; k < S->lists.len; k++) {
    Var *v = S->lists.data[k];
    LLVMValueRef p = LLVMBuildLoad2(L->b, L->t_ptr,
                                    env_at(L, et, env, 2, v->index), "");
    S->bases[k] = ll_entry_alloca(L, L->t_ptr, v->name);
    LLVMBuildStore(L->b, LLVMBuildLoad2(L->b, L->t_ptr, p, ""), S->bases[k]);
    S->items[k] = ll_entry_alloca(L, vtype(S, v->ty->elem), "item");
  }
}

// NAME.body.simd(env, ctx, lo, hi, finished).
static LLVMValueRef body_simd(Lower *L, Node *s, LLVMTypeRef et, int hot,
                              Collect *c) {
  const Func *f = L->fs->func;
  Simd *S = c->S;
  LLVMTypeRef p[5] = {L->t_ptr, L->t_ptr, L->t_i64, L->t_i64, L->t_ptr};
  static const char *const names[5] = {"env", "ctx", "lo", "hi", "finished"};
  const char *name = arena_sprintf(L->a, "%s.body.simd", f->name);
  LLVMValueRef fn = new_fn(L, name, L->t_i32, p, 5, names);
  LLVMSetLinkage(fn, LLVMInternalLinkage);
  FnState fs = {.func = f, .ret = &ty_none};
  open_simd(S, &fs, fn, LLVMGetParam(fn, 1), name, s->line);
  LLVMBasicBlockRef start = LLVMGetInsertBlock(L->b);
  LLVMValueRef env = LLVMGetParam(fn, 0);
  load_uniforms(S, et, env);
  Source src = {.fill = fill_items, .finish = finish_items,
                .lo = LLVMGetParam(fn, 2), .hi = LLVMGetParam(fn, 3),
                .finished = LLVMGetParam(fn, 4), .written = c->written};
  src.start = LLVMBuildLoad2(L->b, L->t_i64, env_at(L, et, env, 0, 0), "");
  src.step = LLVMBuildLoad2(L->b, L->t_i64, env_at(L, et, env, 1, 0), "");
  run_lanes(S, &s->body, hot, &src);
  close_simd(S, &fs, start);
  return fn;
}

typedef struct {
  LLVMValueRef body;  // the scalar NAME.body
} BodyRun;

static LLVMValueRef call_body_simd(Lower *L, LLVMValueRef fn,
                                   LLVMValueRef simd, LLVMValueRef b,
                                   LLVMValueRef e, LLVMValueRef finished) {
  LLVMValueRef args[5] = {LLVMGetParam(fn, 0), LLVMGetParam(fn, 1), b, e,
                          finished};
  return LLVMBuildCall2(L->b, LLVMGlobalGetValueType(simd), simd, args, 5,
                        "");
}

// The scalar NAME.body for each iteration of b..e-1 the vector run left,
// in order, stopping at the first that raises.
static void rerun_body(Lower *L, LLVMValueRef fn, LLVMValueRef b,
                       LLVMValueRef e, LLVMValueRef finished) {
  const char *name = arena_sprintf(L->a, "%s.body", L->fs->func->name);
  LLVMValueRef body = LLVMGetNamedFunction(L->m, name);
  Counted c;
  open_counted(L, &c, b, e);
  LLVMValueRef off = LLVMBuildSub(L->b, c.k, b, "");
  LLVMValueRef flag = LLVMBuildLoad2(
      L->b, L->t_i8, LLVMBuildGEP2(L->b, L->t_i8, finished, &off, 1, ""), "");
  LLVMBasicBlockRef go = new_block(L, "scalar");
  LLVMBuildCondBr(L->b, icmp(L, LLVMIntNE, flag,
                             LLVMConstInt(L->t_i8, 0, false)),
                  c.next, go);
  move_to(L, go);
  LLVMValueRef args[4] = {LLVMGetParam(fn, 0), LLVMGetParam(fn, 1), c.k,
                          LLVMBuildAdd(L->b, c.k, i64c(L, 1), "")};
  LLVMBuildCall2(L->b, LLVMGlobalGetValueType(body), body, args, 4, "");
  ll_check_exc(L);
  close_counted(L, &c, i64c(L, 1));
}

// `a = b` of lists: two names for one list, whose items the lanes would
// cache apart.
static bool has_alias(const PtrVec *body) {
  for (int i = 0; i < body->len; i++) {
    const Node *s = body->data[i];
    if (s->kind == ND_ASSIGN && s->value->kind == ND_NAME &&
        kind_of(s->value->ty) == TY_LIST)
      return true;
    if (has_alias(&s->body) || has_alias(&s->orelse))
      return true;
  }
  return false;
}

LLVMValueRef ll_simd_body(Lower *L, Node *s, LLVMTypeRef et) {
  const Func *f = L->fs->func;
  int hot = -1;
  const Node *where = NULL;
  const char *why = why_not(L, f, s->target->var, &s->body, &hot, &where);
  if (!why && has_alias(&f->def->body))
    why = "a list with two names";
  if (why) {
    say(L, "not used for %s: %s", f->name, why, where);
    return NULL;
  }
  say(L, "%s runs %s lanes a vector", f->name,
      arena_sprintf(L->a, "%u", host_width(L)), NULL);
  FnState *outer = L->fs;
  Simd S = {.L = L, .f = f, .width = host_width(L),
            .ivar = s->target->var};
  Collect c = {.S = &S};
  c.written = arena_alloc(L->a, sizeof *c.written * (f->vars.len + 1));
  collect_vec(&c, &s->body, false);
  LLVMValueRef simd = body_simd(L, s, et, hot, &c);
  LLVMTypeRef p[4] = {L->t_ptr, L->t_ptr, L->t_i64, L->t_i64};
  static const char *const names[4] = {"env", "ctx", "lo", "hi"};
  const char *name = arena_sprintf(L->a, "%s.body.lanes", f->name);
  LLVMValueRef fn = new_fn(L, name, L->t_void, p, 4, names);
  LLVMSetLinkage(fn, LLVMInternalLinkage);
  FnState fs = {.func = f, .ret = &ty_none};
  ll_open_function(L, &fs, fn, LLVMGetParam(fn, 1), name, s->line);
  LLVMBasicBlockRef start = LLVMGetInsertBlock(L->b);
  in_blocks(L, fn, simd, LLVMGetParam(fn, 2), LLVMGetParam(fn, 3),
            call_body_simd, rerun_body);
  ll_close_function(L, &fs, start);
  ll_emit_return_block(L, &fs);
  L->fs = outer;
  return fn;
}
