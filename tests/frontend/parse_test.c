// parse_test.c - tests of frontend/parse.c and ast.c: the --emit=ast text
// of small programs (each statement and expression form, precedence,
// Python 2 print), every malformed input of tests/frontend/bad/ with its
// exact diagnostic, every file of examples/, and hostile inputs (10 MB,
// deep nesting, truncations, random token soup) that must end quickly in a
// diagnostic, never a crash.
#define _GNU_SOURCE  // asprintf, scandir (expect.h)
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "expect.h"
#include "frontend.h"

#ifndef MANDELC_SOURCE_DIR
#error "MANDELC_SOURCE_DIR must name the source tree"
#endif

// One lex + parse run: the module (NULL after an error) and diag's text.
typedef struct {
  Arena *a;
  Diag d;
  Node *module;
  char *diag_text;
  size_t diag_len;
} Parsed;

static Parsed *parse_n(const char *file, const char *src, size_t len) {
  Parsed *p = calloc(1, sizeof *p);
  p->a = arena_new();
  FILE *out = open_memstream(&p->diag_text, &p->diag_len);
  diag_init(&p->d, file, src, len, out);
  arena_set_diag(p->a, &p->d);
  Token *tokens = lex_source(p->a, &p->d, file, src, len);
  if (tokens)
    p->module = parse_module(p->a, &p->d, tokens);
  fclose(out);
  return p;
}

static Parsed *parse(const char *src) {
  return parse_n("t.py", src, strlen(src));
}

static void parsed_free(Parsed *p) {
  arena_free(p->a);
  free(p->diag_text);
  free(p);
}

// The ast_dump of src, without the Module line (which every test shares).
static char *dump_ast(const char *src) {
  Parsed *p = parse(src);
  ck_assert_msg(p->module != NULL, "parse failed: %s", p->diag_text);
  char *text = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&text, &len);
  ast_dump(out, p->module);
  fclose(out);
  parsed_free(p);
  ck_assert(strncmp(text, "Module 1:1\n", 11) == 0);
  memmove(text, text + 11, strlen(text + 11) + 1);
  return text;
}

static char *first_error_line(const char *src) {
  Parsed *p = parse(src);
  ck_assert_msg(p->module == NULL, "parsed without error: %s", src);
  char *line = first_line(p->diag_text);
  parsed_free(p);
  return line;
}

#define ASSERT_AST(src, expected)                                       \
  do {                                                                  \
    char *got_ = dump_ast(src);                                         \
    ck_assert_str_eq(got_, expected);                                   \
    free(got_);                                                         \
  } while (0)

#define ASSERT_ERROR(src, expected)                                     \
  do {                                                                  \
    char *got_ = first_error_line(src);                                 \
    ck_assert_str_eq(got_, expected);                                   \
    free(got_);                                                         \
  } while (0)

// ---- expressions ---------------------------------------------------------

START_TEST(test_power_binds_tighter_than_unary_minus) {
  ASSERT_AST("-2**2\n",
             "  body: Expr 1:1\n"
             "    value: UnaryOp 1:1 op=-\n"
             "      value: BinOp 1:3 op=**\n"
             "        left: Constant 1:2 value=2\n"
             "        right: Constant 1:5 value=2\n");
}
END_TEST

START_TEST(test_power_is_right_associative) {
  ASSERT_AST("2**-x**2\n",
             "  body: Expr 1:1\n"
             "    value: BinOp 1:2 op=**\n"
             "      left: Constant 1:1 value=2\n"
             "      right: UnaryOp 1:4 op=-\n"
             "        value: BinOp 1:6 op=**\n"
             "          left: Name 1:5 name=x\n"
             "          right: Constant 1:8 value=2\n");
}
END_TEST

START_TEST(test_arithmetic_precedence_and_associativity) {
  ASSERT_AST("a - b - c * d // e\n",
             "  body: Expr 1:1\n"
             "    value: BinOp 1:7 op=-\n"
             "      left: BinOp 1:3 op=-\n"
             "        left: Name 1:1 name=a\n"
             "        right: Name 1:5 name=b\n"
             "      right: BinOp 1:15 op=//\n"
             "        left: BinOp 1:11 op=*\n"
             "          left: Name 1:9 name=c\n"
             "          right: Name 1:13 name=d\n"
             "        right: Name 1:18 name=e\n");
}
END_TEST

