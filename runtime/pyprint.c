// pyprint.c - print() and `fmt % args` with CPython's formatting.
//
// Compiled code prints one piece at a time (rt_print_int, rt_print_sep,
// ..., rt_print_end) into the context's buffer, which the driver flushes
// to its stream; a worker's buffer is merged into its parent's in
// iteration order, so parallel loops print what a serial run prints.
//
// Floats print as Python's repr(): the shortest decimal string that reads
// back as the same double (CPython's dtoa mode 0), written in exponent form
// when the decimal point would sit more than 16 places right or 4 places
// left of the digits. The shortest digits are found by asking glibc's
// correctly rounded printf for 1, 2, ... 17 significant digits and keeping
// the first that strtod reads back exactly; at a power of two, where the
// rounding interval is lopsided, the neighbour of the nearest decimal may
// round-trip when the nearest does not, so both neighbours are tried too.
//
// rt_str_format is PyUnicode_Format's printf-style formatting: flags,
// width and precision (also as `*`), the conversions d i u x X o e E f F g
// G c s r a and %%, and CPython's TypeError and ValueError messages.
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "runtime.h"

// ---- growable text ---------------------------------------------------------

typedef struct {
  char *data;
  size_t len, cap;
  bool failed;  // an allocation failed; the text is incomplete
} Text;

static void text_add(Text *t, const char *s, size_t n) {
  if (t->failed)
    return;
  if (t->len + n + 1 > t->cap) {
    size_t cap = t->cap ? t->cap : 64;
    while (cap < t->len + n + 1)
      cap *= 2;
    char *data = realloc(t->data, cap);
    if (!data) {
      t->failed = true;
      return;
    }
    t->data = data;
    t->cap = cap;
  }
  memcpy(t->data + t->len, s, n);
  t->len += n;
  t->data[t->len] = '\0';
}

static void text_puts(Text *t, const char *s) {
  text_add(t, s, strlen(s));
}

static void text_fill(Text *t, char c, int64_t n) {
  for (int64_t i = 0; i < n; i++)
    text_add(t, &c, 1);
}

// ---- repr of floats and complex numbers ------------------------------------

// The shortest significant digits of finite x > 0 (no trailing zeros) and
// the decimal point's position: x = 0.DIGITS * 10^decpt.
static void shortest_digits(double x, char *digits, int *decpt) {
  char buf[40];
  for (int p = 1; p <= 17; p++) {
    snprintf(buf, sizeof buf, "%.*e", p - 1, x);
    char *e = strchr(buf, 'e');
    int exp10 = atoi(e + 1);
    if (strtod(buf, NULL) == x) {
      int n = 0;
      for (char *c = buf; c < e; c++)
        if (*c != '.')
          digits[n++] = *c;
      digits[n] = '\0';
      *decpt = exp10 + 1;
      break;
    }
    // the nearest p-digit decimal missed: try its two neighbours
    char mant[24];
    int n = 0;
    for (char *c = buf; c < e; c++)
      if (*c != '.')
        mant[n++] = *c;
    mant[n] = '\0';
    unsigned long long m = strtoull(mant, NULL, 10);
    bool found = false;
    for (int delta = -1; delta <= 1 && !found; delta += 2) {
      snprintf(buf, sizeof buf, "%llue%d", m + delta, exp10 - (p - 1));
      if (strtod(buf, NULL) == x) {
        int len = snprintf(digits, 24, "%llu", m + delta);
        *decpt = len + exp10 - (p - 1);
        found = true;
      }
    }
    if (found)
      break;
  }
  size_t n = strlen(digits);
  while (n > 1 && digits[n - 1] == '0')
    digits[--n] = '\0';
}

