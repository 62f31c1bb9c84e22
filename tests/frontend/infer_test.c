// infer_test.c - tests of frontend/infer.c: the type of every construct,
// where ND_CONVERT nodes go, module constants and math, call sites that
// widen parameters, recursion, the --emit=types text, type errors with
// their exact text and notes, every kernel of tests/frontend/typeerrors/
// with the error its first line expects, every file of examples/, and the
// reads that may find a local unassigned (Node.maybe_unbound).
#define _GNU_SOURCE  // open_memstream; asprintf, scandir (expect.h)
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "expect.h"
#include "frontend.h"

#ifndef MANDELC_SOURCE_DIR
#error "MANDELC_SOURCE_DIR must name the source tree"
#endif

// One lex + parse + select + infer run and the diagnostics it printed.
typedef struct {
  Arena *a;
  Diag d;
  KernelChoice choice;
  Program *p;
  char *text;
  size_t len;
} Typed;

static Typed *infer_file(const char *file, const char *src,
                         const char *kernel) {
  Typed *t = calloc(1, sizeof *t);
  t->a = arena_new();
  FILE *out = open_memstream(&t->text, &t->len);
  diag_init(&t->d, file, src, strlen(src), out);
  arena_set_diag(t->a, &t->d);
  Token *tokens = lex_source(t->a, &t->d, file, src, strlen(src));
  Node *module = tokens ? parse_module(t->a, &t->d, tokens) : NULL;
  if (module && select_kernel(&t->d, module, kernel, &t->choice))
    t->p = infer_program(t->a, &t->d, module, &t->choice);
  fclose(out);
  return t;
}

static void typed_free(Typed *t) {
  arena_free(t->a);
  free(t->text);
  free(t);
}

// Types src, which must type without errors.
static Typed *ok(const char *src) {
  Typed *t = infer_file("k.py", src, NULL);
  ck_assert_msg(t->p != NULL, "inference failed:\n%s", t->text);
  ck_assert_str_eq(t->text, "");
  return t;
}

// Types src, which must fail with exactly `text` on the diagnostic stream.
static void fails(const char *src, const char *text) {
  Typed *t = infer_file("k.py", src, NULL);
  ck_assert_ptr_null(t->p);
  ck_assert_str_eq(t->text, text);
  typed_free(t);
}

static Func *func(Typed *t, const char *name) {
  for (int i = 0; i < t->p->funcs.len; i++) {
    Func *f = t->p->funcs.data[i];
    if (!strcmp(f->name, name))
      return f;
  }
  ck_abort_msg("no function %s", name);
}

static Var *var(Func *f, const char *name) {
  for (int i = 0; i < f->vars.len; i++) {
    Var *v = f->vars.data[i];
    if (!strcmp(v->name, name))
      return v;
  }
  ck_abort_msg("no variable %s in %s", name, f->name);
}

static const char *tyname(Typed *t, const Type *ty) {
  return type_name(t->a, ty);
}

// The i-th statement of a function's body.
static Node *stmt(Func *f, int i) {
  ck_assert_int_lt(i, f->def->body.len);
  return f->def->body.data[i];
}

// The value of the i-th statement (Assign, Return, Expr...).
static Node *value(Func *f, int i) {
  return stmt(f, i)->value;
}

static void expect_convert(Node *n, const Type *from, const Type *to) {
  ck_assert_msg(n->kind == ND_CONVERT, "expected a Convert, found %s",
                node_kind_names[n->kind]);
  ck_assert(type_equal(n->ty, to));
  ck_assert(type_equal(n->value->ty, from));
}

// ---- kernels and variables -------------------------------------------------

static const char *tutorial =
    "def calculate_z_serial_purepython(q, maxiter, z):\n"
    "    output = [0] * len(q)\n"
    "    for i in range(len(q)):\n"
    "        if i % 1000 == 0:\n"
    "            print \"%0.2f%% complete\" % (1.0/len(q) * i * 100)\n"
    "        for iteration in range(maxiter):\n"
    "            z[i] = z[i]*z[i] + q[i]\n"
    "            if abs(z[i]) > 2.0:\n"
    "                output[i] = iteration\n"
    "                break\n"
    "    return output\n";

