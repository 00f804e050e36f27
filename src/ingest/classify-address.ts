// Classifies one literal IP address for the SSRF guard: public, or the special-purpose range it
// falls in. By classification, not by spelling: the address is parsed by ipaddr.js (every IPv4
// and IPv6 text form), IPv6 addresses that carry an IPv4 address are judged by that IPv4
// address, and only plain global unicast counts as public. Ranges follow the IANA IPv4 and IPv6
// Special-Purpose Address Registries (RFC 6890) as ipaddr.js encodes them.
import ipaddr from 'ipaddr.js';

/** Why an address is not public (the first word of the refusal users read). */
export type RefusedRange =
  | 'not-an-address'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'unique-local'
  | 'site-local'
  | 'carrier-grade-nat'
  | 'multicast'
  | 'broadcast'
  | 'reserved'
  | 'special-purpose'
  | 'local-nat64';

/** How an IPv6 address carried the IPv4 address that was judged instead. */
export type Embedding =
  'ipv4-mapped' | 'ipv4-compatible' | 'ipv4-translated' | 'nat64' | '6to4' | 'teredo' | 'isatap';

export type AddressClass =
  | { verdict: 'public'; address: string }
  | { verdict: 'refused'; address: string; range: RefusedRange; via?: Carried };

export interface Carried {
  embedding: Embedding;
  ipv4: string;
}

const IPV4_RANGES: Record<string, RefusedRange> = {
  unspecified: 'unspecified', // 0.0.0.0/8 ("this network")
  broadcast: 'broadcast',
  multicast: 'multicast',
  linkLocal: 'link-local', // 169.254/16, cloud metadata services live here
  loopback: 'loopback',
  carrierGradeNat: 'carrier-grade-nat', // 100.64/10
  private: 'private', // RFC 1918
  // 192.0.0/24, documentation (192.0.2/24, 198.51.100/24, 203.0.113/24), benchmarking
  // (198.18/15), 6to4 relay anycast (192.88.99/24) and 240/4
  reserved: 'reserved',
};

const IPV6_RANGES: Record<string, RefusedRange> = {
  unspecified: 'unspecified',
  loopback: 'loopback',
  linkLocal: 'link-local',
  multicast: 'multicast',
  uniqueLocal: 'unique-local', // fc00::/7
  deprecatedSiteLocal: 'site-local', // fec0::/10, RFC 3879
  reserved: 'reserved', // 2001::/23 IETF assignments, 2001:db8::/32 documentation, 3fff::/20
};

/** Public or the range that refuses it; `text` may carry [brackets] or a %zone. */
export function classifyAddress(text: string): AddressClass {
  const bare = text.replace(/^\[|\]$/g, '');
  if (!ipaddr.isValid(bare)) return { verdict: 'refused', address: text, range: 'not-an-address' };
  const parsed = ipaddr.parse(bare);
  if (parsed.kind() === 'ipv4') return classifyIpv4(parsed as ipaddr.IPv4, text);
  return classifyIpv6(parsed as ipaddr.IPv6, text);
}

function classifyIpv4(ip: ipaddr.IPv4, address: string): AddressClass {
  const range = ip.range();
  if (range === 'unicast') return { verdict: 'public', address };
  // as112 and amt are anycast services, not news sites: refused with the other specials.
  return { verdict: 'refused', address, range: IPV4_RANGES[range] ?? 'special-purpose' };
}

function classifyIpv6(ip: ipaddr.IPv6, address: string): AddressClass {
  const range = ip.range() as string;
  // ::1 and :: sit inside the IPv4-compatible block: name them for what they are first.
  if (range === 'loopback' || range === 'unspecified') {
    return { verdict: 'refused', address, range };
  }
  const carried = findCarriedIpv4(ip);
  if (carried === 'local-nat64') return { verdict: 'refused', address, range: 'local-nat64' };
  if (carried) {
    for (const ipv4 of carried.ipv4s) {
      const inner = classifyIpv4(ipaddr.IPv4.parse(ipv4), ipv4);
      if (inner.verdict === 'refused') {
        return { ...inner, address, via: { embedding: carried.embedding, ipv4 } };
      }
    }
    return { verdict: 'public', address };
  }
  if (range === 'unicast' && isGlobalUnicast(ip)) return { verdict: 'public', address };
  if (range === 'unicast') return { verdict: 'refused', address, range: 'reserved' };
  return { verdict: 'refused', address, range: IPV6_RANGES[range] ?? 'special-purpose' };
}

/** IANA allocates global unicast only from 2000::/3 (RFC 4291 §2.4); the rest is reserved. */
function isGlobalUnicast(ip: ipaddr.IPv6): boolean {
  return ip.match(ipaddr.IPv6.parse('2000::'), 3);
}

