// cuda_kernel.c - the kernel's __global__ entry, for each kernel form.
//
// One thread computes one point. A point kernel (c, or x and y, a call)
// stays a __device__ function, which mandelc_kernel calls with the
// driver's values bound to its parameters (docs/language.md §3). A list
// kernel's outer loop, which parallel.c found and checked (no iteration reads
// what another writes), becomes the threads: every thread runs the statements
// before it, then its own iteration, with the loop variable set to its point,
// and the result list is mandelc_counts itself. A grid kernel's loops over ys
// and xs become the thread's (j, i) on a two-dimensional launch, and its stores
// into the rows go straight to mandelc_counts.
// What a form cannot map onto threads is refused with a message that
// says how to write it.
#include "cuda_gen.h"

// ---- the kernel entry -------------------------------------------------------

// xs, ys, q, z and counts are separate buffers (runtime/launch.c), and
// __restrict__ says so: a list kernel's q[i] and z[i] then stay in
// registers across its loop instead of going to memory each step.
static const char *const entry_params =
    "const double *__restrict__ mandelc_xs,\n"
    "    const double *__restrict__ mandelc_ys,\n"
    "    long long mandelc_nx, long long mandelc_ny, long long mandelc_maxiter,"
    "\n    struct pycomplex_d *__restrict__ mandelc_q,\n"
    "    struct pycomplex_d *__restrict__ mandelc_z,\n"
    "    long long *__restrict__ mandelc_counts,\n"
    "    struct mandelc_error *mandelc_err,\n"
    "    unsigned long long *mandelc_print, "
    "unsigned long long mandelc_print_cap";

static const char *const body_params =
    "pyts *ts, long long mandelc_i, long long mandelc_j,\n"
    "    long long mandelc_point, long long mandelc_n,\n    ";

// List and grid kernels: the thread's work is mandelc_body, so that every
// way out of it (an error, continue) still frees the thread's lists.
static void open_body(CudaGen *g) {
  cg_emit(g, "\nstatic __device__ void mandelc_body(%s%s)\n{\n", body_params,
          entry_params);
  g->indent = 1;
  cg_mark_line(g, g->p->kernel->def);  // its set-up is the def line's
}

// The __global__ entry: the thread's point, its state, its work.
static void entry(CudaGen *g, bool two_d, const char *work) {
  int def = g->p->kernel->def->line;
  cg_emit(g, "\n");
  cg_line_directive(g, def);
  cg_emit(g, "extern \"C\" __global__ void mandelc_kernel(%s)\n{\n",
          entry_params);
  g->indent = 1;
  // The thread's set-up is the def line's code: a kernel's entry is how
  // its call maps onto threads (docs/vector_form.md §8).
  cg_mark_line(g, g->p->kernel->def);
  if (two_d) {
    cg_line(g, "long long mandelc_i = blockIdx.x * (long long)blockDim.x + "
            "threadIdx.x;");
    cg_line(g, "long long mandelc_j = blockIdx.y * (long long)blockDim.y + "
            "threadIdx.y;");
    cg_line(g, "if (mandelc_i >= mandelc_nx || mandelc_j >= mandelc_ny)");
    cg_line(g, "  return;");
    cg_line(g, "long long mandelc_point = mandelc_j * mandelc_nx + mandelc_i;");
  } else {
    cg_line(g, "long long mandelc_i = 0, mandelc_j = 0;");
    cg_line(g, "long long mandelc_point = blockIdx.x * (long long)blockDim.x + "
            "threadIdx.x;");
  }
  cg_line(g, "long long mandelc_n = mandelc_nx * mandelc_ny;");
  if (!two_d) {
    cg_line(g, "if (mandelc_point >= mandelc_n)");
    cg_line(g, "  return;");
  }
  cg_line(g, "struct mandelc_thread mandelc_state = {mandelc_err, 0, "
          "(unsigned long long)mandelc_point, 0, 0,");
  cg_line(g, "    mandelc_print, mandelc_print_cap, 0};");
  cg_line(g, "pyts *ts = &mandelc_state;");
  cg_line(g, "%s", work);
  cg_line(g, "py_free_all(ts);");
  g->indent = 0;
  cg_line_directive(g, def);
  cg_emit(g, "}\n");
}

