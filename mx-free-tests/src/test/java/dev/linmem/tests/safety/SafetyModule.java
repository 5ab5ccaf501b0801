package dev.linmem.tests.safety;

/**
 * The module of one matrix case: a memory (i32 or i64 index, 1 page minimum, the case's maximum)
 * with a 16-byte active segment at 0 and a 16-byte passive one, and three exports:
 * <ul>
 * <li>{@code inv(p, n) -> i64}: runs the access {@code n} times at the loop-invariant address
 * {@code p} and returns the last value it produced (0 for accesses without one);</li>
 * <li>{@code ind(p, n) -> i64}: the same with {@code p} advancing by the access's width every
 * iteration, an induction variable that can run off the end;</li>
 * <li>{@code grow(delta) -> old pages}: memory.grow.</li>
 * </ul>
 */
final class SafetyModule {
    private static final int I32 = 0x7F;
    private static final int I64 = 0x7E;
    private static final int STORE_I32 = 0x5A5A5A5A;
    private static final long STORE_I64 = 0x5A5A5A5A5A5A5A5AL;

    private SafetyModule() {
    }

    static byte[] build(Access access, boolean memory64, long maximumPages) {
        int index = memory64 ? I64 : I32;
        ModuleWriter module = new ModuleWriter().op(0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00);
        module.section(1, new ModuleWriter().u32(2)
                        .op(0x60).u32(2).op(index, I32).u32(1).op(I64)
                        .op(0x60).u32(1).op(index).u32(1).op(index));
        module.section(3, new ModuleWriter().u32(3).u32(0).u32(0).u32(1));
        module.section(5, new ModuleWriter().u32(1).op(memory64 ? 0x05 : 0x01).u32(1).uleb(maximumPages));
        module.section(7, new ModuleWriter().u32(4)
                        .name("inv").op(0x00).u32(0)
                        .name("ind").op(0x00).u32(1)
                        .name("grow").op(0x00).u32(2)
                        .name("mem").op(0x02).u32(0));
        module.section(12, new ModuleWriter().u32(2));
        module.section(10, new ModuleWriter().u32(3)
                        .sized(loop(access, memory64, false))
                        .sized(loop(access, memory64, true))
                        .sized(new ModuleWriter().u32(0).op(0x20, 0x00, 0x40, 0x00, 0x0B)));
        ModuleWriter data = new ModuleWriter().u32(2);
        data.op(0x00, memory64 ? 0x42 : 0x41).sleb(0).op(0x0B).u32(Shadow.ACTIVE_SEGMENT.length).bytes(Shadow.ACTIVE_SEGMENT);
        data.op(0x01).u32(Shadow.PASSIVE_SEGMENT.length).bytes(Shadow.PASSIVE_SEGMENT);
        module.section(11, data);
        return module.toBytes();
    }

    /** {@code (param p idx) (param n i32) (result i64) (local acc i64)}: the loop described above. */
    private static ModuleWriter loop(Access access, boolean memory64, boolean induction) {
        ModuleWriter body = new ModuleWriter().u32(1).u32(1).op(I64);
        body.op(0x03, 0x40); // loop
        boolean producesValue = emitAccess(body, access, memory64);
        if (producesValue) {
            body.op(0x21, 0x02); // local.set acc
        }
        if (induction) {
            body.op(0x20, 0x00);
            indexConst(body, memory64, access.width);
            body.op(memory64 ? 0x7C : 0x6A).op(0x21, 0x00); // p += width
        }
        body.op(0x20, 0x01, 0x41, 0x01, 0x6B, 0x22, 0x01, 0x0D, 0x00); // n -= 1; br_if n != 0
        body.op(0x0B); // end loop
        body.op(0x20, 0x02, 0x0B);
        return body;
    }

    private static void indexConst(ModuleWriter body, boolean memory64, long value) {
        body.op(memory64 ? 0x42 : 0x41).sleb(value);
    }

    private static void memarg(ModuleWriter body, Access access) {
        body.u32(Long.numberOfTrailingZeros(access.width)).uleb(access.staticOffset);
    }

    /** Emits the access at local p; returns whether it leaves an i64 value on the stack. */
    private static boolean emitAccess(ModuleWriter body, Access access, boolean memory64) {
        switch (access.family) {
            case LOAD:
                body.op(0x20, 0x00, access.opcode);
                memarg(body, access);
                if (!access.isI64()) {
                    body.op(0xAD); // i64.extend_i32_u
                }
                return true;
            case STORE:
                body.op(0x20, 0x00);
                storedValue(body, access);
                body.op(access.opcode);
                memarg(body, access);
                return false;
            case ATOMIC_LOAD:
                body.op(0x20, 0x00, 0xFE).u32(access.opcode);
                memarg(body, access);
                body.op(0xAD);
                return true;
            case ATOMIC_STORE:
                body.op(0x20, 0x00);
                storedValue(body, access);
                body.op(0xFE).u32(access.opcode);
                memarg(body, access);
                return false;
            case ATOMIC_RMW_ADD:
                body.op(0x20, 0x00, 0x41, 0x01, 0xFE).u32(access.opcode);
                memarg(body, access);
                body.op(0xAD);
                return true;
            case ATOMIC_CMPXCHG:
                body.op(0x20, 0x00, 0x42, 0x00);
                storedValue(body, access);
                body.op(0xFE).u32(access.opcode);
                memarg(body, access);
                return true;
            case FILL:
                body.op(0x20, 0x00, 0x41).sleb(Access.STORED_BYTE);
                indexConst(body, memory64, access.width);
                body.op(0xFC).u32(access.opcode).op(0x00);
                return false;
            case COPY_TO:
                body.op(0x20, 0x00);
                indexConst(body, memory64, 0);
                indexConst(body, memory64, access.width);
                body.op(0xFC).u32(access.opcode).op(0x00, 0x00);
                return false;
            case COPY_FROM:
                indexConst(body, memory64, 0);
                body.op(0x20, 0x00);
                indexConst(body, memory64, access.width);
                body.op(0xFC).u32(access.opcode).op(0x00, 0x00);
                return false;
            case INIT:
                body.op(0x20, 0x00, 0x41, 0x00, 0x41).sleb(access.width);
                body.op(0xFC).u32(access.opcode).u32(1).op(0x00);
                return false;
            default:
                throw new IllegalArgumentException(access + " is a host access: it has no wasm form");
        }
    }

    private static void storedValue(ModuleWriter body, Access access) {
        if (access.isI64()) {
            body.op(0x42).sleb(STORE_I64);
        } else {
            body.op(0x41).sleb(STORE_I32);
        }
    }
}
