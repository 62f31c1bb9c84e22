// profile.c - --profile: where the compiled kernel spends its time, by line.
//
// The method is sampling, so the kernel runs the very code it runs without
// --profile. ITIMER_PROF sends SIGPROF after every millisecond of CPU time
// the process uses (any thread: the workers of rt_parallel_for included);
// the handler stores the interrupted instruction pointer, read from the
// signal's ucontext, and a copy of the top of that thread's stack. The
// kernel's timer is checked at the scheduler's tick, so the real interval
// is max(1 ms, 1/HZ) of CPU time per sample (4 ms with HZ=250): a run of a
// second on two cores gives some 500 samples, and a line needs about 1% of
// the time to show up reliably.
//
// That is too slow for a run of the default size, which ends after a few
// samples (4 in 0.02 s). So main.c repeats the kernel, its output thrown
// away, until RT_PROFILE_ENOUGH samples are taken (or RT_PROFILE_MAX_SECONDS
// of CPU time passed), and the table says how many runs the samples came
// from; a line's share drawn from fewer than RT_PROFILE_RELIABLE samples
// is marked as unreliable (a count of n has a relative error near 1/sqrt(n)).
//
// After the run the samples are mapped to kernel.py lines through the
// machine code itself, never by guessing: LLVM's disassembler walks the
// JIT's functions from their addresses, and each instruction it finds is
// paired with the next instruction of the assembly listing of the same
// optimised module (llvm_emit_asm, same target machine), whose `.loc`
// directives carry the instruction's source line. Alignment padding (nops)
// that the listing only writes as `.p2align` is skipped; when more than a
// tenth of the pairs disagree the mapping is refused rather than trusted.
// A sample inside a runtime helper (hypot behind abs(), list allocation)
// counts for the line that called it: the first word on the copied stack
// that is the address just after a call instruction of compiled code.
#define _GNU_SOURCE  // memmem; REG_RIP in ucontext.h
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

#ifdef MANDELC_LLVM
#include <llvm-c/Disassembler.h>
#include <llvm-c/Target.h>
#include <llvm-c/TargetMachine.h>
#endif

#include "runtime.h"

// Samples kept; beyond this (some 30 s of CPU time at 1 ms) they are
// counted as dropped. 32768 samples of 33 words take 8.6 MB.
#define MAX_SAMPLES 32768
// Stack words copied per sample: enough to reach the compiled caller of a
// helper two or three frames deep (hypot inside rt_complex_abs).
#define STACK_WORDS 32
// The sampling interval asked of the kernel, in microseconds.
#define INTERVAL_US 1000
// The most of the listing that may stay unpaired with the machine code.
#define MAX_MISMATCH_FRACTION 0.15
// Longer functions are not paired (the alignment table grows as the
// square); generated kernels have a few hundred instructions.
#define MAX_FUNCTION_INSNS 4000

typedef struct {
  uintptr_t pc;
  uintptr_t stack[STACK_WORDS];
} Sample;

// One instruction of compiled code and the kernel.py line it came from.
typedef struct {
  uintptr_t addr;
  uint32_t size;
  int line;    // 0: code with no line (LLVM's artificial locations)
  bool call;
} Insn;

struct RtProfile {
  Sample *samples;
  atomic_long nsamples;     // may pass MAX_SAMPLES: the rest are dropped
  struct sigaction old_action;
  struct itimerval old_timer;
  bool running;
  double cpu_seconds;       // CPU time of the process while sampling
  Insn *insns;              // sorted by address
  int64_t ninsns, capinsns;
  int64_t *lines;           // samples per line, index 1..nlines
  int nlines;
  int64_t in_kernel, outside, paired;
  int runs;                 // the kernel runs the samples came from
};

// The profile the signal handler fills. A handler can reach nothing but
// globals; this is the one mutable global of mandelc, set only while a
// profile runs (rt_profile_start .. rt_profile_stop).
static _Atomic(RtProfile *) active_profile;

static double cpu_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