static void close_body(CudaGen *g, bool two_d) {
  g->indent = 0;
  cg_emit(g, "}\n");
  entry(g, two_d, "mandelc_body(ts, mandelc_i, mandelc_j, mandelc_point, "
                  "mandelc_n, mandelc_xs, mandelc_ys,\n               "
                  "mandelc_nx, mandelc_ny, mandelc_maxiter, mandelc_q, "
                  "mandelc_z,\n               mandelc_counts, mandelc_err, "
                  "mandelc_print, mandelc_print_cap);");
}

// The value the driver binds to parameter k (docs/language.md §3).
static const char *bound_value(CudaGen *g, Var *v, char binding) {
  bool list = v->ty->kind == TY_LIST;
  switch (binding) {
  case 'm':
    return "mandelc_maxiter";
  case 'c':
    return "py_complex((pyfloat)mandelc_xs[mandelc_i], "
           "(pyfloat)mandelc_ys[mandelc_j])";
  case 'x':
    return list ? "{(double *)mandelc_xs, mandelc_nx, mandelc_nx}"
                : "(pyfloat)mandelc_xs[mandelc_i]";
  case 'y':
    return list ? "{(double *)mandelc_ys, mandelc_ny, mandelc_ny}"
                : "(pyfloat)mandelc_ys[mandelc_j]";
  case 'q':
    return "{mandelc_q, mandelc_n, mandelc_n}";
  case 'z':
    return "{mandelc_z, mandelc_n, mandelc_n}";
  case 'o':  // the output list the kernel fills: the counts themselves
    return "{mandelc_counts, mandelc_n, mandelc_n}";
  default:
    unreachable();
  }
  (void)g;
}

static void check_binding(CudaGen *g, Var *v, char binding) {
  bool ok = true;
  if (binding == 'q' || binding == 'z')
    ok = v->ty->kind == TY_LIST && v->ty->elem->kind == TY_COMPLEX;
  if (binding == 'm')
    ok = v->ty->kind == TY_INT;
  if (binding == 'o')
    ok = v->ty->kind == TY_LIST && v->ty->elem->kind == TY_INT;
  if (!ok)
    cg_unsupported(g, v->def ? v->def : g->p->kernel->def,
                   fmt(g, "the parameter '%s' as %s", v->name,
                       type_name(g->a, v->ty)));
}

static void bind_params(CudaGen *g) {
  Func *k = g->p->kernel;
  for (int n = 0; n < k->nparams; n++) {
    Var *v = k->params[n];
    char b = g->p->choice.binding[n];
    check_binding(g, v, b);
    const char *t = cg_c_type(g, k->def, v->ty);
    if (v->ty->kind != TY_LIST) {
      cg_line(g, "%s %s = %s;", t, cg_var_name(g, v), bound_value(g, v, b));
      continue;
    }
    // a list parameter: a header over the driver's array
    cg_line(g, "pylist<%s> mandelc_list_%s = %s;",
            cg_storage_type(g, k->def, v->ty->elem), v->name,
            bound_value(g, v, b));
    cg_line(g, "%s%s = &mandelc_list_%s;", t, cg_var_name(g, v), v->name);
  }
}

// The top of a list or grid kernel's mandelc_body: the parameters bound
// to the driver's values and the kernel's locals declared; the statements
// before its parallel loops print only from the first thread.
static void open_kernel_body(CudaGen *g) {
  open_body(g);
  g->in_entry = true;
  g->fn = g->p->kernel;
  bind_params(g);
  cg_declare_locals(g, g->p->kernel);
  g->print_gate = "mandelc_point == 0";  // every thread runs these
}

// Point kernels: the kernel is a __device__ function called once a point.
void cg_point_entry(CudaGen *g) {
  Func *k = g->p->kernel;
  if (k->ret->kind != TY_INT)
    cg_unsupported(g, k->def, fmt(g, "a point kernel returning %s",
                                  type_name(g->a, k->ret)));
  const char *args = "ts";
  for (int n = 0; n < k->nparams; n++)
    args = fmt(g, "%s, %s", args,
               bound_value(g, k->params[n], g->p->choice.binding[n]));
  entry(g, true, fmt(g, "mandelc_counts[mandelc_point] = def_%s(%s);",
                     k->name, args));
}

