// compiler.h - the map of compiler/: typed program in, target code out.
//
// Consumes the Program that frontend/infer.c produced (every expression
// typed, every conversion explicit) and produces code for one target:
// llvm.c lowers it to an LLVM module (optimised with the new pass manager,
// printable as IR or assembly, handed to runtime/jit.c to run); cuda.c
// writes CUDA C, and nvrtc.c compiles that to PTX. parallel.c decides, for
// both, whether the list kernel's outer loop may run one iteration per
// thread. pymath.h is CPython's numeric algorithms as plain C, shared by
// the CPU runtime and (as text) by the CUDA C prelude, so both targets
// compute the same bits.
//
// The design decision a reader must know: float64 code is exact. No fast-
// math flags, no FMA contraction, CPython's order of operations; only
// CompileOptions.fast_math (--fast-math) relaxes that.
#ifndef MANDELC_COMPILER_H
#define MANDELC_COMPILER_H

#include "../frontend/frontend.h"

typedef struct {
  bool fast_math;   // --fast-math: contraction and reassociation allowed
  bool float32;     // --precision=float32 (GPU only)
  bool simd;        // --simd (default on)
  bool verbose;     // -v: say why a loop is not parallel, timings
  int opt_level;    // 0..3, default 3
  const char *cpu;  // --mcpu: the LLVM CPU the code is for; NULL or
                    // "native": the host's CPU and its features
  bool debug_lines; // --debug-jit: a run's code keeps its line table, so
                    // perf and gdb see the kernel's lines
} CompileOptions;

// ---- layout.c --------------------------------------------------------------

// A value's size and alignment in memory, in bytes: a list's element, a
// tuple's item. The one place an element size is decided; the runtime's
// list allocation, both targets' element addresses and pyprint.c's reads
// all follow it.
typedef struct {
  int64_t size, align;
} Layout;
Layout layout_of(const Type *t);
// The byte offset of item i of a tuple laid out by layout_of.
int64_t layout_offset(const Type *tuple, int i);

// ---- parallel.c ------------------------------------------------------------

// Marks the list kernel's outer `for i in range(len(q))` loop (For.parallel)
// when its iterations are independent: every local it writes is assigned
// before it is read in the same iteration, and every list it writes is
// written only at index i. Returns true when marked. When not, writes the
// reason and the offending node to *why / *where (where may be NULL).
bool parallel_mark(Program *p, const char **why, Node **where);
// parallel_mark with the reason built in `a` (naming the variables; with a
// NULL arena the wording is generic). `strict` no longer changes the
// answer: print is no dependency, since rt_parallel_for merges the CPU
// workers' output and launch.c sorts the GPU's print records, both in
// iteration order.
bool parallel_check(Arena *a, Program *p, bool strict, const char **why,
                    Node **where);
// The same proof, strict, for `loop` (a `for NAME in ...` statement of
// `container`, a statement list of the kernel), with the lists `result`
// and `row` (may be NULL) exempt: the caller maps their appends and stores
// itself (cuda.c, for the rows of a grid kernel).
bool parallel_check_loop(Arena *a, Func *kernel, PtrVec *container,
                         Node *loop, Var *result, Var *row, const char **why,
                         Node **where);
// The list kernel's outer loop over the points, `for i in range(len(q))`
// at the top of its body; NULL when there is none.
Node *parallel_find_loop(const Program *p);
// The lists the marked loop `loop` of `kernel` stores into and shares
// between its iterations (not assigned in its body): stored[v->index] for
// each variable v, kernel->vars.len entries. A split run ships exactly
// these elements (runtime/ranks.c).
void parallel_stored_lists(Func *kernel, Node *loop, bool *stored);

// ---- llvm.c ----------------------------------------------------------------

typedef struct LlvmUnit LlvmUnit;  // owns an LLVM context and module

// Typed AST to an LLVM module, one function per Func, named after it, with
// the calling convention of runtime/rtabi.h. NULL after a diagnostic.
LlvmUnit *llvm_lower(Arena *a, Diag *d, const Program *p,
                     const CompileOptions *opt);
