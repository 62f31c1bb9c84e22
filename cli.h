// cli.h - the map of the mandelc program around its pipeline.
//
// main.c writes the pipeline out in order, from the kernel file to the exit
// status. Around it: cli.c reads the command line from one table of options
// (CLI_OPTIONS), which also writes --help; watch.c owns the signals
// (Ctrl-C, --timeout, the progress line on a terminal); report.c prints
// what a run found, as the tutorial's three lines or as JSON, and the
// errors as --json and --diagnostics-format=sarif want them.
//
// The design decision a reader must know: an option is one row of
// CLI_OPTIONS. Its row gives the parser its long and short names and
// whether it takes a value, --help its text, and the check that refuses or
// warns about an option the chosen target or --emit would ignore its
// targets; cli.c's apply_option gives it its meaning. Only main.c and
// cli.c call exit.
#ifndef MANDELC_CLI_H
#define MANDELC_CLI_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "runtime/runtime.h"

// ---- cli.c -----------------------------------------------------------------

// Where an option means something: the LLVM target, the CUDA target, a
// run stopped by --emit. An option used where it means nothing is a
// warning (or, where the user would get other results than asked, an
// error), never silently ignored.
enum {
  FOR_LLVM = 1,
  FOR_CUDA = 2,
  FOR_EMIT = 4,
  FOR_RUN = FOR_LLVM | FOR_CUDA,  // a run, on either target
  FOR_ALL = FOR_RUN | FOR_EMIT,
};

// The --emit stages: identifier, name, the target it belongs to (FOR_ALL:
// either), and its line in --help. A stage of one target selects it.
#define EMIT_STAGES(X)                                                       \
  X(EMIT_NONE, "", FOR_ALL, "")                                              \
  X(EMIT_TOKENS, "tokens", FOR_ALL, "the lexer's tokens")                    \
  X(EMIT_AST, "ast", FOR_ALL, "the syntax tree")                             \
  X(EMIT_TYPES, "types", FOR_ALL, "the kernel with its inferred types")      \
  X(EMIT_LLVM_RAW, "llvm-raw", FOR_LLVM, "LLVM IR before optimisation")      \
  X(EMIT_LLVM, "llvm", FOR_LLVM, "LLVM IR after optimisation")               \
  X(EMIT_ASM, "asm", FOR_LLVM, "the host's assembly, with source lines")     \
  X(EMIT_CUDA, "cuda", FOR_CUDA, "the kernel's CUDA C given to NVRTC")       \
  X(EMIT_PTX, "ptx", FOR_CUDA, "NVRTC's PTX")                                \
  X(EMIT_CUDA_PRELUDE, "cuda-prelude", FOR_CUDA,                             \
    "the header every kernel's CUDA C includes")                             \
  X(EMIT_OBJ, "obj", FOR_LLVM,                                               \
    "the kernel for this CPU with its runtime, an object file")              \
  X(EMIT_HEADER, "header", FOR_LLVM,                                         \
    "the C header declaring the kernel (mandelc.h's types)")                 \
  X(EMIT_C, "c", FOR_ALL, "the kernel and its driver as one C program")

typedef enum {
#define X(id, name, target, help) id,
  EMIT_STAGES(X)
#undef X
  EMIT_COUNT
} Emit;

