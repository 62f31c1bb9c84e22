// parse_internal.h - what parse.c and parse_expr.c share; private to
// frontend/ (no other folder includes it, and frontend.h does not).
//
// The parser's state is one Parser, passed first to every rule. The token
// helpers below are inline so that both files read the grammar with the
// same short verbs: is_op tests, accept consumes if present, expect
// consumes or reports, advance consumes. The rules one file calls in the
// other carry the parse_ prefix and keep the rule's name after it.
#ifndef MANDELC_PARSE_INTERNAL_H
#define MANDELC_PARSE_INTERNAL_H

#include "frontend.h"

typedef struct {
  Arena *a;
  Diag *d;
  Token *tok;  // the current token; the list always ends in TK_EOF
  int depth;   // nested blocks and expressions, capped at PARSE_MAX_DEPTH
  // The statement being parsed (parse.c, stmt): where a construct outside
  // the kernel language (yield, async, match, :=) jumps, and what it said.
  jmp_buf *defer;
  const char *deferred;
  Token *deferred_at;
} Parser;

typedef Node *ParseFn(Parser *P);

// An operator's spelling and its AST operator: one binary precedence level
// (parse_expr.c) or the augmented assignments (parse.c).
typedef struct {
  const char *spelling;
  Operator op;
} BinaryOp;

// ---- tokens ----------------------------------------------------------------

static inline bool is_op(Parser *P, const char *op) {
  return tok_is(P->tok, op);
}

static inline bool is_kind(Parser *P, TokenKind kind) {
  return P->tok->kind == kind;
}

static inline Token *advance(Parser *P) {
  Token *t = P->tok;
  if (t->kind != TK_EOF)
    P->tok = t->next;
  return t;
}

static inline bool accept(Parser *P, const char *op) {
  if (!is_op(P, op))
    return false;
  advance(P);
  return true;
}

// How a token reads inside "found ..." in an error message.
static inline const char *describe(Parser *P, const Token *t) {
  switch (t->kind) {
  case TK_STRING:
    return "a string literal";
  case TK_NEWLINE:
    return "end of line";
  case TK_INDENT:
    return "an unexpected indent";
  case TK_DEDENT:
    return "the end of the block";
  case TK_EOF:
    return "end of file";
  default:
    return arena_sprintf(P->a, "'%.*s'", t->len > 40 ? 40 : t->len, t->text);
  }
}

// "expected WHAT, found TOKEN" at the current token.
_Noreturn static inline void error_expected(Parser *P, const char *what) {
  diag_error_tok(P->d, P->tok, "expected %s, found %s", what,
                 describe(P, P->tok));
}

// Consumes `op` or reports "expected 'op' CONTEXT, found ...".
static inline Token *expect(Parser *P, const char *op, const char *context) {
  if (!is_op(P, op))
    error_expected(P, arena_sprintf(P->a, "'%s' %s", op, context));
  return advance(P);
}

static inline Token *expect_name(Parser *P, const char *what) {
  if (!is_kind(P, TK_NAME))
    error_expected(P, what);
  return advance(P);
}

// Valid Python outside the kernel language (yield, await, async, match,
// :=): the statement that holds it becomes an Unsupported node carrying
// the message, reported only if a compiled function reaches it, so such
// code elsewhere in the file does not refuse the file.
_Noreturn static inline void unsupported_syntax(Parser *P, Token *at,
                                                const char *msg) {
  P->deferred = msg;
  P->deferred_at = at;
  longjmp(*P->defer, 1);
}

static inline void enter(Parser *P) {
  if (++P->depth > PARSE_MAX_DEPTH)
    diag_error_tok(P->d, P->tok,
                   "too many nested blocks or expressions (the limit is %d)",
                   PARSE_MAX_DEPTH);
}

static inline void leave(Parser *P) {
  P->depth--;
}

// A chain (a + b + c ..., if/elif/elif ...) builds a tree as deep as it is
// long, which every later stage walks recursively: each PARSE_CHAIN_LINKS
// links of one chain count as one more nesting level, so no input makes
// a tree deeper than about PARSE_MAX_DEPTH * PARSE_CHAIN_LINKS nodes (a
// chain of 1600 terms at the top level; CPython itself gives up on very
// long ones).
#define PARSE_CHAIN_LINKS 8

// Called for the n-th link of a chain (from 1); true when it entered a
// level, which the caller leaves when the chain ends.
static inline bool enter_link(Parser *P, int n) {
  if (n % PARSE_CHAIN_LINKS)
    return false;
  enter(P);
  return true;
}

// True when the current token can begin an expression: used to see where
// optional expressions (return's value, a trailing comma) end.
static inline bool starts_expression(Parser *P) {
  static const char *const openers[] = {"(", "[", "{", "-", "+", "~",
                                        "*", "...", "not", "lambda",
                                        "None", "True", "False"};
  TokenKind k = P->tok->kind;
  if (k == TK_NAME || k == TK_INT || k == TK_FLOAT || k == TK_IMAG ||
      k == TK_STRING)
    return true;
  for (size_t i = 0; i < sizeof openers / sizeof *openers; i++)
    if (is_op(P, openers[i]))
      return true;
  return false;
}

#define YIELD_MESSAGE                                                      \
  "generators (yield) are not supported in kernels; return a list instead"
#define ASYNC_MESSAGE                                                      \
  "async functions and await are not supported in kernels"

// ---- parse_expr.c ----------------------------------------------------------

// What an expression is called in "cannot assign to ..." messages.
const char *parse_expression_name(const Node *e);
// Reports what cannot be the target of `verb` ("assign to", "delete").
void parse_check_target(Parser *P, Node *e, const char *verb);
Node *parse_test(Parser *P);
Node *parse_expr(Parser *P);
Node *parse_expr_or_star(Parser *P);
Node *parse_exprlist(Parser *P);
Node *parse_testlist(Parser *P);
Node *parse_testlist_star_expr(Parser *P);
void parse_arglist(Parser *P, Node *call);

// ---- parse.c ---------------------------------------------------------------

// Parameters of a def (annotations allowed) or a lambda, up to `closer`.
void parse_varargslist(Parser *P, PtrVec *params, const char *closer,
                       bool annotations);

#endif
