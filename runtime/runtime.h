// runtime.h - the map of runtime/: compiled kernel in, validation sum out.
//
// The runtime builds the tutorial's grid (driver.c), runs the compiled
// kernel on it - through the ORC JIT and libffi on the CPU (jit.c, ffi.c),
// or through the CUDA driver API loaded with dlopen on the GPU (launch.c) -
// and prints the tutorial's three lines. It also holds the C helpers that
// generated code calls (rtabi.h): exceptions (pyerrors.c), lists (lists.c),
// print (pyprint.c), CPython's numeric algorithms (pymath.c) and the worker
// threads behind parallel loops (workers.c).
//
// The design decision a reader must know: a run-time error is a value, not
// a jump. Compiled code records it in the RtContext and returns; the driver
// finds it there and prints `KERNEL.py:LINE: ZeroDivisionError: ...`.
#ifndef MANDELC_RUNTIME_H
#define MANDELC_RUNTIME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "../compiler/compiler.h"
#include "rtabi.h"

// ---- pyerrors.c ------------------------------------------------------------

typedef struct RtBlock RtBlock;  // one allocation owned by a context
typedef struct RtRanks RtRanks;  // the MPI job a run is split over (ranks.c)

// The state one thread of compiled code runs with. Everything a run
// allocates hangs off its context and goes with rt_context_free.
struct RtContext {
  int32_t exc;          // RtExc; RT_EXC_NONE while no exception is raised
  int32_t line;         // kernel.py line of the exception
  char msg[160];        // CPython's message, e.g. "division by zero"
  int64_t depth;        // call depth, for RecursionError
  RtBlock *blocks;      // lists and strings made by this context
  // print output is buffered here; rt_context_flush writes it to `stream`
  char *out;
  size_t outlen, outcap;
  FILE *stream;         // NULL in worker contexts (their output is merged)
  int nthreads;         // worker threads for rt_parallel_for (>= 1)
  volatile int *cancel; // set by Ctrl-C or --timeout; loops check it
  // The ranks of an MPI job, on the run's own context only: its first
  // rt_parallel_for is handed to split (rt_ranks_parallel_for; a pointer,
  // so the kernels' own runtime, libmandelc_rt, needs no ranks.c). NULL in
  // one process and in worker contexts.
  RtRanks *ranks;
  bool (*split)(RtContext *ctx, RtLoopBody body, void *env, int64_t n);
};

void rt_context_init(RtContext *ctx, FILE *stream, int nthreads);
void rt_context_free(RtContext *ctx);
// Writes buffered print output to ctx->stream; false on a write error.
bool rt_context_flush(RtContext *ctx);
// Gives src's allocations and output to dst (a worker's results joining
// the parent's, in iteration order).
void rt_context_merge(RtContext *dst, RtContext *src);
const char *rt_exc_name(int32_t exc);
// The one formatter of run-time errors, for every target:
// `file:LINE: ZeroDivisionError: division by zero`.
void rt_report_error(FILE *out, const char *file, const RtContext *ctx);
// Memory owned by the context (freed by rt_context_free); NULL and
// MemoryError when over limits.
void *rt_context_alloc(RtContext *ctx, size_t size, int32_t line);
// Resizes memory from rt_context_alloc (p may be NULL); on failure p stays
// valid and owned, and NULL comes back with MemoryError raised.
void *rt_context_realloc(RtContext *ctx, void *p, size_t size, int32_t line);
// Appends print output to ctx->out (flushing a large buffer when the
// context has a stream); false with MemoryError raised when it cannot grow.
bool rt_context_write(RtContext *ctx, const char *text, size_t len);

// ---- driver.c --------------------------------------------------------------

// Limits on the command line's sizes, each checked before allocating.
// W = 100000 gives a 50000 x 50000 grid: 2.5e9 points, 20 GB of counts.
#define RT_MAX_W 100000
#define RT_MAX_MAXITER ((int64_t)1 << 40)

// The tutorial's grid (docs/language.md §2): xs = len(x) values, ys = len(y)
// values.
typedef struct {
  double x1, x2, y1, y2;
  int64_t w, maxiter;
  int64_t nx, ny;
  double *xs, *ys;
  // --julia=C: the grid goes into the starting values z and C into every
  // point's constant q (the list form; rt_run_cpu refuses it elsewhere)
  bool julia;
  double julia_re, julia_im;
} RtGrid;

