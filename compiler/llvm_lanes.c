// llvm_lanes.c - lanes refilled point by point, blocks, and the entries.
//
// A vector function runs a block of points (a point kernel's grid points,
// or iterations of the list kernel's parallel loop) through a body P; LOOP;
// E (llvm_simd.c). A lane whose point leaves LOOP runs E, hands back its
// result, is refilled with the next point at once and runs P, while the
// other lanes stay in LOOP; so lanes never idle while a slow point
// finishes. The loop's step runs again at once while no lane broke or
// returned and its range has steps left in every lane (a scalar budget,
// ll_vloop_uniform): only then are the lanes' masks and counts looked at,
// as in the hand-written kernels. Anything a lane cannot do exactly
// abandons the block: the vector function returns 1 and its driver re-runs
// the points it did not finish with the scalar code, which gives CPython's
// behaviour, errors and their order included. A body's print is recorded
// per point and printed by the driver in point order (Prints), so the
// output is a serial run's.
//
// Two entries use it. A point-form kernel NAME(c, maxiter) gets
// NAME.points(ctx, xs, ys, nx, lo, hi, maxiter, counts), which the driver's
// workers call once a block of points. The list kernel's outlined parallel
// loop NAME.body(env, ctx, lo, hi) is replaced by NAME.body.lanes, which
// runs NAME.body.simd block by block.
#include "llvm_lower.h"

// Registers of host width per vector: enough independent work to hide
// the latency of the escape loop's dependent multiply-add chain (four
// measured faster than two on AVX-512).
#define SIMD_INTERLEAVE 4

// ---- lanes refilled point by point -----------------------------------------

// Where a lane's point comes from and where its result goes: the grid (a
// point kernel) or the parallel loop's lists (a list kernel).
typedef struct Source {
  void (*fill)(Simd *S, struct Source *src, LLVMValueRef lane, LLVMValueRef t);
  void (*finish)(Simd *S, struct Source *src, LLVMValueRef lane,
                 LLVMValueRef t);
  LLVMValueRef lo, hi, finished;  // finished[t - lo] = 1 once handed back
  LLVMValueRef printed, records;  // see Prints
  LLVMValueRef xs, ys, nx, counts;      // point kernels
  LLVMValueRef start, step;             // list kernels: i = start + t*step
  bool *written;                        // list kernels: by S->lists entry
} Source;

static void mark_finished(Simd *S, Source *src, LLVMValueRef t) {
  Lower *L = S->L;
  LLVMValueRef off = LLVMBuildSub(L->b, t, src->lo, "");
  LLVMValueRef p = LLVMBuildGEP2(L->b, L->t_i8, src->finished, &off, 1, "");
  LLVMBuildStore(L->b, LLVMConstInt(L->t_i8, 1, false), p);
}

// Point kernels: c = complex(xs[t % nx], ys[t // nx]), as bind_point does.
static void fill_point(Simd *S, Source *src, LLVMValueRef lane,
                       LLVMValueRef t) {
  Lower *L = S->L;
  LLVMValueRef ix = LLVMBuildURem(L->b, t, src->nx, "");
  LLVMValueRef iy = LLVMBuildUDiv(L->b, t, src->nx, "");
  LLVMValueRef x = LLVMBuildLoad2(
      L->b, L->t_f64, LLVMBuildGEP2(L->b, L->t_f64, src->xs, &ix, 1, ""), "x");
  LLVMValueRef y = LLVMBuildLoad2(
      L->b, L->t_f64, LLVMBuildGEP2(L->b, L->t_f64, src->ys, &iy, 1, ""), "y");
  const Func *f = S->f;
  for (int i = 0; i < f->nparams; i++) {
    Var *v = f->params[i];
    char b = L->p->choice.binding[i];
    if (b == 'c')
      ll_vset_var_lane(S, v, lane, cplx(L, x, y));
    else if (b == 'x' || b == 'y')
      ll_vset_var_lane(S, v, lane, b == 'x' ? x : y);
  }
}

static void finish_point(Simd *S, Source *src, LLVMValueRef lane,
                         LLVMValueRef t) {
  Lower *L = S->L;
  LLVMValueRef off = LLVMBuildSub(L->b, t, src->lo, "");
  LLVMValueRef p = LLVMBuildGEP2(L->b, L->t_i64, src->counts, &off, 1, "");
  LLVMBuildStore(L->b, ll_get_lane(S, S->vi64, S->ret, lane), p);
  mark_finished(S, src, t);
}

// The address of X[i] for the lane's i; a lane outside the list abandons
// the block (the scalar run decides whether that is an IndexError).
static LLVMValueRef item_ptr(Simd *S, int k, LLVMValueRef i) {
  Lower *L = S->L;
  Var *x = S->lists.data[k];
  LLVMValueRef list = LLVMBuildLoad2(L->b, L->t_ptr, S->bases[k], "");
  LLVMValueRef len = ll_list_len(L, list);
  LLVMBasicBlockRef ok = new_block(L, "item.ok");
  ll_unlikely(L, LLVMBuildCondBr(L->b, icmp(L, LLVMIntUGE, i, len), S->bail,
                                 ok));
  move_to(L, ok);
  return LLVMBuildGEP2(L->b, ll_elem_type(L, x->ty->elem),
                       ll_list_data(L, list), &i, 1, "");
}

static LLVMValueRef lane_i(Simd *S, Source *src, LLVMValueRef t) {
  Lower *L = S->L;
  return LLVMBuildAdd(L->b, src->start, LLVMBuildMul(L->b, t, src->step, ""),
                      "i");
}

