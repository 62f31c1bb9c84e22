// parse.c - tokens to a Module node, by recursive descent.
//
// One function per rule of CPython's LL(1) grammar (Grammar/Grammar of
// Python 3.8, the last before the PEG parser), named after the rule and
// with the rule quoted above it (chibicc parse.c, Lua lparser.c). The
// grammar is Python 3's, plus Python 2's print statement so that the
// tutorial's whole programs parse; nodes use the names of CPython's
// Parser/Python.asdl. The whole file is parsed, not only the kernel: the
// later stages pick what to compile, and only what they reach must be
// inside the kernel subset.
//
// Where CPython's grammar is ambiguous for a one-token lookahead we use the
// same tricks it does: an assignment statement is parsed as an expression
// list and checked to be a valid target once '=' is seen, and a keyword
// argument is an expression that turns out to be a bare name before '='.
//
// Nesting (expressions and blocks) is counted in Parser.depth and capped at
// PARSE_MAX_DEPTH, so deeply nested input is a diagnostic, never a C stack
// overflow. Errors say what was expected and what was found, and longjmp
// back to parse_module, which returns NULL.
//
// Positions: a statement sits at its first token, an operator node
// (BinOp, BoolOp, Compare, AugAssign, IfExp) at its operator, so that a
// later diagnostic's caret points at the operation that failed, and a
// trailer (Call, Subscript, Attribute) at the start of its primary, as in
// CPython: q[i].real is at q.
//
// This file holds the statements, parameter lists and the entry point;
// expressions are in parse_expr.c. The two share parse_internal.h.
#include <string.h>

#include "parse_internal.h"

// ---- parameters -------------------------------------------------------------

// fpdef: NAME | '(' fplist ')'   fplist: fpdef (',' fpdef)* [',']
// Python 2's tuple parameter, `def calculate_z((q, maxiter)):`: the
// Tuple of Name targets that the argument is unpacked into.
static Node *tuple_pattern(Parser *P) {
  if (!is_op(P, "(")) {
    Token *t = expect_name(P, "a parameter name");
    Node *name = new_node(P->a, ND_NAME, t);
    name->name = t->text;
    return name;
  }
  Token *open = advance(P);
  Node *n = new_node(P->a, ND_TUPLE, open);
  do {
    if (is_op(P, ")"))
      break;
    vec_push(P->a, &n->elts, tuple_pattern(P));
  } while (accept(P, ","));
  expect(P, ")", arena_sprintf(P->a, "to close '(' on line %d", open->line));
  return n;
}

// "(q, maxiter)": the name a tuple parameter goes by, in messages too.
static const char *pattern_text(Parser *P, const Node *n) {
  if (n->kind == ND_NAME)
    return n->name;
  const char *s = "(";
  for (int i = 0; i < n->elts.len; i++)
    s = arena_sprintf(P->a, "%s%s%s", s, i ? ", " : "",
                      pattern_text(P, n->elts.data[i]));
  return arena_sprintf(P->a, "%s)", s);
}

// tfpdef: NAME [':' test]   (vfpdef: NAME, when !annotations)
// A Python 2 tuple parameter is an arg named by its pattern, "(q, maxiter)",
// with the pattern in `target`; funcdef unpacks it first thing, as Python
// 2 did.
static Node *parameter(Parser *P, bool annotations) {
  if (annotations && is_op(P, "(")) {
    Token *open = P->tok;
    Node *pattern = tuple_pattern(P);
    Node *arg = new_node(P->a, ND_ARG, open);
    const char *text = pattern_text(P, pattern);
    arg->name = arena_intern(P->a, text, strlen(text));
    arg->target = pattern;
    return arg;
  }
  Token *t = expect_name(P, "a parameter name");
  Node *arg = new_node(P->a, ND_ARG, t);
  arg->name = t->text;
  if (annotations && accept(P, ":"))
    arg->annotation = parse_test(P);
  return arg;
}

// CPython rejects `def f(x, x)` at compile time; so do we, at the second.
static void check_duplicate(Parser *P, PtrVec *params, Node *arg) {
  for (int i = 0; i < params->len; i++) {
    Node *p = params->data[i];
    if (p->kind == ND_STARRED)
      p = p->value;
    if (p->name == arg->name)
      diag_error_node(P->d, arg,
                      "duplicate argument '%s' in function definition",
                      arg->name);
  }
}

