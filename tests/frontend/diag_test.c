// diag_test.c - tests of frontend/diag.c: the exact text of diagnostics
// (location, quoted line, caret), tabs, unprintable bytes, long lines, soft
// errors, notes and the longjmp protocol.
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "frontend.h"

// Captures what diag prints for one source text.
typedef struct {
  Diag d;
  char *text;
  size_t len;
  FILE *out;
} Capture;

static void capture_start(Capture *c, const char *src) {
  c->text = NULL;
  c->out = open_memstream(&c->text, &c->len);
  diag_init(&c->d, "kernel.py", src, strlen(src), c->out);
}

static char *capture_end(Capture *c) {
  fclose(c->out);
  return c->text;
}

START_TEST(test_error_has_location_line_and_caret) {
  Capture c;
  capture_start(&c, "def f(q):\n    x = $y\n");
  volatile int jumped = 0;
  if (setjmp(c.d.jmp) == 0)
    diag_error_at(&c.d, 2, 9, "invalid character '%c'", '$');
  else
    jumped = 1;
  char *out = capture_end(&c);
  ck_assert_int_eq(jumped, 1);
  ck_assert_int_eq(c.d.nerrors, 1);
  ck_assert_str_eq(out, "kernel.py:2:9: error: invalid character '$'\n"
                        "    x = $y\n"
                        "        ^\n");
  free(out);
}
END_TEST

START_TEST(test_caret_copies_tabs) {
  Capture c;
  capture_start(&c, "if x:\n\t\tz = z*z + q\n");
  if (setjmp(c.d.jmp) == 0)
    diag_error_at(&c.d, 2, 7, "bad");
  char *out = capture_end(&c);
  ck_assert_str_eq(out, "kernel.py:2:7: error: bad\n"
                        "\t\tz = z*z + q\n"
                        "\t\t    ^\n");
  free(out);
}
END_TEST

START_TEST(test_columns_count_characters) {
  Capture c;
  capture_start(&c, "s = 'é'; x\n");
  if (setjmp(c.d.jmp) == 0)
    diag_error_at(&c.d, 1, 10, "here");
  char *out = capture_end(&c);
  ck_assert_str_eq(out, "kernel.py:1:10: error: here\n"
                        "s = 'é'; x\n"
                        "         ^\n");
  free(out);
}
END_TEST

START_TEST(test_unprintable_bytes_are_question_marks) {
  Capture c;
  capture_start(&c, "x = \x1b[31m\xff\x01 y\n");
  if (setjmp(c.d.jmp) == 0)
    diag_error_at(&c.d, 1, 5, "bad");
  char *out = capture_end(&c);
  ck_assert_str_eq(out, "kernel.py:1:5: error: bad\n"
                        "x = ?[31m?? y\n"
                        "    ^\n");
  free(out);
}
END_TEST

START_TEST(test_long_line_is_cut_around_the_caret) {
  char src[1200];
  memset(src, 'a', 1000);
  src[500] = '$';
  strcpy(src + 1000, "\n");
  Capture c;
  capture_start(&c, src);
  if (setjmp(c.d.jmp) == 0)
    diag_error_at(&c.d, 1, 501, "bad");
  char *out = capture_end(&c);
  char *quoted = strchr(out, '\n') + 1;
  char *caret_line = strchr(quoted, '\n') + 1;
  // "..." + 160 characters + "...", and the caret under the '$'.
  ck_assert_int_eq((int)(caret_line - quoted), 3 + 160 + 3 + 1);
  char *caret = strchr(caret_line, '^');
  ck_assert_int_eq(quoted[caret - caret_line], '$');
  free(out);
}
END_TEST

START_TEST(test_no_position_prints_file_only) {
  Capture c;
  capture_start(&c, "x\n");
  if (setjmp(c.d.jmp) == 0)
    diag_error_at(&c.d, 0, 0, "out of memory");
  char *out = capture_end(&c);
  ck_assert_str_eq(out, "kernel.py: error: out of memory\n");
  free(out);
}
END_TEST

START_TEST(test_caret_past_end_of_line) {
  Capture c;
  capture_start(&c, "if x\r\ny\r\n");
  if (setjmp(c.d.jmp) == 0)
    diag_error_at(&c.d, 1, 5, "expected ':'");
  char *out = capture_end(&c);
  ck_assert_str_eq(out, "kernel.py:1:5: error: expected ':'\n"
                        "if x\n"
                        "    ^\n");
  free(out);
}
END_TEST

START_TEST(test_error_tok_and_node_use_their_position) {
  Capture c;
  capture_start(&c, "a\nbb\n");
  Token t = {.kind = TK_NAME, .text = "bb", .len = 2, .line = 2, .col = 2};
  if (setjmp(c.d.jmp) == 0)
    diag_error_tok(&c.d, &t, "tok");
  Node n = {.kind = ND_NAME, .line = 1, .col = 1};
  if (setjmp(c.d.jmp) == 0)
    diag_error_node(&c.d, &n, "node");
  char *out = capture_end(&c);
  ck_assert_str_eq(out, "kernel.py:2:2: error: tok\nbb\n ^\n"
                        "kernel.py:1:1: error: node\na\n^\n");
  ck_assert_int_eq(c.d.nerrors, 2);
  free(out);
}
END_TEST

START_TEST(test_soft_errors_stop_at_max_errors) {
  Capture c;
  capture_start(&c, "x\n");
  c.d.max_errors = 3;
  volatile int reported = 0;
  if (setjmp(c.d.jmp) == 0) {
    for (int i = 0; i < 10; i++) {
      diag_error_soft(&c.d, 1, 1, "error %d", i);
      reported++;
    }
  }
  free(capture_end(&c));
  ck_assert_int_eq(reported, 2);  // the third one jumped
  ck_assert_int_eq(c.d.nerrors, 3);
}
END_TEST

START_TEST(test_note_and_check) {
  Capture c;
  capture_start(&c, "x = [1,\n  2)\n");
  volatile int jumped = 0;
  if (setjmp(c.d.jmp) == 0) {
    diag_note_at(&c.d, 1, 5, "the opening '[' is here");
    diag_check(&c.d);  // no error yet: returns
    diag_error_soft(&c.d, 2, 4, "closing ')' does not match");
    diag_check(&c.d);
  } else {
    jumped = 1;
  }
  char *out = capture_end(&c);
  ck_assert_int_eq(jumped, 1);
  ck_assert_str_eq(out, "kernel.py:1:5: note: the opening '[' is here\n"
                        "x = [1,\n"
                        "    ^\n"
                        "kernel.py:2:4: error: closing ')' does not match\n"
                        "  2)\n"
                        "   ^\n");
  free(out);
}
END_TEST

static Suite *diag_suite(void) {
  Suite *s = suite_create("diag");
  TCase *tc = tcase_create("core");
  tcase_add_test(tc, test_error_has_location_line_and_caret);
  tcase_add_test(tc, test_caret_copies_tabs);
  tcase_add_test(tc, test_columns_count_characters);
  tcase_add_test(tc, test_unprintable_bytes_are_question_marks);
  tcase_add_test(tc, test_long_line_is_cut_around_the_caret);
  tcase_add_test(tc, test_no_position_prints_file_only);
  tcase_add_test(tc, test_caret_past_end_of_line);
  tcase_add_test(tc, test_error_tok_and_node_use_their_position);
  tcase_add_test(tc, test_soft_errors_stop_at_max_errors);
  tcase_add_test(tc, test_note_and_check);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  SRunner *sr = srunner_create(diag_suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
