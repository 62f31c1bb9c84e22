// cuda_test.c - properties of the CUDA C that cuda.c writes.
#include <check.h>

#include "../../runtime/rtabi.h"
#include "cuda_fixture.h"
#include "libm.h"
#include "pymath.h"

static const char point[] =
    "def mandel(c, maxiter):\n"
    "    z = 0j\n"
    "    for n in range(maxiter):\n"
    "        z = z * z + c\n"
    "        if abs(z) > 2.0:\n"
    "            return n\n"
    "    return maxiter\n";

// cuda_emit on src; NULL (and the diagnostics in *messages) on failure.
static char *emit_src(const char *src, bool float32, char *messages,
                      size_t len) {
  Fixture f;
  fixture_open(&f, src);
  ck_assert_msg(f.program != NULL, "frontend: %s", fixture_messages(&f));
  CompileOptions opt = {.float32 = float32, .opt_level = 3};
  char *cu = cuda_emit(f.arena, &f.diag, f.program, &opt);
  char *copy = cu ? strdup(cu) : NULL;
  snprintf(messages, len, "%s", fixture_messages(&f));
  fixture_close(&f);
  return copy;
}

START_TEST(statements_carry_their_python_lines) {
  char msg[1000];
  char *cu = emit_src(point, false, msg, sizeof msg);
  ck_assert_msg(cu != NULL, "%s", msg);
  ck_assert_ptr_nonnull(strstr(cu, "#line 4 \"k.py\"\n"));
  ck_assert_ptr_nonnull(strstr(cu, "// z = z * z + c\n"));
  ck_assert_ptr_nonnull(strstr(cu, "z = py_complex_add(py_complex_mul(z, z)"
                                   ", c);"));
  free(cu);
}
END_TEST

START_TEST(abs_compare_uses_the_sum_of_squares_first) {
  char msg[1000];
  char *cu = emit_src(point, false, msg, sizeof msg);
  ck_assert_ptr_nonnull(strstr(cu, "py_complex_abs_cmp(ts, z, 2.0, 5) > 0"));
  free(cu);
}
END_TEST

START_TEST(entry_point_has_the_fixed_abi) {
  char msg[1000];
  char *cu = emit_src(point, false, msg, sizeof msg);
  ck_assert_ptr_nonnull(strstr(cu, "extern \"C\" __global__ void "
                                   "mandelc_kernel(const double *__restrict__ "
                                   "mandelc_xs"));
  ck_assert_ptr_nonnull(strstr(cu, "enum { mandelc_launch_dims = 2 };"));
  ck_assert_ptr_nonnull(strstr(cu, "typedef double pyfloat;"));
  free(cu);
}
END_TEST

START_TEST(float32_changes_the_float_type_only) {
  char msg[1000];
  char *cu = emit_src(point, true, msg, sizeof msg);
  ck_assert_ptr_nonnull(strstr(cu, "typedef float pyfloat;"));
  ck_assert_ptr_nonnull(strstr(cu, "(pyfloat)2.0"));
  free(cu);
}
END_TEST

START_TEST(list_kernel_loop_becomes_the_thread) {
  char msg[1000];
  char *cu = emit_src("def k(q, maxiter, z):\n"
                      "    output = [0] * len(q)\n"
                      "    for i in range(len(q)):\n"
                      "        zi = z[i]\n"
                      "        for it in range(maxiter):\n"
                      "            zi = zi * zi + q[i]\n"
                      "            if abs(zi) > 2.0:\n"
                      "                output[i] = it\n"
                      "                break\n"
                      "    return output\n",
                      false, msg, sizeof msg);
  ck_assert_msg(cu != NULL, "%s", msg);
  ck_assert_ptr_nonnull(strstr(cu, "i = mandelc_point;"));
  ck_assert_ptr_nonnull(strstr(cu, "output = &mandelc_result;"));
  ck_assert_ptr_nonnull(strstr(cu, "enum { mandelc_launch_dims = 1 };"));
  free(cu);
}
END_TEST

START_TEST(dependent_loop_is_a_compile_error_at_the_statement) {
  char msg[1000];
  char *cu = emit_src("def k(q, maxiter, z):\n"
                      "    output = []\n"
                      "    for i in range(len(q)):\n"
                      "        output.append(i)\n"
                      "    return output\n",
                      false, msg, sizeof msg);
  ck_assert_ptr_null(cu);
  ck_assert_msg(strstr(msg, "k.py:4:9: error: 'output.append' fixes the "
                            "order of the results") != NULL, "%s", msg);
}
END_TEST

START_TEST(print_becomes_a_record_and_a_table_entry) {
  char msg[1000];
  char *cu = emit_src("def k(c, maxiter):\n"
                      "    print(maxiter, \"a\\n\", c, None, end='')\n"
                      "    print \"%d%%\" % maxiter, 1.5,\n"
                      "    return 1\n",
                      false, msg, sizeof msg);
  ck_assert_msg(cu != NULL, "%s", msg);
  ck_assert_ptr_nonnull(strstr(cu, "pv_[0] = (unsigned long long)maxiter;"));
  ck_assert_ptr_nonnull(strstr(cu, "py_print(ts, 0, pv_, 3);"));
  ck_assert_ptr_nonnull(strstr(cu, "py_print(ts, 1, pv_, 2);"));
  // the literal's newline escaped; the trailing comma's separator last
  ck_assert_msg(strstr(cu, "mandelc_print_table[] =\n"
                           "    \"i_s2:a\\012_c_nE0;%3:4:%d%%1:i_fE0_;\";")
                != NULL, "wrong mandelc_print_table");
  free(cu);
}
END_TEST

