package dev.linmem.wasi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Standard input, output or error: a Java stream the embedder owns. Closing the descriptor only
 * flushes an output stream; the stream itself stays open for the host. Streams cannot seek.
 *
 * <p>The file type is CHARACTER_DEVICE when the embedder says the stream is a terminal, else
 * UNKNOWN (as wasmtime reports pipes and files it does not look into): wasi-libc's
 * {@code isatty} tests exactly that, and line-buffers stdout only on a terminal.
 */
final class StreamDescriptor extends Descriptor {
    private final InputStream input;
    private final OutputStream output;
    private final boolean terminal;

    private StreamDescriptor(InputStream input, OutputStream output, boolean terminal) {
        super(Abi.RIGHTS_STREAM, 0);
        this.input = input;
        this.output = output;
        this.terminal = terminal;
    }

    static StreamDescriptor input(InputStream input, boolean terminal) {
        return new StreamDescriptor(input, null, terminal);
    }

    static StreamDescriptor output(OutputStream output, boolean terminal) {
        return new StreamDescriptor(null, output, terminal);
    }

    @Override
    int filetype() {
        return terminal ? Abi.FILETYPE_CHARACTER_DEVICE : Abi.FILETYPE_UNKNOWN;
    }

    @Override
    int fdflags() {
        return output != null ? Abi.FDFLAG_APPEND : 0;
    }

    /** The input stream; BADF for an output stream (fd_read on stdout). */
    InputStream input() throws WasiError {
        if (input == null) {
            throw new WasiError(Errno.BADF);
        }
        return input;
    }

    /** The output stream; BADF for standard input. */
    OutputStream output() throws WasiError {
        if (output == null) {
            throw new WasiError(Errno.BADF);
        }
        return output;
    }

    boolean isOutput() {
        return output != null;
    }

    /** Bytes that can be read without blocking, for poll_oneoff (0 for an output stream). */
    long available() {
        try {
            return input == null ? 0 : input.available();
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    void close() throws IOException {
        if (output != null) {
            output.flush();
        }
    }
}
