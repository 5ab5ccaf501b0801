package dev.linmem.fuzz.campaign;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import dev.linmem.fuzz.generate.MemoryExporter;
import dev.linmem.fuzz.generate.ModuleGenerator;
import dev.linmem.fuzz.tools.Toolchain;
import dev.linmem.fuzz.v8.V8Runner;
import dev.linmem.fuzz.worker.Worker;

/**
 * A fuzzing campaign: {@code count} valid modules, each run in V8 and in linmem in the planned
 * configurations and compared, then {@code malformed} damaged modules, each run in linmem alone,
 * where only a clean rejection, run or trap is acceptable. Failing cases are kept under
 * {@code outDir/cases}, with everything needed to reproduce them; the rest is deleted.
 */
public final class Campaign {
    private final Toolchain tools;
    private final CampaignOptions options;
    private final PrintStream progress;
    private final Statistics statistics = new Statistics();
    private final AtomicInteger nextValid = new AtomicInteger();
    private final AtomicInteger nextMalformedBase = new AtomicInteger();

    public Campaign(Toolchain tools, CampaignOptions options, PrintStream progress) {
        this.tools = tools;
        this.options = options;
        this.progress = progress;
    }

    /** Runs the campaign and returns its statistics. */
    public Statistics run() {
        long start = System.nanoTime();
        Path casesDir = options.outDir().resolve("cases");
        CaseFiles.createDirectories(casesDir);
        ExecutorService jobs = Executors.newFixedThreadPool(options.jobs());
        List<Future<?>> running = new ArrayList<>();
        for (int job = 0; job < options.jobs(); job++) {
            int id = job;
            running.add(jobs.submit(() -> runJob(id, casesDir)));
        }
        try {
            for (Future<?> future : running) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a fuzzing job failed: " + e.getCause(), e.getCause());
        } finally {
            jobs.shutdownNow();
        }
        statistics.elapsed(Duration.ofNanos(System.nanoTime() - start));
        return statistics;
    }

