// The browser lookup for the page tests: CHROMIUM_PATH wins, a missing browser is named, and
// under CI=true it fails instead of skipping (a CI run must never pass by skipping the browser).
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { chromiumForTests, findChromium } from './find-chromium.js';

const dir = mkdtempSync(join(tmpdir(), 'briefing-chromium-'));
const fakeBinary = join(dir, 'chromium');
writeFileSync(fakeBinary, '#!/bin/sh\n');
chmodSync(fakeBinary, 0o755);
const notExecutable = join(dir, 'readme.txt');
writeFileSync(notExecutable, 'not a browser');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('findChromium', () => {
  it('takes CHROMIUM_PATH when it is an executable', () => {
    expect(findChromium({ CHROMIUM_PATH: fakeBinary })).toEqual({ found: true, path: fakeBinary });
  });

  it('names CHROMIUM_PATH when it is not one', () => {
    const lookup = findChromium({ CHROMIUM_PATH: notExecutable });
    expect(lookup).toEqual({ found: false, missing: expect.stringContaining(notExecutable) });
  });
});

describe('chromiumForTests', () => {
  const missing = { CHROMIUM_PATH: join(dir, 'nowhere') };

  it('warns loudly and returns null outside CI, so the browser tests skip visibly', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      expect(chromiumForTests('some.test.ts', missing)).toBeNull();
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/some\.test\.ts SKIPPED: missing/));
    } finally {
      warn.mockRestore();
    }
  });

  it('throws under CI=true', () => {
    expect(() => chromiumForTests('some.test.ts', { ...missing, CI: 'true' })).toThrow(
      /CI=true: the browser must be installed/,
    );
  });

  it('returns the path when the browser is there', () => {
    expect(chromiumForTests('some.test.ts', { CHROMIUM_PATH: fakeBinary })).toBe(fakeBinary);
  });
});
