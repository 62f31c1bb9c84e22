// infer_sugar.c - loops over enumerate(), zip() and reversed(), written in
// the kernel language before step 1 declares anything.
//
// `for i, (z, c) in enumerate(zip(zs, cs)):` becomes the loop CPython's
// iterators run, spelled with an index, len() and subscripts, which every
// back end already lowers:
//
//     k = 0                       (k, and s for an iterable that is not a
//     while k < len(zs) and k < len(cs):          name, are hidden locals)
//         i, (z, c) = k, (zs[k], cs[k])
//         k += 1
//         BODY
//     else:
//         ORELSE
//
// A list iterator reads the list's length at every step, so does the
// rewrite (a body that appends is iterated as in CPython); `continue`
// goes to the test, after k has moved on. reversed(L) counts k down from
// len(L) - 1; reversed(range(a, b)) is range(b - 1, a - 1, -1). Each
// rewritten loop's statements replace it in its block, so later steps
// and --emit=ast see ordinary Python.
#include <math.h>
#include <string.h>

#include "infer_internal.h"

typedef struct {
  Infer *in;
  Token *at;      // the for statement's token, for every new node
  PtrVec before;  // statements that go before the loop
  int serial;     // hidden names made so far
} Sugar;

static Node *name(Sugar *s, const char *id) {
  Node *n = new_node(s->in->a, ND_NAME, s->at);
  n->name = arena_intern(s->in->a, id, strlen(id));
  return n;
}

static Node *int_constant(Sugar *s, int64_t v) {
  Node *n = new_node(s->in->a, ND_CONSTANT, s->at);
  n->cval = (ConstValue){.kind = CONST_INT, .ival = v};
  return n;
}

static Node *binop(Sugar *s, Node *l, Operator op, Node *r) {
  Node *n = new_node(s->in->a, ND_BINOP, s->at);
  n->left = l;
  n->op = op;
  n->right = r;
  return n;
}

static Node *compare(Sugar *s, Node *l, Operator op, Node *r) {
  Node *n = new_node(s->in->a, ND_COMPARE, s->at);
  n->left = l;
  vec_push(s->in->a, &n->ops, (void *)(intptr_t)op);
  vec_push(s->in->a, &n->comparators, r);
  return n;
}

static Node *call(Sugar *s, const char *fn, Node *arg) {
  Node *n = new_node(s->in->a, ND_CALL, s->at);
  n->func = name(s, fn);
  vec_push(s->in->a, &n->args, arg);
  return n;
}

static Node *subscript(Sugar *s, Node *value, Node *index) {
  Node *n = new_node(s->in->a, ND_SUBSCRIPT, s->at);
  n->value = value;
  n->index = index;
  return n;
}

static Node *assign(Sugar *s, Node *target, Node *value) {
  Node *n = new_node(s->in->a, ND_ASSIGN, s->at);
  vec_push(s->in->a, &n->targets, target);
  n->value = value;
  return n;
}

// A hidden local: "k.loop3" cannot clash with a Python name.
static const char *hidden(Sugar *s, const char *stem) {
  return arena_sprintf(s->in->a, "%s.loop%d", stem, ++s->serial);
}

// The iterable, evaluated once before the loop: a name is read where it
// stands (a module list may only be read, never aliased), anything else
// is stored in a hidden local first.
static const char *sequence(Sugar *s, Node *iter) {
  if (iter->kind == ND_NAME)
    return iter->name;
  const char *seq = hidden(s, "seq");
  vec_push(s->in->a, &s->before, assign(s, name(s, seq), iter));
  return seq;
}

// Is `n` a call of the builtin `fn`, not shadowed by a def of the file?
static bool is_builtin_call(Infer *in, const Node *n, const char *fn) {
  return n->kind == ND_CALL && n->func->kind == ND_NAME &&
         !strcmp(n->func->name, fn) && n->keywords.len == 0 &&
         !infer_find_def(in, fn) && !infer_lookup_local(in, fn);
}

// zip(a, b, ...) or one list: the item at k of each, and the loop's test.
static Node *items_at(Sugar *s, Node *iter, const char *k, Node **test) {
  bool zip = is_builtin_call(s->in, iter, "zip");
  if (zip && iter->args.len == 0)
    diag_error_node(s->in->d, iter, "zip() of nothing is not supported in "
                    "kernels");
  int n = zip ? iter->args.len : 1;
  Node *tuple = new_node(s->in->a, ND_TUPLE, s->at);
  *test = NULL;
  for (int i = 0; i < n; i++) {
    const char *seq = sequence(s, zip ? iter->args.data[i] : iter);
    Node *in_range = compare(s, name(s, k), OP_LT,
                             call(s, "len", name(s, seq)));
    if (!*test) {
      *test = in_range;
    } else {
      Node *both = new_node(s->in->a, ND_BOOLOP, s->at);
      both->op = OP_AND;
      vec_push(s->in->a, &both->values, *test);
      vec_push(s->in->a, &both->values, in_range);
      *test = both;
    }
    vec_push(s->in->a, &tuple->elts, subscript(s, name(s, seq), name(s, k)));
  }
  return zip ? tuple : tuple->elts.data[0];
}

