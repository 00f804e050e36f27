// An organisation's kind as theme evidence: `organisations: { kind: vanguard }` in
// config/themes.yaml makes a named vanguard count for new care models (mcp), from the same
// gazetteer scan entity extraction uses; the schema checks the rule; a place alone counts nothing.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadOrganisations } from '../../src/config/organisations.js';
import { loadThemes, parseThemes } from '../../src/config/themes.js';
import { annotateStory } from '../../src/tagging/annotate-story.js';
import { compileThemes } from '../../src/tagging/compile-themes.js';
import { compileGazetteer } from '../../src/tagging/organisations.js';
import { tagStory } from '../../src/tagging/tag-story.js';

const CONFIG = (name: string) => fileURLToPath(new URL(`../../config/${name}`, import.meta.url));
const themes = loadThemes(CONFIG('themes.yaml'));
const organisations = loadOrganisations(CONFIG('organisations.yaml'));
if (!themes.ok || !organisations.ok) throw new Error('config does not load');
const compiled = compileThemes(themes.value);
const gazetteer = compileGazetteer(organisations.value);

function mcp(title: string, summary = '', content = '') {
  const story = { title, summary, content, publishedAt: '2016-06-01T09:00:00Z' };
  return annotateStory(story, compiled, gazetteer).tags.find((t) => t.theme === 'mcp');
}

describe('a named vanguard is evidence for new care models', () => {
  it('tags mcp from the vanguard alone, with the organisation as evidence', () => {
    const tag = mcp('Fylde Coast vanguard cuts A&E visits by a fifth');
    expect(tag?.evidence).toEqual([
      expect.objectContaining({
        rule: 'organisation:Fylde Coast vanguard',
        kind: 'organisation',
        field: 'title',
        match: 'Fylde Coast vanguard',
      }),
    ]);
    expect(
      mcp('Board backs plan', 'Stockport Together will pool budgets next year.'),
    ).toBeDefined();
  });

  it('does not tag from a place alone, or from the text without the organisation scan', () => {
    expect(mcp('Fylde Coast beaches reopen after storm')).toBeUndefined();
    expect(mcp('Dudley council sets budget')).toBeUndefined();
    const story = { title: 'Stockport Together pools health and council budgets', summary: '' };
    expect(tagStory(story, compiled).tags.map((t) => t.theme)).not.toContain('mcp');
    expect(annotateStory(story, compiled, gazetteer).tags.map((t) => t.theme)).toContain('mcp');
  });

  it('counts once per field, however many vanguards a title names', () => {
    const tag = mcp('Dudley MCP and Stockport Together share lessons');
    expect(tag?.evidence.filter((e) => e.kind === 'organisation')).toHaveLength(1);
  });
});

describe('the organisations rule in themes.yaml', () => {
  const base = {
    themes: [
      {
        id: 'mcp',
        label: 'MCPs',
        description: 'New care models.',
        rules: [{ phrases: ['new care model'] }],
      },
    ],
  };
  const withRule = (rule: Record<string, unknown>) => ({
    themes: [{ ...base.themes[0], rules: [...base.themes[0]!.rules, rule] }],
  });

  it('accepts a kind or a list of kinds, and records them', () => {
    const one = parseThemes('t.yaml', withRule({ organisations: { kind: 'vanguard' } }));
    const many = parseThemes('t.yaml', withRule({ organisations: { kind: ['ccg', 'stp'] } }));
    expect(one.ok && one.value.themes[0]!.rules[1]).toMatchObject({
      kind: 'organisation',
      organisationKinds: ['vanguard'],
    });
    expect(many.ok && many.value.themes[0]!.rules[1]!.organisationKinds).toEqual(['ccg', 'stp']);
  });

  it('rejects an unknown kind, a second match kind, and unknown keys, with the path', () => {
    const unknown = parseThemes('t.yaml', withRule({ organisations: { kind: 'hospital' } }));
    expect(unknown.ok).toBe(false);
    expect(!unknown.ok && unknown.errors.join('\n')).toMatch(/themes\.0\.rules\.1\.organisations/);
    const both = parseThemes(
      't.yaml',
      withRule({ organisations: { kind: 'vanguard' }, phrases: ['vanguard'] }),
    );
    expect(!both.ok && both.errors.join('\n')).toMatch(/exactly one of/);
    const extra = parseThemes('t.yaml', withRule({ organisations: { kind: 'vanguard', id: 'x' } }));
    expect(extra.ok).toBe(false);
  });
});
