// library_test.c - runtime/library.c through include/mandelc.h only.
//
// Every expected value comes from CPython (python3 at test time) running
// the same Python text on the same arguments: results as exact tokens
// (float.hex(), ints in decimal), exceptions as class, message and line,
// the tutorial driver's sum from examples/pure_python3.py itself.
#include <check.h>
#include <inttypes.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "mandelc.h"

#ifndef MANDELC_SOURCE_DIR
#error "MANDELC_SOURCE_DIR: the source tree, for examples/"
#endif

static const mandelc_options no_cache = {.no_cache = true};

// ---- CPython, the oracle ---------------------------------------------------

// Runs `source`, then `tail` (Python statements printing the answer), in
// python3; its stdout (trailing newline dropped) into out.
static void python(const char *source, const char *tail, char *out,
                   size_t len) {
  char path[] = "/tmp/mandelc-library-test-XXXXXX";
  int fd = mkstemp(path);
  ck_assert_int_ge(fd, 0);
  FILE *f = fdopen(fd, "w");
  ck_assert_ptr_nonnull(f);
  fprintf(f, "%s\n%s\n", source, tail);
  fclose(f);
  char cmd[256];
  snprintf(cmd, sizeof cmd, "python3 %s", path);
  FILE *p = popen(cmd, "r");
  ck_assert_ptr_nonnull(p);
  size_t n = fread(out, 1, len - 1, p);
  out[n] = '\0';
  ck_assert_int_eq(pclose(p), 0);
  unlink(path);
  if (n && out[n - 1] == '\n')
    out[n - 1] = '\0';
}

// The next whitespace-separated token of *s as a double (Python's
// float.hex() or an int), exactly.
static double next_double(char **s) {
  char *end;
  double v = strtod(*s, &end);
  ck_assert_msg(end != *s, "no number in '%s'", *s);
  *s = end;
  return v;
}

static int64_t next_int(char **s) {
  char *end;
  long long v = strtoll(*s, &end, 10);
  ck_assert_msg(end != *s, "no int in '%s'", *s);
  *s = end;
  return v;
}

static bool same_double(double a, double b) {
  return memcmp(&a, &b, sizeof a) == 0;
}

// Python that prints a value as the tokens above: floats as hex, complex
// as two floats, lists element by element.
static const char *const printer =
    "def tokens(v):\n"
    "    if isinstance(v, list):\n"
    "        return ' '.join(tokens(x) for x in v)\n"
    "    if isinstance(v, bool):\n"
    "        return str(int(v))\n"
    "    if isinstance(v, complex):\n"
    "        return v.real.hex() + ' ' + v.imag.hex()\n"
    "    if isinstance(v, float):\n"
    "        return v.hex()\n"
    "    return str(v)\n";

static mandelc_kernel *compile_ok(const char *source) {
  mandelc_error err;
  mandelc_kernel *k = mandelc_compile(source, &no_cache, &err);
  ck_assert_msg(k != NULL, "%s:%d: %s: %s", err.file, err.line, err.kind,
                err.message);
  return k;
}

// Checks a mandelc value against CPython's tokens of `expr` after the
// statements `setup`.
static void check_value_after(const mandelc_value *v, const char *source,
                              const char *setup, const char *expr) {
  char tail[1024], out[8192];
  snprintf(tail, sizeof tail, "%s\n%s\nprint(tokens(%s))", printer, setup,
           expr);
  python(source, tail, out, sizeof out);
  char *s = out;
  if (v->kind == MANDELC_LIST) {
    for (int64_t i = 0; i < v->len; i++) {
      switch (v->elem) {
      case MANDELC_INT:
        ck_assert_int_eq(((int64_t *)v->data)[i], next_int(&s));
        break;
      case MANDELC_BOOL:
        ck_assert_int_eq(((uint8_t *)v->data)[i], next_int(&s));
        break;
      case MANDELC_FLOAT:
        ck_assert(same_double(((double *)v->data)[i], next_double(&s)));
        break;
      case MANDELC_COMPLEX: {
        mandelc_complex c = ((mandelc_complex *)v->data)[i];
        ck_assert(same_double(c.re, next_double(&s)));
        ck_assert(same_double(c.im, next_double(&s)));
        break;
      }
      default:
        ck_abort_msg("a list of kind %d", v->elem);
      }
    }
  } else if (v->kind == MANDELC_INT) {
    ck_assert_int_eq(v->scalar.i, next_int(&s));
  } else if (v->kind == MANDELC_BOOL) {
    ck_assert_int_eq(v->scalar.b, next_int(&s));
  } else if (v->kind == MANDELC_FLOAT) {
    ck_assert(same_double(v->scalar.f, next_double(&s)));
  } else if (v->kind == MANDELC_COMPLEX) {
    ck_assert(same_double(v->scalar.c.re, next_double(&s)));
    ck_assert(same_double(v->scalar.c.im, next_double(&s)));
  } else {
    ck_assert_str_eq(s, "None");
    return;
  }
  while (*s == ' ')
    s++;
  ck_assert_msg(*s == '\0', "CPython has more: '%s'", s);
}

