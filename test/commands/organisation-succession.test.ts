// Following an organisation through its succession on request (`org:<name>+succession`), over a
// real SQLite archive: a CCG into the CCG it merged into and then its ICB, an ICB back to its
// predecessor CCGs, never siblings, and plain `org:` unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSuccessionLine,
  splitSuccession,
} from '../../src/commands/organisation-succession.js';
import { runCommandText } from '../../src/commands/run-command.js';
import type { CommandResult } from '../../src/commands/types.js';
import type { Story } from '../../src/domain.js';
import { createAppFixture, type AppFixture } from '../helpers/app-fixture.js';

function story(id: string, title: string, publishedAt: string): Story {
  return {
    id,
    sourceId: 'nhse-news',
    guid: null,
    url: `https://example.org/${id}`,
    title,
    summary: 'Board papers set out the plans for the coming year.',
    content: '',
    author: null,
    categories: [],
    publishedAt,
    publishedEstimated: false,
    paywalled: false,
  };
}

const STORIES = [
  story('s-dudley', 'Dudley CCG consults on urgent care budget', '2019-05-01T09:00:00.000Z'),
  story('s-walsall', 'Walsall CCG appoints accountable officer', '2019-06-01T09:00:00.000Z'),
  story('s-bcwb', 'Black Country and West Birmingham CCG sets budget', '2021-05-01T09:00:00.000Z'),
  story('s-icb', 'Black Country ICB sets budget for 2023', '2023-03-01T09:00:00.000Z'),
  story('s-cqc', 'Care Quality Commission warns on quality of care', '2023-03-02T09:00:00.000Z'),
  story('s-darlington', 'Darlington CCG sets budget', '2019-05-02T09:00:00.000Z'),
];

let app: AppFixture;
beforeAll(() => {
  app = createAppFixture({ stories: STORIES });
});
afterAll(() => app.close());

function ids(text: string): string[] {
  const result: CommandResult = runCommandText(text, app.invocation(), app.deps);
  expect(result.kind, JSON.stringify(result)).toBe('search');
  const page = (result as Extract<CommandResult, { kind: 'search' }>).page;
  return page.hits.map((h) => h.id).sort();
}

describe('org:<name>+succession', () => {
  it('plain org: is that one organisation only', () => {
    expect(ids('search org:QUA')).toEqual(['s-icb']);
    expect(ids('search org:05C')).toEqual(['s-dudley']);
  });

  it('follows a CCG into its successor CCG and ICB, never to a sibling', () => {
    const expected = ['s-bcwb', 's-dudley', 's-icb'];
    expect(ids('search org:05C+succession')).toEqual(expected);
    expect(ids('search org:"Dudley CCG+succession"')).toEqual(expected);
    expect(ids('search budget org:05C+successors')).toEqual(expected);
  });

  it('finds an ICB with the CCGs before it', () => {
    expect(ids('search org:QUA+succession')).toEqual(['s-bcwb', 's-dudley', 's-icb', 's-walsall']);
    expect(ids('search budget org:"Black Country ICB+succession"')).toEqual([
      's-bcwb',
      's-dudley',
      's-icb',
    ]);
  });

  it('lets a channel follow a CCG into its ICB', () => {
    const result = runCommandText(
      'subscribe org:"Dudley CCG+succession"',
      app.invocation({ isAdmin: true }),
      app.deps,
    );
    expect(result.kind, JSON.stringify(result)).toBe('subscribed');
    const subscription = (result as Extract<CommandResult, { kind: 'subscribed' }>).subscription;
    expect(subscription.organisations).toEqual(['05C', 'D2P2L', 'QUA']);
  });
});

describe('createSuccessionLine', () => {
  it('walks successors, then predecessors, and survives a cycle', () => {
    const line = createSuccessionLine([
      { id: 'a', successors: ['b'] },
      { id: 'sibling', successors: ['b'] },
      { id: 'b', successors: ['c'] },
      { id: 'c', successors: [] },
      { id: 'x', successors: ['y'] },
      { id: 'y', successors: ['x'] },
    ]);
    expect(line('a')).toEqual(['a', 'b', 'c']);
    expect(line('c')).toEqual(['c', 'b', 'a', 'sibling']);
    expect(line('x')).toEqual(['x', 'y']);
  });

  it('reads the suffix, with or without spaces, in either spelling', () => {
    expect(splitSuccession('05C+succession')).toEqual({ name: '05C', follow: true });
    expect(splitSuccession('Dudley CCG + Successors')).toEqual({
      name: 'Dudley CCG',
      follow: true,
    });
    expect(splitSuccession('Dudley CCG')).toEqual({ name: 'Dudley CCG', follow: false });
  });
});
