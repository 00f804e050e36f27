// themes.yaml patterns run on untrusted story text, so one that can backtrack super-linearly is
// refused at load time with the theme (or context set) and the pattern named (issue 12); the
// theme compiler refuses it too when handed a ThemeSet that skipped validation.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeBacktrackingRisk } from '../../src/config/regex-safety.js';
import { loadThemes, parseThemes, type ThemeSet } from '../../src/config/themes.js';
import { compileThemes } from '../../src/tagging/compile-themes.js';

const DEFAULT_FILE = fileURLToPath(new URL('../../config/themes.yaml', import.meta.url));

function themesWith(regex: string, flags?: string): unknown {
  return {
    contexts: { money: { regexes: ['£\\d'] } },
    themes: [
      {
        id: 'waiting_times',
        label: 'Waiting times',
        description: 'Waits.',
        rules: [{ phrases: ['waiting list'] }, { regex, ...(flags ? { flags } : {}) }],
      },
    ],
  };
}

const unsafe: { pattern: string; kind: string }[] = [
  { pattern: '(a+)+$', kind: 'exponential' },
  { pattern: '(?:\\w+\\s?)+\\.', kind: 'exponential' },
  { pattern: '\\d+\\s*\\d+%', kind: 'polynomial' },
  { pattern: '\\d.*,.*%', kind: 'polynomial' },
  { pattern: '\\d+ weeks', kind: 'quadratic' },
  { pattern: '\\s+$', kind: 'quadratic' },
  { pattern: '^(?:\\w|\\d)+$', kind: 'exponential' },
  { pattern: '^(?:nhs|trust|n\\w+)*!', kind: 'exponential' },
];

const safe = [
  '\\b\\d+ weeks',
  '£\\d[\\d,.]*\\s?(?:bn|billion|m|million)\\b',
  '\\b(?:award(?:s|ed)?|wins?)\\b[^.;:]{0,40}\\bcontracts?\\b',
  'foot(print)?s?',
  '^(?:ab|a)+$',
  '\\b(?<!carbon )footprints?\\b(?! of)',
];

describe('describeBacktrackingRisk', () => {
  it.each(unsafe)('refuses $pattern ($kind)', ({ pattern, kind }) => {
    expect(describeBacktrackingRisk(pattern, 'i')).toContain(kind);
  });

  it.each(safe)('accepts %s', (pattern) => {
    expect(describeBacktrackingRisk(pattern, 'i')).toBeNull();
  });

  it('leaves a pattern that does not compile to the compile check', () => {
    expect(describeBacktrackingRisk('award(ed', 'i')).toBeNull();
  });
});

describe('themes.yaml', () => {
  it('reports an unsafe theme regex with its path, theme id and pattern', () => {
    const parsed = parseThemes('f.yaml', themesWith('(a+)+$'));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual([
      expect.stringMatching(
        /^f\.yaml: themes\.0\.rules\.1\.regex \(theme "waiting_times"\): regex "\(a\+\)\+\$" can backtrack in exponential time/,
      ),
    ]);
  });

  it('reports an unsafe context regex with its set name', () => {
    const raw = themesWith('\\bok\\b') as { contexts: { money: { regexes: string[] } } };
    raw.contexts.money.regexes.push('\\d+ weeks');
    const parsed = parseThemes('f.yaml', raw);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual([
      expect.stringContaining(
        'f.yaml: contexts.money.regexes.1 (context set "money"): regex "\\\\d+ weeks" takes quadratic time',
      ),
    ]);
  });

  it('accepts every pattern of the shipped config/themes.yaml', () => {
    const loaded = loadThemes(DEFAULT_FILE);
    expect(loaded.ok ? [] : loaded.errors).toEqual([]);
  });
});

describe('compileThemes', () => {
  it('refuses an unsafe regex in a ThemeSet that skipped validation', () => {
    const parsed = parseThemes('f.yaml', themesWith('\\bok\\b'));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const set: ThemeSet = parsed.value;
    const rule = set.themes[0]!.rules[1]!;
    const tampered = {
      ...set,
      themes: [{ ...set.themes[0]!, rules: [{ ...rule, pattern: '(a|a)+$' }] }],
    };
    expect(() => compileThemes(tampered)).toThrow(
      /^tagging: unsafe regex in waiting_times rule 0: \(a\|a\)\+\$ can backtrack in exponential/,
    );
  });
});