// Builds xs and ys exactly as calc_pure_python does; false (with a message
// in err) when W or the region is out of range.
bool rt_grid_build(RtGrid *g, char *err, size_t errlen);
void rt_grid_free(RtGrid *g);

// The validation sum: exact even when it passes 64 bits (a sum of int64
// counts over up to 2.5e9 points cannot overflow 128).
__extension__ typedef __int128 RtSum;

// What running the kernel over the grid gave.
typedef struct {
  int64_t elements;  // points in the grid: len(q)
  RtSum sum;         // the sum of every int the kernel returned
  double seconds;    // the kernel call(s) alone: "Main took"
  int64_t *counts;   // one per point, row-major from y2 (NULL unless asked)
} RtRun;

// Binds the kernel's parameters by p->choice (q, z, maxiter, xs, ys, c, x,
// y), calls the compiled code fn - once for the list and grid forms, once
// per point for the point forms, spread over ctx->nthreads threads - and
// sums the results into out. Returns RT_OK; RT_KERNEL_ERROR with the
// exception in ctx; or RT_COMPILE_ERROR with a message in err when the
// kernel's signature does not fit its form (e.g. it returns a float).
int rt_run_cpu(const Program *p, void *fn, const RtGrid *g, RtContext *ctx,
               bool want_counts, RtRun *out, char *err, size_t errlen);
void rt_run_free(RtRun *r);
// NAME.points, the block entry compiler/llvm_simd.c adds to a point-form
// kernel NAME: counts[k - lo] = NAME(point k) for k in [lo, hi), point k
// being (xs[k % nx], ys[k / nx]); a raised exception stops it (in ctx).
typedef void (*RtPointsFn)(RtContext *ctx, const double *xs,
                           const double *ys, int64_t nx, int64_t lo,
                           int64_t hi, int64_t maxiter, int64_t *counts);
// rt_run_cpu for the point forms through `points`: one call a block of
// points, the blocks handed to the workers as they ask.
int rt_run_cpu_points(const Program *p, RtPointsFn points, const RtGrid *g,
                      RtContext *ctx, bool want_counts, RtRun *out,
                      char *err, size_t errlen);
// The sum of n counts (the CUDA target's results).
RtSum rt_counts_sum(const int64_t *counts, int64_t n);
// A sum in decimal, as Python prints an int; buf needs 41 bytes.
void rt_sum_format(RtSum v, char *buf, size_t len);

// Exit statuses shared with main.c (docs/language.md §1).
enum { RT_OK = 0, RT_COMPILE_ERROR = 1, RT_USAGE = 2, RT_KERNEL_ERROR = 3,
       RT_UNAVAILABLE = 4 };

// ---- workers.c -------------------------------------------------------------

// Runs work(arg) on n threads (n >= 1, the caller being one of them) with
// stacks deep enough for RT_MAX_RECURSION compiled calls, and joins them.
// A thread that cannot start leaves its share to the others.
void rt_run_threads(int n, void *(*work)(void *), void *arg);

// ---- ranks.c ---------------------------------------------------------------

// `mpirun -np N mandelc ...`: every rank compiles and runs the whole
// kernel; the run's one parallel loop is split over the ranks, its chunks
// drawn from a counter on rank 0 by the workers of every rank, and rank 0
// gathers what each chunk printed, raised and wrote, merges it in chunk
// order and goes on alone (ranks.c's opening comment has the protocol).
// Without MPI (not built, or not started by a launcher) rt_ranks_open is
// NULL and every other function is a no-op on NULL.

// What iteration k of a split loop writes, which rank 0 must receive:
// elements first .. first + per - 1 of data (clipped to len), first being
// start + k * step (with per 1, a negative first counts from the end, as
// a Python index does).
typedef struct {
  void *data;
  int64_t len, elem_size;
  int64_t start, step, per;
} RtShare;

// MPI_Init when an MPI launcher started mandelc, else NULL (and err
// empty); NULL with a message in err when MPI cannot start.
RtRanks *rt_ranks_open(int *argc, char ***argv, char *err, size_t errlen);
int rt_ranks_rank(const RtRanks *r);
int rt_ranks_size(const RtRanks *r);
// This rank's index among the ranks of its node (its GPU: --target=cuda).
int rt_ranks_local_rank(const RtRanks *r);
// This rank's worker threads, for the split and the report.
void rt_ranks_set_threads(RtRanks *r, int nthreads);
// Checkpoint 1, right after reading the kernel file (src NULL: it could
// not be read): every rank has the same file and command line. False on
// every rank when not, rank 0 having said which rank differs on err.
bool rt_ranks_agree(RtRanks *r, const char *src, size_t len, int argc,
                    char **argv, FILE *err);
