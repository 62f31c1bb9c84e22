// select_test.c - tests of frontend/select.c: each kernel form bound by
// its parameters' types, names and positions, every shape of
// docs/language.md §3, --kernel and --bind, and the exact errors for no
// candidate, several, an ambiguity, a missing name and a function whose
// parameters the driver cannot bind.
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
               "t.py: error: no function can be the kernel; the top-level "
               "functions:\n"
               "  f(q: list, maxiter: int, z: list, extra: number), line 1: "
               "'extra' (number) has no role\n"
               "  g(q: list, maxiter: int), line 3: it returns nothing and "
               "fills no output list\n"
               "  h(c, maxiter, *args), line 5: it takes *args or **kwargs\n");
}
END_TEST

START_TEST(no_function_at_all_is_an_error) {
  expect_error("x = 1\n", NULL,
               "t.py: error: no function can be the kernel: the file "
               "defines no top-level function\n");
}
END_TEST

static const char *two_kernels = "def first(c, maxiter):\n  return 1\n\n"
                                 "def second(x, y, maxiter):\n  return 2\n";

START_TEST(several_candidates_are_named) {
  expect_error(two_kernels, NULL,
               "t.py: error: several functions could be the kernel; choose "
               "one with --kernel=NAME:\n"
               "  first(c: number, maxiter: int), line 1: binds (point form: "
               "c <- c (points), maxiter <- MAXITER)\n"
               "  second(x: number, y: number, maxiter: int), line 4: binds "
               "(point form: x <- x (points), y <- y (points), maxiter <- "
               "MAXITER)\n");
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
               "t.py:1:1: error: 'helper' cannot be the kernel:\n"
               "  helper(a, *rest), line 1: it takes *args or **kwargs\n"
               "def helper(a, *rest):\n"
               "^\n");
}
END_TEST

START_TEST(a_later_definition_replaces_an_earlier_one) {
  // Python binds the name to the last def, so only that one counts.
  expect_kernel("def f(c, maxiter):\n  return 0\n"
                "def f(a, *rest):\n  return a\n"
                "def g(x, y, maxiter):\n  return 0\n",
                "g", FORM_POINT_XY, "xym");
}
END_TEST

// The shapes of docs/language.md §3, each as real files write it.
START_TEST(every_shape_binds_by_type_then_name) {
  const char *loop = "  for i in range(len(zs)):\n    n = 0\n"
                     "    while n < maxiter:\n      n += 1\n";
  char src[256];
  snprintf(src, sizeof src, "def k(maxiter, zs, cs):\n"
           "  out = [0] * len(cs)\n%s  return out\n", loop);
  expect_kernel(src, "k", FORM_LIST, "mzq");
  snprintf(src, sizeof src, "def k(maxiter, zs, cs, out):\n"
           "%s    out[i] = n\n", loop);
  expect_kernel(src, "k", FORM_LIST, "mzqo");
  expect_kernel("def calculate_z(q, maxiter):\n"
                "  return [len(q) for n in range(maxiter)]\n",
                "calculate_z", FORM_LIST, "qm");
  expect_kernel("def mandel(x, y, max_iters):\n"
                "  for i in range(max_iters):\n    pass\n  return 0\n",
                "mandel", FORM_POINT_XY, "xym");
  expect_kernel("def mandelbrot(c, max_iter):\n  return 0\n",
                "mandelbrot", FORM_POINT_C, "cm");
  expect_kernel("def mandelbrot(z, maxiter):\n  return 0\n",
                "mandelbrot", FORM_POINT_C, "cm");
  expect_kernel("def mandelbrot(Re, Im, max_iter):\n  return 0\n",
                "mandelbrot", FORM_POINT_XY, "xym");
  expect_kernel("def mandel(imag, real, max_iterations=20):\n"
                "  return 0\n", "mandel", FORM_POINT_XY, "yxm");
  expect_kernel("def mandel(z):\n  maxiter = 80\n  return maxiter\n",
                "mandel", FORM_POINT_C, "c");
}
END_TEST

