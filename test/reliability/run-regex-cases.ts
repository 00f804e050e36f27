// Child process for regex-adversarial.test.ts: runs the named cases of regex-cases.ts one after
// another and prints one JSON line per event, so the parent can kill it when a case overruns.
// Usage: node --import tsx test/reliability/run-regex-cases.ts <index> [<index> ...]
import { performance } from 'node:perf_hooks';
import { REGEX_CASES } from './regex-cases.js';

function say(event: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(event)}\n`);
}

for (const arg of process.argv.slice(2)) {
  const index = Number(arg);
  const regexCase = REGEX_CASES[index];
  if (!regexCase) throw new Error(`run-regex-cases: no case ${arg}`);
  try {
    const call = await regexCase.prepare();
    say({ index, event: 'start' });
    const started = performance.now();
    await call();
    say({ index, event: 'done', ms: performance.now() - started });
  } catch (error) {
    say({ index, event: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}