// Checkpoint 2, just before the run: every rank is ready. Returns status,
// or when another rank stopped before the run, its exit status (rank 0
// names it on err).
int rt_ranks_ready(RtRanks *r, int status, FILE *err);
// The last checkpoint; waits for every rank, ends MPI, frees r. Returns
// the status the rank exits with: rank 0's.
int rt_ranks_close(RtRanks *r, int status);
// What the run's split loop writes, set by the driver before the kernel
// runs: the counts of the point forms (per points an iteration), or the
// kernel's lists that the list kernel's loop stores into
// (parallel_stored_lists; NULL: elements that cannot be shipped, so the
// loop is not split).
void rt_ranks_plan_points(RtRanks *r, int64_t *counts, int64_t n,
                          int64_t per);
void rt_ranks_plan_list(RtRanks *r, const bool *stored, int nvars);
// rt_parallel_for's hand-over: false when the loop is not to be split
// (ctx carries no ranks, no plan, or the run's split loop is over). When
// true, rank 0's ctx holds the whole loop's output and exception, and the
// other ranks' ctx a TimeoutError that only ends their kernel.
bool rt_ranks_parallel_for(RtContext *ctx, RtLoopBody body, void *env,
                           int64_t n);
// The run's loop was split; a rank other than 0 cancelled it.
bool rt_ranks_is_split(const RtRanks *r);
bool rt_ranks_cancelled(const RtRanks *r);
// Rank 0's report: ranks, threads per rank, each rank's points and time;
// lines for -v, or fields to append to the --json object.
void rt_ranks_report(const RtRanks *r, FILE *out, bool json);

// ---- jit.c -----------------------------------------------------------------

typedef struct RtJit RtJit;  // owns an ORC LLJIT and the code it made

// Takes ownership of the unit's module and compiles it to machine code for
// the host; the rt_ helpers of rtabi.h are made visible to it. NULL after
// a diagnostic through d.
RtJit *rt_jit_new(Diag *d, LlvmUnit *u);
// The address of a compiled function by name (a Func's name), or NULL.
void *rt_jit_lookup(RtJit *j, const char *name);
void rt_jit_free(RtJit *j);
// The unit's parts (llvm_split) compiled for the host: one buffer holding
// their ELF objects and the lowering's notes (llvm_notes), malloc'd, *len
// bytes; NULL after a diagnostic. rt_jit_new is rt_jit_emit_object then
// rt_jit_load_object, so cached code and a fresh compile run identical
// machine code.
void *rt_jit_emit_object(Diag *d, LlvmUnit *u, size_t *len);
// A JIT holding the machine code of a buffer from rt_jit_emit_object
// (copied; the caller keeps obj). NULL after a diagnostic through d (also
// when the buffer is not whole). With `debug` (--debug-jit) gdb and perf
// are told about the code (LLVM's GDB and perf JIT event listeners).
RtJit *rt_jit_load_object(Diag *d, const void *obj, size_t len, bool debug);
// The notes in such a buffer (*n bytes, not NUL-terminated): what -v said
// about the forms when it was compiled, for a cache hit to say again.
const char *rt_jit_code_notes(const void *code, size_t len, size_t *n);
// Objects one buffer holds at most (llvm_split makes two parts).
#define RT_JIT_MAX_OBJECTS 4
// rt_jit_lookup without the message: NULL when there is no such symbol
// (for optional entry points such as a SIMD variant).
void *rt_jit_find(RtJit *j, const char *name);

// ---- aot.c -----------------------------------------------------------------

// The unit's module (optimised, not split; taken from u) as one
// position-independent ELF object for the CPU it was tuned for, malloc'd,
// *len bytes; NULL after a message through d.
void *rt_aot_object(Diag *d, LlvmUnit *u, size_t *len);
// Writes that object and the runtime it calls to path: one relocatable
// object, or a shared library when `shared`, linked by $CC (else cc).
// False with a message in err.
bool rt_aot_write(const char *path, const void *obj, size_t len, bool shared,
                  char *err, size_t errlen);
// The C header declaring p's kernel in include/mandelc.h's types (name: the
// header's file name, for its guard); NULL with a message in err when a
// type has no C form (a tuple).
char *rt_aot_header(Arena *a, const Program *p, const char *name,
                    char *err, size_t errlen);

