// annotate.c - --annotate=FILE.html: each source line with its types and
// the code generated for it, mandelc's `cython -a`.
//
// The report is one self-contained HTML page (inline style and script, no
// network): a table with one row per line of the kernel file, shaded by how
// many machine instructions came from that line and, after --profile, by
// the share of samples it took; a click on a row opens the line's inferred
// types, its LLVM IR, its assembly and (target cuda) its CUDA C and PTX.
//
// Nothing is guessed: every piece of code is found through the line marks
// the back ends already leave for debuggers. In LLVM IR an instruction's
// `!dbg !N` names a `!N = !DILocation(line: L, ...)`; in the assembly
// listing and in PTX (NVRTC's -lineinfo) a `.loc FILE LINE COL` directive
// gives the line of the instructions after it; in CUDA C a `#line N`
// directive precedes each statement. So this file only reads text, and
// works unchanged on any kernel, optimised or not.
#define _GNU_SOURCE  // memmem
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "runtime.h"

// The listings of a row, in the order the detail panel shows them.
#define LISTING_KINDS(X)             \
  X(K_IR, "ir", "LLVM IR")            \
  X(K_ASM, "asm", "x86-64 assembly")  \
  X(K_CUDA, "cuda", "CUDA C")         \
  X(K_PTX, "ptx", "PTX")

typedef enum {
#define X(name, id, title) name,
  LISTING_KINDS(X)
#undef X
  K_COUNT
} Kind;

static const char *const kind_ids[] = {
#define X(name, id, title) id,
  LISTING_KINDS(X)
#undef X
};
static const char *const kind_titles[] = {
#define X(name, id, title) title,
  LISTING_KINDS(X)
#undef X
};

// A growing text buffer; on failure the report loses text, not the run.
typedef struct {
  char *s;
  size_t len, cap;
  int count;  // lines appended
} Text;

// One source line's share of the report.
typedef struct {
  Text types;
  Text code[K_COUNT];
  const char *part[K_COUNT];  // the path the code last added belongs to
  double cycles;              // llvm-mca's estimate a run of the line's code
} Row;

// Which path of the vector form a function's code is, by its name
// (compiler/llvm_lanes.c): NAME.*.simd runs all lanes at once, NAME.*.lanes
// drives it (masks, refills) and holds, inlined, NAME.body: the scalar
// code a point the vector path hands back finishes on. NULL for code of
// a kernel with no vector form.
static const char *path_of(const char *fn, size_t n, bool vector_form) {
  if (!vector_form)
    return NULL;
  if (n > 5 && memcmp(fn + n - 5, ".simd", 5) == 0)
    return "vector path: all lanes at once";
  if (n > 6 && memcmp(fn + n - 6, ".lanes", 6) == 0)
    return "driver of the vector path, and its scalar fallback";
  if (n > 5 && memcmp(fn + n - 5, ".body", 5) == 0)
    return "scalar fallback: a point the vector path hands back";
  return "scalar code";
}

typedef struct {
  Row *rows;     // rows[0] collects code with no line (LLVM's line 0)
  int nrows;     // source lines; rows has nrows + 1 entries
  const char *mca_error;  // why there is no cycle estimate (NULL: there is)
  int prelude_code;  // of rows[0]'s PTX, what the prelude's lines made
  int line0_code;    // ... and what the compiler put at the kernel's line 0
} Report;

static void append(Text *t, const char *s, size_t n) {
  if (t->len + n + 1 > t->cap) {
    size_t c = t->cap ? t->cap * 2 : 256;
    while (c < t->len + n + 1)
      c *= 2;
    char *b = realloc(t->s, c);
    if (!b)
      return;
    t->s = b;
    t->cap = c;
  }
  memcpy(t->s + t->len, s, n);
  t->len += n;
  t->s[t->len] = '\0';
}

// Appends code to a line's listing; `part`, when not NULL, is the path it
// belongs to (path_of), said in a comment line where it changes.
static void add_code(Report *r, Kind k, int line, const char *s, size_t n,
                     const char *part) {
  if (line < 0 || line > r->nrows)
    return;
  Text *t = &r->rows[line].code[k];
  if (part && part != r->rows[line].part[k]) {
    const char *c = k == K_IR ? ";" : "#";
    append(t, c, 1);
    append(t, " ---- ", 6);
    append(t, part, strlen(part));
    append(t, "\n", 1);
    r->rows[line].part[k] = part;
  }
  append(t, s, n);
  append(t, "\n", 1);
  t->count++;
}

