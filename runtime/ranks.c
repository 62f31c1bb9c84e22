// ranks.c - one run split over the ranks of an MPI job.
//
// `mpirun -np N mandelc KERNEL.py W MAXITER` starts N copies of mandelc.
// Each reads, compiles (for its own CPU; the compile cache makes a repeat
// free) and runs the whole kernel, which is deterministic: every rank
// reaches the same statements with the same values. Only the run's one
// parallel loop is split - the list kernel's outer loop (NAME.body) or the
// driver's loop over the points - and only through rt_parallel_for, which
// hands it here when its context carries the ranks:
//
//   1. the loop's [0, n) is cut into chunks, about CHUNKS_PER_THREAD for
//      each worker thread of the job; the workers of every rank take the
//      next chunk from a counter in an MPI window on rank 0
//      (MPI_Fetch_and_op), so a slow rank simply takes fewer chunks, as
//      ParallelPython's queue did. A chunk that raises lowers a second word
//      of the window, after which nobody takes a later chunk; a cancelled
//      rank (Ctrl-C, --timeout) sets it to STOP_ALL.
//   2. each chunk runs in its own RtContext, as in workers.c; then every
//      rank but 0 sends rank 0 one message: per chunk its index, its
//      exception, its print output, and the elements its iterations wrote
//      into the loop's shared arrays (RtShare: the list kernel's result
//      lists, the driver's counts) - 8 bytes a point for an int result.
//   3. rank 0 writes those elements into its own arrays and merges the
//      chunks in chunk order, exactly as workers.c merges its threads'
//      chunks, so its context holds a serial run's output and exception.
//      It goes on alone; the other ranks leave the kernel (an exception
//      their driver ignores) and print nothing (main.c closes their stdout
//      and stderr once the ranks agree).
//
// Everything outside the loop happens on every rank; a loop whose writes
// cannot be shipped (a list of lists) is not split: every rank runs it
// whole, and only rank 0's output counts. Before the run the ranks meet at
// checkpoints (one MPI_Allgather each): the same source and command line,
// then the same readiness to run; a rank that stops early waits at the
// last checkpoint, where the others, seeing it, stop too - a failure on
// one rank is an error on all, never a hang. A rank that dies makes
// mpirun end the job. MPI calls are serialised by one lock (the library
// is initialised MPI_THREAD_SERIALIZED), taken by the worker threads
// around each draw from the counter.
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "runtime.h"

#ifdef MANDELC_MPI
#include <mpi.h>

// Chunks per worker thread of the whole job, as in workers.c: enough that
// the last chunks balance uneven rows, few enough that a draw from the
// counter (a microsecond in shared memory, a round trip over a network)
// costs nothing next to a chunk's work.
#define CHUNKS_PER_THREAD 64
// The largest piece one MPI message carries (counts are ints).
#define MAX_MESSAGE_BYTES ((int64_t)1 << 30)
// Message tags of the loop's results.
enum { TAG_SIZE = 1, TAG_DATA = 2 };
// The words of the window on rank 0.
enum { WIN_NEXT, WIN_FIRST_ERROR, WIN_WORDS };
// WIN_FIRST_ERROR after a cancellation: below every chunk.
#define STOP_ALL ((int64_t)-1)

typedef enum { PLAN_NONE, PLAN_POINTS, PLAN_LIST } PlanKind;

// What one rank did in the split loop, for -v and --json.
typedef struct {
  int64_t points, chunks;
  double seconds;
} RankShare;

// What each rank says at a checkpoint.
typedef struct {
  int32_t phase, status, threads, have_source;
  uint8_t hash[32];
} Checkpoint;

struct RtRanks {
  int rank, size, local_rank;
  MPI_Win win;
  int64_t *words;          // rank 0: the window's memory
  pthread_mutex_t lock;    // one thread in MPI at a time
  int *threads;            // each rank's worker threads
  PlanKind plan;
  RtShare points;          // PLAN_POINTS: the counts
  bool *stored;            // PLAN_LIST: the kernel's lists the loop writes
  int nvars;
  bool split;              // the run's split loop has happened
  bool cancelled;          // ... and a rank stopped it
  RankShare *shares;       // rank 0: every rank's; others: their own
  double init_seconds;     // MPI_Init and the window
};

static double now_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

// ---- start and checkpoints -------------------------------------------------

