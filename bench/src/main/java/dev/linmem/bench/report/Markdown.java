package dev.linmem.bench.report;

import java.util.List;
import java.util.Locale;

/** Markdown text with tables; numbers formatted to three significant digits, which is all 2 noisy cores support. */
final class Markdown {
    private final StringBuilder text = new StringBuilder();

    Markdown line(String line) {
        text.append(line).append('\n');
        return this;
    }

    Markdown paragraph(String paragraph) {
        return line(paragraph).line("");
    }

    Markdown heading(int level, String title) {
        return line("#".repeat(level) + " " + title).line("");
    }

    Markdown table(List<String> header, List<List<String>> rows) {
        line("| " + String.join(" | ", header) + " |");
        line("|" + " --- |".repeat(header.size()));
        for (List<String> row : rows) {
            line("| " + String.join(" | ", row) + " |");
        }
        return line("");
    }

    Markdown image(String alt, String path) {
        return paragraph("![" + alt + "](" + path + ")");
    }

    static String number(double value) {
        if (!Double.isFinite(value)) {
            return "n/a";
        }
        double abs = Math.abs(value);
        if (abs >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (abs >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (abs >= 1) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.3g", value);
    }

    static String withError(Result r) {
        return number(r.median()) + " ± " + number(r.error());
    }

    static String ratio(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.2fx", value) : "n/a";
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