function ipv4At(parts: number[], index: number, invert = false): string {
  const high = parts[index] ?? 0;
  const low = parts[index + 1] ?? 0;
  const bytes = [high >> 8, high & 255, low >> 8, low & 255];
  return (invert ? bytes.map((b) => b ^ 255) : bytes).join('.');
}

const prefix = (text: string, bits: number): [ipaddr.IPv6, number] => [
  ipaddr.IPv6.parse(text),
  bits,
];
const MAPPED = prefix('::ffff:0:0', 96); // RFC 4291 §2.5.5.2
const TRANSLATED = prefix('::ffff:0:0:0', 96); // RFC 6145 (SIIT)
const COMPATIBLE = prefix('::', 96); // RFC 4291 §2.5.5.1, deprecated; :: and ::1 included
const NAT64 = prefix('64:ff9b::', 96); // RFC 6052 well-known prefix, IPv4 in the last 32 bits
const LOCAL_NAT64 = prefix('64:ff9b:1::', 48); // RFC 8215: local use, layout is site-defined
const SIX_TO_FOUR = prefix('2002::', 16); // RFC 3056: IPv4 in bits 16..47
const TEREDO = prefix('2001::', 32); // RFC 4380: server in bits 32..63, client inverted in 96..127

/**
 * The IPv4 address(es) an IPv6 address carries and will be delivered to, or null. Teredo
 * carries two (its server and the obfuscated client); both must be public.
 */
function findCarriedIpv4(
  ip: ipaddr.IPv6,
): { embedding: Embedding; ipv4s: string[] } | 'local-nat64' | null {
  const parts = ip.parts;
  if (ip.match(MAPPED)) return { embedding: 'ipv4-mapped', ipv4s: [ipv4At(parts, 6)] };
  if (ip.match(TRANSLATED)) return { embedding: 'ipv4-translated', ipv4s: [ipv4At(parts, 6)] };
  if (ip.match(COMPATIBLE)) return { embedding: 'ipv4-compatible', ipv4s: [ipv4At(parts, 6)] };
  if (ip.match(NAT64)) return { embedding: 'nat64', ipv4s: [ipv4At(parts, 6)] };
  if (ip.match(LOCAL_NAT64)) return 'local-nat64';
  if (ip.match(SIX_TO_FOUR)) return { embedding: '6to4', ipv4s: [ipv4At(parts, 1)] };
  if (ip.match(TEREDO)) {
    return { embedding: 'teredo', ipv4s: [ipv4At(parts, 2), ipv4At(parts, 6, true)] };
  }
  // ISATAP (RFC 5214): interface identifier 0000:5efe or 0200:5efe then the IPv4 address.
  if (((parts[4] ?? 1) & 0xfdff) === 0 && parts[5] === 0x5efe) {
    return { embedding: 'isatap', ipv4s: [ipv4At(parts, 6)] };
  }
  return null;
}

const RANGE_WORDS: Record<RefusedRange, string> = {
  'not-an-address': 'not an IP address',
  unspecified: 'unspecified ("this network")',
  loopback: 'loopback',
  private: 'private',
  'link-local': 'link-local',
  'unique-local': 'unique-local (private IPv6)',
  'site-local': 'site-local (private IPv6)',
  'carrier-grade-nat': 'carrier-grade NAT (shared, private)',
  multicast: 'multicast',
  broadcast: 'broadcast',
  reserved: 'reserved (documentation, benchmarking or not allocated)',
  'special-purpose': 'special-purpose (not a public host)',
  'local-nat64': 'local-use NAT64 (private)',
};

const EMBEDDING_WORDS: Record<Embedding, string> = {
  'ipv4-mapped': 'an IPv4-mapped IPv6 address',
  'ipv4-compatible': 'an IPv4-compatible IPv6 address',
  'ipv4-translated': 'an IPv4-translated IPv6 address',
  nat64: 'a NAT64 (64:ff9b::/96) address',
  '6to4': 'a 6to4 (2002::/16) address',
  teredo: 'a Teredo (2001::/32) address',
  isatap: 'an ISATAP address',
};

/** "loopback (IPv4 127.0.0.1 inside an IPv4-compatible IPv6 address)" for refusal messages. */
export function describeRefusal(refused: Extract<AddressClass, { verdict: 'refused' }>): string {
  const words = RANGE_WORDS[refused.range];
  if (!refused.via) return words;
  return `${words} (IPv4 ${refused.via.ipv4} inside ${EMBEDDING_WORDS[refused.via.embedding]})`;
}
