// SSRF guard: which addresses and hosts a source may reach.
import { describe, expect, it } from 'vitest';
import { checkHostLiteral, isPublicAddress } from '../../src/ingest/address-policy.js';

describe('address policy', () => {
  it.each([
    ['8.8.8.8', true],
    ['151.101.0.81', true],
    ['2a04:4e42::81', true],
    ['127.0.0.1', false],
    ['10.0.0.1', false],
    ['172.16.5.4', false],
    ['172.32.0.1', true],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['::1', false],
    ['fe80::1', false],
    ['fd00::1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:7f00:1', false],
    ['not-an-ip', false],
  ])('%s public: %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });

  it('refuses loopback names and private literals, lets public names through to DNS', () => {
    expect(checkHostLiteral('localhost')).toMatch(/loopback/);
    expect(checkHostLiteral('[::1]')).toMatch(/private/);
    expect(checkHostLiteral('www.england.nhs.uk')).toBeNull();
  });
});