// typedargslist / varargslist (simplified, same language):
//   param (',' param)* [',']   up to `closer`, where param is
//   tfpdef ['=' test] | '*' [tfpdef] | '**' tfpdef | '/'
// Parameters are ND_ARG nodes; *args and **kwargs are ND_STARRED around
// their ND_ARG, with op OP_MUL or OP_POW. The bare '*' and '/' markers
// only change how callers may pass arguments, so they leave no node.
void parse_varargslist(Parser *P, PtrVec *params, const char *closer,
                       bool annotations) {
  bool seen_default = false, keyword_only = false;
  while (!is_op(P, closer)) {
    if (is_op(P, "*") || is_op(P, "**")) {
      Token *star = advance(P);
      keyword_only = true;
      if (star->text[1] || is_kind(P, TK_NAME)) {  // not a bare '*'
        Node *s = new_node(P->a, ND_STARRED, star);
        s->op = star->text[1] ? OP_POW : OP_MUL;
        s->value = parameter(P, annotations);
        check_duplicate(P, params, s->value);
        vec_push(P->a, params, s);
      }
    } else if (!accept(P, "/")) {
      Node *arg = parameter(P, annotations);
      check_duplicate(P, params, arg);
      if (accept(P, "="))
        arg->value = parse_test(P);
      else if (seen_default && !keyword_only)
        diag_error_node(P->d, arg,
                        "non-default argument follows default argument");
      seen_default |= arg->value != NULL;
      vec_push(P->a, params, arg);
    }
    if (!accept(P, ","))
      break;
  }
}

// ---- statements -----------------------------------------------------------

static void stmt(Parser *P, PtrVec *out);
static void simple_stmt(Parser *P, PtrVec *out);

// suite: simple_stmt | NEWLINE INDENT stmt+ DEDENT
// `owner` is the keyword that opened the block, for the error message.
static void suite(Parser *P, PtrVec *body, const Token *owner) {
  if (!is_kind(P, TK_NEWLINE)) {
    simple_stmt(P, body);
    return;
  }
  advance(P);
  if (!is_kind(P, TK_INDENT))
    diag_error_tok(P->d, P->tok,
                   "expected an indented block after '%s' on line %d",
                   owner->text, owner->line);
  advance(P);
  enter(P);
  while (!is_kind(P, TK_DEDENT) && !is_kind(P, TK_EOF))
    stmt(P, body);
  leave(P);
  advance(P);  // the DEDENT
}

// ':' suite, after the header that `owner` opened.
static void block(Parser *P, PtrVec *body, const Token *owner,
                  const char *context) {
  expect(P, ":", context);
  suite(P, body, owner);
}

// ['else' ':' suite] of if, for, while and try.
static void else_block(Parser *P, PtrVec *orelse) {
  if (is_op(P, "else")) {
    Token *t = advance(P);
    block(P, orelse, t, "after 'else'");
  }
}

// if_stmt: 'if' test ':' suite ('elif' test ':' suite)* ['else' ':' suite]
// Each elif becomes an If nested in the orelse of the one before, as in
// CPython's AST; `links` counts them (a chain, see enter_link).
static Node *if_chain(Parser *P, int links) {
  Token *t = advance(P);  // 'if' or 'elif'
  Node *n = new_node(P->a, ND_IF, t);
  n->test = parse_test(P);
  block(P, &n->body, t,
        arena_sprintf(P->a, "after '%s' condition", t->text));
  if (is_op(P, "elif")) {
    bool entered = enter_link(P, links + 1);
    vec_push(P->a, &n->orelse, if_chain(P, links + 1));
    if (entered)
      leave(P);
  } else {
    else_block(P, &n->orelse);
  }
  return n;
}

static Node *if_stmt(Parser *P) {
  return if_chain(P, 0);
}

// while_stmt: 'while' test ':' suite ['else' ':' suite]
static Node *while_stmt(Parser *P) {
  Token *t = advance(P);
  Node *n = new_node(P->a, ND_WHILE, t);
  n->test = parse_test(P);
  block(P, &n->body, t, "after 'while' condition");
  else_block(P, &n->orelse);
  return n;
}

