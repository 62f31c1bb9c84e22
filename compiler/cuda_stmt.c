// cuda_stmt.c - statements, loops and print, one helper per node kind.
//
// cg_stmt writes a statement as C lines at g->indent, after a `#line`
// directive and a comment quoting its Python line (cg_mark_line); cases
// follow NodeKind's order. A statement whose code may raise is followed by
// `if (ts->raised) return ...;` (cg_check_raised), so the thread stops at
// its first error as Python would. for over range() computes its trip
// count first, as CPython's range does, so the counter never overflows;
// a loop with an else clause gets a flag that its breaks set. In the body
// of the loop that became the threads, `continue` ends the thread. print
// writes its values into a record of 8-byte slots (py_print) and adds an
// entry to mandelc_print_table, which tells runtime/launch.c how the host
// prints that record.
#include "cuda_gen.h"

// ---- statements -------------------------------------------------------------

void cg_block(CudaGen *g, PtrVec *body) {
  g->indent++;
  cg_stmts(g, body);
  g->indent--;
}

// Is this store into a list whose elements are the kernel's results?
bool cg_is_result_store(CudaGen *g, Node *t) {
  if (t->kind != ND_SUBSCRIPT || !g->in_entry)
    return false;
  Node *root = t->value;
  while (root->kind == ND_SUBSCRIPT)
    root = root->value;
  return root->kind == ND_NAME && root->var &&
         (root->var == g->result || root->var == g->row);
}

// The grid kernel's results go straight to counts[j * nx + i].
static bool is_var(const Node *e, const Node *loop) {
  return e && e->kind == ND_NAME && e->var == loop->target->var;
}

static void store_result(CudaGen *g, Node *t, const char *v) {
  bool ok = t->kind == ND_NAME;  // row.append(v)
  if (t->kind == ND_SUBSCRIPT) {
    Node *outer = t->value;
    ok = is_var(t->index, g->grid_i) &&
         (outer->kind == ND_NAME ||
          (outer->kind == ND_SUBSCRIPT && is_var(outer->index, g->grid_j)));
  }
  if (!ok)
    diag_error_node(g->d, t, "on the GPU a grid kernel must store its "
                    "result as row[i] or d[j][i], with the loop variables");
  cg_line(g, "mandelc_counts[mandelc_point] = %s;", v);
}

// The C target: a store makes a name that may be read unassigned bound.
static void set_flag(CudaGen *g, const Var *v) {
  if (g->host && v->needs_flag && v->kind == VAR_LOCAL)
    cg_line(g, "py_set_%s = true;", cg_var_name(g, v));
}

static void store(CudaGen *g, Node *t, const char *v) {
  if (t->kind == ND_NAME) {
    if (!t->var || t->var->kind == VAR_CONST)
      cg_unsupported(g, t, "assigning to a module constant");
    cg_line(g, "%s = %s;", cg_var_name(g, t->var), v);
    set_flag(g, t->var);
  } else if (t->kind == ND_SUBSCRIPT) {
    if (cg_is_result_store(g, t) && g->grid_i) {
      store_result(g, t, v);
      return;
    }
    const char *el = cg_element(g, t, PY_ERR_INDEX_STORE_);
    if (is_kind(t, TY_COMPLEX))
      v = fmt(g, "py_complex_store(%s)", v);
    cg_line(g, "%s = %s;", el, v);
  } else if (t->kind == ND_ATTRIBUTE) {
    cg_unsupported(g, t, "assigning to an attribute");
  } else {
    cg_unsupported(g, t, "this assignment target");
  }
}

// The items of the tuple v (of type t, evaluated once already) stored
// into target's names, left to right; the C target also unpacks a nested
// tuple, (p, q), r = ...
static void store_items(CudaGen *g, Node *target, const char *v,
                        const Type *t) {
  if (t->nitems != target->elts.len)
    diag_error_node(g->d, target, "cannot unpack %d values into %d names",
                    t->nitems, target->elts.len);
  for (int k = 0; k < target->elts.len; k++) {
    Node *n = target->elts.data[k];
    const char *item = fmt(g, "%s.v%d", v, k);
    if (n->kind == ND_TUPLE || n->kind == ND_LIST) {
      if (!g->host || t->items[k]->kind != TY_TUPLE)
        cg_unsupported(g, n, "nested unpacking");
      store_items(g, n, item, t->items[k]);
      continue;
    }
    store(g, n, cg_convert_to(g, n, item, t->items[k], n->ty));
  }
}

