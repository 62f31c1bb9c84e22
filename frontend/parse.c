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
#include <string.h>

#include "frontend.h"

typedef struct {
  Arena *a;
  Diag *d;
  Token *tok;  // the current token; the list always ends in TK_EOF
  int depth;   // nested blocks and expressions, capped at PARSE_MAX_DEPTH
} Parser;

typedef Node *ParseFn(Parser *P);

// ---- tokens ----------------------------------------------------------------

static bool is_op(Parser *P, const char *op) { return tok_is(P->tok, op); }

static bool is_kind(Parser *P, TokenKind kind) { return P->tok->kind == kind; }

static Token *advance(Parser *P) {
  Token *t = P->tok;
  if (t->kind != TK_EOF)
    P->tok = t->next;
  return t;
}

static bool accept(Parser *P, const char *op) {
  if (!is_op(P, op))
    return false;
  advance(P);
  return true;
}

// How a token reads inside "found ..." in an error message.
static const char *describe(Parser *P, const Token *t) {
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
_Noreturn static void error_expected(Parser *P, const char *what) {
  diag_error_tok(P->d, P->tok, "expected %s, found %s", what,
                 describe(P, P->tok));
}

// Consumes `op` or reports "expected 'op' CONTEXT, found ...".
static Token *expect(Parser *P, const char *op, const char *context) {
  if (!is_op(P, op))
    error_expected(P, arena_sprintf(P->a, "'%s' %s", op, context));
  return advance(P);
}

static Token *expect_name(Parser *P, const char *what) {
  if (!is_kind(P, TK_NAME))
    error_expected(P, what);
  return advance(P);
}

static void enter(Parser *P) {
  if (++P->depth > PARSE_MAX_DEPTH)
    diag_error_tok(P->d, P->tok,
                   "too many nested blocks or expressions (the limit is %d)",
                   PARSE_MAX_DEPTH);
}

static void leave(Parser *P) { P->depth--; }

// True when the current token can begin an expression: used to see where
// optional expressions (return's value, a trailing comma) end.
static bool starts_expression(Parser *P) {
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

// ---- nodes -----------------------------------------------------------------

static Node *new_binop(Parser *P, Token *op_tok, Operator op, Node *left,
                       Node *right) {
  Node *n = new_node(P->a, ND_BINOP, op_tok);
  n->op = op;
  n->left = left;
  n->right = right;
  return n;
}

static Node *new_constant(Parser *P, Token *t, ConstKind kind) {
  Node *n = new_node(P->a, ND_CONSTANT, t);
  n->cval.kind = kind;
  return n;
}

// What an expression is called in "cannot assign to ..." messages.
static const char *expression_name(const Node *e) {
  switch (e->kind) {
  case ND_CALL:
    return "function call";
  case ND_CONSTANT:
    return "literal";
  case ND_COMPARE:
    return "comparison";
  case ND_LAMBDA:
    return "lambda";
  case ND_IFEXP:
    return "conditional expression";
  case ND_LISTCOMP:
    return "list comprehension";
  case ND_DICT:
    return "dict or set display";
  case ND_TUPLE:
    return "tuple";
  case ND_LIST:
    return "list";
  default:
    return "expression";
  }
}

// Targets of =, for, del and comprehensions: names, attributes, subscripts
// and tuples or lists of them (CPython's set_context in Python/ast.c).
static void check_target(Parser *P, Node *e, const char *verb) {
  switch (e->kind) {
  case ND_NAME:
  case ND_ATTRIBUTE:
  case ND_SUBSCRIPT:
    return;
  case ND_STARRED:
    check_target(P, e->value, verb);
    return;
  case ND_TUPLE:
  case ND_LIST:
    for (int i = 0; i < e->elts.len; i++)
      check_target(P, e->elts.data[i], verb);
    return;
  default:
    diag_error_node(P->d, e, "cannot %s %s", verb, expression_name(e));
  }
}

// ---- expressions ---------------------------------------------------------

static Node *test(Parser *P);
static Node *expr(Parser *P);
static Node *or_test(Parser *P);
static Node *factor(Parser *P);
static Node *testlist(Parser *P);
static void comp_for(Parser *P, PtrVec *generators);
static void varargslist(Parser *P, PtrVec *params, const char *closer,
                        bool annotations);

// A sequence joined by commas becomes a Tuple; one item without a trailing
// comma is just that item. `item` parses one element; after a comma,
// `starts_item` says whether another follows or the comma was trailing.
static Node *comma_list(Parser *P, ParseFn *item,
                        bool (*starts_item)(Parser *P)) {
  Token *first = P->tok;
  Node *e = item(P);
  if (!is_op(P, ","))
    return e;
  Node *tuple = new_node(P->a, ND_TUPLE, first);
  vec_push(P->a, &tuple->elts, e);
  while (accept(P, ",") && starts_item(P))
    vec_push(P->a, &tuple->elts, item(P));
  return tuple;
}

// star_expr: '*' expr
static Node *star_expr(Parser *P) {
  Node *n = new_node(P->a, ND_STARRED, advance(P));
  n->value = expr(P);
  return n;
}

// test_or_star: test | star_expr   (an element of testlist_star_expr)
static Node *test_or_star(Parser *P) {
  return is_op(P, "*") ? star_expr(P) : test(P);
}

// expr_or_star: expr | star_expr   (an element of exprlist)
static Node *expr_or_star(Parser *P) {
  return is_op(P, "*") ? star_expr(P) : expr(P);
}

// exprlist: (expr|star_expr) (',' (expr|star_expr))* [',']
static Node *exprlist(Parser *P) {
  return comma_list(P, expr_or_star, starts_expression);
}

// testlist: test (',' test)* [',']
static Node *testlist(Parser *P) {
  return comma_list(P, test, starts_expression);
}

// testlist_star_expr: (test|star_expr) (',' (test|star_expr))* [',']
static Node *testlist_star_expr(Parser *P) {
  return comma_list(P, test_or_star, starts_expression);
}

// STRING+ : adjacent literals are one constant; f-strings make the whole
// an f-string, and bytes cannot mix with str (as in CPython).
static Node *strings(Parser *P) {
  Token *first = P->tok;
  size_t len = 0;
  bool has_bytes = false, has_str = false, has_f = false;
  for (Token *t = first; t->kind == TK_STRING; t = t->next) {
    len += (size_t)t->len;
    has_bytes |= t->str_prefix == 'b';
    has_str |= t->str_prefix != 'b';
    has_f |= t->str_prefix == 'f';
  }
  if (has_bytes && has_str)
    diag_error_tok(P->d, first, "cannot mix bytes and nonbytes literals");
  Node *n = new_constant(P, first, has_f       ? CONST_FSTRING
                                   : has_bytes ? CONST_BYTES
                                               : CONST_STR);
  char *buf = arena_alloc(P->a, len + 1);
  size_t at = 0;
  while (is_kind(P, TK_STRING)) {
    Token *t = advance(P);
    memcpy(buf + at, t->text, (size_t)t->len);
    at += (size_t)t->len;
  }
  n->cval.str = buf;
  n->cval.slen = (int)len;
  return n;
}

// The elements of a list display or parenthesised tuple, after the first,
// up to the closing bracket.
static void more_elements(Parser *P, Node *list, const char *closer) {
  while (accept(P, ",") && !is_op(P, closer))
    vec_push(P->a, &list->elts, test_or_star(P));
}

// testlist_comp: (test|star_expr) ( comp_for | (',' (test|star_expr))* [','] )
// after '(' or '['; `kind` is ND_TUPLE or ND_LIST. A comprehension is a
// ListComp either way: generator expressions are evaluated eagerly.
static Node *testlist_comp(Parser *P, Token *open, NodeKind kind,
                           const char *closer) {
  Node *first = test_or_star(P);
  if (is_op(P, "for")) {
    Node *n = new_node(P->a, ND_LISTCOMP, open);
    n->elt = first;
    comp_for(P, &n->generators);
    return n;
  }
  if (kind == ND_TUPLE && !is_op(P, ","))
    return first;  // (x) is x
  Node *n = new_node(P->a, kind, open);
  vec_push(P->a, &n->elts, first);
  more_elements(P, n, closer);
  return n;
}

// One entry of a dict display: test ':' test | '**' expr (key NULL).
static void dict_entry(Parser *P, Node *dict) {
  if (accept(P, "**")) {
    vec_push(P->a, &dict->keys, NULL);
    vec_push(P->a, &dict->values, expr(P));
    return;
  }
  vec_push(P->a, &dict->keys, test(P));
  expect(P, ":", "after dictionary key");
  vec_push(P->a, &dict->values, test(P));
}

// dictorsetmaker: ( ((test ':' test | '**' expr)
//                    (comp_for | (',' (test ':' test | '**' expr))* [','])) |
//                   ((test | star_expr)
//                    (comp_for | (',' (test | star_expr))* [','])) )
// Both become a Dict; a set has keys and no values.
static Node *dictorsetmaker(Parser *P, Token *open) {
  Node *n = new_node(P->a, ND_DICT, open);
  bool is_dict = is_op(P, "**");
  if (is_dict) {
    dict_entry(P, n);
  } else {
    vec_push(P->a, &n->keys, test_or_star(P));
    if (accept(P, ":")) {
      is_dict = true;
      vec_push(P->a, &n->values, test(P));
    }
  }
  if (is_op(P, "for")) {
    comp_for(P, &n->generators);
    return n;
  }
  while (accept(P, ",") && !is_op(P, "}")) {
    if (is_dict)
      dict_entry(P, n);
    else
      vec_push(P->a, &n->keys, test_or_star(P));
  }
  return n;
}

// The bracketed atoms: '(' ... ')', '[' ... ']', '{' ... '}'.
static Node *bracket_atom(Parser *P) {
  Token *open = advance(P);
  char c = open->text[0];
  const char *closer = c == '(' ? ")" : c == '[' ? "]" : "}";
  Node *n;
  if (is_op(P, closer))
    n = new_node(P->a, c == '(' ? ND_TUPLE : c == '[' ? ND_LIST : ND_DICT,
                 open);
  else if (c == '{')
    n = dictorsetmaker(P, open);
  else if (is_op(P, "yield"))
    diag_error_tok(P->d, P->tok, "'yield' is not supported");
  else
    n = testlist_comp(P, open, c == '(' ? ND_TUPLE : ND_LIST, closer);
  expect(P, closer, arena_sprintf(P->a, "to close '%c' on line %d", c,
                                  open->line));
  return n;
}

// atom: ('(' [yield_expr|testlist_comp] ')' |
//        '[' [testlist_comp] ']' |
//        '{' [dictorsetmaker] '}' |
//        NAME | NUMBER | STRING+ | '...' | 'None' | 'True' | 'False')
static Node *atom(Parser *P) {
  Token *t = P->tok;
  Node *n;
  switch (t->kind) {
  case TK_NAME:
    n = new_node(P->a, ND_NAME, advance(P));
    n->name = t->text;
    return n;
  case TK_INT:
    n = new_constant(P, advance(P), CONST_INT);
    n->cval.ival = t->ival;
    return n;
  case TK_FLOAT:
    n = new_constant(P, advance(P), CONST_FLOAT);
    n->cval.fval = t->fval;
    return n;
  case TK_IMAG:  // 2j is complex(0, 2); CPython folds 1+2j later, as do we
    n = new_constant(P, advance(P), CONST_COMPLEX);
    n->cval.imag = t->fval;
    return n;
  case TK_STRING:
    return strings(P);
  default:
    break;
  }
  if (is_op(P, "(") || is_op(P, "[") || is_op(P, "{"))
    return bracket_atom(P);
  if (is_op(P, "None") || is_op(P, "..."))
    return new_constant(P, advance(P),
                        t->text[0] == 'N' ? CONST_NONE : CONST_ELLIPSIS);
  if (is_op(P, "True") || is_op(P, "False")) {
    n = new_constant(P, advance(P), CONST_BOOL);
    n->cval.ival = t->text[0] == 'T';
    return n;
  }
  if (is_op(P, "yield") || is_op(P, "await") || is_op(P, "async"))
    diag_error_tok(P->d, t, "'%s' is not supported", t->text);
  error_expected(P, "an expression");
}

// subscript: test | [test] ':' [test] [sliceop]
// sliceop: ':' [test]
static Node *subscript(Parser *P) {
  Token *t = P->tok;
  Node *lower = NULL;
  if (!is_op(P, ":")) {
    lower = test(P);
    if (!is_op(P, ":"))
      return lower;
  }
  Node *s = new_node(P->a, ND_SLICE, t);
  s->lower = lower;
  advance(P);  // ':'
  if (!is_op(P, ":") && !is_op(P, "]") && !is_op(P, ","))
    s->upper = test(P);
  if (accept(P, ":") && !is_op(P, "]") && !is_op(P, ","))
    s->step = test(P);
  return s;
}

// subscriptlist: subscript (',' subscript)* [',']    (d[j, i] is a Tuple)
static bool starts_subscript(Parser *P) {
  return is_op(P, ":") || starts_expression(P);
}

static Node *subscriptlist(Parser *P) {
  return comma_list(P, subscript, starts_subscript);
}

// argument: ( test [comp_for] | test '=' test | '**' test | '*' test )
static void argument(Parser *P, Node *call) {
  if (is_op(P, "*")) {
    Node *n = new_node(P->a, ND_STARRED, advance(P));
    n->value = test(P);
    vec_push(P->a, &call->args, n);
    return;
  }
  if (is_op(P, "**")) {
    Node *k = new_node(P->a, ND_KEYWORD, advance(P));
    k->value = test(P);  // name NULL: **mapping
    vec_push(P->a, &call->keywords, k);
    return;
  }
  Node *e = test(P);
  if (is_op(P, "for")) {  // sum(x for x in y): evaluated as a list
    Node *lc = new_node(P->a, ND_LISTCOMP, e->tok);
    lc->elt = e;
    comp_for(P, &lc->generators);
    vec_push(P->a, &call->args, lc);
  } else if (is_op(P, "=")) {
    if (e->kind != ND_NAME)
      diag_error_tok(P->d, P->tok, "expression cannot contain assignment, "
                                   "perhaps you meant \"==\"?");
    advance(P);
    Node *k = new_node(P->a, ND_KEYWORD, e->tok);
    k->name = e->name;
    k->value = test(P);
    vec_push(P->a, &call->keywords, k);
  } else {
    if (call->keywords.len > 0)
      diag_error_node(P->d, e,
                      "positional argument follows keyword argument");
    vec_push(P->a, &call->args, e);
  }
}

// arglist: argument (',' argument)* [',']   (inside '(' ... ')')
static void arglist(Parser *P, Node *call) {
  while (!is_op(P, ")")) {
    argument(P, call);
    if (!accept(P, ","))
      break;
  }
}

// trailer: '(' [arglist] ')' | '[' subscriptlist ']' | '.' NAME
static Node *trailer(Parser *P, Node *e) {
  Token *t = advance(P);
  Node *n;
  if (t->text[0] == '(') {
    n = new_node(P->a, ND_CALL, e->tok);
    n->func = e;
    arglist(P, n);
    expect(P, ")", arena_sprintf(P->a, "to close '(' of the call on line %d",
                                 t->line));
  } else if (t->text[0] == '[') {
    n = new_node(P->a, ND_SUBSCRIPT, e->tok);
    n->value = e;
    n->index = subscriptlist(P);
    expect(P, "]", arena_sprintf(P->a, "to close '[' on line %d", t->line));
  } else {
    n = new_node(P->a, ND_ATTRIBUTE, e->tok);
    n->value = e;
    n->name = expect_name(P, "an attribute name after '.'")->text;
  }
  return n;
}

// atom_expr: ['await'] atom trailer*
static Node *atom_expr(Parser *P) {
  Node *e = atom(P);
  while (is_op(P, "(") || is_op(P, "[") || is_op(P, "."))
    e = trailer(P, e);
  return e;
}

// power: atom_expr ['**' factor]
// Right-associative, and tighter than a unary minus on its left:
// -2**2 is -(2**2), 2**-1 is 2**(-1).
static Node *power(Parser *P) {
  Node *base = atom_expr(P);
  if (!is_op(P, "**"))
    return base;
  Token *t = advance(P);
  enter(P);  // 2**2**2**... recurses through factor
  Node *n = new_binop(P, t, OP_POW, base, factor(P));
  leave(P);
  return n;
}

// factor: ('+'|'-'|'~') factor | power
static Node *factor(Parser *P) {
  Operator op = is_op(P, "+")   ? OP_UADD
                : is_op(P, "-") ? OP_USUB
                : is_op(P, "~") ? OP_INVERT
                                : OP_NONE;
  if (op == OP_NONE)
    return power(P);
  Node *n = new_node(P->a, ND_UNARYOP, advance(P));
  n->op = op;
  enter(P);
  n->value = factor(P);
  leave(P);
  return n;
}

// An operator of one binary precedence level and its AST operator.
typedef struct {
  const char *spelling;
  Operator op;
} BinaryOp;

// Parses `operand (OP operand)*` for the operators in `ops` (ending in a
// NULL spelling), left-associative: a - b - c is (a - b) - c.
static Node *binary_level(Parser *P, ParseFn *operand, const BinaryOp *ops) {
  Node *left = operand(P);
  for (;;) {
    const BinaryOp *o = ops;
    while (o->spelling && !is_op(P, o->spelling))
      o++;
    if (!o->spelling)
      return left;
    Token *t = advance(P);
    left = new_binop(P, t, o->op, left, operand(P));
  }
}

// term: factor (('*'|'@'|'/'|'%'|'//') factor)*
static Node *term(Parser *P) {
  static const BinaryOp ops[] = {{"*", OP_MUL},      {"/", OP_DIV},
                                 {"//", OP_FLOORDIV}, {"%", OP_MOD},
                                 {"@", OP_MATMUL},   {NULL, OP_NONE}};
  return binary_level(P, factor, ops);
}

// arith_expr: term (('+'|'-') term)*
static Node *arith_expr(Parser *P) {
  static const BinaryOp ops[] = {
      {"+", OP_ADD}, {"-", OP_SUB}, {NULL, OP_NONE}};
  return binary_level(P, term, ops);
}

// shift_expr: arith_expr (('<<'|'>>') arith_expr)*
static Node *shift_expr(Parser *P) {
  static const BinaryOp ops[] = {
      {"<<", OP_LSHIFT}, {">>", OP_RSHIFT}, {NULL, OP_NONE}};
  return binary_level(P, arith_expr, ops);
}

// and_expr: shift_expr ('&' shift_expr)*
static Node *and_expr(Parser *P) {
  static const BinaryOp ops[] = {{"&", OP_BITAND}, {NULL, OP_NONE}};
  return binary_level(P, shift_expr, ops);
}

// xor_expr: and_expr ('^' and_expr)*
static Node *xor_expr(Parser *P) {
  static const BinaryOp ops[] = {{"^", OP_BITXOR}, {NULL, OP_NONE}};
  return binary_level(P, and_expr, ops);
}

// expr: xor_expr ('|' xor_expr)*
static Node *expr(Parser *P) {
  static const BinaryOp ops[] = {{"|", OP_BITOR}, {NULL, OP_NONE}};
  return binary_level(P, xor_expr, ops);
}

// comp_op: '<'|'>'|'=='|'>='|'<='|'!='|'in'|'not' 'in'|'is'|'is' 'not'
// Returns OP_NONE, consuming nothing, when no comparison follows.
static Operator comp_op(Parser *P) {
  static const BinaryOp ops[] = {
      {"<", OP_LT},    {">", OP_GT},     {"==", OP_EQ}, {">=", OP_GTE},
      {"<=", OP_LTE},  {"!=", OP_NOTEQ}, {"in", OP_IN}, {NULL, OP_NONE}};
  for (const BinaryOp *o = ops; o->spelling; o++)
    if (accept(P, o->spelling))
      return o->op;
  if (accept(P, "is"))
    return accept(P, "not") ? OP_ISNOT : OP_IS;
  if (is_op(P, "not") && tok_is(P->tok->next, "in")) {
    advance(P);
    advance(P);
    return OP_NOTIN;
  }
  return OP_NONE;
}

// comparison: expr (comp_op expr)*
// A chain a < b < c is one Compare with two operators, as in CPython.
static Node *comparison(Parser *P) {
  Node *left = expr(P);
  Token *t = P->tok;
  Operator op = comp_op(P);
  if (op == OP_NONE)
    return left;
  Node *n = new_node(P->a, ND_COMPARE, t);
  n->left = left;
  do {
    vec_push(P->a, &n->ops, (void *)(intptr_t)op);
    vec_push(P->a, &n->comparators, expr(P));
  } while ((op = comp_op(P)) != OP_NONE);
  return n;
}

// not_test: 'not' not_test | comparison
static Node *not_test(Parser *P) {
  if (!is_op(P, "not"))
    return comparison(P);
  Node *n = new_node(P->a, ND_UNARYOP, advance(P));
  n->op = OP_NOT;
  enter(P);
  n->value = not_test(P);
  leave(P);
  return n;
}

// Parses `operand (WORD operand)*` into one BoolOp, as CPython does.
static Node *bool_op(Parser *P, ParseFn *operand, const char *word,
                     Operator op) {
  Node *first = operand(P);
  if (!is_op(P, word))
    return first;
  Node *n = new_node(P->a, ND_BOOLOP, P->tok);
  n->op = op;
  vec_push(P->a, &n->values, first);
  while (accept(P, word))
    vec_push(P->a, &n->values, operand(P));
  return n;
}

// and_test: not_test ('and' not_test)*
static Node *and_test(Parser *P) {
  return bool_op(P, not_test, "and", OP_AND);
}

// or_test: and_test ('or' and_test)*
static Node *or_test(Parser *P) { return bool_op(P, and_test, "or", OP_OR); }

// lambdef: 'lambda' [varargslist] ':' test
static Node *lambdef(Parser *P) {
  Node *n = new_node(P->a, ND_LAMBDA, advance(P));
  varargslist(P, &n->args, ":", false);
  expect(P, ":", "after lambda parameters");
  n->value = test(P);
  return n;
}

// test: or_test ['if' or_test 'else' test] | lambdef
static Node *test(Parser *P) {
  enter(P);
  Node *e = is_op(P, "lambda") ? lambdef(P) : or_test(P);
  if (e->kind != ND_LAMBDA && is_op(P, "if")) {
    Node *n = new_node(P->a, ND_IFEXP, advance(P));
    n->body_expr = e;
    n->test = or_test(P);
    expect(P, "else", "in conditional expression");
    n->orelse_expr = test(P);
    e = n;
  }
  leave(P);
  return e;
}

// comp_for: 'for' exprlist 'in' or_test [comp_iter]
// comp_iter: comp_for | comp_if
// comp_if: 'if' test_nocond [comp_iter]
// test_nocond is or_test here: a lambda in a comprehension's 'if' is not
// worth the grammar it needs.
static void comp_for(Parser *P, PtrVec *generators) {
  while (is_op(P, "for")) {
    Node *c = new_node(P->a, ND_COMPREHENSION, advance(P));
    c->target = exprlist(P);
    check_target(P, c->target, "assign to");
    expect(P, "in", "after the 'for' target in a comprehension");
    c->iter = or_test(P);
    while (accept(P, "if"))
      vec_push(P->a, &c->ifs, or_test(P));
    vec_push(P->a, generators, c);
  }
  if (is_op(P, "async"))
    diag_error_tok(P->d, P->tok, "'async' is not supported");
}

// ---- parameters -------------------------------------------------------------

// tfpdef: NAME [':' test]   (vfpdef: NAME, when !annotations)
static Node *parameter(Parser *P, bool annotations) {
  Token *t = expect_name(P, "a parameter name");
  Node *arg = new_node(P->a, ND_ARG, t);
  arg->name = t->text;
  if (annotations && accept(P, ":"))
    arg->annotation = test(P);
  return arg;
}

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
static void varargslist(Parser *P, PtrVec *params, const char *closer,
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
        arg->value = test(P);
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
// CPython's AST.
static Node *if_stmt(Parser *P) {
  Token *t = advance(P);  // 'if' or 'elif'
  Node *n = new_node(P->a, ND_IF, t);
  n->test = test(P);
  block(P, &n->body, t,
        arena_sprintf(P->a, "after '%s' condition", t->text));
  if (is_op(P, "elif"))
    vec_push(P->a, &n->orelse, if_stmt(P));
  else
    else_block(P, &n->orelse);
  return n;
}

// while_stmt: 'while' test ':' suite ['else' ':' suite]
static Node *while_stmt(Parser *P) {
  Token *t = advance(P);
  Node *n = new_node(P->a, ND_WHILE, t);
  n->test = test(P);
  block(P, &n->body, t, "after 'while' condition");
  else_block(P, &n->orelse);
  return n;
}

// for_stmt: 'for' exprlist 'in' testlist ':' suite ['else' ':' suite]
static Node *for_stmt(Parser *P) {
  Token *t = advance(P);
  Node *n = new_node(P->a, ND_FOR, t);
  n->target = exprlist(P);
  check_target(P, n->target, "assign to");
  expect(P, "in", "after the 'for' target");
  n->iter = testlist(P);
  block(P, &n->body, t, "after 'for' header");
  else_block(P, &n->orelse);
  return n;
}

// except_clause: 'except' [test [('as' | ',') NAME]]   (',' is Python 2)
static Node *except_clause(Parser *P) {
  Token *t = advance(P);
  Node *h = new_node(P->a, ND_EXCEPTHANDLER, t);
  if (!is_op(P, ":")) {
    h->test = test(P);
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
    vec_push(P->a, &n->args, test(P));
    Node *target = NULL;
    if (accept(P, "as")) {
      target = expr(P);
      check_target(P, target, "assign to");
    }
    vec_push(P->a, &n->targets, target);
  } while (accept(P, ","));
  block(P, &n->body, t, "after 'with' items");
  return n;
}

// funcdef: 'def' NAME parameters ['->' test] ':' suite
// parameters: '(' [typedargslist] ')'
static Node *funcdef(Parser *P) {
  Token *t = advance(P);
  Node *n = new_node(P->a, ND_FUNCTIONDEF, t);
  n->name = expect_name(P, "a function name after 'def'")->text;
  Token *open = expect(P, "(", "after the function name");
  varargslist(P, &n->args, ")", true);
  expect(P, ")", arena_sprintf(P->a, "to close '(' on line %d", open->line));
  if (accept(P, "->"))
    n->returns = test(P);
  block(P, &n->body, t, "after the function header");
  return n;
}

// classdef: 'class' NAME ['(' [arglist] ')'] ':' suite
// Bases and keywords go in args and keywords, as in a call.
static Node *classdef(Parser *P) {
  Token *t = advance(P);
  Node *n = new_node(P->a, ND_CLASSDEF, t);
  n->name = expect_name(P, "a class name after 'class'")->text;
  if (accept(P, "(")) {
    arglist(P, n);
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
    vec_push(P->a, &decorators, test(P));
    if (!is_kind(P, TK_NEWLINE))
      error_expected(P, "end of line after the decorator");
    advance(P);
  }
  Node *n;
  if (is_op(P, "def"))
    n = funcdef(P);
  else if (is_op(P, "class"))
    n = classdef(P);
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
    vec_push(P->a, &n->values, test(P));
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
    diag_error_node(P->d, target, "only a single target (not %s) can be "
                                  "annotated", expression_name(target));
  n->target = target;
  n->annotation = test(P);
  if (accept(P, "="))
    n->value = testlist_star_expr(P);
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
  Node *first = testlist_star_expr(P);
  if (is_op(P, ":"))
    return annassign(P, start, first);
  Operator op = augassign(P);
  if (op != OP_NONE) {
    Node *n = new_node(P->a, ND_AUGASSIGN, advance(P));
    if (first->kind != ND_NAME && first->kind != ND_ATTRIBUTE &&
        first->kind != ND_SUBSCRIPT)
      diag_error_node(P->d, first, "'%s' is an illegal expression for "
                                   "augmented assignment",
                      expression_name(first));
    n->op = op;
    n->target = first;
    n->value = testlist(P);
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
    check_target(P, value, "assign to");
    vec_push(P->a, &n->targets, value);
    if (is_op(P, "yield"))
      diag_error_tok(P->d, P->tok, "'yield' is not supported");
    value = testlist_star_expr(P);
  }
  n->value = value;
  return n;
}

// del_stmt: 'del' exprlist   (`del a, b` has two targets, as in CPython)
static Node *del_stmt(Parser *P) {
  Node *n = new_node(P->a, ND_DELETE, advance(P));
  do {
    Node *target = expr_or_star(P);
    check_target(P, target, "delete");
    vec_push(P->a, &n->targets, target);
  } while (accept(P, ",") && starts_expression(P));
  return n;
}

// return_stmt: 'return' [testlist_star_expr]
static Node *return_stmt(Parser *P) {
  Node *n = new_node(P->a, ND_RETURN, advance(P));
  if (starts_expression(P))
    n->value = testlist_star_expr(P);
  return n;
}

// raise_stmt: 'raise' [test ['from' test]]   (the cause goes in `right`)
static Node *raise_stmt(Parser *P) {
  Node *n = new_node(P->a, ND_RAISE, advance(P));
  if (starts_expression(P)) {
    n->value = test(P);
    if (accept(P, "from"))
      n->right = test(P);
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
  n->test = test(P);
  if (accept(P, ","))
    n->value = test(P);
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

// stmt: simple_stmt | compound_stmt
static void stmt(Parser *P, PtrVec *out) {
  if (is_kind(P, TK_INDENT))
    diag_error_tok(P->d, P->tok, "unexpected indent");
  Node *n = compound_stmt(P);
  if (n)
    vec_push(P->a, out, n);
  else
    simple_stmt(P, out);
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
