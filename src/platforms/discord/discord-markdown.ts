// Turning untrusted text (feed titles, summaries, user queries) into inert Discord markdown.
// Rules (https://support.discord.com/hc/en-us/articles/210298617 and the message formatting
// reference https://discord.com/developers/docs/reference#message-formatting):
// - markdown characters are escaped with a backslash, so `*`, `_`, `~`, `|`, `#`, `>`, backticks
//   and `[text](url)` masked links written by a feed stay literal text;
// - mentions (`<@id>`, `<@&role>`, `<#channel>`, `</cmd:id>`, `<t:…>`, custom emoji) all start
//   with `<`, so a zero-width space after every `<` breaks them; `@everyone` / `@here` get one
//   after the `@`. Every message ALSO carries `allowed_mentions: { parse: [] }` (defence in depth);
// - links are only absolute http(s) URLs without credentials, with `()<>` and spaces
//   percent-encoded so they cannot close a masked link early.
// Cleaning (control and bidi characters), cutting and URL vetting are shared (src/text/).
import { cleanText } from '../../text/clean-text.js';
import { parseSafeUrl, percentEncode } from '../../text/safe-url.js';
import { renderHighlights, type HighlightNeedles } from '../../text/highlight-words.js';
import { fitEscaped, truncateAtWord } from '../../text/truncate.js';

// `[` and `]` escaped are enough to break `[text](url)`; parentheses stay readable.
const MARKDOWN = /[\\*_~|>#[\]`]/g;
const BROADCAST = /@(everyone|here)/gi;
const ZWSP = '\u200b';

/** Escapes cleaned text for Discord markdown; the result has no working mention or link. */
export function escapeMarkdown(raw: string): string {
  return escapeCleaned(cleanText(raw));
}

/** escapeMarkdown without the cleaning (which trims): for spans of text already cleaned. */
function escapeCleaned(text: string): string {
  return text
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

/** Cleans, truncates and escapes so the escaped result has at most `max` characters. */
export function fitMarkdown(raw: string, max: number): string {
  return fitEscaped(cleanText(raw), max, escapeMarkdown);
}

/** Plain-text fields: mentions neutralised, then truncated. */
export function fitPlain(raw: string, max: number): string {
  return fitEscaped(cleanText(raw), max, neutraliseMentions);
}

/** An absolute http(s) URL safe inside `[text](url)`, or null (other schemes are dropped). */
export function toSafeUrl(raw: string | null | undefined): string | null {
  const url = parseSafeUrl(raw);
  if (!url) return null;
  const href = percentEncode(url.href, /[()<>\s"'[\]`]/g);
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
  const clean = cleanText(raw).replace(/`/g, "'");
  return `\`${fitEscaped(clean, Math.max(1, max - 2), neutraliseMentions)}\``;
}

/**
 * Escaped markdown of at most `max` characters with the words matching `needles` in bold
 * (`**…**`). Broadcasts are broken in the whole text before it is split into words, and every
 * span is escaped, so a marked word can neither close the bold early nor form a mention.
 */
export function formatHighlighted(raw: string, needles: HighlightNeedles, max: number): string {
  const clean = cleanText(raw).replace(BROADCAST, `@${ZWSP}$1`);
  return fitEscaped(
    clean,
    max,
    (text) => renderHighlights(text, needles, escapeCleaned, (escaped) => `**${escaped}**`),
    truncateAtWord,
  );
}