// a, b = x, y: every value first, into temporaries, then the stores.
// a, b = f(x): the tuple once, into a temporary, then its items stored.
static void unpack_tuple(CudaGen *g, Node *target, Node *value) {
  const Type *t = value->ty;
  if (t->nitems != target->elts.len)
    diag_error_node(g->d, value, "cannot unpack %d values into %d names",
                    t->nitems, target->elts.len);
  const char *tmp = cg_new_temp(g, "t");
  cg_line(g, "%s %s = %s;", cg_c_type(g, value, t), tmp, cg_expr(g, value));
  cg_check_raised(g);
  store_items(g, target, tmp, t);
  cg_check_raised(g);
}

static void assign_tuple(CudaGen *g, Node *target, Node *value) {
  if (value->kind != ND_TUPLE && value->kind != ND_LIST &&
      is_kind(value, TY_TUPLE)) {
    unpack_tuple(g, target, value);
    return;
  }
  if (value->kind != ND_TUPLE && value->kind != ND_LIST)
    cg_unsupported(g, value, "unpacking a value that is not a tuple");
  if (value->elts.len != target->elts.len)
    diag_error_node(g->d, value, "cannot unpack %d values into %d names",
                    value->elts.len, target->elts.len);
  const char **temps = arena_alloc(g->a, sizeof(char *) *
                                         (size_t)value->elts.len);
  for (int k = 0; k < value->elts.len; k++) {
    Node *v = value->elts.data[k];
    temps[k] = cg_new_temp(g, "t");
    cg_line(g, "%s %s = %s;", cg_c_type(g, v, v->ty), temps[k], cg_expr(g, v));
  }
  cg_check_raised(g);
  for (int k = 0; k < target->elts.len; k++) {
    Node *t = target->elts.data[k];
    if (t->kind == ND_TUPLE || t->kind == ND_LIST)
      cg_unsupported(g, t, "nested unpacking");
    store(g, t, temps[k]);
  }
  cg_check_raised(g);
}

static void assign(CudaGen *g, Node *s) {
  Node *t0 = s->targets.data[0];
  if (s->targets.len == 1 && (t0->kind == ND_TUPLE || t0->kind == ND_LIST)) {
    cg_line(g, "{");
    g->indent++;
    assign_tuple(g, t0, s->value);
    g->indent--;
    cg_line(g, "}");
    return;
  }
  const char *v = cg_expr(g, s->value);
  if (s->targets.len > 1) {  // a = b = v: v once
    const char *t = cg_new_temp(g, "t");
    cg_line(g, "%s %s = %s;", cg_c_type(g, s->value, s->value->ty), t, v);
    v = t;
  }
  for (int k = 0; k < s->targets.len; k++)
    store(g, s->targets.data[k], v);
  cg_check_raised(g);
}

// x op= v: a BinOp of the target's value and v, stored back; a list
// element's index is evaluated once.
static void augassign(CudaGen *g, Node *s) {
  Node *t = s->target;
  Node op = {.kind = ND_BINOP, .tok = s->tok, .line = s->line, .col = s->col,
             .ty = t->ty, .op = s->op, .left = t, .right = s->value};
  if (t->kind == ND_NAME) {
    store(g, t, cg_binop(g, &op));
    cg_check_raised(g);
    return;
  }
  if (t->kind != ND_SUBSCRIPT || (g->grid_i && cg_is_result_store(g, t)))
    cg_unsupported(g, t, "this augmented assignment");
  // Python evaluates the list and index once: name them
  const char *list = cg_expr(g, t->value);
  const char *k = cg_new_temp(g, "k");
  cg_line(g, "{");
  g->indent++;
  cg_line(g, "long long %s = py_index(ts, %s, %s->len, PY_ERR_INDEX, %d);", k,
          cg_expr(g, t->index), list, t->line);
  cg_line(g, "if (ts->raised) %s", cg_fail_return(g));
  const char *el = fmt(g, "%s->data[%s]", list, k);
  bool cplx = is_kind(t, TY_COMPLEX);
  const char *v = cg_binop_of(
      g, &op, cplx ? fmt(g, "py_complex_load(%s)", el) : el,
      cg_expr(g, s->value));
  if (cplx)
    v = fmt(g, "py_complex_store(%s)", v);
  cg_line(g, "%s->data[%s] = %s;", list, k, v);
  cg_check_raised(g);
  g->indent--;
  cg_line(g, "}");
}

