// cache.c - compiled kernels' machine code kept on disk between runs.
//
// An entry is the ELF object that jit.c emits for one kernel, stored under
// $XDG_CACHE_HOME/mandelc (default ~/.cache/mandelc) in a file named after
// its key. The key is a BLAKE3 hash (LLVM's own copy, llvm-c/blake3.h) of
// everything the machine code depends on: the source text, the kernel and
// its form, the options that change code, the host CPU and its features,
// the LLVM version, mandelc's version and the build-id of the running
// executable - so rebuilding mandelc after a compiler change never runs
// code the old compiler made. Each field is hashed with its name and
// length, so no two different inputs can run together into one key.
//
// A file is code mandelc will execute, so it is trusted only after it
// proves itself: a header (magic, format version, header size, the key,
// the payload's length and its BLAKE3 checksum) must match exactly, and
// the file must be exactly header plus payload. A truncated, damaged,
// foreign or misplaced file is a miss with a reason; the fresh object
// then replaces it. Writers never leave a partial file under an entry's
// name: they write a temporary file in the same directory, fsync it and
// rename it over the name, which is atomic, so concurrent mandelc
// processes see either no entry or a whole one. A hit renews the entry's
// modification time, and a store that leaves more than max_entries
// entries removes the least recently used quarter, with any temporary
// file a killed writer left behind: the cache stays bounded.
#define _GNU_SOURCE  // dl_iterate_phdr
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <link.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <llvm-c/Core.h>
#include <llvm-c/TargetMachine.h>
#include <llvm-c/blake3.h>

#include "runtime.h"

#define ENTRY_MAGIC "mandelc\x01"  // 8 bytes; \x01: an object entry
// Bumped whenever EntryHeader or the meaning of the key changes.
#define ENTRY_FORMAT 1
// A temporary file older than this was left by a writer that died.
#define STALE_TEMP_SECONDS 3600

// The layout on disk (native byte order: an entry never leaves the machine
// whose CPU is in its key). 88 bytes, no padding.
typedef struct {
  char magic[8];
  uint32_t format;          // ENTRY_FORMAT
  uint32_t header_bytes;    // sizeof(EntryHeader)
  uint8_t key[RT_CACHE_KEY_BYTES];
  uint64_t payload_bytes;
  uint8_t checksum[RT_CACHE_KEY_BYTES];  // BLAKE3 of the payload
} EntryHeader;

_Static_assert(sizeof(EntryHeader) == 88, "EntryHeader has no padding");

// ---- the key ---------------------------------------------------------------

// One field of the key: its name, its length, its bytes.
static void hash_field(llvm_blake3_hasher *h, const char *name,
                       const void *data, size_t len) {
  uint64_t n = len;
  llvm_blake3_hasher_update(h, name, strlen(name) + 1);
  llvm_blake3_hasher_update(h, &n, sizeof n);
  llvm_blake3_hasher_update(h, data, len);
}

static void hash_string(llvm_blake3_hasher *h, const char *name,
                        const char *s) {
  hash_field(h, name, s ? s : "", s ? strlen(s) : 0);
}

static void hash_int(llvm_blake3_hasher *h, const char *name, int64_t v) {
  hash_field(h, name, &v, sizeof v);
}

// The GNU build-id note of the main program (dl_iterate_phdr lists it
// first): it changes whenever the linked executable does.
static int find_build_id(struct dl_phdr_info *info, size_t size, void *arg) {
  (void)size;
  llvm_blake3_hasher *h = arg;
  for (int i = 0; i < info->dlpi_phnum; i++) {
    const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
    if (ph->p_type != PT_NOTE)
      continue;
    const char *p = (const char *)(info->dlpi_addr + ph->p_vaddr);
    const char *end = p + ph->p_memsz;
    while (p + sizeof(ElfW(Nhdr)) <= end) {
      const ElfW(Nhdr) *n = (const void *)p;
      const char *name = p + sizeof *n;
      const char *desc = name + ((n->n_namesz + 3) & ~3u);
      if (n->n_type == NT_GNU_BUILD_ID && n->n_namesz == 4 &&
          memcmp(name, "GNU", 4) == 0) {
        hash_field(h, "build-id", desc, n->n_descsz);
        return 1;
      }
      p = desc + ((n->n_descsz + 3) & ~3u);
    }
  }
  return 2;  // not found; only the first object, the executable, counts
}

// Without a build-id, the executable's identity on disk stands in.
static void hash_executable(llvm_blake3_hasher *h) {
  if (dl_iterate_phdr(find_build_id, h) == 1)
    return;
  struct stat st;
  if (stat("/proc/self/exe", &st) == 0) {
    int64_t id[4] = {(int64_t)st.st_ino, (int64_t)st.st_size,
                     (int64_t)st.st_mtim.tv_sec, st.st_mtim.tv_nsec};
    hash_field(h, "exe", id, sizeof id);
  }
}