#if defined(__x86_64__) && defined(__linux__)
#define CAN_PROFILE 1
// Async-signal-safe: an atomic slot, plain loads and stores. It copies
// the top of the interrupted frame's stack, redzones and all, on purpose:
// AddressSanitizer must not check those reads.
__attribute__((no_sanitize_address))
static void on_sigprof(int sig, siginfo_t *info, void *ucv) {
  (void)sig;
  (void)info;
  RtProfile *pr = atomic_load(&active_profile);
  if (!pr)
    return;
  long k = atomic_fetch_add(&pr->nsamples, 1);
  if (k >= MAX_SAMPLES)
    return;
  const ucontext_t *uc = ucv;
  Sample *s = &pr->samples[k];
  s->pc = (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
  const uintptr_t *sp = (const uintptr_t *)uc->uc_mcontext.gregs[REG_RSP];
  for (int i = 0; i < STACK_WORDS; i++)
    s->stack[i] = sp[i];
}
#else
#define CAN_PROFILE 0
#endif

RtProfile *rt_profile_start(char *err, size_t errlen) {
  if (!CAN_PROFILE) {
    snprintf(err, errlen, "--profile needs Linux on x86-64");
    return NULL;
  }
  RtProfile *pr = calloc(1, sizeof *pr);
  if (pr)
    pr->samples = calloc(MAX_SAMPLES, sizeof *pr->samples);
  if (!pr || !pr->samples) {
    free(pr);
    snprintf(err, errlen, "out of memory for the profile");
    return NULL;
  }
#if CAN_PROFILE
  struct sigaction sa = {.sa_sigaction = on_sigprof,
                         .sa_flags = SA_SIGINFO | SA_RESTART};
  sigemptyset(&sa.sa_mask);
  atomic_store(&active_profile, pr);
  sigaction(SIGPROF, &sa, &pr->old_action);
  struct itimerval every = {{0, INTERVAL_US}, {0, INTERVAL_US}};
  setitimer(ITIMER_PROF, &every, &pr->old_timer);
  pr->running = true;
  pr->cpu_seconds = cpu_now();
#endif
  return pr;
}

int64_t rt_profile_taken(const RtProfile *pr) {
  long n = pr ? atomic_load(&pr->nsamples) : 0;
  return n < MAX_SAMPLES ? n : MAX_SAMPLES;
}

void rt_profile_set_runs(RtProfile *pr, int runs) {
  if (pr)
    pr->runs = runs;
}

void rt_profile_stop(RtProfile *pr) {
  if (!pr || !pr->running)
    return;
  setitimer(ITIMER_PROF, &pr->old_timer, NULL);
  pr->cpu_seconds = cpu_now() - pr->cpu_seconds;
  // A signal already on its way finds no profile and does nothing.
  atomic_store(&active_profile, NULL);
  // One generated before the timer stopped may still be pending: under
  // the old action (SIG_DFL) it would end the process (exit -SIGPROF, seen
  // in show_Profile). Ignoring SIGPROF discards pending ones (POSIX), and
  // no new one comes once the timer is off.
  struct sigaction ignore = {.sa_handler = SIG_IGN};
  sigemptyset(&ignore.sa_mask);
  sigaction(SIGPROF, &ignore, NULL);
  sigaction(SIGPROF, &pr->old_action, NULL);
  pr->running = false;
}

void rt_profile_free(RtProfile *pr) {
  if (!pr)
    return;
  rt_profile_stop(pr);
  free(pr->samples);
  free(pr->insns);
  free(pr->lines);
  free(pr);
}

// ---- the listing: each function's instructions and their lines ------------

// One function of the assembly listing.
typedef struct {
  char name[128];
  bool global;        // .globl: the JIT can look it up by name
  int first, count;   // its instructions in the Listing
} ListFunc;

typedef struct {
  char (*mnemonic)[16];
  int *line;
  int n, cap;
  ListFunc *funcs;
  int nfuncs, capfuncs;
} Listing;

static bool grow(void **p, int *cap, int need, size_t size) {
  if (need <= *cap)
    return true;
  int c = *cap ? *cap * 2 : 64;
  while (c < need)
    c *= 2;
  void *q = realloc(*p, (size_t)c * size);
  if (!q)
    return false;
  *p = q;
  *cap = c;
  return true;
}

static bool add_insn(Listing *l, const char *text, int line) {
  void *m = l->mnemonic, *ln = l->line;
  int cap = l->cap;
  if (!grow(&m, &cap, l->n + 1, sizeof *l->mnemonic))
    return false;
  l->mnemonic = m;
  cap = l->cap;
  if (!grow(&ln, &cap, l->n + 1, sizeof *l->line))
    return false;
  l->line = ln;
  l->cap = cap;
  size_t k = strcspn(text, " \t\n");
  if (k > 15)
    k = 15;
  memcpy(l->mnemonic[l->n], text, k);
  l->mnemonic[l->n][k] = '\0';
  l->line[l->n++] = line;
  return true;
}

static bool add_func(Listing *l, const char *name, size_t n, bool global) {
  void *f = l->funcs;
  if (!grow(&f, &l->capfuncs, l->nfuncs + 1, sizeof *l->funcs))
    return false;
  l->funcs = f;
  ListFunc *fn = &l->funcs[l->nfuncs++];
  *fn = (ListFunc){.global = global, .first = l->n};
  snprintf(fn->name, sizeof fn->name, "%.*s", (int)n, name);
  return true;
}

// True when the listing declares `.globl NAME`.
static bool is_global(const char *asm_text, const char *name, size_t n) {
  for (const char *s = asm_text; (s = strstr(s, "\t.globl\t")); s++) {
    s += strlen("\t.globl\t");
    if (strncmp(s, name, n) == 0 && (s[n] == '\n' || s[n] == '\0'))
      return true;
  }
  return false;
}

// Reads the listing: a function starts at the label named in the `.type
// NAME,@function` before it; instructions are tab-indented lines not
// starting with '.'; `.loc FILE LINE COL` sets the line of those after it.
static bool read_listing(Listing *l, const char *asm_text) {
  int line = 0;
  const char *pending = NULL;  // the name of the last `.type ...,@function`
  size_t pendlen = 0;
  for (const char *s = asm_text; *s;) {
    const char *end = strchr(s, '\n');
    size_t n = end ? (size_t)(end - s) : strlen(s);
    if (strncmp(s, "\t.type\t", 7) == 0 && memmem(s, n, ",@function", 10)) {
      pending = s + 7;
      pendlen = strcspn(pending, ",");
    } else if (pending && strncmp(s, pending, pendlen) == 0 &&
               s[pendlen] == ':') {
      if (l->nfuncs)
        l->funcs[l->nfuncs - 1].count = l->n - l->funcs[l->nfuncs - 1].first;
      if (!add_func(l, pending, pendlen,
                    is_global(asm_text, pending, pendlen)))
        return false;
      pending = NULL;
      line = 0;
    } else if (strncmp(s, "\t.loc\t", 6) == 0) {
      char *after_file;  // `.loc FILE LINE COL ...`
      strtol(s + 6, &after_file, 10);
      line = (int)strtol(after_file, NULL, 10);
    } else if (s[0] == '\t' && s[1] != '.' && s[1] != '#' && l->nfuncs &&
               !add_insn(l, s + 1, line)) {
      return false;
    }
    s += n + (end ? 1 : 0);
  }
  if (l->nfuncs)
    l->funcs[l->nfuncs - 1].count = l->n - l->funcs[l->nfuncs - 1].first;
  return true;
}

static void free_listing(Listing *l) {
  free(l->mnemonic);
  free(l->line);
  free(l->funcs);
}

// ---- pairing the listing with the machine code ------------------------------

#ifdef MANDELC_LLVM
static bool is_nop(const char *m) {
  return strncmp(m, "nop", 3) == 0 || strcmp(m, "int3") == 0 ||
         strcmp(m, "data16") == 0 || strcmp(m, "xchg") == 0;
}

static bool push_insn(RtProfile *pr, Insn in) {
  if (pr->ninsns == pr->capinsns) {
    int64_t c = pr->capinsns ? pr->capinsns * 2 : 1024;
    Insn *p = realloc(pr->insns, (size_t)c * sizeof *p);
    if (!p)
      return false;
    pr->insns = p;
    pr->capinsns = c;
  }
  pr->insns[pr->ninsns++] = in;
  return true;
}

// One instruction found in the JIT's memory.
typedef struct {
  uintptr_t addr;
  uint32_t size;
  char mnemonic[16];
} Found;

// Copies up to n bytes of code at addr into buf; fewer where the mapping
// ends (process_vm_readv fails softly where a plain read would fault).
static size_t read_code(uintptr_t addr, uint8_t *buf, size_t n) {
  struct iovec local = {buf, n}, remote = {(void *)addr, n};
  while (n > 0) {
    local.iov_len = remote.iov_len = n;
    ssize_t got = process_vm_readv(getpid(), &local, 1, &remote, 1, 0);
    if (got > 0)
      return (size_t)got;
    n /= 2;  // the tail is unmapped: try less
  }
  return 0;
}

// Disassembles up to max instructions from pc into out; returns how many.
static int disassemble(LLVMDisasmContextRef dc, uintptr_t pc, int max,
                       Found *out) {
  size_t n = (size_t)max * 8 + 64;
  uint8_t *buf = malloc(n);
  if (!buf)
    return 0;
  n = read_code(pc, buf, n);
  int count = 0;
  for (size_t off = 0; count < max && off + 1 <= n;) {
    char text[256];
    size_t size = LLVMDisasmInstruction(dc, buf + off, n - off, pc + off,
                                        text, sizeof text);
    if (size == 0)
      break;
    const char *t = text + strspn(text, " \t");
    size_t k = strcspn(t, " \t");
    k = k > 15 ? 15 : k;
    Found *f = &out[count++];
    *f = (Found){.addr = pc + off, .size = (uint32_t)size};
    memcpy(f->mnemonic, t, k);
    f->mnemonic[k] = '\0';
    off += size;
  }
  free(buf);
  return count;
}

static bool same_op(const char *a, const char *b) {
  return strcmp(a, b) == 0 || (is_nop(a) && is_nop(b));
}

// The longest common subsequence of the listing's mnemonics want[0..n)
// and the machine code's found[0..m): match[j] is the listing index paired
// with found[j], or -1. The code generator may order a few instructions
// differently each time it runs over a module; this keeps the rest paired.
static bool align(char (*want)[16], int n, const Found *found, int m,
                  int *match) {
  // t[i * (m + 1) + j]: the longest common subsequence of want[i..n) and
  // found[j..m).
  size_t w = (size_t)m + 1;
  uint16_t *t = calloc(((size_t)n + 1) * w, sizeof *t);
  if (!t)
    return false;
  for (int i = n - 1; i >= 0; i--)
    for (int j = m - 1; j >= 0; j--) {
      uint16_t down = t[(size_t)(i + 1) * w + (size_t)j];
      uint16_t right = t[(size_t)i * w + (size_t)j + 1];
      t[(size_t)i * w + (size_t)j] =
          same_op(want[i], found[j].mnemonic)
              ? (uint16_t)(t[(size_t)(i + 1) * w + (size_t)j + 1] + 1)
              : (down > right ? down : right);
    }
  for (int i = 0, j = 0; j < m;) {
    uint16_t here = t[(size_t)i * w + (size_t)j];
    if (i < n && same_op(want[i], found[j].mnemonic) &&
        here == t[(size_t)(i + 1) * w + (size_t)j + 1] + 1)
      match[j++] = i++;
    else if (i < n && t[(size_t)(i + 1) * w + (size_t)j] >=
                          t[(size_t)i * w + (size_t)j + 1])
      i++;
    else
      match[j++] = -1;
  }
  free(t);
  return true;
}

// Pairs function f of the listing with the code at pc; returns the
// address after its last paired instruction (0 on failure). Unpaired
// instructions (padding, reordered ones) take the line of the paired one
// before them.
static uintptr_t pair_function(RtProfile *pr, LLVMDisasmContextRef dc,
                               const Listing *l, const ListFunc *f,
                               uintptr_t pc) {
  if (f->count == 0 || f->count > MAX_FUNCTION_INSNS)
    return 0;
  int window = f->count + f->count / 4 + 16;
  Found *found = malloc((size_t)window * sizeof *found);
  int *match = malloc((size_t)window * sizeof *match);
  int m = found && match ? disassemble(dc, pc, window, found) : 0;
  uintptr_t end = 0;
  if (m && align(l->mnemonic + f->first, f->count, found, m, match)) {
    int last = -1, line = 0;
    for (int j = 0; j < m; j++)
      if (match[j] >= 0)
        last = j;
    for (int j = 0; j <= last; j++) {
      if (match[j] >= 0)
        line = l->line[f->first + match[j]];
      pr->paired += match[j] >= 0;
      if (!push_insn(pr, (Insn){.addr = found[j].addr,
                                .size = found[j].size, .line = line,
                                .call = strncmp(found[j].mnemonic, "call",
                                                4) == 0}))
        break;
    }
    end = last >= 0 ? found[last].addr + found[last].size : 0;
  }
  free(found);
  free(match);
  return end;
}

// The instructions of every function of the listing, at their addresses.
static bool pair_listing(RtProfile *pr, RtJit *jit, const Listing *l,
                         char *err, size_t errlen) {
  LLVMInitializeNativeTarget();
  LLVMInitializeNativeDisassembler();
  char *triple = LLVMGetDefaultTargetTriple();
  LLVMDisasmContextRef dc = LLVMCreateDisasm(triple, NULL, 0, NULL, NULL);
  LLVMDisposeMessage(triple);
  if (!dc) {
    snprintf(err, errlen, "no disassembler for this host");
    return false;
  }
  uintptr_t pc = 0;
  for (int k = 0; k < l->nfuncs; k++) {
    const ListFunc *f = &l->funcs[k];
    // Functions without .globl follow the previous one in the same
    // section, as the listing orders them.
    if (f->global)
      pc = (uintptr_t)rt_jit_lookup(jit, f->name);
    if (pc == 0 || (pc = pair_function(pr, dc, l, f, pc)) == 0)
      break;
  }
  LLVMDisasmDispose(dc);
  int64_t listed = l->n;
  if (pc == 0 ||
      (double)pr->paired < (1 - MAX_MISMATCH_FRACTION) * (double)listed) {
    snprintf(err, errlen, "the JIT's machine code does not match the "
             "assembly listing (%lld of %lld instructions paired)",
             (long long)pr->paired, (long long)listed);
    return false;
  }
  return true;
}
#endif

// ---- samples to lines -------------------------------------------------------

static const Insn *find_insn(const RtProfile *pr, uintptr_t pc) {
  int64_t lo = 0, hi = pr->ninsns;
  while (lo < hi) {
    int64_t mid = lo + (hi - lo) / 2;
    const Insn *in = &pr->insns[mid];
    if (pc < in->addr)
      hi = mid;
    else if (pc >= in->addr + in->size)
      lo = mid + 1;
    else
      return in;
  }
  return NULL;
}

// The line of a sample: where it stopped in compiled code, or else the
// compiled call that led to the helper it stopped in; -1 for neither.
static int sample_line(const RtProfile *pr, const Sample *s) {
  const Insn *in = find_insn(pr, s->pc);
  if (in)
    return in->line;
  for (int i = 0; i < STACK_WORDS; i++) {
    const Insn *call = s->stack[i] ? find_insn(pr, s->stack[i] - 1) : NULL;
    if (call && call->call && call->addr + call->size == s->stack[i])
      return call->line;
  }
  return -1;
}

static int compare_insns(const void *a, const void *b) {
  const Insn *x = a, *y = b;
  return (x->addr > y->addr) - (x->addr < y->addr);
}

bool rt_profile_map(RtProfile *pr, RtJit *jit, const char *asm_text,
                    int nlines, char *err, size_t errlen) {
  rt_profile_stop(pr);
  Listing l = {0};
  if (nlines < 0)
    nlines = 0;  // no source lines: the table stays empty
  bool ok = read_listing(&l, asm_text);
  pr->lines = calloc((size_t)nlines + 1, sizeof *pr->lines);
  pr->nlines = nlines;
  if (!ok || !pr->lines) {
    snprintf(err, errlen, "out of memory for the profile");
    free_listing(&l);
    return false;
  }
#ifdef MANDELC_LLVM
  ok = pair_listing(pr, jit, &l, err, errlen);
#else
  (void)jit;
  snprintf(err, errlen, "--profile needs the LLVM target");
  ok = false;
#endif
  free_listing(&l);
  if (!ok)
    return false;
  qsort(pr->insns, (size_t)pr->ninsns, sizeof *pr->insns, compare_insns);
  long n = atomic_load(&pr->nsamples);
  for (long k = 0; k < n && k < MAX_SAMPLES; k++) {
    int line = sample_line(pr, &pr->samples[k]);
    if (line >= 0 && line <= nlines) {
      pr->lines[line]++;
      pr->in_kernel++;
    } else {
      pr->outside++;
    }
  }
  return true;
}

int64_t rt_profile_samples(const RtProfile *pr, int line) {
  return pr && pr->lines && line >= 0 && line <= pr->nlines
             ? pr->lines[line] : 0;
}

int64_t rt_profile_total(const RtProfile *pr) {
  return pr ? pr->in_kernel + pr->outside : 0;
}

// The text of line `line` (from 1) of src, without its newline.
static const char *source_line(const char *src, size_t len, int line,
                               int *n) {
  const char *s = src, *end = src + len;
  for (int k = 1; k < line && s < end; k++) {
    const char *nl = memchr(s, '\n', (size_t)(end - s));
    s = nl ? nl + 1 : end;
  }
  const char *nl = memchr(s, '\n', (size_t)(end - s));
  *n = (int)((nl ? nl : end) - s);
  return s;
}

void rt_profile_print(FILE *out, const RtProfile *pr, const char *file,
                      const char *src, size_t len) {
  int64_t total = rt_profile_total(pr);
  fprintf(out, "profile of %s: %lld samples in %.3f s of CPU time (one "
          "per %.1f ms), by line\n", file, (long long)total,
          pr->cpu_seconds,
          total ? pr->cpu_seconds * 1e3 / (double)total : 0.0);
  if (pr->runs > 1)
    fprintf(out, "(the kernel ran %d times to take them: the output above "
            "is the first run's)\n", pr->runs);
  bool unreliable = false;
  for (int line = 0; line <= pr->nlines; line++)
    unreliable |= pr->lines[line] && pr->lines[line] < RT_PROFILE_RELIABLE;
  if (unreliable || (pr->outside && pr->outside < RT_PROFILE_RELIABLE))
    fprintf(out, "(a ? marks a figure from fewer than %d samples: "
            "unreliable)\n", RT_PROFILE_RELIABLE);
  fprintf(out, "%6s %8s %7s  %s\n", "line", "samples", "%", "source");
  double scale = total ? 100.0 / (double)total : 0;
  for (int line = 0; line <= pr->nlines; line++) {
    if (!pr->lines[line])
      continue;
    int n = 0;
    const char *text = line ? source_line(src, len, line, &n)
                            : "(code with no line: prologue, spills)";
    if (!line)
      n = (int)strlen(text);
    fprintf(out, "%6d %8lld %6.1f%s  %.*s\n", line,
            (long long)pr->lines[line], (double)pr->lines[line] * scale,
            pr->lines[line] < RT_PROFILE_RELIABLE ? "?" : " ", n, text);
  }
  if (pr->outside)
    fprintf(out, "%6s %8lld %6.1f%s  (outside the compiled kernel: driver, "
            "threads)\n", "-", (long long)pr->outside,
            (double)pr->outside * scale,
            pr->outside < RT_PROFILE_RELIABLE ? "?" : " ");
  long n = atomic_load(&pr->nsamples);
  if (n > MAX_SAMPLES)
    fprintf(out, "(%ld samples dropped past %d)\n", n - MAX_SAMPLES,
            MAX_SAMPLES);
}

void rt_profile_json(FILE *out, const RtProfile *pr) {
  fprintf(out, "{\"samples\": %lld, \"cpu_seconds\": %.6f, \"runs\": %d, "
          "\"reliable_from\": %d, \"outside\": %lld, \"lines\": {",
          (long long)rt_profile_total(pr), pr->cpu_seconds,
          pr->runs > 1 ? pr->runs : 1, RT_PROFILE_RELIABLE,
          (long long)pr->outside);
  const char *sep = "";
  for (int line = 0; line <= pr->nlines; line++) {
    if (!pr->lines[line])
      continue;
    fprintf(out, "%s\"%d\": %lld", sep, line, (long long)pr->lines[line]);
    sep = ", ";
  }
  fputs("}}", out);
}
