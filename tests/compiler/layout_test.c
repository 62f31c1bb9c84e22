// layout_test.c - tests of compiler/layout.c: every element layout equals
// the C compiler's layout of the same struct (the oracle: the SysV rule
// that rtabi.h's readers and LLVM's data layout follow).
#include <check.h>
#include <stdalign.h>
#include <stddef.h>
#include <stdlib.h>

#include "../runtime/rtabi.h"
#include "compiler.h"

#define ck_layout(t, ctype)                                   \
  do {                                                        \
    Layout l_ = layout_of(t);                                 \
    ck_assert_int_eq(l_.size, (int64_t)sizeof(ctype));        \
    ck_assert_int_eq(l_.align, (int64_t)alignof(ctype));      \
  } while (0)

static Type *tuple(Arena *a, int n, Type **items) {
  return type_tuple(a, items, n);
}

START_TEST(scalars_have_their_rtabi_c_types) {
  Arena *a = arena_new();
  ck_layout(&ty_bool, uint8_t);
  ck_layout(&ty_int, int64_t);
  ck_layout(&ty_float, double);
  ck_layout(&ty_complex, RtComplex);
  ck_layout(type_list(a, &ty_int), RtList *);
  ck_layout(type_list(a, type_list(a, &ty_bool)), RtList *);
  arena_free(a);
}
END_TEST

START_TEST(tuples_are_c_structs) {
  Arena *a = arena_new();
  struct ff { double x, y; };
  Type *ff = tuple(a, 2, (Type *[]){&ty_float, &ty_float});
  ck_layout(ff, struct ff);
  struct iii { int64_t r, g, b; };
  ck_layout(tuple(a, 3, (Type *[]){&ty_int, &ty_int, &ty_int}), struct iii);
  struct bfc { uint8_t b; double f; RtComplex c; };
  Type *bfc = tuple(a, 3, (Type *[]){&ty_bool, &ty_float, &ty_complex});
  ck_layout(bfc, struct bfc);
  ck_assert_int_eq(layout_offset(bfc, 0), offsetof(struct bfc, b));
  ck_assert_int_eq(layout_offset(bfc, 1), offsetof(struct bfc, f));
  ck_assert_int_eq(layout_offset(bfc, 2), offsetof(struct bfc, c));
  struct bbl { uint8_t x, y; RtList *l; uint8_t z; };
  Type *bbl = tuple(a, 4, (Type *[]){&ty_bool, &ty_bool,
                                     type_list(a, &ty_float), &ty_bool});
  ck_layout(bbl, struct bbl);
  ck_assert_int_eq(layout_offset(bbl, 1), offsetof(struct bbl, y));
  ck_assert_int_eq(layout_offset(bbl, 2), offsetof(struct bbl, l));
  ck_assert_int_eq(layout_offset(bbl, 3), offsetof(struct bbl, z));
  struct bb { uint8_t x, y; };
  ck_layout(tuple(a, 2, (Type *[]){&ty_bool, &ty_bool}), struct bb);
  arena_free(a);
}
END_TEST

START_TEST(nested_tuples_are_nested_structs) {
  Arena *a = arena_new();
  struct bi { uint8_t b; int64_t i; };
  struct nest { struct bi t; uint8_t b; RtComplex c; };
  Type *bi = tuple(a, 2, (Type *[]){&ty_bool, &ty_int});
  Type *nest = tuple(a, 3, (Type *[]){bi, &ty_bool, &ty_complex});
  ck_layout(nest, struct nest);
  ck_assert_int_eq(layout_offset(nest, 1), offsetof(struct nest, b));
  ck_assert_int_eq(layout_offset(nest, 2), offsetof(struct nest, c));
  // a list of them is still one pointer wide, wherever it sits
  ck_layout(type_list(a, nest), RtList *);
  arena_free(a);
}
END_TEST

static Suite *layout_suite(void) {
  Suite *s = suite_create("layout");
  TCase *tc = tcase_create("layout");
  tcase_add_test(tc, scalars_have_their_rtabi_c_types);
  tcase_add_test(tc, tuples_are_c_structs);
  tcase_add_test(tc, nested_tuples_are_nested_structs);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  SRunner *sr = srunner_create(layout_suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
