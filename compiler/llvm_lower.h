// llvm_lower.h - what the files of the LLVM lowering share (internal).
//
// The lowering of compiler.h's llvm_lower is one pass split over several
// files, one concern each: llvm.c (the module, functions and the calling
// convention, debug info, optimising and emitting: compiler.h's entry
// points), llvm_build.c (LLVM types, builder helpers, runtime helper
// declarations, exceptions), llvm_arith.c (conversions, Python's
// arithmetic, list items), llvm_expr.c (one helper per expression kind),
// llvm_call.c (builtins and calls), llvm_stmt.c (loops, statements and the
// outlined parallel loop). This header is internal to compiler/ and no other
// folder includes it: it holds the lowering's state (Lower, FnState) and the
// helpers the files call in one another, prefixed ll_ so that no generic name
// leaves its file; the smallest builder helpers are static inline here.
#ifndef MANDELC_LLVM_LOWER_H
#define MANDELC_LLVM_LOWER_H

#include <assert.h>
#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <llvm-c/Analysis.h>
#include <llvm-c/Core.h>
#include <llvm-c/DebugInfo.h>
#include <llvm-c/Target.h>
#include <llvm-c/TargetMachine.h>
#include <llvm-c/Transforms/PassBuilder.h>

#include "../runtime/rtabi.h"
#include "compiler.h"

// CPython's messages (3.11), one constant each so tests can grep them.
#define MSG_INT_OVERFLOW "int result does not fit in 64 bits"
#define MSG_DIV_ZERO "division by zero"
#define MSG_FLOORDIV_ZERO "integer division or modulo by zero"
#define MSG_MOD_ZERO "integer modulo by zero"
#define MSG_FLOAT_DIV_ZERO "float division by zero"
#define MSG_FLOAT_DIVMOD_ZERO "float divmod()"
#define MSG_NEG_SHIFT "negative shift count"
#define MSG_INDEX "list index out of range"
#define MSG_INDEX_ASSIGN "list assignment index out of range"
#define MSG_DOMAIN "math domain error"
#define MSG_RANGE_STEP "range() arg 3 must not be zero"

// break and continue targets of the innermost loop being lowered.
typedef struct Loop {
  LLVMBasicBlockRef brk, cont;
  struct Loop *outer;
} Loop;

// The function being lowered: a Func, or the outlined body of its
// parallel loop (which shares the Func's variables but not its return).
typedef struct {
  const Func *func;
  LLVMValueRef fn;
  LLVMValueRef ctx;       // the RtContext * parameter
  LLVMValueRef exc_flag;  // rt_exc_flag(ctx), computed once on entry
  LLVMValueRef *slots;    // alloca of each Var, by Var.index
  LLVMValueRef ret_slot;  // NULL when the function returns None
  LLVMBasicBlockRef alloca_bb, ret_bb;
  LLVMBuilderRef alloca_b;  // appends to alloca_bb
  LLVMMetadataRef scope;    // its DISubprogram
  Type *ret;
  Loop *loop;
} FnState;

typedef struct {
  Arena *a;
  Diag *d;
  const Program *p;
  const CompileOptions *opt;
  LLVMContextRef c;
  LLVMModuleRef m;
  LLVMBuilderRef b;
  LLVMDIBuilderRef di;
  LLVMMetadataRef difile;
  LLVMTypeRef t_void, t_i1, t_i8, t_i32, t_i64, t_f64, t_ptr;
  LLVMTypeRef t_cplx;    // {double, double}: RtComplex
  LLVMTypeRef t_list;    // RtList: {i64 len, i64 cap, i64 elem_size, ptr}
  LLVMTypeRef t_str;     // RtStr: {i64 len, ptr data}
  char *cpu, *features;  // the host's, from LLVMGetHostCPUName/Features
  // TBAA access tags: list headers, list items by TypeKind, the exception
  // flag. They tell LLVM that storing an item never changes a list's
  // length or data pointer, so those loads leave inner loops.
  LLVMValueRef tbaa_header, tbaa_exc, tbaa_item[TY_TUPLE + 1];
  FnState *fs;
} Lower;

// What runs for each item of a loop: a For's body, a comprehension's
// element, the step of sum/min/max. `item` is the current element (of the
// iterable's element type; int for range), already stored to the target.
typedef void (*LoopFn)(Lower *L, LLVMValueRef item, void *arg);

// The loop skeleton shared by range and list iteration: a counter k from 0
// while `more(k)`, the item for k, the body, then the else clause when the
// loop ends without break. The counter is a plain i64 (it cannot overflow:
// it stays below a count or a length), so the hot loop carries no check.
typedef struct {
  bool is_range;
  LLVMValueRef start, step, count;  // range
  LLVMValueRef first;               // the first k (NULL: 0)
  LLVMValueRef list;                // list
  Type *elem;                       // the item's type
} Iter;

