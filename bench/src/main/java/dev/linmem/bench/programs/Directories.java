package dev.linmem.bench.programs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A program's data directory made afresh before every run, so that what one run wrote never feeds the next. */
public final class Directories {
    private Directories() {
    }

    /** Deletes everything in {@code dir} (creating it if missing) and copies {@code template}'s tree into it. */
    public static void refill(Path dir, Path template) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> inside = walk.filter(p -> !p.equals(dir)).sorted(Comparator.reverseOrder()).toList();
            for (Path p : inside) {
                Files.delete(p);
            }
        }
        try (Stream<Path> walk = Files.walk(template)) {
            for (Path source : walk.filter(p -> !p.equals(template)).sorted().toList()) {
                Path target = dir.resolve(template.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
