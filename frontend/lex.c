// lex.c - Python text to tokens, with INDENT and DEDENT.
//
// The lexer walks the text once, left to right, appending tokens to a list
// that ends in TK_EOF; it follows CPython's tokenizer (Parser/tokenizer.c):
//
// - At the start of each logical line it measures the indentation (a tab
//   advances to the next multiple of 8, a form feed resets) and compares it
//   with a stack of open indentation levels, emitting INDENT or DEDENTs.
//   Like CPython it measures a second time with tabs as one column, so that
//   a mix of tabs and spaces whose meaning depends on the tab width is an
//   error rather than a silent guess.
// - Blank and comment-only lines produce no tokens at all, and inside
//   (), [] and {} newlines and indentation are ignored (implicit joining);
//   a backslash before a newline joins lines explicitly.
// - NEWLINE ends each logical line; at the end of the file the lexer adds a
//   missing NEWLINE, one DEDENT per open level, then TK_EOF.
//
// Before any of that, the whole file is checked to be UTF-8, as CPython
// decodes it before tokenizing. Columns count characters from 1; the
// current column is counted incrementally from a mark so that a very long
// line costs linear, not quadratic, time. Every error goes through diag.c
// and longjmps back to lex_source, which returns NULL.
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "frontend.h"

typedef struct {
  char ch;  // the opening bracket
  int line, col;
} OpenBracket;

typedef struct {
  Arena *a;
  Diag *d;
  const char *file;
  const char *src, *end;   // the text and one past its last byte
  const char *p;           // the next byte to read
  int line;                // line of p
  const char *line_start;  // first byte of p's line
  const char *col_mark;    // a byte of the current line whose column...
  int col_at_mark;         // ...is this (for incremental column counting)
  // Open indentation levels; indents[0] is column 0. alt_indents measures
  // the same lines with tabs counted as one column.
  int indents[LEX_MAX_INDENT_DEPTH + 1];
  int alt_indents[LEX_MAX_INDENT_DEPTH + 1];
  int depth;
  OpenBracket brackets[LEX_MAX_BRACKET_DEPTH];
  int nbrackets;
  Token head;   // dummy list head; head.next is the first token
  Token *tail;  // the last token appended
} Lexer;

static const char *const keywords[] = {
    "False", "None",   "True",     "and",      "as",     "assert", "async",
    "await", "break",  "class",    "continue", "def",    "del",    "elif",
    "else",  "except", "finally",  "for",      "from",   "global", "if",
    "import", "in",    "is",       "lambda",   "nonlocal", "not",  "or",
    "pass",  "raise",  "return",   "try",      "while",  "with",   "yield",
};

// Operators and delimiters, longest first so the first match is the
// longest (Python's maximal munch).
static const char *const operators[] = {
    "**=", "//=", ">>=", "<<=", "...", "**", "//", "<<", ">>", "<=", ">=",
    "==",  "!=",  "->",  "+=",  "-=",  "*=", "/=", "%=", "&=", "|=", "^=",
    "@=",  ":=",  "+",   "-",   "*",   "/",  "%",  "@",  "&",  "|",  "^",
    "~",   "<",   ">",   "(",   ")",   "[",  "]",  "{",  "}",  ",",  ":",
    ".",   ";",   "=",
};

// ---- positions -----------------------------------------------------------

// The column (from 1, in characters) of byte q on the current line.
static int column_of(Lexer *L, const char *q) {
  if (L->col_mark < L->line_start || L->col_mark > q) {
    L->col_mark = L->line_start;
    L->col_at_mark = 1;
  }
  int col = L->col_at_mark;
  for (const char *s = L->col_mark; s < q; s++)
    if (((unsigned char)*s & 0xc0) != 0x80)  // not a continuation byte
      col++;
  L->col_mark = q;
  L->col_at_mark = col;
  return col;
}

static bool is_newline(char c) { return c == '\n' || c == '\r'; }

// Steps over the newline at L->p ("\n", "\r\n" or a lone "\r").
static void skip_newline(Lexer *L) {
  if (L->p[0] == '\r' && L->p + 1 < L->end && L->p[1] == '\n')
    L->p++;
  L->p++;
  L->line++;
  L->line_start = L->p;
}

