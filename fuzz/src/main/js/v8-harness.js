// The V8 side of linmem's differential fuzzer: runs one module in Node's V8 and prints its
// transcripts as a JSON array on stdout, one per run. dev.linmem.fuzz.run.LinmemExecution produces the same
// transcript from linmem; dev.linmem.fuzz.compare.TranscriptComparison compares the two. The
// protocol (event texts, value texts, the fuzzing-support semantics) is documented in
// dev.linmem.fuzz.package-info; both sides must change together.
//
//   node v8-harness.js MODULE.wasm ROUNDS:DUMP_DIR [ROUNDS:DUMP_DIR ...]
//
// Each ROUNDS:DUMP_DIR is a run on a fresh instance. ROUNDS: how many times every exported
// function is called, in export order (the warm-up mode of the fuzzer calls them many times).
// DUMP_DIR: where each exported memory's final bytes go, as memory-<export index>.bin.
'use strict';

const fs = require('fs');
const path = require('path');

const [modulePath, ...runSpecs] = process.argv.slice(2);
const bytes = fs.readFileSync(modulePath);

// ---- the few sections we need to know the types of exports ----

const VALTYPES = { 0x7f: 'i32', 0x7e: 'i64', 0x7d: 'f32', 0x7c: 'f64', 0x70: 'funcref', 0x6f: 'externref' };

function parseModule(b) {
  let pos = 8;
  const u32 = () => {
    let result = 0, shift = 0, byte;
    do {
      byte = b[pos++];
      result += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return result;
  };
  const name = () => {
    const length = u32();
    const text = b.toString('utf8', pos, pos + length);
    pos += length;
    return text;
  };
  const valtype = () => VALTYPES[b[pos++]];
  const limits = () => {
    const flags = b[pos++];
    u32();
    if (flags & 1) u32();
    return (flags & 4) !== 0; // 64-bit index
  };
  const types = [], funcTypes = [], funcImports = [], globalTypes = [], tableIs64 = [], exports = [];
  while (pos < b.length) {
    const id = b[pos++];
    const size = u32();
    const end = pos + size;
    if (id === 1) {
      for (let n = u32(); n > 0; n--) {
        pos++; // 0x60
        const params = []; for (let k = u32(); k > 0; k--) params.push(valtype());
        const results = []; for (let k = u32(); k > 0; k--) results.push(valtype());
        types.push({ params, results });
      }
    } else if (id === 2) {
      for (let n = u32(); n > 0; n--) {
        const moduleName = name(), fieldName = name();
        const kind = b[pos++];
        if (kind === 0) {
          const type = types[u32()];
          funcTypes.push(type);
          funcImports.push({ module: moduleName, name: fieldName, type });
        }
        else if (kind === 1) { pos++; tableIs64.push(limits()); }
        else if (kind === 2) limits();
        else if (kind === 3) { globalTypes.push(valtype()); pos++; }
      }
    } else if (id === 3) {
      for (let n = u32(); n > 0; n--) funcTypes.push(types[u32()]);
    } else if (id === 4) {
      for (let n = u32(); n > 0; n--) { pos++; tableIs64.push(limits()); }
    } else if (id === 6) {
      for (let n = u32(); n > 0; n--) {
        globalTypes.push(valtype());
        pos++;
        skipConstExpr();
      }
    } else if (id === 7) {
      for (let n = u32(); n > 0; n--) {
        const exportName = name();
        const kind = b[pos++];
        exports.push({ name: exportName, kind, index: u32() });
      }
    }
    pos = end;
  }
  return { funcTypes, funcImports, globalTypes, tableIs64, exports };

  // Constant expressions of the features the fuzzer enables: numeric consts, global.get,
  // ref.null, ref.func and the extended-const arithmetic, up to the terminating end.
  function skipConstExpr() {
    for (;;) {
      const op = b[pos++];
      if (op === 0x0b) return;
      if (op === 0x41 || op === 0x42 || op === 0x23 || op === 0xd2) { while (b[pos++] & 0x80); }
      else if (op === 0x43) pos += 4;
      else if (op === 0x44) pos += 8;
      else if (op === 0xd0) pos++;
      // 0x6a/0x6b/0x6c/0x7c/0x7d/0x7e: extended-const arithmetic, no immediates
    }
  }
}

const shape = parseModule(bytes);

// ---- values as the transcript prints them ----

const f32 = new Float32Array(1), f32Bits = new Uint32Array(f32.buffer);
const f64 = new Float64Array(1), f64Bits = new BigUint64Array(f64.buffer);

function printed(type, v) {
  switch (type) {
    case 'i32': return 'i32:' + (v | 0);
    case 'i64': return 'i64:' + BigInt.asIntN(64, v);
    case 'f32':
      if (Number.isNaN(v)) return 'f32:nan';
      f32[0] = v;
      return 'f32:0x' + f32Bits[0].toString(16).padStart(8, '0');
    case 'f64':
      if (Number.isNaN(v)) return 'f64:nan';
      f64[0] = v;
      return 'f64:0x' + f64Bits[0].toString(16).padStart(16, '0');
    case 'funcref': return v === null ? 'funcref:null' : 'funcref:func';
    case 'externref': return v === null ? 'externref:null' : 'externref:extern';
    default: throw new Error('unknown value type ' + type);
  }
}

const ZERO = { i32: 0, i64: 0n, f32: 0, f64: 0, funcref: null, externref: null };

// As FuzzingSupport.MAX_EVENTS: a guest that logs without end must not fill the heap. Binaryen's
// modules stay far below; reaching it ends the harness (a reference error for the fuzzer).
const MAX_EVENTS = 200000;

function logEvent(text) {
  if (events.length >= MAX_EVENTS) {
    process.stderr.write('v8-harness: the transcript reached ' + MAX_EVENTS + ' events\n');
    process.exit(3);
  }
  events.push(text);
}

// ---- the fuzzing-support imports ----

// What a host (JS) exception is in the transcript: not a trap, and call-export-catch catches it.
class HostError extends Error {}

// The state of the current run; reset by main().
let events;
let instance;
let exportList; // the module's exports in order: call-export indexes into it

// The wasm type of a function reaching JS. The JS API names a wasm function's wrapper after its
// function index; an imported function comes back as the JS function that was imported.
function typeOf(func) {
  const index = Number(func.name);
  if (String(index) === func.name && shape.funcTypes[index] !== undefined) return shape.funcTypes[index];
  const imported = importedTypes.get(func);
  if (imported !== undefined) return imported;
  throw new HostError('a function the harness cannot type');
}

// Every call the harness makes passes zero values of the parameter types (null for references).
function callWithZeros(func) {
  return func(...typeOf(func).params.map((t) => ZERO[t]));
}

function exportedFunction(index) {
  const entry = exportList[index >>> 0];
  if (entry === undefined || entry.kind !== 0) throw new HostError('no exported function at ' + (index >>> 0));
  return instance.exports[entry.name];
}

function funcFromRef(ref) {
  if (ref === null) throw new HostError('call-ref of null');
  return ref;
}

// Traps (WebAssembly.RuntimeError) and stack exhaustion pass through; host errors are caught.
function tryCall(thunk) {
  try {
    thunk();
    return 0;
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError || isStackExhaustion(e)) throw e;
    return 1;
  }
}

