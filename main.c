// main.c - mandelc: the command line in, the pipeline, an exit status out.
//
// cli_parse (cli.c) reads `mandelc KERNEL.py [W [MAXITER]] [options]`
// strictly: anything it does not understand is a usage error (exit 2)
// before any work starts. run_pipeline then writes out every stage in
// order - read, lex, parse, select, infer, mark the parallel loop, lower
// for the target, run over the tutorial's grid, report - so the file reads
// as the map of mandelc. `--emit=STAGE` stops after its stage and prints
// it. A watcher thread (watch.c) owns the signals: Ctrl-C or --timeout set
// the cancel flag that worker loops check, and if the kernel does not stop
// within a grace period the watcher ends the process itself. report.c
// prints the results. Only cli.c calls exit (and the watcher _exit).
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

#ifndef MANDELC_VERSION
#define MANDELC_VERSION "0.0.0"
#endif

// NVRTC's target for --emit=ptx on a machine without a GPU: the oldest
// architecture CUDA 13 compiles for.
#define DEFAULT_CUDA_ARCH "compute_75"

// ---- the pipeline ----------------------------------------------------------

// Everything one compilation and run owns; session_free releases it all.
typedef struct {
  Arena *arena;
  Diag diag;
  char *src;
  size_t len;
  Program *prog;
#ifdef MANDELC_LLVM
  LlvmUnit *llvm;
  RtJit *jit;
  RtCache cache;
#endif
  void *object;         // the kernel's object file (llvm target)
  size_t object_len;
  RtCuda *cuda;
  char *ptx;
  char *code;           // the target code, for --annotate
  char *ir, *asm_text;  // LLVM listings for --annotate and --profile
  RtProfile *profile;   // --profile
  void *fn;             // the kernel's machine code (llvm target)
  RtContext ctx;
  bool ctx_live;
  Report report;
  Diagnostics diagnostics;  // kept for --json and SARIF
  RtRanks *ranks;       // under mpirun (runtime/ranks.c), else NULL
  int argc;             // the command line, which every rank must share
  char **argv;
} Session;

static void session_free(Session *s) {
  if (s->ctx_live)
    rt_context_free(&s->ctx);
#ifdef MANDELC_LLVM
  if (s->jit)
    rt_jit_free(s->jit);
  if (s->llvm)
    llvm_dispose(s->llvm);
#endif
  if (s->cuda)
    rt_cuda_close(s->cuda);
  rt_profile_free(s->profile);
  free(s->object);
  rt_run_free(&s->report.run);
  rt_grid_free(&s->report.grid);
  report_free_diagnostics(&s->diagnostics);
  if (s->arena)
    arena_free(s->arena);
  free(s->src);
}

static bool emit_text(const char *text) {
  if (!text)
    return false;
  fputs(text, stdout);
  return true;
}

#ifdef MANDELC_LLVM
// The compile cache: true when it holds this kernel's object (s->object),
// so lowering is skipped. --annotate needs the IR, so it always lowers.
static bool load_cached(const Options *o, Session *s) {
  char why[256];
  RtCacheInput in = {.src = s->src, .len = s->len,
                     .kernel = s->prog->kernel->name,
                     // the binding decides which values the code reads
                     .form = arena_sprintf(
                         s->arena, "%s: %s",
                         select_form_name(s->prog->choice.form),
                         select_binding_text(s->arena, &s->prog->choice)),
                     .opt = &o->copt, .version = MANDELC_VERSION};
  if (o->no_cache || o->emit != EMIT_NONE)
    return false;
  if (!rt_cache_open(&s->cache, &in, why, sizeof why)) {
    if (o->verbose)
      fprintf(stderr, "mandelc: warning: no compile cache: %s\n", why);
    return false;
  }
  if (!o->annotate && !o->profile)
    s->object = rt_cache_load(&s->cache, &s->object_len, why, sizeof why);
  if (!s->object && s->cache.damaged && o->verbose)
    fprintf(stderr, "mandelc: compile cache: %s: %s\n", s->cache.path, why);
  if (s->object && o->verbose) {  // no lowering: its -v lines come from it
    size_t n = 0;
    const char *notes = rt_jit_code_notes(s->object, s->object_len, &n);
    fwrite(notes, 1, n, stderr);
  }
  return s->object != NULL;
}

