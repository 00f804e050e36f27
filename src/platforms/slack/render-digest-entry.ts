// One digest entry as one Block Kit section: linked headline, source and date (plus the other
// outlets that carried it), a short summary, and the organisations and sums it mentions.
// Pure. All feed text goes through mrkdwn.ts; the result never exceeds the section limit, because
// optional parts are added only while they fit (headline first, then sources, summary, entities).
import type { DigestEntry } from '../../domain.js';
import { SLACK_LIMITS } from './block-kit.js';
import { formatDay } from './format-dates.js';
import { escapeMrkdwn, fitMrkdwn, formatLink, toSafeLinkUrl } from './mrkdwn.js';

const MAX_TITLE = 300;
const MAX_SUMMARY = 700;
const MAX_EXTRA_LINKS = 5;
const MAX_ORGS = 8;
const MAX_SUMS = 6;

export function renderEntryText(entry: DigestEntry, timeZone: string): string {
  const limit = SLACK_LIMITS.sectionText;
  const lead = entry.links[0];
  const headline = `*${formatLink(entry.url ?? lead?.url, entry.title, MAX_TITLE)}*`;
  let text = headline;

  const leadSource = lead
    ? escapeMrkdwn(lead.sourceName) + (lead.paywalled ? ' (subscription)' : '')
    : '';
  const day = formatDay(entry.publishedAt, timeZone);
  let meta = [leadSource, day].filter((s) => s !== '').join(' · ');
  const extras = entry.links.slice(1, 1 + MAX_EXTRA_LINKS);
  let extraText = '';
  let shown = 0;
  for (const link of extras) {
    const piece = toSafeLinkUrl(link.url)
      ? formatLink(link.url, link.sourceName, 80)
      : fitMrkdwn(link.sourceName, 80);
    const next = extraText === '' ? `also ${piece}` : `${extraText}, ${piece}`;
    if (text.length + meta.length + next.length + 8 > limit) break;
    extraText = next;
    shown += 1;
  }
  const hidden = entry.links.length - 1 - shown;
  if (hidden > 0 && extraText !== '') extraText += ` and ${hidden} more`;
  if (extraText !== '') meta = meta === '' ? extraText : `${meta} · ${extraText}`;
  if (meta !== '' && text.length + 1 + meta.length <= limit) text += `\n${meta}`;

  const room = limit - text.length - 1;
  if (entry.summary.trim() !== '' && room > 20) {
    text += `\n${fitMrkdwn(entry.summary, Math.min(MAX_SUMMARY, room))}`;
  }

  const facts: string[] = [];
  if (entry.organisations.length > 0) {
    facts.push(`Organisations: ${entry.organisations.slice(0, MAX_ORGS).join(', ')}`);
  }
  if (entry.money.length > 0) facts.push(`Sums: ${entry.money.slice(0, MAX_SUMS).join(', ')}`);
  if (facts.length > 0) {
    const line = `_${fitMrkdwn(facts.join(' · '), 400)}_`;
    if (text.length + 1 + line.length <= limit) text += `\n${line}`;
  }
  return text;
}
