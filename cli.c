// cli.c - the command line: `mandelc KERNEL.py [W [MAXITER]] [options]`.
//
// Every option is a row of CLI_OPTIONS (cli.h). The parser finds a long
// option by its name (--threads=2 or --threads 2), a short one by its
// letter (-j2, -j 2, bundled flags as -vh), and hands the value to
// apply_option, the one place that says what each option means. An unknown
// option or value names the nearest known one (edit distance). --help is
// written from the same rows. After the arguments, check_applies warns
// about (or refuses) an option that the chosen target or --emit ignores.
// Anything it does not understand is a usage error (exit 2) before any
// work starts.
#include <assert.h>
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

#ifndef MANDELC_VERSION
#define MANDELC_VERSION "0.0.0"
#endif

// --threads beyond this is a typo, not a machine.
#define MAX_THREADS 1024
// --timeout beyond a year is a typo too.
#define MAX_TIMEOUT_SECONDS (365.0 * 24 * 3600)
// --help's layout: the help text starts at this column, lines end by 80.
#define HELP_COLUMN 24
#define HELP_WIDTH 79

typedef struct {
  const char *name;
  char letter;
  const char *value;      // "" for a flag
  int where;              // FOR_*
  const char *help;
} CliOption;

static const CliOption options[OPT_COUNT] = {
#define X(id, name, letter, value, where, help) \
  [id] = {name, letter, value, where, help},
  CLI_OPTIONS(X)
#undef X
};

static const struct {
  const char *name;
  int target;
  const char *help;
} stages[EMIT_COUNT] = {
#define X(id, name, target, help) [id] = {name, target, help},
  EMIT_STAGES(X)
#undef X
};

const char *cli_emit_name(Emit e) {
  return stages[e].name;
}

// ---- usage -----------------------------------------------------------------

// Prints text from column `col` on, wrapped at HELP_WIDTH; continuation
// lines start at HELP_COLUMN.
static void print_wrapped(FILE *out, const char *text, int col) {
  while (*text) {
    int room = HELP_WIDTH - col;
    int n = (int)strlen(text);
    if (n > room) {  // cut at the last space that fits
      n = room;
      while (n > 0 && text[n] != ' ')
        n--;
      if (n == 0)
        n = (int)strcspn(text, " ");
    }
    fprintf(out, "%.*s\n", n, text);
    text += n;
    while (*text == ' ')
      text++;
    if (*text)
      fprintf(out, "%*s", HELP_COLUMN, "");
    col = HELP_COLUMN;
  }
}

static void print_help(FILE *out) {
  fputs("usage: mandelc KERNEL.py [W [MAXITER]] [options]\n"
        "\n"
        "Compiles the Mandelbrot kernel in KERNEL.py (restricted Python) and\n"
        "runs it over the tutorial's grid, printing what `python KERNEL.py W\n"
        "MAXITER` prints. W and MAXITER default to 1000 1000; W gives a\n"
        "W/2 x W/2 picture.\n"
        "\n"
        "options (a value as --name=VALUE or --name VALUE):\n", out);
  for (int i = 0; i < OPT_COUNT; i++) {
    const CliOption *opt = &options[i];
    char head[80];
    int n = snprintf(head, sizeof head, "  %c%c%s--%s%s%s",
                     opt->letter ? '-' : ' ', opt->letter ? opt->letter : ' ',
                     opt->letter ? ", " : "  ", opt->name,
                     *opt->value ? "=" : "", opt->value);
    fputs(head, out);
    if (n + 1 > HELP_COLUMN) {
      fprintf(out, "\n%*s", HELP_COLUMN, "");
      n = HELP_COLUMN;
    } else {
      fprintf(out, "%*s", HELP_COLUMN - n, "");
    }
    print_wrapped(out, opt->help, HELP_COLUMN);
  }
  fputs("\nstages of --emit:\n", out);
  for (int e = EMIT_NONE + 1; e < EMIT_COUNT; e++) {
    fprintf(out, "  %-*s", HELP_COLUMN - 2, stages[e].name);
    print_wrapped(out, stages[e].help, HELP_COLUMN);
  }
  fputs(
    "\n"
    "exit status: 0 success, 1 compile error, 2 bad command line,\n"
    "3 run-time error raised by the kernel (or --timeout), 4 target\n"
    "unavailable, 130 interrupted (Ctrl-C); a closed output pipe ends\n"
    "mandelc quietly, as SIGPIPE ends other tools\n"
    "\n"
    "limits: kernel file 16 MiB; nesting 200 levels (8 links of a\n"
    "chain such as a + b + ... or elif ... count as one), 100 indents;\n"
    "W 1..100000; MAXITER 0..2^40; a list 2^31 elements or 16 GiB\n"
    "(else MemoryError); recursion 1000 calls (else RecursionError);\n"
    "--threads 1..1024; --timeout up to a year\n",
    out);
}

