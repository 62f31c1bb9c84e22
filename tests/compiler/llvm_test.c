// llvm_test.c - tests of compiler/llvm.c (and runtime/jit.c under it).
//
// Each numeric test compiles a small function `f` from Python source
// through lex -> parse -> infer -> llvm -> JIT and calls it directly
// (through rt_ffi_call) with chosen arguments; CPython runs the very same
// source on the same arguments (python3 -c, at test time) and both results
// are reduced to one canonical line: the bits of every float, the int, or
// `E:ExceptionName:LINE:message`. The lines must be equal, so CPython is
// the oracle for values, exception types, messages and line numbers.
//
// A point-form kernel `kernel(x, y, maxiter)` calling f fixes f's parameter
// types: argument kinds i (int, from maxiter), f (float, from x), c
// (complex(x, y)) and b (bool, maxiter > 0).
#include <check.h>
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../runtime/runtime.h"

// ---- compiling --------------------------------------------------------------

typedef struct {
  Arena *a;
  Diag d;
  Program *p;
  LlvmUnit *u;
  RtJit *jit;
  char *ir;  // llvm_emit_ir after optimisation
} Compiled;

// Compiles src with `kernel` as the kernel; fails the test on any error.
static void compile(Compiled *c, const char *src, bool parallel) {
  memset(c, 0, sizeof *c);
  c->a = arena_new();
  size_t len = strlen(src);
  diag_init(&c->d, "kernel.py", src, len, stderr);
  Token *toks = lex_source(c->a, &c->d, "kernel.py", src, len);
  ck_assert_ptr_nonnull(toks);
  Node *mod = parse_module(c->a, &c->d, toks);
  ck_assert_ptr_nonnull(mod);
  KernelChoice choice;
  ck_assert(select_kernel(&c->d, mod, "kernel", &choice));
  c->p = infer_program(c->a, &c->d, mod, &choice);
  ck_assert_ptr_nonnull(c->p);
  if (parallel) {
    const char *why = NULL;
    Node *where = NULL;
    ck_assert_msg(parallel_mark(c->p, &why, &where), "not parallel: %s",
                  why ? why : "?");
  }
  CompileOptions opt = {.simd = true, .opt_level = 3};
  c->u = llvm_lower(c->a, &c->d, c->p, &opt);
  ck_assert_ptr_nonnull(c->u);
  ck_assert(llvm_optimize(c->u, &c->d, &opt));
  c->ir = llvm_emit_ir(c->u, c->a);
  c->jit = rt_jit_new(&c->d, c->u);
  ck_assert_ptr_nonnull(c->jit);
}

static void dispose(Compiled *c) {
  rt_jit_free(c->jit);
  llvm_dispose(c->u);
  arena_free(c->a);
}

static const Func *find_func(const Program *p, const char *name) {
  for (int i = 0; i < p->funcs.len; i++) {
    const Func *f = p->funcs.data[i];
    if (!strcmp(f->name, name))
      return f;
  }
  ck_abort_msg("no function %s", name);
  return NULL;
}

// ---- canonical results ------------------------------------------------------

static int64_t bits(double x) {
  int64_t b;
  memcpy(&b, &x, sizeof b);
  return b;
}

static const char *const exc_names[] = {
#define X(name, pyname) pyname,
    RT_EXCEPTIONS(X)
#undef X
};

static void canon_value(char *out, size_t n, const Type *t, const void *v) {
  switch (t->kind) {
  case TY_INT: snprintf(out, n, "i:%" PRId64, *(const int64_t *)v); break;
  case TY_BOOL: snprintf(out, n, "b:%d", *(const uint8_t *)v); break;
  case TY_FLOAT:
    snprintf(out, n, "f:%" PRId64, bits(*(const double *)v));
    break;
  case TY_COMPLEX: {
    const RtComplex *z = v;
    snprintf(out, n, "c:%" PRId64 ",%" PRId64, bits(z->re), bits(z->im));
    break;
  }
  default: snprintf(out, n, "none"); break;
  }
}

// One argument of a test call: its kind letter and value.
typedef struct {
  char kind;  // i, f, c, b
  int64_t i;
  double re, im;
} Arg;

static Arg I(int64_t v) { return (Arg){.kind = 'i', .i = v}; }
static Arg F(double v) { return (Arg){.kind = 'f', .re = v}; }
static Arg C(double re, double im) {
  return (Arg){.kind = 'c', .re = re, .im = im};
}

