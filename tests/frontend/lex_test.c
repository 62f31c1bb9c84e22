// lex_test.c - tests of frontend/lex.c: every literal form, INDENT and
// DEDENT, implicit and explicit line joining, columns, the token dump and
// the exact text of lexical errors.
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "frontend.h"

// One lexer run: the tokens (NULL after an error) and what diag printed.
typedef struct {
  Arena *a;
  Diag d;
  Token *tokens;
  char *diag_text;
  size_t diag_len;
} Lexed;

static Lexed *lex_n(const char *src, size_t len) {
  Lexed *l = calloc(1, sizeof *l);
  l->a = arena_new();
  FILE *out = open_memstream(&l->diag_text, &l->diag_len);
  diag_init(&l->d, "t.py", src, len, out);
  arena_set_diag(l->a, &l->d);
  l->tokens = lex_source(l->a, &l->d, "t.py", src, len);
  fclose(out);
  return l;
}

static Lexed *lex(const char *src) { return lex_n(src, strlen(src)); }

static void lexed_free(Lexed *l) {
  arena_free(l->a);
  free(l->diag_text);
  free(l);
}

// The --emit=tokens text of src (which must lex).
static char *dump(const char *src) {
  Lexed *l = lex(src);
  ck_assert_msg(l->tokens != NULL, "lex failed: %s", l->diag_text);
  char *text = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&text, &len);
  lex_dump(out, l->tokens);
  fclose(out);
  lexed_free(l);
  return text;
}

// The first line of the diagnostic for src, which must not lex.
static char *first_error(const char *src) {
  Lexed *l = lex(src);
  ck_assert_msg(l->tokens == NULL, "lexed without error: %s", src);
  char *line = strndup(l->diag_text, strcspn(l->diag_text, "\n"));
  lexed_free(l);
  return line;
}

// The n-th token (from 0) of src.
static Token nth_token(const char *src, int n) {
  Lexed *l = lex(src);
  ck_assert_msg(l->tokens != NULL, "lex failed: %s", l->diag_text);
  Token *t = l->tokens;
  for (int i = 0; i < n; i++)
    t = t->next;
  Token copy = *t;
  lexed_free(l);  // copy.text now dangles: tests use only numbers
  copy.text = NULL;
  return copy;
}

#define ASSERT_DUMP(src, expected)                                      \
  do {                                                                  \
    char *got_ = dump(src);                                             \
    ck_assert_str_eq(got_, expected);                                   \
    free(got_);                                                         \
  } while (0)

#define ASSERT_ERROR(src, expected)                                     \
  do {                                                                  \
    char *got_ = first_error(src);                                      \
    ck_assert_str_eq(got_, expected);                                   \
    free(got_);                                                         \
  } while (0)

START_TEST(test_simple_statement) {
  ASSERT_DUMP("x = 1\n", "1:1 NAME 'x'\n1:3 OP '='\n1:5 INT '1'\n"
                         "1:6 NEWLINE ''\n2:1 EOF ''\n");
}
END_TEST

START_TEST(test_empty_and_comment_only_files) {
  ASSERT_DUMP("", "1:1 EOF ''\n");
  ASSERT_DUMP("# just a comment\n\n   \n", "4:1 EOF ''\n");
}
END_TEST

START_TEST(test_missing_final_newline_is_added) {
  ASSERT_DUMP("pass", "1:1 KEYWORD 'pass'\n1:5 NEWLINE ''\n1:5 EOF ''\n");
}
END_TEST

START_TEST(test_indent_and_dedent) {
  ASSERT_DUMP("if a:\n"
              "    if b:\n"
              "\n"
              "        # comment at another indentation\n"
              "        c\n"
              "d\n",
              "1:1 KEYWORD 'if'\n1:4 NAME 'a'\n1:5 OP ':'\n1:6 NEWLINE ''\n"
              "2:5 INDENT ''\n2:5 KEYWORD 'if'\n2:8 NAME 'b'\n2:9 OP ':'\n"
              "2:10 NEWLINE ''\n5:9 INDENT ''\n5:9 NAME 'c'\n"
              "5:10 NEWLINE ''\n6:1 DEDENT ''\n6:1 DEDENT ''\n"
              "6:1 NAME 'd'\n6:2 NEWLINE ''\n7:1 EOF ''\n");
}
END_TEST