// mpirun (OpenMPI), srun and other PMI launchers set these; a mandelc
// started by hand finds none and never touches MPI.
static bool launched_by_mpi(void) {
  const char *vars[] = {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK",
                        "PMI_SIZE"};
  for (size_t i = 0; i < sizeof vars / sizeof *vars; i++)
    if (getenv(vars[i]))
      return true;
  return false;
}

static int local_rank(void) {
  MPI_Comm node;
  int r = 0;
  if (MPI_Comm_split_type(MPI_COMM_WORLD, MPI_COMM_TYPE_SHARED, 0,
                          MPI_INFO_NULL, &node) == MPI_SUCCESS) {
    MPI_Comm_rank(node, &r);
    MPI_Comm_free(&node);
  }
  return r;
}

RtRanks *rt_ranks_open(int *argc, char ***argv, char *err, size_t errlen) {
  if (!launched_by_mpi())
    return NULL;
  double t0 = now_seconds();
  int provided = 0;
  if (MPI_Init_thread(argc, argv, MPI_THREAD_SERIALIZED, &provided) !=
      MPI_SUCCESS) {
    snprintf(err, errlen, "MPI_Init_thread failed");
    return NULL;
  }
  RtRanks *r = calloc(1, sizeof *r);
  if (!r) {
    snprintf(err, errlen, "out of memory");
    MPI_Abort(MPI_COMM_WORLD, RT_UNAVAILABLE);
    return NULL;
  }
  MPI_Comm_rank(MPI_COMM_WORLD, &r->rank);
  MPI_Comm_size(MPI_COMM_WORLD, &r->size);
  if (provided < MPI_THREAD_SERIALIZED) {
    snprintf(err, errlen, "this MPI library does not support threads "
             "(MPI_THREAD_SERIALIZED)");
    MPI_Abort(MPI_COMM_WORLD, RT_UNAVAILABLE);
  }
  r->local_rank = local_rank();
  r->threads = calloc((size_t)r->size, sizeof *r->threads);
  r->shares = calloc((size_t)r->size, sizeof *r->shares);
  pthread_mutex_init(&r->lock, NULL);
  MPI_Aint bytes = r->rank == 0 ? WIN_WORDS * sizeof(int64_t) : 0;
  MPI_Win_allocate(bytes, sizeof(int64_t), MPI_INFO_NULL, MPI_COMM_WORLD,
                   &r->words, &r->win);
  if (r->rank == 0) {
    r->words[WIN_NEXT] = 0;
    r->words[WIN_FIRST_ERROR] = INT64_MAX;
  }
  MPI_Win_lock_all(MPI_MODE_NOCHECK, r->win);
  MPI_Win_sync(r->win);
  MPI_Barrier(MPI_COMM_WORLD);
  r->init_seconds = now_seconds() - t0;
  return r;
}

int rt_ranks_rank(const RtRanks *r) { return r ? r->rank : 0; }
int rt_ranks_size(const RtRanks *r) { return r ? r->size : 1; }
int rt_ranks_local_rank(const RtRanks *r) { return r ? r->local_rank : 0; }

// Every rank's checkpoint; all ranks call it the same number of times.
static Checkpoint *meet(RtRanks *r, const Checkpoint *mine) {
  Checkpoint *all = calloc((size_t)r->size, sizeof *all);
  if (!all)
    MPI_Abort(MPI_COMM_WORLD, RT_UNAVAILABLE);
  MPI_Allgather(mine, sizeof *mine, MPI_BYTE, all, sizeof *mine, MPI_BYTE,
                MPI_COMM_WORLD);
  return all;
}

// The checkpoints in the order every rank passes them.
enum { PHASE_SOURCE = 1, PHASE_RUN, PHASE_CLOSE };

// The first rank whose checkpoint is not `phase` with status RT_OK
// (-1: none).
static int first_stopped(const RtRanks *r, const Checkpoint *all,
                         int phase) {
  for (int i = 0; i < r->size; i++)
    if (all[i].phase != phase || all[i].status != RT_OK)
      return i;
  return -1;
}

// A 256-bit FNV-1a-style digest: four independent 64-bit lanes. It only
// tells copies of a file apart, so it need not resist an adversary.
static void digest(uint64_t h[4], const void *p, size_t n) {
  const uint8_t *b = p;
  for (size_t i = 0; i < n; i++)
    for (int k = 0; k < 4; k++)
      h[k] = (h[k] ^ (uint64_t)(b[i] + k)) * 0x100000001b3ULL;
}