// List kernels: i, and every X[i] the body uses, read once per point.
static void fill_items(Simd *S, Source *src, LLVMValueRef lane,
                       LLVMValueRef t) {
  LLVMValueRef i = lane_i(S, src, t);
  ll_set_lane(S, S->slots[S->ivar->index], lane, i);
  for (int k = 0; k < S->lists.len; k++) {
    const Type *elem = ((Var *)S->lists.data[k])->ty->elem;
    LLVMValueRef v = ll_load_item(S->L, item_ptr(S, k, i), elem);
    ll_vset_lane_squared(S, S->items[k], S->item_squares[k], elem, lane, v);
  }
}

static void finish_items(Simd *S, Source *src, LLVMValueRef lane,
                         LLVMValueRef t) {
  LLVMValueRef i = ll_get_lane(S, S->vi64, S->slots[S->ivar->index], lane);
  for (int k = 0; k < S->lists.len; k++) {
    if (!src->written[k])
      continue;
    const Type *elem = ((Var *)S->lists.data[k])->ty->elem;
    ll_store_item(S->L, item_ptr(S, k, i),
                  ll_get_lane_value(S, S->items[k], elem, lane), elem);
  }
  mark_finished(S, src, t);
}

typedef struct {
  Source *src;
  LLVMValueRef next, tvec, live;  // allocas
} Refill;

static void refill_lane(Simd *S, LLVMValueRef lane, void *arg) {
  Refill *r = arg;
  Lower *L = S->L;
  LLVMValueRef t = LLVMBuildLoad2(L->b, L->t_i64, r->next, "t");
  LLVMBasicBlockRef go = new_block(L, "refill"), skip = new_block(L, "empty");
  LLVMBuildCondBr(L->b, icmp(L, LLVMIntSLT, t, r->src->hi), go, skip);
  move_to(L, go);
  LLVMBuildStore(L->b, LLVMBuildAdd(L->b, t, i64c(L, 1), ""), r->next);
  ll_set_lane(S, r->tvec, lane, t);
  ll_set_lane(S, r->live, lane, LLVMConstInt(L->t_i1, 1, false));
  r->src->fill(S, r->src, lane, t);
  LLVMBuildBr(L->b, skip);
  move_to(L, skip);
}

static void finish_lane(Simd *S, LLVMValueRef lane, void *arg) {
  Refill *r = arg;
  r->src->finish(S, r->src, lane, ll_get_lane(S, S->vi64, r->tvec, lane));
}

static PtrVec slice(Simd *S, PtrVec *v, int from, int to) {
  PtrVec r = {0};
  for (int i = from; i < to; i++)
    vec_push(S->L->a, &r, v->data[i]);
  return r;
}

// After a step of the escape loop: the next step at once while no lane
// broke or returned and a range loop's budget lasts (the masks are then
// as they were, no lane to finish: the hand-written kernels' hot loop);
// else the loop's head, which looks at every lane.
static void again_or_head(Simd *S, VFor *v, LLVMBasicBlockRef body,
                          LLVMBasicBlockRef head) {
  Lower *L = S->L;
  if (!v->steps) {
    LLVMBuildBr(L->b, head);
    return;
  }
  LLVMValueRef g = LLVMBuildLoad2(L->b, L->t_i64, v->steps, "");
  LLVMValueRef b = LLVMBuildLoad2(L->b, L->t_i64, v->budget, "");
  LLVMValueRef calm =
      LLVMBuildAnd(L->b, icmp(L, LLVMIntSLT, g, b),
                   LLVMBuildNot(L->b, LLVMBuildLoad2(L->b, L->t_i1, S->dirty,
                                                     ""), ""), "");
  LLVMBuildCondBr(L->b, calm, body, head);
}

// The body P; LOOP; E over points lo..hi-1, lanes refilled as they finish.
static void run_lanes(Simd *S, PtrVec *body, int hot, Source *src) {
  Lower *L = S->L;
  Node *loop = body->data[hot];
  PtrVec pre = slice(S, body, 0, hot), post = slice(S, body, hot + 1,
                                                    body->len);
  Refill r = {.src = src};
  r.next = ll_entry_alloca(L, L->t_i64, "next");
  r.tvec = ll_entry_alloca(L, S->vi64, "t");
  r.live = ll_entry_alloca(L, S->vi1, "live");
  LLVMValueRef mslot = ll_entry_alloca(L, S->vi1, "running");
  S->dirty = ll_entry_alloca(L, L->t_i1, "dirty");
  S->tvec = r.tvec;
  S->lo = src->lo;
  S->printed = src->printed;
  S->records = src->records;
  LLVMBuildStore(L->b, src->lo, r.next);
  LLVMBuildStore(L->b, LLVMConstNull(S->vi64), r.tvec);
  LLVMBuildStore(L->b, vnone(S), r.live);
  VFor v;
  ll_vloop_open(S, &v, loop);
  ll_vloop_uniform(S, &v);
  LLVMBuildStore(L->b, vnone(S), v.loop.exited);
  LLVMBuildStore(L->b, vnone(S), v.loop.skipped);
  LLVMBuildStore(L->b, vnone(S), v.natural);
  LLVMBasicBlockRef head = new_block(L, "lanes"), body_bb = new_block(L, "go");
  LLVMBasicBlockRef fin_bb = new_block(L, "finish");
  LLVMBasicBlockRef refill = new_block(L, "refill");
  LLVMBasicBlockRef start = new_block(L, "start"), exit = new_block(L, "end");
  LLVMBuildBr(L->b, refill);
  // head: which lanes go round the escape loop once more
  // the lanes' bookkeeping belongs to the loop (--profile, --annotate)
  move_to(L, head);
  at(L, loop);
  LLVMValueRef live = vload(S, S->vi1, r.live);
  LLVMValueRef act = vand_not(S, live, vload(S, S->vi1, S->done));
  act = vand_not(S, act, vload(S, S->vi1, v.loop.exited));
  act = vand_not(S, act, vload(S, S->vi1, v.natural));
  LLVMValueRef m = ll_vloop_test(S, &v, act);
  LLVMBuildStore(L->b, m, mslot);
  LLVMValueRef fin = vand_not(S, live, m);
  LLVMBuildCondBr(L->b, vany(S, fin), fin_bb, body_bb);
  move_to(L, body_bb);
  LLVMBuildStore(L->b, LLVMConstInt(L->t_i1, 0, false), S->dirty);
  ll_vloop_body(S, &v, vload(S, S->vi1, mslot));
  again_or_head(S, &v, body_bb, head);
  // finish: else clause, E, results handed back
  move_to(L, fin_bb);
  at(L, loop);
  LLVMValueRef done = vload(S, S->vi1, S->done);
  ll_vloop_settle(S, &v, vand_not(S, fin, done));
  LLVMValueRef nat = vand_not(S, vload(S, S->vi1, v.natural), done);
  S->mask = fin;
  ll_vstmts_under(S, LLVMBuildAnd(L->b, fin, nat, ""), &loop->orelse);
  ll_vstmts_under(S, vand_not(S, fin, vload(S, S->vi1, S->done)), &post);
  ll_each_lane(S, fin, finish_lane, &r);
  LLVMBuildStore(L->b, vand_not(S, vload(S, S->vi1, r.live), fin), r.live);
  LLVMBuildBr(L->b, refill);
  // refill: the next points into the empty lanes; P; the loop restarted
  move_to(L, refill);
  at(L, loop);
  LLVMValueRef empty = LLVMBuildNot(L->b, vload(S, S->vi1, r.live), "");
  ll_each_lane(S, empty, refill_lane, &r);
  LLVMValueRef now = vload(S, S->vi1, r.live);
  LLVMValueRef fresh = LLVMBuildAnd(L->b, now, empty, "");
  LLVMBuildCondBr(L->b, vany(S, now), start, exit);
  move_to(L, start);
  LLVMBuildStore(L->b, vand_not(S, vload(S, S->vi1, S->done), fresh), S->done);
  S->mask = fresh;
  ll_vstmts_under(S, fresh, &pre);
  ll_vloop_start(S, &v, vand_not(S, fresh, vload(S, S->vi1, S->done)));
  LLVMBuildBr(L->b, head);
  move_to(L, exit);
}