// Does target store to a name that `value` reads?
static bool stores_read_name(const Node *target, const Node *value) {
  if (target->kind == ND_TUPLE || target->kind == ND_LIST) {
    for (int i = 0; i < target->elts.len; i++)
      if (stores_read_name(target->elts.data[i], value))
        return true;
    return false;
  }
  if (target->kind != ND_NAME)
    return true;  // a subscript target: keep Python's order, to be safe
  if (value->kind == ND_NAME)
    return same_name(value->name, target->name);
  const Node *kids[] = {value->left, value->right, value->value,
                        value->index};
  for (size_t i = 0; i < sizeof kids / sizeof *kids; i++)
    if (kids[i] && stores_read_name(target, kids[i]))
      return true;
  for (int i = 0; i < value->elts.len; i++)
    if (stores_read_name(target, value->elts.data[i]))
      return true;
  return false;
}

// `target = item`: one assignment per name where the shapes match and no
// target is read by an item (so storing them one by one is the same as
// Python's all-at-once; the GPU takes no nested unpacking), else one
// unpacking assignment.
static void assign_item(Sugar *s, PtrVec *head, Node *target, Node *item) {
  bool split = target->kind == ND_TUPLE && item->kind == ND_TUPLE &&
               target->elts.len == item->elts.len &&
               !stores_read_name(target, item);
  if (!split) {
    vec_push(s->in->a, head, assign(s, target, item));
    return;
  }
  for (int i = 0; i < target->elts.len; i++)
    assign_item(s, head, target->elts.data[i], item->elts.data[i]);
}

static Node *new_while(Sugar *s, Node *test, Node *loop, PtrVec head) {
  Node *w = new_node(s->in->a, ND_WHILE, s->at);
  w->test = test;
  w->body = head;
  for (int i = 0; i < loop->body.len; i++)
    vec_push(s->in->a, &w->body, loop->body.data[i]);
  w->orelse = loop->orelse;
  return w;
}

// for t in enumerate(it[, start]) / zip(...) / enumerate(zip(...)).
static Node *forward_loop(Sugar *s, Node *loop) {
  Node *iter = loop->iter, *start = NULL;
  bool numbered = is_builtin_call(s->in, iter, "enumerate");
  if (numbered) {
    if (iter->args.len < 1 || iter->args.len > 2)
      diag_error_node(s->in->d, iter, "enumerate() takes 1 or 2 arguments "
                      "but %d were given", iter->args.len);
    if (iter->args.len == 2) {  // evaluated once, after the iterable
      start = name(s, hidden(s, "start"));
      iter = iter->args.data[0];
    } else {
      iter = iter->args.data[0];
    }
  }
  const char *k = hidden(s, "k");
  vec_push(s->in->a, &s->before, assign(s, name(s, k), int_constant(s, 0)));
  Node *test;
  Node *item = items_at(s, iter, k, &test);
  if (start)
    vec_push(s->in->a, &s->before,
             assign(s, name(s, start->name), loop->iter->args.data[1]));
  if (numbered) {
    Node *pair = new_node(s->in->a, ND_TUPLE, s->at);
    vec_push(s->in->a, &pair->elts,
             start ? binop(s, name(s, k), OP_ADD, name(s, start->name))
                   : name(s, k));
    vec_push(s->in->a, &pair->elts, item);
    item = pair;
  }
  PtrVec head = {0};
  assign_item(s, &head, loop->target, item);
  Node *step = new_node(s->in->a, ND_AUGASSIGN, s->at);
  step->target = name(s, k);
  step->op = OP_ADD;
  step->value = int_constant(s, 1);
  vec_push(s->in->a, &head, step);
  return new_while(s, test, loop, head);
}

// for t in reversed(L): k from len(L) - 1 down to 0.
static Node *reversed_loop(Sugar *s, Node *loop, Node *list) {
  const char *seq = sequence(s, list), *k = hidden(s, "k");
  vec_push(s->in->a, &s->before,
           assign(s, name(s, k), binop(s, call(s, "len", name(s, seq)),
                                       OP_SUB, int_constant(s, 1))));
  PtrVec head = {0};
  vec_push(s->in->a, &head,
           assign(s, loop->target, subscript(s, name(s, seq), name(s, k))));
  Node *step = new_node(s->in->a, ND_AUGASSIGN, s->at);
  step->target = name(s, k);
  step->op = OP_SUB;
  step->value = int_constant(s, 1);
  vec_push(s->in->a, &head, step);
  Node *test = compare(s, name(s, k), OP_GTE, int_constant(s, 0));
  return new_while(s, test, loop, head);
}

static Node *ifexp(Sugar *s, Node *test, Node *yes, Node *no) {
  Node *e = new_node(s->in->a, ND_IFEXP, s->at);
  e->test = test;
  e->body_expr = yes;
  e->orelse_expr = no;
  return e;
}