START_TEST(test_bit_operators_below_arithmetic) {
  ASSERT_AST("a | b ^ c & d << 1 + 2\n",
             "  body: Expr 1:1\n"
             "    value: BinOp 1:3 op=|\n"
             "      left: Name 1:1 name=a\n"
             "      right: BinOp 1:7 op=^\n"
             "        left: Name 1:5 name=b\n"
             "        right: BinOp 1:11 op=&\n"
             "          left: Name 1:9 name=c\n"
             "          right: BinOp 1:15 op=<<\n"
             "            left: Name 1:13 name=d\n"
             "            right: BinOp 1:20 op=+\n"
             "              left: Constant 1:18 value=1\n"
             "              right: Constant 1:22 value=2\n");
}
END_TEST

START_TEST(test_comparison_chain_is_one_compare) {
  ASSERT_AST("a < b is not c not in d\n",
             "  body: Expr 1:1\n"
             "    value: Compare 1:3 ops=[<, is not, not in]\n"
             "      left: Name 1:1 name=a\n"
             "      comparators: Name 1:5 name=b\n"
             "      comparators: Name 1:14 name=c\n"
             "      comparators: Name 1:23 name=d\n");
}
END_TEST

START_TEST(test_boolean_operators) {
  ASSERT_AST("not a or b and c or d\n",
             "  body: Expr 1:1\n"
             "    value: BoolOp 1:7 op=or\n"
             "      values: UnaryOp 1:1 op=not\n"
             "        value: Name 1:5 name=a\n"
             "      values: BoolOp 1:12 op=and\n"
             "        values: Name 1:10 name=b\n"
             "        values: Name 1:16 name=c\n"
             "      values: Name 1:21 name=d\n");
}
END_TEST

START_TEST(test_conditional_expression_and_lambda) {
  ASSERT_AST("f = lambda x, n=2: x if n else -x\n",
             "  body: Assign 1:1\n"
             "    targets: Name 1:1 name=f\n"
             "    value: Lambda 1:5\n"
             "      args: arg 1:12 name=x\n"
             "      args: arg 1:15 name=n\n"
             "        value: Constant 1:17 value=2\n"
             "      value: IfExp 1:22\n"
             "        test: Name 1:25 name=n\n"
             "        body: Name 1:20 name=x\n"
             "        orelse: UnaryOp 1:32 op=-\n"
             "          value: Name 1:33 name=x\n");
}
END_TEST

START_TEST(test_constants) {
  ASSERT_AST("(1, 2.5, 1e-3, 3j, 'a' \"b\", None, True, False, ...)\n",
             "  body: Expr 1:1\n"
             "    value: Tuple 1:1\n"
             "      elts: Constant 1:2 value=1\n"
             "      elts: Constant 1:5 value=2.5\n"
             "      elts: Constant 1:10 value=0.001\n"
             "      elts: Constant 1:16 value=3.0j\n"
             "      elts: Constant 1:20 value='ab'\n"
             "      elts: Constant 1:29 value=None\n"
             "      elts: Constant 1:35 value=True\n"
             "      elts: Constant 1:41 value=False\n"
             "      elts: Constant 1:48 value=Ellipsis\n");
}
END_TEST

START_TEST(test_parentheses_do_not_make_tuples) {
  ASSERT_AST("(x)\n(x,)\n()\n",
             "  body: Expr 1:1\n"
             "    value: Name 1:2 name=x\n"
             "  body: Expr 2:1\n"
             "    value: Tuple 2:1\n"
             "      elts: Name 2:2 name=x\n"
             "  body: Expr 3:1\n"
             "    value: Tuple 3:1\n");
}
END_TEST

