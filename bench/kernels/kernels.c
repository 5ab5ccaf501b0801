// Memory-bound kernels for linmem's benchmarks, built for wasm32 by build.sh (clang, no libc).
// Each kernel is a self-contained export taking a size and returning a checksum, so every
// engine's result can be compared before any time counts. init() must run first: it fills the
// arrays and the CRC table deterministically.

typedef unsigned int u32;
typedef unsigned long long u64;
typedef unsigned char u8;

#define WORDS (1u << 20) // 4 MiB per array: larger than L2, so the kernels are memory-bound

static u32 A[WORDS];
static u32 B[WORDS];
static u32 CRC_TABLE[256];

static u32 lcg(u32 x) { return x * 1664525u + 1013904223u; }

__attribute__((export_name("init"))) u32 init(u32 seed) {
    u32 x = seed;
    for (u32 i = 0; i < WORDS; i++) {
        x = lcg(x);
        A[i] = x;
        B[i] = ~x;
    }
    for (u32 n = 0; n < 256; n++) {
        u32 c = n;
        for (int k = 0; k < 8; k++) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        CRC_TABLE[n] = c;
    }
    return x;
}

// Sequential i32 stores then loads.
__attribute__((export_name("fill_sum_i32"))) u32 fill_sum_i32(u32 n) {
    for (u32 i = 0; i < n; i++) A[i] = i * 2654435761u;
    u32 sum = 0;
    for (u32 i = 0; i < n; i++) sum += A[i];
    return sum;
}

// Byte-wise FNV-1a over the first n bytes of A.
__attribute__((export_name("hash_bytes"))) u32 hash_bytes(u32 n) {
    const u8 *p = (const u8 *)A;
    u32 h = 2166136261u;
    for (u32 i = 0; i < n; i++) h = (h ^ p[i]) * 16777619u;
    return h;
}

// Sequential i64 loads over the first n 64-bit words of A.
__attribute__((export_name("sum_i64"))) u64 sum_i64(u32 n) {
    const u64 *p = (const u64 *)A;
    u64 sum = 0;
    for (u32 i = 0; i < n; i++) sum += p[i] ^ (sum >> 7);
    return sum;
}

static void sift_down(u32 *a, u32 root, u32 end) {
    for (;;) {
        u32 child = 2 * root + 1;
        if (child >= end) return;
        if (child + 1 < end && a[child] < a[child + 1]) child++;
        if (a[root] >= a[child]) return;
        u32 t = a[root]; a[root] = a[child]; a[child] = t;
        root = child;
    }
}

// Random access: heapsort n pseudo-random words in B, then a position-weighted checksum.
__attribute__((export_name("sort"))) u32 sort(u32 n) {
    u32 x = n;
    for (u32 i = 0; i < n; i++) { x = lcg(x); B[i] = x >> 4; }
    for (u32 i = n / 2; i-- > 0;) sift_down(B, i, n);
    for (u32 end = n; end-- > 1;) {
        u32 t = B[0]; B[0] = B[end]; B[end] = t;
        sift_down(B, 0, end);
    }
    u32 sum = 0;
    for (u32 i = 0; i < n; i++) sum = sum * 31u + B[i];
    return sum;
}

// Table lookups: CRC-32 of the first n bytes of A.
__attribute__((export_name("crc32"))) u32 crc32(u32 n) {
    const u8 *p = (const u8 *)A;
    u32 c = 0xFFFFFFFFu;
    for (u32 i = 0; i < n; i++) c = CRC_TABLE[(c ^ p[i]) & 0xFF] ^ (c >> 8);
    return ~c;
}

// Block copies with memory.copy: n bytes from A to B in blocks of 4 KiB at rotating offsets.
__attribute__((export_name("copy_blocks"))) u32 copy_blocks(u32 n) {
    const u32 block = 4096, span = sizeof(A) - block;
    u32 sum = 0;
    for (u32 done = 0, k = 0; done < n; done += block, k++) {
        u32 src = (k * 7919u * 64u) % span, dst = (k * 104729u * 64u) % span;
        __builtin_memcpy((u8 *)B + dst, (const u8 *)A + src, block);
        sum += B[dst / 4];
    }
    return sum;
}

// Fills with memory.fill: n bytes of B in blocks of 4 KiB with a byte that changes per block.
__attribute__((export_name("fill_blocks"))) u32 fill_blocks(u32 n) {
    const u32 block = 4096, span = sizeof(B) - block;
    u32 sum = 0;
    for (u32 done = 0, k = 0; done < n; done += block, k++) {
        u32 dst = (k * 7919u * 64u) % span;
        __builtin_memset((u8 *)B + dst, (int)(k & 0xFF), block);
        sum += B[dst / 4 + 1];
    }
    return sum;
}
