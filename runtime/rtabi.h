// rtabi.h - the contract between generated code and the C runtime.
//
// Compiled kernels (LLVM JIT code, and CUDA C run through the host shim)
// see exactly these structs and helper functions; nothing else of the
// runtime. It is plain C with no dependency, so the LLVM lowering can
// declare the same layouts and the CUDA prelude can mirror them.
//
// Calling convention of every compiled user function `NAME`:
//   ret NAME(RtContext *ctx, param0, param1, ...)
// with int -> int64_t, float -> double, bool -> uint8_t (0 or 1),
// complex -> two doubles (real, imag) as two separate parameters,
// list -> RtList *, and a return of int64_t, double, uint8_t, RtList *,
// void (None), or RtComplex for complex (returned as a C struct of two
// doubles). The driver calls the kernel through libffi with exactly this
// signature. A raised Python exception sets ctx->exc (see rt_raise) and the
// function returns at once with an unspecified value; every caller checks
// ctx->exc after each call that may raise and returns too.
#ifndef MANDELC_RTABI_H
#define MANDELC_RTABI_H

#include <stdint.h>

// The Python exceptions compiled code can raise, with their Python names.
#define RT_EXCEPTIONS(X)                        \
  X(RT_EXC_NONE, "")                            \
  X(RT_EXC_ZERO_DIVISION, "ZeroDivisionError")  \
  X(RT_EXC_INDEX, "IndexError")                 \
  X(RT_EXC_VALUE, "ValueError")                 \
  X(RT_EXC_OVERFLOW, "OverflowError")           \
  X(RT_EXC_MEMORY, "MemoryError")               \
  X(RT_EXC_RECURSION, "RecursionError")         \
  X(RT_EXC_TYPE, "TypeError")                   \
  X(RT_EXC_TIMEOUT, "TimeoutError")             \
  X(RT_EXC_UNBOUND_LOCAL, "UnboundLocalError")

typedef enum {
#define X(name, pyname) name,
  RT_EXCEPTIONS(X)
#undef X
} RtExc;

typedef struct {
  double re, im;
} RtComplex;

// A Python list: reference semantics, elements stored inline.
// Element sizes: int 8, float 8, bool 1, complex 16, list 8 (RtList *), a
// tuple a C struct of its items; compiler/layout.c decides them, once, and
// elem_size carries the size here.
typedef struct RtList {
  int64_t len;
  int64_t cap;
  int64_t elem_size;
  void *data;
} RtList;

// A string made at run time (the result of `"..." % args`), for printing.
typedef struct RtStr {
  int64_t len;
  char *data;
} RtStr;

typedef struct RtContext RtContext;

// Largest list the runtime allocates (MemoryError beyond): 2^31 elements
// or 16 GiB, whichever is smaller, so `[0] * n` with a huge n is an error
// and not an abort.
#define RT_MAX_LIST_BYTES ((int64_t)16 << 30)
// Calls deeper than this raise RecursionError (CPython's default limit).
#define RT_MAX_RECURSION 1000

// ---- called from generated code (runtime/pyerrors.c, runtime/lists.c,
// runtime/pyprint.c, runtime/pymath.c) ----

// Records the exception, the kernel.py line and CPython's message (a string
// that outlives the run, e.g. a constant of the generated code; it is
// copied); the first exception wins.
void rt_raise(RtContext *ctx, int32_t exc, int32_t line, const char *msg);
// The address of ctx->exc, so generated code can test it inline.
int32_t *rt_exc_flag(RtContext *ctx);

// A new list of n elements, zero-filled (MemoryError on n < 0 is
// ValueError-free: n < 0 gives an empty list, as `[0] * -3` does).
RtList *rt_list_new(RtContext *ctx, int64_t elem_size, int64_t n,
                    int32_t line);