static void add_type(Row *row, const char *text) {
  if (row->types.len)
    append(&row->types, "\n", 1);
  append(&row->types, text, strlen(text));
  row->types.count++;
}

// The types inference fixed, at the line that fixed them.
static void collect_types(Report *r, Arena *a, const Program *p) {
  for (int f = 0; f < p->funcs.len; f++) {
    const Func *fn = p->funcs.data[f];
    if (fn->def && fn->def->line >= 1 && fn->def->line <= r->nrows)
      add_type(&r->rows[fn->def->line],
               arena_sprintf(a, "%s() -> %s", fn->name,
                             type_name(a, fn->ret)));
    for (int v = 0; v < fn->vars.len; v++) {
      const Var *var = fn->vars.data[v];
      if (var->def && var->def->line >= 1 && var->def->line <= r->nrows)
        add_type(&r->rows[var->def->line],
                 arena_sprintf(a, "%s: %s", var->name,
                               type_name(a, var->ty)));
    }
  }
}

// The line after the one at s, whose length is n.
static const char *next_line(const char *s, size_t n) {
  return s + n + (s[n] == '\n');
}

// The kernel.py line of each `!N = !DILocation(line: L, ...)`, by N.
static int *dilocation_lines(const char *ir, int *count) {
  static const char key[] = "= !DILocation(line: ";
  int n = 0;
  for (const char *s = ir; *s; s = next_line(s, strcspn(s, "\n"))) {
    size_t len = strcspn(s, "\n");
    if (*s == '!' && memmem(s, len, key, strlen(key)) && atoi(s + 1) >= n)
      n = atoi(s + 1) + 1;
  }
  int *lines = calloc((size_t)(n ? n : 1), sizeof *lines);
  if (!lines)
    return *count = 0, NULL;
  for (const char *s = ir; *s; s = next_line(s, strcspn(s, "\n"))) {
    size_t len = strcspn(s, "\n");
    const char *k = *s == '!' ? memmem(s, len, key, strlen(key)) : NULL;
    if (k)
      lines[atoi(s + 1)] = atoi(k + strlen(key));
  }
  *count = n;
  return lines;
}

// The function whose code the DILocation !id is (its scope's
// DISubprogram, through lexical blocks): its name, *n bytes, or NULL.
static const char *location_function(const char *ir, long id, size_t *n) {
  for (int hops = 0; hops < 64; hops++) {
    char head[32];
    int k = snprintf(head, sizeof head, "\n!%ld = ", id);
    const char *def = strstr(ir, head);
    if (!def)
      return NULL;
    def += k;
    size_t len = strcspn(def, "\n");
    const char *name = memmem(def, len, "DISubprogram(name: \"", 20);
    if (name) {
      *n = strcspn(name + 20, "\"");
      return name + 20;
    }
    const char *scope = memmem(def, len, "scope: !", 8);
    if (!scope)
      return NULL;
    id = strtol(scope + 8, NULL, 10);
  }
  return NULL;
}

static void collect_ir(Report *r, const char *ir) {
  int nlocs;
  int *locs = dilocation_lines(ir, &nlocs);
  bool vector_form = strstr(ir, ".simd(") != NULL;
  long last_id = -1;
  const char *part = NULL;
  for (const char *s = ir; *s; s = next_line(s, strcspn(s, "\n"))) {
    size_t n = strcspn(s, "\n");
    const char *dbg = memmem(s, n, ", !dbg !", 8);
    if (dbg && *s == ' ') {
      int k = atoi(dbg + 8);
      if (vector_form && k != last_id) {
        size_t fn_len = 0;
        const char *fn = location_function(ir, k, &fn_len);
        part = fn ? path_of(fn, fn_len, true) : NULL;
        last_id = k;
      }
      if (k >= 0 && k < nlocs)
        add_code(r, K_IR, locs[k], s, (size_t)(dbg - s), part);
    }
  }
  free(locs);
}

// True when PATH (n bytes) names the kernel file: PTX names it by its
// absolute path, the assembly listing by the path given to mandelc.
static bool names_kernel(const char *path, size_t n, const char *file) {
  const char *base = strrchr(file, '/');
  base = base ? base + 1 : file;
  size_t b = strlen(base);
  return n >= b && memcmp(path + n - b, base, b) == 0 &&
         (n == b || path[n - b - 1] == '/');
}

