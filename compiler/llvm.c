// llvm.c - typed AST to LLVM IR, through the LLVM C API.
//
// Each Func becomes one LLVM function named after it, with the calling
// convention of runtime/rtabi.h: the RtContext pointer first, complex
// parameters as two doubles, a complex result as {double, double}, bool as
// i8 at the boundary. Every variable lives in an alloca of the entry block
// (named after the variable); mem2reg and SROA turn them into registers, so
// the lowering never builds phis for variables itself. Expressions lower to
// one LLVM value each: i1 for bool, i64 for int, double for float, the
// struct {double, double} for complex, a pointer for lists and strings
// (RtList *, RtStr *), and an LLVM struct for tuples.
//
// A Python exception is a call of rt_raise followed by a branch to the
// function's shared return block; callers check the context's exception
// flag after every call that may raise and return too. So the normal path
// of every check is one compare and one branch, and the raise sits in a
// cold block (rt_raise is declared `cold`).
//
// Float code is exact: no fast-math flag is ever set (unless --fast-math),
// so LLVM neither contracts a*b+c into an FMA nor reassociates. Complex
// arithmetic is written out as CPython's _Py_c_sum/_Py_c_diff/_Py_c_prod;
// whatever CPython does in a long algorithm (complex division and power,
// float floor division, rounding) is a call into runtime/pymath.c.
//
// The list kernel's outer loop, once compiler/parallel.c marked it, is
// outlined into NAME.body(env, ctx, lo, hi) and run by rt_parallel_for.
// Every instruction carries a DILocation (kernel.py line and column), so
// --emit=llvm and the debugger map code back to source lines.
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

struct LlvmUnit {
  LLVMContextRef ctx;  // owned until llvm_take_module hands it over
  LLVMModuleRef mod;
  LLVMTargetMachineRef tm;  // the host's, for optimising and --emit=asm
};

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
  LLVMTypeRef t_cplx;  // {double, double}: RtComplex
  LLVMTypeRef t_list;  // RtList: {i64 len, i64 cap, i64 elem_size, ptr}
  LLVMTypeRef t_str;   // RtStr: {i64 len, ptr data}
  char *cpu, *features;  // the host's, from LLVMGetHostCPUName/Features
  // TBAA access tags: list headers, list items by TypeKind, the exception
  // flag. They tell LLVM that storing an item never changes a list's
  // length or data pointer, so those loads leave inner loops.
  LLVMValueRef tbaa_header, tbaa_exc, tbaa_item[TY_TUPLE + 1];
  FnState *fs;
} Lower;

static LLVMValueRef expr(Lower *L, Node *n);
static void stmts(Lower *L, PtrVec *body);

// ---- types and constants ---------------------------------------------------

static TypeKind kind_of(const Type *t) { return t ? t->kind : TY_NONE; }

// The SSA type of a value of type t.
static LLVMTypeRef lltype(Lower *L, const Type *t) {
  switch (kind_of(t)) {
  case TY_BOOL: return L->t_i1;
  case TY_INT: return L->t_i64;
  case TY_FLOAT: return L->t_f64;
  case TY_COMPLEX: return L->t_cplx;
  case TY_LIST:
  case TY_STR: return L->t_ptr;
  case TY_TUPLE: {
    LLVMTypeRef *items = arena_alloc(L->a, sizeof *items * (t->nitems + 1));
    for (int i = 0; i < t->nitems; i++)
      items[i] = lltype(L, t->items[i]);
    return LLVMStructTypeInContext(L->c, items, t->nitems, false);
  }
  case TY_NONE: break;
  }
  return L->t_i8;
}

// The type of a list element in memory (bool is one byte, rtabi.h).
static LLVMTypeRef elem_type(Lower *L, const Type *t) {
  return kind_of(t) == TY_BOOL ? L->t_i8 : lltype(L, t);
}

static int64_t elem_size(const Type *t) {
  switch (kind_of(t)) {
  case TY_BOOL: return 1;
  case TY_COMPLEX: return 16;
  default: return 8;
  }
}

static LLVMValueRef i64c(Lower *L, int64_t v) {
  return LLVMConstInt(L->t_i64, (unsigned long long)v, true);
}
static LLVMValueRef i32c(Lower *L, int64_t v) {
  return LLVMConstInt(L->t_i32, (unsigned long long)v, true);
}
static LLVMValueRef f64c(Lower *L, double v) {
  return LLVMConstReal(L->t_f64, v);
}

static LLVMValueRef zero_of(Lower *L, const Type *t) {
  return LLVMConstNull(lltype(L, t));
}

// ---- builder helpers -------------------------------------------------------

// Points the builder's debug location at a node of kernel.py.
static void at(Lower *L, const Node *n) {
  if (!n || n->line <= 0)
    return;
  LLVMMetadataRef loc = LLVMDIBuilderCreateDebugLocation(
      L->c, (unsigned)n->line, (unsigned)(n->col > 0 ? n->col : 0),
      L->fs->scope, NULL);
  LLVMSetCurrentDebugLocation2(L->b, loc);
}

static LLVMBasicBlockRef new_block(Lower *L, const char *name) {
  return LLVMAppendBasicBlockInContext(L->c, L->fs->fn, name);
}

static void move_to(Lower *L, LLVMBasicBlockRef bb) {
  LLVMPositionBuilderAtEnd(L->b, bb);
}

// Ends the current block with a branch unless it already ended.
static void branch_to(Lower *L, LLVMBasicBlockRef bb) {
  if (!LLVMGetBasicBlockTerminator(LLVMGetInsertBlock(L->b)))
    LLVMBuildBr(L->b, bb);
}

// After a return, break or raise: code that follows lands in a block no
// branch reaches, which LLVM deletes.
static void start_dead_block(Lower *L) {
  move_to(L, new_block(L, "dead"));
}

// Tags a load or store with its TBAA access type (see Lower).
static LLVMValueRef tbaa(Lower *L, LLVMValueRef inst, LLVMValueRef tag) {
  LLVMSetMetadata(inst, LLVMGetMDKindIDInContext(L->c, "tbaa", 4), tag);
  return inst;
}

static LLVMValueRef entry_alloca(Lower *L, LLVMTypeRef t, const char *name) {
  return LLVMBuildAlloca(L->fs->alloca_b, t, name);
}

// Only --fast-math lets LLVM contract or reassociate float operations.
static LLVMValueRef fmath(Lower *L, LLVMValueRef v) {
  if (L->opt->fast_math && LLVMIsAInstruction(v) &&
      LLVMCanValueUseFastMathFlags(v))
    LLVMSetFastMathFlags(v, LLVMFastMathAll);
  return v;
}

static LLVMValueRef fadd(Lower *L, LLVMValueRef a, LLVMValueRef b) {
  return fmath(L, LLVMBuildFAdd(L->b, a, b, ""));
}
static LLVMValueRef fsub(Lower *L, LLVMValueRef a, LLVMValueRef b) {
  return fmath(L, LLVMBuildFSub(L->b, a, b, ""));
}
static LLVMValueRef fmul(Lower *L, LLVMValueRef a, LLVMValueRef b) {
  return fmath(L, LLVMBuildFMul(L->b, a, b, ""));
}
static LLVMValueRef fcmp(Lower *L, LLVMRealPredicate p, LLVMValueRef a,
                         LLVMValueRef b) {
  return fmath(L, LLVMBuildFCmp(L->b, p, a, b, ""));
}

static LLVMValueRef cplx(Lower *L, LLVMValueRef re, LLVMValueRef im) {
  LLVMValueRef v = LLVMGetPoison(L->t_cplx);
  v = LLVMBuildInsertValue(L->b, v, re, 0, "");
  return LLVMBuildInsertValue(L->b, v, im, 1, "");
}
static LLVMValueRef re_of(Lower *L, LLVMValueRef z) {
  return LLVMBuildExtractValue(L->b, z, 0, "re");
}
static LLVMValueRef im_of(Lower *L, LLVMValueRef z) {
  return LLVMBuildExtractValue(L->b, z, 1, "im");
}

static LLVMValueRef phi2(Lower *L, LLVMTypeRef t, LLVMValueRef a,
                         LLVMBasicBlockRef abb, LLVMValueRef b,
                         LLVMBasicBlockRef bbb) {
  LLVMValueRef phi = LLVMBuildPhi(L->b, t, "");
  LLVMValueRef vals[2] = {a, b};
  LLVMBasicBlockRef bbs[2] = {abb, bbb};
  LLVMAddIncoming(phi, vals, bbs, 2);
  return phi;
}

// A call of an overloaded intrinsic such as llvm.sqrt.f64 or
// llvm.sadd.with.overflow.i64.
static LLVMValueRef intrinsic(Lower *L, const char *name, LLVMTypeRef over,
                              int n, LLVMValueRef *args) {
  unsigned id = LLVMLookupIntrinsicID(name, strlen(name));
  assert(id != 0 && "unknown intrinsic");
  LLVMValueRef fn = LLVMGetIntrinsicDeclaration(L->m, id, &over, 1);
  LLVMTypeRef fty = LLVMIntrinsicGetType(L->c, id, &over, 1);
  return LLVMBuildCall2(L->b, fty, fn, args, (unsigned)n, "");
}

static LLVMValueRef intrinsic1(Lower *L, const char *name, LLVMValueRef x) {
  return fmath(L, intrinsic(L, name, LLVMTypeOf(x), 1, &x));
}

// ---- runtime helpers of rtabi.h --------------------------------------------

// Signatures as strings, return type first: v void, p pointer, i int32_t,
// l int64_t, d double, b uint8_t (zero-extended), c RtComplex.
typedef struct {
  const char *name;
  const char *sig;
} RtDecl;

static const RtDecl rt_decls[] = {
    {"rt_raise", "vpiip"},          {"rt_exc_flag", "pp"},
    {"rt_list_new", "pplli"},       {"rt_list_append_slot", "pppi"},
    {"rt_list_repeat", "pppli"},    {"rt_print_int", "vpl"},
    {"rt_print_float", "vpd"},      {"rt_print_complex", "vpdd"},
    {"rt_print_bool", "vpb"},       {"rt_print_str", "vppl"},
    {"rt_print_rtstr", "vpp"},      {"rt_print_none", "vp"},
    {"rt_print_list", "vppi"},      {"rt_print_sep", "vp"},
    {"rt_print_end", "vpb"},        {"rt_str_format", "ppplppii"},
    {"rt_complex_div", "cpddddi"},  {"rt_complex_pow", "cpddddi"},
    {"rt_complex_powi", "cpddli"},  {"rt_complex_abs", "dpddi"},
    {"rt_float_pow", "dpddi"},      {"rt_int_pow", "lplli"},
    {"rt_float_floordiv", "dpddi"}, {"rt_float_mod", "dpddi"},
    {"rt_float_round", "dpdli"},    {"rt_float_round_int", "lpdi"},
    {"rt_float_to_int", "lpdi"},    {"rt_math_hypot", "ddd"},
    {"rt_math1", "dpidi"},          {"rt_math2", "dpiddi"},
    {"rt_enter_call", "ipi"},       {"rt_leave_call", "vp"},
    {"rt_parallel_for", "vpppl"},
};

static LLVMTypeRef sig_type(Lower *L, char c) {
  switch (c) {
  case 'v': return L->t_void;
  case 'p': return L->t_ptr;
  case 'i': return L->t_i32;
  case 'l': return L->t_i64;
  case 'd': return L->t_f64;
  case 'b': return L->t_i8;
  case 'c': return L->t_cplx;
  }
  assert(!"bad runtime signature");
  return NULL;
}

static void add_attr(Lower *L, LLVMValueRef fn, LLVMAttributeIndex i,
                     const char *name, uint64_t val) {
  unsigned kind = LLVMGetEnumAttributeKindForName(name, strlen(name));
  LLVMAddAttributeAtIndex(fn, i, LLVMCreateEnumAttribute(L->c, kind, val));
}

// Declares the helper on first use. rt_exc_flag only computes an address,
// so it is memory(none) and LLVM may hoist or merge its calls; rt_raise is
// cold, which keeps every raise block out of the hot path.
static LLVMValueRef rt_function(Lower *L, const RtDecl *d, LLVMTypeRef *fty) {
  int n = (int)strlen(d->sig) - 1;
  LLVMTypeRef params[8];
  for (int i = 0; i < n; i++)
    params[i] = sig_type(L, d->sig[i + 1]);
  *fty = LLVMFunctionType(sig_type(L, d->sig[0]), params, (unsigned)n, false);
  LLVMValueRef fn = LLVMGetNamedFunction(L->m, d->name);
  if (fn)
    return fn;
  fn = LLVMAddFunction(L->m, d->name, *fty);
  add_attr(L, fn, LLVMAttributeFunctionIndex, "nounwind", 0);
  for (int i = 0; i < n; i++)
    if (d->sig[i + 1] == 'b')
      add_attr(L, fn, (LLVMAttributeIndex)(i + 1), "zeroext", 0);
  if (!strcmp(d->name, "rt_exc_flag")) {
    add_attr(L, fn, LLVMAttributeFunctionIndex, "memory", 0);
    add_attr(L, fn, LLVMAttributeFunctionIndex, "willreturn", 0);
  } else if (!strcmp(d->name, "rt_raise")) {
    add_attr(L, fn, LLVMAttributeFunctionIndex, "cold", 0);
  }
  return fn;
}

// rt(L, "rt_print_int", 2, ctx, v): a call of a runtime helper.
static LLVMValueRef rt(Lower *L, const char *name, int n, ...) {
  const RtDecl *d = NULL;
  for (size_t i = 0; i < sizeof rt_decls / sizeof *rt_decls; i++)
    if (!strcmp(rt_decls[i].name, name))
      d = &rt_decls[i];
  assert(d && "undeclared runtime helper");
  LLVMTypeRef fty;
  LLVMValueRef fn = rt_function(L, d, &fty);
  LLVMValueRef args[8];
  va_list ap;
  va_start(ap, n);
  for (int i = 0; i < n; i++)
    args[i] = va_arg(ap, LLVMValueRef);
  va_end(ap);
  return LLVMBuildCall2(L->b, fty, fn, args, (unsigned)n, "");
}

// ---- exceptions -------------------------------------------------------------

// Marks a conditional branch as almost never taking its first successor.
static void unlikely(Lower *L, LLVMValueRef br) {
  LLVMMetadataRef md[3] = {
      LLVMMDStringInContext2(L->c, "branch_weights", 14),
      LLVMValueAsMetadata(i32c(L, 1)),
      LLVMValueAsMetadata(i32c(L, 2000)),
  };
  unsigned kind = LLVMGetMDKindIDInContext(L->c, "prof", 4);
  LLVMSetMetadata(br, kind,
                  LLVMMetadataAsValue(L->c, LLVMMDNodeInContext2(L->c, md, 3)));
}

static LLVMValueRef cstring(Lower *L, const char *s) {
  return LLVMBuildGlobalString(L->b, s, ".msg");
}