// `[C] * len(P)` (either order) with P a list parameter: a list of the
// points' length, every element C. Returns C's node.
static Node *repeat_of_points(CudaGen *g, Node *v) {
  if (v->kind != ND_BINOP || v->op != OP_MUL)
    return NULL;
  Node *list = v->left->kind == ND_LIST ? v->left : v->right;
  Node *count = list == v->left ? v->right : v->left;
  if (list->kind != ND_LIST || list->elts.len != 1 ||
      ((Node *)list->elts.data[0])->kind != ND_CONSTANT)
    return NULL;
  if (count->kind != ND_CALL || count->builtin != BI_LEN ||
      count->args.len != 1)
    return NULL;
  Node *p = arg(count, 0);
  if (p->kind != ND_NAME || !p->var || p->var->kind != VAR_PARAM)
    return NULL;
  (void)g;
  return list->elts.data[0];
}

static bool is_list_value(const Node *s) {
  return s->kind == ND_ASSIGN && is_kind(s->value, TY_LIST);
}

// A print statement: Python 2's `print a, b` or a call of print().
static bool is_print(const Node *s) {
  return s->kind == ND_PRINT ||
         (s->kind == ND_EXPR && s->value->kind == ND_CALL &&
          s->value->builtin == BI_PRINT);
}

// The list the kernel returns after its loop: `return NAME`. (List
// kernels may print before it: post_loop.)
static Var *returned_list(CudaGen *g, PtrVec *body, int after) {
  for (int k = after + 1; k < body->len; k++) {
    Node *s = body->data[k];
    if (s->kind == ND_RETURN && s->value && s->value->kind == ND_NAME &&
        s->value->var && s->value->var->kind == VAR_LOCAL)
      return s->value->var;
    if (s->kind != ND_PASS && !(s->kind == ND_EXPR &&
                                s->value->kind == ND_CONSTANT) &&
        !(is_print(s) && !g->grid_i))
      diag_error_node(g->d, s, "on the GPU only print and `return` of the "
                      "result list may follow the loop over the points");
  }
  diag_error_node(g->d, g->p->kernel->def, "on the GPU the kernel must "
                  "end with `return` of its result list");
}

typedef bool NodeTest(Node *n, void *arg);
static bool any_node(Node *n, NodeTest *test, void *arg);
static bool prints_here(Node *n, void *depth);

// Does f print, itself or through the functions it calls? (Calls nested
// deeper than 8 count as printing: recursion must end somewhere.)
static bool func_prints(Func *f, intptr_t depth) {
  return depth > 8 || any_node(f->def, prints_here, (void *)(depth + 1));
}

static bool prints_here(Node *n, void *depth) {
  if (is_print(n) || (n->kind == ND_CALL && n->builtin == BI_PRINT))
    return true;
  return n->kind == ND_CALL && n->callee &&
         func_prints(n->callee, (intptr_t)depth);
}

static bool calls_printing_func(Node *n, void *unused) {
  (void)unused;
  return n->kind == ND_CALL && n->callee && func_prints(n->callee, 0);
}

// A statement that every thread runs (before the loop over the points)
// prints in one thread only (print_gate); a function it calls cannot be
// gated so, and may not print.
static void check_every_thread(CudaGen *g, Node *s) {
  if (any_node(s, calls_printing_func, NULL))
    diag_error_node(g->d, s, "on the GPU this statement runs in every "
                    "thread, so a function it calls may not print");
}

