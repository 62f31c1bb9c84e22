// nvrtc_test.c - NVRTC turns cuda.c's output into PTX, with no GPU.
#include <check.h>
#include <stdio.h>
#include <stdlib.h>

#include "../../runtime/runtime.h"
#include "cuda_fixture.h"

static const char list_kernel[] =
    "def calculate_z(q, maxiter, z):\n"
    "    output = [0] * len(q)\n"
    "    for i in range(len(q)):\n"
    "        zx, zy = z[i].real, z[i].imag\n"
    "        qx, qy = q[i].real, q[i].imag\n"
    "        for iteration in range(maxiter):\n"
    "            zx_new = (zx * zx - zy * zy) + qx\n"
    "            zy_new = (2 * (zx * zy)) + qy\n"
    "            zx = zx_new\n"
    "            zy = zy_new\n"
    "            if zx * zx + zy * zy > 4.0:\n"
    "                output[i] = iteration\n"
    "                break\n"
    "    return output\n";

// PTX for src at compute_80 with opt, or NULL with NVRTC's log in *log.
static char *ptx_with(const char *src, const char *cu_override,
                      const CompileOptions *opt, char *log, size_t len) {
  Fixture f;
  fixture_open(&f, src);
  ck_assert_msg(f.program != NULL, "frontend: %s", fixture_messages(&f));
  char *cu = cu_override ? (char *)cu_override
                         : cuda_emit(f.arena, &f.diag, f.program, opt);
  ck_assert_msg(cu != NULL, "%s", fixture_messages(&f));
  char *ptx = nvrtc_compile(f.arena, &f.diag, cu, "k.py", "compute_80",
                            opt);
  char *copy = ptx ? strdup(ptx) : NULL;
  snprintf(log, len, "%s", fixture_messages(&f));
  fixture_close(&f);
  return copy;
}

static char *ptx_of(const char *src, const char *cu_override, bool fast,
                    char *log, size_t len) {
  CompileOptions opt = {.fast_math = fast, .opt_level = 3};
  return ptx_with(src, cu_override, &opt, log, len);
}

// Does ptxas (the assembler a driver would run) accept ptx for sm_80?
static bool ptxas_accepts(const char *ptx, char *log, size_t len) {
  char dir[] = "/tmp/nvrtc_testXXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char path[128], cmd[512];
  snprintf(path, sizeof path, "%s/k.ptx", dir);
  FILE *f = fopen(path, "w");
  ck_assert_ptr_nonnull(f);
  fputs(ptx, f);
  fclose(f);
  snprintf(cmd, sizeof cmd, "%s -arch=sm_80 %s -o %s/k.cubin 2>&1; "
           "echo \"rc=$?\"; rm -rf %s", PTXAS, path, dir, dir);
  FILE *p = popen(cmd, "r");
  ck_assert_ptr_nonnull(p);
  size_t n = fread(log, 1, len - 1, p);
  log[n] = 0;
  pclose(p);
  return strstr(log, "rc=0") != NULL;
}

START_TEST(tutorial_kernel_compiles_to_ptx) {
  char log[4000];
  char *ptx = ptx_of(list_kernel, NULL, false, log, sizeof log);
  ck_assert_msg(ptx != NULL, "%s", log);
  ck_assert_ptr_nonnull(strstr(ptx, ".entry mandelc_kernel"));
  ck_assert_ptr_nonnull(strstr(ptx, ".target sm_80"));
  free(ptx);
}
END_TEST

START_TEST(float64_products_are_never_fused) {
  char log[4000];
  char *ptx = ptx_of(list_kernel, NULL, false, log, sizeof log);
  ck_assert_ptr_nonnull(ptx);
  ck_assert_ptr_null(strstr(ptx, "fma.rn.f64"));
  ck_assert_ptr_nonnull(strstr(ptx, "mul.rn.f64"));
  free(ptx);
}
END_TEST

