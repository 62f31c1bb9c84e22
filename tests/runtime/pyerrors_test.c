// pyerrors_test.c - runtime/pyerrors.c: exceptions, owned memory, output.
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "runtime.h"

START_TEST(first_exception_wins) {
  RtContext ctx;
  rt_context_init(&ctx, NULL, 1);
  ck_assert_int_eq(*rt_exc_flag(&ctx), RT_EXC_NONE);
  rt_raise(&ctx, RT_EXC_ZERO_DIVISION, 12, "division by zero");
  rt_raise(&ctx, RT_EXC_INDEX, 13, "list index out of range");
  ck_assert_int_eq(*rt_exc_flag(&ctx), RT_EXC_ZERO_DIVISION);
  ck_assert_int_eq(ctx.line, 12);
  ck_assert_str_eq(ctx.msg, "division by zero");
  rt_context_free(&ctx);
}
END_TEST

START_TEST(message_is_copied_and_truncated) {
  RtContext ctx;
  rt_context_init(&ctx, NULL, 1);
  char msg[400];
  memset(msg, 'x', sizeof msg - 1);
  msg[sizeof msg - 1] = '\0';
  rt_raise(&ctx, RT_EXC_VALUE, 1, msg);
  msg[0] = 'y';  // the context keeps its own copy
  ck_assert_uint_eq(strlen(ctx.msg), sizeof ctx.msg - 1);
  ck_assert_int_eq(ctx.msg[0], 'x');
  rt_context_free(&ctx);
}
END_TEST

START_TEST(exception_names_are_pythons) {
  ck_assert_str_eq(rt_exc_name(RT_EXC_ZERO_DIVISION), "ZeroDivisionError");
  ck_assert_str_eq(rt_exc_name(RT_EXC_INDEX), "IndexError");
  ck_assert_str_eq(rt_exc_name(RT_EXC_RECURSION), "RecursionError");
  ck_assert_str_eq(rt_exc_name(RT_EXC_TIMEOUT), "TimeoutError");
}
END_TEST

// rt_report_error's text for ctx, through a memory stream.
static char *report(const RtContext *ctx) {
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  rt_report_error(f, "kernel.py", ctx);
  fclose(f);
  return buf;
}

START_TEST(report_names_file_line_and_exception) {
  RtContext ctx;
  rt_context_init(&ctx, NULL, 1);
  rt_raise(&ctx, RT_EXC_ZERO_DIVISION, 7, "float division by zero");
  char *text = report(&ctx);
  ck_assert_str_eq(text,
                   "kernel.py:7: ZeroDivisionError: float division by zero\n");
  free(text);
  rt_context_free(&ctx);
}
END_TEST

START_TEST(report_without_message_is_bare_name) {
  RtContext ctx;
  rt_context_init(&ctx, NULL, 1);
  rt_raise(&ctx, RT_EXC_MEMORY, 3, "");
  char *text = report(&ctx);
  ck_assert_str_eq(text, "kernel.py:3: MemoryError\n");
  free(text);
  rt_context_free(&ctx);
}
END_TEST

START_TEST(recursion_limit_raises_recursion_error) {
  RtContext ctx;
  rt_context_init(&ctx, NULL, 1);
  int calls = 0;
  while (rt_enter_call(&ctx, 5))
    calls++;
  ck_assert_int_eq(calls, RT_MAX_RECURSION);
  ck_assert_int_eq(ctx.exc, RT_EXC_RECURSION);
  ck_assert_str_eq(ctx.msg, "maximum recursion depth exceeded");
  for (int i = 0; i < calls; i++)
    rt_leave_call(&ctx);
  ck_assert_int_eq(ctx.depth, 0);
  rt_context_free(&ctx);
}
END_TEST

