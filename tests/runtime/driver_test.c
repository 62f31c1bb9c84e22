// driver_test.c - runtime/driver.c: the tutorial's grid, the runs, the sum.
//
// The grid's sizes and last coordinates are CPython's (computed with
// calc_pure_python's loops, written here as hex floats). The runs call
// hand-written C functions with rtabi.h's convention in place of JIT code:
// the point kernel is the tutorial's loop, so its sum must be CPython's.
#include <check.h>
#include <complex.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "runtime.h"

static RtGrid tutorial_grid(int64_t w, int64_t maxiter) {
  return (RtGrid){.x1 = -2.13, .x2 = 0.77, .y1 = -1.3, .y2 = 1.3, .w = w,
                  .maxiter = maxiter};
}

START_TEST(grid_200_is_101_by_100) {
  RtGrid g = tutorial_grid(200, 200);
  char err[200];
  ck_assert(rt_grid_build(&g, err, sizeof err));
  ck_assert_int_eq(g.nx, 101);
  ck_assert_int_eq(g.ny, 100);
  ck_assert(g.xs[0] == -2.13 && g.ys[0] == 1.3);
  ck_assert(g.xs[1] == -0x1.0ced916872b02p+1);
  ck_assert(g.xs[100] == 0x1.8a3d70a3d7091p-1);
  ck_assert(g.ys[99] == -0x1.4624dd2f1aa03p+0);
  rt_grid_free(&g);
}
END_TEST

START_TEST(grid_matches_cpython_bit_for_bit) {
  RtGrid g = tutorial_grid(1000, 1000);
  char err[200];
  ck_assert(rt_grid_build(&g, err, sizeof err));
  ck_assert_int_eq(g.nx, 500);
  ck_assert_int_eq(g.ny, 500);
  ck_assert(g.xs[1] == -0x1.0fe5c91d14e3cp+1);
  ck_assert(g.xs[499] == 0x1.874538ef34da4p-1);
  ck_assert(g.ys[499] == -0x1.4b780346dc5f1p+0);
  rt_grid_free(&g);
  g = tutorial_grid(7, 1);  // odd W: the *2 rounds the other way
  ck_assert(rt_grid_build(&g, err, sizeof err));
  ck_assert_int_eq(g.nx, 4);
  ck_assert_int_eq(g.ny, 4);
  ck_assert(g.xs[3] == 0x1.6c405d9f7390cp-2);
  rt_grid_free(&g);
}
END_TEST

START_TEST(grid_rejects_w_out_of_range) {
  char err[200];
  RtGrid g = tutorial_grid(0, 1);
  ck_assert(!rt_grid_build(&g, err, sizeof err));
  ck_assert_ptr_nonnull(strstr(err, "W must be"));
  g = tutorial_grid(RT_MAX_W + 1, 1);
  ck_assert(!rt_grid_build(&g, err, sizeof err));
}
END_TEST

START_TEST(grid_stops_when_steps_do_not_advance) {
  // A step of 0.0003 cannot move 1e17 (its spacing is 16): CPython would
  // loop forever; the driver must refuse.
  RtGrid g = {.x1 = 1e17, .x2 = 1e17 + 16, .y1 = -1, .y2 = 1,
              .w = RT_MAX_W, .maxiter = 1};
  char err[200];
  ck_assert(!rt_grid_build(&g, err, sizeof err));
  ck_assert_ptr_nonnull(strstr(err, "region"));
}
END_TEST

START_TEST(empty_region_gives_no_points) {
  RtGrid g = {.x1 = 1, .x2 = 1, .y1 = 0, .y2 = 1, .w = 10, .maxiter = 1};
  char err[200];
  ck_assert(rt_grid_build(&g, err, sizeof err));
  ck_assert_int_eq(g.nx, 0);
  rt_grid_free(&g);
}
END_TEST

START_TEST(sum_prints_past_64_bits) {
  char buf[48];
  rt_sum_format(0, buf, sizeof buf);
  ck_assert_str_eq(buf, "0");
  rt_sum_format(-1148485, buf, sizeof buf);
  ck_assert_str_eq(buf, "-1148485");
  RtSum big = (RtSum)INT64_MAX * 4;
  rt_sum_format(big, buf, sizeof buf);
  ck_assert_str_eq(buf, "36893488147419103228");
  RtSum min = -((RtSum)1 << 126) * 2;  // the most negative 128-bit value
  rt_sum_format(min, buf, sizeof buf);
  ck_assert_str_eq(buf, "-170141183460469231731687303715884105728");
  int64_t counts[] = {INT64_MAX, INT64_MAX, 2};
  rt_sum_format(rt_counts_sum(counts, 3), buf, sizeof buf);
  ck_assert_str_eq(buf, "18446744073709551616");
}
END_TEST

// ---- runs with C functions in place of compiled kernels --------------------

// escape(c, maxiter): the tutorial's loop on one point.
static int64_t escape_c(RtContext *ctx, double re, double im, int64_t m) {
  (void)ctx;
  double complex q = CMPLX(re, im), z = 0;
  for (int64_t it = 0; it < m; it++) {
    z = z * z + q;
    if (cabs(z) > 2.0)
      return it;
  }
  return 0;
}

// escape(x, y, maxiter) raising ZeroDivisionError right of x = 0 below
// y = 1, at a "line" that tells the rows apart.
static int32_t failing_line(double x, double y) {
  return x > 0 && y < 1.0 ? (int32_t)lround(y * 1e4) + 20000 : 0;
}

