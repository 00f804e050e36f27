// Paging a web search backwards: pages hold one result per cluster, so offsets have no fixed
// stride; each "Next page" link carries the offsets before it (`back`) and "Previous page" returns
// to exactly the page before, over the real archive fixture and the real page renderer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchPage } from '../../src/domain.js';
import { renderSearchPage } from '../../src/web/html/search-page.js';
import { parseTrail } from '../../src/web/pages/search.js';
import { createArchiveFixture, type ArchiveFixture } from './archive-fixture.js';

let fixture: ArchiveFixture;
beforeAll(async () => {
  fixture = await createArchiveFixture();
});
afterAll(async () => {
  await fixture?.close();
});

async function page(url: string): Promise<string> {
  const response = await fixture.server.inject({ method: 'GET', url });
  expect(response.statusCode).toBe(200);
  return /<nav class="pager"[^>]*>([\s\S]*?)<\/nav>/.exec(response.body)?.[1] ?? '';
}

describe('search pages link back one page at a time', () => {
  it('a later page links to the page before it, the first page and the next, each with its trail', async () => {
    const response = await fixture.server.inject({ method: 'GET', url: '/api/search?q=carter' });
    const real = JSON.parse(response.body) as SearchPage;
    // The archive fixture is small: take its real first page and pretend it is the third.
    const third: SearchPage = { ...real, query: { ...real.query, offset: 23 }, nextOffset: 35 };
    const html = renderSearchPage(
      'carter',
      { kind: 'results', page: third },
      'Europe/London',
      [0, 11],
    );
    const pager = /<nav class="pager"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '';
    expect(pager).toContain('<a href="/search?q=carter">First page</a>');
    expect(pager).toContain('<a href="/search?q=carter&amp;offset=11&amp;back=0" rel="prev">');
    expect(pager).toContain(
      '<a href="/search?q=carter&amp;offset=35&amp;back=0%2C11%2C23" rel="next">',
    );
  });

  it('the second page goes back to the first with "Previous page" only', async () => {
    const pager = await page('/search?q=carter&offset=1&back=0');
    expect(pager).toContain('<a href="/search?q=carter" rel="prev">Previous page</a>');
    expect(pager).not.toContain('First page');
  });

  it('a link without a trail, or with a forged one, offers the first page instead', async () => {
    expect(await page('/search?q=carter&offset=1')).toContain('>First page</a>');
    for (const back of ['5', '0,0', 'x', '-1', `${'0,'.repeat(60)}0`]) {
      const pager = await page(`/search?q=carter&offset=1&back=${encodeURIComponent(back)}`);
      expect(pager).toContain('>First page</a>');
      expect(pager).not.toContain('Previous page');
    }
  });

  it('parseTrail accepts only ascending offsets below the page', () => {
    expect(parseTrail('0,11,23', '35')).toEqual([0, 11, 23]);
    expect(parseTrail('0,23,11', '35')).toEqual([]);
    expect(parseTrail('0,35', '35')).toEqual([]);
    expect(parseTrail(null, '35')).toEqual([]);
  });
});
