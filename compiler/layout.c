// layout.c - how a value of each type sits in memory: the one place.
//
// A list stores its elements inline (rtabi.h's RtList), so the runtime's
// allocation (rt_list_new's elem_size), every address the generated code
// computes (element GEPs, appends, `[v] * n`, comprehensions, displays,
// copies by rt_list_repeat) and the runtime's readers (pyprint.c) must
// agree on each element's size. They all take it from layout_of: a scalar
// has the size and alignment of the C type rtabi.h gives it (bool one byte,
// complex an RtComplex, a list an RtList pointer), and a tuple is laid out
// as a C struct of its items in order, each at the next multiple of its
// alignment, the whole padded to a multiple of the largest - the rule of
// the SysV ABI that LLVM's data layout and the CUDA compiler also follow.
// llvm_build.c checks LLVM's layout of every element type against this one
// (an assert), so the two cannot drift apart silently.
#include <assert.h>
#include <stdalign.h>

#include "../runtime/rtabi.h"
#include "compiler.h"

static int64_t round_up(int64_t n, int64_t align) {
  return (n + align - 1) / align * align;
}

// The C type of each scalar in memory, as rtabi.h and the runtime use it.
#define SCALAR_LAYOUTS(X)           \
  X(TY_NONE, uint8_t)  /* unused */ \
  X(TY_BOOL, uint8_t)               \
  X(TY_INT, int64_t)                \
  X(TY_FLOAT, double)               \
  X(TY_COMPLEX, RtComplex)          \
  X(TY_STR, RtStr *)                \
  X(TY_LIST, RtList *)

Layout layout_of(const Type *t) {
  assert(t && "a list element of unknown type survived inference");
  switch (t->kind) {
#define X(kind, ctype) \
  case kind:           \
    return (Layout){.size = sizeof(ctype), .align = alignof(ctype)};
    SCALAR_LAYOUTS(X)
#undef X
  case TY_TUPLE: {
    Layout l = {.size = 0, .align = 1};
    for (int i = 0; i < t->nitems; i++) {
      Layout item = layout_of(t->items[i]);
      l.size = round_up(l.size, item.align) + item.size;
      if (item.align > l.align)
        l.align = item.align;
    }
    l.size = round_up(l.size, l.align);
    return l.size > 0 ? l : (Layout){.size = 1, .align = 1};
  }
  }
  assert(!"impossible type kind");
  return (Layout){.size = 1, .align = 1};
}

int64_t layout_offset(const Type *tuple, int i) {
  assert(tuple->kind == TY_TUPLE && i >= 0 && i < tuple->nitems);
  int64_t off = 0;
  for (int k = 0; k <= i; k++) {
    Layout item = layout_of(tuple->items[k]);
    off = round_up(off, item.align);
    if (k < i)
      off += item.size;
  }
  return off;
}
