// annotate.c - --annotate=FILE.html: each source line with its types and
// the code generated for it.
//
// The report is a table with one row per line of the kernel file: the
// Python text, the variables whose type that line fixed (and, on a `def`
// line, the function's signature), and the target code that came from it.
// The code is found by the line marks the back ends already leave for
// debuggers: in LLVM IR each instruction's `!dbg !N` names a DILocation
// that holds its kernel.py line; in CUDA C a `#line N` directive precedes
// each statement. So this file only reads text, and works unchanged on
// either target's output, optimised or not.
#include <stdlib.h>
#include <string.h>

#include "runtime.h"

// One source line's share of the report, built up before writing.
typedef struct {
  char *types;   // "name: type; ..." (malloc'ed, may be NULL)
  char *code;    // generated lines, newline-separated (malloc'ed)
  size_t codelen, codecap;
  int ncode;
} Row;

static void append(char **buf, size_t *len, size_t *cap, const char *s,
                   size_t n) {
  if (*len + n + 1 > *cap) {
    size_t c = *cap ? *cap * 2 : 256;
    while (c < *len + n + 1)
      c *= 2;
    char *b = realloc(*buf, c);
    if (!b)
      return;  // the report loses a line rather than the run failing
    *buf = b;
    *cap = c;
  }
  memcpy(*buf + *len, s, n);
  *len += n;
  (*buf)[*len] = '\0';
}

static void add_code(Row *rows, int nrows, int line, const char *s,
                     size_t n) {
  if (line < 1 || line > nrows)
    return;
  Row *r = &rows[line - 1];
  append(&r->code, &r->codelen, &r->codecap, s, n);
  append(&r->code, &r->codelen, &r->codecap, "\n", 1);
  r->ncode++;
}

static void add_type(Row *r, const char *text) {
  size_t len = r->types ? strlen(r->types) : 0, cap = len ? len + 1 : 0;
  if (len)
    append(&r->types, &len, &cap, "; ", 2);
  append(&r->types, &len, &cap, text, strlen(text));
}

// The types inference fixed, at the line that fixed them.
static void collect_types(Row *rows, int nrows, Arena *a, const Program *p) {
  for (int f = 0; f < p->funcs.len; f++) {
    const Func *fn = p->funcs.data[f];
    if (fn->def && fn->def->line >= 1 && fn->def->line <= nrows)
      add_type(&rows[fn->def->line - 1],
               arena_sprintf(a, "%s() -> %s", fn->name,
                             type_name(a, fn->ret)));
    for (int v = 0; v < fn->vars.len; v++) {
      const Var *var = fn->vars.data[v];
      if (var->def && var->def->line >= 1 && var->def->line <= nrows)
        add_type(&rows[var->def->line - 1],
                 arena_sprintf(a, "%s: %s", var->name,
                               type_name(a, var->ty)));
    }
  }
}

// The kernel.py line of each `!N = !DILocation(line: L, ...)`, by N.
static int *dilocation_lines(const char *ir, int *count) {
  int n = 0;
  for (const char *s = ir; (s = strstr(s, "!DILocation(line: ")); s++) {
    const char *bang = s;
    while (bang > ir && bang[-1] != '\n')
      bang--;
    if (*bang == '!' && atoi(bang + 1) >= n)
      n = atoi(bang + 1) + 1;
  }
  int *lines = calloc((size_t)(n ? n : 1), sizeof *lines);
  for (const char *s = ir; lines && (s = strstr(s, "!DILocation(line: "));
       s++) {
    const char *bang = s;
    while (bang > ir && bang[-1] != '\n')
      bang--;
    if (*bang == '!')
      lines[atoi(bang + 1)] = atoi(s + strlen("!DILocation(line: "));
  }
  *count = lines ? n : 0;
  return lines;
}

static void collect_llvm(Row *rows, int nrows, const char *ir) {
  int nlocs;
  int *locs = dilocation_lines(ir, &nlocs);
  for (const char *s = ir; *s;) {
    const char *end = strchr(s, '\n');
    size_t n = end ? (size_t)(end - s) : strlen(s);
    const char *dbg = strstr(s, ", !dbg !");
    if (dbg && dbg < s + n && *s == ' ') {
      int k = atoi(dbg + strlen(", !dbg !"));
      if (k >= 0 && k < nlocs)
        add_code(rows, nrows, locs[k], s, (size_t)(dbg - s));
    }
    s += n + (end ? 1 : 0);
  }
  free(locs);
}

