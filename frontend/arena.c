// arena.c - one allocator per compilation, freed in one call.
//
// Memory comes from a list of big chunks obtained with calloc, so every byte
// handed out is already zero; arena_alloc only bumps a pointer within the
// newest chunk, and a request larger than a chunk gets a chunk of its own.
// Nothing is freed piecemeal: arena_free walks the chunk list (CPython
// Python/pyarena.c, QBE util.c). The total handed to calloc is capped by
// ARENA_MAX_BYTES, so no input can make mandelc allocate without bound; when
// the cap is hit the arena reports "out of memory" through its Diag, which
// longjmps back to the stage entry.
//
// Identifiers are interned in an open-addressing hash table that itself
// lives in the arena (a grown table simply abandons the old one), so equal
// names are equal pointers (Lua lstring.c).
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "frontend.h"

// 1 MiB: big enough that chunk headers and calloc calls are negligible,
// small enough that a tiny kernel does not touch much memory.
#define CHUNK_BYTES ((size_t)1 << 20)
// Every allocation is aligned for any scalar type the frontend stores.
#define ALIGN 16

typedef struct Chunk {
  struct Chunk *next;
  size_t size, used;
  _Alignas(ALIGN) unsigned char data[];
} Chunk;

typedef struct {
  const char *str;
  size_t len;
  uint32_t hash;
} InternSlot;

struct Arena {
  Chunk *chunks;        // newest first; allocation happens in the first
  size_t total;         // bytes obtained from calloc, for ARENA_MAX_BYTES
  Diag *diag;           // where exhaustion is reported (may be NULL)
  InternSlot *interned; // open addressing, capacity a power of two
  size_t intern_cap, intern_len;
};

Arena *arena_new(void) {
  Arena *a = calloc(1, sizeof *a);
  if (!a) {
    fprintf(stderr, "mandelc: out of memory creating an arena\n");
    abort();
  }
  return a;
}

void arena_free(Arena *a) {
  if (!a)
    return;
  for (Chunk *c = a->chunks, *next; c; c = next) {
    next = c->next;
    free(c);
  }
  free(a);
}

void arena_set_diag(Arena *a, Diag *d) { a->diag = d; }

// Reports exhaustion. With a Diag this is a normal compile error that
// longjmps to the stage entry; without one (only tests and main.c's own
// set-up run that way) there is nowhere to return to, so we stop loudly.
_Noreturn static void out_of_memory(Arena *a, size_t want) {
  if (a->diag)
    diag_error_at(a->diag, 0, 0,
                  "out of memory: the compilation needs more than %zu MiB "
                  "(request of %zu bytes)",
                  ARENA_MAX_BYTES >> 20, want);
  fprintf(stderr, "mandelc: arena.c: out of memory (%zu bytes)\n", want);
  abort();
}

// Makes a chunk with room for at least `want` bytes the newest chunk.
static void add_chunk(Arena *a, size_t want) {
  size_t size = want > CHUNK_BYTES ? want : CHUNK_BYTES;
  if (want > ARENA_MAX_BYTES || a->total + size > ARENA_MAX_BYTES)
    out_of_memory(a, want);
  Chunk *c = calloc(1, sizeof *c + size);
  if (!c)
    out_of_memory(a, want);
  c->size = size;
  c->next = a->chunks;
  a->chunks = c;
  a->total += size;
}

void *arena_alloc(Arena *a, size_t size) {
  if (size > ARENA_MAX_BYTES)
    out_of_memory(a, size);
  size_t rounded = (size + ALIGN - 1) & ~(size_t)(ALIGN - 1);
  if (rounded == 0)
    rounded = ALIGN;
  Chunk *c = a->chunks;
  if (!c || c->size - c->used < rounded) {
    add_chunk(a, rounded);
    c = a->chunks;
  }
  void *p = c->data + c->used;
  c->used += rounded;
  return p;
}

char *arena_strndup(Arena *a, const char *s, size_t len) {
  char *p = arena_alloc(a, len + 1);
  memcpy(p, s, len);
  p[len] = '\0';
  return p;
}

char *arena_sprintf(Arena *a, const char *fmt, ...) {
  va_list ap, ap2;
  va_start(ap, fmt);
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0)
    n = 0;
  char *p = arena_alloc(a, (size_t)n + 1);
  vsnprintf(p, (size_t)n + 1, fmt, ap2);
  va_end(ap2);
  return p;
}

// FNV-1a: simple, and good enough for identifier-sized keys.
static uint32_t hash_bytes(const char *s, size_t len) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < len; i++)
    h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

// Doubles the table; the old one stays in the arena, unused.
static void grow_intern_table(Arena *a) {
  size_t cap = a->intern_cap ? a->intern_cap * 2 : 256;
  InternSlot *slots = arena_alloc(a, cap * sizeof *slots);
  for (size_t i = 0; i < a->intern_cap; i++) {
    InternSlot s = a->interned[i];
    if (!s.str)
      continue;
    size_t j = s.hash & (cap - 1);
    while (slots[j].str)
      j = (j + 1) & (cap - 1);
    slots[j] = s;
  }
  a->interned = slots;
  a->intern_cap = cap;
}

const char *arena_intern(Arena *a, const char *s, size_t len) {
  // Keep the load factor under 1/2 so probe sequences stay short.
  if (2 * (a->intern_len + 1) > a->intern_cap)
    grow_intern_table(a);
  uint32_t h = hash_bytes(s, len);
  size_t i = h & (a->intern_cap - 1);
  for (; a->interned[i].str; i = (i + 1) & (a->intern_cap - 1)) {
    InternSlot *slot = &a->interned[i];
    if (slot->hash == h && slot->len == len && !memcmp(slot->str, s, len))
      return slot->str;
  }
  char *copy = arena_strndup(a, s, len);
  a->interned[i] = (InternSlot){.str = copy, .len = len, .hash = h};
  a->intern_len++;
  return copy;
}

void vec_push(Arena *a, PtrVec *v, void *item) {
  if (v->len == v->cap) {
    if (v->cap > (1 << 29))
      out_of_memory(a, (size_t)v->cap * 2 * sizeof(void *));
    int cap = v->cap ? v->cap * 2 : 4;
    void **data = arena_alloc(a, (size_t)cap * sizeof *data);
    if (v->len)
      memcpy(data, v->data, (size_t)v->len * sizeof *data);
    v->data = data;
    v->cap = cap;
  }
  v->data[v->len++] = item;
}