// Raises exc with CPython's message and leaves the function (the current
// block ends here).
static void emit_raise(Lower *L, RtExc exc, int line, const char *msg) {
  rt(L, "rt_raise", 4, L->fs->ctx, i32c(L, exc), i32c(L, line),
     cstring(L, msg));
  LLVMBuildBr(L->b, L->fs->ret_bb);
}

// Raises exc when `bad` (an i1) is true; code goes on in the other case.
static void check(Lower *L, LLVMValueRef bad, RtExc exc, int line,
                  const char *msg) {
  if (LLVMIsAConstantInt(bad) && LLVMConstIntGetZExtValue(bad) == 0)
    return;
  LLVMBasicBlockRef fail = new_block(L, "raise"), ok = new_block(L, "ok");
  unlikely(L, LLVMBuildCondBr(L->b, bad, fail, ok));
  move_to(L, fail);
  emit_raise(L, exc, line, msg);
  move_to(L, ok);
}

// After a call that may raise: leave the function if it did.
static void check_exc(Lower *L) {
  LLVMValueRef e = LLVMBuildLoad2(L->b, L->t_i32, L->fs->exc_flag, "exc");
  tbaa(L, e, L->tbaa_exc);
  LLVMValueRef bad = LLVMBuildICmp(L->b, LLVMIntNE, e, i32c(L, 0), "");
  LLVMBasicBlockRef ok = new_block(L, "ok");
  unlikely(L, LLVMBuildCondBr(L->b, bad, L->fs->ret_bb, ok));
  move_to(L, ok);
}

// ---- conversions ------------------------------------------------------------

// Python's truth value of v as an i1 (nan is true: `fcmp une`).
static LLVMValueRef truth(Lower *L, LLVMValueRef v, const Type *t) {
  switch (kind_of(t)) {
  case TY_BOOL: return v;
  case TY_INT: return LLVMBuildICmp(L->b, LLVMIntNE, v, i64c(L, 0), "");
  case TY_FLOAT: return fcmp(L, LLVMRealUNE, v, f64c(L, 0.0));
  case TY_COMPLEX:
    return LLVMBuildOr(L->b, fcmp(L, LLVMRealUNE, re_of(L, v), f64c(L, 0)),
                       fcmp(L, LLVMRealUNE, im_of(L, v), f64c(L, 0)), "");
  case TY_LIST:
  case TY_STR: {
    LLVMTypeRef st = kind_of(t) == TY_LIST ? L->t_list : L->t_str;
    LLVMValueRef lenp = LLVMBuildStructGEP2(L->b, st, v, 0, "");
    LLVMValueRef len = LLVMBuildLoad2(L->b, L->t_i64, lenp, "len");
    return LLVMBuildICmp(L->b, LLVMIntNE, len, i64c(L, 0), "");
  }
  default: return LLVMConstInt(L->t_i1, 0, false);
  }
}

// Widens v from type `from` to type `to` (bool < int < float < complex), as
// infer.c's ND_CONVERT asks. int -> float rounds to nearest like CPython's
// PyLong_AsDouble for every int64 value.
static LLVMValueRef convert(Lower *L, LLVMValueRef v, const Type *from,
                            const Type *to) {
  TypeKind f = kind_of(from), t = kind_of(to);
  if (f == t || !v)
    return v;
  if (t == TY_BOOL)
    return truth(L, v, from);
  if (f == TY_BOOL) {
    v = LLVMBuildZExt(L->b, v, L->t_i64, "");
    f = TY_INT;
  }
  if (t == TY_INT && f == TY_INT)
    return v;
  if (f == TY_INT) {
    v = LLVMBuildSIToFP(L->b, v, L->t_f64, "");
    f = TY_FLOAT;
  }
  if (t == TY_FLOAT && f == TY_FLOAT)
    return v;
  if (t == TY_COMPLEX && f == TY_FLOAT)
    return cplx(L, v, f64c(L, 0.0));
  assert(!"impossible conversion");
  return v;
}

// The wider numeric type of two (for comparisons and min/max).
static Type *wider(Type *a, Type *b) {
  return kind_of(a) >= kind_of(b) ? a : b;
}

// ---- arithmetic -------------------------------------------------------------

// int +, -, * : CPython's ints are unbounded, ours are 64 bits, so a result
// that does not fit raises OverflowError instead of wrapping.
static LLVMValueRef int_checked(Lower *L, const char *name, LLVMValueRef a,
                                LLVMValueRef b, int line) {
  LLVMValueRef args[2] = {a, b};
  LLVMValueRef r = intrinsic(L, name, L->t_i64, 2, args);
  check(L, LLVMBuildExtractValue(L->b, r, 1, "ovf"), RT_EXC_OVERFLOW, line,
        MSG_INT_OVERFLOW);
  return LLVMBuildExtractValue(L->b, r, 0, "");
}

static LLVMValueRef icmp(Lower *L, LLVMIntPredicate p, LLVMValueRef a,
                         LLVMValueRef b) {
  return LLVMBuildICmp(L->b, p, a, b, "");
}

static void check_int_divisor(Lower *L, LLVMValueRef a, LLVMValueRef b,
                              int line, const char *msg) {
  check(L, icmp(L, LLVMIntEQ, b, i64c(L, 0)), RT_EXC_ZERO_DIVISION, line,
        msg);
  // INT64_MIN // -1 is 2**63: too big, and a trap for the CPU's divide.
  LLVMValueRef min = icmp(L, LLVMIntEQ, a, i64c(L, INT64_MIN));
  LLVMValueRef m1 = icmp(L, LLVMIntEQ, b, i64c(L, -1));
  check(L, LLVMBuildAnd(L->b, min, m1, ""), RT_EXC_OVERFLOW, line,
        MSG_INT_OVERFLOW);
}

// Floor division and modulo by the sign of the divisor, as CPython's
// l_divmod: C's truncating quotient, corrected by one when the remainder
// is non-zero and has the opposite sign of the divisor. The divisor has
// been checked (non-zero, not INT64_MIN / -1).
static void int_divmod(Lower *L, LLVMValueRef a, LLVMValueRef b,
                       LLVMValueRef *q, LLVMValueRef *r) {
  LLVMValueRef q0 = LLVMBuildSDiv(L->b, a, b, "");
  LLVMValueRef r0 = LLVMBuildSRem(L->b, a, b, "");
  LLVMValueRef nz = icmp(L, LLVMIntNE, r0, i64c(L, 0));
  LLVMValueRef sign = icmp(L, LLVMIntSLT, LLVMBuildXor(L->b, r0, b, ""),
                           i64c(L, 0));
  LLVMValueRef adj = LLVMBuildAnd(L->b, nz, sign, "");
  if (q)
    *q = LLVMBuildSub(L->b, q0, LLVMBuildZExt(L->b, adj, L->t_i64, ""), "");
  if (r)
    *r = LLVMBuildSelect(L->b, adj, LLVMBuildAdd(L->b, r0, b, ""), r0, "");
}

// `%` on ints. INT64_MIN % -1 is 0 in Python but traps in srem, so a
// divisor of -1 is replaced by 1 (same remainder).
static LLVMValueRef int_mod(Lower *L, LLVMValueRef a, LLVMValueRef b,
                            int line) {
  check(L, icmp(L, LLVMIntEQ, b, i64c(L, 0)), RT_EXC_ZERO_DIVISION, line,
        MSG_MOD_ZERO);
  LLVMValueRef m1 = icmp(L, LLVMIntEQ, b, i64c(L, -1));
  LLVMValueRef safe = LLVMBuildSelect(L->b, m1, i64c(L, 1), b, "");
  LLVMValueRef r;
  int_divmod(L, a, safe, NULL, &r);
  return r;
}

// `<<` and `>>`: a negative count is ValueError; a left shift that loses
// bits is OverflowError; counts of 64 and more saturate.
static LLVMValueRef int_shift(Lower *L, Operator op, LLVMValueRef a,
                              LLVMValueRef b, int line) {
  check(L, icmp(L, LLVMIntSLT, b, i64c(L, 0)), RT_EXC_VALUE, line,
        MSG_NEG_SHIFT);
  LLVMValueRef big = icmp(L, LLVMIntUGT, b, i64c(L, 63));
  LLVMValueRef n = LLVMBuildSelect(L->b, big, i64c(L, 63), b, "");
  if (op == OP_RSHIFT)
    return LLVMBuildAShr(L->b, a, n, "");
  LLVMValueRef r = LLVMBuildShl(L->b, a, n, "");
  LLVMValueRef lost = icmp(L, LLVMIntNE, LLVMBuildAShr(L->b, r, n, ""), a);
  LLVMValueRef nz = icmp(L, LLVMIntNE, a, i64c(L, 0));
  lost = LLVMBuildOr(L->b, lost, LLVMBuildAnd(L->b, big, nz, ""), "");
  check(L, lost, RT_EXC_OVERFLOW, line, MSG_INT_OVERFLOW);
  return r;
}

static LLVMValueRef float_arith(Lower *L, Operator op, LLVMValueRef a,
                                LLVMValueRef b, int line);

// An int operator whose operands are ints; `ty` is the result type (float
// for `/` and for `**` with a negative exponent, as infer.c decides).
static LLVMValueRef int_arith(Lower *L, Operator op, LLVMValueRef a,
                              LLVMValueRef b, const Type *ty, int line) {
  LLVMValueRef q;
  switch (op) {
  case OP_ADD: return int_checked(L, "llvm.sadd.with.overflow", a, b, line);
  case OP_SUB: return int_checked(L, "llvm.ssub.with.overflow", a, b, line);
  case OP_MUL: return int_checked(L, "llvm.smul.with.overflow", a, b, line);
  case OP_DIV:
    // int / int: CPython's long_true_divide, which is the quotient of the
    // two doubles whenever both are exact (|x| <= 2**53).
    check(L, icmp(L, LLVMIntEQ, b, i64c(L, 0)), RT_EXC_ZERO_DIVISION, line,
          MSG_DIV_ZERO);
    return fmath(L, LLVMBuildFDiv(L->b, LLVMBuildSIToFP(L->b, a, L->t_f64, ""),
                                  LLVMBuildSIToFP(L->b, b, L->t_f64, ""), ""));
  case OP_FLOORDIV:
    check_int_divisor(L, a, b, line, MSG_FLOORDIV_ZERO);
    int_divmod(L, a, b, &q, NULL);
    return q;
  case OP_MOD: return int_mod(L, a, b, line);
  case OP_POW:
    if (kind_of(ty) == TY_FLOAT)  // int ** negative int is float_pow
      return float_arith(L, op, LLVMBuildSIToFP(L->b, a, L->t_f64, ""),
                         LLVMBuildSIToFP(L->b, b, L->t_f64, ""), line);
    q = rt(L, "rt_int_pow", 4, L->fs->ctx, a, b, i32c(L, line));
    check_exc(L);
    return q;
  case OP_LSHIFT:
  case OP_RSHIFT: return int_shift(L, op, a, b, line);
  case OP_BITOR: return LLVMBuildOr(L->b, a, b, "");
  case OP_BITXOR: return LLVMBuildXor(L->b, a, b, "");
  case OP_BITAND: return LLVMBuildAnd(L->b, a, b, "");
  default: break;
  }
  assert(!"not an int operator");
  return NULL;
}

// A runtime helper (double, double) -> double that may raise.
static LLVMValueRef float_helper(Lower *L, const char *name, LLVMValueRef a,
                                 LLVMValueRef b, int line) {
  LLVMValueRef r = rt(L, name, 4, L->fs->ctx, a, b, i32c(L, line));
  check_exc(L);
  return r;
}

static LLVMValueRef float_arith(Lower *L, Operator op, LLVMValueRef a,
                                LLVMValueRef b, int line) {
  switch (op) {
  case OP_ADD: return fadd(L, a, b);
  case OP_SUB: return fsub(L, a, b);
  case OP_MUL: return fmul(L, a, b);
  case OP_DIV:
    check(L, fcmp(L, LLVMRealOEQ, b, f64c(L, 0.0)), RT_EXC_ZERO_DIVISION,
          line, MSG_FLOAT_DIV_ZERO);
    return fmath(L, LLVMBuildFDiv(L->b, a, b, ""));
  // CPython's float_floor_div, float_rem and float_pow, in pymath.c.
  case OP_FLOORDIV: return float_helper(L, "rt_float_floordiv", a, b, line);
  case OP_MOD: return float_helper(L, "rt_float_mod", a, b, line);
  case OP_POW: return float_helper(L, "rt_float_pow", a, b, line);
  default: break;
  }
  assert(!"not a float operator");
  return NULL;
}

// A complex-valued runtime helper that may raise.
static LLVMValueRef complex_helper(Lower *L, const char *name, LLVMValueRef a,
                                   LLVMValueRef b, int line) {
  LLVMValueRef r = rt(L, name, 6, L->fs->ctx, re_of(L, a), im_of(L, a),
                      re_of(L, b), im_of(L, b), i32c(L, line));
  check_exc(L);
  return r;
}

// Complex operators; b is complex except for `**` with an int exponent.
static LLVMValueRef complex_arith(Lower *L, Operator op, LLVMValueRef a,
                                  LLVMValueRef b, const Type *bty, int line) {
  if (op == OP_POW && kind_of(bty) != TY_COMPLEX) {
    if (kind_of(bty) == TY_FLOAT) {
      b = convert(L, b, bty, &ty_complex);
    } else {
      // CPython's c_powi (repeated squaring) for an integral exponent.
      b = convert(L, b, bty, &ty_int);
      LLVMValueRef r = rt(L, "rt_complex_powi", 5, L->fs->ctx, re_of(L, a),
                          im_of(L, a), b, i32c(L, line));
      check_exc(L);
      return r;
    }
  }
  LLVMValueRef ar = re_of(L, a), ai = im_of(L, a);
  LLVMValueRef br = re_of(L, b), bi = im_of(L, b);
  switch (op) {
  case OP_ADD: return cplx(L, fadd(L, ar, br), fadd(L, ai, bi));
  case OP_SUB: return cplx(L, fsub(L, ar, br), fsub(L, ai, bi));
  case OP_MUL:
    // _Py_c_prod: four products, no FMA, in this order.
    return cplx(L, fsub(L, fmul(L, ar, br), fmul(L, ai, bi)),
                fadd(L, fmul(L, ar, bi), fmul(L, ai, br)));
  case OP_DIV: return complex_helper(L, "rt_complex_div", a, b, line);
  case OP_POW: return complex_helper(L, "rt_complex_pow", a, b, line);
  default: break;
  }
  assert(!"not a complex operator");
  return NULL;
}

