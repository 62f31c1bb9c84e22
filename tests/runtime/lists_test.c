// lists_test.c - runtime/lists.c: new, append, repeat and their limits.
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "runtime.h"

START_TEST(new_list_is_zero_filled) {
  RtContext ctx;
  rt_context_init(&ctx, NULL, 1);
  RtList *l = rt_list_new(&ctx, 8, 5, 1);
  ck_assert_ptr_nonnull(l);
  ck_assert_int_eq(l->len, 5);
  ck_assert_int_eq(l->elem_size, 8);
  for (int i = 0; i < 5; i++)
    ck_assert_int_eq(((int64_t *)l->data)[i], 0);
  rt_context_free(&ctx);
}
END_TEST

START_TEST(negative_length_gives_empty_list) {
  RtContext ctx;
  rt_context_init(&ctx, NULL, 1);
  RtList *l = rt_list_new(&ctx, 8, -3, 1);  // [0] * -3 == []
  ck_assert_ptr_nonnull(l);
  ck_assert_int_eq(l->len, 0);
  ck_assert_int_eq(ctx.exc, RT_EXC_NONE);
  rt_context_free(&ctx);
}
END_TEST

START_TEST(huge_list_is_memory_error) {
  RtContext ctx;
  rt_context_init(&ctx, NULL, 1);
  RtList *l = rt_list_new(&ctx, 8, (int64_t)1 << 40, 17);
  ck_assert_ptr_null(l);
  ck_assert_int_eq(ctx.exc, RT_EXC_MEMORY);
  ck_assert_int_eq(ctx.line, 17);
  rt_context_free(&ctx);
}
END_TEST

START_TEST(append_grows_and_keeps_elements) {
  RtContext ctx;
  rt_context_init(&ctx, NULL, 1);
  RtList *l = rt_list_new(&ctx, 16, 0, 1);
  for (int i = 0; i < 10000; i++) {
    RtComplex *slot = rt_list_append_slot(&ctx, l, 1);
    ck_assert_ptr_nonnull(slot);
    *slot = (RtComplex){i, -i};
  }
  ck_assert_int_eq(l->len, 10000);
  ck_assert_int_ge(l->cap, l->len);
  for (int i = 0; i < 10000; i++) {
    RtComplex c = ((RtComplex *)l->data)[i];
    ck_assert(c.re == i && c.im == -i);
  }
  rt_context_free(&ctx);
}
END_TEST

START_TEST(repeat_copies_in_order) {
  RtContext ctx;
  rt_context_init(&ctx, NULL, 1);
  RtList *l = rt_list_new(&ctx, 8, 0, 1);
  *(int64_t *)rt_list_append_slot(&ctx, l, 1) = 1;
  *(int64_t *)rt_list_append_slot(&ctx, l, 1) = 2;
  RtList *r = rt_list_repeat(&ctx, l, 3, 1);  // [1, 2] * 3
  ck_assert_int_eq(r->len, 6);
  int64_t want[] = {1, 2, 1, 2, 1, 2};
  ck_assert_int_eq(memcmp(r->data, want, sizeof want), 0);
  RtList *empty = rt_list_repeat(&ctx, l, -1, 1);
  ck_assert_int_eq(empty->len, 0);
  rt_context_free(&ctx);
}
END_TEST

START_TEST(repeat_overflow_is_memory_error) {
  RtContext ctx;
  rt_context_init(&ctx, NULL, 1);
  RtList *l = rt_list_new(&ctx, 8, 3, 1);
  ck_assert_ptr_null(rt_list_repeat(&ctx, l, INT64_MAX / 2, 6));
  ck_assert_int_eq(ctx.exc, RT_EXC_MEMORY);
  rt_context_free(&ctx);
}
END_TEST

static Suite *lists_suite(void) {
  Suite *s = suite_create("lists");
  TCase *tc = tcase_create("core");
  tcase_add_test(tc, new_list_is_zero_filled);
  tcase_add_test(tc, negative_length_gives_empty_list);
  tcase_add_test(tc, huge_list_is_memory_error);
  tcase_add_test(tc, append_grows_and_keeps_elements);
  tcase_add_test(tc, repeat_copies_in_order);
  tcase_add_test(tc, repeat_overflow_is_memory_error);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  SRunner *sr = srunner_create(lists_suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