START_TEST(test_calls_attributes_and_subscripts) {
  ASSERT_AST("f(a, *b, k=1, **d)\nq[i].real\nd[j, i]\nx[1:2, ::3]\n",
             "  body: Expr 1:1\n"
             "    value: Call 1:1\n"
             "      func: Name 1:1 name=f\n"
             "      args: Name 1:3 name=a\n"
             "      args: Starred 1:6\n"
             "        value: Name 1:7 name=b\n"
             "      keywords: keyword 1:10 name=k\n"
             "        value: Constant 1:12 value=1\n"
             "      keywords: keyword 1:15\n"
             "        value: Name 1:17 name=d\n"
             "  body: Expr 2:1\n"
             "    value: Attribute 2:1 name=real\n"
             "      value: Subscript 2:1\n"
             "        value: Name 2:1 name=q\n"
             "        index: Name 2:3 name=i\n"
             "  body: Expr 3:1\n"
             "    value: Subscript 3:1\n"
             "      value: Name 3:1 name=d\n"
             "      index: Tuple 3:3\n"
             "        elts: Name 3:3 name=j\n"
             "        elts: Name 3:6 name=i\n"
             "  body: Expr 4:1\n"
             "    value: Subscript 4:1\n"
             "      value: Name 4:1 name=x\n"
             "      index: Tuple 4:3\n"
             "        elts: Slice 4:3\n"
             "          lower: Constant 4:3 value=1\n"
             "          upper: Constant 4:5 value=2\n"
             "        elts: Slice 4:8\n"
             "          step: Constant 4:10 value=3\n");
}
END_TEST

START_TEST(test_list_comprehension_with_several_clauses) {
  ASSERT_AST("[x * y for x in a if x for y in b]\n",
             "  body: Expr 1:1\n"
             "    value: ListComp 1:1\n"
             "      elt: BinOp 1:4 op=*\n"
             "        left: Name 1:2 name=x\n"
             "        right: Name 1:6 name=y\n"
             "      generators: comprehension 1:8\n"
             "        target: Name 1:12 name=x\n"
             "        iter: Name 1:17 name=a\n"
             "        ifs: Name 1:22 name=x\n"
             "      generators: comprehension 1:24\n"
             "        target: Name 1:28 name=y\n"
             "        iter: Name 1:33 name=b\n");
}
END_TEST

START_TEST(test_generator_argument_is_a_list_comprehension) {
  ASSERT_AST("sum(x for x in y)\n",
             "  body: Expr 1:1\n"
             "    value: Call 1:1\n"
             "      func: Name 1:1 name=sum\n"
             "      args: ListComp 1:5\n"
             "        elt: Name 1:5 name=x\n"
             "        generators: comprehension 1:7\n"
             "          target: Name 1:11 name=x\n"
             "          iter: Name 1:16 name=y\n");
}
END_TEST

START_TEST(test_dict_and_set_displays) {
  ASSERT_AST("{1: a, 2: b}\n{a, b}\n{}\n",
             "  body: Expr 1:1\n"
             "    value: Dict 1:1\n"
             "      keys: Constant 1:2 value=1\n"
             "      keys: Constant 1:8 value=2\n"
             "      values: Name 1:5 name=a\n"
             "      values: Name 1:11 name=b\n"
             "  body: Expr 2:1\n"
             "    value: Dict 2:1\n"
             "      keys: Name 2:2 name=a\n"
             "      keys: Name 2:5 name=b\n"
             "  body: Expr 3:1\n"
             "    value: Dict 3:1\n");
}
END_TEST

// ---- statements ----------------------------------------------------------

START_TEST(test_function_definition) {
  ASSERT_AST("@dec\ndef f(q, maxiter: int = 5, *a, **k) -> list:\n"
             "    \"\"\"doc\"\"\"\n    return\n",
             "  body: FunctionDef 2:1 name=f\n"
             "    decorators: Name 1:2 name=dec\n"
             "    args: arg 2:7 name=q\n"
             "    args: arg 2:10 name=maxiter\n"
             "      annotation: Name 2:19 name=int\n"
             "      value: Constant 2:25 value=5\n"
             "    args: Starred 2:28 op=*\n"
             "      value: arg 2:29 name=a\n"
             "    args: Starred 2:32 op=**\n"
             "      value: arg 2:34 name=k\n"
             "    returns: Name 2:40 name=list\n"
             "    body: Expr 3:5\n"
             "      value: Constant 3:5 value='doc'\n"
             "    body: Return 4:5\n");
}
END_TEST

