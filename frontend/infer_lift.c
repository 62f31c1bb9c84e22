// infer_lift.c - nested functions and lambdas, lifted to module level.
//
// `def step(z): return z * z + c` inside the kernel, or `step = lambda z:
// z * z + c`, reads the enclosing function's c. Numba and ShedSkin users
// expect that to compile; mandelc closure-converts it before step 1
// declares anything (Python/symtable.c decides the same free variables):
//
//   * the nested function becomes a top-level one named "kernel.step" (a
//     name no Python code can spell), with one more parameter for each
//     variable of the enclosing function that its body reads but never
//     stores to;
//   * every call `step(a)` in the enclosing function (the nested one's own
//     body included, so recursion works) becomes `kernel.step(a, c=c)`.
//
// A nested function cannot store to those variables without `nonlocal`
// (which kernels lack), so passing their values at each call reads what
// CPython's cells would hold at that moment. Using the function as a value
// (not calling it) stays an error, as it is for any function.
#include <string.h>

#include "infer_internal.h"

static void stored_in_block(Infer *in, PtrVec *body, PtrVec *out);

static void add_unique(Infer *in, PtrVec *v, const char *name) {
  for (int i = 0; i < v->len; i++)
    if (same_name(v->data[i], name))
      return;
  vec_push(in->a, v, (void *)name);
}

// Names a store target binds.
static void stored_in_target(Infer *in, Node *t, PtrVec *out) {
  if (t->kind == ND_NAME)
    add_unique(in, out, t->name);
  for (int i = 0; (t->kind == ND_TUPLE || t->kind == ND_LIST) &&
                  i < t->elts.len; i++)
    stored_in_target(in, t->elts.data[i], out);
}

// Python's rule for a function's locals: every name stored to anywhere
// in its body (assignments, loop targets). The names of nested defs and
// named lambdas are left out: their calls are renamed, never captured.
static void stored_in_stmt(Infer *in, Node *s, PtrVec *out) {
  for (int i = 0; s->kind == ND_ASSIGN && s->value->kind != ND_LAMBDA &&
                  i < s->targets.len; i++)
    stored_in_target(in, s->targets.data[i], out);
  if ((s->kind == ND_AUGASSIGN || s->kind == ND_ANNASSIGN ||
       s->kind == ND_FOR) && s->target)
    stored_in_target(in, s->target, out);
  if (s->kind == ND_FUNCTIONDEF)
    return;  // its body's names are its own
  stored_in_block(in, &s->body, out);
  stored_in_block(in, &s->orelse, out);
}

static void stored_in_block(Infer *in, PtrVec *body, PtrVec *out) {
  for (int i = 0; i < body->len; i++)
    stored_in_stmt(in, body->data[i], out);
}

// Calls fn on every expression node under n (statements and expressions).
static void each_node(Node *n, void (*fn)(Node *, void *), void *arg) {
  if (!n)
    return;
  fn(n, arg);
  Node *kids[] = {n->left, n->right, n->value, n->test, n->body_expr,
                  n->orelse_expr, n->target, n->iter, n->func, n->elt,
                  n->index, n->lower, n->upper, n->step};
  for (size_t i = 0; i < sizeof kids / sizeof *kids; i++)
    each_node(kids[i], fn, arg);
  PtrVec *lists[] = {&n->targets, &n->body, &n->orelse, &n->values,
                     &n->comparators, &n->args, &n->keywords, &n->elts,
                     &n->generators, &n->ifs, &n->handlers, &n->finalbody};
  for (size_t i = 0; i < sizeof lists / sizeof *lists; i++)
    for (int k = 0; k < lists[i]->len; k++)
      each_node(lists[i]->data[k], fn, arg);
}

typedef struct {
  Infer *in;
  PtrVec *names;
} Collect;

static void collect_read(Node *n, void *arg) {
  Collect *c = arg;
  if (n->kind == ND_NAME)
    add_unique(c->in, c->names, n->name);
}

static bool contains(PtrVec *v, const char *name) {
  for (int i = 0; i < v->len; i++)
    if (same_name(v->data[i], name))
      return true;
  return false;
}

