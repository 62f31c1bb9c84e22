// launch.c - runs the PTX of cuda.c on the GPU through the CUDA driver API.
//
// libcuda is opened with dlopen at run time, never linked, so mandelc
// starts (and --emit=cuda/ptx work) on machines without a GPU driver: the
// driver functions it needs are looked up by their versioned names (those
// that CUDA 13's cuda.h maps the plain names to) into a table of function
// pointers. cuda.h is included only for its types and constants.
//
// A run follows the ABI written at the top of compiler/cuda.c: upload the
// grid's xs and ys (for list kernels, mandelc_fill_points then builds q
// and z on the device as the driver builds them), launch mandelc_kernel
// over the points, copy the counts and the error key back. A key other
// than ~0 is the first run-time error in point order; it is raised into
// the RtContext so that main.c reports it exactly as it reports the
// CPU's. The CUDA context is the device's primary context, retained by
// rt_cuda_open and released by rt_cuda_close.
//
// print on the GPU: each print call appends a record (point index, the
// thread's sequence number, the call's number, its values as 8-byte
// slots) to a buffer with an atomic counter; mandelc_print_table in the
// module says how each call prints. After the launch the records are
// sorted by (point, sequence) and printed with the CPU's rt_print_* and
// rt_str_format, up to the first failing point, so the bytes and their
// order are a serial run's. A launch whose records did not fit is run
// again with room for all of them (the counter counts them anyway).
#include <cuda.h>
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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
  CUresult (*ModuleGetGlobal)(CUdeviceptr *, size_t *, CUmodule,
                              const char *);
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
    SYM(ModuleGetGlobal, "cuModuleGetGlobal_v2", NULL),
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
  double total_seconds;  // the last run's uploads, launch and downloads
  // The heap's size can be set only before a kernel that uses it has run
  // in the context (a later cuCtxSetLimit fails: seen on an H100), so it
  // is set once, by the first run.
  bool heap_set;
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
// The print buffer of the first launch (8 MiB: the tutorial's progress
// report at 8192 x 8192 needs 100 KiB) and the most a relaunch may ask
// for; a kernel that prints more is stopped with a message.
#define PRINT_WORDS_FIRST ((uint64_t)1 << 20)
#define PRINT_WORDS_MAX ((uint64_t)1 << 28)

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

static bool open_device(RtCuda *cu, int nth, char *err, size_t errlen) {
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
  return cuda_ok(cu, api->DeviceGet(&cu->dev, nth % count), "cuDeviceGet",
                 err, errlen) &&
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
  return rt_cuda_open_nth(0, err, errlen);
}

