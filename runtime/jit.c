// jit.c - the optimised LLVM module to machine code, with ORC's LLJIT.
//
// Compiling is two steps, so that the compile cache (cache.c) can keep
// what lies between them: rt_jit_emit_object runs the code generator of
// llvm_target_machine - the TargetMachine llvm_optimize tuned the code
// for: same CPU (--mcpu), same features, no fast-math options - over each
// part of the unit (llvm_split cuts a run's module in two, compiled at
// once) and packs
// the ELF objects, with the lowering's notes for -v, into one buffer;
// rt_jit_load_object links such a buffer's objects into an LLJIT. A fresh
// compile and a cache hit therefore run the very same machine code, and
// nothing on the way adds contraction or reassociation.
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
#include <llvm-c/ExecutionEngine.h>
#include <llvm-c/LLJIT.h>
#include <llvm-c/Orc.h>
#include <llvm-c/OrcEE.h>
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
    RT_HELPER(rt_poll),
    RT_HELPER(rt_complex_div),     RT_HELPER(rt_complex_pow),
    RT_HELPER(rt_complex_powi),    RT_HELPER(rt_complex_abs),
    RT_HELPER(rt_float_pow),       RT_HELPER(rt_int_pow),
    RT_HELPER(rt_float_floordiv),  RT_HELPER(rt_float_mod),
    RT_HELPER(rt_float_round),     RT_HELPER(rt_float_round_int),
    RT_HELPER(rt_float_to_int),    RT_HELPER(rt_math_hypot),
    RT_HELPER(rt_math1),           RT_HELPER(rt_math2),
    RT_HELPER(rt_enter_call),      RT_HELPER(rt_leave_call),
    RT_HELPER(rt_parallel_for),    RT_HELPER(rt_int_true_div),
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

// --debug-jit: the object layer is RuntimeDyld's, the one LLVM's JIT
// event listeners work with, and two listen to it. The GDB listener
// registers each object with gdb's JIT interface (__jit_debug_register_code),
// so gdb sees the kernel's functions and lines; the perf listener writes a
// jitdump file (jit-PID.dump, in $JITDUMPDIR or ~/.debug/jit) that `perf
// inject --jit` merges into a `perf record -k 1` profile, so `perf report`
// names the kernel's functions (README: "Profiling with perf and gdb").
// Without it the JIT keeps its default linker (JITLink), which needs no
// listener.
static LLVMOrcObjectLayerRef listened_layer(void *ctx,
                                            LLVMOrcExecutionSessionRef es,
                                            const char *triple) {
  (void)ctx;
  (void)triple;
  LLVMOrcObjectLayerRef layer =
      LLVMOrcCreateRTDyldObjectLinkingLayerWithSectionMemoryManager(es);
  LLVMOrcRTDyldObjectLinkingLayerRegisterJITEventListener(
      layer, LLVMCreateGDBRegistrationListener());
  LLVMJITEventListenerRef perf = LLVMCreatePerfJITEventListener();
  if (perf)  // NULL where LLVM was built without perf support
    LLVMOrcRTDyldObjectLinkingLayerRegisterJITEventListener(layer, perf);
  return layer;
}

// An LLJIT for the host. It only links object files that
// rt_jit_emit_object made (for --mcpu's CPU); it compiles no IR itself.
static LLVMOrcLLJITRef create_jit(Diag *d, bool debug) {
  char *msg = NULL;
  LLVMTargetMachineRef tm = llvm_target_machine(NULL, 3, &msg);
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
  if (debug)
    LLVMOrcLLJITBuilderSetObjectLinkingLayerCreator(builder, listened_layer,
                                                    NULL);
  LLVMOrcLLJITRef jit = NULL;
  LLVMErrorRef err = LLVMOrcCreateLLJIT(&jit, builder);
  if (err) {
    jit_failed(d, "cannot create the JIT", err);
    return NULL;
  }
  return jit;
}

// ---- the code: objects and notes in one buffer ----------------------------

// What rt_jit_emit_object returns and the compile cache stores: this
// header, then the lowering's notes (llvm_notes: what -v says about the
// forms, so that a cache hit can say it too), then the object files one
// after another. Native byte order, like the cache entry around it.
#define CODE_MAGIC "mcode\0\0\x01"
typedef struct {
  char magic[8];
  uint32_t nobjects;          // 1 .. RT_JIT_MAX_OBJECTS
  uint32_t notes_bytes;
  uint64_t object_bytes[RT_JIT_MAX_OBJECTS];
} CodeHeader;

_Static_assert(sizeof(CodeHeader) == 16 + 8 * RT_JIT_MAX_OBJECTS,
               "CodeHeader has no padding");