// format_float_short for repr ('r'): positional unless decpt <= -4 or
// decpt > 16. add_dot_0 makes "1.0" of "1" (float repr, not complex);
// always_sign writes '+' for non-negative values (a complex's imaginary
// part). NaN has no sign.
static void format_repr(Text *t, double x, bool add_dot_0,
                        bool always_sign) {
  if (isnan(x)) {
    text_puts(t, always_sign ? "+nan" : "nan");
    return;
  }
  if (signbit(x))
    text_puts(t, "-");
  else if (always_sign)
    text_puts(t, "+");
  x = fabs(x);
  if (isinf(x)) {
    text_puts(t, "inf");
    return;
  }
  char digits[24];
  int decpt = 1;
  if (x == 0.0)
    strcpy(digits, "0");
  else
    shortest_digits(x, digits, &decpt);
  int ndigits = (int)strlen(digits);
  if (decpt <= -4 || decpt > 16) {
    char exp[16];
    text_add(t, digits, 1);
    if (ndigits > 1) {
      text_puts(t, ".");
      text_puts(t, digits + 1);
    }
    snprintf(exp, sizeof exp, "e%+.02d", decpt - 1);
    text_puts(t, exp);
  } else if (decpt <= 0) {
    text_puts(t, "0.");
    text_fill(t, '0', -decpt);
    text_puts(t, digits);
  } else if (decpt >= ndigits) {
    text_puts(t, digits);
    text_fill(t, '0', decpt - ndigits);
    if (add_dot_0)
      text_puts(t, ".0");
  } else {
    text_add(t, digits, (size_t)decpt);
    text_puts(t, ".");
    text_puts(t, digits + decpt);
  }
}

// complex_repr: "2j" when the real part is +0, else "(re+imj)".
static void format_complex(Text *t, double re, double im) {
  if (re == 0.0 && !signbit(re)) {
    format_repr(t, im, false, false);
    text_puts(t, "j");
    return;
  }
  text_puts(t, "(");
  format_repr(t, re, false, false);
  format_repr(t, im, false, true);
  text_puts(t, "j)");
}

// repr() of a str: single quotes unless the text has ' and no ", with
// backslash escapes for the quote, backslash and control characters.
static void format_str_repr(Text *t, const char *s, int64_t len) {
  bool has_single = memchr(s, '\'', (size_t)len) != NULL;
  bool has_double = memchr(s, '"', (size_t)len) != NULL;
  char quote = has_single && !has_double ? '"' : '\'';
  text_add(t, &quote, 1);
  for (int64_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    char esc[8];
    if (c == quote || c == '\\')
      snprintf(esc, sizeof esc, "\\%c", c);
    else if (c == '\n')
      strcpy(esc, "\\n");
    else if (c == '\r')
      strcpy(esc, "\\r");
    else if (c == '\t')
      strcpy(esc, "\\t");
    else if (c < 0x20 || c == 0x7f)
      snprintf(esc, sizeof esc, "\\x%02x", c);
    else
      snprintf(esc, sizeof esc, "%c", c);  // UTF-8 bytes pass through
    text_puts(t, esc);
  }
  text_add(t, &quote, 1);
}

static void format_int(Text *t, int64_t v) {
  char buf[24];
  snprintf(buf, sizeof buf, "%" PRId64, v);
  text_puts(t, buf);
}

// ---- print() ---------------------------------------------------------------

// Writes t to the context's output and frees it.
static void emit_text(RtContext *ctx, Text *t) {
  if (t->failed)
    rt_raise(ctx, RT_EXC_MEMORY, ctx->line, "");
  else if (t->len > 0)
    rt_context_write(ctx, t->data, t->len);
  free(t->data);
}

void rt_print_int(RtContext *ctx, int64_t v) {
  Text t = {0};
  format_int(&t, v);
  emit_text(ctx, &t);
}

void rt_print_float(RtContext *ctx, double v) {
  Text t = {0};
  format_repr(&t, v, true, false);
  emit_text(ctx, &t);
}

void rt_print_complex(RtContext *ctx, double re, double im) {
  Text t = {0};
  format_complex(&t, re, im);
  emit_text(ctx, &t);
}

void rt_print_bool(RtContext *ctx, uint8_t v) {
  rt_print_str(ctx, v ? "True" : "False", v ? 4 : 5);
}

void rt_print_str(RtContext *ctx, const char *s, int64_t len) {
  rt_context_write(ctx, s, (size_t)len);
}

void rt_print_rtstr(RtContext *ctx, const RtStr *s) {
  rt_context_write(ctx, s->data, (size_t)s->len);
}

void rt_print_none(RtContext *ctx) {
  rt_print_str(ctx, "None", 4);
}