// Applies a binary operator to two values; the operands' types are given,
// `ty` is the result's. infer.c made the operands of arithmetic the
// result's type, but widening here too keeps `/` and `**` on ints and
// mixed shapes working either way.
static LLVMValueRef arith(Lower *L, Operator op, LLVMValueRef a,
                          const Type *aty, LLVMValueRef b, const Type *bty,
                          const Type *ty, int line) {
  TypeKind k = kind_of(ty);
  if (k == TY_BOOL && kind_of(aty) == TY_BOOL && kind_of(bty) == TY_BOOL) {
    if (op == OP_BITAND) return LLVMBuildAnd(L->b, a, b, "");
    if (op == OP_BITOR) return LLVMBuildOr(L->b, a, b, "");
    if (op == OP_BITXOR) return LLVMBuildXor(L->b, a, b, "");
  }
  if (kind_of(aty) <= TY_INT && kind_of(bty) <= TY_INT &&
      (op == OP_DIV || op == OP_POW)) {
    return int_arith(L, op, convert(L, a, aty, &ty_int),
                     convert(L, b, bty, &ty_int), ty, line);
  }
  if (k == TY_COMPLEX) {
    a = convert(L, a, aty, ty);
    if (op != OP_POW) {
      b = convert(L, b, bty, ty);
      bty = ty;
    }
    return complex_arith(L, op, a, b, bty, line);
  }
  if (k == TY_FLOAT)
    return float_arith(L, op, convert(L, a, aty, ty), convert(L, b, bty, ty),
                       line);
  return int_arith(L, op, convert(L, a, aty, &ty_int),
                   convert(L, b, bty, &ty_int), &ty_int, line);
}

// ---- lists and strings ------------------------------------------------------

static LLVMValueRef list_len(Lower *L, LLVMValueRef list) {
  LLVMValueRef p = LLVMBuildStructGEP2(L->b, L->t_list, list, 0, "");
  return tbaa(L, LLVMBuildLoad2(L->b, L->t_i64, p, "len"), L->tbaa_header);
}

static LLVMValueRef list_data(Lower *L, LLVMValueRef list) {
  LLVMValueRef p = LLVMBuildStructGEP2(L->b, L->t_list, list, 3, "");
  return tbaa(L, LLVMBuildLoad2(L->b, L->t_ptr, p, "data"), L->tbaa_header);
}

// The address of list[idx] with Python's negative indices; IndexError
// (with `msg`) outside the list. One unsigned compare checks both ends.
static LLVMValueRef list_item_ptr(Lower *L, LLVMValueRef list,
                                  LLVMValueRef idx, const Type *elem,
                                  int line, const char *msg) {
  LLVMValueRef len = list_len(L, list);
  LLVMValueRef neg = icmp(L, LLVMIntSLT, idx, i64c(L, 0));
  idx = LLVMBuildSelect(L->b, neg, LLVMBuildAdd(L->b, idx, len, ""), idx, "");
  check(L, icmp(L, LLVMIntUGE, idx, len), RT_EXC_INDEX, line, msg);
  LLVMValueRef data = list_data(L, list);
  return LLVMBuildGEP2(L->b, elem_type(L, elem), data, &idx, 1, "");
}

static LLVMValueRef load_item(Lower *L, LLVMValueRef p, const Type *elem) {
  LLVMValueRef v = LLVMBuildLoad2(L->b, elem_type(L, elem), p, "");
  tbaa(L, v, L->tbaa_item[kind_of(elem)]);
  if (kind_of(elem) == TY_BOOL)
    v = LLVMBuildTrunc(L->b, v, L->t_i1, "");
  return v;
}

static void store_item(Lower *L, LLVMValueRef p, LLVMValueRef v,
                       const Type *elem) {
  if (kind_of(elem) == TY_BOOL)
    v = LLVMBuildZExt(L->b, v, L->t_i8, "");
  tbaa(L, LLVMBuildStore(L->b, v, p), L->tbaa_item[kind_of(elem)]);
}

// A new list of n zeroed elements (rt_list_new raises MemoryError).
static LLVMValueRef new_list(Lower *L, const Type *elem, LLVMValueRef n,
                             int line) {
  LLVMValueRef l = rt(L, "rt_list_new", 4, L->fs->ctx,
                      i64c(L, elem_size(elem)), n, i32c(L, line));
  check_exc(L);
  return l;
}

// Appends v, already of the element type, to the list.
static void append_item(Lower *L, LLVMValueRef list, LLVMValueRef v,
                        const Type *elem, int line) {
  LLVMValueRef slot = rt(L, "rt_list_append_slot", 3, L->fs->ctx, list,
                         i32c(L, line));
  check_exc(L);
  store_item(L, slot, v, elem);
}

// Whether a constant expression is all zero bits (so rt_list_new's zero
// fill already holds it); -0.0 is not.
static bool is_zero_constant(const Node *n) {
  if (n->kind == ND_CONVERT)
    return is_zero_constant(n->value);
  if (n->kind != ND_CONSTANT)
    return false;
  const ConstValue *c = &n->cval;
  switch (c->kind) {
  case CONST_BOOL:
  case CONST_INT: return c->ival == 0;
  case CONST_FLOAT: return c->fval == 0 && !signbit(c->fval);
  case CONST_COMPLEX:
    return c->fval == 0 && !signbit(c->fval) && c->imag == 0 &&
           !signbit(c->imag);
  default: return false;
  }
}

// Stores v into items [0, n) of a fresh list.
static void fill_list(Lower *L, LLVMValueRef list, LLVMValueRef v,
                      const Type *elem) {
  LLVMValueRef n = list_len(L, list), data = list_data(L, list);
  LLVMBasicBlockRef pre = LLVMGetInsertBlock(L->b);
  LLVMBasicBlockRef body = new_block(L, "fill"), done = new_block(L, "filled");
  LLVMBuildCondBr(L->b, icmp(L, LLVMIntSGT, n, i64c(L, 0)), body, done);
  move_to(L, body);
  LLVMValueRef k = LLVMBuildPhi(L->b, L->t_i64, "k");
  store_item(L, LLVMBuildGEP2(L->b, elem_type(L, elem), data, &k, 1, ""), v,
             elem);
  LLVMValueRef k1 = LLVMBuildNUWAdd(L->b, k, i64c(L, 1), "");
  LLVMValueRef vals[2] = {i64c(L, 0), k1};
  LLVMBasicBlockRef bbs[2] = {pre, LLVMGetInsertBlock(L->b)};
  LLVMAddIncoming(k, vals, bbs, 2);
  LLVMBuildCondBr(L->b, icmp(L, LLVMIntSLT, k1, n), body, done);
  move_to(L, done);
}

// `[v] * n` (the tutorial's `[0] * len(q)`) builds the list directly;
// other `list * n` go through rt_list_repeat.
static LLVMValueRef list_repeat(Lower *L, Node *list, Node *count,
                                bool count_first, const Type *ty, int line) {
  LLVMValueRef n = NULL, l;
  if (count_first)
    n = convert(L, expr(L, count), count->ty, &ty_int);
  if (list->kind == ND_LIST && list->elts.len == 1) {
    Node *e = list->elts.data[0];
    LLVMValueRef v = convert(L, expr(L, e), e->ty, ty->elem);
    if (!n)
      n = convert(L, expr(L, count), count->ty, &ty_int);
    l = new_list(L, ty->elem, n, line);
    if (!is_zero_constant(e))
      fill_list(L, l, v, ty->elem);
    return l;
  }
  l = expr(L, list);
  if (!n)
    n = convert(L, expr(L, count), count->ty, &ty_int);
  LLVMValueRef r = rt(L, "rt_list_repeat", 4, L->fs->ctx, l, n,
                      i32c(L, line));
  check_exc(L);
  return r;
}

// A constant RtStr {len, data} for a string literal.
static LLVMValueRef const_str(Lower *L, const char *s, int len) {
  LLVMValueRef text = LLVMConstStringInContext2(L->c, s, (size_t)len, false);
  LLVMValueRef data = LLVMAddGlobal(L->m, LLVMTypeOf(text), ".str.data");
  LLVMSetInitializer(data, text);
  LLVMSetGlobalConstant(data, true);
  LLVMSetLinkage(data, LLVMPrivateLinkage);
  LLVMValueRef fields[2] = {i64c(L, len), data};
  LLVMValueRef init = LLVMConstNamedStruct(L->t_str, fields, 2);
  LLVMValueRef g = LLVMAddGlobal(L->m, L->t_str, ".str");
  LLVMSetInitializer(g, init);
  LLVMSetGlobalConstant(g, true);
  LLVMSetLinkage(g, LLVMPrivateLinkage);
  return g;
}

// `fmt % args`: the arguments go to rt_str_format as 8-byte values with a
// kind letter each.
static LLVMValueRef str_format(Lower *L, Node *n) {
  LLVMValueRef fmt = expr(L, n->left);
  Node **args = (Node **)&n->right;
  int nargs = 1;
  if (n->right->kind == ND_TUPLE) {
    args = (Node **)n->right->elts.data;
    nargs = n->right->elts.len;
  }
  char *kinds = arena_alloc(L->a, (size_t)nargs + 1);
  LLVMTypeRef at = LLVMArrayType2(L->t_i64, (uint64_t)(nargs ? nargs : 1));
  LLVMValueRef vals = entry_alloca(L, at, "fmtargs");
  for (int i = 0; i < nargs; i++) {
    LLVMValueRef v = expr(L, args[i]);
    switch (kind_of(args[i]->ty)) {
    case TY_INT: kinds[i] = 'i'; break;
    case TY_FLOAT:
      kinds[i] = 'f';
      v = LLVMBuildBitCast(L->b, v, L->t_i64, "");
      break;
    case TY_BOOL:
      kinds[i] = 'b';
      v = LLVMBuildZExt(L->b, v, L->t_i64, "");
      break;
    case TY_STR:
      kinds[i] = 's';
      v = LLVMBuildPtrToInt(L->b, v, L->t_i64, "");
      break;
    default:
      diag_error_node(L->d, args[i], "%%-formatting a %s is not supported",
                      type_name(L->a, args[i]->ty));
    }
    LLVMValueRef idx[2] = {i64c(L, 0), i64c(L, i)};
    LLVMBuildStore(L->b, v, LLVMBuildGEP2(L->b, at, vals, idx, 2, ""));
  }
  LLVMValueRef flen = LLVMBuildLoad2(
      L->b, L->t_i64, LLVMBuildStructGEP2(L->b, L->t_str, fmt, 0, ""), "");
  LLVMValueRef fdata = LLVMBuildLoad2(
      L->b, L->t_ptr, LLVMBuildStructGEP2(L->b, L->t_str, fmt, 1, ""), "");
  LLVMValueRef r = rt(L, "rt_str_format", 7, L->fs->ctx, fdata, flen,
                      cstring(L, kinds), vals, i32c(L, nargs),
                      i32c(L, n->line));
  check_exc(L);
  return r;
}

// ---- expressions ------------------------------------------------------------

static LLVMValueRef constant(Lower *L, Node *n) {
  const ConstValue *c = &n->cval;
  LLVMValueRef v;
  const Type *t;
  switch (c->kind) {
  case CONST_BOOL:
    v = LLVMConstInt(L->t_i1, c->ival != 0, false);
    t = &ty_bool;
    break;
  case CONST_INT: v = i64c(L, c->ival); t = &ty_int; break;
  case CONST_FLOAT: v = f64c(L, c->fval); t = &ty_float; break;
  case CONST_COMPLEX: {
    LLVMValueRef parts[2] = {f64c(L, c->fval), f64c(L, c->imag)};
    v = LLVMConstNamedStruct(L->t_cplx, parts, 2);
    t = &ty_complex;
    break;
  }
  case CONST_STR: return const_str(L, c->str, c->slen);
  default: return NULL;  // None
  }
  return type_is_number(n->ty) ? convert(L, v, t, n->ty) : v;
}

// math.pi and friends, whether written `math.pi` or imported by name.
static bool math_constant(const char *name, double *v) {
  static const struct {
    const char *name;
    double value;
  } consts[] = {{"pi", 3.141592653589793}, {"e", 2.718281828459045},
                {"tau", 6.283185307179586}, {"inf", INFINITY},
                {"nan", NAN}};
  for (size_t i = 0; i < sizeof consts / sizeof *consts; i++) {
    if (!strcmp(name, consts[i].name)) {
      *v = consts[i].value;
      return true;
    }
  }
  return false;
}

static LLVMValueRef name_load(Lower *L, Node *n) {
  Var *v = n->var;
  double c;
  if (!v && math_constant(n->name, &c))
    return f64c(L, c);
  if (!v)
    diag_error_node(L->d, n, "name '%s' is not defined in compiled code",
                    n->name);
  if (v->kind == VAR_CONST)
    return convert(L, expr(L, v->value), v->value->ty, n->ty);
  LLVMValueRef x = LLVMBuildLoad2(L->b, lltype(L, v->ty),
                                  L->fs->slots[v->index], v->name);
  return convert(L, x, v->ty, n->ty);
}

// `a and b`, `a or b`: short-circuit, with Python's value (the last
// operand evaluated), widened to the node's type.
static LLVMValueRef boolop(Lower *L, Node *n) {
  LLVMBasicBlockRef done = new_block(L, n->op == OP_AND ? "and" : "or");
  LLVMTypeRef t = lltype(L, n->ty);
  LLVMValueRef phi = NULL;
  PtrVec vals = {0}, bbs = {0};
  for (int i = 0; i < n->values.len; i++) {
    Node *e = n->values.data[i];
    LLVMValueRef v = expr(L, e);
    LLVMValueRef res = convert(L, v, e->ty, n->ty);
    vec_push(L->a, &vals, res);
    vec_push(L->a, &bbs, LLVMGetInsertBlock(L->b));
    if (i == n->values.len - 1) {
      LLVMBuildBr(L->b, done);
      break;
    }
    LLVMBasicBlockRef next = new_block(L, "next");
    LLVMValueRef c = truth(L, v, e->ty);
    if (n->op == OP_AND)
      LLVMBuildCondBr(L->b, c, next, done);
    else
      LLVMBuildCondBr(L->b, c, done, next);
    move_to(L, next);
  }
  move_to(L, done);
  phi = LLVMBuildPhi(L->b, t, "");
  LLVMAddIncoming(phi, (LLVMValueRef *)vals.data,
                  (LLVMBasicBlockRef *)bbs.data, (unsigned)vals.len);
  return phi;
}

static bool is_widened_int(const Node *n) {
  return n->kind == ND_CONVERT && kind_of(n->ty) == TY_FLOAT &&
         (kind_of(n->value->ty) == TY_INT || kind_of(n->value->ty) == TY_BOOL);
}

