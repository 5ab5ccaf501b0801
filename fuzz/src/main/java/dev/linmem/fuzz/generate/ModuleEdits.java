package dev.linmem.fuzz.generate;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Small edits of a valid module that keep it valid, for the reducer: dropping an exported
 * function, and replacing a function body by {@code unreachable} (valid for every signature).
 */
public final class ModuleEdits {
    private static final int EXPORT = 7;
    private static final int CODE = 10;
    private static final byte[] UNREACHABLE_BODY = {0x00, 0x00, 0x0b}; // no locals, unreachable, end

    private ModuleEdits() {
    }

    public static int functionExportCount(byte[] module) {
        return (int) exports(module).stream().filter(e -> e.kind == 0).count();
    }

    /** The module without its {@code n}-th function export (counting function exports only). */
    public static byte[] withoutFunctionExport(byte[] module, int n) {
        Sections sections = Sections.split(module);
        List<ExportEntry> kept = new ArrayList<>();
        int seen = 0;
        for (ExportEntry entry : exports(module)) {
            if (entry.kind == 0 && seen++ == n) {
                continue;
            }
            kept.add(entry);
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        Leb128.writeUnsigned(content, kept.size());
        kept.forEach(e -> content.writeBytes(e.bytes));
        return replaceSection(sections, EXPORT, content.toByteArray());
    }

    public static int functionBodyCount(byte[] module) {
        return bodies(module).size();
    }

    public static boolean isUnreachableBody(byte[] module, int function) {
        return Arrays.equals(bodies(module).get(function), UNREACHABLE_BODY);
    }

    public static byte[] withUnreachableBody(byte[] module, int function) {
        List<byte[]> bodies = bodies(module);
        bodies.set(function, UNREACHABLE_BODY);
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        Leb128.writeUnsigned(content, bodies.size());
        for (byte[] body : bodies) {
            Leb128.writeUnsigned(content, body.length);
            content.writeBytes(body);
        }
        return replaceSection(Sections.split(module), CODE, content.toByteArray());
    }

    private record ExportEntry(int kind, byte[] bytes) {
    }

    private static List<ExportEntry> exports(byte[] module) {
        List<ExportEntry> entries = new ArrayList<>();
        for (Sections.Section section : Sections.split(module).sections()) {
            if (section.id() == EXPORT) {
                byte[] content = section.content();
                Leb128.Read count = Leb128.readUnsigned(content, 0);
                int at = count.next();
                for (long i = 0; i < count.value(); i++) {
                    int start = at;
                    Leb128.Read nameLength = Leb128.readUnsigned(content, at);
                    at = Math.toIntExact(nameLength.next() + nameLength.value());
                    int kind = content[at++];
                    at = Leb128.readUnsigned(content, at).next();
                    entries.add(new ExportEntry(kind, Arrays.copyOfRange(content, start, at)));
                }
            }
        }
        return entries;
    }

    private static List<byte[]> bodies(byte[] module) {
        List<byte[]> bodies = new ArrayList<>();
        for (Sections.Section section : Sections.split(module).sections()) {
            if (section.id() == CODE) {
                byte[] content = section.content();
                Leb128.Read count = Leb128.readUnsigned(content, 0);
                int at = count.next();
                for (long i = 0; i < count.value(); i++) {
                    Leb128.Read size = Leb128.readUnsigned(content, at);
                    int end = Math.toIntExact(size.next() + size.value());
                    bodies.add(Arrays.copyOfRange(content, size.next(), end));
                    at = end;
                }
            }
        }
        return bodies;
    }

    private static byte[] replaceSection(Sections sections, int id, byte[] content) {
        List<Sections.Section> list = new ArrayList<>(sections.sections());
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id() == id) {
                list.set(i, new Sections.Section(id, -1, content));
            }
        }
        return new Sections(sections.header(), list).join();
    }
}
