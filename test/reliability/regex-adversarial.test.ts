// No regular expression on untrusted text may take super-linear time (issue 12). Every audited
// pattern gets a long input built for its own shape (regex-cases.ts); the calls run in a child
// process because a catastrophic regex blocks its thread and no in-process timeout can stop it.
// The budget is a hard ceiling, not a speed target: linear code takes a few milliseconds on
// these inputs; the old patterns took minutes (exponential) or tens of seconds (quadratic on
// 50k characters), so a case fails when it reports more than BUDGET_MS or is killed at KILL_MS.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { REGEX_CASES } from './regex-cases.js';

const BUDGET_MS = 2_000;
const KILL_MS = 10_000;
const RUNNER = fileURLToPath(new URL('./run-regex-cases.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

type Outcome = { ms: number } | { error: string } | { killed: true };

/** Runs `indices` in one child; stops at the first case that overruns KILL_MS. */
function runChild(indices: number[], outcomes: Map<number, Outcome>): Promise<'killed' | 'exited'> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', RUNNER, ...indices.map(String)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let timer: NodeJS.Timeout | undefined;
    let killed = false;
    createInterface({ input: child.stdout }).on('line', (line) => {
      const event = JSON.parse(line) as {
        index: number;
        event: string;
        ms?: number;
        message?: string;
      };
      clearTimeout(timer);
      if (event.event === 'start') {
        timer = setTimeout(() => {
          killed = true;
          outcomes.set(event.index, { killed: true });
          child.kill('SIGKILL');
        }, KILL_MS);
      } else if (event.event === 'done') outcomes.set(event.index, { ms: event.ms! });
      else outcomes.set(event.index, { error: event.message ?? '' });
    });
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      resolve(killed ? 'killed' : 'exited');
    });
  });
}

const outcomes = new Map<number, Outcome>();

beforeAll(async () => {
  let remaining = REGEX_CASES.map((_, i) => i);
  while (remaining.length > 0) {
    const end = await runChild(remaining, outcomes);
    const missing = remaining.filter((i) => !outcomes.has(i));
    // A child that exited on its own without reporting a case crashed on it (e.g. on import).
    if (end === 'exited' && missing.length > 0) {
      outcomes.set(missing[0]!, { error: 'the child process exited without reporting this case' });
      missing.shift();
    }
    remaining = missing;
  }
}, 600_000);

describe('regular expressions on untrusted text finish in linear time', () => {
  REGEX_CASES.forEach((regexCase, i) => {
    it(regexCase.name, () => {
      const outcome = outcomes.get(i);
      if (outcome === undefined) expect.fail('no result');
      if ('killed' in outcome) expect.fail(`still running after ${KILL_MS} ms: super-linear`);
      if ('error' in outcome) expect.fail(`threw: ${outcome.error}`);
      expect(outcome.ms).toBeLessThan(BUDGET_MS);
    });
  });
});
