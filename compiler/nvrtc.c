// nvrtc.c - CUDA C to PTX through NVRTC, the CUDA runtime compiler.
//
// NVRTC is a library, so --emit=ptx works on machines with no GPU: only
// the target architecture is needed (main.c passes the device's, or
// compute_80 when there is none). The options keep float64 exact: no FMA
// contraction (-fmad=false) and no fast math unless --fast-math asked for
// it. cuda.c's #line directives make NVRTC's messages point at kernel.py;
// its log is printed through the Diag. The NVRTC program is created and
// destroyed in this one function.
//
// The library is opened with dlopen when a compile asks for it, not
// linked: a mandelc for the CPU then starts without loading NVRTC's 60 MB
// and runs on machines without the CUDA toolkit, which only --target=cuda
// and --emit=ptx need. The toolkit's header still gives the types.
#include <dlfcn.h>
#include <nvrtc.h>
#include <stdlib.h>
#include <string.h>

#include "compiler.h"

// The NVRTC functions mandelc calls, looked up in the opened library.
typedef struct {
  void *lib;
  nvrtcResult (*CreateProgram)(nvrtcProgram *, const char *, const char *,
                               int, const char *const *,
                               const char *const *);
  nvrtcResult (*CompileProgram)(nvrtcProgram, int, const char *const *);
  nvrtcResult (*DestroyProgram)(nvrtcProgram *);
  const char *(*GetErrorString)(nvrtcResult);
  nvrtcResult (*GetPTXSize)(nvrtcProgram, size_t *);
  nvrtcResult (*GetPTX)(nvrtcProgram, char *);
  nvrtcResult (*GetProgramLogSize)(nvrtcProgram, size_t *);
  nvrtcResult (*GetProgramLog)(nvrtcProgram, char *);
} Nvrtc;

// The library CMake found (MANDELC_NVRTC_LIBRARY), then by soname.
static const char *const nvrtc_names[] = {
#ifdef MANDELC_NVRTC_LIBRARY
    MANDELC_NVRTC_LIBRARY,
#endif
    "libnvrtc.so.13", "libnvrtc.so.12", "libnvrtc.so"};

static void *symbol(Diag *d, void *lib, const char *name) {
  void *f = dlsym(lib, name);
  if (!f)
    diag_error_at(d, 1, 1, "NVRTC has no %s: %s", name, dlerror());
  return f;
}

// Opens NVRTC and finds its functions, or says why it cannot (an error).
static void nvrtc_open(Diag *d, Nvrtc *n) {
  size_t count = sizeof nvrtc_names / sizeof nvrtc_names[0];
  for (size_t k = 0; k < count && !n->lib; k++)
    n->lib = dlopen(nvrtc_names[k], RTLD_NOW | RTLD_LOCAL);
  if (!n->lib)
    diag_error_at(d, 1, 1, "cannot load NVRTC (%s), which --target=cuda "
                  "and --emit=ptx need: install the CUDA toolkit",
                  nvrtc_names[0]);
  *(void **)&n->CreateProgram = symbol(d, n->lib, "nvrtcCreateProgram");
  *(void **)&n->CompileProgram = symbol(d, n->lib, "nvrtcCompileProgram");
  *(void **)&n->DestroyProgram = symbol(d, n->lib, "nvrtcDestroyProgram");
  *(void **)&n->GetErrorString = symbol(d, n->lib, "nvrtcGetErrorString");
  *(void **)&n->GetPTXSize = symbol(d, n->lib, "nvrtcGetPTXSize");
  *(void **)&n->GetPTX = symbol(d, n->lib, "nvrtcGetPTX");
  *(void **)&n->GetProgramLogSize =
      symbol(d, n->lib, "nvrtcGetProgramLogSize");
  *(void **)&n->GetProgramLog = symbol(d, n->lib, "nvrtcGetProgramLog");
}

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
    out[n++] = "-fmad=false";  // every product rounded alone (SPEC 5)
    out[n++] = "-ftz=false";
    out[n++] = "-prec-div=true";
    out[n++] = "-prec-sqrt=true";
  }
  return n;
}

// Prints NVRTC's log (its lines already read `kernel.py(12): error ...`).
static void print_log(Diag *d, const Nvrtc *n, nvrtcProgram prog) {
  size_t size = 0;
  if (n->GetProgramLogSize(prog, &size) != NVRTC_SUCCESS || size <= 1)
    return;
  char *log = malloc(size);
  if (log && n->GetProgramLog(prog, log) == NVRTC_SUCCESS && d->out)
    fputs(log, d->out);
  free(log);
}

static char *get_ptx(Arena *a, const Nvrtc *n, nvrtcProgram prog) {
  size_t size = 0;
  if (n->GetPTXSize(prog, &size) != NVRTC_SUCCESS || size == 0)
    return NULL;
  char *ptx = arena_alloc(a, size + 1);
  if (n->GetPTX(prog, ptx) != NVRTC_SUCCESS)
    return NULL;
  return ptx;
}

char *nvrtc_compile(Arena *a, Diag *d, const char *src, const char *name,
                    const char *arch, const CompileOptions *opt) {
  // volatile: read after a longjmp back here, to close the library
  Nvrtc *volatile nv = calloc(1, sizeof *nv);
  if (!nv)
    return NULL;
  if (setjmp(d->jmp)) {
    if (nv->lib)
      dlclose(nv->lib);
    free(nv);
    return NULL;
  }
  nvrtc_open(d, nv);
  nvrtcProgram prog;
  nvrtcResult r = nv->CreateProgram(&prog, src, name ? name : "kernel.cu",
                                    0, NULL, NULL);
  if (r != NVRTC_SUCCESS)
    diag_error_at(d, 1, 1, "NVRTC could not start: %s",
                  nv->GetErrorString(r));
  const char *options[8];
  int n = build_options(a, arch, opt, options);
  r = nv->CompileProgram(prog, n, options);
  if (r != NVRTC_SUCCESS) {
    print_log(d, nv, prog);
    nv->DestroyProgram(&prog);
    diag_error_at(d, 1, 1, "NVRTC failed to compile the generated CUDA C "
                  "(%s); this is a bug in mandelc's CUDA lowering",
                  nv->GetErrorString(r));
  }
  char *ptx = get_ptx(a, nv, prog);
  nv->DestroyProgram(&prog);
  if (!ptx)
    diag_error_at(d, 1, 1, "NVRTC produced no PTX");
  dlclose(nv->lib);
  free(nv);
  return ptx;
}