// The else of a loop runs when no break left it: breaks set a flag.
static const char *open_loop(CudaGen *g, CudaLoop *l, Node *s) {
  l->outer = g->loop;
  l->broke = s->orelse.len > 0 ? cg_new_temp(g, "broke") : NULL;
  if (l->broke)
    cg_line(g, "bool %s = false;", l->broke);
  g->loop = l;
  if (g->ploop)
    g->ploop_depth++;
  return l->broke;
}

static void close_loop(CudaGen *g, CudaLoop *l, Node *s) {
  g->loop = l->outer;
  if (g->ploop)
    g->ploop_depth--;
  if (!l->broke)
    return;
  cg_line(g, "if (!%s) {", l->broke);
  cg_block(g, &s->orelse);
  cg_line(g, "}");
}

// for target in range(...): the trip count first, as CPython's range
// computes its length, so the counter never overflows.
static void for_range(CudaGen *g, Node *s) {
  Node *r = s->iter;
  int n = r->args.len;
  const char *start = n >= 2 ? cg_expr(g, arg(r, 0)) : "0LL";
  const char *stop = cg_expr(g, arg(r, n >= 2 ? 1 : 0));
  const char *step = n == 3 ? cg_expr(g, arg(r, 2)) : "1LL";
  const char *target = cg_var_name(g, s->target->var);
  CudaLoop l;
  cg_line(g, "{");
  g->indent++;
  open_loop(g, &l, s);
  const char *k = cg_new_temp(g, "k");
  if (n < 3) {
    const char *end = cg_new_temp(g, "stop");
    cg_line(g, "long long %s = %s;", end, stop);
    cg_check_raised(g);
    cg_line(g, "for (long long %s = %s; %s < %s; %s++) {", k, start, k, end, k);
  } else {
    const char *count = cg_new_temp(g, "count");
    const char *first = cg_new_temp(g, "start");
    const char *by = cg_new_temp(g, "step");
    cg_line(g, "long long %s = %s, %s = %s;", first, start, by, step);
    g->raises = true;
    cg_line(g, "long long %s = py_range_len(ts, %s, %s, %s, %d);", count,
            first, stop, by, s->line);
    cg_check_raised(g);
    const char *n_ = cg_new_temp(g, "n");
    cg_line(g, "for (long long %s = 0; %s < %s; %s++) {", n_, n_, count, n_);
    cg_line(g, "  long long %s = %s + %s * %s;", k, first, n_, by);
  }
  g->indent++;
  cg_line(g, "%s = %s;", target, k);
  set_flag(g, s->target->var);
  cg_stmts(g, &s->body);
  g->indent--;
  cg_line(g, "}");
  close_loop(g, &l, s);
  g->indent--;
  cg_line(g, "}");
}

// for x in xs: over a list's elements, by index.
static void for_list(CudaGen *g, Node *s) {
  Node *t = s->target;
  const Type *elem = s->iter->ty->elem;
  bool unpack = g->host && (t->kind == ND_TUPLE || t->kind == ND_LIST) &&
                elem->kind == TY_TUPLE;  // the C target: for a, b in pairs
  if (t->kind != ND_NAME && !unpack)
    cg_unsupported(g, t, "unpacking in a for loop");
  const char *list = cg_new_temp(g, "list");
  CudaLoop l;
  cg_line(g, "{");
  g->indent++;
  cg_line(g, "%s %s = %s;", cg_c_type(g, s->iter, s->iter->ty), list,
          cg_expr(g, s->iter));
  cg_check_raised(g);
  open_loop(g, &l, s);
  const char *k = cg_new_temp(g, "k");
  cg_line(g, "for (long long %s = 0; %s < %s->len; %s++) {", k, k, list, k);
  g->indent++;
  if (unpack) {
    const char *item = cg_new_temp(g, "t");
    cg_line(g, "%s %s = %s->data[%s];", cg_c_type(g, t, elem), item, list,
            k);
    store_items(g, t, item, elem);
    cg_check_raised(g);
  } else {
    cg_line(g, "%s = %s%s->data[%s]%s;", cg_var_name(g, t->var),
            is_kind(t, TY_COMPLEX) ? "py_complex_load(" : "", list, k,
            is_kind(t, TY_COMPLEX) ? ")" : "");
    set_flag(g, t->var);
  }
  cg_stmts(g, &s->body);
  g->indent--;
  cg_line(g, "}");
  close_loop(g, &l, s);
  g->indent--;
  cg_line(g, "}");
}

