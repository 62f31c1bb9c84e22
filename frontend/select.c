// select.c - which top-level function is the kernel, and how the driver
// binds its parameters (docs/language.md §3).
//
// The driver offers roles: the grid points (a list of complex, one complex,
// or x and y floats), the axes xs and ys, the starting values z, the
// iteration limit, an output list that the kernel fills. Each parameter
// takes one role, decided by its type first and by name and position where
// types tie. The types come from the function's own text, without the
// inference of infer.c (which needs the binding to start from):
//   1. an annotation (int, float, complex, list[T]);
//   2. a constant default value (`max_iterations=20` is an int);
//   3. its use: `p[i] = ...` in a function that returns nothing makes an
//      output list[int]; `p[i]`, `len(p)`, `for .. in p`, zip/enumerate(p)
//      a list; `range(p)` an int;
//   4. else its name: z, zs, z0 start; c, cs, q, points grid points; x, xs,
//      re, real and y, ys, im, imag the two coordinates; a name holding
//      "iter" the limit.
// A parameter that the first statement unpacks (`q, maxiter, z = chunk`,
// and Python 2's `def f((q, maxiter)):`, which the parser turns into that)
// is a chunk: its elements bind in its place, and the chosen kernel is
// rewritten to take them as parameters. tests/refdriver.py implements
// these rules a second time, from the documentation.
#include "frontend.h"

#include <ctype.h>
#include <string.h>

#define MAX_PARAMS 8  // KernelChoice.binding

// What the text says a parameter is (rule 1-3 above), or PT_UNKNOWN.
typedef enum {
  PT_UNKNOWN,  // "number": nothing fixes it; its name decides
  PT_INT,
  PT_FLOAT,
  PT_COMPLEX,
  PT_LIST,        // list, element type open
  PT_LIST_FLOAT,  // list[float]: an axis
  PT_OUTPUT,      // list[int] the kernel fills, returning nothing
  PT_OTHER,       // anything else the driver has nothing for
} ParamType;

static const char *const param_type_names[] = {
    "number", "int", "float", "complex", "list", "list[float]",
    "list[int] (filled)", "other"};

// The roles, with the words -v and --bind use.
typedef struct {
  char b;            // KernelChoice.binding
  const char *role;  // --bind's ROLE
  const char *value; // what the driver passes, for -v
  const char *what;  // the role, for -v
} Role;

static const Role roles[] = {
    {'q', "points", "q", "points"},  {'c', "points", "c", "points"},
    {'z', "start", "z", "start"},    {'m', "maxiter", "MAXITER", NULL},
    {'x', "x", "xs", "x axis"},      {'y', "y", "ys", "y axis"},
    {'o', "output", "zeros", "output, summed after the call"},
};

typedef struct {
  const char *name;
  Node *at;       // the arg, or the chunk's Name target
  ParamType type;
  char b;         // the role taken, 0 while open
} Param;

// One function as the binder sees it.
typedef struct {
  Node *def;
  Param p[MAX_PARAMS];
  int n;
  const char *chunk;   // the unpacked parameter, or NULL
  bool returns;        // some `return value`
  KernelForm form;
  const char *why;     // NULL when it binds
  bool ambiguous;      // why says which --bind would choose
} Sig;

const char *select_form_name(KernelForm form) {
  switch (form) {
  case FORM_LIST:
    return "list";
  case FORM_GRID:
    return "grid";
  case FORM_POINT_C:
  case FORM_POINT_XY:
    return "point";
  case FORM_CALL:
    return "call";
  }
  return "?";
}

// ---- reading a function's text ----------------------------------------------

static bool is_name(const Node *n, const char *name) {
  return n && n->kind == ND_NAME && strcmp(n->name, name) == 0;
}

static bool is_call_of(const Node *n, const char *fn) {
  return n->kind == ND_CALL && is_name(n->func, fn);
}

// What `use` learns about a parameter while walking a function body.
typedef struct {
  const char *name;
  bool stored_item, listy, in_range, other_use;
  int uses;
} Use;

static void walk_list(Use *u, PtrVec *v);

