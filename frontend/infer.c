// infer.c - ShedSkin-style type inference: module AST in, typed Program out.
//
// Every variable has one type per function, the join of everything stored
// into it: bool widens to int, int to float, float to complex; any other
// mix (a list and an int, a list[int] and a list[float]) is an error that
// names both places. Inference runs in four steps:
//   1. reach: starting at the kernel, a syntactic scan of each function
//      finds its locals (every name it stores to, as Python decides
//      scope), creates a variable per comprehension target ("x.comp1"),
//      reports constructs outside the kernel language (several at once,
//      diag_error_soft) and follows calls to other top-level functions;
//   2. settle: typing passes over every reached function repeat until no
//      type changes. A type starts unknown (NULL) and only moves up the
//      lattice (unknown -> bool -> int -> float -> complex; list[?] ->
//      list[T]), so the passes terminate; an expression with an unknown
//      operand is unknown. Parameter types come from the call sites, so a
//      recursive function learns its return type from a return that does
//      not depend on itself. Conflicts are reported as soon as both types
//      are known, since a known type never becomes narrower;
//   3. check that nothing stayed unknown;
//   4. a final typing pass, with every type settled, makes conversions
//      explicit (ND_CONVERT), rewrites what needs no run-time work (int
//      .real, math.floor of an int) and leaves every expression typed.
// Module constants (`N = 100`) are typed once, when compiled code first
// reads them. Only the kernel, what it calls and the constants it reads are
// ever looked at: the rest of the module need not be in the subset.
//
// Documented departures from CPython, inherent in static types:
//   - `a or b`, `a and b` and `x if c else y` outside conditions have one
//     type, so `1 or 2.5` is 1.0; in a condition each operand is only
//     tested for truth and may have any number type;
//   - int ** int is an int when the exponent is a variable; a negative
//     exponent then raises ValueError at run time (CPython returns a
//     float). A negative constant exponent gives a float, as in CPython;
//   - a comparison chain compares all its operands in their joined type,
//     and int == float compares the int converted to float (CPython
//     compares exactly; they differ only past 2**53).
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "frontend.h"

// Typing passes before giving up. Each pass that changes something moves
// some type up a lattice a few levels deep, so real kernels settle in a
// handful; only a type that grows without end (a list that contains
// itself) gets near this.
#define INFER_MAX_PASSES 64

// A Var with what only inference needs. Var is the first member, so the
// Var* that Program hands out points at its VarInfo.
typedef struct {
  Var var;
  const char *source_name;  // the name in the source ("x" for "x.comp1")
  bool declared;            // annotated or bound by the driver: type fixed
  bool kernel_param;        // bound by the driver
  Node *first;              // first store, for "never typed" errors
  int const_state;          // VAR_CONST: 0 untyped, 1 typing, 2 typed
} VarInfo;

// A Func with what only inference needs; Func is the first member.
typedef struct {
  Func func;
  Node *ret_def;          // the return that fixed func.ret
  bool ret_declared;      // annotated, or the kernel's form fixes it
  bool returns_value;     // some return has a value
  PtrVec call_names;      // Name nodes called in the body (reach step)
  PtrVec callees;         // FuncInfo* called directly
  int ncomp;              // comprehension targets named so far
} FuncInfo;

// A name the module binds to a module or something imported from one.
typedef struct {
  const char *name;    // as bound: "m" for `import math as m`
  const char *module;  // "math", "numpy"
  const char *attr;    // "sqrt" for `from math import sqrt`; NULL for import
} ModuleName;

typedef struct {
  Arena *a;
  Diag *d;
  Program *p;
  Node *module;
  PtrVec defs;      // Node*: top-level FunctionDefs (the last of a name)
  PtrVec modnames;  // ModuleName*
  PtrVec consts;    // VarInfo*: module constants looked up so far
  FuncInfo *fn;     // the function being typed; NULL in a module constant
  PtrVec scope;     // VarInfo*: comprehension variables in scope
  bool final;       // the last pass: convert, rewrite, report unknowns
  bool changed;     // this pass changed a type
} Infer;

static Type *expr(Infer *in, Node **slot);
static void condition(Infer *in, Node **slot);
static void block(Infer *in, PtrVec *body);

// ---- tables ----------------------------------------------------------------

static const struct {
  const char *name;
  Builtin builtin;
  int min_args, max_args;  // -1: no limit
} builtin_funcs[] = {
    {"abs", BI_ABS, 1, 1},         {"len", BI_LEN, 1, 1},
    {"range", BI_RANGE, 1, 3},     {"xrange", BI_RANGE, 1, 3},
    {"min", BI_MIN, 1, -1},        {"max", BI_MAX, 1, -1},
    {"sum", BI_SUM, 1, 1},         {"int", BI_INT, 1, 1},
    {"float", BI_FLOAT, 1, 1},     {"complex", BI_COMPLEX, 1, 2},
    {"bool", BI_BOOL, 1, 1},       {"round", BI_ROUND, 1, 2},
    {"pow", BI_POW, 2, 2},         {"divmod", BI_DIVMOD, 2, 2},
    {"print", BI_PRINT, 0, -1},
};

// Python builtins outside the kernel language, for a better message than
// "not defined".
static const char *const unsupported_builtins[] = {
    "enumerate", "zip",   "map",    "filter", "sorted", "reversed",
    "list",      "dict",  "set",    "tuple",  "str",    "repr",
    "isinstance", "type", "any",    "all",    "input",  "open",
    "iter",      "next",  "hex",    "oct",    "bin",    "chr",
    "ord",       "hash",  "id",     "getattr", "setattr", "format",
    "frozenset", "object", "super", "vars",   "eval",   "exec",
};

typedef struct {
  const char *name;
  Builtin builtin;
  int min_args, max_args;
  TypeKind result;
} MathFunc;

static const MathFunc math_funcs[] = {
    {"sqrt", BI_MATH_SQRT, 1, 1, TY_FLOAT},
    {"exp", BI_MATH_EXP, 1, 1, TY_FLOAT},
    {"log", BI_MATH_LOG, 1, 2, TY_FLOAT},
    {"log2", BI_MATH_LOG2, 1, 1, TY_FLOAT},
    {"log10", BI_MATH_LOG10, 1, 1, TY_FLOAT},
    {"sin", BI_MATH_SIN, 1, 1, TY_FLOAT},
    {"cos", BI_MATH_COS, 1, 1, TY_FLOAT},
    {"tan", BI_MATH_TAN, 1, 1, TY_FLOAT},
    {"asin", BI_MATH_ASIN, 1, 1, TY_FLOAT},
    {"acos", BI_MATH_ACOS, 1, 1, TY_FLOAT},
    {"atan", BI_MATH_ATAN, 1, 1, TY_FLOAT},
    {"atan2", BI_MATH_ATAN2, 2, 2, TY_FLOAT},
    {"sinh", BI_MATH_SINH, 1, 1, TY_FLOAT},
    {"cosh", BI_MATH_COSH, 1, 1, TY_FLOAT},
    {"tanh", BI_MATH_TANH, 1, 1, TY_FLOAT},
    {"hypot", BI_MATH_HYPOT, 2, 2, TY_FLOAT},
    {"floor", BI_MATH_FLOOR, 1, 1, TY_INT},
    {"ceil", BI_MATH_CEIL, 1, 1, TY_INT},
    {"trunc", BI_MATH_TRUNC, 1, 1, TY_INT},
    {"fabs", BI_MATH_FABS, 1, 1, TY_FLOAT},
    {"pow", BI_MATH_POW, 2, 2, TY_FLOAT},
    {"fmod", BI_MATH_FMOD, 2, 2, TY_FLOAT},
    {"copysign", BI_MATH_COPYSIGN, 2, 2, TY_FLOAT},
    {"isnan", BI_MATH_ISNAN, 1, 1, TY_BOOL},
    {"isinf", BI_MATH_ISINF, 1, 1, TY_BOOL},
    {"isfinite", BI_MATH_ISFINITE, 1, 1, TY_BOOL},
    {"degrees", BI_MATH_DEGREES, 1, 1, TY_FLOAT},
    {"radians", BI_MATH_RADIANS, 1, 1, TY_FLOAT},
};

// The values of CPython's Modules/mathmodule.c: M_PI, M_E, 2*M_PI (exact),
// Py_INFINITY and a quiet NaN.
static const struct {
  const char *name;
  double value;
} math_consts[] = {
    {"pi", M_PI}, {"e", M_E}, {"tau", 2 * M_PI}, {"inf", INFINITY},
    {"nan", NAN},
};

#define COUNT(array) ((int)(sizeof(array) / sizeof((array)[0])))

static const MathFunc *find_math_func(const char *name) {
  for (int i = 0; i < COUNT(math_funcs); i++)
    if (strcmp(math_funcs[i].name, name) == 0)
      return &math_funcs[i];
  return NULL;
}

static bool find_math_const(const char *name, double *value) {
  for (int i = 0; i < COUNT(math_consts); i++)
    if (strcmp(math_consts[i].name, name) == 0) {
      *value = math_consts[i].value;
      return true;
    }
  return false;
}

static int find_builtin(const char *name) {
  for (int i = 0; i < COUNT(builtin_funcs); i++)
    if (strcmp(builtin_funcs[i].name, name) == 0)
      return i;
  return -1;
}

static bool is_unsupported_builtin(const char *name) {
  for (int i = 0; i < COUNT(unsupported_builtins); i++)
    if (strcmp(unsupported_builtins[i], name) == 0)
      return true;
  return false;
}

