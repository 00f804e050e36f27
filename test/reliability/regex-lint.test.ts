// The lint rule that keeps super-linear regular expressions out of src/ (issue 12) fires: the
// project's own ESLint config is run on a probe file holding two of the patterns this issue
// removed, and stays quiet on their linear rewrites.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

async function regexRuleIds(code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: '.config/eslint.config.js' });
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, 'src/ingest/probe.ts') });
  return (result?.messages ?? [])
    .map((m) => m.ruleId ?? `fatal: ${m.message}`)
    .filter((id) => id.startsWith('regexp/') || id.startsWith('fatal'));
}

describe('eslint regexp rules on src/', () => {
  it('flags exponential backtracking (the old feed preamble pattern)', async () => {
    const code = String.raw`export const PREAMBLE = /^(?:\s+|<\?[\s\S]*?\?>|<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>)*/i;`;
    expect(await regexRuleIds(code)).toContain('regexp/no-super-linear-backtracking');
  });

  it('flags a quadratic move (the old dangling-punctuation pattern)', async () => {
    const code = String.raw`export const DANGLING = /[\s,;:.\-–—]+$/;`;
    expect(await regexRuleIds(code)).toEqual(['regexp/no-super-linear-move']);
  });

  it('accepts the linear rewrites', async () => {
    const code = String.raw`export const DANGLING = /(?<![\s,;:.\-–—])[\s,;:.\-–—]+$/;`;
    expect(await regexRuleIds(code)).toEqual([]);
  });
});