START_TEST(alloc_is_zeroed_and_realloc_keeps_contents) {
  RtContext ctx;
  rt_context_init(&ctx, NULL, 1);
  int64_t *a = rt_context_alloc(&ctx, 4 * sizeof *a, 1);
  ck_assert_ptr_nonnull(a);
  for (int i = 0; i < 4; i++) {
    ck_assert_int_eq(a[i], 0);
    a[i] = i + 1;
  }
  void *other = rt_context_alloc(&ctx, 16, 1);
  ck_assert_ptr_nonnull(other);
  a = rt_context_realloc(&ctx, a, 1000 * sizeof *a, 1);
  ck_assert_ptr_nonnull(a);
  for (int i = 0; i < 4; i++)
    ck_assert_int_eq(a[i], i + 1);
  rt_context_free(&ctx);  // frees every block (checked by ASan builds)
  ck_assert_ptr_null(ctx.blocks);
}
END_TEST

START_TEST(alloc_over_limit_is_memory_error) {
  RtContext ctx;
  rt_context_init(&ctx, NULL, 1);
  void *p = rt_context_alloc(&ctx, (size_t)RT_MAX_LIST_BYTES + 1, 9);
  ck_assert_ptr_null(p);
  ck_assert_int_eq(ctx.exc, RT_EXC_MEMORY);
  ck_assert_int_eq(ctx.line, 9);
  rt_context_free(&ctx);
}
END_TEST

START_TEST(flush_writes_output_to_stream) {
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  RtContext ctx;
  rt_context_init(&ctx, f, 1);
  ck_assert(rt_context_write(&ctx, "hello ", 6));
  ck_assert(rt_context_write(&ctx, "world\n", 6));
  ck_assert(rt_context_flush(&ctx));
  ck_assert_uint_eq(ctx.outlen, 0);
  fclose(f);
  ck_assert_str_eq(buf, "hello world\n");
  free(buf);
  rt_context_free(&ctx);
}
END_TEST

START_TEST(merge_moves_output_blocks_and_first_exception) {
  RtContext parent, a, b;
  rt_context_init(&parent, NULL, 2);
  rt_context_init(&a, NULL, 1);
  rt_context_init(&b, NULL, 1);
  rt_context_write(&a, "a", 1);
  rt_context_write(&b, "b", 1);
  int64_t *owned = rt_context_alloc(&b, sizeof *owned, 1);
  *owned = 42;
  rt_raise(&a, RT_EXC_INDEX, 4, "list index out of range");
  rt_raise(&b, RT_EXC_VALUE, 2, "math domain error");
  rt_context_merge(&parent, &a);
  rt_context_merge(&parent, &b);
  ck_assert_uint_eq(parent.outlen, 2);
  ck_assert_int_eq(memcmp(parent.out, "ab", 2), 0);
  ck_assert_int_eq(parent.exc, RT_EXC_INDEX);  // a's came first
  ck_assert_int_eq(parent.line, 4);
  ck_assert_ptr_null(b.blocks);
  ck_assert_int_eq(*owned, 42);  // now the parent's
  rt_context_free(&a);
  rt_context_free(&b);
  rt_context_free(&parent);
}
END_TEST

static Suite *pyerrors_suite(void) {
  Suite *s = suite_create("pyerrors");
  TCase *tc = tcase_create("core");
  tcase_add_test(tc, first_exception_wins);
  tcase_add_test(tc, message_is_copied_and_truncated);
  tcase_add_test(tc, exception_names_are_pythons);
  tcase_add_test(tc, report_names_file_line_and_exception);
  tcase_add_test(tc, report_without_message_is_bare_name);
  tcase_add_test(tc, recursion_limit_raises_recursion_error);
  tcase_add_test(tc, alloc_is_zeroed_and_realloc_keeps_contents);
  tcase_add_test(tc, alloc_over_limit_is_memory_error);
  tcase_add_test(tc, flush_writes_output_to_stream);
  tcase_add_test(tc, merge_moves_output_blocks_and_first_exception);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  SRunner *sr = srunner_create(pyerrors_suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
