package dev.linmem.wasm.runtime;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.DirectCallNode;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.RootNode;
import dev.linmem.memory.LinearMemory;

/**
 * A call into an instance from outside it (the host, another instance, a start function): enters
 * every memory the instance's code can touch ({@link LinearMemory#enter()}) for the duration of the
 * call, then calls the function's own call target. Calls within an instance go straight to that
 * target, so the entry costs nothing there; a cross-instance call pays one ownership check per
 * memory (an atomic count for shared ones).
 *
 * <p>This is what keeps the library's freeing rule in the engine: a thread running an instance's
 * code is inside its memories, so another thread can neither grow one of its unshared memories
 * (it is refused with {@link dev.linmem.memory.MemoryInUseException}) nor free one from under it
 * (close waits for the last user).
 */
final class InstanceEntryRootNode extends RootNode {
    @CompilationFinal(dimensions = 1) private final LinearMemory[] memories;
    @Child private DirectCallNode function;
    private final String name;

    InstanceEntryRootNode(LinearMemory[] memories, CallTarget function, String name) {
        super(null);
        this.memories = memories;
        this.function = DirectCallNode.create(function);
        this.name = name;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        boolean[] entered = new boolean[memories.length];
        try {
            enterAll(entered);
            return function.call(frame.getArguments());
        } finally {
            exitAll(entered);
        }
    }

    @ExplodeLoop
    private void enterAll(boolean[] entered) {
        for (int i = 0; i < memories.length; i++) {
            entered[i] = memories[i].enter();
        }
    }

    @ExplodeLoop
    private void exitAll(boolean[] entered) {
        for (int i = 0; i < memories.length; i++) {
            if (entered[i]) {
                memories[i].exit();
            }
        }
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