// reversed(range(n)) and reversed(range(a, b)): range(b - 1, a - 1, -1).
// reversed(range(a, b, st)): a, b and st computed once, before the loop;
// the range's length n (0 for st == 0, which range() then refuses with
// CPython's ValueError) gives its last item, and the loop is
// range(a + (n - 1) * st, a - st, -st).
static void reverse_range(Sugar *s, Node *loop, Node *range) {
  int n = range->args.len;
  if (n < 1 || n > 3)
    diag_error_node(s->in->d, loop->iter, "range expected 1 to 3 "
                    "arguments, got %d", n);
  if (n == 3) {
    const char *v[3];
    for (int i = 0; i < 3; i++) {
      v[i] = hidden(s, i == 0 ? "start" : i == 1 ? "stop" : "step");
      vec_push(s->in->a, &s->before,
               assign(s, name(s, v[i]), range->args.data[i]));
    }
    const char *len = hidden(s, "len");
    Node *up = binop(s, binop(s, binop(s, binop(s, name(s, v[1]), OP_SUB,
                                                name(s, v[0])),
                                       OP_ADD, name(s, v[2])),
                              OP_SUB, int_constant(s, 1)),
                     OP_FLOORDIV, name(s, v[2]));
    Node *down = binop(s, binop(s, binop(s, binop(s, name(s, v[0]), OP_SUB,
                                                  name(s, v[1])),
                                         OP_SUB, name(s, v[2])),
                                OP_SUB, int_constant(s, 1)),
                       OP_FLOORDIV,
                       binop(s, int_constant(s, 0), OP_SUB, name(s, v[2])));
    Node *count = ifexp(s, compare(s, name(s, v[2]), OP_GT,
                                   int_constant(s, 0)), up,
                        ifexp(s, compare(s, name(s, v[2]), OP_LT,
                                         int_constant(s, 0)), down,
                              int_constant(s, 0)));
    Node *mx = call(s, "max", count);
    vec_push(s->in->a, &mx->args, int_constant(s, 0));
    vec_push(s->in->a, &s->before, assign(s, name(s, len), mx));
    range->args = (PtrVec){0};
    vec_push(s->in->a, &range->args,
             binop(s, name(s, v[0]), OP_ADD,
                   binop(s, binop(s, name(s, len), OP_SUB,
                                  int_constant(s, 1)),
                         OP_MUL, name(s, v[2]))));
    vec_push(s->in->a, &range->args,
             binop(s, name(s, v[0]), OP_SUB, name(s, v[2])));
    vec_push(s->in->a, &range->args,
             binop(s, int_constant(s, 0), OP_SUB, name(s, v[2])));
    loop->iter = range;
    return;
  }
  Node *lo = n == 2 ? range->args.data[0] : int_constant(s, 0);
  Node *hi = range->args.data[n - 1];
  range->args = (PtrVec){0};
  vec_push(s->in->a, &range->args, binop(s, hi, OP_SUB, int_constant(s, 1)));
  vec_push(s->in->a, &range->args, binop(s, lo, OP_SUB, int_constant(s, 1)));
  vec_push(s->in->a, &range->args, int_constant(s, -1));
  loop->iter = range;
}

// The statements that replace `loop` (appended to out), or false when it
// is an ordinary loop.
static bool rewrite_loop(Infer *in, Node *loop, PtrVec *out, int *serial) {
  Sugar s = {.in = in, .at = loop->tok, .serial = *serial};
  Node *iter = loop->iter, *w;
  if (is_builtin_call(in, iter, "reversed")) {
    if (iter->args.len != 1)
      diag_error_node(in->d, iter, "reversed() takes 1 argument but %d "
                      "were given", iter->args.len);
    Node *arg = iter->args.data[0];
    if (arg->kind == ND_CALL && arg->func->kind == ND_NAME &&
        (!strcmp(arg->func->name, "range") ||
         !strcmp(arg->func->name, "xrange"))) {
      reverse_range(&s, loop, arg);
      for (int i = 0; i < s.before.len; i++)
        vec_push(in->a, out, s.before.data[i]);
      vec_push(in->a, out, loop);
      *serial = s.serial;
      return true;
    }
    w = reversed_loop(&s, loop, arg);
  } else if (is_builtin_call(in, iter, "enumerate") ||
             is_builtin_call(in, iter, "zip")) {
    w = forward_loop(&s, loop);
  } else {
    return false;
  }
  for (int i = 0; i < s.before.len; i++)
    vec_push(in->a, out, s.before.data[i]);
  vec_push(in->a, out, w);
  *serial = s.serial;
  return true;
}

void infer_rewrite_loops(Infer *in, PtrVec *body) {
  bool any = false;
  for (int i = 0; i < body->len && !any; i++) {
    Node *n = body->data[i];
    any = n->kind == ND_FOR && n->iter->kind == ND_CALL;
  }
  if (!any)
    return;
  PtrVec out = {0};
  for (int i = 0; i < body->len; i++) {
    Node *n = body->data[i];
    if (n->kind != ND_FOR || !rewrite_loop(in, n, &out, &in->fn->nsugar))
      vec_push(in->a, &out, n);
  }
  *body = out;
}