// for_stmt: 'for' exprlist 'in' testlist ':' suite ['else' ':' suite]
static Node *for_stmt(Parser *P) {
  Token *t = advance(P);
  Node *n = new_node(P->a, ND_FOR, t);
  n->target = parse_exprlist(P);
  parse_check_target(P, n->target, "assign to");
  expect(P, "in", "after the 'for' target");
  n->iter = parse_testlist(P);
  block(P, &n->body, t, "after 'for' header");
  else_block(P, &n->orelse);
  return n;
}

// except_clause: 'except' [test [('as' | ',') NAME]]   (',' is Python 2)
static Node *except_clause(Parser *P) {
  Token *t = advance(P);
  Node *h = new_node(P->a, ND_EXCEPTHANDLER, t);
  if (!is_op(P, ":")) {
    h->test = parse_test(P);
    if (accept(P, "as") || accept(P, ","))
      h->name = expect_name(P, "a name for the exception")->text;
  }
  block(P, &h->body, t, "after 'except' clause");
  return h;
}

// try_stmt: ('try' ':' suite
//            ((except_clause ':' suite)+ ['else' ':' suite]
//             ['finally' ':' suite] |
//             'finally' ':' suite))
static Node *try_stmt(Parser *P) {
  Token *t = advance(P);
  Node *n = new_node(P->a, ND_TRY, t);
  block(P, &n->body, t, "after 'try'");
  while (is_op(P, "except"))
    vec_push(P->a, &n->handlers, except_clause(P));
  if (n->handlers.len > 0)
    else_block(P, &n->orelse);
  if (is_op(P, "finally")) {
    Token *f = advance(P);
    block(P, &n->finalbody, f, "after 'finally'");
  }
  if (n->handlers.len == 0 && n->finalbody.len == 0)
    error_expected(P, "'except' or 'finally' block");
  return n;
}

// with_stmt: 'with' with_item (',' with_item)* ':' suite
// with_item: test ['as' expr]
// Items go in args, their targets (NULL without 'as') in targets.
static Node *with_stmt(Parser *P) {
  Token *t = advance(P);
  Node *n = new_node(P->a, ND_WITH, t);
  do {
    vec_push(P->a, &n->args, parse_test(P));
    Node *target = NULL;
    if (accept(P, "as")) {
      target = parse_expr(P);
      parse_check_target(P, target, "assign to");
    }
    vec_push(P->a, &n->targets, target);
  } while (accept(P, ","));
  block(P, &n->body, t, "after 'with' items");
  return n;
}

// funcdef: 'def' NAME parameters ['->' test] ':' suite
// parameters: '(' [typedargslist] ')'
// Python 2's tuple parameters: `pattern = arg` before the body, at the
// def's line.
static void unpack_tuple_parameters(Parser *P, Node *def) {
  PtrVec body = {0};
  for (int i = 0; i < def->args.len; i++) {
    Node *arg = def->args.data[i];
    if (arg->kind != ND_ARG || !arg->target)
      continue;
    Node *assign = new_node(P->a, ND_ASSIGN, arg->tok);
    vec_push(P->a, &assign->targets, arg->target);
    assign->value = new_node(P->a, ND_NAME, arg->tok);
    assign->value->name = arg->name;
    vec_push(P->a, &body, assign);
  }
  if (!body.len)
    return;
  for (int i = 0; i < def->body.len; i++)
    vec_push(P->a, &body, def->body.data[i]);
  def->body = body;
}

static Node *funcdef(Parser *P) {
  Token *t = advance(P);
  Node *n = new_node(P->a, ND_FUNCTIONDEF, t);
  n->name = expect_name(P, "a function name after 'def'")->text;
  Token *open = expect(P, "(", "after the function name");
  parse_varargslist(P, &n->args, ")", true);
  expect(P, ")", arena_sprintf(P->a, "to close '(' on line %d", open->line));
  if (accept(P, "->"))
    n->returns = parse_test(P);
  block(P, &n->body, t, "after the function header");
  unpack_tuple_parameters(P, n);
  return n;
}

// classdef: 'class' NAME ['(' [arglist] ')'] ':' suite
// Bases and keywords go in args and keywords, as in a call.
static Node *classdef(Parser *P) {
  Token *t = advance(P);
  Node *n = new_node(P->a, ND_CLASSDEF, t);
  n->name = expect_name(P, "a class name after 'class'")->text;
  if (accept(P, "(")) {
    parse_arglist(P, n);
    expect(P, ")", "after the base classes");
  }
  block(P, &n->body, t, "after the class header");
  return n;
}