// A miss stores the fresh object; a cache that cannot be written only
// costs the next run a compile. --annotate and --profile compile the one
// module their listings show, not the two parts of a plain run
// (llvm_split): a hit must run what a plain cold compile runs.
static void store_cached(const Options *o, Session *s) {
  char why[512];
  if (s->cache.state == RT_CACHE_MISS && !o->annotate && !o->profile &&
      !rt_cache_store(&s->cache, s->object, s->object_len, why, sizeof why)
      && o->verbose)
    fprintf(stderr, "mandelc: warning: compile cache: %s\n", why);
}
#endif

#ifdef MANDELC_LLVM
// --emit=header or -H: the C header declaring the kernel, into -H's file
// or stdout. False after a message.
static bool write_header(const Options *o, Session *s) {
  char err[512];
  const char *path = o->header ? o->header : o->output;
  char *text = rt_aot_header(s->arena, s->prog, path ? path : "kernel.h",
                             err, sizeof err);
  if (!text) {
    fprintf(stderr, "mandelc: error: %s: no C header: %s\n", o->file, err);
    return false;
  }
  if (!o->header)
    return emit_text(text);
  FILE *f = fopen(o->header, "w");
  bool ok = f && fputs(text, f) >= 0;
  if (f && fclose(f) != 0)
    ok = false;
  if (!ok)
    fprintf(stderr, "mandelc: error: cannot write %s: %s\n", o->header,
            strerror(errno));
  return ok;
}

// Copies the file at path to stdout (--emit=obj without -o).
static bool copy_to_stdout(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return false;
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, f)) > 0)
    fwrite(buf, 1, n, stdout);
  bool ok = !ferror(f);
  fclose(f);
  return ok;
}

// -o FILE (--emit=obj): the kernel compiled for this CPU and the runtime
// it calls, as one object file or a shared library, then -H's header.
// Returns -1 (done) or an exit status.
static int write_object(const Options *o, Session *s) {
  if (!o->output && isatty(STDOUT_FILENO)) {
    fprintf(stderr, "mandelc: error: --emit=obj writes an object file: "
            "give -o FILE.o or redirect stdout\n");
    return RT_USAGE;
  }
  size_t len = 0;
  void *obj = rt_aot_object(&s->diag, s->llvm, &len);
  if (!obj)
    return RT_COMPILE_ERROR;
  char err[512], tmp[] = "/tmp/mandelc-obj-XXXXXX";
  const char *path = o->output;
  if (!path) {  // stdout, through a temporary file the linker writes
    int fd = mkstemp(tmp);
    if (fd >= 0)
      close(fd);
    path = tmp;
  }
  bool ok = rt_aot_write(path, obj, len, o->shared, err, sizeof err);
  free(obj);
  if (!o->output) {
    ok = ok && copy_to_stdout(tmp);
    unlink(tmp);
  }
  if (!ok) {
    fprintf(stderr, "mandelc: error: %s: %s\n", path, err);
    return RT_COMPILE_ERROR;
  }
  return o->header && !write_header(o, s) ? RT_USAGE : -1;
}

// --emit=llvm-raw and llvm: the IR, each line's Python quoted before it.
static bool emit_ir(const Options *o, Session *s) {
  return emit_text(rt_ir_with_source(s->arena, llvm_emit_ir(s->llvm, s->arena),
                                     o->file, s->src, s->len));
}
#endif