// What a listing's `.file N "PATH"` numbers name: the kernel file, the
// CUDA prelude (CUDA_PRELUDE_NAME), or another file.
typedef enum { F_OTHER, F_KERNEL, F_PRELUDE } FileKind;

// Which `.file N "PATH"` numbers name the kernel file and the prelude;
// PTX lists them after the code, the assembly listing before.
static void find_files(const char *text, const char *file, FileKind *files,
                       int nfiles) {
  for (const char *s = text; *s; s = next_line(s, strcspn(s, "\n"))) {
    size_t n = strcspn(s, "\n");
    const char *t = s + strspn(s, " \t");
    if (strncmp(t, ".file", 5) != 0 || (t[5] != ' ' && t[5] != '\t'))
      continue;
    int id = atoi(t + 6);
    // the last quoted string: `.file 1 "DIR" "PATH"` in the listing
    const char *q2 = memrchr(t, '"', n - (size_t)(t - s));
    const char *q = q2 ? memrchr(t, '"', (size_t)(q2 - t)) : NULL;
    if (id < 0 || id >= nfiles || !q)
      continue;
    size_t len = (size_t)(q2 - q - 1);
    files[id] = names_kernel(q + 1, len, file) ? F_KERNEL
                : names_kernel(q + 1, len, CUDA_PRELUDE_NAME) ? F_PRELUDE
                                                             : F_OTHER;
  }
}

// The kernel lines that code at a `.loc` location was attributed to, so
// that code inlined into inlined code finds its kernel line: PTX names
// only the nearest caller (`.loc 1 323 3, ..., inlined_at 1 1162 3`), a
// location of the prelude whose own `.loc`, inlined at a kernel line,
// came before. Open addressing; when full, locations are forgotten and
// their code counts as having no line.
enum { LOC_SLOTS = 8192 };
typedef struct {
  long file, line, col;
  int kernel_line;
  bool used;
} LocSlot;

static LocSlot *loc_slot(LocSlot *map, long file, long line, long col) {
  size_t h = ((size_t)file * 1000003u + (size_t)line * 131u + (size_t)col)
             % LOC_SLOTS;
  for (int probe = 0; probe < LOC_SLOTS; probe++) {
    LocSlot *e = &map[(h + (size_t)probe) % LOC_SLOTS];
    if (!e->used || (e->file == file && e->line == line && e->col == col))
      return e;
  }
  return NULL;
}

// The kernel line of a `.loc FILE LINE COL ...` (text after `.loc`, n
// bytes), 0 when it names another file. Code inlined from a helper of
// another file (PTX: the prelude's py_* functions) counts for the kernel
// line it was inlined at, through as many levels of inlining as the
// listing shows: `.loc 2 300 5, function_name ..., inlined_at 1 21 3`.
static int loc_line(const char *t, size_t n, const FileKind *files,
                    int nfiles, LocSlot *map, long *file_id) {
  char *end;
  long id = strtol(t, &end, 10), line = strtol(end, &end, 10);
  long col = strtol(end, NULL, 10);
  *file_id = id;
  int result = 0;
  const char *at = memmem(t, n, "inlined_at ", 11);
  if (id >= 0 && id < nfiles && files[id] == F_KERNEL) {
    result = (int)line;
  } else if (at) {
    long at_id = strtol(at + 11, &end, 10);
    long at_line = strtol(end, &end, 10), at_col = strtol(end, NULL, 10);
    LocSlot *caller = map ? loc_slot(map, at_id, at_line, at_col) : NULL;
    if (at_id >= 0 && at_id < nfiles && files[at_id] == F_KERNEL)
      result = (int)at_line;
    else if (caller && caller->used)
      result = caller->kernel_line;
  }
  LocSlot *e = map ? loc_slot(map, id, line, col) : NULL;
  if (e)
    *e = (LocSlot){id, line, col, result, true};
  return result;
}