// decorated: decorators (classdef | funcdef)
// decorator: '@' namedexpr_test NEWLINE
static Node *decorated(Parser *P) {
  PtrVec decorators = {0};
  while (accept(P, "@")) {
    vec_push(P->a, &decorators, parse_test(P));
    if (!is_kind(P, TK_NEWLINE))
      error_expected(P, "end of line after the decorator");
    advance(P);
  }
  Node *n;
  if (is_op(P, "def"))
    n = funcdef(P);
  else if (is_op(P, "class"))
    n = classdef(P);
  else if (is_op(P, "async"))
    unsupported_syntax(P, P->tok, ASYNC_MESSAGE);
  else
    error_expected(P, "'def' or 'class' after the decorators");
  n->decorators = decorators;
  return n;
}

// compound_stmt: if_stmt | while_stmt | for_stmt | try_stmt | with_stmt |
//                funcdef | classdef | decorated
// Returns NULL when the current token does not start one.
static Node *compound_stmt(Parser *P) {
  if (is_op(P, "if"))
    return if_stmt(P);
  if (is_op(P, "while"))
    return while_stmt(P);
  if (is_op(P, "for"))
    return for_stmt(P);
  if (is_op(P, "try"))
    return try_stmt(P);
  if (is_op(P, "with"))
    return with_stmt(P);
  if (is_op(P, "def"))
    return funcdef(P);
  if (is_op(P, "class"))
    return classdef(P);
  if (is_op(P, "@"))
    return decorated(P);
  return NULL;
}

// Python 2's `print x` versus Python 3's `print(x)`: `print` at the start of
// a statement is the Python 2 statement unless a '(' or an operator that
// can only continue an expression follows it. print ("x") is thus a call,
// as Python 3 reads it.
static bool is_print_statement(Parser *P) {
  if (!is_kind(P, TK_NAME) || strcmp(P->tok->text, "print") != 0)
    return false;
  Parser ahead = *P;
  advance(&ahead);
  if (is_kind(&ahead, TK_NEWLINE) || is_op(&ahead, ";") ||
      is_op(&ahead, ">>"))
    return true;
  return !is_op(&ahead, "(") && !is_op(&ahead, "*") &&
         starts_expression(&ahead);
}

// print_stmt: 'print' [ test (',' test)* [','] ]     (Python 2)
// A trailing comma suppresses the newline (Print.nl = false).
static Node *print_stmt(Parser *P) {
  Node *n = new_node(P->a, ND_PRINT, advance(P));
  if (is_op(P, ">>"))
    diag_error_tok(P->d, P->tok, "'print >>file, ...' is not supported; "
                                 "use print(..., file=f)");
  while (starts_expression(P)) {
    vec_push(P->a, &n->values, parse_test(P));
    n->nl = !accept(P, ",");
    if (n->nl)
      break;
  }
  return n;
}

// annassign: ':' test ['=' (yield_expr|testlist_star_expr)]
static Node *annassign(Parser *P, Token *start, Node *target) {
  advance(P);  // ':'
  Node *n = new_node(P->a, ND_ANNASSIGN, start);
  if (target->kind != ND_NAME && target->kind != ND_ATTRIBUTE &&
      target->kind != ND_SUBSCRIPT)
    diag_error_node(P->d, target,
                    "only a single target (not %s) can be annotated",
                    parse_expression_name(target));
  n->target = target;
  n->annotation = parse_test(P);
  if (accept(P, "="))
    n->value = parse_testlist_star_expr(P);
  return n;
}

// augassign: ('+=' | '-=' | '*=' | '@=' | '/=' | '%=' | '&=' | '|=' | '^=' |
//             '<<=' | '>>=' | '**=' | '//=')
// Returns OP_NONE when the current token is none of them.
static Operator augassign(Parser *P) {
  static const BinaryOp ops[] = {
      {"+=", OP_ADD},     {"-=", OP_SUB},      {"*=", OP_MUL},
      {"@=", OP_MATMUL},  {"/=", OP_DIV},      {"%=", OP_MOD},
      {"&=", OP_BITAND},  {"|=", OP_BITOR},    {"^=", OP_BITXOR},
      {"<<=", OP_LSHIFT}, {">>=", OP_RSHIFT},  {"**=", OP_POW},
      {"//=", OP_FLOORDIV}, {NULL, OP_NONE}};
  for (const BinaryOp *o = ops; o->spelling; o++)
    if (is_op(P, o->spelling))
      return o->op;
  return OP_NONE;
}