// The host as LLVM sees it, and LLVM itself (the library loaded now and
// the headers mandelc was built with).
static void hash_host(llvm_blake3_hasher *h) {
  char *cpu = LLVMGetHostCPUName(), *features = LLVMGetHostCPUFeatures();
  char *triple = LLVMGetDefaultTargetTriple();
  hash_string(h, "cpu", cpu);
  hash_string(h, "features", features);
  hash_string(h, "triple", triple);
  LLVMDisposeMessage(cpu);
  LLVMDisposeMessage(features);
  LLVMDisposeMessage(triple);
  unsigned v[3];
  LLVMGetVersion(&v[0], &v[1], &v[2]);
  hash_field(h, "llvm", v, sizeof v);
  hash_string(h, "llvm headers", MANDELC_LLVM_VERSION);
}

// A field added to CompileOptions may change code: it must join the key
// below (or be said not to), or a hit would run code made without it.
#define OPTIONS_END (4 * sizeof(bool) + sizeof(int) + sizeof(const char *))
_Static_assert(offsetof(CompileOptions, cpu) == 4 * sizeof(bool) + sizeof(int)
               && offsetof(CompileOptions, debug_lines) == OPTIONS_END &&
               sizeof(CompileOptions) == OPTIONS_END + sizeof(const char *),
               "CompileOptions changed: update compute_key in cache.c");

static void compute_key(const RtCacheInput *in, uint8_t *key) {
  llvm_blake3_hasher h;
  llvm_blake3_hasher_init_derive_key(&h, "mandelc compile cache key v1");
  hash_field(&h, "source", in->src, in->len);
  hash_string(&h, "kernel", in->kernel);
  hash_string(&h, "form", in->form);
  // Every CompileOptions field that changes code (verbose does not).
  hash_int(&h, "opt level", in->opt->opt_level);
  hash_int(&h, "fast-math", in->opt->fast_math);
  hash_int(&h, "float32", in->opt->float32);
  hash_int(&h, "simd", in->opt->simd);
  hash_int(&h, "debug lines", in->opt->debug_lines);
  // --mcpu: the host's CPU and features (below) or a named CPU's own.
  const char *cpu = in->opt->cpu;
  hash_string(&h, "mcpu", cpu && strcmp(cpu, "native") ? cpu : "native");
  hash_string(&h, "mandelc", in->version);
  hash_executable(&h);
  hash_host(&h);
  llvm_blake3_hasher_finalize(&h, key, RT_CACHE_KEY_BYTES);
}

// ---- where entries live ----------------------------------------------------

// $XDG_CACHE_HOME/mandelc, or ~/.cache/mandelc (the XDG base directory
// rules: a relative XDG_CACHE_HOME is ignored).
static bool cache_dir(char *buf, size_t len, char *why, size_t whylen) {
  const char *xdg = getenv("XDG_CACHE_HOME");
  const char *home = getenv("HOME");
  int n;
  if (xdg && xdg[0] == '/')
    n = snprintf(buf, len, "%s/mandelc", xdg);
  else if (home && home[0] == '/')
    n = snprintf(buf, len, "%s/.cache/mandelc", home);
  else {
    snprintf(why, whylen, "neither XDG_CACHE_HOME nor HOME is an absolute "
             "path");
    return false;
  }
  if (n < 0 || (size_t)n >= len) {
    snprintf(why, whylen, "the cache directory's path is too long");
    return false;
  }
  return true;
}

bool rt_cache_open(RtCache *c, const RtCacheInput *in, char *why,
                   size_t whylen) {
  *c = (RtCache){.state = RT_CACHE_OFF};
  char dir[sizeof c->path - 2 * RT_CACHE_KEY_BYTES - 8];
  if (!cache_dir(dir, sizeof dir, why, whylen))
    return false;
  compute_key(in, c->key);
  char hex[2 * RT_CACHE_KEY_BYTES + 1];
  for (int i = 0; i < RT_CACHE_KEY_BYTES; i++)
    snprintf(hex + 2 * i, 3, "%02x", c->key[i]);
  snprintf(c->path, sizeof c->path, "%s/%s.o", dir, hex);
  c->dir_len = strlen(dir);
  c->max_entries = RT_CACHE_MAX_ENTRIES;
  c->state = RT_CACHE_MISS;
  return true;
}

// ---- reading an entry ------------------------------------------------------

