// Canonical story URLs: absolute http(s), no tracking parameters, no fragment.
import { describe, expect, it } from 'vitest';
import { canonicaliseUrl, resolveHttpUrl } from '../../src/ingest/canonical-url.js';

describe('canonicaliseUrl', () => {
  it.each([
    ['https://WWW.Example.ORG/News?utm_source=x&utm_medium=y', 'https://www.example.org/News'],
    ['https://example.org/a?id=3&fbclid=abc&gclid=1&page=2', 'https://example.org/a?id=3&page=2'],
    ['https://example.org/a?mc_cid=1&mc_eid=2&_hsenc=3#section', 'https://example.org/a'],
    ['https://user:pw@example.org:443/a', 'https://example.org/a'],
    ['http://example.org:80/a?', 'http://example.org/a'],
    ['https://example.org/a?b=2&a=1', 'https://example.org/a?b=2&a=1'],
    ['  https://example.org/a b  ', 'https://example.org/a%20b'],
    ['javascript:alert(1)', null],
    ['data:text/html,hi', null],
    ['mailto:x@example.org', null],
    ['ftp://example.org/f', null],
    ['/relative/path', null],
    ['', null],
    [null, null],
  ])('%j -> %j', (raw, expected) => {
    expect(canonicaliseUrl(raw)).toBe(expected);
  });

  it('resolves relative links against a base', () => {
    expect(resolveHttpUrl('../b?x=1', 'https://example.org/a/c/feed')).toBe(
      'https://example.org/a/b?x=1',
    );
    expect(canonicaliseUrl('/news/1?utm_campaign=z', 'https://example.org/feed')).toBe(
      'https://example.org/news/1',
    );
  });
});