_Noreturn static void error_at_ptr(Lexer *L, const char *q, const char *msg) {
  diag_error_at(L->d, L->line, column_of(L, q), "%s", msg);
}

static Token *add_token(Lexer *L, TokenKind kind, const char *start,
                        const char *text, int len) {
  Token *t = arena_alloc(L->a, sizeof *t);
  t->kind = kind;
  t->text = text;
  t->len = len;
  t->file = L->file;
  t->line = L->line;
  t->col = column_of(L, start);
  L->tail->next = t;
  L->tail = t;
  return t;
}

// ---- checks on the whole file --------------------------------------------

static uint32_t utf8_decode(const unsigned char *s, int len) {
  static const unsigned char lead_mask[] = {0, 0x7f, 0x1f, 0x0f, 0x07};
  uint32_t cp = s[0] & lead_mask[len];
  for (int i = 1; i < len; i++)
    cp = (cp << 6) | (s[i] & 0x3f);
  return cp;
}

// CPython decodes the file as UTF-8 before tokenizing, so one bad byte
// anywhere, comments and strings included, rejects the file; so does a NUL
// byte, which CPython refuses anywhere in source code.
static void check_utf8(Lexer *L) {
  const unsigned char *s = (const unsigned char *)L->src;
  size_t n = (size_t)(L->end - L->src);
  for (size_t i = 0; i < n;) {
    int len = diag_utf8_length(s + i, n - i);
    if (len == 0 || s[i] == 0) {
      const char *q = L->src + i;
      for (L->p = L->line_start; L->p < q;)
        is_newline(*L->p) ? skip_newline(L) : (void)L->p++;
      if (s[i] == 0)
        diag_error_at(L->d, L->line, column_of(L, q),
                      "invalid non-printable character U+0000 (source code "
                      "cannot contain null bytes)");
      diag_error_at(L->d, L->line, column_of(L, q),
                    "file is not valid UTF-8 (byte 0x%02x); save it as UTF-8",
                    s[i]);
    }
    i += (size_t)len;
  }
}

// ---- indentation -----------------------------------------------------------

_Noreturn static void tab_error(Lexer *L) {
  error_at_ptr(L, L->p, "inconsistent use of tabs and spaces in indentation");
}

// Compares the indentation just measured with the open levels and emits
// INDENT or DEDENTs (CPython tokenizer.c, tok_get's indentation block).
static void apply_indent(Lexer *L, int col, int alt) {
  if (col == L->indents[L->depth]) {
    if (alt != L->alt_indents[L->depth])
      tab_error(L);
  } else if (col > L->indents[L->depth]) {
    if (L->depth == LEX_MAX_INDENT_DEPTH)
      // the number is LEX_MAX_INDENT_DEPTH (error_at_ptr takes no format)
      error_at_ptr(L, L->p, "too many levels of indentation (the limit is "
                   "100)");
    if (alt <= L->alt_indents[L->depth])
      tab_error(L);
    L->depth++;
    L->indents[L->depth] = col;
    L->alt_indents[L->depth] = alt;
    add_token(L, TK_INDENT, L->p, "", 0);
  } else {
    while (L->depth > 0 && col < L->indents[L->depth]) {
      L->depth--;
      add_token(L, TK_DEDENT, L->p, "", 0);
    }
    if (col != L->indents[L->depth])
      error_at_ptr(L, L->p,
                   "unindent does not match any outer indentation level");
    if (alt != L->alt_indents[L->depth])
      tab_error(L);
  }
}

// Reads the indentation of a new line. Returns false, having consumed the
// line, when it is blank or only a comment: such lines produce no tokens.
static bool read_indentation(Lexer *L) {
  int col = 0, alt = 0;
  for (; L->p < L->end; L->p++) {
    if (*L->p == ' ') {
      col++, alt++;
    } else if (*L->p == '\t') {
      col = (col / 8 + 1) * 8;
      alt++;
    } else if (*L->p == '\f') {
      col = alt = 0;
    } else {
      break;
    }
  }
  if (L->p == L->end)
    return true;  // the end of the file; lex_source closes the levels
  if (*L->p == '#' || is_newline(*L->p)) {
    while (L->p < L->end && !is_newline(*L->p))
      L->p++;
    if (L->p < L->end)
      skip_newline(L);
    return false;
  }
  apply_indent(L, col, alt);
  return true;
}

