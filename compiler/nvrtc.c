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

// cuda.c marks each statement once: `#line N "kernel.py"`, a comment
// quoting line N, then the statement's C lines, which the preprocessor
// would number N + 1, N + 2, ... - the next statements' lines. What NVRTC
// compiles has each of those lines pinned to N by a directive of its own,
// so that PTX's .loc gives every instruction its statement's line. (The
// FILE.cu lines that cuda.c marks are numbered as they stand.)
// One pass of pin_lines: the pinned text into out (NULL: only its length).
static size_t pin_pass(const char *src, char *out) {
  size_t at = 0;
  const char *mark = NULL;  // the kernel file's directive in force
  size_t mark_len = 0;
  for (const char *s = src; *s;) {
    size_t n = strcspn(s, "\n");
    size_t line = n + (s[n] == '\n');
    if (strncmp(s, "#line ", 6) == 0) {
      bool cu = n > 4 && memcmp(s + n - 4, ".cu\"", 4) == 0;
      mark = cu ? NULL : s;
      mark_len = n;
    } else if (mark) {
      if (out) {
        memcpy(out + at, mark, mark_len);
        out[at + mark_len] = '\n';
      }
      at += mark_len + 1;
    }
    if (out)
      memcpy(out + at, s, line);
    at += line;
    s += line;
  }
  if (out)
    out[at] = '\0';
  return at;
}

static const char *pin_lines(Arena *a, const char *src) {
  char *out = arena_alloc(a, pin_pass(src, NULL) + 1);
  pin_pass(src, out);
  return out;
}

char *nvrtc_compile(Arena *a, Diag *d, const char *src, const char *name,
                    const char *arch, const CompileOptions *opt) {
  const char *pinned = pin_lines(a, src);
  if (setjmp(d->jmp))
    return NULL;
  nvrtcProgram prog;
  const char *prelude = cuda_emit_prelude(a);
  const char *include_name = CUDA_PRELUDE_NAME;
  nvrtcResult r = nvrtcCreateProgram(&prog, pinned, name ? name : "kernel.cu",
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
