// main.c - the command line: arguments in, the pipeline, an exit status out.
//
// parse_args reads `mandelc KERNEL.py [W [MAXITER]] [options]` strictly:
// anything it does not understand is a usage error (exit 2) before any
// work starts. run_pipeline then writes out every stage in order - read,
// lex, parse, select, infer, mark the parallel loop, lower for the target,
// run over the tutorial's grid, report - so the file reads as the map of
// mandelc. `--emit=STAGE` stops after its stage and prints it. A watcher
// thread owns the signals: Ctrl-C or --timeout set the cancel flag that
// worker loops check, and if the kernel does not stop within a grace
// period the watcher ends the process itself. Only this file calls exit.
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "runtime/runtime.h"

#ifndef MANDELC_VERSION
#define MANDELC_VERSION "0.0.0"
#endif

// --threads beyond this is a typo, not a machine.
#define MAX_THREADS 1024
// --timeout beyond a year is a typo too.
#define MAX_TIMEOUT_SECONDS (365.0 * 24 * 3600)
// How long a cancelled kernel may take to notice before the watcher ends
// the process (compiled loops need not check the cancel flag).
#define GRACE_SECONDS 1.0
// A run that takes longer than this shows its progress on a terminal.
#define PROGRESS_AFTER 1.0
// Exit status after Ctrl-C, as a shell reports death by SIGINT.
#define EXIT_INTERRUPTED 130
// NVRTC's target for --emit=ptx on a machine without a GPU: the oldest
// architecture CUDA 13 compiles for.
#define DEFAULT_CUDA_ARCH "compute_75"

#define EMIT_STAGES(X)          \
  X(EMIT_NONE, "")              \
  X(EMIT_TOKENS, "tokens")      \
  X(EMIT_AST, "ast")            \
  X(EMIT_TYPES, "types")        \
  X(EMIT_LLVM_RAW, "llvm-raw")  \
  X(EMIT_LLVM, "llvm")          \
  X(EMIT_ASM, "asm")            \
  X(EMIT_CUDA, "cuda")          \
  X(EMIT_PTX, "ptx")

typedef enum {
#define X(name, text) name,
  EMIT_STAGES(X)
#undef X
} Emit;

static const char *const emit_names[] = {
#define X(name, text) text,
  EMIT_STAGES(X)
#undef X
};

typedef struct {
  const char *file;
  int64_t w, maxiter;
  bool cuda;              // --target=cuda
  const char *kernel;     // --kernel
  Emit emit;
  const char *image;      // --image
  const char *annotate;   // --annotate
  bool compare, json, verbose;
  bool profile;           // --profile
  bool no_cache;          // --no-cache
  CompileOptions copt;
  int threads;
  double region[4];       // x1, x2, y1, y2
  double timeout;         // seconds; 0: none
} Options;

// ---- the watcher: Ctrl-C and --timeout -------------------------------------

enum { STOP_NONE, STOP_INTERRUPT, STOP_TIMEOUT };

typedef struct {
  volatile int cancel;    // what the runtime's loops read
  int reason;             // STOP_*
  bool done;              // main has finished and reports by itself
  bool running;           // the thread is started and not yet joined
  pthread_t thread;
  double timeout;
  const char *file;
  pthread_mutex_t lock;
  bool progress;          // stderr is a terminal and no --json: show time
  bool progress_shown;    // a progress line is on the terminal
} Watch;

static double now_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int stop_status(int reason) {
  return reason == STOP_INTERRUPT ? EXIT_INTERRUPTED : RT_KERNEL_ERROR;
}

static void print_stop(const Watch *w, int reason) {
  if (w->progress_shown)
    fputs("\r\033[K", stderr);  // the progress line goes first
  if (reason == STOP_INTERRUPT)
    fprintf(stderr, "mandelc: interrupted\n");
  else
    fprintf(stderr, "%s: TimeoutError: the run took longer than "
            "--timeout=%g seconds\n", w->file, w->timeout);
}

static bool is_done(Watch *w) {
  pthread_mutex_lock(&w->lock);
  bool done = w->done;
  pthread_mutex_unlock(&w->lock);
  return done;
}