// ---- small builder helpers (inline: every file uses them) ------------------

static inline TypeKind kind_of(const Type *t) { return t ? t->kind : TY_NONE; }

static inline LLVMValueRef i64c(Lower *L, int64_t v) {
  return LLVMConstInt(L->t_i64, (unsigned long long)v, true);
}

static inline LLVMValueRef i32c(Lower *L, int64_t v) {
  return LLVMConstInt(L->t_i32, (unsigned long long)v, true);
}

static inline LLVMValueRef f64c(Lower *L, double v) {
  return LLVMConstReal(L->t_f64, v);
}

static inline LLVMValueRef re_of(Lower *L, LLVMValueRef z) {
  return LLVMBuildExtractValue(L->b, z, 0, "re");
}

static inline LLVMValueRef im_of(Lower *L, LLVMValueRef z) {
  return LLVMBuildExtractValue(L->b, z, 1, "im");
}

static inline LLVMValueRef cplx(Lower *L, LLVMValueRef re, LLVMValueRef im) {
  LLVMValueRef v = LLVMGetPoison(L->t_cplx);
  v = LLVMBuildInsertValue(L->b, v, re, 0, "");
  return LLVMBuildInsertValue(L->b, v, im, 1, "");
}

// Only --fast-math lets LLVM contract or reassociate float operations.
static inline LLVMValueRef fmath(Lower *L, LLVMValueRef v) {
  if (L->opt->fast_math && LLVMIsAInstruction(v) &&
      LLVMCanValueUseFastMathFlags(v))
    LLVMSetFastMathFlags(v, LLVMFastMathAll);
  return v;
}

static inline LLVMValueRef fadd(Lower *L, LLVMValueRef a, LLVMValueRef b) {
  return fmath(L, LLVMBuildFAdd(L->b, a, b, ""));
}

static inline LLVMValueRef fsub(Lower *L, LLVMValueRef a, LLVMValueRef b) {
  return fmath(L, LLVMBuildFSub(L->b, a, b, ""));
}

static inline LLVMValueRef fmul(Lower *L, LLVMValueRef a, LLVMValueRef b) {
  return fmath(L, LLVMBuildFMul(L->b, a, b, ""));
}

static inline LLVMValueRef fcmp(Lower *L, LLVMRealPredicate p, LLVMValueRef a,
                                LLVMValueRef b) {
  return fmath(L, LLVMBuildFCmp(L->b, p, a, b, ""));
}

static inline LLVMValueRef icmp(Lower *L, LLVMIntPredicate p, LLVMValueRef a,
                                LLVMValueRef b) {
  return LLVMBuildICmp(L->b, p, a, b, "");
}

static inline void move_to(Lower *L, LLVMBasicBlockRef bb) {
  LLVMPositionBuilderAtEnd(L->b, bb);
}

static inline LLVMBasicBlockRef new_block(Lower *L, const char *name) {
  return LLVMAppendBasicBlockInContext(L->c, L->fs->fn, name);
}

// Ends the current block with a branch unless it already ended.
static inline void branch_to(Lower *L, LLVMBasicBlockRef bb) {
  if (!LLVMGetBasicBlockTerminator(LLVMGetInsertBlock(L->b)))
    LLVMBuildBr(L->b, bb);
}

// Points the builder's debug location at a node of kernel.py.
static inline void at(Lower *L, const Node *n) {
  if (!n || n->line <= 0)
    return;
  LLVMMetadataRef loc = LLVMDIBuilderCreateDebugLocation(
      L->c, (unsigned)n->line, (unsigned)(n->col > 0 ? n->col : 0),
      L->fs->scope, NULL);
  LLVMSetCurrentDebugLocation2(L->b, loc);
}

// ---- llvm.c -----------------------------------------------------------------

void ll_add_fn_attrs(Lower *L, LLVMValueRef fn);
void ll_open_function(Lower *L, FnState *fs, LLVMValueRef fn, LLVMValueRef ctx,
                      const char *name, int line);
void ll_close_function(Lower *L, FnState *fs, LLVMBasicBlockRef start);
void ll_make_slots(Lower *L, FnState *fs, const Func *f);
void ll_emit_return_block(Lower *L, FnState *fs);

// ---- llvm_build.c -----------------------------------------------------------

LLVMTypeRef ll_type(Lower *L, const Type *t);
LLVMTypeRef ll_elem_type(Lower *L, const Type *t);
int64_t ll_elem_size(const Type *t);
LLVMValueRef ll_zero_of(Lower *L, const Type *t);
void ll_start_dead_block(Lower *L);
LLVMValueRef ll_tbaa(Lower *L, LLVMValueRef inst, LLVMValueRef tag);
LLVMValueRef ll_entry_alloca(Lower *L, LLVMTypeRef t, const char *name);
LLVMValueRef ll_phi2(Lower *L, LLVMTypeRef t, LLVMValueRef a,
                     LLVMBasicBlockRef abb, LLVMValueRef b,
                     LLVMBasicBlockRef bbb);
