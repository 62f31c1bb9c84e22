// shim_runner.cpp - runs a kernel's CUDA C on the host, as mandelc would.
//
//   shim_runner W MAXITER [--region=X1,X2,Y1,Y2]
//
// Compiled with the generated file (KERNEL_CU, included below after
// shim.h), it builds the tutorial's grid exactly as runtime/driver.c does
// (SPEC 2), walks every block and thread of the launch that launch.c would
// make, and prints the tutorial's lines, or the first run-time error as
// `KERNEL.py:LINE: ZeroDivisionError: ...` with exit status 3, decoded by
// the compiler's own cuda_error_decode. What the kernel printed comes
// between them, through launch.c's own record printing (shim_print.c);
// the print buffer starts small so that launch.c's second launch, with
// room for every record, is exercised too.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <algorithm>
#include <vector>

#include "shim.h"

thread_local dim3 threadIdx, blockIdx, blockDim, gridDim;

// A list kernel's module builds q and z itself (mandelc_fill_points, as
// launch.c runs it); a weak declaration leaves it null in other modules.
struct pycomplex_d;
extern "C" void mandelc_fill_points(const double *, const double *,
                                    long long, long long,
                                    struct pycomplex_d *,
                                    struct pycomplex_d *, int, double,
                                    double) __attribute__((weak));
#include KERNEL_CU

#include "../../runtime/rtabi.h"

extern "C" bool cuda_error_decode(uint64_t key, int32_t *exc, int32_t *line,
                                  int64_t *index, const char **msg);
extern "C" int shim_print_records(const char *file, const char *table,
                                  size_t len, const uint64_t *words,
                                  uint64_t nwords, int64_t last);

// Words of the first launch's print buffer: small, to force a relaunch.
enum { FIRST_PRINT_WORDS = 16 };

static const char *const exc_names[] = {
#define X(name, pyname) pyname,
    RT_EXCEPTIONS(X)
#undef X
};

// xs and ys as calc_pure_python builds them.
static void build_grid(long w, const double r[4], std::vector<double> &xs,
                       std::vector<double> &ys) {
  double x1 = r[0], x2 = r[1], y1 = r[2], y2 = r[3];
  double x_step = (x2 - x1) / (double)w * 2;
  double y_step = (y1 - y2) / (double)w * 2;
  for (double y = y2; y > y1; y += y_step)
    ys.push_back(y);
  for (double x = x1; x < x2; x += x_step)
    xs.push_back(x);
}

// One launch, thread by thread, with launch.c's shapes.
static void run_launch(dim3 grid, dim3 block, std::vector<double> &xs,
                       std::vector<double> &ys, long long maxiter,
                       pycomplex_d *q, pycomplex_d *z, long long *counts,
                       mandelc_error *err, unsigned long long *print,
                       unsigned long long print_cap) {
  gridDim = grid;
  blockDim = block;
  for (unsigned by = 0; by < grid.y; by++)
    for (unsigned bx = 0; bx < grid.x; bx++)
      for (unsigned ty = 0; ty < block.y; ty++)
        for (unsigned tx = 0; tx < block.x; tx++) {
          blockIdx = {bx, by, 0};
          threadIdx = {tx, ty, 0};
          mandelc_kernel(xs.data(), ys.data(), (long long)xs.size(),
                         (long long)ys.size(), maxiter, q, z, counts, err,
                         print, print_cap);
        }
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: %s W MAXITER [--region=X1,X2,Y1,Y2] "
            "[--julia=RE,IM]\n", argv[0]);
    return 2;
  }
  double region[4] = {-2.13, 0.77, -1.3, 1.3};
  double julia[2] = {0, 0};
  bool is_julia = false;
  for (int a = 3; a < argc; a++) {
    if (!strncmp(argv[a], "--region=", 9))
      sscanf(argv[a] + 9, "%lf,%lf,%lf,%lf", &region[0], &region[1],
             &region[2], &region[3]);
    if (!strncmp(argv[a], "--julia=", 8))  // RE,IM
      is_julia = sscanf(argv[a] + 8, "%lf,%lf", &julia[0], &julia[1]) == 2;
  }
  std::vector<double> xs, ys;
  build_grid(atol(argv[1]), region, xs, ys);
  long long nx = (long long)xs.size(), ny = (long long)ys.size();
  size_t n = (size_t)(nx * ny);
  std::vector<pycomplex_d> q(n + 1), z(n + 1);
  std::vector<long long> counts(n + 1);
  std::vector<unsigned long long> print;
  mandelc_error err;
  dim3 grid, block;
  if (mandelc_launch_dims == 1) {
    block = {256, 1, 1};
    grid = {(unsigned)((n + 255) / 256), 1, 1};
  } else {
    block = {32, 8, 1};
    grid = {(unsigned)((nx + 31) / 32), (unsigned)((ny + 7) / 8), 1};
  }
  printf("Total elements: %zu\n", n);
  fflush(stdout);
  // launch.c's loop: launch again, from fresh inputs, while the prints
  // did not fit
  unsigned long long cap = FIRST_PRINT_WORDS;
  for (bool fits = false; !fits;) {
    if (mandelc_fill_points) {  // poisoned first: it must write each one
      std::fill(q.begin(), q.end(), pycomplex_d{-7.5, 7.5});
      std::fill(z.begin(), z.end(), pycomplex_d{-7.5, 7.5});
      gridDim = grid;
      blockDim = block;
      for (unsigned bx = 0; bx < grid.x; bx++)
        for (unsigned tx = 0; tx < block.x; tx++) {
          blockIdx = {bx, 0, 0};
          threadIdx = {tx, 0, 0};
          mandelc_fill_points(xs.data(), ys.data(), nx, ny, q.data(),
                              z.data(), is_julia, julia[0], julia[1]);
        }
    } else {
      for (long long j = 0; j < ny; j++)
        for (long long i = 0; i < nx; i++)
          q[j * nx + i] = {xs[i], ys[j]};
      std::fill(z.begin(), z.end(), pycomplex_d{0, 0});
    }
    std::fill(counts.begin(), counts.end(), 0);
    print.assign(cap + 1, 0);
    err.first = ~0ULL;
    run_launch(grid, block, xs, ys, atoll(argv[2]), q.data(), z.data(),
               counts.data(), &err, print.data(), cap);
    fits = print[0] <= cap;
    cap = print[0];
  }
  int32_t exc, line;
  int64_t index = INT64_MAX;
  const char *msg;
  bool raised = cuda_error_decode(err.first, &exc, &line, &index, &msg);
  int status = shim_print_records(MANDELC_FILE, mandelc_print_table,
                                  sizeof mandelc_print_table - 1,
                                  (const uint64_t *)print.data() + 1,
                                  print[0], index);
  if (status != 0)
    return status;
  if (raised) {
    fflush(stdout);
    fprintf(stderr, "%s:%d: %s: %s\n", MANDELC_FILE, line, exc_names[exc],
            msg);
    return 3;
  }
  long long sum = 0;
  for (size_t k = 0; k < n; k++)
    sum += counts[k];
  printf("Main took 0:00:00.000000\n");
  printf("Total sum of elements (for validation): %lld\n", sum);
  return 0;
}
