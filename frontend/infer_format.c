// infer_format.c - f-strings, str.format() and str()/repr() as print's
// arguments, cut into the pieces print already writes.
//
// f"z = {z}, |z| = {abs(z):8.3f}" is the text "z = ", the value z (which
// print writes as str() writes it), the text ", |z| = " and the %-format
// "%8.3f" % abs(z). Step 1 cuts the f-string (or the constant format
// string of "...".format(...)) into such pieces (infer_format_pieces) and
// infer_sugar.c prints them one by one; a piece with a format spec keeps
// the spec until its value is typed, when infer_format_spec turns it into
// the %-directive CPython's format() matches for that type, or refuses it
// by name. str(x) and repr(x) of a number are the value itself.
#include <setjmp.h>
#include <string.h>

#include "infer_internal.h"

typedef struct {
  Infer *in;
  Node *at;       // the string, for messages and positions
  PtrVec *out;    // the pieces
} Pieces;

static Node *text(Pieces *p, const char *s, int len) {
  Node *n = new_node(p->in->a, ND_CONSTANT, p->at->tok);
  n->cval = (ConstValue){.kind = CONST_STR, .str = s, .slen = len};
  return n;
}

// A value formatted by spec: a BinOp `spec % value` whose left operand
// holds the spec text as a CONST_FSTRING until infer_format_spec.
static Node *spec_piece(Pieces *p, Node *value, const char *spec, int len) {
  Node *s = new_node(p->in->a, ND_CONSTANT, p->at->tok);
  s->cval = (ConstValue){.kind = CONST_FSTRING, .str = spec, .slen = len};
  Node *b = new_node(p->in->a, ND_BINOP, p->at->tok);
  b->op = OP_MOD;
  b->left = s;
  b->right = value;
  return b;
}

// The expression text of a field, parsed where it stands in the file: the
// text is wrapped in parentheses after as many newlines and spaces as put
// it at its line and column, so tokens and messages have its position.
static Node *parse_field(Pieces *p, const char *src, int len, int offset) {
  Infer *in = p->in;
  int line = p->at->line, col = p->at->col + 2 + offset;
  int pad = col > 2 ? col - 2 : 0;
  size_t n = (size_t)(line - 1) + 1 + (size_t)pad + (size_t)len + 2;
  char *buf = arena_alloc(in->a, n + 1);
  size_t k = 0;
  for (int i = 1; i < line; i++)
    buf[k++] = '\n';
  buf[k++] = '(';
  memset(buf + k, ' ', (size_t)pad);
  k += (size_t)pad;
  memcpy(buf + k, src, (size_t)len);
  k += (size_t)len;
  buf[k++] = ')';
  buf[k++] = '\n';
  jmp_buf saved;
  memcpy(saved, in->d->jmp, sizeof saved);
  Token *toks = lex_source(in->a, in->d, p->at->tok->file, buf, k);
  Node *m = toks ? parse_module(in->a, in->d, toks) : NULL;
  memcpy(in->d->jmp, saved, sizeof saved);
  if (!m)
    longjmp(in->d->jmp, 1);
  if (m->body.len != 1 || ((Node *)m->body.data[0])->kind != ND_EXPR)
    diag_error_node(in->d, p->at, "f-string: expecting an expression");
  return ((Node *)m->body.data[0])->value;
}