bool rt_ranks_agree(RtRanks *r, const char *src, size_t len, int argc,
                    char **argv, FILE *err) {
  if (!r)
    return true;
  Checkpoint mine = {.phase = PHASE_SOURCE, .status = RT_OK,
                     .threads = r->threads[r->rank],
                     .have_source = src != NULL};
  uint64_t h[4] = {0xcbf29ce484222325ULL, 1, 2, 3};
  if (src)
    digest(h, src, len);
  for (int i = 1; i < argc; i++)
    digest(h, argv[i], strlen(argv[i]) + 1);
  memcpy(mine.hash, h, sizeof mine.hash);
  Checkpoint *all = meet(r, &mine);
  bool same = true;
  for (int i = 0; i < r->size; i++) {
    r->threads[i] = all[i].threads;
    if (!all[i].have_source || memcmp(all[i].hash, all[0].hash, 32)) {
      // Rank 0 without the file has said so itself.
      if (same && r->rank == 0 && all[0].have_source)
        fprintf(err, "mandelc: error: the ranks disagree: rank %d %s; "
                "every rank must run the same kernel file and options\n",
                i, !all[i].have_source ? "cannot read the kernel file"
                   : "has a different kernel file or command line than "
                     "rank 0");
      same = false;
    }
  }
  free(all);
  return same;
}

void rt_ranks_set_threads(RtRanks *r, int nthreads) {
  if (r)
    r->threads[r->rank] = nthreads;
}

int rt_ranks_ready(RtRanks *r, int status, FILE *err) {
  if (!r)
    return status;
  Checkpoint mine = {.phase = PHASE_RUN, .status = status,
                     .threads = r->threads[r->rank]};
  Checkpoint *all = meet(r, &mine);
  int bad = first_stopped(r, all, PHASE_RUN);
  for (int i = 0; i < r->size; i++)
    r->threads[i] = all[i].threads;
  if (bad >= 0 && status == RT_OK) {
    status = all[bad].status != RT_OK ? all[bad].status : RT_UNAVAILABLE;
    if (r->rank == 0)
      fprintf(err, "mandelc: error: rank %d cannot run the kernel (exit "
              "status %d); run it there alone to see why\n", bad, status);
  }
  free(all);
  return status;
}

int rt_ranks_close(RtRanks *r, int status) {
  if (!r)
    return status;
  // Ranks still before an earlier checkpoint see this one as a stop and
  // come here too; meet until every rank is closing.
  Checkpoint mine = {.phase = PHASE_CLOSE, .status = status};
  int final = status;
  for (;;) {
    Checkpoint *all = meet(r, &mine);
    bool closing = true;
    for (int i = 0; i < r->size; i++)
      closing = closing && all[i].phase == PHASE_CLOSE;
    final = all[0].status;  // the job's status is rank 0's
    free(all);
    if (closing)
      break;
  }
  MPI_Win_unlock_all(r->win);
  MPI_Win_free(&r->win);
  MPI_Finalize();
  pthread_mutex_destroy(&r->lock);
  free(r->threads);
  free(r->shares);
  free(r->stored);
  free(r);
  return final;
}

// ---- the plan: what the split loop writes ----------------------------------

void rt_ranks_plan_points(RtRanks *r, int64_t *counts, int64_t n,
                          int64_t per) {
  if (!r)
    return;
  r->plan = PLAN_POINTS;
  r->points = (RtShare){.data = counts, .len = n, .elem_size = 8,
                        .start = 0, .step = per, .per = per};
}

void rt_ranks_plan_list(RtRanks *r, const bool *stored, int nvars) {
  if (!r)
    return;
  free(r->stored);
  r->stored = NULL;
  r->plan = PLAN_NONE;
  if (!stored)
    return;  // a loop that cannot be shipped: every rank runs it whole
  r->stored = malloc((size_t)(nvars ? nvars : 1) * sizeof *r->stored);
  if (!r->stored)
    return;
  memcpy(r->stored, stored, (size_t)nvars * sizeof *stored);
  r->nvars = nvars;
  r->plan = PLAN_LIST;
}

// NAME.body's environment (compiler/llvm_stmt.c, rtabi.h): the range's
// start and step, then the address of each variable of the kernel.
typedef struct {
  int64_t start, step;
  void *vars[];
} LoopEnv;

