package dev.linmem.wasm.nodes;

import com.oracle.truffle.api.CompilerAsserts;
import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.HostCompilerDirectives.BytecodeInterpreterSwitch;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.BytecodeOSRNode;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.ExplodeLoop.LoopExplosionKind;
import com.oracle.truffle.api.nodes.LoopNode;
import com.oracle.truffle.api.nodes.Node;

import dev.linmem.memory.LinearMemory;
import dev.linmem.memory.nodes.MemoryCopyNode;
import dev.linmem.memory.nodes.MemoryFillNode;
import dev.linmem.memory.nodes.MemoryGrowNode;
import dev.linmem.memory.nodes.MemoryInitNode;
import dev.linmem.memory.nodes.MemoryLoadNode;
import dev.linmem.memory.nodes.MemorySizeNode;
import dev.linmem.memory.nodes.MemoryStoreNode;
import dev.linmem.wasm.module.ValType;
import dev.linmem.wasm.module.WasmFunction;
import dev.linmem.wasm.runtime.FunctionInstance;
import dev.linmem.wasm.runtime.GlobalInstance;
import dev.linmem.wasm.runtime.ModuleInstance;
import dev.linmem.wasm.runtime.TableInstance;
import dev.linmem.wasm.runtime.WasmTrap;

/**
 * The interpreter of one function body of one instance: a dispatch loop over the module's bytes.
 *
 * <p>The operand stack lives in static frame slots after the locals: {@code sp} is the slot index
 * just above the top value. An i32 occupies an int slot (so compiled code neither sign-extends it
 * on every write nor narrows it on every read), i64/f32/f64 a long slot of raw bits, a reference
 * an object slot; each read uses the kind its type's writes use. Under partial evaluation the
 * loop is exploded with MERGE_EXPLODE: pc and sp are constants at every point, so each
 * instruction becomes straight-line code over frame slots, which the compiler then turns into
 * registers.
 *
 * <p>The instance's memories, tables, globals and functions are constants of this node (one node
 * per function per instance), so identity-cached memory nodes fold. Memory accesses and calls are
 * child nodes, one per instruction site, found by {@link #siteOfPc} (built at link time).
 *
 * <p>The child nodes and the decoded immediates are made on the first call, not at instantiation
 * ({@link #prepare}): a big program has thousands of functions and calls few of them in a run
 * (sqlite3's shell, 1.3 MB of code, spent 0.45 s instantiating every body eagerly).
 *
 * <p>Branch targets come from the validator's side table (see {@link WasmFunction}); a backward
 * branch (to a loop) polls for on-stack replacement, so long loops compile even when the function
 * is called once.
 */
public final class WasmFunctionNode extends Node implements BytecodeOSRNode {
    private final ModuleInstance instance;
    @CompilationFinal(dimensions = 1) private final byte[] code;
    private final int bodyStart;
    private final int bodyEnd;
    /** Number of locals (parameters included): the first operand-stack slot. */
    private final int localCount;
    @CompilationFinal(dimensions = 1) private final int[] sideTableIndex;
    @CompilationFinal(dimensions = 1) private final int[] sideTable;
    /** Slot kinds of the results (see {@link BoundaryValues}). */
    @CompilationFinal(dimensions = 1) private final byte[] resultKinds;
    @CompilationFinal(dimensions = 1) private final LinearMemory[] memories;
    @CompilationFinal(dimensions = 1) private final boolean[] memoryIs64;
    @CompilationFinal(dimensions = 1) private final TableInstance[] tables;
    @CompilationFinal(dimensions = 1) private final GlobalInstance[] globals;
    @CompilationFinal(dimensions = 1) private final FunctionInstance[] functions;
    /** Builds {@link #sites} and finds the layout and immediates on the first call; null after. */
    private FunctionNodeFactory.Preparation preparation;
    /** Set last by {@link #prepare}, volatile so that a thread that sees it sees everything before it. */
    @CompilationFinal private volatile boolean prepared;
    /** Per body byte: the index into {@link #sites} of the child node of the instruction at that pc, or -1. */
    @CompilationFinal(dimensions = 1) private int[] siteOfPc;
    /** Per body byte, the pc of the next instruction (see {@link DecodedImmediates}). */
    @CompilationFinal(dimensions = 1) private int[] nextPc;
    /** Per body byte, the instruction's first immediate (see {@link DecodedImmediates}). */
    @CompilationFinal(dimensions = 1) private int[] immediate;
    @Children private Node[] sites;
    @CompilationFinal private Object osrMetadata;

