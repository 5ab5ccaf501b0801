/* stdin: copies standard input to standard output in upper case, then counts bytes and lines. */
#include <ctype.h>
#include <stdio.h>

int main(void) {
    static char buffer[4096];
    long bytes = 0, lines = 0;
    size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, stdin)) > 0) {
        for (size_t i = 0; i < n; i++) {
            lines += buffer[i] == '\n';
            buffer[i] = (char) toupper((unsigned char) buffer[i]);
        }
        fwrite(buffer, 1, n, stdout);
        bytes += (long) n;
    }
    printf("%ld bytes, %ld lines\n", bytes, lines);
    return 0;
}
