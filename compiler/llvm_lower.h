// llvm_lower.h - what the files of the LLVM lowering share (internal).
//
// The lowering of compiler.h's llvm_lower is one pass split over several
// files, one concern each: llvm.c (the module, functions and the calling
// convention, debug info, optimising and emitting: compiler.h's entry
// points), llvm_build.c (LLVM types, builder helpers, runtime helper
// declarations, exceptions), llvm_arith.c (conversions, Python's
// arithmetic, list items), llvm_expr.c (one helper per expression kind),
// llvm_call.c (builtins and calls), llvm_stmt.c (loops, statements and the
// outlined parallel loop), and the vector form of the per-point body:
// llvm_simd.c (which bodies, statements), llvm_vexpr.c (values and
// expressions), llvm_lanes.c (lanes refilled, blocks, entries). This
// header is internal to compiler/ and no other folder includes it: it holds
// the lowering's state (Lower, FnState, and Simd for the vector form) and
// the helpers the files call in one another, prefixed ll_ so that no
// generic name leaves its file; the smallest builder helpers (v... for
// vectors) are static inline here.
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
  // i1 "assigned" flag of each Var that needs_flag, by Var.index (made on
  // first use; NULL when the function has none)
  LLVMValueRef *bound;
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
  char *cpu, *features;  // --mcpu's (or the host's), as functions carry them
  unsigned vector_doubles;  // doubles a vector register of that CPU holds
  // TBAA access tags: list headers, list items by TypeKind, the exception
  // flag. They tell LLVM that storing an item never changes a list's
  // length or data pointer, so those loads leave inner loops.
  LLVMValueRef tbaa_header, tbaa_exc, tbaa_item[TY_TUPLE + 1];
  FnState *fs;
  // Every function's alloca builder, disposed with the Lower: a diagnostic
  // longjmps out of a function before it is closed.
  PtrVec builders;
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
// UnboundLocalError: a store of v sets its flag (when it has one); a read
// marked maybe_unbound tests it; whether f has any such variable.
void ll_set_bound(Lower *L, const Var *v);
void ll_check_bound(Lower *L, const Node *name);
bool ll_needs_flags(const Func *f);

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

LLVMValueRef ll_int_fits_double(Lower *L, LLVMValueRef v);
LLVMValueRef ll_int_float_compare(Lower *L, Operator op, LLVMValueRef i,
                                  LLVMValueRef x);
Operator ll_swapped_compare(Operator op);
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

// ---- the vector form: llvm_simd.c, llvm_vexpr.c, llvm_lanes.c ---------------

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

// What the three files share (nothing outside them uses it).
// The masks of the innermost loop being lowered: lanes that left it by
// break, and lanes that ended this iteration by continue.
typedef struct VLoop {
  LLVMValueRef exited, skipped;  // allocas of lane masks
  struct VLoop *outer;
} VLoop;

// A body's one print runs as scalar code, in point order, outside the
// vector run: each point that reaches it records the variables the print
// reads (one record a point, `printed` marks it), and the block's driver
// replays the print of the marked points in order, the variables loaded
// from their records. When the vector run gives up, the scalar rerun prints
// for the points it runs and replays the finished ones' in between, so the
// output is a serial run's whatever happens.
typedef struct {
  Node *stmt;         // the print statement, or NULL
  PtrVec vars;        // Var *: the number variables it reads
  PtrVec lists;       // Var *: the lists it reads (len)
  LLVMTypeRef rec_t;  // one point's record: vars, in order
} Prints;

// A parameter of a function inlined into the vector code (a call of the
// file's own function whose body is one `return EXPR`, ll_inline_return):
// a place argument (variable, X[i], constant) of the parameter's kind is
// read again where the parameter is read, so its squares still serve;
// any other argument is computed once, at the call, into value.
typedef struct VBind {
  const Var *param;
  Node *place;
  LLVMValueRef value;
  struct VBind *next;  // the caller's own (calls nest; none recurse)
} VBind;

