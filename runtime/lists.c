// lists.c - Python lists for compiled code: new, append, repeat.
//
// An RtList is a header and an inline array of fixed-size elements, both
// owned by the context that made them (rt_context_alloc), so a run's lists
// all go with rt_context_free and nothing is freed piecemeal. Lengths that
// come from the kernel (`[0] * n`, appends in a loop) are checked against
// RT_MAX_LIST_BYTES and MAX_LIST_LEN before allocating: too large is
// Python's MemoryError, never an abort. Appends grow the array by doubling,
// so n appends cost O(n) copies in all.
#include <string.h>

#include "runtime.h"

// The element count limit of rtabi.h: 2^31 elements (or RT_MAX_LIST_BYTES,
// whichever is smaller), far beyond any kernel's grid of counts.
#define MAX_LIST_LEN ((int64_t)1 << 31)

// Whether a list of n elements of elem_size bytes is within the limits.
static bool fits_limits(int64_t n, int64_t elem_size) {
  return n <= MAX_LIST_LEN && n <= RT_MAX_LIST_BYTES / elem_size;
}

// A list of n zeroed elements with room for cap, or NULL after a
// MemoryError.
static RtList *new_list(RtContext *ctx, int64_t elem_size, int64_t n,
                        int64_t cap, int32_t line) {
  if (!fits_limits(cap, elem_size)) {
    rt_raise(ctx, RT_EXC_MEMORY, line, "");
    return NULL;
  }
  RtList *l = rt_context_alloc(ctx, sizeof *l, line);
  if (!l)
    return NULL;
  l->len = n;
  l->cap = cap;
  l->elem_size = elem_size;
  l->data = NULL;
  if (cap > 0) {
    l->data = rt_context_alloc(ctx, (size_t)(cap * elem_size), line);
    if (!l->data)
      return NULL;
  }
  return l;
}

RtList *rt_list_new(RtContext *ctx, int64_t elem_size, int64_t n,
                    int32_t line) {
  if (n < 0)
    n = 0;  // `[0] * -3` is []
  return new_list(ctx, elem_size, n, n, line);
}

void *rt_list_append_slot(RtContext *ctx, RtList *l, int32_t line) {
  if (l->len == l->cap) {
    int64_t cap = l->cap < 4 ? 8 : l->cap * 2;
    if (!fits_limits(cap, l->elem_size)) {
      cap = l->cap + 1;  // near the limit: grow by the one element needed
      if (!fits_limits(cap, l->elem_size)) {
        rt_raise(ctx, RT_EXC_MEMORY, line, "");
        return NULL;
      }
    }
    void *data = rt_context_realloc(ctx, l->data,
                                    (size_t)(cap * l->elem_size), line);
    if (!data)
      return NULL;
    l->data = data;
    l->cap = cap;
  }
  char *slot = (char *)l->data + l->len * l->elem_size;
  memset(slot, 0, (size_t)l->elem_size);
  l->len++;
  return slot;
}

RtList *rt_list_repeat(RtContext *ctx, const RtList *l, int64_t n,
                       int32_t line) {
  if (n < 0 || l->len == 0)
    n = 0;
  // l->len * n must not overflow before the limit check sees it
  if (n > 0 && l->len > MAX_LIST_LEN / n) {
    rt_raise(ctx, RT_EXC_MEMORY, line, "");
    return NULL;
  }
  int64_t len = l->len * n;
  RtList *r = new_list(ctx, l->elem_size, len, len, line);
  if (!r)
    return NULL;
  size_t chunk = (size_t)(l->len * l->elem_size);
  for (int64_t i = 0; i < n; i++)
    memcpy((char *)r->data + i * chunk, l->data, chunk);
  return r;
}
