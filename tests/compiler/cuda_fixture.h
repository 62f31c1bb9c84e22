// cuda_fixture.h - the frontend run on a kernel held in a string, for the
// compiler's unit tests: source in, typed Program out, diagnostics captured
// in a memory stream so tests can check their text.
#ifndef MANDELC_TESTS_CUDA_FIXTURE_H
#define MANDELC_TESTS_CUDA_FIXTURE_H

#include <stdlib.h>
#include <string.h>

#include "compiler.h"

typedef struct {
  Arena *arena;
  Diag diag;
  char *messages;  // what the stages printed through diag
  size_t messages_len;
  FILE *out;
  Program *program;
} Fixture;

// Lexes, parses, selects and infers `src` (file name "k.py"); the program
// is NULL when the frontend reported an error.
static inline void fixture_open(Fixture *f, const char *src) {
  memset(f, 0, sizeof *f);
  f->arena = arena_new();
  f->out = open_memstream(&f->messages, &f->messages_len);
  diag_init(&f->diag, "k.py", src, strlen(src), f->out);
  arena_set_diag(f->arena, &f->diag);
  Token *toks = lex_source(f->arena, &f->diag, "k.py", src, strlen(src));
  Node *mod = toks ? parse_module(f->arena, &f->diag, toks) : NULL;
  KernelChoice choice;
  if (mod && select_kernel(&f->diag, mod, NULL, &choice))
    f->program = infer_program(f->arena, &f->diag, mod, &choice);
}

// The diagnostics printed so far (NUL-terminated).
static inline const char *fixture_messages(Fixture *f) {
  fflush(f->out);
  return f->messages ? f->messages : "";
}

static inline void fixture_close(Fixture *f) {
  fclose(f->out);
  free(f->messages);
  arena_free(f->arena);
}

#endif