static LLVMValueRef binop(Lower *L, Node *n) {
  Node *l = n->left, *r = n->right;
  if (n->op == OP_MOD && kind_of(l->ty) == TY_STR)
    return str_format(L, n);
  if (n->op == OP_MUL && kind_of(n->ty) == TY_LIST)
    return kind_of(l->ty) == TY_LIST
               ? list_repeat(L, l, r, false, n->ty, n->line)
               : list_repeat(L, r, l, true, n->ty, n->line);
  if (kind_of(n->ty) == TY_LIST || kind_of(n->ty) == TY_STR)
    diag_error_node(L->d, n, "'%s' on %s is not supported",
                    operator_names[n->op], type_name(L->a, n->ty));
  // int / int: infer.c widened both operands to float, but CPython's
  // message for a zero divisor is the int one ("division by zero").
  if (n->op == OP_DIV && is_widened_int(l) && is_widened_int(r)) {
    l = l->value;
    r = r->value;
  }
  LLVMValueRef a = expr(L, l);
  LLVMValueRef b = expr(L, r);
  at(L, n);
  return arith(L, n->op, a, l->ty, b, r->ty, n->ty, n->line);
}

static LLVMValueRef unaryop(Lower *L, Node *n) {
  Node *e = n->value ? n->value : n->left;
  LLVMValueRef v = expr(L, e);
  at(L, n);
  if (n->op == OP_NOT)
    return LLVMBuildNot(L->b, truth(L, v, e->ty), "");
  if (n->op == OP_UADD)
    return convert(L, v, e->ty, n->ty);
  switch (kind_of(n->ty)) {
  case TY_FLOAT: return fmath(L, LLVMBuildFNeg(L->b, v, ""));
  case TY_COMPLEX:  // complex_neg: both parts negated
    return cplx(L, fmath(L, LLVMBuildFNeg(L->b, re_of(L, v), "")),
                fmath(L, LLVMBuildFNeg(L->b, im_of(L, v), "")));
  default: break;
  }
  v = convert(L, v, e->ty, &ty_int);
  if (n->op == OP_INVERT)
    return LLVMBuildNot(L->b, v, "");
  return int_checked(L, "llvm.ssub.with.overflow", i64c(L, 0), v, n->line);
}

static LLVMValueRef ifexp(Lower *L, Node *n) {
  LLVMValueRef c = truth(L, expr(L, n->test), n->test->ty);
  LLVMBasicBlockRef yes = new_block(L, "ifexp.then");
  LLVMBasicBlockRef no = new_block(L, "ifexp.else");
  LLVMBasicBlockRef done = new_block(L, "ifexp.end");
  LLVMBuildCondBr(L->b, c, yes, no);
  move_to(L, yes);
  LLVMValueRef a = convert(L, expr(L, n->body_expr), n->body_expr->ty, n->ty);
  LLVMBasicBlockRef abb = LLVMGetInsertBlock(L->b);
  LLVMBuildBr(L->b, done);
  move_to(L, no);
  LLVMValueRef b =
      convert(L, expr(L, n->orelse_expr), n->orelse_expr->ty, n->ty);
  LLVMBasicBlockRef bbb = LLVMGetInsertBlock(L->b);
  LLVMBuildBr(L->b, done);
  move_to(L, done);
  if (kind_of(n->ty) == TY_NONE)
    return NULL;
  return phi2(L, lltype(L, n->ty), a, abb, b, bbb);
}

// One comparison of two values of type t. Python's `!=` is true for nan,
// hence `une`; the ordered predicates are false for nan, as in C.
static LLVMValueRef compare_values(Lower *L, Operator op, LLVMValueRef a,
                                   LLVMValueRef b, const Type *t,
                                   const Node *n) {
  static const LLVMIntPredicate ip[] = {LLVMIntEQ, LLVMIntNE, LLVMIntSLT,
                                        LLVMIntSLE, LLVMIntSGT, LLVMIntSGE};
  static const LLVMRealPredicate fp[] = {LLVMRealOEQ, LLVMRealUNE,
                                         LLVMRealOLT, LLVMRealOLE,
                                         LLVMRealOGT, LLVMRealOGE};
  if (op == OP_IS) op = OP_EQ;
  if (op == OP_ISNOT) op = OP_NOTEQ;
  if (op < OP_EQ || op > OP_GTE)
    diag_error_node(L->d, n, "'%s' is not supported in compiled code",
                    operator_names[op]);
  int i = op - OP_EQ;
  switch (kind_of(t)) {
  case TY_NONE: return LLVMConstInt(L->t_i1, op == OP_EQ, false);
  case TY_BOOL:
  case TY_INT:
    return icmp(L, ip[i], convert(L, a, t, &ty_int),
                convert(L, b, t, &ty_int));
  case TY_FLOAT: return fcmp(L, fp[i], a, b);
  case TY_COMPLEX:
    if (op == OP_EQ || op == OP_NOTEQ) {
      LLVMValueRef r = fcmp(L, fp[i], re_of(L, a), re_of(L, b));
      LLVMValueRef m = fcmp(L, fp[i], im_of(L, a), im_of(L, b));
      return op == OP_EQ ? LLVMBuildAnd(L->b, r, m, "")
                         : LLVMBuildOr(L->b, r, m, "");
    }
    break;
  default: break;
  }
  diag_error_node(L->d, n, "'%s' between %s values is not supported",
                  operator_names[op], type_name(L->a, t));
}

// The float value of a constant operand (also `2` widened to float), for
// the fast path of abs(z) compared with a constant.
static bool float_constant(const Node *n, double *c) {
  if (n->kind == ND_CONVERT)
    n = n->value;
  if (n->kind != ND_CONSTANT)
    return false;
  if (n->cval.kind == CONST_FLOAT)
    *c = n->cval.fval;
  else if (n->cval.kind == CONST_INT)
    *c = (double)n->cval.ival;
  else
    return false;
  return true;
}

// `abs(z) OP C` for complex z and a constant C. CPython computes
// hypot(re, im) and compares; we first look at s = re*re + im*im, which
// needs no square root. The rounded s is within 2 ulps (relative 2**-52)
// of |z|**2, hypot is within 1 ulp of |z| (so its square within 2**-51),
// and C*C with its margin is rounded twice more: all of it is far below
// the margin 2**-40 used here. So s < C*C*(1 - 2**-40) proves abs(z) < C
// and s > C*C*(1 + 2**-40) proves abs(z) > C, as long as nothing
// overflowed or underflowed: C*C must be a normal number far from both
// ends (checked when compiling) and s finite (checked at run time; an
// infinite s may come from finite parts whose hypot is finite, or raise
// OverflowError in CPython). Only when s is within the margin, infinite or
// nan does the exact rt_complex_abs decide.
static LLVMValueRef abs_compare(Lower *L, Node *n, Operator op, Node *call,
                                double c) {
  Node *arg = call->args.data[0];
  LLVMValueRef z = expr(L, arg);
  at(L, n);
  LLVMValueRef re = re_of(L, z), im = im_of(L, z);
  LLVMValueRef s = fadd(L, fmul(L, re, re), fmul(L, im, im));
  double lo = c * c * (1 - 0x1p-40), hi = c * c * (1 + 0x1p-40);
  bool less = op == OP_LT || op == OP_LTE;
  LLVMBasicBlockRef bb0 = LLVMGetInsertBlock(L->b);
  LLVMBasicBlockRef above = new_block(L, "abs.above");
  LLVMBasicBlockRef slow = new_block(L, "abs.exact");
  LLVMBasicBlockRef done = new_block(L, "abs.done");
  LLVMBuildCondBr(L->b, fcmp(L, LLVMRealOLT, s, f64c(L, lo)), done, above);
  move_to(L, above);
  LLVMValueRef big = LLVMBuildAnd(L->b, fcmp(L, LLVMRealOGT, s, f64c(L, hi)),
                                  fcmp(L, LLVMRealOLE, s, f64c(L, DBL_MAX)),
                                  "");
  LLVMBuildCondBr(L->b, big, done, slow);
  move_to(L, slow);
  LLVMValueRef a = rt(L, "rt_complex_abs", 4, L->fs->ctx, re, im,
                      i32c(L, n->line));
  check_exc(L);
  LLVMValueRef exact = compare_values(L, op, a, f64c(L, c), &ty_float, n);
  LLVMBasicBlockRef slow_end = LLVMGetInsertBlock(L->b);
  LLVMBuildBr(L->b, done);
  move_to(L, done);
  LLVMValueRef phi = LLVMBuildPhi(L->b, L->t_i1, "abs.cmp");
  LLVMValueRef vals[3] = {LLVMConstInt(L->t_i1, less, false),
                          LLVMConstInt(L->t_i1, !less, false), exact};
  LLVMBasicBlockRef bbs[3] = {bb0, above, slow_end};
  LLVMAddIncoming(phi, vals, bbs, 3);
  return phi;
}

// Whether `abs(z) OP C` can take the fast path of abs_compare.
static bool is_abs_compare(const Node *n, double *c) {
  if (n->ops.len != 1)
    return false;
  Operator op = (Operator)(intptr_t)n->ops.data[0];
  const Node *l = n->left;
  if (op < OP_LT || op > OP_GTE || l->kind != ND_CALL ||
      l->builtin != BI_ABS || l->args.len != 1 ||
      kind_of(((Node *)l->args.data[0])->ty) != TY_COMPLEX)
    return false;
  if (!float_constant(n->comparators.data[0], c))
    return false;
  return *c >= 0x1p-400 && *c <= 0x1p400;
}

// A comparison chain: each operand evaluated once, stopping at the first
// false comparison.
static LLVMValueRef compare(Lower *L, Node *n) {
  double c;
  if (is_abs_compare(n, &c))
    return abs_compare(L, n, (Operator)(intptr_t)n->ops.data[0], n->left, c);
  LLVMBasicBlockRef done = new_block(L, "cmp.end");
  LLVMValueRef a = expr(L, n->left);
  Type *aty = n->left->ty;
  PtrVec vals = {0}, bbs = {0};
  for (int i = 0; i < n->ops.len; i++) {
    Node *rn = n->comparators.data[i];
    LLVMValueRef b = expr(L, rn);
    at(L, n);
    Type *t = wider(aty, rn->ty);
    LLVMValueRef r = compare_values(L, (Operator)(intptr_t)n->ops.data[i],
                                    convert(L, a, aty, t),
                                    convert(L, b, rn->ty, t), t, n);
    vec_push(L->a, &vals, r);
    vec_push(L->a, &bbs, LLVMGetInsertBlock(L->b));
    if (i == n->ops.len - 1) {
      LLVMBuildBr(L->b, done);
      break;
    }
    LLVMBasicBlockRef next = new_block(L, "cmp.next");
    LLVMBuildCondBr(L->b, r, next, done);
    move_to(L, next);
    a = b;
    aty = rn->ty;
  }
  move_to(L, done);
  LLVMValueRef phi = LLVMBuildPhi(L->b, L->t_i1, "");
  LLVMAddIncoming(phi, (LLVMValueRef *)vals.data,
                  (LLVMBasicBlockRef *)bbs.data, (unsigned)vals.len);
  return phi;
}

static LLVMValueRef attribute(Lower *L, Node *n) {
  double c;
  Node *v = n->value;
  if (v->kind == ND_NAME && !v->var && math_constant(n->name, &c))
    return f64c(L, c);
  LLVMValueRef x = expr(L, v);
  bool real = !strcmp(n->name, "real");
  if (!real && strcmp(n->name, "imag"))
    diag_error_node(L->d, n, "attribute '%s' is not supported", n->name);
  if (kind_of(v->ty) == TY_COMPLEX)
    return real ? re_of(L, x) : im_of(L, x);
  x = convert(L, x, v->ty, n->ty);  // int.real, float.imag, ...
  return real ? x : zero_of(L, n->ty);
}

static void expect_list(Lower *L, const Node *n) {
  if (kind_of(n->ty) != TY_LIST)
    diag_error_node(L->d, n, "indexing a %s is not supported; use a list",
                    type_name(L->a, n->ty));
}

// t[k] of a tuple, with k a constant (infer.c's guarantee).
static LLVMValueRef tuple_item(Lower *L, Node *n) {
  Node *k = n->index;
  int len = n->value->ty->nitems;
  if (k->kind == ND_CONVERT)
    k = k->value;
  if (k->kind != ND_CONSTANT || k->cval.kind != CONST_INT ||
      k->cval.ival < -len || k->cval.ival >= len)
    diag_error_node(L->d, n->index, "a tuple index must be a constant "
                    "between %d and %d", -len, len - 1);
  int i = (int)(k->cval.ival < 0 ? k->cval.ival + len : k->cval.ival);
  LLVMValueRef t = expr(L, n->value);
  return convert(L, LLVMBuildExtractValue(L->b, t, (unsigned)i, ""),
                 n->value->ty->items[i], n->ty);
}

static LLVMValueRef subscript(Lower *L, Node *n) {
  if (kind_of(n->value->ty) == TY_TUPLE)
    return tuple_item(L, n);
  expect_list(L, n->value);
  LLVMValueRef l = expr(L, n->value);
  LLVMValueRef i = convert(L, expr(L, n->index), n->index->ty, &ty_int);
  at(L, n);
  Type *elem = n->value->ty->elem;
  LLVMValueRef p = list_item_ptr(L, l, i, elem, n->line, MSG_INDEX);
  return convert(L, load_item(L, p, elem), elem, n->ty);
}

// A list display: the items are evaluated first, then stored.
static LLVMValueRef list_display(Lower *L, Node *n) {
  Type *elem = n->ty->elem;
  int len = n->elts.len;
  LLVMValueRef *vals = arena_alloc(L->a, sizeof *vals * (size_t)(len + 1));
  for (int i = 0; i < len; i++) {
    Node *e = n->elts.data[i];
    vals[i] = convert(L, expr(L, e), e->ty, elem);
  }
  at(L, n);
  LLVMValueRef l = new_list(L, elem, i64c(L, len), n->line);
  LLVMValueRef data = len ? list_data(L, l) : NULL;
  for (int i = 0; i < len; i++) {
    LLVMValueRef idx = i64c(L, i);
    store_item(L, LLVMBuildGEP2(L->b, elem_type(L, elem), data, &idx, 1, ""),
               vals[i], elem);
  }
  return l;
}

static LLVMValueRef tuple(Lower *L, Node *n) {
  LLVMValueRef v = LLVMGetPoison(lltype(L, n->ty));
  for (int i = 0; i < n->elts.len; i++) {
    Node *e = n->elts.data[i];
    LLVMValueRef x = convert(L, expr(L, e), e->ty, n->ty->items[i]);
    v = LLVMBuildInsertValue(L->b, v, x, (unsigned)i, "");
  }
  return v;
}

// ---- loops ------------------------------------------------------------------

// What runs for each item of a loop: a For's body, a comprehension's
// element, the step of sum/min/max. `item` is the current element (of the
// iterable's element type; int for range), already stored to the target.
typedef void (*LoopFn)(Lower *L, LLVMValueRef item, void *arg);

static void assign_to(Lower *L, Node *target, LLVMValueRef v, Type *vty);