START_TEST(tutorial_kernel_is_typed) {
  Typed *t = ok(tutorial);
  Func *k = t->p->kernel;
  ck_assert(k->is_kernel);
  ck_assert_int_eq(t->p->funcs.len, 1);
  ck_assert_int_eq(k->nparams, 3);
  ck_assert_str_eq(tyname(t, k->params[0]->ty), "list[complex]");
  ck_assert_str_eq(tyname(t, k->params[1]->ty), "int");
  ck_assert_int_eq(k->params[1]->kind, VAR_PARAM);
  ck_assert_str_eq(tyname(t, k->ret), "list[int]");
  ck_assert_str_eq(tyname(t, var(k, "output")->ty), "list[int]");
  ck_assert_str_eq(tyname(t, var(k, "i")->ty), "int");
  ck_assert_int_eq(var(k, "iteration")->kind, VAR_LOCAL);
  ck_assert_int_eq(var(k, "iteration")->def->line, 6);
  ck_assert(stmt(k, 1)->range_loop);
  ck_assert_int_eq(stmt(k, 1)->iter->builtin, BI_RANGE);
  ck_assert(t->p->uses_print);
  // abs(complex) is a float compared with a float: no conversion.
  Node *test = ((Node *)stmt(k, 1)->body.data[1])->body.data[1];
  ck_assert_int_eq(test->test->left->builtin, BI_ABS);
  ck_assert_str_eq(tyname(t, test->test->left->ty), "float");
  typed_free(t);
}
END_TEST

START_TEST(variable_widens_and_earlier_values_convert) {
  Typed *t = ok("def f(c, maxiter):\n"
                "    x = 0\n"
                "    x = 0.5\n"
                "    w = True\n"
                "    w = 2\n"
                "    return 0\n");
  Func *k = t->p->kernel;
  ck_assert_str_eq(tyname(t, var(k, "x")->ty), "float");
  ck_assert_int_eq(var(k, "x")->def->line, 3);  // the line that widened it
  expect_convert(value(k, 0), &ty_int, &ty_float);
  ck_assert_int_eq(value(k, 1)->kind, ND_CONSTANT);
  ck_assert_str_eq(tyname(t, var(k, "w")->ty), "int");
  expect_convert(value(k, 2), &ty_bool, &ty_int);
  typed_free(t);
}
END_TEST

START_TEST(arithmetic_converts_the_narrower_operand) {
  Typed *t = ok("def f(c, maxiter):\n"
                "    z = c * 2\n"
                "    a = maxiter / 2\n"
                "    b = maxiter // 2\n"
                "    d = 2 ** maxiter\n"
                "    e = 2 ** -1\n"
                "    g = c.real ** 2\n"
                "    h = True + True\n"
                "    return 0\n");
  Func *k = t->p->kernel;
  Node *z = value(k, 0);
  ck_assert_str_eq(tyname(t, z->ty), "complex");
  expect_convert(z->right, &ty_int, &ty_complex);
  Node *a = value(k, 1);  // true division of ints: a float of the ints
  ck_assert_str_eq(tyname(t, a->ty), "float");
  ck_assert_int_eq(a->left->kind, ND_NAME);
  ck_assert_str_eq(tyname(t, a->left->ty), "int");
  ck_assert_int_eq(a->right->kind, ND_CONSTANT);
  ck_assert_str_eq(tyname(t, a->right->ty), "int");
  ck_assert_str_eq(tyname(t, value(k, 2)->ty), "int");
  ck_assert_int_eq(value(k, 2)->left->kind, ND_NAME);
  ck_assert_str_eq(tyname(t, value(k, 3)->ty), "int");
  Node *e = value(k, 4);  // a negative constant exponent gives a float
  ck_assert_str_eq(tyname(t, e->ty), "float");
  expect_convert(e->left, &ty_int, &ty_float);
  expect_convert(e->right, &ty_int, &ty_float);
  Node *g = value(k, 5);  // float ** int: the exponent converts too
  ck_assert_str_eq(tyname(t, g->ty), "float");
  expect_convert(g->right, &ty_int, &ty_float);
  Node *h = value(k, 6);
  ck_assert_str_eq(tyname(t, h->ty), "int");
  expect_convert(h->left, &ty_bool, &ty_int);
  typed_free(t);
}
END_TEST