// Asks the run to stop; if main has not finished after the grace period,
// reports for it and ends the process.
static void stop_run(Watch *w, int reason) {
  pthread_mutex_lock(&w->lock);
  w->reason = reason;
  w->cancel = 1;
  pthread_mutex_unlock(&w->lock);
  double deadline = now_seconds() + GRACE_SECONDS;
  while (now_seconds() < deadline) {
    nanosleep(&(struct timespec){0, 10 * 1000 * 1000}, NULL);
    if (is_done(w))
      return;
  }
  pthread_mutex_lock(&w->lock);
  if (!w->done) {
    fflush(stdout);
    print_stop(w, reason);
    _exit(stop_status(reason));
  }
  pthread_mutex_unlock(&w->lock);
}

// The signals only the watcher takes: Ctrl-C, kill, and SIGUSR1, with
// which main wakes it to finish.
static void watched_signals(sigset_t *set) {
  sigemptyset(set);
  sigaddset(set, SIGINT);
  sigaddset(set, SIGTERM);
  sigaddset(set, SIGUSR1);
}

// After PROGRESS_AFTER seconds a run shows how long it has taken, on one
// line of stderr rewritten in place (a terminal only; never in pipes).
static void show_progress(Watch *w, double elapsed, double *last) {
  if (!w->progress || elapsed < PROGRESS_AFTER || elapsed - *last < 0.25)
    return;
  *last = elapsed;
  fprintf(stderr, "\rmandelc: running %s ... %.1f s (Ctrl-C stops it)",
          w->file, elapsed);
  fflush(stderr);
  w->progress_shown = true;
}

// The signals are blocked in every thread; this one waits for them.
static void *watch_signals(void *arg) {
  Watch *w = arg;
  sigset_t set;
  watched_signals(&set);
  double start = now_seconds(), last_progress = 0;
  for (;;) {
    struct timespec tick = {0, 50 * 1000 * 1000};
    int sig = sigtimedwait(&set, NULL, &tick);
    if (is_done(w))
      return NULL;
    show_progress(w, now_seconds() - start, &last_progress);
    if (sig == SIGINT || sig == SIGTERM) {
      stop_run(w, STOP_INTERRUPT);
      return NULL;
    }
    if (w->timeout > 0 && now_seconds() - start > w->timeout) {
      stop_run(w, STOP_TIMEOUT);
      return NULL;
    }
  }
}

static void watch_start(Watch *w, const Options *o) {
  *w = (Watch){.timeout = o->timeout, .file = o->file,
               .progress = isatty(STDERR_FILENO) && !o->json &&
                           o->emit == EMIT_NONE};
  pthread_mutex_init(&w->lock, NULL);
  sigset_t set;
  watched_signals(&set);
  // Blocked before any other thread exists, so every thread inherits it.
  pthread_sigmask(SIG_BLOCK, &set, NULL);
  w->running = pthread_create(&w->thread, NULL, watch_signals, w) == 0;
  if (!w->running)
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);  // Ctrl-C then just kills
}

// Main is done: the watcher is woken and joined (it must not outlive w,
// which lives in main's frame). Returns why the run was stopped, STOP_NONE
// if it was not.
static int watch_finish(Watch *w) {
  pthread_mutex_lock(&w->lock);
  w->done = true;
  int reason = w->reason;
  pthread_mutex_unlock(&w->lock);
  if (w->running) {
    pthread_kill(w->thread, SIGUSR1);
    pthread_join(w->thread, NULL);
    w->running = false;
    if (w->progress_shown)
      fputs("\r\033[K", stderr);  // the progress line goes

    // From here (--compare, --image) Ctrl-C simply ends mandelc.
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
  }
  return reason;
}

// ---- usage -----------------------------------------------------------------

