// Signed tokens for unsubscribe and double opt-in links: `<action>.<address>.<mac>`, each part
// base64url, the MAC an HMAC-SHA256 over action and address with EMAIL_UNSUBSCRIBE_SECRET. No
// database row is needed to check one, so the one-click POST, the mailto subject and the CLI all
// accept the same token. Unsubscribe tokens do not expire (RFC 8058 asks that the link keep
// working); a leaked token only lets someone unsubscribe or confirm that one address.
import { createHmac, timingSafeEqual } from 'node:crypto';

export type TokenAction = 'unsubscribe' | 'confirm';

export type TokenCheck =
  { ok: true; action: TokenAction; address: string } | { ok: false; reason: string };

const CODES: Record<TokenAction, string> = { unsubscribe: 'u', confirm: 'c' };

/** The canonical form of a recipient address: trimmed, lower case (channel ids use it). */
export function normaliseAddress(address: string): string {
  return address.trim().toLowerCase();
}

function mac(action: TokenAction, address: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(`${action}\u0000${address}`).digest();
}

export function signToken(action: TokenAction, address: string, secret: string): string {
  const canonical = normaliseAddress(address);
  const encoded = Buffer.from(canonical, 'utf8').toString('base64url');
  return `${CODES[action]}.${encoded}.${mac(action, canonical, secret).toString('base64url')}`;
}

export function verifyToken(token: string, secret: string): TokenCheck {
  const [code, encoded, signature, ...rest] = token.trim().split('.');
  const action = (Object.keys(CODES) as TokenAction[]).find((a) => CODES[a] === code);
  if (!action || !encoded || !signature || rest.length > 0) {
    return { ok: false, reason: 'that is not a briefing email token' };
  }
  const address = Buffer.from(encoded, 'base64url').toString('utf8');
  const expected = mac(action, address, secret);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'the token is not valid (wrong signature)' };
  }
  return { ok: true, action, address };
}
