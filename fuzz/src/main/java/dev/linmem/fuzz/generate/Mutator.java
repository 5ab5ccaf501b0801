package dev.linmem.fuzz.generate;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Damages a valid module in the ways a decoder must survive: flipped bits, overwritten bytes, a
 * truncation, a vector count or a local count made huge, a section size that lies, bytes inserted
 * or removed inside a section (whose size is kept honest), sections swapped or repeated. The same
 * seed gives the same damage.
 */
public final class Mutator {
    /** The kinds of damage; each mutation applies one. */
    public enum Kind {
        BIT_FLIPS, BYTE_OVERWRITES, TRUNCATION, HUGE_COUNT, HUGE_LOCALS, SECTION_SIZE, SECTION_EDIT, SECTION_ORDER
    }

    /** A damaged module and what was done to it. */
    public record Mutation(Kind kind, String description, byte[] module) {
    }

    /** Numbers that break size arithmetic: LEB128 encodings of 2^32-1, 2^31-1, 2^28, 2^31 and an overlong 2^32. */
    private static final long[] HUGE = {0xFFFF_FFFFL, 0x7FFF_FFFFL, 1L << 28, 1L << 31, 1L << 32};
    private static final int[] INTERESTING_BYTES = {0x00, 0x01, 0x7f, 0x80, 0xff, 0x0b, 0x40, 0x60, 0x70, 0x6f, 0xfc, 0xfd};

    private Mutator() {
    }

    public static Mutation mutate(byte[] module, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
        Sections sections = Sections.split(module);
        Mutation mutation = switch (kind) {
            case BIT_FLIPS -> bitFlips(module, random);
            case BYTE_OVERWRITES -> byteOverwrites(module, random);
            case TRUNCATION -> {
                int length = random.nextInt(module.length);
                yield new Mutation(kind, "truncated to " + length + " of " + module.length + " bytes", Arrays.copyOf(module, length));
            }
            case HUGE_COUNT -> hugeCount(sections, random);
            case HUGE_LOCALS -> hugeLocals(sections, random);
            case SECTION_SIZE -> sectionSize(sections, random);
            case SECTION_EDIT -> sectionEdit(sections, random);
            case SECTION_ORDER -> sectionOrder(sections, random);
        };
        // A module without the section a kind needs (no code section to give huge locals), or a
        // mutation that happened to change nothing (sections swapped with identical ones), gets bit flips.
        return mutation != null && !Arrays.equals(mutation.module(), module) ? mutation : bitFlips(module, random);
    }

    private static Mutation bitFlips(byte[] module, SplittableRandom random) {
        byte[] copy = module.clone();
        int flips = 1 + random.nextInt(4);
        StringBuilder where = new StringBuilder();
        Set<Long> flipped = new HashSet<>();
        for (int i = 0; i < flips; i++) {
            int at = random.nextInt(copy.length);
            int bit = random.nextInt(8);
            if (!flipped.add((long) at * 8 + bit)) {
                continue; // flipping a bit twice would undo it
            }
            copy[at] ^= (byte) (1 << bit);
            where.append(where.isEmpty() ? "" : ", ").append("0x").append(Integer.toHexString(at)).append(" bit ").append(bit);
        }
        return new Mutation(Kind.BIT_FLIPS, "flipped " + where, copy);
    }

    private static Mutation byteOverwrites(byte[] module, SplittableRandom random) {
        byte[] copy = module.clone();
        int writes = 1 + random.nextInt(4);
        StringBuilder where = new StringBuilder();
        for (int i = 0; i < writes; i++) {
            int at = 8 + random.nextInt(Math.max(1, copy.length - 8));
            if (at >= copy.length) {
                continue;
            }
            int value = random.nextBoolean() ? INTERESTING_BYTES[random.nextInt(INTERESTING_BYTES.length)] : random.nextInt(256);
            if ((copy[at] & 0xff) == value) {
                value ^= 0x55; // an overwrite that changes nothing is no mutation
            }
            copy[at] = (byte) value;
            where.append(where.isEmpty() ? "" : ", ").append("0x").append(Integer.toHexString(at)).append("=0x").append(Integer.toHexString(value));
        }
        return new Mutation(Kind.BYTE_OVERWRITES, "overwrote " + where, copy);
    }