// expr_stmt: testlist_star_expr (annassign | augassign testlist |
//                                ('=' testlist_star_expr)*)
// `a = b = 0` is one Assign with two targets, as in CPython.
static Node *expr_stmt(Parser *P) {
  Token *start = P->tok;
  Node *first = parse_testlist_star_expr(P);
  if (is_op(P, ":"))
    return annassign(P, start, first);
  Operator op = augassign(P);
  if (op != OP_NONE) {
    Node *n = new_node(P->a, ND_AUGASSIGN, advance(P));
    if (first->kind != ND_NAME && first->kind != ND_ATTRIBUTE &&
        first->kind != ND_SUBSCRIPT)
      diag_error_node(P->d, first,
                      "'%s' is an illegal expression for augmented "
                      "assignment",
                      parse_expression_name(first));
    n->op = op;
    n->target = first;
    n->value = parse_testlist(P);
    return n;
  }
  if (!is_op(P, "=")) {
    Node *n = new_node(P->a, ND_EXPR, start);
    n->value = first;
    return n;
  }
  Node *n = new_node(P->a, ND_ASSIGN, start);
  Node *value = first;
  while (accept(P, "=")) {
    parse_check_target(P, value, "assign to");
    vec_push(P->a, &n->targets, value);
    if (is_op(P, "yield"))
      unsupported_syntax(P, P->tok, YIELD_MESSAGE);
    value = parse_testlist_star_expr(P);
  }
  n->value = value;
  return n;
}

// del_stmt: 'del' exprlist   (`del a, b` has two targets, as in CPython)
static Node *del_stmt(Parser *P) {
  Node *n = new_node(P->a, ND_DELETE, advance(P));
  do {
    Node *target = parse_expr_or_star(P);
    parse_check_target(P, target, "delete");
    vec_push(P->a, &n->targets, target);
  } while (accept(P, ",") && starts_expression(P));
  return n;
}

// return_stmt: 'return' [testlist_star_expr]
static Node *return_stmt(Parser *P) {
  Node *n = new_node(P->a, ND_RETURN, advance(P));
  if (starts_expression(P))
    n->value = parse_testlist_star_expr(P);
  return n;
}

// raise_stmt: 'raise' [test ['from' test]]   (the cause goes in `right`)
static Node *raise_stmt(Parser *P) {
  Node *n = new_node(P->a, ND_RAISE, advance(P));
  if (starts_expression(P)) {
    n->value = parse_test(P);
    if (accept(P, "from"))
      n->right = parse_test(P);
  }
  return n;
}

// global_stmt: 'global' NAME (',' NAME)*
// nonlocal_stmt: 'nonlocal' NAME (',' NAME)*   (also a Global node)
static Node *global_stmt(Parser *P) {
  Node *n = new_node(P->a, ND_GLOBAL, advance(P));
  do {
    Token *t = expect_name(P, "a variable name");
    Node *name = new_node(P->a, ND_NAME, t);
    name->name = t->text;
    vec_push(P->a, &n->args, name);
  } while (accept(P, ","));
  return n;
}

// dotted_name: NAME ('.' NAME)*   (returned as one interned "a.b.c")
static const char *dotted_name(Parser *P, const char *prefix) {
  const char *name = arena_sprintf(
      P->a, "%s%s", prefix, expect_name(P, "a module name")->text);
  while (accept(P, "."))
    name = arena_sprintf(P->a, "%s.%s", name,
                         expect_name(P, "a name after '.'")->text);
  return arena_intern(P->a, name, strlen(name));
}

// dotted_as_name: dotted_name ['as' NAME]
// import_as_name: NAME ['as' NAME]
static Node *as_name(Parser *P, bool dotted) {
  Node *n = new_node(P->a, ND_ALIAS, P->tok);
  n->name = dotted ? dotted_name(P, "")
                   : expect_name(P, "a name to import")->text;
  if (accept(P, "as"))
    n->asname = expect_name(P, "a name after 'as'")->text;
  return n;
}

