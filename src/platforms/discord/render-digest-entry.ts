// One digest entry as Discord markdown for an embed description: linked bold headline, source
// and date (plus the other outlets that carried it), a short summary, and the organisations and
// sums. Pure. The layout is shared (digest/entry-parts.ts); all feed text goes through
// discord-markdown.ts, and the result never exceeds ENTRY_MAX.
import { layoutEntry, layoutLead, type EntryStyle } from '../../digest/entry-parts.js';
import type { DigestEntry, DigestLead } from '../../domain.js';
import type { LabelOf } from '../../digest/section-labels.js';
import { fitMarkdown, formatLink } from './discord-markdown.js';

/** Upper bound on one entry, so several fit one embed description (4096). */
export const ENTRY_MAX = 1400;
const MAX_TITLE = 300;

const DISCORD_ENTRY: EntryStyle = {
  limit: ENTRY_MAX,
  maxSummary: 600,
  maxExtraLinks: 4,
  headline: (url, title) => `**${formatLink(url, title || 'Untitled', MAX_TITLE)}**`,
  link: formatLink,
  fit: fitMarkdown,
  facts: (text, max) => `*${fitMarkdown(text, max)}*`,
};

/** `labelOf`: the view's section labels for "Filed under"/"Also in" (digest/section-labels.ts). */
export function renderEntryText(entry: DigestEntry, timeZone: string, labelOf?: LabelOf): string {
  return layoutEntry(entry, timeZone, DISCORD_ENTRY, labelOf);
}

/** The lead: the entry with its longer summary, then "Why it matters" as a list. */
export function renderLeadText(lead: DigestLead, timeZone: string, labelOf?: LabelOf): string {
  return layoutLead(lead, timeZone, DISCORD_ENTRY, labelOf);
}