// The arrays the loop writes, read from its environment: at most nvars
// lists of the kernel, or the driver's counts.
static int loop_shares(const RtRanks *r, const void *env, RtShare *out) {
  if (r->plan == PLAN_POINTS) {
    out[0] = r->points;
    return 1;
  }
  const LoopEnv *e = env;
  int n = 0;
  for (int k = 0; k < r->nvars; k++) {
    RtList *l = r->stored[k] ? *(RtList **)e->vars[k] : NULL;
    if (l)
      out[n++] = (RtShare){.data = l->data, .len = l->len,
                           .elem_size = l->elem_size, .start = e->start,
                           .step = e->step, .per = 1};
  }
  return n;
}

// The elements iteration k writes: [*first, *first + count), clipped.
static int64_t span(const RtShare *s, int64_t k, int64_t *first) {
  int64_t f = s->start + k * s->step;
  if (f < 0 && s->per == 1)
    f += s->len;  // a negative Python index counts from the end
  if (f < 0 || f >= s->len) {
    *first = 0;
    return 0;
  }
  *first = f;
  return f + s->per <= s->len ? s->per : s->len - f;
}

// ---- the split loop --------------------------------------------------------

typedef struct {
  RtRanks *r;
  RtContext *parent;
  RtLoopBody body;
  void *env;
  int64_t n, nchunks;
  RtContext *chunks;
  bool *ran;
  RtShare *shares;
  int nshares;
  int64_t points, nran;  // this rank's, under r->lock
} Split;

static int64_t chunk_start(const Split *s, int64_t i) {
  int64_t base = s->n / s->nchunks, extra = s->n % s->nchunks;
  return i * base + (i < extra ? i : extra);
}

static int64_t chunk_points(const Split *s, int64_t lo, int64_t hi) {
  if (s->r->plan != PLAN_POINTS)
    return hi - lo;
  const RtShare *p = &s->r->points;
  int64_t a = lo * p->per, b = hi * p->per;
  return (b < p->len ? b : p->len) - (a < p->len ? a : p->len);
}

static int64_t window_op(RtRanks *r, int word, int64_t v, MPI_Op op) {
  int64_t got = 0;
  MPI_Fetch_and_op(&v, &got, MPI_INT64_T, 0, word, op, r->win);
  return got;
}

// The next chunk for this rank, or -1 when there is none to take: all are
// taken, a chunk before it raised, or the run was cancelled.
static int64_t draw_chunk(Split *s) {
  RtRanks *r = s->r;
  bool cancelled = s->parent->cancel && *s->parent->cancel;
  pthread_mutex_lock(&r->lock);
  int64_t i = -1, first_error;
  if (cancelled) {
    window_op(r, WIN_FIRST_ERROR, STOP_ALL, MPI_MIN);
    MPI_Win_flush(0, r->win);
  } else {
    i = window_op(r, WIN_NEXT, 1, MPI_SUM);
    first_error = window_op(r, WIN_FIRST_ERROR, 0, MPI_NO_OP);
    MPI_Win_flush(0, r->win);
    if (i >= s->nchunks || i > first_error)
      i = -1;
  }
  pthread_mutex_unlock(&r->lock);
  return i;
}

static void note_error(Split *s, int64_t i) {
  pthread_mutex_lock(&s->r->lock);
  window_op(s->r, WIN_FIRST_ERROR, i, MPI_MIN);
  MPI_Win_flush(0, s->r->win);
  pthread_mutex_unlock(&s->r->lock);
}

static void *work(void *arg) {
  Split *s = arg;
  for (int64_t i; (i = draw_chunk(s)) >= 0;) {
    RtContext *c = &s->chunks[i];
    rt_context_init(c, NULL, 1);  // nested loops run inline
    c->cancel = s->parent->cancel;
    c->depth = s->parent->depth;
    int64_t lo = chunk_start(s, i), hi = chunk_start(s, i + 1);
    s->body(s->env, c, lo, hi);
    pthread_mutex_lock(&s->r->lock);
    s->ran[i] = true;
    s->points += chunk_points(s, lo, hi);
    s->nran++;
    pthread_mutex_unlock(&s->r->lock);
    if (c->exc != RT_EXC_NONE)
      note_error(s, i);
  }
  return NULL;
}

// ---- the results: one message a rank ---------------------------------------

// A growing byte buffer; `failed` once an allocation did not succeed.
typedef struct {
  char *p;
  size_t len, cap;
  bool failed;
} Buf;