START_TEST(comparisons_and_conditions_are_bool) {
  Typed *t = ok("def f(c, maxiter):\n"
                "    if maxiter < 2.5:\n"
                "        return 1\n"
                "    if 2 < c.real < maxiter or c == maxiter:\n"
                "        return 4\n"
                "    if maxiter:\n"
                "        return 2\n"
                "    while c.real and maxiter:\n"
                "        return 3\n"
                "    b = not c.imag\n"
                "    return 0\n");
  Func *k = t->p->kernel;
  Node *cmp = stmt(k, 0)->test;
  ck_assert_str_eq(tyname(t, cmp->ty), "bool");
  // an int beside a float stays an int: CPython compares them exactly
  ck_assert_int_eq(cmp->left->kind, ND_NAME);
  ck_assert_str_eq(tyname(t, cmp->left->ty), "int");
  Node *chain = ((Node *)stmt(k, 1)->test)->values.data[0];
  // an int constant that float() keeps exact is simply converted
  expect_convert(chain->left, &ty_int, &ty_float);
  ck_assert_str_eq(tyname(t, ((Node *)chain->comparators.data[1])->ty),
                   "int");
  Node *eqz = ((Node *)stmt(k, 1)->test)->values.data[1];
  ck_assert_str_eq(tyname(t, ((Node *)eqz->comparators.data[0])->ty), "int");
  expect_convert(stmt(k, 2)->test, &ty_int, &ty_bool);
  Node *both = stmt(k, 3)->test;  // and/or in a test: each a truth value
  ck_assert_int_eq(both->kind, ND_BOOLOP);
  ck_assert_str_eq(tyname(t, both->ty), "bool");
  expect_convert(both->values.data[0], &ty_float, &ty_bool);
  expect_convert(both->values.data[1], &ty_int, &ty_bool);
  expect_convert(value(k, 4)->value, &ty_float, &ty_bool);
  typed_free(t);
}
END_TEST

START_TEST(and_or_values_share_one_type) {
  Typed *t = ok("def f(c, maxiter):\n"
                "    v = maxiter or 2.5\n"
                "    w = maxiter if c.real > 0 else c\n"
                "    return 0\n");
  Func *k = t->p->kernel;
  ck_assert_str_eq(tyname(t, var(k, "v")->ty), "float");
  expect_convert(value(k, 0)->values.data[0], &ty_int, &ty_float);
  ck_assert_str_eq(tyname(t, var(k, "w")->ty), "complex");
  expect_convert(value(k, 1)->body_expr, &ty_int, &ty_complex);
  typed_free(t);
}
END_TEST

START_TEST(call_sites_widen_parameters) {
  Typed *t = ok("def scale(x, k):\n"
                "    return x * k\n"
                "\n"
                "def f(c, maxiter):\n"
                "    a = scale(c.real, 3)\n"
                "    b = scale(2.5, 2.0)\n"
                "    return int(a + b)\n");
  Func *k = t->p->kernel, *s = func(t, "scale");
  ck_assert_ptr_eq(t->p->funcs.data[0], k);  // the kernel first
  ck_assert_str_eq(tyname(t, s->params[1]->ty), "float");
  ck_assert_str_eq(tyname(t, s->ret), "float");
  Node *call = value(k, 0);
  ck_assert_ptr_eq(call->callee, s);
  expect_convert(call->args.data[1], &ty_int, &ty_float);
  ck_assert(!s->recursive && !k->recursive);
  typed_free(t);
}
END_TEST

START_TEST(recursion_takes_its_type_from_the_base_case) {
  Typed *t = ok("def fib(n):\n"
                "    if n < 2:\n"
                "        return n\n"
                "    return fib(n - 1) + fib(n - 2)\n"
                "\n"
                "def f(c, maxiter):\n"
                "    return fib(maxiter)\n");
  Func *fib = func(t, "fib");
  ck_assert(fib->recursive);
  ck_assert(!t->p->kernel->recursive);
  ck_assert_str_eq(tyname(t, fib->ret), "int");
  ck_assert_str_eq(tyname(t, fib->params[0]->ty), "int");
  typed_free(t);
}
END_TEST

