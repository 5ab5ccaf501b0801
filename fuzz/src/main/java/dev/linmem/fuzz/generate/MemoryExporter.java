package dev.linmem.fuzz.generate;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Adds an export for every memory a module has but does not export, named
 * {@code __linmem_fuzz_memory<index>}, so that both engines can report each memory's final bytes
 * (binaryen's modules rarely export their memory). New exports go after the existing ones, so the
 * indexes binaryen's {@code call-export} uses keep naming the same exports (an index past the old
 * end named nothing and now names a memory: a host exception either way). Modules whose
 * memories are all exported come back unchanged, so the rewrite can be applied again.
 */
public final class MemoryExporter {
    static final String PREFIX = "__linmem_fuzz_memory";

    /** Section ids in the order the binary format requires them (custom sections aside). */
    private static final List<Integer> ORDER = List.of(1, 2, 3, 4, 5, 13, 6, 7, 8, 9, 12, 10, 11);
    private static final int EXPORT = 7;

    private MemoryExporter() {
    }

    public static byte[] exportAllMemories(byte[] module) {
        Sections sections = Sections.split(module);
        int memories = 0;
        Sections.Section exportSection = null;
        for (Sections.Section section : sections.sections()) {
            switch (section.id()) {
                case 2 -> memories += importedMemories(section.content());
                case 5 -> memories += (int) Leb128.readUnsigned(section.content(), 0).value();
                case EXPORT -> exportSection = section;
                default -> { }
            }
        }
        Set<Long> exported = new HashSet<>();
        List<byte[]> entries = new ArrayList<>();
        if (exportSection != null) {
            readExports(exportSection.content(), exported, entries);
        }
        int added = 0;
        for (long memory = 0; memory < memories; memory++) {
            if (!exported.contains(memory)) {
                entries.add(memoryExport(PREFIX + memory, memory));
                added++;
            }
        }
        if (added == 0) {
            return module;
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        Leb128.writeUnsigned(content, entries.size());
        entries.forEach(content::writeBytes);
        Sections.Section replacement = new Sections.Section(EXPORT, -1, content.toByteArray());
        List<Sections.Section> result = new ArrayList<>(sections.sections());
        if (exportSection != null) {
            result.set(result.indexOf(exportSection), replacement);
        } else {
            result.add(insertionPoint(result), replacement);
        }
        return new Sections(sections.header(), result).join();
    }

    /** After the last section that must come before the export section. */
    private static int insertionPoint(List<Sections.Section> sections) {
        int point = 0;
        for (int i = 0; i < sections.size(); i++) {
            int rank = ORDER.indexOf(sections.get(i).id());
            if (rank >= 0 && rank < ORDER.indexOf(EXPORT)) {
                point = i + 1;
            }
        }
        return point;
    }

    private static int importedMemories(byte[] content) {
        Leb128.Read count = Leb128.readUnsigned(content, 0);
        int at = count.next();
        int memories = 0;
        for (long i = 0; i < count.value(); i++) {
            at = skipName(content, at);
            at = skipName(content, at);
            int kind = content[at++];
            switch (kind) {
                case 0 -> at = Leb128.readUnsigned(content, at).next();
                case 1 -> at = skipLimits(content, at + 1);
                case 2 -> {
                    at = skipLimits(content, at);
                    memories++;
                }
                case 3 -> at += 2;
                case 4 -> at = Leb128.readUnsigned(content, at + 1).next();
                default -> throw new IllegalArgumentException("import kind " + kind);
            }
        }
        return memories;
    }

    private static void readExports(byte[] content, Set<Long> exportedMemories, List<byte[]> entries) {
        Leb128.Read count = Leb128.readUnsigned(content, 0);
        int at = count.next();
        for (long i = 0; i < count.value(); i++) {
            int start = at;
            at = skipName(content, at);
            int kind = content[at++];
            Leb128.Read index = Leb128.readUnsigned(content, at);
            at = index.next();
            if (kind == 2) {
                exportedMemories.add(index.value());
            }
            entries.add(Arrays.copyOfRange(content, start, at));
        }
    }

    private static byte[] memoryExport(String name, long memory) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        Leb128.writeUnsigned(out, utf8.length);
        out.writeBytes(utf8);
        out.write(2);
        Leb128.writeUnsigned(out, memory);
        return out.toByteArray();
    }

    private static int skipName(byte[] content, int at) {
        Leb128.Read length = Leb128.readUnsigned(content, at);
        return Math.toIntExact(length.next() + length.value());
    }

    private static int skipLimits(byte[] content, int at) {
        int flags = content[at];
        int next = Leb128.readUnsigned(content, at + 1).next();
        if ((flags & 1) != 0) {
            next = Leb128.readUnsigned(content, next).next();
        }
        return next;
    }
}
