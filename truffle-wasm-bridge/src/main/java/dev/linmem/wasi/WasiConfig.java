package dev.linmem.wasi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a WASI program is given: its arguments, its environment, its standard streams and the host
 * directories it may use (preopens). Nothing else of the host is visible to it: no environment
 * variable unless set here, no directory unless preopened. Immutable; build one with
 * {@link #builder()}. One configuration may serve many instances; each instance gets its own
 * descriptor table.
 *
 * <pre>{@code
 * WasiConfig config = WasiConfig.builder()
 *         .args("prog.wasm", "--verbose")
 *         .env("HOME", "/home")
 *         .preopen(Path.of("data"), "/data")
 *         .inheritStdio()
 *         .build();
 * }</pre>
 */
public final class WasiConfig {
    /** A host directory the guest sees under {@code guestPath}. */
    public record Preopen(Path hostPath, String guestPath) {
    }

    private final List<String> args;
    private final List<String> environment;
    private final List<Preopen> preopens;
    private final InputStream stdin;
    private final OutputStream stdout;
    private final OutputStream stderr;
    private final boolean stdinTerminal;
    private final boolean stdoutTerminal;
    private final boolean stderrTerminal;

    private WasiConfig(Builder b) {
        this.args = List.copyOf(b.args);
        this.environment = List.copyOf(b.environment);
        this.preopens = List.copyOf(b.preopens);
        this.stdin = b.stdin;
        this.stdout = b.stdout;
        this.stderr = b.stderr;
        this.stdinTerminal = b.stdinTerminal;
        this.stdoutTerminal = b.stdoutTerminal;
        this.stderrTerminal = b.stderrTerminal;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The program's arguments, argv[0] first. */
    public List<String> args() {
        return args;
    }

    /** The environment, as "NAME=VALUE" strings in the order they were set. */
    public List<String> environment() {
        return environment;
    }

    /** The preopened directories, in descriptor order (the first is fd 3). */
    public List<Preopen> preopens() {
        return preopens;
    }

    InputStream stdin() {
        return stdin;
    }

    OutputStream stdout() {
        return stdout;
    }

    OutputStream stderr() {
        return stderr;
    }

    boolean stdinTerminal() {
        return stdinTerminal;
    }

    boolean stdoutTerminal() {
        return stdoutTerminal;
    }

    boolean stderrTerminal() {
        return stderrTerminal;
    }

    /**
     * Builds a {@link WasiConfig}. By default there are no arguments, no environment, no
     * preopens, an empty standard input and standard output and error that go nowhere.
     */
    public static final class Builder {
        private final List<String> args = new ArrayList<>();
        private final List<String> environment = new ArrayList<>();
        private final List<Preopen> preopens = new ArrayList<>();
        private InputStream stdin = InputStream.nullInputStream();
        private OutputStream stdout = OutputStream.nullOutputStream();
        private OutputStream stderr = OutputStream.nullOutputStream();
        private boolean stdinTerminal;
        private boolean stdoutTerminal;
        private boolean stderrTerminal;

        private Builder() {
        }

        /** Appends arguments (the first one is argv[0], by convention the program's name). */
        public Builder args(String... values) {
            return args(List.of(values));
        }

        public Builder args(List<String> values) {
            for (String arg : values) {
                requireNoNul(arg, "argument");
                args.add(arg);
            }
            return this;
        }

        /** Sets an environment variable; the name must not be empty or contain '='. */
        public Builder env(String name, String value) {
            requireNoNul(name, "environment variable name");
            requireNoNul(value, "environment variable value");
            if (name.isEmpty() || name.indexOf('=') >= 0) {
                throw new IllegalArgumentException("invalid environment variable name '" + name + "': it must be non-empty and contain no '='");
            }
            environment.removeIf(entry -> entry.startsWith(name + "="));
            environment.add(name + "=" + value);
            return this;
        }

        /**
         * Lets the guest use the host directory {@code hostPath} under the name {@code guestPath}
         * (for example "/data" or "."), and everything below it, but nothing above it.
         *
         * @throws IllegalArgumentException if {@code hostPath} is not a directory
         */
        public Builder preopen(Path hostPath, String guestPath) {
            Objects.requireNonNull(hostPath, "hostPath");
            requireNoNul(guestPath, "guest path");
            if (guestPath.isEmpty()) {
                throw new IllegalArgumentException("the guest path of a preopen must not be empty (use \".\" or \"/\")");
            }
            Path real;
            try {
                real = hostPath.toRealPath();
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot preopen " + hostPath + ": no such directory");
            }
            if (!Files.isDirectory(real)) {
                throw new IllegalArgumentException("cannot preopen " + hostPath + ": not a directory");
            }
            preopens.add(new Preopen(real, guestPath));
            return this;
        }

        public Builder stdin(InputStream in, boolean terminal) {
            this.stdin = Objects.requireNonNull(in, "stdin");
            this.stdinTerminal = terminal;
            return this;
        }

        public Builder stdout(OutputStream out, boolean terminal) {
            this.stdout = Objects.requireNonNull(out, "stdout");
            this.stdoutTerminal = terminal;
            return this;
        }

        public Builder stderr(OutputStream err, boolean terminal) {
            this.stderr = Objects.requireNonNull(err, "stderr");
            this.stderrTerminal = terminal;
            return this;
        }

        public Builder stdin(InputStream in) {
            return stdin(in, false);
        }

        /**
         * Gives the guest this process's standard input, output and error ({@code System.in},
         * {@code out}, {@code err}), reported as terminals when the JVM runs on one.
         */
        public Builder inheritStdio() {
            java.io.Console console = System.console();
            boolean terminal = console != null && console.isTerminal();
            return stdin(System.in, terminal).stdout(System.out, terminal).stderr(System.err, terminal);
        }

        public Builder stdout(OutputStream out) {
            return stdout(out, false);
        }

        public Builder stderr(OutputStream err) {
            return stderr(err, false);
        }

        public WasiConfig build() {
            return new WasiConfig(this);
        }

        private static void requireNoNul(String value, String what) {
            Objects.requireNonNull(value, what);
            if (value.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("a WASI " + what + " cannot contain a NUL character");
            }
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
