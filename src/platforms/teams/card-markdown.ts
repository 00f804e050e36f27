// Turning untrusted text (feed titles, summaries, user queries) into inert Adaptive Card
// markdown. TextBlock markdown in Teams supports bold, italic, lists and `[text](url)` links
// (https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-format);
// a mention is `<at>name</at>` tied to an entity in the message. Rules:
// - markdown punctuation is backslash-escaped (CommonMark: any ASCII punctuation may be), so a
//   feed's `[NHS England](https://evil.example)` or `**` stays literal text;
// - a bare `scheme://` in feed text gets a zero-width space, so Teams does not turn it into a
//   link the bot never vetted;
// - `<` gets a zero-width space after it, so `<at>…</at>` (or any tag) cannot form; we also never
//   send mention entities, so nothing could resolve one;
// - links are absolute http(s) URLs without credentials, `()<>[]` quotes and spaces
//   percent-encoded, and the label is the escaped headline (as Slack and Discord do) or the host.
// Cleaning (control and bidi characters), cutting and URL vetting are shared (src/text/).
import { cleanText } from '../../text/clean-text.js';
import { parseSafeUrl, percentEncode } from '../../text/safe-url.js';
import { fitEscaped } from '../../text/truncate.js';

const PUNCTUATION = /[\\*_~`#>|[\]()!{}+]/g;
const ZWSP = '\u200b';

/** Escapes cleaned text for card markdown; the result has no working link, mention or markup. */
export function escapeCardText(raw: string): string {
  return cleanText(raw)
    .replace(PUNCTUATION, (c) => `\\${c}`)
    .replace(/^(\d+)\./, '$1\\.')
    .replace(/^-/, '\\-')
    .replace(/</g, `<${ZWSP}`)
    .replace(/&/g, `&${ZWSP}`)
    .replace(/:\/\//g, `:${ZWSP}//`);
}

/** Cleans, truncates and escapes so the escaped result has at most `max` characters. */
export function fitCardText(raw: string, max: number): string {
  return fitEscaped(cleanText(raw), max, escapeCardText);
}

/** An absolute http(s) URL safe inside `[text](url)`, or null (other schemes are dropped). */
export function toSafeCardUrl(raw: string | null | undefined): string | null {
  const url = parseSafeUrl(raw);
  if (!url) return null;
  const href = percentEncode(url.href, /[()<>\s"'[\]`\\]/g);
  return href.length > 1000 ? null : href;
}

/** The URL's host without `www.`, for "headline (gov.uk)". */
export function hostOf(safeUrl: string): string {
  return new URL(safeUrl).hostname.replace(/^www\./, '');
}

/**
 * `[label](url) (host)`: the escaped label, and the real host beside it so a reader sees where
 * the link goes; just the escaped label when the URL is unsafe.
 */
export function formatCardLink(
  rawUrl: string | null | undefined,
  rawLabel: string,
  maxLabel: number,
): string {
  const url = toSafeCardUrl(rawUrl);
  const label = fitCardText(rawLabel, maxLabel);
  if (!url) return label;
  const host = hostOf(url);
  return `[${label || escapeCardText(host)}](${url}) (${escapeCardText(host)})`;
}

/** A command hint in code style (backticks cannot be escaped inside code, so they are dropped). */
export function formatCardCode(raw: string, max: number): string {
  const clean = cleanText(raw).replace(/`/g, "'").replace(/</g, `<${ZWSP}`);
  return `\`${fitEscaped(clean, Math.max(1, max - 2), (s) => s)}\``;
}
