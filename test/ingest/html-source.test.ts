// HTML listing sources (declared selectors) and feed autodiscovery.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findFeedLinks } from '../../src/ingest/autodiscover.js';
import { parseHtmlListing } from '../../src/ingest/html-source.js';

describe('HTML listing and autodiscovery', () => {
  const html = readFileSync(new URL('../fixtures/html/listing.html', import.meta.url), 'utf8');
  const selectors = {
    item: 'article.teaser',
    title: '.teaser__title',
    link: '.teaser__title a',
    date: 'time',
    summary: '.teaser__summary',
  };

  it('reads teasers with the declared selectors', () => {
    const feed = parseHtmlListing(html, 'https://thinktank.example.org/publications', selectors);
    expect(feed).toMatchObject({
      title: 'Example Health Think Tank',
      format: 'html-listing',
      parser: 'html-listing',
    });
    expect(feed.items.map((i) => [i.title, i.link, i.published])).toEqual([
      [
        'The NHS deficit in 2016/17',
        'https://thinktank.example.org/publications/nhs-deficit-2017',
        '2017-02-14T08:00:00Z',
      ],
      [
        'Vanguards evaluated',
        'https://thinktank.example.org/publications/vanguards-evaluated?utm_source=home',
        '9 January 2017',
      ],
      [
        'Social care funding: the gap widens',
        'https://thinktank.example.org/publications/social-care-funding',
        null,
      ],
    ]);
    expect(feed.items[0]!.summaryHtml).toBe(
      'Trusts ended the year £791m in the red. We look at which sectors drove the gap.',
    );
    expect(feed.items[1]!.summaryHtml).not.toContain('alert');
  });

  it('finds advertised feeds, absolute, and nothing on a page without them', () => {
    const page = readFileSync(
      new URL('../fixtures/html/autodiscovery.html', import.meta.url),
      'utf8',
    );
    expect(findFeedLinks(page, 'https://body.example.org/news')).toEqual([
      'https://body.example.org/news/feed/',
      'https://blog.example.org/atom.xml',
    ]);
    expect(findFeedLinks(html, 'https://thinktank.example.org/')).toEqual([]);
  });
});