// Every node below n (statements and expressions), nested defs and
// lambdas excepted: their names are their own.
static void walk(Use *u, Node *n) {
  if (!n || n->kind == ND_FUNCTIONDEF || n->kind == ND_LAMBDA ||
      n->kind == ND_CLASSDEF)
    return;
  if (is_name(n, u->name))
    u->uses++;
  if (n->kind == ND_SUBSCRIPT && is_name(n->value, u->name))
    u->listy = true;
  if (n->kind == ND_FOR || n->kind == ND_COMPREHENSION)
    u->listy |= is_name(n->iter, u->name);
  if (n->kind == ND_CALL) {
    bool range = is_call_of(n, "range") || is_call_of(n, "xrange");
    bool seq = is_call_of(n, "len") || is_call_of(n, "zip") ||
               is_call_of(n, "enumerate");
    for (int i = 0; i < n->args.len; i++) {
      u->in_range |= range && is_name(n->args.data[i], u->name);
      u->listy |= seq && is_name(n->args.data[i], u->name);
    }
  }
  PtrVec *targets = n->kind == ND_ASSIGN ? &n->targets : NULL;
  Node *one = n->kind == ND_AUGASSIGN ? n->target : NULL;
  for (int i = 0; targets && i < targets->len; i++) {
    Node *t = targets->data[i];
    u->stored_item |= t->kind == ND_SUBSCRIPT && is_name(t->value, u->name);
    for (int k = 0; t->kind == ND_TUPLE && k < t->elts.len; k++) {
      Node *e = t->elts.data[k];
      u->stored_item |= e->kind == ND_SUBSCRIPT && is_name(e->value, u->name);
    }
  }
  if (one && one->kind == ND_SUBSCRIPT && is_name(one->value, u->name))
    u->stored_item = true;
  Node *kids[] = {n->left, n->right, n->value, n->test, n->body_expr,
                  n->orelse_expr, n->target, n->iter, n->func, n->elt,
                  n->index, n->lower, n->upper, n->step};
  for (size_t i = 0; i < sizeof kids / sizeof kids[0]; i++)
    walk(u, kids[i]);
  walk_list(u, &n->targets);
  walk_list(u, &n->body);
  walk_list(u, &n->orelse);
  walk_list(u, &n->handlers);
  walk_list(u, &n->finalbody);
  walk_list(u, &n->values);
  walk_list(u, &n->keys);
  walk_list(u, &n->comparators);
  walk_list(u, &n->args);
  walk_list(u, &n->keywords);
  walk_list(u, &n->elts);
  walk_list(u, &n->generators);
  walk_list(u, &n->ifs);
}

static void walk_list(Use *u, PtrVec *v) {
  for (int i = 0; i < v->len; i++)
    walk(u, v->data[i]);
}

// Does the body return a value (a `return x` that is not `return None`)?
static bool returns_value(PtrVec *body);

static bool stmt_returns_value(Node *s) {
  if (!s || s->kind == ND_FUNCTIONDEF || s->kind == ND_CLASSDEF)
    return false;
  if (s->kind == ND_RETURN)
    return s->value && !(s->value->kind == ND_CONSTANT &&
                         s->value->cval.kind == CONST_NONE);
  if (s->kind == ND_UNSUPPORTED)  // a match statement's cases may return:
    return true;                  // the kernel's diagnostic says why not
  return returns_value(&s->body) || returns_value(&s->orelse) ||
         returns_value(&s->handlers) || returns_value(&s->finalbody);
}

static bool returns_value(PtrVec *body) {
  for (int i = 0; i < body->len; i++)
    if (stmt_returns_value(body->data[i]))
      return true;
  return false;
}

// Rule 1: int, float, complex, list[...]; NULL-free.
static ParamType annotation_param_type(const Node *n) {
  if (n->kind == ND_NAME || n->kind == ND_ATTRIBUTE) {
    if (!strcmp(n->name, "int"))
      return PT_INT;
    if (!strcmp(n->name, "float"))
      return PT_FLOAT;
    if (!strcmp(n->name, "complex"))
      return PT_COMPLEX;
    if (!strcmp(n->name, "list") || !strcmp(n->name, "List"))
      return PT_LIST;
    return PT_OTHER;
  }
  if (n->kind == ND_SUBSCRIPT &&
      (is_name(n->value, "list") || is_name(n->value, "List") ||
       (n->value->kind == ND_ATTRIBUTE && !strcmp(n->value->name, "List")))) {
    ParamType e = annotation_param_type(n->index);
    return e == PT_FLOAT ? PT_LIST_FLOAT : e == PT_INT ? PT_OUTPUT
           : e == PT_COMPLEX ? PT_LIST : PT_OTHER;
  }
  return PT_OTHER;
}

// Rules 1-3 for the parameter `name` of a function with `body`.
static ParamType param_type(Node *annotation, Node *deflt, const char *name,
                            PtrVec *body, bool returns) {
  if (annotation) {
    ParamType t = annotation_param_type(annotation);
    // list[int] is an output only in a function that returns nothing
    return t == PT_OUTPUT && returns ? PT_OTHER : t;
  }
  if (deflt && deflt->kind == ND_CONSTANT) {
    switch (deflt->cval.kind) {
    case CONST_INT:
      return PT_INT;
    case CONST_FLOAT:
      return PT_FLOAT;
    case CONST_COMPLEX:
      return PT_COMPLEX;
    default:
      return PT_OTHER;
    }
  }
  Use u = {.name = name};
  walk_list(&u, body);
  if (u.stored_item && !returns)
    return PT_OUTPUT;
  if (u.listy || u.stored_item)
    return PT_LIST;
  if (u.in_range)
    return PT_INT;
  return PT_UNKNOWN;
}

// ---- names ------------------------------------------------------------------

static bool name_in(const char *name, const char *const *list) {
  for (; *list; list++)
    if (strcasecmp(name, *list) == 0)
      return true;
  return false;
}

