// infer_reach.c - step 1: which functions and variables the kernel
// reaches, with the types their declarations fix.
//
// Starting at the kernel, a syntactic walk of each reached function
// declares its locals (every name it stores to, Python's rule), gives each
// comprehension target a variable of its own, reports every construct
// outside the kernel language it meets (diag_error_soft, so one run lists
// several) and follows calls to other top-level functions, which join
// Program.funcs in the order they are found. Types come in only where the
// program fixes them: the driver's binding of the kernel's parameters and
// its form's return type, and annotations. Everything else is left unknown
// (NULL) for the typing passes of step 2.
#include <assert.h>
#include <string.h>

#include "infer_internal.h"

// ---- annotations and parameters --------------------------------------------

// The name an annotation is spelled with (list, List, typing.List: the
// attribute's name), NULL when it is not a name.
static const char *annotation_base(const Node *n) {
  if (n->kind == ND_NAME || n->kind == ND_ATTRIBUTE)
    return n->name;  // list, List, typing.List
  return NULL;
}

// int, float, complex, bool, None, list[T] / List[T], tuple[T, ...].
// Bare `list` is a list whose element type inference finds.
static Type *annotation_type(Infer *in, Node *n) {
  static const struct {
    const char *name;
    Type *type;
  } scalars[] = {{"int", &ty_int},
                 {"float", &ty_float},
                 {"complex", &ty_complex},
                 {"bool", &ty_bool}};
  if (is_none_constant(n))
    return &ty_none;
  for (int i = 0; n->kind == ND_NAME && i < COUNT(scalars); i++)
    if (strcmp(n->name, scalars[i].name) == 0)
      return scalars[i].type;
  const char *base = annotation_base(n);
  if (base && (!strcmp(base, "list") || !strcmp(base, "List")))
    return type_list(in->a, NULL);
  if (n->kind == ND_SUBSCRIPT && (base = annotation_base(n->value))) {
    if (!strcmp(base, "list") || !strcmp(base, "List"))
      return type_list(in->a, annotation_type(in, n->index));
    if ((!strcmp(base, "tuple") || !strcmp(base, "Tuple")) &&
        n->index->kind == ND_TUPLE) {
      int k = n->index->elts.len;
      Type **items = arena_alloc(in->a, sizeof(Type *) * (size_t)k);
      for (int i = 0; i < k; i++)
        items[i] = annotation_type(in, n->index->elts.data[i]);
      return type_tuple(in->a, items, k);
    }
  }
  diag_error_node(in->d, n,
                  "unsupported annotation; write int, float, complex, bool "
                  "or a list of them such as list[float]");
}

// The type the driver passes for a parameter bound to `b` (select.c).
static Type *binding_type(Infer *in, KernelForm form, char b) {
  switch (b) {
  case 'q':
  case 'z':
    return type_list(in->a, &ty_complex);
  case 'm':
    return &ty_int;
  case 'o':
    return type_list(in->a, &ty_int);
  case 'c':
    return &ty_complex;
  default:  // 'x', 'y': lists in the grid form, floats in the point form
    return form == FORM_GRID ? type_list(in->a, &ty_float) : &ty_float;
  }
}

// What the driver expects back from each kernel form (docs/language.md §3).
// A kernel that fills an output list returns nothing.
static Type *kernel_return_type(Infer *in, const KernelChoice *kernel) {
  if (memchr(kernel->binding, 'o', (size_t)kernel->nparams))
    return &ty_none;
  switch (kernel->form) {
  case FORM_LIST:
    return type_list(in->a, &ty_int);
  case FORM_GRID:
    return type_list(in->a, type_list(in->a, &ty_int));
  case FORM_POINT_C:
  case FORM_POINT_XY:
    return &ty_int;
  case FORM_CALL:
    break;
  }
  assert(!"a called kernel's result is its annotation's");
  return NULL;
}

// A variable of f, appended to Func.vars so that its index is stable for
// the back ends' slot numbering; its type starts unknown.
static VarInfo *new_var(Infer *in, FuncInfo *f, const char *name,
                        VarKind kind, Node *at) {
  VarInfo *v = arena_alloc(in->a, sizeof *v);
  v->var.name = v->source_name = name;
  v->var.kind = kind;
  v->var.func = &f->func;
  v->var.index = f->func.vars.len;
  v->first = at;
  vec_push(in->a, &f->func.vars, &v->var);
  return v;
}