// LLVM: lower and optimise; stops early for --emit=llvm-raw/llvm/asm.
// Returns RT_OK, or an exit status (-1: emitted, done).
static int lower_llvm(const Options *o, Session *s) {
#ifdef MANDELC_LLVM
  Arena *a = s->arena;
  if (load_cached(o, s))
    return RT_OK;
  if (o->emit == EMIT_HEADER)
    return write_header(o, s) ? -1 : RT_USAGE;
  s->llvm = llvm_lower(a, &s->diag, s->prog, &o->copt);
  if (!s->llvm)
    return RT_COMPILE_ERROR;
  if (o->emit == EMIT_LLVM_RAW)
    return emit_ir(o, s) ? -1 : RT_COMPILE_ERROR;
  // No listing wanted: compile on two cores, the module cut in two.
  if (o->emit == EMIT_NONE && !o->annotate && !o->profile &&
      !llvm_split(s->llvm, &s->diag))
    return RT_COMPILE_ERROR;
  if (!llvm_optimize(s->llvm, &s->diag, &o->copt))
    return RT_COMPILE_ERROR;
  if (o->emit == EMIT_OBJ)
    return write_object(o, s);
  if (o->emit == EMIT_LLVM)
    return emit_ir(o, s) ? -1 : RT_COMPILE_ERROR;
  if (o->emit == EMIT_ASM) {
    char *text = llvm_emit_asm(s->llvm, a, &s->diag);
    return text && emit_text(rt_asm_with_source(a, text, o->file, s->src,
                                                s->len))
               ? -1 : RT_COMPILE_ERROR;
  }
  if (o->annotate || o->profile) {
    s->ir = llvm_emit_ir(s->llvm, a);
    s->asm_text = llvm_emit_asm(s->llvm, a, &s->diag);
  }
  return RT_OK;
#else
  (void)s;
  (void)o;
  fprintf(stderr, "mandelc: error: --target=llvm is unavailable: this "
          "mandelc was built without LLVM\n");
  return RT_UNAVAILABLE;
#endif
}

#ifdef MANDELC_LLVM
// The lowering's `simd:` line (which form runs, or why not the vector
// one), from the notes kept with the code, so a cache hit has it too;
// NULL when it said none (a kernel with no loop over the points).
static const char *simd_note(Session *s) {
  size_t n = 0;
  const char *notes = rt_jit_code_notes(s->object, s->object_len, &n);
  const char *tag = "simd: ";
  char *line = strstr(arena_strndup(s->arena, notes, n), tag);
  if (!line)
    return NULL;
  line += strlen(tag);
  line[strcspn(line, "\n")] = '\0';
  return line;
}
#endif

// LLVM: the optimised module (or the cached object) to machine code.
// Sets s->fn.
static int build_llvm(const Options *o, Session *s) {
#ifdef MANDELC_LLVM
  if (!s->object) {
    s->object = rt_jit_emit_object(&s->diag, s->llvm, &s->object_len);
    if (!s->object)
      return RT_COMPILE_ERROR;
    store_cached(o, s);
  }
  s->report.cache = rt_cache_state_name(s->cache.state);
  s->report.simd = simd_note(s);
  s->jit = rt_jit_load_object(&s->diag, s->object, s->object_len,
                              o->debug_jit);
  if (!s->jit)
    return RT_COMPILE_ERROR;
  s->fn = rt_jit_lookup(s->jit, s->prog->kernel->name);
  if (!s->fn) {
    fprintf(stderr, "mandelc: error: the JIT has no function '%s'\n",
            s->prog->kernel->name);
    return RT_COMPILE_ERROR;
  }
  return RT_OK;
#else
  (void)o;
  (void)s;
  return RT_UNAVAILABLE;
#endif
}

// CUDA: the typed program to CUDA C; stops early for --emit=cuda.
static int lower_cuda(const Options *o, Session *s) {
  if (o->emit == EMIT_CUDA_PRELUDE)  // what every kernel's #include names
    return emit_text(cuda_emit_prelude(s->arena)) ? -1 : RT_COMPILE_ERROR;
#ifndef MANDELC_CUDA  // CMake found no CUDA toolkit: CUDA C is all there is
  if (o->emit != EMIT_CUDA) {
    fprintf(stderr, "mandelc: error: --target=cuda is unavailable: this "
            "mandelc was built without CUDA (no CUDA toolkit under "
            "CUDA_ROOT when it was configured)\n");
    return RT_UNAVAILABLE;
  }
#endif
  s->code = cuda_emit(s->arena, &s->diag, s->prog, &o->copt);
  if (!s->code)
    return RT_COMPILE_ERROR;
  if (o->emit == EMIT_CUDA)
    return emit_text(s->code) ? -1 : RT_COMPILE_ERROR;
  return RT_OK;
}