// ---- slices ----------------------------------------------------------------
//
// `v[lo:hi:st]` of a list reads as the comprehension
//
//     [v[i] for i in range(START, STOP, st)]
//
// with START and STOP clamped as CPython's PySlice_AdjustIndices clamps
// them: for st > 0 a bound b < 0 is max(len(v) + b, 0), else min(b,
// len(v)), and the defaults are 0 and len(v); for st < 0 the clamps are -1
// and len(v) - 1 and the defaults len(v) - 1 and -1. A tuple's slice, of
// constant bounds, is the tuple display of its items (slice_tuple). v and
// the bounds are read more than once, so they must be pure: names,
// constants, arithmetic and subscripts of them.

static bool pure(const Node *n) {
  if (!n)
    return true;
  switch (n->kind) {
  case ND_CONSTANT:
  case ND_NAME:
    return true;
  case ND_UNARYOP:
  case ND_ATTRIBUTE:
    return pure(n->value);
  case ND_BINOP:
    return pure(n->left) && pure(n->right);
  case ND_SUBSCRIPT:
    return pure(n->value) && pure(n->index);
  case ND_SLICE:
    return pure(n->lower) && pure(n->upper) && pure(n->step);
  default:
    return false;
  }
}

// A copy of a pure expression (or of what the rewrites make of one: len()
// calls, tuples), so that each use is typed on its own.
static Node *clone(Sugar *s, const Node *n) {
  if (!n)
    return NULL;
  Node *c = new_node(s->in->a, n->kind, n->tok);
  c->op = n->op;
  c->name = n->name;
  c->cval = n->cval;
  c->left = clone(s, n->left);
  c->right = clone(s, n->right);
  c->value = clone(s, n->value);
  c->index = clone(s, n->index);
  c->lower = clone(s, n->lower);
  c->upper = clone(s, n->upper);
  c->step = clone(s, n->step);
  c->func = clone(s, n->func);  // len() of the rewrites below
  for (int i = 0; i < n->args.len; i++)
    vec_push(s->in->a, &c->args, clone(s, n->args.data[i]));
  for (int i = 0; i < n->elts.len; i++)
    vec_push(s->in->a, &c->elts, clone(s, n->elts.data[i]));
  return c;
}

// The int constant a bound spells (`3`, `-2`), if it is one.
static bool constant_bound(const Node *n, int64_t *v) {
  bool neg = n->kind == ND_UNARYOP && n->op == OP_USUB;
  const Node *c = neg ? n->value : n;
  if (c->kind != ND_CONSTANT || c->cval.kind != CONST_INT)
    return false;
  *v = neg ? -c->cval.ival : c->cval.ival;
  return true;
}

static Node *call2(Sugar *s, const char *fn, Node *a, Node *b) {
  Node *n = call(s, fn, a);
  vec_push(s->in->a, &n->args, b);
  return n;
}

// One clamped bound of the range (see above): b, or the default when b
// is NULL.
static Node *bound(Sugar *s, Node *v, Node *b, bool up, bool is_stop) {
  Node *len = call(s, "len", clone(s, v));
  if (!b) {
    if (up)
      return is_stop ? len : int_constant(s, 0);
    return is_stop ? int_constant(s, -1)
                   : binop(s, len, OP_SUB, int_constant(s, 1));
  }
  Node *low = up ? int_constant(s, 0) : int_constant(s, -1);
  Node *high = up ? call(s, "len", clone(s, v))
                  : binop(s, call(s, "len", clone(s, v)), OP_SUB,
                          int_constant(s, 1));
  Node *neg = call2(s, "max", binop(s, len, OP_ADD, clone(s, b)), low);
  Node *pos = call2(s, "min", clone(s, b), high);
  int64_t k;
  if (constant_bound(b, &k))
    return k < 0 ? neg : pos;
  Node *e = new_node(s->in->a, ND_IFEXP, s->at);
  e->test = compare(s, clone(s, b), OP_LT, int_constant(s, 0));
  e->body_expr = neg;
  e->orelse_expr = pos;
  return e;
}

// The step of a slice: a constant, 1 when left out; a compile error
// otherwise (its sign decides the clamps) or when it is zero.
static int64_t slice_step(Infer *in, const Node *sl) {
  int64_t step = 1;
  if (sl->step && !constant_bound(sl->step, &step))
    diag_error_node(in->d, sl->step, "a slice step must be an int constant "
                    "in kernels, such as 2 or -1");
  if (step == 0)
    diag_error_node(in->d, sl->step, "slice step cannot be zero");
  return step;
}

static void check_slice_operands(Infer *in, const Node *sub) {
  const Node *sl = sub->index;
  if (!pure(sub->value))
    diag_error_node(in->d, sub->value, "a slice of this expression is not "
                    "supported in kernels; assign it to a name first");
  const Node *b[] = {sl->lower, sl->upper};
  for (int i = 0; i < 2; i++)
    if (!pure(b[i]))
      diag_error_node(in->d, b[i], "a slice bound with a call is not "
                      "supported in kernels; assign it to a name first");
}