// ---- the entries -----------------------------------------------------------

// Points per call of a vector function: the size of its `finished` array.
#define SIMD_BLOCK 1024

// for k = from; k < to; k += step, with `k` read through c->k.
typedef struct {
  LLVMValueRef slot, k;
  LLVMBasicBlockRef head, next, exit;
} Counted;

static void open_counted(Lower *L, Counted *c, LLVMValueRef from,
                         LLVMValueRef to) {
  c->slot = ll_entry_alloca(L, L->t_i64, "k");
  LLVMBuildStore(L->b, from, c->slot);
  LLVMBasicBlockRef body = new_block(L, "do");
  c->head = new_block(L, "for");
  c->next = new_block(L, "for.next");
  c->exit = new_block(L, "for.end");
  LLVMBuildBr(L->b, c->head);
  move_to(L, c->head);
  c->k = LLVMBuildLoad2(L->b, L->t_i64, c->slot, "k");
  LLVMBuildCondBr(L->b, icmp(L, LLVMIntSLT, c->k, to), body, c->exit);
  move_to(L, body);
}

static void close_counted(Lower *L, Counted *c, LLVMValueRef step) {
  branch_to(L, c->next);
  move_to(L, c->next);
  LLVMValueRef k = LLVMBuildLoad2(L->b, L->t_i64, c->slot, "");
  LLVMBuildStore(L->b, LLVMBuildAdd(L->b, k, step, ""), c->slot);
  LLVMBuildBr(L->b, c->head);
  move_to(L, c->exit);
}

static LLVMValueRef new_fn(Lower *L, const char *name, LLVMTypeRef ret,
                           LLVMTypeRef *params, unsigned n,
                           const char *const *pnames) {
  LLVMValueRef fn = LLVMAddFunction(
      L->m, name, LLVMFunctionType(ret, params, n, false));
  ll_add_fn_attrs(L, fn);
  for (unsigned i = 0; i < n; i++)
    LLVMSetValueName2(LLVMGetParam(fn, i), pnames[i], strlen(pnames[i]));
  return fn;
}

// The state of a vector function: the lane types, a vector alloca for each
// number variable, the done and result lanes, and the bail block that
// clears the exception a helper may have raised and returns 1.
static void open_simd(Simd *S, FnState *fs, LLVMValueRef fn,
                      LLVMValueRef ctx, const char *name, int line,
                      const PtrVec *body) {
  Lower *L = S->L;
  S->squared = ll_squared_places(S, body);
  ll_open_function(L, fs, fn, ctx, name, line);
  S->vi1 = LLVMVectorType(L->t_i1, S->width);
  S->vi64 = LLVMVectorType(L->t_i64, S->width);
  S->vf64 = LLVMVectorType(L->t_f64, S->width);
  LLVMTypeRef two[2] = {S->vf64, S->vf64};
  S->vcplx = LLVMStructTypeInContext(L->c, two, 2, false);
  size_t n = (size_t)S->f->vars.len + 1;
  S->slots = arena_alloc(L->a, sizeof *S->slots * n);
  S->squares = arena_alloc(L->a, sizeof *S->squares * n);
  for (int i = 0; i < S->f->vars.len; i++) {
    Var *v = S->f->vars.data[i];
    TypeKind k = kind_of(v->ty);
    if (is_number(v->ty))
      S->slots[v->index] = ll_entry_alloca(L, vtype(S, v->ty), v->name);
    S->squares[v->index] =
        (k == TY_FLOAT || k == TY_COMPLEX) && S->squared[v->index]
            ? ll_entry_alloca(L, vtype(S, v->ty), "squares")
            : NULL;
  }
  S->done = ll_entry_alloca(L, S->vi1, "done");
  S->ret = ll_entry_alloca(L, S->vi64, "ret");
  LLVMBuildStore(L->b, vnone(S), S->done);
  LLVMBuildStore(L->b, LLVMConstNull(S->vi64), S->ret);
  S->bail = fs->ret_bb;
  S->mask = vones(S);
}