static void for_stmt(CudaGen *g, Node *s) {
  if (s->range_loop && s->target->kind == ND_NAME && s->target->var) {
    for_range(g, s);
    return;
  }
  if (!is_kind(s->iter, TY_LIST))
    cg_unsupported(g, s->iter, "this for loop");
  for_list(g, s);
}

// while test: the test may raise, so it is computed inside the loop.
static void while_stmt(CudaGen *g, Node *s) {
  CudaLoop l;
  cg_line(g, "{");
  g->indent++;
  open_loop(g, &l, s);
  const char *test = cg_truth(g, s->test);
  if (!g->raises) {
    cg_line(g, "while (%s) {", test);
    g->indent++;
  } else {
    cg_line(g, "while (true) {");
    g->indent++;
    const char *t = cg_new_temp(g, "test");
    cg_line(g, "bool %s = %s;", t, test);
    cg_check_raised(g);
    cg_line(g, "if (!%s)", t);
    cg_line(g, "  break;");
  }
  cg_stmts(g, &s->body);
  g->indent--;
  cg_line(g, "}");
  close_loop(g, &l, s);
  g->indent--;
  cg_line(g, "}");
}

static void if_stmt(CudaGen *g, Node *s) {
  const char *test = cg_truth(g, s->test);
  if (g->raises) {
    const char *t = cg_new_temp(g, "test");
    cg_line(g, "bool %s = %s;", t, test);
    cg_check_raised(g);
    test = t;
  }
  cg_line(g, "if (%s) {", test);
  cg_block(g, &s->body);
  if (s->orelse.len > 0) {
    cg_line(g, "} else {");
    cg_block(g, &s->orelse);
  }
  cg_line(g, "}");
}

static void return_stmt(CudaGen *g, Node *s) {
  if (g->in_entry)  // list/grid kernels: the return after the loop
    return;
  if (!s->value) {
    cg_line(g, "return;");
    return;
  }
  const char *v = cg_expr(g, s->value);
  if (g->raises) {
    const char *t = cg_new_temp(g, "r");
    cg_line(g, "%s %s = %s;", cg_c_type(g, s->value, s->value->ty), t, v);
    cg_check_raised(g);
    v = t;
  }
  cg_line(g, "return %s;", v);
}

static void break_stmt(CudaGen *g) {
  if (g->loop && g->loop->broke)
    cg_line(g, "%s = true;", g->loop->broke);
  cg_line(g, "break;");
}

// continue in the body of the list kernel's outer loop ends the thread.
static void continue_stmt(CudaGen *g) {
  if (g->ploop && g->ploop_depth == 0)
    cg_line(g, g->post_prints ? "goto mandelc_next;" : "return;");
  else
    cg_line(g, "continue;");
}

// ---- print ------------------------------------------------------------------

// A table entry's string: its length, then the bytes.
static const char *table_string(CudaGen *g, const char *s, int len) {
  return fmt(g, "%d:%.*s", len, len, s);
}

// One value of a print into the record's slots, with its table op: i, f,
// b, c (two slots), n (None), s (a literal) or % (`fmt % args`, the args
// in slots, formatted by rt_str_format on the host).
static const char *format_item(CudaGen *g, Node *e, int *nslots);

