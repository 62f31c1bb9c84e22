// types_test.c - tests of frontend/types.c: structural equality, the number
// test and Python's spelling of type names.
#include <check.h>
#include <stdlib.h>

#include "frontend.h"

START_TEST(scalars_are_equal_only_to_themselves) {
  ck_assert(type_equal(&ty_int, &ty_int));
  ck_assert(!type_equal(&ty_int, &ty_float));
  ck_assert(!type_equal(&ty_bool, &ty_int));
  ck_assert(!type_equal(&ty_none, NULL));
  ck_assert(type_equal(NULL, NULL));
}
END_TEST

START_TEST(lists_compare_by_structure) {
  Arena *a = arena_new();
  Type *x = type_list(a, type_list(a, &ty_int));
  Type *y = type_list(a, type_list(a, &ty_int));
  ck_assert_ptr_ne(x, y);
  ck_assert(type_equal(x, y));
  ck_assert(!type_equal(x, type_list(a, type_list(a, &ty_float))));
  ck_assert(!type_equal(x, type_list(a, &ty_int)));
  ck_assert(!type_equal(type_list(a, NULL), type_list(a, &ty_int)));
  ck_assert(type_equal(type_list(a, NULL), type_list(a, NULL)));
  arena_free(a);
}
END_TEST

START_TEST(tuples_compare_item_by_item) {
  Arena *a = arena_new();
  Type *items[] = {&ty_int, &ty_float};
  Type *t = type_tuple(a, items, 2);
  items[1] = &ty_complex;  // the tuple keeps its own copy
  Type *u = type_tuple(a, items, 2);
  ck_assert(!type_equal(t, u));
  ck_assert(type_equal(t, type_tuple(a, (Type *[]){&ty_int, &ty_float}, 2)));
  ck_assert(!type_equal(t, type_tuple(a, items, 1)));
  arena_free(a);
}
END_TEST

START_TEST(numbers_are_bool_int_float_complex) {
  Arena *a = arena_new();
  ck_assert(type_is_number(&ty_bool));
  ck_assert(type_is_number(&ty_int));
  ck_assert(type_is_number(&ty_float));
  ck_assert(type_is_number(&ty_complex));
  ck_assert(!type_is_number(&ty_str));
  ck_assert(!type_is_number(&ty_none));
  ck_assert(!type_is_number(type_list(a, &ty_int)));
  ck_assert(!type_is_number(NULL));
  arena_free(a);
}
END_TEST

START_TEST(names_are_python_spellings) {
  Arena *a = arena_new();
  ck_assert_str_eq(type_name(a, &ty_int), "int");
  ck_assert_str_eq(type_name(a, &ty_float), "float");
  ck_assert_str_eq(type_name(a, &ty_complex), "complex");
  ck_assert_str_eq(type_name(a, &ty_bool), "bool");
  ck_assert_str_eq(type_name(a, &ty_str), "str");
  ck_assert_str_eq(type_name(a, &ty_none), "None");
  ck_assert_str_eq(type_name(a, type_list(a, &ty_complex)), "list[complex]");
  ck_assert_str_eq(type_name(a, type_list(a, type_list(a, &ty_int))),
                   "list[list[int]]");
  ck_assert_str_eq(type_name(a, type_list(a, NULL)), "list");
  Type *items[] = {&ty_int, type_list(a, &ty_float)};
  ck_assert_str_eq(type_name(a, type_tuple(a, items, 2)),
                   "tuple[int, list[float]]");
  arena_free(a);
}
END_TEST

static Suite *types_suite(void) {
  Suite *s = suite_create("types");
  TCase *tc = tcase_create("types");
  tcase_add_test(tc, scalars_are_equal_only_to_themselves);
  tcase_add_test(tc, lists_compare_by_structure);
  tcase_add_test(tc, tuples_compare_item_by_item);
  tcase_add_test(tc, numbers_are_bool_int_float_complex);
  tcase_add_test(tc, names_are_python_spellings);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  SRunner *sr = srunner_create(types_suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
