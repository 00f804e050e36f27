// Server-side request forgery guard: which hosts a source may reach. Sources come from
// configuration (and may one day be added by chat users), so by default only public addresses
// are reachable; classify-address.ts says what "public" means. Settings
// `poll.allowPrivateAddresses` (tests, the demo, intranet feeds) lifts the guard.
// Checked at three points, for the first URL and every redirect hop alike:
// - the URL's host as WHATWG URL normalised it (2130706433, 0x7f.1, 127.1 and 127.0.0.1. are
//   all 127.0.0.1 by then), plus the names RFC 6761 reserves for loopback (localhost, *.localhost);
// - direct connections: every address DNS returns, inside the socket's own lookup, so the
//   address judged is the address connected to (no second lookup for DNS rebinding to exploit);
// - through a proxy, which resolves names itself: the name is resolved here first and refused
//   when any answer is not public (checkNameBeforeProxy). The proxy's own answer may still
//   differ (split DNS, rebinding); README says so.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import { classifyAddress, describeRefusal } from './classify-address.js';

/** Error code carried by refusals from the guarded lookup (and found again in fetch errors). */
export const BLOCKED_ADDRESS_CODE = 'ERR_BRIEFING_BLOCKED_ADDRESS';

/** Ends every refusal of a non-public address (cli/progress.ts tells those failures apart). */
export const REFUSED_NOTE =
  'private, loopback or link-local and other non-public addresses are refused';

/** The resolver the guard asks: node:dns lookup, or a stand-in with the same contract (tests). */
export type ResolveAll = (
  hostname: string,
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

export const resolveWithSystemDns: ResolveAll = (hostname, callback) =>
  dnsLookup(hostname, { all: true }, callback);

/** True when `address` (a literal IPv4/IPv6 address, brackets allowed) is publicly routable. */
export function isPublicAddress(address: string): boolean {
  return classifyAddress(address).verdict === 'public';
}

/** The host as WHATWG URL normalises it (numeric IPv4 spellings to dotted quads), lower case. */
function normaliseHost(hostname: string): string {
  try {
    return new URL(`http://${hostname}/`).hostname;
  } catch {
    return hostname.toLowerCase();
  }
}

/** Why a URL's host is refused before any connection, or null when it may be tried. */
export function checkHostLiteral(hostname: string): string | null {
  const host = normaliseHost(hostname);
  // A trailing dot is the same (fully qualified) name: "localhost." is still loopback.
  const name = host.replace(/\.$/, '');
  if (name === 'localhost' || name.endsWith('.localhost')) {
    return `${hostname} is a loopback name; ${REFUSED_NOTE}`;
  }
  const bare = host.replace(/^\[|\]$/g, '');
  if (isIP(bare) === 0) return null;
  const verdict = classifyAddress(bare);
  if (verdict.verdict === 'public') return null;
  const shown = host === hostname.toLowerCase() ? host : `${hostname} (${host})`;
  return `${shown} is ${describeRefusal(verdict)}; ${REFUSED_NOTE}`;
}

/** The refusal for the first non-public answer, or null when every answer is public. */
function checkAnswers(hostname: string, addresses: LookupAddress[]): string | null {
  for (const { address } of addresses) {
    const verdict = classifyAddress(address);
    if (verdict.verdict === 'refused') {
      return `${hostname} resolves to ${address}, ${describeRefusal(verdict)}; ${REFUSED_NOTE}`;
    }
  }
  return null;
}

function blockedError(message: string): NodeJS.ErrnoException {
  const refusal: NodeJS.ErrnoException = new Error(message);
  refusal.code = BLOCKED_ADDRESS_CODE;
  return refusal;
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

export type GuardedLookup = (
  hostname: string,
  options: LookupOptions,
  callback: LookupCallback,
) => void;

/**
 * A `lookup` for net.connect that refuses hostnames resolving to any non-public address. With no
 * stand-in resolver, node:dns gets the socket's own options (family, hints) as before.
 */
export function createGuardedLookup(resolve?: ResolveAll): GuardedLookup {
  return (hostname, options, callback) => {
    const answer = (error: NodeJS.ErrnoException | null, all: LookupAddress[]): void => {
      if (error) return callback(error, []);
      const wanted = options.family === 4 || options.family === 6 ? options.family : 0;
      const addresses = wanted ? all.filter((a) => a.family === wanted) : all;
      if (addresses.length === 0) {
        const none: NodeJS.ErrnoException = new Error(`${hostname} has no IPv${wanted} address`);
        none.code = 'ENOTFOUND';
        return callback(none, []);
      }
      const refusal = checkAnswers(hostname, all);
      if (refusal) return callback(blockedError(refusal), []);
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    };
    if (resolve) resolve(hostname, answer);
    else dnsLookup(hostname, { ...options, all: true }, answer);
  };
}

export const guardedLookup: GuardedLookup = createGuardedLookup();

/**
 * Before a request goes to a proxy (which resolves the name itself): resolves `hostname` here
 * and returns null when every answer is public, or an error value. Literal addresses are left
 * to checkHostLiteral.
 */
export function checkNameBeforeProxy(
  hostname: string,
  resolve: ResolveAll = resolveWithSystemDns,
): Promise<{ kind: 'blocked' | 'dns'; detail: string } | null> {
  const bare = hostname.replace(/^\[|\]$/g, '');
  if (isIP(bare) !== 0) return Promise.resolve(null);
  return new Promise((settle) => {
    resolve(bare, (error, addresses) => {
      if (error || addresses.length === 0) {
        const code = error?.code ?? 'no answer';
        const detail = `could not resolve ${hostname} here (${code}) to check it before asking the proxy`;
        return settle({ kind: 'dns', detail });
      }
      const refusal = checkAnswers(hostname, addresses);
      settle(refusal ? { kind: 'blocked', detail: `blocked: ${refusal}` } : null);
    });
  });
}