static const char *print_item(CudaGen *g, Node *e, int *nslots) {
  const char *v;
  switch (e->ty->kind) {
  case TY_INT:
  case TY_BOOL:
    cg_line(g, "pv_[%d] = (unsigned long long)%s;", (*nslots)++, cg_expr(g, e));
    return is_kind(e, TY_INT) ? "i" : "b";
  case TY_FLOAT:
    cg_line(g, "pv_[%d] = py_slot_float(%s);", (*nslots)++, cg_expr(g, e));
    return "f";
  case TY_COMPLEX:
    v = cg_new_temp(g, "c");
    cg_line(g, "struct pycomplex %s = %s;", v, cg_expr(g, e));
    cg_line(g, "pv_[%d] = py_slot_float(%s.re);", (*nslots)++, v);
    cg_line(g, "pv_[%d] = py_slot_float(%s.im);", (*nslots)++, v);
    return "c";
  case TY_NONE:
    if (e->kind == ND_CONSTANT)
      return "n";
    break;
  case TY_STR:
    if (e->kind == ND_CONSTANT && e->cval.kind == CONST_STR)
      return fmt(g, "s%s", table_string(g, e->cval.str, e->cval.slen));
    if (e->kind == ND_BINOP && e->op == OP_MOD &&
        e->left->kind == ND_CONSTANT && e->left->cval.kind == CONST_STR)
      return format_item(g, e, nslots);
    break;
  default:
    break;
  }
  cg_unsupported(g, e, fmt(g, "printing this %s", type_name(g->a, e->ty)));
}

// `"..." % x` or `"..." % (x, y)`: %LINE:FMT NARGS:KINDS
static const char *format_item(CudaGen *g, Node *e, int *nslots) {
  Node **args = &e->right;
  int nargs = 1;
  if (e->right->kind == ND_TUPLE) {
    args = (Node **)e->right->elts.data;
    nargs = e->right->elts.len;
  }
  char *kinds = arena_alloc(g->a, (size_t)nargs + 1);
  for (int k = 0; k < nargs; k++) {
    Node *x = args[k];
    if (!is_kind(x, TY_INT) && !is_kind(x, TY_FLOAT) && !is_kind(x, TY_BOOL))
      cg_unsupported(g, x, fmt(g, "%%-formatting a %s",
                               type_name(g->a, x->ty)));
    print_item(g, x, nslots);
    kinds[k] = is_kind(x, TY_INT) ? 'i' : is_kind(x, TY_FLOAT) ? 'f' : 'b';
    cg_check_raised(g);
  }
  kinds[nargs] = 0;
  Node *f = e->left;
  return fmt(g, "%%%d:%s%d:%s", e->line, table_string(g, f->cval.str,
                                                       f->cval.slen),
             nargs, kinds);
}

static int count_slots(const PtrVec *values) {
  int n = 0;
  for (int k = 0; k < values->len; k++) {
    Node *e = values->data[k];
    if (is_kind(e, TY_COMPLEX))
      n += 2;
    else if (e->kind == ND_BINOP && e->right->kind == ND_TUPLE)
      n += e->right->elts.len;
    else
      n++;
  }
  return n;
}

// print(a, b) / `print a, b`: the values in order into slots, then one
// record (py_print); the entry says how the host prints them, with the
// CPU's rt_print_* calls: items, separators, the end of line, and after
// Python 2's trailing comma a separator (as llvm.c does).
static void print_values(CudaGen *g, Node *at, PtrVec *values, bool nl,
                         bool softspace) {
  if (g->host) {
    c_print_values(g, at, values, nl, softspace);
    return;
  }
  if (g->print_gate && !*g->print_gate)
    diag_error_node(g->d, at, "on the GPU a grid kernel may not print "
                    "after the loop over a row's points; print inside it "
                    "or before it");
  if (g->print_gate)
    cg_line(g, "if (%s) {", g->print_gate);
  else
    cg_line(g, "{");
  g->indent++;
  cg_line(g, "unsigned long long pv_[%d];", count_slots(values) + 1);
  const char *ops = "";
  int nslots = 0;
  for (int k = 0; k < values->len; k++) {
    ops = fmt(g, "%s%s%s", ops, k ? "_" : "",
              print_item(g, values->data[k], &nslots));
    cg_check_raised(g);
  }
  ops = fmt(g, "%sE%d%s;", ops, nl, softspace ? "_" : "");
  cg_line(g, "py_print(ts, %d, pv_, %d);  // mandelc_print_table[%d]",
          g->nprints, nslots, g->nprints);
  g->ptable = fmt(g, "%s%s", g->ptable ? g->ptable : "", ops);
  g->nprints++;
  g->indent--;
  cg_line(g, "}");
}

