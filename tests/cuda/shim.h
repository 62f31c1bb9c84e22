// shim.h - lets mandelc's CUDA C compile as plain C++ on the host.
//
// CI has no GPU, yet the CUDA lowering must reproduce CPython's sums and
// errors bit for bit. This header supplies what NVRTC would: the function
// qualifiers (as nothing), CUDA's built-in thread coordinates (thread-local
// variables that shim_runner.cpp sets before calling each "thread"), and
// the atomics the generated code uses, as single-threaded functions. The
// generated file is then compiled by g++ with -ffp-contract=off, so every
// double operation rounds as the GPU's does under -fmad=false.
#ifndef MANDELC_CUDA_SHIM_H
#define MANDELC_CUDA_SHIM_H

#include <math.h>
#include <stdint.h>

#define __global__
#define __device__
#define __host__
#define __forceinline__ inline
#define __noinline__ __attribute__((noinline))

struct dim3 {
  unsigned x, y, z;
};

// Set by the runner for each simulated thread.
extern thread_local dim3 threadIdx, blockIdx, blockDim, gridDim;

// The runner runs one thread at a time, so the atomics need no locking.
static inline unsigned long long atomicMin(unsigned long long *p,
                                           unsigned long long v) {
  unsigned long long old = *p;
  if (v < old)
    *p = v;
  return old;
}

static inline unsigned long long atomicCAS(unsigned long long *p,
                                           unsigned long long expected,
                                           unsigned long long v) {
  unsigned long long old = *p;
  if (old == expected)
    *p = v;
  return old;
}

static inline unsigned long long atomicAdd(unsigned long long *p,
                                           unsigned long long v) {
  unsigned long long old = *p;
  *p += v;
  return old;
}

static inline int atomicAdd(int *p, int v) {
  int old = *p;
  *p += v;
  return old;
}

#endif
