// ffi.c - calling a compiled function whose signature is known at run time.
//
// The driver only learns the kernel's signature after inference, so it
// cannot call the JIT's code through a C function pointer type. libffi
// builds the call from a description (a cif): rt_ffi_new turns a Func's
// parameter and return Types into one, following rtabi.h - the RtContext
// pointer first, int as int64_t, float as double, bool as uint8_t, list as
// a pointer, complex as two doubles (real, imag) in two parameters, and a
// complex result as a struct of two doubles. rt_ffi_free disposes of it.
// rt_ffi_invoke then calls through the cif as often as needed (the point
// forms call once per point); rt_ffi_call is the one-shot form.
#include <assert.h>
#include <ffi.h>
#include <stdlib.h>
#include <string.h>

#include "runtime.h"

struct RtFfi {
  const Func *f;
  ffi_cif cif;
  int nargs;                    // ffi arguments: ctx, then 1 or 2 per param
  ffi_type *atypes[RT_FFI_MAX_ARGS];
  ffi_type *rtype;
  // RtComplex as libffi sees it: a struct of two doubles
  ffi_type complex_type;
  ffi_type *complex_elems[3];
};

// The libffi type of a scalar parameter or result (not complex, not None).
static ffi_type *scalar_type(const Type *t) {
  switch (t->kind) {
  case TY_INT:
    return &ffi_type_sint64;
  case TY_FLOAT:
    return &ffi_type_double;
  case TY_BOOL:
    return &ffi_type_uint8;
  case TY_LIST:
    return &ffi_type_pointer;
  default:
    return NULL;  // str and tuple never cross the ABI
  }
}

static ffi_type *return_type(RtFfi *c, const Type *t) {
  if (t->kind == TY_NONE)
    return &ffi_type_void;
  if (t->kind == TY_COMPLEX)
    return &c->complex_type;
  return scalar_type(t);
}

// Fills atypes: the context pointer, then each parameter (complex as two
// doubles). False when a parameter has no ABI type or there are too many.
static bool describe_params(RtFfi *c, const Func *f) {
  c->atypes[c->nargs++] = &ffi_type_pointer;
  for (int i = 0; i < f->nparams; i++) {
    const Type *t = f->params[i]->ty;
    int need = t->kind == TY_COMPLEX ? 2 : 1;
    if (c->nargs + need > RT_FFI_MAX_ARGS)
      return false;
    if (t->kind == TY_COMPLEX) {
      c->atypes[c->nargs++] = &ffi_type_double;
      c->atypes[c->nargs++] = &ffi_type_double;
    } else if (!(c->atypes[c->nargs++] = scalar_type(t))) {
      return false;
    }
  }
  return true;
}

RtFfi *rt_ffi_new(const Func *f) {
  RtFfi *c = calloc(1, sizeof *c);
  if (!c)
    return NULL;
  c->f = f;
  c->complex_elems[0] = &ffi_type_double;
  c->complex_elems[1] = &ffi_type_double;
  c->complex_elems[2] = NULL;
  c->complex_type.type = FFI_TYPE_STRUCT;
  c->complex_type.elements = c->complex_elems;
  c->rtype = return_type(c, f->ret);
  if (!c->rtype || !describe_params(c, f) ||
      ffi_prep_cif(&c->cif, FFI_DEFAULT_ABI, (unsigned)c->nargs, c->rtype,
                   c->atypes) != FFI_OK) {
    free(c);
    return NULL;
  }
  return c;
}

void rt_ffi_free(RtFfi *c) {
  free(c);
}

void rt_ffi_invoke(RtFfi *c, void *fn, RtContext *ctx, void **args,
                   void *ret) {
  void *avalues[RT_FFI_MAX_ARGS];
  int k = 0;
  avalues[k++] = &ctx;
  for (int i = 0; i < c->f->nparams; i++) {
    if (c->f->params[i]->ty->kind == TY_COMPLEX) {
      RtComplex *z = args[i];
      avalues[k++] = &z->re;
      avalues[k++] = &z->im;
    } else {
      avalues[k++] = args[i];
    }
  }
  assert(k == c->nargs);
  // libffi widens integer results narrower than a register to ffi_arg, so
  // a bool comes back through a full-width slot.
  if (c->rtype == &ffi_type_uint8) {
    ffi_arg wide = 0;
    ffi_call(&c->cif, FFI_FN(fn), &wide, avalues);
    if (ret)
      *(uint8_t *)ret = (uint8_t)wide;
    return;
  }
  ffi_call(&c->cif, FFI_FN(fn), c->rtype == &ffi_type_void ? NULL : ret,
           avalues);
}

void rt_ffi_call(const Func *f, void *fn, RtContext *ctx, void **args,
                 void *ret) {
  RtFfi *c = rt_ffi_new(f);
  if (!c) {
    rt_raise(ctx, RT_EXC_TYPE, 0,
             "the function's signature has no C calling convention");
    return;
  }
  rt_ffi_invoke(c, fn, ctx, args, ret);
  rt_ffi_free(c);
}