// Statements before the loop: scalars are computed by every thread; the
// result list becomes the thread's element of counts.
static void pre_loop(CudaGen *g, PtrVec *body, int upto) {
  for (int k = 0; k < upto; k++) {
    Node *s = body->data[k];
    Node *t = s->kind == ND_ASSIGN && s->targets.len == 1 ? s->targets.data[0]
                                                           : NULL;
    if (t && t->kind == ND_NAME && t->var == g->result) {
      Node *c = repeat_of_points(g, s->value);
      if (!c || !is_kind(c, TY_INT))
        diag_error_node(g->d, s, "on the GPU the result list must be made "
                        "as %s = [0] * len(q)", t->name);
      cg_mark_line(g, s);
      cg_line(g, "pylist<long long> mandelc_result = {mandelc_counts, "
              "mandelc_n, mandelc_n};");
      cg_line(g, "%s = &mandelc_result;", cg_var_name(g, g->result));
      cg_line(g, "mandelc_counts[mandelc_point] = %s;", cg_expr(g, c));
      continue;
    }
    if (is_list_value(s) || (s->kind != ND_ASSIGN && s->kind != ND_AUGASSIGN &&
                             s->kind != ND_EXPR && s->kind != ND_PASS &&
                             s->kind != ND_ANNASSIGN))
      diag_error_node(g->d, s, "on the GPU only scalar assignments and the "
                      "result list may come before the loop over the points");
    check_every_thread(g, s);
    cg_stmt(g, s);
  }
}

// ---- print after a list kernel's loop ---------------------------------------
// The thread of the last point runs it, after its own iteration: Python's
// names then hold that iteration's values (parallel.c refuses reading a
// local the loop writes after it). Other threads may still be running, so
// these prints may read no list the loop writes and call no function of
// the kernel file.

// Does `test` hold for n or any node below it?
static bool any_node(Node *n, NodeTest *test, void *arg) {
  if (!n)
    return false;
  if (test(n, arg))
    return true;
  Node *one[] = {n->left, n->right, n->value, n->test, n->body_expr,
                 n->orelse_expr, n->target, n->iter, n->func, n->elt,
                 n->index};
  for (size_t k = 0; k < sizeof one / sizeof one[0]; k++)
    if (any_node(one[k], test, arg))
      return true;
  PtrVec *many[] = {&n->targets, &n->body, &n->orelse, &n->values,
                    &n->comparators, &n->args, &n->keywords, &n->elts,
                    &n->generators, &n->ifs};
  for (size_t k = 0; k < sizeof many / sizeof many[0]; k++)
    for (int i = 0; i < many[k]->len; i++)
      if (any_node(many[k]->data[i], test, arg))
        return true;
  return false;
}

static Var *root_var(Node *e) {
  while (e && (e->kind == ND_SUBSCRIPT || e->kind == ND_ATTRIBUTE))
    e = e->value;
  return e && e->kind == ND_NAME ? e->var : NULL;
}

// A store into the list `arg` (x[k] = v, x[k] op= v, x.append(v)), or a
// call of a user function, which might write into any list.
static bool writes_list(Node *n, void *arg) {
  if (n->kind == ND_CALL && n->callee)
    return true;
  if (n->kind == ND_CALL && n->builtin == BI_APPEND)
    return root_var(n->func) == arg;
  if (n->kind == ND_AUGASSIGN)
    return n->target->kind == ND_SUBSCRIPT && root_var(n->target) == arg;
  if (n->kind == ND_ASSIGN)
    for (int k = 0; k < n->targets.len; k++) {
      Node *t = n->targets.data[k];
      if (t->kind == ND_SUBSCRIPT && root_var(t) == arg)
        return true;
    }
  return false;
}

// What a print after the loop may not use (see above).
static bool unsafe_after_loop(Node *n, void *arg) {
  Node *loop = arg;
  if (n->kind == ND_CALL && n->callee)
    return true;
  return n->kind == ND_NAME && n->var && n->var->ty->kind == TY_LIST &&
         any_node(loop, writes_list, n->var);
}

static void post_loop(CudaGen *g, Node *loop, PtrVec *body, int after) {
  for (int k = after + 1; k < body->len; k++) {
    Node *s = body->data[k];
    if (!is_print(s))
      continue;
    if (any_node(s, unsafe_after_loop, loop))
      diag_error_node(g->d, s, "on the GPU a print after the loop runs "
                      "while other iterations may still be writing: it "
                      "may read no list the loop writes and call no "
                      "function of the kernel file");
    cg_stmt(g, s);
  }
}

