package dev.linmem.fuzz.worker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.linmem.fuzz.tools.ProcessRunner;

/**
 * The driver's handle on one worker JVM ({@link WorkerMain}). It starts the JVM on first use and
 * again after the JVM died, so that a module that crashes the JVM, hangs it or makes it grow past
 * its memory limit is one recorded outcome, not the end of a campaign.
 *
 * <p>The worker runs on the JDK and with the JVM flags of the current process (the optimizing
 * Truffle runtime's flags; see {@link #jvmFlags}), with a bounded heap and its crash reports
 * ({@code hs_err} files) written to the log folder.
 */
public final class Worker implements AutoCloseable {
    /** What became of one request. */
    public sealed interface Outcome {
    }

    /** The worker answered. */
    public record Answered(Response response) implements Outcome {
    }

    /** The JVM died while executing (a crash such as SIGSEGV, or an exit); its stderr's tail and crash report. */
    public record Crashed(int exitCode, String stderrTail, String crashReport) implements Outcome {
    }

    /** No answer within the time limit (the JVM was killed), or a guest that cancelling did not stop (millis -1). */
    public record Hung(long millis) implements Outcome {
    }

    /** The JVM's resident memory went past the limit after this request; it was restarted. */
    public record MemoryBlowUp(long residentBytes, Response response) implements Outcome {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FLAGS_PROPERTY = "linmem.fuzz.jvmFlags";

    private final Path logDir;
    private final String heap;
    private final long residentLimitBytes;
    private Process process;
    private PrintStream requests;
    private BlockingQueue<String> responses;
    private Path stderrLog;
    private int starts;

    /**
     * @param logDir where each worker JVM's stderr and crash reports go
     * @param heap the worker's maximum heap ({@code -Xmx}), for example {@code 1g}
     * @param residentLimitBytes the resident memory past which the worker counts as blown up
     */
    public Worker(Path logDir, String heap, long residentLimitBytes) {
        this.logDir = logDir;
        this.heap = heap;
        this.residentLimitBytes = residentLimitBytes;
    }

    /** Runs one request, starting a worker JVM if none runs; waits at most {@code timeout} for the answer. */
    public Outcome execute(Request request, Duration timeout) {
        ensureStarted();
        try {
            requests.println(JSON.writeValueAsString(request));
            String line = responses.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (line == null) {
                stop();
                return new Hung(timeout.toMillis());
            }
            if (line.isEmpty()) { // end of stream: the JVM died
                return crashed();
            }
            Response response = JSON.readValue(line, Response.class);
            long resident = residentBytes();
            if (resident > residentLimitBytes) {
                stop();
                return new MemoryBlowUp(resident, response);
            }
            return new Answered(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            return new Hung(0);
        }
    }

    /** How many times a worker JVM was started: one more than the crashes, hangs and blow-ups. */
    public int starts() {
        return starts;
    }

    private void ensureStarted() {
        if (process != null && process.isAlive()) {
            return;
        }
        starts++;
        stderrLog = logDir.resolve("worker-" + starts + ".log");
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmFlags());
        command.add("-Xmx" + heap);
        command.add("-XX:-CreateCoredumpOnCrash");
        // A fatal error report goes to stdout by default, in the middle of the protocol.
        command.add("-XX:+DisplayVMOutputToStderr");
        command.add("-XX:ErrorFile=" + logDir.resolve("hs_err_worker-" + starts + "_pid%p.log"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(WorkerMain.class.getName());
        try {
            Files.createDirectories(logDir);
            process = new ProcessBuilder(command).redirectError(stderrLog.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a worker JVM", e);
        }
        requests = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        responses = queue;
        Thread reader = new Thread(() -> readResponses(process, queue), "fuzz-worker-reader-" + starts);
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Forwards the worker's response lines; an empty line marks the end of the stream. Other
     * output (a dying JVM's report, should it reach stdout after all) is not a response.
     */
    private static void readResponses(Process process, BlockingQueue<String> queue) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("{")) {
                    queue.add(line);
                }
            }
        } catch (IOException e) {
            // the stream broke: same as its end
        }
        queue.add("");
    }

    private Outcome crashed() throws InterruptedException {
        process.waitFor(10, TimeUnit.SECONDS);
        int exitCode = process.isAlive() ? -1 : process.exitValue();
        stop();
        if (exitCode == WorkerMain.EXIT_UNSTOPPABLE_GUEST) {
            return new Hung(-1);
        }
        return new Crashed(exitCode, tail(stderrLog), crashReport());
    }

    /** The hs_err file of the JVM that just died, if it wrote one. */
    private String crashReport() {
        String prefix = "hs_err_worker-" + starts + "_pid";
        try (var files = Files.list(logDir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)).map(Path::toString).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static String tail(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            return "";
        }
    }

    /** Resident set size of the worker JVM (Linux), or 0 when it cannot be read. */
    private long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or the process just exited
        }
        return 0;
    }

    private void stop() {
        if (process != null) {
            ProcessRunner.killTree(process.toHandle());
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /**
     * The optimizing runtime's JVM flags: the system property {@value #FLAGS_PROPERTY} when set
     * (the Maven build and {@code bin/linmem} set it), else the current JVM's own flags of that kind.
     */
    static List<String> jvmFlags() {
        String configured = System.getProperty(FLAGS_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Arrays.asList(configured.trim().split("\\s+"));
        }
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                        .filter(flag -> flag.startsWith("-XX:+UnlockExperimentalVMOptions") || flag.startsWith("-XX:+EnableJVMCI")
                                        || flag.startsWith("--upgrade-module-path") || flag.startsWith("--enable-native-access")
                                        || flag.startsWith("--sun-misc-unsafe-memory-access"))
                        .toList();
    }

    @Override
    public void close() {
        if (process != null) {
            requests.close(); // end of input: the worker exits by itself
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    stop();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
            }
            process = null;
        }
    }
}
