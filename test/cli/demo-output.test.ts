// The demo at a terminal (issue 12): everything it does is printed once, on stdout. With human
// logs (what a terminal gets; forced here with LOG_FORMAT=human, as a test stream is no terminal)
// the poll outcomes and deliveries it prints are not logged to stderr a second time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, expect, it } from 'vitest';
import { main } from '../../src/cli.js';

const work = mkdtempSync(join(tmpdir(), 'briefing-demo-output-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it('prints each poll outcome and delivery once, with nothing repeated on stderr', async () => {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  err.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const argv = ['demo', '--db', join(work, 'demo.db'), '--digests', join(work, 'd'), '--quiet'];
  const code = await main(
    argv,
    { stdout: out, stderr: err },
    { LOG_LEVEL: 'info', LOG_FORMAT: 'human' },
  );
  expect(code, stderr).toBe(0);
  expect(stdout).toMatch(/5 ok, 0 not modified, 0 failed/);
  expect(stderr).toBe('');

  // Issue 14's vocabulary on the demo archive (src/cli/demo-vocabulary.ts): an acronym search
  // that finds the long form, a CCG recognised with its kind and the ICB that succeeded it, and a
  // reader's correction applied to the demo workspace only.
  expect(stdout).toMatch(/Also searched: integrated care system \(for ICS\)/);
  expect(stdout).toContain('names NHS Dudley CCG (clinical commissioning group, 05C), kind ccg');
  expect(stdout).toMatch(
    /succeeded by .*then NHS Black Country Integrated Care Board \(integrated care board, QUA/,
  );
  expect(stdout).toContain('themes before: carter, finance');
  expect(stdout).toContain('Its themes here now: finance, procurement.');
  expect(stdout).toContain(
    'In workspace demo, theme:procurement finds it and theme:carter does not find it;',
  );
  expect(stdout).toContain('elsewhere theme:carter still finds it.');
}, 60_000);
