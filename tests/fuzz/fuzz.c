// fuzz.c - the libFuzzer harnesses: arbitrary bytes through the compiler.
//
// One file, built three times (tests/fuzz/CMakeLists.txt) with FUZZ_STAGE
// saying how far an input goes: 1 lex and parse (fuzz_parse), 2 also
// select the kernel and infer its types (fuzz_infer), 3 also mark the
// parallel loop, lower to LLVM IR and run the optimiser (fuzz_compile),
// without JIT or running. Each input is a whole kernel file, compiled the
// way main.c's run_pipeline does it; a diagnostic is a normal outcome (its
// longjmp lands in the stage's own setjmp, which returns NULL). What the
// fuzzer looks for is everything else: a crash, a sanitizer report, a
// leak, a hang (-timeout) or unbounded memory (-rss_limit_mb).
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "compiler.h"

#ifndef FUZZ_STAGE
#define FUZZ_STAGE 3
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

// The later stages of one compilation; the frontend's result in `prog`.
static void compile_to_ir(Arena *a, Diag *d, Program *prog) {
  const char *why;
  Node *where;
  parallel_mark(prog, &why, &where);
  // O1 runs the pass pipeline (the code paths llvm_optimize owns) at a
  // fraction of O3's time per input.
  CompileOptions opt = {.simd = true, .opt_level = 1};
  LlvmUnit *u = llvm_lower(a, d, prog, &opt);
  if (!u)
    return;
  llvm_optimize(u, d, &opt);
  llvm_dispose(u);
}

static void compile(const char *src, size_t len, FILE *sink) {
  Arena *a = arena_new();
  Diag d;
  diag_init(&d, "fuzz.py", src, len, sink);
  arena_set_diag(a, &d);
  Token *toks = lex_source(a, &d, "fuzz.py", src, len);
  Node *module = toks ? parse_module(a, &d, toks) : NULL;
  if (module && FUZZ_STAGE >= 2) {
    KernelChoice choice;
    Program *prog = NULL;
    if (select_kernel(&d, module, NULL, &choice))
      prog = infer_program(a, &d, module, &choice);
    if (prog && FUZZ_STAGE >= 3)
      compile_to_ir(a, &d, prog);
  }
  arena_free(a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  // Diagnostics are expected and not looked at: they go to a null stream
  // (a file opened per input, so the harness keeps no state).
  FILE *sink = fopen("/dev/null", "w");
  if (!sink)
    return 0;
  compile((const char *)data, size, sink);
  fclose(sink);
  return 0;
}
