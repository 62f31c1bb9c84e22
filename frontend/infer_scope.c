// infer_scope.c - what the module binds: imports, top-level functions,
// module constants, and the locals of the function being typed.
//
// Python decides scope by where a name is stored, so lookups here follow
// its order: a comprehension variable in scope, then a local or parameter
// of the function (step 1 declared them all), then the module. The module
// is only ever scanned, never run: its imports and defs are collected once
// (the last binding of a name wins, as it would when the module is run),
// and a module variable the kernel reads must be assigned exactly once, at
// top level, from numbers and arithmetic: a constant, typed on its own the
// first time compiled code reads it.
#include <string.h>

#include "infer_internal.h"

// Calls fn on every statement that runs at module level: the module body
// and what is nested in its if/for/while/try/with, but no function or
// class body.
static void each_module_stmt(Infer *in, PtrVec *body,
                             void (*fn)(Infer *, Node *, void *), void *arg) {
  for (int i = 0; i < body->len; i++) {
    Node *s = body->data[i];
    fn(in, s, arg);
    switch (s->kind) {
    case ND_IF:
    case ND_WHILE:
    case ND_FOR:
    case ND_WITH:
    case ND_TRY:
      each_module_stmt(in, &s->body, fn, arg);
      each_module_stmt(in, &s->orelse, fn, arg);
      each_module_stmt(in, &s->finalbody, fn, arg);
      for (int h = 0; h < s->handlers.len; h++) {
        Node *handler = s->handlers.data[h];
        each_module_stmt(in, &handler->body, fn, arg);
      }
      break;
    default:
      break;
    }
  }
}

static void add_modname(Infer *in, const char *name, const char *module,
                        const char *attr) {
  ModuleName *m = arena_alloc(in->a, sizeof *m);
  m->name = name;
  m->module = module;
  m->attr = attr;
  vec_push(in->a, &in->modnames, m);
}

// `import a.b` binds a (to module a); `import a.b as c` binds c to a.b.
void infer_add_imports(Infer *in, Node *s, void *unused) {
  (void)unused;
  for (int i = 0; s->kind == ND_IMPORT && i < s->args.len; i++) {
    Node *alias = s->args.data[i];
    const char *dot = strchr(alias->name, '.');
    const char *top = dot ? arena_strndup(in->a, alias->name,
                                          (size_t)(dot - alias->name))
                          : alias->name;
    if (alias->asname)
      add_modname(in, alias->asname, alias->name, NULL);
    else
      add_modname(in, top, top, NULL);
  }
  for (int i = 0; s->kind == ND_IMPORTFROM && i < s->args.len; i++) {
    Node *alias = s->args.data[i];
    const char *module = s->name ? s->name : "";
    add_modname(in, alias->asname ? alias->asname : alias->name, module,
                alias->name);
  }
}

// What `name` is bound to by an import, the last binding winning; a star
// import of math binds every math name. NULL when no import binds it.
ModuleName *infer_find_modname(Infer *in, const char *name) {
  for (int i = in->modnames.len - 1; i >= 0; i--) {
    ModuleName *m = in->modnames.data[i];
    if (same_name(m->name, name))
      return m;
    if (strcmp(m->name, "*") == 0 && strcmp(m->module, "math") == 0 &&
        infer_is_math_name(name)) {
      add_modname(in, name, "math", name);
      return in->modnames.data[in->modnames.len - 1];
    }
  }
  return NULL;
}

static void add_def(Infer *in, Node *s, void *unused) {
  (void)unused;
  if (s->kind == ND_FUNCTIONDEF)
    vec_push(in->a, &in->defs, s);
}

// `if __name__ == "__main__":`, the block whose place the driver takes.
static bool is_main_guard(const Node *s) {
  const Node *t = s->test;
  if (s->kind != ND_IF || t->kind != ND_COMPARE || t->comparators.len != 1)
    return false;
  const Node *l = t->left, *r = t->comparators.data[0];
  return l->kind == ND_NAME && !strcmp(l->name, "__name__") &&
         is_str_constant(r) && !strcmp(r->cval.str, "__main__");
}

// A top-level statement that would do something when the module runs: not
// a definition, an import, an assignment (constants are computed when a
// kernel reads them), a docstring or the main guard.
static bool is_module_code(const Node *s) {
  switch (s->kind) {
  case ND_FUNCTIONDEF:
  case ND_CLASSDEF:
  case ND_IMPORT:
  case ND_IMPORTFROM:
  case ND_ASSIGN:
  case ND_ANNASSIGN:
  case ND_PASS:
  case ND_GLOBAL:
    return false;
  case ND_EXPR:
    return !is_str_constant(s->value);
  case ND_UNSUPPORTED:  // `async def` defines, like def
    return !(tok_is(s->tok, "async") && tok_is(s->tok->next, "def"));
  default:
    return !is_main_guard(s);
  }
}

