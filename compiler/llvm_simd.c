// llvm_simd.c - which bodies run in SPMD form, and their statements.
//
// The per-point body is compiled once more in SPMD form (as ISPC does):
// every per-point value a vector of `width` lanes, one point a lane (see
// llvm_vexpr.c for values and expressions, llvm_lanes.c for how lanes get
// their points). This file decides first, before any code is made, whether
// a body is inside the vector subset (ll_simd_why_not; -v says why not),
// and then lowers its statements under lane masks: `if` runs both arms
// under masks (an arm no lane takes is skipped), loops run while any lane
// is active, break/continue and return clear lanes from the current mask.
// The body must be P; LOOP; E: straight-line statements around one loop
// (the escape loop), whose pieces llvm_lanes.c drives one by one. A print
// is allowed once, outside the loop: its lanes only record their point's
// variables, and llvm_lanes.c prints in point order (Prints). The escape
// loop, when a range, counts its steps once for all lanes (VFor.steps),
// and its target is made only where read (VFor.lazy).
#include "llvm_lower.h"
#include "pymath.h"

// ---- which bodies can run in vector form -----------------------------------

typedef struct {
  const Func *f;
  Var *ivar;
  bool point;    // a point kernel (return allowed)
  int depth;     // loops around the statement being checked
  Node *print;   // the body's print statement, if any
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

bool ll_pow_exponent(const Node *n, int64_t *e) {
  while (n->kind == ND_CONVERT)
    n = n->value;
  if (n->kind == ND_NAME && n->var && n->var->kind == VAR_CONST)
    return ll_pow_exponent(n->var->value, e);
  if (n->kind != ND_CONSTANT)
    return false;
  double v = n->cval.kind == CONST_INT     ? (double)n->cval.ival
             : n->cval.kind == CONST_FLOAT ? n->cval.fval
                                           : -1.0;
  if (!(v >= 0.0 && v <= PYM_COMPLEX_POWI_MAX && v == floor(v)))
    return false;
  *e = (int64_t)v;
  return true;
}

static bool binop_ok(Check *c, const Node *n) {
  TypeKind k = kind_of(n->ty);
  int64_t e;
  if (n->op == OP_POW && k == TY_FLOAT &&  // float_pow, lane by lane
      kind_of(n->left->ty) <= TY_FLOAT && kind_of(n->right->ty) <= TY_FLOAT)
    return expr_ok(c, n->left) && expr_ok(c, n->right);
  if (n->op == OP_POW) {  // complex ** N: c_powi's products, in the lanes
    if (k != TY_COMPLEX || kind_of(n->left->ty) != TY_COMPLEX ||
        !ll_pow_exponent(n->right, &e))
      return refuse(c, n, "a power other than a float one or complex ** N "
                          "with N a whole number 0..100 written in the "
                          "code");
    return expr_ok(c, n->left);
  }
  bool ok = n->op == OP_ADD || n->op == OP_SUB || n->op == OP_MUL;
  if (k == TY_FLOAT && n->op == OP_DIV) {
    ok = true;
    if (kind_of(n->left->ty) <= TY_INT && kind_of(n->right->ty) <= TY_INT)
      return expr_ok(c, n->left) && expr_ok(c, n->right);  // int / int
  }
  if (k == TY_INT && (n->op == OP_MOD || n->op == OP_FLOORDIV))
    ok = true;
  if (k == TY_BOOL)
    ok = n->op == OP_BITAND || n->op == OP_BITOR || n->op == OP_BITXOR;
  if (!ok || kind_of(n->left->ty) != k || kind_of(n->right->ty) != k)
    return refuse(c, n, "this operator");
  return expr_ok(c, n->left) && expr_ok(c, n->right);
}

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
    if (!ll_abs_bound(n, &bound))
      return refuse(c, n, "abs(complex) compared with a variable");
    return expr_ok(c, l->args.data[0]);
  }
  return expr_ok(c, l) && exprs_ok(c, &n->comparators);
}

Node *ll_inline_return(const Func *f) {
  const PtrVec *body = &f->def->body;
  int i = 0;
  while (i < body->len && ((Node *)body->data[i])->kind == ND_EXPR &&
         ((Node *)body->data[i])->value->kind == ND_CONSTANT)
    i++;  // a docstring
  Node *r = i == body->len - 1 ? body->data[i] : NULL;
  return r && r->kind == ND_RETURN && r->value ? r : NULL;
}