// ---- names and numbers -----------------------------------------------------

// Non-ASCII characters may appear in identifiers, as in Python 3, except
// for the punctuation and spaces that copying code out of a PDF or a word
// processor tends to bring in (curly quotes, non-breaking spaces, dashes).
static bool is_bad_unicode(uint32_t cp) {
  return (cp >= 0x80 && cp <= 0xbf && cp != 0xaa && cp != 0xb5 &&
          cp != 0xba) ||
         cp == 0xd7 || cp == 0xf7 || (cp >= 0x2000 && cp <= 0x206f) ||
         (cp >= 0x2190 && cp <= 0x2bff) || (cp >= 0x3000 && cp <= 0x303f) ||
         cp == 0xfeff || (cp >= 0xff01 && cp <= 0xff20);
}

static bool is_ident_start(char c) {
  return isalpha((unsigned char)c) || c == '_' || (unsigned char)c >= 0x80;
}

static bool is_ident_char(char c) {
  return is_ident_start(c) || isdigit((unsigned char)c);
}

_Noreturn static void invalid_character(Lexer *L) {
  const unsigned char *s = (const unsigned char *)L->p;
  int len = diag_utf8_length(s, (size_t)(L->end - L->p));
  uint32_t cp = utf8_decode(s, len);
  if (cp >= 0x21 && cp < 0x7f)
    diag_error_at(L->d, L->line, column_of(L, L->p),
                  "invalid character '%c' (U+%04X)", (int)cp, cp);
  if (cp < 0x80 || cp == 0xa0 || cp == 0xfeff || (cp >= 0x2000 && cp <= 0x200f))
    diag_error_at(L->d, L->line, column_of(L, L->p),
                  "invalid non-printable character U+%04X", cp);
  diag_error_at(L->d, L->line, column_of(L, L->p),
                "invalid character '%.*s' (U+%04X)", len, L->p, cp);
}

static bool is_keyword(const char *s, size_t len) {
  for (size_t i = 0; i < sizeof keywords / sizeof *keywords; i++)
    if (strlen(keywords[i]) == len && !memcmp(keywords[i], s, len))
      return true;
  return false;
}

// True if the name s (len bytes) is a string prefix: r, u, b, f, br, rb,
// fr, rf in any case (CPython's Lexical analysis, "stringprefix").
static bool is_string_prefix(const char *s, size_t len) {
  if (len == 0 || len > 2)
    return false;
  char a = (char)tolower((unsigned char)s[0]);
  if (len == 1)
    return a == 'r' || a == 'u' || a == 'b' || a == 'f';
  char b = (char)tolower((unsigned char)s[1]);
  return (a == 'r' && (b == 'b' || b == 'f')) ||
         ((a == 'b' || a == 'f') && b == 'r');
}

static void read_string(Lexer *L, const char *start, const char *prefix,
                        size_t prefix_len);

static void read_name(Lexer *L) {
  const char *start = L->p;
  while (L->p < L->end && is_ident_char(*L->p)) {
    if ((unsigned char)*L->p >= 0x80) {
      int len = diag_utf8_length((const unsigned char *)L->p,
                            (size_t)(L->end - L->p));
      if (is_bad_unicode(utf8_decode((const unsigned char *)L->p, len)))
        invalid_character(L);
      L->p += len;
    } else {
      L->p++;
    }
  }
  size_t len = (size_t)(L->p - start);
  if (L->p < L->end && (*L->p == '\'' || *L->p == '"') &&
      is_string_prefix(start, len)) {
    read_string(L, start, start, len);
    return;
  }
  TokenKind kind = is_keyword(start, len) ? TK_KEYWORD : TK_NAME;
  add_token(L, kind, start, arena_intern(L->a, start, len), (int)len);
}