static bool has_post_prints(PtrVec *body, int after) {
  for (int k = after + 1; k < body->len; k++)
    if (is_print(body->data[k]))
      return true;
  return false;
}

// The output parameter (binding 'o') of a kernel that fills it, or NULL;
// only prints may follow its loop over the points.
static Var *output_param(CudaGen *g, PtrVec *body, int after) {
  const Func *k = g->p->kernel;
  Var *out = NULL;
  for (int n = 0; n < k->nparams; n++)
    if (g->p->choice.binding[n] == 'o')
      out = k->params[n];
  for (int i = after + 1; out && i < body->len; i++) {
    Node *s = body->data[i];
    if (s->kind != ND_PASS && s->kind != ND_RETURN &&
        !(s->kind == ND_EXPR && s->value->kind == ND_CONSTANT) &&
        !is_print(s))
      diag_error_node(g->d, s, "on the GPU only print may follow the loop "
                      "over the points");
  }
  return out;
}

void cg_list_entry(CudaGen *g) {
  const char *why;
  Node *where;
  Program *p = g->p;
  if (!parallel_check(g->a, p, true, &why, &where))
    diag_error_node(g->d, where ? where : p->kernel->def, "%s", why);
  PtrVec *body = &p->kernel->def->body;
  int at = 0;
  while (body->data[at] != g->ploop)
    at++;
  Var *output = output_param(g, body, at);
  g->result = output ? output : returned_list(g, body, at);
  if (g->result->ty->elem->kind != TY_INT)
    cg_unsupported(g, p->kernel->def, "a result list that is not of int");
  open_kernel_body(g);
  if (output)  // the driver's zeros, this thread's element
    cg_line(g, "mandelc_counts[mandelc_point] = 0;");
  pre_loop(g, body, at);
  g->print_gate = NULL;
  Node *loop = g->ploop;
  cg_mark_line(g, loop);
  cg_line(g, "// this thread's iteration of the loop");
  cg_line(g, "%s = mandelc_point;", cg_var_name(g, loop->target->var));
  g->ploop_depth = 0;
  g->post_prints = has_post_prints(body, at);
  if (!g->post_prints) {
    cg_stmts(g, &loop->body);
    close_body(g, false);
    return;
  }
  // in a block, so that continue's goto leaves its declarations' scope
  cg_line(g, "{");
  cg_block(g, &loop->body);
  cg_line(g, "}");
  cg_emit(g, "mandelc_next:;\n");
  cg_line(g, "if (mandelc_point != mandelc_n - 1)");
  cg_line(g, "  return;");
  cg_line(g, "// after the loop: the thread of its last iteration");
  g->ploop = NULL;
  post_loop(g, loop, body, at);
  close_body(g, false);
}

// ---- grid kernels: the loops over ys and xs become the thread's (j, i) ------

// Is `e` the length of the kernel's xs (binding 'x') or ys ('y'), directly
// or through a local assigned it once before the loops (N = len(xs))?
static bool is_len_of(CudaGen *g, Node *e, char binding, PtrVec *pre) {
  if (e->kind == ND_NAME && e->var && e->var->kind == VAR_LOCAL) {
    Node *def = NULL;
    for (int k = 0; k < pre->len; k++) {
      Node *s = pre->data[k];
      if (s->kind == ND_ASSIGN && s->targets.len == 1 &&
          ((Node *)s->targets.data[0])->kind == ND_NAME &&
          ((Node *)s->targets.data[0])->var == e->var)
        def = def ? e : s->value;  // assigned twice: not a plain length
    }
    return def && def != e && is_len_of(g, def, binding, pre);
  }
  if (e->kind != ND_CALL || e->builtin != BI_LEN || e->args.len != 1)
    return false;
  Node *p = arg(e, 0);
  if (p->kind != ND_NAME || !p->var || p->var->kind != VAR_PARAM)
    return false;
  Func *k = g->p->kernel;
  for (int n = 0; n < k->nparams; n++)
    if (k->params[n] == p->var)
      return g->p->choice.binding[n] == binding;
  return false;
}

