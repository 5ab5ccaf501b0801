package dev.linmem.tests.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.linmem.wasm.cli.SpecOutcome;
import dev.linmem.wasm.cli.SpecTotals;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicTest;

/**
 * The totals of one run of a spec suite, per script and over all, and the test that judges them
 * once every script has run: nothing failed, nothing was skipped for a reason the suite does not
 * allow, and every script passed something unless all its commands are text-format modules (so a
 * runner that quietly skipped whole scripts could not look green).
 */
final class SuiteTotals {
    private final String name;
    private final Set<String> allowedSkipReasons;
    private final Map<Path, SpecTotals> perScript = new LinkedHashMap<>();

    /**
     * @param name               what the totals are of, in the printed line ("core-rest, dynamic heap")
     * @param allowedSkipReasons the {@link SpecOutcome#skipReason()}s the suite accepts
     */
    SuiteTotals(String name, Set<String> allowedSkipReasons) {
        this.name = name;
        this.allowedSkipReasons = Set.copyOf(allowedSkipReasons);
    }

    /** The recorder for the commands of {@code script}. */
    Consumer<SpecOutcome> recorder(Path script) {
        SpecTotals totals = perScript.computeIfAbsent(script, s -> new SpecTotals());
        return totals::add;
    }

    /** The test that prints the totals and asserts on them; add it after the scripts' containers. */
    DynamicTest judgement() {
        return DynamicTest.dynamicTest("totals", () -> {
            SpecTotals all = new SpecTotals();
            perScript.values().forEach(all::add);
            System.out.println("spec totals, " + name + ": " + all);
            assertEquals(0, all.failed(), () -> name + ": " + all.failed() + " commands failed (each is reported by its own test)");
            Set<String> unexpected = all.skippedByReason().keySet().stream()
                    .filter(reason -> !allowedSkipReasons.contains(reason))
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
            assertTrue(unexpected.isEmpty(), () -> name + ": commands skipped for reasons the suite does not allow: " + unexpected);
            List<Path> passedNothing = perScript.entrySet().stream()
                    .filter(e -> e.getValue().passed() == 0 && e.getValue().skipped() != textModules(e.getValue()))
                    .map(Map.Entry::getKey)
                    .toList();
            assertTrue(passedNothing.isEmpty(), () -> name + ": scripts that passed no command: " + passedNothing);
        });
    }

    private static int textModules(SpecTotals totals) {
        return totals.skippedByReason().getOrDefault(SpecOutcome.TEXT_MODULE, 0);
    }
}
