// parallel.c - may the list kernel's outer loop run one iteration a thread?
//
// A list kernel (docs/language.md §3) walks the points with `for i in
// range(len(q))` at the top of its body. Its iterations may run in any order,
// on CPU worker threads or one GPU thread each, when no iteration sees
// another's effects.
// parallel_mark proves that in two passes over the loop body:
//   1. collect what the body writes: the locals it assigns (each thread gets
//      a private copy of them) and the lists it stores into or appends to;
//      a store into a shared list must be at index i exactly;
//   2. walk the body in execution order with the set of locals definitely
//      assigned so far in this iteration. Reading a written local outside
//      that set reads the previous iteration's value; reading a written
//      list anywhere but at [i] reads another iteration's element.
// Statements after the loop are walked the same way, since a private copy
// leaves nothing behind for them to read. Needs: a typed Program (Name.var
// set). Guarantees: For.parallel is set only on a loop proven independent;
// otherwise *why says what to change and *where points at the statement.
#include <assert.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "compiler.h"

// The analysis of one outer loop. `assigned` is the definitely-assigned
// set of the walk (indexed by Var.index); `breaks` collects, for the
// innermost loop being walked, the intersection of the sets at its breaks.
typedef struct {
  Arena *arena;       // for messages; NULL before the first error
  Func *kernel;
  Node *loop;         // the outer For
  Var *ivar;          // its loop variable
  const char *qname;  // the list parameter its trip count is the length of
  // print is no dependency on either target: rt_parallel_for merges the
  // CPU workers' output, and the GPU's print records are sorted by
  // iteration on the host (runtime/launch.c), so output keeps its order
  Var *exempt[2];     // result lists the caller maps itself (grid kernels)
  bool *written;      // locals assigned in the body
  bool *wlist;        // lists stored into at [i] by the body
  bool *assigned;
  bool *breaks;       // NULL when no break was seen in the current loop
  // loops entered below the outer loop's body: 0 in the body itself (where
  // break ends the outer loop), -1 for the statements after the loop
  int depth;
  Node *stmt;         // the statement being walked, for *where
  const char *why;
  Node *where;
} LoopCheck;

static int nvars(const LoopCheck *c) { return c->kernel->vars.len; }

static bool *new_set(const LoopCheck *c) {
  return calloc((size_t)nvars(c) + 1, sizeof(bool));
}

static bool *copy_set(const LoopCheck *c, const bool *s) {
  bool *r = new_set(c);
  memcpy(r, s, (size_t)nvars(c) * sizeof(bool));
  return r;
}

static void intersect(const LoopCheck *c, bool *dst, const bool *s) {
  for (int k = 0; k < nvars(c); k++)
    dst[k] = dst[k] && s[k];
}

// A local or parameter of the kernel (module constants are never written).
static bool is_kernel_var(const LoopCheck *c, const Var *v) {
  return v && v->kind != VAR_CONST && v->func == c->kernel &&
         v->index >= 0 && v->index < nvars(c);
}

static bool is_list(const Node *n) {
  return n->ty && n->ty->kind == TY_LIST;
}

// Records the first dependency found; later ones are ignored.
static void fail(LoopCheck *c, const char *msg) {
  if (!c->why) {
    c->why = msg;
    c->where = c->stmt;
  }
}

// A dependency whose message names variables: built in the arena when
// there is one, else the generic wording (parallel_mark has no arena).
__attribute__((format(printf, 3, 4)))
static void failf(LoopCheck *c, const char *generic, const char *fmt, ...) {
  if (c->why)
    return;
  if (!c->arena) {
    fail(c, generic);
    return;
  }
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  if (n < 0 || n >= (int)sizeof buf)
    n = (int)strlen(buf);
  fail(c, arena_strndup(c->arena, buf, (size_t)n));
}

// ---- pass 1: what the body writes -------------------------------------------

// The Name a store or load of `n` goes through: `d` for d, d[j] or d[j][k].
static Node *root_name(Node *n) {
  while (n->kind == ND_SUBSCRIPT || n->kind == ND_ATTRIBUTE)
    n = n->value;
  return n->kind == ND_NAME ? n : NULL;
}

// The index of the subscript applied directly to the root: j in d[j][k].
static Node *first_index(Node *n) {
  Node *idx = NULL;
  while (n->kind == ND_SUBSCRIPT) {
    idx = n->index;
    n = n->value;
  }
  return idx;
}