START_TEST(test_assignments) {
  ASSERT_AST("a = b = 0\nzx, zy = z.real, z.imag\nx += 1\nn: int = 3\n",
             "  body: Assign 1:1\n"
             "    targets: Name 1:1 name=a\n"
             "    targets: Name 1:5 name=b\n"
             "    value: Constant 1:9 value=0\n"
             "  body: Assign 2:1\n"
             "    targets: Tuple 2:1\n"
             "      elts: Name 2:1 name=zx\n"
             "      elts: Name 2:5 name=zy\n"
             "    value: Tuple 2:10\n"
             "      elts: Attribute 2:10 name=real\n"
             "        value: Name 2:10 name=z\n"
             "      elts: Attribute 2:18 name=imag\n"
             "        value: Name 2:18 name=z\n"
             "  body: AugAssign 3:3 op=+\n"
             "    target: Name 3:1 name=x\n"
             "    value: Constant 3:6 value=1\n"
             "  body: AnnAssign 4:1\n"
             "    target: Name 4:1 name=n\n"
             "    annotation: Name 4:4 name=int\n"
             "    value: Constant 4:10 value=3\n");
}
END_TEST

START_TEST(test_for_and_while_with_else) {
  ASSERT_AST("for i, j in x:\n    break\nelse:\n    pass\n"
             "while i:\n    continue\nelse:\n    i = 0\n",
             "  body: For 1:1\n"
             "    target: Tuple 1:5\n"
             "      elts: Name 1:5 name=i\n"
             "      elts: Name 1:8 name=j\n"
             "    iter: Name 1:13 name=x\n"
             "    body: Break 2:5\n"
             "    orelse: Pass 4:5\n"
             "  body: While 5:1\n"
             "    test: Name 5:7 name=i\n"
             "    body: Continue 6:5\n"
             "    orelse: Assign 8:5\n"
             "      targets: Name 8:5 name=i\n"
             "      value: Constant 8:9 value=0\n");
}
END_TEST

START_TEST(test_elif_nests_in_orelse) {
  ASSERT_AST("if a:\n    x\nelif b:\n    y\nelse:\n    z\n",
             "  body: If 1:1\n"
             "    test: Name 1:4 name=a\n"
             "    body: Expr 2:5\n"
             "      value: Name 2:5 name=x\n"
             "    orelse: If 3:1\n"
             "      test: Name 3:6 name=b\n"
             "      body: Expr 4:5\n"
             "        value: Name 4:5 name=y\n"
             "      orelse: Expr 6:5\n"
             "        value: Name 6:5 name=z\n");
}
END_TEST

START_TEST(test_python2_print_statements) {
  ASSERT_AST("print\nprint \"a\", b,\nprint \"%0.2f%%\" % x\n",
             "  body: Print 1:1\n"
             "  body: Print 2:1 nl=false\n"
             "    values: Constant 2:7 value='a'\n"
             "    values: Name 2:12 name=b\n"
             "  body: Print 3:1\n"
             "    values: BinOp 3:17 op=%\n"
             "      left: Constant 3:7 value='%0.2f%%'\n"
             "      right: Name 3:19 name=x\n");
}
END_TEST

START_TEST(test_print_with_parentheses_is_a_call) {
  ASSERT_AST("print (\"x\")\nprint(a, b)\n",
             "  body: Expr 1:1\n"
             "    value: Call 1:1\n"
             "      func: Name 1:1 name=print\n"
             "      args: Constant 1:8 value='x'\n"
             "  body: Expr 2:1\n"
             "    value: Call 2:1\n"
             "      func: Name 2:1 name=print\n"
             "      args: Name 2:7 name=a\n"
             "      args: Name 2:10 name=b\n");
}
END_TEST

START_TEST(test_imports_and_global) {
  ASSERT_AST("import math, a.b as c\nfrom math import sqrt as s, pi\n"
             "from . import *\nglobal g\n",
             "  body: Import 1:1\n"
             "    args: alias 1:8 name=math\n"
             "    args: alias 1:14 name=a.b asname=c\n"
             "  body: ImportFrom 2:1 name=math\n"
             "    args: alias 2:18 name=sqrt asname=s\n"
             "    args: alias 2:29 name=pi\n"
             "  body: ImportFrom 3:1 name=.\n"
             "    args: alias 3:15 name=*\n"
             "  body: Global 4:1\n"
             "    args: Name 4:8 name=g\n");
}
END_TEST

