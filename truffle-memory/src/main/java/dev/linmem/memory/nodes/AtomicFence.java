package dev.linmem.memory.nodes;

import java.lang.invoke.VarHandle;

/** {@code atomic.fence}: a full fence, ordering every access before it against every access after it. */
public final class AtomicFence {
    private AtomicFence() {
    }

    public static void fence() {
        VarHandle.fullFence();
    }
}
