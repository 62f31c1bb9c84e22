// launch.c - runs the PTX of cuda.c on the GPU through the CUDA driver API.
//
// libcuda is opened with dlopen at run time, never linked, so mandelc
// starts (and --emit=cuda/ptx work) on machines without a GPU driver: the
// driver functions it needs are looked up by their versioned names (those
// that CUDA 13's cuda.h maps the plain names to) into a table of function
// pointers. cuda.h is included only for its types and constants.
//
// A run follows the ABI written at the top of compiler/cuda.c: upload the
// grid's xs and ys (and, for list kernels, q and z built as the driver
// builds them), launch mandelc_kernel over the points, copy the counts and
// the error key back. A key other than ~0 is the first run-time error in
// point order; it is raised into the RtContext so that main.c reports it
// exactly as it reports the CPU's. The CUDA context is the device's
// primary context, retained by rt_cuda_open and released by rt_cuda_close.
#include <cuda.h>
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

#include "runtime.h"

// The driver functions mandelc calls, resolved by name from libcuda.
typedef struct {
  CUresult (*Init)(unsigned int);
  CUresult (*DeviceGet)(CUdevice *, int);
  CUresult (*DeviceGetCount)(int *);
  CUresult (*DeviceGetAttribute)(int *, CUdevice_attribute, CUdevice);
  CUresult (*DevicePrimaryCtxRetain)(CUcontext *, CUdevice);
  CUresult (*DevicePrimaryCtxRelease)(CUdevice);
  CUresult (*CtxSetCurrent)(CUcontext);
  CUresult (*CtxSetLimit)(CUlimit, size_t);
  CUresult (*CtxSynchronize)(void);
  CUresult (*ModuleLoadData)(CUmodule *, const void *);
  CUresult (*ModuleUnload)(CUmodule);
  CUresult (*ModuleGetFunction)(CUfunction *, CUmodule, const char *);
  CUresult (*MemAlloc)(CUdeviceptr *, size_t);
  CUresult (*MemFree)(CUdeviceptr);
  CUresult (*MemcpyHtoD)(CUdeviceptr, const void *, size_t);
  CUresult (*MemcpyDtoH)(void *, CUdeviceptr, size_t);
  CUresult (*LaunchKernel)(CUfunction, unsigned, unsigned, unsigned,
                           unsigned, unsigned, unsigned, unsigned, CUstream,
                           void **, void **);
  CUresult (*GetErrorString)(CUresult, const char **);
  CUresult (*EventCreate)(CUevent *, unsigned int);
  CUresult (*EventRecord)(CUevent, CUstream);
  CUresult (*EventSynchronize)(CUevent);
  CUresult (*EventElapsedTime)(float *, CUevent, CUevent);
  CUresult (*EventDestroy)(CUevent);
} CudaApi;

// Each table entry and the names to try for it, newest first.
static const struct {
  size_t offset;
  const char *names[2];
} cuda_symbols[] = {
#define SYM(field, a, b) {offsetof(CudaApi, field), {a, b}}
    SYM(Init, "cuInit", NULL),
    SYM(DeviceGet, "cuDeviceGet", NULL),
    SYM(DeviceGetCount, "cuDeviceGetCount", NULL),
    SYM(DeviceGetAttribute, "cuDeviceGetAttribute", NULL),
    SYM(DevicePrimaryCtxRetain, "cuDevicePrimaryCtxRetain", NULL),
    SYM(DevicePrimaryCtxRelease, "cuDevicePrimaryCtxRelease_v2",
        "cuDevicePrimaryCtxRelease"),
    SYM(CtxSetCurrent, "cuCtxSetCurrent", NULL),
    SYM(CtxSetLimit, "cuCtxSetLimit", NULL),
    SYM(CtxSynchronize, "cuCtxSynchronize", NULL),
    SYM(ModuleLoadData, "cuModuleLoadData", NULL),
    SYM(ModuleUnload, "cuModuleUnload", NULL),
    SYM(ModuleGetFunction, "cuModuleGetFunction", NULL),
    SYM(MemAlloc, "cuMemAlloc_v2", NULL),
    SYM(MemFree, "cuMemFree_v2", NULL),
    SYM(MemcpyHtoD, "cuMemcpyHtoD_v2", NULL),
    SYM(MemcpyDtoH, "cuMemcpyDtoH_v2", NULL),
    SYM(LaunchKernel, "cuLaunchKernel", NULL),
    SYM(GetErrorString, "cuGetErrorString", NULL),
    SYM(EventCreate, "cuEventCreate", NULL),
    SYM(EventRecord, "cuEventRecord", NULL),
    SYM(EventSynchronize, "cuEventSynchronize", NULL),
    SYM(EventElapsedTime, "cuEventElapsedTime_v2", "cuEventElapsedTime"),
    SYM(EventDestroy, "cuEventDestroy_v2", "cuEventDestroy"),
#undef SYM
};

