// OPML in and out: lists written by hand in the documented shapes of other readers' exports
// (Feedly, Miniflux, NetNewsWire, Thunderbird), hostile files, and config/sources.yaml edited with
// its comments kept. The CLI round trip is in test/cli/sources-opml.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { appendSources, slugId } from '../../src/config/append-sources.js';
import { MAX_OPML_OUTLINES, readOpml } from '../../src/config/opml-read.js';
import { writeOpml } from '../../src/config/opml-write.js';
import type { Source } from '../../src/domain.js';

const fixture = (name: string) => readFileSync(join('test/fixtures/opml', name), 'utf8');

function feedsOf(name: string) {
  const read = readOpml(fixture(name));
  if (!read.ok) throw new Error(read.error);
  return read;
}

describe("reading other readers' OPML exports", () => {
  it('Feedly: folders, entities decoded, site addresses', () => {
    const read = feedsOf('feedly.opml');
    expect(read.title).toBe('Analyst subscriptions in feedly Cloud');
    expect(read.feeds.map((f) => [f.name, f.url, f.folders.join('/')])).toEqual([
      ["The King's Fund", 'https://www.kingsfund.org.uk/rss/feeds/all', 'Think tanks'],
      ['Nuffield Trust', 'https://www.nuffieldtrust.org.uk/feed', 'Think tanks'],
      ['NHS England news', 'https://www.england.nhs.uk/news/feed/', 'Official'],
    ]);
    expect(read.feeds[0]?.siteUrl).toBe('https://www.kingsfund.org.uk/');
  });

  it('Miniflux: OPML 2.0 without type attributes', () => {
    const names = feedsOf('miniflux.opml').feeds.map((f) => f.name);
    expect(names).toEqual(['Health Foundation news & comment', 'Pulse']);
  });

  it('NetNewsWire: nested folders; a non-http feed is skipped with a reason', () => {
    const read = feedsOf('netnewswire.opml');
    expect(read.feeds).toHaveLength(1);
    expect(read.feeds[0]?.folders).toEqual(['Health', 'Work']);
    expect(read.skipped).toEqual([
      'Gopher mirror: not an http(s) feed address (gopher://example.org/feed)',
    ]);
  });

  it('Thunderbird: title only, account folder, empty folders ignored', () => {
    const read = feedsOf('thunderbird.opml');
    expect(read.feeds.map((f) => f.name)).toEqual(['Nursing Times']);
    expect(read.feeds[0]?.folders).toEqual(['Blogs & News Feeds']);
  });
});

describe('hostile or broken OPML', () => {
  it('a file that is not OPML is an error value', () => {
    expect(readOpml('<rss><channel/></rss>')).toEqual({
      ok: false,
      error: 'not an OPML file: no <opml> element with a <body>',
    });
    expect(readOpml('not xml at all').ok).toBe(false);
  });

  it('never expands external entities', () => {
    const text = `<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]>
      <opml version="2.0"><body><outline text="&x;" xmlUrl="https://example.org/feed"/></body></opml>`;
    const read = readOpml(text);
    expect(read.ok && read.feeds[0]?.name).not.toContain('root:');
  });

  it('refuses a list with more outlines than any reading list', () => {
    const outlines = '<outline text="f" xmlUrl="https://example.org/f"/>'.repeat(
      MAX_OPML_OUTLINES + 1,
    );
    const read = readOpml(`<opml><body>${outlines}</body></opml>`);
    expect(read.ok).toBe(false);
  });

  it('keeps names short and on one line', () => {
    const read = readOpml(
      `<opml><body><outline text="${'A'.repeat(500)}&#10;line" xmlUrl="https://example.org/f"/></body></opml>`,
    );
    expect(read.ok && read.feeds[0]?.name.length).toBe(200);
  });
});

const SOURCES_YAML = readFileSync('config/sources.yaml', 'utf8');

describe('appending to config/sources.yaml', () => {
  it('keeps every comment line and appends the new feeds, skipping known addresses', () => {
    const feeds = feedsOf('feedly.opml').feeds;
    const outcome = appendSources(SOURCES_YAML, feeds);
    if (!outcome.ok) throw new Error(outcome.error);
    const comments = SOURCES_YAML.split('\n').filter((l) => l.trim().startsWith('#'));
    for (const line of comments) expect(outcome.value.text).toContain(line.trim());
    expect(outcome.value.skipped.some((s) => s.startsWith('NHS England news'))).toBe(true);
    const after = parse(outcome.value.text) as { sources: { id: string; verified?: boolean }[] };
    const before = parse(SOURCES_YAML) as { sources: unknown[] };
    expect(after.sources.length).toBe(before.sources.length + outcome.value.added.length);
    for (const added of outcome.value.added) {
      expect(after.sources.find((s) => s.id === added.id)?.verified).toBe(false);
    }
    expect(outcome.value.text).toContain('# Imported from OPML (folder: Think tanks)');
  });

  it('refuses to edit a file that does not validate', () => {
    expect(appendSources('sources: [{ id: Bad Id }]', [])).toEqual({
      ok: false,
      error: 'config/sources.yaml does not validate; fix it before importing',
    });
  });

  it('makes unique, valid ids from any name', () => {
    const taken = new Set(['pulse']);
    expect(slugId('Pulse', taken)).toBe('pulse-2');
    expect(slugId("The King's Fund", taken)).toBe('the-kings-fund');
    expect(slugId('¡¡¡', taken)).toBe('feed');
    expect(slugId('2020 Health', taken)).toBe('2020-health');
  });
});

describe('writing OPML', () => {
  const sources: Source[] = [
    {
      id: 'a',
      name: 'Ampersand & <Co> "quoted"\u0007',
      kind: 'feed',
      url: 'https://example.org/a?x=1&y=2',
      pollIntervalMinutes: 30,
      paywalled: false,
      authority: 0.5,
      enabled: true,
      verified: true,
    },
    {
      id: 'b',
      name: 'Off',
      kind: 'feed',
      url: 'https://example.org/b',
      pollIntervalMinutes: 30,
      paywalled: false,
      authority: 0.5,
      enabled: false,
      verified: true,
    },
    {
      id: 'page--one',
      name: 'Listing',
      kind: 'html',
      url: 'https://example.org/c',
      pollIntervalMinutes: 30,
      paywalled: false,
      authority: 0.5,
      enabled: true,
      verified: true,
    },
  ];
  const text = writeOpml(sources, { title: 'T', now: new Date('2026-12-03T10:00:00Z') });

  it('reads back what it wrote, escaped, with listings named in a comment', () => {
    const read = readOpml(text);
    if (!read.ok) throw new Error(read.error);
    expect(read.feeds.map((f) => [f.name, f.url])).toEqual([
      ['Ampersand & <Co> "quoted"', 'https://example.org/a?x=1&y=2'],
      ['Off', 'https://example.org/b'],
    ]);
    expect(text).toContain('<!-- HTML listing pages, not feeds: page- -one -->');
    expect(text).toContain('category="/briefing/disabled"');
    expect(text).toContain('<dateCreated>Thu, 03 Dec 2026 10:00:00 GMT</dateCreated>');
  });
});
