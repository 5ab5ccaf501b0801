package dev.linmem.fuzz.campaign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.linmem.fuzz.linmem.ExecutionMode;
import dev.linmem.fuzz.linmem.MemoryKind;
import dev.linmem.fuzz.transcript.Transcript;
import dev.linmem.fuzz.transcript.TranscriptComparison;
import dev.linmem.fuzz.v8.V8Runner;
import dev.linmem.fuzz.worker.Request;
import dev.linmem.fuzz.worker.Response;
import dev.linmem.fuzz.worker.Worker;

/**
 * One module in one case folder, run in V8 (once per number of rounds) and in linmem in any
 * configuration, with a verdict per configuration. Transcripts and memory images stay in the
 * folder: {@code v8-r<rounds>/} and {@code <mode>-<kind>/}, each with {@code transcript.json}.
 */
final class Differential {
    /** The verdict of one configuration, what explains it (empty when linmem agrees), and how many call targets linmem compiled. */
    record Result(Verdict verdict, String explanation, int compilations) {
        Result(Verdict verdict, String explanation) {
            this(verdict, explanation, 0);
        }
    }

    /** V8's transcript for a number of rounds and the folder of its memory images. */
    private record Reference(Transcript transcript, Path dumps) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path caseDir;
    private final Path module;
    private final V8Runner v8;
    private final Worker worker;
    private final Duration budget;
    private final Statistics statistics;
    /** The numbers of rounds the configurations to be run need, so V8 runs them all in one go. */
    private final Set<Integer> roundsNeeded;
    private final Map<Integer, Optional<Reference>> references = new HashMap<>();
    private String referenceError;

    /**
     * @param caseDir the case folder, where transcripts and memory images go
     * @param module the module file
     * @param budget how long one linmem execution may take
     * @param statistics where times, runtimes and notes are counted
     * @param modes the modes that will be run (they decide which V8 runs are needed)
     */
    Differential(Path caseDir, Path module, V8Runner v8, Worker worker, Duration budget, Statistics statistics, Collection<ExecutionMode> modes) {
        this.caseDir = caseDir;
        this.module = module;
        this.v8 = v8;
        this.worker = worker;
        this.budget = budget;
        this.statistics = statistics;
        this.roundsNeeded = new TreeSet<>(modes.stream().map(ExecutionMode::rounds).toList());
    }

    /** Runs linmem in {@code mode} on {@code kind} (V8 first if it has not run yet) and judges the outcome. */
    Result run(ExecutionMode mode, MemoryKind kind) {
        Optional<Reference> reference = reference(mode.rounds());
        if (reference.isEmpty()) {
            return new Result(Verdict.REFERENCE_ERROR, referenceError);
        }
        Path dumps = directory(new CampaignOptions.Configuration(mode, kind).folderName());
        Request request = new Request(module.toString(), mode, kind, dumps.toString(), budget.toMillis());
        Worker.Outcome outcome = worker.execute(request, budget.plusSeconds(60));
        return switch (outcome) {
            case Worker.Answered answered -> {
                statistics.runtime(answered.response().runtime());
                if (answered.response().compilationFailure() != null) {
                    statistics.note(module + " " + mode + "/" + kind.text() + ": compilation failed: " + answered.response().compilationFailure());
                }
                Result judged = judge(answered.response(), reference.get(), dumps);
                yield new Result(judged.verdict(), judged.explanation(), answered.response().compilations());
            }
            case Worker.Crashed crashed -> new Result(Verdict.JVM_CRASH, "worker JVM exit code " + crashed.exitCode()
                            + (crashed.crashReport() == null ? "" : ", crash report " + crashed.crashReport()) + "\n" + crashed.stderrTail());
            case Worker.Hung hung -> new Result(Verdict.HANG, hung.millis() < 0 ? "the cancelled guest did not stop" : "no answer in " + hung.millis() + " ms");
            case Worker.MemoryBlowUp blowUp -> new Result(Verdict.MEMORY_BLOW_UP, "worker resident memory " + (blowUp.residentBytes() >> 20) + " MiB");
        };
    }

    private Result judge(Response response, Reference reference, Path dumps) {
        if (response.failure() != null) {
            return new Result(Verdict.FAILURE, response.failure());
        }
        if (response.budgetExceeded() != null) {
            return new Result(Verdict.TIMEOUT, response.budgetExceeded());
        }
        Transcript linmem = response.transcript();
        write(dumps.resolve("transcript.json"), linmem);
        Optional<String> difference = TranscriptComparison.firstDifference(reference.transcript(), reference.dumps(), linmem, dumps);
        if (difference.isEmpty()) {
            return new Result(Verdict.AGREE, "");
        }
        if (reference.transcript().instantiate().equals("ok") && linmem.instantiate().equals("unsupported")) {
            return new Result(Verdict.UNCLAIMED_FEATURE, difference.get());
        }
        if (involvesStackExhaustion(reference.transcript()) || involvesStackExhaustion(linmem)) {
            return new Result(Verdict.INCONCLUSIVE_STACK, difference.get());
        }
        return new Result(Verdict.DISCREPANCY, difference.get());
    }

    private static boolean involvesStackExhaustion(Transcript transcript) {
        return transcript.instantiate().equals("exhausted") || transcript.events().stream().anyMatch(e -> e.startsWith("exhausted "));
    }

    /**
     * V8's transcript for {@code rounds} rounds, kept once run; empty when V8 could not run it.
     * The first call runs V8 for every number of rounds the planned modes use, in one node process.
     */
    private Optional<Reference> reference(int rounds) {
        if (!references.containsKey(rounds)) {
            Map<Integer, Path> runs = new TreeMap<>();
            runs.put(rounds, directory("v8-r" + rounds));
            for (int needed : roundsNeeded) {
                runs.put(needed, directory("v8-r" + needed));
            }
            long start = System.nanoTime();
            try {
                Map<Integer, Transcript> transcripts = v8.run(module, runs);
                statistics.time("V8 reference runs", Duration.ofNanos(System.nanoTime() - start));
                transcripts.forEach((r, transcript) -> {
                    write(runs.get(r).resolve("transcript.json"), transcript);
                    references.put(r, Optional.of(new Reference(transcript, runs.get(r))));
                });
            } catch (V8Runner.HarnessFailure | UncheckedIOException e) {
                referenceError = e.getMessage();
                runs.keySet().forEach(r -> references.put(r, Optional.empty()));
            }
        }
        return references.get(rounds);
    }

    private Path directory(String name) {
        Path dir = caseDir.resolve(name);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    private static void write(Path file, Transcript transcript) {
        try {
            JSON.writeValue(file.toFile(), transcript);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