// Runs `default<O3>` (or the level asked) for the host CPU and features.
bool llvm_optimize(LlvmUnit *u, Diag *d, const CompileOptions *opt);
// --emit=llvm / --emit=asm: the module as text, in the arena.
char *llvm_emit_ir(LlvmUnit *u, Arena *a);
char *llvm_emit_asm(LlvmUnit *u, Arena *a, Diag *d);
void llvm_dispose(LlvmUnit *u);
// What the lowering said about the forms (`simd: ...` lines, as -v shows
// them), kept whatever -v: the compile cache stores it with the code.
const char *llvm_notes(const LlvmUnit *u);
// For a run, between llvm_lower and llvm_optimize, where no listing is
// wanted: drops the debug info and cuts the module in two parts, the
// vector form (the functions with vector code) and the scalar rest, each
// in its own LLVMContext, so that llvm_optimize and llvm_emit_objects
// work on both at once, a thread each. A function used across the cut
// becomes external; only inlining across it is lost (the driver's call of
// the vector code, once a block of points, and the lanes' call of the
// scalar body for a point the vector form left). A
// module with nothing to cut stays one part. Each part's thread goes on
// from optimising to its object file (llvm_emit_objects hands the files
// over), so that neither waits for the other in between. llvm_emit_ir,
// llvm_emit_asm and llvm_take_module see part 0 only. False after a
// diagnostic (the IR does not verify).
bool llvm_split(LlvmUnit *u, Diag *d);
// How many parts the unit has: 1, or 2 after llvm_split cut it.
int llvm_parts(const LlvmUnit *u);
// Whether --mcpu=name names a CPU: "native", or one LLVM knows for the
// host's target (the list llc -mcpu=help printed when mandelc was built).
bool llvm_cpu_known(const char *name);
// The CPU the code of `cpu` (as CompileOptions.cpu) is for, by LLVM's
// name ("native" resolved to the host's): for the compile cache's key and
// for -v. Malloc'd.
char *llvm_cpu_name(const char *cpu);

#ifdef MANDELC_LLVM
#include <llvm-c/Core.h>
#include <llvm-c/TargetMachine.h>
// For runtime/jit.c: hands over the unit's context and module, which the
// caller owns from then on (llvm_dispose frees only the rest).
void llvm_take_module(LlvmUnit *u, LLVMContextRef *ctx, LLVMModuleRef *mod);
// Each part's object file (llvm_target_machine at -O3), made at
// once on a thread each: objs[0 .. llvm_parts(u)) are the caller's to
// dispose of. Returns how many; 0 after a diagnostic.
int llvm_emit_objects(LlvmUnit *u, Diag *d, LLVMMemoryBufferRef *objs);
// A TargetMachine for `cpu` (CompileOptions.cpu: NULL or "native" is the
// host's CPU and its features, else an LLVM CPU name with its own): the
// one llvm_optimize tunes for. The caller disposes of it; NULL (and an
// LLVM message in *err) when there is no such target.
LLVMTargetMachineRef llvm_target_machine(const char *cpu, int opt_level,
                                         char **err);
#endif

// ---- cuda.c ----------------------------------------------------------------

// Typed AST to CUDA C source (in the arena). NULL after a diagnostic (for
// example a list kernel whose outer loop carries a dependency). The text
// is the kernel's own code: it includes CUDA_PRELUDE_NAME, the helpers
// every kernel shares, which cuda_emit_prelude writes (nvrtc_compile
// hands it to NVRTC; a host compiler finds it beside the file).
char *cuda_emit(Arena *a, Diag *d, Program *p, const CompileOptions *opt);
#define CUDA_PRELUDE_NAME "mandelc_prelude.cuh"
char *cuda_emit_prelude(Arena *a);
// Reads the error key a launch left (see cuda.c): false when no thread
// raised; else the exception (RtExc), kernel.py line, point index and
// CPython's message.
bool cuda_error_decode(uint64_t key, int32_t *exc, int32_t *line,
                       int64_t *index, const char **msg);

// ---- c.c -------------------------------------------------------------------

// --emit=c: the kernel, the functions it calls and the tutorial's driver
// (main(), over `region`: x1, x2, y1, y2; with `julia` (re, im; NULL for
// none) the grid as starting values z and the constant as every point)
// as one C program for the host, in the arena: built with `cc k.c -lm`,
// it prints what CPython prints. The CUDA C generator with the host's
// flavour (c.c says what differs). NULL after a diagnostic (what the C
// target cannot express).
char *c_emit(Arena *a, Diag *d, Program *p, const CompileOptions *opt,
             const double region[4], const double *julia);

// ---- nvrtc.c ---------------------------------------------------------------

// CUDA C to PTX for `arch` (e.g. "compute_90"); NULL after a diagnostic
// (NVRTC's log is printed through d). CUDA_PRELUDE_NAME may be included.
char *nvrtc_compile(Arena *a, Diag *d, const char *src, const char *name,
                    const char *arch, const CompileOptions *opt);

#endif