// import_name: 'import' dotted_as_names
// dotted_as_names: dotted_as_name (',' dotted_as_name)*
static Node *import_name(Parser *P) {
  Node *n = new_node(P->a, ND_IMPORT, advance(P));
  do
    vec_push(P->a, &n->args, as_name(P, true));
  while (accept(P, ","));
  return n;
}

// import_from: ('from' (('.' | '...')* dotted_name | ('.' | '...')+)
//               'import' ('*' | '(' import_as_names ')' | import_as_names))
static Node *import_from(Parser *P) {
  Node *n = new_node(P->a, ND_IMPORTFROM, advance(P));
  const char *dots = "";
  while (is_op(P, ".") || is_op(P, "..."))
    dots = arena_sprintf(P->a, "%s%s", dots, advance(P)->text);
  n->name = is_kind(P, TK_NAME) ? dotted_name(P, dots)
                                : arena_intern(P->a, dots, strlen(dots));
  expect(P, "import", "after the module name");
  if (is_op(P, "*")) {
    Node *star = new_node(P->a, ND_ALIAS, advance(P));
    star->name = star->tok->text;
    vec_push(P->a, &n->args, star);
    return n;
  }
  bool paren = accept(P, "(");
  do {
    if (paren && is_op(P, ")"))
      break;
    vec_push(P->a, &n->args, as_name(P, false));
  } while (accept(P, ","));
  if (paren)
    expect(P, ")", "after the imported names");
  return n;
}

// assert_stmt: 'assert' test [',' test]
static Node *assert_stmt(Parser *P) {
  Node *n = new_node(P->a, ND_ASSERT, advance(P));
  n->test = parse_test(P);
  if (accept(P, ","))
    n->value = parse_test(P);
  return n;
}

// small_stmt: (expr_stmt | print_stmt | del_stmt | pass_stmt | flow_stmt |
//              import_stmt | global_stmt | nonlocal_stmt | assert_stmt)
static Node *small_stmt(Parser *P) {
  if (is_op(P, "pass"))
    return new_node(P->a, ND_PASS, advance(P));
  if (is_op(P, "break"))
    return new_node(P->a, ND_BREAK, advance(P));
  if (is_op(P, "continue"))
    return new_node(P->a, ND_CONTINUE, advance(P));
  if (is_op(P, "return"))
    return return_stmt(P);
  if (is_op(P, "del"))
    return del_stmt(P);
  if (is_op(P, "raise"))
    return raise_stmt(P);
  if (is_op(P, "global") || is_op(P, "nonlocal"))
    return global_stmt(P);
  if (is_op(P, "import"))
    return import_name(P);
  if (is_op(P, "from"))
    return import_from(P);
  if (is_op(P, "assert"))
    return assert_stmt(P);
  if (is_print_statement(P))
    return print_stmt(P);
  return expr_stmt(P);
}

// simple_stmt: small_stmt (';' small_stmt)* [';'] NEWLINE
static void simple_stmt(Parser *P, PtrVec *out) {
  vec_push(P->a, out, small_stmt(P));
  while (accept(P, ";") && !is_kind(P, TK_NEWLINE))
    vec_push(P->a, out, small_stmt(P));
  if (!is_kind(P, TK_NEWLINE))
    error_expected(P, "end of line after the statement");
  advance(P);
}

// match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT
// `match` is a soft keyword: a statement starting with the name `match`
// is a match statement when its line ends in ':' and a block follows, and
// the name is not being assigned to or called on its own line.
static bool is_match_statement(Parser *P) {
  if (!is_kind(P, TK_NAME) || strcmp(P->tok->text, "match") != 0)
    return false;
  Token *t = P->tok->next;
  if (tok_is(t, "=") || tok_is(t, ".") || tok_is(t, ":") || tok_is(t, ",") ||
      t->kind == TK_NEWLINE || (t->kind == TK_OP && t->text[0] != '(' &&
                                t->text[0] != '[' && t->text[0] != '-'))
    return false;
  while (t->next->kind != TK_NEWLINE && t->next->kind != TK_EOF)
    t = t->next;
  return tok_is(t, ":") && t->next->next->kind == TK_INDENT;
}

