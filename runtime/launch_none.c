// launch_none.c - the CUDA launcher in a mandelc built without the CUDA
// toolkit (CMake found none under CUDA_ROOT; cuda.h is then missing too).
//
// There is no GPU to open: rt_cuda_open says why, and nothing else is
// reached (main.c exits 4 before it). The other entry points exist so the
// callers link; they fail the same way.
#include <stdio.h>

#include "runtime.h"

#define NO_CUDA "this mandelc was built without CUDA (no CUDA toolkit " \
                "when it was configured)"

RtCuda *rt_cuda_open(char *err, size_t errlen) {
  snprintf(err, errlen, "%s", NO_CUDA);
  return NULL;
}

RtCuda *rt_cuda_open_nth(int nth, char *err, size_t errlen) {
  (void)nth;
  return rt_cuda_open(err, errlen);
}

void rt_cuda_close(RtCuda *cu) {
  (void)cu;
}

double rt_cuda_total_seconds(const RtCuda *cu) {
  (void)cu;
  return 0;
}

void rt_cuda_arch(RtCuda *cu, char *arch, size_t len) {
  (void)cu;
  snprintf(arch, len, "compute_75");
}

int rt_cuda_run(RtCuda *cu, const char *ptx, const Program *p,
                const RtGrid *g, int64_t *counts, RtContext *ctx,
                double *kernel_seconds, char *err, size_t errlen) {
  (void)cu, (void)ptx, (void)p, (void)g, (void)counts, (void)ctx;
  *kernel_seconds = 0;
  snprintf(err, errlen, "%s", NO_CUDA);
  return RT_UNAVAILABLE;
}