static void print_version(void) {
  printf("mandelc %s\n", MANDELC_VERSION);
#ifdef MANDELC_LLVM
  printf("LLVM %s\n", MANDELC_LLVM_VERSION);
#else
  printf("built without LLVM: --target=llvm is unavailable\n");
#endif
#ifndef MANDELC_CUDA
  printf("built without CUDA: --target=cuda is unavailable\n");
#endif
}

// A usage error: the message, a hint, exit 2.
_Noreturn __attribute__((format(printf, 1, 2)))
static void usage_error(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fprintf(stderr, "mandelc: error: ");
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fprintf(stderr, "\nTry 'mandelc --help' for more information.\n");
  exit(RT_USAGE);
}

// ---- the nearest name ------------------------------------------------------

// The edit distance between a and b (insertions, deletions, substitutions
// and swaps of two neighbours, each 1), at most 64 characters compared.
static int distance(const char *a, const char *b) {
  enum { N = 65 };
  int la = (int)strnlen(a, N - 1), lb = (int)strnlen(b, N - 1);
  int d[N][N];
  for (int i = 0; i <= la; i++)
    d[i][0] = i;
  for (int j = 0; j <= lb; j++)
    d[0][j] = j;
  for (int i = 1; i <= la; i++)
    for (int j = 1; j <= lb; j++) {
      int best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
      if (d[i - 1][j] + 1 < best)
        best = d[i - 1][j] + 1;
      if (d[i][j - 1] + 1 < best)
        best = d[i][j - 1] + 1;
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
          d[i - 2][j - 2] + 1 < best)
        best = d[i - 2][j - 2] + 1;
      d[i][j] = best;
    }
  return d[la][lb];
}

// The name in names[0..n) nearest to s, or NULL when none is near enough
// to be what was meant (a third of its letters wrong, at least 1, at most
// 3), or s is a prefix of it. Empty names are skipped.
static const char *nearest(const char *s, const char *const *names, int n) {
  const char *best = NULL;
  int best_d = 4;
  for (int i = 0; i < n; i++) {
    if (!*names[i])
      continue;
    int d = distance(s, names[i]);
    int len = (int)strlen(names[i]);
    int limit = len / 3 < 1 ? 1 : len / 3 > 3 ? 3 : len / 3;
    if (*s && strncmp(names[i], s, strlen(s)) == 0)
      d = 1;  // an abbreviation
    if (d <= limit && d < best_d)
      best = names[i], best_d = d;
  }
  return best;
}

_Noreturn static void unknown_option(const char *arg, size_t len) {
  const char *names[OPT_COUNT];
  for (int i = 0; i < OPT_COUNT; i++)
    names[i] = options[i].name;
  char name[64];
  size_t n = len - 2;  // the name without its dashes
  snprintf(name, sizeof name, "%.*s", (int)(n < 63 ? n : 63), arg + 2);
  const char *near = nearest(name, names, OPT_COUNT);
  if (near)
    usage_error("unknown option '%.*s'; did you mean '--%s'?", (int)len, arg,
                near);
  usage_error("unknown option '%.*s'", (int)len, arg);
}

// The index of value in names[0..n), or a usage error naming the nearest
// and listing them all.
static int parse_choice(const char *what, const char *value,
                        const char *const *names, int n) {
  for (int i = 0; i < n; i++)
    if (*names[i] && strcmp(value, names[i]) == 0)
      return i;
  char list[256] = "";
  for (int i = 0, len = 0; i < n; i++)
    if (*names[i])
      len += snprintf(list + len, sizeof list - (size_t)len, "%s%s",
                      len ? ", " : "", names[i]);
  const char *near = nearest(value, names, n);
  if (near)
    usage_error("unknown %s '%s'; did you mean '%s'? (%s)", what, value, near,
                list);
  usage_error("unknown %s '%s' (%s)", what, value, list);
}