Node *infer_slice_comprehension(Infer *in, Node *sub) {
  check_slice_operands(in, sub);
  Node *sl = sub->index;
  Sugar s = {.in = in, .at = sub->tok};
  int64_t step = slice_step(in, sl);
  Node *range = new_node(in->a, ND_CALL, s.at);
  range->func = name(&s, "range");
  vec_push(in->a, &range->args, bound(&s, sub->value, sl->lower, step > 0,
                                      false));
  vec_push(in->a, &range->args, bound(&s, sub->value, sl->upper, step > 0,
                                      true));
  vec_push(in->a, &range->args, int_constant(&s, step));
  Node *gen = new_node(in->a, ND_COMPREHENSION, s.at);
  gen->target = name(&s, "i.slice");
  gen->iter = range;
  Node *lc = new_node(in->a, ND_LISTCOMP, s.at);
  lc->elt = subscript(&s, clone(&s, sub->value), name(&s, "i.slice"));
  vec_push(in->a, &lc->generators, gen);
  return lc;
}

Node *infer_slice_tuple(Infer *in, Node *sub, int len) {
  Node *sl = sub->index;
  Sugar s = {.in = in, .at = sub->tok};
  int64_t step = slice_step(in, sl), lo = 0, hi = 0;
  bool up = step > 0;
  const char *why = "a tuple can only be sliced by constants; unpack it "
                    "with a, b = t";
  if (sl->lower && !constant_bound(sl->lower, &lo))
    diag_error_node(in->d, sl->lower, "%s", why);
  if (sl->upper && !constant_bound(sl->upper, &hi))
    diag_error_node(in->d, sl->upper, "%s", why);
  int64_t b[2] = {sl->lower ? lo : up ? 0 : len - 1,
                  sl->upper ? hi : up ? len : -1};
  for (int i = 0; i < 2; i++) {
    const Node *given = i == 0 ? sl->lower : sl->upper;
    if (!given)
      continue;
    if (b[i] < 0)
      b[i] = b[i] + len < (up ? 0 : -1) ? (up ? 0 : -1) : b[i] + len;
    else if (b[i] >= len)
      b[i] = up ? len : len - 1;
  }
  Node *t = new_node(in->a, ND_TUPLE, s.at);
  for (int64_t k = b[0]; up ? k < b[1] : k > b[1]; k += step)
    vec_push(in->a, &t->elts, subscript(&s, clone(&s, sub->value),
                                        int_constant(&s, k)));
  return t;
}

// ---- print's sep and end ----------------------------------------------------
//
// The back ends print values separated by ' ' and end the line or not
// (end=''). print(a, b, sep=S, end=E), S and E constant strings, becomes
//
//     t1 = a                 (each value that is not a name or a
//     t2 = b                  constant, evaluated first, as in CPython)
//     print(t1, end='')
//     print(S, end='')
//     print(t2, end='')
//     print(E, end='')       (print() when E is '\n')
//
// and flush=, sep=None and end=None (the defaults) are dropped.

// sep= or end=: a constant string, or None for the default (*len -1).
static bool print_text(const Node *k, const char **s, int *len) {
  const Node *v = k->value;
  if (v->kind == ND_CONSTANT && v->cval.kind == CONST_NONE) {
    *len = -1;
    return true;
  }
  if (v->kind != ND_CONSTANT || v->cval.kind != CONST_STR)
    return false;
  *s = v->cval.str;
  *len = v->cval.slen;
  return true;
}

static Node *str_constant(Sugar *s, const char *text, int len) {
  Node *n = new_node(s->in->a, ND_CONSTANT, s->at);
  n->cval = (ConstValue){.kind = CONST_STR, .str = text, .slen = len};
  return n;
}

static Node *print_stmt(Sugar *s, Node *value, bool nl) {
  Node *c = new_node(s->in->a, ND_CALL, s->at);
  c->func = name(s, "print");
  if (value)
    vec_push(s->in->a, &c->args, value);
  if (!nl) {
    Node *k = new_node(s->in->a, ND_KEYWORD, s->at);
    k->name = arena_intern(s->in->a, "end", 3);
    k->value = str_constant(s, "", 0);
    vec_push(s->in->a, &c->keywords, k);
  }
  Node *e = new_node(s->in->a, ND_EXPR, s->at);
  e->value = c;
  return e;
}

// A value print writes, computed first into a hidden local unless it is
// a name or a constant (the same node twice, from "{0}{0}".format(x), is
// computed once).
static Node *computed(Sugar *s, PtrVec *out, PtrVec *done, Node *v) {
  if (v->kind == ND_NAME || v->kind == ND_CONSTANT)
    return v;
  for (int i = 0; i + 1 < done->len; i += 2)
    if (done->data[i] == v)
      return name(s, ((Node *)done->data[i + 1])->name);
  Node *t = name(s, arena_sprintf(s->in->a, "v.print%d", ++s->serial));
  vec_push(s->in->a, out, assign(s, t, v));
  vec_push(s->in->a, done, v);
  vec_push(s->in->a, done, t);
  return name(s, t->name);
}