static void close_simd(Simd *S, FnState *fs, LLVMBasicBlockRef start) {
  Lower *L = S->L;
  LLVMBuildRet(L->b, i32c(L, 0));
  ll_close_function(L, fs, start);
  move_to(L, fs->ret_bb);
  LLVMBuildStore(L->b, i32c(L, 0), fs->exc_flag);
  LLVMBuildRet(L->b, i32c(L, 1));
  L->fs = NULL;
}

// Lanes: SIMD_INTERLEAVE times the doubles a register of the CPU holds.
static unsigned host_width(Lower *L) {
  return L->vector_doubles * SIMD_INTERLEAVE;
}

// NAME.points.simd(ctx, xs, ys, nx, lo, hi, maxiter, counts, finished,
// printed, records).
static LLVMValueRef points_simd(Lower *L, const Func *f, int hot,
                                const Prints *pr) {
  Simd S = {.L = L, .f = f, .width = host_width(L), .pr = pr};
  LLVMTypeRef p[11] = {L->t_ptr, L->t_ptr, L->t_ptr, L->t_i64,
                       L->t_i64, L->t_i64, L->t_i64, L->t_ptr,
                       L->t_ptr, L->t_ptr, L->t_ptr};
  static const char *const names[11] = {"ctx", "xs", "ys", "nx", "lo",
                                        "hi", "maxiter", "counts",
                                        "finished", "printed", "records"};
  const char *name = arena_sprintf(L->a, "%s.points.simd", f->name);
  LLVMValueRef fn = new_fn(L, name, L->t_i32, p, 11, names);
  LLVMSetLinkage(fn, LLVMInternalLinkage);
  FnState fs = {.func = f, .ret = f->ret};
  open_simd(&S, &fs, fn, LLVMGetParam(fn, 0), name, f->def->line,
            &f->def->body);
  LLVMBasicBlockRef start = LLVMGetInsertBlock(L->b);
  for (int i = 0; i < f->nparams; i++)
    if (L->p->choice.binding[i] == 'm')
      LLVMBuildStore(L->b, vsplat(&S, LLVMGetParam(fn, 6)),
                     S.slots[f->params[i]->index]);
  Source src = {.fill = fill_point, .finish = finish_point,
                .xs = LLVMGetParam(fn, 1), .ys = LLVMGetParam(fn, 2),
                .nx = LLVMGetParam(fn, 3), .lo = LLVMGetParam(fn, 4),
                .hi = LLVMGetParam(fn, 5), .counts = LLVMGetParam(fn, 7),
                .finished = LLVMGetParam(fn, 8),
                .printed = LLVMGetParam(fn, 9),
                .records = LLVMGetParam(fn, 10)};
  run_lanes(&S, &f->def->body, hot, &src);
  close_simd(&S, &fs, start);
  return fn;
}

// Whether the driver's grid fits f's parameters: c complex, x and y
// float, maxiter int; and the result an int.
static bool points_fit(const Program *p) {
  const Func *f = p->kernel;
  if (kind_of(f->ret) != TY_INT)
    return false;
  for (int i = 0; i < f->nparams; i++) {
    char b = p->choice.binding[i];
    TypeKind k = kind_of(f->params[i]->ty);
    if ((b == 'c' && k != TY_COMPLEX) || (b == 'm' && k != TY_INT) ||
        ((b == 'x' || b == 'y') && k != TY_FLOAT))
      return false;
  }
  return true;
}

// One scalar call of the kernel for point t: counts[t - lo] = f(...).
static void call_point(Lower *L, const Func *f, LLVMValueRef fn,
                       LLVMValueRef t, LLVMValueRef lo) {
  LLVMValueRef args[2 * 8 + 1];
  unsigned n = 0;
  args[n++] = LLVMGetParam(fn, 0);
  LLVMValueRef nx = LLVMGetParam(fn, 3);
  LLVMValueRef ix = LLVMBuildURem(L->b, t, nx, ""),
               iy = LLVMBuildUDiv(L->b, t, nx, "");
  LLVMValueRef x = LLVMBuildLoad2(
      L->b, L->t_f64, LLVMBuildGEP2(L->b, L->t_f64, LLVMGetParam(fn, 1), &ix,
                                    1, ""), "x");
  LLVMValueRef y = LLVMBuildLoad2(
      L->b, L->t_f64, LLVMBuildGEP2(L->b, L->t_f64, LLVMGetParam(fn, 2), &iy,
                                    1, ""), "y");
  for (int i = 0; i < f->nparams && n < 15; i++) {
    char b = L->p->choice.binding[i];
    if (b == 'c') {
      args[n++] = x;
      args[n++] = y;
    } else {
      args[n++] = b == 'x' ? x : b == 'y' ? y : LLVMGetParam(fn, 6);
    }
  }
  LLVMValueRef kf = LLVMGetNamedFunction(L->m, f->name);
  LLVMValueRef r = LLVMBuildCall2(L->b, LLVMGlobalGetValueType(kf), kf, args,
                                  n, "");
  ll_check_exc(L);
  LLVMValueRef off = LLVMBuildSub(L->b, t, lo, "");
  LLVMBuildStore(L->b, r, LLVMBuildGEP2(L->b, L->t_i64, LLVMGetParam(fn, 7),
                                        &off, 1, ""));
}

// One block of points b..e-1 and the driver's arrays for it.
typedef struct {
  LLVMValueRef b, e;
  LLVMValueRef finished;  // [SIMD_BLOCK x i8]: the vector run finished it
  LLVMValueRef printed;   // [SIMD_BLOCK x i8]: it reached the print
  LLVMValueRef records;   // [SIMD_BLOCK x rec_t]: its variables there
  const Prints *pr;
} Block;