START_TEST(comprehension_variables_are_separate) {
  Typed *t = ok("def f(c, maxiter):\n"
                "    x = 1.5\n"
                "    sq = [x * x for x in range(3)]\n"
                "    ev = [v for v in sq if v % 2 == 0]\n"
                "    return len(ev) + int(x)\n");
  Func *k = t->p->kernel;
  ck_assert_str_eq(tyname(t, var(k, "x")->ty), "float");
  ck_assert_str_eq(tyname(t, var(k, "x.comp1")->ty), "int");
  ck_assert_str_eq(tyname(t, var(k, "v.comp2")->ty), "int");
  ck_assert_str_eq(tyname(t, var(k, "sq")->ty), "list[int]");
  Node *comp = value(k, 1);
  Node *gen = comp->generators.data[0];
  ck_assert(gen->range_loop);
  ck_assert_ptr_eq(comp->elt->left->var, var(k, "x.comp1"));
  typed_free(t);
}
END_TEST

START_TEST(empty_lists_take_their_type_from_appends) {
  Typed *t = ok("def record(out, v):\n"
                "    out.append(v)\n"
                "\n"
                "def f(c, maxiter):\n"
                "    rows = []\n"
                "    for j in range(3):\n"
                "        rows.append([j] * 3)\n"
                "    out = []\n"
                "    record(out, 2.5)\n"
                "    return len(rows) + len(out)\n");
  Func *k = t->p->kernel;
  ck_assert_str_eq(tyname(t, var(k, "rows")->ty), "list[list[int]]");
  ck_assert_str_eq(tyname(t, var(k, "out")->ty), "list[float]");
  ck_assert_str_eq(tyname(t, func(t, "record")->params[0]->ty),
                   "list[float]");
  typed_free(t);
  // The first append fixes list[int]; a float does not fit in it.
  fails("def f(c, maxiter):\n"
        "    fl = []\n"
        "    fl.append(1)\n"
        "    fl.append(0.5)\n"
        "    return 0\n",
        "k.py:4:15: error: cannot append a float to a list[int]\n"
        "    fl.append(0.5)\n"
        "              ^\n");
}
END_TEST

START_TEST(tuples_pack_unpack_and_swap) {
  Typed *t = ok("def step(zx, zy):\n"
                "    return zx * zx - zy * zy, 2.0 * zx * zy\n"
                "\n"
                "def f(c, maxiter):\n"
                "    zx, zy = 0, 0.0\n"
                "    zx, zy = step(zx, zy)\n"
                "    a, b = 1, 2\n"
                "    a, b = b, a\n"
                "    qr = divmod(a, 7)\n"
                "    return qr[0] + a\n");
  Func *k = t->p->kernel;
  ck_assert_str_eq(tyname(t, func(t, "step")->ret), "tuple[float, float]");
  ck_assert_str_eq(tyname(t, var(k, "zx")->ty), "float");
  expect_convert(value(k, 0)->elts.data[0], &ty_int, &ty_float);
  ck_assert_str_eq(tyname(t, var(k, "qr")->ty), "tuple[int, int]");
  ck_assert_str_eq(tyname(t, value(k, 5)->left->ty), "int");
  typed_free(t);
}
END_TEST

START_TEST(real_and_imag_of_reals_need_no_code) {
  Typed *t = ok("def f(c, maxiter):\n"
                "    a = c.real\n"
                "    b = maxiter.real\n"
                "    d = a.imag\n"
                "    e = c.conjugate()\n"
                "    return b\n");
  Func *k = t->p->kernel;
  ck_assert_int_eq(value(k, 0)->kind, ND_ATTRIBUTE);
  ck_assert_str_eq(tyname(t, value(k, 0)->ty), "float");
  ck_assert_int_eq(value(k, 1)->kind, ND_NAME);  // int.real is the int
  ck_assert_str_eq(tyname(t, var(k, "b")->ty), "int");
  ck_assert_int_eq(value(k, 2)->kind, ND_CONSTANT);
  ck_assert_double_eq(value(k, 2)->cval.fval, 0.0);
  ck_assert_int_eq(value(k, 3)->builtin, BI_CONJUGATE);
  ck_assert_str_eq(tyname(t, var(k, "e")->ty), "complex");
  typed_free(t);
}
END_TEST