// CUDA: open the GPU, then NVRTC to PTX for its architecture. --emit=ptx
// needs no GPU: it compiles for DEFAULT_CUDA_ARCH when there is none.
static int build_cuda(const Options *o, Session *s) {
  char err[512], arch[32] = DEFAULT_CUDA_ARCH;
  s->cuda = rt_cuda_open_nth(rt_ranks_local_rank(s->ranks), err,
                             sizeof err);
  if (s->cuda)
    rt_cuda_arch(s->cuda, arch, sizeof arch);
  else if (o->emit != EMIT_PTX) {
    fprintf(stderr, "mandelc: error: --target=cuda is unavailable here: "
            "%s\n", err);
    return RT_UNAVAILABLE;
  }
  s->ptx = nvrtc_compile(s->arena, &s->diag, s->code, s->prog->file, arch,
                         &o->copt);
  if (!s->ptx)
    return RT_COMPILE_ERROR;
  if (o->emit == EMIT_PTX)
    return emit_text(s->ptx) ? -1 : RT_COMPILE_ERROR;
  return RT_OK;
}

static void say_parallel(const Options *o, Program *p) {
  const char *why = NULL;
  Node *where = NULL;
  bool marked = parallel_mark(p, &why, &where);
  if (!o->verbose || p->choice.form != FORM_LIST)
    return;
  if (marked)
    fprintf(stderr, "mandelc: the outer loop runs in parallel\n");
  else if (where)
    fprintf(stderr, "mandelc: %s:%d: the outer loop stays serial: %s\n",
            o->file, where->line, why ? why : "");
  else
    fprintf(stderr, "mandelc: the outer loop stays serial: %s\n",
            why ? why : "no loop over the points");
}

// The kernel's run on the CPU (rt_run_cpu) or the GPU (rt_cuda_run, which
// returns counts that are summed here). Returns an exit status.
static int run_on_target(const Options *o, Session *s, char *err,
                         size_t errlen) {
  Report *r = &s->report;
  void *points = NULL;
#ifdef MANDELC_LLVM  // (a build without LLVM has only the cuda target)
  // A point kernel runs through NAME.points (llvm_simd.c), a block a call.
  if (!o->cuda)
    points = rt_jit_find(s->jit, arena_sprintf(s->arena, "%s.points",
                                               s->prog->kernel->name));
#endif
  if (points)
    return rt_run_cpu_points(s->prog, (RtPointsFn)points, &r->grid, &s->ctx,
                             o->image != NULL, &r->run, err, errlen);
  if (!o->cuda)
    return rt_run_cpu(s->prog, s->fn, &r->grid, &s->ctx, o->image != NULL,
                      &r->run, err, errlen);
  int64_t n = r->grid.nx * r->grid.ny;
  r->run = (RtRun){.elements = n,
                   .counts = calloc((size_t)(n ? n : 1), sizeof(int64_t))};
  if (!r->run.counts) {
    snprintf(err, errlen, "out of memory for %lld counts", (long long)n);
    return RT_KERNEL_ERROR;
  }
  int status = rt_cuda_run(s->cuda, s->ptx, s->prog, &r->grid,
                           r->run.counts, &s->ctx, &r->run.seconds, err,
                           errlen);
  r->gpu_total_seconds = rt_cuda_total_seconds(s->cuda);
  if (status == RT_OK)
    r->run.sum = rt_counts_sum(r->run.counts, n);
  return status;
}

