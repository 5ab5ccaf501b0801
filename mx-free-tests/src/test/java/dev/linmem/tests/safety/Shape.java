package dev.linmem.tests.safety;

/**
 * The address shapes of the safety matrix: how a case reaches past the end of a memory, and what
 * it did to the memory and the compiled code first. {@link SafetyWorker} runs each.
 */
enum Shape {
    /** The same address in every iteration of a loop: the shape whose load the compiler once hoisted above its check. */
    LOOP_INVARIANT,
    /** An address that advances by the access width every iteration and runs off the end mid-loop. */
    INDUCTION,
    /** 2^32 - k for k = 1..16: sums that wrap in 32 bits. */
    WRAP_2_32,
    /** Addresses around 2^63, where signed and unsigned comparisons part (i64 memories). */
    NEAR_2_63(true),
    /** Addresses just below 2^64, whose sum with the base wraps below the memory (i64 memories). */
    NEAR_2_64(true),
    /** Exactly the size, and the size minus the static offset. */
    EXACT_SIZE,
    /** Every address whose access straddles the end, size - width + 1 and above. */
    STRADDLING_END,
    /** Compiled, then grown by a page: the old end is inside, the new end outside. */
    AFTER_GROW,
    /** Compiled, then grown so far that a dynamic memory's storage moves. */
    AFTER_MOVING_GROW,
    /** The site first accessed above the minimum, then compiled (a dynamic memory's second check shape). */
    ABOVE_MINIMUM,
    /** Grown and recompiled until the nodes give up caching and use their generic specialization. */
    GENERIC,
    /** Compiled, then the host closes the memory. */
    AFTER_CLOSE;

    /** Whether the shape needs addresses only an i64 memory has. */
    final boolean memory64Only;

    Shape() {
        this(false);
    }

    Shape(boolean memory64Only) {
        this.memory64Only = memory64Only;
    }
}
