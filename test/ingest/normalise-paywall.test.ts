// Paywalled sources keep headline and standfirst only (DOMAIN.md): the summary never comes from
// the article body, and a description that is really the body keeps only its first sentence.
import { describe, expect, it } from 'vitest';
import type { Source } from '../../src/domain.js';
import { normaliseItem, PAYWALLED_LEAD_MAX, SUMMARY_MAX } from '../../src/ingest/normalise.js';
import type { RawItem } from '../../src/ingest/parsed-feed.js';

const NOW = new Date('2024-03-04T12:00:00Z');

const source = (paywalled: boolean): Source => ({
  id: 'trade',
  name: 'Trade Weekly',
  kind: 'feed',
  url: 'https://trade.example.org/rss',
  pollIntervalMinutes: 30,
  paywalled,
  authority: 0.8,
  enabled: true,
  verified: true,
});

const item = (overrides: Partial<RawItem> = {}): RawItem => ({
  guid: 'https://trade.example.org/story/1',
  link: 'https://trade.example.org/story/1',
  title: 'ICB plans to merge back-office teams across four trusts',
  summaryHtml: '',
  contentHtml: '',
  author: null,
  categories: [],
  published: 'Mon, 04 Mar 2024 08:00:00 GMT',
  ...overrides,
});

const STANDFIRST = 'Four trusts in the north east will share finance and payroll staff from April.';
const BODY = [
  'Four trusts in the north east will share finance and payroll staff from April, under plans seen by this title.',
  'The integrated care board expects the move to save about £6m a year by 2026.',
  'Staff side representatives said they had not yet been consulted on the changes.',
  'A spokesperson for the lead trust said no compulsory redundancies were planned.',
  'Board papers show the programme was first discussed in the autumn.',
  'The merged team would be hosted by the largest of the four providers.',
].join(' ');
const BODY_HTML = BODY.split(/(?<=\.) /)
  .map((s) => `<p>${s}</p>`)
  .join('');

describe('normaliseItem on a paywalled source', () => {
  it.each([
    ['standfirst and body', { summaryHtml: STANDFIRST, contentHtml: BODY_HTML }, STANDFIRST],
    ['body only, no description', { contentHtml: BODY_HTML }, ''],
    [
      'description that is the whole body',
      { summaryHtml: BODY_HTML },
      'Four trusts in the north east will share finance and payroll staff from April, under plans seen by this title.',
    ],
  ])('%s', (_name, overrides, summary) => {
    const story = normaliseItem(item(overrides), source(true), NOW)!;
    expect(story.summary).toBe(summary);
    expect(story.content).toBe('');
    expect(story.paywalled).toBe(true);
    // Nothing after the first sentence of the body may appear anywhere in the story.
    const text = `${story.title} ${story.summary} ${story.content}`;
    expect(text).not.toContain('£6m');
    expect(text).not.toContain('Staff side');
  });

  it('keeps a genuine multi-sentence standfirst up to the summary limit', () => {
    const standfirst =
      'Four trusts will share finance staff. The board expects savings. Unions want talks.';
    const story = normaliseItem(item({ summaryHtml: standfirst }), source(true), NOW)!;
    expect(story.summary).toBe(standfirst);
  });

  it('cuts an over-long first sentence of a body-length description', () => {
    const sentence = `${'Four trusts in the north east will share finance and payroll staff '.repeat(8)}today.`;
    const description = `${sentence} ${BODY}`;
    expect(description.length).toBeGreaterThan(SUMMARY_MAX);
    const story = normaliseItem(item({ summaryHtml: description }), source(true), NOW)!;
    expect(story.summary.length).toBeLessThanOrEqual(PAYWALLED_LEAD_MAX + 1);
    expect(sentence.startsWith(story.summary.replace(/…$/, '').trimEnd())).toBe(true);
  });

  it('never builds a missing title from the body', () => {
    const story = normaliseItem(item({ title: '', contentHtml: BODY_HTML }), source(true), NOW)!;
    expect(story.title).toBe('(untitled)');
    expect(story.summary).toBe('');
  });

  it('open sources still fall back to the body for the summary', () => {
    const story = normaliseItem(item({ contentHtml: BODY_HTML }), source(false), NOW)!;
    expect(story.summary.startsWith('Four trusts in the north east')).toBe(true);
    expect(story.summary).toContain('£6m');
    expect(story.content).toContain('compulsory redundancies');
  });
});
