// llvm.c - typed AST to LLVM IR, through the LLVM C API: the module.
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
//
// This file holds the entry points of compiler.h and what is made once per
// module or function (types, TBAA, debug info, the calling convention);
// llvm_lower.h names the files that lower the code inside functions.
//
// A run compiles on two cores (llvm_split): the vector form of a kernel
// costs most of the optimiser's and the code generator's time, the scalar
// functions the rest, and the two need nothing of each other but a few
// symbols. So the module is cut in two between them, each part in its own
// LLVMContext (a context is one thread's), and llvm_optimize and
// llvm_emit_objects work on the parts at once, one thread each.
#include <pthread.h>

#include <llvm-c/BitReader.h>
#include <llvm-c/BitWriter.h>

#include "llvm_lower.h"

// A run's module is cut into at most this many parts (see llvm_split).
#define MAX_PARTS 2

// A part of the program: its module in a context of its own, and the
// TargetMachine that the thread working on it made (at level tm_level).
typedef struct {
  LLVMContextRef ctx;
  LLVMModuleRef mod;
  LLVMTargetMachineRef tm;
  int tm_level;
} Part;

struct LlvmUnit {
  LLVMContextRef ctx;  // part 0, owned until llvm_take_module hands it over
  LLVMModuleRef mod;
  LLVMTargetMachineRef tm;  // for optimising and --emit=asm
  int tm_level;
  const char *cpu;          // CompileOptions.cpu: what every tm is for
  bool debug_lines;         // CompileOptions.debug_lines: llvm_split keeps
                            // the line table
  // parts[0] is ctx and mod; parts[1] is made from `bitcode`, the module
  // as llvm_split found it, by the first thread to work on it.
  Part parts[MAX_PARTS];
  LLVMMemoryBufferRef bitcode;
  // After llvm_optimize of a cut unit: each part's object file, made by
  // the thread that optimised it, until llvm_emit_objects hands them over.
  LLVMMemoryBufferRef objs[MAX_PARTS];
  int nparts;     // 1, or how many llvm_split made
  bool verified;  // llvm_split verified the module before cutting it
  char *notes;    // what the lowering said with -v (malloc'd)
};

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
void ll_add_fn_attrs(Lower *L, LLVMValueRef fn) {
  ll_add_attr(L, fn, LLVMAttributeFunctionIndex, "nounwind", 0);
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
void ll_open_function(Lower *L, FnState *fs, LLVMValueRef fn, LLVMValueRef ctx,
                      const char *name, int line) {
  fs->fn = fn;
  fs->ctx = ctx;
  L->fs = fs;
  fs->scope = new_subprogram(L, fn, name, line);
  fs->alloca_bb = new_block(L, "entry");
  fs->alloca_b = LLVMCreateBuilderInContext(L->c);
  vec_push(L->a, &L->builders, fs->alloca_b);
  LLVMPositionBuilderAtEnd(fs->alloca_b, fs->alloca_bb);
  LLVMBasicBlockRef start = new_block(L, "start");
  fs->ret_bb = new_block(L, "return");
  move_to(L, start);
  Node pos = {.line = line, .col = 1};
  at(L, &pos);
  fs->exc_flag = ll_rt(L, "rt_exc_flag", 1, ctx);
  LLVMSetValueName2(fs->exc_flag, "exc.flag", 8);
}

// Ends the body (falling off the end returns the zeroed return slot, the
// 0 of None) and joins the alloca block to the code.
void ll_close_function(Lower *L, FnState *fs, LLVMBasicBlockRef start) {
  branch_to(L, fs->ret_bb);
  LLVMBuildBr(fs->alloca_b, start);  // the builder goes with the Lower
}

static LLVMTypeRef abi_type(Lower *L, const Type *t) {
  return kind_of(t) == TY_BOOL ? L->t_i8 : ll_type(L, t);
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
  ll_add_fn_attrs(L, fn);
  if (kind_of(f->ret) == TY_BOOL)
    ll_add_attr(L, fn, LLVMAttributeReturnIndex, "zeroext", 0);
  n = 1;
  LLVMSetValueName2(LLVMGetParam(fn, 0), "ctx", 3);
  for (int i = 0; i < f->nparams; i++) {
    Var *v = f->params[i];
    if (kind_of(v->ty) == TY_BOOL)
      ll_add_attr(L, fn, (LLVMAttributeIndex)(n + 1), "zeroext", 0);
    LLVMValueRef p = LLVMGetParam(fn, (unsigned)n++);
    LLVMSetValueName2(p, v->name, strlen(v->name));
    if (kind_of(v->ty) == TY_COMPLEX)
      LLVMSetValueName2(LLVMGetParam(fn, (unsigned)n++), v->name,
                        strlen(v->name));
  }
}

// The allocas of f's variables (named after them), the parameters stored
// to theirs.
void ll_make_slots(Lower *L, FnState *fs, const Func *f) {
  fs->slots = arena_alloc(L->a, sizeof *fs->slots * (size_t)(f->vars.len + 1));
  for (int i = 0; i < f->vars.len; i++) {
    Var *v = f->vars.data[i];
    fs->slots[v->index] = ll_entry_alloca(L, ll_type(L, v->ty), v->name);
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

void ll_emit_return_block(Lower *L, FnState *fs) {
  move_to(L, fs->ret_bb);
  if (!fs->ret_slot) {
    LLVMBuildRetVoid(L->b);
    return;
  }
  LLVMValueRef v =
      LLVMBuildLoad2(L->b, ll_type(L, fs->ret), fs->ret_slot, "result");
  if (kind_of(fs->ret) == TY_BOOL)
    v = LLVMBuildZExt(L->b, v, L->t_i8, "");
  LLVMBuildRet(L->b, v);
}

static void define_func(Lower *L, const Func *f) {
  FnState fs = {.func = f, .ret = f->ret};
  LLVMValueRef fn = LLVMGetNamedFunction(L->m, f->name);
  ll_open_function(L, &fs, fn, LLVMGetParam(fn, 0), f->name, f->def->line);
  LLVMBasicBlockRef start = LLVMGetInsertBlock(L->b);
  ll_make_slots(L, &fs, f);
  if (kind_of(f->ret) != TY_NONE) {
    fs.ret_slot = ll_entry_alloca(L, ll_type(L, f->ret), "retval");
    LLVMBuildStore(L->b, ll_zero_of(L, f->ret), fs.ret_slot);
  }
  store_params(L, &fs, f);
  ll_stmts(L, &f->def->body);
  ll_close_function(L, &fs, start);
  ll_emit_return_block(L, &fs);
  L->fs = NULL;
}

// ---- the module -------------------------------------------------------------

// ---- the CPU the code is for (--mcpu) ---------------------------------------

static const char *const known_cpus[] = {
#define X(name) name,
#include "llvm_cpus.h"
#undef X
};

static bool is_native(const char *cpu) {
  return !cpu || strcmp(cpu, "native") == 0;
}

bool llvm_cpu_known(const char *name) {
  if (is_native(name))
    return true;
  for (size_t i = 0; i < sizeof known_cpus / sizeof *known_cpus; i++)
    if (strcmp(name, known_cpus[i]) == 0)
      return true;
  return false;
}

char *llvm_cpu_name(const char *cpu) {
  if (!is_native(cpu))
    return strdup(cpu);
  char *host = LLVMGetHostCPUName(), *name = strdup(host);
  LLVMDisposeMessage(host);
  return name;
}

// The CPU's name and features as LLVMCreateTargetMachine and the function
// attributes take them (disposed with LLVMDisposeMessage): the host's, or
// a named CPU with no features added (the CPU's own).
static void cpu_and_features(const char *cpu, char **name, char **features) {
  if (is_native(cpu)) {
    *name = LLVMGetHostCPUName();
    *features = LLVMGetHostCPUFeatures();
  } else {
    *name = LLVMCreateMessage(cpu);
    *features = LLVMCreateMessage("");
  }
}

// llvm_target_machine without setting LLVM's native target up: a thread
// other than the first may call it once llvm_target_machine has run.
static LLVMTargetMachineRef new_machine(const char *cpu, int opt_level,
                                        char **err) {
  char *triple = LLVMGetDefaultTargetTriple();
  LLVMTargetRef target;
  LLVMTargetMachineRef tm = NULL;
  if (!LLVMGetTargetFromTriple(triple, &target, err)) {
    char *name, *features;
    cpu_and_features(cpu, &name, &features);
    LLVMCodeGenOptLevel level = opt_level <= 0   ? LLVMCodeGenLevelNone
                                : opt_level == 1 ? LLVMCodeGenLevelLess
                                : opt_level == 2 ? LLVMCodeGenLevelDefault
                                                 : LLVMCodeGenLevelAggressive;
    tm = LLVMCreateTargetMachine(target, triple, name, features, level,
                                 LLVMRelocDefault, LLVMCodeModelJITDefault);
    LLVMDisposeMessage(name);
    LLVMDisposeMessage(features);
  }
  LLVMDisposeMessage(triple);
  return tm;
}

LLVMTargetMachineRef llvm_target_machine(const char *cpu, int opt_level,
                                         char **err) {
  LLVMInitializeNativeTarget();
  LLVMInitializeNativeAsmPrinter();
  return new_machine(cpu, opt_level, err);
}

// How many doubles one vector register of tm's CPU holds: 8 with AVX-512,
// 4 with AVX, else 2. For the host its feature string says; a named CPU's
// features are not in the C API, so its code generator is asked: the
// registers it gives an <8 x double> add (zmm, ymm or xmm).
static unsigned probe_vector_doubles(LLVMTargetMachineRef tm) {
  LLVMContextRef c = LLVMContextCreate();
  LLVMModuleRef m = LLVMModuleCreateWithNameInContext("probe", c);
  LLVMTypeRef v8 = LLVMVectorType(LLVMDoubleTypeInContext(c), 8);
  LLVMTypeRef ptr = LLVMPointerTypeInContext(c, 0);
  LLVMValueRef fn = LLVMAddFunction(
      m, "probe", LLVMFunctionType(LLVMVoidTypeInContext(c), &ptr, 1, 0));
  LLVMBuilderRef b = LLVMCreateBuilderInContext(c);
  LLVMPositionBuilderAtEnd(b, LLVMAppendBasicBlockInContext(c, fn, ""));
  LLVMValueRef v = LLVMBuildLoad2(b, v8, LLVMGetParam(fn, 0), "");
  LLVMBuildStore(b, LLVMBuildFAdd(b, v, v, ""), LLVMGetParam(fn, 0));
  LLVMBuildRetVoid(b);
  LLVMDisposeBuilder(b);
  LLVMMemoryBufferRef asm_text = NULL;
  char *err = NULL;
  unsigned n = 2;
  if (!LLVMTargetMachineEmitToMemoryBuffer(tm, m, LLVMAssemblyFile, &err,
                                           &asm_text)) {
    const char *t = LLVMGetBufferStart(asm_text);
    n = strstr(t, "zmm") ? 8 : strstr(t, "ymm") ? 4 : 2;
    LLVMDisposeMemoryBuffer(asm_text);
  }
  LLVMDisposeMessage(err);
  LLVMDisposeModule(m);
  LLVMContextDispose(c);
  return n;
}

static unsigned vector_doubles(const char *cpu, const char *features,
                               LLVMTargetMachineRef tm) {
  if (!is_native(cpu))
    return probe_vector_doubles(tm);
  return strstr(features, "+avx512f") ? 8 : strstr(features, "+avx") ? 4 : 2;
}

// An LLVM twin of one of rtabi.h's structs must sit in memory as the C
// compiler puts the original, which the runtime reads and writes: the same
// size and field offsets under the module's data layout, or an internal
// error (checked on every compilation, whatever the build type).
static void check_twin(Lower *L, LLVMTypeRef t, const char *name, size_t size,
                       const size_t *offsets, unsigned n) {
  LLVMTargetDataRef td = LLVMGetModuleDataLayout(L->m);
  bool same = LLVMABISizeOfType(td, t) == size;
  for (unsigned i = 0; i < n; i++)
    same = same && LLVMOffsetOfElement(td, t, i) == offsets[i];
  if (!same)
    diag_error_at(L->d, 1, 1, "internal error: LLVM lays out %s other "
                  "than rtabi.h", name);
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
  const size_t complex_at[] = {offsetof(RtComplex, re),
                               offsetof(RtComplex, im)};
  const size_t list_at[] = {offsetof(RtList, len), offsetof(RtList, cap),
                            offsetof(RtList, elem_size),
                            offsetof(RtList, data)};
  const size_t str_at[] = {offsetof(RtStr, len), offsetof(RtStr, data)};
  check_twin(L, L->t_cplx, "RtComplex", sizeof(RtComplex), complex_at, 2);
  check_twin(L, L->t_list, "RtList", sizeof(RtList), list_at, 4);
  check_twin(L, L->t_str, "RtStr", sizeof(RtStr), str_at, 2);
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
  for (int i = 0; i < L->builders.len; i++)
    LLVMDisposeBuilder(L->builders.data[i]);
  L->builders.len = 0;
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
  for (int i = 0; i < MAX_PARTS; i++) {
    Part *p = &u->parts[i];
    if (p->tm && p->tm != u->tm)
      LLVMDisposeTargetMachine(p->tm);
    if (i > 0 && p->mod)
      LLVMDisposeModule(p->mod);
    if (i > 0 && p->ctx)
      LLVMContextDispose(p->ctx);
  }
  if (u->bitcode)
    LLVMDisposeMemoryBuffer(u->bitcode);
  for (int i = 0; i < MAX_PARTS; i++)
    if (u->objs[i])
      LLVMDisposeMemoryBuffer(u->objs[i]);
  if (u->mod)
    LLVMDisposeModule(u->mod);
  if (u->ctx)
    LLVMContextDispose(u->ctx);
  if (u->tm)
    LLVMDisposeTargetMachine(u->tm);
  free(u->notes);
  free(u);
}

static const CompileOptions default_options = {.simd = true, .opt_level = 3};

// What the lowering says with -v (which form runs, and why not the vector
// form) is said whatever -v is, into a buffer: the unit keeps it for the
// compile cache (a hit makes no lowering, yet -v must say it), and it goes
// on to the diagnostics stream when -v asked for it.
typedef struct {
  FILE *out;    // the stream the caller's Diag had
  FILE *notes;  // the buffer in its place while lowering
  char *text;
  size_t len;
} Notes;

static void open_notes(Notes *n, Diag *d) {
  *n = (Notes){.out = d->out ? d->out : stderr};
  n->notes = open_memstream(&n->text, &n->len);
  if (n->notes)
    d->out = n->notes;
}

// Restores the stream; shows the notes (always, after an error, whose
// message is among them). Returns the text, malloc'd (NULL without one).
static char *close_notes(Notes *n, Diag *d, bool show) {
  d->out = n->out;
  if (!n->notes)
    return NULL;
  fclose(n->notes);
  if (show && n->len)
    fwrite(n->text, 1, n->len, n->out);
  return n->text;
}

LlvmUnit *llvm_lower(Arena *a, Diag *d, const Program *p,
                     const CompileOptions *opt) {
  // volatile: u must survive the longjmp back to the setjmp below
  LlvmUnit *volatile u = calloc(1, sizeof *u);
  Lower *const L = arena_alloc(a, sizeof *L);
  if (!u)
    return NULL;
  Notes *const notes = arena_alloc(a, sizeof *notes);
  open_notes(notes, d);
  CompileOptions *const say = arena_alloc(a, sizeof *say);
  *say = opt ? *opt : default_options;
  say->verbose |= notes->notes != NULL;  // shown as the caller's -v says
  if (setjmp(d->jmp)) {
    free(close_notes(notes, d, true));
    dispose_lower(L);
    llvm_dispose(u);
    return NULL;
  }
  u->nparts = 1;
  char *err = NULL;
  u->tm_level = say->opt_level;
  u->cpu = say->cpu;
  u->debug_lines = say->debug_lines;
  u->tm = llvm_target_machine(say->cpu, say->opt_level, &err);
  if (!u->tm)
    diag_error_at(d, 1, 1, "internal error: no LLVM target for this host: %s",
                  err ? err : "?");
  *L = (Lower){.a = a, .d = d, .p = p, .opt = say};
  u->ctx = L->c = LLVMContextCreate();
  const char *file = p->file ? p->file : "kernel.py";
  u->mod = L->m = LLVMModuleCreateWithNameInContext(file, L->c);
  char *triple = LLVMGetTargetMachineTriple(u->tm);
  LLVMSetTarget(L->m, triple);
  LLVMDisposeMessage(triple);
  LLVMTargetDataRef layout = LLVMCreateTargetDataLayout(u->tm);
  LLVMSetModuleDataLayout(L->m, layout);
  LLVMDisposeTargetData(layout);
  cpu_and_features(say->cpu, &L->cpu, &L->features);
  L->vector_doubles = vector_doubles(say->cpu, L->features, u->tm);
  L->b = LLVMCreateBuilderInContext(L->c);
  init_types(L);
  init_tbaa(L);
  init_debug_info(L);
  for (int i = 0; i < p->funcs.len; i++)
    declare_func(L, p->funcs.data[i]);
  for (int i = 0; i < p->funcs.len; i++)
    define_func(L, p->funcs.data[i]);
  ll_simd_points(L);
  LLVMDIBuilderFinalize(L->di);
  dispose_lower(L);
  u->notes = close_notes(notes, d, opt && opt->verbose);
  return u;
}

const char *llvm_notes(const LlvmUnit *u) {
  return u->notes ? u->notes : "";
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
static bool verify(LlvmUnit *u, Diag *d) {
  char *msg = NULL;
  if (!u->verified && LLVMVerifyModule(u->mod, LLVMReturnStatusAction, &msg)) {
    internal_error(d, "the LLVM IR does not verify", msg);
    LLVMDisposeMessage(msg);
    return false;
  }
  LLVMDisposeMessage(msg);
  u->verified = true;
  return true;
}

static Part *part0(LlvmUnit *u) {
  Part *p = &u->parts[0];
  p->ctx = u->ctx;
  p->mod = u->mod;
  if (!p->tm) {
    p->tm = u->tm;
    p->tm_level = u->tm_level;
  }
  return p;
}

// The functions the module defines and the side of the cut each takes
// (see llvm_split, below).
typedef struct {
  LLVMValueRef fn[64];
  bool vector[64];
  int n;
} Sides;

// ---- the parts on threads --------------------------------------------------

// One part's work: optimising it, emitting its object file, or both.
typedef struct {
  LlvmUnit *u;
  int part;
  int level;                // of the TargetMachine the work needs
  const char *passes;       // optimising: the pipeline
  bool simd;                // optimising: loop and SLP vectorisers on
  bool then_emit;           // optimising: the object file right after
  LLVMMemoryBufferRef obj;  // emitting: the object file
  const char *what;         // what failed
  char *error;              // and why (LLVMCreateMessage'd)
} Job;

static bool job_failed(Job *j, const char *msg) {
  j->error = LLVMCreateMessage(msg ? msg : "?");
  return false;
}

#define OPTIMISER_FAILED "the LLVM optimiser failed"
#define EMITTER_FAILED "LLVM could not emit the object file"

static bool find_sides(LLVMModuleRef mod, Sides *s);
static void keep_side(LLVMModuleRef mod, const Sides *s, bool vector);

// Part 1 out of the bitcode, in a context of its own, with the scalar
// side's definitions only (the cut found again: the copy is the same
// module, so it falls the same way).
static bool make_scalar_part(Job *j, Part *p) {
  if (p->ctx)  // an earlier try failed
    return job_failed(j, "the scalar part could not be made");
  p->ctx = LLVMContextCreate();
  if (LLVMParseBitcodeInContext2(p->ctx, j->u->bitcode, &p->mod))
    return job_failed(j, "cannot read the module back from bitcode");
  Sides s;
  if (!find_sides(p->mod, &s))
    return job_failed(j, "the module's copy does not cut as it did");
  keep_side(p->mod, &s, false);
  return true;
}

// The job's part, made first if it is not yet, and its TargetMachine at
// the job's level: a TargetMachine (like a context) is one thread's.
static bool open_part(Job *j, Part *p) {
  if (!p->mod && !make_scalar_part(j, p))
    return false;
  if (p->tm && p->tm_level != j->level) {
    if (p->tm != j->u->tm)
      LLVMDisposeTargetMachine(p->tm);
    p->tm = NULL;
  }
  if (!p->tm) {
    char *msg = NULL;
    p->tm = new_machine(j->u->cpu, j->level, &msg);
    p->tm_level = j->level;
    if (!p->tm) {
      job_failed(j, msg ? msg : "no LLVM target for this host");
      LLVMDisposeMessage(msg);
      return false;
    }
  }
  return true;
}

// The job's part (part 0 is the unit's own module).
static Part *job_part(Job *j) {
  return j->part == 0 ? part0(j->u) : &j->u->parts[j->part];
}

static void *emit_part(void *arg);

static void *optimize_part(void *arg) {
  Job *j = arg;
  Part *p = job_part(j);
  j->what = OPTIMISER_FAILED;
  if (!open_part(j, p))
    return NULL;
  LLVMPassBuilderOptionsRef po = LLVMCreatePassBuilderOptions();
  if (!j->simd) {
    LLVMPassBuilderOptionsSetLoopVectorization(po, false);
    LLVMPassBuilderOptionsSetSLPVectorization(po, false);
  }
  LLVMErrorRef err = LLVMRunPasses(p->mod, j->passes, p->tm, po);
  LLVMDisposePassBuilderOptions(po);
  if (err) {
    char *msg = LLVMGetErrorMessage(err);
    job_failed(j, msg);
    LLVMDisposeErrorMessage(msg);
    return NULL;
  }
  if (j->then_emit) {
    j->level = 3;
    emit_part(j);
  }
  return NULL;
}

static void *emit_part(void *arg) {
  Job *j = arg;
  Part *p = job_part(j);
  char *msg = NULL;
  j->what = EMITTER_FAILED;
  if (open_part(j, p) &&
      LLVMTargetMachineEmitToMemoryBuffer(p->tm, p->mod, LLVMObjectFile,
                                          &msg, &j->obj)) {
    j->obj = NULL;
    job_failed(j, msg);
    LLVMDisposeMessage(msg);
  }
  return NULL;
}

// Runs work on every part at once: parts 1.. on threads of their own,
// part 0 - the larger, vector part, where llvm_split made two - on this
// one (a thread that cannot start runs here, after it). Reports the first
// failure; false then.
static bool run_jobs(LlvmUnit *u, Diag *d, Job *jobs,
                     void *(*work)(void *)) {
  int n = u->nparts < MAX_PARTS ? u->nparts : MAX_PARTS;
  pthread_t threads[MAX_PARTS];
  bool started[MAX_PARTS] = {false};
  for (int i = 0; i < n; i++)
    jobs[i].u = u, jobs[i].part = i;
  // LLVM recurses deeply over a large function: the stack of the main
  // thread (8 MB), not glibc's default for threads (2 MB when the stack
  // limit is unlimited).
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, (size_t)8 << 20);
  for (int i = 1; i < n; i++)
    started[i] = pthread_create(&threads[i], &attr, work, &jobs[i]) == 0;
  pthread_attr_destroy(&attr);
  work(&jobs[0]);
  bool ok = true;
  for (int i = 0; i < n; i++) {
    if (i > 0 && started[i])
      pthread_join(threads[i], NULL);
    else if (i > 0)
      work(&jobs[i]);
    if (jobs[i].error && ok)
      ok = internal_error(d, jobs[i].what, jobs[i].error);
    LLVMDisposeMessage(jobs[i].error);
  }
  return ok;
}

// A listing's module is whole, a run's cut in two (llvm_split) with the
// vector code on one side: there its driver calls it, never inlines it.
// So that the listings show what a run executes, the vector functions
// (NAME.*.simd) are kept out of line in a whole module too; --annotate
// and --profile then find the vector path under its own name.
static void keep_vector_code_apart(LlvmUnit *u) {
  unsigned kind = LLVMGetEnumAttributeKindForName("noinline", 8);
  for (LLVMValueRef f = LLVMGetFirstFunction(u->mod); f;
       f = LLVMGetNextFunction(f)) {
    size_t n;
    const char *name = LLVMGetValueName2(f, &n);
    if (LLVMCountBasicBlocks(f) && n > 5 && !strcmp(name + n - 5, ".simd"))
      LLVMAddAttributeAtIndex(
          f, LLVMAttributeFunctionIndex,
          LLVMCreateEnumAttribute(LLVMGetModuleContext(u->mod), kind, 0));
  }
}

bool llvm_optimize(LlvmUnit *u, Diag *d, const CompileOptions *opt) {
  if (!opt)
    opt = &default_options;
  if (!verify(u, d))
    return false;
  if (u->nparts == 1)
    keep_vector_code_apart(u);
  int level = opt->opt_level < 0 ? 0 : opt->opt_level > 3 ? 3 : opt->opt_level;
  char passes[32];
  snprintf(passes, sizeof passes, "default<O%d>", level);
  Job jobs[MAX_PARTS] = {{0}};
  for (int i = 0; i < MAX_PARTS; i++)
    jobs[i] = (Job){.level = level, .passes = passes, .simd = opt->simd,
                    .then_emit = u->nparts > 1};
  // Both parts get the level asked. (O1 would cut the vector part's
  // thread by 2-3 ms of its 33, but its code ran up to 3% slower on six
  // of the examples' eight vector kernels: measured, 39 quiet runs each.)
  // A cut unit is for a run: each thread goes on to its part's object
  // file at once, rather than wait for the other part's optimiser (the
  // vector part's thread has the longer way: optimising the scalar part
  // takes longer than the vector part, emitting it much less).
  bool ok = run_jobs(u, d, jobs, optimize_part);
  for (int i = 0; i < u->nparts && i < MAX_PARTS; i++) {
    if (ok)
      u->objs[i] = jobs[i].obj;
    else if (jobs[i].obj)
      LLVMDisposeMemoryBuffer(jobs[i].obj);
  }
  return ok;
}

int llvm_emit_objects(LlvmUnit *u, Diag *d, LLVMMemoryBufferRef *objs) {
  if (u->objs[0]) {  // llvm_optimize made them
    for (int i = 0; i < u->nparts && i < MAX_PARTS; i++) {
      objs[i] = u->objs[i];
      u->objs[i] = NULL;
    }
    return u->nparts;
  }
  Job jobs[MAX_PARTS] = {{0}};
  for (int i = 0; i < MAX_PARTS; i++)
    jobs[i].level = 3;
  bool ok = run_jobs(u, d, jobs, emit_part);
  for (int i = 0; i < u->nparts && i < MAX_PARTS; i++) {
    if (ok)
      objs[i] = jobs[i].obj;
    else if (jobs[i].obj)
      LLVMDisposeMemoryBuffer(jobs[i].obj);
  }
  return ok ? u->nparts : 0;
}

static bool has_vector_code(LLVMValueRef fn) {
  for (LLVMBasicBlockRef b = LLVMGetFirstBasicBlock(fn); b;
       b = LLVMGetNextBasicBlock(b))
    for (LLVMValueRef i = LLVMGetFirstInstruction(b); i;
         i = LLVMGetNextInstruction(i))
      if (LLVMGetTypeKind(LLVMTypeOf(i)) == LLVMVectorTypeKind)
        return true;
  return false;
}

static int side_index(const Sides *s, LLVMValueRef fn) {
  for (int i = 0; i < s->n; i++)
    if (s->fn[i] == fn)
      return i;
  return -1;
}

// The defined function whose code holds `user`; -1 for a constant's use.
static int user_side(const Sides *s, LLVMValueRef user) {
  if (!LLVMIsAInstruction(user))
    return -1;
  return side_index(s, LLVMGetBasicBlockParent(LLVMGetInstructionParent(user)));
}

// The vector side: every function with vector code (NAME.body.simd,
// NAME.points.simd: the escape loop over a whole block of points, a call
// each). The rest - the kernel, the lanes' driver that calls the vector
// code once a block, the scalar NAME.body it calls again for a point the
// vector form left - is the scalar side; not inlining the block's call
// costs nothing, and the vector side is then what only the vector code
// costs, the longer of the two parts: measured, cutting the driver off
// it shortened the compile by a sixth. False when there is nothing to cut.
static bool find_sides(LLVMModuleRef mod, Sides *s) {
  s->n = 0;
  bool any_scalar = false, any_vector = false;
  for (LLVMValueRef f = LLVMGetFirstFunction(mod); f;
       f = LLVMGetNextFunction(f)) {
    if (LLVMIsDeclaration(f))
      continue;
    size_t len = 0;
    if (s->n == 64 || !*LLVMGetValueName2(f, &len))
      return false;
    s->vector[s->n] = has_vector_code(f);
    any_vector |= s->vector[s->n];
    any_scalar |= !s->vector[s->n];
    s->fn[s->n++] = f;
  }
  return any_vector && any_scalar;
}

// Each part will have its own copy of every global variable: only
// constants that nobody outside the module sees (strings, messages) may be
// copied.
static bool globals_copyable(LLVMModuleRef mod) {
  for (LLVMValueRef g = LLVMGetFirstGlobal(mod); g; g = LLVMGetNextGlobal(g)) {
    LLVMLinkage l = LLVMGetLinkage(g);
    if (!LLVMIsDeclaration(g) &&
        (!LLVMIsGlobalConstant(g) ||
         (l != LLVMPrivateLinkage && l != LLVMInternalLinkage)))
      return false;
  }
  return true;
}

// A function the other side uses (calls, or passes to rt_parallel_for)
// must be seen from the other part's object: it becomes external.
static void export_crossing(const Sides *s) {
  for (int i = 0; i < s->n; i++) {
    LLVMLinkage l = LLVMGetLinkage(s->fn[i]);
    if (l != LLVMInternalLinkage && l != LLVMPrivateLinkage)
      continue;
    for (LLVMUseRef use = LLVMGetFirstUse(s->fn[i]); use;
         use = LLVMGetNextUse(use)) {
      int k = user_side(s, LLVMGetUser(use));
      if (k < 0 || s->vector[k] != s->vector[i]) {
        LLVMSetLinkage(s->fn[i], LLVMExternalLinkage);
        break;
      }
    }
  }
}

// Turns a definition into a declaration: the instructions lose their uses
// first, so that none is erased while another still refers to it.
static void drop_body(LLVMValueRef fn) {
  for (LLVMBasicBlockRef b = LLVMGetFirstBasicBlock(fn); b;
       b = LLVMGetNextBasicBlock(b))
    for (LLVMValueRef i = LLVMGetFirstInstruction(b); i;
         i = LLVMGetNextInstruction(i))
      if (LLVMGetFirstUse(i))
        LLVMReplaceAllUsesWith(i, LLVMGetPoison(LLVMTypeOf(i)));
  for (LLVMBasicBlockRef b = LLVMGetFirstBasicBlock(fn); b;
       b = LLVMGetNextBasicBlock(b))
    for (LLVMValueRef i; (i = LLVMGetFirstInstruction(b));)
      LLVMInstructionEraseFromParent(i);
  for (LLVMBasicBlockRef b; (b = LLVMGetFirstBasicBlock(fn));)
    LLVMDeleteBasicBlock(b);
  LLVMSetLinkage(fn, LLVMExternalLinkage);
}

// Keeps one side's definitions in mod (found by name: mod may be a copy).
static void keep_side(LLVMModuleRef mod, const Sides *s, bool vector) {
  for (int i = 0; i < s->n; i++) {
    if (s->vector[i] == vector)
      continue;
    size_t len = 0;
    const char *name = LLVMGetValueName2(s->fn[i], &len);
    drop_body(LLVMGetNamedFunction(mod, name));
  }
}

bool llvm_split(LlvmUnit *u, Diag *d) {
  // A run needs no listing: debug info would only cost compile time,
  // unless perf and gdb are to see the kernel's lines (--debug-jit).
  if (!u->debug_lines)
    LLVMStripModuleDebugInfo(u->mod);
  if (!verify(u, d))
    return false;
  Sides s;
  if (u->nparts != 1 || !find_sides(u->mod, &s) ||
      !globals_copyable(u->mod))
    return true;
  export_crossing(&s);
  // The scalar part is read back from this by its own thread, later.
  if (!(u->bitcode = LLVMWriteBitcodeToMemoryBuffer(u->mod)))
    return true;  // one part, then
  keep_side(u->mod, &s, true);
  u->nparts = 2;
  return true;
}

int llvm_parts(const LlvmUnit *u) {
  return u->nparts;
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
  u->ctx = u->parts[0].ctx = NULL;
  u->mod = u->parts[0].mod = NULL;
}