// repr() of list elements. elem_kind is the TypeKind of the elements; for
// a list of lists the inner lists' own elem_kind sits in the bits above
// the low 4 (TY_LIST | TY_INT << 4 for [[1, 2]]), and so on down.
static void format_list(Text *t, const RtList *l, int32_t elem_kind) {
  text_puts(t, "[");
  for (int64_t i = 0; i < l->len; i++) {
    const char *p = (const char *)l->data + i * l->elem_size;
    if (i > 0)
      text_puts(t, ", ");
    switch (elem_kind & 0xf) {
    case TY_BOOL: text_puts(t, *(const uint8_t *)p ? "True" : "False"); break;
    case TY_INT: format_int(t, *(const int64_t *)p); break;
    case TY_FLOAT: format_repr(t, *(const double *)p, true, false); break;
    case TY_COMPLEX: {
      const RtComplex *c = (const RtComplex *)p;
      format_complex(t, c->re, c->im);
      break;
    }
    case TY_STR: {
      const RtStr *s = *(RtStr *const *)p;
      format_str_repr(t, s->data, s->len);
      break;
    }
    case TY_LIST: format_list(t, *(RtList *const *)p, elem_kind >> 4); break;
    default: text_puts(t, "None"); break;
    }
  }
  text_puts(t, "]");
}

void rt_print_list(RtContext *ctx, const RtList *l, int32_t elem_kind) {
  Text t = {0};
  format_list(&t, l, elem_kind);
  emit_text(ctx, &t);
}

void rt_print_sep(RtContext *ctx) {
  rt_print_str(ctx, " ", 1);
}

// newline = 0 ends a print without one (Python 2's `print x,`).
void rt_print_end(RtContext *ctx, uint8_t newline) {
  if (newline)
    rt_print_str(ctx, "\n", 1);
}

// ---- fmt % args ------------------------------------------------------------

enum { F_LJUST = 1, F_SIGN = 2, F_BLANK = 4, F_ALT = 8, F_ZERO = 16 };

// One conversion specifier: flags, width and precision (-1 if absent).
typedef struct {
  int flags;
  int64_t width, prec;
  char ch;
} FormatSpec;

// The state of one `fmt % args`.
typedef struct {
  RtContext *ctx;
  int32_t line;
  const char *kinds;
  const int64_t *vals;
  int32_t nargs, argidx;
  Text out;
} Formatter;

// The raised exception's message, formatted.
static void raise_format(Formatter *f, int32_t exc, const char *fmt, ...) {
  char msg[160];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  rt_raise(f->ctx, exc, f->line, msg);
}

// Python's type name of argument kind k, for TypeError messages.
static const char *kind_name(char k) {
  switch (k) {
  case 'i': return "int";
  case 'f': return "float";
  case 'b': return "bool";
  default: return "str";
  }
}

// Takes the next argument (its index in *i); false after TypeError.
static bool next_arg(Formatter *f, int32_t *i) {
  if (f->argidx >= f->nargs) {
    raise_format(f, RT_EXC_TYPE, "not enough arguments for format string");
    return false;
  }
  *i = f->argidx++;
  return true;
}

static double arg_double(const Formatter *f, int32_t i) {
  double d;
  memcpy(&d, &f->vals[i], sizeof d);
  return d;
}

static const RtStr *arg_str(const Formatter *f, int32_t i) {
  const RtStr *s;
  memcpy(&s, &f->vals[i], sizeof s);
  return s;
}

// str() or repr() of argument i.
static void format_object(Formatter *f, Text *t, int32_t i, bool repr) {
  switch (f->kinds[i]) {
  case 'i': format_int(t, f->vals[i]); break;
  case 'b': text_puts(t, f->vals[i] ? "True" : "False"); break;
  case 'f': format_repr(t, arg_double(f, i), true, false); break;
  default: {
    const RtStr *s = arg_str(f, i);
    if (repr)
      format_str_repr(t, s->data, s->len);
    else
      text_add(t, s->data, (size_t)s->len);
  }
  }
}

// The length in bytes of the first n characters of UTF-8 text s.
static int64_t utf8_prefix(const char *s, int64_t len, int64_t n) {
  int64_t i = 0;
  for (int64_t chars = 0; i < len && chars < n; chars++) {
    i++;
    while (i < len && ((unsigned char)s[i] & 0xc0) == 0x80)
      i++;
  }
  return i;
}

