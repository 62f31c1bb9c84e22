// select_test.c - tests of frontend/select.c: each kernel form found by its
// parameter names in any order, the binding of each parameter, --kernel,
// and the exact errors for no candidate, several, a missing name and a
// function whose parameters the driver cannot bind.
#define _GNU_SOURCE  // open_memstream
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "frontend.h"

// One lex + parse + select run and the diagnostics it printed.
typedef struct {
  Arena *a;
  Diag d;
  KernelChoice choice;
  bool ok;
  char *text;
  size_t len;
} Selected;

static Selected *select_src(const char *src, const char *name) {
  Selected *s = calloc(1, sizeof *s);
  s->a = arena_new();
  FILE *out = open_memstream(&s->text, &s->len);
  diag_init(&s->d, "t.py", src, strlen(src), out);
  arena_set_diag(s->a, &s->d);
  Token *tokens = lex_source(s->a, &s->d, "t.py", src, strlen(src));
  Node *module = tokens ? parse_module(s->a, &s->d, tokens) : NULL;
  ck_assert_msg(module != NULL, "parse failed");
  s->ok = select_kernel(&s->d, module, name, &s->choice);
  fclose(out);
  return s;
}

static void selected_free(Selected *s) {
  arena_free(s->a);
  free(s->text);
  free(s);
}

// Selects src's kernel, which must be `name` with the form and binding.
static void expect_kernel(const char *src, const char *name, KernelForm form,
                          const char *binding) {
  Selected *s = select_src(src, NULL);
  ck_assert_msg(s->ok, "select failed: %s", s->text);
  ck_assert_str_eq(s->choice.def->name, name);
  ck_assert_int_eq(s->choice.form, form);
  ck_assert_int_eq(s->choice.nparams, (int)strlen(binding));
  ck_assert_mem_eq(s->choice.binding, binding, strlen(binding));
  ck_assert_str_eq(s->text, "");
  selected_free(s);
}

static void expect_error(const char *src, const char *name,
                         const char *text) {
  Selected *s = select_src(src, name);
  ck_assert(!s->ok);
  ck_assert_str_eq(s->text, text);
  selected_free(s);
}

START_TEST(list_form_binds_by_name_in_any_order) {
  expect_kernel("def f(q, maxiter, z):\n  return z\n", "f", FORM_LIST,
                "qmz");
  expect_kernel("def g(z, q, maxiter):\n  return z\n", "g", FORM_LIST,
                "zqm");
}
END_TEST

START_TEST(grid_form_binds_xs_ys_maxiter) {
  expect_kernel("def f(xs, ys, maxiter):\n  return []\n", "f", FORM_GRID,
                "xym");
  expect_kernel("def f(maxiter, ys, xs):\n  return []\n", "f", FORM_GRID,
                "myx");
}
END_TEST

START_TEST(point_forms_bind_c_or_x_y) {
  expect_kernel("def p(maxiter, c):\n  return 0\n", "p", FORM_POINT_C,
                "mc");
  expect_kernel("def p(y, x, maxiter):\n  return 0\n", "p", FORM_POINT_XY,
                "yxm");
}
END_TEST

START_TEST(form_names_are_list_grid_point) {
  ck_assert_str_eq(select_form_name(FORM_LIST), "list");
  ck_assert_str_eq(select_form_name(FORM_GRID), "grid");
  ck_assert_str_eq(select_form_name(FORM_POINT_C), "point");
  ck_assert_str_eq(select_form_name(FORM_POINT_XY), "point");
}
END_TEST

START_TEST(other_functions_and_nested_defs_are_not_candidates) {
  expect_kernel("import sys\n"
                "def calc_pure_python(w, h, maxiter):\n  pass\n"
                "def kernel(q, maxiter, z):\n  return z\n"
                "if __name__ == '__main__':\n"
                "  def f(c, maxiter):\n    return 0\n"
                "class K:\n  def g(self, c, maxiter):\n    return 0\n",
                "kernel", FORM_LIST, "qmz");
}
END_TEST