// A chunk, and Python 2's tuple parameter, bind their items; the kernel
// is rewritten to take them.
START_TEST(a_chunk_binds_its_items) {
  Selected *s = select_src("def k(chunk):\n  q, maxiter, z = chunk\n"
                           "  return [maxiter for v in q]\n", NULL);
  ck_assert_msg(s->ok, "%s", s->text);
  ck_assert_int_eq(s->choice.nparams, 3);
  ck_assert_mem_eq(s->choice.binding, "qmz", 3);
  ck_assert_str_eq(s->choice.chunk, "chunk");
  ck_assert_int_eq(s->choice.def->args.len, 3);
  ck_assert_int_eq(s->choice.def->body.len, 1);
  ck_assert_str_eq(select_binding_text(s->a, &s->choice),
                   "chunk = (q <- q (points), maxiter <- MAXITER, z <- z "
                   "(start))");
  selected_free(s);
  s = select_src("def k((q, maxiter)):\n  return [maxiter for v in q]\n",
                 NULL);
  ck_assert_msg(s->ok, "%s", s->text);
  ck_assert_mem_eq(s->choice.binding, "qm", 2);
  ck_assert_str_eq(s->choice.chunk, "(q, maxiter)");
  selected_free(s);
}
END_TEST

START_TEST(the_drivers_callee_is_preferred) {
  expect_kernel("def mandel(c, maxiter):\n  return 0\n"
                "def calculate_z(cs, maxiter):\n"
                "  return [mandel(c, maxiter) for c in cs]\n"
                "def calc_pure_python(w, maxiter):\n"
                "  print(calculate_z([0j], maxiter))\n",
                "calculate_z", FORM_LIST, "qm");
}
END_TEST

START_TEST(two_unnamed_lists_are_ambiguous) {
  const char *src = "def k(a, b, maxiter):\n"
                    "  return [len(a) + len(b) + maxiter]\n";
  expect_error(src, NULL,
               "t.py:1:1: error: 'k' cannot be the kernel: 'a' and 'b' are "
               "both list and no name says which holds the grid points and "
               "which the starting values; choose with --bind=points=a,"
               "start=b or --bind=points=b,start=a (or --kernel=k, which "
               "binds by position)\n"
               "def k(a, b, maxiter):\n^\n");
  Selected *s = select_src(src, "k");  // by position: points, then start
  ck_assert_msg(s->ok, "%s", s->text);
  ck_assert_mem_eq(s->choice.binding, "qzm", 3);
  selected_free(s);
}
END_TEST

// --bind settles roles; one it cannot apply is a bad option.
static SelectResult bind_src(const char *src, const char *bind, char *out,
                             KernelChoice *choice) {
  Selected *s = calloc(1, sizeof *s);
  s->a = arena_new();
  FILE *f = open_memstream(&s->text, &s->len);
  diag_init(&s->d, "t.py", src, strlen(src), f);
  Token *tokens = lex_source(s->a, &s->d, "t.py", src, strlen(src));
  Node *module = parse_module(s->a, &s->d, tokens);
  SelectOptions opt = {.bind = bind};
  SelectResult r = select_kernel_with(&s->d, module, &opt, choice);
  fclose(f);
  snprintf(out, 512, "%s", s->text);
  selected_free(s);
  return r;
}

START_TEST(bind_option_settles_and_checks) {
  const char *src = "def k(a, b, maxiter):\n"
                    "  return [len(a) + len(b) + maxiter]\n";
  char text[512];
  KernelChoice c;
  ck_assert_int_eq(bind_src(src, "start=a,points=b", text, &c), SELECT_OK);
  ck_assert_mem_eq(c.binding, "zqm", 3);
  ck_assert_int_eq(bind_src(src, "points=nope", text, &c),
                   SELECT_BAD_OPTION);
  ck_assert_str_eq(text, "mandelc: error: --bind: 'k' has no parameter "
                   "'nope'\n");
  ck_assert_int_eq(bind_src(src, "points=a,points=b", text, &c),
                   SELECT_BAD_OPTION);
  ck_assert_str_eq(text, "mandelc: error: --bind: the role points is given "
                   "twice\n");
  ck_assert_int_eq(bind_src(src, "maxiter=a", text, &c), SELECT_BAD_OPTION);
  ck_assert_str_eq(text, "mandelc: error: --bind: 'a' (list) cannot take "
                   "the role maxiter\n");
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
  tcase_add_test(tc, every_shape_binds_by_type_then_name);
  tcase_add_test(tc, a_chunk_binds_its_items);
  tcase_add_test(tc, the_drivers_callee_is_preferred);
  tcase_add_test(tc, two_unnamed_lists_are_ambiguous);
  tcase_add_test(tc, bind_option_settles_and_checks);
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