// The number of characters in UTF-8 text s.
static int64_t utf8_length(const char *s, int64_t len) {
  int64_t n = 0;
  for (int64_t i = 0; i < len; i++)
    n += ((unsigned char)s[i] & 0xc0) != 0x80;
  return n;
}

// unicode_format_arg_output: pads body to the width. For numbers the sign
// (from the body, or '+'/' ' from the flags) and the 0x/0o prefix of '#'
// go before zero padding and after space padding.
static void output_padded(Formatter *f, const FormatSpec *s, const char *body,
                          int64_t len, bool numeric) {
  char sign = 0;
  if (numeric) {
    if (body[0] == '-' || body[0] == '+') {
      sign = body[0];
      body++;
      len--;
    } else if (s->flags & F_SIGN) {
      sign = '+';
    } else if (s->flags & F_BLANK) {
      sign = ' ';
    }
  }
  int64_t prefix = 0;
  if (numeric && (s->flags & F_ALT) && strchr("xXo", s->ch))
    prefix = 2;
  char fill = numeric && (s->flags & F_ZERO) && !(s->flags & F_LJUST)
                  ? '0' : ' ';
  int64_t chars = utf8_length(body, len) + (sign != 0);
  int64_t pad = s->width > chars ? s->width - chars : 0;
  if (fill == '0') {
    if (sign)
      text_add(&f->out, &sign, 1);
    text_add(&f->out, body, (size_t)prefix);
    text_fill(&f->out, '0', pad);
  } else {
    if (!(s->flags & F_LJUST))
      text_fill(&f->out, ' ', pad);
    if (sign)
      text_add(&f->out, &sign, 1);
    text_add(&f->out, body, (size_t)prefix);
  }
  text_add(&f->out, body + prefix, (size_t)(len - prefix));
  if (s->flags & F_LJUST)
    text_fill(&f->out, ' ', pad);
}

// %s %r %a: str() or repr(), cut to the precision.
static void convert_object(Formatter *f, const FormatSpec *s, int32_t i) {
  Text t = {0};
  format_object(f, &t, i, s->ch != 's');
  int64_t len = t.data ? (int64_t)t.len : 0;
  if (s->prec >= 0)
    len = utf8_prefix(t.data, len, s->prec);
  output_padded(f, s, t.data ? t.data : "", len, false);
  f->out.failed |= t.failed;
  free(t.data);
}

// The digits of |v| in base 8, 10 or 16 (upper case for 'X').
static void magnitude_digits(uint64_t v, char ch, char *buf, size_t size) {
  if (ch == 'o')
    snprintf(buf, size, "%" PRIo64, v);
  else if (ch == 'x')
    snprintf(buf, size, "%" PRIx64, v);
  else if (ch == 'X')
    snprintf(buf, size, "%" PRIX64, v);
  else
    snprintf(buf, size, "%" PRIu64, v);
}

// _PyUnicode_FormatLong: sign, the '#' prefix, then the digits, zero-padded
// to the precision. digits holds the magnitude's digits.
static void output_integer(Formatter *f, const FormatSpec *s, bool negative,
                           const char *digits) {
  Text t = {0};
  if (negative)
    text_puts(&t, "-");
  if ((s->flags & F_ALT) && strchr("xXo", s->ch)) {
    char prefix[3] = {'0', s->ch, '\0'};
    text_puts(&t, prefix);
  }
  int64_t n = (int64_t)strlen(digits);
  if (s->prec > n)
    text_fill(&t, '0', s->prec - n);
  text_puts(&t, digits);
  output_padded(f, s, t.data ? t.data : "", t.data ? (int64_t)t.len : 0,
                true);
  f->out.failed |= t.failed;
  free(t.data);
}

// %d %i %u of a float: int(x), which for a double is exact whatever its
// size, so its digits come from printf("%.0f") of the truncated value.
static void convert_float_as_int(Formatter *f, const FormatSpec *s,
                                 double x) {
  if (isnan(x)) {
    raise_format(f, RT_EXC_VALUE, "cannot convert float NaN to integer");
    return;
  }
  if (isinf(x)) {
    raise_format(f, RT_EXC_OVERFLOW,
                 "cannot convert float infinity to integer");
    return;
  }
  char digits[400];
  double t = trunc(x);
  snprintf(digits, sizeof digits, "%.0f", fabs(t));
  output_integer(f, s, t < 0, digits);
}