static void put(Buf *b, const void *v, size_t n) {
  if (b->failed || n == 0)  // (v may be NULL then: an empty output)
    return;
  if (b->len + n > b->cap) {
    size_t cap = b->cap ? b->cap * 2 : 4096;
    while (cap < b->len + n)
      cap *= 2;
    char *p = realloc(b->p, cap);
    if (!p) {
      b->failed = true;
      return;
    }
    b->p = p;
    b->cap = cap;
  }
  memcpy(b->p + b->len, v, n);
  b->len += n;
}

// One chunk as the message carries it; the output and the elements
// follow.
typedef struct {
  int64_t chunk, outlen;
  int32_t exc, line;
  char msg[160];
} ChunkHead;

static void pack_chunk(const Split *s, int64_t i, Buf *b) {
  const RtContext *c = &s->chunks[i];
  ChunkHead h = {.chunk = i, .outlen = (int64_t)c->outlen, .exc = c->exc,
                 .line = c->line};
  memcpy(h.msg, c->msg, sizeof h.msg);
  put(b, &h, sizeof h);
  put(b, c->out, c->outlen);
  for (int k = 0; k < s->nshares; k++) {
    const RtShare *sh = &s->shares[k];
    for (int64_t it = chunk_start(s, i); it < chunk_start(s, i + 1); it++) {
      int64_t first, count = span(sh, it, &first);
      if (count > 0)
        put(b, (char *)sh->data + first * sh->elem_size,
            (size_t)(count * sh->elem_size));
    }
  }
}

static void send_results(Split *s, double seconds) {
  Buf b = {0};
  RankShare mine = {.points = s->points, .chunks = s->nran,
                    .seconds = seconds};
  put(&b, &mine, sizeof mine);
  for (int64_t i = 0; i < s->nchunks; i++)
    if (s->ran[i])
      pack_chunk(s, i, &b);
  if (b.failed)
    MPI_Abort(MPI_COMM_WORLD, RT_KERNEL_ERROR);  // rank 0 cannot go on
  int64_t size = (int64_t)b.len;
  MPI_Send(&size, 1, MPI_INT64_T, 0, TAG_SIZE, MPI_COMM_WORLD);
  for (int64_t at = 0; at < size; at += MAX_MESSAGE_BYTES) {
    int64_t n = size - at < MAX_MESSAGE_BYTES ? size - at : MAX_MESSAGE_BYTES;
    MPI_Send(b.p + at, (int)n, MPI_BYTE, 0, TAG_DATA, MPI_COMM_WORLD);
  }
  free(b.p);
}

// Reads `n` bytes at *at of a message of `len`; false past its end.
static bool take(const char *msg, size_t len, size_t *at, void *dst,
                 size_t n) {
  if (*at + n > len)
    return false;
  if (dst)
    memcpy(dst, msg + *at, n);
  *at += n;
  return true;
}

// One chunk of another rank into rank 0's table and arrays.
static bool unpack_chunk(Split *s, const char *msg, size_t len, size_t *at) {
  ChunkHead h;
  if (!take(msg, len, at, &h, sizeof h) || h.chunk < 0 ||
      h.chunk >= s->nchunks || s->ran[h.chunk] || h.outlen < 0 ||
      *at + (size_t)h.outlen > len)
    return false;
  RtContext *c = &s->chunks[h.chunk];
  rt_context_init(c, NULL, 1);
  s->ran[h.chunk] = true;
  if (h.outlen > 0)
    rt_context_write(c, msg + *at, (size_t)h.outlen);
  *at += (size_t)h.outlen;
  if (h.exc != RT_EXC_NONE) {
    h.msg[sizeof h.msg - 1] = '\0';
    rt_raise(c, h.exc, h.line, h.msg);
  }
  for (int k = 0; k < s->nshares; k++) {
    const RtShare *sh = &s->shares[k];
    for (int64_t it = chunk_start(s, h.chunk);
         it < chunk_start(s, h.chunk + 1); it++) {
      int64_t first, count = span(sh, it, &first);
      if (count > 0 &&
          !take(msg, len, at, (char *)sh->data + first * sh->elem_size,
                (size_t)(count * sh->elem_size)))
        return false;
    }
  }
  return true;
}

// Waits for a message without MPI's busy polling, which would take a core
// from the ranks still computing when they share rank 0's node.
static void wait_for(int from, int tag) {
  for (int arrived = 0;;) {
    MPI_Iprobe(from, tag, MPI_COMM_WORLD, &arrived, MPI_STATUS_IGNORE);
    if (arrived)
      return;
    nanosleep(&(struct timespec){0, 200 * 1000}, NULL);
  }
}