// The argument as a Python expression (floats exactly, via float.fromhex).
static void py_arg(char *out, size_t n, const Arg *a) {
  switch (a->kind) {
  case 'i': snprintf(out, n, "%" PRId64, a->i); break;
  case 'b': snprintf(out, n, "%s", a->i ? "True" : "False"); break;
  case 'f': snprintf(out, n, "float.fromhex('%a')", a->re); break;
  default:
    snprintf(out, n, "complex(float.fromhex('%a'), float.fromhex('%a'))",
             a->re, a->im);
  }
}

static const char *const py_prelude =
    "import struct, traceback, sys\n"
    "def bits(x): return struct.unpack('<q', struct.pack('<d', x))[0]\n"
    "def canon(r, k):\n"
    "  if k == 'f': return 'f:%d' % bits(float(r))\n"
    "  if k == 'c': r = complex(r); return 'c:%d,%d' % (bits(r.real), "
    "bits(r.imag))\n"
    "  if k == 'b': return 'b:%d' % r\n"
    "  if k == 'i': return 'i:%d' % r\n"
    "  return 'none'\n";

// CPython's canonical result of f(args) for the source in src.
static void python_result(char *out, size_t n, const char *src,
                          const Arg *args, int nargs, char retkind) {
  char path[] = "/tmp/llvm_test_XXXXXX";
  int fd = mkstemp(path);
  ck_assert_int_ge(fd, 0);
  FILE *f = fdopen(fd, "w");
  fprintf(f, "%ssrc = %s\n", py_prelude, "open(__file__ + '.src').read()");
  fprintf(f, "g = {}\nexec(compile(src, 'kernel.py', 'exec'), g)\ntry:\n");
  fprintf(f, "  print(canon(g['f'](");
  for (int i = 0; i < nargs; i++) {
    char a[160];
    py_arg(a, sizeof a, &args[i]);
    fprintf(f, "%s%s", i ? ", " : "", a);
  }
  fprintf(f, "), '%c'))\nexcept Exception as e:\n", retkind);
  fprintf(f, "  tb = traceback.extract_tb(e.__traceback__)[-1]\n"
             "  print('E:%%s:%%d:%%s' %% (type(e).__name__, tb.lineno, e))\n");
  fclose(f);
  char srcpath[64];
  snprintf(srcpath, sizeof srcpath, "%s.src", path);
  FILE *s = fopen(srcpath, "w");
  fputs(src, s);
  fclose(s);
  char cmd[128];
  snprintf(cmd, sizeof cmd, "python3 %s", path);
  FILE *p = popen(cmd, "r");
  ck_assert_ptr_nonnull(p);
  ck_assert_ptr_nonnull(fgets(out, (int)n, p));
  out[strcspn(out, "\n")] = 0;
  pclose(p);
  remove(path);
  remove(srcpath);
}

static char kind_letter(const Type *t) {
  switch (t->kind) {
  case TY_INT: return 'i';
  case TY_FLOAT: return 'f';
  case TY_COMPLEX: return 'c';
  case TY_BOOL: return 'b';
  default: return 'n';
  }
}

// The compiled f's canonical result for args.
static void compiled_result(char *out, size_t n, Compiled *c,
                            const Arg *args, int nargs) {
  const Func *f = find_func(c->p, "f");
  ck_assert_int_eq(f->nparams, nargs);
  void *fn = rt_jit_lookup(c->jit, "f");
  ck_assert_ptr_nonnull(fn);
  void *argp[8];
  RtComplex z[8];
  uint8_t b[8];
  for (int i = 0; i < nargs; i++) {
    switch (args[i].kind) {
    case 'i': argp[i] = (void *)&args[i].i; break;
    case 'f': argp[i] = (void *)&args[i].re; break;
    case 'b':
      b[i] = (uint8_t)args[i].i;
      argp[i] = &b[i];
      break;
    default:
      z[i] = (RtComplex){args[i].re, args[i].im};
      argp[i] = &z[i];
    }
  }
  RtContext ctx;
  rt_context_init(&ctx, NULL, 1);
  union {
    int64_t i;
    double d;
    uint8_t b;
    RtComplex z;
  } ret = {0};
  rt_ffi_call(f, fn, &ctx, argp, &ret);
  if (ctx.exc != RT_EXC_NONE)
    snprintf(out, n, "E:%s:%d:%s", exc_names[ctx.exc], ctx.line, ctx.msg);
  else
    canon_value(out, n, f->ret, &ret);
  rt_context_free(&ctx);
}