// Fixes a variable's type from an annotation; a bare `list` only gives the
// kind, so the variable stays open to inference.
static void declare(Infer *in, VarInfo *v, Type *t, Node *at) {
  if (v->declared && !type_equal(v->var.ty, t))
    diag_error_node(in->d, at, "'%s' is annotated as %s here but as %s at "
                    "line %d", v->var.name, tname(in, t),
                    tname(in, v->var.ty), v->var.def->line);
  v->var.ty = t;
  v->var.def = at;
  v->declared = !has_unknown(t);
}

// Parameter i of f. A kernel parameter has the type the driver passes,
// which an annotation may only repeat; another function's parameter is
// fixed by its annotation or left to its call sites.
static void add_param(Infer *in, FuncInfo *f, Node *arg,
                      const KernelChoice *kernel, int i) {
  if (arg->kind != ND_ARG)
    diag_error_node(in->d, arg, "*args and **kwargs parameters are not "
                    "supported in kernels; name each parameter");
  VarInfo *v = new_var(in, f, arg->name, VAR_PARAM, arg);
  v->var.def = arg;
  Type *ann = arg->annotation ? annotation_type(in, arg->annotation) : NULL;
  if (!kernel || kernel->form == FORM_CALL) {
    if (ann)
      declare(in, v, ann, arg);
    return;
  }
  Type *bound = binding_type(in, kernel->form, kernel->binding[i]);
  if (ann && !type_equal(ann, bound))
    diag_error_node(in->d, arg->annotation,
                    "'%s' is annotated as %s, but the driver passes %s",
                    arg->name, tname(in, ann), a_type(in, bound));
  declare(in, v, bound, arg);
  v->kernel_param = true;
}

// A Func for `def`, with its parameters; the kernel's types come from the
// driver's binding, another function's from annotations and call sites.
static FuncInfo *add_function(Infer *in, Node *def,
                              const KernelChoice *kernel) {
  FuncInfo *f = arena_alloc(in->a, sizeof *f);
  f->func.name = def->name;
  f->func.def = def;
  f->func.is_kernel = kernel != NULL;
  f->func.nparams = def->args.len;
  vec_push(in->a, &in->p->funcs, f);
  for (int i = 0; i < def->args.len; i++)
    add_param(in, f, def->args.data[i], kernel, i);
  Type *ann = def->returns ? annotation_type(in, def->returns) : NULL;
  if (kernel && kernel->form != FORM_CALL) {
    Type *want = kernel_return_type(in, kernel);
    if (ann && !type_equal(ann, want))
      diag_error_node(in->d, def->returns,
                      "a %s kernel returns %s, not %s",
                      select_form_name(kernel->form), tname(in, want),
                      tname(in, ann));
    ann = want;
  }
  if (ann && !has_unknown(ann)) {
    f->func.ret = ann;
    f->ret_declared = true;
    f->ret_def = def->returns ? def->returns : def;
  }
  return f;
}

// ---- step 1: reach ---------------------------------------------------------
//
// A syntactic walk of each reached function: declares its locals, names its
// comprehension variables, reports what the kernel language lacks (going
// on to find more) and collects the functions it calls.

static void check_expr(Infer *in, Node *n);
static void check_block(Infer *in, PtrVec *body);

// Reports a construct outside the kernel language and goes on, so that one
// run lists every such construct (up to Diag.max_errors).
static void unsupported(Infer *in, const Node *n, const char *msg) {
  diag_error_soft(in->d, n->line, n->col, "%s", msg);
}

// A name stored to anywhere in a function is local to it (Python's rule).
static VarInfo *declare_local(Infer *in, Node *name) {
  VarInfo *v = infer_lookup_local(in, name->name);
  if (!v)
    v = new_var(in, in->fn, name->name, VAR_LOCAL, name);
  return v;
}

// A store target: names become locals; a subscript is an expression to
// check; what Python allows but kernels lack (attributes, *rest) is
// reported here, before any typing.
static void check_target(Infer *in, Node *t) {
  switch (t->kind) {
  case ND_NAME:
    declare_local(in, t);
    break;
  case ND_TUPLE:
  case ND_LIST:
    for (int i = 0; i < t->elts.len; i++)
      check_target(in, t->elts.data[i]);
    break;
  case ND_SUBSCRIPT:
    if (t->index->kind == ND_SLICE) {
      unsupported(in, t, "assigning to a slice is not supported in kernels; "
                  "store one element at a time");
      break;
    }
    check_expr(in, t->value);
    check_expr(in, t->index);
    break;
  case ND_ATTRIBUTE:
    unsupported(in, t, "assigning to an attribute is not supported in "
                "kernels");
    break;
  case ND_STARRED:
    unsupported(in, t, "starred assignment is not supported in kernels; "
                "unpack into one name per value");
    break;
  default:
    unsupported(in, t, "cannot assign to this in a kernel");
  }
}

