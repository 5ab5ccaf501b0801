package dev.linmem.wasm.binary;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates valid modules with one function {@code (i32 i32) -> i32} whose body is random i32
 * arithmetic inside nested blocks, loops and ifs (multi-value block types included) with branches
 * of every kind, so that branch arities and stack heights vary. All values are i32, so the
 * generator tracks the operand stack as a height.
 */
final class ControlFlowProgramGenerator {

    /** Local count of the generated function: 2 parameters and 2 declared i32 locals. */
    static final int LOCALS = 4;

    /** Block types: {encoding byte, params, results}; type indices refer to {@link #module}'s types. */
    private static final int[][] BLOCK_TYPES = {{0x40, 0, 0}, {0x7F, 0, 1}, {0x01, 1, 1}, {0x02, 2, 2}, {0x03, 0, 2}};

    private static final class Frame {
        final int kind; // 0x02 block, 0x03 loop, 0x04 if, 0x05 else, -1 function
        final int params;
        final int results;
        final int base;
        boolean unreachable;
        int currentKind;

        Frame(int kind, int params, int results, int base) {
            this.kind = kind;
            this.currentKind = kind;
            this.params = params;
            this.results = results;
            this.base = base;
        }

        int labelArity() {
            return kind == 0x03 ? params : results;
        }
    }

    private final SplittableRandom random;
    private final ByteArrayOutputStream code = new ByteArrayOutputStream();
    private final List<Frame> frames = new ArrayList<>();
    private int height;

    ControlFlowProgramGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A whole module: types, one function, its body. */
    byte[] module() {
        byte[] body = body();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00});
        byte[] types = {0x04, 0x60, 0x02, 0x7F, 0x7F, 0x01, 0x7F, 0x60, 0x01, 0x7F, 0x01, 0x7F, 0x60, 0x02, 0x7F, 0x7F, 0x02, 0x7F,
                        0x7F, 0x60, 0x00, 0x02, 0x7F, 0x7F};
        section(out, 1, types);
        section(out, 3, new byte[]{0x01, 0x00});
        ByteArrayOutputStream entry = new ByteArrayOutputStream();
        entry.writeBytes(new byte[]{0x01, 0x02, 0x7F}); // two declared i32 locals
        entry.writeBytes(body);
        ByteArrayOutputStream codeSection = new ByteArrayOutputStream();
        codeSection.write(0x01);
        writeU32(codeSection, entry.size());
        codeSection.writeBytes(entry.toByteArray());
        section(out, 10, codeSection.toByteArray());
        return out.toByteArray();
    }

    private static void section(ByteArrayOutputStream out, int id, byte[] contents) {
        out.write(id);
        writeU32(out, contents.length);
        out.writeBytes(contents);
    }

    static void writeU32(ByteArrayOutputStream out, int value) {
        int v = value;
        do {
            int b = v & 0x7F;
            v >>>= 7;
            out.write(v != 0 ? b | 0x80 : b);
        } while (v != 0);
    }

    private void writeS32(int value) {
        int v = value;
        while (true) {
            int b = v & 0x7F;
            v >>= 7;
            boolean done = (v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0);
            code.write(done ? b : b | 0x80);
            if (done) {
                return;
            }
        }
    }

    private byte[] body() {
        frames.add(new Frame(-1, 0, 1, 0));
        int steps = 5 + random.nextInt(60);
        for (int i = 0; i < steps; i++) {
            step();
        }
        while (frames.size() > 1) {
            close();
        }
        Frame function = frames.get(0);
        if (!function.unreachable) {
            fixTo(function.results);
        }
        code.write(0x0B);
        return code.toByteArray();
    }

    private Frame top() {
        return frames.get(frames.size() - 1);
    }

    private int available() {
        return height - top().base;
    }

    private void constant() {
        code.write(0x41);
        writeS32(random.nextInt(-3, 8));
        height++;
    }

    /** Drops or pushes until exactly {@code n} values are above the frame's base. */
    private void fixTo(int n) {
        while (available() > n) {
            code.write(0x1A);
            height--;
        }
        while (available() < n) {
            constant();
        }
    }

    private void ensure(int n) {
        while (available() < n) {
            constant();
        }
    }

    /** Ends the innermost frame (through its else first, for an if). */
    private void close() {
        Frame f = top();
        if (f.currentKind == 0x04) {
            if (!f.unreachable) {
                fixTo(f.results);
            }
            code.write(0x05);
            f.currentKind = 0x05;
            f.unreachable = false;
            height = f.base + f.params;
            return;
        }
        if (!f.unreachable) {
            fixTo(f.results);
        }
        code.write(0x0B);
        frames.remove(frames.size() - 1);
        height = f.base + f.results;
    }

    private void step() {
        Frame f = top();
        if (f.unreachable) {
            if (frames.size() > 1) {
                close();
            }
            return;
        }
        int k = random.nextInt(100);
        if (k < 15) {
            constant();
        } else if (k < 25 && available() >= 2) {
            code.write(new int[]{0x6A, 0x6B, 0x6C, 0x48, 0x71}[random.nextInt(5)]);
            height--;
        } else if (k < 28 && available() >= 1) {
            code.write(0x45);
        } else if (k < 40) {
            int op = new int[]{0x20, 0x21, 0x22}[random.nextInt(3)];
            if (op != 0x20 && available() < 1) {
                op = 0x20;
            }
            code.write(op);
            writeU32(code, random.nextInt(LOCALS));
            height += op == 0x20 ? 1 : op == 0x21 ? -1 : 0;
        } else if (k < 44 && available() >= 1) {
            code.write(0x1A);
            height--;
        } else if (k < 47 && available() >= 3) {
            code.write(0x1B);
            height -= 2;
        } else if (k < 62 && frames.size() < 6) {
            int kind = new int[]{0x02, 0x03, 0x04}[random.nextInt(3)];
            int[] bt = BLOCK_TYPES[random.nextInt(BLOCK_TYPES.length)];
            ensure(bt[1] + (kind == 0x04 ? 1 : 0));
            code.write(kind);
            code.write(bt[0]);
            if (kind == 0x04) {
                height--;
            }
            frames.add(new Frame(kind, bt[1], bt[2], height - bt[1]));
        } else if (k < 72 && frames.size() > 1) {
            close();
        } else if (k < 97) {
            branch();
        } else {
            code.write(0x01);
        }
    }

    private void branch() {
        int depth = random.nextInt(frames.size());
        Frame target = frames.get(frames.size() - 1 - depth);
        int arity = target.labelArity();
        int kind = random.nextInt(4);
        if (kind == 0) { // br
            ensure(arity);
            code.write(0x0C);
            writeU32(code, depth);
            top().unreachable = true;
        } else if (kind == 1) { // br_if
            ensure(arity + 1);
            code.write(0x0D);
            writeU32(code, depth);
            height--;
        } else if (kind == 2) { // br_table with targets of the default's arity
            List<Integer> same = new ArrayList<>();
            for (int d = 0; d < frames.size(); d++) {
                if (frames.get(frames.size() - 1 - d).labelArity() == arity) {
                    same.add(d);
                }
            }
            ensure(arity + 1);
            int n = random.nextInt(4);
            code.write(0x0E);
            writeU32(code, n);
            for (int i = 0; i < n; i++) {
                writeU32(code, same.get(random.nextInt(same.size())));
            }
            writeU32(code, depth);
            top().unreachable = true;
        } else { // return
            ensure(frames.get(0).results);
            code.write(0x0F);
            top().unreachable = true;
        }
    }
}