// range(start, stop, step): the arguments evaluated once, in order; the
// number of iterations computed as CPython's compute_range_length does
// (in unsigned arithmetic, so no bound near INT64_MIN/MAX overflows).
static void range_bounds(Lower *L, Node *call, LLVMValueRef *start,
                         LLVMValueRef *step, LLVMValueRef *count) {
  LLVMValueRef a[3];
  int n = call->args.len;
  for (int i = 0; i < n && i < 3; i++) {
    Node *e = call->args.data[i];
    a[i] = convert(L, expr(L, e), e->ty, &ty_int);
  }
  at(L, call);
  *start = n >= 2 ? a[0] : i64c(L, 0);
  LLVMValueRef stop = n >= 2 ? a[1] : a[0];
  *step = n == 3 ? a[2] : i64c(L, 1);
  check(L, icmp(L, LLVMIntEQ, *step, i64c(L, 0)), RT_EXC_VALUE, call->line,
        MSG_RANGE_STEP);
  // up: start < stop ? (stop - start - 1) / step + 1 : 0, and the mirror
  // image for a negative step.
  LLVMValueRef one = i64c(L, 1);
  LLVMValueRef up_len = LLVMBuildAdd(
      L->b,
      LLVMBuildUDiv(L->b,
                    LLVMBuildSub(L->b, LLVMBuildSub(L->b, stop, *start, ""),
                                 one, ""),
                    *step, ""),
      one, "");
  LLVMValueRef up = LLVMBuildSelect(L->b, icmp(L, LLVMIntSLT, *start, stop),
                                    up_len, i64c(L, 0), "");
  LLVMValueRef down_len = LLVMBuildAdd(
      L->b,
      LLVMBuildUDiv(L->b,
                    LLVMBuildSub(L->b, LLVMBuildSub(L->b, *start, stop, ""),
                                 one, ""),
                    LLVMBuildNeg(L->b, *step, ""), ""),
      one, "");
  LLVMValueRef down = LLVMBuildSelect(L->b, icmp(L, LLVMIntSGT, *start, stop),
                                      down_len, i64c(L, 0), "");
  *count = LLVMBuildSelect(L->b, icmp(L, LLVMIntSGT, *step, i64c(L, 0)), up,
                           down, "n");
}

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

static void iterate(Lower *L, const Iter *it, Node *target, LoopFn fn,
                    void *arg, PtrVec *orelse) {
  LLVMBasicBlockRef pre = LLVMGetInsertBlock(L->b);
  LLVMBasicBlockRef head = new_block(L, "loop"), body = new_block(L, "body");
  LLVMBasicBlockRef cont = new_block(L, "next"), other = new_block(L, "else");
  LLVMBasicBlockRef exit = new_block(L, "endloop");
  LLVMBuildBr(L->b, head);
  move_to(L, head);
  LLVMValueRef k = LLVMBuildPhi(L->b, L->t_i64, "k");
  LLVMValueRef more =
      it->is_range ? icmp(L, LLVMIntULT, k, it->count)
                   : icmp(L, LLVMIntSLT, k, list_len(L, it->list));
  LLVMBuildCondBr(L->b, more, body, other);
  move_to(L, body);
  LLVMValueRef item;
  if (it->is_range) {
    item = LLVMBuildAdd(L->b, it->start, LLVMBuildMul(L->b, k, it->step, ""),
                        "");
  } else {
    LLVMValueRef p = LLVMBuildGEP2(L->b, elem_type(L, it->elem),
                                   list_data(L, it->list), &k, 1, "");
    item = load_item(L, p, it->elem);
  }
  if (target)
    assign_to(L, target, item, it->elem);
  Loop loop = {.brk = exit, .cont = cont, .outer = L->fs->loop};
  L->fs->loop = &loop;
  fn(L, item, arg);
  L->fs->loop = loop.outer;
  branch_to(L, cont);
  move_to(L, cont);
  LLVMValueRef k1 = LLVMBuildNUWAdd(L->b, k, i64c(L, 1), "");
  LLVMBuildBr(L->b, head);
  LLVMValueRef vals[2] = {it->first ? it->first : i64c(L, 0), k1};
  LLVMBasicBlockRef bbs[2] = {pre, cont};
  LLVMAddIncoming(k, vals, bbs, 2);
  move_to(L, other);
  if (orelse)
    stmts(L, orelse);
  branch_to(L, exit);
  move_to(L, exit);
}

// Evaluates what a For or comprehension iterates over: range(...) (when
// infer.c set range_loop) or a list.
static void open_iter(Lower *L, Node *iter, bool range_loop, Iter *it) {
  memset(it, 0, sizeof *it);
  it->is_range = range_loop;
  if (range_loop) {
    range_bounds(L, iter, &it->start, &it->step, &it->count);
    it->elem = &ty_int;
    return;
  }
  if (kind_of(iter->ty) != TY_LIST)
    diag_error_node(L->d, iter, "iterating over %s is not supported; use a "
                    "list or range()", type_name(L->a, iter->ty));
  it->list = expr(L, iter);
  it->elem = iter->ty->elem;
}

// The list argument of sum/min/max, as an Iter.
static void open_list(Lower *L, Node *n, Iter *it) {
  open_iter(L, n, false, it);
}

// ---- calls ------------------------------------------------------------------

// Python's int() of a float (also after floor/ceil/trunc): exact in the
// int64 range; outside it, or for nan and inf, rt_float_to_int raises
// CPython's ValueError/OverflowError.
static LLVMValueRef float_to_int(Lower *L, LLVMValueRef x, int line) {
  LLVMValueRef lo = fcmp(L, LLVMRealOGE, x, f64c(L, -0x1p63));
  LLVMValueRef hi = fcmp(L, LLVMRealOLT, x, f64c(L, 0x1p63));
  LLVMBasicBlockRef pre = LLVMGetInsertBlock(L->b);
  LLVMBasicBlockRef slow = new_block(L, "toint.slow");
  LLVMBasicBlockRef done = new_block(L, "toint.done");
  LLVMValueRef fast = LLVMBuildFPToSI(L->b, x, L->t_i64, "");
  unlikely(L, LLVMBuildCondBr(L->b, LLVMBuildNot(L->b,
                              LLVMBuildAnd(L->b, lo, hi, ""), ""),
                              slow, done));
  move_to(L, slow);
  LLVMValueRef r = rt(L, "rt_float_to_int", 3, L->fs->ctx, x, i32c(L, line));
  check_exc(L);
  LLVMBasicBlockRef slow_end = LLVMGetInsertBlock(L->b);
  LLVMBuildBr(L->b, done);
  move_to(L, done);
  return phi2(L, L->t_i64, fast, pre, r, slow_end);
}

static Node *arg_at(Node *n, int i) { return n->args.data[i]; }

static LLVMValueRef arg_as(Lower *L, Node *n, int i, const Type *t) {
  Node *a = arg_at(n, i);
  return convert(L, expr(L, a), a->ty, t);
}

static LLVMValueRef builtin_abs(Lower *L, Node *n) {
  Node *a = arg_at(n, 0);
  LLVMValueRef x = expr(L, a);
  at(L, n);
  switch (kind_of(a->ty)) {
  case TY_FLOAT: return intrinsic1(L, "llvm.fabs", x);
  case TY_COMPLEX: {
    // CPython's complex_abs: hypot, OverflowError when that overflows.
    LLVMValueRef r = rt(L, "rt_complex_abs", 4, L->fs->ctx, re_of(L, x),
                        im_of(L, x), i32c(L, n->line));
    check_exc(L);
    return r;
  }
  default: break;
  }
  x = convert(L, x, a->ty, &ty_int);
  check(L, icmp(L, LLVMIntEQ, x, i64c(L, INT64_MIN)), RT_EXC_OVERFLOW,
        n->line, MSG_INT_OVERFLOW);
  return LLVMBuildSelect(L->b, icmp(L, LLVMIntSLT, x, i64c(L, 0)),
                         LLVMBuildNeg(L->b, x, ""), x, "");
}

typedef struct {
  Operator op;      // OP_LT for min, OP_GT for max
  LLVMValueRef acc; // alloca of the best item so far
  Type *ty;
  const Node *n;
} MinMax;

// min/max keep the first extreme item: `if item < best: best = item`,
// exactly as CPython's min_max (so min(nan, 1) is nan, min(1, nan) is 1).
static LLVMValueRef better(Lower *L, MinMax *m, LLVMValueRef best,
                           LLVMValueRef item) {
  LLVMValueRef c = compare_values(L, m->op, item, best, m->ty, m->n);
  return LLVMBuildSelect(L->b, c, item, best, "");
}

static void minmax_step(Lower *L, LLVMValueRef item, void *arg) {
  MinMax *m = arg;
  LLVMValueRef best = LLVMBuildLoad2(L->b, lltype(L, m->ty), m->acc, "");
  LLVMBuildStore(L->b, better(L, m, best, item), m->acc);
}

static LLVMValueRef builtin_minmax(Lower *L, Node *n) {
  MinMax m = {.op = n->builtin == BI_MIN ? OP_LT : OP_GT, .ty = n->ty,
              .n = n};
  if (n->args.len >= 2) {
    LLVMValueRef *v = arena_alloc(L->a, sizeof *v * (size_t)n->args.len);
    for (int i = 0; i < n->args.len; i++)
      v[i] = arg_as(L, n, i, n->ty);
    at(L, n);
    LLVMValueRef best = v[0];
    for (int i = 1; i < n->args.len; i++)
      best = better(L, &m, best, v[i]);
    return best;
  }
  Iter it;
  open_list(L, arg_at(n, 0), &it);
  at(L, n);
  check(L, icmp(L, LLVMIntEQ, list_len(L, it.list), i64c(L, 0)), RT_EXC_VALUE,
        n->line, n->builtin == BI_MIN ? "min() arg is an empty sequence"
                                      : "max() arg is an empty sequence");
  m.acc = entry_alloca(L, lltype(L, n->ty), "best");
  LLVMValueRef first = load_item(L, list_data(L, it.list), it.elem);
  LLVMBuildStore(L->b, convert(L, first, it.elem, n->ty), m.acc);
  iterate(L, &it, NULL, minmax_step, &m, NULL);
  return LLVMBuildLoad2(L->b, lltype(L, n->ty), m.acc, "");
}

typedef struct {
  LLVMValueRef acc;
  Type *ty, *elem;
  int line;
} Sum;

static void sum_step(Lower *L, LLVMValueRef item, void *arg) {
  Sum *s = arg;
  LLVMValueRef acc = LLVMBuildLoad2(L->b, lltype(L, s->ty), s->acc, "");
  LLVMValueRef r = arith(L, OP_ADD, acc, s->ty, item, s->elem, s->ty, s->line);
  LLVMBuildStore(L->b, r, s->acc);
}

// sum(list[, start]): CPython 3.11 adds left to right from start (0), in
// doubles for floats (no compensated summation; that came in 3.12), so
// sum([-0.0]) is 0.0.
static LLVMValueRef builtin_sum(Lower *L, Node *n) {
  Iter it;
  open_list(L, arg_at(n, 0), &it);
  LLVMValueRef start = n->args.len > 1 ? arg_as(L, n, 1, n->ty)
                                       : zero_of(L, n->ty);
  at(L, n);
  Sum s = {.ty = n->ty, .elem = it.elem, .line = n->line};
  s.acc = entry_alloca(L, lltype(L, n->ty), "sum");
  LLVMBuildStore(L->b, start, s.acc);
  iterate(L, &it, NULL, sum_step, &s, NULL);
  return LLVMBuildLoad2(L->b, lltype(L, n->ty), s.acc, "");
}

static LLVMValueRef builtin_int(Lower *L, Node *n) {
  Node *a = arg_at(n, 0);
  LLVMValueRef x = expr(L, a);
  at(L, n);
  if (kind_of(a->ty) == TY_FLOAT)
    return float_to_int(L, intrinsic1(L, "llvm.trunc", x), n->line);
  return convert(L, x, a->ty, &ty_int);
}

// complex(re, im) as CPython's complex_new: with real arguments the parts
// are taken as they are; a complex argument contributes its other part.
static LLVMValueRef builtin_complex(Lower *L, Node *n) {
  if (n->args.len == 0)
    return zero_of(L, &ty_complex);
  Node *a = arg_at(n, 0);
  LLVMValueRef x = expr(L, a);
  if (n->args.len == 1)
    return convert(L, x, a->ty, &ty_complex);
  Node *b = arg_at(n, 1);
  LLVMValueRef y = expr(L, b);
  at(L, n);
  LLVMValueRef re, im;
  if (kind_of(a->ty) == TY_COMPLEX) {
    re = re_of(L, x);
  } else {
    re = convert(L, x, a->ty, &ty_float);
  }
  if (kind_of(b->ty) == TY_COMPLEX) {
    re = fsub(L, re, im_of(L, y));
    im = re_of(L, y);
  } else {
    im = convert(L, y, b->ty, &ty_float);
  }
  if (kind_of(a->ty) == TY_COMPLEX)
    im = fadd(L, im, im_of(L, x));
  return cplx(L, re, im);
}

static LLVMValueRef builtin_round(Lower *L, Node *n) {
  Node *a = arg_at(n, 0);
  LLVMValueRef x = expr(L, a);
  LLVMValueRef nd = n->args.len > 1 ? arg_as(L, n, 1, &ty_int) : NULL;
  at(L, n);
  if (kind_of(a->ty) != TY_FLOAT) {
    if (nd)
      diag_error_node(L->d, n, "round() of an int with ndigits is not "
                      "supported");
    return convert(L, x, a->ty, &ty_int);
  }
  LLVMValueRef r =
      nd ? rt(L, "rt_float_round", 4, L->fs->ctx, x, nd, i32c(L, n->line))
         : rt(L, "rt_float_round_int", 3, L->fs->ctx, x, i32c(L, n->line));
  check_exc(L);
  return r;
}

// divmod(a, b) as a tuple (a // b, a % b).
static LLVMValueRef builtin_divmod(Lower *L, Node *n) {
  Node *a = arg_at(n, 0), *b = arg_at(n, 1);
  Type *t = wider(a->ty, b->ty);
  if (kind_of(t) < TY_INT)
    t = &ty_int;
  LLVMValueRef x = convert(L, expr(L, a), a->ty, t);
  LLVMValueRef y = convert(L, expr(L, b), b->ty, t);
  at(L, n);
  LLVMValueRef q, r;
  if (kind_of(t) == TY_INT) {
    check_int_divisor(L, x, y, n->line, MSG_FLOORDIV_ZERO);
    int_divmod(L, x, y, &q, &r);
  } else if (kind_of(t) == TY_FLOAT) {
    check(L, fcmp(L, LLVMRealOEQ, y, f64c(L, 0.0)), RT_EXC_ZERO_DIVISION,
          n->line, MSG_FLOAT_DIVMOD_ZERO);
    q = float_helper(L, "rt_float_floordiv", x, y, n->line);
    r = float_helper(L, "rt_float_mod", x, y, n->line);
  } else {
    diag_error_node(L->d, n, "divmod() of %s is not supported",
                    type_name(L->a, t));
  }
  LLVMTypeRef pair[2] = {LLVMTypeOf(q), LLVMTypeOf(r)};
  LLVMValueRef v = LLVMGetPoison(LLVMStructTypeInContext(L->c, pair, 2, 0));
  v = LLVMBuildInsertValue(L->b, v, q, 0, "");
  return LLVMBuildInsertValue(L->b, v, r, 1, "");
}

