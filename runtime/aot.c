// aot.c - the compiled kernel outside the process: `mandelc -o`, `-H`.
//
// rt_aot_object emits the optimised module as a position-independent ELF
// object for the CPU it was optimised for (the JIT's code is neither: it
// uses absolute addresses, which a shared library or a PIE cannot hold).
// rt_aot_write puts the runtime that compiled code calls beside it - the
// objects of libmandelc_rt, linked into one at build time with their
// symbols weak (rt_bundle, runtime/CMakeLists.txt), so two kernels' objects
// link into one program - by running the system's C compiler driver ($CC,
// else cc): `cc -r` makes one relocatable object, `cc -shared` a shared
// library. rt_aot_header writes the C header that declares the kernel in
// include/mandelc.h's types, from the calling convention of rtabi.h.
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <llvm-c/Core.h>
#include <llvm-c/Target.h>
#include <llvm-c/TargetMachine.h>

#include "runtime.h"

extern char **environ;

// The runtime's objects, linked into one with weak symbols (generated).
extern const unsigned char rt_bundle[];
extern const size_t rt_bundle_size;

// ---- the object ------------------------------------------------------------

// The function attribute `name` of the module's first definition ("" when
// none): the CPU and features llvm_optimize tuned the code for.
static char *function_attribute(LLVMModuleRef mod, const char *name) {
  for (LLVMValueRef f = LLVMGetFirstFunction(mod); f;
       f = LLVMGetNextFunction(f)) {
    if (LLVMIsDeclaration(f))
      continue;
    LLVMAttributeRef a = LLVMGetStringAttributeAtIndex(
        f, LLVMAttributeFunctionIndex, name, (unsigned)strlen(name));
    unsigned n = 0;
    const char *v = a ? LLVMGetStringAttributeValue(a, &n) : "";
    return strndup(v, n);
  }
  return strdup("");
}

void *rt_aot_object(Diag *d, LlvmUnit *u, size_t *len) {
  LLVMContextRef ctx;
  LLVMModuleRef mod;
  llvm_take_module(u, &ctx, &mod);
  char *triple = LLVMGetDefaultTargetTriple(), *msg = NULL;
  char *cpu = function_attribute(mod, "target-cpu");
  char *features = function_attribute(mod, "target-features");
  LLVMTargetRef target;
  LLVMTargetMachineRef tm = NULL;
  if (!LLVMGetTargetFromTriple(triple, &target, &msg))
    tm = LLVMCreateTargetMachine(target, triple, *cpu ? cpu : "generic",
                                 features, LLVMCodeGenLevelAggressive,
                                 LLVMRelocPIC, LLVMCodeModelDefault);
  LLVMMemoryBufferRef buf = NULL;
  void *obj = NULL;
  if (tm && !LLVMTargetMachineEmitToMemoryBuffer(tm, mod, LLVMObjectFile,
                                                 &msg, &buf)) {
    *len = LLVMGetBufferSize(buf);
    obj = malloc(*len ? *len : 1);
    if (obj)
      memcpy(obj, LLVMGetBufferStart(buf), *len);
    LLVMDisposeMemoryBuffer(buf);
  }
  if (!obj) {
    fprintf(d->out ? d->out : stderr, "%s: internal error: LLVM could not "
            "emit the object file: %s\n", d->file ? d->file : "mandelc",
            msg ? msg : "out of memory");
    d->nerrors++;
  }
  LLVMDisposeMessage(msg);
  if (tm)
    LLVMDisposeTargetMachine(tm);
  LLVMDisposeMessage(triple);
  free(cpu);
  free(features);
  LLVMDisposeModule(mod);
  LLVMContextDispose(ctx);
  return obj;
}

// ---- linking it with the runtime --------------------------------------------

static bool write_file(const char *path, const void *data, size_t len) {
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0)
    return false;
  const char *p = data;
  while (len > 0) {
    ssize_t n = write(fd, p, len);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0) {
      close(fd);
      return false;
    }
    p += n, len -= (size_t)n;
  }
  return close(fd) == 0;
}

// Runs argv (argv[0] found on PATH) and waits; its stderr is mandelc's.
static bool run_tool(char *const argv[], char *err, size_t errlen) {
  pid_t pid;
  int rc = posix_spawnp(&pid, argv[0], NULL, NULL, argv, environ);
  if (rc != 0) {
    snprintf(err, errlen, "cannot run %s to link it: %s (set CC to a C "
             "compiler)", argv[0], strerror(rc));
    return false;
  }
  int status;
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) {
      snprintf(err, errlen, "waiting for %s: %s", argv[0], strerror(errno));
      return false;
    }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
    return true;
  snprintf(err, errlen, "%s could not link the kernel with its runtime",
           argv[0]);
  return false;
}