static int digit_value(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return 99;
}

// Reads digits of `base`, each '_' allowed only between two digits (or,
// with `after_prefix`, between the base prefix and a digit). Returns how
// many digits were read.
static int read_digits(Lexer *L, int base, bool after_prefix) {
  int n = 0;
  while (L->p < L->end) {
    if (digit_value(*L->p) < base) {
      L->p++, n++;
    } else if (*L->p == '_' && (n > 0 || after_prefix) &&
               L->p + 1 < L->end && digit_value(L->p[1]) < base) {
      L->p++;
    } else {
      break;
    }
  }
  return n;
}

// Copies the spelling [start, end) without underscores (and without a
// trailing j), ready for strtod.
static char *digits_without_underscores(Lexer *L, const char *start,
                                        const char *end) {
  char *buf = arena_alloc(L->a, (size_t)(end - start) + 1);
  size_t n = 0;
  for (const char *s = start; s < end; s++)
    if (*s != '_' && *s != 'j' && *s != 'J')
      buf[n++] = *s;
  buf[n] = '\0';
  return buf;
}

// The value of an integer literal; past 64 bits is an error, since kernel
// ints are 64-bit and a silently wrapped constant would be wrong.
static int64_t integer_value(Lexer *L, const char *start, const char *digits,
                             int base) {
  uint64_t v = 0;
  for (const char *s = digits; s < L->p; s++) {
    if (*s == '_')
      continue;
    uint64_t dv = (uint64_t)digit_value(*s);
    if (v > ((uint64_t)INT64_MAX - dv) / (uint64_t)base)
      diag_error_at(L->d, L->line, column_of(L, start),
                    "integer literal %.*s does not fit in 64 bits",
                    (int)(L->p - start > 40 ? 40 : L->p - start), start);
    v = v * (uint64_t)base + dv;
  }
  return (int64_t)v;
}

_Noreturn static void invalid_number(Lexer *L, const char *start,
                                     const char *kind) {
  diag_error_at(L->d, L->line, column_of(L, start), "invalid %s literal",
                kind);
}

// 0x1F, 0o17, 0b101 (CPython's "hexinteger", "octinteger", "bininteger").
static void read_prefixed_integer(Lexer *L, const char *start) {
  char p = (char)tolower((unsigned char)start[1]);
  int base = p == 'x' ? 16 : p == 'o' ? 8 : 2;
  const char *kind = p == 'x' ? "hexadecimal" : p == 'o' ? "octal"
                                                         : "binary";
  L->p += 2;
  const char *digits = L->p;
  if (read_digits(L, base, true) == 0 ||
      (L->p < L->end && is_ident_char(*L->p)))
    invalid_number(L, start, kind);
  Token *t = add_token(L, TK_INT, start,
                       arena_intern(L->a, start, (size_t)(L->p - start)),
                       (int)(L->p - start));
  t->ival = integer_value(L, start, digits, base);
}

// decinteger, floatnumber and imagnumber: 1_000, 1., .5, 1e-3, 2.5J.
static void read_number(Lexer *L) {
  const char *start = L->p;
  if (L->p + 1 < L->end && *L->p == '0' && L->p[1] &&
      strchr("xXoObB", L->p[1])) {
    read_prefixed_integer(L, start);
    return;
  }
  read_digits(L, 10, false);
  bool is_float = false;
  if (L->p < L->end && *L->p == '.') {
    L->p++;
    is_float = true;
    read_digits(L, 10, false);
  }
  if (L->p < L->end && (*L->p == 'e' || *L->p == 'E')) {
    L->p++;
    if (L->p < L->end && (*L->p == '+' || *L->p == '-'))
      L->p++;
    if (read_digits(L, 10, false) == 0)
      invalid_number(L, start, "decimal");
    is_float = true;
  }
  bool is_imag = L->p < L->end && (*L->p == 'j' || *L->p == 'J');
  if (is_imag)
    L->p++;
  if (L->p < L->end && is_ident_char(*L->p))
    invalid_number(L, start, is_imag ? "imaginary" : "decimal");
  size_t len = (size_t)(L->p - start);
  const char *text = arena_intern(L->a, start, len);
  if (!is_float && !is_imag) {
    // "00" is zero, but "012" would be octal in Python 2: an error.
    if (text[0] == '0' && strspn(text, "0_") < len)
      diag_error_at(L->d, L->line, column_of(L, start),
                    "leading zeros in decimal integer literals are not "
                    "permitted; use an 0o prefix for octal integers");
    add_token(L, TK_INT, start, text, (int)len)->ival =
        integer_value(L, start, start, 10);
    return;
  }
  // glibc's strtod rounds correctly, as CPython's dtoa.c does.
  double v = strtod(digits_without_underscores(L, start, L->p), NULL);
  add_token(L, is_imag ? TK_IMAG : TK_FLOAT, start, text, (int)len)->fval = v;
}

