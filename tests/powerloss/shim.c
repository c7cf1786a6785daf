/* Power-loss recorder, loaded with LD_PRELOAD into a process under test.
 *
 * Every write, truncate, sync, unlink and rename of a file under $POWERLOSS_DIR is done as
 * asked and also appended to $POWERLOSS_LOG, so that after the process is killed the test
 * can rebuild what a disk would hold had the power gone at that moment: everything up to
 * each file's last sync, and of what came later, any subset (tests/crash_harness.py).
 *
 * Record: kind (1 byte: W write, S sync, T truncate, U unlink, R rename), path (NUL
 * terminated), then for W: offset and length (int64 each) and the bytes; for T: the length;
 * for R: the new path (NUL terminated).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

static int log_fd = -1;
static char dir[PATH_MAX];
static size_t dir_len;

static ssize_t (*real_write)(int, const void *, size_t);
static ssize_t (*real_pwrite64)(int, const void *, size_t, off_t);
static int (*real_fsync)(int);
static int (*real_fdatasync)(int);
static int (*real_ftruncate64)(int, off_t);
static int (*real_unlink)(const char *);
static int (*real_rename)(const char *, const char *);

__attribute__((constructor)) static void start(void) {
    real_write = dlsym(RTLD_NEXT, "write");
    real_pwrite64 = dlsym(RTLD_NEXT, "pwrite64");
    real_fsync = dlsym(RTLD_NEXT, "fsync");
    real_fdatasync = dlsym(RTLD_NEXT, "fdatasync");
    real_ftruncate64 = dlsym(RTLD_NEXT, "ftruncate64");
    real_unlink = dlsym(RTLD_NEXT, "unlink");
    real_rename = dlsym(RTLD_NEXT, "rename");
    const char *log = getenv("POWERLOSS_LOG"), *under = getenv("POWERLOSS_DIR");
    if (log == NULL || under == NULL || realpath(under, dir) == NULL) return;
    dir_len = strlen(dir);
    log_fd = open(log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
}

static void put(const void *data, size_t size) {
    const char *p = data;
    while (size > 0) {
        ssize_t n = real_write(log_fd, p, size);
        if (n <= 0) abort(); /* a record lost would make the rebuild lie */
        p += n;
        size -= (size_t)n;
    }
}

/* The file's absolute path when it lies under the watched folder, else 0. */
static int watched_fd(int fd, char *path) {
    if (log_fd < 0 || fd == log_fd) return 0;
    char link[64];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, path, PATH_MAX - 1);
    if (n <= 0) return 0;
    path[n] = 0;
    return strncmp(path, dir, dir_len) == 0 && path[dir_len] == '/';
}

static int watched_path(const char *name, char *path) {
    if (log_fd < 0) return 0;
    char folder[PATH_MAX];
    const char *slash = strrchr(name, '/');
    if (slash == NULL) {
        if (getcwd(folder, sizeof folder) == NULL) return 0;
        slash = name - 1;
    } else {
        size_t len = (size_t)(slash - name);
        char parent[PATH_MAX];
        memcpy(parent, name, len);
        parent[len] = 0;
        if (realpath(len ? parent : "/", folder) == NULL) return 0;
    }
    if (snprintf(path, PATH_MAX, "%s/%s", folder, slash + 1) >= PATH_MAX) return 0;
    return strncmp(path, dir, dir_len) == 0 && path[dir_len] == '/';
}

static void record(char kind, const char *path) {
    put(&kind, 1);
    put(path, strlen(path) + 1);
}

static void record_write(const char *path, int64_t offset, const void *data, int64_t size) {
    record('W', path);
    put(&offset, sizeof offset);
    put(&size, sizeof size);
    put(data, (size_t)size);
}

ssize_t write(int fd, const void *buf, size_t count) {
    char path[PATH_MAX];
    if (!watched_fd(fd, path)) return real_write(fd, buf, count);
    int flags = fcntl(fd, F_GETFL);
    struct stat st;
    off_t at = (flags & O_APPEND) && fstat(fd, &st) == 0 ? st.st_size : lseek(fd, 0, SEEK_CUR);
    ssize_t n = real_write(fd, buf, count);
    if (n > 0) record_write(path, at, buf, n);
    return n;
}

ssize_t pwrite64(int fd, const void *buf, size_t count, off_t offset) {
    ssize_t n = real_pwrite64(fd, buf, count, offset);
    char path[PATH_MAX];
    if (n > 0 && watched_fd(fd, path)) record_write(path, offset, buf, n);
    return n;
}

ssize_t pwrite(int fd, const void *buf, size_t count, off_t offset) {
    return pwrite64(fd, buf, count, offset);
}

static int synced(int fd, int result) {
    char path[PATH_MAX];
    if (result == 0 && watched_fd(fd, path)) record('S', path);
    return result;
}

int fsync(int fd) { return synced(fd, real_fsync(fd)); }
int fdatasync(int fd) { return synced(fd, real_fdatasync(fd)); }

int ftruncate64(int fd, off_t length) {
    int result = real_ftruncate64(fd, length);
    char path[PATH_MAX];
    if (result == 0 && watched_fd(fd, path)) {
        int64_t size = length;
        record('T', path);
        put(&size, sizeof size);
    }
    return result;
}

int ftruncate(int fd, off_t length) { return ftruncate64(fd, length); }

int unlink(const char *name) {
    char path[PATH_MAX];
    int watched = watched_path(name, path);
    int result = real_unlink(name);
    if (result == 0 && watched) record('U', path);
    return result;
}

int rename(const char *from, const char *to) {
    char old_path[PATH_MAX], new_path[PATH_MAX];
    int watched = watched_path(from, old_path) && watched_path(to, new_path);
    int result = real_rename(from, to);
    if (result == 0 && watched) {
        record('R', old_path);
        put(new_path, strlen(new_path) + 1);
    }
    return result;
}
