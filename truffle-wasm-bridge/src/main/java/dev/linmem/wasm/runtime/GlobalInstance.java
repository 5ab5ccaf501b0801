package dev.linmem.wasm.runtime;

import dev.linmem.wasm.module.GlobalType;

/**
 * A global instance. Number values are kept as raw bits in {@link #bits} (i32 sign-extended, floats
 * as their IEEE bit pattern), reference values in {@link #reference}; an imported mutable global is
 * this very object shared between instances, so writes are seen by all of them.
 */
public final class GlobalInstance {
    private final GlobalType type;
    private long bits;
    private Object reference;

    public GlobalInstance(GlobalType type) {
        this.type = type;
    }

    public GlobalType type() {
        return type;
    }

    public long bits() {
        return bits;
    }

    public void setBits(long bits) {
        this.bits = bits;
    }

    public Object reference() {
        return reference;
    }

    public void setReference(Object reference) {
        this.reference = reference;
    }

    /** The value in the internal representation of {@link Values}. */
    public Object value() {
        return type.valueType().isReference() ? reference : (Object) bits;
    }

    public void setValue(Object internalValue) {
        if (type.valueType().isReference()) {
            reference = internalValue;
        } else {
            bits = (Long) internalValue;
        }
    }
}
