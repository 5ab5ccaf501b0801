package dev.linmem.wasm.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.linmem.wasm.module.WasmFunction;
import dev.linmem.wasm.module.WasmModule;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Runs generated control-flow programs twice: once by an interpreter that follows the side table
 * exactly as CONTRACT.md tells the engine to, once by a naive interpreter that finds every block's
 * end by scanning the code and never looks at the side table. Both must compute the same result
 * (or both run out of fuel at the same step), which checks every target, arity and stack height.
 */
class SideTableSemanticsTest {

    private static final int FUEL = 5_000;
    private static final int OUT_OF_FUEL = Integer.MIN_VALUE + 12345;

    @Test
    void sideTableInterpreterAgreesWithAScanningInterpreter() {
        SplittableRandom inputs = new SplittableRandom(99);
        int finished = 0;
        for (long seed = 0; seed < 3_000; seed++) {
            byte[] bytes = new ControlFlowProgramGenerator(seed).module();
            WasmModule module = ModuleDecoder.decode(bytes);
            WasmFunction f = module.functions().get(0);
            for (int run = 0; run < 3; run++) {
                int a = inputs.nextInt(-2, 5);
                int b = inputs.nextInt(-2, 5);
                long viaSideTable = new SideTableInterpreter(bytes, f).run(a, b);
                long viaScanning = new ScanningInterpreter(bytes, f.bodyStart(), f.bodyEnd()).run(a, b);
                assertEquals(viaScanning, viaSideTable, "seed " + seed + " args " + a + ", " + b);
                if (viaScanning != OUT_OF_FUEL) {
                    finished++;
                }
            }
        }
        assertTrue(finished > 3_000, "most runs finish: " + finished);
    }

    /** Executes i32 code with the decoder's side table, the way CONTRACT.md describes. */
    private static final class SideTableInterpreter {
        private final byte[] b;
        private final WasmFunction f;
        private final int[] stack;
        private final int[] locals = new int[ControlFlowProgramGenerator.LOCALS];
        private int sp;

        SideTableInterpreter(byte[] bytes, WasmFunction f) {
            this.b = bytes;
            this.f = f;
            this.stack = new int[f.maxStackHeight()];
        }

        long run(int a, int c) {
            locals[0] = a;
            locals[1] = c;
            int pc = f.bodyStart();
            for (int fuel = 0; fuel < FUEL; fuel++) {
                if (pc == f.bodyEnd()) {
                    return stack[sp - 1];
                }
                int op = b[pc] & 0xFF;
                switch (op) {
                    case 0x01, 0x0B -> pc++;
                    case 0x02, 0x03 -> pc += 1 + CodeReader.lebLengthAt(b, pc + 1);
                    case 0x04 -> {
                        if (stack[--sp] != 0) {
                            pc += 1 + CodeReader.lebLengthAt(b, pc + 1);
                        } else {
                            pc = f.sideTable()[entry(pc)];
                        }
                    }
                    case 0x05 -> pc = f.sideTable()[entry(pc)];
                    case 0x0C -> pc = branch(entry(pc));
                    case 0x0D -> pc = stack[--sp] != 0 ? branch(entry(pc)) : pc + 1 + CodeReader.lebLengthAt(b, pc + 1);
                    case 0x0E -> {
                        int count = CodeReader.readU32At(b, pc + 1);
                        int index = stack[--sp];
                        int k = Integer.compareUnsigned(index, count) < 0 ? index : count;
                        pc = branch(entry(pc) + 3 * k);
                    }
                    case 0x0F -> {
                        return stack[sp - 1];
                    }
                    default -> pc = ScanningInterpreter.simple(b, pc, stack, this::setSp, sp, locals);
                }
            }
            return OUT_OF_FUEL;
        }

        private void setSp(int newSp) {
            sp = newSp;
        }

        private int entry(int pc) {
            int e = f.sideTableIndex()[pc - f.bodyStart()];
            assertTrue(e >= 0, "no side-table entry at pc " + pc);
            return e;
        }

        /** Copies the top {@code arity} values down to {@code stackHeight} and returns the target. */
        private int branch(int e) {
            int target = f.sideTable()[e];
            int arity = f.sideTable()[e + 1];
            int height = f.sideTable()[e + 2];
            System.arraycopy(stack, sp - arity, stack, height, arity);
            sp = height + arity;
            return target;
        }
    }

    /** Executes the same code without the side table, finding block ends by scanning. */
    private static final class ScanningInterpreter {
        private final byte[] b;
        private final int bodyStart;
        private final int bodyEnd;
        private final int[] stack = new int[1024];
        private final int[] locals = new int[ControlFlowProgramGenerator.LOCALS];
        private int sp;
        // control frames: kind, continuation for loops, end pc, else pc, height, arity
        private final int[][] frames = new int[64][];
        private int depth;

        ScanningInterpreter(byte[] bytes, int bodyStart, int bodyEnd) {
            this.b = bytes;
            this.bodyStart = bodyStart;
            this.bodyEnd = bodyEnd;
        }

        /** Params and results of a generated block type byte. */
        private static int[] blockType(int code) {
            return switch (code) {
                case 0x40 -> new int[]{0, 0};
                case 0x7F -> new int[]{0, 1};
                case 0x01 -> new int[]{1, 1};
                case 0x02 -> new int[]{2, 2};
                case 0x03 -> new int[]{0, 2};
                default -> throw new AssertionError("block type " + code);
            };
        }