static bool is_exempt(const LoopCheck *c, const Var *v) {
  return v && (v == c->exempt[0] || v == c->exempt[1]);
}

static bool is_loop_index(const LoopCheck *c, const Node *idx) {
  return idx && idx->kind == ND_NAME && idx->var == c->ivar;
}

static void collect_target(LoopCheck *c, Node *t) {
  if (t->kind == ND_NAME && is_kernel_var(c, t->var)) {
    c->written[t->var->index] = true;
  } else if (t->kind == ND_TUPLE || t->kind == ND_LIST) {
    for (int k = 0; k < t->elts.len; k++)
      collect_target(c, t->elts.data[k]);
  } else if (t->kind == ND_SUBSCRIPT) {
    Node *root = root_name(t);
    if (root && is_kernel_var(c, root->var))
      c->wlist[root->var->index] = true;
  }
}

static void collect_stmts(LoopCheck *c, PtrVec *body);

static void collect_stmt(LoopCheck *c, Node *s) {
  switch (s->kind) {
  case ND_ASSIGN:
    for (int k = 0; k < s->targets.len; k++)
      collect_target(c, s->targets.data[k]);
    break;
  case ND_AUGASSIGN:
  case ND_ANNASSIGN:
  case ND_FOR:
    collect_target(c, s->target);
    break;
  default:
    break;
  }
  collect_stmts(c, &s->body);
  collect_stmts(c, &s->orelse);
}

static void collect_stmts(LoopCheck *c, PtrVec *body) {
  for (int k = 0; k < body->len; k++)
    collect_stmt(c, body->data[k]);
}

// ---- pass 2: reads in execution order ---------------------------------------

static void walk_expr(LoopCheck *c, Node *e);

static void walk_exprs(LoopCheck *c, PtrVec *v) {
  for (int k = 0; k < v->len; k++)
    walk_expr(c, v->data[k]);
}

// A private list: assigned earlier in this iteration, so made by it.
static bool is_private(const LoopCheck *c, const Var *v) {
  return c->written[v->index] && c->assigned[v->index];
}

static void read_name(LoopCheck *c, Node *n) {
  Var *v = n->var;
  if (!is_kernel_var(c, v))
    return;
  if (c->depth < 0) {  // after the loop: private copies are gone
    if (c->written[v->index] && !c->assigned[v->index])
      failf(c, "a local the loop writes is read after it",
            "'%s' is read after the loop, which would need the last "
            "iteration's value; compute it after the loop", v->name);
    return;
  }
  if (v == c->ivar)
    return;
  if (c->written[v->index] && !c->assigned[v->index])
    failf(c, "an iteration reads a local written by the previous iteration",
          "iteration %s reads '%s' written by the "
          "previous iteration; make it local to the loop "
          "body or accumulate after the loop",
          c->ivar->name, v->name);
  else if (c->wlist[v->index] && !is_private(c, v))
    failf(c, "a list the loop writes is used whole inside it",
          "'%s' is written by the loop, so no "
          "iteration may use it whole; read only %s[%s]",
          v->name, v->name, c->ivar->name);
}

// L[idx] as a value: other iterations' elements are off limits when the
// loop writes L.
static void read_subscript(LoopCheck *c, Node *e) {
  Node *root = root_name(e);
  if (c->depth >= 0 && root && is_kernel_var(c, root->var) &&
      c->wlist[root->var->index] &&
      !is_private(c, root->var) && !is_loop_index(c, first_index(e)))
    failf(c, "an iteration reads a list the loop writes at another index",
          "iteration %s reads '%s' at another "
          "index than %s, where other iterations write; "
          "read only %s[%s]", c->ivar->name, root->name,
          c->ivar->name, root->name, c->ivar->name);
  for (Node *n = e; n->kind == ND_SUBSCRIPT; n = n->value)
    walk_expr(c, n->index);
  if (root && (c->depth < 0 || !is_kernel_var(c, root->var) ||
               !c->wlist[root->var->index]))
    read_name(c, root);
}

// A user function given a list may write into it; the caller cannot see
// where, so such a call makes the iterations dependent.
static bool writes_list_param(Node *body_owner);