START_TEST(test_dedents_at_end_of_file) {
  ASSERT_DUMP("def f():\n  if x:\n    y",
              "1:1 KEYWORD 'def'\n1:5 NAME 'f'\n1:6 OP '('\n1:7 OP ')'\n"
              "1:8 OP ':'\n1:9 NEWLINE ''\n2:3 INDENT ''\n2:3 KEYWORD 'if'\n"
              "2:6 NAME 'x'\n2:7 OP ':'\n2:8 NEWLINE ''\n3:5 INDENT ''\n"
              "3:5 NAME 'y'\n3:6 NEWLINE ''\n3:6 DEDENT ''\n3:6 DEDENT ''\n"
              "3:6 EOF ''\n");
}
END_TEST

START_TEST(test_tab_is_eight_columns) {
  // A tab and eight spaces are the same level, as in CPython... only when
  // both readings (tab = 8 and tab = 1) agree; here they do not.
  ASSERT_ERROR("if x:\n\ty\n        z\n",
               "t.py:3:9: error: inconsistent use of tabs and spaces in "
               "indentation");
  // Tabs alone are consistent.
  ASSERT_DUMP("if x:\n\ty\n\tz\n",
              "1:1 KEYWORD 'if'\n1:4 NAME 'x'\n1:5 OP ':'\n1:6 NEWLINE ''\n"
              "2:2 INDENT ''\n2:2 NAME 'y'\n2:3 NEWLINE ''\n3:2 NAME 'z'\n"
              "3:3 NEWLINE ''\n4:1 DEDENT ''\n4:1 EOF ''\n");
}
END_TEST

START_TEST(test_inconsistent_dedent) {
  ASSERT_ERROR("if x:\n    y\n  z\n",
               "t.py:3:3: error: unindent does not match any outer "
               "indentation level");
}
END_TEST

START_TEST(test_implicit_line_joining) {
  ASSERT_DUMP("f(a,\n      b)\n",
              "1:1 NAME 'f'\n1:2 OP '('\n1:3 NAME 'a'\n1:4 OP ','\n"
              "2:7 NAME 'b'\n2:8 OP ')'\n2:9 NEWLINE ''\n3:1 EOF ''\n");
}
END_TEST

START_TEST(test_backslash_continuation) {
  ASSERT_DUMP("x = 1 + \\\n  2\n",
              "1:1 NAME 'x'\n1:3 OP '='\n1:5 INT '1'\n1:7 OP '+'\n"
              "2:3 INT '2'\n2:4 NEWLINE ''\n3:1 EOF ''\n");
}
END_TEST

START_TEST(test_crlf_line_endings) {
  ASSERT_DUMP("if x:\r\n  y\r\n",
              "1:1 KEYWORD 'if'\n1:4 NAME 'x'\n1:5 OP ':'\n1:6 NEWLINE ''\n"
              "2:3 INDENT ''\n2:3 NAME 'y'\n2:4 NEWLINE ''\n3:1 DEDENT ''\n"
              "3:1 EOF ''\n");
}
END_TEST

START_TEST(test_columns_count_characters_not_bytes) {
  Token t = nth_token("s = 'héllo' + x\n", 4);
  ck_assert_int_eq(t.kind, TK_NAME);
  ck_assert_int_eq(t.col, 15);
}
END_TEST

START_TEST(test_utf8_bom_is_skipped) {
  ASSERT_DUMP("\xef\xbb\xbfx\n", "1:1 NAME 'x'\n1:2 NEWLINE ''\n2:1 EOF ''\n");
}
END_TEST

START_TEST(test_keywords_and_print_is_a_name) {
  ASSERT_DUMP("not print lambda\n",
              "1:1 KEYWORD 'not'\n1:5 NAME 'print'\n1:11 KEYWORD 'lambda'\n"
              "1:17 NEWLINE ''\n2:1 EOF ''\n");
}
END_TEST

