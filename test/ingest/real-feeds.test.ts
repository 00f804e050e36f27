// Real captured feeds shipped with the repository (test/fixtures/real-feeds, with their licences):
// a bare clone, without ../shared/parser-suites, still reads real-world documents end to end
// (decode, parse, normalise), including an undeclared windows-1252 feed and relative Atom links.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Source } from '../../src/domain.js';
import { readDocument } from '../../src/ingest/read-document.js';

const SOURCE: Source = {
  id: 'real',
  name: 'Real',
  kind: 'feed',
  url: 'https://example.org/feed',
  pollIntervalMinutes: 30,
  paywalled: false,
  authority: 0.5,
  enabled: true,
  verified: true,
};

async function read(name: string) {
  const bytes = readFileSync(new URL(`../fixtures/real-feeds/${name}`, import.meta.url));
  const result = await readDocument(SOURCE, bytes, {
    contentType: null,
    finalUrl: SOURCE.url,
    now: new Date('2026-12-01T09:00:00Z'),
  });
  if (!result.ok) throw new Error(`${name}: ${result.reason}`);
  return result;
}

describe('real-world feeds', () => {
  it('UOL Notícias: undeclared windows-1252 is decoded, not mangled', async () => {
    const doc = await read('uolNoticias.rss');
    expect(doc.encoding).toBe('windows-1252');
    expect(doc.stories).toHaveLength(15);
    expect(doc.stories[0]).toMatchObject({
      title: 'Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações de 2º turno',
      url: 'https://noticias.uol.com.br/politica/eleicoes/2018/noticias/2018/09/24/ibope-bolsonaro-perde-de-haddad-ciro-e-alckmin-em-simulacoes-de-2-turno.htm',
    });
  });

  it('gulp releases (Atom): relative links resolve against the feed URL', async () => {
    const doc = await read('gulp-atom.atom');
    expect(doc.stories).toHaveLength(10);
    expect(doc.stories[0]).toMatchObject({
      title: 'v3.9.0',
      url: 'https://example.org/gulpjs/gulp/releases/tag/v3.9.0',
      publishedAt: '2015-06-01T21:49:41.000Z',
      publishedEstimated: false,
    });
  });

  it('heise Developer (Atom): German text and dates', async () => {
    const doc = await read('heise.atom');
    expect(doc.stories).toHaveLength(15);
    expect(doc.stories[1]).toMatchObject({
      title: 'Scrum Day 2016: Bewerbungen für Vorträge und Workshops',
      publishedAt: '2016-02-01T13:29:00.000Z',
    });
  });

  it('PCMag via FeedBurner: illegally nested markup still gives every item', async () => {
    const doc = await read('illegally-nested.xml');
    expect(doc.stories).toHaveLength(10);
    expect(doc.stories[0]).toMatchObject({
      title: 'My Professional Armchair Analysis of CES',
      publishedAt: '2018-01-17T20:50:00.000Z',
    });
    expect(doc.stories.every((s) => s.url?.startsWith('http://feedproxy.google.com/'))).toBe(true);
  });

  it('Narro: a one-item podcast feed', async () => {
    const doc = await read('narro.rss');
    expect(doc.stories.map((s) => [s.title, s.url])).toEqual([
      ['FAQ for Narro', 'https://www.narro.co/article/54e703933058540300000069'],
    ]);
  });
});