static void print_help(FILE *out) {
  fputs(
    "usage: mandelc KERNEL.py [W [MAXITER]] [options]\n"
    "\n"
    "Compiles the Mandelbrot kernel in KERNEL.py (restricted Python) and\n"
    "runs it over the tutorial's grid, printing what `python KERNEL.py W\n"
    "MAXITER` prints. W and MAXITER default to 1000 1000; W gives a\n"
    "W/2 x W/2 picture.\n"
    "\n"
    "options:\n"
    "  --target=llvm|cuda    compile with LLVM and run on the CPU (default),\n"
    "                        or CUDA C through NVRTC on the GPU\n"
    "  --kernel=NAME         the function to compile (default: the one\n"
    "                        whose parameters the driver can bind)\n"
    "  --emit=STAGE          print one stage and stop: tokens, ast, types,\n"
    "                        llvm-raw (IR before optimisation), llvm, asm,\n"
    "                        cuda, ptx\n"
    "  --annotate=FILE.html  write a report: each source line with its\n"
    "                        inferred types and the code generated for it\n"
    "  --image=FILE.png      write the picture (colour by escape count)\n"
    "  --profile             sample the run and print the time spent on\n"
    "                        each line of the kernel on stderr (llvm)\n"
    "  --compare             also run the hand-written C kernels and print\n"
    "                        a table on stderr: variant, time, validation\n"
    "                        sum, time ratio to the compiled kernel\n"
    "  --threads=N           CPU worker threads (default: all cores)\n"
    "  --precision=float64|float32\n"
    "                        GPU arithmetic; float32 is faster and inexact\n"
    "  --fast-math           allow contraction and reassociation, and on\n"
    "                        the GPU CUDA's exp, log, pow, sin, ... (not\n"
    "                        glibc's: refused without it); results may\n"
    "                        then differ from CPython\n"
    "  --simd=on|off         allow vectorised code (default on)\n"
    "  --no-cache            compile afresh; do not read or write the\n"
    "                        compile cache ($XDG_CACHE_HOME/mandelc)\n"
    "  --region=X1,X2,Y1,Y2  the plane's area (default -2.13,0.77,-1.3,1.3)\n"
    "  --json                one JSON object on stdout instead of the text\n"
    "                        (kernel prints then go to stderr)\n"
    "  --timeout=SECONDS     stop after SECONDS: TimeoutError, exit 3\n"
    "  -v, --verbose         target, timings and parallel loops on stderr\n"
    "  -h, --help            this text\n"
    "  --version             the version of mandelc and of LLVM\n"
    "\n"
    "exit status: 0 success, 1 compile error, 2 bad command line,\n"
    "3 run-time error raised by the kernel (or --timeout), 4 target\n"
    "unavailable, 130 interrupted (Ctrl-C)\n"
    "\n"
    "limits: kernel file 16 MiB; nesting 200 levels (8 links of a\n"
    "chain such as a + b + ... or elif ... count as one), 100 indents;\n"
    "W 1..100000; MAXITER 0..2^40; a list 2^31 elements or 16 GiB\n"
    "(else MemoryError); recursion 1000 calls (else RecursionError);\n"
    "--threads 1..1024; --timeout up to a year\n",
    out);
}

static void print_version(void) {
  printf("mandelc %s\n", MANDELC_VERSION);
#ifdef MANDELC_LLVM
  printf("LLVM %s\n", MANDELC_LLVM_VERSION);
#else
  printf("built without LLVM: --target=llvm is unavailable\n");
#endif
}

// A usage error: the message, a hint, exit 2.
_Noreturn static void usage_error(const char *fmt, const char *arg) {
  fprintf(stderr, "mandelc: error: ");
  fprintf(stderr, fmt, arg);
  fprintf(stderr, "\nTry 'mandelc --help' for more information.\n");
  exit(RT_USAGE);
}

static int64_t parse_int(const char *s, int64_t lo, int64_t hi,
                         const char *what) {
  char *end;
  errno = 0;
  long long v = strtoll(s, &end, 10);
  if (!*s || *end || errno || v < lo || v > hi) {
    fprintf(stderr, "mandelc: error: %s must be an integer from %" PRId64
            " to %" PRId64 ", not '%s'\n", what, lo, hi, s);
    fprintf(stderr, "Try 'mandelc --help' for more information.\n");
    exit(RT_USAGE);
  }
  return v;
}

// bad: the message for a number that is not one, naming the option
static double parse_double(const char *bad, const char *s, char **end) {
  errno = 0;
  double v = strtod(s, end);
  if (*end == s || errno || !isfinite(v))
    usage_error(bad, s);
  return v;
}

static void parse_region(Options *o, const char *s) {
  const char *p = s;
  for (int i = 0; i < 4; i++) {
    char *end;
    o->region[i] =
        parse_double("--region: '%s' is not a finite number", p, &end);
    if (*end != (i < 3 ? ',' : '\0'))
      usage_error("--region needs four numbers X1,X2,Y1,Y2, not '%s'", s);
    p = end + 1;
  }
  if (!(o->region[0] < o->region[1] && o->region[2] < o->region[3]))
    usage_error("--region needs X1 < X2 and Y1 < Y2, not '%s'", s);
}

