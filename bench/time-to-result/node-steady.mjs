// The steady-state loop of the real-program section (bin/linmem bench --programs) for Node's
// node:wasi (V8 + uvwasi): the module is compiled once, then run W + N times in this one process,
// each run a new WASI and a new instance, with a fresh data directory and its standard streams on
// files, each run's stdout and exit status checked against Node's whole-process output. Prints
// the same lines as the Java runners (dev.linmem.bench.programs.SteadyLine):
//   steady iteration=3 warmup=false nanos=123456789 status=0 same=true
//   node --no-warnings node-steady.mjs [--warmup W] --iterations N --stdin FILE --expect-stdout FILE
//        [--expect-status S] [--fresh DIR=TEMPLATE] [--dir HOST[::GUEST]]... [--env NAME=VALUE]... PROG.wasm [ARGS...]
// Exits 0 when every run was the same as Node's whole-process run, 1 otherwise, 2 on a usage error.
import { readFileSync, openSync, closeSync, rmSync, cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WASI } from 'node:wasi';
import { argv, exit, hrtime } from 'node:process';

const usage = 'usage: node-steady.mjs [--warmup W] --iterations N --stdin FILE --expect-stdout FILE '
  + '[--expect-status S] [--fresh DIR=TEMPLATE] [--dir HOST[::GUEST]]... [--env NAME=VALUE]... PROG.wasm [ARGS...]';
const args = argv.slice(2);
const preopens = {};
const env = {};
const steady = { warmup: '0', 'expect-status': '0' };
while (args.length > 0 && args[0].startsWith('--')) {
  const option = args.shift();
  const value = args.shift();
  if (value === undefined) {
    console.error(`node-steady.mjs: ${option} needs a value\n${usage}`);
    exit(2);
  }
  if (option === '--dir') {
    const [host, guest] = value.includes('::') ? value.split('::') : [value, value];
    preopens[guest] = host;
  } else if (option === '--env') {
    const eq = value.indexOf('=');
    env[value.slice(0, eq)] = value.slice(eq + 1);
  } else if (['--warmup', '--iterations', '--stdin', '--expect-stdout', '--expect-status', '--fresh'].includes(option)) {
    steady[option.slice(2)] = value;
  } else {
    console.error(`node-steady.mjs: unknown option ${option}\n${usage}`);
    exit(2);
  }
}
if (args.length === 0 || !steady.iterations || !steady.stdin || !steady['expect-stdout']) {
  console.error(usage);
  exit(2);
}
const warmup = Number(steady.warmup);
const iterations = Number(steady.iterations);
const expectedStatus = Number(steady['expect-status']);
const expected = readFileSync(steady['expect-stdout']);
const [freshDir, template] = steady.fresh ? steady.fresh.split('=') : [null, null];
const module = await WebAssembly.compile(readFileSync(args[0]));
const scratch = mkdtempSync(join(tmpdir(), 'linmem-steady-'));
const outFile = join(scratch, 'stdout');
const errFile = join(scratch, 'stderr');

// What differs from Node's whole-process run, as OutputCheck says it; null when nothing does.
function difference(actual, status) {
  const parts = [];
  if (status !== expectedStatus) parts.push(`exit status ${status}, Node's ${expectedStatus}`);
  if (Buffer.compare(actual, expected) !== 0) {
    let at = 0;
    while (at < actual.length && at < expected.length && actual[at] === expected[at]) at++;
    parts.push(`stdout differs at byte ${at} (${actual.length} bytes, Node's ${expected.length})`);
  }
  return parts.length === 0 ? null : parts.join('; ');
}

let allSame = true;
for (let i = 1; i <= warmup + iterations; i++) {
  if (freshDir) {
    rmSync(freshDir, { recursive: true, force: true });
    mkdirSync(freshDir, { recursive: true });
    cpSync(template, freshDir, { recursive: true });
  }
  const stdin = openSync(steady.stdin, 'r');
  const stdout = openSync(outFile, 'w');
  const stderr = openSync(errFile, 'w');
  let status = -1;
  let failure = null;
  const start = hrtime.bigint();
  try {
    const wasi = new WASI({ version: 'preview1', args, env, preopens, stdin, stdout, stderr, returnOnExit: true });
    const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
    status = wasi.start(instance);
  } catch (e) {
    failure = `failed: ${String(e).replace(/\s+/g, ' ')}`;
  }
  const nanos = hrtime.bigint() - start;
  // The program may have closed its stdio itself (minigzip closes stdout), and node:wasi closes the
  // host descriptor with it; closing it again is EBADF, not a failure of the run.
  for (const fd of [stdin, stdout, stderr]) {
    try {
      closeSync(fd);
    } catch (e) {
      if (e.code !== 'EBADF') throw e;
    }
  }
  const diff = failure ?? difference(readFileSync(outFile), status);
  allSame &&= diff === null;
  console.log(`steady iteration=${i} warmup=${i <= warmup} nanos=${nanos} status=${status} same=${diff === null}`
    + (diff === null ? '' : ` difference=${diff}`));
  if (failure) break;
}
rmSync(scratch, { recursive: true, force: true });
exit(allSame ? 0 : 1);