// The kernel that gives f's parameters the kinds of args.
static char *with_kernel(const char *body, const Arg *args, int nargs) {
  static const char *const exprs[] = {['i'] = "maxiter", ['f'] = "x",
                                      ['c'] = "complex(x, y)",
                                      ['b'] = "maxiter > 0"};
  size_t cap = strlen(body) + 400;
  char *src = malloc(cap);
  int len = snprintf(src, cap, "%s\ndef kernel(x, y, maxiter):\n    f(", body);
  for (int i = 0; i < nargs; i++)
    len += snprintf(src + len, cap - (size_t)len, "%s%s", i ? ", " : "",
                    exprs[(int)args[i].kind]);
  snprintf(src + len, cap - (size_t)len, ")\n    return 0\n");
  return src;
}

// False for CPython's int results that need more than 64 bits.
static bool fits_int64(const char *canon) {
  if (strncmp(canon, "i:", 2))
    return true;
  errno = 0;
  strtoll(canon + 2, NULL, 10);
  return errno != ERANGE;
}

// Asserts that CPython and the compiled code agree on f(args) for each row
// of a table of calls sharing one source.
static void agree_rows(const char *body, int nargs, const Arg *rows,
                       int nrows) {
  char *src = with_kernel(body, rows, nargs);
  Compiled c;
  compile(&c, src, false);
  const Func *f = find_func(c.p, "f");
  for (int r = 0; r < nrows; r++) {
    const Arg *args = rows + r * nargs;
    char want[256], got[256];
    python_result(want, sizeof want, src, args, nargs, kind_letter(f->ret));
    compiled_result(got, sizeof got, &c, args, nargs);
    char a[160];
    py_arg(a, sizeof a, &args[0]);
    if (!fits_int64(want)) {
      // CPython's ints are unbounded; ours must raise, never wrap.
      ck_assert_msg(!strncmp(got, "E:OverflowError:", 16),
                    "f(%s, ...) of\n%s\nCPython: %s (beyond 64 bits)\n"
                    "ours: %s", a, body, want, got);
      continue;
    }
    ck_assert_msg(!strcmp(want, got),
                  "f(%s, ...) of\n%s\nCPython: %s\nours: %s", a, body, want,
                  got);
  }
  dispose(&c);
  free(src);
}

#define AGREE(body, nargs, ...)                                   \
  do {                                                            \
    const Arg rows_[] = {__VA_ARGS__};                            \
    agree_rows(body, nargs, rows_, (int)(sizeof rows_ / sizeof *rows_ / \
                                         (nargs)));               \
  } while (0)

// ---- int arithmetic ---------------------------------------------------------

static const char *const src_floordiv =
    "def f(a, b):\n"
    "    return a // b\n";
static const char *const src_mod =
    "def f(a, b):\n"
    "    return a % b\n";

START_TEST(int_floor_division_rounds_toward_minus_infinity) {
  AGREE(src_floordiv, 2, I(7), I(2), I(-7), I(2), I(7), I(-2), I(-7), I(-2),
        I(0), I(-3), I(INT64_MIN), I(1), I(INT64_MIN), I(-1), I(5), I(0),
        I(INT64_MIN), I(INT64_MAX));
}
END_TEST

START_TEST(int_modulo_takes_the_divisor_sign) {
  AGREE(src_mod, 2, I(7), I(2), I(-7), I(2), I(7), I(-2), I(-7), I(-2),
        I(INT64_MIN), I(-1), I(INT64_MIN), I(3), I(5), I(0), I(-6), I(3));
}
END_TEST

START_TEST(int_overflow_raises_overflow_error) {
  // CPython's ints never overflow; ours raise where 64 bits end. Inside
  // the range both must agree; outside, ours must raise, never wrap.
  const char *src = "def f(a, b):\n    return a * b + a - b\n";
  AGREE(src, 2, I(3), I(4), I(-5), I(1000000007), I(-1), I(0));
  Arg over[] = {I(INT64_MAX), I(2)};
  char *s = with_kernel(src, over, 2);
  Compiled c;
  compile(&c, s, false);
  char got[256];
  compiled_result(got, sizeof got, &c, over, 2);
  ck_assert_str_eq(got, "E:OverflowError:2:int result does not fit in 64 "
                        "bits");
  Arg neg[] = {I(INT64_MIN), I(0)};
  dispose(&c);
  free(s);
  const char *src_neg = "def f(a, b):\n    return -a\n";
  s = with_kernel(src_neg, neg, 2);
  compile(&c, s, false);
  compiled_result(got, sizeof got, &c, neg, 2);
  ck_assert_str_eq(got, "E:OverflowError:2:int result does not fit in 64 "
                        "bits");
  dispose(&c);
  free(s);
}
END_TEST