// Assembly and PTX: a `.loc FILE LINE ...` sets the line of the
// instructions after it, when FILE is the kernel's. Instructions are the
// indented lines that are not directives, labels, braces or comments.
// PTX code of no kernel line that the prelude's own lines made is counted
// apart (prelude_code), so the report can say how much is mandelc's own
// launch code. The kernel's entry is its def line's (cuda_kernel.c);
// mandelc_fill_points, which builds the driver's q and z, is the driver's
// work and no kernel's, so it is not counted at all.
static void collect_loc(Report *r, Kind k, const char *text,
                        const char *file) {
  enum { MAX_FILES = 64 };
  FileKind files[MAX_FILES] = {F_OTHER};
  find_files(text, file, files, MAX_FILES);
  LocSlot *map = calloc(LOC_SLOTS, sizeof *map);  // NULL: one level only
  // The assembly's functions say which path of the vector form code is
  // (llvm.c keeps the vector functions out of line in listings).
  bool vector_form = k == K_ASM && strstr(text, ".simd:\n") != NULL;
  const char *part = NULL;
  int line = 0;
  long file_id = -1;
  bool driver = false;  // in mandelc_fill_points: the driver's, no kernel's
  for (const char *s = text; *s; s = next_line(s, strcspn(s, "\n"))) {
    size_t n = strcspn(s, "\n");
    const char *t = s + strspn(s, " \t");
    if (k == K_PTX && strncmp(s, ".visible .entry ", 16) == 0)
      driver = strncmp(s + 16, "mandelc_fill_points(", 20) == 0;
    if (driver) {
      driver = *s != '}';
      continue;
    }
    if (strncmp(t, ".loc", 4) == 0 && (t[4] == ' ' || t[4] == '\t')) {
      line = loc_line(t + 5, n - 5 - (size_t)(t - s), files, MAX_FILES,
                      map, &file_id);
    } else if (vector_form && t == s && n > 1 && s[n - 1] == ':' &&
               *s != '.') {
      part = path_of(s, n - 1, true);  // a function's label
    } else if (t != s && t < s + n && !strchr(".#/{}", *t)) {
      add_code(r, k, line, t, n - (size_t)(t - s), part);
      if (k == K_PTX && line == 0 && file_id >= 0 && file_id < MAX_FILES &&
          files[file_id] == F_PRELUDE)
        r->prelude_code++;
      if (k == K_PTX && line == 0 && file_id >= 0 && file_id < MAX_FILES &&
          files[file_id] == F_KERNEL)
        r->line0_code++;
    }
  }
  free(map);
}

// True for a line of CUDA C at the top level (a declaration, a closing
// brace): it ends the code that the last `#line` marked.
static bool is_top_level(const char *s) {
  return *s && *s != '\n' && *s != ' ' && *s != '\t' && *s != '#';
}

// A `#line N "PATH"` (text after `#line `, n bytes): N when PATH is the
// kernel file, 0 for another (cuda.c marks its own lines as FILE.cu's).
static int directive_line(const char *t, size_t n, const char *file) {
  const char *q = memchr(t, '"', n);
  const char *q2 = q ? memchr(q + 1, '"', n - (size_t)(q + 1 - t)) : NULL;
  if (q2 && !names_kernel(q + 1, (size_t)(q2 - q - 1), file))
    return 0;
  return atoi(t);
}

static void collect_cuda(Report *r, const char *cu, const char *file) {
  int line = 0;
  for (const char *s = cu; *s; s = next_line(s, strcspn(s, "\n"))) {
    size_t n = strcspn(s, "\n");
    const char *t = s + strspn(s, " ");
    if (strncmp(t, "#line ", 6) == 0)
      line = directive_line(t + 6, n - (size_t)(t + 6 - s), file);
    else if (is_top_level(s))
      line = 0;
    else if (line && strncmp(t, "//", 2) != 0 && t < s + n)
      add_code(r, K_CUDA, line, s, n, NULL);
  }
}

// ---- cost per line: llvm-mca --------------------------------------------

// LLVM's machine-code analyser, from the LLVM mandelc was built with
// (CMake's MANDELC_LLVM_MCA), reads each line's instructions as a region
// of its own and simulates 100 runs of it on the CPU's scheduling model:
// Total Cycles / Iterations is the line's static cost a run, without
// running it. Each run is the line's instructions in listing order, both
// paths of the vector form included; llvm-mca counts a call 100 cycles
// and ignores branches (it sees straight-line code).
#ifndef MANDELC_LLVM_MCA
#define MANDELC_LLVM_MCA "llvm-mca"
#endif
#define MCA_ITERATIONS 100

