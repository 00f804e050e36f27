// One digest entry as Discord markdown for an embed description: linked headline, source and
// date (plus the other outlets that carried it), a short summary, and the organisations and sums.
// Pure. All feed text goes through discord-markdown.ts; the result never exceeds ENTRY_MAX, because
// optional parts are added only while they fit (headline first, then sources, summary, entities).
import type { DigestEntry } from '../../domain.js';
import { fitMarkdown, formatLink, toSafeUrl } from './discord-markdown.js';
import { formatDay } from './format-dates.js';

/** Upper bound on one entry, so several fit one embed description (4096). */
export const ENTRY_MAX = 1400;
const MAX_TITLE = 300;
const MAX_SUMMARY = 600;
const MAX_EXTRA_LINKS = 4;
const MAX_ORGS = 8;
const MAX_SUMS = 6;

export function renderEntryText(entry: DigestEntry, timeZone: string): string {
  const lead = entry.links[0];
  let text = `**${formatLink(entry.url ?? lead?.url, entry.title || 'Untitled', MAX_TITLE)}**`;

  const leadSource = lead
    ? fitMarkdown(lead.sourceName, 80) + (lead.paywalled ? ' (subscription)' : '')
    : '';
  let meta = [leadSource, formatDay(entry.publishedAt, timeZone)]
    .filter((s) => s !== '')
    .join(' · ');
  let extraText = '';
  let shown = 0;
  for (const link of entry.links.slice(1, 1 + MAX_EXTRA_LINKS)) {
    const piece = toSafeUrl(link.url)
      ? formatLink(link.url, link.sourceName, 80)
      : fitMarkdown(link.sourceName, 80);
    const next = extraText === '' ? `also ${piece}` : `${extraText}, ${piece}`;
    if (text.length + meta.length + next.length + 16 > ENTRY_MAX) break;
    extraText = next;
    shown += 1;
  }
  const hidden = entry.links.length - 1 - shown;
  if (hidden > 0 && extraText !== '') extraText += ` and ${hidden} more`;
  if (extraText !== '') meta = meta === '' ? extraText : `${meta} · ${extraText}`;
  if (meta !== '' && text.length + 1 + meta.length <= ENTRY_MAX) text += `\n${meta}`;

  const room = ENTRY_MAX - text.length - 1;
  if (entry.summary.trim() !== '' && room > 20) {
    text += `\n${fitMarkdown(entry.summary, Math.min(MAX_SUMMARY, room))}`;
  }

  const facts: string[] = [];
  if (entry.organisations.length > 0) {
    facts.push(`Organisations: ${entry.organisations.slice(0, MAX_ORGS).join(', ')}`);
  }
  if (entry.money.length > 0) facts.push(`Sums: ${entry.money.slice(0, MAX_SUMS).join(', ')}`);
  if (facts.length > 0) {
    const room2 = ENTRY_MAX - text.length - 3;
    if (room2 > 20) text += `\n*${fitMarkdown(facts.join(' · '), Math.min(400, room2))}*`;
  }
  return text;
}