// ---- strings -------------------------------------------------------------

typedef struct {
  char *buf;  // decoded bytes
  size_t len;
  bool raw, bytes;
} StringValue;

static void put_utf8(StringValue *v, uint32_t cp) {
  if (cp < 0x80) {
    v->buf[v->len++] = (char)cp;
  } else if (cp < 0x800) {
    v->buf[v->len++] = (char)(0xc0 | cp >> 6);
    v->buf[v->len++] = (char)(0x80 | (cp & 0x3f));
  } else if (cp < 0x10000) {
    v->buf[v->len++] = (char)(0xe0 | cp >> 12);
    v->buf[v->len++] = (char)(0x80 | ((cp >> 6) & 0x3f));
    v->buf[v->len++] = (char)(0x80 | (cp & 0x3f));
  } else {
    v->buf[v->len++] = (char)(0xf0 | cp >> 18);
    v->buf[v->len++] = (char)(0x80 | ((cp >> 12) & 0x3f));
    v->buf[v->len++] = (char)(0x80 | ((cp >> 6) & 0x3f));
    v->buf[v->len++] = (char)(0x80 | (cp & 0x3f));
  }
}

// A character given by its code: a byte in bytes literals, else UTF-8.
static void put_code(StringValue *v, uint32_t cp) {
  if (v->bytes)
    v->buf[v->len++] = (char)(cp & 0xff);
  else
    put_utf8(v, cp);
}

// Reads exactly n hex digits after an escape (\x, \u, \U).
static uint32_t read_hex_escape(Lexer *L, const char *backslash, int n,
                                char letter) {
  uint32_t cp = 0;
  for (int i = 0; i < n; i++, L->p++) {
    if (L->p >= L->end || digit_value(*L->p) >= 16)
      diag_error_at(L->d, L->line, column_of(L, backslash),
                    "truncated \\%c escape: expected %d hex digits", letter,
                    n);
    cp = cp * 16 + (uint32_t)digit_value(*L->p);
  }
  if (cp > 0x10ffff)
    diag_error_at(L->d, L->line, column_of(L, backslash),
                  "illegal unicode character in \\%c escape", letter);
  return cp;
}

// Decodes the escape after a backslash (L->p is just past it), following
// CPython's Lexical analysis, "Escape sequences"; an unknown escape keeps
// its backslash, as Python does.
static void read_escape(Lexer *L, StringValue *v, const char *backslash) {
  static const char simple[] = "\\\\''\"\"a\ab\bf\fn\nr\rt\tv\v";
  char c = *L->p;
  if (is_newline(c)) {  // a backslash-newline continues the string
    skip_newline(L);
    return;
  }
  for (int i = 0; simple[i]; i += 2)
    if (simple[i] == c) {
      v->buf[v->len++] = simple[i + 1];
      L->p++;
      return;
    }
  if (c >= '0' && c <= '7') {
    uint32_t cp = 0;
    for (int i = 0; i < 3 && L->p < L->end && *L->p >= '0' && *L->p <= '7';
         i++)
      cp = cp * 8 + (uint32_t)(*L->p++ - '0');
    put_code(v, cp);
  } else if (c == 'x') {
    L->p++;
    put_code(v, read_hex_escape(L, backslash, 2, 'x'));
  } else if ((c == 'u' || c == 'U') && !v->bytes) {
    L->p++;
    put_utf8(v, read_hex_escape(L, backslash, c == 'u' ? 4 : 8, c));
  } else if (c == 'N' && !v->bytes) {
    diag_error_at(L->d, L->line, column_of(L, backslash),
                  "\\N{...} escapes are not supported; use \\u or \\U");
  } else {
    v->buf[v->len++] = '\\';
  }
}

