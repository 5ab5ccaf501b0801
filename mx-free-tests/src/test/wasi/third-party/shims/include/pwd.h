/*
 * linmem's stand-in for <pwd.h>, which wasi-libc does not have: there is no user database, so
 * no user is found (SQLite's shell then looks for $HOME instead).
 */
#ifndef LINMEM_PWD_H
#define LINMEM_PWD_H
#include <sys/types.h>
struct passwd {
    char *pw_dir;
};
static inline struct passwd *getpwuid(uid_t uid) { (void) uid; return 0; }
static inline uid_t getuid(void) { return 0; }
#endif
