/**
 * linmem's memory library: WebAssembly linear memories as Truffle objects (static and dynamic,
 * on the heap and off it, pooled), with the Truffle DSL nodes of every memory instruction. See
 * the package {@link dev.linmem.memory}.
 */
module dev.linmem.memory {
    requires transitive org.graalvm.truffle;
    // sun.misc.Unsafe: what compiled accesses to native and heap storage become (see UnsafeAccess)
    requires jdk.unsupported;

    exports dev.linmem.memory;
    exports dev.linmem.memory.nodes;
}