function theTable() {
  const table = instance.exports.table;
  if (!(table instanceof WebAssembly.Table)) throw new HostError('no exported table');
  return table;
}

function tableIndex(table, index) {
  const unsigned = index >>> 0;
  const size = typeof table.length === 'bigint' ? Number(table.length) : table.length;
  if (unsigned >= size) throw new HostError('table index out of range');
  return typeof table.length === 'bigint' ? BigInt(unsigned) : unsigned;
}

const fuzzingSupport = {
  'log-i32': (v) => { logEvent('log ' + printed('i32', v)); },
  'log-i64': (v) => { logEvent('log ' + printed('i64', v)); },
  'log-f32': (v) => { logEvent('log ' + printed('f32', v)); },
  'log-f64': (v) => { logEvent('log ' + printed('f64', v)); },
  // flags bit 0 asks to catch and rethrow; with no handler in between that is the same as not catching.
  'call-export': (index, flags) => { callWithZeros(exportedFunction(index)); },
  'call-export-catch': (index) => tryCall(() => callWithZeros(exportedFunction(index))),
  'call-ref': (ref, flags) => { callWithZeros(funcFromRef(ref)); },
  'call-ref-catch': (ref) => tryCall(() => callWithZeros(funcFromRef(ref))),
  'table-get': (index) => { const t = theTable(); return t.get(tableIndex(t, index)); },
  'table-set': (index, value) => { const t = theTable(); t.set(tableIndex(t, index), value); },
  'sleep': (ms, id) => id,
};

