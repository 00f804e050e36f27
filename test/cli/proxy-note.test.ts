// The proxy line of `briefing sources`: who decides what sources reach through the proxy.
import { describe, expect, it } from 'vitest';
import { describeProxy } from '../../src/cli/proxy-note.js';

describe('describeProxy', () => {
  it('says nothing without a proxy', () => {
    expect(describeProxy({}, false)).toEqual([]);
  });

  it('with the guard on, names are checked here before the proxy resolves them', () => {
    const lines = describeProxy({ HTTP_PROXY: 'http://10.0.0.8:8080' }, false);
    expect(lines[0]).toBe('Proxy: http://10.0.0.8:8080 for http (HTTP_PROXY).');
    expect(lines[1]).toMatch(/resolved here first .* the proxy then resolves them again/);
  });

  it('with poll.allowPrivateAddresses the proxy alone decides', () => {
    const lines = describeProxy({ HTTPS_PROXY: 'http://proxy:3128' }, true);
    expect(lines[1]).toMatch(/proxy alone decides/);
  });

  it('hides credentials and survives a malformed value', () => {
    const lines = describeProxy({ HTTPS_PROXY: 'http://u:p@proxy:3128/', HTTP_PROXY: '::' }, false);
    expect(lines[0]).toBe(
      'Proxy: http://proxy:3128 (credentials hidden) for https (HTTPS_PROXY), an unparseable URL for http (HTTP_PROXY).',
    );
  });
});
