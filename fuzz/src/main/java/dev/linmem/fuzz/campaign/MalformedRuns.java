package dev.linmem.fuzz.campaign;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import dev.linmem.fuzz.generate.ModuleGenerator;
import dev.linmem.fuzz.generate.Mutator;
import dev.linmem.fuzz.linmem.ExecutionMode;
import dev.linmem.fuzz.linmem.MemoryKind;
import dev.linmem.fuzz.worker.Request;
import dev.linmem.fuzz.worker.Response;
import dev.linmem.fuzz.worker.Worker;

/**
 * The malformed half of a campaign: mutations of a generated module, each run in linmem alone,
 * where a clean rejection, failed linking, run, trap or cancellation at the time budget is fine
 * and anything else fails. Malformed module {@code m} is mutation seed {@code seed * 1000003 + m}
 * of the valid module of seed {@code seed + m / 25}.
 */
final class MalformedRuns {
    /** Malformed modules made from one generated module before the next is generated. */
    static final int MUTATIONS_PER_MODULE = 25;

    private final CampaignOptions options;
    private final Statistics statistics;
    private final PrintStream progress;

    MalformedRuns(CampaignOptions options, Statistics statistics, PrintStream progress) {
        this.options = options;
        this.statistics = statistics;
        this.progress = progress;
    }

    /** Runs the mutations of base module {@code base}. */
    void run(int base, ModuleGenerator generator, Worker worker, Path casesDir) {
        long baseSeed = options.seed() + base;
        byte[] valid = generator.generate(baseSeed).module();
        int first = base * MUTATIONS_PER_MODULE;
        int last = Math.min(options.malformed(), first + MUTATIONS_PER_MODULE);
        for (int m = first; m < last; m++) {
            long mutationSeed = options.seed() * 1_000_003L + m;
            Mutator.Mutation mutation = Mutator.mutate(valid, mutationSeed);
            int malformedDone = statistics.malformedModule();
            if (malformedDone % 500 == 0) {
                progress.println("  " + malformedDone + " malformed modules, " + statistics.failures() + " failing executions");
            }
            // Most run interpreted (cheap); one in four compiled; the memory kinds take turns.
            ExecutionMode mode = m % 4 == 3 ? ExecutionMode.COMPILED : ExecutionMode.INTERPRETED;
            MemoryKind kind = MemoryKind.values()[m % MemoryKind.values().length];
            Path caseDir = casesDir.resolve("malformed-" + m);
            Path module = caseDir.resolve("module.wasm");
            CaseFiles.write(module, mutation.module());
            // Compiling every function before its first call takes longer than interpreting it.
            Duration budget = mode == ExecutionMode.COMPILED ? options.malformedBudget().multipliedBy(5) : options.malformedBudget();
            Request request = new Request(module.toString(), mode, kind, null, budget.toMillis());
            long runStart = System.nanoTime();
            Worker.Outcome outcome = worker.execute(request, budget.plusSeconds(60));
            statistics.time("malformed runs", Duration.ofNanos(System.nanoTime() - runStart));
            if (outcome instanceof Worker.Answered answered) {
                statistics.runtime(answered.response().runtime());
            }
            Verdict verdict = malformedVerdict(outcome);
            statistics.count("malformed/" + mutation.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'), verdict);
            if (verdict == Verdict.CANCELLED) {
                // Clean, but worth a look when it happens outside guest code (a slow decoder).
                String where = ((Worker.Answered) outcome).response().budgetExceeded();
                statistics.note("malformed " + m + " (" + mutation.description() + ", " + mode + "/" + kind.text() + ") cancelled " + where);
            }
            if (verdict.failing()) {
                String line = "malformed " + m + " (" + mutation.description() + ", " + mode + "/" + kind.text() + "): " + verdict;
                statistics.failingCase(line);
                progress.println("  FAIL " + line);
                CaseFiles.write(caseDir.resolve("case.txt"), (line + "\nmade from the valid module of seed " + baseSeed + " with mutation seed "
                                + mutationSeed + "\n\n" + details(outcome) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } else {
                CaseFiles.deleteTree(caseDir);
            }
        }
    }

    private static Verdict malformedVerdict(Worker.Outcome outcome) {
        return switch (outcome) {
            case Worker.Answered answered -> {
                Response response = answered.response();
                if (response.failure() != null) {
                    yield Verdict.FAILURE;
                }
                if (response.budgetExceeded() != null) {
                    yield Verdict.CANCELLED;
                }
                String instantiate = response.transcript().instantiate();
                yield switch (instantiate) {
                    case "ok" -> Verdict.RAN;
                    // a damaged byte that reads as an unclaimed feature is refused as cleanly as a malformed one
                    case "rejected", "unsupported" -> Verdict.REJECTED;
                    case "unlinkable" -> Verdict.UNLINKABLE;
                    default -> Verdict.INSTANTIATION_TRAP;
                };
            }
            case Worker.Crashed crashed -> Verdict.JVM_CRASH;
            case Worker.Hung hung -> Verdict.HANG;
            case Worker.MemoryBlowUp blowUp -> Verdict.MEMORY_BLOW_UP;
        };
    }

    private static String details(Worker.Outcome outcome) {
        return switch (outcome) {
            case Worker.Answered answered -> answered.response().failure() != null ? answered.response().failure() : String.valueOf(answered.response());
            case Worker.Crashed crashed -> "exit code " + crashed.exitCode() + ", crash report " + crashed.crashReport() + "\n" + crashed.stderrTail();
            case Worker.Hung hung -> "no answer after " + hung.millis() + " ms";
            case Worker.MemoryBlowUp blowUp -> "resident memory " + (blowUp.residentBytes() >> 20) + " MiB";
        };
    }
}
