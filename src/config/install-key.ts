// SLACK_INSTALL_KEY: the AES-256-GCM key that seals Slack installation tokens at rest
// (store/slack-installations.ts). 32 random bytes, written as 64 hex characters
// (`openssl rand -hex 32`) or base64 (`openssl rand -base64 32`, 44 characters with padding).
// Anything else is refused rather than stretched: a short or mistyped key must not quietly
// become a weak one.

const KEY_BYTES = 32;

/** The key's 32 bytes, or null when the text is neither form. Never echoes the value. */
export function parseInstallKey(text: string): Buffer | null {
  const value = text.trim();
  if (/^[0-9a-f]{64}$/i.test(value)) return Buffer.from(value, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(value)) {
    const bytes = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    return bytes.length === KEY_BYTES ? bytes : null;
  }
  return null;
}

export const INSTALL_KEY_HINT =
  'must be 32 random bytes as 64 hex characters (openssl rand -hex 32) or base64 (openssl rand -base64 32)';
