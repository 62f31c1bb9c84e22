// infer_internal.h - what the files of the type inference share; private
// to frontend/ (no other folder includes it, and frontend.h does not).
//
// Inference (infer_program in frontend.h) is one stage split over six
// files, each one step or one family of nodes. They share one context,
// Infer, which the functions take first, and the VarInfo and FuncInfo
// that extend the public Var and Func with what only inference needs.
// The sections below are named after the files, as in frontend.h; the
// small type helpers at the top are inline so that every file reads them
// under their short names.
#ifndef MANDELC_INFER_INTERNAL_H
#define MANDELC_INFER_INTERNAL_H

#include <string.h>

#include "frontend.h"

// The number of entries of a constant table.
#define COUNT(array) ((int)(sizeof(array) / sizeof((array)[0])))

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
  int nsugar;             // hidden locals of rewritten loops so far
} FuncInfo;

// A name the module binds to a module or something imported from one.
typedef struct {
  const char *name;    // as bound: "m" for `import math as m`
  const char *module;  // "math", "numpy"
  const char *attr;    // "sqrt" for `from math import sqrt`; NULL for import
} ModuleName;

// One inference, from infer_program's entry to its return: the module's
// bindings, the function being typed and the state of the fixed point.
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
  int loops;        // loops around the statement being typed
  bool list_read;   // the Name being typed may be a module list (a read)
} Infer;

// ---- types and names, for every file ----------------------------------------

