// pyprint_test.c - runtime/pyprint.c: print() pieces and `fmt % args`.
//
// Run with no arguments, a check suite on strings whose Python values are
// well known (tests/runtime/pyprint_test.py confirms each with python3 in
// the same ctest run). Run with --stdin, it reads lines
//   repr HEX | complex HEX HEX | format<TAB>FMT<TAB>KINDS<TAB>ARG...
// (ints decimal, floats C99 hex, bools 0/1, strs as text) and prints the
// repr, or the formatted string, or `E ExcName: message`, one per line,
// for pyprint_test.py to compare with CPython on random inputs.
#include <check.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "runtime.h"

// The print output of ctx as a string (owned by ctx).
static const char *output(RtContext *ctx) {
  rt_context_write(ctx, "", 1);
  ctx->outlen--;
  return ctx->out;
}

static const char *float_repr(RtContext *ctx, double x) {
  ctx->outlen = 0;
  rt_print_float(ctx, x);
  return output(ctx);
}

static const char *complex_repr(RtContext *ctx, double re, double im) {
  ctx->outlen = 0;
  rt_print_complex(ctx, re, im);
  return output(ctx);
}

START_TEST(float_repr_is_shortest_round_trip) {
  RtContext ctx;
  rt_context_init(&ctx, NULL, 1);
  ck_assert_str_eq(float_repr(&ctx, 0.1), "0.1");
  ck_assert_str_eq(float_repr(&ctx, 100.0), "100.0");
  ck_assert_str_eq(float_repr(&ctx, 1e16), "1e+16");
  ck_assert_str_eq(float_repr(&ctx, 1e15), "1000000000000000.0");
  ck_assert_str_eq(float_repr(&ctx, 1e-05), "1e-05");
  ck_assert_str_eq(float_repr(&ctx, 0.0001), "0.0001");
  ck_assert_str_eq(float_repr(&ctx, -0.0), "-0.0");
  ck_assert_str_eq(float_repr(&ctx, 1.0 / 3.0), "0.3333333333333333");
  ck_assert_str_eq(float_repr(&ctx, 5e-324), "5e-324");
  ck_assert_str_eq(float_repr(&ctx, 1.7976931348623157e308),
                   "1.7976931348623157e+308");
  ck_assert_str_eq(float_repr(&ctx, 1.0 / 0.0), "inf");
  ck_assert_str_eq(float_repr(&ctx, -1.0 / 0.0), "-inf");
  ck_assert_str_eq(float_repr(&ctx, -(0.0 / 0.0)), "nan");
  ck_assert_str_eq(float_repr(&ctx, 2.5e-7), "2.5e-07");
  rt_context_free(&ctx);
}
END_TEST

START_TEST(complex_repr_matches_python) {
  RtContext ctx;
  rt_context_init(&ctx, NULL, 1);
  double inf = 1.0 / 0.0, nan = -(inf - inf);
  ck_assert_str_eq(complex_repr(&ctx, 1, 2), "(1+2j)");
  ck_assert_str_eq(complex_repr(&ctx, 0, 2), "2j");
  ck_assert_str_eq(complex_repr(&ctx, -0.0, -1), "(-0-1j)");
  ck_assert_str_eq(complex_repr(&ctx, 0, 0), "0j");
  ck_assert_str_eq(complex_repr(&ctx, nan, inf), "(nan+infj)");
  ck_assert_str_eq(complex_repr(&ctx, 1.5, -0.0), "(1.5-0j)");
  ck_assert_str_eq(complex_repr(&ctx, 1e16, 1e-5), "(1e+16+1e-05j)");
  rt_context_free(&ctx);
}
END_TEST

START_TEST(print_pieces_make_one_line) {
  RtContext ctx;
  rt_context_init(&ctx, NULL, 1);
  rt_print_int(&ctx, -42);
  rt_print_sep(&ctx);
  rt_print_bool(&ctx, 1);
  rt_print_sep(&ctx);
  rt_print_none(&ctx);
  rt_print_sep(&ctx);
  rt_print_str(&ctx, "abc", 3);
  rt_print_end(&ctx, 1);
  rt_print_bool(&ctx, 0);
  rt_print_end(&ctx, 0);
  ck_assert_str_eq(output(&ctx), "-42 True None abc\nFalse");
  rt_context_free(&ctx);
}
END_TEST

