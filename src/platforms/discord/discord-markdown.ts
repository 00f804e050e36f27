// Turning untrusted text (feed titles, summaries, user queries) into inert Discord markdown.
// Rules (https://support.discord.com/hc/en-us/articles/210298617 and the message formatting
// reference https://discord.com/developers/docs/reference#message-formatting):
// - markdown characters are escaped with a backslash, so `*`, `_`, `~`, `|`, `#`, `>`, backticks
//   and `[text](url)` masked links written by a feed stay literal text;
// - mentions (`<@id>`, `<@&role>`, `<#channel>`, `</cmd:id>`, `<t:…>`, custom emoji) all start
//   with `<`, so a zero-width space after every `<` breaks them; `@everyone` / `@here` get one
//   after the `@`. Every message ALSO carries `allowed_mentions: { parse: [] }` (defence in depth);
// - control and bidi-override characters are removed so RTL text cannot reorder a line to
//   disguise it; ordinary RTL letters are kept;
// - links are only absolute http(s) URLs without credentials, with `()<>` and spaces
//   percent-encoded so they cannot close a masked link early.

// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;
// `[` and `]` escaped are enough to break `[text](url)`; parentheses stay readable.
const MARKDOWN = /[\\*_~|>#[\]`]/g;
const BROADCAST = /@(everyone|here)/gi;
const ZWSP = '\u200b';
const ELLIPSIS = '…';

/** Removes control and bidi-override characters and collapses whitespace to single spaces. */
export function cleanText(raw: string): string {
  return raw.replace(CONTROL, ' ').replace(BIDI_CONTROL, '').replace(/\s+/g, ' ').trim();
}

/** Escapes cleaned text for Discord markdown; the result has no working mention or link. */
export function escapeMarkdown(raw: string): string {
  return cleanText(raw)
    .replace(MARKDOWN, (c) => `\\${c}`)
    .replace(/^(\d+)\./, '$1\\.')
    .replace(/^-/, '\\-')
    .replace(/</g, `<${ZWSP}`)
    .replace(BROADCAST, `@${ZWSP}$1`)
    .replace(/:\/\//g, `:${ZWSP}//`);
}

/** Neutralises mentions only, for plain-text places (embed titles, button labels, choices). */
export function neutraliseMentions(raw: string): string {
  return cleanText(raw).replace(/</g, `<${ZWSP}`).replace(BROADCAST, `@${ZWSP}$1`);
}

/** Cuts to at most `max` UTF-16 units without splitting a code point, ending with an ellipsis. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, Math.max(0, max));
  let out = '';
  for (const point of text) {
    if (out.length + point.length + ELLIPSIS.length > max) break;
    out += point;
  }
  return out.trimEnd() + ELLIPSIS;
}

/** Cleans, truncates and escapes so the escaped result has at most `max` characters. */
export function fitMarkdown(raw: string, max: number): string {
  const clean = cleanText(raw);
  let budget = max;
  for (;;) {
    const escaped = escapeMarkdown(truncateText(clean, budget));
    if (escaped.length <= max || budget <= 1) return escaped.slice(0, Math.max(0, max));
    budget -= Math.max(1, escaped.length - max);
  }
}

/** Plain-text fields: mentions neutralised, then truncated. */
export function fitPlain(raw: string, max: number): string {
  const clean = cleanText(raw);
  let budget = max;
  for (;;) {
    const out = neutraliseMentions(truncateText(clean, budget));
    if (out.length <= max || budget <= 1) return out.slice(0, Math.max(0, max));
    budget -= Math.max(1, out.length - max);
  }
}

/** An absolute http(s) URL safe inside `[text](url)`, or null (other schemes are dropped). */
export function toSafeUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(cleanText(raw));
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password) return null;
  // encodeURIComponent leaves ( ) ' alone, so percent-encode by hand.
  const href = url.href.replace(
    /[()<>\s"'[\]`]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
  return href.length > 1000 ? null : href;
}

/**
 * `[label](url)` with an escaped label of at most `maxLabel` characters (the URL, at most 1000,
 * comes on top), or just the escaped label when the URL is unsafe.
 */
export function formatLink(
  rawUrl: string | null | undefined,
  rawLabel: string,
  maxLabel: number,
): string {
  const url = toSafeUrl(rawUrl);
  const label = fitMarkdown(rawLabel, maxLabel);
  if (!url) return label;
  return `[${label || 'link'}](${url})`;
}

/** Inline code for a command hint: backticks cannot be escaped inside code, so they are dropped. */
export function formatCode(raw: string, max: number): string {
  const text = truncateText(cleanText(raw).replace(/`/g, "'"), Math.max(1, max - 2));
  return `\`${text.replace(/</g, `<${ZWSP}`).replace(BROADCAST, `@${ZWSP}$1`)}\``;
}
