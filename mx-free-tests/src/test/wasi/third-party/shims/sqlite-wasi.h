/*
 * Included before SQLite 3.40's sources (clang -include): the POSIX calls its unix VFS names
 * that wasi-libc lacks. WASI has no file owners or modes, so changing them succeeds without
 * effect and the user is root; it has no advisory locks, so the F_*LK commands exist for the
 * code to compile and fail at run time (EINVAL from fcntl): the tests open databases with the
 * VFS "unix-none", which takes no locks.
 */
#ifndef LINMEM_SQLITE_WASI_H
#define LINMEM_SQLITE_WASI_H
#include <fcntl.h>
#include <sys/types.h>
static inline int chmod(const char *path, mode_t mode) { (void) path; (void) mode; return 0; }
static inline int fchmod(int fd, mode_t mode) { (void) fd; (void) mode; return 0; }
static inline int fchown(int fd, uid_t owner, gid_t group) { (void) fd; (void) owner; (void) group; return 0; }
static inline uid_t geteuid(void) { return 0; }
#define F_RDLCK 0
#define F_WRLCK 1
#define F_UNLCK 2
#define F_GETLK 5
#define F_SETLK 6
#define F_SETLKW 7
#endif
