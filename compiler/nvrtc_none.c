// nvrtc_none.c - nvrtc_compile in a mandelc built without the CUDA toolkit.
//
// CMake found no NVRTC under CUDA_ROOT, so the CUDA target is left out:
// the CUDA lowering (cuda*.c) still writes CUDA C for --emit=cuda, and
// main.c refuses to run or compile it further (exit 4) before any call
// here. This file only keeps the callers linking: a call is a diagnostic.
#include "compiler.h"

char *nvrtc_compile(Arena *a, Diag *d, const char *src, const char *name,
                    const char *arch, const CompileOptions *opt) {
  (void)a, (void)src, (void)name, (void)arch, (void)opt;
  if (setjmp(d->jmp))
    return NULL;
  diag_error_at(d, 0, 0, "this mandelc was built without CUDA: no NVRTC");
}
