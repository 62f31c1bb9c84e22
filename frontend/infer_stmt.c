// infer_stmt.c - step 2 for statements: stores, unpacking, augmented
// assignment, loops and returns.
//
// A store joins the value's type into the variable's, as ShedSkin does:
// the variable widens (bool -> int -> float -> complex) and the pass
// reports that something changed, so another pass runs; a declared
// variable (annotated, or bound by the driver) keeps its type and the
// value must convert to it. A conflict names both places: the store and
// the one that fixed the type first. Returns join the function's return
// type the same way. Statements with nothing to type (pass, break,
// import) are skipped.
#include <string.h>

#include "infer_internal.h"

// Joins `t`, stored at `at` (value node `value`, may be NULL), into the
// type of v. A declared variable keeps its type and the value must convert.
void infer_assign_var(Infer *in, VarInfo *v, Type *t, Node *at, Node *value) {
  Var *var = &v->var;
  if (!t)
    return;
  if (t->kind == TY_NONE)
    diag_error_node(in->d, value ? value : at, "None cannot be stored in a "
                    "variable in kernels");
  if (v->declared) {
    if (!infer_can_retype(value, t, var->ty))
      infer_conflict(
          in, at, var->def,
          arena_sprintf(in->a,
                        v->kernel_param ? "the driver passes '%s' as %s"
                                        : "'%s' is declared as %s here",
                        v->source_name, tname(in, var->ty)),
          "'%s' was declared as %s at line %d but is assigned %s here",
          v->source_name, tname(in, var->ty), var->def->line, a_type(in, t));
  } else if (!infer_widen(in, &var->ty, &var->def, t, value, at)) {
    infer_conflict(
        in, at, var->def,
        arena_sprintf(in->a, "'%s' was inferred as %s here", v->source_name,
                      tname(in, var->ty)),
        "'%s' was inferred as %s at line %d but is assigned %s here",
        v->source_name, tname(in, var->ty), var->def->line, a_type(in, t));
  }
  infer_refine_name(in, value, var->ty);
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

// x = v: joins v's type into x's, then converts v (when there is a value
// node to wrap) to x's final type.
static void store_name(Infer *in, Node *target, Node **vslot, Type *t) {
  VarInfo *v = infer_lookup_local(in, target->name);  // reach declared it
  target->var = &v->var;
  infer_assign_var(in, v, t, target, vslot ? *vslot : NULL);
  target->ty = v->var.ty;
  if (vslot)
    infer_coerce(in, vslot, v->var.ty);
  else
    check_unconverted(in, target, t, v->var.ty);
}

// l[i] = v: the element type is the list's; a list whose element type is
// still unknown takes the value's.
static void store_item(Infer *in, Node *target, Node **vslot, Type *t) {
  Type *lt = infer_expr(in, &target->value);
  Type *it = infer_expr(in, &target->index);
  if (is_kind(lt, TY_TUPLE))
    diag_error_node(in->d, target, "a tuple cannot be changed; use a list");
  if (lt && !is_kind(lt, TY_LIST))
    diag_error_node(in->d, target, "%s cannot be indexed", a_type(in, lt));
  if (it && (rank(it) == 0 || rank(it) > 2))
    diag_error_node(in->d, target->index, "list indices must be integers, "
                    "not %s", tname(in, it));
  infer_coerce(in, &target->index, &ty_int);
  if (!lt || !t)
    return;
  Node *value = vslot ? *vslot : NULL;
  if (!lt->elem) {
    infer_refine_name(in, target->value, type_list(in->a, t));
    return;
  }
  target->ty = lt->elem;
  if (!infer_can_retype(value, t, lt->elem))
    diag_error_node(in->d, value ? value : target,
                    "cannot store %s in %s; "
                    "create the list with %s elements",
                    a_type(in, t), a_type(in, lt), tname(in, t));
  infer_refine_name(in, value, lt->elem);
  if (vslot)
    infer_coerce(in, vslot, lt->elem);
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
      value->ty = infer_tuple_display(in, value);
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

// Stores a value of type t into target. *vslot is the value's node when
// there is one to convert (an assignment), NULL when the value comes from
// a loop or a tuple item.
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

// a = b = v stores the one value into every target, left to right.
static void assign(Infer *in, Node *s) {
  Type *t = infer_expr(in, &s->value);
  for (int i = 0; i < s->targets.len; i++)
    store(in, s->targets.data[i], &s->value, t);
}

// x op= v: the result has the operation's type (AugAssign.ty), which a
// variable target widens to; a list element must already have it.
static void augassign(Infer *in, Node *s) {
  Node *tg = s->target;
  Type *r = infer_expr(in, &s->value);
  VarInfo *v = tg->kind == ND_NAME ? infer_lookup_local(in, tg->name) : NULL;
  if (tg->kind != ND_NAME && tg->kind != ND_SUBSCRIPT)
    diag_error_node(in->d, tg, "cannot assign to this in a kernel");
  if (v)
    tg->var = &v->var;
  if (tg->kind == ND_SUBSCRIPT)  // a module list is read-only
    infer_expr(in, &tg->value);
  Type *l = v ? v->var.ty : infer_expr(in, &s->target);
  if (v && in->final && !l)
    diag_error_node(in->d, tg, "'%s' is read here but never gets a value "
                    "whose type is known", tg->name);
  if (!l || !r)
    return;
  if (is_kind(l, TY_LIST) || is_kind(r, TY_LIST))
    diag_error_node(in->d, s, "'%s=' on lists is not supported in kernels; "
                    "use append", operator_names[s->op]);
  if (!rank(l) || !rank(r))
    infer_bad_operands(in, s, s->op, l, r);
  Type *lt, *rt;
  Type *t = infer_arith(in, s, s->op, l, r, s->value, &lt, &rt);
  s->ty = t;
  if (v) {
    infer_assign_var(in, v, t, tg, NULL);
    tg->ty = v->var.ty;
  } else if (!type_equal(t, l)) {
    diag_error_node(in->d, s, "'%s=' gives %s, which cannot be stored in a "
                    "list of %s; create the list with %s elements",
                    operator_names[s->op], a_type(in, t), tname(in, l),
                    tname(in, t));
  }
  infer_coerce(in, &s->value, rt);
}

// A loop's body, where break and continue belong to the loop.
static void loop_body(Infer *in, PtrVec *body) {
  in->loops++;
  infer_block(in, body);
  in->loops--;
}

// The loop variable is stored each iteration's element, like an
// assignment without a value node to convert.
static void for_stmt(Infer *in, Node *s) {
  Type *elem = infer_iteration(in, &s->iter, &s->range_loop);
  store(in, s->target, NULL, elem);
  loop_body(in, &s->body);
  infer_block(in, &s->orelse);  // a break here leaves an outer loop
}

// A return joins the function's return type, like a store into a variable;
// a declared return type (an annotation, or the kernel's form) is fixed.
static void return_stmt(Infer *in, Node *s) {
  FuncInfo *f = in->fn;
  bool none = !s->value || is_none_constant(s->value);
  Type *t = none ? &ty_none : infer_expr(in, &s->value);
  Node *value = none ? NULL : s->value;
  Node *at = value ? value : s;
  if (!t)
    return;
  if (f->ret_declared && !infer_can_retype(value, t, f->func.ret)) {
    if (f->func.is_kernel && in->p->choice.form != FORM_CALL)
      diag_error_node(in->d, at, "a %s kernel must return %s but this "
                      "returns %s", select_form_name(in->p->choice.form),
                      a_type(in, f->func.ret), a_type(in, t));
    diag_error_node(in->d, at, "'%s' is declared to return %s but this "
                    "returns %s", f->func.name, tname(in, f->func.ret),
                    a_type(in, t));
  }
  if (!f->ret_declared &&
      !infer_widen(in, &f->func.ret, &f->ret_def, t, value, at))
    infer_conflict(in, at, f->ret_def,
                   arena_sprintf(in->a, "'%s' returns %s here", f->func.name,
                                 a_type(in, f->func.ret)),
                   "'%s' returns %s at line %d but %s here", f->func.name,
                   a_type(in, f->func.ret), f->ret_def->line, a_type(in, t));
  if (value) {
    infer_refine_name(in, value, f->func.ret);
    infer_coerce(in, &s->value, f->func.ret);
  }
}

// One case per statement kind that has something to type.
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
      store(in, s->target, &s->value, infer_expr(in, &s->value));
    else if (s->target->kind == ND_NAME)
      s->target->var = &infer_lookup_local(in, s->target->name)->var;
    break;
  case ND_FOR:
    for_stmt(in, s);
    break;
  case ND_WHILE:
    infer_condition(in, &s->test);
    loop_body(in, &s->body);
    infer_block(in, &s->orelse);
    break;
  case ND_IF:
    infer_condition(in, &s->test);
    infer_block(in, &s->body);
    infer_block(in, &s->orelse);
    break;
  case ND_BREAK:
  case ND_CONTINUE:  // Python's SyntaxError, said before any back end
    if (!in->loops)
      diag_error_node(in->d, s, "'%s' outside a loop",
                      s->kind == ND_BREAK ? "break" : "continue");
    break;
  case ND_RETURN:
    return_stmt(in, s);
    break;
  case ND_EXPR:
    if (is_str_constant(s->value))  // a docstring: no code
      s->value->ty = &ty_str;
    else
      infer_expr(in, &s->value);
    break;
  case ND_PRINT:
    for (int i = 0; i < s->values.len; i++)
      infer_print_arg(in, (Node **)&s->values.data[i]);
    in->p->uses_print = true;
    break;
  default:  // pass, break, continue, import: nothing to type
    break;
  }
}

void infer_block(Infer *in, PtrVec *body) {
  for (int i = 0; i < body->len; i++)
    stmt(in, body->data[i]);
}
