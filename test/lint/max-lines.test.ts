// The 300-line cap can fail: the project's ESLint config lints probe texts as if they were files
// under src/ and test/ (lintText with a file path: nothing is written, so the real lint never
// sees them). 301 lines is reported as max-lines; 300 lines is clean. Likewise a function under
// src/ (issue 13): 81 lines is reported as max-lines-per-function, 80 is clean, and blank lines
// and comments inside it are not counted.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({
    cwd: REPO_ROOT,
    overrideConfigFile: join(REPO_ROOT, '.config', 'eslint.config.js'),
  });
});

/** A file of exactly `lines` lines: a header comment, then one constant per line. */
function fileOfLines(lines: number): string {
  const body = Array.from({ length: lines - 1 }, (_, i) => `export const line${i + 2} = ${i};`);
  return ['// probe', ...body].join('\n') + '\n';
}

async function ruleIdsFor(text: string, path: string): Promise<(string | null)[]> {
  const [result] = await eslint.lintText(text, { filePath: join(REPO_ROOT, path) });
  return (result?.messages ?? []).map((m) => m.ruleId);
}

// Loading typescript-eslint on first use takes seconds on a loaded machine: room, not a timing.
describe('file size cap (ESLint max-lines)', { timeout: 120_000 }, () => {
  it.each(['src/text/probe-long.ts', 'test/text/probe-long.test.ts', '.config/probe-long.mjs'])(
    'reports a 301-line file at %s',
    async (path) => {
      expect(await ruleIdsFor(fileOfLines(301), path)).toEqual(['max-lines']);
    },
  );

  it('counts blank lines and comments: 301 lines of mostly comments is still too long', async () => {
    const text = fileOfLines(2) + '\n// why\n'.repeat(150);
    expect(text.split('\n').length - 1).toBe(302);
    expect(await ruleIdsFor(text, 'src/digest/probe-comments.ts')).toEqual(['max-lines']);
  });

  it('accepts a 300-line file', async () => {
    expect(await ruleIdsFor(fileOfLines(300), 'src/text/probe-fits.ts')).toEqual([]);
  });
});

/** A file holding one function of exactly `lines` lines, signature and closing brace included. */
function functionOfLines(lines: number, extra: readonly string[] = []): string {
  const steps = Array.from({ length: lines - 4 }, (_, i) => `  total += ${i};`);
  const body = ['  let total = 0;', ...extra, ...steps, '  return total;'];
  return ['// probe', 'export function probe(): number {', ...body, '}'].join('\n') + '\n';
}

describe('function size cap (ESLint max-lines-per-function)', { timeout: 120_000 }, () => {
  it('reports an 81-line function under src/', async () => {
    expect(functionOfLines(81).split('\n').length - 2).toBe(81);
    expect(await ruleIdsFor(functionOfLines(81), 'src/digest/probe-long-function.ts')).toEqual([
      'max-lines-per-function',
    ]);
  });

  it('accepts an 80-line function under src/', async () => {
    expect(await ruleIdsFor(functionOfLines(80), 'src/digest/probe-function.ts')).toEqual([]);
  });

  it('does not count blank lines and comments inside the function', async () => {
    const text = functionOfLines(80, ['', '  // why', '  /* and why */', '']);
    expect(await ruleIdsFor(text, 'src/digest/probe-commented.ts')).toEqual([]);
  });

  it('leaves tests alone: an 81-line function under test/ is not reported', async () => {
    expect(await ruleIdsFor(functionOfLines(81), 'test/digest/probe.test.ts')).toEqual([]);
  });
});
