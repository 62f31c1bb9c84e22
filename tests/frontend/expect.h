// expect.h - what parse_test.c and infer_test.c share to run folders of
// Python files: reading each *.py file of a folder, and the expectation
// a malformed input carries in its first line,
//
//     # expect error: LINE:COL: MESSAGE
//
// which stands for the first line mandelc must print for it,
// `FILE:LINE:COL: error: MESSAGE` (tests/frontend/bad/README.md). The
// helpers are static inline so that each test includes only this file;
// they fail the running check test on a missing file or expectation.
#ifndef MANDELC_TESTS_EXPECT_H
#define MANDELC_TESTS_EXPECT_H

#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EXPECT_PREFIX "# expect error: "

// The whole file at `path`, NUL-terminated; *len says how long it is,
// since a malformed input may hold NUL bytes of its own.
static inline char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  ck_assert_msg(f != NULL, "cannot open %s", path);
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  rewind(f);
  char *buf = malloc((size_t)n + 1);
  ck_assert_uint_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
  buf[n] = '\0';
  fclose(f);
  *len = (size_t)n;
  return buf;
}

static inline int has_py_suffix(const struct dirent *e) {
  size_t len = strlen(e->d_name);
  return len >= 4 && strcmp(e->d_name + len - 3, ".py") == 0;
}

// Calls check(name, text, len) for every *.py file of `dir` in name order,
// so that a failure names the same file on every machine; returns how
// many files there were.
static inline int for_each_python_file(
    const char *dir, void (*check)(const char *, const char *, size_t)) {
  struct dirent **entries;
  int n = scandir(dir, &entries, has_py_suffix, alphasort);
  ck_assert_msg(n >= 0, "cannot open %s", dir);
  for (int i = 0; i < n; i++) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, entries[i]->d_name);
    size_t size;
    char *text = read_file(path, &size);
    check(entries[i]->d_name, text, size);
    free(text);
    free(entries[i]);
  }
  free(entries);
  return n;
}

// The first line of a diagnostic, for `file` whose text starts with the
// expectation line: "FILE:LINE:COL: error: MESSAGE". Free it after use.
static inline char *expected_diagnostic(const char *file, const char *text) {
  ck_assert_msg(strncmp(text, EXPECT_PREFIX, strlen(EXPECT_PREFIX)) == 0,
                "%s: no '%s' first line", file, EXPECT_PREFIX);
  const char *want = text + strlen(EXPECT_PREFIX);
  int want_len = (int)strcspn(want, "\r\n");
  const char *message = want;
  for (int i = 0; i < 2 && message; i++) {  // past LINE: and COL:
    message = memchr(message, ':', (size_t)(want + want_len - message));
    message = message ? message + 1 : NULL;
  }
  ck_assert_msg(message != NULL, "%s: the expectation needs LINE:COL:",
                file);
  char *line = NULL;
  ck_assert_int_ge(asprintf(&line, "%s:%.*s error:%.*s", file,
                            (int)(message - want), want,
                            want_len - (int)(message - want), message),
                   0);
  return line;
}

// The first line of `text` (a diagnostic), to compare with the expected
// one. Free it after use.
static inline char *first_line(const char *text) {
  return strndup(text, strcspn(text, "\n"));
}

#endif