// The regions: `# LLVM-MCA-BEGIN LN` ... `# LLVM-MCA-END LN` around the
// instructions of each line N (its assembly panel, comments left out).
static bool write_mca_input(FILE *f, const Report *r) {
  bool any = false;
  for (int line = 1; line <= r->nrows; line++) {
    const Text *t = &r->rows[line].code[K_ASM];
    if (!t->count)
      continue;
    fprintf(f, "# LLVM-MCA-BEGIN L%d\n", line);
    for (const char *s = t->s; *s; s = next_line(s, strcspn(s, "\n")))
      if (*s != '#')
        fprintf(f, "%.*s\n", (int)strcspn(s, "\n"), s);
    fprintf(f, "# LLVM-MCA-END L%d\n", line);
    any = true;
  }
  return any;
}

// Reads llvm-mca's summary of each region: `[k] Code Region - LN`, then
// `Iterations: I` and `Total Cycles: C`.
static int read_mca_output(FILE *p, Report *r) {
  char buf[512];
  int line = 0, found = 0;
  double iterations = 0;
  while (fgets(buf, sizeof buf, p)) {
    const char *region = strstr(buf, "Code Region - L");
    if (region) {
      line = atoi(region + 15);
      iterations = 0;
    } else if (strncmp(buf, "Iterations:", 11) == 0) {
      iterations = atof(buf + 11);
    } else if (strncmp(buf, "Total Cycles:", 13) == 0 && line >= 1 &&
               line <= r->nrows && iterations > 0) {
      r->rows[line].cycles = atof(buf + 13) / iterations;
      found++;
      line = 0;
    }
  }
  return found;
}

// Each line's estimate into rows[].cycles; else the reason in mca_error.
static void estimate_cycles(Report *r, const char *cpu) {
  if (access(MANDELC_LLVM_MCA, X_OK) != 0) {
    r->mca_error = "no llvm-mca at " MANDELC_LLVM_MCA;
    return;
  }
  char path[] = "/tmp/mandelc-mca-XXXXXX";
  int fd = mkstemp(path);
  FILE *in = fd >= 0 ? fdopen(fd, "w") : NULL;
  if (!in) {
    if (fd >= 0)
      close(fd);
    r->mca_error = "cannot write llvm-mca's input";
    return;
  }
  bool any = write_mca_input(in, r);
  bool written = fclose(in) == 0;
  // cpu is an LLVM CPU name (cli.c checked it): letters, digits, - _ .
  char cmd[512];
  snprintf(cmd, sizeof cmd, "'%s' -mcpu=%s -iterations=%d "
           "-instruction-info=0 -resource-pressure=0 '%s' 2>/dev/null",
           MANDELC_LLVM_MCA, cpu && *cpu ? cpu : "native", MCA_ITERATIONS,
           path);
  FILE *p = any && written ? popen(cmd, "r") : NULL;
  int found = p ? read_mca_output(p, r) : 0;
  if (p)
    pclose(p);
  unlink(path);
  if (any && !found)
    r->mca_error = "llvm-mca read none of the lines' code";
}

// ---- writing the page -------------------------------------------------------

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

// Colours and layout; heat cells get their lightness inline.
static const char page_style[] =
  "body{font-family:sans-serif;margin:1em 2em;color:#222}"
  "table{border-collapse:collapse}th{text-align:left;font-weight:normal;"
  "color:#666;border-bottom:1px solid #ccc;padding:0 .6em}"
  "td{vertical-align:top;padding:0 .6em}pre{margin:0}"
  "td.n{color:#888;text-align:right}td.k,td.t,td.c{text-align:right;"
  "font-family:monospace;min-width:4em}"
  "tr.src.has{cursor:pointer}tr.src.has:hover td.py{outline:1px solid #999}"
  "tr.src.open td.n{font-weight:bold;color:#000}"
  "tr.detail>td{background:#f6f6f6;border:1px solid #ccc;padding:.4em}"
  "section{margin:.3em 0}h3{font-size:90%;margin:.2em 0;color:#555}"
  "section pre{tab-size:4;background:#fff;border:1px solid #ddd;padding:.3em;"
  "overflow-x:auto;max-height:24em}"
  ".legend span{padding:0 .5em;margin-right:.3em}";

// Opens and closes a line's panel on a click (or Enter); nothing else.
static const char page_script[] =
  "(function(){\n"
  "  function toggle(row){\n"
  "    var d=document.getElementById('D'+row.dataset.line);\n"
  "    if(!d)return;\n"
  "    d.hidden=!d.hidden;\n"
  "    row.classList.toggle('open',!d.hidden);\n"
  "  }\n"
  "  var table=document.getElementById('source');\n"
  "  table.addEventListener('click',function(e){\n"
  "    var row=e.target.closest('tr.src');\n"
  "    if(row)toggle(row);\n"
  "  });\n"
  "  table.addEventListener('keydown',function(e){\n"
  "    if(e.key==='Enter'&&e.target.matches('tr.src'))toggle(e.target);\n"
  "  });\n"
  "})();\n";

