package dev.linmem.bench.programs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a bench run records about the machine: its numbers only mean something next to it and its load. */
final class Machine {
    private Machine() {
    }

    static Map<String, String> describe(ProgramEngine.Launch launch) {
        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("date (UTC)", ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
        machine.put("cpu", firstLine(Path.of("/proc/cpuinfo"), "model name").replaceFirst(".*:\\s*", "") + " x "
                        + Runtime.getRuntime().availableProcessors());
        machine.put("memory", firstLine(Path.of("/proc/meminfo"), "MemTotal").replaceFirst(".*:\\s*", ""));
        machine.put("kernel", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("jvm", output(List.of(launch.java().toString(), "-version")).lines().skip(1).findFirst().orElse("?"));
        machine.put("jvm flags", String.join(" ", launch.jvmFlags()));
        machine.put("node", output(List.of("node", "--version")).strip());
        machine.put("commit", output(List.of("git", "-C", launch.root().toString(), "rev-parse", "--short", "HEAD")).strip()
                        + (output(List.of("git", "-C", launch.root().toString(), "status", "--porcelain", "--", "bench", "truffle-memory",
                                        "truffle-wasm-bridge", "linmem-cli")).isBlank() ? "" : " (with local changes)"));
        machine.put("load before", load());
        return machine;
    }

    /** The 1, 5 and 15 minute load averages. */
    static String load() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2] + " (1, 5, 15 min; " + Runtime.getRuntime().availableProcessors()
                            + " cores)";
        } catch (IOException e) {
            return "?";
        }
    }

    private static String firstLine(Path file, String prefix) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(prefix)).findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static String output(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return text;
        } catch (IOException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }
}