// ---- values ----------------------------------------------------------------

static int64_t parse_int(const char *s, int64_t lo, int64_t hi,
                         const char *what) {
  char *end;
  errno = 0;
  long long v = strtoll(s, &end, 10);
  if (!*s || *end || errno || v < lo || v > hi)
    usage_error("%s must be an integer from %" PRId64 " to %" PRId64
                ", not '%s'", what, lo, hi, s);
  return v;
}

// what: the option, for the message about a number that is not one
static double parse_double(const char *what, const char *s, char **end) {
  errno = 0;
  double v = strtod(s, end);
  if (*end == s || errno || !isfinite(v))
    usage_error("%s: '%s' is not a finite number", what, s);
  return v;
}

static void parse_region(Options *o, const char *s) {
  const char *p = s;
  for (int i = 0; i < 4; i++) {
    char *end;
    o->region[i] = parse_double("--region", p, &end);
    if (*end != (i < 3 ? ',' : '\0'))
      usage_error("--region needs four numbers X1,X2,Y1,Y2, not '%s'", s);
    p = end + 1;
  }
  if (!(o->region[0] < o->region[1] && o->region[2] < o->region[3]))
    usage_error("--region needs X1 < X2 and Y1 < Y2, not '%s'", s);
}

// --julia=C: a complex constant as Python's complex() reads one: `-0.8`,
// `0.156j`, `-0.62772-0.42193j`, optionally in parentheses.
static void parse_julia(Options *o, const char *s) {
  size_t n = strlen(s);
  const char *p = s;
  if (n >= 2 && s[0] == '(' && s[n - 1] == ')')
    p = s + 1, n -= 2;
  char text[128];
  if (n == 0 || n >= sizeof text)
    usage_error("--julia needs a complex number such as -0.8+0.156j, not "
                "'%s'", s);
  memcpy(text, p, n);
  text[n] = '\0';
  double re = 0, im = 0;
  char *end;
  double v = strtod(text, &end);
  bool ok = end != text && isfinite(v);
  if (ok && (*end == 'j' || *end == 'J') && !end[1]) {
    im = v;
  } else if (ok && !*end) {
    re = v;
  } else if (ok && (*end == '+' || *end == '-')) {
    re = v;
    char *start = end;
    im = strtod(start, &end);
    if (end == start + 1 && (*end == 'j' || *end == 'J'))
      im = *start == '-' ? -1.0 : 1.0;  // 1+j
    ok = (end != start || im != 0) && isfinite(im) &&
         (*end == 'j' || *end == 'J') && !end[1];
  } else {
    ok = false;
  }
  if (!ok)
    usage_error("--julia needs a complex number such as -0.8+0.156j, not "
                "'%s'", s);
  o->julia = true;
  o->julia_c[0] = re;
  o->julia_c[1] = im;
}

static void parse_timeout(Options *o, const char *v) {
  char *end;
  o->timeout = parse_double("--timeout", v, &end);
  if (*end || o->timeout <= 0 || o->timeout > MAX_TIMEOUT_SECONDS)
    usage_error("--timeout needs a number of seconds > 0, not '%s'", v);
}

static const char *const targets[] = {"llvm", "cuda"};
static const char *const precisions[] = {"float64", "float32"};
static const char *const on_off[] = {"off", "on"};
static const char *const diagnostics_formats[] = {"text", "sarif"};
#define COUNT(a) ((int)(sizeof(a) / sizeof(a)[0]))

// --mcpu=NAME: "native" or a CPU this LLVM knows for the host's target.
static const char *parse_cpu(const char *v) {
#ifdef MANDELC_LLVM
  if (!llvm_cpu_known(v))
    usage_error("unknown CPU '%s' for --mcpu (native, x86-64-v2, "
                "x86-64-v3, x86-64-v4 or another name `llc -mcpu=help` "
                "lists)", v);
#endif
  return v;
}

