// cprogram.c - --compare's row for the C program that --emit=c writes.
//
// The tutorial asks for "a pure C implementation ... for reference";
// reference.c has two written by hand, and this row is the one mandelc
// generates (compiler/c.c): the text is written into a private temporary
// directory, built by the system's C compiler (`cc -O2 k.c -lm`, no other
// flags: the file itself forbids FMA contraction), and run at the grid's
// W and MAXITER. Its own "Main took" line (the kernel call alone, on one
// thread, as CPython times it) and validation sum are read back from its
// output; the kernel's prints in between are dropped.
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "runtime.h"

extern char **environ;

// Runs argv with stdout into `out` (a file; NULL: /dev/null) and stderr
// into `errs`; the exit status, or -1 when it could not start or died.
static int run_program(char *const argv[], const char *out,
                       const char *errs) {
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, out ? out : "/dev/null",
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&fa, 2, errs,
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  pid_t pid;
  int rc = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
  posix_spawn_file_actions_destroy(&fa);
  if (rc != 0)
    return -1;
  int status;
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR)
      return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// The first line of a file, for an error message.
static void first_line(const char *path, char *err, size_t errlen) {
  FILE *f = fopen(path, "r");
  if (!f || !fgets(err, (int)errlen, f))
    snprintf(err, errlen, "no message");
  if (f)
    fclose(f);
  err[strcspn(err, "\n")] = '\0';
}

// The program's "Main took H:MM:SS.ffffff" and validation sum.
static bool read_result(const char *path, RtReference *out) {
  FILE *f = fopen(path, "r");
  if (!f)
    return false;
  char line[512];
  bool took = false, sum = false;
  while (fgets(line, sizeof line, f)) {
    long long h, m;
    double s;
    const char *total = "Total sum of elements (for validation): ";
    if (sscanf(line, "Main took %lld:%lld:%lf", &h, &m, &s) == 3) {
      out->seconds = (double)h * 3600 + (double)m * 60 + s;
      took = true;
    } else if (!strncmp(line, total, strlen(total))) {
      out->sum = 0;  // RtSum may be wider than any scanf conversion
      bool negative = line[strlen(total)] == '-';
      for (const char *c = line + strlen(total) + negative;
           *c >= '0' && *c <= '9'; c++)
        out->sum = out->sum * 10 + (negative ? -(*c - '0') : *c - '0');
      sum = true;
    }
  }
  fclose(f);
  return took && sum;
}

bool rt_cprogram_run(const char *c_text, const RtGrid *g, RtReference *out,
                     char *err, size_t errlen) {
  out->name = "generated C (cc -O2)";
  char dir[] = "/tmp/mandelc-c-XXXXXX";
  if (!mkdtemp(dir)) {
    snprintf(err, errlen, "cannot make a temporary directory: %s",
             strerror(errno));
    return false;
  }
  char src[64], exe[64], output[64], errs[64];
  snprintf(src, sizeof src, "%s/k.c", dir);
  snprintf(exe, sizeof exe, "%s/k", dir);
  snprintf(output, sizeof output, "%s/out", dir);
  snprintf(errs, sizeof errs, "%s/err", dir);
  bool ok = false;
  FILE *f = fopen(src, "w");
  if (!f || fputs(c_text, f) < 0 || fclose(f) != 0) {
    snprintf(err, errlen, "cannot write %s", src);
  } else {
    char *cc[] = {"cc", "-O2", "-o", exe, src, "-lm", NULL};
    char w[24], maxiter[24];
    snprintf(w, sizeof w, "%" PRId64, g->w);
    snprintf(maxiter, sizeof maxiter, "%" PRId64, g->maxiter);
    char *run[] = {exe, w, maxiter, NULL};
    int rc = run_program(cc, NULL, errs);
    if (rc != 0) {
      char msg[256];
      first_line(errs, msg, sizeof msg);
      snprintf(err, errlen, "cc could not build it (%s)",
               rc < 0 ? "cc not found" : msg);
    } else if ((rc = run_program(run, output, errs)) != 0) {
      char msg[256];
      first_line(errs, msg, sizeof msg);
      snprintf(err, errlen, "it exited %d: %s", rc, msg);
    } else if (!(ok = read_result(output, out))) {
      snprintf(err, errlen, "its output has no time and sum");
    }
  }
  const char *files[] = {src, exe, output, errs};
  for (size_t k = 0; k < sizeof files / sizeof files[0]; k++)
    unlink(files[k]);
  rmdir(dir);
  return ok;
}
