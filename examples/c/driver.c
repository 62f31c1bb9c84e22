// driver.c - the tutorial's calc_pure_python, written in C, around the
// kernel of pure_python_2.py that mandelc compiled ahead of time.
//
//     mandelc ../pure_python_2.py -o kernel.o -H kernel.h
//     cc -O2 -I. driver.c kernel.o $(pkg-config --cflags --libs mandelc)
//     ./a.out 1000 1000
//
// prints what `python pure_python_2.py 1000 1000` prints: the number of
// points, the kernel's progress lines, the time the kernel took and the
// validation sum (1148485), with no JIT and no LLVM at run time. The grid
// is built with the very float operations of the Python driver, so the sum
// equals CPython's bit for bit. The kernel's own header is included by the
// name the build gives it (KERNEL_H, default "kernel.h"); KERNEL_FUNCTION
// and KERNEL_FILE name another list kernel (for the tests).
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#ifndef KERNEL_H
#define KERNEL_H "kernel.h"
#endif
#include KERNEL_H
#ifndef KERNEL_FUNCTION
#define KERNEL_FUNCTION calculate_z_serial_purepython
#define KERNEL_FILE "pure_python_2.py"
#endif

// area of space to investigate, as in the tutorial (x1, x2, y1, y2)
static const double area_x1 = -2.13, area_x2 = 0.77, area_y1 = -1.3,
                    area_y2 = 1.3;

// `v = start; while v <op> end: list.append(v); v += step` into a list of
// floats made in ctx.
static mandelc_list *steps(mandelc_context *ctx, double start, double end,
                           double step, int down) {
  int64_t n = 0;
  for (double v = start; down ? v > end : v < end; v += step)
    n++;
  mandelc_list *l = mandelc_list_new(ctx, sizeof(double), n);
  double *d = l ? l->data : NULL;
  double v = start;
  for (int64_t i = 0; d && i < n; i++, v += step)
    d[i] = v;
  return l;
}

// Python's str(timedelta) for a time under a day: H:MM:SS.ffffff, the
// fraction left out when it is zero.
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
  if (argc != 3) {
    fprintf(stderr, "usage: %s W MAXITER\n", argv[0]);
    return 2;
  }
  int64_t w = atoll(argv[1]), h = w, maxiter = atoll(argv[2]);
  mandelc_context *ctx = mandelc_context_new(stdout, 0);
  if (!ctx || w < 1)
    return 2;
  // x_step = (float(x2 - x1) / float(w)) * 2, and so on
  double x_step = (area_x2 - area_x1) / (double)w * 2;
  double y_step = (area_y1 - area_y2) / (double)h * 2;
  mandelc_list *x = steps(ctx, area_x1, area_x2, x_step, 0);
  mandelc_list *y = steps(ctx, area_y2, area_y1, y_step, 1);
  mandelc_list *q = x && y ? mandelc_list_new(ctx, sizeof(mandelc_complex),
                                              x->len * y->len) : NULL;
  mandelc_list *z = q ? mandelc_list_new(ctx, sizeof(mandelc_complex),
                                         q->len) : NULL;  // [0+0j] * len(q)
  if (!z) {
    fprintf(stderr, "out of memory\n");
    return 1;
  }
  mandelc_complex *qs = q->data;
  for (int64_t j = 0, i = 0; j < y->len; j++)
    for (int64_t k = 0; k < x->len; k++, i++)
      qs[i] = (mandelc_complex){((double *)x->data)[k],
                                ((double *)y->data)[j]};

  printf("Total elements: %" PRId64 "\n", z->len);
  fflush(stdout);
  double start = now();
  mandelc_list *output = KERNEL_FUNCTION(ctx, q, maxiter, z);
  double secs = now() - start;
  mandelc_flush(ctx);  // the kernel's prints, in order
  if (mandelc_error_name(ctx)) {
    fprintf(stderr, "%s:%d: %s: %s\n", KERNEL_FILE, mandelc_error_line(ctx),
            mandelc_error_name(ctx), mandelc_error_message(ctx));
    return 3;
  }
  print_timedelta(secs);
  int64_t sum = 0;
  for (int64_t i = 0; i < output->len; i++)
    sum += ((int64_t *)output->data)[i];
  printf("Total sum of elements (for validation): %" PRId64 "\n", sum);
  mandelc_context_free(ctx);
  return 0;
}
