/* mandelc.h - mandelc's public C interface.
 *
 * A kernel that mandelc compiled ahead of time (`mandelc KERNEL.py -o
 * kernel.o -H kernel.h`) is a C function of the types below, with the
 * runtime it needs inside its object file: a C program includes the header
 * mandelc wrote (which includes this one) and links the object, with no
 * JIT and no LLVM at run time. Every compiled function takes a context
 * first:
 *
 *     mandelc_context *ctx = mandelc_context_new(stdout, 0);
 *     mandelc_list *out = calculate_z(ctx, q, maxiter, z);
 *     if (mandelc_error_name(ctx)) ...   (the kernel raised an exception)
 *     mandelc_context_free(ctx);          (and every list made in it)
 *
 * Python's types map as: int -> int64_t, float -> double, bool -> uint8_t
 * (0 or 1), complex -> mandelc_complex as a result and two doubles (real,
 * imaginary) as a parameter, list -> mandelc_list *, None -> void.
 * A raised exception is a value in the context, never a jump: the function
 * returns at once with an unspecified result. One context serves one
 * thread at a time; two threads may use two contexts. The types here are
 * the floor the library (issue 15) builds on; their layout is the one
 * compiled code uses (runtime/rtabi.h), and it is fixed for a major
 * version.
 */
#ifndef MANDELC_H
#define MANDELC_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define MANDELC_VERSION_MAJOR 0
#define MANDELC_VERSION_MINOR 1

/* A Python complex: the real part, then the imaginary part. */
typedef struct mandelc_complex {
  double re, im;
} mandelc_complex;

/* A Python list: len elements of elem_size bytes at data (int and float 8,
 * bool 1, complex 16, list 8: a mandelc_list *), room for cap; owned by the
 * context that made it. */
typedef struct mandelc_list {
  int64_t len;
  int64_t cap;
  int64_t elem_size;
  void *data;
} mandelc_list;

/* What a compiled kernel runs with: its worker threads, the lists it
 * makes, its print output and the exception it raised (opaque). */
typedef struct mandelc_context mandelc_context;

/* A context whose kernels print to `out` (NULL: their prints are dropped)
 * and run parallel loops on `nthreads` threads (0: one per core); NULL
 * when out of memory. */
mandelc_context *mandelc_context_new(FILE *out, int nthreads);
/* Frees the context and every list made in it. */
void mandelc_context_free(mandelc_context *ctx);
/* Writes the kernel's buffered prints to the context's stream; false on a
 * write error. */
bool mandelc_flush(mandelc_context *ctx);

/* A list of n zeroed elements of elem_size bytes, owned by ctx; NULL (and
 * MemoryError raised in ctx) past 2^31 elements or 16 GiB. */
mandelc_list *mandelc_list_new(mandelc_context *ctx, int64_t elem_size,
                               int64_t n);

/* The name of the Python exception raised in ctx ("ZeroDivisionError"),
 * or NULL when none was. */
const char *mandelc_error_name(const mandelc_context *ctx);
/* CPython's message for it ("" when it has none, as MemoryError). */
const char *mandelc_error_message(const mandelc_context *ctx);
/* The kernel file's line that raised it (0 when none was raised). */
int mandelc_error_line(const mandelc_context *ctx);
/* Forgets the exception, so the context can run again. */
void mandelc_error_clear(mandelc_context *ctx);

#ifdef __cplusplus
}
#endif

#endif