static void walk_call(LoopCheck *c, Node *e) {
  if (e->builtin == BI_APPEND) {
    Node *list = e->func->kind == ND_ATTRIBUTE ? e->func->value : NULL;
    Node *root = list ? root_name(list) : NULL;
    if (root && is_kernel_var(c, root->var) && !is_private(c, root->var) &&
        !is_exempt(c, root->var))
      failf(c, "append fixes the order of the results",
          "'%s.append' fixes the order of the "
          "results; preallocate with %s = [0] * len(%s) "
          "and assign %s[%s]", root->name, root->name,
          c->qname, root->name, c->ivar->name);
    for (Node *n = list; n && n->kind == ND_SUBSCRIPT; n = n->value)
      walk_expr(c, n->index);
    walk_exprs(c, &e->args);
    return;
  }
  if (e->builtin == BI_LEN && e->args.len == 1 &&
      ((Node *)e->args.data[0])->kind == ND_NAME)
    return;  // a list's length: no iteration changes it (appends refused)
  if (e->callee && writes_list_param(e->callee->def)) {
    for (int k = 0; k < e->args.len; k++)
      if (is_list(e->args.data[k]))
        failf(c, "a function called in the loop writes to the list it is given",
          "'%s' writes to the list it is "
          "given, so iterations are not independent; "
          "return the value and store it in the loop",
          e->callee->name);
  }
  if (e->func && e->func->kind == ND_ATTRIBUTE)
    walk_expr(c, e->func->value);  // z.conjugate(): z is read
  walk_exprs(c, &e->args);
  for (int k = 0; k < e->keywords.len; k++)
    walk_expr(c, ((Node *)e->keywords.data[k])->value);
}

static void assign_target(LoopCheck *c, Node *t);

// [elt for target in iter if ifs]: the target is assigned before elt runs.
static void walk_listcomp(LoopCheck *c, Node *e) {
  for (int k = 0; k < e->generators.len; k++) {
    Node *g = e->generators.data[k];
    walk_expr(c, g->iter);
    assign_target(c, g->target);
    walk_exprs(c, &g->ifs);
  }
  walk_expr(c, e->elt);
}

static void walk_expr(LoopCheck *c, Node *e) {
  if (!e)
    return;
  switch (e->kind) {
  case ND_NAME:
    read_name(c, e);
    return;
  case ND_SUBSCRIPT:
    read_subscript(c, e);
    return;
  case ND_CALL:
    walk_call(c, e);
    return;
  case ND_LISTCOMP:
    walk_listcomp(c, e);
    return;
  case ND_COMPARE:
    walk_expr(c, e->left);
    walk_exprs(c, &e->comparators);
    return;
  case ND_IFEXP:
    walk_expr(c, e->test);
    walk_expr(c, e->body_expr);
    walk_expr(c, e->orelse_expr);
    return;
  case ND_BOOLOP:
    walk_exprs(c, &e->values);
    return;
  case ND_LIST:
  case ND_TUPLE:
    walk_exprs(c, &e->elts);
    return;
  default:  // BinOp, UnaryOp, Attribute, Convert, Constant
    walk_expr(c, e->left);
    walk_expr(c, e->right);
    walk_expr(c, e->value);
    return;
  }
}

// A store: into a local (it becomes assigned) or into a list element.
static void assign_target(LoopCheck *c, Node *t) {
  if (t->kind == ND_NAME) {
    if (t->var == c->ivar)
      failf(c, "the loop variable is changed in the body",
          "the loop variable '%s' is changed "
          "in the body; use another name for the new "
          "value", t->name);
    else if (is_kernel_var(c, t->var))
      c->assigned[t->var->index] = true;
  } else if (t->kind == ND_TUPLE || t->kind == ND_LIST) {
    for (int k = 0; k < t->elts.len; k++)
      assign_target(c, t->elts.data[k]);
  } else if (t->kind == ND_SUBSCRIPT) {
    Node *root = root_name(t);
    for (Node *n = t; n->kind == ND_SUBSCRIPT; n = n->value)
      walk_expr(c, n->index);
    if (!root || !is_kernel_var(c, root->var) || is_private(c, root->var) ||
        is_exempt(c, root->var))
      return;
    if (!is_loop_index(c, first_index(t)))
      failf(c, "an iteration writes a list at another index than its own",
          "iteration %s writes '%s' at another "
          "index than %s; write only %s[%s]",
          c->ivar->name, root->name, c->ivar->name,
          root->name, c->ivar->name);
  }
}

static void walk_stmts(LoopCheck *c, PtrVec *body);

