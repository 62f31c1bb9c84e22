// cache_test.c - runtime/cache.c: keys, entries, and the files it refuses.
//
// Every test points XDG_CACHE_HOME at a fresh temporary directory (never
// the real home). The payloads are arbitrary bytes: cache.c stores what
// it is given, and what matters here is that a load returns exactly what
// was stored, or nothing - a file that was truncated, had one byte
// flipped, carries a foreign header or sits under another key's name is
// refused, with the entry marked damaged so that main.c rebuilds it.
#define _GNU_SOURCE  // mkdtemp, asprintf
#include <check.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "runtime.h"

#define HEADER_BYTES 88  // cache.c's EntryHeader

static const char tutorial[] =
    "def f(q, maxiter, z):\n"
    "    output = [0] * len(q)\n"
    "    return output\n";

static const CompileOptions default_opt = {.simd = true, .opt_level = 3};

static RtCacheInput input(const CompileOptions *opt) {
  return (RtCacheInput){.src = tutorial, .len = sizeof tutorial - 1,
                        .kernel = "f", .form = "list", .opt = opt,
                        .version = "0.1.0"};
}

// A fresh XDG_CACHE_HOME; the caller frees the string.
static char *fresh_cache_home(void) {
  char *dir = strdup("/tmp/mandelc-cache-test-XXXXXX");
  ck_assert_ptr_nonnull(mkdtemp(dir));
  setenv("XDG_CACHE_HOME", dir, 1);
  return dir;
}

static RtCache open_cache(const RtCacheInput *in) {
  RtCache c;
  char why[256];
  ck_assert_msg(rt_cache_open(&c, in, why, sizeof why), "%s", why);
  return c;
}

static unsigned char payload[3000];

static void fill_payload(void) {
  for (size_t i = 0; i < sizeof payload; i++)
    payload[i] = (unsigned char)(i * 7 + 3);
}

// Stores payload under in's key and returns the entry's cache.
static RtCache store_entry(const RtCacheInput *in) {
  RtCache c = open_cache(in);
  char why[512];
  ck_assert_msg(rt_cache_store(&c, payload, sizeof payload, why, sizeof why),
                "%s", why);
  return c;
}

// Loads in's entry: true when it came back, byte for byte.
static bool loads_intact(const RtCacheInput *in, RtCache *out) {
  RtCache c = open_cache(in);
  size_t len = 0;
  char why[256];
  void *obj = rt_cache_load(&c, &len, why, sizeof why);
  bool ok = obj && len == sizeof payload && !memcmp(obj, payload, len);
  if (obj)
    ck_assert_int_eq(c.state, RT_CACHE_HIT);
  free(obj);
  if (out)
    *out = c;
  return ok;
}

static off_t file_size(const char *path) {
  struct stat st;
  ck_assert_int_eq(stat(path, &st), 0);
  return st.st_size;
}

static void flip_byte(const char *path, off_t at) {
  int fd = open(path, O_RDWR);
  ck_assert_int_ge(fd, 0);
  unsigned char b;
  ck_assert_int_eq(pread(fd, &b, 1, at), 1);
  b ^= 0x10;
  ck_assert_int_eq(pwrite(fd, &b, 1, at), 1);
  close(fd);
}

static int count_files(const char *dir) {
  DIR *d = opendir(dir);
  if (!d)
    return -1;
  int n = 0;
  for (struct dirent *e; (e = readdir(d));)
    n += e->d_name[0] != '.' || (strcmp(e->d_name, ".") &&
                                 strcmp(e->d_name, ".."));
  closedir(d);
  return n;
}

static void remove_tree(const char *dir) {
  char *cmd;
  ck_assert_int_ge(asprintf(&cmd, "rm -rf '%s'", dir), 0);
  ck_assert_int_eq(system(cmd), 0);
  free(cmd);
}

