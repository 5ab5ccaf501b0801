/*
 * C library functions wasi-libc leaves out because WASI cannot provide them, answered as a
 * C library answers on a system without the feature: no temporary files without a writable
 * directory the program knows of, no shell to run commands with.
 */
#include <errno.h>
#include <stdio.h>

FILE *tmpfile(void) {
    errno = ENOTSUP;
    return NULL;
}

int system(const char *command) {
    if (command == NULL) {
        return 0; /* no command processor */
    }
    errno = ENOSYS;
    return -1;
}