static void receive_results(Split *s, int from) {
  int64_t size = 0;
  wait_for(from, TAG_SIZE);
  MPI_Recv(&size, 1, MPI_INT64_T, from, TAG_SIZE, MPI_COMM_WORLD,
           MPI_STATUS_IGNORE);
  char *msg = malloc((size_t)(size ? size : 1));
  if (!msg)
    MPI_Abort(MPI_COMM_WORLD, RT_KERNEL_ERROR);
  for (int64_t at = 0; at < size; at += MAX_MESSAGE_BYTES) {
    int64_t n = size - at < MAX_MESSAGE_BYTES ? size - at : MAX_MESSAGE_BYTES;
    MPI_Recv(msg + at, (int)n, MPI_BYTE, from, TAG_DATA, MPI_COMM_WORLD,
             MPI_STATUS_IGNORE);
  }
  size_t at = 0;
  bool ok = take(msg, (size_t)size, &at, &s->r->shares[from],
                 sizeof(RankShare));
  while (ok && at < (size_t)size)
    ok = unpack_chunk(s, msg, (size_t)size, &at);
  free(msg);
  // Both sides run the same mandelc on the same grid; a message that does
  // not parse is a bug (or a rank running another mandelc), and the job
  // cannot go on.
  if (!ok) {
    fprintf(stderr, "mandelc: internal error: %s:%d: the results of rank "
            "%d do not fit rank 0's loop\n", __FILE__, __LINE__, from);
    MPI_Abort(MPI_COMM_WORLD, RT_KERNEL_ERROR);
  }
}

// workers.c's merge over the whole job's chunks: output and exceptions in
// chunk order, up to the first chunk that raised; an unrun chunk before
// it means the run was cancelled.
static void merge_chunks(Split *s) {
  bool stopped = false;
  for (int64_t i = 0; i < s->nchunks; i++) {
    RtContext *c = &s->chunks[i];
    if (!s->ran[i]) {
      if (!stopped && s->parent->exc == RT_EXC_NONE) {
        rt_raise(s->parent, RT_EXC_TIMEOUT, 0, "the run was cancelled");
        s->r->cancelled = true;
      }
      stopped = true;
      continue;
    }
    if (!stopped) {
      rt_context_merge(s->parent, c);
      stopped = c->exc != RT_EXC_NONE;
    }
    rt_context_free(c);
  }
}

static int64_t total_threads(const RtRanks *r) {
  int64_t t = 0;
  for (int i = 0; i < r->size; i++)
    t += r->threads[i] > 0 ? r->threads[i] : 1;
  return t;
}

// Runs the split loop; false when there is nothing to hold the chunks.
static bool run_split(RtRanks *r, RtContext *ctx, RtLoopBody body,
                      void *env, int64_t n) {
  int64_t per = total_threads(r) * CHUNKS_PER_THREAD;
  Split s = {.r = r, .parent = ctx, .body = body, .env = env, .n = n,
             .nchunks = n < per ? n : per};
  s.shares = calloc((size_t)(r->plan == PLAN_LIST ? r->nvars + 1 : 1),
                    sizeof *s.shares);
  s.chunks = calloc((size_t)s.nchunks, sizeof *s.chunks);
  s.ran = calloc((size_t)s.nchunks, sizeof *s.ran);
  if (!s.shares || !s.chunks || !s.ran)
    MPI_Abort(MPI_COMM_WORLD, RT_KERNEL_ERROR);  // the others wait for us
  s.nshares = loop_shares(r, env, s.shares);
  double t0 = now_seconds();
  rt_run_threads(ctx->nthreads < s.nchunks ? ctx->nthreads : (int)s.nchunks,
                 work, &s);
  double seconds = now_seconds() - t0;
  if (r->rank != 0) {
    send_results(&s, seconds);
    for (int64_t i = 0; i < s.nchunks; i++)
      if (s.ran[i])
        rt_context_free(&s.chunks[i]);
    // The loop's results live on rank 0 now; this rank leaves the kernel.
    rt_raise(ctx, RT_EXC_TIMEOUT, 0, "the results went to rank 0");
  } else {
    r->shares[0] = (RankShare){.points = s.points, .chunks = s.nran,
                               .seconds = seconds};
    for (int from = 1; from < r->size; from++)
      receive_results(&s, from);
    merge_chunks(&s);
  }
  free(s.shares);
  free(s.chunks);
  free(s.ran);
  return true;
}

