// WEB_USERS: the web archive's basic-auth users, "alice:<hash>,bob:<hash>". Parsing only (the
// hashing is web/password-hash.ts). A hash is self-describing, so its cost can rise later without
// invalidating old ones: `scrypt$N$r$p$salt$hash`, salt and hash in standard base64 (RFC 4648
// section 4), N a power of two. Base64 has no ",", ":" or "$", so the list splits unambiguously.
// The cost bounds keep a hostile or mistyped environment from making every sign-in take
// gigabytes of memory or minutes of CPU.

export interface ScryptHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  hash: Buffer;
}

export interface WebUser {
  name: string;
  password: ScryptHash;
}

export const SCRYPT_LIMITS = { maxN: 2 ** 20, maxR: 32, maxP: 16 } as const;

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const USER_NAME = /^[^\s:,]{1,64}$/;

/** A stored hash, or the reason it is not one. */
export function parseScryptHash(text: string): ScryptHash | string {
  const parts = text.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') {
    return 'is not scrypt$N$r$p$salt$hash (make one with `briefing web hash-password`)';
  }
  const [, n, r, p, salt, hash] = parts as [string, string, string, string, string, string];
  const N = Number(n);
  const R = Number(r);
  const P = Number(p);
  if (!Number.isInteger(N) || N < 2 || N > SCRYPT_LIMITS.maxN || (N & (N - 1)) !== 0) {
    return `has N=${n.slice(0, 12)}; N must be a power of two up to ${SCRYPT_LIMITS.maxN}`;
  }
  if (!Number.isInteger(R) || R < 1 || R > SCRYPT_LIMITS.maxR) {
    return `has r=${r.slice(0, 12)}; r must be 1 to ${SCRYPT_LIMITS.maxR}`;
  }
  if (!Number.isInteger(P) || P < 1 || P > SCRYPT_LIMITS.maxP) {
    return `has p=${p.slice(0, 12)}; p must be 1 to ${SCRYPT_LIMITS.maxP}`;
  }
  if (!BASE64.test(salt) || !BASE64.test(hash)) return 'has a salt or hash that is not base64';
  const hashBytes = Buffer.from(hash, 'base64');
  if (hashBytes.length < 16 || hashBytes.length > 128) return 'has a hash of the wrong length';
  return { N, r: R, p: P, salt: Buffer.from(salt, 'base64'), hash: hashBytes };
}

/** "alice:<hash>,bob:<hash>" to users, or every problem (names only, never a hash). */
export function parseWebUsers(text: string): { users: WebUser[]; problems: string[] } {
  const users: WebUser[] = [];
  const problems: string[] = [];
  const entries = text
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  entries.forEach((entry, i) => {
    const colon = entry.indexOf(':');
    const name = colon < 0 ? '' : entry.slice(0, colon);
    if (!USER_NAME.test(name)) {
      problems.push(`user ${i + 1} has no name before ":" (name:hash, no spaces or commas)`);
      return;
    }
    if (users.some((u) => u.name === name)) {
      problems.push(`user "${name}" is listed twice`);
      return;
    }
    const password = parseScryptHash(entry.slice(colon + 1));
    if (typeof password === 'string') problems.push(`user "${name}": the hash ${password}`);
    else users.push({ name, password });
  });
  return { users, problems };
}