// Walks a loop body that may run zero or more times; afterwards the set is
// what holds on every way out: the normal exit through orelse, and breaks.
static void walk_loop(LoopCheck *c, Node *s, Node *target) {
  bool *entry = copy_set(c, c->assigned);
  bool *outer_breaks = c->breaks;
  c->breaks = NULL;
  if (target)
    assign_target(c, target);
  if (c->depth >= 0)
    c->depth++;
  walk_stmts(c, &s->body);
  if (c->depth > 0)
    c->depth--;
  bool *breaks = c->breaks;
  c->breaks = outer_breaks;
  memcpy(c->assigned, entry, (size_t)nvars(c) * sizeof(bool));
  walk_stmts(c, &s->orelse);
  if (breaks) {
    intersect(c, c->assigned, breaks);
    free(breaks);
  }
  free(entry);
}

static void walk_if(LoopCheck *c, Node *s) {
  walk_expr(c, s->test);
  bool *entry = copy_set(c, c->assigned);
  walk_stmts(c, &s->body);
  bool *after_body = c->assigned;
  c->assigned = entry;
  walk_stmts(c, &s->orelse);
  intersect(c, c->assigned, after_body);
  free(after_body);
}

static void walk_break(LoopCheck *c) {
  if (c->breaks) {
    intersect(c, c->breaks, c->assigned);
  } else {
    c->breaks = copy_set(c, c->assigned);
  }
}

static void walk_stmt(LoopCheck *c, Node *s) {
  int depth = c->depth;
  c->stmt = s;
  switch (s->kind) {
  case ND_ASSIGN:
    walk_expr(c, s->value);
    for (int k = 0; k < s->targets.len; k++)
      assign_target(c, s->targets.data[k]);
    break;
  case ND_AUGASSIGN:
    walk_expr(c, s->target);
    walk_expr(c, s->value);
    assign_target(c, s->target);
    break;
  case ND_ANNASSIGN:
    if (s->value) {
      walk_expr(c, s->value);
      assign_target(c, s->target);
    }
    break;
  case ND_RETURN:
    if (depth >= 0)
      fail(c, "return inside the loop ends it early, so later iterations "
              "depend on earlier ones; store the result and return after "
              "the loop");
    walk_expr(c, s->value);
    break;
  case ND_EXPR:
    walk_expr(c, s->value);
    break;
  case ND_PRINT:
    walk_exprs(c, &s->values);
    break;
  case ND_IF:
    walk_if(c, s);
    break;
  case ND_WHILE:
    walk_expr(c, s->test);
    walk_loop(c, s, NULL);
    break;
  case ND_FOR:
    walk_expr(c, s->iter);
    walk_loop(c, s, s->target);
    break;
  case ND_BREAK:
    if (depth == 0)
      fail(c, "break ends the loop early, so later iterations depend on "
              "earlier ones; skip the rest of an iteration with continue");
    walk_break(c);
    break;
  default:
    break;
  }
}

static void walk_stmts(LoopCheck *c, PtrVec *body) {
  for (int k = 0; k < body->len && !c->why; k++)
    walk_stmt(c, body->data[k]);
}

// Does the function store into or append to one of its list parameters?
static bool writes_list_param_in(PtrVec *body);

static bool is_list_param_store(Node *t) {
  Node *root = t->kind == ND_SUBSCRIPT ? root_name(t) : NULL;
  return root && root->var && root->var->kind == VAR_PARAM;
}

static bool stmt_writes_list_param(Node *s) {
  if (s->kind == ND_ASSIGN) {
    for (int k = 0; k < s->targets.len; k++)
      if (is_list_param_store(s->targets.data[k]))
        return true;
  }
  if ((s->kind == ND_AUGASSIGN || s->kind == ND_ANNASSIGN) &&
      is_list_param_store(s->target))
    return true;
  if (s->kind == ND_EXPR && s->value->kind == ND_CALL &&
      s->value->builtin == BI_APPEND && s->value->func->kind == ND_ATTRIBUTE) {
    Node *root = root_name(s->value->func->value);
    if (root && root->var && root->var->kind == VAR_PARAM)
      return true;
  }
  return writes_list_param_in(&s->body) || writes_list_param_in(&s->orelse);
}

static bool writes_list_param_in(PtrVec *body) {
  for (int k = 0; k < body->len; k++)
    if (stmt_writes_list_param(body->data[k]))
      return true;
  return false;
}

static bool writes_list_param(Node *def) {
  return def && writes_list_param_in(&def->body);
}

// ---- finding the loop -------------------------------------------------------

