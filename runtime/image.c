// image.c - --image=FILE.png: the escape counts as a picture.
//
// One pixel per point, len(x) wide and len(y) high, the first row at y2
// (the top of the plane), as docs/language.md §2 fixes. The tutorial stores 0
// for a point that never escaped, so count 0 is black (the set); other counts
// go through log(1 + count) / log(1 + maxiter) - escape counts spread over
// orders of magnitude - onto a palette of a few colours blended linearly.
// libpng's simplified API writes the file from one RGB buffer.
// rt_image_write_grid also tells the two meanings of 0 apart: a point
// with |q| > 2 escapes at iteration 0 and is coloured as the outside, not
// as the set (the tutorial's own picture shows it black).
#include <math.h>
#include <png.h>
#include <stdlib.h>
#include <string.h>

#include "runtime.h"

// Widest picture libpng's simplified API accepts comfortably; W <=
// RT_MAX_W gives at most 50000 a side, well inside it.
#define MAX_SIDE 1000000

// Deep blue through white to orange: the usual look of the set's border.
static const unsigned char palette[][3] = {
  {0, 7, 100}, {32, 107, 203}, {237, 255, 255}, {255, 170, 0}, {80, 2, 0},
};
#define PALETTE_LEN ((int)(sizeof palette / sizeof palette[0]))

// count -1: escaped at iteration 0 (the far outside).
static void colour_of(int64_t count, double scale, unsigned char *rgb) {
  if (count < 0) {
    memcpy(rgb, palette[0], 3);
    return;
  }
  if (count == 0) {
    rgb[0] = rgb[1] = rgb[2] = 0;
    return;
  }
  double t = log1p((double)count) * scale * (PALETTE_LEN - 1);
  int i = (int)t;
  if (i >= PALETTE_LEN - 1) {
    memcpy(rgb, palette[PALETTE_LEN - 1], 3);
    return;
  }
  double f = t - i;
  for (int k = 0; k < 3; k++)
    rgb[k] = (unsigned char)lround(palette[i][k] * (1 - f) +
                                   palette[i + 1][k] * f);
}

// |q| > 2: the first iteration (z = 0 * 0 + q) already escapes.
static bool escapes_at_once(const RtGrid *g, int64_t i, int64_t j) {
  double x = g->xs[i], y = g->ys[j];
  return x * x + y * y > 4.0;
}

// Writes the picture; g (may be NULL) tells the count 0 of the far
// outside from the count 0 of the set.
static bool write_png(const char *path, const int64_t *counts, int64_t nx,
                      int64_t ny, int64_t maxiter, const RtGrid *g,
                      char *err, size_t errlen) {
  if (nx <= 0 || ny <= 0 || nx > MAX_SIDE || ny > MAX_SIDE || !counts) {
    snprintf(err, errlen, "cannot write a %lld x %lld picture",
             (long long)nx, (long long)ny);
    return false;
  }
  unsigned char *rgb = malloc((size_t)nx * (size_t)ny * 3);
  if (!rgb) {
    snprintf(err, errlen, "out of memory for the picture");
    return false;
  }
  double scale = 1.0 / log1p((double)(maxiter > 1 ? maxiter : 1));
  for (int64_t k = 0; k < nx * ny; k++) {
    int64_t c = counts[k];
    if (c == 0 && g && escapes_at_once(g, k % nx, k / nx))
      c = -1;
    colour_of(c, scale, rgb + 3 * k);
  }
  png_image img = {.version = PNG_IMAGE_VERSION, .width = (png_uint_32)nx,
                   .height = (png_uint_32)ny, .format = PNG_FORMAT_RGB};
  int ok = png_image_write_to_file(&img, path, 0, rgb, 0, NULL);
  free(rgb);
  if (!ok) {
    snprintf(err, errlen, "cannot write %s: %s", path, img.message);
    png_image_free(&img);
    return false;
  }
  return true;
}

bool rt_image_write(const char *path, const int64_t *counts, int64_t nx,
                    int64_t ny, int64_t maxiter, char *err, size_t errlen) {
  return write_png(path, counts, nx, ny, maxiter, NULL, err, errlen);
}

bool rt_image_write_grid(const char *path, const int64_t *counts,
                         const RtGrid *g, char *err, size_t errlen) {
  return write_png(path, counts, g->nx, g->ny, g->maxiter, g, err, errlen);
}
