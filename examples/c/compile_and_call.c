// compile_and_call.c - the tutorial's program in C over libmandelc: the
// kernel is Python source text, compiled at run time (mandelc_compile),
// asked its signature and called with C arrays (mandelc_call).
//
//     cc compile_and_call.c $(pkg-config --cflags --libs libmandelc) -lm
//     ./a.out 1000 1000
//
// prints what `python3 examples/pure_python3.py 1000 1000` prints: the
// number of points, the time the kernel took and the validation sum
// (1148485). The grid is built with the very float operations of the
// Python driver, so the sum equals CPython's bit for bit.
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "mandelc.h"

// The tutorial's kernel, as Python text.
static const char *const source =
    "def calculate_z_serial_purepython(q, maxiter, z):\n"
    "    output = [0] * len(q)\n"
    "    for i in range(len(q)):\n"
    "        for iteration in range(maxiter):\n"
    "            z[i] = z[i] * z[i] + q[i]\n"
    "            if abs(z[i]) > 2.0:\n"
    "                output[i] = iteration\n"
    "                break\n"
    "    return output\n";

// area of space to investigate, as in the tutorial (x1, x2, y1, y2)
static const double area_x1 = -2.13, area_x2 = 0.77, area_y1 = -1.3,
                    area_y2 = 1.3;

// `v = start; while v <op> end: list.append(v); v += step`, malloc'd.
static double *steps(double start, double end, double step, int down,
                     int64_t *n) {
  *n = 0;
  for (double v = start; down ? v > end : v < end; v += step)
    (*n)++;
  double *d = malloc(sizeof *d * (size_t)(*n ? *n : 1));
  double v = start;
  for (int64_t i = 0; d && i < *n; i++, v += step)
    d[i] = v;
  return d;
}

// Python's str(timedelta) for a time under a day.
static void print_timedelta(double seconds) {
  int64_t us = (int64_t)llround(seconds * 1e6), s = us / 1000000;
  printf("Main took %" PRId64 ":%02" PRId64 ":%02" PRId64, s / 3600,
         s / 60 % 60, s % 60);
  if (us % 1000000)
    printf(".%06" PRId64, us % 1000000);
  printf("\n");
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
  int64_t w = argc > 1 ? atoll(argv[1]) : 1000, h = w;
  int64_t maxiter = argc > 2 ? atoll(argv[2]) : 1000;
  if (w < 1 || maxiter < 0) {
    fprintf(stderr, "usage: %s [W [MAXITER]]\n", argv[0]);
    return 2;
  }
  mandelc_error err;
  mandelc_options opts = {.filename = "calculate_z.py"};
  mandelc_kernel *k = mandelc_compile(source, &opts, &err);
  if (!k) {
    fprintf(stderr, "%s:%d: %s: %s\n", err.file, err.line, err.kind,
            err.message);
    return 1;
  }
  // calculate_z_serial_purepython(q: list[complex], maxiter: int,
  // z: list[complex]) -> list[int], on stderr
  fprintf(stderr, "%s(", mandelc_kernel_name(k));
  for (int i = 0; i < mandelc_kernel_nparams(k); i++)
    fprintf(stderr, "%s%s: %s", i ? ", " : "", mandelc_kernel_param_name(k, i),
            mandelc_kernel_param_type(k, i));
  fprintf(stderr, ") -> %s\n", mandelc_kernel_result_type(k));

  // x_step = (float(x2 - x1) / float(w)) * 2, and so on
  int64_t nx, ny;
  double x_step = (area_x2 - area_x1) / (double)w * 2;
  double y_step = (area_y1 - area_y2) / (double)h * 2;
  double *x = steps(area_x1, area_x2, x_step, 0, &nx);
  double *y = steps(area_y2, area_y1, y_step, 1, &ny);
  mandelc_complex *q = calloc((size_t)(nx * ny + 1), sizeof *q);
  mandelc_complex *z = calloc((size_t)(nx * ny + 1), sizeof *z);
  if (!x || !y || !q || !z) {
    fprintf(stderr, "out of memory\n");
    return 1;
  }
  for (int64_t j = 0, i = 0; j < ny; j++)
    for (int64_t c = 0; c < nx; c++, i++)
      q[i] = (mandelc_complex){x[c], y[j]};

  mandelc_value args[3] = {
      {.kind = MANDELC_LIST, .elem = MANDELC_COMPLEX, .data = q,
       .len = nx * ny},
      {.kind = MANDELC_INT, .scalar.i = maxiter},
      {.kind = MANDELC_LIST, .elem = MANDELC_COMPLEX, .data = z,
       .len = nx * ny}};
  mandelc_value output;
  printf("Total elements: %" PRId64 "\n", nx * ny);
  double start = now();
  bool ok = mandelc_call(k, args, 3, &output, &err);
  double secs = now() - start;
  size_t printed;
  const char *text = mandelc_kernel_output(k, &printed);
  fwrite(text, 1, printed, stdout);  // the kernel's prints (none here)
  if (!ok) {
    fflush(stdout);
    fprintf(stderr, "%s:%d: %s: %s\n", err.file, err.line, err.kind,
            err.message);
    return 3;
  }
  print_timedelta(secs);
  int64_t sum = 0;
  for (int64_t i = 0; i < output.len; i++)
    sum += ((int64_t *)output.data)[i];
  printf("Total sum of elements (for validation): %" PRId64 "\n", sum);
  mandelc_free(output.data);
  mandelc_kernel_free(k);
  free(x);
  free(y);
  free(q);
  free(z);
  return 0;
}
