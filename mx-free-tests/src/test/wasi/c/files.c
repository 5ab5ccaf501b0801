/*
 * Files and directories in a preopen: argv[1] is the preopened directory's guest path, argv[2]
 * (optional) the name of a link the host planted in it that points outside. Creates,
 * writes, reads, seeks, truncates, renames, links, lists and removes, printing what it sees; then
 * tries to leave the preopen and prints why it could not. Leaves the directory as it found it.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static char path_buffer[512];

static const char *at(const char *root, const char *name) {
    snprintf(path_buffer, sizeof path_buffer, "%s/%s", root, name);
    return path_buffer;
}

#define CHECK(call) do { if ((call) < 0) { printf("FAILED %s: %s\n", #call, strerror(errno)); return 1; } } while (0)

static int compare(const void *a, const void *b) {
    return strcmp(*(char *const *) a, *(char *const *) b);
}

/* Prints the entries of dir other than . and .., sorted (hosts list in different orders). */
static int list(const char *dir) {
    DIR *d = opendir(dir);
    if (d == NULL) {
        printf("opendir %s: %s\n", dir, strerror(errno));
        return 1;
    }
    char *names[128];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && n < 128) {
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
            names[n++] = strdup(e->d_name);
        }
    }
    closedir(d);
    qsort(names, n, sizeof names[0], compare);
    printf("list %s:", dir);
    for (int i = 0; i < n; i++) {
        printf(" %s", names[i]);
        free(names[i]);
    }
    printf(" (%d)\n", n);
    return 0;
}

static void try_open(const char *path) {
    int fd = open(path, O_RDONLY);
    if (fd >= 0) {
        printf("open %s: opened!\n", path);
        close(fd);
    } else {
        printf("open %s: %s\n", path, strerror(errno));
    }
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: files DIR\n");
        return 2;
    }
    char root[256];
    snprintf(root, sizeof root, "%s/files-test", argv[1]);
    CHECK(mkdir(root, 0755));

    /* stdio on a file */
    FILE *f = fopen(at(root, "a.txt"), "w");
    if (f == NULL) {
        printf("fopen: %s\n", strerror(errno));
        return 1;
    }
    for (int i = 1; i <= 3; i++) {
        fprintf(f, "line %d\n", i);
    }
    fclose(f);
    struct stat st;
    CHECK(stat(at(root, "a.txt"), &st));
    printf("size %lld, regular %d\n", (long long) st.st_size, S_ISREG(st.st_mode));
    f = fopen(at(root, "a.txt"), "r");
    char line[64];
    while (fgets(line, sizeof line, f) != NULL) {
        printf("read: %s", line);
    }
    fclose(f);

    /* descriptors: seek, positioned I/O, truncate, append */
    int fd = open(at(root, "a.txt"), O_RDWR);
    CHECK(fd);
    printf("lseek end: %lld\n", (long long) lseek(fd, 0, SEEK_END));
    CHECK(lseek(fd, 5, SEEK_SET));
    CHECK(write(fd, "ONE", 3));
    char buf[32] = {0};
    CHECK(pread(fd, buf, 6, 0));
    printf("pread: %s\n", buf);
    CHECK(pwrite(fd, "L", 1, 0));
    printf("position after pwrite: %lld\n", (long long) lseek(fd, 0, SEEK_CUR));
    CHECK(ftruncate(fd, 8));
    CHECK(fstat(fd, &st));
    printf("after ftruncate: %lld bytes\n", (long long) st.st_size);
    close(fd);
    fd = open(at(root, "a.txt"), O_WRONLY | O_APPEND);
    CHECK(fd);
    CHECK(write(fd, "+tail\n", 6));
    close(fd);
    fd = open(at(root, "a.txt"), O_RDONLY);
    memset(buf, 0, sizeof buf);
    CHECK(read(fd, buf, sizeof buf - 1));
    printf("content: %s", buf);
    printf("write to a read-only descriptor: %s\n", write(fd, "x", 1) < 0 ? strerror(errno) : "written!");
    close(fd);

    /* exclusive create, rename, links */
    fd = open(at(root, "a.txt"), O_WRONLY | O_CREAT | O_EXCL, 0644);
    printf("O_EXCL on an existing file: %s\n", fd < 0 ? strerror(errno) : "opened!");
    char from[512];
    snprintf(from, sizeof from, "%s", at(root, "a.txt"));
    CHECK(rename(from, at(root, "b.txt")));
    printf("a.txt after rename: %s\n", access(at(root, "a.txt"), F_OK) == 0 ? "exists" : strerror(errno));
    char target[512];
    snprintf(target, sizeof target, "%s", at(root, "link"));
    CHECK(symlink("b.txt", target));
    char contents[64] = {0};
    CHECK(readlink(target, contents, sizeof contents - 1));
    printf("readlink: %s\n", contents);
    CHECK(lstat(target, &st));
    printf("lstat is a link: %d\n", S_ISLNK(st.st_mode));
    CHECK(stat(target, &st));
    printf("stat follows to a file of %lld bytes\n", (long long) st.st_size);
    snprintf(from, sizeof from, "%s", at(root, "b.txt"));
    CHECK(link(from, at(root, "hard")));
    CHECK(stat(from, &st));
    printf("links to b.txt: %lld\n", (long long) st.st_nlink);

    /* times */
    struct timespec times[2] = {{1000000000, 0}, {1234567890, 0}};
    CHECK(utimensat(AT_FDCWD, from, times, 0));
    CHECK(stat(from, &st));
    printf("mtime: %lld\n", (long long) st.st_mtim.tv_sec);

    /* directories */
    CHECK(mkdir(at(root, "sub"), 0755));
    for (int i = 0; i < 40; i++) {
        char name[64];
        snprintf(name, sizeof name, "sub/file%02d", i);
        fd = open(at(root, name), O_WRONLY | O_CREAT, 0644);
        CHECK(fd);
        close(fd);
    }
    if (list(root) != 0) {
        return 1;
    }
    DIR *d = opendir(at(root, "sub"));
    int entries = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        /* WASI hosts differ on "." and "..": wasmtime and linmem list them, Node does not. */
        entries += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    }
    closedir(d);
    printf("entries in sub: %d\n", entries);
    printf("rmdir of a full directory: %s\n", rmdir(at(root, "sub")) < 0 ? strerror(errno) : "removed!");

    /* the sandbox */
    char escape[512];
    snprintf(escape, sizeof escape, "%s/../../etc/passwd", argv[1]);
    try_open(escape);
    try_open("/etc/passwd");
    printf("symlink pointing out: %s\n", symlink("../../..", at(root, "up")) < 0 ? strerror(errno) : "created!");
    if (argc > 2) {
        /* A link the host planted in the preopen, pointing outside it. */
        snprintf(escape, sizeof escape, "%s/%s/passwd", argv[1], argv[2]);
        try_open(escape);
    }

    /* clean up */
    for (int i = 0; i < 40; i++) {
        char name[64];
        snprintf(name, sizeof name, "sub/file%02d", i);
        CHECK(unlink(at(root, name)));
    }
    CHECK(rmdir(at(root, "sub")));
    const char *files[] = {"b.txt", "link", "hard"};
    for (int i = 0; i < 3; i++) {
        CHECK(unlink(at(root, files[i])));
    }
    if (list(root) != 0) {
        return 1;
    }
    CHECK(rmdir(root));
    printf("%s after cleanup: %s\n", root, access(root, F_OK) == 0 ? "exists" : strerror(errno));
    return 0;
}