static LLVMValueRef byte_at(Lower *L, LLVMValueRef array, LLVMValueRef off) {
  LLVMValueRef p = LLVMBuildGEP2(L->b, L->t_i8, array, &off, 1, "");
  return icmp(L, LLVMIntNE, LLVMBuildLoad2(L->b, L->t_i8, p, ""),
              LLVMConstInt(L->t_i8, 0, false));
}

// The print of point b + off, if it reached it: its recorded variables
// into the scalar slots, then the print statement as scalar code (which
// raises as the serial run would, leaving through the driver's return).
static void replay_print(Lower *L, const Block *k, LLVMValueRef off) {
  const Prints *pr = k->pr;
  if (!pr->stmt)
    return;
  LLVMBasicBlockRef go = new_block(L, "replay");
  LLVMBasicBlockRef done = new_block(L, "replay.done");
  LLVMBuildCondBr(L->b, byte_at(L, k->printed, off), go, done);
  move_to(L, go);
  LLVMValueRef rec = LLVMBuildGEP2(L->b, pr->rec_t, k->records, &off, 1, "");
  for (int i = 0; i < pr->vars.len; i++) {
    Var *v = pr->vars.data[i];
    LLVMValueRef p = LLVMBuildStructGEP2(L->b, pr->rec_t, rec, (unsigned)i,
                                         "");
    LLVMBuildStore(L->b, LLVMBuildLoad2(L->b, ll_type(L, v->ty), p, v->name),
                   L->fs->slots[v->index]);
  }
  PtrVec one = {0};
  vec_push(L->a, &one, pr->stmt);
  ll_stmts(L, &one);
  branch_to(L, done);
  move_to(L, done);
}

// In a scalar rerun: a point the vector run finished is not run again, but
// its recorded print is replayed in its place. Leaves the builder where
// the point must run.
static void skip_finished(Lower *L, const Block *k, Counted *c) {
  LLVMValueRef off = LLVMBuildSub(L->b, c->k, k->b, "");
  LLVMBasicBlockRef fin = new_block(L, "finished");
  LLVMBasicBlockRef go = new_block(L, "scalar");
  LLVMBuildCondBr(L->b, byte_at(L, k->finished, off), fin, go);
  move_to(L, fin);
  replay_print(L, k, off);
  LLVMBuildBr(L->b, c->next);
  move_to(L, go);
}

// The scalar run of points b..e-1; with a block, those it finished are
// skipped.
static void scalar_points(Lower *L, const Func *f, LLVMValueRef fn,
                          LLVMValueRef b, LLVMValueRef e, const Block *k) {
  Counted c;
  open_counted(L, &c, b, e);
  if (k)
    skip_finished(L, k, &c);
  call_point(L, f, fn, c.k, LLVMGetParam(fn, 4));
  close_counted(L, &c, i64c(L, 1));
}

// After a vector run that finished the block: the recorded prints, in
// point order.
static void replay_block(Lower *L, const Block *k) {
  Counted c;
  open_counted(L, &c, k->b, k->e);
  replay_print(L, k, LLVMBuildSub(L->b, c.k, k->b, ""));
  close_counted(L, &c, i64c(L, 1));
}

// Runs points or iterations lo..hi-1 in blocks of SIMD_BLOCK: the vector
// function `simd` first (`call` makes its arguments), then the recorded
// prints if it finished, or else the scalar rerun of what it left.
typedef LLVMValueRef (*SimdCall)(Lower *L, LLVMValueRef fn, LLVMValueRef simd,
                                 const Block *k);
typedef void (*ScalarRun)(Lower *L, LLVMValueRef fn, const Block *k);

static LLVMValueRef block_array(Lower *L, LLVMTypeRef t, const char *name) {
  return ll_entry_alloca(L, LLVMArrayType2(t, SIMD_BLOCK), name);
}

static void in_blocks(Lower *L, LLVMValueRef fn, LLVMValueRef simd,
                      LLVMValueRef lo, LLVMValueRef hi, SimdCall call,
                      ScalarRun scalar, const Prints *pr) {
  Block k = {.pr = pr, .printed = LLVMConstNull(L->t_ptr),
             .records = LLVMConstNull(L->t_ptr)};
  k.finished = block_array(L, L->t_i8, "finished");
  if (pr->stmt) {
    k.printed = block_array(L, L->t_i8, "printed");
    k.records = block_array(L, pr->rec_t, "records");
  }
  Counted c;
  open_counted(L, &c, lo, hi);
  k.b = c.k;
  LLVMValueRef e = LLVMBuildAdd(L->b, c.k, i64c(L, SIMD_BLOCK), "");
  k.e = LLVMBuildSelect(L->b, icmp(L, LLVMIntSLT, e, hi), e, hi, "e");
  LLVMValueRef zero = LLVMConstInt(L->t_i8, 0, false);
  LLVMBuildMemSet(L->b, k.finished, zero, i64c(L, SIMD_BLOCK), 8);
  if (pr->stmt)
    LLVMBuildMemSet(L->b, k.printed, zero, i64c(L, SIMD_BLOCK), 8);
  LLVMValueRef r = call(L, fn, simd, &k);
  LLVMBasicBlockRef fast = new_block(L, "vector.done");
  LLVMBasicBlockRef slow = new_block(L, "scalar.rerun");
  LLVMBuildCondBr(L->b, icmp(L, LLVMIntEQ, r, i32c(L, 0)), fast, slow);
  move_to(L, fast);
  if (pr->stmt)
    replay_block(L, &k);
  LLVMBuildBr(L->b, c.next);
  move_to(L, slow);
  scalar(L, fn, &k);
  close_counted(L, &c, i64c(L, SIMD_BLOCK));
}

