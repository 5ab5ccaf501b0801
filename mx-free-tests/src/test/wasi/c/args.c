/* args and environ: prints argc, every argument, and the environment as the program sees it. */
#include <stdio.h>
#include <stdlib.h>

extern char **environ;

int main(int argc, char **argv) {
    printf("argc=%d\n", argc);
    for (int i = 0; i < argc; i++) {
        printf("argv[%d]=[%s]\n", i, argv[i]);
    }
    int count = 0;
    for (char **e = environ; *e != NULL; e++) {
        printf("env[%d]=[%s]\n", count++, *e);
    }
    printf("envc=%d\n", count);
    const char *greeting = getenv("GREETING");
    printf("getenv(GREETING)=%s\n", greeting ? greeting : "(unset)");
    printf("getenv(HOME)=%s\n", getenv("HOME") ? getenv("HOME") : "(unset)");
    return 0;
}