// The text after "--name=" when arg is that option, else NULL.
static const char *option_value(const char *arg, const char *name) {
  size_t n = strlen(name);
  if (strncmp(arg, name, n) != 0)
    return NULL;
  if (arg[n] == '=')
    return arg + n + 1;
  if (arg[n] == '\0')
    usage_error("option %s needs a value, as in --option=VALUE", name);
  return NULL;
}

static Emit parse_emit(const char *s) {
  for (int e = EMIT_TOKENS; e <= EMIT_PTX; e++)
    if (strcmp(s, emit_names[e]) == 0)
      return (Emit)e;
  usage_error("unknown --emit stage '%s' (tokens, ast, types, llvm-raw, "
              "llvm, asm, cuda, ptx)", s);
}

// Options that take a value; false when arg is none of them.
static bool parse_valued(Options *o, const char *arg) {
  const char *v;
  if ((v = option_value(arg, "--target"))) {
    if (strcmp(v, "llvm") && strcmp(v, "cuda"))
      usage_error("unknown target '%s' (llvm or cuda)", v);
    o->cuda = strcmp(v, "cuda") == 0;
  } else if ((v = option_value(arg, "--kernel"))) {
    o->kernel = v;
  } else if ((v = option_value(arg, "--emit"))) {
    o->emit = parse_emit(v);
  } else if ((v = option_value(arg, "--image"))) {
    o->image = v;
  } else if ((v = option_value(arg, "--annotate"))) {
    o->annotate = v;
  } else if ((v = option_value(arg, "--threads"))) {
    o->threads = (int)parse_int(v, 1, MAX_THREADS, "--threads");
  } else if ((v = option_value(arg, "--precision"))) {
    if (strcmp(v, "float64") && strcmp(v, "float32"))
      usage_error("unknown precision '%s' (float64 or float32)", v);
    o->copt.float32 = strcmp(v, "float32") == 0;
  } else if ((v = option_value(arg, "--simd"))) {
    if (strcmp(v, "on") && strcmp(v, "off"))
      usage_error("--simd takes on or off, not '%s'", v);
    o->copt.simd = strcmp(v, "on") == 0;
  } else if ((v = option_value(arg, "--region"))) {
    parse_region(o, v);
  } else if ((v = option_value(arg, "--timeout"))) {
    char *end;
    o->timeout =
        parse_double("--timeout: '%s' is not a finite number", v, &end);
    if (*end || o->timeout <= 0 || o->timeout > MAX_TIMEOUT_SECONDS)
      usage_error("--timeout needs a number of seconds > 0, not '%s'", v);
  } else {
    return false;
  }
  return true;
}

static bool parse_flag(Options *o, const char *arg) {
  if (!strcmp(arg, "--compare"))
    o->compare = true;
  else if (!strcmp(arg, "--profile"))
    o->profile = true;
  else if (!strcmp(arg, "--json"))
    o->json = true;
  else if (!strcmp(arg, "-v") || !strcmp(arg, "--verbose"))
    o->verbose = o->copt.verbose = true;
  else if (!strcmp(arg, "--fast-math"))
    o->copt.fast_math = true;
  else if (!strcmp(arg, "--no-cache"))
    o->no_cache = true;
  else if (!strcmp(arg, "-h") || !strcmp(arg, "--help"))
    print_help(stdout), exit(RT_OK);
  else if (!strcmp(arg, "--version"))
    print_version(), exit(RT_OK);
  else
    return false;
  return true;
}

static void parse_positional(Options *o, const char *arg, int *npos) {
  switch ((*npos)++) {
  case 0:
    o->file = arg;
    break;
  case 1:
    o->w = parse_int(arg, 1, RT_MAX_W, "W");
    break;
  case 2:
    o->maxiter = parse_int(arg, 0, RT_MAX_MAXITER, "MAXITER");
    break;
  default:
    usage_error("unexpected argument '%s' (usage: mandelc KERNEL.py "
                "[W [MAXITER]] [options])", arg);
  }
}

