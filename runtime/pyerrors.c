// pyerrors.c - the RtContext: raised exceptions, owned memory, print output.
//
// A run-time error is a value, not a jump: rt_raise records the first
// exception in the context (later ones are ignored, as only the first
// would ever propagate in Python) and compiled code returns at once,
// testing ctx->exc after every call that may raise. The driver then prints
// it with rt_report_error, the one formatter of run-time errors for every
// target.
//
// Every list and string a run makes is one RtBlock: a header holding the
// links of a doubly linked list, followed by the payload. rt_context_free
// walks the list once; a growing list moves its block with
// rt_context_realloc without searching for it. Workers of a parallel loop
// each have their own context, merged into the parent's afterwards.
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "runtime.h"

// The header in front of each allocation; max_align_t keeps the payload
// aligned for any element type.
struct RtBlock {
  union {
    struct {
      RtBlock *prev, *next;
    } links;
    max_align_t align;
  } u;
};

#define X(name, pyname) pyname,
static const char *const exc_names[] = {RT_EXCEPTIONS(X)};
#undef X

void rt_context_init(RtContext *ctx, FILE *stream, int nthreads) {
  memset(ctx, 0, sizeof *ctx);
  ctx->stream = stream;
  ctx->nthreads = nthreads >= 1 ? nthreads : 1;
}

void rt_context_free(RtContext *ctx) {
  RtBlock *b = ctx->blocks;
  while (b) {
    RtBlock *next = b->u.links.next;
    free(b);
    b = next;
  }
  ctx->blocks = NULL;
  free(ctx->out);
  ctx->out = NULL;
  ctx->outlen = ctx->outcap = 0;
}

bool rt_context_flush(RtContext *ctx) {
  if (!ctx->stream || ctx->outlen == 0)
    return true;
  size_t n = fwrite(ctx->out, 1, ctx->outlen, ctx->stream);
  bool ok = n == ctx->outlen && fflush(ctx->stream) == 0;
  ctx->outlen = 0;
  return ok;
}

// Appends text to dst's print buffer; false when it cannot grow.
static bool append_output(RtContext *dst, const char *text, size_t len) {
  if (len == 0)  // print(..., end=""): nothing, and dst->out may be NULL
    return true;
  if (dst->outlen + len > dst->outcap) {
    size_t cap = dst->outcap ? dst->outcap : 256;
    while (cap < dst->outlen + len)
      cap *= 2;
    char *out = realloc(dst->out, cap);
    if (!out)
      return false;
    dst->out = out;
    dst->outcap = cap;
  }
  memcpy(dst->out + dst->outlen, text, len);
  dst->outlen += len;
  return true;
}

// A context with a stream writes its output out beyond this size, so a
// kernel printing in a long loop does not hold it all in memory.
enum { FLUSH_THRESHOLD = 1 << 16 };

bool rt_context_write(RtContext *ctx, const char *text, size_t len) {
  if (!append_output(ctx, text, len)) {
    rt_raise(ctx, RT_EXC_MEMORY, ctx->line, "");
    return false;
  }
  if (ctx->stream && ctx->outlen > FLUSH_THRESHOLD)
    rt_context_flush(ctx);
  return true;
}

void rt_context_merge(RtContext *dst, RtContext *src) {
  if (src->blocks) {
    RtBlock *last = src->blocks;
    while (last->u.links.next)
      last = last->u.links.next;
    last->u.links.next = dst->blocks;
    if (dst->blocks)
      dst->blocks->u.links.prev = last;
    dst->blocks = src->blocks;
    src->blocks = NULL;
  }
  if (src->outlen > 0 && !append_output(dst, src->out, src->outlen))
    rt_raise(dst, RT_EXC_MEMORY, src->line, "");
  src->outlen = 0;
  // merged in iteration order, so the first exception is the serial one
  if (src->exc != RT_EXC_NONE)
    rt_raise(dst, src->exc, src->line, src->msg);
}

