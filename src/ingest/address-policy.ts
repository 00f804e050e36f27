// Server-side request forgery guard: which addresses a source may reach. Sources come from
// configuration (and may one day be added by chat users), so by default nothing private,
// loopback, link-local, multicast or otherwise non-public is reachable (RFC 6890 special-purpose
// registries). Settings `poll.allowPrivateAddresses` (tests, the demo, intranet feeds) lifts it.
// Checked twice: literal IPs in the URL before connecting, and every address DNS returns, inside
// the socket's lookup, so a name that resolves to 127.0.0.1 is refused at connect time.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';

const blocked = new BlockList();
for (const [prefix, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(prefix, bits, 'ipv4');
}
for (const [prefix, bits] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  blocked.addSubnet(prefix, bits, 'ipv6');
}

/** True when `address` (a literal IPv4/IPv6 address) is publicly routable. */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  if (family === 0) return false;
  if (family === 6) {
    // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible forms: judge the embedded IPv4 address.
    const mapped = /^(?:::ffff:|::)(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
    if (mapped) return isPublicAddress(mapped[1]!);
    const mappedHex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(bare);
    if (mappedHex) {
      const high = parseInt(mappedHex[1]!, 16);
      const low = parseInt(mappedHex[2]!, 16);
      return isPublicAddress(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`);
    }
    return !blocked.check(bare, 'ipv6');
  }
  return !blocked.check(bare, 'ipv4');
}

/** Why a URL's host is refused before any connection, or null when it may be tried. */
export function checkHostLiteral(hostname: string): string | null {
  // A trailing dot is the same (fully qualified) name: "localhost." is still loopback.
  const bare = hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
  if (bare === 'localhost' || bare.endsWith('.localhost')) {
    return `${hostname} is a loopback name`;
  }
  if (isIP(bare) !== 0 && !isPublicAddress(bare)) {
    return `${hostname} is a private, loopback or link-local address`;
  }
  return null;
}

/** Error code carried by refusals from the guarded lookup (and found again in fetch errors). */
export const BLOCKED_ADDRESS_CODE = 'ERR_BRIEFING_BLOCKED_ADDRESS';

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** A `lookup` for net.connect that refuses hostnames resolving to any non-public address. */
export function guardedLookup(
  hostname: string,
  options: LookupOptions,
  callback: LookupCallback,
): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) {
      callback(error, []);
      return;
    }
    const bad = addresses.find((a) => !isPublicAddress(a.address));
    if (bad) {
      const refusal: NodeJS.ErrnoException = new Error(
        `${hostname} resolves to ${bad.address}, a private, loopback or link-local address`,
      );
      refusal.code = BLOCKED_ADDRESS_CODE;
      callback(refusal, []);
      return;
    }
    if (options.all) callback(null, addresses);
    else callback(null, addresses[0]!.address, addresses[0]!.family);
  });
}