START_TEST(test_try_with_raise_assert_del_class) {
  ASSERT_AST("try:\n    raise E\nexcept E as e:\n    pass\nfinally:\n"
             "    del a[0], b\nwith f() as g:\n    assert x, 'm'\n"
             "class C(B):\n    pass\n",
             "  body: Try 1:1\n"
             "    body: Raise 2:5\n"
             "      value: Name 2:11 name=E\n"
             "    handlers: ExceptHandler 3:1 name=e\n"
             "      test: Name 3:8 name=E\n"
             "      body: Pass 4:5\n"
             "    finalbody: Delete 6:5\n"
             "      targets: Subscript 6:9\n"
             "        value: Name 6:9 name=a\n"
             "        index: Constant 6:11 value=0\n"
             "      targets: Name 6:15 name=b\n"
             "  body: With 7:1\n"
             "    args: Call 7:6\n"
             "      func: Name 7:6 name=f\n"
             "    targets: Name 7:13 name=g\n"
             "    body: Assert 8:5\n"
             "      test: Name 8:12 name=x\n"
             "      value: Constant 8:15 value='m'\n"
             "  body: ClassDef 9:1 name=C\n"
             "    args: Name 9:9 name=B\n"
             "    body: Pass 10:5\n");
}
END_TEST

START_TEST(test_semicolons_and_one_line_suites) {
  ASSERT_AST("if x: a = 1; b = 2\n",
             "  body: If 1:1\n"
             "    test: Name 1:4 name=x\n"
             "    body: Assign 1:7\n"
             "      targets: Name 1:7 name=a\n"
             "      value: Constant 1:11 value=1\n"
             "    body: Assign 1:14\n"
             "      targets: Name 1:14 name=b\n"
             "      value: Constant 1:18 value=2\n");
}
END_TEST

START_TEST(test_empty_file_is_an_empty_module) {
  Parsed *p = parse("");
  ck_assert_ptr_nonnull(p->module);
  ck_assert_int_eq(p->module->kind, ND_MODULE);
  ck_assert_int_eq(p->module->body.len, 0);
  ck_assert_int_eq(p->d.nerrors, 0);
  parsed_free(p);
}
END_TEST

START_TEST(test_errors_say_what_was_expected) {
  ASSERT_ERROR("if x\n    pass\n", "t.py:1:5: error: expected ':' after "
                                    "'if' condition, found end of line");
  ASSERT_ERROR("while x y:\n", "t.py:1:9: error: expected ':' after 'while' "
                               "condition, found 'y'");
  ASSERT_ERROR("x = (1 + )\n",
               "t.py:1:10: error: expected an expression, found ')'");
  ASSERT_ERROR("def f(1):\n",
               "t.py:1:7: error: expected a parameter name, found '1'");
  ASSERT_ERROR("print >>sys.stderr, x\n",
               "t.py:1:7: error: 'print >>file, ...' is not supported; use "
               "print(..., file=f)");
}
END_TEST

// ---- whole files -----------------------------------------------------------

// A bad input's first line is `# expect error: LINE:COL: MESSAGE`; the
// first line of the diagnostic must be `NAME:LINE:COL: error: MESSAGE`.
static void check_bad_input(const char *name, const char *text, size_t len) {
  char *want = expected_diagnostic(name, text);
  Parsed *p = parse_n(name, text, len);
  ck_assert_msg(p->module == NULL, "%s parsed without error", name);
  char *got = first_line(p->diag_text);
  ck_assert_str_eq(got, want);
  free(got);
  free(want);
  parsed_free(p);
}

START_TEST(test_bad_inputs) {
  int n = for_each_python_file(MANDELC_SOURCE_DIR "/tests/frontend/bad",
                               check_bad_input);
  ck_assert_int_ge(n, 40);
}
END_TEST

static void check_parses(const char *name, const char *text, size_t len) {
  Parsed *p = parse_n(name, text, len);
  ck_assert_msg(p->module != NULL, "%s: %s", name, p->diag_text);
  ck_assert_int_gt(p->module->body.len, 0);
  parsed_free(p);
}

START_TEST(test_every_example_parses) {
  int n = for_each_python_file(MANDELC_SOURCE_DIR "/examples", check_parses);
  ck_assert_int_ge(n, 12);
}
END_TEST

