// library.c - libmandelc: the library half of include/mandelc.h.
//
// A mandelc_kernel is main.c's pipeline run once and kept: read, lex,
// parse, select, infer, mark the parallel loop, lower, JIT (through the
// compile cache), then called as often as the caller likes through libffi
// with the caller's typed buffers copied into lists of a fresh RtContext.
// Nothing here is global: every kernel owns its arena, its Diag, its JIT
// and its output, so two threads may use two kernels at once (LLVM's
// target registration alone is shared, done once). Diagnostics never
// reach stderr: the Diag prints into a memory stream the kernel owns, and
// its sink copies the first error into the caller's mandelc_error.
//
// Which function, and with which types: with no name, the driver's choice
// (select_kernel_with, as the command line chooses), so a tutorial kernel
// needs no annotations and mandelc_run_driver runs it; when the driver
// cannot bind the function (or its types are not the driver's), the
// function is compiled as called (FORM_CALL): each parameter's type is its
// annotation, the result's is annotated or inferred.
#define _GNU_SOURCE  // dladdr
#include <assert.h>
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../include/mandelc.h"
#include "runtime.h"

#ifdef MANDELC_LLVM
#include <llvm-c/Target.h>
#endif

#ifndef MANDELC_VERSION
#define MANDELC_VERSION "0.0.0"
#endif

#define MAX_THREADS 1024
#define DEFAULT_CUDA_ARCH "compute_75"  // as main.c's, for ptx without a GPU

// The --emit stages mandelc_emit takes: name, and whether it is the CUDA
// target's.
#define LIB_STAGES(X)             \
  X(ST_NONE, "", false)           \
  X(ST_TOKENS, "tokens", false)   \
  X(ST_AST, "ast", false)         \
  X(ST_TYPES, "types", false)     \
  X(ST_C, "c", false)             \
  X(ST_LLVM_RAW, "llvm-raw", false) \
  X(ST_LLVM, "llvm", false)       \
  X(ST_ASM, "asm", false)         \
  X(ST_HEADER, "header", false)   \
  X(ST_CUDA, "cuda", true)        \
  X(ST_CUDA_PRELUDE, "cuda-prelude", true) \
  X(ST_PTX, "ptx", true)

#define X(e, name, cuda) e,
typedef enum { LIB_STAGES(X) ST_COUNT } Stage;
#undef X
#define X(e, name, cuda) name,
static const char *const stage_names[] = {LIB_STAGES(X)};
#undef X
#define X(e, name, cuda) cuda,
static const bool stage_cuda[] = {LIB_STAGES(X)};
#undef X

struct mandelc_kernel {
  Arena *arena;
  Diag diag;
  FILE *diag_out;  // the Diag's stream (the JIT keeps it too)
  char *diag_text;
  size_t diag_len;
  char *src;
  size_t len;
  char *file;
  bool cuda;
  int threads;
  bool no_cache;
  CompileOptions copt;
  Program *prog;
  const char **ptypes;  // parameters' types, Python's spelling
  const char *rtype;
#ifdef MANDELC_LLVM
  LlvmUnit *llvm;
  RtJit *jit;
#endif
  void *object;
  size_t object_len;
  void *fn;       // the kernel's machine code (llvm)
  void *points;   // NAME.points, the point forms' block entry, or NULL
  RtFfi *ffi;     // NULL: a parameter or the result has no C ABI
  RtCuda *gpu;
  char *code, *ptx;  // cuda
  char *output;   // what the last call printed
  size_t output_len;
  int cancel;     // set by mandelc_cancel; the contexts' cancel flag
  // stage output for mandelc_emit
  Stage stage;
  FILE *emit;
  mandelc_error *err;  // the caller's, while compiling
};

// ---- errors ----------------------------------------------------------------

