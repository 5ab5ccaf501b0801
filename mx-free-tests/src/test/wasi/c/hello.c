/* stdio: a line to stdout, a line to stderr, printf's formatting, and a long write. */
#include <stdio.h>
#include <string.h>

int main(void) {
    printf("hello, world\n");
    fprintf(stderr, "this goes to stderr\n");
    printf("%d %5.2f %s %c %x %lld\n", 42, 3.14159, "text", 'z', 255u, -9000000000LL);
    /* More than one buffer's worth (wasi-libc's stdout buffer is BUFSIZ = 1024): several fd_writes. */
    static char line[101];
    memset(line, 'x', 100);
    for (int i = 0; i < 50; i++) {
        line[0] = (char) ('a' + i % 26);
        puts(line);
    }
    printf("done\n");
    return 0;
}