// CUDA's tan, asin, acos may round differently from glibc: float64
// refuses them; float32 (inexact anyway) takes them; z ** 3 needs no libm.
// exp, log, log2, log10, pow, float ** float, sin, cos, atan, atan2, sinh,
// cosh, tanh and complex ** are glibc's own code on the device
// (pymath_libm.h) where the host's libm is glibc's.
START_TEST(libm_calls_are_refused_in_float64) {
  static const char src[] = "import math\n"
                            "def k(c, maxiter):\n"
                            "    z = c ** 3\n"
                            "    return int(math.tan(z.real))\n";
  char msg[1000];
  char *cu = emit_src(src, false, msg, sizeof msg);
  ck_assert_ptr_null(cu);
  ck_assert_msg(strstr(msg, "k.py:4:16: error: math.tan on the GPU would "
                            "call CUDA's libm") != NULL, "%s", msg);
  cu = emit_src(src, true, msg, sizeof msg);
  ck_assert_msg(cu != NULL, "%s", msg);
  free(cu);
  ck_assert_int_ge(libm_host_variant(), 0);  // Debian 12's glibc
  cu = emit_src("import math\n"
                "def k(x, y, maxiter):\n"
                "    return int(x ** y + math.exp(x) + math.log(y) +\n"
                "               math.pow(x, y) + math.sin(x) + math.cos(y) +\n"
                "               math.atan(x) + math.atan2(y, x) +\n"
                "               math.log2(x) + math.log10(y) +\n"
                "               math.sinh(x) + math.cosh(x) + math.tanh(y) +\n"
                "               (complex(x, y) ** 0.5).real)\n",
                false, msg, sizeof msg);
  ck_assert_msg(cu != NULL, "%s", msg);
  free(cu);
}
END_TEST

// Before the loop every thread runs the code: its prints are made by the
// first thread only, which a called function cannot be made to respect.
START_TEST(a_printing_call_before_the_loop_is_refused) {
  char msg[1000];
  char *cu = emit_src("def noisy(n):\n"
                      "    print(n)\n"
                      "    return n\n"
                      "def k(q, maxiter, z):\n"
                      "    out = [0] * len(q)\n"
                      "    m = noisy(maxiter)\n"
                      "    print(m)\n"
                      "    for i in range(len(q)):\n"
                      "        out[i] = noisy(m)\n"
                      "    return out\n", false, msg, sizeof msg);
  ck_assert_ptr_null(cu);
  ck_assert_msg(strstr(msg, "k.py:6:5: error: on the GPU this statement "
                            "runs in every thread") != NULL, "%s", msg);
  cu = emit_src("def k(q, maxiter, z):\n"
                "    out = [0] * len(q)\n"
                "    print(maxiter)\n"
                "    for i in range(len(q)):\n"
                "        out[i] = i\n"
                "    return out\n", false, msg, sizeof msg);
  ck_assert_msg(cu != NULL, "%s", msg);
  ck_assert_ptr_nonnull(strstr(cu, "if (mandelc_point == 0) {"));
  free(cu);
}
END_TEST

START_TEST(cpp_keywords_are_renamed) {
  char msg[1000];
  char *cu = emit_src("def k(c, maxiter):\n"
                      "    new = 1\n"
                      "    double = new + 2\n"
                      "    return double\n",
                      false, msg, sizeof msg);
  ck_assert_msg(cu != NULL, "%s", msg);
  ck_assert_ptr_nonnull(strstr(cu, "double_ = py_int_add(ts, new_, 2LL, 3);"));
  free(cu);
}
END_TEST

START_TEST(error_key_decodes_to_cpythons_message) {
  int32_t exc, line;
  int64_t index;
  const char *msg;
  ck_assert(!cuda_error_decode(~(uint64_t)0, &exc, &line, &index, &msg));
  // pymath.h's PYM_INT_DIV_ZERO at line 12 of point 345
  uint64_t key = (uint64_t)345 << 32 | (uint64_t)PYM_INT_DIV_ZERO << 24 | 12;
  ck_assert(cuda_error_decode(key, &exc, &line, &index, &msg));
  ck_assert_int_eq(exc, RT_EXC_ZERO_DIVISION);
  ck_assert_int_eq(line, 12);
  ck_assert_int_eq(index, 345);
  ck_assert_str_eq(msg, "integer division or modulo by zero");
}
END_TEST

int main(void) {
  Suite *s = suite_create("cuda");
  TCase *tc = tcase_create("cuda");
  tcase_add_test(tc, statements_carry_their_python_lines);
  tcase_add_test(tc, abs_compare_uses_the_sum_of_squares_first);
  tcase_add_test(tc, entry_point_has_the_fixed_abi);
  tcase_add_test(tc, float32_changes_the_float_type_only);
  tcase_add_test(tc, list_kernel_loop_becomes_the_thread);
  tcase_add_test(tc, dependent_loop_is_a_compile_error_at_the_statement);
  tcase_add_test(tc, print_becomes_a_record_and_a_table_entry);
  tcase_add_test(tc, libm_calls_are_refused_in_float64);
  tcase_add_test(tc, a_printing_call_before_the_loop_is_refused);
  tcase_add_test(tc, cpp_keywords_are_renamed);
  tcase_add_test(tc, error_key_decodes_to_cpythons_message);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? 1 : 0;
}