// mandelc never runs the module (the driver calls the kernel), so code at
// its top level is skipped: said once, for the first such statement.
static void note_module_code(Infer *in) {
  for (int i = 0; i < in->module->body.len; i++) {
    Node *s = in->module->body.data[i];
    if (is_module_code(s) && in->d->out) {
      fprintf(in->d->out, "mandelc: module-level code at line %d is not "
              "run\n", s->line);
      return;
    }
  }
}

void infer_scan_module(Infer *in) {
  for (int i = 0; i < in->module->body.len; i++)
    add_def(in, in->module->body.data[i], NULL);
  each_module_stmt(in, &in->module->body, infer_add_imports, NULL);
  note_module_code(in);
}

// The top-level function called `name` (the last definition wins).
Node *infer_find_def(Infer *in, const char *name) {
  for (int i = in->defs.len - 1; i >= 0; i--) {
    Node *def = in->defs.data[i];
    if (same_name(def->name, name))
      return def;
  }
  return NULL;
}

Node *infer_find_class(Infer *in, const char *name) {
  for (int i = 0; i < in->module->body.len; i++) {
    Node *s = in->module->body.data[i];
    if (s->kind == ND_CLASSDEF && same_name(s->name, name))
      return s;
  }
  return NULL;
}

// The variable `name` names in the function being typed: a comprehension
// variable in scope, else a parameter or local. NULL in a module constant.
VarInfo *infer_lookup_local(Infer *in, const char *name) {
  for (int i = in->scope.len - 1; i >= 0; i--) {
    VarInfo *v = in->scope.data[i];
    if (same_name(v->source_name, name))
      return v;
  }
  if (!in->fn)
    return NULL;
  PtrVec *vars = &in->fn->func.vars;
  for (int i = 0; i < vars->len; i++) {
    VarInfo *v = vars->data[i];
    if (v->source_name == v->var.name && same_name(v->source_name, name))
      return v;
  }
  return NULL;
}

// The module-level store that defines module variable `name`.
typedef struct {
  const char *name;
  int count;       // stores found
  Node *stmt;      // the last of them
  Node *target;    // its target Name
  Node *value;     // the value stored into the Name, when one is known
} ModuleStore;

static void find_store(Infer *in, Node *target, Node *value, Node *stmt,
                       ModuleStore *ms) {
  (void)in;
  if (target->kind == ND_NAME && same_name(target->name, ms->name)) {
    ms->count++;
    ms->stmt = stmt;
    ms->target = target;
    ms->value = value;
  }
  bool unpack = target->kind == ND_TUPLE || target->kind == ND_LIST;
  for (int i = 0; unpack && i < target->elts.len; i++) {
    bool display = value && value->kind == ND_TUPLE &&
                   value->elts.len == target->elts.len;
    find_store(in, target->elts.data[i], display ? value->elts.data[i] : NULL,
               stmt, ms);
  }
}

static void find_module_stores(Infer *in, Node *s, void *arg) {
  ModuleStore *ms = arg;
  switch (s->kind) {
  case ND_ASSIGN:
    for (int i = 0; i < s->targets.len; i++)
      find_store(in, s->targets.data[i], s->value, s, ms);
    break;
  case ND_ANNASSIGN:
    find_store(in, s->target, s->value, s, ms);
    break;
  case ND_AUGASSIGN:
  case ND_FOR:
    find_store(in, s->target, NULL, s, ms);
    break;
  default:
    break;
  }
}

// Numbers, names, arithmetic and calls of builtins and math functions:
// what a module constant may be computed from (infer_fold.c computes it).
static bool is_constant_expr(Infer *in, const Node *n) {
  switch (n->kind) {
  case ND_CONSTANT:
  case ND_NAME:
    return true;
  case ND_ATTRIBUTE:
    return n->value->kind == ND_NAME || is_constant_expr(in, n->value);
  case ND_UNARYOP:
    return n->op != OP_NOT && is_constant_expr(in, n->value);
  case ND_BINOP:
    return is_constant_expr(in, n->left) && is_constant_expr(in, n->right);
  case ND_CALL:
    if (n->keywords.len > 0 ||
        (n->func->kind == ND_NAME && infer_find_def(in, n->func->name)) ||
        (n->func->kind != ND_NAME && n->func->kind != ND_ATTRIBUTE))
      return false;
    for (int i = 0; i < n->args.len; i++)
      if (!is_constant_expr(in, n->args.data[i]))
        return false;
    return true;
  default:
    return false;
  }
}