static void check_each(Infer *in, PtrVec *v) {
  for (int i = 0; i < v->len; i++)
    check_expr(in, v->data[i]);
}

// What infer_rewrite_prints leaves of print's keywords: end='' (the back
// ends' print without a newline), or what it could not take.
static void check_print_keyword(Infer *in, Node *k) {
  Node *v = k->value;
  bool is_end = k->name && !strcmp(k->name, "end");
  if (is_end && is_str_constant(v) && v->cval.slen == 0) {
    v->ty = &ty_str;
    return;
  }
  diag_error_soft(in->d, k->line, k->col,
                  "print(..., %s=...) is not supported in kernels; sep= and "
                  "end= take constant strings, flush= True or False",
                  k->name ? k->name : "**");
}

// A parameter's default value, copied for one call: a constant, or a
// negated one (Python evaluates it once, so a copy is the same value).
static Node *default_value(Infer *in, Node *call, Node *arg) {
  Node *v = arg->value;
  bool negated = v->kind == ND_UNARYOP &&
                 (v->op == OP_USUB || v->op == OP_UADD) &&
                 v->value->kind == ND_CONSTANT;
  if (v->kind != ND_CONSTANT && !negated)
    diag_error_node(in->d, v, "the default value of '%s' must be a constant "
                    "in kernels (it is used by the call at line %d)",
                    arg->name, call->line);
  Node *copy = arena_alloc(in->a, sizeof *copy);
  *copy = *v;
  copy->ty = NULL;
  if (negated) {
    copy->value = arena_alloc(in->a, sizeof *copy->value);
    *copy->value = *v->value;
    copy->value->ty = NULL;
  }
  return copy;
}

// A call of the file's own function with keyword arguments or leaving out
// parameters that have defaults: rewritten to pass every argument by
// position, as Python binds them, so that nothing after sees keywords.
static void bind_call_arguments(Infer *in, Node *n, Node *def) {
  int np = def->args.len;
  if ((n->keywords.len == 0 && n->args.len >= np) || n->args.len > np)
    return;  // a count error, if any, is user_call's
  for (int i = 0; i < n->args.len; i++)
    if (((Node *)n->args.data[i])->kind == ND_STARRED)
      return;  // *args: reported as unsupported
  Node **slots = arena_alloc(in->a, sizeof *slots * (size_t)(np ? np : 1));
  for (int i = 0; i < np; i++) {
    Node *arg = def->args.data[i];
    if (arg->kind != ND_ARG)
      return;  // *args: reported with the def
    slots[i] = i < n->args.len ? n->args.data[i] : NULL;
  }
  int last_at = -1;
  bool out_of_order = false;
  for (int k = 0; k < n->keywords.len; k++) {
    Node *kw = n->keywords.data[k];
    if (!kw->name)
      diag_error_node(in->d, kw, "**kwargs is not supported in kernels; "
                      "pass each argument by name or position");
    int at = -1;
    for (int i = 0; i < np; i++)
      if (strcmp(((Node *)def->args.data[i])->name, kw->name) == 0)
        at = i;
    if (at < 0)
      diag_error_node(in->d, kw, "%s() got an unexpected keyword argument "
                      "'%s'", def->name, kw->name);
    if (slots[at])
      diag_error_node(in->d, kw, "%s() got multiple values for argument "
                      "'%s'", def->name, kw->name);
    slots[at] = kw->value;
    if (at < last_at)
      out_of_order = true;
    last_at = at;
  }
  // Python evaluates arguments in the order they are written; passed by
  // position they are evaluated in the parameters' order, which is the
  // same unless keywords come out of order: then each must be a name or a
  // constant, which cannot raise or print whatever the order.
  for (int k = 0; out_of_order && k < n->keywords.len; k++) {
    Node *kw = n->keywords.data[k];
    Node *v = kw->value;
    bool simple = v->kind == ND_NAME || v->kind == ND_CONSTANT ||
                  (v->kind == ND_UNARYOP && v->value->kind == ND_CONSTANT);
    if (!simple)
      diag_error_node(in->d, v, "keyword arguments out of the parameters' "
                      "order must be names or constants in kernels (pass "
                      "'%s' in order, or compute it first)", kw->name);
  }
  // CPython's words: missing 2 required positional arguments: 'a' and 'b'
  int nmissing = 0;
  const char *names = "";
  for (int i = 0; i < np; i++) {
    Node *arg = def->args.data[i];
    if (slots[i] || arg->value)
      continue;
    names = arena_sprintf(in->a, "%s%s'%s'", names, nmissing ? " and " : "",
                          arg->name);
    nmissing++;
  }
  if (nmissing)
    diag_error_node(in->d, n, "%s() missing %d required positional "
                    "argument%s: %s", def->name, nmissing,
                    nmissing > 1 ? "s" : "", names);
  PtrVec args = {0};
  for (int i = 0; i < np; i++) {
    Node *arg = def->args.data[i];
    vec_push(in->a, &args, slots[i] ? slots[i] : default_value(in, n, arg));
  }
  n->args = args;
  n->keywords = (PtrVec){0};
}

