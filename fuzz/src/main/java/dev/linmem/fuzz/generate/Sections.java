package dev.linmem.fuzz.generate;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A valid module split into its sections, to be edited (the memory exporter) or damaged (the
 * mutator) and joined again.
 */
record Sections(byte[] header, List<Section> sections) {
    /** One section: its id, where its contents start in the original binary, and the contents. */
    record Section(int id, int contentOffset, byte[] content) {
    }

    static Sections split(byte[] module) {
        if (module.length < 8) {
            throw new IllegalArgumentException("not a wasm module: " + module.length + " bytes");
        }
        List<Section> sections = new ArrayList<>();
        int at = 8;
        while (at < module.length) {
            int id = module[at] & 0xff;
            Leb128.Read size = Leb128.readUnsigned(module, at + 1);
            int start = size.next();
            int end = Math.toIntExact(start + size.value());
            sections.add(new Section(id, start, Arrays.copyOfRange(module, start, end)));
            at = end;
        }
        return new Sections(Arrays.copyOf(module, 8), sections);
    }

    byte[] join() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header);
        for (Section section : sections) {
            out.write(section.id());
            Leb128.writeUnsigned(out, section.content().length);
            out.writeBytes(section.content());
        }
        return out.toByteArray();
    }
}