START_TEST(stored_entry_loads_back_as_a_hit) {
  char *home = fresh_cache_home();
  fill_payload();
  RtCacheInput in = input(&default_opt);
  store_entry(&in);
  RtCache c;
  ck_assert(loads_intact(&in, &c));
  ck_assert(!c.damaged);
  remove_tree(home);
  free(home);
}
END_TEST

START_TEST(missing_entry_is_a_miss_not_damage) {
  char *home = fresh_cache_home();
  RtCacheInput in = input(&default_opt);
  RtCache c = open_cache(&in);
  size_t len;
  char why[256];
  ck_assert_ptr_null(rt_cache_load(&c, &len, why, sizeof why));
  ck_assert_int_eq(c.state, RT_CACHE_MISS);
  ck_assert(!c.damaged);
  remove_tree(home);
  free(home);
}
END_TEST

START_TEST(entries_live_under_xdg_cache_home) {
  char *home = fresh_cache_home();
  RtCacheInput in = input(&default_opt);
  RtCache c = open_cache(&in);
  char *dir;
  ck_assert_int_ge(asprintf(&dir, "%s/mandelc/", home), 0);
  ck_assert_msg(strncmp(c.path, dir, strlen(dir)) == 0, "%s", c.path);
  ck_assert_int_eq(c.dir_len, strlen(dir) - 1);
  free(dir);
  remove_tree(home);
  free(home);
}
END_TEST

START_TEST(without_xdg_entries_live_under_home_dot_cache) {
  setenv("XDG_CACHE_HOME", "relative/is/ignored", 1);
  setenv("HOME", "/nonexistent-home", 1);
  RtCacheInput in = input(&default_opt);
  RtCache c = open_cache(&in);
  ck_assert_msg(!strncmp(c.path, "/nonexistent-home/.cache/mandelc/", 33),
                "%s", c.path);
}
END_TEST

START_TEST(no_home_at_all_turns_the_cache_off) {
  unsetenv("XDG_CACHE_HOME");
  unsetenv("HOME");
  RtCacheInput in = input(&default_opt);
  RtCache c;
  char why[256];
  ck_assert(!rt_cache_open(&c, &in, why, sizeof why));
  ck_assert_int_eq(c.state, RT_CACHE_OFF);
  ck_assert_str_eq(rt_cache_state_name(c.state), "off");
}
END_TEST

// Each field of the input changes the key; the same input keeps it.
START_TEST(every_input_changes_the_key) {
  setenv("XDG_CACHE_HOME", "/tmp", 1);
  CompileOptions opts[5] = {default_opt, default_opt, default_opt,
                            default_opt, default_opt};
  opts[1].simd = false;
  opts[2].fast_math = true;
  opts[3].opt_level = 2;
  opts[4].float32 = true;
  RtCacheInput ins[9];
  for (int i = 0; i < 5; i++)
    ins[i] = input(&opts[i]);
  ins[5] = input(&default_opt);
  ins[5].len--;  // the source without its last newline
  ins[6] = input(&default_opt);
  ins[6].kernel = "g";
  ins[7] = input(&default_opt);
  ins[7].form = "point";
  ins[8] = input(&default_opt);
  ins[8].version = "0.1.1";
  for (int i = 0; i < 9; i++)
    for (int j = i + 1; j < 9; j++) {
      RtCache a = open_cache(&ins[i]), b = open_cache(&ins[j]);
      ck_assert_msg(memcmp(a.key, b.key, sizeof a.key) != 0, "%d %d", i, j);
      ck_assert_str_ne(a.path, b.path);
    }
  RtCache a = open_cache(&ins[0]), b = open_cache(&ins[0]);
  ck_assert_mem_eq(a.key, b.key, sizeof a.key);
}
END_TEST

// Verbose is not code: -v must not cost a recompile.
START_TEST(verbose_does_not_change_the_key) {
  setenv("XDG_CACHE_HOME", "/tmp", 1);
  CompileOptions v = default_opt;
  v.verbose = true;
  RtCacheInput a_in = input(&default_opt), b_in = input(&v);
  RtCache a = open_cache(&a_in), b = open_cache(&b_in);
  ck_assert_mem_eq(a.key, b.key, sizeof a.key);
}
END_TEST

