// parallel_test.c - which list kernels may run one iteration a thread.
#include <check.h>

#include "cuda_fixture.h"

// The tutorial's list kernel: z[i] updated in place, output[i] assigned.
static const char tutorial[] =
    "def calculate_z(q, maxiter, z):\n"
    "    output = [0] * len(q)\n"
    "    for i in range(len(q)):\n"
    "        for iteration in range(maxiter):\n"
    "            z[i] = z[i] * z[i] + q[i]\n"
    "            if abs(z[i]) > 2.0:\n"
    "                output[i] = iteration\n"
    "                break\n"
    "    return output\n";

// Checks src with parallel_check; returns whether it was marked and leaves
// the reason and the line of the statement in why/line.
static bool check_src(const char *src, bool strict, char *why, int *line) {
  Fixture f;
  fixture_open(&f, src);
  ck_assert_msg(f.program != NULL, "frontend: %s", fixture_messages(&f));
  const char *reason = NULL;
  Node *where = NULL;
  bool ok = parallel_check(f.arena, f.program, strict, &reason, &where);
  snprintf(why, 400, "%s", reason ? reason : "");
  *line = where ? where->line : 0;
  Node *loop = parallel_find_loop(f.program);
  ck_assert(!loop || loop->parallel == ok);
  fixture_close(&f);
  return ok;
}

START_TEST(tutorial_kernel_is_parallel) {
  char why[400];
  int line;
  ck_assert_msg(check_src(tutorial, true, why, &line), "%s", why);
}
END_TEST

START_TEST(carried_local_is_named) {
  char why[400];
  int line;
  ck_assert(!check_src("def k(q, maxiter, z):\n"
                       "    out = [0] * len(q)\n"
                       "    acc = 0\n"
                       "    for i in range(len(q)):\n"
                       "        acc += 1\n"
                       "        out[i] = acc\n"
                       "    return out\n",
                       true, why, &line));
  ck_assert_str_eq(why, "iteration i reads 'acc' written by the previous "
                        "iteration; make it local to the loop body or "
                        "accumulate after the loop");
  ck_assert_int_eq(line, 5);
}
END_TEST

START_TEST(local_assigned_on_one_branch_only_is_carried) {
  char why[400];
  int line;
  ck_assert(!check_src("def k(q, maxiter, z):\n"
                       "    out = [0] * len(q)\n"
                       "    t = 0\n"
                       "    for i in range(len(q)):\n"
                       "        if q[i].real > 0:\n"
                       "            t = 1\n"
                       "        out[i] = t\n"
                       "    return out\n",
                       true, why, &line));
  ck_assert_int_eq(line, 7);
}
END_TEST

START_TEST(local_assigned_on_both_branches_is_private) {
  char why[400];
  int line;
  ck_assert_msg(check_src("def k(q, maxiter, z):\n"
                          "    out = [0] * len(q)\n"
                          "    for i in range(len(q)):\n"
                          "        if q[i].real > 0:\n"
                          "            t = 1\n"
                          "        else:\n"
                          "            t = 2\n"
                          "        out[i] = t\n"
                          "    return out\n",
                          true, why, &line), "%s", why);
}
END_TEST

START_TEST(for_else_assignment_counts_after_the_loop) {
  char why[400];
  int line;
  ck_assert_msg(check_src("def k(q, maxiter, z):\n"
                          "    out = [0] * len(q)\n"
                          "    for i in range(len(q)):\n"
                          "        for n in range(maxiter):\n"
                          "            if abs(q[i]) > n:\n"
                          "                break\n"
                          "        else:\n"
                          "            n = 0\n"
                          "        out[i] = n\n"
                          "    return out\n",
                          true, why, &line), "%s", why);
}
END_TEST

START_TEST(append_is_refused_with_the_fix) {
  char why[400];
  int line;
  ck_assert(!check_src("def k(q, maxiter, z):\n"
                       "    out = []\n"
                       "    for i in range(len(q)):\n"
                       "        out.append(i)\n"
                       "    return out\n",
                       true, why, &line));
  ck_assert_str_eq(why, "'out.append' fixes the order of the results; "
                        "preallocate with out = [0] * len(q) and assign "
                        "out[i]");
}
END_TEST

// print is ordered on both targets (workers.c merges, launch.c sorts)
START_TEST(print_is_no_dependency) {
  static const char src[] = "def k(q, maxiter, z):\n"
                            "    out = [0] * len(q)\n"
                            "    for i in range(len(q)):\n"
                            "        print(i)\n"
                            "        out[i] = i\n"
                            "    return out\n";
  char why[400];
  int line;
  ck_assert_msg(check_src(src, false, why, &line), "%s", why);
  ck_assert_msg(check_src(src, true, why, &line), "%s", why);
}
END_TEST

START_TEST(reading_a_neighbour_is_refused) {
  char why[400];
  int line;
  ck_assert(!check_src("def k(q, maxiter, z):\n"
                       "    out = [0] * len(q)\n"
                       "    for i in range(len(q)):\n"
                       "        out[i] = 1\n"
                       "        if i > 0:\n"
                       "            out[i] = out[i - 1] + 1\n"
                       "    return out\n",
                       true, why, &line));
  ck_assert_int_eq(line, 6);
}
END_TEST

START_TEST(point_kernel_has_no_loop_to_mark) {
  Fixture f;
  fixture_open(&f, "def k(c, maxiter):\n    return 1\n");
  ck_assert_ptr_nonnull(f.program);
  const char *why;
  Node *where;
  ck_assert(!parallel_mark(f.program, &why, &where));
  ck_assert_ptr_nonnull(why);
  fixture_close(&f);
}
END_TEST

START_TEST(without_an_arena_the_wording_is_generic) {
  Fixture f;
  fixture_open(&f, "def k(q, maxiter, z):\n"
                   "    out = [0] * len(q)\n"
                   "    acc = 0\n"
                   "    for i in range(len(q)):\n"
                   "        acc += 1\n"
                   "        out[i] = acc\n"
                   "    return out\n");
  const char *why;
  Node *where;
  ck_assert(!parallel_mark(f.program, &why, &where));
  ck_assert_str_eq(why, "an iteration reads a local written by the previous "
                        "iteration");
  ck_assert_int_eq(where->line, 5);
  fixture_close(&f);
}
END_TEST

int main(void) {
  Suite *s = suite_create("parallel");
  TCase *tc = tcase_create("parallel");
  tcase_add_test(tc, tutorial_kernel_is_parallel);
  tcase_add_test(tc, carried_local_is_named);
  tcase_add_test(tc, local_assigned_on_one_branch_only_is_carried);
  tcase_add_test(tc, local_assigned_on_both_branches_is_private);
  tcase_add_test(tc, for_else_assignment_counts_after_the_loop);
  tcase_add_test(tc, append_is_refused_with_the_fix);
  tcase_add_test(tc, print_is_no_dependency);
  tcase_add_test(tc, reading_a_neighbour_is_refused);
  tcase_add_test(tc, point_kernel_has_no_loop_to_mark);
  tcase_add_test(tc, without_an_arena_the_wording_is_generic);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? 1 : 0;
}