static Options parse_args(int argc, char **argv) {
  long cores = sysconf(_SC_NPROCESSORS_ONLN);
  Options o = {.w = 1000, .maxiter = 1000,
               .threads = cores < 1 ? 1 : cores > MAX_THREADS ? MAX_THREADS
                                                             : (int)cores,
               .region = {-2.13, 0.77, -1.3, 1.3},
               .copt = {.simd = true, .opt_level = 3}};
  int npos = 0;
  bool options_end = false;
  for (int i = 1; i < argc; i++) {
    const char *arg = argv[i];
    if (!options_end && !strcmp(arg, "--"))
      options_end = true;
    else if (options_end || arg[0] != '-' || !strcmp(arg, "-") ||
             isdigit((unsigned char)arg[1]))  // -5: a bad W, not an option
      parse_positional(&o, arg, &npos);
    else if (!parse_flag(&o, arg) && !parse_valued(&o, arg))
      usage_error("unknown option '%s'", arg);
  }
  if (!o.file)
    usage_error("%s", "no kernel file given (usage: mandelc KERNEL.py "
                "[W [MAXITER]] [options])");
  // --emit=cuda and ptx are CUDA stages, llvm-raw, llvm and asm LLVM ones.
  if (o.emit == EMIT_CUDA || o.emit == EMIT_PTX)
    o.cuda = true;
  else if (o.emit >= EMIT_LLVM_RAW && o.emit <= EMIT_ASM)
    o.cuda = false;
  if (o.profile && o.cuda)
    usage_error("%s", "--profile samples the CPU: it needs --target=llvm");
  return o;
}

// ---- reading the file ------------------------------------------------------

// The whole file, NUL-terminated, at most LEX_MAX_SOURCE_BYTES; NULL after
// a message.
static char *read_source(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "mandelc: error: cannot open %s: %s\n", path,
            strerror(errno));
    return NULL;
  }
  char *buf = malloc(LEX_MAX_SOURCE_BYTES + 1);
  size_t n = buf ? fread(buf, 1, LEX_MAX_SOURCE_BYTES + 1, f) : 0;
  bool failed = !buf || ferror(f);
  fclose(f);
  if (failed || n > LEX_MAX_SOURCE_BYTES) {
    fprintf(stderr, "mandelc: error: %s: %s\n", path,
            failed ? "cannot read the file (is it a directory?)"
                   : "file is larger than 16 MiB; kernels are small");
    free(buf);
    return NULL;
  }
  buf[n] = '\0';
  *len = n;
  return buf;
}

// ---- reporting -------------------------------------------------------------

// Python's str(timedelta): H:MM:SS.ffffff, the fraction left out when it is
// zero, "N day(s), " in front past a day.
static void format_timedelta(double seconds, char *buf, size_t len) {
  int64_t us = (int64_t)llround(seconds * 1e6);
  int64_t days = us / 86400000000LL;
  us %= 86400000000LL;
  int64_t s = us / 1000000, frac = us % 1000000;
  int n = 0;
  if (days)
    n = snprintf(buf, len, "%" PRId64 " day%s, ", days, days == 1 ? "" : "s");
  n += snprintf(buf + n, len - (size_t)n, "%" PRId64 ":%02" PRId64 ":%02"
                PRId64, s / 3600, s / 60 % 60, s % 60);
  if (frac)
    snprintf(buf + n, len - (size_t)n, ".%06" PRId64, frac);
}

// What the run found, for the report.
typedef struct {
  const char *kernel, *form;
  RtGrid grid;
  RtRun run;
  double compile_seconds;
  double gpu_total_seconds;  // cuda: the run with its copies (--json)
  const char *cache;      // the compile cache: "hit", "miss" or "off"
  const char *simd;       // llvm: which form runs, or why not the vector
  RtReference refs[RT_REFERENCES + 1];  // + the CUDA one (target cuda)
  const RtProfile *profile;  // --profile, once mapped to lines
  int nrefs;
} Report;

static void print_compare(const Options *o, const Report *r) {
  fprintf(stderr, "%-26s %12s %14s %8s\n", "variant", "seconds",
          "validation sum", "ratio");
  char sum[48];
  rt_sum_format(r->run.sum, sum, sizeof sum);
  fprintf(stderr, "%-26s %12.6f %14s %8.2f\n",
          o->cuda ? "mandelc --target=cuda" : "mandelc --target=llvm",
          r->run.seconds, sum, 1.0);
  for (int i = 0; i < r->nrefs; i++) {
    const RtReference *ref = &r->refs[i];
    rt_sum_format(ref->sum, sum, sizeof sum);
    fprintf(stderr, "%-26s %12.6f %14s %8.2f\n", ref->name, ref->seconds,
            sum, r->run.seconds > 0 ? ref->seconds / r->run.seconds : 0.0);
  }
}