// A module constant's value: a constant expression, or a list or tuple
// display of them (`PALETTE = [0, 7, 15]`).
static bool is_constant_value(Infer *in, const Node *n) {
  if (n->kind != ND_LIST && n->kind != ND_TUPLE)
    return is_constant_expr(in, n);
  for (int i = 0; i < n->elts.len; i++)
    if (!is_constant_expr(in, n->elts.data[i]))
      return false;
  return n->elts.len > 0;
}

// A list or tuple constant whose items share one number type is a
// read-only list in kernels (list[T]): indexed, measured and looped over
// like any list, but never stored to (infer_expr.c). A tuple of mixed
// numbers stays a tuple value, read by constant index or unpacking.
static Type *sequence_constant(Infer *in, VarInfo *v, Type *t) {
  Node *value = v->var.value;
  Type *item = t->kind == TY_LIST ? t->elem : t->items[0];
  for (int i = 0; t->kind == TY_TUPLE && i < t->nitems; i++)
    if (!rank(t->items[i]))
      item = NULL;
    else if (item && t->items[i] != item)
      return t;  // a tuple of mixed numbers
  for (int i = 0; item && i < value->elts.len; i++)
    if (((Node *)value->elts.data[i])->ty != item)
      item = NULL;
  if (!rank(item))
    diag_error_node(in->d, value, "module constant '%s' is %s; kernels "
                    "can only read lists and tuples whose items are all "
                    "ints, all floats or all complex numbers",
                    v->var.name, a_type(in, t));
  value->kind = ND_LIST;
  value->ty = type_list(in->a, item);
  return value->ty;
}

// Types a module constant's value on its own (no locals in scope, and in
// final mode, since nothing it depends on changes later), then computes it.
static void type_constant(Infer *in, VarInfo *v) {
  FuncInfo *fn = in->fn;
  bool final = in->final;
  PtrVec scope = in->scope;
  bool list_read = in->list_read;
  in->fn = NULL;
  in->final = true;
  in->scope = (PtrVec){0};
  in->list_read = false;
  Type *t = infer_expr(in, &v->var.value);
  in->fn = fn;
  in->final = final;
  in->scope = scope;
  in->list_read = list_read;
  Node *value = v->var.value;
  bool display = value->kind == ND_LIST || value->kind == ND_TUPLE;
  if ((is_kind(t, TY_LIST) || is_kind(t, TY_TUPLE)) && !display)
    diag_error_node(in->d, value, "module constant '%s' is another "
                    "constant's list; kernels can only read the list itself",
                    v->var.name);
  if (is_kind(t, TY_LIST) || is_kind(t, TY_TUPLE))
    t = sequence_constant(in, v, t);
  else if (!rank(t))
    diag_error_node(in->d, v->var.value,
                    "module constant '%s' is %s; kernels can only read "
                    "constants that are numbers",
                    v->var.name, a_type(in, t));
  v->var.ty = t;
  v->var.value = infer_fold_constant(in, v->var.name, v->var.value);
}

// The module constant already looked up under use's name, or NULL. A
// constant still being typed is one whose value reads itself.
static VarInfo *known_const(Infer *in, Node *use) {
  for (int i = 0; i < in->consts.len; i++) {
    VarInfo *v = in->consts.data[i];
    if (!same_name(v->var.name, use->name))
      continue;
    if (v->const_state == 1)
      diag_error_node(in->d, use, "module constant '%s' is defined in "
                      "terms of itself", use->name);
    return v;
  }
  return NULL;
}

