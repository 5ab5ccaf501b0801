package dev.linmem.memory.nodes;

import static dev.linmem.memory.nodes.OptimizingRuntime.callUntilCompiled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.truffle.api.CompilerAsserts;
import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.dsl.Introspection;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;
import dev.linmem.memory.DynamicMemory;
import dev.linmem.memory.LinearMemory;
import dev.linmem.memory.MemoryKind;
import dev.linmem.memory.MemoryType;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the Graal compiler makes of the nodes, on the optimizing runtime: bounds checks that fold,
 * deoptimization that fixes up a cached base after grow, and no recompilation storm.
 */
class CompilationTest {
    private static final int PAGE = MemoryType.DEFAULT_PAGE_SIZE;

    /** Checks [address, address + 8) of a memory held as a constant; optionally asserts the result is a PE constant. */
    static final class RangeCheckRoot extends RootNode {
        @Child MemoryRangeCheckNode check = MemoryRangeCheckNode.create();
        private final LinearMemory memory;
        private final boolean addressIsConstant;

        RangeCheckRoot(LinearMemory memory, boolean addressIsConstant) {
            super(null);
            this.memory = memory;
            this.addressIsConstant = addressIsConstant;
        }

        @Override
        public Object execute(VirtualFrame frame) {
            long address = addressIsConstant ? 1024 : (long) frame.getArguments()[0];
            boolean inBounds = check.execute(memory, address, 8);
            CompilerAsserts.partialEvaluationConstant(inBounds);
            return new Object[]{OptimizingRuntime.compiled(), inBounds};
        }
    }

    @ParameterizedTest
    @EnumSource(MemoryKind.class)
    void constantAddressBelowTheMinimumFoldsTheBoundsCheck(MemoryKind kind) {
        try (OptimizingRuntime runtime = new OptimizingRuntime(); LinearMemory memory = kind.create(MemoryType.of(1, 4))) {
            RootCallTarget target = new RangeCheckRoot(memory, true).getCallTarget();
            Object[] result = callUntilCompiled(target, 1024L);
            assertEquals(true, result[1]);
            assertTrue(runtime.countInTrace("opt done") >= 1, runtime.trace());
        }
    }

    /** The negative control: with the address from an argument the check cannot fold, and the assertion must fail compilation. */
    @ParameterizedTest
    @EnumSource(MemoryKind.class)
    void dynamicAddressDoesNotFoldAndTheAssertionCatchesIt(MemoryKind kind) {
        try (OptimizingRuntime runtime = new OptimizingRuntime(); LinearMemory memory = kind.create(MemoryType.of(1, 4))) {
            RootCallTarget target = new RangeCheckRoot(memory, false).getCallTarget();
            Throwable failure = assertThrows(Throwable.class, () -> callUntilCompiled(target, 1024L));
            assertTrue(String.valueOf(failure).contains("Partial evaluation did not reduce value to a constant") ||
                            String.valueOf(failure.getCause()).contains("constant"), String.valueOf(failure));
        }
    }

    /** Loads 8 bytes of a memory held as a constant, at the call's argument or else at address 0. */
    static final class LoadRoot extends RootNode {
        @Child MemoryLoadNode load = MemoryLoadNode.create(8, false, 0);
        private final LinearMemory memory;

        LoadRoot(LinearMemory memory) {
            super(null);
            this.memory = memory;
        }

        @Override
        public Object execute(VirtualFrame frame) {
            Object[] arguments = frame.getArguments();
            long address = arguments.length > 0 ? (long) arguments[0] : 0;
            return new Object[]{OptimizingRuntime.compiled(), load.execute(memory, address)};
        }
    }

    @ParameterizedTest
    @EnumSource(value = MemoryKind.class, names = {"DYNAMIC_HEAP", "DYNAMIC_NATIVE"})
    void aMovingGrowInvalidatesCompiledCodeThatCachedTheStorage(MemoryKind kind) {
        try (OptimizingRuntime runtime = new OptimizingRuntime(); LinearMemory memory = kind.create(MemoryType.of(1, -1))) {
            memory.writeLong(0, 111);
            LoadRoot root = new LoadRoot(memory);
            RootCallTarget target = root.getCallTarget();
            assertEquals(111L, callUntilCompiled(target)[1]);
            assertEquals(List.of("dynamicMemory"), activeSpecializations(root.load));
            long invalidationsBefore = runtime.countInTrace("opt inval.");

            // past what the storage holds without moving (heap: the one page; native: its reservation)
            long pagesPastCapacity = ((DynamicMemory) memory).capacityBytes() / MemoryType.DEFAULT_PAGE_SIZE;
            assertEquals(1, memory.grow(pagesPastCapacity));
            assertEquals(1, memory.statistics().moves());
            memory.writeLong(0, 222); // written to the new storage only

            Object[] afterGrow = (Object[]) target.call();
            assertEquals(222L, afterGrow[1], "compiled code must not keep reading the old storage");
            assertTrue(runtime.countInTrace("opt inval.") > invalidationsBefore, "grow invalidated the compiled root:\n" + runtime.trace());
            assertEquals(222L, callUntilCompiled(target)[1], "recompiled code reads the new storage");
            assertEquals(List.of("dynamicMemory"), activeSpecializations(root.load), "re-cached, not generic, after one move");
        }
    }