static const char *const start_names[] = {"z", "zs", "z0", NULL};
static const char *const point_names[] = {"c", "cs", "q", "points", NULL};
static const char *const plural_names[] = {"q",  "zs", "cs", "points",
                                           "xs", "ys", NULL};
static const char *const x_names[] = {"x", "xs", "re", "real", NULL};
static const char *const y_names[] = {"y", "ys", "im", "imag", NULL};

static bool is_limit_name(const char *name) {
  for (const char *s = name; *s; s++)
    if (strncasecmp(s, "iter", 4) == 0)
      return true;
  return false;
}

// ---- binding one function ---------------------------------------------------

// The first statement (after a docstring) when it is `a, b, ... = name`.
static Node *chunk_unpacking(Node *def, const char *name) {
  int i = 0;
  Node *s = i < def->body.len ? def->body.data[i] : NULL;
  if (s && s->kind == ND_EXPR && s->value->kind == ND_CONSTANT &&
      s->value->cval.kind == CONST_STR)
    s = ++i < def->body.len ? def->body.data[i] : NULL;
  if (!s || s->kind != ND_ASSIGN || s->targets.len != 1 ||
      !is_name(s->value, name))
    return NULL;
  Node *t = s->targets.data[0];
  if (t->kind != ND_TUPLE && t->kind != ND_LIST)
    return NULL;
  for (int k = 0; k < t->elts.len; k++)
    if (((Node *)t->elts.data[k])->kind != ND_NAME)
      return NULL;
  return s;
}

static const char *a_param(Arena *a, const Param *p) {
  return arena_sprintf(a, "'%s'", p->name);
}

static int count_open(Sig *s, ParamType t) {
  int n = 0;
  for (int i = 0; i < s->n; i++)
    n += !s->p[i].b && s->p[i].type == t;
  return n;
}

// Gives `b` to the one open parameter of type t whose name is in `names`,
// if exactly one is.
static bool role_taken(Sig *s, char b);

static void take_by_name(Sig *s, ParamType t, const char *const *names,
                         char b) {
  Param *found = NULL;
  if (role_taken(s, b))
    return;
  for (int i = 0; i < s->n; i++) {
    Param *p = &s->p[i];
    if (p->b || p->type != t || !name_in(p->name, names))
      continue;
    if (found)
      return;
    found = p;
  }
  if (found)
    found->b = b;
}

static bool role_taken(Sig *s, char b);

// Gives `b` to the one open parameter of type t whose name passes `test`,
// if exactly one does.
static void take_by_name_if(Sig *s, ParamType t, bool (*test)(const char *),
                            char b) {
  Param *found = NULL;
  if (role_taken(s, b))
    return;
  for (int i = 0; i < s->n; i++) {
    Param *p = &s->p[i];
    if (p->b || p->type != t || !test(p->name))
      continue;
    if (found)
      return;
    found = p;
  }
  if (found)
    found->b = b;
}

static bool role_taken(Sig *s, char b) {
  for (int i = 0; i < s->n; i++)
    if (s->p[i].b == b)
      return true;
  return false;
}

// The open parameters of type t, in order.
static int open_params(Sig *s, ParamType t, Param **out) {
  int n = 0;
  for (int i = 0; i < s->n; i++)
    if (!s->p[i].b && s->p[i].type == t)
      out[n++] = &s->p[i];
  return n;
}

// Two open parameters of one type for roles r1, r2 and no name decides:
// by position under --kernel, else an ambiguity naming the --bind.
static void take_pair(Arena *a, Sig *s, ParamType t, char r1, char r2,
                      const char *what, bool by_position) {
  Param *open[MAX_PARAMS];
  int n = open_params(s, t, open);
  bool free1 = !role_taken(s, r1), free2 = !role_taken(s, r2);
  if (n == 1) {
    open[0]->b = free1 ? r1 : free2 ? r2 : 0;
    return;
  }
  if (n != 2 || !free1 || !free2)
    return;
  if (by_position) {
    open[0]->b = r1;
    open[1]->b = r2;
    return;
  }
  const char *role1 = r1 == 'q' ? "points" : "x";
  const char *role2 = r1 == 'q' ? "start" : "y";
  s->ambiguous = true;
  s->why = arena_sprintf(
      a, "%s and %s are both %s and no name says which holds %s; choose "
      "with --bind=%s=%s,%s=%s or --bind=%s=%s,%s=%s (or --kernel=%s, "
      "which binds by position)",
      a_param(a, open[0]), a_param(a, open[1]), param_type_names[t], what,
      role1, open[0]->name, role2, open[1]->name, role1, open[1]->name,
      role2, open[0]->name, s->def->name);
}

