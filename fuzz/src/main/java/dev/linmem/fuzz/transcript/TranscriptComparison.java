package dev.linmem.fuzz.transcript;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Compares a reference transcript (V8's) with linmem's: the instantiation outcome, every event in
 * order and the final state must be equal as text (NaNs are already one text), and each exported
 * memory's bytes equal up to the {@link NanRule}. The result names the first difference.
 */
public final class TranscriptComparison {
    private TranscriptComparison() {
    }

    /** The first difference, or empty when the two agree. Dump folders hold the memory images. */
    public static Optional<String> firstDifference(Transcript reference, Path referenceDumps, Transcript linmem, Path linmemDumps) {
        if (!reference.instantiate().equals(linmem.instantiate())) {
            return Optional.of("instantiation: V8 " + reference.instantiate() + " (" + reference.detail() + "), linmem "
                            + linmem.instantiate() + " (" + linmem.detail() + ")");
        }
        Optional<String> events = firstDifference("event", reference.events(), linmem.events());
        if (events.isPresent()) {
            return events;
        }
        Optional<String> state = firstDifference("final state", reference.finalState(), linmem.finalState());
        if (state.isPresent()) {
            return state;
        }
        return firstMemoryDifference(reference, referenceDumps, linmemDumps);
    }

    private static Optional<String> firstDifference(String what, List<String> reference, List<String> linmem) {
        int common = Math.min(reference.size(), linmem.size());
        for (int i = 0; i < common; i++) {
            if (!reference.get(i).equals(linmem.get(i))) {
                return Optional.of(what + " " + i + ": V8 '" + reference.get(i) + "', linmem '" + linmem.get(i) + "'");
            }
        }
        if (reference.size() != linmem.size()) {
            String more = reference.size() > linmem.size() ? "V8 has '" + reference.get(common) + "'" : "linmem has '" + linmem.get(common) + "'";
            return Optional.of(what + " " + common + ": only " + more);
        }
        return Optional.empty();
    }

    private static Optional<String> firstMemoryDifference(Transcript reference, Path referenceDumps, Path linmemDumps) {
        try (var files = Files.list(referenceDumps)) {
            for (Path dump : files.filter(p -> p.getFileName().toString().startsWith("memory-")).sorted().toList()) {
                Path other = linmemDumps.resolve(dump.getFileName().toString());
                if (!Files.exists(other)) {
                    return Optional.of("linmem wrote no " + dump.getFileName());
                }
                long at = NanRule.firstUnexplainedDifference(Files.readAllBytes(dump), Files.readAllBytes(other));
                if (at >= 0) {
                    return Optional.of("final memory " + dump.getFileName() + " differs at byte 0x" + Long.toHexString(at));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
