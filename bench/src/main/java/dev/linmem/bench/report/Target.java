package dev.linmem.bench.report;

import java.util.List;

/** A goal from the issue and how this run did against it, with the margin when missed. */
record Target(String goal, String result, boolean met) {
    List<String> row() {
        return List.of(goal, result, met ? "yes" : "**no**");
    }
}