// The limit: the one int, or the one int whose name holds "iter".
static void take_limit(Arena *a, Sig *s, bool by_position) {
  Param *open[MAX_PARAMS];
  int n = open_params(s, PT_INT, open);
  if (n == 0) {  // an annotation may make the limit a float
    take_by_name_if(s, PT_FLOAT, is_limit_name, 'm');
    take_by_name_if(s, PT_COMPLEX, is_limit_name, 'm');
    return;
  }
  if (n == 1 || (n > 1 && by_position)) {
    open[0]->b = 'm';
    return;
  }
  if (n > 1) {
    Param *named = NULL;
    int nnamed = 0;
    for (int i = 0; i < n; i++)
      if (is_limit_name(open[i]->name)) {
        named = open[i];
        nnamed++;
      }
    if (nnamed == 1)
      named->b = 'm';
    if (!role_taken(s, 'm')) {
      s->ambiguous = true;
      s->why = arena_sprintf(a, "%s and %s are both ints and no name says "
                             "which is the iteration limit; choose with "
                             "--bind=maxiter=%s or --bind=maxiter=%s",
                             a_param(a, open[0]), a_param(a, open[1]),
                             open[0]->name, open[1]->name);
    }
  }
}

// Rule 4: an unknown parameter's type from its name, in a function of
// lists (list) or of numbers.
static void type_by_name(Sig *s, bool list) {
  for (int i = 0; i < s->n; i++) {
    Param *p = &s->p[i];
    if (p->type != PT_UNKNOWN || p->b)
      continue;
    if (is_limit_name(p->name) && !role_taken(s, 'm') &&
        count_open(s, PT_INT) == 0)
      p->type = PT_INT;
    else if (list && (name_in(p->name, start_names) ||
                      name_in(p->name, point_names)))
      p->type = PT_LIST;
    else if (list && (name_in(p->name, x_names) ||
                      name_in(p->name, y_names)))
      p->type = PT_LIST_FLOAT;
  }
}

static const char *first_open(Arena *a, Sig *s) {
  for (int i = 0; i < s->n; i++)
    if (!s->p[i].b)
      return arena_sprintf(a, "%s (%s) has no role", a_param(a, &s->p[i]),
                           param_type_names[s->p[i].type]);
  return NULL;
}

// Lists: the list and grid forms.
static void bind_lists(Arena *a, Sig *s, bool by_position) {
  type_by_name(s, true);
  for (int i = 0; i < s->n; i++)
    if (!s->p[i].b && s->p[i].type == PT_OUTPUT && !role_taken(s, 'o'))
      s->p[i].b = 'o';
  take_by_name(s, PT_LIST, start_names, 'z');
  take_by_name(s, PT_LIST, point_names, 'q');
  take_by_name(s, PT_LIST, x_names, 'x');
  take_by_name(s, PT_LIST, y_names, 'y');
  take_by_name(s, PT_LIST_FLOAT, x_names, 'x');
  take_by_name(s, PT_LIST_FLOAT, y_names, 'y');
  if (role_taken(s, 'x') || role_taken(s, 'y') ||
      count_open(s, PT_LIST_FLOAT))
    take_pair(a, s, PT_LIST_FLOAT, 'x', 'y', "which axis", by_position);
  else
    take_pair(a, s, PT_LIST, 'q', 'z', "the grid points and which the "
              "starting values", by_position);
  if (!s->why)
    take_limit(a, s, by_position);
  if (s->why)
    return;
  bool grid = role_taken(s, 'x') || role_taken(s, 'y');
  if ((s->why = first_open(a, s)))
    return;
  if (grid && (!role_taken(s, 'x') || !role_taken(s, 'y') ||
               role_taken(s, 'q') || role_taken(s, 'z') ||
               role_taken(s, 'o')))
    s->why = "a grid kernel takes the two axes xs and ys (and the limit)";
  else if (!grid && !role_taken(s, 'q'))
    s->why = "no parameter takes the grid points";
  else if (!role_taken(s, 'o') && !s->returns)
    s->why = "it returns nothing and fills no output list";
  else if (role_taken(s, 'o') && s->returns)
    s->why = "it fills an output list but also returns a value";
  s->form = grid ? FORM_GRID : FORM_LIST;
}