// Damages the stored entry with `damage`, then checks the load refuses it
// and marks it damaged, and that a fresh store makes it whole again.
static void check_refused(void (*damage)(const RtCache *c)) {
  char *home = fresh_cache_home();
  fill_payload();
  RtCacheInput in = input(&default_opt);
  RtCache c = store_entry(&in);
  damage(&c);
  RtCache after;
  ck_assert(!loads_intact(&in, &after));
  ck_assert_int_eq(after.state, RT_CACHE_MISS);
  ck_assert(after.damaged);
  store_entry(&in);
  ck_assert(loads_intact(&in, NULL));
  remove_tree(home);
  free(home);
}

static void truncate_entry(const RtCache *c) {
  ck_assert_int_eq(truncate(c->path, file_size(c->path) - 1), 0);
}

static void truncate_into_header(const RtCache *c) {
  ck_assert_int_eq(truncate(c->path, HEADER_BYTES / 2), 0);
}

static void extend_entry(const RtCache *c) {
  FILE *f = fopen(c->path, "ab");
  ck_assert_ptr_nonnull(f);
  fputc(0, f);
  fclose(f);
}

static void flip_payload_byte(const RtCache *c) {
  flip_byte(c->path, HEADER_BYTES + 1234);
}

static void flip_last_byte(const RtCache *c) {
  flip_byte(c->path, file_size(c->path) - 1);
}

static void flip_checksum_byte(const RtCache *c) {
  flip_byte(c->path, HEADER_BYTES - 1);
}

static void flip_length_byte(const RtCache *c) {
  flip_byte(c->path, 48);  // payload_bytes
}

static void foreign_header(const RtCache *c) {
  FILE *f = fopen(c->path, "r+b");
  ck_assert_ptr_nonnull(f);
  fwrite("\x7f" "ELF\x02\x01\x01\x00", 1, 8, f);  // a bare object file
  fclose(f);
}

static void newer_format(const RtCache *c) {
  flip_byte(c->path, 8);  // format
}

static void empty_file(const RtCache *c) {
  ck_assert_int_eq(truncate(c->path, 0), 0);
}

// Another key's (valid) entry copied under this key's name.
static void other_keys_entry(const RtCache *c) {
  CompileOptions o = default_opt;
  o.simd = false;
  RtCacheInput in = input(&o);
  RtCache other = store_entry(&in);
  ck_assert_int_eq(rename(other.path, c->path), 0);
}

START_TEST(truncated_entry_is_refused) { check_refused(truncate_entry); }
END_TEST
START_TEST(entry_cut_inside_its_header_is_refused) {
  check_refused(truncate_into_header);
}
END_TEST
START_TEST(extended_entry_is_refused) { check_refused(extend_entry); }
END_TEST
START_TEST(flipped_payload_byte_is_refused) {
  check_refused(flip_payload_byte);
}
END_TEST
START_TEST(flipped_last_byte_is_refused) { check_refused(flip_last_byte); }
END_TEST
START_TEST(flipped_checksum_byte_is_refused) {
  check_refused(flip_checksum_byte);
}
END_TEST
START_TEST(flipped_length_byte_is_refused) {
  check_refused(flip_length_byte);
}
END_TEST
START_TEST(foreign_header_is_refused) { check_refused(foreign_header); }
END_TEST
START_TEST(other_format_is_refused) { check_refused(newer_format); }
END_TEST
START_TEST(empty_file_is_refused) { check_refused(empty_file); }
END_TEST
START_TEST(other_keys_entry_is_refused) { check_refused(other_keys_entry); }
END_TEST

START_TEST(store_leaves_no_temporary_files) {
  char *home = fresh_cache_home();
  fill_payload();
  RtCacheInput in = input(&default_opt);
  RtCache c = store_entry(&in);
  store_entry(&in);  // overwriting too
  char *dir = strndup(c.path, c.dir_len);
  ck_assert_int_eq(count_files(dir), 1);
  struct stat st;
  ck_assert_int_eq(stat(dir, &st), 0);
  ck_assert_int_eq(st.st_mode & 0777, 0700);  // the cache is private
  free(dir);
  remove_tree(home);
  free(home);
}
END_TEST