// The kind whose instruction count shades the lines: the target's
// machine code (PTX for the GPU).
static Kind heat_kind(const RtListings *l) {
  bool cuda = l->target && strcmp(l->target, "cuda") == 0;
  if (l->ptx && (cuda || !l->asm_text))
    return K_PTX;
  return l->asm_text ? K_ASM : K_IR;
}

// A background from white (none) to full `hue` (the most).
static void write_heat(FILE *f, const char *cls, int hue, double share,
                       const char *text) {
  if (share <= 0) {
    fprintf(f, "<td class=%s>%s</td>", cls, text);
    return;
  }
  fprintf(f, "<td class=%s style=\"background:hsl(%d,90%%,%.0f%%)\">%s"
          "</td>", cls, hue, 96.0 - 46.0 * (share > 1 ? 1 : share), text);
}

static bool has_detail(const Row *row) {
  if (row->types.count)
    return true;
  for (int k = 0; k < K_COUNT; k++)
    if (row->code[k].count)
      return true;
  return false;
}

static void write_detail(FILE *f, int line, const Row *row) {
  fprintf(f, "<tr id=D%d class=detail hidden><td colspan=5>\n", line);
  if (row->types.count) {
    fputs("<section class=types><h3>types inferred here</h3><pre>", f);
    write_escaped(f, row->types.s, row->types.len);
    fputs("</pre></section>\n", f);
  }
  for (int k = 0; k < K_COUNT; k++) {
    const Text *t = &row->code[k];
    if (!t->count)
      continue;
    fprintf(f, "<section class=%s><h3>%s (%d line%s)</h3><pre>",
            kind_ids[k], kind_titles[k], t->count, t->count == 1 ? "" : "s");
    write_escaped(f, t->s, t->len);
    fputs("</pre></section>\n", f);
  }
  fputs("</td></tr>\n", f);
}

// What the shading is scaled to: the largest counts over the lines.
typedef struct {
  Kind heat;
  int max_code;
  const RtProfile *profile;
  int64_t total_samples, max_samples;
  double max_cycles;
} Scale;

static void write_row(FILE *f, int line, const char *text, size_t n,
                      const Row *row, const Scale *sc) {
  bool detail = has_detail(row);
  fprintf(f, "<tr id=L%d class=\"src%s\" data-line=%d%s><td class=n>%d"
          "</td>", line, detail ? " has" : "", line,
          detail ? " tabindex=0" : "", line);
  int code = row->code[sc->heat].count;
  char buf[32] = "";
  if (code)
    snprintf(buf, sizeof buf, "%d", code);
  write_heat(f, "k", 30, sc->max_code ? (double)code / sc->max_code : 0, buf);
  int64_t samples = rt_profile_samples(sc->profile, line);
  buf[0] = '\0';
  if (samples)  // ? marks a share of too few samples to trust
    snprintf(buf, sizeof buf, "%.1f%%%s",
             100.0 * (double)samples / (double)sc->total_samples,
             samples < RT_PROFILE_RELIABLE ? "?" : "");
  write_heat(f, "t", 0, sc->max_samples ? (double)samples / sc->max_samples
                                        : 0, buf);
  buf[0] = '\0';
  if (row->cycles > 0)
    snprintf(buf, sizeof buf, "%.1f", row->cycles);
  write_heat(f, "c", 200, sc->max_cycles > 0 ? row->cycles / sc->max_cycles
                                             : 0, buf);
  fputs("<td class=py><pre>", f);
  write_escaped(f, text, n);
  fputs("</pre></td></tr>\n", f);
  if (detail)
    write_detail(f, line, row);
}

static Scale find_scale(const Report *r, const RtListings *l) {
  Scale sc = {.heat = heat_kind(l), .profile = l->profile,
              .total_samples = rt_profile_total(l->profile)};
  for (int i = 1; i <= r->nrows; i++) {
    int code = r->rows[i].code[sc.heat].count;
    int64_t samples = rt_profile_samples(l->profile, i);
    sc.max_code = code > sc.max_code ? code : sc.max_code;
    sc.max_samples = samples > sc.max_samples ? samples : sc.max_samples;
    if (r->rows[i].cycles > sc.max_cycles)
      sc.max_cycles = r->rows[i].cycles;
  }
  return sc;
}