// `for NAME in range(len(P))` or range(0, len(P)), P a list parameter of the
// kernel: the loop over the points.
static Var *points_param(const Node *s) {
  if (s->kind != ND_FOR || !s->range_loop || s->target->kind != ND_NAME)
    return NULL;
  Node *call = s->iter;
  if (call->kind != ND_CALL || call->args.len < 1 || call->args.len > 2)
    return NULL;
  if (call->args.len == 2) {
    Node *lo = call->args.data[0];
    if (lo->kind != ND_CONSTANT || lo->cval.kind != CONST_INT ||
        lo->cval.ival != 0)
      return NULL;
  }
  Node *len = call->args.data[call->args.len - 1];
  if (len->kind != ND_CALL || len->builtin != BI_LEN || len->args.len != 1)
    return NULL;
  Node *list = len->args.data[0];
  if (list->kind != ND_NAME || !list->var || list->var->kind != VAR_PARAM ||
      !is_list(list))
    return NULL;
  return list->var;
}

Node *parallel_find_loop(const Program *p) {
  if (!p->kernel || p->choice.form != FORM_LIST)
    return NULL;
  PtrVec *body = &p->kernel->def->body;
  for (int k = 0; k < body->len; k++)
    if (points_param(body->data[k]))
      return body->data[k];
  return NULL;
}

// The shared lists the loop stores into: pass 1 alone (parallel_mark has
// already proved that each store is at [i]).
void parallel_stored_lists(Func *kernel, Node *loop, bool *stored) {
  LoopCheck c = {.kernel = kernel, .loop = loop};
  c.written = new_set(&c);
  c.wlist = new_set(&c);
  assert(c.written && c.wlist && "no memory for two small sets");
  collect_target(&c, loop->target);
  collect_stmts(&c, &loop->body);
  for (int k = 0; k < nvars(&c); k++)
    stored[k] = c.wlist[k] && !c.written[k];
  free(c.written);
  free(c.wlist);
}

// ---- entry ------------------------------------------------------------------

// Runs both passes over the loop and the statements after it.
static void check_loop(LoopCheck *c, PtrVec *body, int at) {
  collect_target(c, c->loop->target);
  collect_stmts(c, &c->loop->body);
  c->written[c->ivar->index] = false;
  c->depth = 0;
  walk_stmts(c, &c->loop->body);
  if (c->why)
    return;
  // After the loop, only what was assigned before it is known to hold a
  // value a serial run would also have there.
  memset(c->assigned, 0, (size_t)nvars(c) * sizeof(bool));
  for (int k = 0; k < nvars(c); k++)
    c->assigned[k] = !c->written[k];
  c->written[c->ivar->index] = true;
  c->depth = -1;
  walk_stmts(c, &c->loop->orelse);
  for (int k = at + 1; k < body->len && !c->why; k++)
    walk_stmt(c, body->data[k]);
}

// Checks `loop`, the statement at `container->data[at]`, and what
// follows it there.
static bool check(LoopCheck *c, PtrVec *container, const char **why,
                  Node **where) {
  int at = 0;
  while (container->data[at] != c->loop)
    at++;
  c->written = new_set(c);
  c->wlist = new_set(c);
  c->assigned = new_set(c);
  check_loop(c, container, at);
  free(c->written);
  free(c->wlist);
  free(c->assigned);
  free(c->breaks);
  *why = c->why;
  if (where)
    *where = c->where;
  return !c->why;
}

bool parallel_check(Arena *a, Program *p, bool strict, const char **why,
                    Node **where) {
  (void)strict;  // print orders itself on both targets now (LoopCheck)
  *why = NULL;
  if (where)
    *where = NULL;
  Node *loop = parallel_find_loop(p);
  if (!loop) {
    *why = "the kernel has no `for i in range(len(q))` loop at the top of "
           "its body to run one iteration a thread";
    return false;
  }
  LoopCheck c = {.arena = a, .kernel = p->kernel, .loop = loop,
                 .ivar = loop->target->var,
                 .qname = points_param(loop)->name};
  loop->parallel = check(&c, &p->kernel->def->body, why, where);
  return loop->parallel;
}

bool parallel_check_loop(Arena *a, Func *kernel, PtrVec *container,
                         Node *loop, Var *result, Var *row, const char **why,
                         Node **where) {
  LoopCheck c = {.arena = a, .kernel = kernel, .loop = loop,
                 .ivar = loop->target->var, .qname = "xs",
                 .exempt = {result, row}};
  return check(&c, container, why, where);
}

bool parallel_mark(Program *p, const char **why, Node **where) {
  return parallel_check(NULL, p, false, why, where);
}
