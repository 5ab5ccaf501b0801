package dev.linmem.wasm.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bin/linmem}'s Java side: {@code run} a module's export or a WASI program, {@code spectest}
 * wast2json scripts.
 *
 * <p>Exit codes: 0 success; 1 a trap, call stack exhaustion (or failed spec commands); 2 a module
 * that is malformed, invalid, unlinkable or uses an unsupported feature, a missing file or a bad
 * argument; 4 a resource the module needs cannot be had (a memory too large for the chosen
 * storage); a WASI program's own exit status. (3 is {@code bin/linmem}'s: the build failed.)
 */
@Command(name = "linmem", mixinStandardHelpOptions = true, version = "linmem 0.1.0",
        description = "WebAssembly on Truffle with linmem linear memories.",
        subcommands = {RunCommand.class, SpectestCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** A trap in the guest, or failed spec commands. */
    static final int EXIT_FAILURE = 1;
    /** The module or the command line is wrong: nothing ran. */
    static final int EXIT_USAGE = 2;
    /** The engine could not provide what the module needs (WasmException.Kind.RESOURCE_LIMIT): nothing ran. */
    static final int EXIT_RESOURCE = 4;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: run or spectest");
    }

    public static void main(String[] args) {
        java.io.Console console = System.console();
        boolean terminal = console != null && console.isTerminal();
        int status = execute(System.in, System.out, System.err, terminal, args);
        System.out.flush();
        System.exit(status);
    }

    /** Runs the command line with the given streams and returns the exit code; tests call this in-process. */
    public static int execute(PrintStream out, PrintStream err, String... args) {
        return execute(InputStream.nullInputStream(), out, err, false, args);
    }

    /**
     * Runs the command line with the given streams, which are also a WASI program's standard
     * input, output and error ({@code terminal}: whether to report them as a terminal).
     */
    public static int execute(InputStream in, PrintStream out, PrintStream err, boolean terminal, String... args) {
        CommandLine commandLine = new CommandLine(new Main())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true));
        ((RunCommand) commandLine.getSubcommands().get("run").getCommand()).streams(in, out, err, terminal);
        // Arguments such as -inf and -nan look like options; let them through to run's ARGS.
        commandLine.getSubcommands().get("run").setUnmatchedOptionsArePositionalParams(true);
        try {
            return commandLine.execute(args);
        } finally {
            commandLine.getOut().flush();
            commandLine.getErr().flush();
        }
    }
}
