// report.c - what a run found, and its errors, as text, JSON or SARIF.
//
// The tutorial's last two lines (the first is printed before the run, so
// the kernel's prints come between, as under CPython), or one JSON object
// for --json; --compare's table; and for --json and
// --diagnostics-format=sarif the compile diagnostics a Diag's sink kept
// (report_keep_diagnostic) and a kernel's exception as JSON.
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

// s as a JSON string, quotes included; control bytes as \u escapes.
static void json_string(FILE *out, const char *s) {
  fputc('"', out);
  for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
    if (*c == '"' || *c == '\\')
      fprintf(out, "\\%c", *c);
    else if (*c == '\n')
      fputs("\\n", out);
    else if (*c < ' ')
      fprintf(out, "\\u%04x", *c);
    else
      fputc(*c, out);
  }
  fputc('"', out);
}

// Python's str(timedelta): H:MM:SS.ffffff, the fraction left out when it is
// zero, "N day(s), " in front past a day.
static void format_timedelta(double seconds, char *buf, size_t len) {
  int64_t us = (int64_t)llround(seconds * 1e6);
  int64_t days = us / 86400000000LL;
  us %= 86400000000LL;
  int64_t s = us / 1000000, frac = us % 1000000;
  int n = 0;
  if (days)
    n = snprintf(buf, len, "%" PRId64 " day%s, ", days, days == 1 ? "" : "s");
  n += snprintf(buf + n, len - (size_t)n, "%" PRId64 ":%02" PRId64 ":%02"
                PRId64, s / 3600, s / 60 % 60, s % 60);
  if (frac)
    snprintf(buf + n, len - (size_t)n, ".%06" PRId64, frac);
}

// Why --compare leaves reference `ref` out of the table, or NULL when it
// computed what the kernel computed: the same validation sum on this grid.
// A reference computing something else (another kernel, another grid
// mapping, --julia) has nothing to say about this kernel's speed.
static const char *left_out(const Report *r, const RtReference *ref,
                            char *buf, size_t len) {
  if (ref->not_run)
    return ref->not_run;
  if (ref->sum == r->run.sum)
    return NULL;
  char sum[48], mine[48];
  rt_sum_format(ref->sum, sum, sizeof sum);
  rt_sum_format(r->run.sum, mine, sizeof mine);
  snprintf(buf, len, "its sum %s is not the kernel's %s: it computes "
           "something else, so its time is no measure of this kernel",
           sum, mine);
  return buf;
}

void report_compare(const Options *o, const Report *r) {
  fprintf(stderr, "%-26s %12s %14s %8s\n", "variant", "seconds",
          "validation sum", "ratio");
  char sum[48], why[256];
  rt_sum_format(r->run.sum, sum, sizeof sum);
  fprintf(stderr, "%-26s %12.6f %14s %8.2f\n",
          o->cuda ? "mandelc --target=cuda" : "mandelc --target=llvm",
          r->run.seconds, sum, 1.0);
  for (int i = 0; i < r->nrefs; i++) {
    const RtReference *ref = &r->refs[i];
    if (left_out(r, ref, why, sizeof why))
      continue;
    rt_sum_format(ref->sum, sum, sizeof sum);
    fprintf(stderr, "%-26s %12.6f %14s %8.2f\n", ref->name, ref->seconds,
            sum, r->run.seconds > 0 ? ref->seconds / r->run.seconds : 0.0);
  }
  for (int i = 0; i < r->nrefs; i++) {
    const char *w = left_out(r, &r->refs[i], why, sizeof why);
    if (w)
      fprintf(stderr, "left out: %s: %s\n", r->refs[i].name, w);
  }
}

static void print_json(const Options *o, const Report *r) {
  char sum[48];
  rt_sum_format(r->run.sum, sum, sizeof sum);
  printf("{\"elements\": %" PRId64 ", \"sum\": %s, \"main_seconds\": %.6f, "
         "\"compile_seconds\": %.6f, \"cache\": \"%s\", \"target\": \"%s\", "
         "\"threads\": %d, \"kernel\": \"%s\", \"form\": \"%s\", \"width\": %"
         PRId64 ", \"height\": %" PRId64 ", \"maxiter\": %" PRId64,
         r->run.elements, sum, r->run.seconds, r->compile_seconds,
         r->cache ? r->cache : "off", o->cuda ? "cuda" : "llvm", o->threads,
         r->kernel, r->form, r->grid.nx, r->grid.ny, o->maxiter);
  if (o->cuda)  // bench/cuda/: the kernel with its copies to and from
    printf(", \"gpu_total_seconds\": %.6f", r->gpu_total_seconds);
  if (r->binding) {
    printf(", \"binding\": ");
    json_string(stdout, r->binding);
  }
  if (r->simd) {  // the lowering's words: quoted as a JSON string
    printf(", \"simd\": ");
    json_string(stdout, r->simd);
  }
  if (o->compare) {  // the rows of the table, then those left out, why
    char why[256];
    const char *sep = "";
    printf(", \"compare\": [");
    for (int i = 0; i < r->nrefs; i++) {
      const RtReference *ref = &r->refs[i];
      if (left_out(r, ref, why, sizeof why))
        continue;
      rt_sum_format(ref->sum, sum, sizeof sum);
      printf("%s{\"variant\": \"%s\", \"seconds\": %.6f, \"sum\": %s, "
             "\"ratio\": %.4f}", sep, ref->name, ref->seconds, sum,
             r->run.seconds > 0 ? ref->seconds / r->run.seconds : 0.0);
      sep = ", ";
    }
    printf("], \"left_out\": [");
    sep = "";
    for (int i = 0; i < r->nrefs; i++) {
      const RtReference *ref = &r->refs[i];
      const char *w = left_out(r, ref, why, sizeof why);
      if (!w)
        continue;
      rt_sum_format(ref->sum, sum, sizeof sum);
      printf("%s{\"variant\": \"%s\", \"sum\": %s, \"reason\": ", sep,
             ref->name, ref->not_run ? "null" : sum);
      json_string(stdout, w);
      printf("}");
      sep = ", ";
    }
    printf("]");
  }
  if (r->profile) {
    printf(", \"profile\": ");
    rt_profile_json(stdout, r->profile);
  }
  rt_ranks_report(r->ranks, stdout, true);
  printf("}\n");
}