// A call by name is only noted here: whether it names a def, a builtin or
// a local is known once every local of the function is (reach_function).
static void check_call(Infer *in, Node *n) {
  Node *def = n->func->kind == ND_NAME ? infer_find_def(in, n->func->name)
                                       : NULL;
  if (def && def->kind == ND_FUNCTIONDEF)
    bind_call_arguments(in, n, def);
  if (n->func->kind == ND_NAME)
    vec_push(in->a, &in->fn->call_names, n->func);
  else
    check_expr(in, n->func);
  check_each(in, &n->args);
  bool print = n->func->kind == ND_NAME && !strcmp(n->func->name, "print");
  for (int i = 0; print && i < n->keywords.len; i++)
    check_print_keyword(in, n->keywords.data[i]);
  if (n->keywords.len == 0 || print)
    return;
  // np.zeros(n, dtype=float): the module is the problem, not the keyword
  Node *f = n->func;
  ModuleName *m = f->kind == ND_ATTRIBUTE && f->value->kind == ND_NAME
                      ? infer_find_modname(in, f->value->name) : NULL;
  ModuleName *from = f->kind == ND_NAME && !infer_lookup_local(in, f->name)
                         ? infer_find_modname(in, f->name) : NULL;
  if ((m && !strcmp(m->module, "math") && !m->attr &&
       !strcmp(f->name, "isclose")) ||
      (from && !strcmp(from->module, "math") && from->attr &&
       !strcmp(from->attr, "isclose")))
    return;  // rel_tol= and abs_tol=, checked by infer_isclose
  if (m && strcmp(m->module, "math") != 0) {
    unsupported(in, f, arena_sprintf(in->a, "'%s.%s' is not available in "
                                     "kernels; use lists and the math "
                                     "module", m->module, f->name));
    return;
  }
  Node *k = n->keywords.data[0];
  if (!k->name)
    unsupported(in, k, "**kwargs is not supported in kernels; pass each "
                "argument by position");
  else
    diag_error_soft(in->d, k->line, k->col,
                    "keyword arguments are not supported in kernels; pass "
                    "'%s' by position", k->name);
}

// Each comprehension target becomes a variable of its own, "x.comp1", so
// it cannot clash with a local x (Python 3 gives it its own scope).
static void check_listcomp(Infer *in, Node *n) {
  infer_rewrite_comprehension(in, n);
  for (int i = 0; i < n->generators.len; i++) {
    Node *gen = n->generators.data[i];
    check_expr(in, gen->iter);
    if (gen->target->kind != ND_NAME) {
      unsupported(in, gen->target, "a comprehension variable must be a "
                  "single name in kernels");
      continue;
    }
    if (!gen->target->var) {
      const char *name = arena_sprintf(in->a, "%s.comp%d", gen->target->name,
                                       ++in->fn->ncomp);
      VarInfo *v = new_var(in, in->fn, name, VAR_LOCAL, gen->target);
      v->source_name = gen->target->name;
      gen->target->var = &v->var;
    }
    check_each(in, &gen->ifs);
  }
  check_expr(in, n->elt);
}

// v[lo:hi:st]: the comprehension that reads a list's slice, made now so
// that its variable (always an int) is a local like any other; the typing
// puts it, or a tuple's items, in the subscript's place.
static void check_slice(Infer *in, Node *n) {
  check_expr(in, n->value);
  check_expr(in, n->index->lower);
  check_expr(in, n->index->upper);
  n->elt = infer_slice_comprehension(in, n);
  check_listcomp(in, n->elt);
  Node *gen = n->elt->generators.data[0];
  declare(in, (VarInfo *)gen->target->var, &ty_int, gen->target);
}