bool rt_ranks_parallel_for(RtContext *ctx, RtLoopBody body, void *env,
                           int64_t n) {
  RtRanks *r = ctx->ranks;
  if (!r || r->split || r->plan == PLAN_NONE)
    return false;
  r->split = true;  // the run's one split loop; later ones run locally
  return run_split(r, ctx, body, env, n);
}

bool rt_ranks_is_split(const RtRanks *r) { return r && r->split; }
bool rt_ranks_cancelled(const RtRanks *r) { return r && r->cancelled; }

// ---- the report ------------------------------------------------------------

void rt_ranks_report(const RtRanks *r, FILE *out, bool json) {
  if (!r)
    return;
  int64_t all = 0;
  for (int i = 0; i < r->size; i++)
    all += r->shares[i].points;
  if (json) {
    fprintf(out, ", \"ranks\": %d, \"split\": %s, \"mpi_init_seconds\": "
            "%.6f, \"rank_threads\": [", r->size,
            r->split ? "true" : "false", r->init_seconds);
    for (int i = 0; i < r->size; i++)
      fprintf(out, "%s%d", i ? ", " : "", r->threads[i]);
    fprintf(out, "], \"rank_points\": [");
    for (int i = 0; i < r->size; i++)
      fprintf(out, "%s%lld", i ? ", " : "",
              (long long)r->shares[i].points);
    fprintf(out, "], \"rank_seconds\": [");
    for (int i = 0; i < r->size; i++)
      fprintf(out, "%s%.6f", i ? ", " : "", r->shares[i].seconds);
    fprintf(out, "]");
    return;
  }
  fprintf(out, "mandelc: %d ranks (MPI_Init %.1f ms); ", r->size,
          r->init_seconds * 1e3);
  if (!r->split) {
    fprintf(out, "the run was not split: every rank ran the whole "
            "kernel\n");
    return;
  }
  fprintf(out, "the loop was split in chunks drawn by every rank's "
          "workers\n");
  for (int i = 0; i < r->size; i++)
    fprintf(out, "mandelc: rank %d: %d threads, %lld points (%.1f%%) in "
            "%lld chunks, %.3f s\n", i, r->threads[i],
            (long long)r->shares[i].points,
            all ? 100.0 * (double)r->shares[i].points / (double)all : 0.0,
            (long long)r->shares[i].chunks, r->shares[i].seconds);
}

#else  // built without MPI: one process, always

RtRanks *rt_ranks_open(int *argc, char ***argv, char *err, size_t errlen) {
  (void)argc, (void)argv, (void)err, (void)errlen;
  return NULL;
}
int rt_ranks_rank(const RtRanks *r) { return (void)r, 0; }
int rt_ranks_size(const RtRanks *r) { return (void)r, 1; }
int rt_ranks_local_rank(const RtRanks *r) { return (void)r, 0; }
bool rt_ranks_agree(RtRanks *r, const char *src, size_t len, int argc,
                    char **argv, FILE *err) {
  (void)r, (void)src, (void)len, (void)argc, (void)argv, (void)err;
  return true;
}
void rt_ranks_set_threads(RtRanks *r, int nthreads) { (void)r, (void)nthreads; }
int rt_ranks_ready(RtRanks *r, int status, FILE *err) {
  (void)r, (void)err;
  return status;
}
int rt_ranks_close(RtRanks *r, int status) { return (void)r, status; }
void rt_ranks_plan_points(RtRanks *r, int64_t *counts, int64_t n,
                          int64_t per) {
  (void)r, (void)counts, (void)n, (void)per;
}
void rt_ranks_plan_list(RtRanks *r, const bool *stored, int nvars) {
  (void)r, (void)stored, (void)nvars;
}
bool rt_ranks_parallel_for(RtContext *ctx, RtLoopBody body, void *env,
                           int64_t n) {
  (void)ctx, (void)body, (void)env, (void)n;
  return false;
}
bool rt_ranks_is_split(const RtRanks *r) { return (void)r, false; }
bool rt_ranks_cancelled(const RtRanks *r) { return (void)r, false; }
void rt_ranks_report(const RtRanks *r, FILE *out, bool json) {
  (void)r, (void)out, (void)json;
}

#endif