// How pyprint.c learns a list's element type: its TypeKind, with a
// nested list's own code in the bits above the low four.
static int32_t kind_code(const Type *elem) {
  if (kind_of(elem) == TY_LIST)
    return TY_LIST | kind_code(elem->elem) << 4;
  return (int32_t)kind_of(elem);
}

static void print_value(Lower *L, LLVMValueRef v, const Type *t,
                        const Node *n) {
  LLVMValueRef ctx = L->fs->ctx;
  switch (kind_of(t)) {
  case TY_NONE: rt(L, "rt_print_none", 1, ctx); return;
  case TY_BOOL:
    rt(L, "rt_print_bool", 2, ctx, LLVMBuildZExt(L->b, v, L->t_i8, ""));
    return;
  case TY_INT: rt(L, "rt_print_int", 2, ctx, v); return;
  case TY_FLOAT: rt(L, "rt_print_float", 2, ctx, v); return;
  case TY_COMPLEX:
    rt(L, "rt_print_complex", 3, ctx, re_of(L, v), im_of(L, v));
    return;
  case TY_STR: rt(L, "rt_print_rtstr", 2, ctx, v); return;
  case TY_LIST: rt(L, "rt_print_list", 3, ctx, v, i32c(L, kind_code(t->elem)));
    return;
  case TY_TUPLE: break;
  }
  diag_error_node(L->d, n, "printing a %s is not supported",
                  type_name(L->a, t));
}

// print(a, b) and Python 2's `print a, b`: items separated by one space,
// then the end of line (none after a trailing comma).
static void print_values(Lower *L, PtrVec *values, bool nl, const Node *n) {
  LLVMValueRef *v = arena_alloc(L->a, sizeof *v * (size_t)(values->len + 1));
  for (int i = 0; i < values->len; i++)
    v[i] = expr(L, values->data[i]);
  at(L, n);
  for (int i = 0; i < values->len; i++) {
    Node *e = values->data[i];
    if (i > 0)
      rt(L, "rt_print_sep", 1, L->fs->ctx);
    print_value(L, v[i], e->ty, e);
  }
  rt(L, "rt_print_end", 2, L->fs->ctx, LLVMConstInt(L->t_i8, nl, false));
}

// print()'s keywords: end='' or end='\n' (sep must stay ' ').
static bool print_ends_line(Lower *L, Node *n) {
  bool nl = true;
  for (int i = 0; i < n->keywords.len; i++) {
    Node *kw = n->keywords.data[i], *v = kw->value;
    bool is_str = v->kind == ND_CONSTANT && v->cval.kind == CONST_STR;
    const char *want = !strcmp(kw->name, "end") ? "\n" : " ";
    if (is_str && !strcmp(kw->name, "end") && v->cval.slen == 0) {
      nl = false;
      continue;
    }
    if (!is_str || v->cval.slen != 1 || v->cval.str[0] != want[0] ||
        (strcmp(kw->name, "end") && strcmp(kw->name, "sep")))
      diag_error_node(L->d, kw, "print(%s=...) is only supported as "
                      "end='' or the default", kw->name);
  }
  return nl;
}

// list.append(x): the list (the method's object) first, then x.
static void builtin_append(Lower *L, Node *n) {
  Node *obj = n->func->value;
  LLVMValueRef l = expr(L, obj);
  LLVMValueRef v = arg_as(L, n, 0, obj->ty->elem);
  at(L, n);
  append_item(L, l, v, obj->ty->elem, n->line);
}

static LLVMValueRef builtin_math(Lower *L, Node *n) {
  LLVMValueRef x = arg_as(L, n, 0, &ty_float);
  LLVMValueRef y = n->args.len > 1 ? arg_as(L, n, 1, &ty_float) : NULL;
  at(L, n);
  LLVMValueRef r;
  switch (n->builtin) {
  case BI_MATH_SQRT:
    // llvm.sqrt is the correctly rounded IEEE sqrt, as is C's.
    check(L, fcmp(L, LLVMRealOLT, x, f64c(L, 0.0)), RT_EXC_VALUE, n->line,
          MSG_DOMAIN);
    return intrinsic1(L, "llvm.sqrt", x);
  case BI_MATH_FABS: return intrinsic1(L, "llvm.fabs", x);
  case BI_MATH_FLOOR:
    return float_to_int(L, intrinsic1(L, "llvm.floor", x), n->line);
  case BI_MATH_CEIL:
    return float_to_int(L, intrinsic1(L, "llvm.ceil", x), n->line);
  case BI_MATH_TRUNC:
    return float_to_int(L, intrinsic1(L, "llvm.trunc", x), n->line);
  case BI_MATH_COPYSIGN: {
    LLVMValueRef args[2] = {x, y};
    return intrinsic(L, "llvm.copysign", L->t_f64, 2, args);
  }
  case BI_MATH_ISNAN: return fcmp(L, LLVMRealUNO, x, x);
  case BI_MATH_ISINF:
    return fcmp(L, LLVMRealOEQ, intrinsic1(L, "llvm.fabs", x),
                f64c(L, INFINITY));
  case BI_MATH_ISFINITE:
    return fcmp(L, LLVMRealOLT, intrinsic1(L, "llvm.fabs", x),
                f64c(L, INFINITY));
  default: break;
  }
  // Everything else is CPython's mathmodule code, domain checks included.
  if (y)
    r = rt(L, "rt_math2", 5, L->fs->ctx, i32c(L, n->builtin), x, y,
           i32c(L, n->line));
  else
    r = rt(L, "rt_math1", 4, L->fs->ctx, i32c(L, n->builtin), x,
           i32c(L, n->line));
  check_exc(L);
  return r;
}

// A call of a user function. Complex arguments travel as two doubles and
// bool as i8 (rtabi.h); a recursive callee is bracketed by
// rt_enter_call/rt_leave_call for RecursionError; after the call the
// exception flag is checked.
static LLVMValueRef user_call(Lower *L, Node *n) {
  const Func *f = n->callee;
  LLVMValueRef fn = LLVMGetNamedFunction(L->m, f->name);
  LLVMTypeRef fty = LLVMGlobalGetValueType(fn);
  LLVMValueRef *args = arena_alloc(L->a, sizeof *args * (2 * f->nparams + 1));
  int na = 0;
  args[na++] = L->fs->ctx;
  for (int i = 0; i < f->nparams; i++) {
    Node *a = NULL;
    Var *p = f->params[i];
    if (i < n->args.len)
      a = arg_at(n, i);
    for (int k = 0; !a && k < n->keywords.len; k++) {
      Node *kw = n->keywords.data[k];
      if (kw->name == p->name)
        a = kw->value;
    }
    if (!a)
      a = ((Node *)f->def->args.data[i])->value;  // the default value
    if (!a)
      diag_error_node(L->d, n, "missing argument '%s' in call of %s()",
                      p->name, f->name);
    LLVMValueRef v = convert(L, expr(L, a), a->ty, p->ty);
    if (kind_of(p->ty) == TY_COMPLEX) {
      args[na++] = re_of(L, v);
      args[na++] = im_of(L, v);
    } else {
      args[na++] = kind_of(p->ty) == TY_BOOL
                       ? LLVMBuildZExt(L->b, v, L->t_i8, "")
                       : v;
    }
  }
  at(L, n);
  if (f->recursive) {
    LLVMValueRef ok = rt(L, "rt_enter_call", 2, L->fs->ctx, i32c(L, n->line));
    LLVMBasicBlockRef go = new_block(L, "call");
    unlikely(L, LLVMBuildCondBr(L->b, icmp(L, LLVMIntEQ, ok, i32c(L, 0)),
                                L->fs->ret_bb, go));
    move_to(L, go);
  }
  LLVMValueRef r = LLVMBuildCall2(L->b, fty, fn, args, (unsigned)na, "");
  if (f->recursive)
    rt(L, "rt_leave_call", 1, L->fs->ctx);
  check_exc(L);
  if (kind_of(f->ret) == TY_NONE)
    return NULL;
  if (kind_of(f->ret) == TY_BOOL)
    r = LLVMBuildTrunc(L->b, r, L->t_i1, "");
  return convert(L, r, f->ret, n->ty);
}

static LLVMValueRef call(Lower *L, Node *n) {
  if (n->callee)
    return user_call(L, n);
  switch (n->builtin) {
  case BI_ABS: return builtin_abs(L, n);
  case BI_LEN: {
    LLVMValueRef l = expr(L, arg_at(n, 0));
    at(L, n);
    return list_len(L, l);  // RtStr's len sits where RtList's does
  }
  case BI_MIN:
  case BI_MAX: return builtin_minmax(L, n);
  case BI_SUM: return builtin_sum(L, n);
  case BI_INT: return builtin_int(L, n);
  case BI_FLOAT: return arg_as(L, n, 0, &ty_float);
  case BI_COMPLEX: return builtin_complex(L, n);
  case BI_BOOL: {
    Node *a = arg_at(n, 0);
    return truth(L, expr(L, a), a->ty);
  }
  case BI_ROUND: return builtin_round(L, n);
  case BI_POW: {
    if (n->args.len != 2)
      diag_error_node(L->d, n, "pow() with a modulus is not supported");
    Node *a = arg_at(n, 0), *b = arg_at(n, 1);
    LLVMValueRef x = expr(L, a), y = expr(L, b);
    at(L, n);
    return arith(L, OP_POW, x, a->ty, y, b->ty, n->ty, n->line);
  }
  case BI_DIVMOD: return builtin_divmod(L, n);
  case BI_PRINT: print_values(L, &n->args, print_ends_line(L, n), n);
    return NULL;
  case BI_APPEND: builtin_append(L, n); return NULL;
  case BI_CONJUGATE: {
    Node *obj = n->func->value;
    LLVMValueRef z = expr(L, obj);
    if (kind_of(obj->ty) != TY_COMPLEX)  // int/float: itself
      return convert(L, z, obj->ty, n->ty);
    return cplx(L, re_of(L, z), fmath(L, LLVMBuildFNeg(L->b, im_of(L, z), "")));
  }
  default:
    if (n->builtin >= BI_MATH_SQRT)
      return builtin_math(L, n);
    break;
  }
  diag_error_node(L->d, n, "this call is not supported in compiled code");
}

// ---- comprehensions ---------------------------------------------------------

// [elt for t1 in it1 if c1 for t2 in it2 ...]: nested loops appending to
// one fresh list, generators outermost first as Python runs them.
typedef struct {
  Node *n;
  LLVMValueRef list;
  int gen;  // the generator whose loop runs next
} Comp;

static void comp_level(Lower *L, Comp *c);

static void comp_step(Lower *L, LLVMValueRef item, void *arg) {
  (void)item;
  Comp *c = arg;
  Node *g = c->n->generators.data[c->gen];
  for (int i = 0; i < g->ifs.len; i++) {
    Node *cond = g->ifs.data[i];
    LLVMBasicBlockRef yes = new_block(L, "comp.if");
    LLVMBuildCondBr(L->b, truth(L, expr(L, cond), cond->ty), yes,
                    L->fs->loop->cont);
    move_to(L, yes);
  }
  c->gen++;
  comp_level(L, c);
  c->gen--;
}

static void comp_level(Lower *L, Comp *c) {
  Node *n = c->n;
  if (c->gen == n->generators.len) {
    LLVMValueRef v = convert(L, expr(L, n->elt), n->elt->ty, n->ty->elem);
    at(L, n);
    append_item(L, c->list, v, n->ty->elem, n->line);
    return;
  }
  Node *g = n->generators.data[c->gen];
  Iter it;
  open_iter(L, g->iter, g->range_loop, &it);
  iterate(L, &it, g->target, comp_step, c, NULL);
}

static LLVMValueRef listcomp(Lower *L, Node *n) {
  Comp c = {.n = n};
  c.list = new_list(L, n->ty->elem, i64c(L, 0), n->line);
  comp_level(L, &c);
  return c.list;
}

// The one entry for expressions, cases in NodeKind order. Every
// instruction built for n carries n's line and column.
static LLVMValueRef expr(Lower *L, Node *n) {
  LLVMMetadataRef outer = LLVMGetCurrentDebugLocation2(L->b);
  at(L, n);
  LLVMValueRef v;
  switch (n->kind) {
  case ND_BOOLOP: v = boolop(L, n); break;
  case ND_BINOP: v = binop(L, n); break;
  case ND_UNARYOP: v = unaryop(L, n); break;
  case ND_IFEXP: v = ifexp(L, n); break;
  case ND_LISTCOMP: v = listcomp(L, n); break;
  case ND_COMPARE: v = compare(L, n); break;
  case ND_CALL: v = call(L, n); break;
  case ND_CONSTANT: v = constant(L, n); break;
  case ND_ATTRIBUTE: v = attribute(L, n); break;
  case ND_SUBSCRIPT: v = subscript(L, n); break;
  case ND_NAME: v = name_load(L, n); break;
  case ND_LIST: v = list_display(L, n); break;
  case ND_TUPLE: v = tuple(L, n); break;
  case ND_CONVERT: v = convert(L, expr(L, n->value), n->value->ty, n->ty);
    break;
  default:
    diag_error_node(L->d, n, "%s expressions are not supported in compiled "
                    "code", node_kind_names[n->kind]);
  }
  if (outer)
    LLVMSetCurrentDebugLocation2(L->b, outer);
  return v;
}

// ---- statements -------------------------------------------------------------

// Stores v (of type vty) to an assignment target: a name, a list item
// (its list and index evaluated now, after the value, as Python does) or
// a tuple of targets.
static void assign_to(Lower *L, Node *target, LLVMValueRef v, Type *vty) {
  switch (target->kind) {
  case ND_NAME: {
    Var *var = target->var;
    if (!var || var->kind == VAR_CONST)
      diag_error_node(L->d, target, "cannot assign to '%s' here",
                      target->name);
    LLVMBuildStore(L->b, convert(L, v, vty, var->ty),
                   L->fs->slots[var->index]);
    return;
  }
  case ND_SUBSCRIPT: {
    expect_list(L, target->value);
    LLVMValueRef l = expr(L, target->value);
    Node *ix = target->index;
    LLVMValueRef i = convert(L, expr(L, ix), ix->ty, &ty_int);
    at(L, target);
    Type *elem = target->value->ty->elem;
    store_item(L, list_item_ptr(L, l, i, elem, target->line,
                                MSG_INDEX_ASSIGN),
               convert(L, v, vty, elem), elem);
    return;
  }
  case ND_TUPLE:
  case ND_LIST:
    if (kind_of(vty) == TY_TUPLE && vty->nitems == target->elts.len) {
      for (int i = 0; i < target->elts.len; i++)
        assign_to(L, target->elts.data[i],
                  LLVMBuildExtractValue(L->b, v, (unsigned)i, ""),
                  vty->items[i]);
      return;
    }
    break;
  default: break;
  }
  diag_error_node(L->d, target, "this assignment target is not supported");
}