struct RtCuda {
  void *lib;  // the dlopen handle of libcuda.so.1
  CudaApi api;
  CUdevice dev;
  CUcontext ctx;
  int major, minor;  // compute capability
};

// Threads per block: 32 x 8 for the two-dimensional forms (a warp along a
// row of the picture), 256 for list kernels. Any shape gives the same
// results; these keep every multiprocessor busy on small pictures too.
enum { BLOCK_X = 32, BLOCK_Y = 8, BLOCK_1D = 256 };
// Recursive helpers need more than the default 1 KiB of stack a thread.
#define RECURSION_STACK_BYTES ((size_t)64 << 10)
// Lists a kernel makes come from the device heap (8 MiB by default); each
// thread frees its own when it ends, so this bounds the lists alive at
// once: 256 MiB is 1 KiB for each of 250,000 threads in flight.
#define LIST_HEAP_BYTES ((size_t)256 << 20)

// Records "CALL: ERROR STRING" in err and returns false when r failed.
static bool cuda_ok(RtCuda *cu, CUresult r, const char *call, char *err,
                    size_t errlen) {
  if (r == CUDA_SUCCESS)
    return true;
  const char *s = NULL;
  if (cu->api.GetErrorString)
    cu->api.GetErrorString(r, &s);
  snprintf(err, errlen, "%s failed: %s", call, s ? s : "unknown error");
  return false;
}

static bool load_symbols(RtCuda *cu, char *err, size_t errlen) {
  size_t n = sizeof cuda_symbols / sizeof cuda_symbols[0];
  for (size_t k = 0; k < n; k++) {
    void *fn = NULL;
    for (int t = 0; t < 2 && !fn && cuda_symbols[k].names[t]; t++)
      fn = dlsym(cu->lib, cuda_symbols[k].names[t]);
    if (!fn) {
      snprintf(err, errlen, "no usable CUDA driver: libcuda.so.1 lacks %s",
               cuda_symbols[k].names[0]);
      return false;
    }
    memcpy((char *)&cu->api + cuda_symbols[k].offset, &fn, sizeof fn);
  }
  return true;
}

static bool open_device(RtCuda *cu, char *err, size_t errlen) {
  CudaApi *api = &cu->api;
  int count = 0;
  if (!cuda_ok(cu, api->Init(0), "cuInit", err, errlen) ||
      !cuda_ok(cu, api->DeviceGetCount(&count), "cuDeviceGetCount", err,
               errlen))
    return false;
  if (count == 0) {
    snprintf(err, errlen, "no usable CUDA driver: no GPU found");
    return false;
  }
  return cuda_ok(cu, api->DeviceGet(&cu->dev, 0), "cuDeviceGet", err,
                 errlen) &&
         cuda_ok(cu, api->DeviceGetAttribute(
                     &cu->major, CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR,
                     cu->dev), "cuDeviceGetAttribute", err, errlen) &&
         cuda_ok(cu, api->DeviceGetAttribute(
                     &cu->minor, CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR,
                     cu->dev), "cuDeviceGetAttribute", err, errlen) &&
         cuda_ok(cu, api->DevicePrimaryCtxRetain(&cu->ctx, cu->dev),
                 "cuDevicePrimaryCtxRetain", err, errlen) &&
         cuda_ok(cu, api->CtxSetCurrent(cu->ctx), "cuCtxSetCurrent", err,
                 errlen);
}