        /** Returns {end pc, else pc or -1} of the block whose body starts at {@code pc}. */
        private int[] scan(int pc) {
            int nesting = 0;
            int elsePc = -1;
            int p = pc;
            while (true) {
                int op = b[p] & 0xFF;
                if (op == 0x02 || op == 0x03 || op == 0x04) {
                    nesting++;
                } else if (op == 0x05 && nesting == 0) {
                    elsePc = p;
                } else if (op == 0x0B) {
                    if (nesting == 0) {
                        return new int[]{p, elsePc};
                    }
                    nesting--;
                }
                p = next(p);
            }
        }

        /** The pc of the instruction after the one at {@code p} (generated instructions only). */
        private int next(int p) {
            int op = b[p] & 0xFF;
            return switch (op) {
                case 0x02, 0x03, 0x04, 0x0C, 0x0D, 0x20, 0x21, 0x22, 0x41 -> p + 1 + CodeReader.lebLengthAt(b, p + 1);
                case 0x0E -> {
                    int q = p + 1;
                    int count = CodeReader.readU32At(b, q);
                    q += CodeReader.lebLengthAt(b, q);
                    for (int i = 0; i <= count; i++) {
                        q += CodeReader.lebLengthAt(b, q);
                    }
                    yield q;
                }
                default -> p + 1;
            };
        }

        long run(int a, int c) {
            locals[0] = a;
            locals[1] = c;
            // the function's frame: a block whose end is the final end, one result
            frames[depth++] = new int[]{0x02, 0, bodyEnd - 1, -1, 0, 1};
            int pc = bodyStart;
            for (int fuel = 0; fuel < FUEL; fuel++) {
                int op = b[pc] & 0xFF;
                switch (op) {
                    case 0x01 -> pc++;
                    case 0x02, 0x03, 0x04 -> {
                        int[] bt = blockType(b[pc + 1] & 0xFF);
                        int bodyPc = next(pc);
                        boolean taken = true;
                        if (op == 0x04) {
                            taken = stack[--sp] != 0;
                        }
                        int[] ends = scan(bodyPc);
                        int arity = op == 0x03 ? bt[0] : bt[1];
                        frames[depth++] = new int[]{op, bodyPc, ends[0], ends[1], sp - bt[0], arity};
                        if (taken) {
                            pc = bodyPc;
                        } else if (ends[1] >= 0) {
                            pc = ends[1] + 1;
                        } else {
                            depth--; // no else: the params are the results
                            pc = ends[0] + 1;
                        }
                    }
                    case 0x05 -> {
                        pc = frames[--depth][2] + 1;
                    }
                    case 0x0B -> {
                        if (depth == 1) {
                            return stack[sp - 1];
                        }
                        depth--;
                        pc++;
                    }
                    case 0x0C -> pc = branch(CodeReader.readU32At(b, pc + 1));
                    case 0x0D -> pc = stack[--sp] != 0 ? branch(CodeReader.readU32At(b, pc + 1)) : next(pc);
                    case 0x0E -> {
                        int q = pc + 1;
                        int count = CodeReader.readU32At(b, q);
                        q += CodeReader.lebLengthAt(b, q);
                        int index = stack[--sp];
                        int k = Integer.compareUnsigned(index, count) < 0 ? index : count;
                        for (int i = 0; i < k; i++) {
                            q += CodeReader.lebLengthAt(b, q);
                        }
                        pc = branch(CodeReader.readU32At(b, q));
                    }
                    case 0x0F -> {
                        return stack[sp - 1];
                    }
                    default -> pc = simple(b, pc, stack, s -> sp = s, sp, locals);
                }
                if (pc >= bodyEnd) {
                    return stack[sp - 1];
                }
            }
            return OUT_OF_FUEL;
        }

        private int branch(int labelDepth) {
            int[] frame = frames[depth - 1 - labelDepth];
            int arity = frame[5];
            System.arraycopy(stack, sp - arity, stack, frame[4], arity);
            sp = frame[4] + arity;
            if (frame[0] == 0x03) {
                depth -= labelDepth; // keep the loop's frame
                return frame[1];
            }
            depth -= labelDepth + 1;
            return frame[2] + 1;
        }

        /** Executes one non-control instruction; returns the next pc. */
        static int simple(byte[] b, int pc, int[] stack, java.util.function.IntConsumer setSp, int sp, int[] locals) {
            int op = b[pc] & 0xFF;
            int s = sp;
            switch (op) {
                case 0x41 -> stack[s++] = CodeReader.readS32At(b, pc + 1);
                case 0x20 -> stack[s++] = locals[CodeReader.readU32At(b, pc + 1)];
                case 0x21 -> locals[CodeReader.readU32At(b, pc + 1)] = stack[--s];
                case 0x22 -> locals[CodeReader.readU32At(b, pc + 1)] = stack[s - 1];
                case 0x1A -> s--;
                case 0x1B -> {
                    int cond = stack[--s];
                    int second = stack[--s];
                    if (cond == 0) {
                        stack[s - 1] = second;
                    }
                }
                case 0x45 -> stack[s - 1] = stack[s - 1] == 0 ? 1 : 0;
                case 0x6A -> stack[s - 2] = stack[s - 2] + stack[--s];
                case 0x6B -> stack[s - 2] = stack[s - 2] - stack[--s];
                case 0x6C -> stack[s - 2] = stack[s - 2] * stack[--s];
                case 0x48 -> stack[s - 2] = stack[s - 2] < stack[--s] ? 1 : 0;
                case 0x71 -> stack[s - 2] = stack[s - 2] & stack[--s];
                default -> throw new AssertionError("opcode 0x" + Integer.toHexString(op) + " at " + pc);
            }
            setSp.accept(s);
            return op == 0x41 || op == 0x20 || op == 0x21 || op == 0x22 ? pc + 1 + CodeReader.lebLengthAt(b, pc + 1) : pc + 1;
        }
    }
}
