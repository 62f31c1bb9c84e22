// capi.c - include/mandelc.h over the runtime that compiled code calls.
//
// The public types are the runtime's own under public names: a
// mandelc_context holds an RtContext as its first member, so the pointer a
// C program passes to a compiled kernel is the RtContext * the kernel
// expects; mandelc_list and mandelc_complex have RtList's and RtComplex's
// layout (checked below). This file goes wherever the runtime pieces go:
// into mandelc, libmandelc_rt.a, and the object files mandelc writes.
#include <assert.h>
#include <stddef.h>
#include <stdlib.h>
#include <unistd.h>

#include "../include/mandelc.h"
#include "runtime.h"

struct mandelc_context {
  RtContext rt;  // first: compiled code receives its address
};

static_assert(sizeof(mandelc_list) == sizeof(RtList) &&
                  offsetof(mandelc_list, len) == offsetof(RtList, len) &&
                  offsetof(mandelc_list, cap) == offsetof(RtList, cap) &&
                  offsetof(mandelc_list, elem_size) ==
                      offsetof(RtList, elem_size) &&
                  offsetof(mandelc_list, data) == offsetof(RtList, data),
              "mandelc_list is RtList");
static_assert(sizeof(mandelc_complex) == sizeof(RtComplex) &&
                  offsetof(mandelc_complex, im) == offsetof(RtComplex, im),
              "mandelc_complex is RtComplex");

mandelc_context *mandelc_context_new(FILE *out, int nthreads) {
  mandelc_context *ctx = malloc(sizeof *ctx);
  if (!ctx)
    return NULL;
  if (nthreads <= 0) {
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    nthreads = cores < 1 ? 1 : cores > 1024 ? 1024 : (int)cores;
  }
  rt_context_init(&ctx->rt, out, nthreads);
  return ctx;
}

void mandelc_context_free(mandelc_context *ctx) {
  if (!ctx)
    return;
  rt_context_free(&ctx->rt);
  free(ctx);
}

bool mandelc_flush(mandelc_context *ctx) {
  return rt_context_flush(&ctx->rt);
}

mandelc_list *mandelc_list_new(mandelc_context *ctx, int64_t elem_size,
                               int64_t n) {
  return (mandelc_list *)rt_list_new(&ctx->rt, elem_size, n, 0);
}

const char *mandelc_error_name(const mandelc_context *ctx) {
  return ctx->rt.exc == RT_EXC_NONE ? NULL : rt_exc_name(ctx->rt.exc);
}

const char *mandelc_error_message(const mandelc_context *ctx) {
  return ctx->rt.exc == RT_EXC_NONE ? "" : ctx->rt.msg;
}

int mandelc_error_line(const mandelc_context *ctx) {
  return ctx->rt.exc == RT_EXC_NONE ? 0 : ctx->rt.line;
}

void mandelc_error_clear(mandelc_context *ctx) {
  ctx->rt.exc = RT_EXC_NONE;
  ctx->rt.line = 0;
  ctx->rt.msg[0] = '\0';
}
