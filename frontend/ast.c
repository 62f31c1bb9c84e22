// ast.c - node constructor, the name tables and the --emit=ast printer.
//
// The name tables (token kinds, node kinds, operators, builtins) are
// generated from the X-macro lists in frontend.h, so they cannot drift out
// of step with the enums (QBE ops.h).
//
// ast_dump prints one node a line: `Kind line:col` and the node's key
// fields (name, operator, constant), then its children indented two spaces,
// each prefixed by the field that holds it (`body:`, `orelse:`), in the
// order Python's ast module lists them. The printer is generic: it visits
// every child field that is set, so a new node kind needs no new code here,
// and its output is stable because tests compare it.
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "frontend.h"

const char *const token_kind_names[] = {
#define X(name, desc) desc,
    TOKEN_KINDS(X)
#undef X
};

const char *const node_kind_names[] = {
#define X(name, pyname) pyname,
    NODE_KINDS(X)
#undef X
};

const char *const operator_names[] = {
    "",  // OP_NONE
#define X(name, spelling) spelling,
    OPERATORS(X)
#undef X
};

const char *const builtin_names[] = {
#define X(name, pyname) pyname,
    BUILTINS(X)
#undef X
};

Node *new_node(Arena *a, NodeKind kind, Token *tok) {
  Node *n = arena_alloc(a, sizeof *n);
  n->kind = kind;
  n->tok = tok;
  n->nl = true;
  if (tok) {
    n->line = tok->line;
    n->col = tok->col;
  }
  return n;
}

// ---- printing ------------------------------------------------------------

// The shortest of %.15g..%.17g that reads back as the same double, like
// Python's repr; always with a '.' or exponent so it reads as a float.
static void dump_float(FILE *out, double v) {
  if (isinf(v) || isnan(v)) {
    fputs(isnan(v) ? "nan" : v > 0 ? "inf" : "-inf", out);
    return;
  }
  char buf[40];
  for (int prec = 15; prec <= 17; prec++) {
    snprintf(buf, sizeof buf, "%.*g", prec, v);
    if (strtod(buf, NULL) == v)
      break;
  }
  fputs(buf, out);
  if (!strpbrk(buf, ".e"))
    fputs(".0", out);
}

static void dump_constant(FILE *out, const ConstValue *c) {
  switch (c->kind) {
  case CONST_NONE:
    fputs("None", out);
    break;
  case CONST_BOOL:
    fputs(c->ival ? "True" : "False", out);
    break;
  case CONST_INT:
    fprintf(out, "%lld", (long long)c->ival);
    break;
  case CONST_FLOAT:
    dump_float(out, c->fval);
    break;
  case CONST_COMPLEX:
    if (c->fval != 0 || signbit(c->fval)) {
      dump_float(out, c->fval);
      fputc('+', out);
    }
    dump_float(out, c->imag);
    fputc('j', out);
    break;
  case CONST_STR:
  case CONST_BYTES:
  case CONST_FSTRING:
    if (c->kind != CONST_STR)
      fputc(c->kind == CONST_BYTES ? 'b' : 'f', out);
    lex_dump_string(out, c->str, c->slen);
    break;
  case CONST_ELLIPSIS:
    fputs("Ellipsis", out);
    break;
  }
}

// `Kind line:col` and the fields that are not children.
static void dump_header(FILE *out, const Node *n) {
  fprintf(out, "%s %d:%d", node_kind_names[n->kind], n->line, n->col);
  if (n->name)
    fprintf(out, " name=%s", n->name);
  if (n->asname)
    fprintf(out, " asname=%s", n->asname);
  if (n->op != OP_NONE)
    fprintf(out, " op=%s", operator_names[n->op]);
  if (n->ops.len > 0) {
    fputs(" ops=[", out);
    for (int i = 0; i < n->ops.len; i++)
      fprintf(out, "%s%s", i ? ", " : "",
              operator_names[(intptr_t)n->ops.data[i]]);
    fputc(']', out);
  }
  if (n->kind == ND_CONSTANT) {
    fputs(" value=", out);
    dump_constant(out, &n->cval);
  }
  if (n->kind == ND_PRINT && !n->nl)
    fputs(" nl=false", out);
  fputc('\n', out);
}

static void dump_node(FILE *out, const Node *n, int indent,
                      const char *field);

static void dump_child(FILE *out, const Node *n, int indent,
                       const char *field) {
  if (n)
    dump_node(out, n, indent, field);
}

// A list field; NULL entries (With items without `as`) print as None.
static void dump_list(FILE *out, const PtrVec *v, int indent,
                      const char *field) {
  for (int i = 0; i < v->len; i++) {
    if (v->data[i])
      dump_node(out, v->data[i], indent, field);
    else
      fprintf(out, "%*s%s: None\n", indent, "", field);
  }
}

static void dump_node(FILE *out, const Node *n, int indent,
                      const char *field) {
  fprintf(out, "%*s", indent, "");
  if (field)
    fprintf(out, "%s: ", field);
  dump_header(out, n);
  int in = indent + 2;
  dump_list(out, &n->decorators, in, "decorators");
  dump_child(out, n->func, in, "func");
  dump_list(out, &n->args, in, "args");
  dump_child(out, n->returns, in, "returns");
  dump_list(out, &n->targets, in, "targets");
  dump_child(out, n->target, in, "target");
  dump_child(out, n->annotation, in, "annotation");
  dump_child(out, n->test, in, "test");
  dump_child(out, n->iter, in, "iter");
  dump_child(out, n->left, in, "left");
  dump_child(out, n->value, in, "value");
  dump_child(out, n->right, in, "right");
  dump_list(out, &n->comparators, in, "comparators");
  dump_list(out, &n->keywords, in, "keywords");
  dump_list(out, &n->elts, in, "elts");
  dump_child(out, n->elt, in, "elt");
  dump_list(out, &n->keys, in, "keys");
  dump_list(out, &n->values, in, "values");
  dump_list(out, &n->generators, in, "generators");
  dump_list(out, &n->ifs, in, "ifs");
  dump_child(out, n->index, in, "index");
  dump_child(out, n->lower, in, "lower");
  dump_child(out, n->upper, in, "upper");
  dump_child(out, n->step, in, "step");
  dump_child(out, n->body_expr, in, "body");
  dump_child(out, n->orelse_expr, in, "orelse");
  dump_list(out, &n->body, in, "body");
  dump_list(out, &n->handlers, in, "handlers");
  dump_list(out, &n->orelse, in, "orelse");
  dump_list(out, &n->finalbody, in, "finalbody");
}

void ast_dump(FILE *out, const Node *module) {
  if (module)
    dump_node(out, module, 0, NULL);
}
