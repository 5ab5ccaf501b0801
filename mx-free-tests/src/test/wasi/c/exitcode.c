/* exit codes: exit(N) with N from argv[1]; "return" returns N from main instead; "trap" traps. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: exitcode N | return N | trap\n");
        return 2;
    }
    if (strcmp(argv[1], "trap") == 0) {
        printf("before the trap\n");
        fflush(stdout);
        __builtin_trap();
    }
    if (strcmp(argv[1], "return") == 0) {
        printf("returning %s\n", argv[2]);
        return atoi(argv[2]);
    }
    /* Buffered output must be flushed by exit() before proc_exit. */
    printf("exiting with %s", argv[1]);
    exit(atoi(argv[1]));
}