// The header of code[0 .. len) when it is whole; else false.
static bool read_header(const void *code, size_t len, CodeHeader *h) {
  if (len < sizeof *h)
    return false;
  memcpy(h, code, sizeof *h);
  if (memcmp(h->magic, CODE_MAGIC, sizeof h->magic) != 0 ||
      h->nobjects < 1 || h->nobjects > RT_JIT_MAX_OBJECTS)
    return false;
  uint64_t total = sizeof *h + (uint64_t)h->notes_bytes;
  for (uint32_t i = 0; i < h->nobjects; i++) {
    if (h->object_bytes[i] > len)
      return false;
    total += h->object_bytes[i];
  }
  return total == len;
}

// Header, notes and objects in one malloc'd buffer.
static void *pack_code(const char *notes, LLVMMemoryBufferRef *objs, int n,
                       size_t *len) {
  CodeHeader h = {.magic = CODE_MAGIC, .nobjects = (uint32_t)n,
                  .notes_bytes = (uint32_t)strlen(notes)};
  *len = sizeof h + h.notes_bytes;
  for (int i = 0; i < n; i++)
    *len += h.object_bytes[i] = LLVMGetBufferSize(objs[i]);
  char *code = malloc(*len), *p = code;
  if (!code)
    return NULL;
  memcpy(p, &h, sizeof h);
  memcpy(p += sizeof h, notes, h.notes_bytes);
  p += h.notes_bytes;
  for (int i = 0; i < n; i++) {
    memcpy(p, LLVMGetBufferStart(objs[i]), h.object_bytes[i]);
    p += h.object_bytes[i];
  }
  return code;
}

const char *rt_jit_code_notes(const void *code, size_t len, size_t *n) {
  CodeHeader h;
  if (!read_header(code, len, &h)) {
    *n = 0;
    return "";
  }
  *n = h.notes_bytes;
  return (const char *)code + sizeof h;
}

void *rt_jit_emit_object(Diag *d, LlvmUnit *u, size_t *len) {
  LLVMMemoryBufferRef objs[RT_JIT_MAX_OBJECTS];
  if (llvm_parts(u) > RT_JIT_MAX_OBJECTS) {
    fprintf(d->out ? d->out : stderr, "mandelc: internal error: a unit "
            "in %d parts\n", llvm_parts(u));
    d->nerrors++;
    return NULL;
  }
  int n = llvm_emit_objects(u, d, objs);
  void *code = n ? pack_code(llvm_notes(u), objs, n, len) : NULL;
  for (int i = 0; i < n; i++)
    LLVMDisposeMemoryBuffer(objs[i]);
  return code;
}

// Adds one object file (copied: the JIT owns its buffer) to the JIT.
static bool add_object(Diag *d, RtJit *j, const char *obj, size_t len) {
  LLVMMemoryBufferRef buf =
      LLVMCreateMemoryBufferWithMemoryRangeCopy(obj, len, "kernel.o");
  LLVMErrorRef err = LLVMOrcLLJITAddObjectFile(
      j->jit, LLVMOrcLLJITGetMainJITDylib(j->jit), buf);
  return !err || jit_failed(d, "cannot add the object file to the JIT", err);
}

RtJit *rt_jit_load_object(Diag *d, const void *code, size_t len,
                          bool debug) {
  CodeHeader h;
  if (!read_header(code, len, &h)) {
    fprintf(d->out ? d->out : stderr,
            "mandelc: internal error: the compiled code is damaged\n");
    d->nerrors++;
    return NULL;
  }
  RtJit *j = calloc(1, sizeof *j);
  if (!j)
    return NULL;
  j->out = d->out ? d->out : stderr;
  j->jit = create_jit(d, debug);
  if (!j->jit || !define_helpers(d, j->jit)) {
    rt_jit_free(j);
    return NULL;
  }
  const char *obj = (const char *)code + sizeof h + h.notes_bytes;
  for (uint32_t i = 0; i < h.nobjects; obj += h.object_bytes[i++]) {
    if (!add_object(d, j, obj, h.object_bytes[i])) {
      rt_jit_free(j);
      return NULL;
    }
  }
  return j;
}

RtJit *rt_jit_new(Diag *d, LlvmUnit *u) {
  size_t len = 0;
  void *obj = rt_jit_emit_object(d, u, &len);
  if (!obj)
    return NULL;
  RtJit *j = rt_jit_load_object(d, obj, len, false);
  free(obj);
  return j;
}

// Looking a function up links the object (ORC links lazily, on the first
// lookup), so a missing helper shows up here as NULL.
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

void *rt_jit_find(RtJit *j, const char *name) {
  LLVMOrcExecutorAddress addr = 0;
  LLVMErrorRef err = LLVMOrcLLJITLookup(j->jit, &addr, name);
  if (err) {
    LLVMConsumeError(err);
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
