// cuda_gen.h - what the files of the CUDA C generator share (internal).
//
// compiler.h's cuda_emit is one pass that writes text, split over several
// files, one concern each: cuda.c (the ABI with runtime/launch.c, the
// errors, writing text, names and C types, functions and the file's
// layout: header, prototypes, entries, print table), cuda_expr.c
// (constants, operators, comparisons, subscripts: one helper per
// expression kind), cuda_call.c (lists made on the device, builtins, math
// functions and calls of user functions), cuda_stmt.c (assignments, loops,
// if, print and its table) and cuda_kernel.c (the __global__ entry of each
// kernel form: point, list and grid). This header is internal to
// compiler/ and no other folder includes it: it holds the generator's
// state (CudaGen) and the helpers the files call in one another, prefixed
// cg_ (CUDA generator) so that no generic name leaves its file; the
// smallest helpers are static inline here.
//
// Every cg_ function that lowers an expression returns its C text (in the
// arena) and sets g->raises when that text may raise; statements are
// written with cg_line, and cg_check_raised then tests ts->raised.
#ifndef MANDELC_CUDA_GEN_H
#define MANDELC_CUDA_GEN_H

#include <assert.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "../runtime/rtabi.h"
#include "compiler.h"

#ifndef unreachable
#define unreachable() (assert(!"unreachable"), __builtin_unreachable())
#endif

// The errors a kernel can raise on the GPU: pymath.h's (numbered as
// there, so the messages are the CPU's) and these, numbered after them.
// The number travels in the error key (8 bits).
#define CUDA_ERRORS(X)                                                       \
  X(PY_ERR_INDEX, RT_EXC_INDEX, "list index out of range")                   \
  X(PY_ERR_INDEX_STORE, RT_EXC_INDEX, "list assignment index out of range")  \
  X(PY_ERR_NEG_SHIFT, RT_EXC_VALUE, "negative shift count")                  \
  X(PY_ERR_RANGE_STEP, RT_EXC_VALUE, "range() arg 3 must not be zero")       \
  X(PY_ERR_RECURSION, RT_EXC_RECURSION, "maximum recursion depth exceeded") \
  X(PY_ERR_MEMORY, RT_EXC_MEMORY, "")                                        \
  X(PY_ERR_MIN_EMPTY, RT_EXC_VALUE, "min() arg is an empty sequence")        \
  X(PY_ERR_MAX_EMPTY, RT_EXC_VALUE, "max() arg is an empty sequence")

typedef enum {
#define X(name, exc, msg) name##_,
  CUDA_ERRORS(X)
#undef X
  PY_ERR_COUNT_
} CudaError;

// ---- the generator ----------------------------------------------------------

// One loop being written: for-else needs a flag set by its breaks.
typedef struct CudaLoop {
  struct CudaLoop *outer;
  const char *broke;  // name of the flag, NULL when the loop has no else
} CudaLoop;

typedef struct {
  Arena *a;
  Diag *d;
  Program *p;
  const CompileOptions *opt;
  // The C target (c.c): the same lowering written as plain C for the host,
  // with glibc's libm, a list type a Python list type, GNU statement
  // expressions where the CUDA C has lambdas, print straight to stdout
  // and a main() with the tutorial's driver.
  bool host;
  char *types;         // the C target: list and tuple types, as needed
  size_t tlen, tcap;
  PtrVec type_names;   // the types written so far
  PtrVec unbound;      // the C target: names with an UnboundLocalError
  char *out;           // the text so far (malloc'd; copied to the arena)
  size_t len, cap;
  int indent;
  Func *fn;            // the function being written
  bool in_entry;       // writing the kernel's body inside mandelc_kernel
  bool raises;         // the expression just lowered may raise
  int ntemps;
  CudaLoop *loop;
  Node *ploop;         // list kernel: the outer loop, one thread an iteration
  int ploop_depth;     // loops entered inside ploop's body
  // list and grid kernels: the lists whose elements are the results
  Var *result, *row;
  Node *grid_i, *grid_j;  // grid kernel: the loops over xs and ys
  // print: the entries of mandelc_print_table so far, their number, and
  // the condition under which the statements being written may print
  // (statements that every thread runs print in one thread only)
  const char *ptable;
  int nprints;
  const char *print_gate;
  bool post_prints;  // list kernel: prints follow the loop (continue: goto)
} CudaGen;

// Text in the arena, formatted as by printf.
#define fmt(g, ...) arena_sprintf((g)->a, __VA_ARGS__)

static inline bool is_kind(const Node *n, TypeKind k) {
  return n->ty && n->ty->kind == k;
}

