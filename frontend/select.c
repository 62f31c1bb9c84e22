// select.c - which top-level function is the kernel (SPEC §3).
//
// The driver binds a kernel's parameters by name, so a function can be the
// kernel exactly when its parameter names are one of the four forms, in any
// order: {q, maxiter, z}, {xs, ys, maxiter}, {c, maxiter}, {x, y, maxiter}.
// Only functions defined directly in the module body count; when a name is
// defined twice, the later definition wins, as it does when Python runs the
// file. With --kernel=NAME that function must exist and be bindable;
// without, exactly one function may be bindable. Every failure is one error
// that lists what the file offers, so the user can pick.
#include "frontend.h"

#include <string.h>

// What a kernel's parameters may be, in the words of the error messages.
#define FORMS_EXPECTED \
  "(q, maxiter, z), (xs, ys, maxiter), (c, maxiter) or (x, y, maxiter)"

typedef struct {
  KernelForm form;
  int n;
  const char *names[3];
  char binding[3];  // the driver value bound to names[i]
} FormShape;

static const FormShape form_shapes[] = {
    {FORM_LIST, 3, {"q", "maxiter", "z"}, {'q', 'm', 'z'}},
    {FORM_GRID, 3, {"xs", "ys", "maxiter"}, {'x', 'y', 'm'}},
    {FORM_POINT_C, 2, {"c", "maxiter"}, {'c', 'm'}},
    {FORM_POINT_XY, 3, {"x", "y", "maxiter"}, {'x', 'y', 'm'}},
};

const char *select_form_name(KernelForm form) {
  switch (form) {
  case FORM_LIST:
    return "list";
  case FORM_GRID:
    return "grid";
  case FORM_POINT_C:
  case FORM_POINT_XY:
    return "point";
  }
  return "?";
}

// The binding char for `name` in `shape`, or 0 if the shape lacks it.
static char shape_binding(const FormShape *shape, const char *name) {
  for (int i = 0; i < shape->n; i++)
    if (strcmp(shape->names[i], name) == 0)
      return shape->binding[i];
  return 0;
}

// Fills *out when def's parameters are exactly one form's names. Names are
// distinct (Python rejects duplicate parameters), so equal counts and every
// name found means the sets are equal.
static bool match_form(Node *def, KernelChoice *out) {
  int n = def->args.len;
  for (size_t s = 0; s < sizeof form_shapes / sizeof form_shapes[0]; s++) {
    const FormShape *shape = &form_shapes[s];
    if (shape->n != n)
      continue;
    KernelChoice c = {.def = def, .form = shape->form, .nparams = n};
    bool all = true;
    for (int i = 0; i < n && all; i++) {
      Node *arg = def->args.data[i];  // *args is a Starred: never bound
      c.binding[i] = arg->kind == ND_ARG ? shape_binding(shape, arg->name)
                                         : 0;
      all = c.binding[i] != 0;
    }
    if (all) {
      *out = c;
      return true;
    }
  }
  return false;
}

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

// "f (line 3), g (line 9)"
static const char *list_functions(Arena *a, PtrVec defs) {
  const char *s = "";
  for (int i = 0; i < defs.len; i++) {
    Node *def = defs.data[i];
    s = arena_sprintf(a, "%s%s%s (line %d)", s, i ? ", " : "", def->name,
                      def->line);
  }
  return s;
}

// "(a, b)"
static const char *list_params(Arena *a, Node *def) {
  const char *s = "(";
  for (int i = 0; i < def->args.len; i++) {
    Node *arg = def->args.data[i];
    const char *stars = "";
    if (arg->kind == ND_STARRED) {  // *args, **kwargs
      stars = arg->op == OP_POW ? "**" : "*";
      arg = arg->value;
    }
    s = arena_sprintf(a, "%s%s%s%s", s, i ? ", " : "", stars, arg->name);
  }
  return arena_sprintf(a, "%s)", s);
}

static void select_named(Arena *a, Diag *d, PtrVec defs, const char *name,
                         KernelChoice *out) {
  for (int i = 0; i < defs.len; i++) {
    Node *def = defs.data[i];
    if (strcmp(def->name, name) != 0)
      continue;
    if (match_form(def, out))
      return;
    diag_error_node(d, def,
                    "'%s' cannot be the kernel: its parameters are %s, but a "
                    "kernel's parameters must be " FORMS_EXPECTED,
                    name, list_params(a, def));
  }
  if (defs.len == 0)
    diag_error_at(d, 0, 0,
                  "no function named '%s': the file defines no top-level "
                  "function",
                  name);
  diag_error_at(d, 0, 0,
                "no function named '%s'; the top-level functions are %s",
                name, list_functions(a, defs));
}

static void select_unnamed(Arena *a, Diag *d, PtrVec defs,
                           KernelChoice *out) {
  PtrVec found = {0};
  for (int i = 0; i < defs.len; i++)
    if (match_form(defs.data[i], out))
      vec_push(a, &found, defs.data[i]);
  if (found.len == 1) {
    match_form(found.data[0], out);
    return;
  }
  if (found.len > 1)
    diag_error_at(d, 0, 0,
                  "several functions could be the kernel: %s; choose one "
                  "with --kernel=NAME",
                  list_functions(a, found));
  if (defs.len == 0)
    diag_error_at(d, 0, 0,
                  "no function can be the kernel: the file defines no "
                  "top-level function, and a kernel's parameters must be "
                  FORMS_EXPECTED);
  diag_error_at(d, 0, 0,
                "no function can be the kernel: the top-level functions are "
                "%s, and a kernel's parameters must be " FORMS_EXPECTED,
                list_functions(a, defs));
}

// The stage entry: errors longjmp back here. Strings for the messages live
// in a scratch arena freed before returning.
bool select_kernel(Diag *d, Node *module, const char *name,
                   KernelChoice *out) {
  Arena *volatile a = arena_new();
  if (setjmp(d->jmp)) {
    arena_free(a);
    return false;
  }
  PtrVec defs = top_level_functions(a, module);
  if (name)
    select_named(a, d, defs, name, out);
  else
    select_unnamed(a, d, defs, out);
  arena_free(a);
  return true;
}