START_TEST(test_operators_longest_match) {
  ASSERT_DUMP("**= // -> ... != <<= >= @",
              "1:1 OP '**='\n1:5 OP '//'\n1:8 OP '->'\n1:11 OP '...'\n"
              "1:15 OP '!='\n1:18 OP '<<='\n1:22 OP '>='\n1:25 OP '@'\n"
              "1:26 NEWLINE ''\n1:26 EOF ''\n");
}
END_TEST

START_TEST(test_integer_literals) {
  ck_assert_int_eq(nth_token("0", 0).ival, 0);
  ck_assert_int_eq(nth_token("00", 0).ival, 0);
  ck_assert_int_eq(nth_token("1_000", 0).ival, 1000);
  ck_assert_int_eq(nth_token("0x1F", 0).ival, 31);
  ck_assert_int_eq(nth_token("0X_ff", 0).ival, 255);
  ck_assert_int_eq(nth_token("0o17", 0).ival, 15);
  ck_assert_int_eq(nth_token("0b101", 0).ival, 5);
  ck_assert_int_eq(nth_token("9223372036854775807", 0).ival, INT64_MAX);
  ck_assert_int_eq(nth_token("1000", 0).kind, TK_INT);
}
END_TEST

START_TEST(test_integer_past_64_bits_is_an_error) {
  ASSERT_ERROR("x = 9223372036854775808\n",
               "t.py:1:5: error: integer literal 9223372036854775808 does "
               "not fit in 64 bits");
  ASSERT_ERROR("0x1_0000_0000_0000_0000",
               "t.py:1:1: error: integer literal 0x1_0000_0000_0000_0000 "
               "does not fit in 64 bits");
}
END_TEST

START_TEST(test_float_literals_are_exact) {
  // The expected values are CPython's float(...) of the same text.
  ck_assert(nth_token("1.", 0).fval == 1.0);
  ck_assert(nth_token(".5", 0).fval == 0.5);
  ck_assert(nth_token("1e-3", 0).fval == 0x1.0624dd2f1a9fcp-10);
  ck_assert(nth_token("1E+5", 0).fval == 100000.0);
  ck_assert(nth_token("0.1", 0).fval == 0x1.999999999999ap-4);
  ck_assert(nth_token("2.13", 0).fval == 0x1.10a3d70a3d70ap+1);
  ck_assert(nth_token("1_0.2_5", 0).fval == 10.25);
  ck_assert(isinf(nth_token("1e400", 0).fval));
  ck_assert_int_eq(nth_token("1.5", 0).kind, TK_FLOAT);
}
END_TEST

START_TEST(test_imaginary_literals) {
  Token t = nth_token("1j", 0);
  ck_assert_int_eq(t.kind, TK_IMAG);
  ck_assert(t.fval == 1.0);
  ck_assert(nth_token("2.5J", 0).fval == 2.5);
  ck_assert(nth_token("1e3j", 0).fval == 1000.0);
  ck_assert(nth_token("0j", 0).fval == 0.0);
}
END_TEST

START_TEST(test_number_errors) {
  ASSERT_ERROR("012", "t.py:1:1: error: leading zeros in decimal integer "
                      "literals are not permitted; use an 0o prefix for "
                      "octal integers");
  ASSERT_ERROR("1_", "t.py:1:1: error: invalid decimal literal");
  ASSERT_ERROR("1e", "t.py:1:1: error: invalid decimal literal");
  ASSERT_ERROR("0o8", "t.py:1:1: error: invalid octal literal");
  ASSERT_ERROR("0x", "t.py:1:1: error: invalid hexadecimal literal");
  ASSERT_ERROR("1jk", "t.py:1:1: error: invalid imaginary literal");
}
END_TEST

START_TEST(test_string_escapes) {
  ASSERT_DUMP("'a\\tb\\n' \"\\x41\\101\\u20ac\\\\\\'\" '\\q'",
              "1:1 STRING 'a\\tb\\n'\n1:10 STRING 'AA€\\\\\\''\n"
              "1:31 STRING '\\\\q'\n1:35 NEWLINE ''\n1:35 EOF ''\n");
}
END_TEST