// The options, one row each: identifier, long name, short letter (0:
// none), the value's name in --help ("": a flag, which takes no value),
// where it means something (FOR_*), and its help text (cli.c wraps it).
// A value comes as --name=VALUE, --name VALUE, -xVALUE or -x VALUE; flags
// with a short letter bundle (-vh).
#define CLI_OPTIONS(X)                                                       \
  X(OPT_TARGET, "target", 0, "llvm|cuda", FOR_ALL,                           \
    "compile with LLVM and run on the CPU (default), or CUDA C through "     \
    "NVRTC on the GPU")                                                      \
  X(OPT_KERNEL, "kernel", 0, "NAME", FOR_ALL,                                \
    "the function to compile (default: the one whose parameters the "       \
    "driver can bind)")                                                      \
  X(OPT_BIND, "bind", 0, "ROLE=PARAM,...", FOR_ALL,                          \
    "bind the kernel's parameters yourself: ROLE is points, start, "         \
    "maxiter, output, x or y (docs/language.md 3)")                          \
  X(OPT_JULIA, "julia", 0, "C", FOR_RUN,                                     \
    "a Julia set: the grid in the starting values z, the complex C in "      \
    "every point's constant (a list kernel that takes z)")                   \
  X(OPT_EMIT, "emit", 0, "STAGE", FOR_ALL,                                   \
    "print one stage (below) and stop")                                      \
  X(OPT_OUTPUT, "output", 'o', "FILE", FOR_ALL,                              \
    "write the stage to FILE, not stdout; without --emit, the kernel "       \
    "compiled for this CPU with its runtime: an object file (FILE.o), or "   \
    "a shared library (FILE.so)")                                            \
  X(OPT_HEADER, "header", 'H', "FILE", FOR_LLVM | FOR_EMIT,                  \
    "also write the C header declaring the kernel (alone: --emit=header)")   \
  X(OPT_ANNOTATE, "annotate", 0, "FILE.html", FOR_RUN,                       \
    "write a report: each source line with its inferred types and the "     \
    "code generated for it")                                                 \
  X(OPT_IMAGE, "image", 0, "FILE.png", FOR_RUN,                              \
    "write the picture (colour by escape count)")                            \
  X(OPT_PROFILE, "profile", 0, "", FOR_LLVM,                                 \
    "sample the run and print the time spent on each line of the kernel "   \
    "on stderr (llvm)")                                                      \
  X(OPT_COMPARE, "compare", 0, "", FOR_RUN,                                  \
    "also run the hand-written C kernels (scalar and SIMD), and the "       \
    "program of --emit=c built by cc, and print a table on stderr: "        \
    "variant, time, validation sum, time ratio to the compiled kernel; a "  \
    "variant whose sum differs (it computes something else) is left out, "  \
    "with the reason")                                                       \
  X(OPT_THREADS, "threads", 'j', "N", FOR_LLVM,                              \
    "CPU worker threads (default: all cores); with --target=cuda only "     \
    "--compare's C kernels use them")                                        \
  X(OPT_PRECISION, "precision", 0, "float64|float32", FOR_ALL,               \
    "GPU arithmetic; float32 (--target=cuda only) is faster and inexact")    \
  X(OPT_FAST_MATH, "fast-math", 0, "", FOR_ALL,                              \
    "allow contraction and reassociation, and on the GPU CUDA's exp, log, " \
    "pow, sin, ... (not glibc's: refused without it); results may then "    \
    "differ from CPython")                                                   \
  X(OPT_SIMD, "simd", 0, "on|off", FOR_LLVM | FOR_EMIT,                      \
    "allow vectorised code (default on; llvm)")                              \
  X(OPT_MCPU, "mcpu", 0, "NAME", FOR_LLVM | FOR_EMIT,                        \
    "the CPU the code is for, in listings and runs: native (default), "     \
    "x86-64-v2, x86-64-v3, x86-64-v4 or any CPU name LLVM knows (llc "       \
    "-mcpu=help lists them)")                                                \
  X(OPT_DEBUG_JIT, "debug-jit", 0, "", FOR_LLVM,                             \
    "let gdb and perf see the kernel's functions (LLVM's GDB and perf JIT "  \
    "listeners; perf reads a jitdump file, see the README)")                 \
  X(OPT_NO_CACHE, "no-cache", 0, "", FOR_LLVM,                               \
    "compile afresh; do not read or write the compile cache "                \
    "($XDG_CACHE_HOME/mandelc; llvm)")                                       \
  X(OPT_REGION, "region", 0, "X1,X2,Y1,Y2", FOR_RUN,                         \
    "the plane's area (default -2.13,0.77,-1.3,1.3)")                        \
  X(OPT_JSON, "json", 0, "", FOR_ALL,                                        \
    "one JSON object on stdout instead of the text (kernel prints then go " \
    "to stderr); a compile error or a kernel's exception is one too: "      \
    "{\"error\": {\"kind\", \"name\", \"message\", \"file\", \"line\", "     \
    "\"column\"}}")                                                          \
  X(OPT_DIAGNOSTICS_FORMAT, "diagnostics-format", 0, "text|sarif", FOR_ALL,  \
    "compile diagnostics on stderr as text (default) or as one SARIF "      \
    "2.1.0 log")                                                             \
  X(OPT_TIMEOUT, "timeout", 0, "SECONDS", FOR_ALL,                           \
    "stop after SECONDS: TimeoutError, exit 3")                              \
  X(OPT_VERBOSE, "verbose", 'v', "", FOR_ALL,                                \
    "target, timings and parallel loops on stderr")                          \
  X(OPT_HELP, "help", 'h', "", FOR_ALL, "this text")                         \
  X(OPT_VERSION, "version", 0, "", FOR_ALL,                                  \
    "the version of mandelc and of LLVM")