// 'is' and 'in' compare identities and containers, which kernels lack;
// one report per chain is enough.
static void check_compare(Infer *in, Node *n) {
  check_expr(in, n->left);
  check_each(in, &n->comparators);
  for (int i = 0; i < n->ops.len; i++) {
    Operator op = (Operator)(intptr_t)n->ops.data[i];
    if (op == OP_IS || op == OP_ISNOT) {
      unsupported(in, n, "'is' is not supported in kernels; compare numbers "
                  "with ==");
      return;
    }
    // 'in' and 'not in' are typed (and rewritten) by infer_expr.c
  }
}

// Walks an expression for what the kernel language lacks; a flat switch
// over node kinds, with each message saying what to write instead.
static void check_expr(Infer *in, Node *n) {
  if (!n)
    return;
  switch (n->kind) {
  case ND_NAME:
    break;
  case ND_CONSTANT:
    if (n->cval.kind == CONST_ELLIPSIS)
      unsupported(in, n, "the Ellipsis constant '...' is not supported in "
                  "kernels; write pass, or the value it stands for");
    break;
  case ND_BOOLOP:
    check_each(in, &n->values);
    break;
  case ND_BINOP:
    if (n->op == OP_MATMUL)
      unsupported(in, n, "'@' is not supported in kernels");
    check_expr(in, n->left);
    check_expr(in, n->right);
    break;
  case ND_UNARYOP:
  case ND_ATTRIBUTE:
    check_expr(in, n->value);
    break;
  case ND_IFEXP:
    check_expr(in, n->test);
    check_expr(in, n->body_expr);
    check_expr(in, n->orelse_expr);
    break;
  case ND_COMPARE:
    check_compare(in, n);
    break;
  case ND_CALL:
    check_call(in, n);
    break;
  case ND_SUBSCRIPT:
    if (n->index->kind == ND_SLICE) {
      check_slice(in, n);
      break;
    }
    if (n->index->kind == ND_TUPLE)
      unsupported(in, n->index, "multi-dimensional indexing is not "
                  "supported in kernels; write a[i][j]");
    check_expr(in, n->value);
    check_expr(in, n->index);
    break;
  case ND_LIST:
  case ND_TUPLE:
    check_each(in, &n->elts);
    break;
  case ND_LISTCOMP:
    check_listcomp(in, n);
    break;
  case ND_DICT:
    unsupported(in, n, n->keys.len > 0 && n->values.len == 0
                           ? "sets are not supported in kernels; use a list"
                           : "dicts are not supported in kernels; use a "
                             "list");
    break;
  case ND_LAMBDA:
    unsupported(in, n, "a lambda is only supported in kernels when it is "
                "named (f = lambda x: ...) and then called");
    break;
  case ND_SLICE:  // a Subscript's index, checked there
    assert(!"a slice outside a subscript");
    break;
  case ND_STARRED:
    unsupported(in, n, "*args is not supported in kernels; pass each "
                "argument by position");
    break;
  default:
    unsupported(in, n, arena_sprintf(in->a, "%s expressions are not "
                                     "supported in kernels",
                                     node_kind_names[n->kind]));
  }
}

// `x: T = v` fixes x's type in step 1 already, so every pass sees it.
static void check_annassign(Infer *in, Node *s) {
  check_target(in, s->target);
  check_expr(in, s->value);
  if (s->target->kind == ND_NAME)
    declare(in, infer_lookup_local(in, s->target->name),
            annotation_type(in, s->annotation), s->target);
}

// The statements no kernel may contain, with what to write instead.
static const char *unsupported_stmt(const Node *s) {
  switch (s->kind) {
  case ND_CLASSDEF:
    return "classes are not supported in kernels";
  case ND_DELETE:
    return "del is not supported in kernels";
  case ND_WITH:
    return "with statements are not supported in kernels";
  case ND_RAISE:
    return "raise is not supported in kernels; return a value that says "
           "what went wrong";
  case ND_TRY:
    return "try statements are not supported in kernels";
  case ND_GLOBAL:
    return "global is not supported in kernels; pass the value as a "
           "parameter or read a module constant";
  case ND_ASSERT:
    return "assert is not supported in kernels; use if";
  default:
    return NULL;  // named by its kind (check_stmt)
  }
}

