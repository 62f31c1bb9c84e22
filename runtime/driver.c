// driver.c - the tutorial's calc_pure_python: the grid, the call, the sum.
//
// rt_grid_build computes the x and y coordinates with the very float
// operations calc_pure_python performs, so the points - and therefore the
// validation sum - equal CPython's bit for bit. rt_run_cpu then binds the
// kernel's parameters by name (docs/language.md §3) and calls the compiled code
// through libffi: the list and grid forms once (their outer loop may spread
// over threads inside, through rt_parallel_for), the point forms once per
// point, the points spread over threads by rt_parallel_for here. It sums every
// returned int in 128 bits, so the sum is exact whatever its size, and keeps
// the counts for --image when asked. Only the kernel call(s) are timed, as the
// tutorial times calculate_z alone.
#include <inttypes.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "runtime.h"

// ---- the grid --------------------------------------------------------------

// How many values `v = start; while v <op> end: append(v); v += step`
// appends; -1 when it would pass `limit` (a step too small to move v).
static int64_t count_steps(double start, double end, double step, bool down,
                           int64_t limit) {
  int64_t n = 0;
  for (double v = start; down ? v > end : v < end; v += step)
    if (++n > limit)
      return -1;
  return n;
}

static double *fill_steps(double start, double step, int64_t n) {
  double *out = malloc((size_t)(n ? n : 1) * sizeof *out);
  if (!out)
    return NULL;
  double v = start;
  for (int64_t i = 0; i < n; i++, v += step)
    out[i] = v;
  return out;
}

bool rt_grid_build(RtGrid *g, char *err, size_t errlen) {
  g->xs = g->ys = NULL;
  if (g->w <= 0 || g->w > RT_MAX_W) {
    snprintf(err, errlen, "W must be between 1 and %d, not %" PRId64,
             RT_MAX_W, g->w);
    return false;
  }
  // calc_pure_python: x_step = (float(x2 - x1) / float(w)) * 2, and h == w
  double x_step = (g->x2 - g->x1) / (double)g->w * 2;
  double y_step = (g->y1 - g->y2) / (double)g->w * 2;
  // About w / 2 values each; more means the steps stopped advancing the
  // coordinate (a region far from 0 and narrower than its rounding).
  g->nx = count_steps(g->x1, g->x2, x_step, false, g->w + 2);
  g->ny = count_steps(g->y2, g->y1, y_step, true, g->w + 2);
  if (g->nx < 0 || g->ny < 0) {
    snprintf(err, errlen, "the region is too narrow for its coordinates: "
             "the steps do not advance them");
    return false;
  }
  g->xs = fill_steps(g->x1, x_step, g->nx);
  g->ys = fill_steps(g->y2, y_step, g->ny);
  if (!g->xs || !g->ys) {
    rt_grid_free(g);
    snprintf(err, errlen, "out of memory for the grid");
    return false;
  }
  return true;
}

void rt_grid_free(RtGrid *g) {
  free(g->xs);
  free(g->ys);
  g->xs = g->ys = NULL;
}

// ---- sums ------------------------------------------------------------------

RtSum rt_counts_sum(const int64_t *counts, int64_t n) {
  RtSum s = 0;
  for (int64_t i = 0; i < n; i++)
    s += counts[i];
  return s;
}

void rt_sum_format(RtSum v, char *buf, size_t len) {
  char digits[48];
  int n = 0;
  // Negate digit by digit so that the most negative value needs no care.
  bool neg = v < 0;
  do {
    int d = (int)(v % 10);
    digits[n++] = (char)('0' + (d < 0 ? -d : d));
    v /= 10;
  } while (v != 0);
  size_t k = 0;
  if (neg && k + 1 < len)
    buf[k++] = '-';
  while (n > 0 && k + 1 < len)
    buf[k++] = digits[--n];
  buf[k] = '\0';
}

static double now_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

// ---- binding parameters ----------------------------------------------------

// A value of the driver converted to one parameter's type. Scalars live in
// the union; lists are made in the context.
typedef union {
  int64_t i;
  double f;
  uint8_t b;
  RtComplex c;
  RtList *l;
} Arg;

