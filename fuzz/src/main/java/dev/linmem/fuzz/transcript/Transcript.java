package dev.linmem.fuzz.transcript;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What one engine did with one module, in the form both engines write (see the package
 * documentation of {@code dev.linmem.fuzz}).
 *
 * @param instantiate {@code ok}, {@code rejected} (decode or validation), {@code unlinkable},
 *        {@code trap <category>}, {@code exhausted} or {@code exception}
 * @param detail the engine's own message for a failed instantiation; informative, never compared
 * @param events in order: {@code call NAME}, {@code log VALUE}, and how each call ended:
 *        {@code result NAME VALUE...}, {@code trap <category> NAME}, {@code exhausted NAME},
 *        {@code exception NAME} (a host exception, such as a bad index given to table-get)
 * @param finalState after the last call, per export in order: {@code global NAME VALUE},
 *        {@code table NAME size=N MASK} (1 per non-null entry), {@code memory NAME bytes=N}; the
 *        memory's bytes are in the dump folder as {@code memory-<export index>.bin}
 */
public record Transcript(String instantiate, String detail, List<String> events, @JsonProperty("final") List<String> finalState) {
    public Transcript {
        detail = detail == null ? "" : detail;
        events = List.copyOf(events);
        finalState = List.copyOf(finalState);
    }

    /** Name of the dump file of the memory exported at {@code exportIndex}. */
    public static String memoryDumpName(int exportIndex) {
        return "memory-" + exportIndex + ".bin";
    }
}
