// api_check.c - a C program built against an installed mandelc.h and
// libmandelc_rt only (tests/install/install_test.py): it makes a context
// and a list, reads no exception, and prints what it found.
#include <mandelc.h>
#include <stdio.h>

int main(void) {
  mandelc_context *ctx = mandelc_context_new(stdout, 2);
  if (!ctx)
    return 1;
  mandelc_list *l = mandelc_list_new(ctx, sizeof(mandelc_complex), 5);
  mandelc_complex *z = l->data;
  z[4].im = 1.5;
  int ok = l->len == 5 && l->elem_size == 16 && z[0].re == 0.0 &&
           mandelc_error_name(ctx) == NULL && mandelc_error_line(ctx) == 0;
  // Past the limit: MemoryError, raised as a value in the context.
  mandelc_list *huge = mandelc_list_new(ctx, 8, (int64_t)1 << 40);
  const char *name = mandelc_error_name(ctx);
  printf("list %lld, %g; huge %s: %s\n", (long long)l->len, z[4].im,
         huge ? "made" : "refused", name ? name : "no error");
  mandelc_context_free(ctx);
  return ok ? 0 : 1;
}
