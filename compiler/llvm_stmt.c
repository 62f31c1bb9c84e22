// llvm_stmt.c - statements, loops and the outlined parallel loop.
//
// Every variable lives in an alloca of the entry block; statements store to
// it and mem2reg/SROA turn it into registers. Loops over range() and lists
// share one skeleton (ll_iterate) with break, continue and else. The list
// kernel's outer loop, once compiler/parallel.c marked it, is outlined into
// NAME.body(env, ctx, lo, hi) and run by rt_parallel_for.
#include "llvm_lower.h"

// ---- loops ------------------------------------------------------------------

static void assign_to(Lower *L, Node *target, LLVMValueRef v, Type *vty);

// range(start, stop, step): the arguments evaluated once, in order; the
// number of iterations computed as CPython's compute_range_length does
// (in unsigned arithmetic, so no bound near INT64_MIN/MAX overflows).
static void range_bounds(Lower *L, Node *call, LLVMValueRef *start,
                         LLVMValueRef *step, LLVMValueRef *count) {
  LLVMValueRef a[3];
  int n = call->args.len;
  for (int i = 0; i < n && i < 3; i++) {
    Node *e = call->args.data[i];
    a[i] = ll_convert(L, ll_expr(L, e), e->ty, &ty_int);
  }
  at(L, call);
  *start = n >= 2 ? a[0] : i64c(L, 0);
  LLVMValueRef stop = n >= 2 ? a[1] : a[0];
  *step = n == 3 ? a[2] : i64c(L, 1);
  ll_check(L, icmp(L, LLVMIntEQ, *step, i64c(L, 0)), RT_EXC_VALUE, call->line,
           MSG_RANGE_STEP);
  // up: start < stop ? (stop - start - 1) / step + 1 : 0, and the mirror
  // image for a negative step.
  LLVMValueRef one = i64c(L, 1);
  LLVMValueRef up_len = LLVMBuildAdd(
      L->b,
      LLVMBuildUDiv(L->b,
                    LLVMBuildSub(L->b, LLVMBuildSub(L->b, stop, *start, ""),
                                 one, ""),
                    *step, ""),
      one, "");
  LLVMValueRef up = LLVMBuildSelect(L->b, icmp(L, LLVMIntSLT, *start, stop),
                                    up_len, i64c(L, 0), "");
  LLVMValueRef down_len = LLVMBuildAdd(
      L->b,
      LLVMBuildUDiv(L->b,
                    LLVMBuildSub(L->b, LLVMBuildSub(L->b, *start, stop, ""),
                                 one, ""),
                    LLVMBuildNeg(L->b, *step, ""), ""),
      one, "");
  LLVMValueRef down = LLVMBuildSelect(L->b, icmp(L, LLVMIntSGT, *start, stop),
                                      down_len, i64c(L, 0), "");
  *count = LLVMBuildSelect(L->b, icmp(L, LLVMIntSGT, *step, i64c(L, 0)), up,
                           down, "n");
}

void ll_iterate(Lower *L, const Iter *it, Node *target, LoopFn fn, void *arg,
                PtrVec *orelse) {
  LLVMBasicBlockRef pre = LLVMGetInsertBlock(L->b);
  LLVMBasicBlockRef head = new_block(L, "loop"), body = new_block(L, "body");
  LLVMBasicBlockRef cont = new_block(L, "next"), other = new_block(L, "else");
  LLVMBasicBlockRef exit = new_block(L, "endloop");
  LLVMBuildBr(L->b, head);
  move_to(L, head);
  LLVMValueRef k = LLVMBuildPhi(L->b, L->t_i64, "k");
  LLVMValueRef more =
      it->is_range ? icmp(L, LLVMIntULT, k, it->count)
                   : icmp(L, LLVMIntSLT, k, ll_list_len(L, it->list));
  LLVMBuildCondBr(L->b, more, body, other);
  move_to(L, body);
  LLVMValueRef item;
  if (it->is_range) {
    item = LLVMBuildAdd(L->b, it->start, LLVMBuildMul(L->b, k, it->step, ""),
                        "");
  } else {
    LLVMValueRef p = LLVMBuildGEP2(L->b, ll_elem_type(L, it->elem),
                                   ll_list_data(L, it->list), &k, 1, "");
    item = ll_load_item(L, p, it->elem);
  }
  if (target)
    assign_to(L, target, item, it->elem);
  Loop loop = {.brk = exit, .cont = cont, .outer = L->fs->loop};
  L->fs->loop = &loop;
  fn(L, item, arg);
  L->fs->loop = loop.outer;
  branch_to(L, cont);
  move_to(L, cont);
  LLVMValueRef k1 = LLVMBuildNUWAdd(L->b, k, i64c(L, 1), "");
  LLVMBuildBr(L->b, head);
  LLVMValueRef vals[2] = {it->first ? it->first : i64c(L, 0), k1};
  LLVMBasicBlockRef bbs[2] = {pre, cont};
  LLVMAddIncoming(k, vals, bbs, 2);
  move_to(L, other);
  if (orelse)
    ll_stmts(L, orelse);
  branch_to(L, exit);
  move_to(L, exit);
}