// `for NAME in range(len(xs or ys))` directly in `body`; its position.
static int find_axis_loop(CudaGen *g, PtrVec *body, char binding,
                          PtrVec *pre) {
  for (int k = 0; k < body->len; k++) {
    Node *s = body->data[k];
    if (s->kind == ND_FOR && s->range_loop && s->target->kind == ND_NAME &&
        s->iter->args.len == 1 && s->orelse.len == 0 &&
        is_len_of(g, arg(s->iter, 0), binding, pre))
      return k;
  }
  return -1;
}

// The statements of the j loop around the i loop may only make the row
// (`row = [0] * N` or `row = []`) and add it to the result (`d.append(row)`)
// besides computing scalars.
static Var *assigned_list(Node *s) {
  if (s->kind == ND_ASSIGN && s->targets.len == 1 &&
      ((Node *)s->targets.data[0])->kind == ND_NAME && is_list_value(s))
    return ((Node *)s->targets.data[0])->var;
  return NULL;
}

static bool is_row_bookkeeping(CudaGen *g, Node *s) {
  Var *v = assigned_list(s);
  if (v && (v == g->row || v == g->result))
    return true;
  if (s->kind == ND_EXPR && s->value->kind == ND_CALL &&
      s->value->builtin == BI_APPEND && s->value->func->kind == ND_ATTRIBUTE) {
    Node *l = s->value->func->value;
    return l->kind == ND_NAME && l->var == g->result;
  }
  return false;
}

static void grid_part(CudaGen *g, PtrVec *body, int from, int to) {
  for (int k = from; k < to; k++) {
    Node *s = body->data[k];
    if (is_row_bookkeeping(g, s))
      continue;
    if (is_list_value(s))
      diag_error_node(g->d, s, "on the GPU a grid kernel may make only its "
                      "result and its rows as lists");
    check_every_thread(g, s);
    cg_stmt(g, s);
  }
}

void cg_grid_entry(CudaGen *g) {
  Program *p = g->p;
  PtrVec *body = &p->kernel->def->body;
  int jat = find_axis_loop(g, body, 'y', body);
  Node *jloop = jat >= 0 ? body->data[jat] : NULL;
  int iat = jloop ? find_axis_loop(g, &jloop->body, 'x', body) : -1;
  if (iat < 0)
    diag_error_node(g->d, p->kernel->def, "on the GPU a grid kernel must "
                    "loop `for j in range(len(ys))` around `for i in "
                    "range(len(xs))` to map them onto threads");
  g->grid_j = jloop;
  g->grid_i = jloop->body.data[iat];
  g->result = returned_list(g, body, jat);
  for (int k = 0; k < iat && !g->row; k++)
    g->row = assigned_list(jloop->body.data[k]);
  const char *why;
  Node *where;
  if (!parallel_check_loop(g->a, p->kernel, &jloop->body, g->grid_i,
                           g->result, g->row, &why, &where) ||
      !parallel_check_loop(g->a, p->kernel, body, jloop, g->result, g->row,
                           &why, &where))
    diag_error_node(g->d, where ? where : jloop, "%s", why);
  open_kernel_body(g);
  grid_part(g, body, 0, jat);
  cg_mark_line(g, jloop);
  cg_line(g, "%s = mandelc_j;", cg_var_name(g, jloop->target->var));
  g->print_gate = "mandelc_i == 0";  // every thread of row j runs these
  grid_part(g, &jloop->body, 0, iat);
  g->print_gate = NULL;
  cg_mark_line(g, g->grid_i);
  cg_line(g, "%s = mandelc_i;", cg_var_name(g, g->grid_i->target->var));
  g->ploop = g->grid_i;  // continue in its body ends the thread
  g->ploop_depth = 0;
  cg_stmts(g, &g->grid_i->body);
  g->print_gate = "";  // a row's end: refused (print_values)
  grid_part(g, &jloop->body, iat + 1, jloop->body.len);
  g->print_gate = NULL;
  g->ploop = NULL;
  close_body(g, true);
}