// ---- cache.c ---------------------------------------------------------------

// Machine code of compiled kernels (rt_jit_emit_object's objects) kept
// under $XDG_CACHE_HOME/mandelc, default ~/.cache/mandelc, keyed by a
// BLAKE3 hash of everything the code depends on. A damaged or foreign
// entry is detected (header, length and checksum) and rebuilt, never run.
#define RT_CACHE_KEY_BYTES 32
// Kernel objects are kilobytes; this bounds what a bad file can cost.
#define RT_CACHE_MAX_ENTRY ((size_t)64 << 20)
// Entries kept: a store beyond this removes the least recently used
// quarter (a hit renews an entry's time). Kernel objects are 5-50 KB.
#define RT_CACHE_MAX_ENTRIES 1000

typedef enum { RT_CACHE_OFF, RT_CACHE_MISS, RT_CACHE_HIT } RtCacheState;

typedef struct {
  RtCacheState state;
  bool damaged;           // an entry was there but failed its checks
  uint8_t key[RT_CACHE_KEY_BYTES];
  char path[4096];        // the entry's file
  size_t dir_len;         // path[0 .. dir_len) is the cache directory
  int max_entries;        // RT_CACHE_MAX_ENTRIES (tests lower it)
} RtCache;

// What a kernel's machine code depends on, besides the host, LLVM and the
// mandelc executable itself (rt_cache_open adds those).
typedef struct {
  const char *src;        // the kernel file's text
  size_t len;
  const char *kernel;     // the kernel's name and form
  const char *form;
  const CompileOptions *opt;
  const char *version;    // mandelc's
} RtCacheInput;

// Computes the key and the entry's path; state MISS until rt_cache_load
// finds the entry. False (state OFF, reason in why) when there is no place
// for a cache: neither XDG_CACHE_HOME nor HOME is an absolute path.
bool rt_cache_open(RtCache *c, const RtCacheInput *in, char *why,
                   size_t whylen);
// The entry's object (malloc'd, *len bytes) when it is there and passes
// every check (state becomes HIT); else NULL and the reason in why.
void *rt_cache_load(RtCache *c, size_t *len, char *why, size_t whylen);
// Writes obj as the entry, atomically (temporary file, fsync, rename),
// then trims the cache to max_entries; false with the reason in why (the
// run goes on without the cache).
bool rt_cache_store(RtCache *c, const void *obj, size_t len, char *why,
                    size_t whylen);
// "hit", "miss" or "off", for -v and --json.
const char *rt_cache_state_name(RtCacheState s);

// ---- ffi.c -----------------------------------------------------------------

// The most libffi arguments one call takes: the context and up to 31
// complex parameters (two doubles each). Kernels take three.
#define RT_FFI_MAX_ARGS 64

typedef struct RtFfi RtFfi;  // a libffi call description for one Func

// Describes f's calling convention (rtabi.h) once, for many calls; NULL
// when a parameter or the result cannot cross the ABI (str, tuple).
RtFfi *rt_ffi_new(const Func *f);
void rt_ffi_free(RtFfi *c);
// Calls fn through c; args and ret as for rt_ffi_call.
void rt_ffi_invoke(RtFfi *c, void *fn, RtContext *ctx, void **args,
                   void *ret);
// Calls compiled function f at address fn with the calling convention of
// rtabi.h. args[i] points at the value of parameter i (int64_t, double,
// uint8_t, RtComplex, RtList *); ret points at room for the result.
void rt_ffi_call(const Func *f, void *fn, RtContext *ctx, void **args,
                 void *ret);

// ---- launch.c --------------------------------------------------------------

typedef struct RtCuda RtCuda;  // libcuda (dlopen'ed), a context, a module