const char *rt_exc_name(int32_t exc) {
  if (exc < 0 || exc >= (int32_t)(sizeof exc_names / sizeof *exc_names))
    return "RuntimeError";
  return exc_names[exc];
}

void rt_report_error(FILE *out, const char *file, const RtContext *ctx) {
  if (ctx->msg[0])
    fprintf(out, "%s:%d: %s: %s\n", file, ctx->line, rt_exc_name(ctx->exc),
            ctx->msg);
  else
    fprintf(out, "%s:%d: %s\n", file, ctx->line, rt_exc_name(ctx->exc));
}

void rt_raise(RtContext *ctx, int32_t exc, int32_t line, const char *msg) {
  if (ctx->exc != RT_EXC_NONE)
    return;  // the first exception wins
  ctx->exc = exc;
  ctx->line = line;
  snprintf(ctx->msg, sizeof ctx->msg, "%s", msg ? msg : "");
}

int32_t *rt_exc_flag(RtContext *ctx) {
  return &ctx->exc;
}

// Links b in front of ctx's blocks.
static void link_block(RtContext *ctx, RtBlock *b) {
  b->u.links.prev = NULL;
  b->u.links.next = ctx->blocks;
  if (ctx->blocks)
    ctx->blocks->u.links.prev = b;
  ctx->blocks = b;
}

static void unlink_block(RtContext *ctx, RtBlock *b) {
  if (b->u.links.prev)
    b->u.links.prev->u.links.next = b->u.links.next;
  else
    ctx->blocks = b->u.links.next;
  if (b->u.links.next)
    b->u.links.next->u.links.prev = b->u.links.prev;
}

// MemoryError, as CPython raises it: no message.
static void *out_of_memory(RtContext *ctx, int32_t line) {
  rt_raise(ctx, RT_EXC_MEMORY, line, "");
  return NULL;
}

void *rt_context_alloc(RtContext *ctx, size_t size, int32_t line) {
  if (size > (size_t)RT_MAX_LIST_BYTES)
    return out_of_memory(ctx, line);
  // Zeroed by writing, not by calloc: a large calloc maps the shared zero
  // page, and a kernel that reads an element (z[i]) and then writes it
  // takes a copy-on-write fault whose TLB flush interrupts every other
  // worker thread. With two threads that cost more system time than the
  // kernel's own work (perf: smp_call_function_many_cond, 2026-11-25).
  // (explicit_bzero: a compiler turns malloc + memset back into calloc.)
  RtBlock *b = malloc(sizeof *b + size);
  if (!b)
    return out_of_memory(ctx, line);
  explicit_bzero(b, sizeof *b + size);
  link_block(ctx, b);
  return b + 1;
}

void *rt_context_realloc(RtContext *ctx, void *p, size_t size,
                         int32_t line) {
  if (!p)
    return rt_context_alloc(ctx, size, line);
  if (size > (size_t)RT_MAX_LIST_BYTES)
    return out_of_memory(ctx, line);
  RtBlock *b = (RtBlock *)p - 1;
  unlink_block(ctx, b);
  RtBlock *moved = realloc(b, sizeof *b + size);
  if (!moved) {
    link_block(ctx, b);  // the old block stays owned and valid
    return out_of_memory(ctx, line);
  }
  link_block(ctx, moved);
  return moved + 1;
}

void rt_poll(RtContext *ctx) {
  if (ctx->cancel && __atomic_load_n(ctx->cancel, __ATOMIC_RELAXED))
    rt_raise(ctx, RT_EXC_TIMEOUT, 0, "the run was cancelled");
}

// CPython's limit counts Python frames; a kernel's depth is close enough.
int32_t rt_enter_call(RtContext *ctx, int32_t line) {
  if (ctx->depth >= RT_MAX_RECURSION) {
    rt_raise(ctx, RT_EXC_RECURSION, line,
             "maximum recursion depth exceeded");
    return 0;
  }
  ctx->depth++;
  return 1;
}

void rt_leave_call(RtContext *ctx) {
  assert(ctx->depth > 0);
  ctx->depth--;
}