// Where the field that starts at s[i] (after '{') ends its expression: at
// a top-level '!', ':', '=' (before '}', '!' or ':') or '}'.
static int field_end(const char *s, int len, int i) {
  int depth = 0;
  char quote = 0;
  for (; i < len; i++) {
    char c = s[i];
    if (quote) {
      if (c == quote)
        quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (strchr("([{", c)) {
      depth++;
    } else if (strchr(")]", c) || (c == '}' && depth > 0)) {
      depth--;
    } else if (depth == 0 && (c == '}' || c == ':')) {
      return i;
    } else if (depth == 0 && c == '!' && i + 1 < len && s[i + 1] != '=') {
      return i;
    } else if (depth == 0 && c == '=' && i + 1 < len &&
               strchr("}!:", s[i + 1]) && i > 0 && !strchr("=!<>", s[i - 1])) {
      return i;
    }
  }
  return len;
}

// The field {expr[=][!conv][:spec]} at s[i] (after '{'); returns the index
// after its '}'. values (for str.format) replaces the expression by an
// argument: auto is the next automatic index.
static int field(Pieces *p, const char *s, int len, int i, PtrVec *args,
                 int *autonum) {
  Infer *in = p->in;
  int e = field_end(s, len, i);
  Node *value;
  if (args) {
    int idx = *autonum;
    if ((e > i && *autonum > 0) || (e == i && *autonum < 0))
      diag_error_node(in->d, p->at, "cannot switch from %s field numbering "
                      "to %s field specification",
                      e > i ? "automatic" : "manual",
                      e > i ? "manual" : "automatic");
    if (e > i) {
      *autonum = -1;
      idx = 0;
      for (int k = i; k < e; k++) {
        if (s[k] < '0' || s[k] > '9')
          diag_error_node(in->d, p->at, "format fields other than {} and "
                          "{0}, {1}, ... are not supported in kernels");
        idx = idx * 10 + (s[k] - '0');
      }
    } else {
      (*autonum)++;
    }
    if (idx >= args->len)
      diag_error_node(in->d, p->at, "Replacement index %d out of range for "
                      "positional args tuple", idx);
    value = args->data[idx];
  } else {
    if (e == i)
      diag_error_node(in->d, p->at, "f-string: valid expression required "
                      "before '}'");
    value = parse_field(p, s + i, e - i, i);
  }
  bool self_doc = !args && e < len && s[e] == '=';
  if (self_doc) {  // f"{x=}": the text, then repr(x)
    vec_push(in->a, p->out, text(p, s + i, e + 1 - i));
    e++;
  }
  if (e < len && s[e] == '!') {
    if (e + 1 >= len || !strchr("rs", s[e + 1]))
      diag_error_node(in->d, p->at, "only the conversions !r and !s are "
                      "supported in kernels");
    e += 2;  // str() and repr() of a number are the same text
  }
  int spec = e, spec_end = e;
  if (e < len && s[e] == ':') {
    spec = e + 1;
    spec_end = spec;
    while (spec_end < len && s[spec_end] != '}') {
      if (s[spec_end] == '{')
        diag_error_node(in->d, p->at, "a nested field in a format spec is "
                        "not supported in kernels; write the width and "
                        "precision as numbers");
      spec_end++;
    }
    e = spec_end;
  }
  if (e >= len || s[e] != '}')
    diag_error_node(in->d, p->at, "f-string: expecting '}'");
  if (spec_end > spec)
    vec_push(in->a, p->out, spec_piece(p, value, s + spec, spec_end - spec));
  else
    vec_push(in->a, p->out, value);
  return e + 1;
}

// Cuts a format string into texts and fields ({{ and }} are braces).
static void cut(Pieces *p, const char *s, int len, PtrVec *args) {
  Infer *in = p->in;
  int autonum = 0;
  char *buf = arena_alloc(in->a, (size_t)len + 1);
  int blen = 0;
  for (int i = 0; i < len;) {
    char c = s[i];
    if ((c == '{' || c == '}') && i + 1 < len && s[i + 1] == c) {
      buf[blen++] = c;
      i += 2;
    } else if (c == '}') {
      diag_error_node(in->d, p->at, "f-string: single '}' is not allowed");
    } else if (c == '{') {
      if (blen > 0)
        vec_push(in->a, p->out, text(p, buf, blen));
      buf = arena_alloc(in->a, (size_t)len + 1);
      blen = 0;
      i = field(p, s, len, i + 1, args, &autonum);
    } else {
      buf[blen++] = c;
      i++;
    }
  }
  if (blen > 0)
    vec_push(in->a, p->out, text(p, buf, blen));
}

bool infer_format_pieces(Infer *in, Node *arg, PtrVec *out) {
  Pieces p = {.in = in, .at = arg, .out = out};
  if (arg->kind == ND_CONSTANT && arg->cval.kind == CONST_FSTRING) {
    cut(&p, arg->cval.str, arg->cval.slen, NULL);
    return true;
  }
  if (arg->kind != ND_CALL)
    return false;
  Node *f = arg->func;
  if (f->kind == ND_ATTRIBUTE && !strcmp(f->name, "format") &&
      is_str_constant(f->value)) {
    p.at = f->value;
    if (arg->keywords.len > 0)
      diag_error_node(in->d, arg->keywords.data[0], "keyword arguments of "
                      "str.format() are not supported in kernels; pass "
                      "them by position");
    cut(&p, f->value->cval.str, f->value->cval.slen, &arg->args);
    return true;
  }
  if (f->kind == ND_NAME && (!strcmp(f->name, "str") ||
                             !strcmp(f->name, "repr")) &&
      arg->args.len == 1 && arg->keywords.len == 0 &&
      !infer_find_def(in, f->name)) {
    vec_push(in->a, out, arg->args.data[0]);
    return true;
  }
  return false;
}

// ---- format specs ----------------------------------------------------------

// [[fill]align][sign][z][#][0][width][grouping][.precision][type], the
// format spec mini-language of CPython's format().
typedef struct {
  char fill, align, sign, type;
  bool alt, zero, z, grouping;
  int width, prec;  // -1 when absent
} Spec;

static bool parse_spec(const char *s, int len, Spec *sp) {
  *sp = (Spec){.width = -1, .prec = -1};
  int i = 0;
  if (len >= 2 && strchr("<>=^", s[1])) {
    sp->fill = s[0];
    sp->align = s[1];
    i = 2;
  } else if (len >= 1 && strchr("<>=^", s[0])) {
    sp->align = s[0];
    i = 1;
  }
  if (i < len && strchr("+- ", s[i]))
    sp->sign = s[i++];
  if (i < len && s[i] == 'z')
    sp->z = true, i++;
  if (i < len && s[i] == '#')
    sp->alt = true, i++;
  if (i < len && s[i] == '0')
    sp->zero = true, i++;
  for (; i < len && s[i] >= '0' && s[i] <= '9'; i++)
    sp->width = (sp->width < 0 ? 0 : sp->width * 10) + (s[i] - '0');
  if (i < len && (s[i] == ',' || s[i] == '_'))
    sp->grouping = true, i++;
  if (i < len && s[i] == '.') {
    sp->prec = 0;
    if (++i >= len || s[i] < '0' || s[i] > '9')
      return false;
    for (; i < len && s[i] >= '0' && s[i] <= '9'; i++)
      sp->prec = sp->prec * 10 + (s[i] - '0');
  }
  if (i < len)
    sp->type = s[i++];
  return i == len && sp->width < 10000 && sp->prec < 10000;
}

void infer_format_spec(Infer *in, Node *n) {
  Type *t = infer_expr(in, &n->right);
  if (!t)
    return;
  Node *fmt = n->left;
  Spec sp;
  const char *spec = arena_strndup(in->a, fmt->cval.str,
                                   (size_t)fmt->cval.slen);
  if (!parse_spec(fmt->cval.str, fmt->cval.slen, &sp))
    diag_error_node(in->d, n, "Invalid format specifier '%s'", spec);
  bool integer = t->kind == TY_INT || t->kind == TY_BOOL;
  bool floating = t->kind == TY_FLOAT;
  if (!integer && !floating)
    diag_error_node(in->d, n, "the format spec '%s' of %s is not "
                    "supported in kernels; format numbers with int or float "
                    "specs, or print the value itself", spec,
                    type_name(in->a, t));
  char type = sp.type;
  const char *why = NULL;
  bool zero_fill = sp.align == '=' && (sp.fill == '0' ||
                                       (!sp.fill && sp.zero));
  if (sp.align == '^' || (sp.align == '=' && !zero_fill) ||
      (sp.align && sp.fill && sp.fill != ' ' && !zero_fill))
    why = "centring, '=' and fill characters other than '0'";
  else if (sp.z || sp.grouping)
    why = "'z', ',' and '_'";
  else if (type && !strchr("dxXoeEfFgG", type))
    why = "this presentation type";
  else if (integer && type && strchr("dxXo", type) && sp.prec >= 0)
    diag_error_node(in->d, n, "Precision not allowed in integer format "
                    "specifier");
  else if (floating && type && strchr("dxXo", type))
    diag_error_node(in->d, n, "Unknown format code '%c' for object of type "
                    "'float'", type);
  else if (floating && !type && (sp.prec >= 0 || sp.sign || sp.zero ||
                                 sp.alt || sp.align == '='))
    why = "a float spec without a type but with a precision, sign or '0'";
  else if (sp.zero && sp.align && sp.align != '=')
    why = "'0' with an alignment";
  if (why)
    diag_error_node(in->d, n, "%s in a format spec ('%s') %s not supported "
                    "in kernels", why, spec,
                    strchr(why, ',') || strstr(why, "and") ? "are" : "is");
  char *d = arena_alloc(in->a, 40);
  int k = 0;
  d[k++] = '%';
  if (sp.align == '<')
    d[k++] = '-';
  if (sp.sign && sp.sign != '-')
    d[k++] = sp.sign;
  if (sp.alt)
    d[k++] = '#';
  if (sp.zero || zero_fill)
    d[k++] = '0';
  if (sp.width >= 0)
    k += sprintf(d + k, "%d", sp.width);
  if (sp.prec >= 0)
    k += sprintf(d + k, ".%d", sp.prec);
  d[k++] = type ? type : integer ? 'd' : 's';
  fmt->cval = (ConstValue){.kind = CONST_STR, .str = d, .slen = k};
}