    /**
     * Compares given module files instead of generated ones (a committed reproducer, a case
     * folder's module) in the planned configurations, as if they had seed 0.
     */
    public Statistics replay(List<Path> modules) {
        long start = System.nanoTime();
        Path casesDir = options.outDir().resolve("cases");
        V8Runner v8 = new V8Runner(tools, options.budget().plusSeconds(60));
        try (Worker worker = new Worker(options.outDir().resolve("logs-replay"), options.workerHeap(), options.residentLimitBytes())) {
            for (Path file : modules) {
                byte[] bytes;
                try {
                    bytes = MemoryExporter.exportAllMemories(Files.readAllBytes(file));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                statistics.validModule("given");
                String name = file.getFileName().toString().replaceAll("\\.wasm$", "");
                runCase(name, casesDir.resolve(name), bytes, 0, "module " + file + "\nreproduce: bin/linmem fuzz --module " + file, v8, worker);
            }
            statistics.workerStarts(worker.starts());
        }
        statistics.elapsed(Duration.ofNanos(System.nanoTime() - start));
        return statistics;
    }

    private void runJob(int id, Path casesDir) {
        Path scratch = options.outDir().resolve("scratch-" + id);
        CaseFiles.createDirectories(scratch);
        ModuleGenerator generator = new ModuleGenerator(tools, scratch, options.maxInput());
        V8Runner v8 = new V8Runner(tools, options.budget().plusSeconds(60));
        try (Worker worker = new Worker(options.outDir().resolve("logs-" + id), options.workerHeap(), options.residentLimitBytes())) {
            for (int i = nextValid.getAndIncrement(); i < options.count(); i = nextValid.getAndIncrement()) {
                runValid(options.seed() + i, generator, v8, worker, casesDir);
            }
            int bases = (options.malformed() + MalformedRuns.MUTATIONS_PER_MODULE - 1) / MalformedRuns.MUTATIONS_PER_MODULE;
            MalformedRuns malformed = new MalformedRuns(options, statistics, progress);
            for (int b = nextMalformedBase.getAndIncrement(); b < bases; b = nextMalformedBase.getAndIncrement()) {
                malformed.run(b, generator, worker, casesDir);
            }
            statistics.workerStarts(worker.starts());
        } finally {
            CaseFiles.deleteTree(scratch);
        }
    }

    private void runValid(long seed, ModuleGenerator generator, V8Runner v8, Worker worker, Path casesDir) {
        long generationStart = System.nanoTime();
        ModuleGenerator.Generated generated = generator.generate(seed);
        statistics.time("generation (wasm-opt -ttf)", Duration.ofNanos(System.nanoTime() - generationStart));
        int done = statistics.validModule(generated.profile().name().toLowerCase(Locale.ROOT));
        runCase("seed " + seed, casesDir.resolve("seed-" + seed), generated.module(), seed, describe(generated), v8, worker);
        if (done % 25 == 0) {
            progress.println("  " + done + " valid modules, " + statistics.failures() + " failing executions");
        }
    }

    /**
     * Runs one valid module in its planned configurations; keeps the case folder (with
     * {@code case.txt} and the reduced modules) when some configuration failed.
     */
    private void runCase(String label, Path caseDir, byte[] bytes, long planSeed, String description, V8Runner v8, Worker worker) {
        Path module = caseDir.resolve("module.wasm");
        CaseFiles.write(module, bytes);
        Differential differential = new Differential(caseDir, module, v8, worker, options.budget(), statistics, options.modes());
        List<String> failures = new ArrayList<>();
        for (CampaignOptions.Configuration configuration : options.plan(planSeed)) {
            long runStart = System.nanoTime();
            Differential.Result result = differential.run(configuration.mode(), configuration.kind());
            statistics.time(configuration.text(), Duration.ofNanos(System.nanoTime() - runStart));
            statistics.compilations(configuration.text(), result.compilations());
            statistics.count(configuration.text(), result.verdict());
            if (result.verdict().failing()) {
                String line = label + " " + configuration.text() + ": " + result.verdict() + ": " + firstLine(result.explanation());
                failures.add(line + "\n" + result.explanation());
                statistics.failingCase(line);
                progress.println("  FAIL " + line);
                if (options.reduce()) {
                    reduce(caseDir, module, configuration, result.verdict(), v8, worker);
                }
            }
        }
        if (failures.isEmpty()) {
            CaseFiles.deleteTree(caseDir);
        } else {
            CaseFiles.write(caseDir.resolve("case.txt"), (description + "\n\n" + String.join("\n\n", failures) + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    private String describe(ModuleGenerator.Generated generated) {
        return "seed " + generated.seed() + ", feature profile " + generated.profile() + ", " + generated.inputLength()
                        + " random bytes given to wasm-opt -ttf\nreproduce: bin/linmem fuzz --seed " + generated.seed()
                        + " --count 1 --max-input " + options.maxInput() + " --full-matrix\n   or: bin/linmem fuzz --module <this folder>/module.wasm --full-matrix";
    }

    /** Writes {@code reduced-<configuration>.wasm}: the smallest module that still gives {@code verdict} there. */
    private void reduce(Path caseDir, Path module, CampaignOptions.Configuration configuration, Verdict verdict, V8Runner v8, Worker worker) {
        Path reduceDir = caseDir.resolve("reduce-" + configuration.folderName());
        Reducer reducer = new Reducer(tools, reduceDir, candidate -> {
            Path candidateDir = reduceDir.resolve("candidate");
            CaseFiles.deleteTree(candidateDir);
            Path file = candidateDir.resolve("module.wasm");
            CaseFiles.write(file, candidate);
            Differential differential = new Differential(candidateDir, file, v8, worker, options.budget(), new Statistics(), List.of(configuration.mode()));
            return differential.run(configuration.mode(), configuration.kind()).verdict() == verdict;
        });
        try {
            byte[] reduced = reducer.reduce(Files.readAllBytes(module));
            CaseFiles.write(caseDir.resolve("reduced-" + configuration.folderName() + ".wasm"), reduced);
            progress.println("    reduced to " + reduced.length + " bytes (" + reducer.checks() + " checks)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            CaseFiles.deleteTree(reduceDir.resolve("candidate"));
        }
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
