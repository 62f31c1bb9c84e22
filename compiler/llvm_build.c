// llvm_build.c - the LLVM lowering's building blocks.
//
// Python types as LLVM types, constants, blocks and branches, the runtime
// helpers of rtabi.h declared on first use (with the attributes that let
// LLVM optimise around them), and exceptions. A Python exception is a call
// of rt_raise followed by a branch to the function's shared return block;
// callers check the context's exception flag after every call that may
// raise and return too. So the normal path of every check is one compare
// and one branch, and the raise sits in a cold block (rt_raise is `cold`).
#include "llvm_lower.h"

// ---- types and constants ---------------------------------------------------


// The SSA type of a value of type t.
LLVMTypeRef ll_type(Lower *L, const Type *t) {
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
      items[i] = ll_type(L, t->items[i]);
    return LLVMStructTypeInContext(L->c, items, t->nitems, false);
  }
  case TY_NONE: break;
  }
  return L->t_i8;
}

// Whether LLVM's data layout puts a value of LLVM type `ty` where
// layout.c puts a value of type t: the same size (the stride of a GEP
// over list elements), alignment and, in a tuple, item offsets.
static bool agrees_with_layout(Lower *L, LLVMTypeRef ty, const Type *t) {
  LLVMTargetDataRef td = LLVMGetModuleDataLayout(L->m);
  Layout want = layout_of(t);
  if ((int64_t)LLVMABISizeOfType(td, ty) != want.size ||
      (int64_t)LLVMABIAlignmentOfType(td, ty) != want.align)
    return false;
  if (kind_of(t) != TY_TUPLE)
    return true;
  for (int i = 0; i < t->nitems; i++)
    if ((int64_t)LLVMOffsetOfElement(td, ty, (unsigned)i) !=
            layout_offset(t, i) ||
        !agrees_with_layout(L, LLVMStructGetTypeAtIndex(ty, (unsigned)i),
                            t->items[i]))
      return false;
  return true;
}

// The type of a list element in memory (bool is one byte, rtabi.h). Its
// size, the stride of every element GEP, is layout.c's, which is also
// what rt_list_new allocates (ll_new_list): checked here, on every use,
// because a disagreement would write past the end of each list.
LLVMTypeRef ll_elem_type(Lower *L, const Type *t) {
  LLVMTypeRef ty = kind_of(t) == TY_BOOL ? L->t_i8 : ll_type(L, t);
  if (!agrees_with_layout(L, ty, t))
    diag_error_at(L->d, 1, 1, "internal error: LLVM lays out %s other than "
                  "layout.c", type_name(L->a, t));
  return ty;
}


LLVMValueRef ll_zero_of(Lower *L, const Type *t) {
  return LLVMConstNull(ll_type(L, t));
}

// ---- builder helpers -------------------------------------------------------





// After a return, break or raise: code that follows lands in a block no
// branch reaches, which LLVM deletes.
void ll_start_dead_block(Lower *L) {
  move_to(L, new_block(L, "dead"));
}

// Tags a load or store with its TBAA access type (see Lower).
LLVMValueRef ll_tbaa(Lower *L, LLVMValueRef inst, LLVMValueRef tag) {
  LLVMSetMetadata(inst, LLVMGetMDKindIDInContext(L->c, "tbaa", 4), tag);
  return inst;
}

LLVMValueRef ll_entry_alloca(Lower *L, LLVMTypeRef t, const char *name) {
  return LLVMBuildAlloca(L->fs->alloca_b, t, name);
}