// maxiter as the parameter's type (an annotation may make it a float).
static bool bind_number(Arg *a, const Type *t, double f, int64_t i,
                        bool is_int) {
  if (t->kind == TY_INT && is_int)
    a->i = i;
  else if (t->kind == TY_FLOAT)
    a->f = is_int ? (double)i : f;
  else if (t->kind == TY_COMPLEX)
    a->c = (RtComplex){is_int ? (double)i : f, 0.0};
  else
    return false;
  return true;
}

static RtList *new_float_list(RtContext *ctx, const double *v, int64_t n) {
  RtList *l = rt_list_new(ctx, sizeof(double), n, 0);
  if (l)
    memcpy(l->data, v, (size_t)n * sizeof *v);
  return l;
}

// q: the points row by row, y outer (calc_pure_python's double loop).
static RtList *new_points(RtContext *ctx, const RtGrid *g) {
  RtList *l = rt_list_new(ctx, sizeof(RtComplex), g->nx * g->ny, 0);
  if (!l)
    return NULL;
  RtComplex *q = l->data;
  for (int64_t j = 0; j < g->ny; j++)
    for (int64_t i = 0; i < g->nx; i++)
      q[j * g->nx + i] = (RtComplex){g->xs[i], g->ys[j]};
  return l;
}

// [C] * len(q): --julia's constant for every point.
static RtList *new_constants(RtContext *ctx, const RtGrid *g) {
  RtList *l = rt_list_new(ctx, sizeof(RtComplex), g->nx * g->ny, 0);
  RtComplex *q = l ? l->data : NULL;
  for (int64_t k = 0; l && k < g->nx * g->ny; k++)
    q[k] = (RtComplex){g->julia_re, g->julia_im};
  return l;
}

// The list the driver passes for q or z: the points, zeros, or under
// --julia the points as z and the constant as q.
static RtList *new_complex_list(RtContext *ctx, const RtGrid *g, char b) {
  if (g->julia)
    return b == 'z' ? new_points(ctx, g) : new_constants(ctx, g);
  return b == 'q' ? new_points(ctx, g)
                  : rt_list_new(ctx, sizeof(RtComplex), g->nx * g->ny, 0);
}

static bool is_list_of(const Type *t, TypeKind elem) {
  return t->kind == TY_LIST && t->elem->kind == elem;
}

// Binds list- and grid-form parameters: q, z, xs, ys, maxiter. Returns
// false with a message when a parameter's type does not fit.
static bool bind_lists(const Func *f, const KernelChoice *ch,
                       const RtGrid *g, RtContext *ctx, Arg *args,
                       char *err, size_t errlen) {
  for (int i = 0; i < f->nparams; i++) {
    const Type *t = f->params[i]->ty;
    char b = ch->binding[i];
    bool ok;
    if (b == 'm')
      ok = bind_number(&args[i], t, 0, g->maxiter, true);
    else if (b == 'q' || b == 'z')
      ok = is_list_of(t, TY_COMPLEX) &&
           (args[i].l = new_complex_list(ctx, g, b));
    else if (b == 'o')  // [0] * len(q), summed after the call
      ok = is_list_of(t, TY_INT) &&
           (args[i].l = rt_list_new(ctx, sizeof(int64_t), g->nx * g->ny,
                                    0));
    else if (b == 'x' || b == 'y')
      ok = is_list_of(t, TY_FLOAT) &&
           (args[i].l = b == 'x' ? new_float_list(ctx, g->xs, g->nx)
                        : new_float_list(ctx, g->ys, g->ny));
    else
      ok = false;
    if (ctx->exc != RT_EXC_NONE)
      return true;  // MemoryError: reported as the kernel's error
    if (!ok) {
      snprintf(err, errlen, "parameter '%s' of the kernel cannot be bound "
               "to the driver's '%c'", f->params[i]->name, b);
      return false;
    }
  }
  return true;
}

// ---- the list and grid forms -----------------------------------------------

// Adds the ints of l (and copies them to counts from index at) .
static void add_ints(const RtList *l, RtRun *out, int64_t at) {
  const int64_t *v = l->data;
  for (int64_t i = 0; i < l->len; i++) {
    out->sum += v[i];
    if (out->counts && at + i < out->elements)
      out->counts[at + i] = v[i];
  }
}

