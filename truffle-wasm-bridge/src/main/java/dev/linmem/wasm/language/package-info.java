/**
 * The Truffle language {@code linmem-wasm}: its per-context state (the memory allocator and the
 * memories it made, built-in host modules) and the polyglot API in GraalWasm 25's shape.
 *
 * <pre>
 *   context.eval(source)          ModuleObject         decoded and validated; instantiable
 *     .newInstance(imports)       InstanceObject       eager linking (InteropImports), start function
 *       .getMember("exports")     ExportsObject        FunctionObject, LinearMemory, GlobalObject, TableObject
 * </pre>
 *
 * <p>The embedding API in {@code dev.linmem.wasm} enters a polyglot context of this language and
 * calls into the runtime directly, without these interop objects.
 */
package dev.linmem.wasm.language;