// %d %i %u %x %X %o.
static void convert_integer(Formatter *f, const FormatSpec *s, int32_t i) {
  char k = f->kinds[i];
  bool decimal = strchr("diu", s->ch) != NULL;
  if (k == 's' || (k == 'f' && !decimal)) {
    if (decimal)
      raise_format(f, RT_EXC_TYPE,
                   "%%%c format: a real number is required, not %s", s->ch,
                   kind_name(k));
    else
      raise_format(f, RT_EXC_TYPE,
                   "%%%c format: an integer is required, not %s", s->ch,
                   kind_name(k));
    return;
  }
  if (k == 'f') {
    convert_float_as_int(f, s, arg_double(f, i));
    return;
  }
  int64_t v = f->vals[i];
  uint64_t magnitude = v < 0 ? -(uint64_t)v : (uint64_t)v;
  char digits[32];
  magnitude_digits(magnitude, s->ch == 'u' ? 'd' : s->ch, digits,
                   sizeof digits);
  output_integer(f, s, v < 0, digits);
}

// %e %E %f %F %g %G: PyOS_double_to_string is correctly rounded, as is
// glibc's printf; only NaN's sign (which Python never prints) differs.
static void convert_float(Formatter *f, const FormatSpec *s, int32_t i) {
  char k = f->kinds[i];
  if (k == 's') {
    raise_format(f, RT_EXC_TYPE, "must be real number, not str");
    return;
  }
  double x = k == 'f' ? arg_double(f, i) : (double)f->vals[i];
  if (isnan(x))
    x = fabs(x);
  int prec = s->prec < 0 ? 6 : (int)s->prec;
  char spec[8];
  snprintf(spec, sizeof spec, "%%%s.*%c", s->flags & F_ALT ? "#" : "",
           s->ch);
  int n = snprintf(NULL, 0, spec, prec, x);
  char *body = malloc((size_t)n + 1);
  if (!body) {
    f->out.failed = true;
    return;
  }
  snprintf(body, (size_t)n + 1, spec, prec, x);
  output_padded(f, s, body, n, true);
  free(body);
}

// %c: a code point (as UTF-8) or a one-character str.
static void convert_char(Formatter *f, const FormatSpec *s, int32_t i) {
  char k = f->kinds[i], buf[5] = {0};
  if (k == 's') {
    const RtStr *str = arg_str(f, i);
    if (utf8_length(str->data, str->len) != 1) {
      raise_format(f, RT_EXC_TYPE, "%%c requires int or char");
      return;
    }
    output_padded(f, s, str->data, str->len, false);
    return;
  }
  if (k == 'f') {
    raise_format(f, RT_EXC_TYPE, "%%c requires int or char");
    return;
  }
  int64_t c = f->vals[i];
  if (c < 0 || c > 0x10ffff) {
    raise_format(f, RT_EXC_OVERFLOW, "%%c arg not in range(0x110000)");
    return;
  }
  int n = 0;
  if (c < 0x80) {
    buf[n++] = (char)c;
  } else if (c < 0x800) {
    buf[n++] = (char)(0xc0 | (c >> 6));
    buf[n++] = (char)(0x80 | (c & 0x3f));
  } else if (c < 0x10000) {
    buf[n++] = (char)(0xe0 | (c >> 12));
    buf[n++] = (char)(0x80 | ((c >> 6) & 0x3f));
    buf[n++] = (char)(0x80 | (c & 0x3f));
  } else {
    buf[n++] = (char)(0xf0 | (c >> 18));
    buf[n++] = (char)(0x80 | ((c >> 12) & 0x3f));
    buf[n++] = (char)(0x80 | ((c >> 6) & 0x3f));
    buf[n++] = (char)(0x80 | (c & 0x3f));
  }
  output_padded(f, s, buf, n, false);
}