START_TEST(lists_print_element_reprs) {
  RtContext ctx;
  rt_context_init(&ctx, NULL, 1);
  RtList *ints = rt_list_new(&ctx, 8, 3, 1);
  for (int i = 0; i < 3; i++)
    ((int64_t *)ints->data)[i] = i + 1;
  RtList *cs = rt_list_new(&ctx, 16, 2, 1);
  ((RtComplex *)cs->data)[0] = (RtComplex){0, 1};
  ((RtComplex *)cs->data)[1] = (RtComplex){1, -2};
  RtList *rows = rt_list_new(&ctx, 8, 2, 1);
  ((RtList **)rows->data)[0] = ints;
  ((RtList **)rows->data)[1] = rt_list_new(&ctx, 8, 0, 1);
  RtList *floats = rt_list_new(&ctx, 8, 2, 1);
  ((double *)floats->data)[0] = 1.0;
  ((double *)floats->data)[1] = 0.5;
  rt_print_list(&ctx, ints, TY_INT);
  rt_print_list(&ctx, cs, TY_COMPLEX);
  rt_print_list(&ctx, rows, TY_LIST | TY_INT << 4);
  rt_print_list(&ctx, floats, TY_FLOAT);
  ck_assert_str_eq(output(&ctx),
                   "[1, 2, 3][1j, (1-2j)][[1, 2, 3], []][1.0, 0.5]");
  rt_context_free(&ctx);
}
END_TEST

// `fmt % args` with int, float and str arguments as rt_str_format takes
// them; NULL when it raised.
static const char *format(RtContext *ctx, const char *fmt, const char *kinds,
                          ...) {
  int64_t vals[8];
  va_list ap;
  va_start(ap, kinds);
  int n = (int)strlen(kinds);
  for (int i = 0; i < n; i++) {
    if (kinds[i] == 'f') {
      double d = va_arg(ap, double);
      memcpy(&vals[i], &d, sizeof d);
    } else if (kinds[i] == 's') {
      const char *s = va_arg(ap, const char *);
      RtStr *str = rt_context_alloc(ctx, sizeof *str, 1);
      *str = (RtStr){(int64_t)strlen(s), (char *)s};
      memcpy(&vals[i], &str, sizeof str);
    } else {
      vals[i] = va_arg(ap, int64_t);
    }
  }
  va_end(ap);
  RtStr *r = rt_str_format(ctx, fmt, (int64_t)strlen(fmt), kinds, vals, n, 1);
  return r ? r->data : NULL;
}

START_TEST(format_matches_python_printf_style) {
  RtContext ctx;
  rt_context_init(&ctx, NULL, 1);
  ck_assert_str_eq(format(&ctx, "%0.2f%% complete", "f", 12.5),
                   "12.50% complete");
  ck_assert_str_eq(format(&ctx, "%d", "f", 3.99), "3");
  ck_assert_str_eq(format(&ctx, "%s", "f", 1e16), "1e+16");
  ck_assert_str_eq(format(&ctx, "%05d|%-5d|%+d", "iii", (int64_t)-3,
                          (int64_t)-3, (int64_t)3),
                   "-0003|-3   |+3");
  ck_assert_str_eq(format(&ctx, "%#x %#o %X", "iii", (int64_t)255,
                          (int64_t)8, (int64_t)255),
                   "0xff 0o10 FF");
  ck_assert_str_eq(format(&ctx, "%r %s", "ss", "a'b", "x"), "\"a'b\" x");
  ck_assert_str_eq(format(&ctx, "%05f", "f", 1.0 / 0.0), "00inf");
  ck_assert_str_eq(format(&ctx, "%*d|%-*.*f", "iiiif", (int64_t)5,
                          (int64_t)1, (int64_t)8, (int64_t)2, 3.14159),
                   "    1|3.14    ");
  rt_context_free(&ctx);
}
END_TEST