// What each option means; value is NULL for a flag.
static void apply_option(Options *o, OptionId id, const char *v) {
  o->given[id] = true;
  switch (id) {
  case OPT_TARGET:
    o->cuda = parse_choice("target", v, targets, COUNT(targets)) == 1;
    break;
  case OPT_KERNEL: o->kernel = v; break;
  case OPT_BIND: o->bind = v; break;
  case OPT_JULIA: parse_julia(o, v); break;
  case OPT_EMIT: {
    const char *names[EMIT_COUNT];
    for (int e = 0; e < EMIT_COUNT; e++)
      names[e] = stages[e].name;
    o->emit = (Emit)parse_choice("--emit stage", v, names, EMIT_COUNT);
    break;
  }
  case OPT_OUTPUT: o->output = v; break;
  case OPT_HEADER: o->header = v; break;
  case OPT_ANNOTATE: o->annotate = v; break;
  case OPT_IMAGE: o->image = v; break;
  case OPT_PROFILE: o->profile = true; break;
  case OPT_COMPARE: o->compare = true; break;
  case OPT_THREADS:
    o->threads = (int)parse_int(v, 1, MAX_THREADS, "--threads");
    break;
  case OPT_PRECISION:
    o->copt.float32 =
        parse_choice("precision", v, precisions, COUNT(precisions)) == 1;
    break;
  case OPT_FAST_MATH: o->copt.fast_math = true; break;
  case OPT_SIMD:
    o->copt.simd = parse_choice("--simd value", v, on_off, COUNT(on_off));
    break;
  case OPT_MCPU: o->copt.cpu = parse_cpu(v); break;
  case OPT_NO_CACHE: o->no_cache = true; break;
  case OPT_DEBUG_JIT: o->debug_jit = o->copt.debug_lines = true; break;
  case OPT_REGION: parse_region(o, v); break;
  case OPT_JSON: o->json = true; break;
  case OPT_DIAGNOSTICS_FORMAT:
    o->sarif = parse_choice("diagnostics format", v, diagnostics_formats,
                            COUNT(diagnostics_formats)) == 1;
    break;
  case OPT_TIMEOUT: parse_timeout(o, v); break;
  case OPT_VERBOSE: o->verbose = o->copt.verbose = true; break;
  case OPT_HELP: print_help(stdout); exit(RT_OK);
  case OPT_VERSION: print_version(); exit(RT_OK);
  case OPT_COUNT: assert(!"not an option");
  }
}

// ---- the arguments ---------------------------------------------------------

// `--name`, `--name=VALUE` or `--name VALUE` at argv[*i].
static void parse_long(Options *o, int argc, char **argv, int *i) {
  const char *arg = argv[*i];
  size_t len = strcspn(arg, "=");
  int id = 0;
  while (id < OPT_COUNT && (strlen(options[id].name) != len - 2 ||
                            strncmp(arg + 2, options[id].name, len - 2)))
    id++;
  if (id == OPT_COUNT)
    unknown_option(arg, len);
  const CliOption *opt = &options[id];
  const char *value = arg[len] == '=' ? arg + len + 1 : NULL;
  if (!*opt->value && value)
    usage_error("option --%s takes no value", opt->name);
  if (*opt->value && !value) {
    if (*i + 1 >= argc)
      usage_error("option --%s needs a value: --%s=%s or --%s %s", opt->name,
                  opt->name, opt->value, opt->name, opt->value);
    value = argv[++*i];
  }
  apply_option(o, (OptionId)id, value);
}

// `-x`, bundled flags `-xy`, and a value as `-jVALUE` or `-j VALUE`.
static void parse_short(Options *o, int argc, char **argv, int *i) {
  const char *arg = argv[*i];
  for (const char *c = arg + 1; *c; c++) {
    int id = 0;
    while (id < OPT_COUNT && options[id].letter != *c)
      id++;
    if (id == OPT_COUNT) {
      if (c == arg + 1)
        usage_error("unknown option '%s'", arg);
      usage_error("unknown option '-%c' in '%s'", *c, arg);
    }
    const CliOption *opt = &options[id];
    if (!*opt->value) {
      apply_option(o, (OptionId)id, NULL);
      continue;
    }
    const char *value = c[1] ? c + 1 : NULL;
    if (!value) {
      if (*i + 1 >= argc)
        usage_error("option -%c (--%s) needs a value: -%c %s", *c, opt->name,
                    *c, opt->value);
      value = argv[++*i];
    }
    apply_option(o, (OptionId)id, value);
    return;
  }
}

