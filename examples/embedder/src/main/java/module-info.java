/** A minimal linmem embedder, run on the module path. */
module dev.linmem.example {
    requires dev.linmem.wasm;
}
