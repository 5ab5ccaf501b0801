// Runs numeric-ops.wasm on Node's V8 over a matrix of edge values; prints the expected results,
// one call a line: "OP RESULT-TYPE ARG... = RESULT-BITS" or "OP RESULT-TYPE ARG... ! V8-TRAP-MESSAGE",
// all values as unsigned decimal bit patterns.
import { readFileSync } from 'node:fs';

const signatures = JSON.parse(readFileSync('numeric-ops.signatures.json', 'utf8'));
const { instance } = await WebAssembly.instantiate(readFileSync('numeric-ops.wasm'));

const f32 = (x) => { const b = new DataView(new ArrayBuffer(4)); b.setFloat32(0, x, true); return b.getUint32(0, true); };
const f64 = (x) => { const b = new DataView(new ArrayBuffer(8)); b.setFloat64(0, x, true); return b.getBigUint64(0, true); };

const values = {
  i32: [0, 1, 2, 7, 31, 32, 33, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x7fffffff, 0x80000000, 0x80000001, 0xfffffffe, 0xffffffff, 0x12345678],
  i64: [0n, 1n, 2n, 7n, 63n, 64n, 65n, 0x80n, 0x8000n, 0x7fffffffn, 0x80000000n, 0xffffffffn, 0x100000000n,
        0x7fffffffffffffffn, 0x8000000000000000n, 0x8000000000000001n, 0x8000000000000400n, 0x8000000000000401n,
        0xfffffffffffffffen, 0xffffffffffffffffn, 0x0123456789abcdefn, 0x0020000000000001n, 0xffdfffffffffffffn],
  f32: [0, -0, 1, -1, 0.5, -0.5, 1.5, 2.5, -2.5, 3.5, 0.49999997, 8388609, 1e10, -1e10, 2147483520, 2147483648,
        -2147483648, -2147483904, 4294967040, 4294967296, 9223371487098961920, 9223372036854775808,
        18446742974197923840, 18446744073709551616, 3.4028234663852886e38, 1.401298464324817e-45,
        1.1754943508222875e-38, Infinity, -Infinity].map(f32)
        .concat([0x7fc00000, 0xffc00000, 0x7fa00001, 0x7f800001, 0xff812345]),
  f64: [0, -0, 1, -1, 0.5, -0.5, 1.5, 2.5, -2.5, 0.49999999999999994, 4503599627370497, 1e300, -1e300,
        2147483647.9, 2147483648, -2147483648.9, -2147483649, 4294967295.9, 4294967296, -0.9999,
        9223372036854774784, 9223372036854775808, -9223372036854775808, -9223372036854777856,
        18446744073709549568, 18446744073709551616, 3.4028235677973366e38, 3.4028234663852886e38,
        1.401298464324817e-45, 5e-324, 2.2250738585072014e-308, Infinity, -Infinity].map(f64)
        .concat([0x7ff8000000000000n, 0xfff8000000000000n, 0x7ff4000000000001n, 0x7ff0000000000001n, 0xfff0000000012345n]),
};
// f32/f64 operands cross as i32/i64 bits.
const operand = { i32: 'i32', i64: 'i64', f32: 'i32', f64: 'i64' };
const signed = (type, v) => type === 'i32' ? (v | 0) : BigInt.asIntN(64, BigInt(v));
const bits = (type, r) => type === 'i32' ? String(r >>> 0) : String(BigInt.asUintN(64, r));

const lines = [];
for (const { name, params, result } of signatures) {
  const lists = params.map((p) => values[p]);
  const combos = lists.length === 1 ? lists[0].map((a) => [a]) : lists[0].flatMap((a) => lists[1].map((b) => [a, b]));
  for (const combo of combos) {
    const args = combo.map((v, i) => signed(operand[params[i]], v));
    const head = `${name} ${result} ${args.map((a, i) => bits(operand[params[i]], a)).join(' ')}`;
    try {
      lines.push(`${head} = ${bits(operand[result], instance.exports[name](...args))}`);
    } catch (e) {
      lines.push(`${head} ! ${e.message}`);
    }
  }
}
console.log(lines.join('\n'));