// Evaluates what a For or comprehension iterates over: range(...) (when
// infer.c set range_loop) or a list.
void ll_open_iter(Lower *L, Node *iter, bool range_loop, Iter *it) {
  memset(it, 0, sizeof *it);
  it->is_range = range_loop;
  if (range_loop) {
    range_bounds(L, iter, &it->start, &it->step, &it->count);
    it->elem = &ty_int;
    return;
  }
  if (kind_of(iter->ty) != TY_LIST)
    diag_error_node(L->d, iter, "iterating over %s is not supported; use a "
                    "list or range()", type_name(L->a, iter->ty));
  it->list = ll_expr(L, iter);
  it->elem = iter->ty->elem;
}

// The list argument of sum/min/max, as an Iter.
void ll_open_list(Lower *L, Node *n, Iter *it) {
  ll_open_iter(L, n, false, it);
}

// ---- statements -------------------------------------------------------------

// Stores v (of type vty) to an assignment target: a name, a list item
// (its list and index evaluated now, after the value, as Python does) or
// a tuple of targets.
static void assign_to(Lower *L, Node *target, LLVMValueRef v, Type *vty) {
  switch (target->kind) {
  case ND_NAME: {
    Var *var = target->var;
    if (!var || var->kind == VAR_CONST)
      diag_error_node(L->d, target, "cannot assign to '%s' here",
                      target->name);
    LLVMBuildStore(L->b, ll_convert(L, v, vty, var->ty),
                   L->fs->slots[var->index]);
    ll_set_bound(L, var);
    return;
  }
  case ND_SUBSCRIPT: {
    ll_expect_list(L, target->value);
    LLVMValueRef l = ll_expr(L, target->value);
    Node *ix = target->index;
    LLVMValueRef i = ll_convert(L, ll_expr(L, ix), ix->ty, &ty_int);
    at(L, target);
    Type *elem = target->value->ty->elem;
    ll_store_item(
        L, ll_list_item_ptr(L, l, i, elem, target->line, MSG_INDEX_ASSIGN),
        ll_convert(L, v, vty, elem), elem);
    return;
  }
  case ND_TUPLE:
  case ND_LIST:
    if (kind_of(vty) == TY_TUPLE && vty->nitems == target->elts.len) {
      for (int i = 0; i < target->elts.len; i++)
        assign_to(L, target->elts.data[i],
                  LLVMBuildExtractValue(L->b, v, (unsigned)i, ""),
                  vty->items[i]);
      return;
    }
    break;
  default: break;
  }
  diag_error_node(L->d, target, "this assignment target is not supported");
}

// `t op= v`: a list item's list and index are evaluated once, the item
// read, v evaluated, and the result stored back (re-checking the index,
// since v may have changed the list).
static void augassign(Lower *L, Node *s) {
  Node *t = s->target, *val = s->value;
  if (t->kind == ND_NAME && t->var && t->var->kind != VAR_CONST) {
    LLVMValueRef slot = L->fs->slots[t->var->index];
    Type *ty = t->var->ty;
    ll_check_bound(L, t);
    LLVMValueRef cur = LLVMBuildLoad2(L->b, ll_type(L, ty), slot, t->name);
    LLVMValueRef v = ll_expr(L, val);
    at(L, s);
    LLVMBuildStore(L->b, ll_arith(L, s->op, cur, ty, v, val->ty, ty, s->line),
                   slot);
    return;
  }
  if (t->kind != ND_SUBSCRIPT)
    diag_error_node(L->d, t, "this augmented assignment is not supported");
  ll_expect_list(L, t->value);
  LLVMValueRef l = ll_expr(L, t->value);
  LLVMValueRef i = ll_convert(L, ll_expr(L, t->index), t->index->ty, &ty_int);
  at(L, t);
  Type *elem = t->value->ty->elem;
  LLVMValueRef cur = ll_load_item(
      L, ll_list_item_ptr(L, l, i, elem, t->line, MSG_INDEX), elem);
  LLVMValueRef v = ll_expr(L, val);
  at(L, s);
  LLVMValueRef r = ll_arith(L, s->op, cur, elem, v, val->ty, elem, s->line);
  ll_store_item(L, ll_list_item_ptr(L, l, i, elem, t->line, MSG_INDEX_ASSIGN),
                r, elem);
}

