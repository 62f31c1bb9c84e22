// frontend.h - the map of frontend/: Python text in, typed program out.
//
// The frontend consumes a kernel file held in memory (name, text, length)
// and produces a Program: the kernel function, every function it calls and
// every module constant it reads, each expression carrying its inferred Type.
// That typed AST is the only thing the back ends (compiler/) ever see.
//
// The design decision a reader must know: inference makes every implicit
// conversion explicit. Where Python would mix int with float or float with
// complex, infer.c wraps the narrower operand in an ND_CONVERT node, so a
// back end never has to widen anything on its own: the operands of an
// arithmetic BinOp have the type of the BinOp (the exceptions are listed
// after NodeKind below), an assignment's value has the target's type, a call's
// arguments have the parameters' types and a return value the function's.
//
// Memory: one Arena per compilation owns every token, node, type and
// interned string. Errors longjmp back to the stage entry (see diag.c).
#ifndef MANDELC_FRONTEND_H
#define MANDELC_FRONTEND_H

#include <setjmp.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef struct Arena Arena;
typedef struct Token Token;
typedef struct Node Node;
typedef struct Type Type;
typedef struct Var Var;
typedef struct Func Func;
typedef struct Program Program;
typedef struct Diag Diag;

// ---- arena.c ---------------------------------------------------------------

// Limits on what the arena hands out, so no input can make mandelc allocate
// without bound. 1 GiB is far beyond any kernel file's needs (a 10 MB source
// file needs well under 200 MB) and well inside the machines we run on.
#define ARENA_MAX_BYTES ((size_t)1 << 30)

