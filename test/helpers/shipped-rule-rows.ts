// Rows of real headlines checked against the shipped rules (config/themes.yaml and
// config/organisations.yaml), tagged exactly as polling tags them. Each tuning round keeps its
// rows in its own test file (test/tagging/round*-rules.test.ts) and runs them through here.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadOrganisations } from '../../src/config/organisations.js';
import { loadThemes } from '../../src/config/themes.js';
import { annotateStory } from '../../src/tagging/annotate-story.js';
import { compileThemes } from '../../src/tagging/compile-themes.js';
import { compileGazetteer } from '../../src/tagging/organisations.js';

export interface RuleRow {
  /** The fixture item's id and why the row matters. */
  id: string;
  title: string;
  summary: string;
  date: string;
  has: string[];
  not: string[];
}

const file = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

let shipped: ((title: string, summary: string, publishedAt: string) => string[]) | undefined;

/** The theme ids the shipped rules give a headline and standfirst published on that date. */
export function shippedThemesOf(title: string, summary: string, publishedAt: string): string[] {
  if (!shipped) {
    const themes = loadThemes(file('config/themes.yaml'));
    const organisations = loadOrganisations(file('config/organisations.yaml'));
    if (!themes.ok || !organisations.ok) throw new Error('shipped rules: default config invalid');
    const compiled = compileThemes(themes.value);
    const gazetteer = compileGazetteer(organisations.value);
    shipped = (t, s, p) =>
      annotateStory(
        { title: t, summary: s, publishedAt: p },
        compiled,
        gazetteer,
        'tags-only',
      ).tags.map((tag) => tag.theme);
  }
  return shipped(title, summary, publishedAt);
}

/** One test per row: the row's `has` themes are given, none of its `not` themes is. */
export function describeRuleRows(name: string, rows: readonly RuleRow[]): void {
  describe(name, () => {
    it.each(rows.map((r) => [r.id, r] as const))('%s', (_id, row) => {
      const tagged = shippedThemesOf(row.title, row.summary, row.date);
      expect(tagged).toEqual(expect.arrayContaining(row.has));
      for (const theme of row.not) expect(tagged).not.toContain(theme);
    });
  });
}