START_TEST(test_raw_bytes_and_f_strings) {
  ASSERT_DUMP("r'\\n' b'\\xff' f'{x}' Rb'\\d' u'x'",
              "1:1 STRING '\\\\n'\n1:7 STRING b'\\xff'\n"
              "1:15 STRING f'{x}'\n1:22 STRING b'\\\\d'\n1:29 STRING 'x'\n"
              "1:33 NEWLINE ''\n1:33 EOF ''\n");
}
END_TEST

START_TEST(test_triple_quoted_strings_span_lines) {
  ASSERT_DUMP("s = '''a\n'b'\n''' + x\n",
              "1:1 NAME 's'\n1:3 OP '='\n1:5 STRING 'a\\n\\'b\\'\\n'\n"
              "3:5 OP '+'\n3:7 NAME 'x'\n3:8 NEWLINE ''\n4:1 EOF ''\n");
}
END_TEST

START_TEST(test_backslash_newline_inside_string) {
  ASSERT_DUMP("'ab\\\ncd' x",
              "1:1 STRING 'abcd'\n2:5 NAME 'x'\n2:6 NEWLINE ''\n2:6 EOF ''\n");
}
END_TEST

START_TEST(test_string_with_nul_escape_keeps_length) {
  Lexed *l = lex("'a\\0b'");
  ck_assert_ptr_nonnull(l->tokens);
  ck_assert_int_eq(l->tokens->len, 3);
  ck_assert_int_eq(memcmp(l->tokens->text, "a\0b", 3), 0);
  lexed_free(l);
}
END_TEST

START_TEST(test_string_errors) {
  ASSERT_ERROR("x = 'abc\ny = 1\n",
               "t.py:1:5: error: unterminated string literal (detected at "
               "line 1)");
  ASSERT_ERROR("x = \"\"\"abc\n\n",
               "t.py:1:5: error: unterminated triple-quoted string literal "
               "(detected at line 3)");
  ASSERT_ERROR("'\\u12'", "t.py:1:2: error: truncated \\u escape: expected 4 "
                          "hex digits");
  ASSERT_ERROR("'\\U00110000'",
               "t.py:1:2: error: illegal unicode character in \\U escape");
  ASSERT_ERROR("b'caf\xc3\xa9'",
               "t.py:1:6: error: bytes can only contain ascii literal "
               "characters");
}
END_TEST

START_TEST(test_bracket_errors) {
  ASSERT_ERROR("x = (1,\n  [2)\n",
               "t.py:2:5: error: closing ')' does not match opening '['");
  ASSERT_ERROR("x = ]", "t.py:1:5: error: unmatched ']'");
  ASSERT_ERROR("f(x,\n", "t.py:1:2: error: '(' was never closed");
}
END_TEST

START_TEST(test_mismatch_has_a_note_at_the_opener) {
  Lexed *l = lex("x = (1,\n  [2)\n");
  ck_assert_str_eq(l->diag_text,
                   "t.py:2:5: error: closing ')' does not match opening '['\n"
                   "  [2)\n"
                   "    ^\n"
                   "t.py:2:3: note: the opening '[' is here\n"
                   "  [2)\n"
                   "  ^\n");
  lexed_free(l);
}
END_TEST

START_TEST(test_invalid_characters) {
  ASSERT_ERROR("a $ b", "t.py:1:3: error: invalid character '$' (U+0024)");
  ASSERT_ERROR("a ! b", "t.py:1:3: error: invalid character '!' (U+0021)");
  ASSERT_ERROR("a \x01", "t.py:1:3: error: invalid non-printable character "
                         "U+0001");
  ASSERT_ERROR("x = \xe2\x80\x94 1",
               "t.py:1:5: error: invalid character '\xe2\x80\x94' (U+2014)");
}
END_TEST

START_TEST(test_nul_and_invalid_utf8) {
  Lexed *l = lex_n("x = 1\n#\0\n", 9);
  ck_assert_ptr_null(l->tokens);
  ck_assert_str_eq(strtok(l->diag_text, "\n"),
                   "t.py:2:2: error: invalid non-printable character U+0000 "
                   "(source code cannot contain null bytes)");
  lexed_free(l);
  ASSERT_ERROR("s = 'caf\xe9'\n",
               "t.py:1:9: error: file is not valid UTF-8 (byte 0xe9); save "
               "it as UTF-8");
  ASSERT_ERROR("# \xed\xa0\x80 surrogate\n",  // UTF-8 forbids surrogates
               "t.py:1:3: error: file is not valid UTF-8 (byte 0xed); save "
               "it as UTF-8");
}
END_TEST