Arena *arena_new(void);
void arena_free(Arena *a);
// Zeroed memory owned by the arena; on exhausting ARENA_MAX_BYTES it reports
// "out of memory" through the arena's Diag (if set) and longjmps.
void *arena_alloc(Arena *a, size_t size);
char *arena_strndup(Arena *a, const char *s, size_t len);
char *arena_sprintf(Arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
// Interned identifiers: equal names come back as the same pointer.
const char *arena_intern(Arena *a, const char *s, size_t len);
// The Diag that arena_alloc reports exhaustion to (may be NULL).
void arena_set_diag(Arena *a, Diag *d);

// A growable vector of pointers living in the arena.
typedef struct {
  void **data;
  int len, cap;
} PtrVec;
void vec_push(Arena *a, PtrVec *v, void *item);

// ---- diag.c ----------------------------------------------------------------

// Where compile errors go. A stage entry does `if (setjmp(d->jmp)) return
// NULL;` and error functions longjmp there after printing. Output goes to the
// stream main.c passes in, never straight to stderr.
struct Diag {
  const char *file;  // name shown in messages
  const char *src;   // the whole source text, for quoting lines
  size_t len;
  FILE *out;         // where messages are printed; NULL: nowhere
  int nerrors;
  int max_errors;    // diag_error_soft stops (longjmps) after this many
  jmp_buf jmp;
  bool color;
  // When set, also handed each error and note (kind "error" or "note";
  // line 0: no position; the message without file or position).
  void (*sink)(void *ctx, const char *kind, int line, int col,
               const char *msg);
  void *sink_ctx;
};

void diag_init(Diag *d, const char *file, const char *src, size_t len,
               FILE *out);
// Prints `file:line:col: error: msg`, the source line and a caret, then
// longjmps to d->jmp. Line and column count from 1.
_Noreturn void diag_error_at(Diag *d, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
_Noreturn void diag_error_tok(Diag *d, const Token *t, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
_Noreturn void diag_error_node(Diag *d, const Node *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
// An error after which the stage may go on to find more; longjmps only once
// max_errors have been reported.
void diag_error_soft(Diag *d, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
// `file:line:col: note: msg` with the quoted line; no jump.
void diag_note_at(Diag *d, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
// Ends a stage that used diag_error_soft: longjmps if any error was seen.
void diag_check(Diag *d);
// Length of the valid UTF-8 sequence at s (n bytes available), or 0 when
// it is not one (overlong forms and surrogates included). Shared with lex.c.
int diag_utf8_length(const unsigned char *s, size_t n);

// ---- lex.c -----------------------------------------------------------------

#define TOKEN_KINDS(X)                                                    \
  X(TK_NAME, "name")                                                      \
  X(TK_INT, "integer")                                                    \
  X(TK_FLOAT, "float")                                                    \
  X(TK_IMAG, "imaginary number")                                          \
  X(TK_STRING, "string")                                                  \
  X(TK_OP, "operator") /* punctuation and operators: text in Token.text */ \
  X(TK_KEYWORD, "keyword")                                                \
  X(TK_NEWLINE, "newline")                                                \
  X(TK_INDENT, "indent")                                                  \
  X(TK_DEDENT, "dedent")                                                  \
  X(TK_EOF, "end of file")

typedef enum {
#define X(name, desc) name,
  TOKEN_KINDS(X)
#undef X
} TokenKind;

extern const char *const token_kind_names[];

struct Token {
  TokenKind kind;
  const char *text;  // interned spelling (for TK_STRING: the decoded value)
  int len;           // length of text (strings may hold NUL bytes)
  const char *file;
  int line, col;     // from 1
  union {
    int64_t ival;    // TK_INT (values past 64 bits are a diagnostic)
    double fval;     // TK_FLOAT, TK_IMAG (the imaginary part)
  };
  char str_prefix;   // TK_STRING: 'b' bytes, 'f' f-string, 0 plain str
  Token *next;
};

// Limits of the lexer, each a diagnostic rather than a crash.
#define LEX_MAX_SOURCE_BYTES ((size_t)16 << 20)  // 16 MiB: kernels are tiny
#define LEX_MAX_INDENT_DEPTH 100  // CPython's tokenizer allows 100 levels
#define LEX_MAX_BRACKET_DEPTH 200 // CPython's parser stack is 200 deep

// Text to tokens. Returns the first token (a list ending in TK_EOF), or NULL
// after reporting an error through d.
Token *lex_source(Arena *a, Diag *d, const char *file, const char *src,
                  size_t len);
// A kernel file's whole text, NUL-terminated, at most LEX_MAX_SOURCE_BYTES
// (malloc'd; *len its length); NULL with the reason in why ("cannot open
// PATH: ...", "PATH: file is larger than 16 MiB ...") for the caller to
// report: the command line prints it, the library returns it.
char *lex_read_file(const char *path, size_t *len, char *why, size_t whylen);
void lex_dump(FILE *out, const Token *tokens);
// Writes s as a Python string literal ('...' with escapes), for the printers.
void lex_dump_string(FILE *out, const char *s, int len);
bool tok_is(const Token *t, const char *op);  // TK_OP or TK_KEYWORD text

// ---- ast.c -----------------------------------------------------------------

// Node kinds use Python's ast names (CPython Parser/Python.asdl).
#define NODE_KINDS(X)                                                       \
  /* module and statements */                                               \
  X(ND_MODULE, "Module")         /* body */                                 \
  X(ND_FUNCTIONDEF, "FunctionDef") /* name, args, body, returns */          \
  X(ND_CLASSDEF, "ClassDef")     /* name, body (never compiled) */          \
  X(ND_RETURN, "Return")         /* value (may be NULL) */                  \
  X(ND_DELETE, "Delete")         /* targets (never compiled) */             \
  X(ND_ASSIGN, "Assign")         /* targets, value */                       \
  X(ND_AUGASSIGN, "AugAssign")   /* target, op, value */                    \
  X(ND_ANNASSIGN, "AnnAssign")   /* target, annotation, value (may be NULL) */\
  X(ND_FOR, "For")               /* target, iter, body, orelse */           \
  X(ND_WHILE, "While")           /* test, body, orelse */                   \
  X(ND_IF, "If")                 /* test, body, orelse */                   \
  X(ND_WITH, "With")             /* items (in args), body (never compiled) */\
  X(ND_RAISE, "Raise")           /* value (never compiled) */               \
  X(ND_TRY, "Try")               /* body, handlers, orelse, finalbody */    \
  X(ND_EXCEPTHANDLER, "ExceptHandler") /* test (type), name, body */        \
  X(ND_ASSERT, "Assert")         /* test, value (message) */                \
  X(ND_IMPORT, "Import")         /* names (in args: alias nodes) */         \
  X(ND_IMPORTFROM, "ImportFrom") /* module (name), names */                 \
  X(ND_GLOBAL, "Global")         /* names (in args: Name nodes) */          \
  X(ND_EXPR, "Expr")             /* value */                                \
  X(ND_PASS, "Pass")                                                        \
  X(ND_BREAK, "Break")                                                      \
  X(ND_CONTINUE, "Continue")                                                \
  X(ND_PRINT, "Print")           /* Python 2 statement: values, nl */       \
  X(ND_UNSUPPORTED, "Unsupported") /* name: why (never compiled; see parse.c)*/\
  /* expressions */                                                         \
  X(ND_BOOLOP, "BoolOp")         /* op (OP_AND/OP_OR), values */            \
  X(ND_BINOP, "BinOp")           /* left, op, right */                      \
  X(ND_UNARYOP, "UnaryOp")       /* op, operand */                          \
  X(ND_LAMBDA, "Lambda")         /* args, value (never compiled) */         \
  X(ND_IFEXP, "IfExp")           /* test, body (expr), orelse (expr) */     \
  X(ND_DICT, "Dict")             /* keys, values (never compiled) */        \
  X(ND_LISTCOMP, "ListComp")     /* elt, generators */                      \
  X(ND_COMPREHENSION, "comprehension") /* target, iter, ifs */              \
  X(ND_COMPARE, "Compare")       /* left, ops, comparators */               \
  X(ND_CALL, "Call")             /* func, args, keywords */                 \
  X(ND_KEYWORD, "keyword")       /* name (arg), value */                    \
  X(ND_CONSTANT, "Constant")     /* cval */                                 \
  X(ND_ATTRIBUTE, "Attribute")   /* value, name (attr) */                   \
  X(ND_SUBSCRIPT, "Subscript")   /* value, index (slice) */                 \
  X(ND_SLICE, "Slice")           /* lower, upper, step (never compiled) */  \
  X(ND_STARRED, "Starred")       /* value (never compiled) */               \
  X(ND_NAME, "Name")             /* name (id) */                            \
  X(ND_LIST, "List")             /* elts */                                 \
  X(ND_TUPLE, "Tuple")           /* elts */                                 \
  X(ND_ALIAS, "alias")           /* name, asname */                         \
  X(ND_ARG, "arg")               /* name, annotation, value (default) */    \
  /* added by infer.c */                                                    \
  X(ND_CONVERT, "Convert")       /* value widened to node->ty */

typedef enum {
#define X(name, pyname) name,
  NODE_KINDS(X)
#undef X
} NodeKind;

extern const char *const node_kind_names[];

// The typed AST, as infer.c leaves it (the ND_BINOP exceptions and more):
//   BinOp      both operands have the BinOp's type, except: list repetition
//              (`[v] * n`, `n * [v]`: the list keeps its type, n is an int),
//              `str % value` (only as a print argument; see Print) and the
//              shifts (both int anyway). `**` converts both operands like
//              any arithmetic (int ** int stays int; int ** negative
//              constant is float, both operands converted). `/` of ints
//              is a float whose operands stay ints (bools become ints):
//              CPython divides them exactly. & | ^ of two bools is a bool.
//   AugAssign  ty is the operation's type; the target already has it (a
//              variable widened to it, a list element must equal it) and
//              value is converted to it.
//   Compare    every operand of a chain has the chain's joined type,
//              except an int beside a float or complex (the join is float
//              or complex), which stays an int to be compared exactly; an
//              int constant within 2**53 is converted (exact anyway).
//   Conditions the test of If/While/IfExp, the operand of `not`, the ifs of
//              a comprehension, bool()'s argument, and each operand of
//              and/or inside such a test are bool: ND_CONVERT to bool is
//              the truth test (x != 0). and/or elsewhere has one number
//              type, every operand converted to it.
//   Attribute  .real/.imag only on complex values (typed float); on int and
//              float values infer.c rewrites x.real to x and x.imag to a
//              zero Constant. math.pi/e/tau/inf/nan become float Constants.
//   Call       builtin set for builtins, math functions and methods; args
//              converted: float() and math.* args are floats (math.floor/
//              ceil/trunc of an int is replaced by the int), complex(a, b)
//              two floats (or one complex), int() an int or float, round(x)
//              an int or float, round(x, n) a float and an int, min/max (2+
//              args) and pow all of the result type, divmod both of its
//              element type (returns tuple[T, T]). A For/comprehension over
//              range(...) has range_loop set and int args.
//   Print      values (and print() args) are numbers, bools, None, str
//              Constants or `str % x` / `str % (tuple)` BinOps typed str.
//   Tuple      tuples are values (variables, returns, unpacking, t[k] with a
//              constant k); a Tuple display assigned to a Tuple target is
//              converted element by element to the targets' types.

// Operators of BinOp, AugAssign, UnaryOp, BoolOp and Compare, with their
// Python spelling.
#define OPERATORS(X)            \
  X(OP_ADD, "+")                \
  X(OP_SUB, "-")                \
  X(OP_MUL, "*")                \
  X(OP_DIV, "/")                \
  X(OP_FLOORDIV, "//")          \
  X(OP_MOD, "%")                \
  X(OP_POW, "**")               \
  X(OP_LSHIFT, "<<")            \
  X(OP_RSHIFT, ">>")            \
  X(OP_BITOR, "|")              \
  X(OP_BITXOR, "^")             \
  X(OP_BITAND, "&")             \
  X(OP_MATMUL, "@")             \
  X(OP_UADD, "+")  /* unary */  \
  X(OP_USUB, "-")  /* unary */  \
  X(OP_NOT, "not") /* unary */  \
  X(OP_INVERT, "~") /* unary */ \
  X(OP_AND, "and")              \
  X(OP_OR, "or")                \
  X(OP_EQ, "==")                \
  X(OP_NOTEQ, "!=")             \
  X(OP_LT, "<")                 \
  X(OP_LTE, "<=")               \
  X(OP_GT, ">")                 \
  X(OP_GTE, ">=")               \
  X(OP_IS, "is")                \
  X(OP_ISNOT, "is not")         \
  X(OP_IN, "in")                \
  X(OP_NOTIN, "not in")

typedef enum {
  OP_NONE,
#define X(name, spelling) name,
  OPERATORS(X)
#undef X
} Operator;

extern const char *const operator_names[];  // indexed by Operator

typedef enum {
  CONST_NONE,
  CONST_BOOL,     // ival 0 or 1
  CONST_INT,      // ival
  CONST_FLOAT,    // fval
  CONST_COMPLEX,  // fval (real part, 0 from a literal) and imag
  CONST_STR,      // str, slen
  CONST_ELLIPSIS,
  CONST_BYTES,    // b'...': str, slen (never compiled)
  CONST_FSTRING,  // f'...': str, slen hold the template (never compiled)
} ConstKind;

typedef struct {
  ConstKind kind;
  int64_t ival;
  double fval, imag;
  const char *str;
  int slen;
} ConstValue;

// Calls the back ends know how to lower, found by infer.c for ND_CALL
// (Node.builtin) and for method calls on lists and complex numbers.
#define BUILTINS(X)                                          \
  X(BI_NONE, "")                                             \
  X(BI_ABS, "abs")                                           \
  X(BI_LEN, "len")                                           \
  X(BI_RANGE, "range")   /* only as a For iter / listcomp */ \
  X(BI_MIN, "min")                                           \
  X(BI_MAX, "max")                                           \
  X(BI_SUM, "sum")                                           \
  X(BI_INT, "int")                                           \
  X(BI_FLOAT, "float")                                       \
  X(BI_COMPLEX, "complex")                                   \
  X(BI_BOOL, "bool")                                         \
  X(BI_ROUND, "round")                                       \
  X(BI_POW, "pow")                                           \
  X(BI_DIVMOD, "divmod")                                     \
  X(BI_PRINT, "print")                                       \
  X(BI_APPEND, "append")       /* list.append(x) */          \
  X(BI_CONJUGATE, "conjugate") /* complex.conjugate() */     \
  X(BI_BIT_LENGTH, "bit_length") /* int.bit_length() */      \
  X(BI_MATH_SQRT, "math.sqrt")                               \
  X(BI_MATH_EXP, "math.exp")                                 \
  X(BI_MATH_LOG, "math.log")   /* 1 or 2 arguments */        \
  X(BI_MATH_LOG2, "math.log2")                               \
  X(BI_MATH_LOG10, "math.log10")                             \
  X(BI_MATH_SIN, "math.sin")                                 \
  X(BI_MATH_COS, "math.cos")                                 \
  X(BI_MATH_TAN, "math.tan")                                 \
  X(BI_MATH_ASIN, "math.asin")                               \
  X(BI_MATH_ACOS, "math.acos")                               \
  X(BI_MATH_ATAN, "math.atan")                               \
  X(BI_MATH_ATAN2, "math.atan2")                             \
  X(BI_MATH_SINH, "math.sinh")                               \
  X(BI_MATH_COSH, "math.cosh")                               \
  X(BI_MATH_TANH, "math.tanh")                               \
  X(BI_MATH_HYPOT, "math.hypot")                             \
  X(BI_MATH_FLOOR, "math.floor") /* returns int */           \
  X(BI_MATH_CEIL, "math.ceil")   /* returns int */           \
  X(BI_MATH_TRUNC, "math.trunc") /* returns int */           \
  X(BI_MATH_FABS, "math.fabs")                               \
  X(BI_MATH_POW, "math.pow")                                 \
  X(BI_MATH_FMOD, "math.fmod")                               \
  X(BI_MATH_COPYSIGN, "math.copysign")                       \
  X(BI_MATH_ISNAN, "math.isnan")                             \
  X(BI_MATH_ISINF, "math.isinf")                             \
  X(BI_MATH_ISFINITE, "math.isfinite")                       \
  X(BI_MATH_DEGREES, "math.degrees")                         \
  X(BI_MATH_RADIANS, "math.radians")

typedef enum {
#define X(name, pyname) name,
  BUILTINS(X)
#undef X
} Builtin;

extern const char *const builtin_names[];

// One node type for every kind; fields that only some kinds use sit under a
// comment naming them. `tok` is the representative token (for diagnostics
// and line numbers); `ty` is set by infer.c on every compiled expression.
struct Node {
  NodeKind kind;
  Token *tok;
  int line, col;  // copied from tok, from 1
  Type *ty;       // expressions, after inference

  // BinOp, AugAssign, UnaryOp, BoolOp
  Operator op;
  // BinOp, Compare (left), Subscript/Attribute/Starred/Return/Expr/AugAssign/
  // AnnAssign/keyword/Convert (value), UnaryOp (operand)
  Node *left, *right, *value;
  // If, While, IfExp, Assert; IfExp uses body_expr/orelse_expr
  Node *test;
  Node *body_expr, *orelse_expr;
  // Assign (targets), Delete (targets); For, AugAssign, AnnAssign,
  // comprehension (target)
  PtrVec targets;
  Node *target;
  // For, comprehension (iter)
  Node *iter;
  // FunctionDef, ClassDef, For, While, If, With, Try, ExceptHandler
  PtrVec body, orelse;
  PtrVec handlers, finalbody;  // Try
  // BoolOp (values), Print (values), Dict (values)
  PtrVec values;
  PtrVec keys;  // Dict
  // Compare: ops[i] (Operator, stored as intptr_t) and comparators
  PtrVec ops, comparators;
  // Call (func, args, keywords); FunctionDef/Lambda (args: ND_ARG nodes);
  // Import/ImportFrom (args: ND_ALIAS nodes); Global (args: ND_NAME nodes)
  Node *func;
  PtrVec args, keywords;
  // List, Tuple (elts); ListComp (elt, generators)
  PtrVec elts;
  Node *elt;
  PtrVec generators;
  PtrVec ifs;  // comprehension
  // FunctionDef (returns), arg/AnnAssign (annotation)
  Node *returns, *annotation;
  PtrVec decorators;  // FunctionDef, ClassDef
  // Subscript (index), Slice (lower, upper, step)
  Node *index, *lower, *upper, *step;
  // Name (id), Attribute (attr), FunctionDef/ClassDef, keyword (arg),
  // alias (name, asname), ImportFrom (module), ExceptHandler (name): interned
  const char *name, *asname;
  // Constant
  ConstValue cval;
  // Print: false when the statement ends in a comma (no newline)
  bool nl;

  // ---- filled in by infer.c ----
  Var *var;          // Name: the variable it names (NULL for math etc.)
  Func *callee;      // Call: a user function
  Builtin builtin;   // Call: a builtin, method or math function
  bool range_loop;   // For / comprehension over range(...): iter is the Call
  // For: set by compiler/parallel.c when the loop is the list kernel's
  // outer loop and its iterations are independent
  bool parallel;
  // Name read (or AugAssign target) of a local that some path may reach
  // unassigned (infer_bound.c): the back ends test Var.needs_flag's flag
  // here and raise UnboundLocalError, as CPython does
  bool maybe_unbound;
};

Node *new_node(Arena *a, NodeKind kind, Token *tok);
// --emit=ast: an indented tree, one node a line, with line:col.
void ast_dump(FILE *out, const Node *module);

// ---- parse.c ---------------------------------------------------------------
//
// parse.c reads statements and is the entry; parse_expr.c reads
// expressions. They share the private parse_internal.h.

#define PARSE_MAX_DEPTH 200  // nested expressions/blocks, as CPython's parser

// Tokens to a Module node, or NULL after reporting through d. The whole file
// is parsed; only what the kernel reaches must be inside the subset.
Node *parse_module(Arena *a, Diag *d, Token *tokens);

// ---- types -----------------------------------------------------------------

typedef enum {
  TY_NONE,     // None / no value
  TY_BOOL,
  TY_INT,      // 64-bit, overflow raises OverflowError
  TY_FLOAT,    // IEEE double
  TY_COMPLEX,  // two doubles
  TY_STR,      // literal strings, for printing
  TY_LIST,     // elem
  TY_TUPLE,    // items, nitems (packing and unpacking only)
} TypeKind;

struct Type {
  TypeKind kind;
  Type *elem;     // TY_LIST
  Type **items;   // TY_TUPLE
  int nitems;
};

// Shared, immutable instances of the scalar types.
extern Type ty_none, ty_bool, ty_int, ty_float, ty_complex, ty_str;
Type *type_list(Arena *a, Type *elem);
Type *type_tuple(Arena *a, Type **items, int n);
bool type_equal(const Type *x, const Type *y);
bool type_is_number(const Type *t);  // bool, int, float, complex
// "int", "float", "list[complex]", "tuple[int, float]"
const char *type_name(Arena *a, const Type *t);

// ---- select.c --------------------------------------------------------------

// The kernel forms of docs/language.md §3. Their parameters are bound by
// role (type first, then name and position): the binding chars below.
typedef enum {
  FORM_LIST,         // lists of points (and starts), the limit; returns
                     // list[int] or fills an output list[int]
  FORM_GRID,         // f(xs, ys, maxiter) -> list[list[int]]
  FORM_POINT_C,      // f(c, maxiter) -> int
  FORM_POINT_XY,     // f(x, y, maxiter) -> int
  FORM_CALL,         // no driver: called through the library
                     // (mandelc.h) with the annotations' types; the
                     // result's type is annotated or inferred
} KernelForm;

typedef struct {
  Node *def;         // the FunctionDef (a chunk kernel's, rewritten)
  KernelForm form;
  // For each kernel parameter (in declaration order), the driver value it is
  // bound to: 'q' (points), 'z' (start), 'm' (maxiter), 'x' (xs or x), 'y'
  // (ys or y), 'c' (one point), 'o' (an output list[int] of zeros that the
  // kernel fills and the driver sums).
  char binding[8];
  int nparams;
  // The kernel took one tuple, `chunk`, unpacked by its first statement:
  // def now takes the tuple's items as its parameters (NULL otherwise).
  const char *chunk;
} KernelChoice;

// What the command line says about the choice.
typedef struct {
  const char *kernel;  // --kernel=NAME, or NULL
  const char *bind;    // --bind's ROLE=PARAM,... text, or NULL
} SelectOptions;

typedef enum {
  SELECT_OK,
  SELECT_ERROR,       // reported as a compile error (exit 1)
  SELECT_BAD_OPTION,  // --bind cannot apply: reported, exit 2
} SelectResult;

// Picks the kernel and binds its parameters. Reports an error naming every
// function, its parameters' types and why it did not bind when there is
// none or several.
SelectResult select_kernel_with(Diag *d, Node *module,
                                const SelectOptions *opt, KernelChoice *out);
// The library's choice (FORM_CALL): the function `name` (NULL: the file's
// only top-level function), every parameter annotated. False after a
// diagnostic.
bool select_call(Diag *d, Node *module, const char *name, KernelChoice *out);
// select_kernel_with without --bind.
bool select_kernel(Diag *d, Node *module, const char *name, KernelChoice *out);
const char *select_form_name(KernelForm form);
// "zs <- z (start), cs <- q (points), maxiter <- MAXITER", for -v and --json.
const char *select_binding_text(Arena *a, const KernelChoice *c);

// ---- infer.c ---------------------------------------------------------------
//
// infer.c is the entry and the fixed point; the rest of inference is in
// infer_scope.c (what the module binds), infer_reach.c (step 1: functions,
// locals, the subset check), infer_expr.c, infer_call.c and infer_stmt.c
// (typing expressions, calls and statements). They share the private
// infer_internal.h; only what follows is visible outside.

typedef enum {
  VAR_LOCAL,
  VAR_PARAM,
  VAR_CONST,  // a module constant: `value` is its (constant) expression
} VarKind;

struct Var {
  const char *name;  // interned
  VarKind kind;
  Type *ty;
  Node *def;         // where its type was fixed (for --emit=types, notes)
  Node *value;       // VAR_CONST: the defining expression, typed
  int index;         // VAR_LOCAL/VAR_PARAM: index in Func.vars
  Func *func;        // owner (NULL for VAR_CONST)
  // Some read may find it unassigned (a Node.maybe_unbound names it): it
  // carries an "assigned" flag, false on entry and set by every store
  bool needs_flag;
};

struct Func {
  const char *name;  // interned
  Node *def;         // FunctionDef
  Var **params;      // also the first nparams entries of vars
  int nparams;
  PtrVec vars;       // Var*: params, then locals in order of first assignment
  Type *ret;         // TY_NONE when it returns nothing
  bool is_kernel;
  bool recursive;    // calls itself, directly or not
};

struct Program {
  const char *file;
  Node *module;
  Func *kernel;
  KernelChoice choice;
  PtrVec funcs;      // Func*: the kernel first, then every function it reaches
  PtrVec consts;     // Var*: module constants read by compiled code
  bool uses_print;   // some compiled function prints
};

// Types the kernel and everything it reaches, starting from the parameter
// types the driver binds (list[complex] for q, int for maxiter, ...) or the
// annotations. Returns NULL after reporting type errors through d.
Program *infer_program(Arena *a, Diag *d, Node *module,
                       const KernelChoice *choice);
// --emit=types: each function's signature, then each local with its type and
// the line that fixed it.
void infer_dump(FILE *out, Arena *a, const Program *p);

#endif