    /**
     * A dynamic memory's access site first compares against the memory's minimum (a constant), and
     * only above it against the live size. Neither check deoptimizes (a deoptimizing check would
     * let the compiler schedule the access before it, see MemoryAccessNode): the first access above
     * the minimum runs in the same compiled code, reads the grown pages, still traps past the end,
     * and the code stays installed.
     */
    @ParameterizedTest
    @EnumSource(value = MemoryKind.class, names = {"DYNAMIC_HEAP", "DYNAMIC_NATIVE"})
    void anAccessAboveTheMinimumStaysCompiledAndChecksTheLiveSize(MemoryKind kind) {
        try (OptimizingRuntime runtime = new OptimizingRuntime(); LinearMemory memory = kind.create(MemoryType.of(1, 4))) {
            assertEquals(1, memory.grow(1));
            memory.writeLong(8, 111);
            memory.writeLong(PAGE + 8, 222);
            LoadRoot root = new LoadRoot(memory);
            RootCallTarget target = root.getCallTarget();
            assertEquals(111L, callUntilCompiled(target, 8L)[1]);
            assertEquals(true, ((Object[]) target.call(8L))[0], "compiled code for accesses inside the minimum");

            Object[] firstAbove = (Object[]) target.call((long) PAGE + 8);
            assertEquals(222L, firstAbove[1], "above the minimum, inside the grown size");
            assertEquals(true, firstAbove[0], "the first access above the minimum ran compiled, checked against the live size");

            assertEquals(222L, callUntilCompiled(target, (long) PAGE + 8)[1]);
            assertEquals(111L, ((Object[]) target.call(8L))[1]);
            assertThrows(dev.linmem.memory.MemoryTrap.class, () -> target.call((long) 2 * PAGE - 4), "past the live size");
            assertThrows(dev.linmem.memory.MemoryTrap.class, () -> target.call(-8L), "a huge unsigned address");
            Object[] afterTraps = (Object[]) target.call((long) PAGE + 8);
            assertEquals(222L, afterTraps[1]);
            assertEquals(true, afterTraps[0], "a trap leaves compiled code as an exception: the code stays installed");
            memory.grow(1);
            memory.writeLong(2 * PAGE + 8, 333);
            assertEquals(333L, ((Object[]) target.call((long) 2 * PAGE + 8))[1], "the live size, not a cached one");
            assertEquals(List.of("dynamicMemory"), activeSpecializations(root.load));
        }
    }

    /**
     * Non-atomic accesses to a shared memory take the same specialization as an unshared static
     * memory's (base and size constant), so they compile to the same code; the bounds check folds
     * just the same.
     */
    @ParameterizedTest
    @EnumSource(value = MemoryKind.class, names = {"STATIC_HEAP", "STATIC_NATIVE"})
    void sharedMemoryAccessesCompileLikeUnsharedOnes(MemoryKind kind) {
        MemoryType shared = MemoryType.builder().minimumPages(1).maximumPages(4).shared(true).build();
        try (OptimizingRuntime runtime = new OptimizingRuntime(); LinearMemory memory = kind.create(shared)) {
            assertTrue(memory.isShared());
            memory.writeLong(0, 333);
            LoadRoot root = new LoadRoot(memory);
            assertEquals(333L, callUntilCompiled(root.getCallTarget())[1]);
            assertEquals(List.of("staticMemory"), activeSpecializations(root.load));
            assertEquals(true, callUntilCompiled(new RangeCheckRoot(memory, true).getCallTarget(), 1024L)[1]);
        }
    }

    /** Grows by one page and stores then loads at the new last page, each call. */
    static final class GrowLoopRoot extends RootNode {
        @Child MemoryGrowNode grow = MemoryGrowNode.create();
        @Child MemoryStoreNode store = MemoryStoreNode.create(8, 0);
        @Child MemoryLoadNode load = MemoryLoadNode.create(8, false, 0);
        private final LinearMemory memory;

        GrowLoopRoot(LinearMemory memory) {
            super(null);
            this.memory = memory;
        }

        @Override
        public Object execute(VirtualFrame frame) {
            long oldPages = grow.execute(memory, 1);
            long address = oldPages * PAGE + PAGE - 8;
            store.execute(memory, address, oldPages);
            return new Object[]{OptimizingRuntime.compiled(), load.execute(memory, address)};
        }
    }

    @ParameterizedTest
    @EnumSource(MemoryKind.class)
    void athousandGrowsInAHotLoopEndGenericWithBoundedInvalidations(MemoryKind kind) {
        MemoryType type = MemoryType.of(1, 1100);
        try (OptimizingRuntime runtime = new OptimizingRuntime(); LinearMemory memory = kind.create(type)) {
            GrowLoopRoot root = new GrowLoopRoot(memory);
            RootCallTarget target = root.getCallTarget();
            Object[] last = null;
            for (int i = 0; i < 1000; i++) {
                last = (Object[]) target.call();
                assertEquals((long) (i + 1), last[1]);
            }
            assertEquals(1001, memory.pages());
            long invalidations = memory.statistics().invalidations();
            assertTrue(invalidations <= dev.linmem.memory.MemoryStatisticsAccess.renewalLimit(),
                            "invalidations " + invalidations + " exceed the bound");
            assertEquals(true, last[0], "the loop runs compiled at the end");
            if (kind.isStatic()) {
                assertEquals(dev.linmem.memory.MemoryStatisticsAccess.renewalLimit(), invalidations, "every grow invalidates a static memory's size until the bound");
                assertEquals(List.of("anyMemory"), activeSpecializations(root.load));
                assertEquals(List.of("anyMemory"), activeSpecializations(root.store));
            }
            long recompilations = runtime.countInTrace("opt done");
            assertTrue(recompilations <= dev.linmem.memory.MemoryStatisticsAccess.renewalLimit() + 2,
                            recompilations + " compilations:\n" + runtime.trace());
            assertNotEquals(0, recompilations);
        }
    }

    static List<String> activeSpecializations(com.oracle.truffle.api.nodes.Node node) {
        return Introspection.getSpecializations(node).stream().filter(Introspection.SpecializationInfo::isActive)
                        .map(Introspection.SpecializationInfo::getMethodName).toList();
    }
}
