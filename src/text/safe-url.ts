// Which URLs from feeds may become links. Pure. Rules: only absolute http(s) URLs, without
// credentials (`https://user:pass@host` is a phishing shape), after control and bidi characters
// are removed. Each platform then percent-encodes the characters that would end its link syntax.
import { cleanText } from './clean-text.js';

/** The parsed URL when `raw` is an absolute http(s) URL without credentials, else null. */
export function parseSafeUrl(raw: string | null | undefined): URL | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(cleanText(raw));
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password) return null;
  return url;
}

/** `href` with every character matched by `chars` (a global regex) as %XX, upper-case hex. */
export function percentEncode(href: string, chars: RegExp): string {
  return href.replace(
    chars,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}
