// workers_test.c - runtime/workers.c: parallel loops that read as serial.
//
// Each body prints its iteration numbers and may raise; whatever the number
// of threads, the parent context must end with the serial run's output and
// the lowest failing iteration's exception.
#include <check.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime.h"

typedef struct {
  int64_t fail_from;   // iterations >= this raise (and those after it)
  int64_t fail_step;   // ... every fail_step-th of them
  atomic_long visits;  // iterations run, across threads
  int64_t *seen;       // iteration -> times run
} Env;

static void body(void *arg, RtContext *ctx, int64_t lo, int64_t hi) {
  Env *e = arg;
  for (int64_t i = lo; i < hi; i++) {
    atomic_fetch_add(&e->visits, 1);
    e->seen[i]++;
    if (i >= e->fail_from && (i - e->fail_from) % e->fail_step == 0) {
      rt_raise(ctx, RT_EXC_INDEX, (int32_t)i, "list index out of range");
      return;
    }
    rt_print_int(ctx, i);
    rt_print_end(ctx, 1);
  }
}

// The serial output of iterations [0, n).
static char *serial_text(int64_t n) {
  size_t cap = (size_t)n * 12 + 1, len = 0;
  char *s = malloc(cap);
  s[0] = '\0';
  for (int64_t i = 0; i < n; i++)
    len += (size_t)snprintf(s + len, cap - len, "%lld\n", (long long)i);
  return s;
}

static void run(int threads, int64_t n, Env *e, RtContext *ctx) {
  e->seen = calloc((size_t)n, sizeof *e->seen);
  atomic_init(&e->visits, 0);
  rt_context_init(ctx, NULL, threads);
  rt_parallel_for(ctx, body, e, n);
}

static void assert_output(const RtContext *ctx, int64_t upto) {
  char *want = serial_text(upto);
  ck_assert_uint_eq(ctx->outlen, strlen(want));
  ck_assert(memcmp(ctx->out ? ctx->out : "", want, ctx->outlen) == 0);
  free(want);
}

START_TEST(output_comes_in_iteration_order) {
  for (int t = 1; t <= 8; t++) {
    Env e = {.fail_from = INT64_MAX, .fail_step = 1};
    RtContext ctx;
    run(t, 10007, &e, &ctx);
    ck_assert_int_eq(ctx.exc, RT_EXC_NONE);
    assert_output(&ctx, 10007);
    for (int64_t i = 0; i < 10007; i++)
      ck_assert_int_eq(e.seen[i], 1);  // every iteration exactly once
    free(e.seen);
    rt_context_free(&ctx);
  }
}
END_TEST

START_TEST(lowest_failing_iteration_wins) {
  for (int t = 1; t <= 8; t++) {
    // 4321 fails, and so does every 97th after it, in other chunks too
    Env e = {.fail_from = 4321, .fail_step = 97};
    RtContext ctx;
    run(t, 20000, &e, &ctx);
    ck_assert_int_eq(ctx.exc, RT_EXC_INDEX);
    ck_assert_int_eq(ctx.line, 4321);
    ck_assert_str_eq(ctx.msg, "list index out of range");
    assert_output(&ctx, 4321);  // exactly what ran before the error
    free(e.seen);
    rt_context_free(&ctx);
  }
}
END_TEST

START_TEST(fewer_iterations_than_threads) {
  Env e = {.fail_from = INT64_MAX, .fail_step = 1};
  RtContext ctx;
  run(16, 3, &e, &ctx);
  assert_output(&ctx, 3);
  free(e.seen);
  rt_context_free(&ctx);
  run(4, 0, &e, &ctx);
  ck_assert_int_eq(atomic_load(&e.visits), 0);
  ck_assert_uint_eq(ctx.outlen, 0);
  free(e.seen);
  rt_context_free(&ctx);
}
END_TEST

START_TEST(cancel_stops_the_loop) {
  volatile int cancel = 1;
  Env e = {.fail_from = INT64_MAX, .fail_step = 1};
  RtContext ctx;
  e.seen = calloc(100000, sizeof *e.seen);
  atomic_init(&e.visits, 0);
  rt_context_init(&ctx, NULL, 4);
  ctx.cancel = &cancel;
  rt_parallel_for(&ctx, body, &e, 100000);
  ck_assert_int_eq(ctx.exc, RT_EXC_TIMEOUT);
  ck_assert_int_lt(atomic_load(&e.visits), 100000);
  free(e.seen);
  rt_context_free(&ctx);
}
END_TEST

int main(void) {
  Suite *s = suite_create("workers");
  TCase *tc = tcase_create("workers");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, output_comes_in_iteration_order);
  tcase_add_test(tc, lowest_failing_iteration_wins);
  tcase_add_test(tc, fewer_iterations_than_threads);
  tcase_add_test(tc, cancel_stops_the_loop);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