START_TEST(builtins_have_python_result_types) {
  Typed *t = ok("def f(c, maxiter):\n"
                "    a = abs(c)\n"
                "    b = abs(-3)\n"
                "    d = round(2.5)\n"
                "    e = round(c.real, 2)\n"
                "    g = min(1, 2.5, maxiter)\n"
                "    h = sum([1, 2])\n"
                "    k = float(maxiter)\n"
                "    m = complex(1, c.real)\n"
                "    n = int(c.real)\n"
                "    p = pow(2, 3)\n"
                "    r = max([0.5, 1.5])\n"
                "    return b\n");
  Func *k = t->p->kernel;
  const char *want[][2] = {{"a", "float"}, {"b", "int"},   {"d", "int"},
                           {"e", "float"}, {"g", "float"}, {"h", "int"},
                           {"k", "float"}, {"m", "complex"}, {"n", "int"},
                           {"p", "int"},   {"r", "float"}};
  for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
    ck_assert_str_eq(tyname(t, var(k, want[i][0])->ty), want[i][1]);
  expect_convert(value(k, 4)->args.data[0], &ty_int, &ty_float);
  expect_convert(value(k, 6)->args.data[0], &ty_int, &ty_float);
  expect_convert(value(k, 7)->args.data[0], &ty_int, &ty_float);
  ck_assert_int_eq(value(k, 7)->builtin, BI_COMPLEX);
  typed_free(t);
}
END_TEST

// ---- module constants and math ---------------------------------------------

START_TEST(module_constants_are_typed_in_dependency_order) {
  Typed *t = ok("import sys\n"
                "w = int(sys.argv[1])\n"
                "LIMIT = 4.0\n"
                "N = 10\n"
                "BASE = N * 3\n"
                "NEG = -2\n"
                "x1, x2 = -2.13, 0.77\n"
                "UNUSED = {}\n"
                "def f(c, maxiter):\n"
                "    if abs(c) > LIMIT:\n"
                "        return BASE + NEG\n"
                "    return int(x1)\n");
  PtrVec *consts = &t->p->consts;
  ck_assert_int_eq(consts->len, 5);
  const char *order[] = {"LIMIT", "N", "BASE", "NEG", "x1"};
  for (int i = 0; i < 5; i++) {
    Var *v = consts->data[i];
    ck_assert_str_eq(v->name, order[i]);
    ck_assert_int_eq(v->kind, VAR_CONST);
    ck_assert_int_eq(v->index, i);
  }
  Var *base = consts->data[2];
  ck_assert_str_eq(tyname(t, base->ty), "int");
  // computed at compile time (infer_fold.c): one Constant, N * 3
  ck_assert_int_eq(base->value->kind, ND_CONSTANT);
  ck_assert_int_eq(base->value->cval.kind, CONST_INT);
  ck_assert_int_eq(base->value->cval.ival, 30);
  ck_assert_str_eq(tyname(t, ((Var *)consts->data[4])->ty), "float");
  typed_free(t);
}
END_TEST

START_TEST(module_variable_that_is_not_constant_is_an_error) {
  fails("N = 1\n"
        "N = 2\n"
        "def f(c, maxiter):\n"
        "    return N\n",
        "k.py:4:12: error: module variable 'N' is assigned more than once; "
        "kernels can only read module constants such as N = 100\n"
        "    return N\n"
        "           ^\n"
        "k.py:2:1: note: 'N' is assigned here\n"
        "N = 2\n"
        "^\n");
}
END_TEST

START_TEST(math_resolves_every_import_form) {
  Typed *t = ok("import math\n"
                "import math as m\n"
                "from math import sqrt, pi as PI\n"
                "def f(c, maxiter):\n"
                "    a = math.sqrt(maxiter)\n"
                "    b = m.pi\n"
                "    d = sqrt(2.0) * PI\n"
                "    e = math.floor(c.real)\n"
                "    g = math.floor(maxiter)\n"
                "    return e + g\n");
  Func *k = t->p->kernel;
  Node *a = value(k, 0);
  ck_assert_int_eq(a->builtin, BI_MATH_SQRT);
  expect_convert(a->args.data[0], &ty_int, &ty_float);
  Node *b = value(k, 1);
  ck_assert_int_eq(b->kind, ND_CONSTANT);
  ck_assert_str_eq(tyname(t, b->ty), "float");
  ck_assert_double_eq(b->cval.fval, 3.141592653589793);
  ck_assert_int_eq(value(k, 2)->left->builtin, BI_MATH_SQRT);
  ck_assert_int_eq(value(k, 2)->right->kind, ND_CONSTANT);
  ck_assert_int_eq(value(k, 3)->builtin, BI_MATH_FLOOR);
  ck_assert_str_eq(tyname(t, var(k, "e")->ty), "int");
  ck_assert_int_eq(value(k, 4)->kind, ND_NAME);  // floor(int) is the int
  typed_free(t);
}
END_TEST

