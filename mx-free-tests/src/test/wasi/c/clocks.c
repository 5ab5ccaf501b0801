/* clocks: realtime is now, monotonic never goes back, sleeping (poll_oneoff) takes at least its time. */
#define _WASI_EMULATED_PROCESS_CLOCKS
#include <stdio.h>
#include <time.h>

static long long nanos(clockid_t clock) {
    struct timespec ts;
    if (clock_gettime(clock, &ts) != 0) {
        return -1;
    }
    return (long long) ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(void) {
    long long realtime = nanos(CLOCK_REALTIME);
    /* 2020-01-01 is 1577836800 s after the epoch; 2100 is 4102444800. */
    printf("realtime plausible: %s\n", realtime > 1577836800LL * 1000000000LL && realtime < 4102444800LL * 1000000000LL ? "yes" : "no");
    time_t t = time(NULL);
    printf("time() agrees: %s\n", t >= realtime / 1000000000LL - 1 && t <= realtime / 1000000000LL + 5 ? "yes" : "no");

    long long previous = nanos(CLOCK_MONOTONIC);
    int backwards = 0;
    for (int i = 0; i < 1000; i++) {
        long long now = nanos(CLOCK_MONOTONIC);
        backwards += now < previous;
        previous = now;
    }
    printf("monotonic went backwards: %d times\n", backwards);

    struct timespec res;
    printf("resolutions known: %s\n",
           clock_getres(CLOCK_REALTIME, &res) == 0 && (res.tv_sec > 0 || res.tv_nsec > 0)
           && clock_getres(CLOCK_MONOTONIC, &res) == 0 && (res.tv_sec > 0 || res.tv_nsec > 0) ? "yes" : "no");

    long long before = nanos(CLOCK_MONOTONIC);
    struct timespec nap = {0, 20 * 1000000};
    int slept = nanosleep(&nap, NULL);
    long long elapsed = nanos(CLOCK_MONOTONIC) - before;
    printf("nanosleep(20 ms) returned %d and took at least 20 ms: %s\n", slept, elapsed >= 20000000LL ? "yes" : "no");

    clock_t cpu = clock();
    printf("clock() works: %s\n", cpu != (clock_t) -1 ? "yes" : "no");
    return 0;
}