static void checksum(const void *data, size_t len, uint8_t *out) {
  llvm_blake3_hasher h;
  llvm_blake3_hasher_init(&h);
  llvm_blake3_hasher_update(&h, data, len);
  llvm_blake3_hasher_finalize(&h, out, RT_CACHE_KEY_BYTES);
}

// Reads exactly len bytes; false on an error or an early end of file.
static bool read_all(int fd, void *buf, size_t len) {
  char *p = buf;
  while (len > 0) {
    ssize_t n = read(fd, p, len);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      return false;
    p += n;
    len -= (size_t)n;
  }
  return true;
}

// The reason a header does not belong to this entry, or NULL when it does.
static const char *check_header(const RtCache *c, const EntryHeader *h,
                                uint64_t file_bytes) {
  if (memcmp(h->magic, ENTRY_MAGIC, sizeof h->magic) != 0)
    return "not a mandelc cache entry";
  if (h->format != ENTRY_FORMAT || h->header_bytes != sizeof *h)
    return "written by another cache format";
  if (memcmp(h->key, c->key, RT_CACHE_KEY_BYTES) != 0)
    return "made for another key";
  if (h->payload_bytes != file_bytes - sizeof *h)
    return "truncated or extended";
  return NULL;
}

// The entry's payload when it is whole and ours; NULL and the reason.
static void *read_entry(const RtCache *c, int fd, size_t *len,
                        const char **why) {
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
    return *why = "not a regular file", NULL;
  uint64_t size = (uint64_t)st.st_size;
  EntryHeader h;
  if (size < sizeof h || size > RT_CACHE_MAX_ENTRY)
    return *why = "truncated or extended", NULL;
  if (!read_all(fd, &h, sizeof h))
    return *why = "cannot be read", NULL;
  if ((*why = check_header(c, &h, size)))
    return NULL;
  void *payload = malloc(h.payload_bytes ? h.payload_bytes : 1);
  if (!payload)
    return *why = "out of memory", NULL;
  uint8_t sum[RT_CACHE_KEY_BYTES];
  if (!read_all(fd, payload, h.payload_bytes)) {
    *why = "truncated or extended";
  } else {
    checksum(payload, h.payload_bytes, sum);
    if (memcmp(sum, h.checksum, sizeof sum) == 0) {
      *len = h.payload_bytes;
      return payload;
    }
    *why = "damaged (checksum mismatch)";
  }
  free(payload);
  return NULL;
}

void *rt_cache_load(RtCache *c, size_t *len, char *why, size_t whylen) {
  if (c->state == RT_CACHE_OFF) {
    snprintf(why, whylen, "the cache is off");
    return NULL;
  }
  int fd = open(c->path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) {
    snprintf(why, whylen, "%s", errno == ENOENT ? "no entry"
                                                : strerror(errno));
    return NULL;
  }
  const char *reason = NULL;
  void *payload = read_entry(c, fd, len, &reason);
  if (payload)
    futimens(fd, NULL);  // recently used: the last to be pruned
  close(fd);
  if (!payload) {
    snprintf(why, whylen, "the entry is %s; rebuilding it", reason);
    c->damaged = true;
    return NULL;
  }
  c->state = RT_CACHE_HIT;
  return payload;
}

// ---- writing an entry ------------------------------------------------------

// mkdir -p for the cache directory (the last component private to us).
static bool make_dirs(char *path, size_t len) {
  for (size_t i = 1; i <= len; i++) {
    if (i < len && path[i] != '/')
      continue;
    char saved = path[i];
    path[i] = '\0';
    bool ok = mkdir(path, i == len ? 0700 : 0755) == 0 || errno == EEXIST;
    path[i] = saved;
    if (!ok)
      return false;
  }
  return true;
}

static bool write_all(int fd, const void *buf, size_t len) {
  const char *p = buf;
  while (len > 0) {
    ssize_t n = write(fd, p, len);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      return false;
    p += n;
    len -= (size_t)n;
  }
  return true;
}

// Header and payload into fd, flushed to the disk before the rename.
static bool write_entry(const RtCache *c, int fd, const void *obj,
                        size_t len) {
  EntryHeader h = {.magic = ENTRY_MAGIC, .format = ENTRY_FORMAT,
                   .header_bytes = sizeof h, .payload_bytes = len};
  memcpy(h.key, c->key, sizeof h.key);
  checksum(obj, len, h.checksum);
  return write_all(fd, &h, sizeof h) && write_all(fd, obj, len) &&
         fsync(fd) == 0;
}

// ---- keeping the cache bounded --------------------------------------------

typedef struct {
  char name[2 * RT_CACHE_KEY_BYTES + 3];  // <hex key>.o
  struct timespec used;
} Entry;