// A width or precision: digits, or '*' taking an int argument. Returns
// false after raising.
static bool parse_number(Formatter *f, const char *fmt, int64_t len,
                         int64_t *pos, int64_t *value) {
  if (*pos < len && fmt[*pos] == '*') {
    (*pos)++;
    int32_t i;
    if (!next_arg(f, &i))
      return false;
    if (f->kinds[i] != 'i' && f->kinds[i] != 'b') {
      raise_format(f, RT_EXC_TYPE, "* wants int");
      return false;
    }
    *value = f->vals[i];
    return true;
  }
  *value = 0;
  while (*pos < len && fmt[*pos] >= '0' && fmt[*pos] <= '9') {
    if (*value > (INT32_MAX - 9) / 10) {
      raise_format(f, RT_EXC_VALUE, "width too big");
      return false;
    }
    *value = *value * 10 + (fmt[(*pos)++] - '0');
  }
  return true;
}

// unicode_format_arg_parse: flags, width, precision and the conversion
// character after a '%' (fmt[*pos] is just past it).
static bool parse_spec(Formatter *f, const char *fmt, int64_t len,
                       int64_t *pos, FormatSpec *s) {
  *s = (FormatSpec){.prec = -1};
  for (; *pos < len; (*pos)++) {
    const char *flag = strchr("-+ #0", fmt[*pos]);
    if (!flag || !fmt[*pos])
      break;
    s->flags |= 1 << (flag - "-+ #0");
  }
  if (!parse_number(f, fmt, len, pos, &s->width))
    return false;
  if (s->width < 0) {
    s->flags |= F_LJUST;  // a negative '*' width left-justifies
    s->width = -s->width;
  }
  if (*pos < len && fmt[*pos] == '.') {
    (*pos)++;
    if (!parse_number(f, fmt, len, pos, &s->prec))
      return false;
    if (s->prec < 0)
      s->prec = 0;
  }
  while (*pos < len && strchr("hlL", fmt[*pos]) && fmt[*pos])
    (*pos)++;
  if (*pos >= len) {
    raise_format(f, RT_EXC_VALUE, "incomplete format");
    return false;
  }
  s->ch = fmt[(*pos)++];
  return true;
}

// One conversion: takes its argument and formats it.
static void convert(Formatter *f, const FormatSpec *s, int64_t index) {
  int32_t i;
  if (!next_arg(f, &i))
    return;
  switch (s->ch) {
  case 's': case 'r': case 'a': convert_object(f, s, i); break;
  case 'd': case 'i': case 'u': case 'x': case 'X': case 'o':
    convert_integer(f, s, i);
    break;
  case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
    convert_float(f, s, i);
    break;
  case 'c': convert_char(f, s, i); break;
  default:
    raise_format(f, RT_EXC_VALUE,
                 "unsupported format character '%c' (0x%x) at index %lld",
                 s->ch, (unsigned char)s->ch, (long long)index);
  }
}

RtStr *rt_str_format(RtContext *ctx, const char *fmt, int64_t fmtlen,
                     const char *kinds, const int64_t *vals, int32_t nargs,
                     int32_t line) {
  Formatter f = {.ctx = ctx, .line = line, .kinds = kinds, .vals = vals,
                 .nargs = nargs};
  int64_t pos = 0;
  while (pos < fmtlen && ctx->exc == RT_EXC_NONE) {
    const char *pct = memchr(fmt + pos, '%', (size_t)(fmtlen - pos));
    int64_t end = pct ? pct - fmt : fmtlen;
    text_add(&f.out, fmt + pos, (size_t)(end - pos));
    pos = end;
    if (pos >= fmtlen)
      break;
    pos++;
    if (pos < fmtlen && fmt[pos] == '%') {  // "%%"
      text_puts(&f.out, "%");
      pos++;
      continue;
    }
    FormatSpec s;
    if (parse_spec(&f, fmt, fmtlen, &pos, &s))
      convert(&f, &s, pos - 1);
  }
  if (ctx->exc == RT_EXC_NONE && f.argidx < nargs)
    raise_format(&f, RT_EXC_TYPE,
                 "not all arguments converted during string formatting");
  if (f.out.failed)
    rt_raise(ctx, RT_EXC_MEMORY, line, "");
  RtStr *r = NULL;
  if (ctx->exc == RT_EXC_NONE) {
    r = rt_context_alloc(ctx, sizeof *r + f.out.len + 1, line);
    if (r) {
      r->len = (int64_t)f.out.len;
      r->data = (char *)(r + 1);
      memcpy(r->data, f.out.data ? f.out.data : "", f.out.len);
      r->data[f.out.len] = '\0';
    }
  }
  free(f.out.data);
  return r;
}