static LLVMValueRef call_points_simd(Lower *L, LLVMValueRef fn,
                                     LLVMValueRef simd, const Block *k) {
  LLVMValueRef off = LLVMBuildSub(L->b, k->b, LLVMGetParam(fn, 4), "");
  LLVMValueRef args[11] = {
      LLVMGetParam(fn, 0), LLVMGetParam(fn, 1), LLVMGetParam(fn, 2),
      LLVMGetParam(fn, 3), k->b, k->e, LLVMGetParam(fn, 6),
      LLVMBuildGEP2(L->b, L->t_i64, LLVMGetParam(fn, 7), &off, 1, ""),
      k->finished, k->printed, k->records};
  return LLVMBuildCall2(L->b, LLVMGlobalGetValueType(simd), simd, args, 11,
                        "");
}

static void rerun_points(Lower *L, LLVMValueRef fn, const Block *k) {
  scalar_points(L, L->fs->func, fn, k->b, k->e, k);
}

// The print statement of body (Check found at most one) and what it reads.
static void collect_print_vars(Prints *pr, Arena *a, const Node *n) {
  if (!n)
    return;
  if (n->kind == ND_NAME && n->var && n->var->kind == VAR_CONST) {
    collect_print_vars(pr, a, n->var->value);
    return;
  }
  if (n->kind == ND_NAME && n->var) {
    PtrVec *v = kind_of(n->var->ty) == TY_LIST ? &pr->lists : &pr->vars;
    for (int i = 0; i < v->len; i++)
      if (v->data[i] == n->var)
        return;
    vec_push(a, v, n->var);
    return;
  }
  const Node *kids[] = {n->left, n->right, n->value, n->test, n->body_expr,
                        n->orelse_expr, n->func};
  for (size_t i = 0; i < sizeof kids / sizeof *kids; i++)
    collect_print_vars(pr, a, kids[i]);
  const PtrVec *vecs[] = {&n->values, &n->comparators, &n->elts, &n->args};
  for (size_t i = 0; i < sizeof vecs / sizeof *vecs; i++)
    for (int j = 0; j < vecs[i]->len; j++)
      collect_print_vars(pr, a, vecs[i]->data[j]);
}

static void open_prints(Lower *L, Prints *pr, Node *stmt) {
  *pr = (Prints){.stmt = stmt};
  if (!stmt)
    return;
  collect_print_vars(pr, L->a, stmt->kind == ND_EXPR ? stmt->value : stmt);
  LLVMTypeRef *fields =
      arena_alloc(L->a, sizeof *fields * (size_t)(pr->vars.len + 1));
  for (int i = 0; i < pr->vars.len; i++)
    fields[i] = ll_type(L, ((Var *)pr->vars.data[i])->ty);
  if (!pr->vars.len)
    fields[0] = L->t_i8;
  pr->rec_t = LLVMStructTypeInContext(L->c, fields,
                                      (unsigned)(pr->vars.len ? pr->vars.len
                                                              : 1),
                                      false);
}

// Whether the body holds a list comprehension at its top level (as a
// returned or assigned value).
static bool has_listcomp(const PtrVec *body) {
  for (int i = 0; i < body->len; i++) {
    const Node *s = body->data[i];
    if ((s->kind == ND_RETURN || s->kind == ND_ASSIGN) && s->value &&
        s->value->kind == ND_LISTCOMP)
      return true;
  }
  return false;
}

// -v for a kernel that never reaches the vector form's check: which form
// runs, why, and how to write the kernel so that the lanes take it.
static void say_no_lanes(Lower *L) {
  const Program *p = L->p;
  const Func *f = p->kernel;
  const PtrVec *body = &f->def->body;
  const char *why = NULL;
  switch (p->choice.form) {
  case FORM_LIST:
    for (int i = 0; i < body->len; i++)
      if (((Node *)body->data[i])->kind == ND_FOR &&
          ((Node *)body->data[i])->parallel)
        return;  // ll_simd_body said which form runs
    why = has_listcomp(body)
              ? "a list comprehension builds the output (the scalar loop "
                "runs; write `for i in range(len(q)): output[i] = ...`)"
              : "the outer loop is not a parallel `for i in range(len(q))` "
                "(the scalar loop runs; see why above)";
    break;
  case FORM_GRID:
    why = "the grid form (xs, ys, maxiter) has no vector form (the scalar "
          "loops run; write a point kernel `def f(c, maxiter)` returning "
          "the count)";
    break;
  case FORM_POINT_C:
  case FORM_POINT_XY:
    why = "the kernel returns something other than an int or takes a "
          "point of another type (the scalar code runs)";
    break;
  default: return;
  }
  ll_simd_say(L, "not used for %s: %s", f->name, why, NULL);
}

void ll_simd_points(Lower *L) {
  const Program *p = L->p;
  const Func *f = p->kernel;
  if ((p->choice.form != FORM_POINT_C && p->choice.form != FORM_POINT_XY) ||
      !points_fit(p)) {
    say_no_lanes(L);
    return;
  }
  int hot = -1;
  const Node *where = NULL;
  Node *print = NULL;
  const char *why =
      ll_simd_why_not(L, f, NULL, &f->def->body, &hot, &print, &where);
  Prints pr;
  open_prints(L, &pr, why ? NULL : print);
  LLVMValueRef simd = why ? NULL : points_simd(L, f, hot, &pr);
  if (why)
    ll_simd_say(L, "not used for %s: %s", f->name, why, where);
  else
    ll_simd_say(L, "%s runs %s lanes a vector", f->name,
                arena_sprintf(L->a, "%u", host_width(L)), NULL);
  LLVMTypeRef ps[8] = {L->t_ptr, L->t_ptr, L->t_ptr, L->t_i64,
                       L->t_i64, L->t_i64, L->t_i64, L->t_ptr};
  static const char *const names[8] = {"ctx", "xs", "ys", "nx",
                                       "lo", "hi", "maxiter", "counts"};
  const char *name = arena_sprintf(L->a, "%s.points", f->name);
  LLVMValueRef fn = new_fn(L, name, L->t_void, ps, 8, names);
  FnState fs = {.func = f, .ret = &ty_none};
  ll_open_function(L, &fs, fn, LLVMGetParam(fn, 0), name, f->def->line);
  LLVMBasicBlockRef start = LLVMGetInsertBlock(L->b);
  if (pr.stmt)
    ll_make_slots(L, &fs, f);  // the replayed print reads them
  if (simd)
    in_blocks(L, fn, simd, LLVMGetParam(fn, 4), LLVMGetParam(fn, 5),
              call_points_simd, rerun_points, &pr);
  else
    scalar_points(L, f, fn, LLVMGetParam(fn, 4), LLVMGetParam(fn, 5), NULL);
  ll_close_function(L, &fs, start);
  ll_emit_return_block(L, &fs);
  L->fs = NULL;
}