// ---- hostile inputs --------------------------------------------------------

static double seconds_since(struct timespec t0) {
  struct timespec t1;
  clock_gettime(CLOCK_MONOTONIC, &t1);
  return (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) * 1e-9;
}

START_TEST(test_ten_megabyte_file) {
  // 10 MB of ordinary statements with an error on the last line: the
  // diagnostic must name that line, in well under the test's timeout.
  const char *line = "x = 1 + 2.5 * y  # padding the line to a hundred "
                     "bytes or so ........................\n";
  size_t line_len = strlen(line), lines = (10u << 20) / line_len;
  char *src = malloc(lines * line_len + 16);
  for (size_t i = 0; i < lines; i++)
    memcpy(src + i * line_len, line, line_len);
  strcpy(src + lines * line_len, "x = )\n");
  struct timespec t0;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  Parsed *p = parse_n("big.py", src, strlen(src));
  double took = seconds_since(t0);
  char want[80];
  snprintf(want, sizeof want, "big.py:%zu:5: error: unmatched ')'",
           lines + 1);
  ck_assert_ptr_null(p->module);
  p->diag_text[strcspn(p->diag_text, "\n")] = '\0';
  ck_assert_str_eq(p->diag_text, want);
  ck_assert_msg(took < 10.0, "took %.1f s", took);
  parsed_free(p);
  free(src);
}
END_TEST

// n copies of `open`, then `middle`, then n copies of `close`.
static char *nested(int n, const char *open, const char *middle,
                    const char *close) {
  size_t lo = strlen(open), lc = strlen(close), lm = strlen(middle);
  char *s = malloc((size_t)n * (lo + lc) + lm + 2);
  char *p = s;
  for (int i = 0; i < n; i++, p += lo)
    memcpy(p, open, lo);
  memcpy(p, middle, lm);
  p += lm;
  for (int i = 0; i < n; i++, p += lc)
    memcpy(p, close, lc);
  strcpy(p, "\n");
  return s;
}

START_TEST(test_ten_thousand_nested_brackets) {
  char *src = nested(10000, "(", "1", ")");
  struct timespec t0;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  ASSERT_ERROR(src, "t.py:1:201: error: too many nested parentheses (the "
                    "limit is 200)");
  ck_assert(seconds_since(t0) < 1.0);
  free(src);
}
END_TEST

START_TEST(test_deep_nesting_within_bracket_limit) {
  // 199 brackets lex; each is one more nested expression for the parser.
  char *src = nested(199, "[", "1", "]");
  Parsed *p = parse(src);
  ck_assert_msg(p->module != NULL, "%s", p->diag_text);
  parsed_free(p);
  free(src);
}
END_TEST

START_TEST(test_deep_unary_and_not_chains_are_diagnosed) {
  char *minus = nested(10000, "-", "1", "");
  ASSERT_ERROR(minus, "t.py:1:201: error: too many nested blocks or "
                      "expressions (the limit is 200)");
  free(minus);
  char *nots = nested(10000, "not ", "x", "");
  ASSERT_ERROR(nots, "t.py:1:801: error: too many nested blocks or "
                     "expressions (the limit is 200)");
  free(nots);
  char *power = nested(10000, "2**", "2", "");
  ASSERT_ERROR(power, "t.py:1:601: error: too many nested blocks or "
                      "expressions (the limit is 200)");
  free(power);
}
END_TEST

START_TEST(test_every_truncation_of_a_program_is_handled) {
  size_t len;
  char *text = read_file(MANDELC_SOURCE_DIR "/examples/pure_python.py", &len);
  for (size_t cut = 0; cut <= len; cut++) {
    Parsed *p = parse_n("cut.py", text, cut);
    // Either a module or exactly one error, never nothing.
    ck_assert_msg(p->module != NULL || p->d.nerrors == 1,
                  "cut at %zu: no module and %d errors", cut, p->d.nerrors);
    if (!p->module)
      ck_assert_msg(strstr(p->diag_text, ": error: ") != NULL, "cut %zu", cut);
    parsed_free(p);
  }
  free(text);
}
END_TEST

