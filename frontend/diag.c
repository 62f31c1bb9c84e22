// diag.c - compile errors that look like a C compiler's.
//
// A diagnostic is `file:line:col: error: message`, then the source line it
// points into and a caret under the column (chibicc tokenize.c, verror_at).
// Lines and columns count from 1; a column counts characters (UTF-8 code
// points), matching what lex.c records. The quoted line copies each tab of
// the original in front of the caret so the caret lines up whatever the
// terminal's tab width. Bytes that could upset a terminal (control bytes,
// invalid UTF-8) are printed as '?', one column each, so the caret still
// lines up. A line of 0 means "no position" (e.g. out of memory): only
// `file: error: message` is printed. A sink, when set, is handed each
// diagnostic too (main.c's --json and SARIF); with no stream (out NULL)
// nothing is printed.
//
// Error functions are noreturn: they print, count and longjmp to d->jmp,
// which the stage entry set (Lua ldo.c, luaD_throw). diag_error_soft lets a
// stage report several errors before giving up at max_errors.
#include <stdarg.h>
#include <string.h>

#include "frontend.h"

// A quoted line longer than this is cut to a window around the caret, so an
// error in a 10 MB single-line file prints one screenful, not 10 MB.
#define QUOTE_MAX_COLUMNS 160

void diag_init(Diag *d, const char *file, const char *src, size_t len,
               FILE *out) {
  memset(d, 0, sizeof *d);
  d->file = file;
  d->src = src;
  d->len = len;
  d->out = out;
  d->max_errors = 20;
}

// Finds the start and length (without its newline) of line `line`. Newlines
// are "\n", "\r\n" and a lone "\r", as in lex.c. Returns false past the end.
static bool find_line(const Diag *d, int line, size_t *start, size_t *len) {
  if (!d->src)
    return false;
  size_t i = 0;
  for (int l = 1; l < line; l++) {
    while (i < d->len && d->src[i] != '\n' && d->src[i] != '\r')
      i++;
    if (i >= d->len)
      return false;
    if (d->src[i] == '\r' && i + 1 < d->len && d->src[i + 1] == '\n')
      i++;
    i++;
  }
  size_t e = i;
  while (e < d->len && d->src[e] != '\n' && d->src[e] != '\r')
    e++;
  *start = i;
  *len = e - i;
  return true;
}

// RFC 3629 UTF-8, which is what CPython's decoder accepts for source.
int diag_utf8_length(const unsigned char *s, size_t n) {
  int len = s[0] < 0x80 ? 1 : s[0] < 0xc2 ? 0 : s[0] < 0xe0 ? 2
            : s[0] < 0xf0 ? 3 : s[0] < 0xf5 ? 4 : 0;
  if (len == 0 || (size_t)len > n)
    return 0;
  for (int i = 1; i < len; i++)
    if ((s[i] & 0xc0) != 0x80)
      return 0;
  if ((s[0] == 0xe0 && s[1] < 0xa0) || (s[0] == 0xed && s[1] >= 0xa0) ||
      (s[0] == 0xf0 && s[1] < 0x90) || (s[0] == 0xf4 && s[1] >= 0x90))
    return 0;
  return len;
}

// Prints one character of a quoted line and returns its length in bytes.
static int quote_char(FILE *out, const unsigned char *s, size_t n) {
  if (s[0] == '\t' || (s[0] >= 0x20 && s[0] < 0x7f)) {
    fputc(s[0], out);
    return 1;
  }
  int len = s[0] >= 0x80 ? diag_utf8_length(s, n) : 0;
  if (len == 0) {
    fputc('?', out);
    return 1;
  }
  fwrite(s, 1, (size_t)len, out);
  return len;
}

// Bytes taken by the character at s: its UTF-8 length, or 1 for a byte that
// starts no valid sequence (quote_char prints that byte as '?').
static int char_length(const unsigned char *s, size_t n) {
  int len = diag_utf8_length(s, n);
  return len ? len : 1;
}

// Prints the line and the caret under column `col`. A long line shows only
// a window of QUOTE_MAX_COLUMNS characters around the caret, marked "...".
static void quote_line(const Diag *d, int line, int col) {
  size_t start, len;
  if (!find_line(d, line, &start, &len))
    return;
  const unsigned char *s = (const unsigned char *)d->src + start;
  int first = col > QUOTE_MAX_COLUMNS / 2 ? col - QUOTE_MAX_COLUMNS / 2 : 1;
  size_t shown = 0;
  for (int c = 1; c < first && shown < len; c++)
    shown += char_length(s + shown, len - shown);
  fputs(first > 1 ? "..." : "", d->out);
  size_t i = shown;
  for (int c = first; i < len && c < first + QUOTE_MAX_COLUMNS; c++)
    i += quote_char(d->out, s + i, len - i);
  fputs(i < len ? "...\n" : "\n", d->out);
  // The caret line copies tabs so it lines up with the quoted text.
  fputs(first > 1 ? "   " : "", d->out);
  i = shown;
  for (int c = first; c < col; c++) {
    fputc(i < len && s[i] == '\t' ? '\t' : ' ', d->out);
    if (i < len)
      i += char_length(s + i, len - i);
  }
  fputs("^\n", d->out);
}

// The longest message handed to a sink (a message is a line or two).
#define SINK_MESSAGE_MAX 1024

static void report(Diag *d, const char *kind, int line, int col,
                   const char *fmt, va_list ap) {
  char msg[SINK_MESSAGE_MAX];
  vsnprintf(msg, sizeof msg, fmt, ap);
  if (d->sink)
    d->sink(d->sink_ctx, kind, line, line > 0 && col < 1 ? 1 : col, msg);
  if (!d->out)
    return;
  const char *file = d->file ? d->file : "<input>";
  bool is_error = !strcmp(kind, "error");
  if (line > 0)
    fprintf(d->out, "%s:%d:%d: ", file, line, col > 0 ? col : 1);
  else
    fprintf(d->out, "%s: ", file);
  if (d->color)
    fprintf(d->out, "\033[1;%dm%s:\033[0m ", is_error ? 31 : 36, kind);
  else
    fprintf(d->out, "%s: ", kind);
  fputs(msg, d->out);
  fputc('\n', d->out);
  if (line > 0)
    quote_line(d, line, col > 0 ? col : 1);
  fflush(d->out);
}

_Noreturn void diag_error_at(Diag *d, int line, int col, const char *fmt,
                             ...) {
  va_list ap;
  va_start(ap, fmt);
  report(d, "error", line, col, fmt, ap);
  va_end(ap);
  d->nerrors++;
  longjmp(d->jmp, 1);
}

_Noreturn void diag_error_tok(Diag *d, const Token *t, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  report(d, "error", t ? t->line : 0, t ? t->col : 0, fmt, ap);
  va_end(ap);
  d->nerrors++;
  longjmp(d->jmp, 1);
}

_Noreturn void diag_error_node(Diag *d, const Node *n, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  report(d, "error", n ? n->line : 0, n ? n->col : 0, fmt, ap);
  va_end(ap);
  d->nerrors++;
  longjmp(d->jmp, 1);
}

void diag_error_soft(Diag *d, int line, int col, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  report(d, "error", line, col, fmt, ap);
  va_end(ap);
  d->nerrors++;
  if (d->max_errors > 0 && d->nerrors >= d->max_errors)
    longjmp(d->jmp, 1);
}

void diag_note_at(Diag *d, int line, int col, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  report(d, "note", line, col, fmt, ap);
  va_end(ap);
}

void diag_check(Diag *d) {
  if (d->nerrors > 0)
    longjmp(d->jmp, 1);
}