START_TEST(code_the_kernel_does_not_reach_is_ignored) {
  Typed *t = ok("import numpy as np\n"
                "TABLE = {'a': 1}\n"
                "square = lambda v: v * v\n"
                "class Unused(object):\n"
                "    def method(self):\n"
                "        return [k for k in TABLE]\n"
                "def driver(w, h):\n"
                "    x = np.zeros(w)\n"
                "    del x\n"
                "    return {}\n"
                "def f(c, maxiter):\n"
                "    return maxiter\n"
                "if __name__ == '__main__':\n"
                "    print(driver(1, 2)[1:])\n");
  ck_assert_int_eq(t->p->funcs.len, 1);
  ck_assert_int_eq(t->p->consts.len, 0);
  typed_free(t);
}
END_TEST

// ---- annotations -----------------------------------------------------------

START_TEST(annotations_fix_types) {
  Typed *t = ok("from typing import List\n"
                "def helper(v: float, xs: List[float]) -> float:\n"
                "    return v * len(xs)\n"
                "def f(c: complex, maxiter: int) -> int:\n"
                "    z: complex = 0\n"
                "    return int(helper(1, [2.0]))\n");
  Func *k = t->p->kernel, *h = func(t, "helper");
  ck_assert_str_eq(tyname(t, var(k, "z")->ty), "complex");
  expect_convert(value(k, 0), &ty_int, &ty_complex);
  ck_assert_str_eq(tyname(t, h->params[1]->ty), "list[float]");
  Node *call = ((Node *)value(k, 1)->args.data[0]);
  expect_convert(call->args.data[0], &ty_int, &ty_float);
  typed_free(t);
}
END_TEST

// ---- errors ----------------------------------------------------------------

START_TEST(conflict_names_both_places) {
  fails("def f(c, maxiter):\n"
        "    x = 0\n"
        "    for k in range(3):\n"
        "        x = [k]\n"
        "    return 0\n",
        "k.py:4:9: error: 'x' was inferred as int at line 2 but is assigned "
        "a list[int] here\n"
        "        x = [k]\n"
        "        ^\n"
        "k.py:2:5: note: 'x' was inferred as int here\n"
        "    x = 0\n"
        "    ^\n");
}
END_TEST

START_TEST(declared_variable_does_not_widen) {
  fails("def f(c, maxiter):\n"
        "    maxiter = 2.5\n"
        "    return 0\n",
        "k.py:2:5: error: 'maxiter' was declared as int at line 1 but is "
        "assigned a float here\n"
        "    maxiter = 2.5\n"
        "    ^\n"
        "k.py:1:10: note: the driver passes 'maxiter' as int\n"
        "def f(c, maxiter):\n"
        "         ^\n");
}
END_TEST

START_TEST(several_subset_errors_are_reported_at_once) {
  Typed *t = infer_file("k.py",
                        "def f(c, maxiter):\n"
                        "    d = {}\n"
                        "    g = (lambda v: v, 1)\n"
                        "    del d\n"
                        "    return 0\n",
                        NULL);
  ck_assert_ptr_null(t->p);
  ck_assert_int_eq(t->d.nerrors, 3);
  ck_assert_ptr_nonnull(strstr(t->text, "k.py:2:9: error: dicts are not "
                                        "supported in kernels; use a list"));
  ck_assert_ptr_nonnull(strstr(t->text, "k.py:3:10: error: a lambda is "
                                        "only supported"));
  ck_assert_ptr_nonnull(strstr(t->text, "k.py:4:5: error: del is not "));
  typed_free(t);
}
END_TEST

START_TEST(ints_compare_with_complex_only_for_equality) {
  Typed *t = ok("def f(c, maxiter):\n"
                "    if c == 0:\n"
                "        return 1\n"
                "    return 0\n");
  // 0 is exact as a float; a variable int would stay an int
  expect_convert(stmt(t->p->kernel, 0)->test->comparators.data[0], &ty_int,
                 &ty_complex);
  typed_free(t);
}
END_TEST

// ---- --emit=types ----------------------------------------------------------