RtCuda *rt_cuda_open_nth(int nth, char *err, size_t errlen) {
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
  if (!load_symbols(cu, err, errlen) ||
      !open_device(cu, nth < 0 ? 0 : nth, err, errlen)) {
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

double rt_cuda_total_seconds(const RtCuda *cu) {
  return cu ? cu->total_seconds : 0;
}

void rt_cuda_arch(RtCuda *cu, char *arch, size_t len) {
  snprintf(arch, len, "compute_%d%d", cu->major, cu->minor);
}

// ---- print records ----------------------------------------------------------

// mandelc_print_table (compiler/cuda.c writes it) is one entry a print
// call, each a string of ops ending in ';': i f b (a value in one slot),
// c (a complex in two), n (None), _ (a separator), E0/E1 (the end, with
// or without a newline), sLEN:BYTES (a literal) and
// %LINE:LEN:FMT NARGS:KINDS (`fmt % args`, the args in NARGS slots).

// Reads digits and the ':' after them; NULL when there are none.
static const char *read_number(const char *s, const char *end, int64_t *v) {
  *v = 0;
  const char *start = s;
  while (s < end && *s >= '0' && *s <= '9' && *v < ((int64_t)1 << 40))
    *v = *v * 10 + (*s++ - '0');
  return s > start && s < end && *s == ':' ? s + 1 : NULL;
}

static double slot_double(uint64_t u) {
  double d;
  memcpy(&d, &u, sizeof d);
  return d;
}

// `fmt % args` of a '%' op at s (after the '%'); prints when ctx is not
// NULL. Returns the next op, or NULL when the entry is malformed.
static const char *format_op(RtContext *ctx, const char *s, const char *end,
                             const uint64_t *slots, int *nslots) {
  int64_t line, len, nargs;
  if (!(s = read_number(s, end, &line)) || !(s = read_number(s, end, &len)) ||
      len > end - s)
    return NULL;
  const char *fmt = s;
  s += len;
  if (!(s = read_number(s, end, &nargs)) || nargs > end - s || nargs > 64)
    return NULL;
  if (ctx) {
    char kinds[65];
    int64_t vals[64];
    memcpy(kinds, s, (size_t)nargs);
    kinds[nargs] = 0;
    for (int k = 0; k < nargs; k++)
      vals[k] = (int64_t)slots[*nslots + k];
    RtStr *str = rt_str_format(ctx, fmt, len, kinds, vals, (int32_t)nargs,
                               (int32_t)line);
    if (str && ctx->exc == RT_EXC_NONE)
      rt_print_rtstr(ctx, str);
  }
  *nslots += (int)nargs;
  return s + nargs;
}

// One op at s: printed when ctx is not NULL, its slots counted in
// *nslots. Returns the next op; NULL when malformed.
static const char *print_op(RtContext *ctx, const char *s, const char *end,
                            const uint64_t *slots, int *nslots) {
  const uint64_t *v = slots ? slots + *nslots : NULL;
  int64_t len;
  switch (*s++) {
  case 'i': if (ctx) rt_print_int(ctx, (int64_t)v[0]); ++*nslots; return s;
  case 'f': if (ctx) rt_print_float(ctx, slot_double(v[0])); ++*nslots;
    return s;
  case 'b': if (ctx) rt_print_bool(ctx, v[0] != 0); ++*nslots; return s;
  case 'c':
    if (ctx)
      rt_print_complex(ctx, slot_double(v[0]), slot_double(v[1]));
    *nslots += 2;
    return s;
  case 'n': if (ctx) rt_print_none(ctx); return s;
  case '_': if (ctx) rt_print_sep(ctx); return s;
  case 'E':
    if (s == end || (*s != '0' && *s != '1'))
      return NULL;
    if (ctx)
      rt_print_end(ctx, *s == '1');
    return s + 1;
  case 's':
    if (!(s = read_number(s, end, &len)) || len > end - s)
      return NULL;
    if (ctx)
      rt_print_str(ctx, s, len);
    return s + len;
  case '%': return format_op(ctx, s, end, slots, nslots);
  default: return NULL;
  }
}

// Walks the entry at s up to its ';'; returns what follows, or NULL.
static const char *print_entry(RtContext *ctx, const char *s, const char *end,
                               const uint64_t *slots, int *nslots) {
  *nslots = 0;
  while (s && s < end && *s != ';') {
    s = print_op(ctx, s, end, slots, nslots);
    if (ctx && ctx->exc != RT_EXC_NONE)
      return NULL;
  }
  return s && s < end ? s + 1 : NULL;
}

typedef struct {
  uint64_t index, seq, at;  // point, order in its thread, word offset
} PrintRecord;

static int record_order(const void *a, const void *b) {
  const PrintRecord *x = a, *y = b;
  if (x->index != y->index)
    return x->index < y->index ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

// The table's entries: where each starts and its slots; -1 if malformed.
static int64_t parse_table(const char *table, size_t len,
                           const char ***start, int **nslots) {
  const char *end = table + len;
  int64_t n = 0;
  for (const char *s = table; s && s < end; n++)
    s = print_entry(NULL, s, end, NULL, &(int){0});
  *start = calloc((size_t)n + 1, sizeof **start);
  *nslots = calloc((size_t)n + 1, sizeof **nslots);
  if (!*start || !*nslots)
    return -1;
  const char *s = table;
  for (int64_t k = 0; k < n; k++) {
    (*start)[k] = s;
    s = print_entry(NULL, s, end, NULL, &(*nslots)[k]);
    if (!s)
      return -1;
  }
  return n;
}

// Finds the records in words, in the order they were written.
static PrintRecord *find_records(const uint64_t *words, uint64_t nwords,
                                 int64_t nentries, const int *nslots,
                                 size_t *count) {
  PrintRecord *r = malloc((size_t)(nwords / 2 + 1) * sizeof *r);
  size_t n = 0;
  for (uint64_t at = 0; r && at + 2 <= nwords;) {
    uint64_t id = words[at + 1] & 0xFFFFFFFF;
    if ((int64_t)id >= nentries || at + 2 + (uint64_t)nslots[id] > nwords) {
      free(r);
      return NULL;
    }
    r[n++] = (PrintRecord){words[at], words[at + 1] >> 32, at};
    at += 2 + (uint64_t)nslots[id];
  }
  *count = n;
  return r;
}

bool rt_cuda_print_records(RtContext *ctx, const char *table,
                           size_t tablelen, const uint64_t *words,
                           uint64_t nwords, int64_t last) {
  const char **start = NULL;
  int *nslots = NULL;
  size_t count = 0;
  int64_t nentries = parse_table(table, tablelen, &start, &nslots);
  PrintRecord *r = nentries < 0 ? NULL
                   : find_records(words, nwords, nentries, nslots, &count);
  bool ok = r != NULL;
  if (ok)
    qsort(r, count, sizeof *r, record_order);
  for (size_t k = 0; ok && k < count && (int64_t)r[k].index <= last &&
                     ctx->exc == RT_EXC_NONE; k++) {
    const uint64_t *rec = words + r[k].at;
    print_entry(ctx, start[rec[1] & 0xFFFFFFFF], table + tablelen, rec + 2,
                &(int){0});
  }
  free(r);
  free(start);
  free(nslots);
  return ok;
}

// ---- one run ----------------------------------------------------------------

// The device memory of one run; rt_cuda_run frees whatever was allocated.
typedef struct {
  CUdeviceptr xs, ys, q, z, counts, err, print;
} DeviceBuffers;

static bool upload(RtCuda *cu, CUdeviceptr *dst, const void *src,
                   size_t bytes, char *err, size_t errlen) {
  return cuda_ok(cu, cu->api.MemAlloc(dst, bytes ? bytes : 1), "cuMemAlloc",
                 err, errlen) &&
         (!src || cuda_ok(cu, cu->api.MemcpyHtoD(*dst, src, bytes),
                          "cuMemcpyHtoD", err, errlen));
}

// q and z of a list kernel, as the driver makes them: q[j * nx + i] =
// complex(xs[i], ys[j]), row by row; z all zeros (under --julia, z the
// points and q the constant). Built on the device by
// the module's mandelc_fill_points (cuda.c writes it into every list
// kernel's module), so that 32 bytes a point never cross the bus.
static bool fill_points(RtCuda *cu, CUfunction fill, const RtGrid *g,
                        DeviceBuffers *b, char *err, size_t errlen) {
  size_t n = (size_t)(g->nx * g->ny);
  long long nx = g->nx, ny = g->ny;
  int julia = g->julia;
  double julia_re = g->julia_re, julia_im = g->julia_im;
  void *args[] = {&b->xs, &b->ys, &nx, &ny, &b->q, &b->z,
                  &julia, &julia_re, &julia_im};
  unsigned blocks = (unsigned)((n + BLOCK_1D - 1) / BLOCK_1D);
  size_t bytes = n ? n * sizeof(RtComplex) : 1;
  return cuda_ok(cu, cu->api.MemAlloc(&b->q, bytes), "cuMemAlloc", err,
                 errlen) &&
         cuda_ok(cu, cu->api.MemAlloc(&b->z, bytes), "cuMemAlloc", err,
                 errlen) &&
         (!n || cuda_ok(cu, cu->api.LaunchKernel(fill, blocks ? blocks : 1,
                                                 1, 1, BLOCK_1D, 1, 1, 0,
                                                 NULL, args, NULL),
                        "cuLaunchKernel (mandelc_fill_points)", err,
                        errlen));
}

static bool upload_all(RtCuda *cu, const Program *p, const RtGrid *g,
                       CUfunction fill, DeviceBuffers *b, uint64_t print_cap,
                       char *err, size_t errlen) {
  size_t n = (size_t)(g->nx * g->ny);
  uint64_t none = ~(uint64_t)0, zero = 0;
  return upload(cu, &b->xs, g->xs, (size_t)g->nx * sizeof(double), err,
                errlen) &&
         upload(cu, &b->ys, g->ys, (size_t)g->ny * sizeof(double), err,
                errlen) &&
         upload(cu, &b->counts, NULL, n * sizeof(int64_t), err, errlen) &&
         upload(cu, &b->err, &none, sizeof none, err, errlen) &&
         (!print_cap ||
          (upload(cu, &b->print, NULL, (print_cap + 1) * sizeof(uint64_t),
                  err, errlen) &&
           cuda_ok(cu, cu->api.MemcpyHtoD(b->print, &zero, sizeof zero),
                   "cuMemcpyHtoD", err, errlen))) &&
         (p->choice.form != FORM_LIST ||
          fill_points(cu, fill, g, b, err, errlen));
}

static bool has_recursion(const Program *p) {
  for (int k = 0; k < p->funcs.len; k++)
    if (((Func *)p->funcs.data[k])->recursive)
      return true;
  return false;
}

// Launches mandelc_kernel over every point and times it with events.
static bool launch(RtCuda *cu, CUfunction fn, const Program *p,
                   const RtGrid *g, DeviceBuffers *b, uint64_t print_cap,
                   double *seconds, char *err, size_t errlen) {
  long long nx = g->nx, ny = g->ny, maxiter = g->maxiter;
  unsigned long long cap = print_cap;
  void *args[] = {&b->xs, &b->ys, &nx, &ny, &maxiter, &b->q, &b->z,
                  &b->counts, &b->err, &b->print, &cap};
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

bool rt_cuda_ptx_print_table(const char *ptx, char **table, size_t *len) {
  static const char name[] = "mandelc_print_table[";
  *table = NULL;
  *len = 0;
  const char *s = strstr(ptx, name);
  if (!s)
    return false;
  char *end;
  long n = strtol(s + strlen(name), &end, 10);
  if (n < 1 || n > (1L << 24) || strncmp(end, "]", 1))
    return false;
  end++;
  while (*end == ' ')
    end++;
  if (*end == ';')  // zero-initialised: "" (nothing prints)
    return n == 1;
  if (strncmp(end, "= {", 3))
    return false;
  // the listed bytes; NVRTC leaves out the zeros at the end
  char *t = calloc((size_t)n, 1);
  const char *b = end + 3;
  for (long k = 0; t && k < n && *b != '}'; k++) {
    long v = strtol(b, &end, 10);
    if (end == b || v < 0 || v > 255 || (*end != ',' && *end != '}')) {
      free(t);
      return false;
    }
    t[k] = (char)v;
    b = *end == ',' ? end + 1 : end;
  }
  if (!t || t[n - 1] != 0) {
    free(t);
    return false;
  }
  if (n == 1) {
    free(t);
    return true;
  }
  *table = t;
  *len = (size_t)n - 1;
  return true;
}

// The print table of the module (NULL when the kernel does not print),
// malloc'd, with its length: read from the PTX text, which holds it as
// the initializer of a .global; failing that (a PTX written otherwise),
// from the loaded module by name.
static bool read_table(RtCuda *cu, CUmodule module, const char *ptx,
                       char **table, size_t *len, char *err,
                       size_t errlen) {
  if (rt_cuda_ptx_print_table(ptx, table, len))
    return true;
  CUdeviceptr at;
  size_t bytes = 0;
  // every module cuda.c writes has the table; "" when nothing prints
  if (!cuda_ok(cu, cu->api.ModuleGetGlobal(&at, &bytes, module,
                                           "mandelc_print_table"),
               "cuModuleGetGlobal(mandelc_print_table)", err, errlen))
    return false;
  if (bytes <= 1)
    return true;  // no print in the kernel: no buffer either
  *table = malloc(bytes);
  if (!*table) {
    snprintf(err, errlen, "out of memory for the print table");
    return false;
  }
  *len = bytes - 1;  // the table's own bytes (it may hold a 0 of a string)
  return cuda_ok(cu, cu->api.MemcpyDtoH(*table, at, bytes), "cuMemcpyDtoH",
                 err, errlen);
}

// The launch's print records, printed in order up to point `last`.
// Returns RT_OK, or RT_UNAVAILABLE with a message.
static int print_records(RtCuda *cu, DeviceBuffers *b, const char *table,
                         size_t tablelen, uint64_t used, RtContext *ctx,
                         int64_t last, char *err, size_t errlen) {
  uint64_t *words = malloc((size_t)(used ? used : 1) * sizeof *words);
  if (!words) {
    snprintf(err, errlen, "out of memory for the GPU's print records");
    return RT_UNAVAILABLE;
  }
  int status = RT_OK;
  if (used && !cuda_ok(cu, cu->api.MemcpyDtoH(words, b->print +
                                              sizeof(uint64_t),
                                              used * sizeof *words),
                       "cuMemcpyDtoH", err, errlen))
    status = RT_UNAVAILABLE;
  else if (!rt_cuda_print_records(ctx, table, tablelen, words, used, last)) {
    snprintf(err, errlen, "the GPU's print records are damaged");
    status = RT_UNAVAILABLE;
  }
  free(words);
  return status;
}

// The counts and, when a thread raised, the first error in point order.
// The prints come first: one that fails to format (rt_str_format's
// errors) happened before any device error a later statement raised.
static int fetch_results(RtCuda *cu, const RtGrid *g, DeviceBuffers *b,
                         const char *table, size_t tablelen, uint64_t used,
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
  int64_t index = INT64_MAX;
  const char *msg;
  bool raised = cuda_error_decode(key, &exc, &line, &index, &msg);
  if (table && print_records(cu, b, table, tablelen, used, ctx, index, err,
                             errlen) != RT_OK)
    return RT_UNAVAILABLE;
  if (ctx->exc != RT_EXC_NONE)
    return RT_KERNEL_ERROR;
  if (!raised)
    return RT_OK;
  rt_raise(ctx, exc, line, msg);
  return RT_KERNEL_ERROR;
}

// How many words the launch's prints took (or wanted): RT_OK, or
// RT_UNAVAILABLE when they cannot fit any buffer.
static int print_words(RtCuda *cu, DeviceBuffers *b, uint64_t *used,
                       char *err, size_t errlen) {
  if (!cuda_ok(cu, cu->api.MemcpyDtoH(used, b->print, sizeof *used),
               "cuMemcpyDtoH", err, errlen))
    return RT_UNAVAILABLE;
  if (*used <= PRINT_WORDS_MAX)
    return RT_OK;
  snprintf(err, errlen, "the kernel printed more than the GPU's print "
           "buffer holds (%llu MiB); print less, or run it with "
           "--target=llvm", (unsigned long long)(PRINT_WORDS_MAX >> 17));
  return RT_UNAVAILABLE;
}

static void free_buffers(RtCuda *cu, DeviceBuffers *b) {
  CUdeviceptr all[] = {b->xs, b->ys, b->q, b->z, b->counts, b->err,
                       b->print};
  for (size_t k = 0; k < sizeof all / sizeof all[0]; k++)
    if (all[k])
      cu->api.MemFree(all[k]);
  *b = (DeviceBuffers){0};
}

static double now_seconds(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

// One launch with a print buffer of print_cap words. Returns an exit
// status, or -1 (with *print_cap grown) when the prints did not fit.
static int run_once(RtCuda *cu, CUfunction fn, CUfunction fill,
                    const Program *p, const RtGrid *g, const char *table,
                    size_t tablelen,
                    uint64_t *print_cap, int64_t *counts, RtContext *ctx,
                    double *kernel_seconds, char *err, size_t errlen) {
  DeviceBuffers b = {0};
  uint64_t used = 0;
  int status = RT_UNAVAILABLE;
  // The counts' pages touched before the clock starts, as the hand-written
  // kernel's vector is: first-touch faults are the host's, not the copy's.
  memset(counts, 0, (size_t)(g->nx * g->ny) * sizeof *counts);
  double start = now_seconds();
  if (upload_all(cu, p, g, fill, &b, *print_cap, err, errlen) &&
      launch(cu, fn, p, g, &b, *print_cap, kernel_seconds, err, errlen)) {
    status = table ? print_words(cu, &b, &used, err, errlen) : RT_OK;
    if (status == RT_OK && used > *print_cap) {
      *print_cap = used;
      status = -1;
    } else if (status == RT_OK) {
      status = fetch_results(cu, g, &b, table, tablelen, used, counts, ctx,
                             err, errlen);
    }
  }
  cu->total_seconds = now_seconds() - start;
  free_buffers(cu, &b);
  return status;
}

// The device heap for the kernels' lists, once per context.
static bool set_heap(RtCuda *cu, char *err, size_t errlen) {
  if (!cu->heap_set)
    cu->heap_set = cuda_ok(cu, cu->api.CtxSetLimit(CU_LIMIT_MALLOC_HEAP_SIZE,
                                                   LIST_HEAP_BYTES),
                           "cuCtxSetLimit", err, errlen);
  return cu->heap_set;
}

int rt_cuda_run(RtCuda *cu, const char *ptx, const Program *p,
                const RtGrid *g, int64_t *counts, RtContext *ctx,
                double *kernel_seconds, char *err, size_t errlen) {
  CudaApi *api = &cu->api;
  CUmodule module = NULL;
  CUfunction fn, fill = NULL;  // fill: a list kernel's q and z
  char *table = NULL;
  size_t tablelen = 0;
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
      (p->choice.form != FORM_LIST ||
       cuda_ok(cu, api->ModuleGetFunction(&fill, module,
                                          "mandelc_fill_points"),
               "cuModuleGetFunction", err, errlen)) &&
      set_heap(cu, err, errlen) &&
      read_table(cu, module, ptx, &table, &tablelen, err, errlen)) {
    uint64_t print_cap = table ? PRINT_WORDS_FIRST : 0;
    // a second launch when the first one's prints did not fit (a third
    // only if the kernel printed differently: it should not)
    status = -1;
    for (int tries = 0; status < 0 && tries < 3; tries++)
      status = run_once(cu, fn, fill, p, g, table, tablelen, &print_cap,
                        counts, ctx, kernel_seconds, err, errlen);
    if (status < 0) {
      snprintf(err, errlen, "the kernel's prints changed between launches");
      status = RT_UNAVAILABLE;
    }
  }
  free(table);
  if (module)
    api->ModuleUnload(module);
  return status;
}