// Imported externref globals: any non-null host value (the binaryen interpreter gives a non-null one).
const fuzzImport = new Proxy({}, { get: () => new WebAssembly.Global({ value: 'externref', mutable: false }, { extern: true }) });

// ---- trap categories: V8's messages onto the spec's kinds (linmem's side maps the spec texts) ----

const TRAP_CATEGORIES = [
  ['unreachable', 'unreachable'],
  ['memory access out of bounds', 'memory-oob'],
  ['data segment out of bounds', 'memory-oob'],
  ['divide by zero', 'div-by-zero'],
  ['remainder by zero', 'div-by-zero'],
  ['divide result unrepresentable', 'int-overflow'],
  ['float unrepresentable in integer range', 'int-overflow'],
  ['table index is out of bounds', 'table-oob'],
  ['element segment out of bounds', 'table-oob'],
  ['table access out of bounds', 'table-oob'],
  ['null function or function signature mismatch', 'indirect-call'],
  ['function signature mismatch', 'indirect-call'],
  ['null function', 'indirect-call'],
  ['operation does not support unaligned accesses', 'unaligned-atomic'],
];

function isStackExhaustion(e) {
  return e instanceof RangeError && /Maximum call stack size exceeded/.test(e.message);
}

function outcome(e) {
  if (e instanceof WebAssembly.RuntimeError) {
    for (const [text, category] of TRAP_CATEGORIES) {
      if (e.message.includes(text)) return 'trap ' + category;
    }
    return 'trap other:' + e.message;
  }
  if (isStackExhaustion(e)) return 'exhausted';
  return 'exception';
}

// ---- run ----

const importedTypes = new Map(); // imported JS function -> the type of its first import

function finalState(dumpDir) {
  const state = [];
  shape.exports.forEach((e, exportIndex) => {
    const value = instance.exports[e.name];
    if (e.kind === 3) {
      state.push('global ' + e.name + ' ' + printed(shape.globalTypes[e.index], value.value));
    } else if (e.kind === 1) {
      const size = Number(value.length);
      let mask = '';
      for (let i = 0; i < size; i++) mask += value.get(typeof value.length === 'bigint' ? BigInt(i) : i) === null ? '0' : '1';
      state.push('table ' + e.name + ' size=' + size + ' ' + mask);
    } else if (e.kind === 2) {
      const buffer = new Uint8Array(value.buffer);
      fs.writeFileSync(path.join(dumpDir, 'memory-' + exportIndex + '.bin'), buffer);
      state.push('memory ' + e.name + ' bytes=' + buffer.length);
    }
  });
  return state;
}

function main(rounds, dumpDir) {
  events = [];
  instance = undefined;
  exportList = undefined;
  importedTypes.clear();
  let module;
  try {
    module = new WebAssembly.Module(bytes);
  } catch (e) {
    return { instantiate: 'rejected', detail: String(e), events, final: [] };
  }
  try {
    instance = new WebAssembly.Instance(module, { 'fuzzing-support': fuzzingSupport, '__fuzz_import': fuzzImport });
  } catch (e) {
    const kind = e instanceof WebAssembly.LinkError ? 'unlinkable' : outcome(e);
    return { instantiate: kind, detail: String(e), events, final: [] };
  }
  exportList = shape.exports;
  for (const i of shape.funcImports) {
    const func = i.module === 'fuzzing-support' ? fuzzingSupport[i.name] : undefined;
    if (func !== undefined && !importedTypes.has(func)) importedTypes.set(func, i.type);
  }
  for (let round = 0; round < rounds; round++) {
    for (const e of exportList) {
      if (e.kind !== 0) continue;
      const func = instance.exports[e.name];
      events.push('call ' + e.name);
      try {
        const result = callWithZeros(func);
        const types = typeOf(func).results;
        const values = types.length === 1 ? [result] : types.length === 0 ? [] : result;
        events.push(['result', e.name, ...types.map((t, i) => printed(t, values[i]))].join(' '));
      } catch (err) {
        events.push(outcome(err) + ' ' + e.name);
      }
    }
  }
  return { instantiate: 'ok', events, final: finalState(dumpDir) };
}

const transcripts = runSpecs.map((spec) => {
  const colon = spec.indexOf(':');
  return main(Number(spec.substring(0, colon)), spec.substring(colon + 1));
});
process.stdout.write(JSON.stringify(transcripts) + '\n');