// ---- the list kernel's parallel loop ---------------------------------------

typedef struct {
  Simd *S;
  bool *written;  // grows with S->lists (at most a kernel's variables)
} Collect;

static void collect_expr(Collect *c, Node *n, bool target);

static void collect_vec(Collect *c, PtrVec *v, bool target) {
  for (int i = 0; i < v->len; i++)
    collect_expr(c, v->data[i], target);
}

// Every X[i] of the body, and whether the body writes it.
static void collect_expr(Collect *c, Node *n, bool target) {
  if (!n)
    return;
  if (n->kind == ND_SUBSCRIPT && n->value->kind == ND_NAME && n->value->var) {
    Simd *S = c->S;
    int k = 0;
    while (k < S->lists.len && S->lists.data[k] != n->value->var)
      k++;
    if (k == S->lists.len)
      vec_push(S->L->a, &S->lists, n->value->var);
    c->written[k] |= target;
    return;
  }
  collect_expr(c, n->left, false);
  collect_expr(c, n->right, false);
  collect_expr(c, n->value, false);
  collect_expr(c, n->test, false);
  collect_expr(c, n->body_expr, false);
  collect_expr(c, n->orelse_expr, false);
  collect_expr(c, n->iter, false);
  collect_expr(c, n->target, true);
  collect_vec(c, &n->targets, true);
  collect_vec(c, &n->elts, target);
  collect_vec(c, &n->values, false);
  collect_vec(c, &n->comparators, false);
  collect_vec(c, &n->args, false);
  collect_vec(c, &n->body, false);
  collect_vec(c, &n->orelse, false);
}

static LLVMValueRef env_at(Lower *L, LLVMTypeRef et, LLVMValueRef env,
                           int field, int index) {
  LLVMValueRef idx[3] = {i32c(L, 0), i32c(L, field), i64c(L, index)};
  return LLVMBuildGEP2(L->b, et, env, idx, field == 2 ? 3 : 2, "");
}

// Every number variable the body reads before writing is the same in all
// lanes: the enclosing function's value, loaded through the environment.
static void load_uniforms(Simd *S, LLVMTypeRef et, LLVMValueRef env) {
  Lower *L = S->L;
  for (int i = 0; i < S->f->vars.len; i++) {
    Var *v = S->f->vars.data[i];
    if (!is_number(v->ty))
      continue;
    LLVMValueRef p = LLVMBuildLoad2(L->b, L->t_ptr,
                                    env_at(L, et, env, 2, v->index), "");
    LLVMValueRef x = LLVMBuildLoad2(L->b, ll_type(L, v->ty), p, v->name);
    LLVMValueRef vx =
        kind_of(v->ty) == TY_COMPLEX
            ? vcplx(S, vsplat(S, re_of(L, x)), vsplat(S, im_of(L, x)))
            : vsplat(S, x);
    ll_vstore_var(S, v, vones(S), vx);
  }
  S->bases = arena_alloc(L->a, sizeof *S->bases * (S->lists.len + 1));
  S->items = arena_alloc(L->a, sizeof *S->items * (S->lists.len + 1));
  S->item_squares =
      arena_alloc(L->a, sizeof *S->item_squares * (S->lists.len + 1));
  for (int k = 0; k < S->lists.len; k++) {
    Var *v = S->lists.data[k];
    LLVMValueRef p = LLVMBuildLoad2(L->b, L->t_ptr,
                                    env_at(L, et, env, 2, v->index), "");
    S->bases[k] = ll_entry_alloca(L, L->t_ptr, v->name);
    LLVMBuildStore(L->b, LLVMBuildLoad2(L->b, L->t_ptr, p, ""), S->bases[k]);
    S->items[k] = ll_entry_alloca(L, vtype(S, v->ty->elem), "item");
    TypeKind e = kind_of(v->ty->elem);
    S->item_squares[k] = (e == TY_FLOAT || e == TY_COMPLEX) &&
                                 S->squared[v->index]
                             ? ll_entry_alloca(L, vtype(S, v->ty->elem),
                                               "item.squares")
                             : NULL;
  }
}