RtCuda *rt_cuda_open(char *err, size_t errlen) {
  void *lib = dlopen("libcuda.so.1", RTLD_NOW | RTLD_LOCAL);
  if (!lib) {
    snprintf(err, errlen, "no usable CUDA driver: libcuda.so.1 not found");
    return NULL;
  }
  RtCuda *cu = calloc(1, sizeof *cu);
  if (!cu) {
    dlclose(lib);
    snprintf(err, errlen, "out of memory");
    return NULL;
  }
  cu->lib = lib;
  if (!load_symbols(cu, err, errlen) || !open_device(cu, err, errlen)) {
    rt_cuda_close(cu);
    return NULL;
  }
  return cu;
}

void rt_cuda_close(RtCuda *cu) {
  if (!cu)
    return;
  if (cu->ctx)
    cu->api.DevicePrimaryCtxRelease(cu->dev);
  dlclose(cu->lib);
  free(cu);
}

void rt_cuda_arch(RtCuda *cu, char *arch, size_t len) {
  snprintf(arch, len, "compute_%d%d", cu->major, cu->minor);
}

// ---- one run ----------------------------------------------------------------

// The device memory of one run; rt_cuda_run frees whatever was allocated.
typedef struct {
  CUdeviceptr xs, ys, q, z, counts, err;
} DeviceBuffers;

static bool upload(RtCuda *cu, CUdeviceptr *dst, const void *src,
                   size_t bytes, char *err, size_t errlen) {
  return cuda_ok(cu, cu->api.MemAlloc(dst, bytes ? bytes : 1), "cuMemAlloc",
                 err, errlen) &&
         (!src || cuda_ok(cu, cu->api.MemcpyHtoD(*dst, src, bytes),
                          "cuMemcpyHtoD", err, errlen));
}

// q and z of a list kernel, as the driver makes them: q[j * nx + i] =
// complex(xs[i], ys[j]), row by row; z all zeros.
static bool upload_points(RtCuda *cu, const RtGrid *g, DeviceBuffers *b,
                          char *err, size_t errlen) {
  size_t n = (size_t)(g->nx * g->ny);
  RtComplex *q = calloc(n ? n : 1, sizeof *q);
  if (!q) {
    snprintf(err, errlen, "out of memory for the points");
    return false;
  }
  bool ok = upload(cu, &b->z, q, n * sizeof *q, err, errlen);
  for (int64_t j = 0; j < g->ny; j++)
    for (int64_t i = 0; i < g->nx; i++)
      q[j * g->nx + i] = (RtComplex){g->xs[i], g->ys[j]};
  ok = ok && upload(cu, &b->q, q, n * sizeof *q, err, errlen);
  free(q);
  return ok;
}

static bool upload_all(RtCuda *cu, const Program *p, const RtGrid *g,
                       DeviceBuffers *b, char *err, size_t errlen) {
  size_t n = (size_t)(g->nx * g->ny);
  uint64_t none = ~(uint64_t)0;
  return upload(cu, &b->xs, g->xs, (size_t)g->nx * sizeof(double), err,
                errlen) &&
         upload(cu, &b->ys, g->ys, (size_t)g->ny * sizeof(double), err,
                errlen) &&
         upload(cu, &b->counts, NULL, n * sizeof(int64_t), err, errlen) &&
         upload(cu, &b->err, &none, sizeof none, err, errlen) &&
         (p->choice.form != FORM_LIST || upload_points(cu, g, b, err, errlen));
}

static bool has_recursion(const Program *p) {
  for (int k = 0; k < p->funcs.len; k++)
    if (((Func *)p->funcs.data[k])->recursive)
      return true;
  return false;
}