// The last two of the tutorial's three lines (the first is printed before
// the run, so kernel prints come between, as under CPython).
void report_result(const Options *o, const Report *r) {
  if (o->json) {
    print_json(o, r);
    return;
  }
  char took[64], sum[48];
  format_timedelta(r->run.seconds, took, sizeof took);
  rt_sum_format(r->run.sum, sum, sizeof sum);
  printf("Main took %s\n", took);
  printf("Total sum of elements (for validation): %s\n", sum);
}

// ---- errors ----------------------------------------------------------------

void report_keep_diagnostic(void *diagnostics, const char *kind, int line,
                            int col, const char *message) {
  Diagnostics *d = diagnostics;
  if (d->count == REPORT_MAX_DIAGNOSTICS)
    return;  // the text output is cut at 20 errors anyway
  char *copy = strdup(message);
  if (!copy)
    return;
  d->items[d->count].kind = kind[0] == 'e' ? "error" : "note";
  d->items[d->count].line = line;
  d->items[d->count].col = col;
  d->items[d->count].message = copy;
  d->count++;
}

void report_free_diagnostics(Diagnostics *d) {
  for (int i = 0; i < d->count; i++)
    free(d->items[i].message);
  d->count = 0;
}

static void json_position(FILE *out, int n) {
  if (n > 0)
    fprintf(out, "%d", n);
  else
    fputs("null", out);
}

void report_json_error(FILE *out, const char *kind, const char *name,
                       const char *message, const char *file, int line,
                       int column) {
  fprintf(out, "{\"error\": {\"kind\": \"%s\", \"name\": ", kind);
  json_string(out, name);
  fputs(", \"message\": ", out);
  json_string(out, message);
  fputs(", \"file\": ", out);
  json_string(out, file);
  fputs(", \"line\": ", out);
  json_position(out, line);
  fputs(", \"column\": ", out);
  json_position(out, line > 0 ? column : 0);
  fputs("}}\n", out);
}

void report_json_compile_error(FILE *out, const Diagnostics *d,
                               const char *file, const char *message) {
  for (int i = 0; i < d->count; i++)
    if (!strcmp(d->items[i].kind, "error")) {
      report_json_error(out, "compile", "CompileError", d->items[i].message,
                        file, d->items[i].line, d->items[i].col);
      return;
    }
  report_json_error(out, "compile", "CompileError", message, file, 0, 0);
}

// SARIF 2.1.0 (OASIS): one run of one tool, a result per diagnostic; a
// column counts Unicode code points, as mandelc's columns do.
void report_sarif(FILE *out, const Diagnostics *d, const char *file,
                  const char *version) {
  fprintf(out, "{\"$schema\": \"https://json.schemastore.org/"
          "sarif-2.1.0.json\", \"version\": \"2.1.0\", \"runs\": [{"
          "\"tool\": {\"driver\": {\"name\": \"mandelc\", \"version\": ");
  json_string(out, version);
  fputs("}}, \"columnKind\": \"unicodeCodePoints\", \"results\": [", out);
  for (int i = 0; i < d->count; i++) {
    fprintf(out, "%s\n  {\"level\": \"%s\", \"message\": {\"text\": ",
            i ? "," : "", d->items[i].kind);
    json_string(out, d->items[i].message);
    fputs("}, \"locations\": [{\"physicalLocation\": {\"artifactLocation\": "
          "{\"uri\": ", out);
    json_string(out, file);
    fputc('}', out);
    if (d->items[i].line > 0)
      fprintf(out, ", \"region\": {\"startLine\": %d, \"startColumn\": %d}",
              d->items[i].line, d->items[i].col);
    fputs("}}]}", out);
  }
  fputs("]}]}\n", out);
}