// Walks a statement: declares what it stores to and notes whether a return
// has a value (a function without one returns None). An import inside a
// function is recorded like a module-level one, so its names resolve in
// every function (Python would bind them locally; no kernel can tell).
static void check_stmt(Infer *in, Node *s) {
  switch (s->kind) {
  case ND_ASSIGN:
    for (int i = 0; i < s->targets.len; i++)
      check_target(in, s->targets.data[i]);
    check_expr(in, s->value);
    break;
  case ND_AUGASSIGN:
    check_target(in, s->target);
    check_expr(in, s->value);
    break;
  case ND_ANNASSIGN:
    check_annassign(in, s);
    break;
  case ND_FOR:
    check_target(in, s->target);
    check_expr(in, s->iter);
    check_block(in, &s->body);
    check_block(in, &s->orelse);
    break;
  case ND_WHILE:
  case ND_IF:
    check_expr(in, s->test);
    check_block(in, &s->body);
    check_block(in, &s->orelse);
    break;
  case ND_RETURN:
    check_expr(in, s->value);
    if (s->value && !is_none_constant(s->value))
      in->fn->returns_value = true;
    break;
  case ND_EXPR:
    if (!is_str_constant(s->value))  // a docstring
      check_expr(in, s->value);
    break;
  case ND_PRINT:
    check_each(in, &s->values);
    break;
  case ND_PASS:
  case ND_BREAK:
  case ND_CONTINUE:
    break;
  case ND_IMPORT:
  case ND_IMPORTFROM:
    infer_add_imports(in, s, NULL);
    break;
  case ND_UNSUPPORTED:  // the parser's message (parse.c, stmt)
    unsupported(in, s, s->name);
    break;
  case ND_FUNCTIONDEF:  // infer_lift.c lifted the undecorated ones
    diag_error_soft(in->d, s->line, s->col,
                    "decorated nested functions are not supported in "
                    "kernels; remove the decorator from '%s'", s->name);
    break;
  default:
    unsupported(in, s, unsupported_stmt(s) ? unsupported_stmt(s)
                       : arena_sprintf(in->a, "%s statements are not "
                                       "supported in kernels",
                                       node_kind_names[s->kind]));
  }
}

static void check_block(Infer *in, PtrVec *body) {
  infer_lift_nested(in, body);
  infer_rewrite_loops(in, body);
  infer_rewrite_prints(in, body);
  for (int i = 0; i < body->len; i++)
    check_stmt(in, body->data[i]);
}

FuncInfo *infer_func_of_def(Infer *in, Node *def) {
  for (int i = 0; i < in->p->funcs.len; i++) {
    FuncInfo *f = in->p->funcs.data[i];
    if (f->func.def == def)
      return f;
  }
  return add_function(in, def, NULL);
}

// Scans one function and adds the top-level functions it calls to
// Program.funcs (a name it stores to is a local, not a call to a def).
static void reach_function(Infer *in, FuncInfo *f) {
  in->fn = f;
  check_block(in, &f->func.def->body);
  if (!f->ret_declared && !f->returns_value)
    f->func.ret = &ty_none;
  for (int i = 0; i < f->call_names.len; i++) {
    Node *name = f->call_names.data[i];
    Node *def = infer_lookup_local(in, name->name)
                    ? NULL
                    : infer_find_def(in, name->name);
    if (def)
      vec_push(in->a, &f->callees, infer_func_of_def(in, def));
  }
  in->fn = NULL;
}

// Does `from` call `to`, directly or through other functions?
static bool calls(Infer *in, FuncInfo *from, FuncInfo *to) {
  PtrVec seen = {0};
  vec_push(in->a, &seen, from);
  for (int i = 0; i < seen.len; i++) {
    FuncInfo *f = seen.data[i];
    for (int j = 0; j < f->callees.len; j++) {
      FuncInfo *g = f->callees.data[j];
      if (g == to)
        return true;
      bool known = false;
      for (int k = 0; k < seen.len && !known; k++)
        known = seen.data[k] == g;
      if (!known)
        vec_push(in->a, &seen, g);
    }
  }
  return false;
}

// Step 1 for the whole program: the kernel, then everything it reaches.
void infer_reach(Infer *in, const KernelChoice *choice) {
  FuncInfo *kernel = add_function(in, choice->def, choice);
  in->p->kernel = &kernel->func;
  for (int i = 0; i < in->p->funcs.len; i++)
    reach_function(in, in->p->funcs.data[i]);
  diag_check(in->d);
  for (int i = 0; i < in->p->funcs.len; i++) {
    FuncInfo *f = in->p->funcs.data[i];
    f->func.params = (Var **)f->func.vars.data;
    f->func.recursive = calls(in, f, f);
  }
}