START_TEST(extra_or_missing_parameters_do_not_bind) {
  expect_error("def f(q, maxiter, z, extra):\n  pass\n"
               "def g(q, maxiter):\n  pass\n"
               "def h(c, maxiter, *args):\n  pass\n",
               NULL,
               "t.py: error: no function can be the kernel: the top-level "
               "functions are f (line 1), g (line 3), h (line 5), and a "
               "kernel's parameters must be (q, maxiter, z), (xs, ys, "
               "maxiter), (c, maxiter) or (x, y, maxiter)\n");
}
END_TEST

START_TEST(no_function_at_all_is_an_error) {
  expect_error("x = 1\n", NULL,
               "t.py: error: no function can be the kernel: the file "
               "defines no top-level function, and a kernel's parameters "
               "must be (q, maxiter, z), (xs, ys, maxiter), (c, maxiter) or "
               "(x, y, maxiter)\n");
}
END_TEST

static const char *two_kernels = "def first(c, maxiter):\n  return 1\n\n"
                                 "def second(x, y, maxiter):\n  return 2\n";

START_TEST(several_candidates_are_named) {
  expect_error(two_kernels, NULL,
               "t.py: error: several functions could be the kernel: first "
               "(line 1), second (line 4); choose one with --kernel=NAME\n");
}
END_TEST

START_TEST(kernel_option_picks_one_of_several) {
  Selected *s = select_src(two_kernels, "second");
  ck_assert(s->ok);
  ck_assert_str_eq(s->choice.def->name, "second");
  ck_assert_int_eq(s->choice.form, FORM_POINT_XY);
  selected_free(s);
}
END_TEST

START_TEST(kernel_option_names_a_missing_function) {
  expect_error(two_kernels, "third",
               "t.py: error: no function named 'third'; the top-level "
               "functions are first (line 1), second (line 4)\n");
  expect_error("x = 1\n", "f",
               "t.py: error: no function named 'f': the file defines no "
               "top-level function\n");
}
END_TEST

START_TEST(kernel_option_says_which_parameters_are_expected) {
  expect_error("def helper(a, *rest):\n  return a\n", "helper",
               "t.py:1:1: error: 'helper' cannot be the kernel: its "
               "parameters are (a, *rest), but a kernel's parameters must "
               "be (q, maxiter, z), (xs, ys, maxiter), (c, maxiter) or (x, "
               "y, maxiter)\n"
               "def helper(a, *rest):\n"
               "^\n");
}
END_TEST

START_TEST(a_later_definition_replaces_an_earlier_one) {
  // Python binds the name to the last def, so only that one counts.
  expect_kernel("def f(c, maxiter):\n  return 0\n"
                "def f(a):\n  return a\n"
                "def g(x, y, maxiter):\n  return 0\n",
                "g", FORM_POINT_XY, "xym");
}
END_TEST

static Suite *select_suite(void) {
  Suite *s = suite_create("select");
  TCase *tc = tcase_create("select");
  tcase_add_test(tc, list_form_binds_by_name_in_any_order);
  tcase_add_test(tc, grid_form_binds_xs_ys_maxiter);
  tcase_add_test(tc, point_forms_bind_c_or_x_y);
  tcase_add_test(tc, form_names_are_list_grid_point);
  tcase_add_test(tc, other_functions_and_nested_defs_are_not_candidates);
  tcase_add_test(tc, extra_or_missing_parameters_do_not_bind);
  tcase_add_test(tc, no_function_at_all_is_an_error);
  tcase_add_test(tc, several_candidates_are_named);
  tcase_add_test(tc, kernel_option_picks_one_of_several);
  tcase_add_test(tc, kernel_option_names_a_missing_function);
  tcase_add_test(tc, kernel_option_says_which_parameters_are_expected);
  tcase_add_test(tc, a_later_definition_replaces_an_earlier_one);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  SRunner *sr = srunner_create(select_suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
