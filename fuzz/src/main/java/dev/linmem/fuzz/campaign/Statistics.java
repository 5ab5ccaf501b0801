package dev.linmem.fuzz.campaign;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Counts of a campaign: verdicts per execution configuration ({@code mode/kind}, or
 * {@code malformed/<mutation>}), module feature profiles, failing cases, and the time taken.
 * Thread-safe: a campaign's jobs share one.
 */
public final class Statistics {
    private final Map<String, EnumMap<Verdict, Integer>> byConfiguration = new TreeMap<>();
    private final Map<String, Long> nanosByActivity = new TreeMap<>();
    private final Map<String, Long> compilationsByConfiguration = new TreeMap<>();
    private final Map<String, Integer> profiles = new TreeMap<>();
    private final List<String> failingCases = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Set<String> runtimes = new TreeSet<>();
    private int validModules;
    private int malformedModules;
    private int workerStarts;
    private long nanos;

    public synchronized void count(String configuration, Verdict verdict) {
        byConfiguration.computeIfAbsent(configuration, c -> new EnumMap<>(Verdict.class)).merge(verdict, 1, Integer::sum);
    }

    /** Adds {@code time} to what {@code activity} (a configuration, generation, V8) took in all. */
    public synchronized void time(String activity, Duration time) {
        nanosByActivity.merge(activity, time.toNanos(), Long::sum);
    }

    /** Counts a valid module of a feature profile; returns how many there are now. */
    public synchronized int validModule(String profile) {
        profiles.merge(profile, 1, Integer::sum);
        return ++validModules;
    }

    /** Counts a malformed module; returns how many there are now. */
    public synchronized int malformedModule() {
        return ++malformedModules;
    }

    public synchronized void failingCase(String description) {
        failingCases.add(description);
    }

    /** Something worth reporting that does not fail the campaign (a cancelled malformed module). */
    public synchronized void note(String text) {
        notes.add(text);
    }

    /** Adds the call targets compiled in one execution of {@code configuration}. */
    public synchronized void compilations(String configuration, int count) {
        compilationsByConfiguration.merge(configuration, (long) count, Long::sum);
    }

    /** Call targets compiled in all executions of {@code configuration}. */
    public synchronized long compilations(String configuration) {
        return compilationsByConfiguration.getOrDefault(configuration, 0L);
    }

    /** Notes the Truffle runtime a worker answered from. */
    public synchronized void runtime(String name) {
        if (name != null) {
            runtimes.add(name);
        }
    }

    /** The Truffle runtimes the workers ran on. */
    public synchronized Set<String> runtimes() {
        return Set.copyOf(runtimes);
    }

    /** Executions per configuration and verdict. */
    public synchronized Map<String, Map<Verdict, Integer>> byConfiguration() {
        Map<String, Map<Verdict, Integer>> copy = new TreeMap<>();
        byConfiguration.forEach((configuration, counts) -> copy.put(configuration, Map.copyOf(counts)));
        return copy;
    }

    public synchronized void workerStarts(int starts) {
        workerStarts += starts;
    }

    public synchronized void elapsed(Duration time) {
        nanos += time.toNanos();
    }

    /** How many executions had {@code verdict}, over all configurations. */
    public synchronized int total(Verdict verdict) {
        return byConfiguration.values().stream().mapToInt(m -> m.getOrDefault(verdict, 0)).sum();
    }

    /** How many executions failed the campaign. */
    public synchronized int failures() {
        int failures = 0;
        for (Verdict verdict : Verdict.values()) {
            if (verdict.failing()) {
                failures += total(verdict);
            }
        }
        return failures;
    }

    public synchronized int validModules() {
        return validModules;
    }

    public synchronized int malformedModules() {
        return malformedModules;
    }

    public synchronized List<String> failingCases() {
        return List.copyOf(failingCases);
    }

    /** A table: one line per configuration with its non-zero verdict counts, then the totals. */
    public synchronized String report() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("modules: %d valid %s, %d malformed; worker JVM starts: %d, Truffle runtime %s; time: %.1f s%n",
                        validModules, profiles, malformedModules, workerStarts, runtimes, nanos / 1e9));
        for (var entry : byConfiguration.entrySet()) {
            out.append(String.format("  %-28s", entry.getKey()));
            entry.getValue().forEach((verdict, n) -> out.append(' ').append(verdict.name().toLowerCase(Locale.ROOT)).append('=').append(n));
            Long compiled = compilationsByConfiguration.get(entry.getKey());
            if (compiled != null && compiled > 0) {
                out.append("  compiled call targets=").append(compiled);
            }
            Long activityNanos = nanosByActivity.get(entry.getKey());
            if (activityNanos != null) {
                out.append(String.format("  (%.1f s)", activityNanos / 1e9));
            }
            out.append('\n');
        }
        nanosByActivity.forEach((activity, n) -> {
            if (!byConfiguration.containsKey(activity)) {
                out.append(String.format("  %-28s %.1f s%n", activity, n / 1e9));
            }
        });
        for (String note : notes) {
            out.append("  note: ").append(note).append('\n');
        }
        out.append("failing executions: ").append(failures()).append('\n');
        for (String failing : failingCases) {
            out.append("  ").append(failing).append('\n');
        }
        return out.toString();
    }
}
