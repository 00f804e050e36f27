// Turning untrusted text (feed titles, summaries, user queries) into inert Slack mrkdwn.
// Rules, from https://api.slack.com/reference/surfaces/formatting#escaping: `&`, `<` and `>` are
// control characters and must be sent as `&amp;`, `&lt;`, `&gt;`. Once they are escaped, no
// input can form `<!channel>`, `<!here>`, `<@U…>`, `<#C…>`, `<!subteam^…>` or a `<url|label>`
// link. We never set `link_names`, so bare `@channel` is already plain text; a word joiner is
// still inserted after the `@` as defence in depth. mrkdwn has no escape for `*`, `_`, `~` and
// backticks, so inside bold text (headlines, theme labels) they become look-alike characters
// that cannot close the bold early. Cleaning, cutting and URL vetting are shared (src/text/).
import { cleanText } from '../../text/clean-text.js';
import { parseSafeUrl, percentEncode } from '../../text/safe-url.js';
import { renderHighlights, type HighlightNeedles } from '../../text/highlight-words.js';
import { fitEscaped, truncateAtWord, truncateText } from '../../text/truncate.js';

const BROADCAST = /@(channel|here|everyone)\b/gi;
const MARKS: Record<string, string> = { '*': '\u2217', _: '\u02cd', '~': '\u223c', '`': '\u02cb' };

/** Escapes cleaned text for mrkdwn. The output cannot contain a working mention or link. */
export function escapeMrkdwn(raw: string): string {
  return cleanText(raw)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(BROADCAST, '@\u2060$1');
}

/** `*`, `_`, `~` and backticks as look-alikes, so text inside `*…*` cannot end or nest markup. */
export function neutraliseMarks(raw: string): string {
  return raw.replace(/[*_~`]/g, (c) => MARKS[c]!);
}

/** Cleans, truncates and escapes so the escaped result has at most `max` characters. */
export function fitMrkdwn(raw: string, max: number): string {
  return fitEscaped(cleanText(raw), max, escapeMrkdwn);
}

/** Bold text (`*…*`) of at most `max` characters plus the two stars; marks neutralised. */
export function formatBold(raw: string, max: number): string {
  return `*${fitMrkdwn(neutraliseMarks(raw), max)}*`;
}

/** Cleans and truncates for plain_text fields (headers, buttons, fallbacks): no escaping needed. */
export function fitPlain(raw: string, max: number): string {
  return truncateText(cleanText(raw).replace(BROADCAST, '@\u2060$1'), max);
}

/**
 * An absolute http(s) URL safe to place inside `<…|…>`, or null. javascript:, data: and any
 * other scheme are dropped. `|`, `<`, `>`, `"` and whitespace are percent-encoded, `&` escaped.
 */
export function toSafeLinkUrl(raw: string | null | undefined): string | null {
  const url = parseSafeUrl(raw);
  if (!url) return null;
  const href = percentEncode(url.href, /[|<>\s"]/g);
  if (href.length > 2000) return null;
  return href.replace(/&/g, '&amp;');
}

/**
 * `<url|label>` with an escaped label, or just the escaped label when the URL is unsafe. The
 * label's `*`, `_`, `~` and backticks are neutralised, so the link can sit inside bold text.
 */
export function formatLink(url: string | null | undefined, label: string, maxLabel = 300): string {
  const text = fitMrkdwn(neutraliseMarks(label), maxLabel) || 'untitled';
  const safe = toSafeLinkUrl(url);
  return safe ? `<${safe}|${text}>` : text;
}

/** Inline code for echoing what a user typed (escaped; backticks removed so it stays one span). */
export function formatCode(raw: string, max = 200): string {
  const text = fitMrkdwn(raw.replace(/`/g, "'"), max);
  return text === '' ? '' : `\`${text}\``;
}

/**
 * Escaped mrkdwn of at most `max` characters with the words matching `needles` in bold. Marks
 * are neutralised in the whole text first (so no `*` of the text can pair with a highlight's),
 * broadcasts are broken before the text is split into words, and every span is escaped.
 */
export function formatHighlighted(raw: string, needles: HighlightNeedles, max: number): string {
  const clean = neutraliseMarks(cleanText(raw)).replace(BROADCAST, '@\u2060$1');
  const escapeSpan = (text: string) =>
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return fitEscaped(
    clean,
    max,
    (text) => renderHighlights(text, needles, escapeSpan, (escaped) => `*${escaped}*`),
    truncateAtWord,
  );
}
