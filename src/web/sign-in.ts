// Who may read the web server: a bearer token (WEB_TOKEN, for scripts and Prometheus) or a
// basic-auth user (WEB_USERS, for people in a browser), either one. Compared in constant time:
// the token with timingSafeEqual, a password by recomputing its scrypt hash (password-hash.ts).
// An unknown user costs a hash all the same, so timing does not tell which names exist. Browsers
// resend the same Authorization header with every request (RFC 7617 section 2.2), so a verified
// header is remembered by its SHA-256 (bounded, positive answers only) instead of paying scrypt
// for every stylesheet.
import { createHash, timingSafeEqual } from 'node:crypto';
import { parseScryptHash, type ScryptHash, type WebUser } from '../config/web-users.js';
import { verifyPassword } from './password-hash.js';
import type { WebAccess } from './web-deps.js';

const REMEMBERED = 256;
// A fixed hash at the default cost, for unknown names (never matches: its key is all zeros).
const DECOY = parseScryptHash(
  `scrypt$32768$8$1$${'A'.repeat(22)}==$${'A'.repeat(43)}=`,
) as ScryptHash;

export interface SignIn {
  /** True when sign-in is on (a token or at least one user). */
  required: boolean;
  /** Whether this Authorization header signs in. */
  check(header: string | undefined): Promise<boolean>;
  /** WWW-Authenticate challenges for a 401 (RFC 9110 section 11.6.1), one per scheme offered. */
  challenges: string[];
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** "Basic base64(user:password)" to its parts (RFC 7617 section 2), or null. */
function parseBasic(header: string): { name: string; password: string } | null {
  const match = /^Basic ([A-Za-z0-9+/]+={0,2})$/i.exec(header.trim());
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return { name: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export function createSignIn(access: WebAccess): SignIn {
  const users = new Map<string, WebUser>((access.users ?? []).map((u) => [u.name, u]));
  const remembered = new Set<string>();
  const checkBasic = async (header: string): Promise<boolean> => {
    const basic = parseBasic(header);
    if (basic === null || users.size === 0) return false;
    const digest = createHash('sha256').update(header.trim()).digest('base64');
    if (remembered.has(digest)) return true;
    const user = users.get(basic.name);
    const ok = await verifyPassword(basic.password, user?.password ?? DECOY);
    if (!ok || user === undefined) return false;
    if (remembered.size >= REMEMBERED) remembered.clear();
    remembered.add(digest);
    return true;
  };
  const challenges = [
    ...(users.size > 0 ? ['Basic realm="briefing", charset="UTF-8"'] : []),
    ...(access.token !== null ? ['Bearer realm="nhs-briefing-bot"'] : []),
  ];
  return {
    required: challenges.length > 0,
    challenges,
    async check(header) {
      if (challenges.length === 0) return true;
      if (header === undefined) return false;
      // The scheme name is case-insensitive (RFC 9110 section 11.1); the token is compared exactly.
      const bearer = /^Bearer ([^\s]+)$/i.exec(header);
      if (bearer) return access.token !== null && sameSecret(bearer[1]!, access.token);
      return checkBasic(header);
    },
  };
}