static void write_summary(FILE *f, const Report *r, const Program *p,
                          const RtListings *l, const Scale *sc) {
  int total = 0;
  for (int i = 0; i <= r->nrows; i++)
    total += r->rows[i].code[sc->heat].count;
  fprintf(f, "<p class=summary>Kernel <b>%s</b>, target %s: %d %s "
          "instructions", p->kernel ? p->kernel->name : "?",
          l->target ? l->target : "llvm", total,
          sc->heat == K_PTX ? "PTX" : sc->heat == K_ASM ? "machine"
                                                        : "LLVM IR");
  int unlined = r->rows[0].code[sc->heat].count;
  if (unlined && sc->heat == K_PTX)
    fprintf(f, " (%d of them with no kernel line: %d from the prelude's "
            "functions, %s, %d that the compiler put at line 0 (no line), "
            "and %d from the launch code mandelc writes around the "
            "kernel)", unlined, r->prelude_code, CUDA_PRELUDE_NAME,
            r->line0_code, unlined - r->prelude_code - r->line0_code);
  else if (unlined)
    fprintf(f, " (%d of them with no source line)", unlined);
  if (l->profile)
    fprintf(f, "; --profile took %lld samples",
            (long long)sc->total_samples);
  fputs(". Click a line to open its types and code.</p>\n", f);
  fputs("<p class=legend><span style=\"background:hsl(30,90%,50%)\">"
        "instructions</span> many machine instructions from this line "
        "(found through the code's debug locations)", f);
  if (l->profile)
    fprintf(f, " <span style=\"background:hsl(0,90%%,50%%)\">time</span> "
            "share of the profile's samples (a ? marks a share of fewer than "
            "%d samples: unreliable)", RT_PROFILE_RELIABLE);
  if (r->mca_error)
    fprintf(f, " <span class=nomca>cycles: none (%s)</span>", r->mca_error);
  else if (sc->max_cycles > 0)
    fprintf(f, " <span style=\"background:hsl(200,90%%,50%%)\">cycles"
            "</span> llvm-mca's static estimate of the cycles one run of "
            "the line's machine code takes on %s, branches and calls "
            "aside (a call counts 100): why a line costs more than "
            "another, without running it", l->cpu ? l->cpu : "this CPU");
  fputs("</p>\n", f);
}

static void write_html(FILE *f, const char *file, const char *src,
                       size_t len, const Report *r, const Program *p,
                       const RtListings *l) {
  fputs("<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8>"
        "<title>", f);
  write_escaped(f, file, strlen(file));
  fprintf(f, " - mandelc --annotate</title><style>%s</style></head>"
          "<body>\n<h1>", page_style);
  write_escaped(f, file, strlen(file));
  fputs("</h1>\n", f);
  Scale sc = find_scale(r, l);
  write_summary(f, r, p, l, &sc);
  fputs("<table id=source><thead><tr><th>line</th><th>instructions</th>"
        "<th>time</th><th>cycles</th><th>source</th></tr></thead><tbody>\n",
        f);
  int line = 1;
  for (const char *s = src; s < src + len; line++) {
    const char *end = memchr(s, '\n', (size_t)(src + len - s));
    size_t n = end ? (size_t)(end - s) : (size_t)(src + len - s);
    write_row(f, line, s, n, &r->rows[line], &sc);
    s += n + 1;
  }
  fprintf(f, "</tbody></table>\n<script>\n%s</script>\n</body></html>\n",
          page_script);
}

static int count_lines(const char *src, size_t len) {
  int n = 0;
  for (size_t i = 0; i < len; i++)
    n += src[i] == '\n';
  return n + (len && src[len - 1] != '\n');
}

static void free_report(Report *r) {
  for (int i = 0; i <= r->nrows; i++) {
    free(r->rows[i].types.s);
    for (int k = 0; k < K_COUNT; k++)
      free(r->rows[i].code[k].s);
  }
  free(r->rows);
}