// The statements that replace `stmt` (appended to out), or false when it
// is not a print to rewrite: one with sep= or end= other than what the
// back ends print, or with an f-string, str.format() or str()/repr().
static bool rewrite_print(Infer *in, Node *stmt, PtrVec *out, int *serial) {
  Node *n = stmt->kind == ND_EXPR ? stmt->value : NULL;
  if (!n || n->kind != ND_CALL || n->func->kind != ND_NAME ||
      strcmp(n->func->name, "print") || infer_find_def(in, "print"))
    return false;
  PtrVec pieces = {0}, starts = {0};
  bool expands = false;
  for (int i = 0; i < n->args.len; i++) {
    vec_push(in->a, &starts, (void *)(intptr_t)pieces.len);
    if (infer_format_pieces(in, n->args.data[i], &pieces))
      expands = true;
    else
      vec_push(in->a, &pieces, n->args.data[i]);
  }
  vec_push(in->a, &starts, (void *)(intptr_t)pieces.len);
  const char *sep = " ", *end = "\n";
  int seplen = 1, endlen = 1;
  PtrVec kept = {0};
  for (int i = 0; i < n->keywords.len; i++) {
    Node *k = n->keywords.data[i];
    const char *t;
    int len;
    bool is_sep = k->name && !strcmp(k->name, "sep");
    bool is_end = k->name && !strcmp(k->name, "end");
    if (k->name && !strcmp(k->name, "flush") &&
        k->value->kind == ND_CONSTANT && k->value->cval.kind == CONST_BOOL)
      continue;
    if (!(is_sep || is_end) || !print_text(k, &t, &len)) {
      vec_push(in->a, &kept, k);  // reported by step 1
      continue;
    }
    if (len >= 0 && is_sep)
      sep = t, seplen = len;
    if (len >= 0 && is_end)
      end = t, endlen = len;
  }
  bool nl = endlen == 1 && end[0] == '\n';
  if (kept.len > 0 ||
      (!expands && (seplen == 1 && sep[0] == ' ') && (nl || !endlen))) {
    // nothing to rewrite: what the back ends print as it is
    n->keywords = kept;
    if (!nl && kept.len == 0)
      n->keywords = print_stmt(&(Sugar){.in = in, .at = n->tok}, NULL,
                               false)->value->keywords;
    return false;
  }
  Sugar s = {.in = in, .at = n->tok, .serial = *serial};
  PtrVec done = {0};
  for (int i = 0; i < pieces.len; i++) {
    Node *a = pieces.data[i];
    if (a->kind == ND_BINOP && a->op == OP_MOD &&
        a->left->kind == ND_CONSTANT) {
      Node *r = a->right;
      if (r->kind == ND_TUPLE)
        for (int j = 0; j < r->elts.len; j++)
          r->elts.data[j] = computed(&s, out, &done, r->elts.data[j]);
      else
        a->right = computed(&s, out, &done, r);
    } else {
      pieces.data[i] = computed(&s, out, &done, a);
    }
  }
  for (int i = 0; i < n->args.len; i++) {
    if (i > 0 && seplen > 0)
      vec_push(in->a, out, print_stmt(&s, str_constant(&s, sep, seplen),
                                      false));
    int from = (int)(intptr_t)starts.data[i];
    int to = (int)(intptr_t)starts.data[i + 1];
    for (int j = from; j < to; j++)
      vec_push(in->a, out, print_stmt(&s, pieces.data[j], false));
  }
  if (nl)
    vec_push(in->a, out, print_stmt(&s, NULL, true));
  else if (endlen > 0)
    vec_push(in->a, out, print_stmt(&s, str_constant(&s, end, endlen),
                                    false));
  *serial = s.serial;
  return true;
}

void infer_rewrite_prints(Infer *in, PtrVec *body) {
  PtrVec out = {0};
  bool any = false;
  for (int i = 0; i < body->len; i++) {
    Node *n = body->data[i];
    if (rewrite_print(in, n, &out, &in->fn->nsugar))
      any = true;
    else
      vec_push(in->a, &out, n);
  }
  if (any)
    *body = out;
}

// ---- enumerate, zip and reversed in comprehensions --------------------------
//
// [e for i, (a, b) in enumerate(zip(xs, ys)) if c] reads as
// [e' for k in range(min(len(xs), len(ys))) if c'] where e' and c' (and
// the later generators) read k, xs[k] and ys[k] in place of i, a and b.
// The sequences are read at each use, so they must be pure (a name, ...).

typedef struct {
  PtrVec names, exprs;  // what each target name stands for
} Binding;

static void bind_target(Sugar *s, Binding *b, Node *target, Node *item) {
  if (target->kind == ND_NAME) {
    vec_push(s->in->a, &b->names, (void *)target->name);
    vec_push(s->in->a, &b->exprs, item);
    return;
  }
  if (target->kind != ND_TUPLE && target->kind != ND_LIST)
    diag_error_node(s->in->d, target, "a comprehension variable must be a "
                    "name or a tuple of names in kernels");
  bool split = item->kind == ND_TUPLE &&
               item->elts.len == target->elts.len;
  if (item->kind == ND_TUPLE && !split)
    diag_error_node(s->in->d, target, "cannot unpack %d values into %d "
                    "names", item->elts.len, target->elts.len);
  for (int i = 0; i < target->elts.len; i++)
    bind_target(s, b, target->elts.data[i],
                split ? item->elts.data[i]
                      : subscript(s, clone(s, item), int_constant(s, i)));
}

