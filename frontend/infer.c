// infer.c - ShedSkin-style type inference: module AST in, typed Program out.
//
// Every variable has one type per function, the join of everything stored
// into it: bool widens to int, int to float, float to complex; any other
// mix (a list and an int, a list[int] and a list[float]) is an error that
// names both places. Inference runs in five steps:
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
//      .real, math.floor of an int) and leaves every expression typed;
//   5. mark the reads that may find a local unassigned (infer_bound.c).
// Module constants (`N = 100`) are typed once, when compiled code first
// reads them. Only the kernel, what it calls and the constants it reads are
// ever looked at: the rest of the module need not be in the subset.
//
// This file holds the entry point, the type lattice and its joins, the
// insertion of conversions, and steps 2 to 4; --emit=types is at its end.
// The rest lives beside it, sharing infer_internal.h: infer_scope.c (what
// the module binds: imports, defs, constants), infer_reach.c (step 1),
// infer_expr.c and infer_call.c (typing expressions; calls, builtins, the
// math module and print), infer_stmt.c (typing statements) and
// infer_bound.c (step 5).
//
// Documented departures from CPython, inherent in static types:
//   - `a or b`, `a and b` and `x if c else y` outside conditions have one
//     type, so `1 or 2.5` is 1.0; in a condition each operand is only
//     tested for truth and may have any number type;
//   - int ** int is an int when the exponent is a variable; a negative
//     exponent then raises ValueError at run time (CPython returns a
//     float). A negative constant exponent gives a float, as in CPython;
//   - min() and max() of ints and floats are floats: the float() of the
//     item CPython returns.
// Not a departure: an int beside a float in a comparison stays an int
// (the back ends compare the two exactly), and int / int divides the
// ints, as CPython does; converting first differs past 2**53.
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "infer_internal.h"

// Typing passes before giving up. Each pass that changes something moves
// some type up a lattice a few levels deep, so real kernels settle in a
// handful; only a type that grows without end (a list that contains
// itself) gets near this.
#define INFER_MAX_PASSES 64

// ---- types and their joins -------------------------------------------------
//
// rank(), the joins and has_unknown() are in infer_internal.h.

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
bool infer_can_retype(const Node *n, const Type *from, const Type *to) {
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
        if (!infer_can_retype(e, e->ty, to->elem))
          return false;
      }
      return true;
    }
    if (n && n->kind == ND_LISTCOMP)
      return infer_can_retype(n->elt, n->elt->ty, to->elem);
    if (is_fresh_list(n))
      return infer_can_retype(is_fresh_list(n->left) ? n->left : n->right, from,
                              to);
    return !n && has_unknown(from) &&
           infer_can_retype(NULL, from->elem, to->elem);
  }
  if (from->kind == TY_TUPLE && to->kind == TY_TUPLE &&
      from->nitems == to->nitems) {
    bool display = n && n->kind == ND_TUPLE;
    for (int i = 0; i < from->nitems; i++) {
      Node *e = display ? n->elts.data[i] : NULL;
      if (!display && n && !type_equal(from->items[i], to->items[i]))
        return false;
      if (!infer_can_retype(e, from->items[i], to->items[i]))
        return false;
    }
    return true;
  }
  return false;
}

// The type two values can share: `a` (of node an) and `b` (of node bn),
// either node may be NULL. Sets *ok to false when there is none.
Type *infer_join(Infer *in, Type *a, Node *an, Type *b, Node *bn, bool *ok) {
  if (!a)
    return b;
  if (!b)
    return a;
  if (infer_can_retype(bn, b, a))
    return a;
  if (infer_can_retype(an, a, b))
    return b;
  if (a->kind == TY_TUPLE && b->kind == TY_TUPLE && a->nitems == b->nitems) {
    Type **items = arena_alloc(in->a, sizeof(Type *) * (size_t)a->nitems);
    for (int i = 0; i < a->nitems; i++) {
      Node *ae = an && an->kind == ND_TUPLE ? an->elts.data[i] : NULL;
      Node *be = bn && bn->kind == ND_TUPLE ? bn->elts.data[i] : NULL;
      items[i] = infer_join(in, a->items[i], ae, b->items[i], be, ok);
    }
    Type *t = type_tuple(in->a, items, a->nitems);
    if (*ok && infer_can_retype(an, a, t) && infer_can_retype(bn, b, t))
      return t;
  }
  *ok = false;
  return a;
}