// An entry's name: 64 hex digits and ".o". Anything else is not ours to
// remove, except our temporary files (".<entry>.XXXXXX").
static bool is_entry_name(const char *n) {
  size_t hex = 2 * RT_CACHE_KEY_BYTES;
  if (strlen(n) != hex + 2 || strcmp(n + hex, ".o") != 0)
    return false;
  return strspn(n, "0123456789abcdef") == hex;
}

static bool is_temp_name(const char *n) {
  size_t hex = 2 * RT_CACHE_KEY_BYTES;
  return n[0] == '.' && strlen(n) == 1 + hex + 2 + 7 && n[hex + 3] == '.' &&
         strncmp(n + 1 + hex, ".o", 2) == 0;
}

static int older_first(const void *a, const void *b) {
  const struct timespec *x = &((const Entry *)a)->used;
  const struct timespec *y = &((const Entry *)b)->used;
  if (x->tv_sec != y->tv_sec)
    return x->tv_sec < y->tv_sec ? -1 : 1;
  return (x->tv_nsec > y->tv_nsec) - (x->tv_nsec < y->tv_nsec);
}

// The entries in d with their last use, *count of them (NULL when out of
// memory). Temporary files left by a writer that died go on the way.
static Entry *list_entries(DIR *d, int *count) {
  int fd = dirfd(d), n = 0, cap = 256;
  Entry *entries = malloc(sizeof *entries * (size_t)cap);
  time_t now = time(NULL);
  for (struct dirent *e; entries && (e = readdir(d));) {
    struct stat st;
    bool entry = is_entry_name(e->d_name), temp = is_temp_name(e->d_name);
    if ((!entry && !temp) || fstatat(fd, e->d_name, &st, 0) != 0)
      continue;
    if (temp && now - st.st_mtime > STALE_TEMP_SECONDS)
      unlinkat(fd, e->d_name, 0);
    if (!entry)
      continue;
    if (n == cap) {
      Entry *more = realloc(entries, sizeof *entries * (size_t)(cap *= 2));
      if (!more)
        break;
      entries = more;
    }
    memcpy(entries[n].name, e->d_name, sizeof entries[n].name);
    entries[n++].used = st.st_mtim;
  }
  *count = n;
  return entries;
}

// Past max_entries, removes the least recently used entries down to three
// quarters of it. Concurrent pruners may race to remove a file; a reader
// that has it open keeps reading it, so losing the race is harmless.
static void prune(const RtCache *c, const char *dir) {
  DIR *d = opendir(dir);
  if (!d)
    return;
  int n = 0;
  Entry *entries = list_entries(d, &n);
  if (entries && n > c->max_entries) {
    qsort(entries, (size_t)n, sizeof *entries, older_first);
    for (int i = 0; i < n - c->max_entries * 3 / 4; i++)
      unlinkat(dirfd(d), entries[i].name, 0);
  }
  free(entries);
  closedir(d);
}

bool rt_cache_store(RtCache *c, const void *obj, size_t len, char *why,
                    size_t whylen) {
  if (c->state == RT_CACHE_OFF) {
    snprintf(why, whylen, "the cache is off");
    return false;
  }
  if (len > RT_CACHE_MAX_ENTRY - sizeof(EntryHeader)) {
    snprintf(why, whylen, "the object is too large to cache");
    return false;
  }
  char tmp[sizeof c->path + 16];
  memcpy(tmp, c->path, c->dir_len);
  tmp[c->dir_len] = '\0';
  if (!make_dirs(tmp, c->dir_len)) {
    snprintf(why, whylen, "cannot create %s: %s", tmp, strerror(errno));
    return false;
  }
  // The temporary name starts with a dot: never an entry's name.
  snprintf(tmp + c->dir_len, sizeof tmp - c->dir_len, "/.%s.XXXXXX",
           c->path + c->dir_len + 1);
  int fd = mkostemp(tmp, O_CLOEXEC);
  if (fd < 0) {
    snprintf(why, whylen, "cannot write in %.*s: %s", (int)c->dir_len,
             c->path, strerror(errno));
    return false;
  }
  bool ok = write_entry(c, fd, obj, len);
  ok = close(fd) == 0 && ok;
  if (ok && rename(tmp, c->path) == 0) {
    tmp[c->dir_len] = '\0';
    prune(c, tmp);
    return true;
  }
  snprintf(why, whylen, "cannot write %s: %s", c->path, strerror(errno));
  unlink(tmp);
  return false;
}

const char *rt_cache_state_name(RtCacheState s) {
  return s == RT_CACHE_HIT ? "hit" : s == RT_CACHE_MISS ? "miss" : "off";
}