bool rt_annotate_report(const char *path, Arena *a, const Program *p,
                        const char *src, size_t len, const RtListings *l,
                        char *err, size_t errlen) {
  Report r = {.nrows = count_lines(src, len)};
  r.rows = calloc((size_t)r.nrows + 1, sizeof *r.rows);
  FILE *f = r.rows ? fopen(path, "w") : NULL;
  if (!f) {
    snprintf(err, errlen, "cannot write %s", path);
    free(r.rows);
    return false;
  }
  const char *file = p->file ? p->file : path;
  collect_types(&r, a, p);
  if (l->ir)
    collect_ir(&r, l->ir);
  if (l->asm_text) {
    collect_loc(&r, K_ASM, l->asm_text, file);
    estimate_cycles(&r, l->cpu);
  }
  if (l->cuda)
    collect_cuda(&r, l->cuda, file);
  if (l->ptx)
    collect_loc(&r, K_PTX, l->ptx, file);
  write_html(f, file, src, len, &r, p, l);
  bool ok = !ferror(f);
  ok = fclose(f) == 0 && ok;
  free_report(&r);
  if (!ok)
    snprintf(err, errlen, "cannot write %s", path);
  return ok;
}

bool rt_annotate_write(const char *path, Arena *a, const Program *p,
                       const char *src, size_t len, const char *code,
                       bool is_cuda, char *err, size_t errlen) {
  RtListings l = {.target = is_cuda ? "cuda" : "llvm"};
  if (is_cuda)
    l.cuda = code;
  else
    l.ir = code;
  return rt_annotate_report(path, a, p, src, len, &l, err, errlen);
}

// ---- the assembly listing with its source ----------------------------------

// The text of line `line` (from 1) of src, without indentation.
static const char *source_text(const char *src, size_t len, int line,
                               size_t *n) {
  const char *s = src, *end = src + len;
  for (int k = 1; k < line && s < end; k++) {
    const char *nl = memchr(s, '\n', (size_t)(end - s));
    s = nl ? nl + 1 : end;
  }
  while (s < end && (*s == ' ' || *s == '\t'))
    s++;
  const char *nl = memchr(s, '\n', (size_t)(end - s));
  *n = (size_t)((nl ? nl : end) - s);
  return s;
}

char *rt_asm_with_source(Arena *a, const char *asm_text, const char *file,
                         const char *src, size_t len) {
  Text out = {0};
  int shown = 0, nlines = count_lines(src, len);
  for (const char *s = asm_text; *s; s = next_line(s, strcspn(s, "\n"))) {
    size_t n = strcspn(s, "\n");
    append(&out, s, n);
    append(&out, "\n", 1);
    const char *sp = strncmp(s, "\t.loc\t", 6) == 0 ? strchr(s + 6, ' ')
                                                    : NULL;
    int line = sp ? atoi(sp) : 0;
    if (line >= 1 && line <= nlines && line != shown) {
      size_t tn;
      const char *text = source_text(src, len, line, &tn);
      char head[64];
      append(&out, "\t# ", 3);
      append(&out, file, strlen(file));
      snprintf(head, sizeof head, ":%d: ", line);
      append(&out, head, strlen(head));
      append(&out, text, tn);
      append(&out, "\n", 1);
      shown = line;
    }
  }
  char *r = out.s ? arena_strndup(a, out.s, out.len) : NULL;
  free(out.s);
  return r;
}

char *rt_ir_with_source(Arena *a, const char *ir, const char *file,
                        const char *src, size_t len) {
  int nids, *lines = dilocation_lines(ir, &nids);
  int shown = 0, nlines = count_lines(src, len);
  Text out = {0};
  for (const char *s = ir; *s; s = next_line(s, strcspn(s, "\n"))) {
    size_t n = strcspn(s, "\n");
    if (strncmp(s, "define ", 7) == 0)
      shown = 0;  // each function quotes its first line again
    const char *dbg = memmem(s, n, ", !dbg !", 8);
    int id = dbg ? atoi(dbg + 8) : -1;
    int line = id >= 0 && id < nids ? lines[id] : 0;
    if (s[0] == ' ' && line >= 1 && line <= nlines && line != shown) {
      size_t tn;
      const char *text = source_text(src, len, line, &tn);
      char head[64];
      append(&out, "  ; ", 4);
      append(&out, file, strlen(file));
      snprintf(head, sizeof head, ":%d: ", line);
      append(&out, head, strlen(head));
      append(&out, text, tn);
      append(&out, "\n", 1);
      shown = line;
    }
    append(&out, s, n);
    append(&out, "\n", 1);
  }
  free(lines);
  char *r = out.s ? arena_strndup(a, out.s, out.len) : NULL;
  free(out.s);
  return r;
}
