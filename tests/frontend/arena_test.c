// arena_test.c - tests of frontend/arena.c: zeroed aligned memory, the
// ARENA_MAX_BYTES cap reported through diag, interning, vectors, sprintf.
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "frontend.h"

START_TEST(test_alloc_is_zeroed_and_aligned) {
  Arena *a = arena_new();
  for (int i = 1; i < 2000; i++) {
    unsigned char *p = arena_alloc(a, (size_t)i);
    ck_assert_uint_eq((uintptr_t)p % 16, 0);
    // One assertion per block, not per byte: 2 million ck_asserts took
    // longer than check's 4 s timeout under ASan or a loaded machine.
    int nonzero = -1;
    for (int j = 0; j < i && nonzero < 0; j++)
      if (p[j])
        nonzero = j;
    ck_assert_msg(nonzero < 0, "byte %d of a %d-byte block is not zero",
                  nonzero, i);
    memset(p, 0xab, (size_t)i);  // later allocations must not see this
  }
  arena_free(a);
}
END_TEST

START_TEST(test_allocations_do_not_overlap) {
  Arena *a = arena_new();
  // Bigger than a chunk, then small again: both must be usable.
  char *big = arena_alloc(a, 3 << 20);
  char *small = arena_alloc(a, 64);
  memset(big, 1, 3 << 20);
  memset(small, 2, 64);
  ck_assert_int_eq(big[(3 << 20) - 1], 1);
  ck_assert_int_eq(small[0], 2);
  arena_free(a);
}
END_TEST

START_TEST(test_over_limit_reports_out_of_memory) {
  Arena *a = arena_new();
  char *text = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&text, &len);
  Diag d;
  diag_init(&d, "k.py", "", 0, out);
  arena_set_diag(a, &d);
  volatile int reached = 0;
  if (setjmp(d.jmp) == 0) {
    arena_alloc(a, ARENA_MAX_BYTES + 1);
    reached = 1;
  }
  fclose(out);
  ck_assert_int_eq(reached, 0);
  ck_assert_int_eq(d.nerrors, 1);
  ck_assert_msg(strncmp(text, "k.py: error: out of memory", 26) == 0, "%s",
                text);
  free(text);
  arena_free(a);
}
END_TEST

START_TEST(test_cumulative_limit) {
  // Two requests that fit alone but not together: the cap is on the sum.
  Arena *a = arena_new();
  FILE *out = fopen("/dev/null", "w");
  Diag d;
  diag_init(&d, "k.py", "", 0, out);
  arena_set_diag(a, &d);
  volatile int step = 0;
  if (setjmp(d.jmp) == 0) {
    arena_alloc(a, ARENA_MAX_BYTES / 2 + 4096);
    step = 1;
    arena_alloc(a, ARENA_MAX_BYTES / 2 + 4096);
    step = 2;
  }
  fclose(out);
  ck_assert_int_eq(step, 1);
  arena_free(a);
}
END_TEST

START_TEST(test_intern_gives_same_pointer) {
  Arena *a = arena_new();
  const char *x = arena_intern(a, "maxiter", 7);
  char buf[] = "maxiter";
  ck_assert_ptr_eq(arena_intern(a, buf, 7), x);
  ck_assert_ptr_ne(arena_intern(a, "maxite", 6), x);
  ck_assert_str_eq(x, "maxiter");
  // Embedded NUL bytes are part of the key.
  const char *n1 = arena_intern(a, "a\0b", 3), *n2 = arena_intern(a, "a\0c", 3);
  ck_assert_ptr_ne(n1, n2);
  ck_assert_ptr_eq(arena_intern(a, "a\0b", 3), n1);
  arena_free(a);
}
END_TEST

START_TEST(test_intern_survives_table_growth) {
  Arena *a = arena_new();
  const char *first[5000];
  char name[32];
  for (int i = 0; i < 5000; i++) {
    int n = snprintf(name, sizeof name, "v%d", i);
    first[i] = arena_intern(a, name, (size_t)n);
  }
  for (int i = 0; i < 5000; i++) {
    int n = snprintf(name, sizeof name, "v%d", i);
    ck_assert_ptr_eq(arena_intern(a, name, (size_t)n), first[i]);
  }
  arena_free(a);
}
END_TEST

START_TEST(test_vec_push_keeps_order) {
  Arena *a = arena_new();
  PtrVec v = {0};
  for (intptr_t i = 0; i < 10000; i++)
    vec_push(a, &v, (void *)i);
  ck_assert_int_eq(v.len, 10000);
  for (intptr_t i = 0; i < 10000; i++)
    ck_assert_int_eq((intptr_t)v.data[i], i);
  arena_free(a);
}
END_TEST

START_TEST(test_sprintf_and_strndup) {
  Arena *a = arena_new();
  ck_assert_str_eq(arena_sprintf(a, "%s:%d:%d", "k.py", 12, 9), "k.py:12:9");
  char *long_text = arena_sprintf(a, "%5000d", 7);
  ck_assert_int_eq((int)strlen(long_text), 5000);
  ck_assert_str_eq(arena_strndup(a, "abcdef", 3), "abc");
  arena_free(a);
}
END_TEST

static Suite *arena_suite(void) {
  Suite *s = suite_create("arena");
  TCase *tc = tcase_create("core");
  // The limit tests map half a gigabyte; on a loaded machine that alone
  // can pass check's default timeout of 4 seconds.
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, test_alloc_is_zeroed_and_aligned);
  tcase_add_test(tc, test_allocations_do_not_overlap);
  tcase_add_test(tc, test_over_limit_reports_out_of_memory);
  tcase_add_test(tc, test_cumulative_limit);
  tcase_add_test(tc, test_intern_gives_same_pointer);
  tcase_add_test(tc, test_intern_survives_table_growth);
  tcase_add_test(tc, test_vec_push_keeps_order);
  tcase_add_test(tc, test_sprintf_and_strndup);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  SRunner *sr = srunner_create(arena_suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