START_TEST(test_random_token_soup_never_crashes) {
  static const char *const pieces[] = {
      "x", "1", "2.5", "3j", "'s'", "(", ")", "[", "]", "{", "}", ",", ":",
      "=", "+", "-", "*", "**", "/", ".", "if", "else", "for", "in", "def",
      "return", "print", "lambda", "not", "and", "\n", "\n    ", "\n  ",
      " ", "\\\n", "#c\n", "\t", ";", "@", "\"\"\"", "0x", "1e", "_", "\r"};
  unsigned seed = 20110627;
  for (int round = 0; round < 3000; round++) {
    char src[600];
    size_t n = 0;
    int count = rand_r(&seed) % 40;
    for (int i = 0; i < count; i++) {
      const char *piece = pieces[rand_r(&seed) % (sizeof pieces /
                                                  sizeof *pieces)];
      size_t l = strlen(piece);
      memcpy(src + n, piece, l);
      n += l;
    }
    src[n] = '\0';
    Parsed *p = parse_n("soup.py", src, n);
    ck_assert_msg(p->module != NULL || p->d.nerrors == 1, "input: %s", src);
    parsed_free(p);
  }
}
END_TEST

START_TEST(test_binary_garbage_is_diagnosed) {
  unsigned seed = 7;
  for (int round = 0; round < 200; round++) {
    char src[4096];
    for (size_t i = 0; i < sizeof src; i++)
      src[i] = (char)(rand_r(&seed) & 0xff);
    Parsed *p = parse_n("bin.py", src, sizeof src);
    ck_assert_ptr_null(p->module);
    ck_assert_int_eq(p->d.nerrors, 1);
    parsed_free(p);
  }
}
END_TEST

static Suite *parse_suite(void) {
  Suite *s = suite_create("parse");
  TCase *ex = tcase_create("expressions");
  tcase_add_test(ex, test_power_binds_tighter_than_unary_minus);
  tcase_add_test(ex, test_power_is_right_associative);
  tcase_add_test(ex, test_arithmetic_precedence_and_associativity);
  tcase_add_test(ex, test_bit_operators_below_arithmetic);
  tcase_add_test(ex, test_comparison_chain_is_one_compare);
  tcase_add_test(ex, test_boolean_operators);
  tcase_add_test(ex, test_conditional_expression_and_lambda);
  tcase_add_test(ex, test_constants);
  tcase_add_test(ex, test_parentheses_do_not_make_tuples);
  tcase_add_test(ex, test_calls_attributes_and_subscripts);
  tcase_add_test(ex, test_list_comprehension_with_several_clauses);
  tcase_add_test(ex, test_generator_argument_is_a_list_comprehension);
  tcase_add_test(ex, test_dict_and_set_displays);
  suite_add_tcase(s, ex);
  TCase *st = tcase_create("statements");
  tcase_add_test(st, test_function_definition);
  tcase_add_test(st, test_assignments);
  tcase_add_test(st, test_for_and_while_with_else);
  tcase_add_test(st, test_elif_nests_in_orelse);
  tcase_add_test(st, test_python2_print_statements);
  tcase_add_test(st, test_print_with_parentheses_is_a_call);
  tcase_add_test(st, test_imports_and_global);
  tcase_add_test(st, test_try_with_raise_assert_del_class);
  tcase_add_test(st, test_semicolons_and_one_line_suites);
  tcase_add_test(st, test_empty_file_is_an_empty_module);
  tcase_add_test(st, test_errors_say_what_was_expected);
  suite_add_tcase(s, st);
  TCase *files = tcase_create("files");
  tcase_set_timeout(files, 60);
  tcase_add_test(files, test_bad_inputs);
  tcase_add_test(files, test_every_example_parses);
  tcase_add_test(files, test_ten_megabyte_file);
  tcase_add_test(files, test_ten_thousand_nested_brackets);
  tcase_add_test(files, test_deep_nesting_within_bracket_limit);
  tcase_add_test(files, test_deep_unary_and_not_chains_are_diagnosed);
  tcase_add_test(files, test_every_truncation_of_a_program_is_handled);
  tcase_add_test(files, test_random_token_soup_never_crashes);
  tcase_add_test(files, test_binary_garbage_is_diagnosed);
  suite_add_tcase(s, files);
  return s;
}

int main(void) {
  SRunner *sr = srunner_create(parse_suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
