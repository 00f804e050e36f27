// Password hashes for WEB_USERS: scrypt from node:crypto (RFC 7914) in the self-describing form
// config/web-users.ts parses, `scrypt$N$r$p$salt$hash`. Verification recomputes with the stored
// parameters on libuv's thread pool (crypto.scrypt, not scryptSync, so a sign-in never blocks
// the event loop) and compares with timingSafeEqual.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { SCRYPT_LIMITS, type ScryptHash } from '../config/web-users.js';

/** N=2^15, r=8, p=1: OWASP's scrypt minimum (2023) is N=2^17 at p=1 for 128 MiB; this keeps
 * 32 MiB per sign-in on a small VM, and a verified header is remembered (sign-in.ts). */
export const DEFAULT_SCRYPT = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, cost: ScryptOptions, length: number) {
  const N = cost.N ?? DEFAULT_SCRYPT.N;
  const r = cost.r ?? DEFAULT_SCRYPT.r;
  // scrypt needs about 128 * N * r bytes; allow that plus slack within the parser's limits.
  const maxmem = 256 * N * r + 1024 * 1024;
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, length, { ...cost, maxmem }, (error, key) => {
      if (error) reject(new Error('web: scrypt failed', { cause: error }));
      else resolve(key);
    });
  });
}

/** A new hash of `password` in the `scrypt$N$r$p$salt$hash` form. */
export async function hashPassword(
  password: string,
  cost: { N: number; r: number; p: number } = DEFAULT_SCRYPT,
): Promise<string> {
  if (cost.N > SCRYPT_LIMITS.maxN) throw new Error(`web: scrypt N above ${SCRYPT_LIMITS.maxN}`);
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost, KEY_LENGTH);
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** True when `password` matches `stored` (constant-time comparison of the derived keys). */
export async function verifyPassword(password: string, stored: ScryptHash): Promise<boolean> {
  const key = await derive(password, stored.salt, stored, stored.hash.length);
  return key.length === stored.hash.length && timingSafeEqual(key, stored.hash);
}