static void run_body(Lower *L, LLVMValueRef item, void *arg) {
  (void)item;
  ll_stmts(L, arg);
}

// Whether a loop's body holds another loop.
static bool has_loop(PtrVec *body) {
  for (int i = 0; i < body->len; i++) {
    Node *s = body->data[i];
    if (s->kind == ND_FOR || s->kind == ND_WHILE ||
        (s->kind == ND_IF && (has_loop(&s->body) || has_loop(&s->orelse))))
      return true;
  }
  return false;
}

// A cancel (rt_poll) stops a serial loop at the head of an iteration when
// the iteration runs a loop of its own: a point's escape loop is never
// slowed, and a run stops within one point's work. (Parallel loops stop
// between chunks, in the workers.)
static void poll_cancel(Lower *L, PtrVec *body) {
  if (!has_loop(body))
    return;
  ll_rt(L, "rt_poll", 1, L->fs->ctx);
  ll_check_exc(L);
}

static void run_polled_body(Lower *L, LLVMValueRef item, void *arg) {
  poll_cancel(L, arg);
  run_body(L, item, arg);
}

static void emit_parallel_for(Lower *L, Node *s);
static bool can_outline(Node *s);

// A function with "assigned" flags runs its loops serially: the outlined
// body would need its own copy of each flag.
static void for_stmt(Lower *L, Node *s) {
  if (s->parallel && s->range_loop && can_outline(s) &&
      !ll_needs_flags(L->fs->func)) {
    emit_parallel_for(L, s);
    return;
  }
  Iter it;
  ll_open_iter(L, s->iter, s->range_loop, &it);
  ll_iterate(L, &it, s->target, run_polled_body, &s->body, &s->orelse);
}

static void while_stmt(Lower *L, Node *s) {
  LLVMBasicBlockRef head = new_block(L, "while"), body = new_block(L, "body");
  LLVMBasicBlockRef other = new_block(L, "else");
  LLVMBasicBlockRef exit = new_block(L, "endwhile");
  LLVMBuildBr(L->b, head);
  move_to(L, head);
  LLVMBuildCondBr(L->b, ll_truth(L, ll_expr(L, s->test), s->test->ty), body,
                  other);
  move_to(L, body);
  Loop loop = {.brk = exit, .cont = head, .outer = L->fs->loop};
  L->fs->loop = &loop;
  poll_cancel(L, &s->body);
  ll_stmts(L, &s->body);
  L->fs->loop = loop.outer;
  branch_to(L, head);
  move_to(L, other);
  ll_stmts(L, &s->orelse);
  branch_to(L, exit);
  move_to(L, exit);
}

static void if_stmt(Lower *L, Node *s) {
  LLVMBasicBlockRef yes = new_block(L, "then"), no = new_block(L, "else");
  LLVMBasicBlockRef done = new_block(L, "endif");
  LLVMBuildCondBr(L->b, ll_truth(L, ll_expr(L, s->test), s->test->ty), yes, no);
  move_to(L, yes);
  ll_stmts(L, &s->body);
  branch_to(L, done);
  move_to(L, no);
  ll_stmts(L, &s->orelse);
  branch_to(L, done);
  move_to(L, done);
}

static void return_stmt(Lower *L, Node *s) {
  if (s->value) {
    LLVMValueRef v = ll_expr(L, s->value);
    at(L, s);
    if (L->fs->ret_slot)
      LLVMBuildStore(L->b, ll_convert(L, v, s->value->ty, L->fs->ret),
                     L->fs->ret_slot);
  }
  LLVMBuildBr(L->b, L->fs->ret_bb);
  ll_start_dead_block(L);
}

