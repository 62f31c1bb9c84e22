// point_check.c - a point kernel (examples/point.py's escape_count, a
// complex parameter as two doubles) called from C at a few points; the
// install test compares its lines with CPython's.
#include <stdio.h>

#include "point.h"

int main(void) {
  static const double points[][2] = {
      {0.0, 0.0}, {-0.75, 0.1}, {0.3, 0.5}, {-2.1, 0.0}, {0.25, 0.0}};
  mandelc_context *ctx = mandelc_context_new(stdout, 1);
  for (size_t i = 0; i < sizeof points / sizeof *points; i++)
    printf("%lld\n", (long long)escape_count(ctx, points[i][0],
                                             points[i][1], 300));
  mandelc_context_free(ctx);
  return 0;
}