START_TEST(unwritable_cache_fails_softly) {
  char *home = fresh_cache_home();
  char *file;
  ck_assert_int_ge(asprintf(&file, "%s/mandelc", home), 0);
  FILE *f = fopen(file, "w");  // a file where the directory should be
  ck_assert_ptr_nonnull(f);
  fclose(f);
  fill_payload();
  RtCacheInput in = input(&default_opt);
  RtCache c = open_cache(&in);
  char why[512] = "";
  ck_assert(!rt_cache_store(&c, payload, sizeof payload, why, sizeof why));
  ck_assert_msg(strstr(why, "mandelc") != NULL, "%s", why);
  size_t len;
  ck_assert_ptr_null(rt_cache_load(&c, &len, why, sizeof why));
  free(file);
  remove_tree(home);
  free(home);
}
END_TEST

// Sets a file's modification time to `ago` seconds before now.
static void age_file(const char *path, int ago) {
  struct timespec t[2];
  clock_gettime(CLOCK_REALTIME, &t[0]);
  t[0].tv_sec -= ago;
  t[1] = t[0];
  ck_assert_int_eq(utimensat(AT_FDCWD, path, t, 0), 0);
}

static bool exists(const char *path) {
  struct stat st;
  return stat(path, &st) == 0;
}

// Entry i of a cache trimmed to 8: a different version string each.
static RtCache numbered_entry(int i, char *version, size_t len) {
  snprintf(version, len, "test %d", i);
  RtCacheInput in = input(&default_opt);
  in.version = version;
  RtCache c = open_cache(&in);
  c.max_entries = 8;
  char why[512];
  ck_assert_msg(rt_cache_store(&c, payload, sizeof payload, why, sizeof why),
                "%s", why);
  return c;
}

START_TEST(least_recently_used_entries_are_pruned) {
  char *home = fresh_cache_home();
  fill_payload();
  char version[32], paths[9][4096];
  for (int i = 0; i < 8; i++) {  // entry i last used 100 - i minutes ago
    RtCache c = numbered_entry(i, version, sizeof version);
    age_file(c.path, 6000 - 60 * i);
    memcpy(paths[i], c.path, sizeof paths[i]);
  }
  // A hit on the oldest renews it.
  snprintf(version, sizeof version, "test %d", 0);
  RtCacheInput in0 = input(&default_opt);
  in0.version = version;
  ck_assert(loads_intact(&in0, NULL));
  RtCache c = numbered_entry(8, version, sizeof version);  // the ninth
  char *dir = strndup(c.path, c.dir_len);
  ck_assert_int_eq(count_files(dir), 6);  // 9 > 8: down to 3/4 of 8
  ck_assert(exists(paths[0]) && exists(c.path));
  for (int i = 1; i <= 3; i++)  // the three least recently used
    ck_assert_msg(!exists(paths[i]), "entry %d survived", i);
  for (int i = 4; i < 8; i++)
    ck_assert_msg(exists(paths[i]), "entry %d was pruned", i);
  free(dir);
  remove_tree(home);
  free(home);
}
END_TEST

START_TEST(stale_temporary_files_go_others_stay) {
  char *home = fresh_cache_home();
  fill_payload();
  RtCacheInput in = input(&default_opt);
  RtCache c = store_entry(&in);
  const char *hex = c.path + c.dir_len + 1;
  char stale[4200], fresh[4200], other[4200];
  snprintf(stale, sizeof stale, "%.*s/.%s.abcdef", (int)c.dir_len, c.path,
           hex);
  snprintf(fresh, sizeof fresh, "%.*s/.%s.ghijkl", (int)c.dir_len, c.path,
           hex);
  snprintf(other, sizeof other, "%.*s/README", (int)c.dir_len, c.path);
  const char *files[] = {stale, fresh, other};
  for (int i = 0; i < 3; i++)
    fclose(fopen(files[i], "w"));
  age_file(stale, 2 * 3600);
  age_file(other, 2 * 3600);
  store_entry(&in);
  ck_assert(!exists(stale));
  ck_assert(exists(fresh));  // a writer may still be at work on it
  ck_assert(exists(other));  // not ours
  ck_assert(loads_intact(&in, NULL));
  remove_tree(home);
  free(home);
}
END_TEST

