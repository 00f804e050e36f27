// Turning untrusted text (feed titles, summaries, user queries) into inert Slack mrkdwn.
// Rules, from https://api.slack.com/reference/surfaces/formatting#escaping: `&`, `<` and `>` are
// control characters and must be sent as `&amp;`, `&lt;`, `&gt;`. Once they are escaped, no
// input can form `<!channel>`, `<!here>`, `<@U…>`, `<#C…>`, `<!subteam^…>` or a `<url|label>`
// link. We never set `link_names`, so bare `@channel` is already plain text; a word joiner is
// still inserted after the `@` as defence in depth. Bidi override characters are removed so RTL
// text cannot visually reorder a line to disguise it; ordinary RTL letters are kept.

// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/g;
const BROADCAST = /@(channel|here|everyone)\b/gi;
const ELLIPSIS = '…';

/** Removes control and bidi-override characters; collapses whitespace unless `keepNewlines`. */
export function cleanText(raw: string, keepNewlines = false): string {
  const cleaned = raw.replace(CONTROL, ' ').replace(BIDI_CONTROL, '');
  if (keepNewlines) {
    return cleaned
      .replace(/\r\n?/g, '\n')
      .replace(/[^\S\n]+/g, ' ')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  }
  return cleaned.replace(/\s+/g, ' ').trim();
}

/** Escapes cleaned text for mrkdwn. The output cannot contain a working mention or link. */
export function escapeMrkdwn(raw: string): string {
  return cleanText(raw)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(BROADCAST, '@\u2060$1');
}

/** Cuts to at most `max` characters (code points never split), ending with an ellipsis. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const points = Array.from(text);
  let out = '';
  for (const p of points) {
    if (out.length + p.length + ELLIPSIS.length > max) break;
    out += p;
  }
  return out.trimEnd() + ELLIPSIS;
}

/** Cleans, truncates and escapes so the escaped result has at most `max` characters. */
export function fitMrkdwn(raw: string, max: number): string {
  const clean = cleanText(raw);
  let budget = max;
  for (;;) {
    const escaped = escapeMrkdwn(truncateText(clean, budget));
    if (escaped.length <= max) return escaped;
    // Escapes grew the text: shrink the raw budget by the overshoot and try again.
    budget -= escaped.length - max;
  }
}

/** Cleans and truncates for plain_text fields (headers, buttons, fallbacks): no escaping needed. */
export function fitPlain(raw: string, max: number): string {
  return truncateText(cleanText(raw).replace(BROADCAST, '@\u2060$1'), max);
}

/**
 * An absolute http(s) URL safe to place inside `<…|…>`, or null. javascript:, data: and any
 * other scheme are dropped. `|`, `<`, `>` and whitespace are percent-encoded, `&` escaped.
 */
export function toSafeLinkUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(cleanText(raw));
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password) return null;
  const href = url.href.replace(/[|<>\s"]/g, (c) => encodeURIComponent(c));
  if (href.length > 2000) return null;
  return href.replace(/&/g, '&amp;');
}

/** `<url|label>` with an escaped label, or just the escaped label when the URL is unsafe. */
export function formatLink(url: string | null | undefined, label: string, maxLabel = 300): string {
  const text = fitMrkdwn(label, maxLabel) || 'untitled';
  const safe = toSafeLinkUrl(url);
  return safe ? `<${safe}|${text}>` : text;
}

/** Inline code for echoing what a user typed (escaped; backticks removed so it stays one span). */
export function formatCode(raw: string, max = 200): string {
  const text = fitMrkdwn(raw.replace(/`/g, "'"), max);
  return text === '' ? '' : `\`${text}\``;
}