START_TEST(dump_lists_signatures_locals_and_constants) {
  Typed *t = ok("LIMIT = 4.0\n"
                "def escaped(z):\n"
                "    return abs(z) > LIMIT\n"
                "def f(c, maxiter):\n"
                "    z = 0\n"
                "    for n in range(maxiter):\n"
                "        z = z * z + c\n"
                "        if escaped(z):\n"
                "            return n\n"
                "    return maxiter\n");
  char *text = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&text, &len);
  infer_dump(out, t->a, t->p);
  fclose(out);
  ck_assert_str_eq(text,
                   "def f(c: complex, maxiter: int) -> int\n"
                   "  z: complex  (line 7)\n"
                   "  n: int  (line 6)\n"
                   "\n"
                   "def escaped(z: complex) -> bool\n"
                   "\n"
                   "const LIMIT: float  (line 1)\n");
  free(text);
  typed_free(t);
}
END_TEST

// ---- reads that may find a local unassigned (infer_bound.c) ---------------

// Does any function of t have a variable that needs an "assigned" flag?
static bool any_flag(Typed *t) {
  for (int i = 0; i < t->p->funcs.len; i++) {
    Func *f = t->p->funcs.data[i];
    for (int j = 0; j < f->vars.len; j++)
      if (((Var *)f->vars.data[j])->needs_flag)
        return true;
  }
  return false;
}

START_TEST(reads_after_a_loop_or_one_arm_are_maybe_unbound) {
  Typed *t = ok("def f(c, maxiter):\n"
                "    z = 0j\n"
                "    for n in range(maxiter):\n"
                "        z = z * z + c\n"
                "    if c.real > 0:\n"
                "        m = 1\n"
                "    m += 1\n"
                "    return n + m + int(z.real)\n");
  Func *f = func(t, "f");
  ck_assert(var(f, "n")->needs_flag);
  ck_assert(var(f, "m")->needs_flag);
  ck_assert(!var(f, "z")->needs_flag);
  ck_assert(!var(f, "c")->needs_flag);
  ck_assert(stmt(f, 3)->target->maybe_unbound);  // m += 1 reads m
  Node *sum = value(f, 4);                        // (n + m) + int(...)
  ck_assert(sum->left->left->maybe_unbound);
  ck_assert(!sum->left->right->maybe_unbound);  // m += 1 stored it
  typed_free(t);
}
END_TEST

START_TEST(surely_assigned_reads_need_no_flag) {
  Typed *t = ok("def f(c, maxiter):\n"
                "    if c.real > 0:\n"
                "        n = 1\n"
                "    elif c.imag > 0:\n"
                "        n = 2\n"
                "    else:\n"
                "        return 0\n"
                "    while True:\n"
                "        w = n\n"
                "        break\n"
                "    for i in range(maxiter):\n"
                "        k = i\n"
                "        n += k\n"
                "    else:\n"
                "        x = 1\n"
                "    y = [j for j in range(3)]\n"
                "    return n + w + len(y)\n");
  ck_assert(!any_flag(t));
  typed_free(t);
}
END_TEST

START_TEST(a_constant_range_assigns_its_target) {
  Typed *t = ok("def f(c, maxiter):\n"
                "    for i in range(3):\n"
                "        pass\n"
                "    for j in range(2, 0, -1):\n"
                "        pass\n"
                "    for k in range(4, 4):\n"
                "        pass\n"
                "    for m in range(maxiter):\n"
                "        pass\n"
                "    return i + j + k + m\n");
  Func *f = func(t, "f");
  ck_assert(!var(f, "i")->needs_flag);
  ck_assert(!var(f, "j")->needs_flag);
  ck_assert(var(f, "k")->needs_flag);
  ck_assert(var(f, "m")->needs_flag);
  typed_free(t);
}
END_TEST

START_TEST(only_breaks_leave_a_while_true_loop) {
  Typed *t = ok("def f(c, maxiter):\n"
                "    z = 0j\n"
                "    while True:\n"
                "        z = z * z + c\n"
                "        if abs(z) > 2.0:\n"
                "            k = 1\n"
                "            break\n"
                "        if z.imag > 9.0:\n"
                "            break\n"
                "    return k\n");
  ck_assert(var(func(t, "f"), "k")->needs_flag);
  ck_assert(value(func(t, "f"), 2)->maybe_unbound);
  typed_free(t);
}
END_TEST

// ---- files -----------------------------------------------------------------