LLVMValueRef ll_intrinsic(Lower *L, const char *name, LLVMTypeRef over, int n,
                          LLVMValueRef *args);
LLVMValueRef ll_intrinsic1(Lower *L, const char *name, LLVMValueRef x);
void ll_add_attr(Lower *L, LLVMValueRef fn, LLVMAttributeIndex i,
                 const char *name, uint64_t val);
LLVMValueRef ll_rt(Lower *L, const char *name, int n, ...);
void ll_unlikely(Lower *L, LLVMValueRef br);
LLVMValueRef ll_cstring(Lower *L, const char *s);
void ll_check(Lower *L, LLVMValueRef bad, RtExc exc, int line, const char *msg);
void ll_check_exc(Lower *L);

// ---- llvm_arith.c -----------------------------------------------------------

LLVMValueRef ll_truth(Lower *L, LLVMValueRef v, const Type *t);
LLVMValueRef ll_convert(Lower *L, LLVMValueRef v, const Type *from,
                        const Type *to);
Type *ll_wider(Type *a, Type *b);
LLVMValueRef ll_int_checked(Lower *L, const char *name, LLVMValueRef a,
                            LLVMValueRef b, int line);
void ll_check_int_divisor(Lower *L, LLVMValueRef a, LLVMValueRef b, int line,
                          const char *msg);
void ll_int_divmod(Lower *L, LLVMValueRef a, LLVMValueRef b, LLVMValueRef *q,
                   LLVMValueRef *r);
LLVMValueRef ll_float_helper(Lower *L, const char *name, LLVMValueRef a,
                             LLVMValueRef b, int line);
LLVMValueRef ll_arith(Lower *L, Operator op, LLVMValueRef a, const Type *aty,
                      LLVMValueRef b, const Type *bty, const Type *ty,
                      int line);
LLVMValueRef ll_list_len(Lower *L, LLVMValueRef list);
LLVMValueRef ll_list_data(Lower *L, LLVMValueRef list);
LLVMValueRef ll_list_item_ptr(Lower *L, LLVMValueRef list, LLVMValueRef idx,
                              const Type *elem, int line, const char *msg);
LLVMValueRef ll_load_item(Lower *L, LLVMValueRef p, const Type *elem);
void ll_store_item(Lower *L, LLVMValueRef p, LLVMValueRef v, const Type *elem);
LLVMValueRef ll_new_list(Lower *L, const Type *elem, LLVMValueRef n, int line);
void ll_append_item(Lower *L, LLVMValueRef list, LLVMValueRef v,
                    const Type *elem, int line);
LLVMValueRef ll_list_repeat(Lower *L, Node *list, Node *count, bool count_first,
                            const Type *ty, int line);
LLVMValueRef ll_const_str(Lower *L, const char *s, int len);
LLVMValueRef ll_str_format(Lower *L, Node *n);

// ---- llvm_expr.c ------------------------------------------------------------

LLVMValueRef ll_compare_values(Lower *L, Operator op, LLVMValueRef a,
                               LLVMValueRef b, const Type *t, const Node *n);
void ll_expect_list(Lower *L, const Node *n);
LLVMValueRef ll_expr(Lower *L, Node *n);

// ---- llvm_call.c ------------------------------------------------------------

void ll_print_values(Lower *L, PtrVec *values, bool nl, const Node *n);
LLVMValueRef ll_call(Lower *L, Node *n);

// ---- llvm_stmt.c ------------------------------------------------------------

void ll_iterate(Lower *L, const Iter *it, Node *target, LoopFn fn, void *arg,
                PtrVec *orelse);
void ll_open_iter(Lower *L, Node *iter, bool range_loop, Iter *it);
void ll_open_list(Lower *L, Node *n, Iter *it);
void ll_stmts(Lower *L, PtrVec *body);

// ---- llvm_simd.c ------------------------------------------------------------

// NAME.points(ctx, xs, ys, nx, lo, hi, maxiter, counts) for a point-form
// kernel returning int: counts[k - lo] = NAME(point k) for k in [lo, hi),
// the grid's point k being (xs[k % nx], ys[k / nx]); in vector form when
// the kernel allows, else scalar. -v says which and why.
void ll_simd_points(Lower *L);
// For the list kernel's parallel loop s (outlined with environment type et
// into NAME.body): NAME.body.lanes(env, ctx, lo, hi), the same iterations
// in vector form (the scalar NAME.body re-runs what it cannot do), or NULL
// when the body is outside the vector subset.
LLVMValueRef ll_simd_body(Lower *L, Node *s, LLVMTypeRef et);

#endif
