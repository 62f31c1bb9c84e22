// parse_expr.c - expressions, from `test` down to `atom`, by recursive
// descent; the statements that hold them are in parse.c.
//
// One function per rule of CPython's LL(1) expression grammar (Python
// 3.8's Grammar/Grammar), with the rule quoted above it; the binary
// operator levels from `expr` down to `term` share one loop over a table
// of operators. A comma-separated list becomes a Tuple only when it has a
// comma, as in Python. Positions follow parse.c's rule: an operator node
// sits at its operator, a trailer (Call, Subscript, Attribute) at the
// start of its primary. Assignment targets are checked here too, since
// comprehensions bind them as well as statements.
#include <string.h>

#include "parse_internal.h"

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
const char *parse_expression_name(const Node *e) {
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
void parse_check_target(Parser *P, Node *e, const char *verb) {
  switch (e->kind) {
  case ND_NAME:
  case ND_ATTRIBUTE:
  case ND_SUBSCRIPT:
    return;
  case ND_STARRED:
    parse_check_target(P, e->value, verb);
    return;
  case ND_TUPLE:
  case ND_LIST:
    for (int i = 0; i < e->elts.len; i++)
      parse_check_target(P, e->elts.data[i], verb);
    return;
  default:
    diag_error_node(P->d, e, "cannot %s %s", verb, parse_expression_name(e));
  }
}

// ---- expressions ---------------------------------------------------------

static Node *or_test(Parser *P);
static Node *factor(Parser *P);
static void comp_for(Parser *P, PtrVec *generators);

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
  n->value = parse_expr(P);
  return n;
}

// test_or_star: test | star_expr   (an element of testlist_star_expr)
static Node *test_or_star(Parser *P) {
  return is_op(P, "*") ? star_expr(P) : parse_test(P);
}

// expr_or_star: expr | star_expr   (an element of exprlist)
Node *parse_expr_or_star(Parser *P) {
  return is_op(P, "*") ? star_expr(P) : parse_expr(P);
}

// exprlist: (expr|star_expr) (',' (expr|star_expr))* [',']
Node *parse_exprlist(Parser *P) {
  return comma_list(P, parse_expr_or_star, starts_expression);
}

// testlist: test (',' test)* [',']
Node *parse_testlist(Parser *P) {
  return comma_list(P, parse_test, starts_expression);
}

// testlist_star_expr: (test|star_expr) (',' (test|star_expr))* [',']
Node *parse_testlist_star_expr(Parser *P) {
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
    vec_push(P->a, &dict->values, parse_expr(P));
    return;
  }
  vec_push(P->a, &dict->keys, parse_test(P));
  expect(P, ":", "after dictionary key");
  vec_push(P->a, &dict->values, parse_test(P));
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
      vec_push(P->a, &n->values, parse_test(P));
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
    unsupported_syntax(P, P->tok, YIELD_MESSAGE);
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
    if (is_op(P, ":="))
      unsupported_syntax(P, P->tok, "assignment expressions (:=) are not "
                         "supported in kernels; assign the value on a line "
                         "of its own");
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
  if (is_op(P, "yield"))
    unsupported_syntax(P, t, YIELD_MESSAGE);
  if (is_op(P, "await") || is_op(P, "async"))
    unsupported_syntax(P, t, ASYNC_MESSAGE);
  error_expected(P, "an expression");
}

// subscript: test | [test] ':' [test] [sliceop]
// sliceop: ':' [test]
static Node *subscript(Parser *P) {
  Token *t = P->tok;
  Node *lower = NULL;
  if (!is_op(P, ":")) {
    lower = parse_test(P);
    if (!is_op(P, ":"))
      return lower;
  }
  Node *s = new_node(P->a, ND_SLICE, t);
  s->lower = lower;
  advance(P);  // ':'
  if (!is_op(P, ":") && !is_op(P, "]") && !is_op(P, ","))
    s->upper = parse_test(P);
  if (accept(P, ":") && !is_op(P, "]") && !is_op(P, ","))
    s->step = parse_test(P);
  return s;
}

// Can a subscript follow the comma here? `d[i, ]` ends at the ']'.
static bool starts_subscript(Parser *P) {
  return is_op(P, ":") || starts_expression(P);
}

// subscriptlist: subscript (',' subscript)* [',']    (d[j, i] is a Tuple)
static Node *subscriptlist(Parser *P) {
  return comma_list(P, subscript, starts_subscript);
}