static void check_value(const mandelc_value *v, const char *source,
                        const char *call) {
  check_value_after(v, source, "", call);
}

// ---- the tutorial's kernel: signature, a call, the driver ------------------

static const char *const tutorial =
    "def calculate_z_serial_purepython(maxiter, zs, cs):\n"
    "    output = [0] * len(zs)\n"
    "    for i in range(len(zs)):\n"
    "        n = 0\n"
    "        z = zs[i]\n"
    "        c = cs[i]\n"
    "        while abs(z) < 2 and n < maxiter:\n"
    "            z = z * z + c\n"
    "            n += 1\n"
    "        output[i] = n\n"
    "    return output\n";

START_TEST(signature_of_source_text) {
  mandelc_kernel *k = compile_ok(tutorial);
  ck_assert_str_eq(mandelc_kernel_name(k), "calculate_z_serial_purepython");
  ck_assert_int_eq(mandelc_kernel_nparams(k), 3);
  ck_assert_str_eq(mandelc_kernel_param_name(k, 0), "maxiter");
  ck_assert_str_eq(mandelc_kernel_param_name(k, 1), "zs");
  ck_assert_str_eq(mandelc_kernel_param_name(k, 2), "cs");
  ck_assert_str_eq(mandelc_kernel_param_type(k, 0), "int");
  ck_assert_str_eq(mandelc_kernel_param_type(k, 1), "list[complex]");
  ck_assert_str_eq(mandelc_kernel_param_type(k, 2), "list[complex]");
  ck_assert_ptr_null(mandelc_kernel_param_name(k, 3));
  ck_assert_ptr_null(mandelc_kernel_param_type(k, -1));
  ck_assert_str_eq(mandelc_kernel_result_type(k), "list[int]");
  mandelc_kernel_free(k);
}
END_TEST

START_TEST(call_the_tutorial_kernel) {
  mandelc_kernel *k = compile_ok(tutorial);
  mandelc_complex zs[40] = {{0}}, cs[40];
  for (int i = 0; i < 40; i++)
    cs[i] = (mandelc_complex){-2.0 + i * 0.0625, 0.5 - i * 0.03125};
  mandelc_value args[3] = {
      {.kind = MANDELC_INT, .scalar.i = 300},
      {.kind = MANDELC_LIST, .elem = MANDELC_COMPLEX, .data = zs, .len = 40},
      {.kind = MANDELC_LIST, .elem = MANDELC_COMPLEX, .data = cs, .len = 40}};
  mandelc_value r;
  mandelc_error err;
  ck_assert_msg(mandelc_call(k, args, 3, &r, &err), "%s: %s", err.kind,
                err.message);
  ck_assert_int_eq(r.kind, MANDELC_LIST);
  ck_assert_int_eq(r.elem, MANDELC_INT);
  ck_assert_int_eq(r.len, 40);
  check_value(&r, tutorial,
              "calculate_z_serial_purepython(300, [0j] * 40, "
              "[complex(-2.0 + i * 0.0625, 0.5 - i * 0.03125) "
              "for i in range(40)])");
  mandelc_free(r.data);
  mandelc_kernel_free(k);
}
END_TEST

// CPython's "Total sum of elements (for validation): N" of the tutorial's
// own program at W, MAXITER.
static void cpython_sum(int w, int maxiter, char *sum, size_t len) {
  char cmd[512];
  snprintf(cmd, sizeof cmd, "python3 %s/examples/pure_python3.py %d %d",
           MANDELC_SOURCE_DIR, w, maxiter);
  FILE *p = popen(cmd, "r");
  ck_assert_ptr_nonnull(p);
  char line[256];
  const char *tag = "Total sum of elements (for validation): ";
  sum[0] = '\0';
  while (fgets(line, sizeof line, p))
    if (strncmp(line, tag, strlen(tag)) == 0)
      snprintf(sum, len, "%.*s", (int)strcspn(line + strlen(tag), "\n"),
               line + strlen(tag));
  ck_assert_int_eq(pclose(p), 0);
  ck_assert_str_ne(sum, "");
}