START_TEST(int_shifts_check_their_count) {
  const char *src = "def f(a, b):\n    return (a << b) + (a >> b)\n";
  AGREE(src, 2, I(1), I(3), I(-5), I(2), I(123456), I(0), I(7), I(-1),
        I(-7), I(100), I(0), I(200));
}
END_TEST

START_TEST(int_true_division_gives_float) {
  const char *src = "def f(a, b):\n    return a / b\n";
  AGREE(src, 2, I(1), I(3), I(-7), I(2), I(1), I(0), I(0), I(-5));
}
END_TEST

START_TEST(int_power_and_abs) {
  const char *src = "def f(a, b):\n    return abs(a) + pow(b, 3)\n";
  AGREE(src, 2, I(-4), I(5), I(7), I(-3), I(0), I(0));
}
END_TEST

// ---- float arithmetic -------------------------------------------------------

START_TEST(float_division_by_zero_raises) {
  AGREE("def f(a, b):\n    return a / b\n", 2, F(1), F(0), F(1), F(-0.0),
        F(1), F(3), F(-0.0), F(INFINITY), F(NAN), F(2));
}
END_TEST

START_TEST(float_floor_division_and_modulo_follow_cpython) {
  AGREE("def f(a, b):\n    return a // b\n", 2, F(7.5), F(-2), F(-7.5),
        F(2), F(1), F(0), F(-0.0), F(5), F(1e308), F(1e-308), F(INFINITY),
        F(3), F(5), F(INFINITY));
  AGREE("def f(a, b):\n    return a % b\n", 2, F(7.5), F(-2), F(-7.5), F(2),
        F(-0.0), F(5), F(0.0), F(-5), F(1), F(0), F(-1e-300), F(1e300),
        F(3), F(INFINITY));
}
END_TEST

START_TEST(float_ops_keep_signed_zeros_inf_and_nan) {
  AGREE("def f(a, b):\n    return (a * b - a) + b * 0.1\n", 2, F(-0.0),
        F(0.0), F(INFINITY), F(0.0), F(NAN), F(1), F(1e308), F(10),
        F(0.1), F(0.2));
}
END_TEST

START_TEST(float_power_of_huge_exponents) {
  AGREE("def f(a, b):\n    return a ** b\n", 2, F(2), F(1023), F(2),
        F(1024), F(-8), F(3), F(0), F(-1), F(10), F(-400), F(-1),
        F(1e300), F(-0.0), F(-3), F(NAN), F(0), F(1), F(NAN));
}
END_TEST

START_TEST(float_to_int_conversions_raise_like_cpython) {
  const char *src = "import math\n"
                    "def f(a, b):\n"
                    "    return int(a) + math.floor(b) + math.ceil(b)\n";
  AGREE(src, 2, F(2.7), F(-2.5), F(-2.7), F(1e18), F(NAN), F(1),
        F(1), F(INFINITY), F(1e19), F(0), F(-9.2233720368547758e18), F(0));
}
END_TEST

START_TEST(math_sqrt_is_exact_and_checks_its_domain) {
  const char *src = "import math\n"
                    "def f(a, b):\n"
                    "    return math.sqrt(a) + math.fabs(b)\n";
  AGREE(src, 2, F(2), F(-3), F(-0.0), F(0), F(-1), F(0), F(INFINITY),
        F(1), F(1e-310), F(-1e-310));
}
END_TEST

// ---- complex arithmetic -----------------------------------------------------

START_TEST(complex_arithmetic_is_bit_exact) {
  const char *src = "def f(a, b):\n    return a * b + a - b * b\n";
  AGREE(src, 2, C(0.1, 0.2), C(-0.3, 0.7), C(1e308, 1e308), C(2, 2),
        C(-0.0, 0.0), C(0.0, -0.0), C(INFINITY, 1), C(1, NAN),
        C(-2.13, 1.3), C(-2.13, 1.3), C(1.0 / 3, -2.0 / 3), C(3, 1e-300));
}
END_TEST

START_TEST(complex_division_and_power) {
  AGREE("def f(a, b):\n    return a / b\n", 2, C(1, 2), C(3, -4),
        C(1, 1), C(0, 0), C(1e300, 1e300), C(1e-300, 1e300));
  AGREE("def f(a, b):\n    return a ** b\n", 2, C(1, 2), I(3),
        C(0.5, -0.25), I(-2), C(0, 0), I(-1), C(1.1, 0.1), I(101));
  AGREE("def f(a, b):\n    return a ** b\n", 2, C(1, 2), C(0.5, 0.5),
        C(0, 0), C(-1, 0));
}
END_TEST