    WasmFunctionNode(ModuleInstance instance, WasmFunction function, boolean[] memoryIs64, FunctionNodeFactory.Preparation preparation) {
        this.instance = instance;
        this.code = instance.module().bytes();
        this.bodyStart = function.bodyStart();
        this.bodyEnd = function.bodyEnd();
        this.localCount = function.locals().length;
        this.sideTableIndex = function.sideTableIndex();
        this.sideTable = function.sideTable();
        this.resultKinds = BoundaryValues.kinds(function.type().results());
        this.memories = instance.memories();
        this.memoryIs64 = memoryIs64;
        this.tables = instance.tables();
        this.globals = instance.globals();
        this.functions = instance.functions();
        this.preparation = preparation;
    }

    /** Runs the body from its start with an empty operand stack; the locals are already set. */
    public Object execute(VirtualFrame frame) {
        if (!prepared) {
            CompilerDirectives.transferToInterpreterAndInvalidate();
            prepare();
        }
        return execute(frame, bodyStart, localCount);
    }

    /** Makes the child nodes and finds the layout and immediates, once, whichever thread calls first. */
    private void prepare() {
        atomic(() -> {
            if (!prepared) {
                FunctionNodeFactory.Prepared body = preparation.prepare();
                siteOfPc = body.siteOfPc();
                nextPc = body.decoded().nextPc();
                immediate = body.decoded().immediate();
                sites = insert(body.sites());
                preparation = null;
                prepared = true;
            }
        });
    }

