// A stand-in for the system resolver (FetchOptions.resolve) so SSRF tests can give a name any
// DNS answer without a DNS server: each name in `table` gets its addresses, any other ENOTFOUND.
import { isIP } from 'node:net';
import type { ResolveAll } from '../../src/ingest/address-policy.js';

export function answering(table: Record<string, string[]>): ResolveAll {
  return (hostname, callback) => {
    const addresses = table[hostname];
    if (!addresses) {
      const error: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
      error.code = 'ENOTFOUND';
      callback(error, []);
      return;
    }
    callback(
      null,
      addresses.map((address) => ({ address, family: isIP(address) })),
    );
  };
}
