// hashsort: a small program that does real work on its linear memory, for `bin/linmem run`.
//
// It grows its memory to hold two buffers of n 32-bit words, fills the first with a
// xorshift32 PRNG, hashes the bytes with FNV-1a, sorts the words with a bottom-up merge sort
// (ping-ponging between the two buffers, the last pass copied back with memory.copy), checks
// that the result is ordered and still holds the same words, and returns a checksum.
//
// Exports: main() sorts 30,000 words (two 120 kB buffers) with seed 1; run(n, seed) any size.
// A failed grow returns -1; a sort that breaks order or loses words traps (unreachable).
// Built by build.sh beside it: clang --target=wasm32 -nostdlib, no libc, so everything is here.

typedef unsigned int u32;
typedef unsigned char u8;

#define PAGE_BYTES 65536u
#define DEFAULT_WORDS 30000u // 15 merge passes: odd, so the final memory.copy runs

extern u8 __heap_base; // first byte after the stack and static data, from wasm-ld

static u32 *buffer;      // the words to sort
static u32 *scratch;     // the merge sort's second buffer
static u32 capacity;     // words each buffer holds; kept, so repeated calls do not grow again

// Makes both buffers hold n words, growing memory only when it is too small. 0 on success.
static int reserve(u32 n) {
    if (n <= capacity) {
        return 0;
    }
    if (n > (1u << 28)) { // two buffers of 2^28 words would already fill the 4 GiB address space
        return -1;
    }
    u32 base = ((u32) &__heap_base + 15u) & ~15u;
    u32 need = base + 8u * n;            // cannot overflow: n <= 2^28, base < 2^31
    u32 have = (u32) __builtin_wasm_memory_size(0) * PAGE_BYTES;
    if (need > have) {
        u32 pages = (need - have + PAGE_BYTES - 1) / PAGE_BYTES;
        if (__builtin_wasm_memory_grow(0, pages) == (unsigned long) -1) {
            return -1;
        }
    }
    buffer = (u32 *) base;
    scratch = buffer + n;
    capacity = n;
    return 0;
}

static u32 xorshift32(u32 *state) {
    u32 x = *state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return *state = x;
}

static u32 fnv1a(const u8 *bytes, u32 length) {
    u32 hash = 2166136261u;
    for (u32 i = 0; i < length; i++) {
        hash = (hash ^ bytes[i]) * 16777619u;
    }
    return hash;
}

// Merges the sorted runs from[lo, mid) and from[mid, hi) into to[lo, hi).
static void merge(const u32 *from, u32 *to, u32 lo, u32 mid, u32 hi) {
    u32 i = lo, j = mid, k = lo;
    while (i < mid && j < hi) {
        to[k++] = from[j] < from[i] ? from[j++] : from[i++]; // takes the left on ties: stable
    }
    while (i < mid) to[k++] = from[i++];
    while (j < hi) to[k++] = from[j++];
}

// Bottom-up merge sort of buffer[0, n); no recursion, so the shadow stack stays small.
static void sort(u32 n) {
    u32 *from = buffer, *to = scratch;
    for (u32 width = 1; width < n; width *= 2) {
        for (u32 lo = 0; lo < n; lo += 2 * width) {
            u32 mid = lo + width < n ? lo + width : n;
            u32 hi = lo + 2 * width < n ? lo + 2 * width : n;
            merge(from, to, lo, mid, hi);
        }
        u32 *t = from; from = to; to = t;
    }
    if (from != buffer) {
        __builtin_memcpy(buffer, from, n * sizeof(u32)); // memory.copy with -mbulk-memory
    }
}

__attribute__((export_name("run")))
int run(u32 n, u32 seed) {
    if (reserve(n) != 0) {
        return -1;
    }
    u32 state = seed ? seed : 1; // xorshift32 is stuck at 0
    u32 sum = 0;
    for (u32 i = 0; i < n; i++) {
        buffer[i] = xorshift32(&state);
        sum += buffer[i];
    }
    u32 before = fnv1a((const u8 *) buffer, n * sizeof(u32));
    sort(n);
    u32 after_sum = 0;
    for (u32 i = 0; i < n; i++) {
        if (i > 0 && buffer[i - 1] > buffer[i]) {
            __builtin_trap(); // out of order
        }
        after_sum += buffer[i];
    }
    if (after_sum != sum) {
        __builtin_trap(); // the sort lost or duplicated words
    }
    // The hash of the unsorted words mixed with that of the sorted ones: both orders count.
    return (int) (before ^ (fnv1a((const u8 *) buffer, n * sizeof(u32)) * 31u));
}

__attribute__((export_name("main")))
int main_default(void) {
    return run(DEFAULT_WORDS, 1);
}