START_TEST(format_errors_are_pythons) {
  RtContext ctx;
  rt_context_init(&ctx, NULL, 1);
  ck_assert_ptr_null(format(&ctx, "%d %d", "i", (int64_t)1));
  ck_assert_int_eq(ctx.exc, RT_EXC_TYPE);
  ck_assert_str_eq(ctx.msg, "not enough arguments for format string");
  rt_context_free(&ctx);
  rt_context_init(&ctx, NULL, 1);
  ck_assert_ptr_null(format(&ctx, "%d", "ii", (int64_t)1, (int64_t)2));
  ck_assert_str_eq(ctx.msg,
                   "not all arguments converted during string formatting");
  rt_context_free(&ctx);
  rt_context_init(&ctx, NULL, 1);
  ck_assert_ptr_null(format(&ctx, "%y", "i", (int64_t)1));
  ck_assert_int_eq(ctx.exc, RT_EXC_VALUE);
  ck_assert_str_eq(ctx.msg, "unsupported format character 'y' (0x79) at "
                            "index 1");
  rt_context_free(&ctx);
}
END_TEST

// ---- --stdin mode ----------------------------------------------------------

// Splits s at tabs in place; returns the number of fields.
static int split_tabs(char *s, char **fields, int max) {
  int n = 0;
  fields[n++] = s;
  for (char *p = s; *p && n < max; p++) {
    if (*p == '\t') {
      *p = '\0';
      fields[n++] = p + 1;
    }
  }
  return n;
}

static void print_outcome(RtContext *ctx, const char *text) {
  if (ctx->exc)
    printf("E %s: %s\n", rt_exc_name(ctx->exc), ctx->msg);
  else
    printf("%s\n", text);
}

static void run_format_line(RtContext *ctx, char *line) {
  char *f[10] = {0};
  int n = split_tabs(line, f, 10);
  if (n < 3 || n - 3 > 8) {  // a malformed line of the generated input
    printf("E malformed input line\n");
    return;
  }
  int64_t vals[8];
  RtStr strs[8];
  int nargs = n - 3;
  for (int i = 0; i < nargs; i++) {
    char k = f[2][i];
    if (k == 'f') {
      double d = strtod(f[3 + i], NULL);
      memcpy(&vals[i], &d, sizeof d);
    } else if (k == 's') {
      strs[i] = (RtStr){(int64_t)strlen(f[3 + i]), f[3 + i]};
      RtStr *p = &strs[i];
      memcpy(&vals[i], &p, sizeof p);
    } else {
      vals[i] = strtoll(f[3 + i], NULL, 10);
    }
  }
  RtStr *r = rt_str_format(ctx, f[1], (int64_t)strlen(f[1]), f[2], vals,
                           nargs, 1);
  print_outcome(ctx, r ? r->data : "");
}

static int run_stdin(void) {
  char line[1024];
  while (fgets(line, sizeof line, stdin)) {
    line[strcspn(line, "\n")] = '\0';
    RtContext ctx;
    rt_context_init(&ctx, NULL, 1);
    double re, im;
    if (strncmp(line, "format\t", 7) == 0) {
      run_format_line(&ctx, line);
    } else if (sscanf(line, "complex %la %la", &re, &im) == 2) {
      print_outcome(&ctx, complex_repr(&ctx, re, im));
    } else if (sscanf(line, "repr %la", &re) == 1) {
      print_outcome(&ctx, float_repr(&ctx, re));
    } else {
      fprintf(stderr, "bad line: %s\n", line);
      return 2;
    }
    rt_context_free(&ctx);
  }
  return 0;
}

static Suite *pyprint_suite(void) {
  Suite *s = suite_create("pyprint");
  TCase *tc = tcase_create("core");
  tcase_add_test(tc, float_repr_is_shortest_round_trip);
  tcase_add_test(tc, complex_repr_matches_python);
  tcase_add_test(tc, print_pieces_make_one_line);
  tcase_add_test(tc, lists_print_element_reprs);
  tcase_add_test(tc, format_matches_python_printf_style);
  tcase_add_test(tc, format_errors_are_pythons);
  suite_add_tcase(s, tc);
  return s;
}

int main(int argc, char **argv) {
  if (argc == 2 && strcmp(argv[1], "--stdin") == 0)
    return run_stdin();
  SRunner *sr = srunner_create(pyprint_suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