// Finds the end of the string body starting at `body` and returns one past
// its closing quote(s); reports an unterminated string. Does not move L->p.
static const char *find_string_end(Lexer *L, const char *start,
                                   const char *body, char quote,
                                   bool triple) {
  int lines = L->line;
  for (const char *s = body; s < L->end;) {
    if (*s == '\\' && s + 1 < L->end) {
      s++;
      if (*s == '\r' && s + 1 < L->end && s[1] == '\n')
        s++;
      lines += is_newline(*s);
      s++;
    } else if (*s == quote && (!triple || (L->end - s >= 3 && s[1] == quote &&
                                           s[2] == quote))) {
      return s + (triple ? 3 : 1);
    } else if (is_newline(*s)) {
      if (!triple)
        break;
      if (*s == '\r' && s + 1 < L->end && s[1] == '\n')
        s++;
      lines++;
      s++;
    } else {
      s++;
    }
  }
  diag_error_at(L->d, L->line, column_of(L, start),
                "unterminated %sstring literal (detected at line %d)",
                triple ? "triple-quoted " : "", lines);
}

// Decodes the characters from L->p up to body_end into v: newlines read
// as "\n" (CPython's universal newlines), escapes decoded unless the
// literal is raw, and bytes limited to ASCII.
static void read_string_body(Lexer *L, StringValue *v, const char *body_end) {
  while (L->p < body_end) {
    const char *c = L->p;
    if (is_newline(*c)) {
      skip_newline(L);  // "\r\n" and "\r" read as "\n", as in CPython
      v->buf[v->len++] = '\n';
    } else if (*c == '\\' && !v->raw) {
      L->p++;
      read_escape(L, v, c);
    } else if (*c == '\\') {  // raw: the backslash and what follows stay
      v->buf[v->len++] = *L->p++;
      if (is_newline(*L->p)) {
        skip_newline(L);
        v->buf[v->len++] = '\n';
      } else {
        v->buf[v->len++] = *L->p++;
      }
    } else {
      if (v->bytes && (unsigned char)*c >= 0x80)
        diag_error_at(L->d, L->line, column_of(L, c),
                      "bytes can only contain ascii literal characters");
      v->buf[v->len++] = *L->p++;
    }
  }
}

// Reads a string literal whose prefix (possibly empty) starts at `start`;
// L->p is at the opening quote. The token's text is the decoded value.
static void read_string(Lexer *L, const char *start, const char *prefix,
                        size_t prefix_len) {
  StringValue v = {0};
  char kind = 0;
  for (size_t i = 0; i < prefix_len; i++) {
    char c = (char)tolower((unsigned char)prefix[i]);
    v.raw |= c == 'r';
    if (c == 'b' || c == 'f')
      kind = c;
  }
  v.bytes = kind == 'b';
  int line = L->line, col = column_of(L, start);
  char quote = *L->p;
  bool triple = L->end - L->p >= 3 && L->p[1] == quote && L->p[2] == quote;
  L->p += triple ? 3 : 1;
  const char *close = find_string_end(L, start, L->p, quote, triple);
  const char *body_end = close - (triple ? 3 : 1);
  v.buf = arena_alloc(L->a, (size_t)(body_end - L->p) + 1);
  read_string_body(L, &v, body_end);
  L->p = close;
  Token *t = arena_alloc(L->a, sizeof *t);
  *t = (Token){.kind = TK_STRING, .file = L->file, .line = line, .col = col,
               .text = arena_intern(L->a, v.buf, v.len), .len = (int)v.len,
               .str_prefix = kind};
  L->tail->next = t;
  L->tail = t;
}

