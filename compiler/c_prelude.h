// ---- mandelc's C prelude: the program's state, print and driver ----------
//
// c_prelude.h - pasted by compiler/c.c into every program that --emit=c
// writes, before pymath.h and the numeric rules of cuda_prelude.h (the
// same text the GPU target pastes) and the kernel's functions. It is C99
// with the C library only. A run-time error is a value: py_raise records
// the first one (its number in py_errors and its line) in the program's
// state; a helper that raised returns a harmless value, the statement after
// it tests ts->raised and returns, and so on up to main(), which reports
// it as mandelc does (`KERNEL.py:LINE: ZeroDivisionError: ...`, exit 3).

struct mandelc_thread {
  void *blocks;  // every list made, for py_free_all
  int raised;    // an error was raised: its number and line
  int msg, line;
  int depth;     // the depth of calls, for RecursionError
};
typedef struct mandelc_thread pyts;

static void py_raise(pyts *ts, int msg, int line)
{
  if (ts->raised)
    return;
  ts->raised = 1;
  ts->msg = msg;
  ts->line = line;
}

// ---- print: Python's str() of each value, on stdout ----

static void py_print_text(const char *s, size_t n)
{
  fwrite(s, 1, n, stdout);
}

static void py_print_int(long long v)
{
  printf("%lld", v);
}

static void py_print_bool(bool v)
{
  fputs(v ? "True" : "False", stdout);
}

// The shortest digits of a finite x > 0 that read back as x, without
// trailing zeros, and the decimal point's place: x = 0.DIGITS * 10^decpt
// (CPython's repr, float_repr_style 'short'). The C library's %e rounds
// correctly; where its nearest p digits miss x, a neighbour may not.
static void py_shortest_digits(double x, char *digits, int *decpt)
{
  char buf[40];
  for (int p = 1; p <= 17; p++) {
    snprintf(buf, sizeof buf, "%.*e", p - 1, x);
    char *e = strchr(buf, 'e');
    int exp10 = atoi(e + 1);
    char mant[24];
    int n = 0;
    for (char *c = buf; c < e; c++)
      if (*c != '.')
        mant[n++] = *c;
    mant[n] = '\0';
    if (strtod(buf, NULL) == x) {
      strcpy(digits, mant);
      *decpt = exp10 + 1;
      break;
    }
    unsigned long long m = strtoull(mant, NULL, 10);
    int found = 0;
    for (int delta = -1; delta <= 1 && !found; delta += 2) {
      snprintf(buf, sizeof buf, "%llue%d", m + delta, exp10 - (p - 1));
      if (strtod(buf, NULL) == x) {
        int len = snprintf(digits, 24, "%llu", m + delta);
        *decpt = len + exp10 - (p - 1);
        found = 1;
      }
    }
    if (found)
      break;
  }
  size_t n = strlen(digits);
  while (n > 1 && digits[n - 1] == '0')
    digits[--n] = '\0';
}

// repr(x) into out (64 bytes): positional unless decpt <= -4 or decpt >
// 16, as CPython's format_float_short. add_dot_0 makes "1.0" of "1" (a
// float, not a complex's part); always_sign writes '+' for non-negative
// values (a complex's imaginary part). NaN has no sign.
static char *py_float_repr(char *out, double x, bool add_dot_0,
                           bool always_sign)
{
  char *o = out;
  if (isnan(x)) {
    strcpy(o, always_sign ? "+nan" : "nan");
    return out;
  }
  if (signbit(x))
    *o++ = '-';
  else if (always_sign)
    *o++ = '+';
  x = fabs(x);
  if (isinf(x)) {
    strcpy(o, "inf");
    return out;
  }
  char digits[24] = "0";
  int decpt = 1;
  if (x != 0.0)
    py_shortest_digits(x, digits, &decpt);
  int n = (int)strlen(digits);
  if (decpt <= -4 || decpt > 16) {  // D.DDDDe+XX
    sprintf(o, "%c%s%se%+.02d", digits[0], n > 1 ? "." : "", digits + 1,
            decpt - 1);
  } else if (decpt <= 0) {  // 0.000DDDD
    *o++ = '0';
    *o++ = '.';
    for (int k = 0; k < -decpt; k++)
      *o++ = '0';
    strcpy(o, digits);
  } else if (decpt >= n) {  // DDDD000.0
    strcpy(o, digits);
    o += n;
    for (int k = n; k < decpt; k++)
      *o++ = '0';
    strcpy(o, add_dot_0 ? ".0" : "");
  } else {  // DD.DD
    sprintf(o, "%.*s.%s", decpt, digits, digits + decpt);
  }
  return out;
}

