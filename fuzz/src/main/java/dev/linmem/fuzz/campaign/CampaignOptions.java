package dev.linmem.fuzz.campaign;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.linmem.fuzz.linmem.ExecutionMode;
import dev.linmem.fuzz.linmem.MemoryKind;

/**
 * What a campaign runs.
 *
 * @param seed the first seed; valid module {@code i} has seed {@code seed + i}
 * @param count how many valid modules are generated and compared with V8
 * @param malformed how many malformed modules are run (mutations of valid modules)
 * @param modes the execution modes linmem runs each valid module in
 * @param kinds the memory kinds
 * @param fullMatrix every mode on every kind for each module; otherwise each mode runs on one
 *        kind per module, the kinds taking turns from module to module
 * @param maxInput the longest random input given to {@code wasm-opt -ttf}, in bytes
 * @param outDir where failing cases are written (and scratch files while running)
 * @param budget how long one linmem execution of a valid module may take
 * @param malformedBudget the same for a malformed module
 * @param reduce whether failing valid modules are shrunk
 * @param jobs how many modules are worked on at once (each job has a worker JVM)
 * @param workerHeap the worker JVMs' maximum heap, for example {@code 1g}
 * @param residentLimitBytes the worker resident memory that counts as a blow-up
 */
public record CampaignOptions(long seed, int count, int malformed, List<ExecutionMode> modes, List<MemoryKind> kinds, boolean fullMatrix,
                int maxInput, Path outDir, Duration budget, Duration malformedBudget, boolean reduce, int jobs, String workerHeap,
                long residentLimitBytes) {

    public CampaignOptions {
        modes = List.copyOf(modes);
        kinds = List.copyOf(kinds);
        if (kinds.isEmpty() && count > 0) {
            throw new IllegalArgumentException("no memory kinds");
        }
    }

    /** The configurations module {@code seed} runs in. */
    List<Configuration> plan(long moduleSeed) {
        List<Configuration> plan = new ArrayList<>();
        for (ExecutionMode mode : modes) {
            if (fullMatrix) {
                kinds.forEach(kind -> plan.add(new Configuration(mode, kind)));
            } else {
                plan.add(new Configuration(mode, kinds.get((int) Math.floorMod(moduleSeed + mode.ordinal(), (long) kinds.size()))));
            }
        }
        return plan;
    }

    /** An execution mode on a memory kind. */
    record Configuration(ExecutionMode mode, MemoryKind kind) {
        /** As statistics name it: {@code warm/dynamic-heap}. */
        String text() {
            return mode.name().toLowerCase(Locale.ROOT) + "/" + kind.text();
        }

        /** As case folders name it: {@code warm-dynamic-heap}. */
        String folderName() {
            return text().replace('/', '-');
        }
    }
}
