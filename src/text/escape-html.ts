// HTML escaping for feed text and the only way a URL becomes a link in HTML (the email digest
// and the web archive). Pure. Every character that could open a tag, an entity or end an
// attribute value is escaped, so a hostile title (`<script>`, `<img onerror=...>`,
// `"><a href=...>`) is shown as text. Links are http(s) only (parseSafeUrl refuses
// `javascript:`, `data:`, credentials); the link text is the feed's title and the host is printed
// next to it, so a link cannot pretend to go elsewhere.
import { cleanText } from './clean-text.js';
import { parseSafeUrl } from './safe-url.js';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Feed (or any untrusted) text as HTML text or attribute content. */
export function escapeHtml(text: string): string {
  return escapeHtmlChars(cleanText(text));
}

/**
 * Only the escaping, for a piece of text already cleaned as a whole (cleanText trims, which
 * would eat the spaces around a highlighted word when each span is escaped on its own).
 */
export function escapeHtmlChars(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** The URL for an href, or null for anything but http(s) without credentials. */
export function safeHref(url: string | null | undefined): URL | null {
  return parseSafeUrl(url);
}

/**
 * `<a>` with the title as text and the host shown after it; plain escaped text without a safe
 * URL. `linkAttrs` and `hostAttrs` are trusted attribute text (` style="..."`, ` class="..."`).
 */
export function linkHtml(
  text: string,
  url: string | null,
  linkAttrs: string,
  hostAttrs: string,
): string {
  const safe = safeHref(url);
  const label = escapeHtml(text);
  if (!safe) return label;
  return `<a href="${escapeHtml(safe.href)}"${linkAttrs}>${label}</a> <span${hostAttrs}>(${escapeHtml(safe.host)})</span>`;
}