// ---- operators and brackets ---------------------------------------------

static void open_bracket(Lexer *L, const Token *t) {
  if (L->nbrackets == LEX_MAX_BRACKET_DEPTH)
    diag_error_at(L->d, t->line, t->col,
                  "too many nested parentheses (the limit is %d)",
                  LEX_MAX_BRACKET_DEPTH);
  L->brackets[L->nbrackets++] =
      (OpenBracket){.ch = t->text[0], .line = t->line, .col = t->col};
}

// A closing bracket must match the innermost open one; the error names the
// opener in a note, since the mistake is often there (Lua check_match).
static void close_bracket(Lexer *L, const Token *t) {
  char c = t->text[0];
  if (L->nbrackets == 0)
    diag_error_at(L->d, t->line, t->col, "unmatched '%c'", c);
  OpenBracket open = L->brackets[--L->nbrackets];
  char want = open.ch == '(' ? ')' : open.ch == '[' ? ']' : '}';
  if (c == want)
    return;
  diag_error_soft(L->d, t->line, t->col,
                  "closing '%c' does not match opening '%c'", c, open.ch);
  diag_note_at(L->d, open.line, open.col, "the opening '%c' is here",
               open.ch);
  diag_check(L->d);
}

static void read_operator(Lexer *L) {
  for (size_t i = 0; i < sizeof operators / sizeof *operators; i++) {
    size_t n = strlen(operators[i]);
    if ((size_t)(L->end - L->p) < n || memcmp(L->p, operators[i], n))
      continue;
    Token *t = add_token(L, TK_OP, L->p, arena_intern(L->a, L->p, n), (int)n);
    L->p += n;
    if (strchr("([{", t->text[0]) && n == 1)
      open_bracket(L, t);
    else if (strchr(")]}", t->text[0]) && n == 1)
      close_bracket(L, t);
    return;
  }
  invalid_character(L);
}

// ---- the main loop -------------------------------------------------------

// Skips spaces, tabs, form feeds, comments and backslash continuations.
static void skip_blanks(Lexer *L) {
  while (L->p < L->end) {
    char c = *L->p;
    if (c == ' ' || c == '\t' || c == '\f') {
      L->p++;
    } else if (c == '#') {
      while (L->p < L->end && !is_newline(*L->p))
        L->p++;
    } else if (c == '\\') {
      const char *backslash = L->p++;
      if (L->p >= L->end)
        error_at_ptr(L, backslash, "unexpected end of file after '\\'");
      if (!is_newline(*L->p))
        error_at_ptr(L, backslash,
                     "unexpected character after line continuation "
                     "character '\\'");
      skip_newline(L);
      if (L->p >= L->end)
        error_at_ptr(L, L->p, "unexpected end of file after '\\'");
    } else {
      return;
    }
  }
}

// Reads one token starting at L->p (not a blank, newline or comment).
static void read_token(Lexer *L) {
  char c = *L->p;
  if (isdigit((unsigned char)c) ||
      (c == '.' && L->p + 1 < L->end && isdigit((unsigned char)L->p[1])))
    read_number(L);
  else if (c == '\'' || c == '"')
    read_string(L, L->p, L->p, 0);
  else if (is_ident_start(c))
    read_name(L);
  else
    read_operator(L);
}

// At the end of the file: unclosed brackets are an error; otherwise the
// last line gets its NEWLINE and every open level its DEDENT.
static void finish(Lexer *L) {
  if (L->nbrackets > 0) {
    OpenBracket *b = &L->brackets[L->nbrackets - 1];
    diag_error_at(L->d, b->line, b->col, "'%c' was never closed", b->ch);
  }
  if (L->tail != &L->head && L->tail->kind != TK_NEWLINE)
    add_token(L, TK_NEWLINE, L->p, "", 0);
  for (; L->depth > 0; L->depth--)
    add_token(L, TK_DEDENT, L->p, "", 0);
  add_token(L, TK_EOF, L->p, "", 0);
}