// Writers racing with readers: every read is a miss or the whole entry.
START_TEST(concurrent_writers_and_readers_never_see_a_partial_entry) {
  char *home = fresh_cache_home();
  fill_payload();
  RtCacheInput in = input(&default_opt);
  enum { PROCS = 6, ROUNDS = 40 };
  pid_t pids[PROCS];
  for (int p = 0; p < PROCS; p++) {
    pids[p] = fork();
    ck_assert_int_ge(pids[p], 0);
    if (pids[p] == 0) {
      int bad = 0;
      for (int r = 0; r < ROUNDS; r++) {
        RtCache c;
        char why[512];
        if (!rt_cache_open(&c, &in, why, sizeof why))
          _exit(2);
        size_t len = 0;
        void *obj = rt_cache_load(&c, &len, why, sizeof why);
        if (obj && (len != sizeof payload || memcmp(obj, payload, len)))
          bad++;
        if (c.damaged)
          bad++;
        free(obj);
        if ((p + r) % 2 == 0 &&
            !rt_cache_store(&c, payload, sizeof payload, why, sizeof why))
          bad++;
      }
      _exit(bad ? 1 : 0);
    }
  }
  for (int p = 0; p < PROCS; p++) {
    int status;
    ck_assert_int_eq(waitpid(pids[p], &status, 0), pids[p]);
    ck_assert(WIFEXITED(status));
    ck_assert_int_eq(WEXITSTATUS(status), 0);
  }
  ck_assert(loads_intact(&in, NULL));
  remove_tree(home);
  free(home);
}
END_TEST

static Suite *cache_suite(void) {
  Suite *s = suite_create("cache");
  TCase *t = tcase_create("entries");
  tcase_add_test(t, stored_entry_loads_back_as_a_hit);
  tcase_add_test(t, missing_entry_is_a_miss_not_damage);
  tcase_add_test(t, entries_live_under_xdg_cache_home);
  tcase_add_test(t, without_xdg_entries_live_under_home_dot_cache);
  tcase_add_test(t, no_home_at_all_turns_the_cache_off);
  tcase_add_test(t, every_input_changes_the_key);
  tcase_add_test(t, verbose_does_not_change_the_key);
  tcase_add_test(t, store_leaves_no_temporary_files);
  tcase_add_test(t, unwritable_cache_fails_softly);
  tcase_add_test(t, concurrent_writers_and_readers_never_see_a_partial_entry);
  tcase_add_test(t, least_recently_used_entries_are_pruned);
  tcase_add_test(t, stale_temporary_files_go_others_stay);
  suite_add_tcase(s, t);
  TCase *r = tcase_create("refused");
  tcase_add_test(r, truncated_entry_is_refused);
  tcase_add_test(r, entry_cut_inside_its_header_is_refused);
  tcase_add_test(r, extended_entry_is_refused);
  tcase_add_test(r, flipped_payload_byte_is_refused);
  tcase_add_test(r, flipped_last_byte_is_refused);
  tcase_add_test(r, flipped_checksum_byte_is_refused);
  tcase_add_test(r, flipped_length_byte_is_refused);
  tcase_add_test(r, foreign_header_is_refused);
  tcase_add_test(r, other_format_is_refused);
  tcase_add_test(r, empty_file_is_refused);
  tcase_add_test(r, other_keys_entry_is_refused);
  suite_add_tcase(s, r);
  return s;
}

int main(void) {
  SRunner *sr = srunner_create(cache_suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