    @ExplodeLoop(kind = LoopExplosionKind.MERGE_EXPLODE)
    @BytecodeInterpreterSwitch
    private Object execute(VirtualFrame frame, int startPc, int startSp) {
        int pc = startPc;
        int sp = startSp;
        // Back edges taken since the last report to the function's call target (see reportLoops).
        // An object, not an int local: under MERGE_EXPLODE every local is part of the explosion
        // state, and a counting local would make each iteration a new state (partial evaluation
        // then bails out with "too many loop explosion iterations").
        BackEdgeCounter backEdges = new BackEdgeCounter();
        dispatch: while (true) {
            CompilerAsserts.partialEvaluationConstant(pc);
            CompilerAsserts.partialEvaluationConstant(sp);
            if (pc >= bodyEnd) {
                reportLoops(backEdges);
                return results(frame, sp);
            }
            int opcode = code[pc] & 0xff;
            switch (opcode) {
                case 0x00:
                    throw trap("unreachable");
                case 0x01, 0x0B: // nop, end
                    pc++;
                    continue dispatch;
                case 0x02, 0x03: // block, loop: the side table makes them no-ops
                    pc = next(pc);
                    continue dispatch;
                case 0x04: { // if
                    int condition = frame.getIntStatic(sp - 1);
                    sp = pop(frame, sp, sp - 1);
                    if (condition != 0) {
                        pc = next(pc);
                    } else {
                        pc = sideTable[sideTableIndex[pc - bodyStart]];
                    }
                    continue dispatch;
                }
                case 0x05: // else, reached at the end of the then-branch: skip to the end
                    pc = sideTable[sideTableIndex[pc - bodyStart]];
                    continue dispatch;
                case 0x0C: { // br
                    int entry = sideTableIndex[pc - bodyStart];
                    int target = sideTable[entry];
                    sp = pop(frame, sp, unwind(frame, sp, sideTable[entry + 1], localCount + sideTable[entry + 2]));
                    if (target <= pc) {
                        Object osrResult = onBackEdge(frame, target, sp, backEdges);
                        if (osrResult != null) {
                            return unwrapOsrResult(osrResult);
                        }
                    }
                    pc = target;
                    continue dispatch;
                }
                case 0x0D: { // br_if
                    int condition = frame.getIntStatic(sp - 1);
                    sp = pop(frame, sp, sp - 1);
                    if (condition != 0) {
                        int entry = sideTableIndex[pc - bodyStart];
                        int target = sideTable[entry];
                        sp = pop(frame, sp, unwind(frame, sp, sideTable[entry + 1], localCount + sideTable[entry + 2]));
                        if (target <= pc) {
                            Object osrResult = onBackEdge(frame, target, sp, backEdges);
                            if (osrResult != null) {
                                return unwrapOsrResult(osrResult);
                            }
                        }
                        pc = target;
                    } else {
                        pc = next(pc);
                    }
                    continue dispatch;
                }
                case 0x0E: { // br_table
                    int index = frame.getIntStatic(sp - 1);
                    sp = pop(frame, sp, sp - 1);
                    int count = Bytecode.readU32(code, pc + 1);
                    int first = sideTableIndex[pc - bodyStart];
                    // Compare with every label so that each way out has a constant target.
                    for (int label = 0; label <= count; label++) {
                        if (label == count || index == label) {
                            int entry = first + 3 * label;
                            int target = sideTable[entry];
                            sp = pop(frame, sp, unwind(frame, sp, sideTable[entry + 1], localCount + sideTable[entry + 2]));
                            if (target <= pc) {
                                Object osrResult = onBackEdge(frame, target, sp, backEdges);
                                if (osrResult != null) {
                                    return unwrapOsrResult(osrResult);
                                }
                            }
                            pc = target;
                            continue dispatch;
                        }
                    }
                    throw NumericInstructions.unknownOpcode(opcode);
                }
                case 0x0F: // return
                    reportLoops(backEdges);
                    return results(frame, sp);
                case 0x10, 0x11: // call, call_indirect
                    sp = pop(frame, sp, ((CallSiteNode) site(pc)).execute(frame, sp));
                    pc = next(pc);
                    continue dispatch;
                case 0x1A: // drop
                    sp = pop(frame, sp, sp - 1);
                    pc++;
                    continue dispatch;
                case 0x1B, 0x1C: { // select, select t*: [a b c] -> c != 0 ? a : b
                    if (frame.getIntStatic(sp - 1) == 0) {
                        frame.copyStatic(sp - 2, sp - 3);
                    }
                    sp = pop(frame, sp, sp - 2);
                    pc = opcode == 0x1B ? pc + 1 : next(pc);
                    continue dispatch;
                }
                case 0x20: // local.get
                    frame.copyStatic(immediate(pc), sp);
                    sp++;
                    pc = next(pc);
                    continue dispatch;
                case 0x21: // local.set
                    frame.copyStatic(sp - 1, immediate(pc));
                    sp = pop(frame, sp, sp - 1);
                    pc = next(pc);
                    continue dispatch;
                case 0x22: // local.tee
                    frame.copyStatic(sp - 1, immediate(pc));
                    pc = next(pc);
                    continue dispatch;
                case 0x23: { // global.get
                    GlobalInstance global = globals[immediate(pc)];
                    ValType type = global.type().valueType();
                    if (type.isReference()) {
                        frame.setObjectStatic(sp, global.reference());
                    } else if (type == ValType.I32) {
                        frame.setIntStatic(sp, (int) global.bits());
                    } else {
                        frame.setLongStatic(sp, global.bits());
                    }
                    sp++;
                    pc = next(pc);
                    continue dispatch;
                }
                case 0x24: { // global.set
                    GlobalInstance global = globals[immediate(pc)];
                    ValType type = global.type().valueType();
                    if (type.isReference()) {
                        global.setReference(frame.getObjectStatic(sp - 1));
                    } else if (type == ValType.I32) {
                        global.setBits(frame.getIntStatic(sp - 1)); // globals keep an i32 sign-extended
                    } else {
                        global.setBits(frame.getLongStatic(sp - 1));
                    }
                    sp = pop(frame, sp, sp - 1);
                    pc = next(pc);
                    continue dispatch;
                }
                case 0x25: // table.get
                    TableInstructions.get(frame, tables[immediate(pc)], sp, this);
                    pc = next(pc);
                    continue dispatch;
                case 0x26: // table.set
                    TableInstructions.set(frame, tables[immediate(pc)], sp, this);
                    sp = pop(frame, sp, sp - 2);
                    pc = next(pc);
                    continue dispatch;
                case 0x3F: { // memory.size
                    int memoryIndex = immediate(pc);
                    sp = MemoryInstructions.size(frame, (MemorySizeNode) site(pc), memories[memoryIndex], memoryIs64[memoryIndex], sp);
                    pc = next(pc);
                    continue dispatch;
                }
                case 0x40: { // memory.grow
                    int memoryIndex = immediate(pc);
                    sp = MemoryInstructions.grow(frame, (MemoryGrowNode) site(pc), memories[memoryIndex], memoryIs64[memoryIndex], sp);
                    pc = next(pc);
                    continue dispatch;
                }
                case 0x41: // i32.const: the signed LEB fits in an int
                    frame.setIntStatic(sp, immediate(pc));
                    sp++;
                    pc = next(pc);
                    continue dispatch;
                case 0x42: // i64.const: the signed LEB is already sign-extended
                    frame.setLongStatic(sp, Bytecode.readSigned(code, pc + 1));
                    sp++;
                    pc = next(pc);
                    continue dispatch;
                case 0x43: // f32.const
                    frame.setLongStatic(sp, Bytecode.readFixed(code, pc + 1, 4));
                    sp++;
                    pc += 5;
                    continue dispatch;
                case 0x44: // f64.const
                    frame.setLongStatic(sp, Bytecode.readFixed(code, pc + 1, 8));
                    sp++;
                    pc += 9;
                    continue dispatch;
                case 0xD0: // ref.null t
                    frame.setObjectStatic(sp, null);
                    sp++;
                    pc += 2;
                    continue dispatch;
                case 0xD1: // ref.is_null
                    frame.setIntStatic(sp - 1, frame.getObjectStatic(sp - 1) == null ? 1 : 0);
                    pc++;
                    continue dispatch;
                case 0xD2: // ref.func
                    frame.setObjectStatic(sp, functions[immediate(pc)]);
                    sp++;
                    pc = next(pc);
                    continue dispatch;
                case 0xFC:
                    sp = pop(frame, sp, executePrefixed(frame, pc, sp));
                    pc = next(pc);
                    continue dispatch;
                case 0xFE:
                    sp = pop(frame, sp, AtomicInstructions.execute(frame, code, pc, sp, site(pc), memories, memoryIs64));
                    pc = next(pc);
                    continue dispatch;
                default:
                    break;
            }
            if (opcode >= 0x28 && opcode <= 0x35) {
                int memoryIndex = immediate(pc);
                sp = MemoryInstructions.load(frame, (MemoryLoadNode) site(pc), memories[memoryIndex], memoryIs64[memoryIndex], MemoryInstructions.loadsI32(opcode), sp);
            } else if (opcode >= 0x36 && opcode <= 0x3E) {
                int memoryIndex = immediate(pc);
                sp = pop(frame, sp, MemoryInstructions.store(frame, (MemoryStoreNode) site(pc), memories[memoryIndex], memoryIs64[memoryIndex], MemoryInstructions.storesI32(opcode), sp));
            } else if (opcode >= 0x45 && opcode <= 0xC4) {
                sp = pop(frame, sp, NumericInstructions.execute(frame, opcode, sp, this));
                pc++;
                continue dispatch;
            } else {
                throw NumericInstructions.unknownOpcode(opcode);
            }
            pc = next(pc);
        }
    }