START_TEST(compile_file_and_run_the_driver) {
  char path[512], want[48], sum[48];
  snprintf(path, sizeof path, "%s/examples/pure_python3.py",
           MANDELC_SOURCE_DIR);
  mandelc_error err;
  mandelc_kernel *k = mandelc_compile_file(path, &no_cache, &err);
  ck_assert_msg(k != NULL, "%s", err.message);
  ck_assert_str_eq(mandelc_kernel_name(k), "calculate_z_serial_purepython");
  int64_t points = 0;
  double seconds = -1;
  ck_assert_msg(mandelc_run_driver(k, 200, 200, sum, &points, &seconds,
                                   &err), "%s: %s", err.kind, err.message);
  cpython_sum(200, 200, want, sizeof want);
  ck_assert_str_eq(sum, want);
  ck_assert_int_eq(points, 101 * 100);
  ck_assert(seconds >= 0);
  // a second run on the same kernel gives the same
  ck_assert(mandelc_run_driver(k, 200, 200, sum, NULL, NULL, &err));
  ck_assert_str_eq(sum, want);
  ck_assert(!mandelc_run_driver(k, -5, 200, sum, NULL, NULL, &err));
  ck_assert_str_eq(err.kind, "ValueError");
  mandelc_kernel_free(k);
}
END_TEST

START_TEST(missing_file_is_an_oserror) {
  mandelc_error err;
  ck_assert_ptr_null(mandelc_compile_file("/nonexistent/k.py", NULL, &err));
  ck_assert_str_eq(err.kind, "OSError");
  ck_assert_ptr_nonnull(strstr(err.message, "/nonexistent/k.py"));
}
END_TEST

// ---- called with the annotations' types ------------------------------------

static const char *const mixed =
    "def mix(xs: list[float], ns: list[int], zs: list[complex],\n"
    "        bs: list[bool], k: float, n: int, c: complex,\n"
    "        flag: bool) -> float:\n"
    "    t = 0.0\n"
    "    for i in range(len(xs)):\n"
    "        if bs[i] or flag:\n"
    "            t += xs[i] * k + ns[i] * n + abs(zs[i] * c)\n"
    "    return t\n";

START_TEST(every_kind_of_argument) {
  mandelc_kernel *k = compile_ok(mixed);
  ck_assert_str_eq(mandelc_kernel_param_type(k, 3), "list[bool]");
  ck_assert_str_eq(mandelc_kernel_result_type(k), "float");
  double xs[3] = {0.1, 2.5, -3.75};
  int64_t ns[3] = {7, -2, 1 << 20};
  mandelc_complex zs[3] = {{0.5, 1.5}, {-1, 0.25}, {3, -4}};
  uint8_t bs[3] = {1, 0, 1};
  mandelc_value args[8] = {
      {.kind = MANDELC_LIST, .elem = MANDELC_FLOAT, .data = xs, .len = 3},
      {.kind = MANDELC_LIST, .elem = MANDELC_INT, .data = ns, .len = 3},
      {.kind = MANDELC_LIST, .elem = MANDELC_COMPLEX, .data = zs, .len = 3},
      {.kind = MANDELC_LIST, .elem = MANDELC_BOOL, .data = bs, .len = 3},
      {.kind = MANDELC_FLOAT, .scalar.f = 0.3},
      {.kind = MANDELC_INT, .scalar.i = 3},
      {.kind = MANDELC_COMPLEX, .scalar.c = {0.1, -0.7}},
      {.kind = MANDELC_BOOL, .scalar.b = false}};
  mandelc_value r;
  mandelc_error err;
  ck_assert_msg(mandelc_call(k, args, 8, &r, &err), "%s: %s", err.kind,
                err.message);
  ck_assert_int_eq(r.kind, MANDELC_FLOAT);
  check_value(&r, mixed,
              "mix([0.1, 2.5, -3.75], [7, -2, 1 << 20], [0.5+1.5j, -1+0.25j, "
              "3-4j], [True, False, True], 0.3, 3, 0.1-0.7j, False)");
  // Python's numeric tower: an int where a float goes, as CPython would
  args[4] = (mandelc_value){.kind = MANDELC_INT, .scalar.i = 2};
  args[7] = (mandelc_value){.kind = MANDELC_BOOL, .scalar.b = true};
  ck_assert(mandelc_call(k, args, 8, &r, &err));
  check_value(&r, mixed,
              "mix([0.1, 2.5, -3.75], [7, -2, 1 << 20], [0.5+1.5j, -1+0.25j, "
              "3-4j], [True, False, True], 2, 3, 0.1-0.7j, True)");
  mandelc_kernel_free(k);
}
END_TEST

