// Which Workflows webhook URLs a `teams-webhook` subscription may name: https, or http on
// loopback only (tests, a local relay); never credentials in the URL. Used by the CLI (through
// the plug-in's cliChannel) and again before every post. Cheap: no SDK.
export const WEBHOOK_WORKSPACE = 'webhook';
const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);

/** A usable webhook URL: https, or http on loopback only (tests, a local relay). */
export function checkWebhookUrl(
  raw: string,
): { ok: true; url: string } | { ok: false; message: string } {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, message: 'the channel must be the Workflows webhook URL (https://…)' };
  }
  const secure =
    url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  if (!secure || url.username || url.password)
    return { ok: false, message: 'the Workflows webhook URL must start with https://' };
  return { ok: true, url: url.href };
}