// ---- types and their joins -------------------------------------------------

// Position in the number tower, 0 for anything else.
static int rank(const Type *t) {
  if (!t)
    return 0;
  switch (t->kind) {
  case TY_BOOL:
    return 1;
  case TY_INT:
    return 2;
  case TY_FLOAT:
    return 3;
  case TY_COMPLEX:
    return 4;
  default:
    return 0;
  }
}

static Type *rank_type(int r) {
  Type *tower[] = {NULL, &ty_bool, &ty_int, &ty_float, &ty_complex};
  return tower[r];
}

static bool is_kind(const Type *t, TypeKind kind) {
  return t && t->kind == kind;
}

// The type arithmetic works in: the wider operand, and int for bools.
static Type *arith_join(const Type *l, const Type *r) {
  int k = rank(l) > rank(r) ? rank(l) : rank(r);
  return rank_type(k < 2 ? 2 : k);
}

static Type *number_join(const Type *l, const Type *r) {
  return rank_type(rank(l) > rank(r) ? rank(l) : rank(r));
}

// Does the type still contain an unknown part (a list[?])?
static bool has_unknown(const Type *t) {
  if (!t)
    return true;
  if (t->kind == TY_LIST)
    return has_unknown(t->elem);
  for (int i = 0; i < (t->kind == TY_TUPLE ? t->nitems : 0); i++)
    if (has_unknown(t->items[i]))
      return true;
  return false;
}

// A fresh list: one built right here, whose elements can still be given
// another type without changing what any other name sees.
static bool is_fresh_list(const Node *n) {
  if (!n)
    return false;
  if (n->kind == ND_LIST || n->kind == ND_LISTCOMP)
    return true;
  return n->kind == ND_BINOP && n->op == OP_MUL &&
         (is_fresh_list(n->left) || is_fresh_list(n->right));
}

// Can the value `n` (may be NULL: nothing known about how it was built)
// of type `from` be given type `to`? Numbers widen through ND_CONVERT; a
// list of unknown elements takes any element type; a fresh list or a tuple
// display is retyped element by element. Other lists and tuples are
// references to shared values and must match exactly.
static bool can_retype(const Node *n, const Type *from, const Type *to) {
  if (!from || !to || type_equal(from, to))
    return true;
  if (rank(from) && rank(to))
    return rank(from) < rank(to);
  if (from->kind == TY_LIST && to->kind == TY_LIST) {
    if (!from->elem)
      return true;
    if (n && n->kind == ND_LIST) {
      for (int i = 0; i < n->elts.len; i++) {
        Node *e = n->elts.data[i];
        if (!can_retype(e, e->ty, to->elem))
          return false;
      }
      return true;
    }
    if (n && n->kind == ND_LISTCOMP)
      return can_retype(n->elt, n->elt->ty, to->elem);
    if (is_fresh_list(n))
      return can_retype(is_fresh_list(n->left) ? n->left : n->right, from,
                        to);
    return !n && has_unknown(from) && can_retype(NULL, from->elem, to->elem);
  }
  if (from->kind == TY_TUPLE && to->kind == TY_TUPLE &&
      from->nitems == to->nitems) {
    bool display = n && n->kind == ND_TUPLE;
    for (int i = 0; i < from->nitems; i++) {
      Node *e = display ? n->elts.data[i] : NULL;
      if (!display && n && !type_equal(from->items[i], to->items[i]))
        return false;
      if (!can_retype(e, from->items[i], to->items[i]))
        return false;
    }
    return true;
  }
  return false;
}

// The type two values can share: `a` (of node an) and `b` (of node bn),
// either node may be NULL. Sets *ok to false when there is none.
static Type *join2(Infer *in, Type *a, Node *an, Type *b, Node *bn,
                   bool *ok) {
  if (!a)
    return b;
  if (!b)
    return a;
  if (can_retype(bn, b, a))
    return a;
  if (can_retype(an, a, b))
    return b;
  if (a->kind == TY_TUPLE && b->kind == TY_TUPLE && a->nitems == b->nitems) {
    Type **items = arena_alloc(in->a, sizeof(Type *) * (size_t)a->nitems);
    for (int i = 0; i < a->nitems; i++) {
      Node *ae = an && an->kind == ND_TUPLE ? an->elts.data[i] : NULL;
      Node *be = bn && bn->kind == ND_TUPLE ? bn->elts.data[i] : NULL;
      items[i] = join2(in, a->items[i], ae, b->items[i], be, ok);
    }
    Type *t = type_tuple(in->a, items, a->nitems);
    if (*ok && can_retype(an, a, t) && can_retype(bn, b, t))
      return t;
  }
  *ok = false;
  return a;
}

// "an int", "a list[float]", "nothing" (None): for messages.
static const char *a_type(Infer *in, const Type *t) {
  if (t && t->kind == TY_NONE)
    return "nothing";
  const char *name = type_name(in->a, t);
  return arena_sprintf(in->a, "%s %s", name[0] == 'i' ? "an" : "a", name);
}

static const char *tname(Infer *in, const Type *t) {
  return type_name(in->a, t);
}

// ---- nodes -----------------------------------------------------------------

static Node *new_convert(Infer *in, Node *n, Type *to) {
  Node *c = new_node(in->a, ND_CONVERT, n->tok);
  c->line = n->line;
  c->col = n->col;
  c->value = n;
  c->ty = to;
  return c;
}

static Node *new_number(Infer *in, Node *at, Type *ty, double value) {
  Node *c = new_node(in->a, ND_CONSTANT, at->tok);
  c->line = at->line;
  c->col = at->col;
  c->ty = ty;
  c->cval.kind = ty->kind == TY_INT ? CONST_INT : CONST_FLOAT;
  c->cval.ival = (int64_t)value;
  c->cval.fval = value;
  return c;
}

// Final pass: gives *slot the type `to`, wrapping a number that must widen
// in ND_CONVERT and retyping a fresh list or a tuple display element by
// element. Earlier passes change nothing.
static void coerce(Infer *in, Node **slot, Type *to) {
  Node *n = *slot;
  if (!in->final || !to || type_equal(n->ty, to))
    return;
  if (rank(n->ty) && rank(n->ty) < rank(to)) {
    *slot = new_convert(in, n, to);
    return;
  }
  bool retyped = false;
  if (n->kind == ND_LIST && is_kind(to, TY_LIST)) {
    for (int i = 0; i < n->elts.len; i++)
      coerce(in, (Node **)&n->elts.data[i], to->elem);
    retyped = true;
  } else if (n->kind == ND_LISTCOMP && is_kind(to, TY_LIST)) {
    coerce(in, &n->elt, to->elem);
    retyped = true;
  } else if (is_fresh_list(n) && is_kind(to, TY_LIST)) {
    coerce(in, is_fresh_list(n->left) ? &n->left : &n->right, to);
    retyped = true;
  } else if (n->kind == ND_TUPLE && is_kind(to, TY_TUPLE) &&
             n->elts.len == to->nitems) {
    for (int i = 0; i < n->elts.len; i++)
      coerce(in, (Node **)&n->elts.data[i], to->items[i]);
    retyped = true;
  }
  if (!retyped)
    diag_error_node(in->d, n,
                    "this is %s, but %s is needed here; make the types agree",
                    a_type(in, n->ty), a_type(in, to));
  n->ty = to;
}