typedef struct {
  Lower *L;
  const Func *f;
  unsigned width;
  const Prints *pr;
  LLVMValueRef tvec;     // alloca: each lane's point
  LLVMValueRef lo, printed, records;  // the block's print records
  LLVMTypeRef vi1, vi64, vf64, vcplx;
  LLVMValueRef *slots;   // vector alloca of each number Var, by index
  // Per float or complex Var (else NULL): an alloca of its lanes' squares
  // (x*x; re*re and im*im), stored with every store of the Var, so that
  // x*x and abs(z) reuse the products the last assignment made (the same
  // IEEE operations on the same operands: exact). Unused ones fold away.
  LLVMValueRef *squares;
  LLVMValueRef done;     // lanes that returned (point kernels)
  LLVMValueRef ret;      // the returned value of each lane
  LLVMValueRef mask;     // lanes executing the current statement
  LLVMBasicBlockRef bail;
  VLoop *loop;
  Var *ivar;             // list kernel: the loop target i
  PtrVec lists;          // Var *: lists read or written as X[i]
  LLVMValueRef *items;   // per lists entry: vector alloca of X[i]
  LLVMValueRef *item_squares;  // per lists entry: as squares, or NULL
  bool *squared;         // by Var index: the body squares it (or X[i])
  LLVMValueRef *bases;   // per lists entry: X's data pointer
  struct VFor *hot;      // the escape loop, when its target is lazy
  LLVMValueRef dirty;    // i1 alloca: a lane broke or returned this step
  struct LaneStage *stage;  // inside ll_each_lane (llvm_vexpr.c)
  VBind *binds;          // the parameters of the calls being inlined
} Simd;

// A loop's per-lane state: a range loop's counter and length, the lanes
// that left it (break) and that ended it (the condition became false).
typedef struct VFor {
  Node *s;
  VLoop loop;
  LLVMValueRef k, count, start;  // range loops (allocas)
  LLVMValueRef natural;          // lanes whose condition became false
  // The escape loop of llvm_lanes.c steps all its lanes at once, so a
  // range loop there counts its steps once for every lane
  // (ll_vloop_uniform): `steps` is a scalar, k holds each lane's `steps`
  // at its start, and the lanes' counts are looked at only when `steps`
  // reaches `budget`, the fewest steps any lane has left. When the body
  // does not assign the target, the target is not stored each step
  // either (`lazy`): a read makes start + steps - k, and ll_vloop_settle
  // stores the last value in the lanes that leave the loop.
  LLVMValueRef steps, budget;  // scalar allocas, or NULL
  bool lazy;
} VFor;

typedef void (*LaneFn)(Simd *S, LLVMValueRef lane, void *arg);

static inline bool is_number(const Type *t) {
  TypeKind k = kind_of(t);
  return k == TY_BOOL || k == TY_INT || k == TY_FLOAT || k == TY_COMPLEX;
}

static inline LLVMTypeRef vtype(Simd *S, const Type *t) {
  switch (kind_of(t)) {
  case TY_BOOL: return S->vi1;
  case TY_INT: return S->vi64;
  case TY_FLOAT: return S->vf64;
  default: return S->vcplx;
  }
}

static inline LLVMValueRef vsplat(Simd *S, LLVMValueRef x) {
  Lower *L = S->L;
  LLVMTypeRef vt = LLVMVectorType(LLVMTypeOf(x), S->width);
  LLVMValueRef v = LLVMBuildInsertElement(L->b, LLVMGetPoison(vt), x,
                                          i32c(L, 0), "");
  LLVMValueRef zeros = LLVMConstNull(LLVMVectorType(L->t_i32, S->width));
  return LLVMBuildShuffleVector(L->b, v, LLVMGetPoison(vt), zeros, "");
}

static inline LLVMValueRef vcplx(Simd *S, LLVMValueRef re, LLVMValueRef im) {
  LLVMValueRef v = LLVMGetPoison(S->vcplx);
  v = LLVMBuildInsertValue(S->L->b, v, re, 0, "");
  return LLVMBuildInsertValue(S->L->b, v, im, 1, "");
}

static inline LLVMValueRef vre(Simd *S, LLVMValueRef z) {
  return LLVMBuildExtractValue(S->L->b, z, 0, "re");
}
static inline LLVMValueRef vim(Simd *S, LLVMValueRef z) {
  return LLVMBuildExtractValue(S->L->b, z, 1, "im");
}

static inline LLVMValueRef vones(Simd *S) {
  return LLVMConstAllOnes(S->vi1);
}
static inline LLVMValueRef vnone(Simd *S) { return LLVMConstNull(S->vi1); }

static inline LLVMValueRef vand_not(Simd *S, LLVMValueRef a, LLVMValueRef b) {
  return LLVMBuildAnd(S->L->b, a, LLVMBuildNot(S->L->b, b, ""), "");
}

// Whether any lane of mask m is set.
static inline LLVMValueRef vany(Simd *S, LLVMValueRef m) {
  return ll_intrinsic(S->L, "llvm.vector.reduce.or", S->vi1, 1, &m);
}