typedef struct {
  Infer *in;
  const char *from, *to;
  PtrVec *captured;
} Rename;

// `inner(a)` becomes `outer.inner(a, c=c)`: the captured values go by
// keyword, so parameters with defaults before them keep theirs.
static void rename_call(Node *n, void *arg) {
  Rename *r = arg;
  if (n->kind != ND_CALL || n->func->kind != ND_NAME ||
      !same_name(n->func->name, r->from))
    return;
  n->func->name = r->to;
  for (int i = 0; i < r->captured->len; i++) {
    Node *x = new_node(r->in->a, ND_NAME, n->func->tok);
    x->name = r->captured->data[i];
    Node *k = new_node(r->in->a, ND_KEYWORD, n->func->tok);
    k->name = x->name;
    k->value = x;
    vec_push(r->in->a, &n->keywords, k);
  }
}

// The parameter names of a def or lambda.
static void param_names(Infer *in, Node *fn, PtrVec *out) {
  for (int i = 0; i < fn->args.len; i++) {
    Node *a = fn->args.data[i];
    if (a->kind == ND_ARG)
      add_unique(in, out, a->name);
  }
}

// Lifts `def` (a FunctionDef nested in the function being reached) to a
// top-level def, and renames its calls in the enclosing function.
static void lift(Infer *in, Node *def) {
  Node *outer = in->fn->func.def;
  PtrVec outer_vars = {0}, inner_locals = {0}, reads = {0}, captured = {0};
  param_names(in, outer, &outer_vars);
  stored_in_block(in, &outer->body, &outer_vars);
  param_names(in, def, &inner_locals);
  stored_in_block(in, &def->body, &inner_locals);
  Collect c = {in, &reads};
  for (int i = 0; i < def->body.len; i++)
    each_node(def->body.data[i], collect_read, &c);
  for (int i = 0; i < reads.len; i++)
    if (!contains(&inner_locals, reads.data[i]) &&
        contains(&outer_vars, reads.data[i]) &&
        !same_name(reads.data[i], def->name))
      vec_push(in->a, &captured, reads.data[i]);
  const char *name = arena_sprintf(in->a, "%s.%s", outer->name, def->name);
  name = arena_intern(in->a, name, strlen(name));
  for (int i = 0; i < captured.len; i++) {
    Node *arg = new_node(in->a, ND_ARG, def->tok);
    arg->name = captured.data[i];
    vec_push(in->a, &def->args, arg);
  }
  Rename r = {in, def->name, name, &captured};
  for (int i = 0; i < outer->body.len; i++)
    each_node(outer->body.data[i], rename_call, &r);
  def->name = name;
  vec_push(in->a, &in->defs, def);
}

// `name = lambda args: value` as the def it abbreviates.
static Node *lambda_def(Infer *in, Node *s) {
  Node *target = s->targets.data[0], *lambda = s->value;
  Node *def = new_node(in->a, ND_FUNCTIONDEF, lambda->tok);
  def->name = target->name;
  def->args = lambda->args;
  Node *ret = new_node(in->a, ND_RETURN, lambda->value->tok);
  ret->value = lambda->value;
  vec_push(in->a, &def->body, ret);
  return def;
}

static bool is_named_lambda(const Node *s) {
  return s->kind == ND_ASSIGN && s->targets.len == 1 &&
         ((Node *)s->targets.data[0])->kind == ND_NAME &&
         s->value->kind == ND_LAMBDA;
}

void infer_lift_nested(Infer *in, PtrVec *body) {
  PtrVec out = {0};
  bool any = false;
  for (int i = 0; i < body->len; i++) {
    Node *s = body->data[i];
    if (s->kind == ND_FUNCTIONDEF && s->decorators.len == 0) {
      lift(in, s);
      any = true;
    } else if (is_named_lambda(s)) {
      lift(in, lambda_def(in, s));
      any = true;
    } else {
      vec_push(in->a, &out, s);
    }
  }
  if (any)
    *body = out;
}
