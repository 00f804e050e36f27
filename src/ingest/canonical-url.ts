// Canonical story URLs: the store deduplicates by this string across sources, so the same
// article reached through a newsletter link and a feed must canonicalise identically.
// Rules: absolute http(s) only (javascript:, data:, mailto:, ftp: ... give null), host lower-case
// (WHATWG URL does this), default port dropped, credentials and fragment removed, tracking
// parameters removed. The remaining query parameters keep their order: reordering could change
// meaning on sites that read the raw query string.

/** Exact parameter names (lower-case) that only track the click, never select content. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'msclkid',
  'yclid',
  'twclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  '_hsenc',
  '_hsmi',
  '__hssc',
  '__hstc',
  '__hsfp',
  'hsctatracking',
  'mkt_tok',
  '_ga',
  '_gl',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'vero_conv',
  'wt.mc_id',
  'wt.tsrc',
  'at_medium',
  'at_campaign',
  'cmpid',
  'ncid',
  'sr_share',
  'ss_source',
  'ss_campaign_id',
  'ito',
]);

/** Parameter prefixes (lower-case) that only track: utm_source, utm_medium, pk_campaign, ... */
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'piwik_', 'hsa_'];

export function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((p) => lower.startsWith(p));
}

/** Resolves `raw` against `base` (when relative); null unless the result is absolute http(s). */
export function resolveHttpUrl(
  raw: string | null | undefined,
  base?: string | null,
): string | null {
  if (raw === null || raw === undefined) return null;
  // Feeds put whitespace and even newlines inside <link>; URLs never legitimately contain them.
  // An ampersand escaped twice (`&amp;amp;` in the XML) reaches us as "&amp;": a URL means "&".
  const trimmed = raw
    .trim()
    .replace(/[\t\n\r]/g, '')
    .replace(/&(?:amp|#38|#x26);/gi, '&');
  if (trimmed === '') return null;
  let url: URL;
  try {
    url = base ? new URL(trimmed, base) : new URL(trimmed);
  } catch {
    try {
      // A base that is itself unusable: try the link alone.
      url = new URL(trimmed);
    } catch {
      return null;
    }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.hostname === '') return null;
  return url.href;
}

/** The canonical form described in the header, or null when there is no usable http(s) URL. */
export function canonicaliseUrl(
  raw: string | null | undefined,
  base?: string | null,
): string | null {
  const resolved = resolveHttpUrl(raw, base);
  if (resolved === null) return null;
  const url = new URL(resolved);
  url.hash = '';
  url.username = '';
  url.password = '';
  if (url.search !== '') {
    const kept = [...url.searchParams].filter(([name]) => !isTrackingParam(name));
    if (kept.length === 0) url.search = '';
    else if (kept.length !== [...url.searchParams].length) {
      url.search = new URLSearchParams(kept).toString();
    }
  }
  // `https://example.org?` -> `https://example.org/` (URL keeps a bare "?" otherwise).
  return url.href.endsWith('?') ? url.href.slice(0, -1) : url.href;
}
