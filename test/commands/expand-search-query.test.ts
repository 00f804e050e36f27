// Query expansion through the shared vocabulary built from the real config (themes.yaml,
// search.yaml, organisations.yaml): both directions, senses, organisations, limits and safety.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, cpSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptySearchQuery } from '../../src/commands/parse-search-query.js';
import {
  expandSearchQuery,
  MAX_ALTERNATIVES,
  MAX_GROUPS,
} from '../../src/commands/expand-search-query.js';
import { buildSearchVocabulary } from '../../src/commands/search-vocabulary.js';
import { loadConfig, loadConfigOrThrow } from '../../src/config/load.js';
import type { SearchQuery } from '../../src/domain.js';

const config = loadConfigOrThrow('config');
const vocabulary = buildSearchVocabulary(config);

function query(terms: string[], extra: Partial<SearchQuery> = {}): SearchQuery {
  return { ...emptySearchQuery(), terms, ...extra };
}

function expand(terms: string[], extra: Partial<SearchQuery> = {}) {
  return expandSearchQuery(query(terms, extra), vocabulary);
}

describe('expandSearchQuery', () => {
  it('expands an acronym to its long form, in any case, with the theme of its sense', () => {
    for (const typed of ['ICS', 'ics']) {
      const [e] = expand([typed]);
      expect(e?.terms).toEqual([typed]);
      expect(e?.alternatives).toContain('integrated care system');
      expect(e?.themes).toContain('stp');
    }
  });

  it('expands a long form (typed as words, plural or quoted) to its acronym', () => {
    expect(expand(['integrated', 'care', 'systems'])[0]).toMatchObject({
      terms: ['integrated', 'care', 'systems'],
      alternatives: ['ICS'],
    });
    const quoted = expandSearchQuery(
      query([], { phrases: ['multispecialty community provider'] }),
      vocabulary,
    );
    expect(quoted[0]).toMatchObject({ phrase: 'multispecialty community provider' });
    expect(quoted[0]?.alternatives).toEqual(['MCP']);
  });

  it('pairs derived from themes.yaml initials and listed in search.yaml both work', () => {
    expect(expand(['PACS'])[0]?.alternatives).toContain('primary and acute care system');
    expect(expand(['GIRFT'])[0]?.alternatives).toContain('Getting It Right First Time');
    expect(expand(['CIP'])[0]?.alternatives).toContain('cost improvement');
    expect(expand(['cost', 'improvement'])[0]?.alternatives).toEqual(['CIP']);
    expect(expand(['MCP'])[0]?.themes).toContain('mcp');
  });

  it('expands organisations by acronym, name and code to each other and their facet', () => {
    expect(expand(['CQC'])[0]).toMatchObject({
      alternatives: ['Care Quality Commission'],
      organisationIds: ['cqc'],
    });
    expect(expand(['care', 'quality', 'commission'])[0]).toMatchObject({
      alternatives: ['CQC'],
      organisationIds: ['cqc'],
    });
    expect(expand(['RNA'])[0]).toMatchObject({
      alternatives: ['The Dudley Group NHS Foundation Trust'],
      organisationIds: ['RNA'],
    });
    // Codes are case-sensitive: "rna" is a word.
    expect(expand(['rna'])).toEqual([]);
  });

  it('keeps other words as they are and never expands exclusions or prefixes', () => {
    const out = expand(['funding', 'ICB', 'row'], { excluded: ['ICS'], prefixes: ['STP'] });
    // "funding" is a finance theme word: it only says which sense ranks first.
    expect(out.find((e) => e.terms[0] === 'funding')).toMatchObject({ alternatives: [] });
    const searched = out.filter((e) => e.alternatives.length > 0);
    expect(searched.map((e) => e.terms)).toEqual([['ICB']]);
  });

  it('stays bounded for a query of many acronyms', () => {
    const terms = Array.from({ length: 32 }, (_, i) => ['ICS', 'ICB', 'STP', 'MCP'][i % 4]!);
    const out = expand(terms);
    expect(out.length).toBe(MAX_GROUPS);
    for (const e of out) expect(e.alternatives.length).toBeLessThanOrEqual(MAX_ALTERNATIVES);
  });
});

describe('config/search.yaml', () => {
  it('is optional and rejects a theme that does not exist', () => {
    const dir = mkdtempSync(join(tmpdir(), 'search-config-'));
    cpSync('config', dir, { recursive: true });
    writeFileSync(
      join(dir, 'search.yaml'),
      'expansions:\n  - acronym: XYZ\n    longForms: [x y z]\n    theme: nonesuch\n',
    );
    const bad = loadConfig(dir);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.join('\n')).toMatch(/expansions\.0\.theme: unknown theme/);
    writeFileSync(
      join(dir, 'search.yaml'),
      'expansions:\n  - acronym: "<!x>"\n    longForms: []\n',
    );
    const invalid = loadConfig(dir);
    expect(invalid.ok).toBe(false);
  });
});
