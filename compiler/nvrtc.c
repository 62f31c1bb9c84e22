// nvrtc.c - CUDA C to PTX through NVRTC, the CUDA runtime compiler.
//
// NVRTC is a library, so --emit=ptx works on machines with no GPU: only
// the target architecture is needed (main.c passes the device's, or
// compute_80 when there is none). The options keep float64 exact: no FMA
// contraction (-fmad=false) and no fast math unless --fast-math asked for
// it. cuda.c's #line directives make NVRTC's messages point at kernel.py;
// its log is printed through the Diag. The prelude every kernel includes
// (cuda_emit_prelude) is handed to NVRTC as a header of its own, so PTX
// .loc lines of the kernel file stay within it. The NVRTC program is
// created and destroyed in this one function.
#include <nvrtc.h>
#include <stdlib.h>
#include <string.h>

#include "compiler.h"

// The options for one compile, in an array the caller owns.
static int build_options(Arena *a, const char *arch, const CompileOptions *opt,
                         const char **out) {
  int n = 0;
  out[n++] = arena_sprintf(a, "--gpu-architecture=%s",
                           arch ? arch : "compute_80");
  out[n++] = "--std=c++17";
  out[n++] = "-lineinfo";  // profilers map instructions to kernel.py lines
  if (opt && opt->fast_math) {
    out[n++] = "--use_fast_math";
  } else {
    out[n++] = "-fmad=false";  // products rounded alone (docs/language.md §5)
    out[n++] = "-ftz=false";
    out[n++] = "-prec-div=true";
    out[n++] = "-prec-sqrt=true";
  }
  return n;
}

// Prints NVRTC's log (its lines already read `kernel.py(12): error ...`).
static void print_log(Diag *d, nvrtcProgram prog) {
  size_t size = 0;
  if (nvrtcGetProgramLogSize(prog, &size) != NVRTC_SUCCESS || size <= 1)
    return;
  char *log = malloc(size);
  if (log && nvrtcGetProgramLog(prog, log) == NVRTC_SUCCESS && d->out)
    fputs(log, d->out);
  free(log);
}

static char *get_ptx(Arena *a, nvrtcProgram prog) {
  size_t size = 0;
  if (nvrtcGetPTXSize(prog, &size) != NVRTC_SUCCESS || size == 0)
    return NULL;
  char *ptx = arena_alloc(a, size + 1);
  if (nvrtcGetPTX(prog, ptx) != NVRTC_SUCCESS)
    return NULL;
  return ptx;
}

char *nvrtc_compile(Arena *a, Diag *d, const char *src, const char *name,
                    const char *arch, const CompileOptions *opt) {
  if (setjmp(d->jmp))
    return NULL;
  nvrtcProgram prog;
  const char *prelude = cuda_emit_prelude(a);
  const char *include_name = CUDA_PRELUDE_NAME;
  nvrtcResult r = nvrtcCreateProgram(&prog, src, name ? name : "kernel.cu",
                                     1, &prelude, &include_name);
  if (r != NVRTC_SUCCESS)
    diag_error_at(d, 1, 1, "NVRTC could not start: %s",
                  nvrtcGetErrorString(r));
  const char *options[8];
  int n = build_options(a, arch, opt, options);
  r = nvrtcCompileProgram(prog, n, options);
  if (r != NVRTC_SUCCESS) {
    print_log(d, prog);
    nvrtcDestroyProgram(&prog);
    diag_error_at(d, 1, 1, "NVRTC failed to compile the generated CUDA C "
                  "(%s); this is a bug in mandelc's CUDA lowering",
                  nvrtcGetErrorString(r));
  }
  char *ptx = get_ptx(a, prog);
  nvrtcDestroyProgram(&prog);
  if (!ptx)
    diag_error_at(d, 1, 1, "NVRTC produced no PTX");
  return ptx;
}