bool rt_aot_write(const char *path, const void *obj, size_t len, bool shared,
                  char *err, size_t errlen) {
  const char *tmp = getenv("TMPDIR");
  char dir[4096];
  snprintf(dir, sizeof dir, "%s/mandelc-aot-XXXXXX",
           tmp && *tmp ? tmp : "/tmp");
  if (!mkdtemp(dir)) {
    snprintf(err, errlen, "cannot make a temporary directory: %s",
             strerror(errno));
    return false;
  }
  char kernel[4200], runtime[4200];
  snprintf(kernel, sizeof kernel, "%s/kernel.o", dir);
  snprintf(runtime, sizeof runtime, "%s/mandelc_rt.o", dir);
  bool ok = write_file(kernel, obj, len) &&
            write_file(runtime, rt_bundle, rt_bundle_size);
  if (!ok)
    snprintf(err, errlen, "cannot write into %s: %s", dir, strerror(errno));
  const char *cc = getenv("CC");
  char *cc_copy = strdup(cc && *cc ? cc : "cc");
  char *out = strdup(path);
  if (ok && cc_copy && out) {
    char *link_o[] = {cc_copy, "-r", "-nostdlib", "-o", out, kernel,
                      runtime, NULL};
    char *link_so[] = {cc_copy, "-shared", "-o", out, kernel, runtime,
                       "-lm", "-lpthread", NULL};
    ok = run_tool(shared ? link_so : link_o, err, errlen);
  }
  free(cc_copy);
  free(out);
  unlink(kernel);
  unlink(runtime);
  rmdir(dir);
  return ok;
}

// ---- the header ------------------------------------------------------------

// A parameter or result type in C; NULL where mandelc.h has none (a
// tuple, a string). A complex parameter is two doubles (rtabi.h).
static const char *c_type(const Type *t) {
  switch (t->kind) {
  case TY_NONE: return "void";
  case TY_BOOL: return "uint8_t";
  case TY_INT: return "int64_t";
  case TY_FLOAT: return "double";
  case TY_COMPLEX: return "mandelc_complex";
  case TY_LIST: return "mandelc_list *";
  case TY_STR:
  case TY_TUPLE: return NULL;
  }
  return NULL;
}

// An include guard from the file name: KERNEL_H for kernel.h.
static char *guard_name(Arena *a, const char *name) {
  const char *base = strrchr(name, '/');
  char *g = arena_sprintf(a, "%s_", base ? base + 1 : name);
  for (char *c = g; *c; c++)
    *c = (*c >= 'a' && *c <= 'z') ? (char)(*c - 'a' + 'A')
         : ((*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9')) ? *c
                                                                  : '_';
  if (*g >= '0' && *g <= '9')
    *g = '_';
  return g;
}

// One parameter: `int64_t maxiter`, or `double c_re, double c_im`.
static char *c_param(Arena *a, const Var *v) {
  if (v->ty->kind == TY_COMPLEX)
    return arena_sprintf(a, "double %s_re, double %s_im", v->name, v->name);
  const char *t = c_type(v->ty);
  return arena_sprintf(a, "%s%s%s", t, t[strlen(t) - 1] == '*' ? "" : " ",
                       v->name);
}

char *rt_aot_header(Arena *a, const Program *p, const char *name,
                    char *err, size_t errlen) {
  const Func *f = p->kernel;
  for (int i = -1; i < f->nparams; i++) {
    const Type *t = i < 0 ? f->ret : f->params[i]->ty;
    if (!c_type(t) || (i >= 0 && t->kind == TY_NONE)) {
      snprintf(err, errlen, "%s %s has no C type in mandelc.h",
               i < 0 ? "the kernel's result" : f->params[i]->name,
               type_name(a, t));
      return NULL;
    }
  }
  char *guard = guard_name(a, name);
  const char *base = strrchr(name, '/'), *file = strrchr(p->file, '/');
  char *text = arena_sprintf(
      a, "// %s - the kernel %s\n// of %s, compiled ahead of time by "
      "mandelc (-o FILE.o -H FILE.h).\n// Link that object, which carries "
      "its runtime, and call the kernel with a\n// context (see "
      "mandelc.h).\n#ifndef %s\n#define %s\n\n"
      "#include <mandelc.h>\n\n#ifdef __cplusplus\nextern \"C\" {\n"
      "#endif\n\n// def %s(",
      base ? base + 1 : name, f->name, file ? file + 1 : p->file, guard,
      guard, f->name);
  for (int i = 0; i < f->nparams; i++)
    text = arena_sprintf(a, "%s%s%s: %s", text, i ? ", " : "",
                         f->params[i]->name,
                         type_name(a, f->params[i]->ty));
  // The declaration on one line, or one parameter a line when too long.
  char *decl = arena_sprintf(a, "%s%s%s(mandelc_context *ctx",
                             c_type(f->ret),
                             f->ret->kind == TY_LIST ? "" : " ", f->name);
  size_t width = strlen(decl);
  for (int i = 0; i < f->nparams; i++)
    width += strlen(c_param(a, f->params[i])) + 2;
  for (int i = 0; i < f->nparams; i++)
    decl = arena_sprintf(a, "%s,%s%s", decl, width + 2 > 80 ? "\n    " : " ",
                         c_param(a, f->params[i]));
  return arena_sprintf(a, "%s) -> %s\n%s);\n\n#ifdef __cplusplus\n}\n"
                       "#endif\n\n#endif\n", text, type_name(a, f->ret),
                       decl);
}