// abs(z) compared with a constant takes the x*x + y*y fast path; these
// points sit on either side of |z| = 2 within an ulp, where only the
// exact hypot decides, plus one whose hypot overflows.
START_TEST(abs_compare_fast_path_matches_hypot) {
  const char *src = "def f(a, b):\n"
                    "    if abs(a) > 2.0:\n"
                    "        return 1\n"
                    "    if abs(a) <= 2:\n"
                    "        return 2\n"
                    "    return 3\n";
  double s = sqrt(2.0);
  AGREE(src, 2, C(2, 0), I(0), C(nextafter(2, 3), 0), I(0),
        C(s, s), I(0), C(nextafter(s, 2), s), I(0), C(nextafter(s, 1), s),
        I(0), C(1.2, 1.6), I(0), C(1.2, nextafter(1.6, 2)), I(0),
        C(1e308, 1e308), I(0), C(NAN, 0), I(0), C(INFINITY, NAN), I(0),
        C(0.5, 0.5), I(0), C(3, 4), I(0));
}
END_TEST

START_TEST(complex_parts_and_conjugate) {
  AGREE("def f(a, b):\n    return a.conjugate() * b.real - b.imag\n", 2,
        C(1, 2), C(3, -0.0), C(-0.0, -0.0), C(0.5, 0.25));
}
END_TEST

// ---- lists and loops --------------------------------------------------------

START_TEST(list_index_errors_carry_their_line) {
  const char *src = "def f(a, b):\n"
                    "    l = [1, 2, 3]\n"
                    "    l[a] = 7\n"
                    "    return l[b] + l[-1]\n";
  AGREE(src, 2, I(0), I(1), I(-3), I(-1), I(3), I(0), I(-4), I(0), I(0),
        I(3), I(1), I(-4));
}
END_TEST

START_TEST(range_loops_follow_python) {
  const char *src = "def f(a, b):\n"
                    "    i = -100\n"
                    "    s = 0\n"
                    "    for i in range(a, b, -3 if a > b else 2):\n"
                    "        s = s * 3 + i\n"
                    "    return s * 1000 + i\n";
  AGREE(src, 2, I(0), I(10), I(10), I(0), I(5), I(5), I(-7), I(7), I(3),
        I(-20), I(INT64_MAX - 3), I(INT64_MAX));
  const char *zero = "def f(a, b):\n"
                     "    s = 0\n"
                     "    for i in range(a, b, a - a):\n"
                     "        s += i\n"
                     "    return s\n";
  AGREE(zero, 2, I(1), I(5));
}
END_TEST

START_TEST(loop_else_runs_only_without_break) {
  const char *src = "def f(a, b):\n"
                    "    r = 0\n"
                    "    for i in range(a):\n"
                    "        if i == b:\n"
                    "            break\n"
                    "        r += 1\n"
                    "    else:\n"
                    "        r += 100\n"
                    "    n = 0\n"
                    "    while n < a:\n"
                    "        n += 1\n"
                    "        if n == b:\n"
                    "            continue\n"
                    "        r += 10000\n"
                    "    else:\n"
                    "        r += 1000000\n"
                    "    return r\n";
  AGREE(src, 2, I(5), I(3), I(5), I(9), I(0), I(0));
}
END_TEST

START_TEST(lists_comprehensions_and_reductions) {
  const char *src = "def f(a, b):\n"
                    "    l = [i * i for i in range(a) if i % 2 == 1]\n"
                    "    m = [0.5] * a\n"
                    "    l.append(len(m))\n"
                    "    for x in [b, -b]:\n"
                    "        l.append(x)\n"
                    "    return sum(l) * 1000 + min(l) + max(max(l), b)\n";
  AGREE(src, 2, I(7), I(3), I(1), I(-2));
  const char *empty = "def f(a, b):\n"
                      "    l = [a] * b\n"
                      "    return max(l)\n";
  AGREE(empty, 2, I(3), I(0), I(3), I(2), I(1), I(-5));
  const char *fsum = "def f(a, b):\n"
                     "    l = [a, b, 0.1, a * b]\n"
                     "    return sum(l) + min(l) - max(l)\n";
  AGREE(fsum, 2, F(-0.0), F(-0.0), F(1e308), F(1e308), F(0.1), F(0.7));
}
END_TEST

START_TEST(recursion_and_bool_values) {
  const char *src = "def g(n):\n"
                    "    if n < 2:\n"
                    "        return n\n"
                    "    return g(n - 1) + g(n - 2)\n"
                    "def f(a, b):\n"
                    "    return g(a) + (1 if b and a > 3 else 0)\n";
  AGREE(src, 2, I(10), I(1), I(1), I(0), I(15), I(-1));
}
END_TEST

// ---- generated code ---------------------------------------------------------