static void set_error(mandelc_error *e, const char *kind, const char *file,
                      int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

static void set_error(mandelc_error *e, const char *kind, const char *file,
                      int line, int col, const char *fmt, ...) {
  if (!e)
    return;
  snprintf(e->kind, sizeof e->kind, "%s", kind);
  snprintf(e->file, sizeof e->file, "%s", file ? file : "");
  e->line = line;
  e->column = col;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(e->message, sizeof e->message, fmt, ap);
  va_end(ap);
}

static void clear_error(mandelc_error *e) {
  if (e)
    memset(e, 0, sizeof *e);
}

// Diag's sink: the first error is the one the caller gets.
static void keep_first(void *ctx, const char *kind, int line, int col,
                       const char *msg) {
  mandelc_kernel *k = ctx;
  if (strcmp(kind, "error") != 0 || !k->err || k->err->kind[0])
    return;
  set_error(k->err, "CompileError", k->file, line, col, "%s", msg);
}

// A stage failed: when no error reached the sink (an internal error that
// the stage printed itself), the first line it printed is the message.
static void compile_failed(mandelc_kernel *k, const char *fallback) {
  if (!k->err || k->err->kind[0])
    return;
  fflush(k->diag_out);
  const char *text = k->diag_text && k->diag_len ? k->diag_text : fallback;
  set_error(k->err, "CompileError", k->file, 0, 0, "%.*s",
            (int)strcspn(text, "\n"), text);
}

// ---- compiling -------------------------------------------------------------

#ifdef MANDELC_LLVM
static pthread_once_t llvm_once = PTHREAD_ONCE_INIT;

// LLVM's target registry is global: filled once, before any thread uses it.
static void init_llvm(void) {
  LLVMInitializeNativeTarget();
  LLVMInitializeNativeAsmPrinter();
  LLVMInitializeNativeAsmParser();
}

// The library's own identity for the compile cache: its file on disk, as
// the cache hashes the executable's (a program using libmandelc.so does
// not change when the library does).
static const char *library_identity(Arena *a) {
  Dl_info info;
  struct stat st;
  if (!dladdr((void *)library_identity, &info) || !info.dli_fname ||
      stat(info.dli_fname, &st) != 0)
    return MANDELC_VERSION " library";
  return arena_sprintf(a, "%s library %s %lld %lld %lld.%09ld",
                       MANDELC_VERSION, info.dli_fname, (long long)st.st_ino,
                       (long long)st.st_size, (long long)st.st_mtim.tv_sec,
                       st.st_mtim.tv_nsec);
}
#endif

// Python's spelling of each parameter's type and the result's.
static void describe_signature(mandelc_kernel *k) {
  const Func *f = k->prog->kernel;
  k->ptypes = arena_alloc(k->arena, sizeof *k->ptypes *
                                        (size_t)(f->nparams ? f->nparams : 1));
  for (int i = 0; i < f->nparams; i++)
    k->ptypes[i] = type_name(k->arena, f->params[i]->ty);
  k->rtype = f->ret->kind == TY_NONE ? "None" : type_name(k->arena, f->ret);
}

static bool emit_text(mandelc_kernel *k, const char *text) {
  if (!text)
    return false;
  fputs(text, k->emit);
  return true;
}

// Lex, parse, select (as the driver would, or as called), infer. False
// after an error; true with k->prog set, or true and k->prog NULL when a
// stage was emitted.
static bool front(mandelc_kernel *k, const char *name, bool as_called) {
  k->arena = arena_new();
  arena_set_diag(k->arena, &k->diag);
  Token *toks = lex_source(k->arena, &k->diag, k->file, k->src, k->len);
  if (!toks)
    return false;
  if (k->stage == ST_TOKENS)
    return lex_dump(k->emit, toks), true;
  Node *module = parse_module(k->arena, &k->diag, toks);
  if (!module)
    return false;
  if (k->stage == ST_AST)
    return ast_dump(k->emit, module), true;
  KernelChoice choice;
  SelectOptions sel = {.kernel = name};
  if (as_called ? !select_call(&k->diag, module, name, &choice)
                : select_kernel_with(&k->diag, module, &sel, &choice) !=
                      SELECT_OK)
    return false;
  if (!(k->prog = infer_program(k->arena, &k->diag, module, &choice)))
    return false;
  return true;
}

// The driver's choice first; then, when it fails, the function as called.
// The error kept is the called form's when the function got that far
// (every parameter annotated), else the driver's.
static bool choose(mandelc_kernel *k, const char *name) {
  if (front(k, name, false))
    return true;
  if (k->stage == ST_TOKENS || k->stage == ST_AST)
    return false;
  mandelc_error first;
  if (k->err)
    first = *k->err;
  clear_error(k->err);
  arena_free(k->arena);
  k->arena = NULL;
  k->prog = NULL;
  k->diag.nerrors = 0;
  if (front(k, name, true))
    return true;
  bool selected = k->prog != NULL || (k->err && k->err->line > 0 &&
                                      !strstr(k->err->message,
                                              "needs an annotation"));
  if (!selected && k->err)
    *k->err = first;
  return false;
}

#ifdef MANDELC_LLVM
static bool build_llvm(mandelc_kernel *k) {
  Arena *a = k->arena;
  RtCache cache = {0};
  char why[512];
  bool cached = false;
  if (k->stage == ST_NONE && !k->no_cache) {
    RtCacheInput in = {.src = k->src, .len = k->len,
                       .kernel = k->prog->kernel->name,
                       .form = arena_sprintf(
                           a, "%s: %s",
                           select_form_name(k->prog->choice.form),
                           select_binding_text(a, &k->prog->choice)),
                       .opt = &k->copt, .version = library_identity(a)};
    if (rt_cache_open(&cache, &in, why, sizeof why))
      cached = (k->object = rt_cache_load(&cache, &k->object_len, why,
                                          sizeof why)) != NULL;
  }
  if (k->stage == ST_HEADER) {
    char *text = rt_aot_header(a, k->prog, "kernel.h", why, sizeof why);
    if (!text)
      set_error(k->err, "CompileError", k->file, 0, 0, "no C header: %s",
                why);
    return emit_text(k, text);
  }
  if (!cached) {
    if (!(k->llvm = llvm_lower(a, &k->diag, k->prog, &k->copt)))
      return false;
    if (k->stage == ST_LLVM_RAW)
      return emit_text(k, rt_ir_with_source(a, llvm_emit_ir(k->llvm, a),
                                            k->file, k->src, k->len));
    if (k->stage == ST_NONE && !llvm_split(k->llvm, &k->diag))
      return false;
    if (!llvm_optimize(k->llvm, &k->diag, &k->copt))
      return false;
    if (k->stage == ST_LLVM)
      return emit_text(k, rt_ir_with_source(a, llvm_emit_ir(k->llvm, a),
                                            k->file, k->src, k->len));
    if (k->stage == ST_ASM) {
      char *text = llvm_emit_asm(k->llvm, a, &k->diag);
      return text && emit_text(k, rt_asm_with_source(a, text, k->file,
                                                     k->src, k->len));
    }
    k->object = rt_jit_emit_object(&k->diag, k->llvm, &k->object_len);
    if (!k->object)
      return false;
    if (cache.state == RT_CACHE_MISS)
      rt_cache_store(&cache, k->object, k->object_len, why, sizeof why);
  }
  k->jit = rt_jit_load_object(&k->diag, k->object, k->object_len, false);
  if (!k->jit || !(k->fn = rt_jit_lookup(k->jit, k->prog->kernel->name)))
    return false;
  k->points = rt_jit_find(k->jit, arena_sprintf(a, "%s.points",
                                                k->prog->kernel->name));
  k->ffi = rt_ffi_new(k->prog->kernel);
  return true;
}
#endif

static bool build_cuda(mandelc_kernel *k) {
  if (k->stage == ST_CUDA_PRELUDE)
    return emit_text(k, cuda_emit_prelude(k->arena));
  if (k->prog->choice.form == FORM_CALL) {
    set_error(k->err, "RuntimeError", k->file, 0, 0, "target 'cuda' runs "
              "the driver's kernel forms; '%s' is compiled as called, which "
              "needs target 'llvm'", k->prog->kernel->name);
    return false;
  }
  if (!(k->code = cuda_emit(k->arena, &k->diag, k->prog, &k->copt)))
    return false;
  if (k->stage == ST_CUDA)
    return emit_text(k, k->code);
#ifdef MANDELC_CUDA
  char err[512], arch[32] = DEFAULT_CUDA_ARCH;
  if (k->stage != ST_PTX) {
    if (!(k->gpu = rt_cuda_open(err, sizeof err))) {
      set_error(k->err, "RuntimeError", k->file, 0, 0, "target 'cuda' is "
                "unavailable here: %s", err);
      return false;
    }
    rt_cuda_arch(k->gpu, arch, sizeof arch);
  }
  if (!(k->ptx = nvrtc_compile(k->arena, &k->diag, k->code, k->prog->file,
                               arch, &k->copt)))
    return false;
  return k->stage == ST_PTX ? emit_text(k, k->ptx) : true;
#else
  set_error(k->err, "RuntimeError", k->file, 0, 0, "target 'cuda' is "
            "unavailable: libmandelc was built without CUDA (no CUDA "
            "toolkit when it was configured)");
  return false;
#endif
}

// The pipeline to k->stage (ST_NONE: to a callable kernel). False with
// *k->err filled.
static bool build(mandelc_kernel *k, const mandelc_options *o) {
  if (!choose(k, o->kernel))
    return compile_failed(k, "the kernel did not compile"), false;
  if (!k->prog)  // tokens or ast emitted
    return true;
  describe_signature(k);
  if (k->stage == ST_TYPES)
    return infer_dump(k->emit, k->arena, k->prog), true;
  if (k->stage == ST_C) {
    static const double region[4] = {-2.13, 0.77, -1.3, 1.3};
    char *c = c_emit(k->arena, &k->diag, k->prog, &k->copt, region, NULL);
    return c ? emit_text(k, c)
             : (compile_failed(k, "no C program"), false);
  }
  const char *why = NULL;
  Node *where = NULL;
  parallel_mark(k->prog, &why, &where);
  bool ok;
  if (k->cuda || stage_cuda[k->stage]) {
    ok = build_cuda(k);
  } else {
#ifdef MANDELC_LLVM
    pthread_once(&llvm_once, init_llvm);
    ok = build_llvm(k);
#else
    set_error(k->err, "RuntimeError", k->file, 0, 0, "target 'llvm' is "
              "unavailable: libmandelc was built without LLVM");
    ok = false;
#endif
  }
  if (!ok)
    compile_failed(k, "the kernel did not compile");
  return ok;
}

// A kernel for `src` (taken), set up from the options; NULL with *err.
static mandelc_kernel *kernel_new(char *src, size_t len, const char *file,
                                  const mandelc_options *o,
                                  mandelc_error *err) {
  mandelc_kernel *k = calloc(1, sizeof *k);
  if (!k) {
    free(src);
    set_error(err, "MemoryError", NULL, 0, 0, "out of memory");
    return NULL;
  }
  k->src = src;
  k->len = len;
  k->file = strdup(file);
  k->diag_out = open_memstream(&k->diag_text, &k->diag_len);
  if (!k->file || !k->diag_out) {
    set_error(err, "MemoryError", NULL, 0, 0, "out of memory");
    mandelc_kernel_free(k);
    return NULL;
  }
  long cores = sysconf(_SC_NPROCESSORS_ONLN);
  k->threads = o->threads > 0 ? o->threads
               : cores < 1    ? 1
                              : (int)(cores > MAX_THREADS ? MAX_THREADS
                                                          : cores);
  if (k->threads > MAX_THREADS)
    k->threads = MAX_THREADS;
  k->no_cache = o->no_cache;
  k->copt = (CompileOptions){.simd = !o->no_simd, .opt_level = 3,
                             .fast_math = o->fast_math};
  k->err = err;
  diag_init(&k->diag, k->file, k->src, k->len, k->diag_out);
  k->diag.sink = keep_first;
  k->diag.sink_ctx = k;
  return k;
}

static bool target_of(const mandelc_options *o, bool *cuda,
                      mandelc_error *err) {
  *cuda = o->target && strcmp(o->target, "cuda") == 0;
  if (o->target && !*cuda && strcmp(o->target, "llvm") != 0) {
    set_error(err, "ValueError", NULL, 0, 0, "unknown target '%s'; the "
              "targets are 'llvm' and 'cuda'", o->target);
    return false;
  }
  return true;
}

static mandelc_kernel *compile_text(char *src, size_t len, const char *file,
                                    const mandelc_options *opts,
                                    mandelc_error *err) {
  static const mandelc_options defaults;
  const mandelc_options *o = opts ? opts : &defaults;
  clear_error(err);
  bool cuda;
  if (!target_of(o, &cuda, err)) {
    free(src);
    return NULL;
  }
  mandelc_kernel *k = kernel_new(src, len, file, o, err);
  if (!k)
    return NULL;
  k->cuda = cuda;
  if (!build(k, o)) {
    mandelc_kernel_free(k);
    return NULL;
  }
  k->err = NULL;
  return k;
}

static char *copy_source(const char *source, size_t *len,
                         mandelc_error *err) {
  if (!source) {
    set_error(err, "TypeError", NULL, 0, 0, "the source text is NULL");
    return NULL;
  }
  *len = strlen(source);
  if (*len > LEX_MAX_SOURCE_BYTES) {
    set_error(err, "ValueError", NULL, 0, 0, "the source is larger than "
              "16 MiB; kernels are small");
    return NULL;
  }
  char *s = strdup(source);
  if (!s)
    set_error(err, "MemoryError", NULL, 0, 0, "out of memory");
  return s;
}

mandelc_kernel *mandelc_compile(const char *source,
                                const mandelc_options *opts,
                                mandelc_error *err) {
  clear_error(err);
  size_t len;
  char *src = copy_source(source, &len, err);
  if (!src)
    return NULL;
  const char *file = opts && opts->filename ? opts->filename : "<string>";
  return compile_text(src, len, file, opts, err);
}

mandelc_kernel *mandelc_compile_file(const char *path,
                                     const mandelc_options *opts,
                                     mandelc_error *err) {
  clear_error(err);
  if (!path) {
    set_error(err, "TypeError", NULL, 0, 0, "the path is NULL");
    return NULL;
  }
  size_t len;
  char why[512];
  char *src = lex_read_file(path, &len, why, sizeof why);
  if (!src) {
    set_error(err, "OSError", path, 0, 0, "%s", why);
    return NULL;
  }
  return compile_text(src, len, path, opts, err);
}

void mandelc_kernel_free(mandelc_kernel *k) {
  if (!k)
    return;
  rt_ffi_free(k->ffi);
#ifdef MANDELC_LLVM
  if (k->jit)
    rt_jit_free(k->jit);
  if (k->llvm)
    llvm_dispose(k->llvm);
#endif
  if (k->gpu)
    rt_cuda_close(k->gpu);
  free(k->object);
  if (k->arena)
    arena_free(k->arena);
  if (k->diag_out)
    fclose(k->diag_out);
  free(k->diag_text);
  free(k->output);
  free(k->src);
  free(k->file);
  free(k);
}

// ---- the signature ---------------------------------------------------------

const char *mandelc_kernel_name(const mandelc_kernel *k) {
  return k->prog->kernel->name;
}

int mandelc_kernel_nparams(const mandelc_kernel *k) {
  return k->prog->kernel->nparams;
}

const char *mandelc_kernel_param_name(const mandelc_kernel *k, int i) {
  const Func *f = k->prog->kernel;
  return i >= 0 && i < f->nparams ? f->params[i]->name : NULL;
}

const char *mandelc_kernel_param_type(const mandelc_kernel *k, int i) {
  return i >= 0 && i < k->prog->kernel->nparams ? k->ptypes[i] : NULL;
}

const char *mandelc_kernel_result_type(const mandelc_kernel *k) {
  return k->rtype;
}

// ---- calls -----------------------------------------------------------------

// The value kind of a scalar type, or -1 when it has none here.
static int scalar_kind(const Type *t) {
  switch (t->kind) {
  case TY_BOOL:
    return MANDELC_BOOL;
  case TY_INT:
    return MANDELC_INT;
  case TY_FLOAT:
    return MANDELC_FLOAT;
  case TY_COMPLEX:
    return MANDELC_COMPLEX;
  default:
    return -1;
  }
}

// t as a mandelc_value kind (*elem for a list); false for nested lists,
// tuples and str.
static bool value_kind(const Type *t, mandelc_kind *kind,
                       mandelc_kind *elem) {
  *elem = MANDELC_NONE;
  if (t->kind == TY_NONE)
    return *kind = MANDELC_NONE, true;
  if (t->kind == TY_LIST) {
    int e = scalar_kind(t->elem);
    *kind = MANDELC_LIST;
    *elem = (mandelc_kind)(e < 0 ? 0 : e);
    return e >= 0;
  }
  int s = scalar_kind(t);
  *kind = (mandelc_kind)(s < 0 ? 0 : s);
  return s >= 0;
}

static const char *kind_name(mandelc_kind kind) {
  static const char *const names[] = {"None", "bool", "int", "float",
                                      "complex", "list"};
  return (unsigned)kind < sizeof names / sizeof names[0] ? names[kind]
                                                         : "an unknown kind";
}

static int64_t elem_bytes(mandelc_kind elem) {
  return elem == MANDELC_BOOL ? 1 : elem == MANDELC_COMPLEX ? 16 : 8;
}

// One parameter's slot for libffi.
typedef union {
  int64_t i;
  double f;
  uint8_t b;
  RtComplex c;
  RtList *l;
} Slot;

// "'a', 'b' and 'c'": CPython's list of missing parameters.
static void missing_names(char *buf, size_t len, const Func *f, int from) {
  buf[0] = '\0';
  size_t n = 0;
  for (int i = from; i < f->nparams && n < len; i++)
    n += (size_t)snprintf(buf + n, len - n, "%s'%s'",
                          i == from              ? ""
                          : i == f->nparams - 1 ? (f->nparams - from > 2
                                                       ? ", and "
                                                       : " and ")
                                                : ", ",
                          f->params[i]->name);
}

// Checks args against f and fills slots (lists made in ctx). False with a
// TypeError (or MemoryError) in err.
static bool bind_args(const Func *f, const char *const *ptypes,
                      mandelc_value *args, int nargs, RtContext *ctx,
                      Slot *slots, mandelc_error *err) {
  if (nargs > f->nparams || nargs < 0) {
    set_error(err, "TypeError", NULL, 0, 0, "%s() takes %d positional "
              "argument%s but %d %s given", f->name, f->nparams,
              f->nparams == 1 ? "" : "s", nargs, nargs == 1 ? "was" : "were");
    return false;
  }
  if (nargs < f->nparams) {
    char names[256];
    missing_names(names, sizeof names, f, nargs);
    int n = f->nparams - nargs;
    set_error(err, "TypeError", NULL, 0, 0, "%s() missing %d required "
              "positional argument%s: %s", f->name, n, n == 1 ? "" : "s",
              names);
    return false;
  }
  for (int i = 0; i < nargs; i++) {
    const Type *t = f->params[i]->ty;
    const mandelc_value *v = &args[i];
    mandelc_kind kind, elem;
    bool ok = value_kind(t, &kind, &elem);
    assert(ok && "checked before binding");
    (void)ok;
    bool fits = v->kind == kind;
    // Python's numeric tower: a bool is an int, an int a float, a float a
    // complex (the value converted exactly as Python would).
    switch (kind) {
    case MANDELC_INT:
      fits |= v->kind == MANDELC_BOOL;
      slots[i].i = v->kind == MANDELC_BOOL ? v->scalar.b : v->scalar.i;
      break;
    case MANDELC_FLOAT:
      fits |= v->kind == MANDELC_INT || v->kind == MANDELC_BOOL;
      slots[i].f = v->kind == MANDELC_FLOAT ? v->scalar.f
                   : v->kind == MANDELC_INT ? (double)v->scalar.i
                                            : (double)v->scalar.b;
      break;
    case MANDELC_COMPLEX:
      fits |= v->kind == MANDELC_FLOAT || v->kind == MANDELC_INT ||
              v->kind == MANDELC_BOOL;
      slots[i].c = v->kind == MANDELC_COMPLEX
                       ? (RtComplex){v->scalar.c.re, v->scalar.c.im}
                   : v->kind == MANDELC_FLOAT
                       ? (RtComplex){v->scalar.f, 0.0}
                   : v->kind == MANDELC_INT
                       ? (RtComplex){(double)v->scalar.i, 0.0}
                       : (RtComplex){(double)v->scalar.b, 0.0};
      break;
    case MANDELC_BOOL:
      slots[i].b = v->scalar.b;
      break;
    case MANDELC_LIST:
      fits = fits && v->elem == elem && v->len >= 0 &&
             (v->data || v->len == 0);
      break;
    case MANDELC_NONE:
      assert(!"no parameter is None");
    }
    if (!fits) {
      char got[48];
      if (v->kind != MANDELC_LIST)
        snprintf(got, sizeof got, "%s", kind_name(v->kind));
      else if (v->len < 0 || (!v->data && v->len))
        snprintf(got, sizeof got, "a list without its buffer");
      else
        snprintf(got, sizeof got, "list[%s]", kind_name(v->elem));
      set_error(err, "TypeError", NULL, 0, 0, "%s() argument '%s' must be "
                "%s, not %s", f->name, f->params[i]->name, ptypes[i], got);
      return false;
    }
    if (kind == MANDELC_LIST) {
      int64_t size = elem_bytes(elem);
      RtList *l = rt_list_new(ctx, size, v->len, 0);
      if (!l) {
        set_error(err, "MemoryError", NULL, 0, 0, "%s() argument '%s': %s",
                  f->name, f->params[i]->name, ctx->msg);
        return false;
      }
      if (v->len)
        memcpy(l->data, v->data, (size_t)(v->len * size));
      slots[i].l = l;
    }
  }
  return true;
}

// Gives the caller what the kernel did to its list arguments.
static bool write_back(const Func *f, mandelc_value *args, Slot *slots,
                       mandelc_error *err) {
  for (int i = 0; i < f->nparams; i++) {
    if (args[i].kind != MANDELC_LIST)
      continue;
    const RtList *l = slots[i].l;
    size_t bytes = (size_t)(l->len * l->elem_size);
    if (l->len == args[i].len) {
      if (bytes && memcmp(args[i].data, l->data, bytes) != 0)
        memcpy(args[i].data, l->data, bytes);
      continue;
    }
    void *p = malloc(bytes ? bytes : 1);
    if (!p) {
      set_error(err, "MemoryError", NULL, 0, 0, "out of memory");
      return false;
    }
    if (bytes)
      memcpy(p, l->data, bytes);
    args[i].data = p;
    args[i].len = l->len;
  }
  return true;
}

static bool give_result(const Func *f, Slot *ret, mandelc_value *result,
                        mandelc_error *err) {
  mandelc_kind kind, elem;
  value_kind(f->ret, &kind, &elem);
  *result = (mandelc_value){.kind = kind, .elem = elem};
  switch (kind) {
  case MANDELC_NONE:
    break;
  case MANDELC_BOOL:
    result->scalar.b = ret->b != 0;
    break;
  case MANDELC_INT:
    result->scalar.i = ret->i;
    break;
  case MANDELC_FLOAT:
    result->scalar.f = ret->f;
    break;
  case MANDELC_COMPLEX:
    result->scalar.c = (mandelc_complex){ret->c.re, ret->c.im};
    break;
  case MANDELC_LIST: {
    const RtList *l = ret->l;
    size_t bytes = l ? (size_t)(l->len * l->elem_size) : 0;
    result->data = malloc(bytes ? bytes : 1);
    if (!result->data) {
      set_error(err, "MemoryError", NULL, 0, 0, "out of memory");
      return false;
    }
    if (bytes)
      memcpy(result->data, l->data, bytes);
    result->len = l ? l->len : 0;
    break;
  }
  }
  return true;
}

// Keeps what the run printed as the kernel's output.
static void keep_output(mandelc_kernel *k, RtContext *ctx) {
  free(k->output);
  k->output = ctx->out;
  k->output_len = ctx->outlen;
  ctx->out = NULL;
  ctx->outlen = ctx->outcap = 0;
}

// A raised exception (or a cancel) as the caller's error.
static void exception_error(mandelc_kernel *k, const RtContext *ctx,
                            mandelc_error *err) {
  if (__atomic_load_n(&k->cancel, __ATOMIC_ACQUIRE) &&
      ctx->exc == RT_EXC_TIMEOUT)
    set_error(err, "KeyboardInterrupt", k->file, 0, 0, "%s",
              "the call was cancelled");
  else
    set_error(err, rt_exc_name(ctx->exc), k->file, ctx->line, 0, "%s",
              ctx->msg);
}

static bool callable(const mandelc_kernel *k, mandelc_error *err) {
  if (!k->fn) {
    set_error(err, "RuntimeError", k->file, 0, 0, "a kernel compiled for "
              "target 'cuda' runs through mandelc_run_driver only");
    return false;
  }
  const Func *f = k->prog->kernel;
  mandelc_kind kind, elem;
  for (int i = 0; i < f->nparams; i++)
    if (!value_kind(f->params[i]->ty, &kind, &elem)) {
      set_error(err, "TypeError", k->file, f->def->line, 0, "%s() takes "
                "'%s' as %s: the library passes scalars and lists of "
                "scalars only (no nested lists or tuples yet)", f->name,
                f->params[i]->name, k->ptypes[i]);
      return false;
    }
  if (!value_kind(f->ret, &kind, &elem)) {
    set_error(err, "TypeError", k->file, f->def->line, 0, "%s() returns "
              "%s: the library returns None, scalars and lists of scalars "
              "only (no nested lists or tuples yet)", f->name, k->rtype);
    return false;
  }
  if (!k->ffi) {
    set_error(err, "TypeError", k->file, f->def->line, 0, "%s()'s "
              "signature has no C calling convention", f->name);
    return false;
  }
  return true;
}

bool mandelc_call(mandelc_kernel *k, mandelc_value *args, int nargs,
                  mandelc_value *result, mandelc_error *err) {
  clear_error(err);
  if (result)
    *result = (mandelc_value){.kind = MANDELC_NONE};
  if (!callable(k, err))
    return false;
  const Func *f = k->prog->kernel;
  if (nargs > 0 && !args) {
    set_error(err, "TypeError", NULL, 0, 0, "%d arguments but no array",
              nargs);
    return false;
  }
  RtContext ctx;
  rt_context_init(&ctx, NULL, k->threads);
  ctx.cancel = &k->cancel;
  Slot slots[RT_FFI_MAX_ARGS], ret = {0};
  void *ptrs[RT_FFI_MAX_ARGS];
  for (int i = 0; i < f->nparams; i++)
    ptrs[i] = &slots[i];
  bool ok = bind_args(f, k->ptypes, args, nargs, &ctx, slots, err);
  if (ok) {
    rt_ffi_invoke(k->ffi, k->fn, &ctx, ptrs, &ret);
    keep_output(k, &ctx);
    if (ctx.exc != RT_EXC_NONE) {
      exception_error(k, &ctx, err);
      ok = false;
    } else {
      ok = write_back(f, args, slots, err) &&
           (!result || give_result(f, &ret, result, err));
    }
  }
  __atomic_store_n(&k->cancel, 0, __ATOMIC_RELEASE);
  rt_context_free(&ctx);
  return ok;
}

const char *mandelc_kernel_output(const mandelc_kernel *k, size_t *len) {
  if (len)
    *len = k->output_len;
  return k->output ? k->output : "";
}

void mandelc_cancel(mandelc_kernel *k) {
  __atomic_store_n(&k->cancel, 1, __ATOMIC_RELEASE);
}

void mandelc_free(void *p) {
  free(p);
}

// ---- the driver ------------------------------------------------------------

bool mandelc_run_driver(mandelc_kernel *k, int64_t w, int64_t maxiter,
                        char sum[48], int64_t *points, double *seconds,
                        mandelc_error *err) {
  clear_error(err);
  RtGrid g = {.x1 = -2.13, .x2 = 0.77, .y1 = -1.3, .y2 = 1.3, .w = w,
              .maxiter = maxiter};
  char msg[512];
  if (maxiter < 0 || maxiter > RT_MAX_MAXITER) {
    set_error(err, "ValueError", NULL, 0, 0, "maxiter %lld is out of range "
              "(0 to 2^40)", (long long)maxiter);
    return false;
  }
  if (!rt_grid_build(&g, msg, sizeof msg)) {
    set_error(err, "ValueError", NULL, 0, 0, "%s", msg);
    return false;
  }
  RtContext ctx;
  rt_context_init(&ctx, NULL, k->threads);
  ctx.cancel = &k->cancel;
  RtRun run = {0};
  int status;
  if (k->points)
    status = rt_run_cpu_points(k->prog, (RtPointsFn)k->points, &g, &ctx,
                               false, &run, msg, sizeof msg);
  else if (k->fn)
    status = rt_run_cpu(k->prog, k->fn, &g, &ctx, false, &run, msg,
                        sizeof msg);
  else {
    int64_t n = g.nx * g.ny;
    run = (RtRun){.elements = n,
                  .counts = calloc((size_t)(n ? n : 1), sizeof(int64_t))};
    if (!run.counts) {
      snprintf(msg, sizeof msg, "out of memory for %lld counts",
               (long long)n);
      status = RT_COMPILE_ERROR;
    } else {
      status = rt_cuda_run(k->gpu, k->ptx, k->prog, &g, run.counts, &ctx,
                           &run.seconds, msg, sizeof msg);
      if (status == RT_OK)
        run.sum = rt_counts_sum(run.counts, n);
    }
  }
  keep_output(k, &ctx);
  bool ok = status == RT_OK;
  if (status == RT_KERNEL_ERROR && ctx.exc != RT_EXC_NONE)
    exception_error(k, &ctx, err);
  else if (!ok)
    set_error(err, status == RT_COMPILE_ERROR ? "TypeError" : "RuntimeError",
              k->file, 0, 0, "%s", msg);
  if (ok) {
    char text[48];
    rt_sum_format(run.sum, text, sizeof text);
    if (sum)
      snprintf(sum, 48, "%s", text);
    if (points)
      *points = run.elements;
    if (seconds)
      *seconds = run.seconds;
  }
  __atomic_store_n(&k->cancel, 0, __ATOMIC_RELEASE);
  rt_context_free(&ctx);
  rt_run_free(&run);
  rt_grid_free(&g);
  return ok;
}

// ---- --emit ----------------------------------------------------------------

char *mandelc_emit(const char *source, const char *stage,
                   const mandelc_options *opts, mandelc_error *err) {
  static const mandelc_options defaults;
  const mandelc_options *o = opts ? opts : &defaults;
  clear_error(err);
  Stage st = ST_COUNT;
  for (int i = 1; i < ST_COUNT && stage; i++)
    if (strcmp(stage, stage_names[i]) == 0)
      st = (Stage)i;
  if (st == ST_COUNT) {
    char names[256] = "";
    size_t n = 0;
    for (int i = 1; i < ST_COUNT; i++)
      n += (size_t)snprintf(names + n, sizeof names - n, "%s%s",
                            i > 1 ? ", " : "", stage_names[i]);
    set_error(err, "ValueError", NULL, 0, 0, "unknown stage '%s'; the "
              "stages are %s", stage ? stage : "(null)", names);
    return NULL;
  }
  bool cuda;
  if (!target_of(o, &cuda, err))
    return NULL;
  size_t len;
  char *src = copy_source(source, &len, err);
  if (!src)
    return NULL;
  mandelc_kernel *k = kernel_new(src, len, o->filename ? o->filename
                                                       : "<string>", o, err);
  if (!k)
    return NULL;
  char *text = NULL;
  size_t text_len = 0;
  k->cuda = cuda;
  k->stage = st;
  k->emit = open_memstream(&text, &text_len);
  bool ok = k->emit && build(k, o);
  if (k->emit)
    fclose(k->emit);
  if (!k->emit)
    set_error(err, "MemoryError", NULL, 0, 0, "out of memory");
  mandelc_kernel_free(k);
  if (!ok) {
    free(text);
    return NULL;
  }
  return text;
}

const char *mandelc_version(void) {
  return MANDELC_VERSION;
}