START_TEST(fast_math_lets_products_fuse) {
  char log[4000];
  char *ptx = ptx_of(list_kernel, NULL, true, log, sizeof log);
  ck_assert_ptr_nonnull(ptx);
  ck_assert_ptr_nonnull(strstr(ptx, "fma.rn.f64"));
  free(ptx);
}
END_TEST

// --precision=float32: float arithmetic (products still unfused), which
// the assembler takes.
START_TEST(float32_emits_f32_arithmetic) {
  char log[4000];
  CompileOptions opt = {.float32 = true, .opt_level = 3};
  char *ptx = ptx_with(list_kernel, NULL, &opt, log, sizeof log);
  ck_assert_msg(ptx != NULL, "%s", log);
  ck_assert_ptr_nonnull(strstr(ptx, "mul.rn.f32"));
  ck_assert_ptr_nonnull(strstr(ptx, "add.rn.f32"));
  ck_assert_ptr_null(strstr(ptx, "mul.rn.f64"));
  ck_assert_ptr_null(strstr(ptx, "fma.rn.f32"));
  ck_assert_msg(ptxas_accepts(ptx, log, sizeof log), "%s", log);
  free(ptx);
}
END_TEST

START_TEST(float64_ptx_is_accepted_by_ptxas) {
  char log[4000];
  char *ptx = ptx_of(list_kernel, NULL, false, log, sizeof log);
  ck_assert_ptr_nonnull(ptx);
  ck_assert_msg(ptxas_accepts(ptx, log, sizeof log), "%s", log);
  free(ptx);
}
END_TEST

// launch.c reads how each print call prints from the PTX (the table's
// initializer), byte for byte what cuda.c wrote.
START_TEST(the_print_table_survives_into_the_ptx) {
  char log[4000];
  char *ptx = ptx_of("def k(c, maxiter):\n"
                     "    n = int(c.real)\n"
                     "    print(\"a\\tb\\n\", n)\n"
                     "    print \"%d%%\" % n,\n"
                     "    return n\n", NULL, false, log, sizeof log);
  ck_assert_msg(ptx != NULL, "%s", log);
  char *table;
  size_t len;
  ck_assert(rt_cuda_ptx_print_table(ptx, &table, &len));
  static const char want[] = "s4:a\tb\n_iE1;%4:4:%d%%1:iE0_;";
  ck_assert_uint_eq(len, strlen(want));
  ck_assert(table && !memcmp(table, want, len));
  free(table);
  free(ptx);
  ptx = ptx_of(list_kernel, NULL, false, log, sizeof log);
  ck_assert(rt_cuda_ptx_print_table(ptx, &table, &len));
  ck_assert_ptr_null(table);  // nothing prints: no table, no buffer
  ck_assert(!rt_cuda_ptx_print_table(".version 8.0\n", &table, &len));
  free(ptx);
}
END_TEST

START_TEST(errors_print_nvrtcs_log_pointing_at_the_file) {
  char log[4000];
  char *ptx = ptx_of(list_kernel, "#line 7 \"k.py\"\nint f( {\n", false, log,
                     sizeof log);
  ck_assert_ptr_null(ptx);
  ck_assert_msg(strstr(log, "k.py(7)") != NULL, "%s", log);
  ck_assert_ptr_nonnull(strstr(log, "error: NVRTC failed to compile"));
}
END_TEST

int main(void) {
  Suite *s = suite_create("nvrtc");
  TCase *tc = tcase_create("nvrtc");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, tutorial_kernel_compiles_to_ptx);
  tcase_add_test(tc, float64_products_are_never_fused);
  tcase_add_test(tc, fast_math_lets_products_fuse);
  tcase_add_test(tc, errors_print_nvrtcs_log_pointing_at_the_file);
  tcase_add_test(tc, float32_emits_f32_arithmetic);
  tcase_add_test(tc, float64_ptx_is_accepted_by_ptxas);
  tcase_add_test(tc, the_print_table_survives_into_the_ptx);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? 1 : 0;
}
