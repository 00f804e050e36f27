// Field rules shared by both feed readers (rss-parser's output and the tolerant reader), so the
// two agree on what a title, link or date is:
// - Atom link choice (RFC 4287 §4.2.7): rel="alternate" (or no rel), preferring an HTML type,
//   then any alternate, then the first link that is not self/edit/enclosure/replies;
// - relative links resolve against xml:base (innermost first, RFC 4287 §2 / XML Base) and then
//   the document URL;
// - Atom text constructs: type="text" content is escaped so that later HTML-to-text keeps
//   literal "<"; with no type (text by default, RFC 4287 §3.1.1) only content holding real HTML
//   tags is taken as markup, as feeds put HTML there, else its angle brackets are escaped;
//   base64 content (Atom 0.3 mode="base64") is decoded.
import { resolveHttpUrl } from './canonical-url.js';
import { hasHtmlTags } from './plain-text.js';

export interface LinkCandidate {
  href: string;
  rel: string | null;
  type: string | null;
  /** The xml:base in scope for this link (already absolute) or the document URL. */
  base: string | null;
}

const NON_ALTERNATE = new Set(['self', 'edit', 'enclosure', 'replies', 'hub', 'license', 'next']);

/** The story link among Atom-style candidates, resolved to absolute http(s), or null. */
export function chooseAlternateLink(links: readonly LinkCandidate[]): string | null {
  const resolved = links
    .map((l) => ({
      ...l,
      url: resolveHttpUrl(l.href, l.base),
      rel: l.rel?.trim().toLowerCase() ?? null,
    }))
    .filter((l) => l.url !== null);
  const alternates = resolved.filter(
    (l) => l.rel === null || l.rel === '' || l.rel === 'alternate',
  );
  const html = alternates.find((l) => !l.type || /html/i.test(l.type));
  const choice =
    html ?? alternates[0] ?? resolved.find((l) => l.rel === null || !NON_ALTERNATE.has(l.rel));
  return choice?.url ?? null;
}

/** Applies an xml:base attribute (possibly relative) on top of the base already in scope. */
export function applyXmlBase(
  xmlBase: string | null | undefined,
  inScope: string | null,
): string | null {
  if (!xmlBase || xmlBase.trim() === '') return inScope;
  try {
    const next = inScope ? new URL(xmlBase.trim(), inScope) : new URL(xmlBase.trim());
    return next.href;
  } catch {
    return inScope;
  }
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Turns an Atom/RSS text construct into the HTML-ish string RawItem carries.
 * `type` and `mode` are the element's attributes.
 */
export function textConstruct(value: string, type: string | null, mode: string | null): string {
  const t = type?.trim().toLowerCase() ?? '';
  const binary =
    mode?.toLowerCase() === 'base64' ||
    /^(application\/octet-stream|image\/|audio\/|video\/)/.test(t);
  if (binary && /^[A-Za-z0-9+/=\s]+$/.test(value)) {
    return Buffer.from(value.replace(/\s+/g, ''), 'base64').toString('utf8');
  }
  if (t === 'text' || t === 'text/plain') return escapeHtml(value);
  if (t === '' && !hasHtmlTags(value)) return value.replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return value;
}

/** Looks like a URL we could link to (permalink GUIDs, rdf:about). */
export function looksLikeHttpUrl(value: string | null | undefined): boolean {
  return !!value && /^\s*https?:\/\/\S+\s*$/i.test(value);
}

// The address ends at the first space or `(`, so the pattern can split a string only one way; the
// old `^\S+@\S+\s*\((.+)\)\s*$` backtracked polynomially on "@@@@((((" (issue 12).
export const EMAIL_WITH_NAME = /^[^\s@]+@[^\s(]+\s*\((.+)\)\s*$/;

/** RSS 2.0 <author> is "email (Name)": the Name when `text` has that shape, else null. */
export function nameFromEmailAuthor(text: string): string | null {
  return EMAIL_WITH_NAME.exec(text)?.[1] ?? null;
}