// The result: list[int] for the list form, list[list[int]] for the grid.
static int sum_result(const Func *f, const RtList *res, RtRun *out,
                      char *err, size_t errlen) {
  bool grid = is_list_of(f->ret, TY_LIST);
  if (!res) {
    snprintf(err, errlen, "the kernel returned no list");
    return RT_COMPILE_ERROR;
  }
  if (!grid) {
    // Python sums whatever came back; a picture needs one count a point.
    if (out->counts && res->len != out->elements) {
      snprintf(err, errlen, "the kernel returned %" PRId64 " values for %"
               PRId64 " points; --image needs one per point", res->len,
               out->elements);
      return RT_KERNEL_ERROR;
    }
    add_ints(res, out, 0);
    return RT_OK;
  }
  RtList *const *rows = res->data;
  int64_t at = 0;
  for (int64_t j = 0; j < res->len; j++) {
    if (rows[j]) {
      add_ints(rows[j], out, at);
      at += rows[j]->len;
    }
  }
  return RT_OK;
}

static bool returns_ints(const Type *t) {
  return is_list_of(t, TY_INT) ||
         (is_list_of(t, TY_LIST) && is_list_of(t->elem, TY_INT));
}

// The output list the kernel filled (binding 'o'), or NULL.
static RtList *output_list(const Func *f, const KernelChoice *ch, Arg *args) {
  for (int i = 0; i < f->nparams; i++)
    if (ch->binding[i] == 'o')
      return args[i].l;
  return NULL;
}

static bool is_scalar(const Type *t) {
  return t->kind == TY_INT || t->kind == TY_FLOAT || t->kind == TY_BOOL ||
         t->kind == TY_COMPLEX;
}

// Under mpirun: the lists the kernel's parallel loop stores into, whose
// elements a split run ships to rank 0 (ranks.c). Pointers cannot travel,
// so a loop that writes a list of lists is not split.
static void plan_list_split(const Program *p, RtContext *ctx) {
  if (!ctx->ranks)
    return;
  Node *loop = parallel_find_loop(p);
  if (!loop || !loop->parallel)
    return;
  Func *f = p->kernel;
  bool *stored = calloc((size_t)f->vars.len + 1, sizeof *stored);
  bool shippable = stored != NULL;
  if (stored)
    parallel_stored_lists(f, loop, stored);
  for (int k = 0; shippable && k < f->vars.len; k++) {
    const Var *v = f->vars.data[k];
    if (stored[v->index] &&
        (v->ty->kind != TY_LIST || !is_scalar(v->ty->elem)))
      shippable = false;
  }
  rt_ranks_plan_list(ctx->ranks, shippable ? stored : NULL, f->vars.len);
  free(stored);
}

static int run_once(const Program *p, void *fn, const RtGrid *g,
                    RtContext *ctx, RtRun *out, char *err, size_t errlen) {
  const Func *f = p->kernel;
  bool fills = memchr(p->choice.binding, 'o', (size_t)p->choice.nparams);
  if (fills ? f->ret->kind != TY_NONE : !returns_ints(f->ret)) {
    snprintf(err, errlen, "a %s-form kernel must return a list of ints",
             select_form_name(p->choice.form));
    return RT_COMPILE_ERROR;
  }
  // q and z hold 16 bytes a point; past the list limit Python would raise
  // MemoryError before the kernel runs, and so does the driver.
  if (p->choice.form == FORM_LIST &&
      out->elements > RT_MAX_LIST_BYTES / (int64_t)sizeof(RtComplex)) {
    snprintf(err, errlen, "MemoryError: %" PRId64 " points need lists "
             "larger than %lld GiB; use a smaller W", out->elements,
             (long long)(RT_MAX_LIST_BYTES >> 30));
    return RT_KERNEL_ERROR;
  }
  Arg args[RT_FFI_MAX_ARGS];
  void *argp[RT_FFI_MAX_ARGS];
  if (f->nparams > RT_FFI_MAX_ARGS / 2 ||
      !bind_lists(f, &p->choice, g, ctx, args, err, errlen))
    return RT_COMPILE_ERROR;
  if (ctx->exc != RT_EXC_NONE)
    return RT_KERNEL_ERROR;
  for (int i = 0; i < f->nparams; i++)
    argp[i] = &args[i];
  RtList *res = NULL;
  plan_list_split(p, ctx);
  double t0 = now_seconds();
  rt_ffi_call(f, fn, ctx, argp, &res);
  out->seconds = now_seconds() - t0;
  if (ctx->exc != RT_EXC_NONE)
    return RT_KERNEL_ERROR;
  return sum_result(f, fills ? output_list(f, &p->choice, args) : res, out,
                    err, errlen);
}