// The module constant `use` names, typed; NULL when the module does not
// assign the name at all. A name assigned more than once, inside a block,
// or to something other than numbers and arithmetic is an error.
VarInfo *infer_module_const(Infer *in, Node *use) {
  VarInfo *known = known_const(in, use);
  if (known)
    return known;
  ModuleStore ms = {.name = use->name};
  each_module_stmt(in, &in->module->body, find_module_stores, &ms);
  if (ms.count == 0)
    return NULL;
  const char *note = arena_sprintf(in->a, "'%s' is assigned here", use->name);
  if (ms.count > 1)
    infer_conflict(
        in, use, ms.target, note,
        "module variable '%s' is assigned more than once; kernels can "
        "only read module constants such as N = 100",
        use->name);
  bool top = false;
  for (int i = 0; i < in->module->body.len; i++)
    top = top || in->module->body.data[i] == ms.stmt;
  if (!top || !ms.value || ms.stmt->kind == ND_AUGASSIGN ||
      !is_constant_value(in, ms.value))
    infer_conflict(
        in, use, ms.target, note,
        "module variable '%s' is not a constant; kernels can only read "
        "module constants such as N = 100 or LIMIT = 4.0",
        use->name);
  VarInfo *v = arena_alloc(in->a, sizeof *v);
  v->var.name = v->source_name = use->name;
  v->var.kind = VAR_CONST;
  v->var.def = v->first = ms.target;
  v->var.value = ms.value;
  v->const_state = 1;
  vec_push(in->a, &in->consts, v);
  type_constant(in, v);
  v->const_state = 2;
  v->var.index = in->p->consts.len;
  vec_push(in->a, &in->p->consts, &v->var);
  return v;
}

// ---- did you mean ----------------------------------------------------------

// CPython's levenshtein_distance (Python/suggestions.c): an insertion,
// deletion or substitution costs 2, a change of case only 1.
static int distance(const char *a, const char *b) {
  size_t la = strlen(a), lb = strlen(b);
  if (la > 40 || lb > 40)
    return 1 << 20;
  int row[41];
  for (size_t j = 0; j <= lb; j++)
    row[j] = (int)j * 2;
  for (size_t i = 1; i <= la; i++) {
    int diag = row[0];
    row[0] = (int)i * 2;
    for (size_t j = 1; j <= lb; j++) {
      int up = row[j];
      char x = a[i - 1], y = b[j - 1];
      int cost = x == y ? 0
                 : (x | 0x20) == (y | 0x20) && ((x | 0x20) >= 'a' &&
                                               (x | 0x20) <= 'z') ? 1 : 2;
      int best = diag + cost;
      if (up + 2 < best)
        best = up + 2;
      if (row[j - 1] + 2 < best)
        best = row[j - 1] + 2;
      row[j] = best;
      diag = up;
    }
  }
  return row[lb];
}

const char *infer_suggest(const char *name, const char *const *cands,
                          int n) {
  const char *best = NULL;
  int best_cost = 0;
  for (int i = 0; i < n; i++) {
    if (!cands[i] || !strcmp(cands[i], name))
      continue;
    // CPython's bound: (len(a) + len(b) + 3) * MOVE_COST / 6
    int max = ((int)(strlen(name) + strlen(cands[i])) + 3) * 2 / 6;
    int d = distance(name, cands[i]);
    if (d <= max && (!best || d < best_cost)) {
      best = cands[i];
      best_cost = d;
    }
  }
  return best;
}

static void push_name(Infer *in, PtrVec *v, const char *name) {
  if (name && !strchr(name, '.'))
    vec_push(in->a, v, (void *)name);
}

static void add_stored_names(Infer *in, Node *s, void *arg) {
  if (s->kind == ND_ASSIGN && s->targets.len > 0) {
    Node *t = s->targets.data[0];
    if (t->kind == ND_NAME)
      push_name(in, arg, t->name);
  }
}

const char *infer_suggest_name(Infer *in, const char *name) {
  PtrVec names = {0};
  for (int i = 0; i < in->scope.len; i++)
    push_name(in, &names, ((VarInfo *)in->scope.data[i])->source_name);
  for (int i = 0; in->fn && i < in->fn->func.vars.len; i++)
    push_name(in, &names, ((VarInfo *)in->fn->func.vars.data[i])->source_name);
  for (int i = 0; i < in->defs.len; i++)
    push_name(in, &names, ((Node *)in->defs.data[i])->name);
  for (int i = 0; i < in->modnames.len; i++)
    push_name(in, &names, ((ModuleName *)in->modnames.data[i])->name);
  each_module_stmt(in, &in->module->body, add_stored_names, &names);
  static const char *const builtins[] = {"abs", "len", "range", "min", "max",
                                         "sum", "int", "float", "complex",
                                         "bool", "round", "pow", "divmod",
                                         "print", "enumerate", "zip",
                                         "reversed"};
  for (int i = 0; i < COUNT(builtins); i++)
    push_name(in, &names, builtins[i]);
  return infer_suggest(name, (const char *const *)names.data, names.len);
}

// ", did you mean 'x'?" or "", for a message about `name`.
const char *infer_did_you_mean(Infer *in, const char *suggestion) {
  return suggestion ? arena_sprintf(in->a, "; did you mean '%s'?",
                                    suggestion) : "";
}
