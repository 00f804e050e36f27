// The source and fetch options the poll tests start from: a polite public-feed source and fetch
// limits that let a loopback fake serve it. Each test overrides only what it is about.
import type { Source } from '../../src/domain.js';
import type { FetchOptions } from '../../src/ingest/fetch-source.js';

export function testSource(url: string, overrides: Partial<Source> = {}): Source {
  return {
    id: 'wire',
    name: 'Wire',
    kind: 'feed',
    url,
    pollIntervalMinutes: 30,
    paywalled: false,
    authority: 0.5,
    enabled: true,
    verified: true,
    ...overrides,
  };
}

export function testFetchOptions(overrides: Partial<FetchOptions> = {}): FetchOptions {
  return {
    userAgent: 'nhs-briefing-bot/test',
    connectTimeoutMs: 2_000,
    timeoutMs: 5_000,
    maxBytes: 1024 * 1024,
    maxRedirects: 5,
    allowPrivateAddresses: true,
    ...overrides,
  };
}