// ---- the point forms -------------------------------------------------------

// What every worker shares when the kernel is called once per point.
typedef struct {
  const Func *f;
  const KernelChoice *choice;
  RtFfi *call;
  void *fn;
  const RtGrid *g;
  RtRun *out;
  pthread_mutex_t lock;  // guards out->sum
} PointLoop;

// Binds f(c, maxiter) or f(x, y, maxiter) for point k.
static bool bind_point(const PointLoop *pl, int64_t k, Arg *args) {
  const RtGrid *g = pl->g;
  double x = g->xs[k % g->nx], y = g->ys[k / g->nx];
  for (int i = 0; i < pl->f->nparams; i++) {
    const Type *t = pl->f->params[i]->ty;
    char b = pl->choice->binding[i];
    bool ok;
    if (b == 'c')
      ok = t->kind == TY_COMPLEX && (args[i].c = (RtComplex){x, y}, true);
    else if (b == 'x' || b == 'y')
      ok = bind_number(&args[i], t, b == 'x' ? x : y, 0, false);
    else
      ok = b == 'm' && bind_number(&args[i], t, 0, g->maxiter, true);
    if (!ok)
      return false;
  }
  return true;
}

static void run_points(void *env, RtContext *ctx, int64_t lo, int64_t hi) {
  PointLoop *pl = env;
  Arg args[RT_FFI_MAX_ARGS];
  void *argp[RT_FFI_MAX_ARGS];
  for (int i = 0; i < pl->f->nparams; i++)
    argp[i] = &args[i];
  RtSum sum = 0;
  for (int64_t k = lo; k < hi; k++) {
    if (ctx->cancel && __atomic_load_n(ctx->cancel, __ATOMIC_RELAXED)) {
      rt_raise(ctx, RT_EXC_TIMEOUT, 0, "the run was cancelled");
      break;
    }
    int64_t r = 0;
    bind_point(pl, k, args);
    rt_ffi_invoke(pl->call, pl->fn, ctx, argp, &r);
    if (ctx->exc != RT_EXC_NONE)
      break;
    sum += r;
    if (pl->out->counts)
      pl->out->counts[k] = r;
  }
  pthread_mutex_lock(&pl->lock);
  pl->out->sum += sum;
  pthread_mutex_unlock(&pl->lock);
}

// After the point loop: a split run (ranks.c) summed only this rank's
// chunks, but rank 0 holds every count.
static int finish_points(RtContext *ctx, RtRun *out) {
  if (ctx->exc != RT_EXC_NONE)
    return RT_KERNEL_ERROR;
  if (rt_ranks_is_split(ctx->ranks))
    out->sum = rt_counts_sum(out->counts, out->elements);
  return RT_OK;
}

static int run_per_point(const Program *p, void *fn, const RtGrid *g,
                         RtContext *ctx, RtRun *out, char *err,
                         size_t errlen) {
  PointLoop pl = {.f = p->kernel, .choice = &p->choice, .fn = fn, .g = g,
                  .out = out};
  Arg probe[RT_FFI_MAX_ARGS];
  if (pl.f->ret->kind != TY_INT || pl.f->nparams > RT_FFI_MAX_ARGS / 2 ||
      (out->elements > 0 && !bind_point(&pl, 0, probe)) ||
      !(pl.call = rt_ffi_new(pl.f))) {
    snprintf(err, errlen, "a point-form kernel takes (c, maxiter) or "
             "(x, y, maxiter) and returns an int");
    return RT_COMPILE_ERROR;
  }
  pthread_mutex_init(&pl.lock, NULL);
  rt_ranks_plan_points(ctx->ranks, out->counts, out->elements, 1);
  double t0 = now_seconds();
  rt_parallel_for(ctx, run_points, &pl, out->elements);
  out->seconds = now_seconds() - t0;
  pthread_mutex_destroy(&pl.lock);
  rt_ffi_free(pl.call);
  return finish_points(ctx, out);
}

// ---- the point forms, a block a call ---------------------------------------

// Points a call of NAME.points runs: small enough that the last blocks of
// an uneven grid (rows inside the set cost maxiter iterations a point) are
// spread over every worker, large enough that a call costs nothing and that
// the SIMD lanes' drain at a block's end (its last points finishing while
// the other lanes idle) stays small: 1024 ran 2% faster than 256.
#define POINTS_PER_BLOCK 1024