// `t op= v`: a list item's list and index are evaluated once, the item
// read, v evaluated, and the result stored back (re-checking the index,
// since v may have changed the list).
static void augassign(Lower *L, Node *s) {
  Node *t = s->target, *val = s->value;
  if (t->kind == ND_NAME && t->var && t->var->kind != VAR_CONST) {
    LLVMValueRef slot = L->fs->slots[t->var->index];
    Type *ty = t->var->ty;
    LLVMValueRef cur = LLVMBuildLoad2(L->b, lltype(L, ty), slot, t->name);
    LLVMValueRef v = expr(L, val);
    at(L, s);
    LLVMBuildStore(L->b, arith(L, s->op, cur, ty, v, val->ty, ty, s->line),
                   slot);
    return;
  }
  if (t->kind != ND_SUBSCRIPT)
    diag_error_node(L->d, t, "this augmented assignment is not supported");
  expect_list(L, t->value);
  LLVMValueRef l = expr(L, t->value);
  LLVMValueRef i = convert(L, expr(L, t->index), t->index->ty, &ty_int);
  at(L, t);
  Type *elem = t->value->ty->elem;
  LLVMValueRef cur = load_item(
      L, list_item_ptr(L, l, i, elem, t->line, MSG_INDEX), elem);
  LLVMValueRef v = expr(L, val);
  at(L, s);
  LLVMValueRef r = arith(L, s->op, cur, elem, v, val->ty, elem, s->line);
  store_item(L, list_item_ptr(L, l, i, elem, t->line, MSG_INDEX_ASSIGN), r,
             elem);
}

static void run_body(Lower *L, LLVMValueRef item, void *arg) {
  (void)item;
  stmts(L, arg);
}

static void emit_parallel_for(Lower *L, Node *s);
static bool can_outline(Node *s);

static void for_stmt(Lower *L, Node *s) {
  if (s->parallel && s->range_loop && can_outline(s)) {
    emit_parallel_for(L, s);
    return;
  }
  Iter it;
  open_iter(L, s->iter, s->range_loop, &it);
  iterate(L, &it, s->target, run_body, &s->body, &s->orelse);
}

static void while_stmt(Lower *L, Node *s) {
  LLVMBasicBlockRef head = new_block(L, "while"), body = new_block(L, "body");
  LLVMBasicBlockRef other = new_block(L, "else");
  LLVMBasicBlockRef exit = new_block(L, "endwhile");
  LLVMBuildBr(L->b, head);
  move_to(L, head);
  LLVMBuildCondBr(L->b, truth(L, expr(L, s->test), s->test->ty), body, other);
  move_to(L, body);
  Loop loop = {.brk = exit, .cont = head, .outer = L->fs->loop};
  L->fs->loop = &loop;
  stmts(L, &s->body);
  L->fs->loop = loop.outer;
  branch_to(L, head);
  move_to(L, other);
  stmts(L, &s->orelse);
  branch_to(L, exit);
  move_to(L, exit);
}

static void if_stmt(Lower *L, Node *s) {
  LLVMBasicBlockRef yes = new_block(L, "then"), no = new_block(L, "else");
  LLVMBasicBlockRef done = new_block(L, "endif");
  LLVMBuildCondBr(L->b, truth(L, expr(L, s->test), s->test->ty), yes, no);
  move_to(L, yes);
  stmts(L, &s->body);
  branch_to(L, done);
  move_to(L, no);
  stmts(L, &s->orelse);
  branch_to(L, done);
  move_to(L, done);
}

static void return_stmt(Lower *L, Node *s) {
  if (s->value) {
    LLVMValueRef v = expr(L, s->value);
    at(L, s);
    if (L->fs->ret_slot)
      LLVMBuildStore(L->b, convert(L, v, s->value->ty, L->fs->ret),
                     L->fs->ret_slot);
  }
  LLVMBuildBr(L->b, L->fs->ret_bb);
  start_dead_block(L);
}

static void jump_stmt(Lower *L, Node *s) {
  if (!L->fs->loop)
    diag_error_node(L->d, s, "'%s' outside a loop",
                    s->kind == ND_BREAK ? "break" : "continue");
  LLVMBuildBr(L->b, s->kind == ND_BREAK ? L->fs->loop->brk
                                        : L->fs->loop->cont);
  start_dead_block(L);
}

static void stmt(Lower *L, Node *s) {
  at(L, s);
  switch (s->kind) {
  case ND_RETURN: return_stmt(L, s); break;
  case ND_ASSIGN: {
    LLVMValueRef v = expr(L, s->value);
    for (int i = 0; i < s->targets.len; i++)
      assign_to(L, s->targets.data[i], v, s->value->ty);
    break;
  }
  case ND_AUGASSIGN: augassign(L, s); break;
  case ND_ANNASSIGN:
    if (s->value)
      assign_to(L, s->target, expr(L, s->value), s->value->ty);
    break;
  case ND_FOR: for_stmt(L, s); break;
  case ND_WHILE: while_stmt(L, s); break;
  case ND_IF: if_stmt(L, s); break;
  case ND_IMPORT:
  case ND_IMPORTFROM:
  case ND_GLOBAL:
  case ND_PASS: break;
  case ND_EXPR:
    if (s->value->kind != ND_CONSTANT)  // docstrings compile to nothing
      expr(L, s->value);
    break;
  case ND_BREAK:
  case ND_CONTINUE: jump_stmt(L, s); break;
  case ND_PRINT:
    print_values(L, &s->values, s->nl, s);
    // Python 2's `print a,` is Python 3's print(a, end=" ") (refdriver.py)
    if (!s->nl)
      rt(L, "rt_print_sep", 1, L->fs->ctx);
    break;
  default:
    diag_error_node(L->d, s, "%s statements are not supported in compiled "
                    "code", node_kind_names[s->kind]);
  }
}

static void stmts(Lower *L, PtrVec *body) {
  for (int i = 0; i < body->len; i++)
    stmt(L, body->data[i]);
}

// ---- functions --------------------------------------------------------------

static LLVMMetadataRef new_subprogram(Lower *L, LLVMValueRef fn,
                                      const char *name, int line) {
  LLVMMetadataRef ty =
      LLVMDIBuilderCreateSubroutineType(L->di, L->difile, NULL, 0, 0);
  LLVMMetadataRef sp = LLVMDIBuilderCreateFunction(
      L->di, L->difile, name, strlen(name), name, strlen(name), L->difile,
      (unsigned)line, ty, false, true, (unsigned)line, LLVMDIFlagZero,
      L->opt->opt_level > 0);
  LLVMSetSubprogram(fn, sp);
  return sp;
}

// Function attributes every generated function carries: no unwinding (a
// Python exception is a flag, not a C++ throw) and the host CPU, so the
// optimiser and the JIT tune for the same machine.
static void add_fn_attrs(Lower *L, LLVMValueRef fn) {
  add_attr(L, fn, LLVMAttributeFunctionIndex, "nounwind", 0);
  LLVMAddAttributeAtIndex(
      fn, LLVMAttributeFunctionIndex,
      LLVMCreateStringAttribute(L->c, "target-cpu", 10, L->cpu,
                                (unsigned)strlen(L->cpu)));
  LLVMAddAttributeAtIndex(
      fn, LLVMAttributeFunctionIndex,
      LLVMCreateStringAttribute(L->c, "target-features", 15, L->features,
                                (unsigned)strlen(L->features)));
}

// Opens the blocks every function has: `entry` holding the allocas (it
// falls through to `start` once the function is done), and `return`.
static void open_function(Lower *L, FnState *fs, LLVMValueRef fn,
                          LLVMValueRef ctx, const char *name, int line) {
  fs->fn = fn;
  fs->ctx = ctx;
  L->fs = fs;
  fs->scope = new_subprogram(L, fn, name, line);
  fs->alloca_bb = new_block(L, "entry");
  fs->alloca_b = LLVMCreateBuilderInContext(L->c);
  LLVMPositionBuilderAtEnd(fs->alloca_b, fs->alloca_bb);
  LLVMBasicBlockRef start = new_block(L, "start");
  fs->ret_bb = new_block(L, "return");
  move_to(L, start);
  Node pos = {.line = line, .col = 1};
  at(L, &pos);
  fs->exc_flag = rt(L, "rt_exc_flag", 1, ctx);
  LLVMSetValueName2(fs->exc_flag, "exc.flag", 8);
}

// Ends the body (falling off the end returns the zeroed return slot, the
// 0 of None) and joins the alloca block to the code.
static void close_function(Lower *L, FnState *fs, LLVMBasicBlockRef start) {
  branch_to(L, fs->ret_bb);
  LLVMBuildBr(fs->alloca_b, start);
  LLVMDisposeBuilder(fs->alloca_b);
}

static LLVMTypeRef abi_type(Lower *L, const Type *t) {
  return kind_of(t) == TY_BOOL ? L->t_i8 : lltype(L, t);
}

// Declares f with the calling convention of rtabi.h.
static void declare_func(Lower *L, const Func *f) {
  LLVMTypeRef *params =
      arena_alloc(L->a, sizeof *params * (size_t)(2 * f->nparams + 1));
  int n = 0;
  params[n++] = L->t_ptr;
  for (int i = 0; i < f->nparams; i++) {
    Type *t = f->params[i]->ty;
    if (kind_of(t) == TY_COMPLEX)
      params[n++] = L->t_f64;
    params[n++] = kind_of(t) == TY_COMPLEX ? L->t_f64 : abi_type(L, t);
  }
  LLVMTypeRef ret = kind_of(f->ret) == TY_NONE ? L->t_void
                                               : abi_type(L, f->ret);
  LLVMValueRef fn = LLVMAddFunction(
      L->m, f->name, LLVMFunctionType(ret, params, (unsigned)n, false));
  add_fn_attrs(L, fn);
  if (kind_of(f->ret) == TY_BOOL)
    add_attr(L, fn, LLVMAttributeReturnIndex, "zeroext", 0);
  n = 1;
  LLVMSetValueName2(LLVMGetParam(fn, 0), "ctx", 3);
  for (int i = 0; i < f->nparams; i++) {
    Var *v = f->params[i];
    if (kind_of(v->ty) == TY_BOOL)
      add_attr(L, fn, (LLVMAttributeIndex)(n + 1), "zeroext", 0);
    LLVMValueRef p = LLVMGetParam(fn, (unsigned)n++);
    LLVMSetValueName2(p, v->name, strlen(v->name));
    if (kind_of(v->ty) == TY_COMPLEX)
      LLVMSetValueName2(LLVMGetParam(fn, (unsigned)n++), v->name,
                        strlen(v->name));
  }
}

// The allocas of f's variables (named after them), the parameters stored
// to theirs.
static void make_slots(Lower *L, FnState *fs, const Func *f) {
  fs->slots = arena_alloc(L->a, sizeof *fs->slots * (size_t)(f->vars.len + 1));
  for (int i = 0; i < f->vars.len; i++) {
    Var *v = f->vars.data[i];
    fs->slots[v->index] = entry_alloca(L, lltype(L, v->ty), v->name);
  }
}

static void store_params(Lower *L, FnState *fs, const Func *f) {
  unsigned n = 1;
  for (int i = 0; i < f->nparams; i++) {
    Var *v = f->params[i];
    LLVMValueRef x = LLVMGetParam(fs->fn, n++);
    if (kind_of(v->ty) == TY_COMPLEX)
      x = cplx(L, x, LLVMGetParam(fs->fn, n++));
    else if (kind_of(v->ty) == TY_BOOL)
      x = icmp(L, LLVMIntNE, x, LLVMConstInt(L->t_i8, 0, false));
    LLVMBuildStore(L->b, x, fs->slots[v->index]);
  }
}

static void emit_return_block(Lower *L, FnState *fs) {
  move_to(L, fs->ret_bb);
  if (!fs->ret_slot) {
    LLVMBuildRetVoid(L->b);
    return;
  }
  LLVMValueRef v = LLVMBuildLoad2(L->b, lltype(L, fs->ret), fs->ret_slot,
                                  "result");
  if (kind_of(fs->ret) == TY_BOOL)
    v = LLVMBuildZExt(L->b, v, L->t_i8, "");
  LLVMBuildRet(L->b, v);
}

static void define_func(Lower *L, const Func *f) {
  FnState fs = {.func = f, .ret = f->ret};
  LLVMValueRef fn = LLVMGetNamedFunction(L->m, f->name);
  open_function(L, &fs, fn, LLVMGetParam(fn, 0), f->name, f->def->line);
  LLVMBasicBlockRef start = LLVMGetInsertBlock(L->b);
  make_slots(L, &fs, f);
  if (kind_of(f->ret) != TY_NONE) {
    fs.ret_slot = entry_alloca(L, lltype(L, f->ret), "retval");
    LLVMBuildStore(L->b, zero_of(L, f->ret), fs.ret_slot);
  }
  store_params(L, &fs, f);
  stmts(L, &f->def->body);
  close_function(L, &fs, start);
  emit_return_block(L, &fs);
  L->fs = NULL;
}

// ---- parallel loops ---------------------------------------------------------

static bool has_return(PtrVec *body) {
  for (int i = 0; i < body->len; i++) {
    Node *s = body->data[i];
    if (s->kind == ND_RETURN)
      return true;
    if ((s->kind == ND_IF || s->kind == ND_FOR || s->kind == ND_WHILE) &&
        (has_return(&s->body) || has_return(&s->orelse)))
      return true;
  }
  return false;
}

// A break of this loop (not of a loop inside it).
static bool has_own_break(PtrVec *body) {
  for (int i = 0; i < body->len; i++) {
    Node *s = body->data[i];
    if (s->kind == ND_BREAK)
      return true;
    if (s->kind == ND_IF &&
        (has_own_break(&s->body) || has_own_break(&s->orelse)))
      return true;
  }
  return false;
}

// parallel.c proved the iterations independent; a loop that can leave the
// function or stop early still runs serially, since its chunks could not
// tell each other.
static bool can_outline(Node *s) {
  return !has_return(&s->body) && !has_own_break(&s->body);
}

// The environment an outlined body receives: the range's start and step,
// then a pointer to every variable of the enclosing function.
static LLVMTypeRef env_type(Lower *L, int nvars) {
  LLVMTypeRef fields[3] = {L->t_i64, L->t_i64,
                           LLVMArrayType2(L->t_ptr, (uint64_t)nvars)};
  return LLVMStructTypeInContext(L->c, fields, 3, false);
}

static LLVMValueRef env_field(Lower *L, LLVMTypeRef et, LLVMValueRef env,
                              int field, int index) {
  LLVMValueRef idx[3] = {i32c(L, 0), i32c(L, field), i64c(L, index)};
  return LLVMBuildGEP2(L->b, et, env, idx, field == 2 ? 3 : 2, "");
}

