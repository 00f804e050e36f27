// One digest entry as the mrkdwn text of one Block Kit section: linked bold headline, source and
// date (plus the other outlets that carried it), a short summary, and the organisations and sums
// it mentions. Pure. The layout is shared (digest/entry-parts.ts); all feed text goes through
// mrkdwn.ts, and the result never exceeds the section text limit.
import { layoutEntry, layoutLead, type EntryStyle } from '../../digest/entry-parts.js';
import type { DigestEntry, DigestLead } from '../../domain.js';
import type { LabelOf } from '../../digest/section-labels.js';
import { SLACK_LIMITS } from './block-kit.js';
import { fitMrkdwn, formatLink, neutraliseMarks } from './mrkdwn.js';

const MAX_TITLE = 300;

const SLACK_ENTRY: EntryStyle = {
  limit: SLACK_LIMITS.sectionText,
  maxSummary: 700,
  maxExtraLinks: 5,
  headline: (url, title) => `*${formatLink(url, title, MAX_TITLE)}*`,
  link: formatLink,
  fit: fitMrkdwn,
  facts: (text, max) => `_${fitMrkdwn(neutraliseMarks(text), max)}_`,
};

/** `labelOf`: the view's section labels for "Filed under"/"Also in" (digest/section-labels.ts). */
export function renderEntryText(entry: DigestEntry, timeZone: string, labelOf?: LabelOf): string {
  return layoutEntry(entry, timeZone, SLACK_ENTRY, labelOf);
}

/** The lead: the entry with its longer summary, then "Why it matters" as a list. */
export function renderLeadText(lead: DigestLead, timeZone: string, labelOf?: LabelOf): string {
  return layoutLead(lead, timeZone, SLACK_ENTRY, labelOf);
}