static const char *const tutorial_kernel =
    "def calculate_z(q, maxiter, z):\n"
    "    output = [0] * len(q)\n"
    "    for i in range(len(q)):\n"
    "        zi = z[i]\n"
    "        qi = q[i]\n"
    "        for iteration in range(maxiter):\n"
    "            zi = zi * zi + qi\n"
    "            if abs(zi) > 2.0:\n"
    "                output[i] = iteration\n"
    "                break\n"
    "    return output\n";

static const char *const expanded_kernel =
    "def kernel(x, y, maxiter):\n"
    "    zx = 0.0\n"
    "    zy = 0.0\n"
    "    for iteration in range(maxiter):\n"
    "        zx_new = (zx * zx - zy * zy) + x\n"
    "        zy_new = (zx * zy + zy * zx) + y\n"
    "        zx = zx_new\n"
    "        zy = zy_new\n"
    "        if (zx * zx + zy * zy) > 4.0:\n"
    "            return iteration\n"
    "    return maxiter\n";

START_TEST(float_ir_has_no_fast_math_and_has_debug_lines) {
  Compiled c;
  compile(&c, expanded_kernel, false);
  ck_assert_ptr_null(strstr(c.ir, " fast "));
  ck_assert_ptr_null(strstr(c.ir, "contract"));
  ck_assert_ptr_null(strstr(c.ir, "reassoc"));
  ck_assert_ptr_null(strstr(c.ir, "fmuladd"));
  ck_assert_ptr_null(strstr(c.ir, "llvm.fma"));
  ck_assert_ptr_nonnull(strstr(c.ir, "!dbg"));
  ck_assert_ptr_nonnull(strstr(c.ir, "DISubprogram(name: \"kernel\""));
  ck_assert_ptr_nonnull(strstr(c.ir, "fmul double"));
  dispose(&c);
}
END_TEST

// The tutorial's list kernel: its outer loop outlined and run by
// rt_parallel_for on two threads; the counts match CPython's.
START_TEST(parallel_list_kernel_matches_cpython) {
  char *src = malloc(strlen(tutorial_kernel) + 200);
  sprintf(src, "%s", tutorial_kernel);
  Compiled c;
  // select_kernel wants the name "kernel" in compile(); rename by hand.
  memset(&c, 0, sizeof c);
  c.a = arena_new();
  diag_init(&c.d, "kernel.py", src, strlen(src), stderr);
  Node *mod = parse_module(
      c.a, &c.d, lex_source(c.a, &c.d, "kernel.py", src, strlen(src)));
  ck_assert_ptr_nonnull(mod);
  KernelChoice choice;
  ck_assert(select_kernel(&c.d, mod, NULL, &choice));
  c.p = infer_program(c.a, &c.d, mod, &choice);
  ck_assert_ptr_nonnull(c.p);
  const char *why = NULL;
  Node *where = NULL;
  ck_assert_msg(parallel_mark(c.p, &why, &where), "%s", why ? why : "?");
  CompileOptions opt = {.simd = true, .opt_level = 3};
  c.u = llvm_lower(c.a, &c.d, c.p, &opt);
  ck_assert(llvm_optimize(c.u, &c.d, &opt));
  c.ir = llvm_emit_ir(c.u, c.a);
  ck_assert_ptr_nonnull(strstr(c.ir, "calculate_z.body"));
  ck_assert_ptr_nonnull(strstr(c.ir, "rt_parallel_for"));
  c.jit = rt_jit_new(&c.d, c.u);
  void *fn = rt_jit_lookup(c.jit, "calculate_z");
  ck_assert_ptr_nonnull(fn);

  // q: a 40 x 30 grid over the tutorial's region, z: zeros.
  RtContext ctx;
  rt_context_init(&ctx, NULL, 2);
  enum { NX = 40, NY = 30 };
  RtList *q = rt_list_new(&ctx, 16, NX * NY, 0);
  RtList *z = rt_list_new(&ctx, 16, NX * NY, 0);
  RtComplex *qd = q->data;
  for (int j = 0; j < NY; j++)
    for (int i = 0; i < NX; i++)
      qd[j * NX + i] = (RtComplex){-2.13 + i * 0.0725, 1.3 - j * 0.0866};
  int64_t maxiter = 300;
  const Func *f = c.p->kernel;
  void *args[3];
  for (int i = 0; i < 3; i++) {
    const char *n = f->params[i]->name;
    args[i] = !strcmp(n, "q") ? (void *)&q : !strcmp(n, "z") ? (void *)&z
                                                             : &maxiter;
  }
  RtList *out = NULL;
  rt_ffi_call(f, fn, &ctx, args, &out);
  ck_assert_int_eq(ctx.exc, RT_EXC_NONE);
  ck_assert_int_eq(out->len, NX * NY);
  int64_t sum = 0;
  for (int k = 0; k < NX * NY; k++)
    sum += ((int64_t *)out->data)[k];

  char cmd[2048];
  snprintf(cmd, sizeof cmd,
           "python3 -c \"\n%s\nq = [complex(-2.13 + i * 0.0725, 1.3 - j * "
           "0.0866) for j in range(%d) for i in range(%d)]\n"
           "print(sum(calculate_z(q, %d, [0j] * len(q))))\"",
           tutorial_kernel, NY, NX, (int)maxiter);
  FILE *p = popen(cmd, "r");
  char line[64] = "";
  ck_assert_ptr_nonnull(fgets(line, sizeof line, p));
  pclose(p);
  ck_assert_int_eq(sum, strtoll(line, NULL, 10));
  rt_context_free(&ctx);
  dispose(&c);
  free(src);
}
END_TEST

