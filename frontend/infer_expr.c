// infer_expr.c - step 2 for expressions: names, operators, conditions,
// displays, subscripts, loops' iterables and comprehensions.
//
// infer_expr() types *slot and returns its type, NULL while some part is
// still unknown; an expression with an unknown operand is unknown, so a
// pass never guesses. It may replace *slot (a math constant, a conversion
// in the final pass), which is why it takes the slot and not the node.
// Each operator follows Python's rules for its result type (int / int is
// a float, True & False a bool), and the final pass converts its operands
// to the types the typed AST promises (frontend.h). Calls and attributes
// are in infer_call.c.
#include <string.h>

#include "infer_internal.h"

// Refines a variable whose list type still has an unknown element from
// the place its value flows to: `out = []` passed where list[int] is meant.
void infer_refine_name(Infer *in, Node *n, Type *t) {
  if (!n || n->kind != ND_NAME || !n->var || n->var->kind == VAR_CONST || !t)
    return;
  Var *v = n->var;
  if (v->ty && has_unknown(v->ty) && !has_unknown(t) &&
      infer_can_retype(NULL, v->ty, t)) {
    v->ty = t;
    in->changed = true;
  }
}

// A literal's type; a string is only reached here outside print, where
// kernels have no use for it.
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
  case CONST_FSTRING:
    diag_error_node(in->d, n, "f-strings are only supported as arguments "
                    "of print() in kernels");
  case CONST_BYTES:
    diag_error_node(in->d, n, "bytes are not supported in kernels");
  default:
    diag_error_node(in->d, n, "the Ellipsis constant '...' is not "
                    "supported in kernels; write pass, or the value it "
                    "stands for");
  }
}


// A name that is not a local: a module constant, something imported, or
// an error saying what the name is instead of a value.
static Type *global_name(Infer *in, Node *n) {
  if (infer_find_def(in, n->name))
    diag_error_node(in->d, n,
                    "'%s' is a function; kernels can only call "
                    "functions, not use them as values",
                    n->name);
  ModuleName *m = infer_find_modname(in, n->name);
  if (m && m->attr && !strcmp(m->module, "math"))
    return infer_math_constant(in, n, m->attr);
  if (m && m->attr)
    infer_not_available(in, n, m);
  if (m)
    diag_error_node(in->d, n, "module '%s' is not a value; kernels can only "
                    "use the math module's functions and constants",
                    m->module);
  bool list_read = in->list_read;
  VarInfo *c = infer_module_const(in, n);
  if (c && is_kind(c->var.ty, TY_LIST) && !list_read)
    diag_error_node(in->d, n, "module list '%s' is read-only in kernels; "
                    "index it, take its len() or loop over it (a list "
                    "comprehension copies it)", n->name);
  if (c) {
    n->var = &c->var;
    return c->var.ty;
  }
  if (infer_is_builtin(n->name))
    diag_error_node(in->d, n,
                    "'%s' is a builtin function; kernels can only "
                    "call it",
                    n->name);
  if (infer_find_class(in, n->name))
    diag_error_node(in->d, n, "'%s' is a class; classes are not supported "
                    "in kernels (use numbers, tuples and lists)", n->name);
  diag_error_node(in->d, n, "name '%s' is not defined%s", n->name,
                  infer_did_you_mean(in, infer_suggest_name(in, n->name)));
}