// Each result kind, against CPython's value.
static void check_result(const char *source, mandelc_value *args, int n,
                         const char *call, mandelc_kind kind,
                         mandelc_kind elem) {
  mandelc_kernel *k = compile_ok(source);
  mandelc_value r;
  mandelc_error err;
  ck_assert_msg(mandelc_call(k, args, n, &r, &err), "%s: %s", err.kind,
                err.message);
  ck_assert_int_eq(r.kind, kind);
  if (kind == MANDELC_LIST)
    ck_assert_int_eq(r.elem, elem);
  check_value(&r, source, call);
  mandelc_free(r.data);
  mandelc_kernel_free(k);
}

START_TEST(every_kind_of_result) {
  double xs[4] = {1.5, -0.1, 1e300, 3.0};
  mandelc_value lf = {.kind = MANDELC_LIST, .elem = MANDELC_FLOAT,
                      .data = xs, .len = 4};
  mandelc_value three = {.kind = MANDELC_INT, .scalar.i = 3};
  check_result("def f(n: int) -> list[int]:\n"
               "    return [i * i - 5 for i in range(n)]\n",
               &three, 1, "f(3)", MANDELC_LIST, MANDELC_INT);
  check_result("def f(xs: list[float]) -> list[float]:\n"
               "    return [x / 3.0 for x in xs]\n",
               &lf, 1, "f([1.5, -0.1, 1e300, 3.0])", MANDELC_LIST,
               MANDELC_FLOAT);
  check_result("def f(xs: list[float]):\n"
               "    out = []\n"
               "    for x in xs:\n"
               "        out.append(complex(x, -x) * (0.5 + 2j))\n"
               "    return out\n",
               &lf, 1, "f([1.5, -0.1, 1e300, 3.0])", MANDELC_LIST,
               MANDELC_COMPLEX);
  check_result("def f(xs: list[float]) -> list[bool]:\n"
               "    return [x > 1.0 for x in xs]\n",
               &lf, 1, "f([1.5, -0.1, 1e300, 3.0])", MANDELC_LIST,
               MANDELC_BOOL);
  check_result("def f(n: int):\n"
               "    return n ** 5 // 7\n",
               &three, 1, "f(3)", MANDELC_INT, MANDELC_NONE);
  check_result("def f(xs: list[float]) -> float:\n"
               "    return sum(xs) / len(xs)\n",
               &lf, 1, "f([1.5, -0.1, 1e300, 3.0])", MANDELC_FLOAT,
               MANDELC_NONE);
  check_result("def f(n: int) -> complex:\n"
               "    return (1 + 2j) ** n / 3\n",
               &three, 1, "f(3)", MANDELC_COMPLEX, MANDELC_NONE);
  check_result("def f(n: int) -> bool:\n"
               "    return n % 2 == 1\n",
               &three, 1, "f(3)", MANDELC_BOOL, MANDELC_NONE);
  check_result("def f(n: int) -> None:\n"
               "    n += 1\n",
               &three, 1, "f(3)", MANDELC_NONE, MANDELC_NONE);
}
END_TEST

START_TEST(lists_changed_in_place) {
  const char *source = "def scale(xs: list[float], k: float) -> None:\n"
                       "    for i in range(len(xs)):\n"
                       "        xs[i] = xs[i] * k\n";
  mandelc_kernel *k = compile_ok(source);
  double xs[3] = {1.0, 0.1, -7.5};
  mandelc_value args[2] = {
      {.kind = MANDELC_LIST, .elem = MANDELC_FLOAT, .data = xs, .len = 3},
      {.kind = MANDELC_FLOAT, .scalar.f = 0.7}};
  mandelc_error err;
  ck_assert_msg(mandelc_call(k, args, 2, NULL, &err), "%s", err.message);
  ck_assert_ptr_eq(args[0].data, xs);  // same length: written back
  check_value_after(&args[0], source,
                    "xs = [1.0, 0.1, -7.5]\nscale(xs, 0.7)", "xs");
  mandelc_kernel_free(k);

  source = "def grow(ns: list[int], n: int) -> int:\n"
           "    for i in range(n):\n"
           "        ns.append(i * 10)\n"
           "    return len(ns)\n";
  k = compile_ok(source);
  int64_t ns[2] = {5, 6};
  mandelc_value gargs[2] = {
      {.kind = MANDELC_LIST, .elem = MANDELC_INT, .data = ns, .len = 2},
      {.kind = MANDELC_INT, .scalar.i = 3}};
  mandelc_value r;
  ck_assert(mandelc_call(k, gargs, 2, &r, &err));
  ck_assert_int_eq(r.scalar.i, 5);
  ck_assert_ptr_ne(gargs[0].data, ns);  // a new buffer, the caller's
  ck_assert_int_eq(ns[0], 5);           // the old one untouched
  check_value_after(&gargs[0], source, "ns = [5, 6]\ngrow(ns, 3)", "ns");
  mandelc_free(gargs[0].data);
  mandelc_kernel_free(k);

  // after an exception the lists are as they were passed
  k = compile_ok("def g(ns: list[int]) -> None:\n"
                 "    ns[0] = 99\n"
                 "    ns[5] = 1\n");
  gargs[0] = (mandelc_value){.kind = MANDELC_LIST, .elem = MANDELC_INT,
                             .data = ns, .len = 2};
  ck_assert(!mandelc_call(k, gargs, 1, NULL, &err));
  ck_assert_str_eq(err.kind, "IndexError");
  ck_assert_int_eq(ns[0], 5);
  mandelc_kernel_free(k);
}
END_TEST