// A call of the file's own function, inlined (llvm_vexpr.c): its body one
// `return EXPR` inside the subset, its parameters numbers bound by
// position. The expression is checked as the kernel's own.
static bool user_call_ok(Check *c, const Node *n) {
  const Func *g = n->callee;
  const Node *r = ll_inline_return(g);
  if (!r)
    return refuse(c, n, "a call of a function whose body is more than one "
                        "return (write the helper as `return EXPR`)");
  if (g->recursive)
    return refuse(c, n, "a call of a recursive function");
  if (n->args.len != g->nparams || n->keywords.len)
    return refuse(c, n, "a call with keyword or default arguments");
  for (int i = 0; i < g->nparams; i++)
    if (!is_number(g->params[i]->ty))
      return refuse(c, n, "a call with an argument that is not a number");
  if (!is_number(g->ret))
    return refuse(c, n, "a call of a function that returns no number");
  return exprs_ok(c, &n->args) && expr_ok(c, r->value);
}

static bool call_ok(Check *c, const Node *n) {
  if (n->callee)
    return user_call_ok(c, n);
  if (n->builtin >= BI_MATH_SQRT && n->builtin <= BI_MATH_RADIANS) {
    // math.*: exact vector code, or per lane the scalar code's own call
    for (int i = 0; i < n->args.len; i++)
      if (kind_of(((Node *)n->args.data[i])->ty) > TY_FLOAT)
        return refuse(c, n, "a math function of a complex");
    if (n->keywords.len)
      return refuse(c, n, "this call");
    return exprs_ok(c, &n->args);
  }
  if (!n->callee && n->builtin == BI_ABS && n->args.len == 1 &&
      kind_of(n->ty) == TY_FLOAT &&
      kind_of(((Node *)n->args.data[0])->ty) == TY_FLOAT)
    return expr_ok(c, n->args.data[0]);
  if (!n->callee && n->builtin == BI_FLOAT && n->args.len == 1)
    return expr_ok(c, n->args.data[0]);
  if (!n->callee && n->builtin == BI_COMPLEX && n->args.len >= 1) {
    for (int i = 0; i < n->args.len; i++)
      if (kind_of(((Node *)n->args.data[i])->ty) == TY_COMPLEX)
        return refuse(c, n, "complex() of a complex");
    return exprs_ok(c, &n->args);
  }
  return refuse(c, n, "this call");
}