    /** Replaces the vector count that opens a section's contents (every known section but start has one). */
    private static Mutation hugeCount(Sections sections, SplittableRandom random) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < sections.sections().size(); i++) {
            int id = sections.sections().get(i).id();
            if (id != 0 && id != 8 && id != 12 && sections.sections().get(i).content().length > 0) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        int index = candidates.get(random.nextInt(candidates.size()));
        Sections.Section section = sections.sections().get(index);
        Leb128.Read count = Leb128.readUnsigned(section.content(), 0);
        long huge = HUGE[random.nextInt(HUGE.length)];
        byte[] content = replace(section.content(), 0, count.next(), Leb128.unsigned(huge));
        return new Mutation(Kind.HUGE_COUNT, "section " + section.id() + " count " + count.value() + " -> " + huge,
                        with(sections, index, new Sections.Section(section.id(), -1, content)).join());
    }

    /** Makes the first local declaration of a function body declare a huge number of locals. */
    private static Mutation hugeLocals(Sections sections, SplittableRandom random) {
        int index = indexOf(sections, 10);
        if (index < 0) {
            return null;
        }
        byte[] content = sections.sections().get(index).content();
        Leb128.Read functions = Leb128.readUnsigned(content, 0);
        if (functions.value() == 0) {
            return null;
        }
        long target = random.nextLong(functions.value());
        int at = functions.next();
        for (long f = 0; f < target; f++) {
            Leb128.Read size = Leb128.readUnsigned(content, at);
            at = Math.toIntExact(size.next() + size.value());
        }
        Leb128.Read size = Leb128.readUnsigned(content, at);
        int bodyStart = size.next();
        Leb128.Read declarations = Leb128.readUnsigned(content, bodyStart);
        long huge = HUGE[random.nextInt(HUGE.length)];
        byte[] body;
        String what;
        byte[] oldBody = Arrays.copyOfRange(content, bodyStart, Math.toIntExact(bodyStart + size.value()));
        int declarationsLength = declarations.next() - bodyStart;
        if (declarations.value() == 0) {
            // (local huge i32): one declaration where there was none
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Leb128.writeUnsigned(out, 1);
            Leb128.writeUnsigned(out, huge);
            out.write(0x7f);
            body = replace(oldBody, 0, declarationsLength, out.toByteArray());
            what = "added (local " + huge + " i32)";
        } else {
            Leb128.Read first = Leb128.readUnsigned(oldBody, declarationsLength);
            body = replace(oldBody, declarationsLength, first.next(), Leb128.unsigned(huge));
            what = "first local declaration count " + first.value() + " -> " + huge;
        }
        ByteArrayOutputStream entry = new ByteArrayOutputStream();
        Leb128.writeUnsigned(entry, body.length);
        entry.writeBytes(body);
        byte[] newContent = replace(content, at, Math.toIntExact(bodyStart + size.value()), entry.toByteArray());
        return new Mutation(Kind.HUGE_LOCALS, "function body " + target + ": " + what,
                        with(sections, index, new Sections.Section(10, -1, newContent)).join());
    }

    /** Writes a section with a size that is not its contents' length (the contents stay). */
    private static Mutation sectionSize(Sections sections, SplittableRandom random) {
        int index = random.nextInt(sections.sections().size());
        Sections.Section section = sections.sections().get(index);
        long size = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> section.content().length + 1 + random.nextInt(16);
            case 2 -> Math.max(0, section.content().length - 1 - random.nextInt(16));
            default -> HUGE[random.nextInt(HUGE.length)];
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(sections.header());
        for (int i = 0; i < sections.sections().size(); i++) {
            Sections.Section s = sections.sections().get(i);
            out.write(s.id());
            Leb128.writeUnsigned(out, i == index ? size : s.content().length);
            out.writeBytes(s.content());
        }
        return new Mutation(Kind.SECTION_SIZE, "section " + section.id() + " size " + section.content().length + " written as " + size,
                        out.toByteArray());
    }

    /** Inserts or removes a few bytes inside one section, with the section size adjusted. */
    private static Mutation sectionEdit(Sections sections, SplittableRandom random) {
        int index = random.nextInt(sections.sections().size());
        Sections.Section section = sections.sections().get(index);
        byte[] content = section.content();
        int at = random.nextInt(content.length + 1);
        int length = 1 + random.nextInt(4);
        byte[] edited;
        String what;
        if (random.nextBoolean() && at + length <= content.length) {
            edited = replace(content, at, at + length, new byte[0]);
            what = "removed " + length + " bytes at " + at;
        } else {
            byte[] inserted = new byte[length];
            random.nextBytes(inserted);
            edited = replace(content, at, at, inserted);
            what = "inserted " + length + " bytes at " + at;
        }
        return new Mutation(Kind.SECTION_EDIT, "section " + section.id() + ": " + what,
                        with(sections, index, new Sections.Section(section.id(), -1, edited)).join());
    }

    /** Swaps two sections, or repeats one. */
    private static Mutation sectionOrder(Sections sections, SplittableRandom random) {
        List<Sections.Section> list = new ArrayList<>(sections.sections());
        if (list.size() < 2) {
            return null;
        }
        int a = random.nextInt(list.size());
        int b = random.nextInt(list.size());
        String what;
        if (a == b) {
            list.add(a, list.get(a));
            what = "repeated section " + list.get(a).id();
        } else {
            Sections.Section first = list.get(a);
            list.set(a, list.get(b));
            list.set(b, first);
            what = "swapped sections " + list.get(b).id() + " and " + list.get(a).id();
        }
        return new Mutation(Kind.SECTION_ORDER, what, new Sections(sections.header(), list).join());
    }

    private static int indexOf(Sections sections, int id) {
        for (int i = 0; i < sections.sections().size(); i++) {
            if (sections.sections().get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }

    private static Sections with(Sections sections, int index, Sections.Section replacement) {
        List<Sections.Section> list = new ArrayList<>(sections.sections());
        list.set(index, replacement);
        return new Sections(sections.header(), list);
    }

    /** {@code bytes} with {@code [from, to)} replaced by {@code insert}. */
    private static byte[] replace(byte[] bytes, int from, int to, byte[] insert) {
        byte[] result = new byte[bytes.length - (to - from) + insert.length];
        System.arraycopy(bytes, 0, result, 0, from);
        System.arraycopy(insert, 0, result, from, insert.length);
        System.arraycopy(bytes, to, result, from + insert.length, bytes.length - to);
        return result;
    }
}