START_TEST(prints_are_the_output) {
  const char *source = "def f(n: int) -> int:\n"
                       "    for i in range(n):\n"
                       "        print('step', i, i / 4)\n"
                       "    return n\n";
  mandelc_kernel *k = compile_ok(source);
  mandelc_value a = {.kind = MANDELC_INT, .scalar.i = 3};
  mandelc_error err;
  ck_assert(mandelc_call(k, &a, 1, NULL, &err));
  char want[256];
  python(source, "f(3)", want, sizeof want);
  size_t len;
  const char *out = mandelc_kernel_output(k, &len);
  ck_assert_int_eq(len, strlen(want) + 1);
  ck_assert_int_eq(memcmp(out, want, strlen(want)), 0);
  mandelc_kernel_free(k);
}
END_TEST

// ---- errors ----------------------------------------------------------------

START_TEST(a_python_exception_comes_back) {
  const char *source = "def f(xs: list[int], n: int) -> int:\n"
                       "    t = 0\n"
                       "    for x in xs:\n"
                       "        t += x // (x - n)\n"
                       "    return t\n";
  mandelc_options o = {.filename = "divide.py", .no_cache = true};
  mandelc_error err;
  mandelc_kernel *k = mandelc_compile(source, &o, &err);
  ck_assert_ptr_nonnull(k);
  int64_t xs[3] = {5, 4, 3};
  mandelc_value args[2] = {
      {.kind = MANDELC_LIST, .elem = MANDELC_INT, .data = xs, .len = 3},
      {.kind = MANDELC_INT, .scalar.i = 4}};
  mandelc_value r;
  ck_assert(!mandelc_call(k, args, 2, &r, &err));
  char want[512];
  python(source,
         "import sys, traceback\n"
         "try:\n    f([5, 4, 3], 4)\n"
         "except Exception as e:\n"
         "    tb = traceback.extract_tb(sys.exc_info()[2])[-1]\n"
         "    print(type(e).__name__, tb.lineno, str(e), sep='|')\n",
         want, sizeof want);
  char got[700];
  snprintf(got, sizeof got, "%s|%d|%s", err.kind, err.line, err.message);
  ck_assert_str_eq(got, want);
  ck_assert_str_eq(err.file, "divide.py");
  // the kernel is usable again after an exception
  args[1].scalar.i = 0;
  ck_assert(mandelc_call(k, args, 2, &r, &err));
  ck_assert_int_eq(r.scalar.i, 3);
  mandelc_kernel_free(k);
}
END_TEST

START_TEST(a_compile_error_has_its_line) {
  const char *source = "def f(n: int) -> int:\n"
                       "    x = 1\n"
                       "    x = 'text'\n"
                       "    return x\n";
  mandelc_options o = {.filename = "bad.py"};
  mandelc_error err;
  ck_assert_ptr_null(mandelc_compile(source, &o, &err));
  ck_assert_str_eq(err.kind, "CompileError");
  ck_assert_str_eq(err.file, "bad.py");
  ck_assert_int_eq(err.line, 3);
  ck_assert_int_gt(err.column, 0);
  ck_assert_str_ne(err.message, "");

  ck_assert_ptr_null(mandelc_compile("def f(:\n", NULL, &err));
  ck_assert_str_eq(err.kind, "CompileError");
  ck_assert_str_eq(err.file, "<string>");
  ck_assert_int_eq(err.line, 1);

  // no annotation and nothing the driver can bind: the called form's
  // reason
  ck_assert_ptr_null(mandelc_compile("def f(a, b):\n    return a\n", NULL,
                                     &err));
  ck_assert_str_eq(err.kind, "CompileError");
  ck_assert_str_ne(err.message, "");

  mandelc_options bad = {.target = "gpu"};
  ck_assert_ptr_null(mandelc_compile(tutorial, &bad, &err));
  ck_assert_str_eq(err.kind, "ValueError");
}
END_TEST