// NAME.body(env, ctx, lo, hi): iterations lo..hi-1 of the loop. Each
// variable is a private copy, read from the enclosing function on entry:
// the loop only reads the ones it does not write (parallel.c's guarantee),
// and lists are shared through their pointers.
static LLVMValueRef outline_body(Lower *L, Node *s, LLVMTypeRef et) {
  FnState *outer = L->fs;
  const Func *f = outer->func;
  LLVMTypeRef params[4] = {L->t_ptr, L->t_ptr, L->t_i64, L->t_i64};
  const char *name = arena_sprintf(L->a, "%s.body", f->name);
  LLVMValueRef fn = LLVMAddFunction(
      L->m, name, LLVMFunctionType(L->t_void, params, 4, false));
  LLVMSetLinkage(fn, LLVMInternalLinkage);
  add_fn_attrs(L, fn);
  const char *pnames[4] = {"env", "ctx", "lo", "hi"};
  for (unsigned i = 0; i < 4; i++)
    LLVMSetValueName2(LLVMGetParam(fn, i), pnames[i], strlen(pnames[i]));
  FnState fs = {.func = f, .ret = &ty_none};
  open_function(L, &fs, fn, LLVMGetParam(fn, 1), name, s->line);
  LLVMBasicBlockRef start = LLVMGetInsertBlock(L->b);
  make_slots(L, &fs, f);
  LLVMValueRef env = LLVMGetParam(fn, 0);
  for (int i = 0; i < f->vars.len; i++) {
    Var *v = f->vars.data[i];
    LLVMValueRef p = LLVMBuildLoad2(L->b, L->t_ptr,
                                    env_field(L, et, env, 2, v->index), "");
    LLVMBuildStore(L->b, LLVMBuildLoad2(L->b, lltype(L, v->ty), p, v->name),
                   fs.slots[v->index]);
  }
  Iter it = {.is_range = true, .elem = &ty_int};
  it.start = LLVMBuildLoad2(L->b, L->t_i64, env_field(L, et, env, 0, 0),
                            "start");
  it.step = LLVMBuildLoad2(L->b, L->t_i64, env_field(L, et, env, 1, 0),
                           "step");
  it.first = LLVMGetParam(fn, 2);
  it.count = LLVMGetParam(fn, 3);
  iterate(L, &it, s->target, run_body, &s->body, NULL);
  close_function(L, &fs, start);
  emit_return_block(L, &fs);
  L->fs = outer;
  return fn;
}

// A For marked parallel: the range is evaluated here, the body runs as
// NAME.body on the worker threads, and afterwards the target holds the
// last value, as after the serial loop.
static void emit_parallel_for(Lower *L, Node *s) {
  Iter it;
  open_iter(L, s->iter, true, &it);
  const Func *f = L->fs->func;
  LLVMTypeRef et = env_type(L, f->vars.len);
  LLVMValueRef env = entry_alloca(L, et, "env");
  LLVMBuildStore(L->b, it.start, env_field(L, et, env, 0, 0));
  LLVMBuildStore(L->b, it.step, env_field(L, et, env, 1, 0));
  for (int i = 0; i < f->vars.len; i++) {
    Var *v = f->vars.data[i];
    LLVMBuildStore(L->b, L->fs->slots[v->index],
                   env_field(L, et, env, 2, v->index));
  }
  LLVMBasicBlockRef here = LLVMGetInsertBlock(L->b);
  LLVMMetadataRef loc = LLVMGetCurrentDebugLocation2(L->b);
  LLVMValueRef body = outline_body(L, s, et);
  move_to(L, here);
  LLVMSetCurrentDebugLocation2(L->b, loc);
  rt(L, "rt_parallel_for", 4, L->fs->ctx, body, env, it.count);
  check_exc(L);
  LLVMBasicBlockRef last = new_block(L, "par.last");
  LLVMBasicBlockRef done = new_block(L, "par.done");
  LLVMBuildCondBr(L->b, icmp(L, LLVMIntNE, it.count, i64c(L, 0)), last,
                  done);
  move_to(L, last);
  LLVMValueRef k = LLVMBuildSub(L->b, it.count, i64c(L, 1), "");
  assign_to(L, s->target,
            LLVMBuildAdd(L->b, it.start, LLVMBuildMul(L->b, k, it.step, ""),
                         ""),
            &ty_int);
  LLVMBuildBr(L->b, done);
  move_to(L, done);
  stmts(L, &s->orelse);
}

// ---- the module -------------------------------------------------------------

LLVMTargetMachineRef llvm_host_machine(int opt_level, char **err) {
  LLVMInitializeNativeTarget();
  LLVMInitializeNativeAsmPrinter();
  char *triple = LLVMGetDefaultTargetTriple();
  LLVMTargetRef target;
  LLVMTargetMachineRef tm = NULL;
  if (!LLVMGetTargetFromTriple(triple, &target, err)) {
    char *cpu = LLVMGetHostCPUName(), *features = LLVMGetHostCPUFeatures();
    LLVMCodeGenOptLevel level = opt_level <= 0   ? LLVMCodeGenLevelNone
                                : opt_level == 1 ? LLVMCodeGenLevelLess
                                : opt_level == 2 ? LLVMCodeGenLevelDefault
                                                 : LLVMCodeGenLevelAggressive;
    tm = LLVMCreateTargetMachine(target, triple, cpu, features, level,
                                 LLVMRelocDefault, LLVMCodeModelJITDefault);
    LLVMDisposeMessage(cpu);
    LLVMDisposeMessage(features);
  }
  LLVMDisposeMessage(triple);
  return tm;
}

static void init_types(Lower *L) {
  LLVMContextRef c = L->c;
  L->t_void = LLVMVoidTypeInContext(c);
  L->t_i1 = LLVMInt1TypeInContext(c);
  L->t_i8 = LLVMInt8TypeInContext(c);
  L->t_i32 = LLVMInt32TypeInContext(c);
  L->t_i64 = LLVMInt64TypeInContext(c);
  L->t_f64 = LLVMDoubleTypeInContext(c);
  L->t_ptr = LLVMPointerTypeInContext(c, 0);
  LLVMTypeRef two[2] = {L->t_f64, L->t_f64};
  L->t_cplx = LLVMStructCreateNamed(c, "RtComplex");
  LLVMStructSetBody(L->t_cplx, two, 2, false);
  LLVMTypeRef list[4] = {L->t_i64, L->t_i64, L->t_i64, L->t_ptr};
  L->t_list = LLVMStructCreateNamed(c, "RtList");
  LLVMStructSetBody(L->t_list, list, 4, false);
  LLVMTypeRef str[2] = {L->t_i64, L->t_ptr};
  L->t_str = LLVMStructCreateNamed(c, "RtStr");
  LLVMStructSetBody(L->t_str, str, 2, false);
}

// One scalar TBAA type (and its access tag) under mandelc's root.
static LLVMValueRef tbaa_tag(Lower *L, LLVMMetadataRef root,
                             const char *name) {
  LLVMMetadataRef zero = LLVMValueAsMetadata(i64c(L, 0));
  LLVMMetadataRef ty[3] = {LLVMMDStringInContext2(L->c, name, strlen(name)),
                           root, zero};
  LLVMMetadataRef node = LLVMMDNodeInContext2(L->c, ty, 3);
  LLVMMetadataRef tag[3] = {node, node, zero};
  return LLVMMetadataAsValue(L->c, LLVMMDNodeInContext2(L->c, tag, 3));
}

static void init_tbaa(Lower *L) {
  LLVMMetadataRef name = LLVMMDStringInContext2(L->c, "mandelc", 7);
  LLVMMetadataRef root = LLVMMDNodeInContext2(L->c, &name, 1);
  L->tbaa_header = tbaa_tag(L, root, "RtList header");
  L->tbaa_exc = tbaa_tag(L, root, "RtContext exc");
  static const char *const items[] = {
      [TY_NONE] = "item none", [TY_BOOL] = "item bool",
      [TY_INT] = "item int", [TY_FLOAT] = "item float",
      [TY_COMPLEX] = "item complex", [TY_STR] = "item str",
      [TY_LIST] = "item list", [TY_TUPLE] = "item tuple"};
  for (int k = 0; k <= TY_TUPLE; k++)
    L->tbaa_item[k] = tbaa_tag(L, root, items[k]);
}

// The compile unit for kernel.py and the module flags debug info needs.
static void init_debug_info(Lower *L) {
  L->di = LLVMCreateDIBuilder(L->m);
  const char *file = L->p->file ? L->p->file : "kernel.py";
  L->difile = LLVMDIBuilderCreateFile(L->di, file, strlen(file), ".", 1);
  LLVMDIBuilderCreateCompileUnit(
      L->di, LLVMDWARFSourceLanguagePython, L->difile, "mandelc", 7,
      L->opt->opt_level > 0, "", 0, 0, "", 0, LLVMDWARFEmissionLineTablesOnly,
      0, false, false, "", 0, "", 0);
  LLVMValueRef version = i32c(L, LLVMDebugMetadataVersion());
  LLVMAddModuleFlag(L->m, LLVMModuleFlagBehaviorWarning, "Debug Info Version",
                    18, LLVMValueAsMetadata(version));
  LLVMAddModuleFlag(L->m, LLVMModuleFlagBehaviorWarning, "Dwarf Version", 13,
                    LLVMValueAsMetadata(i32c(L, 4)));
}

static void dispose_lower(Lower *L) {
  if (L->di)
    LLVMDisposeDIBuilder(L->di);
  if (L->b)
    LLVMDisposeBuilder(L->b);
  if (L->cpu)
    LLVMDisposeMessage(L->cpu);
  if (L->features)
    LLVMDisposeMessage(L->features);
  L->di = NULL;
  L->b = NULL;
  L->cpu = L->features = NULL;
}

void llvm_dispose(LlvmUnit *u) {
  if (!u)
    return;
  if (u->mod)
    LLVMDisposeModule(u->mod);
  if (u->ctx)
    LLVMContextDispose(u->ctx);
  if (u->tm)
    LLVMDisposeTargetMachine(u->tm);
  free(u);
}

static const CompileOptions default_options = {.simd = true, .opt_level = 3};

LlvmUnit *llvm_lower(Arena *a, Diag *d, const Program *p,
                     const CompileOptions *opt) {
  // volatile: u must survive the longjmp back to the setjmp below
  LlvmUnit *volatile u = calloc(1, sizeof *u);
  Lower *const L = arena_alloc(a, sizeof *L);
  if (!u)
    return NULL;
  if (setjmp(d->jmp)) {
    dispose_lower(L);
    llvm_dispose(u);
    return NULL;
  }
  char *err = NULL;
  u->tm = llvm_host_machine(opt ? opt->opt_level : 3, &err);
  if (!u->tm)
    diag_error_at(d, 1, 1, "internal error: no LLVM target for this host: %s",
                  err ? err : "?");
  *L = (Lower){.a = a, .d = d, .p = p, .opt = opt ? opt : &default_options};
  u->ctx = L->c = LLVMContextCreate();
  const char *file = p->file ? p->file : "kernel.py";
  u->mod = L->m = LLVMModuleCreateWithNameInContext(file, L->c);
  char *triple = LLVMGetTargetMachineTriple(u->tm);
  LLVMSetTarget(L->m, triple);
  LLVMDisposeMessage(triple);
  LLVMTargetDataRef layout = LLVMCreateTargetDataLayout(u->tm);
  LLVMSetModuleDataLayout(L->m, layout);
  LLVMDisposeTargetData(layout);
  L->cpu = LLVMGetHostCPUName();
  L->features = LLVMGetHostCPUFeatures();
  L->b = LLVMCreateBuilderInContext(L->c);
  init_types(L);
  init_tbaa(L);
  init_debug_info(L);
  for (int i = 0; i < p->funcs.len; i++)
    declare_func(L, p->funcs.data[i]);
  for (int i = 0; i < p->funcs.len; i++)
    define_func(L, p->funcs.data[i]);
  LLVMDIBuilderFinalize(L->di);
  dispose_lower(L);
  return u;
}

// Reports an LLVM failure: these are mandelc's bugs, not the user's.
static bool internal_error(Diag *d, const char *what, char *msg) {
  fprintf(d->out ? d->out : stderr, "%s: internal error: %s: %s\n",
          d->file ? d->file : "mandelc", what, msg ? msg : "");
  d->nerrors++;
  return false;
}

// The IR must verify first: a module that does not is a lowering bug, and
// the optimiser would only make it harder to see.
bool llvm_optimize(LlvmUnit *u, Diag *d, const CompileOptions *opt) {
  if (!opt)
    opt = &default_options;
  char *msg = NULL;
  if (LLVMVerifyModule(u->mod, LLVMReturnStatusAction, &msg)) {
    internal_error(d, "the LLVM IR does not verify", msg);
    LLVMDisposeMessage(msg);
    return false;
  }
  LLVMDisposeMessage(msg);
  int level = opt->opt_level < 0 ? 0 : opt->opt_level > 3 ? 3 : opt->opt_level;
  char passes[32];
  snprintf(passes, sizeof passes, "default<O%d>", level);
  LLVMPassBuilderOptionsRef po = LLVMCreatePassBuilderOptions();
  if (!opt->simd) {
    LLVMPassBuilderOptionsSetLoopVectorization(po, false);
    LLVMPassBuilderOptionsSetSLPVectorization(po, false);
  }
  LLVMErrorRef err = LLVMRunPasses(u->mod, passes, u->tm, po);
  LLVMDisposePassBuilderOptions(po);
  if (err) {
    msg = LLVMGetErrorMessage(err);
    internal_error(d, "the LLVM optimiser failed", msg);
    LLVMDisposeErrorMessage(msg);
    return false;
  }
  return true;
}

char *llvm_emit_ir(LlvmUnit *u, Arena *a) {
  char *s = LLVMPrintModuleToString(u->mod);
  char *r = arena_strndup(a, s, strlen(s));
  LLVMDisposeMessage(s);
  return r;
}

char *llvm_emit_asm(LlvmUnit *u, Arena *a, Diag *d) {
  LLVMMemoryBufferRef buf = NULL;
  char *err = NULL;
  if (LLVMTargetMachineEmitToMemoryBuffer(u->tm, u->mod, LLVMAssemblyFile,
                                          &err, &buf)) {
    internal_error(d, "LLVM could not emit assembly", err);
    LLVMDisposeMessage(err);
    return NULL;
  }
  char *r = arena_strndup(a, LLVMGetBufferStart(buf), LLVMGetBufferSize(buf));
  LLVMDisposeMemoryBuffer(buf);
  return r;
}

void llvm_take_module(LlvmUnit *u, LLVMContextRef *ctx, LLVMModuleRef *mod) {
  *ctx = u->ctx;
  *mod = u->mod;
  u->ctx = NULL;
  u->mod = NULL;
}