    /**
     * Back edges are reported to the function's call target in batches of this many (and the rest
     * at exit), so a function whose time goes into loops reaches the compilation threshold as a
     * whole and is not left to OSR alone. A batch keeps the interpreter's cost of reporting low.
     */
    private static final int LOOP_REPORT_STRIDE = 256;

    /**
     * At a backward branch: counts the iteration (reported to this function's call target in
     * batches, so a function whose time goes into loops compiles as a whole) and polls for OSR.
     * Returns the OSR result, or null to go on interpreting.
     */
    private Object onBackEdge(VirtualFrame frame, int target, int sp, BackEdgeCounter backEdges) {
        if (CompilerDirectives.hasNextTier() && ++backEdges.count >= LOOP_REPORT_STRIDE) {
            LoopNode.reportLoopCount(this, backEdges.count);
            backEdges.count = 0;
        }
        Object osrResult = pollOsr(frame, target, sp);
        if (osrResult != null) {
            reportLoops(backEdges);
        }
        return osrResult;
    }

    private void reportLoops(BackEdgeCounter backEdges) {
        if (CompilerDirectives.hasNextTier() && backEdges.count > 0) {
            LoopNode.reportLoopCount(this, backEdges.count);
        }
    }

    /** A mutable count that partial evaluation keeps out of the explosion state (escape analysis removes it). */
    private static final class BackEdgeCounter {
        int count;
    }