static inline Node *arg(const Node *call, int k) {
  return call->args.data[k];
}

// The operands of one operation, lowered left to right. C++ evaluates a
// call's arguments (and the two sides of +) in any order; where two or
// more operands may raise or run user code, Python's left-to-right order
// decides which error is reported and what a helper appends first. Such
// operands are then evaluated into a braced struct, which C++ evaluates
// in order, and used from there (cuda_expr.c).
#define MAX_ORDERED 8

typedef struct {
  int n, nraising;
  const char *val[MAX_ORDERED];
  const char *type[MAX_ORDERED];
} Operands;

// ---- cuda.c: writing text, names and types ----------------------------------

const char *cg_error_name(CudaError e);
__attribute__((format(printf, 2, 3)))
void cg_emit(CudaGen *g, const char *fmt, ...);
__attribute__((format(printf, 2, 3)))
void cg_line(CudaGen *g, const char *fmt, ...);
_Noreturn void cg_unsupported(CudaGen *g, const Node *n, const char *what);
void cg_require_inexact_libm(CudaGen *g, const Node *at, const char *what);
bool cg_libm_is_glibc(void);
const char *cg_var_name(CudaGen *g, const Var *v);
// The C name of a function of the program.
const char *cg_func_name(CudaGen *g, const Func *f);
// The device global holding module list v (written by cuda.c, read-only).
const char *cg_const_list_name(CudaGen *g, const Var *v);
const char *cg_storage_type(CudaGen *g, const Node *at, const Type *t);
const char *cg_c_type(CudaGen *g, const Node *at, const Type *t);
const char *cg_convert_to(CudaGen *g, const Node *at, const char *v,
                          const Type *from, const Type *to);
const char *cg_new_temp(CudaGen *g, const char *stem);
const char *cg_fail_return(CudaGen *g);
void cg_check_raised(CudaGen *g);
// `#line N "kernel.py"` (none in the C target); cg_mark_line adds the
// comment quoting line N.
void cg_line_directive(CudaGen *g, int line);
void cg_mark_line(CudaGen *g, const Node *s);
void cg_declare_locals(CudaGen *g, Func *f);
void cg_write_functions(CudaGen *g, bool with_kernel);
void cg_write_prelude(CudaGen *g);

// ---- cuda_expr.c: expressions -----------------------------------------------

const char *cg_expr(CudaGen *g, Node *e);
const char *cg_truth(CudaGen *g, Node *e);
const char *cg_raising(CudaGen *g, const Node *at, const char *fn,
                       const char *args);
void cg_operand(CudaGen *g, Operands *o, Node *e);
bool cg_needs_order(const Operands *o);
const char *cg_order_operands(CudaGen *g, Operands *o);
const char *cg_in_order(CudaGen *g, const char *type, const char *decl,
                        const char *use);
const char *cg_binop_of(CudaGen *g, Node *e, const char *l, const char *r);
const char *cg_binop(CudaGen *g, Node *e);
const char *cg_element(CudaGen *g, Node *e, CudaError msg);

// ---- cuda_call.c: lists made on the device, builtins, calls -----------------

const char *cg_list_literal(CudaGen *g, Node *e);
const char *cg_listcomp(CudaGen *g, Node *e);
const char *cg_call(CudaGen *g, Node *e);

// ---- cuda_stmt.c: statements and print --------------------------------------

void cg_block(CudaGen *g, PtrVec *body);
bool cg_is_result_store(CudaGen *g, Node *t);
void cg_stmt(CudaGen *g, Node *s);
void cg_stmts(CudaGen *g, PtrVec *body);
void cg_emit_print_table(CudaGen *g);

// ---- the C target's differences (c.c) ---------------------------------------

const char *c_list_type(CudaGen *g, const Node *at, const Type *t);
const char *c_tuple_type(CudaGen *g, const Node *at, const Type *t);
const char *c_list_name(CudaGen *g, const Node *at, const Type *list);
const char *cg_list_fn(CudaGen *g, const Node *at, const Type *list,
                       const char *op);
const char *cg_zero(CudaGen *g, const Node *at, const Type *t);
void c_print_values(CudaGen *g, Node *at, PtrVec *values, bool nl,
                    bool softspace);
const char *c_unbound_check(CudaGen *g, Node *e, const char *name);

// ---- cuda_kernel.c: the kernel entry ----------------------------------------

void cg_point_entry(CudaGen *g);
void cg_list_entry(CudaGen *g);
void cg_grid_entry(CudaGen *g);

#endif