// ---- a run's compile in two parts (llvm_split) -----------------------------

// The tutorial kernel over a 40 x 30 grid, compiled as a run compiles it
// when `split` (two parts, no debug info) or in one module: the sum of its
// counts, and through *parts and *notes how it was compiled. What the
// lowering said goes to `out` (a tmpfile), only when `verbose`.
static int64_t split_run(bool split, bool simd, bool verbose, FILE *out,
                         int *parts, char *notes, size_t noteslen) {
  Compiled c = {.a = arena_new()};
  const char *src = tutorial_kernel;
  diag_init(&c.d, "kernel.py", src, strlen(src), out);
  Node *mod = parse_module(
      c.a, &c.d, lex_source(c.a, &c.d, "kernel.py", src, strlen(src)));
  KernelChoice choice;
  ck_assert(select_kernel(&c.d, mod, NULL, &choice));
  c.p = infer_program(c.a, &c.d, mod, &choice);
  ck_assert(parallel_mark(c.p, &(const char *){NULL}, &(Node *){NULL}));
  CompileOptions opt = {.simd = simd, .verbose = verbose, .opt_level = 3};
  c.u = llvm_lower(c.a, &c.d, c.p, &opt);
  ck_assert(!split || llvm_split(c.u, &c.d));
  ck_assert(llvm_optimize(c.u, &c.d, &opt));
  *parts = llvm_parts(c.u);
  size_t len = 0, n = 0;
  void *code = rt_jit_emit_object(&c.d, c.u, &len);
  ck_assert_ptr_nonnull(code);
  const char *said = rt_jit_code_notes(code, len, &n);
  snprintf(notes, noteslen, "%.*s", (int)n, said);
  ck_assert_str_eq(notes, llvm_notes(c.u));
  c.jit = rt_jit_load_object(&c.d, code, len, false);
  ck_assert_ptr_nonnull(c.jit);
  free(code);
  RtContext ctx;
  rt_context_init(&ctx, NULL, 2);
  enum { NX = 40, NY = 30 };
  RtList *q = rt_list_new(&ctx, 16, NX * NY, 0);
  RtList *z = rt_list_new(&ctx, 16, NX * NY, 0);
  for (int k = 0; k < NX * NY; k++)
    ((RtComplex *)q->data)[k] = (RtComplex){-2.13 + k % NX * 0.0725,
                                            1.3 - k / NX * 0.0866};
  int64_t maxiter = 300, sum = 0;
  void *args[3] = {&q, &maxiter, &z};
  RtList *res = NULL;
  rt_ffi_call(c.p->kernel, rt_jit_lookup(c.jit, "calculate_z"), &ctx, args,
              &res);
  ck_assert_int_eq(ctx.exc, RT_EXC_NONE);
  for (int64_t k = 0; k < res->len; k++)
    sum += ((int64_t *)res->data)[k];
  rt_context_free(&ctx);
  dispose(&c);
  return sum;
}

START_TEST(split_compile_runs_what_one_module_runs) {
  FILE *out = tmpfile();
  int parts = 0;
  char notes[256];
  int64_t whole = split_run(false, true, false, out, &parts, notes,
                            sizeof notes);
  ck_assert_int_eq(parts, 1);
  // The vector form and the scalar functions: two parts, same answer.
  ck_assert_int_eq(split_run(true, true, false, out, &parts, notes,
                             sizeof notes), whole);
  ck_assert_int_eq(parts, 2);
  ck_assert_ptr_nonnull(strstr(notes, "simd: calculate_z runs"));
  // Without -v nothing was said, though the notes were kept.
  ck_assert_int_eq(ftell(out), 0);
  // --simd=off: no vector code, nothing to cut; the scalar form runs.
  ck_assert_int_eq(split_run(true, false, true, out, &parts, notes,
                             sizeof notes), whole);
  ck_assert_int_eq(parts, 1);
  ck_assert_ptr_nonnull(strstr(notes, "not used for calculate_z: "
                                      "--simd=off"));
  ck_assert_int_eq(ftell(out), (long)strlen(notes));  // -v said it
  fclose(out);
}
END_TEST