static void print_json(const Options *o, const Report *r) {
  char sum[48];
  rt_sum_format(r->run.sum, sum, sizeof sum);
  printf("{\"elements\": %" PRId64 ", \"sum\": %s, \"main_seconds\": %.6f, "
         "\"compile_seconds\": %.6f, \"cache\": \"%s\", \"target\": \"%s\", "
         "\"threads\": %d, \"kernel\": \"%s\", \"form\": \"%s\", \"width\": %"
         PRId64 ", \"height\": %" PRId64 ", \"maxiter\": %" PRId64,
         r->run.elements, sum, r->run.seconds, r->compile_seconds,
         r->cache ? r->cache : "off", o->cuda ? "cuda" : "llvm", o->threads,
         r->kernel, r->form, r->grid.nx, r->grid.ny, o->maxiter);
  if (o->cuda)  // bench/cuda/: the kernel with its copies to and from
    printf(", \"gpu_total_seconds\": %.6f", r->gpu_total_seconds);
  if (r->simd) {  // the lowering's words: quoted as a JSON string
    printf(", \"simd\": \"");
    for (const char *c = r->simd; *c; c++) {
      if (*c == '"' || *c == '\\')
        putchar('\\');
      putchar((unsigned char)*c < ' ' ? ' ' : *c);
    }
    putchar('"');
  }
  if (o->compare) {
    printf(", \"compare\": [");
    for (int i = 0; i < r->nrefs; i++) {
      rt_sum_format(r->refs[i].sum, sum, sizeof sum);
      printf("%s{\"variant\": \"%s\", \"seconds\": %.6f, \"sum\": %s, "
             "\"ratio\": %.4f}", i ? ", " : "", r->refs[i].name,
             r->refs[i].seconds, sum,
             r->run.seconds > 0 ? r->refs[i].seconds / r->run.seconds : 0.0);
    }
    printf("]");
  }
  if (r->profile) {
    printf(", \"profile\": ");
    rt_profile_json(stdout, r->profile);
  }
  printf("}\n");
}

// The last two of the tutorial's three lines (the first is printed before
// the run, so kernel prints come between, as under CPython).
static void print_result(const Options *o, const Report *r) {
  if (o->json) {
    print_json(o, r);
    return;
  }
  char took[64], sum[48];
  format_timedelta(r->run.seconds, took, sizeof took);
  rt_sum_format(r->run.sum, sum, sizeof sum);
  printf("Main took %s\n", took);
  printf("Total sum of elements (for validation): %s\n", sum);
}

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
                     .form = select_form_name(s->prog->choice.form),
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

