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
}, 60_000);
