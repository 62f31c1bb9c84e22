// jit.c - the optimised LLVM module to machine code, with ORC's LLJIT.
//
// rt_jit_new takes the module and its context out of the LlvmUnit, wraps
// them as a ThreadSafeModule and adds it to an LLJIT whose TargetMachine
// is built from llvm_host_machine, the one llvm_optimize tuned the code
// for: same CPU, same features, no fast-math options. LLJIT's compile
// layer only runs the code generator on the (already optimised) IR, so
// nothing adds contraction or reassociation on the way.
//
// Generated code calls the helpers of rtabi.h. Rather than exporting the
// whole executable's symbols (-rdynamic) and letting the JIT search them,
// the helpers' addresses are defined as absolute symbols in the JIT's main
// dylib from the one table below: the JIT sees exactly the ABI, and a
// helper missing from the table is a link error at JIT time that names it.
#include <stdlib.h>
#include <string.h>

#include <llvm-c/Core.h>
#include <llvm-c/Error.h>
#include <llvm-c/LLJIT.h>
#include <llvm-c/Orc.h>
#include <llvm-c/TargetMachine.h>

#include "runtime.h"

struct RtJit {
  LLVMOrcLLJITRef jit;
  FILE *out;  // the diagnostics stream rt_jit_new was given
};

// Every helper of rtabi.h that generated code may call.
#define RT_HELPER(name) {#name, (void *)(name)}
static const struct {
  const char *name;
  void *addr;
} rt_helpers[] = {
    RT_HELPER(rt_raise),           RT_HELPER(rt_exc_flag),
    RT_HELPER(rt_list_new),        RT_HELPER(rt_list_append_slot),
    RT_HELPER(rt_list_repeat),     RT_HELPER(rt_print_int),
    RT_HELPER(rt_print_float),     RT_HELPER(rt_print_complex),
    RT_HELPER(rt_print_bool),      RT_HELPER(rt_print_str),
    RT_HELPER(rt_print_rtstr),     RT_HELPER(rt_print_none),
    RT_HELPER(rt_print_list),      RT_HELPER(rt_print_sep),
    RT_HELPER(rt_print_end),       RT_HELPER(rt_str_format),
    RT_HELPER(rt_complex_div),     RT_HELPER(rt_complex_pow),
    RT_HELPER(rt_complex_powi),    RT_HELPER(rt_complex_abs),
    RT_HELPER(rt_float_pow),       RT_HELPER(rt_int_pow),
    RT_HELPER(rt_float_floordiv),  RT_HELPER(rt_float_mod),
    RT_HELPER(rt_float_round),     RT_HELPER(rt_float_round_int),
    RT_HELPER(rt_float_to_int),    RT_HELPER(rt_math_hypot),
    RT_HELPER(rt_math1),           RT_HELPER(rt_math2),
    RT_HELPER(rt_enter_call),      RT_HELPER(rt_leave_call),
    RT_HELPER(rt_parallel_for),
};
#undef RT_HELPER

// Reports an ORC error through the diagnostics stream and consumes it.
static bool jit_failed(Diag *d, const char *what, LLVMErrorRef err) {
  char *msg = LLVMGetErrorMessage(err);
  fprintf(d->out ? d->out : stderr, "%s: internal error: %s: %s\n",
          d->file ? d->file : "mandelc", what, msg);
  LLVMDisposeErrorMessage(msg);
  d->nerrors++;
  return false;
}

// Defines rt_helpers as absolute symbols of the main dylib.
static bool define_helpers(Diag *d, LLVMOrcLLJITRef jit) {
  size_t n = sizeof rt_helpers / sizeof *rt_helpers;
  LLVMOrcCSymbolMapPair pairs[sizeof rt_helpers / sizeof *rt_helpers];
  for (size_t i = 0; i < n; i++) {
    pairs[i].Name = LLVMOrcLLJITMangleAndIntern(jit, rt_helpers[i].name);
    pairs[i].Sym.Address = (LLVMOrcExecutorAddress)rt_helpers[i].addr;
    pairs[i].Sym.Flags.GenericFlags = LLVMJITSymbolGenericFlagsExported |
                                      LLVMJITSymbolGenericFlagsCallable;
    pairs[i].Sym.Flags.TargetFlags = 0;
  }
  LLVMOrcMaterializationUnitRef mu = LLVMOrcAbsoluteSymbols(pairs, n);
  LLVMErrorRef err =
      LLVMOrcJITDylibDefine(LLVMOrcLLJITGetMainJITDylib(jit), mu);
  if (err) {
    LLVMOrcDisposeMaterializationUnit(mu);
    return jit_failed(d, "cannot define the runtime helpers", err);
  }
  return true;
}