static int64_t escape_xy_failing(RtContext *ctx, double x, double y,
                                 int64_t m) {
  if (failing_line(x, y)) {
    rt_raise(ctx, RT_EXC_ZERO_DIVISION, failing_line(x, y),
             "division by zero");
    return 0;
  }
  return escape_c(ctx, x, y, m);
}

// calculate_z(q, maxiter, z) over the list, as pure_python_2.py.
static RtList *list_kernel(RtContext *ctx, RtList *q, int64_t m, RtList *z) {
  RtList *out = rt_list_new(ctx, 8, q->len, 3);
  const RtComplex *p = q->data;
  ck_assert_int_eq(z->len, q->len);
  for (int64_t i = 0; i < q->len; i++)
    ((int64_t *)out->data)[i] = escape_c(ctx, p[i].re, p[i].im, m);
  return out;
}

typedef struct {
  Type tint, tfloat, tcomplex, tlist_c, tlist_i;
  Var v[3];
  Var *params[3];
  Func f;
  Program p;
} Fake;

static void fake_init(Fake *k, KernelForm form, const char *binding) {
  memset(k, 0, sizeof *k);
  k->tint.kind = TY_INT;
  k->tfloat.kind = TY_FLOAT;
  k->tcomplex.kind = TY_COMPLEX;
  k->tlist_c = (Type){.kind = TY_LIST, .elem = &k->tcomplex};
  k->tlist_i = (Type){.kind = TY_LIST, .elem = &k->tint};
  int n = (int)strlen(binding);
  for (int i = 0; i < n; i++) {
    char b = binding[i];
    k->v[i].ty = b == 'm' ? &k->tint
                 : b == 'c' ? &k->tcomplex
                 : b == 'q' || b == 'z' ? &k->tlist_c : &k->tfloat;
    k->params[i] = &k->v[i];
  }
  k->f = (Func){.name = "kernel", .params = k->params, .nparams = n,
                .ret = form == FORM_LIST ? &k->tlist_i : &k->tint};
  k->p.kernel = &k->f;
  k->p.choice.form = form;
  k->p.choice.nparams = n;
  memcpy(k->p.choice.binding, binding, (size_t)n);
}

static RtSum run_fake(Fake *k, void *fn, int threads, int *status,
                      RtContext *ctx) {
  RtGrid g = tutorial_grid(200, 200);
  char err[200];
  ck_assert(rt_grid_build(&g, err, sizeof err));
  rt_context_init(ctx, NULL, threads);
  RtRun run;
  *status = rt_run_cpu(&k->p, fn, &g, ctx, true, &run, err, sizeof err);
  ck_assert_int_eq(run.elements, 101 * 100);
  RtSum s = run.sum;
  if (*status == RT_OK)
    ck_assert(rt_counts_sum(run.counts, run.elements) == s);
  rt_run_free(&run);
  rt_grid_free(&g);
  return s;
}

START_TEST(point_form_gives_cpythons_sum_on_any_threads) {
  Fake k;
  fake_init(&k, FORM_POINT_C, "cm");
  for (int t = 1; t <= 8; t *= 2) {
    RtContext ctx;
    int status;
    RtSum s = run_fake(&k, (void *)escape_c, t, &status, &ctx);
    ck_assert_int_eq(status, RT_OK);
    ck_assert(s == 36170);
    rt_context_free(&ctx);
  }
}
END_TEST

START_TEST(point_form_error_is_the_first_points) {
  Fake k;
  fake_init(&k, FORM_POINT_XY, "xym");
  for (int t = 1; t <= 4; t++) {
    RtContext ctx;
    int status;
    run_fake(&k, (void *)escape_xy_failing, t, &status, &ctx);
    ck_assert_int_eq(status, RT_KERNEL_ERROR);
    ck_assert_int_eq(ctx.exc, RT_EXC_ZERO_DIVISION);
    ck_assert_int_eq(ctx.line, failing_line(0.0001, 1.3 - 0.026 * 12));
    rt_context_free(&ctx);
  }
}
END_TEST

START_TEST(list_form_binds_q_z_maxiter_in_any_order) {
  Fake k;
  fake_init(&k, FORM_LIST, "qmz");
  RtContext ctx;
  int status;
  RtSum s = run_fake(&k, (void *)list_kernel, 2, &status, &ctx);
  ck_assert_int_eq(status, RT_OK);
  ck_assert(s == 36170);
  rt_context_free(&ctx);
}
END_TEST

START_TEST(wrong_return_type_is_refused) {
  Fake k;
  fake_init(&k, FORM_LIST, "qmz");
  k.f.ret = &k.tfloat;
  RtContext ctx;
  int status;
  run_fake(&k, (void *)list_kernel, 1, &status, &ctx);
  ck_assert_int_eq(status, RT_COMPILE_ERROR);
  rt_context_free(&ctx);
}
END_TEST

int main(void) {
  Suite *s = suite_create("driver");
  TCase *tc = tcase_create("driver");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, grid_200_is_101_by_100);
  tcase_add_test(tc, grid_matches_cpython_bit_for_bit);
  tcase_add_test(tc, grid_rejects_w_out_of_range);
  tcase_add_test(tc, grid_stops_when_steps_do_not_advance);
  tcase_add_test(tc, empty_region_gives_no_points);
  tcase_add_test(tc, sum_prints_past_64_bits);
  tcase_add_test(tc, point_form_gives_cpythons_sum_on_any_threads);
  tcase_add_test(tc, point_form_error_is_the_first_points);
  tcase_add_test(tc, list_form_binds_q_z_maxiter_in_any_order);
  tcase_add_test(tc, wrong_return_type_is_refused);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
