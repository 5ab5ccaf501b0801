package dev.linmem.wasm.binary;

import dev.linmem.wasm.WasmException;
import dev.linmem.wasm.module.Export;
import dev.linmem.wasm.module.FuncType;
import dev.linmem.wasm.module.ExternalKind;
import dev.linmem.wasm.module.Global;
import dev.linmem.wasm.module.GlobalType;
import dev.linmem.wasm.module.Import;
import dev.linmem.wasm.module.MemoryLimits;
import dev.linmem.wasm.module.TableType;
import dev.linmem.wasm.module.ValType;
import dev.linmem.wasm.module.WasmFunction;
import dev.linmem.wasm.module.WasmModule;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes and validates a WebAssembly binary module.
 *
 * <p>Decoding reads the sections in their required order (custom sections anywhere), checks every
 * format rule and never allocates for a count it has not checked against the bytes that remain:
 * every vector element takes at least one byte, so a count above the remaining length fails with
 * "length out of bounds" before anything is allocated. Validation then checks the module
 * ({@link ModuleValidator}) and type-checks every function body ({@link FunctionValidator}), which
 * also builds the interpreter's side tables.
 *
 * <p>Every failure is a {@link WasmException} of kind {@code MALFORMED} or {@code INVALID} whose
 * message starts with the reference interpreter's text, with the byte offset of the problem.
 */
public final class ModuleDecoder {

    private static final int MAGIC = 0x6D736100; // "\0asm" read little-endian
    private static final int VERSION = 1;

    /** Hard limit on the locals of one function (parameters excluded), as in the JS API (50,000). */
    public static final int MAX_LOCALS = 50_000;

    private final byte[] bytes;
    private final WasmFeatures features;
    private final CodeReader r;
    private final ModuleBuilder m;
    private int declaredFunctionCount = -1;
    private boolean codeSectionSeen;
    private boolean dataSectionSeen;

    private ModuleDecoder(byte[] bytes, WasmFeatures features) {
        this.bytes = bytes;
        this.features = features;
        this.r = new CodeReader(bytes);
        this.m = new ModuleBuilder(bytes);
    }

    /** Decodes and validates {@code bytes} with every feature linmem supports. */
    public static WasmModule decode(byte[] bytes) {
        return decode(bytes, WasmFeatures.ALL);
    }

    /** Decodes and validates {@code bytes} accepting the given features. */
    public static WasmModule decode(byte[] bytes, WasmFeatures features) {
        return new ModuleDecoder(bytes, features).run();
    }

    private WasmModule run() {
        readHeader();
        readSections();
        if (m.deferredInvalid != null) {
            throw m.deferredInvalid;
        }
        ModuleValidator validator = new ModuleValidator(m, features);
        validator.validate();
        List<WasmFunction> functions = new ArrayList<>(m.codes.size());
        for (int i = 0; i < m.codes.size(); i++) {
            int functionIndex = m.importedFunctionCount + i;
            FunctionValidator fv = new FunctionValidator(m, validator.declaredFunctionReferences(), functionIndex, m.codes.get(i));
            try {
                functions.add(fv.validate());
            } catch (WasmException e) {
                if (e.kind() == WasmException.Kind.INVALID) {
                    // A format error anywhere in this or a later body takes precedence, as in the
                    // reference interpreter, which decodes everything before validating.
                    for (int j = i; j < m.codes.size(); j++) {
                        BodyScanner.scan(bytes, m.codes.get(j).bodyStart(), m.codes.get(j).bodyEnd());
                    }
                }
                throw e;
            }
        }
        return new WasmModule(bytes, m.types, m.imports, functions, m.tables, m.memories, m.globals, m.exports, m.startFunction,
                        m.elements, m.data, m.dataCount, m.functionTypeIndicesTrimmed(), m.allTables, m.allMemories, m.allGlobals);
    }