// Numbers: the point forms, one complex or two floats.
static void bind_numbers(Arena *a, Sig *s, bool by_position) {
  type_by_name(s, false);
  take_limit(a, s, by_position);
  if (s->why)
    return;
  int nc = count_open(s, PT_COMPLEX), nf = count_open(s, PT_FLOAT),
      nu = count_open(s, PT_UNKNOWN);
  if (nc + nf + nu == 1) {
    for (int i = 0; i < s->n; i++)
      if (!s->p[i].b && s->p[i].type != PT_FLOAT &&
          s->p[i].type != PT_INT && s->p[i].type != PT_OTHER)
        s->p[i].b = 'c';
  } else if (nc == 0 && nf + nu == 2) {
    for (int t = PT_UNKNOWN; t <= PT_FLOAT; t += PT_FLOAT - PT_UNKNOWN) {
      take_by_name(s, (ParamType)t, x_names, 'x');
      take_by_name(s, (ParamType)t, y_names, 'y');
    }
    Param *open[MAX_PARAMS];
    int n = 0;
    for (int i = 0; i < s->n; i++)
      if (!s->p[i].b && (s->p[i].type == PT_UNKNOWN ||
                         s->p[i].type == PT_FLOAT))
        open[n++] = &s->p[i];
    for (int i = 0; i < n; i++)
      if (name_in(open[i]->name, start_names) ||
          name_in(open[i]->name, point_names))
        s->why = arena_sprintf(a, "%s is named as a complex value, but a "
                               "point kernel takes one complex or two "
                               "floats (x, y)", a_param(a, open[i]));
    if (s->why)
      return;
    if (!role_taken(s, 'x') && !role_taken(s, 'y') && !role_taken(s, 'm') &&
        !by_position) {
      s->why = arena_sprintf(a, "%s and %s are numbers that neither an "
                             "x/y name nor an iteration limit makes a "
                             "point (x, y)", a_param(a, open[0]),
                             a_param(a, open[1]));
      return;
    }
    for (int i = 0; i < n; i++)
      open[i]->b = role_taken(s, 'x') ? 'y' : 'x';
  }
  if ((s->why = first_open(a, s)))
    return;
  if (!role_taken(s, 'c') && !role_taken(s, 'x'))
    s->why = "no parameter takes the grid points";
  else if (!s->returns)
    s->why = "it returns nothing: a point kernel returns its count";
  s->form = role_taken(s, 'c') ? FORM_POINT_C : FORM_POINT_XY;
}

// The parameters, a chunk flattened, with their types; false (and why)
// when the parameter list itself is out of reach.
static bool read_params_into(Arena *a, Sig *s);

// read_params_into, forgetting a half-read list on failure (the messages
// then show the parameters as written).
static bool read_params(Arena *a, Sig *s) {
  if (read_params_into(a, s))
    return true;
  s->n = 0;
  s->chunk = NULL;
  return false;
}

static bool read_params_into(Arena *a, Sig *s) {
  Node *def = s->def;
  s->returns = returns_value(&def->body);
  PtrVec *body = &def->body;
  for (int i = 0; i < def->args.len; i++) {
    Node *arg = def->args.data[i];
    if (arg->kind != ND_ARG) {
      s->why = "it takes *args or **kwargs";
      return false;
    }
    Node *unpack = def->args.len == 1 ? chunk_unpacking(def, arg->name)
                                      : NULL;
    if (unpack) {
      Use u = {.name = arg->name};
      walk_list(&u, body);
      if (u.uses != 1) {
        s->why = arena_sprintf(a, "chunk '%s' is used beyond its unpacking",
                               arg->name);
        return false;
      }
      Node *t = unpack->targets.data[0];
      if (t->elts.len > MAX_PARAMS) {
        s->why = "its chunk has too many items";
        return false;
      }
      s->chunk = arg->name;
      for (int k = 0; k < t->elts.len; k++) {
        Node *e = t->elts.data[k];
        s->p[s->n++] = (Param){.name = e->name, .at = e};
      }
      break;
    }
    if (s->n == MAX_PARAMS) {
      s->why = "it takes too many parameters";
      return false;
    }
    s->p[s->n++] = (Param){.name = arg->name, .at = arg};
  }
  for (int i = 0; i < s->n; i++) {
    bool own = s->p[i].at->kind == ND_ARG;
    s->p[i].type = param_type(own ? s->p[i].at->annotation : NULL,
                              own ? s->p[i].at->value : NULL, s->p[i].name,
                              body, s->returns);
  }
  return true;
}

static bool is_list_type(ParamType t) {
  return t == PT_LIST || t == PT_LIST_FLOAT || t == PT_OUTPUT;
}

