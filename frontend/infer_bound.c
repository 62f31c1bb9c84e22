// infer_bound.c - step 5: which reads of a local may find it unassigned.
//
// CPython raises UnboundLocalError when a function reads a local that no
// store has reached yet (`for n in range(k): ...` then `return n` with
// k == 0). A compiled slot would just hold garbage, so this pass finds
// every read that some path may reach before a store, marks it
// (Node.maybe_unbound) and its variable (Var.needs_flag); the back ends
// give only those variables an "assigned" flag and test it only at those
// reads, so a kernel without such a read compiles exactly as before.
//
// It is the classic definite-assignment analysis over structured flow:
// a Flow is the set of locals surely assigned on every path reaching a
// point (or `dead`: no path does, after return, break or continue); the
// two arms of an if meet by intersection; a loop's body starts from the
// state before the loop, since the back edge only adds stores; what
// follows a loop is the meet of its else clause (entered from the state
// before the loop: the body may run zero times) and of its breaks. A
// `while True` loop leaves only through its breaks; a for loop over a
// constant range that is not empty leaves its target assigned.
// Expressions store nothing (no `:=` in kernels), except a
// comprehension's own target.
#include <string.h>

#include "infer_internal.h"

typedef struct {
  bool *set;  // by Var.index: surely assigned here
  bool dead;  // no path reaches this point
} Flow;

// The loop around the statement being walked: the meet of its breaks.
typedef struct BoundLoop {
  Flow exit;
  struct BoundLoop *outer;
} BoundLoop;

typedef struct {
  Arena *a;
  Func *f;
  int nvars;
  BoundLoop *loop;
} Bound;

static Flow flow_new(Bound *b, bool dead) {
  Flow st = {arena_alloc(b->a, (size_t)b->nvars + 1), dead};
  return st;
}

static Flow flow_copy(Bound *b, const Flow *src) {
  Flow st = flow_new(b, src->dead);
  memcpy(st.set, src->set, (size_t)b->nvars);
  return st;
}

// dst = the state where paths reaching dst and src join.
static void flow_meet(Bound *b, Flow *dst, const Flow *src) {
  if (src->dead)
    return;
  if (dst->dead) {
    memcpy(dst->set, src->set, (size_t)b->nvars);
    dst->dead = false;
    return;
  }
  for (int i = 0; i < b->nvars; i++)
    dst->set[i] = dst->set[i] && src->set[i];
}

// A local of the function being walked (not a module constant, not a
// name of another scope such as math).
static Var *local_of(Bound *b, const Node *n) {
  Var *v = n->var;
  if (!v || v->kind == VAR_CONST || v->func != b->f)
    return NULL;
  return v;
}

static void read_name(Bound *b, Flow *st, Node *n) {
  Var *v = local_of(b, n);
  if (!v || st->dead || st->set[v->index])
    return;
  n->maybe_unbound = true;
  v->needs_flag = true;
}

static void reads(Bound *b, Flow *st, Node *n);
static void store(Bound *b, Flow *st, Node *target);

static void reads_each(Bound *b, Flow *st, PtrVec *v) {
  for (int i = 0; i < v->len; i++)
    reads(b, st, v->data[i]);
}

// [elt for target in iter if ...]: each generator's iter is read before
// its target is stored; the ifs and the element after.
static void comprehension(Bound *b, Flow *st, Node *n) {
  for (int i = 0; i < n->generators.len; i++) {
    Node *g = n->generators.data[i];
    reads(b, st, g->iter);
    store(b, st, g->target);
    reads_each(b, st, &g->ifs);
  }
  reads(b, st, n->elt);
}

// Every Name an expression reads, whatever its kind: the fields that
// hold subexpressions are walked alike.
static void reads(Bound *b, Flow *st, Node *n) {
  if (!n)
    return;
  if (n->kind == ND_NAME) {
    read_name(b, st, n);
    return;
  }
  if (n->kind == ND_LISTCOMP) {
    comprehension(b, st, n);
    return;
  }
  Node *kids[] = {n->left, n->right, n->value, n->test, n->body_expr,
                  n->orelse_expr, n->func, n->index, n->lower, n->upper,
                  n->step};
  for (int i = 0; i < COUNT(kids); i++)
    reads(b, st, kids[i]);
  reads_each(b, st, &n->args);
  reads_each(b, st, &n->keywords);
  reads_each(b, st, &n->elts);
  reads_each(b, st, &n->values);
  reads_each(b, st, &n->comparators);
}

// A store target: a name becomes assigned; a list item reads its list
// and index (after the value, as Python evaluates them).
static void store(Bound *b, Flow *st, Node *target) {
  if (!target)
    return;
  if (target->kind == ND_NAME) {
    Var *v = local_of(b, target);
    if (v)
      st->set[v->index] = true;
  } else if (target->kind == ND_TUPLE || target->kind == ND_LIST) {
    for (int i = 0; i < target->elts.len; i++)
      store(b, st, target->elts.data[i]);
  } else {
    reads(b, st, target);
  }
}