START_TEST(cuda_without_a_gpu_is_an_error_value) {
  mandelc_options o = {.target = "cuda", .no_cache = true};
  mandelc_error err;
  mandelc_kernel *k = mandelc_compile(tutorial, &o, &err);
  if (k) {  // a machine with a GPU: the driver runs there
    char sum[48];
    ck_assert_msg(mandelc_run_driver(k, 100, 30, sum, NULL, NULL, &err),
                  "%s", err.message);
    char want[48];
    cpython_sum(100, 30, want, sizeof want);
    ck_assert_str_eq(sum, want);
    mandelc_kernel_free(k);
    return;
  }
  ck_assert_str_eq(err.kind, "RuntimeError");
  ck_assert_ptr_nonnull(strstr(err.message, "cuda"));
}
END_TEST

START_TEST(bad_arguments_are_type_errors) {
  const char *source = "def f(a: int, xs: list[float], c: complex) -> int:\n"
                       "    return a\n";
  mandelc_kernel *k = compile_ok(source);
  double xs[1] = {1};
  mandelc_value args[4] = {
      {.kind = MANDELC_INT, .scalar.i = 1},
      {.kind = MANDELC_LIST, .elem = MANDELC_FLOAT, .data = xs, .len = 1},
      {.kind = MANDELC_COMPLEX},
      {.kind = MANDELC_INT}};
  mandelc_error err;
  mandelc_value r;
  char want[256], got[700];
  // too many, too few: CPython's words
  ck_assert(!mandelc_call(k, args, 4, &r, &err));
  python(source, "try:\n    f(1, [1.0], 0j, 0)\n"
         "except TypeError as e:\n    print(e)", want, sizeof want);
  snprintf(got, sizeof got, "%s", err.message);
  ck_assert_str_eq(err.kind, "TypeError");
  ck_assert_str_eq(got, want);
  ck_assert(!mandelc_call(k, args, 1, &r, &err));
  python(source, "try:\n    f(1)\n"
         "except TypeError as e:\n    print(e)", want, sizeof want);
  ck_assert_str_eq(err.message, want);
  ck_assert(!mandelc_call(k, args, 0, &r, &err));
  python(source, "try:\n    f()\n"
         "except TypeError as e:\n    print(e)", want, sizeof want);
  ck_assert_str_eq(err.message, want);
  // wrong kinds
  args[1].elem = MANDELC_INT;
  ck_assert(!mandelc_call(k, args, 3, &r, &err));
  ck_assert_str_eq(err.kind, "TypeError");
  ck_assert_str_eq(err.message,
                   "f() argument 'xs' must be list[float], not list[int]");
  args[1].elem = MANDELC_FLOAT;
  args[0].kind = MANDELC_FLOAT;
  ck_assert(!mandelc_call(k, args, 3, &r, &err));
  ck_assert_str_eq(err.message, "f() argument 'a' must be int, not float");
  args[0].kind = MANDELC_INT;
  args[1] = (mandelc_value){.kind = MANDELC_LIST, .elem = MANDELC_FLOAT,
                            .len = 3};  // no buffer
  ck_assert(!mandelc_call(k, args, 3, &r, &err));
  ck_assert_str_eq(err.kind, "TypeError");
  mandelc_kernel_free(k);

  // a nested list is refused, clearly, before the call
  k = compile_ok("def g(rows: list[list[int]]) -> int:\n"
                 "    return len(rows)\n");
  ck_assert(!mandelc_call(k, args, 1, &r, &err));
  ck_assert_str_eq(err.kind, "TypeError");
  ck_assert_ptr_nonnull(strstr(err.message, "nested lists"));
  mandelc_kernel_free(k);
}
END_TEST

// ---- --emit ----------------------------------------------------------------