// Widens *ty, fixed at *def, to take a value of type t (built by `value`,
// may be NULL) stored at `at`: a variable, a parameter or a return type
// joining what flows into it. A change is recorded for the fixed point.
// Returns false, changing nothing, when the two have no common type.
bool infer_widen(Infer *in, Type **ty, Node **def, Type *t, Node *value,
                 Node *at) {
  bool ok = true;
  Type *j = infer_join(in, *ty, NULL, t, value, &ok);
  if (!ok)
    return false;
  if (!type_equal(j, *ty)) {
    *ty = j;
    *def = at;
    in->changed = true;
  }
  return true;
}

// ---- nodes -----------------------------------------------------------------

// ND_CONVERT of n to `to`, at n's position, so that the back ends' line
// numbers and later diagnostics still point at the converted value.
Node *new_convert(Infer *in, Node *n, Type *to) {
  Node *c = new_node(in->a, ND_CONVERT, n->tok);
  c->line = n->line;
  c->col = n->col;
  c->value = n;
  c->ty = to;
  return c;
}

// A Constant of type ty (int or float) at `at`, for rewrites such as
// x.imag of a float, which is 0.0.
Node *new_number(Infer *in, Node *at, Type *ty, double value) {
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
void infer_coerce(Infer *in, Node **slot, Type *to) {
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
      infer_coerce(in, (Node **)&n->elts.data[i], to->elem);
    retyped = true;
  } else if (n->kind == ND_LISTCOMP && is_kind(to, TY_LIST)) {
    infer_coerce(in, &n->elt, to->elem);
    retyped = true;
  } else if (is_fresh_list(n) && is_kind(to, TY_LIST)) {
    infer_coerce(in, is_fresh_list(n->left) ? &n->left : &n->right, to);
    retyped = true;
  } else if (n->kind == ND_TUPLE && is_kind(to, TY_TUPLE) &&
             n->elts.len == to->nitems) {
    for (int i = 0; i < n->elts.len; i++)
      infer_coerce(in, (Node **)&n->elts.data[i], to->items[i]);
    retyped = true;
  }
  if (!retyped)
    diag_error_node(in->d, n,
                    "this is %s, but %s is needed here; make the types agree",
                    a_type(in, n->ty), a_type(in, to));
  n->ty = to;
}

// A type conflict: the error at `at`, a note at the first place, then stop.
void infer_conflict(Infer *in, Node *at, Node *first, const char *note,
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

// ---- steps 2 to 4 ----------------------------------------------------------

// One typing pass over every reached function, in Program.funcs order;
// in->changed tells whether another pass is needed.
static void type_functions(Infer *in) {
  in->changed = false;
  for (int i = 0; i < in->p->funcs.len; i++) {
    in->fn = in->p->funcs.data[i];
    infer_block(in, &in->fn->func.def->body);
  }
  in->fn = NULL;
}

// Step 2: passes until nothing changes. Types only move up a finite
// lattice, so this ends unless a type grows without end.
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

// Steps 1 to 5 in order; the final pass must change no type, or the
// settled types the back ends rely on would be wrong.
static void infer(Infer *in, const KernelChoice *choice) {
  infer_scan_module(in);
  infer_reach(in, choice);
  settle(in);
  check_known(in);
  in->final = true;
  type_functions(in);
  if (in->changed)
    diag_error_node(in->d, in->p->kernel->def, "internal error: a type "
                    "changed in the final pass (%s:%d)", __FILE__, __LINE__);
  infer_bound(in);
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

// `def f(c: complex, maxiter: int) -> int`, then one line per local with
// the line where its type was last fixed (tests compare this text).
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
