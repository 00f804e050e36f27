// The line `briefing sources` prints when an outbound proxy is set: which proxy, and who decides
// what a source may reach through it (the address guard here, or the proxy alone when
// poll.allowPrivateAddresses turns the guard off). Pure; credentials in proxy URLs are hidden.
import type { Env } from '../config/env.js';

/** The proxy URL without user name or password (they are secrets). */
function hideCredentials(raw: string): string {
  try {
    const url = new URL(raw);
    if (!url.username && !url.password) return raw;
    url.username = '';
    url.password = '';
    return `${url.href.replace(/\/$/, '')} (credentials hidden)`;
  } catch {
    return 'an unparseable URL';
  }
}

/** Lines describing the proxy, or [] when none is set. */
export function describeProxy(
  env: Partial<Pick<Env, 'HTTPS_PROXY' | 'HTTP_PROXY' | 'NO_PROXY'>>,
  allowPrivateAddresses: boolean,
): string[] {
  const used = [
    env.HTTPS_PROXY ? `${hideCredentials(env.HTTPS_PROXY)} for https (HTTPS_PROXY)` : '',
    env.HTTP_PROXY ? `${hideCredentials(env.HTTP_PROXY)} for http (HTTP_PROXY)` : '',
  ].filter(Boolean);
  if (used.length === 0) return [];
  const bypass = env.NO_PROXY ? `; not for ${env.NO_PROXY} (NO_PROXY)` : '';
  const who = allowPrivateAddresses
    ? 'poll.allowPrivateAddresses is on, so the proxy alone decides which addresses sources reach.'
    : 'Source host names are resolved here first and refused if any answer is private, loopback ' +
      'or link-local; the proxy then resolves them again itself and connects to its own answer.';
  return [`Proxy: ${used.join(', ')}${bypass}.`, who];
}
