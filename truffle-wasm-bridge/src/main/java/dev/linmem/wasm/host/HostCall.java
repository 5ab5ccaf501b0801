package dev.linmem.wasm.host;

import com.oracle.truffle.api.exception.AbstractTruffleException;

import dev.linmem.memory.MemoryTrap;
import dev.linmem.wasm.module.FuncType;
import dev.linmem.wasm.module.ValType;
import dev.linmem.wasm.nodes.HostFunctionRootNode;
import dev.linmem.wasm.runtime.HostFunctionException;
import dev.linmem.wasm.runtime.Values;
import dev.linmem.wasm.runtime.WasmTrap;

/**
 * One host function bound to one importing instance: converts the call's internal values to API
 * values, runs the body with its caller, and converts the results back. Runs behind the root
 * node's boundary, never in partially evaluated code.
 */
final class HostCall implements HostFunctionRootNode.HostCode {
    private final ValType[] params;
    private final ValType[] results;
    private final HostFunction.Body body;
    private final Caller caller;
    private final String name;

    HostCall(FuncType type, HostFunction.Body body, Caller caller, String name) {
        this.params = type.params();
        this.results = type.results();
        this.body = body;
        this.caller = caller;
        this.name = name;
    }

    /**
     * Converts the arguments in place: every caller (call sites, the embedding API, interop)
     * passes a fresh array it does not read again, so the call allocates no second one.
     */
    @Override
    public Object call(Object[] arguments) {
        for (int i = 0; i < params.length; i++) {
            arguments[i] = Values.toApi(params[i], arguments[i]);
        }
        Object result;
        try {
            result = body.call(caller, arguments);
        } catch (WasmTrap | MemoryTrap trap) {
            throw trap; // HostFunction.trap, or an access out of bounds: a trap like any other
        } catch (AbstractTruffleException own) {
            throw new HostFunctionException(own);
        }
        return toInternal(result);
    }

    private Object toInternal(Object result) {
        switch (results.length) {
            case 0:
                return null;
            case 1:
                return toInternal(results[0], result, "");
            default:
                if (!(result instanceof Object[] values) || values.length != results.length) {
                    throw new IllegalArgumentException("host function " + name + " must return an Object[] of " + results.length + " results");
                }
                Object[] internal = new Object[values.length];
                for (int i = 0; i < values.length; i++) {
                    internal[i] = toInternal(results[i], values[i], " " + i);
                }
                return internal;
        }
    }

    private Object toInternal(ValType type, Object value, String which) {
        try {
            return Values.toInternal(type, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("host function " + name + " returned a wrong result" + which + ": " + e.getMessage(), e);
        }
    }
}