// Loads libcuda and opens device 0; NULL with a message in err when there
// is no usable driver or GPU (main.c then exits RT_UNAVAILABLE).
RtCuda *rt_cuda_open(char *err, size_t errlen);
// The same with device `nth % count`: under mpirun, a rank's local rank,
// so one rank per GPU uses every GPU of a node.
RtCuda *rt_cuda_open_nth(int nth, char *err, size_t errlen);
void rt_cuda_close(RtCuda *cu);
// NVRTC's architecture for the device, e.g. "compute_90".
void rt_cuda_arch(RtCuda *cu, char *arch, size_t len);
// The last rt_cuda_run's time with its copies to and from the device
// (the kernel alone is its kernel_seconds), for --json and bench/cuda/.
double rt_cuda_total_seconds(const RtCuda *cu);
// Loads the PTX that nvrtc_compile made from cuda_emit's text for p, runs
// it over the grid and writes one escape count per point into counts
// (row-major: ny rows of nx, the first row at y2). Returns RT_OK,
// RT_KERNEL_ERROR (the exception is in ctx) or RT_UNAVAILABLE (a CUDA call
// failed; err names the call and its error string).
int rt_cuda_run(RtCuda *cu, const char *ptx, const Program *p,
                const RtGrid *g, int64_t *counts, RtContext *ctx,
                double *kernel_seconds, char *err, size_t errlen);
// The print records of a launch (nwords words, as the kernel wrote them
// after the counter) printed into ctx with the CPU's rt_print_* calls, as
// `table` (mandelc_print_table, tablelen bytes) says, in (point, order in
// the thread) order, up to point `last` (the first failing point, or
// INT64_MAX). An rt_str_format error stops it, raised in ctx. False when
// the records or the table are damaged. (Also used by tests/cuda/.)
bool rt_cuda_print_records(RtContext *ctx, const char *table,
                           size_t tablelen, const uint64_t *words,
                           uint64_t nwords, int64_t last);
// mandelc_print_table as NVRTC wrote it into the PTX (the initializer of
// its .global): *table malloc'd with *len bytes, or NULL when nothing
// prints. False when the PTX has no such table.
bool rt_cuda_ptx_print_table(const char *ptx, char **table, size_t *len);

// ---- image.c ---------------------------------------------------------------

// Writes counts (ny rows of nx, the first row at y2, the top) as an RGB
// PNG: points that never escaped (count 0, as the tutorial stores them)
// black, the others on a smooth palette by escape count. False with a
// message in err when the file cannot be written.
bool rt_image_write(const char *path, const int64_t *counts, int64_t nx,
                    int64_t ny, int64_t maxiter, char *err, size_t errlen);

// ---- reference.c -----------------------------------------------------------

// The hand-written C kernels (--compare, bench/): the tutorial's
// calculate_z_serial_purepython with C99 complex numbers and cabs, the
// same loop expanded into scalar doubles (testing |z|^2 > 4 instead of
// abs(z) > 2, as the tutorial's faster versions do; its sum may differ),
// and bench/'s vector kernel by hand (AVX-512, else AVX2; exact).
#define RT_REFERENCES 3

typedef struct {
  const char *name;
  RtSum sum;
  double seconds;
  const char *not_run;  // why it did not run (no sum, no time), or NULL
} RtReference;

// Runs reference `which` (0 .. RT_REFERENCES-1) over g on ctx->nthreads
// threads. One this machine cannot run says why in out->not_run.
void rt_reference_run(int which, const RtGrid *g, RtContext *ctx,
                      RtReference *out);
// bench/simd_avx512.c and simd_avx2.c (reference_avx512.c, _avx2.c):
// their sum over g on nthreads threads, and their time in *seconds. Only
// on a CPU that has the instructions; x86-64 builds only.
RtSum rt_reference_avx512(const RtGrid *g, int nthreads, double *seconds);
RtSum rt_reference_avx2(const RtGrid *g, int nthreads, double *seconds);

// ---- cprogram.c -----------------------------------------------------------

// --compare's row for the C program of --emit=c (c_text): built by the
// system's `cc -O2`, run over g's W and MAXITER on one thread; its own
// time of the kernel call and its validation sum in *out. False, with the
// reason in err, when cc is missing, the build fails or the program did
// not end with its sum (a run-time error).
bool rt_cprogram_run(const char *c_text, const RtGrid *g, RtReference *out,
                     char *err, size_t errlen);

// ---- annotate.c ------------------------------------------------------------

// --annotate=FILE.html: each line of the kernel file (src, len) with the
// types inference fixed there and the target code generated for it, found
// through the code's own line marks: `!dbg` locations in LLVM IR, `#line`
// directives in CUDA C (is_cuda). False with a message in err when the
// file cannot be written.
bool rt_annotate_write(const char *path, Arena *a, const Program *p,
                       const char *src, size_t len, const char *code,
                       bool is_cuda, char *err, size_t errlen);

// ---- profile.c -------------------------------------------------------------

typedef struct RtProfile RtProfile;  // SIGPROF samples and their lines