static void collect_cuda(Row *rows, int nrows, const char *cu) {
  int line = 0;
  for (const char *s = cu; *s;) {
    const char *end = strchr(s, '\n');
    size_t n = end ? (size_t)(end - s) : strlen(s);
    const char *t = s + strspn(s, " ");
    if (strncmp(t, "#line ", 6) == 0)
      line = atoi(t + 6);
    else if (line && strncmp(t, "//", 2) != 0 && t < s + n)
      add_code(rows, nrows, line, s, n);
    s += n + (end ? 1 : 0);
  }
}

static void write_escaped(FILE *f, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    switch (s[i]) {
    case '<': fputs("&lt;", f); break;
    case '>': fputs("&gt;", f); break;
    case '&': fputs("&amp;", f); break;
    case '"': fputs("&quot;", f); break;
    default: fputc(s[i], f);
    }
  }
}

static void write_row(FILE *f, int lineno, const char *text, size_t n,
                      const Row *r, const char *lang) {
  fprintf(f, "<tr><td class=n>%d</td><td><pre>", lineno);
  write_escaped(f, text, n);
  fputs("</pre></td><td class=t>", f);
  if (r->types)
    write_escaped(f, r->types, strlen(r->types));
  fputs("</td><td>", f);
  if (r->ncode) {
    fprintf(f, "<details><summary>%d line%s of %s</summary><pre>",
            r->ncode, r->ncode == 1 ? "" : "s", lang);
    write_escaped(f, r->code, r->codelen);
    fputs("</pre></details>", f);
  }
  fputs("</td></tr>\n", f);
}

static void write_html(FILE *f, const char *file, const char *src,
                       size_t len, const Row *rows, const char *lang) {
  fputs("<!DOCTYPE html>\n<html><head><meta charset=utf-8><title>", f);
  write_escaped(f, file, strlen(file));
  fputs("</title><style>body{font-family:sans-serif}"
        "table{border-collapse:collapse}td{vertical-align:top;"
        "border-bottom:1px solid #ddd;padding:0 .5em}pre{margin:0}"
        "td.n{color:#888;text-align:right}td.t{color:#05a}"
        "</style></head><body>\n<h1>", f);
  write_escaped(f, file, strlen(file));
  fprintf(f, "</h1>\n<p>Each line with the types inferred there and the "
          "%s generated for it.</p>\n<table>\n", lang);
  int lineno = 1;
  for (const char *s = src; s < src + len; lineno++) {
    const char *end = memchr(s, '\n', (size_t)(src + len - s));
    size_t n = end ? (size_t)(end - s) : (size_t)(src + len - s);
    write_row(f, lineno, s, n, &rows[lineno - 1], lang);
    s += n + 1;
  }
  fputs("</table>\n</body></html>\n", f);
}

static int count_lines(const char *src, size_t len) {
  int n = 1;
  for (size_t i = 0; i < len; i++)
    n += src[i] == '\n';
  return n;
}

bool rt_annotate_write(const char *path, Arena *a, const Program *p,
                       const char *src, size_t len, const char *code,
                       bool is_cuda, char *err, size_t errlen) {
  int nrows = count_lines(src, len);
  Row *rows = calloc((size_t)nrows, sizeof *rows);
  FILE *f = rows ? fopen(path, "w") : NULL;
  if (!f) {
    snprintf(err, errlen, "cannot write %s", path);
    free(rows);
    return false;
  }
  collect_types(rows, nrows, a, p);
  if (code && is_cuda)
    collect_cuda(rows, nrows, code);
  else if (code)
    collect_llvm(rows, nrows, code);
  write_html(f, p->file ? p->file : path, src, len, rows,
             is_cuda ? "CUDA C" : "LLVM IR");
  bool ok = !ferror(f);
  ok = fclose(f) == 0 && ok;
  for (int i = 0; i < nrows; i++) {
    free(rows[i].types);
    free(rows[i].code);
  }
  free(rows);
  if (!ok)
    snprintf(err, errlen, "cannot write %s", path);
  return ok;
}