static void lex_all(Lexer *L) {
  bool at_line_start = true;
  for (;;) {
    if (at_line_start && L->nbrackets == 0 && !read_indentation(L))
      continue;  // a blank line, consumed
    at_line_start = false;
    skip_blanks(L);
    if (L->p >= L->end)
      break;
    if (is_newline(*L->p)) {
      if (L->nbrackets == 0) {
        add_token(L, TK_NEWLINE, L->p, "", 0);
        at_line_start = true;
      }
      skip_newline(L);
      continue;
    }
    if (*L->p == '\0' || (unsigned char)*L->p < 0x20)
      invalid_character(L);
    read_token(L);
  }
  finish(L);
}

Token *lex_source(Arena *a, Diag *d, const char *file, const char *src,
                  size_t len) {
  Lexer *L = arena_alloc(a, sizeof *L);
  *L = (Lexer){.a = a, .d = d, .file = file, .src = src, .end = src + len,
               .p = src, .line = 1, .line_start = src, .col_mark = src,
               .col_at_mark = 1};
  L->tail = &L->head;
  if (setjmp(d->jmp))
    return NULL;
  if (len > LEX_MAX_SOURCE_BYTES)
    diag_error_at(d, 0, 0, "file is too large (%zu bytes; the limit is %zu)",
                  len, LEX_MAX_SOURCE_BYTES);
  check_utf8(L);
  if (len >= 3 && !memcmp(src, "\xef\xbb\xbf", 3)) {  // a UTF-8 BOM
    L->p += 3;
    L->line_start = L->col_mark = L->p;
  }
  lex_all(L);
  return L->head.next;
}

bool tok_is(const Token *t, const char *op) {
  return (t->kind == TK_OP || t->kind == TK_KEYWORD) && !strcmp(t->text, op);
}

// ---- printing ------------------------------------------------------------

// Printable ASCII and valid UTF-8 are written as they are; everything else
// (control bytes, the bytes of b'' literals that are not UTF-8) as \xNN,
// so the output is always valid UTF-8.
void lex_dump_string(FILE *out, const char *s, int len) {
  fputc('\'', out);
  for (int i = 0; i < len;) {
    unsigned char c = (unsigned char)s[i];
    int n = c >= 0x80 ? diag_utf8_length((const unsigned char *)s + i,
                                    (size_t)(len - i))
                      : 1;
    if (c == '\\' || c == '\'')
      fprintf(out, "\\%c", c);
    else if (c == '\n')
      fputs("\\n", out);
    else if (c == '\t')
      fputs("\\t", out);
    else if (c < 0x20 || c == 0x7f || n == 0)
      fprintf(out, "\\x%02x", c);
    else
      fwrite(s + i, 1, (size_t)n, out);
    i += n ? n : 1;
  }
  fputc('\'', out);
}

// Short, stable names for --emit=tokens: the enum names without "TK_".
static const char *const token_kind_tags[] = {
#define X(name, desc) &#name[3],
    TOKEN_KINDS(X)
#undef X
};

void lex_dump(FILE *out, const Token *tokens) {
  for (const Token *t = tokens; t; t = t->next) {
    fprintf(out, "%d:%d %s ", t->line, t->col, token_kind_tags[t->kind]);
    if (t->kind == TK_STRING && t->str_prefix)
      fputc(t->str_prefix, out);
    lex_dump_string(out, t->text, t->len);
    fputc('\n', out);
  }
}

char *lex_read_file(const char *path, size_t *len, char *why, size_t whylen) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    snprintf(why, whylen, "cannot open %s: %s", path, strerror(errno));
    return NULL;
  }
  char *buf = malloc(LEX_MAX_SOURCE_BYTES + 1);
  size_t n = buf ? fread(buf, 1, LEX_MAX_SOURCE_BYTES + 1, f) : 0;
  bool failed = !buf || ferror(f);
  fclose(f);
  if (failed || n > LEX_MAX_SOURCE_BYTES) {
    snprintf(why, whylen, "%s: %s", path,
             failed ? "cannot read the file (is it a directory?)"
                    : "file is larger than 16 MiB; kernels are small");
    free(buf);
    return NULL;
  }
  buf[n] = '\0';
  *len = n;
  return buf;
}