// A local is unknown until a store types it; only the final pass, when
// nothing can change any more, reports one that never got a type.
static Type *name_expr(Infer *in, Node *n) {
  VarInfo *v = infer_lookup_local(in, n->name);
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

_Noreturn void infer_bad_operands(Infer *in, Node *at, Operator op, Type *l,
                                  Type *r) {
  diag_error_node(in->d, at, "unsupported operand types for %s: %s and %s",
                  operator_names[op], tname(in, l), tname(in, r));
}

// The result type of arithmetic `l op r` on numbers, and the types its
// operands are converted to (*lt, *rt). `right` is the right operand, to
// see a negative constant exponent.
Type *infer_arith(Infer *in, Node *at, Operator op, Type *l, Type *r,
                  Node *right, Type **lt, Type **rt) {
  Type *t = arith_join(l, r);
  switch (op) {
  case OP_ADD:
  case OP_SUB:
  case OP_MUL:
    break;
  case OP_DIV:  // true division: int / int is a float
    if (t == &ty_int) {
      // of the ints themselves: CPython divides them exactly, which past
      // 2**53 differs from dividing their float() values
      *lt = *rt = &ty_int;
      return &ty_float;
    }
    break;
  case OP_FLOORDIV:
  case OP_MOD:
    if (t == &ty_complex)  // as in Python 3
      infer_bad_operands(in, at, op, l, r);
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
      infer_bad_operands(in, at, op, l, r);
    if (op != OP_LSHIFT && op != OP_RSHIFT && l == &ty_bool && r == &ty_bool)
      t = &ty_bool;  // True & False is a bool
    break;
  default:
    infer_bad_operands(in, at, op, l, r);
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
    infer_bad_operands(in, n, n->op, l, r);
  infer_coerce(in, left_list ? &n->right : &n->left, &ty_int);
  return left_list ? l : r;
}

// Arithmetic on numbers (infer_arith), or list repetition; either operand
// unknown leaves the result unknown for this pass.
static Type *binop(Infer *in, Node *n) {
  Type *l = infer_expr(in, &n->left);
  Type *r = infer_expr(in, &n->right);
  if (!l || !r)
    return NULL;
  if (is_kind(l, TY_LIST) || is_kind(r, TY_LIST))
    return list_binop(in, n, l, r);
  if (!rank(l) || !rank(r))
    infer_bad_operands(in, n, n->op, l, r);
  Type *lt, *rt;
  Type *t = infer_arith(in, n, n->op, l, r, n->right, &lt, &rt);
  infer_coerce(in, &n->left, lt);
  infer_coerce(in, &n->right, rt);
  return t;
}

// `not x` is a truth test; -x, +x and ~x keep x's type (bool becoming
// int, as -True is -1) and ~ takes only ints.
static Type *unaryop(Infer *in, Node *n) {
  if (n->op == OP_NOT) {
    infer_condition(in, &n->value);
    return &ty_bool;
  }
  Type *t = infer_expr(in, &n->value);
  if (!t)
    return NULL;
  if (!rank(t) || (n->op == OP_INVERT && rank(t) > 2))
    diag_error_node(in->d, n, "bad operand type for unary %s: %s",
                    operator_names[n->op], tname(in, t));
  if (t == &ty_bool)  // -True is -1
    t = &ty_int;
  infer_coerce(in, &n->value, t);
  return t;
}

// A test: any number is tested for truth, so the final pass converts it to
// bool (ND_CONVERT to bool is `x != 0`). and/or here only combine truths.
void infer_condition(Infer *in, Node **slot) {
  Node *n = *slot;
  if (n->kind == ND_BOOLOP) {
    for (int i = 0; i < n->values.len; i++)
      infer_condition(in, (Node **)&n->values.data[i]);
    n->ty = &ty_bool;
    return;
  }
  Type *t = infer_expr(in, slot);
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
    Type *ti = infer_expr(in, &slots[i]);
    if (!ti) {
      unknown = true;
      continue;
    }
    bool ok = true;
    Type *j = infer_join(in, t, rep, ti, slots[i], &ok);
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
    infer_coerce(in, &slots[i], t);
  return t;
}

// `a or b` as a value (not a test): one number type for all operands,
// a documented departure from CPython (see infer.c).
static Type *boolop(Infer *in, Node *n) {
  Type *t = join_values(in, (Node **)n->values.data, n->values.len,
                        arena_sprintf(in->a, "the operands of '%s'",
                                      operator_names[n->op]));
  if (t && !rank(t))
    diag_error_node(in->d, n, "'%s' on %s is not supported in kernels",
                    operator_names[n->op], a_type(in, t));
  return t;
}

// `x if c else y`: both branches share one type, like and/or.
static Type *ifexp(Infer *in, Node *n) {
  infer_condition(in, &n->test);
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

// Operands that may be read more than once: names and number literals.
static bool is_simple(const Node *n) {
  if (n->kind == ND_UNARYOP && (n->op == OP_USUB || n->op == OP_UADD))
    n = n->value;
  return n->kind == ND_NAME || (n->kind == ND_CONSTANT &&
                                n->cval.kind <= CONST_COMPLEX);
}

// The items `x in ITEMS` searches: a tuple or list display, or a module
// list (whose items are Constants); NULL for anything else.
static PtrVec *searched_items(Infer *in, Node *c) {
  if (c->kind == ND_TUPLE || c->kind == ND_LIST)
    return &c->elts;
  if (c->kind != ND_NAME || infer_lookup_local(in, c->name))
    return NULL;
  VarInfo *v = infer_module_const(in, c);
  return v && v->var.value->kind == ND_LIST ? &v->var.value->elts : NULL;
}

// `x in (a, b, c)` is `x == a or x == b or x == c` and `x not in ...` is
// `x != a and ...` (list.__contains__ compares with == in order and stops
// at the first match). Rewritten in place into that BoolOp, which the
// caller then types; only where reading x and the items again changes
// nothing: x a name or a number, the items names and numbers.
static bool rewrite_in(Infer *in, Node *n) {
  Operator op = (Operator)(intptr_t)n->ops.data[0];
  if (op != OP_IN && op != OP_NOTIN)
    return false;
  PtrVec *items = n->ops.len == 1 ? searched_items(in, n->comparators.data[0])
                                  : NULL;
  bool simple = items && is_simple(n->left);
  for (int i = 0; simple && i < items->len; i++)
    simple = is_simple(items->data[i]);
  if (!simple)
    diag_error_node(in->d, n, "'%s' is only supported in kernels on a name "
                    "or number and a tuple, list display or module list of "
                    "names and numbers; write the loop that searches",
                    operator_names[op]);
  if (items->len == 0) {  // x in () is False
    n->kind = ND_CONSTANT;
    n->cval = (ConstValue){.kind = CONST_BOOL, .ival = op == OP_NOTIN};
    return true;
  }
  PtrVec tests = {0};
  for (int i = 0; i < items->len; i++) {
    Node *eq = new_node(in->a, ND_COMPARE, n->tok);
    eq->left = i == 0 ? n->left : arena_alloc(in->a, sizeof *eq->left);
    if (i > 0)
      *eq->left = *n->left;  // a name or number: a copy reads the same
    vec_push(in->a, &eq->ops, (void *)(intptr_t)(op == OP_IN ? OP_EQ
                                                             : OP_NOTEQ));
    Node *item = arena_alloc(in->a, sizeof *item);
    *item = *(Node *)items->data[i];  // module lists are shared: copy
    vec_push(in->a, &eq->comparators, item);
    vec_push(in->a, &tests, eq);
  }
  n->kind = ND_BOOLOP;
  n->op = op == OP_IN ? OP_OR : OP_AND;
  n->values = tests;
  return true;
}

// An int constant whose float() is exact (|v| <= 2**53), looking through
// unary minus and module constants.
static bool is_exact_int_constant(const Node *n) {
  if (n->kind == ND_UNARYOP && n->op == OP_USUB)
    return is_exact_int_constant(n->value);
  if (n->kind == ND_NAME && n->var && n->var->kind == VAR_CONST)
    return is_exact_int_constant(n->var->value);
  return n->kind == ND_CONSTANT && n->cval.kind == CONST_INT &&
         n->cval.ival >= -((int64_t)1 << 53) &&
         n->cval.ival <= (int64_t)1 << 53;
}

// The type an operand of a chain of joined type t is compared in: t,
// except for an int beside floats or complex numbers, which CPython
// compares exactly (float_richcompare) and the back ends do too; an int
// constant that float() keeps exact is simply converted.
static Type *compared_as(Node *n, Type *t) {
  if (n->ty == &ty_int && (t == &ty_float || t == &ty_complex) &&
      !is_exact_int_constant(n))
    return &ty_int;
  return t;
}

// The operands of a chain are compared in their joined type (compared_as).
static Type *compare(Infer *in, Node *n) {
  Type *t = infer_expr(in, &n->left);
  bool unknown = !t;
  bool ordering = false;
  for (int i = 0; i < n->comparators.len; i++) {
    Type *ti = infer_expr(in, (Node **)&n->comparators.data[i]);
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
  infer_coerce(in, &n->left, compared_as(n->left, t));
  for (int i = 0; i < n->comparators.len; i++) {
    Node **slot = (Node **)&n->comparators.data[i];
    infer_coerce(in, slot, compared_as(*slot, t));
  }
  return &ty_bool;
}

// a[i] of a list takes an int index; t[k] of a tuple needs a constant k
// (negative from the end), since each item may have its own type.
static Type *subscript(Infer *in, Node *n) {
  Type *t = infer_list_read(in, &n->value);
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
    infer_expr(in, &n->index);
    return t->items[k];
  }
  Type *it = infer_expr(in, &n->index);
  if (!t || !it)
    return NULL;
  if (!is_kind(t, TY_LIST))
    diag_error_node(in->d, n, "%s cannot be indexed", a_type(in, t));
  if (rank(it) == 0 || rank(it) > 2)
    diag_error_node(in->d, n->index, "list indices must be integers, not %s",
                    tname(in, it));
  infer_coerce(in, &n->index, &ty_int);
  return t->elem;
}

// v[lo:hi:st]: a list's is the comprehension step 1 made (Subscript.elt),
// a tuple's the display of its items (infer_sugar.c).
static Type *slice(Infer *in, Node **slot) {
  Node *n = *slot;
  Type *t = infer_list_read(in, &n->value);
  if (!t)
    return NULL;
  if (is_kind(t, TY_TUPLE))
    *slot = infer_slice_tuple(in, n, t->nitems);
  else if (is_kind(t, TY_LIST))
    *slot = n->elt;
  else
    diag_error_node(in->d, n, "%s cannot be sliced", a_type(in, t));
  return infer_expr(in, slot);
}

// [a, b, ...]: the joined element type; [] stays list[?] until a store,
// an append or a parameter fixes it.
static Type *list_display(Infer *in, Node *n) {
  Type *t = join_values(in, (Node **)n->elts.data, n->elts.len,
                        "the elements of a list");
  if (!t && n->elts.len > 0)
    return NULL;
  if (is_kind(t, TY_NONE))
    diag_error_node(in->d, n, "lists of None are not supported in kernels");
  return type_list(in->a, t);
}

// (a, b): each item keeps its own type.
Type *infer_tuple_display(Infer *in, Node *n) {
  Type **items = arena_alloc(in->a, sizeof(Type *) * (size_t)n->elts.len);
  bool unknown = false;
  for (int i = 0; i < n->elts.len; i++) {
    items[i] = infer_expr(in, (Node **)&n->elts.data[i]);
    unknown = unknown || !items[i];
  }
  return unknown ? NULL : type_tuple(in->a, items, n->elts.len);
}

// Is this call `range(...)`/`xrange(...)`, with range not rebound?
static bool is_range_call(Infer *in, Node *n) {
  return n->kind == ND_CALL && n->func->kind == ND_NAME &&
         (!strcmp(n->func->name, "range") ||
          !strcmp(n->func->name, "xrange")) &&
         !infer_lookup_local(in, n->func->name) &&
         !infer_find_def(in, n->func->name);
}

// The element type a for loop or comprehension over `*slot` binds, NULL
// while unknown; sets *range_loop for range(...).
Type *infer_iteration(Infer *in, Node **slot, bool *range_loop) {
  Node *n = *slot;
  *range_loop = is_range_call(in, n);
  if (*range_loop) {
    n->builtin = BI_RANGE;
    if (n->args.len < 1 || n->args.len > 3)
      diag_error_node(in->d, n, "range expected 1 to 3 arguments, got %d",
                      n->args.len);
    for (int i = 0; i < n->args.len; i++) {
      Type *t = infer_expr(in, (Node **)&n->args.data[i]);
      if (t && (rank(t) == 0 || rank(t) > 2))
        diag_error_node(in->d, n->args.data[i], "range() needs int "
                        "arguments, not %s", tname(in, t));
      infer_coerce(in, (Node **)&n->args.data[i], &ty_int);
    }
    n->ty = type_list(in->a, &ty_int);
    return &ty_int;
  }
  Type *t = infer_list_read(in, slot);
  if (t && !is_kind(t, TY_LIST))
    diag_error_node(in->d, n, "cannot loop over %s; loop over range(...) or "
                    "a list", a_type(in, t));
  return t ? t->elem : NULL;
}

// [elt for x in it if c]: each generator's variable (made in step 1) is in
// scope from its own `for` to the end of the comprehension only.
static Type *listcomp(Infer *in, Node *n) {
  int mark = in->scope.len;
  for (int i = 0; i < n->generators.len; i++) {
    Node *gen = n->generators.data[i];
    Type *elem = infer_iteration(in, &gen->iter, &gen->range_loop);
    VarInfo *v = (VarInfo *)gen->target->var;
    infer_assign_var(in, v, elem, gen->target, NULL);
    gen->target->ty = v->var.ty;
    vec_push(in->a, &in->scope, v);
    for (int j = 0; j < gen->ifs.len; j++)
      infer_condition(in, (Node **)&gen->ifs.data[j]);
  }
  Type *t = infer_expr(in, &n->elt);
  in->scope.len = mark;
  if (is_kind(t, TY_NONE))
    diag_error_node(in->d, n->elt, "lists of None are not supported in "
                    "kernels");
  return t ? type_list(in->a, t) : NULL;
}

// ---- the dispatcher --------------------------------------------------------

Type *infer_list_read(Infer *in, Node **slot) {
  bool saved = in->list_read;
  in->list_read = (*slot)->kind == ND_NAME;
  Type *t = infer_expr(in, slot);
  in->list_read = saved;
  return t;
}

// One case per expression kind; a replaced node (*slot != n) gets the
// type in the final pass if its replacement carries none.
Type *infer_expr(Infer *in, Node **slot) {
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
    t = rewrite_in(in, n) ? infer_expr(in, slot) : compare(in, n);
    break;
  case ND_CALL:
    t = infer_call(in, slot);
    break;
  case ND_ATTRIBUTE:
    t = infer_attribute(in, slot);
    break;
  case ND_SUBSCRIPT:
    t = n->index->kind == ND_SLICE ? slice(in, slot) : subscript(in, n);
    break;
  case ND_LIST:
    t = list_display(in, n);
    break;
  case ND_TUPLE:
    t = infer_tuple_display(in, n);
    break;
  case ND_LISTCOMP:
    t = listcomp(in, n);
    break;
  case ND_CONVERT:
    return n->ty;
  default:
    diag_error_node(in->d, n, "%s expressions are not supported in kernels",
                    node_kind_names[n->kind]);
  }
  if (*slot != n && t && in->final && !(*slot)->ty)
    (*slot)->ty = t;
  if (*slot == n)
    n->ty = t;
  return t;
}