// LLVM: lower and optimise; stops early for --emit=llvm-raw/llvm/asm.
// Returns RT_OK, or an exit status (-1: emitted, done).
static int lower_llvm(const Options *o, Session *s) {
#ifdef MANDELC_LLVM
  Arena *a = s->arena;
  if (load_cached(o, s))
    return RT_OK;
  s->llvm = llvm_lower(a, &s->diag, s->prog, &o->copt);
  if (!s->llvm)
    return RT_COMPILE_ERROR;
  if (o->emit == EMIT_LLVM_RAW)
    return emit_text(llvm_emit_ir(s->llvm, a)) ? -1 : RT_COMPILE_ERROR;
  // No listing wanted: compile on two cores, the module cut in two.
  if (o->emit == EMIT_NONE && !o->annotate && !o->profile &&
      !llvm_split(s->llvm, &s->diag))
    return RT_COMPILE_ERROR;
  if (!llvm_optimize(s->llvm, &s->diag, &o->copt))
    return RT_COMPILE_ERROR;
  if (o->emit == EMIT_LLVM)
    return emit_text(llvm_emit_ir(s->llvm, a)) ? -1 : RT_COMPILE_ERROR;
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
  s->jit = rt_jit_load_object(&s->diag, s->object, s->object_len);
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
  s->cuda = rt_cuda_open(err, sizeof err);
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

// Runs the compiled kernel over the grid. Returns an exit status.
static int run_kernel(const Options *o, Session *s, Watch *w) {
  Report *r = &s->report;
  r->grid = (RtGrid){.x1 = o->region[0], .x2 = o->region[1],
                     .y1 = o->region[2], .y2 = o->region[3],
                     .w = o->w, .maxiter = o->maxiter};
  char err[512];
  if (!rt_grid_build(&r->grid, err, sizeof err)) {
    fprintf(stderr, "mandelc: error: %s\n", err);
    return RT_USAGE;
  }
  rt_context_init(&s->ctx, o->json ? stderr : stdout, o->threads);
  s->ctx_live = true;
  s->ctx.cancel = &w->cancel;
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
  rt_profile_stop(s->profile);
  rt_context_flush(&s->ctx);  // a failed write shows in ferror(stdout)
  int stop = watch_finish(w);
  if (stop != STOP_NONE) {
    print_stop(w, stop);
    return stop_status(stop);
  }
  if (status == RT_KERNEL_ERROR && s->ctx.exc != RT_EXC_NONE) {
    fflush(stdout);
    rt_report_error(stderr, o->file, &s->ctx);
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
  // Named FILE.cu, so that in PTX only the code under `#line N "FILE"`
  // is the kernel file's (the prelude keeps lines of FILE.cu).
  const char *name = arena_sprintf(s->arena, "%s.cu", s->prog->file);
  l->ptx = nvrtc_compile(s->arena, &s->diag,
                         rt_cuda_for_report(s->arena, s->code, name), name,
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
                  .profile = s->profile, .target = o->cuda ? "cuda" : "llvm"};
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

static void run_references(const Options *o, Session *s) {
  Report *r = &s->report;
  RtContext ctx;
  rt_context_init(&ctx, NULL, o->threads);
  ctx.cancel = s->ctx.cancel;
  for (int i = 0; i < RT_REFERENCES; i++)
    rt_reference_run(i, &r->grid, &ctx, &r->refs[r->nrefs++]);
  char err[512];
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
  double t0 = now_seconds();
  // 1. read the file (bounded) and set up the compilation's arena
  if (!(s->src = read_source(o->file, &s->len)))
    return RT_USAGE;
  s->arena = arena_new();
  diag_init(&s->diag, o->file, s->src, s->len, stderr);
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
  if (!select_kernel(&s->diag, module, o->kernel, &choice))
    return RT_COMPILE_ERROR;
  if (!(s->prog = infer_program(s->arena, &s->diag, module, &choice)))
    return RT_COMPILE_ERROR;
  if (o->emit == EMIT_TYPES)
    return infer_dump(stdout, s->arena, s->prog), RT_OK;
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
  r->compile_seconds = now_seconds() - t0;
  r->kernel = s->prog->kernel->name;
  r->form = select_form_name(s->prog->choice.form);
  if (o->verbose)
    fprintf(stderr, "mandelc: kernel %s (%s form), target %s, compiled in "
            "%.1f ms (compile cache %s), %d threads\n", r->kernel, r->form,
            o->cuda ? "cuda" : "llvm", r->compile_seconds * 1e3,
            r->cache ? r->cache : "off", o->threads);
  // 9. run over the grid, 10. report
  if ((status = run_kernel(o, s, w)) != RT_OK)
    return status;
  if (o->profile)
    report_profile(o, s);
  if (o->annotate && o->profile && !write_annotation(o, s))
    return RT_USAGE;
  if (o->image && !write_image(o, r))
    return RT_USAGE;
  if (o->compare)
    run_references(o, s);
  print_result(o, r);
  if (o->compare && !o->json)
    print_compare(o, r);
  return RT_OK;
}

int main(int argc, char **argv) {
  // A closed pipe is a write error to report, not a signal to die of.
  signal(SIGPIPE, SIG_IGN);
  Options o = parse_args(argc, argv);
  Watch w;
  watch_start(&w, &o);
  Session s = {0};
  int status = run_pipeline(&o, &s, &w);
  watch_finish(&w);
  session_free(&s);
  if (fflush(stdout) != 0 || ferror(stdout)) {
    fprintf(stderr, "mandelc: error: cannot write the output: %s\n",
            strerror(errno));
    if (status == RT_OK)
      status = RT_COMPILE_ERROR;
  }
  return status;
}