static void block(Bound *b, Flow *st, PtrVec *body);

// `while True:` (or any constant that is true): the else never runs.
static bool always_true(const Node *test) {
  while (test && test->kind == ND_CONVERT)
    test = test->value;
  if (!test || test->kind != ND_CONSTANT)
    return false;
  const ConstValue *c = &test->cval;
  return ((c->kind == CONST_BOOL || c->kind == CONST_INT) && c->ival != 0) ||
         (c->kind == CONST_FLOAT && c->fval != 0);
}

// A loop whose body starts from `body` and whose else clause (when it
// can end without break) starts from the state before the loop.
static void loop(Bound *b, Flow *st, Flow body, Node *s, bool can_end) {
  BoundLoop l = {flow_new(b, true), b->loop};
  b->loop = &l;
  block(b, &body, &s->body);
  b->loop = l.outer;
  if (can_end) {
    block(b, st, &s->orelse);
    flow_meet(b, &l.exit, st);
  }
  *st = l.exit;
}

static void if_stmt(Bound *b, Flow *st, Node *s) {
  reads(b, st, s->test);
  Flow other = flow_copy(b, st);
  block(b, st, &s->body);
  block(b, &other, &s->orelse);
  flow_meet(b, st, &other);
}

// An int constant (under any conversion, maybe negated) into *v.
static bool int_constant(const Node *n, int64_t *v) {
  while (n && n->kind == ND_CONVERT)
    n = n->value;
  if (n && n->kind == ND_UNARYOP && n->op == OP_USUB &&
      int_constant(n->value, v)) {
    *v = *v == INT64_MIN ? INT64_MIN : -*v;  // 2**63 is no literal
    return true;
  }
  if (!n || n->kind != ND_CONSTANT ||
      (n->cval.kind != CONST_INT && n->cval.kind != CONST_BOOL))
    return false;
  *v = n->cval.ival;
  return true;
}

// `range(3)`, `range(1, 9, 2)`: constants that surely give an item, so
// the loop's target is assigned wherever the loop ends.
static bool surely_runs(const Node *s) {
  const Node *call = s->iter;
  int64_t a[3] = {0, 0, 1};
  int n = call->args.len;
  if (!s->range_loop || n < 1 || n > 3)
    return false;
  for (int i = 0; i < n; i++)
    if (!int_constant(call->args.data[i], &a[n == 1 ? 1 : i]))
      return false;
  return (a[2] > 0 && a[0] < a[1]) || (a[2] < 0 && a[0] > a[1]);
}

static void for_stmt(Bound *b, Flow *st, Node *s) {
  reads(b, st, s->iter);
  Flow body = flow_copy(b, st);
  store(b, &body, s->target);
  if (surely_runs(s))
    store(b, st, s->target);  // the else clause and what follows see it
  loop(b, st, body, s, true);
}

static void while_stmt(Bound *b, Flow *st, Node *s) {
  reads(b, st, s->test);
  loop(b, st, flow_copy(b, st), s, !always_true(s->test));
}

static void jump(Bound *b, Flow *st, bool is_break) {
  if (is_break && b->loop)
    flow_meet(b, &b->loop->exit, st);
  st->dead = true;
}

static void stmt(Bound *b, Flow *st, Node *s) {
  switch (s->kind) {
  case ND_ASSIGN:
    reads(b, st, s->value);
    for (int i = 0; i < s->targets.len; i++)
      store(b, st, s->targets.data[i]);
    break;
  case ND_AUGASSIGN:
    reads(b, st, s->target);  // the name (or item) is read first
    reads(b, st, s->value);
    store(b, st, s->target);
    break;
  case ND_ANNASSIGN:
    if (s->value) {  // `x: int` alone stores nothing
      reads(b, st, s->value);
      store(b, st, s->target);
    }
    break;
  case ND_FOR: for_stmt(b, st, s); break;
  case ND_WHILE: while_stmt(b, st, s); break;
  case ND_IF: if_stmt(b, st, s); break;
  case ND_BREAK: jump(b, st, true); break;
  case ND_CONTINUE: jump(b, st, false); break;
  case ND_RETURN:
    reads(b, st, s->value);
    st->dead = true;
    break;
  case ND_EXPR: reads(b, st, s->value); break;
  case ND_PRINT: reads_each(b, st, &s->values); break;
  default: break;  // pass, import: nothing read or stored
  }
}

static void block(Bound *b, Flow *st, PtrVec *body) {
  for (int i = 0; i < body->len; i++)
    stmt(b, st, body->data[i]);
}

// One function: its parameters are assigned on entry, nothing else.
static void function(Arena *a, Func *f) {
  Bound b = {.a = a, .f = f, .nvars = f->vars.len};
  Flow st = flow_new(&b, false);
  for (int i = 0; i < f->nparams; i++)
    st.set[f->params[i]->index] = true;
  block(&b, &st, &f->def->body);
}

void infer_bound(Infer *in) {
  for (int i = 0; i < in->p->funcs.len; i++)
    function(in->a, in->p->funcs.data[i]);
}
