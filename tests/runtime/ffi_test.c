// ffi_test.c - runtime/ffi.c: calls with rtabi.h's convention via libffi.
//
// C functions written with the convention stand in for JIT code; each test
// checks that every kind of parameter and result crosses intact, the
// context pointer first.
#include <check.h>
#include <stdlib.h>

#include "runtime.h"

static Type tint = {.kind = TY_INT}, tfloat = {.kind = TY_FLOAT},
            tbool = {.kind = TY_BOOL}, tcomplex = {.kind = TY_COMPLEX},
            tnone = {.kind = TY_NONE}, tstr = {.kind = TY_STR};
static Type tlist = {.kind = TY_LIST, .elem = &tint};

// A Func with the given parameter types (up to 4) and result.
typedef struct {
  Var v[4];
  Var *p[4];
  Func f;
} Sig;

static void sig_init(Sig *s, Type *ret, int n, Type **params) {
  for (int i = 0; i < n; i++) {
    s->v[i] = (Var){.name = "p", .ty = params[i], .kind = VAR_PARAM};
    s->p[i] = &s->v[i];
  }
  s->f = (Func){.name = "f", .params = s->p, .nparams = n, .ret = ret};
}

static RtContext *seen_ctx;

static int64_t mix(RtContext *ctx, int64_t a, double b, uint8_t c,
                   double re, double im) {
  seen_ctx = ctx;
  return a * 1000 + (int64_t)(b * 10) + c * 7 + (int64_t)re * 100000 +
         (int64_t)im * 1000000;
}

START_TEST(int_float_bool_complex_parameters) {
  Sig s;
  sig_init(&s, &tint, 4, (Type *[]){&tint, &tfloat, &tbool, &tcomplex});
  int64_t a = 3;
  double b = 2.5;
  uint8_t c = 1;
  RtComplex z = {4.0, 5.0};
  void *args[] = {&a, &b, &c, &z};
  int64_t r = 0;
  RtContext ctx = {0};
  rt_ffi_call(&s.f, (void *)mix, &ctx, args, &r);
  ck_assert_int_eq(r, 5000000 + 400000 + 3000 + 25 + 7);
  ck_assert_ptr_eq(seen_ctx, &ctx);
}
END_TEST

static RtComplex square(RtContext *ctx, double re, double im) {
  (void)ctx;
  return (RtComplex){re * re - im * im, re * im + im * re};
}

START_TEST(complex_result_is_a_struct_of_two_doubles) {
  Sig s;
  sig_init(&s, &tcomplex, 1, (Type *[]){&tcomplex});
  RtComplex z = {1.5, -2.0}, r = {0, 0};
  RtContext ctx = {0};
  rt_ffi_call(&s.f, (void *)square, &ctx, (void *[]){&z}, &r);
  ck_assert(r.re == 1.5 * 1.5 - 4.0 && r.im == -6.0);
}
END_TEST

static uint8_t is_long(RtContext *ctx, RtList *l) {
  (void)ctx;
  return l->len > 2;
}

START_TEST(bool_result_and_list_parameter) {
  Sig s;
  sig_init(&s, &tbool, 1, (Type *[]){&tlist});
  RtList l = {.len = 3, .cap = 3, .elem_size = 8};
  RtList *lp = &l;
  uint8_t r = 0xAA;
  RtContext ctx = {0};
  RtFfi *c = rt_ffi_new(&s.f);
  ck_assert_ptr_nonnull(c);
  rt_ffi_invoke(c, (void *)is_long, &ctx, (void *[]){&lp}, &r);
  ck_assert_uint_eq(r, 1);
  l.len = 1;
  rt_ffi_invoke(c, (void *)is_long, &ctx, (void *[]){&lp}, &r);
  ck_assert_uint_eq(r, 0);
  rt_ffi_free(c);
}
END_TEST

static void set_exc(RtContext *ctx, double x) {
  ctx->exc = RT_EXC_VALUE;
  ctx->line = (int32_t)x;
}

START_TEST(none_result_and_exception_in_context) {
  Sig s;
  sig_init(&s, &tnone, 1, (Type *[]){&tfloat});
  double x = 42;
  RtContext ctx = {0};
  rt_ffi_call(&s.f, (void *)set_exc, &ctx, (void *[]){&x}, NULL);
  ck_assert_int_eq(ctx.exc, RT_EXC_VALUE);
  ck_assert_int_eq(ctx.line, 42);
}
END_TEST

START_TEST(str_parameter_has_no_convention) {
  Sig s;
  sig_init(&s, &tint, 1, (Type *[]){&tstr});
  ck_assert_ptr_null(rt_ffi_new(&s.f));
}
END_TEST

int main(void) {
  Suite *s = suite_create("ffi");
  TCase *tc = tcase_create("ffi");
  tcase_add_test(tc, int_float_bool_complex_parameters);
  tcase_add_test(tc, complex_result_is_a_struct_of_two_doubles);
  tcase_add_test(tc, bool_result_and_list_parameter);
  tcase_add_test(tc, none_result_and_exception_in_context);
  tcase_add_test(tc, str_parameter_has_no_convention);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
