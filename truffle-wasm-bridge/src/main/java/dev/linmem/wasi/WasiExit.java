package dev.linmem.wasi;

import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.interop.ExceptionType;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/**
 * The guest called {@code proc_exit} (or raised a signal whose default action ends the process):
 * it unwinds the guest's frames up to whoever called into the instance. To the polyglot API it is
 * an exit exception ({@code PolyglotException.isExit()}, {@code getExitStatus()}); the CLI exits
 * with {@link #status()}.
 */
@ExportLibrary(InteropLibrary.class)
public final class WasiExit extends AbstractTruffleException {
    private static final long serialVersionUID = 1L;

    private final int status;

    public WasiExit(int status) {
        super("the program exited with status " + Integer.toUnsignedString(status));
        this.status = status;
    }

    /** The exit status the guest passed to proc_exit (a u32). */
    public int status() {
        return status;
    }

    @ExportMessage
    ExceptionType getExceptionType() {
        return ExceptionType.EXIT;
    }

    @ExportMessage
    int getExceptionExitStatus() {
        return status;
    }
}
