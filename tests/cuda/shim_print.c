// shim_print.c - the host's half of print for shim_runner.cpp.
//
// On a GPU, runtime/launch.c sorts the launch's print records and prints
// them with the CPU's rt_print_* functions. The shim runner calls the very
// same function, rt_cuda_print_records, through this file (plain C, so
// runtime.h need not compile as C++), with a context writing to stdout.
#include "../../runtime/runtime.h"

int shim_print_records(const char *file, const char *table, size_t len,
                       const uint64_t *words, uint64_t nwords,
                       int64_t last);

// 0 when printed; 3 after reporting an rt_str_format error the way main.c
// reports run-time errors; 1 when the records were damaged.
int shim_print_records(const char *file, const char *table, size_t len,
                       const uint64_t *words, uint64_t nwords,
                       int64_t last) {
  RtContext ctx;
  rt_context_init(&ctx, stdout, 1);
  bool ok = rt_cuda_print_records(&ctx, table, len, words, nwords, last);
  rt_context_flush(&ctx);
  fflush(stdout);
  int status = !ok ? 1 : ctx.exc != RT_EXC_NONE ? 3 : 0;
  if (status == 3)
    rt_report_error(stderr, file, &ctx);
  if (!ok)
    fprintf(stderr, "shim: the print records are damaged\n");
  rt_context_free(&ctx);
  return status;
}
