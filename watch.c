// watch.c - the watcher thread: Ctrl-C, --timeout and the progress line.
//
// The signals are blocked in every thread; the watcher waits for them with
// sigtimedwait. Ctrl-C or --timeout set the cancel flag that worker loops
// check, and if the kernel does not stop within a grace period the watcher
// reports for main and ends the process itself (compiled loops need not
// check the flag). On a terminal, a run that takes a while shows how long
// it has taken on one line of stderr.
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

// How long a cancelled kernel may take to notice before the watcher ends
// the process (compiled loops need not check the cancel flag).
#define GRACE_SECONDS 1.0
// A run that takes longer than this shows its progress on a terminal.
#define PROGRESS_AFTER 1.0
// Exit status after Ctrl-C, as a shell reports death by SIGINT.
#define EXIT_INTERRUPTED 130

double watch_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int stop_status(int reason) {
  return reason == STOP_INTERRUPT ? EXIT_INTERRUPTED : RT_KERNEL_ERROR;
}

static void print_stop(const Watch *w, int reason) {
  if (w->progress_shown)
    fputs("\r\033[K", stderr);  // the progress line goes first
  if (reason == STOP_INTERRUPT) {
    fprintf(stderr, "mandelc: interrupted\n");
    return;
  }
  char msg[128];
  snprintf(msg, sizeof msg, "the run took longer than --timeout=%g seconds",
           w->timeout);
  fprintf(stderr, "%s: TimeoutError: %s\n", w->file, msg);
  if (w->json) {
    report_json_error(stdout, "exception", "TimeoutError", msg, w->file, 0,
                      0);
    fflush(stdout);
  }
}

int watch_report_stop(const Watch *w, int reason) {
  print_stop(w, reason);
  return stop_status(reason);
}

static bool is_done(Watch *w) {
  pthread_mutex_lock(&w->lock);
  bool done = w->done;
  pthread_mutex_unlock(&w->lock);
  return done;
}

// Asks the run to stop; if main has not finished after the grace period,
// reports for it and ends the process.
static void stop_run(Watch *w, int reason) {
  pthread_mutex_lock(&w->lock);
  w->reason = reason;
  w->cancel = 1;
  pthread_mutex_unlock(&w->lock);
  double deadline = watch_now() + GRACE_SECONDS;
  while (watch_now() < deadline) {
    nanosleep(&(struct timespec){0, 10 * 1000 * 1000}, NULL);
    if (is_done(w))
      return;
  }
  pthread_mutex_lock(&w->lock);
  if (!w->done) {
    fflush(stdout);
    print_stop(w, reason);
    _exit(stop_status(reason));
  }
  pthread_mutex_unlock(&w->lock);
}

// The signals only the watcher takes: Ctrl-C, kill, and SIGUSR1, with
// which main wakes it to finish.
static void watched_signals(sigset_t *set) {
  sigemptyset(set);
  sigaddset(set, SIGINT);
  sigaddset(set, SIGTERM);
  sigaddset(set, SIGUSR1);
}

// After PROGRESS_AFTER seconds a run shows how long it has taken, on one
// line of stderr rewritten in place (a terminal only; never in pipes).
static void show_progress(Watch *w, double elapsed, double *last) {
  if (!w->progress || elapsed < PROGRESS_AFTER || elapsed - *last < 0.25)
    return;
  *last = elapsed;
  fprintf(stderr, "\rmandelc: running %s ... %.1f s (Ctrl-C stops it)",
          w->file, elapsed);
  fflush(stderr);
  w->progress_shown = true;
}

// The signals are blocked in every thread; this one waits for them.
static void *watch_signals(void *arg) {
  Watch *w = arg;
  sigset_t set;
  watched_signals(&set);
  double start = watch_now(), last_progress = 0;
  for (;;) {
    struct timespec tick = {0, 50 * 1000 * 1000};
    int sig = sigtimedwait(&set, NULL, &tick);
    if (is_done(w))
      return NULL;
    show_progress(w, watch_now() - start, &last_progress);
    if (sig == SIGINT || sig == SIGTERM) {
      stop_run(w, STOP_INTERRUPT);
      return NULL;
    }
    if (w->timeout > 0 && watch_now() - start > w->timeout) {
      stop_run(w, STOP_TIMEOUT);
      return NULL;
    }
  }
}

void watch_start(Watch *w, const Options *o) {
  *w = (Watch){.timeout = o->timeout, .file = o->file, .json = o->json,
               .progress = isatty(STDERR_FILENO) && !o->json &&
                           o->emit == EMIT_NONE};
  pthread_mutex_init(&w->lock, NULL);
  sigset_t set;
  watched_signals(&set);
  // Blocked before any other thread exists, so every thread inherits it.
  pthread_sigmask(SIG_BLOCK, &set, NULL);
  w->running = pthread_create(&w->thread, NULL, watch_signals, w) == 0;
  if (!w->running)
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);  // Ctrl-C then just kills
}

// Main is done: the watcher is woken and joined (it must not outlive w,
// which lives in main's frame). Returns why the run was stopped, STOP_NONE
// if it was not.
int watch_finish(Watch *w) {
  pthread_mutex_lock(&w->lock);
  w->done = true;
  int reason = w->reason;
  pthread_mutex_unlock(&w->lock);
  if (w->running) {
    pthread_kill(w->thread, SIGUSR1);
    pthread_join(w->thread, NULL);
    w->running = false;
    if (w->progress_shown)
      fputs("\r\033[K", stderr);  // the progress line goes

    // From here (--compare, --image) Ctrl-C simply ends mandelc.
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
  }
  return reason;
}