// Lanes of `m` take a, the others b (complex: part by part).
static inline LLVMValueRef vselect(Simd *S, LLVMValueRef m, LLVMValueRef a,
                                   LLVMValueRef b) {
  LLVMBuilderRef B = S->L->b;
  if (LLVMTypeOf(a) == S->vcplx)
    return vcplx(S, LLVMBuildSelect(B, m, vre(S, a), vre(S, b), ""),
                 LLVMBuildSelect(B, m, vim(S, a), vim(S, b), ""));
  return LLVMBuildSelect(B, m, a, b, "");
}

static inline LLVMValueRef vload(Simd *S, LLVMTypeRef t, LLVMValueRef slot) {
  return LLVMBuildLoad2(S->L->b, t, slot, "");
}

// slot = v in the lanes of m.
static inline void vstore_lanes(Simd *S, LLVMValueRef slot, LLVMValueRef m,
                                LLVMValueRef v) {
  LLVMValueRef old = vload(S, LLVMTypeOf(v), slot);
  LLVMBuildStore(S->L->b, vselect(S, m, v, old), slot);
}

static inline void vor_into(Simd *S, LLVMValueRef slot, LLVMValueRef m) {
  LLVMValueRef old = vload(S, S->vi1, slot);
  LLVMBuildStore(S->L->b, LLVMBuildOr(S->L->b, old, m, ""), slot);
}


// llvm_simd.c: the subset, and statements under lane masks.
const char *ll_simd_why_not(Lower *L, const Func *f, Var *ivar,
                            const PtrVec *body, int *hot, Node **print,
                            const Node **where);
void ll_simd_say(Lower *L, const char *fmt, const char *name, const char *why,
                 const Node *where);
// The exponent N of `complex ** N` in vector form: a constant (or module
// constant) int, or float of whole value, 0 <= N <= 100 (complex_pow's
// c_powi range); false otherwise.
bool ll_pow_exponent(const Node *n, int64_t *e);
// The `return EXPR` that is f's whole body (docstrings aside), or NULL.
Node *ll_inline_return(const Func *f);
void ll_vstmts_under(Simd *S, LLVMValueRef m, PtrVec *body);
void ll_vloop_open(Simd *S, VFor *v, Node *s);
void ll_vloop_start(Simd *S, VFor *v, LLVMValueRef m);
LLVMValueRef ll_vloop_test(Simd *S, VFor *v, LLVMValueRef act);
void ll_vloop_body(Simd *S, VFor *v, LLVMValueRef m);
void ll_vloop_uniform(Simd *S, VFor *v);
void ll_vloop_settle(Simd *S, VFor *v, LLVMValueRef m);
LLVMValueRef ll_vloop_target(Simd *S, VFor *v, int back);

// llvm_vexpr.c: expressions, and one lane at a time.
LLVMValueRef ll_vexpr(Simd *S, Node *n);
LLVMValueRef ll_vconvert(Simd *S, LLVMValueRef v, const Type *from,
                         const Type *to);
LLVMValueRef ll_varith(Simd *S, Operator op, LLVMValueRef a, LLVMValueRef b,
                       const Type *ty);
int ll_vitem_index(Simd *S, const Var *list);
bool ll_abs_bound(const Node *n, double *c);
LLVMValueRef ll_vabs_compare(Simd *S, Node *n, LLVMBasicBlockRef below_bb);
void ll_each_lane(Simd *S, LLVMValueRef m, LaneFn fn, void *arg);
void ll_set_lane(Simd *S, LLVMValueRef slot, LLVMValueRef lane,
                 LLVMValueRef x);
LLVMValueRef ll_get_lane(Simd *S, LLVMTypeRef vt, LLVMValueRef slot,
                         LLVMValueRef lane);
void ll_set_lane_value(Simd *S, LLVMValueRef slot, const Type *t,
                       LLVMValueRef lane, LLVMValueRef x);
LLVMValueRef ll_get_lane_value(Simd *S, LLVMValueRef slot, const Type *t,
                               LLVMValueRef lane);
void ll_vstore_squared(Simd *S, LLVMValueRef slot, LLVMValueRef sq,
                       const Type *t, LLVMValueRef m, LLVMValueRef x);
void ll_vset_lane_squared(Simd *S, LLVMValueRef slot, LLVMValueRef sq,
                          const Type *t, LLVMValueRef lane, LLVMValueRef x);
bool *ll_squared_places(Simd *S, const PtrVec *body);
void ll_vstore_var(Simd *S, const Var *v, LLVMValueRef m, LLVMValueRef x);
void ll_vset_var_lane(Simd *S, const Var *v, LLVMValueRef lane,
                      LLVMValueRef x);

#endif
