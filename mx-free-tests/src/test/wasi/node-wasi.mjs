// Runs a WASI command under Node's node:wasi (V8 + uvwasi), the outside reference the tests compare
// linmem with, with the same command line as `bin/linmem run`:
//   node --no-warnings node-wasi.mjs [--dir HOST[::GUEST]]... [--env NAME=VALUE]... PROG.wasm [ARGS...]
// argv[0] is the file name as given; stdin, stdout and stderr are this process's; the exit status
// is the program's (proc_exit's code, 0 when _start returns).
import { readFile } from 'node:fs/promises';
import { WASI } from 'node:wasi';
import { argv, env as hostEnv, exit } from 'node:process';

const args = argv.slice(2);
const preopens = {};
const env = {};
while (args.length > 0 && args[0].startsWith('--')) {
  const option = args.shift();
  const value = args.shift();
  if (option === '--dir') {
    const [host, guest] = value.includes('::') ? value.split('::') : [value, value];
    preopens[guest] = host;
  } else if (option === '--env') {
    const eq = value.indexOf('=');
    env[value.slice(0, eq)] = value.slice(eq + 1);
  } else {
    console.error(`node-wasi.mjs: unknown option ${option}`);
    exit(2);
  }
}
if (args.length === 0) {
  console.error('usage: node-wasi.mjs [--dir HOST[::GUEST]]... [--env NAME=VALUE]... PROG.wasm [ARGS...]');
  exit(2);
}
void hostEnv; // the guest sees only what --env gives it, as with linmem
const program = args[0];
const wasi = new WASI({ version: 'preview1', args, env, preopens, returnOnExit: true });
const module = await WebAssembly.compile(await readFile(program));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
exit(wasi.start(instance));
