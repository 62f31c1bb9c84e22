// workers.c - rt_parallel_for: a loop's iterations on worker threads.
//
// [0, n) is cut into chunks, about CHUNKS_PER_THREAD per thread so that an
// uneven loop (points inside the set cost maxiter iterations, points outside
// a few) still balances. Threads take the next chunk from an atomic counter;
// the calling thread works too. Each chunk runs with its own RtContext (no
// stream), so its prints and its exception stay with it. When every thread
// is done, the chunk contexts join the parent in chunk order, stopping at
// the first chunk that raised: the parent then holds exactly the output and
// the exception a serial run would have left. Chunks after a failed one are
// skipped as soon as the failure is known; any that already ran are dropped.
// Under mpirun the run's first loop goes to ranks.c instead, which splits
// it the same way over the threads of every rank.
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

#include "runtime.h"

// Enough chunks that a slow one near the end leaves little idle time, few
// enough that a context per chunk costs nothing next to the loop's work.
#define CHUNKS_PER_THREAD 64
// More threads than this gain nothing on any machine we run on and would
// only multiply stacks.
#define MAX_WORKERS 1024
// A worker's stack: RT_MAX_RECURSION compiled frames must fit, whatever
// the ulimit (glibc's default thread stack follows `ulimit -s`, which may
// be small). 64 MiB is 64 KiB per frame; it is address space, and only
// the pages a deep recursion touches become memory.
#define WORKER_STACK_BYTES ((size_t)64 << 20)

typedef struct {
  RtContext *parent;
  RtLoopBody body;
  void *env;
  int64_t n, nchunks;
  RtContext *chunks;       // one context per chunk
  bool *ran;               // chunks[i] was initialised and run
  atomic_int_fast64_t next;        // the next chunk to take
  atomic_int_fast64_t first_error; // lowest chunk that raised (or nchunks)
} Loop;

static int64_t chunk_start(const Loop *l, int64_t i) {
  // Even split; the first n % nchunks chunks get one iteration more.
  int64_t base = l->n / l->nchunks, extra = l->n % l->nchunks;
  return i * base + (i < extra ? i : extra);
}

static bool is_cancelled(const RtContext *ctx) {
  return ctx->cancel && __atomic_load_n(ctx->cancel, __ATOMIC_RELAXED);
}

// Lowers first_error to i unless a lower chunk already failed.
static void note_error(Loop *l, int64_t i) {
  int_fast64_t cur = atomic_load(&l->first_error);
  while (i < cur && !atomic_compare_exchange_weak(&l->first_error, &cur, i))
    ;
}

static void run_chunk(Loop *l, int64_t i) {
  RtContext *c = &l->chunks[i];
  rt_context_init(c, NULL, 1);  // nested loops run inline
  c->cancel = l->parent->cancel;
  c->depth = l->parent->depth;
  l->ran[i] = true;
  l->body(l->env, c, chunk_start(l, i), chunk_start(l, i + 1));
  if (c->exc != RT_EXC_NONE)
    note_error(l, i);
}

static void *work(void *arg) {
  Loop *l = arg;
  for (;;) {
    int64_t i = atomic_fetch_add(&l->next, 1);
    if (i >= l->nchunks || i > atomic_load(&l->first_error) ||
        is_cancelled(l->parent))
      return NULL;
    run_chunk(l, i);
  }
}

// Gives the chunks' output and allocations to the parent in order, up to
// and including the first that raised; frees the rest.
static void merge_chunks(Loop *l) {
  bool stopped = false;
  for (int64_t i = 0; i < l->nchunks; i++) {
    RtContext *c = &l->chunks[i];
    if (!l->ran[i]) {
      // Only cancellation (or an earlier error) leaves a chunk unrun.
      if (!stopped && l->parent->exc == RT_EXC_NONE)
        rt_raise(l->parent, RT_EXC_TIMEOUT, 0, "the run was cancelled");
      stopped = true;
      continue;
    }
    if (!stopped) {
      rt_context_merge(l->parent, c);
      if (c->exc != RT_EXC_NONE) {
        rt_raise(l->parent, c->exc, c->line, c->msg);
        stopped = true;
      }
    }
    rt_context_free(c);
  }
}

static int worker_count(const RtContext *ctx, int64_t nchunks) {
  int64_t t = ctx->nthreads < 1 ? 1 : ctx->nthreads;
  if (t > MAX_WORKERS)
    t = MAX_WORKERS;
  return (int)(t < nchunks ? t : nchunks);
}

void rt_run_threads(int n, void *(*fn)(void *), void *arg) {
  pthread_t tids[MAX_WORKERS];
  int started = 0;
  // The calling thread is worker 0; a thread that fails to start only
  // leaves more chunks to the others.
  pthread_attr_t attr;
  bool sized = pthread_attr_init(&attr) == 0;
  if (sized)
    pthread_attr_setstacksize(&attr, WORKER_STACK_BYTES);
  for (int t = 1; t < n && t < MAX_WORKERS; t++)
    if (pthread_create(&tids[started], sized ? &attr : NULL, fn, arg) == 0)
      started++;
  if (sized)
    pthread_attr_destroy(&attr);
  fn(arg);
  for (int t = 0; t < started; t++)
    pthread_join(tids[t], NULL);
}

void rt_parallel_for(RtContext *ctx, RtLoopBody body, void *env, int64_t n) {
  if (n <= 0 || ctx->exc != RT_EXC_NONE)
    return;
  // Under mpirun the run's loop is split over the ranks (ranks.c).
  if (ctx->split && ctx->split(ctx, body, env, n))
    return;
  if (ctx->nthreads <= 1 || n == 1) {
    body(env, ctx, 0, n);  // a serial run is its own reference
    return;
  }
  int64_t per = (int64_t)ctx->nthreads * CHUNKS_PER_THREAD;
  Loop l = {.parent = ctx, .body = body, .env = env, .n = n,
            .nchunks = n < per ? n : per};
  l.chunks = calloc((size_t)l.nchunks, sizeof *l.chunks);
  l.ran = calloc((size_t)l.nchunks, sizeof *l.ran);
  if (!l.chunks || !l.ran) {
    free(l.chunks);
    free(l.ran);
    rt_raise(ctx, RT_EXC_MEMORY, 0, "no memory for the worker threads");
    return;
  }
  atomic_init(&l.next, 0);
  atomic_init(&l.first_error, l.nchunks);
  rt_run_threads(worker_count(ctx, l.nchunks), work, &l);
  merge_chunks(&l);
  free(l.chunks);
  free(l.ran);
}