START_TEST(emit_stages) {
  mandelc_error err;
  char *text = mandelc_emit(tutorial, "types", NULL, &err);
  ck_assert_msg(text != NULL, "%s", err.message);
  ck_assert_ptr_nonnull(strstr(text, "calculate_z_serial_purepython"));
  mandelc_free(text);
  text = mandelc_emit(tutorial, "llvm", NULL, &err);
  ck_assert_ptr_nonnull(text);
  ck_assert_ptr_nonnull(strstr(text, "define"));
  mandelc_free(text);
  text = mandelc_emit(tutorial, "tokens", NULL, &err);
  ck_assert_ptr_nonnull(text);
  ck_assert_ptr_nonnull(strstr(text, "maxiter"));
  mandelc_free(text);
  text = mandelc_emit(tutorial, "cuda", NULL, &err);
  ck_assert_msg(text != NULL, "%s", err.message);
  ck_assert_ptr_nonnull(strstr(text, "__global__"));
  mandelc_free(text);
  ck_assert_ptr_null(mandelc_emit(tutorial, "nothing", NULL, &err));
  ck_assert_str_eq(err.kind, "ValueError");
  ck_assert_ptr_null(mandelc_emit("def f(:\n", "ast", NULL, &err));
  ck_assert_str_eq(err.kind, "CompileError");
}
END_TEST

// ---- threads ---------------------------------------------------------------

static double seconds_now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

typedef struct {
  mandelc_kernel *k;
  bool ok;
  mandelc_error err;
  double ended;
} Run;

static void *run_long(void *arg) {
  Run *r = arg;
  char sum[48];
  r->ok = mandelc_run_driver(r->k, 400, 3000000, sum, NULL, NULL, &r->err);
  r->ended = seconds_now();
  return NULL;
}

// A point kernel's driver runs in blocks of points; a cancel stops it at
// the next block. With 3e6 iterations the whole run takes minutes.
START_TEST(cancel_from_another_thread) {
  const char *source = "def mandel(c: complex, maxiter: int):\n"
                       "    z = 0j\n"
                       "    for n in range(maxiter):\n"
                       "        z = z * z + c\n"
                       "        if abs(z) > 2.0:\n"
                       "            return n\n"
                       "    return maxiter\n";
  mandelc_kernel *k = compile_ok(source);
  Run r = {.k = k};
  pthread_t t;
  ck_assert_int_eq(pthread_create(&t, NULL, run_long, &r), 0);
  usleep(300000);
  double cancelled = seconds_now();
  mandelc_cancel(k);
  pthread_join(t, NULL);
  ck_assert(!r.ok);
  ck_assert_str_eq(r.err.kind, "KeyboardInterrupt");
  ck_assert_msg(r.ended - cancelled < 10.0, "stopped %.1f s after",
                r.ended - cancelled);
  // the kernel runs again afterwards
  mandelc_value args[2] = {{.kind = MANDELC_COMPLEX, .scalar.c = {0.3, 0.5}},
                           {.kind = MANDELC_INT, .scalar.i = 30}},
                v;
  ck_assert(mandelc_call(k, args, 2, &v, &r.err));
  check_value(&v, source, "mandel(0.3+0.5j, 30)");
  mandelc_kernel_free(k);
}
END_TEST

typedef struct {
  mandelc_kernel *k;
  mandelc_value args[2];
  mandelc_value result;
  bool ok;
  mandelc_error err;
  double ended;
} Call;

static void *call_long(void *arg) {
  Call *c = arg;
  c->ok = mandelc_call(c->k, c->args, 2, &c->result, &c->err);
  c->ended = seconds_now();
  return NULL;
}

// A serial loop stops at the head of an iteration that runs a loop (each
// point's escape loop here): 10^7 points of 10^5 iterations never end.
START_TEST(cancel_a_serial_loop) {
  const char *source = "def spin(n: int, maxiter: int) -> int:\n"
                       "    t = 0\n"
                       "    for i in range(n):\n"
                       "        z = 0j\n"
                       "        c = complex(0.0, i * 1e-9)\n"
                       "        k = 0\n"
                       "        while k < maxiter and abs(z) < 2.0:\n"
                       "            z = z * z + c\n"
                       "            k += 1\n"
                       "        t += k\n"
                       "    return t\n";
  mandelc_kernel *k = compile_ok(source);
  Call c = {.k = k,
            .args = {{.kind = MANDELC_INT, .scalar.i = 10000000},
                     {.kind = MANDELC_INT, .scalar.i = 100000}}};
  pthread_t t;
  ck_assert_int_eq(pthread_create(&t, NULL, call_long, &c), 0);
  usleep(300000);
  double cancelled = seconds_now();
  mandelc_cancel(k);
  pthread_join(t, NULL);
  ck_assert(!c.ok);
  ck_assert_str_eq(c.err.kind, "KeyboardInterrupt");
  ck_assert_msg(c.ended - cancelled < 2.0, "stopped %.1f s after",
                c.ended - cancelled);
  // and it runs to its end when not cancelled
  c.args[0].scalar.i = 30;
  c.args[1].scalar.i = 50;
  ck_assert(mandelc_call(k, c.args, 2, &c.result, &c.err));
  check_value(&c.result, source, "spin(30, 50)");
  mandelc_kernel_free(k);
}
END_TEST