// --bind=ROLE=PARAM,...: the role each named parameter must take. Returns
// an error text (the caller reports it as a bad option) or NULL.
static const char *apply_binds(Arena *a, Sig *s, const char *binds,
                               bool *missing) {
  *missing = false;
  const char *p = binds;
  while (p && *p) {
    const char *comma = strchr(p, ',');
    size_t len = comma ? (size_t)(comma - p) : strlen(p);
    const char *item = arena_strndup(a, p, len);
    p = comma ? comma + 1 : NULL;
    const char *eq = strchr(item, '=');
    if (!eq)
      return arena_sprintf(a, "'%s' is not ROLE=PARAM", item);
    const char *role = arena_strndup(a, item, (size_t)(eq - item));
    const char *name = eq + 1;
    Param *par = NULL;
    for (int i = 0; i < s->n && !par; i++)
      if (strcmp(s->p[i].name, name) == 0)
        par = &s->p[i];
    if (!par) {
      *missing = true;
      return arena_sprintf(a, "'%s' has no parameter '%s'", s->def->name,
                           name);
    }
    bool list = is_list_type(par->type);
    bool number = par->type == PT_UNKNOWN || par->type == PT_INT ||
                  par->type == PT_FLOAT || par->type == PT_COMPLEX;
    char b = 0;
    if (!strcmp(role, "points"))
      b = list ? 'q' : par->type == PT_COMPLEX || par->type == PT_UNKNOWN
                           ? 'c' : 0;
    else if (!strcmp(role, "start"))
      b = list || par->type == PT_UNKNOWN ? 'z' : 0;
    else if (!strcmp(role, "maxiter"))
      b = par->type == PT_INT || par->type == PT_UNKNOWN ? 'm' : 0;
    else if (!strcmp(role, "output"))
      b = par->type == PT_OUTPUT || par->type == PT_LIST ||
          par->type == PT_UNKNOWN ? 'o' : 0;
    else if (!strcmp(role, "x") || !strcmp(role, "y"))
      b = list || number ? role[0] : 0;
    else
      return arena_sprintf(a, "unknown role '%s'; the roles are points, "
                           "start, maxiter, output, x and y", role);
    if (!b)
      return arena_sprintf(a, "'%s' (%s) cannot take the role %s", name,
                           param_type_names[par->type], role);
    for (int i = 0; i < s->n; i++)
      if (s->p[i].b && (s->p[i].b == b ||
                        (strchr("qc", b) && strchr("qc", s->p[i].b))))
        return arena_sprintf(a, "the role %s is given twice", role);
    if (par->b)
      return arena_sprintf(a, "'%s' is given two roles", name);
    par->b = b;
    // The role fixes an open type: a list role makes a list.
    if (par->type == PT_UNKNOWN)
      par->type = b == 'o' ? PT_OUTPUT : b == 'm' ? PT_INT
                  : b == 'c' ? PT_COMPLEX : PT_UNKNOWN;
    if (b == 'z' && par->type == PT_UNKNOWN)
      par->type = PT_LIST;
  }
  return NULL;
}

// Binds s; s->why says why not. by_position: --kernel named it. binds:
// --bind's text, whose roles are given first. Returns a --bind error that
// makes the option bad (a role twice, a type that does not fit), else NULL;
// a missing parameter only stops this function (*missing).
static const char *bind_sig(Arena *a, Sig *s, bool by_position,
                            const char *binds, bool *missing) {
  *missing = false;
  if (!read_params(a, s))
    return NULL;
  if (s->n == 0) {
    s->why = "it takes no parameters";
    return NULL;
  }
  for (int i = 0; i < s->n; i++)
    if (s->p[i].type == PT_OTHER) {
      s->why = arena_sprintf(a, "the driver has nothing for the type of %s",
                             a_param(a, &s->p[i]));
      return NULL;
    }
  if (binds) {
    const char *e = apply_binds(a, s, binds, missing);
    if (e && !*missing)
      return e;
    if (e) {
      s->why = e;
      return NULL;
    }
  }
  bool list = false;
  for (int i = 0; i < s->n; i++)
    list |= is_list_type(s->p[i].type) ||
            (s->p[i].b && strchr("qzo", s->p[i].b)) ||
            (s->p[i].type == PT_UNKNOWN &&
             name_in(s->p[i].name, plural_names));
  if (list)
    bind_lists(a, s, by_position);
  else
    bind_numbers(a, s, by_position);
  return NULL;
}

// ---- choosing among the functions -------------------------------------------

// The top-level FunctionDefs, the last definition of each name only.
static PtrVec top_level_functions(Arena *a, Node *module) {
  PtrVec defs = {0};
  for (int i = 0; i < module->body.len; i++) {
    Node *s = module->body.data[i];
    if (s->kind != ND_FUNCTIONDEF)
      continue;
    bool redefined = false;
    for (int j = i + 1; j < module->body.len && !redefined; j++) {
      Node *later = module->body.data[j];
      redefined = later->kind == ND_FUNCTIONDEF &&
                  strcmp(later->name, s->name) == 0;
    }
    if (!redefined)
      vec_push(a, &defs, s);
  }
  return defs;
}

// "f(a: list, b: int)"
static const char *signature(Arena *a, Sig *s) {
  Node *def = s->def;
  const char *out = arena_sprintf(a, "%s(", def->name);
  if (s->chunk)
    out = arena_sprintf(a, "%s%s: tuple = (", out, s->chunk);
  int n = s->n ? s->n : def->args.len;
  for (int i = 0; i < n; i++) {
    if (s->n)
      out = arena_sprintf(a, "%s%s%s: %s", out, i ? ", " : "", s->p[i].name,
                          param_type_names[s->p[i].type]);
    else {
      Node *arg = def->args.data[i];
      const char *stars = "";
      if (arg->kind == ND_STARRED) {
        stars = arg->op == OP_POW ? "**" : "*";
        arg = arg->value;
      }
      out = arena_sprintf(a, "%s%s%s%s", out, i ? ", " : "", stars,
                          arg->name);
    }
  }
  return arena_sprintf(a, "%s%s)", out, s->chunk ? ")" : "");
}

static const char *binding_text_of(Arena *a, const Param *p, int n,
                                   const char *chunk);

