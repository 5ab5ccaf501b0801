package dev.linmem.tests.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.oracle.truffle.api.Truffle;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The compiled-code safety matrix (issue 9): every access kind x memory kind x index type x
 * address shape x compile mode goes out of bounds, and each must trap with the spec's message,
 * return no value, write nothing, and leave the JVM alive. The cases run in worker JVMs
 * ({@link SafetyWorker}) on the optimizing runtime; a case that kills its worker fails alone, and
 * a fresh worker goes on with the rest, so one crash cannot end the suite or hide later cases.
 */
class SafetyMatrixTest {
    /** Workers at once: the machine has two cores. */
    private static final int WORKERS = 2;
    /** A case that answers within this never hangs; one that does not is a failure. */
    private static final long CASE_TIMEOUT_SECONDS = 120;

    @TestFactory
    Stream<DynamicTest> everyOutOfBoundsAccessTrapsAndTheJvmLives() throws Exception {
        assertNotEquals("Interpreted", Truffle.getRuntime().getName(), "the matrix must run on the optimizing runtime");
        // -Dlinmem.safety.cases=REGEX runs the cases whose id matches (for instance "DYNAMIC_NATIVE.*I32_LOAD ")
        String only = System.getProperty("linmem.safety.cases", "");
        List<SafetyCase> cases = SafetyCase.all().stream().filter(c -> c.id().matches(only.isEmpty() ? ".*" : only)).toList();
        Map<String, String> failures = runAll(cases);
        assertEquals(cases.size(), failures.size(), "every case was answered");
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> {
            String failure = failures.get(c.id());
            if (failure != null) {
                fail(failure);
            }
        }));
    }

    /** Runs the cases in {@link #WORKERS} queues; maps each id to null (held) or its failure. */
    private static Map<String, String> runAll(List<SafetyCase> cases) throws Exception {
        List<Deque<String>> queues = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            queues.add(new ArrayDeque<>());
        }
        for (int i = 0; i < cases.size(); i++) {
            queues.get(i % WORKERS).add(cases.get(i).id());
        }
        Map<String, String> results = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Deque<String> queue : queues) {
                running.add(pool.submit(() -> drain(queue, results)));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return results;
    }

    /** Runs a queue through worker JVMs, starting a new one after each crash or hang. */
    private static Void drain(Deque<String> queue, Map<String, String> results) throws IOException, InterruptedException {
        while (!queue.isEmpty()) {
            runWorker(queue, results);
        }
        return null;
    }

    private static void runWorker(Deque<String> queue, Map<String, String> results) throws IOException, InterruptedException {
        Path stderr = Files.createTempFile("linmem-safety-worker", ".err");
        // the cases go in a file, not down a pipe: a worker blocked on its answers must never wait for its input
        Path caseFile = Files.createTempFile("linmem-safety-cases", ".txt");
        Files.write(caseFile, queue, StandardCharsets.UTF_8);
        Process worker = new ProcessBuilder(workerCommand(caseFile)).redirectError(stderr.toFile()).redirectInput(caseFile.toFile()).start();
        try (BufferedReader fromWorker = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8))) {
            Deque<String> waiting = new ArrayDeque<>(queue);
            Deque<String> otherOutput = new ArrayDeque<>();
            while (!waiting.isEmpty()) {
                String line = readAnswer(fromWorker, worker, otherOutput);
                if (line == null) { // died or hung: the case it was running is the culprit
                    String culprit = waiting.poll();
                    queue.remove(culprit);
                    results.put(culprit, "the worker JVM " + (worker.isAlive() ? "hung for " + CASE_TIMEOUT_SECONDS + " s" : "died with exit code " + worker.waitFor()) +
                                    " on this case; its output ends with:\n" + String.join("\n", otherOutput) + "\nand its stderr with:\n" + tail(stderr));
                    worker.destroyForcibly();
                    return;
                }
                if (line.equals("END")) {
                    break;
                }
                boolean ok = line.startsWith("OK ");
                String rest = line.substring(ok ? 3 : 5);
                String id = ok ? rest : rest.substring(0, rest.indexOf('\t'));
                results.put(id, ok ? null : rest.substring(rest.indexOf('\t') + 1));
                waiting.remove(id);
                queue.remove(id);
            }
        } finally {
            worker.destroyForcibly();
            worker.waitFor(30, TimeUnit.SECONDS);
            Files.deleteIfExists(stderr);
            Files.deleteIfExists(caseFile);
            Files.deleteIfExists(Path.of(caseFile + ".hs_err.log"));
        }
    }

    /**
     * The next protocol line, or null when the worker ended or went quiet for a case's timeout.
     * Other lines (a JVM's crash report goes to stdout) are kept, the last 20, in {@code otherOutput}.
     */
    private static String readAnswer(BufferedReader fromWorker, Process worker, Deque<String> otherOutput) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CASE_TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            // a worker that ended has nothing more to write: drain what it did write
            if (fromWorker.ready() || !worker.isAlive()) {
                String line = fromWorker.readLine();
                if (line == null) {
                    return null;
                }
                if (line.startsWith(SafetyWorker.ANSWER)) {
                    return line.substring(SafetyWorker.ANSWER.length());
                }
                otherOutput.add(line);
                if (otherOutput.size() > 20) {
                    otherOutput.poll();
                }
            } else {
                Thread.sleep(2);
            }
        }
        return null;
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same java, JVM flags (the optimizing runtime's) and class path as this test JVM. */
    private static List<String> workerCommand(Path caseFile) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!argument.startsWith("-agentlib") && !argument.startsWith("-javaagent")) {
                command.add(argument);
            }
        }
        command.add("-Xss4m");
        // a crash report goes beside the case list (deleted with it), not into the module folder
        command.add("-XX:ErrorFile=" + caseFile + ".hs_err.log");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(SafetyWorker.class.getName());
        return command;
    }
}