static void parse_positional(Options *o, const char *arg, int *npos) {
  switch ((*npos)++) {
  case 0:
    o->file = arg;
    break;
  case 1:
    o->w = parse_int(arg, 1, RT_MAX_W, "W");
    break;
  case 2:
    o->maxiter = parse_int(arg, 0, RT_MAX_MAXITER, "MAXITER");
    break;
  default:
    usage_error("unexpected argument '%s' (usage: mandelc KERNEL.py "
                "[W [MAXITER]] [options])", arg);
  }
}

// ---- what applies where ----------------------------------------------------

// An option the target or --emit ignores: a warning, or an error where the
// results would differ from what was asked.
static void check_applies(const Options *o) {
  if (o->profile && o->cuda)
    usage_error("--profile samples the CPU: it needs --target=llvm");
  if (o->copt.float32 && !o->cuda)
    usage_error("--precision=float32 is for --target=cuda; the LLVM target "
                "computes in float64 only");
  const char *target = o->cuda ? "--target=cuda" : "--target=llvm";
  for (int id = 0; id < OPT_COUNT; id++) {
    if (!o->given[id])
      continue;
    int where = options[id].where;
    if (id == OPT_THREADS && o->compare)
      where |= FOR_CUDA;  // --compare's C kernels run on the CPU
    if ((id == OPT_REGION || id == OPT_JULIA) && o->emit == EMIT_C)
      where |= FOR_EMIT;  // the C program's driver takes them
    if (id == OPT_HEADER && o->emit != EMIT_OBJ && o->emit != EMIT_HEADER)
      fprintf(stderr, "mandelc: warning: -H writes a header beside -o "
              "FILE.o; it does nothing with --emit=%s\n",
              stages[o->emit].name);
    else if (o->emit != EMIT_NONE && !(where & FOR_EMIT))
      fprintf(stderr, "mandelc: warning: --%s does nothing with --emit=%s, "
              "which stops before the run\n", options[id].name,
              stages[o->emit].name);
    else if (!(where & (o->cuda ? FOR_CUDA : FOR_LLVM)))
      fprintf(stderr, "mandelc: warning: --%s does nothing with %s\n",
              options[id].name, target);
  }
}

// FILE.so or FILE.so.1: a shared library for -o.
static bool is_shared_library(const char *path) {
  const char *dot = strstr(path, ".so");
  while (dot && dot[3] && dot[3] != '.')
    dot = strstr(dot + 1, ".so");
  return dot != NULL;
}

Options cli_parse(int argc, char **argv) {
  long cores = sysconf(_SC_NPROCESSORS_ONLN);
  Options o = {.w = 1000, .maxiter = 1000,
               .threads = cores < 1 ? 1 : cores > MAX_THREADS ? MAX_THREADS
                                                             : (int)cores,
               .region = {-2.13, 0.77, -1.3, 1.3},
               .copt = {.simd = true, .opt_level = 3}};
  int npos = 0;
  bool options_end = false;
  for (int i = 1; i < argc; i++) {
    const char *arg = argv[i];
    if (!options_end && !strcmp(arg, "--"))
      options_end = true;
    else if (options_end || arg[0] != '-' || !strcmp(arg, "-") ||
             isdigit((unsigned char)arg[1]))  // -5: a bad W, not an option
      parse_positional(&o, arg, &npos);
    else if (arg[1] == '-')
      parse_long(&o, argc, argv, &i);
    else
      parse_short(&o, argc, argv, &i);
  }
  if (!o.file)
    usage_error("no kernel file given (usage: mandelc KERNEL.py "
                "[W [MAXITER]] [options])");
  // -o FILE alone writes the compiled kernel; -H FILE alone the header.
  if (o.emit == EMIT_NONE && o.output)
    o.emit = EMIT_OBJ;
  else if (o.emit == EMIT_NONE && o.header)
    o.emit = EMIT_HEADER;
  o.shared = o.emit == EMIT_OBJ && o.output && is_shared_library(o.output);
  // A stage of one target selects it: --emit=cuda, --emit=asm.
  if (stages[o.emit].target != FOR_ALL) {
    bool cuda = stages[o.emit].target == FOR_CUDA;
    if (o.given[OPT_TARGET] && cuda != o.cuda)
      usage_error("--emit=%s is a stage of --target=%s", stages[o.emit].name,
                  cuda ? "cuda" : "llvm");
    o.cuda = cuda;
  }
  check_applies(&o);
  return o;
}