    /**
     * True when the bytes start like the text format: an s-expression or a comment after optional
     * whitespace (and a UTF-8 byte order mark), as a .wat file given by mistake does.
     */
    private static boolean looksLikeText(byte[] bytes) {
        int i = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\n' || bytes[i] == '\r')) {
            i++;
        }
        return i < bytes.length && (bytes[i] == '(' || bytes[i] == ';' && i + 1 < bytes.length && bytes[i + 1] == ';');
    }

    private void readHeader() {
        if (bytes.length < 4) {
            throw WasmException.malformed("unexpected end: no magic header", bytes.length);
        }
        if (CodeReader.readI32LEAt(bytes, 0) != MAGIC) {
            String hint = looksLikeText(bytes) ? ": text format is not supported; convert it with wat2wasm" : "";
            throw WasmException.malformed("magic header not detected" + hint, 0);
        }
        if (bytes.length < 8) {
            throw WasmException.malformed("unexpected end: no binary version", bytes.length);
        }
        if (CodeReader.readI32LEAt(bytes, 4) != VERSION) {
            throw WasmException.malformed("unknown binary version", 4);
        }
        r.position(8);
    }

    /** The position of each section id in the required order; 0 for custom sections. */
    private static int orderOf(int id) {
        return switch (id) {
            case 12 -> 10; // data count comes between element and code
            case 10 -> 11;
            case 11 -> 12;
            default -> id;
        };
    }

    private void readSections() {
        int lastOrder = 0;
        while (!r.atEnd()) {
            int idAt = r.position();
            int id = r.u8();
            if (id > 12) {
                String feature = id == 13 ? " (the tag section of exception handling is not supported)" : "";
                throw WasmException.malformed("malformed section id " + id + feature, idAt);
            }
            // The size may overshoot the module by its own LEB length (the reference's bound); the
            // section's reads then end in "unexpected end".
            int end = r.length() + r.position();
            if (id != 0) {
                int order = orderOf(id);
                if (order <= lastOrder) {
                    throw WasmException.malformed("unexpected content after last section (section id " + id
                                    + " out of order or repeated)", idAt);
                }
                lastOrder = order;
            }
            // Like the reference interpreter, the section's contents are read without stopping at its
            // declared end (a count that claims more than the section holds reads on into what follows
            // and fails there); only then must the section have ended exactly where declared.
            readSection(id, end);
            if (r.position() != end) {
                throw WasmException.malformed("section size mismatch in section " + id, r.position());
            }
        }
        if (declaredFunctionCount > 0 && !codeSectionSeen) {
            throw WasmException.malformed("function and code section have inconsistent lengths", bytes.length);
        }
        if (m.dataCount > 0 && !dataSectionSeen) {
            throw WasmException.malformed("data count and data section have inconsistent lengths", bytes.length);
        }
    }

    private void readSection(int id, int end) {
        switch (id) {
            case 0 -> {
                // The name must lie within the section; it is validated as UTF-8, the contents skipped.
                r.limit(Math.min(end, bytes.length));
                try {
                    r.name();
                } catch (WasmException e) {
                    if (e.getMessage().startsWith("length out of bounds")) {
                        throw WasmException.malformed("unexpected end: custom section name longer than the section",
                                        e.byteOffset());
                    }
                    throw e;
                } finally {
                    r.limit(bytes.length);
                }
                if (end > bytes.length) {
                    throw WasmException.malformed("unexpected end: custom section contents", bytes.length);
                }
                r.position(end);
            }
            case 1 -> readTypes();
            case 2 -> readImports();
            case 3 -> readFunctions();
            case 4 -> readTables();
            case 5 -> readMemories();
            case 6 -> readGlobals();
            case 7 -> readExports();
            case 8 -> {
                m.startOffset = r.position();
                m.startFunction = (int) Math.min(r.u32(), Integer.MAX_VALUE);
            }
            case 9 -> SegmentDecoder.readElements(r, m);
            case 10 -> readCode();
            case 11 -> {
                dataSectionSeen = true;
                SegmentDecoder.readData(r, m);
            }
            case 12 -> m.dataCount = dataCount();
            default -> throw new AssertionError("section id checked above");
        }
    }

    /**
     * A vector length that cannot exceed the bytes left in the module (each element takes at
     * least {@code minBytes} bytes), so no allocation is ever larger than the input.
     */
    private int count(int minBytes) {
        return r.count(minBytes, "length out of bounds");
    }

    /**
     * The data count: it counts the segments of a later section, not bytes that follow, so it is
     * not bounded here; the data section must then hold exactly that many.
     */
    private int dataCount() {
        int at = r.position();
        long n = r.u32();
        if (n > Integer.MAX_VALUE) {
            throw WasmException.malformed("length out of bounds: count " + n, at);
        }
        return (int) n;
    }

    private void readTypes() {
        int n = count(1);
        for (int i = 0; i < n; i++) {
            int at = r.position();
            int form = r.u8();
            if (form != 0x60) {
                throw WasmException.malformed("malformed function type 0x" + Integer.toHexString(form)
                                + " (only function types are supported)", at);
            }
            ValType[] params = readValTypes();
            ValType[] results = readValTypes();
            m.types.add(new FuncType(params, results));
        }
    }

    private ValType[] readValTypes() {
        int n = count(1);
        ValType[] types = new ValType[n];
        for (int i = 0; i < n; i++) {
            types[i] = TypeDecoder.valType(r);
        }
        return types;
    }

    private void readImports() {
        int n = count(1);
        for (int i = 0; i < n; i++) {
            int at = r.position();
            String module = r.name();
            String name = r.name();
            int kindAt = r.position();
            int kindCode = r.u8();
            ExternalKind kind = ExternalKind.fromCode(kindCode);
            if (kind == null) {
                throw WasmException.malformed("malformed import kind" + tagNote(kindCode), kindAt);
            }
            Import imp = switch (kind) {
                case FUNCTION -> {
                    int typeIndex = (int) r.u32();
                    m.addFunction(typeIndex);
                    m.importedFunctionCount++;
                    yield Import.function(module, name, typeIndex);
                }
                case TABLE -> {
                    TableType t = TypeDecoder.tableType(r);
                    m.allTables.add(t);
                    m.tableOffsets.add(at);
                    yield Import.table(module, name, t);
                }
                case MEMORY -> {
                    MemoryLimits mem = TypeDecoder.memoryType(r);
                    m.allMemories.add(mem);
                    m.memoryOffsets.add(at);
                    yield Import.memory(module, name, mem);
                }
                case GLOBAL -> {
                    GlobalType g = TypeDecoder.globalType(r);
                    m.allGlobals.add(g);
                    yield Import.global(module, name, g);
                }
            };
            m.imports.add(imp);
            m.importOffsets.add(at);
        }
    }

    private void readFunctions() {
        int n = count(1);
        declaredFunctionCount = n;
        for (int i = 0; i < n; i++) {
            m.functionDeclOffsets.add(r.position());
            m.addFunction((int) r.u32());
        }
    }

    private void readTables() {
        int n = count(1);
        for (int i = 0; i < n; i++) {
            m.tableOffsets.add(r.position());
            TableType t = TypeDecoder.tableType(r);
            m.tables.add(t);
            m.allTables.add(t);
        }
    }

    private void readMemories() {
        int n = count(1);
        for (int i = 0; i < n; i++) {
            m.memoryOffsets.add(r.position());
            MemoryLimits mem = TypeDecoder.memoryType(r);
            m.memories.add(mem);
            m.allMemories.add(mem);
        }
    }

    private void readGlobals() {
        int n = count(1);
        for (int i = 0; i < n; i++) {
            GlobalType type = TypeDecoder.globalType(r);
            // A global's initializer may read the globals before it (imported or defined).
            Global g = new Global(type, ConstExprDecoder.read(r, m, m.allGlobals.size(), type.valueType()));
            m.globals.add(g);
            m.allGlobals.add(type);
        }
    }

    private void readExports() {
        int n = count(1);
        for (int i = 0; i < n; i++) {
            int at = r.position();
            String name = r.name();
            int kindAt = r.position();
            int kindCode = r.u8();
            ExternalKind kind = ExternalKind.fromCode(kindCode);
            if (kind == null) {
                throw WasmException.malformed("malformed export kind" + tagNote(kindCode), kindAt);
            }
            long index = r.u32();
            m.exports.add(new Export(name, kind, (int) Math.min(index, Integer.MAX_VALUE)));
            m.exportOffsets.add(at);
        }
    }

    /** Kind 4 is a tag (exception handling), which linmem does not support. */
    private static String tagNote(int kindCode) {
        return kindCode == 4 ? " 4 (tags of exception handling are not supported)" : " " + kindCode;
    }

    private void readCode() {
        codeSectionSeen = true;
        int at = r.position();
        int n = count(1);
        if (n != Math.max(declaredFunctionCount, 0)) {
            throw WasmException.malformed("function and code section have inconsistent lengths", at);
        }
        for (int i = 0; i < n; i++) {
            int bodyEnd = r.length() + r.position();
            ValType[] locals = readLocals(m.functionTypeIndices[m.importedFunctionCount + i]);
            if (r.position() > bodyEnd || bodyEnd > bytes.length) {
                throw WasmException.malformed(bodyEnd > bytes.length ? "unexpected end of section or function"
                                : "section size mismatch: local declarations run past the body of function "
                                                + (m.importedFunctionCount + i), Math.min(bodyEnd, bytes.length));
            }
            m.codes.add(new ModuleBuilder.Code(locals, r.position(), bodyEnd));
            r.position(bodyEnd);
        }
    }

    /**
     * The local declarations: runs of (count, type). Returns every local's type, parameters first.
     * The function's type index is checked here already, because the parameters are part of it.
     */
    private ValType[] readLocals(int typeIndex) {
        int runs = count(1);
        int runsStart = r.position();
        long total = 0;
        // First pass: sum the counts without allocating, so a huge count fails before any array exists.
        for (int i = 0; i < runs; i++) {
            int at = r.position();
            total += r.u32();
            if (total >= 1L << 32) {
                throw WasmException.malformed("too many locals", at);
            }
            if (total > MAX_LOCALS) {
                throw WasmException.malformed("too many locals: more than " + MAX_LOCALS + " (implementation limit)", at);
            }
            TypeDecoder.valType(r);
        }
        ValType[] params = Integer.compareUnsigned(typeIndex, m.types.size()) < 0 ? m.types.get(typeIndex).params()
                        : new ValType[0];
        ValType[] locals = new ValType[params.length + (int) total];
        System.arraycopy(params, 0, locals, 0, params.length);
        int next = params.length;
        int end = r.position();
        r.position(runsStart);
        for (int i = 0; i < runs; i++) {
            int k = (int) r.u32();
            ValType t = TypeDecoder.valType(r);
            for (int j = 0; j < k; j++) {
                locals[next++] = t;
            }
        }
        assert r.position() == end;
        return locals;
    }
}
