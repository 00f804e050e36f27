// What every archive page promises whatever the feeds say: a strict Content-Security-Policy and
// the other safety headers, plain accessible HTML (one h1, lang, skip link, no script, no inline
// style), hostile feed text shown as text, only http(s) links out, and bad addresses answered
// with a page rather than an error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/web/server.js';
import { createArchiveFixture, HOSTILE_TITLE, type ArchiveFixture } from './archive-fixture.js';

let fixture: ArchiveFixture;
beforeAll(async () => {
  fixture = await createArchiveFixture();
});
afterAll(async () => {
  await fixture?.close();
});

async function get(url: string) {
  const response = await fixture.server.inject({ method: 'GET', url });
  return { status: response.statusCode, headers: response.headers, body: response.body };
}

const pages = () => [
  '/',
  '/weeks/2017-W07',
  '/search',
  '/search?q=carter',
  '/search?q=theme%3Anope',
  `/stories/${fixture.ref('hostile')}`,
  `/stories/${fixture.ref('fx-model-hospital')}`,
  '/sources',
  '/nowhere',
];

describe('every page', () => {
  it('carries the CSP, nosniff, referrer and framing headers', async () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    );
    for (const path of [...pages(), '/api/weeks', '/feed.atom', '/assets/site.css']) {
      const { headers } = await get(path);
      expect(headers['content-security-policy'], path).toBe(CONTENT_SECURITY_POLICY);
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['referrer-policy'], path).toBe('no-referrer');
    }
  });

  it('is plain accessible HTML: lang, viewport, one h1, skip link, site stylesheet only', async () => {
    for (const path of pages()) {
      const { body } = await get(path);
      expect(body, path).toMatch(/^<!DOCTYPE html>\n<html lang="en-GB">/);
      expect(body, path).toContain(
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
      );
      expect(body.match(/<h1[ >]/g), path).toHaveLength(1);
      expect(body, path).toContain('<a class="skip-link" href="#main">Skip to content</a>');
      expect(body, path).toContain('<main id="main"');
      expect(body, path).toContain('<link rel="stylesheet" href="/assets/site.css">');
      // Nothing the CSP would block: no script, no inline style, no third-party asset.
      expect(body, path).not.toMatch(/<script|<style|<[a-z][^>]*\s(style|on[a-z]+)=/i);
      expect(body, path).not.toMatch(/(src|href)="\/\//);
    }
  });

  it('serves the stylesheet with a phone layout and a print style', async () => {
    const css = await get('/assets/site.css');
    expect([css.status, css.headers['content-type']]).toEqual([200, 'text/css; charset=utf-8']);
    expect(css.body).toContain('@media print');
    expect(css.body).toContain('@media (max-width:');
  });
});

describe('hostile feed text', () => {
  it('is escaped everywhere it appears, and a javascript: link never becomes an href', async () => {
    const escaped = '&lt;script&gt;alert(1)&lt;/script&gt; &quot;onmouseover=alert(2)';
    for (const path of [
      '/weeks/2017-W07',
      '/search?q=carter',
      `/stories/${fixture.ref('hostile')}`,
    ]) {
      const { body } = await get(path);
      expect(body, path).toContain(escaped);
      expect(body, path).not.toContain(HOSTILE_TITLE);
      expect(body, path).not.toContain('<img');
      expect(body, path).not.toContain('<b>bold');
      const hrefs = [...body.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
      for (const href of hrefs) expect(href, path).toMatch(/^(\/|#|https?:\/\/)/);
    }
    const story = await get(`/stories/${fixture.ref('hostile')}`);
    expect(story.body).toContain('<title>&lt;script&gt;');
    expect(story.body).toContain('<dt>Link</dt><dd>none</dd>');
  });

  it('typed into search, is shown back as text', async () => {
    const { body } = await get(`/search?q=${encodeURIComponent('"><script>x</script>')}`);
    expect(body).not.toContain('<script>x');
    expect(body).toContain('value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
  });
});

describe('bad addresses', () => {
  it('answers malformed percent-encoding with a 400 page or a plain search', async () => {
    const path = await get('/stories/%E0%A4%A');
    expect(path.status).toBe(400);
    expect(path.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(path.body).toContain('This address cannot be read');
    const api = await get('/api/stories/%E0%A4%A');
    expect([api.status, JSON.parse(api.body).error]).toEqual([
      400,
      expect.stringContaining('cannot be read'),
    ]);
    // In a query string the bad sequence is kept as typed and searched as text.
    const query = await get('/search?q=%E0%A4%A');
    expect([200, 400]).toContain(query.status);
    expect(query.body).toContain('<h1>Search the archive</h1>');
  });

  it('answers unknown paths with a 404 page, or JSON under /api', async () => {
    const page = await get('/nowhere');
    expect(page.status).toBe(404);
    expect(page.body).toContain('<h1>Page not found</h1>');
    const api = await get('/api/nowhere');
    expect([api.status, api.headers['content-type']]).toEqual([
      404,
      'application/json; charset=utf-8',
    ]);
  });
});