typedef struct {
  const char *source;
  const char *call;   // the same call in Python
  int64_t n;
  double out[64];
  bool ok;
  char message[512];
} Job;

// Compiles and calls one kernel many times, alone in its thread.
static void *compile_and_run(void *arg) {
  Job *j = arg;
  mandelc_options o = {.no_cache = true, .threads = 2};
  mandelc_error err;
  j->ok = false;
  for (int round = 0; round < 3; round++) {
    mandelc_kernel *k = mandelc_compile(j->source, &o, &err);
    if (!k) {
      snprintf(j->message, sizeof j->message, "%s", err.message);
      return NULL;
    }
    mandelc_value a = {.kind = MANDELC_INT, .scalar.i = j->n}, r;
    for (int i = 0; i < 20; i++) {
      if (!mandelc_call(k, &a, 1, &r, &err)) {
        snprintf(j->message, sizeof j->message, "%s", err.message);
        mandelc_kernel_free(k);
        return NULL;
      }
      memcpy(j->out, r.data, sizeof(double) * (size_t)r.len);
      mandelc_free(r.data);
    }
    mandelc_kernel_free(k);
  }
  j->ok = true;
  return NULL;
}

START_TEST(two_threads_two_kernels) {
  Job jobs[2] = {
      {.source = "def a(n: int) -> list[float]:\n"
                 "    return [(i * 0.1) ** 0.5 for i in range(n)]\n",
       .call = "a(64)", .n = 64},
      {.source = "def b(n: int) -> list[float]:\n"
                 "    out = []\n"
                 "    z = 0.3 + 0.2j\n"
                 "    for i in range(n):\n"
                 "        z = z * z + (0.1 - 0.6j)\n"
                 "        out.append(abs(z) / (i + 1))\n"
                 "    return out\n",
       .call = "b(64)", .n = 64}};
  pthread_t t[2];
  for (int i = 0; i < 2; i++)
    ck_assert_int_eq(pthread_create(&t[i], NULL, compile_and_run, &jobs[i]),
                     0);
  for (int i = 0; i < 2; i++)
    pthread_join(t[i], NULL);
  for (int i = 0; i < 2; i++) {
    ck_assert_msg(jobs[i].ok, "%s", jobs[i].message);
    mandelc_value v = {.kind = MANDELC_LIST, .elem = MANDELC_FLOAT,
                       .data = jobs[i].out, .len = jobs[i].n};
    check_value(&v, jobs[i].source, jobs[i].call);
  }
}
END_TEST

START_TEST(version) {
  char want[32];
  snprintf(want, sizeof want, "%d.%d.", MANDELC_VERSION_MAJOR,
           MANDELC_VERSION_MINOR);
  ck_assert_int_eq(strncmp(mandelc_version(), want, strlen(want)), 0);
}
END_TEST

static Suite *library_suite(void) {
  Suite *s = suite_create("library");
  TCase *tc = tcase_create("api");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, signature_of_source_text);
  tcase_add_test(tc, call_the_tutorial_kernel);
  tcase_add_test(tc, compile_file_and_run_the_driver);
  tcase_add_test(tc, missing_file_is_an_oserror);
  tcase_add_test(tc, every_kind_of_argument);
  tcase_add_test(tc, every_kind_of_result);
  tcase_add_test(tc, lists_changed_in_place);
  tcase_add_test(tc, prints_are_the_output);
  tcase_add_test(tc, a_python_exception_comes_back);
  tcase_add_test(tc, a_compile_error_has_its_line);
  tcase_add_test(tc, cuda_without_a_gpu_is_an_error_value);
  tcase_add_test(tc, bad_arguments_are_type_errors);
  tcase_add_test(tc, emit_stages);
  tcase_add_test(tc, cancel_from_another_thread);
  tcase_add_test(tc, cancel_a_serial_loop);
  tcase_add_test(tc, two_threads_two_kernels);
  tcase_add_test(tc, version);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  SRunner *sr = srunner_create(library_suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