static void substitute(Sugar *s, const Binding *b, Node **slot);

static void substitute_each(Sugar *s, const Binding *b, PtrVec *v) {
  for (int i = 0; i < v->len; i++)
    substitute(s, b, (Node **)&v->data[i]);
}

static void substitute(Sugar *s, const Binding *b, Node **slot) {
  Node *n = *slot;
  if (!n)
    return;
  if (n->kind == ND_NAME) {
    for (int i = 0; i < b->names.len; i++)
      if (same_name(b->names.data[i], n->name)) {
        *slot = clone(s, b->exprs.data[i]);
        return;
      }
    return;
  }
  Node **kids[] = {&n->left, &n->right, &n->value, &n->test, &n->body_expr,
                   &n->orelse_expr, &n->index, &n->lower, &n->upper,
                   &n->step, &n->elt, &n->iter};
  for (size_t i = 0; i < sizeof kids / sizeof *kids; i++)
    substitute(s, b, kids[i]);
  if (n->kind == ND_CALL && n->func->kind != ND_NAME)
    substitute(s, b, &n->func);
  substitute_each(s, b, &n->args);
  substitute_each(s, b, &n->keywords);
  substitute_each(s, b, &n->elts);
  substitute_each(s, b, &n->values);
  substitute_each(s, b, &n->comparators);
  substitute_each(s, b, &n->generators);
  substitute_each(s, b, &n->ifs);
}

// A sequence read at each use: it must be pure.
static Node *comp_sequence(Sugar *s, Node *seq) {
  if (!pure(seq))
    diag_error_node(s->in->d, seq, "this sequence of enumerate(), zip() or "
                    "reversed() in a comprehension is not supported in "
                    "kernels; assign it to a name first");
  return seq;
}

// The item at k of zip(...) or of one sequence; *len is its length.
static Node *comp_items(Sugar *s, Node *iter, const char *k, Node **len) {
  bool zip = is_builtin_call(s->in, iter, "zip");
  if (zip && iter->args.len == 0)
    diag_error_node(s->in->d, iter, "zip() of nothing is not supported in "
                    "kernels");
  int n = zip ? iter->args.len : 1;
  Node *tuple = new_node(s->in->a, ND_TUPLE, s->at);
  *len = n > 1 ? call(s, "min", NULL) : NULL;
  if (*len)
    (*len)->args = (PtrVec){0};
  for (int i = 0; i < n; i++) {
    Node *seq = zip ? iter->args.data[i] : iter, *at = name(s, k);
    if (is_builtin_call(s->in, seq, "reversed") && seq->args.len == 1) {
      seq = comp_sequence(s, seq->args.data[0]);  // the item at len-1-k
      at = binop(s, binop(s, call(s, "len", clone(s, seq)), OP_SUB,
                          int_constant(s, 1)), OP_SUB, at);
    }
    seq = comp_sequence(s, seq);
    Node *l = call(s, "len", clone(s, seq));
    if (n > 1)
      vec_push(s->in->a, &(*len)->args, l);
    else
      *len = l;
    vec_push(s->in->a, &tuple->elts, subscript(s, clone(s, seq), at));
  }
  return zip ? tuple : tuple->elts.data[0];
}

static void rewrite_generator(Infer *in, Node *lc, int g) {
  Node *gen = lc->generators.data[g], *iter = gen->iter;
  Sugar s = {.in = in, .at = gen->tok};
  bool numbered = is_builtin_call(in, iter, "enumerate");
  bool zip = is_builtin_call(in, iter, "zip");
  bool rev = is_builtin_call(in, iter, "reversed");
  bool unpack = gen->target->kind == ND_TUPLE && iter->kind != ND_CALL;
  if (!numbered && !zip && !rev && !unpack)
    return;
  const char *k = arena_sprintf(in->a, "k.zip%d", ++in->fn->nsugar);
  Node *item, *len, *range;
  if (rev) {
    if (iter->args.len != 1)
      diag_error_node(in->d, iter, "reversed() takes 1 argument but %d "
                      "were given", iter->args.len);
    Node *seq = comp_sequence(&s, iter->args.data[0]);
    if (seq->kind == ND_CALL)
      diag_error_node(in->d, iter, "reversed() of this sequence in a "
                      "comprehension is not supported in kernels");
    item = subscript(&s, clone(&s, seq), name(&s, k));
    range = call(&s, "range", binop(&s, call(&s, "len", clone(&s, seq)),
                                    OP_SUB, int_constant(&s, 1)));
    vec_push(in->a, &range->args, int_constant(&s, -1));
    vec_push(in->a, &range->args, int_constant(&s, -1));
  } else {
    Node *inner = numbered ? NULL : iter;
    Node *start = NULL;
    if (numbered) {
      if (iter->args.len < 1 || iter->args.len > 2)
        diag_error_node(in->d, iter, "enumerate() takes 1 or 2 arguments "
                        "but %d were given", iter->args.len);
      inner = iter->args.data[0];
      if (iter->args.len == 2)
        start = comp_sequence(&s, iter->args.data[1]);
    }
    item = comp_items(&s, inner, k, &len);
    if (numbered) {
      Node *pair = new_node(in->a, ND_TUPLE, s.at);
      vec_push(in->a, &pair->elts,
               start ? binop(&s, name(&s, k), OP_ADD, clone(&s, start))
                     : name(&s, k));
      vec_push(in->a, &pair->elts, item);
      item = pair;
    }
    range = call(&s, "range", len);
  }
  Binding b = {0};
  bind_target(&s, &b, gen->target, item);
  gen->target = name(&s, k);
  gen->iter = range;
  substitute_each(&s, &b, &gen->ifs);
  for (int j = g + 1; j < lc->generators.len; j++) {
    Node *later = lc->generators.data[j];
    substitute(&s, &b, &later->iter);
    substitute_each(&s, &b, &later->ifs);
  }
  substitute(&s, &b, &lc->elt);
}