// Position in the number tower, 0 for anything else.
static inline int rank(const Type *t) {
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

static inline Type *rank_type(int r) {
  Type *tower[] = {NULL, &ty_bool, &ty_int, &ty_float, &ty_complex};
  return tower[r];
}

static inline bool is_kind(const Type *t, TypeKind kind) {
  return t && t->kind == kind;
}

// The type arithmetic works in: the wider operand, and int for bools.
static inline Type *arith_join(const Type *l, const Type *r) {
  int k = rank(l) > rank(r) ? rank(l) : rank(r);
  return rank_type(k < 2 ? 2 : k);
}

static inline Type *number_join(const Type *l, const Type *r) {
  return rank_type(rank(l) > rank(r) ? rank(l) : rank(r));
}

// Does the type still contain an unknown part (a list[?])?
static inline bool has_unknown(const Type *t) {
  if (!t)
    return true;
  if (t->kind == TY_LIST)
    return has_unknown(t->elem);
  for (int i = 0; i < (t->kind == TY_TUPLE ? t->nitems : 0); i++)
    if (has_unknown(t->items[i]))
      return true;
  return false;
}


// "an int", "a list[float]", "nothing" (None): for messages.
static inline const char *a_type(Infer *in, const Type *t) {
  if (t && t->kind == TY_NONE)
    return "nothing";
  const char *name = type_name(in->a, t);
  return arena_sprintf(in->a, "%s %s", name[0] == 'i' ? "an" : "a", name);
}

static inline const char *tname(Infer *in, const Type *t) {
  return type_name(in->a, t);
}

static inline bool same_name(const char *x, const char *y) {
  return x == y || (x && y && strcmp(x, y) == 0);
}

static inline bool is_str_constant(const Node *n) {
  return n && n->kind == ND_CONSTANT && n->cval.kind == CONST_STR;
}

static inline bool is_none_constant(const Node *n) {
  return n && n->kind == ND_CONSTANT && n->cval.kind == CONST_NONE;
}

// ---- infer.c: the lattice, conversions, the fixed point -------------------

// Can value `n` (may be NULL) of type `from` be given type `to`?
bool infer_can_retype(const Node *n, const Type *from, const Type *to);
// The type two values (nodes may be NULL) can share; *ok = false if none.
Type *infer_join(Infer *in, Type *a, Node *an, Type *b, Node *bn, bool *ok);
// Joins t (of node value, stored at `at`) into *ty; false if they conflict.
bool infer_widen(Infer *in, Type **ty, Node **def, Type *t, Node *value,
                 Node *at);
Node *new_convert(Infer *in, Node *n, Type *to);
Node *new_number(Infer *in, Node *at, Type *ty, double value);
// Final pass: gives *slot the type `to` (ND_CONVERT or retyping).
void infer_coerce(Infer *in, Node **slot, Type *to);
// A type conflict: the error at `at`, a note at `first`, then stop.
void infer_conflict(Infer *in, Node *at, Node *first, const char *note,
                    const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

// ---- infer_scope.c: what the module binds ----------------------------------

// Collects the top-level defs and the module's imports, before step 1.
void infer_scan_module(Infer *in);
void infer_add_imports(Infer *in, Node *s, void *unused);
ModuleName *infer_find_modname(Infer *in, const char *name);
Node *infer_find_def(Infer *in, const char *name);
// The top-level class called `name`, for a message; NULL when none.
Node *infer_find_class(Infer *in, const char *name);
VarInfo *infer_lookup_local(Infer *in, const char *name);
VarInfo *infer_module_const(Infer *in, Node *use);
// The candidate closest to name by CPython's rule (Python/suggestions.c),
// NULL when none is close enough; over the names in scope where a name is
// used (locals, comprehension variables, defs, imports, module variables,
// builtins); "; did you mean 'x'?" for a message, or "".
const char *infer_suggest(const char *name, const char *const *cands,
                          int n);
const char *infer_suggest_name(Infer *in, const char *name);
const char *infer_did_you_mean(Infer *in, const char *suggestion);

// ---- infer_fold.c: module constants computed at compile time -------------

// The value of module constant `name`, typed: one Constant, or for a list
// or tuple display its elements each made one. A computation that raises
// in CPython is a compile error.
Node *infer_fold_constant(Infer *in, const char *name, Node *value);

// ---- infer_sugar.c: loops over enumerate, zip and reversed -----------------

// Replaces each such loop of body (not of nested blocks) by the statements
// that run it in the kernel language.
void infer_rewrite_loops(Infer *in, PtrVec *body);
// Replaces each print(..., sep=S, end=E) of body with the prints of its
// values and of S and E, one by one (after evaluating the values).
void infer_rewrite_prints(Infer *in, PtrVec *body);
// ---- infer_format.c: f-strings, str.format(), str() and repr() ----------

// When arg is one of those, appends the pieces print writes for it (str
// constants, values, and `SPEC % value` BinOps whose left operand is a
// CONST_FSTRING holding a format spec) and returns true.
bool infer_format_pieces(Infer *in, Node *arg, PtrVec *out);
// Such a BinOp, once its value is typed: the spec becomes the %-directive
// that formats that type as format() does, or a compile error.
void infer_format_spec(Infer *in, Node *n);

// Its generators over enumerate(), zip() and reversed() as ranges, the
// targets replaced by the items they stand for.
void infer_rewrite_comprehension(Infer *in, Node *lc);
// math.isclose(a, b, ...) as the expression CPython computes (a and b
// pure, the tolerances constants).
Node *infer_isclose(Infer *in, Node *call);
// v[lo:hi:st] of a list: the list comprehension that reads it, as
// CPython's slice would (step 1 makes it, typing puts it in place).
Node *infer_slice_comprehension(Infer *in, Node *sub);
// v[lo:hi:st] of a tuple of len items: its items as a tuple display.
Node *infer_slice_tuple(Infer *in, Node *sub, int len);

// ---- infer_lift.c: nested functions and lambdas ----------------------------

// Lifts each nested def and `name = lambda ...` of body (a block of the
// function being reached) to a top-level def with its free variables as
// extra parameters, and rewrites the calls of it.
void infer_lift_nested(Infer *in, PtrVec *body);

// ---- infer_reach.c: step 1 -------------------------------------------------

void infer_reach(Infer *in, const KernelChoice *choice);
// The FuncInfo of a top-level def, created (with its parameters) at need.
FuncInfo *infer_func_of_def(Infer *in, Node *def);

// ---- infer_expr.c: typing expressions --------------------------------------

// Types *slot (which it may replace) and returns its type, NULL while
// some part of it is still unknown.
Type *infer_expr(Infer *in, Node **slot);
// Types a test; the final pass converts it to bool.
void infer_condition(Infer *in, Node **slot);
void infer_refine_name(Infer *in, Node *n, Type *t);
Type *infer_arith(Infer *in, Node *at, Operator op, Type *l, Type *r,
                  Node *right, Type **lt, Type **rt);
_Noreturn void infer_bad_operands(Infer *in, Node *at, Operator op, Type *l,
                                  Type *r);
Type *infer_tuple_display(Infer *in, Node *n);
Type *infer_iteration(Infer *in, Node **slot, bool *range_loop);
// Types *slot where a module list may be read: indexed, passed to len(),
// sum(), min() or max(), or looped over. Anywhere else such a name is an
// error, so the read-only lists are never stored to nor aliased.
Type *infer_list_read(Infer *in, Node **slot);

// ---- infer_call.c: calls, builtins, the math module, print -----------------

Type *infer_call(Infer *in, Node **slot);
Type *infer_attribute(Infer *in, Node **slot);
Type *infer_math_constant(Infer *in, Node *n, const char *name);
_Noreturn void infer_not_available(Infer *in, Node *n, ModuleName *m);
bool infer_is_builtin(const char *name);
bool infer_is_math_name(const char *name);  // a math function or constant
void infer_print_arg(Infer *in, Node **slot);

// ---- infer_stmt.c: typing statements ---------------------------------------

void infer_assign_var(Infer *in, VarInfo *v, Type *t, Node *at, Node *value);
void infer_block(Infer *in, PtrVec *body);

// ---- infer_bound.c: reads that may find a local unassigned ------------------

// Step 5: sets Node.maybe_unbound and Var.needs_flag (see frontend.h).
void infer_bound(Infer *in);

#endif