static void jump_stmt(Lower *L, Node *s) {
  if (!L->fs->loop)
    diag_error_node(L->d, s, "'%s' outside a loop",
                    s->kind == ND_BREAK ? "break" : "continue");
  LLVMBuildBr(L->b, s->kind == ND_BREAK ? L->fs->loop->brk
                                        : L->fs->loop->cont);
  ll_start_dead_block(L);
}

static void stmt(Lower *L, Node *s) {
  at(L, s);
  switch (s->kind) {
  case ND_RETURN: return_stmt(L, s); break;
  case ND_ASSIGN: {
    LLVMValueRef v = ll_expr(L, s->value);
    for (int i = 0; i < s->targets.len; i++)
      assign_to(L, s->targets.data[i], v, s->value->ty);
    break;
  }
  case ND_AUGASSIGN: augassign(L, s); break;
  case ND_ANNASSIGN:
    if (s->value)
      assign_to(L, s->target, ll_expr(L, s->value), s->value->ty);
    break;
  case ND_FOR: for_stmt(L, s); break;
  case ND_WHILE: while_stmt(L, s); break;
  case ND_IF: if_stmt(L, s); break;
  case ND_IMPORT:
  case ND_IMPORTFROM:
  case ND_GLOBAL:
  case ND_PASS: break;
  case ND_EXPR:
    if (s->value->kind != ND_CONSTANT)  // docstrings compile to nothing
      ll_expr(L, s->value);
    break;
  case ND_BREAK:
  case ND_CONTINUE: jump_stmt(L, s); break;
  case ND_PRINT:
    ll_print_values(L, &s->values, s->nl, s);
    // Python 2's `print a,` is Python 3's print(a, end=" ") (refdriver.py)
    if (!s->nl)
      ll_rt(L, "rt_print_sep", 1, L->fs->ctx);
    break;
  default:
    diag_error_node(L->d, s, "%s statements are not supported in compiled "
                    "code", node_kind_names[s->kind]);
  }
}

void ll_stmts(Lower *L, PtrVec *body) {
  for (int i = 0; i < body->len; i++)
    stmt(L, body->data[i]);
}

// ---- parallel loops ---------------------------------------------------------

static bool has_return(PtrVec *body) {
  for (int i = 0; i < body->len; i++) {
    Node *s = body->data[i];
    if (s->kind == ND_RETURN)
      return true;
    if ((s->kind == ND_IF || s->kind == ND_FOR || s->kind == ND_WHILE) &&
        (has_return(&s->body) || has_return(&s->orelse)))
      return true;
  }
  return false;
}

// A break of this loop (not of a loop inside it).
static bool has_own_break(PtrVec *body) {
  for (int i = 0; i < body->len; i++) {
    Node *s = body->data[i];
    if (s->kind == ND_BREAK)
      return true;
    if (s->kind == ND_IF &&
        (has_own_break(&s->body) || has_own_break(&s->orelse)))
      return true;
  }
  return false;
}

// parallel.c proved the iterations independent; a loop that can leave the
// function or stop early still runs serially, since its chunks could not
// tell each other.
static bool can_outline(Node *s) {
  return !has_return(&s->body) && !has_own_break(&s->body);
}

// The environment an outlined body receives: the range's start and step,
// then a pointer to every variable of the enclosing function.
static LLVMTypeRef env_type(Lower *L, int nvars) {
  LLVMTypeRef fields[3] = {L->t_i64, L->t_i64,
                           LLVMArrayType2(L->t_ptr, (uint64_t)nvars)};
  return LLVMStructTypeInContext(L->c, fields, 3, false);
}

static LLVMValueRef env_field(Lower *L, LLVMTypeRef et, LLVMValueRef env,
                              int field, int index) {
  LLVMValueRef idx[3] = {i32c(L, 0), i32c(L, field), i64c(L, index)};
  return LLVMBuildGEP2(L->b, et, env, idx, field == 2 ? 3 : 2, "");
}

