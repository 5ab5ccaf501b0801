package dev.linmem.wasm.nodes;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.DirectCallNode;

import dev.linmem.wasm.runtime.FunctionInstance;

/** {@code call f}: the callee is fixed at link time, so a DirectCallNode lets the compiler inline it. */
final class DirectCallSiteNode extends CallSiteNode {
    @Child private DirectCallNode call;

    /** {@code target} is the callee's own call target, or its instance entry when it belongs to another instance. */
    DirectCallSiteNode(FunctionInstance callee, CallTarget target) {
        super(callee.type());
        this.call = DirectCallNode.create(target);
    }

    @Override
    int execute(VirtualFrame frame, int sp) {
        int base = sp - parameterCount();
        Object result = call.call(readArguments(frame, base));
        return pushResults(frame, base, result);
    }
}