static bool expr_ok(Check *c, const Node *n) {
  if (!is_number(n->ty))
    return refuse(c, n, "a value that is not a number");
  switch (n->kind) {
  case ND_BOOLOP: return exprs_ok(c, &n->values);
  case ND_BINOP: return binop_ok(c, n);
  case ND_UNARYOP:
    if (n->op == OP_INVERT)
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
    // a module constant is its expression, the same in every lane
    if (n->var && n->var->kind == VAR_CONST)
      return expr_ok(c, n->var->value);
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

// print(...) or Python 2's print statement.
static bool is_print(const Node *s) {
  return s->kind == ND_PRINT ||
         (s->kind == ND_EXPR && s->value->kind == ND_CALL &&
          !s->value->callee && s->value->builtin == BI_PRINT);
}

static bool print_value_ok(Check *c, const Node *n);

static bool print_values_ok(Check *c, const PtrVec *v) {
  for (int i = 0; i < v->len; i++)
    if (!print_value_ok(c, v->data[i]))
      return false;
  return true;
}

// A print's values run as scalar code for each point that prints, from a
// copy of the point's variables (see Prints): numbers, strings, `%`
// formatting, len() of a list. No list items (a lane keeps them apart from
// the list until the point finishes) and no call that could have effects.
static bool print_value_ok(Check *c, const Node *n) {
  if (!n)
    return true;
  switch (n->kind) {
  case ND_CALL: {
    if (n->callee || n->builtin == BI_PRINT || n->builtin == BI_APPEND)
      return refuse(c, n, "this call in print");
    const Node *a = n->args.len ? n->args.data[0] : NULL;
    if (n->builtin == BI_LEN)
      return a && a->kind == ND_NAME && a->var && a->var->kind != VAR_CONST
                 ? true
                 : refuse(c, n, "len() of an expression in print");
    for (int i = 0; i < n->args.len; i++)
      if (kind_of(((Node *)n->args.data[i])->ty) == TY_LIST)
        return refuse(c, n, "a list in print");
    return print_value_ok(c, n->func) && print_values_ok(c, &n->args);
  }
  case ND_NAME:
    if (n->var && n->var->kind == VAR_CONST)
      return print_value_ok(c, n->var->value);
    if (n->var && !is_number(n->var->ty))
      return refuse(c, n, "a variable in print that is not a number");
    return true;
  case ND_CONSTANT: return true;
  case ND_BINOP:
  case ND_UNARYOP:
  case ND_COMPARE:
  case ND_BOOLOP:
  case ND_IFEXP:
  case ND_CONVERT:
  case ND_TUPLE:
  case ND_ATTRIBUTE: break;
  default: return refuse(c, n, "this value in print");
  }
  return print_value_ok(c, n->left) && print_value_ok(c, n->right) &&
         print_value_ok(c, n->value) && print_value_ok(c, n->test) &&
         print_value_ok(c, n->body_expr) &&
         print_value_ok(c, n->orelse_expr) &&
         print_values_ok(c, &n->values) &&
         print_values_ok(c, &n->comparators) && print_values_ok(c, &n->elts);
}

// One print, outside the loop: each point that prints records its
// variables, and the prints run in point order (Prints).
static bool print_ok(Check *c, Node *s) {
  if (c->depth > 0)
    return refuse(c, s, "print inside a loop");
  if (c->print)
    return refuse(c, s, "a second print");
  c->print = s;
  const Node *call = s->kind == ND_EXPR ? s->value : NULL;
  return print_values_ok(c, call ? &call->args : &s->values);
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
  case ND_WHILE: {
    bool ok = s->kind == ND_FOR ? range_ok(c, s) : expr_ok(c, s->test);
    c->depth++;
    ok = ok && stmts_ok(c, &s->body) && stmts_ok(c, &s->orelse);
    c->depth--;
    return ok;
  }
  case ND_IF:
    return expr_ok(c, s->test) && stmts_ok(c, &s->body) &&
           stmts_ok(c, &s->orelse);
  case ND_RETURN:
    if (!c->point || !s->value)
      return refuse(c, s, "return");
    return expr_ok(c, s->value);
  case ND_EXPR:
    if (is_print(s))
      return print_ok(c, (Node *)s);
    return s->value->kind == ND_CONSTANT ? true : refuse(c, s, "an expression "
                                                         "statement");
  case ND_PASS:
  case ND_BREAK:
  case ND_CONTINUE: return true;
  case ND_PRINT: return print_ok(c, (Node *)s);
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
// *print: the body's print statement, if any.
const char *ll_simd_why_not(Lower *L, const Func *f, Var *ivar,
                            const PtrVec *body, int *hot, Node **print,
                            const Node **where) {
  Check c = {.f = f, .ivar = ivar, .point = ivar == NULL};
  if (!L->opt->simd)
    return "--simd=off";
  if (ll_needs_flags(f)) {  // lanes have no "assigned" flags
    *where = NULL;
    *print = NULL;
    return "it may read a variable before assigning it";
  }
  if (stmts_ok(&c, body))
    *hot = find_hot_loop(&c, body);
  *where = c.where;
  *print = c.print;
  return c.why;
}

// -v: `simd: ...` on the diagnostics stream.
void ll_simd_say(Lower *L, const char *fmt, const char *name, const char *why,
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

// ---- statements under a lane mask ------------------------------------------

static void vstmts(Simd *S, PtrVec *body);

static void vassign(Simd *S, Node *t, LLVMValueRef v, const Type *vty) {
  if (t->kind == ND_NAME) {
    Var *var = t->var;
    ll_vstore_var(S, var, S->mask, ll_vconvert(S, v, vty, var->ty));
    return;
  }
  Var *x = t->value->var;
  int k = ll_vitem_index(S, x);
  ll_vstore_squared(S, S->items[k], S->item_squares[k], x->ty->elem, S->mask,
                    ll_vconvert(S, v, vty, x->ty->elem));
}

static void vassign_stmt(Simd *S, Node *s) {
  Node *t0 = s->targets.data[0];
  if (t0->kind == ND_TUPLE || t0->kind == ND_LIST) {
    // the values first, then the targets: a swap reads the old values
    Node *v = s->value;
    LLVMValueRef *vals = arena_alloc(S->L->a, sizeof *vals * v->elts.len);
    for (int k = 0; k < v->elts.len; k++)
      vals[k] = ll_vexpr(S, v->elts.data[k]);
    for (int k = 0; k < v->elts.len; k++)
      vassign(S, t0->elts.data[k], vals[k],
              ((Node *)v->elts.data[k])->ty);
    return;
  }
  LLVMValueRef v = ll_vexpr(S, s->value);
  for (int i = 0; i < s->targets.len; i++)
    vassign(S, s->targets.data[i], v, s->value->ty);
}

static void vaugassign(Simd *S, Node *s) {
  Var *var = s->target->var;
  LLVMValueRef cur = vload(S, vtype(S, var->ty), S->slots[var->index]);
  LLVMValueRef v = ll_vconvert(S, ll_vexpr(S, s->value), s->value->ty, var->ty);
  vassign(S, s->target, ll_varith(S, s->op, cur, v, var->ty), var->ty);
}

// The lanes still running after a statement that may break, continue or
// return: those of `m` that did none of it.
static LLVMValueRef still_running(Simd *S, LLVMValueRef m) {
  m = vand_not(S, m, vload(S, S->vi1, S->done));
  if (S->loop) {
    m = vand_not(S, m, vload(S, S->vi1, S->loop->exited));
    m = vand_not(S, m, vload(S, S->vi1, S->loop->skipped));
  }
  return m;
}

// Runs body under mask m, skipping it when no lane is in m.
void ll_vstmts_under(Simd *S, LLVMValueRef m, PtrVec *body) {
  if (!body->len)
    return;
  Lower *L = S->L;
  LLVMBasicBlockRef go = new_block(L, "simd.then");
  LLVMBasicBlockRef done = new_block(L, "simd.endif");
  LLVMBuildCondBr(L->b, vany(S, m), go, done);
  move_to(L, go);
  LLVMValueRef outer = S->mask;
  S->mask = m;
  vstmts(S, body);
  S->mask = outer;
  branch_to(L, done);
  move_to(L, done);
}

// `if abs(z) > C:` (or >=) without else: on the hot path, where every
// lane is below the band (ll_vabs_compare), no lane takes the body, and
// the code goes straight past it.
static bool is_abs_escape(const Node *s) {
  const Node *t = s->test;
  double c;
  if (s->orelse.len || t->kind != ND_COMPARE || t->left->kind != ND_CALL ||
      t->left->builtin != BI_ABS || !ll_abs_bound(t, &c) ||
      kind_of(((Node *)t->left->args.data[0])->ty) != TY_COMPLEX)
    return false;
  Operator op = (Operator)(intptr_t)t->ops.data[0];
  return op == OP_GT || op == OP_GTE;
}

static void vif_abs(Simd *S, Node *s) {
  Lower *L = S->L;
  LLVMValueRef m = S->mask;
  LLVMBasicBlockRef below = new_block(L, "abs.below");
  LLVMValueRef c = ll_vabs_compare(S, s->test, below);
  ll_vstmts_under(S, LLVMBuildAnd(L->b, m, c, ""), &s->body);
  branch_to(L, below);
  move_to(L, below);
  S->mask = still_running(S, m);
}

static void vif(Simd *S, Node *s) {
  if (is_abs_escape(s)) {
    vif_abs(S, s);
    return;
  }
  LLVMValueRef m = S->mask;
  LLVMValueRef c = ll_vconvert(S, ll_vexpr(S, s->test), s->test->ty, &ty_bool);
  ll_vstmts_under(S, LLVMBuildAnd(S->L->b, m, c, ""), &s->body);
  ll_vstmts_under(S, vand_not(S, m, c), &s->orelse);
  S->mask = still_running(S, m);
}

void ll_vloop_open(Simd *S, VFor *v, Node *s) {
  Lower *L = S->L;
  v->s = s;
  v->steps = v->budget = NULL;
  v->lazy = false;
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
void ll_vloop_start(Simd *S, VFor *v, LLVMValueRef m) {
  Lower *L = S->L;
  LLVMValueRef outer = S->mask;
  S->mask = m;
  LLVMValueRef nomask = vand_not(S, vones(S), m);
  LLVMValueRef regs[3] = {v->loop.exited, v->loop.skipped, v->natural};
  for (int i = 0; i < 3; i++)
    LLVMBuildStore(L->b,
                   LLVMBuildAnd(L->b, vload(S, S->vi1, regs[i]), nomask, ""),
                   regs[i]);
  if (v->s->kind == ND_FOR) {
    Node *call = v->s->iter;
    LLVMValueRef a[2];
    for (int i = 0; i < call->args.len; i++) {
      Node *e = call->args.data[i];
      a[i] = ll_vconvert(S, ll_vexpr(S, e), e->ty, &ty_int);
    }
    LLVMValueRef start = call->args.len == 2 ? a[0] : LLVMConstNull(S->vi64);
    LLVMValueRef stop = call->args.len == 2 ? a[1] : a[0];
    LLVMValueRef n = LLVMBuildSelect(
        L->b, icmp(L, LLVMIntSLT, start, stop),
        LLVMBuildSub(L->b, stop, start, ""), LLVMConstNull(S->vi64), "");
    vstore_lanes(S, v->start, m, start);
    vstore_lanes(S, v->count, m, n);
    if (v->steps) {
      LLVMValueRef g = LLVMBuildLoad2(L->b, L->t_i64, v->steps, "steps");
      vstore_lanes(S, v->k, m, vsplat(S, g));
      LLVMBuildStore(L->b, g, v->budget);  // the next test counts
    } else {
      vstore_lanes(S, v->k, m, LLVMConstNull(S->vi64));
    }
  }
  S->mask = outer;
}

// Whether body assigns v (the escape loop's target stays lazy if not).
static bool assigns(const PtrVec *body, const Var *v) {
  for (int i = 0; i < body->len; i++) {
    const Node *s = body->data[i];
    const Node *t = s->kind == ND_FOR || s->kind == ND_AUGASSIGN ? s->target
                                                                  : NULL;
    if (t && t->kind == ND_NAME && t->var == v)
      return true;
    for (int j = 0; s->kind == ND_ASSIGN && j < s->targets.len; j++) {
      const Node *a = s->targets.data[j];
      if (a->kind == ND_NAME && a->var == v)
        return true;
      for (int k = 0; a->kind != ND_NAME && k < a->elts.len; k++)
        if (((Node *)a->elts.data[k])->var == v)
          return true;
    }
    if (assigns(&s->body, v) || assigns(&s->orelse, v))
      return true;
  }
  return false;
}

// The escape loop (llvm_lanes.c) steps every lane it runs: its range loop
// counts steps once (VFor.steps).
void ll_vloop_uniform(Simd *S, VFor *v) {
  Lower *L = S->L;
  if (v->s->kind != ND_FOR)
    return;
  v->steps = ll_entry_alloca(L, L->t_i64, "steps");
  v->budget = ll_entry_alloca(L, L->t_i64, "budget");
  LLVMBuildStore(L->b, i64c(L, 0), v->steps);
  LLVMBuildStore(L->b, i64c(L, 0), v->budget);
  const Node *t = v->s->target;
  v->lazy = t->kind == ND_NAME && !assigns(&v->s->body, t->var);
}

// The lanes' range index, k = steps - k0, as a vector.
static LLVMValueRef uniform_k(Simd *S, VFor *v, int back) {
  Lower *L = S->L;
  LLVMValueRef g = LLVMBuildLoad2(L->b, L->t_i64, v->steps, "steps");
  g = LLVMBuildSub(L->b, g, i64c(L, back), "");
  return LLVMBuildSub(L->b, vsplat(S, g), vload(S, S->vi64, v->k), "");
}

// The target's value `back` steps ago: start + k.
LLVMValueRef ll_vloop_target(Simd *S, VFor *v, int back) {
  return LLVMBuildAdd(S->L->b, vload(S, S->vi64, v->start),
                      uniform_k(S, v, back), "");
}

// A lazy target's last value into the lanes of m, which leave the loop;
// lanes that made no step keep the value they had.
void ll_vloop_settle(Simd *S, VFor *v, LLVMValueRef m) {
  if (!v->lazy)
    return;
  Lower *L = S->L;
  LLVMValueRef ran = icmp(L, LLVMIntNE, uniform_k(S, v, 0),
                          LLVMConstNull(S->vi64));
  LLVMValueRef outer = S->mask;
  S->mask = LLVMBuildAnd(L->b, m, ran, "");
  vassign(S, v->s->target, ll_vloop_target(S, v, 1), &ty_int);
  S->mask = outer;
}

// ll_vloop_test of the escape loop's range: while `steps` is below the
// budget every lane has steps left; at the budget the counts decide, and
// the budget becomes the fewest steps left (capped: it is a sum).
static LLVMValueRef uniform_test(Simd *S, VFor *v, LLVMValueRef act) {
  Lower *L = S->L;
  LLVMBasicBlockRef pre = LLVMGetInsertBlock(L->b);
  LLVMBasicBlockRef exact = new_block(L, "budget.out");
  LLVMBasicBlockRef join = new_block(L, "budget.ok");
  LLVMValueRef g = LLVMBuildLoad2(L->b, L->t_i64, v->steps, "steps");
  LLVMValueRef b = LLVMBuildLoad2(L->b, L->t_i64, v->budget, "budget");
  ll_unlikely(L, LLVMBuildCondBr(L->b, icmp(L, LLVMIntSGE, g, b), exact,
                                 join));
  move_to(L, exact);
  LLVMValueRef k = uniform_k(S, v, 0), count = vload(S, S->vi64, v->count);
  LLVMValueRef c = icmp(L, LLVMIntULT, k, count);
  vor_into(S, v->natural, vand_not(S, act, c));
  LLVMValueRef m = LLVMBuildAnd(L->b, act, c, "");
  LLVMValueRef cap = vsplat(S, i64c(L, INT64_C(1) << 62));
  LLVMValueRef args[2] = {LLVMBuildSub(L->b, count, k, ""), cap};
  LLVMValueRef left = ll_intrinsic(L, "llvm.umin", S->vi64, 2, args);
  left = LLVMBuildSelect(L->b, m, left, cap, "");
  left = ll_intrinsic(L, "llvm.vector.reduce.umin", S->vi64, 1, &left);
  LLVMBuildStore(L->b, LLVMBuildAdd(L->b, g, left, ""), v->budget);
  LLVMBuildBr(L->b, join);
  move_to(L, join);
  return ll_phi2(L, S->vi1, act, pre, m, exact);
}

// The lanes that go round once more out of those in `act`; those whose
// condition is false join `natural`.
LLVMValueRef ll_vloop_test(Simd *S, VFor *v, LLVMValueRef act) {
  Lower *L = S->L;
  LLVMValueRef c;
  if (v->s->kind == ND_FOR && v->steps)
    return uniform_test(S, v, act);
  if (v->s->kind == ND_FOR) {
    c = icmp(L, LLVMIntULT, vload(S, S->vi64, v->k),
             vload(S, S->vi64, v->count));
  } else {
    LLVMValueRef outer = S->mask;
    S->mask = act;
    c = ll_vconvert(S, ll_vexpr(S, v->s->test), v->s->test->ty, &ty_bool);
    S->mask = outer;
  }
  vor_into(S, v->natural, vand_not(S, act, c));
  return LLVMBuildAnd(L->b, act, c, "");
}

// One iteration in the lanes of m: the target set, the body, the counter
// stepped.
void ll_vloop_body(Simd *S, VFor *v, LLVMValueRef m) {
  Lower *L = S->L;
  LLVMBuildStore(L->b, vnone(S), v->loop.skipped);
  v->loop.outer = S->loop;
  S->loop = &v->loop;
  S->mask = m;
  if (v->s->kind == ND_FOR && !v->lazy) {
    LLVMValueRef k = v->steps ? uniform_k(S, v, 0) : vload(S, S->vi64, v->k);
    vassign(S, v->s->target,
            LLVMBuildAdd(L->b, vload(S, S->vi64, v->start), k, ""), &ty_int);
  }
  VFor *hot = S->hot;  // an inner loop's body still reads the outer target
  if (v->lazy)
    S->hot = v;
  vstmts(S, &v->s->body);
  S->hot = hot;
  S->loop = v->loop.outer;
  at(L, v->s);
  if (v->steps) {
    LLVMValueRef g = LLVMBuildLoad2(L->b, L->t_i64, v->steps, "");
    LLVMBuildStore(L->b, LLVMBuildAdd(L->b, g, i64c(L, 1), ""), v->steps);
  } else if (v->s->kind == ND_FOR) {
    LLVMValueRef k = vload(S, S->vi64, v->k);
    vstore_lanes(S, v->k, m, LLVMBuildAdd(L->b, k, vsplat(S, i64c(L, 1)), ""));
  }
}

// A loop inside the escape loop: it runs until no lane of the entry mask is
// in it; then the lanes that ended it naturally run its else clause.
static void vloop(Simd *S, Node *s) {
  Lower *L = S->L;
  VFor v;
  ll_vloop_open(S, &v, s);
  LLVMValueRef m0 = S->mask;
  ll_vloop_start(S, &v, m0);
  LLVMBasicBlockRef head = new_block(L, "vloop"), body = new_block(L, "vbody");
  LLVMBasicBlockRef exit = new_block(L, "vloop.end");
  LLVMBuildBr(L->b, head);
  move_to(L, head);
  LLVMValueRef act = vand_not(S, vand_not(S, m0, vload(S, S->vi1, S->done)),
                              vload(S, S->vi1, v.loop.exited));
  act = vand_not(S, act, vload(S, S->vi1, v.natural));
  LLVMValueRef m = ll_vloop_test(S, &v, act);
  LLVMBuildCondBr(L->b, vany(S, m), body, exit);
  move_to(L, body);
  ll_vloop_body(S, &v, m);
  LLVMBuildBr(L->b, head);
  move_to(L, exit);
  LLVMValueRef natural =
      vand_not(S, vload(S, S->vi1, v.natural), vload(S, S->vi1, S->done));
  S->mask = m0;
  ll_vstmts_under(S, LLVMBuildAnd(L->b, m0, natural, ""), &s->orelse);
  S->mask = still_running(S, m0);
}

// The escape loop's masks change only when a lane breaks or returns
// (continue lasts one step): run_lanes skips their bookkeeping otherwise.
static void mark_dirty(Simd *S) {
  if (S->dirty)
    LLVMBuildStore(S->L->b, LLVMConstInt(S->L->t_i1, 1, false), S->dirty);
}

static void vjump(Simd *S, Node *s) {
  vor_into(S, s->kind == ND_BREAK ? S->loop->exited : S->loop->skipped,
           S->mask);
  if (s->kind == ND_BREAK)
    mark_dirty(S);
  S->mask = vnone(S);
}

static void vreturn(Simd *S, Node *s) {
  LLVMValueRef v =
      ll_vconvert(S, ll_vexpr(S, s->value), s->value->ty, S->f->ret);
  vstore_lanes(S, S->ret, S->mask, v);
  vor_into(S, S->done, S->mask);
  mark_dirty(S);
  S->mask = vnone(S);
}

// A lane at the print records its point's variables (see Prints).
static void record_lane(Simd *S, LLVMValueRef lane, void *arg) {
  (void)arg;
  Lower *L = S->L;
  const Prints *pr = S->pr;
  LLVMValueRef t = ll_get_lane(S, S->vi64, S->tvec, lane);
  LLVMValueRef off = LLVMBuildSub(L->b, t, S->lo, "");
  LLVMBuildStore(L->b, LLVMConstInt(L->t_i8, 1, false),
                 LLVMBuildGEP2(L->b, L->t_i8, S->printed, &off, 1, ""));
  LLVMValueRef rec = LLVMBuildGEP2(L->b, pr->rec_t, S->records, &off, 1, "");
  for (int k = 0; k < pr->vars.len; k++) {
    Var *v = pr->vars.data[k];
    LLVMValueRef x = ll_get_lane_value(S, S->slots[v->index], v->ty, lane);
    LLVMBuildStore(L->b, x, LLVMBuildStructGEP2(L->b, pr->rec_t, rec,
                                                (unsigned)k, ""));
  }
}

static void vprint(Simd *S) {
  Lower *L = S->L;
  LLVMBasicBlockRef go = new_block(L, "print.lanes");
  LLVMBasicBlockRef done = new_block(L, "print.done");
  LLVMBuildCondBr(L->b, vany(S, S->mask), go, done);
  move_to(L, go);
  ll_each_lane(S, S->mask, record_lane, NULL);
  LLVMBuildBr(L->b, done);
  move_to(L, done);
}

static void vstmt(Simd *S, Node *s) {
  at(S->L, s);
  switch (s->kind) {
  case ND_PRINT: vprint(S); break;
  case ND_EXPR:
    if (is_print(s))
      vprint(S);
    break;
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