typedef enum {
#define X(id, name, letter, value, where, help) id,
  CLI_OPTIONS(X)
#undef X
  OPT_COUNT
} OptionId;

typedef struct {
  const char *file;
  int64_t w, maxiter;
  bool cuda;              // --target=cuda, or a CUDA --emit stage
  const char *kernel;     // --kernel
  const char *bind;       // --bind's ROLE=PARAM,... (select.c reads it)
  bool julia;             // --julia=C
  double julia_c[2];      // C's real and imaginary parts
  Emit emit;
  const char *image;      // --image
  const char *annotate;   // --annotate
  const char *output;     // -o
  const char *header;     // -H
  bool shared;            // -o FILE.so: a shared library
  bool compare, json, verbose;
  bool profile;           // --profile
  bool no_cache;          // --no-cache
  bool debug_jit;         // --debug-jit: gdb and perf see the JIT code
  bool sarif;             // --diagnostics-format=sarif
  CompileOptions copt;
  int threads;
  double region[4];       // x1, x2, y1, y2
  double timeout;         // seconds; 0: none
  bool given[OPT_COUNT];  // which options the command line named
} Options;

// Reads the command line; a bad one exits 2 with a message (and --help or
// --version exit 0) before any work starts.
Options cli_parse(int argc, char **argv);
// The name of an --emit stage ("" for EMIT_NONE).
const char *cli_emit_name(Emit e);

// ---- watch.c ---------------------------------------------------------------

enum { STOP_NONE, STOP_INTERRUPT, STOP_TIMEOUT };

// The watcher thread: it takes the signals, and stops a run on Ctrl-C or
// --timeout by setting `cancel`, which worker loops read.
typedef struct {
  volatile int cancel;    // what the runtime's loops read
  int reason;             // STOP_*
  bool done;              // main has finished and reports by itself
  bool running;           // the thread is started and not yet joined
  pthread_t thread;
  double timeout;
  const char *file;
  bool json;              // --json: a timeout is a JSON error too
  pthread_mutex_t lock;
  bool progress;          // stderr is a terminal and no --json: show time
  bool progress_shown;    // a progress line is on the terminal
} Watch;

double watch_now(void);
void watch_start(Watch *w, const Options *o);
// Main is done: the watcher is woken and joined. Returns why the run was
// stopped, STOP_NONE if it was not.
int watch_finish(Watch *w);
// Says why the run stopped (`mandelc: interrupted`, TimeoutError) and
// returns the exit status for it.
int watch_report_stop(const Watch *w, int reason);

// ---- report.c --------------------------------------------------------------

// What the run found, for the report.
typedef struct {
  const char *kernel, *form;
  const char *binding;  // select_binding_text: how the driver binds it
  RtGrid grid;
  RtRun run;
  double compile_seconds;
  double gpu_total_seconds;  // cuda: the run with its copies (--json)
  const char *cache;      // the compile cache: "hit", "miss" or "off"
  const char *simd;       // llvm: which form runs, or why not the vector
  // + the generated C program's, + the CUDA one (target cuda)
  RtReference refs[RT_REFERENCES + 2];
  const RtProfile *profile;  // --profile, once mapped to lines
  int nrefs;
  const RtRanks *ranks;   // under mpirun: the ranks' shares (ranks.c)
} Report;

// The last two of the tutorial's three lines, or the --json object.
void report_result(const Options *o, const Report *r);
// --compare's table on stderr.
void report_compare(const Options *o, const Report *r);

// The compile diagnostics of one compilation, kept for --json and SARIF
// (a Diag's sink: report_keep_diagnostic).
#define REPORT_MAX_DIAGNOSTICS 64
typedef struct {
  struct {
    const char *kind;     // "error" or "note"
    int line, col;        // 0: no position
    char *message;        // malloc'ed
  } items[REPORT_MAX_DIAGNOSTICS];
  int count;
} Diagnostics;

void report_keep_diagnostic(void *diagnostics, const char *kind, int line,
                            int col, const char *message);
void report_free_diagnostics(Diagnostics *d);
// `{"error": {...}}` on out for --json; line and column 0 print as null.
void report_json_error(FILE *out, const char *kind, const char *name,
                       const char *message, const char *file, int line,
                       int column);
// The first error kept, as report_json_error (`message` when none was).
void report_json_compile_error(FILE *out, const Diagnostics *d,
                               const char *file, const char *message);
// The kept diagnostics as one SARIF 2.1.0 log.
void report_sarif(FILE *out, const Diagnostics *d, const char *file,
                  const char *version);

#endif