LLVMValueRef ll_phi2(Lower *L, LLVMTypeRef t, LLVMValueRef a,
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
LLVMValueRef ll_intrinsic(Lower *L, const char *name, LLVMTypeRef over, int n,
                          LLVMValueRef *args) {
  unsigned id = LLVMLookupIntrinsicID(name, strlen(name));
  assert(id != 0 && "unknown intrinsic");
  LLVMValueRef fn = LLVMGetIntrinsicDeclaration(L->m, id, &over, 1);
  LLVMTypeRef fty = LLVMIntrinsicGetType(L->c, id, &over, 1);
  return LLVMBuildCall2(L->b, fty, fn, args, (unsigned)n, "");
}

LLVMValueRef ll_intrinsic1(Lower *L, const char *name, LLVMValueRef x) {
  return fmath(L, ll_intrinsic(L, name, LLVMTypeOf(x), 1, &x));
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
    {"rt_parallel_for", "vpppl"},   {"rt_int_true_div", "dll"},
    {"rt_poll", "vp"},
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

void ll_add_attr(Lower *L, LLVMValueRef fn, LLVMAttributeIndex i,
                 const char *name, uint64_t val) {
  unsigned kind = LLVMGetEnumAttributeKindForName(name, strlen(name));
  LLVMAddAttributeAtIndex(fn, i, LLVMCreateEnumAttribute(L->c, kind, val));
}

// Declares the helper on first use. rt_exc_flag only computes an address
// and rt_int_true_div only divides, so they are memory(none) and LLVM may
// hoist or merge their calls; rt_raise is cold, which keeps every raise
// block out of the hot path.
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
  ll_add_attr(L, fn, LLVMAttributeFunctionIndex, "nounwind", 0);
  for (int i = 0; i < n; i++)
    if (d->sig[i + 1] == 'b')
      ll_add_attr(L, fn, (LLVMAttributeIndex)(i + 1), "zeroext", 0);
  if (!strcmp(d->name, "rt_exc_flag") ||
      !strcmp(d->name, "rt_int_true_div")) {
    ll_add_attr(L, fn, LLVMAttributeFunctionIndex, "memory", 0);
    ll_add_attr(L, fn, LLVMAttributeFunctionIndex, "willreturn", 0);
  } else if (!strcmp(d->name, "rt_raise")) {
    ll_add_attr(L, fn, LLVMAttributeFunctionIndex, "cold", 0);
  }
  return fn;
}

// ll_rt(L, "rt_print_int", 2, ctx, v): a call of a runtime helper.
LLVMValueRef ll_rt(Lower *L, const char *name, int n, ...) {
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
void ll_unlikely(Lower *L, LLVMValueRef br) {
  LLVMMetadataRef md[3] = {
      LLVMMDStringInContext2(L->c, "branch_weights", 14),
      LLVMValueAsMetadata(i32c(L, 1)),
      LLVMValueAsMetadata(i32c(L, 2000)),
  };
  unsigned kind = LLVMGetMDKindIDInContext(L->c, "prof", 4);
  LLVMSetMetadata(br, kind,
                  LLVMMetadataAsValue(L->c, LLVMMDNodeInContext2(L->c, md, 3)));
}

LLVMValueRef ll_cstring(Lower *L, const char *s) {
  return LLVMBuildGlobalString(L->b, s, ".msg");
}

// Raises exc with CPython's message and leaves the function (the current
// block ends here).
static void emit_raise(Lower *L, RtExc exc, int line, const char *msg) {
  ll_rt(L, "rt_raise", 4, L->fs->ctx, i32c(L, exc), i32c(L, line),
        ll_cstring(L, msg));
  LLVMBuildBr(L->b, L->fs->ret_bb);
}

// Raises exc when `bad` (an i1) is true; code goes on in the other case.
void ll_check(Lower *L, LLVMValueRef bad, RtExc exc, int line,
              const char *msg) {
  if (LLVMIsAConstantInt(bad) && LLVMConstIntGetZExtValue(bad) == 0)
    return;
  LLVMBasicBlockRef fail = new_block(L, "raise"), ok = new_block(L, "ok");
  ll_unlikely(L, LLVMBuildCondBr(L->b, bad, fail, ok));
  move_to(L, fail);
  emit_raise(L, exc, line, msg);
  move_to(L, ok);
}

// After a call that may raise: leave the function if it did.
void ll_check_exc(Lower *L) {
  LLVMValueRef e = LLVMBuildLoad2(L->b, L->t_i32, L->fs->exc_flag, "exc");
  ll_tbaa(L, e, L->tbaa_exc);
  LLVMValueRef bad = LLVMBuildICmp(L->b, LLVMIntNE, e, i32c(L, 0), "");
  LLVMBasicBlockRef ok = new_block(L, "ok");
  ll_unlikely(L, LLVMBuildCondBr(L->b, bad, L->fs->ret_bb, ok));
  move_to(L, ok);
}

// ---- UnboundLocalError ------------------------------------------------------

// The i1 "assigned" flag of v (a Var that needs one, infer_bound.c): made
// on first use in the function's entry block, false there.
static LLVMValueRef bound_slot(Lower *L, const Var *v) {
  FnState *fs = L->fs;
  if (!fs->bound)
    fs->bound = arena_alloc(
        L->a, sizeof *fs->bound * (size_t)(fs->func->vars.len + 1));
  if (!fs->bound[v->index]) {
    const char *name = arena_sprintf(L->a, "%s.bound", v->name);
    fs->bound[v->index] = LLVMBuildAlloca(fs->alloca_b, L->t_i1, name);
    LLVMBuildStore(fs->alloca_b, LLVMConstInt(L->t_i1, 0, false),
                   fs->bound[v->index]);
  }
  return fs->bound[v->index];
}

void ll_set_bound(Lower *L, const Var *v) {
  if (v->needs_flag)
    LLVMBuildStore(L->b, LLVMConstInt(L->t_i1, 1, false), bound_slot(L, v));
}

// Before a read that may find the variable unassigned: CPython's error.
void ll_check_bound(Lower *L, const Node *name) {
  const Var *v = name->var;
  if (!name->maybe_unbound || !v)
    return;
  LLVMValueRef set =
      LLVMBuildLoad2(L->b, L->t_i1, bound_slot(L, v), "");
  ll_check(L, LLVMBuildNot(L->b, set, ""), RT_EXC_UNBOUND_LOCAL, name->line,
           arena_sprintf(L->a, "cannot access local variable '%s' where "
                         "it is not associated with a value", v->name));
}

bool ll_needs_flags(const Func *f) {
  for (int i = 0; i < f->vars.len; i++)
    if (((const Var *)f->vars.data[i])->needs_flag)
      return true;
  return false;
}