START_TEST(test_nesting_limits) {
  char src[LEX_MAX_BRACKET_DEPTH + 10];
  memset(src, '(', sizeof src - 1);
  src[sizeof src - 1] = '\0';
  char expected[100];
  snprintf(expected, sizeof expected,
           "t.py:1:%d: error: too many nested parentheses (the limit is %d)",
           LEX_MAX_BRACKET_DEPTH + 1, LEX_MAX_BRACKET_DEPTH);
  ASSERT_ERROR(src, expected);
}
END_TEST

START_TEST(test_source_size_limit) {
  size_t n = LEX_MAX_SOURCE_BYTES + 1;
  char *src = malloc(n);
  memset(src, '\n', n);
  Lexed *l = lex_n(src, n);
  ck_assert_ptr_null(l->tokens);
  ck_assert_msg(strstr(l->diag_text, "t.py: error: file is too large") ==
                    l->diag_text,
                "%s", l->diag_text);
  lexed_free(l);
  free(src);
}
END_TEST

START_TEST(test_tok_is) {
  Lexed *l = lex("if x == 1");
  ck_assert(tok_is(l->tokens, "if"));
  ck_assert(!tok_is(l->tokens->next, "x"));  // a name, not an operator
  ck_assert(tok_is(l->tokens->next->next, "=="));
  lexed_free(l);
}
END_TEST

START_TEST(test_tokens_know_their_file) {
  Lexed *l = lex("x");
  ck_assert_str_eq(l->tokens->file, "t.py");
  lexed_free(l);
}
END_TEST

static Suite *lex_suite(void) {
  Suite *s = suite_create("lex");
  TCase *tc = tcase_create("core");
  tcase_add_test(tc, test_simple_statement);
  tcase_add_test(tc, test_empty_and_comment_only_files);
  tcase_add_test(tc, test_missing_final_newline_is_added);
  tcase_add_test(tc, test_indent_and_dedent);
  tcase_add_test(tc, test_dedents_at_end_of_file);
  tcase_add_test(tc, test_tab_is_eight_columns);
  tcase_add_test(tc, test_inconsistent_dedent);
  tcase_add_test(tc, test_implicit_line_joining);
  tcase_add_test(tc, test_backslash_continuation);
  tcase_add_test(tc, test_crlf_line_endings);
  tcase_add_test(tc, test_columns_count_characters_not_bytes);
  tcase_add_test(tc, test_utf8_bom_is_skipped);
  tcase_add_test(tc, test_keywords_and_print_is_a_name);
  tcase_add_test(tc, test_operators_longest_match);
  tcase_add_test(tc, test_integer_literals);
  tcase_add_test(tc, test_integer_past_64_bits_is_an_error);
  tcase_add_test(tc, test_float_literals_are_exact);
  tcase_add_test(tc, test_imaginary_literals);
  tcase_add_test(tc, test_number_errors);
  tcase_add_test(tc, test_string_escapes);
  tcase_add_test(tc, test_raw_bytes_and_f_strings);
  tcase_add_test(tc, test_triple_quoted_strings_span_lines);
  tcase_add_test(tc, test_backslash_newline_inside_string);
  tcase_add_test(tc, test_string_with_nul_escape_keeps_length);
  tcase_add_test(tc, test_string_errors);
  tcase_add_test(tc, test_bracket_errors);
  tcase_add_test(tc, test_mismatch_has_a_note_at_the_opener);
  tcase_add_test(tc, test_invalid_characters);
  tcase_add_test(tc, test_nul_and_invalid_utf8);
  tcase_add_test(tc, test_nesting_limits);
  tcase_add_test(tc, test_source_size_limit);
  tcase_add_test(tc, test_tok_is);
  tcase_add_test(tc, test_tokens_know_their_file);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  SRunner *sr = srunner_create(lex_suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