void infer_rewrite_comprehension(Infer *in, Node *lc) {
  for (int g = 0; g < lc->generators.len; g++)
    rewrite_generator(in, lc, g);
}

// ---- math.isclose -----------------------------------------------------------

// math.isclose(a, b, rel_tol=R, abs_tol=T) as CPython's math_isclose_impl
// computes it, with A = float(a) and B = float(b):
//     A == B or (abs(A) != inf and abs(B) != inf and
//                (abs(B - A) <= abs(R * B) or abs(B - A) <= abs(R * A) or
//                 abs(B - A) <= T))
// a and b are read more than once, so they must be pure.
static Node *float_constant(Sugar *s, double v) {
  Node *n = new_node(s->in->a, ND_CONSTANT, s->at);
  n->cval = (ConstValue){.kind = CONST_FLOAT, .fval = v};
  return n;
}

static Node *boolop(Sugar *s, Operator op, Node *a, Node *b) {
  Node *n = new_node(s->in->a, ND_BOOLOP, s->at);
  n->op = op;
  vec_push(s->in->a, &n->values, a);
  vec_push(s->in->a, &n->values, b);
  return n;
}

Node *infer_isclose(Infer *in, Node *n) {
  Sugar s = {.in = in, .at = n->tok};
  double tol[2] = {1e-09, 0.0};
  for (int i = 0; i < n->keywords.len; i++) {
    Node *k = n->keywords.data[i], *v = k->value;
    int which = k->name && !strcmp(k->name, "rel_tol") ? 0
                : k->name && !strcmp(k->name, "abs_tol") ? 1 : -1;
    bool neg = v->kind == ND_UNARYOP && v->op == OP_USUB;
    Node *c = neg ? v->value : v;
    if (which < 0 || c->kind != ND_CONSTANT ||
        (c->cval.kind != CONST_FLOAT && c->cval.kind != CONST_INT))
      diag_error_node(in->d, k, "math.isclose() takes rel_tol= and abs_tol= "
                      "as number constants in kernels");
    double x = c->cval.kind == CONST_INT ? (double)c->cval.ival : c->cval.fval;
    tol[which] = neg ? -x : x;
  }
  if (tol[0] < 0.0 || tol[1] < 0.0)
    diag_error_node(in->d, n, "tolerances must be non-negative");
  if (n->args.len != 2)
    diag_error_node(in->d, n, "math.isclose() takes 2 positional arguments "
                    "but %d were given", n->args.len);
  Node *ab[2];
  for (int i = 0; i < 2; i++) {
    if (!pure(n->args.data[i]))
      diag_error_node(in->d, n->args.data[i], "math.isclose() of this "
                      "expression is not supported in kernels; assign it to "
                      "a name first");
    ab[i] = n->args.data[i];
  }
#define A call(&s, "float", clone(&s, ab[0]))
#define B call(&s, "float", clone(&s, ab[1]))
#define DIFF call(&s, "abs", binop(&s, B, OP_SUB, A))
  Node *finite = boolop(
      &s, OP_AND,
      compare(&s, call(&s, "abs", A), OP_NOTEQ, float_constant(&s, INFINITY)),
      compare(&s, call(&s, "abs", B), OP_NOTEQ, float_constant(&s, INFINITY)));
  Node *rel_b = compare(&s, DIFF, OP_LTE, call(&s, "abs", binop(
                            &s, float_constant(&s, tol[0]), OP_MUL, B)));
  Node *rel_a = compare(&s, DIFF, OP_LTE, call(&s, "abs", binop(
                            &s, float_constant(&s, tol[0]), OP_MUL, A)));
  Node *absolute = compare(&s, DIFF, OP_LTE, float_constant(&s, tol[1]));
  Node *close = boolop(&s, OP_OR, boolop(&s, OP_OR, rel_b, rel_a), absolute);
#undef A
#undef B
#undef DIFF
  return boolop(&s, OP_OR,
                compare(&s, call(&s, "float", clone(&s, ab[0])), OP_EQ,
                        call(&s, "float", clone(&s, ab[1]))),
                boolop(&s, OP_AND, finite, close));
}
