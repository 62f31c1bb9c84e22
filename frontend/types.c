// types.c - the types of the kernel language and their names.
//
// Scalar types are shared, immutable globals (ty_int, ty_float, ...), so a
// scalar type can be compared by pointer, but every caller uses type_equal,
// which compares structure: list and tuple types are allocated in the arena
// whenever inference builds one, and two `list[int]` built at different
// places are equal. A list whose element type is not known yet (an empty
// literal `[]` before an append fixes it) has elem == NULL; only infer.c
// builds such a type, and none survives inference.
#include "frontend.h"

#include <string.h>

// Constant after initialisation: nothing ever writes to these.
Type ty_none = {.kind = TY_NONE};
Type ty_bool = {.kind = TY_BOOL};
Type ty_int = {.kind = TY_INT};
Type ty_float = {.kind = TY_FLOAT};
Type ty_complex = {.kind = TY_COMPLEX};
Type ty_str = {.kind = TY_STR};

Type *type_list(Arena *a, Type *elem) {
  Type *t = arena_alloc(a, sizeof(Type));
  t->kind = TY_LIST;
  t->elem = elem;
  return t;
}

Type *type_tuple(Arena *a, Type **items, int n) {
  Type *t = arena_alloc(a, sizeof(Type));
  t->kind = TY_TUPLE;
  t->items = arena_alloc(a, sizeof(Type *) * (size_t)(n > 0 ? n : 1));
  memcpy(t->items, items, sizeof(Type *) * (size_t)n);
  t->nitems = n;
  return t;
}

// Structural equality; an unknown list element (NULL) equals only another
// unknown one.
bool type_equal(const Type *x, const Type *y) {
  if (x == y)
    return true;
  if (!x || !y || x->kind != y->kind)
    return false;
  switch (x->kind) {
  case TY_LIST:
    return type_equal(x->elem, y->elem);
  case TY_TUPLE:
    if (x->nitems != y->nitems)
      return false;
    for (int i = 0; i < x->nitems; i++)
      if (!type_equal(x->items[i], y->items[i]))
        return false;
    return true;
  default:
    return true;
  }
}

bool type_is_number(const Type *t) {
  return t && (t->kind == TY_BOOL || t->kind == TY_INT ||
               t->kind == TY_FLOAT || t->kind == TY_COMPLEX);
}

static const char *scalar_name(TypeKind kind) {
  switch (kind) {
  case TY_NONE:
    return "None";
  case TY_BOOL:
    return "bool";
  case TY_INT:
    return "int";
  case TY_FLOAT:
    return "float";
  case TY_COMPLEX:
    return "complex";
  case TY_STR:
    return "str";
  default:
    return "?";
  }
}

// Python's spelling: "list[complex]", "tuple[int, float]"; a list whose
// element type is still unknown is plain "list".
const char *type_name(Arena *a, const Type *t) {
  if (!t)
    return "?";
  if (t->kind == TY_LIST) {
    if (!t->elem)
      return "list";
    return arena_sprintf(a, "list[%s]", type_name(a, t->elem));
  }
  if (t->kind == TY_TUPLE) {
    const char *s = "tuple[";
    for (int i = 0; i < t->nitems; i++)
      s = arena_sprintf(a, "%s%s%s", s, i ? ", " : "",
                        type_name(a, t->items[i]));
    return arena_sprintf(a, "%s]", s);
  }
  return scalar_name(t->kind);
}
