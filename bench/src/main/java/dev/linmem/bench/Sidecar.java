package dev.linmem.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measurements JMH's JSON has no room for (per-event traces such as recovery after each grow),
 * written as JSON beside it. bench/run.sh passes the results folder to every fork as
 * {@code -Dlinmem.bench.sidecar}; without it (a bare JMH run) nothing is written.
 */
public final class Sidecar {
    private Sidecar() {
    }

    public static void write(String fileName, Object value) {
        String dir = System.getProperty("linmem.bench.sidecar");
        if (dir == null) {
            return;
        }
        try {
            Path path = Path.of(dir, fileName);
            Files.createDirectories(path.getParent());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(path.toFile(), value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