// NAME.body(env, ctx, lo, hi): iterations lo..hi-1 of the loop. Each
// variable is a private copy, read from the enclosing function on entry:
// the loop only reads the ones it does not write (parallel.c's guarantee),
// and lists are shared through their pointers.
static LLVMValueRef outline_body(Lower *L, Node *s, LLVMTypeRef et) {
  FnState *outer = L->fs;
  const Func *f = outer->func;
  LLVMTypeRef params[4] = {L->t_ptr, L->t_ptr, L->t_i64, L->t_i64};
  const char *name = arena_sprintf(L->a, "%s.body", f->name);
  LLVMValueRef fn = LLVMAddFunction(
      L->m, name, LLVMFunctionType(L->t_void, params, 4, false));
  LLVMSetLinkage(fn, LLVMInternalLinkage);
  ll_add_fn_attrs(L, fn);
  const char *pnames[4] = {"env", "ctx", "lo", "hi"};
  for (unsigned i = 0; i < 4; i++)
    LLVMSetValueName2(LLVMGetParam(fn, i), pnames[i], strlen(pnames[i]));
  FnState fs = {.func = f, .ret = &ty_none};
  ll_open_function(L, &fs, fn, LLVMGetParam(fn, 1), name, s->line);
  LLVMBasicBlockRef start = LLVMGetInsertBlock(L->b);
  ll_make_slots(L, &fs, f);
  LLVMValueRef env = LLVMGetParam(fn, 0);
  for (int i = 0; i < f->vars.len; i++) {
    Var *v = f->vars.data[i];
    LLVMValueRef p = LLVMBuildLoad2(L->b, L->t_ptr,
                                    env_field(L, et, env, 2, v->index), "");
    LLVMBuildStore(L->b, LLVMBuildLoad2(L->b, ll_type(L, v->ty), p, v->name),
                   fs.slots[v->index]);
  }
  Iter it = {.is_range = true, .elem = &ty_int};
  it.start = LLVMBuildLoad2(L->b, L->t_i64, env_field(L, et, env, 0, 0),
                            "start");
  it.step = LLVMBuildLoad2(L->b, L->t_i64, env_field(L, et, env, 1, 0),
                           "step");
  it.first = LLVMGetParam(fn, 2);
  it.count = LLVMGetParam(fn, 3);
  ll_iterate(L, &it, s->target, run_body, &s->body, NULL);
  ll_close_function(L, &fs, start);
  ll_emit_return_block(L, &fs);
  L->fs = outer;
  return fn;
}

// A For marked parallel: the range is evaluated here, the body runs as
// NAME.body on the worker threads, and afterwards the target holds the
// last value, as after the serial loop.
static void emit_parallel_for(Lower *L, Node *s) {
  Iter it;
  ll_open_iter(L, s->iter, true, &it);
  const Func *f = L->fs->func;
  LLVMTypeRef et = env_type(L, f->vars.len);
  LLVMValueRef env = ll_entry_alloca(L, et, "env");
  LLVMBuildStore(L->b, it.start, env_field(L, et, env, 0, 0));
  LLVMBuildStore(L->b, it.step, env_field(L, et, env, 1, 0));
  for (int i = 0; i < f->vars.len; i++) {
    Var *v = f->vars.data[i];
    LLVMBuildStore(L->b, L->fs->slots[v->index],
                   env_field(L, et, env, 2, v->index));
  }
  LLVMBasicBlockRef here = LLVMGetInsertBlock(L->b);
  LLVMMetadataRef loc = LLVMGetCurrentDebugLocation2(L->b);
  LLVMValueRef body = outline_body(L, s, et);
  LLVMValueRef lanes = ll_simd_body(L, s, et);
  if (lanes)
    body = lanes;
  move_to(L, here);
  LLVMSetCurrentDebugLocation2(L->b, loc);
  ll_rt(L, "rt_parallel_for", 4, L->fs->ctx, body, env, it.count);
  ll_check_exc(L);
  LLVMBasicBlockRef last = new_block(L, "par.last");
  LLVMBasicBlockRef done = new_block(L, "par.done");
  LLVMBuildCondBr(L->b, icmp(L, LLVMIntNE, it.count, i64c(L, 0)), last,
                  done);
  move_to(L, last);
  LLVMValueRef k = LLVMBuildSub(L->b, it.count, i64c(L, 1), "");
  assign_to(L, s->target,
            LLVMBuildAdd(L->b, it.start, LLVMBuildMul(L->b, k, it.step, ""),
                         ""),
            &ty_int);
  LLVMBuildBr(L->b, done);
  move_to(L, done);
  ll_stmts(L, &s->orelse);
}