typedef struct {
  RtPointsFn points;
  const RtGrid *g;
  RtRun *out;
  pthread_mutex_t lock;  // guards out->sum
} BlockLoop;

// Iterations lo..hi-1 of rt_parallel_for are blocks of points.
static void run_blocks(void *env, RtContext *ctx, int64_t lo, int64_t hi) {
  BlockLoop *bl = env;
  const RtGrid *g = bl->g;
  int64_t n = bl->out->elements, counts[POINTS_PER_BLOCK];
  RtSum sum = 0;
  for (int64_t b = lo; b < hi && ctx->exc == RT_EXC_NONE; b++) {
    if (ctx->cancel && __atomic_load_n(ctx->cancel, __ATOMIC_RELAXED)) {
      rt_raise(ctx, RT_EXC_TIMEOUT, 0, "the run was cancelled");
      break;
    }
    int64_t k0 = b * POINTS_PER_BLOCK;
    int64_t k1 = k0 + POINTS_PER_BLOCK < n ? k0 + POINTS_PER_BLOCK : n;
    bl->points(ctx, g->xs, g->ys, g->nx, k0, k1, g->maxiter, counts);
    if (ctx->exc != RT_EXC_NONE)
      break;
    for (int64_t k = k0; k < k1; k++) {
      sum += counts[k - k0];
      if (bl->out->counts)
        bl->out->counts[k] = counts[k - k0];
    }
  }
  pthread_mutex_lock(&bl->lock);
  bl->out->sum += sum;
  pthread_mutex_unlock(&bl->lock);
}

int rt_run_cpu_points(const Program *p, RtPointsFn points, const RtGrid *g,
                      RtContext *ctx, bool want_counts, RtRun *out,
                      char *err, size_t errlen) {
  if (p->choice.form != FORM_POINT_C && p->choice.form != FORM_POINT_XY)
    return rt_run_cpu(p, NULL, g, ctx, want_counts, out, err, errlen);
  *out = (RtRun){.elements = g->nx * g->ny};
  want_counts |= ctx->ranks != NULL;  // a split run ships the counts
  if (want_counts &&
      !(out->counts = calloc((size_t)(out->elements ? out->elements : 1),
                             sizeof *out->counts))) {
    snprintf(err, errlen, "out of memory for the picture's counts");
    return RT_COMPILE_ERROR;
  }
  BlockLoop bl = {.points = points, .g = g, .out = out};
  pthread_mutex_init(&bl.lock, NULL);
  rt_ranks_plan_points(ctx->ranks, out->counts, out->elements,
                       POINTS_PER_BLOCK);
  double t0 = now_seconds();
  int64_t nblocks = (out->elements + POINTS_PER_BLOCK - 1) / POINTS_PER_BLOCK;
  rt_parallel_for(ctx, run_blocks, &bl, nblocks);
  out->seconds = now_seconds() - t0;
  pthread_mutex_destroy(&bl.lock);
  return finish_points(ctx, out);
}

int rt_run_cpu(const Program *p, void *fn, const RtGrid *g, RtContext *ctx,
               bool want_counts, RtRun *out, char *err, size_t errlen) {
  *out = (RtRun){.elements = g->nx * g->ny};
  // a split run of a point form ships the counts
  want_counts |= ctx->ranks != NULL && (p->choice.form == FORM_POINT_C ||
                                        p->choice.form == FORM_POINT_XY);
  if (want_counts) {
    out->counts = calloc((size_t)(out->elements ? out->elements : 1),
                         sizeof *out->counts);
    if (!out->counts) {
      snprintf(err, errlen, "out of memory for the picture's counts");
      return RT_COMPILE_ERROR;
    }
  }
  switch (p->choice.form) {
  case FORM_LIST:
  case FORM_GRID:
    return run_once(p, fn, g, ctx, out, err, errlen);
  case FORM_POINT_C:
  case FORM_POINT_XY:
    return run_per_point(p, fn, g, ctx, out, err, errlen);
  case FORM_CALL:
    snprintf(err, errlen, "'%s' takes its parameters' annotated types, "
             "not the driver's grid: call it instead", p->kernel->name);
    return RT_COMPILE_ERROR;
  }
  snprintf(err, errlen, "unknown kernel form");
  return RT_COMPILE_ERROR;
}

void rt_run_free(RtRun *r) {
  free(r->counts);
  r->counts = NULL;
}