// One line a function: its signature and how it binds or why not.
static const char *describe(Arena *a, Sig *s) {
  if (s->why)
    return arena_sprintf(a, "\n  %s, line %d: %s", signature(a, s),
                         s->def->line, s->why);
  return arena_sprintf(a, "\n  %s, line %d: binds (%s form: %s)",
                       signature(a, s), s->def->line,
                       select_form_name(s->form),
                       binding_text_of(a, s->p, s->n, s->chunk));
}

// Does anything under n (not inside nested defs' headers) name `name`?
static bool mentions(Node *n, const char *name) {
  Use u = {.name = name};
  if (n->kind == ND_FUNCTIONDEF)
    walk_list(&u, &n->body);
  else
    walk(&u, n);
  return u.uses > 0;
}

// Among several candidates: the one the file's own driver refers to (calls
// it, or passes it to pool.map), where a driver is any top-level function
// that is no candidate, or module-level code; else the one candidate no
// other candidate calls (the others are its helpers).
static Sig *preferred(Node *module, Sig *sigs, int n) {
  Sig *found = NULL;
  int count = 0;
  for (int k = 0; k < n; k++) {
    if (sigs[k].why && !sigs[k].ambiguous)
      continue;
    bool called = false;
    for (int i = 0; i < module->body.len && !called; i++) {
      Node *st = module->body.data[i];
      bool candidate = false;
      for (int j = 0; j < n; j++)
        candidate |= sigs[j].def == st && (!sigs[j].why || sigs[j].ambiguous);
      if (!candidate && st != sigs[k].def)
        called = mentions(st, sigs[k].def->name);
    }
    if (called) {
      found = &sigs[k];
      count++;
    }
  }
  if (count == 1)
    return found;
  found = NULL;
  count = 0;
  for (int k = 0; k < n; k++) {
    if (sigs[k].why && !sigs[k].ambiguous)
      continue;
    bool called = false;
    for (int j = 0; j < n && !called; j++)
      called = j != k && (!sigs[j].why || sigs[j].ambiguous) &&
               mentions(sigs[j].def, sigs[k].def->name);
    if (!called) {
      found = &sigs[k];
      count++;
    }
  }
  return count == 1 ? found : NULL;
}

// Rewrites a chunk kernel to take the chunk's items as its parameters and
// drops the unpacking: the rest of mandelc sees an ordinary kernel. The
// tuple's Name targets become the args, in place (the scratch arena of
// this stage must not own any of the tree).
static void flatten_chunk(Sig *s) {
  Node *def = s->def;
  Node *unpack = chunk_unpacking(def, s->chunk);
  Node *tuple = unpack->targets.data[0];
  for (int i = 0; i < tuple->elts.len; i++) {
    Node *e = tuple->elts.data[i];
    e->kind = ND_ARG;
  }
  def->args = tuple->elts;
  int k = 0;
  for (int i = 0; i < def->body.len; i++)
    if (def->body.data[i] != unpack)
      def->body.data[k++] = def->body.data[i];
  def->body.len = k;
}

static void fill_choice(Sig *s, KernelChoice *out) {
  *out = (KernelChoice){.def = s->def, .form = s->form, .nparams = s->n};
  for (int i = 0; i < s->n; i++)
    out->binding[i] = s->p[i].b;
  if (s->chunk) {
    out->chunk = s->chunk;
    flatten_chunk(s);
  }
}

// ---- the entry --------------------------------------------------------------

static const char *binding_text_of(Arena *a, const Param *p, int n,
                                   const char *chunk) {
  static const Role point_x = {'x', "x", "x", "points"},
                    point_y = {'y', "y", "y", "points"};
  bool point = true;
  for (int i = 0; i < n; i++)
    point &= !strchr("qzo", p[i].b) && !is_list_type(p[i].type);
  const char *out = chunk ? arena_sprintf(a, "%s = (", chunk) : "";
  for (int i = 0; i < n; i++) {
    const Role *r = NULL;
    for (size_t k = 0; k < sizeof roles / sizeof roles[0]; k++)
      if (roles[k].b == p[i].b)
        r = &roles[k];
    if (point && p[i].b == 'x')
      r = &point_x;
    if (point && p[i].b == 'y')
      r = &point_y;
    if (!r)
      out = arena_sprintf(a, "%s%s%s <- ?", out, i ? ", " : "", p[i].name);
    else if (r->what)
      out = arena_sprintf(a, "%s%s%s <- %s (%s)", out, i ? ", " : "",
                          p[i].name, r->value, r->what);
    else
      out = arena_sprintf(a, "%s%s%s <- %s", out, i ? ", " : "", p[i].name,
                          r->value);
  }
  return chunk ? arena_sprintf(a, "%s)", out) : out;
}

const char *select_binding_text(Arena *a, const KernelChoice *c) {
  if (c->form == FORM_CALL)  // no driver: nothing is bound
    return "as called";
  Param p[MAX_PARAMS];
  for (int i = 0; i < c->nparams; i++) {
    Node *arg = c->def->args.data[i];
    bool list = c->form == FORM_LIST || c->form == FORM_GRID;
    p[i] = (Param){.name = arg->name, .b = c->binding[i],
                   .type = list ? PT_LIST : PT_UNKNOWN};
  }
  return binding_text_of(a, p, c->nparams, c->chunk);
}