// NAME.body.simd(env, ctx, lo, hi, finished, printed, records).
static LLVMValueRef body_simd(Lower *L, Node *s, LLVMTypeRef et, int hot,
                              Collect *c) {
  const Func *f = L->fs->func;
  Simd *S = c->S;
  LLVMTypeRef p[7] = {L->t_ptr, L->t_ptr, L->t_i64, L->t_i64,
                      L->t_ptr, L->t_ptr, L->t_ptr};
  static const char *const names[7] = {"env", "ctx", "lo", "hi",
                                       "finished", "printed", "records"};
  const char *name = arena_sprintf(L->a, "%s.body.simd", f->name);
  LLVMValueRef fn = new_fn(L, name, L->t_i32, p, 7, names);
  LLVMSetLinkage(fn, LLVMInternalLinkage);
  FnState fs = {.func = f, .ret = &ty_none};
  open_simd(S, &fs, fn, LLVMGetParam(fn, 1), name, s->line, &s->body);
  LLVMBasicBlockRef start = LLVMGetInsertBlock(L->b);
  LLVMValueRef env = LLVMGetParam(fn, 0);
  load_uniforms(S, et, env);
  Source src = {.fill = fill_items, .finish = finish_items,
                .lo = LLVMGetParam(fn, 2), .hi = LLVMGetParam(fn, 3),
                .finished = LLVMGetParam(fn, 4),
                .printed = LLVMGetParam(fn, 5),
                .records = LLVMGetParam(fn, 6), .written = c->written};
  src.start = LLVMBuildLoad2(L->b, L->t_i64, env_at(L, et, env, 0, 0), "");
  src.step = LLVMBuildLoad2(L->b, L->t_i64, env_at(L, et, env, 1, 0), "");
  run_lanes(S, &s->body, hot, &src);
  close_simd(S, &fs, start);
  return fn;
}

static LLVMValueRef call_body_simd(Lower *L, LLVMValueRef fn,
                                   LLVMValueRef simd, const Block *k) {
  LLVMValueRef args[7] = {LLVMGetParam(fn, 0), LLVMGetParam(fn, 1), k->b,
                          k->e, k->finished, k->printed, k->records};
  return LLVMBuildCall2(L->b, LLVMGlobalGetValueType(simd), simd, args, 7,
                        "");
}

// The scalar NAME.body for each iteration of b..e-1 the vector run left,
// in order, stopping at the first that raises.
static void rerun_body(Lower *L, LLVMValueRef fn, const Block *k) {
  const char *name = arena_sprintf(L->a, "%s.body", L->fs->func->name);
  LLVMValueRef body = LLVMGetNamedFunction(L->m, name);
  Counted c;
  open_counted(L, &c, k->b, k->e);
  skip_finished(L, k, &c);
  LLVMValueRef args[4] = {LLVMGetParam(fn, 0), LLVMGetParam(fn, 1), c.k,
                          LLVMBuildAdd(L->b, c.k, i64c(L, 1), "")};
  LLVMBuildCall2(L->b, LLVMGlobalGetValueType(body), body, args, 4, "");
  ll_check_exc(L);
  close_counted(L, &c, i64c(L, 1));
}

// The replayed print's scalar slots, with the lists it reads (len) loaded
// from the enclosing function through the environment.
static void load_print_lists(Lower *L, FnState *fs, const Prints *pr,
                             LLVMTypeRef et, LLVMValueRef env) {
  ll_make_slots(L, fs, fs->func);
  for (int i = 0; i < pr->lists.len; i++) {
    Var *v = pr->lists.data[i];
    LLVMValueRef p = LLVMBuildLoad2(L->b, L->t_ptr,
                                    env_at(L, et, env, 2, v->index), "");
    LLVMBuildStore(L->b, LLVMBuildLoad2(L->b, L->t_ptr, p, v->name),
                   fs->slots[v->index]);
  }
}

// `a = b` of lists: two names for one list, whose items the lanes would
// cache apart.
static bool has_alias(const PtrVec *body) {
  for (int i = 0; i < body->len; i++) {
    const Node *s = body->data[i];
    if (s->kind == ND_ASSIGN && s->value->kind == ND_NAME &&
        kind_of(s->value->ty) == TY_LIST)
      return true;
    if (has_alias(&s->body) || has_alias(&s->orelse))
      return true;
  }
  return false;
}

LLVMValueRef ll_simd_body(Lower *L, Node *s, LLVMTypeRef et) {
  const Func *f = L->fs->func;
  int hot = -1;
  const Node *where = NULL;
  Node *print = NULL;
  const char *why =
      ll_simd_why_not(L, f, s->target->var, &s->body, &hot, &print, &where);
  if (!why && has_alias(&f->def->body))
    why = "a list with two names";
  if (why) {
    ll_simd_say(L, "not used for %s: %s", f->name, why, where);
    return NULL;
  }
  ll_simd_say(L, "%s runs %s lanes a vector", f->name,
              arena_sprintf(L->a, "%u", host_width(L)), NULL);
  FnState *outer = L->fs;
  Prints pr;
  open_prints(L, &pr, print);
  Simd S = {.L = L, .f = f, .width = host_width(L),
            .ivar = s->target->var, .pr = &pr};
  Collect c = {.S = &S};
  c.written = arena_alloc(L->a, sizeof *c.written * (f->vars.len + 1));
  collect_vec(&c, &s->body, false);
  LLVMValueRef simd = body_simd(L, s, et, hot, &c);
  LLVMTypeRef p[4] = {L->t_ptr, L->t_ptr, L->t_i64, L->t_i64};
  static const char *const names[4] = {"env", "ctx", "lo", "hi"};
  const char *name = arena_sprintf(L->a, "%s.body.lanes", f->name);
  LLVMValueRef fn = new_fn(L, name, L->t_void, p, 4, names);
  LLVMSetLinkage(fn, LLVMInternalLinkage);
  FnState fs = {.func = f, .ret = &ty_none};
  ll_open_function(L, &fs, fn, LLVMGetParam(fn, 1), name, s->line);
  LLVMBasicBlockRef start = LLVMGetInsertBlock(L->b);
  if (pr.stmt)
    load_print_lists(L, &fs, &pr, et, LLVMGetParam(fn, 0));
  in_blocks(L, fn, simd, LLVMGetParam(fn, 2), LLVMGetParam(fn, 3),
            call_body_simd, rerun_body, &pr);
  ll_close_function(L, &fs, start);
  ll_emit_return_block(L, &fs);
  L->fs = outer;
  return fn;
}