// The rest of a logical line and, when it opens a block, the block.
static void skip_line_and_block(Parser *P) {
  while (!is_kind(P, TK_NEWLINE) && !is_kind(P, TK_EOF))
    advance(P);
  if (is_kind(P, TK_NEWLINE))
    advance(P);
  if (!is_kind(P, TK_INDENT))
    return;
  int depth = 0;
  do {
    depth += is_kind(P, TK_INDENT) - is_kind(P, TK_DEDENT);
    advance(P);
  } while (depth > 0 && !is_kind(P, TK_EOF));
}

// After a construct outside the kernel language: the rest of its
// statement, with the clauses (elif, else, except, finally) that follow
// a compound statement's block.
static void skip_statement(Parser *P) {
  skip_line_and_block(P);
  while (is_op(P, "elif") || is_op(P, "else") || is_op(P, "except") ||
         is_op(P, "finally"))
    skip_line_and_block(P);
}

// Cython (the tutorial's chapter after this one) reads like Python but
// is not: a `cdef` or `cpdef` declaration, `cimport`, and typed parameters
// (`def f(list q, int maxiter)`) get a message that says what to remove,
// rather than CPython's "invalid syntax" at the second name.
static void reject_cython(Parser *P) {
  Token *t = P->tok;
  if (t->kind == TK_NAME && t->next->kind == TK_NAME &&
      (!strcmp(t->text, "cdef") || !strcmp(t->text, "cpdef")))
    diag_error_tok(P->d, t, "'%s' is Cython, not Python; remove the "
                   "declaration (mandelc infers types; annotate as in "
                   "x: int = 0 where needed)", t->text);
  for (Token *u = t; u->kind != TK_NEWLINE && u->kind != TK_EOF; u = u->next)
    if (u->kind == TK_NAME && !strcmp(u->text, "cimport"))
      diag_error_tok(P->d, u, "'cimport' is Cython, not Python; use "
                     "import, or remove the line");
  if (!tok_is(t, "def") || t->next->kind != TK_NAME ||
      !tok_is(t->next->next, "("))
    return;
  for (Token *u = t->next->next->next; u->kind != TK_NEWLINE &&
       u->kind != TK_EOF && !tok_is(u, ")"); u = u->next)
    if (u->kind == TK_NAME && u->next->kind == TK_NAME)
      diag_error_tok(P->d, u, "'%s %s' is a Cython typed parameter, not "
                     "Python; write '%s' (or annotate it: %s: %s)", u->text,
                     u->next->text, u->next->text, u->next->text, u->text);
}

// stmt: simple_stmt | compound_stmt
// A construct outside the kernel language anywhere in the statement
// (unsupported_syntax) makes the whole statement one Unsupported node.
static void stmt(Parser *P, PtrVec *out) {
  if (is_kind(P, TK_INDENT))
    diag_error_tok(P->d, P->tok, "unexpected indent");
  jmp_buf here, *outer = P->defer;
  int depth = P->depth, len = out->len;
  P->defer = &here;
  if (setjmp(here)) {
    P->defer = outer;
    P->depth = depth;
    out->len = len;  // a statement of `a; yield b` goes as a whole
    Node *n = new_node(P->a, ND_UNSUPPORTED, P->deferred_at);
    n->name = P->deferred;
    vec_push(P->a, out, n);
    skip_statement(P);
    return;
  }
  reject_cython(P);
  if (is_match_statement(P))
    unsupported_syntax(P, P->tok, "match statements are not supported in "
                       "kernels; use if and elif");
  Node *n = compound_stmt(P);
  if (n)
    vec_push(P->a, out, n);
  else
    simple_stmt(P, out);
  P->defer = outer;
}

// file_input: (NEWLINE | stmt)* ENDMARKER
static Node *file_input(Parser *P) {
  Node *module = new_node(P->a, ND_MODULE, P->tok);
  module->line = module->col = 1;
  while (!is_kind(P, TK_EOF)) {
    if (is_kind(P, TK_NEWLINE))
      advance(P);
    else if (is_kind(P, TK_DEDENT))
      error_expected(P, "a statement");
    else
      stmt(P, &module->body);
  }
  return module;
}

Node *parse_module(Arena *a, Diag *d, Token *tokens) {
  Parser *P = arena_alloc(a, sizeof *P);
  *P = (Parser){.a = a, .d = d, .tok = tokens};
  if (setjmp(d->jmp))
    return NULL;
  return file_input(P);
}