static SelectResult bad_option(Diag *d, const char *what) {
  fprintf(d->out, "mandelc: error: --bind: %s\n", what);
  return SELECT_BAD_OPTION;
}

SelectResult select_kernel_with(Diag *d, Node *module,
                                const SelectOptions *opt, KernelChoice *out) {
  Arena *volatile a = arena_new();
  if (setjmp(d->jmp)) {
    arena_free(a);
    return SELECT_ERROR;
  }
  PtrVec defs = top_level_functions(a, module);
  Sig *sigs = arena_alloc(a, sizeof *sigs * (size_t)(defs.len + 1));
  int nbound = 0, nmissing = 0, ntried = 0;
  const char *bind_error = NULL;
  for (int i = 0; i < defs.len; i++) {
    Sig *s = &sigs[i];
    s->def = defs.data[i];
    bool named = opt->kernel && strcmp(s->def->name, opt->kernel) == 0;
    if (opt->kernel && !named)
      continue;
    bool missing;
    ntried++;
    const char *e = bind_sig(a, s, named, opt->bind, &missing);
    if (e) {
      SelectResult r = bad_option(d, e);
      arena_free(a);
      return r;
    }
    if (missing) {
      nmissing++;
      bind_error = s->why;
    }
    nbound += !s->why;
  }
  if (opt->bind && ntried && nmissing == ntried) {
    SelectResult r = bad_option(d, bind_error);
    arena_free(a);
    return r;
  }
  const char *all = "";
  for (int i = 0; i < defs.len; i++)
    if (!opt->kernel || strcmp(sigs[i].def->name, opt->kernel) == 0)
      all = arena_sprintf(a, "%s%s", all, describe(a, &sigs[i]));
  if (opt->kernel) {
    Sig *s = NULL;
    for (int i = 0; i < defs.len; i++)
      if (strcmp(sigs[i].def->name, opt->kernel) == 0)
        s = &sigs[i];
    if (!s && defs.len == 0)
      diag_error_at(d, 0, 0, "no function named '%s': the file defines no "
                    "top-level function", opt->kernel);
    if (!s) {
      const char *names = "";
      for (int i = 0; i < defs.len; i++)
        names = arena_sprintf(a, "%s%s%s (line %d)", names, i ? ", " : "",
                              sigs[i].def->name, sigs[i].def->line);
      diag_error_at(d, 0, 0, "no function named '%s'; the top-level "
                    "functions are %s", opt->kernel, names);
    }
    if (s->why)
      diag_error_node(d, s->def, "'%s' cannot be the kernel:%s",
                      opt->kernel, all);
    fill_choice(s, out);
    arena_free(a);
    return SELECT_OK;
  }
  if (defs.len == 0)
    diag_error_at(d, 0, 0, "no function can be the kernel: the file defines "
                  "no top-level function");
  Sig *pick = preferred(module, sigs, defs.len);
  if (pick && pick->why)
    diag_error_node(d, pick->def, "'%s' cannot be the kernel: %s",
                    pick->def->name, pick->why);
  if (pick) {
    fill_choice(pick, out);
    arena_free(a);
    return SELECT_OK;
  }
  if (nbound == 0)
    diag_error_at(d, 0, 0, "no function can be the kernel; the top-level "
                  "functions:%s", all);
  diag_error_at(d, 0, 0, "several functions could be the kernel; choose one "
                "with --kernel=NAME:%s", all);
}

bool select_kernel(Diag *d, Node *module, const char *name,
                   KernelChoice *out) {
  SelectOptions opt = {.kernel = name};
  return select_kernel_with(d, module, &opt, out) == SELECT_OK;
}

bool select_call(Diag *d, Node *module, const char *name, KernelChoice *out) {
  Arena *volatile a = arena_new();
  if (setjmp(d->jmp)) {
    arena_free(a);
    return false;
  }
  PtrVec defs = top_level_functions(a, module);
  Node *def = NULL;
  for (int i = 0; i < defs.len; i++) {
    Node *f = defs.data[i];
    if (name ? strcmp(f->name, name) == 0 : defs.len == 1)
      def = f;
  }
  if (!def && name)
    diag_error_at(d, 0, 0, "no function named '%s'", name);
  if (!def)
    diag_error_at(d, 0, 0, "no function can be the kernel; name one (the "
                  "file defines %d top-level functions)", defs.len);
  for (int i = 0; i < def->args.len; i++) {
    Node *arg = def->args.data[i];
    if (arg->kind == ND_ARG && !arg->annotation)
      diag_error_node(d, arg, "parameter '%s' of '%s' needs an annotation "
                      "(int, float, complex, bool or list[...]): the driver "
                      "cannot bind it, so its type is what the caller "
                      "passes", arg->name, def->name);
  }
  *out = (KernelChoice){.def = def, .form = FORM_CALL,
                        .nparams = def->args.len};
  arena_free(a);
  return true;
}