// Launches mandelc_kernel over every point and times it with events.
static bool launch(RtCuda *cu, CUfunction fn, const Program *p,
                   const RtGrid *g, DeviceBuffers *b, double *seconds,
                   char *err, size_t errlen) {
  long long nx = g->nx, ny = g->ny, maxiter = g->maxiter;
  void *args[] = {&b->xs, &b->ys, &nx, &ny, &maxiter, &b->q, &b->z,
                  &b->counts, &b->err};
  unsigned gx, gy = 1, bx, by = 1;
  if (p->choice.form == FORM_LIST) {
    bx = BLOCK_1D;
    gx = (unsigned)((nx * ny + BLOCK_1D - 1) / BLOCK_1D);
  } else {
    bx = BLOCK_X;
    by = BLOCK_Y;
    gx = (unsigned)((nx + BLOCK_X - 1) / BLOCK_X);
    gy = (unsigned)((ny + BLOCK_Y - 1) / BLOCK_Y);
  }
  CudaApi *api = &cu->api;
  CUevent start = NULL, stop = NULL;
  float ms = 0;
  bool ok = cuda_ok(cu, api->EventCreate(&start, 0), "cuEventCreate", err,
                    errlen) &&
            cuda_ok(cu, api->EventCreate(&stop, 0), "cuEventCreate", err,
                    errlen) &&
            cuda_ok(cu, api->EventRecord(start, NULL), "cuEventRecord", err,
                    errlen) &&
            cuda_ok(cu, api->LaunchKernel(fn, gx, gy, 1, bx, by, 1, 0, NULL,
                                          args, NULL),
                    "cuLaunchKernel", err, errlen) &&
            cuda_ok(cu, api->EventRecord(stop, NULL), "cuEventRecord", err,
                    errlen) &&
            cuda_ok(cu, api->CtxSynchronize(), "the kernel", err, errlen) &&
            cuda_ok(cu, api->EventElapsedTime(&ms, start, stop),
                    "cuEventElapsedTime", err, errlen);
  if (start)
    api->EventDestroy(start);
  if (stop)
    api->EventDestroy(stop);
  if (seconds)
    *seconds = ms / 1000.0;
  return ok;
}

// The counts and, when a thread raised, the first error in point order.
static int fetch_results(RtCuda *cu, const RtGrid *g, DeviceBuffers *b,
                         int64_t *counts, RtContext *ctx, char *err,
                         size_t errlen) {
  uint64_t key = 0;
  size_t n = (size_t)(g->nx * g->ny);
  if (!cuda_ok(cu, cu->api.MemcpyDtoH(&key, b->err, sizeof key),
               "cuMemcpyDtoH", err, errlen) ||
      !cuda_ok(cu, cu->api.MemcpyDtoH(counts, b->counts,
                                      n * sizeof(int64_t)),
               "cuMemcpyDtoH", err, errlen))
    return RT_UNAVAILABLE;
  int32_t exc, line;
  int64_t index;
  const char *msg;
  if (!cuda_error_decode(key, &exc, &line, &index, &msg))
    return RT_OK;
  rt_raise(ctx, exc, line, msg);
  return RT_KERNEL_ERROR;
}

int rt_cuda_run(RtCuda *cu, const char *ptx, const Program *p,
                const RtGrid *g, int64_t *counts, RtContext *ctx,
                double *kernel_seconds, char *err, size_t errlen) {
  CudaApi *api = &cu->api;
  CUmodule module = NULL;
  CUfunction fn;
  DeviceBuffers b = {0};
  int status = RT_UNAVAILABLE;
  if (cuda_ok(cu, api->CtxSetCurrent(cu->ctx), "cuCtxSetCurrent", err,
              errlen) &&
      cuda_ok(cu, api->ModuleLoadData(&module, ptx), "cuModuleLoadData", err,
              errlen) &&
      cuda_ok(cu, api->ModuleGetFunction(&fn, module, "mandelc_kernel"),
              "cuModuleGetFunction", err, errlen) &&
      (!has_recursion(p) ||
       cuda_ok(cu, api->CtxSetLimit(CU_LIMIT_STACK_SIZE,
                                    RECURSION_STACK_BYTES),
               "cuCtxSetLimit", err, errlen)) &&
      cuda_ok(cu, api->CtxSetLimit(CU_LIMIT_MALLOC_HEAP_SIZE,
                                   LIST_HEAP_BYTES),
              "cuCtxSetLimit", err, errlen) &&
      upload_all(cu, p, g, &b, err, errlen) &&
      launch(cu, fn, p, g, &b, kernel_seconds, err, errlen))
    status = fetch_results(cu, g, &b, counts, ctx, err, errlen);
  CUdeviceptr all[] = {b.xs, b.ys, b.q, b.z, b.counts, b.err};
  for (size_t k = 0; k < sizeof all / sizeof all[0]; k++)
    if (all[k])
      api->MemFree(all[k]);
  if (module)
    api->ModuleUnload(module);
  return status;
}
