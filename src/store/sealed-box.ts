// Secrets sealed at rest with AES-256-GCM (node:crypto; NIST SP 800-38D): a fresh 96-bit random
// IV per seal, the 128-bit tag checked on open, and associated data (e.g. the row's key) bound
// in, so a sealed value copied to another row, altered, or opened with another key is refused.
// Text form: `v1.<iv>.<tag>.<ciphertext>`, each part base64url.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export type OpenResult = { ok: true; text: string } | { ok: false; reason: string };

export function sealText(key: Buffer, plaintext: string, associatedData: string): string {
  checkKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url'));
  return `v1.${parts.join('.')}`;
}

/** The plaintext, or why it cannot be had (wrong key, altered text, other row, bad format). */
export function openSealed(key: Buffer, sealed: string, associatedData: string): OpenResult {
  checkKey(key);
  const [version, iv, tag, body, ...rest] = sealed.split('.');
  if (
    version !== 'v1' ||
    iv === undefined ||
    tag === undefined ||
    body === undefined ||
    rest.length
  )
    return { ok: false, reason: 'not a sealed value this version can read' };
  const ivBytes = Buffer.from(iv, 'base64url');
  const tagBytes = Buffer.from(tag, 'base64url');
  if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES)
    return { ok: false, reason: 'not a sealed value this version can read' };
  try {
    const decipher = createDecipheriv(ALGORITHM, key, ivBytes, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(tagBytes);
    const text = Buffer.concat([
      decipher.update(Buffer.from(body, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
    return { ok: true, text };
  } catch {
    // GCM says only "unable to authenticate": the key differs or the bytes were changed.
    return { ok: false, reason: 'the key does not open it, or it was altered' };
  }
}

function checkKey(key: Buffer): void {
  if (key.length !== 32) throw new Error('store: an AES-256-GCM key must be 32 bytes');
}