// An LLJIT compiling for the host's CPU and features at -O3.
static LLVMOrcLLJITRef create_jit(Diag *d) {
  char *msg = NULL;
  LLVMTargetMachineRef tm = llvm_host_machine(3, &msg);
  if (!tm) {
    fprintf(d->out ? d->out : stderr,
            "mandelc: internal error: no LLVM target for this host: %s\n",
            msg ? msg : "?");
    LLVMDisposeMessage(msg);
    d->nerrors++;
    return NULL;
  }
  // The builder takes the JITTargetMachineBuilder; the TargetMachine was
  // only its template.
  LLVMOrcJITTargetMachineBuilderRef jtmb =
      LLVMOrcJITTargetMachineBuilderCreateFromTargetMachine(tm);
  LLVMOrcLLJITBuilderRef builder = LLVMOrcCreateLLJITBuilder();
  LLVMOrcLLJITBuilderSetJITTargetMachineBuilder(builder, jtmb);
  LLVMOrcLLJITRef jit = NULL;
  LLVMErrorRef err = LLVMOrcCreateLLJIT(&jit, builder);
  if (err) {
    jit_failed(d, "cannot create the JIT", err);
    return NULL;
  }
  return jit;
}

RtJit *rt_jit_new(Diag *d, LlvmUnit *u) {
  RtJit *j = calloc(1, sizeof *j);
  if (!j)
    return NULL;
  j->out = d->out ? d->out : stderr;
  j->jit = create_jit(d);
  if (!j->jit || !define_helpers(d, j->jit)) {
    rt_jit_free(j);
    return NULL;
  }
  LLVMContextRef ctx;
  LLVMModuleRef mod;
  llvm_take_module(u, &ctx, &mod);
  // The ThreadSafeContext owns the context from here; the module goes to
  // the JIT, which keeps both alive as long as it needs them.
  LLVMOrcThreadSafeContextRef tsctx =
      LLVMOrcCreateNewThreadSafeContextFromLLVMContext(ctx);
  LLVMOrcThreadSafeModuleRef tsm =
      LLVMOrcCreateNewThreadSafeModule(mod, tsctx);
  LLVMOrcDisposeThreadSafeContext(tsctx);
  LLVMErrorRef err = LLVMOrcLLJITAddLLVMIRModule(
      j->jit, LLVMOrcLLJITGetMainJITDylib(j->jit), tsm);
  if (err) {
    LLVMOrcDisposeThreadSafeModule(tsm);
    jit_failed(d, "cannot add the module to the JIT", err);
    rt_jit_free(j);
    return NULL;
  }
  return j;
}

// Looking a function up compiles the module (ORC compiles lazily, on the
// first lookup), so a missing helper shows up here as NULL.
void *rt_jit_lookup(RtJit *j, const char *name) {
  LLVMOrcExecutorAddress addr = 0;
  LLVMErrorRef err = LLVMOrcLLJITLookup(j->jit, &addr, name);
  if (err) {
    char *msg = LLVMGetErrorMessage(err);
    fprintf(j->out, "mandelc: internal error: JIT lookup of %s: %s\n", name,
            msg);
    LLVMDisposeErrorMessage(msg);
    return NULL;
  }
  return (void *)(uintptr_t)addr;
}

void rt_jit_free(RtJit *j) {
  if (!j)
    return;
  if (j->jit) {
    LLVMErrorRef err = LLVMOrcDisposeLLJIT(j->jit);
    if (err)
      LLVMConsumeError(err);
  }
  free(j);
}