    /** The child node of the instruction at {@code pc}; null for one without (atomic.fence). */
    private Node site(int pc) {
        int site = siteOfPc[pc - bodyStart];
        return site < 0 ? null : sites[site];
    }

    private int next(int pc) {
        return nextPc[pc - bodyStart];
    }

    /** The first immediate of the instruction at {@code pc}, decoded at link time. */
    private int immediate(int pc) {
        return immediate[pc - bodyStart];
    }

    /**
     * Lowers the stack top from {@code sp} to {@code newSp} and returns {@code newSp}. Compiled code
     * also clears the freed slots: a popped value would otherwise stay live in every frame state
     * below (each bounds-check guard has one) and, in a loop, as a phi at its header, costing
     * registers and spills for values nothing reads. The interpreter never reads a slot above the
     * top before writing it, so it skips the writes.
     */
    @ExplodeLoop
    private static int pop(VirtualFrame frame, int sp, int newSp) {
        if (CompilerDirectives.inCompiledCode()) {
            for (int slot = newSp; slot < sp; slot++) {
                frame.clearStatic(slot);
            }
        }
        return newSp;
    }

    /** Moves the top {@code arity} values down to {@code targetSp} (a branch leaving blocks); returns the new top. */
    @ExplodeLoop
    private static int unwind(VirtualFrame frame, int sp, int arity, int targetSp) {
        int from = sp - arity;
        if (from != targetSp) {
            for (int i = 0; i < arity; i++) {
                frame.copyStatic(from + i, targetSp + i);
            }
        }
        return targetSp + arity;
    }

    /** The function's results, the top values of the stack: null, one value, or Object[]. */
    @ExplodeLoop
    private Object results(VirtualFrame frame, int sp) {
        int count = resultKinds.length;
        if (count == 0) {
            return null;
        }
        if (count == 1) {
            return BoundaryValues.read(frame, sp - 1, resultKinds[0]);
        }
        Object[] values = new Object[count];
        for (int i = 0; i < count; i++) {
            values[i] = BoundaryValues.read(frame, sp - count + i, resultKinds[i]);
        }
        return values;
    }