START_TEST(damaged_code_is_refused) {
  Compiled c;
  compile(&c, "def kernel(x, y, maxiter):\n    return maxiter\n", false);
  LlvmUnit *u = llvm_lower(c.a, &c.d, c.p, &(CompileOptions){.opt_level = 1});
  ck_assert(llvm_optimize(u, &c.d, &(CompileOptions){.opt_level = 1}));
  size_t len = 0;
  char *code = rt_jit_emit_object(&c.d, u, &len);
  ck_assert_ptr_nonnull(code);
  FILE *out = tmpfile();
  c.d.out = out;
  for (size_t cut = 0; cut < len; cut += len / 7 + 1)
    ck_assert_ptr_null(rt_jit_load_object(&c.d, code, cut, false));
  code[0] ^= 1;  // the magic
  ck_assert_ptr_null(rt_jit_load_object(&c.d, code, len, false));
  code[0] ^= 1;
  RtJit *j = rt_jit_load_object(&c.d, code, len, false);
  ck_assert_ptr_nonnull(rt_jit_lookup(j, "kernel"));
  rt_jit_free(j);
  ck_assert_int_gt(ftell(out), 0);  // each refusal said so
  fclose(out);
  free(code);
  llvm_dispose(u);
  c.d.out = stderr;
  dispose(&c);
}
END_TEST

static Suite *llvm_suite(void) {
  Suite *s = suite_create("llvm");
  TCase *ints = tcase_create("int");
  tcase_set_timeout(ints, 60);
  tcase_add_test(ints, int_floor_division_rounds_toward_minus_infinity);
  tcase_add_test(ints, int_modulo_takes_the_divisor_sign);
  tcase_add_test(ints, int_overflow_raises_overflow_error);
  tcase_add_test(ints, int_shifts_check_their_count);
  tcase_add_test(ints, int_true_division_gives_float);
  tcase_add_test(ints, int_power_and_abs);
  suite_add_tcase(s, ints);
  TCase *floats = tcase_create("float");
  tcase_set_timeout(floats, 60);
  tcase_add_test(floats, float_division_by_zero_raises);
  tcase_add_test(floats, float_floor_division_and_modulo_follow_cpython);
  tcase_add_test(floats, float_ops_keep_signed_zeros_inf_and_nan);
  tcase_add_test(floats, float_power_of_huge_exponents);
  tcase_add_test(floats, float_to_int_conversions_raise_like_cpython);
  tcase_add_test(floats, math_sqrt_is_exact_and_checks_its_domain);
  suite_add_tcase(s, floats);
  TCase *cplx = tcase_create("complex");
  tcase_set_timeout(cplx, 60);
  tcase_add_test(cplx, complex_arithmetic_is_bit_exact);
  tcase_add_test(cplx, complex_division_and_power);
  tcase_add_test(cplx, abs_compare_fast_path_matches_hypot);
  tcase_add_test(cplx, complex_parts_and_conjugate);
  suite_add_tcase(s, cplx);
  TCase *lists = tcase_create("lists and loops");
  tcase_set_timeout(lists, 60);
  tcase_add_test(lists, list_index_errors_carry_their_line);
  tcase_add_test(lists, range_loops_follow_python);
  tcase_add_test(lists, loop_else_runs_only_without_break);
  tcase_add_test(lists, lists_comprehensions_and_reductions);
  tcase_add_test(lists, recursion_and_bool_values);
  suite_add_tcase(s, lists);
  TCase *code = tcase_create("generated code");
  tcase_set_timeout(code, 60);
  tcase_add_test(code, float_ir_has_no_fast_math_and_has_debug_lines);
  tcase_add_test(code, parallel_list_kernel_matches_cpython);
  tcase_add_test(code, split_compile_runs_what_one_module_runs);
  tcase_add_test(code, damaged_code_is_refused);
  suite_add_tcase(s, code);
  return s;
}

int main(void) {
  SRunner *r = srunner_create(llvm_suite());
  srunner_run_all(r, CK_NORMAL);
  int failed = srunner_ntests_failed(r);
  srunner_free(r);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