// A type conflict: the error at `at`, a note at the first place, then stop.
__attribute__((format(printf, 5, 6)))
static void conflict(Infer *in, Node *at, Node *first, const char *note,
                     const char *fmt, ...) {
  char buf[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  diag_error_soft(in->d, at->line, at->col, "%s", buf);
  if (first && note)
    diag_note_at(in->d, first->line, first->col, "%s", note);
  diag_check(in->d);
}

// ---- the module ------------------------------------------------------------

static bool same_name(const char *x, const char *y) {
  return x == y || (x && y && strcmp(x, y) == 0);
}

static bool is_str_constant(const Node *n) {
  return n && n->kind == ND_CONSTANT && n->cval.kind == CONST_STR;
}

static bool is_none_constant(const Node *n) {
  return n && n->kind == ND_CONSTANT && n->cval.kind == CONST_NONE;
}

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
static void add_imports(Infer *in, Node *s, void *unused) {
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
static ModuleName *find_modname(Infer *in, const char *name) {
  for (int i = in->modnames.len - 1; i >= 0; i--) {
    ModuleName *m = in->modnames.data[i];
    if (same_name(m->name, name))
      return m;
    double unused;
    if (strcmp(m->name, "*") == 0 && strcmp(m->module, "math") == 0 &&
        (find_math_func(name) || find_math_const(name, &unused))) {
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

// The top-level function called `name` (the last definition wins).
static Node *find_def(Infer *in, const char *name) {
  for (int i = in->defs.len - 1; i >= 0; i--) {
    Node *def = in->defs.data[i];
    if (same_name(def->name, name))
      return def;
  }
  return NULL;
}

// The variable `name` names in the function being typed: a comprehension
// variable in scope, else a parameter or local. NULL in a module constant.
static VarInfo *lookup_local(Infer *in, const char *name) {
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

// Numbers, names and arithmetic: what a module constant may be made of.
static bool is_constant_expr(const Node *n) {
  switch (n->kind) {
  case ND_CONSTANT:
  case ND_NAME:
    return true;
  case ND_ATTRIBUTE:
    return n->value->kind == ND_NAME;  // math.pi
  case ND_UNARYOP:
    return n->op != OP_NOT && is_constant_expr(n->value);
  case ND_BINOP:
    return is_constant_expr(n->left) && is_constant_expr(n->right);
  default:
    return false;
  }
}

// Types a module constant's value on its own: no locals in scope, and in
// final mode, since nothing it depends on changes later.
static void type_constant(Infer *in, VarInfo *v) {
  FuncInfo *fn = in->fn;
  bool final = in->final;
  PtrVec scope = in->scope;
  in->fn = NULL;
  in->final = true;
  in->scope = (PtrVec){0};
  Type *t = expr(in, &v->var.value);
  in->fn = fn;
  in->final = final;
  in->scope = scope;
  if (!rank(t))
    diag_error_node(in->d, v->var.value,
                    "module constant '%s' is %s; kernels can only read "
                    "constants that are numbers",
                    v->var.name, a_type(in, t));
  v->var.ty = t;
}

// The module constant `use` names, typed; NULL when the module does not
// assign the name at all. A name assigned more than once, inside a block,
// or to something other than numbers and arithmetic is an error.
static VarInfo *module_const(Infer *in, Node *use) {
  for (int i = 0; i < in->consts.len; i++) {
    VarInfo *v = in->consts.data[i];
    if (!same_name(v->var.name, use->name))
      continue;
    if (v->const_state == 1)
      diag_error_node(in->d, use, "module constant '%s' is defined in "
                      "terms of itself", use->name);
    return v;
  }
  ModuleStore ms = {.name = use->name};
  each_module_stmt(in, &in->module->body, find_module_stores, &ms);
  if (ms.count == 0)
    return NULL;
  const char *note = arena_sprintf(in->a, "'%s' is assigned here", use->name);
  if (ms.count > 1)
    conflict(in, use, ms.target, note,
             "module variable '%s' is assigned more than once; kernels can "
             "only read module constants such as N = 100", use->name);
  bool top = false;
  for (int i = 0; i < in->module->body.len; i++)
    top = top || in->module->body.data[i] == ms.stmt;
  if (!top || !ms.value || ms.stmt->kind == ND_AUGASSIGN ||
      !is_constant_expr(ms.value))
    conflict(in, use, ms.target, note,
             "module variable '%s' is not a constant; kernels can only read "
             "module constants such as N = 100 or LIMIT = 4.0", use->name);
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

// ---- annotations and parameters --------------------------------------------

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
  case 'c':
    return &ty_complex;
  default:  // 'x', 'y': lists in the grid form, floats in the point form
    return form == FORM_GRID ? type_list(in->a, &ty_float) : &ty_float;
  }
}

static Type *kernel_return_type(Infer *in, KernelForm form) {
  switch (form) {
  case FORM_LIST:
    return type_list(in->a, &ty_int);
  case FORM_GRID:
    return type_list(in->a, type_list(in->a, &ty_int));
  default:
    return &ty_int;
  }
}

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

static void add_param(Infer *in, FuncInfo *f, Node *arg,
                      const KernelChoice *kernel, int i) {
  if (arg->kind != ND_ARG)
    diag_error_node(in->d, arg, "*args and **kwargs parameters are not "
                    "supported in kernels; name each parameter");
  if (arg->value)
    diag_error_soft(in->d, arg->value->line, arg->value->col,
                    "default parameter values are not supported in kernels; "
                    "pass every argument");
  VarInfo *v = new_var(in, f, arg->name, VAR_PARAM, arg);
  v->var.def = arg;
  Type *ann = arg->annotation ? annotation_type(in, arg->annotation) : NULL;
  if (!kernel) {
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
  if (kernel) {
    Type *want = kernel_return_type(in, kernel->form);
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

static void unsupported(Infer *in, const Node *n, const char *msg) {
  diag_error_soft(in->d, n->line, n->col, "%s", msg);
}

// A name stored to anywhere in a function is local to it (Python's rule).
static VarInfo *declare_local(Infer *in, Node *name) {
  VarInfo *v = lookup_local(in, name->name);
  if (!v)
    v = new_var(in, in->fn, name->name, VAR_LOCAL, name);
  return v;
}

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

// print's end='' (no newline) and the defaults end='\n', sep=' ' are all
// the back ends need; other separators would be a runtime of their own.
static void check_print_keyword(Infer *in, Node *k) {
  Node *v = k->value;
  bool is_end = k->name && !strcmp(k->name, "end");
  bool is_sep = k->name && !strcmp(k->name, "sep");
  bool ok = is_str_constant(v) &&
            ((is_end && v->cval.slen == 0) ||
             (is_end && v->cval.slen == 1 && v->cval.str[0] == '\n') ||
             (is_sep && v->cval.slen == 1 && v->cval.str[0] == ' '));
  if (!ok)
    diag_error_soft(in->d, k->line, k->col,
                    "print(..., %s=...) is not supported in kernels; only "
                    "end='' is, and the defaults end='\\n' and sep=' '",
                    k->name ? k->name : "**");
  else
    v->ty = &ty_str;
}

static void check_call(Infer *in, Node *n) {
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
    if (op == OP_IN || op == OP_NOTIN) {
      unsupported(in, n, "'in' is not supported in kernels; write the loop "
                  "that searches");
      return;
    }
  }
}

static void check_expr(Infer *in, Node *n) {
  if (!n)
    return;
  switch (n->kind) {
  case ND_NAME:
    break;
  case ND_CONSTANT:
    if (n->cval.kind == CONST_ELLIPSIS)
      unsupported(in, n, "'...' is not supported in kernels");
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
    unsupported(in, n, "lambda is not supported in kernels; define a "
                "function with def at module level");
    break;
  case ND_SLICE:
    unsupported(in, n, "slices are not supported in kernels; index one "
                "element at a time");
    break;
  case ND_STARRED:
    unsupported(in, n, "*args is not supported in kernels; pass each "
                "argument by position");
    break;
  default:
    unsupported(in, n, "this expression is not supported in kernels");
  }
}

static void check_annassign(Infer *in, Node *s) {
  check_target(in, s->target);
  check_expr(in, s->value);
  if (s->target->kind == ND_NAME)
    declare(in, lookup_local(in, s->target->name),
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
    return "this statement is not supported in kernels";
  }
}

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
    add_imports(in, s, NULL);
    break;
  case ND_FUNCTIONDEF:
    diag_error_soft(in->d, s->line, s->col,
                    "nested functions are not supported in kernels; define "
                    "'%s' at module level", s->name);
    break;
  default:
    unsupported(in, s, unsupported_stmt(s));
  }
}

static void check_block(Infer *in, PtrVec *body) {
  for (int i = 0; i < body->len; i++)
    check_stmt(in, body->data[i]);
}

static FuncInfo *func_of_def(Infer *in, Node *def) {
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
    Node *def = lookup_local(in, name->name) ? NULL
                                             : find_def(in, name->name);
    if (def)
      vec_push(in->a, &f->callees, func_of_def(in, def));
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
static void reach(Infer *in, const KernelChoice *choice) {
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

// ---- step 2: typing expressions --------------------------------------------
//
// expr() types *slot and returns its type, NULL while some part is still
// unknown. It may replace *slot (a math constant, a conversion in the final
// pass), which is why it takes the slot and not the node.

// Refines a variable whose list type still has an unknown element from
// the place its value flows to: `out = []` passed where list[int] is meant.
static void refine_name(Infer *in, Node *n, Type *t) {
  if (!n || n->kind != ND_NAME || !n->var || n->var->kind == VAR_CONST || !t)
    return;
  Var *v = n->var;
  if (v->ty && has_unknown(v->ty) && !has_unknown(t) &&
      can_retype(NULL, v->ty, t)) {
    v->ty = t;
    in->changed = true;
  }
}

static Type *constant_type(Infer *in, Node *n) {
  switch (n->cval.kind) {
  case CONST_NONE:
    return &ty_none;
  case CONST_BOOL:
    return &ty_bool;
  case CONST_INT:
    return &ty_int;
  case CONST_FLOAT:
    return &ty_float;
  case CONST_COMPLEX:
    return &ty_complex;
  case CONST_STR:
    diag_error_node(in->d, n, "strings are only supported as arguments of "
                    "print in kernels");
  default:
    diag_error_node(in->d, n, "'...' is not supported in kernels");
  }
}

// Rewrites a math constant (math.pi, or pi from `from math import pi`) in
// place into a float Constant.
static Type *math_constant(Infer *in, Node *n, const char *name) {
  double value;
  if (!find_math_const(name, &value)) {
    if (find_math_func(name))
      diag_error_node(in->d, n, "'math.%s' is a function; call it", name);
    diag_error_node(in->d, n, "'math.%s' is not supported in kernels",
                    name);
  }
  n->kind = ND_CONSTANT;
  n->cval = (ConstValue){.kind = CONST_FLOAT, .fval = value};
  n->value = NULL;
  n->ty = &ty_float;
  return &ty_float;
}

_Noreturn static void not_available(Infer *in, Node *n, ModuleName *m) {
  diag_error_node(in->d, n, "'%s' is not available in kernels; use lists and "
                  "the math module", m->attr ? arena_sprintf(in->a, "%s.%s",
                  m->module, m->attr) : m->module);
}

// A name that is not a local: a module constant, something imported, or
// an error saying what the name is instead of a value.
static Type *global_name(Infer *in, Node *n) {
  if (find_def(in, n->name))
    diag_error_node(in->d, n, "'%s' is a function; kernels can only call "
                    "functions, not use them as values", n->name);
  ModuleName *m = find_modname(in, n->name);
  if (m && m->attr && !strcmp(m->module, "math"))
    return math_constant(in, n, m->attr);
  if (m && m->attr)
    not_available(in, n, m);
  if (m)
    diag_error_node(in->d, n, "module '%s' is not a value; kernels can only "
                    "use the math module's functions and constants",
                    m->module);
  VarInfo *c = module_const(in, n);
  if (c) {
    n->var = &c->var;
    return c->var.ty;
  }
  if (find_builtin(n->name) >= 0)
    diag_error_node(in->d, n, "'%s' is a builtin function; kernels can only "
                    "call it", n->name);
  diag_error_node(in->d, n, "name '%s' is not defined", n->name);
}

static Type *name_expr(Infer *in, Node *n) {
  VarInfo *v = lookup_local(in, n->name);
  if (!v)
    return global_name(in, n);
  n->var = &v->var;
  if (in->final && !v->var.ty)
    diag_error_node(in->d, n, "'%s' is read here but never gets a value "
                    "whose type is known", n->name);
  return v->var.ty;
}

// A negative int constant (-1, or a module constant that is one).
static bool is_negative_int_constant(const Node *n) {
  if (n->kind == ND_UNARYOP && n->op == OP_USUB && n->value->kind ==
      ND_CONSTANT)
    return n->value->cval.kind == CONST_INT && n->value->cval.ival > 0;
  if (n->kind == ND_CONSTANT)
    return n->cval.kind == CONST_INT && n->cval.ival < 0;
  if (n->kind == ND_NAME && n->var && n->var->kind == VAR_CONST)
    return is_negative_int_constant(n->var->value);
  if (n->kind == ND_CONVERT)
    return is_negative_int_constant(n->value);
  return false;
}

_Noreturn static void bad_operands(Infer *in, Node *at, Operator op,
                                   Type *l, Type *r) {
  diag_error_node(in->d, at, "unsupported operand types for %s: %s and %s",
                  operator_names[op], tname(in, l), tname(in, r));
}

// The result type of arithmetic `l op r` on numbers, and the types its
// operands are converted to (*lt, *rt). `right` is the right operand, to
// see a negative constant exponent.
static Type *arith(Infer *in, Node *at, Operator op, Type *l, Type *r,
                   Node *right, Type **lt, Type **rt) {
  Type *t = arith_join(l, r);
  switch (op) {
  case OP_ADD:
  case OP_SUB:
  case OP_MUL:
    break;
  case OP_DIV:  // true division: int / int is a float
    if (t == &ty_int)
      t = &ty_float;
    break;
  case OP_FLOORDIV:
  case OP_MOD:
    if (t == &ty_complex)  // as in Python 3
      bad_operands(in, at, op, l, r);
    break;
  case OP_POW:  // int ** negative constant is a float, as in CPython
    if (t == &ty_int && right && is_negative_int_constant(right))
      t = &ty_float;
    break;
  case OP_LSHIFT:
  case OP_RSHIFT:
  case OP_BITAND:
  case OP_BITOR:
  case OP_BITXOR:
    if (t != &ty_int)
      bad_operands(in, at, op, l, r);
    if (op != OP_LSHIFT && op != OP_RSHIFT && l == &ty_bool && r == &ty_bool)
      t = &ty_bool;  // True & False is a bool
    break;
  default:
    bad_operands(in, at, op, l, r);
  }
  *lt = *rt = t;
  return t;
}

// `[v] * n` and `n * [v]`: the list's type, the count an int.
static Type *list_binop(Infer *in, Node *n, Type *l, Type *r) {
  bool left_list = is_kind(l, TY_LIST);
  Type *count = left_list ? r : l;
  if (n->op == OP_ADD && is_kind(l, TY_LIST) && is_kind(r, TY_LIST))
    diag_error_node(in->d, n, "joining lists with + is not supported in "
                    "kernels; append the elements");
  if (n->op != OP_MUL || rank(count) == 0 || rank(count) > 2)
    bad_operands(in, n, n->op, l, r);
  coerce(in, left_list ? &n->right : &n->left, &ty_int);
  return left_list ? l : r;
}

static Type *binop(Infer *in, Node *n) {
  Type *l = expr(in, &n->left);
  Type *r = expr(in, &n->right);
  if (!l || !r)
    return NULL;
  if (is_kind(l, TY_LIST) || is_kind(r, TY_LIST))
    return list_binop(in, n, l, r);
  if (!rank(l) || !rank(r))
    bad_operands(in, n, n->op, l, r);
  Type *lt, *rt;
  Type *t = arith(in, n, n->op, l, r, n->right, &lt, &rt);
  coerce(in, &n->left, lt);
  coerce(in, &n->right, rt);
  return t;
}

static Type *unaryop(Infer *in, Node *n) {
  if (n->op == OP_NOT) {
    condition(in, &n->value);
    return &ty_bool;
  }
  Type *t = expr(in, &n->value);
  if (!t)
    return NULL;
  if (!rank(t) || (n->op == OP_INVERT && rank(t) > 2))
    diag_error_node(in->d, n, "bad operand type for unary %s: %s",
                    operator_names[n->op], tname(in, t));
  if (t == &ty_bool)  // -True is -1
    t = &ty_int;
  coerce(in, &n->value, t);
  return t;
}

// A test: any number is tested for truth, so the final pass converts it to
// bool (ND_CONVERT to bool is `x != 0`). and/or here only combine truths.
static void condition(Infer *in, Node **slot) {
  Node *n = *slot;
  if (n->kind == ND_BOOLOP) {
    for (int i = 0; i < n->values.len; i++)
      condition(in, (Node **)&n->values.data[i]);
    n->ty = &ty_bool;
    return;
  }
  Type *t = expr(in, slot);
  if (!t)
    return;
  if (is_kind(t, TY_LIST))
    diag_error_node(in->d, n, "a list cannot be a condition in kernels; "
                    "test len(x) > 0");
  if (!rank(t))
    diag_error_node(in->d, n, "%s cannot be a condition in kernels",
                    a_type(in, t));
  if (in->final && t != &ty_bool)
    *slot = new_convert(in, n, &ty_bool);
}

// Values that must share one type: and/or operands, the branches of an
// if-expression, list elements. Returns NULL while one is unknown.
static Type *join_values(Infer *in, Node **slots, int n, const char *what) {
  Type *t = NULL;
  Node *rep = NULL;
  bool unknown = false;
  for (int i = 0; i < n; i++) {
    Type *ti = expr(in, &slots[i]);
    if (!ti) {
      unknown = true;
      continue;
    }
    bool ok = true;
    Type *j = join2(in, t, rep, ti, slots[i], &ok);
    if (!ok)
      diag_error_node(in->d, slots[i], "%s have different types: %s and %s",
                      what, tname(in, t), tname(in, ti));
    if (!type_equal(j, t))
      rep = slots[i];
    t = j;
  }
  if (unknown)
    return NULL;
  for (int i = 0; i < n; i++)
    coerce(in, &slots[i], t);
  return t;
}

static Type *boolop(Infer *in, Node *n) {
  Type *t = join_values(in, (Node **)n->values.data, n->values.len,
                        arena_sprintf(in->a, "the operands of '%s'",
                                      operator_names[n->op]));
  if (t && !rank(t))
    diag_error_node(in->d, n, "'%s' on %s is not supported in kernels",
                    operator_names[n->op], a_type(in, t));
  return t;
}

static Type *ifexp(Infer *in, Node *n) {
  condition(in, &n->test);
  Node *branches[2] = {n->body_expr, n->orelse_expr};
  Type *t = join_values(in, branches, 2,
                        "the two branches of 'x if c else y'");
  n->body_expr = branches[0];
  n->orelse_expr = branches[1];
  return t;
}

static bool is_ordering(Operator op) {
  return op == OP_LT || op == OP_LTE || op == OP_GT || op == OP_GTE;
}

// Every operand of a chain is compared in the chain's joined type.
static Type *compare(Infer *in, Node *n) {
  Type *t = expr(in, &n->left);
  bool unknown = !t;
  bool ordering = false;
  for (int i = 0; i < n->comparators.len; i++) {
    Type *ti = expr(in, (Node **)&n->comparators.data[i]);
    Operator op = (Operator)(intptr_t)n->ops.data[i];
    ordering = ordering || is_ordering(op);
    unknown = unknown || !ti;
    if (t && ti && (!rank(t) || !rank(ti)))
      diag_error_node(in->d, n, "'%s' between %s and %s is not supported in "
                      "kernels", operator_names[op], tname(in, t),
                      tname(in, ti));
    t = unknown ? NULL : number_join(t, ti);
  }
  if (unknown)
    return &ty_bool;
  if (ordering && t == &ty_complex)
    diag_error_node(in->d, n, "complex numbers cannot be ordered; compare "
                    "abs(z) or z.real");
  coerce(in, &n->left, t);
  for (int i = 0; i < n->comparators.len; i++)
    coerce(in, (Node **)&n->comparators.data[i], t);
  return &ty_bool;
}

static Type *subscript(Infer *in, Node *n) {
  Type *t = expr(in, &n->value);
  if (is_kind(t, TY_TUPLE)) {  // t[k]: k must be a constant
    int64_t k = n->index->kind == ND_CONSTANT ? n->index->cval.ival : 0;
    bool neg = n->index->kind == ND_UNARYOP && n->index->op == OP_USUB;
    Node *c = neg ? n->index->value : n->index;
    if (c->kind != ND_CONSTANT || c->cval.kind != CONST_INT)
      diag_error_node(in->d, n->index, "a tuple can only be indexed by a "
                      "constant; unpack it with a, b = t");
    k = neg ? t->nitems - c->cval.ival : k;
    if (k < 0 || k >= t->nitems)
      diag_error_node(in->d, n->index, "tuple index out of range");
    expr(in, &n->index);
    return t->items[k];
  }
  Type *it = expr(in, &n->index);
  if (!t || !it)
    return NULL;
  if (!is_kind(t, TY_LIST))
    diag_error_node(in->d, n, "%s cannot be indexed", a_type(in, t));
  if (rank(it) == 0 || rank(it) > 2)
    diag_error_node(in->d, n->index, "list indices must be integers, not %s",
                    tname(in, it));
  coerce(in, &n->index, &ty_int);
  return t->elem;
}

static Type *list_display(Infer *in, Node *n) {
  Type *t = join_values(in, (Node **)n->elts.data, n->elts.len,
                        "the elements of a list");
  if (!t && n->elts.len > 0)
    return NULL;
  if (is_kind(t, TY_NONE))
    diag_error_node(in->d, n, "lists of None are not supported in kernels");
  return type_list(in->a, t);
}

static Type *tuple_display(Infer *in, Node *n) {
  Type **items = arena_alloc(in->a, sizeof(Type *) * (size_t)n->elts.len);
  bool unknown = false;
  for (int i = 0; i < n->elts.len; i++) {
    items[i] = expr(in, (Node **)&n->elts.data[i]);
    unknown = unknown || !items[i];
  }
  return unknown ? NULL : type_tuple(in->a, items, n->elts.len);
}

// Is this call `range(...)`/`xrange(...)`, with range not rebound?
static bool is_range_call(Infer *in, Node *n) {
  return n->kind == ND_CALL && n->func->kind == ND_NAME &&
         (!strcmp(n->func->name, "range") ||
          !strcmp(n->func->name, "xrange")) &&
         !lookup_local(in, n->func->name) && !find_def(in, n->func->name);
}

// The element type a for loop or comprehension over `*slot` binds, NULL
// while unknown; sets *range_loop for range(...).
static Type *iteration(Infer *in, Node **slot, bool *range_loop) {
  Node *n = *slot;
  *range_loop = is_range_call(in, n);
  if (*range_loop) {
    n->builtin = BI_RANGE;
    if (n->args.len < 1 || n->args.len > 3)
      diag_error_node(in->d, n, "range expected 1 to 3 arguments, got %d",
                      n->args.len);
    for (int i = 0; i < n->args.len; i++) {
      Type *t = expr(in, (Node **)&n->args.data[i]);
      if (t && (rank(t) == 0 || rank(t) > 2))
        diag_error_node(in->d, n->args.data[i], "range() needs int "
                        "arguments, not %s", tname(in, t));
      coerce(in, (Node **)&n->args.data[i], &ty_int);
    }
    n->ty = type_list(in->a, &ty_int);
    return &ty_int;
  }
  Type *t = expr(in, slot);
  if (t && !is_kind(t, TY_LIST))
    diag_error_node(in->d, n, "cannot loop over %s; loop over range(...) or "
                    "a list", a_type(in, t));
  return t ? t->elem : NULL;
}

static void assign_var(Infer *in, VarInfo *v, Type *t, Node *at,
                       Node *value);

static Type *listcomp(Infer *in, Node *n) {
  int mark = in->scope.len;
  for (int i = 0; i < n->generators.len; i++) {
    Node *gen = n->generators.data[i];
    Type *elem = iteration(in, &gen->iter, &gen->range_loop);
    VarInfo *v = (VarInfo *)gen->target->var;
    assign_var(in, v, elem, gen->target, NULL);
    gen->target->ty = v->var.ty;
    vec_push(in->a, &in->scope, v);
    for (int j = 0; j < gen->ifs.len; j++)
      condition(in, (Node **)&gen->ifs.data[j]);
  }
  Type *t = expr(in, &n->elt);
  in->scope.len = mark;
  if (is_kind(t, TY_NONE))
    diag_error_node(in->d, n->elt, "lists of None are not supported in "
                    "kernels");
  return t ? type_list(in->a, t) : NULL;
}

// ---- calls -----------------------------------------------------------------

static const char *count_args(Infer *in, int min, int max) {
  if (min == max)
    return arena_sprintf(in->a, "%d argument%s", min, min == 1 ? "" : "s");
  if (max < 0)
    return arena_sprintf(in->a, "at least %d argument%s", min,
                         min == 1 ? "" : "s");
  return arena_sprintf(in->a, "%d to %d arguments", min, max);
}

static void check_arity(Infer *in, Node *n, const char *name, int min,
                        int max) {
  int k = n->args.len;
  if (k < min || (max >= 0 && k > max))
    diag_error_node(in->d, n, "%s() takes %s but %d %s given", name,
                    count_args(in, min, max), k, k == 1 ? "was" : "were");
}

// Types every argument; false while one is unknown.
static bool type_args(Infer *in, Node *n, Type **types, int max) {
  bool known = true;
  for (int i = 0; i < n->args.len; i++) {
    Type *t = expr(in, (Node **)&n->args.data[i]);
    if (i < max)
      types[i] = t;
    known = known && t;
  }
  return known;
}

static Node **arg_slot(Node *n, int i) {
  return (Node **)&n->args.data[i];
}

// Passes an argument to a parameter: an unannotated parameter joins the
// types of all its call sites (widening), an annotated one converts.
static void pass_argument(Infer *in, FuncInfo *f, int i, Node *arg,
                          Type *t) {
  VarInfo *p = (VarInfo *)f->func.params[i];
  if (!t)
    return;
  if (p->declared) {
    if (!can_retype(arg, t, p->var.ty))
      diag_error_node(in->d, arg, "parameter '%s' of '%s' is declared as %s "
                      "but is passed %s here", p->var.name, f->func.name,
                      tname(in, p->var.ty), a_type(in, t));
  } else {
    bool ok = true;
    Type *j = join2(in, p->var.ty, NULL, t, arg, &ok);
    if (!ok)
      conflict(in, arg, p->var.def,
               arena_sprintf(in->a, "'%s' was inferred as %s here",
                             p->var.name, tname(in, p->var.ty)),
               "parameter '%s' of '%s' was inferred as %s at line %d but is "
               "passed %s here", p->var.name, f->func.name,
               tname(in, p->var.ty), p->var.def->line, a_type(in, t));
    if (!type_equal(j, p->var.ty)) {
      p->var.ty = j;
      p->var.def = arg;
      in->changed = true;
    }
  }
  refine_name(in, arg, p->var.ty);
}

static Type *user_call(Infer *in, Node *n, FuncInfo *f) {
  n->callee = &f->func;
  if (n->args.len != f->func.nparams)
    diag_error_node(in->d, n, "'%s' takes %s but %d %s given", f->func.name,
                    count_args(in, f->func.nparams, f->func.nparams),
                    n->args.len, n->args.len == 1 ? "was" : "were");
  for (int i = 0; i < n->args.len; i++)
    pass_argument(in, f, i, n->args.data[i], expr(in, arg_slot(n, i)));
  for (int i = 0; i < n->args.len; i++)
    coerce(in, arg_slot(n, i), f->func.params[i]->ty);
  return f->func.ret;
}

static void expect_real(Infer *in, Node *arg, Type *t, const char *fname) {
  if (rank(t) == 0 || t == &ty_complex)
    diag_error_node(in->d, arg, "%s() needs a real number, not %s", fname,
                    tname(in, t));
}

// math.floor/ceil/trunc of an int is the int itself (CPython returns it
// unchanged), so the final pass replaces the call by its argument.
static Type *math_call(Infer *in, Node **slot, const char *name) {
  Node *n = *slot;
  const MathFunc *mf = find_math_func(name);
  double unused;
  if (!mf && find_math_const(name, &unused))
    diag_error_node(in->d, n, "'math.%s' is a number, not a function", name);
  if (!mf)
    diag_error_node(in->d, n, "'math.%s' is not supported in kernels", name);
  n->builtin = mf->builtin;
  const char *full = arena_sprintf(in->a, "math.%s", name);
  check_arity(in, n, full, mf->min_args, mf->max_args);
  Type *types[2];
  if (!type_args(in, n, types, 2))
    return rank_type(mf->result == TY_INT ? 2 : mf->result == TY_BOOL ? 1 : 3);
  for (int i = 0; i < n->args.len; i++)
    expect_real(in, n->args.data[i], types[i], full);
  if (mf->result == TY_INT && rank(types[0]) <= 2) {
    coerce(in, arg_slot(n, 0), &ty_int);
    if (in->final)
      *slot = n->args.data[0];
    return &ty_int;
  }
  for (int i = 0; i < n->args.len; i++)
    coerce(in, arg_slot(n, i), &ty_float);
  return mf->result == TY_INT ? &ty_int
         : mf->result == TY_BOOL ? &ty_bool : &ty_float;
}

static void print_arg(Infer *in, Node **slot);

static Type *print_call(Infer *in, Node *n) {
  for (int i = 0; i < n->args.len; i++)
    print_arg(in, arg_slot(n, i));
  in->p->uses_print = true;
  return &ty_none;
}

// min and max: of two or more numbers, or of one list.
static Type *min_max(Infer *in, Node *n, Type **types) {
  if (n->args.len == 1) {
    if (has_unknown(types[0]) && !in->final)
      return NULL;
    if (!is_kind(types[0], TY_LIST) || !types[0]->elem)
      diag_error_node(in->d, n, "%s() of one argument needs a list",
                      builtin_names[n->builtin]);
    expect_real(in, n, types[0]->elem, builtin_names[n->builtin]);
    return types[0]->elem;
  }
  Type *t = NULL;
  for (int i = 0; i < n->args.len; i++) {
    expect_real(in, n->args.data[i], types[i], builtin_names[n->builtin]);
    t = number_join(t, types[i]);
  }
  for (int i = 0; i < n->args.len; i++)
    coerce(in, arg_slot(n, i), t);
  return t;
}

// The numeric builtins, their arguments already typed.
static Type *numeric_builtin(Infer *in, Node *n, Type **types) {
  Type *t0 = types[0], *t1 = n->args.len > 1 ? types[1] : NULL;
  const char *name = builtin_names[n->builtin];
  switch (n->builtin) {
  case BI_ABS:  // CPython's abs(complex) is a float
    if (!rank(t0))
      diag_error_node(in->d, n, "bad operand type for abs(): %s",
                      tname(in, t0));
    coerce(in, arg_slot(n, 0), t0 == &ty_bool ? &ty_int : t0);
    return t0 == &ty_complex ? &ty_float : t0 == &ty_bool ? &ty_int : t0;
  case BI_INT:
    expect_real(in, n->args.data[0], t0, name);
    coerce(in, arg_slot(n, 0), t0 == &ty_bool ? &ty_int : t0);
    return &ty_int;
  case BI_FLOAT:
    expect_real(in, n->args.data[0], t0, name);
    coerce(in, arg_slot(n, 0), &ty_float);
    return &ty_float;
  case BI_COMPLEX:
    if (n->args.len == 1 && t0 == &ty_complex)
      return &ty_complex;
    for (int i = 0; i < n->args.len; i++) {
      if (types[i] == &ty_complex)
        diag_error_node(in->d, n->args.data[i], "complex() with a complex "
                        "argument is not supported in kernels; write a + b "
                        "* 1j");
      expect_real(in, n->args.data[i], types[i], name);
      coerce(in, arg_slot(n, i), &ty_float);
    }
    return &ty_complex;
  case BI_ROUND:  // round(x) is an int, round(x, n) a float
    expect_real(in, n->args.data[0], t0, name);
    if (!t1) {
      coerce(in, arg_slot(n, 0), t0 == &ty_bool ? &ty_int : t0);
      return &ty_int;
    }
    if (t0 != &ty_float)
      diag_error_node(in->d, n, "round() with a number of digits needs a "
                      "float in kernels, not %s", tname(in, t0));
    if (rank(t1) == 0 || rank(t1) > 2)
      diag_error_node(in->d, n->args.data[1], "round() needs an int number "
                      "of digits, not %s", tname(in, t1));
    coerce(in, arg_slot(n, 1), &ty_int);
    return &ty_float;
  default:
    break;
  }
  return NULL;
}

// pow(a, b) types as a ** b; divmod(a, b) is the tuple (a // b, a % b).
static Type *pow_divmod(Infer *in, Node *n, Type **types) {
  const char *name = builtin_names[n->builtin];
  for (int i = 0; i < 2; i++)
    if (!rank(types[i]))
      diag_error_node(in->d, n->args.data[i], "%s() needs numbers, not %s",
                      name, tname(in, types[i]));
  Type *lt, *rt;
  Operator op = n->builtin == BI_POW ? OP_POW : OP_FLOORDIV;
  Type *t = arith(in, n, op, types[0], types[1], n->args.data[1], &lt, &rt);
  coerce(in, arg_slot(n, 0), lt);
  coerce(in, arg_slot(n, 1), rt);
  if (n->builtin == BI_POW)
    return t;
  Type *pair[2] = {t, t};
  return type_tuple(in->a, pair, 2);
}

static Type *builtin_call(Infer *in, Node *n, int index) {
  n->builtin = builtin_funcs[index].builtin;
  const char *name = builtin_funcs[index].name;
  if (n->builtin == BI_RANGE)
    diag_error_node(in->d, n, "%s() can only be looped over, in a for loop "
                    "or a comprehension", name);
  if (n->builtin == BI_PRINT)
    return print_call(in, n);
  check_arity(in, n, name, builtin_funcs[index].min_args,
              builtin_funcs[index].max_args);
  if (n->builtin == BI_BOOL) {
    condition(in, arg_slot(n, 0));
    return &ty_bool;
  }
  Type *types[2] = {NULL, NULL};
  Type **all = arena_alloc(in->a, sizeof(Type *) * (size_t)n->args.len);
  if (!type_args(in, n, all, n->args.len))
    return NULL;
  memcpy(types, all, sizeof(Type *) * (size_t)(n->args.len < 2 ? 1 : 2));
  switch (n->builtin) {
  case BI_LEN:
    if (!is_kind(types[0], TY_LIST))
      diag_error_node(in->d, n, "len() needs a list, not %s",
                      tname(in, types[0]));
    return &ty_int;
  case BI_SUM:
    if (has_unknown(types[0]) && !in->final)
      return NULL;  // `out = []` before an append fixes it
    if (!is_kind(types[0], TY_LIST) || !rank(types[0]->elem))
      diag_error_node(in->d, n, "sum() needs a list of numbers, not %s",
                      tname(in, types[0]));
    return arith_join(types[0]->elem, &ty_bool);  // True + True is 2
  case BI_MIN:
  case BI_MAX:
    return min_max(in, n, all);
  case BI_POW:
  case BI_DIVMOD:
    return pow_divmod(in, n, types);
  default:
    return numeric_builtin(in, n, types);
  }
}

// list.append(v) and complex.conjugate(). Appending to a list whose
// element type is unknown (`out = []`) fixes the type of the variable.
static Type *method_call(Infer *in, Node *n) {
  Node *f = n->func;
  Type *t = expr(in, &f->value);
  f->ty = t;
  if (!strcmp(f->name, "append") && (!t || is_kind(t, TY_LIST))) {
    n->builtin = BI_APPEND;
    check_arity(in, n, "append", 1, 1);
    Type *v = expr(in, arg_slot(n, 0));
    if (!t || !v)
      return &ty_none;
    if (is_kind(v, TY_NONE) || is_kind(v, TY_STR))
      diag_error_node(in->d, n->args.data[0], "lists of %s are not "
                      "supported in kernels", tname(in, v));
    if (!t->elem) {
      refine_name(in, f->value, type_list(in->a, v));
      return &ty_none;
    }
    if (!can_retype(n->args.data[0], v, t->elem))
      diag_error_node(in->d, n->args.data[0], "cannot append %s to %s",
                      a_type(in, v), a_type(in, t));
    refine_name(in, n->args.data[0], t->elem);
    coerce(in, arg_slot(n, 0), t->elem);
    return &ty_none;
  }
  if (!strcmp(f->name, "conjugate") && (!t || t == &ty_complex)) {
    n->builtin = BI_CONJUGATE;
    check_arity(in, n, "conjugate", 0, 0);
    return &ty_complex;
  }
  type_args(in, n, NULL, 0);
  if (!t)
    return NULL;
  diag_error_node(in->d, f, "%s has no method '%s' in kernels",
                  a_type(in, t), f->name);
}

// The module a Name refers to (`math` in math.sqrt), NULL if it is not one.
static ModuleName *module_ref(Infer *in, Node *n) {
  if (n->kind != ND_NAME || lookup_local(in, n->name))
    return NULL;
  ModuleName *m = find_modname(in, n->name);
  return m && !m->attr ? m : NULL;
}

static Type *call(Infer *in, Node **slot) {
  Node *n = *slot, *f = n->func;
  if (f->kind == ND_ATTRIBUTE) {
    ModuleName *m = module_ref(in, f->value);
    if (m && strcmp(m->module, "math") != 0)
      not_available(in, f->value, m);
    return m ? math_call(in, slot, f->name) : method_call(in, n);
  }
  if (f->kind != ND_NAME)
    diag_error_node(in->d, f, "only functions can be called in kernels");
  VarInfo *v = lookup_local(in, f->name);
  if (v)
    diag_error_node(in->d, f, "'%s' is a variable, not a function", f->name);
  Node *def = find_def(in, f->name);
  if (def)
    return user_call(in, n, func_of_def(in, def));
  ModuleName *m = find_modname(in, f->name);
  if (m && m->attr && !strcmp(m->module, "math"))
    return math_call(in, slot, m->attr);
  if (m)
    not_available(in, f, m);
  int b = find_builtin(f->name);
  if (b >= 0)
    return builtin_call(in, n, b);
  if (is_unsupported_builtin(f->name))
    diag_error_node(in->d, f, "'%s' is not supported in kernels", f->name);
  diag_error_node(in->d, f, "name '%s' is not defined", f->name);
}

// x.real and x.imag. On a complex value they stay an Attribute (a float);
// on an int or float the final pass rewrites them: x.real is x itself and
// x.imag a zero of x's type, as CPython's int.real and float.imag are.
static Type *attribute(Infer *in, Node **slot) {
  Node *n = *slot;
  ModuleName *m = module_ref(in, n->value);
  if (m && strcmp(m->module, "math") != 0)
    not_available(in, n->value, m);
  if (m)
    return math_constant(in, n, n->name);
  Type *t = expr(in, &n->value);
  bool part = !strcmp(n->name, "real") || !strcmp(n->name, "imag");
  if (!t)
    return NULL;
  if (!part || !rank(t))
    diag_error_node(in->d, n, "%s has no attribute '%s' in kernels",
                    a_type(in, t), n->name);
  if (t == &ty_complex)
    return &ty_float;
  Type *real = t == &ty_bool ? &ty_int : t;
  if (in->final) {
    coerce(in, &n->value, real);
    *slot = n->name[0] == 'r' ? n->value : new_number(in, n, real, 0);
  }
  return real;
}

// ---- print -----------------------------------------------------------------

// The number of values a %-format consumes ("%0.2f%%" takes one). Flags,
// width and precision are CPython's printf-style syntax; '*' and mapping
// keys are outside the kernel language.
static int count_conversions(Infer *in, Node *fmt) {
  const char *s = fmt->cval.str;
  int len = fmt->cval.slen, count = 0;
  for (int i = 0; i < len; i++) {
    if (s[i] != '%')
      continue;
    int start = i++;
    while (i < len && strchr("-+ #0", s[i]))
      i++;
    while (i < len && (strchr("0123456789.", s[i]) || strchr("hlL", s[i])))
      i++;
    if (i < len && (s[i] == '*' || s[i] == '('))
      diag_error_node(in->d, fmt, "'%c' in a format is not supported in "
                      "kernels", s[i]);
    if (i >= len)
      diag_error_node(in->d, fmt, "incomplete format");
    if (s[i] == '%' && i == start + 1)
      continue;
    if (!strchr("diouxXeEfFgGsr", s[i]))
      diag_error_node(in->d, fmt, "unsupported format character '%c' "
                      "(0x%x) at index %d", s[i], (unsigned char)s[i], i);
    count++;
  }
  return count;
}

// A value formatted by %: a number, a bool, None or a string.
static void format_value(Infer *in, Node **slot) {
  if (is_str_constant(*slot)) {
    (*slot)->ty = &ty_str;
    return;
  }
  Type *t = expr(in, slot);
  if (t && !rank(t) && t->kind != TY_NONE)
    diag_error_node(in->d, *slot, "printing %s is not supported in kernels; "
                    "print its elements", a_type(in, t));
}

// "format" % value or "format" % (v1, v2): a str, only for printing.
static void format_string(Infer *in, Node *n) {
  n->left->ty = &ty_str;
  int want = count_conversions(in, n->left);
  Node *r = n->right;
  int have = r->kind == ND_TUPLE ? r->elts.len : 1;
  if (r->kind == ND_TUPLE) {
    Type **items = arena_alloc(in->a, sizeof(Type *) * (size_t)have);
    bool known = true;
    for (int i = 0; i < have; i++) {
      format_value(in, (Node **)&r->elts.data[i]);
      items[i] = ((Node *)r->elts.data[i])->ty;
      known = known && items[i];
    }
    r->ty = known ? type_tuple(in->a, items, have) : NULL;
  } else {
    format_value(in, &n->right);
  }
  if (want != have)
    diag_error_node(in->d, n, "the format wants %d value%s but %d %s given",
                    want, want == 1 ? "" : "s", have,
                    have == 1 ? "is" : "are");
  n->ty = &ty_str;
}

// One argument of print: a string, a %-formatted string or a value.
static void print_arg(Infer *in, Node **slot) {
  Node *n = *slot;
  if (n->kind == ND_BINOP && n->op == OP_MOD && is_str_constant(n->left))
    format_string(in, n);
  else
    format_value(in, slot);
}

// ---- the dispatcher --------------------------------------------------------

static Type *expr(Infer *in, Node **slot) {
  Node *n = *slot;
  Type *t = NULL;
  switch (n->kind) {
  case ND_CONSTANT:
    t = constant_type(in, n);
    break;
  case ND_NAME:
    t = name_expr(in, n);
    break;
  case ND_BINOP:
    t = binop(in, n);
    break;
  case ND_UNARYOP:
    t = unaryop(in, n);
    break;
  case ND_BOOLOP:
    t = boolop(in, n);
    break;
  case ND_IFEXP:
    t = ifexp(in, n);
    break;
  case ND_COMPARE:
    t = compare(in, n);
    break;
  case ND_CALL:
    t = call(in, slot);
    break;
  case ND_ATTRIBUTE:
    t = attribute(in, slot);
    break;
  case ND_SUBSCRIPT:
    t = subscript(in, n);
    break;
  case ND_LIST:
    t = list_display(in, n);
    break;
  case ND_TUPLE:
    t = tuple_display(in, n);
    break;
  case ND_LISTCOMP:
    t = listcomp(in, n);
    break;
  case ND_CONVERT:
    return n->ty;
  default:
    diag_error_node(in->d, n, "this expression is not supported in kernels");
  }
  if (*slot != n && t && in->final && !(*slot)->ty)
    (*slot)->ty = t;
  if (*slot == n)
    n->ty = t;
  return t;
}

// ---- step 2: typing statements ---------------------------------------------

// Joins `t`, stored at `at` (value node `value`, may be NULL), into the
// type of v. A declared variable keeps its type and the value must convert.
static void assign_var(Infer *in, VarInfo *v, Type *t, Node *at,
                       Node *value) {
  Var *var = &v->var;
  if (!t)
    return;
  if (t->kind == TY_NONE)
    diag_error_node(in->d, value ? value : at, "None cannot be stored in a "
                    "variable in kernels");
  if (v->declared) {
    if (!can_retype(value, t, var->ty))
      conflict(in, at, var->def,
               arena_sprintf(in->a, v->kernel_param
                             ? "the driver passes '%s' as %s"
                             : "'%s' is declared as %s here",
                             v->source_name, tname(in, var->ty)),
               "'%s' was declared as %s at line %d but is assigned %s here",
               v->source_name, tname(in, var->ty), var->def->line,
               a_type(in, t));
  } else {
    bool ok = true;
    Type *j = join2(in, var->ty, NULL, t, value, &ok);
    if (!ok)
      conflict(in, at, var->def,
               arena_sprintf(in->a, "'%s' was inferred as %s here",
                             v->source_name, tname(in, var->ty)),
               "'%s' was inferred as %s at line %d but is assigned %s here",
               v->source_name, tname(in, var->ty), var->def->line,
               a_type(in, t));
    if (!type_equal(j, var->ty)) {
      var->ty = j;
      var->def = at;
      in->changed = true;
    }
  }
  refine_name(in, value, var->ty);
}

static void store(Infer *in, Node *target, Node **vslot, Type *t);

// A value that cannot be converted where it is stored: it comes out of a
// tuple or a loop, not from an expression of its own.
static void check_unconverted(Infer *in, Node *target, Type *t, Type *want) {
  if (in->final && t && !type_equal(t, want))
    diag_error_node(in->d, target, "this stores %s into %s, which cannot be "
                    "converted here; use another name", a_type(in, t),
                    a_type(in, want));
}

static void store_name(Infer *in, Node *target, Node **vslot, Type *t) {
  VarInfo *v = lookup_local(in, target->name);  // reach declared it
  target->var = &v->var;
  assign_var(in, v, t, target, vslot ? *vslot : NULL);
  target->ty = v->var.ty;
  if (vslot)
    coerce(in, vslot, v->var.ty);
  else
    check_unconverted(in, target, t, v->var.ty);
}

// l[i] = v: the element type is the list's; a list whose element type is
// still unknown takes the value's.
static void store_item(Infer *in, Node *target, Node **vslot, Type *t) {
  Type *lt = expr(in, &target->value);
  Type *it = expr(in, &target->index);
  if (is_kind(lt, TY_TUPLE))
    diag_error_node(in->d, target, "a tuple cannot be changed; use a list");
  if (lt && !is_kind(lt, TY_LIST))
    diag_error_node(in->d, target, "%s cannot be indexed", a_type(in, lt));
  if (it && (rank(it) == 0 || rank(it) > 2))
    diag_error_node(in->d, target->index, "list indices must be integers, "
                    "not %s", tname(in, it));
  coerce(in, &target->index, &ty_int);
  if (!lt || !t)
    return;
  Node *value = vslot ? *vslot : NULL;
  if (!lt->elem) {
    refine_name(in, target->value, type_list(in->a, t));
    return;
  }
  target->ty = lt->elem;
  if (!can_retype(value, t, lt->elem))
    diag_error_node(in->d, value ? value : target, "cannot store %s in %s; "
                    "create the list with %s elements", a_type(in, t),
                    a_type(in, lt), tname(in, t));
  refine_name(in, value, lt->elem);
  if (vslot)
    coerce(in, vslot, lt->elem);
  else
    check_unconverted(in, target, t, lt->elem);
}

// a, b = ...: a tuple display is stored element by element (so `a, b = b,
// a` converts each value to its own target); another tuple item by item.
static void unpack(Infer *in, Node *target, Node **vslot, Type *t) {
  Node *value = vslot ? *vslot : NULL;
  int k = target->elts.len;
  if (value && value->kind == ND_TUPLE && value->elts.len == k) {
    for (int i = 0; i < k; i++) {
      Node **slot = (Node **)&value->elts.data[i];
      store(in, target->elts.data[i], slot, (*slot)->ty);
    }
    if (in->final)
      value->ty = tuple_display(in, value);
    return;
  }
  if (!t)
    return;
  if (!is_kind(t, TY_TUPLE))
    diag_error_node(in->d, target, "cannot unpack %s into %d names",
                    a_type(in, t), k);
  if (t->nitems != k)
    diag_error_node(in->d, target, "cannot unpack a tuple of %d values into "
                    "%d names", t->nitems, k);
  for (int i = 0; i < k; i++)
    store(in, target->elts.data[i], NULL, t->items[i]);
}

static void store(Infer *in, Node *target, Node **vslot, Type *t) {
  switch (target->kind) {
  case ND_NAME:
    store_name(in, target, vslot, t);
    break;
  case ND_SUBSCRIPT:
    store_item(in, target, vslot, t);
    break;
  case ND_TUPLE:
  case ND_LIST:
    unpack(in, target, vslot, t);
    break;
  default:
    diag_error_node(in->d, target, "cannot assign to this in a kernel");
  }
}

static void assign(Infer *in, Node *s) {
  Type *t = expr(in, &s->value);
  for (int i = 0; i < s->targets.len; i++)
    store(in, s->targets.data[i], &s->value, t);
}

// x op= v: the result has the operation's type (AugAssign.ty), which a
// variable target widens to; a list element must already have it.
static void augassign(Infer *in, Node *s) {
  Node *tg = s->target;
  Type *r = expr(in, &s->value);
  VarInfo *v = tg->kind == ND_NAME ? lookup_local(in, tg->name) : NULL;
  if (tg->kind != ND_NAME && tg->kind != ND_SUBSCRIPT)
    diag_error_node(in->d, tg, "cannot assign to this in a kernel");
  if (v)
    tg->var = &v->var;
  Type *l = v ? v->var.ty : expr(in, &s->target);
  if (v && in->final && !l)
    diag_error_node(in->d, tg, "'%s' is read here but never gets a value "
                    "whose type is known", tg->name);
  if (!l || !r)
    return;
  if (is_kind(l, TY_LIST) || is_kind(r, TY_LIST))
    diag_error_node(in->d, s, "'%s=' on lists is not supported in kernels; "
                    "use append", operator_names[s->op]);
  if (!rank(l) || !rank(r))
    bad_operands(in, s, s->op, l, r);
  Type *lt, *rt;
  Type *t = arith(in, s, s->op, l, r, s->value, &lt, &rt);
  s->ty = t;
  if (v) {
    assign_var(in, v, t, tg, NULL);
    tg->ty = v->var.ty;
  } else if (!type_equal(t, l)) {
    diag_error_node(in->d, s, "'%s=' gives %s, which cannot be stored in a "
                    "list of %s; create the list with %s elements",
                    operator_names[s->op], a_type(in, t), tname(in, l),
                    tname(in, t));
  }
  coerce(in, &s->value, rt);
}

static void for_stmt(Infer *in, Node *s) {
  Type *elem = iteration(in, &s->iter, &s->range_loop);
  store(in, s->target, NULL, elem);
  block(in, &s->body);
  block(in, &s->orelse);
}

// A return joins the function's return type, like a store into a variable;
// a declared return type (an annotation, or the kernel's form) is fixed.
static void return_stmt(Infer *in, Node *s) {
  FuncInfo *f = in->fn;
  bool none = !s->value || is_none_constant(s->value);
  Type *t = none ? &ty_none : expr(in, &s->value);
  Node *value = none ? NULL : s->value;
  Node *at = value ? value : s;
  if (!t)
    return;
  if (f->ret_declared && !can_retype(value, t, f->func.ret)) {
    if (f->func.is_kernel)
      diag_error_node(in->d, at, "a %s kernel must return %s but this "
                      "returns %s", select_form_name(in->p->choice.form),
                      a_type(in, f->func.ret), a_type(in, t));
    diag_error_node(in->d, at, "'%s' is declared to return %s but this "
                    "returns %s", f->func.name, tname(in, f->func.ret),
                    a_type(in, t));
  }
  if (!f->ret_declared) {
    bool ok = true;
    Type *j = join2(in, f->func.ret, NULL, t, value, &ok);
    if (!ok)
      conflict(in, at, f->ret_def,
               arena_sprintf(in->a, "'%s' returns %s here", f->func.name,
                             a_type(in, f->func.ret)),
               "'%s' returns %s at line %d but %s here", f->func.name,
               a_type(in, f->func.ret), f->ret_def->line, a_type(in, t));
    if (!type_equal(j, f->func.ret)) {
      f->func.ret = j;
      f->ret_def = at;
      in->changed = true;
    }
  }
  if (value) {
    refine_name(in, value, f->func.ret);
    coerce(in, &s->value, f->func.ret);
  }
}

static void stmt(Infer *in, Node *s) {
  switch (s->kind) {
  case ND_ASSIGN:
    assign(in, s);
    break;
  case ND_AUGASSIGN:
    augassign(in, s);
    break;
  case ND_ANNASSIGN:
    if (s->value)
      store(in, s->target, &s->value, expr(in, &s->value));
    else if (s->target->kind == ND_NAME)
      s->target->var = &lookup_local(in, s->target->name)->var;
    break;
  case ND_FOR:
    for_stmt(in, s);
    break;
  case ND_WHILE:
  case ND_IF:
    condition(in, &s->test);
    block(in, &s->body);
    block(in, &s->orelse);
    break;
  case ND_RETURN:
    return_stmt(in, s);
    break;
  case ND_EXPR:
    if (is_str_constant(s->value))  // a docstring: no code
      s->value->ty = &ty_str;
    else
      expr(in, &s->value);
    break;
  case ND_PRINT:
    for (int i = 0; i < s->values.len; i++)
      print_arg(in, (Node **)&s->values.data[i]);
    in->p->uses_print = true;
    break;
  default:  // pass, break, continue, import: nothing to type
    break;
  }
}

static void block(Infer *in, PtrVec *body) {
  for (int i = 0; i < body->len; i++)
    stmt(in, body->data[i]);
}

// ---- steps 2 to 4 ----------------------------------------------------------

static void type_functions(Infer *in) {
  in->changed = false;
  for (int i = 0; i < in->p->funcs.len; i++) {
    in->fn = in->p->funcs.data[i];
    block(in, &in->fn->func.def->body);
  }
  in->fn = NULL;
}

static void settle(Infer *in) {
  for (int pass = 0; pass < INFER_MAX_PASSES; pass++) {
    type_functions(in);
    if (!in->changed)
      return;
  }
  diag_error_node(in->d, in->p->kernel->def, "the types of this program do "
                  "not settle; does a list contain itself?");
}

// Step 3: every return type and variable has a known type.
static void check_known(Infer *in) {
  for (int i = 0; i < in->p->funcs.len; i++) {
    FuncInfo *f = in->p->funcs.data[i];
    const char *name = f->func.name;
    if (!f->func.ret && f->func.recursive)
      diag_error_node(in->d, f->func.def, "cannot infer what '%s' returns: "
                      "every return depends on a call to '%s'; add a return "
                      "that does not", name, name);
    if (has_unknown(f->func.ret))
      diag_error_node(in->d, f->func.def, "cannot infer what '%s' returns; "
                      "annotate it, e.g. -> list[int]", name);
    for (int j = 0; j < f->func.vars.len; j++) {
      VarInfo *v = f->func.vars.data[j];
      if (!v->var.ty)
        diag_error_node(in->d, v->first, "cannot infer a type for '%s': no "
                        "value stored in it has a known type",
                        v->source_name);
      if (has_unknown(v->var.ty))
        diag_error_node(in->d, v->first, "cannot infer the element type of "
                        "the list '%s'; append to it or annotate it, e.g. "
                        "%s: list[int] = []", v->source_name,
                        v->source_name);
    }
  }
}

static void infer(Infer *in, const KernelChoice *choice) {
  for (int i = 0; i < in->module->body.len; i++)
    add_def(in, in->module->body.data[i], NULL);
  each_module_stmt(in, &in->module->body, add_imports, NULL);
  reach(in, choice);
  settle(in);
  check_known(in);
  in->final = true;
  type_functions(in);
  if (in->changed)
    diag_error_node(in->d, in->p->kernel->def, "internal error: a type "
                    "changed in the final pass (%s:%d)", __FILE__, __LINE__);
}

Program *infer_program(Arena *a, Diag *d, Node *module,
                       const KernelChoice *choice) {
  Program *p = arena_alloc(a, sizeof *p);
  p->file = d->file;
  p->module = module;
  p->choice = *choice;
  if (setjmp(d->jmp))
    return NULL;
  Infer in = {.a = a, .d = d, .p = p, .module = module};
  infer(&in, choice);
  return p;
}

// ---- --emit=types ----------------------------------------------------------

static void dump_function(FILE *out, Arena *a, const Func *f) {
  fprintf(out, "def %s(", f->name);
  for (int i = 0; i < f->nparams; i++)
    fprintf(out, "%s%s: %s", i ? ", " : "", f->params[i]->name,
            type_name(a, f->params[i]->ty));
  fprintf(out, ") -> %s\n", type_name(a, f->ret));
  for (int i = f->nparams; i < f->vars.len; i++) {
    const Var *v = f->vars.data[i];
    fprintf(out, "  %s: %s  (line %d)\n", v->name, type_name(a, v->ty),
            v->def ? v->def->line : 0);
  }
}

void infer_dump(FILE *out, Arena *a, const Program *p) {
  for (int i = 0; i < p->funcs.len; i++) {
    if (i)
      fputc('\n', out);
    dump_function(out, a, p->funcs.data[i]);
  }
  if (p->consts.len)
    fputc('\n', out);
  for (int i = 0; i < p->consts.len; i++) {
    const Var *v = p->consts.data[i];
    fprintf(out, "const %s: %s  (line %d)\n", v->name, type_name(a, v->ty),
            v->def ? v->def->line : 0);
  }
}