    /** The 0xFC-prefixed instructions: saturating truncation, bulk memory, table operations. */
    private int executePrefixed(VirtualFrame frame, int pc, int sp) {
        int sub = Bytecode.readU32(code, pc + 1);
        int p = pc + 1 + Bytecode.lebLength(code, pc + 1);
        int first = sub >= 8 ? Bytecode.readU32(code, p) : 0;
        int second = (sub == 8 || sub == 10 || sub == 12 || sub == 14) ? Bytecode.readU32(code, p + Bytecode.lebLength(code, p)) : 0;
        switch (sub) {
            case 0, 1, 2, 3, 4, 5, 6, 7:
                NumericInstructions.truncateSaturating(frame, sub, sp);
                return sp;
            case 8: // memory.init data mem
                return MemoryInstructions.init(frame, (MemoryInitNode) site(pc), memories[second], memoryIs64[second], instance.dataSegment(first), sp);
            case 9: // data.drop
                instance.setDataSegment(first, EMPTY_BYTES);
                return sp;
            case 10: // memory.copy dstMem srcMem
                return MemoryInstructions.copy(frame, (MemoryCopyNode) site(pc), memories[first], memoryIs64[first], memories[second], memoryIs64[second], sp);
            case 11: // memory.fill mem
                return MemoryInstructions.fill(frame, (MemoryFillNode) site(pc), memories[first], memoryIs64[first], sp);
            case 12: // table.init elem table
                TableInstructions.init(frame, instance, first, tables[second], sp, this);
                return sp - 3;
            case 13: // elem.drop
                instance.setElementSegment(first, EMPTY_REFERENCES);
                return sp;
            case 14: // table.copy dst src
                TableInstructions.copy(frame, tables[first], tables[second], sp, this);
                return sp - 3;
            case 15: // table.grow
                TableInstructions.grow(frame, tables[first], sp);
                return sp - 1;
            case 16: // table.size
                TableInstructions.pushIndex(frame, sp, tables[first], tables[first].size());
                return sp + 1;
            case 17: // table.fill
                TableInstructions.fill(frame, tables[first], sp, this);
                return sp - 3;
            default:
                throw NumericInstructions.unknownOpcode(0xFC00 | sub);
        }
    }

    private static final byte[] EMPTY_BYTES = new byte[0];
    private static final Object[] EMPTY_REFERENCES = new Object[0];

    private WasmTrap trap(String message) {
        return WasmTrap.create(message, this);
    }

    // On-stack replacement. The target packs the loop's pc and the stack height at the back edge
    // into one long, so each (loop, height) pair gets its own OSR compilation with both constant.

    /** A null result of a void function could not be told apart from "no OSR happened". */
    private static final Object NULL_RESULT = new Object();

    private Object pollOsr(VirtualFrame frame, int target, int sp) {
        if (CompilerDirectives.inInterpreter() && BytecodeOSRNode.pollOSRBackEdge(this)) {
            return BytecodeOSRNode.tryOSR(this, ((long) sp << 32) | (target & 0xffff_ffffL), null, null, frame);
        }
        return null;
    }

    private static Object unwrapOsrResult(Object result) {
        return result == NULL_RESULT ? null : result;
    }

    @Override
    public Object executeOSR(VirtualFrame osrFrame, long target, Object interpreterState) {
        Object result = execute(osrFrame, (int) target, (int) (target >>> 32));
        return result == null ? NULL_RESULT : result;
    }

    /** Nothing to prepare: the body has no lazily built state an OSR compilation would need. */
    @Override
    public void prepareOSR(long target) {
    }

    /** The whole frame (locals and operand stack) moves over; the long target needs this overload. */
    @Override
    public void copyIntoOSRFrame(VirtualFrame osrFrame, VirtualFrame parentFrame, long target, Object targetMetadata) {
        transferOSRFrame(osrFrame, parentFrame, target, targetMetadata);
    }

    /**
     * Nothing to copy back: when OSR code returns, it has run the function to its end and the
     * interpreter only returns that result, never reading its own frame again. (Restoring would
     * also cost a deoptimization on every exit from the OSR code.)
     */
    @Override
    public void restoreParentFrame(VirtualFrame osrFrame, VirtualFrame parentFrame) {
    }

    @Override
    public Object getOSRMetadata() {
        return osrMetadata;
    }

    @Override
    public void setOSRMetadata(Object osrMetadata) {
        this.osrMetadata = osrMetadata;
    }
}