// Appends room for one element and returns its address (NULL after
// raising MemoryError).
void *rt_list_append_slot(RtContext *ctx, RtList *l, int32_t line);
// `[a, b] * n`: a new list of l->len * n elements (n < 0 counts as 0).
RtList *rt_list_repeat(RtContext *ctx, const RtList *l, int64_t n,
                       int32_t line);

// print(): pieces of one print call, then the end of line.
void rt_print_int(RtContext *ctx, int64_t v);
void rt_print_float(RtContext *ctx, double v);   // Python's repr()
void rt_print_complex(RtContext *ctx, double re, double im);
void rt_print_bool(RtContext *ctx, uint8_t v);
void rt_print_str(RtContext *ctx, const char *s, int64_t len);
void rt_print_rtstr(RtContext *ctx, const RtStr *s);
void rt_print_none(RtContext *ctx);
void rt_print_list(RtContext *ctx, const RtList *l, int32_t elem_kind);
void rt_print_sep(RtContext *ctx);               // one space
void rt_print_end(RtContext *ctx, uint8_t newline);

// `fmt % args`: args given as kinds ('i' int, 'f' float, 'b' bool,
// 's' RtStr*) and 8-byte values; TypeError/ValueError as CPython raises.
RtStr *rt_str_format(RtContext *ctx, const char *fmt, int64_t fmtlen,
                     const char *kinds, const int64_t *vals, int32_t nargs,
                     int32_t line);

// Numeric helpers whose exact CPython algorithm is too long to inline.
// Each raises through ctx where CPython raises, and returns 0 then.
RtComplex rt_complex_div(RtContext *ctx, double ar, double ai, double br,
                         double bi, int32_t line);
RtComplex rt_complex_pow(RtContext *ctx, double ar, double ai, double br,
                         double bi, int32_t line);
RtComplex rt_complex_powi(RtContext *ctx, double ar, double ai, int64_t n,
                          int32_t line);
double rt_complex_abs(RtContext *ctx, double re, double im, int32_t line);
double rt_float_pow(RtContext *ctx, double x, double y, int32_t line);
int64_t rt_int_pow(RtContext *ctx, int64_t x, int64_t y, int32_t line);
double rt_float_floordiv(RtContext *ctx, double x, double y, int32_t line);
double rt_float_mod(RtContext *ctx, double x, double y, int32_t line);
double rt_float_round(RtContext *ctx, double x, int64_t ndigits,
                      int32_t line);
int64_t rt_float_round_int(RtContext *ctx, double x, int32_t line);
int64_t rt_float_to_int(RtContext *ctx, double x, int32_t line);
// int / int beyond 2**53 (pymath.h's long_true_divide), b != 0: pure, the
// caller has raised ZeroDivisionError already.
double rt_int_true_div(int64_t a, int64_t b);
double rt_math_hypot(double x, double y);
// math.sqrt, math.log, ... : one entry taking the builtin's number (the
// Builtin enum value) so the runtime applies CPython's domain checks.
double rt_math1(RtContext *ctx, int32_t builtin, double x, int32_t line);
double rt_math2(RtContext *ctx, int32_t builtin, double x, double y,
                int32_t line);

// At the head of each iteration of a serial loop that holds another loop:
// raises TimeoutError when the run was cancelled (Ctrl-C, --timeout,
// mandelc_cancel), as the workers do between chunks.
void rt_poll(RtContext *ctx);

// Recursion depth: enter returns 0 and raises RecursionError past the limit.
int32_t rt_enter_call(RtContext *ctx, int32_t line);
void rt_leave_call(RtContext *ctx);

// A parallel loop: runs body(env, ctx_i, lo, hi) over [0, n) on the
// context's worker threads; errors and prints come out as a serial run
// would give them (the lowest failing iteration wins).
typedef void (*RtLoopBody)(void *env, RtContext *ctx, int64_t lo,
                           int64_t hi);
void rt_parallel_for(RtContext *ctx, RtLoopBody body, void *env, int64_t n);

#endif
