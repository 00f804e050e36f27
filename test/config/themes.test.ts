// config/themes.yaml validation: every problem reported at once with its path; a bad regex is an
// error; the rules version follows the meaning of the file, not its comments or layout.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadThemes, parseThemes } from '../../src/config/themes.js';

const DEFAULT_FILE = fileURLToPath(new URL('../../config/themes.yaml', import.meta.url));

const GOOD = {
  contexts: { nhs: { phrases: ['trust'], acronyms: ['NHS'] } },
  themes: [
    {
      id: 'stp',
      label: 'STPs',
      description: 'Plans.',
      rules: [{ acronyms: ['STP'], context: ['nhs'] }, { regex: 'foot(print)?s?' }],
      negatives: [{ phrases: ['spanning tree'], veto: true }],
    },
  ],
};

function withTheme(change: Record<string, unknown>): unknown {
  return { ...GOOD, themes: [{ ...GOOD.themes[0], ...change }] };
}

const errorRows: { name: string; raw: unknown; error: string }[] = [
  {
    name: 'a theme may not take an id the digest uses for its own sections',
    raw: withTheme({ id: 'other' }),
    error: 'f.yaml: themes.0.id: reserved id',
  },
  {
    name: 'bad regex names its path',
    raw: withTheme({ rules: [{ regex: 'award(ed' }] }),
    error: 'f.yaml: themes.0.rules.0.regex: invalid regular expression',
  },
  {
    name: 'bad regex flags',
    raw: withTheme({ rules: [{ regex: 'x', flags: 'gx' }] }),
    error: 'themes.0.rules.0.flags',
  },
  {
    name: 'rule with two kinds',
    raw: withTheme({ rules: [{ phrases: ['a'], acronyms: ['B'] }] }),
    error:
      'themes.0.rules.0: a rule needs exactly one of phrases, acronyms, regex or organisations',
  },
  {
    name: 'phrase without letters',
    raw: withTheme({ rules: [{ phrases: ['ok', '--'] }] }),
    error: 'themes.0.rules.0.phrases.1: needs at least one letter or digit',
  },
  {
    name: 'unknown context set',
    raw: withTheme({ rules: [{ acronyms: ['STP'], context: ['nhs', 'chemistry'] }] }),
    error: 'themes.0.rules.0.context.1: unknown context set "chemistry"',
  },
  {
    name: 'negative rule with a positive weight',
    raw: withTheme({ negatives: [{ phrases: ['x'], weight: 2 }] }),
    error: "themes.0.negatives.0.weight: a negative rule's weight must be <= 0",
  },
  {
    name: 'negative rule with neither veto nor weight',
    raw: withTheme({ negatives: [{ phrases: ['x'] }] }),
    error: 'themes.0.negatives.0: a negative rule needs veto: true or a negative weight',
  },
  {
    name: 'alias without "for"',
    raw: withTheme({ aliases: [{ phrases: ['integrated care system'] }] }),
    error: 'themes.0.aliases.0: an alias needs "for"',
  },
  {
    name: 'requires on a phrase rule',
    raw: withTheme({ rules: [{ phrases: ['x'], requires: ['x'] }] }),
    error: 'themes.0.rules.0.requires: requires only applies to regex',
  },
  {
    name: 'bad window date',
    raw: withTheme({ window: { from: '2020-3-1' } }),
    error: 'themes.0.window.from: expected a date YYYY-MM-DD',
  },
  {
    name: 'bad theme id',
    raw: withTheme({ id: 'Covid CIP' }),
    error: 'themes.0.id: lower-case letters, digits and _ only',
  },
  {
    name: 'unknown key (typo)',
    raw: withTheme({ treshold: 2 }),
    error: 'themes.0',
  },
  {
    name: 'duplicate theme id',
    raw: { ...GOOD, themes: [GOOD.themes[0], GOOD.themes[0]] },
    error: 'themes.1.id: duplicate id "stp" (also themes.0)',
  },
];

describe('parseThemes', () => {
  it('accepts a good file', () => {
    const result = parseThemes('f.yaml', GOOD);
    expect(result.ok).toBe(true);
  });

  it.each(errorRows)('$name', ({ raw, error }) => {
    const result = parseThemes('f.yaml', raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toContain(error);
  });

  it('reports every problem at once', () => {
    const raw = {
      ...GOOD,
      themes: [
        { ...GOOD.themes[0], rules: [{ regex: '(' }, { acronyms: ['X'], context: ['nope'] }] },
        { ...GOOD.themes[0], id: 'b', window: { to: 'soon' }, rules: [{ regex: '[' }] },
      ],
    };
    const result = parseThemes('f.yaml', raw);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const text = result.errors.join('\n');
    expect(text).toContain('themes.0.rules.0.regex');
    expect(text).toContain('themes.0.rules.1.context.0: unknown context set "nope"');
    expect(text).toContain('themes.1.window.to');
    expect(text).toContain('themes.1.rules.0.regex');
  });

  it('rulesVersion ignores comments and layout but follows the rules', () => {
    const a = parseThemes('f.yaml', GOOD);
    const b = parseThemes('f.yaml', parse(`# a comment\n${JSON.stringify(GOOD)}`));
    const c = parseThemes('f.yaml', withTheme({ threshold: 2 }));
    if (!a.ok || !b.ok || !c.ok) throw new Error('expected valid');
    expect(a.value.rulesVersion).toMatch(/^[0-9a-f]{12}$/);
    expect(b.value.rulesVersion).toBe(a.value.rulesVersion);
    expect(c.value.rulesVersion).not.toBe(a.value.rulesVersion);
  });
});

describe('loadThemes', () => {
  it('loads the shipped config/themes.yaml with the five requested themes and the defaults', () => {
    const result = loadThemes(DEFAULT_FILE);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const ids = result.value.themes.map((t) => t.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'carter',
        'stp',
        'mcp',
        'procurement',
        'covid_cip',
        'workforce',
        'mental_health',
        'finance',
        'mergers',
        'regulation',
        'social_care',
      ]),
    );
    for (const theme of result.value.themes) {
      expect(theme.label.length).toBeGreaterThan(0);
      expect(theme.description.length).toBeGreaterThan(0);
    }
    // Round 7 (real-e.jsonl): the Covid finance story opens with the 11 March 2020 Budget.
    expect(result.value.themes.find((t) => t.id === 'covid_cip')?.window).toEqual({
      from: '2020-03-11',
      to: '2022-12-31',
    });
    // Round 7: the new care models begin with the Five Year Forward View (October 2014).
    expect(result.value.themes.find((t) => t.id === 'mcp')?.window).toEqual({
      from: '2014-10-01',
      to: null,
    });
  });

  it('reports unreadable files and invalid YAML with the file name, line and column', () => {
    const dir = mkdtempSync(join(tmpdir(), 'themes-'));
    const broken = join(dir, 'themes.yaml');
    writeFileSync(broken, 'themes: [\n');
    const missing = loadThemes(join(dir, 'nope.yaml'));
    const invalid = loadThemes(broken);
    expect(missing.ok ? '' : missing.errors[0]).toContain('nope.yaml: cannot read (ENOENT)');
    expect(invalid.ok ? '' : invalid.errors[0]).toContain(`${broken}:2:1: invalid YAML`);
  });
});
