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
 * the floor the library (below) builds on; their layout is the one
 * compiled code uses (runtime/rtabi.h), and it is fixed for a major
 * version.
 */
#ifndef MANDELC_H
#define MANDELC_H

#include <stdbool.h>
#include <stddef.h>
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

/* ---- The library (libmandelc): compile a kernel, then call it ----
 *
 *     mandelc_error err;
 *     mandelc_kernel *k = mandelc_compile(source, NULL, &err);
 *     if (!k) fprintf(stderr, "%s:%d: %s\n", err.file, err.line, err.message);
 *     mandelc_value args[2] = {...}, result;
 *     if (!mandelc_call(k, args, 2, &result, &err)) ...   (err.kind etc.)
 *     mandelc_free(result.data);                            (a list result)
 *     mandelc_kernel_free(k);
 *
 * Link with -lmandelc (libmandelc.so.0, or libmandelc.a). No global state:
 * two threads may use two kernels at once; one kernel serves one thread at
 * a time (except mandelc_cancel). The library never exits and never
 * prints; every failure comes back as a mandelc_error. Strings a kernel
 * returns (names, types) live as long as the kernel. */

/* A compiled kernel: its code, signature and last call's output. */
typedef struct mandelc_kernel mandelc_kernel;

/* How to compile; all zero (or a NULL pointer) is the command line's
 * defaults. */
typedef struct mandelc_options {
  const char *target;    /* "llvm" (NULL) or "cuda" */
  const char *kernel;    /* the function; NULL: mandelc's choice, as the CLI */
  const char *filename;  /* name of source text in errors; NULL: "<string>" */
  int threads;           /* parallel loops' threads; 0: one per core */
  bool no_simd;          /* no 32-lane vector form (--no-simd) */
  bool fast_math;        /* --fast-math: results may differ from CPython's */
  bool no_cache;         /* do not read or write the compile cache */
} mandelc_options;

/* A failure: a compile error (kind "CompileError", "OSError" for a file
 * that cannot be read, "TypeError"/"ValueError" for bad arguments to the
 * library, "RuntimeError" for a target that is missing) or a Python
 * exception raised by the kernel (its class, "ZeroDivisionError", and
 * CPython's message). file and line are where (0 and "" when nowhere). */
typedef struct mandelc_error {
  char kind[64];
  char message[512];
  char file[256];
  int line, column;
} mandelc_error;

/* Compiles `source` (Python text); NULL with *err filled on failure (err
 * may be NULL). The function is the one the command line would choose
 * (opts->kernel, or mandelc's choice), typed as its driver binds it (the
 * tutorial's kernels need no annotations, and mandelc_run_driver runs
 * them); a function the driver cannot bind is compiled as called: every
 * parameter annotated, the result annotated or inferred. */
mandelc_kernel *mandelc_compile(const char *source,
                                const mandelc_options *opts,
                                mandelc_error *err);
/* Compiles the file at `path` (errors name it). */
mandelc_kernel *mandelc_compile_file(const char *path,
                                     const mandelc_options *opts,
                                     mandelc_error *err);
/* Frees a kernel (NULL is fine). */
void mandelc_kernel_free(mandelc_kernel *k);

/* The compiled function's name. */
const char *mandelc_kernel_name(const mandelc_kernel *k);
/* Its number of parameters. */
int mandelc_kernel_nparams(const mandelc_kernel *k);
/* Parameter i's name (NULL when i is out of range). */
const char *mandelc_kernel_param_name(const mandelc_kernel *k, int i);
/* Parameter i's type in Python's spelling: "int", "list[complex]",
 * "tuple[float, float]" (NULL when i is out of range). */
const char *mandelc_kernel_param_type(const mandelc_kernel *k, int i);
/* The result's type in Python's spelling ("None" for none). */
const char *mandelc_kernel_result_type(const mandelc_kernel *k);

/* A value's kind. */
typedef enum mandelc_kind {
  MANDELC_NONE,
  MANDELC_BOOL,     /* bool, uint8_t 0 or 1 in a list */
  MANDELC_INT,      /* int64_t */
  MANDELC_FLOAT,    /* double */
  MANDELC_COMPLEX,  /* mandelc_complex */
  MANDELC_LIST
} mandelc_kind;

/* An argument or a result: a scalar, or a list of scalars (nested lists
 * and tuples are refused with a TypeError for now). */
typedef struct mandelc_value {
  mandelc_kind kind;  /* a scalar kind, or MANDELC_LIST */
  mandelc_kind elem;  /* lists: the elements' kind (BOOL, INT, FLOAT,
                         COMPLEX) */
  union {
    bool b;
    int64_t i;
    double f;
    mandelc_complex c;
  } scalar;
  void *data;   /* lists: len contiguous elements */
  int64_t len;
} mandelc_value;

/* Calls the kernel with nargs arguments. A list result comes back in
 * memory the caller owns (free it with mandelc_free). A list argument the
 * kernel changed in place is written back to its buffer; if the kernel
 * changed its length, its data and len are replaced by a new buffer the
 * caller owns (the old one is the caller's still). A wrong number or kind
 * of arguments is a TypeError; a Python exception is false with *err
 * (kind, CPython's message, file, line), the list arguments left as they
 * were passed (a parallel loop's other iterations may have run on). */
bool mandelc_call(mandelc_kernel *k, mandelc_value *args, int nargs,
                  mandelc_value *result, mandelc_error *err);
/* What the last call printed (not NUL-terminated; *len bytes; len may be
 * NULL). */
const char *mandelc_kernel_output(const mandelc_kernel *k, size_t *len);
/* Safe from another thread: the running call (or the next) on k stops
 * with a "KeyboardInterrupt" error at the next iteration of a loop that
 * runs another loop (a point's escape loop is not interrupted), or its
 * next block of points or chunk of a parallel loop. */
void mandelc_cancel(mandelc_kernel *k);
/* Frees memory the library gave the caller. */
void mandelc_free(void *p);

/* Runs the tutorial's driver on the kernel (W and MAXITER as on the
 * command line): the validation sum as decimal text (it can pass 64
 * bits), the number of points, the kernel's seconds. */
bool mandelc_run_driver(mandelc_kernel *k, int64_t w, int64_t maxiter,
                        char sum[48], int64_t *points, double *seconds,
                        mandelc_error *err);

/* Any --emit stage ("tokens", "ast", "types", "llvm-raw", "llvm", "asm",
 * "cuda", "ptx", "cuda-prelude", "c", "header") of `source` as a string
 * the caller frees with mandelc_free; NULL with *err on failure. */
char *mandelc_emit(const char *source, const char *stage,
                   const mandelc_options *opts, mandelc_error *err);

/* The library's version, "0.1.0". */
const char *mandelc_version(void);

#ifdef __cplusplus
}
#endif

#endif