// "# mandelc: --kernel=NAME" in a file's header picks the kernel.
static char *kernel_option(const char *src) {
  const char *k = strstr(src, "--kernel=");
  if (!k)
    return NULL;
  k += strlen("--kernel=");
  return strndup(k, strcspn(k, " \n"));
}

// A type error's first line is `# expect error: LINE:COL: MESSAGE`; the
// first line of the diagnostic must be `NAME:LINE:COL: error: MESSAGE`.
static void check_type_error(const char *name, const char *src, size_t len) {
  (void)len;  // no NUL bytes here: infer_file takes a C string
  char *want = expected_diagnostic(name, src);
  Typed *t = infer_file(name, src, NULL);
  ck_assert_msg(t->p == NULL, "%s: compiled without error", name);
  char *got = first_line(t->text);
  ck_assert_str_eq(got, want);
  free(got);
  free(want);
  typed_free(t);
}

START_TEST(every_type_error_kernel_fails_as_its_first_line_says) {
  int n = for_each_python_file(MANDELC_SOURCE_DIR "/tests/frontend/typeerrors",
                               check_type_error);
  ck_assert_int_ge(n, 15);
}
END_TEST

static void check_example(const char *name, const char *src, size_t len) {
  (void)len;
  char *kernel = kernel_option(src);
  Typed *t = infer_file(name, src, kernel);
  ck_assert_msg(t->p != NULL, "%s:\n%s", name, t->text);
  ck_assert(t->p->kernel->is_kernel);
  ck_assert_ptr_eq(t->p->kernel->def, t->choice.def);
  ck_assert_msg(!any_flag(t), "%s reads a variable that may be unset", name);
  typed_free(t);
  free(kernel);
}

START_TEST(every_example_selects_and_types) {
  int n = for_each_python_file(MANDELC_SOURCE_DIR "/examples", check_example);
  ck_assert_int_ge(n, 4);
}
END_TEST

static Suite *infer_suite(void) {
  Suite *s = suite_create("infer");
  TCase *tc = tcase_create("constructs");
  tcase_add_test(tc, tutorial_kernel_is_typed);
  tcase_add_test(tc, variable_widens_and_earlier_values_convert);
  tcase_add_test(tc, arithmetic_converts_the_narrower_operand);
  tcase_add_test(tc, comparisons_and_conditions_are_bool);
  tcase_add_test(tc, and_or_values_share_one_type);
  tcase_add_test(tc, call_sites_widen_parameters);
  tcase_add_test(tc, recursion_takes_its_type_from_the_base_case);
  tcase_add_test(tc, comprehension_variables_are_separate);
  tcase_add_test(tc, empty_lists_take_their_type_from_appends);
  tcase_add_test(tc, tuples_pack_unpack_and_swap);
  tcase_add_test(tc, real_and_imag_of_reals_need_no_code);
  tcase_add_test(tc, builtins_have_python_result_types);
  tcase_add_test(tc, module_constants_are_typed_in_dependency_order);
  tcase_add_test(tc, module_variable_that_is_not_constant_is_an_error);
  tcase_add_test(tc, math_resolves_every_import_form);
  tcase_add_test(tc, code_the_kernel_does_not_reach_is_ignored);
  tcase_add_test(tc, annotations_fix_types);
  tcase_add_test(tc, ints_compare_with_complex_only_for_equality);
  suite_add_tcase(s, tc);
  TCase *errors = tcase_create("errors");
  tcase_add_test(errors, conflict_names_both_places);
  tcase_add_test(errors, declared_variable_does_not_widen);
  tcase_add_test(errors, several_subset_errors_are_reported_at_once);
  suite_add_tcase(s, errors);
  TCase *bound = tcase_create("bound");
  tcase_add_test(bound, reads_after_a_loop_or_one_arm_are_maybe_unbound);
  tcase_add_test(bound, surely_assigned_reads_need_no_flag);
  tcase_add_test(bound, a_constant_range_assigns_its_target);
  tcase_add_test(bound, only_breaks_leave_a_while_true_loop);
  suite_add_tcase(s, bound);
  TCase *files = tcase_create("files");
  tcase_add_test(files, dump_lists_signatures_locals_and_constants);
  tcase_add_test(files, every_type_error_kernel_fails_as_its_first_line_says);
  tcase_add_test(files, every_example_selects_and_types);
  suite_add_tcase(s, files);
  return s;
}

int main(void) {
  SRunner *sr = srunner_create(infer_suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