// Starts sampling the whole process (SIGPROF each ms of CPU time); NULL
// with a message in err where that is not possible.
RtProfile *rt_profile_start(char *err, size_t errlen);
// Stops sampling (rt_profile_map and rt_profile_free also stop it).
void rt_profile_stop(RtProfile *pr);
// A profile wants this many samples: a run that took fewer is repeated
// (its output thrown away) until it has them, or for this long at most.
#define RT_PROFILE_ENOUGH 500
#define RT_PROFILE_MAX_SECONDS 3.0  // of CPU time
// A line's figure from fewer samples than this is marked unreliable.
#define RT_PROFILE_RELIABLE 100
// Samples taken so far (while sampling too).
int64_t rt_profile_taken(const RtProfile *pr);
// How many runs of the kernel the samples came from (said in the table).
void rt_profile_set_runs(RtProfile *pr, int runs);
// Maps the samples to kernel.py lines 1..nlines through the JIT's machine
// code paired with asm_text, the assembly listing of the same module (see
// profile.c). False with a message in err when they cannot be paired.
bool rt_profile_map(RtProfile *pr, RtJit *jit, const char *asm_text,
                    int nlines, char *err, size_t errlen);
// Samples on `line` (0: code with no line), and all samples taken.
int64_t rt_profile_samples(const RtProfile *pr, int line);
int64_t rt_profile_total(const RtProfile *pr);
// The table: line, samples, %, source text; lines with samples only.
void rt_profile_print(FILE *out, const RtProfile *pr, const char *file,
                      const char *src, size_t len);
// For --json: {"samples": N, "cpu_seconds": S, "runs": R,
// "reliable_from": RT_PROFILE_RELIABLE, "outside": M, "lines": {"25": 10,
// ...}} (lines with samples only; "0": code with no line).
void rt_profile_json(FILE *out, const RtProfile *pr);
void rt_profile_free(RtProfile *pr);

// ---- annotate.c (the whole report) -----------------------------------------

// What --annotate shows beside each line; any field may be NULL.
typedef struct {
  const char *ir;         // optimised LLVM IR with !dbg locations
  const char *asm_text;   // its assembly with .loc directives
  const char *cuda;       // CUDA C with #line directives
  const char *ptx;        // PTX with .loc directives (NVRTC -lineinfo)
  const RtProfile *profile;  // samples by line, after rt_profile_map
  const char *target;     // "llvm" or "cuda", for the heading
  const char *cpu;        // --mcpu (NULL: native), for llvm-mca's estimate
} RtListings;

// --annotate=FILE.html: one self-contained page (no network, no external
// script) listing the kernel file; each line is shaded by the machine
// instructions mapped to it (asm or PTX `.loc`) and, with a profile, by
// its samples; a click opens its types, IR, assembly, CUDA C and PTX.
bool rt_annotate_report(const char *path, Arena *a, const Program *p,
                        const char *src, size_t len, const RtListings *l,
                        char *err, size_t errlen);
// The assembly listing with each `.loc` that changes the line followed by
// a comment quoting it: `# kernel.py:26:             zi = zi * zi + qi`.
char *rt_asm_with_source(Arena *a, const char *asm_text, const char *file,
                         const char *src, size_t len);
// The same for LLVM IR: before an instruction whose `!dbg` names another
// line than the one before it, `  ; kernel.py:25: zi = zi * zi + qi`
// (the line's DILocation; each function starts afresh).
char *rt_ir_with_source(Arena *a, const char *ir, const char *file,
                        const char *src, size_t len);

// ---- image.c (with the grid) ----------------------------------------------

// rt_image_write for the tutorial's grid g: a count of 0 where |q| > 2
// (escaped at the first iteration) is drawn as the outside, not the set.
bool rt_image_write_grid(const char *path, const int64_t *counts,
                         const RtGrid *g, char *err, size_t errlen);

// ---- reference.c (GPU) -----------------------------------------------------

// The hand-written CUDA kernel (--compare --target=cuda): CUDA C text
// compiled with NVRTC for cu's device and launched through rt_cuda_run.
// False with a message in err when it cannot be compiled or run.
bool rt_reference_cuda_run(RtCuda *cu, Arena *a, Diag *d, const RtGrid *g,
                           RtContext *ctx, RtReference *out, char *err,
                           size_t errlen);
// Its CUDA C text (for tests and the walkthrough).
const char *rt_reference_cuda_text(void);

#endif