// print()'s keywords: only end='' and the defaults, as on the CPU.
static bool print_ends_line(CudaGen *g, Node *n) {
  bool nl = true;
  for (int k = 0; k < n->keywords.len; k++) {
    Node *kw = n->keywords.data[k], *v = kw->value;
    bool is_str = v->kind == ND_CONSTANT && v->cval.kind == CONST_STR;
    bool is_end = !strcmp(kw->name, "end");
    if (is_str && is_end && v->cval.slen == 0) {
      nl = false;
      continue;
    }
    if (!is_str || v->cval.slen != 1 ||
        v->cval.str[0] != (is_end ? '\n' : ' ') ||
        (!is_end && strcmp(kw->name, "sep")))
      cg_unsupported(g, kw, fmt(g, "print(%s=...) other than end=''",
                                kw->name));
  }
  return nl;
}

// The table as a C string: printable ASCII kept, everything else as a
// three-digit octal escape (which cannot run into a following digit).
void cg_emit_print_table(CudaGen *g) {
  const char *t = g->ptable ? g->ptable : "";
  cg_emit(g, "\n// How the host prints each record (runtime/launch.c):\n"
          "extern \"C\" __device__ const char mandelc_print_table[] =\n"
          "    \"");
  int col = 5;
  for (const unsigned char *c = (const unsigned char *)t; *c; c++) {
    if (col > 72) {
      cg_emit(g, "\"\n    \"");
      col = 5;
    }
    if (*c >= 32 && *c < 127 && *c != '"' && *c != '\\' && *c != '?') {
      cg_emit(g, "%c", *c);
      col++;
    } else {
      cg_emit(g, "\\%03o", *c);
      col += 4;
    }
  }
  cg_emit(g, "\";\n");
}

static void expr_stmt(CudaGen *g, Node *s) {
  Node *v = s->value;
  if (v->kind == ND_CONSTANT)  // a docstring
    return;
  if (v->kind == ND_CALL && v->builtin == BI_PRINT) {
    print_values(g, v, &v->args, print_ends_line(g, v), false);
    return;
  }
  if (v->kind == ND_CALL && v->builtin == BI_APPEND && g->in_entry &&
      g->grid_i && is_kind(v->func->value, TY_LIST)) {
    Node *l = v->func->value;
    if (l->kind == ND_NAME && l->var == g->row) {
      store_result(g, l, cg_expr(g, arg(v, 0)));
      cg_check_raised(g);
      return;
    }
  }
  cg_line(g, "%s;", cg_expr(g, v));
  cg_check_raised(g);
}

void cg_stmt(CudaGen *g, Node *s) {
  if (s->kind != ND_PASS)
    cg_mark_line(g, s);
  switch (s->kind) {
  case ND_RETURN: return_stmt(g, s); break;
  case ND_ASSIGN: assign(g, s); break;
  case ND_AUGASSIGN: augassign(g, s); break;
  case ND_ANNASSIGN:
    if (s->value) {
      Node a = *s;
      a.kind = ND_ASSIGN;
      a.targets = (PtrVec){0};
      vec_push(g->a, &a.targets, s->target);
      assign(g, &a);
    }
    break;
  case ND_FOR: for_stmt(g, s); break;
  case ND_WHILE: while_stmt(g, s); break;
  case ND_IF: if_stmt(g, s); break;
  case ND_IMPORT:
  case ND_IMPORTFROM:
  case ND_GLOBAL:
    break;
  case ND_EXPR: expr_stmt(g, s); break;
  case ND_PASS: break;
  case ND_BREAK: break_stmt(g); break;
  case ND_CONTINUE: continue_stmt(g); break;
  case ND_PRINT: print_values(g, s, &s->values, s->nl, !s->nl); break;
  default:
    cg_unsupported(g, s, fmt(g, "a %s statement", node_kind_names[s->kind]));
  }
}

void cg_stmts(CudaGen *g, PtrVec *body) {
  for (int k = 0; k < body->len; k++)
    cg_stmt(g, body->data[k]);
}
