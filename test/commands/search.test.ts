// search over a real archive: words and filters, paging with nextOffset, errors that help.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCommandText } from '../../src/commands/parse-command-text.js';
import { runCommand, runCommandText } from '../../src/commands/run-command.js';
import type { CommandResult } from '../../src/commands/types.js';
import type { SearchPage } from '../../src/domain.js';
import { createAppFixture, procurementStories, type AppFixture } from '../helpers/app-fixture.js';

let app: AppFixture;
beforeAll(() => {
  app = createAppFixture();
  app.seed(procurementStories(25));
});
afterAll(() => app.close());

function page(result: CommandResult): SearchPage {
  expect(result.kind, JSON.stringify(result)).toBe('search');
  return (result as Extract<CommandResult, { kind: 'search' }>).page;
}

function search(text: string): SearchPage {
  return page(runCommandText(text, app.invocation(), app.deps));
}

describe('search', () => {
  it('finds a story by its words', () => {
    const result = search('search procurement league table');
    expect(result.hits.map((h) => h.id)).toContain('fx-procurement-league');
    const hit = result.hits.find((h) => h.id === 'fx-procurement-league')!;
    expect(hit.url).toBe('https://www.gov.uk/government/news/fixture-procurement-league-table');
    expect(hit.publishedAt).toBe('2017-02-13T11:00:00.000Z');
  });

  it('narrows by source and dates', () => {
    expect(
      search('search carter source:nhse-news')
        .hits.map((h) => h.id)
        .sort(),
    ).toEqual(['fx-carter-anniversary', 'fx-model-hospital']);
    expect(search('search carter source:nhse-news since:2017-02-13').hits.map((h) => h.id)).toEqual(
      ['fx-model-hospital'],
    );
    expect(search('search carter until:2017-01-01').hits).toEqual([]);
  });

  it('narrows by organisation, by name or code', () => {
    const byName = search('search org:"Dudley Group"').hits.map((h) => h.id);
    expect(byName).toContain('fx-model-hospital');
    expect(byName).not.toContain('fx-procurement-league');
    expect(search('search org:RNA').hits.map((h) => h.id)).toEqual(byName);
  });

  it('filters by theme with only a filter', () => {
    const result = search('search theme:procurement week:2017-W05');
    expect(result.total).toBe(25);
    expect(result.hits.every((h) => h.themes.includes('procurement'))).toBe(true);
  });

  it('pages through results with nextOffset until the end', () => {
    const seen: string[] = [];
    const first = search('search framework agreement tender');
    expect(first.total).toBe(25);
    expect(first.hits).toHaveLength(10);
    expect(first.nextOffset).toBe(10);
    seen.push(...first.hits.map((h) => h.id));
    const second = search('search framework agreement tender page:2');
    expect(second.query.offset).toBe(10);
    expect(second.nextOffset).toBe(20);
    seen.push(...second.hits.map((h) => h.id));
    const third = search('search framework agreement tender page:3');
    expect(third.hits).toHaveLength(5);
    expect(third.nextOffset).toBeNull();
    seen.push(...third.hits.map((h) => h.id));
    expect(new Set(seen).size).toBe(25);
    const beyond = search('search framework agreement tender page:4');
    expect(beyond.hits).toEqual([]);
    expect(beyond.nextOffset).toBeNull();
  });

  it('follows a "more results" request built from a page (what a button sends back)', () => {
    const first = search('search framework agreement tender');
    const next = page(
      runCommand(
        { command: 'search', query: { ...first.query, offset: first.nextOffset! } },
        app.invocation(),
        app.deps,
      ),
    );
    expect(next.query.offset).toBe(10);
    expect(next.hits.map((h) => h.id)).not.toContain(first.hits[0]!.id);
  });

  it('clamps a hand-built request that asks for too much', () => {
    const parsed = parseCommandText('search tender', app.deps);
    if (!parsed.ok || parsed.request.command !== 'search') throw new Error('expected a search');
    const result = page(
      runCommand(
        { command: 'search', query: { ...parsed.request.query, limit: 1_000_000, offset: -5 } },
        app.invocation(),
        app.deps,
      ),
    );
    expect(result.query.limit).toBe(50);
    expect(result.query.offset).toBe(0);
    expect(result.hits.length).toBeLessThanOrEqual(50);
  });

  it.each([
    ['search nhs theme:cartr', /unknown theme 'cartr' — did you mean 'carter'\?/],
    ['search nhs source:hjs', /unknown source 'hjs' — did you mean 'hsj'\?/],
    ['search nhs since:2017-02-30', /since: expects a date/],
    ['search nhs org:"Trust of Nowhere"', /no NHS organisation known as 'Trust of Nowhere'/],
  ])('%j is an error that says what works', (text, message) => {
    const result = runCommandText(text, app.invocation(), app.deps);
    expect(result.kind).toBe('error');
    if (result.kind === 'error') {
      expect(result.message).toMatch(message);
      expect(result.hint).not.toBeNull();
    }
  });

  it('treats FTS and SQL syntax as words and leaves the archive alone', () => {
    const before = app.db.prepare('SELECT count(*) AS n FROM stories').get() as { n: number };
    for (const text of [
      'search NHS AND (',
      'search NEAR(carter stp, 5)',
      "search '; DROP TABLE stories; --",
      'search title:carter OR {summary}:stp',
      'search "unterminated',
      'search ^carter*',
    ]) {
      const result = runCommandText(text, app.invocation(), app.deps);
      expect(['search', 'error']).toContain(result.kind);
    }
    const after = app.db.prepare('SELECT count(*) AS n FROM stories').get() as { n: number };
    expect(after.n).toBe(before.n);
  });
});
