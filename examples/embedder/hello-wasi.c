/* The embedder example's WASI program: prints its arguments and one environment variable, then
 * exits with status 3 so the host sees proc_exit. Built by examples/build.sh:
 *   clang --target=wasm32-wasi -O2 -o hello-wasi.wasm hello-wasi.c */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    for (int i = 0; i < argc; i++) {
        printf("argv[%d] = %s\n", i, argv[i]);
    }
    const char *greeting = getenv("GREETING");
    printf("GREETING = %s\n", greeting ? greeting : "(unset)");
    return 3;
}
