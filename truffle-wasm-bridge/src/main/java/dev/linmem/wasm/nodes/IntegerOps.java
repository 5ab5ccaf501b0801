package dev.linmem.wasm.nodes;

import com.oracle.truffle.api.nodes.Node;

import dev.linmem.wasm.runtime.WasmTrap;

/**
 * The integer instructions that can trap (division and remainder); everything else maps onto one
 * Java operator or {@link Integer}/{@link Long} method and is written inline in the interpreter.
 */
public final class IntegerOps {
    private IntegerOps() {
    }

    public static int i32DivS(int a, int b, Node site) {
        if (b == 0) {
            throw divideByZero(site);
        }
        if (a == Integer.MIN_VALUE && b == -1) {
            throw overflow(site);
        }
        return a / b;
    }

    public static int i32DivU(int a, int b, Node site) {
        if (b == 0) {
            throw divideByZero(site);
        }
        return Integer.divideUnsigned(a, b);
    }

    /** Java's {@code %} already gives 0 for MIN_VALUE % -1, which is what wasm wants. */
    public static int i32RemS(int a, int b, Node site) {
        if (b == 0) {
            throw divideByZero(site);
        }
        return a % b;
    }

    public static int i32RemU(int a, int b, Node site) {
        if (b == 0) {
            throw divideByZero(site);
        }
        return Integer.remainderUnsigned(a, b);
    }

    public static long i64DivS(long a, long b, Node site) {
        if (b == 0) {
            throw divideByZero(site);
        }
        if (a == Long.MIN_VALUE && b == -1) {
            throw overflow(site);
        }
        return a / b;
    }

    public static long i64DivU(long a, long b, Node site) {
        if (b == 0) {
            throw divideByZero(site);
        }
        return Long.divideUnsigned(a, b);
    }

    public static long i64RemS(long a, long b, Node site) {
        if (b == 0) {
            throw divideByZero(site);
        }
        return a % b;
    }

    public static long i64RemU(long a, long b, Node site) {
        if (b == 0) {
            throw divideByZero(site);
        }
        return Long.remainderUnsigned(a, b);
    }

    static WasmTrap divideByZero(Node site) {
        return WasmTrap.create("integer divide by zero", site);
    }

    static WasmTrap overflow(Node site) {
        return WasmTrap.create("integer overflow", site);
    }
}