// argument: ( test [comp_for] | test '=' test | '**' test | '*' test )
static void argument(Parser *P, Node *call) {
  if (is_op(P, "*")) {
    Node *n = new_node(P->a, ND_STARRED, advance(P));
    n->value = parse_test(P);
    vec_push(P->a, &call->args, n);
    return;
  }
  if (is_op(P, "**")) {
    Node *k = new_node(P->a, ND_KEYWORD, advance(P));
    k->value = parse_test(P); // name NULL: **mapping
    vec_push(P->a, &call->keywords, k);
    return;
  }
  Node *e = parse_test(P);
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
    k->value = parse_test(P);
    vec_push(P->a, &call->keywords, k);
  } else {
    if (call->keywords.len > 0)
      diag_error_node(P->d, e,
                      "positional argument follows keyword argument");
    vec_push(P->a, &call->args, e);
  }
}

// arglist: argument (',' argument)* [',']   (inside '(' ... ')')
void parse_arglist(Parser *P, Node *call) {
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
    parse_arglist(P, n);
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

// The operator (the current token) applied to `operand`, which recurses
// one level deeper: for factor and not_test, whose operand is themselves.
static Node *unary_op(Parser *P, Operator op, ParseFn *operand) {
  Node *n = new_node(P->a, ND_UNARYOP, advance(P));
  n->op = op;
  enter(P);
  n->value = operand(P);
  leave(P);
  return n;
}

// factor: ('+'|'-'|'~') factor | power
static Node *factor(Parser *P) {
  Operator op = is_op(P, "+")   ? OP_UADD
                : is_op(P, "-") ? OP_USUB
                : is_op(P, "~") ? OP_INVERT
                                : OP_NONE;
  return op == OP_NONE ? power(P) : unary_op(P, op, factor);
}

// Parses `operand (OP operand)*` for the operators in `ops` (ending in a
// NULL spelling), left-associative: a - b - c is (a - b) - c.
static Node *binary_level(Parser *P, ParseFn *operand, const BinaryOp *ops) {
  Node *left = operand(P);
  int links = 0, entered = 0;
  for (;;) {
    const BinaryOp *o = ops;
    while (o->spelling && !is_op(P, o->spelling))
      o++;
    if (!o->spelling)
      break;
    Token *t = advance(P);
    entered += enter_link(P, ++links);
    left = new_binop(P, t, o->op, left, operand(P));
  }
  P->depth -= entered;
  return left;
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
Node *parse_expr(Parser *P) {
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
  Node *left = parse_expr(P);
  Token *t = P->tok;
  Operator op = comp_op(P);
  if (op == OP_NONE)
    return left;
  Node *n = new_node(P->a, ND_COMPARE, t);
  n->left = left;
  do {
    vec_push(P->a, &n->ops, (void *)(intptr_t)op);
    vec_push(P->a, &n->comparators, parse_expr(P));
  } while ((op = comp_op(P)) != OP_NONE);
  return n;
}

// not_test: 'not' not_test | comparison
static Node *not_test(Parser *P) {
  return is_op(P, "not") ? unary_op(P, OP_NOT, not_test) : comparison(P);
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
  parse_varargslist(P, &n->args, ":", false);
  expect(P, ":", "after lambda parameters");
  n->value = parse_test(P);
  return n;
}

// test: or_test ['if' or_test 'else' test] | lambdef
Node *parse_test(Parser *P) {
  enter(P);
  Node *e = is_op(P, "lambda") ? lambdef(P) : or_test(P);
  if (e->kind != ND_LAMBDA && is_op(P, "if")) {
    Node *n = new_node(P->a, ND_IFEXP, advance(P));
    n->body_expr = e;
    n->test = or_test(P);
    expect(P, "else", "in conditional expression");
    n->orelse_expr = parse_test(P);
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
    c->target = parse_exprlist(P);
    parse_check_target(P, c->target, "assign to");
    expect(P, "in", "after the 'for' target in a comprehension");
    c->iter = or_test(P);
    while (accept(P, "if"))
      vec_push(P->a, &c->ifs, or_test(P));
    vec_push(P->a, generators, c);
  }
  if (is_op(P, "async"))
    unsupported_syntax(P, P->tok, ASYNC_MESSAGE);
}