// --profile: a run too short for enough samples (the default size takes a
// few) runs again, quietly (its prints and results thrown away), until the
// profile has RT_PROFILE_ENOUGH samples, or RT_PROFILE_MAX_SECONDS of CPU
// time (or four times that of wall time, on a busy machine) passed; the
// table says how many runs its samples came from.
static double seconds_of(clockid_t clock) {
  struct timespec t;
  clock_gettime(clock, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static void profile_repeats(const Options *o, Session *s, Watch *w) {
  FILE *quiet = fopen("/dev/null", "w");
  if (!quiet)
    return;
  RtContext first = s->ctx;
  RtRun run = s->report.run;
  double cpu0 = seconds_of(CLOCK_PROCESS_CPUTIME_ID);
  double wall0 = seconds_of(CLOCK_MONOTONIC);
  int runs = 1;
  char err[512];
  while (rt_profile_taken(s->profile) < RT_PROFILE_ENOUGH && !w->cancel &&
         seconds_of(CLOCK_PROCESS_CPUTIME_ID) - cpu0 < RT_PROFILE_MAX_SECONDS &&
         seconds_of(CLOCK_MONOTONIC) - wall0 < 4 * RT_PROFILE_MAX_SECONDS) {
    rt_context_init(&s->ctx, quiet, o->threads);
    s->ctx.cancel = &w->cancel;
    s->report.run = (RtRun){0};
    int status = run_on_target(o, s, err, sizeof err);
    rt_run_free(&s->report.run);
    rt_context_free(&s->ctx);
    runs++;
    if (status != RT_OK)
      break;
  }
  s->ctx = first;
  s->report.run = run;
  fclose(quiet);
  rt_profile_set_runs(s->profile, runs);
}

// Runs the compiled kernel over the grid. Returns an exit status.
static int run_kernel(const Options *o, Session *s, Watch *w) {
  Report *r = &s->report;
  r->grid = (RtGrid){.x1 = o->region[0], .x2 = o->region[1],
                     .y1 = o->region[2], .y2 = o->region[3],
                     .w = o->w, .maxiter = o->maxiter,
                     .julia = o->julia, .julia_re = o->julia_c[0],
                     .julia_im = o->julia_c[1]};
  char err[512];
  if (!rt_grid_build(&r->grid, err, sizeof err)) {
    fprintf(stderr, "mandelc: error: %s\n", err);
    return RT_USAGE;
  }
  int ready = rt_ranks_ready(s->ranks, RT_OK, stderr);
  if (ready != RT_OK)
    return ready;
  rt_context_init(&s->ctx, o->json ? stderr : stdout, o->threads);
  s->ctx_live = true;
  s->ctx.cancel = &w->cancel;
  s->ctx.ranks = s->ranks;
  if (s->ranks)
    s->ctx.split = rt_ranks_parallel_for;
  int64_t n = r->grid.nx * r->grid.ny;
  if (!o->json) {
    printf("Total elements: %" PRId64 "\n", n);
    fflush(stdout);
  }
  if (o->profile && !(s->profile = rt_profile_start(err, sizeof err))) {
    fprintf(stderr, "mandelc: error: %s\n", err);
    return RT_UNAVAILABLE;
  }
  int status = run_on_target(o, s, err, sizeof err);
  if (s->profile && status == RT_OK)
    profile_repeats(o, s, w);
  rt_profile_stop(s->profile);
  rt_context_flush(&s->ctx);  // a failed write shows in ferror(stdout)
  int stop = watch_finish(w);
  if (stop == STOP_NONE && rt_ranks_cancelled(s->ranks))  // by another rank
    stop = o->timeout > 0 ? STOP_TIMEOUT : STOP_INTERRUPT;
  if (stop != STOP_NONE) {
    return watch_report_stop(w, stop);
  }
  if (status == RT_KERNEL_ERROR && s->ctx.exc != RT_EXC_NONE) {
    fflush(stdout);
    rt_report_error(stderr, o->file, &s->ctx);
    if (o->json)
      report_json_error(stdout, "exception", rt_exc_name(s->ctx.exc),
                        s->ctx.msg, o->file, s->ctx.line, 0);
  } else if (status != RT_OK) {
    fprintf(stderr, "mandelc: error: %s\n", err);
  }
  return status;
}

static bool write_image(const Options *o, const Report *r) {
  char err[512];
  if (rt_image_write_grid(o->image, r->run.counts, &r->grid, err,
                          sizeof err))
    return true;
  fprintf(stderr, "mandelc: error: %s\n", err);
  return false;
}

// A CUDA report also shows the LLVM listings of the same program, and PTX
// for DEFAULT_CUDA_ARCH: it is written before any GPU is opened.
static void cuda_listings(const Options *o, Session *s, RtListings *l) {
  l->cuda = s->code;
  // cuda_emit marks the code that is no kernel line as FILE.cu's, so that
  // PTX's `.loc`s name the kernel file only for the kernel's code.
  const char *name = arena_sprintf(s->arena, "%s.cu", s->prog->file);
  l->ptx = nvrtc_compile(s->arena, &s->diag, s->code, name,
                         DEFAULT_CUDA_ARCH, &o->copt);
#ifdef MANDELC_LLVM
  LlvmUnit *u = llvm_lower(s->arena, &s->diag, s->prog, &o->copt);
  if (u && llvm_optimize(u, &s->diag, &o->copt)) {
    l->ir = llvm_emit_ir(u, s->arena);
    l->asm_text = llvm_emit_asm(u, s->arena, &s->diag);
  }
  if (u)
    llvm_dispose(u);
#endif
}

static bool write_annotation(const Options *o, Session *s) {
  char err[512];
  RtListings l = {.ir = s->ir, .asm_text = s->asm_text,
                  .profile = s->profile, .target = o->cuda ? "cuda" : "llvm",
                  .cpu = o->copt.cpu};
  if (o->cuda)
    cuda_listings(o, s, &l);
  if (rt_annotate_report(o->annotate, s->arena, s->prog, s->src, s->len, &l,
                         err, sizeof err))
    return true;
  fprintf(stderr, "mandelc: error: %s\n", err);
  return false;
}

// --profile: the samples mapped to lines, as a table on stderr.
static void report_profile(const Options *o, Session *s) {
#ifdef MANDELC_LLVM
  char err[512];
  int nlines = 1;
  for (size_t i = 0; i < s->len; i++)
    nlines += s->src[i] == '\n';
  if (rt_profile_map(s->profile, s->jit, s->asm_text ? s->asm_text : "",
                     nlines, err, sizeof err)) {
    rt_profile_print(stderr, s->profile, o->file, s->src, s->len);
    s->report.profile = s->profile;
  } else
    fprintf(stderr, "mandelc: warning: no profile: %s\n", err);
#else
  (void)o;
  (void)s;
#endif
}

// The kernel as the C program of --emit=c, built by cc and run: false,
// with the reason in err (the C target's diagnostic among them), when
// there is no row to show.
static bool run_c_program(const Options *o, Session *s, RtReference *out,
                          char *err, size_t errlen) {
  char *msg = NULL;
  size_t len = 0;
  FILE *msgs = open_memstream(&msg, &len);
  if (!msgs)
    return snprintf(err, errlen, "out of memory"), false;
  FILE *diag_out = s->diag.out;
  s->diag.out = msgs;  // a refusal is a warning here, not an error
  char *c = c_emit(s->arena, &s->diag, s->prog, &o->copt, o->region,
                     o->julia ? o->julia_c : NULL);
  s->diag.out = diag_out;
  fclose(msgs);
  if (!c)
    snprintf(err, errlen, "%.*s", (int)strcspn(msg, "\n"), msg);
  free(msg);
  return c && rt_cprogram_run(c, &s->report.grid, out, err, errlen);
}

static void run_references(const Options *o, Session *s) {
  Report *r = &s->report;
  RtContext ctx;
  rt_context_init(&ctx, NULL, o->threads);
  ctx.cancel = s->ctx.cancel;
  for (int i = 0; i < RT_REFERENCES; i++)
    rt_reference_run(i, &r->grid, &ctx, &r->refs[r->nrefs++]);
  char err[512];
  if (!run_c_program(o, s, &r->refs[r->nrefs], err, sizeof err))
    fprintf(stderr, "mandelc: warning: the generated C: %s\n", err);
  else
    r->nrefs++;
  if (o->cuda && s->cuda &&
      !rt_reference_cuda_run(s->cuda, s->arena, &s->diag, &r->grid, &ctx,
                             &r->refs[r->nrefs++], err, sizeof err)) {
    fprintf(stderr, "mandelc: warning: the CUDA reference: %s\n", err);
    r->nrefs--;
  }
  rt_context_free(&ctx);
}

// The whole of mandelc, in order. Returns the exit status.
static int run_pipeline(const Options *o, Session *s, Watch *w) {
  double t0 = watch_now();
  // 1. read the file (bounded) and set up the compilation's arena
  char why[512];
  s->src = lex_read_file(o->file, &s->len, why, sizeof why);
  if (!s->src)
    fprintf(stderr, "mandelc: error: %s\n", why);
  if (!rt_ranks_agree(s->ranks, s->src, s->len, s->argc, s->argv, stderr) ||
      !s->src)
    return RT_USAGE;
  s->arena = arena_new();
  diag_init(&s->diag, o->file, s->src, s->len, o->sarif ? NULL : stderr);
  if (o->json || o->sarif) {
    s->diag.sink = report_keep_diagnostic;
    s->diag.sink_ctx = &s->diagnostics;
  }
  arena_set_diag(s->arena, &s->diag);
  // 2. lex: text -> tokens
  Token *toks = lex_source(s->arena, &s->diag, o->file, s->src, s->len);
  if (!toks)
    return RT_COMPILE_ERROR;
  if (o->emit == EMIT_TOKENS)
    return lex_dump(stdout, toks), RT_OK;
  // 3. parse: tokens -> AST
  Node *module = parse_module(s->arena, &s->diag, toks);
  if (!module)
    return RT_COMPILE_ERROR;
  if (o->emit == EMIT_AST)
    return ast_dump(stdout, module), RT_OK;
  // 4. select the kernel and its form, 5. infer the types
  KernelChoice choice;
  SelectOptions sel = {.kernel = o->kernel, .bind = o->bind};
  SelectResult chosen = select_kernel_with(&s->diag, module, &sel, &choice);
  if (chosen != SELECT_OK)
    return chosen == SELECT_BAD_OPTION ? RT_USAGE : RT_COMPILE_ERROR;
  if (o->julia && (choice.form != FORM_LIST ||
                   !memchr(choice.binding, 'z', (size_t)choice.nparams))) {
    fprintf(stderr, "mandelc: error: --julia: '%s' takes no starting values "
            "z, so the grid has nowhere to go (binding: %s)\n",
            choice.def->name, select_binding_text(s->arena, &choice));
    return RT_USAGE;
  }
  if (!(s->prog = infer_program(s->arena, &s->diag, module, &choice)))
    return RT_COMPILE_ERROR;
  if (o->emit == EMIT_TYPES)
    return infer_dump(stdout, s->arena, s->prog), RT_OK;
  if (o->emit == EMIT_C) {  // the kernel and the driver as a C program
    char *c = c_emit(s->arena, &s->diag, s->prog, &o->copt, o->region,
                     o->julia ? o->julia_c : NULL);
    return !c ? RT_COMPILE_ERROR : emit_text(c) ? RT_OK : RT_COMPILE_ERROR;
  }
  // 6. mark the outer loop parallel when its iterations are independent
  say_parallel(o, s->prog);
  // 7. lower for the target: optimised LLVM IR, or CUDA C
  int status = o->cuda ? lower_cuda(o, s) : lower_llvm(o, s);
  if (status != RT_OK)
    return status < 0 ? RT_OK : status;
  if (o->annotate && !o->profile && !write_annotation(o, s))
    return RT_USAGE;
  // 8. machine code: the JIT's, or NVRTC's PTX for the GPU found
  status = o->cuda ? build_cuda(o, s) : build_llvm(o, s);
  if (status != RT_OK)
    return status < 0 ? RT_OK : status;
  Report *r = &s->report;
  r->compile_seconds = watch_now() - t0;
  r->kernel = s->prog->kernel->name;
  r->form = select_form_name(s->prog->choice.form);
  r->binding = select_binding_text(s->arena, &s->prog->choice);
  if (o->verbose)
    fprintf(stderr, "mandelc: kernel %s (%s form), target %s, compiled in "
            "%.1f ms (compile cache %s), %d threads\nmandelc: binding: %s\n",
            r->kernel, r->form, o->cuda ? "cuda" : "llvm",
            r->compile_seconds * 1e3, r->cache ? r->cache : "off",
            o->threads, r->binding);
  // 9. run over the grid, 10. report
  if ((status = run_kernel(o, s, w)) != RT_OK)
    return status;
  r->ranks = s->ranks;
  if (o->verbose)
    rt_ranks_report(s->ranks, stderr, false);
  if (o->profile)
    report_profile(o, s);
  if (o->annotate && o->profile && !write_annotation(o, s))
    return RT_USAGE;
  if (o->image && !write_image(o, r))
    return RT_USAGE;
  if (o->compare)
    run_references(o, s);
  report_result(o, r);
  if (o->compare && !o->json)
    report_compare(o, r);
  return RT_OK;
}

// True when stdout is a pipe whose reader has gone (`mandelc ... | head`):
// poll reports POLLERR on such a pipe's writing end.
static bool stdout_pipe_closed(void) {
  struct pollfd p = {.fd = STDOUT_FILENO};
  return poll(&p, 1, 0) == 1 && (p.revents & POLLERR);
}

// The ending of a run: --json's error object and the SARIF log, then the
// output flushed. A reader that closed the pipe ends mandelc as SIGPIPE
// ends other tools, quietly; any other failed write is an error.
static int finish(const Options *o, Session *s, int status) {
  if (o->json && status == RT_COMPILE_ERROR)
    report_json_compile_error(stdout, &s->diagnostics, o->file,
                              "the kernel did not compile");
  if (o->sarif && s->src)
    report_sarif(stderr, &s->diagnostics, o->file, MANDELC_VERSION);
  if (fflush(stdout) == 0 && !ferror(stdout))
    return status;
  if (stdout_pipe_closed()) {
    signal(SIGPIPE, SIG_DFL);
    raise(SIGPIPE);
  }
  fprintf(stderr, "mandelc: error: cannot write the output: %s\n",
          strerror(errno));
  return status == RT_OK ? RT_COMPILE_ERROR : status;
}

// Under mpirun, ranks other than 0 print nothing: rank 0 speaks for the
// job (their failures reach it through ranks.c's checkpoints).
static void quiet_output(void) {
  int fd = open("/dev/null", O_WRONLY);
  if (fd < 0)
    return;
  fflush(stdout);
  dup2(fd, STDOUT_FILENO);
  dup2(fd, STDERR_FILENO);
  close(fd);
}

int main(int argc, char **argv) {
  // A closed pipe is noticed at the end (finish), not a signal to die of
  // in the middle of a run.
  signal(SIGPIPE, SIG_IGN);
  Options o = cli_parse(argc, argv);
  // -o FILE with a text stage: the text goes there instead of stdout.
  if (o.output && o.emit != EMIT_OBJ && !freopen(o.output, "w", stdout)) {
    fprintf(stderr, "mandelc: error: cannot write %s: %s\n", o.output,
            strerror(errno));
    return RT_USAGE;
  }
  Watch w;
  watch_start(&w, &o);  // first: MPI's threads inherit the blocked signals
  Session s = {.argc = argc, .argv = argv};
  char err[256] = "";
  s.ranks = rt_ranks_open(&argc, &argv, err, sizeof err);
  if (!s.ranks && err[0]) {
    fprintf(stderr, "mandelc: error: %s\n", err);
    return RT_UNAVAILABLE;
  }
  rt_ranks_set_threads(s.ranks, o.threads);
  if (rt_ranks_rank(s.ranks) > 0)
    quiet_output();
  int status = run_pipeline(&o, &s, &w);
  watch_finish(&w);
  status = finish(&o, &s, status);
  session_free(&s);
  return rt_ranks_close(s.ranks, status);
}
