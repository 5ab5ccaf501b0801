package dev.linmem.wasm.language;

import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/**
 * A value with no interop shape of its own, as other languages see it: the null reference, the
 * "no result" of a function without results, or an externref the Java embedding API stored.
 */
@ExportLibrary(InteropLibrary.class)
final class HostReference implements TruffleObject {
    static final HostReference NULL = new HostReference(null);

    final Object reference;

    HostReference(Object reference) {
        this.reference = reference;
    }

    @ExportMessage
    boolean isNull() {
        return reference == null;
    }
}