static void py_print_float(double x)
{
  char buf[64];
  fputs(py_float_repr(buf, x, true, false), stdout);
}

// complex_repr: "2j" when the real part is +0, else "(re+imj)".
static void py_print_complex(double re, double im)
{
  char r[64], i[64];
  if (re == 0.0 && !signbit(re))
    printf("%sj", py_float_repr(i, im, false, false));
  else
    printf("(%s%sj)", py_float_repr(r, re, false, false),
           py_float_repr(i, im, false, true));
}

// %x, %X and %o of an int as Python writes them: a minus sign, then the
// magnitude's digits (C would write the two's complement), padded to
// width with spaces (or zeros after the sign), on the left unless left.
static void py_print_digits(long long v, char conv, int width, bool left,
                            bool zero)
{
  char digits[32];
  unsigned long long m = v < 0 ? 0 - (unsigned long long)v
                               : (unsigned long long)v;
  snprintf(digits, sizeof digits,
           conv == 'x' ? "%llx" : conv == 'X' ? "%llX" : "%llo", m);
  int n = (int)strlen(digits) + (v < 0);
  for (; !left && !zero && n < width; n++)
    putchar(' ');
  if (v < 0)
    putchar('-');
  for (; !left && zero && n < width; n++)
    putchar('0');
  fputs(digits, stdout);
  for (; left && n < width; n++)
    putchar(' ');
}

// ---- the driver's helpers ----

static double mandelc_seconds(void)
{
  struct timespec t;
  timespec_get(&t, TIME_UTC);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

// "Main took" and the time in str(timedelta)'s form: H:MM:SS.ffffff.
static void mandelc_print_took(double seconds)
{
  long long us = (long long)(seconds * 1e6 + 0.5);
  printf("Main took %lld:%02lld:%02lld", us / 3600000000LL,
         us / 60000000LL % 60, us / 1000000 % 60);
  if (us % 1000000)
    printf(".%06lld", us % 1000000);
  printf("\n");
}

// Argument k of the command line, an integer from lo to hi (exit 2 if
// not, as mandelc's bad command line), or dflt when there is none.
static long long mandelc_arg(int argc, char **argv, int k, long long dflt,
                             long long lo, long long hi, const char *what)
{
  if (argc <= k)
    return dflt;
  char *end;
  long long v = strtoll(argv[k], &end, 10);
  if (end == argv[k] || *end || v < lo || v > hi) {
    fprintf(stderr, "%s: %s must be an integer from %lld to %lld, "
            "not '%s'\n", argv[0], what, lo, hi, argv[k]);
    exit(2);
  }
  return v;
}

// The validation sum, exact whatever its size as Python's ints are
// (128 bits where the compiler has them).
#ifdef __SIZEOF_INT128__
__extension__ typedef __int128 mandelc_sum;
#else
typedef long long mandelc_sum;
#endif

static void mandelc_print_sum(mandelc_sum v)
{
  char digits[48];
  int n = 0;
  bool negative = v < 0;
  do {  // digit by digit, so that the most negative value needs no care
    int d = (int)(v % 10);
    digits[n++] = (char)('0' + (d < 0 ? -d : d));
    v /= 10;
  } while (v != 0);
  if (negative)
    putchar('-');
  while (n > 0)
    putchar(digits[--n]);
  putchar('\n');
}
