/**
 * WebAssembly linear memories as Truffle objects.
 *
 * <h2>The layers</h2>
 *
 * <pre>
 *   wasm code / host code
 *          |                      nodes (dev.linmem.memory.nodes): load, store, size, grow,
 *          v                      fill, copy, init; specialized per memory, see below
 *   +----------------------------------------------------------------+
 *   | LinearMemory: the policy layer                                 |
 *   |   MemoryType, size, grow (limits, MemoryLimiter, all or        |
 *   |   nothing, new bytes zero), statistics, traps, interop,        |
 *   |   host copies                                                  |
 *   +-------------------------------+--------------------------------+
 *   | StaticMemory                  | DynamicMemory                  |
 *   |   capacity reserved up front, |   grows within a reserve, and  |
 *   |   never moves (pool slots,    |   moves to a larger block past |
 *   |   shared memories)            |   it                           |
 *   +---------------+---------------+----------------+---------------+
 *   | HeapStatic    | NativeStatic  | HeapDynamic    | NativeDynamic |  or an embedder's
 *   | byte[] of the | mmap PROT_NONE| byte[] copied  | mmap PROT_NONE|  DynamicStorage
 *   | capacity      | + mprotect on | to a larger    | size + 1 GiB; |
 *   |               | grow          | one (doubling) | mprotect, and |
 *   |               |               |                | moves past it |
 *   +---------------+---------------+----------------+---------------+
 * </pre>
 *
 * <p>Why one policy layer: wasmtime began with exactly this {@code Static}/{@code Dynamic} split
 * as two implementations and folded them into one layer over simple storage (PR #4086), because
 * shared memory needs one atomic size change and the two variants duplicated the grow logic. So
 * grow is written once, in {@link dev.linmem.memory.LinearMemory#grow}; a storage only answers
 * "make these bytes accessible" ({@code make_accessible} in wasmtime) or "give me a bigger
 * block".
 *
 * <h2>Storage is addressed as (base, offset)</h2>
 *
 * Heap storage is a {@code byte[]} and an offset from the array base; native storage is a null
 * base and an address. One set of {@code Unsafe} accesses serves both, and partial evaluation
 * reduces them to single machine loads and stores. Native storage is anonymous {@code mmap}:
 * pages are zero and free until touched, so a static memory reserves its whole capacity (4 GiB
 * when no maximum is declared) for the price of address space, grows with {@code mprotect}, and
 * everything beyond its current size faults instead of being corrupted should a bounds check
 * ever be wrong: a second line of defence, never the first. Native storage is unmapped by
 * {@link dev.linmem.memory.LinearMemory#close()}, exactly once (a {@link java.lang.ref.Cleaner}
 * runs the unmapping and guarantees that), or by the Cleaner after the memory became unreachable.
 *
 * <h2>Compiled code, assumptions and deoptimization</h2>
 *
 * A node caches the memory it sees (identity) and what it can hold constant:
 * <ul>
 * <li>a {@link dev.linmem.memory.StaticMemory}'s base is a final field, so it is constant for
 * good; its size is held constant under {@link dev.linmem.memory.StaticMemory#sizeStable()};</li>
 * <li>a {@link dev.linmem.memory.DynamicMemory}'s base is held constant under
 * {@link dev.linmem.memory.DynamicMemory#storageStable()}; its size is read at each access, so
 * grows within the reserve cost compiled code nothing. An access site first compares against the
 * type's minimum, which needs no size at all (sizes never shrink while a memory is open), and
 * only past it against the live size.</li>
 * </ul>
 * A grow that changes what was cached invalidates the assumption: compiled code that relied on
 * it deoptimizes, the node re-caches the new base or size, and the code compiles again. That is
 * wasmtime's "VMContext fix-up after a moving grow", done by the runtime. Each memory renews an
 * assumption at most a fixed number of times; after that it hands out an invalid one and the
 * nodes settle in their generic specialization, so a memory that grows in a hot loop does not
 * recompile forever. The counts are in {@link dev.linmem.memory.MemoryStatistics}.
 *
 * <h2>Bounds checks</h2>
 *
 * Every access checks {@code address + offset + width <= size} without computing the sum (see
 * {@code nodes.Bounds}): with a constant memory and address the check folds away, and the tests
 * prove it with {@code CompilerAsserts.partialEvaluationConstant} and a negative control.
 *
 * <p>A check that does not fold is a branch whose failing side calls a boundary that throws, never
 * a deoptimization. A raw {@code Unsafe} access has no input tying it to its check; it stays
 * behind the check only because it sits in the block the branch leads to. A failing side that
 * deoptimizes lets Graal turn the check into a floating guard, and the scheduler may then place
 * the access before the guard: that is how compiled code on dynamic memories once read at
 * base + 4 GiB and base - 16 before trapping (and, on heap storage, read other objects' bytes
 * without any fault). The adversarial safety matrix in mx-free-tests runs every access kind
 * against every memory kind, compiled, each worker in a JVM of its own, to keep it that way. Bulk
 * operations check their whole range before writing a byte, so a trap writes nothing. Sizes
 * never shrink while a memory is open; close sets the size to zero and invalidates every
 * assumption first, so no path, compiled or interpreted, touches storage after it was freed.
 *
 * <h2>Threads, moves and freeing</h2>
 *
 * A shared memory is static (its storage never moves) and must declare a maximum. Its size is a
 * volatile field: written with release semantics after the storage was made accessible, read
 * with acquire semantics, so a thread that sees a size can access every byte below it. Grow
 * holds the memory's lock; an access racing with grow either succeeds or traps.
 *
 * <p>No storage is freed or reused while a thread can still reach it. The model is wasmtime's
 * {@code Store} for unshared memories and counting for shared ones, kept by
 * {@link dev.linmem.memory.LinearMemory#enter()} and {@link dev.linmem.memory.LinearMemory#exit()}:
 * <ul>
 * <li>An unshared memory belongs to one thread at a time. A second thread that enters while the
 * owner is inside gets a {@link dev.linmem.memory.MemoryInUseException} (wasm defines no
 * concurrent access to unshared memories, and the alternative, letting it race, would let it read
 * a moved or freed block). So only the owner grows an unshared memory, and a moving grow frees the
 * old block at once: the owner is the one thread that could hold it, and it is the one growing.</li>
 * <li>A shared memory counts the threads inside; it never moves.</li>
 * <li>Close (and so a pool release) invalidates every assumption at once, so compiled code stops
 * using the storage, and sets the size to zero, so every later check traps; but the storage is
 * freed, or returned to its pool, only when no thread is inside: by close itself, or by the last
 * thread's exit. The count and the closed flag are one atomic word, so exactly one thread sees
 * "closed and empty" and frees, once.</li>
 * </ul>
 * The host methods ({@code read}, {@code write}, {@code readInt}, ..., the interop buffer
 * messages, {@code grow}) enter by themselves. An interpreter built on the nodes enters the
 * memories of the code it runs before running it, as linmem's wasm engine does on every call
 * that enters an instance from outside it; the nodes themselves never enter (that would cost every
 * access an atomic operation).
 */
package dev.linmem.memory;
